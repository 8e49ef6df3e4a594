"""Rubric plugin ``procedure``: 执法程序 of administrative penalty files (category ``procedure``).

Rules ``PEN-PROC-001`` … ``PEN-PROC-038`` check that the steps of a penalty case happened, in a
possible order and within their periods: 立案, 告知权利 at the first collection of evidence,
事先告知 and the reply period, 陈述申辩 and 复核, 听证 (presiding officer, record), 集体讨论, the
90-day decision period, service of the decision, the simple procedure, the limitation period
(PEN-PROC-026, scored under 法律适用 because §3.1 classes it as a merits veto), 先行登记保存 and
查封扣押, payment of fines, the late-payment surcharge and applications for court enforcement.

Legal sources: ``shared/domain/statutory-rules.md`` (AP-*, AC-*, SR-*, §6.2, §7) and
``shared/domain/domain-standards.md`` (§1.10 deductions, §3.1 vetoes, §3.4–§3.5 parameters).
Decisions on points the sources leave open are recorded in each rule's ``notes`` and in
``docs/rubrics/procedure.md``.

Periods are computed with :mod:`casefile_eval.calendar` (trigger day not counted; working days
on the official calendar with make-up workdays). Each check does only dictionary look-ups and
date arithmetic on the hot path; constant tables are built at import.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from typing import Any, NamedTuple, get_args

from casefile_eval.calendar import (
    add_calendar_days,
    add_months,
    add_working_days,
    add_years,
    subtract_working_days,
)
from casefile_eval.model import CaseFile, CompulsoryMeasure, Document, Officer, PenaltyItem
from casefile_eval.model.vocab import (
    DOCUMENT_TYPE_ZH,
    EXCLUDED_TYPE_ZH,
    MEASURE_TYPE_ZH,
    PENALTY_TYPE_ZH,
    SERVICE_METHOD_ZH,
    Sector,
)
from casefile_eval.plugins import AppliesTo, CheckContext, Finding, Parameter, hookimpl, rule

__version__ = "1.0.0"

# ---------------------------------------------------------------------------------------------
# Constants (built once at import)
# ---------------------------------------------------------------------------------------------

CATEGORY = "procedure"
DIMENSION = "quality"
#: PEN-PROC-026 (limitation period) is a merits veto (domain-standards §3.1: "penalty after the
#: limitation period" breaks 案件是否成立); its id stays in this plugin's series.
LIMITATION_CATEGORY = "legal_basis"
LIMITATION_DIMENSION = "merits"

_PENALTY_LAW = "行政处罚法"
_PL = "《中华人民共和国行政处罚法》"
_CL = "《中华人民共和国行政强制法》"
_SAMR = "《市场监督管理行政处罚程序规定》"
_CPL = "《中华人民共和国民事诉讼法》"
_GUIDANCE = (
    "《国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的"
    "指导意见》（国办发〔2018〕118号）"
)

#: Fallback when the law registry has no 2021 edition of the Penalty Law (it normally has).
_PENALTY_LAW_2021_FALLBACK = dt.date(2021, 7, 15)

PENALTY = AppliesTo(kinds={"penalty"})
GENERAL = AppliesTo(kinds={"penalty"}, procedures={"general"})
SIMPLE = AppliesTo(kinds={"penalty"}, procedures={"simple"})
PENALTY_OUTCOME = AppliesTo(kinds={"penalty"}, outcomes={"penalty"})
GENERAL_PENALTY = AppliesTo(kinds={"penalty"}, procedures={"general"}, outcomes={"penalty"})

_INDIVIDUAL_TYPES = frozenset({"natural_person", "individual_business"})
_ORGANISATION_TYPES = frozenset({"legal_person", "other_organisation"})
_LIGHT_TYPES = frozenset({"warning", "circulated_criticism"})
_CONFISCATION_TYPES = frozenset({"confiscate_illegal_gains", "confiscate_illegal_property"})
#: 2017 Law 第四十二条: 责令停产停业、吊销许可证或者执照、较大数额罚款.
_HEARING_TYPES_2017 = frozenset({"suspend_production", "revoke_licence"})
_SIMPLE_TYPES = frozenset({"warning", "fine"})
_DECISION_DOC_TYPES = ("penalty_decision", "no_penalty_decision", "on_the_spot_decision")
#: Records of investigative acts (调查取证). A record dated after the decision may be a
#: post-decision 复查, so those dates only raise a review, never a fail.
_INVESTIGATION_RECORDS = frozenset(
    {"inquiry_record", "inspection_record", "on_site_record", "sampling_record", "survey_record"}
)
#: Documents whose date is not an act of this case: party papers issued earlier (licence, ID,
#: power of attorney), the agency's standing entrustment, archive sheets, the publicity record
#: (published after closing is lawful) and unclassified papers.
_SPAN_EXEMPT = frozenset(
    {
        "business_licence",
        "identity_proof",
        "power_of_attorney",
        "entrustment_letter",
        "file_cover",
        "file_index",
        "file_remarks",
        "publicity_record",
        "other",
    }
)
#: Documents that may precede the clue: a routine sampling and its test report often *are*
#: the clue (the failed test result is how the violation is discovered).
_BEFORE_CLUE_OK = frozenset({"sampling_record", "test_report"})

_SECTORS: tuple[str, ...] = get_args(Sector)
_SAMR_EXCLUDED = [
    "suspension",
    "hearing",
    "announcement",
    "testing",
    "inspection",
    "quarantine",
    "appraisal",
    "rightholder_identification",
    "other",
]


def _fmt(day: dt.date | None) -> str:
    return day.isoformat() if day is not None else "未记载"


def _yuan(amount: float) -> str:
    return f"{amount:g}元"


def _ptype(code: str) -> str:
    return PENALTY_TYPE_ZH.get(code, code)


def _dtype(code: str) -> str:
    return DOCUMENT_TYPE_ZH.get(code, code)


def _doc_name(doc: Document) -> str:
    """How a reviewer finds a document in the volume: its printed title (else its kind) and its
    page (卷内页码), never the file's internal id."""
    name = doc.title or _dtype(doc.type)
    if doc.page_from is not None:
        return f"{name}（卷内第{doc.page_from}页）"
    return name


def _doc_ref(case: CaseFile, document_id: str | None, fallback: str = "文书") -> str:
    """The reviewer's name for a referenced document; ``fallback`` when it is not in the file."""
    doc = case.document(document_id)
    return _doc_name(doc) if doc is not None else fallback


def _measure_label(measure: CompulsoryMeasure) -> str:
    """A compulsory measure named by its kind and date (measure ids are internal)."""
    kind = MEASURE_TYPE_ZH.get(measure.type, measure.type)
    if measure.date is not None:
        return f"{_fmt(measure.date)}实施的{kind}"
    return kind


def _officer_name(case: CaseFile, officer_id: str) -> str:
    officer = case.officer(officer_id)
    return officer.name if officer is not None else officer_id


# ---------------------------------------------------------------------------------------------
# Parameters
# ---------------------------------------------------------------------------------------------


def _sector_schema(item: Mapping[str, Any]) -> dict[str, Any]:
    """Schema of a per-sector table: a ``default`` entry plus optional sector entries."""
    return {
        "type": "object",
        "properties": {"default": dict(item)},
        "required": ["default"],
        "propertyNames": {"enum": ["default", *_SECTORS]},
        "additionalProperties": dict(item),
    }


_DAYS = {"type": "integer", "minimum": 0}
_AMOUNT = {"type": "number", "minimum": 0}
_PENALTY_TYPE_LIST = {
    "type": "array",
    "items": {"enum": list(PENALTY_TYPE_ZH)},
    "uniqueItems": True,
}
_EXTENSION_ITEM = {
    "type": "object",
    "properties": {
        "days": {"type": "integer", "minimum": 0},
        "further": {"enum": ["none", "collective_discussion", "higher_agency"]},
        "further_max_days": {"type": "integer", "minimum": 0},
    },
    "required": ["days", "further", "further_max_days"],
    "additionalProperties": False,
}

#: 立案 periods only where a sector rule sets a number (statutory-rules §6.2); the Penalty Law
#: itself only says 及时 (第五十四条第二款), so every other sector is not checked by days.
_FILING_DAYS_DEFAULT: dict[str, int] = {
    "default": 0,
    "market_regulation": 15,
    "housing_construction": 15,
    "agriculture": 7,
    "transport": 0,
}
_FILING_EXTENSION_DEFAULT: dict[str, int] = {
    "default": 0,
    "market_regulation": 15,
    "housing_construction": 10,
    "agriculture": 7,
    "transport": 0,
}
#: The rule that sets each sector's default 立案 period, named in PEN-PROC-005's message.
_FILING_RULE: dict[str, str] = {
    "market_regulation": "《市场监督管理行政处罚程序规定》第十八条第一款",
    "housing_construction": "《住房和城乡建设行政处罚程序规定》第十五条",
    "agriculture": "《农业行政处罚程序规定》第二十九条",
}

PARAMETERS: tuple[Parameter, ...] = (
    Parameter(
        name="filing.period_working_days",
        default=dict(_FILING_DAYS_DEFAULT),
        schema=_sector_schema(_DAYS),
        description=(
            "发现线索或收到材料后核查并决定是否立案的期限（工作日），按执法领域取值；"
            "0表示不按天数检查：行政处罚法只要求“及时”立案，只有本领域程序规章规定了天数的才检查"
            "（默认：市场监管15、住建15、农业7；交通运输仅规定“及时”；生态环境2023年办法未核实）"
        ),
        basis=(
            "《中华人民共和国行政处罚法》第五十四条第二款；《市场监督管理行政处罚程序规定》"
            "第十八条第一款；《住房和城乡建设行政处罚程序规定》第十五条；《农业行政处罚程序规定》"
            "第二十九条；《交通运输行政执法程序规定》第六十二条"
        ),
    ),
    Parameter(
        name="filing.extension_working_days",
        default=dict(_FILING_EXTENSION_DEFAULT),
        schema=_sector_schema(_DAYS),
        description=(
            "经机关负责人批准可延长的立案核查期限（工作日），按执法领域取值；"
            "0表示该领域规章未规定延长天数"
        ),
        basis=(
            "《市场监督管理行政处罚程序规定》第十八条第一款；《住房和城乡建设行政处罚程序规定》"
            "第十五条；《农业行政处罚程序规定》第二十九条"
        ),
    ),
    Parameter(
        name="notice.reply_working_days",
        default={
            "default": 5,
            "market_regulation": 5,
            "housing_construction": 5,
            "agriculture": 3,
            "transport": 0,
        },
        schema=_sector_schema(_DAYS),
        description=(
            "告知书送达后当事人陈述、申辩的期限（工作日），按执法领域取值；"
            "0表示规章未规定天数，以告知书载明的期限为准"
        ),
        basis=(
            "《市场监督管理行政处罚程序规定》第五十七条第二款；《住房和城乡建设行政处罚程序规定》"
            "第二十一条；《农业行政处罚程序规定》第二十三条第二款"
        ),
    ),
    Parameter(
        name="penalty.hearing_request_days",
        default=5,
        schema={"type": "integer", "minimum": 1},
        description="当事人要求听证的期限（告知后，工作日）",
        basis="《中华人民共和国行政处罚法》第六十四条第（一）项、第八十五条",
    ),
    Parameter(
        name="penalty.hearing_notice_days",
        default=7,
        schema={"type": "integer", "minimum": 1},
        description="举行听证前通知当事人的最短提前期（工作日）",
        basis="《中华人民共和国行政处罚法》第六十四条第（二）项、第八十五条",
    ),
    Parameter(
        name="hearing.notice_strict_clear_days",
        default=False,
        schema={"type": "boolean"},
        description=(
            "听证通知“七日前”是否按严格口径计算（通知日与听证日之间须有完整的七个工作日）；"
            "默认false：通知日计入、听证日不计入"
        ),
        basis="《中华人民共和国行政处罚法》第六十四条第（二）项；statutory-rules PA-03第5、8步",
    ),
    Parameter(
        name="hearing.fine_min_individual",
        default=10000,
        schema=_AMOUNT,
        description="对自然人（含个体工商户）处以“较大数额罚款”的听证标准（元）",
        basis="《中华人民共和国行政处罚法》第六十三条第一款第（一）项；各省、部门听证标准",
    ),
    Parameter(
        name="hearing.fine_min_organisation",
        default=100000,
        schema=_AMOUNT,
        description="对法人或者其他组织处以“较大数额罚款”的听证标准（元）",
        basis="《中华人民共和国行政处罚法》第六十三条第一款第（一）项；各省、部门听证标准",
    ),
    Parameter(
        name="hearing.confiscation_min_individual",
        default=10000,
        schema=_AMOUNT,
        description="对自然人没收较大数额违法所得、较大价值非法财物的听证标准（元，合计）",
        basis="《中华人民共和国行政处罚法》第六十三条第一款第（二）项",
    ),
    Parameter(
        name="hearing.confiscation_min_organisation",
        default=100000,
        schema=_AMOUNT,
        description="对法人或者其他组织没收较大数额违法所得、较大价值非法财物的听证标准（元，合计）",
        basis="《中华人民共和国行政处罚法》第六十三条第一款第（二）项",
    ),
    Parameter(
        name="hearing.threshold_inclusive",
        default=True,
        schema={"type": "boolean"},
        description="听证数额标准是否包含本数（“以上”为true，“超过”为false）",
        basis="《中华人民共和国民法典》第一千二百五十九条；domain-standards §3.5",
    ),
    Parameter(
        name="hearing.penalty_types",
        default=[
            "lower_qualification",
            "revoke_licence",
            "suspend_production",
            "order_closure",
            "restrict_practice",
        ],
        schema=_PENALTY_TYPE_LIST,
        description="不论数额均应告知听证权利的处罚种类",
        basis="《中华人民共和国行政处罚法》第六十三条第一款第（三）项、第（四）项",
    ),
    Parameter(
        name="hearing.review_penalty_types",
        default=["suspend_licence", "restrict_business", "other"],
        schema=_PENALTY_TYPE_LIST,
        description="可能属于“其他较重的行政处罚”、未告知听证权利时需人工判断的处罚种类",
        basis="《中华人民共和国行政处罚法》第六十三条第一款第（五）项、第（六）项",
    ),
    Parameter(
        name="collective_discussion.triggers",
        default={
            "hearing_held": True,
            "legal_review_sectors": ["market_regulation"],
            "review_disagreement": False,
            "penalty_types": ["revoke_licence", "suspend_production", "order_closure"],
            "fine_min_individual": 0,
            "fine_min_organisation": 0,
        },
        schema={
            "type": "object",
            "properties": {
                "hearing_held": {"type": "boolean"},
                "legal_review_sectors": {
                    "type": "array",
                    "items": {"enum": list(_SECTORS)},
                    "uniqueItems": True,
                },
                "review_disagreement": {"type": "boolean"},
                "penalty_types": _PENALTY_TYPE_LIST,
                "fine_min_individual": _AMOUNT,
                "fine_min_organisation": _AMOUNT,
            },
            "required": [
                "hearing_held",
                "legal_review_sectors",
                "review_disagreement",
                "penalty_types",
                "fine_min_individual",
                "fine_min_organisation",
            ],
            "additionalProperties": False,
        },
        description=(
            "应当由机关负责人集体讨论决定的情形：举行过听证；所列执法领域中经法制审核"
            "（审核类型为法制审核）或者属于重大执法决定的案件作出处罚（市场监管：第五十条第一款"
            "规定的案件）；审核意见与调查处理意见存在分歧（建议项，规章依据未经核实，默认关闭）；"
            "给予所列处罚种类；罚款达到所列数额（0表示不按数额判断；是否含本数从 "
            "hearing.threshold_inclusive）"
        ),
        basis=(
            "《中华人民共和国行政处罚法》第五十七条第二款；《市场监督管理行政处罚程序规定》"
            "第六十条、第五十条第一款"
        ),
    ),
    Parameter(
        name="collective_discussion.min_heads",
        default=2,
        schema={"type": "integer", "minimum": 1},
        description="集体讨论至少应有几名机关负责人参加",
        basis="《中华人民共和国行政处罚法》第五十七条第二款",
    ),
    Parameter(
        name="penalty.decision_limit_days",
        default=90,
        schema={"type": "integer", "minimum": 1},
        description="自立案之日起作出行政处罚决定的期限（自然日）",
        basis="《中华人民共和国行政处罚法》第六十条",
    ),
    Parameter(
        name="penalty.decision_extension",
        default={
            "default": {"days": 30, "further": "collective_discussion", "further_max_days": 0},
            "market_regulation": {
                "days": 30,
                "further": "collective_discussion",
                "further_max_days": 0,
            },
            "transport": {"days": 30, "further": "none", "further_max_days": 0},
            "housing_construction": {
                "days": 30,
                "further": "collective_discussion",
                "further_max_days": 60,
            },
            "agriculture": {"days": 30, "further": "higher_agency", "further_max_days": 0},
        },
        schema=_sector_schema(_EXTENSION_ITEM),
        description=(
            "办案期限的延长，按执法领域取值：days 负责人批准可延长的天数；further 再次延长的方式"
            "（none 不得再延长，collective_discussion 负责人集体讨论，"
            "higher_agency 上一级机关决定）；"
            "further_max_days 再次延长的上限（0表示不限）"
        ),
        basis=(
            "《市场监督管理行政处罚程序规定》第六十四条第一款；《交通运输行政执法程序规定》"
            "第七十八条；《住房和城乡建设行政处罚程序规定》第二十九条；《农业行政处罚程序规定》"
            "第五十八条"
        ),
    ),
    Parameter(
        name="penalty.decision_excluded_types",
        default={"default": _SAMR_EXCLUDED, "market_regulation": _SAMR_EXCLUDED},
        schema=_sector_schema(
            {"type": "array", "items": {"enum": list(EXCLUDED_TYPE_ZH)}, "uniqueItems": True}
        ),
        description="不计入办案期限的期间类型，按执法领域取值",
        basis="《市场监督管理行政处罚程序规定》第六十四条第二款",
    ),
    Parameter(
        name="penalty.delivery_days",
        default=7,
        schema={"type": "integer", "minimum": 1},
        description="当事人不在场时送达行政处罚决定书的期限（工作日）",
        basis="《中华人民共和国行政处罚法》第六十一条第一款、第八十五条",
    ),
    Parameter(
        name="service.announcement_deemed_days",
        default={"default": 30, "market_regulation": 30, "transport": 60},
        schema=_sector_schema({"type": "integer", "minimum": 1}),
        description="公告送达自公告之日起经过多少日视为送达，按执法领域取值",
        basis=(
            "《中华人民共和国民事诉讼法》第九十五条；《市场监督管理行政处罚程序规定》第八十二条"
            "第（五）项；《交通运输行政执法程序规定》第十八条第（五）项"
        ),
    ),
    Parameter(
        name="simple.fine_max_individual",
        default=200,
        schema=_AMOUNT,
        description="适用简易程序对公民（含个体工商户）罚款的上限（元，含本数；2021年7月15日后）",
        basis="《中华人民共和国行政处罚法》第五十一条",
    ),
    Parameter(
        name="simple.fine_max_organisation",
        default=3000,
        schema=_AMOUNT,
        description="适用简易程序对法人或者其他组织罚款的上限（元，含本数；2021年7月15日后）",
        basis="《中华人民共和国行政处罚法》第五十一条",
    ),
    Parameter(
        name="simple.filing_working_days",
        default={
            "default": 7,
            "market_regulation": 7,
            "transport": 5,
            "housing_construction": 3,
            "agriculture": 2,
        },
        schema=_sector_schema({"type": "integer", "minimum": 1}),
        description="当场处罚决定报所属行政机关备案的期限（工作日），按执法领域取值",
        basis=(
            "《市场监督管理行政处罚程序规定》第七十条；《交通运输行政执法程序规定》第六十一条"
            "第（八）项；《住房和城乡建设行政处罚程序规定》第十四条第二款；《农业行政处罚程序规定》"
            "第二十七条"
        ),
    ),
    Parameter(
        name="investigation.rights_told_required",
        default={"default": True, "market_regulation": True},
        schema=_sector_schema({"type": "boolean"}),
        description=(
            "首次向当事人收集、调取证据时是否应当告知陈述、申辩和申请回避的权利，按执法领域取值；"
            "默认按市场监管程序规定（默认领域规则）适用于各领域，其他领域规章无此要求的可设为false"
        ),
        basis="《市场监督管理行政处罚程序规定》第二十一条",
    ),
    Parameter(
        name="penalty.limitation_years",
        default=2,
        schema={"type": "integer", "minimum": 1},
        description="违法行为的追责时效（年）",
        basis="《中华人民共和国行政处罚法》第三十六条第一款",
    ),
    Parameter(
        name="penalty.limitation_years_extended",
        default=5,
        schema={"type": "integer", "minimum": 1},
        description="涉及公民生命健康安全、金融安全且有危害后果的违法行为的追责时效（年）",
        basis="《中华人民共和国行政处罚法》第三十六条第一款",
    ),
)


