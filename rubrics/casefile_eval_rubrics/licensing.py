"""Rubric plugin ``licensing``: administrative licensing files (行政许可案卷).

Rules for the licensing procedure of 《中华人民共和国行政许可法》 (2019): the licence item and the
agency's power, acceptance and the one-time correction notice, verification, interested parties,
hearings, the decision and its periods, renewals, the licence certificate and fees. Publication,
recording and legal review (三项制度) belong to the ``three_systems`` plugin; archiving to
``documents``.

Every agency period of the Licensing Law counts working days (第八十二条); the trigger day is not
counted (statutory-rules §7). Time for hearings, tendering, auctions, inspection, testing,
quarantine, appraisal and expert review is left out of the periods of 第四章第三节
(第四十二条至第四十四条) only when the applicant was told in writing (第四十五条). Where an
exclusion, an extension or the start of a period cannot be settled from the file, the period
rules compute the strict and the lenient reading, pass when the strict one is met, fail only when
even the lenient one is broken, and otherwise ask a person.

A decision outside the statutory period is a deduction by default (domain-standards §3.2); a
standard that treats it as a veto (安徽) sets ``veto = true`` on the item ``LIC-DEC-001``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from typing import Any, NamedTuple

from casefile_eval.calendar import (
    Period,
    PeriodUnit,
    add_calendar_days,
    add_working_days,
    deadline_check,
    subtract_working_days,
    working_days_between,
)
from casefile_eval.citations import PRC_PREFIX, Citation, parse_citations
from casefile_eval.model import CaseFile, Document, Officer
from casefile_eval.model.vocab import ACCEPTANCE_OUTCOME_ZH, EXCLUDED_TYPE_ZH, OUTCOME_ZH
from casefile_eval.plugins import AppliesTo, CheckContext, Finding, Parameter, hookimpl, rule

__version__ = "1.0"

# ----------------------------------------------------------------------------- constants

_LAW = "《中华人民共和国行政许可法》"
_ONE_DAY = dt.timedelta(days=1)
#: The Licensing Law took effect on 2004-07-01 (第八十三条); the articles these rules encode were
#: not changed by the 2019 amendment.
_IN_FORCE = "2004-07-01"

LICENSING = AppliesTo(kinds={"licensing"})
#: The decision periods do not apply to decisions made on the spot (第四十二条第一款 "除可以当场
#: 作出行政许可决定的外").
DECIDED_LATER = AppliesTo(kinds={"licensing"}, procedures={"general", "joint"})
GRANTED = AppliesTo(kinds={"licensing"}, outcomes={"grant", "partial_grant"})
DENIED = AppliesTo(kinds={"licensing"}, outcomes={"deny", "partial_grant"})

#: Time that 第四十五条 leaves out of the periods:
#: 听证、招标、拍卖、检验、检测、检疫、鉴定和专家评审.
EXCLUDABLE = frozenset(
    {
        "hearing",
        "tendering",
        "auction",
        "inspection",
        "testing",
        "quarantine",
        "appraisal",
        "expert_review",
    }
)
REFUSALS = frozenset({"rejected", "not_required", "refer_elsewhere"})
DECISION_DOCUMENTS = frozenset({"grant_decision", "denial_decision"})
#: How a renewal decision that refuses (all or part) is named.
_RENEWAL_REFUSAL = {"deny": "不予延续", "partial_grant": "部分不予延续"}

# Parameter names.
P_SUPPLEMENT = "licensing.supplement_notice_days"
P_DECISION = "licensing.decision_days"
P_EXTENSION = "licensing.extension_days"
P_JOINT = "licensing.joint_decision_days"
P_JOINT_EXTENSION = "licensing.joint_extension_days"
P_CERTIFICATE = "licensing.certificate_days"
P_HEARING_REQUEST = "licensing.hearing_request_days"
P_HEARING_ORGANISE = "licensing.hearing_organise_days"
P_HEARING_NOTICE = "licensing.hearing_notice_days"
P_INSPECTION = "licensing.inspection_start_days"
P_RENEWAL = "licensing.renewal_application_days"
P_RENEWAL_UNIT = "licensing.renewal_application_unit"
RENEWAL_UNITS = ("calendar_days", "working_days")

# Titles of instruments, classified by their form (立法法 names: laws end in 法, regulations in
# 条例, rules never in 条例 — 规章制定程序条例). Compiled once; results cached per title.
_NORMATIVE_SUFFIXES = ("通知", "意见", "批复", "复函", "函", "纪要", "通告", "公告", "答复")
_PROVINCES = (
    "北京",
    "天津",
    "上海",
    "重庆",
    "河北",
    "山西",
    "辽宁",
    "吉林",
    "黑龙江",
    "江苏",
    "浙江",
    "安徽",
    "福建",
    "江西",
    "山东",
    "河南",
    "湖北",
    "湖南",
    "广东",
    "海南",
    "四川",
    "贵州",
    "云南",
    "陕西",
    "甘肃",
    "青海",
    "内蒙古",
    "广西",
    "西藏",
    "宁夏",
    "新疆",
)
# A place name followed by 省/自治区/市/州/县 at the start of a title marks a local instrument;
# "城市…" titles (城市供水条例, 城市市容和环境卫生管理条例) are national and excluded.
#: 附件第101项, 附件1第3项, 附表（一）第十二项 — an item of an instrument's annex list.
_ANNEX_ITEM_RE = re.compile(
    r"的?附(?:件|表|录)[^第，。；、]{0,8}第[0-9一二三四五六七八九十百千零〇]+项"
)
_LOCAL_RE = re.compile(r"^(?!城市)[\u4e00-\u9fff]{1,8}?(?:省|自治区|自治州|特别行政区|市|县)")

#: Canonical titles (as the citation parser returns them) of the two general laws a power basis
#: sometimes cites instead of the provision that gives the power.
_LICENSING_LAW_TITLE = "中华人民共和国行政许可法"
_PENALTY_LAW_TITLE = "中华人民共和国行政处罚法"
#: 行政许可法第二十五条: 相对集中行政许可权, decided by a provincial-level people's government.
_CONCENTRATION_ARTICLE = 25
_MUNICIPALITIES = frozenset({"北京", "天津", "上海", "重庆"})
_REGION_SUFFIX = {
    "内蒙古": "自治区",
    "广西": "壮族自治区",
    "西藏": "自治区",
    "宁夏": "回族自治区",
    "新疆": "维吾尔自治区",
}
#: "广东省人民政府", "北京市人民政府", "广西壮族自治区人民政府" …: the bodies that may decide on
#: 相对集中行政许可权 (第二十五条). Spelt out in full so that 吉林市人民政府 (a city of 吉林省) and
#: the like are not taken for a provincial government.
_PROVINCIAL_GOVERNMENTS = tuple(
    p + ("市" if p in _MUNICIPALITIES else _REGION_SUFFIX.get(p, "省")) + "人民政府"
    for p in _PROVINCES
)


def _schema_days(maximum: int = 365) -> dict[str, Any]:
    return {"type": "integer", "minimum": 1, "maximum": maximum}


def _schema_days_by_sector() -> dict[str, Any]:
    days = _schema_days()
    return {
        "oneOf": [
            days,
            {
                "type": "object",
                "required": ["default"],
                "properties": {"default": days},
                "additionalProperties": days,
            },
        ]
    }


def _schema_unit_by_sector() -> dict[str, Any]:
    unit = {"enum": list(RENEWAL_UNITS)}
    return {
        "oneOf": [
            unit,
            {
                "type": "object",
                "required": ["default"],
                "properties": {"default": unit},
                "additionalProperties": unit,
            },
        ]
    }


PARAMETERS: tuple[Parameter, ...] = (
    Parameter(
        name=P_SUPPLEMENT,
        default=5,
        schema=_schema_days(),
        description="一次告知补正的期限（工作日，自收到申请材料之日起算；逾期不告知的自收到申请材料之日起即为受理）",
        basis=f"{_LAW}第三十二条第一款第（四）项、第八十二条",
    ),
    Parameter(
        name=P_DECISION,
        default=20,
        schema=_schema_days_by_sector(),
        description="作出行政许可决定的期限（工作日，自受理之日起算）；可按执法领域设置，"
        '如 {"default": 20, "transport": 15}',
        basis=f"{_LAW}第四十二条第一款、第八十二条",
    ),
    Parameter(
        name=P_EXTENSION,
        default=10,
        schema=_schema_days_by_sector(),
        description="经本行政机关负责人批准可以延长的期限（工作日）；可按执法领域设置",
        basis=f"{_LAW}第四十二条第一款、第八十二条",
    ),
    Parameter(
        name=P_JOINT,
        default=45,
        schema=_schema_days(),
        description="统一办理、联合办理、集中办理的办理期限（工作日）",
        basis=f"{_LAW}第四十二条第二款、第八十二条",
    ),
    Parameter(
        name=P_JOINT_EXTENSION,
        default=15,
        schema=_schema_days(),
        description="统一办理、联合办理、集中办理经本级人民政府负责人批准可以延长的期限（工作日）",
        basis=f"{_LAW}第四十二条第二款、第八十二条",
    ),
    Parameter(
        name=P_CERTIFICATE,
        default=10,
        schema=_schema_days(),
        description="作出准予许可决定后颁发、送达许可证件的期限（工作日）",
        basis=f"{_LAW}第四十四条、第八十二条",
    ),
    Parameter(
        name=P_HEARING_REQUEST,
        default=5,
        schema=_schema_days(),
        description="申请人、利害关系人自被告知听证权利之日起提出听证申请的期限（日；"
        "是否为工作日未有定论，规则按自然日和工作日两种算法计算，仅两种算法均逾期时视为逾期）",
        basis=f"{_LAW}第四十七条第一款",
    ),
    Parameter(
        name=P_HEARING_ORGANISE,
        default=20,
        schema=_schema_days(),
        description="收到听证申请后组织听证的期限（工作日）",
        basis=f"{_LAW}第四十七条第一款、第八十二条",
    ),
    Parameter(
        name=P_HEARING_NOTICE,
        default=7,
        schema=_schema_days(),
        description="举行听证前通知申请人、利害关系人的提前期（工作日）",
        basis=f"{_LAW}第四十八条第一款第（一）项、第八十二条",
    ),
    Parameter(
        name=P_INSPECTION,
        default=5,
        schema=_schema_days(),
        description="受理后指派两名以上工作人员进行检验、检测、检疫的期限（工作日）",
        basis=f"{_LAW}第五十五条第二款、第八十二条",
    ),
    Parameter(
        name=P_RENEWAL,
        default=30,
        schema=_schema_days_by_sector(),
        description="被许可人申请延续应当在许可有效期届满前多少日提出（法律、法规、规章另有规定的从其规定）；"
        '可按执法领域设置，如 {"default": 30, "health": 60}（示例数值）',
        basis=f"{_LAW}第五十条第一款",
    ),
    Parameter(
        name=P_RENEWAL_UNIT,
        default="calendar_days",
        schema=_schema_unit_by_sector(),
        description="延续申请提前期的计算单位：calendar_days（自然日，行政许可法第五十条的"
        "“三十日”）或 working_days（规章明定“工作日”的，如“届满30个工作日前”）；可按执法领域设置",
        basis=f"{_LAW}第五十条第一款",
    ),
)


@hookimpl
def casefile_eval_parameters() -> Iterable[Parameter]:
    return PARAMETERS


# ----------------------------------------------------------------------------- helpers


def _iso(day: dt.date | None) -> str:
    return day.isoformat() if day is not None else "未记载"


def _wd(n: int) -> Period:
    return Period(n, PeriodUnit.WORKING_DAYS, _LAW + "第八十二条")


def _sector_value(value: Any, case: CaseFile) -> Any:
    """A parameter that is a plain value, or a dict keyed by sector with a ``default`` entry."""
    if isinstance(value, Mapping):
        return value.get(case.sector or "default", value["default"])
    return value


def _by_sector(value: Any, case: CaseFile) -> int:
    return int(_sector_value(value, case))


#: A by-sector parameter read once per batch: (ints by sector or None for a plain value, the
#: default). ``_for_sector`` then answers like ``_by_sector`` without converting per case.
_SectorInts = tuple[dict[str, int] | None, int]


def _sector_ints(value: Any) -> _SectorInts:
    if isinstance(value, Mapping):
        return {k: int(v) for k, v in value.items()}, int(value["default"])
    return None, int(value)


def _for_sector(table: _SectorInts, case: CaseFile) -> int:
    by_sector, default = table
    if by_sector is None:
        return default
    return by_sector.get(case.sector or "default", default)


class _DecisionPeriods(NamedTuple):
    """The decision period parameters of 第四十二条, read once per batch."""

    base: _SectorInts
    extension: _SectorInts
    joint: int
    joint_extension: int

    def for_case(self, case: CaseFile) -> tuple[int, int]:
        """(period, maximum extension) in working days for the case's procedure and sector."""
        if case.procedure == "joint":
            return self.joint, self.joint_extension
        return _for_sector(self.base, case), _for_sector(self.extension, case)


def _prepare_decision_periods(ctx: CheckContext) -> _DecisionPeriods:
    return _DecisionPeriods(
        _sector_ints(ctx.param(P_DECISION)),
        _sector_ints(ctx.param(P_EXTENSION)),
        int(ctx.param(P_JOINT)),
        int(ctx.param(P_JOINT_EXTENSION)),
    )


def _prepare_supplement_days(ctx: CheckContext) -> int:
    return int(ctx.param(P_SUPPLEMENT))


def _officer_name(case: CaseFile, officer_id: str) -> str:
    officer = case.officer(officer_id)
    return officer.name if officer is not None else officer_id


def _names(case: CaseFile, ids: Iterable[str]) -> str:
    return "、".join(_officer_name(case, i) for i in ids) or "无"


def _is_head(officer: Officer) -> bool:
    return bool(officer.is_agency_head) or "agency_head" in officer.roles


def _blank(text: str | None) -> bool:
    return text is None or not text.strip()


def _doc_pointer(case: CaseFile, doc_id: str | None) -> str:
    return case.pointer("documents", doc_id) if doc_id else "/documents"


def _citations(case: CaseFile, section: str) -> tuple[tuple[str, tuple[Citation, ...]], ...]:
    """Each basis text of ``application.item_basis`` (``item``), ``agency.power_basis``
    (``power``) or ``agency.entrustment.basis`` (``entrustment``) with its parsed citations,
    parsed once per case (several rules read them)."""
    key = "licensing.citations." + section
    cached = case.derived.get(key)
    if cached is None:
        texts: Sequence[str]
        if section == "item":
            texts = case.application.item_basis if case.application else ()
        elif section == "entrustment":
            ent = case.agency.entrustment
            texts = ent.basis if ent is not None else ()
        else:
            texts = case.agency.power_basis
        cached = tuple((text, tuple(parse_citations(text))) for text in texts)
        case.derived[key] = cached
    return cached


