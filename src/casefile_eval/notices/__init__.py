"""The notices a review sends out: 评查通报, 执法监督建议书, 评查评分表, 自查报告, 回头看报告.

.. code-block:: python

    from casefile_eval.notices import NoticeOptions, ReviewData, review_notices, write_notices

    data = ReviewData.build(results, evaluator=evaluator)
    notices = review_notices(data, NoticeOptions(org="杭州市西湖区司法局"))
    write_notices(notices, "notices/", formats=("docx", "html"))

Builders (:mod:`.builders`, :mod:`.reports`) make a format-neutral :class:`~.model.Notice`;
renderers write it as .docx (from editable Word templates), Markdown, self-contained HTML with
SVG charts, or .xlsx. :func:`write_notices` plans every output path first (names made safe,
kept inside the output folder, existing files refused without ``force``) and then writes each
file atomically.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from ..output import OutputError, atomic_write, inside, safe_name
from . import render_docx, render_html, render_md, render_xlsx
from .builders import bulletin, letters, score_sheets
from .data import CaseDates, NoticeOptions, ReviewData, RuleInfo
from .model import Notice

FORMATS: tuple[str, ...] = ("docx", "md", "html", "xlsx")

__all__ = [
    "FORMATS",
    "CaseDates",
    "Notice",
    "NoticeOptions",
    "ReviewData",
    "RuleInfo",
    "parse_formats",
    "plan_paths",
    "review_notices",
    "write_notices",
]


def review_notices(data: ReviewData, options: NoticeOptions) -> list[Notice]:
    """The bulletin, one letter per agency and one score sheet per case."""
    return [bulletin(data, options), *letters(data, options), *score_sheets(data, options)]


def parse_formats(text: str) -> tuple[str, ...]:
    """ "docx,html" → ("docx", "html"); "all" → every format. Raises ValueError when unknown."""
    wanted = [f.strip().lower().lstrip(".") for f in text.split(",") if f.strip()]
    if not wanted or wanted == ["all"]:
        return FORMATS
    unknown = [f for f in wanted if f not in FORMATS]
    if unknown:
        raise ValueError(f"未知格式：{'、'.join(unknown)}（可选：{','.join(FORMATS)}）")
    return tuple(dict.fromkeys(wanted))


def plan_paths(
    notices: Iterable[Notice], out_dir: str | Path, formats: Sequence[str]
) -> list[tuple[Notice, str, Path]]:
    """Where each (notice, format) goes: names from untrusted text made safe and unique, every
    path checked to stay inside ``out_dir``."""
    planned: list[tuple[Notice, str, Path]] = []
    used: set[str] = set()
    for notice in notices:
        folder = safe_name(notice.folder, fallback="notices") if notice.folder else ""
        stem = safe_name(notice.stem, fallback=notice.kind)
        base = f"{folder}/{stem}" if folder else stem
        unique, n = base, 2
        while unique.lower() in used:
            unique = f"{base}_{n}"
            n += 1
        used.add(unique.lower())
        for fmt in formats:
            planned.append((notice, fmt, inside(out_dir, f"{unique}.{fmt}")))
    return planned


def _write_one(notice: Notice, fmt: str, path: Path, force: bool, template_dir: str | None) -> None:
    if fmt == "md":
        with atomic_write(path, force=force) as fh:
            fh.write(render_md.render(notice))
    elif fmt == "html":
        with atomic_write(path, force=force) as fh:
            fh.write(render_html.render(notice))
    elif fmt == "docx":
        with atomic_write(path, force=force, binary=True) as fh:
            render_docx.render(notice, fh, template_dir)
    elif fmt == "xlsx":
        with atomic_write(path, force=force, binary=True) as fh:
            render_xlsx.render(notice, fh)
    else:  # pragma: no cover - parse_formats guards this
        raise OutputError(f"未知格式：{fmt}")


def write_notices(
    notices: Iterable[Notice],
    out_dir: str | Path,
    *,
    formats: Sequence[str] = FORMATS,
    force: bool = False,
    template_dir: str | Path | None = None,
) -> list[Path]:
    """Write every notice in every format; returns the paths written.

    All paths are planned and checked before anything is written, so that an existing file
    (without ``force``) or a path escaping ``out_dir`` stops the run with nothing written.
    """
    planned = plan_paths(notices, out_dir, formats)
    if not force:
        existing = [p for _, _, p in planned if p.exists()]
        if existing:
            shown = "、".join(str(p) for p in existing[:3])
            more = f" 等{len(existing)}个文件" if len(existing) > 3 else ""
            raise OutputError(f"{shown}{more}: 文件已存在，未覆盖（如需覆盖请加 --force）")
    if template_dir is not None and not Path(template_dir).is_dir():
        raise OutputError(f"--template {template_dir}: 不是文件夹")
    written = []
    for notice, fmt, path in planned:
        _write_one(notice, fmt, path, force, str(template_dir) if template_dir else None)
        written.append(path)
    return written
