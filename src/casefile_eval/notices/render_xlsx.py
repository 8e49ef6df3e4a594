"""Excel (.xlsx) rendering with openpyxl.

A form (score sheet) goes on one worksheet as it would be printed; a bulletin, letter or
report gets a worksheet with its text, one worksheet per table (named after the caption) and
its charts as native Excel bar charts. Every string cell is neutralised: text from a case file
that starts with ``=`` ``+`` ``-`` ``@`` cannot run as a formula.
"""

from __future__ import annotations

import re
from typing import IO, Any

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ..output import spreadsheet_safe
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

FONT = "仿宋"
THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEAD_FILL = PatternFill("solid", fgColor="F2F2F2")
WRAP = Alignment(wrap_text=True, vertical="center")
CENTER = Alignment(wrap_text=True, vertical="center", horizontal="center")
PLAIN = Font(name=FONT)
BOLD = Font(name=FONT, bold=True)
_NUMBER = re.compile(r"^[+-]?\d+(\.\d+)?$")
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")


def _value(text: str, numeric: bool) -> Any:
    if numeric and _NUMBER.match(text):
        number = float(text)
        return int(number) if number.is_integer() else number
    return spreadsheet_safe(text)


def sheet_title(text: str, taken: set[str]) -> str:
    """A valid, unique worksheet name (≤ 31 characters, none of []:*?/\\)."""
    base = _BAD_SHEET_CHARS.sub("_", text).strip("'") or "Sheet"
    base = base[:28]
    name, n = base, 2
    while name in taken:
        name = f"{base[:26]}_{n}"
        n += 1
    taken.add(name)
    return name


def _write_table(
    ws: Worksheet, start: int, columns: tuple[str, ...], rows: list[Any], numeric: set[int]
) -> int:
    for c, name in enumerate(columns, 1):
        cell = ws.cell(row=start, column=c, value=spreadsheet_safe(name))
        cell.font = BOLD
        cell.fill = HEAD_FILL
        cell.alignment = CENTER
        cell.border = BOX
    r = start
    for row in rows:
        r += 1
        if row.kind == "group":
            ws.cell(row=r, column=1, value=spreadsheet_safe(row.cells[0])).font = Font(
                name=FONT, bold=True
            )
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=len(columns))
            for c in range(1, len(columns) + 1):
                ws.cell(row=r, column=c).border = BOX
            continue
        for c in range(len(columns)):
            text = row.cells[c] if c < len(row.cells) else ""
            cell = ws.cell(row=r, column=c + 1, value=_value(text, c in numeric))
            cell.font = BOLD if row.kind == "total" else PLAIN
            cell.alignment = CENTER if c in numeric else WRAP
            cell.border = BOX
    return r


def _widths(ws: Worksheet, weights: tuple[float, ...], columns: int, scale: float = 2.2) -> None:
    weights = weights if len(weights) == columns else (8.0,) * columns
    for i, w in enumerate(weights, 1):
        ws.column_dimensions[get_column_letter(i)].width = max(6.0, w * scale)


def _text_lines(notice: Notice) -> list[tuple[str, bool]]:
    lines: list[tuple[str, bool]] = []
    for block in notice.blocks:
        if isinstance(block, Heading):
            lines.append((block.text, True))
        elif isinstance(block, Paragraph | Note):
            lines.append((block.text, getattr(block, "bold", False)))
        elif isinstance(block, AttachmentList):
            lines.extend((f"附件{i}：{item}", False) for i, item in enumerate(block.items, 1))
        elif isinstance(block, Signature):
            lines.extend([(block.issuer, False), (block.date, False)])
        elif isinstance(block, Attachment):
            lines.append((f"附件{block.number}　{block.title}", True))
        elif isinstance(block, Table):
            lines.append((f"（见工作表“{block.caption}”）", False))
        elif isinstance(block, Imprint):
            lines.append((f"{block.issuer}　{block.date}印发", False))
    return lines