@lru_cache(maxsize=4096)
def instrument_kind(title: str) -> str:
    """Classify an instrument by its (canonical) title.

    Returns ``law`` (法律), ``regulation`` (行政法规 or, undistinguishable by title, 地方性法规
    named 条例 without a place name), ``state_council`` (国务院决定 and the like),
    ``local_regulation`` (a 条例 whose title starts with a place), ``local_rule`` (any other
    local instrument), ``normative`` (通知, 意见, 批复 …: other normative documents) or
    ``unknown`` (规定 / 办法 / 细则 that may be a departmental rule or a State Council
    regulation).
    """
    if title.endswith(_NORMATIVE_SUFFIXES):
        return "normative"
    if title.startswith(("全国人民代表大会", "全国人大")):
        return "law"  # laws and the Standing Committee's decisions
    if title.startswith(PRC_PREFIX):
        rest = title[len(PRC_PREFIX) :]
        return "law" if rest.endswith("法") and not rest.endswith("办法") else "regulation"
    if title.startswith(_PROVINCES) or _LOCAL_RE.match(title):
        return "local_regulation" if title.endswith("条例") else "local_rule"
    if title.endswith(("法", "法典")) and not title.endswith("办法"):
        return "law"
    if title.endswith("条例"):
        return "regulation"
    if title.startswith("国务院") or "国务院" in title[:12]:
        return "state_council"
    return "unknown"


def is_general_instrument(title: str) -> bool:
    """Whether an instrument only governs how powers are exercised and gives no agency the power
    to grant a particular licence: the Licensing Law, the Penalty Law and penalty rules
    (…行政处罚…), procedure rules (…程序规定, …执法程序…)."""
    return title == _LICENSING_LAW_TITLE or "行政处罚" in title or "程序" in title


@lru_cache(maxsize=4096)
def is_provincial_government_instrument(title: str) -> bool:
    """Whether an instrument was issued by a provincial-level people's government itself (not its
    general office): the form a 第二十五条 concentration decision takes."""
    for name in _PROVINCIAL_GOVERNMENTS:
        if title.startswith(name):
            return not title.startswith("办公厅", len(name))
    return False


# -- period arithmetic shared by the decision, promise and certificate rules ------------------


class _Start(NamedTuple):
    """When the decision period starts (the actual or deemed acceptance date)."""

    date: dt.date | None
    deemed: bool  # 逾期不告知补正，自收到申请材料之日起即为受理
    certain: bool  # False when the start had to be assumed for lack of an acceptance date
    receipt: dt.date | None
    note: str

    @property
    def label(self) -> str:
        """How messages name the start day."""
        if self.deemed:
            return "视为受理日"
        return "受理日" if self.certain else "起算日"


def acceptance_start(case: CaseFile, ctx: CheckContext) -> _Start:
    """The date the decision period runs from (第三十二条第一款第（四）项, 第四十二条).

    The acceptance date, unless no acceptance, refusal or correction notice came within the
    correction-notice period: then the application counts as accepted on the day the materials
    were received. Cached per case and period length.
    """
    days = int(ctx.param(P_SUPPLEMENT))
    key = f"licensing.start.{days}"
    cached = case.derived.get(key)
    if cached is not None:
        return cached
    app, acc = case.application, case.acceptance
    receipt = app.date if app else None
    acc_date = acc.date if acc else None
    first_notice: dt.date | None = None
    completed: dt.date | None = None
    for c in case.corrections:
        d = c.date or (receipt if c.on_the_spot else None)
        if d is not None and (first_notice is None or d < first_notice):
            first_notice = d
        if c.completed_date and (completed is None or c.completed_date > completed):
            completed = c.completed_date
    if receipt is None:
        day = acc_date or completed
        start = _Start(day, False, day is not None, None, "")
    else:
        deadline = add_working_days(receipt, days)
        if first_notice is not None and first_notice <= deadline:
            day = acc_date or completed
            note = "" if acc_date else "案卷未记载受理日期，按补正材料齐全日计算"
            start = _Start(day, False, acc_date is not None, receipt, note)
        elif acc_date is not None and acc_date <= deadline:
            start = _Start(acc_date, False, True, receipt, "")
        elif acc_date is not None:
            start = _Start(
                receipt,
                True,
                True,
                receipt,
                f"收到申请材料日{receipt.isoformat()}后{days}个工作日内未受理也未告知补正，"
                "依法自收到申请材料之日起即为受理",
            )
        else:
            start = _Start(
                receipt,
                False,
                False,
                receipt,
                "案卷未记载受理日期，按收到申请材料之日计算",
            )
    case.derived[key] = start
    return start


def _working_days_in(spans: list[tuple[dt.date, dt.date]], lo: dt.date, hi: dt.date) -> int:
    """Working days inside the union of closed ``spans``, clipped to ``(lo, hi]``."""
    clipped = sorted(
        (max(s, lo + _ONE_DAY), min(e, hi)) for s, e in spans if min(e, hi) >= max(s, lo + _ONE_DAY)
    )
    total = 0
    cur_s: dt.date | None = None
    cur_e = lo
    for s, e in clipped:
        if cur_s is not None and s <= cur_e + _ONE_DAY:
            cur_e = max(cur_e, e)
            continue
        if cur_s is not None:
            total += working_days_between(cur_s - _ONE_DAY, cur_e)
        cur_s, cur_e = s, e
    if cur_s is not None:
        total += working_days_between(cur_s - _ONE_DAY, cur_e)
    return total


def _notified_in_writing(case: CaseFile, period: Any) -> bool | None:
    if period.notified_in_writing is not None:
        return bool(period.notified_in_writing)
    doc = case.document(period.document)
    if doc is not None and doc.type == "excluded_time_notice":
        return True
    return None


class _Usage(NamedTuple):
    """Working days used between a trigger and an act, under two readings of the exclusions."""

    total: int  # no exclusion at all
    strict: int  # only exclusions the file proves (listed type, written notice, end date)
    lenient: int  # every exclusion not shown to be unlawful
    excluded_strict: int
    doubtful: tuple[str, ...]
    strict_spans: tuple[tuple[dt.date, dt.date], ...]


def period_usage(case: CaseFile, start: dt.date, end: dt.date) -> _Usage:
    """Working days in ``(start, end]`` less the time 第四十五条 leaves out."""
    total = working_days_between(start, end)
    if not case.excluded_periods:
        return _Usage(total, total, total, 0, (), ())
    strict: list[tuple[dt.date, dt.date]] = []
    lenient: list[tuple[dt.date, dt.date]] = []
    doubtful: list[str] = []
    for p in case.excluded_periods:
        written = _notified_in_writing(case, p)
        if written is False:
            continue  # not told in writing: the time counts (第四十五条第二句)
        listed = p.type in EXCLUDABLE
        if written and listed and p.end is not None:
            strict.append((p.start, p.end))
        else:
            reasons = []
            if not listed:
                reasons.append("不属于行政许可法第四十五条所列情形")
            if written is None:
                reasons.append("未见书面告知申请人")
            if p.end is None:
                reasons.append("未记载结束日期")
            doubtful.append(
                f"{EXCLUDED_TYPE_ZH.get(p.type, p.type)}期间{_iso(p.start)}至{_iso(p.end)}"
                + "、".join(reasons)
            )
        lenient.append((p.start, p.end or end))
    excluded_strict = _working_days_in(strict, start, end)
    excluded_lenient = _working_days_in(lenient, start, end)
    return _Usage(
        total,
        total - excluded_strict,
        total - excluded_lenient,
        excluded_strict,
        tuple(doubtful),
        tuple(strict),
    )


def _deadline(start: dt.date, allowed: int, spans: Sequence[tuple[dt.date, dt.date]]) -> dt.date:
    """The last day of ``allowed`` working days after ``start``, pushed back by the excluded
    ``spans`` that fall inside it (a fixed point: each push may take in more excluded days)."""
    day = add_working_days(start, allowed)
    if not spans:
        return day
    spans = list(spans)
    while True:
        later = add_working_days(start, allowed + _working_days_in(spans, start, day))
        if later == day:
            return day
        day = later


def _judge_period(
    ctx: CheckContext,
    usage: _Usage,
    start: dt.date,
    act: dt.date,
    allowed: int,
    intro: str,
    act_label: str,
    pointers: Sequence[str],
    values: dict[str, Any],
    certain: bool = True,
) -> Finding:
    """Judge an act against a working-day period that 第四十五条 exclusions lengthen.

    ``usage`` is ``period_usage(case, start, act)``; its strict reading (only exclusions the
    file proves) is over ``allowed`` (callers pass before building the message parts this
    function takes). Fail when even the lenient reading is over too, and the start is certain;
    otherwise ask a person. The message gives the deadline under the strict reading.
    """
    deadline = _deadline(start, allowed, usage.strict_spans)
    values = {
        **values,
        "截止日期": deadline.isoformat(),
        "允许工作日数": allowed,
        "实际用时工作日数": usage.strict,
    }
    excluded = ""
    if usage.excluded_strict:
        excluded = f"（已扣除书面告知的不计入期限时间{usage.excluded_strict}个工作日）"
    body = (
        f"{intro}，截止{deadline.isoformat()}{excluded}；{act_label}{act.isoformat()}，"
        f"用时{usage.strict}个工作日，超过{allowed}个工作日"
    )
    if usage.lenient > allowed and certain:
        return ctx.fail(body, *pointers, values=values)
    if usage.lenient <= allowed and usage.doubtful:
        body += (
            f"；另有{'；'.join(usage.doubtful)}，若予扣除则用时{usage.lenient}个工作日，未超期，"
            "需人工核对能否扣除"
        )
    else:
        body += "；起算日系推定，需人工核对受理日期"
    return ctx.needs_review(body, *pointers, values=values)


def _extension_problems(
    case: CaseFile, ext: Any, start: dt.date | None, base: int, joint: bool
) -> tuple[list[str], list[str]]:
    """Problems of one extension: (those that make it invalid, the others)."""
    blocking: list[str] = []
    minor: list[str] = []
    approval = ext.approval
    if approval is None or _blank(approval.approver):
        who = "本级人民政府负责人" if joint else "本行政机关负责人"
        blocking.append(f"未见{who}批准")
    else:
        officer = case.officer(approval.approver)
        if not joint and officer is not None and not _is_head(officer):
            blocking.append(f"批准人{officer.name}不是本行政机关负责人")
        if start is not None and approval.date is not None:
            used = period_usage(case, start, approval.date)
            if used.lenient > base:
                blocking.append(
                    f"批准日{approval.date.isoformat()}已超过原{base}个工作日期限"
                    f"（已用{used.lenient}个工作日）"
                )
    if ext.applicant_told_date is None:
        minor.append("未将延长期限的理由告知申请人")
    if _blank(ext.reason):
        minor.append("未载明延长理由")
    return blocking, minor


# ----------------------------------------------------------------------------- subject


#: Instrument kinds that may create a licence (第十四条至第十七条).
_CREATING_KINDS = frozenset({"law", "regulation", "state_council", "local_regulation"})
#: How values and messages render a recorded yes/no fact.
_YES_NO = {True: "是", False: "否", None: "未记载"}


@rule(
    id="LIC-SUBJ-001",
    title="许可事项依法设定并列入公布的行政许可事项清单",
    category="subject",
    dimension="merits",
    basis=[
        f"{_LAW}第十四条",
        f"{_LAW}第十五条",
        f"{_LAW}第十六条",
        f"{_LAW}第十七条",
        f"{_LAW}第四条",
    ],
    deduction=10,
    veto=True,
    recommendation="实施行政许可应当以法律、行政法规、国务院决定、地方性法规或者省级人民政府规章设定的许可事项为限，"
    "并严格按照公布的行政许可事项清单实施；规章以下的规范性文件一律不得设定行政许可。",
    applies_to=LICENSING,
    in_force_from=_IN_FORCE,
    example="依据某市人民政府办公室通知实施“户外广告设置许可”，该事项未列入公布的行政许可事项清单。",
    notes="Veto per domain-standards §2.8/§3.2 (安徽: item not lawfully created or not on the "
    "published list). The level of each basis instrument is read from its title: laws end in "
    "法, regulations in 条例 (规章制定程序条例: rules may not be named 条例), 国务院决定; "
    "通知/意见/批复 and the like are other normative documents that may not create licences "
    "(第十七条) — fail. A basis made only of 规定/办法 (a departmental rule, which may not create "
    "licences, or a provincial government rule, which may only for one year, 第十五条) cannot be "
    "told apart by title — needs_review. An empty item_basis or an unknown item_listed is "
    "needs_review, not fail: the file does not say.",
)
def item_lawfully_created(case: CaseFile, ctx: CheckContext) -> Finding | list[Finding]:
    """The licence item has a basis that may create licences and is on the published list."""
    app = case.application
    if app is None:
        return ctx.needs_review(
            "案卷未记载申请及许可事项，无法核对许可事项是否依法设定", "/application"
        )
    item = app.item or "（未记载事项名称）"
    findings: list[Finding] = []
    if app.item_listed is False:
        findings.append(
            ctx.fail(
                f"许可事项“{item}”未列入公布的行政许可事项清单",
                "/application/item_listed",
                values={"许可事项": item, "列入清单": "否"},
            )
        )
    cited = _citations(case, "item")
    if not cited:
        findings.append(
            ctx.needs_review(
                f"案卷未记载许可事项“{item}”的设定依据，需人工核对", "/application/item_basis"
            )
        )
    else:
        kinds = {c.law: instrument_kind(c.law) for _, cs in cited for c in cs}
        if not kinds:
            texts = "；".join(t for t, _ in cited)
            findings.append(
                ctx.needs_review(
                    f"许可事项设定依据“{texts}”未能识别出法律、法规名称，需人工核对",
                    "/application/item_basis",
                )
            )
        elif _CREATING_KINDS.isdisjoint(kinds.values()):
            texts = "；".join(t for t, _ in cited)
            laws = "、".join(f"《{law}》" for law in kinds)
            if all(k == "normative" for k in kinds.values()):
                findings.append(
                    ctx.fail(
                        f"许可事项“{item}”的设定依据{laws}属于规范性文件，"
                        "不能设定行政许可（行政许可法第十七条）",
                        "/application/item_basis",
                        values={"许可事项": item, "设定依据": texts},
                    )
                )
            else:
                findings.append(
                    ctx.needs_review(
                        f"许可事项“{item}”的设定依据仅见{laws}，不能确定是否为可以设定行政许可的"
                        "法律、行政法规、国务院决定、地方性法规或省级人民政府规章，需人工核对",
                        "/application/item_basis",
                        values={"许可事项": item, "设定依据": texts},
                    )
                )
    if app.item_listed is None and not any(f.outcome == "fail" for f in findings):
        findings.append(
            ctx.needs_review(
                f"案卷未记载许可事项“{item}”是否列入公布的行政许可事项清单，需人工核对",
                "/application/item_listed",
            )
        )
    return findings or ctx.passed()


def _laws_not_in_force(
    case: CaseFile, ctx: CheckContext, section: str, day: dt.date
) -> list[tuple[str, str]]:
    """(basis text, problem) for each cited instrument the registry says was not in force."""
    out: list[tuple[str, str]] = []
    for text, cites in _citations(case, section):
        seen: set[tuple[str, int | None]] = set()
        for c in cites:
            key = (c.law, c.edition)
            if key in seen:
                continue  # 第十条、第十一条 of one instrument: one problem, not two
            seen.add(key)
            if c.edition is not None:
                version = ctx.laws.edition(c.law, c.edition)
                if version is not None and not version.covers_date(day):
                    out.append((text, f"引用的《{c.law}》{c.edition}年版本在{day}已不是现行版本"))
                    continue
            if ctx.laws.was_in_force(c.law, day) is False:
                repealed = ctx.laws.repealed_on(c.law)
                if repealed is not None and repealed <= day:
                    out.append((text, f"《{c.law}》已于{repealed.isoformat()}失效"))
                else:
                    out.append((text, f"《{c.law}》在{day}尚未施行"))
    return out


