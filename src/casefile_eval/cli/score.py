"""``casefile-eval score``: score case files and print or save the results."""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path
from typing import IO, Any

import orjson
from tabulate import tabulate

from ..batch import failure_row
from ..loading import LoadFailure
from ..model.vocab import KIND_ZH
from ..output import atomic_write, spreadsheet_safe
from ..plugins.finding import OUTCOME_ZH
from ..results import CaseResult
from ..summary import SummaryBuilder
from .common import (
    EXIT_BELOW_THRESHOLD,
    EXIT_CHECK_ERRORS,
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

FORMATS = ("table", "json", "jsonl", "csv", "xlsx")
CSV_COLUMNS = (
    ("案卷编号", lambda r: r.case_id),
    ("执法机关", lambda r: r.agency),
    ("案件类别", lambda r: KIND_ZH.get(r.kind, r.kind)),
    ("案由", lambda r: r.title),
    ("得分", lambda r: r.score.display_total),
    ("等次", lambda r: r.score.grade),
    ("案件是否成立", lambda r: "成立" if r.score.stands else "不成立"),
    ("否决项", lambda r: "；".join(v.label for v in r.score.vetoes)),
    ("扣分项数", lambda r: len(r.failed_items)),
    ("待复核项", lambda r: "；".join(r.score.pending)),
    ("主要问题", lambda r: "；".join(i.title for i in r.failed_items[:3])),
)


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "score",
        help="评查打分",
        description="按评查标准对案卷逐一评分，给出得分、等次、案件是否成立、否决项和主要问题。",
    )
    add_input_options(parser)
    parser.add_argument("--format", choices=FORMATS, default="table", help="输出格式（默认 table）")
    parser.add_argument(
        "-o", "--output", metavar="FILE", help="写入文件（默认标准输出；xlsx 格式必须指定）"
    )
    parser.add_argument("--force", action="store_true", help="允许覆盖已存在的输出文件")
    parser.add_argument(
        "--fail-under",
        metavar="GRADE",
        help="任一案卷等次低于该等次时以退出码 1 结束（如 合格）",
    )
    add_plugin_options(parser)
    add_standard_options(parser)
    parser.set_defaults(func=run)


def _table_row(r: CaseResult) -> list[Any]:
    problems = "；".join(i.title for i in r.failed_items[:2])
    return [
        r.case_id,
        r.agency,
        KIND_ZH.get(r.kind, r.kind),
        r.score.display_total,
        r.score.grade,
        "成立" if r.score.stands else "不成立",
        "；".join(v.label for v in r.score.vetoes)[:30],
        problems[:40] + ("…" if len(problems) > 40 else ""),
    ]


@output_errors
def run(args: argparse.Namespace) -> int:
    evaluator = build_evaluator(args)
    grade_names = [g.name for g in next(iter(evaluator.standards.values())).standard.grades]
    threshold = None
    if args.fail_under:
        if args.fail_under not in grade_names:
            raise CommandError(
                f"--fail-under {args.fail_under}: 应为等次之一：{'、'.join(grade_names)}"
            )
        threshold = grade_names.index(args.fail_under)
    summary = SummaryBuilder(grade_names)
    below = errors = 0
    rows: list[list[Any]] = []
    xlsx = _XlsxRows() if args.format == "xlsx" else None
    if xlsx is not None:
        if not args.output:
            raise CommandError("--format xlsx 需要用 -o 指定输出文件")
        if Path(args.output).exists() and not args.force:
            raise CommandError(f"{args.output}: 文件已存在，未覆盖（如需覆盖请加 --force）")
    sink: IO[Any]
    with _sink(args) as sink:
        writer = csv.writer(sink) if args.format == "csv" else None
        if writer:
            writer.writerow([name for name, _ in CSV_COLUMNS])
        if args.format == "json":
            results: list[dict[str, Any]] = []
        for item in progress(run_results(args, evaluator), desc="评查"):
            summary.add(item)
            if isinstance(item, LoadFailure):
                for error in item.errors:
                    print(f"✗ {error.describe()}", file=sys.stderr)
                if args.format == "jsonl":
                    sink.write(orjson.dumps(failure_row(item)).decode() + "\n")
                continue
            if threshold is not None and grade_names.index(item.score.grade) > threshold:
                below += 1
            errors += bool(item.score.errors)
            if args.format == "table":
                rows.append(_table_row(item))
            elif args.format == "jsonl":
                sink.write(item.to_json().decode() + "\n")
            elif args.format == "json":
                results.append(item.to_dict())
            elif writer:
                writer.writerow([spreadsheet_safe(get(item)) for _, get in CSV_COLUMNS])
            elif xlsx is not None:
                xlsx.add(item)
        built = summary.build()
        if xlsx is not None:
            xlsx.write(args.output, args.force, built, evaluator)
        if args.format == "json":
            sink.write(
                orjson.dumps(
                    {"summary": built, "results": results}, option=orjson.OPT_INDENT_2
                ).decode()
                + "\n"
            )
        elif args.format == "table":
            headers = [
                "案卷编号",
                "执法机关",
                "类别",
                "得分",
                "等次",
                "是否成立",
                "否决项",
                "主要问题",
            ]
            sink.write(tabulate(rows, headers=headers) + "\n")
    print(_summary_line(built), file=sys.stderr)
    if built["invalid"]:
        return EXIT_INVALID_INPUT
    if below:
        return EXIT_BELOW_THRESHOLD
    if errors:
        return EXIT_CHECK_ERRORS
    return EXIT_OK


