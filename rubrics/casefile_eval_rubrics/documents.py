"""Rubric plugin ``documents``: enforcement documents (执法文书) and archiving (案卷归档).

Two scoring categories, both in the 案卷质量 dimension:

* ``documents`` — the file holds the documents its procedure requires; document numbers (文号)
  present, unique and regular; document dates agree with the events they record; outward
  documents carry the agency's own seal; blanks struck and corrections confirmed; and (penalty
  files) the contents of the decision document (行政处罚法第五十九条). Licensing decision contents
  belong to the ``licensing`` plugin; procedure steps and periods to the ``procedure`` plugin.
* ``archive`` — 一案一卷, cover / index / 备考表, page numbering and page count, order, binding,
  closing within the sector period, archiving within the standard's deadline.

Rule ids: ``CF-DOC-`` (documents rules for both kinds), ``PEN-DOC-`` (penalty decision
contents), ``CF-ARCH-`` (archive, both kinds). See docs/rubrics/documents.md.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any, NamedTuple, get_args

from casefile_eval.calendar import Period, PeriodUnit, deadline_check
from casefile_eval.model import CaseFile, Document
from casefile_eval.model.vocab import DOCUMENT_TYPE_ZH, DocumentType
from casefile_eval.plugins import AppliesTo, CheckContext, Finding, Parameter, hookimpl, rule

__version__ = "1.0.0"

# ---------------------------------------------------------------------------------------------
# Constant data (built once at import; nothing here is rebuilt per case)
# ---------------------------------------------------------------------------------------------

_PENALTY_LAW = "《中华人民共和国行政处罚法》"
_LICENSING_LAW = "《中华人民共和国行政许可法》"
_SAMR_RULE = "《市场监督管理行政处罚程序规定》"

_DOCUMENT_TYPES: tuple[str, ...] = get_args(DocumentType)

#: Documents a decision can be recorded in.
_DECISION_DOC_TYPES: tuple[str, ...] = (
    "penalty_decision",
    "no_penalty_decision",
    "on_the_spot_decision",
    "grant_decision",
    "denial_decision",
)
#: Sheets of the volume that are not paginated (测绘 standard: 封面、卷内目录、备考表不编页码).
_UNPAGINATED = frozenset({"file_cover", "file_index", "file_remarks"})
#: Types whose "number" is a certificate, receipt or report number, not a 发文字号.
_NOT_DOCNO = frozenset(
    {
        "licence_certificate",
        "business_licence",
        "identity_proof",
        "test_report",
        "payment_receipt",
        "fee_receipt",
        "power_of_attorney",
    }
)
#: Pre-printed, numbered forms (行政处罚法第五十二条第一款): numbered, but not in 〔年份〕 form.
_FORM_EXEMPT = _NOT_DOCNO | {"on_the_spot_decision"}

_NORMALISE = str.maketrans({"(": "（", ")": "）", " ": None, "\u3000": None, "\t": None})
#: Any character _NORMALISE changes (built from it, so that the two cannot disagree).
_TO_NORMALISE = re.compile("[" + re.escape("".join(map(chr, _NORMALISE))) + "]")

# 机关代字 + 〔年份〕 + 序号 + 号, with the bracket, "第" and "号" captured so that each
# irregularity can be named (GB/T 9704-2012 7.2.4).
_DOCNO = re.compile(
    r"^(?P<prefix>.*?)(?P<open>[〔\[【（(﹝［{<《])\s*(?P<year>\d{4})\s*"
    r"(?P<close>[〕\]】）)﹞］}>》])\s*(?P<di>第?)\s*(?P<serial>\d+)\s*(?P<hao>号?)$"
)
_BRACKETISH = frozenset("〔〕[]【】（）()﹝﹞［］号")

_GOVERNMENT = "人民政府"
#: Agencies whose acts go to the next-higher competent department (行政复议法第二十七条).
_VERTICAL_MARKERS = (
    "海关",
    "税务",
    "国家安全",
    "金融监督管理",
    "金融监管",
    "外汇管理",
    "人民银行",
    "证券监督管理",
    "证监局",
)
#: Finds any of the markers in a name (one search instead of one per marker).
_VERTICAL_MARKER = re.compile("|".join(map(re.escape, _VERTICAL_MARKERS)))
_RECONSIDERATION_2024 = dt.date(2024, 1, 1)
_NON_PERFORMABLE = frozenset({"warning", "circulated_criticism"})
_STATEMENT_REPLIES = frozenset({"statement", "defence", "hearing_request"})


def _norm(text: str) -> str:
    # str.translate walks a non-ASCII string through the mapping character by character (~2 µs
    # for a typical number or agency name); most texts hold none of the mapped characters.
    if _TO_NORMALISE.search(text):
        return text.translate(_NORMALISE)
    return text


def _label(doc_type: str) -> str:
    return DOCUMENT_TYPE_ZH.get(doc_type, doc_type)


def _doc_name(doc: Document) -> str:
    """How a reviewer finds the document: its printed title (or type) and its page."""
    name = doc.title or _label(doc.type)
    if doc.page_from is not None:
        return f"{name}（卷内第{doc.page_from}页）"
    return name


def _doc_ref(doc: Document) -> str:
    """The same as :func:`_doc_name`, for use inside parentheses."""
    name = doc.title or _label(doc.type)
    if doc.page_from is not None:
        return f"{name}，卷内第{doc.page_from}页"
    return name


_UNSET: Any = object()


def _decision_document(case: CaseFile) -> Document | None:
    """The decision's document (several rules ask; kept per case)."""
    doc = case.derived.get("documents.decision_document", _UNSET)
    if doc is _UNSET:
        doc = case.derived["documents.decision_document"] = _find_decision_document(case)
    return doc  # type: ignore[no-any-return]


def _find_decision_document(case: CaseFile) -> Document | None:
    decision = case.decision
    if decision is None:
        return None
    doc = case.document(decision.document)
    if doc is not None:
        return doc
    candidates = case.documents_of(*_DECISION_DOC_TYPES)
    return candidates[0] if len(candidates) == 1 else None


def _acting_name(case: CaseFile) -> str:
    """The name the act must be taken in: an entrusted body acts in the entrusting agency's
    name (行政处罚法第二十条第四款, 行政许可法第二十四条第三款). Kept per case."""
    name: str | None = case.derived.get("documents.acting_name")
    if name is None:
        agency = case.agency
        if (
            agency.subject_type == "entrusted"
            and agency.entrustment is not None
            and agency.entrustment.entrusting_agency
        ):
            name = _norm(agency.entrustment.entrusting_agency)
        else:
            name = _norm(agency.name)
        case.derived["documents.acting_name"] = name
    return name


def _iso(day: dt.date | None) -> str:
    return day.isoformat() if day else "未记载"


# ---------------------------------------------------------------------------------------------
# Required documents: conditions and compilation of ``documents.required``
# ---------------------------------------------------------------------------------------------


def _is_major(case: CaseFile) -> bool:
    """The file itself shows a major enforcement decision (重大执法决定) that needs 法制审核:
    its own determination, a hearing held or a hearing flagged as of major public interest
    (行政处罚法第五十八条第一款第（一）项、第（二）项; 市场监管程序规定第五十条第一款)."""
    major = case.major_decision
    if major is not None and major.major:
        return True
    hearing = case.hearing
    return hearing is not None and (hearing.held is True or hearing.public_interest is True)


_FLAG_CONDITIONS: dict[str, Callable[[CaseFile], bool]] = {
    "decided": lambda c: (
        c.decision is not None and (c.decision.date is not None or c.decision.outcome is not None)
    ),
    # A filing with its date and the head's approval: without them PEN-PROC-004 reports the
    # missing filing or approval, which the 立案审批表 would have recorded.
    "filing_approved": lambda c: (
        c.filing is not None and c.filing.date is not None and c.filing.approval is not None
    ),
    "notice_recorded": lambda c: (
        c.prior_notice is not None
        and (c.prior_notice.document is not None or c.prior_notice.date is not None)
    ),
    "major": _is_major,
    "hearing_held": lambda c: c.hearing is not None and c.hearing.held is True,
    "legal_review": lambda c: c.legal_review is not None,
    "collective_discussion": lambda c: c.collective_discussion is not None,
    "closed": lambda c: c.closing is not None or c.archive is not None,
    "paid": lambda c: c.execution is not None and bool(c.execution.payments),
    "demand_notice": lambda c: (
        c.execution is not None and c.execution.demand_notice_date is not None
    ),
    "court_enforcement": lambda c: (
        c.execution is not None and c.execution.court_application_date is not None
    ),
    "corrections": lambda c: bool(c.corrections),
    "verification": lambda c: bool(c.verifications),
    "interested_parties": lambda c: (
        c.interested_parties is not None and c.interested_parties.exist is True
    ),
    "extension": lambda c: bool(c.period_extensions),
    "excluded_time": lambda c: bool(c.excluded_periods),
    "issued": lambda c: c.issuance is not None,
    "fee_charged": lambda c: c.fees is not None and c.fees.charged,
}
_KEYED_CONDITIONS: dict[str, Callable[[CaseFile, frozenset[str]], bool]] = {
    "outcome": lambda c, v: c.decision is not None and c.decision.outcome in v,
    "sector": lambda c, v: c.sector in v,
    "measure": lambda c, v: any(m.type in v for m in c.compulsory_measures),
    "acceptance": lambda c, v: c.acceptance is not None and c.acceptance.outcome in v,
}
_CONDITION_PATTERN = (
    r"^!?(?:"
    + "|".join(sorted(_FLAG_CONDITIONS))
    + r"|(?:"
    + "|".join(sorted(_KEYED_CONDITIONS))
    + r")=[a-z_]+(?:\|[a-z_]+)*)$"
)


class _Requirement(NamedTuple):
    types: frozenset[str]
    label: str
    step: str
    conditions: tuple[Callable[[CaseFile], bool], ...]


def _condition(text: str) -> Callable[[CaseFile], bool]:
    negate = text.startswith("!")
    name = text[1:] if negate else text
    if "=" in name:
        key, _, values = name.partition("=")
        test = _KEYED_CONDITIONS.get(key)
        if test is None:
            raise ValueError(f"documents.required: unknown condition {text!r}")
        wanted = frozenset(values.split("|"))

        def keyed(case: CaseFile, test: Any = test, wanted: frozenset[str] = wanted) -> bool:
            return test(case, wanted)

        base = keyed
    else:
        flag = _FLAG_CONDITIONS.get(name)
        if flag is None:
            raise ValueError(f"documents.required: unknown condition {text!r}")
        base = flag
    if negate:
        return lambda case: not base(case)
    return base


def _compile_entry(entry: str | Mapping[str, Any]) -> _Requirement:
    if isinstance(entry, str):
        return _Requirement(frozenset((entry,)), _label(entry), "", ())
    types = tuple(entry["types"])
    when = entry.get("when", ())
    if isinstance(when, str):
        when = (when,)
    return _Requirement(
        frozenset(types),
        "或".join(_label(t) for t in types),
        entry.get("step", ""),
        tuple(_condition(w) for w in when),
    )


def _compile_required(value: Mapping[str, Sequence[Any]]) -> dict[str, tuple[_Requirement, ...]]:
    return {key: tuple(_compile_entry(e) for e in entries) for key, entries in value.items()}


def _prepare_required(ctx: CheckContext) -> dict[tuple[str, str], tuple[_Requirement, ...]]:
    """documents.required compiled and keyed by (kind, procedure) (keys are "kind.procedure";
    kinds hold no dot)."""
    prepared = {}
    for key, requirements in _compile_required(ctx.param("documents.required")).items():
        kind, _, procedure = key.partition(".")
        prepared[kind, procedure] = requirements
    return prepared


def _present_types(case: CaseFile) -> frozenset[str]:
    """Document types the file holds. Receipts the file records elsewhere count as present:
    a service with a receipt or by announcement, a receipted payment or fee."""
    present = case.derived.get("documents.types")
    if present is None:
        types = {d.type for d in case.documents}
        for service in case.services:
            if service.receipt or service.receipt_document is not None:
                types.add("service_receipt")
            if service.method == "announcement" and service.announcement_date is not None:
                types.add("service_announcement")
        if case.execution is not None and any(p.receipt for p in case.execution.payments):
            types.add("payment_receipt")
        if case.fees is not None and case.fees.receipt:
            types.add("fee_receipt")
        present = frozenset(types)
        case.derived["documents.types"] = present
    return present


