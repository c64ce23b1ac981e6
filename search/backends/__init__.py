"""Search backends: each module offers `search(request)` and `suggest(query, limit)`.

`database` (Wagtail's database search over SearchEntry) always works; `elastic` is used
when ELASTICSEARCH_URL is set. search.service picks one and falls back.
"""
