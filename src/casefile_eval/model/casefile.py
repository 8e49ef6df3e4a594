"""The case file (案卷) as one immutable object."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

from ._fields import fld
from .licensing import (
    Acceptance,
    Application,
    CorrectionNotice,
    Fee,
    InterestedParties,
    Issuance,
    LowerReview,
    Verification,
)
from .parts import (
    Agency,
    Approval,
    Archive,
    Closing,
    CollectiveDiscussion,
    Document,
    Evidence,
    ExcludedPeriod,
    Fact,
    Hearing,
    LegalReview,
    MajorDecision,
    Officer,
    Party,
    PeriodExtension,
    Publicity,
    Recording,
    Recusal,
    Service,
)
from .penalty import (
    Clue,
    CompulsoryMeasure,
    Discretion,
    Execution,
    Filing,
    OnTheSpot,
    PartyReply,
    PenaltyItem,
    PriorNotice,
    Violation,
)
from .vocab import Kind, Outcome, Procedure, Sector

SCHEMA_VERSION = "1.0"


@attrs.frozen(slots=True)
class Remedy:
    """Remedy information the decision gives (救济途径和期限)."""

    reconsideration_body: str | None = fld("行政复议机关")
    reconsideration_days: int | None = fld("申请行政复议期限（日）", minimum=1)
    court: str | None = fld("管辖法院")
    litigation_months: int | None = fld("提起行政诉讼期限（月）", minimum=1)
    reconsideration_first: bool | None = fld(
        "告知复议前置", "Required for on-the-spot penalties from 2024."
    )


@attrs.frozen(slots=True)
class Decision:
    """The decision (处罚决定 / 许可决定)."""

    date: dt.date | None = fld("决定日期")
    document: str | None = fld("决定书", "Document id.")
    number: str | None = fld("决定书文号")
    outcome: Outcome | None = fld("决定结果")
    penalties: tuple[PenaltyItem, ...] = fld("处罚种类及数额", default=())
    violated_provisions: tuple[str, ...] = fld("违法行为所违反的规定（定性依据）", default=())
    penalty_provisions: tuple[str, ...] = fld("处罚依据", default=())
    penalty_range_min: float | None = fld(
        "处罚依据规定的罚款下限", "Yuan, as the case records it.", minimum=0
    )
    penalty_range_max: float | None = fld("处罚依据规定的罚款上限", minimum=0)
    provision_has_paragraphs: bool | None = fld("处罚依据条文分款")
    provision_has_items: bool | None = fld("处罚依据条文分项")
    discretion: Discretion | None = fld("裁量")
    facts_stated: bool | None = fld("载明违法事实和证据")
    party_stated: bool | None = fld("载明当事人姓名或名称、地址")
    performance_stated: bool | None = fld("载明履行方式和期限")
    payment_days: int | None = fld("罚款缴纳期限（日）", minimum=1)
    remedy: Remedy | None = fld("救济途径和期限")
    issuing_agency_name: str | None = fld("决定书署名机关")
    sealed: bool | None = fld("加盖印章")
    statement_adoption_stated: bool | None = fld("载明陈述申辩采纳情况")
    correction_ordered: bool | None = fld("责令改正")
    announced_on_the_spot: bool | None = fld("宣告后当场交付")
    reasons: str | None = fld(
        "理由", "Licensing denials and acceptance refusals: the reasons given."
    )
    decided_by: str | None = fld("决定人", "Officer id of the head who decided.")
    approval: Approval | None = fld("决定审批")
    on_the_spot: bool | None = fld("当场作出", "Licensing: decided on the spot (第三十四条第二款).")
    education_recorded: bool | None = fld(
        "对当事人进行教育",
        "No-penalty decisions: the education of the party is recorded (第三十三条第三款).",
    )


@attrs.frozen(slots=True)
class CaseFile:
    """One administrative enforcement case file (行政执法案卷).

    Sections that do not apply to a file's kind stay empty. ``extensions`` carries data the
    core does not model, for plugins; ``derived`` holds facts that ``prepare_case`` hooks
    compute once per case before the checks run (it is not part of the file format).
    """

    schema_version: str = fld("格式版本", required=True, pattern=r"^1\.\d+$")
    case_id: str = fld(
        "案卷编号", "Unique within a batch.", required=True, minLength=1, maxLength=128
    )
    kind: Kind = fld("案件类别", required=True)
    procedure: Procedure = fld("程序", required=True)
    agency: Agency = fld("执法主体", required=True)
    title: str | None = fld("案由或案件名称", "当事人 + 违法行为 + 案 / 申请人 + 许可事项.")
    case_number: str | None = fld("案号")
    sector: Sector | None = fld("执法领域")
    parties: tuple[Party, ...] = fld("当事人", default=(), minItems=1)
    officers: tuple[Officer, ...] = fld("执法人员", default=())
    documents: tuple[Document, ...] = fld("文书", default=())
    evidence: tuple[Evidence, ...] = fld("证据", default=())
    facts: tuple[Fact, ...] = fld("认定事实", default=())
    recordings: tuple[Recording, ...] = fld("音像记录", default=())
    services: tuple[Service, ...] = fld("送达", default=())
    publicity: tuple[Publicity, ...] = fld("公示", default=())
    major_decision: MajorDecision | None = fld("重大执法决定认定")
    legal_review: LegalReview | None = fld("法制审核")
    collective_discussion: CollectiveDiscussion | None = fld("集体讨论")
    hearing: Hearing | None = fld("听证")
    recusals: tuple[Recusal, ...] = fld("回避", default=())
    period_extensions: tuple[PeriodExtension, ...] = fld("期限延长", default=())
    excluded_periods: tuple[ExcludedPeriod, ...] = fld("不计入期限的时间", default=())
    decision: Decision | None = fld("决定")
    closing: Closing | None = fld("结案")
    archive: Archive | None = fld("归档")
    # penalty
    clue: Clue | None = fld("案件来源")
    filing: Filing | None = fld("立案")
    violation: Violation | None = fld("违法行为")
    compulsory_measures: tuple[CompulsoryMeasure, ...] = fld("行政强制措施", default=())
    prior_notice: PriorNotice | None = fld("事先告知")
    reply: PartyReply | None = fld("陈述申辩")
    execution: Execution | None = fld("执行")
    on_the_spot: OnTheSpot | None = fld("当场处罚")
    # licensing
    application: Application | None = fld("申请")
    corrections: tuple[CorrectionNotice, ...] = fld("补正告知", default=())
    acceptance: Acceptance | None = fld("受理")
    lower_review: LowerReview | None = fld("下级行政机关初审")
    verifications: tuple[Verification, ...] = fld("核查", default=())
    interested_parties: InterestedParties | None = fld("利害关系人")
    issuance: Issuance | None = fld("颁发送达证件")
    fees: Fee | None = fld("收费")
    extensions: dict[str, Any] = fld("扩展数据", "Free-form data for plugins.", default={})
    # Not an argument: per-case caches belong to this object, and a copy made with
    # ``attrs.evolve`` (other facts) must start without them.
    derived: dict[str, Any] = attrs.field(init=False, factory=dict, eq=False, repr=False)

    # Lookups rules need constantly; computed on first use and kept on the instance.
    def officer(self, officer_id: str | None) -> Officer | None:
        """The officer with this id, or None."""
        if officer_id is None:
            return None
        return self._index("officers").get(officer_id)

    def party(self, party_id: str | None) -> Party | None:
        """The party with this id, or None."""
        if party_id is None:
            return None
        return self._index("parties").get(party_id)

    def document(self, document_id: str | None) -> Document | None:
        """The document with this id, or None."""
        if document_id is None:
            return None
        return self._index("documents").get(document_id)

    def documents_of(self, *types: str) -> tuple[Document, ...]:
        """Documents of the given types, in file order."""
        if len(types) != 1:
            wanted = set(types)
            return tuple(d for d in self.documents if d.type in wanted)
        by_type = self.derived.get("_index_by_type")
        if by_type is None:
            grouped: dict[str, list[Document]] = {}
            for d in self.documents:
                grouped.setdefault(d.type, []).append(d)
            by_type = {t: tuple(ds) for t, ds in grouped.items()}
            self.derived["_index_by_type"] = by_type
        return by_type.get(types[0], ())

    def pointer(self, section: str, item_id: str, *fields: str) -> str:
        """JSON pointer of the item with ``item_id`` in a list section, e.g. ``/documents/3``.

        Extra ``fields`` are appended (``pointer("documents", "D4", "sealed")``).
        """
        # Rules ask for pointers constantly: each item's "/section/i" is built once per case.
        key = "_pos_" + section
        prefixes = self.derived.get(key)
        if prefixes is None:
            prefixes = {item.id: f"/{section}/{i}" for i, item in enumerate(getattr(self, section))}
            self.derived[key] = prefixes
        prefix = prefixes.get(item_id)
        if prefix is None:
            prefix = f"/{section}/{item_id}"
        if not fields:
            return prefix
        return prefix + "/" + "/".join(fields)

    @property
    def main_party(self) -> Party | None:
        """The party the case is against (penalty) or the applicant (licensing)."""
        for p in self.parties:
            if p.role in ("party", "applicant"):
                return p
        return self.parties[0] if self.parties else None

    def _index(self, section: str) -> dict[str, Any]:
        key = "_index_" + section
        index = self.derived.get(key)
        if index is None:
            index = {item.id: item for item in getattr(self, section)}
            self.derived[key] = index
        return index
