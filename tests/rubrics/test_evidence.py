"""Tests of the `evidence` rubric plugin (事实认定与证据): every rule broken and satisfied."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from casefile_eval.loading import LoadFailure, load_dict
from casefile_eval.model import CaseFile
from casefile_eval.plugins import PluginSet, Rule
from casefile_eval.testing import (
    DELETE,
    assert_outcome,
    base_dict,
    build_dict,
    make_case,
    outcome,
    run_rule,
)
from casefile_eval_rubrics import evidence
from casefile_eval_rubrics.evidence import (
    copies_confirmed,
    evidence_provenance,
    evidence_within_timeline,
    expert_opinions,
    facts_supported,
    identity_proof_collected,
    monitoring_evidence,
    record_every_page_signed,
    record_party_signature,
    record_signed_by_collectors,
    unlawful_evidence_not_used,
)

SAMPLE = Path(__file__).resolve().parents[2] / "sample_cases" / "pen-scjg-001-clean.json"

# Indexes into the general base case ("penalty").
D02_INSPECTION = "documents.1"
D03_INQUIRY = "documents.2"


def _evidence(**fields: Any) -> dict[str, Any]:
    item: dict[str, Any] = {
        "id": "E9",
        "type": "documentary",
        "name": "检验报告",
        "source": "浙江省食品药品检验研究院出具",
        "collected_date": dt.date(2025, 3, 15),
        "collectors": ["O1", "O2"],
        "proves": ["F1"],
    }
    item.update(fields)
    return item


def _append(base: str, item: dict[str, Any], extra: dict[str, Any] | None = None) -> CaseFile:
    """The base case with ``extra`` overrides and one more evidence item (validated)."""
    data = build_dict(base, extra or {})
    data["evidence"].append(json.loads(json.dumps(item, default=str)))
    loaded = load_dict(data)
    assert not isinstance(loaded, LoadFailure), [e.describe() for e in loaded.errors]
    return loaded.case


def _plus_document(base: str, doc: dict[str, Any]) -> dict[str, Any]:
    """An override adding ``doc`` to the base case's documents."""
    return {"documents": [*base_dict(base)["documents"], doc]}


def _sample() -> CaseFile:
    loaded = load_dict(json.loads(SAMPLE.read_text(encoding="utf-8")))
    assert not isinstance(loaded, LoadFailure)
    return loaded.case


# --------------------------------------------------------------------------- plugin level


def test_plugin_declares_rules_and_parameters() -> None:
    rules = list(evidence.casefile_eval_rules())
    assert [r.id for r in rules] == [f"PEN-EVID-{n:03d}" for n in range(1, 12)]
    for r in rules:
        assert r.category == "facts_evidence"
        assert r.dimension == "merits"
        assert r.applies_to.kinds == frozenset({"penalty"})
        assert r.legal_basis and all(c.article for c in r.citations), r.id
        assert r.recommendation and r.notes and r.example
    names = {p.name for p in evidence.casefile_eval_parameters()}
    assert names == {"evidence.refusal_witness_required", "evidence.page_signed_record_types"}


def test_rules_are_loaded_as_installed_plugin() -> None:
    plugins = PluginSet.load()
    assert plugins.rules["PEN-EVID-001"].plugin == "evidence"
    assert plugins.parameters["evidence.page_signed_record_types"].default == ["inquiry_record"]


def test_manual_veto_rule_metadata() -> None:
    assert facts_supported.manual and facts_supported.veto
    assert not any(r.veto for r in evidence.RULES if r is not facts_supported)


@pytest.mark.parametrize("base", ["penalty", "penalty_simple"])
@pytest.mark.parametrize("rule", evidence.RULES, ids=lambda r: r.id)
def test_clean_base_cases_give_no_fail_or_error(base: str, rule: Rule) -> None:
    assert outcome(run_rule(rule, make_case(base))) not in ("fail", "error")


@pytest.mark.parametrize("rule", evidence.RULES, ids=lambda r: r.id)
def test_clean_sample_gives_no_fail_or_error(rule: Rule) -> None:
    assert outcome(run_rule(rule, _sample())) not in ("fail", "error")


