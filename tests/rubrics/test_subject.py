"""Tests of the `subject` rubric plugin (执法主体): every rule broken and satisfied."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from casefile_eval.testing import (
    DELETE,
    assert_outcome,
    base_dict,
    evaluator,
    make_case,
    outcome,
    run_rule,
)
from casefile_eval_rubrics import subject
from casefile_eval_rubrics.subject import (
    agency_has_power,
    certificates_shown,
    entrusted_acts_in_entrusting_name,
    entrustment_published,
    jurisdiction_established,
    officers_certified,
    party_identified,
    recusal_handled,
    right_party,
    township_has_transfer,
    two_officers,
)

SAMPLE = Path(__file__).resolve().parents[2] / "sample_cases" / "pen-scjg-001-clean.json"

ENTRUSTED = "杭州市西湖区市场监管综合执法队"
ENTRUSTING = "杭州市西湖区市场监督管理局"


def entrusted(**overrides: Any) -> dict[str, Any]:
    """Overrides turning the general base case into a lawful entrusted-organisation case."""
    base: dict[str, Any] = {
        "agency.name": ENTRUSTED,
        "agency.subject_type": "entrusted",
        "agency.entrustment": {
            "document_no": "杭西市监委〔2024〕1号",
            "entrusting_agency": ENTRUSTING,
            "matters": "食品安全领域行政处罚",
            "term_start": "2024-01-01",
            "term_end": "2026-12-31",
            "published": True,
        },
        "decision.issuing_agency_name": ENTRUSTING,
    }
    base.update(overrides)
    return base


# --------------------------------------------------------------------------- plugin level


def test_plugin_declares_rules_and_parameters() -> None:
    rules = subject.casefile_eval_rules()
    ids = [r.id for r in rules]
    assert ids == [f"PEN-SUBJ-{n:03d}" for n in range(1, 12)]
    for r in rules:
        # Showing certificates is a step of the procedure (domain-standards §3.1, 执法程序).
        expected = ("procedure", "quality") if r.id == "PEN-SUBJ-008" else ("subject", "merits")
        assert (r.category, r.dimension) == expected, r.id
        assert r.applies_to.kinds == frozenset({"penalty"})
        assert r.legal_basis and r.recommendation and r.notes and r.example
        assert r.citations, r.id  # every basis parses
        assert all(c.article for c in r.citations), r.id
    vetoes = {r.id for r in rules if r.veto}
    assert vetoes == {f"PEN-SUBJ-0{n:02d}" for n in (1, 2, 3, 4, 6, 7, 11)}
    assert [r.id for r in rules if r.manual] == ["PEN-SUBJ-011"]
    (param,) = subject.casefile_eval_parameters()
    assert param.name == "subject.single_officer_sectors"
    jsonschema.validate(param.default, param.schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(["mars"], param.schema)


@pytest.mark.parametrize("base", ["penalty", "penalty_simple"])
def test_clean_bases_have_no_fail_or_error(base: str) -> None:
    case = make_case(base)
    for r in subject.RULES:
        got = outcome(run_rule(r, case))
        allowed = ("needs_review",) if r.manual else ("pass", "not_applicable")
        assert got in allowed, (base, r.id, got)


def test_clean_sample_case_passes() -> None:
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    for r in subject.RULES:
        allowed = ("needs_review",) if r.manual else ("pass", "not_applicable")
        assert outcome(run_rule(r, data)) in allowed, r.id


@pytest.mark.parametrize("path", sorted(SAMPLE.parent.glob("*clean*.json")), ids=lambda p: p.name)
def test_clean_sample_files_give_no_fail_or_error(path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    for r in subject.RULES:
        assert outcome(run_rule(r, data)) not in ("fail", "error"), (path.name, r.id)


def test_no_internal_ids_in_messages_or_values() -> None:
    # Reviewers paste messages into notices: document, officer and evidence ids mean nothing there.
    case = make_case(
        "penalty",
        {
            "documents.2.officers": ["O1"],
            "documents.1.certificates_shown": False,
            "officers.1.certificate_no": DELETE,
            "agency.power_basis": [],
        },
    )
    for r in subject.RULES:
        for f in run_rule(r, case):
            text = f.message + json.dumps(f.to_dict().get("values", {}), ensure_ascii=False)
            for token in ("D0", "D1", "O1", "O2", "E1", "E2", "agency.", "power_basis"):
                assert token not in text, (r.id, token, text)


def test_rules_run_inside_the_default_standard() -> None:
    ev = evaluator()
    for base in ("penalty", "penalty_simple"):
        result = ev.evaluate(make_case(base))
        mine = [f for f in result.findings if f.rule_id.startswith("PEN-SUBJ-")]
        assert all(f.outcome not in ("fail", "error") for f in mine), mine
    bad = ev.evaluate(make_case("penalty", {"officers.1.certificate_no": DELETE}))
    assert any(v.rule_id == "PEN-SUBJ-007" for v in bad.score.vetoes)


# --------------------------------------------------------------------------- PEN-SUBJ-001


def test_power_basis_present_passes() -> None:
    assert_outcome(run_rule(agency_has_power, make_case("penalty")), "pass")


def test_power_basis_missing_needs_review() -> None:
    case = make_case("penalty", {"agency.power_basis": []})
    assert_outcome(run_rule(agency_has_power, case), "needs_review", contains="未载明")


def test_power_basis_without_article_needs_review() -> None:
    case = make_case("penalty", {"agency.power_basis": ["《中华人民共和国食品安全法》"]})
    assert_outcome(run_rule(agency_has_power, case), "needs_review", contains="具体条文")


def test_power_basis_repealed_on_decision_date_needs_review() -> None:
    case = make_case("penalty", {"agency.power_basis": ["《环境行政处罚办法》第十七条"]})
    findings = run_rule(agency_has_power, case)
    assert_outcome(findings, "needs_review", contains="不在施行期内")
    assert findings[0].values["决定日"] == dt.date(2025, 4, 2)


# --------------------------------------------------------------------------- PEN-SUBJ-002


def test_jurisdiction_confirmed_passes() -> None:
    assert_outcome(run_rule(jurisdiction_established, make_case("penalty")), "pass")


def test_jurisdiction_not_established_needs_review() -> None:
    case = make_case("penalty", {"agency.jurisdiction_confirmed": False})
    findings = run_rule(jurisdiction_established, case)
    assert_outcome(findings, "needs_review", contains="文三路100号")
    assert findings[0].values["执法机关所在行政区划"] == "浙江省杭州市西湖区"


def test_jurisdiction_unknown_needs_review() -> None:
    case = make_case("penalty", {"agency.jurisdiction_confirmed": DELETE})
    assert_outcome(run_rule(jurisdiction_established, case), "needs_review", contains="管辖")


# --------------------------------------------------------------------------- PEN-SUBJ-003

TOWNSHIP = {"agency.name": "杭州市西湖区西溪街道办事处", "agency.level": "township"}


def test_township_without_any_power_fails() -> None:
    case = make_case("penalty", {**TOWNSHIP, "agency.power_basis": []})
    assert_outcome(run_rule(township_has_transfer, case), "fail", contains="西溪街道办事处")


def test_township_recognised_by_name_when_level_missing() -> None:
    case = make_case("penalty", {**TOWNSHIP, "agency.level": DELETE, "agency.power_basis": []})
    assert_outcome(run_rule(township_has_transfer, case), "fail", contains="交由其行使")


def test_township_with_power_basis_only_needs_review() -> None:
    case = make_case("penalty", TOWNSHIP)
    assert_outcome(run_rule(township_has_transfer, case), "needs_review", contains="省级赋权决定")


def test_township_with_transfer_decision_passes() -> None:
    case = make_case(
        "penalty",
        {
            **TOWNSHIP,
            "agency.township_transfer_decision": "浙江省人民政府关于赋予乡镇行政执法权的决定",
        },
    )
    assert_outcome(run_rule(township_has_transfer, case), "pass")


def test_county_agency_is_not_township() -> None:
    assert_outcome(run_rule(township_has_transfer, make_case("penalty")), "not_applicable")


# --------------------------------------------------------------------------- PEN-SUBJ-004


def test_lawful_entrustment_passes() -> None:
    assert_outcome(
        run_rule(entrusted_acts_in_entrusting_name, make_case("penalty", entrusted())), "pass"
    )


def test_organ_is_not_entrusted() -> None:
    findings = run_rule(entrusted_acts_in_entrusting_name, make_case("penalty"))
    assert_outcome(findings, "not_applicable")


def test_entrusted_without_entrustment_fails() -> None:
    case = make_case("penalty", entrusted(**{"agency.entrustment": DELETE}))
    assert_outcome(
        run_rule(entrusted_acts_in_entrusting_name, case), "fail", contains="未附书面委托书"
    )


def test_entrusted_decision_in_own_name_fails() -> None:
    case = make_case("penalty", entrusted(**{"decision.issuing_agency_name": ENTRUSTED}))
    findings = run_rule(entrusted_acts_in_entrusting_name, case)
    assert_outcome(findings, "fail", contains="未以委托机关")
    assert "/decision/issuing_agency_name" in findings[0].pointers


def test_entrusted_decision_after_term_fails() -> None:
    case = make_case("penalty", entrusted(**{"agency.entrustment.term_end": "2025-03-31"}))
    assert_outcome(
        run_rule(entrusted_acts_in_entrusting_name, case),
        "fail",
        contains="决定日2025-04-02晚于委托期限届满日2025-03-31",
    )


def test_entrusted_filing_before_term_fails() -> None:
    case = make_case("penalty", entrusted(**{"agency.entrustment.term_start": "2025-03-06"}))
    assert_outcome(
        run_rule(entrusted_acts_in_entrusting_name, case), "fail", contains="立案日2025-03-05"
    )


def test_entrusted_body_may_not_seize() -> None:
    case = make_case(
        "penalty",
        entrusted(
            compulsory_measures=[
                {"id": "M1", "type": "seal_up", "date": "2025-03-03", "officers": ["O1", "O2"]}
            ]
        ),
    )
    assert_outcome(
        run_rule(entrusted_acts_in_entrusting_name, case), "fail", contains="行政强制措施权不得委托"
    )


def test_entrusted_advance_preservation_is_not_a_coercive_measure() -> None:
    case = make_case(
        "penalty",
        entrusted(
            compulsory_measures=[
                {
                    "id": "M1",
                    "type": "advance_preservation",
                    "date": "2025-03-03",
                    "officers": ["O1", "O2"],
                }
            ]
        ),
    )
    assert_outcome(run_rule(entrusted_acts_in_entrusting_name, case), "pass")


def test_entrusted_unknown_term_needs_review() -> None:
    case = make_case(
        "penalty",
        entrusted(
            **{"agency.entrustment.term_start": DELETE, "agency.entrustment.term_end": DELETE}
        ),
    )
    assert_outcome(
        run_rule(entrusted_acts_in_entrusting_name, case), "needs_review", contains="委托期限"
    )


# --------------------------------------------------------------------------- PEN-SUBJ-005


def test_published_entrustment_passes() -> None:
    assert_outcome(run_rule(entrustment_published, make_case("penalty", entrusted())), "pass")


def test_unpublished_entrustment_fails() -> None:
    case = make_case("penalty", entrusted(**{"agency.entrustment.published": False}))
    assert_outcome(run_rule(entrustment_published, case), "fail", contains="未向社会公布")


def test_entrustment_without_matters_fails() -> None:
    case = make_case("penalty", entrusted(**{"agency.entrustment.matters": DELETE}))
    assert_outcome(run_rule(entrustment_published, case), "fail", contains="委托事项和权限")


def test_entrustment_publication_unknown_needs_review() -> None:
    case = make_case("penalty", entrusted(**{"agency.entrustment.published": DELETE}))
    assert_outcome(run_rule(entrustment_published, case), "needs_review", contains="公布")


def test_entrustment_publication_not_applicable_to_organs() -> None:
    assert_outcome(run_rule(entrustment_published, make_case("penalty")), "not_applicable")


# --------------------------------------------------------------------------- PEN-SUBJ-006


def test_two_officers_pass() -> None:
    assert_outcome(run_rule(two_officers, make_case("penalty")), "pass")
    assert_outcome(run_rule(two_officers, make_case("penalty_simple")), "pass")


def test_record_with_one_officer_fails() -> None:
    case = make_case("penalty", {"documents.2.officers": ["O1"]})
    findings = run_rule(two_officers, case)
    assert_outcome(
        findings, "fail", contains="询问笔录（卷内第4页）（2025-03-10）仅有执法人员陈晓东一人"
    )
    assert findings[0].values["执法人员"] == ["陈晓东"]
    assert findings[0].pointers == ("/documents/2/officers",)


def test_same_officer_twice_counts_once() -> None:
    case = make_case("penalty", {"documents.1.officers": ["O1", "O1"]})
    assert_outcome(run_rule(two_officers, case), "fail", contains="检查笔录（卷内第2页）")


def test_one_finding_per_defective_record() -> None:
    case = make_case("penalty", {"documents.1.officers": ["O1"], "documents.2.officers": ["O2"]})
    findings = run_rule(two_officers, case)
    assert [f.outcome for f in findings] == ["fail", "fail"]


def test_compulsory_measure_with_one_officer_fails() -> None:
    case = make_case(
        "penalty",
        compulsory_measures=[
            {"id": "M1", "type": "impound", "date": "2025-03-03", "officers": ["O2"]}
        ],
    )
    assert_outcome(
        run_rule(two_officers, case), "fail", contains="扣押（2025-03-03）仅有执法人员刘婷一人"
    )


def test_record_without_officers_needs_review() -> None:
    case = make_case("penalty", {"documents.2.officers": []})
    assert_outcome(run_rule(two_officers, case), "needs_review", contains="未记载执法人员")


def test_on_the_spot_decision_with_one_officer_fails() -> None:
    case = make_case("penalty_simple", {"documents.1.officers": ["O1"]})
    assert_outcome(
        run_rule(two_officers, case), "fail", contains="当场行政处罚决定书（2025-06-10）"
    )


def test_single_officer_sector_goes_to_review() -> None:
    case = make_case(
        "penalty_simple", {"documents.1.officers": ["O1"], "sector": "public_security"}
    )
    assert_outcome(run_rule(two_officers, case), "needs_review", contains="公安")
    # A standard that lists no such sector makes it a plain failure.
    findings = run_rule(two_officers, case, parameters={"subject.single_officer_sectors": []})
    assert_outcome(findings, "fail")


def test_single_officer_sector_does_not_excuse_records() -> None:
    case = make_case(
        "penalty_simple", {"documents.0.officers": ["O1"], "sector": "public_security"}
    )
    assert_outcome(run_rule(two_officers, case), "fail", contains="现场笔录（2025-06-10）")


# --------------------------------------------------------------------------- PEN-SUBJ-007


def test_certified_officers_pass() -> None:
    assert_outcome(run_rule(officers_certified, make_case("penalty")), "pass")
    assert_outcome(run_rule(officers_certified, make_case("penalty_simple")), "pass")


def test_officer_without_certificate_number_fails() -> None:
    case = make_case("penalty", {"officers.1.certificate_no": DELETE})
    findings = run_rule(officers_certified, case)
    assert_outcome(findings, "fail", contains="执法人员刘婷未记载执法证件号码")
    assert findings[0].pointers == ("/officers/1/certificate_no",)


def test_expired_certificate_fails() -> None:
    case = make_case("penalty", {"officers.1.certificate_valid_until": dt.date(2025, 3, 5)})
    findings = run_rule(officers_certified, case)
    assert_outcome(findings, "fail", contains="有效期为2023-01-01至2025-03-05")
    assert "询问笔录（卷内第4页） 2025-03-10" in findings[0].values["有效期外的执法活动"]


def test_certificate_not_yet_valid_fails() -> None:
    case = make_case("penalty", {"officers.0.certificate_valid_from": dt.date(2025, 3, 4)})
    assert_outcome(
        run_rule(officers_certified, case), "fail", contains="检查笔录（卷内第2页）（2025-03-03）"
    )


def test_validity_on_last_day_passes() -> None:
    case = make_case("penalty", {"officers.1.certificate_valid_until": dt.date(2025, 3, 20)})
    assert_outcome(run_rule(officers_certified, case), "pass")


def test_evidence_collector_is_an_acting_officer() -> None:
    case = make_case(
        "penalty",
        {"evidence.3.collectors": ["O1", "O5"]},  # O5, an agency head, holds no certificate
    )
    assert_outcome(run_rule(officers_certified, case), "fail", contains="执法人员孙立未记载")


def test_reviewers_and_heads_need_no_certificate() -> None:
    case = make_case("penalty", {"officers.3.certificate_no": DELETE})  # O4, legal reviewer
    assert_outcome(run_rule(officers_certified, case), "pass")


def test_unrecorded_validity_needs_review() -> None:
    case = make_case(
        "penalty",
        {"officers.0.certificate_valid_from": DELETE, "officers.0.certificate_valid_until": DELETE},
    )
    assert_outcome(run_rule(officers_certified, case), "needs_review", contains="有效期未记载")


def test_simple_procedure_officer_without_certificate_fails() -> None:
    case = make_case("penalty_simple", {"officers.1.certificate_no": DELETE})
    assert_outcome(run_rule(officers_certified, case), "fail", contains="执法人员吴静未记载")


# --------------------------------------------------------------------------- PEN-SUBJ-008


def test_certificates_shown_pass() -> None:
    assert_outcome(run_rule(certificates_shown, make_case("penalty")), "pass")


def test_certificates_not_shown_fails() -> None:
    case = make_case("penalty", {"documents.1.certificates_shown": False})
    assert_outcome(
        run_rule(certificates_shown, case), "fail", contains="检查笔录（卷内第2页）（2025-03-03）"
    )


def test_certificates_shown_unknown_needs_review() -> None:
    case = make_case("penalty", {"documents.2.certificates_shown": DELETE})
    assert_outcome(
        run_rule(certificates_shown, case), "needs_review", contains="询问笔录（卷内第4页）"
    )


def test_on_the_spot_decision_relies_on_same_day_record() -> None:
    # The simple base's decision does not say; its on-site record of the same day does.
    assert_outcome(run_rule(certificates_shown, make_case("penalty_simple")), "pass")
    case = make_case("penalty_simple", {"documents.0.certificates_shown": DELETE})
    findings = run_rule(certificates_shown, case)
    assert_outcome(findings, "needs_review", contains="当场行政处罚决定书未记载")


# --------------------------------------------------------------------------- PEN-SUBJ-009


def test_identified_party_passes() -> None:
    assert_outcome(run_rule(party_identified, make_case("penalty")), "pass")
    assert_outcome(run_rule(party_identified, make_case("penalty_simple")), "pass")


def test_business_licence_document_is_identity_proof() -> None:
    case = make_case("penalty", {"parties.0.identity_verified": DELETE})
    assert_outcome(run_rule(party_identified, case), "pass")


def test_identity_proof_is_left_to_the_evidence_plugin() -> None:
    # PEN-EVID-010 scores a missing identity proof; this rule only needs an identifier.
    case = make_case("penalty", {"parties.0.identity_verified": False})
    assert_outcome(run_rule(party_identified, case), "pass")


def test_organisation_without_credit_code_fails() -> None:
    case = make_case("penalty", {"parties.0.credit_code": DELETE})
    assert_outcome(run_rule(party_identified, case), "fail", contains="统一社会信用代码")


def test_natural_person_without_id_number_fails() -> None:
    case = make_case("penalty_simple", {"parties.0.id_number": DELETE})
    assert_outcome(run_rule(party_identified, case), "fail", contains="身份证件号码")


# --------------------------------------------------------------------------- PEN-SUBJ-010


def test_recusal_not_on_file_not_applicable() -> None:
    assert_outcome(run_rule(recusal_handled, make_case("penalty")), "not_applicable")


def test_recusal_decided_by_head_and_respected_passes() -> None:
    case = make_case(
        "penalty",
        {
            "recusals": [
                {
                    "officer": "O2",
                    "applied_by": "P1",
                    "date": "2025-03-11",
                    "decided_by": "O3",
                    "decision_date": "2025-03-12",
                    "granted": False,
                }
            ]
        },
    )
    assert_outcome(run_rule(recusal_handled, case), "pass")


def test_recusal_undecided_or_ignored_fails() -> None:
    undecided = make_case(
        "penalty", {"recusals": [{"officer": "O2", "applied_by": "P1", "date": "2025-03-11"}]}
    )
    assert_outcome(run_rule(recusal_handled, undecided), "fail", contains="负责人")
    ignored = make_case(
        "penalty",
        {
            "recusals": [
                {
                    "officer": "O2",
                    "applied_by": "P1",
                    "date": "2025-03-06",
                    "decided_by": "O3",
                    "decision_date": "2025-03-07",
                    "granted": True,
                }
            ]
        },
    )
    assert_outcome(run_rule(recusal_handled, ignored), "fail", contains="被决定回避")


# --------------------------------------------------------------------------- review fixes


def test_entrustment_basis_cites_the_liability_item_not_the_supervision_paragraph() -> None:
    basis = entrusted_acts_in_entrusting_name.legal_basis
    assert "《中华人民共和国行政处罚法》第二十条第四款" in basis
    assert "《中华人民共和国行政处罚法》第七十六条第一款第（四）项" in basis
    assert not any("第二十条第三款" in b for b in basis)


def test_item_numbers_are_written_with_brackets() -> None:
    for r in subject.RULES:
        for b in r.legal_basis:
            assert "第二项" not in b and "第四项" not in b, (r.id, b)


HEARING_RECORD = {
    "id": "D20",
    "type": "hearing_record",
    "date": "2025-03-28",
    "page_from": 26,
    "officers": ["O4"],  # the presiding officer only
    "party": "P1",
    "party_signed": True,
}


def test_hearing_record_needs_no_second_officer() -> None:
    docs = [*base_dict("penalty")["documents"], HEARING_RECORD]
    case = make_case("penalty", {"documents": docs})
    assert_outcome(run_rule(two_officers, case), "pass")
    # ... nor an enforcement certificate (the legal reviewer O4 presides here).
    assert_outcome(
        run_rule(
            officers_certified,
            make_case("penalty", {"documents": docs, "officers.3.certificate_no": DELETE}),
        ),
        "pass",
    )


def _spot_on(day: dt.date, **extra: Any) -> dict[str, Any]:
    return {
        "documents.0.date": day,
        "documents.1.date": day,
        "documents.1.officers": ["O1"],
        "decision.date": day,
        **extra,
    }


def test_on_the_spot_decision_before_2021_law_needs_one_officer_only() -> None:
    # 2017 第三十四条 asked no second officer of an on-the-spot decision.
    case = make_case("penalty_simple", _spot_on(dt.date(2021, 7, 14)))
    assert_outcome(run_rule(two_officers, case), "pass")


def test_on_the_spot_decision_on_2021_law_day_needs_two_officers() -> None:
    case = make_case("penalty_simple", _spot_on(dt.date(2021, 7, 15)))
    assert_outcome(
        run_rule(two_officers, case), "fail", contains="当场行政处罚决定书（2021-07-15）"
    )


def test_undated_on_the_spot_decision_uses_the_decision_date() -> None:
    case = make_case(
        "penalty_simple",
        {
            "documents.0.date": dt.date(2020, 5, 6),
            "documents.1.date": DELETE,
            "documents.1.officers": ["O1"],
            "decision.date": dt.date(2020, 5, 6),
        },
    )
    assert_outcome(run_rule(two_officers, case), "pass")


def test_pre_2021_investigation_record_still_needs_two_officers() -> None:
    # 2017 第三十七条第一款 already required two officers for investigation and inspection.
    case = make_case(
        "penalty_simple", _spot_on(dt.date(2021, 7, 14), **{"documents.0.officers": ["O2"]})
    )
    assert_outcome(run_rule(two_officers, case), "fail", contains="现场笔录（2021-07-14）")


def test_pre_2021_statement_record_not_judged() -> None:
    statement = {
        "id": "D20",
        "type": "statement_record",
        "date": "2021-03-26",
        "officers": ["O1"],
        "party": "P1",
    }
    docs = [*base_dict("penalty")["documents"], statement]
    old = make_case("penalty", {"documents": docs, "decision.date": dt.date(2021, 4, 2)})
    assert_outcome(run_rule(two_officers, old), "pass")
    statement["date"] = "2025-03-26"
    new = make_case("penalty", {"documents": [*base_dict("penalty")["documents"], statement]})
    assert_outcome(run_rule(two_officers, new), "fail", contains="陈述申辩笔录（2025-03-26）")


def test_certificates_shown_scores_under_procedure_in_the_default_standard() -> None:
    result = evaluator().evaluate(make_case("penalty", {"documents.1.certificates_shown": False}))
    item = next(i for i in result.score.items if i.rule_id == "PEN-SUBJ-008")
    assert item.outcome == "fail" and item.category == "procedure"
    assert item.deduction == 1


# --------------------------------------------------------------------------- PEN-SUBJ-011


def test_right_party_is_always_a_reviewers_call() -> None:
    findings = run_rule(right_party, make_case("penalty"))
    assert_outcome(
        findings, "needs_review", contains="机器核对未发现案卷文书所列相对人与被处罚当事人不一致"
    )
    f = findings[0]
    assert (
        "杭州栖禾餐饮管理有限公司（法人，统一社会信用代码9133010674JURQ283Q，法定代表人（负责人）周明远）"
        in f.message
    )
    assert "一票否决" in f.message
    assert f.values["相对人与被处罚当事人不一致的文书"] == []


def test_right_party_lists_documents_naming_someone_else() -> None:
    other = {
        "id": "P2",
        "type": "natural_person",
        "role": "interested_party",
        "name": "周明远",
        "id_number": "330106198507152334",
    }
    case = make_case(
        "penalty",
        {"parties": [*base_dict("penalty")["parties"], other], "documents.6.party": "P2"},
    )
    findings = run_rule(right_party, case)
    assert_outcome(
        findings,
        "needs_review",
        contains="与被处罚当事人不一致的文书：行政处罚告知书（卷内第14页）所列相对人为周明远（利害关系人）",
    )
    assert "/documents/6/party" in findings[0].pointers


def test_right_party_ignores_agents_and_reports_missing_identifiers() -> None:
    agent = {"id": "P2", "type": "natural_person", "role": "agent", "name": "李某"}
    case = make_case(
        "penalty",
        {
            "parties": [*base_dict("penalty")["parties"], agent],
            "documents.2.party": "P2",
            "parties.0.credit_code": DELETE,
        },
    )
    findings = run_rule(right_party, case)
    assert_outcome(
        findings,
        "needs_review",
        contains="未记载身份证件号码或统一社会信用代码的当事人：杭州栖禾餐饮管理有限公司",
    )
    assert "李某" not in findings[0].message


def test_right_party_does_not_repeat_a_persons_id_number() -> None:
    findings = run_rule(right_party, make_case("penalty_simple"))
    assert_outcome(findings, "needs_review", contains="身份证件号码已记载")
    number = base_dict("penalty_simple")["parties"][0]["id_number"]
    assert number not in findings[0].message


def test_right_party_only_for_penalties() -> None:
    case = make_case("penalty", {"decision.outcome": "no_penalty", "decision.penalties": []})
    assert run_rule(right_party, case) == []


def test_reviewer_confirming_a_wrong_party_vetoes_the_file() -> None:
    from casefile_eval.judgements import Judgement, Judgements

    case = make_case("penalty")
    sheet = Judgements(
        by_case={case.case_id: {"PEN-SUBJ-011": Judgement(case.case_id, "PEN-SUBJ-011", "fail")}}
    )
    result = evaluator(judgements=sheet).evaluate(case)
    assert any(v.rule_id == "PEN-SUBJ-011" for v in result.score.vetoes)
    assert result.score.total == 0