def _act_day(case: CaseFile) -> dt.date | None:
    for section in (case.decision, case.acceptance, case.application):
        if section is not None and section.date is not None:
            return section.date
    return None


@rule(
    id="LIC-SUBJ-002",
    title="实施机关具有行政许可权，委托实施合法",
    category="subject",
    dimension="merits",
    basis=[
        f"{_LAW}第二十二条",
        f"{_LAW}第二十三条",
        f"{_LAW}第二十四条第一款",
        f"{_LAW}第二十四条第三款",
        f"{_LAW}第二十五条",
    ],
    deduction=10,
    veto=True,
    recommendation="行政许可应当由具有行政许可权的行政机关在法定职权范围内实施，职权依据应当引用赋予该项许可"
    "实施权的法律、法规、规章条款，不得以行政处罚法或者程序性规定代替；相对集中行政许可权的，应当引用行政许可法"
    "第二十五条和省、自治区、直辖市人民政府经国务院批准作出的决定；委托实施的，"
    "应当依照法律、法规、规章的规定委托其他行政机关，公告受委托机关和委托内容，受委托机关以委托机关名义实施。",
    applies_to=LICENSING,
    in_force_from=_IN_FORCE,
    example="受委托的街道办事处以自己的名义作出准予许可决定，案卷中无委托书，委托事项也未公告。",
    notes="Veto per domain-standards §2.8/§3.2 (no power, beyond powers, unlawful entrustment). "
    "An empty power_basis is needs_review (the file does not say). Entrusted: fail on a missing "
    "entrustment, an entrusted body recorded as not an administrative organ (entrusted_is_organ = "
    "false: licensing may be entrusted only to another organ, 第二十四条第一款, unlike "
    "penalties), an entrustment basis made only of normative documents or of instruments not in "
    "force on the act date (依照法律、法规、规章的规定), an unpublished entrustment (公告), a "
    "decision outside the entrustment term, or a decision issued in the entrusted body's own name "
    "(第二十四条第三款). A basis naming a law, a regulation (national or local), or a "
    "规定/办法/细则 or other local instrument (the usual forms of 规章) is accepted; a basis "
    "naming only a 国务院决定 or no recognisable title, no basis recorded, or entrusted_is_organ "
    "not recorded is needs_review. With the basis accepted and the organ flag true the "
    "entrustment passes. Not checked: whether the matter is within the entrusting agency's own "
    "powers and the ban on re-entrustment (第二十四条第三款). Authorised organisations need a "
    "法律 or 法规 (第二十三条): a power basis with neither is needs_review. Power-basis "
    "instruments the law registry knows to be repealed or not yet in force on the act date fail. "
    "Legal review 2025 (§4.7): a power basis that cites only general instruments — the Penalty "
    "Law or penalty rules (…行政处罚…), procedure rules (…程序…), the Licensing Law itself — "
    "gives no power to grant this licence (行政处罚法第十八条第二款 concentrates penalty powers, "
    "not licensing powers): needs_review, not fail, because the agency may hold the power and "
    "only cite it wrongly. 相对集中行政许可权 rests on 第二十五条 and a decision of the "
    "provincial-level people's government approved by the State Council: citing 第二十五条 "
    "without an instrument of a provincial-level people's government (title starting with e.g. "
    "广东省人民政府, not its 办公厅) is needs_review. Whether that decision covers this item and "
    "this agency is not checked. Entrusted bodies are judged on the entrustment instead of these "
    "checks.",
)
def agency_has_power(case: CaseFile, ctx: CheckContext) -> Finding | list[Finding]:
    """The agency's power basis is recorded and in force; an entrustment or authorisation is
    lawful as far as the file shows."""
    agency = case.agency
    findings: list[Finding] = []
    day = _act_day(case)
    if not agency.power_basis:
        findings.append(
            ctx.needs_review(
                f"案卷未记载{agency.name}实施该项行政许可的职权依据，需人工核对",
                "/agency/power_basis",
            )
        )
    elif day is not None:
        for text, problem in _laws_not_in_force(case, ctx, "power", day):
            findings.append(
                ctx.fail(
                    f"职权依据“{text}”：{problem}",
                    "/agency/power_basis",
                    values={"职权依据": text, "作出日期": day.isoformat()},
                )
            )
    if agency.subject_type == "entrusted":
        findings.extend(_entrustment_findings(case, ctx, day))
    elif agency.power_basis:
        gap = _power_basis_gap(case, ctx)
        if gap is not None:
            findings.append(gap)
    return findings or ctx.passed()


def _power_basis_gap(case: CaseFile, ctx: CheckContext) -> Finding | None:
    """A needs_review finding when the cited power basis cannot give the power to grant the
    licence: 第二十五条 without the provincial decision, only general instruments, or an
    authorised organisation without a 法律/法规."""
    agency = case.agency
    cites = [c for _, cs in _citations(case, "power") for c in cs]
    if not cites:
        if agency.subject_type != "authorised":
            return None
        return ctx.needs_review(
            f"{agency.name}为授权组织，职权依据中未见法律、法规的授权（行政许可法第二十三条），需人工核对",
            "/agency/power_basis",
        )
    concentration = False
    for c in cites:
        if c.law == _LICENSING_LAW_TITLE and c.article == _CONCENTRATION_ARTICLE:
            concentration = True
            break
    if concentration and not any(is_provincial_government_instrument(c.law) for c in cites):
        texts = "；".join(agency.power_basis)
        return ctx.needs_review(
            f"职权依据“{texts}”援引行政许可法第二十五条（相对集中行政许可权），但未引用省、自治区、"
            f"直辖市人民政府经国务院批准作出的决定，需人工核对{agency.name}行使该项行政许可权的依据",
            "/agency/power_basis",
            values={"实施机关": agency.name, "职权依据": texts},
        )
    specific = [c for c in cites if not is_general_instrument(c.law)]
    if not specific:
        laws = dict.fromkeys(c.law for c in cites)
        reasons: list[str] = []
        if any(law == _PENALTY_LAW_TITLE or "行政处罚" in law for law in laws):
            reasons.append("行政处罚法和行政处罚规定调整的是行政处罚，不赋予行政许可权")
        if any("程序" in law and "行政处罚" not in law for law in laws):
            reasons.append("程序性规定不赋予行政许可权")
        if _LICENSING_LAW_TITLE in laws:
            reasons.append("行政许可法规定实施行政许可的一般规则，本身不赋予特定行政机关该项许可权")
        names = "、".join(f"《{law}》" for law in laws)
        return ctx.needs_review(
            f"职权依据仅见{names}：{'；'.join(reasons)}，不能据以确定{agency.name}实施该项行政许可的"
            "职权，需人工核对（应当引用赋予该项许可实施权的法律、法规、规章条款；相对集中行政许可权的，"
            "引用行政许可法第二十五条和省、自治区、直辖市人民政府的决定）",
            "/agency/power_basis",
            values={"实施机关": agency.name, "职权依据": "；".join(agency.power_basis)},
        )
    if agency.subject_type == "authorised" and not {instrument_kind(c.law) for c in specific} & {
        "law",
        "regulation",
        "local_regulation",
    }:
        return ctx.needs_review(
            f"{agency.name}为授权组织，职权依据中未见法律、法规的授权（行政许可法第二十三条），需人工核对",
            "/agency/power_basis",
            values={"实施机关": agency.name, "职权依据": "；".join(agency.power_basis)},
        )
    return None


#: Instrument kinds that count as 法律、法规、规章 for an entrustment (第二十四条第一款). A title
#: of 规定/办法/细则 (``unknown``) is the usual form of a rule and is accepted; a local instrument
#: not named 条例 (``local_rule``) is taken as a local government rule.
_ENTRUSTMENT_BASIS_KINDS = frozenset(
    {"law", "regulation", "local_regulation", "local_rule", "unknown"}
)


def _entrustment_basis_check(
    case: CaseFile, ctx: CheckContext, day: dt.date | None
) -> tuple[list[str], list[str]]:
    """(defects, open questions) of the entrustment's legal basis."""
    cited = _citations(case, "entrustment")
    if not cited:
        return [], ["案卷未记载委托的法律、法规、规章依据"]
    texts = "；".join(t for t, _ in cited)
    kinds = {c.law: instrument_kind(c.law) for _, cs in cited for c in cs}
    if not kinds:
        return [], [f"委托依据“{texts}”未能识别出法律、法规、规章名称"]
    defects: list[str] = []
    if day is not None:
        defects.extend(
            f"委托依据“{text}”：{problem}"
            for text, problem in _laws_not_in_force(case, ctx, "entrustment", day)
        )
    if any(k in _ENTRUSTMENT_BASIS_KINDS for k in kinds.values()):
        return defects, []
    laws = "、".join(f"《{law}》" for law in kinds)
    if all(k == "normative" for k in kinds.values()):
        defects.append(f"委托依据{laws}属于规范性文件，不是法律、法规、规章")
        return defects, []
    return defects, [f"委托依据仅见{laws}，不能确定为法律、法规、规章"]


def _entrustment_findings(case: CaseFile, ctx: CheckContext, day: dt.date | None) -> list[Finding]:
    agency = case.agency
    ent = agency.entrustment
    if ent is None:
        return [
            ctx.fail(
                f"{agency.name}受委托实施行政许可，案卷中未见委托书",
                "/agency/entrustment",
                values={"实施机关": agency.name, "主体类型": "受委托"},
            )
        ]
    problems: list[str] = []
    if ent.entrusted_is_organ is False:
        problems.append(f"受委托的{agency.name}不是行政机关，行政许可只能委托其他行政机关实施")
    basis_defects, open_points = _entrustment_basis_check(case, ctx, day)
    problems.extend(basis_defects)
    if ent.published is False:
        problems.append("委托机关未公告受委托机关和委托实施的内容")
    if day is not None and (
        (ent.term_start is not None and day < ent.term_start)
        or (ent.term_end is not None and day > ent.term_end)
    ):
        problems.append(
            f"作出日期{day.isoformat()}不在委托期限（{_iso(ent.term_start)}至{_iso(ent.term_end)}）内"
        )
    issuer = case.decision.issuing_agency_name if case.decision else None
    if (
        issuer
        and ent.entrusting_agency
        and issuer != ent.entrusting_agency
        and issuer == agency.name
    ):
        problems.append(f"许可决定以受委托机关“{issuer}”名义作出，未以委托机关名义作出")
    values = {
        "委托机关": ent.entrusting_agency or "未记载",
        "委托书文号": ent.document_no or "未记载",
        "委托依据": "；".join(ent.basis) or "未记载",
        "受委托者为行政机关": _YES_NO[ent.entrusted_is_organ],
    }
    if problems:
        return [
            ctx.fail(
                f"受委托实施行政许可不合法：{'；'.join(problems)}",
                "/agency/entrustment",
                values=values,
                count=len(problems),
            )
        ]
    if ent.entrusted_is_organ is None:
        open_points.append("案卷未记载受委托者是否为行政机关")
    if open_points:
        return [
            ctx.needs_review(
                f"{agency.name}受{ent.entrusting_agency or '（未记载委托机关）'}委托实施行政许可"
                f"（委托书{ent.document_no or '文号未记载'}）：{'；'.join(open_points)}，"
                "需人工核对",
                "/agency/entrustment/basis",
                "/agency/entrustment/entrusted_is_organ",
                values=values,
            )
        ]
    return []


@rule(
    id="LIC-SUBJ-003",
    title="核查人员具备行政执法资格",
    category="subject",
    dimension="merits",
    basis=[f"{_LAW}第三十四条第三款"],
    deduction=3,
    recommendation="实施核查、检验检测的工作人员应当取得行政执法证件并在有效期内，核查时出示证件并在笔录中记载证件号码。",
    applies_to=LICENSING,
    in_force_from=_IN_FORCE,
    example="核查笔录记载的核查人员之一未取得行政执法证，另一人执法证已于核查前过期。",
    notes="The Licensing Law itself only requires two or more staff (第三十四条第三款); that they "
    "hold enforcement certificates comes from the review standards (安徽 程序合法: material "
    "checked by two or more staff with enforcement certificates; Zhejiang 要点: staff hold "
    "enforcement qualification) and provincial certificate rules. Hence a deduction per staff "
    "member, not a veto (§3.2 does not list it among licensing vetoes). No certificate number "
    "recorded for a named staff member is a fail; an id that names no officer is needs_review.",
)
def verification_staff_certified(case: CaseFile, ctx: CheckContext) -> Finding | list[Finding]:
    """Every staff member named for a verification holds a certificate valid on that day."""
    if not case.verifications:
        return ctx.not_applicable("案卷未记载核查")
    findings: list[Finding] = []
    for i, v in enumerate(case.verifications):
        day = v.date
        staff = v.staff or _record_officers(case, v.document)
        for officer_id in dict.fromkeys(staff):
            officer = case.officer(officer_id)
            if officer is None:
                findings.append(
                    ctx.needs_review(
                        f"核查人员“{officer_id}”不在执法人员名单中，无法核对执法资格",
                        f"/verifications/{i}/staff",
                    )
                )
                continue
            values: dict[str, Any]
            if _blank(officer.certificate_no):
                problem = "未记载行政执法证件号码"
                values = {"核查人员": officer.name, "核查日期": _iso(day)}
            elif day is not None and (
                (officer.certificate_valid_from and day < officer.certificate_valid_from)
                or (officer.certificate_valid_until and day > officer.certificate_valid_until)
            ):
                problem = (
                    f"的执法证（{officer.certificate_no}）有效期为"
                    f"{_iso(officer.certificate_valid_from)}至{_iso(officer.certificate_valid_until)}，"
                    "核查时不在有效期内"
                )
                values = {
                    "核查人员": officer.name,
                    "核查日期": _iso(day),
                    "执法证有效期止": _iso(officer.certificate_valid_until),
                }
            else:
                continue
            findings.append(
                ctx.fail(
                    f"{_iso(day)}核查的核查人员{officer.name}{problem}",
                    case.pointer("officers", officer.id),
                    f"/verifications/{i}/staff",
                    values=values,
                )
            )
    return findings or ctx.passed()


def _record_officers(case: CaseFile, doc_id: str | None) -> tuple[str, ...]:
    doc = case.document(doc_id)
    return doc.officers if doc is not None else ()


# ----------------------------------------------------------------------------- legal basis


