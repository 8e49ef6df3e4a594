"""Tests for casefile_eval.citations."""

from __future__ import annotations

import timeit

import pytest
from hypothesis import given
from hypothesis import strategies as st

from casefile_eval import citations as cit
from casefile_eval.citations import (
    LAW_ALIASES,
    MISSING_ARTICLE,
    MISSING_ITEM,
    MISSING_PARAGRAPH,
    Citation,
    CitationError,
    canonical_law_title,
    chinese_to_int,
    int_to_chinese,
    missing_parts,
    parse_citation,
    parse_citations,
    same_law,
    short_law_title,
    split_edition,
)

P = "中华人民共和国"
XF = P + "行政处罚法"
XK = P + "行政许可法"
QZ = P + "行政强制法"
FY = P + "行政复议法"
SS = P + "行政诉讼法"
MF = P + "民法典"
SP = P + "食品安全法"
SPS = P + "食品安全法实施条例"
GG = P + "广告法"
CP = P + "产品质量法"
DQ = P + "大气污染防治法"
AQ = P + "安全生产法"
XB = P + "消费者权益保护法"
YS = P + "道路运输条例"
SR = "市场监督管理行政处罚程序规定"
SR_OLD = "市场监督管理行政处罚程序暂行规定"
SR_INFO = "市场监督管理行政处罚信息公示规定"
NY = "农业行政处罚程序规定"
ST = "生态环境行政处罚办法"
SY = "城市市容和环境卫生管理条例"
JS = "最高人民法院关于适用《中华人民共和国行政诉讼法》的解释"

N = None

