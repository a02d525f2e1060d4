"""The nine communities (names and mottos from seed 000) and the Volontaires du Climat kits."""

import datetime

from communities.models import CommunityIndexPage, CommunityPage, KitPage

from .agenda import community_events
from .spec import ImageRef, Items, PageSpec, Stream, Tr, heading, paragraph

ACTION_FIRST_SHORT = Tr(
    "<p>Comme toute mission du programme, chaque mission est précédée d'une formation.</p>",
    "<p>As with every mission in the programme, each mission is preceded by a training "
    "session.</p>",
)


def community(key, colour, title, slug, motto, introduction, body, partners=()):
    fields = {
        "motto": motto,
        "colour": colour,
        "pictogram": ImageRef(f"pictogram-{colour}"),
        "listing_image": ImageRef(f"pictogram-{colour}"),
        "introduction": introduction,
        "body": Stream(body),
    }
    if partners:
        fields["partners"] = list(partners)
    return key, PageSpec(CommunityPage, key, title=title, slug=slug, fields=fields)


def communities():
    return [
        community(
            "community-solidarity",
            "solidarity",
            Tr("Volontaires de la Solidarité", "Solidarity Volunteers"),
            Tr("volontaires-de-la-solidarite", "solidarity-volunteers"),
            Tr("Agir contre la grande exclusion", "Acting against severe exclusion"),
            Tr(
                "Formés à la Fabrique de la Solidarité, les Volontaires de la Solidarité "
                "s'engagent aux côtés des personnes sans-abri dans des actions de terrain "
                "proposées par les associations.",
                "Trained at the Fabrique de la Solidarité, Solidarity Volunteers stand alongside "
                "homeless people in field actions offered by associations.",
            ),
            [
                heading(Tr("La Nuit de la Solidarité", "The Night of Solidarity")),
                paragraph(
                    Tr(
                        "<p>La Nuit de la Solidarité consiste à décompter, une nuit donnée et de "
                        "façon la plus exhaustive possible, le nombre de personnes en situation de "
                        "rue. Il est proposé à chaque personne rencontrée, anonymement et sur la "
                        "base du volontariat, de répondre à un questionnaire, qui permet de mieux "
                        "connaître les besoins.</p>"
                        "<p>Pour rendre la démarche possible, les citoyens sont invités à se "
                        "mobiliser largement aux côtés de la Ville, de l'État, des partenaires "
                        "institutionnels et associatifs. En 2019, il s'agissait de constituer plus "
                        "de 360 équipes, réunissant professionnels et citoyens.</p>"
                        "<p>Lors des éditions de 2018 et 2019, plus de 3\u00a0500 Parisiennes, Parisiens "
                        "et habitants de communes proches ont répondu présents et ont demandé à "
                        "poursuivre cet engagement tout au long de l'année.</p>",
                        "<p>The Night of Solidarity means counting, on a given night and as "
                        "thoroughly as possible, the number of people sleeping rough. Each person "
                        "met is invited, anonymously and on a voluntary basis, to answer a "
                        "questionnaire that helps to understand their needs better.</p>"
                        "<p>To make this possible, citizens are invited to turn out in large "
                        "numbers alongside the City, the State and institutional and voluntary "
                        "partners. In 2019, more than 360 teams of professionals and citizens were "
                        "formed.</p>"
                        "<p>During the 2018 and 2019 editions, more than 3,500 Parisians and "
                        "residents of neighbouring towns answered the call and asked to keep up "
                        "this commitment all year round.</p>",
                    )
                ),
                heading(Tr("La Fabrique de la Solidarité", "The Fabrique de la Solidarité")),
                paragraph(
                    Tr(
                        "<p>Au lendemain de la première Nuit de la Solidarité en 2018, la Maire de "
                        "Paris a annoncé la création d'un lieu ressource convivial pour toutes les "
                        "Parisiennes et tous les Parisiens souhaitant agir dans le domaine de la "
                        "lutte contre l'exclusion. Le projet a été co-construit en 2018 avec les "
                        "Parisiens et les associations de lutte contre l'exclusion, lors de 4 "
                        "ateliers qui ont réuni plus de 200 Parisiens, dont des personnes sans abri "
                        "; le nom même a été choisi lors d'un atelier d'idéation. La Fabrique de la "
                        "Solidarité est rattachée au Centre d'action sociale de la Ville de "
                        "Paris.</p>",
                        "<p>After the first Night of Solidarity in 2018, the Mayor of Paris "
                        "announced a friendly resource centre for every Parisian wishing to act "
                        "against exclusion. The project was designed in 2018 together with "
                        "Parisians and associations fighting exclusion, in 4 workshops that "
                        "brought together more than 200 Parisians, including homeless people; "
                        "even its name was chosen in an ideas workshop. The Fabrique de la "
                        "Solidarité is part of the Ville de Paris's social action centre "
                        "(CASVP).</p>",
                    )
                ),
                heading(Tr("Ses missions", "Its missions"), "h3"),
                paragraph(
                    Tr(
                        "<ul><li>Former et informer les Parisiennes et les Parisiens qui souhaitent "
                        "agir pour et avec les personnes sans-abri.</li><li>Développer des projets "
                        "citoyens et solidaires.</li><li>La solidarité en création : faire de la "
                        "culture un vecteur d'informations et un levier d'émancipation et "
                        "d'expression pour des personnes accompagnées.</li></ul>",
                        "<ul><li>Training and informing Parisians who wish to act for and with "
                        "homeless people.</li><li>Developing civic and solidarity projects.</li>"
                        "<li>Solidarity through creation: making culture a way to share "
                        "information and a lever for emancipation and expression for the people "
                        "supported.</li></ul>",
                    )
                ),
                heading(Tr("Les formations", "Training"), "h3"),
                paragraph(
                    Tr(
                        "<p>Le programme de formation s'adresse à tous les volontaires qui "
                        "souhaitent s'engager auprès des personnes sans-abri, par exemple :</p>"
                        "<ul><li>la formation à « l'aller vers » les personnes sans-abri ;</li>"
                        "<li>la formation sur les femmes sans-abri.</li></ul>",
                        "<p>The training programme is open to all volunteers who wish to work "
                        "with homeless people, for example:</p>"
                        "<ul><li>training in reaching out to homeless people;</li><li>training on "
                        "homeless women.</li></ul>",
                    )
                ),
            ],
            partners=[f"solidarity-{index}" for index in range(10)],
        ),
        community(
            "community-climate",
            "climate",
            Tr("Volontaires du Climat", "Climate Volunteers"),
            Tr("volontaires-du-climat", "climate-volunteers"),
            Tr("Agir face à l'urgence", "Acting in the face of the emergency"),
            Tr(
                "La Ville de Paris a adopté un nouveau Plan Climat en mars 2018. Plus de 73\u00a0000 "
                "Parisiennes et Parisiens ont participé à la votation citoyenne sur ce plan ; "
                "15\u00a0000 d'entre eux ont fait le choix de devenir « Volontaires du Climat ».",
                "The Ville de Paris adopted a new Climate Plan in March 2018. More than 73,000 "
                "Parisians took part in the citizens' vote on the plan; 15,000 of them chose "
                "to become Climate Volunteers.",
            ),
            [
                heading(
                    Tr(
                        "La Rencontre des Volontaires du Climat",
                        "The Climate Volunteers' gathering",
                    )
                ),
                paragraph(
                    Tr(
                        "<p>Pour commencer à co-construire le rôle des Volontaires du Climat, une "
                        "première Rencontre des Volontaires du Climat a été organisée à l'Hôtel de "
                        "Ville le 22 septembre. Près d'un millier de personnes ont participé à "
                        "cette première journée d'échanges, d'information et de travail.</p>"
                        "<p>Les ambitions suivantes ont émergé de ses ateliers :</p>"
                        "<ul><li>Démultiplier l'action locale des Volontaires.</li><li>Amplifier "
                        "et catalyser les volontés de chacun.</li><li>Créer une solidarité "
                        "climatique pour les évènements extrêmes.</li><li>Développer une "
                        "gouvernance et un suivi partagé du Plan.</li></ul>",
                        "<p>To start shaping the role of the Climate Volunteers together, a first "
                        "Climate Volunteers' gathering was held at the Hôtel de Ville on 22 "
                        "September. Nearly a thousand people took part in this first day of "
                        "exchanges, information and work.</p>"
                        "<p>The following ambitions emerged from its workshops:</p>"
                        "<ul><li>Multiplying the Volunteers' local action.</li><li>Amplifying and "
                        "channelling everyone's goodwill.</li><li>Building climate solidarity for "
                        "extreme events.</li><li>Developing shared governance and monitoring of "
                        "the Plan.</li></ul>",
                    )
                ),
                heading(
                    Tr(
                        "Les kits « Le Volontaire au quotidien »",
                        "The “Volunteers every day” kits",
                    )
                ),
                paragraph(
                    Tr(
                        "<p>Le premier kit, « Le Volontaire et la canicule », date de juin 2019. La "
                        "feuille de route annonçait ensuite « un kit par semestre d'ici fin 2021 », "
                        "sur ces thèmes : déchets, alimentation, mobilité du quotidien, mes "
                        "achats… Ce sont des thèmes annoncés : seul le kit canicule est publié "
                        "ici.</p>",
                        "<p>The first kit, “Volunteers and heatwaves”, dates from June 2019. The "
                        "roadmap then announced “one kit per semester until the end of 2021”, on "
                        "these themes: waste, food, everyday mobility, my purchases… These are "
                        "announced themes: only the heatwave kit is published here.</p>",
                    )
                ),
                heading(Tr("Se former", "Training")),
                paragraph(
                    Tr(
                        "<p>Des formations participatives sont construites avec les associations : "
                        "une thématique par trimestre, formation ou visite co-construite par appel "
                        "à idées ou avec les associations participantes.</p>",
                        "<p>Participatory training sessions are built with associations: one theme "
                        "per quarter, as a training session or a visit designed through a call "
                        "for ideas or with the associations taking part.</p>",
                    )
                ),
            ],
            partners=[f"climate-{index}" for index in range(18)],
        ),
        community(
            "community-green",
            "green",
            Tr("Végétalisons Paris", "Végétalisons Paris"),
            Tr("vegetalisons-paris", "vegetalisons-paris"),
            Tr("Agir pour une Ville plus verte", "Acting for a greener city"),
            Tr(
                "Végétalisons Paris rassemble les Volontaires qui agissent pour une ville plus "
                "verte.",
                "Végétalisons Paris (Let's green Paris) brings together the Volunteers who act "
                "for a greener city.",
            ),
            [
                paragraph(
                    Tr(
                        "<p>Les missions de végétalisation font partie des missions proposées aux "
                        "Volontaires de Paris pour agir en faveur d'une ville plus durable. Parmi "
                        "les premières missions du programme figure la plantation de forêt du 30 "
                        "novembre 2019.</p>",
                        "<p>Greening missions are among the missions offered to the Volontaires de "
                        "Paris to act for a more sustainable city. The programme's first missions "
                        "include the forest planting of 30 November 2019.</p>",
                    )
                ),
                paragraph(ACTION_FIRST_SHORT),
            ],
        ),
        community(
            "community-cleanliness",
            "cleanliness",
            Tr("Volontaires de la Propreté", "Cleanliness Volunteers"),
            Tr("volontaires-de-la-proprete", "cleanliness-volunteers"),
            Tr("Agir pour notre cadre de vie", "Acting for our living environment"),
            Tr(
                "Les Volontaires de la Propreté agissent pour le cadre de vie de toutes et tous.",
                "Cleanliness Volunteers act for everyone's living environment.",
            ),
            [
                paragraph(
                    Tr(
                        "<p>Parmi les premières missions du programme figurent deux opérations "
                        "clean-tag, les 22 et 24 novembre 2019.</p>",
                        "<p>The programme's first missions include two clean-tag operations, on 22 "
                        "and 24 November 2019.</p>",
                    )
                ),
                paragraph(ACTION_FIRST_SHORT),
            ],
        ),
        community(
            "community-street",
            "street",
            Tr("Signaleurs « Dans ma rue »", "“Dans ma rue” reporters"),
            Tr("signaleurs-dans-ma-rue", "dans-ma-rue-reporters"),
            Tr("Agir sur l'espace public", "Acting on public space"),
            Tr(
                "Les Signaleurs « Dans ma rue » agissent sur l'espace public.",
                "“Dans ma rue” (In my street) reporters act on public space.",
            ),
            [
                paragraph(
                    Tr(
                        "<p>Ils contribuent à la qualité de l'espace public en signalant aux "
                        "services de la Ville ce qu'ils y constatent.</p>",
                        "<p>They help keep public space in good order by reporting what they "
                        "notice to the City's services.</p>",
                    )
                ),
            ],
        ),
        community(
            "community-company",
            "company",
            Tr("Paris en Compagnie", "Paris en Compagnie"),
            Tr("paris-en-compagnie", "paris-en-compagnie"),
            Tr("Agir pour nos aînés", "Acting for our elders"),
            Tr(
                "Paris en Compagnie rassemble les Volontaires qui agissent pour nos aînés.",
                "Paris en Compagnie (Paris in company) brings together the Volunteers who act "
                "for our elders.",
            ),
            [
                paragraph(
                    Tr(
                        "<p>Soutenir les personnes vulnérables fait partie des missions proposées "
                        "aux Volontaires de Paris, notamment par l'accompagnement de seniors.</p>",
                        "<p>Supporting vulnerable people is one of the missions offered to the "
                        "Volontaires de Paris, in particular by accompanying older people.</p>",
                    )
                ),
                paragraph(ACTION_FIRST_SHORT),
            ],
        ),
        community(
            "community-rescue",
            "rescue",
            Tr("Paris qui Sauve", "Paris qui Sauve"),
            Tr("paris-qui-sauve", "paris-qui-sauve"),
            Tr("Agir dans l'adversité", "Acting in adversity"),
            Tr(
                "Paris qui Sauve prépare les Volontaires à agir dans l'adversité.",
                "Paris qui Sauve (Paris saves lives) prepares Volunteers to act in adversity.",
            ),
            [
                paragraph(
                    Tr(
                        "<p>Les Volontaires se forment pour adapter la ville aux défis du 21e "
                        "siècle : préparation aux situations de crise telles que les crues de la "
                        "Seine, les canicules, initiation aux premiers secours…</p>"
                        "<p>Les Volontaires de Paris sont acteurs de la Stratégie de résilience de "
                        "la Ville de Paris.</p>",
                        "<p>Volunteers train to adapt the city to the challenges of the 21st "
                        "century: preparing for crises such as Seine floods and heatwaves, "
                        "first-aid introduction…</p>"
                        "<p>The Volontaires de Paris take part in the Ville de Paris's Resilience "
                        "Strategy.</p>",
                    )
                ),
            ],
        ),
        community(
            "community-debate",
            "debate",
            Tr("Volontaires des Débats", "Debate Volunteers"),
            Tr("volontaires-des-debats", "debate-volunteers"),
            Tr("Agir pour la démocratie", "Acting for democracy"),
            Tr(
                "Les Volontaires des Débats participent à la démocratie parisienne.",
                "Debate Volunteers take part in Paris democracy.",
            ),
            [
                paragraph(
                    Tr(
                        "<p>Participer à la démocratie parisienne : organisation de débats, "
                        "ateliers, consultations, sensibilisation à la participation "
                        "citoyenne.</p>",
                        "<p>Taking part in Paris democracy: organising debates, workshops and "
                        "consultations, raising awareness of citizen participation.</p>",
                    )
                ),
                heading(Tr("La Nuit des débats", "The Night of Debates")),
                paragraph(
                    Tr(
                        "<p>Initiée par la Ville de Paris en 2016, la Nuit des débats consiste à "
                        "inviter les citoyens à discuter, échanger et débattre dans des bars, des "
                        "cafés, des lieux de convivialité de la ville.</p>",
                        "<p>Launched by the Ville de Paris in 2016, the Night of Debates invites "
                        "citizens to talk, exchange and debate in the city's bars, cafés and "
                        "meeting places.</p>",
                    )
                ),
            ],
        ),
        community(
            "community-sport",
            "sport",
            Tr("Team Paris", "Team Paris"),
            Tr("team-paris", "team-paris"),
            Tr("Agir lors des grands événements sportifs", "Acting at major sporting events"),
            Tr(
                "Team Paris rassemble les Volontaires qui agissent lors des grands événements "
                "sportifs.",
                "Team Paris brings together the Volunteers who act at major sporting events.",
            ),
            [
                paragraph(
                    Tr(
                        "<p>Animer la vie culturelle et sportive de Paris à l'occasion "
                        "d'évènements culturels les plus prestigieux et de grandes compétitions "
                        "sportives fait partie des missions proposées aux Volontaires de Paris.</p>"
                        "<p>Les Volontaires mobilisés lors des Jeux olympiques et paralympiques ont "
                        "su conquérir le cœur des Parisiennes, des Parisiens et des visiteurs du "
                        "monde entier grâce à leur énergie et leur implication.</p>",
                        "<p>Bringing Paris's cultural and sporting life to life during the most "
                        "prestigious cultural events and major sporting competitions is one of the "
                        "missions offered to the Volontaires de Paris.</p>"
                        "<p>The Volunteers mobilised during the Olympic and Paralympic Games won "
                        "the hearts of Parisians and visitors from all over the world with their "
                        "energy and commitment.</p>",
                    )
                ),
                paragraph(ACTION_FIRST_SHORT),
            ],
        ),
    ]


