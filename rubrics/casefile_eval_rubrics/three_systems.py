"""Rubric plugin ``three_systems``: the "three systems" (三项制度) of 国办发〔2018〕118号.

Rules for penalty and licensing files alike, in the category ``three_systems`` (案卷质量):

* ``TS-PUB-…`` 行政执法公示: the decision published in time on a stated channel, withdrawn when
  the decision is revoked or changed, without exposing natural persons' personal data.
* ``TS-REC-…`` 执法全过程记录: a written record of every on-site or hearing act, audio-video
  records of the acts the guidance names, and AV records that identify their act and time.
* ``TS-REV-…`` 重大执法决定法制审核: the review done where the law or the catalogue requires it,
  by an identified, qualified reviewer who did not handle the case, before the decision (and after
  the hearing), with a written opinion the decision follows or answers.

Legal decisions are recorded in each rule's ``notes`` and in ``docs/rubrics/three_systems.md``.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple, get_args

from casefile_eval.calendar import Period, PeriodUnit, add_working_days, deadline_check
from casefile_eval.model import CaseFile, Document, LegalReview, Recording
from casefile_eval.model.vocab import (
    DOCUMENT_TYPE_ZH,
    MAJOR_CATEGORY_ZH,
    MEASURE_TYPE_ZH,
    PENALTY_TYPE_ZH,
    PUBLICITY_CHANNEL_ZH,
    RECORD_TYPES,
    STEP_ZH,
    PenaltyType,
    PublicityChannel,
    Sector,
    Step,
)
from casefile_eval.plugins import AppliesTo, CheckContext, Finding, Parameter, hookimpl, rule

__version__ = "1.0.0"

CATEGORY = "three_systems"
DIMENSION = "quality"

# --------------------------------------------------------------------------- legal sources

_GUIDANCE = (
    "《国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的"
    "指导意见》（国办发〔2018〕118号）"
)
_PENALTY_LAW = "《中华人民共和国行政处罚法》"
_LICENSING_LAW = "《中华人民共和国行政许可法》"
_COERCION_LAW = "《中华人民共和国行政强制法》"
_SAMR_PROCEDURE = "《市场监督管理行政处罚程序规定》"
_SAMR_PUBLICITY = "《市场监督管理行政处罚信息公示规定》"

#: The 2021 Penalty Law (第四十八条第二款 withdrawal, 第五十八条 review bar) took effect here.
PENALTY_LAW_2021 = dt.date(2021, 7, 15)
#: The 2017 amendment's review clause (2017 第三十八条第三款) and its qualification rule.
PENALTY_LAW_2017_REVIEW = dt.date(2018, 1, 1)
#: Date of 国办发〔2018〕118号.
GUIDANCE_DATE = dt.date(2018, 12, 5)

# --------------------------------------------------------------------------- vocabularies

_SECTORS: tuple[str, ...] = get_args(Sector)
_CHANNELS: tuple[str, ...] = get_args(PublicityChannel)
_STEPS: tuple[str, ...] = get_args(Step)
_PENALTY_TYPES: tuple[str, ...] = get_args(PenaltyType)

_INDIVIDUAL_TYPES = frozenset({"natural_person", "individual_business"})
_CONFISCATION_TYPES = frozenset({"confiscate_illegal_gains", "confiscate_illegal_property"})

#: Which recording steps may stand for which act step (查封 and 扣押 are often filmed as one act;
#: a service record may be labelled with the generic step).
_STEP_FAMILY: dict[str, frozenset[str]] = {
    "seal_up": frozenset({"seal_up", "impound"}),
    "impound": frozenset({"seal_up", "impound"}),
    "service": frozenset({"service", "service_left_at_address", "service_announcement"}),
    "service_left_at_address": frozenset({"service_left_at_address", "service"}),
    "service_announcement": frozenset({"service_announcement", "service"}),
    "verification": frozenset({"verification", "on_site_inspection"}),
    "on_site_inspection": frozenset({"on_site_inspection", "verification"}),
}

#: Written records that can stand for an AV-recorded investigative act of each step (TS-REC-001);
#: a licensing on-site inspection is written up as a verification record.
_AV_TEXT_TYPES: dict[str, frozenset[str]] = {
    "on_site_inspection": frozenset(
        {"inspection_record", "on_site_record", "survey_record", "verification_record"}
    ),
    "inquiry": frozenset({"inquiry_record"}),
    "sampling": frozenset({"sampling_record"}),
}

_SERVICE_METHOD = {
    "service_left_at_address": "left_at_address",
    "service_announcement": "announcement",
}

#: Written records (笔录) that record an investigative act of each step.
_STEP_RECORD_TYPES: dict[str, frozenset[str]] = {
    "on_site_inspection": frozenset({"inspection_record", "on_site_record", "survey_record"}),
    "inquiry": frozenset({"inquiry_record"}),
    "sampling": frozenset({"sampling_record"}),
}

# --------------------------------------------------------------------------- parameters

DEFAULT_PUBLICATION_DAYS: dict[str, Any] = {
    "default": 7,
    "market_regulation": {"default": 7, "enterprise_credit_system": 20},
}
DEFAULT_TRIGGERS: dict[str, Any] = {
    "fine_min_individual": 10000,
    "fine_min_organisation": 100000,
    "confiscation_min_individual": 10000,
    "confiscation_min_organisation": 100000,
    "threshold_inclusive": True,
    "penalty_types": [
        "lower_qualification",
        "revoke_licence",
        "suspend_production",
        "order_closure",
        "restrict_practice",
    ],
    "hearing_held": True,
    "public_interest": True,
    "reduced_penalty": False,
    "all_general_procedure": False,
    "licensing_items": [],
    "by_sector": {},
}
DEFAULT_REQUIRED_STEPS = ["seal_up", "impound", "forced_demolition"]
DEFAULT_ADVISED_STEPS = ["hearing", "service_left_at_address", "service_announcement"]

_DAYS_ENTRY = {
    "oneOf": [
        {"type": "integer", "minimum": 1},
        {
            "type": "object",
            "propertyNames": {"enum": ["default", *_CHANNELS]},
            "additionalProperties": {"type": "integer", "minimum": 1},
        },
    ]
}
_AMOUNT = {"type": ["number", "null"], "minimum": 0}
_TRIGGER_FIELDS: dict[str, Any] = {
    "fine_min_individual": _AMOUNT,
    "fine_min_organisation": _AMOUNT,
    "confiscation_min_individual": _AMOUNT,
    "confiscation_min_organisation": _AMOUNT,
    "threshold_inclusive": {"type": "boolean"},
    "penalty_types": {"type": "array", "items": {"enum": list(_PENALTY_TYPES)}},
    "hearing_held": {"type": "boolean"},
    "public_interest": {"type": "boolean"},
    "reduced_penalty": {"type": "boolean"},
    "all_general_procedure": {"type": "boolean"},
    "licensing_items": {"type": "array", "items": {"type": "string", "minLength": 1}},
}
_STEP_LIST = {"type": "array", "items": {"enum": list(_STEPS)}, "uniqueItems": True}

PARAMETERS: tuple[Parameter, ...] = (
    Parameter(
        name="publicity.decision_working_days",
        default=DEFAULT_PUBLICATION_DAYS,
        schema={
            "type": "object",
            "required": ["default"],
            "propertyNames": {"enum": ["default", *_SECTORS]},
            "additionalProperties": _DAYS_ENTRY,
        },
        description=(
            "执法决定信息公示期限（工作日，自决定作出之日起算），按执法领域和公示渠道设置："
            "键为执法领域（default 为其他领域），值为天数或“渠道→天数”的表（default 为其他渠道）"
        ),
        basis=(
            f"{_GUIDANCE}第（六）项（7个工作日）；{_SAMR_PUBLICITY}第九条、"
            "《企业信息公示暂行条例》第六条第二款（市场监督管理部门通过国家企业信用信息公示系统"
            "公示，20个工作日；第七条对其他政府部门未规定期限）"
        ),
    ),
    Parameter(
        name="publicity.withdrawal_working_days",
        default=3,
        schema={"type": "integer", "minimum": 1},
        description="行政处罚决定被变更、撤销、确认违法或者确认无效后撤回公示信息的期限（工作日）",
        basis=f"{_PENALTY_LAW}第四十八条第二款；{_SAMR_PUBLICITY}第十一条",
    ),
    Parameter(
        name="publicity.required_outcomes",
        default=["penalty", "grant", "partial_grant"],
        schema={
            "type": "array",
            "items": {
                "enum": [
                    "penalty",
                    "no_penalty",
                    "not_established",
                    "transfer_judicial",
                    "transfer_agency",
                    "grant",
                    "partial_grant",
                    "deny",
                ]
            },
            "uniqueItems": True,
        },
        description="应当公示的决定结果（默认：给予行政处罚、准予许可、部分准予许可）",
        basis=f"{_GUIDANCE}第（六）项；{_LICENSING_LAW}第四十条；{_PENALTY_LAW}第四十八条第一款",
    ),
    Parameter(
        name="publicity.include_simple_procedure",
        default=False,
        schema={"type": "boolean"},
        description="简易程序（当场处罚）决定是否也须公示",
        basis=f"{_SAMR_PUBLICITY}第二条第一款（仅普通程序）；{_PENALTY_LAW}第四十八条第一款",
    ),
    Parameter(
        name="publicity.warning_only_exempt_sectors",
        default=["market_regulation"],
        schema={"type": "array", "items": {"enum": list(_SECTORS)}, "uniqueItems": True},
        description="仅给予警告的行政处罚不予公示的执法领域",
        basis=f"{_SAMR_PUBLICITY}第二条第二款",
    ),
    Parameter(
        name="recording.required_steps",
        default=DEFAULT_REQUIRED_STEPS,
        schema=_STEP_LIST,
        description="必须全程音像记录的执法环节（缺少音像记录即不符合）",
        basis=f"{_GUIDANCE}第（九）项",
    ),
    Parameter(
        name="recording.advised_steps",
        default=DEFAULT_ADVISED_STEPS,
        schema=_STEP_LIST,
        description="应当根据实际情况进行音像记录的执法环节（缺少音像记录交人工判断）",
        basis=f"{_GUIDANCE}第（九）项；{_SAMR_PROCEDURE}第八十二条",
    ),
    Parameter(
        name="recording.time_tolerance_minutes",
        default=5,
        schema={"type": "integer", "minimum": 0, "maximum": 120},
        description="判断音像记录是否覆盖执法行为起止时间时容许的时间误差（分钟，记录设备时钟误差）",
        basis=f"{_GUIDANCE}第（九）项",
    ),
    Parameter(
        name="legal_review.triggers",
        default=DEFAULT_TRIGGERS,
        schema={
            "type": "object",
            "properties": {
                **_TRIGGER_FIELDS,
                "by_sector": {
                    "type": "object",
                    "propertyNames": {"enum": list(_SECTORS)},
                    "additionalProperties": {
                        "type": "object",
                        "properties": _TRIGGER_FIELDS,
                        "additionalProperties": False,
                    },
                },
            },
            "additionalProperties": False,
        },
        description=(
            "应当进行法制审核的重大执法决定目录：罚款、没收金额标准（自然人和个体工商户／法人和"
            "其他组织，null 为不设）、处罚种类、经过听证、涉及重大公共利益、减轻处罚、全部普通程序"
            "案件、重大行政许可事项（许可事项名称关键词）；by_sector 按执法领域覆盖，"
            "未写的键取默认值"
        ),
        basis=(f"{_PENALTY_LAW}第五十八条第一款、第六十三条第一款；{_GUIDANCE}第（十二）项"),
    ),
)

# --------------------------------------------------------------------------- helpers


def _iso(day: dt.date | dt.datetime | None) -> str:
    if day is None:
        return "（未载明）"
    if isinstance(day, dt.datetime):
        return day.strftime("%Y-%m-%d %H:%M")
    return day.isoformat()


def _yuan(amount: float) -> str:
    return str(int(amount)) if float(amount).is_integer() else f"{amount:.2f}"


def _naive(moment: dt.datetime) -> dt.datetime:
    # Files mix local times with and without offsets; all are Beijing time in practice.
    return moment.replace(tzinfo=None) if moment.tzinfo is not None else moment


def _hearing_held(case: CaseFile) -> bool:
    hearing = case.hearing
    if hearing is None:
        return False
    if hearing.held is not None:
        return hearing.held
    return hearing.date is not None


def _has_review(review: LegalReview | None) -> bool:
    return review is not None and (
        review.date is not None
        or review.conclusion is not None
        or review.opinion is not None
        or review.document is not None
        or review.reviewer is not None
        or bool(review.reviewers)
    )


def _major_flag(case: CaseFile) -> str | None:
    """The file's own determination that its decision is a major one (case.major_decision)."""
    major = case.major_decision
    if major is None or not major.major:
        return None
    detail = "、".join(MAJOR_CATEGORY_ZH[c] for c in major.categories)
    if major.catalogue_item:
        detail = "、".join(filter(None, (detail, f"目录事项：{major.catalogue_item}")))
    detail = detail or (major.reason or "")
    return f"案卷认定属于重大执法决定（{detail}）" if detail else "案卷认定属于重大执法决定"


