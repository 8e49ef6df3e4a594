"""Parts of a case file shared by penalty and licensing files."""

from __future__ import annotations

import datetime as dt

import attrs

from ._fields import fld
from .vocab import (
    AgencyLevel,
    DocumentType,
    EvidenceType,
    ExcludedType,
    MajorCategory,
    OfficerRole,
    PartyRole,
    PartyType,
    PublicityChannel,
    ReviewConclusion,
    ReviewType,
    ServiceMethod,
    Step,
    SubjectType,
)

_ID = {"pattern": r"^[A-Za-z0-9_.\-]{1,64}$"}
_CREDIT_CODE = {"pattern": r"^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$"}
_ID_NUMBER = {"pattern": r"^\d{17}[\dXx]$"}


@attrs.frozen(slots=True)
class Entrustment:
    """The written entrustment of a 受委托组织 (行政处罚法第二十条)."""

    document_no: str | None = fld("委托书文号")
    entrusting_agency: str | None = fld("委托机关", "Full name of the entrusting agency.")
    matters: str | None = fld("委托事项和权限")
    term_start: dt.date | None = fld("委托期限起")
    term_end: dt.date | None = fld("委托期限止")
    published: bool | None = fld("委托书是否公布")
    basis: tuple[str, ...] = fld(
        "委托依据", "Citations of the law or regulation allowing the entrustment.", default=()
    )
    entrusted_is_organ: bool | None = fld(
        "受委托者为行政机关", "Licensing may be entrusted only to an organ (行政许可法第二十四条)."
    )


@attrs.frozen(slots=True)
class Agency:
    """The enforcement body that handled the case (执法主体)."""

    name: str = fld("执法机关名称", "Full name as on the seal.", required=True, minLength=2)
    credit_code: str | None = fld("统一社会信用代码", **_CREDIT_CODE)
    level: AgencyLevel | None = fld("机关层级")
    subject_type: SubjectType = fld("主体类型", default="organ")
    region: str | None = fld("所在行政区划", "e.g. 浙江省杭州市西湖区")
    region_code: str | None = fld("行政区划代码", pattern=r"^\d{6}$")
    power_basis: tuple[str, ...] = fld(
        "职权依据", "Citations of the provisions giving the power.", default=()
    )
    entrustment: Entrustment | None = fld("委托情况", "Only for subject_type = entrusted.")
    township_transfer_decision: str | None = fld(
        "赋权决定",
        "Published provincial decision transferring the power to a township (第二十四条).",
    )
    jurisdiction_confirmed: bool | None = fld(
        "管辖权经确认",
        "Whether the file records what establishes territorial and level jurisdiction.",
    )


@attrs.frozen(slots=True)
class Person:
    """A natural person named inside a party record (legal representative, agent)."""

    name: str = fld("姓名", required=True)
    id_number: str | None = fld("身份证号码", **_ID_NUMBER)
    phone: str | None = fld("联系电话")
    position: str | None = fld("职务")


@attrs.frozen(slots=True)
class Party:
    """A party to the case: the person punished, an applicant, an interested party, a witness."""

    id: str = fld("编号", "Referenced from documents, services etc.", required=True, **_ID)
    type: PartyType = fld("当事人类型", required=True)
    name: str = fld("姓名或名称", required=True, minLength=1)
    role: PartyRole = fld("角色", default="party")
    id_type: str | None = fld("证件类型", "e.g. 居民身份证")
    id_number: str | None = fld("证件号码", "18-digit resident ID for natural persons.")
    credit_code: str | None = fld("统一社会信用代码", **_CREDIT_CODE)
    legal_representative: Person | None = fld("法定代表人或负责人")
    address: str | None = fld("住所或地址")
    phone: str | None = fld("联系电话")
    birth_date: dt.date | None = fld("出生日期")
    identity_verified: bool | None = fld(
        "身份证明已收集", "ID copy / business licence in the file."
    )


@attrs.frozen(slots=True)
class Officer:
    """An enforcement officer or another staff member of the agency."""

    id: str = fld("编号", required=True, **_ID)
    name: str = fld("姓名", required=True, minLength=1)
    roles: tuple[OfficerRole, ...] = fld("角色", default=())
    certificate_no: str | None = fld("执法证号")
    certificate_valid_from: dt.date | None = fld("执法证有效期起")
    certificate_valid_until: dt.date | None = fld("执法证有效期止")
    legal_qualification: bool | None = fld("取得法律职业资格")
    first_legal_review_date: dt.date | None = fld(
        "初次从事法制审核日期", "行政处罚法第五十八条第二款 applies to first-time reviewers."
    )
    is_agency_head: bool | None = fld("是否机关负责人")


