"""The demo's images, drawn as SVG: community pictograms, the home hero, kit and event
illustrations. Crisp at any size, with room around every glyph so that no rendition crops it.

Nothing is downloaded. Each image's title describes it, since templates use it as alt text.
"""

from django.core.files.base import ContentFile
from wagtail.images import get_image_model
from wagtail.utils.file import hash_filelike

# Drawing colours for CommunityPage.COLOURS keys (the page itself only stores the key).
COLOURS = {
    "solidarity": "#c82434",
    "climate": "#1f68a8",
    "green": "#267c4a",
    "cleanliness": "#107a7a",
    "street": "#c46210",
    "company": "#6f4696",
    "rescue": "#a01438",
    "debate": "#3c3ca0",
    "sport": "#b08800",
}
PAPER = "#f6f4ef"

# White glyphs drawn in a 96 × 96 box, within its central 60 units.
GLYPHS = {
    "heart": '<path d="M48 72C22 55 21 33 34 29c7-2 12 2 14 7 2-5 7-9 14-7 13 4 12 26-14 43z"/>',
    "sun": (
        '<circle cx="48" cy="48" r="12"/><g stroke="#fff" stroke-width="5" '
        'stroke-linecap="round">'
        + "".join(
            f'<line x1="48" y1="24" x2="48" y2="30" transform="rotate({a} 48 48)"/>'
            for a in range(0, 360, 45)
        )
        + "</g>"
    ),
    "leaf": (
        '<path d="M27 69c0-25 17-42 44-42 0 25-16 42-42 42z"/>'
        '<path d="M31 65 60 37" stroke="{colour}" stroke-width="3" stroke-linecap="round"/>'
    ),
    "sparkle": '<path d="M48 20l6 22 22 6-22 6-6 22-6-22-22-6 22-6z"/>',
    "pin": (
        '<path d="M48 76C37 61 31 52 31 42a17 17 0 0 1 34 0c0 10-6 19-17 34z"/>'
        '<circle cx="48" cy="42" r="6" fill="{colour}"/>'
    ),
    "people": (
        '<circle cx="37" cy="36" r="8"/><circle cx="59" cy="36" r="8"/>'
        '<path d="M23 68c0-16 28-16 28 0z"/><path d="M45 68c0-16 28-16 28 0z"/>'
    ),
    "cross": '<path d="M41 24h14v17h17v14H55v17H41V55H24V41h17z"/>',
    "bubbles": (
        '<rect x="22" y="24" width="38" height="26" rx="6"/><path d="M30 48l-4 10 12-8z"/>'
        '<rect x="42" y="44" width="32" height="22" rx="6" fill-opacity="0.8"/>'
        '<path d="M66 64l4 9-11-7z" fill-opacity="0.8"/>'
    ),
    "medal": (
        '<path d="M36 20h9l6 18h-9zM60 20h-9l-6 18h9z"/>'
        '<circle cx="48" cy="56" r="16"/>'
        '<circle cx="48" cy="56" r="9" fill="none" stroke="{colour}" stroke-width="3"/>'
    ),
}


def _svg(width, height, body):
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width * 4}" height="{height * 4}">{body}</svg>'
    )


def _glyph(name, colour):
    return f'<g fill="#fff">{GLYPHS[name].format(colour=colour)}</g>'


def pictogram(glyph, colour_key):
    """A disc of the community's colour, the glyph in white."""
    colour = COLOURS[colour_key]
    return _svg(96, 96, f'<circle cx="48" cy="48" r="48" fill="{colour}"/>{_glyph(glyph, colour)}')


def illustration(glyph, colour_key):
    """A 16:9 card: the kit or event as a booklet whose cover bears the community's colour and
    glyph, on paper dotted with that colour."""
    colour = COLOURS[colour_key]
    dots = "".join(
        f'<circle cx="{x}" cy="{y}" r="1.2" fill="{colour}" fill-opacity="0.2"/>'
        for x in range(5, 160, 10)
        for y in range(5, 90, 10)
    )
    booklet = (
        '<g transform="translate(56 9)">'
        '<rect x="4" y="4" width="48" height="70" rx="2" fill="#000" fill-opacity="0.12"/>'
        '<path d="M0 0h38l10 10v60H0z" fill="#fff"/>'
        '<path d="M38 0v10h10z" fill="#dcd8ce"/>'
        f'<rect y="16" width="48" height="40" fill="{colour}"/>'
        f'<g transform="translate(4 16) scale(0.4167)">{_glyph(glyph, colour)}</g>'
        "</g>"
    )
    return _svg(160, 90, f'<rect width="160" height="90" fill="{PAPER}"/>{dots}{booklet}')