@rule(
    id="LIC-LAW-001",
    title="许可依据在作出决定时合法有效",
    category="legal_basis",
    dimension="merits",
    basis=[f"{_LAW}第四条", f"{_LAW}第五条第二款"],
    deduction=15,
    veto=True,
    recommendation="实施行政许可应当适用作出决定时有效的法律、法规、规章，不得适用已废止、失效或者尚未施行的规定。",
    applies_to=LICENSING,
    in_force_from=_IN_FORCE,
    example="2025年作出食品经营许可决定，许可依据仍引用已被修订的《中华人民共和国食品安全法》（2009年版）"
    "第二十九条。",
    notes="Veto per domain-standards §3.2 (basis repealed or wrong). Only instruments the law "
    "registry (casefile_eval.laws plus plugins' law versions) knows are judged; an unknown "
    "instrument is not reported. A citation with an edition year fails when that edition was "
    "not the one in force. The date is the decision date, else the acceptance or receipt date. "
    "The example (legal review 2025 §5: it used to cite a penalty rule) is a licensing basis the "
    "default registry catches: 食品安全法 2009 第二十九条 set up food production and trade "
    "licences, and the 2015 revision replaced that edition.",
)
def basis_in_force(case: CaseFile, ctx: CheckContext) -> Finding | list[Finding]:
    """Every cited instrument of the item basis was in force on the decision date."""
    if not _citations(case, "item"):
        return ctx.not_applicable("案卷未记载许可依据")
    day = _act_day(case)
    if day is None:
        return ctx.needs_review(
            "案卷未记载决定、受理或申请日期，无法核对许可依据的时效", "/decision/date"
        )
    problems = _laws_not_in_force(case, ctx, "item", day)
    if not problems:
        return ctx.passed()
    return [
        ctx.fail(
            f"许可依据“{text}”：{problem}",
            "/application/item_basis",
            values={"许可依据": text, "作出日期": day.isoformat()},
        )
        for text, problem in problems
    ]


def _cites_annex_item(text: str, citation: Citation) -> bool:
    """Whether the citation goes on to an annex item: 《…决定》附件第101项."""
    at = text.find(citation.raw) if citation.raw else -1
    return at >= 0 and _ANNEX_ITEM_RE.match(text, at + len(citation.raw)) is not None


@rule(
    id="LIC-LAW-002",
    title="许可依据写明法律法规全称并引用到条款项",
    category="legal_basis",
    dimension="merits",
    basis=[f"{_LAW}第五条第二款", f"{_LAW}第三十条第一款"],
    deduction=1,
    recommendation="引用许可依据应当写明法律、法规、规章的全称，并具体到条、款、项、目。",
    applies_to=LICENSING,
    in_force_from=_IN_FORCE,
    example="许可依据写为“依据《食品安全法》”，未写全称，未引用到条款。",
    notes="Zhejiang 要点 三 (full names cited down to 条款项目; citation not to 条款项目 is a "
    "deduction, domain-standards §2.8). One occurrence per defective citation. A text with no "
    "recognisable 《title》 fails as not naming the instrument. Whether the cited article has "
    "several paragraphs or items is not known to the model, so a citation to the article is "
    "accepted. Instruments that list licence items in an annex (国务院对确需保留的行政审批项目设定"
    "行政许可的决定) are cited by annex item (附件第101项), which the citation parser does not "
    "read as an article: a citation followed by 附件/附表/附录 … 第N项 counts as specific.",
)
def basis_cited_fully(case: CaseFile, ctx: CheckContext) -> Finding | list[Finding]:
    """Each item-basis citation names the instrument by its full title and an article."""
    cited = _citations(case, "item")
    if not cited:
        return ctx.not_applicable("案卷未记载许可依据")
    problems: list[str] = []
    for text, cites in cited:
        if not cites:
            problems.append(f"“{text}”未写明法律、法规、规章名称")
            continue
        for c in cites:
            if not c.is_specific and not _cites_annex_item(text, c):
                problems.append(f"“{c.raw or text}”未引用到具体条款")
            if ("《" + c.law) not in c.raw:
                problems.append(f"“{c.raw or text}”未使用全称《{c.law}》")
    if not problems:
        return ctx.passed()
    return ctx.fail(
        "许可依据引用不规范：" + "；".join(problems),
        "/application/item_basis",
        values={"许可依据": "；".join(t for t, _ in cited)},
        count=len(problems),
    )


# ----------------------------------------------------------------------------- review


@rule(
    id="LIC-REV-001",
    title="实质核查由两名以上工作人员进行并制作核查笔录",
    category="licensing_review",
    dimension="merits",
    basis=[f"{_LAW}第三十四条第三款"],
    deduction=5,
    recommendation="需要对申请材料实质内容进行核实的，应当指派两名以上工作人员进行核查，并制作核查笔录，由核查人员和被核查人签字。",
    applies_to=LICENSING,
    in_force_from=_IN_FORCE,
    example="现场核查仅由一名工作人员进行，案卷中无核查笔录。",
    notes="南京 2010: −5 when the substance is verified by fewer than two staff or without an "
    "on-site record (domain-standards §2.3, §2.8). Staff come from verifications[].staff, else "
    "from the officers who signed the record. Technical inspections (第五十五条) are judged by "
    "LIC-REV-002 instead, so one defect is not deducted twice.",
)
def verification_two_staff(case: CaseFile, ctx: CheckContext) -> Finding | list[Finding]:
    """Each on-site verification had two or more staff and a record in the file."""
    checked = [(i, v) for i, v in enumerate(case.verifications) if not v.technical_inspection]
    if not checked:
        return ctx.not_applicable("案卷未记载实质核查")
    findings: list[Finding] = []
    for i, v in checked:
        staff = tuple(dict.fromkeys(v.staff or _record_officers(case, v.document)))
        problems: list[str] = []
        if not staff:
            findings.append(
                ctx.needs_review(f"{_iso(v.date)}核查未记载核查人员", f"/verifications/{i}/staff")
            )
        elif len(staff) < 2:
            problems.append(f"仅由{len(staff)}名工作人员（{_names(case, staff)}）进行")
        if v.document is None:
            problems.append("未制作核查笔录")
        elif case.document(v.document) is None:
            problems.append(f"核查笔录（{v.document}）不在案卷文书中")
        if problems:
            findings.append(
                ctx.fail(
                    f"{_iso(v.date)}实质核查" + "，".join(problems),
                    f"/verifications/{i}",
                    values={"核查日期": _iso(v.date), "核查人员": _names(case, staff)},
                )
            )
    return findings or ctx.passed()


@rule(
    id="LIC-REV-002",
    title="检验、检测、检疫于受理后5个工作日内由两名以上工作人员实施",
    category="licensing_review",
    dimension="merits",
    basis=[f"{_LAW}第五十五条第二款", f"{_LAW}第八十二条"],
    deduction=3,
    recommendation="实施检验、检测、检疫的，应当自受理申请之日起5个工作日内指派两名以上工作人员按照技术标准、技术规范进行。",
    applies_to=LICENSING,
    parameters=[P_INSPECTION, P_SUPPLEMENT],
    in_force_from=_IN_FORCE,
    example="2025年4月29日受理，2025年5月12日才由一名工作人员进行设备检验。",
    notes="Applies to verifications marked technical_inspection (第十二条第（四）项 items). The "
    "law says staff are to be assigned (指派) within 5 days; the file records the inspection "
    "date, so the rule reads the period as the inspection starting within 5 working days of the "
    "(actual or deemed) acceptance (statutory-rules AL-12). Working days per 第八十二条.",
)
def inspection_in_time(case: CaseFile, ctx: CheckContext) -> Finding | list[Finding]:
    """Technical inspections start within 5 working days of acceptance with two or more staff."""
    inspections = [(i, v) for i, v in enumerate(case.verifications) if v.technical_inspection]
    if not inspections:
        return ctx.not_applicable("案卷未记载检验、检测、检疫")
    start = acceptance_start(case, ctx)
    days = int(ctx.param(P_INSPECTION))
    findings: list[Finding] = []
    for i, v in inspections:
        staff = tuple(dict.fromkeys(v.staff or _record_officers(case, v.document)))
        problems: list[str] = []
        values: dict[str, Any] = {"检验日期": _iso(v.date), "检验人员": _names(case, staff)}
        if start.date is None or v.date is None:
            findings.append(
                ctx.needs_review(
                    f"案卷未记载受理日期或检验检测日期，无法核对是否在受理后{days}个工作日内实施",
                    f"/verifications/{i}/date",
                    "/acceptance/date",
                )
            )
        else:
            check = deadline_check(start.date, v.date, _wd(days))
            values["截止日期"] = check.deadline.isoformat()
            if not check.met:
                label = start.label
                problems.append(check.describe(label, "检验检测日"))
        if staff and len(staff) < 2:
            problems.append(f"仅由{len(staff)}名工作人员（{_names(case, staff)}）实施")
        elif not staff:
            problems.append("未记载实施检验检测的工作人员")
        if problems:
            findings.append(
                ctx.fail(
                    "检验、检测、检疫不符合要求：" + "；".join(problems),
                    f"/verifications/{i}",
                    values=values,
                    count=len(problems),
                )
            )
    return findings or ctx.passed()


@rule(
    id="LIC-REV-003",
    title="许可事项直接关系他人重大利益的，告知利害关系人并听取意见",
    category="licensing_procedure",
    dimension="quality",
    basis=[f"{_LAW}第三十六条"],
    deduction=5,
    recommendation="审查中发现许可事项直接关系他人重大利益的，应当在作出决定前告知利害关系人，"
    "听取申请人、利害关系人的陈述和申辩，并记录在案。",
    applies_to=LICENSING,
    in_force_from=_IN_FORCE,
    example="申请在居民楼下开设餐饮店，案卷记载存在重大利益关系人，但未见告知利害关系人的文书。",
    notes="南京 2010: −5 when interested parties were not informed (domain-standards §2.8). "
    "Applies only when interested_parties.exist is true. A notice date, the linked notice "
    "document or any interested_party_notice document counts as the notice. heard = false is a "
    "fail; heard unknown is needs_review. Legal review 2025 (§3.8), decided: when nothing at all "
    "was told to the interested parties — no 第三十六条 notice and no notice of the hearing right "
    "(hearing.right_notified_date or a hearing_right_notice document) — the rule stands aside "
    "(not_applicable) and LIC-HEAR-003 (veto) alone scores the omission. 第三十六条 and 第四十七条 "
    "are two duties, but a file with no notice shows one omission (the interested parties never "
    "learned of the application), and standards deduct per defect; practice often serves one "
    "利害关系人告知书 carrying both. The rule still fails a late notice, an unheard party, and a "
    "file that told the hearing right but never told the interested parties of the matter (then "
    "HEAR-003 passes, so nothing is deducted twice).",
)
def interested_parties_heard(case: CaseFile, ctx: CheckContext) -> Finding:
    """Interested parties were told before the decision and they and the applicant heard."""
    ip = case.interested_parties
    if ip is None or ip.exist is not True:
        return ctx.not_applicable("案卷未记载存在重大利益关系人")
    informed = ip.informed_date
    notice_in_file = informed is not None
    if informed is None:
        doc = case.document(ip.document)
        docs = (doc,) if doc is not None else case.documents_of("interested_party_notice")
        informed = min((d.date for d in docs if d.date), default=None)
        notice_in_file = bool(docs)  # a notice without a recorded date still counts
    if not notice_in_file and not _hearing_right_notice_in_file(case):
        return ctx.not_applicable(
            "案卷未见告知利害关系人的任何文书，该缺失按未告知听证权利评定（见LIC-HEAR-003）"
        )
    decided = case.decision.date if case.decision else None
    problems: list[str] = []
    if not notice_in_file:
        problems.append("未告知利害关系人")
    elif decided is not None and informed is not None and informed > decided:
        problems.append(f"告知利害关系人日期{informed.isoformat()}晚于决定日{decided.isoformat()}")
    if ip.heard is False:
        problems.append("未听取申请人、利害关系人的陈述和申辩")
    values = {"告知利害关系人日期": _iso(informed), "决定日期": _iso(decided)}
    if problems:
        return ctx.fail(
            "许可事项直接关系他人重大利益：" + "；".join(problems),
            "/interested_parties",
            values=values,
        )
    if ip.heard is None:
        return ctx.needs_review(
            "许可事项直接关系他人重大利益，已告知利害关系人，但案卷未记载是否听取陈述和申辩",
            "/interested_parties/heard",
            values=values,
        )
    return ctx.passed()


def _hearing_right_notice_in_file(case: CaseFile) -> bool:
    """Whether the file shows any notice of the hearing right (第四十七条), dated or not."""
    h = case.hearing
    if h is not None and h.right_notified_date is not None:
        return True
    return bool(case.documents_of("hearing_right_notice"))


@rule(
    id="LIC-REV-004",
    title="许可条件是否具备（准予或不予许可是否正确）",
    category="licensing_review",
    dimension="merits",
    basis=[f"{_LAW}第三十四条第一款", f"{_LAW}第三十八条"],
    deduction=20,
    veto=True,
    manual=True,
    recommendation="应当对照法定条件和标准逐项审查申请材料和核查情况，符合条件的准予许可，不符合的不予许可并说明理由。",
    applies_to=LICENSING,
    in_force_from=_IN_FORCE,
    example="申请人经营场所与有毒有害场所的距离不符合许可条件，仍作出准予许可决定。",
    notes="A person's call (domain-standards §3.2 veto: granted although the statutory "
    "conditions were not met, or refused although met). The machine only lists what the file "
    "records — outcome, completeness of materials, verifications, inspections, reasons, and a "
    "renewal refused after the old licence expired (LIC-DEC-007 deducts the late decision only "
    "once) — and always returns needs_review while a decision exists.",
)
def conditions_met(case: CaseFile, ctx: CheckContext) -> Finding:
    """Manual: were the statutory conditions met (is the grant or refusal right)?"""
    decision = case.decision
    if decision is None or decision.outcome is None:
        return ctx.not_applicable("案卷尚无许可决定")
    app = case.application
    outcome = OUTCOME_ZH.get(decision.outcome, decision.outcome)
    complete = _YES_NO[app.materials_complete if app else None]
    visits = [
        f"{_iso(v.date)}（{_names(case, v.staff or _record_officers(case, v.document))}"
        f"{'，检验检测' if v.technical_inspection else ''}）"
        for v in case.verifications
    ]
    parts = [
        f"决定结果：{outcome}",
        f"许可事项：{(app.item if app else None) or '未记载'}",
        f"申请材料齐全、符合法定形式：{complete}",
        f"核查：{'；'.join(visits) or '无'}",
    ]
    if decision.outcome != "grant":
        parts.append(f"不予许可理由：{decision.reasons or '未记载'}")
    expiry = app.previous_licence_expiry if app is not None and app.type == "renewal" else None
    if (
        expiry is not None
        and decision.outcome in _RENEWAL_REFUSAL
        and decision.date is not None
        and decision.date > expiry
    ):
        # LIC-DEC-007 deducts the late decision once; the reviewer weighs the refusal itself.
        parts.append(
            f"延续申请：原许可有效期{expiry.isoformat()}届满后，于{decision.date.isoformat()}作出"
            f"{_RENEWAL_REFUSAL[decision.outcome]}决定（被许可人依法提前申请的，届满时依法已视为准予延续，"
            "见LIC-DEC-007）"
        )
    values = {
        "决定结果": outcome,
        "申请材料齐全": complete,
        "核查次数": len(case.verifications),
        "证据数": len(case.evidence),
    }
    return ctx.needs_review(
        "需评查人员对照法定条件判断准予或不予许可是否正确。案卷记载：" + "；".join(parts),
        "/decision/outcome",
        "/application/materials_complete",
        "/verifications",
        values=values,
    )


# ----------------------------------------------------------------------------- acceptance


