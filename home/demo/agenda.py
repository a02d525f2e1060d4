"""Events dated relative to today, so the agenda always shows upcoming and past events.

Their subjects come from the seeds (the Soirée de l'engagement and its programme, clean-tag
operations, forest planting, the Nuit de la Solidarité, the trainings the action plan names);
their dates, times and numbers of places are demo values.
"""

import datetime
import zoneinfo
from typing import NamedTuple

from django.conf import settings

from events.models import EventPage

from .spec import CourseRef, ImageRef, PageRef, PageSpec, Stream, Tr, link, paragraph

Kind = EventPage.Kind

HOTEL_DE_VILLE = Tr("Hôtel de Ville", "Hôtel de Ville")
HOTEL_DE_VILLE_ADDRESS = "Place de l'Hôtel de Ville, 75004 Paris"
FABRIQUE = Tr("Fabrique de la Solidarité", "Fabrique de la Solidarité")


class Place(NamedTuple):
    """A venue the seeds name (the Hôtel de Ville and the « grands lieux de l'engagement » of
    seed 003), with its public address. The Académie du Climat is the former town hall of
    the 4th arrondissement."""

    name: Tr
    address: str = ""
    arrondissement: int | None = None


ACADEMIE_DU_CLIMAT = Place(
    Tr("Académie du Climat", "Académie du Climat"), "2 place Baudoyer, 75004 Paris", 4
)
QUARTIER_JEUNES = Place(
    Tr("Quartier Jeunes", "Quartier Jeunes"), "4 place du Louvre, 75001 Paris", 1
)
CARREFOUR = Place(
    Tr("Carrefour des Associations Parisiennes", "Carrefour des Associations Parisiennes"),
    "181 avenue Daumesnil, 75012 Paris",
    12,
)
# Missions outdoors start together from a place the volunteers know.
HOTEL_DE_VILLE_PLACE = Place(HOTEL_DE_VILLE, HOTEL_DE_VILLE_ADDRESS, 4)
MEETING_AT_HOTEL_DE_VILLE = Place(
    Tr(
        "Hôtel de Ville, point de rendez-vous de l'équipe",
        "Hôtel de Ville, the team's meeting point",
    ),
    HOTEL_DE_VILLE_ADDRESS,
    4,
)
MEETING_AT_ACADEMIE = Place(
    Tr(
        "Académie du Climat, point de rendez-vous de l'équipe",
        "Académie du Climat, the team's meeting point",
    ),
    ACADEMIE_DU_CLIMAT.address,
    4,
)
MEETING_AT_FABRIQUE = Place(
    Tr(
        "Fabrique de la Solidarité, point de rendez-vous de l'équipe",
        "Fabrique de la Solidarité, the team's meeting point",
    )
)


class Clock:
    """Turns « in N days at HH:MM, Paris time » into an aware UTC datetime."""

    def __init__(self, today):
        self.today = today
        self.zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)

    def __call__(self, days, hour, minute=0):
        return self._at(self.today + datetime.timedelta(days=days), hour, minute)

    def next(self, month, day, hour, minute=0):
        """The next `day`/`month` (today included), for an event the sources date."""
        date = datetime.date(self.today.year, month, day)
        if date < self.today:
            date = date.replace(year=date.year + 1)
        return self._at(date, hour, minute)

    def last(self, month, day, hour, minute=0):
        """The last `day`/`month` before today, for an event the sources say took place."""
        date = datetime.date(self.today.year, month, day)
        if date >= self.today:
            date = date.replace(year=date.year - 1)
        return self._at(date, hour, minute)

    def _at(self, day, hour, minute):
        moment = datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=self.zone)
        return moment.astimezone(datetime.UTC)


def event(key, kind, title, slug, start, end, venue, introduction, body=(), **fields):
    """An event; those with places open registration four weeks ahead until the day before."""
    if isinstance(venue, Place):
        fields.setdefault("address", venue.address)
        fields.setdefault("arrondissement", venue.arrondissement)
        venue = venue.name
    fields = {
        "kind": kind,
        "start": start,
        "end": end,
        "venue": venue,
        "introduction": introduction,
        "body": Stream(body),
        **fields,
    }
    if fields.get("capacity"):
        fields["registration_opens_at"] = start - datetime.timedelta(days=28)
        fields["registration_closes_at"] = start - datetime.timedelta(days=1)
    return PageSpec(EventPage, key, title=title, slug=slug, fields=fields)


