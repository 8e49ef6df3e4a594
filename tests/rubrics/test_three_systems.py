"""Tests for the built-in rubric plugin ``three_systems`` (三项制度)."""

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
from casefile_eval_rubrics import three_systems as ts

SAMPLES = Path(__file__).resolve().parents[2] / "sample_cases"

PUB_TIME = ts.publication_in_time
PUB_CHANNEL = ts.publication_channel
PUB_WITHDRAW = ts.publication_withdrawal
PUB_PRIVACY = ts.publication_privacy
REC_TEXT = ts.acts_have_written_records
REC_AV = ts.mandatory_av_records
REC_ADVISED = ts.advised_av_records
REC_IDENT = ts.av_records_identified
REV_MAJOR = ts.major_penalty_reviewed
REV_2017 = ts.penalty_reviewed_2017
REV_LICENCE = ts.major_licence_reviewed
REV_QUAL = ts.reviewer_qualified
REV_SEPARATE = ts.reviewer_not_handler
REV_OPINION = ts.review_opinion_recorded
REV_TIMING = ts.review_timing
REV_FOLLOWS = ts.decision_follows_opinion


def with_documents(base: str, extra: list[dict[str, Any]], overrides: dict[str, Any]) -> CaseFile:
    """A base case with documents appended (so that new sections can reference them)."""
    docs = base_dict(base)["documents"] + extra
    return make_case(base, {"documents": docs, **overrides})


def published(decision: date, on: date, channel: str = "government_website", **more: Any):
    """The base penalty case decided on ``decision`` and published on ``on``."""
    return make_case(
        "penalty",
        {"decision.date": decision, "publicity.0.date": on, "publicity.0.channel": channel, **more},
    )


# =========================================================================== plugin


def test_rules_metadata():
    ids = [r.id for r in ts.RULES]
    assert len(set(ids)) == len(ids) == 16
    for r in ts.RULES:
        assert r.category == "three_systems"
        assert r.dimension == "quality"
        assert r.legal_basis and r.recommendation and r.notes and r.example
        assert r.id.startswith(("TS-PUB-", "TS-REC-", "TS-REV-"))
    vetoes = {r.id for r in ts.RULES if r.veto}
    assert vetoes == {"TS-REV-001"}


def test_parameters_declared_and_defaults_valid():
    params = {p.name: p for p in ts.casefile_eval_parameters()}
    for p in params.values():
        jsonschema.Draft202012Validator.check_schema(p.schema)
        jsonschema.validate(p.default, p.schema)
        assert p.description and p.basis
    for r in ts.RULES:
        for name in r.parameters:
            assert name in params, (r.id, name)
    schema = params["publicity.decision_working_days"].schema
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"default": 7, "mars": 3}, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"default": {"carrier_pigeon": 3}}, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"fine_min": 1}, params["legal_review.triggers"].schema)
    jsonschema.validate(
        {"by_sector": {"urban_management": {"fine_min_individual": 5000}}},
        params["legal_review.triggers"].schema,
    )


@pytest.mark.parametrize("base", ["penalty", "penalty_simple", "licensing"])
def test_clean_base_cases_have_no_fail_or_error(base):
    case = make_case(base)
    for r in ts.RULES:
        got = outcome(run_rule(r, case))
        assert got not in ("fail", "error", "needs_review"), (base, r.id, got)


def test_clean_sample_case_and_default_standards():
    data = json.loads((SAMPLES / "pen-scjg-001-clean.json").read_text(encoding="utf-8"))
    loaded = load_dict(data)
    assert not isinstance(loaded, LoadFailure)
    for r in ts.RULES:
        assert outcome(run_rule(r, loaded.case)) not in ("fail", "error", "needs_review"), r.id
    ev = evaluator()
    for case in (loaded.case, make_case("licensing"), make_case("penalty_simple")):
        result = ev.evaluate(case)
        bad = [f for f in result.findings if f.rule_id.startswith("TS-") and f.outcome != "pass"]
        assert all(f.outcome == "not_applicable" for f in bad), bad


def test_engine_skips_by_date_window():
    assert REV_MAJOR.in_force_on(date(2021, 7, 15))
    assert not REV_MAJOR.in_force_on(date(2021, 7, 14))
    assert REV_2017.in_force_on(date(2021, 7, 14))
    assert REV_2017.in_force_on(date(2018, 1, 1))
    assert not REV_2017.in_force_on(date(2021, 7, 15))
    assert not REV_2017.in_force_on(date(2017, 12, 31))


# =========================================================================== TS-PUB-001


def test_pub_national_day_make_up_saturday_counts():
    # Tue 30 Sep 2025 → 1–8 Oct off, Sat 11 Oct a make-up workday → 7th working day Thu 16 Oct.
    assert_outcome(run_rule(PUB_TIME, published(date(2025, 9, 30), date(2025, 10, 16))), "pass")
    findings = run_rule(PUB_TIME, published(date(2025, 9, 30), date(2025, 10, 17)))
    assert_outcome(findings, "fail", contains="截止2025-10-16")
    assert "逾期1日" in findings[0].message
    assert findings[0].values["截止日"] == date(2025, 10, 16)


def test_pub_deadline_on_make_up_saturday():
    # Thu 25 Sep 2025: Fri 26, Sun 28 (make-up), Mon 29, Tue 30, Thu 9, Fri 10, Sat 11 Oct.
    assert_outcome(run_rule(PUB_TIME, published(date(2025, 9, 25), date(2025, 10, 11))), "pass")
    assert_outcome(
        run_rule(PUB_TIME, published(date(2025, 9, 25), date(2025, 10, 13))),
        "fail",
        contains="截止2025-10-11",
    )


def test_pub_spring_festival_2025():
    # Fri 24 Jan 2025: Sun 26 (make-up), Mon 27, 28 Jan–4 Feb off, 5, 6, 7, Sat 8 (make-up), 10.
    assert_outcome(run_rule(PUB_TIME, published(date(2025, 1, 24), date(2025, 2, 10))), "pass")
    assert_outcome(
        run_rule(PUB_TIME, published(date(2025, 1, 24), date(2025, 2, 11))),
        "fail",
        contains="截止2025-02-10",
    )


def test_pub_period_spanning_new_year():
    # Wed 24 Dec 2025: 25, 26, 29, 30, 31, (1 Jan off), Sun 4 Jan 2026 make-up, Mon 5 Jan.
    assert_outcome(run_rule(PUB_TIME, published(date(2025, 12, 24), date(2026, 1, 5))), "pass")
    assert_outcome(
        run_rule(PUB_TIME, published(date(2025, 12, 24), date(2026, 1, 6))),
        "fail",
        contains="截止2026-01-05",
    )


