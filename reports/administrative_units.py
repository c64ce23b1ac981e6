"""Administrative units of the site's province before and after the 1 July 2025 reform.

The data come from the files bundled with the `vietnamadminunits` package (MIT licence):
data/dataset.db (SQLite: tables admin_units_legacy and admin_units) and
data/converter_2025.json (which old commune went into which new one). We read those files
directly and never import the package: importing it pulls shapely and geopy and builds an
online geocoder client at import time, none of which loading a list of names needs.
"""

from __future__ import annotations

import importlib.util
import json
import sqlite3
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.db import transaction

from core.text.normalize import fold_words

from .enums import UnitLevel
from .models import AdministrativeUnit

LEGACY_UNTIL = date(2025, 6, 30)
REFORM_FROM = date(2025, 7, 1)
DATA_PACKAGE = "vietnamadminunits"


class AdminUnitDataError(Exception):
    """The bundled data cannot be found or does not name the requested province."""


def data_dir() -> Path:
    """The package's data folder, located without importing the package."""
    spec = importlib.util.find_spec(DATA_PACKAGE)
    locations = list(spec.submodule_search_locations or []) if spec else []
    for location in locations:
        folder = Path(location) / "data"
        if (folder / "dataset.db").is_file() and (folder / "converter_2025.json").is_file():
            return folder
    raise AdminUnitDataError(
        "Chưa cài gói vietnamadminunits (cần tệp data/dataset.db và data/converter_2025.json)."
    )


@dataclass
class UnitRow:
    code: str
    name: str
    short_name: str
    unit_type: str
    level: str
    key: str  # the package's key, used by its old-to-new mapping
    children: list[UnitRow] = field(default_factory=list)


@dataclass
class ProvinceData:
    legacy: list[UnitRow]  # provinces › districts › communes before the reform
    current: UnitRow  # the province › communes after it
    # legacy "province_district_commune" key (or "province_district_" for a district
    # without communes) → keys of the new communes it went into
    successors: dict[str, list[str]]

    @property
    def unchanged(self) -> bool:
        """The province kept its code and name: one record spans both periods."""
        return len(self.legacy) == 1 and (
            self.legacy[0].code,
            self.legacy[0].name,
        ) == (self.current.code, self.current.name)


def _province_type(name: str) -> str:
    return "Thành phố" if name.lower().startswith("thành phố") else "Tỉnh"


def _name_key(name: str) -> str:
    folded = fold_words(name)
    for prefix in ("tinh ", "thanh pho ", "tp "):
        if folded.startswith(prefix):
            return folded[len(prefix) :].replace(" ", "")
    return folded.replace(" ", "")