def _for_sector(value: Any, sector: str | None) -> Any:
    """The value of a per-sector parameter for ``sector`` (its ``default`` if not listed)."""
    if isinstance(value, Mapping):
        if sector is not None and sector in value:
            return value[sector]
        return value.get("default")
    return value


def _sector_table(
    value: Any, convert: Callable[[Any], Any] | None = None
) -> tuple[dict[Any, Any], Any]:
    """A per-sector parameter resolved once per batch, as ``(table, default)``:
    ``table.get(sector, default)`` is ``_for_sector(value, sector)`` (``convert`` applied to
    every value that is not None)."""

    def conv(item: Any) -> Any:
        return item if convert is None or item is None else convert(item)

    if isinstance(value, Mapping):
        return {k: conv(v) for k, v in value.items()}, conv(value.get("default"))
    return {}, conv(value)


def _prepare_sector_table(ctx: CheckContext) -> tuple[dict[Any, Any], Any]:
    """``prepare`` of a rule whose one parameter is a per-sector table."""
    (name,) = ctx.rule.parameters
    return _sector_table(ctx.param(name))


# ---------------------------------------------------------------------------------------------
# Shared helpers
# ---------------------------------------------------------------------------------------------


def _new_law_from(ctx: CheckContext) -> dt.date:
    """First day of the 2021 Penalty Law per the context's law registry."""
    return ctx.laws.edition_start(_PENALTY_LAW, 2021) or _PENALTY_LAW_2021_FALLBACK


def _new_law(ctx: CheckContext, day: dt.date | None) -> bool:
    """Whether the 2021 Penalty Law governs an act on ``day`` (unknown day: assume yes)."""
    return day is None or day >= _new_law_from(ctx)


def _is_individual(case: CaseFile) -> bool | None:
    """True for a natural person or 个体工商户, False for an organisation, None if unknown.

    个体工商户 counts as a natural person (《中华人民共和国民法典》第五十四条).
    """
    party = case.main_party
    if party is None:
        return None
    if party.type in _INDIVIDUAL_TYPES:
        return True
    if party.type in _ORGANISATION_TYPES:
        return False
    return None


def _is_head(officer: Officer | None) -> bool | None:
    """Whether an officer is one of the agency's heads (None: not an officer on file)."""
    if officer is None:
        return None
    return bool(officer.is_agency_head) or "agency_head" in officer.roles


def _moment_label(pointer: str) -> str:
    """How a message names the decision moment: the approval date when that came first."""
    return "决定审批日" if pointer.endswith("/approval/date") else "决定日"


def _decision_moment(case: CaseFile) -> tuple[dt.date | None, str]:
    """When the decision was made: the earlier of the decision date and its approval date."""
    decision = case.decision
    if decision is None:
        return None, "/decision/date"
    day, pointer = decision.date, "/decision/date"
    approval = decision.approval
    if approval is not None and approval.date is not None and (day is None or approval.date < day):
        day, pointer = approval.date, "/decision/approval/date"
    return day, pointer


def _service_date(case: CaseFile, document_id: str | None) -> tuple[dt.date | None, str]:
    """Earliest recorded service date of a document, with its pointer."""
    if document_id is None:
        return None, ""
    best: dt.date | None = None
    pointer = ""
    for i, service in enumerate(case.services):
        if (
            service.document == document_id
            and service.date is not None
            and (best is None or service.date < best)
        ):
            best, pointer = service.date, f"/services/{i}/date"
    return best, pointer


def _notice_served(case: CaseFile) -> tuple[dt.date | None, str]:
    """Service date of the 行政处罚告知书."""
    notice = case.prior_notice
    if notice is None:
        return None, ""
    if notice.served_date is not None:
        return notice.served_date, "/prior_notice/served_date"
    return _service_date(case, notice.document)


def _decision_document_id(case: CaseFile) -> str | None:
    decision = case.decision
    if decision is not None and decision.document is not None:
        return decision.document
    docs = case.documents_of(*_DECISION_DOC_TYPES)
    return docs[0].id if docs else None


def _reaches(amount: float, threshold: float, inclusive: bool) -> bool:
    return amount >= threshold if inclusive else amount > threshold


def _penalty_sets(case: CaseFile) -> list[tuple[str, tuple[PenaltyItem, ...]]]:
    sets = []
    notice = case.prior_notice
    if notice is not None and notice.proposed:
        sets.append(("拟作出", notice.proposed))
    decision = case.decision
    if decision is not None and decision.penalties:
        sets.append(("决定", decision.penalties))
    return sets


class _HearingParams:
    """The hearing-scope parameters of PEN-PROC-011 and PEN-PROC-014, converted once per batch."""

    __slots__ = (
        "always",
        "conf_individual",
        "conf_organisation",
        "fine_individual",
        "fine_organisation",
        "inclusive",
        "new_law_from",
        "review",
    )

    def __init__(self, ctx: CheckContext) -> None:
        self.new_law_from = _new_law_from(ctx)
        self.always = frozenset(ctx.param("hearing.penalty_types"))
        self.review = frozenset(ctx.param("hearing.review_penalty_types"))
        self.inclusive = bool(ctx.param("hearing.threshold_inclusive"))
        self.fine_individual = ctx.param("hearing.fine_min_individual")
        self.conf_individual = ctx.param("hearing.confiscation_min_individual")
        self.fine_organisation = ctx.param("hearing.fine_min_organisation")
        self.conf_organisation = ctx.param("hearing.confiscation_min_organisation")


_NO_TYPES: frozenset[str] = frozenset()
_HEARING_SCOPE_KEY = "procedure.hearing_scope"


def _hearing_scope(
    case: CaseFile, ctx: CheckContext, describe: bool = False
) -> tuple[bool | None, list[str]]:
    """Whether the proposed or final penalties carry the right to a hearing.

    Returns ``(True, reasons)``, ``(False, [])`` or ``(None, what is unknown)``. Without
    ``describe`` the answer only says which, and the texts of the reasons may be left empty:
    both rules that ask need the answer on every case, the texts only PEN-PROC-011's findings.
    Both read the same parameters (``ctx.prepared``), so that answer is kept per case for the
    batch's parameters and law registry.
    """
    if describe:
        return _compute_hearing_scope(case, ctx.prepared, True)
    cached = case.derived.get(_HEARING_SCOPE_KEY)
    if cached is not None and cached[0] is ctx.parameters and cached[1] is ctx.laws:
        return cached[2]  # type: ignore[no-any-return]
    result = _compute_hearing_scope(case, ctx.prepared, False)
    case.derived[_HEARING_SCOPE_KEY] = (ctx.parameters, ctx.laws, result)
    return result


def _compute_hearing_scope(
    case: CaseFile, params: _HearingParams, describe: bool
) -> tuple[bool | None, list[str]]:
    notice = case.prior_notice
    decision = case.decision
    day = notice.date if notice is not None and notice.date else None
    if day is None and decision is not None:
        day = decision.date
    new_law = day is None or day >= params.new_law_from
    if new_law:
        always, review = params.always, params.review
    else:
        always, review = _HEARING_TYPES_2017, _NO_TYPES
    inclusive = params.inclusive
    individual = _is_individual(case)
    if individual is None:
        fine_min = conf_min = None
    elif individual:
        fine_min = params.fine_individual
        conf_min = params.conf_individual
    else:
        fine_min = params.fine_organisation
        conf_min = params.conf_organisation
    goods_value = case.violation.goods_value if case.violation is not None else None
    reasons: list[str] = []
    unknown: list[str] = []
    for label, items in _penalty_sets(case):
        confiscated = 0.0
        has_confiscation = False
        confiscation_known = True
        for item in items:
            kind = item.type
            if kind in always:
                reasons.append(f"{label}{_ptype(kind)}" if describe else "")
            elif kind == "fine":
                if item.amount is None:
                    unknown.append(f"{label}罚款数额未记载")
                elif fine_min is None:
                    unknown.append("当事人类型不明，无法适用听证数额标准")
                elif _reaches(item.amount, fine_min, inclusive):
                    reasons.append(
                        f"{label}罚款{_yuan(item.amount)}（听证标准{_yuan(fine_min)}）"
                        if describe
                        else ""
                    )
            elif kind in _CONFISCATION_TYPES and new_law:
                has_confiscation = True
                amount = item.amount
                if amount is None and kind == "confiscate_illegal_property":
                    # The property's value is usually the goods value the file establishes.
                    amount = goods_value
                if amount is None:
                    confiscation_known = False
                else:
                    confiscated += amount
            elif kind in review:
                unknown.append(
                    f"{label}{_ptype(kind)}，是否属于“其他较重的行政处罚”需人工判断"
                    if describe
                    else ""
                )
        if has_confiscation:
            if conf_min is None:
                unknown.append("当事人类型不明，无法适用听证数额标准")
            elif _reaches(confiscated, conf_min, inclusive):
                reasons.append(
                    f"{label}没收违法所得、非法财物合计{_yuan(confiscated)}"
                    f"（听证标准{_yuan(conf_min)}）"
                    if describe
                    else ""
                )
            elif not confiscation_known:
                unknown.append(f"{label}没收财物价值未记载")
    if reasons:
        return True, reasons
    if unknown:
        return None, unknown
    return False, []


def _hearing_right_told(case: CaseFile) -> bool:
    """Whether the notice lists the hearing right or a hearing-right notice date is recorded."""
    notice = case.prior_notice
    return (notice is not None and "hearing" in notice.rights) or (
        case.hearing is not None and case.hearing.right_notified_date is not None
    )


def _hearing_held(case: CaseFile) -> bool:
    """Whether a hearing took place: recorded as held, or dated and not recorded as not held."""
    hearing = case.hearing
    if hearing is None or hearing.held is False:
        return False
    return hearing.held is True or hearing.date is not None


def _hearing_requested(case: CaseFile) -> bool:
    hearing = case.hearing
    if hearing is not None and hearing.requested:
        return True
    return case.reply is not None and case.reply.type == "hearing_request"


def _merged_days(intervals: Iterable[tuple[dt.date, dt.date]]) -> int:
    """Days covered by the union of inclusive date intervals."""
    total = 0
    current: tuple[dt.date, dt.date] | None = None
    for start, end in sorted(intervals):
        if current is None:
            current = (start, end)
        elif start <= current[1] + dt.timedelta(days=1):
            current = (current[0], max(current[1], end))
        else:
            total += (current[1] - current[0]).days + 1
            current = (start, end)
    if current is not None:
        total += (current[1] - current[0]).days + 1
    return total


# ---------------------------------------------------------------------------------------------
# 程序顺序 — chronology
# ---------------------------------------------------------------------------------------------


@rule(
    id="PEN-PROC-001",
    title="程序倒置（先决定后立案、告知或调查终结）",
    category=CATEGORY,
    dimension=DIMENSION,
    basis=[
        f"{_PL}第五十四条",
        f"{_PL}第五十七条第一款",
        f"{_PL}第六十二条",
        f"{_PL}第四十条",
    ],
    deduction=10,
    veto=True,
    recommendation=(
        "行政处罚应当按照立案、调查取证、告知、听取陈述申辩、决定的顺序进行，不得先作出处罚决定"
        "再补办立案、调查取证或告知手续；对程序倒置的处罚决定应当依法撤销或者重新作出。"
    ),
    applies_to=PENALTY,
    example="处罚决定书日期为2025年4月2日，行政处罚告知书日期为2025年4月8日。",
    notes=(
        "domain-standards §3.1 lists 'procedure inverted (decision before notice / "
        "investigation)' as a default veto. Checked against the decision date: 立案 after the "
        "decision; 告知书 dated or served after it (penalty outcomes only); 调查终结报告 after "
        "it. Records of investigative acts dated after the decision give needs_review, not "
        "fail, because a post-decision 复查 (checking correction) is lawful; records whose title "
        "says 复查, 验收, 回访 or 整改 are not flagged at all. Single evidence "
        "items collected after the decision are PEN-EVID-005 (evidence plugin), not repeated "
        "here. Same-day dates are not inverted "
        "(the simple procedure decides on the day of the notice). A hearing held after the "
        "decision is PEN-PROC-015; the order of the other steps is PEN-PROC-002."
    ),
)
def procedure_not_inverted(case: CaseFile, ctx: CheckContext) -> Finding | list[Finding]:
    """The decision does not precede 立案, the prior notice or the investigation report."""
    decision = case.decision
    if decision is None or decision.date is None:
        return ctx.not_applicable("案卷未记载决定日期")
    day = decision.date
    out: list[Finding] = []
    filing = case.filing
    if filing is not None and filing.date is not None and filing.date > day:
        out.append(
            ctx.fail(
                f"立案日{_fmt(filing.date)}晚于处罚决定日{_fmt(day)}，先作出决定后立案",
                "/filing/date",
                "/decision/date",
                values={"立案日": filing.date, "决定日": day},
            )
        )
    notice = case.prior_notice
    if notice is not None and decision.outcome == "penalty":
        if notice.date is not None and notice.date > day:
            out.append(
                ctx.fail(
                    f"行政处罚告知书日期{_fmt(notice.date)}晚于处罚决定日{_fmt(day)}，"
                    "先作出决定后告知",
                    "/prior_notice/date",
                    "/decision/date",
                    values={"告知书日期": notice.date, "决定日": day},
                )
            )
        else:
            served, served_ptr = _notice_served(case)
            if served is not None and served > day:
                out.append(
                    ctx.fail(
                        f"行政处罚告知书送达日{_fmt(served)}晚于处罚决定日{_fmt(day)}，"
                        "作出决定时当事人尚未收到告知",
                        served_ptr,
                        "/decision/date",
                        values={"告知书送达日": served, "决定日": day},
                    )
                )
    for doc in case.documents:
        if doc.date is None or doc.date <= day:
            continue
        if doc.type == "investigation_report":
            out.append(
                ctx.fail(
                    f"{_doc_name(doc)}日期{_fmt(doc.date)}晚于处罚决定日{_fmt(day)}，"
                    "先作出决定后调查终结",
                    case.pointer("documents", doc.id, "date"),
                    "/decision/date",
                    values={"文书": _doc_name(doc), "文书日期": doc.date, "决定日": day},
                )
            )
        elif doc.type in _INVESTIGATION_RECORDS and not _is_follow_up(doc.title):
            out.append(
                ctx.needs_review(
                    f"{_doc_name(doc)}日期{_fmt(doc.date)}晚于处罚决定日"
                    f"{_fmt(day)}，请核对是否为决定后的复查，还是先决定后调查取证",
                    case.pointer("documents", doc.id, "date"),
                    "/decision/date",
                    values={"文书": _doc_name(doc), "文书日期": doc.date, "决定日": day},
                )
            )
    return out or ctx.passed()


#: Words by which a record's title marks a post-decision check rather than an investigation.
_FOLLOW_UP_WORDS = ("复查", "验收", "回访", "整改")


def _is_follow_up(title: str | None) -> bool:
    return title is not None and any(w in title for w in _FOLLOW_UP_WORDS)


def _pair(
    ctx: CheckContext,
    earlier: tuple[str, dt.date | None, str],
    later: tuple[str, dt.date | None, str],
) -> Finding | None:
    """A fail when the step that must come first is dated after the step that must follow."""
    a_label, a_day, a_ptr = earlier
    b_label, b_day, b_ptr = later
    if a_day is None or b_day is None or a_day <= b_day:
        return None
    return ctx.fail(
        f"{b_label}{_fmt(b_day)}早于{a_label}{_fmt(a_day)}，办案环节日期顺序颠倒",
        *(p for p in (a_ptr, b_ptr) if p),
        values={a_label: a_day, b_label: b_day},
    )


@rule(
    id="PEN-PROC-002",
    title="办案环节日期顺序合理",
    category=CATEGORY,
    dimension=DIMENSION,
    basis=[f"{_PL}第五十四条", f"{_PL}第四十四条", f"{_PL}第六十七条"],
    deduction=1,
    recommendation=(
        "案卷中各办案环节的日期应当符合线索登记、立案、调查取证、告知、决定、送达、执行、结案的"
        "先后顺序；日期记载错误的应当查明原因，依法补正并在备考表中说明。"
    ),
    applies_to=PENALTY,
    example="结案审批表日期为2025年4月5日，罚没款缴纳日期为2025年4月10日。",
    notes=(
        "One fail per pair of steps out of order: 线索 ≤ 立案; 立案 ≤ 调查终结报告 ≤ 告知书; "
        "决定 ≤ 缴款, 执行完毕; 缴款、执行完毕、结案事由、决定 ≤ 结案. A document served "
        "before its own date (notice, decision) is CF-DOC-004 (documents plugin), not "
        "repeated here. Pairs where the decision precedes 立案, 告知 or the investigation are "
        "the veto PEN-PROC-001 and are not repeated here. Investigation records after the "
        "notice are not flagged: supplementary investigation after a defence is lawful. "
        "Document dates against the case span are PEN-PROC-003."
    ),
)
def steps_in_order(case: CaseFile, ctx: CheckContext) -> Finding | list[Finding]:
    """The dated steps of the case follow the order 线索 ≤ 立案 ≤ 调查终结 ≤ 告知 and
    决定 ≤ 缴款、执行 ≤ 结案."""
    clue = case.clue
    filing = case.filing
    notice = case.prior_notice
    decision = case.decision
    closing = case.closing
    execution = case.execution
    found = ("发现线索日", clue.found_date if clue else None, "/clue/found_date")
    filed = ("立案日", filing.date if filing else None, "/filing/date")
    decided = ("决定日", decision.date if decision else None, "/decision/date")
    notice_day = ("告知书日期", notice.date if notice else None, "/prior_notice/date")
    out: list[Finding | None] = [_pair(ctx, found, filed)]
    for doc in case.documents_of("investigation_report"):
        report = ("调查终结报告日期", doc.date, case.pointer("documents", doc.id, "date"))
        out.append(_pair(ctx, filed, report))
        out.append(_pair(ctx, report, notice_day))
    out.append(_pair(ctx, filed, notice_day))
    if execution is not None:
        for i, payment in enumerate(execution.payments):
            paid = ("缴款日", payment.date, f"/execution/payments/{i}/date")
            out.append(_pair(ctx, decided, paid))
            if closing is not None:
                out.append(_pair(ctx, paid, ("结案日", closing.date, "/closing/date")))
        done = ("执行完毕日", execution.completed_date, "/execution/completed_date")
        out.append(_pair(ctx, decided, done))
        if closing is not None:
            out.append(_pair(ctx, done, ("结案日", closing.date, "/closing/date")))
    if closing is not None:
        closed = ("结案日", closing.date, "/closing/date")
        out.append(_pair(ctx, decided, closed))
        event = ("结案事由发生日", closing.event_date, "/closing/event_date")
        out.append(_pair(ctx, event, closed))
    found_fails = [f for f in out if f is not None]
    return found_fails or ctx.passed()


