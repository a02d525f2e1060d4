"""The site tree: home page, programme pages, legal pages, charters and the Carte Citoyenne.

Sources (in ../shared/seeds/): 000 programme presentation (10 December 2019), 001 citizen
participation in Paris, 002 Paris's Open Government Partnership action plan, 003 press release
of 28 November 2024.
"""

import datetime

from charters.models import CharterPage, ProgrammePage
from events.models import EventIndexPage
from home.models import HomePage, StandardPage

from .agenda import agenda_events
from .communities import community_index
from .spec import (
    ImageRef,
    PageRef,
    PageSpec,
    Stream,
    Tr,
    heading,
    key_figures,
    link,
    paragraph,
)
from .territory import arrondissements

PUBLISHER = "Ville de Paris\nHôtel de Ville, Place de l'Hôtel de Ville, 75004 Paris"

# The only contact the site names: the Ville de Paris press office (seed 003).
PRESS_EMAIL = "presse@paris.fr"
PRESS_PHONE = "01 42 76 49 61"

FOOTER_LINKS = Stream(
    [
        ("page", PageRef("privacy")),
        ("page", PageRef("legal")),
        ("page", PageRef("accessibility")),
        ("page", PageRef("citizen-card")),
        ("page", PageRef("press-release-evening")),
    ]
)

# (key, name): the associations Paris's Open Government Partnership action plan (seed 002)
# lists for the Fabrique de la Solidarité and for the Volontaires du Climat. The seeds say
# nothing of what each one does, so their descriptions are left for editors to fill in.
PARTNER_ASSOCIATIONS = [
    *(
        (f"solidarity-{index}", name)
        for index, name in enumerate(
            [
                "Entourage",
                "Le Carillon",
                "Secours Populaire",
                "Samu social",
                "Emmaüs",
                "ADSF",
                "Restos du cœur",
                "Fondation Armée du Salut",
                "Aurore",
                "Secours catholique",
            ]
        )
    ),
    *(
        (f"climate-{index}", name)
        for index, name in enumerate(
            [
                "Low Carbon City",
                "GERES",
                "4D",
                "Climates",
                "AMAP IDF",
                "Eau de Paris",
                "Enercit'if",
                "Bâtisseuses",
                "APC",
                "Respire",
                "Bon pour le Climat",
                "EDENI",
                "Mieux se déplacer à bicyclette",
                "PikPik Environnement",
                "ESPACES",
                "Énergie Partagée",
                "ENERCOOP",
                "Alternatiba",
            ]
        )
    ),
]

VOLUNTEERS_DEFINITION = Tr(
    "<p>Les Volontaires de Paris sont des citoyens engagés qui participent à la mise en œuvre "
    "concrète de projets dans leur ville et œuvrent pour l'intérêt général. Ils sont formé-e-s "
    "pour des missions permettant d'agir au quotidien comme de façon exceptionnelle en faveur "
    "de la solidarité, la transition écologique et la cohésion sociale pour rendre la ville "
    "plus solidaire et plus résiliente. Ils sont acteurs/trices de la Stratégie de résilience "
    "de la Ville de Paris.</p>",
    "<p>Volontaires de Paris are committed citizens who take part in carrying out concrete "
    "projects in their city and work for the common good. They are trained for missions that "
    "let them act both day to day and in exceptional circumstances for solidarity, the "
    "ecological transition and social cohesion, to make the city more caring and more "
    "resilient. They take part in the Ville de Paris's Resilience Strategy.</p>",
)

ACTION_FIRST = Tr(
    "<p><b>Un programme tourné vers l'action :</b> toute mission proposée est "
    "systématiquement précédée d'une formation.</p>",
    "<p><b>A programme geared towards action:</b> every mission on offer is always preceded "
    "by a training session.</p>",
)


def home_spec(children):
    return PageSpec(
        HomePage,
        "home",
        title=Tr("Volontaires de Paris", "Volontaires de Paris"),
        slug=Tr("accueil", "home"),
        fields={
            "introduction": Tr(
                "Des citoyens engagés qui participent à la mise en œuvre concrète de projets "
                "dans leur ville et œuvrent pour l'intérêt général.",
                "Committed citizens who take part in carrying out concrete projects in their "
                "city and work for the common good.",
            ),
            "hero_title": Tr(
                "Agir pour une ville plus solidaire et plus résiliente",
                "Acting for a more caring and more resilient city",
            ),
            "hero_image": ImageRef("hero"),
            "listing_image": ImageRef("hero"),
            "hero_link": Stream(
                [
                    link(
                        Tr("Découvrir les communautés", "Discover the communities"),
                        PageRef("communities"),
                    ),
                    link(Tr("Voir l'agenda", "See what's on"), PageRef("agenda")),
                ]
            ),
            # Figures use no-break spaces, as French typography wants (« 15 000 »).
            "key_figures": Stream(
                [
                    (
                        "figure",
                        {
                            "figure": Tr("Près de 500", "Nearly 500"),
                            "label": Tr(
                                "Volontaires de Paris inscrits depuis septembre 2019",
                                "Volontaires de Paris signed up since September 2019",
                            ),
                        },
                    ),
                    (
                        "figure",
                        {
                            "figure": Tr("9", "9"),
                            "label": Tr(
                                "communautés de Volontaires sur lesquelles s'appuie le programme",
                                "volunteer communities the programme builds on",
                            ),
                        },
                    ),
                    (
                        "figure",
                        {
                            "figure": Tr("15\u00a0000", "15,000"),
                            "label": Tr(
                                "Volontaires du Climat inscrits lors de la votation sur le Plan Climat",
                                "Climate Volunteers who signed up during the vote on the Climate Plan",
                            ),
                        },
                    ),
                    (
                        "figure",
                        {
                            "figure": Tr("Plus de 3\u00a0500", "More than 3,500"),
                            "label": Tr(
                                "participants aux Nuits de la Solidarité de 2018 et 2019",
                                "people who took part in the 2018 and 2019 Nights of Solidarity",
                            ),
                        },
                    ),
                ]
            ),
            "body": Stream(
                [
                    heading(
                        Tr(
                            "Qui sont les Volontaires de Paris ?",
                            "Who are the Volontaires de Paris?",
                        )
                    ),
                    paragraph(VOLUNTEERS_DEFINITION),
                    paragraph(ACTION_FIRST),
                    link(
                        Tr("La genèse du programme", "How the programme began"), PageRef("history")
                    ),
                ]
            ),
        },
        children=children,
    )