def _chart(ws: Worksheet, block: Chart, anchor_row: int) -> int:
    ws.cell(row=anchor_row, column=1, value=spreadsheet_safe(block.title)).font = Font(
        name=FONT, bold=True
    )
    ws.cell(row=anchor_row + 1, column=1, value="项目").font = Font(name=FONT, bold=True)
    ws.cell(row=anchor_row + 1, column=2, value=block.unit or "数值").font = Font(
        name=FONT, bold=True
    )
    for i, (label, value) in enumerate(zip(block.labels, block.values, strict=True)):
        ws.cell(row=anchor_row + 2 + i, column=1, value=spreadsheet_safe(label))
        ws.cell(row=anchor_row + 2 + i, column=2, value=value)
    last = anchor_row + 1 + len(block.values)
    if block.values:
        chart = BarChart()
        chart.type = "bar" if block.horizontal else "col"
        chart.title = block.title
        chart.legend = None
        data = Reference(ws, min_col=2, min_row=anchor_row + 1, max_row=last)
        cats = Reference(ws, min_col=1, min_row=anchor_row + 2, max_row=last)
        chart.add_data(data, titles_from_data=True)
        chart.set_categories(cats)
        chart.height = max(6.0, 0.7 * len(block.values) + 3) if block.horizontal else 7.0
        chart.width = 16.0
        ws.add_chart(chart, f"D{anchor_row}")
        rows_used = int(chart.height / 0.5) + 2
        return max(last + 2, anchor_row + rows_used)
    return last + 2


def _form(wb: Workbook, notice: Notice) -> None:
    ws = wb.active
    ws.title = sheet_title(notice.title, set())
    width = 7
    ws.cell(row=1, column=1, value=spreadsheet_safe(notice.title)).font = Font(
        name=FONT, size=16, bold=True
    )
    ws.cell(row=1, column=1).alignment = CENTER
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    r = 2
    if notice.subtitle:
        ws.cell(row=r, column=1, value=spreadsheet_safe(notice.subtitle)).alignment = CENTER
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=width)
        r += 1
    for block in notice.blocks:
        r += 1
        if isinstance(block, Fields):
            for label, value in block.pairs:
                head = ws.cell(row=r, column=1, value=spreadsheet_safe(label))
                head.font = Font(name=FONT, bold=True)
                head.fill = HEAD_FILL
                head.border = BOX
                cell = ws.cell(row=r, column=2, value=spreadsheet_safe(value))
                cell.alignment = WRAP
                ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=width)
                for c in range(2, width + 1):
                    ws.cell(row=r, column=c).border = BOX
                r += 1
        elif isinstance(block, Table):
            r = _write_table(ws, r, block.columns, list(block.rows), set(block.numeric)) + 1
        elif isinstance(block, Heading):
            ws.cell(row=r, column=1, value=spreadsheet_safe(block.text)).font = Font(
                name=FONT, bold=True
            )
        elif isinstance(block, Paragraph | Note):
            ws.cell(row=r, column=1, value=spreadsheet_safe(block.text)).alignment = Alignment(
                wrap_text=False
            )
    for i, w in enumerate((18, 22, 7, 7, 7, 40, 10), 1):
        ws.column_dimensions[get_column_letter(i)].width = w
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "portrait"
    ws.page_setup.fitToWidth = 1
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def build_workbook(notice: Notice) -> Workbook:
    """The notice as an openpyxl Workbook."""
    wb = Workbook()
    if notice.layout == "form":
        _form(wb, notice)
        return wb
    taken: set[str] = set()
    ws = wb.active
    ws.title = sheet_title("正文", taken)
    header = [notice.mark, notice.number, notice.title, notice.addressee]
    r = 0
    for text in header:
        if text:
            r += 1
            ws.cell(row=r, column=1, value=spreadsheet_safe(text)).font = Font(
                name=FONT, bold=text == notice.title, size=14 if text == notice.title else 11
            )
    for text, bold in _text_lines(notice):
        r += 1
        cell = ws.cell(row=r, column=1, value=spreadsheet_safe(text))
        cell.font = Font(name=FONT, bold=bold)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.column_dimensions["A"].width = 110
    for table in notice.tables():
        sheet = wb.create_sheet(sheet_title(table.caption, taken))
        _write_table(sheet, 1, table.columns, list(table.rows), set(table.numeric))
        _widths(sheet, table.widths, len(table.columns))
        sheet.freeze_panes = "A2"
    charts = notice.charts()
    if charts:
        sheet = wb.create_sheet(sheet_title("图表", taken))
        row = 1
        for chart in charts:
            row = _chart(sheet, chart, row)
        sheet.column_dimensions["A"].width = 30
    return wb


def render(notice: Notice, fh: IO[bytes]) -> None:
    """Write the notice as .xlsx to a binary file object."""
    build_workbook(notice).save(fh)
