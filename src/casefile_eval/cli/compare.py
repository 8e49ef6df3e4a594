"""``casefile-eval compare``: two saved runs of the same files side by side (回头看)."""

from __future__ import annotations

import argparse
import sys

from tabulate import tabulate

from ..compare import FIXED, IN_PROGRESS, NEW, OPEN, ResultsFileError, compare, read_results
from ..masking import Masker
from ..notices.reports import lookback_report
from ..notices.text import num, pct
from .common import EXIT_OK, CommandError, output_errors
from .notice import add_issuer_options, add_output_options, formats_from, options_from, write_all


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "compare",
        help="回头看：比较两次评查结果",
        description=(
            "比较同一批案卷的两次评查结果（score --format jsonl 的输出）：各单位和各案卷的得分、"
            "等次变化，已整改、整改中、未整改和新增的问题；可写出回头看报告。"
        ),
    )
    parser.add_argument("old", metavar="OLD.jsonl", help="前次评查结果（score --format jsonl）")
    parser.add_argument("new", metavar="NEW.jsonl", help="本次评查结果（score --format jsonl）")
    add_output_options(parser, out_required=False)
    add_issuer_options(parser)
    parser.set_defaults(func=run)


def _signed(value: float | None) -> str:
    if value is None:
        return "—"
    return ("+" if value > 0 else "") + num(value)


@output_errors
def run(args: argparse.Namespace) -> int:
    formats = formats_from(args) if args.out else ()
    options = options_from(args)
    try:
        old, skipped_old = read_results(args.old)
        new, skipped_new = read_results(args.new)
    except ResultsFileError as exc:
        raise CommandError(str(exc)) from exc
    masker = Masker(enabled=options.mask)
    for result in (*old, *new):
        for party in result.parties:
            masker.add_party(party.name, party.type)
    comparison = compare(old, new, skipped_old=skipped_old, skipped_new=skipped_new)
    print(
        tabulate(
            [
                [
                    a.agency,
                    a.cases,
                    num(a.old_average),
                    num(a.new_average),
                    _signed(a.new_average - a.old_average),
                    pct(a.old_pass_rate),
                    pct(a.new_pass_rate),
                    a.fixed,
                    a.in_progress,
                    a.still_open,
                    a.new_problems,
                ]
                for a in comparison.agencies
            ],
            headers=[
                "单位",
                "案卷",
                "原平均分",
                "现平均分",
                "变化",
                "原合格率",
                "现合格率",
                FIXED,
                IN_PROGRESS,
                OPEN,
                NEW,
            ],
        )
    )
    print()
    rows = []
    for c in comparison.cases:
        old_text = f"{num(c.old.score.total)} {c.old.score.grade}" if c.old else "（无）"
        new_text = f"{num(c.new.score.total)} {c.new.score.grade}" if c.new else "（无）"
        rows.append(
            [
                c.case_id,
                old_text,
                new_text,
                _signed(c.delta),
                c.count(FIXED),
                c.count(IN_PROGRESS) + c.count(OPEN),
                c.count(NEW),
            ]
        )
    print(tabulate(rows, headers=["案卷编号", "前次", "本次", "变化", FIXED, "未整改", NEW]))
    print(
        f"比较 {len(comparison.matched)} 件案卷：{FIXED} {comparison.total(FIXED)}，"
        f"{IN_PROGRESS} {comparison.total(IN_PROGRESS)}，{OPEN} {comparison.total(OPEN)}，"
        f"{NEW} {comparison.total(NEW)}"
        + (f"；跳过无效记录 {skipped_old + skipped_new} 条" if skipped_old + skipped_new else ""),
        file=sys.stderr,
    )
    if args.out:
        written = write_all([lookback_report(comparison, masker, options)], args, formats)
        print(f"已写入回头看报告 {len(written)} 个文件到 {args.out}", file=sys.stderr)
    return EXIT_OK