# --------------------------------------------------------------------------- PEN-EVID-001


def test_provenance_passes_on_complete_items() -> None:
    assert_outcome(run_rule(evidence_provenance, make_case("penalty")), "pass")


def test_provenance_fails_on_missing_source_and_date() -> None:
    case = make_case("penalty", {"evidence.1.source": DELETE, "evidence.1.collected_date": DELETE})
    findings = run_rule(evidence_provenance, case)
    assert_outcome(findings, "fail", contains="未载明来源、收集日期")
    assert findings[0].pointers == ("/evidence/1",)


def test_provenance_fails_on_no_collectors() -> None:
    case = make_case("penalty", {"evidence.0.collectors": [], "evidence.3.source": ""})
    findings = run_rule(evidence_provenance, case)
    assert [f.outcome for f in findings] == ["fail", "fail"]
    assert "营业执照复印件”未载明收集人" in findings[0].message
    assert "现场照片12张”未载明来源" in findings[1].message


def test_provenance_not_applicable_without_evidence() -> None:
    case = make_case("penalty", {"evidence": []})
    assert_outcome(run_rule(evidence_provenance, case), "not_applicable")


# --------------------------------------------------------------------------- PEN-EVID-002


def test_party_signature_fails_when_unsigned_without_refusal_note() -> None:
    case = make_case("penalty", {f"{D02_INSPECTION}.party_signed": False})
    findings = run_rule(record_party_signature, case)
    assert_outcome(findings, "fail", contains="检查笔录（2025-03-03，卷内第2页）无当事人签名或盖章")
    assert "被询问人" not in findings[0].message  # an inspection record has no person questioned
    assert findings[0].pointers == ("/documents/1",)
    assert findings[0].values == {
        "文书": "检查笔录（2025-03-03，卷内第2页）",
        "当事人签名或盖章": "否",
    }


def test_party_signature_on_inquiry_record_names_the_person_questioned() -> None:
    case = make_case("penalty", {f"{D03_INQUIRY}.party_signed": False})
    assert_outcome(
        run_rule(record_party_signature, case),
        "fail",
        contains="询问笔录（2025-03-10，卷内第4页）无当事人（被询问人）签名或盖章",
    )


def test_party_signature_refusal_not_noted_fails() -> None:
    case = make_case(
        "penalty", {f"{D03_INQUIRY}.party_signed": False, f"{D03_INQUIRY}.party_refused": True}
    )
    assert_outcome(run_rule(record_party_signature, case), "fail", contains="未注明拒签情况")


def test_party_signature_refusal_noted_with_witness_passes() -> None:
    case = make_case(
        "penalty",
        {
            f"{D03_INQUIRY}.party_signed": False,
            f"{D03_INQUIRY}.party_refused": True,
            f"{D03_INQUIRY}.refusal_noted": True,
            f"{D03_INQUIRY}.witness": "张某（社区工作人员）",
        },
    )
    assert_outcome(run_rule(record_party_signature, case), "pass")


def test_party_signature_refusal_noted_with_video_passes_by_default() -> None:
    # D02 has an audio-video record (R1) in the base case.
    over = {
        f"{D02_INSPECTION}.party_signed": False,
        f"{D02_INSPECTION}.party_refused": True,
        f"{D02_INSPECTION}.refusal_noted": True,
    }
    case = make_case("penalty", over)
    assert_outcome(run_rule(record_party_signature, case), "pass")
    strict = run_rule(
        record_party_signature, case, parameters={"evidence.refusal_witness_required": True}
    )
    assert_outcome(strict, "fail", contains="无见证人签名")


def test_party_signature_refusal_noted_without_witness_or_video_needs_review() -> None:
    over = {
        f"{D03_INQUIRY}.party_signed": False,
        f"{D03_INQUIRY}.refusal_noted": True,
    }
    findings = run_rule(record_party_signature, make_case("penalty", over))
    assert_outcome(findings, "needs_review", contains="未载明见证人")