def standard_pages():
    return [
        PageSpec(
            StandardPage,
            "history",
            title=Tr("Genèse du programme", "How the programme began"),
            slug=Tr("genese-du-programme", "how-the-programme-began"),
            fields={
                "introduction": Tr(
                    "Annoncé en avril 2019 par la Maire de Paris, le programme des Volontaires "
                    "de Paris s'appuie et s'inspire des 9 communautés de Volontaires déjà "
                    "existantes.",
                    "Announced in April 2019 by the Mayor of Paris, the Volontaires de Paris "
                    "programme builds on and draws from the 9 volunteer communities that "
                    "already existed.",
                ),
                "body": Stream(
                    [
                        heading(
                            Tr(
                                "Un cycle expérimental dans le 4e arrondissement",
                                "An experimental cycle in the 4th arrondissement",
                            )
                        ),
                        paragraph(
                            Tr(
                                "<p>Le programme a d'abord fait l'objet d'un cycle expérimental "
                                "dans le 4e arrondissement, au printemps 2019.</p>",
                                "<p>The programme started with an experimental cycle in the 4th "
                                "arrondissement in spring 2019.</p>",
                            )
                        ),
                        heading(
                            Tr(
                                "Qui sont les Volontaires de Paris ?",
                                "Who are the Volontaires de Paris?",
                            )
                        ),
                        paragraph(VOLUNTEERS_DEFINITION),
                        paragraph(ACTION_FIRST),
                        heading(Tr("Les principales réalisations", "Main achievements")),
                        paragraph(
                            Tr(
                                "<ul><li>Une Charte des Volontaires de Paris co-construite avec des "
                                "Parisiens Volontaires.</li><li>Une page dédiée sur Paris.fr avec un "
                                "lien d'inscription et toutes les missions proposées.</li></ul>",
                                "<ul><li>A Volontaires de Paris charter drawn up together with "
                                "volunteer Parisians.</li><li>A dedicated page on Paris.fr with a "
                                "sign-up link and every mission on offer.</li></ul>",
                            )
                        ),
                        heading(Tr("Les missions proposées", "The missions on offer"), "h3"),
                        paragraph(
                            Tr(
                                "<ul><li>Se former pour adapter la ville aux défis du 21e siècle : "
                                "préparation aux situations de crise telles que les crues de la "
                                "Seine, les canicules, initiation aux premiers secours…</li>"
                                "<li>Agir pour une ville plus durable : missions de végétalisation, "
                                "de lutte contre le gaspillage alimentaire, de réduction des "
                                "consommations d'eau et d'énergies, ou en faveur de la qualité de "
                                "l'air.</li><li>Participer à la démocratie parisienne : organisation "
                                "de débats, ateliers, consultations, sensibilisation à la "
                                "participation citoyenne.</li><li>Animer la vie culturelle et "
                                "sportive de Paris à l'occasion d'évènements culturels les plus "
                                "prestigieux et de grandes compétitions sportives.</li><li>Soutenir "
                                "les personnes vulnérables : accompagnement de seniors, aide aux "
                                "personnes sans-abri.</li></ul>",
                                "<ul><li>Training to adapt the city to the challenges of the 21st "
                                "century: preparing for crises such as Seine floods and heatwaves, "
                                "first-aid introduction…</li><li>Acting for a more sustainable city: "
                                "greening missions, fighting food waste, cutting water and energy "
                                "use, or improving air quality.</li><li>Taking part in Paris "
                                "democracy: organising debates, workshops and consultations, raising "
                                "awareness of citizen participation.</li><li>Bringing Paris's "
                                "cultural and sporting life to life during the most prestigious "
                                "cultural events and major sporting competitions.</li><li>Supporting "
                                "vulnerable people: accompanying older people, helping homeless "
                                "people.</li></ul>",
                            )
                        ),
                        heading(
                            Tr("Des premières missions réalisées", "First missions carried out")
                        ),
                        key_figures(
                            (
                                Tr("Près de 500", "Nearly 500"),
                                Tr(
                                    "Volontaires de Paris inscrits depuis septembre 2019",
                                    "Volontaires de Paris signed up since September 2019",
                                ),
                            )
                        ),
                        paragraph(
                            Tr(
                                "<p>Une variété de missions a été réalisée, parmi lesquelles :</p>"
                                "<ul><li>l'opération clean-tag du 22 novembre 2019 ;</li><li>la "
                                "plantation de forêt du 30 novembre 2019 ;</li><li>l'opération "
                                "clean-tag du 24 novembre 2019.</li></ul>",
                                "<p>A variety of missions has been carried out, including:</p>"
                                "<ul><li>the clean-tag operation of 22 November 2019;</li><li>the "
                                "forest planting of 30 November 2019;</li><li>the clean-tag "
                                "operation of 24 November 2019.</li></ul>",
                            )
                        ),
                        link(
                            Tr(
                                "Avant les Volontaires : la plateforme jemengage.paris",
                                "Before the Volontaires: the jemengage.paris platform",
                            ),
                            PageRef("jemengage"),
                        ),
                        link(
                            Tr("Les perspectives du programme", "The programme's outlook"),
                            PageRef("perspectives"),
                        ),
                    ]
                ),
            },
        ),
        PageSpec(
            StandardPage,
            "perspectives",
            title=Tr("Perspectives", "Outlook"),
            slug=Tr("perspectives", "outlook"),
            fields={
                "introduction": Tr(
                    "Les perspectives du programme des Volontaires de Paris, telles que la Ville "
                    "de Paris les présentait en décembre 2019.",
                    "The outlook for the Volontaires de Paris programme, as the Ville de Paris "
                    "presented it in December 2019.",
                ),
                "body": Stream(
                    [
                        paragraph(
                            Tr(
                                "<ul><li><b>La montée en puissance du programme des Volontaires de "
                                "Paris.</b></li><li><b>La territorialisation du programme</b> en "
                                "s'appuyant sur l'expertise des acteurs du territoire et notamment "
                                "des associations.</li><li><b>Des synergies à tisser</b> avec le "
                                "Programme des Volontaires des Jeux Olympiques et Paralympiques."
                                "</li></ul>",
                                "<ul><li><b>Scaling up the Volontaires de Paris programme.</b></li>"
                                "<li><b>Rooting the programme in each neighbourhood</b>, drawing on "
                                "the expertise of local actors, associations in particular.</li>"
                                "<li><b>Building synergies</b> with the Olympic and Paralympic Games "
                                "Volunteer Programme.</li></ul>",
                            )
                        ),
                        link(
                            Tr("La genèse du programme", "How the programme began"),
                            PageRef("history"),
                        ),
                    ]
                ),
            },
        ),
        jemengage(),
        press_release(),
        *legal_pages(),
    ]