@rule(
    id="LIC-ACC-001",
    title="收到申请材料后5个工作日内受理、不予受理或一次告知补正",
    category="licensing_procedure",
    dimension="quality",
    basis=[f"{_LAW}第三十二条第一款", f"{_LAW}第八十二条"],
    deduction=5,
    recommendation="收到申请材料后，应当当场或者在5个工作日内作出受理、不予受理决定，或者一次告知需要补正的全部内容；"
    "逾期不告知的，自收到申请材料之日起即为受理，许可决定期限自该日起算。",
    applies_to=LICENSING,
    parameters=[P_SUPPLEMENT],
    in_force_from=_IN_FORCE,
    prepare=_prepare_supplement_days,
    example="2025年4月29日收到申请材料，至5月12日才出具补正告知书（期限截止5月9日）。",
    notes="The 5-day limit of 第三十二条第一款第（四）项 is an agency period, hence working days "
    "(第八十二条); trigger = receipt of the materials. The first acceptance, refusal or "
    "correction notice must fall within it (an on-the-spot notice without a date counts as on the "
    "receipt day). 第（一）项、第（二）项 require refusals 'at once' (即时); the rule applies "
    "only the 5-working-day outer limit. A late response means the application counts as accepted "
    "on the receipt day; LIC-DEC-001 runs the decision period from there. Scored like the 评分表 "
    "item 'acceptance decision in time' (domain-standards §2.6).",
)
def acceptance_in_time(case: CaseFile, ctx: CheckContext) -> Finding:
    """The first acceptance, refusal or correction notice came within 5 working days."""
    app = case.application
    if app is None or app.date is None:
        if case.acceptance is None and not case.corrections:
            return ctx.not_applicable("案卷未记载申请和受理情况")
        return ctx.needs_review(
            "案卷未记载收到申请材料日期，无法核对是否在法定期限内受理或告知补正",
            "/application/date",
        )
    receipt = app.date
    days: int = ctx.prepared
    acc = case.acceptance
    # The usual case, an act on or after receipt within the period, needs only the first date:
    # labels and pointers are built below when the period is broken (or the act predates the
    # receipt, where deadline_check's elapsed count may need holiday data of another year).
    first = acc.date if acc is not None else None
    for c in case.corrections:
        day = c.date or (receipt if c.on_the_spot else None)
        if day is not None and (first is None or day < first):
            first = day
    if first is not None and receipt <= first <= add_working_days(receipt, days):
        return ctx.passed()
    acts: list[tuple[dt.date, str, str]] = []
    if acc is not None and acc.date is not None:
        label = ACCEPTANCE_OUTCOME_ZH.get(acc.outcome, "受理") if acc.outcome else "受理"
        acts.append((acc.date, label, "/acceptance/date"))
    for i, c in enumerate(case.corrections):
        day = c.date or (receipt if c.on_the_spot else None)
        if day is not None:
            acts.append((day, "告知补正", f"/corrections/{i}/date"))
    if not acts:
        return ctx.needs_review(
            "案卷未记载受理、不予受理或补正告知的日期，无法核对是否在法定期限内处理",
            "/acceptance/date",
            "/application/date",
        )
    first_day, label, pointer = min(acts)
    check = deadline_check(receipt, first_day, _wd(days))
    if check.met:
        return ctx.passed()
    message = check.describe("收到申请材料日", f"首次处理（{label}）")
    if acc is None or acc.outcome in (None, "accepted"):
        message += f"；依法自收到申请材料之日起即为受理，许可决定期限自{receipt.isoformat()}起算"
    return ctx.fail(
        message,
        "/application/date",
        pointer,
        values={
            "收到申请材料日": receipt.isoformat(),
            "截止日期": check.deadline.isoformat(),
            "首次处理日": first_day.isoformat(),
            "首次处理": label,
        },
    )


@rule(
    id="LIC-ACC-002",
    title="申请材料不齐全的，一次告知需要补正的全部内容",
    category="licensing_procedure",
    dimension="quality",
    basis=[f"{_LAW}第三十二条第一款第（四）项"],
    deduction=5,
    recommendation="申请材料不齐全或者不符合法定形式的，应当当场或者在5个工作日内一次告知申请人需要补正的全部内容，"
    "不得多次要求补正。",
    applies_to=LICENSING,
    in_force_from=_IN_FORCE,
    example="先后于5月6日、5月15日两次出具补正告知书，第二次要求补正首次未提及的材料。",
    notes="More than one correction notice is not a one-time notice (第三十二条第一款第（四）项; "
    "listed as a breach in 第七十二条); 南京 2010 −5, 评分表 10-point item (domain-standards "
    "§2.8). A single notice that records no content is needs_review: whether it listed "
    "everything cannot be checked.",
)
def one_time_correction(case: CaseFile, ctx: CheckContext) -> Finding:
    """At most one correction notice, and it lists what must be corrected."""
    notices = case.corrections
    if not notices:
        return ctx.not_applicable("案卷无补正告知")
    if len(notices) > 1:
        dates = "、".join(_iso(c.date) for c in notices)
        return ctx.fail(
            f"先后{len(notices)}次告知补正（{dates}），未一次告知需要补正的全部内容",
            *(f"/corrections/{i}" for i in range(len(notices))),
            values={"补正告知次数": len(notices), "告知日期": dates},
        )
    if not notices[0].items:
        return ctx.needs_review(
            "补正告知未记载需要补正的内容，无法核对是否一次告知全部内容", "/corrections/0/items"
        )
    return ctx.passed()


def _agency_seal(case: CaseFile, seal_name: str) -> bool:
    """Whether a seal is the agency's own (or, when entrusted, the entrusting agency's) seal or
    one of its special seals, not an internal unit's ("××局综合科")."""
    agency = case.agency
    if _seal_of(agency.name, seal_name):
        return True
    ent = agency.entrustment
    return bool(ent and ent.entrusting_agency and _seal_of(ent.entrusting_agency, seal_name))


def _seal_of(owner: str, seal_name: str) -> bool:
    if owner in seal_name:
        tail = seal_name.split(owner, 1)[1].strip("（）() ")
        return not tail or tail.endswith("章")
    return False


@rule(
    id="LIC-ACC-003",
    title="受理或不予受理出具加盖专用印章并注明日期的书面凭证",
    category="licensing_procedure",
    dimension="quality",
    basis=[f"{_LAW}第三十二条第二款"],
    deduction=5,
    recommendation="受理或者不予受理行政许可申请，应当出具加盖本行政机关专用印章和注明日期的书面凭证。",
    applies_to=LICENSING,
    in_force_from=_IN_FORCE,
    example="受理通知书未加盖印章，也未注明日期。",
    notes="南京 2010: −5 for a receipt or refusal without seal or date (domain-standards §2.3). "
    "A missing document is a fail (the file must hold the receipt); when only the material "
    "receipt (材料接收凭证) is in the file, needs_review (it may carry the acceptance). sealed or "
    "date not recorded is needs_review. A recorded seal name that is neither the agency's seal "
    "nor one of its special seals (…专用章) — another body's or an internal unit's seal — fails.",
)
def acceptance_receipt(case: CaseFile, ctx: CheckContext) -> Finding:
    """The acceptance or refusal is evidenced by a sealed, dated written document."""
    acc = case.acceptance
    if acc is None:
        if case.application is None:
            return ctx.not_applicable("案卷未记载申请和受理情况")
        return ctx.needs_review("案卷未记载受理或不予受理情况", "/acceptance")
    what = "不予受理决定书" if acc.outcome in REFUSALS else "受理通知书"
    doc = case.document(acc.document)
    if doc is None:
        receipt = case.document(case.application.material_receipt if case.application else None)
        if receipt is not None and acc.document is None:
            return ctx.needs_review(
                f"案卷未见{what}，仅见申请材料接收凭证，需核对其是否载明受理并加盖专用印章、注明日期",
                _doc_pointer(case, receipt.id),
            )
        missing = f"（{acc.document}不在案卷文书中）" if acc.document else ""
        return ctx.fail(f"案卷未见{what}{missing}", "/acceptance/document", values={"文书": what})
    problems: list[str] = []
    if doc.sealed is False:
        problems.append("未加盖印章")
    elif doc.seal_name and not _agency_seal(case, doc.seal_name):
        problems.append(f"加盖的“{doc.seal_name}”不是本行政机关的印章或专用印章")
    if doc.date is None and acc.date is None:
        problems.append("未注明日期")
    if problems:
        return ctx.fail(
            f"{what}" + "、".join(problems),
            _doc_pointer(case, doc.id),
            values={"文书": what, "加盖印章": doc.sealed, "日期": _iso(doc.date)},
        )
    if doc.sealed is None:
        return ctx.needs_review(
            f"案卷未记载{what}是否加盖印章", _doc_pointer(case, doc.id) + "/sealed"
        )
    return ctx.passed()


@rule(
    id="LIC-ACC-004",
    title="不予受理的说明理由并告知向有关行政机关申请",
    category="licensing_procedure",
    dimension="quality",
    basis=[f"{_LAW}第三十二条第一款第（一）项", f"{_LAW}第三十二条第一款第（二）项"],
    deduction=3,
    recommendation="决定不予受理的，应当在不予受理决定书中说明理由；申请事项不属于本机关职权范围的，应当告知申请人向有关行政机关申请。",
    applies_to=LICENSING,
    in_force_from=_IN_FORCE,
    example="不予受理决定书仅写“不符合受理条件”，未说明具体理由。",
    notes="Not giving reasons for a refusal to accept is a breach listed in 第七十二条; the "
    "anonymous 评分表 scores reasons for non-acceptance at 6 points (domain-standards §2.6). "
    "Applies to the refusal outcomes rejected, not_required and refer_elsewhere. For "
    "refer_elsewhere the reasons text should name the competent agency; the rule only checks "
    "that reasons are recorded.",
)
def refusal_reasons(case: CaseFile, ctx: CheckContext) -> Finding:
    """A refusal to accept states its reasons."""
    acc = case.acceptance
    if acc is None or acc.outcome not in REFUSALS:
        return ctx.not_applicable("未作出不予受理决定")
    if _blank(acc.reasons):
        label = ACCEPTANCE_OUTCOME_ZH[acc.outcome]
        return ctx.fail(
            f"作出“{label}”处理，未说明理由",
            "/acceptance/reasons",
            values={"受理结果": label, "受理日期": _iso(acc.date)},
        )
    return ctx.passed()


# ----------------------------------------------------------------------------- decision


@rule(
    id="LIC-DEC-001",
    title="在法定期限内作出行政许可决定",
    category="licensing_procedure",
    dimension="quality",
    basis=[
        f"{_LAW}第四十二条",
        f"{_LAW}第四十五条",
        f"{_LAW}第三十二条第一款第（四）项",
        f"{_LAW}第八十二条",
    ],
    deduction=5,
    recommendation="应当自受理之日起20个工作日内作出行政许可决定；不能按期作出的，经本行政机关负责人批准可以延长10个工作日，"
    "并将延长理由告知申请人。依法需要听证、检验、检测、鉴定、专家评审等的时间应当书面告知申请人。",
    applies_to=DECIDED_LATER,
    parameters=[P_DECISION, P_EXTENSION, P_JOINT, P_JOINT_EXTENSION, P_SUPPLEMENT],
    in_force_from=_IN_FORCE,
    prepare=_prepare_decision_periods,
    example="2025年9月25日受理，10月30日作出决定，超过20个工作日（截止10月29日），无经批准的延期。",
    notes="Start: the acceptance date, or the receipt date when no acceptance or correction "
    "notice came within the correction-notice period (deemed acceptance, "
    "第三十二条第一款第（四）项). "
    "Period: licensing.decision_days (20 WD) plus an extension of at most "
    "licensing.extension_days (10 WD) that the agency head approved before the 20 days ran out; "
    "procedure 'joint': 45 + 15 WD (第四十二条第二款; approval by the head of the people's "
    "government, whose identity is not checked). Extensions without approval, approved by "
    "someone recorded as not the head, or approved after the period ran out do not count "
    "(their other defects are LIC-DEC-003's). An extension without a day count counts as the "
    "maximum. Excluded time (第四十五条): only listed types the applicant was told of in writing, "
    "with an end date; excluded time whose written notice or end date is unrecorded, or whose "
    "type the article does not list, makes the result needs_review when it decides it. Late "
    "decisions are a deduction by default; 安徽 treats them as a veto: such a standard sets "
    "`veto = true` on this item. Laws and regulations may set other periods (第四十二条第一款 "
    "但书): override licensing.decision_days per sector.",
)
def decision_in_time(case: CaseFile, ctx: CheckContext) -> Finding:
    """The decision came within 20 (+10) working days of the actual or deemed acceptance,
    less excluded time told in writing; 45 (+15) for joint processing."""
    decision = case.decision
    if decision is None or decision.date is None:
        return ctx.not_applicable("案卷尚无许可决定或未记载决定日期")
    if decision.on_the_spot:
        return ctx.not_applicable("当场作出许可决定")
    acc = case.acceptance
    if acc is not None and acc.outcome not in (None, "accepted"):
        return ctx.not_applicable("申请未予受理")
    start = acceptance_start(case, ctx)
    if start.date is None:
        return ctx.needs_review(
            "案卷未记载受理日期和收到申请材料日期，无法核对决定期限", "/acceptance/date"
        )
    joint = case.procedure == "joint"
    base, max_ext = ctx.prepared.for_case(case)
    ext_days = 0
    rejected: list[str] = []
    for ext in case.period_extensions:
        blocking, _ = _extension_problems(case, ext, start.date, base, joint)
        if blocking:
            rejected.append("；".join(blocking))
        else:
            ext_days += ext.days if ext.days is not None else max_ext
    ext_days = min(ext_days, max_ext)
    allowed = base + ext_days
    usage = period_usage(case, start.date, decision.date)
    if usage.strict <= allowed:
        return ctx.passed()
    start_label = start.label
    ext_text = f"经批准延长{ext_days}个工作日" if ext_days else "无经批准的延期"
    if rejected:
        ext_text += f"（延期不能计入：{'；'.join(rejected)}）"
    intro = f"{start_label}{start.date.isoformat()}，决定期限{base}个工作日，{ext_text}"
    if start.note:
        intro = f"{start.note}。{intro}"
    return _judge_period(
        ctx,
        usage,
        start.date,
        decision.date,
        allowed,
        intro,
        "决定日",
        ("/decision/date", "/acceptance/date", "/application/date"),
        {
            "起算日": start.date.isoformat(),
            "视为受理": start.deemed,
            "决定日": decision.date.isoformat(),
            "法定期限": base,
            "有效延期": ext_days,
        },
        certain=start.certain,
    )


@rule(
    id="LIC-DEC-002",
    title="在承诺办理时限内作出行政许可决定",
    category="licensing_procedure",
    dimension="quality",
    basis=[f"{_LAW}第六条", f"{_LAW}第三十条第一款", f"{_LAW}第四十二条第一款"],
    deduction=2,
    recommendation="对外承诺的办理时限短于法定期限的，应当在承诺时限内作出决定。",
    applies_to=DECIDED_LATER,
    parameters=[P_SUPPLEMENT],
    in_force_from=_IN_FORCE,
    example="受理通知书承诺5个工作日办结，实际用时9个工作日。",
    notes="Promised periods (承诺时限) are reviewed against the promise (domain-standards §2.6 "
    "checklist, §3.4 e). application.promised_days is in working days, counted like the "
    "statutory period from the actual or deemed acceptance, with the same exclusions; "
    "extensions do not lengthen a promise. A smaller deduction than LIC-DEC-001, which judges "
    "the statutory period separately.",
)
def decision_within_promise(case: CaseFile, ctx: CheckContext) -> Finding:
    """The decision came within the working days the agency promised."""
    app = case.application
    if app is None or app.promised_days is None:
        return ctx.not_applicable("案卷未记载承诺办理时限")
    decision = case.decision
    if decision is None or decision.date is None:
        return ctx.not_applicable("案卷尚无许可决定或未记载决定日期")
    if decision.on_the_spot:
        return ctx.not_applicable("当场作出许可决定")
    start = acceptance_start(case, ctx)
    if start.date is None:
        return ctx.needs_review("案卷未记载受理日期，无法核对承诺时限", "/acceptance/date")
    promised = app.promised_days
    usage = period_usage(case, start.date, decision.date)
    if usage.strict <= promised:
        return ctx.passed()
    start_label = start.label
    return _judge_period(
        ctx,
        usage,
        start.date,
        decision.date,
        promised,
        f"{start_label}{start.date.isoformat()}，承诺办理时限{promised}个工作日",
        "决定日",
        ("/decision/date", "/application/promised_days"),
        {
            "起算日": start.date.isoformat(),
            "承诺时限": promised,
            "决定日": decision.date.isoformat(),
        },
        certain=start.certain,
    )


