"""Tests for the ``procedure`` rubric plugin (PEN-PROC-001 … PEN-PROC-038).

Every rule has at least one case that breaks it and one that satisfies it, built from the clean
base cases with ``make_case``. Period edge cases use the 2025 calendar: Spring Festival (off
28 Jan – 4 Feb, make-up workdays Sun 26 Jan and Sat 8 Feb), National Day (off 1–8 Oct, make-up
Sat 11 Oct) and New Year 2025 (1 Jan). Expected dates were worked out by hand (statutory-rules
PA-04).
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from casefile_eval.loading import load_dict
from casefile_eval.model import CaseFile
from casefile_eval.plugins import Finding, PluginSet
from casefile_eval.testing import DELETE, assert_outcome, make_case, outcome, run_rule
from casefile_eval_rubrics import procedure

RULES = {r.id: r for r in procedure.RULES}
SAMPLES = Path(__file__).resolve().parents[2] / "sample_cases"


def run(rule_id: str, case: CaseFile, **params: Any) -> list[Finding]:
    parameters = {k.replace("__", "."): v for k, v in params.items()}
    return run_rule(RULES[rule_id], case, parameters=parameters)


def check(rule_id: str, case: CaseFile, expected: str, contains: str = "", **params: Any) -> None:
    assert_outcome(run(rule_id, case, **params), expected, contains=contains)


def pen(**overrides: Any) -> CaseFile:
    return make_case("penalty", {k.replace("__", "."): v for k, v in overrides.items()})


def simple(**overrides: Any) -> CaseFile:
    return make_case("penalty_simple", {k.replace("__", "."): v for k, v in overrides.items()})


def pen_with(overrides: dict[str, Any]) -> CaseFile:
    return make_case("penalty", overrides)


# ---------------------------------------------------------------------------------------------
# Plugin metadata, parameters, clean cases
# ---------------------------------------------------------------------------------------------


def test_rule_ids_are_sequential_and_in_the_procedure_category() -> None:
    ids = [r.id for r in procedure.RULES]
    assert ids == [f"PEN-PROC-{i:03d}" for i in range(1, len(ids) + 1)]
    assert ids[-1] == "PEN-PROC-038"
    for r in procedure.RULES:
        if r.id == "PEN-PROC-026":
            # §3.1: penalty after the limitation period breaks 案件是否成立 (merits).
            assert (r.category, r.dimension) == ("legal_basis", "merits")
        else:
            assert r.category == "procedure"
            assert r.dimension == "quality"
        assert r.applies_to.kinds == frozenset({"penalty"})
        assert r.legal_basis and all(b.startswith("《") for b in r.legal_basis)
        assert r.recommendation and r.example and r.notes and r.description
        assert r.default_deduction > 0


def test_citations_use_the_bracketed_item_format() -> None:
    texts = [b for r in procedure.RULES for b in r.legal_basis]
    texts += [r.notes for r in procedure.RULES]
    texts += [p.basis for p in procedure.PARAMETERS]
    for text in texts:
        assert not re.search(r"第[一二三四五六七八九十]+项", text), text


def test_vetoes_are_exactly_the_default_vetoes() -> None:
    vetoes = {r.id for r in procedure.RULES if r.veto}
    # §3.1: procedure inverted; no prior notice; hearing right not given; requested hearing not
    # held (and its inversion: decision before the hearing); limitation period.
    assert vetoes == {
        "PEN-PROC-001",
        "PEN-PROC-006",
        "PEN-PROC-011",
        "PEN-PROC-012",
        "PEN-PROC-015",
        "PEN-PROC-026",
    }


def test_parameters_declared_with_valid_defaults() -> None:
    params = {p.name: p for p in procedure.PARAMETERS}
    assert len(params) == len(procedure.PARAMETERS)
    for p in params.values():
        jsonschema.validate(p.default, p.schema)
        assert p.description and p.basis
    for r in procedure.RULES:
        for name in r.parameters:
            assert name in params, (r.id, name)
    assert params["hearing.fine_min_individual"].default == 10000
    assert params["hearing.fine_min_organisation"].default == 100000
    assert params["hearing.threshold_inclusive"].default is True
    assert params["penalty.decision_limit_days"].default == 90
    # The Penalty Law only says 及时: no number outside the sectors whose rules set one.
    filing = params["filing.period_working_days"].default
    assert filing["default"] == 0
    assert (filing["market_regulation"], filing["housing_construction"]) == (15, 15)
    assert filing["agriculture"] == 7
    assert "ecology_environment" not in filing
    assert params["filing.extension_working_days"].default["default"] == 0
    triggers = params["collective_discussion.triggers"].default
    assert triggers["legal_review_sectors"] == ["market_regulation"]
    assert triggers["review_disagreement"] is False


def test_sector_parameter_schema_rejects_unknown_sector() -> None:
    schema = procedure.PARAMETERS[0].schema
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"default": 15, "atlantis": 3}, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"transport": 3}, schema)


def test_plugin_loads_through_entry_point() -> None:
    plugins = PluginSet.load()
    for rule_id in RULES:
        assert plugins.rules[rule_id].plugin == "procedure"
    assert plugins.parameters["hearing.fine_min_individual"].plugin == "procedure"


@pytest.mark.parametrize("base", ["penalty", "penalty_simple"])
def test_clean_base_cases_have_no_fail_or_error(base: str) -> None:
    case = make_case(base)
    for r in procedure.RULES:
        got = outcome(run_rule(r, case))
        assert got in ("pass", "not_applicable", "skipped"), (r.id, run_rule(r, case))


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("pen-*clean*.json")), ids=lambda p: p.name)
def test_clean_sample_cases_have_no_fail_or_error(path: Path) -> None:
    case = load_dict(json.loads(path.read_text(encoding="utf-8"))).case
    for r in procedure.RULES:
        assert outcome(run_rule(r, case)) in ("pass", "not_applicable", "skipped"), r.id


def test_licensing_cases_are_out_of_scope() -> None:
    case = make_case("licensing")
    for r in procedure.RULES:
        assert run_rule(r, case) == []


# ---------------------------------------------------------------------------------------------
# PEN-PROC-001 程序倒置
# ---------------------------------------------------------------------------------------------


def test_001_decision_before_notice_is_inverted() -> None:
    case = pen(decision__date=date(2025, 3, 20))
    check("PEN-PROC-001", case, "fail", "先作出决定后告知")
    assert RULES["PEN-PROC-001"].veto


def test_001_decision_before_filing() -> None:
    check("PEN-PROC-001", pen(filing__date=date(2025, 4, 5)), "fail", "先作出决定后立案")


def test_001_late_evidence_is_left_to_the_evidence_plugin() -> None:
    # PEN-EVID-005 scores a single item collected after the decision; no double deduction.
    check("PEN-PROC-001", pen(evidence__4__collected_date=date(2025, 4, 5)), "pass")


def test_001_investigation_report_after_decision() -> None:
    check("PEN-PROC-001", pen(documents__4__date=date(2025, 4, 6)), "fail", "调查终结")


def test_001_record_after_decision_needs_review() -> None:
    # A post-decision inspection may be a lawful 复查 of the correction.
    case = pen(documents__2__date=date(2025, 4, 5))
    check("PEN-PROC-001", case, "needs_review", "复查")


def test_001_titled_follow_up_record_is_not_flagged() -> None:
    case = pen(documents__2__date=date(2025, 4, 5), documents__2__title="现场检查笔录（复查）")
    check("PEN-PROC-001", case, "pass")


def test_001_clean_and_same_day_simple_pass() -> None:
    check("PEN-PROC-001", pen(), "pass")
    check("PEN-PROC-001", simple(), "pass")


def test_001_no_penalty_decision_needs_no_notice_order() -> None:
    case = pen(decision__date=date(2025, 3, 20), decision__outcome="no_penalty")
    check("PEN-PROC-001", case, "pass")


# ---------------------------------------------------------------------------------------------
# PEN-PROC-002 / 003 日期顺序
# ---------------------------------------------------------------------------------------------


def test_002_closing_before_payment() -> None:
    case = pen(closing__date=date(2025, 4, 5))
    findings = run("PEN-PROC-002", case)
    assert_outcome(findings, "fail", contains="结案日2025-04-05早于缴款日2025-04-10")
    assert sum(f.outcome == "fail" for f in findings) >= 2  # payment and completion


def test_002_filing_before_clue() -> None:
    case = pen(clue__found_date=date(2025, 3, 6))
    check("PEN-PROC-002", case, "fail", "立案日2025-03-05早于发现线索日2025-03-06")


def test_002_payment_before_decision() -> None:
    case = pen(execution__payments__0__date=date(2025, 4, 1))
    check("PEN-PROC-002", case, "fail", "缴款日2025-04-01早于决定日2025-04-02")


def test_002_notice_before_investigation_report() -> None:
    case = pen(documents__4__date=date(2025, 3, 25))
    check("PEN-PROC-002", case, "fail", "告知书日期2025-03-24早于调查终结报告日期2025-03-25")


def test_002_clean_passes() -> None:
    check("PEN-PROC-002", pen(), "pass")
    check("PEN-PROC-002", simple(), "pass")


def test_003_record_before_clue_date() -> None:
    case = pen(documents__1__date=date(2025, 3, 1))
    check("PEN-PROC-003", case, "fail", "早于发现线索日")


def test_003_earlier_act_on_the_same_matter_needs_review() -> None:
    # Violation began 1 Mar; an inspection that day preceded the clue (3 Mar).
    case = pen(violation__start_date=date(2025, 3, 1), documents__1__date=date(2025, 3, 1))
    check("PEN-PROC-003", case, "needs_review", "此前的检查或责令改正")


def test_003_clue_verification_record_may_precede_filing() -> None:
    check("PEN-PROC-003", pen(documents__1__date=date(2025, 3, 4)), "pass")


def test_003_document_after_closing() -> None:
    case = pen(documents__11__date=date(2025, 4, 20))
    findings = run("PEN-PROC-003", case)
    assert_outcome(findings, "fail", contains="晚于结案日")
    assert findings[0].count == 1


def test_003_sampling_and_test_report_may_precede_the_clue() -> None:
    docs = [
        *[{"id": d.id, "type": d.type, "date": d.date} for d in make_case("penalty").documents],
        {"id": "D18", "type": "sampling_record", "date": date(2025, 2, 20)},
        {"id": "D19", "type": "test_report", "date": date(2025, 3, 1)},
    ]
    check("PEN-PROC-003", pen(documents=docs), "pass")


def test_003_party_papers_issued_earlier_are_exempt() -> None:
    check("PEN-PROC-003", pen(documents__3__date=date(2010, 5, 1)), "pass")


# ---------------------------------------------------------------------------------------------
# PEN-PROC-004 / 005 立案
# ---------------------------------------------------------------------------------------------


def test_004_no_approval() -> None:
    check("PEN-PROC-004", pen(filing__approval=DELETE), "fail", "未见机关负责人立案审批")


def test_004_approval_without_date() -> None:
    check("PEN-PROC-004", pen(filing__approval__date=DELETE), "fail", "缺少审批日期")


def test_004_approval_after_filing_date() -> None:
    case = pen(filing__approval__date=date(2025, 3, 7))
    check("PEN-PROC-004", case, "fail", "立案未经事先审批")


def test_004_no_filing_at_all() -> None:
    check("PEN-PROC-004", pen(filing=DELETE), "fail", "未见立案记录")


def test_004_approver_not_a_head_needs_review() -> None:
    check("PEN-PROC-004", pen(filing__approval__approver="O1"), "needs_review", "陈晓东")


def test_004_clean_passes() -> None:
    check("PEN-PROC-004", pen(), "pass")


def test_005_filing_period_across_spring_festival() -> None:
    # Found Fri 24 Jan 2025; 15 WD counting Sun 26 Jan and Sat 8 Feb → Thu 20 Feb.
    on_time = pen(clue__found_date=date(2025, 1, 24), filing__date=date(2025, 2, 20))
    check("PEN-PROC-005", on_time, "pass")
    late = pen(clue__found_date=date(2025, 1, 24), filing__date=date(2025, 2, 21))
    check("PEN-PROC-005", late, "fail", "截止2025-02-20；立案日2025-02-21，逾期1日")


def test_005_approved_extension_counts() -> None:
    case = pen(
        clue__found_date=date(2025, 1, 24),
        clue__verification_extension={"approver": "O3", "date": date(2025, 2, 18)},
        filing__date=date(2025, 2, 21),
    )
    check("PEN-PROC-005", case, "pass")


def test_005_sector_values() -> None:
    # 农业: 7 WD — found Mon 3 Mar 2025, deadline Wed 12 Mar.
    late = pen(sector="agriculture", filing__date=date(2025, 3, 13))
    check("PEN-PROC-005", late, "fail", "核查期限7个工作日")
    # 交通运输: "及时" without a number is not checked by days.
    check("PEN-PROC-005", pen(sector="transport", filing__date=date(2025, 6, 1)), "not_applicable")


def test_005_parameter_override() -> None:
    case = pen(filing__date=date(2025, 3, 13))
    check("PEN-PROC-005", case, "pass")
    check("PEN-PROC-005", case, "fail", filing__period_working_days={"default": 3})


# ---------------------------------------------------------------------------------------------
# PEN-PROC-006 / 007 告知
# ---------------------------------------------------------------------------------------------


def test_006_missing_notice_is_a_veto_fail() -> None:
    check("PEN-PROC-006", pen(prior_notice=DELETE), "fail", "未见行政处罚告知书")
    assert RULES["PEN-PROC-006"].veto


def test_006_simple_procedure_oral_notice_needs_review() -> None:
    check("PEN-PROC-006", simple(prior_notice=DELETE), "needs_review", "简易程序")


def test_006_notice_without_service_needs_review() -> None:
    case = pen(prior_notice__served_date=DELETE, services=[make_case("penalty").services[1]])
    check("PEN-PROC-006", case, "needs_review", "送达")


def test_006_clean_passes() -> None:
    check("PEN-PROC-006", pen(), "pass")
    check("PEN-PROC-006", simple(), "pass")


def test_007_missing_proposed_penalty() -> None:
    check("PEN-PROC-007", pen(prior_notice__proposed=[]), "fail", "拟作出的行政处罚内容")


def test_007_missing_basis_and_defence_right() -> None:
    case = pen(prior_notice__states_basis=False, prior_notice__rights=["statement"])
    check("PEN-PROC-007", case, "fail", "依据、申辩权")


def test_007_pre_2021_notice_need_not_state_the_penalty() -> None:
    case = pen(prior_notice__proposed=[], prior_notice__date=date(2021, 3, 1))
    check("PEN-PROC-007", case, "pass")


def test_007_unrecorded_flag_needs_review() -> None:
    check("PEN-PROC-007", pen(prior_notice__states_reasons=DELETE), "needs_review", "理由")


def test_007_clean_passes() -> None:
    check("PEN-PROC-007", pen(), "pass")


# ---------------------------------------------------------------------------------------------
# PEN-PROC-008 陈述申辩期限
# ---------------------------------------------------------------------------------------------


def _decided(day: date, **more: Any) -> CaseFile:
    return pen(decision__date=day, decision__approval__date=day, **more)


def test_008_base_case_window_ends_31_march() -> None:
    # Notice served Mon 24 Mar 2025 → 5 WD end Mon 31 Mar; decision 2 Apr passes.
    check("PEN-PROC-008", pen(), "pass")
    check("PEN-PROC-008", _decided(date(2025, 3, 31)), "fail", "截止2025-03-31")
    check("PEN-PROC-008", _decided(date(2025, 4, 1)), "pass")


def test_008_approval_date_counts_as_the_decision() -> None:
    case = pen(decision__approval__date=date(2025, 3, 28))
    check("PEN-PROC-008", case, "fail", "决定审批日2025-03-28，期限届满前作出决定")


def test_008_spring_festival() -> None:
    # Served Fri 24 Jan 2025: Sun 26 Jan (1), Mon 27 (2), Wed 5 Feb (3), Thu 6 (4), Fri 7 (5).
    served = {
        "prior_notice__date": date(2025, 1, 24),
        "prior_notice__served_date": date(2025, 1, 24),
    }
    check("PEN-PROC-008", _decided(date(2025, 2, 7), **served), "fail", "截止2025-02-07")
    check("PEN-PROC-008", _decided(date(2025, 2, 8), **served), "pass")


def test_008_deadline_on_make_up_saturday() -> None:
    # Served on the make-up Sunday 26 Jan 2025 → the 5th WD is the make-up Saturday 8 Feb.
    served = {
        "prior_notice__date": date(2025, 1, 26),
        "prior_notice__served_date": date(2025, 1, 26),
    }
    check("PEN-PROC-008", _decided(date(2025, 2, 8), **served), "fail", "截止2025-02-08")
    check("PEN-PROC-008", _decided(date(2025, 2, 10), **served), "pass")


def test_008_written_waiver_or_statement_allows_earlier_decision() -> None:
    waived = {"type": "waived", "date": date(2025, 3, 25), "in_writing": True}
    check("PEN-PROC-008", _decided(date(2025, 3, 27), reply=waived), "pass")
    stated = {"type": "statement", "date": date(2025, 3, 25), "reexamined": True}
    check("PEN-PROC-008", _decided(date(2025, 3, 27), reply=stated), "pass")


def test_008_unrecorded_waiver_form_needs_review() -> None:
    oral = {"type": "waived", "date": date(2025, 3, 25)}
    check("PEN-PROC-008", _decided(date(2025, 3, 27), reply=oral), "needs_review", "书面")


def test_008_notice_states_too_short_a_period() -> None:
    check("PEN-PROC-008", pen(prior_notice__reply_days=3), "fail", "短于规定的5个工作日")


def test_008_agriculture_three_working_days() -> None:
    case = _decided(date(2025, 3, 28), sector="agriculture", prior_notice__reply_days=3)
    check("PEN-PROC-008", case, "pass")  # 3 WD from 24 Mar end on 27 Mar
    last_day = _decided(date(2025, 3, 27), sector="agriculture", prior_notice__reply_days=3)
    check("PEN-PROC-008", last_day, "fail", "截止2025-03-27")
    # A longer period written in the notice binds the agency.
    check("PEN-PROC-008", _decided(date(2025, 3, 28), sector="agriculture"), "fail")


def test_008_transport_uses_the_period_in_the_notice() -> None:
    case = _decided(date(2025, 3, 27), sector="transport", prior_notice__reply_days=3)
    check("PEN-PROC-008", case, "fail", "陈述申辩期限3个工作日")
    no_period = _decided(date(2025, 3, 27), sector="transport", prior_notice__reply_days=DELETE)
    check("PEN-PROC-008", no_period, "not_applicable")


# ---------------------------------------------------------------------------------------------
# PEN-PROC-009 / 010 不加重、复核
# ---------------------------------------------------------------------------------------------


def test_009_higher_fine_than_proposed() -> None:
    check("PEN-PROC-009", pen(decision__penalties__2__amount=60000), "fail", "提高到60000元")


def test_009_added_penalty_type() -> None:
    penalties = [*make_case("penalty").decision.penalties, {"type": "suspend_production"}]
    check("PEN-PROC-009", pen(decision__penalties=penalties), "fail", "责令停产停业")


def test_009_lighter_decision_passes() -> None:
    check("PEN-PROC-009", pen(decision__penalties__2__amount=40000), "pass")
    penalties = [*make_case("penalty").decision.penalties, {"type": "warning"}]
    check("PEN-PROC-009", pen(decision__penalties=penalties), "pass")
    check("PEN-PROC-009", pen(), "pass")


def test_010_defence_not_reexamined() -> None:
    reply = {"type": "defence", "date": date(2025, 3, 26), "in_writing": True, "reexamined": False}
    check("PEN-PROC-010", pen(reply=reply), "fail", "未见复核意见")


def test_010_reexamination_on_file() -> None:
    reply = {"type": "defence", "date": date(2025, 3, 26), "reexamined": True}
    check("PEN-PROC-010", pen(reply=reply), "pass")
    docs = [
        *[{"id": d.id, "type": d.type} for d in make_case("penalty").documents],
        {"id": "D18", "type": "reexamination_opinion", "date": date(2025, 3, 27)},
    ]
    unflagged = {"type": "statement", "date": date(2025, 3, 26)}
    check("PEN-PROC-010", pen(reply=unflagged, documents=docs), "pass")


def test_010_simple_procedure_needs_review_and_no_statement_not_applicable() -> None:
    reply = {"type": "statement", "date": date(2025, 6, 10)}
    check("PEN-PROC-010", simple(reply=reply), "needs_review")
    check("PEN-PROC-010", pen(), "not_applicable")


# ---------------------------------------------------------------------------------------------
# PEN-PROC-011 … 015 听证
# ---------------------------------------------------------------------------------------------


def _fine(amount: float, **more: Any) -> CaseFile:
    return pen(
        prior_notice__proposed__2__amount=amount, decision__penalties__2__amount=amount, **more
    )


def test_011_large_fine_without_hearing_right_is_a_veto_fail() -> None:
    check("PEN-PROC-011", _fine(150000), "fail", "未告知当事人有要求听证的权利")
    assert RULES["PEN-PROC-011"].veto


def test_011_threshold_inclusive_parameter() -> None:
    check("PEN-PROC-011", _fine(100000), "fail", "听证标准100000元")
    check("PEN-PROC-011", _fine(100000), "not_applicable", hearing__threshold_inclusive=False)
    check("PEN-PROC-011", _fine(99999), "not_applicable")


def test_011_individual_thresholds() -> None:
    person = {"parties__0__type": "natural_person"}
    check("PEN-PROC-011", _fine(20000, **person), "fail")
    business = {"parties__0__type": "individual_business"}
    check("PEN-PROC-011", _fine(10000, **business), "fail", "听证标准10000元")


def test_011_provincial_threshold_override() -> None:
    check("PEN-PROC-011", pen(), "fail", hearing__fine_min_organisation=30000)


def test_011_type_based_trigger_and_right_told() -> None:
    penalties = [*make_case("penalty").decision.penalties, {"type": "revoke_licence"}]
    check("PEN-PROC-011", pen(decision__penalties=penalties), "fail", "吊销许可证件")
    told = pen(
        decision__penalties=penalties, prior_notice__rights=["statement", "defence", "hearing"]
    )
    check("PEN-PROC-011", told, "pass")


def test_011_confiscations_are_added_up() -> None:
    case = pen(
        prior_notice__proposed__0__amount=60000,
        prior_notice__proposed__1__amount=50000,
    )
    check("PEN-PROC-011", case, "fail", "合计110000元")


def test_011_other_heavier_penalty_needs_review() -> None:
    penalties = [*make_case("penalty").decision.penalties, {"type": "suspend_licence"}]
    check("PEN-PROC-011", pen(decision__penalties=penalties), "needs_review", "其他较重")


def test_011_pre_2021_confiscation_was_no_trigger() -> None:
    case = pen(
        prior_notice__date=date(2021, 3, 1),
        prior_notice__proposed__0__amount=200000,
        decision__penalties__0__amount=200000,
    )
    check("PEN-PROC-011", case, "not_applicable")


def _hearing(**fields: Any) -> dict[str, Any]:
    return {"requested": True, "request_date": date(2025, 3, 26), **fields}


def test_012_requested_hearing_not_held() -> None:
    case = pen(hearing=_hearing(held=False), reply={"type": "hearing_request"})
    check("PEN-PROC-012", case, "fail", "未见举行听证")
    assert RULES["PEN-PROC-012"].veto


def test_012_hearing_held_or_withdrawn_or_no_show() -> None:
    check("PEN-PROC-012", pen(hearing=_hearing(held=True, date=date(2025, 4, 1))), "pass")
    withdrawn = _hearing(held=False, waived=True, waiver_in_writing=True)
    check("PEN-PROC-012", pen(hearing=withdrawn), "pass")
    no_show = _hearing(held=False, date=date(2025, 4, 10), party_attended=False)
    check("PEN-PROC-012", pen(hearing=no_show), "pass")
    oral = _hearing(held=False, waived=True)
    check("PEN-PROC-012", pen(hearing=oral), "needs_review", "书面撤回")


def test_012_late_request_need_not_be_honoured() -> None:
    # Window: 5 WD from Mon 24 Mar 2025 → Mon 31 Mar.
    late = pen(hearing=_hearing(request_date=date(2025, 4, 1), held=False))
    findings = run("PEN-PROC-012", late)
    assert_outcome(findings, "pass", contains="已超过")
    in_time = pen(hearing=_hearing(request_date=date(2025, 3, 31), held=False))
    check("PEN-PROC-012", in_time, "fail")


def test_012_no_request_not_applicable() -> None:
    check("PEN-PROC-012", pen(), "not_applicable")


def test_013_hearing_notice_across_spring_festival() -> None:
    # Hearing Mon 10 Feb 2025: counting back Sat 8 Feb (make-up), 7, 6, 5 Feb, 27 Jan,
    # Sun 26 Jan (make-up), Fri 24 Jan → notice by 24 Jan.
    ok = pen(hearing={"held": True, "date": date(2025, 2, 10), "notice_date": date(2025, 1, 24)})
    check("PEN-PROC-013", ok, "pass")
    late = pen(hearing={"held": True, "date": date(2025, 2, 10), "notice_date": date(2025, 1, 27)})
    check("PEN-PROC-013", late, "fail", "不晚于2025-01-24")


def test_013_strict_clear_days_reading() -> None:
    edge = pen(hearing={"held": True, "date": date(2025, 2, 10), "notice_date": date(2025, 1, 24)})
    check("PEN-PROC-013", edge, "fail", hearing__notice_strict_clear_days=True)
    earlier = pen(
        hearing={"held": True, "date": date(2025, 2, 10), "notice_date": date(2025, 1, 23)}
    )
    check("PEN-PROC-013", earlier, "pass", hearing__notice_strict_clear_days=True)


def test_013_notice_date_from_hearing_notice_service_and_missing() -> None:
    base = make_case("penalty")
    docs = [
        *[{"id": d.id, "type": d.type} for d in base.documents],
        {"id": "D18", "type": "hearing_notice"},
    ]
    services = [
        *[
            {"document": s.document, "method": s.method, "date": s.date, "receipt": True}
            for s in base.services
        ],
        {"document": "D18", "method": "direct", "date": date(2025, 4, 2), "receipt": True},
    ]
    case = pen(documents=docs, services=services, hearing={"held": True, "date": date(2025, 4, 8)})
    check("PEN-PROC-013", case, "fail", "听证通知送达日2025-04-02")
    check("PEN-PROC-013", pen(hearing={"held": True, "date": date(2025, 4, 8)}), "needs_review")
    check("PEN-PROC-013", pen(), "not_applicable")


def test_014_decision_inside_hearing_request_window() -> None:
    # 农业: reply period 3 WD (ends Thu 27 Mar) but the hearing request period is 5 WD (ends
    # Mon 31 Mar); deciding on 28 Mar respects the first and cuts the second short.
    rights = ["statement", "defence", "hearing"]
    case = _fine(
        150000,
        sector="agriculture",
        prior_notice__rights=rights,
        prior_notice__reply_days=3,
        decision__date=date(2025, 3, 28),
        decision__approval__date=date(2025, 3, 28),
    )
    check("PEN-PROC-008", case, "pass")
    check("PEN-PROC-014", case, "fail", "截止2025-03-31")


def test_014_written_waiver_and_window_respected() -> None:
    rights = ["statement", "defence", "hearing"]
    early = {"decision__date": date(2025, 3, 28), "decision__approval__date": date(2025, 3, 28)}
    waived = _fine(
        150000,
        prior_notice__rights=rights,
        hearing={"waived": True, "waiver_in_writing": True},
        **early,
    )
    check("PEN-PROC-014", waived, "pass")
    reply_waiver = _fine(
        150000, prior_notice__rights=rights, reply={"type": "waived", "in_writing": True}, **early
    )
    check("PEN-PROC-014", reply_waiver, "needs_review", "是否同时书面放弃听证")
    check("PEN-PROC-014", _fine(150000, prior_notice__rights=rights), "pass")
    check("PEN-PROC-014", pen(), "not_applicable")


def test_015_decision_before_hearing_is_a_veto_fail() -> None:
    case = pen(hearing={"requested": True, "held": True, "date": date(2025, 4, 5)})
    check("PEN-PROC-015", case, "fail", "先决定后听证")
    assert RULES["PEN-PROC-015"].veto


def test_015_decision_after_hearing_passes() -> None:
    case = pen(hearing={"requested": True, "held": True, "date": date(2025, 3, 31)})
    check("PEN-PROC-015", case, "pass")
    check("PEN-PROC-015", pen(), "not_applicable")


# ---------------------------------------------------------------------------------------------
# PEN-PROC-016 … 018 集体讨论
# ---------------------------------------------------------------------------------------------


_TRIGGERS = {
    "hearing_held": True,
    "legal_review_sectors": ["market_regulation"],
    "review_disagreement": False,
    "penalty_types": ["revoke_licence", "suspend_production", "order_closure"],
    "fine_min_individual": 0,
    "fine_min_organisation": 0,
}


def test_016_hearing_held_without_collective_discussion() -> None:
    case = pen(
        collective_discussion=DELETE,
        legal_review=DELETE,
        hearing={"held": True, "date": date(2025, 3, 31)},
    )
    check("PEN-PROC-016", case, "fail", "经过听证")


def test_016_market_regulation_legal_review_case_needs_collective_discussion() -> None:
    # The reviewer's case: a 100,000-yuan SAMR fine with a 法制审核 on file and no discussion.
    case = _fine(100000, collective_discussion=DELETE)
    findings = run("PEN-PROC-016", case)
    assert_outcome(findings, "fail", contains="经法制审核")
    assert "/legal_review/type" in findings[0].pointers
    check("PEN-PROC-016", _fine(100000), "pass")


def test_016_case_review_is_not_a_legal_review() -> None:
    case = pen(collective_discussion=DELETE, legal_review__type="case_review")
    check("PEN-PROC-016", case, "not_applicable")
    # A review filed as a 案件审核意见书 is a 案件审核 even with the type left at its default.
    filed = pen(collective_discussion=DELETE, documents__5__type="case_review_opinion")
    check("PEN-PROC-016", filed, "not_applicable")


def test_016_major_decision_triggers_in_market_regulation() -> None:
    case = pen(
        collective_discussion=DELETE,
        legal_review__type="case_review",
        major_decision={"major": True},
    )
    check("PEN-PROC-016", case, "fail", "属于重大执法决定")
    check(
        "PEN-PROC-016",
        pen(collective_discussion=DELETE, legal_review=DELETE, major_decision={"major": False}),
        "not_applicable",
    )


def test_016_other_sectors_only_when_the_standard_lists_them() -> None:
    case = pen(collective_discussion=DELETE, sector="transport")
    check("PEN-PROC-016", case, "not_applicable")
    listed = {**_TRIGGERS, "legal_review_sectors": ["market_regulation", "transport"]}
    check("PEN-PROC-016", case, "fail", "经法制审核", collective_discussion__triggers=listed)


def test_016_review_disagreement_is_an_optional_proposal() -> None:
    case = pen(
        collective_discussion=DELETE,
        legal_review__type="case_review",
        legal_review__decision_follows_opinion=False,
    )
    check("PEN-PROC-016", case, "not_applicable")
    on = {**_TRIGGERS, "review_disagreement": True}
    check(
        "PEN-PROC-016",
        case,
        "fail",
        "审核意见与调查处理意见存在分歧",
        collective_discussion__triggers=on,
    )


def test_016_penalty_type_trigger() -> None:
    penalties = [*make_case("penalty").decision.penalties, {"type": "revoke_licence"}]
    case = pen(decision__penalties=penalties, legal_review=DELETE, collective_discussion=DELETE)
    check("PEN-PROC-016", case, "fail", "吊销许可证件")


def test_016_fine_trigger_parameter() -> None:
    case = pen(collective_discussion=DELETE, legal_review=DELETE)
    fines = {**_TRIGGERS, "fine_min_individual": 10000, "fine_min_organisation": 30000}
    check("PEN-PROC-016", case, "fail", "罚款50000元", collective_discussion__triggers=fines)


def test_016_no_trigger_not_applicable() -> None:
    check("PEN-PROC-016", pen(legal_review=DELETE, collective_discussion=DELETE), "not_applicable")
    check("PEN-PROC-016", pen(), "pass")


def test_017_discussion_after_decision() -> None:
    case = pen(collective_discussion__date=date(2025, 4, 3))
    check("PEN-PROC-017", case, "fail", "先决定后集体讨论")


def test_017_undated_and_clean() -> None:
    check("PEN-PROC-017", pen(collective_discussion__date=DELETE), "needs_review")
    check("PEN-PROC-017", pen(collective_discussion=DELETE), "not_applicable")
    check("PEN-PROC-017", pen(), "pass")


def test_018_too_few_heads() -> None:
    case = pen(collective_discussion__attendees=["O3", "O1", "O2"])
    check("PEN-PROC-018", case, "fail", "少于2人")


def test_018_min_heads_parameter() -> None:
    check("PEN-PROC-018", pen(), "pass")
    check("PEN-PROC-018", pen(), "fail", collective_discussion__min_heads=4)


# ---------------------------------------------------------------------------------------------
# PEN-PROC-019 办案期限
# ---------------------------------------------------------------------------------------------


def test_019_late_decision_message() -> None:
    check(
        "PEN-PROC-019",
        pen(decision__date=date(2025, 7, 1)),
        "fail",
        "立案日2025-03-05，决定日2025-07-01，立案后第118日作出决定",
    )
    assert RULES["PEN-PROC-019"].in_force_on(date(2025, 7, 1))
    assert not RULES["PEN-PROC-019"].in_force_on(date(2021, 7, 14))


def test_019_approved_extension() -> None:
    ext = [{"approval": {"approver": "O3", "date": date(2025, 5, 20)}, "days": 30}]
    check("PEN-PROC-019", pen(decision__date=date(2025, 7, 1), period_extensions=ext), "pass")


def test_019_extension_approved_after_expiry_does_not_count() -> None:
    ext = [{"approval": {"approver": "O3", "date": date(2025, 6, 10)}, "days": 30}]
    case = pen(decision__date=date(2025, 7, 1), period_extensions=ext)
    check("PEN-PROC-019", case, "fail", "晚于当时的期限届满日")


def test_019_extension_without_approver_does_not_count() -> None:
    ext = [{"approval": {"date": date(2025, 5, 20)}, "days": 30}]
    case = pen(decision__date=date(2025, 7, 1), period_extensions=ext)
    check("PEN-PROC-019", case, "fail", "无审批人或审批日期")


def test_019_excluded_periods() -> None:
    testing = [{"type": "testing", "start": date(2025, 4, 1), "end": date(2025, 4, 30)}]
    check("PEN-PROC-019", pen(decision__date=date(2025, 7, 1), excluded_periods=testing), "pass")
    open_ended = [{"type": "testing", "start": date(2025, 4, 1)}]
    case = pen(decision__date=date(2025, 7, 1), excluded_periods=open_ended)
    check("PEN-PROC-019", case, "needs_review", "未记载结束日期")


def test_019_further_extension_depends_on_sector() -> None:
    exts = [
        {"approval": {"approver": "O3", "date": date(2025, 5, 20)}, "days": 30},
        {
            "approval": {"approver": "O3", "date": date(2025, 6, 20)},
            "days": 30,
            "by_collective_discussion": True,
        },
    ]
    # 3 Mar + 150 days = 2 Aug 2025 (Sat) → Mon 4 Aug.
    samr = pen(decision__date=date(2025, 7, 20), period_extensions=exts)
    check("PEN-PROC-019", samr, "pass")
    transport = pen(decision__date=date(2025, 7, 20), period_extensions=exts, sector="transport")
    check("PEN-PROC-019", transport, "fail", "不得再次延长")
    no_cd = [exts[0], {**exts[1], "by_collective_discussion": False}]
    case = pen(decision__date=date(2025, 7, 20), period_extensions=no_cd)
    check("PEN-PROC-019", case, "fail", "未经负责人集体讨论")


def test_019_housing_caps_the_further_extension_at_60_days() -> None:
    exts = [
        {"approval": {"approver": "O3", "date": date(2025, 5, 20)}, "days": 30},
        {
            "approval": {"approver": "O3", "date": date(2025, 6, 25)},
            "days": 90,
            "by_collective_discussion": True,
        },
    ]
    # 住建: 90 + 30 + at most 60 = 180 days from 5 Mar 2025 → Mon 1 Sep.
    housing = {"sector": "housing_construction", "period_extensions": exts}
    check("PEN-PROC-019", pen(decision__date=date(2025, 9, 1), **housing), "pass")
    check("PEN-PROC-019", pen(decision__date=date(2025, 9, 2), **housing), "fail", "截止2025-09-01")
    # SAMR has no cap on an extension decided collectively.
    check("PEN-PROC-019", pen(decision__date=date(2025, 9, 2), period_extensions=exts), "pass")


def test_019_one_collective_extension_beyond_the_first_step() -> None:
    ext = [
        {
            "approval": {"approver": "O3", "date": date(2025, 5, 20)},
            "days": 60,
            "by_collective_discussion": True,
        }
    ]
    check("PEN-PROC-019", pen(decision__date=date(2025, 7, 10), period_extensions=ext), "pass")
    transport = pen(decision__date=date(2025, 7, 10), period_extensions=ext, sector="transport")
    check("PEN-PROC-019", transport, "fail", "经批准延长30日")


def test_019_period_ending_on_new_year_moves_to_next_working_day() -> None:
    # Filed 3 Oct 2024 + 90 days = 1 Jan 2025 (holiday) → Thu 2 Jan 2025.
    on_time = pen(filing__date=date(2024, 10, 3), decision__date=date(2025, 1, 2))
    check("PEN-PROC-019", on_time, "pass")
    late = pen(filing__date=date(2024, 10, 3), decision__date=date(2025, 1, 3))
    check("PEN-PROC-019", late, "fail", "截止2025-01-02")


def test_019_filed_before_2021_law_needs_review() -> None:
    case = pen(filing__date=date(2021, 6, 1), decision__date=date(2021, 10, 1))
    check("PEN-PROC-019", case, "needs_review", "2021年修订")


# ---------------------------------------------------------------------------------------------
# PEN-PROC-020 … 022 送达
# ---------------------------------------------------------------------------------------------


def _served(decided: date, served: date, **more: Any) -> CaseFile:
    return pen(decision__date=decided, services__1__date=served, **more)


def test_020_national_day_deadline_on_make_up_saturday() -> None:
    # Decision Thu 25 Sep 2025: 26 Sep, Sun 28, 29, 30 Sep, 9, 10 Oct, Sat 11 Oct (make-up).
    check("PEN-PROC-020", _served(date(2025, 9, 25), date(2025, 10, 11)), "pass")
    check("PEN-PROC-020", _served(date(2025, 9, 25), date(2025, 10, 13)), "fail", "截止2025-10-11")


def test_020_national_day_worked_example() -> None:
    # statutory-rules PA-04: 7 WD from Tue 30 Sep 2025 end on Thu 16 Oct.
    check("PEN-PROC-020", _served(date(2025, 9, 30), date(2025, 10, 16)), "pass")
    check("PEN-PROC-020", _served(date(2025, 9, 30), date(2025, 10, 17)), "fail", "逾期1日")


def test_020_period_spanning_new_year() -> None:
    # Fri 27 Dec 2024: 30, 31 Dec, (1 Jan holiday), 2, 3, 6, 7, 8 Jan 2025.
    check("PEN-PROC-020", _served(date(2024, 12, 27), date(2025, 1, 8)), "pass")
    check("PEN-PROC-020", _served(date(2024, 12, 27), date(2025, 1, 9)), "fail", "截止2025-01-08")


def test_020_announced_on_the_spot_must_be_same_day() -> None:
    check("PEN-PROC-020", pen(decision__announced_on_the_spot=True), "fail", "当场交付")
    same = pen(decision__announced_on_the_spot=True, services__1__date=date(2025, 4, 2))
    check("PEN-PROC-020", same, "pass")


def test_020_late_announcement_needs_review() -> None:
    service = {
        "document": "D10",
        "method": "announcement",
        "announcement_date": date(2025, 4, 20),
        "announcement_reason": "当事人下落不明",
    }
    case = pen(services__1=service)
    check("PEN-PROC-020", case, "needs_review", "其他方式")


def test_020_missing_holiday_data_needs_review() -> None:
    case = _served(date(2026, 12, 30), date(2027, 1, 15))
    check("PEN-PROC-020", case, "needs_review", "2027")


def test_021_decision_never_served() -> None:
    base = make_case("penalty")
    case = pen(services=[base.services[0]])
    check("PEN-PROC-021", case, "fail", "无送达记录")


def test_021_no_receipt() -> None:
    case = pen(services__1__receipt=False, services__1__receipt_document=DELETE)
    check("PEN-PROC-021", case, "fail", "无送达回证或回执")
    unknown = pen(services__1__receipt=DELETE, services__1__receipt_document=DELETE)
    check("PEN-PROC-021", unknown, "needs_review")


def test_021_clean_passes() -> None:
    check("PEN-PROC-021", pen(), "pass")
    check("PEN-PROC-021", simple(), "pass")


def test_022_electronic_service_needs_consent() -> None:
    check(
        "PEN-PROC-022",
        pen(services__1__method="electronic", services__1__consent_confirmation=False),
        "fail",
        "确认书",
    )
    check("PEN-PROC-022", pen(services__1__method="electronic"), "needs_review")
    check(
        "PEN-PROC-022",
        pen(services__1__method="electronic", services__1__consent_confirmation=True),
        "pass",
    )


def test_022_left_at_address_needs_witness_or_recording() -> None:
    check(
        "PEN-PROC-022",
        pen(services__1__method="left_at_address", services__1__recorded=False),
        "fail",
        "见证人",
    )
    check(
        "PEN-PROC-022",
        pen(services__1__method="left_at_address", services__1__witness="社区工作人员张某"),
        "pass",
    )


def test_022_announcement_reasons_and_deemed_period() -> None:
    service = {"document": "D10", "method": "announcement", "announcement_date": date(2025, 4, 3)}
    check("PEN-PROC-022", pen(services__1=service), "fail", "原因")
    reasoned = {**service, "announcement_reason": "当事人下落不明"}
    early = pen(services__1={**reasoned, "date": date(2025, 4, 20)})
    check("PEN-PROC-022", early, "fail", "2025-05-03方视为送达")
    check("PEN-PROC-022", pen(services__1={**reasoned, "date": date(2025, 5, 3)}), "pass")
    transport = pen(services__1={**reasoned, "date": date(2025, 5, 3)}, sector="transport")
    check("PEN-PROC-022", transport, "fail", "经过60日")


def test_022_ordinary_methods_not_applicable() -> None:
    check("PEN-PROC-022", pen(), "not_applicable")


# ---------------------------------------------------------------------------------------------
# PEN-PROC-023 … 025 简易程序
# ---------------------------------------------------------------------------------------------


def _spot_fine(amount: float, **more: Any) -> CaseFile:
    return simple(
        decision__penalties__0__amount=amount, prior_notice__proposed__0__amount=amount, **more
    )


def test_023_fine_limits() -> None:
    check("PEN-PROC-023", _spot_fine(200), "pass")
    check(
        "PEN-PROC-023",
        _spot_fine(300),
        "fail",
        "超过2021年修订的行政处罚法第五十一条规定的200元上限",
    )
    org = {"parties__0__type": "legal_person"}
    check("PEN-PROC-023", _spot_fine(3000, **org), "pass")
    check("PEN-PROC-023", _spot_fine(3001, **org), "fail", "法人或者其他组织")
    check("PEN-PROC-023", _spot_fine(200, parties__0__type="individual_business"), "pass")


def test_023_pre_2021_limits_by_decision_date() -> None:
    case = _spot_fine(100, decision__date=date(2021, 3, 1))
    check("PEN-PROC-023", case, "fail", "2017年修正的行政处罚法第三十三条规定的50元上限")
    check("PEN-PROC-023", _spot_fine(50, decision__date=date(2021, 3, 1)), "pass")


def test_023_penalty_type_outside_simple_procedure() -> None:
    penalties = [{"type": "fine", "amount": 100}, {"type": "confiscate_illegal_property"}]
    check("PEN-PROC-023", simple(decision__penalties=penalties), "fail", "没收非法财物")


def test_024_numbered_form_handed_over() -> None:
    check("PEN-PROC-024", simple(), "pass")
    no_number = simple(on_the_spot__form_number=DELETE, decision__number=DELETE)
    check("PEN-PROC-024", no_number, "fail", "无编号")
    check("PEN-PROC-024", simple(on_the_spot__handed_over=False), "fail", "未当场交付")
    check("PEN-PROC-024", simple(documents__1__type="penalty_decision"), "fail", "预定格式")


def test_024_handover_not_recorded_needs_review() -> None:
    case = simple(
        on_the_spot__handed_over=DELETE,
        decision__announced_on_the_spot=DELETE,
        services__0__on_the_spot=DELETE,
    )
    check("PEN-PROC-024", case, "needs_review")


def test_025_filing_period() -> None:
    # Decision Tue 10 Jun 2025; default 7 WD → Thu 19 Jun.
    check("PEN-PROC-025", simple(on_the_spot__filed_date=date(2025, 6, 19)), "pass")
    check(
        "PEN-PROC-025", simple(on_the_spot__filed_date=date(2025, 6, 20)), "fail", "截止2025-06-19"
    )
    # 农业 2 WD → Thu 12 Jun.
    check("PEN-PROC-025", simple(sector="agriculture"), "pass")
    late = simple(sector="agriculture", on_the_spot__filed_date=date(2025, 6, 13))
    check("PEN-PROC-025", late, "fail", "备案期限2个工作日")


def test_025_no_filing_record() -> None:
    case = simple(on_the_spot__filed_date=DELETE, documents__3=DELETE)
    check("PEN-PROC-025", case, "fail", "未见报所属行政机关备案")
    from_doc = simple(on_the_spot__filed_date=DELETE)
    check("PEN-PROC-025", from_doc, "pass")


# ---------------------------------------------------------------------------------------------
# PEN-PROC-026 追责时效
# ---------------------------------------------------------------------------------------------


def _act(end: date, **more: Any) -> CaseFile:
    return pen(violation__start_date=end, violation__end_date=end, **more)


def test_026_discovered_after_two_years() -> None:
    check("PEN-PROC-026", _act(date(2023, 3, 2)), "fail", "追责时效2年，至2025-03-02届满")
    assert RULES["PEN-PROC-026"].veto


def test_026_boundary_day_is_within() -> None:
    check("PEN-PROC-026", _act(date(2023, 3, 3)), "pass")


def test_026_five_years_with_life_health_and_harm() -> None:
    check("PEN-PROC-026", _act(date(2021, 12, 1), violation__harmful_consequences=True), "pass")
    check(
        "PEN-PROC-026", _act(date(2019, 12, 1), violation__harmful_consequences=True), "fail", "5年"
    )


def test_026_unrecorded_harm_needs_review() -> None:
    case = _act(date(2022, 12, 1), violation__harmful_consequences=DELETE)
    check("PEN-PROC-026", case, "needs_review", "危害后果")


def test_026_continuing_act_runs_from_its_end() -> None:
    case = pen(
        violation__start_date=date(2020, 1, 1),
        violation__end_date=date(2024, 6, 1),
        violation__continuing=True,
    )
    check("PEN-PROC-026", case, "pass")
    ongoing = pen(
        violation__start_date=date(2020, 1, 1),
        violation__end_date=DELETE,
        violation__continuing=True,
    )
    check("PEN-PROC-026", ongoing, "pass")


def test_026_no_revival_assumed_for_pre_2021_expiry() -> None:
    case = _act(
        date(2019, 1, 1), violation__harmful_consequences=True, clue__found_date=date(2022, 1, 1)
    )
    check("PEN-PROC-026", case, "needs_review", "2021年修订")


def test_026_without_clue_date_the_filing_date_is_only_an_upper_bound() -> None:
    case = _act(date(2023, 3, 2), clue=DELETE)
    check("PEN-PROC-026", case, "needs_review", "发现线索日")


# ---------------------------------------------------------------------------------------------
# PEN-PROC-027 … 031 先行登记保存、查封扣押
# ---------------------------------------------------------------------------------------------


def _measure(**fields: Any) -> dict[str, Any]:
    """A 先行登记保存 approved beforehand and released after a week; DELETE drops a key."""
    measure: dict[str, Any] = {
        "id": "M1",
        "type": "advance_preservation",
        "date": date(2025, 3, 3),
        "time": datetime(2025, 3, 3, 10, 0),
        "approval": {
            "approver": "O3",
            "date": date(2025, 3, 3),
            "time": datetime(2025, 3, 3, 9, 50),
        },
        "handling": "release",
        "handling_date": date(2025, 3, 10),
    }
    measure.update(fields)
    return {k: v for k, v in measure.items() if v is not DELETE}


def test_027_preservation_approval() -> None:
    check("PEN-PROC-027", pen(compulsory_measures=[_measure()]), "pass")
    check(
        "PEN-PROC-027",
        pen(compulsory_measures=[_measure(approval=DELETE)]),
        "fail",
        "未经机关负责人批准",
    )
    after = _measure(approval={"approver": "O3", "date": date(2025, 3, 6)})
    check("PEN-PROC-027", pen(compulsory_measures=[after]), "fail", "未记载情况紧急")
    check("PEN-PROC-027", pen(), "not_applicable")


def test_027_emergency_24_hours() -> None:
    ok = _measure(
        emergency=True,
        approval={"approver": "O3", "date": date(2025, 3, 4), "time": datetime(2025, 3, 4, 9, 0)},
    )
    check("PEN-PROC-027", pen(compulsory_measures=[ok]), "pass")
    late = _measure(
        emergency=True,
        approval={"approver": "O3", "date": date(2025, 3, 4), "time": datetime(2025, 3, 4, 16, 0)},
    )
    check("PEN-PROC-027", pen(compulsory_measures=[late]), "fail", "超过24小时")
    dates_only = _measure(
        time=DELETE, emergency=True, approval={"approver": "O3", "date": date(2025, 3, 4)}
    )
    check("PEN-PROC-027", pen(compulsory_measures=[dates_only]), "pass")


def test_028_preservation_handled_within_seven_working_days_national_day() -> None:
    # Fri 26 Sep 2025: Sun 28 (make-up), 29, 30 Sep, 9, 10, Sat 11 (make-up), Mon 13 Oct.
    start = {
        "date": date(2025, 9, 26),
        "time": DELETE,
        "approval": {"approver": "O3", "date": date(2025, 9, 26)},
    }
    ok = _measure(handling_date=date(2025, 10, 13), **start)
    check("PEN-PROC-028", pen(compulsory_measures=[ok]), "pass")
    late = _measure(handling_date=date(2025, 10, 14), **start)
    check("PEN-PROC-028", pen(compulsory_measures=[late]), "fail", "截止2025-10-13")


def test_028_no_handling_recorded() -> None:
    case = pen(compulsory_measures=[_measure(handling=DELETE, handling_date=DELETE)])
    check("PEN-PROC-028", case, "fail", "未见处理决定")
    check("PEN-PROC-028", pen(), "not_applicable")


def _seizure(**fields: Any) -> dict[str, Any]:
    """An 扣押 with every document, handed over, handled within the period."""
    seizure: dict[str, Any] = {
        "type": "impound",
        "decision_document": "D02",
        "inventory_document": "D03",
        "on_site_record": "D02",
        "handed_over_on_site": True,
        "period_days": 30,
        "handling": "confiscate",
        "handling_date": date(2025, 3, 20),
    }
    seizure.update(fields)
    return _measure(**seizure)


def test_029_seizure_approval() -> None:
    check("PEN-PROC-029", pen(compulsory_measures=[_seizure()]), "pass")
    late = _seizure(approval={"approver": "O3", "date": date(2025, 3, 9)})
    check("PEN-PROC-029", pen(compulsory_measures=[late]), "fail", "2025-03-03实施的扣押")
    assert "M1" not in run("PEN-PROC-029", pen(compulsory_measures=[late]))[0].message
    check("PEN-PROC-029", pen(compulsory_measures=[_measure()]), "not_applicable")


def test_030_seizure_documents() -> None:
    check("PEN-PROC-030", pen(compulsory_measures=[_seizure()]), "pass")
    missing = _seizure(inventory_document=DELETE)
    check("PEN-PROC-030", pen(compulsory_measures=[missing]), "fail", "未见清单")
    not_handed = _seizure(handed_over_on_site=False)
    check("PEN-PROC-030", pen(compulsory_measures=[not_handed]), "fail", "未当场交付")
    unknown = _seizure(handed_over_on_site=DELETE)
    check("PEN-PROC-030", pen(compulsory_measures=[unknown]), "needs_review")


def test_031_seizure_period() -> None:
    # 3 Mar 2025 + 30 days = Wed 2 Apr.
    check(
        "PEN-PROC-031", pen(compulsory_measures=[_seizure(handling_date=date(2025, 4, 2))]), "pass"
    )
    late = _seizure(handling_date=date(2025, 4, 10))
    check("PEN-PROC-031", pen(compulsory_measures=[late]), "fail", "截止2025-04-02")


def test_031_extension_needs_approval_and_written_notice() -> None:
    ext = {"extension": {"approver": "O3", "date": date(2025, 3, 31)}, "extension_days": 30}
    ok = _seizure(handling_date=date(2025, 4, 30), extension_notified_in_writing=True, **ext)
    check("PEN-PROC-031", pen(compulsory_measures=[ok]), "pass")
    silent = _seizure(handling_date=date(2025, 4, 30), **ext)
    check("PEN-PROC-031", pen(compulsory_measures=[silent]), "fail", "未书面告知")


def test_031_testing_time_excluded_only_when_notified() -> None:
    testing = {"testing_start": date(2025, 3, 10), "testing_end": date(2025, 3, 19)}
    ok = _seizure(handling_date=date(2025, 4, 10), testing_notified_in_writing=True, **testing)
    check("PEN-PROC-031", pen(compulsory_measures=[ok]), "pass")
    silent = _seizure(handling_date=date(2025, 4, 10), **testing)
    check("PEN-PROC-031", pen(compulsory_measures=[silent]), "fail", "检测期间未书面告知")


def test_031_stated_period_too_long() -> None:
    check(
        "PEN-PROC-031", pen(compulsory_measures=[_seizure(period_days=45)]), "fail", "超过法定30日"
    )


# ---------------------------------------------------------------------------------------------
# PEN-PROC-032 / 033 罚款缴纳
# ---------------------------------------------------------------------------------------------


def test_032_payment_receipt() -> None:
    check("PEN-PROC-032", pen(), "pass")
    check("PEN-PROC-032", pen(execution__payments__0__receipt=False), "fail", "未附缴款凭证")
    check("PEN-PROC-032", pen(execution__payments__0__receipt=DELETE), "pass")
    no_doc = pen(execution__payments__0__receipt=DELETE, documents__11=DELETE)
    check("PEN-PROC-032", no_doc, "fail", "50320元")


def test_033_on_the_spot_collection() -> None:
    paid = {"date": date(2025, 6, 10), "amount": 100, "receipt": True, "on_the_spot": True}
    ok = simple(execution__payments=[{**paid, "handed_to_agency_date": date(2025, 6, 12)}])
    check("PEN-PROC-033", ok, "pass")
    late = simple(execution__payments=[{**paid, "handed_to_agency_date": date(2025, 6, 13)}])
    check("PEN-PROC-033", late, "fail", "逾期1日")
    unknown = simple(execution__payments=[paid])
    check("PEN-PROC-033", unknown, "needs_review", "交至行政机关")
    check("PEN-PROC-033", simple(), "not_applicable")


def test_033_collection_grounds() -> None:
    paid = {
        "date": date(2025, 6, 10),
        "amount": 150,
        "receipt": True,
        "on_the_spot": True,
        "handed_to_agency_date": date(2025, 6, 11),
    }
    check("PEN-PROC-033", _spot_fine(150, execution__payments=[paid]), "needs_review", "超过100元")
    general = {**paid, "date": date(2025, 4, 3), "handed_to_agency_date": date(2025, 4, 3)}
    check("PEN-PROC-033", pen(execution__payments=[general]), "needs_review", "边远")


# ---------------------------------------------------------------------------------------------
# Review follow-ups: messages, overlaps with other rules, PEN-PROC-005 sector defaults
# ---------------------------------------------------------------------------------------------


def test_messages_name_documents_by_title_and_page_not_by_id() -> None:
    report = run("PEN-PROC-001", pen(documents__4__date=date(2025, 4, 6)))
    assert_outcome(report, "fail", contains="调查终结报告（卷内第8页）")
    unserved = run("PEN-PROC-021", pen(services=[make_case("penalty").services[0]]))
    assert_outcome(unserved, "fail", contains="行政处罚决定书（卷内第18页）无送达记录")
    no_receipt = run(
        "PEN-PROC-021", pen(services__1__receipt=False, services__1__receipt_document=DELETE)
    )
    assert_outcome(no_receipt, "fail", contains="行政处罚决定书（卷内第18页）直接送达")
    electronic = pen(services__1__method="electronic", services__1__consent_confirmation=False)
    consent = run("PEN-PROC-022", electronic)
    assert_outcome(consent, "fail", contains="行政处罚决定书（卷内第18页）电子送达")
    for finding in [*report, *unserved, *no_receipt, *consent]:
        assert not re.search(r"\bD\d+\b", finding.message), finding.message
        assert not re.search(r"\bD\d+\b", json.dumps(finding.values, default=str)), finding


def test_003_document_already_failed_by_evid_005_is_not_deducted_again() -> None:
    # The inquiry record D03 is evidence E3; dated and collected after the decision and the
    # closing, PEN-EVID-005 fails the item, so PEN-PROC-003 stands aside for D03.
    late = {
        "documents__2__date": date(2025, 4, 20),
        "evidence__2__collected_date": date(2025, 4, 20),
    }
    check("PEN-PROC-003", pen(**late), "pass")
    # The same record with its evidence item collected in time is still out of the span here.
    check("PEN-PROC-003", pen(documents__2__date=date(2025, 4, 20)), "fail", "询问笔录")
    # An evidence item collected before the clue and before the violation began: EVID-005's.
    early = {
        "documents__2__date": date(2025, 2, 20),
        "evidence__2__collected_date": date(2025, 2, 20),
    }
    check("PEN-PROC-003", pen(**early), "pass")


def test_005_sectors_without_a_number_are_not_checked() -> None:
    for sector in ("emergency_management", "urban_management", "ecology_environment"):
        late = pen(sector=sector, filing__date=date(2025, 6, 1))
        check("PEN-PROC-005", late, "not_applicable", "及时立案")
    # A standard may set the sector; the message then says the standard set the period.
    check(
        "PEN-PROC-005",
        pen(sector="ecology_environment", filing__date=date(2025, 3, 13)),
        "fail",
        "评查标准设定的立案核查期限",
        filing__period_working_days={"default": 0, "ecology_environment": 7},
    )


def test_005_message_names_the_rule_that_sets_the_period() -> None:
    late = pen(clue__found_date=date(2025, 1, 24), filing__date=date(2025, 2, 21))
    check("PEN-PROC-005", late, "fail", "依《市场监督管理行政处罚程序规定》第十八条第一款规定")
    farm = pen(sector="agriculture", filing__date=date(2025, 3, 13))
    check("PEN-PROC-005", farm, "fail", "《农业行政处罚程序规定》第二十九条")


def test_014_premature_decision_deducted_once_with_008() -> None:
    # SAMR: reply and hearing-request periods both end Mon 31 Mar; a decision on 28 Mar fails
    # PEN-PROC-008 and PEN-PROC-014 stands aside.
    rights = ["statement", "defence", "hearing"]
    early = {"decision__date": date(2025, 3, 28), "decision__approval__date": date(2025, 3, 28)}
    case = _fine(150000, prior_notice__rights=rights, **early)
    check("PEN-PROC-008", case, "fail", "截止2025-03-31")
    check("PEN-PROC-014", case, "not_applicable", "PEN-PROC-008")
    # A statement on 25 Mar excuses the reply period but not the hearing request period.
    stated = {"type": "statement", "date": date(2025, 3, 25), "reexamined": True}
    both = _fine(150000, prior_notice__rights=rights, reply=stated, **early)
    check("PEN-PROC-008", both, "pass")
    check("PEN-PROC-014", both, "fail", "截止2025-03-31")


def test_014_not_applicable_when_the_hearing_right_was_never_given() -> None:
    early = {"decision__date": date(2025, 3, 28), "decision__approval__date": date(2025, 3, 28)}
    stated = {"type": "statement", "date": date(2025, 3, 25), "reexamined": True}
    case = _fine(150000, reply=stated, **early)
    check("PEN-PROC-011", case, "fail")
    check("PEN-PROC-014", case, "not_applicable", "PEN-PROC-011")


def test_026_is_scored_under_legal_basis() -> None:
    rule = RULES["PEN-PROC-026"]
    assert (rule.category, rule.dimension, rule.veto) == ("legal_basis", "merits", True)


# ---------------------------------------------------------------------------------------------
# PEN-PROC-034 / 035 听证主持人、听证笔录
# ---------------------------------------------------------------------------------------------


def _held(**fields: Any) -> dict[str, Any]:
    hearing: dict[str, Any] = {
        "requested": True,
        "request_date": date(2025, 3, 26),
        "held": True,
        "date": date(2025, 3, 31),
        "party_attended": True,
        "presiding_officer": "O4",
    }
    hearing.update(fields)
    return {k: v for k, v in hearing.items() if v is not DELETE}


def _with_record(**record: Any) -> list[dict[str, Any]]:
    docs: list[dict[str, Any]] = [
        {
            "id": d.id,
            "type": d.type,
            "date": d.date,
            "page_from": d.page_from,
            "officers": d.officers,
        }
        for d in make_case("penalty").documents
    ]
    entry = {"id": "D18", "type": "hearing_record", "date": date(2025, 3, 31), "page_from": 30}
    entry.update(record)
    docs.append({k: v for k, v in entry.items() if v is not DELETE})
    return docs


def test_034_investigator_presiding_fails() -> None:
    assigned = pen(hearing=_held(presiding_officer="O1"), documents=_with_record(party_signed=True))
    check(
        "PEN-PROC-034", assigned, "fail", "听证主持人陈晓东系本案调查人员（立案时指定的办案人员）"
    )
    # Not designated at 立案 but signed the inspection record: still an investigator.
    signer = pen(
        hearing=_held(presiding_officer="O4"),
        filing__assigned_officers=["O1"],
        documents__1__officers=["O1", "O4"],
    )
    check("PEN-PROC-034", signer, "fail", "在检查笔录（卷内第2页）上签名的执法人员")


def test_034_independent_presider_passes_and_missing_presider_needs_review() -> None:
    check("PEN-PROC-034", pen(hearing=_held()), "pass")
    unnamed = pen(hearing=_held(presiding_officer=DELETE))
    check("PEN-PROC-034", unnamed, "needs_review", "未记载听证主持人")
    check("PEN-PROC-034", pen(), "not_applicable")
    check("PEN-PROC-034", pen(hearing=_held(held=False, date=DELETE)), "not_applicable")


def test_035_hearing_record_signatures() -> None:
    hearing = {"hearing": _held(record="D18")}
    check("PEN-PROC-035", pen(documents=_with_record(party_signed=True), **hearing), "pass")
    unsigned = pen(documents=_with_record(party_signed=False), **hearing)
    check("PEN-PROC-035", unsigned, "fail", "听证笔录（卷内第30页）无当事人或其代理人签字")
    refused = pen(
        documents=_with_record(party_signed=False, party_refused=True, refusal_noted=False),
        **hearing,
    )
    check("PEN-PROC-035", refused, "fail", "听证主持人未在笔录中注明")
    noted = pen(
        documents=_with_record(party_signed=False, party_refused=True, refusal_noted=True),
        **hearing,
    )
    check("PEN-PROC-035", noted, "pass")
    unknown = pen(documents=_with_record(), **hearing)
    check("PEN-PROC-035", unknown, "needs_review", "是否经当事人或其代理人核对")


def test_035_pre_2021_unnoted_refusal_needs_review() -> None:
    # The refusal note is new in the 2021 Law (2017 第四十二条第一款第（七）项 had none).
    case = pen(
        hearing=_held(date=date(2021, 3, 1), record="D18"),
        documents=_with_record(
            date=date(2021, 3, 1), party_signed=False, party_refused=True, refusal_noted=False
        ),
    )
    check("PEN-PROC-035", case, "needs_review", "拒绝签字")


def test_035_left_to_other_rules() -> None:
    # No hearing record at all: TS-REC-001 reports it.
    check("PEN-PROC-035", pen(hearing=_held()), "not_applicable", "TS-REC-001")
    # A hearing record an evidence item relies on: PEN-EVID-002 checks its signature.
    evidence = [
        *[
            {"id": e.id, "type": e.type, "name": e.name, "document": e.document}
            for e in make_case("penalty").evidence
        ],
        {"id": "E6", "type": "party_statement", "name": "听证笔录", "document": "D18"},
    ]
    relied = pen(
        hearing=_held(record="D18"), documents=_with_record(party_signed=False), evidence=evidence
    )
    check("PEN-PROC-035", relied, "not_applicable", "PEN-EVID-002")
    absent = pen(
        hearing=_held(party_attended=False, record="D18"),
        documents=_with_record(party_signed=False),
    )
    check("PEN-PROC-035", absent, "not_applicable")


# ---------------------------------------------------------------------------------------------
# PEN-PROC-036 告知权利
# ---------------------------------------------------------------------------------------------


def test_036_first_collection_without_rights_told() -> None:
    case = pen(documents__1__rights_told=False)
    check("PEN-PROC-036", case, "fail", "首次向当事人收集证据的检查笔录（卷内第2页）（2025-03-03）")
    # Only the first record counts: a later inquiry without the flag set to true passes.
    check("PEN-PROC-036", pen(documents__2__rights_told=False), "pass")
    check("PEN-PROC-036", pen(), "pass")


def test_036_flag_not_recorded_is_not_judged() -> None:
    case = pen(documents__1__rights_told=DELETE, documents__2__rights_told=DELETE)
    check("PEN-PROC-036", case, "not_applicable", "未记载")
    # The first record is judged even if a later one records the flag.
    check("PEN-PROC-036", pen(documents__1__rights_told=DELETE), "not_applicable")


def test_036_witness_records_and_sector_switch() -> None:
    parties = [
        *[{"id": p.id, "type": p.type, "name": p.name} for p in make_case("penalty").parties],
        {"id": "P2", "type": "natural_person", "name": "证人甲", "role": "witness"},
    ]
    witness_first = pen(
        parties=parties,
        documents__1__party="P2",
        documents__1__rights_told=False,
    )
    check("PEN-PROC-036", witness_first, "pass")  # the inquiry of the party (D03) is first
    off = {"default": False}
    check(
        "PEN-PROC-036",
        pen(documents__1__rights_told=False),
        "not_applicable",
        investigation__rights_told_required=off,
    )
    # The simple procedure carries the rights in the on-the-spot notice (PEN-PROC-006).
    check("PEN-PROC-036", simple(documents__0__rights_told=False), "not_applicable")


def test_036_seizure_on_site_record() -> None:
    seizure = _seizure(on_site_record="D02")
    told = pen(compulsory_measures=[seizure])
    check("PEN-PROC-036", told, "pass")
    silent = pen(compulsory_measures=[seizure], documents__1__rights_told=False)
    findings = run("PEN-PROC-036", silent)
    assert_outcome(findings, "fail", contains="2025-03-03实施的扣押的检查笔录（卷内第2页）")
    assert any("救济途径" in f.message for f in findings)
    # 先行登记保存 is not a 行政强制措施: only the first-collection part applies to it.
    preserved = pen(
        compulsory_measures=[_measure(on_site_record="D03")], documents__2__rights_told=False
    )
    check("PEN-PROC-036", preserved, "pass")


# ---------------------------------------------------------------------------------------------
# PEN-PROC-037 / 038 加处罚款、申请法院强制执行
# ---------------------------------------------------------------------------------------------


def _overdue(surcharge: float, completed: date, **more: Any) -> CaseFile:
    # Decision served Thu 3 Apr 2025: 15 days end Fri 18 Apr.
    return pen(
        execution__surcharge=surcharge,
        execution__completed_date=completed,
        execution__payments__0__date=completed,
        closing__event_date=completed,
        closing__date=completed,
        **more,
    )


def test_037_surcharge_capped_at_the_fine() -> None:
    case = _overdue(60000, date(2025, 12, 1))
    check("PEN-PROC-037", case, "fail", "加处罚款60000元超过罚款数额50000元")


def test_037_surcharge_rate() -> None:
    # Paid Wed 23 Apr: at most 5 days overdue → 3% × 50,000 × 5 = 7,500 yuan.
    check("PEN-PROC-037", _overdue(7500, date(2025, 4, 23)), "pass")
    check("PEN-PROC-037", _overdue(9000, date(2025, 4, 23)), "fail", "至多加处7500元")


def test_037_deadline_moves_off_a_holiday() -> None:
    # Served Fri 19 Sep 2025: 15 days end Sat 4 Oct, inside National Day → Thu 9 Oct.
    # Paid Fri 10 Oct: 1 day overdue at most (1,500 yuan).
    served = {"services__1__date": date(2025, 9, 19), "decision__date": date(2025, 9, 18)}
    check("PEN-PROC-037", _overdue(1500, date(2025, 10, 10), **served), "pass")
    check("PEN-PROC-037", _overdue(3000, date(2025, 10, 10), **served), "fail", "截止2025-10-09")


def test_037_surcharge_without_delay_and_undecidable_cases() -> None:
    check("PEN-PROC-037", _overdue(500, date(2025, 4, 10)), "fail", "未逾期却加处罚款")
    deferral = _overdue(500, date(2025, 6, 10), execution__deferral={"approver": "O3"})
    check("PEN-PROC-037", deferral, "needs_review", "延期或者分期缴纳")
    unserved = _overdue(500, date(2025, 6, 10), services=[make_case("penalty").services[0]])
    check("PEN-PROC-037", unserved, "needs_review", "送达日期")
    check("PEN-PROC-037", pen(), "not_applicable")


def _enforced(demand: date | None, applied: date, **more: Any) -> CaseFile:
    fields: dict[str, Any] = {
        "execution__payments": [],
        "execution__completed_date": DELETE,
        "execution__court_application_date": applied,
        "closing": DELETE,
        **more,
    }
    if demand is not None:
        fields["execution__demand_notice_date"] = demand
    return pen(**fields)


def test_038_demand_notice_period_across_national_day() -> None:
    # Decision served 3 Apr 2025: remedy periods end 3 Oct (a holiday) → Thu 9 Oct.
    # Demand served Fri 26 Sep: 10 WD count Sun 28 Sep (make-up), 29, 30 Sep, 9, 10, Sat 11 Oct
    # (make-up), 13, 14, 15, 16 Oct → the application must come after Thu 16 Oct.
    check("PEN-PROC-038", _enforced(date(2025, 9, 26), date(2025, 10, 17)), "pass")
    early = _enforced(date(2025, 9, 26), date(2025, 10, 16))
    check("PEN-PROC-038", early, "fail", "十个工作日至2025-10-16届满")


def test_038_no_demand_notice() -> None:
    check("PEN-PROC-038", _enforced(None, date(2025, 10, 20)), "fail", "未见催告")
    docs = [
        *[{"id": d.id, "type": d.type} for d in make_case("penalty").documents],
        {"id": "D18", "type": "demand_notice"},
    ]
    undated = _enforced(None, date(2025, 10, 20), documents=docs)
    check("PEN-PROC-038", undated, "needs_review", "未记载送达日期")


def test_038_application_before_the_remedy_periods_ran_out() -> None:
    case = _enforced(date(2025, 8, 1), date(2025, 9, 1))
    check("PEN-PROC-038", case, "fail", "至2025-10-09届满")
    docs = [
        *[{"id": d.id, "type": d.type} for d in make_case("penalty").documents],
        {"id": "D18", "type": "other", "title": "行政复议决定书"},
    ]
    reviewed = _enforced(date(2025, 8, 1), date(2025, 9, 1), documents=docs)
    check("PEN-PROC-038", reviewed, "needs_review", "复议或诉讼文书")


def test_038_application_more_than_three_months_late() -> None:
    # Window ends 9 Oct 2025 + 3 months = Fri 9 Jan 2026.
    check("PEN-PROC-038", _enforced(date(2025, 12, 1), date(2026, 1, 9)), "pass")
    late = _enforced(date(2025, 12, 1), date(2026, 1, 12))
    check("PEN-PROC-038", late, "fail", "超过三个月")
    untold = _enforced(date(2025, 12, 1), date(2026, 1, 12), decision__remedy=DELETE)
    check("PEN-PROC-038", untold, "needs_review", "可能延至一年")
    deferred = _enforced(
        date(2025, 12, 1), date(2026, 1, 12), execution__deferral={"approver": "O3"}
    )
    check("PEN-PROC-038", deferred, "needs_review", "延期缴纳")
    check("PEN-PROC-038", pen(), "not_applicable")
