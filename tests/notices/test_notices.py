"""Builders and renderers: contents match the batch summary, masking, escaping, safe output."""

from __future__ import annotations

import datetime as dt
import io
import json

import attrs
import openpyxl
import pytest
from docx import Document
from docx.shared import Mm

from casefile_eval.notices import (
    NoticeOptions,
    parse_formats,
    plan_paths,
    render_docx,
    render_html,
    render_md,
    render_xlsx,
    review_notices,
    write_notices,
)
from casefile_eval.notices.builders import bulletin, letters, score_sheets, supervision_basis
from casefile_eval.notices.model import Chart, Fields, Heading, Notice, Paragraph, Table
from casefile_eval.notices.text import cn_date, doc_number, num, pct
from casefile_eval.output import OutputError

from .batch import COMPOUND, EVIL_ID, PERSON, PERSON_ID, PERSON_PHONE

PRIVATE = (PERSON, PERSON_ID, PERSON_PHONE, "文三路88号", COMPOUND)


def _text(notice: Notice) -> str:
    """Every string of a notice, for content assertions."""
    parts = [notice.title, notice.number, notice.addressee, notice.mark]
    for block in notice.blocks:
        for value in attrs.astuple(block, recurse=True):
            parts.append(json.dumps(value, ensure_ascii=False))
    return "\n".join(parts)


# ----------------------------------------------------------------------------- text helpers


@pytest.mark.parametrize(
    ("raw", "normal"),
    [
        ("西司通[2026]03号", "西司通〔2026〕3号"),
        ("西司通（2026）第12号", "西司通〔2026〕12号"),
        ("鲁司〔2023〕33号", "鲁司〔2023〕33号"),
        ("京建法【2023】2", "京建法〔2023〕2号"),
    ],
)
def test_document_numbers_use_hexagonal_brackets(raw, normal):
    assert doc_number(raw) == normal


def test_dates_and_numbers():
    assert cn_date("2024-08-29") == "2024年8月29日"
    assert cn_date(dt.date(2026, 1, 1)) == "2026年1月1日"
    assert num(92.5) == "92.5" and num(90.0) == "90" and pct(0.8333) == "83.33%"


def test_parse_formats():
    assert parse_formats("docx,html") == ("docx", "html")
    assert parse_formats("all") == ("docx", "md", "html", "xlsx")
    with pytest.raises(ValueError, match="pdf"):
        parse_formats("docx,pdf")


# ----------------------------------------------------------------------------- bulletin


def test_bulletin_numbers_match_the_summary(review, options):
    s = review.summary
    notice = bulletin(review, options)
    assert notice.title == "杭州市西湖区司法局关于2025年度行政执法案卷评查情况的通报"
    assert notice.number == "西司通〔2026〕3号"
    assert notice.mark == "杭州市西湖区司法局文件"
    table = next(t for t in notice.tables() if t.caption == "各单位评查情况")
    assert table.columns[:4] == ("序号", "单位", "抽查案卷数（许可/处罚）", "平均分")
    assert table.columns[-4:] == ("优秀率", "合格率", "否决项数", "主要问题")
    assert len(table.rows) == s["agencies"] == 2
    for row, agency in zip(table.rows, s["by_agency"], strict=True):
        cells = row.cells
        assert cells[1] == agency["agency"]
        assert cells[2] == f"{agency['files']}（{agency['licensing']}/{agency['penalty']}）"
        assert cells[3] == num(agency["average"])
        assert [int(c) for c in cells[4:8]] == list(agency["grades"].values())
        assert cells[8] == pct(agency["excellent_rate"]) and cells[9] == pct(agency["pass_rate"])
        assert cells[10] == str(agency["vetoed_files"])
    text = _text(notice)
    assert f"合格率{pct(s['pass_rate'])}" in text and f"优秀率{pct(s['excellent_rate'])}" in text
    assert f"平均得分{num(s['average'])}分" in text
    for name, count in s["grades"].items():
        assert f"{name}{count}件" in text
    # every headline section, in order
    headings = [b.text for b in notice.blocks if isinstance(b, Heading) and b.level == 1]
    assert headings == ["一、基本情况", "二、评查结果", "三、存在的主要问题", "四、下一步工作要求"]
    # the problems with counts and legal basis, the typical case named
    assert "评查项目“行政处罚决定书未加盖印章”。共2件案卷不符合要求" in text
    assert "《中华人民共和国行政处罚法》第五十九条第二款" in text
    charts = {c.key: c for c in notice.charts()}
    assert charts["grades"].values == tuple(float(v) for v in s["grades"].values())
    assert len(charts["problems"].values) == len(s["by_rule"])
    assert len(charts["agencies"].values) == s["agencies"]