def programme_item(time, title, details=""):
    return ("item", {"time": time, "title": title, "details": details})


def soiree(at):
    """The Soirée de l'engagement at the Hôtel de Ville, with the programme of seed 003: on
    3 December, as the press release dates it, the next one to come."""
    return event(
        "event-evening",
        Kind.EVENT,
        Tr("Soirée de l'engagement", "Evening of engagement"),
        Tr("soiree-de-l-engagement", "evening-of-engagement"),
        at.next(12, 3, 16),
        at.next(12, 3, 22),
        HOTEL_DE_VILLE,
        Tr(
            "À l'occasion de la Journée internationale des Volontaires, la Ville de Paris ouvre "
            "les portes de l'Hôtel de Ville pour la soirée de l'engagement.",
            "For International Volunteer Day, the Ville de Paris opens the doors of the Hôtel "
            "de Ville for the evening of engagement.",
        ),
        [
            paragraph(
                Tr(
                    "<p>A travers des conférences, des ateliers ludiques, une cinquantaine de "
                    "stands, les Parisiennes et Parisiens pourront échanger avec les bénévoles et "
                    "associations pour découvrir l'étendue des actions qu'ils mènent au quotidien "
                    "dans des domaines variés : solidarité, climat, culture, démocratie ou encore "
                    "sport, et ce, pour tous les âges.</p>"
                    "<p>Inscription obligatoire dans la limite des places disponibles.</p>",
                    "<p>Through talks, playful workshops and some fifty stands, Parisians will be "
                    "able to meet volunteers and associations and discover the full range of what "
                    "they do every day in many fields: solidarity, climate, culture, democracy and "
                    "sport, for all ages.</p>"
                    "<p>Registration required, subject to availability.</p>",
                )
            ),
            link(
                Tr("Le communiqué de presse", "The press release"),
                PageRef("press-release-evening"),
            ),
        ],
        address=HOTEL_DE_VILLE_ADDRESS,
        arrondissement=4,
        capacity=500,
        listing_image=ImageRef("evening"),
        programme=Stream(
            [
                programme_item(
                    "16:00:00", Tr("Ouverture des portes au public", "Doors open to the public")
                ),
                programme_item(
                    "17:00:00",
                    Tr(
                        "Conférence : les Volontaires de Paris et la résilience",
                        "Talk: the Volontaires de Paris and resilience",
                    ),
                ),
                programme_item(
                    "18:30:00",
                    Tr("Discours", "Speeches"),
                    Tr(
                        "Discours de Patrick Bloche, Premier adjoint de la Maire de Paris et "
                        "Anouch Toranian, adjointe à la Maire de Paris en charge de la vie "
                        "associative, de la participation citoyenne et du débat public et "
                        "Pénélope Komites, adjointe à la Maire de Paris en charge de "
                        "l'innovation, de l'attractivité, de la prospective Paris 2030, de la "
                        "résilience",
                        "Speeches by Patrick Bloche, First Deputy Mayor of Paris, Anouch "
                        "Toranian, Deputy Mayor of Paris in charge of community life, citizen "
                        "participation and public debate, and Pénélope Komites, Deputy Mayor of "
                        "Paris in charge of innovation, attractiveness, Paris 2030 foresight "
                        "and resilience",
                    ),
                ),
                programme_item(
                    "19:00:00",
                    Tr(
                        "Conférence : Valoriser l'engagement associatif et citoyen : vers un "
                        "Passeport parisien de l'engagement",
                        "Talk: Recognising associative and civic engagement: towards a Paris "
                        "engagement passport",
                    ),
                ),
                programme_item("20:00:00", Tr("Buffet et DJ set", "Buffet and DJ set")),
            ]
        ),
    )