def jemengage():
    """The programme's forerunner, jemengage.paris (seed 004, with seed 002's later figures).
    Seed 002 says it opened in March 2015, seed 004 that it launched on 1 April 2015: the
    page says spring 2015, which contradicts neither."""
    return PageSpec(
        StandardPage,
        "jemengage",
        title=Tr(
            "Avant les Volontaires : la plateforme jemengage.paris",
            "Before the Volontaires: the jemengage.paris platform",
        ),
        slug=Tr("jemengage-paris", "jemengage-paris"),
        fields={
            "introduction": Tr(
                "Jemengage.paris est une plate-forme de mise en relation entre citoyens bénévoles "
                "et associations, ouverte par la Ville de Paris au printemps 2015.",
                "Jemengage.paris is a platform that puts volunteer citizens in touch with "
                "associations, opened by the Ville de Paris in spring 2015.",
            ),
            "body": Stream(
                [
                    heading(Tr("Le besoin", "The need")),
                    paragraph(
                        Tr(
                            "<p>Le projet fait suite aux terribles événements qui ont touché Paris "
                            "au mois de janvier 2015. L'émotion et l'engagement collectif, "
                            "cristallisés dans le rassemblement du 11 janvier, ont mis en lumière "
                            "le besoin des Parisiens de rétablir du lien social au profit du vivre "
                            "ensemble.</p>",
                            "<p>The project followed the terrible events that struck Paris in "
                            "January 2015. The emotion and collective commitment that came "
                            "together in the gathering of 11 January showed how much Parisians "
                            "needed to rebuild social ties for living together.</p>",
                        )
                    ),
                    heading(Tr("Les objectifs", "The aims")),
                    paragraph(
                        Tr(
                            "<p>L'objectif premier est de permettre aux Parisiens de s'engager et "
                            "de faciliter la démarche de l'engagement bénévole à travers des "
                            "missions. L'objectif secondaire est une transformation de fond : "
                            "toucher un public jeune, renouveler le public des associations et "
                            "aider celles-ci à se moderniser.</p>",
                            "<p>The first aim is to let Parisians get involved and to make "
                            "volunteering easier through missions. The second is a deeper "
                            "change: reaching young people, renewing the associations' audience "
                            "and helping them modernise.</p>",
                        )
                    ),
                    heading(Tr("L'initiative", "The initiative")),
                    paragraph(
                        Tr(
                            "<p>La plate-forme est le fruit d'une collaboration entre la Direction "
                            "de la Démocratie, des Citoyens et des Territoires (DDCT), la "
                            "Direction de l'information et de la communication (DICOM) et une "
                            "jeune startup parisienne, « Ma ville je t'aide », lauréate de "
                            "l'appel à projets de la Ville. Le coût total du projet pour la "
                            "collectivité est de 15\u00a0000 euros.</p>",
                            "<p>The platform came out of a collaboration between the Directorate "
                            "for Democracy, Citizens and Territories (DDCT), the Directorate for "
                            "Information and Communication (DICOM) and a young Paris start-up, "
                            "“Ma ville je t'aide”, which won the Ville's call for projects. The "
                            "project cost the city 15,000 euros in all.</p>",
                        )
                    ),
                    heading(Tr("Le bilan", "The results")),
                    key_figures(
                        (
                            Tr("Plus de 1\u00a0000", "More than 1,000"),
                            Tr(
                                "engagements dans les trois premiers mois",
                                "engagements in the first three months",
                            ),
                        ),
                        (
                            Tr("483", "483"),
                            Tr(
                                "associations sur la plate-forme dans les trois premiers mois",
                                "associations on the platform in the first three months",
                            ),
                        ),
                        (
                            Tr("Presque 2\u00a0000", "Nearly 2,000"),
                            Tr(
                                "citoyens qui ont tenté l'expérience",
                                "citizens who gave it a try",
                            ),
                        ),
                        (
                            Tr("Plus de 6\u00a0600", "More than 6,600"),
                            Tr(
                                "missions publiées depuis, tous secteurs confondus",
                                "missions published since, across all sectors",
                            ),
                        ),
                    ),
                    link(
                        Tr("La genèse du programme", "How the programme began"),
                        PageRef("history"),
                    ),
                ]
            ),
        },
    )


