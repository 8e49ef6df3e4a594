"""Standards as data: shipped defaults are valid; invalid files name the TOML key."""

from __future__ import annotations

import pytest

from casefile_eval.plugins import PluginSet
from casefile_eval.standard import StandardError, load_standard, resolve

BASE = """
[standard]
id = "demo"
version = "1"
title = "演示标准"
kind = "penalty"

[[grades]]
name = "合格"
min = 60

[[grades]]
name = "不合格"
min = 0

[[categories]]
key = "procedure"
title = "程序"
points = 100
dimension = "quality"

[[items]]
select = "category:procedure"
"""


@pytest.fixture
def write(tmp_path):
    def write(text: str, name: str = "s.toml"):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write


@pytest.mark.parametrize("ref", ["default-penalty", "default-licensing"])
def test_shipped_standards_load_and_resolve(ref):
    std = load_standard(ref)
    assert sum(c.points for c in std.categories) == 100
    assert [g.name for g in std.grades] == ["优秀", "良好", "合格", "不合格"]
    resolved = resolve(std, PluginSet.load())
    assert resolved.items
    dims = {c.dimension for c in std.categories}
    assert dims == {"merits", "quality"}
    for item in resolved.items.values():
        assert item.rule.dimension == item.category.dimension, item.rule.id


def test_minimal_standard_loads(write):
    std = load_standard(write(BASE))
    assert std.id == "demo" and std.veto_mode == "zero"
    assert std.grades[-1].passing is False and std.grades[0].passing is True


def test_schema_error_names_toml_key(write):
    bad = BASE.replace("points = 100", 'points = "many"').replace(
        'kind = "penalty"', 'kind = "tax"'
    )
    with pytest.raises(StandardError) as info:
        load_standard(write(bad))
    text = str(info.value)
    assert "categories[0].points" in text and "standard.kind" in text
    assert "tax" in text


def test_unknown_key_named(write):
    with pytest.raises(StandardError, match=r"standard\.veto: 未知字段"):
        load_standard(write(BASE.replace('kind = "penalty"', 'kind = "penalty"\nveto = "zero"')))


def test_points_must_add_up(write):
    with pytest.raises(StandardError, match="合计 90"):
        load_standard(write(BASE.replace("points = 100", "points = 90")))


def test_not_toml(write):
    with pytest.raises(StandardError, match="不是有效的TOML"):
        load_standard(write("[standard\nid="))


def test_unknown_exact_rule_and_unknown_category(write):
    plugins = PluginSet.load()
    std = load_standard(
        write(BASE.replace('select = "category:procedure"', 'select = "PEN-NOPE-999"'))
    )
    with pytest.raises(StandardError, match=r"items\[0\]\.select.*PEN-NOPE-999"):
        resolve(std, plugins)
    with pytest.raises(StandardError, match=r"items\[1\]\.category"):
        load_standard(write(BASE + '\n[[items]]\nselect = "x"\ncategory = "nowhere"\n'))


def test_extends_overrides_and_appends(write):
    child = write(
        '[standard]\nextends = "default-penalty"\nid = "zj-2026"\nversion = "2026"\n'
        'title = "某省行政处罚案卷评查标准"\nveto_mode = "fail_label"\n'
    )
    std = load_standard(child)
    assert std.id == "zj-2026" and std.veto_mode == "fail_label"
    assert [c.key for c in std.categories] == [
        c.key for c in load_standard("default-penalty").categories
    ]


def test_missing_standard_lists_known():
    with pytest.raises(StandardError, match="default-penalty"):
        load_standard("no-such-standard")