def _yuan(amount: float) -> str:
    return str(int(amount)) if float(amount).is_integer() else f"{amount:.2f}"


def _dated(label: str, day: dt.date | None) -> str:
    return f"{label}{day.isoformat()}" if day is not None else ""


def _decision_context(case: CaseFile) -> str:
    decision = case.decision
    return _dated("决定日期", decision.date if decision is not None else None)


def _service_context(case: CaseFile) -> str:
    """The document whose service proof is missing (the decision), its date and service."""
    doc = _decision_document(case)
    parts = [f"送达文书：{_doc_ref(doc)}"] if doc is not None else []
    parts.append(_decision_context(case))
    if doc is not None:
        served = next((s.date for s in case.services if s.document == doc.id and s.date), None)
        parts.append(_dated("送达日期", served))
    return "；".join(p for p in parts if p)


def _closing_context(case: CaseFile) -> str:
    closing = case.closing
    if closing is not None:
        day = closing.date or (closing.approval.date if closing.approval else None)
        if day is not None:
            return _dated("结案日期", day)
    return _dated("归档日期", case.archive.date if case.archive is not None else None)


#: What a missing document would have recorded, for the message: the event and its date.
#: Computed only for a missing document.
_REQUIREMENT_CONTEXT: dict[str, Callable[[CaseFile], str]] = {
    "filing_approval": lambda c: _dated("立案日期", c.filing.date if c.filing else None),
    "preservation_notice": lambda c: _dated(
        "先行登记保存日期",
        next((m.date for m in c.compulsory_measures if m.type == "advance_preservation"), None),
    ),
    "investigation_report": _decision_context,
    "case_review_opinion": _decision_context,
    "collective_discussion_record": lambda c: _dated(
        "集体讨论日期", c.collective_discussion.date if c.collective_discussion else None
    ),
    "hearing_notice": lambda c: _dated("听证日期", c.hearing.date if c.hearing else None),
    "hearing_report": lambda c: _dated("听证日期", c.hearing.date if c.hearing else None),
    "decision_approval": _decision_context,
    "penalty_decision": _decision_context,
    "no_penalty_decision": _decision_context,
    "on_the_spot_decision": _decision_context,
    "closing_approval": _closing_context,
    "application_form": lambda c: _dated(
        "收到申请材料日期", c.application.date if c.application else None
    ),
    "correction_notice": lambda c: _dated(
        "补正告知日期", next((x.date for x in c.corrections if x.date), None)
    ),
    "licensing_decision_approval": _decision_context,
    "licence_certificate": lambda c: _dated("颁发日期", c.issuance.date if c.issuance else None),
    "service_receipt": _service_context,
    "service_announcement": _service_context,
    "fee_receipt": lambda c: (
        f"收费金额{_yuan(c.fees.amount)}元" if c.fees is not None and c.fees.amount else ""
    ),
}


def _requirement_context(case: CaseFile, types: frozenset[str]) -> str:
    for doc_type in sorted(types):
        context = _REQUIREMENT_CONTEXT.get(doc_type)
        if context is not None and (text := context(case)):
            return text
    return ""


# ---------------------------------------------------------------------------------------------
# Parameters
# ---------------------------------------------------------------------------------------------


def _req(step: str, *types: str, when: str | list[str] | None = None) -> dict[str, Any]:
    entry: dict[str, Any] = {"step": step, "types": list(types)}
    if when is not None:
        entry["when"] = when
    return entry


# What other built-in plugins already score is left out of the defaults, so that one missing
# document is not deducted twice (a standard that disables those rules can add the entries
# back): 送达回证 PEN-PROC-021, 罚没款票据 PEN-PROC-032, 查封扣押决定书和清单 PEN-PROC-030,
# 告知书 PEN-PROC-006, 立案审批表 of a file without an approved filing PEN-PROC-004,
# 案件审核 of a major decision (which needs 法制审核) TS-REV-001,
# 法制审核意见书 TS-REV-006, 听证笔录 / 催告书 / 强制执行申请书 / 核查笔录 TS-REC-001,
# 受理通知书 / 不予受理决定书 LIC-ACC-003, 准予 / 不予许可决定书 LIC-DOC-001, 利害关系人告知书
# LIC-REV-003, 延期和特别程序时间告知 LIC-DEC-003 / LIC-DEC-004, 许可听证通知 LIC-HEAR-006.
_LICENSING_COMMON = [
    _req("申请", "application_form"),
    _req("受理", "correction_notice", when="corrections"),
    _req("审批", "licensing_decision_approval", when="decided"),
    _req("颁证", "licence_certificate", when="issued"),
    _req("送达", "service_receipt", "service_announcement", when="decided"),
    _req("收费", "fee_receipt", when="fee_charged"),
]

DEFAULT_REQUIRED: dict[str, list[Any]] = {
    "penalty.general": [
        _req("立案", "filing_approval", when="filing_approved"),
        _req(
            "调查",
            "inquiry_record",
            "inspection_record",
            "on_site_record",
            "survey_record",
            "sampling_record",
        ),
        _req("调查", "preservation_notice", when="measure=advance_preservation"),
        _req("调查终结", "investigation_report", when="decided"),
        _req(
            "审核",
            "case_review_opinion",
            when=["decided", "sector=market_regulation", "!legal_review", "!major"],
        ),
        _req("集体讨论", "collective_discussion_record", when="collective_discussion"),
        _req("听证", "hearing_notice", when="hearing_held"),
        _req("听证", "hearing_report", when=["hearing_held", "sector=market_regulation"]),
        _req("审批", "decision_approval", when="decided"),
        _req("决定", "penalty_decision", when="outcome=penalty"),
        _req("决定", "no_penalty_decision", when="outcome=no_penalty"),
        _req("结案", "closing_approval", when="closed"),
    ],
    "penalty.simple": [
        _req("决定", "on_the_spot_decision", when="outcome=penalty"),
    ],
    "licensing.general": _LICENSING_COMMON,
    "licensing.joint": _LICENSING_COMMON,
    "licensing.on_the_spot": [
        _req("申请", "application_form"),
        _req("颁证", "licence_certificate", when="issued"),
        _req("收费", "fee_receipt", when="fee_charged"),
    ],
}

DEFAULT_OUTWARD_TYPES: list[str] = [
    # penalty
    "prior_notice",
    "penalty_decision",
    "no_penalty_decision",
    "on_the_spot_decision",
    "preservation_notice",
    "preservation_handling_decision",
    "seizure_decision",
    "seizure_extension_notice",
    "seizure_release_decision",
    "testing_period_notice",
    "hearing_notice",
    "correction_order",
    "demand_notice",
    "enforcement_application",
    # licensing
    "material_receipt",
    "correction_notice",
    "acceptance_notice",
    "rejection_decision",
    "interested_party_notice",
    "hearing_right_notice",
    "hearing_announcement",
    "extension_notice",
    "excluded_time_notice",
    "grant_decision",
    "denial_decision",
    "licence_certificate",
]

DEFAULT_NUMBERED_TYPES: list[str] = [
    "prior_notice",
    "penalty_decision",
    "no_penalty_decision",
    "preservation_handling_decision",
    "seizure_decision",
    "seizure_extension_notice",
    "seizure_release_decision",
    "correction_order",
    "acceptance_notice",
    "rejection_decision",
    "grant_decision",
    "denial_decision",
]

DEFAULT_SPECIAL_SEALS: dict[str, list[str]] = {
    "penalty": ["行政处罚专用章"],
    "licensing": ["行政许可专用章", "行政审批专用章"],
}

_DOC_TYPE_LIST_SCHEMA = {
    "type": "array",
    "items": {"enum": list(_DOCUMENT_TYPES)},
    "uniqueItems": True,
}
_WHEN_SCHEMA = {"type": "string", "pattern": _CONDITION_PATTERN}
_REQUIRED_SCHEMA = {
    "type": "object",
    "propertyNames": {"pattern": r"^(penalty|licensing)\.(general|simple|on_the_spot|joint)$"},
    "additionalProperties": {
        "type": "array",
        "items": {
            "oneOf": [
                {"enum": list(_DOCUMENT_TYPES)},
                {
                    "type": "object",
                    "required": ["types"],
                    "additionalProperties": False,
                    "properties": {
                        "types": {**_DOC_TYPE_LIST_SCHEMA, "minItems": 1},
                        "step": {"type": "string"},
                        "when": {
                            "oneOf": [
                                _WHEN_SCHEMA,
                                {"type": "array", "items": _WHEN_SCHEMA},
                            ]
                        },
                    },
                },
            ]
        },
    },
}

PARAMETERS: list[Parameter] = [
    Parameter(
        name="documents.required",
        default=DEFAULT_REQUIRED,
        schema=_REQUIRED_SCHEMA,
        description=(
            "各类程序案卷应当具备的文书：键为“案件类别.程序”，值为文书要求列表；每项为文书种类代码，"
            "或 {types: [可相互替代的文书种类], when: 条件, step: 执法环节}。条件："
            + "、".join(sorted(_FLAG_CONDITIONS))
            + "，以及 outcome=/sector=/measure=/acceptance=（多值用|分隔），前加!表示否定"
        ),
        basis=(
            "《中华人民共和国行政处罚法》第四十七条；《市场监督管理行政处罚程序规定》第七十八条；"
            "《中华人民共和国行政许可法》第三十二条第二款、第三十八条；"
            "匿名《行政处罚案卷评查评分细则》基本要素（主要环节无文书）；河南省行政许可文书格式范本"
        ),
    ),
    Parameter(
        name="documents.outward_types",
        default=DEFAULT_OUTWARD_TYPES,
        schema=_DOC_TYPE_LIST_SCHEMA,
        description="应当加盖执法机关印章的对外文书种类",
        basis=(
            "《中华人民共和国行政处罚法》第五十九条第二款；《中华人民共和国行政强制法》"
            "第二十四条第二款第（五）项；《中华人民共和国行政许可法》第三十二条第二款"
        ),
    ),
    Parameter(
        name="documents.numbered_types",
        default=DEFAULT_NUMBERED_TYPES,
        schema=_DOC_TYPE_LIST_SCHEMA,
        description="应当编有文号的文书种类",
        basis="各执法领域文书格式范本（如市场监督管理行政执法文书格式范本）",
    ),
    Parameter(
        name="documents.special_seals",
        default=DEFAULT_SPECIAL_SEALS,
        schema={
            "type": "object",
            "propertyNames": {"enum": ["penalty", "licensing"]},
            "additionalProperties": {"type": "array", "items": {"type": "string", "minLength": 1}},
        },
        description=(
            "可代替机关印章使用的本机关专用章名称后缀（按案件类别），如“行政许可专用章”；"
            "印章名称为“机关全称+后缀”时视为本机关印章"
        ),
        basis="《中华人民共和国行政许可法》第三十二条第二款（本行政机关专用印章）",
    ),
    Parameter(
        name="documents.number_date_serial_ok",
        default=True,
        schema={"type": "boolean"},
        description=(
            "文号序号为与文书日期相同的四位月日编码（如5月20日的文书编“0520号”）时，"
            "视为按日期编号而不作为虚位处理"
        ),
        basis="GB/T 9704-2012《党政机关公文格式》7.2.4（发文顺序号不编虚位）",
    ),
    Parameter(
        name="archive.closing_working_days",
        default={"default": None, "market_regulation": 15},
        schema={
            "type": "object",
            "required": ["default"],
            "additionalProperties": {"type": ["integer", "null"], "minimum": 1},
        },
        description=(
            "结案事由发生后填写结案审批表、予以结案的期限（工作日），按执法领域（default 为其他"
            "领域）；null 表示该领域不检查。默认仅市场监管领域15个工作日，其他领域未见规定，不检查"
        ),
        basis="《市场监督管理行政处罚程序规定》第七十七条（仅市场监管领域）",
    ),
    Parameter(
        name="archive.deadline_days",
        default=None,
        schema={"type": ["integer", "null"], "minimum": 1},
        description=(
            "结案（许可案件为办结）后应当归档的期限；未设定（null）时不检查归档期限。"
            "各地评查标准未见统一规定，由评查标准自行设定"
        ),
        basis="评查标准自定（domain-standards §3.4(d)：未见统一规定）",
    ),
    Parameter(
        name="archive.deadline_unit",
        default="calendar_days",
        schema={"enum": ["calendar_days", "working_days"]},
        description="归档期限的计算单位：calendar_days（日）或 working_days（工作日）",
        basis="评查标准自定",
    ),
]