# Merged trigger tables, keyed by the identity of the parameter value and the sector; the value
# object is kept in the entry so that a recycled id can never return another table.
_TRIGGER_CACHE: dict[tuple[int, str | None], tuple[Any, dict[str, Any]]] = {}


def _triggers(raw: Mapping[str, Any], sector: str | None) -> dict[str, Any]:
    key = (id(raw), sector)
    hit = _TRIGGER_CACHE.get(key)
    if hit is not None and hit[0] is raw:
        return hit[1]
    merged = {k: v for k, v in DEFAULT_TRIGGERS.items() if k != "by_sector"}
    merged.update((k, v) for k, v in raw.items() if k != "by_sector")
    override = (raw.get("by_sector") or {}).get(sector or "")
    if override:
        merged.update(override)
    merged["penalty_types"] = frozenset(merged["penalty_types"])
    merged["licensing_items"] = tuple(merged["licensing_items"])
    if len(_TRIGGER_CACHE) > 256:
        _TRIGGER_CACHE.clear()
    _TRIGGER_CACHE[key] = (raw, merged)
    return merged


def _reaches(amount: float, threshold: float, inclusive: bool) -> bool:
    return amount >= threshold if inclusive else amount > threshold


def _review_reasons(case: CaseFile, ctx: CheckContext) -> tuple[str, ...]:
    """Why the decision needs a legal review (empty: the catalogue does not name it).

    Computed once per case and kept in ``case.derived``: four rules ask.
    """
    raw = ctx.param("legal_review.triggers")
    cached = case.derived.get("three_systems.review_reasons")
    if cached is not None and cached[0] is raw:
        return cached[1]
    trig = _triggers(raw, case.sector)
    reasons: list[str] = []
    decision = case.decision
    if case.kind == "penalty":
        if decision is not None and decision.penalties:
            party = case.main_party
            individual = party is not None and party.type in _INDIVIDUAL_TYPES
            who = "自然人或个体工商户" if individual else "法人或者其他组织"
            suffix = "individual" if individual else "organisation"
            inclusive = trig["threshold_inclusive"]
            fine = confiscated = 0
            types = set()
            for p in decision.penalties:
                types.add(p.type)
                if p.type == "fine":
                    fine += p.amount or 0
                elif p.type in _CONFISCATION_TYPES:
                    confiscated += p.amount or 0
            fine_min = trig[f"fine_min_{suffix}"]
            if fine_min is not None and fine and _reaches(fine, fine_min, inclusive):
                reasons.append(f"对{who}罚款{_yuan(fine)}元（达到{_yuan(fine_min)}元标准）")
            conf_min = trig[f"confiscation_min_{suffix}"]
            if conf_min is not None and confiscated and _reaches(confiscated, conf_min, inclusive):
                reasons.append(
                    f"没收违法所得和非法财物价值{_yuan(confiscated)}元（达到{_yuan(conf_min)}元标准）"
                )
            heavy = sorted(types & trig["penalty_types"])
            if heavy:
                names = "、".join(PENALTY_TYPE_ZH[t] for t in heavy)
                reasons.append(f"给予{names}的行政处罚")
            discretion = decision.discretion
            if trig["reduced_penalty"] and discretion is not None and discretion.level == "reduced":
                reasons.append("减轻处罚")
        if trig["all_general_procedure"] and case.procedure == "general":
            reasons.append("适用普通程序作出决定")
    else:
        items = trig["licensing_items"]
        item = case.application.item if case.application is not None else None
        if items and item and any(k in item for k in items):
            reasons.append(f"许可事项“{item}”列入重大行政许可法制审核目录")
    if trig["hearing_held"] and _hearing_held(case):
        reasons.append("经过听证程序")
    if trig["public_interest"] and case.hearing is not None and case.hearing.public_interest:
        reasons.append("涉及重大公共利益")
    if flag := _major_flag(case):
        reasons.append(flag)
    result = tuple(reasons)
    # Kept with the parameter value it was computed from: one case may meet two standards.
    case.derived["three_systems.review_reasons"] = (raw, result)
    return result


class _Presence(NamedTuple):
    """What is wrong with a required review: ``kind`` is missing / late / not_passed."""

    kind: str
    message: str
    pointers: tuple[str, ...]
    values: dict[str, Any]


def _presence_defect(case: CaseFile, reasons: tuple[str, ...]) -> _Presence | None:
    """The defect that makes a required review count as not done, or None."""
    review = case.legal_review
    why = "；".join(reasons)
    if not _has_review(review):
        return _Presence(
            "missing",
            f"本案{why}，属于应当进行法制审核的重大执法决定，案卷中无法制审核记录",
            ("/legal_review",),
            {"审核情形": why},
        )
    assert review is not None
    if review.type == "case_review":
        # 案件审核 is the ordinary review of other cases (市场监管程序规定第五十条), not the
        # 法制审核 that 行政处罚法第五十八条 makes a precondition of a major decision.
        return _Presence(
            "missing",
            f"本案{why}，属于应当进行法制审核的重大执法决定，仅有案件审核，未经法制审核",
            ("/legal_review/type",),
            {"审核情形": why, "审核类型": "案件审核"},
        )
    decision = case.decision
    if (
        decision is not None
        and decision.date is not None
        and review.date is not None
        and review.date > decision.date
    ):
        return _Presence(
            "late",
            f"本案{why}，应当在作出决定前进行法制审核；决定日{_iso(decision.date)}，"
            f"法制审核日{_iso(review.date)}，审核在决定作出之后，决定作出时未经法制审核",
            ("/legal_review/date", "/decision/date"),
            {"审核情形": why, "决定日": decision.date, "审核日": review.date},
        )
    if (
        review.conclusion == "not_approved"
        and decision is not None
        and review.decision_follows_opinion is not True
    ):
        return _Presence(
            "not_passed",
            f"本案{why}，法制审核结论为“不同意”，审核未通过仍作出决定",
            ("/legal_review/conclusion", "/decision"),
            {"审核情形": why, "审核结论": "不同意"},
        )
    return None


def _presence_rule_covers(case: CaseFile, ctx: CheckContext, kind: str) -> bool:
    """Whether TS-REV-001/003 already reports this defect kind for the case (no double count)."""
    decision = case.decision
    if case.kind == "penalty":
        if case.procedure != "general" or decision is None or decision.outcome != "penalty":
            return False
        if decision.date is not None and decision.date < PENALTY_LAW_2021:
            return False
    elif decision is not None and decision.date is not None and decision.date < GUIDANCE_DATE:
        return False
    reasons = _review_reasons(case, ctx)
    if not reasons:
        return False
    defect = _presence_defect(case, reasons)
    return defect is not None and defect.kind == kind


# The 2017 and 2021 Penalty Law editions' first days, per law registry (cached by identity:
# a registry lives for a whole batch).


def _penalty_law_dates(ctx: CheckContext) -> tuple[dt.date, dt.date]:
    """First days of the 2017 amendment (第三十八条第三款) and of the 2021 Law."""
    laws = ctx.laws
    return (
        laws.edition_start(_PENALTY_LAW, 2017) or PENALTY_LAW_2017_REVIEW,
        laws.edition_start(_PENALTY_LAW, 2021) or PENALTY_LAW_2021,
    )


def _case_review_outside_2017_rule(case: CaseFile, ctx: CheckContext) -> str:
    """Why a 案件审核's reviewer need not be qualified ("" when the 2017 rule binds them)."""
    if case.kind != "penalty":
        return "许可案卷中的案件审核不是法制审核，不适用审核人员法律职业资格要求"
    decision = case.decision
    day = decision.date if decision is not None else None
    start_2017, start_2021 = _penalty_law_dates(ctx)
    if day is None or day >= start_2021:
        when = f"决定日{_iso(day)}" if day is not None else "决定日期未载明，按现行行政处罚法"
        return (
            f"{when}，案卷中为案件审核而非法制审核；行政处罚法第五十八条第二款关于法律职业资格的"
            "要求仅适用于法制审核人员"
        )
    if day < start_2017:
        return f"决定日{_iso(day)}，早于2017年行政处罚法审核条款施行，审核人员无法律职业资格要求"
    return ""


