"""The nine communities (names and mottos from seed 000) and the Volontaires du Climat kits."""

import datetime

from django.utils.html import strip_tags

from communities.models import CommunityIndexPage, CommunityPage, KitPage

from .agenda import community_events
from .spec import DocumentRef, ImageRef, Items, PageSpec, Stream, Tr, heading, paragraph

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
                        "<p>Lors des éditions de 2018 et 2019, plus de 3 500 Parisiennes, Parisiens "
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
                "La Ville de Paris a adopté un nouveau Plan Climat en mars 2018. Plus de 73 000 "
                "Parisiennes et Parisiens ont participé à la votation citoyenne sur ce plan ; "
                "15 000 d'entre eux ont fait le choix de devenir « Volontaires du Climat ».",
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
                        "feuille de route prévoyait ensuite un kit par semestre jusqu'à fin 2021 : "
                        "déchets, alimentation, mobilité du quotidien, achats…</p>",
                        "<p>The first kit, “Volunteers and heatwaves”, dates from June 2019. The "
                        "roadmap then planned one kit per semester until the end of 2021: waste, "
                        "food, everyday mobility, purchases…</p>",
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
    # The printable sheet repeats the kit in French; its link says so in English.
    sheet = DocumentRef(
        title=f"Fiche pratique : {title.fr}",
        filename=f"fiche-{slug.fr}.pdf",
        sections=(
            ("Étapes", tuple(f"{step.fr} : {strip_tags(text.fr)}" for step, text in steps)),
            (checklist[0].fr, tuple(item.fr for item in checklist[1])),
        ),
    )
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
                    (
                        "document",
                        {
                            "document": sheet,
                            "title": Tr(
                                "La fiche pratique à imprimer",
                                "The printable sheet (in French)",
                            ),
                        },
                    ),
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
        kit(
            "kit-waste",
            KitPage.Theme.WASTE,
            Tr("Le Volontaire et les déchets", "Volunteers and waste"),
            Tr("le-volontaire-et-les-dechets", "volunteers-and-waste"),
            datetime.date(2019, 12, 1),
            Tr(
                "Réduire ses déchets au quotidien et aider son entourage à mieux trier.",
                "Cutting down your waste every day and helping those around you sort better.",
            ),
            [
                (
                    Tr("Faire le point sur ses déchets", "Take stock of your waste"),
                    Tr(
                        "<p>Observer ce que l'on jette le plus souvent pour savoir par où "
                        "commencer.</p>",
                        "<p>Look at what you throw away most often to know where to start.</p>",
                    ),
                ),
                (
                    Tr("Refuser le superflu", "Refuse what you do not need"),
                    Tr(
                        "<p>Éviter les emballages inutiles et les objets jetables.</p>",
                        "<p>Avoid needless packaging and disposable items.</p>",
                    ),
                ),
                (
                    Tr("Trier", "Sort"),
                    Tr(
                        "<p>Suivre les consignes de tri de la Ville de Paris et les partager "
                        "autour de soi.</p>",
                        "<p>Follow the Ville de Paris sorting instructions and share them "
                        "around you.</p>",
                    ),
                ),
                (
                    Tr("Réparer, donner, réemployer", "Repair, give away, reuse"),
                    Tr(
                        "<p>Donner une seconde vie aux objets avant de les jeter.</p>",
                        "<p>Give objects a second life before throwing them away.</p>",
                    ),
                ),
            ],
            (
                Tr("Pour réduire ses déchets", "To cut down your waste"),
                [
                    Tr("Un sac réutilisable", "A reusable bag"),
                    Tr("Une gourde", "A water bottle"),
                    Tr("Des boîtes pour les achats en vrac", "Containers for loose shopping"),
                    Tr(
                        "Les consignes de tri de son immeuble",
                        "Your building's sorting instructions",
                    ),
                ],
            ),
        ),
        kit(
            "kit-food",
            KitPage.Theme.FOOD,
            Tr("Le Volontaire et l'alimentation", "Volunteers and food"),
            Tr("le-volontaire-et-l-alimentation", "volunteers-and-food"),
            datetime.date(2020, 6, 1),
            Tr(
                "Lutter contre le gaspillage alimentaire et choisir une alimentation plus "
                "durable.",
                "Fighting food waste and choosing more sustainable food.",
            ),
            [
                (
                    Tr("Prévoir ses repas", "Plan your meals"),
                    Tr(
                        "<p>Acheter ce dont on a besoin, sans plus.</p>",
                        "<p>Buy what you need, no more.</p>",
                    ),
                ),
                (
                    Tr("Bien conserver", "Store food well"),
                    Tr(
                        "<p>Ranger les aliments selon leur date de consommation.</p>",
                        "<p>Arrange food by its use-by date.</p>",
                    ),
                ),
                (
                    Tr("Cuisiner les restes", "Cook leftovers"),
                    Tr(
                        "<p>Transformer les restes en nouveaux plats.</p>",
                        "<p>Turn leftovers into new dishes.</p>",
                    ),
                ),
                (
                    Tr("Privilégier les produits de saison", "Choose seasonal produce"),
                    Tr(
                        "<p>Choisir des fruits et légumes de saison.</p>",
                        "<p>Pick fruit and vegetables in season.</p>",
                    ),
                ),
            ],
            (
                Tr("Avant de faire les courses", "Before going shopping"),
                [
                    Tr("Vérifier le contenu du réfrigérateur", "Check what is in the fridge"),
                    Tr("Faire une liste", "Make a list"),
                    Tr("Repérer les dates de consommation", "Look at use-by dates"),
                    Tr("Prévoir des contenants", "Bring containers"),
                ],
            ),
        ),
        kit(
            "kit-mobility",
            KitPage.Theme.MOBILITY,
            Tr("Le Volontaire et la mobilité du quotidien", "Volunteers and everyday mobility"),
            Tr("le-volontaire-et-la-mobilite-du-quotidien", "volunteers-and-everyday-mobility"),
            datetime.date(2020, 12, 1),
            Tr(
                "Se déplacer au quotidien en émettant moins de gaz à effet de serre.",
                "Getting around every day while emitting fewer greenhouse gases.",
            ),
            [
                (
                    Tr("Marcher pour les trajets courts", "Walk for short trips"),
                    Tr(
                        "<p>Pour les petites distances, la marche est souvent la plus simple.</p>",
                        "<p>For short distances, walking is often the simplest.</p>",
                    ),
                ),
                (
                    Tr("Passer au vélo", "Switch to cycling"),
                    Tr(
                        "<p>Repérer les itinéraires cyclables pour ses trajets habituels.</p>",
                        "<p>Find cycle routes for your usual trips.</p>",
                    ),
                ),
                (
                    Tr("Prendre les transports en commun", "Take public transport"),
                    Tr(
                        "<p>Préférer le métro, le bus ou le tramway à la voiture.</p>",
                        "<p>Prefer the metro, bus or tram to the car.</p>",
                    ),
                ),
                (
                    Tr("Partager ses trajets", "Share your journeys"),
                    Tr(
                        "<p>Quand la voiture est nécessaire, covoiturer.</p>",
                        "<p>When a car is needed, share it.</p>",
                    ),
                ),
            ],
            (
                Tr("Pour se déplacer à vélo", "To get around by bike"),
                [
                    Tr("Un antivol", "A lock"),
                    Tr("Un éclairage avant et arrière", "Front and rear lights"),
                    Tr("Un casque", "A helmet"),
                    Tr("Un gilet réfléchissant", "A reflective vest"),
                ],
            ),
        ),
        kit(
            "kit-purchases",
            KitPage.Theme.PURCHASES,
            Tr("Le Volontaire et ses achats", "Volunteers and their purchases"),
            Tr("le-volontaire-et-ses-achats", "volunteers-and-their-purchases"),
            datetime.date(2021, 6, 1),
            Tr(
                "Acheter moins et mieux : occasion, réparation, produits durables.",
                "Buying less and better: second-hand, repair, durable products.",
            ),
            [
                (
                    Tr("Se demander si l'achat est nécessaire", "Ask whether you need it"),
                    Tr(
                        "<p>Emprunter ou louer peut suffire.</p>",
                        "<p>Borrowing or renting may be enough.</p>",
                    ),
                ),
                (
                    Tr("Penser à l'occasion", "Think second-hand"),
                    Tr(
                        "<p>Chercher d'abord un objet d'occasion.</p>",
                        "<p>Look for a second-hand item first.</p>",
                    ),
                ),
                (
                    Tr("Choisir des produits durables", "Choose durable products"),
                    Tr(
                        "<p>Préférer les objets solides et réparables.</p>",
                        "<p>Prefer sturdy, repairable items.</p>",
                    ),
                ),
                (
                    Tr("Faire réparer plutôt que jeter", "Repair rather than throw away"),
                    Tr(
                        "<p>Confier ses objets en panne à un réparateur.</p>",
                        "<p>Take broken items to a repairer.</p>",
                    ),
                ),
            ],
            (
                Tr("Avant d'acheter", "Before buying"),
                [
                    Tr("En ai-je vraiment besoin ?", "Do I really need it?"),
                    Tr("Puis-je l'emprunter ou le louer ?", "Can I borrow or rent it?"),
                    Tr("Existe-t-il d'occasion ?", "Is it available second-hand?"),
                    Tr("Est-il réparable ?", "Can it be repaired?"),
                ],
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
