"""Word (.docx) rendering from editable templates, in GB/T 9704-2012 style.

A template is an ordinary .docx a user can open in Word and change: letterhead, logo, fonts,
margins, headers and footers. Three ship with the package (``templates/bulletin.docx`` for
the 文件格式 bulletin and reports, ``letter.docx`` for the 信函格式 supervision letter,
``sheet.docx`` for score sheets); ``--template DIR`` takes the user's files of the same names.

In a template's body, headers and footers these placeholders are replaced:
``{{发文机关标志}}``, ``{{发文机关}}``, ``{{发文字号}}``, ``{{标题}}``, ``{{成文日期}}``, and the
paragraph holding ``{{正文}}`` is where the notice's content goes (appended at the end when
there is none). The content uses the paragraph styles named in :data:`STYLES`; a style the
template lacks is added with the default definition, one it has is used as the user made it.
"""

from __future__ import annotations

from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import IO, Any

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_LINE_SPACING, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Mm, Pt, RGBColor
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph as DocxParagraph

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

TEMPLATE_FOR_LAYOUT = {"file": "bulletin.docx", "letter": "letter.docx", "form": "sheet.docx"}
BODY_MARKER = "{{正文}}"

FANGSONG = "仿宋_GB2312"
XIAOBIAOSONG = "方正小标宋简体"
HEITI = "黑体"
KAITI = "楷体_GB2312"
SONGTI = "宋体"
RED = RGBColor(0xE6, 0x00, 0x12)
LINE = Pt(28.95)  # 22 lines in the 225 mm text block
TEXT_WIDTH_MM = 156
FORM_WIDTH_MM = 170

# name: (font, size pt, bold, alignment, first-line indent in characters, line spacing, extra)
STYLES: dict[str, dict[str, Any]] = {
    "公文正文": {"font": FANGSONG, "size": 16, "indent": 2, "align": "justify"},
    "公文标题": {
        "font": XIAOBIAOSONG,
        "size": 22,
        "align": "center",
        "line": Pt(36),
        "before": 2,
        "after": 1,
    },
    "主送机关": {"font": FANGSONG, "size": 16, "align": "left"},
    "一级标题": {"font": HEITI, "size": 16, "indent": 2, "align": "justify", "keep": True},
    "二级标题": {"font": KAITI, "size": 16, "indent": 2, "align": "justify", "keep": True},
    "三级标题": {"font": FANGSONG, "size": 16, "indent": 2, "bold": True, "keep": True},
    "附件说明": {"font": FANGSONG, "size": 16, "indent": 2, "before": 1},
    "附件说明续": {"font": FANGSONG, "size": 16, "left": 5},
    "署名": {"font": FANGSONG, "size": 16, "align": "right", "right": 2, "before": 2},
    "成文日期": {"font": FANGSONG, "size": 16, "align": "right", "right": 2},
    "附注": {"font": FANGSONG, "size": 16, "indent": 2},
    "附件标识": {"font": HEITI, "size": 16, "align": "left"},
    "附件标题": {
        "font": XIAOBIAOSONG,
        "size": 22,
        "align": "center",
        "line": Pt(36),
        "before": 1,
        "after": 1,
    },
    "表格文字": {"font": FANGSONG, "size": 10.5, "align": "left", "line": None},
    "表格标题行": {"font": HEITI, "size": 10.5, "align": "center", "line": None},
    "表单标题": {"font": XIAOBIAOSONG, "size": 18, "align": "center", "line": Pt(30), "after": 0.5},
    "表单正文": {"font": FANGSONG, "size": 12, "align": "justify", "line": None},
    "表单小标题": {
        "font": HEITI,
        "size": 12,
        "align": "left",
        "line": None,
        "before": 0.3,
        "keep": True,
    },
    "表单说明": {"font": FANGSONG, "size": 12, "align": "center", "line": None, "after": 0.3},
    "版头发文机关": {
        "font": XIAOBIAOSONG,
        "size": 30,
        "align": "center",
        "line": None,
        "color": RED,
        "spacing": 2,
    },
    "版头发文字号": {"font": FANGSONG, "size": 16, "align": "center", "before": 2},
    "版头发文字号右": {"font": FANGSONG, "size": 16, "align": "right"},
    "版记": {"font": FANGSONG, "size": 14, "align": "left", "line": None},
    "页码": {"font": SONGTI, "size": 14, "align": "right", "line": None},
}