def test_party_signature_unknown_needs_review() -> None:
    case = make_case("penalty", {f"{D03_INQUIRY}.party_signed": DELETE})
    assert_outcome(run_rule(record_party_signature, case), "needs_review", contains="是否有当事人")


def test_party_signature_statement_record_only_when_used_as_evidence() -> None:
    statement = {
        "id": "D20",
        "type": "statement_record",
        "date": "2025-03-26",
        "officers": ["O1", "O2"],
        "party": "P1",
        "party_signed": False,
    }
    case = make_case("penalty", _plus_document("penalty", statement))
    assert_outcome(run_rule(record_party_signature, case), "pass")
    used = _append(
        "penalty",
        _evidence(id="E9", type="party_statement", name="陈述申辩笔录", document="D20"),
        _plus_document("penalty", statement),
    )
    assert_outcome(run_rule(record_party_signature, used), "fail", contains="陈述申辩笔录")


# --------------------------------------------------------------------------- PEN-EVID-003


def test_every_page_signed_fails_on_multi_page_inquiry() -> None:
    case = make_case("penalty", {f"{D03_INQUIRY}.every_page_signed": False})
    findings = run_rule(record_every_page_signed, case)
    assert_outcome(findings, "fail", contains="共3页，被询问人未逐页签名")
    assert findings[0].pointers == ("/documents/2/every_page_signed",)


def test_every_page_signed_passes_on_single_page_and_refusal() -> None:
    one_page = make_case(
        "penalty", {f"{D03_INQUIRY}.every_page_signed": False, f"{D03_INQUIRY}.pages": 1}
    )
    assert_outcome(run_rule(record_every_page_signed, one_page), "pass")
    refused = make_case(
        "penalty",
        {
            f"{D03_INQUIRY}.every_page_signed": False,
            f"{D03_INQUIRY}.party_signed": False,
            f"{D03_INQUIRY}.refusal_noted": True,
        },
    )
    assert_outcome(run_rule(record_every_page_signed, refused), "pass")


def test_every_page_signed_unknown_needs_review() -> None:
    case = make_case("penalty", {f"{D03_INQUIRY}.every_page_signed": DELETE})
    assert_outcome(run_rule(record_every_page_signed, case), "needs_review")


def test_every_page_signed_types_are_a_parameter() -> None:
    case = make_case("penalty", {f"{D02_INSPECTION}.every_page_signed": False})
    assert_outcome(run_rule(record_every_page_signed, case), "pass")
    wider = {"evidence.page_signed_record_types": ["inquiry_record", "inspection_record"]}
    findings = run_rule(record_every_page_signed, case, parameters=wider)
    assert_outcome(
        findings, "fail", contains="检查笔录（2025-03-03，卷内第2页）共2页，当事人未逐页签名"
    )


def test_every_page_signed_not_applicable_without_inquiry_records() -> None:
    assert_outcome(
        run_rule(record_every_page_signed, make_case("penalty_simple")), "not_applicable"
    )


# --------------------------------------------------------------------------- PEN-EVID-004


def test_record_signed_by_collectors_passes_on_base() -> None:
    assert_outcome(run_rule(record_signed_by_collectors, make_case("penalty")), "pass")


def test_record_missing_collector_signature_fails() -> None:
    # Three collectors, two signatures: the third officer's signature is missing.
    case = make_case("penalty", {"evidence.2.collectors": ["O1", "O2", "O3"]})
    findings = run_rule(record_signed_by_collectors, case)
    assert_outcome(
        findings, "fail", contains="由陈晓东、刘婷、王建国实施调查取证，王建国未在笔录上签名"
    )
    assert findings[0].values == {
        "文书": "询问笔录（2025-03-10，卷内第4页）",
        "收集人": ["陈晓东", "刘婷", "王建国"],
        "签名执法人员": ["陈晓东", "刘婷"],
        "未签名": ["王建国"],
    }