# (text, [(law, article, paragraph, item), ...]) — spellings as they occur in enforcement
# documents and in shared/domain/statutory-rules.md.
SPELLINGS: list[tuple[str, list[tuple[str, int | None, int | None, int | None]]]] = [
    ("《中华人民共和国食品安全法》第一百二十四条第一款第（三）项", [(SP, 124, 1, 3)]),
    ("《食品安全法》第124条第1款第3项", [(SP, 124, 1, 3)]),
    ("《食品安全法》第一百二十四条第一款第(三)项", [(SP, 124, 1, 3)]),
    ("《食品安全法》第一百二十四条第一款第〔三〕项", [(SP, 124, 1, 3)]),
    ("《食品安全法》第一百二十四条第一款第三项", [(SP, 124, 1, 3)]),
    ("《食品安全法》 第 124 条 第 1 款 第 3 项", [(SP, 124, 1, 3)]),
    ("《食品安全法》第一百二十四条第1款第（3）项", [(SP, 124, 1, 3)]),
    ("《食品安全法》第１２４条第１款第３项", [(SP, 124, 1, 3)]),
    ("《食品安全法》第三十四条（十）项", [(SP, 34, N, 10)]),
    (
        "《中华人民共和国食品安全法》第三十四条第（一）项、第（二）项",
        [(SP, 34, N, 1), (SP, 34, N, 2)],
    ),
    ("《食品安全法》第三十四条第（一）、（二）项", [(SP, 34, N, 1), (SP, 34, N, 2)]),
    ("《行政处罚法》第二十条、第二十一条", [(XF, 20, N, N), (XF, 21, N, N)]),
    ("《行政处罚法》第五十七条第一款、第二款", [(XF, 57, 1, N), (XF, 57, 2, N)]),
    ("《行政处罚法》第九条, 第十条", [(XF, 9, N, N), (XF, 10, N, N)]),
    (
        "《行政处罚法》第三十条、第三十一条及第三十二条",
        [(XF, 30, N, N), (XF, 31, N, N), (XF, 32, N, N)],
    ),
    ("《行政处罚法》第六十四条第一项", [(XF, 64, N, 1)]),
    ("《行政处罚法》第七十二条第一款第一项", [(XF, 72, 1, 1)]),
    ("《行政处罚法》第五十九条第一款第五项", [(XF, 59, 1, 5)]),
    ("《行政强制法》第十七条第一款、第三款", [(QZ, 17, 1, N), (QZ, 17, 3, N)]),
    ("依照《行政强制法》第五十三条及本法第五十四条", [(QZ, 53, N, N), (QZ, 54, N, N)]),
    ("《行政许可法》第四十八条第一款第一项", [(XK, 48, 1, 1)]),
    ("《行政许可法》第三十二条第一款第四项", [(XK, 32, 1, 4)]),
    ("《行政许可法》", [(XK, N, N, N)]),
    ("根据《中华人民共和国行政处罚法》的有关规定", [(XF, N, N, N)]),
    ("《行政复议法》(2023) 第二十条第一款", [(FY, 20, 1, N)]),
    ("《行政诉讼法》第四十六条第一款、第二款", [(SS, 46, 1, N), (SS, 46, 2, N)]),
    ("《行政诉讼法》第一百零一条", [(SS, 101, N, N)]),
    ("《民法典》第一千二百五十九条", [(MF, 1259, N, N)]),
    ("《民法典》第二百零三条第二款", [(MF, 203, 2, N)]),
    ("《中华人民共和国行政处罚法（2021年修订）》第五十七条", [(XF, 57, N, N)]),
    ("《行政处罚法》（2021修订）第六十四条第一项", [(XF, 64, N, 1)]),
    ("《中华人民共和国食品安全法》2021修正 第一百二十四条", [(SP, 124, N, N)]),
    ("《市场监督管理行政处罚程序规定》第五十七条第二款", [(SR, 57, 2, N)]),
    ("《市场监督管理行政处罚程序暂行规定》第四十二条", [(SR_OLD, 42, N, N)]),
    ("《市场监督管理行政处罚信息公示规定》第九条", [(SR_INFO, 9, N, N)]),
    ("《市场监督管理行政处罚程序规定》第十八条和第二十条", [(SR, 18, N, N), (SR, 20, N, N)]),
    ("《农业行政处罚程序规定》第五十八条", [(NY, 58, N, N)]),
    ("《生态环境行政处罚办法》第五十三条", [(ST, 53, N, N)]),
    ("《城市市容和环境卫生管理条例》第三十四条第（四）项", [(SY, 34, N, 4)]),
    ("《道路运输条例》第六十三条", [(YS, 63, N, N)]),
    ("《中华人民共和国道路运输条例》第七十条第二款", [(YS, 70, 2, N)]),
    ("《大气污染防治法》第一百零八条第（五）项", [(DQ, 108, N, 5)]),
    ("《大气污染防治法》第一百一十条第一款", [(DQ, 110, 1, N)]),
    ("《最高人民法院关于适用〈中华人民共和国行政诉讼法〉的解释》第六十四条", [(JS, 64, N, N)]),
    ("《行诉解释》第六十四条", [(JS, 64, N, N)]),
    ("《消法》第五十六条", [(XB, 56, N, N)]),
    ("依据行政处罚法第五十一条的规定", [(XF, 51, N, N)]),
    ("依照中华人民共和国安全生产法第九十九条第（二）项", [(AQ, 99, N, 2)]),
    ("《广告法》第五十五条第一、三款", [(GG, 55, 1, N), (GG, 55, 3, N)]),
    ("《广告法》第十六条第一款第四项", [(GG, 16, 1, 4)]),
    ("《产品质量法》第二十七条第（四）项、第（五）项", [(CP, 27, N, 4), (CP, 27, N, 5)]),
    (
        "《产品质量法》第四十九条至第五十三条",
        [(CP, 49, N, N), (CP, 50, N, N), (CP, 51, N, N), (CP, 52, N, N), (CP, 53, N, N)],
    ),
    (
        "《食品安全法》第三十三条第一款第一项至第四项",
        [(SP, 33, 1, 1), (SP, 33, 1, 2), (SP, 33, 1, 3), (SP, 33, 1, 4)],
    ),
    (
        "《食品安全法》第六十七条第一款第一项至第六项、第八项、第九项",
        [(SP, 67, 1, i) for i in (1, 2, 3, 4, 5, 6, 8, 9)],
    ),
    ("《中华人民共和国消费者权益保护法》第五十六条第一款第（八）项", [(XB, 56, 1, 8)]),
    (
        "《浙江省食品小作坊小餐饮店小食杂店管理办法》第三十条第二款",
        [("浙江省食品小作坊小餐饮店小食杂店管理办法", 30, 2, N)],
    ),
    (
        "当事人的行为违反了《中华人民共和国广告法》第九条第（三）项的规定，依据《中华人民共和国广告法》"
        "第五十七条第（一）项的规定，决定处罚如下：（一）责令停止发布广告；（二）罚款二十万元。",
        [(GG, 9, N, 3), (GG, 57, N, 1)],
    ),
    (
        "违反了《食品安全法》第三十四条第（十）项的规定，依据同法第一百二十四条第一款第（五）项",
        [(SP, 34, N, 10), (SP, 124, 1, 5)],
    ),
    ("《行政处罚法》第五十七条、《食品安全法》第一百二十四条", [(XF, 57, N, N), (SP, 124, N, N)]),
    (
        "违反《食品安全法》第三十四条，依据《中华人民共和国食品安全法实施条例》第六十七条，"
        "依照该法第一百二十四条",
        [(SP, 34, N, N), (SPS, 67, N, N), (SP, 124, N, N)],
    ),
    (
        "《市场监督管理行政处罚程序规定》（以下简称《程序规定》）……依据《程序规定》第六十四条",
        [(SR, N, N, N), (SR, 64, N, N)],
    ),
    ("《中华人民共和国行政处罚法》（以下简称《行政处罚法》）第二十八条", [(XF, 28, N, N)]),
    ("《行政处罚法》第五十七条，第二次违法的从重处罚", [(XF, 57, N, N)]),
    ("《行政处罚法》第五十七条和2名执法人员", [(XF, 57, N, N)]),
    ("经研究，第一、责令改正；第二、罚款人民币伍万元。", []),
    ("依据本法第三条", []),
    ("", []),
]


