"""A small document model shared by every notice and every renderer.

Builders turn review results into a :class:`Notice` made of blocks; renderers (docx, Markdown,
HTML, xlsx) turn a Notice into a file. Text in blocks is already masked and is plain text:
each renderer escapes it for its own format, so untrusted case text can never become markup,
a formula or a path.
"""

from __future__ import annotations

from typing import Literal

import attrs

Layout = Literal["file", "letter", "form"]
"""GB/T 9704 文件格式 (bulletins), 信函格式 (supervision letters), or a plain form (sheets)."""


@attrs.frozen(slots=True)
class Heading:
    """A body heading: level 1 "一、" (黑体), 2 "（一）" (楷体), 3 "1." (仿宋, bold)."""

    text: str
    level: int = 1


@attrs.frozen(slots=True)
class Paragraph:
    """A body paragraph (two-character first-line indent unless ``indent`` is False)."""

    text: str
    indent: bool = True
    align: Literal["justify", "left", "center", "right"] = "justify"
    bold: bool = False


@attrs.frozen(slots=True)
class Row:
    """A table row; ``kind`` "group" spans all columns (a category), "total" is emphasised."""

    cells: tuple[str, ...]
    kind: Literal["normal", "group", "total"] = "normal"


@attrs.frozen(slots=True)
class Table:
    """A table with a caption (used as the sheet name in xlsx) and relative column widths."""

    caption: str
    columns: tuple[str, ...]
    rows: tuple[Row, ...]
    widths: tuple[float, ...] = ()
    numeric: tuple[int, ...] = ()
    """Indexes of columns holding numbers (right-aligned, stored as numbers in xlsx)."""


@attrs.frozen(slots=True)
class Fields:
    """Label/value pairs laid out as a form grid (the score sheet's header)."""

    pairs: tuple[tuple[str, str], ...]
    per_row: int = 2


@attrs.frozen(slots=True)
class Chart:
    """A bar chart (HTML renders it as inline SVG; the other formats show its data table)."""

    key: str
    title: str
    labels: tuple[str, ...]
    values: tuple[float, ...]
    unit: str = ""
    horizontal: bool = False
    maximum: float | None = None
    reference: float | None = None
    """A reference line (the passing score on the agency chart)."""


@attrs.frozen(slots=True)
class AttachmentList:
    """附件说明: "附件：1.…" after the body."""

    items: tuple[str, ...]


@attrs.frozen(slots=True)
class Signature:
    """署名 and 成文日期."""

    issuer: str
    date: str


@attrs.frozen(slots=True)
class Note:
    """附注 in parentheses below the date, or a small remark."""

    text: str


@attrs.frozen(slots=True)
class Attachment:
    """Starts an attachment on a new page: "附件1" flush left, its title centred."""

    number: int
    title: str


@attrs.frozen(slots=True)
class Imprint:
    """版记: the printing office and date between two rules at the end."""

    issuer: str
    date: str


Block = (
    Heading
    | Paragraph
    | Table
    | Fields
    | Chart
    | AttachmentList
    | Signature
    | Note
    | Attachment
    | Imprint
)


@attrs.frozen(slots=True)
class Notice:
    """One document to write.

    ``stem`` is the file name without extension and ``folder`` the sub-folder of the output
    folder (both made safe by the writer); ``mark`` is the issuer's mark in the red header
    (发文机关标志), ``number`` the 发文字号, ``addressee`` the 主送机关.
    """

    kind: str
    layout: Layout
    title: str
    stem: str
    blocks: tuple[Block, ...]
    folder: str = ""
    mark: str = ""
    number: str = ""
    addressee: str = ""
    issuer: str = ""
    date: str = ""
    subtitle: str = ""

    def tables(self) -> list[Table]:
        """Every table of the notice, in order."""
        return [b for b in self.blocks if isinstance(b, Table)]

    def charts(self) -> list[Chart]:
        """Every chart of the notice, in order."""
        return [b for b in self.blocks if isinstance(b, Chart)]