def test_record_with_fewer_than_two_signers_is_left_to_subject_plugin() -> None:
    # PEN-SUBJ-006 fails a record with one officer (a veto); scoring it here too would deduct
    # the same defect twice.
    one = make_case("penalty", {f"{D03_INQUIRY}.officers": ["O1"]})
    assert_outcome(run_rule(record_signed_by_collectors, one), "pass")
    assert_outcome(run_rule("PEN-SUBJ-006", one), "fail")
    none = make_case("penalty_simple", {"documents.0.officers": []})
    assert_outcome(run_rule(record_signed_by_collectors, none), "not_applicable")


def test_record_signatures_not_judged_without_collectors() -> None:
    case = make_case("penalty_simple", {"evidence.0.collectors": [], "documents.0.officers": []})
    assert_outcome(run_rule(record_signed_by_collectors, case), "not_applicable")


# --------------------------------------------------------------------------- PEN-EVID-005


def test_evidence_after_decision_fails() -> None:
    case = make_case("penalty", {"evidence.2.collected_date": dt.date(2025, 4, 5)})
    findings = run_rule(evidence_within_timeline, case)
    assert_outcome(findings, "fail", contains="收集日期2025-04-05晚于处罚决定日期2025-04-02")
    assert "/decision/date" in findings[0].pointers


def test_evidence_on_decision_day_passes() -> None:
    case = make_case("penalty", {"evidence.2.collected_date": dt.date(2025, 4, 2)})
    assert_outcome(run_rule(evidence_within_timeline, case), "pass")


def test_evidence_before_clue_fails() -> None:
    case = make_case("penalty", {"evidence.3.collected_date": dt.date(2025, 2, 27)})
    assert_outcome(
        run_rule(evidence_within_timeline, case),
        "fail",
        contains="早于发现违法线索日期2025-03-03",
    )


def test_sampling_and_monitoring_evidence_may_precede_clue() -> None:
    sampling = {"id": "D20", "type": "sampling_record", "date": "2025-02-20", "officers": ["O1"]}
    sampled = _append(
        "penalty",
        _evidence(collected_date=dt.date(2025, 2, 20), document="D20", name="抽样记录"),
        _plus_document("penalty", sampling),
    )
    assert_outcome(run_rule(evidence_within_timeline, sampled), "pass")
    device = _append(
        "penalty",
        _evidence(
            collected_date=dt.date(2025, 2, 28),
            type="electronic_data",
            monitoring_device={"device_id": "JK-01"},
        ),
    )
    assert_outcome(run_rule(evidence_within_timeline, device), "pass")


def test_timeline_simple_procedure_has_no_clue_bound() -> None:
    case = make_case("penalty_simple", {"evidence.1.collected_date": dt.date(2025, 6, 11)})
    assert_outcome(run_rule(evidence_within_timeline, case), "fail", contains="晚于处罚决定日期")


# --------------------------------------------------------------------------- PEN-EVID-006


def test_copy_not_confirmed_fails() -> None:
    case = make_case("penalty", {"evidence.4.copy_confirmed": False})
    findings = run_rule(copies_confirmed, case)
    assert_outcome(findings, "fail", contains="进货票据及销售记录复印件”为复制件，未经核对确认")
    assert findings[0].pointers == ("/evidence/4/copy_confirmed",)


def test_copy_confirmation_unknown_needs_review() -> None:
    case = make_case("penalty", {"evidence.0.copy_confirmed": DELETE})
    assert_outcome(run_rule(copies_confirmed, case), "needs_review", contains="营业执照复印件")


def test_copies_confirmed_passes_and_not_applicable() -> None:
    assert_outcome(run_rule(copies_confirmed, make_case("penalty")), "pass")
    assert_outcome(run_rule(copies_confirmed, make_case("penalty_simple")), "not_applicable")


# --------------------------------------------------------------------------- PEN-EVID-007


def _expert(**fields: Any) -> CaseFile:
    base = {
        "type": "expert_opinion",
        "name": "检验报告",
        "examiner": "浙江省食品药品检验研究院",
        "examiner_qualified": True,
        "result_told_to_party": True,
    }
    base.update(fields)
    return _append("penalty", _evidence(**base))