def _summary_line(built: dict[str, Any]) -> str:
    grades = "，".join(f"{g} {n}" for g, n in built["grades"].items())
    return (
        f"共 {built['files']} 个案卷（有效 {built['valid']}，无效 {built['invalid']}），"
        f"{built['agencies']} 个单位；{grades}；合格率 {built['pass_rate']:.1%}，"
        f"优秀率 {built['excellent_rate']:.1%}；平均分 {built['average']}。"
    )


class _XlsxRows:
    """Rows of the xlsx workbook: one per case (the csv columns) and one per scored item."""

    ITEM_COLUMNS = (
        "案卷编号",
        "执法机关",
        "规则编号",
        "评查项目",
        "评查类别",
        "结论",
        "扣分",
        "最多扣分",
        "评定方式",
        "否决",
        "说明",
    )

    def __init__(self) -> None:
        self.cases: list[list[Any]] = []
        self.items: list[list[Any]] = []

    def add(self, result: CaseResult) -> None:
        self.cases.append([spreadsheet_safe(get(result)) for _, get in CSV_COLUMNS])
        categories = {c.key: c.title for c in result.score.categories}
        for item in result.score.items:
            self.items.append(
                [
                    spreadsheet_safe(v)
                    for v in (
                        result.case_id,
                        result.agency,
                        item.rule_id,
                        item.title,
                        categories.get(item.category, item.category),
                        OUTCOME_ZH.get(item.outcome, item.outcome),
                        _plain(item.deduction),
                        _plain(item.max_deduction),
                        "人工复评" if item.source == "manual" else "机器初评",
                        "是" if item.veto else "",
                        item.message,
                    )
                ]
            )

    def write(self, path: str, force: bool, built: dict[str, Any], evaluator: Any) -> None:
        from openpyxl import Workbook
        from openpyxl.styles import Font

        wb = Workbook()
        ws = wb.active
        ws.title = "评查结果"
        ws.append([name for name, _ in CSV_COLUMNS])
        for row in self.cases:
            ws.append(row)
        summary = wb.create_sheet("汇总")
        grades = list(built["grades"])
        for row in (
            ["案卷总数", built["files"]],
            ["有效案卷", built["valid"]],
            ["无效案卷", built["invalid"]],
            ["行政处罚", built["penalty"]],
            ["行政许可", built["licensing"]],
            ["单位数", built["agencies"]],
            ["平均分", built["average"]],
            ["合格率", built["pass_rate"]],
            ["优秀率", built["excellent_rate"]],
            ["案件成立", built["standing"]],
            *([f"等次：{g}", n] for g, n in built["grades"].items()),
            [],
            [
                "单位",
                "案卷数",
                "许可",
                "处罚",
                "平均分",
                *grades,
                "优秀率",
                "合格率",
                "否决案卷数",
                "主要问题",
            ],
        ):
            summary.append([spreadsheet_safe(v) for v in row])
        titles = {rid: rule.title for rid, rule in evaluator.rules.items()}
        for a in built["by_agency"]:
            summary.append(
                [
                    spreadsheet_safe(a["agency"]),
                    a["files"],
                    a["licensing"],
                    a["penalty"],
                    a["average"],
                    *(a["grades"].get(g, 0) for g in grades),
                    a["excellent_rate"],
                    a["pass_rate"],
                    a["vetoed_files"],
                    spreadsheet_safe("；".join(titles.get(r, r) for r in a["top_problems"])),
                ]
            )
        items = wb.create_sheet("评查项目")
        items.append(list(self.ITEM_COLUMNS))
        for row in self.items:
            items.append(row)
        for sheet in wb.worksheets:
            for cell in next(sheet.iter_rows(min_row=1, max_row=1), ()):
                cell.font = Font(bold=True)
            sheet.freeze_panes = "A2"
        with atomic_write(path, force=force, binary=True) as fh:
            wb.save(fh)


def _plain(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value


class _sink:
    """stdout, or an atomically written file."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self._cm: Any = None

    def __enter__(self) -> IO[Any]:
        if not self.args.output or self.args.format == "xlsx":
            return sys.stdout
        self._cm = atomic_write(self.args.output, force=self.args.force)
        return self._cm.__enter__()

    def __exit__(self, *exc: Any) -> Any:
        if self._cm is not None:
            return self._cm.__exit__(*exc)
        return None