def read_province(province: str, folder: Path | None = None) -> ProvinceData:
    """The named province (old or new name, any accents or case) from the bundled files."""
    folder = folder or data_dir()
    with sqlite3.connect(f"file:{folder / 'dataset.db'}?mode=ro", uri=True) as conn:
        conn.row_factory = sqlite3.Row
        legacy_rows = conn.execute(
            "SELECT province, provinceShort, provinceCode, provinceKey, district, districtShort,"
            " districtType, districtCode, districtKey, ward, wardShort, wardType, wardCode,"
            " wardKey FROM admin_units_legacy ORDER BY provinceCode, districtCode, wardCode"
        ).fetchall()
        current_rows = conn.execute(
            "SELECT province, provinceShort, provinceCode, provinceKey, ward, wardShort,"
            " wardType, wardCode, wardKey FROM admin_units ORDER BY provinceCode, wardCode"
        ).fetchall()
    converter = json.loads((folder / "converter_2025.json").read_text(encoding="utf-8"))
    old_to_new_province: dict[str, str] = {
        old: new for new, olds in converter["DICT_PROVINCE"].items() for old in olds
    }

    wanted = _name_key(province)
    current_keys = {r["provinceKey"] for r in current_rows if _name_key(r["province"]) == wanted}
    legacy_keys = {r["provinceKey"] for r in legacy_rows if _name_key(r["province"]) == wanted}
    if not current_keys and legacy_keys:
        current_keys = {old_to_new_province[key] for key in legacy_keys}
    if current_keys and not legacy_keys:
        legacy_keys = {old for old, new in old_to_new_province.items() if new in current_keys}
    if len(current_keys) != 1:
        known = sorted(
            {r["provinceShort"] for r in legacy_rows} | {r["provinceShort"] for r in current_rows}
        )
        raise AdminUnitDataError(
            f"Không tìm thấy tỉnh, thành phố “{province}” trong dữ liệu đơn vị hành chính. "
            f"Tên hợp lệ, ví dụ: {', '.join(known[:8])}…"
        )
    (current_key,) = current_keys

    provinces: dict[str, UnitRow] = {}
    districts: dict[str, UnitRow] = {}
    for r in legacy_rows:
        if r["provinceKey"] not in legacy_keys:
            continue
        prov = provinces.setdefault(
            r["provinceKey"],
            UnitRow(r["provinceCode"], r["province"], r["provinceShort"],
                    _province_type(r["province"]), UnitLevel.PROVINCE, r["provinceKey"]),
        )  # fmt: skip
        district_key = f"{r['provinceKey']}_{r['districtKey']}"
        if district_key not in districts:
            districts[district_key] = UnitRow(
                r["districtCode"], r["district"], r["districtShort"], r["districtType"],
                UnitLevel.DISTRICT, f"{district_key}_",
            )  # fmt: skip
            prov.children.append(districts[district_key])
        if r["wardCode"]:
            districts[district_key].children.append(
                UnitRow(r["wardCode"], r["ward"], r["wardShort"], r["wardType"],
                        UnitLevel.COMMUNE, f"{district_key}_{r['wardKey']}")
            )  # fmt: skip

    current = None
    for r in current_rows:
        if r["provinceKey"] != current_key:
            continue
        if current is None:
            current = UnitRow(
                r["provinceCode"], r["province"], r["provinceShort"],
                _province_type(r["province"]), UnitLevel.PROVINCE, current_key,
            )  # fmt: skip
        current.children.append(
            UnitRow(r["wardCode"], r["ward"], r["wardShort"], r["wardType"],
                    UnitLevel.COMMUNE, r["wardKey"])
        )  # fmt: skip

    successors: dict[str, list[str]] = defaultdict(list)
    for new_key, old_keys in (
        converter["DICT_PROVINCE_WARD_NO_DIVIDED"].get(current_key, {}).items()
    ):
        for old_key in old_keys:
            successors[old_key].append(new_key)
    # A commune split between several new ones went into each of them.
    for old_key, parts in converter["DICT_PROVINCE_WARD_DIVIDED"].get(current_key, {}).items():
        successors[old_key].extend(part["newWardKey"] for part in parts)
    return ProvinceData(list(provinces.values()), current, dict(successors))


@dataclass
class LoadResult:
    province: str
    counts: dict[str, int]  # "legacy_districts", "legacy_communes", "current_communes"
    created: int = 0
    updated: int = 0
    unchanged: int = 0