def hero():
    """Nine overlapping discs, one per community colour, all whole within the frame."""
    discs = "".join(
        f'<circle cx="{14 + 11.5 * index}" cy="{38 if index % 2 else 52}" r="13" '
        f'fill="{colour}" fill-opacity="0.92"/>'
        for index, colour in enumerate(COLOURS.values())
    )
    return _svg(120, 90, f'<rect width="120" height="90" fill="{PAPER}"/>{discs}')


# key: (title, used as alt text; file name; SVG)
IMAGES = {
    "pictogram-solidarity": (
        "Pictogramme des Volontaires de la Solidarité : un cœur blanc sur fond rouge",
        "pictogramme-solidarite.svg",
        pictogram("heart", "solidarity"),
    ),
    "pictogram-climate": (
        "Pictogramme des Volontaires du Climat : un soleil blanc sur fond bleu",
        "pictogramme-climat.svg",
        pictogram("sun", "climate"),
    ),
    "pictogram-green": (
        "Pictogramme de Végétalisons Paris : une feuille blanche sur fond vert",
        "pictogramme-vegetalisons-paris.svg",
        pictogram("leaf", "green"),
    ),
    "pictogram-cleanliness": (
        "Pictogramme des Volontaires de la Propreté : une étoile scintillante sur fond turquoise",
        "pictogramme-proprete.svg",
        pictogram("sparkle", "cleanliness"),
    ),
    "pictogram-street": (
        "Pictogramme des Signaleurs « Dans ma rue » : un repère de carte sur fond orange",
        "pictogramme-dans-ma-rue.svg",
        pictogram("pin", "street"),
    ),
    "pictogram-company": (
        "Pictogramme de Paris en Compagnie : deux silhouettes côte à côte sur fond violet",
        "pictogramme-paris-en-compagnie.svg",
        pictogram("people", "company"),
    ),
    "pictogram-rescue": (
        "Pictogramme de Paris qui Sauve : une croix de premiers secours sur fond pourpre",
        "pictogramme-paris-qui-sauve.svg",
        pictogram("cross", "rescue"),
    ),
    "pictogram-debate": (
        "Pictogramme des Volontaires des Débats : deux bulles de dialogue sur fond indigo",
        "pictogramme-debats.svg",
        pictogram("bubbles", "debate"),
    ),
    "pictogram-sport": (
        "Pictogramme de Team Paris : une médaille sur fond doré",
        "pictogramme-team-paris.svg",
        pictogram("medal", "sport"),
    ),
    "hero": (
        "Neuf disques de couleur qui se chevauchent, un par communauté de Volontaires",
        "volontaires-de-paris-accueil.svg",
        hero(),
    ),
    "kit-heatwave": (
        "Illustration du kit « Le Volontaire et la canicule » : un soleil",
        "kit-canicule.svg",
        illustration("sun", "climate"),
    ),
    "evening": (
        "Illustration de la Soirée de l’engagement : deux bulles de dialogue",
        "soiree-de-l-engagement.svg",
        illustration("bubbles", "debate"),
    ),
}


def ensure_images():
    """The demo images by key, and those created now.

    An image is saved only when no image has its title yet.
    """
    Image = get_image_model()
    titles = {title: key for key, (title, _filename, _svg) in IMAGES.items()}
    images = {titles[image.title]: image for image in Image.objects.filter(title__in=titles)}
    created = []
    for key, (title, filename, svg) in IMAGES.items():
        if key in images:
            continue
        content = ContentFile(svg.encode(), name=filename)
        image = Image(title=title, file=content, file_size=content.size)
        image.file_hash = hash_filelike(content)
        content.seek(0)
        image.save()
        images[key] = image
        created.append(image)
    return images, created