@rule(
    id="LIC-DEC-003",
    title="延长决定期限经负责人批准并将理由告知申请人",
    category="licensing_procedure",
    dimension="quality",
    basis=[f"{_LAW}第四十二条第一款", f"{_LAW}第四十二条第二款"],
    deduction=2,
    recommendation="延长许可决定期限的，应当在期限届满前报经本行政机关负责人批准（统一、联合、集中办理的报本级人民政府负责人批准），"
    "延长不超过法定天数，并将延长期限的理由书面告知申请人。",
    applies_to=DECIDED_LATER,
    parameters=[P_DECISION, P_EXTENSION, P_JOINT, P_JOINT_EXTENSION, P_SUPPLEMENT],
    in_force_from=_IN_FORCE,
    prepare=_prepare_decision_periods,
    example="延期审批表由承办科室负责人签批，未告知申请人延期理由。",
    notes="Checks every recorded extension: approval by the agency head (an approver who is a "
    "listed officer without the head role or flag fails; an approver not in the officer list "
    "is accepted), approval before the original period ran out, reasons recorded and told to "
    "the applicant, total days within licensing.extension_days (joint: "
    "licensing.joint_extension_days). One occurrence per defective extension.",
)
def extension_lawful(case: CaseFile, ctx: CheckContext) -> Finding | list[Finding]:
    """Each extension of the decision period was approved in time by the head, reasoned and
    told to the applicant, and within the statutory length."""
    if not case.period_extensions:
        return ctx.not_applicable("案卷无延长决定期限")
    joint = case.procedure == "joint"
    base, max_ext = ctx.prepared.for_case(case)
    start = acceptance_start(case, ctx).date
    findings: list[Finding] = []
    total = 0
    for i, ext in enumerate(case.period_extensions):
        blocking, minor = _extension_problems(case, ext, start, base, joint)
        total += ext.days or 0
        problems = blocking + minor
        if problems:
            findings.append(
                ctx.fail(
                    "延长决定期限不规范：" + "；".join(problems),
                    f"/period_extensions/{i}",
                    values={
                        "延长天数": ext.days if ext.days is not None else "未记载",
                        "批准人": (ext.approval.approver if ext.approval else None) or "未记载",
                        "告知申请人日期": _iso(ext.applicant_told_date),
                    },
                )
            )
    if total > max_ext:
        findings.append(
            ctx.fail(
                f"决定期限共延长{total}个工作日，超过法定的{max_ext}个工作日",
                "/period_extensions",
                values={"延长天数合计": total, "法定可延长": max_ext},
            )
        )
    return findings or ctx.passed()


@rule(
    id="LIC-DEC-004",
    title="不计入期限的听证、检验、检测、鉴定、专家评审等时间书面告知申请人",
    category="licensing_procedure",
    dimension="quality",
    basis=[f"{_LAW}第四十五条"],
    deduction=2,
    recommendation="依法需要听证、招标、拍卖、检验、检测、检疫、鉴定和专家评审的，应当将所需时间书面告知申请人。",
    applies_to=LICENSING,
    in_force_from=_IN_FORCE,
    example="委托检测用时15个工作日，未书面告知申请人，也未在案卷中附告知书。",
    notes="自评表: special-procedure time notice, 3 points (domain-standards §2.6); §3.2 lists "
    "the written notice of excluded time in 程序与时限. notified_in_writing = false, or unknown "
    "with no excluded_time_notice document linked, is a fail: the file must show the written "
    "notice. LIC-DEC-001 never deducts time that was not told in writing.",
)
def excluded_time_notified(case: CaseFile, ctx: CheckContext) -> Finding | list[Finding]:
    """Each period left out of the time limits was told to the applicant in writing."""
    if not case.excluded_periods:
        return ctx.not_applicable("案卷无不计入期限的时间")
    findings = [
        ctx.fail(
            f"{EXCLUDED_TYPE_ZH.get(p.type, p.type)}所需时间（{_iso(p.start)}至{_iso(p.end)}）"
            "未见书面告知申请人",
            f"/excluded_periods/{i}",
            values={"类型": EXCLUDED_TYPE_ZH.get(p.type, p.type), "开始日期": _iso(p.start)},
        )
        for i, p in enumerate(case.excluded_periods)
        if not _notified_in_writing(case, p)
    ]
    return findings or ctx.passed()


@rule(
    id="LIC-DEC-005",
    title="不予许可决定说明理由并告知申请复议、提起诉讼的权利",
    category="licensing_procedure",
    dimension="quality",
    basis=[f"{_LAW}第三十八条第二款"],
    deduction=4,
    recommendation="作出不予行政许可决定的，应当在决定书中说明理由，并告知申请人享有依法申请行政复议或者提起行政诉讼的权利。",
    applies_to=DENIED,
    in_force_from=_IN_FORCE,
    example="不予许可决定书未写明不予许可的理由，也未告知复议、诉讼的途径和期限。",
    notes="Applies to deny and partial_grant (a partial grant refuses the rest). Reasons: "
    "decision.reasons. Remedies: decision.remedy must name a reconsideration route "
    "(body or period) and a litigation route (court or period). Not giving reasons is a breach "
    "listed in 第七十二条. The technical-standard statement of 第五十五条第三款 is not checked.",
)
def denial_reasons(case: CaseFile, ctx: CheckContext) -> Finding:
    """A refusal states reasons and tells the applicant of 复议 and 诉讼."""
    decision = case.decision
    if decision is None:  # applies_to already requires an outcome; kept for type narrowing
        return ctx.not_applicable("案卷尚无许可决定")
    problems: list[str] = []
    if _blank(decision.reasons):
        problems.append("未说明不予许可的理由")
    remedy = decision.remedy
    if remedy is None:
        problems.append("未告知申请行政复议或者提起行政诉讼的权利")
    else:
        if remedy.reconsideration_body is None and remedy.reconsideration_days is None:
            problems.append("未告知申请行政复议的权利")
        if remedy.court is None and remedy.litigation_months is None:
            problems.append("未告知提起行政诉讼的权利")
    if problems:
        what = OUTCOME_ZH.get(decision.outcome or "deny", "不予许可")
        return ctx.fail(
            f"{what}决定" + "，".join(problems),
            "/decision/reasons",
            "/decision/remedy",
            values={"决定结果": what, "决定日期": _iso(decision.date)},
            count=len(problems),
        )
    return ctx.passed()


@rule(
    id="LIC-DEC-006",
    title="作出准予许可决定后10个工作日内颁发、送达许可证件",
    category="licensing_procedure",
    dimension="quality",
    basis=[f"{_LAW}第四十四条", f"{_LAW}第四十五条", f"{_LAW}第八十二条"],
    deduction=3,
    recommendation="作出准予行政许可决定的，应当自作出决定之日起10个工作日内向申请人颁发、送达行政许可证件，并留存送达回证。",
    applies_to=GRANTED,
    parameters=[P_CERTIFICATE],
    in_force_from=_IN_FORCE,
    example="2025年1月24日作出准予许可决定，2月14日才颁发许可证（截止2月13日）。",
    notes="10 WD (第四十四条 + 第八十二条) from the decision date to the issue and the "
    "service of the certificate; the later of the two is judged, in one finding (service "
    "date from issuance.served_date, else the service record of the certificate document). "
    "第四十五条 excludes the same special-procedure time from this period (same section, "
    "第四章第三节). A grant with no issuance record is needs_review: some licences are given "
    "by label or seal instead of a certificate.",
)
def certificate_in_time(case: CaseFile, ctx: CheckContext) -> Finding:
    """The licence certificate was issued and served within 10 working days of the grant."""
    decision = case.decision
    if decision is None:  # applies_to already requires an outcome; kept for type narrowing
        return ctx.not_applicable("案卷尚无许可决定")
    iss = case.issuance
    if iss is None:
        return ctx.needs_review(
            "准予许可，但案卷未记载颁发、送达许可证件情况（无需颁发证件的请予注明）", "/issuance"
        )
    if decision.date is None:
        return ctx.needs_review("案卷未记载许可决定日期，无法核对颁证期限", "/decision/date")
    served = iss.served_date
    served_pointer = "/issuance/served_date"
    if served is None and iss.document:
        for i, s in enumerate(case.services):
            if s.document == iss.document and s.date is not None:
                served, served_pointer = s.date, f"/services/{i}/date"
                break
    # One defect, one finding: a late issue makes the service late too, so the later act
    # decides (service normally; the issue when no service is recorded).
    if served is not None and (iss.date is None or served >= iss.date):
        act, label, pointer = served, "送达许可证件日", served_pointer
    elif iss.date is not None:
        act, label, pointer = iss.date, "颁发许可证件日", "/issuance/date"
    else:
        return ctx.needs_review("案卷未记载许可证件颁发和送达日期", "/issuance")
    days = int(ctx.param(P_CERTIFICATE))
    usage = period_usage(case, decision.date, act)
    if usage.strict <= days:
        return ctx.passed()
    return _judge_period(
        ctx,
        usage,
        decision.date,
        act,
        days,
        f"决定日{decision.date.isoformat()}，颁发、送达许可证件期限{days}个工作日",
        label,
        (pointer, "/decision/date"),
        {
            "决定日": decision.date.isoformat(),
            "颁发日": _iso(iss.date),
            "送达日": _iso(served),
        },
    )


def _renewal_window(case: CaseFile, ctx: CheckContext, expiry: dt.date) -> tuple[dt.date, str]:
    """The last day the holder could apply for a renewal, and how the lead time reads."""
    days = _by_sector(ctx.param(P_RENEWAL), case)
    if _sector_value(ctx.param(P_RENEWAL_UNIT), case) == "working_days":
        return subtract_working_days(expiry, days), f"有效期届满{days}个工作日前"
    # Counted back like PA-03 step 5 (the expiry day not counted). No rest-day shift: 民法典
    # 第二百零三条 moves the last day of a forward period, and moving this day later would cut
    # the agency's time; an earlier day only makes more applications late, which excuses the
    # agency, so the rule stays on the safe side.
    return expiry - dt.timedelta(days=days), f"有效期届满{days}日前"


@rule(
    id="LIC-DEC-007",
    title="延续申请在原许可有效期届满前作出决定，逾期视为准予延续",
    category="licensing_procedure",
    dimension="quality",
    basis=[f"{_LAW}第五十条第一款", f"{_LAW}第五十条第二款"],
    deduction=3,
    recommendation="被许可人依法提前申请延续的，应当在该行政许可有效期届满前作出是否准予延续的决定；"
    "逾期未作决定的，依法视为准予延续，不得再作出不予延续决定，确需撤销或者注销的，应当依照行政许可法"
    "第六十九条、第七十条规定的条件和程序办理。",
    applies_to=LICENSING,
    parameters=[P_RENEWAL, P_RENEWAL_UNIT],
    in_force_from=_IN_FORCE,
    example="原许可有效期至2025年6月30日，被许可人5月20日申请延续，行政机关7月8日才作出不予延续决定。",
    notes="Renewal applications only (application.type = renewal). 第五十条第一款: the holder "
    "applies 30 days before expiry unless laws, regulations or rules say otherwise "
    "(licensing.renewal_application_days, by sector); 第五十条第二款: the agency decides before "
    "expiry, else the renewal is deemed granted. The holder's 30 days are calendar days "
    "(statutory-rules AL-11, unverified): 第八十二条 covers the agency's periods, and rules that "
    "mean working days say so (食品经营许可管理办法 2015 第二十九条: 届满30个工作日前), for which "
    "licensing.renewal_application_unit = working_days. Latest application day = expiry minus the "
    "lead time, the expiry day not counted, no rest-day shift. A decision on the expiry day (the "
    "last day of validity) is in time. Decision after expiry on a timely application: one fail "
    "(late decision). Legal review 2025 (§3.10), decided: a denial or partial grant after expiry "
    "stays in that one finding (the message adds that the agency still refused although the law "
    "had deemed the renewal granted; to end it the agency must revoke or cancel under "
    "第六十九条/第七十条). Both follow from one fact, the missed deadline, and standards deduct "
    "per defect; the refusal's merits are for the reviewer under LIC-REV-004, whose prompt lists "
    "the refusal after expiry. A late application is the holder's failing, not the agency's: the "
    "lead time exists so the agency can decide before expiry, and secondary sources read a late "
    "application as not binding the agency to it — not_applicable when the decision came after "
    "expiry, a noted pass when it came before. Application date unknown, corrections completed "
    "after the latest application day, an application after expiry (the licence had lapsed: 注销, "
    "第七十条第（一）项), a renewal file without a decision past expiry, or no expiry date "
    "recorded: needs_review. LIC-DEC-001 still judges the 20-working-day period of 第四十二条.",
)
def renewal_decided_before_expiry(case: CaseFile, ctx: CheckContext) -> Finding:
    """A timely renewal was decided before expiry; a renewal deemed granted was not refused."""
    app = case.application
    if app is None or app.type != "renewal":
        return ctx.not_applicable("非延续申请")
    acc = case.acceptance
    if acc is not None and acc.outcome not in (None, "accepted"):
        return ctx.not_applicable("延续申请未予受理")
    expiry = app.previous_licence_expiry
    if expiry is None:
        return ctx.needs_review(
            "延续申请，案卷未记载原许可有效期届满日，无法核对是否在有效期届满前作出决定",
            "/application/previous_licence_expiry",
        )
    decision = case.decision
    if decision is None or decision.outcome is None:
        if ctx.as_of > expiry:
            return ctx.needs_review(
                f"原许可有效期已于{expiry.isoformat()}届满，案卷未见延续决定；被许可人依法提前申请的，"
                "逾期未作决定视为准予延续，需人工核对",
                "/decision",
                "/application/previous_licence_expiry",
            )
        return ctx.not_applicable("案卷尚无延续决定")
    decided = decision.date
    if decided is None:
        return ctx.needs_review(
            "案卷未记载延续决定日期，无法核对是否在原许可有效期届满前作出", "/decision/date"
        )
    applied = app.date
    pointers = ("/decision/date", "/application/previous_licence_expiry", "/application/date")
    if applied is not None and applied > expiry:
        return ctx.needs_review(
            f"延续申请日{applied.isoformat()}晚于原许可有效期届满日{expiry.isoformat()}，"
            "原许可已届满（依法应当办理注销，行政许可法第七十条第（一）项），需人工核对按延续办理是否合法",
            *pointers,
        )
    latest, window = _renewal_window(case, ctx, expiry)
    values: dict[str, Any] = {
        "原许可有效期届满日": expiry.isoformat(),
        "延续申请日": _iso(applied),
        "最迟申请日": latest.isoformat(),
        "决定日": decided.isoformat(),
        "决定结果": OUTCOME_ZH.get(decision.outcome, decision.outcome),
    }
    head = (
        f"原许可有效期届满日{expiry.isoformat()}，应于{window}（不晚于{latest.isoformat()}）"
        f"申请延续，延续申请日{_iso(applied)}"
    )
    late_application = applied is not None and applied > latest
    if decided <= expiry:
        if late_application:
            return ctx.passed(
                f"{head}，被许可人逾期申请；延续决定日{decided.isoformat()}在有效期届满前",
                *pointers,
                values=values,
            )
        return ctx.passed()
    if applied is None:
        return ctx.needs_review(
            f"{head}；延续决定日{decided.isoformat()}晚于有效期届满日，"
            "无法判断被许可人是否依法提前申请，需人工核对",
            *pointers,
            values=values,
        )
    if late_application:
        return ctx.not_applicable(
            f"{head}，被许可人未依法提前申请；延续决定日{decided.isoformat()}晚于有效期届满日，"
            "不属于行政机关未在期限内作出决定"
        )
    completed = max((c.completed_date for c in case.corrections if c.completed_date), default=None)
    if completed is not None and completed > latest:
        return ctx.needs_review(
            f"{head}，补正材料齐全日{completed.isoformat()}晚于最迟申请日；延续决定日"
            f"{decided.isoformat()}晚于有效期届满日，需人工核对申请是否依法提前提出",
            *pointers,
            "/corrections",
            values=values,
        )
    deemed = (expiry + _ONE_DAY).isoformat()
    message = (
        f"{head}，延续决定日{decided.isoformat()}，未在原许可有效期届满前作出是否准予延续的决定"
        f"（依法自{deemed}起视为准予延续）"
    )
    if decision.outcome in ("deny", "partial_grant"):
        # One late decision, one finding: the refusal is unlawful only because the deadline was
        # missed. Whether the refusal was right on the merits is LIC-REV-004's (manual) call.
        message += f"，仍作出{_RENEWAL_REFUSAL[decision.outcome]}决定"
        pointers = (*pointers, "/decision/outcome")
    return ctx.fail(message, *pointers, values=values)