class _Writer:
    """Saves units and links only where they differ from the database.

    Each save of an AdministrativeUnit also updates the search and reference indexes, so a
    reload that writes nothing takes a fraction of a second instead of several.
    """

    def __init__(self, codes: set[str], result: LoadResult) -> None:
        self.result = result
        self.units = {
            (unit.code, unit.valid_from): unit
            for unit in AdministrativeUnit.objects.filter(code__in=codes)
        }
        self.links: dict[int, set[int]] = defaultdict(set)
        through = AdministrativeUnit.successors.through
        for source, target in through.objects.filter(
            from_administrativeunit__code__in=codes
        ).values_list("from_administrativeunit_id", "to_administrativeunit_id"):
            self.links[source].add(target)

    def save(self, row: UnitRow, parent, valid_from, valid_until) -> AdministrativeUnit:
        values = {
            "name": row.name,
            "short_name": row.short_name,
            "unit_type": row.unit_type,
            "level": row.level,
            "parent_id": parent.pk if parent else None,
            "valid_until": valid_until,
        }
        unit = self.units.get((row.code, valid_from))
        if unit is None:
            unit = AdministrativeUnit.objects.create(code=row.code, valid_from=valid_from, **values)
            self.units[(row.code, valid_from)] = unit
            self.result.created += 1
        elif any(getattr(unit, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(unit, name, value)
            unit.save()
            self.result.updated += 1
        else:
            self.result.unchanged += 1
        return unit

    def link(self, unit: AdministrativeUnit, successors: set[int]) -> None:
        if self.links.get(unit.pk, set()) != successors:
            unit.successors.set(sorted(successors))


def _codes(data: ProvinceData) -> set[str]:
    codes = {data.current.code, *(row.code for row in data.current.children)}
    for province in data.legacy:
        codes.add(province.code)
        for district in province.children:
            codes.add(district.code)
            codes.update(commune.code for commune in district.children)
    return codes


@transaction.atomic
def load_province(province: str, folder: Path | None = None) -> LoadResult:
    """Create or update the province's units in both structures; safe to run again."""
    data = read_province(province, folder)
    result = LoadResult(province=data.current.name, counts=defaultdict(int))
    writer = _Writer(_codes(data), result)
    current_province = writer.save(
        data.current, None, None if data.unchanged else REFORM_FROM, None
    )
    new_units = {
        row.key: writer.save(row, current_province, REFORM_FROM, None)
        for row in data.current.children
    }
    result.counts["current_communes"] = len(new_units)

    def successors_of(key: str) -> set[int]:
        return {new_units[k].pk for k in data.successors.get(key, []) if k in new_units}

    for legacy_province in data.legacy:
        if data.unchanged:
            old_province = current_province
        else:
            old_province = writer.save(legacy_province, None, None, LEGACY_UNTIL)
            writer.link(old_province, {current_province.pk})
        for district_row in legacy_province.children:
            district = writer.save(district_row, old_province, None, LEGACY_UNTIL)
            result.counts["legacy_districts"] += 1
            # A district's successors are the new communes its old communes went into
            # (an island district without communes has its own entry in the mapping).
            went_into = successors_of(district_row.key)
            for commune_row in district_row.children:
                commune = writer.save(commune_row, district, None, LEGACY_UNTIL)
                result.counts["legacy_communes"] += 1
                targets = successors_of(commune_row.key)
                writer.link(commune, targets)
                went_into |= targets
            writer.link(district, went_into)
    result.counts = dict(result.counts)
    return result


DISTRICT_PREFIXES = {
    "huyen": "Huyện",
    "thanh pho": "Thành phố",
    "thi xa": "Thị xã",
    "quan": "Quận",
    "tp": "Thành phố",
}


def _split_prefix(name: str) -> tuple[str, str]:
    """("huyen", "sin ho") from "huyện Sìn Hồ"; ("", "sin ho") from "Sin Ho"."""
    folded = fold_words(name)
    for prefix in sorted(DISTRICT_PREFIXES, key=len, reverse=True):
        if folded.startswith(prefix + " "):
            return prefix, folded[len(prefix) + 1 :]
    return "", folded


def match_district_names(names: list[str], on: date | None = None) -> list[AdministrativeUnit]:
    """District-level units for names as an article writes them, in the order given.

    Accent- and case-insensitive: "huyện Sìn Hồ", "Sìn Hồ" and "Sin Ho" all match. With
    `on`, only units that existed that day. Names that match nothing are left out.
    """
    districts = AdministrativeUnit.objects.filter(level=UnitLevel.DISTRICT)
    if on is not None:
        districts = districts.valid_on(on)
    by_name: dict[str, list[AdministrativeUnit]] = defaultdict(list)
    for unit in districts.order_by("valid_from", "code"):
        for label in {unit.short_name, unit.name}:
            if label:
                by_name[_split_prefix(label)[1]].append(unit)
    found: list[AdministrativeUnit] = []
    for name in names:
        prefix, key = _split_prefix(name or "")
        candidates = by_name.get(key, [])
        if prefix:
            # "thành phố Lai Châu" and "huyện Lai Châu" are different places.
            typed = [
                u
                for u in candidates
                if fold_words(u.unit_type) == fold_words(DISTRICT_PREFIXES[prefix])
            ]
            candidates = typed or candidates
        for unit in candidates:
            if unit not in found:
                found.append(unit)
    return found
