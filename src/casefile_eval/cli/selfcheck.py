"""``casefile-eval selfcheck``: the agency's own check before a review (部门自查)."""

from __future__ import annotations

import argparse
import sys

from tabulate import tabulate

from ..masking import Masker
from ..notices import ReviewData
from ..notices.reports import fix_list, selfcheck_report
from ..notices.text import num
from .common import (
    EXIT_INVALID_INPUT,
    CommandError,
    add_input_options,
    add_plugin_options,
    add_standard_options,
    build_evaluator,
    output_errors,
)
from .notice import (
    add_output_options,
    evaluate_batch,
    exit_code,
    formats_from,
    options_from_defaults,
    write_all,
)


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "selfcheck",
        help="部门自查：逐卷列出需整改的问题",
        description=(
            "执法单位在评查前自查：逐卷列出需要整改的问题（按涉及分值从高到低），附依据和整改"
            "方法，以及案卷按现状可得的等次；可写出自查报告。"
        ),
    )
    add_input_options(parser)
    add_output_options(parser, out_required=False)
    add_plugin_options(parser)
    add_standard_options(parser)
    parser.set_defaults(func=run)


@output_errors
def run(args: argparse.Namespace) -> int:
    formats = formats_from(args) if args.out else ()
    options = options_from_defaults(args)
    evaluator = build_evaluator(args)
    masker = Masker(enabled=options.mask)
    results, dates, builder = evaluate_batch(args, evaluator, masker)
    summary = builder.build()
    if not results:
        raise CommandError("没有可自查的有效案卷", EXIT_INVALID_INPUT)
    rows = []
    for result in sorted(results, key=lambda r: (r.agency, r.score.total, r.case_id)):
        fixes = fix_list(result)
        first = fixes[0] if fixes else None
        rows.append(
            [
                result.case_id,
                num(result.score.total),
                result.score.grade,
                len(fixes),
                num(sum(f.at_stake for f in fixes)),
                (first.item.title + ("（待复核）" if first.pending else "")) if first else "",
            ]
        )
    print(
        tabulate(
            rows,
            headers=["案卷编号", "现得分", "现等次", "待整改项", "涉及分值", "首要整改问题"],
        )
    )
    if args.out:
        data = ReviewData.build(
            results, evaluator=evaluator, summary=summary, dates=dates, masker=masker
        )
        written = write_all([selfcheck_report(data, options)], args, formats)
        print(f"已写入自查报告 {len(written)} 个文件到 {args.out}", file=sys.stderr)
    return exit_code(summary)
