# French times as the City of Paris writes them, "17h30" rather than Django's "17:30", and
# "le 6 novembre 2026 à 16h00". Other formats are Django's own.
TIME_FORMAT = r"G\hi"
DATETIME_FORMAT = r"j F Y à G\hi"
SHORT_DATETIME_FORMAT = r"d/m/Y G\hi"