KIT_SERIES = Tr(
    "Un kit de la série « Le Volontaire au quotidien » prévue par la feuille de route des "
    "Volontaires du Climat.",
    "A kit in the “Volunteers every day” series planned by the Climate Volunteers' roadmap.",
)


def kit(
    key, theme, title, slug, publication_date, summary, steps, checklist, introduction=KIT_SERIES
):
    return PageSpec(
        KitPage,
        key,
        title=title,
        slug=slug,
        fields={
            "introduction": introduction,
            "summary": summary,
            "theme": theme,
            "publication_date": publication_date,
            "listing_image": ImageRef(key),
            "body": Stream(
                [
                    ("steps", Items({"title": step, "text": text} for step, text in steps)),
                    ("checklist", {"title": checklist[0], "items": Items(checklist[1])}),
                ]
            ),
        },
    )


def kits():
    """The first kit (June 2019) and those the roadmap planned, one per semester to end 2021.

    Publication dates follow that roadmap (seed 002); the day of the month is not given.
    """
    return [
        kit(
            "kit-heatwave",
            KitPage.Theme.HEATWAVE,
            Tr("Le Volontaire et la canicule", "Volunteers and heatwaves"),
            Tr("le-volontaire-et-la-canicule", "volunteers-and-heatwaves"),
            datetime.date(2019, 6, 1),
            Tr(
                "Repérer les personnes fragiles de son entourage pendant un épisode de forte "
                "chaleur, leur rappeler les bons gestes et savoir réagir face à un malaise.",
                "Spotting vulnerable people around you during a heatwave, reminding them of "
                "the right habits and knowing what to do if someone feels unwell.",
            ),
            [
                (
                    Tr(
                        "Repérer les personnes isolées de son entourage",
                        "Identify isolated people around you",
                    ),
                    Tr(
                        "<p>Voisins âgés, personnes seules ou malades : savoir qui pourrait "
                        "avoir besoin d'aide pendant l'épisode de chaleur.</p>",
                        "<p>Older neighbours, people living alone or ill: know who might need "
                        "help during the heatwave.</p>",
                    ),
                ),
                (
                    Tr("Prendre de leurs nouvelles régulièrement", "Check on them regularly"),
                    Tr(
                        "<p>Appeler ou passer les voir, surtout aux heures les plus chaudes.</p>",
                        "<p>Call or drop by, especially during the hottest hours.</p>",
                    ),
                ),
                (
                    Tr("Rappeler les bons gestes", "Remind them of the right habits"),
                    Tr(
                        "<p>Boire de l'eau régulièrement, se rafraîchir, fermer volets et "
                        "fenêtres quand il fait plus chaud dehors que dedans.</p>",
                        "<p>Drink water regularly, cool down, close shutters and windows when "
                        "it is hotter outside than inside.</p>",
                    ),
                ),
                (
                    Tr("Réagir face à un malaise", "React if someone feels unwell"),
                    Tr(
                        "<p>En cas de malaise, appeler le 15 (Samu) ou le 112.</p>",
                        "<p>If someone feels unwell, call 15 (emergency medical service) or "
                        "112.</p>",
                    ),
                ),
            ],
            (
                Tr("À avoir chez soi", "To have at home"),
                [
                    Tr("De l'eau", "Water"),
                    Tr("Un thermomètre", "A thermometer"),
                    Tr("Un brumisateur ou un linge humide", "A water spray or a damp cloth"),
                    Tr("Les numéros utiles à portée de main", "Useful phone numbers at hand"),
                ],
            ),
            introduction=Tr(
                "Le premier kit de la série « Le Volontaire au quotidien », créé en juin 2019 "
                "pour les Volontaires du Climat.",
                "The first kit in the “Volunteers every day” series, created in June 2019 "
                "for the Climate Volunteers.",
            ),
        ),
    ]


def community_index(today):
    specs = []
    for key, spec in communities():
        spec.children = [
            *(kits() if key == "community-climate" else []),
            *community_events(key, today),
        ]
        specs.append(spec)
    return PageSpec(
        CommunityIndexPage,
        "communities",
        title=Tr("Les communautés", "The communities"),
        slug=Tr("communautes", "communities"),
        fields={
            # In the header's main navigation.
            "show_in_menus": True,
            "introduction": Tr(
                "Le programme des Volontaires de Paris s'appuie et s'inspire des 9 communautés "
                "de Volontaires déjà existantes.",
                "The Volontaires de Paris programme builds on and draws from the 9 volunteer "
                "communities that already existed.",
            ),
            "body": Stream(
                [
                    paragraph(
                        Tr(
                            "<p>Chaque communauté propose des formations et des missions ; toute "
                            "mission proposée est systématiquement précédée d'une formation.</p>",
                            "<p>Each community offers training sessions and missions; every "
                            "mission on offer is always preceded by a training session.</p>",
                        )
                    ),
                ]
            ),
        },
        children=specs,
    )