def press_release():
    """The press release of Thursday 28 November 2024 (seed 003), word for word."""
    return PageSpec(
        StandardPage,
        "press-release-evening",
        title=Tr(
            "Soirée de l'engagement : à la rencontre de celles et ceux qui agissent !",
            "Evening of engagement: meet the people who take action!",
        ),
        slug=Tr("soiree-de-l-engagement-communique", "evening-of-engagement-press-release"),
        fields={
            "date": datetime.date(2024, 11, 28),
            "show_press_contact": True,
            "listing_image": ImageRef("evening"),
            "introduction": Tr(
                "À l'occasion de la Journée internationale des Volontaires, la Ville de Paris "
                "ouvre les portes de l'Hôtel de Ville pour la soirée de l'engagement le mardi "
                "3 décembre prochain.",
                "For International Volunteer Day, the Ville de Paris opens the doors of the "
                "Hôtel de Ville for the evening of engagement on Tuesday 3 December.",
            ),
            "body": Stream(
                [
                    paragraph(
                        Tr(
                            "<p>Moment convivial et festif, cette soirée - désormais traditionnelle - "
                            "rend hommage à cette vitalité citoyenne si particulière à Paris, qui "
                            "compte plus de 80\u00a0000 associations, et plus de 700\u00a0000 bénévoles qui "
                            "s'engagent tous les jours pour notre ville.</p>"
                            "<p>A travers des conférences, des ateliers ludiques, une cinquantaine de "
                            "stands, les Parisiennes et Parisiens pourront échanger avec les "
                            "bénévoles et associations pour découvrir l'étendue des actions qu'ils "
                            "mènent au quotidien dans des domaines variés : solidarité, climat, "
                            "culture, démocratie ou encore sport, et ce, pour tous les âges.</p>"
                            "<p>C'est aussi l'occasion pour la Ville de Paris de remercier les "
                            "centaines de milliers de bénévoles actifs, à l'image des Volontaires "
                            "mobilisés lors des Jeux olympiques et paralympiques qui ont su conquérir "
                            "le cœur des Parisiennes, des Parisiens et des visiteurs du monde entier "
                            "grâce à leur énergie et leur implication.</p>"
                            "<p>Au cours de cette soirée, les habitantes et habitants désireux de "
                            "s'engager pourront découvrir les services municipaux à leur disposition "
                            "pour participer à la vie locale : les Maisons de la Vie Associative et "
                            "Citoyenne, le Budget Participatif, le programme de bénévolat des "
                            "Volontaires de Paris, ou encore l'aide à la création et au "
                            "développement des associations, notamment via le Carrefour des "
                            "Associations Parisiennes.</p>"
                            "<p>Enfin, les grands lieux de l'engagement comme l'Académie du Climat, "
                            "la Fabrique de la Solidarité, Quartier Jeunes ou encore le très récent "
                            "Théâtre de la Concorde - nouvel espace de débat et de création dédié à "
                            "l'art et à la démocratie - présenteront leurs actions et leur "
                            "programmation pour les mois à venir.</p>",
                            "<p>A friendly and festive occasion, this evening, now a tradition, "
                            "celebrates the civic vitality so particular to Paris, which has more "
                            "than 80,000 associations and more than 700,000 volunteers who commit "
                            "themselves to our city every day.</p>"
                            "<p>Through talks, playful workshops and some fifty stands, Parisians "
                            "will be able to meet volunteers and associations and discover the full "
                            "range of what they do every day in many fields: solidarity, climate, "
                            "culture, democracy and sport, for all ages.</p>"
                            "<p>It is also an opportunity for the Ville de Paris to thank the "
                            "hundreds of thousands of active volunteers, such as the Volunteers "
                            "mobilised during the Olympic and Paralympic Games, who won the hearts "
                            "of Parisians and visitors from all over the world with their energy "
                            "and commitment.</p>"
                            "<p>During the evening, residents who wish to get involved will be able "
                            "to discover the municipal services available to help them take part in "
                            "local life: the Maisons de la Vie Associative et Citoyenne, the "
                            "Participatory Budget, the Volontaires de Paris volunteering programme, "
                            "and support for creating and developing associations, notably through "
                            "the Carrefour des Associations Parisiennes.</p>"
                            "<p>Finally, the great places of engagement such as the Académie du "
                            "Climat, the Fabrique de la Solidarité, Quartier Jeunes and the very "
                            "recent Théâtre de la Concorde, a new space for debate and creation "
                            "devoted to art and democracy, will present their work and their "
                            "programme for the coming months.</p>",
                        )
                    ),
                    heading(Tr("Programme", "Programme")),
                    paragraph(
                        Tr(
                            "<ul><li>16h : Ouverture des portes au public</li><li>17h : Conférence : "
                            "<i>les Volontaires de Paris et la résilience</i></li><li>18h30 : "
                            "Discours de Patrick Bloche, Premier adjoint de la Maire de Paris et "
                            "Anouch Toranian, adjointe à la Maire de Paris en charge de la vie "
                            "associative, de la participation citoyenne et du débat public et "
                            "Pénélope Komites, adjointe à la Maire de Paris en charge de "
                            "l'innovation, de l'attractivité, de la prospective Paris 2030, de la "
                            "résilience</li><li>19h : Conférence : <i>Valoriser l'engagement "
                            "associatif et citoyen : vers un Passeport parisien de l'engagement</i>"
                            "</li><li>20h : Buffet et DJ set</li></ul>",
                            "<ul><li>4 pm: Doors open to the public</li><li>5 pm: Talk: <i>the "
                            "Volontaires de Paris and resilience</i></li><li>6.30 pm: Speeches by "
                            "Patrick Bloche, First Deputy Mayor of Paris, Anouch Toranian, Deputy "
                            "Mayor of Paris in charge of community life, citizen participation and "
                            "public debate, and Pénélope Komites, Deputy Mayor of Paris in charge "
                            "of innovation, attractiveness, Paris 2030 foresight and resilience"
                            "</li><li>7 pm: Talk: <i>Recognising associative and civic engagement: "
                            "towards a Paris engagement passport</i></li><li>8 pm: Buffet and DJ "
                            "set</li></ul>",
                        )
                    ),
                    # The release's « [lien] » to register: the event's own page.
                    link(
                        Tr(
                            "Inscription obligatoire dans la limite des places disponibles",
                            "Registration required, subject to availability",
                        ),
                        PageRef("event-evening"),
                    ),
                ]
            ),
        },
    )


