"""The programme's territorialisation: a page per arrondissement. The sources give no town
hall address, so none is set (editors fill it in)."""

from events.models import ArrondissementIndexPage, ArrondissementPage

from .spec import PageSpec, Tr


def _ordinal_fr(number):
    return "1er" if number == 1 else f"{number}e"


def _ordinal_en(number):
    suffix = (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number}{suffix}"


def arrondissement(number):
    fr, en = _ordinal_fr(number), _ordinal_en(number)
    return PageSpec(
        ArrondissementPage,
        f"arrondissement-{number}",
        title=Tr(f"{fr} arrondissement", f"{en} arrondissement"),
        slug=Tr(fr, en),
        fields={
            "number": number,
            "introduction": Tr(
                f"Les événements et les communautés des Volontaires de Paris dans le {fr} "
                "arrondissement.",
                f"The events and communities of the Volontaires de Paris in the {en} "
                "arrondissement.",
            ),
        },
    )


def arrondissements():
    return PageSpec(
        ArrondissementIndexPage,
        "arrondissements",
        title=Tr("Arrondissements", "Arrondissements"),
        slug=Tr("arrondissements", "arrondissements"),
        fields={
            "introduction": Tr(
                "La territorialisation du programme : ses événements et ses communautés, "
                "arrondissement par arrondissement.",
                "The programme across the city: its events and communities, arrondissement "
                "by arrondissement.",
            ),
        },
        children=[arrondissement(number) for number in range(1, 21)],
    )
