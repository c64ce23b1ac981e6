"""Loading Lai Châu's administrative units, before and after the 1 July 2025 reform."""

from datetime import date
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from reports.administrative_units import AdminUnitDataError, data_dir, match_district_names
from reports.enums import UnitLevel
from reports.models import AdministrativeUnit

try:
    data_dir()
except AdminUnitDataError:  # pragma: no cover - depends on the machine
    pytest.skip("gói vietnamadminunits chưa được cài", allow_module_level=True)

LAI_CHAU_DISTRICTS = {
    "Thành phố Lai Châu",
    "Huyện Tam Đường",
    "Huyện Mường Tè",
    "Huyện Sìn Hồ",
    "Huyện Phong Thổ",
    "Huyện Than Uyên",
    "Huyện Tân Uyên",
    "Huyện Nậm Nhùn",
}
BEFORE, AFTER = date(2020, 10, 26), date(2025, 10, 1)


def load(province: str | None = None) -> str:
    out = StringIO()
    args = ["--province", province] if province else []
    call_command("load_admin_units", *args, stdout=out)
    return out.getvalue()


@pytest.fixture(scope="module")
def loaded_once(django_db_setup, django_db_blocker):
    """Load once for the module (a first load writes ~150 indexed rows); tests roll back
    their own changes, and the rows go when the module is done."""
    with django_db_blocker.unblock():
        output = load()
    yield output
    with django_db_blocker.unblock():
        AdministrativeUnit.objects.all().delete()


@pytest.fixture
def lai_chau(loaded_once, db):
    return loaded_once


def units(**filters):
    return AdministrativeUnit.objects.filter(**filters)


def test_the_command_prints_what_it_loaded(lai_chau):
    assert "Tỉnh Lai Châu" in lai_chau
    assert "8 đơn vị cấp huyện" in lai_chau
    assert "106 đơn vị cấp xã" in lai_chau
    assert "38 xã, phường" in lai_chau


def test_before_the_reform_the_province_has_eight_districts_and_their_communes(lai_chau):
    province = units(level=UnitLevel.PROVINCE).valid_on(BEFORE).get()
    assert province.name == "Tỉnh Lai Châu"
    districts = units(level=UnitLevel.DISTRICT).valid_on(BEFORE)
    assert {d.name for d in districts} == LAI_CHAU_DISTRICTS
    assert all(d.parent_id == province.pk for d in districts)
    communes = units(level=UnitLevel.COMMUNE).valid_on(BEFORE)
    assert communes.count() == 106
    assert all(c.parent.level == UnitLevel.DISTRICT for c in communes.select_related("parent"))
    assert {c.unit_type for c in communes} == {"Xã", "Phường", "Thị trấn"}
    sin_ho = districts.get(short_name="Sìn Hồ")
    assert sin_ho.children.filter(name="Thị trấn Sìn Hồ").exists()


def test_after_the_reform_communes_hang_directly_from_the_province(lai_chau):
    assert not units(level=UnitLevel.DISTRICT).valid_on(AFTER).exists()
    province = units(level=UnitLevel.PROVINCE).valid_on(AFTER).get()
    communes = units(level=UnitLevel.COMMUNE).valid_on(AFTER)
    assert communes.count() == 38
    assert set(communes.values_list("parent_id", flat=True)) == {province.pk}
    assert communes.filter(name="Phường Đoàn Kết").exists()


def test_validity_dates_split_the_two_structures_on_1_july_2025(lai_chau):
    old = units(level__in=[UnitLevel.DISTRICT, UnitLevel.COMMUNE], valid_until__isnull=False)
    assert set(old.values_list("valid_until", flat=True)) == {date(2025, 6, 30)}
    assert old.count() == 8 + 106
    new = units(valid_from=date(2025, 7, 1))
    assert new.count() == 38 and not new.filter(valid_until__isnull=False).exists()
    # Lai Châu itself was not merged: one province record covers both periods.
    province = units(level=UnitLevel.PROVINCE).get()
    assert (province.valid_from, province.valid_until) == (None, None)
    assert units(level=UnitLevel.COMMUNE).valid_on(date(2025, 6, 30)).count() == 106
    assert units(level=UnitLevel.COMMUNE).valid_on(date(2025, 7, 1)).count() == 38


