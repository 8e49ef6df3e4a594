"""Tests of the `discretion` rubric plugin (裁量): every rule broken and satisfied."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from casefile_eval.testing import DELETE, assert_outcome, evaluator, make_case, outcome, run_rule
from casefile_eval_rubrics import discretion
from casefile_eval_rubrics.discretion import (
    _age_on,
    benchmark_cited,
    discretion_appropriate,
    education_recorded,
    ground_cited,
    mandatory_mitigation_applied,
    no_penalty_conditions,
    reasons_stated,
    reduction_matches_level,
)

SAMPLE = Path(__file__).resolve().parents[2] / "sample_cases" / "pen-scjg-001-clean.json"
FIRST_OFFENCE = "《中华人民共和国行政处罚法》第三十三条第一款"


def no_penalty(**overrides: Any) -> dict[str, Any]:
    """Overrides turning the general base case into a 首违不罚 decision."""
    base: dict[str, Any] = {
        "decision.outcome": "no_penalty",
        "decision.penalties": [],
        "decision.penalty_range_min": DELETE,
        "decision.penalty_range_max": DELETE,
        "decision.discretion": {
            "level": "none",
            "circumstances": ["first_offence"],
            "reasons": "当事人初次违法，危害后果轻微，当日即改正，依法不予处罚。",
            "ground": FIRST_OFFENCE,
        },
    }
    base.update(overrides)
    return base


# --------------------------------------------------------------------------- plugin level


def test_plugin_declares_rules_and_parameters() -> None:
    rules = discretion.casefile_eval_rules()
    assert [r.id for r in rules] == [f"PEN-DISC-{n:03d}" for n in range(1, 9)]
    for r in rules:
        assert r.category == "discretion"
        assert r.dimension == "merits"
        assert r.applies_to.kinds == frozenset({"penalty"})
        assert not r.veto
        assert r.legal_basis and r.recommendation and r.notes and r.example
    assert [r.id for r in rules if r.manual] == ["PEN-DISC-008"]
    (param,) = discretion.casefile_eval_parameters()
    assert param.name == "discretion.benchmark_required"
    assert param.default is True
    for ok in (True, False, {"default": True, "urban_management": False}):
        jsonschema.validate(ok, param.schema)
    for bad in ("yes", {"urban_management": False}, {"default": True, "mars": False}):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(bad, param.schema)


@pytest.mark.parametrize("base", ["penalty", "penalty_simple"])
def test_clean_bases_have_no_fail_or_error(base: str) -> None:
    case = make_case(base)
    for r in discretion.RULES:
        got = outcome(run_rule(r, case))
        allowed = ("needs_review", "skipped") if r.manual else ("pass", "not_applicable", "skipped")
        assert got in allowed, (base, r.id, got)


def test_clean_sample_case_passes() -> None:
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    for r in discretion.RULES:
        if not r.manual:
            assert outcome(run_rule(r, data)) in ("pass", "not_applicable", "skipped"), r.id


def test_rules_run_inside_the_default_standard() -> None:
    ev = evaluator()
    for base in ("penalty", "penalty_simple"):
        result = ev.evaluate(make_case(base))
        mine = [f for f in result.findings if f.rule_id.startswith("PEN-DISC-")]
        assert all(f.outcome not in ("fail", "error") for f in mine), mine
    bad = ev.evaluate(make_case("penalty", {"decision.discretion.level": "ordinary"}))
    item = next(i for i in bad.score.items if i.rule_id == "PEN-DISC-003")
    assert item.outcome == "fail" and item.deduction == 3


# --------------------------------------------------------------------------- PEN-DISC-001


def test_reasons_stated_pass() -> None:
    assert_outcome(run_rule(reasons_stated, make_case("penalty")), "pass")


def test_reasons_missing_with_circumstances_fails() -> None:
    case = make_case("penalty", {"decision.discretion.reasons": DELETE})
    assert_outcome(run_rule(reasons_stated, case), "fail", contains="未说明裁量理由")


def test_fine_above_minimum_without_discretion_section_fails() -> None:
    case = make_case(
        "penalty", {"decision.discretion": DELETE, "decision.penalties.2.amount": 80000}
    )
    findings = run_rule(reasons_stated, case)
    assert_outcome(findings, "fail", contains="罚款80000元高于处罚依据规定的下限50000元")
    assert findings[0].values["处罚幅度"] == "50000元至100000元"


def test_blank_reasons_fail() -> None:
    case = make_case("penalty", {"decision.discretion.reasons": "  "})
    assert_outcome(run_rule(reasons_stated, case), "fail")


def test_minimum_fine_without_circumstances_needs_no_reasons() -> None:
    case = make_case("penalty", {"decision.discretion": DELETE})
    assert_outcome(run_rule(reasons_stated, case), "not_applicable")


def test_simple_fixed_fine_needs_no_reasons() -> None:
    assert_outcome(run_rule(reasons_stated, make_case("penalty_simple")), "not_applicable")
    ranged = make_case(
        "penalty_simple", {"decision.penalty_range_min": 50, "decision.penalty_range_max": 200}
    )
    assert_outcome(run_rule(reasons_stated, ranged), "fail", contains="罚款100元高于")


# --------------------------------------------------------------------------- PEN-DISC-002


def test_ground_cited_pass() -> None:
    assert_outcome(run_rule(ground_cited, make_case("penalty")), "pass")


def test_ground_missing_fails() -> None:
    case = make_case("penalty", {"decision.discretion.ground": DELETE})
    assert_outcome(run_rule(ground_cited, case), "fail", contains="未援引从轻处罚的法律依据")


def test_ground_without_article_fails() -> None:
    case = make_case("penalty", {"decision.discretion.ground": "依法从轻处罚"})
    assert_outcome(run_rule(ground_cited, case), "fail", contains="未引用到具体条文")


def test_lighter_citing_no_penalty_article_fails() -> None:
    case = make_case("penalty", {"decision.discretion.ground": FIRST_OFFENCE})
    assert_outcome(run_rule(ground_cited, case), "fail", contains="不对应")


def test_unrelated_penalty_law_article_needs_review() -> None:
    case = make_case(
        "penalty", {"decision.discretion.ground": "《中华人民共和国行政处罚法》第三十四条"}
    )
    assert_outcome(run_rule(ground_cited, case), "needs_review", contains="第三十四条")


def test_other_instrument_as_ground_passes() -> None:
    case = make_case(
        "penalty",
        {"decision.discretion.ground": "《浙江省食品小作坊小餐饮店小食杂店管理办法》第三十条"},
    )
    assert_outcome(run_rule(ground_cited, case), "pass")


def test_pre_2021_decision_only_needs_a_ground() -> None:
    case = make_case(
        "penalty",
        {"decision.discretion.ground": "《中华人民共和国行政处罚法》第二十七条第一款第（一）项"},
    )
    assert_outcome(run_rule(ground_cited, case), "needs_review")
    old = make_case(
        "penalty",
        {
            "decision.discretion.ground": "《中华人民共和国行政处罚法》第二十七条第一款第（一）项",
            "decision.date": dt.date(2021, 5, 6),
        },
    )
    assert_outcome(run_rule(ground_cited, old), "pass")


def test_no_penalty_with_ground_passes() -> None:
    assert_outcome(run_rule(ground_cited, make_case("penalty", no_penalty())), "pass")


def test_no_penalty_ground_read_from_penalty_provisions() -> None:
    case = make_case(
        "penalty",
        no_penalty(
            **{
                "decision.discretion": DELETE,
                "decision.penalty_provisions": [FIRST_OFFENCE],
            }
        ),
    )
    assert_outcome(run_rule(ground_cited, case), "pass")


def test_no_penalty_citing_only_the_sector_penalty_article_fails() -> None:
    # The base case's penalty provision (食品安全法第一百二十四条) is no ground for not penalising.
    case = make_case("penalty", no_penalty(**{"decision.discretion": DELETE}))
    assert_outcome(run_rule(ground_cited, case), "fail", contains="未援引不予处罚的法律依据")


def test_no_penalty_citing_mitigation_article_fails() -> None:
    case = make_case(
        "penalty",
        no_penalty(
            **{"decision.discretion.ground": "《中华人民共和国行政处罚法》第三十二条第（一）项"}
        ),
    )
    assert_outcome(run_rule(ground_cited, case), "fail", contains="从轻、减轻处罚")


def test_ordinary_penalty_needs_no_ground() -> None:
    case = make_case("penalty", {"decision.discretion.level": "ordinary"})
    assert_outcome(run_rule(ground_cited, case), "not_applicable")


# --------------------------------------------------------------------------- PEN-DISC-003


def test_mitigation_applied_pass() -> None:
    assert_outcome(run_rule(mandatory_mitigation_applied, make_case("penalty")), "pass")


def test_mitigation_not_applied_fails() -> None:
    case = make_case("penalty", {"decision.discretion.level": "ordinary"})
    findings = run_rule(mandatory_mitigation_applied, case)
    assert_outcome(findings, "fail", contains="主动消除或者减轻违法行为危害后果")
    assert findings[0].values["裁量阶次"] == "一般处罚"


def test_mitigation_level_unknown_needs_review() -> None:
    case = make_case("penalty", {"decision.discretion.level": DELETE})
    assert_outcome(
        run_rule(mandatory_mitigation_applied, case), "needs_review", contains="未记载裁量阶次"
    )


def test_mitigation_against_aggravation_needs_review() -> None:
    case = make_case(
        "penalty",
        {
            "decision.discretion.level": "ordinary",
            "decision.discretion.circumstances": ["eliminated_harm", "repeat_offence"],
        },
    )
    assert_outcome(
        run_rule(mandatory_mitigation_applied, case), "needs_review", contains="多次违法"
    )


def test_minor_computed_from_birth_date_fails() -> None:
    case = make_case(
        "penalty_simple",
        {"parties.0.birth_date": dt.date(2009, 1, 1), "decision.discretion": {"level": "ordinary"}},
    )
    assert_outcome(
        run_rule(mandatory_mitigation_applied, case),
        "fail",
        contains="违法行为发生日2025-06-10时16周岁",
    )


def test_minor_with_lighter_penalty_passes() -> None:
    case = make_case(
        "penalty_simple",
        {"parties.0.birth_date": dt.date(2009, 1, 1), "decision.discretion": {"level": "lighter"}},
    )
    assert_outcome(run_rule(mandatory_mitigation_applied, case), "pass")


def test_minor_age_from_decision_date_when_violation_undated() -> None:
    case = make_case(
        "penalty_simple",
        {
            "parties.0.birth_date": dt.date(2009, 1, 1),
            "violation.start_date": DELETE,
            "violation.end_date": DELETE,
            "decision.discretion": {"level": "ordinary"},
        },
    )
    assert_outcome(run_rule(mandatory_mitigation_applied, case), "fail", contains="决定日")


def test_under_14_penalised_fails() -> None:
    case = make_case("penalty_simple", {"parties.0.birth_date": dt.date(2012, 1, 1)})
    assert_outcome(run_rule(mandatory_mitigation_applied, case), "fail", contains="不满十四周岁")


@pytest.mark.parametrize(
    ("birth", "expected"),
    [
        # 已满十四周岁 starts the day after the 14th birthday.
        (dt.date(2011, 6, 10), "不满十四周岁"),
        (dt.date(2011, 6, 9), "已满十四周岁不满十八周岁"),
        # On the 18th birthday the party is still a minor; the day after, an adult.
        (dt.date(2007, 6, 10), "已满十四周岁不满十八周岁"),
        (dt.date(2007, 6, 9), None),
    ],
)
def test_age_boundaries(birth: dt.date, expected: str | None) -> None:
    case = make_case(
        "penalty_simple",
        {"parties.0.birth_date": birth, "decision.discretion": {"level": "ordinary"}},
    )
    findings = run_rule(mandatory_mitigation_applied, case)
    if expected is None:
        assert_outcome(findings, "not_applicable")
    else:
        assert_outcome(findings, "fail", contains=expected)


def test_age_on_leap_day_birth() -> None:
    born = dt.date(2008, 2, 29)
    assert _age_on(born, dt.date(2026, 2, 28)) == 17
    assert _age_on(born, dt.date(2026, 3, 1)) == 18
    assert _age_on(born, dt.date(2024, 2, 29)) == 15  # the birthday itself does not count
    assert _age_on(born, dt.date(2024, 3, 1)) == 16


def test_minor_and_corrected_penalised_fails() -> None:
    case = make_case("penalty", {"decision.discretion.circumstances": ["minor_and_corrected"]})
    assert_outcome(
        run_rule(mandatory_mitigation_applied, case), "fail", contains="应当不予行政处罚"
    )


def test_no_fault_penalised_needs_review() -> None:
    case = make_case("penalty", {"decision.discretion.circumstances": ["no_fault"]})
    assert_outcome(
        run_rule(mandatory_mitigation_applied, case), "needs_review", contains="没有主观过错"
    )


def test_may_circumstances_are_not_mandatory() -> None:
    case = make_case(
        "penalty",
        {
            "decision.discretion.circumstances": ["limited_capacity"],
            "decision.discretion.level": "ordinary",
        },
    )
    assert_outcome(run_rule(mandatory_mitigation_applied, case), "not_applicable")


# --------------------------------------------------------------------------- PEN-DISC-004


def test_lighter_within_range_passes() -> None:
    assert_outcome(run_rule(reduction_matches_level, make_case("penalty")), "pass")


def test_lighter_below_minimum_left_to_legal_basis() -> None:
    # Scored once, as a fine outside the statutory range, by PEN-LAW-008.
    case = make_case("penalty", {"decision.penalties.2.amount": 30000})
    assert_outcome(
        run_rule(reduction_matches_level, case), "not_applicable", contains="PEN-LAW-008"
    )
    assert_outcome(run_rule("PEN-LAW-008", case), "fail")


def test_reduced_above_minimum_fails() -> None:
    case = make_case(
        "penalty", {"decision.discretion.level": "reduced", "decision.penalties.2.amount": 60000}
    )
    assert_outcome(run_rule(reduction_matches_level, case), "fail", contains="法定最低限以下")


def test_reduced_below_minimum_passes() -> None:
    case = make_case(
        "penalty", {"decision.discretion.level": "reduced", "decision.penalties.2.amount": 25000}
    )
    assert_outcome(run_rule(reduction_matches_level, case), "pass")


def test_reduced_at_minimum_needs_review() -> None:
    case = make_case("penalty", {"decision.discretion.level": "reduced"})
    assert_outcome(run_rule(reduction_matches_level, case), "needs_review", contains="处罚种类")


def test_lighter_above_maximum_left_to_legal_basis() -> None:
    case = make_case("penalty", {"decision.penalties.2.amount": 150000})
    assert_outcome(run_rule(reduction_matches_level, case), "pass")


def test_reduction_without_range_not_applicable() -> None:
    case = make_case("penalty", {"decision.penalty_range_min": DELETE})
    assert_outcome(run_rule(reduction_matches_level, case), "not_applicable")


# --------------------------------------------------------------------------- PEN-DISC-005


def test_first_offence_conditions_met_pass() -> None:
    assert_outcome(run_rule(no_penalty_conditions, make_case("penalty", no_penalty())), "pass")


def test_not_a_first_offence_fails() -> None:
    case = make_case("penalty", no_penalty(**{"violation.prior_violations": 2}))
    assert_outcome(run_rule(no_penalty_conditions, case), "fail", contains="此前已有2次同类违法")


def test_not_corrected_fails() -> None:
    case = make_case("penalty", no_penalty(**{"violation.corrected": False}))
    assert_outcome(run_rule(no_penalty_conditions, case), "fail", contains="未改正")


def test_corrected_after_decision_fails() -> None:
    case = make_case("penalty", no_penalty(**{"violation.corrected_date": dt.date(2025, 4, 10)}))
    assert_outcome(run_rule(no_penalty_conditions, case), "fail", contains="不属于及时改正")


def test_first_offence_unknown_history_needs_review() -> None:
    case = make_case("penalty", no_penalty(**{"violation.prior_violations": DELETE}))
    assert_outcome(run_rule(no_penalty_conditions, case), "needs_review", contains="是否初次违法")


def test_first_offence_with_harm_needs_review() -> None:
    case = make_case("penalty", no_penalty(**{"violation.harmful_consequences": True}))
    assert_outcome(run_rule(no_penalty_conditions, case), "needs_review", contains="是否轻微")


def test_minor_and_corrected_with_harm_fails() -> None:
    case = make_case(
        "penalty",
        no_penalty(
            **{
                "decision.discretion.circumstances": ["minor_and_corrected"],
                "violation.harmful_consequences": True,
            }
        ),
    )
    assert_outcome(run_rule(no_penalty_conditions, case), "fail", contains="已造成危害后果")


def test_ground_alone_tries_both_alternatives() -> None:
    # Cited 第三十三条第一款 without naming the circumstance: 首违不罚 fails (prior violation),
    # 轻微不罚 holds (no harm, corrected).
    case = make_case(
        "penalty",
        no_penalty(**{"decision.discretion.circumstances": [], "violation.prior_violations": 1}),
    )
    assert_outcome(run_rule(no_penalty_conditions, case), "pass")
    harmed = make_case(
        "penalty",
        no_penalty(
            **{
                "decision.discretion.circumstances": [],
                "violation.prior_violations": 1,
                "violation.harmful_consequences": True,
            }
        ),
    )
    assert_outcome(run_rule(no_penalty_conditions, harmed), "fail", contains="初次违法")


def test_other_no_penalty_grounds_not_applicable() -> None:
    case = make_case(
        "penalty",
        no_penalty(
            **{
                "decision.discretion.circumstances": ["no_fault"],
                "decision.discretion.ground": "《中华人民共和国行政处罚法》第三十三条第二款",
            }
        ),
    )
    assert_outcome(run_rule(no_penalty_conditions, case), "not_applicable")


def test_no_penalty_rules_skip_penalty_decisions() -> None:
    assert outcome(run_rule(no_penalty_conditions, make_case("penalty"))) == "skipped"
    assert outcome(run_rule(education_recorded, make_case("penalty"))) == "skipped"


# --------------------------------------------------------------------------- PEN-DISC-006


def test_education_missing_needs_review() -> None:
    case = make_case("penalty", no_penalty())
    assert_outcome(run_rule(education_recorded, case), "needs_review", contains="教育")


def test_education_document_passes() -> None:
    case = make_case(
        "penalty",
        no_penalty(
            **{
                "documents.16": {
                    "id": "D17",
                    "type": "other",
                    "title": "行政处罚教育告诫书",
                    "date": "2025-04-02",
                    "party": "P1",
                }
            }
        ),
    )
    assert_outcome(run_rule(education_recorded, case), "pass")


def test_education_field_decides() -> None:
    done = make_case("penalty", no_penalty(**{"decision.education_recorded": True}))
    assert_outcome(run_rule(education_recorded, done), "pass")
    not_done = make_case("penalty", no_penalty(**{"decision.education_recorded": False}))
    assert_outcome(run_rule(education_recorded, not_done), "fail", contains="未对当事人进行教育")


# --------------------------------------------------------------------------- PEN-DISC-007


def test_benchmark_cited_pass() -> None:
    assert_outcome(run_rule(benchmark_cited, make_case("penalty")), "pass")


def test_benchmark_missing_fails() -> None:
    case = make_case("penalty", {"decision.discretion.benchmark": DELETE})
    assert_outcome(
        run_rule(benchmark_cited, case),
        "fail",
        contains="罚款幅度为50000元至100000元，罚款50000元，决定书未载明适用的裁量基准",
    )


def test_benchmark_missing_without_discretion_section_fails() -> None:
    case = make_case("penalty", {"decision.discretion": DELETE})
    assert_outcome(run_rule(benchmark_cited, case), "fail")


def test_benchmark_not_required_by_standard() -> None:
    case = make_case("penalty", {"decision.discretion.benchmark": DELETE})
    findings = run_rule(benchmark_cited, case, parameters={"discretion.benchmark_required": False})
    assert_outcome(findings, "not_applicable", contains="不要求")


def test_benchmark_requirement_per_sector() -> None:
    case = make_case("penalty", {"decision.discretion.benchmark": DELETE})
    table = {"default": True, "market_regulation": False}
    findings = run_rule(benchmark_cited, case, parameters={"discretion.benchmark_required": table})
    assert_outcome(findings, "not_applicable")
    other = {"default": False, "urban_management": True}
    findings = run_rule(benchmark_cited, case, parameters={"discretion.benchmark_required": other})
    assert_outcome(findings, "not_applicable")
    strict = {"default": True, "urban_management": False}
    findings = run_rule(benchmark_cited, case, parameters={"discretion.benchmark_required": strict})
    assert_outcome(findings, "fail")


def test_fixed_small_fine_needs_no_benchmark() -> None:
    assert_outcome(run_rule(benchmark_cited, make_case("penalty_simple")), "not_applicable")


# --------------------------------------------------------------------------- PEN-DISC-008


def test_appropriateness_shows_what_the_machine_saw() -> None:
    findings = run_rule(discretion_appropriate, make_case("penalty"))
    assert_outcome(findings, "needs_review", contains="处罚幅度：50000元至100000元")
    values = findings[0].values
    assert values["裁量阶次"] == "从轻处罚"
    assert values["违法所得"] == "320元"
    assert "罚款50000元" in values["处罚内容"]


def test_appropriateness_for_no_penalty_decision() -> None:
    findings = run_rule(discretion_appropriate, make_case("penalty", no_penalty()))
    assert_outcome(findings, "needs_review", contains="不予行政处罚")


def test_appropriateness_skips_simple_procedure() -> None:
    assert outcome(run_rule(discretion_appropriate, make_case("penalty_simple"))) == "skipped"


# --------------------------------------------------------------------------- review fixes

PRE_2021 = dt.date(2021, 5, 6)


def _mitigation(circumstances: list[str], day: dt.date, level: str = "ordinary") -> Any:
    return make_case(
        "penalty",
        {
            "decision.date": day,
            "decision.discretion.circumstances": circumstances,
            "decision.discretion.level": level,
        },
    )


def test_mitigation_rule_has_no_in_force_limit_and_cites_both_versions() -> None:
    assert mandatory_mitigation_applied.in_force_from is None
    basis = mandatory_mitigation_applied.legal_basis
    assert "《中华人民共和国行政处罚法》（2017年修正）第二十七条第一款" in basis
    assert "《中华人民共和国行政处罚法》（2017年修正）第二十五条" in basis


def test_mitigation_finding_names_the_2021_article() -> None:
    findings = run_rule(
        mandatory_mitigation_applied, _mitigation(["eliminated_harm"], dt.date(2025, 4, 2))
    )
    assert_outcome(findings, "fail", contains="《中华人民共和国行政处罚法》第三十二条第（一）项")
    assert findings[0].values["法律依据"] == ["《中华人民共和国行政处罚法》第三十二条第（一）项"]


def test_pre_2021_mitigation_judged_by_2017_text() -> None:
    findings = run_rule(mandatory_mitigation_applied, _mitigation(["eliminated_harm"], PRE_2021))
    assert_outcome(
        findings,
        "fail",
        contains="《中华人民共和国行政处罚法》（2017年修正）第二十七条第一款第（一）项",
    )
    applied = _mitigation(["eliminated_harm"], PRE_2021, level="lighter")
    assert_outcome(run_rule(mandatory_mitigation_applied, applied), "pass")


@pytest.mark.parametrize(
    ("day", "expected"),
    [(dt.date(2021, 7, 14), "not_applicable"), (dt.date(2021, 7, 15), "fail")],
)
def test_voluntary_confession_mandatory_only_under_2021_law(day: dt.date, expected: str) -> None:
    # 主动供述 became a mandatory ground in 2021 (第三十二条第（三）项); 2017 第二十七条 lacks it.
    findings = run_rule(mandatory_mitigation_applied, _mitigation(["voluntary_confession"], day))
    assert_outcome(findings, expected)


def test_pre_2021_coercion_or_deception_needs_review() -> None:
    findings = run_rule(
        mandatory_mitigation_applied, _mitigation(["coerced_or_deceived"], PRE_2021)
    )
    assert_outcome(findings, "needs_review", contains="请核实属于胁迫还是诱骗")
    new = _mitigation(["coerced_or_deceived"], dt.date(2025, 4, 2))
    assert_outcome(run_rule(mandatory_mitigation_applied, new), "fail")


def test_pre_2021_minor_and_corrected_and_under_14_fail_with_2017_articles() -> None:
    findings = run_rule(
        mandatory_mitigation_applied, _mitigation(["minor_and_corrected"], PRE_2021)
    )
    assert_outcome(findings, "fail", contains="依法应当不予行政处罚")
    assert findings[0].values["法律依据"].endswith("（2017年修正）第二十七条第二款")
    child = make_case(
        "penalty_simple",
        {
            "parties.0.birth_date": dt.date(2008, 1, 1),
            "violation.start_date": dt.date(2021, 6, 10),
            "violation.end_date": dt.date(2021, 6, 10),
            "decision.date": dt.date(2021, 6, 10),
        },
    )
    findings = run_rule(mandatory_mitigation_applied, child)
    assert_outcome(findings, "fail", contains="不满十四周岁")
    assert findings[0].values["法律依据"].endswith("（2017年修正）第二十五条")


def test_pre_2021_no_fault_is_not_a_statutory_ground() -> None:
    findings = run_rule(mandatory_mitigation_applied, _mitigation(["no_fault"], PRE_2021))
    assert_outcome(findings, "not_applicable")


def test_benchmark_rule_starts_with_state_council_opinion_27() -> None:
    assert benchmark_cited.in_force_from == dt.date(2022, 7, 29)
    case = make_case(
        "penalty", {"decision.discretion.benchmark": DELETE, "decision.date": dt.date(2022, 7, 28)}
    )
    assert outcome(run_rule(benchmark_cited, case)) == "skipped"
    on_day = make_case(
        "penalty", {"decision.discretion.benchmark": DELETE, "decision.date": dt.date(2022, 7, 29)}
    )
    assert_outcome(run_rule(benchmark_cited, on_day), "fail")


@pytest.mark.parametrize(
    ("overrides", "failing"),
    [
        ({"decision.discretion.reasons": DELETE, "decision.discretion.benchmark": DELETE},
         {"PEN-DISC-001", "PEN-DISC-007"}),
        ({"decision.discretion.benchmark": DELETE}, {"PEN-DISC-007"}),
        ({"decision.discretion.reasons": DELETE}, {"PEN-DISC-001"}),
    ],
)  # fmt: skip
def test_reasons_and_benchmark_are_separate_deductions(
    overrides: dict[str, Any], failing: set[str]
) -> None:
    # Intended (legal review §3.9): reasons for the amount and the benchmark applied are two
    # different omissions; each rule fails only on its own.
    result = evaluator().evaluate(make_case("penalty", overrides))
    failed = {
        i.rule_id
        for i in result.score.items
        if i.rule_id.startswith("PEN-DISC-") and i.outcome == "fail"
    }
    assert failed == failing
    discretion_points = next(c for c in result.score.categories if c.key == "discretion")
    expected = {"PEN-DISC-001": 2, "PEN-DISC-007": 1}
    assert discretion_points.deduction == sum(expected[r] for r in failing)


@pytest.mark.parametrize("path", sorted(SAMPLE.parent.glob("*clean*.json")), ids=lambda p: p.name)
def test_clean_sample_files_give_no_fail_or_error(path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    for r in discretion.RULES:
        assert outcome(run_rule(r, data)) not in ("fail", "error"), (path.name, r.id)