# ----------------------------------------------------------------------------- low level


def _set_font(target: Any, name: str) -> None:
    target.font.name = name
    rpr = (
        target.element.get_or_add_rPr()
        if hasattr(target, "element")
        else target._r.get_or_add_rPr()
    )
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), name)


def _border(
    ppr_owner: Any,
    side: str,
    *,
    val: str = "single",
    size: int = 12,
    color: str = "E60012",
    space: int = 1,
) -> None:
    ppr = ppr_owner._p.get_or_add_pPr() if hasattr(ppr_owner, "_p") else ppr_owner
    borders = ppr.find(qn("w:pBdr"))
    if borders is None:
        borders = OxmlElement("w:pBdr")
        ppr.append(borders)
    edge = OxmlElement(f"w:{side}")
    edge.set(qn("w:val"), val)
    edge.set(qn("w:sz"), str(size))
    edge.set(qn("w:space"), str(space))
    edge.set(qn("w:color"), color)
    borders.append(edge)


def define_styles(doc: DocumentObject) -> None:
    """Add the notice styles a document lacks; styles it already has are left as they are."""
    existing = {s.name for s in doc.styles}
    for name, spec in STYLES.items():
        if name in existing:
            continue
        style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = doc.styles["Normal"]
        _set_font(style, spec["font"])
        style.font.size = Pt(spec["size"])
        style.font.bold = spec.get("bold", False)
        if "color" in spec:
            style.font.color.rgb = spec["color"]
        if "spacing" in spec:
            rpr = style.element.get_or_add_rPr()
            spacing = OxmlElement("w:spacing")
            spacing.set(qn("w:val"), str(int(spec["spacing"] * 20)))
            rpr.append(spacing)
        fmt = style.paragraph_format
        fmt.alignment = {
            "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
            "center": WD_ALIGN_PARAGRAPH.CENTER,
            "right": WD_ALIGN_PARAGRAPH.RIGHT,
            "left": WD_ALIGN_PARAGRAPH.LEFT,
        }[spec.get("align", "justify")]
        unit = Pt(spec["size"])
        fmt.first_line_indent = Emu(int(unit * spec.get("indent", 0)))
        fmt.left_indent = Emu(int(unit * spec.get("left", 0)))
        fmt.right_indent = Emu(int(unit * spec.get("right", 0)))
        line = spec.get("line", LINE)
        if line is None:
            fmt.line_spacing = 1.15 if spec["size"] < 16 else 1.3
        else:
            fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
            fmt.line_spacing = line
        fmt.space_before = Emu(int(LINE * spec.get("before", 0)))
        fmt.space_after = Emu(int(LINE * spec.get("after", 0)))
        fmt.widow_control = True
        if spec.get("keep"):
            fmt.keep_with_next = True


def _page_number_field(paragraph: DocxParagraph) -> None:
    # "— 3 —": an em-dash, the PAGE field, an em-dash (GB/T 9704 §7.5).
    paragraph.add_run("— ")
    run = paragraph.add_run()
    for kind, text in (
        ("begin", None),
        ("instr", " PAGE "),
        ("separate", None),
        ("text", "1"),
        ("end", None),
    ):
        if kind == "instr":
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        elif kind == "text":
            el = OxmlElement("w:t")
            el.text = text
        else:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        run._r.append(el)
    paragraph.add_run(" —")


def setup_page(doc: DocumentObject, layout: str) -> None:
    """A4, GB/T 9704 margins, page numbers (odd right, even left), letter first page."""
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    if layout == "form":
        section.top_margin, section.bottom_margin = Mm(25), Mm(25)
        section.left_margin, section.right_margin = Mm(22), Mm(18)
    else:
        section.top_margin, section.bottom_margin = Mm(37), Mm(35)
        section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.header_distance = Mm(15)
    section.footer_distance = Mm(22)
    section.start_type = WD_SECTION.NEW_PAGE
    if layout == "form":
        para = section.footer.paragraphs[0]
        para.style = doc.styles["页码"]
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _page_number_field(para)
        return
    doc.settings.odd_and_even_pages_header_footer = True
    odd = section.footer.paragraphs[0]
    odd.style = doc.styles["页码"]
    odd.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    odd.paragraph_format.right_indent = Pt(14)
    _page_number_field(odd)
    even = section.even_page_footer.paragraphs[0]
    even.style = doc.styles["页码"]
    even.alignment = WD_ALIGN_PARAGRAPH.LEFT
    even.paragraph_format.left_indent = Pt(14)
    _page_number_field(even)
    if layout == "letter":
        # 信函格式: no page number on the first page; the lower red double line instead.
        section.different_first_page_header_footer = True
        first = section.first_page_footer.paragraphs[0]
        _border(first, "top", val="thinThickSmallGap", size=24)
        first.paragraph_format.space_after = Mm(12)