@rule(
    id="PEN-PROC-003",
    title="文书日期在办案期间内",
    category=CATEGORY,
    dimension=DIMENSION,
    basis=[f"{_PL}第四十七条", f"{_PL}第五十四条"],
    deduction=0.5,
    recommendation=(
        "案卷文书应当在办案过程中制作，其日期不得早于发现违法线索之日、不得晚于结案之日；"
        "核查线索阶段制作的笔录可以早于立案，但不得早于发现线索之日。"
    ),
    applies_to=PENALTY,
    example="发现线索日为2025年3月3日，检查笔录日期为2025年2月28日。",
    notes=(
        "The span runs from the clue date (or the 立案 date when no clue date is recorded) to "
        "the closing date; either end is skipped when not recorded. Records made while "
        "verifying a clue may precede 立案 (SAMR 第十八条) but not the clue itself. Not checked: "
        "party papers issued before the case (business licence, ID, power of attorney), the "
        "agency's entrustment letter, archive sheets, publicity records (publication after "
        "closing is lawful) and documents of type 'other'. Sampling records and test reports "
        "may precede the clue (a failed routine test is how the violation is found) but not "
        "the closing. Other documents before the clue but not before the violation began give "
        "needs_review: they may be an earlier act on the same matter (an inspection and a "
        "责令限期改正 whose 复查 found it uncorrected, which became the clue). One fail finding "
        "with count = number of documents outside the span. A document an evidence item rests on "
        "is skipped when that item's collection date already fails PEN-EVID-005 (evidence "
        "plugin: collected after the decision, or before the clue and before the violation "
        "began), so one late or early record is deducted once."
    ),
)
def documents_within_span(case: CaseFile, ctx: CheckContext) -> Finding | list[Finding]:
    """Every dated case document lies between the clue date and the closing date."""
    lower: dt.date | None = None
    lower_label = ""
    if case.clue is not None and case.clue.found_date is not None:
        lower, lower_label = case.clue.found_date, "发现线索日"
    elif case.filing is not None and case.filing.date is not None:
        lower, lower_label = case.filing.date, "立案日"
    upper = case.closing.date if case.closing is not None else None
    if lower is None and upper is None:
        return ctx.not_applicable("案卷未记载发现线索日、立案日或结案日")
    began = case.violation.start_date if case.violation is not None else None
    outside: list[str] = []
    pointers: list[str] = []
    earlier: list[str] = []
    earlier_pointers: list[str] = []
    # Most documents lie inside the span: test that first, the exemptions only outside it.
    first_day = dt.date.min if lower is None else lower
    last_day = dt.date.max if upper is None else upper
    for doc in case.documents:
        if doc.date is None or first_day <= doc.date <= last_day or doc.type in _SPAN_EXEMPT:
            continue
        if lower is not None and doc.date < lower and doc.type not in _BEFORE_CLUE_OK:
            text = f"{_doc_name(doc)}日期{_fmt(doc.date)}早于{lower_label}"
            if began is not None and began <= doc.date:
                # An earlier act on the same matter, e.g. a 责令限期改正 whose 复查 found it
                # uncorrected and became the clue.
                earlier.append(text)
                earlier_pointers.append(case.pointer("documents", doc.id, "date"))
                continue
            if _evidence_timing_fails(case, doc, began):
                continue
            outside.append(text)
        elif upper is not None and doc.date > upper:
            if _evidence_timing_fails(case, doc, began):
                continue
            outside.append(f"{_doc_name(doc)}日期{_fmt(doc.date)}晚于结案日")
        else:
            continue
        pointers.append(case.pointer("documents", doc.id, "date"))
    if not outside and not earlier:
        return ctx.passed()
    span = f"办案期间{_fmt(lower)}至{_fmt(upper)}"
    out: list[Finding] = []
    if outside:
        out.append(
            ctx.fail(
                f"{span}，" + "；".join(outside),
                *pointers,
                values={"期间起": lower, "期间止": upper, "文书": outside},
                count=len(outside),
            )
        )
    if earlier:
        out.append(
            ctx.needs_review(
                f"{span}，" + "；".join(earlier) + f"，但不早于违法行为发生日{_fmt(began)}，"
                "请核对是否为本案此前的检查或责令改正等文书",
                *earlier_pointers,
                values={"期间起": lower, "违法行为发生日": began, "文书": earlier},
            )
        )
    return out


def _evidence_timing_fails(case: CaseFile, doc: Document, began: dt.date | None) -> bool:
    """Whether an evidence item resting on ``doc`` has a collection date PEN-EVID-005 fails.

    Mirrors only the part of PEN-EVID-005 that is certain to be a fail there (after the
    decision; before the clue and before the violation began, outside its own exemptions), so
    that this rule stands aside only where the same defect is already deducted.
    """
    decided = case.decision.date if case.decision is not None else None
    found = case.clue.found_date if case.clue is not None else None
    for ev in case.evidence:
        day = ev.collected_date
        if ev.document != doc.id or day is None:
            continue
        if decided is not None and day > decided:
            return True
        if (
            found is not None
            and day < found
            and (began is None or day < began)
            and ev.monitoring_device is None
            and doc.type not in _BEFORE_CLUE_OK
        ):
            return True
    return False


# ---------------------------------------------------------------------------------------------
# 立案
# ---------------------------------------------------------------------------------------------


@rule(
    id="PEN-PROC-004",
    title="立案经机关负责人审批",
    category=CATEGORY,
    dimension=DIMENSION,
    basis=[f"{_PL}第五十四条第二款", f"{_SAMR}第十九条第一款", f"{_SAMR}第二十条"],
    deduction=2,
    recommendation=(
        "适用普通程序的案件应当填写立案审批表，由行政机关负责人审批并签署意见和日期后立案；"
        "不得先调查后补办立案审批。"
    ),
    applies_to=GENERAL,
    example="立案审批表无负责人签批，或审批栏只有签名没有日期。",
    notes=(
        "Fails when the file has no 立案 date, no approval, an approval without approver or "
        "date, or an approval dated after the filing date (the filing is then back-dated). An "
        "approver who is on file but not marked as an agency head gives needs_review: heads of "
        "internal units sometimes sign by delegation. Old deduction sheets: no 立案表 −2."
    ),
)
def filing_approved(case: CaseFile, ctx: CheckContext) -> Finding:
    """立案 is on file, approved by an agency head with an approver and a date."""
    filing = case.filing
    if filing is None or filing.date is None:
        return ctx.fail("普通程序案件未见立案记录（无立案日期）", "/filing")
    approval = filing.approval
    if approval is None:
        return ctx.fail(
            f"立案日{_fmt(filing.date)}，案卷未见机关负责人立案审批",
            "/filing/approval",
            values={"立案日": filing.date},
        )
    missing = [
        label
        for label, v in (("审批人", approval.approver), ("审批日期", approval.date))
        if v is None
    ]
    if missing:
        return ctx.fail(
            f"立案审批缺少{'、'.join(missing)}",
            "/filing/approval",
            values={"立案日": filing.date, "缺少": missing},
        )
    assert approval.date is not None
    if approval.date > filing.date:
        return ctx.fail(
            f"立案审批日期{_fmt(approval.date)}晚于立案日{_fmt(filing.date)}，立案未经事先审批",
            "/filing/approval/date",
            "/filing/date",
            values={"立案日": filing.date, "审批日期": approval.date},
        )
    officer = case.officer(approval.approver)
    if officer is not None and not _is_head(officer):
        return ctx.needs_review(
            f"立案审批人{officer.name}未登记为机关负责人，请核对是否有权批准立案",
            "/filing/approval/approver",
            values={"审批人": officer.name},
        )
    return ctx.passed()


def _prepare_filing_periods(ctx: CheckContext) -> tuple[dict[Any, Any], Any, dict[Any, Any], Any]:
    return (
        *_sector_table(ctx.param("filing.period_working_days")),
        *_sector_table(ctx.param("filing.extension_working_days")),
    )


@rule(
    id="PEN-PROC-005",
    title="及时立案（在规定期限内核查并决定立案）",
    category=CATEGORY,
    dimension=DIMENSION,
    basis=[
        f"{_PL}第五十四条第二款",
        f"{_SAMR}第十八条第一款",
        f"{_SAMR}第十八条第二款",
        "《住房和城乡建设行政处罚程序规定》第十五条",
        "《农业行政处罚程序规定》第二十九条",
    ],
    deduction=1,
    recommendation=(
        "发现违法线索或者收到材料后，应当在规定期限内完成核查并决定是否立案；需要延长核查期限的，"
        "应当报机关负责人批准并记录在案。"
    ),
    applies_to=GENERAL,
    parameters=["filing.period_working_days", "filing.extension_working_days"],
    prepare=_prepare_filing_periods,
    example="2025年1月2日发现线索，2025年2月20日才立案，期间无延长核查期限的批准。",
    notes=(
        "The Penalty Law only says 及时 (第五十四条第二款) and sets no number, so the rule "
        "checks days only where the sector's own procedure rule sets them (parameter; default "
        "entry 0 = not checked): SAMR 15 WD + 15 WD (第十八条第一款), 住建 15 + 10 (第十五条), "
        "农业 7 + 7 (第二十九条). 交通运输 says only '及时' (第六十二条) → not checked. "
        "应急管理, 城管, 自然资源, 文旅, 卫生 and other sectors: "
        "no rule with a number was checked → "
        "not checked unless a standard sets the "
        "sector. 生态环境: the 2010 rule had 7 WD (第二十二条, "
        "text seen); the 2023 rule's filing period could not be retrieved (searched again during "
        "the legal review, not found) → unverified, not checked until a standard sets "
        "ecology_environment. The message names the rule that sets the period, or says that the "
        "standard set it when the value differs from the built-in one. Days not counted "
        "(testing, appraisal …) are recorded as a number of days (clue.excluded_days) without "
        "dates; they are added to the deadline as calendar days, which can only make the check "
        "more lenient. An extension counts when an approval with an approver is on file."
    ),
)
def filing_timely(case: CaseFile, ctx: CheckContext) -> Finding:
    """立案 within the sector's verification period after the clue was found, where the sector's
    procedure rule sets a number of days."""
    clue = case.clue
    filing = case.filing
    if clue is None or clue.found_date is None or filing is None or filing.date is None:
        return ctx.not_applicable("案卷未记载发现线索日或立案日")
    periods, period_default, extensions, extension_default = ctx.prepared
    period = periods.get(case.sector, period_default)
    if not period:
        return ctx.not_applicable(
            "行政处罚法仅要求及时立案，本领域程序规定未规定核查立案的具体天数，不按天数检查"
        )
    extension = clue.verification_extension
    extended = extension is not None and extension.approver is not None
    total = period + ((extensions.get(case.sector, extension_default) or 0) if extended else 0)
    deadline = add_working_days(clue.found_date, total)
    excluded = clue.excluded_days or 0
    if excluded:
        deadline = add_calendar_days(deadline, excluded)
    if filing.date <= deadline:
        return ctx.passed()
    source = _FILING_RULE.get(case.sector or "")
    if source is None or _FILING_DAYS_DEFAULT.get(case.sector or "") != period:
        source = "评查标准设定的立案核查期限"
    else:
        source += "规定"
    detail = f"依{source}，核查期限{period}个工作日"
    if extended:
        detail += f"，经批准延长后共{total}个工作日"
    if excluded:
        detail += f"，另扣除不计入期限{excluded}日"
    return ctx.fail(
        f"发现线索日{_fmt(clue.found_date)}，{detail}，截止{_fmt(deadline)}；"
        f"立案日{_fmt(filing.date)}，逾期{(filing.date - deadline).days}日",
        "/clue/found_date",
        "/filing/date",
        values={
            "发现线索日": clue.found_date,
            "期限依据": source,
            "期限（工作日）": total,
            "截止日": deadline,
            "立案日": filing.date,
        },
    )


# ---------------------------------------------------------------------------------------------
# 调查取证、强制措施中告知权利
# ---------------------------------------------------------------------------------------------


def _first_collection_record(case: CaseFile) -> Document | None:
    """The earliest record of an investigative act that concerns the case's party (by date,
    then start time, then file order)."""
    best: Document | None = None
    best_day = dt.date.max
    best_time = dt.datetime.max
    for doc in case.documents:
        if doc.type not in _INVESTIGATION_RECORDS or doc.party is None:
            continue
        party = case.party(doc.party)
        if party is not None and party.role != "party":
            continue  # a witness's or an agent's own record is not collection from the party
        day = doc.date or dt.date.max
        time = doc.start_time or dt.datetime.max
        # File order breaks ties: a later record must be strictly earlier to win.
        if best is None or day < best_day or (day == best_day and time < best_time):
            best, best_day, best_time = doc, day, time
    return best


@rule(
    id="PEN-PROC-036",
    title="首次取证和实施查封、扣押时告知当事人权利",
    category=CATEGORY,
    dimension=DIMENSION,
    basis=[f"{_SAMR}第二十一条", f"{_CL}第十八条第（五）项", f"{_GUIDANCE}第（五）项"],
    deduction=2,
    recommendation=(
        "首次向当事人收集、调取证据时，应当告知其享有陈述权、申辩权以及申请回避的权利，并在笔录中"
        "记载；实施查封、扣押时，应当当场告知当事人采取行政强制措施的理由、依据以及当事人依法享有的"
        "权利、救济途径，并在现场笔录中记载。"
    ),
    applies_to=PENALTY,
    parameters=["investigation.rights_told_required"],
    prepare=_prepare_sector_table,
    example="首次对当事人进行现场检查的检查笔录未记载告知当事人陈述、申辩和申请回避的权利。",
    notes=(
        "Two checks on documents[].rights_told. (1) General procedure, where the sector profile "
        "requires it (parameter, default true for every sector: the SAMR rule 第二十一条 / "
        "statutory-rules SR-02 is the default profile): the earliest record of an investigative "
        "act (询问、检查、现场、抽样取证、勘验笔录) concerning "
        "the party (by date, start time, file "
        "order; records of witnesses or agents excluded). The simple procedure is left to "
        "PEN-PROC-006 (the on-the-spot notice carries the rights). (2) Every 查封 / 扣押: its "
        "on-site record (行政强制法第十八条第（五）项: reasons, basis, rights and remedies told on "
        "the spot; 国办发〔2018〕118号 第（五）项 asks the same of every enforcement act). The "
        "model's flag is read as 'the record states that the rights were told'. 先行登记保存 is an "
        "evidence measure of 行政处罚法第五十六条, not a 行政强制措施, and is not checked under "
        "(2). A flag recorded false fails; a record whose flag is not recorded is not judged "
        "(not applicable when nothing is recorded). Deduction 2: §1.10 has no figure for this "
        "defect; 2 follows the old sheet's −2 for a missing 陈述申辩 notice, the nearest defect "
        "with a figure (proposal)."
    ),
)
def rights_told_on_collection(case: CaseFile, ctx: CheckContext) -> Finding | list[Finding]:
    """The party was told its rights on the first collection of evidence and when a seizure was
    imposed, where the file records whether it was."""
    out: list[Finding] = []
    checked = False
    required, required_default = ctx.prepared
    if case.procedure == "general" and required.get(case.sector, required_default):
        first = _first_collection_record(case)
        if first is not None and first.rights_told is not None:
            checked = True
            if first.rights_told is False:
                name = _doc_name(first)
                out.append(
                    ctx.fail(
                        f"首次向当事人收集证据的{name}（{_fmt(first.date)}）未记载告知当事人"
                        "陈述、申辩和申请回避的权利",
                        case.pointer("documents", first.id, "rights_told"),
                        values={"文书": name, "日期": first.date, "告知权利": "否"},
                    )
                )
    for m in case.compulsory_measures:
        if m.type not in _SEIZURE:
            continue
        doc = case.document(m.on_site_record)
        if doc is None or doc.rights_told is None:
            continue
        checked = True
        if doc.rights_told is False:
            label = _measure_label(m)
            name = _doc_name(doc)
            out.append(
                ctx.fail(
                    f"{label}的{name}未记载当场告知当事人采取行政强制措施的理由、依据以及"
                    "当事人依法享有的权利、救济途径",
                    case.pointer("documents", doc.id, "rights_told"),
                    values={"措施": label, "现场笔录": name, "告知权利": "否"},
                )
            )
    if out:
        return out
    if not checked:
        return ctx.not_applicable("案卷未记载首次取证或查封、扣押时是否告知当事人权利")
    return ctx.passed()


# ---------------------------------------------------------------------------------------------
# 告知、陈述申辩
# ---------------------------------------------------------------------------------------------


@rule(
    id="PEN-PROC-006",
    title="作出处罚决定前事先告知",
    category=CATEGORY,
    dimension=DIMENSION,
    basis=[f"{_PL}第四十四条", f"{_PL}第六十二条", f"{_SAMR}第五十七条第一款"],
    deduction=10,
    veto=True,
    recommendation=(
        "作出行政处罚决定之前，应当告知当事人拟作出的行政处罚内容及事实、理由、依据，"
        "并告知其依法享有的陈述、申辩、要求听证等权利；普通程序应当制作并送达行政处罚告知书。"
        "未告知的，不得作出行政处罚决定。"
    ),
    applies_to=PENALTY_OUTCOME,
    example="案卷中无行政处罚告知书，也无其他告知当事人拟处罚内容和权利的记录。",
    notes=(
        "Default veto (domain-standards §3.1: no notice of the intended penalty and of the "
        "rights). General procedure: no prior_notice section, or one with neither a document "
        "nor a date, fails (SAMR requires a written notice). Simple procedure: the notice is "
        "oral and usually recorded in the on-the-spot decision or the on-site record, so a "
        "missing prior_notice gives needs_review. A notice on file but with no service date "
        "and no service record gives needs_review (the party may not have received it). "
        "Contents are PEN-PROC-007; the hearing right is PEN-PROC-011."
    ),
)
def prior_notice_given(case: CaseFile, ctx: CheckContext) -> Finding:
    """Before a penalty decision the party was notified of the proposed penalty and rights."""
    notice = case.prior_notice
    general = case.procedure == "general"
    if notice is None or (general and notice.document is None and notice.date is None):
        if not general:
            return ctx.needs_review(
                "简易程序案卷未记载当场告知当事人拟处罚内容及陈述、申辩权利的情况，请核对决定书或"
                "现场笔录",
                "/prior_notice",
            )
        return ctx.fail(
            "作出行政处罚决定前未见行政处罚告知书，未告知当事人拟作出的处罚内容及陈述、申辩权利",
            "/prior_notice",
            "/decision/date",
        )
    if general:
        served, _ = _notice_served(case)
        if served is None:
            return ctx.needs_review(
                "案卷有行政处罚告知书，但未见送达日期或送达回证，无法确认当事人已收到告知",
                "/prior_notice/served_date",
            )
    return ctx.passed()


@rule(
    id="PEN-PROC-007",
    title="告知内容完整（拟处罚内容、事实、理由、依据、陈述申辩权）",
    category=CATEGORY,
    dimension=DIMENSION,
    basis=[f"{_PL}第四十四条", f"{_SAMR}第五十七条第一款"],
    deduction=2,
    recommendation=(
        "行政处罚告知书应当载明拟作出的行政处罚内容（种类和数额）、认定的违法事实、理由和依据，"
        "并告知当事人依法享有陈述权、申辩权。"
    ),
    applies_to=PENALTY_OUTCOME,
    example="告知书只写“拟对你单位作出行政处罚”，未写明处罚种类和罚款数额，也未引用依据。",
    notes=(
        "The proposed penalty content became mandatory with the 2021 Law (2017 第三十一条 "
        "required facts, reasons, basis and rights only); it is required when the notice is "
        "dated on or after the 2021 Law's in-force date in the law registry. A content flag "
        "recorded as false fails; flags not recorded give needs_review. The hearing right is "
        "checked by PEN-PROC-011 (veto), not here."
    ),
)
def prior_notice_contents(case: CaseFile, ctx: CheckContext) -> Finding:
    """The notice states the proposed penalty, facts, reasons, basis and the rights to state
    and defend."""
    notice = case.prior_notice
    if notice is None:
        return ctx.not_applicable("案卷无告知记录（见PEN-PROC-006）")
    missing: list[str] = []
    unknown: list[str] = []
    notice_day = notice.date or (case.decision.date if case.decision else None)
    if not notice.proposed and _new_law(ctx, notice_day):
        missing.append("拟作出的行政处罚内容")
    for label, flag in (
        ("违法事实", notice.states_facts),
        ("理由", notice.states_reasons),
        ("依据", notice.states_basis),
    ):
        if flag is False:
            missing.append(label)
        elif flag is None:
            unknown.append(label)
    for right, label in (("statement", "陈述权"), ("defence", "申辩权")):
        if right not in notice.rights:
            missing.append(label)
    if missing:
        return ctx.fail(
            f"行政处罚告知书未告知{'、'.join(missing)}",
            "/prior_notice",
            values={"缺少内容": missing},
        )
    if unknown:
        return ctx.needs_review(
            f"案卷未记载告知书是否载明{'、'.join(unknown)}，请核对告知书",
            "/prior_notice",
            values={"未记载": unknown},
        )
    return ctx.passed()