def _tuples(citations: list[Citation]) -> list[tuple[str, int | None, int | None, int | None]]:
    return [(c.law, c.article, c.paragraph, c.item) for c in citations]


def test_spelling_table_is_large() -> None:
    assert len(SPELLINGS) >= 40


@pytest.mark.parametrize(("text", "expected"), SPELLINGS, ids=[t[:30] for t, _ in SPELLINGS])
def test_real_world_spellings(
    text: str, expected: list[tuple[str, int | None, int | None, int | None]]
) -> None:
    assert _tuples(parse_citations(text)) == expected


@pytest.mark.parametrize(
    ("text", "edition"),
    [
        ("《中华人民共和国行政处罚法（2021年修订）》第五十七条", 2021),
        ("《行政处罚法》（2021修订）第六十四条第一项", 2021),
        ("《行政复议法》(2023) 第二十条第一款", 2023),
        ("《中华人民共和国食品安全法》2021修正 第一百二十四条", 2021),
        ("《中华人民共和国广告法（2018年第一次修正）》第五十五条", 2018),
        ("《行政处罚法（二〇一七年修正）》第三十八条", 2017),
        ("《行政处罚法》（２０２１年修订）第三十八条", 2021),
        ("《行政处罚法》第五十七条", None),
    ],
)
def test_edition_annotations_are_stripped_and_kept(text: str, edition: int | None) -> None:
    (c,) = parse_citations(text)
    assert c.edition == edition
    assert "修" not in c.law and "20" not in c.law


def test_reference_words_follow_editions_and_raw_spans() -> None:
    text = "依据《行政处罚法》（2021年修订）第五十七条及同法第六十二条"
    first, second = parse_citations(text)
    assert (first.edition, second.edition) == (2021, 2021)
    assert first.raw == "《行政处罚法》（2021年修订）第五十七条"
    assert second.raw == "同法第六十二条"