def build_template(layout: str) -> DocumentObject:
    """The default template for a layout, built from scratch (what the shipped files hold)."""
    doc = Document()
    define_styles(doc)
    normal = doc.styles["Normal"]
    _set_font(normal, FANGSONG)
    normal.font.size = Pt(16)
    setup_page(doc, layout)
    body = doc.paragraphs[0] if doc.paragraphs else doc.add_paragraph()
    if layout == "file":
        body.text = "{{发文机关标志}}"
        body.style = doc.styles["版头发文机关"]
        body.paragraph_format.space_before = Mm(35 - 8)
        number = doc.add_paragraph("{{发文字号}}", style="版头发文字号")
        _border(number, "bottom", size=12, space=11)
    elif layout == "letter":
        body.text = "{{发文机关标志}}"
        body.style = doc.styles["版头发文机关"]
        _border(body, "bottom", val="thickThinSmallGap", size=24, space=4)
        doc.add_paragraph("{{发文字号}}", style="版头发文字号右")
    else:
        body.text = ""
    doc.add_paragraph(BODY_MARKER, style="公文正文")
    if layout == "form":
        doc.paragraphs[0]._p.getparent().remove(doc.paragraphs[0]._p)
    core = doc.core_properties
    core.author = "casefile-eval"
    core.title = {"file": "评查通报模板", "letter": "执法监督建议书模板", "form": "评查评分表模板"}[
        layout
    ]
    return doc


def write_default_templates(folder: str | Path) -> list[Path]:
    """Write the three default templates (used to produce the shipped files)."""
    out = []
    for layout, name in TEMPLATE_FOR_LAYOUT.items():
        path = Path(folder) / name
        build_template(layout).save(str(path))
        out.append(path)
    return out


def _open_template(layout: str, template_dir: str | Path | None) -> DocumentObject:
    name = TEMPLATE_FOR_LAYOUT[layout]
    if template_dir is not None:
        user = Path(template_dir) / name
        if user.is_file():
            return Document(str(user))
    shipped = resources.files(__package__).joinpath("templates", name)
    if shipped.is_file():
        with shipped.open("rb") as fh:
            return Document(fh)
    return build_template(layout)


# ----------------------------------------------------------------------------- filling


def _all_paragraphs(doc: DocumentObject) -> Iterable[DocxParagraph]:
    yield from doc.paragraphs
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                yield from cell.paragraphs
    for section in doc.sections:
        for part in (
            section.header,
            section.footer,
            section.first_page_header,
            section.first_page_footer,
            section.even_page_header,
            section.even_page_footer,
        ):
            if not part.is_linked_to_previous:
                yield from part.paragraphs


def _replace(paragraph: DocxParagraph, values: dict[str, str]) -> None:
    text = "".join(r.text for r in paragraph.runs)
    if "{{" not in text:
        return
    new = text
    for key, value in values.items():
        new = new.replace(key, value)
    if new == text:
        return
    runs = paragraph.runs
    runs[0].text = new
    for run in runs[1:]:
        run._r.getparent().remove(run._r)


class _Writer:
    """Inserts content before the body marker paragraph."""

    def __init__(self, doc: DocumentObject, marker: DocxParagraph, width_mm: float) -> None:
        self.doc = doc
        self.marker = marker
        self.width_mm = width_mm
        self._styles: dict[str, Any] = {}

    def _style(self, name: str) -> Any:
        if name not in self._styles:
            self._styles[name] = self.doc.styles[name]
        return self._styles[name]

    def para(self, text: str, style: str, *, bold: bool = False) -> DocxParagraph:
        p = self.marker.insert_paragraph_before("")
        _set_style(p, self._style(style))
        if text:
            run = p.add_run(text)
            if bold:
                run.bold = True
        return p

    def page_break(self) -> None:
        p = self.marker.insert_paragraph_before("")
        _set_style(p, self._style("公文正文"))
        p.add_run().add_break(WD_BREAK.PAGE)

    def table(self, columns: int, rows: int) -> DocxTable:
        table = self.doc.add_table(rows=rows, cols=columns)
        self.marker._p.addprevious(table._tbl)
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        _table_borders(table)
        return table


