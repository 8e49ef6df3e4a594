"""Manual judgements: the template, reading a filled sheet, merging and overriding."""

from __future__ import annotations

import csv
import datetime as dt
import json
import types

import pytest
from openpyxl import load_workbook

from casefile_eval.cli import main
from casefile_eval.engine import Evaluator
from casefile_eval.judgements import JudgementError, load_judgements
from casefile_eval.plugins import PluginSet, hookimpl, rule
from casefile_eval.testing import make_case


def _plugins():
    manual = rule(
        id="XX-JUDGE-001",
        title="事实清楚、证据确凿",
        category="facts_evidence",
        dimension="merits",
        basis=["《中华人民共和国行政处罚法》第四十条"],
        deduction=5,
        recommendation="补强证据。",
        manual=True,
    )(lambda case, ctx: ctx.needs_review("机器无法判断：请复核主要事实的证据"))
    machine = rule(
        id="XX-JUDGE-002",
        title="决定书加盖印章",
        category="documents",
        dimension="quality",
        basis=["《中华人民共和国行政处罚法》第五十九条"],
        deduction=2,
        recommendation="加盖印章。",
    )(lambda case, ctx: ctx.fail("决定书未加盖印章", "/decision/sealed"))
    mod = types.SimpleNamespace(casefile_eval_rules=hookimpl(lambda: [manual, machine]))
    return PluginSet.load(entry_points=False, objects={"j": mod})


def _sheet(tmp_path, rows):
    path = tmp_path / "sheet.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["案卷编号", "规则编号", "复评结论", "扣分", "复评意见", "复评人"])
        writer.writerows(rows)
    return path


def test_merge_and_override(tmp_path):
    evaluator = Evaluator(plugins=_plugins(), as_of=dt.date(2026, 1, 1))
    case = make_case()
    before = evaluator.evaluate(case)
    assert before.score.pending == ("XX-JUDGE-001",)
    assert before.score.total == 98
    sheet = _sheet(
        tmp_path,
        [
            [case.case_id, "XX-JUDGE-001", "不符合", "3", "主要事实仅有当事人陈述", "李审"],
            [case.case_id, "XX-JUDGE-002", "符合", "", "印章在第2页，机器未识别", "李审"],
        ],
    )
    evaluator.judgements = load_judgements(sheet, known_rules=evaluator.max_deductions())
    after = evaluator.evaluate(case)
    items = {i.rule_id: i for i in after.score.items}
    assert items["XX-JUDGE-001"].source == "manual" and items["XX-JUDGE-001"].deduction == 3
    assert items["XX-JUDGE-002"].outcome == "pass" and items["XX-JUDGE-002"].source == "manual"
    assert after.score.total == 97 and after.score.complete
    override = after.findings_for("XX-JUDGE-002")[0]
    assert override.comment == "印章在第2页，机器未识别" and override.reviewer == "李审"
    assert (
        override.original[0].outcome == "fail"
        and override.original[0].message == "决定书未加盖印章"
    )
    assert after.score.manual_deduction == 3 and after.score.machine_deduction == 0


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (["C1", "XX-NOPE-1", "符合", "", "", ""], "规则编号“XX-NOPE-1”不存在"),
        (["C1", "XX-JUDGE-001", "差不多", "", "", ""], "复评结论“差不多”无效"),
        (["C1", "XX-JUDGE-001", "不符合", "30", "", ""], "扣分 30 超出范围"),
        (["C1", "XX-JUDGE-001", "不符合", "abc", "", ""], "扣分“abc”不是数字"),
        (["C1", "XX-JUDGE-001", "符合", "2", "", ""], "扣分应为0或留空"),
        (["", "XX-JUDGE-001", "符合", "", "", ""], "缺少案卷编号"),
    ],
)
def test_invalid_rows_name_the_row(tmp_path, row, message):
    evaluator = Evaluator(plugins=_plugins())
    with pytest.raises(JudgementError) as info:
        load_judgements(_sheet(tmp_path, [row]), known_rules=evaluator.max_deductions())
    assert "第2行" in str(info.value) and message in str(info.value)


def test_unknown_case_ids_are_reported(tmp_path):
    evaluator = Evaluator(plugins=_plugins())
    judgements = load_judgements(
        _sheet(tmp_path, [["NOT-IN-BATCH", "XX-JUDGE-001", "符合", "", "", ""]]),
        known_rules=evaluator.max_deductions(),
    )
    assert [j.case_id for j in judgements.unknown_cases(["A", "B"])] == ["NOT-IN-BATCH"]


def test_json_judgements(tmp_path):
    path = tmp_path / "j.json"
    path.write_text(
        json.dumps([{"case_id": "C", "rule_id": "XX-JUDGE-001", "outcome": "pass"}]),
        encoding="utf-8",
    )
    assert load_judgements(path).for_case("C")["XX-JUDGE-001"].outcome == "pass"


def test_template_xlsx_lists_open_items(tmp_path):
    out = tmp_path / "sheet.xlsx"
    code = main(["judgements", "template", "sample_cases/pen-scjg-001-clean.json", "-o", str(out)])
    assert code == 0
    ws = load_workbook(out).active
    header = [c.value for c in ws[1]]
    assert header[:3] == ["案卷编号", "执法机关", "规则编号"] and "复评结论" in header
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert all(r[0] == "PEN-SCJG-2025-001" for r in rows)
    assert all(r[4] in ("待人工复核", "检查出错") for r in rows)
    assert (
        main(["judgements", "template", "sample_cases/pen-scjg-001-clean.json", "-o", str(out)])
        == 2
    )
