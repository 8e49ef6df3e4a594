"""Parts specific to administrative licensing files (行政许可案卷)."""

from __future__ import annotations

import datetime as dt

import attrs

from ._fields import fld
from .vocab import AcceptanceOutcome, ApplicationType


@attrs.frozen(slots=True)
class Application:
    """The application (申请)."""

    date: dt.date | None = fld("收到申请材料日期")
    type: ApplicationType = fld("申请类型", default="new")
    previous_licence_expiry: dt.date | None = fld(
        "原许可有效期届满日", "Renewals (延续, 行政许可法第五十条)."
    )
    item: str | None = fld("许可事项")
    item_basis: tuple[str, ...] = fld("许可事项设定依据", "Citations.", default=())
    item_listed: bool | None = fld("列入公布的许可事项清单")
    applicant: str | None = fld("申请人", "Party id.")
    document: str | None = fld("申请书", "Document id.")
    materials_complete: bool | None = fld("材料齐全、符合法定形式")
    material_receipt: str | None = fld("材料接收凭证", "Document id.")
    promised_days: int | None = fld(
        "承诺办理时限", "Working days promised by the agency.", minimum=1
    )


@attrs.frozen(slots=True)
class LowerReview:
    """Preliminary review by a lower-level agency before the upper one decides (第四十三条)."""

    reviewing_agency: str | None = fld("初审机关")
    accepted_date: dt.date | None = fld("初审机关受理日期")
    completed_date: dt.date | None = fld("初步审查意见日期")
    reported_date: dt.date | None = fld("报送上级行政机关日期")
    received_date: dt.date | None = fld("上级行政机关收到日期")
    document: str | None = fld("初步审查意见", "Document id.")


@attrs.frozen(slots=True)
class CorrectionNotice:
    """A notice to supplement or correct materials (补正告知)."""

    date: dt.date | None = fld("告知日期")
    items: tuple[str, ...] = fld("需补正内容", default=())
    document: str | None = fld("补正告知书", "Document id.")
    completed_date: dt.date | None = fld("补正齐全日期")
    on_the_spot: bool | None = fld("当场告知")


@attrs.frozen(slots=True)
class Acceptance:
    """Acceptance or refusal to accept (受理 / 不予受理)."""

    outcome: AcceptanceOutcome | None = fld("受理结果")
    date: dt.date | None = fld("受理日期")
    document: str | None = fld("受理通知书或不予受理决定书", "Document id.")
    reasons: str | None = fld("不予受理理由")


@attrs.frozen(slots=True)
class Verification:
    """On-site verification of the substance of the materials (实质审查核查)."""

    date: dt.date | None = fld("核查日期")
    staff: tuple[str, ...] = fld("核查人员", "Officer ids.", default=())
    document: str | None = fld("核查笔录", "Document id.")
    technical_inspection: bool | None = fld("检验检测检疫", "行政许可法第五十五条 inspection.")


@attrs.frozen(slots=True)
class InterestedParties:
    """Interested parties in a licence that affects others' major interests (第三十六条)."""

    exist: bool | None = fld("存在重大利益关系人")
    informed_date: dt.date | None = fld("告知利害关系人日期")
    heard: bool | None = fld("听取陈述申辩")
    document: str | None = fld("告知书", "Document id.")


@attrs.frozen(slots=True)
class Issuance:
    """Issue and service of the licence (颁发、送达许可证件)."""

    date: dt.date | None = fld("颁发日期")
    served_date: dt.date | None = fld("送达日期")
    certificate_no: str | None = fld("证件编号")
    valid_from: dt.date | None = fld("有效期起")
    valid_until: dt.date | None = fld("有效期至")
    sealed: bool | None = fld("加盖印章")
    document: str | None = fld("许可证件", "Document id.")


@attrs.frozen(slots=True)
class Fee:
    """Fees charged for the licence (收费)."""

    charged: bool = fld("收取费用", default=False)
    amount: float | None = fld("金额", minimum=0)
    basis: str | None = fld(
        "收费依据", "A law or administrative regulation (行政许可法第五十八条)."
    )
    receipt: bool | None = fld("合法票据")