@rule(
    id="PEN-PROC-008",
    title="陈述申辩期限届满后作出处罚决定",
    category=CATEGORY,
    dimension=DIMENSION,
    basis=[
        f"{_PL}第四十五条第一款",
        f"{_PL}第六十二条",
        f"{_SAMR}第五十七条第二款",
        "《住房和城乡建设行政处罚程序规定》第二十一条",
        "《农业行政处罚程序规定》第二十三条第二款",
    ],
    deduction=3,
    recommendation=(
        "应当给予当事人规定的陈述、申辩期限，在期限届满后（或当事人已陈述申辩、书面放弃后）"
        "再作出处罚决定；告知书载明的期限不得短于规定期限。"
    ),
    applies_to=GENERAL_PENALTY,
    parameters=["notice.reply_working_days"],
    prepare=_prepare_sector_table,
    example="告知书于2025年3月24日送达，5个工作日的陈述申辩期至3月31日届满，处罚决定却于3月28日作出。",
    notes=(
        "The Law fixes no reply period; sector rules do (parameter: SAMR 5 WD, 住建 5 WD, 农业 "
        "3 WD; 交通运输 fixes none → the period written in the notice is used, and without one "
        "the rule does not apply). A longer period stated in the notice binds the agency. The "
        "decision is premature when the decision date or the head's approval date falls on or "
        "before the last day of the period (the period runs to the end of its last day), "
        "unless the party stated or defended before that date, requested a hearing, or waived "
        "in writing; an oral or unrecorded waiver gives needs_review. A notice stating a period "
        "shorter than the rule's is a separate fail."
    ),
)
def reply_period_respected(case: CaseFile, ctx: CheckContext) -> Finding | list[Finding]:
    """The decision is not made before the reply period after service of the notice ran out,
    unless the party replied or waived in writing."""
    notice = case.prior_notice
    if notice is None:
        return ctx.not_applicable("案卷无告知记录（见PEN-PROC-006）")
    out: list[Finding] = []
    periods, default = ctx.prepared
    window = _reply_window(case, periods.get(case.sector, default) or 0)
    if window.required and window.stated and window.stated < window.required:
        out.append(
            ctx.fail(
                f"告知书载明的陈述申辩期限{window.stated}个工作日，"
                f"短于规定的{window.required}个工作日",
                "/prior_notice/reply_days",
                values={"告知书载明期限": window.stated, "规定期限": window.required},
            )
        )
    if not window.period:
        return out or ctx.not_applicable("该领域未规定陈述申辩期限，告知书也未载明期限")
    served, moment, deadline = window.served, window.moment, window.deadline
    if served is None or moment is None or deadline is None:
        return out or ctx.needs_review(
            "案卷未记载告知书送达日期或决定日期，无法核对陈述申辩期限",
            "/prior_notice/served_date",
            "/decision/date",
        )
    if window.status == "ok":
        return out or ctx.passed()
    if window.status == "waiver_form_unknown":
        out.append(
            ctx.needs_review(
                f"陈述申辩期限截止{_fmt(deadline)}，决定于{_fmt(moment)}作出；当事人放弃"
                "陈述申辩，但案卷未记载是否书面放弃",
                "/reply/in_writing",
                values={"期限截止": deadline, "决定日": moment},
            )
        )
        return out
    label = _moment_label(window.moment_ptr)
    out.append(
        ctx.fail(
            f"告知书送达日{_fmt(served)}，陈述申辩期限{window.period}个工作日，截止"
            f"{_fmt(deadline)}；{label}{_fmt(moment)}，期限届满前作出决定，"
            "且当事人未陈述申辩或书面放弃",
            window.served_ptr,
            window.moment_ptr,
            values={
                "告知书送达日": served,
                "期限（工作日）": window.period,
                "期限截止": deadline,
                label: moment,
            },
        )
    )
    return out


class _ReplyWindow(NamedTuple):
    """PEN-PROC-008's reading of a file, shared with PEN-PROC-014 so that one premature
    decision is not deducted twice."""

    required: int
    stated: int
    period: int
    served: dt.date | None
    served_ptr: str
    moment: dt.date | None
    moment_ptr: str
    deadline: dt.date | None
    #: "ok" (after the period, or excused), "premature" (PEN-PROC-008 fails),
    #: "waiver_form_unknown" (needs review) or "unknown" (dates missing, no period).
    status: str


def _reply_window(case: CaseFile, required: int) -> _ReplyWindow:
    """The reply period after service of the notice and whether the decision respected it;
    ``required`` is the sector's period (``notice.reply_working_days``, 0 for none)."""
    notice = case.prior_notice
    stated = (notice.reply_days if notice is not None else None) or 0
    period = max(required, stated)
    served, served_ptr = _notice_served(case)
    moment, moment_ptr = _decision_moment(case)
    if notice is None or not period or served is None or moment is None:
        return _ReplyWindow(
            required, stated, period, served, served_ptr, moment, moment_ptr, None, "unknown"
        )
    deadline = add_working_days(served, period)
    status = "premature"
    reply = case.reply
    if moment > deadline:
        status = "ok"
    elif reply is not None:
        if reply.type in ("statement", "defence", "hearing_request") and (
            reply.date is None or reply.date <= moment
        ):
            status = "ok"
        elif reply.type == "waived":
            if reply.in_writing:
                status = "ok"
            elif reply.in_writing is None:
                status = "waiver_form_unknown"
    return _ReplyWindow(
        required, stated, period, served, served_ptr, moment, moment_ptr, deadline, status
    )


@rule(
    id="PEN-PROC-009",
    title="处罚决定不重于告知的拟处罚内容",
    category=CATEGORY,
    dimension=DIMENSION,
    basis=[f"{_PL}第四十五条第二款", f"{_PL}第四十四条", f"{_SAMR}第五十八条"],
    deduction=5,
    recommendation=(
        "不得因当事人陈述、申辩或者要求听证而给予更重的处罚；拟加重处罚的，应当重新告知当事人"
        "拟作出的处罚内容及事实、理由、依据，并重新听取陈述申辩。"
    ),
    applies_to=PENALTY_OUTCOME,
    example="告知书拟罚款2万元，处罚决定罚款3万元，案卷中无重新告知记录。",
    notes=(
        "The file model holds one notice, so any final penalty heavier than the notice's is a "
        "defect: either aggravation because of the defence (第四十五条第二款) or a heavier "
        "penalty without a new notice (第四十四条). Heavier = a penalty type not proposed "
        "(except a warning or 通报批评 added to a heavier proposal), or a larger total amount of "
        "the same type where both amounts are recorded. Not applicable when the notice lists no "
        "proposed penalty (pre-2021 notices did not have to)."
    ),
)
def decision_not_heavier(case: CaseFile, ctx: CheckContext) -> Finding:
    """The final penalty is not heavier than the penalty proposed in the notice."""
    notice = case.prior_notice
    decision = case.decision
    if notice is None or not notice.proposed or decision is None or not decision.penalties:
        return ctx.not_applicable("告知书未载明拟处罚内容或决定无处罚内容")
    if decision.penalties == notice.proposed:
        return ctx.passed()  # the usual file: the decision imposes what the notice proposed
    proposed: dict[str, float | None] = {}
    for item in notice.proposed:
        prev = proposed.get(item.type, 0.0)
        proposed[item.type] = None if prev is None or item.amount is None else prev + item.amount
    final: dict[str, float | None] = {}
    for item in decision.penalties:
        prev = final.get(item.type, 0.0)
        final[item.type] = None if prev is None or item.amount is None else prev + item.amount
    heavier_than_light = any(t not in _LIGHT_TYPES for t in proposed)
    problems: list[str] = []
    for kind, amount in final.items():
        if kind not in proposed:
            if kind in _LIGHT_TYPES and heavier_than_light:
                continue
            problems.append(f"增加了告知书未载明的{_ptype(kind)}")
            continue
        before = proposed[kind]
        if amount is not None and before is not None and amount > before:
            problems.append(f"{_ptype(kind)}由告知的{_yuan(before)}提高到{_yuan(amount)}")
    if not problems:
        return ctx.passed()
    return ctx.fail(
        "处罚决定重于告知书拟作出的处罚：" + "；".join(problems) + "，且未见重新告知",
        "/prior_notice/proposed",
        "/decision/penalties",
        values={"加重情形": problems},
        count=len(problems),
    )


@rule(
    id="PEN-PROC-010",
    title="对当事人陈述申辩意见进行复核",
    category=CATEGORY,
    dimension=DIMENSION,
    basis=[f"{_PL}第四十五条第一款"],
    deduction=2,
    recommendation=(
        "当事人提出陈述、申辩的，应当充分听取并对其提出的事实、理由和证据进行复核，制作复核意见；"
        "理由成立的应当采纳。"
    ),
    applies_to=PENALTY_OUTCOME,
    example="当事人提交了书面申辩材料，案卷中无复核意见，决定书也未说明采纳情况。",
    notes=(
        "Applies when the party made a statement or defence. Satisfied by a 复核 flag, a linked "
        "复核意见, or any 陈述申辩复核意见 document. General procedure: otherwise fail (old sheet: "
        "not re-examined −2). Simple procedure: statements are heard on the spot and often "
        "recorded only in the decision, so a missing record gives needs_review."
    ),
)
def statements_reexamined(case: CaseFile, ctx: CheckContext) -> Finding:
    """Statements or defences the party made were re-examined (复核)."""
    reply = case.reply
    if reply is None or reply.type not in ("statement", "defence"):
        return ctx.not_applicable("当事人未提出陈述、申辩")
    if reply.reexamined or reply.reexamination_document is not None:
        return ctx.passed()
    if reply.reexamined is None and case.documents_of("reexamination_opinion"):
        return ctx.passed()
    message = (
        f"当事人于{_fmt(reply.date)}提出{'陈述' if reply.type == 'statement' else '申辩'}，"
        "案卷未见复核意见"
    )
    if case.procedure != "general" and reply.reexamined is None:
        return ctx.needs_review(message + "，请核对当场处罚决定书是否记载复核情况", "/reply")
    return ctx.fail(message, "/reply/reexamined", values={"陈述申辩日期": reply.date})


# ---------------------------------------------------------------------------------------------
# 听证
# ---------------------------------------------------------------------------------------------


@rule(
    id="PEN-PROC-011",
    title="依法告知听证权利",
    category=CATEGORY,
    dimension=DIMENSION,
    basis=[f"{_PL}第六十三条第一款", f"{_PL}第四十四条", f"{_SAMR}第五十七条第一款"],
    deduction=10,
    veto=True,
    recommendation=(
        "拟作出较大数额罚款，没收较大数额违法所得、较大价值非法财物，降低资质等级、吊销许可证件，"
        "责令停产停业、责令关闭、限制从业等处罚的，应当告知当事人有要求听证的权利。"
    ),
    applies_to=GENERAL_PENALTY,
    parameters=[
        "hearing.fine_min_individual",
        "hearing.fine_min_organisation",
        "hearing.confiscation_min_individual",
        "hearing.confiscation_min_organisation",
        "hearing.threshold_inclusive",
        "hearing.penalty_types",
        "hearing.review_penalty_types",
    ],
    prepare=_HearingParams,
    example="拟对某公司罚款20万元，告知书只告知陈述、申辩权，未告知听证权。",
    notes=(
        "Default veto (domain-standards §3.1: hearing right not given where required). Scope "
        "from the proposed and the final penalties. '较大数额' has no national figure; the "
        "defaults 10,000 / 100,000 yuan are the figures commonly attributed to the SAMR "
        "hearing rule (unverified, domain-standards §3.4 a) and must be overridden per "
        "province or ministry. 个体工商户 use the natural-person threshold (民法典第五十四条). "
        "Confiscation: illegal gains and the value of illegal property are added up (the SAMR "
        "reading); property without a recorded value takes the file's goods value. 暂扣许可证件, "
        "限制开展生产经营活动 and 'other' penalties may be '其他较重的行政处罚' → needs_review. "
        "Before the 2021 Law (notice date): only 责令停产停业, 吊销 and 较大数额罚款 (2017 "
        "第四十二条). The right is told when the notice lists it or a hearing-right notice "
        "date is recorded."
    ),
)
def hearing_right_told(case: CaseFile, ctx: CheckContext) -> Finding:
    """Where the penalty is in the hearing scope, the party was told of the right to a
    hearing."""
    in_scope, _ = _hearing_scope(case, ctx)
    if in_scope is False:
        return ctx.not_applicable("拟作出或作出的处罚不属于听证范围")
    if _hearing_right_told(case):
        return ctx.passed()
    in_scope, reasons = _hearing_scope(case, ctx, describe=True)
    if in_scope is None:
        return ctx.needs_review(
            "未告知听证权利，且无法确定是否属于听证范围：" + "；".join(reasons),
            "/prior_notice/rights",
            values={"待核对": reasons},
        )
    return ctx.fail(
        "属于听证范围（" + "；".join(reasons) + "），但未告知当事人有要求听证的权利",
        "/prior_notice/rights",
        "/decision/penalties",
        values={"听证事由": reasons},
    )


@rule(
    id="PEN-PROC-012",
    title="当事人依法要求听证的组织听证",
    category=CATEGORY,
    dimension=DIMENSION,
    basis=[f"{_PL}第六十三条第一款", f"{_PL}第六十四条第（一）项", f"{_PL}第六十二条"],
    deduction=10,
    veto=True,
    recommendation=(
        "当事人在告知后五个工作日内要求听证的，行政机关应当组织听证，不得以任何理由拒绝；"
        "当事人撤回听证申请的，应当有书面记录。"
    ),
    applies_to=GENERAL_PENALTY,
    parameters=["penalty.hearing_request_days"],
    example="当事人在收到告知书次日书面要求听证，行政机关未举行听证即作出罚款决定。",
    notes=(
        "Default veto (domain-standards §3.1: requested hearing not held). A request after the "
        "request period (5 WD from service of the notice, 第六十四条第（一）项; 2017 Law: 3 days, "
        "counted as calendar days because that Law had no working-day clause) need not be "
        "honoured → pass with a note. A withdrawal in writing, or the party's absence from a "
        "scheduled hearing (deemed waiver, 第六十四条第（六）项), "
        "satisfies the rule; an unrecorded "
        "withdrawal gives needs_review. Whether the request was within scope is not re-judged."
    ),
)
def requested_hearing_held(case: CaseFile, ctx: CheckContext) -> Finding:
    """A hearing the party requested in time was held."""
    if not _hearing_requested(case):
        return ctx.not_applicable("当事人未要求听证")
    hearing = case.hearing
    request_day = hearing.request_date if hearing is not None else None
    if request_day is None and case.reply is not None and case.reply.type == "hearing_request":
        request_day = case.reply.date
    served, _ = _notice_served(case)
    if request_day is not None and served is not None:
        if _new_law(ctx, served):
            period = ctx.param("penalty.hearing_request_days")
            deadline = add_working_days(served, period)
            unit = "个工作日"
        else:
            period = 3
            deadline = add_calendar_days(served, period)
            unit = "日"
        if request_day > deadline:
            return ctx.passed(
                f"当事人{_fmt(request_day)}要求听证，已超过告知书送达后{period}{unit}的申请期限"
                f"（截止{_fmt(deadline)}）",
                "/hearing/request_date",
            )
    if hearing is not None:
        if hearing.held:
            return ctx.passed()
        if hearing.date is not None and hearing.party_attended is False:
            return ctx.passed()
        if hearing.waived:
            if hearing.waiver_in_writing:
                return ctx.passed()
            return ctx.needs_review(
                "当事人要求听证后又放弃，但案卷未见书面撤回听证申请的材料",
                "/hearing/waiver_in_writing",
            )
    return ctx.fail(
        f"当事人于{_fmt(request_day)}要求听证，案卷未见举行听证的记录，也无书面撤回申请",
        "/hearing",
        "/decision/date",
        values={"听证申请日": request_day},
    )


@rule(
    id="PEN-PROC-013",
    title="举行听证七个工作日前通知当事人",
    category=CATEGORY,
    dimension=DIMENSION,
    basis=[f"{_PL}第六十四条第（二）项", f"{_PL}第八十五条"],
    deduction=2,
    recommendation="行政机关应当在举行听证的七个工作日前，通知当事人及有关人员听证的时间、地点。",
    applies_to=GENERAL,
    parameters=["penalty.hearing_notice_days", "hearing.notice_strict_clear_days"],
    example="听证通知书于2025年5月12日送达，听证于2025年5月15日举行。",
    notes=(
        "Counted backwards from the hearing date on the working-day calendar "
        "(subtract_working_days: the notice day counts, the hearing day does not; make-up "
        "workdays count). statutory-rules AP-12 calls this the conservative reading; the "
        "stricter 'seven clear working days' reading is available by parameter. Before the 2021 "
        "Law the 7 days are calendar days (no working-day clause). The notice date is the "
        "hearing notice's service date, or the service record of a 听证通知书."
    ),
)
def hearing_notice_in_time(case: CaseFile, ctx: CheckContext) -> Finding:
    """The hearing notice was served at least seven working days before the hearing."""
    hearing = case.hearing
    if hearing is None or hearing.date is None:
        return ctx.not_applicable("案卷无听证日期")
    notice_day = hearing.notice_date
    pointer = "/hearing/notice_date"
    if notice_day is None:
        for doc in case.documents_of("hearing_notice"):
            notice_day, pointer = _service_date(case, doc.id)
            if notice_day is not None:
                break
    if notice_day is None:
        return ctx.needs_review(
            f"听证于{_fmt(hearing.date)}举行，案卷未记载听证通知送达日期", "/hearing/notice_date"
        )
    days = ctx.param("penalty.hearing_notice_days")
    if _new_law(ctx, hearing.date):
        latest = subtract_working_days(hearing.date, days)
        strict = bool(ctx.param("hearing.notice_strict_clear_days"))
        ok = notice_day < latest if strict else notice_day <= latest
        unit = "个工作日"
    else:
        latest = hearing.date - dt.timedelta(days=days)
        ok = notice_day <= latest
        unit = "日"
    if ok:
        return ctx.passed()
    return ctx.fail(
        f"听证日{_fmt(hearing.date)}，应于{days}{unit}前（不晚于{_fmt(latest)}）通知；"
        f"听证通知送达日{_fmt(notice_day)}，通知期不足",
        pointer,
        "/hearing/date",
        values={"听证日": hearing.date, "最迟通知日": latest, "通知送达日": notice_day},
    )


@rule(
    id="PEN-PROC-014",
    title="听证申请期限届满后作出处罚决定",
    category=CATEGORY,
    dimension=DIMENSION,
    basis=[f"{_PL}第六十四条第（一）项", f"{_PL}第六十三条第一款", f"{_SAMR}第五十七条第二款"],
    deduction=3,
    recommendation=(
        "属于听证范围的案件，应当在当事人要求听证的期限（告知后五个工作日）届满后，"
        "或者当事人书面放弃听证后，再作出处罚决定。"
    ),
    applies_to=GENERAL_PENALTY,
    parameters=[
        "penalty.hearing_request_days",
        "notice.reply_working_days",
        "hearing.fine_min_individual",
        "hearing.fine_min_organisation",
        "hearing.confiscation_min_individual",
        "hearing.confiscation_min_organisation",
        "hearing.threshold_inclusive",
        "hearing.penalty_types",
        "hearing.review_penalty_types",
    ],
    prepare=_HearingParams,
    example="拟吊销许可证，告知书于周五送达，行政机关于下周二即作出吊销决定。",
    notes=(
        "Only for cases in the hearing scope (same test as PEN-PROC-011; unknown scope → not "
        "applicable, PEN-PROC-011 already asks for review) where the hearing right was told "
        "(not told → PEN-PROC-011's veto covers the case; a finding here would say the party "
        "did not waive a right it was never given) and no hearing was requested (requested "
        "hearings: PEN-PROC-012, PEN-PROC-015). Premature = decision or approval date on or "
        "before the last day of the request period. Excused by a written waiver of the hearing; "
        "a written waiver of 陈述申辩 that does not mention the hearing gives needs_review. One "
        "premature decision is deducted once: where PEN-PROC-008 already fails the decision "
        "against a reply period ending on or after the request period's last day (SAMR: both "
        "5 WD), this rule is not applicable; it fails alone where the request period is the "
        "longer one (农业: 3 WD reply, 5 WD request) or the party's statement excused the "
        "reply period but not the hearing request period."
    ),
)
def hearing_window_respected(case: CaseFile, ctx: CheckContext) -> Finding:
    """In hearing-scope cases the decision waits until the hearing request period ran out,
    unless the party waived the hearing in writing."""
    if _hearing_requested(case):
        return ctx.not_applicable("当事人已要求听证（见PEN-PROC-012、PEN-PROC-015）")
    in_scope, _ = _hearing_scope(case, ctx)
    if not in_scope:
        return ctx.not_applicable("不属于听证范围或无法确定（见PEN-PROC-011）")
    if not _hearing_right_told(case):
        return ctx.not_applicable("未告知听证权利，由PEN-PROC-011评查")
    served, served_ptr = _notice_served(case)
    moment, moment_ptr = _decision_moment(case)
    if served is None or moment is None:
        return ctx.needs_review(
            "案卷未记载告知书送达日期或决定日期，无法核对听证申请期限",
            "/prior_notice/served_date",
            "/decision/date",
        )
    if served >= ctx.prepared.new_law_from:
        period = ctx.param("penalty.hearing_request_days")
        deadline = add_working_days(served, period)
        unit = "个工作日"
    else:
        period = 3
        deadline = add_calendar_days(served, period)
        unit = "日"
    if moment > deadline:
        return ctx.passed()
    hearing = case.hearing
    if hearing is not None and hearing.waived and hearing.waiver_in_writing:
        return ctx.passed()
    required = _for_sector(ctx.param("notice.reply_working_days"), case.sector) or 0
    window = _reply_window(case, required)
    if window.status == "premature" and window.deadline is not None and window.deadline >= deadline:
        return ctx.not_applicable(
            f"陈述申辩期限截止{_fmt(window.deadline)}，不早于听证申请期限截止{_fmt(deadline)}，"
            "同一提前作出决定的问题由PEN-PROC-008评查"
        )
    reply = case.reply
    if reply is not None and reply.type == "waived" and reply.in_writing:
        return ctx.needs_review(
            f"听证申请期限截止{_fmt(deadline)}，决定于{_fmt(moment)}作出；当事人书面放弃了陈述"
            "申辩，请核对是否同时书面放弃听证",
            "/reply",
            values={"期限截止": deadline, "决定日": moment},
        )
    return ctx.fail(
        f"告知书送达日{_fmt(served)}，听证申请期限{period}{unit}，截止{_fmt(deadline)}；"
        f"{_fmt(moment)}即作出处罚决定，当事人未书面放弃听证",
        served_ptr,
        moment_ptr,
        values={"告知书送达日": served, "期限截止": deadline, "决定日": moment},
    )