def test_expanded_citations_share_their_raw_span() -> None:
    found = parse_citations("违反《食品安全法》第三十四条第（一）项、第（二）项的规定")
    assert {c.raw for c in found} == {"《食品安全法》第三十四条第（一）项、第（二）项"}


def test_default_law_applies_to_unattached_chains_only() -> None:
    assert parse_citations("第五十七条第二款") == []
    (c,) = parse_citations("第五十七条第二款", default_law="行政处罚法")
    assert (c.law, c.article, c.paragraph) == (XF, 57, 2)
    found = parse_citations("依据第三条和《广告法》第五十五条", default_law="行政处罚法")
    assert _tuples(found) == [(XF, 3, N, N), (GG, 55, N, N)]
    assert _tuples(parse_citations("本法第八十五条", default_law="行政处罚法")) == [(XF, 85, N, N)]


def test_large_ranges_are_not_expanded() -> None:
    found = parse_citations("《民法典》第一条至第一千二百六十条")
    assert [c.article for c in found] == [1, 1260]


# --- parse_citation --------------------------------------------------------------------------


def test_parse_citation_single() -> None:
    c = parse_citation("《食品安全法》第124条第1款第3项")
    assert c == Citation(SP, 124, 1, 3)
    assert c.raw == "《食品安全法》第124条第1款第3项"


@pytest.mark.parametrize("text", ["罚款人民币伍万元", "《行政处罚法》第五十七条、第五十八条"])
def test_parse_citation_rejects_zero_or_many(text: str) -> None:
    with pytest.raises(CitationError) as info:
        parse_citation(text)
    message = str(info.value)
    assert "citation" in message and ("未找到" in message or "个法律引用" in message)
    assert isinstance(info.value, ValueError)


# --- Citation --------------------------------------------------------------------------------


def test_format_styles() -> None:
    c = Citation("食品安全法", 124, 1, 3)
    assert c.format() == "《中华人民共和国食品安全法》第一百二十四条第一款第（三）项"
    assert str(c) == c.format("chinese")
    assert c.format(style="arabic") == "《中华人民共和国食品安全法》第124条第1款第3项"
    assert c.format(short_title=True) == "《食品安全法》第一百二十四条第一款第（三）项"
    assert Citation("行政处罚法", 110, sub_item=2, item=1).format() == (
        "《中华人民共和国行政处罚法》第一百一十条第（一）项第二目"
    )
    assert Citation(JS, 64).format() == (
        "《最高人民法院关于适用〈中华人民共和国行政诉讼法〉的解释》第六十四条"
    )
    assert Citation("行政处罚法", 57, edition=2021).format() == (
        "《中华人民共和国行政处罚法》（2021年版）第五十七条"
    )
    with pytest.raises(ValueError, match="style"):
        c.format(style="roman")  # type: ignore[arg-type]


def test_short_and_full_titles_compare_equal() -> None:
    assert Citation("食品安全法", 124) == Citation("中华人民共和国食品安全法", 124)
    assert parse_citation("《食品安全法》第一百二十四条") == parse_citation(
        "《中华人民共和国食品安全法》第124条"
    )
    a = Citation("食品安全法", 124, raw="x")
    b = Citation("食品安全法", 124, raw="y")
    assert a == b and hash(a) == hash(b)
    assert Citation("行政处罚法", 57, edition=2021) != Citation("行政处罚法", 57)
    assert Citation("行政处罚法", 57, edition=2021).key == Citation("行政处罚法", 57).key


