"""Tests of the `legal_basis` rubric plugin (法律适用): every rule broken and satisfied, and the
citation spellings a reviewer meets in real decisions run through the rules."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from casefile_eval.laws import DEFAULT_REGISTRY
from casefile_eval.loading import LoadFailure, load_dict
from casefile_eval.model import CaseFile
from casefile_eval.plugins import PluginSet, Rule
from casefile_eval.testing import DELETE, assert_outcome, base_dict, make_case, outcome, run_rule
from casefile_eval_rubrics import legal_basis
from casefile_eval_rubrics.legal_basis import (
    characterisation_and_law_correct,
    citations_regular,
    citations_specific,
    corrective_measures_not_penalties,
    criminal_case_transferred,
    fine_within_range,
    law_in_force,
    penalty_basis_cited,
    penalty_kinds_lawful,
    same_instrument,
    violated_provision_cited,
)

SAMPLE = Path(__file__).resolve().parents[2] / "sample_cases" / "pen-scjg-001-clean.json"

FULL_PENALTY = "《中华人民共和国食品安全法》第一百二十四条第一款第（五）项"
FULL_VIOLATED = "《中华人民共和国食品安全法》第三十四条第（十）项"


def penalty(*texts: str, **extra: Any) -> CaseFile:
    """The general base case with these penalty provisions (and other overrides)."""
    return make_case("penalty", {"decision.penalty_provisions": list(texts), **extra})


def violated(*texts: str, **extra: Any) -> CaseFile:
    return make_case("penalty", {"decision.violated_provisions": list(texts), **extra})


def acted_on(day: dt.date, decided: dt.date, **extra: Any) -> dict[str, Any]:
    return {
        "violation.start_date": day,
        "violation.end_date": day,
        "clue.found_date": day,
        "decision.date": decided,
        **extra,
    }


# --------------------------------------------------------------------------- plugin level


def test_plugin_declares_rules() -> None:
    rules = list(legal_basis.casefile_eval_rules())
    assert [r.id for r in rules] == [f"PEN-LAW-{n:03d}" for n in range(1, 12)]
    for r in rules:
        assert r.category == "legal_basis"
        assert r.dimension == "merits"
        assert r.applies_to.kinds == frozenset({"penalty"})
        assert r.legal_basis and all(c.article for c in r.citations), r.id
        assert r.recommendation and r.notes and r.example
    vetoes = {r.id for r in rules if r.veto}
    assert vetoes == {
        "PEN-LAW-001",
        "PEN-LAW-005",
        "PEN-LAW-006",
        "PEN-LAW-008",
        "PEN-LAW-010",
        "PEN-LAW-011",
    }
    assert [r.id for r in rules if r.manual] == ["PEN-LAW-010", "PEN-LAW-011"]


def test_rules_are_loaded_as_installed_plugin() -> None:
    assert PluginSet.load().rules["PEN-LAW-005"].plugin == "legal_basis"


@pytest.mark.parametrize("base", ["penalty", "penalty_simple"])
@pytest.mark.parametrize("rule", legal_basis.RULES, ids=lambda r: r.id)
def test_clean_base_cases_give_no_fail_or_error(base: str, rule: Rule) -> None:
    # Manual rules always ask a person; every other rule is silent on a clean file.
    allowed = ("needs_review", "skipped") if rule.manual else ("pass", "not_applicable", "skipped")
    assert outcome(run_rule(rule, make_case(base))) in allowed


@pytest.mark.parametrize("rule", legal_basis.RULES, ids=lambda r: r.id)
def test_clean_sample_gives_no_fail_or_error(rule: Rule) -> None:
    loaded = load_dict(json.loads(SAMPLE.read_text(encoding="utf-8")))
    assert not isinstance(loaded, LoadFailure)
    assert outcome(run_rule(rule, loaded.case)) not in ("fail", "error")


def test_laws_used_by_the_samples_are_in_the_registry() -> None:
    for law in ("食品安全法", "城市市容和环境卫生管理条例", "大气污染防治法", "安全生产法",
                "道路运输条例", "行政处罚法", "环境行政处罚办法"):  # fmt: skip
        assert DEFAULT_REGISTRY.is_known(law), law


# --------------------------------------------------------------------------- PEN-LAW-001


def test_penalty_basis_missing_is_a_veto_fail() -> None:
    findings = run_rule(penalty_basis_cited, penalty())
    assert_outcome(findings, "fail", contains="未载明处罚依据")
    assert penalty_basis_cited.veto


def test_penalty_basis_without_any_instrument_fails() -> None:
    findings = run_rule(penalty_basis_cited, penalty("依据有关法律规定"))
    assert_outcome(findings, "fail", contains="“依据有关法律规定”未写明具体的法律、法规、规章")


def test_penalty_basis_cited_passes_and_skips_other_outcomes() -> None:
    assert_outcome(run_rule(penalty_basis_cited, make_case("penalty")), "pass")
    no_penalty = make_case(
        "penalty",
        {
            "decision.outcome": "no_penalty",
            "decision.penalties": [],
            "decision.penalty_provisions": [],
        },
    )
    assert run_rule(penalty_basis_cited, no_penalty) == []


# --------------------------------------------------------------------------- PEN-LAW-002


def test_violated_provision_missing_fails_also_for_no_penalty() -> None:
    assert_outcome(run_rule(violated_provision_cited, violated()), "fail", contains="定性依据")
    no_penalty = make_case(
        "penalty",
        {
            "decision.outcome": "no_penalty",
            "decision.penalties": [],
            "decision.violated_provisions": [],
        },
    )
    assert_outcome(run_rule(violated_provision_cited, no_penalty), "fail")


def test_violated_provision_unrecognised_fails_and_cited_passes() -> None:
    assert_outcome(
        run_rule(violated_provision_cited, violated("违反了食品安全管理的相关规定")),
        "fail",
        contains="未写明具体的法律、法规、规章",
    )
    assert_outcome(run_rule(violated_provision_cited, make_case("penalty")), "pass")


# --------------------------------------------------------------------------- citation spellings
# (PEN-LAW-003 specificity, PEN-LAW-004 regularity), run through the rules.

SPELLINGS: list[tuple[str, dict[str, Any], str, str, str]] = [
    # name, overrides, PEN-LAW-003 outcome, PEN-LAW-004 outcome, text expected in a message
    ("full title", {"decision.penalty_provisions": [FULL_PENALTY]}, "pass", "pass", ""),
    (
        "short title",
        {"decision.penalty_provisions": ["《食品安全法》第一百二十四条第一款第（五）项"]},
        "pass",
        "fail",
        "使用简称“食品安全法”，应写全称《中华人民共和国食品安全法》",
    ),
    (
        "abbreviation",
        {"decision.violated_provisions": ["《食安法》第三十四条第（十）项"]},
        "pass",
        "fail",
        "使用简称“食安法”",
    ),
    (
        "arabic numerals",
        {"decision.penalty_provisions": ["《中华人民共和国食品安全法》第124条第1款第5项"]},
        "pass",
        "fail",
        "条款项序号使用阿拉伯数字",
    ),
    (
        "full-width arabic numerals",
        {"decision.violated_provisions": ["《中华人民共和国食品安全法》第３４条第（十）项"]},
        "pass",
        "fail",
        "阿拉伯数字",
    ),
    (
        "missing item",
        {"decision.penalty_provisions": ["《中华人民共和国食品安全法》第一百二十四条第一款"]},
        "fail",
        "pass",
        "该款分项，未引用到项",
    ),
    (
        "missing paragraph and item",
        {"decision.penalty_provisions": ["《中华人民共和国食品安全法》第一百二十四条"]},
        "fail",
        "pass",
        "该条分款，未引用到款，该款分项，未引用到项",
    ),
    (
        "title only",
        {"decision.penalty_provisions": ["《中华人民共和国食品安全法》"]},
        "fail",
        "pass",
        "未引用到条",
    ),
    (
        "同法 after a named law",
        {"decision.penalty_provisions": ["同法第一百二十四条第一款第（五）项"]},
        "pass",
        "pass",
        "",
    ),
    (
        "同法 inside the same entry",
        {
            "decision.violated_provisions": [
                "《中华人民共和国食品安全法》第三十四条第（十）项、同法第五十三条第一款"
            ]
        },
        "pass",
        "pass",
        "",
    ),
    (
        "本法 in a decision",
        {"decision.penalty_provisions": ["本法第一百二十四条第一款第（五）项"]},
        "pass",
        "fail",
        "使用“本法”指代",
    ),
    (
        "article with no title",
        {"decision.penalty_provisions": ["第一百二十四条第一款第（五）项"]},
        "fail",
        "pass",
        "未写明所引法律规范的名称",
    ),
    (
        "title without book-title marks",
        {"decision.penalty_provisions": ["中华人民共和国食品安全法第一百二十四条第一款第（五）项"]},
        "pass",
        "fail",
        "法律规范名称未加书名号",
    ),
    (
        "vague reference",
        {"decision.penalty_provisions": ["依照食品安全法律法规的有关规定"]},
        "fail",
        "pass",
        "未能识别为具体的法律规范条文",
    ),
    (
        "edition annotation is regular",
        {
            "decision.penalty_provisions": [
                "《中华人民共和国食品安全法》（2021年修正）第一百二十四条第一款第（五）项"
            ]
        },
        "pass",
        "pass",
        "",
    ),
    (
        "bracket variants of the item",
        {"decision.violated_provisions": ["《中华人民共和国食品安全法》第三十四条第(十)项"]},
        "pass",
        "pass",
        "",
    ),
    (
        "several citations in one entry",
        {
            "decision.violated_provisions": [
                "《中华人民共和国食品安全法》第三十四条第（十）项、第五十三条第一款"
            ]
        },
        "pass",
        "pass",
        "",
    ),
    (
        "Penalty Law first, sector law second",
        {
            "decision.penalty_provisions": [
                "《中华人民共和国行政处罚法》第二十八条第二款",
                "《中华人民共和国食品安全法》第一百二十四条第一款",
            ]
        },
        "fail",
        "pass",
        "处罚依据“《中华人民共和国食品安全法》第一百二十四条第一款”该款分项",
    ),
    (
        "simple procedure: item without paragraph",
        {"decision.penalty_provisions": ["《城市市容和环境卫生管理条例》第三十六条"]},
        "fail",
        "pass",
        "该款分项，未引用到项",
    ),
]


@pytest.mark.parametrize(
    ("name", "overrides", "specific", "regular", "text"), SPELLINGS, ids=[s[0] for s in SPELLINGS]
)
def test_citation_spellings(
    name: str, overrides: dict[str, Any], specific: str, regular: str, text: str
) -> None:
    base = "penalty_simple" if name.startswith("simple") else "penalty"
    case = make_case(base, overrides)
    found_specific = run_rule(citations_specific, case)
    found_regular = run_rule(citations_regular, case)
    assert outcome(found_specific) == specific, [f.message for f in found_specific]
    assert outcome(found_regular) == regular, [f.message for f in found_regular]
    if text:
        messages = [f.message for f in (*found_specific, *found_regular)]
        assert any(text in m for m in messages), messages


def test_citation_findings_are_one_per_decision_with_pointers() -> None:
    case = make_case(
        "penalty",
        {
            "decision.violated_provisions": ["《食品安全法》第34条第10项"],
            "decision.penalty_provisions": ["《食品安全法》第124条第1款第5项"],
        },
    )
    findings = run_rule(citations_regular, case)
    assert len(findings) == 1 and findings[0].count == 1
    assert findings[0].pointers == (
        "/decision/violated_provisions/0",
        "/decision/penalty_provisions/0",
    )
    assert len(findings[0].values["问题"]) == 2


def test_paragraph_and_item_not_required_when_file_says_none() -> None:
    case = penalty(
        "《中华人民共和国食品安全法》第一百二十四条",
        **{"decision.provision_has_paragraphs": False, "decision.provision_has_items": DELETE},
    )
    assert_outcome(run_rule(citations_specific, case), "pass")


# --------------------------------------------------------------------------- PEN-LAW-005


def test_repealed_environmental_rule_is_a_veto_fail() -> None:
    case = violated(
        "《环境行政处罚办法》第十条", **acted_on(dt.date(2024, 3, 1), dt.date(2024, 5, 10))
    )
    findings = run_rule(law_in_force, case)
    assert_outcome(findings, "fail", contains="《环境行政处罚办法》已于2023-07-01废止")
    assert findings[0].pointers == ("/decision/violated_provisions/0",)
    assert law_in_force.veto


def test_environmental_rule_in_force_for_2022_case_passes() -> None:
    case = violated(
        "《环境行政处罚办法》第十条", **acted_on(dt.date(2022, 3, 1), dt.date(2022, 5, 10))
    )
    assert_outcome(run_rule(law_in_force, case), "pass")


def test_repealed_since_the_act_needs_review() -> None:
    case = violated(
        "《环境行政处罚办法》第十条", **acted_on(dt.date(2023, 5, 1), dt.date(2023, 7, 20))
    )
    assert_outcome(run_rule(law_in_force, case), "needs_review", contains="决定日2023-07-20已失效")


def test_superseded_edition_cited_fails() -> None:
    case = penalty(
        "《中华人民共和国行政处罚法》（2017年修正）第二十三条",
        FULL_PENALTY,
    )
    assert_outcome(
        run_rule(law_in_force, case), "fail", contains="（2017修正，2018-01-01至2021-07-14）"
    )


def test_edition_in_force_at_the_act_passes() -> None:
    case = penalty("《中华人民共和国食品安全法》（2021年修正）第一百二十四条第一款第（五）项")
    assert_outcome(run_rule(law_in_force, case), "pass")


def test_newer_edition_for_an_older_act_needs_review() -> None:
    case = penalty(
        "《中华人民共和国食品安全法》（2021年修正）第一百二十四条第一款第（五）项",
        **acted_on(dt.date(2021, 3, 1), dt.date(2021, 6, 1)),
    )
    assert_outcome(run_rule(law_in_force, case), "needs_review", contains="行政处罚法第三十七条")


def test_law_amended_between_act_and_decision_needs_review() -> None:
    case = make_case("penalty", acted_on(dt.date(2021, 3, 1), dt.date(2021, 6, 1)))
    findings = run_rule(law_in_force, case)
    assert_outcome(findings, "needs_review", contains="行为时为2018修正版，决定时为2021修正版")


def test_continuing_violation_judged_by_its_end_date() -> None:
    case = make_case(
        "penalty",
        {
            "violation.start_date": dt.date(2021, 3, 1),
            "violation.end_date": dt.date(2021, 5, 1),
            "violation.continuing": True,
            "clue.found_date": dt.date(2021, 5, 1),
            "decision.date": dt.date(2021, 6, 1),
        },
    )
    assert_outcome(run_rule(law_in_force, case), "pass")


def test_law_not_yet_in_force_at_decision_fails() -> None:
    case = violated(
        "《生态环境行政处罚办法》第十条", **acted_on(dt.date(2023, 3, 1), dt.date(2023, 6, 1))
    )
    assert_outcome(run_rule(law_in_force, case), "fail", contains="当时尚未施行")


def test_former_title_after_renaming_fails() -> None:
    case = violated("《市场监督管理行政处罚程序暂行规定》第二十条")
    assert_outcome(
        run_rule(law_in_force, case), "fail", contains="现名《市场监督管理行政处罚程序规定》"
    )
    earlier = violated(
        "《市场监督管理行政处罚程序暂行规定》第二十条",
        **acted_on(dt.date(2020, 5, 1), dt.date(2020, 8, 1)),
    )
    assert_outcome(run_rule(law_in_force, earlier), "pass")


def test_unverified_registry_date_downgrades_to_review() -> None:
    # 食品安全法 2009: in-force date marked unverified in the registry.
    case = penalty(FULL_PENALTY, **acted_on(dt.date(2009, 3, 1), dt.date(2009, 5, 1)))
    assert_outcome(run_rule(law_in_force, case), "needs_review", contains="未经核实")


def test_unknown_instruments_are_not_judged() -> None:
    case = make_case(
        "penalty",
        {
            "decision.violated_provisions": ["《浙江省食品小作坊小餐饮店小食杂店管理办法》第十条"],
            "decision.penalty_provisions": ["《浙江省食品小作坊小餐饮店小食杂店管理办法》第三十条"],
        },
    )
    assert_outcome(run_rule(law_in_force, case), "not_applicable", contains="未收录于法律版本库")


def test_missing_decision_date_needs_review() -> None:
    case = make_case("penalty", {"decision.date": DELETE})
    assert_outcome(run_rule(law_in_force, case), "needs_review", contains="未记载决定日期")


def test_simple_base_urban_regulation_in_force() -> None:
    assert_outcome(run_rule(law_in_force, make_case("penalty_simple")), "pass")


# --------------------------------------------------------------------------- PEN-LAW-006 / 007


def test_other_penalty_under_local_rule_needs_review() -> None:
    case = make_case(
        "penalty",
        {
            "decision.penalties": [{"type": "other", "description": "取消评优资格"}],
            "decision.penalty_provisions": ["《杭州市餐饮服务管理办法》第二十条"],
        },
    )
    findings = run_rule(penalty_kinds_lawful, case)
    assert_outcome(findings, "needs_review", contains="“取消评优资格”，不属于行政处罚法第九条")
    assert findings[0].pointers == ("/decision/penalties/0",)


def test_other_penalty_under_a_law_passes() -> None:
    case = make_case(
        "penalty",
        {"decision.penalties": [{"type": "other", "description": "取消食品经营许可申请资格五年"}]},
    )
    assert_outcome(run_rule(penalty_kinds_lawful, case), "pass")
    assert_outcome(run_rule(penalty_kinds_lawful, make_case("penalty")), "pass")


def test_corrective_order_listed_as_penalty_fails() -> None:
    case = make_case(
        "penalty",
        {
            "decision.penalties": [
                {"type": "fine", "amount": 50000},
                {"type": "other", "description": "责令改正违法行为"},
            ]
        },
    )
    findings = run_rule(corrective_measures_not_penalties, case)
    assert_outcome(findings, "fail", contains="“责令改正违法行为”（责令改正）列为行政处罚种类")
    assert findings[0].count == 1
    # The corrective order is PEN-LAW-007's, not a dubious 'other' penalty for PEN-LAW-006.
    assert_outcome(run_rule(penalty_kinds_lawful, case), "pass")


def test_suspension_of_business_is_not_a_corrective_order() -> None:
    case = make_case(
        "penalty",
        {
            "decision.penalties": [
                {"type": "suspend_production", "description": "责令停产停业十五日"}
            ]
        },
    )
    assert_outcome(run_rule(corrective_measures_not_penalties, case), "pass")


# --------------------------------------------------------------------------- PEN-LAW-008


def test_fine_above_maximum_is_a_veto_fail() -> None:
    case = make_case("penalty", {"decision.penalties.2.amount": 120000})
    findings = run_rule(fine_within_range, case)
    assert_outcome(findings, "fail", contains="罚款120000元，高于处罚依据规定的上限100000元")
    assert findings[0].pointers[0] == "/decision/penalties/2/amount"


def test_fine_below_minimum_with_lighter_penalty_fails() -> None:
    case = make_case("penalty", {"decision.penalties.2.amount": 30000})
    assert_outcome(run_rule(fine_within_range, case), "fail", contains="从轻处罚应在法定幅度内")


def test_fine_below_minimum_with_reduced_penalty_passes() -> None:
    case = make_case(
        "penalty", {"decision.penalties.2.amount": 30000, "decision.discretion.level": "reduced"}
    )
    assert_outcome(run_rule(fine_within_range, case), "pass")


def test_fine_at_the_bounds_passes() -> None:
    for amount in (50000, 100000):
        case = make_case("penalty", {"decision.penalties.2.amount": amount})
        assert_outcome(run_rule(fine_within_range, case), "pass")


def test_fine_range_not_recorded_or_inconsistent() -> None:
    assert_outcome(run_rule(fine_within_range, make_case("penalty_simple")), "not_applicable")
    case = make_case("penalty", {"decision.penalty_range_min": 200000})
    assert_outcome(
        run_rule(fine_within_range, case), "needs_review", contains="下限200000元高于上限"
    )


def test_fine_rule_skips_decisions_without_a_fine() -> None:
    case = make_case(
        "penalty", {"decision.penalties": [{"type": "warning"}], "prior_notice.proposed": []}
    )
    assert run_rule(fine_within_range, case) == []


# --------------------------------------------------------------------------- PEN-LAW-009


def test_penalty_from_another_law_needs_review() -> None:
    case = penalty(
        "《中华人民共和国产品质量法》第五十条", **{"decision.provision_has_items": DELETE}
    )
    findings = run_rule(same_instrument, case)
    assert_outcome(findings, "needs_review", contains="处罚依据出自《中华人民共和国产品质量法》")
    assert same_instrument.veto is False


def test_penalty_law_next_to_sector_law_passes() -> None:
    case = penalty("《中华人民共和国行政处罚法》第二十八条第二款", FULL_PENALTY)
    assert_outcome(run_rule(same_instrument, case), "pass")


def test_same_instrument_not_applicable_without_basis() -> None:
    assert_outcome(run_rule(same_instrument, penalty()), "not_applicable")


# --------------------------------------------------------------------------- review fixes


def _other_penalty(*provisions: str) -> CaseFile:
    return make_case(
        "penalty",
        {
            "decision.penalties": [{"type": "other", "description": "取消经营资格"}],
            "decision.penalty_provisions": list(provisions),
        },
    )


@pytest.mark.parametrize(
    "title",
    [
        "《国务院关于加强食品等产品安全监督管理的特别规定》第三条",
        "《国务院对确需保留的行政审批项目设定行政许可的决定》第一条",
    ],
)
def test_other_penalty_under_a_state_council_title_needs_review(title: str) -> None:
    # A 国务院决定 is not an administrative regulation; some 国务院… titles are. A person decides.
    findings = run_rule(penalty_kinds_lawful, _other_penalty(title))
    assert_outcome(
        findings, "needs_review", contains="为国务院发布的文件，国务院决定等不属于行政法规"
    )


def test_other_penalty_under_a_state_council_regulation_passes() -> None:
    findings = run_rule(
        penalty_kinds_lawful, _other_penalty("《中华人民共和国道路运输条例》第六十三条")
    )
    assert_outcome(findings, "pass")


def test_fine_range_values_name_the_level_in_chinese() -> None:
    case = make_case("penalty", {"decision.penalties.2.amount": 40000})
    findings = run_rule(fine_within_range, case)
    assert_outcome(findings, "fail")
    assert findings[0].values["裁量阶次"] == "从轻处罚"


# --------------------------------------------------------------------------- PEN-LAW-010


def test_characterisation_rule_shows_facts_and_provisions() -> None:
    findings = run_rule(characterisation_and_law_correct, make_case("penalty"))
    assert_outcome(findings, "needs_review", contains="认定的违法行为：销售超过保质期的食品")
    f = findings[0]
    assert FULL_VIOLATED in f.message and FULL_PENALTY in f.message
    assert "机器核对未发现依据缺失或定性依据与处罚依据不对应" in f.message
    assert "定性错误或者适用法律、条款错误属一票否决" in f.message
    assert f.values["机器发现的问题"] == []
    assert f.values["主要事实"][0].startswith("当事人于2025年3月3日")


def test_characterisation_rule_lists_warning_signs() -> None:
    case = make_case(
        "penalty",
        {
            "decision.violated_provisions": ["《中华人民共和国产品质量法》第三十三条"],
            "decision.penalty_provisions": [FULL_PENALTY, "依照有关规定"],
        },
    )
    findings = run_rule(characterisation_and_law_correct, case)
    assert_outcome(findings, "needs_review", contains="机器发现：")
    signs = findings[0].values["机器发现的问题"]
    assert "定性依据与处罚依据不属同一法律规范" in signs
    assert "未能识别为具体条文的依据：依照有关规定" in signs


def test_characterisation_rule_notes_missing_violated_provision() -> None:
    findings = run_rule(characterisation_and_law_correct, violated())
    assert_outcome(findings, "needs_review", contains="定性依据未载明或未写明具体法律规范")


def test_characterisation_rule_covers_no_penalty_but_not_transfers() -> None:
    no_penalty = make_case("penalty", {"decision.outcome": "no_penalty", "decision.penalties": []})
    assert_outcome(run_rule(characterisation_and_law_correct, no_penalty), "needs_review")
    transferred = make_case(
        "penalty", {"decision.outcome": "transfer_judicial", "decision.penalties": []}
    )
    assert run_rule(characterisation_and_law_correct, transferred) == []


# --------------------------------------------------------------------------- PEN-LAW-011


def test_transfer_rule_shows_amounts_and_harm() -> None:
    findings = run_rule(criminal_case_transferred, make_case("penalty"))
    assert_outcome(findings, "needs_review", contains="违法所得：320元；货值金额：480元")
    f = findings[0]
    assert "案卷中未见涉嫌犯罪案件移送或审查的文书" in f.message
    assert "应当移送而未移送、以罚代刑属一票否决" in f.message
    assert f.values["涉及公民生命健康安全"] == "是"
    assert f.values["有危害后果"] == "否"


def test_transfer_rule_names_transfer_documents() -> None:
    doc = {"id": "D20", "type": "other", "title": "涉嫌犯罪案件移送书", "date": "2025-03-25"}
    docs = [*base_dict("penalty")["documents"], doc]
    findings = run_rule(criminal_case_transferred, make_case("penalty", {"documents": docs}))
    assert_outcome(findings, "needs_review", contains="案卷中有涉嫌犯罪案件移送书")
    assert findings[0].values["移送相关文书"] == ["涉嫌犯罪案件移送书"]


def test_transfer_rule_scope() -> None:
    assert run_rule(criminal_case_transferred, make_case("penalty_simple")) == []
    transferred = make_case(
        "penalty", {"decision.outcome": "transfer_judicial", "decision.penalties": []}
    )
    assert run_rule(criminal_case_transferred, transferred) == []


def test_transfer_rule_is_scored_under_legal_basis() -> None:
    assert criminal_case_transferred.category == "legal_basis"
    assert criminal_case_transferred.default_deduction == 12


def test_reviewer_confirming_a_manual_legal_defect_vetoes_the_file() -> None:
    from casefile_eval.judgements import Judgement, Judgements
    from casefile_eval.testing import evaluator

    case = make_case("penalty")
    for rule_id in ("PEN-LAW-010", "PEN-LAW-011"):
        sheet = Judgements(
            by_case={case.case_id: {rule_id: Judgement(case.case_id, rule_id, "fail")}}
        )
        result = evaluator(judgements=sheet).evaluate(case)
        assert [v.rule_id for v in result.score.vetoes] == [rule_id]


@pytest.mark.parametrize("path", sorted(SAMPLE.parent.glob("*clean*.json")), ids=lambda p: p.name)
def test_clean_sample_files_give_no_fail_or_error(path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    for r in legal_basis.RULES:
        assert outcome(run_rule(r, data)) not in ("fail", "error"), (path.name, r.id)