def legal_pages():
    """The privacy notice (RGPD article 13), the legal notice and the accessibility statement
    (the RGAA model). What a deployment must state (publisher, host, data protection officer,
    audit) comes from the site settings through the blocks that show them."""
    return [
        PageSpec(
            StandardPage,
            "privacy",
            title=Tr("Données personnelles", "Personal data"),
            slug=Tr("donnees-personnelles", "personal-data"),
            fields={
                "introduction": Tr(
                    "Ce que la Ville de Paris recueille sur ce site, pourquoi, qui le reçoit, "
                    "combien de temps elle le garde, et comment exercer vos droits.",
                    "What the Ville de Paris collects on this site, why, who receives it, how "
                    "long it keeps it, and how to exercise your rights.",
                ),
                "body": Stream(
                    [
                        heading(
                            Tr(
                                "Ce que chaque formulaire recueille, et pourquoi",
                                "What each form collects, and why",
                            )
                        ),
                        paragraph(
                            Tr(
                                "<ul><li><b>S'inscrire à un événement, une formation ou une "
                                "mission</b> : vos nom, prénom et adresse électronique, votre date "
                                "de naissance quand le formulaire la demande (et, avant 15 ans, le "
                                "nom et l'adresse d'un parent), vos besoins d'accessibilité si vous "
                                "les indiquez et les réponses aux questions de l'organisateur, pour "
                                "gérer votre place, vous écrire à son sujet et tenir la liste de "
                                "présence. Base légale : votre consentement (article 6.1.a du "
                                "RGPD).</li>"
                                "<li><b>Rejoindre les Volontaires de Paris ou une communauté</b> : "
                                "les mêmes informations et, si vous les donnez, vos disponibilités, "
                                "les arrondissements où vous pouvez agir et votre accord pour les "
                                "alertes de crise, pour vous écrire sur les événements, formations "
                                "et missions et vous alerter en cas de crise. Base légale : votre "
                                "consentement.</li>"
                                "<li><b>Signer une charte</b> : vos nom, prénom et adresse "
                                "électronique, pour compter votre signature, qui n'est jamais "
                                "publiée nominativement. Base légale : votre consentement.</li>"
                                "<li><b>Demander la Carte Citoyenne</b> : vos nom, prénom, adresse "
                                "électronique et date de naissance, pour traiter votre demande et "
                                "vous écrire sur les activités qu'elle ouvre. Base légale : votre "
                                "consentement.</li>"
                                "<li><b>Proposer une mission, pour une association</b> : le nom de "
                                "l'association et les coordonnées de la personne à contacter, pour "
                                "examiner la mission et lui répondre. Base légale : votre "
                                "consentement.</li></ul>",
                                "<ul><li><b>Registering for an event, a training or a mission</b>: "
                                "your name, first name and email address, your date of birth when "
                                "the form asks for it (and, under 15, a parent's name and address), "
                                "your accessibility needs if you give them and your answers to the "
                                "organiser's questions, to manage your place, write to you about it "
                                "and keep the attendance list. Legal basis: your consent (article "
                                "6.1.a of the GDPR).</li>"
                                "<li><b>Joining the Volontaires de Paris or a community</b>: the same "
                                "details and, if you give them, when you are available, the "
                                "arrondissements where you can act and your agreement to crisis "
                                "alerts, to write to you about events, trainings and missions and "
                                "to alert you in a crisis. Legal basis: your consent.</li>"
                                "<li><b>Signing a charter</b>: your name, first name and email "
                                "address, to count your signature, which is never published by "
                                "name. Legal basis: your consent.</li>"
                                "<li><b>Applying for the Carte Citoyenne</b>: your name, first "
                                "name, email address and date of birth, to process your "
                                "application and write to you about the activities it opens. Legal "
                                "basis: your consent.</li>"
                                "<li><b>Proposing a mission, for an association</b>: the "
                                "association's name and the contact person's details, to review "
                                "the mission and answer them. Legal basis: your consent.</li></ul>",
                            )
                        ),
                        heading(Tr("Qui reçoit ces données", "Who receives this data")),
                        paragraph(
                            Tr(
                                "<p>Les services de la Ville de Paris qui organisent l'activité, et "
                                "les organisateurs qu'ils désignent pour un événement, dans la "
                                "limite de ce qu'il leur faut pour l'organiser. Ces données ne sont "
                                "ni vendues ni cédées.</p>",
                                "<p>The Ville de Paris departments that organise the activity, and "
                                "the organisers they appoint for an event, as far as they need it "
                                "to organise it. This data is neither sold nor passed on.</p>",
                            )
                        ),
                        ("data_protection", None),
                    ]
                ),
            },
        ),
        PageSpec(
            StandardPage,
            "legal",
            title=Tr("Mentions légales", "Legal notice"),
            slug=Tr("mentions-legales", "legal-notice"),
            fields={
                "body": Stream(
                    [
                        ("legal_notice", None),
                        heading(Tr("Contact presse", "Press contact")),
                        paragraph(
                            Tr(
                                f"<p>Service de presse de la Ville de Paris : {PRESS_PHONE}, "
                                f"{PRESS_EMAIL}.</p>",
                                f"<p>Ville de Paris press office: {PRESS_PHONE}, {PRESS_EMAIL}.</p>",
                            )
                        ),
                        heading(Tr("Contenus", "Content")),
                        paragraph(
                            Tr(
                                "<p>Les textes de ce site reprennent des publications de la Ville de "
                                "Paris. Les pictogrammes et illustrations ont été dessinés pour ce "
                                "site.</p>",
                                "<p>The texts on this site are taken from Ville de Paris "
                                "publications. The pictograms and illustrations were drawn for this "
                                "site.</p>",
                            )
                        ),
                        link(Tr("Données personnelles", "Personal data"), PageRef("privacy")),
                    ]
                ),
            },
        ),
        PageSpec(
            StandardPage,
            "accessibility",
            title=Tr("Déclaration d'accessibilité", "Accessibility statement"),
            slug=Tr("accessibilite", "accessibility"),
            fields={
                "introduction": Tr(
                    "La Ville de Paris s'engage à rendre ce site accessible conformément à "
                    "l'article 47 de la loi n° 2005-102 du 11 février 2005.",
                    "The Ville de Paris is committed to making this site accessible in "
                    "accordance with article 47 of French law no. 2005-102 of 11 February 2005.",
                ),
                "body": Stream([("accessibility_status", None)]),
            },
        ),
    ]