@attrs.frozen(slots=True)
class Approval:
    """An internal approval: who approved, when, with what opinion."""

    approver: str | None = fld("审批人", "Officer id or name.")
    date: dt.date | None = fld("审批日期")
    time: dt.datetime | None = fld("审批时间", "Where the law counts hours (emergency measures).")
    opinion: str | None = fld("审批意见")


@attrs.frozen(slots=True)
class Document:
    """A document in the case file (文书), including every record of an investigative act (笔录)."""

    id: str = fld("文书编号", required=True, **_ID)
    type: DocumentType = fld("文书种类", required=True)
    title: str | None = fld("文书名称", "As printed; required for type = other.")
    number: str | None = fld("文号")
    date: dt.date | None = fld("日期")
    start_time: dt.datetime | None = fld(
        "起始时间", "For records of acts (笔录): when the act began."
    )
    end_time: dt.datetime | None = fld("结束时间")
    place: str | None = fld("地点")
    pages: int | None = fld("页数", minimum=1)
    page_from: int | None = fld("起始页码", minimum=1)
    sealed: bool | None = fld("加盖印章")
    seal_name: str | None = fld(
        "印章名称", "The name on the seal, e.g. to detect an internal unit's seal."
    )
    officers: tuple[str, ...] = fld(
        "签名执法人员", "Officer ids of the officers who signed.", default=()
    )
    certificates_shown: bool | None = fld("出示执法证件")
    rights_told: bool | None = fld(
        "告知权利", "Rights to state, defend and seek recusal were told."
    )
    party: str | None = fld("相对人", "Party id of the person the record or document concerns.")
    party_signed: bool | None = fld("当事人签名或盖章")
    every_page_signed: bool | None = fld("逐页签名")
    party_refused: bool | None = fld("当事人拒绝签名")
    refusal_noted: bool | None = fld("注明拒签情况")
    witness: str | None = fld("见证人")
    blanks_struck: bool | None = fld("空白处划线或注明以下空白")
    corrections_confirmed: bool | None = fld("修改处经确认")
    template: str | None = fld("文书格式范本", "Which template set was used.")


@attrs.frozen(slots=True)
class MonitoringDevice:
    """Electronic monitoring device behind an evidence item (行政处罚法第四十一条)."""

    device_id: str | None = fld("设备编号")
    legally_reviewed: bool | None = fld("经法制和技术审核")
    location_published: bool | None = fld("设置地点已公布")
    record_reviewed: bool | None = fld("记录经审核")
    record_reviewed_date: dt.date | None = fld("记录审核日期")
    party_notified_date: dt.date | None = fld("告知当事人日期")


@attrs.frozen(slots=True)
class Evidence:
    """An item of evidence (证据)."""

    id: str = fld("证据编号", required=True, **_ID)
    type: EvidenceType = fld("证据种类", required=True)
    name: str = fld("证据名称", required=True)
    source: str | None = fld("证据来源")
    collected_date: dt.date | None = fld("收集日期")
    collectors: tuple[str, ...] = fld("收集人", "Officer ids.", default=())
    document: str | None = fld("对应文书", "Document id when the evidence is a record in the file.")
    is_copy: bool | None = fld("复制件")
    copy_confirmed: bool | None = fld(
        "复制件经核对确认", "Marked 与原件核对无误 with source signature."
    )
    examiner: str | None = fld("鉴定、检测机构")
    examiner_qualified: bool | None = fld("鉴定机构具备资质")
    result_told_to_party: bool | None = fld("检测结果告知当事人")
    monitoring_device: MonitoringDevice | None = fld("电子技术监控设备")
    proves: tuple[str, ...] = fld(
        "证明事项", "Ids of the facts (facts[].id) this item supports.", default=()
    )
    lawfully_obtained: bool | None = fld("合法取得")


@attrs.frozen(slots=True)
class Fact:
    """A fact found in the decision (认定事实), to link evidence to."""

    id: str = fld("事实编号", required=True, **_ID)
    text: str = fld("事实内容", required=True)
    main: bool = fld("主要事实", default=True)