def test_bulletin_lists_excellent_files_and_deadline(review):
    notice = bulletin(review, NoticeOptions(org="某司法局", deadline=dt.date(2026, 3, 31)))
    text = _text(notice)
    assert f"共{len(review.summary['excellent_files'])}件案卷评为优秀案卷" in text
    assert "于2026年3月31日前将整改情况书面报送某司法局" in text
    attachment = next(t for t in notice.tables() if t.caption == "优秀案卷名单")
    assert len(attachment.rows) == len(review.summary["excellent_files"])


def test_notices_mask_personal_data(review, options):
    for notice in review_notices(review, options):
        text = _text(notice)
        for private in PRIVATE:
            assert private not in text, (notice.kind, notice.stem, private)
    sheet = next(n for n in score_sheets(review, options) if n.stem == "XH-2025-002")
    fields = dict(next(b for b in sheet.blocks if isinstance(b, Fields)).pairs)
    assert fields["当事人"] == "林某"
    assert fields["案件名称（案由）"] == "林某销售超过保质期的食品案"


def test_unmasked_copies_keep_personal_data(review, options):
    from casefile_eval.masking import Masker

    raw = attrs.evolve(review, masker=Masker(enabled=False))
    text = "\n".join(_text(n) for n in review_notices(raw, options))
    assert PERSON in text and PERSON_ID in text and COMPOUND in text


# ----------------------------------------------------------------------------- letters


def test_one_letter_per_agency_with_problems_basis_and_deadline(review, options):
    out = letters(review, options)
    assert [n.addressee for n in out] == [f"{a['agency']}：" for a in review.summary["by_agency"]]
    assert [n.number for n in out] == ["杭司执监建〔2026〕1号", "杭司执监建〔2026〕2号"]
    xihu = next(n for n in out if "西湖" in n.addressee)
    text = _text(xihu)
    assert "评查项目“行政处罚决定书未加盖印章”不符合要求（2件）" in text
    assert "杭西市监处罚〔2025〕21号" in text and "杭西市监处罚〔2025〕22号" in text
    assert "违反规定：《中华人民共和国行政处罚法》第五十九条第二款" in text
    assert "整改建议：行政处罚决定书应当加盖作出决定的行政机关的印章" in text
    assert "请于收到本建议书之日起15日内将整改情况书面报送杭州市西湖区司法局" in text
    # the value that decided it
    assert "加盖印章" in text and "否" in text
    assert xihu.layout == "letter" and xihu.title == "行政执法监督建议书"


def test_supervision_basis_follows_the_regulation_in_force():
    assert "《行政执法监督条例》" in supervision_basis(dt.date(2026, 2, 1), NoticeOptions())
    assert "条例" not in supervision_basis(dt.date(2026, 1, 31), NoticeOptions())
    assert supervision_basis(dt.date(2025, 1, 1), NoticeOptions(supervision_basis="X")) == "X"


# ----------------------------------------------------------------------------- score sheets


def test_score_sheet_veto_first_items_by_category_pending_and_total(review, options):
    sheets = {n.stem: n for n in score_sheets(review, options)}
    assert len(sheets) == len(review.results)
    veto_case = sheets[EVIL_ID]
    kinds = [type(b).__name__ for b in veto_case.blocks]
    assert kinds[:3] == ["Fields", "Heading", "Table"]
    veto_table = veto_case.blocks[2]
    assert veto_table.caption == "否决项目"
    assert veto_table.rows[0].cells[:2] == ("执法主体管辖权未确认", "是（否决）")
    detail = next(t for t in veto_case.tables() if t.caption == "评分明细")
    assert detail.columns == (
        "评查项目",
        "评查内容",
        "分值",
        "扣分",
        "得分",
        "扣分理由",
        "评定方式",
    )
    texts = _text(veto_case)
    assert "待人工复核：听证告知情况需人工核对" in texts
    assert "机器初评" in texts
    total = detail.rows[-1].cells
    result = review.by_id()[EVIL_ID]
    assert total[0] == "总分" and total[4] == num(result.score.total) == "0"
    fields = dict(veto_case.blocks[-1].pairs)
    assert fields["等次"] == "不合格" and fields["案件是否成立"] == "不成立"
    assert fields["评查人（签名）"] == ""
    header = dict(veto_case.blocks[0].pairs)
    assert header["被评查单位"] == "杭州市余杭区市场监督管理局"
    assert header["评查人"] == "" and header["评查时间"] == "2026年1月1日"
    assert header["立案（受理）日期"] == "2025年3月5日"