def test_expert_opinion_complete_passes() -> None:
    assert_outcome(run_rule(expert_opinions, _expert()), "pass")


def test_expert_opinion_unqualified_or_not_told_fails() -> None:
    findings = run_rule(
        expert_opinions, _expert(examiner_qualified=False, result_told_to_party=False)
    )
    assert_outcome(findings, "fail", contains="不具备法定资质；鉴定、检测结果未告知当事人")


def test_expert_opinion_unknown_needs_review() -> None:
    findings = run_rule(expert_opinions, _expert(examiner=None, result_told_to_party=None))
    assert_outcome(findings, "needs_review", contains="鉴定、检测机构及其资质、结果是否告知当事人")


def test_test_report_document_counts_as_expert_evidence() -> None:
    report = {"id": "D20", "type": "test_report", "date": "2025-03-15"}
    case = _append(
        "penalty",
        _evidence(document="D20", examiner="某检测公司", examiner_qualified=False),
        _plus_document("penalty", report),
    )
    assert_outcome(run_rule(expert_opinions, case), "fail", contains="某检测公司不具备法定资质")


def test_expert_opinion_not_applicable_without_one() -> None:
    assert_outcome(run_rule(expert_opinions, make_case("penalty")), "not_applicable")


# --------------------------------------------------------------------------- PEN-EVID-008


GOOD_DEVICE = {
    "device_id": "JK-0571-018",
    "legally_reviewed": True,
    "location_published": True,
    "record_reviewed": True,
    "record_reviewed_date": "2025-03-04",
    "party_notified_date": "2025-03-05",
}


def _monitored(**device: Any) -> CaseFile:
    return _append(
        "penalty",
        _evidence(
            type="electronic_data",
            name="电子监控抓拍记录",
            monitoring_device={**GOOD_DEVICE, **device},
        ),
    )


def test_monitoring_evidence_complete_passes() -> None:
    assert_outcome(run_rule(monitoring_evidence, _monitored()), "pass")


def test_monitoring_device_not_reviewed_fails() -> None:
    findings = run_rule(
        monitoring_evidence, _monitored(legally_reviewed=False, record_reviewed=False)
    )
    assert_outcome(findings, "fail", contains="设备未经法制和技术审核；记录内容未经审核")


def test_monitoring_party_notified_after_decision_fails() -> None:
    findings = run_rule(monitoring_evidence, _monitored(party_notified_date="2025-04-10"))
    assert_outcome(findings, "fail", contains="告知当事人日期2025-04-10晚于决定日期2025-04-02")


def test_monitoring_unknown_items_need_review() -> None:
    findings = run_rule(
        monitoring_evidence, _monitored(location_published=None, party_notified_date=None)
    )
    assert_outcome(findings, "needs_review", contains="设备设置地点是否向社会公布、告知当事人")


def test_monitoring_clue_without_device_data_needs_review() -> None:
    case = make_case("penalty", {"clue.source": "monitoring"})
    assert_outcome(run_rule(monitoring_evidence, case), "needs_review", contains="电子技术监控")
    assert_outcome(run_rule(monitoring_evidence, make_case("penalty")), "not_applicable")


def test_monitoring_rule_only_for_2021_law() -> None:
    assert monitoring_evidence.in_force_from == dt.date(2021, 7, 15)
    assert not monitoring_evidence.in_force_on(dt.date(2021, 7, 14))
    assert monitoring_evidence.in_force_on(dt.date(2021, 7, 15))


# --------------------------------------------------------------------------- PEN-EVID-009


def test_unlawful_evidence_used_fails() -> None:
    case = make_case("penalty", {"evidence.3.lawfully_obtained": False})
    findings = run_rule(unlawful_evidence_not_used, case)
    assert_outcome(
        findings,
        "fail",
        contains="证据“现场照片12张”系以非法手段取得，仍被用于证明事实“当事人于2025年3月3日",
    )
    assert findings[0].values["证据"] == "现场照片12张"


def test_unlawful_evidence_without_link_needs_review() -> None:
    case = make_case("penalty", {"evidence.0.lawfully_obtained": False})
    assert_outcome(run_rule(unlawful_evidence_not_used, case), "needs_review")


