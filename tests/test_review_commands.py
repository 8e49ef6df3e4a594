"""End-to-end: notice, selfcheck, compare, sample and score --format xlsx from the CLI."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import openpyxl
import pytest
from docx import Document

from casefile_eval.cli import main
from notices.batch import EVIL_ID, PERSON, PERSON_ID, YUHANG, plugin_args, write_batch

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_cases"
AS_OF = ["--as-of", "2026-01-01"]


@pytest.fixture
def batch(tmp_path):
    return write_batch(tmp_path / "cases")


def _summary(paths, tmp_path, *extra) -> dict:
    out = tmp_path / "summary.json"
    main(["score", *map(str, paths), "--format", "json", "-o", str(out), "--force", *AS_OF, *extra])
    return json.loads(out.read_text(encoding="utf-8"))


# ----------------------------------------------------------------------------- notice


@pytest.mark.slow
def test_notice_on_the_sample_cases_writes_everything(tmp_path, capsys):
    out = tmp_path / "notices"
    code = main(["notice", str(SAMPLES), "--out", str(out), *AS_OF])
    assert code in (0, 4), capsys.readouterr().err
    data = _summary([SAMPLES], tmp_path)
    summary, results = data["summary"], data["results"]
    for fmt in ("docx", "md", "html", "xlsx"):
        assert (out / f"评查通报.{fmt}").is_file()
        letters = sorted((out / "执法监督建议书").glob(f"*.{fmt}"))
        assert len(letters) == summary["agencies"]
        sheets = sorted((out / "评查评分表").glob(f"*.{fmt}"))
        assert len(sheets) == len(results) == summary["valid"]
    wb = openpyxl.load_workbook(out / "评查通报.xlsx")
    ws = wb["各单位评查情况"]
    header = [c.value for c in ws[1]]
    rows = [dict(zip(header, r, strict=True)) for r in ws.iter_rows(min_row=2, values_only=True)]
    assert [r["单位"] for r in rows] == [a["agency"] for a in summary["by_agency"]]
    assert [r["平均分"] for r in rows] == [a["average"] for a in summary["by_agency"]]
    assert [r["否决项数"] for r in rows] == [a["vetoed_files"] for a in summary["by_agency"]]
    doc = Document(str(out / "评查通报.docx"))
    body = "\n".join(p.text for p in doc.paragraphs)
    assert (
        f"共{summary['valid']}件" in body.replace("的", "") or f"{summary['valid']}件案卷" in body
    )


def test_notice_masks_escapes_and_keeps_paths_inside(batch, tmp_path, capsys):
    out = tmp_path / "out"
    code = main(["notice", str(batch), "--out", str(out), *AS_OF, *plugin_args()])
    assert code == 0, capsys.readouterr().err
    written = [p for p in tmp_path.rglob("*") if p.is_file() and batch not in p.parents]
    assert written and all(out.resolve() in p.resolve().parents for p in written)
    assert (out / "评查评分表" / "___etc_x.docx").is_file()
    assert not (tmp_path / "etc").exists()
    for path in written:
        if path.suffix in (".md", ".html"):
            text = path.read_text(encoding="utf-8")
            assert PERSON not in text and PERSON_ID not in text, path
            assert "<script>alert" not in text, path
    sheet = Document(str(out / "评查评分表" / "XH-2025-002.docx"))
    cells = [c.text for t in sheet.tables for r in t.rows for c in r.cells]
    assert "林某" in cells and PERSON not in " ".join(cells)
    assert "行政执法案卷评查评分表" in [p.text for p in sheet.paragraphs]


def test_notice_no_mask_and_force(batch, tmp_path, capsys):
    out = tmp_path / "out"
    args = ["notice", str(batch), "--out", str(out), "--format", "md", *AS_OF, *plugin_args()]
    assert main([*args, "--no-mask"]) == 0
    assert PERSON in (out / "评查评分表" / "XH-2025-002.md").read_text(encoding="utf-8")
    before = (out / "评查通报.md").read_bytes()
    capsys.readouterr()
    assert main(args) == 2
    assert "已存在" in capsys.readouterr().err
    assert (out / "评查通报.md").read_bytes() == before
    assert main([*args, "--force"]) == 0
    assert PERSON not in (out / "评查评分表" / "XH-2025-002.md").read_text(encoding="utf-8")


def test_notice_options(batch, tmp_path):
    out = tmp_path / "out"
    code = main(
        [
            "notice", str(batch), "--out", str(out), "--format", "md",
            "--org", "杭州市西湖区司法局", "--notice-no", "西司通(2026)第05号",
            "--letter-prefix", "西司执监建", "--date", "2026-02-10", "--deadline", "2026-03-31",
            "--feedback-days", "10", "--period", "2025年度下半年", "--to", "区级各行政执法部门：",
            *AS_OF, *plugin_args(),
        ]
    )  # fmt: skip
    assert code == 0
    bulletin = (out / "评查通报.md").read_text(encoding="utf-8")
    assert "西司通〔2026〕5号" in bulletin
    assert "杭州市西湖区司法局关于2025年度下半年行政执法案卷评查情况的通报" in bulletin
    assert "区级各行政执法部门：" in bulletin and "于2026年3月31日前" in bulletin
    assert "2026年2月10日" in bulletin
    letter = (out / "执法监督建议书" / f"{YUHANG}.md").read_text(encoding="utf-8")
    assert "西司执监建〔2026〕1号" in letter
    assert "10日内将整改情况书面报送" in letter
    assert "根据《行政执法监督条例》有关规定" in letter


def test_notice_template_folder(batch, tmp_path):
    from casefile_eval.notices.render_docx import build_template

    folder = tmp_path / "tpl"
    folder.mkdir()
    letter = build_template("letter")
    letter.sections[0].first_page_header.paragraphs[0].text = "地址：西湖区某路1号  邮编：310000"
    letter.save(str(folder / "letter.docx"))
    out = tmp_path / "out"
    code = main(
        ["notice", str(batch), "--out", str(out), "--format", "docx", "--template", str(folder),
         *AS_OF, *plugin_args()]
    )  # fmt: skip
    assert code == 0
    doc = Document(str(out / "执法监督建议书" / f"{YUHANG}.docx"))
    assert "邮编：310000" in doc.sections[0].first_page_header.paragraphs[0].text
    assert main(["notice", str(batch), "--out", str(out), "--template", str(tmp_path / "none"),
                 "--force", *AS_OF, *plugin_args()]) == 2  # fmt: skip


def test_notice_usage_errors_and_invalid_inputs(batch, tmp_path, capsys):
    assert main(["notice", str(batch), "--out", str(tmp_path / "o"), "--format", "pdf"]) == 2
    assert "pdf" in capsys.readouterr().err
    (batch / "broken.json").write_text("{", encoding="utf-8")
    out = tmp_path / "o2"
    code = main(["notice", str(batch), "--out", str(out), "--format", "md", *AS_OF, *plugin_args()])
    assert code == 3
    assert (out / "评查通报.md").is_file()
    assert "未能评分" in (out / "评查通报.md").read_text(encoding="utf-8")


# ----------------------------------------------------------------------------- score xlsx


def test_score_xlsx(batch, tmp_path, capsys):
    out = tmp_path / "r.xlsx"
    assert main(["score", str(batch), "--format", "xlsx", *AS_OF, *plugin_args()]) == 2
    assert "-o" in capsys.readouterr().err
    assert (
        main(["score", str(batch), "--format", "xlsx", "-o", str(out), *AS_OF, *plugin_args()]) == 0
    )
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["评查结果", "汇总", "评查项目"]
    results = list(wb["评查结果"].iter_rows(min_row=2, values_only=True))
    assert len(results) == 6
    values = [v for row in wb["评查结果"].iter_rows(values_only=True) for v in row]
    assert not any(isinstance(v, str) and v[:1] in "=+-@" for v in values)
    summary = {r[0]: r[1] for r in wb["汇总"].iter_rows(values_only=True) if r and r[0]}
    expected = _summary([batch], tmp_path, *plugin_args())["summary"]
    assert summary["有效案卷"] == expected["valid"] and summary["平均分"] == expected["average"]
    items = list(wb["评查项目"].iter_rows(min_row=2, values_only=True))
    assert any(r[0] == EVIL_ID and r[2] == "TST-SUBJ-001" and r[9] == "是" for r in items)
    assert main(["score", str(batch), "--format", "xlsx", "-o", str(out), *AS_OF]) == 2


# ----------------------------------------------------------------------------- selfcheck


def test_selfcheck_orders_by_points_at_stake(batch, tmp_path, capsys):
    out = tmp_path / "self"
    code = main(["selfcheck", str(batch), "--out", str(out), *AS_OF, *plugin_args()])
    assert code == 0
    table = capsys.readouterr().out
    assert "XH-2025-002" in table and "当事人身份未核实" in table
    report = (out / "自查报告.md").read_text(encoding="utf-8")
    section = report.split("林某销售超过保质期的食品案", 1)[1]
    assert section.index("当事人身份未核实") < section.index("行政处罚决定书未加盖印章")
    assert "调查取证时应当核实当事人身份" in section  # how to fix
    assert "现得分85分，等次良好" in section
    assert PERSON not in report
    assert {p.suffix for p in out.iterdir()} == {".docx", ".md", ".html", ".xlsx"}


def test_selfcheck_without_out_only_prints(batch, tmp_path, capsys):
    assert main(["selfcheck", str(batch), *AS_OF, *plugin_args()]) == 0
    assert "首要整改问题" in capsys.readouterr().out


# ----------------------------------------------------------------------------- compare


def test_compare_two_runs(batch, tmp_path, capsys):
    old = tmp_path / "old.jsonl"
    new = tmp_path / "new.jsonl"
    assert (
        main(["score", str(batch), "--format", "jsonl", "-o", str(old), *AS_OF, *plugin_args()])
        == 0
    )
    fixed = tmp_path / "fixed"
    shutil.copytree(batch, fixed)
    case = json.loads((fixed / "case-02.json").read_text(encoding="utf-8"))
    case["decision"]["sealed"] = True
    (fixed / "case-02.json").write_text(json.dumps(case, ensure_ascii=False), encoding="utf-8")
    case = json.loads((fixed / "case-05.json").read_text(encoding="utf-8"))
    case["decision"]["sealed"] = False
    (fixed / "case-05.json").write_text(json.dumps(case, ensure_ascii=False), encoding="utf-8")
    (fixed / "broken.json").write_text("{", encoding="utf-8")
    main(
        [
            "score",
            str(fixed),
            "--format",
            "jsonl",
            "-o",
            str(new),
            "--as-of",
            "2026-03-01",
            *plugin_args(),
        ]
    )
    assert '"ok":false' in new.read_text(encoding="utf-8")
    capsys.readouterr()
    out = tmp_path / "cmp"
    assert (
        main(["compare", str(old), str(new), "--out", str(out), "--org", "杭州市西湖区司法局"]) == 0
    )
    captured = capsys.readouterr()
    assert (
        "已整改 1" in captured.err
        and "新增问题 1" in captured.err
        and "跳过无效记录 1" in captured.err
    )
    line = next(ln for ln in captured.out.splitlines() if ln.startswith("XH-2025-002"))
    assert "85 良好" in line and "88 良好" in line and "+3" in line
    report = (out / "回头看报告.md").read_text(encoding="utf-8")
    assert "已整改1个" in report and "新增问题" in report and "未整改" in report
    assert PERSON not in report
    doc = Document(str(out / "回头看报告.docx"))
    assert doc.paragraphs[0].text == "杭州市西湖区司法局文件"


def test_compare_rejects_files_that_are_not_results(tmp_path, capsys):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"case_id": "x"}\n', encoding="utf-8")
    assert main(["compare", str(bad), str(bad)]) == 2
    assert "bad.jsonl:1" in capsys.readouterr().err
    assert main(["compare", str(tmp_path / "missing.jsonl"), str(bad)]) == 2


# ----------------------------------------------------------------------------- sample


def _sample(capsys, *args) -> dict:
    assert main(["sample", *map(str, args), "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_sample_is_reproducible_and_lists_pools(batch, capsys):
    first = _sample(capsys, batch, "--n", "3", "--seed", "7")
    again = _sample(capsys, batch, "--n", "3", "--seed", "7")
    assert first == again and first["drawn"] == 3 and first["pool_size"] == 6
    pools = {(p["agency"], p["kind"]): (p["pool"], p["drawn"]) for p in first["pools"]}
    assert sum(p[0] for p in pools.values()) == 6 and sum(p[1] for p in pools.values()) == 3
    other = [_sample(capsys, batch, "--n", "3", "--seed", s)["files"] for s in range(10)]
    assert len({json.dumps(o) for o in other}) > 1


def test_sample_per_agency_and_ratio(batch, capsys):
    drawn = _sample(capsys, batch, "--n", "2", "--per-agency", "--seed", "1")
    per_agency: dict[str, int] = {}
    for f in drawn["files"]:
        per_agency[f["agency"]] = per_agency.get(f["agency"], 0) + 1
    assert per_agency == {"杭州市余杭区市场监督管理局": 2, "杭州市西湖区市场监督管理局": 2}
    ratio = _sample(capsys, batch, "--ratio", "50%", "--per-agency", "--seed", "1")
    assert ratio["drawn"] == 4  # ceil(3 × 0.5) per agency
    for bad in (["--ratio", "2"], [], ["--n", "0"], ["--n", "1", "--ratio", "0.5"]):
        with pytest.raises(SystemExit) as exc:
            main(["sample", str(batch), *bad])
        assert exc.value.code == 2


def test_sample_copy_to_stays_inside(batch, tmp_path, capsys):
    dest = tmp_path / "drawn"
    assert main(["sample", str(batch), "--n", "6", "--seed", "1", "--copy-to", str(dest)]) == 0
    names = sorted(p.name for p in dest.iterdir())
    assert "___etc_x.json" in names and len(names) == 6
    assert not (tmp_path / "etc").exists()
    copied = json.loads((dest / "___etc_x.json").read_text(encoding="utf-8"))
    assert copied["case_id"] == EVIL_ID
    capsys.readouterr()
    assert main(["sample", str(batch), "--n", "6", "--seed", "1", "--copy-to", str(dest)]) == 2
    assert (
        main(["sample", str(batch), "--n", "6", "--seed", "1", "--copy-to", str(dest), "--force"])
        == 0
    )


def test_help_lists_the_review_commands(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    for name in ("notice", "selfcheck", "compare", "sample"):
        assert name in out
