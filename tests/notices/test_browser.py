"""The HTML notices in headless Chromium: they load offline and the SVG charts render."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

CHROMIUM = next(
    (shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)),
    None,
)
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(CHROMIUM is None, reason="no chromium binary found"),
]


def _chromium(tmp_path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            f"--user-data-dir={tmp_path / 'profile'}",
            *args,
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _bars(dom: str, chart: str) -> int:
    match = re.search(rf'<svg[^>]*data-chart="{chart}"[^>]*>(.*?)</svg>', dom, re.S)
    assert match, f"chart {chart} missing"
    return len(re.findall(r'<rect class="bar"', match.group(1)))


def test_bulletin_charts_render(notices_dir, review, tmp_path):
    page = notices_dir / "评查通报.html"
    result = _chromium(tmp_path, "--dump-dom", page.as_uri())
    dom = result.stdout
    assert "</html>" in dom, result.stderr[-2000:]
    s = review.summary
    assert _bars(dom, "grades") == len(s["grades"]) == 4
    assert _bars(dom, "problems") == min(10, len(s["by_rule"]))
    assert _bars(dom, "agencies") == s["agencies"]
    # the hostile party name is text, not a script element
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in dom
    assert "<script>alert(1)</script>" not in dom
    values = re.findall(r'data-chart="grades".*?</svg>', dom, re.S)[0]
    assert [int(v) for v in re.findall(r'data-value="(\d+)"', values)] == list(s["grades"].values())


def test_bulletin_screenshot(notices_dir, tmp_path):
    shot = tmp_path / "bulletin.png"
    result = _chromium(
        tmp_path,
        "--window-size=900,2400",
        f"--screenshot={shot}",
        (notices_dir / "评查通报.html").as_uri(),
    )
    assert shot.exists(), result.stderr[-2000:]
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000


def test_letter_and_sheet_load_offline(notices_dir, tmp_path):
    for page in [
        *sorted((notices_dir / "执法监督建议书").glob("*.html")),
        notices_dir / "评查评分表" / "XH-2025-002.html",
    ]:
        dom = _chromium(tmp_path, "--dump-dom", page.as_uri()).stdout
        assert "</html>" in dom and "<table" in dom
        assert "林志明" not in dom
