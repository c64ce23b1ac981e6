"""Every filtered list reads agency and unit mergers by the shared rule of reports.list_params.

The report list, the tracker and the API run their filters over one merger scenario
(tests/merger_scenario.py), built once for this module: each case only reads it.
"""

from __future__ import annotations

import re
from html import unescape

import pytest
from bs4 import BeautifulSoup
from django.utils.http import urlencode

from news.models import PortalSettings
from tests.conftest import pinned_travel
from tests.factories import home_page
from tests.merger_scenario import AGENCY_MATCHES, LOCALITY_MATCHES, build_merger_scenario
from tests.report_factories import make_report_index, make_tracker
from tests.worlds import module_world

pytestmark = pytest.mark.usefixtures("pinned_clock")


def build_scenario() -> dict:
    with pinned_travel():  # the tracker and the API read it on the pinned day
        home = home_page()
        PortalSettings.for_site(home.get_site())
        index = make_report_index()
        tracker = make_tracker(index)
        return {**build_merger_scenario(index), "index": index, "tracker": tracker}


scenario_world, scenario = module_world(build_scenario, "scenario")


# ------------------------------------------------------------------ the public report list


def listed_reports(client, index, **params) -> list[str]:
    response = client.get(index.url + (f"?{urlencode(params)}" if params else ""))
    assert response.status_code == 200, response.status_code
    page = BeautifulSoup(response.content, "html.parser")
    return [a.get_text() for a in page.select(".report-item__title a")]


@pytest.mark.parametrize(
    ("param", "key", "matches"),
    [("agency", k, v) for k, v in AGENCY_MATCHES.items()]
    + [("locality", k, v) for k, v in LOCALITY_MATCHES.items()],
)
def test_report_list_follows_mergers(client, scenario, param, key, matches):
    chosen = scenario["agencies" if param == "agency" else "units"][key]
    expected = {scenario["titles"][name] for name in matches}
    assert set(listed_reports(client, scenario["index"], **{param: chosen.pk})) == expected


# ------------------------------------------------------------------------------ the tracker


def listed_recommendations(client, tracker, query: str) -> list[str]:
    response = client.get(f"{tracker.url}?{query}")
    assert response.status_code == 200
    html = response.content.decode()
    return [unescape(t) for t in re.findall(r'class="tracker-item__text">(.*?)</p>', html)]


@pytest.mark.parametrize(("key", "matches"), AGENCY_MATCHES.items())
def test_tracker_agency_follows_mergers(client, scenario, key, matches):
    listed = listed_recommendations(
        client, scenario["tracker"], f"agency={scenario['agencies'][key].pk}"
    )
    assert set(listed) == {scenario["texts"][name] for name in matches}


# ---------------------------------------------------------------------------------- the API


@pytest.mark.parametrize(
    ("path", "param", "key", "matches"),
    [("/reports/", "agency", k, v) for k, v in AGENCY_MATCHES.items()]
    + [("/reports/", "locality", k, v) for k, v in LOCALITY_MATCHES.items()]
    + [("/recommendations/", "agency", k, v) for k, v in AGENCY_MATCHES.items()],
)
def test_api_agency_and_locality_follow_mergers(client, scenario, path, param, key, matches):
    chosen = scenario["agencies" if param == "agency" else "units"][key]
    payload = client.get("/api/v1" + path, {param: chosen.pk}).json()
    if path == "/reports/":
        assert {item["id"] for item in payload["items"]} == {
            scenario["reports"][name].pk for name in matches
        }
    else:
        assert {i["text"] for i in payload["items"]} == {scenario["texts"][n] for n in matches}
