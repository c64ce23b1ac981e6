"""English: editors may switch their own admin to it (WAGTAILADMIN_PERMITTED_LANGUAGES),
and the content's dates are still Vietnamese dates, so they stay day first."""

from config.formats.day_first import *  # noqa: F403
