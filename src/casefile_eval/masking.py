"""Masking personal data of natural persons in everything a review sends out.

Published bulletins and supervision letters name agencies and cases but not private
individuals' details (domain-standards §6.6). What is masked, and how:

- **Names** of natural persons and of the operators of individual businesses (个体工商户) are
  reduced to the surname followed by a single 某: 林志明 → 林某, 欧阳娜娜 → 欧阳某. This
  follows the courts' rule for published judgments (保留姓氏，名字以"某"替代) and, unlike
  林某某, does not leak the length of the given name. Compound surnames (欧阳, 司马 …) are
  kept whole. A name with a middle dot (阿依古丽·买买提) keeps its first character.
  An individual business's registered name (杭州余杭禾丰食品商行) is an organisation's name and
  is kept; only a business "name" that is really a person's name is masked.
- **Resident ID numbers** (18 or 15 digits with a plausible birth date) keep the 6-digit region
  code: ``330106************``.
- **Mobile numbers** keep the first 3 and last 4 digits (``139****0000``); **landlines** keep
  the area code and last 4 digits (``0571-****0000``).
- **Home addresses** of natural persons and individual businesses, when known from the case
  file, keep the administrative prefix up to the county level (浙江省杭州市西湖区****); free text
  of the form ``住址：…`` / ``住所为…`` is masked the same way up to the next punctuation.

Organisations' names, their legal representatives' names and officers' names are public in
their official capacity and are not masked (legal representatives' ID and phone numbers are,
by the regexes). Masking is deterministic: the same text always masks the same way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

_COMPOUND = (
    "欧阳司马上官诸葛东方皇甫尉迟公孙慕容长孙宇文司徒夏侯轩辕令狐钟离端木独孤南宫西门闻人万俟"
    "赫连澹台公冶宗政濮阳太叔申屠呼延单于拓跋百里东郭南门羊舌微生梁丘左丘东门第五公羊谷梁司空"
    "司寇亓官鲜于闾丘"
)
#: Compound surnames (two characters each), checked before single-character ones.
COMPOUND_SURNAMES = frozenset(_COMPOUND[i : i + 2] for i in range(0, len(_COMPOUND), 2))

# Endings that make a "name" an organisation's or a shop's, never a person's.
_ORG_ENDINGS = (
    "公司",
    "店",
    "行",
    "部",
    "厂",
    "馆",
    "中心",
    "社",
    "场",
    "所",
    "站",
    "院",
    "坊",
    "铺",
    "庄",
    "园",
    "局",
    "会",
    "室",
    "厅",
    "吧",
    "城",
    "处",
    "队",
    "组",
    "合作社",
    "工作室",
    "经营部",
)

_CJK = r"\u3400-\u9fff"
_PERSON_NAME = re.compile(rf"^[{_CJK}]{{2,5}}$|^[{_CJK}]{{1,10}}·[{_CJK}·]{{1,20}}$")

# 18-digit ID: region (6) + yyyymmdd + sequence (3) + check; 15-digit: region + yymmdd + seq.
ID_NUMBER = re.compile(
    r"(?<![0-9A-Za-z])"
    r"(\d{6})"
    r"((?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[0-9Xx]"
    r"|\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3})"
    r"(?![0-9A-Za-z])"
)
MOBILE = re.compile(r"(?<![0-9])(?:\+?86[- ]?)?(1[3-9]\d)[- ]?(\d{4})[- ]?(\d{4})(?![0-9])")
LANDLINE = re.compile(r"(?<![0-9])(0\d{2,3})[-－ ]?(\d{3,4})[- ]?(\d{4})(?![0-9])")
_ADDRESS_KEYS = ("住址", "住所", "家庭住址", "居住地", "户籍地", "现住", "地址")
FREE_ADDRESS = re.compile(
    r"((?:家庭住址|住址|住所地|住所|居住地|户籍地|现住址|现住)(?:为|是|在)?[:：]?\s*)"
    r"([^，。；,;、）)\s]{4,60})"
)
_ADMIN_PREFIX = re.compile(
    r"^(?:[^省市区县]{1,8}?(?:省|自治区|市))?(?:[^省市区县]{1,8}?(?:市|自治州|盟|地区))?"
    r"(?:[^省市区县]{1,8}?(?:区|县|市|旗))?"
)


def looks_like_person(name: str) -> bool:
    """Whether a party name is a person's name rather than an organisation's or a shop's."""
    name = name.strip()
    if not _PERSON_NAME.match(name) or name.endswith(_ORG_ENDINGS):
        return False
    return not any(word in name for word in ("有限", "公司", "集团", "政府", "委员会"))


def mask_name(name: str) -> str:
    """Surname + 某 (林志明 → 林某, 欧阳娜娜 → 欧阳某)."""
    name = name.strip()
    if not name:
        return name
    if "·" in name:
        return name[0] + "某"
    if len(name) >= 3 and name[:2] in COMPOUND_SURNAMES:
        return name[:2] + "某"
    return name[0] + "某"


