import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")
application = get_wsgi_application()

from config.startup import refuse_to_serve_with_a_broken_cache  # noqa: E402 (after setup)

refuse_to_serve_with_a_broken_cache()