def test_properties() -> None:
    c = Citation("食品安全法", 124, 1, 3)
    assert c.short_law == "食品安全法"
    assert c.key == (SP, 124, 1, 3, 0)
    assert c.is_specific and c.level == "item"
    law_only = Citation("行政许可法")
    assert not law_only.is_specific and law_only.level == "law"
    assert Citation(SR, 5).short_law == SR
    assert sorted([Citation("行政处罚法", 57, 2), Citation("行政处罚法", 57)], key=lambda x: x.key)[
        0
    ] == Citation("行政处罚法", 57)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"law": "行政处罚法", "article": 0},
        {"law": "行政处罚法", "article": -3},
        {"law": "行政处罚法", "article": True},
        {"law": "行政处罚法", "article": "5"},
        {"law": "行政处罚法", "paragraph": 1},
        {"law": "", "article": 1},
        {"law": "行政处罚法", "article": 1, "edition": 0},
    ],
)
def test_invalid_citations(kwargs: dict[str, object]) -> None:
    with pytest.raises(CitationError):
        Citation(**kwargs)  # type: ignore[arg-type]


def test_covers() -> None:
    article = Citation("行政处罚法", 57)
    paragraph = Citation("行政处罚法", 57, 1)
    item = Citation("行政处罚法", 57, 1, 2)
    direct_item = Citation("行政处罚法", 57, None, 2)
    law = Citation("行政处罚法")
    assert article.covers(article)
    assert article.covers(paragraph) and article.covers(item)
    assert paragraph.covers(item)
    assert not item.covers(paragraph) and not paragraph.covers(article)
    assert law.covers(item) and not item.covers(law)
    assert direct_item.covers(item)  # article with items but no 款 stated
    assert not article.covers(Citation("行政处罚法", 58))
    assert not article.covers(Citation("食品安全法", 57))
    assert Citation("中华人民共和国行政处罚法", 57).covers(
        parse_citation("《行政处罚法》第57条第2款")
    )
    assert article.covers(Citation("行政处罚法", 57, edition=2021))
    assert not Citation("行政处罚法", 57, edition=2017).covers(
        Citation("行政处罚法", 57, edition=2021)
    )


# --- missing_parts ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("citation", "has_paragraphs", "has_items", "expected"),
    [
        (Citation("行政处罚法"), None, None, [MISSING_ARTICLE]),
        (Citation("行政处罚法"), True, True, [MISSING_ARTICLE]),
        (Citation("行政处罚法", 57), None, None, []),
        (Citation("行政处罚法", 57), True, None, [MISSING_PARAGRAPH]),
        (Citation("行政处罚法", 57), True, True, [MISSING_PARAGRAPH, MISSING_ITEM]),
        (Citation("行政处罚法", 57), False, True, [MISSING_ITEM]),
        (Citation("行政处罚法", 57, 1), True, True, [MISSING_ITEM]),
        (Citation("行政处罚法", 57, 1), True, False, []),
        (Citation("行政处罚法", 57, 1, 2), True, True, []),
        (Citation("行政处罚法", 64, None, 1), False, True, []),
    ],
)
def test_missing_parts(
    citation: Citation, has_paragraphs: bool | None, has_items: bool | None, expected: list[str]
) -> None:
    assert missing_parts(citation, has_paragraphs=has_paragraphs, has_items=has_items) == expected


def test_missing_parts_messages() -> None:
    assert MISSING_ARTICLE == "未引用到条"
    assert MISSING_PARAGRAPH == "该条分款，未引用到款"
    assert MISSING_ITEM == "该款分项，未引用到项"


# --- titles ----------------------------------------------------------------------------------

BRIEF_ALIASES = [
    "行政处罚法", "行政许可法", "行政强制法", "行政复议法", "行政诉讼法", "民事诉讼法", "民法典",
    "食品安全法", "产品质量法", "安全生产法", "大气污染防治法", "水污染防治法", "环境保护法",
    "固体废物污染环境防治法", "道路交通安全法", "道路运输条例", "广告法", "药品管理法", "消防法",
    "城乡规划法", "建筑法", "价格法", "反不正当竞争法", "消费者权益保护法", "计量法",
    "特种设备安全法",
]  # fmt: skip


