"""Bar charts as inline SVG: no script, no network, opens offline in any browser.

Every bar is a ``<rect class="bar">`` carrying ``data-label`` and ``data-value`` (tests count
them); every label is escaped, so a label taken from a case file stays text.
"""

from __future__ import annotations

from html import escape

from .model import Chart
from .text import num

PALETTE = ("#b22222", "#c0504d", "#d9822b", "#4f81bd", "#2e7d32", "#6d6d6d")
GRADE_COLOURS = {"优秀": "#2e7d32", "良好": "#4f81bd", "合格": "#d9822b", "不合格": "#b22222"}
FONT = "font-family=\"'FangSong','STFangsong','Noto Serif CJK SC','SimSun',serif\""


def _short(label: str, limit: int) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


def svg(chart: Chart) -> str:
    """The chart as an SVG element string."""
    if chart.horizontal:
        return _horizontal(chart)
    return _vertical(chart)


def _empty(chart: Chart, width: int, height: int) -> str:
    return (
        f'<svg class="chart" data-chart="{escape(chart.key)}" data-bars="0" '
        'xmlns="http://www.w3.org/2000/svg" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{escape(chart.title)}" {FONT}>'
        f'<text x="{width // 2}" y="{height // 2}" text-anchor="middle" font-size="14" '
        'fill="#666">无数据</text></svg>'
    )


def _vertical(chart: Chart) -> str:
    width, height = 560, 260
    if not chart.values:
        return _empty(chart, width, 80)
    left, right, top, bottom = 40, 10, 20, 40
    plot_w, plot_h = width - left - right, height - top - bottom
    peak = chart.maximum or max(max(chart.values), 1.0)
    slot = plot_w / len(chart.values)
    bar_w = min(60.0, slot * 0.6)
    parts = [
        f'<svg class="chart" data-chart="{escape(chart.key)}" data-bars="{len(chart.values)}" '
        f'xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="{escape(chart.title)}" {FONT}>',
        f"<title>{escape(chart.title)}</title>",
        f'<line x1="{left}" y1="{top + plot_h}" x2="{width - right}" y2="{top + plot_h}" '
        'stroke="#333" stroke-width="1"/>',
    ]
    for i, (label, value) in enumerate(zip(chart.labels, chart.values, strict=True)):
        h = plot_h * (value / peak) if peak else 0
        x = left + slot * i + (slot - bar_w) / 2
        y = top + plot_h - h
        colour = GRADE_COLOURS.get(label, PALETTE[i % len(PALETTE)])
        parts.append(
            f'<rect class="bar" data-label="{escape(label)}" data-value="{num(value)}" '
            f'x="{x:.1f}" y="{y:.1f}" width="{bar_w:.1f}" height="{h:.1f}" fill="{colour}">'
            f"<title>{escape(label)}：{num(value)}{escape(chart.unit)}</title></rect>"
        )
        parts.append(
            f'<text x="{x + bar_w / 2:.1f}" y="{y - 4:.1f}" text-anchor="middle" '
            f'font-size="13">{num(value)}</text>'
        )
        parts.append(
            f'<text x="{x + bar_w / 2:.1f}" y="{top + plot_h + 20}" text-anchor="middle" '
            f'font-size="14">{escape(_short(label, 8))}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _horizontal(chart: Chart) -> str:
    width = 600
    if not chart.values:
        return _empty(chart, width, 80)
    row, label_w, top, right = 26, 230, 10, 60
    height = top * 2 + row * len(chart.values) + (16 if chart.reference is not None else 0)
    plot_w = width - label_w - right
    peak = chart.maximum or max(max(chart.values), 1.0)
    parts = [
        f'<svg class="chart" data-chart="{escape(chart.key)}" data-bars="{len(chart.values)}" '
        f'xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="{escape(chart.title)}" {FONT}>',
        f"<title>{escape(chart.title)}</title>",
        f'<line x1="{label_w}" y1="{top}" x2="{label_w}" y2="{top + row * len(chart.values)}" '
        'stroke="#333" stroke-width="1"/>',
    ]
    for i, (label, value) in enumerate(zip(chart.labels, chart.values, strict=True)):
        w = plot_w * (value / peak) if peak else 0
        y = top + row * i + 4
        colour = PALETTE[0] if chart.reference is None or value >= chart.reference else "#888"
        parts.append(
            f'<text x="{label_w - 6}" y="{y + 13}" text-anchor="end" font-size="13">'
            f"{escape(_short(label, 16))}</text>"
        )
        parts.append(
            f'<rect class="bar" data-label="{escape(label)}" data-value="{num(value)}" '
            f'x="{label_w}" y="{y}" width="{w:.1f}" height="{row - 8}" fill="{colour}">'
            f"<title>{escape(label)}：{num(value)}{escape(chart.unit)}</title></rect>"
        )
        parts.append(
            f'<text x="{label_w + w + 4:.1f}" y="{y + 13}" font-size="13">'
            f"{num(value)}{escape(chart.unit)}</text>"
        )
    if chart.reference is not None:
        x = label_w + plot_w * (chart.reference / peak)
        bottom = top + row * len(chart.values)
        parts.append(
            f'<line class="reference" x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{bottom}" '
            'stroke="#b22222" stroke-dasharray="4 3"/>'
        )
        parts.append(
            f'<text x="{x:.1f}" y="{bottom + 14}" text-anchor="middle" font-size="12" '
            f'fill="#b22222">合格线{num(chart.reference)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