# ----------------------------------------------------------------------------- fees


@rule(
    id="LIC-FEE-001",
    title="收取费用有法律、行政法规依据",
    category="licensing_procedure",
    dimension="quality",
    basis=[f"{_LAW}第五十八条第一款", f"{_LAW}第五十九条"],
    deduction=5,
    veto=True,
    recommendation="实施行政许可不得收取任何费用，法律、行政法规另有规定的除外；依法收费的，应当按照公布的法定项目和标准收取。",
    applies_to=LICENSING,
    in_force_from=_IN_FORCE,
    example="依据某市物价局文件收取“许可证工本费”50元。",
    notes="Veto per domain-standards §2.8/§3.2 (fees charged without legal basis). Only a law or "
    "an administrative regulation may authorise a fee (第五十八条第一款): local regulations, "
    "local rules and normative documents fail; a basis of 规定/办法 whose issuer cannot be told "
    "from the title (a State Council regulation or a departmental rule) is needs_review, as is "
    "a basis text with no recognisable title. An empty basis fails. Legal review 2025 (§1.5): a "
    "国务院决定 is not a 行政法规 — the Licensing Law names them separately (第十四条第二款 lets a "
    "State Council decision create a licence, 第五十八条第一款 lets only 法律、行政法规 provide "
    "for fees) — so a basis of State Council instruments alone (titles starting with 国务院 that "
    "are not named 条例) is needs_review, not pass: some State Council regulations are titled "
    "国务院关于…的规定, which the title cannot tell from a decision, so the rule does not fail "
    "them either. Lawful receipts (安徽) and the published rate (第五十九条) are not modelled "
    "beyond fees.receipt and not checked.",
)
def fee_has_basis(case: CaseFile, ctx: CheckContext) -> Finding:
    """A fee is charged only on the basis of a law or administrative regulation."""
    fee = case.fees
    if fee is None or not fee.charged:
        return ctx.not_applicable("未收取费用")
    amount = f"{fee.amount:g}元" if fee.amount is not None else "（金额未记载）"
    if _blank(fee.basis):
        return ctx.fail(
            f"收取费用{amount}，未载明法律、行政法规依据",
            "/fees/basis",
            values={"收费金额": fee.amount, "收费依据": "未记载"},
        )
    basis = fee.basis or ""
    cites = parse_citations(basis)
    kinds = {c.law: instrument_kind(c.law) for c in cites}
    values = {"收费金额": fee.amount, "收费依据": basis}
    if any(k in ("law", "regulation") for k in kinds.values()):
        return ctx.passed()
    council = [law for law, k in kinds.items() if k == "state_council"]
    if council:
        laws = "、".join(f"《{law}》" for law in council)
        return ctx.needs_review(
            f"收取费用{amount}，收费依据仅见{laws}：国务院决定不属于法律、行政法规（行政许可法第十四条"
            "第二款、第五十八条第一款），不能作为收费依据，需人工核对该文件是否为行政法规或收费是否另有"
            "法律、行政法规依据",
            "/fees/basis",
            values=values,
        )
    if kinds and all(k in ("local_regulation", "local_rule", "normative") for k in kinds.values()):
        laws = "、".join(f"《{law}》" for law in kinds)
        return ctx.fail(
            f"收取费用{amount}，依据{laws}不是法律、行政法规",
            "/fees/basis",
            values=values,
        )
    return ctx.needs_review(
        f"收取费用{amount}，收费依据“{basis}”不能确定为法律或行政法规，需人工核对",
        "/fees/basis",
        values=values,
    )


# ----------------------------------------------------------------------------- hearings


def _hearing_required(case: CaseFile) -> bool:
    """Whether 第四十六条 may call for a hearing: required by law, a public-interest matter, or
    one the agency judged to need a hearing."""
    h = case.hearing
    return h is not None and (
        h.required_by_law is True or h.public_interest is True or h.agency_deemed_needed is True
    )


def _hearing_duty(case: CaseFile) -> bool:
    """Whether 第四十六条 certainly obliges the agency to announce and hold a hearing: a law
    requires one, or the agency itself judged one needed (行政机关认为需要听证的)."""
    h = case.hearing
    return h is not None and (h.required_by_law is True or h.agency_deemed_needed is True)


def _hearing_held(case: CaseFile) -> bool | None:
    h = case.hearing
    if h is None:
        return None
    if h.held is not None:
        return h.held
    if h.date is not None or h.record is not None:
        return True
    return None


@rule(
    id="LIC-HEAR-001",
    title="依法应当听证的许可事项举行听证",
    category="licensing_procedure",
    dimension="quality",
    basis=[f"{_LAW}第四十六条"],
    deduction=10,
    veto=True,
    recommendation="法律、法规、规章规定实施行政许可应当听证的事项，以及行政机关认为需要听证的涉及公共利益的重大许可事项，"
    "应当向社会公告并举行听证。",
    applies_to=LICENSING,
    in_force_from=_IN_FORCE,
    example="规章规定应当听证的许可事项，未举行听证即作出准予许可决定。",
    notes="Veto: not holding a hearing the law requires is skipping a statutory step "
    "(安徽 程序合法) and a breach listed in 第七十二条 (domain-standards §2.8). "
    "For matters of public interest the agency decides whether a hearing is needed "
    "(行政机关认为需要). Once it has so decided (hearing.agency_deemed_needed = true), "
    "第四十六条 says it 应当 announce and hold the hearing, so not holding it fails like a hearing "
    "required by law. agency_deemed_needed = false on a public-interest matter is the agency's "
    "discretionary judgment: not_applicable. Public interest with the judgment unrecorded and no "
    "hearing: needs_review. A hearing due but not recorded as held or not held: needs_review.",
)
def statutory_hearing_held(case: CaseFile, ctx: CheckContext) -> Finding:
    """A hearing required by law or judged needed by the agency (第四十六条) was held."""
    if not _hearing_required(case):
        return ctx.not_applicable("非依法应当听证的许可事项")
    h = case.hearing
    if h is None:  # _hearing_required checked it; kept for type narrowing
        return ctx.not_applicable("未记载听证")
    held = _hearing_held(case)
    if held:
        return ctx.passed()
    if _hearing_duty(case):
        why = "依法应当听证" if h.required_by_law else "行政机关认为需要听证"
        pointer = (
            "/hearing/required_by_law" if h.required_by_law else "/hearing/agency_deemed_needed"
        )
        if held is False:
            return ctx.fail(
                f"该许可事项{why}，未举行听证",
                pointer,
                "/hearing/held",
                values={"听证事由": why, "已举行": "否"},
            )
        return ctx.needs_review(f"该许可事项{why}，案卷未记载是否举行听证", "/hearing/held")
    if h.agency_deemed_needed is False:
        return ctx.not_applicable("涉及公共利益的重大事项，行政机关认为不需要听证")
    return ctx.needs_review(
        "许可事项涉及公共利益的重大事项，未举行听证，案卷未记载行政机关是否认为需要听证，需人工核对",
        "/hearing/public_interest",
        "/hearing/agency_deemed_needed",
    )


@rule(
    id="LIC-HEAR-002",
    title="依职权听证的事项向社会公告",
    category="licensing_procedure",
    dimension="quality",
    basis=[f"{_LAW}第四十六条", f"{_LAW}第四十八条第一款第（一）项"],
    deduction=2,
    recommendation="依法应当听证或者涉及公共利益需要听证的许可事项，应当向社会公告听证事项、时间和地点。",
    applies_to=LICENSING,
    in_force_from=_IN_FORCE,
    example="涉及公共利益的许可事项举行了听证，但未向社会公告。",
    notes="Applies to 第四十六条 hearings: required by law or judged needed by the agency "
    "(hearing.agency_deemed_needed = true) — held or not — and public-interest hearings that "
    "were held, unless the agency recorded that it did not deem a hearing needed (then the "
    "hearing is not a 第四十六条 one). announced_publicly = false is a fail; not recorded but a "
    "hearing_announcement document in the file counts as announced. Neither, for a hearing the "
    "law or the agency's own judgment made due: fail (the file must hold the 听证公告, as with "
    "the other notices this plugin looks for); for a public-interest hearing without the "
    "agency's judgment recorded: needs_review.",
)
def hearing_announced(case: CaseFile, ctx: CheckContext) -> Finding:
    """A 第四十六条 hearing was announced to the public."""
    if not _hearing_required(case):
        return ctx.not_applicable("非依职权听证的许可事项")
    h = case.hearing
    if h is None:  # _hearing_required checked it; kept for type narrowing
        return ctx.not_applicable("未记载听证")
    duty = _hearing_duty(case)
    if not duty:
        if h.agency_deemed_needed is False:
            return ctx.not_applicable("行政机关认为不需要依职权听证")
        if not _hearing_held(case):
            return ctx.not_applicable("未举行听证")
    if h.announced_publicly is True or (
        h.announced_publicly is None and case.documents_of("hearing_announcement")
    ):
        return ctx.passed()
    why = "依法应当听证" if h.required_by_law else "行政机关认为需要听证"
    if h.announced_publicly is False:
        return ctx.fail(
            f"{why if duty else '依职权举行听证'}的许可事项未向社会公告",
            "/hearing/announced_publicly",
            values={"向社会公告": "否"},
        )
    if duty:
        return ctx.fail(
            f"{why}的许可事项，案卷未见向社会公告的记载或听证公告",
            "/hearing/announced_publicly",
            values={"听证事由": why, "向社会公告": "未记载"},
        )
    return ctx.needs_review("案卷未记载听证事项是否向社会公告", "/hearing/announced_publicly")


@rule(
    id="LIC-HEAR-003",
    title="许可直接涉及申请人与他人重大利益关系的，告知听证权利",
    category="licensing_procedure",
    dimension="quality",
    basis=[f"{_LAW}第四十七条第一款"],
    deduction=10,
    veto=True,
    recommendation="行政许可直接涉及申请人与他人之间重大利益关系的，应当在作出决定前告知申请人、利害关系人享有要求听证的权利。",
    applies_to=LICENSING,
    in_force_from=_IN_FORCE,
    example="许可事项涉及相邻居民重大利益，作出决定前未告知申请人和利害关系人有权要求听证。",
    notes="Veto per domain-standards §3.2 (hearing right denied). Triggered by "
    "interested_parties.exist = true (the model records 第三十六条's 'directly concerns others' "
    "major interests', the same trigger as 第四十七条). The notice is hearing.right_notified_date, "
    "else the date of a hearing_right_notice document; none at all is a fail (the file must "
    "show the notice); a notice after the decision is a fail. When the interested parties were "
    "told nothing at all, this rule alone scores it: LIC-REV-003 stands aside (legal review "
    "2025 §3.8).",
)
def hearing_right_told(case: CaseFile, ctx: CheckContext) -> Finding:
    """The applicant and interested parties were told of the right to a hearing in time."""
    ip = case.interested_parties
    if ip is None or ip.exist is not True:
        return ctx.not_applicable("许可未记载直接涉及申请人与他人之间的重大利益关系")
    told = case.hearing.right_notified_date if case.hearing else None
    pointer = "/hearing/right_notified_date"
    if told is None:
        docs = case.documents_of("hearing_right_notice")
        dated = [d for d in docs if d.date]
        if dated:
            first = min(dated, key=lambda d: d.date or dt.date.max)
            told, pointer = first.date, _doc_pointer(case, first.id)
        elif docs:
            return ctx.needs_review(
                "案卷有听证权利告知书但未记载告知日期", _doc_pointer(case, docs[0].id)
            )
    decided = case.decision.date if case.decision else None
    if told is None:
        return ctx.fail(
            "许可直接涉及申请人与他人之间重大利益关系，未告知申请人、利害关系人享有要求听证的权利",
            pointer,
            "/interested_parties/exist",
            values={"存在重大利益关系人": "是", "告知听证权利日期": "未记载"},
        )
    if decided is not None and told > decided:
        return ctx.fail(
            f"告知听证权利日期{told.isoformat()}晚于许可决定日{decided.isoformat()}",
            pointer,
            "/decision/date",
            values={"告知听证权利日期": told.isoformat(), "决定日": decided.isoformat()},
        )
    return ctx.passed()


class _RequestTiming(NamedTuple):
    timely_both: bool  # within the period under the calendar-day and the working-day reading
    late_both: bool
    cd_deadline: dt.date
    wd_deadline: dt.date


def _request_timing(told: dt.date, requested: dt.date, days: int) -> _RequestTiming:
    cd = add_calendar_days(told, days)
    wd = add_working_days(told, days)
    early, late = min(cd, wd), max(cd, wd)
    return _RequestTiming(requested <= early, requested > late, cd, wd)


