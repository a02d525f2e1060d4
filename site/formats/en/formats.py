# British English, as the pages declare (og:locale en_GB): Django's en_GB formats ("14/03/2026"
# for short dates, never the American "03/14/2026"), with dates written in full:
# "Saturday 14 March 2026, 5:30 p.m." rather than "14 Mar 2026".
from django.conf.locale.en_GB.formats import *  # noqa: F403

DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, P"
