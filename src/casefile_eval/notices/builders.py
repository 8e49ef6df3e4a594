"""Builders: a scored batch → the notices a review sends out (domain-standards §5).

- :func:`bulletin` — 评查通报 to all agencies (GB/T 9704 文件格式);
- :func:`letters` — one 执法监督建议书 per agency (信函格式);
- :func:`score_sheets` — one 评查评分表 per case (a form).

Every string taken from a case file goes through the masker here, once, so that renderers only
ever see text that may be published.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator

from ..model.vocab import KIND_ZH, PROCEDURE_ZH
from ..results import CaseResult
from ..scoring import ItemScore
from .data import NoticeOptions, ReviewData, RuleInfo
from .model import (
    Attachment,
    AttachmentList,
    Block,
    Chart,
    Fields,
    Heading,
    Imprint,
    Note,
    Notice,
    Paragraph,
    Row,
    Signature,
    Table,
)
from .text import cn_date, cn_number, doc_number, first_sentence, make_number, num, pct, period_of

#: Grade band of the agency chart's reference line (the usual passing score).
PASSING_SCORE = 60.0
TOP_PROBLEMS = 10
#: How many excellent files the bulletin's text names (all are in attachment 2).
EXCELLENT_LISTED = 10
SUPERVISION_REGULATION = "《行政执法监督条例》"
SUPERVISION_IN_FORCE = dt.date(2026, 2, 1)


def _issue_date(data: ReviewData, options: NoticeOptions) -> dt.date:
    return options.date or data.as_of


def _period(data: ReviewData, options: NoticeOptions) -> str:
    return options.period or period_of([r.act_date or "" for r in data.results])


def _year(data: ReviewData, options: NoticeOptions) -> int:
    return _issue_date(data, options).year


def case_label(result: CaseResult, data: ReviewData) -> str:
    """《案由》（案号） with personal names masked."""
    title = data.masker.text(result.title) or data.masker.text(result.case_id)
    number = data.masker.text(result.case_number)
    return f"{title}（{number}）" if number else title


def finding_text(result: CaseResult, item: ItemScore, data: ReviewData) -> tuple[str, str]:
    """What the machine (or the reviewer) found, and the values that decided it."""
    findings = [f for f in result.findings_for(item.rule_id) if f.outcome == item.outcome]
    messages: list[str] = []
    values: list[str] = []
    for f in findings:
        if f.message:
            messages.append(data.masker.text(f.message))
        if f.comment:
            messages.append("复评意见：" + data.masker.text(f.comment))
        for key, value in data.masker.values(f.values).items():
            values.append(f"{key}：{value}")
    if not messages and item.message:
        messages.append(data.masker.text(item.message))
    return "；".join(dict.fromkeys(messages)) or item.title, "；".join(dict.fromkeys(values))


def _basis(data: ReviewData, rule_id: str) -> str:
    return "、".join(data.rule(rule_id).legal_basis)


def _category_titles(data: ReviewData) -> dict[str, str]:
    titles = {c["key"]: c["title"] for c in data.summary.get("by_category", [])}
    for result in data.results:
        for cat in result.score.categories:
            titles.setdefault(cat.key, cat.title)
    return titles


# ----------------------------------------------------------------------------- bulletin


def bulletin(data: ReviewData, options: NoticeOptions) -> Notice:
    """评查通报: 基本情况, 评查结果, 存在的主要问题, 下一步工作要求, attachments."""
    s = data.summary
    org = options.org
    period = _period(data, options)
    issued = _issue_date(data, options)
    number = doc_number(options.notice_no) if options.notice_no else ""
    results = data.results
    by_id = data.by_id()
    standards = "、".join(f"《{v['title']}》" for v in s.get("standards", {}).values())
    dates = sorted(r.act_date for r in results if r.act_date)
    problems = sum(r["occurrences"] for r in s["by_rule"])
    blocks: list[Block] = [
        Paragraph(
            "为深入推进严格规范公正文明执法，全面提升行政执法案卷质量，根据法治政府建设有关要求"
            f"{'和' + standards if standards else ''}，{org}组织开展了{period}行政执法案卷评查"
            "工作。现将评查情况通报如下："
        ),
        Heading("一、基本情况", 1),
    ]
    kinds = []
    if s["penalty"]:
        kinds.append(f"行政处罚案卷{s['penalty']}件")
    if s["licensing"]:
        kinds.append(f"行政许可案卷{s['licensing']}件")
    scope = (
        f"本次评查的案卷为{cn_date(dates[0])}至{cn_date(dates[-1])}期间作出决定的行政执法案卷。"
        if dates
        else ""
    )
    blocks.append(
        Paragraph(
            f"{scope}评查共涉及{s['agencies']}个行政执法单位的{s['valid']}件案卷"
            f"{'，其中' + '、'.join(kinds) if kinds else ''}。评查采取机器初评与人工复评相结合的"
            "方式，按照评查标准从“案件是否成立”和“案卷质量”两个维度逐卷逐项评分，"
            f"共发现问题{problems}个，涉及评查项目{len(s['by_rule'])}项。"
            + (
                f"另有{s['invalid']}件案卷因材料不全或格式不符未能评分，已退回补正。"
                if s["invalid"]
                else ""
            )
            + (
                f"其中{s['pending_files']}件案卷尚有待人工复核事项，本通报所列得分为初评结果，"
                "复核后如有变化另行通知。"
                if s["pending_files"]
                else ""
            )
        )
    )
    # 二、评查结果
    blocks.append(Heading("二、评查结果", 1))
    blocks.append(Heading("（一）总体情况", 2))
    grades = s["grades"]
    dist = "，".join(
        f"{g}{n}件（{pct(n / s['valid']) if s['valid'] else '0%'}）" for g, n in grades.items()
    )
    blocks.append(
        Paragraph(
            f"评查案卷平均得分{num(s['average'])}分，合格率{pct(s['pass_rate'])}，"
            f"优秀率{pct(s['excellent_rate'])}。其中{dist}。"
            f"案件成立{s['standing']}件，不成立{s['valid'] - s['standing']}件；"
            f"触发一票否决的案卷{sum(a['vetoed_files'] for a in s['by_agency'])}件。"
        )
    )
    blocks.append(
        Chart(
            "grades",
            "评查等次分布",
            tuple(grades),
            tuple(float(n) for n in grades.values()),
            unit="件",
        )
    )
    blocks.append(Heading("（二）各单位评查情况", 2))
    rows = []
    for i, a in enumerate(s["by_agency"], 1):
        g = a["grades"]
        rows.append(
            Row(
                (
                    str(i),
                    a["agency"],
                    f"{a['files']}（{a['licensing']}/{a['penalty']}）",
                    num(a["average"]),
                    *(str(g.get(name, 0)) for name in data.grade_names),
                    pct(a["excellent_rate"]),
                    pct(a["pass_rate"]),
                    str(a["vetoed_files"]),
                    "；".join(data.rule(r).title for r in a["top_problems"]) or "无",
                )
            )
        )
    blocks.append(
        Table(
            "各单位评查情况",
            (
                "序号",
                "单位",
                "抽查案卷数（许可/处罚）",
                "平均分",
                *data.grade_names,
                "优秀率",
                "合格率",
                "否决项数",
                "主要问题",
            ),
            tuple(rows),
            widths=(3, 14, 8, 6, *(5,) * len(data.grade_names), 7, 7, 5, 20),
            numeric=(0, 3, *range(4, 4 + len(data.grade_names)), 6 + len(data.grade_names)),
        )
    )
    blocks.append(
        Chart(
            "agencies",
            "各单位平均得分",
            tuple(a["agency"] for a in s["by_agency"]),
            tuple(float(a["average"]) for a in s["by_agency"]),
            unit="分",
            horizontal=True,
            maximum=100.0,
            reference=PASSING_SCORE,
        )
    )
    blocks.append(Heading("（三）优秀案卷", 2))
    excellent = s["excellent_files"]
    if excellent:
        shown = excellent[:EXCELLENT_LISTED]
        blocks.append(
            Paragraph(
                f"经评查，共{len(excellent)}件案卷评为优秀案卷（名单见附件2），各单位可参照学习。"
                + ("得分居前的有：" if len(excellent) > len(shown) else "具体为：")
            )
        )
        for i, e in enumerate(shown, 1):
            result = by_id.get(e["case_id"])
            label = case_label(result, data) if result else data.masker.text(e["title"])
            blocks.append(Paragraph(f"{i}.{e['agency']}：{label}，得分{num(e['total'])}分。"))
    else:
        blocks.append(Paragraph("本次评查未评出优秀案卷。"))
    # 三、存在的主要问题
    blocks.append(Heading("三、存在的主要问题", 1))
    blocks.extend(_problems_by_category(data))
    # 四、下一步工作要求
    blocks.append(Heading("四、下一步工作要求", 1))
    deadline = (
        f"于{cn_date(options.deadline)}前" if options.deadline else "于收到本通报之日起30日内"
    )
    blocks.extend(
        [
            Paragraph(
                "（一）认真抓好整改落实。各单位要对照本通报指出的问题和执法监督建议书，逐卷逐项"
                "分析原因，能够补正的依法补正，需要纠正的依法纠正，"
                f"并{deadline}将整改情况书面报送{org}。"
            ),
            Paragraph(
                "（二）健全长效机制。各单位要举一反三，完善行政执法程序、文书制作和案卷归档"
                "制度，全面落实行政执法公示、执法全过程记录、重大执法决定法制审核制度。"
            ),
            Paragraph(
                "（三）加强学习培训。各单位要组织执法人员学习优秀案卷，开展案卷制作和法律适用"
                "培训，切实提高执法办案能力。"
            ),
            Paragraph(
                "（四）强化结果运用。本次评查结果将纳入年度法治政府建设考核；对评查中发现的"
                f"个案问题，{org}将另行发送执法监督建议书，督促有关单位整改。"
            ),
        ]
    )
    blocks.append(
        AttachmentList(("行政执法案卷评查结果汇总表", "优秀案卷名单", "评查发现问题清单"))
    )
    blocks.append(Signature(org, cn_date(issued)))
    blocks.append(Note("（此件公开发布）"))
    blocks.extend(_bulletin_attachments(data))
    blocks.append(Imprint(f"{org}办公室", cn_date(issued)))
    return Notice(
        kind="bulletin",
        layout="file",
        title=f"{org}关于{period}行政执法案卷评查情况的通报",
        stem="评查通报",
        blocks=tuple(blocks),
        mark=f"{org}文件",
        number=number,
        addressee=options.addressee or "各行政执法单位：",
        issuer=org,
        date=cn_date(issued),
    )


def _problems_by_category(data: ReviewData) -> Iterator[Block]:
    s = data.summary
    rules = s["by_rule"]
    if not rules:
        yield Paragraph("本次评查未发现扣分问题。")
        return
    titles = _category_titles(data)
    grouped: dict[str, list[dict]] = defaultdict(list)
    for rule in rules:
        grouped[rule["category"]].append(rule)
    order = sorted(grouped, key=lambda k: (-sum(r["files"] for r in grouped[k]), k))
    top = rules[:TOP_PROBLEMS]
    yield Paragraph(
        "从评查情况看，问题主要集中在"
        + "、".join(
            f"{titles.get(k, k)}（{sum(r['occurrences'] for r in grouped[k])}个）"
            for k in order[:4]
        )
        + "等方面。不符合要求较多的评查项目依次为："
        + "；".join(f"“{r['title']}”（{r['files']}件）" for r in top[:5])
        + "。"
    )
    yield Chart(
        "problems",
        "主要问题（涉及案卷数）",
        tuple(r["title"] for r in top),
        tuple(float(r["files"]) for r in top),
        unit="件",
        horizontal=True,
    )
    by_id = data.by_id()
    for n, key in enumerate(order, 1):
        yield Heading(f"（{cn_number(n)}）{titles.get(key, key)}方面", 2)
        for i, rule in enumerate(grouped[key], 1):
            info = data.rule(rule["rule_id"], rule["title"])
            text = (
                f"{i}.评查项目“{rule['title']}”。共{rule['files']}件案卷不符合要求"
                f"（{rule['occurrences']}处），"
                f"涉及{rule['agencies']}个单位"
                + (f"，其中{rule['vetoes']}件触发一票否决" if rule["vetoes"] else "")
                + "。"
            )
            if info.legal_basis:
                text += f"依据：{'、'.join(info.legal_basis)}。"
            examples = []
            for case_id in rule["examples"][:2]:
                result = by_id.get(case_id)
                if result is None:
                    continue
                item = next(
                    (it for it in result.score.items if it.rule_id == rule["rule_id"]), None
                )
                found = finding_text(result, item, data)[0] if item else ""
                examples.append(f"{result.agency}办理的{case_label(result, data)}，{found}")
            if examples:
                text += "典型案例：" + "；".join(examples) + "。"
            yield Paragraph(text.replace("。。", "。"))


def _bulletin_attachments(data: ReviewData) -> Iterator[Block]:
    s = data.summary
    yield Attachment(1, "行政执法案卷评查结果汇总表")
    rows = []
    for i, r in enumerate(sorted(data.results, key=lambda r: (r.agency, r.case_id)), 1):
        rows.append(
            Row(
                (
                    str(i),
                    r.agency,
                    data.masker.text(r.title) or data.masker.text(r.case_id),
                    data.masker.text(r.case_number),
                    KIND_ZH.get(r.kind, r.kind),
                    num(r.score.total),
                    r.score.grade,
                    "成立" if r.score.stands else "不成立",
                    "；".join(v.label for v in r.score.vetoes) or "—",
                )
            )
        )
    yield Table(
        "评查结果汇总表",
        ("序号", "单位", "案卷名称", "案号", "类别", "得分", "等次", "是否成立", "否决项"),
        tuple(rows),
        widths=(3, 12, 20, 12, 6, 5, 5, 5, 10),
        numeric=(0, 5),
    )
    yield Attachment(2, "优秀案卷名单")
    by_id = data.by_id()
    excellent = [
        Row(
            (
                str(i),
                e["agency"],
                case_label(by_id[e["case_id"]], data)
                if e["case_id"] in by_id
                else data.masker.text(e["title"]),
                num(e["total"]),
            )
        )
        for i, e in enumerate(s["excellent_files"], 1)
    ]
    yield Table(
        "优秀案卷名单",
        ("序号", "单位", "案卷名称（案号）", "得分"),
        tuple(excellent),
        widths=(3, 14, 30, 5),
        numeric=(0, 3),
    )
    yield Attachment(3, "评查发现问题清单")
    titles = _category_titles(data)
    problems = [
        Row(
            (
                str(i),
                titles.get(r["category"], r["category"]),
                r["title"],
                str(r["files"]),
                str(r["occurrences"]),
                str(r["agencies"]),
                _basis(data, r["rule_id"]) or "—",
            )
        )
        for i, r in enumerate(s["by_rule"], 1)
    ]
    yield Table(
        "评查发现问题清单",
        ("序号", "问题类别", "问题", "案卷数", "出现次数", "涉及单位数", "依据"),
        tuple(problems),
        widths=(3, 7, 16, 4, 4, 5, 20),
        numeric=(0, 3, 4, 5),
    )


# ----------------------------------------------------------------------------- letters


def supervision_basis(issued: dt.date, options: NoticeOptions) -> str:
    """The basis of the supervisor's power (§5.2): the national regulation from 2026-02-01."""
    if options.supervision_basis:
        return options.supervision_basis
    if issued >= SUPERVISION_IN_FORCE:
        return f"{SUPERVISION_REGULATION}有关规定"
    return "本省行政执法监督有关规定"