def _table_borders(table: DocxTable) -> None:
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:val"), "single")
        edge.set(qn("w:sz"), "6")
        edge.set(qn("w:space"), "0")
        edge.set(qn("w:color"), "000000")
        borders.append(edge)
    tbl_pr.append(borders)


def _shade(cell: Any, fill: str = "F2F2F2") -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


def _set_style(paragraph: DocxParagraph, style: Any) -> None:
    # Faster than ``paragraph.style = style``, which looks up the default style every time.
    paragraph._p.get_or_add_pPr().get_or_add_pStyle().val = style.style_id


def _cell_text(
    cell: Any, text: str, style: Any, *, bold: bool = False, center: bool = False, size: float = 0
) -> None:
    para = cell.paragraphs[0]
    _set_style(para, style)
    if center:
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = para.add_run(text)
    if bold:
        run.bold = True
    if size:
        run.font.size = Pt(size)


def _widths(table: DocxTable, weights: tuple[float, ...], total_mm: float) -> None:
    columns = len(table.columns)
    weights = weights if len(weights) == columns else (1.0,) * columns
    scale = total_mm / sum(weights)
    sizes = [Emu(int(Mm(w * scale))) for w in weights]
    # Word reads the cell widths, LibreOffice the grid: set both.
    for i, column in enumerate(table.columns):
        column.width = sizes[i]
    for tr in table._tbl.tr_lst:
        row_pr = tr.get_or_add_trPr()
        if row_pr.find(qn("w:cantSplit")) is None:
            row_pr.append(OxmlElement("w:cantSplit"))
        for i, tc in enumerate(tr.tc_lst[:columns]):
            tc.width = sizes[i]


def _header_row(row: Any) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    tr_pr.append(flag)


def _render_table(w: _Writer, block: Table) -> None:
    text_style, head_style = w._style("表格文字"), w._style("表格标题行")
    n = len(block.columns)
    size = 9 if n >= 7 else 0  # 小五 for wide tables (per-agency table, score sheet)
    table = w.table(n, len(block.rows) + 1)
    _widths(table, block.widths, w.width_mm)
    # table.rows[r].cells rebuilds the whole grid on every call; index one flat list instead.
    cells = table._cells
    for i, name in enumerate(block.columns):
        _cell_text(cells[i], name, head_style, center=True, size=size)
        _shade(cells[i])
    _header_row(table.rows[0])
    numeric = set(block.numeric)
    merges = []
    for r, row in enumerate(block.rows, 1):
        base = r * n
        if row.kind == "group":
            _cell_text(cells[base], row.cells[0], text_style, bold=True, size=size)
            _shade(cells[base], "FAFAFA")
            merges.append((cells[base], cells[base + n - 1]))
            continue
        for i in range(n):
            value = row.cells[i] if i < len(row.cells) else ""
            _cell_text(
                cells[base + i],
                value,
                text_style,
                bold=row.kind == "total",
                center=i in numeric,
                size=size,
            )
    for first, last in merges:
        first.merge(last)


def _render_fields(w: _Writer, block: Fields) -> None:
    pairs = list(block.pairs)
    per = block.per_row
    rows = (len(pairs) + per - 1) // per
    table = w.table(per * 2, rows)
    weights = (5, 12) * per
    _widths(table, weights, w.width_mm)
    for i, (label, value) in enumerate(pairs):
        r, c = divmod(i, per)
        label_cell = table.rows[r].cells[c * 2]
        _cell_text(label_cell, label, w._style("表格标题行"), center=True)
        _shade(label_cell)
        _cell_text(table.rows[r].cells[c * 2 + 1], value, w._style("表格文字"))
    # A long value (评语) on a row of its own reads better across the whole width.
    for r in range(rows):
        row = table.rows[r]
        if (
            per == 2
            and len(row.cells) == 4
            and len(row.cells[1].text) > 24
            and not row.cells[3].text
            and not row.cells[2].text
        ):
            row.cells[1].merge(row.cells[3])


