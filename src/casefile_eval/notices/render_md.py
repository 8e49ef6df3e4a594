"""Markdown rendering. Untrusted text is escaped so that a Markdown viewer shows it as text:
``<`` ``>`` ``&`` become entities (no raw HTML), and table cells cannot break their row."""

from __future__ import annotations

import re

from .model import (
    Attachment,
    AttachmentList,
    Chart,
    Fields,
    Heading,
    Imprint,
    Note,
    Notice,
    Paragraph,
    Signature,
    Table,
)
from .text import num

_MD_SPECIAL = re.compile(r"([\\`*_\[\]#|!])")


def esc(text: str) -> str:
    """Escape text for Markdown (inline)."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return " ".join(text.splitlines())


def _cell(text: str) -> str:
    return esc(text) or " "


def _bold_cell(text: str) -> str:
    return f"**{esc(text)}**" if text else " "


def _table(
    columns: tuple[str, ...], rows: list[tuple[str, ...]], bold: set[int] | None = None
) -> list[str]:
    width = len(columns)
    out = ["| " + " | ".join(_cell(c) for c in columns) + " |", "|" + "---|" * width]
    for n, row in enumerate(rows):
        cells = list(row) + [""] * (width - len(row))
        fmt = _bold_cell if bold and n in bold else _cell
        out.append("| " + " | ".join(fmt(c) for c in cells[:width]) + " |")
    return out


def render(notice: Notice) -> str:
    """The notice as Markdown text."""
    lines: list[str] = []
    if notice.mark:
        lines += [f"**{esc(notice.mark)}**", ""]
    if notice.number:
        lines += [esc(notice.number), ""]
    lines += [f"# {esc(notice.title)}", ""]
    if notice.subtitle:
        lines += [f"*{esc(notice.subtitle)}*", ""]
    if notice.addressee:
        lines += [esc(notice.addressee), ""]
    for block in notice.blocks:
        if isinstance(block, Heading):
            lines += [f"{'#' * (block.level + 1)} {esc(block.text)}", ""]
        elif isinstance(block, Paragraph):
            text = esc(block.text)
            lines += [f"**{text}**" if block.bold else text, ""]
        elif isinstance(block, Table):
            rows = [row.cells for row in block.rows]
            bold = {i for i, row in enumerate(block.rows) if row.kind != "normal"}
            lines += [*_table(block.columns, rows, bold), ""]
        elif isinstance(block, Fields):
            lines += [*_table(("项目", "内容"), list(block.pairs)), ""]
        elif isinstance(block, Chart):
            lines += [f"**{esc(block.title)}**", ""]
            pairs = zip(block.labels, block.values, strict=True)
            head = ("项目", f"数值（{block.unit}）" if block.unit else "数值")
            lines += [*_table(head, [(label, num(value)) for label, value in pairs]), ""]
        elif isinstance(block, AttachmentList):
            lines.append("附件：" + esc(f"1.{block.items[0]}") if block.items else "")
            lines += [f"　　　{i}.{esc(name)}" for i, name in enumerate(block.items[1:], 2)]
            lines.append("")
        elif isinstance(block, Signature):
            lines += [f'<p align="right">{esc(block.issuer)}<br>{esc(block.date)}</p>', ""]
        elif isinstance(block, Note):
            lines += [esc(block.text), ""]
        elif isinstance(block, Attachment):
            lines += ["---", "", f"**附件{block.number}**", "", f"## {esc(block.title)}", ""]
        elif isinstance(block, Imprint):
            lines += ["---", "", f"{esc(block.issuer)}　　{esc(block.date)}印发", ""]
    return "\n".join(lines).rstrip() + "\n"