@rule(
    id="PEN-PROC-015",
    title="听证结束后根据听证笔录作出决定",
    category=CATEGORY,
    dimension=DIMENSION,
    basis=[f"{_PL}第六十五条", f"{_PL}第六十二条"],
    deduction=10,
    veto=True,
    recommendation="举行听证的，应当在听证结束后，根据听证笔录依法作出决定，不得先决定后听证。",
    applies_to=GENERAL,
    example="处罚决定书日期为2025年6月3日，听证于2025年6月10日举行。",
    notes=(
        "A decision dated before the hearing is a procedure inversion and, in substance, a "
        "requested hearing not held for the decision — both default vetoes in domain-standards "
        "§3.1. Decision on the hearing day itself passes (dates have no time of day)."
    ),
)
def decision_after_hearing(case: CaseFile, ctx: CheckContext) -> Finding:
    """Where a hearing was held, the decision is dated on or after the hearing."""
    hearing = case.hearing
    decision = case.decision
    if hearing is None or hearing.date is None or hearing.held is False:
        return ctx.not_applicable("未举行听证")
    if decision is None or decision.date is None:
        return ctx.not_applicable("案卷未记载决定日期")
    moment, moment_ptr = _decision_moment(case)
    assert moment is not None
    if moment >= hearing.date:
        return ctx.passed()
    return ctx.fail(
        f"听证于{_fmt(hearing.date)}举行，处罚决定（审批）日期{_fmt(moment)}在听证之前，"
        "先决定后听证",
        "/hearing/date",
        moment_ptr,
        values={"听证日": hearing.date, "决定日": moment},
    )


def _investigator_source(case: CaseFile, officer_id: str) -> tuple[str, str] | None:
    """Where the file shows that an officer is one of the case's investigators (本案调查人员),
    as a label and a pointer, or None: designated at 立案 (checked first), else the first record
    of an investigative act the officer signed."""
    if case.filing is not None and officer_id in case.filing.assigned_officers:
        return "立案时指定的办案人员", "/filing/assigned_officers"
    for doc in case.documents:
        if doc.type in _INVESTIGATION_RECORDS and officer_id in doc.officers:
            return (
                f"在{_doc_name(doc)}上签名的执法人员",
                case.pointer("documents", doc.id, "officers"),
            )
    return None


@rule(
    id="PEN-PROC-034",
    title="听证由非本案调查人员主持",
    category=CATEGORY,
    dimension=DIMENSION,
    basis=[f"{_PL}第六十四条第（四）项"],
    deduction=3,
    recommendation=(
        "听证应当由行政机关指定的非本案调查人员主持；立案时指定的办案人员和参与调查取证、"
        "在笔录上签名的执法人员不得担任本案听证主持人。"
    ),
    applies_to=GENERAL,
    example="本案承办人员陈晓东在现场检查笔录和询问笔录上签名，又担任本案听证主持人。",
    notes=(
        "Investigators = filing.assigned_officers plus every officer who signed a record of an "
        "investigative act (询问、检查、现场、抽样取证、勘验笔录). A presiding officer among them "
        "fails; no presiding officer recorded gives needs_review. Applies to held hearings only "
        "(held, or dated and not recorded as not held). The rule is unchanged from the 2017 text "
        "(2017 第四十二条第一款第（四）项, same wording as 1996 — believed, item number not "
        "re-read), so no in-force date is set. Deduction 3: §1.10 has no figure for this defect; "
        "3 is a proposal matching LIC-HEAR-007 (the licensing counterpart). The party's "
        "application for the presiding officer's recusal (same item) is not modelled."
    ),
)
def hearing_presider_not_investigator(case: CaseFile, ctx: CheckContext) -> Finding:
    """The hearing was presided over by someone who did not investigate the case."""
    hearing = case.hearing
    if hearing is None or not _hearing_held(case):
        return ctx.not_applicable("未举行听证")
    presider = hearing.presiding_officer
    if presider is None:
        return ctx.needs_review(
            "案卷未记载听证主持人，无法核对是否为非本案调查人员", "/hearing/presiding_officer"
        )
    found = _investigator_source(case, presider)
    if found is None:
        return ctx.passed()
    where, pointer = found
    name = _officer_name(case, presider)
    return ctx.fail(
        f"听证主持人{name}系本案调查人员（{where}），不得主持本案听证",
        "/hearing/presiding_officer",
        pointer,
        values={"听证主持人": name, "调查人员依据": where, "听证日": hearing.date},
    )


@rule(
    id="PEN-PROC-035",
    title="听证笔录经当事人核对签字或者由主持人注明拒签",
    category=CATEGORY,
    dimension=DIMENSION,
    basis=[f"{_PL}第六十四条第（八）项"],
    deduction=2,
    recommendation=(
        "听证应当制作笔录，笔录应当交当事人或者其代理人核对无误后签字或者盖章；当事人或者其代理人"
        "拒绝签字或者盖章的，由听证主持人在笔录中注明。"
    ),
    applies_to=GENERAL,
    example="听证笔录末页无当事人或其代理人签名，也无主持人关于当事人拒绝签字的注明。",
    notes=(
        "Checks the hearing record of a held hearing the party attended (party_attended not "
        "false): signed (party_signed) passes; a refusal (party_refused, or party_signed false "
        "with refusal_noted) must be noted (refusal_noted true) — not noted fails, not recorded "
        "gives needs_review; unsigned without any refusal fails; nothing recorded gives "
        "needs_review. The refusal note is new in the 2021 Law (2017 第四十二条第一款第（七）项 "
        "only required the party's check and signature), so an unnoted refusal at a hearing "
        "before the 2021 edition's in-force date gives needs_review. Who wrote the note (the "
        "presiding officer) is not recorded in the model. Left to other rules so that one "
        "defect is deducted once: a missing hearing record (TS-REC-001) and a hearing record an "
        "evidence item relies on (its signature is PEN-EVID-002's). Deduction 2, the figure "
        "PEN-EVID-002 uses for an unsigned record."
    ),
)
def hearing_record_signed(case: CaseFile, ctx: CheckContext) -> Finding | list[Finding]:
    """The hearing record was checked and signed by the party, or its refusal was noted."""
    hearing = case.hearing
    if hearing is None or not _hearing_held(case):
        return ctx.not_applicable("未举行听证")
    if hearing.party_attended is False:
        return ctx.not_applicable("当事人未到场参加听证")
    linked = case.document(hearing.record)
    records = (linked,) if linked is not None else case.documents_of("hearing_record")
    if not records:
        return ctx.not_applicable("案卷无听证笔录（缺少笔录由TS-REC-001评查）")
    relied_on = {ev.document for ev in case.evidence if ev.document is not None}
    new_law = _new_law(ctx, hearing.date)
    out: list[Finding] = []
    checked = False
    for doc in records:
        if doc.id in relied_on:
            continue  # an evidence item rests on it: PEN-EVID-002 checks its signature
        checked = True
        if doc.party_signed is True:
            continue
        pointer = case.pointer("documents", doc.id)
        name = _doc_name(doc)
        refused = doc.party_refused is True or (
            doc.party_signed is False and doc.refusal_noted is True
        )
        if refused:
            if doc.refusal_noted is True:
                continue
            if doc.refusal_noted is False and new_law:
                out.append(
                    ctx.fail(
                        f"{name}当事人拒绝签字或者盖章，听证主持人未在笔录中注明",
                        pointer + "/refusal_noted",
                        values={"文书": name, "当事人签字或盖章": "否", "注明拒签": "否"},
                    )
                )
            else:
                out.append(
                    ctx.needs_review(
                        f"{name}当事人拒绝签字或者盖章，案卷未记载是否由听证主持人在笔录中注明",
                        pointer + "/refusal_noted",
                        values={"文书": name},
                    )
                )
        elif doc.party_signed is False:
            out.append(
                ctx.fail(
                    f"{name}无当事人或其代理人签字或者盖章，也未注明拒绝签字的情况",
                    pointer + "/party_signed",
                    values={"文书": name, "当事人签字或盖章": "否"},
                )
            )
        else:
            out.append(
                ctx.needs_review(
                    f"案卷未记载{name}是否经当事人或其代理人核对后签字或者盖章",
                    pointer + "/party_signed",
                    values={"文书": name},
                )
            )
    if not checked:
        return ctx.not_applicable("听证笔录作为证据使用，其签名由PEN-EVID-002评查")
    return out or ctx.passed()


# ---------------------------------------------------------------------------------------------
# 集体讨论
# ---------------------------------------------------------------------------------------------


def _is_legal_review(case: CaseFile) -> bool:
    """Whether the file's review is a 法制审核, not an ordinary 案件审核.

    ``legal_review.type`` says so; a review whose opinion is filed as a 案件审核意见书 is read as
    a 案件审核 even when the type was left at its default, because the document is the better
    evidence of what the review was.
    """
    review = case.legal_review
    if review is None or review.type != "legal_review":
        return False
    doc = case.document(review.document)
    return doc is None or doc.type != "case_review_opinion"


class _DiscussionTriggers:
    """``collective_discussion.triggers`` and ``hearing.threshold_inclusive``, converted once
    per batch."""

    __slots__ = (
        "fine_min_individual",
        "fine_min_organisation",
        "hearing_held",
        "inclusive",
        "legal_review_sectors",
        "penalty_types",
        "review_disagreement",
    )

    def __init__(self, ctx: CheckContext) -> None:
        triggers = ctx.param("collective_discussion.triggers")
        self.hearing_held = triggers["hearing_held"]
        self.legal_review_sectors = frozenset(triggers["legal_review_sectors"])
        self.review_disagreement = triggers["review_disagreement"]
        self.penalty_types = frozenset(triggers["penalty_types"])
        self.fine_min_individual = triggers["fine_min_individual"]
        self.fine_min_organisation = triggers["fine_min_organisation"]
        self.inclusive = bool(ctx.param("hearing.threshold_inclusive"))


def _discussion_reasons(case: CaseFile, triggers: _DiscussionTriggers) -> list[str]:
    decision = case.decision
    reasons: list[str] = []
    hearing = case.hearing
    if triggers.hearing_held and hearing is not None and hearing.held:
        reasons.append("经过听证")
    if case.sector is not None and case.sector in triggers.legal_review_sectors:
        major = case.major_decision
        if _is_legal_review(case):
            reasons.append("经法制审核")
        elif major is not None and major.major:
            reasons.append("属于重大执法决定")
    review = case.legal_review
    if (
        triggers.review_disagreement
        and review is not None
        and (review.conclusion == "not_approved" or review.decision_follows_opinion is False)
    ):
        reasons.append("审核意见与调查处理意见存在分歧")
    if decision is None:
        return reasons
    types = triggers.penalty_types
    individual = _is_individual(case)
    fine_min = triggers.fine_min_individual if individual else triggers.fine_min_organisation
    inclusive = triggers.inclusive
    fines = 0.0
    for item in decision.penalties:
        if item.type in types:
            reasons.append(_ptype(item.type))
        elif item.type == "fine" and item.amount is not None:
            fines += item.amount
    if fine_min and individual is not None and fines and _reaches(fines, fine_min, inclusive):
        reasons.append(f"罚款{_yuan(fines)}（标准{_yuan(fine_min)}）")
    return reasons


@rule(
    id="PEN-PROC-016",
    title="情节复杂或重大违法案件经负责人集体讨论决定",
    category=CATEGORY,
    dimension=DIMENSION,
    basis=[f"{_PL}第五十七条第二款", f"{_SAMR}第六十条", f"{_SAMR}第五十条第一款"],
    deduction=3,
    recommendation=(
        "对情节复杂或者重大违法行为给予行政处罚的，应当由行政机关负责人集体讨论决定，并制作集体"
        "讨论记录存档；市场监管部门对经法制审核的案件（第五十条第一款规定的案件）作出行政处罚的，"
        "应当由负责人集体讨论决定。"
    ),
    applies_to=GENERAL_PENALTY,
    parameters=["collective_discussion.triggers", "hearing.threshold_inclusive"],
    prepare=_DiscussionTriggers,
    example="市场监管部门对某公司罚款10万元，案件经法制审核，案卷中无负责人集体讨论记录。",
    notes=(
        "The Law does not define 情节复杂 / 重大违法行为; the triggers are a parameter. Defaults: "
        "(1) a held hearing; (2) market regulation (legal_review_sectors = [market_regulation]): "
        "statutory-rules SR-09 reads 《市场监督管理行政处罚程序规定》第六十条 as requiring "
        "collective discussion for every 第五十条第一款 case (the cases that need 法制审核) that "
        "ends in a penalty — so the trigger is a review whose type is legal_review, or a file "
        "that records the decision as major (major_decision.major); a review of type case_review "
        "(SAMR's ordinary 案件审核), or one filed as a 案件审核意见书, does not trigger it. The "
        "paragraph of 第六十条 that carries the sentence was not re-read, so the basis cites the "
        "article; (3) the penalty types provincial catalogues commonly list (吊销许可证件, "
        "责令停产停业, 责令关闭). Not on by default: a "
        "'review disagreement' trigger (审核不同意, or "
        "the decision departs from the review opinion) — an earlier version attributed it to "
        "SAMR 第六十条第二款 from memory; that attribution is withdrawn as unverified and the "
        "trigger stays only as an optional standard setting (a proposal). The monetary trigger "
        "is off by default (0). Other sectors get the SAMR reading only when a standard lists "
        "them in legal_review_sectors."
    ),
)
def collective_discussion_held(case: CaseFile, ctx: CheckContext) -> Finding:
    """Cases meeting the collective-discussion triggers were decided by collective discussion."""
    reasons = _discussion_reasons(case, ctx.prepared)
    if not reasons:
        return ctx.not_applicable("不属于应当集体讨论的情形")
    if case.collective_discussion is not None:
        return ctx.passed()
    pointers = ["/collective_discussion"]
    if "经法制审核" in reasons:
        pointers.append("/legal_review/type")
    if "属于重大执法决定" in reasons:
        pointers.append("/major_decision/major")
    return ctx.fail(
        "案件" + "、".join(reasons) + "，应当由机关负责人集体讨论决定，案卷未见集体讨论记录",
        *pointers,
        values={"集体讨论事由": reasons},
    )


@rule(
    id="PEN-PROC-017",
    title="集体讨论在作出决定之前",
    category=CATEGORY,
    dimension=DIMENSION,
    basis=[f"{_PL}第五十七条第二款"],
    deduction=2,
    recommendation="集体讨论应当在作出处罚决定前进行，讨论结论作为决定的依据，不得事后补记。",
    applies_to=GENERAL,
    example="处罚决定审批日期为2025年4月1日，集体讨论记录日期为2025年4月3日。",
    notes=(
        "Checked whenever a collective discussion is on file, required or not. The decision "
        "moment is the earlier of the decision date and the head's approval date; a discussion "
        "on the same day passes. A discussion without a date gives needs_review."
    ),
)
def collective_discussion_before_decision(case: CaseFile, ctx: CheckContext) -> Finding:
    """The collective discussion is dated on or before the decision."""
    discussion = case.collective_discussion
    if discussion is None:
        return ctx.not_applicable("案卷无集体讨论")
    moment, moment_ptr = _decision_moment(case)
    if moment is None:
        return ctx.not_applicable("案卷未记载决定日期")
    if discussion.date is None:
        return ctx.needs_review("集体讨论记录未记载讨论日期", "/collective_discussion/date")
    if discussion.date <= moment:
        return ctx.passed()
    return ctx.fail(
        f"集体讨论日期{_fmt(discussion.date)}晚于处罚决定（审批）日期{_fmt(moment)}，"
        "先决定后集体讨论",
        "/collective_discussion/date",
        moment_ptr,
        values={"集体讨论日期": discussion.date, "决定日": moment},
    )


@rule(
    id="PEN-PROC-018",
    title="集体讨论由机关负责人参加",
    category=CATEGORY,
    dimension=DIMENSION,
    basis=[f"{_PL}第五十七条第二款"],
    deduction=2,
    recommendation=(
        "集体讨论应当由行政机关负责人参加并形成结论，记录应当载明参加的负责人；承办人员、"
        "法制审核人员可列席汇报，但不能代替负责人集体讨论。"
    ),
    applies_to=GENERAL,
    parameters=["collective_discussion.min_heads"],
    example="“集体讨论”仅由执法科长和两名承办人参加，无局领导参加。",
    notes=(
        "Heads are officers marked is_agency_head or with the role agency_head. The minimum "
        "number of heads is a parameter (default 2: a single head is not a collective). No "
        "attendees recorded gives needs_review."
    ),
)
def collective_discussion_by_heads(case: CaseFile, ctx: CheckContext) -> Finding:
    """Enough agency heads attended the collective discussion."""
    discussion = case.collective_discussion
    if discussion is None:
        return ctx.not_applicable("案卷无集体讨论")
    if not discussion.attendees:
        return ctx.needs_review("集体讨论记录未记载参加人员", "/collective_discussion/attendees")
    minimum = ctx.param("collective_discussion.min_heads")
    # Attendee ids are validated against the officers when the file is loaded.
    heads = [
        o.name for o in map(case.officer, discussion.attendees) if o is not None and _is_head(o)
    ]
    if len(heads) >= minimum:
        return ctx.passed()
    return ctx.fail(
        f"集体讨论参加的机关负责人{len(heads)}人"
        f"{'（' + '、'.join(heads) + '）' if heads else ''}，少于{minimum}人，不构成负责人集体讨论",
        "/collective_discussion/attendees",
        values={"负责人人数": len(heads), "最少人数": minimum},
    )


# ---------------------------------------------------------------------------------------------
# 办案期限
# ---------------------------------------------------------------------------------------------


class _PeriodParams:
    """PEN-PROC-019's parameters, resolved once per batch."""

    __slots__ = (
        "base",
        "excluded_default",
        "excluded_types",
        "extension_default",
        "extensions",
        "new_law_from",
    )

    def __init__(self, ctx: CheckContext) -> None:
        self.base = ctx.param("penalty.decision_limit_days")
        self.excluded_types, self.excluded_default = _sector_table(
            ctx.param("penalty.decision_excluded_types"), frozenset
        )
        self.extensions, self.extension_default = _sector_table(
            ctx.param("penalty.decision_extension")
        )
        self.new_law_from = _new_law_from(ctx)


