"""Formatting helpers for notice text: dates, numbers, rates, 发文字号, Chinese numerals."""

from __future__ import annotations

import datetime as dt
import re

_DIGITS = "零一二三四五六七八九"


def cn_number(n: int) -> str:
    """1 → 一, 12 → 十二, 23 → 二十三 (for heading numbers up to 99)."""
    if n <= 0:
        return str(n)
    if n < 10:
        return _DIGITS[n]
    if n < 20:
        return "十" + (_DIGITS[n - 10] if n > 10 else "")
    if n < 100:
        tens, ones = divmod(n, 10)
        return _DIGITS[tens] + "十" + (_DIGITS[ones] if ones else "")
    return str(n)


def cn_date(value: dt.date | str | None) -> str:
    """2024年8月29日 (GB/T 9704: Arabic numerals, full year, no leading zeros)."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value[:10])
        except ValueError:
            return value
    return f"{value.year}年{value.month}月{value.day}日"


def num(value: float | int | None) -> str:
    """95 / 92.5 / 88.33: no trailing zeros."""
    if value is None:
        return "—"
    rounded = round(float(value), 2)
    if rounded == int(rounded):
        return str(int(rounded))
    return f"{rounded:.2f}".rstrip("0").rstrip(".")


def pct(rate: float) -> str:
    """0.8571 → 85.71%."""
    return num(rate * 100) + "%"


_YEAR_BRACKETS = re.compile(r"[\[［(（【〔]\s*(\d{4})\s*[\]］)）】〕]")


def doc_number(text: str) -> str:
    """Normalise a 发文字号: the year always in 六角括号 〔〕, no 第, no leading zeros."""
    text = _YEAR_BRACKETS.sub(r"〔\1〕", text.strip())
    match = re.match(r"^(.*〔\d{4}〕)\s*第?\s*0*(\d+)\s*号?$", text)
    if match:
        return f"{match.group(1)}{int(match.group(2))}号"
    return text


def make_number(prefix: str, year: int, serial: int) -> str:
    """机关代字 + 〔年份〕 + 序号 + 号."""
    return doc_number(f"{prefix}〔{year}〕{serial}号")


def period_of(dates: list[str]) -> str:
    """ "2025年度" when every act date falls in one year, else "2024年至2025年"."""
    years = sorted({d[:4] for d in dates if d})
    if not years:
        return "本期"
    if len(years) == 1:
        return f"{years[0]}年度"
    return f"{years[0]}年至{years[-1]}年"


def first_sentence(text: str, limit: int = 60) -> str:
    """The first sentence of a description, cut to ``limit`` characters."""
    text = " ".join(text.split())
    for stop in ("。", "；", "\n"):
        if stop in text:
            text = text.split(stop, 1)[0]
            break
    return text if len(text) <= limit else text[: limit - 1] + "…"
