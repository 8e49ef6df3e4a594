"""Rule documentation built from the rules' own metadata: the ``rules`` listing, ``rules
show`` and the generated rule reference (docs/rules.md)."""

from __future__ import annotations

import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .engine import Evaluator
from .plugins import DIMENSION_ZH, Rule
from .standard import ResolvedItem


def placements(evaluator: Evaluator, rule_id: str) -> list[tuple[str, ResolvedItem]]:
    """Where a rule scores: (standard id, item) for every active standard that selects it."""
    return [
        (resolved.standard.id, resolved.items[rule_id])
        for resolved in evaluator.standards.values()
        if rule_id in resolved.items
    ]


def rule_row(evaluator: Evaluator, rule: Rule) -> dict[str, Any]:
    """One rule as a flat record (for tables and JSON)."""
    placed = placements(evaluator, rule.id)
    return {
        "id": rule.id,
        "title": rule.title,
        "category": rule.category,
        "category_title": placed[0][1].category.title if placed else rule.category,
        "dimension": rule.dimension,
        "deduction": placed[0][1].deduction if placed else rule.default_deduction,
        "max_deduction": placed[0][1].max_deduction if placed else None,
        "veto": placed[0][1].veto if placed else rule.veto,
        "manual": rule.manual,
        "legal_basis": list(rule.legal_basis),
        "applies_to": rule.applies_to.describe(),
        "standards": [sid for sid, _ in placed],
        "plugin": rule.plugin,
        "in_force_from": rule.in_force_from.isoformat() if rule.in_force_from else None,
        "in_force_until": rule.in_force_until.isoformat() if rule.in_force_until else None,
        "parameters": list(rule.parameters),
        "description": rule.description,
        "recommendation": rule.recommendation,
        "example": rule.example,
        "notes": rule.notes,
    }


def rule_markdown(row: Mapping[str, Any], parameters: Mapping[str, Any] | None = None) -> str:
    """One rule's full documentation in Markdown."""
    lines = [f"### {row['id']} {row['title']}", ""]
    lines.append(f"- 评查项目：{row['category_title']}（`{row['category']}`）")
    lines.append(f"- 维度：{DIMENSION_ZH.get(row['dimension'], row['dimension'])}")
    veto = "是（一票否决）" if row["veto"] else "否"
    lines.append(f"- 扣分：每处 {row['deduction']:g} 分；一票否决：{veto}")
    if row["manual"]:
        lines.append("- 需人工判断：是")
    lines.append(f"- 适用范围：{row['applies_to']}")
    lines.append("- 法律依据：" + "；".join(row["legal_basis"]))
    if row["in_force_from"] or row["in_force_until"]:
        span = f"{row['in_force_from'] or '…'} 至 {row['in_force_until'] or '今'}"
        lines.append(f"- 依据施行期间：{span}")
    if row["standards"]:
        lines.append("- 所属标准：" + "、".join(row["standards"]))
    lines.append(f"- 插件：`{row['plugin']}`")
    if row["parameters"]:
        shown = []
        for name in row["parameters"]:
            value = parameters.get(name) if parameters else None
            shown.append(f"`{name}` = {value!r}" if parameters else f"`{name}`")
        lines.append("- 参数：" + "，".join(shown))
    lines.append("")
    if row["description"]:
        lines += ["**检查内容**", "", row["description"], ""]
    if row["example"]:
        lines += ["**不符合示例**", "", row["example"], ""]
    lines += ["**整改建议**", "", row["recommendation"], ""]
    if row["notes"]:
        lines += ["**说明**", "", row["notes"], ""]
    return "\n".join(lines)


def reference_markdown(evaluator: Evaluator) -> str:
    """The whole rule reference (docs/rules.md), grouped by plugin."""
    rows = [rule_row(evaluator, r) for r in evaluator.rules.values()]
    params = {
        k: v for resolved in evaluator.standards.values() for k, v in resolved.parameters.items()
    }
    out = [
        "# 规则参考 · Rule reference",
        "",
        "Generated from the rules' own metadata (`python -m casefile_eval.ruledocs`; "
        "`casefile-eval rules --format md` prints the same for whatever plugins are installed). "
        "Do not edit by hand: a test fails when it is stale.",
        "",
        "| 编号 | 名称 | 评查项目 | 维度 | 扣分 | 否决 | 插件 |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for row in rows:
        out.append(
            f"| [{row['id']}](#{row['id'].lower()}) | {row['title']} | {row['category_title']} | "
            f"{DIMENSION_ZH[row['dimension']]} | {row['deduction']:g} | "
            f"{'是' if row['veto'] else ''} | {row['plugin']} |"
        )
    out.append("")
    plugin = None
    for row in rows:
        if row["plugin"] != plugin:
            plugin = row["plugin"]
            out += [f"## {plugin}", ""]
        out.append(rule_markdown(row, params))
    return "\n".join(out).rstrip() + "\n"


BUILTIN_PLUGINS = (
    "procedure",
    "subject",
    "evidence",
    "legal_basis",
    "discretion",
    "documents",
    "three_systems",
    "licensing",
)
REFERENCE_PATH = Path(__file__).resolve().parents[2] / "docs" / "rules.md"


def builtin_reference() -> str:
    """The rule reference of the built-in plugins only, whatever else is installed."""
    import datetime as dt
    import importlib

    from .plugins import PluginSet

    modules = {
        name: importlib.import_module(f"casefile_eval_rubrics.{name}") for name in BUILTIN_PLUGINS
    }
    plugins = PluginSet.load(entry_points=False, objects=modules)
    return reference_markdown(Evaluator(plugins=plugins, as_of=dt.date(2026, 1, 1)))


def main() -> int:
    REFERENCE_PATH.write_text(builtin_reference(), encoding="utf-8")
    print(f"wrote {REFERENCE_PATH}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
