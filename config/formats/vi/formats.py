"""Vietnamese: the site's language. Numbers etc. still come from Django's `vi` locale."""

from config.formats.day_first import *  # noqa: F403
