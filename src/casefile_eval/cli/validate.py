"""``casefile-eval validate``: check case files against the format, list every problem."""

from __future__ import annotations

import argparse
import sys

from ..loading import LoadFailure, load
from .common import EXIT_INVALID_INPUT, EXIT_OK, add_input_options, progress


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "validate",
        help="校验案卷文件格式",
        description="校验案卷文件是否符合案卷格式；列出每个文件的全部问题（文件、字段、原因）。",
    )
    add_input_options(parser)
    parser.add_argument("-q", "--quiet", action="store_true", help="只输出有问题的文件")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    valid = invalid = 0
    for result in progress(load(args.paths, max_bytes=args.max_bytes), desc="校验"):
        if isinstance(result, LoadFailure):
            invalid += 1
            for error in result.errors:
                print(f"✗ {error.describe()}")
        else:
            valid += 1
            if not args.quiet:
                where = result.source if result.line is None else f"{result.source}:{result.line}"
                print(f"✓ {where} {result.case.case_id}")
    print(f"共 {valid + invalid} 个案卷：{valid} 个有效，{invalid} 个无效。", file=sys.stderr)
    return EXIT_INVALID_INPUT if invalid else EXIT_OK
