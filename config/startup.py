"""Checks a WSGI/ASGI server must pass before it serves a request.

gunicorn never runs Django's system checks (only manage.py commands do), so a production
server started without a shared cache would serve stale lists with no warning. The
cache checks are cheap (they read settings), so they run at every start.
"""

from __future__ import annotations

from django.core import checks
from django.core.exceptions import ImproperlyConfigured


def refuse_to_serve_with_a_broken_cache() -> None:
    """ImproperlyConfigured, with every message, when a cache check finds an error."""
    errors = [
        message
        for message in checks.run_checks(tags=[checks.Tags.caches])
        if message.is_serious() and not message.is_silenced()
    ]
    if errors:
        raise ImproperlyConfigured("\n".join(str(error) for error in errors))
