"""gunicorn's configuration for the portal (docs/deploy.md): `gunicorn -c deploy/gunicorn.conf.py`.

Every value can be changed from the environment (GUNICORN_*), so the systemd unit and this
file stay the same on every server.
"""

import multiprocessing
import os

wsgi_app = "config.wsgi:application"
# nginx talks to gunicorn on the loopback (or a unix socket); never exposed directly.
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Sync workers: two per core plus one (gunicorn's advice), at least two, so that one slow
# request (a long export, a search while Elasticsearch is slow) never stops the site.
workers = int(os.environ.get("GUNICORN_WORKERS", max(2, multiprocessing.cpu_count() * 2 + 1)))
worker_class = "sync"
# A request that has not answered in 30 s is stuck: the worker is replaced.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
# A worker is replaced after this many requests, so a slow leak never grows for weeks.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = 200
# Load the application once in the master: a broken configuration (no Redis, no SECRET_KEY)
# stops the service at start instead of failing in every worker.
preload_app = True
# Only nginx on this machine may set X-Forwarded-For/Proto.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# journald already stamps every line.
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms "%(a)s"'