# ---------------------------------------------------------------------------------------------
# 执法文书 — rules for both kinds (CF-DOC-…)
# ---------------------------------------------------------------------------------------------


@rule(
    id="CF-DOC-001",
    title="案卷具备法定程序要求的文书",
    category="documents",
    dimension="quality",
    basis=[
        f"{_PENALTY_LAW}第四十七条",
        f"{_SAMR_RULE}第七十八条",
        f"{_LICENSING_LAW}第三十二条第二款",
        f"{_LICENSING_LAW}第三十八条",
    ],
    deduction=2,
    recommendation=(
        "按照执法程序各环节（立案、调查、审核、告知、决定、送达、执行、结案）制作并归档相应文书，"
        "做到每一程序环节均有书面记录，卷内文书齐全。"
    ),
    parameters=["documents.required"],
    prepare=_prepare_required,
    example="普通程序处罚案卷中无立案审批表，或已举行听证但卷内没有听证笔录。",
    notes=(
        "Per-procedure lists come from the parameter documents.required. Defaults: the main steps "
        "of the anonymous 评分细则 (立案, 调查, 审批, 告知, 决定, 送达, 结案 — a step without a "
        "document bars 优秀), the SAMR volume order (第七十八条, SR-14) and the Henan licensing "
        "document list (domain-standards §2.7), minus documents another built-in rule already "
        "scores (送达回证 PEN-PROC-021, fine receipts PEN-PROC-032, seizure documents "
        "PEN-PROC-030, the 告知书 PEN-PROC-006 (veto; a standard can add it back with the "
        "condition notice_recorded), the 立案审批表 of a file without a filing date and "
        "approval PEN-PROC-004 (condition filing_approved), legal review opinion TS-REV-006, "
        "hearing record / demand / court "
        "application / verification record TS-REC-001, licensing acceptance notice LIC-ACC-003, "
        "licensing decision LIC-DOC-001 — which also requires the denial decision for a denial —, "
        "interested-party, extension and excluded-time notices and licensing hearing notice "
        "LIC-REV-003 / LIC-DEC-003 / LIC-DEC-004 / LIC-HEAR-006). Approvals other than "
        "立案审批表 and the decision approval are not required as separate forms (Beijing 2016: "
        "other approvals may be merged). 不予处罚 files need the no-penalty decision instead "
        "of the penalty decision. SAMR general-procedure files with no review record need a "
        "案件审核 opinion (第五十条), unless the file shows a major decision (condition major: "
        "major_decision.major, a hearing held or a hearing flagged public_interest): such a "
        "case needs 法制审核, not 案件审核, and TS-REV-001 reports its absence. A review record "
        "of either type makes the opinion TS-REV-006's. Decisions whose major status rests "
        "only on TS-REV-001's amount thresholds (legal_review.triggers, another plugin's "
        "parameter) are not seen here. A service, payment or fee the file records with a "
        "receipt counts as its receipt document. One finding per missing document; the message "
        "names the event the document records and its date (for a missing service proof: the "
        "decision document, its date and the service date)."
    ),
)
def required_documents(case: CaseFile, ctx: CheckContext) -> Finding | list[Finding]:
    """Every document the procedure requires (by the parameter's per-procedure list and its
    conditions) is in the file; one failing finding per missing document."""
    requirements = ctx.prepared.get((case.kind, case.procedure))
    if not requirements:
        return ctx.not_applicable("评查标准未规定本类程序案卷应具备的文书")
    present = _present_types(case)
    findings = []
    for req in requirements:
        if not req.types.isdisjoint(present):
            continue
        for test in req.conditions:
            if not test(case):
                break
        else:
            where = f"{req.step}环节" if req.step else "卷内"
            context = _requirement_context(case, req.types)
            values = {"环节": req.step or "—", "缺少文书": req.label}
            if context:
                values["相关事项"] = context
            findings.append(
                ctx.fail(
                    f"{where}缺少{req.label}" + (f"（{context}）" if context else ""),
                    "/documents",
                    values=values,
                )
            )
    return findings or ctx.passed()


def _prepare_numbered(ctx: CheckContext) -> frozenset[str]:
    return frozenset(ctx.param("documents.numbered_types"))


@rule(
    id="CF-DOC-002",
    title="对外文书编有文号且文号唯一",
    category="documents",
    dimension="quality",
    basis=["《党政机关公文处理工作条例》第九条", "《党政机关公文格式》（GB/T 9704-2012）"],
    deduction=1,
    recommendation="对外制发的决定书、告知书等文书应当编写文号，同一案卷内不同文书不得重号，"
    "卷内记载的决定书文号应与决定书一致。",
    parameters=["documents.numbered_types"],
    prepare=_prepare_numbered,
    example="行政处罚告知书与行政处罚决定书使用同一文号“某市监处罚〔2025〕18号”。",
    notes=(
        "Which types must carry a number is the parameter documents.numbered_types (decisions, "
        "the prior notice, correction orders, coercive-measure decisions, licensing acceptance "
        "notices and decisions; the form number of an on-the-spot decision is PEN-PROC-024's). "
        "The 发文字号 is an element of an official document (党政机关公文处理工作条例第九条), and "
        "the sector template sets (e.g. 市场监督管理行政执法文书格式范本) print a number line on "
        "these documents. A document whose number is not recorded counts as unnumbered. "
        "Uniqueness ignores certificate, receipt and report numbers. For penalty "
        "files the decision number recorded for the case must equal the decision document's "
        "number (licensing files record the licence number there, so they are not compared)."
    ),
)
def document_numbers(case: CaseFile, ctx: CheckContext) -> Finding | list[Finding]:
    """Documents of the numbered types carry a number; no two documents share a number; a
    penalty decision's recorded number equals its document's number."""
    numbered: frozenset[str] = ctx.prepared
    decision = case.decision
    decision_doc = _decision_document(case)
    findings: list[Finding] = []
    # The first document of each number (in file order) and, only for numbers used more than
    # once, all documents using it.
    first: dict[str, Document] = {}
    shared: dict[str, list[Document]] = {}
    for doc in case.documents:
        number = doc.number
        if not number:
            if doc is decision_doc and decision is not None:
                number = decision.number
            if not number:
                if doc.type in numbered:
                    findings.append(
                        ctx.fail(
                            f"{_doc_name(doc)}未编写文号",
                            case.pointer("documents", doc.id, "number"),
                            values={"文书": _doc_name(doc)},
                        )
                    )
                continue
        if doc.type not in _NOT_DOCNO:
            key = _norm(number)
            other = first.get(key)
            if other is None:
                first[key] = doc
            elif key in shared:
                shared[key].append(doc)
            else:
                shared[key] = [other, doc]
    for number in first if shared else ():  # numbers in order of first use
        docs = shared.get(number)
        if docs is not None:
            names = "、".join(_doc_name(d) for d in docs)
            findings.append(
                ctx.fail(
                    f"{names}使用同一文号“{number}”",
                    *(case.pointer("documents", d.id, "number") for d in docs),
                    values={"文号": number, "文书": names},
                    count=len(docs) - 1,
                )
            )
    if (
        case.kind == "penalty"
        and decision is not None
        and decision_doc is not None
        and decision.number
        and decision_doc.number
        and _norm(decision.number) != _norm(decision_doc.number)
    ):
        findings.append(
            ctx.fail(
                f"案卷记载的决定书文号“{decision.number}”与{_doc_name(decision_doc)}"
                f"上的文号“{decision_doc.number}”不一致",
                "/decision/number",
                case.pointer("documents", decision_doc.id, "number"),
                values={"记载文号": decision.number, "文书文号": decision_doc.number},
            )
        )
    return findings or ctx.passed()


def _docno_problems(doc: Document, number: str, allow_date_serial: bool) -> tuple[list[str], str]:
    """The irregularities of a 文号 and, separately, a year that does not match the date."""
    match = _DOCNO.match(number.strip())
    if match is None:
        return ["不符合“机关代字〔年份〕序号号”的格式"], ""
    prefix, open_, year, close, di, serial, hao = match.groups()
    problems = []
    if not prefix.strip():
        problems.append("缺少机关代字")
    if open_ != "〔" or close != "〕":
        problems.append(f"年份使用“{open_}{close}”而非六角括号“〔〕”")
    if di:
        problems.append("序号前加了“第”字")
    day = doc.date
    if len(serial) > 1 and serial[0] == "0":
        date_coded = (
            allow_date_serial
            and day is not None
            and len(serial) == 4
            and serial == f"{day.month:02d}{day.day:02d}"
        )
        if not date_coded:
            problems.append(f"序号“{serial}”编了虚位（前导零）")
    if not hao:
        problems.append("末尾缺少“号”字")
    year_note = ""
    if day is not None and int(year) != day.year:
        year_note = f"文号年份{year}与文书日期{day.isoformat()}不在同一年"
    return problems, year_note


def _prepare_number_form(ctx: CheckContext) -> tuple[frozenset[str], bool]:
    return _prepare_numbered(ctx), bool(ctx.param("documents.number_date_serial_ok"))


@rule(
    id="CF-DOC-003",
    title="文号格式规范",
    category="documents",
    dimension="quality",
    basis=["《党政机关公文格式》（GB/T 9704-2012）", "《党政机关公文处理工作条例》第九条"],
    deduction=0.5,
    recommendation="文号按“机关代字〔年份〕序号号”编写：年份用六角括号“〔〕”，序号不加“第”字、"
    "不编虚位（1不编为01）。",
    parameters=["documents.numbered_types", "documents.number_date_serial_ok"],
    prepare=_prepare_number_form,
    example="决定书文号写作“某市监处罚[2025]第018号”。",
    notes=(
        "GB/T 9704-2012 7.2.4 (domain-standards §6.2): 发文机关代字 + year in 六角括号 + serial "
        "without leading zeros and without 第. The standard is written for 党政机关公文; review "
        "sheets apply it to enforcement documents as 'non-uniform / irregular documents' (−0.5 "
        "to −2, old sheet §1.9), so the deduction is the smallest. Decision: a four-digit serial "
        "equal to the document's month and day (0520 on a 20 May document) is read as a "
        "date-coded number, not a padded serial, unless documents.number_date_serial_ok is "
        "false. A year that differs from the document's date is needs_review (agencies may "
        "keep the filing year's number). Pre-printed on-the-spot forms and certificate, "
        "receipt and report numbers are not checked."
    ),
)
def document_number_form(case: CaseFile, ctx: CheckContext) -> Finding | list[Finding]:
    """Each document number in 文号 form follows 机关代字〔年份〕序号号 (GB/T 9704-2012)."""
    numbered, allow_date_serial = ctx.prepared
    findings: list[Finding] = []
    for doc in case.documents:
        number = doc.number
        if not number:
            continue
        doc_type = doc.type
        if doc_type in _FORM_EXEMPT:
            continue
        if doc_type not in numbered and _BRACKETISH.isdisjoint(number):
            continue  # a bare reference number, not a 文号
        problems, year_note = _docno_problems(doc, number, allow_date_serial)
        if not problems and not year_note:
            continue
        pointer = case.pointer("documents", doc.id, "number")
        if problems:
            findings.append(
                ctx.fail(
                    f"{_doc_name(doc)}文号“{number}”不规范：" + "；".join(problems),
                    pointer,
                    values={"文书": _doc_name(doc), "文号": number, "问题": "；".join(problems)},
                )
            )
        elif year_note:
            findings.append(
                ctx.needs_review(
                    f"{_doc_name(doc)}{year_note}，请核对是否沿用立案年度编号",
                    pointer,
                    values={"文号": number, "文书日期": _iso(doc.date)},
                )
            )
    return findings or ctx.passed()


def _misdated(doc: Document | None, day: dt.date | None) -> bool:
    return doc is not None and day is not None and doc.date is not None and doc.date != day


