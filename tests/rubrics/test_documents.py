"""Tests for the built-in rubric plugin ``documents`` (执法文书, 案卷归档)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest

from casefile_eval.laws import DEFAULT_REGISTRY, LawVersion
from casefile_eval.loading import LoadFailure, load_dict
from casefile_eval.model import CaseFile
from casefile_eval.testing import (
    DELETE,
    assert_outcome,
    base_dict,
    context_for,
    evaluator,
    make_case,
    outcome,
    replace,
    run_rule,
)
from casefile_eval_rubrics import documents as doc

SAMPLES = Path(__file__).resolve().parents[2] / "sample_cases"

REQUIRED = doc.required_documents
NUMBERS = doc.document_numbers
NUMBER_FORM = doc.document_number_form
DATES = doc.document_dates
SEALS = doc.outward_documents_sealed
BLANKS = doc.blanks_struck
CORRECTIONS = doc.corrections_confirmed
PARTY = doc.decision_states_party
FACTS = doc.decision_states_facts
PERFORMANCE = doc.decision_states_performance
REMEDIES = doc.decision_states_remedies
REVIEW_BODY = doc.reconsideration_body
REVIEW_FIRST = doc.reconsideration_first_notice
ADOPTION = doc.decision_states_adoption
ISSUER = doc.decision_states_issuer
ONE_FILE = doc.one_case_one_file
COMPONENTS = doc.archive_components
PAGES = doc.pages_numbered
ORDER = doc.documents_in_order
BINDING = doc.binding_ok
CLOSED = doc.closed_in_time
ARCHIVED = doc.archived_in_time
PAGE_COUNT = doc.page_count

# Penalty base documents by id → index: D01 0 filing approval, D03 2 inquiry record,
# D07 6 prior notice, D08 7 receipt of the notice, D10 9 penalty decision, D11 10 receipt of
# the decision, D14 13 closing approval, D16 15 cover.
FILING, INQUIRY, NOTICE, DECISION_DOC, DECISION_RECEIPT, COVER = 0, 2, 6, 9, 10, 15


def with_documents(base: str, extra: list[dict[str, Any]], overrides: dict[str, Any]) -> CaseFile:
    """A base case with documents appended (so that new sections can reference them)."""
    docs = base_dict(base)["documents"] + extra
    return make_case(base, {"documents": docs, **overrides})


def fails(findings: list) -> list:
    return [f for f in findings if f.outcome == "fail"]


# ---------------------------------------------------------------------------------------------
# Plugin metadata and parameters
# ---------------------------------------------------------------------------------------------


def test_plugin_declares_rules_and_parameters() -> None:
    rules = doc.casefile_eval_rules()
    ids = [r.id for r in rules]
    assert len(ids) == len(set(ids)) == 23
    for r in rules:
        assert r.dimension == "quality"
        assert r.category == ("archive" if r.id.startswith("CF-ARCH") else "documents")
        assert r.legal_basis and r.recommendation and r.example and r.notes
        assert r.description, r.id
        assert not r.veto
        assert all(c.law for c in r.citations)
    names = {p.name for p in doc.casefile_eval_parameters()}
    for r in rules:
        assert set(r.parameters) <= names, r.id
    assert names == {
        "documents.required",
        "documents.outward_types",
        "documents.numbered_types",
        "documents.special_seals",
        "documents.number_date_serial_ok",
        "archive.closing_working_days",
        "archive.deadline_days",
        "archive.deadline_unit",
    }


@pytest.mark.parametrize("param", doc.PARAMETERS, ids=lambda p: p.name)
def test_parameter_defaults_match_their_schemas(param) -> None:
    jsonschema.validate(param.default, param.schema)


def test_required_schema_rejects_unknown_condition_and_type() -> None:
    schema = next(p.schema for p in doc.PARAMETERS if p.name == "documents.required")
    good = {"penalty.general": [{"types": ["filing_approval"], "when": "!hearing_held"}]}
    jsonschema.validate(good, schema)
    for bad in (
        {"penalty.general": [{"types": ["filing_approval"], "when": "sometimes"}]},
        {"penalty.general": ["no_such_document"]},
        {"penalty.nowhere": ["filing_approval"]},
    ):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(bad, schema)


# ---------------------------------------------------------------------------------------------
# Clean files: no fail, no error
# ---------------------------------------------------------------------------------------------

CLEAN_SAMPLES = sorted(p.name for p in SAMPLES.glob("*-clean.json"))


@pytest.mark.parametrize("base", ["penalty", "penalty_simple", "licensing"])
def test_clean_base_cases_pass_every_rule(base: str) -> None:
    case = make_case(base)
    for r in doc.RULES:
        got = outcome(run_rule(r, case))
        assert got in {"pass", "not_applicable", "skipped"}, (r.id, got)


@pytest.mark.parametrize("name", CLEAN_SAMPLES)
def test_clean_samples_give_no_fail_or_error(name: str) -> None:
    loaded = load_dict(json.loads((SAMPLES / name).read_text(encoding="utf-8")))
    assert not isinstance(loaded, LoadFailure)
    for r in doc.RULES:
        got = outcome(run_rule(r, loaded.case))
        assert got not in {"fail", "error"}, (name, r.id, got)


def test_full_scores_for_documents_and_archive_on_the_clean_penalty_file() -> None:
    result = evaluator().evaluate(make_case("penalty"))
    scores = {c.key: c for c in result.score.categories}
    assert scores["documents"].deduction == 0
    assert scores["archive"].deduction == 0


# ---------------------------------------------------------------------------------------------
# CF-DOC-001 required documents
# ---------------------------------------------------------------------------------------------


def test_required_missing_filing_approval_fails() -> None:
    case = make_case("penalty", {f"documents.{FILING}.type": "other"})
    findings = run_rule(REQUIRED, case)
    assert_outcome(findings, "fail", contains="立案环节缺少立案审批表（立案日期2025-03-05）")
    assert fails(findings)[0].values["相关事项"] == "立案日期2025-03-05"


def test_required_filing_approval_left_to_pen_proc_004_without_an_approved_filing() -> None:
    # Review §3.3: no filing (or no approval) at all is PEN-PROC-004's; the form is not asked for.
    no_filing = make_case("penalty", {"filing": DELETE, f"documents.{FILING}.type": "other"})
    assert_outcome(run_rule(REQUIRED, no_filing), "pass")
    no_approval = make_case(
        "penalty", {"filing.approval": DELETE, f"documents.{FILING}.type": "other"}
    )
    assert_outcome(run_rule(REQUIRED, no_approval), "pass")
    no_date = make_case("penalty", {"filing.date": DELETE, f"documents.{FILING}.type": "other"})
    assert_outcome(run_rule(REQUIRED, no_date), "pass")


def test_required_prior_notice_left_to_pen_proc_006() -> None:
    # Review §3.2: a missing 告知书 is PEN-PROC-006's veto, not a CF-DOC-001 deduction as well.
    no_notice = make_case("penalty", {"prior_notice": DELETE, f"documents.{NOTICE}.type": "other"})
    assert_outcome(run_rule(REQUIRED, no_notice), "pass")
    unfiled = make_case("penalty", {f"documents.{NOTICE}.type": "other"})
    assert_outcome(run_rule(REQUIRED, unfiled), "pass")
    assert not any(
        "prior_notice" in (e if isinstance(e, str) else e["types"])
        for e in doc.DEFAULT_REQUIRED["penalty.general"]
    )
    # A standard can add it back without double counting: only when a notice is recorded.
    back = {
        "penalty.general": [
            {
                "step": "告知",
                "types": ["prior_notice"],
                "when": ["outcome=penalty", "notice_recorded"],
            }
        ]
    }
    params = {"documents.required": back}
    assert_outcome(
        run_rule(REQUIRED, unfiled, parameters=params),
        "fail",
        contains="告知环节缺少行政处罚告知书",
    )
    assert_outcome(run_rule(REQUIRED, no_notice, parameters=params), "pass")


def test_required_hearing_documents_only_when_a_hearing_was_held() -> None:
    held = make_case("penalty", {"hearing": {"held": True, "date": date(2025, 3, 31)}})
    findings = run_rule(REQUIRED, held)
    assert_outcome(findings, "fail", contains="听证环节缺少听证通知书")
    assert any("听证报告" in f.message for f in findings)  # SAMR: 听证报告
    assert len(fails(findings)) == 2
    urban = make_case(
        "penalty",
        {"hearing": {"held": True, "date": date(2025, 3, 31)}, "sector": "urban_management"},
    )
    assert [f.message for f in fails(run_rule(REQUIRED, urban))] == [
        "听证环节缺少听证通知书（听证日期2025-03-31）"
    ]
    not_held = make_case("penalty", {"hearing": {"requested": False}})
    assert_outcome(run_rule(REQUIRED, not_held), "pass")


def test_required_no_penalty_needs_the_no_penalty_decision_not_the_notice() -> None:
    wrong = make_case("penalty", {"decision.outcome": "no_penalty"})
    findings = run_rule(REQUIRED, wrong)
    assert_outcome(findings, "fail", contains="决定环节缺少不予行政处罚决定书")
    right = make_case(
        "penalty",
        {
            "decision.outcome": "no_penalty",
            f"documents.{DECISION_DOC}.type": "no_penalty_decision",
            f"documents.{NOTICE}.type": "other",
        },
    )
    assert_outcome(run_rule(REQUIRED, right), "pass")


def test_required_case_review_opinion_for_samr_files_without_legal_review() -> None:
    bare = make_case("penalty", {"legal_review": DELETE, "documents.5.type": "other"})
    assert_outcome(run_rule(REQUIRED, bare), "fail", contains="审核环节缺少案件审核意见书")
    reviewed = make_case(
        "penalty", {"legal_review": DELETE, "documents.5.type": "case_review_opinion"}
    )
    assert_outcome(run_rule(REQUIRED, reviewed), "pass")
    other_sector = make_case(
        "penalty",
        {"legal_review": DELETE, "documents.5.type": "other", "sector": "urban_management"},
    )
    assert_outcome(run_rule(REQUIRED, other_sector), "pass")
    # A 案件审核 record on file: its written opinion is TS-REV-006's.
    case_review = make_case(
        "penalty", {"legal_review.type": "case_review", "documents.5.type": "other"}
    )
    assert_outcome(run_rule(REQUIRED, case_review), "pass")


@pytest.mark.parametrize(
    "major",
    [
        {"major_decision": {"major": True, "categories": ["complex"]}},
        {"hearing": {"held": True, "date": date(2025, 3, 31)}},
        {"hearing": {"requested": False, "public_interest": True}},
    ],
    ids=["determination", "hearing_held", "public_interest"],
)
def test_required_no_case_review_opinion_for_a_major_decision(major: dict[str, Any]) -> None:
    # Review §3.4: a major decision needs 法制审核 (TS-REV-001's veto), not a 案件审核意见书.
    case = make_case("penalty", {"legal_review": DELETE, "documents.5.type": "other", **major})
    assert not any("案件审核意见书" in f.message for f in run_rule(REQUIRED, case))
    not_major = make_case(
        "penalty",
        {"legal_review": DELETE, "documents.5.type": "other", "major_decision": {"major": False}},
    )
    assert_outcome(run_rule(REQUIRED, not_major), "fail", contains="案件审核意见书")


def test_required_on_the_spot_decision_in_simple_files() -> None:
    case = make_case("penalty_simple", {"documents.1.type": "other"})
    assert_outcome(run_rule(REQUIRED, case), "fail", contains="当场行政处罚决定书")


def test_required_licensing_service_receipt_counts_from_the_service_record() -> None:
    # D08 (the 送达回证) is not in the file and the service record shows no receipt …
    gone = {"documents.7.type": "other", "services.0.receipt_document": DELETE}
    no_receipt = make_case("licensing", {**gone, "services.0.receipt": False})
    # … the message names the served document and the dates (review §5).
    assert_outcome(
        run_rule(REQUIRED, no_receipt),
        "fail",
        contains="送达环节缺少送达回证或公告送达记录（送达文书：准予行政许可决定书，卷内第8页；"
        "决定日期2025-05-20；送达日期2025-05-21）",
    )
    # … but a service record saying a signed receipt exists counts as the receipt.
    recorded = make_case("licensing", {**gone, "services.0.receipt": True})
    assert_outcome(run_rule(REQUIRED, recorded), "pass")


def test_required_licensing_decision_approval_and_certificate() -> None:
    case = make_case("licensing", {"documents.4.type": "other", "documents.6.type": "other"})
    messages = [f.message for f in fails(run_rule(REQUIRED, case))]
    assert messages == [
        "审批环节缺少行政许可决定审批表（决定日期2025-05-20）",
        "颁证环节缺少行政许可证件（颁发日期2025-05-21）",
    ]


def test_required_licensing_fee_receipt_names_the_amount() -> None:
    case = make_case("licensing", {"fees": {"charged": True, "amount": 120.5, "receipt": False}})
    assert_outcome(
        run_rule(REQUIRED, case), "fail", contains="收费环节缺少收费票据（收费金额120.50元）"
    )


def test_required_list_is_a_parameter() -> None:
    case = make_case("penalty_simple")
    custom = {"penalty.simple": ["filing_record", {"types": ["closing_approval"]}]}
    assert_outcome(
        run_rule(REQUIRED, case, parameters={"documents.required": custom}),
        "fail",
        contains="卷内缺少结案审批表",
    )
    ok = {"penalty.simple": ["filing_record", {"types": ["closing_approval"], "when": "!paid"}]}
    assert_outcome(run_rule(REQUIRED, case, parameters={"documents.required": ok}), "pass")
    assert_outcome(
        run_rule(REQUIRED, case, parameters={"documents.required": {}}), "not_applicable"
    )


# ---------------------------------------------------------------------------------------------
# CF-DOC-002 / CF-DOC-003 document numbers
# ---------------------------------------------------------------------------------------------


def test_numbers_missing_on_an_outward_document_fails() -> None:
    case = make_case("penalty", {f"documents.{NOTICE}.number": DELETE})
    assert_outcome(
        run_rule(NUMBERS, case), "fail", contains="行政处罚告知书（卷内第14页）未编写文号"
    )


def test_numbers_decision_number_recorded_on_the_decision_counts() -> None:
    case = make_case("penalty", {f"documents.{DECISION_DOC}.number": DELETE})
    assert_outcome(run_rule(NUMBERS, case), "pass")


def test_numbers_duplicate_fails() -> None:
    case = make_case("penalty", {f"documents.{NOTICE}.number": "杭西市监处罚〔2025〕18号"})
    findings = run_rule(NUMBERS, case)
    assert_outcome(findings, "fail", contains="使用同一文号“杭西市监处罚〔2025〕18号”")
    assert fails(findings)[0].count == 1


def test_numbers_recorded_decision_number_must_match_the_document() -> None:
    case = make_case("penalty", {"decision.number": "杭西市监处罚〔2025〕19号"})
    assert_outcome(run_rule(NUMBERS, case), "fail", contains="不一致")


@pytest.mark.parametrize(
    ("number", "problem"),
    [
        ("杭西市监处罚[2025]18号", "六角括号"),
        ("杭西市监处罚（2025）18号", "六角括号"),
        ("杭西市监处罚〔2025〕第18号", "“第”字"),
        ("杭西市监处罚〔2025〕018号", "虚位"),
        ("杭西市监处罚〔2025〕18", "缺少“号”字"),
        ("〔2025〕18号", "机关代字"),
        ("杭西市监处罚2025-18号", "格式"),
    ],
)
def test_number_form_irregular_fails(number: str, problem: str) -> None:
    case = make_case("penalty", {f"documents.{DECISION_DOC}.number": number})
    findings = run_rule(NUMBER_FORM, case)
    assert_outcome(findings, "fail", contains=problem)
    assert "行政处罚决定书" in fails(findings)[0].message


def test_number_form_regular_and_exempt_numbers_pass() -> None:
    assert_outcome(run_rule(NUMBER_FORM, make_case("penalty")), "pass")
    # pre-printed on-the-spot form "0615" and the licence number are not 文号
    assert_outcome(run_rule(NUMBER_FORM, make_case("penalty_simple")), "pass")


def test_number_form_date_coded_serial() -> None:
    # "余市监许〔2025〕0520号" on a document dated 2025-05-20 is date-coded …
    case = make_case("licensing")
    assert_outcome(run_rule(NUMBER_FORM, case), "pass")
    # … unless the standard switches that reading off,
    strict = run_rule(NUMBER_FORM, case, parameters={"documents.number_date_serial_ok": False})
    assert_outcome(strict, "fail", contains="序号“0520”编了虚位")
    # and a padded serial that is not the date is a padded serial.
    shifted = make_case("licensing", {"documents.5.number": "余市监许〔2025〕0521号"})
    assert_outcome(run_rule(NUMBER_FORM, shifted), "fail", contains="0521")


def test_number_form_year_mismatch_needs_review() -> None:
    case = make_case("penalty", {f"documents.{DECISION_DOC}.number": "杭西市监处罚〔2024〕18号"})
    assert_outcome(run_rule(NUMBER_FORM, case), "needs_review", contains="文号年份2024")


# ---------------------------------------------------------------------------------------------
# CF-DOC-004 dates
# ---------------------------------------------------------------------------------------------


def test_dates_decision_document_must_carry_the_decision_date() -> None:
    case = make_case("penalty", {f"documents.{DECISION_DOC}.date": date(2025, 4, 3)})
    assert_outcome(
        run_rule(DATES, case),
        "fail",
        contains="行政处罚决定书（卷内第18页）落款日期2025-04-03，与决定日期2025-04-02不一致",
    )


def test_dates_receipt_must_carry_the_service_date() -> None:
    case = make_case("penalty", {f"documents.{DECISION_RECEIPT}.date": date(2025, 4, 4)})
    assert_outcome(run_rule(DATES, case), "fail", contains="与送达日期2025-04-03不一致")


def test_dates_filing_and_acceptance() -> None:
    filing = make_case("penalty", {f"documents.{FILING}.date": date(2025, 3, 6)})
    assert_outcome(run_rule(DATES, filing), "fail", contains="与立案日期2025-03-05不一致")
    accepted = make_case("licensing", {"documents.2.date": date(2025, 5, 7)})
    assert_outcome(run_rule(DATES, accepted), "fail", contains="与受理日期2025-05-06不一致")


def test_dates_document_served_before_it_was_made() -> None:
    order = {
        "id": "D18",
        "type": "correction_order",
        "number": "杭西市监责改〔2025〕7号",
        "date": "2025-04-05",
        "sealed": True,
        "seal_name": "杭州市西湖区市场监督管理局",
    }
    service = {"document": "D18", "method": "direct", "date": "2025-04-03", "receipt": True}
    case = with_documents(
        "penalty", [order], {"services": [*base_dict("penalty")["services"], service]}
    )
    assert_outcome(run_rule(DATES, case), "fail", contains="晚于其送达日期2025-04-03")


def test_dates_decision_served_before_its_date_is_left_to_procedure() -> None:
    # PEN-PROC-002 orders decision and service; the document still matches its decision date.
    case = make_case(
        "penalty",
        {"decision.date": date(2025, 4, 4), f"documents.{DECISION_DOC}.date": date(2025, 4, 4)},
    )
    assert_outcome(run_rule(DATES, case), "pass")


def test_dates_licensing_decision_served_before_it_was_made() -> None:
    case = make_case("licensing", {"services.0.date": date(2025, 5, 19)})
    findings = run_rule(DATES, case)
    assert_outcome(findings, "fail", contains="晚于其送达日期2025-05-19")


# ---------------------------------------------------------------------------------------------
# CF-DOC-005 seals
# ---------------------------------------------------------------------------------------------


def test_seal_unsealed_decision_fails_once() -> None:
    case = make_case(
        "penalty", {f"documents.{DECISION_DOC}.sealed": False, "decision.sealed": False}
    )
    findings = run_rule(SEALS, case)
    assert_outcome(findings, "fail", contains="行政处罚决定书（卷内第18页）未加盖印章")
    assert len(fails(findings)) == 1
    only_flag = make_case("penalty", {"decision.sealed": False})
    assert_outcome(run_rule(SEALS, only_flag), "fail", contains="未加盖印章")


@pytest.mark.parametrize(
    ("seal", "message"),
    [
        ("杭州市西湖区市场监督管理局稽查大队", "内设机构或下属单位印章"),
        ("杭州市市场监督管理局", "不是作出文书的执法机关的印章"),
        ("杭州市西湖区市场监督管理局行政许可专用章", "该专用章不适用于本类文书"),
    ],
)
def test_seal_not_the_agency_s_own_fails(seal: str, message: str) -> None:
    case = make_case("penalty", {f"documents.{NOTICE}.seal_name": seal})
    assert_outcome(run_rule(SEALS, case), "fail", contains=message)


def test_seal_special_seals_of_the_agency_pass() -> None:
    penalty = make_case(
        "penalty", {f"documents.{NOTICE}.seal_name": "杭州市西湖区市场监督管理局行政处罚专用章"}
    )
    assert_outcome(run_rule(SEALS, penalty), "pass")
    half_width = make_case(
        "penalty", {f"documents.{NOTICE}.seal_name": "杭州市西湖区 市场监督管理局"}
    )
    assert_outcome(run_rule(SEALS, half_width), "pass")
    # the licensing base: acceptance notice under the 行政许可专用章
    assert_outcome(run_rule(SEALS, make_case("licensing")), "pass")


def test_seal_licensing_decision_owner_checked_but_not_its_absence() -> None:
    unit = make_case("licensing", {"documents.5.seal_name": "杭州市余杭区市场监督管理局食品科"})
    assert_outcome(run_rule(SEALS, unit), "fail", contains="内设机构")
    # whether the decision is sealed at all is LIC-DOC-001's
    unsealed = make_case("licensing", {"documents.5.sealed": False, "decision.sealed": False})
    assert_outcome(run_rule(SEALS, unsealed), "pass")


def test_seal_entrusted_body_uses_the_entrusting_agency_s_seal() -> None:
    entrusted = {
        "agency.name": "杭州市西湖区市场监管综合执法队",
        "agency.subject_type": "entrusted",
        "agency.entrustment": {"entrusting_agency": "杭州市西湖区市场监督管理局"},
    }
    assert_outcome(run_rule(SEALS, make_case("penalty", entrusted)), "pass")
    own_seal = make_case(
        "penalty",
        {**entrusted, f"documents.{NOTICE}.seal_name": "杭州市西湖区市场监管综合执法队"},
    )
    assert_outcome(run_rule(SEALS, own_seal), "fail", contains="不是作出文书的执法机关的印章")


ENTRUSTED = {
    "agency.name": "杭州市西湖区市场监管综合执法队",
    "agency.subject_type": "entrusted",
    "agency.entrustment": {"entrusting_agency": "杭州市西湖区市场监督管理局"},
}
OWN_NAME = "杭州市西湖区市场监管综合执法队"


def test_seal_entrusted_decision_in_own_name_is_left_to_pen_subj_004() -> None:
    # Review §3.7: issued and sealed in the entrusted body's own name → PEN-SUBJ-004's veto.
    own = make_case(
        "penalty",
        {
            **ENTRUSTED,
            "decision.issuing_agency_name": OWN_NAME,
            f"documents.{DECISION_DOC}.seal_name": OWN_NAME,
        },
    )
    assert_outcome(run_rule(SEALS, own), "pass")
    unknown_issuer = replace(own, {"decision.issuing_agency_name": DELETE})
    assert_outcome(run_rule(SEALS, unknown_issuer), "pass")
    # Other outward documents of the entrusted body are still judged here.
    notice_too = replace(own, {f"documents.{NOTICE}.seal_name": OWN_NAME})
    findings = run_rule(SEALS, notice_too)
    assert_outcome(findings, "fail", contains="行政处罚告知书（卷内第14页）")
    assert len(fails(findings)) == 1


def test_seal_entrusted_decision_issued_correctly_but_sealed_wrongly_fails() -> None:
    # In the entrusting agency's name PEN-SUBJ-004 passes, so a foreign seal is reported here.
    case = make_case(
        "penalty",
        {
            **ENTRUSTED,
            "decision.issuing_agency_name": "杭州市西湖区市场监督管理局",
            f"documents.{DECISION_DOC}.seal_name": OWN_NAME,
        },
    )
    assert_outcome(run_rule(SEALS, case), "fail", contains="行政处罚决定书（卷内第18页）加盖")
    # An unsealed decision is a defect whatever the name (PEN-SUBJ-004 does not look at seals).
    unsealed = make_case(
        "penalty",
        {
            **ENTRUSTED,
            "decision.issuing_agency_name": OWN_NAME,
            f"documents.{DECISION_DOC}.sealed": False,
            f"documents.{DECISION_DOC}.seal_name": DELETE,
        },
    )
    assert_outcome(run_rule(SEALS, unsealed), "fail", contains="未加盖印章")


def test_seal_basis_cites_coercion_law_item_five() -> None:
    # Review §1.3: 行政强制法第二十四条第二款 has items (一)–(五); the seal is in (五).
    assert "《中华人民共和国行政强制法》第二十四条第二款第（五）项" in SEALS.legal_basis
    assert not any("（六）" in b for b in SEALS.legal_basis)
    outward = next(p for p in doc.PARAMETERS if p.name == "documents.outward_types")
    assert "第二十四条第二款第（五）项" in outward.basis and "（六）" not in outward.basis
    assert "第二十条第四款" in SEALS.notes and "第二十四条第三款" in SEALS.notes
    assert "第二十条第三款" not in SEALS.notes


def test_seal_not_recorded_needs_review() -> None:
    case = make_case(
        "penalty", {f"documents.{NOTICE}.sealed": DELETE, f"documents.{NOTICE}.seal_name": DELETE}
    )
    assert_outcome(run_rule(SEALS, case), "needs_review", contains="行政处罚告知书")


def test_seal_on_the_spot_decision_signed_by_officers() -> None:
    unsealed = {"documents.1.sealed": False, "decision.sealed": False}
    # 第五十二条第二款: officers' signature suffices outside market regulation
    assert_outcome(run_rule(SEALS, make_case("penalty_simple", unsealed)), "pass")
    samr = make_case("penalty_simple", {**unsealed, "sector": "market_regulation"})
    assert_outcome(run_rule(SEALS, samr), "needs_review", contains="市场监管领域")
    unsigned = make_case("penalty_simple", {**unsealed, "documents.1.officers": []})
    assert_outcome(run_rule(SEALS, unsigned), "fail", contains="未加盖印章")


# ---------------------------------------------------------------------------------------------
# CF-DOC-006 / CF-DOC-007 blanks and corrections
# ---------------------------------------------------------------------------------------------


def test_blanks_not_struck_fails_with_count() -> None:
    case = make_case(
        "penalty",
        {f"documents.{INQUIRY}.blanks_struck": False, f"documents.{FILING}.blanks_struck": False},
    )
    findings = run_rule(BLANKS, case)
    assert_outcome(findings, "fail", contains="询问笔录（卷内第4页）")
    assert findings[0].count == 2
    assert_outcome(run_rule(BLANKS, make_case("penalty")), "pass")


def test_corrections_not_confirmed_fails() -> None:
    case = make_case("penalty", {f"documents.{INQUIRY}.corrections_confirmed": False})
    assert_outcome(run_rule(CORRECTIONS, case), "fail", contains="修改处未经捺印或签章确认")
    unknown = make_case("penalty", {f"documents.{INQUIRY}.corrections_confirmed": DELETE})
    assert_outcome(run_rule(CORRECTIONS, unknown), "pass")


# ---------------------------------------------------------------------------------------------
# PEN-DOC decision contents
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rule_", "field", "text"),
    [
        (PARTY, "party_stated", "当事人的姓名或者名称、地址"),
        (FACTS, "facts_stated", "违法事实和证据"),
    ],
)
def test_decision_flags(rule_, field: str, text: str) -> None:
    assert_outcome(run_rule(rule_, make_case("penalty")), "pass")
    item = "一" if field == "party_stated" else "二"
    findings = run_rule(rule_, make_case("penalty", {f"decision.{field}": False}))
    assert_outcome(
        findings,
        "fail",
        contains=f"决定书未载明{text}（《中华人民共和国行政处罚法》第五十九条第一款第（{item}）项）",
    )
    assert_outcome(
        run_rule(rule_, make_case("penalty", {f"decision.{field}": DELETE})), "needs_review"
    )
    # Review §4.1: no longer limited to decisions from 2021-07-15.
    assert rule_.in_force_from is None


CONTENT_RULES = [PARTY, FACTS, PERFORMANCE, REMEDIES, ISSUER]


@pytest.mark.parametrize("rule_", CONTENT_RULES, ids=lambda r: r.id)
def test_decision_contents_cite_the_2017_text_before_2021(rule_) -> None:
    assert rule_.in_force_from is None and rule_.in_force_until is None
    assert any("（2017年修正）第三十九条第一款" in b for b in rule_.legal_basis), rule_.id
    # A clean decision made under the 2017 text passes (the engine runs the rule).
    old = make_case("penalty", {"decision.date": date(2020, 6, 18)})
    assert_outcome(run_rule(rule_, old), "pass")


@pytest.mark.parametrize(
    ("rule_", "overrides", "item"),
    [
        (PARTY, {"decision.party_stated": False}, "一"),
        (FACTS, {"decision.facts_stated": False}, "二"),
        (PERFORMANCE, {"decision.performance_stated": False}, "四"),
        (REMEDIES, {"decision.remedy.court": DELETE}, "五"),
        (ISSUER, {"decision.issuing_agency_name": "杭州市西湖区市场监督管理局执法大队"}, "六"),
    ],
    ids=lambda v: v.id if hasattr(v, "id") else None,
)
def test_decision_contents_before_2021_fail_on_the_2017_article(
    rule_, overrides: dict[str, Any], item: str
) -> None:
    old = make_case("penalty", {"decision.date": date(2020, 6, 18), **overrides})
    findings = run_rule(rule_, old)
    basis = f"《中华人民共和国行政处罚法》（2017年修正）第三十九条第一款第（{item}）项"
    assert_outcome(findings, "fail", contains=basis)
    assert fails(findings)[0].values["依据"] == basis
    # The day before the 2021 Law took effect is still the 2017 text; the first day is not.
    last_day = make_case("penalty", {"decision.date": date(2021, 7, 14), **overrides})
    assert_outcome(run_rule(rule_, last_day), "fail", contains="（2017年修正）第三十九条")
    first_day = make_case("penalty", {"decision.date": date(2021, 7, 15), **overrides})
    assert_outcome(run_rule(rule_, first_day), "fail", contains="第五十九条第一款")


def test_decision_contents_edition_and_scope_before_2021() -> None:
    # 2009 text: same article, labelled with its edition.
    old_2015 = make_case(
        "penalty", {"decision.date": date(2015, 6, 1), "decision.party_stated": False}
    )
    assert_outcome(
        run_rule(PARTY, old_2015), "fail", contains="（2009年修正）第三十九条第一款第（一）项"
    )
    # 第三十九条 covered decisions giving a penalty only: a 2020 不予处罚 decision is outside it.
    no_penalty = make_case(
        "penalty",
        {
            "decision.date": date(2020, 6, 18),
            "decision.outcome": "no_penalty",
            "decision.party_stated": False,
        },
    )
    assert_outcome(run_rule(PARTY, no_penalty), "not_applicable", contains="第三十九条仅规定")
    # Before the Law took effect nothing is judged.
    ancient = make_case(
        "penalty", {"decision.date": date(1996, 9, 30), "decision.party_stated": False}
    )
    assert_outcome(run_rule(PARTY, ancient), "not_applicable", contains="早于行政处罚法施行")


def test_on_the_spot_decision_contents_before_2021() -> None:
    # 2017 第三十四条第二款: the violation, basis, fine, time, place and agency name only.
    base = {"decision.date": date(2020, 6, 10)}
    no_party = make_case("penalty_simple", {**base, "decision.party_stated": False})
    assert_outcome(run_rule(PARTY, no_party), "not_applicable", contains="第三十四条第二款")
    no_remedy = make_case("penalty_simple", {**base, "decision.remedy.court": DELETE})
    assert_outcome(run_rule(REMEDIES, no_remedy), "not_applicable")
    no_facts = make_case("penalty_simple", {**base, "decision.facts_stated": False})
    assert_outcome(
        run_rule(FACTS, no_facts),
        "fail",
        contains="决定书未载明当事人的违法行为（《中华人民共和国行政处罚法》（2017年修正）第三十四条第二款）",
    )
    wrong_name = make_case(
        "penalty_simple", {**base, "decision.issuing_agency_name": "某某执法中队"}
    )
    assert_outcome(run_rule(ISSUER, wrong_name), "fail", contains="（2017年修正）第三十四条第二款")


def test_decision_contents_law_version_comes_from_ctx_laws() -> None:
    # With a registry in which the 2021 text starts on 2021-08-01, a decision of 2021-07-20
    # is judged on the 2017 text.
    shifted = [
        attrs.evolve(v, in_force_until=None)
        if v.edition != "2021修订"
        else LawVersion("行政处罚法", "2021修订", date(2021, 8, 1))
        for v in DEFAULT_REGISTRY.versions("行政处罚法")
    ]
    laws = DEFAULT_REGISTRY.with_versions(shifted, replace=True)
    ctx = attrs.evolve(context_for(PARTY), laws=laws)
    case = make_case(
        "penalty", {"decision.date": date(2021, 7, 20), "decision.party_stated": False}
    )
    finding = PARTY.check(case, ctx)
    assert finding.outcome == "fail"
    assert "（2017年修正）第三十九条第一款第（一）项" in finding.message
    assert "第五十九条" in run_rule(PARTY, case)[0].message


def test_performance_stated() -> None:
    assert_outcome(run_rule(PERFORMANCE, make_case("penalty")), "pass")
    missing = make_case("penalty", {"decision.performance_stated": False})
    assert_outcome(run_rule(PERFORMANCE, missing), "fail", contains="履行方式和期限")
    unknown = make_case(
        "penalty", {"decision.performance_stated": DELETE, "decision.payment_days": DELETE}
    )
    assert_outcome(run_rule(PERFORMANCE, unknown), "needs_review")
    period_only = make_case("penalty", {"decision.performance_stated": DELETE})
    assert_outcome(run_rule(PERFORMANCE, period_only), "pass")
    warning = make_case(
        "penalty",
        {"decision.penalties": [{"type": "warning"}], "decision.performance_stated": False},
    )
    assert_outcome(run_rule(PERFORMANCE, warning), "not_applicable")


def test_performance_fine_payment_period_not_shorter_than_15_days() -> None:
    # Review §4.2: 第六十七条第三款 — nobody else checks the stated period.
    ten_days = make_case("penalty", {"decision.payment_days": 10})
    findings = run_rule(PERFORMANCE, ten_days)
    assert_outcome(
        findings,
        "fail",
        contains="决定书载明的罚款缴纳期限为10日，少于法定的自收到行政处罚决定书之日起十五日"
        "（《中华人民共和国行政处罚法》第六十七条第三款）",
    )
    assert fails(findings)[0].pointers == ("/decision/payment_days",)
    assert fails(findings)[0].values["载明的缴纳期限（日）"] == 10
    for days in (15, 30):
        ok = make_case("penalty", {"decision.payment_days": days})
        assert_outcome(run_rule(PERFORMANCE, ok), "pass")
    # Only fines have the statutory 15 days.
    confiscation = make_case(
        "penalty",
        {
            "decision.penalties": [{"type": "confiscate_illegal_gains", "amount": 320}],
            "decision.payment_days": 10,
        },
    )
    assert_outcome(run_rule(PERFORMANCE, confiscation), "pass")
    # Before 2021: 2017 第四十六条第三款, on-the-spot decisions included.
    old = make_case("penalty", {"decision.date": date(2020, 6, 18), "decision.payment_days": 10})
    assert_outcome(run_rule(PERFORMANCE, old), "fail", contains="（2017年修正）第四十六条第三款")
    old_simple = {"decision.date": date(2020, 6, 10), "decision.payment_days": 10}
    assert_outcome(
        run_rule(PERFORMANCE, make_case("penalty_simple", old_simple)),
        "fail",
        contains="第四十六条第三款",
    )
    not_stated = {"decision.date": date(2020, 6, 10), "decision.performance_stated": False}
    assert_outcome(run_rule(PERFORMANCE, make_case("penalty_simple", not_stated)), "not_applicable")
    assert (
        "PEN-PROC-032" in PERFORMANCE.notes and "only checks payment receipts" in PERFORMANCE.notes
    )


def test_remedies_complete_passes_and_defects_fail_with_count() -> None:
    assert_outcome(run_rule(REMEDIES, make_case("penalty")), "pass")
    short = make_case("penalty", {"decision.remedy.reconsideration_days": 15})
    assert_outcome(run_rule(REMEDIES, short), "fail", contains="少于法定的六十日")
    months = make_case("penalty", {"decision.remedy.litigation_months": 3})
    assert_outcome(run_rule(REMEDIES, months), "fail", contains="3个月")
    unnamed = make_case(
        "penalty",
        {"decision.remedy.reconsideration_body": DELETE, "decision.remedy.court": DELETE},
    )
    findings = run_rule(REMEDIES, unnamed)
    assert_outcome(findings, "fail", contains="未写明行政复议机关；未写明管辖法院")
    assert findings[0].count == 2


def test_remedies_unrecorded_or_longer_period_needs_review() -> None:
    assert_outcome(
        run_rule(REMEDIES, make_case("penalty", {"decision.remedy": DELETE})), "needs_review"
    )
    longer = make_case("penalty", {"decision.remedy.reconsideration_days": 90})
    assert_outcome(run_rule(REMEDIES, longer), "needs_review", contains="90日")


def test_remedies_litigation_period_follows_the_litigation_law_in_force() -> None:
    # 行政诉讼法 2014 amendment (in force 2015-05-01): 6 months; before it 3 months.
    three = {"decision.date": date(2015, 4, 1), "decision.remedy.litigation_months": 3}
    assert_outcome(run_rule(REMEDIES, make_case("penalty", three)), "pass")
    six_too_early = {"decision.date": date(2015, 4, 1)}
    assert_outcome(
        run_rule(REMEDIES, make_case("penalty", six_too_early)), "fail", contains="法定的三个月"
    )
    three_too_late = {"decision.date": date(2015, 5, 1), "decision.remedy.litigation_months": 3}
    assert_outcome(
        run_rule(REMEDIES, make_case("penalty", three_too_late)), "fail", contains="法定的六个月"
    )


def test_remedies_on_the_spot_from_2024_need_no_court() -> None:
    no_court = {"decision.remedy.court": DELETE, "decision.remedy.litigation_months": DELETE}
    assert_outcome(run_rule(REMEDIES, make_case("penalty_simple", no_court)), "pass")
    before = make_case("penalty_simple", {**no_court, "decision.date": date(2023, 12, 29)})
    assert_outcome(run_rule(REMEDIES, before), "fail", contains="未写明管辖法院")


def test_reconsideration_body_same_level_government() -> None:
    assert_outcome(run_rule(REVIEW_BODY, make_case("penalty")), "pass")
    assert_outcome(run_rule(REVIEW_BODY, make_case("penalty_simple")), "pass")
    department = make_case(
        "penalty", {"decision.remedy.reconsideration_body": "杭州市市场监督管理局"}
    )
    assert_outcome(
        run_rule(REVIEW_BODY, department), "fail", contains="应由本级人民政府管辖行政复议"
    )
    higher = make_case("penalty", {"decision.remedy.reconsideration_body": "杭州市人民政府"})
    assert_outcome(run_rule(REVIEW_BODY, higher), "needs_review", contains="杭州市人民政府")
    short_name = make_case("penalty", {"decision.remedy.reconsideration_body": "西湖区人民政府"})
    assert_outcome(run_rule(REVIEW_BODY, short_name), "pass")
    full_name = make_case(
        "penalty",
        {
            "agency.region": "杭州市西湖区",
            "decision.remedy.reconsideration_body": "浙江省杭州市西湖区人民政府",
        },
    )
    assert_outcome(run_rule(REVIEW_BODY, full_name), "pass")
    no_region = make_case("penalty", {"agency.region": DELETE})
    assert_outcome(run_rule(REVIEW_BODY, no_region), "pass")


def test_reconsideration_body_before_2024_and_special_agencies() -> None:
    before = make_case(
        "penalty",
        {
            "decision.date": date(2023, 12, 29),
            "decision.remedy.reconsideration_body": "杭州市市场监督管理局",
        },
    )
    # the engine skips decisions before the rule's in-force date; the check itself agrees
    assert run_rule(REVIEW_BODY, before) == []
    assert REVIEW_BODY.check(before, context_for(REVIEW_BODY)).outcome == "not_applicable"
    tax = {"agency.name": "国家税务总局杭州市西湖区税务局"}
    higher_dept = make_case(
        "penalty", {**tax, "decision.remedy.reconsideration_body": "国家税务总局杭州市税务局"}
    )
    assert_outcome(run_rule(REVIEW_BODY, higher_dept), "pass")
    assert_outcome(run_rule(REVIEW_BODY, make_case("penalty", tax)), "needs_review")
    national = make_case(
        "penalty",
        {
            "agency.name": "国家市场监督管理总局",
            "agency.level": "national",
            "decision.remedy.reconsideration_body": "国家市场监督管理总局",
        },
    )
    assert_outcome(run_rule(REVIEW_BODY, national), "pass")


def test_reconsideration_first_notice() -> None:
    assert_outcome(run_rule(REVIEW_FIRST, make_case("penalty_simple")), "pass")
    missing = make_case("penalty_simple", {"decision.remedy.reconsideration_first": False})
    assert_outcome(run_rule(REVIEW_FIRST, missing), "fail", contains="应当先申请行政复议")
    unknown = make_case("penalty_simple", {"decision.remedy.reconsideration_first": DELETE})
    assert_outcome(run_rule(REVIEW_FIRST, unknown), "needs_review")
    before = make_case(
        "penalty_simple",
        {"decision.date": date(2023, 12, 29), "decision.remedy.reconsideration_first": False},
    )
    assert run_rule(REVIEW_FIRST, before) == []
    assert REVIEW_FIRST.check(before, context_for(REVIEW_FIRST)).outcome == "not_applicable"
    assert REVIEW_FIRST.in_force_from == date(2024, 1, 1)
    # general procedure: not an on-the-spot decision
    assert run_rule(REVIEW_FIRST, make_case("penalty")) == []


def test_statement_adoption_samr() -> None:
    defended = {"reply": {"type": "defence", "date": date(2025, 3, 26), "in_writing": True}}
    assert_outcome(
        run_rule(
            ADOPTION,
            make_case("penalty", {**defended, "decision.statement_adoption_stated": False}),
        ),
        "fail",
        contains="未载明采纳情况及理由",
    )
    assert_outcome(
        run_rule(
            ADOPTION,
            make_case("penalty", {**defended, "decision.statement_adoption_stated": DELETE}),
        ),
        "needs_review",
    )
    assert_outcome(run_rule(ADOPTION, make_case("penalty", defended)), "pass")
    silent = make_case("penalty", {"decision.statement_adoption_stated": False})
    assert_outcome(run_rule(ADOPTION, silent), "not_applicable")
    other_sector = make_case("penalty", {**defended, "sector": "urban_management"})
    assert run_rule(ADOPTION, other_sector) == []


def test_issuer_name() -> None:
    assert_outcome(run_rule(ISSUER, make_case("penalty")), "pass")
    unit = make_case(
        "penalty", {"decision.issuing_agency_name": "杭州市西湖区市场监督管理局执法大队"}
    )
    assert_outcome(run_rule(ISSUER, unit), "fail", contains="执法大队")
    unknown = make_case("penalty", {"decision.issuing_agency_name": DELETE})
    assert_outcome(run_rule(ISSUER, unknown), "needs_review", contains="署名机关")
    entrusted = make_case(
        "penalty",
        {
            "agency.name": "杭州市西湖区市场监管综合执法队",
            "agency.subject_type": "entrusted",
            "agency.entrustment": {"entrusting_agency": "杭州市西湖区市场监督管理局"},
            "decision.issuing_agency_name": "杭州市西湖区市场监管综合执法队",
        },
    )
    assert_outcome(run_rule(ISSUER, entrusted), "pass")  # PEN-SUBJ-004's veto


# ---------------------------------------------------------------------------------------------
# CF-ARCH-001…005 archive flags
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rule_", "field", "message"),
    [
        (ONE_FILE, "one_case_one_file", "一案一卷"),
        (ORDER, "in_order", "排列顺序不规范"),
        (BINDING, "binding_ok", "装订不规范"),
    ],
)
def test_archive_flag_rules(rule_, field: str, message: str) -> None:
    for base in ("penalty", "licensing"):
        assert_outcome(run_rule(rule_, make_case(base)), "pass")
        assert_outcome(
            run_rule(rule_, make_case(base, {f"archive.{field}": False})), "fail", contains=message
        )
        assert_outcome(
            run_rule(rule_, make_case(base, {f"archive.{field}": DELETE})), "needs_review"
        )
    no_archive = make_case("penalty", {"archive": DELETE})
    assert_outcome(run_rule(rule_, no_archive), "needs_review", contains="立卷归档")


def test_archive_components() -> None:
    assert_outcome(run_rule(COMPONENTS, make_case("penalty_simple")), "pass")  # 备考表 unrecorded
    missing = make_case("licensing", {"archive.cover": False, "archive.index": False})
    findings = run_rule(COMPONENTS, missing)
    assert_outcome(findings, "fail", contains="统一封面、卷内目录")
    assert findings[0].count == 2
    silent = make_case(
        "penalty",
        {"archive.cover": DELETE, "archive.index": DELETE, "archive.remarks_sheet": DELETE},
    )
    assert_outcome(run_rule(COMPONENTS, silent), "needs_review")


def test_pages_numbered() -> None:
    assert_outcome(run_rule(PAGES, make_case("penalty")), "pass")
    assert_outcome(
        run_rule(PAGES, make_case("penalty", {"archive.pages_numbered": False})),
        "fail",
        contains="未逐页编写页码",
    )
    overlap = make_case("penalty", {f"documents.{INQUIRY}.page_from": 3})
    assert_outcome(run_rule(PAGES, overlap), "fail", contains="页码重复")
    cover = make_case("penalty", {f"documents.{COVER}.page_from": 1})
    assert_outcome(run_rule(PAGES, cover), "fail", contains="封面、卷内目录、备考表不编页码")
    silent = make_case("penalty_simple", {"archive.pages_numbered": DELETE})
    assert_outcome(run_rule(PAGES, silent), "needs_review")
    ranges_only = make_case("penalty", {"archive.pages_numbered": DELETE})
    assert_outcome(run_rule(PAGES, ranges_only), "pass")


def test_pages_overlap_found_behind_a_long_document() -> None:
    # D05 (pages 8-10) swallows a one-page document numbered 9 that sorts after it
    case = make_case("penalty", {"documents.5.page_from": 9})
    assert_outcome(run_rule(PAGES, case), "fail", contains="调查终结报告（卷内第8页）（第8-10页）")


# ---------------------------------------------------------------------------------------------
# CF-ARCH-006 closing period (working days)
# ---------------------------------------------------------------------------------------------


def closing(event: date, closed: date) -> CaseFile:
    return make_case(
        "penalty",
        {
            "closing.event_date": event,
            "closing.date": closed,
            "closing.approval.date": closed,
            "documents.13.date": closed,
        },
    )


def test_closing_in_time_and_late() -> None:
    assert_outcome(run_rule(CLOSED, make_case("penalty")), "pass")
    late = run_rule(CLOSED, closing(date(2025, 4, 10), date(2025, 6, 3)))
    assert_outcome(
        late, "fail", contains="结案事由发生日2025-04-10，期限15个工作日，截止2025-04-30"
    )
    # The message names the rule that sets the period.
    assert "（期限依据：《市场监督管理行政处罚程序规定》第七十七条）" in late[0].message


def test_closing_period_only_for_market_regulation_by_default() -> None:
    # Review §2.2: the 15 WD come from the SAMR rule only; other sectors are not checked.
    param = next(p for p in doc.PARAMETERS if p.name == "archive.closing_working_days")
    assert param.default == {"default": None, "market_regulation": 15}
    late = {
        "closing.event_date": date(2025, 4, 10),
        "closing.date": date(2025, 6, 3),
        "closing.approval.date": date(2025, 6, 3),
        "documents.13.date": date(2025, 6, 3),
    }
    for sector in ("urban_management", "emergency_management", "ecology_environment"):
        case = make_case("penalty", {**late, "sector": sector})
        assert_outcome(run_rule(CLOSED, case), "not_applicable", contains="不检查")
    no_sector = make_case("penalty", {**late, "sector": DELETE})
    assert_outcome(run_rule(CLOSED, no_sector), "not_applicable")
    # A standard that sets a period for other sectors: the message names the standard.
    params = {"archive.closing_working_days": {"default": 20, "market_regulation": 15}}
    urban = make_case("penalty", {**late, "sector": "urban_management"})
    assert_outcome(
        run_rule(CLOSED, urban, parameters=params),
        "fail",
        contains="期限20个工作日，截止2025-05-12；结案日期2025-06-03，逾期22日"
        "（期限依据：评查标准规定的结案期限）",
    )


@pytest.mark.parametrize(
    ("event", "last_day", "too_late"),
    [
        # National Day 2025: make-up workday Sun 28 Sep, holiday 1-8 Oct, make-up Sat 11 Oct
        (date(2025, 9, 26), date(2025, 10, 23), date(2025, 10, 24)),
        # Spring Festival 2025: make-up Sun 26 Jan, holiday 28 Jan-4 Feb, make-up Sat 8 Feb
        (date(2025, 1, 24), date(2025, 2, 20), date(2025, 2, 21)),
        # deadline on a make-up Saturday (11 Oct 2025)
        (date(2025, 9, 15), date(2025, 10, 11), date(2025, 10, 13)),
        # across New Year 2025 (1 Jan a holiday)
        (date(2024, 12, 25), date(2025, 1, 16), date(2025, 1, 17)),
    ],
)
def test_closing_period_counts_working_days(event: date, last_day: date, too_late: date) -> None:
    assert_outcome(run_rule(CLOSED, closing(event, last_day)), "pass")
    assert_outcome(
        run_rule(CLOSED, closing(event, too_late)), "fail", contains=f"截止{last_day.isoformat()}"
    )


def test_closing_parameters_and_missing_data() -> None:
    off = {"archive.closing_working_days": {"default": 15, "market_regulation": None}}
    assert_outcome(run_rule(CLOSED, make_case("penalty"), parameters=off), "not_applicable")
    tight = {"archive.closing_working_days": {"default": 15, "market_regulation": 2}}
    assert_outcome(
        run_rule(CLOSED, make_case("penalty"), parameters=tight), "fail", contains="期限2个工作日"
    )
    assert_outcome(run_rule(CLOSED, make_case("penalty", {"closing": DELETE})), "needs_review")
    # no event date: the payment completion date stands in
    fallback = make_case("penalty", {"closing.event_date": DELETE})
    assert_outcome(run_rule(CLOSED, fallback), "pass")
    # closed before the event: PEN-PROC-002 reports the order
    inverted = closing(date(2025, 4, 20), date(2025, 4, 15))
    assert_outcome(run_rule(CLOSED, inverted), "not_applicable", contains="PEN-PROC-002")
    # simple procedure is outside the SAMR article
    assert run_rule(CLOSED, make_case("penalty_simple")) == []


# ---------------------------------------------------------------------------------------------
# CF-ARCH-007 archiving deadline (unset by default)
# ---------------------------------------------------------------------------------------------


def test_archiving_deadline_unset_is_not_applicable() -> None:
    late = make_case("penalty", {"archive.date": date(2026, 1, 1)})
    assert_outcome(run_rule(ARCHIVED, late), "not_applicable", contains="archive.deadline_days")


def test_archiving_deadline_calendar_days() -> None:
    params = {"archive.deadline_days": 30}
    assert_outcome(run_rule(ARCHIVED, make_case("penalty"), parameters=params), "pass")
    late = make_case("penalty", {"archive.date": date(2025, 5, 20)})
    assert_outcome(
        run_rule(ARCHIVED, late, parameters=params),
        "fail",
        contains="结案日2025-04-15，期限30日，截止2025-05-15",
    )
    no_date = make_case("penalty", {"archive.date": DELETE})
    assert_outcome(run_rule(ARCHIVED, no_date, parameters=params), "needs_review")


def test_archiving_deadline_working_days_over_spring_festival() -> None:
    params = {"archive.deadline_days": 10, "archive.deadline_unit": "working_days"}
    base = {"closing.date": date(2025, 1, 20), "closing.approval.date": date(2025, 1, 20)}
    # 10 WD from Mon 20 Jan 2025 ends on the make-up Saturday 8 Feb
    on_time = make_case("penalty", {**base, "archive.date": date(2025, 2, 8)})
    assert_outcome(run_rule(ARCHIVED, on_time, parameters=params), "pass")
    late = make_case("penalty", {**base, "archive.date": date(2025, 2, 10)})
    assert_outcome(run_rule(ARCHIVED, late, parameters=params), "fail", contains="截止2025-02-08")


def test_archiving_deadline_licensing_runs_from_the_last_act() -> None:
    # no closing record: the licence was issued and served on 2025-05-21, archived 05-28
    case = make_case("licensing")
    five = {"archive.deadline_days": 5, "archive.deadline_unit": "working_days"}
    assert_outcome(run_rule(ARCHIVED, case, parameters=five), "pass")
    four = {**five, "archive.deadline_days": 4}
    assert_outcome(run_rule(ARCHIVED, case, parameters=four), "fail", contains="办结日2025-05-21")


# ---------------------------------------------------------------------------------------------
# CF-ARCH-008 page count
# ---------------------------------------------------------------------------------------------


def test_page_count() -> None:
    for base in ("penalty", "penalty_simple", "licensing"):
        assert_outcome(run_rule(PAGE_COUNT, make_case(base)), "pass")
    short = make_case("penalty", {"archive.total_pages": 20})
    assert_outcome(run_rule(PAGE_COUNT, short), "fail", contains="超过案卷记载的总页数20页")
    longer = make_case("penalty", {"archive.total_pages": 30})
    assert_outcome(run_rule(PAGE_COUNT, longer), "needs_review", contains="相差6页")
    assert_outcome(
        run_rule(PAGE_COUNT, make_case("penalty", {"archive.total_pages": DELETE})),
        "not_applicable",
    )
    # a page number that runs past the total
    past = make_case("licensing", {"documents.8.page_from": 12})
    assert_outcome(run_rule(PAGE_COUNT, past), "fail", contains="最大页码为第12页")