def letters(data: ReviewData, options: NoticeOptions) -> list[Notice]:
    """One 执法监督建议书 per agency present, numbered in agency order."""
    by_agency: dict[str, list[CaseResult]] = defaultdict(list)
    for result in data.results:
        by_agency[result.agency].append(result)
    issued = _issue_date(data, options)
    prefix = options.letter_prefix or _letter_prefix(options.org)
    out = []
    for serial, agency in enumerate(sorted(by_agency), 1):
        out.append(
            letter(
                agency,
                by_agency[agency],
                data,
                options,
                number=make_number(prefix, issued.year, serial),
            )
        )
    return out


def _letter_prefix(org: str) -> str:
    # 机关代字 are chosen by each office (杭司, 西司 …); the place's first character + 司执监建 is
    # a readable default, and --letter-prefix gives the real one.
    if not org or "×" in org:
        return "××司执监建"
    return org[0] + "司执监建"


def letter(
    agency: str, results: list[CaseResult], data: ReviewData, options: NoticeOptions, number: str
) -> Notice:
    """执法监督建议书 to one agency (domain-standards §5.2)."""
    org = options.org
    issued = _issue_date(data, options)
    period = _period(data, options)
    results = sorted(results, key=lambda r: r.case_id)
    penalty = sum(r.kind == "penalty" for r in results)
    licensing = sum(r.kind == "licensing" for r in results)
    kinds = "、".join(
        x
        for x in (
            f"行政处罚{penalty}件" if penalty else "",
            f"行政许可{licensing}件" if licensing else "",
        )
        if x
    )
    problems: dict[str, list[tuple[CaseResult, ItemScore]]] = defaultdict(list)
    pending = 0
    for r in results:
        for item in r.score.items:
            if item.outcome == "fail":
                problems[item.rule_id].append((r, item))
            elif item.outcome == "needs_review":
                pending += 1
    basis = supervision_basis(issued, options)
    blocks: list[Block] = [
        Paragraph(
            f"在{period}行政执法案卷评查中，{org}对你单位{len(results)}件行政执法案卷"
            f"（{kinds}）进行了评查。"
            + (
                f"经评查，发现你单位案卷存在{len(problems)}类问题。根据{basis}，现提出如下"
                "执法监督建议："
                if problems
                else "经评查，未发现扣分问题。希望你单位继续保持，进一步规范执法行为。"
            )
        ),
        Heading("一、评查结果", 1),
    ]
    rows = [
        Row(
            (
                str(i),
                data.masker.text(r.title) or data.masker.text(r.case_id),
                data.masker.text(r.case_number),
                num(r.score.total),
                r.score.grade,
                "成立" if r.score.stands else "不成立",
                "；".join(v.label for v in r.score.vetoes) or "—",
            )
        )
        for i, r in enumerate(results, 1)
    ]
    blocks.append(
        Table(
            "评查结果",
            ("序号", "案卷名称", "案号", "得分", "等次", "是否成立", "否决项"),
            tuple(rows),
            widths=(3, 22, 14, 5, 5, 6, 10),
            numeric=(0, 3),
        )
    )
    if problems:
        blocks.append(Heading("二、存在的问题及整改建议", 1))
        order = sorted(
            problems,
            key=lambda rid: (-len(problems[rid]), -sum(i.deduction for _, i in problems[rid]), rid),
        )
        for n, rule_id in enumerate(order, 1):
            hits = problems[rule_id]
            info = data.rule(rule_id, hits[0][1].title)
            blocks.append(
                Heading(f"（{cn_number(n)}）评查项目“{info.title}”不符合要求（{len(hits)}件）", 2)
            )
            rows = []
            for i, (r, item) in enumerate(hits, 1):
                found, values = finding_text(r, item, data)
                rows.append(
                    Row(
                        (
                            str(i),
                            case_label(r, data),
                            found,
                            values or "—",
                            num(item.deduction),
                        )
                    )
                )
            blocks.append(
                Table(
                    f"问题{n}",
                    ("序号", "案卷名称（案号）", "发现的问题", "判定依据（案卷数值）", "扣分"),
                    tuple(rows),
                    widths=(3, 16, 20, 16, 4),
                    numeric=(0, 4),
                )
            )
            if info.legal_basis:
                blocks.append(Paragraph(f"违反规定：{'、'.join(info.legal_basis)}。"))
            if info.recommendation:
                blocks.append(Paragraph(f"整改建议：{info.recommendation}"))
        if pending:
            blocks.append(Paragraph(f"另有{pending}项评查事项待人工复核，复核结论另行告知。"))
        blocks.append(Heading("三、整改要求", 1))
        blocks.append(
            Paragraph(
                "请你单位高度重视，对上述问题逐项整改：对能够补正、更正的，依法予以补正或更正；"
                "对案件不成立或者处理明显不当的，依法自行纠正；举一反三，完善相关制度，加强执法"
                "人员培训；对因故意或者重大过失造成严重后果的，依法依规追究相关人员责任。"
            )
        )
        blocks.append(
            Paragraph(
                f"请于收到本建议书之日起{options.feedback_days}日内将整改情况书面报送{org}。"
                f"如对本建议书有异议，可于收到之日起10日内向{org}提出复查申请。"
            )
        )
    blocks.append(Signature(org, cn_date(issued)))
    blocks.append(Note("（此件不公开）"))
    return Notice(
        kind="letter",
        layout="letter",
        title="行政执法监督建议书",
        stem=agency,
        folder="执法监督建议书",
        blocks=tuple(blocks),
        mark=org,
        number=number,
        addressee=f"{agency}：",
        issuer=org,
        date=cn_date(issued),
    )