@rule(
    id="PEN-PROC-019",
    title="在办案期限内作出处罚决定",
    category=CATEGORY,
    dimension=DIMENSION,
    basis=[
        f"{_PL}第六十条",
        f"{_SAMR}第六十四条",
        "《交通运输行政执法程序规定》第七十八条",
        "《住房和城乡建设行政处罚程序规定》第二十九条",
        "《农业行政处罚程序规定》第五十八条",
    ],
    deduction=5,
    recommendation=(
        "应当自立案之日起九十日内作出行政处罚决定；因案情复杂等原因不能按期作出的，应当在期限届满"
        "前按规定报批延长，并将不计入期限的听证、检测、鉴定、公告等期间的起止日期记录在案。"
    ),
    applies_to=GENERAL,
    in_force_from="2021-07-15",
    parameters=[
        "penalty.decision_limit_days",
        "penalty.decision_extension",
        "penalty.decision_excluded_types",
    ],
    prepare=_PeriodParams,
    example="立案日2025-03-05，决定日2025-07-01，立案后第118日作出决定，超过90日且无延期批准。",
    notes=(
        "90 calendar days from 立案 (第六十条 is not in the 第八十五条 working-day list), the "
        "last day moving to the next working day when it is a rest day (民法典第二百零三条). "
        "Extensions per sector (parameter): a first extension (SAMR/交通/住建/农业 30 days) "
        "counts when approved, with approver and date, before the running deadline expired; "
        "a further extension counts only where the sector allows one — SAMR and 住建 by "
        "collective discussion (住建 capped at 60 days), 农业 by the higher agency (the "
        "approver's level is not verifiable and is accepted), 交通运输 none. A first extension "
        "without a length counts as the maximum; a further one without a length cannot be "
        "counted. Excluded periods of the sector's types are added day for day (inclusive, "
        "overlaps merged, only the part after 立案). Other sectors: SAMR defaults. 生态环境: a "
        "second-hand summary of 《生态环境行政处罚办法》(2023)第五十七条 says the further "
        "extension (decided collectively) is capped at 30 days; the text could not be retrieved "
        "with the search tool (searched during the legal review), so the SAMR default (no cap) "
        "stays and the point is recorded as unverified — a standard that confirms it sets "
        "ecology_environment: {days: 30, further: collective_discussion, further_max_days: 30}. "
        "Cases filed before 2021-07-15 that exceed the period give needs_review "
        "(statutory-rules §0.2: report a straddling period as a warning)."
    ),
)
def decided_within_period(case: CaseFile, ctx: CheckContext) -> Finding:
    """The decision is dated within 90 days of 立案 plus lawful extensions and excluded time."""
    filing = case.filing
    decision = case.decision
    if filing is None or filing.date is None or decision is None or decision.date is None:
        return ctx.not_applicable("案卷未记载立案日或决定日")
    start, end = filing.date, decision.date
    params: _PeriodParams = ctx.prepared
    base = params.base
    sector = case.sector
    allowed_types = params.excluded_types.get(sector, params.excluded_default)
    intervals: list[tuple[dt.date, dt.date]] = []
    open_ended: list[str] = []
    for period in case.excluded_periods:
        if period.type not in allowed_types:
            continue
        if period.end is None:
            open_ended.append(EXCLUDED_TYPE_ZH.get(period.type, period.type))
            continue
        first = max(period.start, start + dt.timedelta(days=1))
        if period.end >= first:
            intervals.append((first, period.end))
    excluded = _merged_days(intervals) if intervals else 0
    deadline = add_calendar_days(start, base + excluded)
    if end <= deadline:
        return ctx.passed()
    rule_ext = params.extensions.get(sector, params.extension_default)
    notes: list[str] = []
    granted = 0
    first_left = rule_ext["days"]
    further_total = 0
    further_cap = rule_ext["further_max_days"]
    further_how = rule_ext["further"]
    missing_length = False
    dated = sorted(
        (
            (ext.approval.date, i, ext)
            for i, ext in enumerate(case.period_extensions)
            if ext.approval is not None
            and ext.approval.date is not None
            and ext.approval.approver is not None
        ),
        key=lambda t: (t[0], t[1]),
    )
    unapproved = len(case.period_extensions) - len(dated)
    if unapproved:
        notes.append(f"{unapproved}项延期无审批人或审批日期，不予计入")
    for approved_on, _, ext in dated:
        running = add_calendar_days(start, base + excluded + granted)
        if approved_on > running:
            notes.append(
                f"{_fmt(approved_on)}的延期审批晚于当时的期限届满日{_fmt(running)}，不予计入"
            )
            continue
        requested = ext.days
        if first_left > 0:
            # The head-approved first extension; a collective decision is at least that.
            take = min(requested or first_left, first_left)
            first_left -= take
            granted += take
            if requested is None or requested <= take:
                continue
            requested -= take
        # What goes beyond the first extension needs the sector's further procedure.
        if further_how == "none":
            notes.append("该领域规定不得再次延长办案期限，再次延期不予计入")
            continue
        if further_how == "collective_discussion" and not ext.by_collective_discussion:
            notes.append("再次延长未经负责人集体讨论决定，不予计入")
            continue
        if requested is None:
            missing_length = True
            continue
        if further_cap:
            requested = max(0, min(requested, further_cap - further_total))
        further_total += requested
        granted += requested
    deadline = add_calendar_days(start, base + excluded + granted)
    if end <= deadline:
        return ctx.passed()
    elapsed = (end - start).days
    detail = f"立案日{_fmt(start)}，决定日{_fmt(end)}，立案后第{elapsed}日作出决定"
    limit = f"办案期限{base}日"
    if granted:
        limit += f"，经批准延长{granted}日"
    if excluded:
        limit += f"，扣除不计入期限的{excluded}日"
    limit += f"，截止{_fmt(deadline)}"
    message = f"{detail}；{limit}，逾期{(end - deadline).days}日"
    if not granted:
        message += "，且无有效的延期批准"
    if notes:
        message += "（" + "；".join(notes) + "）"
    values = {
        "立案日": start,
        "决定日": end,
        "期限（日）": base,
        "延长（日）": granted,
        "扣除（日）": excluded,
        "截止日": deadline,
    }
    if missing_length or open_ended:
        why = []
        if missing_length:
            why.append("再次延长未记载延长天数")
        if open_ended:
            why.append(f"不计入期限的{'、'.join(open_ended)}期间未记载结束日期")
        return ctx.needs_review(
            message + "；" + "，".join(why) + "，请人工核对",
            "/filing/date",
            "/decision/date",
            values=values,
        )
    if start < params.new_law_from:
        return ctx.needs_review(
            message + "；立案早于2021年修订的行政处罚法施行，90日期限是否适用请人工核对",
            "/filing/date",
            "/decision/date",
            values=values,
        )
    return ctx.fail(message, "/filing/date", "/decision/date", values=values)


# ---------------------------------------------------------------------------------------------
# 送达
# ---------------------------------------------------------------------------------------------


def _prepare_delivery(ctx: CheckContext) -> tuple[int, dt.date]:
    return ctx.param("penalty.delivery_days"), _new_law_from(ctx)


@rule(
    id="PEN-PROC-020",
    title="处罚决定书当场交付或七个工作日内送达",
    category=CATEGORY,
    dimension=DIMENSION,
    basis=[f"{_PL}第六十一条第一款", f"{_PL}第八十五条", f"{_SAMR}第八十一条"],
    deduction=3,
    recommendation=(
        "行政处罚决定书应当在宣告后当场交付当事人；当事人不在场的，应当在七个工作日内依照民事诉讼法"
        "的有关规定送达。"
    ),
    applies_to=GENERAL,
    parameters=["penalty.delivery_days"],
    prepare=_prepare_delivery,
    example="处罚决定书于2025年9月25日作出，2025年10月14日才直接送达当事人。",
    notes=(
        "Working days with make-up workdays (第八十五条); for decisions before the 2021 Law the "
        "7 days are calendar days (2017 第四十条, no working-day clause). A decision announced "
        "on the spot must be served the same day. For 公告送达 the act judged is the "
        "publication; a publication after the deadline gives needs_review (the file may show "
        "earlier failed attempts). A decision with no dated service record: not applicable "
        "here — PEN-PROC-021 reports the missing service."
    ),
)
def decision_served_in_time(case: CaseFile, ctx: CheckContext) -> Finding:
    """The decision was handed over on the spot or served within seven working days."""
    decision = case.decision
    if decision is None or decision.date is None:
        return ctx.not_applicable("案卷未记载决定日期")
    doc_id = _decision_document_id(case)
    first = -1  # index of the decision's first service record
    on_spot = bool(decision.announced_on_the_spot)
    best: dt.date | None = None
    best_index = -1
    best_field = method = ""
    for i, service in enumerate(case.services):
        if service.document != doc_id:
            continue
        if first < 0:
            first = i
        if service.on_the_spot:
            on_spot = True
        if service.method == "announcement" and service.announcement_date is not None:
            day, field = service.announcement_date, "announcement_date"
        else:
            day, field = service.date, "date"
        if day is not None and (best is None or day < best):
            best, best_index, best_field, method = day, i, field, service.method
    if first < 0:
        return ctx.not_applicable("案卷无决定书送达记录（见PEN-PROC-021）")
    if best is None:
        return ctx.needs_review("决定书送达记录未记载送达日期", f"/services/{first}/date")
    act = best
    if on_spot:
        if act == decision.date:
            return ctx.passed()
        return ctx.fail(
            f"决定书宣告后应当场交付，决定日{_fmt(decision.date)}，送达日{_fmt(act)}",
            f"/services/{best_index}/{best_field}",
            "/decision/date",
            values={"决定日": decision.date, "送达日": act},
        )
    days, new_law_from = ctx.prepared
    if decision.date >= new_law_from:
        deadline = add_working_days(decision.date, days)
        unit = "个工作日"
    else:
        deadline = add_calendar_days(decision.date, days)
        unit = "日"
    if act <= deadline:
        return ctx.passed()
    pointer = f"/services/{best_index}/{best_field}"
    message = (
        f"决定日{_fmt(decision.date)}，送达期限{days}{unit}，截止{_fmt(deadline)}；"
        f"{SERVICE_METHOD_ZH.get(method, method)}日期{_fmt(act)}，逾期{(act - deadline).days}日"
    )
    values = {"决定日": decision.date, "截止日": deadline, "送达日": act}
    if method == "announcement":
        return ctx.needs_review(
            message + "；请核对公告前是否已在期限内采用其他方式送达未果", pointer, values=values
        )
    return ctx.fail(message, pointer, "/decision/date", values=values)


@rule(
    id="PEN-PROC-021",
    title="送达有送达回证或其他送达凭证",
    category=CATEGORY,
    dimension=DIMENSION,
    basis=[f"{_PL}第六十一条", f"{_CPL}第八十七条", f"{_CPL}第九十五条"],
    deduction=2,
    recommendation=(
        "行政处罚决定书及告知书等文书送达应当有送达回证、邮寄回执、电子送达记录或者公告记录，"
        "载明送达文书、送达方式、受送达人、送达日期并经签收。"
    ),
    applies_to=PENALTY,
    example="处罚决定书已邮寄，但案卷中无邮寄回执，也无送达回证。",
    notes=(
        "Fails when a penalty or no-penalty decision has no service record at all (21-point "
        "sheet: not delivered → lose all delivery points), and for each service record whose "
        "proof is recorded as missing (receipt = false, no receipt document). 公告送达 is "
        "proved by its publication date. A receipt flag not recorded and no receipt document "
        "gives needs_review. A simple-procedure decision signed by the party on the spot is "
        "its own proof."
    ),
)
def service_proved(case: CaseFile, ctx: CheckContext) -> Finding | list[Finding]:
    """Each service has proof on file, and the decision was served at all."""
    out: list[Finding] = []
    decision = case.decision
    doc_id = _decision_document_id(case)
    if (
        decision is not None
        and decision.outcome in ("penalty", "no_penalty")
        and doc_id is not None
        and not any(s.document == doc_id for s in case.services)
    ):
        doc = case.document(doc_id)
        signed = doc is not None and doc.party_signed
        if not (case.procedure == "simple" and signed):
            out.append(
                ctx.fail(
                    f"{_doc_ref(case, doc_id, '处罚决定书')}无送达记录，未见送达回证或其他送达凭证",
                    "/services",
                    "/decision/document",
                    values={"决定书": _doc_ref(case, doc_id, "处罚决定书")},
                )
            )
    for i, service in enumerate(case.services):
        if service.method == "announcement":
            if service.announcement_date is None and not case.documents_of("service_announcement"):
                name = _doc_ref(case, service.document, "送达文书")
                out.append(
                    ctx.fail(
                        f"{name}公告送达，未见公告日期和公告记录",
                        f"/services/{i}",
                        values={"文书": name},
                    )
                )
            continue
        if service.receipt or service.receipt_document is not None:
            continue
        name = _doc_ref(case, service.document, "送达文书")
        label = SERVICE_METHOD_ZH.get(service.method, service.method)
        if service.receipt is False:
            out.append(
                ctx.fail(
                    f"{name}{label}，案卷无送达回证或回执",
                    f"/services/{i}/receipt",
                    values={"文书": name, "送达方式": label},
                )
            )
        elif service.on_the_spot and case.procedure == "simple":
            continue
        else:
            out.append(
                ctx.needs_review(
                    f"{name}{label}，案卷未记载送达回证或回执",
                    f"/services/{i}/receipt",
                )
            )
    return out or ctx.passed()


#: Service methods with conditions of their own (PEN-PROC-022).
_CONDITIONAL_METHODS = frozenset({"electronic", "left_at_address", "announcement"})


@rule(
    id="PEN-PROC-022",
    title="送达方式合法（电子送达、留置送达、公告送达）",
    category=CATEGORY,
    dimension=DIMENSION,
    basis=[
        f"{_PL}第六十一条第二款",
        f"{_CPL}第八十九条",
        f"{_CPL}第九十条",
        f"{_CPL}第九十五条",
        f"{_SAMR}第八十二条",
    ],
    deduction=2,
    recommendation=(
        "电子送达应当经当事人同意并签订确认书；留置送达应当邀请见证人到场或者采用拍照、录像等方式"
        "记录送达过程；公告送达应当在穷尽其他方式后采用，在案卷中记明原因和经过，自公告之日起经过"
        "规定期间方视为送达。"
    ),
    applies_to=PENALTY,
    parameters=["service.announcement_deemed_days"],
    example="以微信发送处罚决定书视为送达，案卷中无当事人同意电子送达的确认书。",
    notes=(
        "Electronic: a signed consent / address confirmation is required (第六十一条第二款); "
        "false fails, unrecorded gives needs_review. 留置: a witness or a photo/video record "
        "(民事诉讼法第八十九条); both recorded as absent fails. 公告: the reasons must be "
        "recorded (第九十五条); a service date earlier than publication + the deemed period "
        "(sector parameter: 30 days, 交通运输 60 days "
        "per its 第十八条第（五）项, a figure believed "
        "to predate the 2021 CPL amendment — statutory-rules AP-17) fails. Whether other "
        "methods were exhausted first is not machine-checkable."
    ),
)
def service_method_lawful(case: CaseFile, ctx: CheckContext) -> Finding | list[Finding]:
    """Electronic, left-at-address and announcement service meet their conditions."""
    out: list[Finding] = []
    checked = False
    for i, service in enumerate(case.services):
        method = service.method
        if method not in _CONDITIONAL_METHODS:
            continue
        checked = True
        pointer = f"/services/{i}"
        name = _doc_ref(case, service.document, "送达文书")
        if method == "electronic":
            if service.consent_confirmation is False:
                out.append(
                    ctx.fail(
                        f"{name}电子送达，未经当事人同意并签订确认书",
                        pointer + "/consent_confirmation",
                        values={"文书": name},
                    )
                )
            elif service.consent_confirmation is None:
                out.append(
                    ctx.needs_review(
                        f"{name}电子送达，案卷未记载当事人同意电子送达的确认书",
                        pointer + "/consent_confirmation",
                    )
                )
        elif method == "left_at_address":
            if service.witness or service.recorded:
                continue
            if service.recorded is False:
                out.append(
                    ctx.fail(
                        f"{name}留置送达，无见证人，也未拍照、录像记录送达过程",
                        pointer,
                        values={"文书": name},
                    )
                )
            else:
                out.append(
                    ctx.needs_review(
                        f"{name}留置送达，案卷未记载见证人或拍照录像情况",
                        pointer,
                    )
                )
        else:
            if not service.announcement_reason:
                out.append(
                    ctx.fail(
                        f"{name}公告送达，案卷未记明采用公告送达的原因",
                        pointer + "/announcement_reason",
                        values={"文书": name},
                    )
                )
            if service.announcement_date is not None and service.date is not None:
                days = _for_sector(ctx.param("service.announcement_deemed_days"), case.sector)
                deemed = add_calendar_days(service.announcement_date, days, shift_rest_day=False)
                if service.date < deemed:
                    out.append(
                        ctx.fail(
                            f"{name}于{_fmt(service.announcement_date)}公告，"
                            f"经过{days}日即{_fmt(deemed)}方视为送达，案卷却以{_fmt(service.date)}"
                            "为送达日",
                            pointer + "/date",
                            values={
                                "公告日": service.announcement_date,
                                "视为送达日": deemed,
                                "记载送达日": service.date,
                            },
                        )
                    )
    if out:
        return out
    if not checked:
        return ctx.not_applicable("未采用电子送达、留置送达或公告送达")
    return ctx.passed()


# ---------------------------------------------------------------------------------------------
# 简易程序
# ---------------------------------------------------------------------------------------------


@rule(
    id="PEN-PROC-023",
    title="简易程序在法定适用范围内",
    category=CATEGORY,
    dimension=DIMENSION,
    basis=[f"{_PL}第五十一条", f"{_SAMR}第六十六条"],
    deduction=5,
    recommendation=(
        "适用简易程序当场处罚，限于违法事实确凿并有法定依据，对公民处以二百元以下、对法人或者其他"
        "组织处以三千元以下罚款或者警告的行政处罚；超出范围的应当适用普通程序。"
    ),
    applies_to=SIMPLE,
    parameters=["simple.fine_max_individual", "simple.fine_max_organisation"],
    example="对个体工商户适用简易程序当场罚款500元。",
    notes=(
        "Limits (inclusive, '以下'): 2021 Law 200 / 3,000 yuan (parameters, so a standard can "
        "apply a special law's limit); decisions before the 2021 Law's in-force date use the "
        "2017 Law's 50 / 1,000 yuan (2017 第三十三条), chosen by the decision date via the law "
        "registry. 个体工商户 count as 公民. Only 警告 and 罚款 are allowed. Unknown amount or "
        "party type gives needs_review. Whether the facts were certain is a merits question "
        "(evidence plugin)."
    ),
)
def simple_procedure_in_scope(case: CaseFile, ctx: CheckContext) -> Finding:
    """A simple-procedure penalty is a warning or a fine within the statutory limit."""
    decision = case.decision
    if decision is None or not decision.penalties:
        return ctx.not_applicable("案卷未记载处罚内容")
    other = [p.type for p in decision.penalties if p.type not in _SIMPLE_TYPES]
    if other:
        return ctx.fail(
            f"简易程序作出了{'、'.join(_ptype(t) for t in other)}，超出简易程序适用范围"
            "（仅限警告和小额罚款）",
            "/decision/penalties",
            values={"处罚种类": [_ptype(t) for t in other]},
        )
    fines = [p.amount for p in decision.penalties if p.type == "fine"]
    if not fines:
        return ctx.passed()
    if None in fines:
        return ctx.needs_review("简易程序罚款数额未记载", "/decision/penalties")
    total = sum(a for a in fines if a is not None)
    individual = _is_individual(case)
    if individual is None:
        return ctx.needs_review("当事人类型不明，无法判断简易程序罚款上限", "/parties")
    if _new_law(ctx, decision.date):
        limit = ctx.param(
            "simple.fine_max_individual" if individual else "simple.fine_max_organisation"
        )
        law = "2021年修订的行政处罚法第五十一条"
    else:
        limit = 50 if individual else 1000
        law = "2017年修正的行政处罚法第三十三条"
    if total <= limit:
        return ctx.passed()
    who = "公民" if individual else "法人或者其他组织"
    return ctx.fail(
        f"简易程序对{who}罚款{_yuan(total)}，超过{law}规定的{_yuan(limit)}上限，应当适用普通程序",
        "/decision/penalties",
        values={"罚款": total, "上限": limit, "当事人类型": who},
    )


@rule(
    id="PEN-PROC-024",
    title="当场处罚使用预定格式、编有号码的决定书并当场交付",
    category=CATEGORY,
    dimension=DIMENSION,
    basis=[f"{_PL}第五十二条第一款", f"{_PL}第五十二条第二款"],
    deduction=2,
    recommendation=(
        "当场作出行政处罚决定的，应当填写预定格式、编有号码的行政处罚决定书，并当场交付当事人；"
        "当事人拒绝签收的，应当在决定书上注明。"
    ),
    applies_to=SIMPLE,
    example="当场处罚使用自制的空白便笺，无编号，事后才送达当事人。",
    notes=(
        "Fails when the decision document is not a 当场行政处罚决定书, when neither a form "
        "number nor a decision number is recorded, or when the file records that it was not "
        "handed over on the spot. Not recorded either way → needs_review. The contents of the "
        "on-the-spot decision (including 复议前置 from 2024-01-01) are left to the documents "
        "plugin."
    ),
)
def on_the_spot_form_handed_over(case: CaseFile, ctx: CheckContext) -> Finding | list[Finding]:
    """The on-the-spot decision is a pre-formatted numbered form handed over on the spot."""
    decision = case.decision
    spot = case.on_the_spot
    if decision is None:
        return ctx.not_applicable("案卷无处罚决定")
    out: list[Finding] = []
    doc = case.document(_decision_document_id(case))
    if doc is not None and doc.type != "on_the_spot_decision":
        out.append(
            ctx.fail(
                f"简易程序决定文书为{_dtype(doc.type)}，未使用预定格式的当场行政处罚决定书",
                case.pointer("documents", doc.id, "type"),
                values={"文书种类": _dtype(doc.type)},
            )
        )
    number = (spot.form_number if spot is not None else None) or decision.number
    if number is None:
        out.append(ctx.fail("当场行政处罚决定书无编号", "/on_the_spot/form_number"))
    handed = spot.handed_over if spot is not None else None
    if handed is None:
        handed = True if decision.announced_on_the_spot else None
    if (
        handed is None
        and doc is not None
        and any(s.document == doc.id and s.on_the_spot for s in case.services)
    ):
        handed = True
    if handed is False:
        out.append(ctx.fail("当场行政处罚决定书未当场交付当事人", "/on_the_spot/handed_over"))
    elif handed is None and not out:
        return ctx.needs_review("案卷未记载当场行政处罚决定书是否当场交付", "/on_the_spot")
    return out or ctx.passed()


