"""``casefile-eval judgements template``: the sheet a reviewer fills in (人工复评表)."""

from __future__ import annotations

import argparse
import csv
import sys
from typing import Any

from ..judgements import COLUMNS
from ..loading import LoadFailure
from ..output import atomic_write, spreadsheet_safe
from ..plugins import OUTCOME_ZH
from .common import (
    EXIT_INVALID_INPUT,
    EXIT_OK,
    CommandError,
    add_input_options,
    add_plugin_options,
    add_standard_options,
    build_evaluator,
    output_errors,
    progress,
    run_results,
)


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "judgements",
        help="人工复评表",
        description="生成人工复评表：每个案卷每个待人工复核事项一行（可选列出机器结论以便改判）。"
        "填写“复评结论”“扣分”“复评意见”“复评人”后，用 score --judgements 合并。",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    template = actions.add_parser("template", help="生成待填写的复评表")
    add_input_options(template)
    template.add_argument("-o", "--output", required=True, metavar="FILE", help=".xlsx 或 .csv")
    template.add_argument("--force", action="store_true", help="允许覆盖已存在的文件")
    template.add_argument(
        "--include-findings",
        action="store_true",
        help="同时列出机器判定为不符合的事项，便于复评人改判",
    )
    add_plugin_options(template)
    add_standard_options(template)
    template.set_defaults(func=run_template)


def _rows(args: argparse.Namespace) -> tuple[list[list[Any]], int]:
    evaluator = build_evaluator(args)
    rows: list[list[Any]] = []
    invalid = 0
    for item in progress(run_results(args, evaluator), desc="初评"):
        if isinstance(item, LoadFailure):
            invalid += 1
            for error in item.errors:
                print(f"✗ {error.describe()}", file=sys.stderr)
            continue
        wanted = {"needs_review", "error"} | ({"fail"} if args.include_findings else set())
        for it in item.score.items:
            if it.outcome not in wanted:
                continue
            rows.append(
                [
                    item.case_id,
                    item.agency,
                    it.rule_id,
                    it.title,
                    OUTCOME_ZH[it.outcome],
                    it.message,
                    "",
                    "",
                    "",
                    "",
                ]
            )
    return rows, invalid


@output_errors
def run_template(args: argparse.Namespace) -> int:
    suffix = args.output.lower().rsplit(".", 1)[-1]
    if suffix not in ("xlsx", "csv"):
        raise CommandError(f"{args.output}: 复评表应为 .xlsx 或 .csv 文件")
    rows, invalid = _rows(args)
    headers = [zh for zh, _ in COLUMNS]
    if suffix == "csv":
        with atomic_write(args.output, force=args.force) as fh:
            fh.write("\ufeff")  # Excel opens UTF-8 CSV correctly only with a BOM
            writer = csv.writer(fh)
            writer.writerow(headers)
            writer.writerows([[spreadsheet_safe(v) for v in row] for row in rows])
    else:
        from openpyxl import Workbook
        from openpyxl.styles import Alignment, Font, PatternFill
        from openpyxl.worksheet.datavalidation import DataValidation

        wb = Workbook()
        ws = wb.active
        ws.title = "人工复评"
        ws.append(headers)
        for cell in ws[1]:
            cell.font = Font(bold=True)
            cell.fill = PatternFill("solid", fgColor="DDEBF7")
        for row in rows:
            ws.append([spreadsheet_safe(v) for v in row])
        widths = [22, 24, 16, 30, 12, 50, 12, 8, 40, 10]
        for i, width in enumerate(widths):
            ws.column_dimensions[chr(ord("A") + i)].width = width
        for row in ws.iter_rows(min_row=2):
            row[5].alignment = Alignment(wrap_text=True, vertical="top")
        choice = DataValidation(type="list", formula1='"符合,不符合,不适用"', allow_blank=True)
        ws.add_data_validation(choice)
        choice.add(f"G2:G{max(2, len(rows) + 1)}")
        ws.freeze_panes = "A2"
        with atomic_write(args.output, force=args.force, binary=True) as fh:
            wb.save(fh)
    print(f"复评表已写入 {args.output}：{len(rows)} 个待复评事项。", file=sys.stderr)
    return EXIT_INVALID_INPUT if invalid else EXIT_OK