# ----------------------------------------------------------------------------- score sheets

SOURCE_ZH = {"machine": "机器初评", "manual": "人工复评"}


def score_sheets(data: ReviewData, options: NoticeOptions) -> Iterator[Notice]:
    """One 评查评分表 per case, in input order."""
    for result in data.results:
        yield score_sheet(result, data, options)


def _item_reason(result: CaseResult, item: ItemScore, data: ReviewData) -> str:
    found, values = finding_text(result, item, data)
    text = found + (f"（{values}）" if values else "")
    if item.outcome == "fail":
        return text
    if item.outcome == "needs_review":
        return "待人工复核：" + text
    if item.outcome == "error":
        return "检查出错，待人工复核：" + text
    if item.outcome == "not_applicable":
        return "不适用" + (f"：{found}" if found and found != item.title else "")
    return ""


def _chinese(text: str) -> str:
    # Rule descriptions are often English docstrings; a Chinese notice shows only Chinese text.
    return text if any("\u4e00" <= ch <= "\u9fff" for ch in text[:40]) else ""


def _item_content(data: ReviewData, kind: str, item: ItemScore, info: RuleInfo) -> str:
    text = first_sentence(_chinese(info.recommendation) or _chinese(info.description), 24)
    each = data.deductions.get(kind, {}).get(item.rule_id)
    if each is not None:
        rule = f"每处扣{num(each)}分"
        text = f"{text}（{rule}）" if text else rule
    return text or "—"