def _review_pointer(review: LegalReview) -> str:
    return "/legal_review/reviewer" if review.reviewer else "/legal_review/reviewers"


def _reviewer_ids(review: LegalReview) -> list[str]:
    ids = [review.reviewer] if review.reviewer else []
    ids.extend(r for r in review.reviewers if r not in ids)
    return ids


# ----------------------------------------------------------------- personal-data detection

_FULLWIDTH_CHARS = "０１２３４５６７８９Ｘｘ"
_FULLWIDTH = str.maketrans(_FULLWIDTH_CHARS, "0123456789Xx")
# The "not after a letter or digit" guard is written after the first character (a lookbehind
# over both) so that the regex engine can skip ahead to candidate first characters.
_ID_NUMBER_RE = re.compile(
    r"[1-9](?<![0-9A-Za-z][1-9])\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])"
    r"\d{3}[0-9Xx](?![0-9A-Za-z])",
    re.ASCII,
)
_MOBILE_RE = re.compile(r"1(?<![0-9A-Za-z]1)[3-9]\d(?:[- ]?\d{4}){2}(?![0-9A-Za-z])", re.ASCII)
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
_NON_DIGIT_RE = re.compile(r"\D", re.ASCII)
_DIGIT_RUN_RE = re.compile(r"\d+", re.ASCII)
# The street part of an address starts after the last administrative unit before the first digit.
_ADMIN_UNIT_RE = re.compile(r"(?:省|自治区|市|区|县|旗|镇|乡|街道)")
_FIRST_DIGIT_RE = re.compile(r"[0-9０-９]")
_FULLWIDTH_RE = re.compile(f"[{_FULLWIDTH_CHARS}]")