def agenda_events(today):
    """Events open to everyone, across communities: they live under the agenda."""
    at = Clock(today)
    return [
        soiree(at),
        event(
            "event-citizen-workshop",
            Kind.WORKSHOP,
            Tr(
                "Atelier citoyen : le Budget participatif",
                "Citizen workshop: the Participatory Budget",
            ),
            Tr("atelier-citoyen-budget-participatif", "citizen-workshop-participatory-budget"),
            at(20, 18, 30),
            at(20, 20, 30),
            Tr(
                "Maison de la vie associative et citoyenne",
                "Maison de la vie associative et citoyenne",
            ),
            Tr(
                "Un atelier citoyen pour comprendre comment les Parisiens participent aux "
                "décisions qui concernent leur vie quotidienne.",
                "A citizen workshop on how Parisians take part in decisions about their daily "
                "lives.",
            ),
            [
                paragraph(
                    Tr(
                        "<p>Depuis 2014, le Budget participatif donne la possibilité aux Parisiens "
                        "de participer aux décisions qui concernent leur vie quotidienne. En "
                        "déposant leurs projets et en votant pour leurs propositions préférées, les "
                        "citoyens contribuent chaque année à l'amélioration des services et de "
                        "l'environnement de la capitale.</p>",
                        "<p>Since 2014, the Participatory Budget has given Parisians the chance to "
                        "take part in decisions about their daily lives. By submitting projects and "
                        "voting for their favourite proposals, citizens help improve the capital's "
                        "services and environment every year.</p>",
                    )
                ),
            ],
            capacity=30,
        ),
        event(
            "event-unusual-visit",
            Kind.VISIT,
            Tr("Visite insolite de l'Hôtel de Ville", "Unusual visit of the Hôtel de Ville"),
            Tr("visite-insolite-hotel-de-ville", "unusual-visit-hotel-de-ville"),
            at(27, 10),
            at(27, 12),
            HOTEL_DE_VILLE,
            Tr(
                "Une visite insolite proposée dans le cadre de la Carte Citoyenne.",
                "An unusual visit offered as part of the Citizen Card.",
            ),
            [
                paragraph(
                    Tr(
                        "<p>La carte « citoyenne-citoyen de Paris » veut donner les clés de la Cité "
                        "aux habitants et leur offrir l'accès à des visites insolites.</p>",
                        "<p>The “citoyenne-citoyen de Paris” card aims to give residents the keys "
                        "to the city and access to unusual visits.</p>",
                    )
                ),
                link(Tr("La Carte Citoyenne", "The Citizen Card"), PageRef("citizen-card")),
            ],
            address=HOTEL_DE_VILLE_ADDRESS,
            arrondissement=4,
            capacity=25,
            # The card's visits are oversubscribed: their places are drawn by lot.
            allocation=EventPage.Allocation.DRAW,
        ),
        event(
            "event-participation-workshop",
            Kind.WORKSHOP,
            Tr(
                "Atelier citoyen : la participation citoyenne à Paris",
                "Citizen workshop: citizen participation in Paris",
            ),
            Tr("atelier-citoyen-participation", "citizen-workshop-participation"),
            at(-30, 18, 30),
            at(-30, 20, 30),
            Tr(
                "Maison de la vie associative et citoyenne",
                "Maison de la vie associative et citoyenne",
            ),
            Tr(
                "Un atelier pour découvrir la charte parisienne de la participation citoyenne.",
                "A workshop to discover the Paris charter for citizen participation.",
            ),
            [
                link(
                    Tr(
                        "La charte de la participation citoyenne",
                        "The citizen participation charter",
                    ),
                    PageRef("charter-participation"),
                ),
            ],
        ),
    ]


# The training courses the agenda's trainings are sessions of (key: the training's own key).
TRAINING_COURSES = [
    (
        "training-outreach",
        Tr("Aller vers les personnes sans-abri", "Reaching out to homeless people"),
        Tr(
            "Formation de la Fabrique de la Solidarité, préalable aux maraudes.",
            "A Fabrique de la Solidarité training, before outreach rounds.",
        ),
    ),
    (
        "training-homeless-women",
        Tr("Les femmes sans-abri", "Homeless women"),
        Tr("Formation de la Fabrique de la Solidarité.", "A Fabrique de la Solidarité training."),
    ),
    (
        "training-heatwave",
        Tr("Le Volontaire et la canicule", "Volunteers and heatwaves"),
        Tr("Formation autour du kit canicule.", "A training around the heatwave kit."),
    ),
    (
        "training-planting",
        Tr("Plantation", "Planting"),
        Tr("Les gestes de la plantation.", "How to plant."),
    ),
    (
        "training-cleanliness",
        Tr("Volontaires de la Propreté", "Cleanliness Volunteers"),
        Tr("Préalable aux opérations clean tag.", "Before clean-tag operations."),
    ),
    (
        "training-seniors",
        Tr("Accompagnement des seniors", "Accompanying older people"),
        Tr(
            "Préalable aux missions d'accompagnement de seniors.",
            "Before missions accompanying older people.",
        ),
    ),
    (
        "training-first-aid",
        Tr("Premiers secours", "First aid"),
        Tr("Les gestes qui sauvent.", "Life-saving skills."),
    ),
    (
        "training-team-paris",
        Tr("Volontaires de Team Paris", "Team Paris volunteers"),
        Tr(
            "Préalable aux missions lors des grands événements sportifs.",
            "Before missions at major sporting events.",
        ),
    ),
    (
        "training-flood",
        Tr("Crues de la Seine", "Seine floods"),
        Tr(
            "Préparation aux situations de crise telles que les crues de la Seine.",
            "Preparing for crises such as Seine floods.",
        ),
    ),
]