@pytest.mark.parametrize("short", BRIEF_ALIASES)
def test_alias_table_maps_short_titles(short: str) -> None:
    assert LAW_ALIASES[short] == P + short
    assert canonical_law_title(f"《{short}》") == P + short
    assert short_law_title(P + short) == short


def test_alias_table_size_and_plain_titles() -> None:
    assert len(set(LAW_ALIASES.values())) >= 25
    assert canonical_law_title("城市市容和环境卫生管理条例") == SY
    assert canonical_law_title("道路运输条例") == YS


@pytest.mark.parametrize(
    ("title", "canonical", "edition"),
    [
        ("《中华人民共和国行政处罚法（2021年修订）》", XF, 2021),
        ("行政处罚法2021修订", XF, 2021),
        ("行政处罚法(2017年修正)", XF, 2017),
        ("中华人民共和国 行政处罚法", XF, None),
        ("某县户外广告设置管理办法", "某县户外广告设置管理办法", None),
        ("《某县户外广告设置管理办法（2019）》", "某县户外广告设置管理办法", 2019),
        ("国办发〔2018〕118号", "国办发〔2018〕118号", None),
    ],
)
def test_title_canonicalisation(title: str, canonical: str, edition: int | None) -> None:
    assert split_edition(title) == (canonical, edition)
    assert canonical_law_title(title) == canonical


def test_same_law() -> None:
    assert same_law("《食品安全法》", "中华人民共和国食品安全法（2015年修订）")
    assert not same_law("食品安全法", "食品安全法实施条例")
    assert same_law("行诉解释", "最高人民法院关于适用〈中华人民共和国行政诉讼法〉的解释")


def test_unknown_titles_never_fail() -> None:
    for title in ["《》x", "《a》", "《2021年修订》", "《（2021年修订）》第一条"]:
        parse_citations(title)
    assert parse_citations("《2021年修订》")[0].law == "2021年修订"


# --- Chinese numerals ------------------------------------------------------------------------

KNOWN_SPELLINGS = {
    1: "一", 2: "二", 9: "九", 10: "十", 11: "十一", 15: "十五", 19: "十九", 20: "二十",
    21: "二十一", 34: "三十四", 99: "九十九", 100: "一百", 101: "一百零一", 105: "一百零五",
    108: "一百零八", 110: "一百一十", 111: "一百一十一", 119: "一百一十九", 120: "一百二十",
    124: "一百二十四", 129: "一百二十九", 154: "一百五十四", 200: "二百", 204: "二百零四",
    210: "二百一十", 300: "三百", 999: "九百九十九", 1000: "一千", 1001: "一千零一",
    1005: "一千零五", 1010: "一千零一十", 1050: "一千零五十", 1100: "一千一百",
    1259: "一千二百五十九", 9999: "九千九百九十九",
}  # fmt: skip


@pytest.mark.parametrize(("number", "spelling"), sorted(KNOWN_SPELLINGS.items()))
def test_known_spellings(number: int, spelling: str) -> None:
    assert int_to_chinese(number) == spelling
    assert chinese_to_int(spelling) == number


def test_numeral_round_trip_exhaustive() -> None:
    for n in range(1, 10_000):
        assert chinese_to_int(int_to_chinese(n)) == n


@given(st.integers(min_value=1, max_value=9999))
def test_numeral_round_trip_property(n: int) -> None:
    spelling = int_to_chinese(n)
    assert chinese_to_int(spelling) == n
    assert not spelling.startswith("一十")
    assert "零零" not in spelling and not spelling.endswith("零")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("两", 2), ("两百", 200), ("二〇二一", 2021), ("二○二一", 2021), ("一九九六", 1996),
        ("一百十", 110), ("124", 124), ("１２４", 124), ("壹万", None), ("贰拾", 20),
        ("叁佰零伍", 305), ("零", 0), (" 十二 ", 12),
    ],
)  # fmt: skip
def test_chinese_to_int_variants(text: str, value: int | None) -> None:
    if value is None:
        with pytest.raises(ValueError):
            chinese_to_int(text)
    else:
        assert chinese_to_int(text) == value