def test_pub_samr_credit_system_20_working_days():
    on_day = published(date(2025, 9, 30), date(2025, 11, 4), "enterprise_credit_system")
    assert_outcome(run_rule(PUB_TIME, on_day), "pass")
    late = published(date(2025, 9, 30), date(2025, 11, 5), "enterprise_credit_system")
    assert_outcome(run_rule(PUB_TIME, late), "fail", contains="期限20个工作日")


def test_pub_credit_system_outside_market_regulation_is_7_days():
    # Review §1.10 decided: 企业信息公示暂行条例第六条第二款's 20 WD bind the market-regulation
    # department only; 第七条 sets other departments no period, so 118号's 7 WD apply to them
    # on every channel.
    for sector in ("transport", "urban_management", "ecology_environment"):
        case = published(
            date(2025, 9, 30), date(2025, 10, 20), "enterprise_credit_system", sector=sector
        )
        assert_outcome(run_rule(PUB_TIME, case), "fail", contains="期限7个工作日")
    assert "第七条" in PUB_TIME.notes and "sector-dependent" in PUB_TIME.notes
    assert "《企业信息公示暂行条例》第六条第二款" in PUB_TIME.legal_basis


def test_pub_period_parameter_by_sector_and_channel():
    case = published(date(2025, 9, 30), date(2025, 10, 20), "government_website")
    assert_outcome(run_rule(PUB_TIME, case), "fail")
    params = {"publicity.decision_working_days": {"default": 7, "market_regulation": 10}}
    assert_outcome(run_rule(PUB_TIME, case, parameters=params), "pass")
    params = {"publicity.decision_working_days": {"default": {"default": 5, "other": 30}}}
    assert_outcome(run_rule(PUB_TIME, case, parameters=params), "fail", contains="5个工作日")


def test_pub_any_timely_publication_passes():
    extra = {
        "date": date(2025, 10, 10),
        "channel": "agency_website",
        "content": "行政处罚决定信息",
    }
    late = {**base_dict("penalty")["publicity"][0], "date": date(2025, 12, 1)}
    case = make_case("penalty", {"decision.date": date(2025, 9, 30), "publicity": [late, extra]})
    assert_outcome(run_rule(PUB_TIME, case), "pass")


def test_pub_missing_publication():
    case = make_case("penalty", {"publicity": []})
    assert_outcome(run_rule(PUB_TIME, case), "fail", contains="未见决定信息公示记录")
    # The period has not run out on the review date: not yet a defect.
    early = run_rule(PUB_TIME, case, as_of=date(2025, 4, 10))
    assert_outcome(early, "not_applicable", contains="尚未届满")


def test_pub_stated_reason_for_not_publishing_goes_to_review():
    case = make_case("penalty", {"publicity": [{"not_required_reason": "涉及国家秘密"}]})
    assert_outcome(run_rule(PUB_TIME, case), "needs_review", contains="涉及国家秘密")


def test_pub_publication_dated_before_decision_goes_to_review():
    case = published(date(2025, 4, 2), date(2025, 3, 1))
    assert_outcome(run_rule(PUB_TIME, case), "needs_review", contains="早于决定日")


def test_pub_warning_only_not_published_in_market_regulation():
    overrides = {"publicity": [], "decision.penalties": [{"type": "warning"}]}
    case = make_case("penalty", overrides)
    assert_outcome(run_rule(PUB_TIME, case), "not_applicable", contains="仅给予警告")
    other = make_case("penalty", {**overrides, "sector": "transport"})
    assert_outcome(run_rule(PUB_TIME, other), "fail")


def test_pub_no_penalty_and_denial_not_required_by_default():
    no_penalty = make_case(
        "penalty", {"publicity": [], "decision.outcome": "no_penalty", "decision.penalties": []}
    )
    assert_outcome(run_rule(PUB_TIME, no_penalty), "not_applicable", contains="不属于")
    params = {"publicity.required_outcomes": ["penalty", "no_penalty"]}
    assert_outcome(run_rule(PUB_TIME, no_penalty, parameters=params), "fail")
    denial = make_case("licensing", {"publicity": [], "decision.outcome": "deny"})
    assert_outcome(run_rule(PUB_TIME, denial), "not_applicable")


def test_pub_licensing_grant_late():
    case = make_case("licensing", {"publicity.0.date": date(2025, 6, 3)})
    # Decision Tue 20 May 2025 → 7 WD ends Thu 29 May.
    assert_outcome(run_rule(PUB_TIME, case), "fail", contains="截止2025-05-29")


def test_pub_simple_procedure_out_of_scope_unless_parameter():
    case = make_case("penalty_simple")
    assert_outcome(run_rule(PUB_TIME, case), "not_applicable", contains="简易程序")
    params = {"publicity.include_simple_procedure": True}
    assert_outcome(run_rule(PUB_TIME, case, parameters=params), "fail")


def test_pub_missing_holiday_data_goes_to_review():
    case = published(date(2027, 3, 1), date(2027, 3, 5))
    assert_outcome(run_rule(PUB_TIME, case), "needs_review", contains="缺少")


def test_pub_missing_decision_date_goes_to_review():
    case = make_case("penalty", {"decision.date": DELETE})
    assert_outcome(run_rule(PUB_TIME, case), "needs_review", contains="决定日期")


# =========================================================================== TS-PUB-002


def test_channel_missing():
    case = make_case("penalty", {"publicity.0.channel": DELETE})
    assert_outcome(run_rule(PUB_CHANNEL, case), "fail", contains="未载明公示渠道")
    with_url = make_case(
        "penalty", {"publicity.0.channel": DELETE, "publicity.0.url": "https://www.gsxt.gov.cn/x"}
    )
    assert_outcome(run_rule(PUB_CHANNEL, with_url), "pass")


def test_channel_other_without_url_goes_to_review():
    case = make_case("penalty", {"publicity.0.channel": "other"})
    assert_outcome(run_rule(PUB_CHANNEL, case), "needs_review", contains="其他渠道")


def test_channel_stated_passes_and_no_publicity_not_applicable():
    assert_outcome(run_rule(PUB_CHANNEL, make_case("licensing")), "pass")
    assert_outcome(run_rule(PUB_CHANNEL, make_case("penalty_simple")), "not_applicable")


# =========================================================================== TS-PUB-003


def withdrawn(kind: str = "penalty", **withdrawal: Any) -> CaseFile:
    base = "penalty" if kind == "penalty" else "licensing"
    data = {"trigger": "行政复议决定撤销原处罚决定", **withdrawal}
    return make_case(base, {"publicity.0.withdrawal": data})