@attrs.frozen(slots=True)
class Recording:
    """An audio-video record of a step (音像记录)."""

    id: str = fld("编号", required=True, **_ID)
    step: Step = fld("执法环节", required=True)
    start: dt.datetime | None = fld("开始时间")
    end: dt.datetime | None = fld("结束时间")
    file: str | None = fld("文件名或存储位置")
    document: str | None = fld("对应文书", "Document id of the act recorded.")
    measure: str | None = fld("对应强制措施", "Id of the compulsory measure recorded.")
    complete: bool | None = fld("完整记录全过程")


@attrs.frozen(slots=True)
class Service:
    """Service of a document on a party (送达)."""

    document: str = fld("送达文书", "Document id.", required=True)
    method: ServiceMethod = fld("送达方式", required=True)
    date: dt.date | None = fld("送达日期", "The date the document counts as served (received).")
    posted_date: dt.date | None = fld("交邮日期", "Postal service: the date it was posted.")
    recipient: str | None = fld("受送达人", "Party id or the name of who received it.")
    receipt: bool | None = fld(
        "送达回证或回执", "Signed 送达回证, postal return receipt or e-receipt."
    )
    receipt_document: str | None = fld("回证文书", "Document id of the 送达回证.")
    consent_confirmation: bool | None = fld("电子送达确认书", "For electronic service.")
    witness: str | None = fld("见证人", "For 留置送达.")
    recorded: bool | None = fld("拍照录像记录", "留置送达 / 公告送达 recorded by photo or video.")
    announcement_date: dt.date | None = fld("公告日期", "For 公告送达.")
    announcement_reason: str | None = fld("公告送达理由")
    on_the_spot: bool | None = fld("宣告后当场交付")


@attrs.frozen(slots=True)
class Withdrawal:
    """Withdrawal of published information after the decision changed (撤回公示)."""

    trigger: str | None = fld("撤回原因", "e.g. 决定被撤销")
    trigger_date: dt.date | None = fld("决定变更、撤销或确认违法、无效日期")
    date: dt.date | None = fld("撤回日期")
    explanation_published: bool | None = fld("公开说明理由")


@attrs.frozen(slots=True)
class Publicity:
    """Publication of the decision information (行政执法公示)."""

    date: dt.date | None = fld("公示日期")
    channel: PublicityChannel | None = fld("公示渠道")
    url: str | None = fld("公示网址")
    content: str | None = fld("公示内容", "The text that was published, as published.")
    withdrawal: Withdrawal | None = fld("撤回情况")
    party_told: bool | None = fld("告知当事人将予公示")
    not_required_reason: str | None = fld("不予公示理由", "e.g. 仅给予警告 under the SAMR rule.")


@attrs.frozen(slots=True)
class MajorDecision:
    """Whether the decision is a major enforcement decision needing legal review (重大执法决定)."""

    major: bool = fld("属于重大执法决定", required=True)
    categories: tuple[MajorCategory, ...] = fld("情形", default=())
    catalogue_item: str | None = fld("法制审核目录清单事项", "The agency's catalogue entry.")
    reason: str | None = fld("理由")


@attrs.frozen(slots=True)
class LegalReview:
    """Review before the decision: 法制审核 (重大执法决定) or a sector's ordinary 案件审核."""

    type: ReviewType = fld(
        "审核类型",
        "法制审核, or the 案件审核 some sector rules require for other cases.",
        default="legal_review",
    )
    reviewer: str | None = fld("审核人员", "Officer id.")
    reviewers: tuple[str, ...] = fld("其他审核人员", "Further officer ids.", default=())
    unit: str | None = fld("审核机构")
    submitted_date: dt.date | None = fld("送审日期")
    date: dt.date | None = fld("审核日期")
    conclusion: ReviewConclusion | None = fld("审核结论")
    opinion: str | None = fld("审核意见")
    document: str | None = fld("审核意见书", "Document id.")
    decision_follows_opinion: bool | None = fld("决定采纳审核意见")
    response_to_opinion: str | None = fld("对审核意见的处理说明")