def _date_mismatches(
    case: CaseFile,
) -> Iterator[tuple[Document | None, dt.date | None, str, str]]:
    """(document, event date, event label, pointer of the event date) for every document
    whose recorded date differs from the recorded date of the event it records (both dates
    recorded; ``_misdated`` says no for a missing document or date). CF-DOC-004 runs on every
    file and most files have no mismatch: for single events the cheap date test comes first."""
    d = case.decision
    if d is not None:
        if d.date is not None and _misdated(doc := _decision_document(case), d.date):
            yield doc, d.date, "决定日期", "/decision/date"
        if d.approval is not None and d.approval.date is not None:
            # Only a single approval form is compared, so file order does not matter here.
            approvals = case.documents_of("decision_approval") + case.documents_of(
                "licensing_decision_approval"
            )
            if len(approvals) == 1 and _misdated(approvals[0], d.approval.date):
                yield approvals[0], d.approval.date, "决定审批日期", "/decision/approval/date"
    if (
        (notice := case.prior_notice) is not None
        and notice.date is not None
        and _misdated(doc := case.document(notice.document), notice.date)
    ):
        yield doc, notice.date, "告知书日期", "/prior_notice/date"
    if (filing := case.filing) is not None and filing.date is not None:
        doc = case.document(filing.document)
        if doc is None:
            forms = case.documents_of("filing_approval")
            doc = forms[0] if len(forms) == 1 else None
        if _misdated(doc, filing.date):
            yield doc, filing.date, "立案日期", "/filing/date"
    if (closing := case.closing) is not None and closing.date is not None:
        forms = case.documents_of("closing_approval")
        if len(forms) == 1 and _misdated(forms[0], closing.date):
            yield forms[0], closing.date, "结案日期", "/closing/date"
    if (
        (review := case.legal_review) is not None
        and review.date is not None
        and _misdated(doc := case.document(review.document), review.date)
    ):
        yield doc, review.date, "法制审核日期", "/legal_review/date"
    if (
        (discussion := case.collective_discussion) is not None
        and discussion.date is not None
        and _misdated(doc := case.document(discussion.document), discussion.date)
    ):
        yield doc, discussion.date, "集体讨论日期", "/collective_discussion/date"
    if (
        (hearing := case.hearing) is not None
        and hearing.date is not None
        and _misdated(doc := case.document(hearing.record), hearing.date)
    ):
        yield doc, hearing.date, "听证日期", "/hearing/date"
    for i, measure in enumerate(case.compulsory_measures):
        if _misdated(doc := case.document(measure.decision_document), measure.date):
            yield doc, measure.date, "强制措施实施日期", f"/compulsory_measures/{i}/date"
    for i, ext in enumerate(case.period_extensions):
        if ext.approval is not None and _misdated(
            doc := case.document(ext.document), ext.approval.date
        ):
            yield doc, ext.approval.date, "延期批准日期", f"/period_extensions/{i}/approval/date"
    if (
        (acceptance := case.acceptance) is not None
        and acceptance.date is not None
        and _misdated(doc := case.document(acceptance.document), acceptance.date)
    ):
        yield doc, acceptance.date, "受理日期", "/acceptance/date"
    for i, v in enumerate(case.verifications):
        if _misdated(doc := case.document(v.document), v.date):
            yield doc, v.date, "核查日期", f"/verifications/{i}/date"
    for i, c in enumerate(case.corrections):
        if _misdated(doc := case.document(c.document), c.date):
            yield doc, c.date, "补正告知日期", f"/corrections/{i}/date"
    if (
        (issuance := case.issuance) is not None
        and issuance.date is not None
        and _misdated(doc := case.document(issuance.document), issuance.date)
    ):
        yield doc, issuance.date, "颁发日期", "/issuance/date"


@rule(
    id="CF-DOC-004",
    title="文书日期与所记载事项的日期一致",
    category="documents",
    dimension="quality",
    basis=[f"{_PENALTY_LAW}第五十九条第一款第（六）项", "《中华人民共和国民事诉讼法》第八十七条"],
    deduction=1,
    recommendation="文书落款日期应与其记载的执法行为日期一致：决定书日期为作出决定之日，"
    "告知书日期为告知之日，送达回证日期为实际送达之日，立案审批表日期为立案之日；"
    "不得倒签或补签日期。",
    example="行政处罚决定书落款日期为2025年4月3日，而案卷记载的决定日期为2025年4月2日。",
    notes=(
        "Pairs compared when both dates are recorded: decision document ↔ decision.date; "
        "decision approval form ↔ decision.approval.date; prior notice ↔ prior_notice.date; "
        "filing approval ↔ filing.date; closing approval ↔ closing.date; legal review, collective "
        "discussion, hearing record, compulsory-measure decision, extension approval, licensing "
        "acceptance, verification, correction notice and licence ↔ their event dates. For each "
        "service: the 送达回证 is dated the service date (民事诉讼法第八十七条: the recipient "
        "writes "
        "the date of receipt), and no other document is served before its own date (the decision "
        "and the prior notice of a penalty file are ordered against their service by "
        "PEN-PROC-002). One finding per "
        "inconsistency (株洲 −2 and Beijing −1 per irregularity; default −1)."
    ),
)
def document_dates(case: CaseFile, ctx: CheckContext) -> Finding | list[Finding]:
    """Document dates equal the dates of the events they record, receipts equal service
    dates, and no document is served before it was made."""
    findings: list[Finding] = []
    # In penalty files PEN-PROC-002 already orders the decision and the notice against their
    # service dates.
    step_documents: tuple[str | None, ...] = ()
    if case.kind == "penalty":
        step_documents = (
            case.decision.document if case.decision else None,
            case.prior_notice.document if case.prior_notice else None,
        )
    for doc, event_date, event_label, pointer in _date_mismatches(case):
        assert doc is not None and doc.date is not None and event_date is not None
        findings.append(
            ctx.fail(
                f"{_doc_name(doc)}落款日期{doc.date.isoformat()}，与{event_label}"
                f"{event_date.isoformat()}不一致",
                case.pointer("documents", doc.id, "date"),
                pointer,
                values={"文书": _doc_name(doc), "文书日期": doc.date, event_label: event_date},
            )
        )
    for i, service in enumerate(case.services):
        if service.date is None:
            continue
        receipt = case.document(service.receipt_document)
        if receipt is not None and receipt.date is not None and receipt.date != service.date:
            findings.append(
                ctx.fail(
                    f"{_doc_name(receipt)}日期{receipt.date.isoformat()}，与送达日期"
                    f"{service.date.isoformat()}不一致",
                    case.pointer("documents", receipt.id, "date"),
                    f"/services/{i}/date",
                    values={"回证日期": receipt.date, "送达日期": service.date},
                )
            )
        served = case.document(service.document)
        if served is None or served.id in step_documents:
            continue
        if served.date is not None and served.date > service.date:
            findings.append(
                ctx.fail(
                    f"{_doc_name(served)}落款日期{served.date.isoformat()}，晚于其送达日期"
                    f"{service.date.isoformat()}",
                    case.pointer("documents", served.id, "date"),
                    f"/services/{i}/date",
                    values={"文书日期": served.date, "送达日期": service.date},
                )
            )
    return findings or ctx.passed()


def _seal_problem(seal_name: str, acting: str, suffixes: frozenset[str]) -> str | None:
    seal = _norm(seal_name)
    if seal == acting:
        return None
    if seal.startswith(acting):
        rest = seal[len(acting) :]
        if rest in suffixes:
            return None
        if rest.endswith("专用章"):
            return f"加盖“{seal_name}”，该专用章不适用于本类文书"
        return f"加盖“{seal_name}”，系内设机构或下属单位印章，不是执法机关印章"
    return f"加盖“{seal_name}”，不是作出文书的执法机关的印章"


#: Licensing documents whose seal the licensing plugin scores in full (LIC-ACC-003) …
_LICENSING_SEALS_ELSEWHERE = frozenset({"acceptance_notice", "rejection_decision"})
#: … and those whose being sealed at all it scores (LIC-DOC-001, LIC-DOC-002).
_LICENSING_SEALED_ELSEWHERE = frozenset(
    {"grant_decision", "denial_decision", "licence_certificate"}
)


def _prepare_seals(ctx: CheckContext) -> tuple[frozenset[str], dict[str, frozenset[str]]]:
    """The outward types and, per kind, the normalised special-seal suffixes."""
    suffixes = ctx.param("documents.special_seals")
    return (
        frozenset(ctx.param("documents.outward_types")),
        {kind: frozenset(_norm(s) for s in items) for kind, items in suffixes.items()},
    )


@rule(
    id="CF-DOC-005",
    title="对外文书加盖执法机关本机关印章",
    category="documents",
    dimension="quality",
    basis=[
        f"{_PENALTY_LAW}第五十九条第二款",
        f"{_PENALTY_LAW}第五十二条第二款",
        "《中华人民共和国行政强制法》第二十四条第二款第（五）项",
        f"{_LICENSING_LAW}第三十二条第二款",
    ],
    deduction=3,
    recommendation="行政处罚决定书等对外文书应当加盖作出决定的行政机关的印章（行政许可可使用本机关"
    "行政许可专用章），不得使用内设机构、执法队或其他单位印章；受委托组织以委托机关名义并加盖委托"
    "机关印章。",
    parameters=["documents.outward_types", "documents.special_seals"],
    prepare=_prepare_seals,
    example="行政处罚决定书加盖“某区市场监督管理局稽查大队”印章。",
    notes=(
        "Outward types: parameter documents.outward_types. A seal is the agency's own when its "
        "name equals the agency's full name (for an entrusted body: the entrusting agency, "
        "行政处罚法第二十条第四款, 行政许可法第二十四条第三款) or that name followed by a suffix "
        "listed in documents.special_seals for the file's kind (行政许可专用章 / 行政审批专用章 "
        "for licensing; 行政处罚专用章 for penalty). "
        "Any other suffix after the agency name is read as an internal unit; any other name as "
        "another body (anonymous 评分细则: such seals bar 优秀). sealed=true with no seal name "
        "passes; an outward document whose seal is not recorded at all is needs_review. "
        "On-the-spot decisions: 第五十二条第二款 requires the officers' signature or seal, so an "
        "unsealed one passes when officers signed, except in market regulation, where SR-12 "
        "reads the SAMR rule as requiring the agency seal (article not verified) — needs_review. "
        "decision.sealed=false is a defect of the decision (counted once). Entrusted bodies: "
        "a decision issued in a name other than the entrusting agency's (or with the issuing "
        "name not recorded) is PEN-SUBJ-004's (penalty, veto) or LIC-SUBJ-002's (licensing, "
        "veto), and the seal goes with the name, so the decision document's seal owner is not "
        "judged here; when the decision is recorded as issued in the entrusting agency's name "
        "those rules pass and a seal of another body is still failed here. An unsealed decision "
        "is failed here in every case (neither rule looks at the seal). Licensing files: "
        "the acceptance notice / refusal is scored by LIC-ACC-003, and whether the decision and "
        "the licence are sealed at all by LIC-DOC-001 / LIC-DOC-002 (licensing plugin); this "
        "rule then only checks whose seal the decision and licence bear."
    ),
)
def outward_documents_sealed(case: CaseFile, ctx: CheckContext) -> Finding | list[Finding]:
    """Outward documents and the decision bear the agency's own seal, not an internal unit's
    or another body's."""
    outward, all_suffixes = ctx.prepared
    suffixes = all_suffixes.get(case.kind, frozenset())
    acting = _acting_name(case)
    decision = case.decision
    decision_doc = _decision_document(case)
    licensing = case.kind == "licensing"
    # An entrusted body's decision issued in a name other than the entrusting agency's is
    # PEN-SUBJ-004's / LIC-SUBJ-002's veto, and the seal goes with the name: its owner is not
    # judged again here.
    owner_left_out: Document | None = None
    if case.agency.subject_type == "entrusted" and decision_doc is not None:
        issuer = decision.issuing_agency_name if decision is not None else None
        if not issuer or _norm(issuer) != acting:
            owner_left_out = decision_doc
    decision_unsealed = decision is not None and decision.sealed is False
    findings: list[Finding] = []
    unknown: list[str] = []
    decision_flagged = False
    for doc in case.documents:
        doc_type = doc.type
        if doc_type not in outward or (licensing and doc_type in _LICENSING_SEALS_ELSEWHERE):
            continue
        # Whether these are sealed at all is scored by the licensing plugin; the seal's owner
        # is still checked here.
        owner_only = licensing and doc_type in _LICENSING_SEALED_ELSEWHERE
        sealed = doc.sealed
        if decision_unsealed and doc is decision_doc:
            sealed = False
        problem: str | None = None
        if sealed is False:
            if owner_only:
                continue
            if doc_type == "on_the_spot_decision" and doc.officers:
                if case.sector == "market_regulation":
                    findings.append(
                        ctx.needs_review(
                            f"{_doc_name(doc)}未加盖印章，仅有执法人员签名；市场监管领域简易程序"
                            "决定书应加盖市场监督管理部门印章，请核对",
                            case.pointer("documents", doc.id, "sealed"),
                        )
                    )
                continue
            problem = "未加盖印章"
        elif doc.seal_name:
            if doc is not owner_left_out:
                problem = _seal_problem(doc.seal_name, acting, suffixes)
        elif sealed is None and not owner_only:
            unknown.append(_doc_name(doc))
        if problem:
            if doc is decision_doc:
                decision_flagged = True
            findings.append(
                ctx.fail(
                    f"{_doc_name(doc)}{problem}",
                    case.pointer("documents", doc.id, "sealed"),
                    values={
                        "文书": _doc_name(doc),
                        "印章": doc.seal_name or "无",
                        "执法机关": acting,
                    },
                )
            )
    if decision_unsealed and not decision_flagged and not licensing:
        on_spot_signed = (
            decision_doc is not None
            and decision_doc.type == "on_the_spot_decision"
            and bool(decision_doc.officers)
        )
        if not on_spot_signed:
            findings.append(ctx.fail("决定书未加盖执法机关印章", "/decision/sealed"))
    if unknown:
        findings.append(
            ctx.needs_review(
                "案卷未记载以下对外文书是否加盖印章：" + "、".join(unknown),
                "/documents",
                values={"文书": "、".join(unknown)},
            )
        )
    return findings or ctx.passed()


