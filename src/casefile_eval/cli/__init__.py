"""The ``casefile-eval`` command: a thin layer over the public API.

Each sub-command lives in its own module with a ``register(subparsers)`` function.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from .. import __version__
from .common import EXIT_INTERRUPTED, EXIT_USAGE, CommandError

COMMANDS: tuple[str, ...] = (
    "validate",
    "rules",
    "score",
    "judgements",
    "new_rubric",
    "notice",
    "selfcheck",
    "compare",
    "sample",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="casefile-eval",
        description="行政执法案卷评查：评分、复评、评查通报与执法监督建议书。",
    )
    parser.add_argument("--version", action="version", version=f"casefile-eval {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMANDS:
        importlib.import_module(f"{__name__}.{name}").register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script; returns the exit code (see docs/cli.md)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except CommandError as exc:
        print(f"casefile-eval: {exc}", file=sys.stderr)
        return exc.code
    except KeyboardInterrupt:
        print("casefile-eval: 已中断", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return 0
    except SystemExit:
        raise
    except Exception as exc:  # a bug: say so plainly, with the type, and exit as a usage error
        print(f"casefile-eval: 内部错误：{type(exc).__name__}: {exc}", file=sys.stderr)
        return EXIT_USAGE


if __name__ == "__main__":
    raise SystemExit(main())
