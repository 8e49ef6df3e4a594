"""Parts specific to administrative penalty files (行政处罚案卷)."""

from __future__ import annotations

import datetime as dt

import attrs

from ._fields import fld
from .parts import Approval
from .vocab import (
    Circumstance,
    ClueSource,
    DiscretionLevel,
    MeasureHandling,
    MeasureType,
    PenaltyType,
    ReplyType,
    Right,
)


@attrs.frozen(slots=True)
class Clue:
    """How the case came to the agency (案件来源) and when the violation was discovered."""

    source: ClueSource | None = fld("案件来源")
    found_date: dt.date | None = fld(
        "发现或收到线索日期", "Date the violation was discovered; ends the limitation period."
    )
    verification_extension: Approval | None = fld("延长核查期限审批")
    excluded_days: int | None = fld("不计入核查期限的天数", minimum=0)


@attrs.frozen(slots=True)
class Filing:
    """Case filing (立案)."""

    date: dt.date | None = fld("立案日期")
    approval: Approval | None = fld("立案审批")
    document: str | None = fld("立案审批表", "Document id.")
    assigned_officers: tuple[str, ...] = fld("指定办案人员", "Officer ids.", default=())


@attrs.frozen(slots=True)
class Violation:
    """The violation as found (违法行为)."""

    description: str | None = fld("违法行为")
    place: str | None = fld("违法地点")
    start_date: dt.date | None = fld("违法行为发生日期")
    end_date: dt.date | None = fld("违法行为终了日期", "For continuing or continuous violations.")
    continuing: bool | None = fld("连续或继续状态")
    involves_life_health: bool | None = fld("涉及公民生命健康安全")
    involves_financial_safety: bool | None = fld("涉及金融安全")
    harmful_consequences: bool | None = fld("有危害后果")
    illegal_gains: float | None = fld("违法所得金额", "Yuan.", minimum=0)
    goods_value: float | None = fld("货值金额", "Yuan.", minimum=0)
    prior_violations: int | None = fld("此前同类违法次数", minimum=0)
    corrected: bool | None = fld("已改正")
    corrected_date: dt.date | None = fld("改正日期")


@attrs.frozen(slots=True)
class PenaltyItem:
    """One penalty imposed or proposed (处罚种类及数额)."""

    type: PenaltyType = fld("处罚种类", required=True)
    amount: float | None = fld("金额", "Yuan, for fines and confiscations.", minimum=0)
    description: str | None = fld("说明", "e.g. what is confiscated, how long production stops.")


@attrs.frozen(slots=True)
class CompulsoryMeasure:
    """先行登记保存 or 查封、扣押."""

    id: str = fld("编号", required=True, pattern=r"^[A-Za-z0-9_.\-]{1,64}$")
    type: MeasureType = fld("措施种类", required=True)
    date: dt.date | None = fld("实施日期")
    time: dt.datetime | None = fld("实施时间")
    approval: Approval | None = fld("负责人批准")
    emergency: bool | None = fld("情况紧急当场实施")
    officers: tuple[str, ...] = fld("实施人员", "Officer ids.", default=())
    decision_document: str | None = fld("决定书或通知书", "Document id.")
    inventory_document: str | None = fld("清单", "Document id.")
    on_site_record: str | None = fld("现场笔录", "Document id.")
    handed_over_on_site: bool | None = fld("当场交付决定书和清单")
    period_days: int | None = fld("期限天数", "As stated in the decision.", minimum=1)
    extension: Approval | None = fld("延长期限审批")
    extension_days: int | None = fld("延长天数", minimum=1)
    extension_notified_in_writing: bool | None = fld("书面告知延长期限及理由")
    testing_start: dt.date | None = fld("检测鉴定期间起")
    testing_end: dt.date | None = fld("检测鉴定期间止")
    testing_notified_in_writing: bool | None = fld("书面告知检测鉴定期间")
    handling: MeasureHandling | None = fld("处理方式")
    handling_date: dt.date | None = fld("处理或解除日期")
    handling_document: str | None = fld("处理决定", "Document id.")


@attrs.frozen(slots=True)
class PriorNotice:
    """Notice before the decision (行政处罚事先告知)."""

    document: str | None = fld("告知书", "Document id.")
    date: dt.date | None = fld("告知书日期")
    served_date: dt.date | None = fld("告知书送达日期")
    proposed: tuple[PenaltyItem, ...] = fld("拟作出的行政处罚", default=())
    states_facts: bool | None = fld("告知违法事实")
    states_reasons: bool | None = fld("告知理由")
    states_basis: bool | None = fld("告知依据")
    rights: tuple[Right, ...] = fld("告知的权利", default=())
    violated_provisions: tuple[str, ...] = fld(
        "告知的违法依据", "As cited in the notice, in the decision's format.", default=()
    )
    penalty_provisions: tuple[str, ...] = fld("告知的处罚依据", default=())
    reply_days: int | None = fld("告知书载明的陈述申辩期限", minimum=1)


@attrs.frozen(slots=True)
class PartyReply:
    """What the party did after the notice (陈述、申辩、放弃)."""

    type: ReplyType = fld("答复类型", default="none")
    date: dt.date | None = fld("答复日期")
    in_writing: bool | None = fld("书面形式")
    reexamined: bool | None = fld("已复核", "The agency re-examined the points raised (复核).")
    reexamination_document: str | None = fld("复核意见", "Document id.")
    adopted: bool | None = fld("意见被采纳")


@attrs.frozen(slots=True)
class Discretion:
    """Discretion (裁量) as applied in the decision."""

    level: DiscretionLevel | None = fld("裁量阶次")
    circumstances: tuple[Circumstance, ...] = fld("裁量情节", default=())
    reasons: str | None = fld("裁量理由", "The reasons stated in the decision.")
    benchmark: str | None = fld("裁量基准", "The benchmark cited, e.g. its title and item.")
    ground: str | None = fld(
        "从轻、减轻、不予处罚依据", "Citation of the ground for a lighter, reduced or no penalty."
    )


@attrs.frozen(slots=True)
class Payment:
    """A payment of a fine or confiscation (缴纳)."""

    date: dt.date | None = fld("缴纳日期")
    amount: float | None = fld("金额", minimum=0)
    receipt: bool | None = fld("票据", "Official receipt in the file.")
    on_the_spot: bool | None = fld("当场收缴")
    handed_to_agency_date: dt.date | None = fld(
        "交至行政机关日期", "On-the-spot collection (第七十一条)."
    )


@attrs.frozen(slots=True)
class Execution:
    """Performance and enforcement of the decision (执行)."""

    payments: tuple[Payment, ...] = fld("缴纳记录", default=())
    deferral: Approval | None = fld("延期或分期缴纳批准")
    surcharge: float | None = fld("加处罚款", minimum=0)
    demand_notice_date: dt.date | None = fld("催告书送达日期")
    court_application_date: dt.date | None = fld("申请法院强制执行日期")
    completed_date: dt.date | None = fld("执行完毕日期")
    correction_verified: bool | None = fld("责令改正复查")


@attrs.frozen(slots=True)
class OnTheSpot:
    """Simple-procedure specifics (简易程序当场处罚)."""

    form_number: str | None = fld("预定格式、编有号码的决定书编号")
    time: dt.datetime | None = fld("处罚时间")
    place: str | None = fld("处罚地点")
    handed_over: bool | None = fld("当场交付")
    refusal_noted: bool | None = fld("拒签注明")
    filed_date: dt.date | None = fld("报所属行政机关备案日期")
    facts_certain: bool | None = fld("违法事实确凿")