@rule(
    id="CF-DOC-006",
    title="文书空白栏目划线或注明“以下空白”",
    category="documents",
    dimension="quality",
    basis=[f"{_PENALTY_LAW}第四十七条", "《北京市行政处罚案卷标准和评查评分细则（2016版）》"],
    deduction=1,
    recommendation="文书中不需填写的空白栏目应当用“\\”划去，正文结束处注明“（以下空白）”，"
    "防止事后添加内容。",
    example="询问笔录最后一页下半部分空白未划线，也未注明“以下空白”。",
    notes=(
        "Beijing 2016 conventions (domain-standards §1.6, §3.4 d): blank cells struck with '\\' "
        "and '(以下空白)'; Beijing deducts −1 on the decision, older sheets −0.5 to −2. Only "
        "documents the file records as not struck (blanks_struck=false) count; unrecorded is "
        "not judged. One finding standing for every such document (count)."
    ),
)
def blanks_struck(case: CaseFile, ctx: CheckContext) -> Finding:
    """No document is recorded with blank spaces left unstruck."""
    bad = [d for d in case.documents if d.blanks_struck is False]
    if not bad:
        return ctx.passed()
    names = "、".join(_doc_name(d) for d in bad)
    return ctx.fail(
        f"{names}空白处未划线或未注明“以下空白”",
        *(case.pointer("documents", d.id, "blanks_struck") for d in bad),
        values={"文书": names},
        count=len(bad),
    )


@rule(
    id="CF-DOC-007",
    title="文书修改处经当事人捺印或签章确认",
    category="documents",
    dimension="quality",
    basis=[f"{_SAMR_RULE}第二十九条", "《北京市行政处罚案卷标准和评查评分细则（2016版）》"],
    deduction=1,
    recommendation="笔录等文书确需修改的，应当由当事人（被询问人）在修改处捺指印或签章确认。",
    example="询问笔录第2页涂改处未经被询问人捺指印确认。",
    notes=(
        "Beijing 2016: corrections marked by fingerprint or seal; SAMR 第二十九条: corrections "
        "in inquiry records confirmed by the person questioned; stage sheet (§1.9): corrections "
        "initialled. Only corrections_confirmed=false counts; one finding with count."
    ),
)
def corrections_confirmed(case: CaseFile, ctx: CheckContext) -> Finding:
    """No document is recorded with corrections that were not confirmed."""
    bad = [d for d in case.documents if d.corrections_confirmed is False]
    if not bad:
        return ctx.passed()
    names = "、".join(_doc_name(d) for d in bad)
    return ctx.fail(
        f"{names}修改处未经捺印或签章确认",
        *(case.pointer("documents", d.id, "corrections_confirmed") for d in bad),
        values={"文书": names},
        count=len(bad),
    )


# ---------------------------------------------------------------------------------------------
# 执法文书 — contents of the penalty decision (PEN-DOC-…)
# ---------------------------------------------------------------------------------------------

_DECISION_PROCEDURES = frozenset({"general", "simple"})
_PENALTY_LAW_2021 = "2021-07-15"
_PENALTY_LAW_2021_FALLBACK = dt.date(2021, 7, 15)
_ITEM_ZH = ("", "一", "二", "三", "四", "五", "六")
#: 第五十九条第一款's items of the 2021 Law; the earlier texts (1996, 2009, 2017) list the same
#: items in 第三十九条第一款, for decisions "依照本法第三十八条的规定给予行政处罚" only.
_ITEMS_2021 = {n: f"{_PENALTY_LAW}第五十九条第一款第（{_ITEM_ZH[n]}）项" for n in range(1, 7)}
#: Items the pre-2021 on-the-spot decision had to state (2017 第三十四条第二款: the violation,
#: the basis, the fine, time, place and the agency's name).
_SIMPLE_BEFORE_2021_ITEMS = frozenset({2, 6})
_FINE_DAYS = 15
_PAYMENT_2021 = f"{_PENALTY_LAW}第六十七条第三款"
_LITIGATION_LAW = "《中华人民共和国行政诉讼法》"
_RECONSIDERATION_LAW = "《中华人民共和国行政复议法》"

# Derived from the context's law registry, which lives for a whole batch: cached by identity.
_OLD_BASIS: dict[tuple[str, str], str] = {}


def _penalty_law_2021_from(ctx: CheckContext) -> dt.date:
    """First day of the 2021 Penalty Law per the context's law registry."""
    return ctx.laws.edition_start(_PENALTY_LAW, 2021) or _PENALTY_LAW_2021_FALLBACK


def _old_penalty_law(ctx: CheckContext, day: dt.date, provision: str) -> str | None:
    """``provision`` of the Penalty Law text in force on ``day`` (before 2021), cited with its
    edition, e.g. 《中华人民共和国行政处罚法》（2017年修正）第三十九条第一款第（一）项; None before
    the Law took effect. Article numbers did not change between 1996 and 2017."""
    version = ctx.laws.in_force(_PENALTY_LAW, day)
    if version is None:
        return None
    key = (version.edition, provision)
    text = _OLD_BASIS.get(key)
    if text is None:
        year = version.edition_year
        kind = next((k for k in ("修正", "修订") if k in version.edition), "")
        label = f"（{year}年{kind}）" if year is not None else ""
        text = _OLD_BASIS[key] = f"{_PENALTY_LAW}{label}{provision}"
    return text


def _content_basis(case: CaseFile, ctx: CheckContext, item: int) -> tuple[str | None, str]:
    """The provision that required decision-content ``item`` (1–6 of 第五十九条第一款) on the
    decision date, or (None, why not) when the Law then in force did not require it for this
    decision. An unknown decision date is judged under the current Law."""
    decision = case.decision
    assert decision is not None
    day = decision.date
    if day is None or day >= _penalty_law_2021_from(ctx):
        return _ITEMS_2021[item], ""
    if case.procedure == "simple":
        if item not in _SIMPLE_BEFORE_2021_ITEMS:
            return None, (
                f"决定日{day.isoformat()}，适用2021年修订前的行政处罚法，当场处罚决定书应载明的事项"
                "（第三十四条第二款）不包括此项"
            )
        basis = _old_penalty_law(ctx, day, "第三十四条第二款")
    elif decision.outcome != "penalty":
        return None, (
            f"决定日{day.isoformat()}，2021年修订前的行政处罚法第三十九条仅规定给予行政处罚的"
            "决定书应载明的事项"
        )
    else:
        basis = _old_penalty_law(ctx, day, f"第三十九条第一款第（{_ITEM_ZH[item]}）项")
    if basis is None:
        return None, f"决定日{day.isoformat()}早于行政处罚法施行"
    return basis, ""


def _payment_basis(case: CaseFile, ctx: CheckContext) -> str | None:
    """The 15-day fine payment provision in force on the decision date."""
    decision = case.decision
    assert decision is not None
    day = decision.date
    if day is None or day >= _penalty_law_2021_from(ctx):
        return _PAYMENT_2021
    return _old_penalty_law(ctx, day, "第四十六条第三款")


def _flag_rule(
    case: CaseFile, ctx: CheckContext, field: str, item: int, what: str, what_simple: str = ""
) -> Finding:
    """A decision flag: true passes, false fails, unrecorded cannot be judged."""
    basis, why_not = _content_basis(case, ctx, item)
    if basis is None:
        return ctx.not_applicable(why_not)
    if what_simple and basis.endswith("第三十四条第二款"):
        what = what_simple
    value = getattr(case.decision, field)
    if value is True:
        return ctx.passed()
    pointer = f"/decision/{field}"
    if value is False:
        return ctx.fail(f"决定书未载明{what}（{basis}）", pointer, values={"依据": basis})
    return ctx.needs_review(f"案卷未记载决定书是否载明{what}", pointer)


_DECISION_CONTENT_NOTE = (
    " Law version by decision date (ctx.laws; unknown date = current Law): from 2021-07-15 "
    "第五十九条第一款; before, the same items in 第三十九条第一款 of the text then in force "
    "(1996 / 2009 / 2017 — numbering unchanged; 2017 text read in Theonefkguy/Chinese-Laws), "
    "which covers decisions giving a penalty after the general procedure only (第三十八条): "
    "pre-2021 不予处罚 decisions are not_applicable, and pre-2021 on-the-spot decisions are "
    "judged on 第三十四条第二款 (the violation, basis, fine, time, place and agency name — "
    "no party address, manner of performance or remedies)."
)


@rule(
    id="PEN-DOC-001",
    title="决定书载明当事人的姓名或者名称、地址",
    category="documents",
    dimension="quality",
    basis=[
        f"{_PENALTY_LAW}第五十九条第一款第（一）项",
        f"{_PENALTY_LAW}（2017年修正）第三十九条第一款第（一）项",
    ],
    deduction=2,
    recommendation="决定书应当写明当事人的姓名或者名称、地址等基本情况（法人写明名称、"
    "统一社会信用代码、法定代表人、住所）。",
    applies_to=AppliesTo(
        kinds={"penalty"}, procedures=_DECISION_PROCEDURES, outcomes={"penalty", "no_penalty"}
    ),
    example="决定书只写当事人名称，未写住所。",
    notes="Beijing 2016 item 30: party details incomplete −2." + _DECISION_CONTENT_NOTE,
)
def decision_states_party(case: CaseFile, ctx: CheckContext) -> Finding:
    """The decision states the party's name and address."""
    return _flag_rule(case, ctx, "party_stated", 1, "当事人的姓名或者名称、地址")


@rule(
    id="PEN-DOC-002",
    title="决定书载明违法事实和证据",
    category="documents",
    dimension="quality",
    basis=[
        f"{_PENALTY_LAW}第五十九条第一款第（二）项",
        f"{_PENALTY_LAW}（2017年修正）第三十九条第一款第（二）项",
        f"{_PENALTY_LAW}（2017年修正）第三十四条第二款",
    ],
    deduction=3,
    recommendation="决定书应当写明认定的违法事实（时间、地点、情节、后果）以及认定事实所依据的证据。",
    applies_to=AppliesTo(
        kinds={"penalty"}, procedures=_DECISION_PROCEDURES, outcomes={"penalty", "no_penalty"}
    ),
    example="决定书仅表述“经查，当事人存在违法行为”，未列明事实和证据。",
    notes=(
        "21-point decision sheet (§1.9): −3 per missing element. Whether the facts are right is "
        "the evidence plugin's business; this rule only checks that the document states them. "
        "For pre-2021 on-the-spot decisions the message asks for the violation only "
        "(当事人的违法行为, 第三十四条第二款)." + _DECISION_CONTENT_NOTE
    ),
)
def decision_states_facts(case: CaseFile, ctx: CheckContext) -> Finding:
    """The decision states the facts of the violation and the evidence."""
    return _flag_rule(
        case, ctx, "facts_stated", 2, "违法事实和证据", what_simple="当事人的违法行为"
    )