def test_withdrawal_in_time_with_explanation():
    case = withdrawn(
        trigger_date=date(2025, 9, 26), date=date(2025, 9, 30), explanation_published=True
    )
    assert_outcome(run_rule(PUB_WITHDRAW, case), "pass")


def test_withdrawal_late_around_national_day():
    # Fri 26 Sep 2025: Sun 28 (make-up) 1, Mon 29 2, Tue 30 3 → deadline 30 Sep.
    case = withdrawn(
        trigger_date=date(2025, 9, 26), date=date(2025, 10, 9), explanation_published=True
    )
    assert_outcome(run_rule(PUB_WITHDRAW, case), "fail", contains="截止2025-09-30")


def test_withdrawal_spring_festival_make_up_saturday_is_a_working_day():
    # Mon 27 Jan 2025: 28 Jan–4 Feb off; Wed 5, Thu 6, Fri 7 Feb → deadline 7 Feb; Sat 8 Feb is
    # a make-up workday, i.e. the 4th working day: late.
    ok = withdrawn(
        trigger_date=date(2025, 1, 27), date=date(2025, 2, 7), explanation_published=True
    )
    assert_outcome(run_rule(PUB_WITHDRAW, ok), "pass")
    late = withdrawn(
        trigger_date=date(2025, 1, 27), date=date(2025, 2, 8), explanation_published=True
    )
    assert_outcome(run_rule(PUB_WITHDRAW, late), "fail", contains="截止2025-02-07")


def test_withdrawal_missing_or_without_explanation():
    missing = withdrawn(trigger_date=date(2025, 9, 26))
    assert_outcome(run_rule(PUB_WITHDRAW, missing), "fail", contains="未见撤回")
    silent = withdrawn(
        trigger_date=date(2025, 9, 26), date=date(2025, 9, 29), explanation_published=False
    )
    assert_outcome(run_rule(PUB_WITHDRAW, silent), "fail", contains="未公开说明理由")
    unknown = withdrawn(trigger_date=date(2025, 9, 26), date=date(2025, 9, 29))
    assert_outcome(run_rule(PUB_WITHDRAW, unknown), "needs_review", contains="说明理由")


def test_withdrawal_without_trigger_date_goes_to_review():
    assert_outcome(run_rule(PUB_WITHDRAW, withdrawn()), "needs_review", contains="日期")


def test_withdrawal_licensing_and_pre_2021_only_promptly():
    licence = withdrawn("licensing", trigger_date=date(2025, 9, 26), date=date(2025, 10, 20))
    assert_outcome(run_rule(PUB_WITHDRAW, licence), "needs_review", contains="及时")
    old = withdrawn(trigger_date=date(2020, 9, 25), date=date(2020, 10, 20))
    assert_outcome(run_rule(PUB_WITHDRAW, old), "needs_review")
    never = withdrawn("licensing", trigger_date=date(2025, 9, 26))
    assert_outcome(run_rule(PUB_WITHDRAW, never), "fail")


def test_withdrawal_not_applicable_without_trigger():
    assert_outcome(run_rule(PUB_WITHDRAW, make_case("penalty")), "not_applicable")


# =========================================================================== TS-PUB-004


def simple_published(content: str) -> CaseFile:
    return make_case(
        "penalty_simple",
        {
            "publicity": [
                {"date": date(2025, 6, 11), "channel": "agency_website", "content": content}
            ]
        },
    )


def test_privacy_party_id_number_phone_address():
    case = simple_published("林志明（身份证号440304199003121516）在人行道堆放物料，罚款100元。")
    findings = run_rule(PUB_PRIVACY, case)
    assert_outcome(findings, "fail", contains="身份证件号码")
    assert "1516" in findings[0].message and "199003" not in findings[0].message
    assert_outcome(
        run_rule(PUB_PRIVACY, simple_published("当事人林志明，联系电话13800138000。")),
        "fail",
        contains="联系电话",
    )
    home = simple_published("当事人林志明，住广东省深圳市福田区福华路88号3栋502。")
    assert_outcome(run_rule(PUB_PRIVACY, home), "fail", contains="住址")
    street_only = simple_published("当事人林志明，住福华路88号3栋502。")
    assert_outcome(run_rule(PUB_PRIVACY, street_only), "fail", contains="住址（福华路8……）")


def test_privacy_counts_each_item():
    case = simple_published("林志明，440304199003121516，13800138000，福华路88号3栋502")
    findings = run_rule(PUB_PRIVACY, case)
    assert_outcome(findings, "fail")
    assert findings[0].count == 3


def test_privacy_generic_patterns():
    other_id = simple_published("证人张某（110101199003071233）在场。")
    assert_outcome(run_rule(PUB_PRIVACY, other_id), "fail", contains="身份证件号码")
    fullwidth = simple_published("证人张某（１１０１０１１９９００３０７１２３３）在场。")
    assert_outcome(run_rule(PUB_PRIVACY, fullwidth), "fail")
    mobile = simple_published("举报人电话139-0571-0000。")
    assert_outcome(run_rule(PUB_PRIVACY, mobile), "fail", contains="手机号码")


def test_privacy_no_false_positives():
    masked = simple_published(
        "林某某（身份证号440304********1516）罚款100元，决定书编号0615，咨询电话0755-12345678，"
        "统一社会信用代码913301001234567890，金额20250610元。"
    )
    assert_outcome(run_rule(PUB_PRIVACY, masked), "pass")
    bad_checksum = simple_published("编号110101199003071234。")
    assert_outcome(run_rule(PUB_PRIVACY, bad_checksum), "pass")


def test_privacy_legal_representative_and_business_address():
    rep_id = make_case(
        "penalty",
        {"publicity.0.content": "栖禾公司，法定代表人周明远（330106198507152334）。"},
    )
    assert_outcome(run_rule(PUB_PRIVACY, rep_id), "fail", contains="周明远")
    company_address = make_case(
        "penalty",
        {"publicity.0.content": "栖禾公司，住所浙江省杭州市西湖区文三路100号1幢101室。"},
    )
    assert_outcome(run_rule(PUB_PRIVACY, company_address), "pass")


def test_privacy_not_applicable_without_content():
    case = make_case("penalty", {"publicity.0.content": DELETE})
    assert_outcome(run_rule(PUB_PRIVACY, case), "not_applicable")


# =========================================================================== TS-REC helpers

ON_SITE = {
    "id": "D20",
    "type": "on_site_record",
    "date": "2025-03-04",
    "start_time": "2025-03-04T10:00",
    "end_time": "2025-03-04T11:00",
    "officers": ["O1", "O2"],
    "party": "P1",
    "party_signed": True,
}
SEIZURE_DECISION = {"id": "D21", "type": "seizure_decision", "date": "2025-03-04", "party": "P1"}