def charters():
    return [
        PageSpec(
            CharterPage,
            "charter-participation",
            title=Tr(
                "Charte parisienne de la participation citoyenne",
                "Paris charter for citizen participation",
            ),
            slug=Tr(
                "charte-parisienne-de-la-participation-citoyenne",
                "paris-charter-for-citizen-participation",
            ),
            fields={
                "introduction": Tr(
                    "La charte de la participation citoyenne énonce dix engagements fondateurs "
                    "de l'exercice de la démocratie locale à Paris.",
                    "The citizen participation charter sets out ten founding commitments for "
                    "local democracy in Paris.",
                ),
                "preamble": Tr(
                    "<p>Afin que les élus et les agents de la Ville de Paris, les Parisiens et "
                    "les acteurs de la société civile, puissent échanger, débattre, coopérer et "
                    "co-construire dans un cadre clair et incitatif, la Ville de Paris a "
                    "souhaité proposer, après une consultation de tous les acteurs, des "
                    "principes clairs pour une participation citoyenne ouverte, constructive et "
                    "efficace. La charte de la participation citoyenne énonce dix engagements "
                    "fondateurs de l'exercice de la démocratie locale à Paris. Elle constitue "
                    "un document de référence commun sur lequel s'appuyer pour favoriser la "
                    "participation citoyenne.</p>"
                    "<p>Sa co-construction avec toutes les parties prenantes a fait l'objet de "
                    "l'un des engagements OGP de Paris en 2016.</p>",
                    "<p>So that elected representatives and staff of the Ville de Paris, "
                    "Parisians and civil society can exchange, debate, cooperate and build "
                    "together within a clear and encouraging framework, the Ville de Paris, "
                    "after consulting all stakeholders, set out clear principles for open, "
                    "constructive and effective citizen participation. The citizen "
                    "participation charter sets out ten founding commitments for local "
                    "democracy in Paris. It is a shared reference document to rely on to "
                    "foster citizen participation.</p>"
                    "<p>Drawing it up together with all stakeholders was one of Paris's Open "
                    "Government Partnership (OGP) commitments in 2016.</p>",
                ),
                # The seeds give the charter's ten commitments only through its full text
                # (seed 002's link); seed 001's three principles say what citizen
                # participation is in Paris, and are quoted as such.
                "body": Stream(
                    [
                        heading(
                            Tr(
                                "La participation citoyenne à Paris, c'est quoi ?",
                                "What is citizen participation in Paris?",
                            )
                        ),
                        paragraph(
                            Tr(
                                "<ol><li><b>Un droit effectif à la participation citoyenne</b> : "
                                "garantir un droit effectif à la participation et à l'engagement "
                                "citoyen à tous les Parisiennes et Parisiens, sans condition.</li>"
                                "<li><b>Une co-construction à chaque étape</b> : permettre "
                                "l'intervention des Parisiennes et des Parisiens à l'élaboration "
                                "des politiques publiques de la Ville de Paris, à chaque étape – de "
                                "leur conception à leur évaluation.</li>"
                                "<li><b>Recueillir la voix de tous</b> : recueillir la voix des "
                                "publics les plus éloignés et invisibles de la participation et de "
                                "l'engagement citoyen.</li></ol>",
                                "<ol><li><b>An effective right to citizen participation</b>: "
                                "guarantee all Parisians an effective right to participation and "
                                "civic engagement, without conditions.</li>"
                                "<li><b>Building together at every stage</b>: enable Parisians to "
                                "take part in shaping the Ville de Paris's public policies at every "
                                "stage, from their design to their evaluation.</li>"
                                "<li><b>Hearing every voice</b>: hear the voice of the people "
                                "furthest from, and least visible in, citizen participation and "
                                "engagement.</li></ol>",
                            )
                        ),
                        paragraph(
                            Tr(
                                "<p>Les dix engagements de la charte sont dans son texte intégral, "
                                "publié par la Ville de Paris.</p>",
                                "<p>The charter's ten commitments are in its full text, published "
                                "by the Ville de Paris.</p>",
                            )
                        ),
                        link(
                            Tr(
                                "Le texte intégral de la charte (Ville de Paris)",
                                "The full text of the charter (Ville de Paris, in French)",
                            ),
                            url="https://api-site-cdn.paris.fr/images/99956",
                        ),
                    ]
                ),
            },
        ),
        PageSpec(
            CharterPage,
            "charter-volunteers",
            title=Tr("Charte des Volontaires de Paris", "Volontaires de Paris charter"),
            slug=Tr("charte-des-volontaires-de-paris", "volontaires-de-paris-charter"),
            fields={
                # In the header's main navigation.
                "show_in_menus": True,
                "introduction": Tr(
                    "Une charte co-construite avec des Parisiens Volontaires.",
                    "A charter drawn up together with volunteer Parisians.",
                ),
                "preamble": Tr(
                    "<p>La Charte des Volontaires de Paris a été co-construite avec des "
                    "Parisiens Volontaires. Elle compte parmi les principales réalisations du "
                    "programme, annoncé en avril 2019 par la Maire de Paris.</p>"
                    "<p>Les engagements ci-dessous citent la présentation du programme par la "
                    "Ville de Paris (« Le programme des Volontaires de Paris », 10 décembre "
                    "2019). Le texte intégral de la charte est détenu par la Ville de Paris, qui "
                    "l'a co-construit avec des Parisiens Volontaires : ce site n'en donne que ce "
                    "que la Ville en a rendu public.</p>",
                    "<p>The Volontaires de Paris charter was drawn up together with volunteer "
                    "Parisians. It is one of the main achievements of the programme, announced "
                    "in April 2019 by the Mayor of Paris.</p>"
                    "<p>The commitments below quote the Ville de Paris's presentation of the "
                    "programme (“Le programme des Volontaires de Paris”, 10 December 2019). The "
                    "full text of the charter is held by the Ville de Paris, which drew it up "
                    "with volunteer Parisians: this site gives only what the Ville has made "
                    "public of it.</p>",
                ),
                "commitments": Stream(
                    [
                        (
                            "commitment",
                            {
                                "title": Tr(
                                    "Œuvrer pour l'intérêt général", "Working for the common good"
                                ),
                                "text": Tr(
                                    "<p>Les Volontaires de Paris participent à la mise en œuvre "
                                    "concrète de projets dans leur ville et œuvrent pour l'intérêt "
                                    "général.</p>",
                                    "<p>Volontaires de Paris take part in carrying out concrete "
                                    "projects in their city and work for the common good.</p>",
                                ),
                            },
                        ),
                        (
                            "commitment",
                            {
                                "title": Tr(
                                    "Une formation avant toute mission",
                                    "A training before every mission",
                                ),
                                "text": Tr(
                                    "<p>Le programme est tourné vers l'action : toute mission "
                                    "proposée est systématiquement précédée d'une formation.</p>",
                                    "<p>The programme is geared towards action: every mission on "
                                    "offer is always preceded by a training session.</p>",
                                ),
                            },
                        ),
                        (
                            "commitment",
                            {
                                "title": Tr(
                                    "Rendre la ville plus solidaire et plus résiliente",
                                    "Making the city more caring and more resilient",
                                ),
                                "text": Tr(
                                    "<p>Les Volontaires agissent au quotidien comme de façon "
                                    "exceptionnelle en faveur de la solidarité, de la transition "
                                    "écologique et de la cohésion sociale. Ils sont acteurs de la "
                                    "Stratégie de résilience de la Ville de Paris.</p>",
                                    "<p>Volunteers act both day to day and in exceptional "
                                    "circumstances for solidarity, the ecological transition and "
                                    "social cohesion. They take part in the Ville de Paris's "
                                    "Resilience Strategy.</p>",
                                ),
                            },
                        ),
                        (
                            "commitment",
                            {
                                "title": Tr(
                                    "S'appuyer sur les acteurs du territoire",
                                    "Drawing on local actors",
                                ),
                                "text": Tr(
                                    "<p>Le programme se déploie en s'appuyant sur l'expertise des "
                                    "acteurs du territoire, et notamment des associations.</p>",
                                    "<p>The programme grows by drawing on the expertise of local "
                                    "actors, associations in particular.</p>",
                                ),
                            },
                        ),
                    ]
                ),
            },
        ),
    ]