@rule(
    id="PEN-DOC-003",
    title="决定书载明行政处罚的履行方式和期限",
    category="documents",
    dimension="quality",
    basis=[
        f"{_PENALTY_LAW}第五十九条第一款第（四）项",
        f"{_PENALTY_LAW}第六十七条第三款",
        f"{_PENALTY_LAW}（2017年修正）第三十九条第一款第（四）项",
        f"{_PENALTY_LAW}（2017年修正）第四十六条第三款",
    ],
    deduction=5,
    recommendation="决定书应当写明履行方式和期限，罚款写明“自收到本决定书之日起十五日内”缴纳及"
    "缴款银行或电子支付渠道，不得缩短法定的十五日缴纳期限。",
    applies_to=AppliesTo(kinds={"penalty"}, procedures=_DECISION_PROCEDURES, outcomes={"penalty"}),
    example="决定书只写“罚款5万元”，未写明缴纳方式和期限；或要求当事人“于十日内缴清罚款”。",
    notes=(
        "Beijing 2016 item 30: manner / time of performance missing or wrong −5. Checks that "
        "the decision states the manner and time limit at all (decision.performance_stated; a "
        "recorded payment period counts as a stated time limit) and, for a fine, that the "
        "stated payment period (decision.payment_days) is not shorter than the statutory 15 "
        "days from receipt (第六十七条第三款; 2017 第四十六条第三款). No other rule checks the "
        "stated period: PEN-PROC-032 only checks payment receipts. A longer stated period "
        "favours the party and passes (deferral needs an approval, 第六十六条第二款, which is "
        "not this rule's). Pre-2021 on-the-spot decisions: only the fine period is checked "
        "(2017 第四十六条第三款 applies to them through 第三十三条). Not applicable to warnings "
        "and circulated criticism alone." + _DECISION_CONTENT_NOTE
    ),
)
def decision_states_performance(case: CaseFile, ctx: CheckContext) -> Finding:
    """The decision states the manner and time limit of performance, and a fine's payment
    period is not shorter than 15 days."""
    decision = case.decision
    assert decision is not None
    types = {p.type for p in decision.penalties}
    if not types - _NON_PERFORMABLE:
        return ctx.not_applicable("仅给予警告或通报批评，无需履行")
    days = decision.payment_days
    short: Finding | None = None
    if "fine" in types and days is not None and days < _FINE_DAYS:
        payment_basis = _payment_basis(case, ctx)
        if payment_basis is not None:
            short = ctx.fail(
                f"决定书载明的罚款缴纳期限为{days}日，少于法定的自收到行政处罚决定书之日起十五日"
                f"（{payment_basis}）",
                "/decision/payment_days",
                values={"载明的缴纳期限（日）": days, "法定期限（日）": 15, "依据": payment_basis},
            )
    basis, why_not = _content_basis(case, ctx, 4)
    if basis is None:
        return short or ctx.not_applicable(why_not)
    if decision.performance_stated is False:
        return ctx.fail(
            f"决定书未载明行政处罚的履行方式和期限（{basis}）",
            "/decision/performance_stated",
            values={"依据": basis},
        )
    if short is not None:
        return short
    if decision.performance_stated is None and days is None:
        return ctx.needs_review(
            "案卷未记载决定书是否载明履行方式和期限", "/decision/performance_stated"
        )
    return ctx.passed()


def _litigation_months(ctx: CheckContext, day: dt.date | None) -> tuple[int, str]:
    """The period to sue (months) and its provision: 6 months since the 2014 amendment
    (第四十六条第一款, in force 2015-05-01), 3 months before (1989 第三十九条)."""
    if day is not None:
        version = ctx.laws.in_force(_LITIGATION_LAW, day)
        if version is not None and (version.edition_year or 0) < 2014:
            return 3, f"{_LITIGATION_LAW}（1989年）第三十九条"
    return 6, f"{_LITIGATION_LAW}第四十六条第一款"


@rule(
    id="PEN-DOC-004",
    title="决定书载明申请行政复议、提起行政诉讼的途径和期限",
    category="documents",
    dimension="quality",
    basis=[
        f"{_PENALTY_LAW}第五十九条第一款第（五）项",
        f"{_PENALTY_LAW}第五十二条第二款",
        f"{_PENALTY_LAW}（2017年修正）第三十九条第一款第（五）项",
        f"{_RECONSIDERATION_LAW}第二十条第一款",
        f"{_RECONSIDERATION_LAW}（2017年修正）第九条第一款",
        f"{_LITIGATION_LAW}第四十六条第一款",
        f"{_LITIGATION_LAW}（1989年）第三十九条",
    ],
    deduction=2,
    recommendation="决定书应当写明复议机关和人民法院的全称，以及“自收到本决定书之日起六十日内”"
    "申请行政复议、“六个月内”提起行政诉讼的期限。",
    applies_to=AppliesTo(
        kinds={"penalty"}, procedures=_DECISION_PROCEDURES, outcomes={"penalty", "no_penalty"}
    ),
    example="决定书告知“可在十五日内向上级机关申请行政复议”，未写明复议机关和法院。",
    notes=(
        "Elements: reconsideration body named; 60 days (复议法2023第二十条第一款, before 2024 "
        "第九条第一款 — the same 60 days; a shorter stated period fails, a longer one is "
        "needs_review since a law may set a longer period); court named; 6 months "
        "(行政诉讼法第四十六条第一款; 3 months for decisions before 2015-05-01 under 1989 "
        "第三十九条, by the law registry). Beijing 2016: body or court not named in full −2; "
        "the finding's count is the number of defective elements. An absent remedy record is "
        "needs_review; a remedy record without a body or court is read as the document not "
        "naming it. For on-the-spot decisions from 2024-01-01 (复议前置) the court and "
        "litigation period are not required here — PEN-DOC-006 checks the 复议前置 notice. "
        "不予处罚 decisions are reviewable too (复议法第十一条), so the notice is expected there "
        "as well (SAMR template) from 2021-07-15." + _DECISION_CONTENT_NOTE
    ),
)
def decision_states_remedies(case: CaseFile, ctx: CheckContext) -> Finding:
    """The decision names the reconsideration body and court and states 60 days / 6 months."""
    decision = case.decision
    assert decision is not None
    basis, why_not = _content_basis(case, ctx, 5)
    if basis is None:
        return ctx.not_applicable(why_not)
    remedy = decision.remedy
    if remedy is None:
        return ctx.needs_review("案卷未记载决定书的救济途径和期限告知内容", "/decision/remedy")
    review_first = (
        case.procedure == "simple"
        and decision.date is not None
        and decision.date >= _RECONSIDERATION_2024
    )
    defects: list[str] = []
    pointers: list[str] = []
    if not remedy.reconsideration_body:
        defects.append("未写明行政复议机关")
        pointers.append("/decision/remedy/reconsideration_body")
    days = remedy.reconsideration_days
    if days is None:
        defects.append("未写明申请行政复议的期限")
        pointers.append("/decision/remedy/reconsideration_days")
    elif days < 60:
        defects.append(f"申请行政复议期限写为{days}日，少于法定的六十日")
        pointers.append("/decision/remedy/reconsideration_days")
    if not review_first:
        if not remedy.court:
            defects.append("未写明管辖法院")
            pointers.append("/decision/remedy/court")
        months = remedy.litigation_months
        expected, _ = _litigation_months(ctx, decision.date)
        if months is None:
            defects.append("未写明提起行政诉讼的期限")
            pointers.append("/decision/remedy/litigation_months")
        elif months != expected:
            defects.append(
                f"提起行政诉讼期限写为{months}个月，与法定的{_ITEM_ZH[expected]}个月不符"
            )
            pointers.append("/decision/remedy/litigation_months")
    if defects:
        return ctx.fail(
            "决定书救济告知不完整：" + "；".join(defects) + f"（{basis}）",
            *pointers,
            values={"问题": "；".join(defects), "依据": basis},
            count=len(defects),
        )
    if days is not None and days > 60:
        return ctx.needs_review(
            f"决定书载明申请行政复议期限为{days}日，长于六十日，请核对是否有法律规定更长期限",
            "/decision/remedy/reconsideration_days",
        )
    return ctx.passed()


@rule(
    id="PEN-DOC-005",
    title="决定书告知的行政复议机关符合2024年起的复议管辖规定",
    category="documents",
    dimension="quality",
    basis=[
        "《中华人民共和国行政复议法》第二十四条第一款第（一）项",
        "《中华人民共和国行政复议法》第二十五条",
        "《中华人民共和国行政复议法》第二十七条",
    ],
    deduction=2,
    recommendation="2024年1月1日起，对县级以上地方人民政府工作部门作出的行政处罚不服的，"
    "由本级人民政府管辖行政复议；决定书应告知向本级人民政府申请行政复议，不再告知向上一级主管部门申请。",
    applies_to=AppliesTo(
        kinds={"penalty"}, procedures=_DECISION_PROCEDURES, outcomes={"penalty", "no_penalty"}
    ),
    in_force_from="2024-01-01",
    example="2024年5月作出的区市场监管局处罚决定书仍告知“可向市市场监督管理局申请行政复议”。",
    notes=(
        "RM-03. From 2024-01-01 acts of a local government department go to the same-level "
        "people's government (第二十四条第一款第（一）项). Clearly wrong, hence fail: a local "
        "department's decision naming a body that is not a people's government. Needs review: "
        "a government of another locality or level (派出机构 of a city department may also go to "
        "the government where it sits), vertically led agencies "
        "(海关, 金融, 外汇, 税务, 国家安全 — "
        "第二十七条: next-higher department) named with a government, governments and "
        "authorised bodies. State Council departments review their own acts (第二十五条). "
        "Locality is read from agency.region (else the agency name's prefix)."
    ),
)
def reconsideration_body(case: CaseFile, ctx: CheckContext) -> Finding:
    """From 2024 the reconsideration body of a local department's decision is the same-level
    people's government."""
    decision = case.decision
    assert decision is not None
    if decision.date is None:
        return ctx.needs_review("案卷未记载决定日期，无法确定适用的复议管辖规定", "/decision/date")
    if decision.date < _RECONSIDERATION_2024:
        return ctx.not_applicable("2024年1月1日前作出的决定，可告知本级人民政府或上一级主管部门")
    remedy = decision.remedy
    if remedy is None or not remedy.reconsideration_body:
        return ctx.not_applicable("决定书未记载复议机关（见PEN-DOC-004）")
    body = _norm(remedy.reconsideration_body)
    name = _acting_name(case)
    agency = case.agency
    pointer = "/decision/remedy/reconsideration_body"
    if agency.level == "national":
        if body == name:
            return ctx.passed()
        return ctx.needs_review(
            "国务院部门作出的行政处罚由本部门管辖复议，决定书告知的复议机关需核对",
            pointer,
            values={"执法机关": name, "告知的复议机关": remedy.reconsideration_body},
        )
    if _VERTICAL_MARKER.search(name) is not None:
        if body.endswith(_GOVERNMENT):
            return ctx.needs_review(
                "实行垂直领导的机关或税务、国家安全机关的行为应向上一级主管部门申请复议，"
                "决定书却告知向人民政府申请，请核对",
                pointer,
                values={"执法机关": name, "告知的复议机关": remedy.reconsideration_body},
            )
        return ctx.passed()
    if agency.subject_type == "authorised" or name.endswith((_GOVERNMENT, "办事处")):
        if body.endswith(_GOVERNMENT) and body != name:
            return ctx.passed()
        return ctx.needs_review(
            "执法主体为人民政府、派出机关或授权组织，复议机关需人工核对",
            pointer,
            values={"执法机关": name, "告知的复议机关": remedy.reconsideration_body},
        )
    if not body.endswith(_GOVERNMENT):
        return ctx.fail(
            f"决定日期{decision.date.isoformat()}，执法机关为地方人民政府工作部门，应由本级人民政府"
            f"管辖行政复议，决定书却告知向“{remedy.reconsideration_body}”申请",
            pointer,
            values={
                "执法机关": name,
                "告知的复议机关": remedy.reconsideration_body,
                "决定日期": decision.date,
            },
        )
    locality = body[: -len(_GOVERNMENT)]
    region = _norm(agency.region or "")
    same_level = bool(locality) and (
        (region.endswith(locality) or locality.endswith(region))
        if region
        else name.startswith(locality)
    )
    if same_level:
        return ctx.passed()
    return ctx.needs_review(
        f"告知的复议机关“{remedy.reconsideration_body}”与执法机关所在行政区划"
        f"“{agency.region or name}”不对应，请核对是否为本级人民政府",
        pointer,
        values={"执法机关": name, "告知的复议机关": remedy.reconsideration_body},
    )