@pytest.mark.parametrize("text", ["", "abc", "一百五", "十十", "一二三十", "百", "千五", "一百零"])
def test_chinese_to_int_rejects(text: str) -> None:
    with pytest.raises(ValueError):
        chinese_to_int(text)


@pytest.mark.parametrize("n", [0, -1, 10_000])
def test_int_to_chinese_range(n: int) -> None:
    with pytest.raises(ValueError):
        int_to_chinese(n)


def test_int_to_chinese_type() -> None:
    with pytest.raises(TypeError):
        int_to_chinese(True)


# --- round trips -----------------------------------------------------------------------------

_LAWS = sorted(set(LAW_ALIASES.values()))


@st.composite
def citations(draw: st.DrawFn) -> Citation:
    law = draw(st.sampled_from(_LAWS))
    article = draw(st.integers(1, 999))
    paragraph = draw(st.none() | st.integers(1, 9))
    item = draw(st.none() | st.integers(1, 30))
    edition = draw(st.none() | st.integers(1979, 2030))
    return Citation(law, article, paragraph, item, edition=edition)


@given(citations(), st.sampled_from(["chinese", "arabic"]), st.booleans())
def test_format_parse_round_trip(c: Citation, style: cit.CitationStyle, short: bool) -> None:
    text = c.format(style, short_title=short)
    parsed = parse_citation(text)
    assert parsed == c
    assert parsed.raw == text


@given(citations(), st.sampled_from(["chinese", "arabic"]))
def test_round_trip_inside_sentence(c: Citation, style: cit.CitationStyle) -> None:
    text = f"当事人的行为违反了{c.format(style)}的规定，责令改正。"
    assert parse_citations(text) == [c]


@given(
    st.integers(1, 999),
    st.none() | st.integers(1, 9),
    st.none() | st.integers(1, 30),
    st.sampled_from(["", " ", "　"]),
    st.sampled_from(["（{}）", "({})", "〔{}〕", "{}"]),
    st.booleans(),
)
def test_fast_path_matches_general_tokenizer(
    article: int, paragraph: int | None, item: int | None, space: str, brackets: str, cn: bool
) -> None:
    num = int_to_chinese if cn else str
    text = f"第{space}{num(article)}{space}条"
    if paragraph is not None:
        text += f"{space}第{num(paragraph)}款"
    if item is not None:
        text += f"第{brackets.format(int_to_chinese(item) if cn else item)}项"
    fast = cit._scan_chain(text, 0)
    general = cit._scan_general_chain(text, 0, 0)
    assert fast == general == ([(article, paragraph, item, None)], len(text))


_CITATION_ALPHABET = (
    "《》〈〉（）()〔〕第条款项目之、，,；和及至-同该本法规定条例办法"
    "一二三四五六七八九十百千零两0123456789 年修订正版简称以下食品安全行政处罚"
)


@given(st.text(alphabet=_CITATION_ALPHABET, max_size=80) | st.text(max_size=80))
def test_parser_never_raises(text: str) -> None:
    for c in parse_citations(text):
        assert c.law
        assert c.article is None or c.article >= 1
    parse_citations(text, default_law="行政处罚法")


def test_parse_speed_is_reasonable() -> None:
    # Generous bound (the target is well under 50 µs): it only catches pathological regexes.
    text = (
        "依据《中华人民共和国食品安全法》第一百二十四条第一款第（三）项的规定，本局决定责令当事人"
        "改正上述违法行为，没收违法所得，并处罚款人民币伍万元整。"
    )
    assert len(parse_citations(text)) == 1
    runs = 2000
    per_call = min(timeit.repeat(lambda: parse_citations(text), number=runs, repeat=3)) / runs
    assert per_call < 500e-6
