"""The agency's 自查报告 (before a review) and the supervisor's 回头看 report (after one)."""

from __future__ import annotations

from collections import Counter, defaultdict

import attrs

from ..compare import FIXED, IN_PROGRESS, NEW, OPEN, Comparison
from ..masking import Masker
from ..results import CaseResult
from ..scoring import ItemScore
from .builders import _issue_date, case_label, finding_text
from .data import NoticeOptions, ReviewData
from .model import Block, Chart, Heading, Notice, Paragraph, Row, Signature, Table
from .text import cn_date, cn_number, doc_number, num, pct

# ----------------------------------------------------------------------------- self-check


@attrs.frozen(slots=True)
class FixItem:
    """One thing to fix in one file, with the points it puts at stake."""

    item: ItemScore
    at_stake: float
    pending: bool


def fix_list(result: CaseResult) -> list[FixItem]:
    """What to fix, most points at stake first: failed items at their deduction, items waiting
    for a reviewer at the most they could cost."""
    out = []
    score = result.score
    # A veto costs the file everything it lost to the veto rule on top of the deduction.
    veto_loss = score.points_before_veto - score.total
    for item in score.items:
        if item.outcome == "fail":
            out.append(FixItem(item, item.deduction + (veto_loss if item.veto else 0.0), False))
        elif item.outcome in ("needs_review", "error"):
            out.append(FixItem(item, item.max_deduction, True))
    return sorted(out, key=lambda f: (-f.at_stake, f.pending, f.item.rule_id))


def selfcheck_report(data: ReviewData, options: NoticeOptions) -> Notice:
    """自查报告: per file what to fix, ordered by points at stake, basis and how to fix it."""
    results = data.results
    agencies = sorted({r.agency for r in results})
    who = agencies[0] if len(agencies) == 1 else "各行政执法单位"
    issued = _issue_date(data, options)
    s = data.summary
    to_fix = sum(len(fix_list(r)) for r in results)
    blocks: list[Block] = [
        Heading("一、自查概况", 1),
        Paragraph(
            f"对照评查标准，对{len(results)}件行政执法案卷进行了自查。按现状评定："
            + "，".join(f"{g}{n}件" for g, n in s["grades"].items())
            + f"；平均得分{num(s['average'])}分，合格率{pct(s['pass_rate'])}。"
            f"共有{to_fix}项需要整改或复核。"
        ),
        Chart(
            "grades",
            "自查等次分布",
            tuple(s["grades"]),
            tuple(float(v) for v in s["grades"].values()),
            unit="件",
        ),
        Heading("二、逐卷整改清单", 1),
    ]
    ordered = sorted(results, key=lambda r: (r.agency, r.score.total, r.case_id))
    n = 0
    for result in ordered:
        fixes = fix_list(result)
        n += 1
        score = result.score
        best = min(
            sum(c.points for c in score.categories),
            score.points_before_veto + sum(f.item.deduction for f in fixes if not f.pending),
        )
        prefix = f"{result.agency}：" if len(agencies) > 1 else ""
        blocks.append(Heading(f"（{cn_number(n)}）{prefix}{case_label(result, data)}", 2))
        blocks.append(
            Paragraph(
                f"现得分{num(score.total)}分，等次{score.grade}，案件"
                f"{'成立' if score.stands else '不成立'}"
                + (
                    f"（一票否决：{'；'.join(v.label for v in score.vetoes)}）"
                    if score.vetoes
                    else ""
                )
                + "。"
                + (f"按下表整改后最高可得{num(best)}分。" if fixes else "未发现需要整改的问题。")
            )
        )
        if not fixes:
            continue
        rows = []
        for i, fix in enumerate(fixes, 1):
            info = data.rule(fix.item.rule_id, fix.item.title)
            found, values = finding_text(result, fix.item, data)
            rows.append(
                Row(
                    (
                        str(i),
                        fix.item.title + ("（待复核）" if fix.pending else ""),
                        found + (f"（{values}）" if values else ""),
                        num(fix.at_stake),
                        "、".join(info.legal_basis) or "—",
                        info.recommendation or "—",
                    )
                )
            )
        blocks.append(
            Table(
                f"整改清单{n}",
                ("序号", "问题", "发现的情况", "涉及分值", "依据", "整改方法"),
                tuple(rows),
                widths=(3, 10, 16, 4, 12, 18),
                numeric=(0, 3),
            )
        )
    common = Counter(
        (i.rule_id, i.title) for r in results for i in r.score.items if i.outcome == "fail"
    )
    if common:
        blocks.append(Heading("三、共性问题", 1))
        for i, ((rule_id, title), count) in enumerate(common.most_common(10), 1):
            info = data.rule(rule_id, title)
            blocks.append(
                Paragraph(
                    f"{i}.{title}（{count}件）。"
                    + (f"整改方法：{info.recommendation}" if info.recommendation else "")
                )
            )
    blocks.append(Signature(who if len(agencies) == 1 else options.org, cn_date(issued)))
    return Notice(
        kind="selfcheck",
        layout="form",
        title=f"{who}行政执法案卷自查报告",
        stem="自查报告",
        blocks=tuple(blocks),
        issuer=who,
        date=cn_date(issued),
        subtitle=f"评查基准日 {cn_date(data.as_of)}",
    )


# ----------------------------------------------------------------------------- 回头看


