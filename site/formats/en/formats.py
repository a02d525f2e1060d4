# British English, as the pages declare (og:locale en_GB): "Saturday 14 March 2026, 5:30 p.m."
# rather than Django's American "March 14, 2026". Times stay Django's ("5:30 p.m.", "noon").
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, P"