def seizure_case(recordings: list[dict[str, Any]] | None = None, **measure: Any) -> CaseFile:
    data = {
        "id": "M1",
        "type": "seal_up",
        "date": "2025-03-04",
        "time": "2025-03-04T10:00",
        "officers": ["O1", "O2"],
        "decision_document": "D21",
        "on_site_record": "D20",
        **measure,
    }
    base_recordings = base_dict("penalty")["recordings"]
    return with_documents(
        "penalty",
        [ON_SITE, SEIZURE_DECISION],
        {"compulsory_measures": [data], "recordings": base_recordings + (recordings or [])},
    )


SEIZURE_AV = {
    "id": "R2",
    "step": "seal_up",
    "start": "2025-03-04T09:58",
    "end": "2025-03-04T11:02",
    "measure": "M1",
    "complete": True,
}


# =========================================================================== TS-REC-001


def test_text_records_scored_elsewhere_are_not_repeated():
    # 查封扣押现场笔录 is PEN-PROC-030, 核查笔录 LIC-REV-001, licensing 听证笔录 LIC-HEAR-008.
    no_record = seizure_case([SEIZURE_AV], on_site_record=None)
    assert_outcome(run_rule(REC_TEXT, no_record), "not_applicable")
    no_verification_record = make_case(
        "licensing", {"verifications.0.document": DELETE, "documents.3": DELETE}
    )
    assert_outcome(run_rule(REC_TEXT, no_verification_record), "not_applicable")
    hearing = {"required_by_law": True, "held": True, "date": "2025-05-14"}
    assert_outcome(
        run_rule(REC_TEXT, make_case("licensing", {"hearing": hearing})), "not_applicable"
    )


def test_text_record_of_penalty_hearing():
    hearing = {"requested": True, "held": True, "date": "2025-03-27", "presiding_officer": "O4"}
    case = make_case("penalty", {"hearing": hearing})
    assert_outcome(run_rule(REC_TEXT, case), "fail", contains="无听证笔录")
    record = {"id": "D20", "type": "hearing_record", "date": "2025-03-27", "party": "P1"}
    ok = with_documents("penalty", [record], {"hearing": {**hearing, "record": "D20"}})
    assert_outcome(run_rule(REC_TEXT, ok), "pass")


def test_text_record_of_av_recorded_inquiry():
    av = {"id": "R2", "step": "inquiry", "start": "2025-03-12T09:00", "end": "2025-03-12T09:40"}
    recordings = [*base_dict("penalty")["recordings"], av]
    case = make_case("penalty", {"recordings": recordings})
    findings = run_rule(REC_TEXT, case)
    # Named by its time and file, never by its internal id (review §5).
    assert_outcome(
        findings,
        "fail",
        contains="2025-03-12 09:00询问调查有音像记录，无对应文字记录",
    )
    assert "R2" not in findings[0].message
    filed = make_case(
        "penalty",
        {"recordings": [*recordings[:-1], {**av, "file": "执法记录仪/20250312-0900.mp4"}]},
    )
    assert_outcome(
        run_rule(REC_TEXT, filed), "fail", contains="有音像记录“执法记录仪/20250312-0900.mp4”"
    )
    same_day = {**av, "start": "2025-03-10T14:00", "end": "2025-03-10T15:10"}
    ok = make_case("penalty", {"recordings": [*base_dict("penalty")["recordings"], same_day]})
    assert_outcome(run_rule(REC_TEXT, ok), "pass")


def test_text_record_of_enforcement_acts():
    case = make_case("penalty", {"execution.demand_notice_date": date(2025, 5, 6)})
    assert_outcome(run_rule(REC_TEXT, case), "fail", contains="无催告书")
    notice = {"id": "D20", "type": "demand_notice", "date": "2025-05-06", "party": "P1"}
    ok = with_documents("penalty", [notice], {"execution.demand_notice_date": date(2025, 5, 6)})
    assert_outcome(run_rule(REC_TEXT, ok), "pass")
    court = replace(ok, {"execution.court_application_date": "2025-06-20"})
    assert_outcome(run_rule(REC_TEXT, court), "fail", contains="无强制执行申请书")
    application = {"id": "D21", "type": "enforcement_application", "date": "2025-06-20"}
    both = with_documents(
        "penalty",
        [notice, application],
        {
            "execution.demand_notice_date": date(2025, 5, 6),
            "execution.court_application_date": date(2025, 6, 20),
        },
    )
    assert_outcome(run_rule(REC_TEXT, both), "pass")


# =========================================================================== TS-REC-002


def test_seizure_without_av_fails():
    findings = run_rule(REC_AV, seizure_case())
    # Named by time and decision document, not by the measure's internal id.
    assert_outcome(findings, "fail", contains="查封（2025-03-04 10:00，查封（扣押）决定书）")
    assert "无音像记录" in findings[0].message
    assert "M1" not in findings[0].message


def test_seizure_with_covering_av_passes():
    assert_outcome(run_rule(REC_AV, seizure_case([SEIZURE_AV])), "pass")
    # Recorded under the impound step, not linked, same day: 查封 and 扣押 are one family.
    unlinked = {**SEIZURE_AV, "step": "impound", "measure": None}
    unlinked.pop("measure")
    assert_outcome(run_rule(REC_AV, seizure_case([unlinked])), "pass")


def test_seizure_av_partial_or_incomplete_fails():
    partial = {**SEIZURE_AV, "start": "2025-03-04T10:30"}
    assert_outcome(run_rule(REC_AV, seizure_case([partial])), "fail", contains="未覆盖全过程")
    incomplete = {**SEIZURE_AV, "complete": False}
    assert_outcome(run_rule(REC_AV, seizure_case([incomplete])), "fail", contains="未完整记录")


def test_seizure_av_tolerance_parameter():
    late_start = {**SEIZURE_AV, "start": "2025-03-04T10:04"}
    assert_outcome(run_rule(REC_AV, seizure_case([late_start])), "pass")
    params = {"recording.time_tolerance_minutes": 0}
    assert_outcome(run_rule(REC_AV, seizure_case([late_start]), parameters=params), "fail")


def test_forced_demolition_from_titled_on_site_record():
    record = {**ON_SITE, "title": "强制拆除现场笔录"}
    case = with_documents("penalty", [record], {})
    assert_outcome(run_rule(REC_AV, case), "fail", contains="强制拆除")
    av = {
        "id": "R2",
        "step": "forced_demolition",
        "start": "2025-03-04T09:55",
        "end": "2025-03-04T11:05",
        "document": "D20",
    }
    recs = [*base_dict("penalty")["recordings"], av]
    assert_outcome(
        run_rule(REC_AV, with_documents("penalty", [record], {"recordings": recs})), "pass"
    )


