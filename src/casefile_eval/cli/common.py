"""Options, errors and helpers shared by the sub-commands."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Iterable, Iterator
from typing import Any, TypeVar

from ..batch import BatchConfig, run_batch
from ..engine import Evaluator
from ..judgements import JudgementError
from ..loading import DEFAULT_MAX_BYTES, LoadFailure
from ..output import OutputError
from ..plugins import PluginError
from ..results import CaseResult
from ..standard import StandardError

#: Exit codes — stable, documented in docs/cli.md.
EXIT_OK = 0
EXIT_BELOW_THRESHOLD = 1
EXIT_USAGE = 2
EXIT_INVALID_INPUT = 3
EXIT_CHECK_ERRORS = 4
EXIT_INTERRUPTED = 130

T = TypeVar("T")


class CommandError(Exception):
    """A problem the user must fix (bad standard, plugin, judgement sheet, output path)."""

    def __init__(self, message: str, code: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.code = code


def add_input_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="案卷文件、文件夹（递归）、通配符、JSONL 文件，或 - 表示标准输入",
    )
    parser.add_argument(
        "--max-bytes",
        type=int,
        default=DEFAULT_MAX_BYTES,
        help=f"单个案卷的大小上限（字节，默认 {DEFAULT_MAX_BYTES}）",
    )
    parser.add_argument(
        "--workers",
        type=_workers,
        default=os.cpu_count() or 1,
        metavar="N",
        help="并行评查的进程数（默认为本机CPU核数；1 表示不开子进程）",
    )


def _workers(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"应为正整数：{text}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"应为正整数：{text}")
    return value


def add_plugin_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("插件与评查标准")
    group.add_argument(
        "--rubrics-dir",
        action="append",
        default=[],
        metavar="DIR",
        help="加载该文件夹中的本地评查规则模块（可重复）",
    )
    group.add_argument(
        "-p",
        dest="plugin_modules",
        action="append",
        default=[],
        metavar="MODULE",
        help="按模块名加载插件（可重复），如 -p my_rubrics.food",
    )
    group.add_argument(
        "--disable-plugin",
        action="append",
        default=[],
        metavar="NAME",
        help="不加载该名称的插件（可重复）",
    )


def add_standard_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("评查标准")
    group.add_argument(
        "--standard",
        metavar="FILE_OR_ID",
        help="评查标准 TOML 文件或标准编号（默认按案件类别使用内置默认标准）",
    )
    group.add_argument(
        "--as-of",
        type=dt.date.fromisoformat,
        metavar="YYYY-MM-DD",
        help="评查基准日（默认今天），结果中记录",
    )
    group.add_argument(
        "--judgements",
        metavar="FILE",
        help="人工复评表（.xlsx、.csv 或 .json），合并到机器初评结果",
    )


def batch_config(args: argparse.Namespace) -> BatchConfig:
    """The batch configuration the command-line options describe."""
    return BatchConfig(
        standard=getattr(args, "standard", None),
        rubrics_dirs=args.rubrics_dir,
        modules=args.plugin_modules,
        disable=args.disable_plugin,
        as_of=getattr(args, "as_of", None) or dt.date.today(),
        judgements=getattr(args, "judgements", None),
        max_bytes=getattr(args, "max_bytes", DEFAULT_MAX_BYTES),
    )


def build_evaluator(args: argparse.Namespace) -> Evaluator:
    """Build the evaluator, turning configuration problems into clear command errors."""
    try:
        return batch_config(args).build_evaluator()
    except (PluginError, StandardError, JudgementError) as exc:
        raise CommandError(str(exc)) from exc


def run_results(
    args: argparse.Namespace, evaluator: Evaluator
) -> Iterator[CaseResult | LoadFailure]:
    """Score the inputs the options name, in input order, with ``--workers`` processes.

    ``evaluator`` is the one :func:`build_evaluator` made from the same options; worker
    processes each build their own from the options' :class:`BatchConfig`.
    """
    workers = getattr(args, "workers", 1) or 1
    return run_batch(
        args.paths,
        evaluator,
        max_bytes=getattr(args, "max_bytes", DEFAULT_MAX_BYTES),
        workers=workers,
        config=batch_config(args) if workers > 1 else None,
    )


def progress(items: Iterable[T], *, total: int | None = None, desc: str = "") -> Iterator[T]:
    """A progress bar on stderr when it is a terminal; nothing when piped."""
    if not sys.stderr.isatty():
        yield from items
        return
    from tqdm import tqdm

    yield from tqdm(items, total=total, desc=desc, unit="卷", file=sys.stderr, leave=False)


def output_errors(func: Any) -> Any:
    """Turn output errors into clean command errors."""

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except OutputError as exc:
            raise CommandError(str(exc)) from exc

    return wrapper
