"""One set of merged agencies and units that every filtered list must read the same way.

The report index, the tracker and the API share the rules of reports.list_params;
tests/test_merger_rule.py runs each of their lists over this data and expects the same answers:

  Sở Nội vụ absorbed Sở Lao động - Thương binh và Xã hội (which had absorbed Chi cục
  Phòng, chống tệ nạn xã hội) and Ban Thi đua - Khen thưởng. Filtering by Sở Nội vụ finds
  all four; filtering by the old department finds its own and its Chi cục's, never what
  Sở Nội vụ or its other predecessor received.

  Huyện Tam Đường became Xã Bình Lư and Xã Sơn Bình on 1 July 2025. A unit finds the units
  it came from and the units it became, not its "sibling" communes.

Each key has one public report on that agency and unit, with one recommendation
addressed to that agency.
"""

from __future__ import annotations

from datetime import date

from reports.enums import UnitLevel
from reports.models import AdministrativeUnit, ReportIndexPage, SupervisionReportPage
from tests.report_factories import address, agency, district, make_report

AGENCY_MATCHES = {
    "interior": {"interior", "labour", "bureau", "emulation"},
    "labour": {"labour", "bureau"},
    "bureau": {"bureau"},
    "emulation": {"emulation"},
}
LOCALITY_MATCHES = {
    "binh_lu": {"interior", "labour"},
    "son_binh": {"labour", "bureau"},
    "tam_duong": {"interior", "labour", "bureau"},
    "sin_ho": {"emulation"},
}


def commune(name: str, code: str) -> AdministrativeUnit:
    return AdministrativeUnit.objects.create(
        code=code, name=name, unit_type="Xã", level=UnitLevel.COMMUNE, valid_from=date(2025, 7, 1)
    )


def build_merger_scenario(index: ReportIndexPage) -> dict:
    """Agencies, units and reports by key; `titles` and `texts` name each key's report and
    recommendation, as the lists print them."""
    interior = agency("Sở Nội vụ", abbreviation="SNV")
    labour = agency(
        "Sở Lao động - Thương binh và Xã hội", active_until=date(2025, 2, 28), successor=interior
    )
    agencies = {
        "interior": interior,
        "labour": labour,
        "bureau": agency(
            "Chi cục Phòng, chống tệ nạn xã hội",
            abbreviation="CCPCTNXH",
            active_until=date(2018, 12, 31),
            successor=labour,
        ),
        "emulation": agency(
            "Ban Thi đua - Khen thưởng",
            abbreviation="BTĐKT",
            active_until=date(2025, 2, 28),
            successor=interior,
        ),
    }
    tam_duong = district("Tam Đường", "105")
    binh_lu, son_binh = commune("Xã Bình Lư", "3301"), commune("Xã Sơn Bình", "3302")
    tam_duong.successors.set([binh_lu, son_binh])
    units = {
        "tam_duong": tam_duong,
        "binh_lu": binh_lu,
        "son_binh": son_binh,
        "sin_ho": district("Sìn Hồ", "106"),
    }
    placed = {
        "interior": ("binh_lu", date(2025, 9, 1)),
        "labour": ("tam_duong", date(2024, 5, 1)),
        "bureau": ("son_binh", date(2017, 3, 1)),
        "emulation": ("sin_ho", date(2023, 3, 1)),
    }
    reports: dict[str, SupervisionReportPage] = {}
    titles, texts = {}, {}
    for key, (unit, day) in placed.items():
        name = agencies[key].name
        titles[key], texts[key] = f"Báo cáo về {name}", f"Kiến nghị gửi {name}"
        reports[key] = make_report(
            index,
            title=titles[key],
            report_date=day,
            agencies=[agencies[key]],
            localities=[units[unit]],
            recommendations=[{"text": texts[key]}],
        )
        address(reports[key].recommendations.get(), agencies[key])
    return {
        "agencies": agencies,
        "units": units,
        "reports": reports,
        "titles": titles,
        "texts": texts,
    }