def test_required_steps_parameter_adds_steps():
    params = {"recording.required_steps": ["seal_up", "impound", "inquiry"]}
    case = make_case("penalty")
    assert_outcome(
        run_rule(REC_AV, case, parameters=params),
        "fail",
        contains="询问调查（询问笔录，卷内第4页，2025-03-10 14:00）无音像记录",
    )
    assert_outcome(run_rule(REC_AV, case), "not_applicable")


# =========================================================================== TS-REC-003


HEARING = {
    "requested": True,
    "held": True,
    "date": "2025-03-27",
    "presiding_officer": "O4",
    "record": "D20",
}
HEARING_RECORD = {"id": "D20", "type": "hearing_record", "date": "2025-03-27", "party": "P1"}


def test_hearing_without_av_goes_to_review():
    case = with_documents("penalty", [HEARING_RECORD], {"hearing": HEARING})
    assert_outcome(run_rule(REC_ADVISED, case), "needs_review", contains="听证")
    av = {"id": "R2", "step": "hearing", "start": "2025-03-27T14:00", "end": "2025-03-27T15:00"}
    recs = [*base_dict("penalty")["recordings"], av]
    ok = with_documents("penalty", [HEARING_RECORD], {"hearing": HEARING, "recordings": recs})
    assert_outcome(run_rule(REC_ADVISED, ok), "pass")


def test_hearing_av_required_by_standard_moves_to_rec_002():
    case = with_documents("penalty", [HEARING_RECORD], {"hearing": HEARING})
    params = {"recording.required_steps": ["seal_up", "impound", "hearing"]}
    assert_outcome(run_rule(REC_AV, case, parameters=params), "fail", contains="听证")
    assert_outcome(run_rule(REC_ADVISED, case, parameters=params), "not_applicable")


def test_left_at_address_and_announcement_service():
    left = make_case("penalty", {"services.1.method": "left_at_address", "services.1.witness": "W"})
    assert_outcome(run_rule(REC_ADVISED, left), "needs_review", contains="留置送达")
    photographed = replace(left, {"services.1.recorded": True})
    assert_outcome(run_rule(REC_ADVISED, photographed), "pass")
    announced = make_case(
        "penalty",
        {"services.1.method": "announcement", "services.1.announcement_date": date(2025, 4, 3)},
    )
    assert_outcome(run_rule(REC_ADVISED, announced), "needs_review", contains="公告送达")
    assert_outcome(run_rule(REC_ADVISED, make_case("penalty")), "not_applicable")


# =========================================================================== TS-REC-004


def test_recording_identification():
    assert_outcome(run_rule(REC_IDENT, make_case("penalty")), "pass")
    no_end = make_case("penalty", {"recordings.0.end": DELETE})
    assert_outcome(run_rule(REC_IDENT, no_end), "fail", contains="未载明起止时间")
    reversed_times = make_case("penalty", {"recordings.0.end": "2025-03-03T09:00"})
    assert_outcome(run_rule(REC_IDENT, reversed_times), "fail", contains="不晚于开始时间")
    other = make_case("penalty", {"recordings.0.step": "other", "recordings.0.document": DELETE})
    assert_outcome(run_rule(REC_IDENT, other), "fail", contains="未载明所记录的执法环节")


def test_recording_time_does_not_match_its_record():
    wrong = make_case(
        "penalty",
        {
            "recordings.0.document": "D03",
            "recordings.0.step": "inquiry",
            "recordings.0.start": "2025-03-10T16:00",
            "recordings.0.end": "2025-03-10T16:20",
        },
    )
    assert_outcome(
        run_rule(REC_IDENT, wrong),
        "fail",
        contains="音像记录“执法记录仪/20250303-0928.mp4”时间2025-03-10 16:00至2025-03-10 16:20，"
        "未覆盖询问笔录（卷内第4页）所载执法时间",
    )
    slightly = make_case("penalty", {"recordings.0.start": "2025-03-03T09:34"})
    assert_outcome(run_rule(REC_IDENT, slightly), "pass")
    params = {"recording.time_tolerance_minutes": 0}
    assert_outcome(run_rule(REC_IDENT, slightly, parameters=params), "fail")


def test_recording_of_a_measure_named_by_measure_not_id():
    preservation = {
        "id": "M2",
        "type": "advance_preservation",
        "date": "2025-03-04",
        "time": "2025-03-04T10:00",
        "officers": ["O1", "O2"],
    }
    av = {
        "id": "R3",
        "step": "other",
        "start": "2025-03-04T14:00",
        "end": "2025-03-04T14:10",
        "measure": "M2",
    }
    case = make_case(
        "penalty",
        {
            "compulsory_measures": [preservation],
            "recordings": [*base_dict("penalty")["recordings"], av],
        },
    )
    findings = run_rule(REC_IDENT, case)
    assert_outcome(
        findings,
        "fail",
        contains="音像记录时间2025-03-04 14:00至2025-03-04 14:10，"
        "未覆盖先行登记保存（2025-03-04 10:00）",
    )
    assert "M2" not in findings[0].message and "R3" not in findings[0].message


def test_recording_of_required_step_left_to_rec_002():
    partial = {**SEIZURE_AV, "start": "2025-03-04T10:30"}
    assert_outcome(run_rule(REC_IDENT, seizure_case([partial])), "pass")


def test_recording_identification_not_applicable_without_recordings():
    assert_outcome(run_rule(REC_IDENT, make_case("licensing")), "not_applicable")


# =========================================================================== TS-REV-001


BIG_FINE = {"decision.penalties": [{"type": "fine", "amount": 200000}]}


def test_major_penalty_without_review_is_a_veto_fail():
    case = make_case("penalty", {**BIG_FINE, "legal_review": DELETE})
    findings = run_rule(REV_MAJOR, case)
    assert_outcome(findings, "fail", contains="罚款200000元")
    assert "无法制审核记录" in findings[0].message
    assert REV_MAJOR.veto


def test_major_penalty_with_review_passes_and_base_not_applicable():
    assert_outcome(run_rule(REV_MAJOR, make_case("penalty", BIG_FINE)), "pass")
    base = run_rule(REV_MAJOR, make_case("penalty"))
    assert_outcome(base, "not_applicable")
    # The base case has a review although none is required: never reported as missing.
    no_review = run_rule(REV_MAJOR, make_case("penalty", {"legal_review": DELETE}))
    assert_outcome(no_review, "not_applicable")