@rule(
    id="PEN-PROC-025",
    title="当场处罚决定在规定期限内报所属行政机关备案",
    category=CATEGORY,
    dimension=DIMENSION,
    basis=[
        f"{_PL}第五十二条第三款",
        f"{_SAMR}第七十条",
        "《交通运输行政执法程序规定》第六十一条第（八）项",
        "《住房和城乡建设行政处罚程序规定》第十四条第二款",
        "《农业行政处罚程序规定》第二十七条",
    ],
    deduction=1,
    recommendation="执法人员当场作出的行政处罚决定，应当在规定期限内报所属行政机关备案。",
    applies_to=SIMPLE,
    parameters=["simple.filing_working_days"],
    prepare=_prepare_sector_table,
    example="当场处罚决定于2025年6月10日作出，2025年7月3日才交回机关备案。",
    notes=(
        "The Law sets no period; sector rules do (parameter in working days: SAMR 7, 住建 3, "
        "农业 2; 交通运输 '五日' with no working-day clause — read as 5 working days, the more "
        "lenient of the two readings, per statutory-rules §6.2 'flag only clear breaches'). "
        "No 备案 date and no 备案登记 document → fail."
    ),
)
def on_the_spot_filed(case: CaseFile, ctx: CheckContext) -> Finding:
    """The on-the-spot decision was filed with the agency within the sector period."""
    decision = case.decision
    if decision is None or decision.date is None:
        return ctx.not_applicable("案卷未记载决定日期")
    spot = case.on_the_spot
    filed = spot.filed_date if spot is not None else None
    pointer = "/on_the_spot/filed_date"
    if filed is None:
        for doc in case.documents_of("filing_record"):
            if doc.date is not None:
                filed, pointer = doc.date, case.pointer("documents", doc.id, "date")
                break
    if filed is None:
        return ctx.fail("当场处罚决定未见报所属行政机关备案的记录", "/on_the_spot/filed_date")
    table, default = ctx.prepared
    days = table.get(case.sector, default)
    deadline = add_working_days(decision.date, days)
    if filed <= deadline:
        return ctx.passed()
    return ctx.fail(
        f"决定日{_fmt(decision.date)}，备案期限{days}个工作日，截止{_fmt(deadline)}；"
        f"备案日{_fmt(filed)}，逾期{(filed - deadline).days}日",
        pointer,
        "/decision/date",
        values={"决定日": decision.date, "截止日": deadline, "备案日": filed},
    )


# ---------------------------------------------------------------------------------------------
# 追责时效
# ---------------------------------------------------------------------------------------------


@rule(
    id="PEN-PROC-026",
    title="在追责时效内发现违法行为",
    category=LIMITATION_CATEGORY,
    dimension=LIMITATION_DIMENSION,
    basis=[f"{_PL}第三十六条第一款", f"{_PL}第三十六条第二款"],
    deduction=10,
    veto=True,
    recommendation=(
        "违法行为在二年内未被发现的（涉及公民生命健康安全、金融安全且有危害后果的为五年），"
        "不再给予行政处罚；对已超过时效的案件应当依法撤销处罚决定。"
    ),
    applies_to=PENALTY_OUTCOME,
    parameters=["penalty.limitation_years", "penalty.limitation_years_extended"],
    example="违法行为于2022年1月10日终了，2024年3月1日才发现，仍给予罚款。",
    notes=(
        "Default veto (domain-standards §3.1, which classes 'penalty after the limitation "
        "period' under 案件是否成立): scored under 法律适用 (legal_basis, merits) — a penalty "
        "out of time lacks a lawful basis to punish — although the id keeps the procedure "
        "series (ids are permanent). Period from the end of the act (continuing "
        "acts: from their end; continuing with no end date: still continuing at discovery) to "
        "discovery (clue.found_date), in years by the corresponding-day rule without the "
        "rest-day shift (it asks whether a fact happened within the period). Five years only "
        "when (life/health OR financial safety) AND harm; flags not recorded where they would "
        "decide → needs_review. Without a clue date the filing date, then the decision date, "
        "stands in: discovery can only be earlier, so an overrun then gives needs_review. The "
        "five-year period is new in 2021: where the two-year period had already run out before "
        "the 2021 Law took effect, whether the longer period applies is left to a reviewer "
        "(no retroactive revival is assumed). Special laws (治安管理处罚法 6 months, 税收征收"
        "管理法 5 years) are set through the parameters."
    ),
)
def within_limitation(case: CaseFile, ctx: CheckContext) -> Finding:
    """The violation was discovered within the limitation period of 第三十六条."""
    violation = case.violation
    if violation is None:
        return ctx.needs_review("案卷未记载违法行为发生或终了日期，无法核对追责时效", "/violation")
    end = violation.end_date
    if end is None:
        if violation.continuing:
            return ctx.passed()
        end = violation.start_date
    if end is None:
        return ctx.needs_review("案卷未记载违法行为发生或终了日期，无法核对追责时效", "/violation")
    found: dt.date | None = None
    found_ptr = ""
    proxy = False
    if case.clue is not None and case.clue.found_date is not None:
        found, found_ptr = case.clue.found_date, "/clue/found_date"
    elif case.filing is not None and case.filing.date is not None:
        found, found_ptr, proxy = case.filing.date, "/filing/date", True
    elif case.decision is not None and case.decision.date is not None:
        found, found_ptr, proxy = case.decision.date, "/decision/date", True
    if found is None:
        return ctx.needs_review("案卷未记载发现违法行为的日期", "/clue/found_date")
    short = ctx.param("penalty.limitation_years")
    long_ = ctx.param("penalty.limitation_years_extended")
    short_end = add_years(end, short, shift_rest_day=False)
    if found <= short_end:
        return ctx.passed()
    domain = (violation.involves_life_health, violation.involves_financial_safety)
    harm = violation.harmful_consequences
    extended = True in domain and harm is True
    # The longer period is still possible when a deciding flag is simply not recorded.
    maybe = not extended and (True in domain or None in domain) and harm is not False
    end_ptr = "/violation/end_date" if violation.end_date else "/violation/start_date"
    values: dict[str, Any] = {"违法行为终了日": end, "发现日": found}
    if extended:
        long_end = add_years(end, long_, shift_rest_day=False)
        if found <= long_end:
            if short_end < _new_law_from(ctx):
                return ctx.needs_review(
                    f"违法行为终了日{_fmt(end)}，二年时效已于{_fmt(short_end)}（2021年修订的"
                    f"行政处罚法施行前）届满，是否适用{long_}年时效请人工判断",
                    end_ptr,
                    found_ptr,
                    values=values,
                )
            return ctx.passed()
        years, limit = long_, long_end
    else:
        years, limit = short, short_end
        if maybe:
            return ctx.needs_review(
                f"违法行为终了日{_fmt(end)}，发现日{_fmt(found)}，已超过{short}年；案卷未记载是否"
                f"涉及生命健康安全、金融安全及有无危害后果，能否适用{long_}年时效请人工核对",
                end_ptr,
                found_ptr,
                values=values,
            )
    values.update({"时效（年）": years, "时效届满日": limit})
    message = (
        f"违法行为终了日{_fmt(end)}，追责时效{years}年，至{_fmt(limit)}届满；"
        f"{'发现日' if not proxy else '立案（决定）日'}{_fmt(found)}，已超过追责时效仍给予处罚"
    )
    if proxy:
        return ctx.needs_review(
            message + "（案卷未记载发现线索日，请核对实际发现日期）",
            end_ptr,
            found_ptr,
            values=values,
        )
    return ctx.fail(message, end_ptr, found_ptr, values=values)


# ---------------------------------------------------------------------------------------------
# 先行登记保存、查封扣押
# ---------------------------------------------------------------------------------------------


def _approval_in_time(measure: Any) -> tuple[bool | None, str]:
    """Whether a measure was approved beforehand, or within 24 hours in an emergency.

    Returns (True, "") when lawful, (False, why) when not, (None, why) when undecidable.
    """
    approval = measure.approval
    if approval is None or approval.approver is None:
        return False, "未经机关负责人批准"
    if measure.date is None:
        return None, "未记载实施日期"
    approved_at = approval.time
    act_at = measure.time
    if approved_at is not None and act_at is not None:
        if approved_at <= act_at:
            return True, ""
        if measure.emergency and approved_at - act_at <= dt.timedelta(hours=24):
            return True, ""
        hours = (approved_at - act_at).total_seconds() / 3600
        if measure.emergency:
            return False, f"情况紧急当场实施后{hours:.1f}小时才报经批准，超过24小时"
        return False, f"实施后{hours:.1f}小时才经批准，且未记载情况紧急"
    approved_on = approval.date
    if approved_on is None:
        return None, "批准未记载日期"
    if approved_on <= measure.date:
        return True, ""
    if measure.emergency and approved_on <= measure.date + dt.timedelta(days=1):
        # Dates only: the next day can be within 24 hours; a later day cannot.
        return True, ""
    if measure.emergency:
        return False, f"情况紧急当场实施后于{_fmt(approved_on)}才补办批准，超过24小时"
    return False, f"{_fmt(approved_on)}才经批准，且未记载情况紧急"


def _measures(case: CaseFile, types: frozenset[str]) -> list[Any]:
    measures = case.compulsory_measures
    if not measures:
        return []
    return [m for m in measures if m.type in types]


_PRESERVATION = frozenset({"advance_preservation"})
_SEIZURE = frozenset({"seal_up", "impound"})


def _approval_findings(
    case: CaseFile, ctx: CheckContext, types: frozenset[str]
) -> Finding | list[Finding]:
    measures = _measures(case, types)
    if not measures:
        return ctx.not_applicable(
            "案卷无先行登记保存" if types is _PRESERVATION else "案卷无查封、扣押"
        )
    out: list[Finding] = []
    for m in measures:
        ok, why = _approval_in_time(m)
        label = _measure_label(m)
        pointer = case.pointer("compulsory_measures", m.id, "approval")
        if ok is False:
            out.append(ctx.fail(f"{label}，{why}", pointer, values={"措施": label, "问题": why}))
        elif ok is None:
            out.append(ctx.needs_review(f"{label}，{why}，无法核对是否事先批准", pointer))
    return out or ctx.passed()


@rule(
    id="PEN-PROC-027",
    title="先行登记保存经机关负责人批准",
    category=CATEGORY,
    dimension=DIMENSION,
    basis=[f"{_PL}第五十六条", f"{_SAMR}第三十四条"],
    deduction=3,
    recommendation=(
        "先行登记保存证据应当事先报经行政机关负责人批准；情况紧急需要当场采取的，应当在二十四小时内"
        "向负责人报告并补办批准手续。"
    ),
    applies_to=PENALTY,
    example="执法人员当场对涉案物品先行登记保存，三天后才补办负责人审批，且未说明情况紧急。",
    notes=(
        "Approval with an approver dated (or timed) no later than the measure; in an "
        "emergency within 24 hours after it (SAMR 第三十四条 — the Penalty Law itself only "
        "requires the head's approval). With dates only, an emergency approval dated the next "
        "day passes (it can be within 24 hours); later days fail."
    ),
)
def preservation_approved(case: CaseFile, ctx: CheckContext) -> Finding | list[Finding]:
    """Each 先行登记保存 was approved by the agency head beforehand (or within 24 hours in an
    emergency)."""
    return _approval_findings(case, ctx, _PRESERVATION)


@rule(
    id="PEN-PROC-028",
    title="先行登记保存七个工作日内作出处理决定",
    category=CATEGORY,
    dimension=DIMENSION,
    basis=[f"{_PL}第五十六条", f"{_PL}第八十五条", f"{_SAMR}第三十五条"],
    deduction=2,
    recommendation=(
        "对先行登记保存的证据，应当在七个工作日内作出处理决定（送检、查封扣押、没收、解除等），"
        "逾期未作出的，先行登记保存措施自动解除。"
    ),
    applies_to=PENALTY,
    example="2025年9月26日先行登记保存，2025年10月15日才作出处理决定。",
    notes=(
        "Seven working days from the measure (第五十六条 with 第八十五条; all sector rules in "
        "statutory-rules §6.2 say the same). Working days are used for pre-2021 cases too (the "
        "SAMR rule then in force already said 工作日, and the working-day reading is the more "
        "lenient). No handling recorded: fail when the case has a decision (the file is "
        "complete), needs_review otherwise."
    ),
)
def preservation_handled(case: CaseFile, ctx: CheckContext) -> Finding | list[Finding]:
    """Each 先行登记保存 was dealt with within seven working days."""
    measures = _measures(case, _PRESERVATION)
    if not measures:
        return ctx.not_applicable("案卷无先行登记保存")
    out: list[Finding] = []
    for m in measures:
        pointer = case.pointer("compulsory_measures", m.id)
        if m.date is None:
            out.append(ctx.needs_review("先行登记保存（案卷未记载实施日期）", pointer))
            continue
        deadline = add_working_days(m.date, 7)
        if m.handling_date is None:
            message = (
                f"{_fmt(m.date)}实施的先行登记保存应于{_fmt(deadline)}前作出处理决定，"
                "案卷未见处理决定"
            )
            if case.decision is not None:
                out.append(
                    ctx.fail(message, pointer, values={"实施日": m.date, "截止日": deadline})
                )
            else:
                out.append(ctx.needs_review(message, pointer))
        elif m.handling_date > deadline:
            out.append(
                ctx.fail(
                    f"先行登记保存实施日{_fmt(m.date)}，处理期限7个工作日，截止"
                    f"{_fmt(deadline)}；处理日{_fmt(m.handling_date)}，逾期"
                    f"{(m.handling_date - deadline).days}日",
                    pointer + "/handling_date",
                    values={"实施日": m.date, "截止日": deadline, "处理日": m.handling_date},
                )
            )
    return out or ctx.passed()


@rule(
    id="PEN-PROC-029",
    title="查封、扣押经机关负责人批准",
    category=CATEGORY,
    dimension=DIMENSION,
    basis=[f"{_CL}第十八条第（一）项", f"{_CL}第十九条", f"{_SAMR}第三十六条"],
    deduction=5,
    recommendation=(
        "实施查封、扣押前应当向行政机关负责人报告并经批准；情况紧急需要当场实施的，应当在二十四小时内"
        "向负责人报告并补办批准手续，负责人认为不应当采取的，应当立即解除。"
    ),
    applies_to=PENALTY,
    example="扣押决定书日期为5月6日，负责人审批日期为5月9日，案卷未记载情况紧急。",
    notes=(
        "Same test as PEN-PROC-027, under 行政强制法第十八条第（一）项 and 第十九条 (24 hours). "
        "Old sheet: unlawful coercive measure −5 to −15."
    ),
)
def seizure_approved(case: CaseFile, ctx: CheckContext) -> Finding | list[Finding]:
    """Each 查封/扣押 was approved by the agency head beforehand (or within 24 hours in an
    emergency)."""
    return _approval_findings(case, ctx, _SEIZURE)


@rule(
    id="PEN-PROC-030",
    title="查封、扣押制作决定书、清单和现场笔录并当场交付",
    category=CATEGORY,
    dimension=DIMENSION,
    basis=[f"{_CL}第十八条第（七）项", f"{_CL}第二十四条第一款", f"{_CL}第二十四条第三款"],
    deduction=3,
    recommendation=(
        "实施查封、扣押应当制作现场笔录，制作并当场交付查封、扣押决定书和清单；清单一式二份，"
        "由当事人和行政机关分别保存。"
    ),
    applies_to=PENALTY,
    example="扣押物品时只制作了扣押清单，未制作扣押决定书，也未记载是否交付当事人。",
    notes=(
        "Each measure needs the three documents referenced (and present among the file's "
        "documents) and the hand-over on the spot recorded; hand-over not recorded → "
        "needs_review. The decision's contents (第二十四条第二款) are left to the documents plugin."
    ),
)
def seizure_documents(case: CaseFile, ctx: CheckContext) -> Finding | list[Finding]:
    """Each 查封/扣押 has its decision, inventory and on-site record, handed over on the spot."""
    measures = _measures(case, _SEIZURE)
    if not measures:
        return ctx.not_applicable("案卷无查封、扣押")
    out: list[Finding] = []
    for m in measures:
        label = _measure_label(m)
        pointer = case.pointer("compulsory_measures", m.id)
        missing = [
            name
            for name, doc_id in (
                ("决定书", m.decision_document),
                ("清单", m.inventory_document),
                ("现场笔录", m.on_site_record),
            )
            if doc_id is None or case.document(doc_id) is None
        ]
        if missing:
            out.append(
                ctx.fail(
                    f"{label}，未见{'、'.join(missing)}",
                    pointer,
                    values={"措施": label, "缺少": missing},
                )
            )
        if m.handed_over_on_site is False:
            out.append(
                ctx.fail(
                    f"{label}，决定书和清单未当场交付当事人",
                    pointer + "/handed_over_on_site",
                    values={"措施": label},
                )
            )
        elif m.handed_over_on_site is None and not missing:
            out.append(
                ctx.needs_review(
                    f"{label}，未记载决定书和清单是否当场交付", pointer + "/handed_over_on_site"
                )
            )
    return out or ctx.passed()


@rule(
    id="PEN-PROC-031",
    title="查封、扣押不超过法定期限",
    category=CATEGORY,
    dimension=DIMENSION,
    basis=[
        f"{_CL}第二十五条第一款",
        f"{_CL}第二十五条第二款",
        f"{_CL}第二十五条第三款",
        f"{_CL}第二十七条",
    ],
    deduction=3,
    recommendation=(
        "查封、扣押期限不得超过三十日；情况复杂的，经行政机关负责人批准可以延长，但延长期限不得超过"
        "三十日，延长决定应当及时书面告知当事人并说明理由；检测、检验、检疫或者技术鉴定的期间不计入"
        "查封、扣押期间，但应当明确并书面告知当事人。期限内应当作出处理决定或者解除。"
    ),
    applies_to=PENALTY,
    example="2025年3月3日扣押，未经批准延长，2025年4月18日才作出没收决定。",
    notes=(
        "30 calendar days (行政强制法第六十九条 covers only periods of ten days or less), last "
        "day shifted off rest days. +30 days only with an approval (approver) dated within the "
        "first period and written notice to the party; testing time excluded only when its "
        "dates are recorded and it was told in writing (第二十五条第三款). A period stated in the "
        "decision longer than 30 days fails. No handling or release recorded: fail when the "
        "case has a decision, needs_review otherwise. Laws that fix other periods are not "
        "modelled."
    ),
)
def seizure_within_period(case: CaseFile, ctx: CheckContext) -> Finding | list[Finding]:
    """Each 查封/扣押 was handled or released within 30 days (+30 with approval and written
    notice; written-notified testing time excluded)."""
    measures = _measures(case, _SEIZURE)
    if not measures:
        return ctx.not_applicable("案卷无查封、扣押")
    out: list[Finding] = []
    for m in measures:
        label = _measure_label(m)
        pointer = case.pointer("compulsory_measures", m.id)
        if m.period_days is not None and m.period_days > 30:
            out.append(
                ctx.fail(
                    f"{label}，决定书载明期限{m.period_days}日，超过法定30日",
                    pointer + "/period_days",
                    values={"措施": label, "载明期限": m.period_days},
                )
            )
        if m.date is None:
            out.append(ctx.needs_review(f"{label}，未记载实施日期", pointer + "/date"))
            continue
        notes: list[str] = []
        days = 30
        first_deadline = add_calendar_days(m.date, 30)
        ext = m.extension
        if ext is not None and ext.approver is not None:
            if ext.date is not None and ext.date > first_deadline:
                notes.append(f"延长审批{_fmt(ext.date)}晚于原期限届满日，不予计入")
            elif m.extension_notified_in_writing:
                days += min(m.extension_days or 30, 30)
            else:
                notes.append("延长期限未书面告知当事人，不予计入")
        testing = 0
        if m.testing_start is not None and m.testing_end is not None:
            if m.testing_notified_in_writing:
                testing = (m.testing_end - m.testing_start).days + 1
            else:
                notes.append("检测期间未书面告知当事人，不予扣除")
        deadline = add_calendar_days(m.date, days + testing)
        note = "（" + "；".join(notes) + "）" if notes else ""
        if m.handling_date is None:
            message = f"{label}，期限截止{_fmt(deadline)}，案卷未见处理或解除决定{note}"
            if case.decision is not None:
                out.append(
                    ctx.fail(message, pointer, values={"实施日": m.date, "截止日": deadline})
                )
            else:
                out.append(ctx.needs_review(message, pointer))
        elif m.handling_date > deadline:
            span = f"期限{days}日" + (f"，扣除检测期间{testing}日" if testing else "")
            out.append(
                ctx.fail(
                    f"{label}，{span}，截止{_fmt(deadline)}；处理或解除日"
                    f"{_fmt(m.handling_date)}，逾期{(m.handling_date - deadline).days}日{note}",
                    pointer + "/handling_date",
                    values={"实施日": m.date, "截止日": deadline, "处理日": m.handling_date},
                )
            )
    return out or ctx.passed()