def test_manual_judgement_shows_as_human_review(batch_dir, options, tmp_path):
    from casefile_eval.judgements import load_judgements

    sheet_path = tmp_path / "j.json"
    sheet_path.write_text(
        json.dumps(
            [
                {
                    "case_id": EVIL_ID,
                    "rule_id": "TST-PROC-001",
                    "outcome": "fail",
                    "deduction": 2,
                    "comment": "未告知听证权利",
                    "reviewer": "王审",
                }
            ],
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    from casefile_eval.engine import Evaluator
    from casefile_eval.loading import load
    from casefile_eval.plugins import PluginSet

    from .batch import RUBRIC

    evaluator = Evaluator(
        plugins=PluginSet.load(entry_points=False, rubrics_dirs=[RUBRIC]),
        as_of=dt.date(2026, 1, 1),
    )
    try:
        evaluator.judgements = load_judgements(
            str(sheet_path), known_rules=evaluator.max_deductions()
        )
    except Exception as exc:  # the judgement sheet format belongs to the core
        pytest.skip(f"judgement sheet format: {exc}")
    case = next(c.case for c in load([batch_dir]) if c.ok and c.case.case_id == EVIL_ID)
    result = evaluator.evaluate(case)
    from casefile_eval.notices import ReviewData

    data = ReviewData.build([result], evaluator=evaluator)
    sheet = next(score_sheets(data, options))
    detail = next(t for t in sheet.tables() if t.caption == "评分明细")
    row = next(r for r in detail.rows if r.cells[0] == "听证告知情况需人工核对")
    assert row.cells[-1] == "人工复评" and row.cells[3] == "2"
    assert "复评意见：未告知听证权利" in row.cells[5]


# ----------------------------------------------------------------------------- renderers


def test_markdown_escapes_untrusted_text(review, options):
    text = render_md.render(bulletin(review, options))
    assert "<script>" not in text and "&lt;script&gt;" in text
    assert "# 杭州市西湖区司法局关于2025年度行政执法案卷评查情况的通报" in text


def test_html_escapes_untrusted_text_and_draws_charts(review, options):
    html = render_html.render(bulletin(review, options))
    assert "<script" not in html.lower().replace("&lt;script", "")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert html.count('<rect class="bar"') == 4 + len(review.summary["by_rule"]) + 2
    assert "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "").replace(
        "HYPERLINK(&#34;http://x&#34;)", ""
    ).replace('HYPERLINK("http://x")', "")


def test_docx_bulletin_layout_and_numbers(review, options):
    notice = bulletin(review, options)
    buf = io.BytesIO()
    render_docx.render(notice, buf)
    doc = Document(io.BytesIO(buf.getvalue()))
    texts = [p.text for p in doc.paragraphs]
    assert texts[0] == "杭州市西湖区司法局文件"
    assert texts[1] == "西司通〔2026〕3号"
    assert notice.title in texts and "各行政执法单位：" in texts
    assert "{{" not in "".join(texts)
    title = next(p for p in doc.paragraphs if p.text == notice.title)
    assert title.style.name == "公文标题" and title.style.font.size.pt == 22
    assert doc.styles["公文正文"].font.size.pt == 16
    mark = doc.paragraphs[0]
    assert str(mark.style.font.color.rgb) == "E60012"
    section = doc.sections[0]
    assert (round(section.page_width / Mm(1)), round(section.page_height / Mm(1))) == (210, 297)
    margins = [section.top_margin, section.left_margin, section.bottom_margin, section.right_margin]
    assert [round(m / Mm(1)) for m in margins] == [37, 28, 35, 26]
    footer = section.footer._element.xml
    assert "PAGE" in footer and "— " in section.footer.paragraphs[0].text
    agency_table = next(t for t in doc.tables if t.rows[0].cells[1].text == "单位")
    for row, agency in zip(agency_table.rows[1:], review.summary["by_agency"], strict=True):
        assert row.cells[1].text == agency["agency"]
        assert row.cells[3].text == num(agency["average"])
        assert row.cells[9].text == pct(agency["pass_rate"])
    body = "\n".join(texts) + "".join(c.text for t in doc.tables for r in t.rows for c in r.cells)
    for private in PRIVATE:
        assert private not in body


def test_docx_letter_uses_letter_format(review, options):
    notice = letters(review, options)[0]
    buf = io.BytesIO()
    render_docx.render(notice, buf)
    doc = Document(io.BytesIO(buf.getvalue()))
    section = doc.sections[0]
    assert section.different_first_page_header_footer
    assert "PAGE" not in section.first_page_footer._element.xml
    assert doc.paragraphs[0].text == "杭州市西湖区司法局"
    assert doc.paragraphs[1].text == notice.number


def test_user_template_keeps_letterhead_and_styles(review, options, tmp_path):
    template = render_docx.build_template("file")
    template.sections[0].header.paragraphs[0].text = "我的信头 {{发文机关}}"
    template.styles["公文正文"].font.size = render_docx.Pt(15)
    template.add_paragraph("{{成文日期}}印发", style="版记")
    folder = tmp_path / "tpl"
    folder.mkdir()
    template.save(str(folder / "bulletin.docx"))
    buf = io.BytesIO()
    render_docx.render(bulletin(review, options), buf, folder)
    doc = Document(io.BytesIO(buf.getvalue()))
    assert doc.sections[0].header.paragraphs[0].text == "我的信头 杭州市西湖区司法局"
    assert doc.styles["公文正文"].font.size.pt == 15
    assert doc.paragraphs[-1].text == "2026年1月1日印发"


def test_xlsx_sheet_and_bulletin_are_neutralised(review, options):
    notice = bulletin(review, options)
    wb = render_xlsx.build_workbook(notice)
    assert "各单位评查情况" in wb.sheetnames and "图表" in wb.sheetnames
    ws = wb["各单位评查情况"]
    header = [c.value for c in ws[1]]
    for row, agency in zip(
        ws.iter_rows(min_row=2, values_only=True), review.summary["by_agency"], strict=True
    ):
        record = dict(zip(header, row, strict=True))
        assert record["单位"] == agency["agency"]
        assert record["平均分"] == agency["average"]
    summary = wb["评查结果汇总表"]
    values = [c for row in summary.iter_rows(values_only=True) for c in row]
    assert '\'=HYPERLINK("http://x")' in values
    assert not any(isinstance(v, str) and v.startswith("=") for v in values)


def test_xlsx_score_sheet_form(review, options):
    sheet = next(n for n in score_sheets(review, options) if n.stem == "XH-2025-002")
    buf = io.BytesIO()
    render_xlsx.render(sheet, buf)
    wb = openpyxl.load_workbook(io.BytesIO(buf.getvalue()))
    values = [c for row in wb.active.iter_rows(values_only=True) for c in row if c is not None]
    assert "行政执法案卷评查评分表" in values and "林某" in values
    assert PERSON not in " ".join(map(str, values))
    result = review.by_id()["XH-2025-002"]
    assert num(result.score.total) in [str(v) for v in values]


# ----------------------------------------------------------------------------- writing


def test_paths_stay_inside_the_output_folder(review, options, tmp_path):
    planned = plan_paths(review_notices(review, options), tmp_path / "out", ["md"])
    root = (tmp_path / "out").resolve()
    for _, _, path in planned:
        assert root in path.parents
    names = {p.name for _, _, p in planned}
    assert "___etc_x.md" in names


def test_existing_files_are_kept_without_force(review, options, tmp_path):
    notices = [bulletin(review, options)]
    written = write_notices(notices, tmp_path, formats=["md"])
    written[0].write_text("mine", encoding="utf-8")
    with pytest.raises(OutputError, match="已存在"):
        write_notices(notices, tmp_path, formats=["md", "html"])
    assert written[0].read_text(encoding="utf-8") == "mine"
    assert not (tmp_path / "评查通报.html").exists()  # nothing written when one exists
    write_notices(notices, tmp_path, formats=["md"], force=True)
    assert written[0].read_text(encoding="utf-8") != "mine"


def test_a_failure_mid_way_leaves_no_half_written_file(review, options, tmp_path, monkeypatch):
    def broken(notice, fh, template_dir=None):
        fh.write(b"PK\x03\x04 half a zip")
        raise RuntimeError("disk full")

    monkeypatch.setattr(render_docx, "render", broken)
    with pytest.raises(RuntimeError):
        write_notices([bulletin(review, options)], tmp_path, formats=["md", "docx"])
    assert (tmp_path / "评查通报.md").exists()
    assert not (tmp_path / "评查通报.docx").exists()
    assert not list(tmp_path.glob("*.part")) and not list(tmp_path.glob(".*.part"))


def test_charts_are_skipped_in_docx_but_data_kept(review, options):
    notice = bulletin(review, options)
    assert any(isinstance(b, Chart) for b in notice.blocks)
    assert any(isinstance(b, Table) for b in notice.blocks)
    assert any(isinstance(b, Paragraph) and "合格率" in b.text for b in notice.blocks)


@pytest.mark.parametrize("name", ["bulletin.docx", "letter.docx", "sheet.docx"])
def test_shipped_templates_open_and_hold_the_body_marker(name):
    from importlib import resources

    shipped = resources.files("casefile_eval.notices").joinpath("templates", name)
    doc = Document(io.BytesIO(shipped.read_bytes()))
    assert render_docx.BODY_MARKER in [p.text for p in doc.paragraphs]
    section = doc.sections[0]
    assert round(section.page_width / Mm(1)) == 210
    missing = set(render_docx.STYLES) - {s.name for s in doc.styles}
    assert not missing
