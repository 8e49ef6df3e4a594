"""Parse, normalise and compare legal citations found in Chinese enforcement documents.

A citation names an instrument (法律、行政法规、规章 …) and optionally a provision in it:
条 (article), 款 (paragraph), 项 (item) and 目 (sub-item), e.g.
``《中华人民共和国食品安全法》第一百二十四条第一款第（三）项``.

Typical use by a rule author::

    from casefile_eval.citations import Citation, parse_citations, missing_parts

    basis = Citation("行政处罚法", 57)              # short titles are canonicalised
    for c in parse_citations(decision_text):
        if basis.covers(c):
            ...
        problems = missing_parts(c, has_paragraphs=True)

Everything here is pure and thread-safe; regular expressions are compiled at import time and
title canonicalisation is cached.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from types import MappingProxyType
from typing import Final, Literal

import attrs

__all__ = [
    "LAW_ALIASES",
    "MISSING_ARTICLE",
    "MISSING_ITEM",
    "MISSING_PARAGRAPH",
    "PRC_PREFIX",
    "Citation",
    "CitationError",
    "CitationStyle",
    "canonical_law_title",
    "chinese_to_int",
    "int_to_chinese",
    "missing_parts",
    "parse_citation",
    "parse_citations",
    "same_law",
    "short_law_title",
    "split_edition",
]

PRC_PREFIX: Final = "中华人民共和国"

CitationStyle = Literal["chinese", "arabic"]
Level = Literal["law", "article", "paragraph", "item", "sub_item"]

MISSING_ARTICLE: Final = "未引用到条"
MISSING_PARAGRAPH: Final = "该条分款，未引用到款"
MISSING_ITEM: Final = "该款分项，未引用到项"


class CitationError(ValueError):
    """Raised when text does not hold exactly one citation, or a citation is malformed."""


# ---------------------------------------------------------------------------------------------
# Chinese numerals
# ---------------------------------------------------------------------------------------------

_CN_DIGITS: Final[Mapping[str, int]] = MappingProxyType(
    {
        "零": 0, "〇": 0, "○": 0,
        "一": 1, "壹": 1,
        "二": 2, "两": 2, "贰": 2,
        "三": 3, "叁": 3,
        "四": 4, "肆": 4,
        "五": 5, "伍": 5,
        "六": 6, "陆": 6,
        "七": 7, "柒": 7,
        "八": 8, "捌": 8,
        "九": 9, "玖": 9,
    }
)  # fmt: skip
_CN_UNITS: Final[Mapping[str, int]] = MappingProxyType(
    {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
)
_STATUTE_DIGITS: Final = "零一二三四五六七八九"


def chinese_to_int(text: str) -> int:
    """Convert a Chinese numeral such as ``"一百二十四"`` to an int.

    Accepts the statute style (十, 十一, 二十, 一百零五, 一百一十, 一千二百五十九), 两, financial
    numerals (壹贰叁 … 拾佰仟), digit-by-digit spellings (``"二〇二一"`` → 2021) and plain ASCII
    or full-width Arabic digits. Raises :class:`ValueError` on anything else, including the
    ambiguous colloquial ``"一百五"`` (150 or 105?).
    """
    s = text.strip()
    if not s:
        raise ValueError("空的数字 / empty numeral")
    if s.isdecimal():
        return int(s)
    if all(ch in _CN_DIGITS for ch in s):
        # No units at all: a positional spelling such as a year (二〇二一) or a single digit.
        value = 0
        for ch in s:
            value = value * 10 + _CN_DIGITS[ch]
        return value
    total = 0
    pending: int | None = None
    last_unit = 10_000
    zero_since_unit = False
    for ch in s:
        if ch in _CN_DIGITS:
            digit = _CN_DIGITS[ch]
            if digit == 0:
                if pending is not None:
                    raise ValueError(f"无法识别的中文数字 / bad Chinese numeral: {text!r}")
                zero_since_unit = True
                continue
            if pending is not None:
                raise ValueError(f"无法识别的中文数字 / bad Chinese numeral: {text!r}")
            pending = digit
        elif ch in _CN_UNITS:
            unit = _CN_UNITS[ch]
            if unit >= last_unit:
                raise ValueError(f"无法识别的中文数字 / bad Chinese numeral: {text!r}")
            if pending is None:
                # A bare 十 means 一十 (statute style writes 十一 for 11; 一百十 is tolerated).
                if unit != 10:
                    raise ValueError(f"无法识别的中文数字 / bad Chinese numeral: {text!r}")
                pending = 1
            total += pending * unit
            pending = None
            last_unit = unit
            zero_since_unit = False
        else:
            raise ValueError(f"无法识别的中文数字 / bad Chinese numeral: {text!r}")
    if zero_since_unit and pending is None:
        raise ValueError(f"无法识别的中文数字 / bad Chinese numeral: {text!r}")  # 一百零
    if pending is not None:
        if last_unit > 10 and not zero_since_unit:
            raise ValueError(f"有歧义的中文数字 / ambiguous Chinese numeral: {text!r}")
        total += pending
    return total


def int_to_chinese(number: int) -> str:
    """Spell ``number`` (1..9999) in Chinese numerals as statutes do.

    ``124`` → ``"一百二十四"``, ``10``–``19`` start with 十 (``"十一"``), ``110`` →
    ``"一百一十"``, ``105`` → ``"一百零五"``, ``1050`` → ``"一千零五十"``.
    """
    if isinstance(number, bool) or not isinstance(number, int):
        raise TypeError(f"expected int, got {type(number).__name__}")
    if not 1 <= number <= 9999:
        raise ValueError(f"超出范围 1–9999 / out of range 1..9999: {number}")
    out: list[str] = []
    started = False
    gap = False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = number // value % 10
        if digit == 0:
            gap = gap or started
            continue
        if gap:
            out.append("零")
            gap = False
        out.append(_STATUTE_DIGITS[digit] + unit)
        started = True
    result = "".join(out)
    if 10 <= number <= 19:
        result = result[1:]  # 十一, not 一十一, when 十 leads the number
    return result


@lru_cache(maxsize=2048)
def _to_int(text: str) -> int:
    return int(text) if text.isdecimal() else chinese_to_int(text)


# ---------------------------------------------------------------------------------------------
# Law titles
# ---------------------------------------------------------------------------------------------

# Instruments whose official title carries the 中华人民共和国 prefix: listed by the short title.
_PRC_TITLES: Final = (
    # administrative procedure and general law
    "行政处罚法", "行政许可法", "行政强制法", "行政复议法", "行政诉讼法", "民事诉讼法",
    "民法典", "刑法", "治安管理处罚法", "国家赔偿法", "立法法", "政府信息公开条例",
    # market regulation, products, food and drugs
    "食品安全法", "食品安全法实施条例", "产品质量法", "广告法", "价格法", "反不正当竞争法",
    "反垄断法", "消费者权益保护法", "计量法", "计量法实施细则", "标准化法", "特种设备安全法",
    "商标法", "专利法", "电子商务法", "药品管理法", "药品管理法实施条例", "疫苗管理法",
    "农产品质量安全法", "认证认可条例", "工业产品生产许可证管理条例", "市场主体登记管理条例",
    "公司法", "烟草专卖法",
    # safety, fire, environment
    "安全生产法", "消防法", "大气污染防治法", "水污染防治法", "环境保护法",
    "固体废物污染环境防治法", "噪声污染防治法", "环境噪声污染防治法", "土壤污染防治法",
    "环境影响评价法", "海洋环境保护法", "职业病防治法", "传染病防治法",
    # transport, construction, land, resources
    "道路交通安全法", "道路交通安全法实施条例", "道路运输条例", "公路法", "城乡规划法",
    "建筑法", "城市房地产管理法", "土地管理法", "土地管理法实施条例", "森林法",
    "野生动物保护法", "动物防疫法", "种子法", "渔业法", "矿产资源法", "水法", "文物保护法",
    # labour, tax, data
    "劳动法", "劳动合同法", "税收征收管理法", "网络安全法", "数据安全法", "个人信息保护法",
)  # fmt: skip

# Instruments whose official title has no 中华人民共和国 prefix (行政法规, 规章, 司法解释).
_PLAIN_TITLES: Final = (
    "城市市容和环境卫生管理条例", "建设工程质量管理条例", "建设工程安全生产管理条例",
    "安全生产许可证条例", "危险化学品安全管理条例", "生产安全事故报告和调查处理条例",
    "医疗器械监督管理条例", "化妆品监督管理条例", "农药管理条例", "兽药管理条例",
    "饲料和饲料添加剂管理条例", "无证无照经营查处办法", "价格违法行为行政处罚规定",
    "城镇排水与污水处理条例", "物业管理条例", "全国年节及纪念日放假办法",
    "国务院关于职工工作时间的规定",
    "市场监督管理行政处罚程序规定", "市场监督管理行政处罚程序暂行规定",
    "市场监督管理行政处罚听证办法", "市场监督管理行政处罚信息公示规定",
    "住房和城乡建设行政处罚程序规定", "农业行政处罚程序规定", "交通运输行政执法程序规定",
    "生态环境行政处罚办法", "环境行政处罚办法",
    "最高人民法院关于适用《中华人民共和国行政诉讼法》的解释",
    "最高人民法院关于行政诉讼证据若干问题的规定",
)  # fmt: skip

# Abbreviations seen in practice. Kept out of bare-text matching: too short to trust unbracketed.
_ABBREVIATIONS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "消法": PRC_PREFIX + "消费者权益保护法",
        "食安法": PRC_PREFIX + "食品安全法",
        "环保法": PRC_PREFIX + "环境保护法",
        "固废法": PRC_PREFIX + "固体废物污染环境防治法",
        "道交法": PRC_PREFIX + "道路交通安全法",
        "行诉法": PRC_PREFIX + "行政诉讼法",
        "民诉法": PRC_PREFIX + "民事诉讼法",
        "行诉解释": "最高人民法院关于适用《中华人民共和国行政诉讼法》的解释",
        "行政诉讼法解释": "最高人民法院关于适用《中华人民共和国行政诉讼法》的解释",
        "最高人民法院关于适用《行政诉讼法》的解释": (
            "最高人民法院关于适用《中华人民共和国行政诉讼法》的解释"
        ),
    }
)


def _build_aliases() -> dict[str, str]:
    table: dict[str, str] = {}
    for short in _PRC_TITLES:
        full = PRC_PREFIX + short
        table[short] = full
        table[full] = full
    for title in _PLAIN_TITLES:
        table[title] = title
    table.update(_ABBREVIATIONS)
    return table


LAW_ALIASES: Final[Mapping[str, str]] = MappingProxyType(_build_aliases())
"""Known titles (short, full and common abbreviations) → canonical full title."""

_YEAR = r"[1１][89８９][0-9０-９]{2}|[2２][0０][0-9０-９]{2}|[一二][〇零○一二三四五六七八九]{3}"
_EDITION_WORDS = r"修订版|修正版|修订本|修订|修正|修改|年版|版|公布|施行|颁布|发布"
_NTH = r"(?:第[一二三四五六七八九十]+次)?"
_OPEN = r"[（(〔【\[［]"
_CLOSE = r"[）)〕】\]］]"
_EDITION_BODY = (
    rf"{_OPEN}\s*(?P<y1>{_YEAR})\s*年?\s*{_NTH}\s*(?:{_EDITION_WORDS})?\s*{_CLOSE}"
    rf"|(?P<y2>{_YEAR})\s*年?\s*{_NTH}\s*(?:{_EDITION_WORDS})"
)
_TITLE_EDITION_RE: Final = re.compile(rf"(?:{_EDITION_BODY})$")
_AFTER_EDITION_RE: Final = re.compile(rf"\s*(?:{_EDITION_BODY})")
_ALIAS_RE: Final = re.compile(
    r"\s*[（(]\s*(?:以下|下文|下)?(?:简称|称)\s*[:：]?\s*[“\"「『]?\s*《?"
    r"(?P<alias>[^《》“”\"「」『』（）()\n]{1,30}?)》?\s*[”\"」』]?\s*[）)]"
)
_WS_RE: Final = re.compile(r"\s+")


def _strip_book_marks(title: str) -> str:
    t = title.strip()
    if t.startswith("《") and t.endswith("》"):
        t = t[1:-1]
    return t


def _normalise_title_text(title: str) -> str:
    # Inner titles appear as 〈〉 inside 《》 in print; keep one spelling so keys compare.
    return _WS_RE.sub("", _strip_book_marks(title)).replace("〈", "《").replace("〉", "》")


@lru_cache(maxsize=4096)
def _resolve_title(title: str) -> tuple[str, int | None]:
    t = _normalise_title_text(title)
    edition: int | None = None
    m = _TITLE_EDITION_RE.search(t)
    if m is not None and m.start() > 0:
        edition = _to_int(m.group("y1") or m.group("y2"))
        t = t[: m.start()]
    return LAW_ALIASES.get(t, t), edition


def split_edition(title: str) -> tuple[str, int | None]:
    """Split a title into (canonical title, edition year or None).

    ``"《中华人民共和国行政处罚法（2021年修订）》"`` → ``("中华人民共和国行政处罚法", 2021)``.
    """
    return _resolve_title(title)


def canonical_law_title(title: str) -> str:
    """Return the canonical full title for ``title`` (with or without 《》 and edition notes).

    Known short titles map to the full title (``"食品安全法"`` →
    ``"中华人民共和国食品安全法"``); unknown titles come back as written, minus 《》,
    whitespace and any trailing edition annotation. Never raises for a non-empty title.
    """
    return _resolve_title(title)[0]


def short_law_title(title: str) -> str:
    """Canonicalise ``title`` and drop the 中华人民共和国 prefix."""
    return canonical_law_title(title).removeprefix(PRC_PREFIX)


def same_law(a: str, b: str) -> bool:
    """True when two titles name the same instrument after canonicalisation."""
    return canonical_law_title(a) == canonical_law_title(b)


# ---------------------------------------------------------------------------------------------
# The Citation value
# ---------------------------------------------------------------------------------------------


def _law_converter(value: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise CitationError("法律名称不能为空 / the law title must not be empty")
    return canonical_law_title(value)


def _check_number(name: str, value: object) -> None:
    if value is not None and (type(value) is not int or value < 1):
        raise CitationError(f"{name} 应为正整数 / {name} must be a positive int: {value!r}")


@attrs.frozen
class Citation:
    """One cited provision (or a whole instrument when ``article`` is None).

    ``law`` is canonicalised on construction, so ``Citation("食品安全法", 124)`` and
    ``Citation("中华人民共和国食品安全法", 124)`` are equal. ``raw`` (the source text) does not
    take part in equality or hashing; ``edition`` (the year of an edition annotation such as
    ``（2021年修订）``) does — compare :attr:`key` to ignore it.
    """

    law: str = attrs.field(converter=_law_converter)
    article: int | None = None
    paragraph: int | None = None
    item: int | None = None
    sub_item: int | None = None
    edition: int | None = attrs.field(default=None, kw_only=True)
    raw: str = attrs.field(default="", kw_only=True, eq=False)

    def __attrs_post_init__(self) -> None:
        # One hook instead of per-field validators: parsing builds many of these.
        a, p, i, s, e = self.article, self.paragraph, self.item, self.sub_item, self.edition
        # type() rather than isinstance(): bool is an int subclass and must be refused.
        if (
            (a is not None and (type(a) is not int or a < 1))
            or (p is not None and (type(p) is not int or p < 1))
            or (i is not None and (type(i) is not int or i < 1))
            or (s is not None and (type(s) is not int or s < 1))
            or (e is not None and (type(e) is not int or e < 1))
        ):
            for name in ("article", "paragraph", "item", "sub_item", "edition"):
                _check_number(name, getattr(self, name))
        if self.article is None and (
            self.paragraph is not None or self.item is not None or self.sub_item is not None
        ):
            raise CitationError(
                "引用款、项、目时必须引用到条 / a paragraph, item or sub-item needs an article"
            )

    @property
    def short_law(self) -> str:
        """The title without the 中华人民共和国 prefix (``"食品安全法"``)."""
        return self.law.removeprefix(PRC_PREFIX)

    @property
    def key(self) -> tuple[str, int, int, int, int]:
        """Sortable, hashable identity of the provision; 0 stands for "not specified"."""
        return (
            self.law,
            self.article or 0,
            self.paragraph or 0,
            self.item or 0,
            self.sub_item or 0,
        )

    @property
    def is_specific(self) -> bool:
        """True when the citation names at least an article."""
        return self.article is not None

    @property
    def level(self) -> Level:
        """The most specific level cited: ``"law"``, ``"article"``, … ``"sub_item"``."""
        if self.sub_item is not None:
            return "sub_item"
        if self.item is not None:
            return "item"
        if self.paragraph is not None:
            return "paragraph"
        if self.article is not None:
            return "article"
        return "law"

    def covers(self, other: Citation) -> bool:
        """True when ``other`` is this provision or lies inside it.

        Same law, and every level this citation specifies matches ``other``:
        ``第五十七条`` covers ``第五十七条第一款第（二）项``; the reverse is False. Editions are
        compared only when both citations carry one.
        """
        if self.law != other.law:
            return False
        if self.edition is not None and other.edition is not None and self.edition != other.edition:
            return False
        mine = (self.article, self.paragraph, self.item, self.sub_item)
        theirs = (other.article, other.paragraph, other.item, other.sub_item)
        return all(a is None or a == b for a, b in zip(mine, theirs, strict=True))

    def format(
        self,
        style: CitationStyle = "chinese",
        *,
        short_title: bool = False,
        with_edition: bool = True,
    ) -> str:
        """Render the citation.

        ``"chinese"``: ``《中华人民共和国食品安全法》第一百二十四条第一款第（三）项``;
        ``"arabic"``: ``《中华人民共和国食品安全法》第124条第1款第3项``. An edition year is
        written as ``（2021年版）`` after the title. Output parses back to an equal citation.
        """
        if style not in ("chinese", "arabic"):
            raise ValueError(f"unknown citation style: {style!r}")
        title = self.short_law if short_title else self.law
        # Nested titles print with 〈〉 so the outer 《》 stay balanced.
        parts = ["《", title.replace("《", "〈").replace("》", "〉"), "》"]
        if with_edition and self.edition is not None:
            parts.append(f"（{self.edition}年版）")
        num = int_to_chinese if style == "chinese" else str
        if self.article is not None:
            parts.append(f"第{num(self.article)}条")
        if self.paragraph is not None:
            parts.append(f"第{num(self.paragraph)}款")
        if self.item is not None:
            parts.append(
                f"第（{int_to_chinese(self.item)}）项" if style == "chinese" else f"第{self.item}项"
            )
        if self.sub_item is not None:
            parts.append(f"第{num(self.sub_item)}目")
        return "".join(parts)

    def __str__(self) -> str:
        return self.format()


# ---------------------------------------------------------------------------------------------
# Parsing
# ---------------------------------------------------------------------------------------------

_NUM_CHARS = "零〇○一二两三四五六七八九十百千壹贰叁肆伍陆柒捌玖拾佰仟"
_NUM = rf"[0-9０-９]{{1,4}}|[{_NUM_CHARS}]{{1,10}}"
# Bracketed numbers are item numbers only: short, so "（2023）" is never taken for an item.
_BNUM = r"[0-9０-９]{1,2}|[一二三四五六七八九十]{1,4}"
_SEP = r"以及|或者|、|，|,|；|;|和|及|与|或|至|到|—|－|-|~|～"
_RANGE_SEPS: Final = frozenset({"至", "到", "—", "－", "-", "~", "～"})
# After these a new token must start with 第: "，（二）…" is too often an enumeration.
_SOFT_SEPS: Final = frozenset({"，", ",", "；", ";"})
_TOKEN_RE: Final = re.compile(
    rf"\s*(?P<sep>{_SEP})?\s*"
    r"(?P<di>第)?\s*"
    rf"(?:{_OPEN}\s*(?P<bn>{_BNUM})\s*{_CLOSE}|(?P<pn>{_NUM}))"
    r"\s*(?P<unit>条|款|项|目)?"
)
_LEAD_RE: Final = re.compile(r"\s*(?:的\s*)?(?=第)")
# Fast path for the usual single provision (第N条[第N款][第(N)项][第N目]) in one match. The
# negative lookahead rejects anything _TOKEN_RE could continue with, so a match here means the
# general tokenizer would have produced exactly this one provision.
_SIMPLE_CHAIN_RE: Final = re.compile(
    rf"第\s*({_NUM})\s*条"
    rf"(?:\s*第\s*({_NUM})\s*款)?"
    rf"(?:\s*第\s*(?:{_OPEN}\s*({_BNUM})\s*{_CLOSE}|({_NUM}))\s*项)?"
    rf"(?:\s*第\s*({_NUM})\s*目)?"
    rf"(?!\s*(?:{_SEP})?\s*第?\s*(?:{_OPEN}|[0-9０-９{_NUM_CHARS}]))"
)
_UNIT_LEVEL: Final[Mapping[str, int]] = MappingProxyType({"条": 0, "款": 1, "项": 2, "目": 3})
_MAX_RANGE: Final = 50

_REF_WORDS: Final = (
    "同法", "该法", "本法", "同条例", "该条例", "本条例", "同规定", "该规定", "本规定",
    "同办法", "该办法", "本办法", "同细则", "该细则", "本细则",
)  # fmt: skip


_Trie = dict[str, "_Trie"]


def _trie_alternatives(words: list[str]) -> list[str]:
    """Regex alternatives matching ``words``, factored by common prefix (longest match first).

    Each returned alternative starts with a distinct literal character, so a pattern built by
    joining them with ``|`` gets re's first-character prefilter and tries few branches.
    """
    trie: _Trie = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def render(node: _Trie) -> str:
        alts = [re.escape(ch) + render(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        # Greedy optional: prefer the longer title when a shorter one is a prefix of it.
        return f"(?:{body})?" if "" in node else body

    return [re.escape(ch) + render(child) for ch, child in sorted(trie.items()) if ch]


_BARE_TITLES: Final = frozenset(k for k in LAW_ALIASES if k not in _ABBREVIATIONS and "《" not in k)
_REF_SET: Final = frozenset(_REF_WORDS)
# No capturing groups at the top level: every alternative must start with a literal so the
# compiled pattern gets a first-character prefilter (this is what keeps parsing fast).
_MENTION_CORE = r"《(?:[^《》\n]|《[^《》\n]*》){1,120}》" + "".join(
    "|" + alt for alt in _trie_alternatives(sorted(_REF_SET | _BARE_TITLES))
)
_MENTION_RE: Final = re.compile(_MENTION_CORE)
_MENTION_STRAY_RE: Final = re.compile(_MENTION_CORE + "|第")

_Provision = tuple[int, int | None, int | None, int | None]


def _scan_chain(text: str, pos: int) -> tuple[list[_Provision], int]:
    """Parse 第X条第Y款第（Z）项… starting at ``pos``; return provisions and end offset."""
    if text.startswith("第", pos):
        p = pos
    else:
        lead = _LEAD_RE.match(text, pos)
        if lead is None:
            return [], pos
        p = lead.end()
    simple = _SIMPLE_CHAIN_RE.match(text, p)
    if simple is not None:
        article, paragraph, bracketed_item, item, sub_item = simple.groups()
        try:
            provision = (
                _to_int(article),
                None if paragraph is None else _to_int(paragraph),
                _to_int(bracketed_item or item) if (bracketed_item or item) else None,
                None if sub_item is None else _to_int(sub_item),
            )
        except ValueError:
            pass  # let the general tokenizer stop where the bad numeral is
        else:
            if 0 not in provision:
                return [provision], simple.end()
    return _scan_general_chain(text, pos, p)


def _scan_general_chain(text: str, pos: int, p: int) -> tuple[list[_Provision], int]:
    seps: list[str | None] = []
    values: list[int] = []
    units: list[str | None] = []
    bracketed: list[bool] = []
    ends: list[int] = []
    while (m := _TOKEN_RE.match(text, p)) is not None:
        sep, di, bn, pn, unit = m.groups()
        if not values:
            if sep is not None or di is None:
                break
        elif (sep is None and di is None and bn is None) or (sep in _SOFT_SEPS and di is None):
            break
        try:
            value = _to_int(bn if bn is not None else pn)
        except ValueError:
            break
        if value < 1:
            break
        seps.append(sep)
        values.append(value)
        units.append(unit)
        bracketed.append(bn is not None)
        p = m.end()
        ends.append(p)
    if not values:
        return [], pos

    count = len(values)
    if None in units:
        # "第一、二款" and "第（一）、（二）项" state the unit once, at the end of the run; a
        # trailing bracketed number with no unit is an item, as statutes print them.
        following: str | None = None
        for i in range(count - 1, -1, -1):
            if units[i] is not None:
                following = units[i]
            elif following is not None:
                units[i] = following
            elif bracketed[i]:
                units[i] = "项"
        count = units.index(None) if None in units else count
    if count == 0 or units[0] != "条":
        return [], pos

    provisions: list[_Provision] = []
    current: list[int | None] = [values[0], None, None, None]
    last_level = 0
    for i in range(1, count):
        sep, value = seps[i], values[i]
        level = _UNIT_LEVEL[units[i]]  # type: ignore[index]
        if sep is None and level > last_level:
            current[level] = value
            last_level = level
            continue
        provisions.append(tuple(current))  # type: ignore[arg-type]
        base = current[:level]
        previous = current[level] if last_level == level else None
        if sep in _RANGE_SEPS and previous is not None and 0 < value - previous <= _MAX_RANGE:
            for v in range(previous + 1, value):
                provisions.append(tuple([*base, v] + [None] * (3 - level)))  # type: ignore[arg-type]
        current = [*base, value] + [None] * (3 - level)
        last_level = level
    provisions.append(tuple(current))  # type: ignore[arg-type]
    return provisions, ends[count - 1]


def _resolve_reference(word: str, named: list[tuple[str, int | None]]) -> tuple[str, int | None]:
    # 该法 should skip a 规定 named in between, 该规定 a law: match the instrument kind first.
    kind = word[1:]
    for law, edition in reversed(named):
        if law.endswith(kind) or (kind == "法" and law.endswith("法典")):
            return law, edition
    return named[-1]


def parse_citations(text: str, *, default_law: str | None = None) -> list[Citation]:
    """Find every citation in ``text``, in order of appearance.

    Results are memoised by (text, default_law): the same basis strings recur in every file of a
    batch and several rules parse them; the list returned is always a fresh copy.

    Understands 《全称》 and 《简称》 titles (with ``2021修订`` / ``（2021年修订）`` annotations
    inside or after the 《》, kept as :attr:`Citation.edition`), Chinese, Arabic and full-width
    numbers, bracketed or bare items (``第（三）项``, ``第(三)项``, ``第〔三〕项``, ``第三项``),
    lists and ranges that expand to one citation each (``第二十条、第二十一条``,
    ``第三十四条第（一）项、第（二）项``, ``第五十七条第一款、第二款``, ``第一、二款``,
    ``第三十条至第三十二条``), references back to a named instrument (``同法``, ``该法``,
    ``本法``, ``该条例``, ``本规定`` …, resolved to the last named instrument of that kind),
    ``（以下简称《X》）`` aliases, and known titles written without 《》 when an article follows
    (``依据行政处罚法第五十七条``). A 《》 title with no article yields a citation whose
    ``article`` is None. Unknown titles are kept as written.

    Article chains not attached to any title are ignored, unless ``default_law`` is given: then
    they, and 本法-style references with nothing named before them, are attributed to it.
    Every citation expanded from one source span shares that span as ``raw``.
    """
    return list(_parse_citations_cached(text, default_law))


@lru_cache(maxsize=8192)
def _parse_citations_cached(text: str, default_law: str | None) -> tuple[Citation, ...]:
    return tuple(_parse_citations(text, default_law))


def _parse_citations(text: str, default_law: str | None) -> list[Citation]:
    out: list[Citation] = []
    named: list[tuple[str, int | None]] = []
    local_aliases: dict[str, tuple[str, int | None]] = {}
    default: tuple[str, int | None] | None = None
    if default_law is not None:
        default = _resolve_title(default_law)
    regex = _MENTION_STRAY_RE if default is not None else _MENTION_RE
    pos = 0
    length = len(text)

    def emit(law: str, edition: int | None, provisions: list[_Provision], raw: str) -> None:
        for article, paragraph, item, sub_item in provisions:
            out.append(Citation(law, article, paragraph, item, sub_item, edition=edition, raw=raw))

    while pos < length:
        m = regex.search(text, pos)
        if m is None:
            break
        start = m.start()
        found = m.group()
        if found[0] == "《":
            raw_title = found[1:-1]
            alias = local_aliases.get(_normalise_title_text(raw_title))
            law, edition = alias if alias is not None else _resolve_title(raw_title)
            p = m.end()
            # Annotations are rare; skip the two regexes when the article follows at once.
            for _ in range(0 if text.startswith("第", p) else 4):
                em = _AFTER_EDITION_RE.match(text, p)
                if em is not None:
                    edition = _to_int(em.group("y1") or em.group("y2"))
                    p = em.end()
                    continue
                am = _ALIAS_RE.match(text, p)
                if am is not None:
                    local_aliases[_normalise_title_text(am.group("alias"))] = (law, edition)
                    p = am.end()
                    continue
                break
            named.append((law, edition))
            provisions, end = _scan_chain(text, p)
            if provisions:
                emit(law, edition, provisions, text[start:end].strip())
                pos = end
            else:
                out.append(Citation(law, edition=edition, raw=text[start:p].strip()))
                pos = p
            continue
        stray = found == "第"  # only searched for when a default law is given
        provisions, end = _scan_chain(text, start if stray else m.end())
        is_ref = found in _REF_SET
        if not stray and not is_ref:
            named.append(_resolve_title(found))
        if not provisions:
            pos = m.end()
            continue
        target: tuple[str, int | None] | None
        if stray:
            target = default
        elif is_ref:
            target = _resolve_reference(found, named) if named else default
        else:
            target = named[-1]
        if target is not None:
            emit(target[0], target[1], provisions, text[start:end].strip())
        pos = end
    return out


def parse_citation(text: str, *, default_law: str | None = None) -> Citation:
    """Parse text that holds exactly one citation; raise :class:`CitationError` otherwise."""
    found = parse_citations(text, default_law=default_law)
    if not found:
        raise CitationError(f"未找到法律引用 / no citation found in {text!r}")
    if len(found) > 1:
        raise CitationError(
            f"包含{len(found)}个法律引用，应为一个 / expected one citation, found {len(found)} "
            f"in {text!r}"
        )
    return found[0]


def missing_parts(
    citation: Citation,
    *,
    has_paragraphs: bool | None = None,
    has_items: bool | None = None,
) -> list[str]:
    """Describe, in Chinese, what a citation leaves out.

    ``has_paragraphs`` / ``has_items`` say whether the cited article has several 款 and whether
    the cited 款 (or the article, when it has no 款) is divided into 项; None means unknown and
    nothing is reported for that level. A citation without an article only reports
    :data:`MISSING_ARTICLE`.
    """
    if citation.article is None:
        return [MISSING_ARTICLE]
    problems: list[str] = []
    if has_paragraphs and citation.paragraph is None:
        problems.append(MISSING_PARAGRAPH)
    if has_items and citation.item is None:
        problems.append(MISSING_ITEM)
    return problems