# ---------------------------------------------------------------------------------------------
# 罚款缴纳
# ---------------------------------------------------------------------------------------------


@rule(
    id="PEN-PROC-032",
    title="罚没款缴纳有票据（罚缴分离）",
    category=CATEGORY,
    dimension=DIMENSION,
    basis=[f"{_PL}第六十七条第一款", f"{_PL}第六十七条第二款", f"{_PL}第七十条"],
    deduction=2,
    recommendation=(
        "作出罚款决定的行政机关应当与收缴罚款的机构分离；当事人缴纳罚没款的，案卷中应当附有银行"
        "缴款凭证或者财政部门统一制发的专用票据。"
    ),
    applies_to=PENALTY_OUTCOME,
    example="结案报告称罚款已缴清，案卷中无任何缴款凭证。",
    notes=(
        "Per payment: receipt recorded as false fails; not recorded passes when the file holds "
        "a 罚没款缴款凭证 document, otherwise fails (the file shows no receipt). 21-point sheet: "
        "lawful fine receipt filed, 3 points. On-the-spot collection itself is PEN-PROC-033."
    ),
)
def payment_receipts(case: CaseFile, ctx: CheckContext) -> Finding | list[Finding]:
    """Every recorded payment has an official receipt on file."""
    execution = case.execution
    if execution is None or not execution.payments:
        return ctx.not_applicable("案卷无缴款记录")
    has_doc = bool(case.documents_of("payment_receipt"))
    out: list[Finding] = []
    for i, payment in enumerate(execution.payments):
        if payment.receipt or (payment.receipt is None and has_doc):
            continue
        amount = _yuan(payment.amount) if payment.amount is not None else "（金额未记载）"
        out.append(
            ctx.fail(
                f"{_fmt(payment.date)}缴纳罚没款{amount}，案卷未附缴款凭证或专用票据",
                f"/execution/payments/{i}/receipt",
                values={"缴款日": payment.date, "金额": payment.amount},
            )
        )
    return out or ctx.passed()


@rule(
    id="PEN-PROC-033",
    title="当场收缴罚款符合法定情形并按期交缴",
    category=CATEGORY,
    dimension=DIMENSION,
    basis=[f"{_PL}第六十八条", f"{_PL}第六十九条", f"{_PL}第七十一条", f"{_PL}第八十五条"],
    deduction=2,
    recommendation=(
        "执法人员只有在依法给予一百元以下罚款、不当场收缴事后难以执行，或者在边远、水上、交通不便地区"
        "当事人提出的情形下才可当场收缴罚款，并应当自收缴之日起二日内交至行政机关。"
    ),
    applies_to=PENALTY_OUTCOME,
    example="执法人员当场收缴罚款500元，五日后才交回机关。",
    notes=(
        "Simple procedure: ≤100 yuan (2017 Law: ≤20 yuan) is lawful; more needs a reviewer "
        "(第六十八条第（二）项 '事后难以执行' or 第六十九条). General procedure: only 第六十九条 "
        "(remote areas, on the party's request) → needs_review. Hand-over to the agency within 2 "
        "working days (第七十一条 with 第八十五条; pre-2021: 2 calendar days); the 'after "
        "landing' variant for water areas is not modelled. Hand-over date not recorded → "
        "needs_review."
    ),
)
def on_the_spot_collection(case: CaseFile, ctx: CheckContext) -> Finding | list[Finding]:
    """Fines collected on the spot were allowed and handed to the agency within two working
    days."""
    execution = case.execution
    collected = (
        [(i, p) for i, p in enumerate(execution.payments) if p.on_the_spot]
        if execution is not None
        else []
    )
    if not collected:
        return ctx.not_applicable("未当场收缴罚款")
    decision = case.decision
    new_law = _new_law(ctx, decision.date if decision is not None else None)
    limit = 100 if new_law else 20
    out: list[Finding] = []
    for i, payment in collected:
        pointer = f"/execution/payments/{i}"
        amount = payment.amount
        if case.procedure != "simple":
            out.append(
                ctx.needs_review(
                    "普通程序案件当场收缴罚款，请核对是否属于边远、水上、交通不便地区且经当事人提出",
                    pointer,
                )
            )
        elif amount is None or amount > limit:
            shown = _yuan(amount) if amount is not None else "金额未记载"
            out.append(
                ctx.needs_review(
                    f"当场收缴罚款{shown}，超过{_yuan(limit)}，请核对是否属于不当场收缴事后难以"
                    "执行或边远地区等情形",
                    pointer,
                )
            )
        if payment.date is None:
            continue
        if new_law:
            deadline = add_working_days(payment.date, 2)
            unit = "个工作日"
        else:
            deadline = add_calendar_days(payment.date, 2)
            unit = "日"
        handed = payment.handed_to_agency_date
        if handed is None:
            out.append(
                ctx.needs_review(
                    f"{_fmt(payment.date)}当场收缴罚款，案卷未记载交至行政机关的日期",
                    pointer + "/handed_to_agency_date",
                )
            )
        elif handed > deadline:
            out.append(
                ctx.fail(
                    f"{_fmt(payment.date)}当场收缴罚款，应于2{unit}内（{_fmt(deadline)}前）交至"
                    f"行政机关，实际{_fmt(handed)}交回，逾期{(handed - deadline).days}日",
                    pointer + "/handed_to_agency_date",
                    values={"收缴日": payment.date, "截止日": deadline, "交回日": handed},
                )
            )
    return out or ctx.passed()


# ---------------------------------------------------------------------------------------------
# 加处罚款、申请人民法院强制执行
# ---------------------------------------------------------------------------------------------

#: 行政处罚法第七十二条第一款第（一）项: 每日按罚款数额的百分之三加处罚款.
_SURCHARGE_RATE = 0.03
#: The statutory payment period (行政处罚法第六十七条第三款), calendar days from receipt.
_PAYMENT_DAYS = 15
#: Remedy periods that must run out before a court application (行政强制法第五十三条): 复议
#: 60 days (行政复议法第二十条第一款 / 2017 第九条), 诉讼 6 months (行政诉讼法第四十六条第一款).
_RECONSIDERATION_DAYS = 60
_LITIGATION_MONTHS = 6
#: Words by which a document's title shows that the party sought a remedy.
_REMEDY_WORDS = ("复议", "诉讼", "判决", "裁定")


def _decision_served(case: CaseFile) -> tuple[dt.date | None, str]:
    """When the party received the decision: handed over on announcement, else its earliest
    service (公告送达: the recorded service date, i.e. when it counts as served)."""
    decision = case.decision
    if decision is None:
        return None, ""
    served, pointer = _service_date(case, _decision_document_id(case))
    if served is None and decision.announced_on_the_spot and decision.date is not None:
        return decision.date, "/decision/date"
    return served, pointer


def _fine_total(case: CaseFile) -> float | None:
    """The total of the fines decided (None when a fine's amount is not recorded)."""
    decision = case.decision
    total = 0.0
    if decision is None:
        return None
    for item in decision.penalties:
        if item.type == "fine":
            if item.amount is None:
                return None
            total += item.amount
    return total


@rule(
    id="PEN-PROC-037",
    title="加处罚款不超过每日百分之三且不超过罚款数额",
    category=CATEGORY,
    dimension=DIMENSION,
    basis=[
        f"{_PL}第七十二条第一款第（一）项",
        f"{_CL}第四十五条第一款",
        f"{_CL}第四十五条第二款",
    ],
    deduction=2,
    recommendation=(
        "当事人到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款，自缴款期限届满次日起计算，"
        "加处罚款的数额不得超出罚款的数额；加处罚款的标准应当告知当事人。"
    ),
    applies_to=AppliesTo(kinds={"penalty"}, outcomes={"penalty"}, penalty_types={"fine"}),
    in_force_from="2012-01-01",
    example="罚款1万元，当事人逾期20日缴纳，行政机关加处罚款1.2万元，超过罚款数额。",
    notes=(
        "Cap: execution.surcharge ≤ the total of the fines decided (行政强制法第四十五条第二款; "
        "the rule starts with that Law, 2012-01-01). Rate: ≤ 3 % of the fines per day overdue. "
        "Days overdue run from the day after the payment deadline — service of the decision + "
        "15 calendar days, or the longer period the decision states (第六十七条第三款; last day "
        "moved off rest days) — to the end of execution (execution.completed_date) or, if "
        "execution has not ended, the review date: an upper bound, so time the law excludes "
        "(复议 or 诉讼 pending, 第七十三条第三款) can only make the lawful amount smaller and "
        "is not needed for a fail. A surcharge when execution ended within the payment period "
        "fails. With an approved deferral or instalments (第六十六条第二款) the start cannot be "
        "computed → needs_review unless the cap is broken. Decision service date not recorded → "
        "needs_review. Whether the surcharge standard was told to the party (第四十五条第一款) is "
        "not modelled. 2017 Law: same 3 % (2017 第五十一条第（一）项). Deduction 2: no figure in "
        "§1.10 (proposal)."
    ),
)
def surcharge_within_limits(case: CaseFile, ctx: CheckContext) -> Finding:
    """A late-payment surcharge is at most 3 % of the fine per day overdue and never more than
    the fine."""
    execution = case.execution
    surcharge = execution.surcharge if execution is not None else None
    if execution is None or not surcharge:
        return ctx.not_applicable("未加处罚款")
    fines = _fine_total(case)
    if fines is None:
        return ctx.needs_review(
            f"加处罚款{_yuan(surcharge)}，但罚款数额未记载，无法核对", "/decision/penalties"
        )
    problems: list[str] = []
    values: dict[str, Any] = {"罚款数额": fines, "加处罚款": surcharge}
    if surcharge > fines:
        problems.append(f"加处罚款{_yuan(surcharge)}超过罚款数额{_yuan(fines)}")
    served, served_ptr = _decision_served(case)
    why_unknown = ""
    if execution.deferral is not None:
        why_unknown = "经批准延期或者分期缴纳，加处罚款的起算日无法从案卷确定"
    elif served is None:
        why_unknown = "案卷未记载决定书送达日期，无法核对逾期天数"
    else:
        decision = case.decision
        stated = decision.payment_days if decision is not None else None
        days = max(_PAYMENT_DAYS, stated or 0)
        deadline = add_calendar_days(served, days)
        end = execution.completed_date or ctx.as_of
        what = "执行完毕日" if execution.completed_date else "评查日"
        overdue = max(0, (end - deadline).days)
        ceiling = round(fines * _SURCHARGE_RATE * overdue, 2)
        values.update({"决定书送达日": served, "缴款期限截止": deadline, "逾期天数上限": overdue})
        if overdue == 0:
            problems.append(
                f"决定书送达日{_fmt(served)}，缴款期限截止{_fmt(deadline)}，"
                f"{what}{_fmt(end)}，未逾期却加处罚款{_yuan(surcharge)}"
            )
        elif surcharge > ceiling and surcharge <= fines:
            problems.append(
                f"缴款期限截止{_fmt(deadline)}，至{what}{_fmt(end)}至多逾期{overdue}日，"
                f"按每日3%至多加处{_yuan(ceiling)}，实际加处{_yuan(surcharge)}"
            )
    if problems:
        pointers = ["/execution/surcharge", "/decision/penalties"]
        if served_ptr:
            pointers.append(served_ptr)
        return ctx.fail("；".join(problems), *pointers, values=values)
    if why_unknown:
        return ctx.needs_review(
            f"加处罚款{_yuan(surcharge)}，未超过罚款数额；{why_unknown}",
            "/execution/surcharge",
            values=values,
        )
    return ctx.passed()


@rule(
    id="PEN-PROC-038",
    title="申请人民法院强制执行符合催告期限和申请期限",
    category=CATEGORY,
    dimension=DIMENSION,
    basis=[
        f"{_CL}第五十四条",
        f"{_CL}第六十九条",
        f"{_CL}第五十三条",
        f"{_PL}第七十二条第一款第（四）项",
        f"{_PL}第七十二条第二款",
    ],
    deduction=2,
    recommendation=(
        "申请人民法院强制执行前，应当书面催告当事人履行义务；催告书送达十个工作日后当事人仍未履行的，"
        "方可申请，并应当自当事人申请行政复议、提起行政诉讼的法定期限届满之日起三个月内提出。"
    ),
    applies_to=PENALTY_OUTCOME,
    in_force_from="2012-01-01",
    example="催告书于2025年6月3日送达，行政机关于2025年6月10日即申请人民法院强制执行。",
    notes=(
        "Applies when execution.court_application_date is recorded. (1) 第五十四条: a demand "
        "notice served (execution.demand_notice_date) and the application made after its 10th "
        "working day (第六十九条: periods of ten days or less are working days; an application on "
        "the 10th working day is premature, as the party has the whole day to perform). No demand "
        "date: a 催告书 on file without a date → needs_review, none at all → fail. (2) 第五十三条: "
        "the application falls on or after the day the party's remedy periods ran out (service of "
        "the decision + 60 days for 复议, + 6 months for 诉讼; the later one) and within 3 months "
        "after it. An earlier application fails, unless the file holds a document whose title "
        "names a 复议 / 诉讼 / 判决 / 裁定 (the party may "
        "have exhausted a remedy sooner — the model "
        "has no field for remedies pursued) → needs_review. A later application fails when the "
        "decision stated the remedies; where it did not, the periods may run up to 1 year "
        "(行政复议法第二十条第三款, 行诉解释第六十四条), so only "
        "an application after that year + 3 "
        "months fails and one in between gives needs_review; with an approved deferral "
        "(行政处罚法第七十二条第二款: the period runs from the "
        "end of the deferral, not recorded) a "
        "late application gives needs_review. Applies to every agency that applied to a court; "
        "whether the agency had enforcement power of its own is not judged. Deduction 2: no "
        "figure in §1.10 (proposal)."
    ),
)
def court_enforcement_timely(case: CaseFile, ctx: CheckContext) -> Finding | list[Finding]:
    """A court enforcement application follows a demand notice by more than 10 working days and
    falls within 3 months after the party's remedy periods ran out."""
    execution = case.execution
    applied = execution.court_application_date if execution is not None else None
    if execution is None or applied is None:
        return ctx.not_applicable("未申请人民法院强制执行")
    out: list[Finding] = []
    demand = execution.demand_notice_date
    if demand is None:
        if case.documents_of("demand_notice"):
            out.append(
                ctx.needs_review(
                    f"{_fmt(applied)}申请人民法院强制执行，案卷有催告书但未记载送达日期，"
                    "无法核对催告期限",
                    "/execution/demand_notice_date",
                )
            )
        else:
            out.append(
                ctx.fail(
                    f"{_fmt(applied)}申请人民法院强制执行，案卷未见催告当事人履行义务的记录",
                    "/execution/demand_notice_date",
                    "/execution/court_application_date",
                    values={"申请强制执行日": applied},
                )
            )
    else:
        earliest = add_working_days(demand, 10)
        if applied <= earliest:
            out.append(
                ctx.fail(
                    f"催告书送达日{_fmt(demand)}，十个工作日至{_fmt(earliest)}届满；"
                    f"{_fmt(applied)}即申请人民法院强制执行，催告期限届满前申请",
                    "/execution/demand_notice_date",
                    "/execution/court_application_date",
                    values={
                        "催告书送达日": demand,
                        "催告期限届满日": earliest,
                        "申请强制执行日": applied,
                    },
                )
            )
    served, served_ptr = _decision_served(case)
    if served is None:
        out.append(
            ctx.needs_review(
                "案卷未记载决定书送达日期，无法核对申请人民法院强制执行的期限",
                "/services",
                "/execution/court_application_date",
            )
        )
        return out
    expiry = max(
        add_calendar_days(served, _RECONSIDERATION_DAYS),
        add_months(served, _LITIGATION_MONTHS),
    )
    remedy_docs = any(
        doc.title is not None and any(w in doc.title for w in _REMEDY_WORDS)
        for doc in case.documents
    )
    values: dict[str, Any] = {
        "决定书送达日": served,
        "复议诉讼期限届满日": expiry,
        "申请强制执行日": applied,
    }
    if applied < expiry:
        message = (
            f"决定书送达日{_fmt(served)}，当事人申请复议、提起诉讼的期限至{_fmt(expiry)}届满；"
            f"{_fmt(applied)}即申请人民法院强制执行，早于法定期限届满"
        )
        if remedy_docs:
            out.append(
                ctx.needs_review(
                    message + "；案卷有复议或诉讼文书，请核对当事人救济程序是否已经终结",
                    served_ptr,
                    "/execution/court_application_date",
                    values=values,
                )
            )
        else:
            out.append(
                ctx.fail(message, served_ptr, "/execution/court_application_date", values=values)
            )
        return out
    latest = add_months(expiry, 3)
    if applied <= latest:
        return out or ctx.passed()
    remedy = case.decision.remedy if case.decision is not None else None
    told = remedy is not None and (
        remedy.litigation_months is not None or remedy.reconsideration_days is not None
    )
    values["申请期限届满日"] = latest
    message = (
        f"决定书送达日{_fmt(served)}，复议、诉讼期限至{_fmt(expiry)}届满，最迟应于{_fmt(latest)}"
        f"申请人民法院强制执行；实际{_fmt(applied)}申请，超过三个月"
    )
    if execution.deferral is not None or remedy_docs:
        out.append(
            ctx.needs_review(
                message + "；案卷有延期缴纳批准或复议、诉讼文书，申请期限的起算日请人工核对",
                served_ptr,
                "/execution/court_application_date",
                values=values,
            )
        )
    elif told or applied > add_months(add_years(served, 1), 3):
        out.append(
            ctx.fail(message, served_ptr, "/execution/court_application_date", values=values)
        )
    else:
        out.append(
            ctx.needs_review(
                message + "；决定书未载明救济途径和期限，当事人的起诉期限可能延至一年，请人工核对",
                served_ptr,
                "/execution/court_application_date",
                values=values,
            )
        )
    return out


# ---------------------------------------------------------------------------------------------
# Hooks
# ---------------------------------------------------------------------------------------------

RULES = (
    procedure_not_inverted,
    steps_in_order,
    documents_within_span,
    filing_approved,
    filing_timely,
    prior_notice_given,
    prior_notice_contents,
    reply_period_respected,
    decision_not_heavier,
    statements_reexamined,
    hearing_right_told,
    requested_hearing_held,
    hearing_notice_in_time,
    hearing_window_respected,
    decision_after_hearing,
    collective_discussion_held,
    collective_discussion_before_decision,
    collective_discussion_by_heads,
    decided_within_period,
    decision_served_in_time,
    service_proved,
    service_method_lawful,
    simple_procedure_in_scope,
    on_the_spot_form_handed_over,
    on_the_spot_filed,
    within_limitation,
    preservation_approved,
    preservation_handled,
    seizure_approved,
    seizure_documents,
    seizure_within_period,
    payment_receipts,
    on_the_spot_collection,
    hearing_presider_not_investigator,
    hearing_record_signed,
    rights_told_on_collection,
    surcharge_within_limits,
    court_enforcement_timely,
)


@hookimpl
def casefile_eval_rules() -> tuple[Any, ...]:
    """The procedure rules PEN-PROC-001 … PEN-PROC-038."""
    return RULES


@hookimpl
def casefile_eval_parameters() -> tuple[Parameter, ...]:
    """Periods and thresholds the procedure rules read, with SAMR defaults."""
    return PARAMETERS
