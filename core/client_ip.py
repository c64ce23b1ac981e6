"""The reader's address, as every per-client limit of the site sees it.

REMOTE_ADDR, or behind a reverse proxy the header it sets (settings.CLIENT_IP_HEADER, e.g.
nginx's X-Real-IP). Only the proxy's own header is trusted, never X-Forwarded-For as a
client sent it: otherwise an attacker would pick a new address for every login attempt and
never be locked out, and without the header every reader would share the proxy's address.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    header = getattr(settings, "CLIENT_IP_HEADER", "")
    address = request.headers.get(header, "") if header else ""
    return address.split(",")[-1].strip() or request.META.get("REMOTE_ADDR", "")