def citizen_card():
    """The Carte Citoyenne (seed 002); the minimum age of 7 comes from the product owner."""
    return PageSpec(
        ProgrammePage,
        "citizen-card",
        title=Tr("Carte Citoyenne", "Citizen Card"),
        slug=Tr("carte-citoyenne", "citizen-card"),
        fields={
            # In the header's main navigation.
            "show_in_menus": True,
            "introduction": Tr(
                "Au-delà du symbole, la carte « citoyenne-citoyen de Paris » veut donner les "
                "clés de la Cité aux habitants.",
                "Beyond the symbol, the “citoyenne-citoyen de Paris” card aims to give "
                "residents the keys to the city.",
            ),
            "minimum_age": 7,
            "ask_date_of_birth": True,
            "benefits": Stream(
                [
                    (
                        "benefit",
                        {
                            "title": Tr("Les clés de la Cité", "The keys to the city"),
                            "text": Tr(
                                "Des clés de compréhension du fonctionnement d'une institution "
                                "républicaine qui appartient aux habitants.",
                                "Insight into how a republican institution that belongs to its "
                                "residents works.",
                            ),
                        },
                    ),
                    (
                        "benefit",
                        {
                            "title": Tr("Des visites insolites", "Unusual visits"),
                            "text": Tr(
                                "L'accès à des visites insolites.",
                                "Access to unusual visits.",
                            ),
                        },
                    ),
                    (
                        "benefit",
                        {
                            "title": Tr(
                                "Des événements culturels ou sportifs",
                                "Cultural and sporting events",
                            ),
                            "text": Tr(
                                "L'accès à des événements culturels ou sportifs.",
                                "Access to cultural and sporting events.",
                            ),
                        },
                    ),
                ]
            ),
            "activities": Stream(
                [
                    (
                        "activity",
                        {
                            "kind": "visit",
                            "title": Tr("Les visites insolites", "Unusual visits"),
                            "text": Tr(
                                "<p>La carte ouvre l'accès à des visites insolites, annoncées dans "
                                "l'agenda.</p>",
                                "<p>The card gives access to unusual visits, announced in the "
                                "agenda.</p>",
                            ),
                            "page": PageRef("agenda"),
                        },
                    ),
                    (
                        "activity",
                        {
                            "kind": "workshop",
                            "title": Tr("Les ateliers citoyens", "Citizen workshops"),
                            "text": Tr(
                                "<p>Des temps de rencontres et de débats autour de formations "
                                "théoriques ou pratiques sur la vie de la Cité.</p>",
                                "<p>Times to meet and debate around theoretical or practical "
                                "training on city life.</p>",
                            ),
                            "page": PageRef("citizen-workshops"),
                        },
                    ),
                    (
                        "activity",
                        {
                            "kind": "event",
                            "title": Tr("Les événements", "Events"),
                            "text": Tr(
                                "<p>Des événements culturels ou sportifs, annoncés dans "
                                "l'agenda.</p>",
                                "<p>Cultural and sporting events, announced in the agenda.</p>",
                            ),
                            "page": PageRef("agenda"),
                        },
                    ),
                ]
            ),
            "body": Stream(
                [
                    paragraph(
                        Tr(
                            "<p>Il s'agit d'un formidable outil de mobilisation des Parisiennes et "
                            "des Parisiens intéressés par leur ville et qui veulent s'engager, "
                            "partager, découvrir et participer.</p>",
                            "<p>It is a great way to bring together Parisians who are interested "
                            "in their city and want to get involved, share, discover and take "
                            "part.</p>",
                        )
                    ),
                    link(
                        Tr(
                            "Le programme de la Carte Citoyenne",
                            "The Citizen Card programme (in French)",
                        ),
                        url="https://cartecitoyenne.paris.fr/programme/",
                    ),
                ]
            ),
        },
        children=[
            PageSpec(
                StandardPage,
                "citizen-workshops",
                title=Tr("Les ateliers citoyens", "Citizen workshops"),
                slug=Tr("ateliers-citoyens", "citizen-workshops"),
                fields={
                    "introduction": Tr(
                        "À présent rattachés au programme de la carte Citoyenne-Citoyen, les "
                        "ateliers citoyens sont ouverts à tous les Parisiens.",
                        "Now part of the Citizen Card programme, the citizen workshops are "
                        "open to all Parisians.",
                    ),
                    "body": Stream(
                        [
                            paragraph(
                                Tr(
                                    "<p>Les ateliers citoyens proposent à tous les parisiens de "
                                    "véritables temps de rencontres et de débats autour de "
                                    "formations théoriques ou pratiques sur la vie de la Cité. Pour "
                                    "construire un projet, approfondir des sujets qui leur tiennent "
                                    "à cœur ou tout simplement par curiosité.</p>",
                                    "<p>The citizen workshops offer all Parisians real times to "
                                    "meet and debate around theoretical or practical training on "
                                    "city life: to build a project, to look further into subjects "
                                    "they care about, or simply out of curiosity.</p>",
                                )
                            ),
                            link(
                                Tr(
                                    "Les ateliers citoyens sur paris.fr",
                                    "Citizen workshops on paris.fr (in French)",
                                ),
                                url="https://www.paris.fr/atelierscitoyens",
                            ),
                        ]
                    ),
                },
            )
        ],
    )


def agenda(children):
    return PageSpec(
        EventIndexPage,
        "agenda",
        title=Tr("Agenda", "What's on"),
        slug=Tr("agenda", "whats-on"),
        fields={
            # In the header's main navigation.
            "show_in_menus": True,
            "introduction": Tr(
                "Les événements, formations et missions des Volontaires de Paris.",
                "Events, training sessions and missions of the Volontaires de Paris.",
            ),
            "body": Stream(
                [
                    paragraph(
                        Tr(
                            "<p>Toute mission proposée est systématiquement précédée d'une "
                            "formation : chaque mission indique celle à suivre d'abord.</p>",
                            "<p>Every mission on offer is always preceded by a training session: "
                            "each mission names the one to attend first.</p>",
                        )
                    ),
                ]
            ),
        },
        children=children,
    )


def site_tree(today):
    """The whole demo tree; events are dated relative to ``today`` (a Paris date)."""
    return home_spec(
        [
            *standard_pages(),
            community_index(today),
            agenda(agenda_events(today)),
            arrondissements(),
            *charters(),
            citizen_card(),
        ]
    )