@rule(
    id="LIC-HEAR-004",
    title="申请人、利害关系人依法申请听证的，组织听证",
    category="licensing_procedure",
    dimension="quality",
    basis=[f"{_LAW}第四十七条第一款"],
    deduction=10,
    veto=True,
    recommendation="申请人、利害关系人在被告知听证权利之日起5日内提出听证申请的，应当组织听证，不得拒绝。",
    applies_to=LICENSING,
    parameters=[P_HEARING_REQUEST],
    in_force_from=_IN_FORCE,
    example="2025年1月24日告知听证权利，申请人2月5日提出听证申请，行政机关以逾期为由未组织听证。",
    notes="Veto per domain-standards §3.2 (hearing refused). Whether the applicant's 5 days are "
    "working days is unsettled (第八十二条 speaks of the agency's periods; statutory-rules AL-07 "
    "and §8 item 7, unverified; Q&A sources read every Licensing Law period as working days, "
    "the text does not say so). Decision: compute both readings (calendar days with the "
    "rest-day shift of 民法典第二百零三条, and working days). A request timely under both and "
    "not heard fails; timely only under the working-day reading: needs_review; late under "
    "both: the refusal is lawful (pass). A request posted by mail counts from the posting date "
    "(hearing.request_date).",
)
def requested_hearing_held(case: CaseFile, ctx: CheckContext) -> Finding:
    """A hearing requested in time was held."""
    h = case.hearing
    if h is None or h.requested is not True:
        return ctx.not_applicable("未申请听证")
    if h.waived:
        return ctx.not_applicable("申请人放弃听证")
    if _hearing_held(case):
        return ctx.passed()
    days = int(ctx.param(P_HEARING_REQUEST))
    if h.right_notified_date is None or h.request_date is None:
        return ctx.needs_review(
            "申请人、利害关系人申请听证但未举行听证，案卷未记载告知日期或申请日期，需人工核对申请是否逾期",
            "/hearing/request_date",
            "/hearing/right_notified_date",
        )
    timing = _request_timing(h.right_notified_date, h.request_date, days)
    values = {
        "告知听证权利日期": h.right_notified_date.isoformat(),
        "申请听证日期": h.request_date.isoformat(),
        "按自然日截止": timing.cd_deadline.isoformat(),
        "按工作日截止": timing.wd_deadline.isoformat(),
    }
    head = (
        f"{h.right_notified_date.isoformat()}告知听证权利，{h.request_date.isoformat()}申请听证"
        f"（{days}日按自然日截止{timing.cd_deadline.isoformat()}，"
        f"按工作日截止{timing.wd_deadline.isoformat()}）"
    )
    pointers = ("/hearing/requested", "/hearing/held", "/hearing/request_date")
    if timing.late_both:
        return ctx.passed(f"{head}，申请已逾期，未组织听证不违法", *pointers, values=values)
    if timing.timely_both:
        return ctx.fail(f"{head}，申请未逾期，未组织听证", *pointers, values=values)
    return ctx.needs_review(
        f"{head}，仅按工作日计算未逾期，未组织听证，需人工核对申请期限的计算方式",
        *pointers,
        values=values,
    )


@rule(
    id="LIC-HEAR-005",
    title="收到听证申请后20个工作日内组织听证",
    category="licensing_procedure",
    dimension="quality",
    basis=[f"{_LAW}第四十七条第一款", f"{_LAW}第八十二条"],
    deduction=2,
    recommendation="申请人、利害关系人依法申请听证的，应当在20个工作日内组织听证。",
    applies_to=LICENSING,
    parameters=[P_HEARING_ORGANISE],
    in_force_from=_IN_FORCE,
    example="2025年9月25日申请听证，10月30日才举行听证（截止10月29日）。",
    notes="20 WD (agency period, 第八十二条) from the request date to the hearing date: the rule "
    "reads 组织听证 as holding it (statutory-rules AL-07). Hearings not held are LIC-HEAR-004's.",
)
def hearing_organised_in_time(case: CaseFile, ctx: CheckContext) -> Finding:
    """A requested hearing was held within 20 working days of the request."""
    h = case.hearing
    if h is None or h.requested is not True or not _hearing_held(case):
        return ctx.not_applicable("未依申请举行听证")
    if h.request_date is None or h.date is None:
        return ctx.needs_review(
            "案卷未记载听证申请日期或听证日期，无法核对组织听证期限",
            "/hearing/request_date",
            "/hearing/date",
        )
    days = int(ctx.param(P_HEARING_ORGANISE))
    check = deadline_check(h.request_date, h.date, _wd(days))
    if check.met:
        return ctx.passed()
    return ctx.fail(
        check.describe("申请听证日", "举行听证日"),
        "/hearing/date",
        "/hearing/request_date",
        values={
            "申请听证日": h.request_date.isoformat(),
            "截止日期": check.deadline.isoformat(),
            "听证日": h.date.isoformat(),
        },
    )


@rule(
    id="LIC-HEAR-006",
    title="举行听证7个工作日前通知听证时间、地点",
    category="licensing_procedure",
    dimension="quality",
    basis=[f"{_LAW}第四十八条第一款第（一）项", f"{_LAW}第八十二条"],
    deduction=2,
    recommendation="应当于举行听证的7个工作日前将听证的时间、地点通知申请人、利害关系人，必要时予以公告。",
    applies_to=LICENSING,
    parameters=[P_HEARING_NOTICE],
    in_force_from=_IN_FORCE,
    example="2025年10月13日举行听证，9月29日才送达听证通知（应不晚于9月26日）。",
    notes="7 WD (第八十二条) counted backwards from the hearing, the hearing day not counted "
    "(statutory-rules §7 PA-03 step 5): the notice must be served on or before "
    "subtract_working_days(hearing date, 7). The notice date is hearing.notice_date, else the "
    "date of a hearing_notice or hearing_announcement document; no notice at all is a fail.",
)
def hearing_notice_in_time(case: CaseFile, ctx: CheckContext) -> Finding:
    """The hearing's time and place were notified at least 7 working days before."""
    h = case.hearing
    if h is None or not _hearing_held(case):
        return ctx.not_applicable("未举行听证")
    if h.date is None:
        return ctx.needs_review("案卷未记载听证日期，无法核对通知期限", "/hearing/date")
    notice, pointer = h.notice_date, "/hearing/notice_date"
    if notice is None:
        docs = [d for d in case.documents_of("hearing_notice", "hearing_announcement") if d.date]
        if docs:
            first = min(docs, key=lambda d: d.date or dt.date.max)
            notice, pointer = first.date, _doc_pointer(case, first.id)
    if notice is None:
        return ctx.fail(
            f"{h.date.isoformat()}举行听证，案卷未见听证通知",
            "/hearing/notice_date",
            values={"听证日期": h.date.isoformat()},
        )
    days = int(ctx.param(P_HEARING_NOTICE))
    latest = subtract_working_days(h.date, days)
    if notice <= latest:
        return ctx.passed()
    return ctx.fail(
        f"听证日{h.date.isoformat()}，应于{days}个工作日前（不晚于{latest.isoformat()}）通知，"
        f"实际通知日{notice.isoformat()}",
        pointer,
        "/hearing/date",
        values={
            "听证日": h.date.isoformat(),
            "最迟通知日": latest.isoformat(),
            "实际通知日": notice.isoformat(),
        },
    )


def _reviewers(case: CaseFile) -> set[str]:
    """Ids of the staff who reviewed the application."""
    ids: set[str] = {o.id for o in case.officers if "licensing_reviewer" in o.roles}
    for v in case.verifications:
        ids.update(v.staff or _record_officers(case, v.document))
    for doc in case.documents_of("licensing_decision_approval", "verification_record"):
        ids.update(doc.officers)
    return ids


@rule(
    id="LIC-HEAR-007",
    title="听证主持人由审查该申请的工作人员以外的人员担任",
    category="licensing_procedure",
    dimension="quality",
    basis=[f"{_LAW}第四十八条第一款第（三）项"],
    deduction=3,
    recommendation="应当指定审查该行政许可申请的工作人员以外的人员为听证主持人。",
    applies_to=LICENSING,
    in_force_from=_IN_FORCE,
    example="负责现场核查的工作人员同时担任听证主持人。",
    notes="Reviewers = officers with the licensing_reviewer role, verification staff and the "
    "signatories of the verification records and the decision approval form. A presiding "
    "officer among them fails; none recorded is needs_review.",
)
def presiding_officer_independent(case: CaseFile, ctx: CheckContext) -> Finding:
    """The presiding officer did not review the application."""
    h = case.hearing
    if h is None or not _hearing_held(case):
        return ctx.not_applicable("未举行听证")
    if h.presiding_officer is None:
        return ctx.needs_review("案卷未记载听证主持人", "/hearing/presiding_officer")
    if h.presiding_officer in _reviewers(case):
        name = _officer_name(case, h.presiding_officer)
        return ctx.fail(
            f"听证主持人{name}系审查该行政许可申请的工作人员",
            "/hearing/presiding_officer",
            values={"听证主持人": name},
        )
    return ctx.passed()


@rule(
    id="LIC-HEAR-008",
    title="听证制作笔录并经参加人签字，根据听证笔录作出决定",
    category="licensing_procedure",
    dimension="quality",
    basis=[f"{_LAW}第四十八条第一款第（五）项", f"{_LAW}第四十八条第二款"],
    deduction=3,
    recommendation="听证应当制作笔录，交听证参加人确认无误后签字或者盖章；行政机关应当根据听证笔录作出行政许可决定。",
    applies_to=LICENSING,
    in_force_from=_IN_FORCE,
    example="案卷中无听证笔录，许可决定日期早于听证日期。",
    notes="Machine-checkable part of 'decide according to the record': a record is in the file, "
    "the participants signed it (party_signed not false), and the decision is not dated before "
    "the hearing. Whether the decision actually follows the record is a reviewer's call "
    "(LIC-REV-004).",
)
def decision_on_record(case: CaseFile, ctx: CheckContext) -> Finding:
    """A held hearing has a signed record and the decision came after the hearing."""
    h = case.hearing
    if h is None or not _hearing_held(case):
        return ctx.not_applicable("未举行听证")
    problems: list[str] = []
    record: Document | None = case.document(h.record)
    if record is None:
        docs = case.documents_of("hearing_record")
        record = docs[0] if docs else None
    if record is None:
        problems.append("案卷未见听证笔录")
    elif record.party_signed is False:
        problems.append("听证笔录未经听证参加人签字或者盖章")
    decided = case.decision.date if case.decision else None
    if decided is not None and h.date is not None and decided < h.date:
        problems.append(f"许可决定日{decided.isoformat()}早于听证日{h.date.isoformat()}")
    if problems:
        return ctx.fail(
            "；".join(problems),
            "/hearing/record",
            "/decision/date",
            values={"听证日": _iso(h.date), "决定日": _iso(decided)},
            count=len(problems),
        )
    return ctx.passed()


# ----------------------------------------------------------------------------- documents


@rule(
    id="LIC-DOC-001",
    title="行政许可决定以书面形式作出并加盖印章",
    category="documents",
    dimension="quality",
    basis=[f"{_LAW}第三十八条", f"{_LAW}第三十四条第二款"],
    deduction=3,
    recommendation="准予或者不予行政许可均应当作出书面决定，决定书应当载明决定内容和日期并加盖本行政机关印章。",
    applies_to=LICENSING,
    in_force_from=_IN_FORCE,
    example="案卷中仅有审批表，无准予行政许可决定书；或决定书未加盖印章。",
    notes="The Law requires written decisions (第三十八条; on the spot 第三十四条第二款); the seal "
    "and date follow from the decision being the agency's document and are scored by the "
    "standards (南京 2010; the anonymous checklist: 决定书应注明…时间并加盖公章, domain-standards "
    "§2.6). Checks: a decision document is in the file and of the kind matching the outcome, "
    "sealed (decision.sealed or the document's sealed; both unknown: needs_review).",
)
def decision_written_sealed(case: CaseFile, ctx: CheckContext) -> Finding:
    """The decision is a written document of the matching kind, sealed."""
    decision = case.decision
    if decision is None or decision.outcome is None:
        return ctx.not_applicable("案卷尚无许可决定")
    doc = case.document(decision.document)
    what = "不予行政许可决定书" if decision.outcome == "deny" else "准予行政许可决定书"
    if doc is None:
        missing = f"（{decision.document}不在案卷文书中）" if decision.document else ""
        return ctx.fail(
            f"案卷未见书面的{what}{missing}",
            "/decision/document",
            values={"决定结果": OUTCOME_ZH.get(decision.outcome, decision.outcome)},
        )
    problems: list[str] = []
    expected = "denial_decision" if decision.outcome == "deny" else "grant_decision"
    if (
        doc.type in DECISION_DOCUMENTS
        and doc.type != expected
        and decision.outcome != "partial_grant"
    ):
        problems.append(f"决定结果为{OUTCOME_ZH[decision.outcome]}，决定书种类不一致")
    elif doc.type not in DECISION_DOCUMENTS:
        problems.append(f"决定文书（{doc.title or doc.type}）不是行政许可决定书")
    if decision.sealed is False or doc.sealed is False:
        problems.append(f"{what}未加盖印章")
    if problems:
        return ctx.fail(
            "；".join(problems),
            _doc_pointer(case, doc.id),
            "/decision/sealed",
            values={"文书": what},
        )
    if decision.sealed is None and doc.sealed is None:
        return ctx.needs_review(
            f"案卷未记载{what}是否加盖印章", _doc_pointer(case, doc.id) + "/sealed"
        )
    return ctx.passed()


@rule(
    id="LIC-DOC-002",
    title="行政许可证件加盖本行政机关印章",
    category="documents",
    dimension="quality",
    basis=[f"{_LAW}第三十九条第一款"],
    deduction=2,
    recommendation="颁发的行政许可证件应当加盖本行政机关印章。",
    applies_to=GRANTED,
    in_force_from=_IN_FORCE,
    example="颁发的许可证未加盖发证机关印章。",
    notes="Applies when an issuance is recorded. issuance.sealed or the certificate document's "
    "sealed = false fails; both unknown is needs_review.",
)
def certificate_sealed(case: CaseFile, ctx: CheckContext) -> Finding:
    """The licence certificate bears the agency's seal."""
    iss = case.issuance
    if iss is None:
        return ctx.not_applicable("案卷未记载颁发许可证件")
    doc = case.document(iss.document)
    if iss.sealed is False or (doc is not None and doc.sealed is False):
        return ctx.fail(
            f"许可证件{iss.certificate_no or ''}未加盖本行政机关印章",
            "/issuance/sealed",
            *((_doc_pointer(case, doc.id),) if doc is not None else ()),
            values={"证件编号": iss.certificate_no or "未记载"},
        )
    if iss.sealed is None and (doc is None or doc.sealed is None):
        return ctx.needs_review("案卷未记载许可证件是否加盖印章", "/issuance/sealed")
    return ctx.passed()


# ----------------------------------------------------------------------------- registration

RULES = (
    item_lawfully_created,
    agency_has_power,
    verification_staff_certified,
    basis_in_force,
    basis_cited_fully,
    verification_two_staff,
    inspection_in_time,
    interested_parties_heard,
    conditions_met,
    acceptance_in_time,
    one_time_correction,
    acceptance_receipt,
    refusal_reasons,
    decision_in_time,
    decision_within_promise,
    extension_lawful,
    excluded_time_notified,
    denial_reasons,
    certificate_in_time,
    renewal_decided_before_expiry,
    fee_has_basis,
    statutory_hearing_held,
    hearing_announced,
    hearing_right_told,
    requested_hearing_held,
    hearing_organised_in_time,
    hearing_notice_in_time,
    presiding_officer_independent,
    decision_on_record,
    decision_written_sealed,
    certificate_sealed,
)


@hookimpl
def casefile_eval_rules() -> Iterable[Any]:
    return RULES
