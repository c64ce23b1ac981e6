"""The readers' search page, /tim-kiem/, and the links it (and its feed and API) hand out.

Everything a reader can ask for is a GET parameter, read once by search.params: a refused
value is ignored and explained in a note, never an error page. Every link the page draws
(facet values, removing a filter, sorting, pages, RSS) is built here from the parameters
that were accepted, so a bad value is not carried from link to link.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from core.pagination import Pagination, pagination
from core.text.normalize import clean, fold
from reports.enums import RecommendationStatus
from search.models import EntryKind, SearchEntry
from search.notes import FALLBACK, SUGGESTION, SUGGESTION_LEAD, search_notes
from search.params import MAX_PAGE, PAGE_SIZE, SearchRequest, parse_request
from search.results import FACETS, SearchHit, SearchResults
from search.service import run_search, shorten_caching_of_stand_ins

# Results change when editors publish; a minute in a shared cache is harmless and spares
# the search backend from repeated identical queries (a link shared in a chat group).
MAX_AGE = 60

FACET_TITLES = {
    "type": _("Loại nội dung"),
    "section": _("Chuyên mục"),
    "body": _("Cơ quan giám sát"),
    "field": _("Lĩnh vực"),
    "year": _("Năm"),
    "locality": _("Địa bàn"),
    "status": _("Tình trạng kiến nghị"),
}
SORT_LABELS = {
    "relevance": _("Liên quan nhất"),
    "newest": _("Mới nhất"),
    "oldest": _("Cũ nhất"),
}
SCOPE_LABEL = _("Chỉ tìm trong kết luận giám sát")


# ------------------------------------------------------------------------------ links


def page_params(search: SearchRequest) -> dict[str, str]:
    """The accepted parameters as URL values, in a stable order, defaults left out."""
    params = {"q": clean(search.query)}
    params.update({name: str(value) for name, value in search.filters.items()})
    if search.date_from:
        params["from"] = search.date_from.isoformat()
    if search.date_to:
        params["to"] = search.date_to.isoformat()
    if search.sort != "relevance":
        params["sort"] = search.sort
    if search.scope != "all":
        params["scope"] = search.scope
    if search.page > 1:
        params["page"] = str(search.page)
    return {name: value for name, value in params.items() if value}


def search_url(params: dict[str, str], **changes: str | int | None) -> str:
    """/tim-kiem/ with `params` changed (None removes one); back to page 1 unless given."""
    params = {name: value for name, value in params.items() if name != "page"}
    for name, value in changes.items():
        if value is None or value == "" or (name == "page" and value == 1):
            params.pop(name, None)
        else:
            params[name] = str(value)
    query = urlencode(params)
    return reverse("search") + (f"?{query}" if query else "")


def has_input(search: SearchRequest) -> bool:
    """Whether there is anything to search for (else the page shows help, not results)."""
    return bool(
        clean(search.query)
        or search.filters
        or search.date_from
        or search.date_to
        or search.scope != "all"
    )


# --------------------------------------------------------------------- what is shown


@dataclass(frozen=True)
class FacetLink:
    label: str
    count: int
    url: str
    selected: bool


@dataclass(frozen=True)
class Facet:
    name: str
    title: str
    values: list[FacetLink]


@dataclass(frozen=True)
class ActiveFilter:
    title: str
    label: str
    remove_url: str


@dataclass(frozen=True)
class HitRow:
    hit: SearchHit
    type_label: str


def facets(results: SearchResults, search: SearchRequest, params: dict[str, str]) -> list[Facet]:
    """Each facet's values as links: a value adds (or replaces) its filter, the chosen one
    removes it again."""
    shown = []
    for name in FACETS:
        chosen = search.filters.get(name)
        links = [
            FacetLink(
                label=value.label,
                count=value.count,
                url=search_url(
                    params, **{name: None if value.value == str(chosen) else value.value}
                ),
                selected=value.value == str(chosen),
            )
            for value in results.facets.get(name, [])
        ]
        if links:
            shown.append(Facet(name, str(FACET_TITLES[name]), links))
    return shown


def _stored_label(name: str, value: object) -> str:
    """A chosen filter's label when the facets do not list it (no result has it now)."""
    if name == "type":
        return str(EntryKind(value).label)
    if name == "status":
        return str(RecommendationStatus(value).label)
    if name == "year":
        return str(value)
    rows = SearchEntry.objects.order_by()
    if name in ("section", "body"):
        label = rows.filter(**{f"{name}_id": value}).values_list(f"{name}_label", flat=True)
        return label.first() or gettext("mã %s") % value
    column = "fields" if name == "field" else "localities"
    key_column = "field_keys" if name == "field" else "locality_keys"
    for pairs in rows.filter(**{f"{key_column}__contains": f"|{value}|"}).values_list(
        column, flat=True
    )[:1]:
        for key, label in pairs:
            if str(key) == str(value):
                return label
    return gettext("mã %s") % value