def test_major_penalty_triggers():
    def check(overrides: dict[str, Any], expected: str, contains: str = "", **kw: Any) -> None:
        case = make_case("penalty", {"legal_review": DELETE, **overrides})
        assert_outcome(run_rule(REV_MAJOR, case, **kw), expected, contains=contains)

    check({"decision.penalties": [{"type": "fine", "amount": 100000}]}, "fail", "达到100000元标准")
    check(
        {"decision.penalties": [{"type": "fine", "amount": 100000}]},
        "not_applicable",
        parameters={"legal_review.triggers": {"threshold_inclusive": False}},
    )
    individual = {
        "parties.0.type": "natural_person",
        "parties.0.credit_code": DELETE,
        "parties.0.legal_representative": DELETE,
        "decision.penalties": [{"type": "fine", "amount": 10000}],
    }
    check(individual, "fail", "对自然人或个体工商户罚款10000元")
    check({"decision.penalties": [{"type": "revoke_licence"}]}, "fail", "吊销许可证件")
    check(
        {"decision.penalties": [{"type": "confiscate_illegal_gains", "amount": 150000}]},
        "fail",
        "没收违法所得和非法财物价值150000元",
    )
    check({"hearing": {"requested": True, "held": True, "date": "2025-03-27"}}, "fail", "听证")
    check({"major_decision": {"major": True, "categories": ["complex"]}}, "fail", "疑难复杂")
    check({"major_decision": {"major": False}}, "not_applicable")
    check({"decision.discretion.level": "reduced"}, "not_applicable")
    check(
        {"decision.discretion.level": "reduced"},
        "fail",
        "减轻处罚",
        parameters={"legal_review.triggers": {"reduced_penalty": True}},
    )
    check(
        {},
        "fail",
        "罚款50000元",
        parameters={
            "legal_review.triggers": {
                "by_sector": {"market_regulation": {"fine_min_organisation": 50000}}
            }
        },
    )


def test_major_penalty_review_after_decision_or_not_passed():
    late = make_case("penalty", {**BIG_FINE, "legal_review.date": date(2025, 4, 3)})
    assert_outcome(run_rule(REV_MAJOR, late), "fail", contains="审核在决定作出之后")
    refused = make_case(
        "penalty",
        {
            **BIG_FINE,
            "legal_review.conclusion": "not_approved",
            "legal_review.decision_follows_opinion": DELETE,
        },
    )
    assert_outcome(run_rule(REV_MAJOR, refused), "fail", contains="审核未通过仍作出决定")


def test_major_penalty_with_only_a_case_review_is_a_veto_fail():
    # Review §1.2: 案件审核 is not the 法制审核 of 第五十八条 (市场监管程序规定第五十条).
    case = make_case("penalty", {**BIG_FINE, "legal_review.type": "case_review"})
    findings = run_rule(REV_MAJOR, case)
    assert_outcome(findings, "fail", contains="仅有案件审核，未经法制审核")
    assert findings[0].values["审核类型"] == "案件审核"
    assert findings[0].pointers == ("/legal_review/type",)
    legal = make_case("penalty", {**BIG_FINE, "legal_review.type": "legal_review"})
    assert_outcome(run_rule(REV_MAJOR, legal), "pass")
    # Not a major decision: a 案件审核 is what the SAMR rule asks for.
    ordinary = make_case("penalty", {"legal_review.type": "case_review"})
    assert_outcome(run_rule(REV_MAJOR, ordinary), "not_applicable")


def test_case_review_does_not_avoid_the_veto_in_the_default_standard():
    # The reviewer's scenario: 100,000 yuan, market regulation, only a 案件审核 → was 100 points.
    case = make_case(
        "penalty",
        {
            "decision.penalties": [{"type": "fine", "amount": 100000}],
            "legal_review.type": "case_review",
        },
    )
    result = evaluator().evaluate(case)
    assert any(v.rule_id == "TS-REV-001" for v in result.score.vetoes)
    assert result.score.total == 0


def test_late_case_review_is_reported_by_the_timing_rule():
    # TS-REV-001 reports "only a case review"; a case review after the decision is a further,
    # different defect that TS-REV-007 keeps.
    late = make_case(
        "penalty",
        {**BIG_FINE, "legal_review.type": "case_review", "legal_review.date": date(2025, 4, 3)},
    )
    assert_outcome(run_rule(REV_MAJOR, late), "fail", contains="仅有案件审核")
    assert_outcome(run_rule(REV_TIMING, late), "fail", contains="审核在决定作出之后")


# =========================================================================== TS-REV-002


def test_2017_law_case_review_counts():
    # 2017 第三十八条第三款 asked for a 审核 of every decision: a 案件审核 satisfies it.
    old = make_case(
        "penalty", {"decision.date": date(2020, 6, 18), "legal_review.type": "case_review"}
    )
    assert_outcome(run_rule(REV_2017, old), "pass")


def test_2017_law_every_general_decision_reviewed():
    old = make_case("penalty", {"decision.date": date(2020, 6, 18), "legal_review": DELETE})
    assert_outcome(run_rule(REV_2017, old), "fail", contains="2017年行政处罚法")
    assert not REV_2017.veto
    reviewed = make_case("penalty", {"decision.date": date(2020, 6, 18)})
    assert_outcome(run_rule(REV_2017, reviewed), "pass")
    new = make_case("penalty", {"legal_review": DELETE})
    # Decided under the 2021 law: the engine does not run the rule (TS-REV-001 applies).
    assert outcome(run_rule(REV_2017, new)) in ("skipped", "not_applicable")


# =========================================================================== TS-REV-003

LICENCE_REVIEW = {
    "reviewer": "O4",
    "date": "2025-05-16",
    "conclusion": "approved",
    "opinion": "符合法定条件",
    "decision_follows_opinion": True,
}
LICENCE_REVIEWER = {
    "id": "O4",
    "name": "韩律",
    "roles": ["legal_reviewer"],
    "legal_qualification": True,
    "first_legal_review_date": "2020-01-01",
}


def test_major_licence_after_hearing_needs_review():
    hearing = {"required_by_law": True, "held": True, "date": "2025-05-14"}
    case = make_case("licensing", {"hearing": hearing})
    findings = run_rule(REV_LICENCE, case)
    assert_outcome(findings, "fail", contains="经过听证程序")
    assert not REV_LICENCE.veto
    officers = [*base_dict("licensing")["officers"], LICENCE_REVIEWER]
    ok = make_case(
        "licensing", {"hearing": hearing, "officers": officers, "legal_review": LICENCE_REVIEW}
    )
    assert_outcome(run_rule(REV_LICENCE, ok), "pass")