@rule(
    id="PEN-DOC-006",
    title="当场处罚决定书告知应当先申请行政复议",
    category="documents",
    dimension="quality",
    basis=[
        "《中华人民共和国行政复议法》第二十三条第一款第（一）项",
        "《中华人民共和国行政复议法》第二十三条第二款",
    ],
    deduction=2,
    recommendation="2024年1月1日起当场作出的行政处罚决定书，应当告知当事人须先向行政复议机关申请"
    "行政复议，对复议决定不服的再依法提起行政诉讼。",
    applies_to=AppliesTo(kinds={"penalty"}, procedures={"simple"}, outcomes={"penalty"}),
    in_force_from="2024-01-01",
    example="2024年6月当场作出的罚款决定书仍告知“可在六个月内直接提起行政诉讼”。",
    notes=(
        "RM-02: for on-the-spot penalties decided from 2024-01-01 复议 comes first and the "
        "agency must say so when deciding (第二十三条第二款). The procedure plugin owns the "
        "periods; this rule owns the decision document's text."
    ),
)
def reconsideration_first_notice(case: CaseFile, ctx: CheckContext) -> Finding:
    """An on-the-spot penalty decided from 2024 tells the party to apply for 复议 first."""
    decision = case.decision
    assert decision is not None
    if decision.date is None:
        return ctx.needs_review("案卷未记载决定日期", "/decision/date")
    if decision.date < _RECONSIDERATION_2024:
        return ctx.not_applicable("2024年1月1日前作出的当场处罚决定不适用复议前置")
    flag = decision.remedy.reconsideration_first if decision.remedy else None
    if flag is True:
        return ctx.passed()
    if flag is False:
        return ctx.fail(
            f"当场处罚决定于{decision.date.isoformat()}作出，决定书未告知当事人应当先申请行政复议",
            "/decision/remedy/reconsideration_first",
            values={"决定日期": decision.date},
        )
    return ctx.needs_review(
        "案卷未记载当场处罚决定书是否告知复议前置", "/decision/remedy/reconsideration_first"
    )


@rule(
    id="PEN-DOC-007",
    title="决定书载明当事人陈述申辩的采纳情况及理由",
    category="documents",
    dimension="quality",
    basis=[f"{_SAMR_RULE}第六十二条"],
    deduction=2,
    recommendation="当事人提出陈述、申辩或听证意见的，决定书应当写明是否采纳及理由。",
    applies_to=AppliesTo(
        kinds={"penalty"},
        procedures={"general"},
        outcomes={"penalty"},
        sectors={"market_regulation"},
    ),
    in_force_from=_PENALTY_LAW_2021,
    example="当事人书面申辩违法所得计算有误，决定书对申辩意见未作任何回应。",
    notes=(
        "SR-09: the SAMR rule adds to 第五十九条 'whether and why the statement and defence were "
        "adopted' (第六十二条). Checked only when the party stated, defended or asked for a "
        "hearing "
        "(or a hearing was held); without any statement there is nothing to adopt."
    ),
)
def decision_states_adoption(case: CaseFile, ctx: CheckContext) -> Finding:
    """Where the party stated or defended, the decision says whether and why it was adopted."""
    decision = case.decision
    assert decision is not None
    flag = decision.statement_adoption_stated
    if flag is True:
        return ctx.passed()
    spoke = (case.reply is not None and case.reply.type in _STATEMENT_REPLIES) or (
        case.hearing is not None and case.hearing.held is True
    )
    if not spoke:
        return ctx.not_applicable("当事人未提出陈述、申辩或听证意见")
    if flag is False:
        return ctx.fail(
            "当事人提出了陈述、申辩意见，决定书未载明采纳情况及理由",
            "/decision/statement_adoption_stated",
            "/reply/type",
        )
    return ctx.needs_review(
        "案卷未记载决定书是否载明陈述申辩的采纳情况", "/decision/statement_adoption_stated"
    )


@rule(
    id="PEN-DOC-008",
    title="决定书载明作出决定的行政机关名称和日期",
    category="documents",
    dimension="quality",
    basis=[
        f"{_PENALTY_LAW}第五十九条第一款第（六）项",
        f"{_PENALTY_LAW}第五十二条第二款",
        f"{_PENALTY_LAW}（2017年修正）第三十九条第一款第（六）项",
        f"{_PENALTY_LAW}（2017年修正）第三十四条第二款",
    ],
    deduction=3,
    recommendation="决定书应当以作出决定的行政机关的全称署名，并写明作出决定的日期；受委托组织"
    "以委托机关名义作出。",
    applies_to=AppliesTo(
        kinds={"penalty"}, procedures=_DECISION_PROCEDURES, outcomes={"penalty", "no_penalty"}
    ),
    example="决定书落款为“某区市场监督管理局执法大队”，或落款处无日期。",
    notes=(
        "Beijing 2016 item 30: seal but no issuer name −3; no date −2 (the date part is "
        "needs_review here: the model cannot tell an undated document from an unrecorded date, "
        "and CF-DOC-004 compares recorded dates). Issuer must equal the agency's full name. "
        "For an entrusted body, acting in the entrusting agency's name is PEN-SUBJ-004 (subject "
        "plugin, veto), so the name is not compared here." + _DECISION_CONTENT_NOTE
    ),
)
def decision_states_issuer(case: CaseFile, ctx: CheckContext) -> Finding:
    """The decision is signed with the agency's full name and is dated."""
    decision = case.decision
    assert decision is not None
    basis, why_not = _content_basis(case, ctx, 6)
    if basis is None:
        return ctx.not_applicable(why_not)
    issuer = decision.issuing_agency_name
    acting = _acting_name(case)
    entrusted = case.agency.subject_type == "entrusted"
    if issuer and _norm(issuer) != acting and not entrusted:
        return ctx.fail(
            f"决定书署名“{issuer}”与作出决定的行政机关“{acting}”不一致（{basis}）",
            "/decision/issuing_agency_name",
            values={"署名": issuer, "执法机关": acting, "依据": basis},
        )
    doc = _decision_document(case)
    if decision.date is None and (doc is None or doc.date is None):
        return ctx.needs_review("案卷未记载决定书的日期", "/decision/date")
    if not issuer:
        return ctx.needs_review("案卷未记载决定书的署名机关", "/decision/issuing_agency_name")
    return ctx.passed()


# ---------------------------------------------------------------------------------------------
# 案卷归档 (CF-ARCH-…)
# ---------------------------------------------------------------------------------------------

_GUIDANCE_118 = (
    "《国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的"
    "指导意见》（国办发〔2018〕118号）"
)
_ARCHIVES_LAW = "《中华人民共和国档案法》第十四条"
_ARCHIVE_BASIS = [
    f"{_PENALTY_LAW}第四十七条",
    f"{_SAMR_RULE}第七十八条",
    _GUIDANCE_118,
    _ARCHIVES_LAW,
]


def _no_archive(ctx: CheckContext) -> Finding:
    return ctx.needs_review("案卷未记载立卷归档情况", "/archive")


@rule(
    id="CF-ARCH-001",
    title="一案一卷",
    category="archive",
    dimension="quality",
    basis=_ARCHIVE_BASIS,
    deduction=1,
    recommendation="一个案件单独立卷，不得将多个案件材料混装一卷或将一案材料分散于其他案卷。",
    example="同一当事人的两起案件材料装订在同一卷内。",
    notes="测绘 standard: 一案一卷 (2 points, −1); SAMR 第七十八条 (SR-14): one case one file.",
)
def one_case_one_file(case: CaseFile, ctx: CheckContext) -> Finding:
    """The case forms a volume of its own."""
    archive = case.archive
    if archive is None:
        return _no_archive(ctx)
    flag = archive.one_case_one_file
    if flag is False:
        return ctx.fail("案卷未做到一案一卷", "/archive/one_case_one_file")
    if flag is None:
        return ctx.needs_review("案卷未记载是否一案一卷", "/archive/one_case_one_file")
    return ctx.passed()


@rule(
    id="CF-ARCH-002",
    title="案卷有统一封面、卷内目录和备考表",
    category="archive",
    dimension="quality",
    basis=_ARCHIVE_BASIS,
    deduction=1,
    recommendation="案卷应当使用统一的卷皮（封面），编制卷内文件目录，并在卷尾附备考表。",
    example="案卷无卷内目录，文书页码无从检索。",
    notes=(
        "测绘 standard: uniform cover (−1), index (−1 per error); 21-point sheet: cover 1, "
        "index 1; "
        "licensing 评分表: 8 sub-items × 1.5. One finding with count = number of missing "
        "components; components the file does not record are not judged unless none is recorded."
    ),
)
def archive_components(case: CaseFile, ctx: CheckContext) -> Finding:
    """The volume has a cover, an index (卷内目录) and a remarks sheet (备考表)."""
    archive = case.archive
    if archive is None:
        return _no_archive(ctx)
    cover, index, remarks = archive.cover, archive.index, archive.remarks_sheet
    if cover is not False and index is not False and remarks is not False:
        if cover is None and index is None and remarks is None:
            return ctx.needs_review("案卷未记载封面、卷内目录、备考表情况", "/archive")
        return ctx.passed()
    parts = (
        (cover, "统一封面", "/archive/cover"),
        (index, "卷内目录", "/archive/index"),
        (remarks, "备考表", "/archive/remarks_sheet"),
    )
    absent = [(label, pointer) for flag, label, pointer in parts if flag is False]
    labels = "、".join(label for label, _ in absent)
    return ctx.fail(
        f"案卷缺少{labels}",
        *(pointer for _, pointer in absent),
        values={"缺少": labels},
        count=len(absent),
    )


@rule(
    id="CF-ARCH-003",
    title="卷内页码连续编写",
    category="archive",
    dimension="quality",
    basis=_ARCHIVE_BASIS,
    deduction=1,
    recommendation="卷内文件逐页用阿拉伯数字在有文字页面的右下角连续编写页码，不重号、不漏号；"
    "封面、卷内目录、备考表不编页码。",
    example="询问笔录与现场检查笔录均从第4页起编号，页码重复。",
    notes=(
        "测绘 standard: every page with text numbered in Arabic numerals at the lower right, "
        "cover / index / 备考表 not numbered, −1 per problem. Fails on pages_numbered=false, on "
        "two documents claiming the same page (from page_from and pages) and on a numbered "
        "cover / index / 备考表. Gaps between documents are not judged: evidence such as "
        "photos may fill them without being listed as documents."
    ),
)
def pages_numbered(case: CaseFile, ctx: CheckContext) -> Finding | list[Finding]:
    """Pages are numbered, without two documents sharing a page and without numbering the
    cover, index or remarks sheet."""
    archive = case.archive
    if archive is None:
        return _no_archive(ctx)
    findings: list[Finding] = []
    if archive.pages_numbered is False:
        findings.append(ctx.fail("卷内文件未逐页编写页码", "/archive/pages_numbered"))
    # (first page, last page, position, document): sorted, these are in page order with ties
    # in file order.
    paged: list[tuple[int, int, int, Document]] = []
    numbered_sheets: list[Document] = []
    for i, d in enumerate(case.documents):
        first = d.page_from
        if first is None:
            continue
        if d.type in _UNPAGINATED:
            numbered_sheets.append(d)
        else:
            paged.append((first, first + (d.pages or 1) - 1, i, d))
    paged.sort()
    reach: Document | None = None  # the document reaching furthest so far
    reach_last = 0
    for first, last, _, doc in paged:
        if reach is not None and first <= reach_last:
            findings.append(
                ctx.fail(
                    f"{_doc_name(reach)}（第{reach.page_from}-{reach_last}页）与"
                    f"{_doc_name(doc)}页码重复",
                    case.pointer("documents", reach.id, "page_from"),
                    case.pointer("documents", doc.id, "page_from"),
                    values={"文书": f"{_doc_name(reach)}、{_doc_name(doc)}"},
                )
            )
        if reach is None or last > reach_last:
            reach = doc
            reach_last = last
    if numbered_sheets:
        names = "、".join(_label(d.type) for d in numbered_sheets)
        findings.append(
            ctx.fail(
                f"{names}编了页码（封面、卷内目录、备考表不编页码）",
                *(case.pointer("documents", d.id, "page_from") for d in numbered_sheets),
                count=len(numbered_sheets),
            )
        )
    if findings:
        return findings
    if archive.pages_numbered is None and not paged:
        return ctx.needs_review("案卷未记载页码编写情况", "/archive/pages_numbered")
    return ctx.passed()