def score_sheet(result: CaseResult, data: ReviewData, options: NoticeOptions) -> Notice:
    """评查评分表 (domain-standards §5.3): header, veto block first, items by category."""
    m = data.masker
    score = result.score
    dates = data.dates.get(result.case_id)
    parties = "、".join(m.name(p.name, p.type) for p in result.parties) or "—"
    standard = result.produced_by.standard_title
    blocks: list[Block] = [
        Fields(
            (
                ("被评查单位", result.agency),
                ("案卷编号", m.text(result.case_id)),
                ("案件名称（案由）", m.text(result.title) or "—"),
                ("案号", m.text(result.case_number) or "—"),
                ("当事人", parties),
                (
                    "类别/程序",
                    f"{KIND_ZH.get(result.kind, result.kind)}／"
                    f"{PROCEDURE_ZH.get(result.procedure, result.procedure)}",
                ),
                ("立案（受理）日期", cn_date(dates.filed) if dates and dates.filed else "—"),
                ("决定日期", cn_date((dates.decided if dates else None) or result.act_date) or "—"),
                ("结案日期", cn_date(dates.closed) if dates and dates.closed else "—"),
                ("评查标准", standard),
                ("评查人", ""),
                ("评查时间", cn_date(result.produced_by.as_of)),
            )
        ),
        Heading("一、否决项目", 1),
    ]
    veto_items = data.vetoes.get(result.kind, {})
    rows = []
    seen = set()
    for item in score.items:
        if item.outcome == "not_applicable":
            continue
        if item.rule_id in veto_items or item.veto:
            seen.add(item.rule_id)
            state = {
                "fail": "是（否决）",
                "pass": "否",
                "needs_review": "待人工复核",
                "error": "检查出错",
                "not_applicable": "不适用",
            }.get(item.outcome, item.outcome)
            label = veto_items.get(item.rule_id) or item.title
            reason = _item_reason(result, item, data) if item.outcome != "pass" else ""
            rows.append(Row((label, state, reason or "—", SOURCE_ZH.get(item.source, item.source))))
    if rows:
        blocks.append(
            Table(
                "否决项目",
                ("否决事项", "是否存在", "说明", "评定方式"),
                tuple(rows),
                widths=(14, 6, 24, 6),
            )
        )
    else:
        blocks.append(Paragraph("本案卷无适用的一票否决项目。", indent=False))
    if score.vetoes:
        blocks.append(
            Paragraph(
                f"本案卷触发一票否决（{'；'.join(v.label for v in score.vetoes)}），"
                f"评定为{score.grade}。",
                indent=False,
                bold=True,
            )
        )
    blocks.append(Heading("二、评分明细", 1))
    rows = []
    by_category: dict[str, list[ItemScore]] = defaultdict(list)
    for item in score.items:
        by_category[item.category].append(item)
    # The category row carries the points (分值 / 扣分 / 得分); item rows carry each item's
    # deduction and reason. Standards give points per category, not per item.
    for n, cat in enumerate(score.categories, 1):
        items = [i for i in by_category.get(cat.key, []) if i.outcome != "not_applicable"]
        rows.append(
            Row(
                (
                    f"{cn_number(n)}、{cat.title}",
                    f"本项{len(items)}个评查要点",
                    num(cat.points),
                    num(cat.deduction),
                    num(cat.score),
                    "",
                    "",
                ),
                "total",
            )
        )
        for item in items:
            info = data.rule(item.rule_id, item.title)
            counted = item.outcome in ("fail", "pass")
            rows.append(
                Row(
                    (
                        item.title,
                        _item_content(data, result.kind, item, info),
                        "",
                        num(item.deduction) if counted else "—",
                        "",
                        _item_reason(result, item, data) or "—",
                        SOURCE_ZH.get(item.source, item.source),
                    )
                )
            )
    total_points = sum(c.points for c in score.categories)
    rows.append(
        Row(
            (
                "总分",
                "",
                num(total_points),
                num(total_points - score.points_before_veto),
                num(score.total),
                "一票否决，按评查标准计分" if score.vetoes else "",
                "",
            ),
            "total",
        )
    )
    blocks.append(
        Table(
            "评分明细",
            ("评查项目", "评查内容", "分值", "扣分", "得分", "扣分理由", "评定方式"),
            tuple(rows),
            widths=(11, 16, 3.5, 3.5, 3.5, 17, 6),
            numeric=(2, 3, 4),
        )
    )
    skipped = sum(it.outcome == "not_applicable" for it in score.items)
    if skipped:
        blocks.append(
            Paragraph(f"另有{skipped}项评查项目经检查不适用于本案卷，未列入上表。", indent=False)
        )
    pending = [it for it in score.items if it.outcome in ("needs_review", "error")]
    if pending:
        blocks.append(Heading("三、待人工复核事项", 1))
        for i, it in enumerate(pending, 1):
            blocks.append(
                Paragraph(f"{i}.{it.title}：{_item_reason(result, it, data)}", indent=False)
            )
    failed = result.failed_items
    comment = f"本案卷得分{num(score.total)}分，评定为{score.grade}；" + (
        "案件成立。" if score.stands else "案件不成立。"
    )
    if failed:
        comment += "主要问题：" + "；".join(i.title for i in failed[:3]) + "。"
    if pending:
        comment += f"尚有{len(pending)}项待人工复核，得分为初评结果。"
    blocks.append(
        Fields(
            (
                ("总分", num(score.total)),
                ("等次", score.grade),
                ("案件是否成立", "成立" if score.stands else "不成立"),
                (
                    "扣分来源",
                    f"机器初评扣{num(score.machine_deduction)}分，"
                    f"人工复评扣{num(score.manual_deduction)}分",
                ),
                ("评语", comment),
                ("评查人（签名）", ""),
                ("复核人（签名）", ""),
                ("日期", ""),
            )
        )
    )
    return Notice(
        kind="sheet",
        layout="form",
        title="行政执法案卷评查评分表",
        stem=result.case_id,
        folder="评查评分表",
        blocks=tuple(blocks),
        issuer=options.org,
        date=cn_date(result.produced_by.as_of),
        subtitle=standard,
    )