def mask_address(address: str) -> str:
    """Keep the administrative prefix (province / city / county), mask the rest."""
    address = address.strip()
    prefix = _ADMIN_PREFIX.match(address)
    kept = prefix.group(0) if prefix else ""
    if len(kept) >= len(address) or not kept:
        kept = address[: min(3, max(len(address) - 1, 0))]
    return kept + "****"


def _mask_id(match: re.Match[str]) -> str:
    return match.group(1) + "*" * len(match.group(2))


def _mask_mobile(match: re.Match[str]) -> str:
    return f"{match.group(1)}****{match.group(3)}"


def _mask_landline(match: re.Match[str]) -> str:
    return f"{match.group(1)}-****{match.group(3)}"


def _mask_free_address(match: re.Match[str]) -> str:
    return match.group(1) + mask_address(match.group(2))


class Masker:
    """Masks the personal data it was told about, plus ID and phone numbers found anywhere.

    Feed it every case (:meth:`add_case`) or, when only saved results are at hand, their party
    summaries (:meth:`add_party`); then call :meth:`text` on every string that goes out.
    ``enabled=False`` (``--no-mask``) makes every method return its input unchanged.
    """

    def __init__(self, enabled: bool = True) -> None:
        self.enabled = enabled
        self._names: dict[str, str] = {}
        self._literals: dict[str, str] = {}
        self._pattern: re.Pattern[str] | None = None

    # ------------------------------------------------------------------ learning

    def add_name(self, name: str | None) -> None:
        """Mask this person's name wherever it appears."""
        if name and len(name.strip()) >= 2:
            self._names[name.strip()] = mask_name(name)
            self._pattern = None

    def add_literal(self, text: str | None, replacement: str) -> None:
        """Replace this exact text (an address, an unusual ID) wherever it appears."""
        if text and len(text.strip()) >= 4:
            self._literals[text.strip()] = replacement
            self._pattern = None

    def add_party(self, name: str, party_type: str) -> None:
        """A party as saved results record it (name and type only)."""
        if party_type == "natural_person" or (
            party_type == "individual_business" and looks_like_person(name)
        ):
            self.add_name(name)

    def add_case(self, case: Any) -> None:
        """Every natural person's data in a case file (parties, operators of individual
        businesses, their ID numbers, phones and addresses)."""
        for party in getattr(case, "parties", ()):
            personal = party.type in ("natural_person", "individual_business")
            self.add_party(party.name, party.type)
            if personal:
                rep = party.legal_representative
                if rep is not None:
                    self.add_name(getattr(rep, "name", None))
                    self._add_number(getattr(rep, "id_number", None))
                if party.address:
                    self.add_literal(party.address, mask_address(party.address))
            self._add_number(party.id_number)

    def _add_number(self, number: str | None) -> None:
        if number and not ID_NUMBER.fullmatch(number.strip()):
            # A passport or an unusual ID format the regex does not catch.
            self.add_literal(number, number.strip()[:2] + "*" * max(len(number.strip()) - 2, 2))

    # ------------------------------------------------------------------ masking

    def _compiled(self) -> re.Pattern[str] | None:
        if self._pattern is None and (self._names or self._literals):
            keys = sorted({*self._names, *self._literals}, key=lambda k: (-len(k), k))
            self._pattern = re.compile("|".join(re.escape(k) for k in keys))
        return self._pattern

    def text(self, value: str | None) -> str:
        """The text with personal data masked."""
        if value is None:
            return ""
        value = str(value)
        if not self.enabled or not value:
            return value
        pattern = self._compiled()
        if pattern is not None:
            value = pattern.sub(
                lambda m: self._literals.get(m.group(0)) or self._names[m.group(0)], value
            )
        value = ID_NUMBER.sub(_mask_id, value)
        value = MOBILE.sub(_mask_mobile, value)
        value = LANDLINE.sub(_mask_landline, value)
        return FREE_ADDRESS.sub(_mask_free_address, value)

    def name(self, name: str, party_type: str = "natural_person") -> str:
        """A party's name as it may be shown."""
        if not self.enabled:
            return name
        if party_type == "natural_person" or (
            party_type == "individual_business" and looks_like_person(name)
        ):
            return mask_name(name)
        return self.text(name)

    def values(self, values: Mapping[str, Any]) -> dict[str, str]:
        """A finding's decisive values, masked; address-like keys mask their whole value."""
        out: dict[str, str] = {}
        for key, value in values.items():
            shown = _value_text(value)
            if self.enabled and any(k in str(key) for k in _ADDRESS_KEYS) and shown:
                shown = mask_address(self.text(shown).replace("****", ""))
            out[self.text(str(key))] = self.text(shown)
        return out

    def many(self, texts: Iterable[str]) -> list[str]:
        """Mask each text."""
        return [self.text(t) for t in texts]


def _value_text(value: Any) -> str:
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, list | tuple):
        return "、".join(_value_text(v) for v in value)
    if value is None:
        return "（空）"
    return str(value)