def test_major_licence_with_only_a_case_review_fails_and_cites_118_only():
    hearing = {"required_by_law": True, "held": True, "date": "2025-05-14"}
    officers = [*base_dict("licensing")["officers"], LICENCE_REVIEWER]
    case = make_case(
        "licensing",
        {
            "hearing": hearing,
            "officers": officers,
            "legal_review": {**LICENCE_REVIEW, "type": "case_review"},
        },
    )
    assert_outcome(run_rule(REV_LICENCE, case), "fail", contains="仅有案件审核，未经法制审核")
    # Review §1.8: 行政许可法第四十六条 (public hearings) is not a basis for legal review.
    assert REV_LICENCE.legal_basis == (f"{ts._GUIDANCE}第（十二）项",)


def test_major_licence_catalogue_parameter():
    params = {"legal_review.triggers": {"licensing_items": ["食品经营"]}}
    case = make_case("licensing")
    assert_outcome(run_rule(REV_LICENCE, case, parameters=params), "fail", contains="食品经营许可")
    assert_outcome(run_rule(REV_LICENCE, case), "not_applicable")


# =========================================================================== TS-REV-004


def test_reviewer_qualification():
    unqualified = make_case(
        "penalty",
        {
            "officers.3.legal_qualification": False,
            "officers.3.first_legal_review_date": date(2019, 3, 1),
        },
    )
    assert_outcome(run_rule(REV_QUAL, unqualified), "fail", contains="未取得法律职业资格")
    grandfathered = replace(unqualified, {"officers.3.first_legal_review_date": "2017-06-01"})
    assert_outcome(run_rule(REV_QUAL, grandfathered), "pass")
    unknown_date = replace(unqualified, {"officers.3.first_legal_review_date": DELETE})
    assert_outcome(run_rule(REV_QUAL, unknown_date), "needs_review", contains="初次从事")
    unknown_qual = replace(unqualified, {"officers.3.legal_qualification": DELETE})
    assert_outcome(run_rule(REV_QUAL, unknown_qual), "needs_review", contains="是否取得")
    assert_outcome(run_rule(REV_QUAL, make_case("penalty")), "pass")


CASE_REVIEWER_UNQUALIFIED = {
    "legal_review.type": "case_review",
    "officers.3.legal_qualification": False,
    "officers.3.first_legal_review_date": date(2019, 3, 1),
}


def test_case_reviewer_qualification_not_required_under_the_2021_law():
    # Review §2.3: 第五十八条第二款 and 市场监管程序规定第五十一条第二款 bind 法制审核 only.
    after = make_case("penalty", CASE_REVIEWER_UNQUALIFIED)
    assert_outcome(run_rule(REV_QUAL, after), "not_applicable", contains="仅适用于法制审核人员")
    first_day = make_case(
        "penalty", {**CASE_REVIEWER_UNQUALIFIED, "decision.date": date(2021, 7, 15)}
    )
    assert_outcome(run_rule(REV_QUAL, first_day), "not_applicable")
    undated = make_case("penalty", {**CASE_REVIEWER_UNQUALIFIED, "decision.date": DELETE})
    assert_outcome(run_rule(REV_QUAL, undated), "not_applicable", contains="决定日期未载明")
    # A 法制审核 after 2021 is still checked.
    legal = replace(after, {"legal_review.type": "legal_review"})
    assert_outcome(run_rule(REV_QUAL, legal), "fail", contains="未取得法律职业资格")


def test_case_reviewer_qualification_required_under_the_2017_law():
    # 2017 第三十八条第三款 covered every 行政处罚决定审核 (2018-01-01..2021-07-14).
    last_day = make_case(
        "penalty", {**CASE_REVIEWER_UNQUALIFIED, "decision.date": date(2021, 7, 14)}
    )
    assert_outcome(run_rule(REV_QUAL, last_day), "fail", contains="未取得法律职业资格")
    qualified = replace(last_day, {"officers.3.legal_qualification": True})
    assert_outcome(run_rule(REV_QUAL, qualified), "pass")
    nobody = replace(last_day, {"legal_review.reviewer": DELETE})
    assert_outcome(run_rule(REV_QUAL, nobody), "fail", contains="案件审核记录未载明审核人员")
    before = make_case(
        "penalty", {**CASE_REVIEWER_UNQUALIFIED, "decision.date": date(2017, 12, 29)}
    )
    assert_outcome(run_rule(REV_QUAL, before), "not_applicable", contains="早于")


def test_case_reviewer_law_dates_come_from_ctx_laws():
    # A registry whose 2021 text starts on 2021-08-01 keeps a 2021-07-20 decision under 2017.
    shifted = [
        attrs.evolve(v, in_force_until=None)
        if v.edition != "2021修订"
        else LawVersion("行政处罚法", "2021修订", date(2021, 8, 1))
        for v in DEFAULT_REGISTRY.versions("行政处罚法")
    ]
    ctx = attrs.evolve(
        context_for(REV_QUAL), laws=DEFAULT_REGISTRY.with_versions(shifted, replace=True)
    )
    case = make_case("penalty", {**CASE_REVIEWER_UNQUALIFIED, "decision.date": date(2021, 7, 20)})
    assert [f.outcome for f in REV_QUAL.check(case, ctx)] == ["fail"]
    assert_outcome(run_rule(REV_QUAL, case), "not_applicable")


def test_licensing_case_review_not_judged_for_qualification():
    review = {**LICENCE_REVIEW, "type": "case_review"}
    officers = [
        *base_dict("licensing")["officers"],
        {**LICENCE_REVIEWER, "legal_qualification": False},
    ]
    case = make_case("licensing", {"legal_review": review, "officers": officers})
    assert_outcome(run_rule(REV_QUAL, case), "not_applicable", contains="许可案卷")


def test_reviewer_identified():
    nobody = make_case("penalty", {"legal_review.reviewer": DELETE})
    assert_outcome(run_rule(REV_QUAL, nobody), "fail", contains="未载明审核人员")


def test_licensing_reviewer_qualification_not_required():
    reviewer = {**LICENCE_REVIEWER, "legal_qualification": False}
    officers = [*base_dict("licensing")["officers"], reviewer]
    case = make_case("licensing", {"officers": officers, "legal_review": LICENCE_REVIEW})
    assert_outcome(run_rule(REV_QUAL, case), "pass")
    assert_outcome(run_rule(REV_QUAL, make_case("licensing")), "not_applicable")


# =========================================================================== TS-REV-005