def active_filters(
    results: SearchResults | None, search: SearchRequest, params: dict[str, str]
) -> list[ActiveFilter]:
    """What narrows the results now, each with a link that drops just that."""
    active = []
    for name, value in search.filters.items():
        listed = results.facets.get(name, []) if results else []
        label = next((v.label for v in listed if v.value == str(value)), None)
        label = label or _stored_label(name, value)
        active.append(
            ActiveFilter(str(FACET_TITLES[name]), label, search_url(params, **{name: None}))
        )
    if search.date_from:
        title, label = gettext("Từ ngày"), search.date_from.strftime("%d/%m/%Y")
        active.append(ActiveFilter(title, label, search_url(params, **{"from": None})))
    if search.date_to:
        title, label = gettext("Đến ngày"), search.date_to.strftime("%d/%m/%Y")
        active.append(ActiveFilter(title, label, search_url(params, to=None)))
    if search.scope == "conclusions":
        active.append(
            ActiveFilter(gettext("Phạm vi"), str(SCOPE_LABEL), search_url(params, scope=None))
        )
    return active


def result_pages(results: SearchResults, params: dict[str, str]) -> Pagination | None:
    """Numbered pages around the current one; beyond MAX_PAGE no page can be asked for."""
    return pagination(
        results.page,
        min(results.pages, MAX_PAGE),
        lambda number: search_url(params, page=number),
        on_ends=1,
        label=gettext("Phân trang kết quả tìm kiếm"),
    )


def notes(search: SearchRequest, errors: dict, results: SearchResults | None) -> list[str]:
    """The notes above the results: refused parameters, then search.notes' own (but the
    fallback and the suggestion, which have their places further down)."""
    shown = [error.note for error in errors.values()]
    shown += [
        note.text
        for note in search_notes(search, results)
        if note.code not in (FALLBACK, SUGGESTION)
    ]
    return shown


def zero_result_advice(
    search: SearchRequest, results: SearchResults, params: dict[str, str]
) -> dict[str, str]:
    """Ways out of an empty result: fewer filters, no diacritics, a close spelling."""
    advice: dict[str, str] = {}
    query = clean(search.query)
    narrowed = {name for name in params if name not in ("q", "sort", "page")}
    if narrowed:
        advice["without_filters_url"] = search_url({"q": query} if query else {})
    folded = fold(query)
    if folded and folded != query.lower():
        advice["folded_query"] = folded
        advice["folded_url"] = search_url(params, q=folded)
    if results.suggestion:
        advice["suggestion_lead"] = str(SUGGESTION_LEAD)
        advice["suggestion"] = results.suggestion
        advice["suggestion_url"] = search_url(params, q=results.suggestion)
    return advice


# ------------------------------------------------------------------------------ views


@require_GET
def search_page(request: HttpRequest) -> HttpResponse:
    if request.GET.get("format") == "rss":
        # Imported here: the feed builds its links with this module's helpers.
        from search.feeds import SearchFeed

        return SearchFeed()(request)
    search, errors = parse_request(request.GET)
    search = replace(search, page_size=PAGE_SIZE)  # the page always shows ten
    params = page_params(search)
    context: dict = {
        "query": clean(search.query),
        "search": search,
        "params": params,
        "has_input": has_input(search),
        "sort_options": [
            (value, str(label), search_url(params, sort=None if value == "relevance" else value))
            for value, label in SORT_LABELS.items()
        ],
        "type_options": EntryKind.choices,
        "scope_label": SCOPE_LABEL,
        "options_in_use": any(name in params for name in ("type", "from", "to", "sort", "scope")),
        # Facet filters without a control of their own in the form ride along hidden, so a
        # new query keeps them (each is listed, with its remove link, under the form).
        "hidden_filters": [
            (name, params[name]) for name in FACETS if name != "type" and name in params
        ],
    }
    results = run_search(search) if context["has_input"] else None
    context["notes"] = notes(search, errors, results)
    context["active_filters"] = active_filters(results, search, params)
    if results is not None:
        context.update(
            results=results,
            rows=[HitRow(hit, str(EntryKind(hit.type).label)) for hit in results.items],
            first_number=search.offset + 1,
            facets=facets(results, search, params),
            pagination=result_pages(results, params),
            rss_url=search_url(params, format="rss"),
            advice=zero_result_advice(search, results, params) if not results.count else {},
            last_page_url=search_url(params, page=min(results.pages, MAX_PAGE))
            if results.count and not results.items
            else "",
        )
    response = render(request, "search/search_page.html", context)
    if request.user.is_authenticated:
        # Editors get the Wagtail user bar: their copy must not land in a shared cache.
        patch_cache_control(response, private=True)
    else:
        patch_cache_control(response, public=True, max_age=MAX_AGE)
    shorten_caching_of_stand_ins(response, results)
    return response


@require_GET
def old_search_url(request: HttpRequest) -> HttpResponse:
    """/search/ (the old portal's address, still in bookmarks) → /tim-kiem/, same query."""
    query = request.META.get("QUERY_STRING", "")
    return HttpResponsePermanentRedirect(reverse("search") + (f"?{query}" if query else ""))
