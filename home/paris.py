"""Paris itself: what several apps name the same way."""

from django.utils.translation import gettext_lazy as _

ARRONDISSEMENTS = [
    (1, _("1st arrondissement")),
    (2, _("2nd arrondissement")),
    (3, _("3rd arrondissement")),
    (4, _("4th arrondissement")),
    (5, _("5th arrondissement")),
    (6, _("6th arrondissement")),
    (7, _("7th arrondissement")),
    (8, _("8th arrondissement")),
    (9, _("9th arrondissement")),
    (10, _("10th arrondissement")),
    (11, _("11th arrondissement")),
    (12, _("12th arrondissement")),
    (13, _("13th arrondissement")),
    (14, _("14th arrondissement")),
    (15, _("15th arrondissement")),
    (16, _("16th arrondissement")),
    (17, _("17th arrondissement")),
    (18, _("18th arrondissement")),
    (19, _("19th arrondissement")),
    (20, _("20th arrondissement")),
]