def test_lawful_evidence_passes() -> None:
    case = make_case("penalty", {"evidence.3.lawfully_obtained": True})
    assert_outcome(run_rule(unlawful_evidence_not_used, case), "pass")


# --------------------------------------------------------------------------- PEN-EVID-010


def test_identity_proof_missing_fails() -> None:
    case = make_case("penalty_simple", {"parties.0.identity_verified": False})
    findings = run_rule(identity_proof_collected, case)
    assert_outcome(findings, "fail", contains="未收集当事人林志明的身份证明材料")
    assert findings[0].pointers == ("/parties/0/identity_verified",)


def test_identity_proof_unknown_needs_review() -> None:
    case = make_case("penalty_simple", {"parties.0.identity_verified": DELETE})
    assert_outcome(run_rule(identity_proof_collected, case), "needs_review")


def test_identity_proof_found_in_documents_or_evidence() -> None:
    # The general base holds the business licence (D04) and lists it as evidence E1.
    case = make_case("penalty", {"parties.0.identity_verified": False})
    assert_outcome(run_rule(identity_proof_collected, case), "pass")
    doc = {"id": "D05", "type": "identity_proof", "date": "2025-06-10", "party": "P1"}
    simple = make_case(
        "penalty_simple",
        {"parties.0.identity_verified": DELETE, **_plus_document("penalty_simple", doc)},
    )
    assert_outcome(run_rule(identity_proof_collected, simple), "pass")


# --------------------------------------------------------------------------- PEN-EVID-011


def test_facts_rule_always_needs_review_on_clean_case() -> None:
    findings = run_rule(facts_supported, make_case("penalty"))
    assert_outcome(findings, "needs_review", contains="机器核对未发现主要事实缺少证据支持")


def test_facts_rule_lists_unsupported_main_fact() -> None:
    case = make_case("penalty", {"evidence.4.proves": [], "evidence.2.proves": ["F1"]})
    findings = run_rule(facts_supported, case)
    assert_outcome(
        findings, "needs_review", contains="主要事实无证据证明：“当事人销售上述食品违法所得320元"
    )
    assert findings[0].values["无证据的主要事实"]
    assert "/facts/1" in findings[0].pointers


def test_facts_rule_lists_fact_proven_only_by_party_statement() -> None:
    case = make_case("penalty", {"evidence.4.proves": []})
    findings = run_rule(facts_supported, case)
    assert_outcome(
        findings, "needs_review", contains="仅有当事人陈述，缺少其他证据印证：“当事人销售"
    )


def test_facts_rule_lists_fact_proven_only_by_unconfirmed_copies() -> None:
    case = make_case("penalty", {"evidence.2.proves": ["F1"], "evidence.4.copy_confirmed": False})
    assert_outcome(
        run_rule(facts_supported, case),
        "needs_review",
        contains="仅有未经核对确认的复制件证明：“当事人销售",
    )


def test_facts_rule_ignores_unlawful_evidence_and_secondary_facts() -> None:
    case = make_case(
        "penalty", {"evidence.4.lawfully_obtained": False, "evidence.2.proves": ["F1"]}
    )
    assert_outcome(
        run_rule(facts_supported, case), "needs_review", contains="主要事实无证据证明：“当事人销售"
    )
    secondary = make_case(
        "penalty", {"evidence.4.proves": [], "evidence.2.proves": ["F1"], "facts.1.main": False}
    )
    assert_outcome(run_rule(facts_supported, secondary), "needs_review", contains="机器核对未发现")


def test_facts_rule_without_facts() -> None:
    no_facts = make_case("penalty", {"facts": [], **{f"evidence.{i}.proves": [] for i in range(5)}})
    assert_outcome(
        run_rule(facts_supported, no_facts), "needs_review", contains="未列明认定的违法事实"
    )


def test_facts_rule_simple_procedure_facts_not_certain() -> None:
    case = make_case("penalty_simple", {"on_the_spot.facts_certain": False})
    assert_outcome(run_rule(facts_supported, case), "needs_review", contains="违法事实不确凿")


