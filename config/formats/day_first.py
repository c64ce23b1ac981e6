"""The day-first formats shared by every language the admin can be shown in.

The first input format is also what plain Django widgets display, so it must match
WAGTAIL_DATE_FORMAT / WAGTAIL_DATETIME_FORMAT (settings). A month-first format ("%m/%d/%Y")
is never listed: "08/12/2022" must mean 8 December, and "12/25/2026" must be refused rather
than guessed. Django appends the ISO formats ("%Y-%m-%d"...) to these lists by itself; they
are listed anyway, so the picker's and the API's ISO dates are visibly accepted here.
"""

DATE_INPUT_FORMATS = [
    "%d/%m/%Y",  # 25/12/2026 (also 5/12/2026: strptime accepts one digit)
    "%d-%m-%Y",  # 25-12-2026, how Django's own `vi` short format used to display dates
    "%Y-%m-%d",  # ISO
]
DATETIME_INPUT_FORMATS = [
    "%d/%m/%Y %H:%M",  # 25/12/2026 08:00, the admin's own format
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y",  # a date alone means midnight
    "%d-%m-%Y %H:%M",
    "%d-%m-%Y %H:%M:%S",
    "%Y-%m-%d %H:%M:%S",  # ISO
    "%Y-%m-%d %H:%M:%S.%f",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d",
]
TIME_INPUT_FORMATS = ["%H:%M", "%H:%M:%S", "%H:%M:%S.%f"]

# Display (Django date-filter syntax): the same day-first shape everywhere in the admin,
# including Wagtail's active-filter chips, which use DATE_FORMAT.
DATE_FORMAT = "d/m/Y"
DATETIME_FORMAT = "d/m/Y H:i"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
TIME_FORMAT = "H:i"
FIRST_DAY_OF_WEEK = 1  # Monday, in the date picker too
