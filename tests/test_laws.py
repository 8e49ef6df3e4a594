"""Tests for casefile_eval.laws."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise

import pytest

from casefile_eval.citations import canonical_law_title
from casefile_eval.laws import DEFAULT_LAW_VERSIONS, DEFAULT_REGISTRY, LawRegistry, LawVersion

ONE_DAY = timedelta(days=1)

# (law, first day in force of an edition, that edition, the edition in force the day before or
# None when nothing was in force then) — the boundaries of statutory-rules.md §0.1 and the
# substantive laws the samples use.
BOUNDARIES = [
    ("行政处罚法", date(1996, 10, 1), "1996", None),
    ("行政处罚法", date(2018, 1, 1), "2017修正", "2009修正"),
    ("行政处罚法", date(2021, 7, 15), "2021修订", "2017修正"),
    ("行政强制法", date(2012, 1, 1), "2011", None),
    ("行政许可法", date(2004, 7, 1), "2003", None),
    ("行政许可法", date(2019, 4, 23), "2019修正", "2003"),
    ("行政复议法", date(2018, 1, 1), "2017修正", "2009修正"),
    ("行政复议法", date(2024, 1, 1), "2023修订", "2017修正"),
    ("行政诉讼法", date(2017, 7, 1), "2017修正", "2014修正"),
    ("民事诉讼法", date(2024, 1, 1), "2023修正", "2021修正"),
    ("民法典", date(2021, 1, 1), "2020", None),
    ("市场监督管理行政处罚程序规定", date(2019, 4, 1), "2018", None),
    ("市场监督管理行政处罚程序规定", date(2021, 7, 15), "2021修正", "2018"),
    ("市场监督管理行政处罚信息公示规定", date(2021, 9, 1), "2021", None),
    ("住房和城乡建设行政处罚程序规定", date(2022, 5, 1), "2022", None),
    ("农业行政处罚程序规定", date(2022, 2, 1), "2021修订", None),
    ("生态环境行政处罚办法", date(2023, 7, 1), "2023", None),
    ("环境行政处罚办法", date(2010, 3, 1), "2010", None),
    ("食品安全法", date(2009, 6, 1), "2009", None),
    ("食品安全法", date(2015, 10, 1), "2015修订", "2009"),
    ("食品安全法", date(2021, 4, 29), "2021修正", "2018修正"),
    ("大气污染防治法", date(2016, 1, 1), "2015修订", "2000修订"),
    ("大气污染防治法", date(2018, 10, 26), "2018修正", "2015修订"),
    ("安全生产法", date(2021, 9, 1), "2021修正", "2014修正"),
    ("道路运输条例", date(2004, 7, 1), "2004", None),
    ("城市市容和环境卫生管理条例", date(1992, 8, 1), "1992", None),
    ("产品质量法", date(1993, 9, 1), "1993", None),
    ("广告法", date(2015, 9, 1), "2015修订", "1994"),
]


@pytest.mark.parametrize(("law", "day", "edition", "before"), BOUNDARIES)
def test_in_force_on_boundary_dates(law: str, day: date, edition: str, before: str | None) -> None:
    on_the_day = DEFAULT_REGISTRY.in_force(law, day)
    assert on_the_day is not None and on_the_day.edition == edition
    day_before = DEFAULT_REGISTRY.in_force(law, day - ONE_DAY)
    assert (day_before.edition if day_before else None) == before
    assert DEFAULT_REGISTRY.was_in_force(law, day) is True
    assert DEFAULT_REGISTRY.was_in_force(law, day - ONE_DAY) is (before is not None)


def test_repealed_environmental_rule() -> None:
    old = "环境行政处罚办法"
    assert DEFAULT_REGISTRY.was_in_force(old, date(2023, 6, 30)) is True
    assert DEFAULT_REGISTRY.was_in_force(old, date(2023, 7, 1)) is False
    assert DEFAULT_REGISTRY.repealed_on(old) == date(2023, 7, 1)
    assert DEFAULT_REGISTRY.repealed_on("生态环境行政处罚办法") is None
    assert DEFAULT_REGISTRY.repealed_on("行政处罚法") is None


def test_samr_rule_rename_is_recorded() -> None:
    old_name = "市场监督管理行政处罚程序暂行规定"
    assert DEFAULT_REGISTRY.resolve(old_name) == "市场监督管理行政处罚程序规定"
    before = DEFAULT_REGISTRY.in_force(old_name, date(2021, 7, 14))
    after = DEFAULT_REGISTRY.in_force("市场监督管理行政处罚程序规定", date(2021, 7, 15))
    assert before is not None and before.display_title == old_name
    assert after is not None and after.display_title == "市场监督管理行政处罚程序规定"
    assert before.in_force_until == date(2021, 7, 14)


def test_lookups_accept_any_spelling() -> None:
    for spelling in [
        "行政处罚法",
        "中华人民共和国行政处罚法",
        "《行政处罚法》",
        "行政处罚法（2021年修订）",
    ]:
        assert DEFAULT_REGISTRY.is_known(spelling)
        assert spelling in DEFAULT_REGISTRY
        version = DEFAULT_REGISTRY.in_force(spelling, date(2022, 1, 1))
        assert version is not None and version.law == "中华人民共和国行政处罚法"


def test_unknown_law() -> None:
    law = "某县户外广告设置管理办法"
    assert not DEFAULT_REGISTRY.is_known(law)
    assert DEFAULT_REGISTRY.was_in_force(law, date(2022, 1, 1)) is None
    assert DEFAULT_REGISTRY.in_force(law, date(2022, 1, 1)) is None
    assert DEFAULT_REGISTRY.versions(law) == ()
    assert DEFAULT_REGISTRY.repealed_on(law) is None
    assert DEFAULT_REGISTRY.resolve(law) is None


def test_versions_are_ordered_and_contiguous() -> None:
    for law in DEFAULT_REGISTRY.laws():
        versions = DEFAULT_REGISTRY.versions(law)
        assert versions, law
        for earlier, later in pairwise(versions):
            assert earlier.in_force_until == later.in_force_from - ONE_DAY, (law, earlier)
        assert all(v.law == law for v in versions)


def test_edition_lookup() -> None:
    v2017 = DEFAULT_REGISTRY.edition("行政处罚法", 2017)
    assert v2017 is not None and v2017.in_force_from == date(2018, 1, 1)
    assert DEFAULT_REGISTRY.edition("行政处罚法", 2005) is None
    assert DEFAULT_REGISTRY.edition("某县办法", 2017) is None


def test_default_data_covers_the_brief() -> None:
    required = [
        "行政处罚法", "行政强制法", "行政许可法", "行政复议法", "行政诉讼法", "民法典",
        "市场监督管理行政处罚程序规定", "市场监督管理行政处罚信息公示规定",
        "住房和城乡建设行政处罚程序规定", "农业行政处罚程序规定", "生态环境行政处罚办法",
        "环境行政处罚办法", "食品安全法", "大气污染防治法", "安全生产法", "道路运输条例",
        "城市市容和环境卫生管理条例", "产品质量法", "广告法",
    ]  # fmt: skip
    for law in required:
        assert DEFAULT_REGISTRY.is_known(law), law
    assert all(v.note for v in DEFAULT_LAW_VERSIONS)
    assert len(list(DEFAULT_REGISTRY)) == len(DEFAULT_LAW_VERSIONS)


def test_unverified_flag() -> None:
    unverified = DEFAULT_REGISTRY.in_force("行政诉讼法", date(2020, 1, 1))
    assert unverified is not None and unverified.unverified
    verified = DEFAULT_REGISTRY.in_force("行政处罚法", date(2022, 1, 1))
    assert verified is not None and not verified.unverified


# --- LawVersion ------------------------------------------------------------------------------


def test_law_version_fields() -> None:
    v = LawVersion("行政处罚法", "2021修订", date(2021, 7, 15))
    assert v.law == canonical_law_title("行政处罚法")
    assert v.edition_year == 2021
    assert v.in_force_until is None and v.note == "" and v.title == ""
    assert v.covers_date(date(2030, 1, 1)) and not v.covers_date(date(2021, 7, 14))
    assert LawVersion("x规定", "original", date(2020, 1, 1)).edition_year is None


def test_law_version_rejects_bad_dates() -> None:
    with pytest.raises(ValueError):
        LawVersion("行政处罚法", "x", date(2021, 1, 2), date(2021, 1, 1))
    with pytest.raises(ValueError):
        LawVersion("", "x", date(2021, 1, 1))


# --- building registries ---------------------------------------------------------------------

LOCAL = "浙江省食品小作坊小餐饮店小食杂店管理办法"


def test_default_registry_is_frozen() -> None:
    assert DEFAULT_REGISTRY.frozen
    with pytest.raises(TypeError, match="with_versions"):
        DEFAULT_REGISTRY.add(LawVersion(LOCAL, "2017", date(2017, 1, 1)))


def test_with_versions_returns_a_new_registry() -> None:
    extended = DEFAULT_REGISTRY.with_versions([LawVersion(LOCAL, "2017", date(2017, 1, 1), None)])
    assert extended is not DEFAULT_REGISTRY
    assert extended.is_known(LOCAL) and not DEFAULT_REGISTRY.is_known(LOCAL)
    assert extended.frozen
    assert len(extended) == len(DEFAULT_REGISTRY) + 1
    assert extended.in_force("行政处罚法", date(2022, 1, 1)) == DEFAULT_REGISTRY.in_force(
        "行政处罚法", date(2022, 1, 1)
    )


def test_identical_versions_merge_quietly() -> None:
    twice = DEFAULT_REGISTRY.with_versions(DEFAULT_LAW_VERSIONS[:3])
    assert len(list(twice)) == len(DEFAULT_LAW_VERSIONS)


def test_conflicting_versions_are_refused() -> None:
    clash = LawVersion("行政处罚法", "2021修订（另一说）", date(2021, 7, 15))
    with pytest.raises(ValueError, match="2021修订"):
        DEFAULT_REGISTRY.with_versions([clash])
    overlap = LawVersion("行政处罚法", "2020试行", date(2020, 1, 1), date(2021, 12, 31))
    with pytest.raises(ValueError, match="overlaps"):
        DEFAULT_REGISTRY.with_versions([overlap])


def test_replace_versions_of_a_law() -> None:
    corrected = LawVersion("行政诉讼法", "2017修正", date(2017, 7, 1), note="checked")
    registry = DEFAULT_REGISTRY.with_versions([corrected], replace=True)
    assert registry.versions("行政诉讼法") == (corrected,)
    assert registry.in_force("行政诉讼法", date(2016, 1, 1)) is None
    assert len(registry.versions("行政处罚法")) == len(DEFAULT_REGISTRY.versions("行政处罚法"))


def test_open_end_is_filled_by_the_next_version() -> None:
    registry = LawRegistry()
    registry.add(LawVersion(LOCAL, "2017", date(2017, 1, 1)))
    registry.add(LawVersion(LOCAL, "2024修订", date(2024, 3, 1)))
    first, second = registry.versions(LOCAL)
    assert first.in_force_until == date(2024, 2, 29)
    assert second.in_force_until is None
    assert registry.in_force(LOCAL, date(2024, 2, 29)) == first
    assert registry.in_force(LOCAL, date(2024, 3, 1)) == second
    assert not registry.frozen
    assert registry.freeze() is registry and registry.frozen


def test_gap_between_versions() -> None:
    registry = LawRegistry(
        [
            LawVersion(LOCAL, "2010", date(2010, 1, 1), date(2012, 12, 31)),
            LawVersion(LOCAL, "2015", date(2015, 1, 1)),
        ]
    )
    assert registry.was_in_force(LOCAL, date(2013, 6, 1)) is False
    assert registry.was_in_force(LOCAL, date(2015, 1, 1)) is True


def test_former_title_cannot_belong_to_two_laws() -> None:
    registry = LawRegistry([LawVersion("甲规定", "1", date(2020, 1, 1), title="旧规定")])
    with pytest.raises(ValueError, match="旧规定"):
        registry.add(LawVersion("乙规定", "1", date(2020, 1, 1), title="旧规定"))


def test_add_rejects_non_versions() -> None:
    with pytest.raises(TypeError):
        LawRegistry().add("行政处罚法")  # type: ignore[arg-type]


def test_edition_start_is_cached_and_follows_added_versions():
    from datetime import date as _date

    from casefile_eval.laws import DEFAULT_REGISTRY, LawRegistry, LawVersion

    assert DEFAULT_REGISTRY.edition_start("行政处罚法", 2021) == _date(2021, 7, 15)
    assert DEFAULT_REGISTRY.edition_start("行政处罚法", 1999) is None
    registry = LawRegistry()
    assert registry.edition_start("某省条例", 2020) is None
    registry.add(LawVersion("某省条例", "2020修订", _date(2020, 3, 1)))
    assert registry.edition_start("某省条例", 2020) == _date(2020, 3, 1)