def test_reviewer_must_not_be_handler():
    case = make_case("penalty", {"legal_review.reviewer": "O1"})
    findings = run_rule(REV_SEPARATE, case)
    assert_outcome(findings, "fail", contains="陈晓东")
    assert "立案指定办案人员" in findings[0].message
    assert_outcome(run_rule(REV_SEPARATE, make_case("penalty")), "pass")
    licence_staff = make_case("licensing", {"legal_review": {**LICENCE_REVIEW, "reviewer": "O1"}})
    assert_outcome(run_rule(REV_SEPARATE, licence_staff), "fail", contains="核查人员")


def test_reviewers_who_handled_the_case_are_named_in_reviewer_order():
    # Order once came from a set and changed between runs (string hashing is per process).
    case = make_case(
        "penalty",
        {
            "officers.3.roles": ["legal_reviewer", "investigator"],
            "officers.2.roles": ["investigator"],
            "legal_review.reviewers": ["O3"],
        },
    )
    finding = run_rule(REV_SEPARATE, case)[0]
    assert finding.message == "审核人员赵雅琴同时是本案承办人员；审核人员王建国同时是本案承办人员"
    assert finding.pointers[1:] == ("/officers/3", "/officers/2")
    # a reviewer found through the filing is not moved to the front
    case = replace(case, {"legal_review.reviewers": ["O3", "O1"]})
    finding = run_rule(REV_SEPARATE, case)[0]
    assert finding.message.startswith("审核人员赵雅琴同时是本案承办人员；审核人员王建国")
    assert finding.pointers[1:] == ("/officers/3", "/officers/2", "/officers/0")


# =========================================================================== TS-REV-006


def test_review_opinion_recorded():
    bare = make_case(
        "penalty",
        {
            "legal_review.document": DELETE,
            "legal_review.opinion": DELETE,
            "documents.5.type": "other",
            "documents.5.title": "其他",
        },
    )
    assert_outcome(run_rule(REV_OPINION, bare), "fail", contains="既无审核意见书")
    unlinked = make_case(
        "penalty",
        {"legal_review.document": DELETE, "legal_review.opinion": DELETE},
    )
    assert_outcome(run_rule(REV_OPINION, unlinked), "pass")  # D06 is a legal_review_opinion
    no_conclusion = make_case("penalty", {"legal_review.conclusion": DELETE})
    assert_outcome(run_rule(REV_OPINION, no_conclusion), "needs_review", contains="审核结论")
    assert_outcome(run_rule(REV_OPINION, make_case("penalty")), "pass")


# =========================================================================== TS-REV-007


def test_review_after_decision_when_not_required():
    late = make_case("penalty", {"legal_review.date": date(2025, 4, 3)})
    assert_outcome(run_rule(REV_TIMING, late), "fail", contains="审核在决定作出之后")
    same_day = make_case(
        "penalty", {"legal_review.date": date(2025, 4, 2), "decision.approval": DELETE}
    )
    assert_outcome(run_rule(REV_TIMING, same_day), "pass")


def test_review_after_decision_when_required_is_left_to_rev_001():
    late = make_case("penalty", {**BIG_FINE, "legal_review.date": date(2025, 4, 3)})
    assert_outcome(run_rule(REV_TIMING, late), "not_applicable")
    assert_outcome(run_rule(REV_MAJOR, late), "fail")


def test_review_after_head_approval_or_before_hearing():
    after_approval = make_case("penalty", {"legal_review.date": date(2025, 4, 2)})
    assert_outcome(run_rule(REV_TIMING, after_approval), "fail", contains="负责人审批之后")
    hearing = {"requested": True, "held": True, "date": "2025-03-27"}
    before_hearing = make_case("penalty", {"hearing": hearing})
    assert_outcome(run_rule(REV_TIMING, before_hearing), "fail", contains="审核在听证之前")
    after_hearing = make_case(
        "penalty", {"hearing": hearing, "legal_review.date": date(2025, 3, 28)}
    )
    assert_outcome(run_rule(REV_TIMING, after_hearing), "pass")


def test_review_timing_missing_dates():
    case = make_case("penalty", {"legal_review.date": DELETE})
    assert_outcome(run_rule(REV_TIMING, case), "needs_review", contains="日期不全")


# =========================================================================== TS-REV-008


def test_decision_despite_not_approved():
    refused = make_case(
        "penalty",
        {
            "legal_review.conclusion": "not_approved",
            "legal_review.decision_follows_opinion": DELETE,
        },
    )
    assert_outcome(run_rule(REV_FOLLOWS, refused), "fail", contains="不同意")
    followed = replace(refused, {"legal_review.decision_follows_opinion": True})
    assert_outcome(run_rule(REV_FOLLOWS, followed), "pass")
    required = replace(refused, BIG_FINE)
    assert_outcome(run_rule(REV_FOLLOWS, required), "not_applicable")
    assert_outcome(run_rule(REV_MAJOR, required), "fail")


def test_approved_with_changes_needs_an_answer():
    changes = make_case(
        "penalty",
        {
            "legal_review.conclusion": "approved_with_changes",
            "legal_review.decision_follows_opinion": DELETE,
        },
    )
    assert_outcome(run_rule(REV_FOLLOWS, changes), "needs_review", contains="修改后同意")
    answered = replace(changes, {"legal_review.response_to_opinion": "已按审核意见补充裁量理由"})
    assert_outcome(run_rule(REV_FOLLOWS, answered), "pass")
    ignored = replace(changes, {"legal_review.decision_follows_opinion": False})
    assert_outcome(run_rule(REV_FOLLOWS, ignored), "fail", contains="未采纳审核意见")


def test_approved_but_decision_departs_without_answer():
    departs = make_case("penalty", {"legal_review.decision_follows_opinion": False})
    assert_outcome(run_rule(REV_FOLLOWS, departs), "fail", contains="“同意”")
    assert_outcome(run_rule(REV_FOLLOWS, make_case("penalty")), "pass")


def test_missing_required_review_vetoes_the_file_in_the_default_standard():
    case = make_case("penalty", {**BIG_FINE, "legal_review": DELETE})
    result = evaluator().evaluate(case)
    assert any(v.rule_id == "TS-REV-001" for v in result.score.vetoes)
    assert result.score.total == 0


def test_licensing_publication_keeps_the_guidance_period_in_market_regulation() -> None:
    # 企业信息公示暂行条例第六条 (20 working days) lists penalty information, not licences.
    from casefile_eval_rubrics.three_systems import publication_in_time

    late = make_case(
        "licensing",
        {"publicity.0.date": "2025-06-10", "publicity.0.channel": "enterprise_credit_system"},
    )
    assert_outcome(run_rule(publication_in_time, late), "fail", contains="7个工作日")