def test_facts_rule_scope_excludes_not_established() -> None:
    case = make_case("penalty", {"decision.outcome": "not_established", "decision.penalties": []})
    assert run_rule(facts_supported, case) == []


# --------------------------------------------------------------------------- review fixes


def test_provenance_basis_cites_documentary_evidence_article() -> None:
    basis = evidence_provenance.legal_basis
    assert "《最高人民法院关于行政诉讼证据若干问题的规定》第十条第一款" in basis
    assert "《市场监督管理行政处罚程序规定》第二十四条" in basis
    assert not any("第十二条" in b for b in basis)


def test_evidence_between_violation_start_and_clue_needs_review() -> None:
    # An earlier inspection of the same violation (e.g. a 责令限期改正 whose 复查 became the clue)
    # may precede the clue: the same carve-out as PEN-PROC-003.
    case = make_case(
        "penalty",
        {
            "violation.start_date": dt.date(2025, 2, 20),
            "evidence.3.collected_date": dt.date(2025, 2, 25),
        },
    )
    findings = run_rule(evidence_within_timeline, case)
    assert_outcome(
        findings,
        "needs_review",
        contains="证据“现场照片12张”收集日期2025-02-25，早于发现违法线索日期2025-03-03，"
        "但不早于违法行为发生日期2025-02-20",
    )
    assert "/evidence/3/collected_date" in findings[0].pointers


def test_evidence_before_the_violation_began_fails() -> None:
    case = make_case(
        "penalty",
        {
            "violation.start_date": dt.date(2025, 2, 20),
            "evidence.3.collected_date": dt.date(2025, 2, 10),
        },
    )
    assert_outcome(
        run_rule(evidence_within_timeline, case),
        "fail",
        contains="早于发现违法线索日期2025-03-03和违法行为发生日期2025-02-20",
    )


def test_evidence_before_clue_without_violation_date_fails() -> None:
    case = make_case(
        "penalty",
        {"violation.start_date": DELETE, "evidence.3.collected_date": dt.date(2025, 2, 25)},
    )
    assert_outcome(
        run_rule(evidence_within_timeline, case), "fail", contains="证据收集时间与案件来源不符"
    )


def test_values_are_chinese_yes_no_without_ids() -> None:
    case = make_case(
        "penalty",
        {
            "evidence.4.copy_confirmed": False,
            "parties.0.identity_verified": False,
            "documents": [d for d in base_dict("penalty")["documents"] if d["id"] != "D04"],
            "evidence.0.document": DELETE,
            "evidence.0.name": "进货单",
            "evidence.1.source": DELETE,
            f"{D02_INSPECTION}.party_signed": False,
        },
    )
    seen = 0
    for rule in evidence.RULES:
        for f in run_rule(rule, case):
            if f.outcome not in ("fail", "needs_review"):
                continue
            seen += 1
            values = json.dumps(f.to_dict().get("values", {}), ensure_ascii=False)
            for token in ("true", "false", "null", '"E', '"D0', '"D1', '"O', '"F'):
                assert token not in values, (rule.id, token, values)
            for token in ("D02", "E2", "E5", "O1", "F1", "F2"):
                assert token not in f.message, (rule.id, token, f.message)
    assert seen >= 4
    copy = run_rule(copies_confirmed, case)[0]
    assert copy.values == {"证据": "进货票据及销售记录复印件", "复制件经核对确认": "否"}


def test_expert_opinion_values_say_yes_or_no() -> None:
    findings = run_rule(expert_opinions, _expert(examiner_qualified=False))
    assert findings[0].values["机构具备资质"] == "否"
    assert findings[0].values["结果告知当事人"] == "是"


@pytest.mark.parametrize("path", sorted(SAMPLE.parent.glob("*clean*.json")), ids=lambda p: p.name)
def test_clean_sample_files_give_no_fail_or_error(path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    for r in evidence.RULES:
        assert outcome(run_rule(r, data)) not in ("fail", "error"), (path.name, r.id)