def test_an_old_commune_points_at_the_new_commune_it_went_into(lai_chau):
    # Nậm Tăm (Sìn Hồ) and the old Sìn Hồ town both became parts of today's communes.
    old_town = units(name="Thị trấn Sìn Hồ", valid_until=date(2025, 6, 30)).get()
    assert [u.name for u in old_town.successors.all()] == ["Xã Sìn Hồ"]
    old_ward = units(name="Phường Quyết Thắng", valid_until=date(2025, 6, 30)).get()
    assert [u.name for u in old_ward.successors.all()] == ["Phường Đoàn Kết"]
    new_ward = units(name="Phường Đoàn Kết", valid_from=date(2025, 7, 1)).get()
    assert "Xã Lản Nhì Thàng" in {u.name for u in new_ward.predecessors.all()}
    every_old_commune = units(level=UnitLevel.COMMUNE, valid_until=date(2025, 6, 30))
    assert not every_old_commune.filter(successors=None).exists()


def test_a_district_is_succeeded_by_the_new_communes_its_communes_went_into(lai_chau):
    sin_ho = units(level=UnitLevel.DISTRICT, short_name="Sìn Hồ").get()
    expected = set(units(predecessors__parent=sin_ho).distinct().values_list("name", flat=True))
    assert {u.name for u in sin_ho.successors.all()} == expected
    assert {"Xã Sìn Hồ", "Xã Pa Tần", "Xã Hồng Thu"} <= expected
    assert all(u.valid_from == date(2025, 7, 1) for u in sin_ho.successors.all())


def test_loading_again_changes_nothing(lai_chau):
    before = sorted(AdministrativeUnit.objects.values_list("pk", "code", "name", "parent_id"))
    links = AdministrativeUnit.successors.through.objects.count()
    again = load("lai chau")
    assert "Tạo mới 0, cập nhật 0, giữ nguyên 153" in again
    assert (
        sorted(AdministrativeUnit.objects.values_list("pk", "code", "name", "parent_id")) == before
    )
    assert AdministrativeUnit.successors.through.objects.count() == links


def test_an_edited_name_is_restored_on_reload(lai_chau):
    units(name="Huyện Sìn Hồ").update(name="Huyện Sin Ho (sửa nhầm)")
    assert "cập nhật 1," in load()
    assert units(name="Huyện Sìn Hồ").count() == 1


def test_an_unknown_province_is_a_clear_error(lai_chau):
    count = AdministrativeUnit.objects.count()
    with pytest.raises(CommandError, match="Không tìm thấy tỉnh, thành phố “Atlantis”"):
        load("Atlantis")
    assert AdministrativeUnit.objects.count() == count


def test_the_province_comes_from_settings(lai_chau, settings):
    settings.REPORTS_PROVINCE = "Tỉnh Lai Châu"
    assert "38 xã, phường" in load()


def test_another_province_loads_beside_it(lai_chau):
    assert "Tỉnh Sơn La" in load("son la")
    assert match_district_names(["Sìn Hồ", "Mộc Châu"], on=BEFORE)[1].name == "Thị xã Mộc Châu"


@pytest.mark.parametrize("name", ["huyện Sìn Hồ", "Sìn Hồ", "Sin Ho", "SÌN HỒ", "huyen sin ho"])
def test_district_names_match_whatever_the_accents_and_case(lai_chau, name):
    assert [u.name for u in match_district_names([name])] == ["Huyện Sìn Hồ"]


def test_district_names_keep_the_order_given_and_skip_unknown_names(lai_chau):
    found = match_district_names(["Tam Đường", "Hà Nội", "Sìn Hồ", "Phong Thổ", "Sìn Hồ"])
    assert [u.short_name for u in found] == ["Tam Đường", "Sìn Hồ", "Phong Thổ"]


def test_the_city_is_told_apart_from_the_province_by_level(lai_chau):
    assert [u.name for u in match_district_names(["thành phố Lai Châu"])] == ["Thành phố Lai Châu"]


def test_no_district_matches_a_date_after_the_reform(lai_chau):
    assert match_district_names(["Sìn Hồ"], on=BEFORE)
    assert match_district_names(["Sìn Hồ"], on=AFTER) == []


def test_a_merged_province_ends_on_30_june_2025_and_points_at_the_new_one(lai_chau):
    assert "Tỉnh Tuyên Quang" in load("Hà Giang")
    ha_giang = units(name="Tỉnh Hà Giang").get()
    assert ha_giang.valid_until == date(2025, 6, 30)
    assert [u.name for u in ha_giang.successors.all()] == ["Tỉnh Tuyên Quang"]
    assert ha_giang.successors.get().valid_from == date(2025, 7, 1)
    assert match_district_names(["Đồng Văn"], on=BEFORE)[0].parent == ha_giang