def _valid_id_number(text: str) -> bool:
    """Resident ID checksum (GB 11643-1999, ISO 7064 MOD 11-2) and a real birth date."""
    try:
        dt.date(int(text[6:10]), int(text[10:12]), int(text[12:14]))
    except ValueError:
        return False
    total = sum(int(c) * w for c, w in zip(text[:17], _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11] == text[17].upper()


def _mask(text: str) -> str:
    """Show enough of a personal number to find it, not enough to spread it further."""
    return text[:3] + "*" * max(len(text) - 7, 0) + text[-4:] if len(text) > 7 else "****"


@functools.lru_cache(maxsize=1024)
def _address_variants(address: str) -> tuple[str, ...]:
    variants = [address]
    first_digit = _FIRST_DIGIT_RE.search(address)
    if first_digit:
        units = list(_ADMIN_UNIT_RE.finditer(address, 0, first_digit.start()))
        if units:
            detail = address[units[-1].end() :]
            if len(detail) >= 6 and detail != address:
                variants.append(detail)
    return tuple(variants)


def _personal_data_hits(case: CaseFile, content: str) -> list[str]:
    """Descriptions of the personal data of natural persons found in published text."""
    # translate() walks the whole text through a dict; most texts have no full-width digit.
    text = content.translate(_FULLWIDTH) if _FULLWIDTH_RE.search(content) else content
    hits: list[str] = []
    seen: set[str] = set()
    upper = ""
    runs: frozenset[str] | None = None
    for party in case.parties:
        people = []
        if party.type == "natural_person":
            people.append((party.name, party.id_number, party.phone, party.address))
        if party.legal_representative is not None:
            rep = party.legal_representative
            people.append((rep.name, rep.id_number, rep.phone, None))
        for name, id_number, phone, address in people:
            if id_number and id_number.upper() in (upper or (upper := text.upper())):
                hits.append(f"{name}的身份证件号码（{_mask(id_number)}）")
                seen.add(id_number.upper())
            if phone:
                digits = _NON_DIGIT_RE.sub("", phone)
                found = phone in text
                # A whole digit run of the text is also a substring: test that first.
                if not found and len(digits) >= 7 and digits in text:
                    if runs is None:
                        runs = frozenset(_DIGIT_RUN_RE.findall(text))
                    found = digits in runs
                if found:
                    hits.append(f"{name}的联系电话（{_mask(digits or phone)}）")
                    seen.add(digits)
            if address:
                for variant in _address_variants(address):
                    if variant in text:
                        hits.append(f"自然人{name}的住址（{variant[:4]}……）")
                        break
    credit_codes = None
    for match in _ID_NUMBER_RE.finditer(text):
        number = match.group().upper()
        if number in seen or not _valid_id_number(number):
            continue
        if credit_codes is None:
            credit_codes = {p.credit_code.upper() for p in case.parties if p.credit_code}
        if number in credit_codes:
            continue
        seen.add(number)
        hits.append(f"身份证件号码（{_mask(number)}）")
    for match in _MOBILE_RE.finditer(text):
        digits = _NON_DIGIT_RE.sub("", match.group())
        if digits in seen:
            continue
        seen.add(digits)
        hits.append(f"手机号码（{_mask(digits)}）")
    return hits


# ------------------------------------------------------------------------ acts and records


class _Act(NamedTuple):
    """An act of a recordable step, as the file shows it."""

    step: str
    label: str
    pointer: str
    day: dt.date | None
    start: dt.datetime | None
    end: dt.datetime | None
    documents: frozenset[str]
    measure: str | None
    self_recorded: bool


def _doc_ref(doc: Document) -> str:
    """How a reviewer finds a document (title or type, and its page), for use inside
    parentheses; the documents plugin's style, without internal ids."""
    name = doc.title or DOCUMENT_TYPE_ZH.get(doc.type, doc.type)
    return f"{name}，卷内第{doc.page_from}页" if doc.page_from is not None else name


def _doc_name(doc: Document) -> str:
    """As :func:`_doc_ref`, for use in running text: 询问笔录（卷内第4页）."""
    name = doc.title or DOCUMENT_TYPE_ZH.get(doc.type, doc.type)
    return f"{name}（卷内第{doc.page_from}页）" if doc.page_from is not None else name


def _rec_name(r: Recording, timed: bool = False) -> str:
    """How a reviewer finds an AV record: its file or storage place, else its start time
    (left out when the sentence already gives the times: ``timed``), else its number in the
    file's AV register."""
    if r.file:
        return f"音像记录“{r.file}”"
    if r.start is not None:
        return "音像记录" if timed else f"{_iso(r.start)}起的音像记录"
    return f"编号为{r.id}的音像记录"


def _measure_name(case: CaseFile, measure_id: str | None) -> str:
    measure = next((m for m in case.compulsory_measures if m.id == measure_id), None)
    if measure is None:
        return "对应的强制措施"
    doc = case.document(measure.decision_document)
    where = f"，{_doc_ref(doc)}" if doc is not None else ""
    name = MEASURE_TYPE_ZH.get(measure.type, measure.type)
    return f"{name}（{_iso(measure.time or measure.date)}{where}）"


def _doc_act(step: str, doc: Document, case: CaseFile) -> _Act:
    return _Act(
        step,
        f"{STEP_ZH[step]}（{_doc_ref(doc)}，{_iso(doc.start_time or doc.date)}）",
        case.pointer("documents", doc.id),
        doc.date or (doc.start_time.date() if doc.start_time else None),
        doc.start_time,
        doc.end_time,
        frozenset({doc.id}),
        None,
        False,
    )


def _acts(case: CaseFile, step: str) -> list[_Act]:
    """The acts of ``step`` the file records (empty when the format has no trace of them)."""
    acts: list[_Act] = []
    if step in ("seal_up", "impound", "advance_preservation"):
        for m in case.compulsory_measures:
            if m.type != step:
                continue
            record = case.document(m.on_site_record)
            start = (record.start_time if record else None) or m.time
            end = (record.end_time if record else None) or m.time
            day = m.date or (m.time.date() if m.time else None)
            docs = frozenset(
                d for d in (m.on_site_record, m.decision_document, m.inventory_document) if d
            )
            decision_doc = case.document(m.decision_document)
            where = f"，{_doc_ref(decision_doc)}" if decision_doc is not None else ""
            acts.append(
                _Act(
                    step,
                    f"{STEP_ZH[step]}（{_iso(m.time or m.date)}{where}）",
                    case.pointer("compulsory_measures", m.id),
                    day,
                    start,
                    end,
                    docs,
                    m.id,
                    False,
                )
            )
    elif step == "hearing":
        hearing = case.hearing
        if hearing is not None and _hearing_held(case):
            record = case.document(hearing.record)
            acts.append(
                _Act(
                    step,
                    f"听证（{_iso(hearing.date)}）",
                    "/hearing",
                    hearing.date,
                    record.start_time if record else None,
                    record.end_time if record else None,
                    frozenset(d for d in (hearing.record, hearing.report) if d),
                    None,
                    False,
                )
            )
    elif step in ("service", "service_left_at_address", "service_announcement"):
        for i, s in enumerate(case.services):
            if step != "service" and s.method != _SERVICE_METHOD[step]:
                continue
            day = (
                s.announcement_date
                if s.method == "announcement" and s.announcement_date
                else s.date
            )
            served = case.document(s.document)
            what = f"{_doc_ref(served)}，" if served is not None else ""
            acts.append(
                _Act(
                    step,
                    f"{STEP_ZH[step]}（{what}{_iso(day)}）",
                    f"/services/{i}",
                    day,
                    None,
                    None,
                    frozenset(d for d in (s.document, s.receipt_document) if d),
                    None,
                    bool(s.recorded),
                )
            )
    elif step in _STEP_RECORD_TYPES:
        measure_records = {m.on_site_record for m in case.compulsory_measures if m.on_site_record}
        types = _STEP_RECORD_TYPES[step]
        for doc in case.documents:
            if doc.type in types and doc.id not in measure_records:
                acts.append(_doc_act(step, doc, case))
    elif step == "verification":
        linked = set()
        for i, v in enumerate(case.verifications):
            record = case.document(v.document)
            if v.document:
                linked.add(v.document)
            acts.append(
                _Act(
                    step,
                    f"核查（{_iso(v.date)}）",
                    f"/verifications/{i}",
                    v.date,
                    record.start_time if record else None,
                    record.end_time if record else None,
                    frozenset({v.document}) if v.document else frozenset(),
                    None,
                    False,
                )
            )
        for doc in case.documents_of("verification_record"):
            if doc.id not in linked:
                acts.append(_doc_act(step, doc, case))
    elif step == "forced_demolition":
        # The format has no demolition section: an on-site record titled as a demolition is
        # the only trace of the act.
        for doc in case.documents_of("on_site_record"):
            if doc.title and "拆除" in doc.title:
                acts.append(_doc_act(step, doc, case))
    elif step == "filing":
        filing = case.filing
        if filing is not None and filing.date is not None:
            acts.append(
                _Act(
                    step,
                    f"立案（{_iso(filing.date)}）",
                    "/filing",
                    filing.date,
                    None,
                    None,
                    frozenset({filing.document}) if filing.document else frozenset(),
                    None,
                    False,
                )
            )
    # "enforcement" and "other": no act the format can show; nothing to require.
    return acts


def _recordings_of(case: CaseFile, act: _Act) -> list[Recording]:
    family = _STEP_FAMILY.get(act.step, frozenset({act.step}))
    found = []
    for r in case.recordings:
        linked = (act.measure is not None and r.measure == act.measure) or (
            r.document is not None and r.document in act.documents
        )
        if linked or (
            r.document is None
            and r.measure is None
            and r.step in family
            and (act.day is None or r.start is None or r.start.date() == act.day)
        ):
            found.append(r)
    return found


def _covers(r: Recording, start: dt.datetime, end: dt.datetime, slack: dt.timedelta) -> bool:
    if r.start is None or r.end is None:
        return False
    return _naive(r.start) <= _naive(start) + slack and _naive(r.end) + slack >= _naive(end)


def _span(r: Recording) -> str:
    return f"{_iso(r.start)}至{_iso(r.end)}"


# =========================================================================== TS-PUB


def _publication_days(table: Mapping[str, Any], sector: str | None, channel: str | None) -> int:
    entry = table.get(sector) if sector else None
    if entry is None:
        entry = table["default"]
    if isinstance(entry, Mapping):
        days = entry.get(channel) if channel else None
        if days is None:
            days = entry.get("default")
        if days is None:
            base = table["default"]
            days = base.get(channel, base.get("default", 7)) if isinstance(base, Mapping) else base
        return int(days)
    return int(entry)


def _max_publication_days(table: Mapping[str, Any], sector: str | None) -> int:
    entry = table.get(sector) if sector else None
    if entry is None:
        entry = table["default"]
    if isinstance(entry, Mapping):
        return max(int(v) for v in entry.values())
    return int(entry)


def _publication_scope(case: CaseFile, ctx: CheckContext) -> Finding | None:
    """``not_applicable`` when the decision need not be published, else None."""
    decision = case.decision
    if decision is None or decision.outcome is None:
        return ctx.not_applicable("案卷未载明决定结果")
    if decision.outcome not in ctx.param("publicity.required_outcomes"):
        return ctx.not_applicable("该决定结果不属于应当公示的执法决定")
    if (
        case.kind == "penalty"
        and case.procedure == "simple"
        and not ctx.param("publicity.include_simple_procedure")
    ):
        return ctx.not_applicable("简易程序作出的行政处罚决定，本标准不要求公示")
    if (
        case.kind == "penalty"
        and decision.penalties
        and all(p.type == "warning" for p in decision.penalties)
        and case.sector in ctx.param("publicity.warning_only_exempt_sectors")
    ):
        return ctx.not_applicable(f"仅给予警告的行政处罚，依{_SAMR_PUBLICITY}第二条第二款不予公示")
    return None


@rule(
    id="TS-PUB-001",
    title="执法决定信息按期公示",
    category=CATEGORY,
    dimension=DIMENSION,
    basis=[
        f"{_GUIDANCE}第（六）项",
        f"{_PENALTY_LAW}第四十八条第一款",
        f"{_LICENSING_LAW}第四十条",
        f"{_SAMR_PUBLICITY}第二条、第九条",
        "《企业信息公示暂行条例》第六条第二款",
    ],
    deduction=2,
    recommendation=(
        "行政处罚、行政许可决定信息应当自决定作出之日起7个工作日内（市场监管部门通过国家企业信用"
        "信息公示系统公示的，20个工作日内）向社会公开，并将公示截图或记录归入案卷。"
    ),
    applies_to=AppliesTo(kinds={"penalty", "licensing"}),
    parameters=[
        "publicity.decision_working_days",
        "publicity.required_outcomes",
        "publicity.include_simple_procedure",
        "publicity.warning_only_exempt_sectors",
    ],
    in_force_from=GUIDANCE_DATE,
    example="决定日2025-09-30，期限7个工作日，截止2025-10-16；实际公示日2025-10-20，逾期4日",
    notes=(
        "Period from the decision date (not service), working days. Default 7 WD (118号 "
        "第（六）项); market regulation via the National Enterprise Credit Information "
        "Publicity System 20 WD (SAMR 信息公示规定第九条; 企业信息公示暂行条例第六条第二款 is an "
        "administrative regulation, so 118号's exception applies). Decided after reading "
        "企业信息公示暂行条例 (2014 text, LawRefBook/Laws; 2024 text from flk.npc.gov.cn via "
        "Theonefkguy/Chinese-Laws): the 20 WD of 第六条第二款 binds only the market-regulation "
        "(formerly 工商) department; 第七条 lets other departments publish their penalty and "
        "licensing information on the credit system or another system and sets no period. So "
        "the channel rule stays sector-dependent: other sectors keep 7 WD on every channel, "
        "the credit system included. The SAMR cross-province "
        "route (10 + 10 WD, 第十条) is not modelled: the 20 WD limit is applied. Publication "
        "is required by default for penalty, grant and partial-grant decisions only: 不予处罚 "
        "and 不予许可 decisions are not named by 行政许可法第四十条 (grants only) or by the "
        "SAMR rule (penalty decisions), and 118号's '执法决定信息' is read as the decisions "
        "that create or impose something; a standard can add outcomes. Simple-procedure "
        "penalties are out of scope by default (SAMR 第二条: general procedure only). "
        "Warning-only penalties in market regulation are not published (SAMR 第二条第二款). "
        "Any dated publication that meets the period of its own channel passes. With no "
        "publication on file and the period not yet over on the review date, the rule is not "
        "applicable."
    ),
)
def publication_in_time(case: CaseFile, ctx: CheckContext) -> Finding:
    """The decision information was published within the period for its sector and channel."""
    if (scope := _publication_scope(case, ctx)) is not None:
        return scope
    decision = case.decision
    assert decision is not None
    if decision.date is None:
        return ctx.needs_review("案卷未载明决定日期，无法判断公示是否及时", "/decision/date")
    table = ctx.param("publicity.decision_working_days")
    # The sector periods come from 企业信息公示暂行条例第六条, which lists penalty information;
    # licensing decisions keep the guidance's period (the table's default entry).
    sector = case.sector if case.kind == "penalty" else None
    dated = [(i, p) for i, p in enumerate(case.publicity) if p.date is not None]
    if not dated:
        reasons = [p.not_required_reason for p in case.publicity if p.not_required_reason]
        if reasons:
            return ctx.needs_review(
                f"案卷载明不予公示理由：{'；'.join(reasons)}，需人工判断理由是否成立",
                "/publicity",
                values={"不予公示理由": "；".join(reasons)},
            )
        longest = add_working_days(decision.date, _max_publication_days(table, sector))
        if ctx.as_of <= longest:
            return ctx.not_applicable(
                f"决定日{_iso(decision.date)}，公示期限至{_iso(longest)}尚未届满"
            )
        days = _publication_days(table, sector, None)
        return ctx.fail(
            f"决定日{_iso(decision.date)}，应在{days}个工作日内（截止"
            f"{_iso(add_working_days(decision.date, days))}）公示，案卷中未见决定信息公示记录",
            "/publicity",
            "/decision/date",
            values={"决定日": decision.date, "公示期限（工作日）": days},
        )
    late: list[tuple[int, Any, Any]] = []
    early: list[int] = []
    for i, p in dated:
        assert p.date is not None
        if p.date < decision.date:
            early.append(i)
            continue
        days = _publication_days(table, sector, p.channel)
        # The deadline alone decides; the full check (for the message) only for a late one.
        if p.date <= add_working_days(decision.date, days):
            return ctx.passed()
        check = deadline_check(
            decision.date, p.date, Period(days, PeriodUnit.WORKING_DAYS, _GUIDANCE)
        )
        late.append((i, p, check))
    if not late:
        return ctx.needs_review(
            f"公示日期早于决定日{_iso(decision.date)}，公示记录与决定不对应，需人工核对",
            *(f"/publicity/{i}/date" for i in early),
        )
    i, p, check = min(late, key=lambda t: t[1].date)
    channel = PUBLICITY_CHANNEL_ZH.get(p.channel, "未载明渠道") if p.channel else "未载明渠道"
    return ctx.fail(
        f"{check.describe('决定日', '实际公示日')}（公示渠道：{channel}）",
        f"/publicity/{i}/date",
        "/decision/date",
        values={
            "决定日": decision.date,
            "公示日": p.date,
            "公示渠道": channel,
            "公示期限（工作日）": check.period.length,
            "截止日": check.deadline,
            "逾期日数": check.days_late,
        },
    )


@rule(
    id="TS-PUB-002",
    title="公示渠道明确",
    category=CATEGORY,
    dimension=DIMENSION,
    basis=[f"{_GUIDANCE}第（六）项", f"{_SAMR_PUBLICITY}第二条第一款"],
    deduction=0.5,
    recommendation="公示记录应当载明公示平台（如国家企业信用信息公示系统、政府门户网站）及网址，"
    "并留存公示页面截图。",
    applies_to=AppliesTo(kinds={"penalty", "licensing"}),
    example="2025-04-09公示记录未载明公示渠道和网址",
    notes=(
        "Checks every dated publication record. No channel and no URL: fail. Channel 'other' "
        "without a URL: needs_review (the reviewer checks the platform is one the public can "
        "reach). Whether the channel is the one a sector rule prescribes (SAMR: the credit "
        "system) is not judged here: the period rule already applies the channel's period."
    ),
)
def publication_channel(case: CaseFile, ctx: CheckContext) -> Finding:
    """Every publication record states where the information was published."""
    missing: list[int] = []
    vague: list[int] = []
    for i, p in enumerate(case.publicity):
        if p.date is None:
            continue
        if p.channel is None and not p.url:
            missing.append(i)
        elif p.channel == "other" and not p.url:
            vague.append(i)
    if missing:
        dates = "、".join(_iso(case.publicity[i].date) for i in missing)
        return ctx.fail(
            f"{dates}的公示记录未载明公示渠道或网址",
            *(f"/publicity/{i}/channel" for i in missing),
            values={"公示日": dates},
            count=len(missing),
        )
    if vague:
        dates = "、".join(_iso(case.publicity[i].date) for i in vague)
        return ctx.needs_review(
            f"{dates}的公示渠道为“其他渠道”且未载明网址，需人工核实公示平台",
            *(f"/publicity/{i}/url" for i in vague),
        )
    if not any(p.date is not None for p in case.publicity):
        return ctx.not_applicable("案卷无公示记录")
    return ctx.passed()


@rule(
    id="TS-PUB-003",
    title="决定变更撤销后及时撤回公示信息",
    category=CATEGORY,
    dimension=DIMENSION,
    basis=[
        f"{_PENALTY_LAW}第四十八条第二款",
        f"{_SAMR_PUBLICITY}第十一条",
        f"{_GUIDANCE}第（六）项",
    ],
    deduction=1,
    recommendation=(
        "行政处罚决定被依法变更、撤销、确认违法或者确认无效的，应当在三个工作日内撤回原公示信息"
        "并公开说明理由；行政许可决定被撤销的，应当及时撤下原公示信息。"
    ),
    applies_to=AppliesTo(kinds={"penalty", "licensing"}),
    parameters=["publicity.withdrawal_working_days"],
    example="决定被撤销日2025-09-26，期限3个工作日，截止2025-09-30；实际撤回日2025-10-09，逾期9日",
    notes=(
        "Penalty files whose trigger (change, revocation, confirmation of illegality or "
        "voidness) is on or after 2021-07-15: 3 WD (第四十八条第二款) and the explanation must "
        "be published. Earlier penalty triggers and all licensing files: 118号 only says 及时 "
        "(promptly) with no number and no explanation duty, so a missing withdrawal fails but "
        "a withdrawal later than the parameter's days is sent to review. The trigger is what "
        "the file records in publicity[].withdrawal; without such a record the rule is not "
        "applicable."
    ),
)
def publication_withdrawal(case: CaseFile, ctx: CheckContext) -> Iterable[Finding]:
    """A publication is withdrawn in time, with reasons, after the decision changed."""
    findings: list[Finding] = []
    limit = ctx.param("publicity.withdrawal_working_days")
    for i, p in enumerate(case.publicity):
        w = p.withdrawal
        if w is None:
            continue
        base = f"/publicity/{i}/withdrawal"
        trigger = w.trigger or "决定变更或撤销"
        if w.trigger_date is None:
            findings.append(
                ctx.needs_review(
                    f"公示信息因“{trigger}”需撤回，但未载明决定变更、撤销的日期，无法判断是否及时撤回",
                    f"{base}/trigger_date",
                )
            )
            continue
        statutory = case.kind == "penalty" and w.trigger_date >= PENALTY_LAW_2021
        if w.date is None:
            findings.append(
                ctx.fail(
                    f"{_iso(w.trigger_date)}{trigger}，案卷未见撤回原公示信息的记录",
                    f"{base}/date",
                    values={"撤回原因": trigger, "撤回原因发生日": w.trigger_date},
                )
            )
            continue
        check = deadline_check(
            w.trigger_date,
            w.date,
            Period(limit, PeriodUnit.WORKING_DAYS, f"{_PENALTY_LAW}第四十八条第二款"),
        )
        values = {
            "撤回原因": trigger,
            "撤回原因发生日": w.trigger_date,
            "撤回日": w.date,
            "截止日": check.deadline,
        }
        if not check.met:
            text = f"{trigger}：{check.describe(f'{trigger}日', '实际撤回日')}"
            if statutory:
                findings.append(ctx.fail(text, f"{base}/date", values=values))
            else:
                findings.append(
                    ctx.needs_review(
                        f"{text}；{_GUIDANCE}仅要求及时撤下，未规定天数，需人工判断",
                        f"{base}/date",
                        values=values,
                    )
                )
            continue
        if statutory and w.explanation_published is False:
            findings.append(
                ctx.fail(
                    f"{_iso(w.date)}撤回公示信息，但未公开说明理由",
                    f"{base}/explanation_published",
                    values=values,
                )
            )
        elif statutory and w.explanation_published is None:
            findings.append(
                ctx.needs_review(
                    f"{_iso(w.date)}撤回公示信息，案卷未载明是否公开说明理由",
                    f"{base}/explanation_published",
                    values=values,
                )
            )
        else:
            findings.append(ctx.passed())
    if not findings:
        return [ctx.not_applicable("案卷未载明决定被变更、撤销等需撤回公示信息的情形")]
    return findings


@rule(
    id="TS-PUB-004",
    title="公示内容不得泄露自然人个人信息",
    category=CATEGORY,
    dimension=DIMENSION,
    basis=[
        f"{_GUIDANCE}第（六）项",
        "《中华人民共和国个人信息保护法》第三十四条",
        "《中华人民共和国政府信息公开条例》第十五条",
        f"{_SAMR_PUBLICITY}第六条",
    ],
    deduction=2,
    recommendation=(
        "公示的执法决定信息应当对自然人的身份证件号码、手机号码、家庭住址等个人信息作去标识化处理"
        "（如身份证号码隐去出生日期等位数），已公示的应当立即更正。"
    ),
    applies_to=AppliesTo(kinds={"penalty", "licensing"}),
    example="公示内容包含当事人林某某的身份证件号码（440***********1516）和手机号码",
    notes=(
        "Looks at publicity[].content as published. Flags (a) the ID number, phone and address "
        "of every natural-person party, and the ID number and phone of every legal "
        "representative or operator recorded in the file; (b) any 18-digit number that is a "
        "valid resident ID (real birth date and GB 11643 check digit; numbers equal to a "
        "party's credit code are ignored); (c) any 11-digit mainland mobile number. Addresses "
        "are checked for natural persons only: the address of a business (including an "
        "individual business) is its registered premises, which the publicity rules publish. "
        "Masked numbers (e.g. 440304********1516) are not flagged. Names are not checked: "
        "natural persons' names are part of the published decision under 118号 and the SAMR "
        "rule. Regexes are compiled at import; one pass over each text."
    ),
)
def publication_privacy(case: CaseFile, ctx: CheckContext) -> Finding:
    """Published decision information does not expose natural persons' personal data."""
    found: list[str] = []
    pointers: list[str] = []
    checked = False
    for i, p in enumerate(case.publicity):
        if not p.content:
            continue
        checked = True
        hits = _personal_data_hits(case, p.content)
        if hits:
            found.extend(hits)
            pointers.append(f"/publicity/{i}/content")
    if not checked:
        return ctx.not_applicable("案卷未载明公示内容")
    if found:
        return ctx.fail(
            "公示内容包含自然人个人信息：" + "；".join(found),
            *pointers,
            values={"泄露的个人信息": found},
            count=len(found),
        )
    return ctx.passed()


# =========================================================================== TS-REC


@rule(
    id="TS-REC-001",
    title="执法行为有文字记录",
    category=CATEGORY,
    dimension=DIMENSION,
    basis=[
        f"{_PENALTY_LAW}第四十七条",
        f"{_GUIDANCE}第（七）项、第（八）项",
        f"{_PENALTY_LAW}第六十四条第（八）项",
        f"{_COERCION_LAW}第三十五条",
        f"{_COERCION_LAW}第五十五条",
    ],
    deduction=1,
    recommendation=(
        "听证、催告、申请强制执行等执法行为以及有音像记录的现场检查、询问、抽样取证，均应当制作"
        "听证笔录、催告书、现场笔录、询问笔录等文字记录，载明时间、地点和经过，并归入案卷。"
    ),
    applies_to=AppliesTo(kinds={"penalty", "licensing"}),
    example=(
        "2025-03-12 09:00询问有音像记录“执法记录仪/20250312-0900.mp4”，无对应文字记录"
        "（案卷中无当日的询问笔录）"
    ),
    notes=(
        "Looks from the acts to their records, never from a list of required document types, "
        "and leaves out every record another built-in rule already scores, so that one missing "
        "record is deducted once: the documents plugin's required list (立案审批表, 告知书, "
        "决定书, 送达回证 … under 执法文书), 查封扣押 decision / inventory / on-site record "
        "(PEN-PROC-030), licensing verification record (LIC-REV-001), licensing hearing record "
        "(LIC-HEAR-008), legal review opinion (TS-REV-006), collective discussion record "
        "(documents). Acts checked here, one finding counting every act without a record: a "
        "penalty hearing held (听证笔录, 第六十四条第（八）项); 催告 (催告书, "
        "行政强制法第三十五条); "
        "the application to the court (强制执行申请书, 第五十五条); each AV recording of an "
        "on-site inspection, inquiry or sampling tied to no written record (118号 第（八）项: AV "
        "supplements the written record, it does not replace it). A record counts when the act "
        "names it or when a record of the matching type carries the act's date."
    ),
)
def acts_have_written_records(case: CaseFile, ctx: CheckContext) -> Finding:
    """Hearings, enforcement acts and AV-recorded investigative acts have written records."""
    missing: list[str] = []
    pointers: list[str] = []
    acts = 0
    if case.kind == "penalty" and _hearing_held(case):
        acts += 1
        hearing = case.hearing
        assert hearing is not None
        if hearing.record is None and not case.documents_of("hearing_record"):
            missing.append(f"{_iso(hearing.date)}举行听证，无听证笔录")
            pointers.append("/hearing/record")
    execution = case.execution
    if execution is not None:
        if execution.demand_notice_date is not None:
            acts += 1
            if not case.documents_of("demand_notice"):
                missing.append(f"{_iso(execution.demand_notice_date)}催告，案卷中无催告书")
                pointers.append("/execution/demand_notice_date")
        if execution.court_application_date is not None:
            acts += 1
            if not case.documents_of("enforcement_application"):
                missing.append(
                    f"{_iso(execution.court_application_date)}申请法院强制执行，"
                    "案卷中无强制执行申请书"
                )
                pointers.append("/execution/court_application_date")
    for r in case.recordings:
        types = _AV_TEXT_TYPES.get(r.step)
        if types is None or r.document is not None or r.measure is not None:
            continue
        acts += 1
        if r.start is None:
            continue  # TS-REC-004 reports a recording without times
        day = r.start.date()
        if not any(d.type in types and d.date == day for d in case.documents):
            missing.append(
                f"{_iso(r.start)}{STEP_ZH[r.step]}有{_rec_name(r, timed=True)}，无对应文字记录"
            )
            pointers.append(case.pointer("recordings", r.id))
    if not acts:
        return ctx.not_applicable("案卷未载明需核对文字记录的听证、强制执行或有音像记录的调查行为")
    if missing:
        return ctx.fail(
            "；".join(missing),
            *pointers,
            values={"缺少文字记录的执法行为": missing},
            count=len(missing),
        )
    return ctx.passed()


def _av_problem(case: CaseFile, act: _Act, slack: dt.timedelta) -> str | None:
    """Why ``act`` lacks a full AV record, or None when it has one."""
    if act.self_recorded:
        return None
    found = _recordings_of(case, act)
    if not found:
        return f"{act.label}无音像记录"
    complete = [r for r in found if r.complete is not False]
    if not complete:
        return f"{act.label}的{'、'.join(_rec_name(r) for r in found)}未完整记录全过程"
    if act.start is None or act.end is None:
        return None
    if any(_covers(r, act.start, act.end, slack) for r in complete):
        return None
    spans = "、".join(f"{_rec_name(r, timed=True)}：{_span(r)}" for r in complete)
    return (
        f"{act.label}执法行为时间{_iso(act.start)}至{_iso(act.end)}，"
        f"音像记录时间（{spans}）未覆盖全过程"
    )


class _RecordingParams(NamedTuple):
    required: tuple[str, ...]
    required_set: frozenset[str]
    slack: dt.timedelta


def _recording_params(ctx: CheckContext) -> _RecordingParams:
    required = tuple(ctx.param("recording.required_steps"))
    slack = dt.timedelta(minutes=ctx.param("recording.time_tolerance_minutes"))
    return _RecordingParams(required, frozenset(required), slack)


@rule(
    id="TS-REC-002",
    title="查封扣押等重大现场执法行为全程音像记录",
    category=CATEGORY,
    dimension=DIMENSION,
    basis=[f"{_GUIDANCE}第（九）项", f"{_PENALTY_LAW}第四十七条"],
    deduction=2,
    recommendation=(
        "对查封扣押财产、强制拆除等直接涉及人身自由、生命健康、重大财产权益的现场执法活动，"
        "应当全程音像记录，并将音像资料存储备查、在案卷中载明存储位置。"
    ),
    applies_to=AppliesTo(kinds={"penalty", "licensing"}),
    parameters=["recording.required_steps", "recording.time_tolerance_minutes"],
    in_force_from=GUIDANCE_DATE,
    prepare=_recording_params,
    example="查封（2025-03-04 10:00，查封（扣押）决定书，卷内第6页）无音像记录",
    notes=(
        "118号 第（九）项 requires full-process AV for acts that directly affect personal "
        "liberty, life and health or major property — 查封扣押财产、强制拆除 — by default the "
        "steps seal_up, impound and forced_demolition (recording.required_steps; a standard "
        "may add e.g. inquiry for 执法办案场所 or hearing). An act is matched to a recording "
        "by the measure id, a document of the act, or the same step (查封/扣押 "
        "interchangeable) on the same day. Full coverage: the recording spans the act's time "
        "(on-site record start/end, or the measure's time) within "
        "recording.time_tolerance_minutes; complete=false fails. Forced demolition has no "
        "section in the format: on-site records titled with 拆除 stand for the act. Detention "
        "and other acts on the person are not in the format."
    ),
)
def mandatory_av_records(case: CaseFile, ctx: CheckContext) -> Finding:
    """Every act of a step that needs full-process AV has an AV record covering it."""
    prepared: _RecordingParams = ctx.prepared
    slack = prepared.slack
    problems: list[str] = []
    pointers: list[str] = []
    acts = 0
    for step in prepared.required:
        for act in _acts(case, step):
            acts += 1
            problem = _av_problem(case, act, slack)
            if problem:
                problems.append(problem)
                pointers.append(act.pointer)
    if not acts:
        return ctx.not_applicable("案卷未载明须全程音像记录的执法行为")
    if problems:
        return ctx.fail(
            "；".join(problems),
            *pointers,
            values={"音像记录问题": problems},
            count=len(problems),
        )
    return ctx.passed()


@rule(
    id="TS-REC-003",
    title="听证、留置送达、公告送达等易引发争议环节的音像记录",
    category=CATEGORY,
    dimension=DIMENSION,
    basis=[f"{_GUIDANCE}第（九）项", f"{_SAMR_PROCEDURE}第八十二条"],
    deduction=0.5,
    recommendation=(
        "对举行听证、留置送达、公告送达等容易引发争议的执法过程，应当根据实际情况进行音像记录"
        "（留置送达、公告送达可拍照、录像记录送达过程）。"
    ),
    applies_to=AppliesTo(kinds={"penalty", "licensing"}),
    parameters=["recording.advised_steps", "recording.required_steps"],
    in_force_from=GUIDANCE_DATE,
    example="留置送达（行政处罚决定书，卷内第18页，2025-05-10）无音像记录，未拍照或录像记录送达过程",
    notes=(
        "118号 asks for AV of these acts 根据实际情况 and allows omitting AV where the written "
        "record captures the act fully, so a missing AV record is sent to review "
        "(needs_review) with a small deduction should the reviewer confirm it, never failed by "
        "the machine. A service counts as recorded when services[].recorded is true (photo or "
        "video). Steps also listed in recording.required_steps are left to TS-REC-002."
    ),
)
def advised_av_records(case: CaseFile, ctx: CheckContext) -> Finding:
    """Acts prone to dispute (hearing, 留置送达, 公告送达) have AV records, or a person decides."""
    required = ctx.param("recording.required_steps")
    problems: list[str] = []
    pointers: list[str] = []
    acts = 0
    for step in ctx.param("recording.advised_steps"):
        if step in required:
            continue
        for act in _acts(case, step):
            acts += 1
            if act.self_recorded or _recordings_of(case, act):
                continue
            problems.append(f"{act.label}无音像记录")
            pointers.append(act.pointer)
    if not acts:
        return ctx.not_applicable("案卷未载明听证、留置送达、公告送达等环节")
    if problems:
        return ctx.needs_review(
            "；".join(problems)
            + "。应当根据实际情况进行音像记录，需人工判断文字记录能否全面反映执法过程",
            *pointers,
            values={"无音像记录的环节": problems},
        )
    return ctx.passed()


@rule(
    id="TS-REC-004",
    title="音像记录载明执法环节和起止时间",
    category=CATEGORY,
    dimension=DIMENSION,
    basis=[f"{_GUIDANCE}第（八）项、第（九）项", f"{_PENALTY_LAW}第四十七条"],
    deduction=0.5,
    recommendation=(
        "音像记录应当载明所记录的执法环节、对应文书和起止时间，记录时间应当覆盖该执法行为的全过程。"
    ),
    applies_to=AppliesTo(kinds={"penalty", "licensing"}),
    parameters=["recording.required_steps", "recording.time_tolerance_minutes"],
    prepare=_recording_params,
    example=(
        "音像记录“执法记录仪/20250310-1600.mp4”时间2025-03-10 16:00至16:20，未覆盖询问笔录"
        "（卷内第4页）所载执法时间2025-03-10 14:00至15:10"
    ),
    notes=(
        "Per recording: start and end present and in order; step 'other' must be tied to a "
        "document or measure; a recording tied to a record with known times must cover them "
        "(within recording.time_tolerance_minutes), one tied to a record or measure with only "
        "a date must start or end on that date. Recordings of required steps (TS-REC-002) are "
        "judged on coverage there, not here."
    ),
)
def av_records_identified(case: CaseFile, ctx: CheckContext) -> Finding:
    """Each AV record names its act and time, and its time matches the act it records."""
    if not case.recordings:
        return ctx.not_applicable("案卷无音像记录")
    prepared: _RecordingParams = ctx.prepared
    required = prepared.required_set
    slack = prepared.slack
    problems: list[str] = []
    bad: list[Recording] = []
    for r in case.recordings:
        if r.start is None or r.end is None:
            problems.append(f"{_rec_name(r)}未载明起止时间")
            bad.append(r)
            continue
        if _naive(r.end) <= _naive(r.start):
            problems.append(
                f"{_rec_name(r, timed=True)}结束时间{_iso(r.end)}不晚于开始时间{_iso(r.start)}"
            )
            bad.append(r)
            continue
        if r.step == "other" and r.document is None and r.measure is None:
            problems.append(f"{_rec_name(r)}未载明所记录的执法环节")
            bad.append(r)
            continue
        if r.step in required:
            continue
        measure = None
        if r.measure is not None:
            for m in case.compulsory_measures:
                if m.id == r.measure:
                    measure = m
                    break
            if measure is not None and measure.type in required:
                continue
        doc = case.document(r.document)
        if doc is not None:
            start, end, day = doc.start_time, doc.end_time, doc.date
        else:
            start = end = day = None
        if measure is not None:
            start = start or measure.time
            end = end or measure.time
            day = day or measure.date
        if start is not None and end is not None:
            if not _covers(r, start, end, slack):
                what = _doc_name(doc) if doc else _measure_name(case, r.measure)
                problems.append(
                    f"{_rec_name(r, timed=True)}时间{_span(r)}，未覆盖{what}所载执法时间"
                    f"{_iso(start)}至{_iso(end)}"
                )
                bad.append(r)
        elif day is not None and day not in (r.start.date(), r.end.date()):
            problems.append(
                f"{_rec_name(r, timed=True)}时间{_span(r)}，与对应执法行为日期{_iso(day)}不符"
            )
            bad.append(r)
    if problems:
        return ctx.fail(
            "；".join(problems),
            *(case.pointer("recordings", r.id) for r in bad),
            values={"音像记录问题": problems},
            count=len(problems),
        )
    return ctx.passed()


# =========================================================================== TS-REV


@rule(
    id="TS-REV-001",
    title="重大行政处罚决定经法制审核",
    category=CATEGORY,
    dimension=DIMENSION,
    basis=[
        f"{_PENALTY_LAW}第五十八条第一款",
        f"{_SAMR_PROCEDURE}第五十条第一款",
        f"{_GUIDANCE}第（十二）项",
    ],
    deduction=8,
    veto=True,
    recommendation=(
        "对涉及重大公共利益、经过听证程序、案件情况疑难复杂以及列入法制审核目录的行政处罚案件，"
        "应当在行政机关负责人作出决定前进行法制审核；未经法制审核或者审核未通过的，不得作出决定。"
    ),
    applies_to=AppliesTo(kinds={"penalty"}, procedures={"general"}, outcomes={"penalty"}),
    parameters=["legal_review.triggers"],
    in_force_from=PENALTY_LAW_2021,
    example="本案对法人罚款200000元（达到100000元标准），属于应当进行法制审核的重大执法决定，案卷中无法制审核记录",
    notes=(
        "Veto (domain-standards §3.1: the statute makes review a precondition, 第五十八条 "
        "'未经法制审核或者审核未通过的，不得作出决定'). Required when the decision meets "
        "legal_review.triggers: by default the hearing-scope amounts (10,000 / 100,000 yuan "
        "for fines and for confiscation, inclusive — SAMR figures, unverified, §3.4 a), the "
        "hearing-scope penalty types, a hearing held (第五十八条第一款第（二）项), a hearing "
        "record flagged public_interest (第（一）项), or case.major_decision (the file's own "
        "determination: categories 3 (complex) and 4 (other laws) or the agency's catalogue). "
        "Individual businesses count as individuals. A review that exists but is dated after "
        "the decision, or was 'not approved' while the decision went ahead (and does not "
        "follow the opinion), counts as no review; so does a review record of type "
        "case_review (案件审核, the ordinary review of other cases that 市场监管程序规定第五十条 "
        "keeps apart from 法制审核), with the message 仅有案件审核，未经法制审核. A review on "
        "file where none is required is not judged here."
    ),
)
def major_penalty_reviewed(case: CaseFile, ctx: CheckContext) -> Finding:
    """A penalty decision the law or the catalogue names as major had a passed legal review."""
    reasons = _review_reasons(case, ctx)
    if not reasons:
        return ctx.not_applicable("本案未触发法制审核目录所列情形")
    defect = _presence_defect(case, reasons)
    if defect is None:
        return ctx.passed()
    return ctx.fail(defect.message, *defect.pointers, values=defect.values)


@rule(
    id="TS-REV-002",
    title="普通程序行政处罚决定经审核（2017年行政处罚法）",
    category=CATEGORY,
    dimension=DIMENSION,
    basis=[f"{_PENALTY_LAW}（2017年修正）第三十八条第三款"],
    deduction=4,
    recommendation="2018年1月1日至2021年7月14日作出的普通程序行政处罚决定，应当在负责人作出"
    "决定前由从事行政处罚决定审核的人员进行审核。",
    applies_to=AppliesTo(kinds={"penalty"}, procedures={"general"}),
    in_force_from=PENALTY_LAW_2017_REVIEW,
    in_force_until=PENALTY_LAW_2021 - dt.timedelta(days=1),
    example="2020-06-18作出行政处罚决定，案卷中无行政处罚决定审核记录",
    notes=(
        "The 2017 amendment (in force 2018-01-01) required review of every decision under "
        "第三十八条 (all outcomes after a general-procedure investigation), but had no express "
        "bar on deciding without it, so this is a deduction, not a veto. From 2021-07-15 "
        "TS-REV-001 applies instead."
    ),
)
def penalty_reviewed_2017(case: CaseFile, ctx: CheckContext) -> Finding:
    """Under the 2017 Penalty Law every general-procedure decision was reviewed first."""
    decision = case.decision
    if decision is None or decision.date is None:
        return ctx.not_applicable("案卷未载明决定日期")
    if not PENALTY_LAW_2017_REVIEW <= decision.date < PENALTY_LAW_2021:
        return ctx.not_applicable("决定不在2017年行政处罚法审核条款施行期间")
    if _has_review(case.legal_review):
        return ctx.passed()
    return ctx.fail(
        f"决定日{_iso(decision.date)}，适用2017年行政处罚法第三十八条第三款，"
        "案卷中无行政处罚决定审核记录",
        "/legal_review",
        "/decision/date",
        values={"决定日": decision.date},
    )


@rule(
    id="TS-REV-003",
    title="重大行政许可决定经法制审核",
    category=CATEGORY,
    dimension=DIMENSION,
    basis=[f"{_GUIDANCE}第（十二）项"],
    deduction=4,
    recommendation=(
        "经过听证程序、涉及重大公共利益或者列入本机关重大执法决定法制审核目录的行政许可决定，"
        "应当在作出决定前进行法制审核；未经法制审核或者审核未通过的，不得作出决定。"
    ),
    applies_to=AppliesTo(kinds={"licensing"}),
    parameters=["legal_review.triggers"],
    in_force_from=GUIDANCE_DATE,
    example="本案经过听证程序，属于应当进行法制审核的重大执法决定，案卷中无法制审核记录",
    notes=(
        "Not a veto by default: for licences the duty comes from 118号 (a policy document), "
        "not a statute, and domain-standards §3.2 lists no such licensing veto; a standard may "
        "set veto = true on this item. Required when the licence was decided after a hearing, "
        "the hearing record flags public_interest, application.item contains one of "
        "legal_review.triggers.licensing_items (the agency's catalogue; empty by default), or "
        "case.major_decision says major. A review record of type case_review is not a 法制审核 "
        "and counts as none. Basis: 118号 第（十二）项 only — 行政许可法第四十六条 concerns "
        "public hearings, not legal review, and is not cited."
    ),
)
def major_licence_reviewed(case: CaseFile, ctx: CheckContext) -> Finding:
    """A licensing decision the catalogue names as major had a passed legal review."""
    reasons = _review_reasons(case, ctx)
    if not reasons:
        return ctx.not_applicable("本案未触发重大行政许可法制审核情形")
    if case.decision is None:
        return ctx.not_applicable("案卷未载明许可决定")
    defect = _presence_defect(case, reasons)
    if defect is None:
        return ctx.passed()
    return ctx.fail(defect.message, *defect.pointers, values=defect.values)


@rule(
    id="TS-REV-004",
    title="法制审核人员明确并具备法律职业资格",
    category=CATEGORY,
    dimension=DIMENSION,
    basis=[
        f"{_PENALTY_LAW}第五十八条第二款",
        f"{_PENALTY_LAW}（2017年修正）第三十八条第三款",
        f"{_SAMR_PROCEDURE}第五十一条第二款",
        f"{_GUIDANCE}第（十一）项",
    ],
    deduction=2,
    recommendation=(
        "法制审核意见应当载明审核人员；行政机关中初次从事行政处罚决定法制审核的人员，应当通过"
        "国家统一法律职业资格考试取得法律职业资格。"
    ),
    applies_to=AppliesTo(kinds={"penalty", "licensing"}),
    example="审核人员赵某某2019-03-01初次从事法制审核，未取得法律职业资格",
    notes=(
        "Applies wherever a review is on file, required or not. The qualification rule binds "
        "reviewers who first did penalty review on or after 2018-01-01, when the 2017 "
        "amendment's 第三十八条第三款 took effect (the 2021 第五十八条第二款 repeats it); "
        "earlier starters are grandfathered. Unknown first-review date without a "
        "qualification: needs_review. A 案件审核 (legal_review.type case_review): the 2017 "
        "第三十八条第三款 covered every 行政处罚决定审核, so it is checked for decisions made "
        "2018-01-01..2021-07-14; from 2021-07-15 第五十八条第二款 and 市场监管程序规定第五十一条"
        "第二款 bind 法制审核 reviewers only, so the rule is not_applicable (also when the "
        "decision date is unknown: judged under the current Law, as the engine does). The two "
        "dates come from ctx.laws. Licensing files: only 'reviewer identified' is checked; "
        "118号 第（二十三）项 only encourages the qualification, so it is not required, and a "
        "licensing case_review is not_applicable."
    ),
)
def reviewer_qualified(case: CaseFile, ctx: CheckContext) -> Iterable[Finding]:
    """The review names its reviewer, who holds the legal qualification where the law needs it."""
    review = case.legal_review
    if not _has_review(review):
        return [ctx.not_applicable("案卷无法制审核记录")]
    assert review is not None
    if review.type == "case_review":
        skip = _case_review_outside_2017_rule(case, ctx)
        if skip:
            return [ctx.not_applicable(skip)]
    ids = _reviewer_ids(review)
    if not ids:
        label = "案件审核" if review.type == "case_review" else "法制审核"
        return [ctx.fail(f"{label}记录未载明审核人员", "/legal_review/reviewer")]
    if case.kind != "penalty":
        return [ctx.passed()]
    findings: list[Finding] = []
    for oid in ids:
        officer = case.officer(oid)
        if officer is None:
            continue
        where = case.pointer("officers", oid)
        if officer.legal_qualification:
            findings.append(ctx.passed())
            continue
        first = officer.first_legal_review_date
        values = {"审核人员": officer.name, "初次从事法制审核日期": first}
        if first is None:
            findings.append(
                ctx.needs_review(
                    f"审核人员{officer.name}未载明取得法律职业资格，也未载明初次从事法制审核的日期，"
                    "无法判断是否属于须取得法律职业资格的人员",
                    f"{where}/legal_qualification",
                    f"{where}/first_legal_review_date",
                    values=values,
                )
            )
        elif first >= PENALTY_LAW_2017_REVIEW:
            if officer.legal_qualification is False:
                findings.append(
                    ctx.fail(
                        f"审核人员{officer.name}于{_iso(first)}初次从事法制审核，"
                        "未取得法律职业资格",
                        f"{where}/legal_qualification",
                        values=values,
                    )
                )
            else:
                findings.append(
                    ctx.needs_review(
                        f"审核人员{officer.name}于{_iso(first)}初次从事法制审核，"
                        "案卷未载明其是否取得法律职业资格",
                        f"{where}/legal_qualification",
                        values=values,
                    )
                )
        else:
            findings.append(ctx.passed())
    return findings or [ctx.passed()]


@rule(
    id="TS-REV-005",
    title="法制审核人员非本案承办人员",
    category=CATEGORY,
    dimension=DIMENSION,
    basis=[
        f"{_SAMR_PROCEDURE}第四十九条第三款",
        f"{_SAMR_PROCEDURE}第五十一条第一款",
        f"{_GUIDANCE}第（十一）项",
    ],
    deduction=2,
    recommendation="法制审核应当由法制机构或者其他指定机构的审核人员进行，案件承办人员不得担任本案审核人员。",
    applies_to=AppliesTo(kinds={"penalty", "licensing"}),
    example="审核人员陈某某同时是本案承办人员（立案指定办案人员、询问笔录签名执法人员）",
    notes=(
        "Handlers: officers assigned at filing, officers with the investigator or "
        "licensing_reviewer role, officers who signed a record of an act (笔录) or the "
        "investigation report, officers who carried out a compulsory measure, collected "
        "evidence or verified the application. The Penalty Law does not say it expressly; the "
        "SAMR rule does and 118号 requires a separate review unit, so the rule applies to "
        "every review on file."
    ),
)
def reviewer_not_handler(case: CaseFile, ctx: CheckContext) -> Finding:
    """No reviewer is one of the officers who handled the case."""
    review = case.legal_review
    if not _has_review(review):
        return ctx.not_applicable("案卷无法制审核记录")
    assert review is not None
    ids = _reviewer_ids(review)
    if not ids:
        return ctx.not_applicable("法制审核记录未载明审核人员")
    wanted = set(ids)
    roles: dict[str, list[str]] = {}

    # Callers test ``oid in wanted`` first, so that no role text is built for other officers.
    def note(oid: str, what: str) -> None:
        held = roles.setdefault(oid, [])
        if what not in held:
            held.append(what)

    if case.filing is not None:
        for oid in case.filing.assigned_officers:
            if oid in wanted:
                note(oid, "立案指定办案人员")
    for oid in ids:
        officer = case.officer(oid)
        if officer is not None:
            if "investigator" in officer.roles:
                note(oid, "承办人员")
            if "licensing_reviewer" in officer.roles:
                note(oid, "许可审查人员")
    for doc in case.documents:
        if doc.type in RECORD_TYPES or doc.type == "investigation_report":
            for oid in doc.officers:
                if oid in wanted:
                    note(oid, f"{DOCUMENT_TYPE_ZH[doc.type]}签名执法人员")
    for m in case.compulsory_measures:
        for oid in m.officers:
            if oid in wanted:
                note(oid, "实施强制措施人员")
    for e in case.evidence:
        for oid in e.collectors:
            if oid in wanted:
                note(oid, "证据收集人员")
    for v in case.verifications:
        for oid in v.staff:
            if oid in wanted:
                note(oid, "核查人员")
    if not roles:
        return ctx.passed()
    named = [oid for oid in ids if oid in roles]  # in reviewer order, whatever found them
    parts = []
    for oid in named:
        officer = case.officer(oid)
        name = officer.name if officer else oid
        parts.append(f"审核人员{name}同时是本案{'、'.join(roles[oid])}")
    return ctx.fail(
        "；".join(parts),
        _review_pointer(review),
        *(case.pointer("officers", oid) for oid in named),
        values={"兼任承办的审核人员": parts},
        count=len(roles),
    )


@rule(
    id="TS-REV-006",
    title="法制审核出具书面审核意见",
    category=CATEGORY,
    dimension=DIMENSION,
    basis=[f"{_GUIDANCE}第（十四）项", f"{_SAMR_PROCEDURE}第五十四条"],
    deduction=1,
    recommendation="法制审核机构应当对审核事项出具书面审核意见，载明审核结论（同意、修改后同意或者不同意）及理由，并归入案卷。",
    applies_to=AppliesTo(kinds={"penalty", "licensing"}),
    example="法制审核记录既无审核意见书，也未载明审核意见",
    notes=(
        "A written opinion is the review opinion document (named by the review or of type "
        "legal_review_opinion in the file) or the opinion text (e.g. written on the approval "
        "form); all missing "
        "fails. An opinion without a recorded conclusion goes to review (the conclusion has to "
        "be read from the text)."
    ),
)
def review_opinion_recorded(case: CaseFile, ctx: CheckContext) -> Finding:
    """The review produced a written opinion with a conclusion."""
    review = case.legal_review
    if not _has_review(review):
        return ctx.not_applicable("案卷无法制审核记录")
    assert review is not None
    if (
        review.document is None
        and not review.opinion
        and not case.documents_of("legal_review_opinion")
    ):
        return ctx.fail(
            "法制审核记录既无审核意见书，也未载明审核意见",
            "/legal_review/document",
            "/legal_review/opinion",
        )
    if review.conclusion is None:
        return ctx.needs_review(
            "法制审核意见未载明审核结论（同意、修改后同意或不同意），需人工阅读意见确定",
            "/legal_review/conclusion",
        )
    return ctx.passed()


@rule(
    id="TS-REV-007",
    title="法制审核在决定前、听证后进行",
    category=CATEGORY,
    dimension=DIMENSION,
    basis=[
        f"{_PENALTY_LAW}第五十八条第一款",
        f"{_SAMR_PROCEDURE}第五十条第二款",
        f"{_GUIDANCE}第（十二）项",
    ],
    deduction=2,
    recommendation="法制审核应当在行政机关负责人作出决定前完成；经过听证的案件，应当在听证结束后进行法制审核。",
    applies_to=AppliesTo(kinds={"penalty", "licensing"}),
    example="听证日2025-05-20，法制审核日2025-05-12，审核在听证之前",
    notes=(
        "A review dated the same day as the decision is accepted (the order within the day is "
        "not recorded). Also compared with the head's decision approval date where the file "
        "has one. The hearing order (SAMR 第五十条第二款) is applied to every sector and to "
        "licences: a review before the hearing did not review what the decision rests on "
        "(第六十五条). Where the review was required and is dated after the decision, "
        "TS-REV-001/003 report it (veto or deduction) and this rule stands aside."
    ),
)
def review_timing(case: CaseFile, ctx: CheckContext) -> Finding:
    """The review is dated before the decision (and its approval) and after any hearing."""
    review = case.legal_review
    if not _has_review(review):
        return ctx.not_applicable("案卷无法制审核记录")
    assert review is not None
    decision = case.decision
    if decision is None:
        return ctx.not_applicable("案卷未载明决定")
    if review.date is None or decision.date is None:
        return ctx.needs_review(
            f"法制审核日{_iso(review.date)}，决定日{_iso(decision.date)}，日期不全，无法判断审核是否在决定前",
            "/legal_review/date",
            "/decision/date",
        )
    if review.date > decision.date and _presence_rule_covers(case, ctx, "late"):
        return ctx.not_applicable("审核晚于决定，已由重大执法决定法制审核规则认定")
    problems: list[str] = []
    pointers: list[str] = []
    values: dict[str, Any] = {"审核日": review.date, "决定日": decision.date}
    if review.date > decision.date:
        problems.append(
            f"决定日{_iso(decision.date)}，法制审核日{_iso(review.date)}，审核在决定作出之后"
        )
        pointers.extend(("/legal_review/date", "/decision/date"))
    else:
        approval = decision.approval
        if approval is not None and approval.date is not None and review.date > approval.date:
            problems.append(
                f"负责人审批决定日{_iso(approval.date)}，法制审核日{_iso(review.date)}，审核在负责人审批之后"
            )
            pointers.extend(("/legal_review/date", "/decision/approval/date"))
            values["决定审批日"] = approval.date
    hearing = case.hearing
    if (
        _hearing_held(case)
        and hearing is not None
        and hearing.date is not None
        and review.date < hearing.date
    ):
        problems.append(
            f"听证日{_iso(hearing.date)}，法制审核日{_iso(review.date)}，审核在听证之前"
        )
        pointers.extend(("/legal_review/date", "/hearing/date"))
        values["听证日"] = hearing.date
    if problems:
        return ctx.fail("；".join(problems), *pointers, values=values)
    return ctx.passed()


@rule(
    id="TS-REV-008",
    title="决定采纳或回应法制审核意见",
    category=CATEGORY,
    dimension=DIMENSION,
    basis=[
        f"{_PENALTY_LAW}第五十八条第一款",
        f"{_GUIDANCE}第（十四）项",
    ],
    deduction=2,
    recommendation=(
        "法制审核意见为“不同意”的，不得作出决定，承办机构应当补充完善后重新送审；意见为“修改后"
        "同意”的，应当按意见修改，或者书面说明不予采纳的理由并归入案卷。"
    ),
    applies_to=AppliesTo(kinds={"penalty", "licensing"}),
    example="法制审核意见为“修改后同意”，案卷未见对审核意见的采纳或处理说明",
    notes=(
        "not_approved: the decision may not be made (第五十八条; 118号 第（十四）项 "
        "resubmission) unless the decision itself follows the opinion (e.g. no penalty as the "
        "reviewer advised); where the review was required TS-REV-001/003 report this and this "
        "rule stands aside. approved_with_changes: the decision follows the opinion or the "
        "file answers it (response_to_opinion); unknown → needs_review. approved but the "
        "decision departs from what was reviewed (decision_follows_opinion false) without a "
        "response: fail."
    ),
)
def decision_follows_opinion(case: CaseFile, ctx: CheckContext) -> Finding:
    """The decision follows the review opinion or answers it in writing."""
    review = case.legal_review
    if not _has_review(review):
        return ctx.not_applicable("案卷无法制审核记录")
    assert review is not None
    decision = case.decision
    if decision is None or (decision.date is None and decision.outcome is None):
        return ctx.not_applicable("案卷未载明决定")
    follows = review.decision_follows_opinion
    answered = bool(review.response_to_opinion)
    conclusion = review.conclusion
    if conclusion is None:
        return ctx.not_applicable("审核结论未载明（见审核意见规则）")
    if conclusion == "not_approved":
        if follows is True:
            return ctx.passed()
        if _presence_rule_covers(case, ctx, "not_passed"):
            return ctx.not_applicable("审核未通过仍作出决定，已由重大执法决定法制审核规则认定")
        return ctx.fail(
            "法制审核结论为“不同意”，未重新送审通过即作出决定",
            "/legal_review/conclusion",
            "/decision",
            values={"审核结论": "不同意"},
        )
    if follows is True or answered:
        return ctx.passed()
    label = "修改后同意" if conclusion == "approved_with_changes" else "同意"
    if follows is False:
        return ctx.fail(
            f"法制审核结论为“{label}”，决定未采纳审核意见，也未说明理由",
            "/legal_review/decision_follows_opinion",
            "/legal_review/response_to_opinion",
            values={"审核结论": label},
        )
    if conclusion == "approved_with_changes":
        return ctx.needs_review(
            "法制审核结论为“修改后同意”，案卷未载明决定是否按审核意见修改或对意见作出处理说明",
            "/legal_review/decision_follows_opinion",
            values={"审核结论": label},
        )
    return ctx.passed()


RULES = (
    publication_in_time,
    publication_channel,
    publication_withdrawal,
    publication_privacy,
    acts_have_written_records,
    mandatory_av_records,
    advised_av_records,
    av_records_identified,
    major_penalty_reviewed,
    penalty_reviewed_2017,
    major_licence_reviewed,
    reviewer_qualified,
    reviewer_not_handler,
    review_opinion_recorded,
    review_timing,
    decision_follows_opinion,
)


@hookimpl
def casefile_eval_rules() -> list[Any]:
    return list(RULES)


@hookimpl
def casefile_eval_parameters() -> list[Parameter]:
    return list(PARAMETERS)


__all__ = ["PARAMETERS", "RULES"]