def _training(
    key, community, title, slug, start, end, venue, introduction, body=(), capacity=20, **fields
):
    return event(
        key,
        Kind.TRAINING,
        title,
        slug,
        start,
        end,
        venue,
        introduction,
        body,
        community=PageRef(community),
        training_course=CourseRef(key),
        capacity=capacity,
        **fields,
    )


def _mission(
    key, community, training, title, slug, start, end, venue, introduction, body=(), capacity=20
):
    return event(
        key,
        Kind.MISSION,
        title,
        slug,
        start,
        end,
        venue,
        introduction,
        body,
        community=PageRef(community),
        required_training=PageRef(training),
        capacity=capacity,
    )


def _events_by_community(at):
    """Each community's events; a mission's training is listed, and takes place, before it."""
    return {
        "community-solidarity": [
            _training(
                "training-outreach",
                "community-solidarity",
                Tr(
                    "Formation à « l'aller vers » les personnes sans-abri",
                    "Training: reaching out to homeless people",
                ),
                Tr("formation-aller-vers", "training-reaching-out"),
                at(10, 18),
                at(10, 21),
                FABRIQUE,
                Tr(
                    "Une formation de la Fabrique de la Solidarité pour aller à la rencontre "
                    "des personnes sans-abri.",
                    "A Fabrique de la Solidarité training session on going out to meet homeless "
                    "people.",
                ),
            ),
            _training(
                "training-homeless-women",
                "community-solidarity",
                Tr("Formation sur les femmes sans-abri", "Training: homeless women"),
                Tr("formation-femmes-sans-abri", "training-homeless-women"),
                at(-20, 18),
                at(-20, 20, 30),
                FABRIQUE,
                Tr(
                    "Une formation de la Fabrique de la Solidarité consacrée aux femmes "
                    "sans-abri.",
                    "A Fabrique de la Solidarité training session on homeless women.",
                ),
            ),
            _mission(
                "mission-solidarity-night",
                "community-solidarity",
                "training-outreach",
                Tr("Nuit de la Solidarité", "Night of Solidarity"),
                Tr("nuit-de-la-solidarite", "night-of-solidarity"),
                at(45, 21),
                at(46, 1),
                Tr("Dans tout Paris", "All over Paris"),
                Tr(
                    "Une nuit pour décompter les personnes en situation de rue et mieux "
                    "connaître leurs besoins.",
                    "One night to count the people sleeping rough and understand their needs "
                    "better.",
                ),
                [
                    paragraph(
                        Tr(
                            "<p>Des équipes réunissant professionnels et citoyens vont à la "
                            "rencontre des personnes en situation de rue. Il est proposé à chaque "
                            "personne rencontrée, anonymement et sur la base du volontariat, de "
                            "répondre à un questionnaire, qui permet de mieux connaître les "
                            "besoins.</p>",
                            "<p>Teams of professionals and citizens go out to meet people sleeping "
                            "rough. Each person met is invited, anonymously and on a voluntary "
                            "basis, to answer a questionnaire that helps to understand their needs "
                            "better.</p>",
                        )
                    ),
                ],
                capacity=None,
            ),
        ],
        "community-climate": [
            _training(
                "training-heatwave",
                "community-climate",
                Tr("Se préparer aux épisodes de canicule", "Getting ready for heatwaves"),
                Tr("se-preparer-aux-canicules", "getting-ready-for-heatwaves"),
                at(15, 18, 30),
                at(15, 20, 30),
                ACADEMIE_DU_CLIMAT,
                Tr(
                    "Une formation participative autour du kit « Le Volontaire et la canicule ».",
                    "A participatory training session around the “Volunteers and heatwaves” kit.",
                ),
                [
                    link(
                        Tr(
                            "Le kit « Le Volontaire et la canicule »",
                            "The “Volunteers and heatwaves” kit",
                        ),
                        PageRef("kit-heatwave"),
                    )
                ],
            ),
            event(
                "event-climate-gathering",
                Kind.EVENT,
                Tr("Rencontre des Volontaires du Climat", "Climate Volunteers' gathering"),
                Tr("rencontre-des-volontaires-du-climat", "climate-volunteers-gathering"),
                # « organisée à l'Hôtel de Ville le 22 septembre » (seed 002): the last one.
                at.last(9, 22, 9, 30),
                at.last(9, 22, 17),
                HOTEL_DE_VILLE,
                Tr(
                    "Une journée d'échanges, d'information et de travail avec des acteurs "
                    "parisiens engagés dans la lutte contre le réchauffement climatique.",
                    "A day of exchanges, information and work with Paris actors committed to "
                    "fighting global warming.",
                ),
                address=HOTEL_DE_VILLE_ADDRESS,
                arrondissement=4,
                community=PageRef("community-climate"),
            ),
        ],
        "community-green": [
            _training(
                "training-planting",
                "community-green",
                Tr("Formation à la plantation", "Planting training"),
                Tr("formation-plantation", "planting-training"),
                at(5, 14),
                at(5, 16),
                ACADEMIE_DU_CLIMAT,
                Tr(
                    "Apprendre les gestes de la plantation avant la mission.",
                    "Learning how to plant before the mission.",
                ),
            ),
            _mission(
                "mission-forest-planting",
                "community-green",
                "training-planting",
                Tr("Plantation de forêt", "Forest planting"),
                Tr("plantation-de-foret", "forest-planting"),
                at(8, 9, 30),
                at(8, 12, 30),
                MEETING_AT_ACADEMIE,
                Tr(
                    "Une matinée de plantation avec Végétalisons Paris, comme la plantation "
                    "de forêt du 30 novembre 2019, l'une des premières missions du programme.",
                    "A morning of planting with Végétalisons Paris, like the forest planting "
                    "of 30 November 2019, one of the programme's first missions.",
                ),
                capacity=40,
            ),
        ],
        "community-cleanliness": [
            _training(
                "training-cleanliness",
                "community-cleanliness",
                Tr("Formation des Volontaires de la Propreté", "Cleanliness Volunteers training"),
                Tr("formation-proprete", "cleanliness-training"),
                at(-17, 18),
                at(-17, 19, 30),
                CARREFOUR,
                Tr(
                    "La formation qui précède les opérations clean-tag.",
                    "The training session that comes before clean-tag operations.",
                ),
            ),
            _mission(
                "mission-clean-tag-past",
                "community-cleanliness",
                "training-cleanliness",
                Tr("Opération clean-tag", "Clean-tag operation"),
                Tr("operation-clean-tag", "clean-tag-operation"),
                at(-10, 10),
                at(-10, 12),
                MEETING_AT_HOTEL_DE_VILLE,
                Tr(
                    "Une opération clean-tag avec les Volontaires de la Propreté.",
                    "A clean-tag operation with the Cleanliness Volunteers.",
                ),
            ),
            _mission(
                "mission-clean-tag",
                "community-cleanliness",
                "training-cleanliness",
                Tr("Nouvelle opération clean-tag", "New clean-tag operation"),
                Tr("nouvelle-operation-clean-tag", "new-clean-tag-operation"),
                at(18, 10),
                at(18, 12),
                MEETING_AT_HOTEL_DE_VILLE,
                Tr(
                    "Une nouvelle opération clean-tag avec les Volontaires de la Propreté.",
                    "A new clean-tag operation with the Cleanliness Volunteers.",
                ),
            ),
        ],
        "community-street": [
            event(
                "workshop-street",
                Kind.WORKSHOP,
                Tr(
                    "Atelier : signaler sur l'espace public", "Workshop: reporting on public space"
                ),
                Tr("atelier-signaler", "reporting-workshop"),
                at(16, 18, 30),
                at(16, 20),
                CARREFOUR,
                Tr(
                    "Un atelier pour les Signaleurs « Dans ma rue ».",
                    "A workshop for “Dans ma rue” reporters.",
                ),
                community=PageRef("community-street"),
                capacity=20,
            ),
        ],
        "community-company": [
            _training(
                "training-seniors",
                "community-company",
                Tr(
                    "Formation à l'accompagnement de seniors",
                    "Training: accompanying older people",
                ),
                Tr("formation-accompagnement-seniors", "training-accompanying-older-people"),
                at(3, 14),
                at(3, 16, 30),
                FABRIQUE,
                Tr(
                    "La formation qui précède les missions d'accompagnement de seniors.",
                    "The training session that comes before missions accompanying older people.",
                ),
            ),
            _mission(
                "mission-seniors",
                "community-company",
                "training-seniors",
                Tr("Accompagnement de seniors", "Accompanying older people"),
                Tr("accompagnement-de-seniors", "accompanying-older-people"),
                at(13, 14, 30),
                at(13, 16, 30),
                MEETING_AT_FABRIQUE,
                Tr(
                    "Une mission d'accompagnement de seniors avec Paris en Compagnie.",
                    "A mission accompanying older people with Paris en Compagnie.",
                ),
            ),
        ],
        "community-rescue": [
            _training(
                "training-first-aid",
                "community-rescue",
                Tr("Initiation aux premiers secours", "First-aid introduction"),
                Tr("initiation-premiers-secours", "first-aid-introduction"),
                at(22, 9, 30),
                at(22, 12, 30),
                HOTEL_DE_VILLE_PLACE,
                Tr("Apprendre les gestes qui sauvent.", "Learning life-saving skills."),
            ),
            _training(
                "training-flood",
                "community-rescue",
                Tr("Se préparer à une crue de la Seine", "Getting ready for a Seine flood"),
                Tr("se-preparer-crue-de-la-seine", "getting-ready-for-a-seine-flood"),
                at(-25, 18),
                at(-25, 20),
                ACADEMIE_DU_CLIMAT,
                Tr(
                    "Une préparation aux situations de crise telles que les crues de la Seine.",
                    "Preparing for crises such as Seine floods.",
                ),
            ),
        ],
        "community-debate": [
            event(
                "event-debates-night",
                Kind.EVENT,
                Tr("Nuit des débats", "Night of Debates"),
                Tr("nuit-des-debats", "night-of-debates"),
                at(-40, 19),
                at(-40, 23),
                Tr(
                    "Bars, cafés et lieux de convivialité de la ville",
                    "The city's bars, cafés and meeting places",
                ),
                Tr(
                    "Inviter les citoyens à discuter, échanger et débattre dans des bars, des "
                    "cafés, des lieux de convivialité de la ville.",
                    "Inviting citizens to talk, exchange and debate in the city's bars, cafés "
                    "and meeting places.",
                ),
                community=PageRef("community-debate"),
            ),
        ],
        "community-sport": [
            _training(
                "training-team-paris",
                "community-sport",
                Tr("Formation des Volontaires de Team Paris", "Team Paris volunteer training"),
                Tr("formation-team-paris", "team-paris-training"),
                at(35, 18),
                at(35, 20),
                QUARTIER_JEUNES,
                Tr(
                    "La formation qui précède les missions lors des grands événements sportifs.",
                    "The training session that comes before missions at major sporting events.",
                ),
            ),
            _mission(
                "mission-sport",
                "community-sport",
                "training-team-paris",
                Tr(
                    "Accueil du public lors d'un grand événement sportif",
                    "Welcoming the public at a major sporting event",
                ),
                Tr("accueil-grand-evenement-sportif", "welcoming-at-a-major-sporting-event"),
                at(50, 8),
                at(50, 14),
                MEETING_AT_HOTEL_DE_VILLE,
                Tr(
                    "Une mission d'accueil du public avec Team Paris.",
                    "A mission welcoming the public with Team Paris.",
                ),
                capacity=30,
            ),
        ],
    }


def community_events(community_key, today):
    return _events_by_community(Clock(today)).get(community_key, [])