def lookback_report(comparison: Comparison, masker: Masker, options: NoticeOptions) -> Notice:
    """回头看 report: grade and score changes and problem status, per agency and per case."""
    org = options.org
    matched = comparison.matched
    issued = options.date
    date_text = cn_date(issued) if issued else cn_date(comparison.new_as_of)
    blocks: list[Block] = [
        Paragraph(
            f"为检验行政执法案卷评查问题整改成效，{org}对前期评查发现问题的整改情况开展了"
            "“回头看”，对同一批案卷重新评查。现将有关情况通报如下："
        ),
        Heading("一、基本情况", 1),
        Paragraph(
            f"前次评查基准日为{cn_date(comparison.old_as_of) or '—'}，本次为"
            f"{cn_date(comparison.new_as_of) or '—'}。两次评查均有结果的案卷{len(matched)}件，"
            f"涉及{len(comparison.agencies)}个单位。前次发现的问题中，已整改"
            f"{comparison.total(FIXED)}个，整改中{comparison.total(IN_PROGRESS)}个，未整改"
            f"{comparison.total(OPEN)}个；本次新发现问题{comparison.total(NEW)}个。"
            + (
                f"仅见于前次评查的案卷{sum(c.new is None for c in comparison.cases)}件，"
                f"仅见于本次评查的案卷{sum(c.old is None for c in comparison.cases)}件，未作比较。"
                if any(c.new is None or c.old is None for c in comparison.cases)
                else ""
            )
        ),
        Heading("二、各单位整改情况", 1),
    ]
    rows = [
        Row(
            (
                str(i),
                a.agency,
                str(a.cases),
                num(a.old_average),
                num(a.new_average),
                _signed(a.new_average - a.old_average),
                pct(a.old_pass_rate),
                pct(a.new_pass_rate),
                str(a.fixed),
                str(a.in_progress),
                str(a.still_open),
                str(a.new_problems),
            )
        )
        for i, a in enumerate(comparison.agencies, 1)
    ]
    blocks.append(
        Table(
            "各单位整改情况",
            (
                "序号",
                "单位",
                "复查案卷数",
                "原平均分",
                "现平均分",
                "变化",
                "原合格率",
                "现合格率",
                FIXED,
                IN_PROGRESS,
                OPEN,
                NEW,
            ),
            tuple(rows),
            widths=(3, 14, 5, 5, 5, 5, 6, 6, 5, 5, 5, 5),
            numeric=(0, 2, 3, 4, 5, 8, 9, 10, 11),
        )
    )
    blocks.append(
        Chart(
            "fixed",
            "问题整改情况",
            (FIXED, IN_PROGRESS, OPEN, NEW),
            tuple(float(comparison.total(s)) for s in (FIXED, IN_PROGRESS, OPEN, NEW)),
            unit="个",
        )
    )
    blocks.append(Heading("三、逐卷整改情况", 1))
    rows = []
    for i, c in enumerate(matched, 1):
        assert c.old is not None and c.new is not None
        title = masker.text(c.title) or masker.text(c.case_id)
        rows.append(
            Row(
                (
                    str(i),
                    c.agency,
                    title + (f"（{masker.text(c.case_number)}）" if c.case_number else ""),
                    f"{num(c.old.score.total)}／{c.old.score.grade}",
                    f"{num(c.new.score.total)}／{c.new.score.grade}",
                    _signed(c.delta or 0),
                    "；".join(p.title for p in c.problems if p.status == FIXED) or "—",
                    "；".join(p.title for p in c.problems if p.status in (OPEN, IN_PROGRESS))
                    or "—",
                    "；".join(p.title for p in c.problems if p.status == NEW) or "—",
                )
            )
        )
    blocks.append(
        Table(
            "逐卷整改情况",
            (
                "序号",
                "单位",
                "案卷名称（案号）",
                "原得分／等次",
                "现得分／等次",
                "变化",
                FIXED,
                "未整改（含整改中）",
                NEW,
            ),
            tuple(rows),
            widths=(3, 10, 16, 6, 6, 4, 12, 12, 10),
            numeric=(0, 5),
        )
    )
    still = comparison.open_by_rule()
    blocks.append(Heading("四、未整改问题", 1))
    if still:
        by_agency: dict[str, int] = defaultdict(int)
        for n, (_, title, cases) in enumerate(still, 1):
            for c in cases:
                by_agency[c.agency] += 1
            names = "；".join(
                f"{c.agency}{masker.text(c.title) or masker.text(c.case_id)}" for c in cases[:5]
            )
            blocks.append(Paragraph(f"{n}.{title}（{len(cases)}件）：{names}。"))
        blocks.append(
            Paragraph(
                "请上述单位于收到本通报之日起15日内完成整改并书面报送整改情况；逾期未整改的，"
                f"{org}将依法发送行政执法监督通知书，并纳入年度法治政府建设考核。"
            )
        )
    else:
        blocks.append(Paragraph("前次评查发现的问题均已整改或正在复核。"))
    blocks.append(Signature(org, date_text))
    return Notice(
        kind="lookback",
        layout="file",
        title=f"{org}关于行政执法案卷评查问题整改情况“回头看”的通报",
        stem="回头看报告",
        blocks=tuple(blocks),
        mark=f"{org}文件",
        number=doc_number(options.notice_no) if options.notice_no else "",
        addressee=options.addressee or "各行政执法单位：",
        issuer=org,
        date=date_text,
    )


def _signed(value: float) -> str:
    value = round(value, 2)
    if value > 0:
        return "+" + num(value)
    return num(value)
