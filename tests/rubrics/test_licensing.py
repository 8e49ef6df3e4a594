"""Tests of the `licensing` rubric plugin (行政许可案卷): every rule broken and satisfied,
with working-day edge cases around the 2025 public holidays.

2025 calendar facts used below (statutory-rules §7 PA-02): Spring Festival off 28 Jan–4 Feb with
make-up workdays Sun 26 Jan and Sat 8 Feb; Labour Day off 1–5 May with make-up Sun 27 Apr;
National Day off 1–8 Oct with make-up Sun 28 Sep and Sat 11 Oct; New Year's Day 1 Jan only.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest

from casefile_eval.citations import parse_citations
from casefile_eval.engine import Evaluator
from casefile_eval.loading import load_dict
from casefile_eval.model import CaseFile
from casefile_eval.plugins import Finding, PluginSet, Rule
from casefile_eval.standard import DEFAULT_FOR_KIND, load_standard, resolve
from casefile_eval.testing import DELETE, assert_outcome, make_case, outcome, run_rule
from casefile_eval_rubrics import licensing as L

# Only this plugin, so that the tests do not depend on the other rubric modules.
PLUGINS = PluginSet.load(entry_points=False, objects={"licensing": L})
D = dt.date
SAMPLES = Path(__file__).resolve().parents[2] / "sample_cases"
CGZF_SAMPLES = (
    "lic-cgzf-001-correction-clean.json",
    "lic-cgzf-002-two-corrections-late-certificate.json",
)


def case(overrides: dict[str, Any] | None = None) -> CaseFile:
    return make_case("licensing", overrides or {})


def run(rule: Rule, c: CaseFile, parameters: dict[str, Any] | None = None) -> list[Finding]:
    return run_rule(rule, c, parameters=parameters, plugins=PLUGINS)


def check(rule: Rule, overrides: dict[str, Any] | None, expected: str, contains: str = "") -> None:
    assert_outcome(run(rule, case(overrides)), expected, contains=contains)


# make_case appends at the index one past the end; the base case holds documents D01–D09.
ADD_D10 = "documents.9"
ADD_D11 = "documents.10"


def dates(receipt: dt.date, accepted: dt.date | None = None, **more: Any) -> dict[str, Any]:
    """Move the application and acceptance dates (acceptance defaults to the receipt day)."""
    return {"application.date": receipt, "acceptance.date": accepted or receipt, **more}


# --------------------------------------------------------------------------- plugin level

VETOES = {
    "LIC-SUBJ-001",
    "LIC-SUBJ-002",
    "LIC-LAW-001",
    "LIC-REV-004",
    "LIC-FEE-001",
    "LIC-HEAR-001",
    "LIC-HEAR-003",
    "LIC-HEAR-004",
}


def test_rules_metadata() -> None:
    rules = list(L.casefile_eval_rules())
    ids = [r.id for r in rules]
    assert len(ids) == len(set(ids)) == 31
    assert all(i.startswith("LIC-") for i in ids)
    standard = load_standard(DEFAULT_FOR_KIND["licensing"])
    dims = {c.key: c.dimension for c in standard.categories}
    for r in rules:
        assert r.category in {
            "subject",
            "licensing_review",
            "legal_basis",
            "licensing_procedure",
            "documents",
        }
        assert dims[r.category] == r.dimension, r.id
        assert r.applies_to.kinds == {"licensing"}
        assert r.legal_basis and all(
            b.startswith("《中华人民共和国行政许可法》") for b in r.legal_basis
        )
        assert r.citations, r.id
        assert r.recommendation and r.example and r.notes and r.description
        assert r.default_deduction > 0
    assert {r.id for r in rules if r.veto} == VETOES
    assert [r.id for r in rules if r.manual] == ["LIC-REV-004"]
    # Late decisions are a deduction by default (domain-standards §3.2).
    assert not next(r for r in rules if r.id == "LIC-DEC-001").veto


#: An item written without brackets ("第四项"); statutes print items as （四） (legal review §5).
BARE_ITEM = re.compile(r"第[一二三四五六七八九十]+项")


def test_items_are_cited_as_printed_in_the_statute() -> None:
    texts = [p.basis for p in L.casefile_eval_parameters()]
    for r in L.RULES:
        texts += [*r.legal_basis, r.notes, r.recommendation, r.example, r.description]
    assert not [t for t in texts if BARE_ITEM.search(t)]
    assert f"{L._LAW}第三十二条第一款第（四）项" in L.one_time_correction.legal_basis
    # The test itself recognises the old form.
    assert BARE_ITEM.search("第三十二条第一款第四项")


def test_parameters_declared_with_defaults_from_the_standards() -> None:
    params = {p.name: p.default for p in L.casefile_eval_parameters()}
    assert params == {
        "licensing.supplement_notice_days": 5,
        "licensing.decision_days": 20,
        "licensing.extension_days": 10,
        "licensing.joint_decision_days": 45,
        "licensing.joint_extension_days": 15,
        "licensing.certificate_days": 10,
        "licensing.hearing_request_days": 5,
        "licensing.hearing_organise_days": 20,
        "licensing.hearing_notice_days": 7,
        "licensing.inspection_start_days": 5,
        "licensing.renewal_application_days": 30,
        "licensing.renewal_application_unit": "calendar_days",
    }
    for rule in L.RULES:
        assert set(rule.parameters) <= set(params)


def test_clean_base_case_gives_no_fail_or_error() -> None:
    clean = case()
    for rule in L.RULES:
        findings = run(rule, clean)
        assert outcome(findings) not in ("fail", "error"), (rule.id, findings)


def test_rules_do_not_apply_to_penalty_files() -> None:
    for base in ("penalty", "penalty_simple"):
        penalty = make_case(base)
        for rule in L.RULES:
            assert run(rule, penalty) == []


def test_default_standard_scores_the_clean_case_without_veto() -> None:
    result = Evaluator(plugins=PLUGINS, as_of=D(2026, 1, 1)).evaluate(case())
    assert not result.score.vetoes
    assert not result.score.errors
    assert result.score.pending == ("LIC-REV-004",)


def test_a_provincial_standard_can_make_a_late_decision_a_veto(tmp_path: Path) -> None:
    # 安徽 treats a late decision as a veto: a standard says so on the item, no code change.
    path = tmp_path / "anhui-licensing.toml"
    path.write_text(
        '[standard]\nid = "anhui-licensing"\nversion = "1"\n'
        'title = "安徽省行政许可案卷评查标准（示例）"\nkind = "licensing"\n'
        'extends = "default-licensing"\n\n'
        '[[items]]\nselect = ["LIC-DEC-001"]\nveto = true\n'
        'veto_label = "未在法定期限内作出行政许可决定"\n',
        encoding="utf-8",
    )
    late = case({"decision.date": D(2025, 6, 5)})
    default = Evaluator(plugins=PLUGINS, as_of=D(2026, 1, 1)).evaluate(late)
    assert [i.outcome for i in default.score.items if i.rule_id == "LIC-DEC-001"] == ["fail"]
    assert not default.score.vetoes
    anhui_std = load_standard(path)
    assert resolve(anhui_std, PLUGINS).items["LIC-DEC-001"].veto
    anhui = Evaluator(anhui_std, plugins=PLUGINS, as_of=D(2026, 1, 1)).evaluate(late)
    assert [v.rule_id for v in anhui.score.vetoes] == ["LIC-DEC-001"]
    assert anhui.score.total == 0


def test_instrument_kind() -> None:
    kind = L.instrument_kind
    assert kind("中华人民共和国食品安全法") == "law"
    assert kind("中华人民共和国道路运输条例") == "regulation"
    assert kind("城市市容和环境卫生管理条例") == "regulation"  # national despite 城市…市
    assert kind("浙江省行政事业性收费管理条例") == "local_regulation"
    assert kind("杭州市户外广告设置管理办法") == "local_rule"
    assert kind("杭州市人民政府办公厅关于户外广告设置管理的通知") == "normative"
    assert kind("国务院对确需保留的行政审批项目设定行政许可的决定") == "state_council"
    assert kind("食品经营许可和备案管理办法") == "unknown"


def test_general_and_provincial_instruments() -> None:
    assert L.is_general_instrument("中华人民共和国行政处罚法")
    assert L.is_general_instrument("市场监督管理行政处罚程序规定")
    assert L.is_general_instrument("交通运输行政执法程序规定")
    assert L.is_general_instrument("中华人民共和国行政许可法")
    assert not L.is_general_instrument("中华人民共和国食品安全法")
    assert not L.is_general_instrument("城市建筑垃圾管理规定")
    provincial = L.is_provincial_government_instrument
    assert provincial("广东省人民政府关于在广州市天河区开展相对集中行政许可权工作的决定")
    assert provincial("广西壮族自治区人民政府关于相对集中行政许可权的决定")
    assert provincial("北京市人民政府关于相对集中行政许可权的决定")
    assert not provincial("广东省人民政府办公厅关于相对集中行政许可权的通知")
    assert not provincial("吉林市人民政府关于相对集中行政许可权的决定")  # a city of 吉林省
    assert not provincial("广州市人民政府关于相对集中行政许可权的决定")


# --------------------------------------------------------------------------- subject


def test_subj_001_item_not_listed_fails() -> None:
    check(L.item_lawfully_created, {"application.item_listed": False}, "fail", "未列入")


def test_subj_001_item_created_by_normative_document_fails() -> None:
    basis = ["《杭州市人民政府办公厅关于户外广告设置管理的通知》"]
    check(L.item_lawfully_created, {"application.item_basis": basis}, "fail", "规范性文件")


def test_subj_001_item_created_only_by_rule_needs_review() -> None:
    basis = ["《食品经营许可和备案管理办法》第十条"]
    check(L.item_lawfully_created, {"application.item_basis": basis}, "needs_review", "人工核对")


def test_subj_001_unknown_listing_or_basis_needs_review() -> None:
    check(L.item_lawfully_created, {"application.item_listed": DELETE}, "needs_review", "清单")
    check(L.item_lawfully_created, {"application.item_basis": []}, "needs_review", "设定依据")


def test_subj_001_passes_for_law_and_local_regulation() -> None:
    check(L.item_lawfully_created, None, "pass")
    basis = ["《浙江省食品小作坊小餐饮店小食杂店管理条例》第五条"]
    check(L.item_lawfully_created, {"application.item_basis": basis}, "pass")


ENTRUSTING = "杭州市市场监督管理局"


def entrusted(**entrustment: Any) -> dict[str, Any]:
    values = {
        "document_no": "杭市监委〔2025〕1号",
        "entrusting_agency": ENTRUSTING,
        "matters": "食品经营许可",
        "term_start": "2025-01-01",
        "term_end": "2025-12-31",
        "published": True,
        **entrustment,
    }
    return {
        "agency.subject_type": "entrusted",
        "agency.entrustment": values,
        "decision.issuing_agency_name": ENTRUSTING,
    }


def test_subj_002_passes_for_an_organ_with_a_power_basis() -> None:
    check(L.agency_has_power, None, "pass")


def test_subj_002_missing_power_basis_needs_review() -> None:
    check(L.agency_has_power, {"agency.power_basis": []}, "needs_review", "职权依据")


def test_subj_002_repealed_power_basis_fails() -> None:
    check(
        L.agency_has_power, {"agency.power_basis": ["《环境行政处罚办法》第十条"]}, "fail", "失效"
    )


def test_subj_002_power_basis_citing_only_the_penalty_law_needs_review() -> None:
    # Legal review §4.7: 行政处罚法第十八条第二款 concentrates penalty powers, not licensing ones.
    penalty_law = {"agency.power_basis": ["《中华人民共和国行政处罚法》第十八条第二款"]}
    findings = run(L.agency_has_power, case(penalty_law))
    assert_outcome(
        findings,
        "needs_review",
        contains="职权依据仅见《中华人民共和国行政处罚法》：行政处罚法和行政处罚规定调整的是行政处罚",
    )
    assert findings[0].values["职权依据"] == "《中华人民共和国行政处罚法》第十八条第二款"


def test_subj_002_power_basis_citing_only_procedure_rules_needs_review() -> None:
    rules = {
        "agency.power_basis": [
            "《市场监督管理行政处罚程序规定》第六条",
            "《交通运输行政执法程序规定》第九条",
        ]
    }
    check(L.agency_has_power, rules, "needs_review", "程序性规定不赋予行政许可权")
    licensing_law = {"agency.power_basis": ["《中华人民共和国行政许可法》第二十二条"]}
    check(L.agency_has_power, licensing_law, "needs_review", "本身不赋予特定行政机关该项许可权")


def test_subj_002_general_law_beside_the_sector_law_passes() -> None:
    both = {
        "agency.power_basis": [
            "《中华人民共和国食品安全法》第三十五条第一款",
            "《市场监督管理行政处罚程序规定》第六条",
        ]
    }
    check(L.agency_has_power, both, "pass")


CONCENTRATION = "《中华人民共和国行政许可法》第二十五条"
PROVINCIAL_DECISION = "《广东省人民政府关于在广州市天河区开展相对集中行政许可权工作的决定》"


def test_subj_002_concentration_without_the_provincial_decision_needs_review() -> None:
    check(
        L.agency_has_power,
        {"agency.power_basis": [CONCENTRATION]},
        "needs_review",
        "援引行政许可法第二十五条（相对集中行政许可权），但未引用省、自治区、直辖市人民政府",
    )
    office = "《广东省人民政府办公厅关于相对集中行政许可权的通知》"
    overrides = {"agency.power_basis": [CONCENTRATION, office]}
    check(L.agency_has_power, overrides, "needs_review", "未引用省、自治区、直辖市人民政府")


def test_subj_002_concentration_with_the_provincial_decision_passes() -> None:
    check(L.agency_has_power, {"agency.power_basis": [CONCENTRATION, PROVINCIAL_DECISION]}, "pass")


def test_subj_002_entrustment_without_document_fails() -> None:
    check(L.agency_has_power, {"agency.subject_type": "entrusted"}, "fail", "未见委托书")


def test_subj_002_unpublished_or_expired_entrustment_fails() -> None:
    check(L.agency_has_power, entrusted(published=False), "fail", "未公告")
    check(L.agency_has_power, entrusted(term_end="2025-05-01"), "fail", "不在委托期限")


def test_subj_002_decision_in_the_entrusted_bodys_name_fails() -> None:
    overrides = {**entrusted(), "decision.issuing_agency_name": "杭州市余杭区市场监督管理局"}
    check(L.agency_has_power, overrides, "fail", "未以委托机关名义")


ENTRUSTMENT_BASIS = ["《浙江省行政许可委托实施办法》第五条"]


def test_subj_002_entrustment_with_basis_to_an_organ_passes() -> None:
    lawful = entrusted(basis=ENTRUSTMENT_BASIS, entrusted_is_organ=True)
    check(L.agency_has_power, lawful, "pass")
    by_law = entrusted(
        basis=["《中华人民共和国食品安全法》第三十五条第一款"], entrusted_is_organ=True
    )
    check(L.agency_has_power, by_law, "pass")


def test_lawful_entrustment_case_is_clean() -> None:
    lawful = case(entrusted(basis=ENTRUSTMENT_BASIS, entrusted_is_organ=True))
    for rule in L.RULES:
        assert outcome(run(rule, lawful)) not in ("fail", "error"), rule.id


def test_subj_002_entrustment_to_a_non_organ_fails() -> None:
    # Unlike penalties, licensing may be entrusted only to another administrative organ.
    overrides = entrusted(basis=ENTRUSTMENT_BASIS, entrusted_is_organ=False)
    check(L.agency_has_power, overrides, "fail", "不是行政机关，行政许可只能委托其他行政机关实施")


def test_subj_002_entrustment_on_a_normative_document_fails() -> None:
    basis = ["《杭州市市场监督管理局关于委托实施食品经营许可的通知》"]
    overrides = entrusted(basis=basis, entrusted_is_organ=True)
    check(L.agency_has_power, overrides, "fail", "属于规范性文件，不是法律、法规、规章")


def test_subj_002_entrustment_on_a_repealed_instrument_fails() -> None:
    overrides = entrusted(basis=["《环境行政处罚办法》第十条"], entrusted_is_organ=True)
    check(L.agency_has_power, overrides, "fail", "委托依据“《环境行政处罚办法》第十条”")


def test_subj_002_entrustment_defects_are_counted() -> None:
    overrides = entrusted(basis=ENTRUSTMENT_BASIS, entrusted_is_organ=False, published=False)
    findings = run(L.agency_has_power, case(overrides))
    assert_outcome(findings, "fail", contains="未公告")
    assert findings[0].count == 2


def test_subj_002_entrustment_basis_or_organ_unrecorded_needs_review() -> None:
    check(L.agency_has_power, entrusted(), "needs_review", "案卷未记载委托的法律、法规、规章依据")
    no_organ_flag = entrusted(basis=ENTRUSTMENT_BASIS)
    check(L.agency_has_power, no_organ_flag, "needs_review", "未记载受委托者是否为行政机关")
    council = entrusted(
        basis=["《国务院对确需保留的行政审批项目设定行政许可的决定》附件第101项"],
        entrusted_is_organ=True,
    )
    check(L.agency_has_power, council, "needs_review", "不能确定为法律、法规、规章")
    untitled = entrusted(basis=["依照有关规定委托"], entrusted_is_organ=True)
    check(L.agency_has_power, untitled, "needs_review", "未能识别出法律、法规、规章名称")


def test_subj_002_authorised_organisation_without_law_needs_review() -> None:
    overrides = {
        "agency.subject_type": "authorised",
        "agency.power_basis": ["《食品经营许可和备案管理办法》第四条"],
    }
    check(L.agency_has_power, overrides, "needs_review", "授权组织")
    overrides["agency.power_basis"] = ["《中华人民共和国食品安全法》第三十五条第一款"]
    check(L.agency_has_power, overrides, "pass")
    # The Penalty Law is a law, but it authorises no licensing: still a question for a person.
    overrides["agency.power_basis"] = ["《中华人民共和国行政处罚法》第十八条第二款"]
    check(L.agency_has_power, overrides, "needs_review", "行政处罚法和行政处罚规定")


@pytest.mark.parametrize("name", CGZF_SAMPLES)
def test_cgzf_samples_cite_the_licensing_concentration(name: str) -> None:
    sample = load_dict(json.loads((SAMPLES / name).read_text(encoding="utf-8"))).case
    laws = {c.law for text in sample.agency.power_basis for c in parse_citations(text)}
    assert "中华人民共和国行政处罚法" not in laws
    assert "中华人民共和国行政许可法" in laws
    assert_outcome(run(L.agency_has_power, sample), "pass")


def test_cgzf_clean_sample_has_no_fail_or_error() -> None:
    sample = load_dict(json.loads((SAMPLES / CGZF_SAMPLES[0]).read_text(encoding="utf-8"))).case
    for rule in L.RULES:
        assert outcome(run(rule, sample)) not in ("fail", "error"), rule.id


def test_subj_003_staff_without_certificate_fails() -> None:
    check(L.verification_staff_certified, {"officers.0.certificate_no": DELETE}, "fail", "方宇")


def test_subj_003_expired_certificate_fails() -> None:
    overrides = {"officers.1.certificate_valid_until": "2025-05-01"}
    check(L.verification_staff_certified, overrides, "fail", "不在有效期内")


def test_subj_003_passes_and_reads_the_record_signatories() -> None:
    check(L.verification_staff_certified, None, "pass")
    check(L.verification_staff_certified, {"verifications.0.staff": []}, "pass")
    check(L.verification_staff_certified, {"verifications": []}, "not_applicable")


# --------------------------------------------------------------------------- legal basis


def test_law_001_repealed_basis_fails() -> None:
    check(
        L.basis_in_force, {"application.item_basis": ["《环境行政处罚办法》第十条"]}, "fail", "失效"
    )


def test_law_001_one_finding_per_instrument() -> None:
    basis = ["《环境行政处罚办法》第十条、第十一条"]
    findings = run(L.basis_in_force, case({"application.item_basis": basis}))
    assert [f.outcome for f in findings] == ["fail"]


def test_law_001_superseded_edition_fails() -> None:
    basis = ["《中华人民共和国食品安全法》（2009年版）第二十九条"]
    check(L.basis_in_force, {"application.item_basis": basis}, "fail", "不是现行版本")


def test_law_001_example_is_a_licensing_basis_the_rule_catches() -> None:
    # Legal review §5: the example used to cite a penalty rule (《环境行政处罚办法》).
    example = L.basis_in_force.example
    assert "处罚" not in example
    cites = parse_citations(example)
    assert [c.law for c in cites] == ["中华人民共和国食品安全法"]
    basis = [cites[0].raw]
    check(L.basis_in_force, {"application.item_basis": basis}, "fail", "2009年版本")
    current = ["《中华人民共和国食品安全法》第三十五条第一款"]
    check(L.basis_in_force, {"application.item_basis": current}, "pass")


def test_law_001_passes_for_a_law_in_force() -> None:
    check(L.basis_in_force, None, "pass")
    check(L.basis_in_force, {"application.item_basis": []}, "not_applicable")


def test_law_002_short_title_fails() -> None:
    basis = ["《食品安全法》第三十五条第一款"]
    check(L.basis_cited_fully, {"application.item_basis": basis}, "fail", "未使用全称")


def test_law_002_no_article_and_no_title_fail_per_occurrence() -> None:
    basis = ["《中华人民共和国食品安全法》", "食品安全法相关规定"]
    findings = run(L.basis_cited_fully, case({"application.item_basis": basis}))
    assert_outcome(findings, "fail", contains="未引用到具体条款")
    assert "未写明法律、法规、规章名称" in findings[0].message
    assert findings[0].count == 2


def test_law_002_passes_for_a_full_citation() -> None:
    check(L.basis_cited_fully, None, "pass")


def test_law_002_annex_item_counts_as_specific() -> None:
    council = "《国务院对确需保留的行政审批项目设定行政许可的决定》"
    check(L.basis_cited_fully, {"application.item_basis": [council + "附件第101项"]}, "pass")
    check(
        L.basis_cited_fully,
        {"application.item_basis": [council]},
        "fail",
        "未引用到具体条款",
    )


# --------------------------------------------------------------------------- review


def test_rev_001_single_staff_fails() -> None:
    check(L.verification_two_staff, {"verifications.0.staff": ["O1"]}, "fail", "仅由1名")


def test_rev_001_no_record_fails() -> None:
    check(L.verification_two_staff, {"verifications.0.document": DELETE}, "fail", "未制作核查笔录")


def test_rev_001_passes_and_skips_technical_inspections() -> None:
    check(L.verification_two_staff, None, "pass")
    overrides = {"verifications.0.technical_inspection": True}
    check(L.verification_two_staff, overrides, "not_applicable")


def inspection(day: dt.date, **more: Any) -> dict[str, Any]:
    return {"verifications.0.technical_inspection": True, "verifications.0.date": day, **more}


def test_rev_002_inspection_within_five_working_days_passes() -> None:
    check(L.inspection_in_time, inspection(D(2025, 5, 13)), "pass")
    check(L.inspection_in_time, None, "not_applicable")


def test_rev_002_late_inspection_fails() -> None:
    check(L.inspection_in_time, inspection(D(2025, 5, 14)), "fail", "截止2025-05-13")


def test_rev_002_labour_day_holiday_is_not_counted() -> None:
    # Accepted Tue 29 Apr 2025: 30 Apr (1), 1–5 May holiday, 6–9 May (2–5) -> 9 May.
    before_holiday = dates(D(2025, 4, 29))
    check(L.inspection_in_time, {**before_holiday, **inspection(D(2025, 5, 9))}, "pass")
    late = {**before_holiday, **inspection(D(2025, 5, 12))}
    check(L.inspection_in_time, late, "fail", "截止2025-05-09")


def test_rev_002_single_inspector_fails() -> None:
    overrides = inspection(D(2025, 5, 12), **{"verifications.0.staff": ["O1"]})
    check(L.inspection_in_time, overrides, "fail", "仅由1名")


HEARING_RIGHT_ONLY = {
    "interested_parties": {"exist": True, "heard": True},
    "hearing": {"right_notified_date": "2025-05-08"},
}


def test_rev_003_interested_parties_not_told_fails() -> None:
    # The hearing right was told (HEAR-003 passes) but the interested parties were never told
    # of the matter: REV-003's own defect.
    check(L.interested_parties_heard, HEARING_RIGHT_ONLY, "fail", "未告知利害关系人")
    assert_outcome(run(L.hearing_right_told, case(HEARING_RIGHT_ONLY)), "pass")
    notice = {"id": "D10", "type": "hearing_right_notice", "date": "2025-05-08"}
    undated_field = {"interested_parties": {"exist": True, "heard": True}, ADD_D10: notice}
    check(L.interested_parties_heard, undated_field, "fail", "未告知利害关系人")


def test_rev_003_stands_aside_when_nothing_was_told() -> None:
    # Legal review §3.8: one missing notice is one defect; HEAR-003 (veto) scores it.
    nothing = {"interested_parties.exist": True}
    check(L.interested_parties_heard, nothing, "not_applicable", "见LIC-HEAR-003")
    check(L.hearing_right_told, nothing, "fail", "未告知申请人、利害关系人享有要求听证的权利")
    not_heard = {"interested_parties": {"exist": True, "heard": False}}
    check(L.interested_parties_heard, not_heard, "not_applicable", "见LIC-HEAR-003")


def test_nothing_told_is_deducted_once_even_without_the_veto(tmp_path: Path) -> None:
    path = tmp_path / "no-veto.toml"
    path.write_text(
        '[standard]\nid = "no-veto-licensing"\nversion = "1"\n'
        'title = "听证权利不作否决（示例）"\nkind = "licensing"\n'
        'extends = "default-licensing"\n\n'
        '[[items]]\nselect = ["LIC-HEAR-003"]\nveto = false\n',
        encoding="utf-8",
    )
    standard = load_standard(path)
    result = Evaluator(standard, plugins=PLUGINS, as_of=D(2026, 1, 1)).evaluate(
        case({"interested_parties.exist": True})
    )
    fails = [i.rule_id for i in result.score.items if i.outcome == "fail"]
    assert fails == ["LIC-HEAR-003"]
    procedure = next(c for c in result.score.categories if c.key == "licensing_procedure")
    assert procedure.deduction == 10


def test_rev_003_not_heard_or_told_after_decision_fails() -> None:
    ip = {"exist": True, "informed_date": "2025-05-10", "heard": False}
    check(L.interested_parties_heard, {"interested_parties": ip}, "fail", "未听取")
    ip = {"exist": True, "informed_date": "2025-05-21", "heard": True}
    check(L.interested_parties_heard, {"interested_parties": ip}, "fail", "晚于决定日")


def test_rev_003_heard_unknown_needs_review() -> None:
    ip = {"exist": True, "informed_date": "2025-05-10"}
    check(L.interested_parties_heard, {"interested_parties": ip}, "needs_review", "陈述和申辩")


def test_rev_003_told_and_heard_passes() -> None:
    check(L.interested_parties_heard, None, "not_applicable")
    ip = {"exist": True, "informed_date": "2025-05-10", "heard": True}
    check(L.interested_parties_heard, {"interested_parties": ip}, "pass")
    notice = {"id": "D10", "type": "interested_party_notice", "date": "2025-05-09"}
    overrides = {
        "interested_parties": {"exist": True, "heard": True},
        ADD_D10: notice,
    }
    check(L.interested_parties_heard, overrides, "pass")


def test_rev_004_manual_rule_reports_what_the_file_shows() -> None:
    check(L.conditions_met, None, "needs_review", "决定结果：准予许可")
    denied = {"decision.outcome": "deny", "decision.reasons": "经营场所面积不符合要求"}
    check(L.conditions_met, denied, "needs_review", "经营场所面积不符合要求")
    check(L.conditions_met, {"decision": DELETE}, "not_applicable")


# --------------------------------------------------------------------------- acceptance


def test_acc_001_accepted_on_receipt_passes() -> None:
    check(L.acceptance_in_time, None, "pass")


def test_acc_001_acceptance_after_labour_day_deadline_fails() -> None:
    # Received Tue 29 Apr 2025: deadline 9 May (the 1–5 May holiday not counted).
    check(L.acceptance_in_time, dates(D(2025, 4, 29), D(2025, 5, 9)), "pass")
    check(
        L.acceptance_in_time,
        dates(D(2025, 4, 29), D(2025, 5, 12)),
        "fail",
        "截止2025-05-09；首次处理（受理）2025-05-12，逾期3日；依法自收到申请材料之日起即为受理",
    )


def test_acc_001_national_day_make_up_saturday_counts() -> None:
    # Received Tue 30 Sep 2025: 9 Oct (1), 10 (2), Sat 11 make-up (3), 13 (4), 14 Oct (5).
    check(L.acceptance_in_time, dates(D(2025, 9, 30), D(2025, 10, 14)), "pass")
    check(L.acceptance_in_time, dates(D(2025, 9, 30), D(2025, 10, 15)), "fail", "截止2025-10-14")


def test_acc_001_timely_correction_notice_passes_late_one_fails() -> None:
    timely = {
        **dates(D(2025, 4, 29), D(2025, 5, 20)),
        "corrections": [{"date": "2025-05-09", "items": ["营业场所平面图"]}],
    }
    check(L.acceptance_in_time, timely, "pass")
    late = {
        **dates(D(2025, 4, 29), D(2025, 5, 20)),
        "corrections": [{"date": "2025-05-12", "items": ["营业场所平面图"]}],
    }
    check(L.acceptance_in_time, late, "fail", "首次处理（告知补正）2025-05-12")


def test_acc_001_on_the_spot_notice_counts_on_the_receipt_day() -> None:
    spot = {
        **dates(D(2025, 4, 29), D(2025, 5, 20)),
        "corrections": [{"on_the_spot": True, "items": ["身份证复印件"]}],
    }
    check(L.acceptance_in_time, spot, "pass")


def test_acc_001_missing_receipt_date_needs_review() -> None:
    check(L.acceptance_in_time, {"application.date": DELETE}, "needs_review", "收到申请材料日期")


def test_acc_002_two_correction_notices_fail() -> None:
    notices = [
        {"date": "2025-05-06", "items": ["营业场所平面图"]},
        {"date": "2025-05-15", "items": ["设备布局图"]},
    ]
    check(L.one_time_correction, {"corrections": notices}, "fail", "先后2次告知补正")


def test_acc_002_single_notice_passes_unless_its_content_is_unrecorded() -> None:
    check(L.one_time_correction, None, "not_applicable")
    one = [{"date": "2025-05-06", "items": ["营业场所平面图", "设备布局图"]}]
    check(L.one_time_correction, {"corrections": one}, "pass")
    check(L.one_time_correction, {"corrections": [{"date": "2025-05-06"}]}, "needs_review")


def test_acc_003_unsealed_receipt_fails() -> None:
    check(L.acceptance_receipt, {"documents.2.sealed": False}, "fail", "受理通知书未加盖印章")


def test_acc_003_internal_unit_seal_fails() -> None:
    overrides = {"documents.2.seal_name": "杭州市余杭区市场监督管理局综合科"}
    check(L.acceptance_receipt, overrides, "fail", "不是本行政机关的印章或专用印章")


def test_acc_003_missing_receipt_fails_or_needs_review() -> None:
    overrides = {"acceptance.document": DELETE, "application.material_receipt": DELETE}
    check(L.acceptance_receipt, overrides, "fail", "未见受理通知书")
    check(L.acceptance_receipt, {"acceptance.document": DELETE}, "needs_review", "材料接收凭证")


def test_acc_003_refusal_without_date_fails() -> None:
    overrides = {
        "acceptance": {"outcome": "rejected", "document": "D03", "reasons": "不属于本机关职权"},
        "documents.2.date": DELETE,
    }
    check(L.acceptance_receipt, overrides, "fail", "不予受理决定书未注明日期")


def test_acc_003_sealed_receipt_passes() -> None:
    check(L.acceptance_receipt, None, "pass")
    check(L.acceptance_receipt, {"documents.2.sealed": DELETE}, "needs_review", "是否加盖印章")


def test_acc_004_refusal_without_reasons_fails() -> None:
    overrides = {"acceptance.outcome": "rejected", "decision": DELETE}
    check(L.refusal_reasons, overrides, "fail", "不予受理")


def test_acc_004_refusal_with_reasons_passes() -> None:
    overrides = {
        "acceptance.outcome": "refer_elsewhere",
        "acceptance.reasons": "申请事项属于杭州市市场监督管理局职权，请向该局申请",
        "decision": DELETE,
    }
    check(L.refusal_reasons, overrides, "pass")
    check(L.refusal_reasons, None, "not_applicable")


# --------------------------------------------------------------------------- decision period


def test_dec_001_decision_on_the_last_day_passes() -> None:
    # Accepted Tue 6 May 2025; 20 WD -> Wed 4 Jun.
    check(L.decision_in_time, {"decision.date": D(2025, 6, 4)}, "pass")


def test_dec_001_late_decision_fails() -> None:
    check(
        L.decision_in_time,
        {"decision.date": D(2025, 6, 5)},
        "fail",
        "受理日2025-05-06，决定期限20个工作日，无经批准的延期，截止2025-06-04；决定日2025-06-05",
    )


def test_dec_001_national_day_with_make_up_days() -> None:
    # Accepted Thu 25 Sep 2025: Sun 28 Sep and Sat 11 Oct count, 1–8 Oct do not -> 29 Oct.
    accepted = dates(D(2025, 9, 25))
    check(L.decision_in_time, {**accepted, "decision.date": D(2025, 10, 29)}, "pass")
    check(
        L.decision_in_time, {**accepted, "decision.date": D(2025, 10, 30)}, "fail", "截止2025-10-29"
    )


def test_dec_001_spring_festival_with_make_up_days() -> None:
    # Accepted Mon 20 Jan 2025: Sun 26 Jan and Sat 8 Feb count, 28 Jan–4 Feb do not -> 21 Feb.
    accepted = dates(D(2025, 1, 20))
    check(L.decision_in_time, {**accepted, "decision.date": D(2025, 2, 21)}, "pass")
    check(
        L.decision_in_time, {**accepted, "decision.date": D(2025, 2, 24)}, "fail", "截止2025-02-21"
    )


def test_dec_001_period_spanning_new_year() -> None:
    # Accepted Fri 20 Dec 2024; 1 Jan 2025 is a holiday -> 20 Jan 2025.
    accepted = dates(D(2024, 12, 20))
    check(L.decision_in_time, {**accepted, "decision.date": D(2025, 1, 20)}, "pass")
    check(
        L.decision_in_time, {**accepted, "decision.date": D(2025, 1, 21)}, "fail", "截止2025-01-20"
    )


EXTENSION = {
    "approval": {"approver": "O3", "date": "2025-05-30", "opinion": "同意延长10个工作日"},
    "days": 10,
    "reason": "需要补充现场核查",
    "applicant_told_date": "2025-05-30",
}


def test_dec_001_approved_extension_counts() -> None:
    # 30 WD from 6 May 2025 -> 18 Jun.
    extended = {"period_extensions": [EXTENSION]}
    check(L.decision_in_time, {**extended, "decision.date": D(2025, 6, 18)}, "pass")
    check(
        L.decision_in_time,
        {**extended, "decision.date": D(2025, 6, 19)},
        "fail",
        "经批准延长10个工作日",
    )


def test_dec_001_extension_not_approved_by_the_head_does_not_count() -> None:
    ext = {**EXTENSION, "approval": {**EXTENSION["approval"], "approver": "O1"}}
    overrides = {"period_extensions": [ext], "decision.date": D(2025, 6, 18)}
    check(L.decision_in_time, overrides, "fail", "批准人方宇不是本行政机关负责人")


def test_dec_001_extension_approved_after_the_period_does_not_count() -> None:
    ext = {**EXTENSION, "approval": {**EXTENSION["approval"], "date": "2025-06-06"}}
    overrides = {"period_extensions": [ext], "decision.date": D(2025, 6, 18)}
    check(L.decision_in_time, overrides, "fail", "已超过原20个工作日期限")


def test_dec_001_deemed_acceptance_runs_from_receipt() -> None:
    # Received 29 Apr, accepted only 12 May (no notice within 5 WD): deemed accepted on 29 Apr,
    # so 20 WD end on 30 May although 12 May + 20 WD would be 10 Jun.
    late_acceptance = dates(D(2025, 4, 29), D(2025, 5, 12))
    check(L.decision_in_time, {**late_acceptance, "decision.date": D(2025, 5, 30)}, "pass")
    check(
        L.decision_in_time,
        {**late_acceptance, "decision.date": D(2025, 6, 3)},
        "fail",
        "视为受理日2025-04-29",
    )


def test_dec_001_timely_correction_notice_starts_the_period_at_acceptance() -> None:
    overrides = {
        **dates(D(2025, 4, 29), D(2025, 5, 12)),
        "corrections": [
            {"date": "2025-05-06", "items": ["营业场所平面图"], "completed_date": "2025-05-12"}
        ],
        "decision.date": D(2025, 6, 10),
    }
    check(L.decision_in_time, overrides, "pass")


def test_dec_001_written_excluded_time_is_not_counted() -> None:
    # 6 May -> 12 Jun is 26 WD; testing 21 May–3 Jun (9 WD) told in writing leaves 17.
    testing = {"type": "testing", "start": "2025-05-21", "end": "2025-06-03"}
    told = {**testing, "notified_in_writing": True}
    check(L.decision_in_time, {"excluded_periods": [told], "decision.date": D(2025, 6, 12)}, "pass")
    not_told = {**testing, "notified_in_writing": False}
    overrides = {"excluded_periods": [not_told], "decision.date": D(2025, 6, 12)}
    check(L.decision_in_time, overrides, "fail", "用时26个工作日")


def test_dec_001_deadline_is_extended_by_the_excluded_time() -> None:
    # 20 WD + 9 excluded WD from 6 May 2025 -> 17 Jun.
    told = {
        "type": "testing",
        "start": "2025-05-21",
        "end": "2025-06-03",
        "notified_in_writing": True,
    }
    check(L.decision_in_time, {"excluded_periods": [told], "decision.date": D(2025, 6, 17)}, "pass")
    check(
        L.decision_in_time,
        {"excluded_periods": [told], "decision.date": D(2025, 6, 18)},
        "fail",
        "截止2025-06-17（已扣除书面告知的不计入期限时间9个工作日）；决定日2025-06-18，用时21个工作日",
    )


def test_dec_001_doubtful_exclusion_needs_review() -> None:
    unknown = {"type": "testing", "start": "2025-05-21", "end": "2025-06-03"}
    overrides = {"excluded_periods": [unknown], "decision.date": D(2025, 6, 12)}
    check(L.decision_in_time, overrides, "needs_review", "未见书面告知申请人")
    suspension = {**unknown, "type": "suspension", "notified_in_writing": True}
    overrides = {"excluded_periods": [suspension], "decision.date": D(2025, 6, 12)}
    check(L.decision_in_time, overrides, "needs_review", "不属于行政许可法第四十五条所列情形")


def test_dec_001_joint_processing_has_45_working_days() -> None:
    joint = {"procedure": "joint"}
    check(L.decision_in_time, {**joint, "decision.date": D(2025, 7, 9)}, "pass")
    check(
        L.decision_in_time, {**joint, "decision.date": D(2025, 7, 10)}, "fail", "决定期限45个工作日"
    )


def test_dec_001_sector_specific_period_parameter() -> None:
    params = {"licensing.decision_days": {"default": 20, "market_regulation": 10}}
    assert_outcome(run(L.decision_in_time, case(), parameters=params), "pass")
    late = case({"decision.date": D(2025, 5, 21)})
    assert_outcome(
        run(L.decision_in_time, late, parameters=params), "fail", contains="截止2025-05-20"
    )


def test_dec_001_unknown_acceptance_date_needs_review_not_fail() -> None:
    overrides = {"acceptance.date": DELETE, "decision.date": D(2025, 6, 5)}
    check(L.decision_in_time, overrides, "needs_review", "按收到申请材料之日计算")


def test_dec_001_not_applicable_on_the_spot() -> None:
    check(L.decision_in_time, {"decision.on_the_spot": True}, "not_applicable")
    assert run(L.decision_in_time, case({"procedure": "on_the_spot"})) == []


def test_dec_002_promised_period() -> None:
    check(L.decision_within_promise, None, "not_applicable")
    check(L.decision_within_promise, {"application.promised_days": 10}, "pass")
    check(
        L.decision_within_promise,
        {"application.promised_days": 5},
        "fail",
        "承诺办理时限5个工作日，截止2025-05-13",
    )


def test_dec_003_lawful_extension_passes() -> None:
    check(L.extension_lawful, None, "not_applicable")
    check(L.extension_lawful, {"period_extensions": [EXTENSION]}, "pass")


def test_dec_003_extension_not_told_or_by_non_head_fails() -> None:
    not_told = {k: v for k, v in EXTENSION.items() if k != "applicant_told_date"}
    check(
        L.extension_lawful,
        {"period_extensions": [not_told]},
        "fail",
        "未将延长期限的理由告知申请人",
    )
    by_reviewer = {**EXTENSION, "approval": {"approver": "O2", "date": "2025-05-30"}}
    check(L.extension_lawful, {"period_extensions": [by_reviewer]}, "fail", "不是本行政机关负责人")


def test_dec_003_too_long_extension_fails() -> None:
    check(
        L.extension_lawful,
        {"period_extensions": [{**EXTENSION, "days": 15}]},
        "fail",
        "超过法定的10个工作日",
    )


def test_dec_004_excluded_time_told_in_writing() -> None:
    testing = {"type": "testing", "start": "2025-05-21", "end": "2025-06-03"}
    check(L.excluded_time_notified, None, "not_applicable")
    check(
        L.excluded_time_notified,
        {"excluded_periods": [{**testing, "notified_in_writing": True}]},
        "pass",
    )
    linked = {**testing, "document": "D10"}
    notice = {"id": "D10", "type": "excluded_time_notice", "date": "2025-05-21", "sealed": True}
    check(
        L.excluded_time_notified,
        {"excluded_periods": [linked], ADD_D10: notice},
        "pass",
    )


def test_dec_004_excluded_time_not_told_fails() -> None:
    testing = {"type": "testing", "start": "2025-05-21", "end": "2025-06-03"}
    check(L.excluded_time_notified, {"excluded_periods": [testing]}, "fail", "未见书面告知申请人")
    told_not = {**testing, "notified_in_writing": False}
    check(L.excluded_time_notified, {"excluded_periods": [told_not]}, "fail", "检测所需时间")


DENIED = {"decision.outcome": "deny", "issuance": DELETE}
REMEDY = {
    "reconsideration_body": "杭州市余杭区人民政府",
    "reconsideration_days": 60,
    "court": "杭州铁路运输法院",
    "litigation_months": 6,
}


def test_dec_005_denial_without_reasons_or_remedies_fails() -> None:
    findings = run(L.denial_reasons, case(DENIED))
    assert_outcome(findings, "fail", contains="未说明不予许可的理由")
    assert "未告知申请行政复议或者提起行政诉讼的权利" in findings[0].message
    assert findings[0].count == 2
    partial = {
        **DENIED,
        "decision.reasons": "部分经营项目不符合条件",
        "decision.remedy": {"court": "杭州铁路运输法院"},
    }
    check(L.denial_reasons, partial, "fail", "未告知申请行政复议的权利")


def test_dec_005_denial_with_reasons_and_remedies_passes() -> None:
    overrides = {
        **DENIED,
        "decision.reasons": "经营场所与污染源距离不符合要求",
        "decision.remedy": REMEDY,
    }
    check(L.denial_reasons, overrides, "pass")
    assert run(L.denial_reasons, case()) == []  # a grant: not in scope


def test_dec_006_certificate_within_ten_working_days_passes() -> None:
    check(L.certificate_in_time, None, "pass")


def test_dec_006_spring_festival_certificate_deadline() -> None:
    # Granted Fri 24 Jan 2025: Sun 26 (1), Mon 27 (2), 5–7 Feb (3–5), Sat 8 Feb (6),
    # 10–13 Feb (7–10) -> 13 Feb.
    granted = {"decision.date": D(2025, 1, 24), **dates(D(2025, 1, 10))}
    on_time = {**granted, "issuance.date": D(2025, 2, 13), "issuance.served_date": D(2025, 2, 13)}
    check(L.certificate_in_time, on_time, "pass")
    late = {**granted, "issuance.date": D(2025, 2, 14), "issuance.served_date": D(2025, 2, 14)}
    check(L.certificate_in_time, late, "fail", "截止2025-02-13；送达许可证件日2025-02-14")


def test_dec_006_late_service_fails() -> None:
    overrides = {"issuance.served_date": D(2025, 6, 6)}
    check(L.certificate_in_time, overrides, "fail", "送达许可证件日2025-06-06")


def test_dec_006_service_read_from_the_service_records() -> None:
    services = [{"document": "D07", "method": "post", "date": "2025-06-09", "recipient": "P1"}]
    overrides = {"issuance.served_date": DELETE, "services": services}
    check(L.certificate_in_time, overrides, "fail", "送达许可证件日2025-06-09")


def test_dec_006_no_issuance_record_needs_review() -> None:
    check(L.certificate_in_time, {"issuance": DELETE}, "needs_review", "颁发、送达许可证件")
    assert run(L.certificate_in_time, case(DENIED)) == []


# --------------------------------------------------------------------------- renewal


def renewal(expiry: str, applied: dt.date | None = None, **more: Any) -> dict[str, Any]:
    """A renewal of a licence valid until ``expiry``; ``applied`` moves receipt and acceptance.
    The base case decides (grants) on 2025-05-20."""
    overrides = {"application.type": "renewal", "application.previous_licence_expiry": expiry}
    if applied is not None:
        overrides.update(dates(applied))
    return {**overrides, **more}


def test_renewal_case_is_clean() -> None:
    timely = case(renewal("2025-06-30", D(2025, 5, 6)))
    for rule in L.RULES:
        assert outcome(run(rule, timely)) not in ("fail", "error"), rule.id


def test_dec_007_renewal_decided_before_expiry_passes() -> None:
    check(L.renewal_decided_before_expiry, renewal("2025-06-30"), "pass")
    check(L.renewal_decided_before_expiry, None, "not_applicable", "非延续申请")
    check(L.renewal_decided_before_expiry, {"application.type": "change"}, "not_applicable")


def test_dec_007_decision_on_the_expiry_day_is_in_time() -> None:
    # The expiry date is the last day of validity: deciding on it is still 届满前.
    check(L.renewal_decided_before_expiry, renewal("2025-05-20", D(2025, 4, 10)), "pass")


def test_dec_007_grant_after_expiry_is_one_late_decision() -> None:
    findings = run(L.renewal_decided_before_expiry, case(renewal("2025-05-19", D(2025, 4, 10))))
    assert_outcome(
        findings,
        "fail",
        contains="延续决定日2025-05-20，未在原许可有效期届满前作出是否准予延续的决定"
        "（依法自2025-05-20起视为准予延续）",
    )
    assert len(findings) == 1 and findings[0].count == 1


def test_dec_007_denial_after_expiry_is_one_finding() -> None:
    # Legal review §3.10: one missed deadline, one finding (it used to give two fails).
    late = renewal("2025-05-19", D(2025, 4, 10))
    findings = run(L.renewal_decided_before_expiry, case({**late, **DENIED}))
    assert [(f.outcome, f.count) for f in findings] == [("fail", 1)]
    assert (
        "延续决定日2025-05-20，未在原许可有效期届满前作出是否准予延续的决定"
        "（依法自2025-05-20起视为准予延续），仍作出不予延续决定" in findings[0].message
    )
    assert "/decision/outcome" in findings[0].pointers
    partial = {**late, "decision.outcome": "partial_grant"}
    findings = run(L.renewal_decided_before_expiry, case(partial))
    assert [f.outcome for f in findings] == ["fail"]
    assert "仍作出部分不予延续决定" in findings[0].message
    # A denial before expiry is not the rule's business.
    check(L.renewal_decided_before_expiry, {**renewal("2025-06-30"), **DENIED}, "pass")


def test_rev_004_lists_a_renewal_refused_after_expiry() -> None:
    late = case({**renewal("2025-05-19", D(2025, 4, 10)), **DENIED})
    assert_outcome(
        run(L.conditions_met, late),
        "needs_review",
        contains="原许可有效期2025-05-19届满后，于2025-05-20作出不予延续决定",
    )
    in_time = case({**renewal("2025-06-30"), **DENIED})
    findings = run(L.conditions_met, in_time)
    assert_outcome(findings, "needs_review")
    assert "届满后" not in findings[0].message


def test_dec_007_thirty_calendar_days_counted_back_without_rest_day_shift() -> None:
    # Expiry Mon 19 May 2025 -> latest application Sat 19 Apr (not moved to Mon 21 Apr).
    timely = renewal("2025-05-19", D(2025, 4, 18))
    check(L.renewal_decided_before_expiry, timely, "fail", "（不晚于2025-04-19）")
    late = renewal("2025-05-19", D(2025, 4, 21))
    check(L.renewal_decided_before_expiry, late, "not_applicable", "被许可人未依法提前申请")


def test_dec_007_late_application_decided_in_time_is_a_noted_pass() -> None:
    # Expiry 31 May 2025 -> apply by 1 May; applied 6 May, decided 20 May.
    findings = run(L.renewal_decided_before_expiry, case(renewal("2025-05-31")))
    assert_outcome(findings, "pass", contains="被许可人逾期申请")


def test_dec_007_working_day_lead_time_across_national_day() -> None:
    # Expiry Fri 31 Oct 2025. 30 calendar days back: Wed 1 Oct. 30 working days back, 1–8 Oct
    # off, Sat 11 Oct and Sun 28 Sep counted: Mon 15 Sep. An application on 16 Sep is timely in
    # calendar days and late in working days.
    overrides = renewal("2025-10-31", D(2025, 9, 16), **{"decision.date": D(2025, 11, 3)})
    overrides["issuance.date"] = overrides["issuance.served_date"] = D(2025, 11, 3)
    check(L.renewal_decided_before_expiry, overrides, "fail", "届满30日前（不晚于2025-10-01）")
    wd = {"licensing.renewal_application_unit": "working_days"}
    assert_outcome(
        run(L.renewal_decided_before_expiry, case(overrides), parameters=wd),
        "not_applicable",
        contains="届满30个工作日前（不晚于2025-09-15）",
    )


def test_dec_007_lead_time_set_by_sector() -> None:
    late = case(renewal("2025-05-19", D(2025, 4, 10)))
    params = {"licensing.renewal_application_days": {"default": 30, "market_regulation": 60}}
    assert_outcome(
        run(L.renewal_decided_before_expiry, late, parameters=params),
        "not_applicable",
        contains="届满60日前（不晚于2025-03-20）",
    )


def test_dec_007_application_after_expiry_needs_review() -> None:
    check(
        L.renewal_decided_before_expiry,
        renewal("2025-05-01"),
        "needs_review",
        "延续申请日2025-05-06晚于原许可有效期届满日2025-05-01",
    )


def test_dec_007_missing_dates_need_review() -> None:
    no_expiry = {"application.type": "renewal"}
    check(L.renewal_decided_before_expiry, no_expiry, "needs_review", "未记载原许可有效期届满日")
    undated_application = renewal("2025-05-19", **{"application.date": DELETE})
    check(
        L.renewal_decided_before_expiry,
        undated_application,
        "needs_review",
        "无法判断被许可人是否依法提前申请",
    )
    undated_decision = renewal("2025-06-30", **{"decision.date": DELETE})
    check(L.renewal_decided_before_expiry, undated_decision, "needs_review", "未记载延续决定日期")


def test_dec_007_corrections_completed_after_the_lead_time_need_review() -> None:
    correction = {"date": "2025-04-11", "items": ["营业场所平面图"], "completed_date": "2025-04-25"}
    overrides = renewal("2025-05-19", D(2025, 4, 10), corrections=[correction])
    check(
        L.renewal_decided_before_expiry,
        overrides,
        "needs_review",
        "补正材料齐全日2025-04-25晚于最迟申请日",
    )


def test_dec_007_no_decision_after_expiry_needs_review() -> None:
    pending = case(renewal("2025-05-19", D(2025, 4, 10), decision=DELETE, issuance=DELETE))
    rule = L.renewal_decided_before_expiry
    after = run_rule(rule, pending, plugins=PLUGINS, as_of=D(2025, 6, 1))
    assert_outcome(after, "needs_review", contains="案卷未见延续决定")
    before = run_rule(rule, pending, plugins=PLUGINS, as_of=D(2025, 5, 10))
    assert_outcome(before, "not_applicable")


def test_dec_007_refused_renewal_application_is_not_applicable() -> None:
    refused = renewal("2025-05-19", **{"acceptance.outcome": "rejected", "decision": DELETE})
    check(L.renewal_decided_before_expiry, refused, "not_applicable", "未予受理")


def test_dec_007_missing_holiday_data_is_not_a_fail() -> None:
    far = renewal(
        "2099-06-30",
        D(2099, 3, 2),
        **{"decision.date": D(2099, 7, 6), "issuance": DELETE},
    )
    wd = {"licensing.renewal_application_unit": "working_days"}
    assert outcome(run(L.renewal_decided_before_expiry, case(far), parameters=wd)) == "needs_review"


# --------------------------------------------------------------------------- fees


def fee(basis: str | None) -> dict[str, Any]:
    value: dict[str, Any] = {"charged": True, "amount": 50, "receipt": True}
    if basis is not None:
        value["basis"] = basis
    return {"fees": value}


def test_fee_001_no_basis_fails() -> None:
    check(L.fee_has_basis, fee(None), "fail", "未载明法律、行政法规依据")


def test_fee_001_local_or_normative_basis_fails() -> None:
    check(
        L.fee_has_basis, fee("《浙江省行政事业性收费管理条例》第八条"), "fail", "不是法律、行政法规"
    )
    check(
        L.fee_has_basis,
        fee("《杭州市物价局关于核定许可证工本费的通知》"),
        "fail",
        "不是法律、行政法规",
    )


def test_fee_001_basis_of_unknown_level_needs_review() -> None:
    check(L.fee_has_basis, fee("《行政事业性收费项目审批管理暂行办法》第五条"), "needs_review")
    check(L.fee_has_basis, fee("按物价部门核定标准收取"), "needs_review", "人工核对")


COUNCIL_DECISION = "《国务院对确需保留的行政审批项目设定行政许可的决定》附件第101项"


def test_fee_001_state_council_decision_needs_review() -> None:
    # Legal review §1.5: a 国务院决定 is not a 行政法规 (第十四条第二款, 第五十八条第一款).
    findings = run(L.fee_has_basis, case(fee(COUNCIL_DECISION)))
    assert_outcome(findings, "needs_review", contains="国务院决定不属于法律、行政法规")
    assert findings[0].values["收费依据"] == COUNCIL_DECISION
    council_rule = "《国务院关于收费许可的规定》第三条"
    check(L.fee_has_basis, fee(council_rule), "needs_review", "国务院决定不属于法律、行政法规")


def test_fee_001_state_council_decision_beside_a_law_passes() -> None:
    both = fee("《中华人民共和国商标法》第七十二条；" + COUNCIL_DECISION)
    check(L.fee_has_basis, both, "pass")


def test_fee_001_law_or_regulation_passes() -> None:
    check(L.fee_has_basis, None, "not_applicable")
    check(L.fee_has_basis, fee("《中华人民共和国商标法》第七十二条"), "pass")
    check(L.fee_has_basis, fee("《城市市容和环境卫生管理条例》第十四条"), "pass")


# --------------------------------------------------------------------------- hearings

HEARING_RECORD = {
    "id": "D10",
    "type": "hearing_record",
    "date": "2025-05-19",
    "party": "P1",
    "party_signed": True,
}
HEARD = {
    "interested_parties": {"exist": True, "informed_date": "2025-05-08", "heard": True},
    "hearing": {
        "right_notified_date": "2025-05-08",
        "requested": True,
        "request_date": "2025-05-09",
        "notice_date": "2025-05-08",
        "date": "2025-05-19",
        "presiding_officer": "O3",
        "public": True,
        "held": True,
        "record": "D10",
    },
    ADD_D10: HEARING_RECORD,
}


def heard(**hearing: Any) -> dict[str, Any]:
    """The base case with a hearing held on request, with ``hearing`` fields replaced."""
    values = {**HEARD["hearing"], **hearing}
    return {**HEARD, "hearing": {k: v for k, v in values.items() if v is not None}}


def test_hearing_case_is_clean() -> None:
    with_hearing = case(HEARD)
    for rule in L.RULES:
        assert outcome(run(rule, with_hearing)) not in ("fail", "error"), rule.id


def test_hear_001_statutory_hearing_not_held_fails() -> None:
    hearing = {"hearing": {"required_by_law": True, "held": False}}
    check(L.statutory_hearing_held, hearing, "fail", "依法应当听证，未举行听证")


def test_hear_001_public_interest_or_unknown_needs_review() -> None:
    check(
        L.statutory_hearing_held, {"hearing": {"public_interest": True}}, "needs_review", "公共利益"
    )
    check(
        L.statutory_hearing_held,
        {"hearing": {"required_by_law": True}},
        "needs_review",
        "是否举行听证",
    )


DEEMED_NOT_HELD = {
    "hearing": {"public_interest": True, "agency_deemed_needed": True, "held": False}
}


def test_hear_001_agency_deemed_hearing_not_held_fails() -> None:
    check(L.statutory_hearing_held, DEEMED_NOT_HELD, "fail", "行政机关认为需要听证，未举行听证")
    findings = run(L.statutory_hearing_held, case(DEEMED_NOT_HELD))
    assert findings[0].pointers[0] == "/hearing/agency_deemed_needed"


def test_hear_001_agency_deemed_hearing_held_or_unknown() -> None:
    deemed_held = heard(public_interest=True, agency_deemed_needed=True, announced_publicly=True)
    check(L.statutory_hearing_held, deemed_held, "pass")
    unknown = {"hearing": {"public_interest": True, "agency_deemed_needed": True}}
    check(L.statutory_hearing_held, unknown, "needs_review", "行政机关认为需要听证，案卷未记载")


def test_hear_001_agency_judged_no_hearing_needed_is_not_applicable() -> None:
    not_needed = {"hearing": {"public_interest": True, "agency_deemed_needed": False}}
    check(L.statutory_hearing_held, not_needed, "not_applicable", "行政机关认为不需要听证")
    # The agency's judgment cannot set aside a hearing the law requires.
    required = {"hearing": {"required_by_law": True, "agency_deemed_needed": False, "held": False}}
    check(L.statutory_hearing_held, required, "fail", "依法应当听证，未举行听证")


def test_hear_001_statutory_hearing_held_passes() -> None:
    check(L.statutory_hearing_held, None, "not_applicable")
    check(L.statutory_hearing_held, heard(required_by_law=True, announced_publicly=True), "pass")


def test_hear_002_not_announced_fails() -> None:
    check(
        L.hearing_announced,
        heard(required_by_law=True, announced_publicly=False),
        "fail",
        "未向社会公告",
    )


def test_hear_002_agency_deemed_hearing_not_announced_fails() -> None:
    # Not held and not announced: HEAR-001 fails for the hearing, HEAR-002 for the announcement.
    not_announced = {"hearing": {**DEEMED_NOT_HELD["hearing"], "announced_publicly": False}}
    check(L.hearing_announced, not_announced, "fail", "行政机关认为需要听证的许可事项未向社会公告")
    held = heard(public_interest=True, agency_deemed_needed=True)
    check(L.hearing_announced, held, "fail", "案卷未见向社会公告的记载或听证公告")


def test_hear_002_due_hearing_without_announcement_in_file_fails() -> None:
    check(
        L.hearing_announced,
        {"hearing": {"required_by_law": True, "held": False}},
        "fail",
        "依法应当听证的许可事项，案卷未见",
    )


def test_hear_002_agency_deemed_hearing_announced_passes() -> None:
    announced = heard(public_interest=True, agency_deemed_needed=True, announced_publicly=True)
    check(L.hearing_announced, announced, "pass")
    announcement = {"id": "D11", "type": "hearing_announcement", "date": "2025-05-08"}
    documented = {**heard(agency_deemed_needed=True), ADD_D11: announcement}
    check(L.hearing_announced, documented, "pass")


def test_hear_002_hearing_the_agency_did_not_deem_needed_is_not_applicable() -> None:
    # Held on request (第四十七条), not as a 第四十六条 hearing: no public announcement due.
    on_request = heard(public_interest=True, agency_deemed_needed=False)
    check(L.hearing_announced, on_request, "not_applicable", "行政机关认为不需要依职权听证")


def test_hear_002_announcement_recorded_or_documented_passes() -> None:
    check(L.hearing_announced, heard(required_by_law=True, announced_publicly=True), "pass")
    announcement = {"id": "D11", "type": "hearing_announcement", "date": "2025-05-08"}
    overrides = {
        **heard(public_interest=True),
        ADD_D11: announcement,
    }
    check(L.hearing_announced, overrides, "pass")
    check(L.hearing_announced, heard(public_interest=True), "needs_review", "是否向社会公告")
    check(L.hearing_announced, HEARD, "not_applicable")


def test_hear_003_hearing_right_not_told_fails() -> None:
    check(
        L.hearing_right_told,
        {"interested_parties.exist": True},
        "fail",
        "未告知申请人、利害关系人享有要求听证的权利",
    )


def test_hear_003_hearing_right_told_after_decision_fails() -> None:
    check(L.hearing_right_told, heard(right_notified_date="2025-05-21"), "fail", "晚于许可决定日")


def test_hear_003_hearing_right_told_passes() -> None:
    check(L.hearing_right_told, None, "not_applicable")
    check(L.hearing_right_told, HEARD, "pass")
    notice = {"id": "D10", "type": "hearing_right_notice", "date": "2025-05-08"}
    overrides = {"interested_parties.exist": True, ADD_D10: notice}
    check(L.hearing_right_told, overrides, "pass")


def not_held(told: str, requested: str) -> dict[str, Any]:
    return {
        "hearing": {
            "right_notified_date": told,
            "requested": True,
            "request_date": requested,
            "held": False,
        }
    }


def test_hear_004_request_timely_under_both_readings_not_heard_fails() -> None:
    # Told Fri 24 Jan 2025: 5 calendar days -> Wed 29 Jan, a holiday -> moved to Wed 5 Feb;
    # 5 working days -> Sun 26 Jan (make-up) .. Fri 7 Feb.
    check(
        L.requested_hearing_held,
        not_held("2025-01-24", "2025-02-05"),
        "fail",
        "按自然日截止2025-02-05，按工作日截止2025-02-07），申请未逾期，未组织听证",
    )


def test_hear_004_request_timely_only_in_working_days_needs_review() -> None:
    check(
        L.requested_hearing_held,
        not_held("2025-01-24", "2025-02-06"),
        "needs_review",
        "仅按工作日计算未逾期",
    )


def test_hear_004_late_request_may_be_refused() -> None:
    check(L.requested_hearing_held, not_held("2025-01-24", "2025-02-10"), "pass")
    findings = run(L.requested_hearing_held, case(not_held("2025-01-24", "2025-02-10")))
    assert "申请已逾期" in findings[0].message


def test_hear_004_held_or_waived_or_undated() -> None:
    check(L.requested_hearing_held, HEARD, "pass")
    check(L.requested_hearing_held, None, "not_applicable")
    waived = {"hearing": {"requested": True, "waived": True, "waiver_in_writing": True}}
    check(L.requested_hearing_held, waived, "not_applicable")
    undated = {"hearing": {"requested": True, "held": False}}
    check(L.requested_hearing_held, undated, "needs_review", "告知日期或申请日期")


def test_hear_005_hearing_within_twenty_working_days() -> None:
    # Requested Thu 25 Sep 2025 -> 20 WD end Wed 29 Oct (National Day holiday not counted).
    on_time = heard(request_date="2025-09-25", notice_date="2025-10-17", date="2025-10-29")
    on_time["decision.date"] = D(2025, 10, 31)
    check(L.hearing_organised_in_time, on_time, "pass")
    late = heard(request_date="2025-09-25", notice_date="2025-10-17", date="2025-10-30")
    check(L.hearing_organised_in_time, late, "fail", "截止2025-10-29；举行听证日2025-10-30")
    check(L.hearing_organised_in_time, None, "not_applicable")


def test_hear_006_notice_seven_working_days_before() -> None:
    # Hearing Mon 13 Oct 2025: counting back Sat 11 (make-up) 1, 10, 9, [1–8 Oct holiday],
    # 30 Sep, 29 Sep, Sun 28 Sep (make-up) 6, Fri 26 Sep 7 -> notice by 26 Sep.
    hearing = {
        "date": "2025-10-13",
        "request_date": "2025-09-24",
        "right_notified_date": "2025-09-22",
    }
    check(L.hearing_notice_in_time, heard(**hearing, notice_date="2025-09-26"), "pass")
    check(
        L.hearing_notice_in_time,
        heard(**hearing, notice_date="2025-09-29"),
        "fail",
        "（不晚于2025-09-26）通知，实际通知日2025-09-29",
    )


def test_hear_006_notice_missing_or_from_document() -> None:
    check(L.hearing_notice_in_time, heard(notice_date=None), "fail", "未见听证通知")
    notice = {"id": "D11", "type": "hearing_notice", "date": "2025-05-08"}
    overrides = {**heard(notice_date=None), ADD_D11: notice}
    check(L.hearing_notice_in_time, overrides, "pass")
    check(L.hearing_notice_in_time, None, "not_applicable")


def test_hear_007_reviewer_presiding_fails() -> None:
    check(L.presiding_officer_independent, heard(presiding_officer="O1"), "fail", "方宇系审查")


def test_hear_007_independent_presiding_officer_passes() -> None:
    check(L.presiding_officer_independent, HEARD, "pass")
    presiding = {"id": "O4", "name": "陈立", "roles": ["hearing_officer"]}
    overrides = {**heard(presiding_officer="O4"), "officers.3": presiding}
    check(L.presiding_officer_independent, overrides, "pass")
    check(L.presiding_officer_independent, heard(presiding_officer=None), "needs_review")


def test_hear_008_no_record_or_unsigned_or_decision_before_hearing_fails() -> None:
    no_record = heard(record=None)
    del no_record[ADD_D10]
    check(L.decision_on_record, no_record, "fail", "案卷未见听证笔录")
    unsigned = {**HEARD, ADD_D10: {**HEARING_RECORD, "party_signed": False}}
    check(L.decision_on_record, unsigned, "fail", "未经听证参加人签字")
    check(L.decision_on_record, {**HEARD, "decision.date": D(2025, 5, 16)}, "fail", "早于听证日")


def test_hear_008_decision_after_signed_record_passes() -> None:
    check(L.decision_on_record, HEARD, "pass")
    check(L.decision_on_record, None, "not_applicable")


# --------------------------------------------------------------------------- documents


def test_doc_001_unsealed_or_missing_decision_fails() -> None:
    check(
        L.decision_written_sealed,
        {"decision.sealed": False},
        "fail",
        "准予行政许可决定书未加盖印章",
    )
    check(
        L.decision_written_sealed,
        {"decision.document": DELETE},
        "fail",
        "未见书面的准予行政许可决定书",
    )


def test_doc_001_document_kind_must_match_outcome() -> None:
    check(L.decision_written_sealed, DENIED, "fail", "决定书种类不一致")


def test_doc_001_sealed_decision_passes() -> None:
    check(L.decision_written_sealed, None, "pass")
    unknown = {"decision.sealed": DELETE, "documents.5.sealed": DELETE}
    check(L.decision_written_sealed, unknown, "needs_review", "是否加盖印章")


def test_doc_002_certificate_seal() -> None:
    check(L.certificate_sealed, None, "pass")
    check(L.certificate_sealed, {"issuance.sealed": False}, "fail", "未加盖本行政机关印章")
    check(L.certificate_sealed, {"documents.6.sealed": False}, "fail", "JY23301100012345")
    unknown = {"issuance.sealed": DELETE, "documents.6.sealed": DELETE}
    check(L.certificate_sealed, unknown, "needs_review")
    check(L.certificate_sealed, {"issuance": DELETE}, "not_applicable")


@pytest.mark.parametrize("rule", L.RULES, ids=lambda r: r.id)
def test_missing_holiday_data_is_never_a_fail(rule: Rule) -> None:
    # Periods reaching a year without holiday data go to a person, never to a false finding.
    far = {
        "application.date": D(2099, 3, 2),
        "acceptance.date": D(2099, 3, 2),
        "verifications.0.date": D(2099, 3, 5),
        "decision.date": D(2099, 3, 20),
        "issuance.date": D(2099, 3, 23),
        "issuance.served_date": D(2099, 3, 23),
        "officers.0.certificate_valid_until": D(2100, 12, 31),
        "officers.1.certificate_valid_until": D(2100, 12, 31),
    }
    assert outcome(run(rule, case(far))) not in ("fail", "error")
