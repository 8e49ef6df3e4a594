"""``casefile-eval notice``: score a review batch and write the notices it sends out."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import attrs

from ..engine import Evaluator
from ..loading import DuplicateTracker, LoadedCase, LoadFailure, iter_records, load_record
from ..masking import Masker
from ..notices import FORMATS, NoticeOptions, ReviewData, parse_formats, review_notices
from ..notices import write_notices as _write
from ..notices.data import CaseDates
from ..notices.model import Notice
from ..output import OutputError
from ..results import CaseResult
from ..summary import SummaryBuilder
from .common import (
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
)


def add_output_options(parser: argparse.ArgumentParser, *, out_required: bool = True) -> None:
    """--out, --format, --template, --force, --no-mask (shared by notice, selfcheck, compare)."""
    group = parser.add_argument_group("输出")
    group.add_argument(
        "--out",
        metavar="DIR",
        required=out_required,
        help="输出文件夹（不存在时创建）",
    )
    group.add_argument(
        "--format",
        default=",".join(FORMATS),
        metavar="LIST",
        help=f"输出格式，逗号分隔：{','.join(FORMATS)}（默认全部）",
    )
    group.add_argument(
        "--template",
        metavar="DIR",
        help="Word 模板文件夹（bulletin.docx、letter.docx、sheet.docx，缺少的用内置模板）",
    )
    group.add_argument("--force", action="store_true", help="允许覆盖已存在的输出文件")
    group.add_argument(
        "--no-mask",
        action="store_true",
        help="不隐去自然人姓名、身份证号、电话和住址（仅供内部留存）",
    )


def add_issuer_options(parser: argparse.ArgumentParser) -> None:
    """Who issues the notices, numbers, dates and deadlines."""
    group = parser.add_argument_group("发文")
    group.add_argument("--org", default="××市司法局", help="发文机关（默认 ××市司法局）")
    group.add_argument("--notice-no", metavar="NO", help="通报发文字号，如 西司通〔2026〕3号")
    group.add_argument(
        "--letter-prefix",
        metavar="CODE",
        help="执法监督建议书的机关代字，如 西司执监建（编号为 代字〔年份〕序号号）",
    )
    group.add_argument(
        "--date",
        type=dt.date.fromisoformat,
        metavar="YYYY-MM-DD",
        help="成文日期（默认评查基准日）",
    )
    group.add_argument(
        "--deadline",
        type=dt.date.fromisoformat,
        metavar="YYYY-MM-DD",
        help="整改报送截止日期（默认：收到通报之日起30日内）",
    )
    group.add_argument(
        "--feedback-days",
        type=int,
        default=15,
        metavar="N",
        help="建议书要求书面报送整改情况的期限（日，默认 15）",
    )
    group.add_argument(
        "--period", metavar="TEXT", help="评查期间，如 2025年度（默认按决定日期推算）"
    )
    group.add_argument(
        "--to", dest="addressee", metavar="TEXT", help="通报主送机关（默认 各行政执法单位：）"
    )
    group.add_argument(
        "--supervision-basis",
        metavar="TEXT",
        help="监督职权依据（默认：2026年2月1日起为《行政执法监督条例》有关规定）",
    )


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "notice",
        help="生成评查通报、执法监督建议书和评查评分表",
        description=(
            "评查一批案卷，写出评查通报（一份）、执法监督建议书（每个单位一份）和评查评分表"
            "（每个案卷一份），格式可选 docx、md、html、xlsx。自然人信息默认隐去。"
        ),
    )
    add_input_options(parser)
    add_output_options(parser)
    add_issuer_options(parser)
    add_plugin_options(parser)
    add_standard_options(parser)
    parser.set_defaults(func=run)


def options_from(args: argparse.Namespace) -> NoticeOptions:
    """The notice options the command line describes."""
    if getattr(args, "feedback_days", 15) < 1:
        raise CommandError("--feedback-days 应为正整数")
    return NoticeOptions(
        org=args.org,
        notice_no=args.notice_no,
        letter_prefix=args.letter_prefix,
        date=args.date,
        deadline=args.deadline,
        feedback_days=args.feedback_days,
        period=args.period,
        addressee=args.addressee,
        supervision_basis=args.supervision_basis,
        mask=not args.no_mask,
    )


def options_from_defaults(args: argparse.Namespace) -> NoticeOptions:
    """Notice options for commands without the issuer options (selfcheck)."""
    return NoticeOptions(
        org=getattr(args, "org", None) or attrs.fields(NoticeOptions).org.default,
        date=getattr(args, "date", None),
        mask=not args.no_mask,
    )


def formats_from(args: argparse.Namespace) -> tuple[str, ...]:
    try:
        return parse_formats(args.format)
    except ValueError as exc:
        raise CommandError(f"--format: {exc}") from exc


def evaluate_batch(
    args: argparse.Namespace, evaluator: Evaluator, masker: Masker
) -> tuple[list[CaseResult], dict[str, CaseDates], SummaryBuilder]:
    """Load and score every case, keeping what notices need beyond the result (dates, the
    personal data to mask)."""
    grade_names = [g.name for g in next(iter(evaluator.standards.values())).standard.grades]
    summary = SummaryBuilder(grade_names)
    results: list[CaseResult] = []
    dates: dict[str, CaseDates] = {}
    tracker = DuplicateTracker()

    def stream() -> Any:
        for record in iter_records(args.paths, max_bytes=args.max_bytes):
            yield record if isinstance(record, LoadFailure) else tracker.check(load_record(record))

    for loaded in progress(stream(), desc="评查"):
        if isinstance(loaded, LoadFailure):
            summary.add(loaded)
            for error in loaded.errors:
                print(f"✗ {error.describe()}", file=sys.stderr)
            continue
        assert isinstance(loaded, LoadedCase)
        where = loaded.source if loaded.line is None else f"{loaded.source}:{loaded.line}"
        result = evaluator.evaluate(loaded.case, source=where)
        masker.add_case(loaded.case)
        dates[result.case_id] = CaseDates.of(loaded.case)
        summary.add(result)
        results.append(result)
    return results, dates, summary


def write_all(
    notices: Sequence[Notice], args: argparse.Namespace, formats: Sequence[str]
) -> list[Path]:
    """Write the notices, turning output problems into command errors."""
    try:
        return _write(
            notices, args.out, formats=formats, force=args.force, template_dir=args.template
        )
    except OutputError as exc:
        raise CommandError(str(exc)) from exc


def exit_code(summary: dict[str, Any]) -> int:
    """3 when some inputs were invalid, 4 when a check failed to run, else 0."""
    if summary["invalid"]:
        return EXIT_INVALID_INPUT
    if summary["error_files"]:
        return EXIT_CHECK_ERRORS
    return EXIT_OK


@output_errors
def run(args: argparse.Namespace) -> int:
    formats = formats_from(args)
    options = options_from(args)
    evaluator = build_evaluator(args)
    masker = Masker(enabled=options.mask)
    results, dates, builder = evaluate_batch(args, evaluator, masker)
    summary = builder.build()
    if not results:
        raise CommandError("没有可评查的有效案卷，未生成文书", EXIT_INVALID_INPUT)
    data = ReviewData.build(
        results, evaluator=evaluator, summary=summary, dates=dates, masker=masker
    )
    notices = review_notices(data, options)
    written = write_all(notices, args, formats)
    letters = sum(n.kind == "letter" for n in notices)
    sheets = sum(n.kind == "sheet" for n in notices)
    print(
        f"已写入 {len(written)} 个文件到 {args.out}：评查通报 1 份、执法监督建议书 {letters} 份、"
        f"评查评分表 {sheets} 份（{'、'.join(formats)}）"
        + ("；自然人信息已隐去" if options.mask else "；未隐去自然人信息（--no-mask）"),
        file=sys.stderr,
    )
    return exit_code(summary)
