"""Self-contained HTML: one file, inline CSS and SVG charts, no script, no network.

Jinja2 autoescaping is on, so every string from a case file renders as text (a party named
``<script>`` shows as ``&lt;script&gt;``); only the SVG the chart module builds (which escapes
its own labels) is inserted as markup.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import jinja2
from markupsafe import Markup

from . import charts
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


def _read(name: str) -> str:
    return resources.files(__package__).joinpath("templates", name).read_text(encoding="utf-8")


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FunctionLoader(_read),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )


def _block(block: Any) -> dict[str, Any]:
    if isinstance(block, Heading):
        return {"type": "heading", "text": block.text, "level": min(block.level, 3)}
    if isinstance(block, Paragraph):
        return {
            "type": "paragraph",
            "text": block.text,
            "indent": block.indent,
            "align": block.align,
            "bold": block.bold,
        }
    if isinstance(block, Table):
        return {
            "type": "table",
            "caption": block.caption,
            "columns": block.columns,
            "rows": block.rows,
            "numeric": set(block.numeric),
            "widths": _percent(block.widths, len(block.columns)),
        }
    if isinstance(block, Fields):
        pairs = list(block.pairs)
        grid = [pairs[i : i + block.per_row] for i in range(0, len(pairs), block.per_row)]
        return {"type": "fields", "grid": grid}
    if isinstance(block, Chart):
        return {
            "type": "chart",
            "key": block.key,
            "title": block.title,
            "svg": Markup(charts.svg(block)),
        }
    if isinstance(block, AttachmentList):
        return {"type": "attachments", "entries": block.items}
    if isinstance(block, Signature):
        return {"type": "signature", "issuer": block.issuer, "date": block.date}
    if isinstance(block, Note):
        return {"type": "note", "text": block.text}
    if isinstance(block, Attachment):
        return {"type": "attachment", "number": block.number, "title": block.title}
    if isinstance(block, Imprint):
        return {"type": "imprint", "issuer": block.issuer, "date": block.date}
    raise TypeError(f"unknown block {block!r}")


def _percent(widths: tuple[float, ...], columns: int) -> list[str]:
    if len(widths) != columns or not sum(widths):
        return []
    total = sum(widths)
    return [f"{100 * w / total:.1f}%" for w in widths]


def render(notice: Notice) -> str:
    """The notice as one self-contained HTML page."""
    env = _environment()
    template = env.get_template("notice.html.j2")
    return template.render(
        notice=notice,
        blocks=[_block(b) for b in notice.blocks],
        css=Markup(_read("notice.css")),
    )