@rule(
    id="CF-ARCH-004",
    title="卷内文书排列有序",
    category="archive",
    dimension="quality",
    basis=_ARCHIVE_BASIS,
    deduction=1,
    recommendation="卷内文书按评查标准规定的顺序排列（如市场监管：立案审批表、决定书及送达回证、"
    "其他送达文书、证据、听证笔录、财物处理文书，副卷另行排列；或按立案、调查取证、审查、决定、"
    "送达、执行顺序排列）。",
    example="行政处罚决定书装订在立案审批表之前，卷内顺序混乱。",
    notes=(
        "Only the reviewer's archive.in_order flag is used: the required order differs between "
        "standards (SAMR 第七十八条 main / secondary volume vs the 测绘 chronological order "
        "立案→调查取证→审查→决定→送达), so the order is not recomputed from page numbers."
    ),
)
def documents_in_order(case: CaseFile, ctx: CheckContext) -> Finding:
    """The documents are arranged in the prescribed order (as recorded)."""
    archive = case.archive
    if archive is None:
        return _no_archive(ctx)
    flag = archive.in_order
    if flag is False:
        return ctx.fail("卷内文书排列顺序不规范", "/archive/in_order")
    if flag is None:
        return ctx.needs_review("案卷未记载卷内文书排列情况", "/archive/in_order")
    return ctx.passed()


@rule(
    id="CF-ARCH-005",
    title="案卷装订规范",
    category="archive",
    dimension="quality",
    basis=_ARCHIVE_BASIS,
    deduction=1,
    recommendation="案卷装订整齐牢固，去除金属物，破损文件修裱，字迹不耐久的文件复制后归档。",
    example="案卷使用订书钉装订，部分页面脱落。",
    notes=(
        "Licensing 评分表 (§2.6): neat binding without metal, undamaged paper, no pencil; 测绘 "
        "binding item. Uses archive.binding_ok."
    ),
)
def binding_ok(case: CaseFile, ctx: CheckContext) -> Finding:
    """The volume is bound properly (as recorded)."""
    archive = case.archive
    if archive is None:
        return _no_archive(ctx)
    flag = archive.binding_ok
    if flag is False:
        return ctx.fail("案卷装订不规范", "/archive/binding_ok")
    if flag is None:
        return ctx.needs_review("案卷未记载装订情况", "/archive/binding_ok")
    return ctx.passed()


_CLOSING_BASIS = f"{_SAMR_RULE}第七十七条"
_NON_PENALTY_OUTCOMES = frozenset(
    {"no_penalty", "not_established", "transfer_judicial", "transfer_agency"}
)


def _closing_event(case: CaseFile) -> tuple[dt.date | None, str]:
    closing = case.closing
    if closing is not None and closing.event_date is not None:
        return closing.event_date, "/closing/event_date"
    decision = case.decision
    if decision is not None and decision.outcome in _NON_PENALTY_OUTCOMES:
        return decision.date, "/decision/date"
    if case.execution is not None and case.execution.completed_date is not None:
        return case.execution.completed_date, "/execution/completed_date"
    return None, "/closing/event_date"


@rule(
    id="CF-ARCH-006",
    title="结案事由发生后按期结案",
    category="archive",
    dimension="quality",
    basis=[_CLOSING_BASIS],
    deduction=1,
    recommendation="行政处罚决定履行或执行完毕等结案情形出现后，应在规定期限内填写结案审批表，"
    "经负责人批准后结案，不得久拖不结。",
    applies_to=AppliesTo(kinds={"penalty"}, procedures={"general"}),
    parameters=["archive.closing_working_days"],
    example="罚款于2025年4月10日缴清，结案审批表至2025年6月3日才填写。",
    notes=(
        "SR-14: closing approval within 15 WD of the closing event (decision performed, "
        "enforcement ended, investigation terminated, no-penalty / not-established / transfer "
        "decisions). The SAMR article covers general-procedure cases; simple-procedure files "
        "are handed in under 第七十条 (procedure plugin). Per-sector values in "
        "archive.closing_working_days: by default only market_regulation (15 WD, the SAMR "
        "article) is checked; the default entry is null because no other sector's rule sets a "
        "closing period (statutory-rules §6.2 lists none), so other sectors are not_applicable "
        "unless a standard sets a number. The message names the rule that sets the period: "
        "the SAMR article for market regulation, otherwise the review standard. Event date: "
        "closing.event_date, "
        "else the decision date for non-penalty outcomes, else execution.completed_date. A "
        "closing dated before the event is not judged here: PEN-PROC-002 (procedure) fails "
        "steps out of order."
    ),
)
def closed_in_time(case: CaseFile, ctx: CheckContext) -> Finding:
    """The closing approval follows the closing event within the sector's working days."""
    table = ctx.param("archive.closing_working_days")
    own = case.sector is not None and case.sector in table
    days = table[case.sector] if own else table.get("default")
    if days is None:
        return ctx.not_applicable("本执法领域未见规定结案期限的规则，评查标准亦未设定，不检查")
    source = (
        _CLOSING_BASIS if own and case.sector == "market_regulation" else "评查标准规定的结案期限"
    )
    closing = case.closing
    if closing is None:
        return ctx.needs_review("案卷未记载结案情况", "/closing")
    act = closing.date or (closing.approval.date if closing.approval else None)
    event, event_pointer = _closing_event(case)
    if act is None or event is None:
        return ctx.needs_review(
            f"结案事由发生日期{_iso(event)}、结案日期{_iso(act)}，无法计算结案期限",
            event_pointer,
            "/closing/date",
        )
    if act < event:
        return ctx.not_applicable(
            f"结案日期{act.isoformat()}早于结案事由发生日期{event.isoformat()}，"
            "日期顺序问题见PEN-PROC-002"
        )
    check = deadline_check(event, act, Period(days, PeriodUnit.WORKING_DAYS, source))
    if check.met:
        return ctx.passed()
    return ctx.fail(
        f"{check.describe('结案事由发生日', '结案日期')}（期限依据：{source}）",
        "/closing/date",
        event_pointer,
        values={
            "结案事由发生日": event,
            "期限": check.period.describe(),
            "期限依据": source,
            "截止日": check.deadline,
            "结案日期": act,
            "逾期（日）": check.days_late,
        },
    )


def _archive_trigger(case: CaseFile) -> tuple[dt.date | None, str, str]:
    closing = case.closing
    if closing is not None:
        day = closing.date or (closing.approval.date if closing.approval else None)
        if day is not None:
            return day, "结案日", "/closing/date"
    if case.kind == "licensing":
        days = [s.date for s in case.services if s.date is not None]
        if case.issuance is not None:
            days += [d for d in (case.issuance.date, case.issuance.served_date) if d is not None]
        if case.decision is not None and case.decision.date is not None:
            days.append(case.decision.date)
        if days:
            return max(days), "办结日", "/decision/date"
    return None, "结案日", "/closing/date"


@rule(
    id="CF-ARCH-007",
    title="结案后按期归档",
    category="archive",
    dimension="quality",
    basis=[f"{_PENALTY_LAW}第四十七条", _GUIDANCE_118, _ARCHIVES_LAW],
    deduction=1,
    recommendation="案件办结后应在规定期限内整理立卷、移交归档。",
    parameters=["archive.deadline_days", "archive.deadline_unit"],
    example="案件于2025年4月15日结案，至2025年9月才归档（标准规定结案后30日内归档）。",
    notes=(
        "档案法第十四条 (2020 text: materials to be archived are handed over regularly under "
        "state rules) is cited from memory — article number not verified against the official "
        "text. No review standard found fixes an archiving deadline (domain-standards §3.4 d), so "
        "archive.deadline_days is unset by default and the rule is then not_applicable; a "
        "standard sets the number of days and archive.deadline_unit (calendar or working days). "
        "Trigger: the closing date (closing approval date); for licensing files without a "
        "closing record, the last of decision, licence issue and service dates."
    ),
)
def archived_in_time(case: CaseFile, ctx: CheckContext) -> Finding:
    """The file is archived within the standard's deadline after closing (when one is set)."""
    days = ctx.param("archive.deadline_days")
    if days is None:
        return ctx.not_applicable("评查标准未设定归档期限（archive.deadline_days）")
    trigger, trigger_label, trigger_pointer = _archive_trigger(case)
    archived = case.archive.date if case.archive is not None else None
    if trigger is None or archived is None:
        return ctx.needs_review(
            f"{trigger_label}{_iso(trigger)}、归档日期{_iso(archived)}，无法计算归档期限",
            trigger_pointer,
            "/archive/date",
        )
    unit = PeriodUnit(ctx.param("archive.deadline_unit"))
    check = deadline_check(trigger, archived, Period(days, unit, "评查标准规定的归档期限"))
    if check.met:
        return ctx.passed()
    return ctx.fail(
        check.describe(trigger_label, "归档日期"),
        "/archive/date",
        trigger_pointer,
        values={
            trigger_label: trigger,
            "期限": check.period.describe(),
            "截止日": check.deadline,
            "归档日期": archived,
            "逾期（日）": check.days_late,
        },
    )


@rule(
    id="CF-ARCH-008",
    title="案卷总页数与卷内文书页数相符",
    category="archive",
    dimension="quality",
    basis=_ARCHIVE_BASIS,
    deduction=1,
    recommendation="卷内目录、备考表记载的总页数应与卷内文件实际页数一致，防止材料缺失或事后抽换。",
    example="备考表记载本卷共20页，卷内文书实际共24页。",
    notes=(
        "Compared only when the archive's total_pages and the documents' pages are both "
        "recorded; cover, index and 备考表 are unpaginated and left out. A document without a "
        "page count counts as at least one page. Fails when the documents need more pages than "
        "the total (or a page number runs past it); fewer pages than the total is needs_review, "
        "because evidence not listed as documents (photos, copies) may fill the difference."
    ),
)
def page_count(case: CaseFile, ctx: CheckContext) -> Finding:
    """The recorded total page count matches the documents' pages."""
    archive = case.archive
    total = archive.total_pages if archive is not None else None
    if total is None:
        return ctx.not_applicable("案卷未同时记载总页数和文书页数")
    any_pages = False
    counted = 0
    reach: int | None = None
    for d in case.documents:
        if d.type in _UNPAGINATED:
            continue
        if d.pages is not None:
            any_pages = True
        size = d.pages or 1
        counted += size
        if d.page_from is not None:
            end = d.page_from + size - 1
            if reach is None or end > reach:
                reach = end
    if not any_pages:
        return ctx.not_applicable("案卷未同时记载总页数和文书页数")
    last = 0 if reach is None else reach
    if counted > total or last > total:
        extra = f"，最大页码为第{last}页" if last > total else ""
        return ctx.fail(
            f"卷内文书合计至少{counted}页{extra}，超过案卷记载的总页数{total}页",
            "/archive/total_pages",
            values={"记载总页数": total, "文书页数合计": counted},
        )
    if counted < total:
        return ctx.needs_review(
            f"卷内文书合计{counted}页，案卷记载总页数{total}页，相差{total - counted}页，"
            "请核对是否有未列入文书清单的材料",
            "/archive/total_pages",
            values={"记载总页数": total, "文书页数合计": counted},
        )
    return ctx.passed()


RULES = [
    required_documents,
    document_numbers,
    document_number_form,
    document_dates,
    outward_documents_sealed,
    blanks_struck,
    corrections_confirmed,
    decision_states_party,
    decision_states_facts,
    decision_states_performance,
    decision_states_remedies,
    reconsideration_body,
    reconsideration_first_notice,
    decision_states_adoption,
    decision_states_issuer,
    one_case_one_file,
    archive_components,
    pages_numbered,
    documents_in_order,
    binding_ok,
    closed_in_time,
    archived_in_time,
    page_count,
]


@hookimpl
def casefile_eval_rules() -> list[Any]:
    return list(RULES)


@hookimpl
def casefile_eval_parameters() -> list[Parameter]:
    return list(PARAMETERS)