def _render_imprint(w: _Writer, block: Imprint) -> None:
    p = w.para("", "版记")
    p.paragraph_format.space_before = Pt(28)
    _border(p, "top", val="single", size=8, color="000000", space=4)
    _border(p, "bottom", val="single", size=8, color="000000", space=4)
    p.paragraph_format.left_indent = Pt(14)
    p.paragraph_format.right_indent = Pt(14)
    p.paragraph_format.tab_stops.add_tab_stop(Mm(w.width_mm) - Pt(28), WD_TAB_ALIGNMENT.RIGHT)
    p.add_run(f"{block.issuer}\t{block.date}印发")


def render_document(notice: Notice, template_dir: str | Path | None = None) -> DocumentObject:
    """The notice as a python-docx Document built on its template."""
    doc = _open_template(notice.layout, template_dir)
    define_styles(doc)
    values = {
        "{{发文机关标志}}": notice.mark,
        "{{发文机关}}": notice.issuer,
        "{{发文字号}}": notice.number,
        "{{标题}}": notice.title,
        "{{成文日期}}": notice.date,
    }
    marker = None
    for paragraph in _all_paragraphs(doc):
        if (
            BODY_MARKER in paragraph.text
            and marker is None
            and paragraph._p.getparent() is doc.element.body
        ):
            marker = paragraph
            continue
        _replace(paragraph, values)
    if marker is None:
        marker = doc.add_paragraph("", style=doc.styles["公文正文"])
    width = FORM_WIDTH_MM if notice.layout == "form" else TEXT_WIDTH_MM
    section = doc.sections[0]
    if section.page_width and section.left_margin is not None and section.right_margin is not None:
        width = (section.page_width - section.left_margin - section.right_margin) / Mm(1)
    w = _Writer(doc, marker, width)
    if notice.layout == "form":
        w.para(notice.title, "表单标题")
        if notice.subtitle:
            w.para(notice.subtitle, "表单说明")
    else:
        w.para(notice.title, "公文标题")
    if notice.addressee:
        w.para(notice.addressee, "主送机关")
    form = notice.layout == "form"
    heading_style = {1: "一级标题", 2: "二级标题", 3: "三级标题"}
    for block in notice.blocks:
        if isinstance(block, Heading):
            style = "表单小标题" if form else heading_style.get(block.level, "三级标题")
            w.para(block.text, style)
        elif isinstance(block, Paragraph):
            p = w.para(block.text, "表单正文" if form else "公文正文", bold=block.bold)
            if not block.indent:
                p.paragraph_format.first_line_indent = Pt(0)
            if block.align != "justify":
                p.alignment = {
                    "left": WD_ALIGN_PARAGRAPH.LEFT,
                    "center": WD_ALIGN_PARAGRAPH.CENTER,
                    "right": WD_ALIGN_PARAGRAPH.RIGHT,
                }[block.align]
        elif isinstance(block, Table):
            _render_table(w, block)
            w.para("", "表格文字")
        elif isinstance(block, Fields):
            _render_fields(w, block)
            w.para("", "表格文字")
        elif isinstance(block, Chart):
            continue  # the charts' data are in the text and tables; charts are drawn in HTML
        elif isinstance(block, AttachmentList):
            for i, item in enumerate(block.items, 1):
                if i == 1:
                    w.para(f"附件：{i}.{item}", "附件说明")
                else:
                    w.para(f"{i}.{item}", "附件说明续")
        elif isinstance(block, Signature):
            w.para(block.issuer, "署名")
            w.para(block.date, "成文日期")
        elif isinstance(block, Note):
            w.para(block.text, "附注")
        elif isinstance(block, Attachment):
            w.page_break()
            w.para(f"附件{block.number}", "附件标识")
            w.para(block.title, "附件标题")
        elif isinstance(block, Imprint):
            _render_imprint(w, block)
    marker._p.getparent().remove(marker._p)
    props = doc.core_properties
    props.title = notice.title
    props.author = notice.issuer or "casefile-eval"
    props.comments = "casefile-eval"
    return doc


def render(notice: Notice, fh: IO[bytes], template_dir: str | Path | None = None) -> None:
    """Write the notice as .docx to a binary file object."""
    render_document(notice, template_dir).save(fh)