@attrs.frozen(slots=True)
class CollectiveDiscussion:
    """Collective discussion by the agency's heads (集体讨论)."""

    date: dt.date | None = fld("讨论日期")
    attendees: tuple[str, ...] = fld("参加人员", "Officer ids.", default=())
    presided_by: str | None = fld("主持人", "Officer id.")
    conclusion: str | None = fld("讨论结论")
    document: str | None = fld("讨论记录", "Document id.")


@attrs.frozen(slots=True)
class Hearing:
    """A hearing (听证), for penalty and licensing files alike."""

    required_by_law: bool | None = fld(
        "依法应当听证", "Licensing: a law requires a hearing (第四十六条)."
    )
    public_interest: bool | None = fld("涉及公共利益的重大事项")
    agency_deemed_needed: bool | None = fld(
        "行政机关认为需要听证", "Licensing 第四十六条: the agency judged a hearing to be needed."
    )
    right_notified_date: dt.date | None = fld("告知听证权利日期")
    requested: bool | None = fld("当事人申请听证")
    request_date: dt.date | None = fld("申请日期", "Posting date when sent by post.")
    waived: bool | None = fld("放弃听证")
    waiver_in_writing: bool | None = fld("书面放弃")
    announced_publicly: bool | None = fld("向社会公告")
    notice_date: dt.date | None = fld("听证通知送达日期")
    date: dt.date | None = fld("听证日期")
    presiding_officer: str | None = fld("听证主持人", "Officer id.")
    public: bool | None = fld("公开举行")
    held: bool | None = fld("已举行")
    withdrawn: bool | None = fld("当事人撤回听证申请")
    notice_document: str | None = fld("听证通知书", "Document id.")
    party_attended: bool | None = fld("当事人到场")
    record: str | None = fld("听证笔录", "Document id.")
    report: str | None = fld("听证报告", "Document id.")


@attrs.frozen(slots=True)
class Recusal:
    """A recusal (回避), applied for by the party or raised by the officer (第四十三条)."""

    officer: str = fld("回避对象", "Officer id.", required=True)
    applied_by: str | None = fld("申请人", "Party id, or the officer's own id for self-recusal.")
    reason: str | None = fld("回避事由")
    date: dt.date | None = fld("申请日期")
    decided_by: str | None = fld("决定人", "Officer id of the agency head who decided.")
    decision_date: dt.date | None = fld("决定日期")
    granted: bool | None = fld("准予回避")
    document: str | None = fld("回避决定文书", "Document id.")


@attrs.frozen(slots=True)
class PeriodExtension:
    """An approved extension of the period to decide (延长办案期限 / 延长许可期限)."""

    approval: Approval | None = fld("审批")
    days: int | None = fld("延长天数", minimum=1)
    by_collective_discussion: bool | None = fld("经集体讨论决定")
    reason: str | None = fld("延长理由")
    applicant_told_date: dt.date | None = fld(
        "告知申请人日期", "Licensing: reasons told to the applicant."
    )
    document: str | None = fld("审批文书", "Document id.")


@attrs.frozen(slots=True)
class ExcludedPeriod:
    """Time the law does not count in a period (hearing, testing, appraisal …)."""

    type: ExcludedType = fld("类型", required=True)
    start: dt.date = fld("开始日期", required=True)
    end: dt.date | None = fld("结束日期")
    notified_in_writing: bool | None = fld(
        "书面告知", "Licensing 第四十五条: the applicant told in writing."
    )
    document: str | None = fld("证明文书", "Document id.")


@attrs.frozen(slots=True)
class Closing:
    """Closing of the case (结案)."""

    event_date: dt.date | None = fld("结案事由发生日期", "e.g. the fine paid, enforcement ended.")
    date: dt.date | None = fld("结案日期")
    approval: Approval | None = fld("结案审批")


@attrs.frozen(slots=True)
class Archive:
    """Archiving (归档) and the physical file."""

    date: dt.date | None = fld("归档日期")
    one_case_one_file: bool | None = fld("一案一卷")
    cover: bool | None = fld("统一封面")
    index: bool | None = fld("卷内目录")
    remarks_sheet: bool | None = fld("备考表")
    pages_numbered: bool | None = fld("页码连续编写")
    in_order: bool | None = fld("文书排列顺序规范")
    binding_ok: bool | None = fld("装订规范")
    total_pages: int | None = fld("总页数", minimum=1)
    retention: str | None = fld("保管期限")
