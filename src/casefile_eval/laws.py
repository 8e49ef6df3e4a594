"""Which version of a law was in force on a given day.

A :class:`LawRegistry` holds :class:`LawVersion` records (edition and in-force dates) per
instrument, keyed by the canonical title from :func:`casefile_eval.citations.canonical_law_title`
so short and full titles find the same law. Rules use it to judge an act by the text in force on
the day of the act, and to flag citations of instruments that were not (yet, or any longer) in
force::

    from datetime import date
    from casefile_eval.laws import DEFAULT_REGISTRY

    DEFAULT_REGISTRY.in_force("行政处罚法", date(2021, 7, 14)).edition   # "2017修正"
    DEFAULT_REGISTRY.was_in_force("环境行政处罚办法", date(2023, 7, 1))  # False

Plugins add instruments through ``LawRegistry.with_versions``, which returns a new registry and
leaves the shared :data:`DEFAULT_REGISTRY` untouched.

Dates: ``in_force_from`` is the first day in force and ``in_force_until`` the last (both
inclusive). A version whose ``in_force_until`` is left open ends the day before the next
version of the same instrument takes effect. Dates that could not be confirmed against a text
carry ``"unverified"`` in :attr:`LawVersion.note`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date, timedelta

import attrs

from .citations import canonical_law_title

__all__ = ["DEFAULT_LAW_VERSIONS", "DEFAULT_REGISTRY", "LawRegistry", "LawVersion"]

_YEAR_RE = re.compile(r"(?:1[89]|20)\d{2}")
_ONE_DAY = timedelta(days=1)


def _law_title(value: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError("law title must not be empty")
    return canonical_law_title(value)


def _former_title(value: str) -> str:
    return canonical_law_title(value) if value else ""


@attrs.frozen
class LawVersion:
    """One version (edition) of an instrument and the days it was in force.

    ``law`` is canonicalised (``"行政处罚法"`` → ``"中华人民共和国行政处罚法"``). ``edition`` is a
    label such as ``"2021修订"`` or ``"2017修正"``; its year is :attr:`edition_year`. ``title``
    records the name the instrument bore during this version when it differs from ``law``
    (``市场监督管理行政处罚程序暂行规定`` before 2021-07-15); lookups by that name find ``law``.
    """

    law: str = attrs.field(converter=_law_title)
    edition: str
    in_force_from: date
    in_force_until: date | None = None
    note: str = ""
    title: str = attrs.field(default="", converter=_former_title)

    def __attrs_post_init__(self) -> None:
        if self.in_force_until is not None and self.in_force_until < self.in_force_from:
            raise ValueError(
                f"{self.law} {self.edition}: in_force_until {self.in_force_until} is before "
                f"in_force_from {self.in_force_from}"
            )

    @property
    def edition_year(self) -> int | None:
        """The year in :attr:`edition` (``"2021修订"`` → 2021), or None."""
        m = _YEAR_RE.search(self.edition)
        return int(m.group()) if m else None

    @property
    def display_title(self) -> str:
        """The title in use during this version."""
        return self.title or self.law

    @property
    def unverified(self) -> bool:
        """True when the note says a date or fact could not be confirmed."""
        return "unverified" in self.note

    def covers_date(self, on: date) -> bool:
        """True when ``on`` falls within this version's own (inclusive) dates."""
        return self.in_force_from <= on and (
            self.in_force_until is None or on <= self.in_force_until
        )


_RESOLVED_LIMIT = 4096


class LawRegistry:
    """Versions of instruments, looked up by any spelling of their title.

    ``add`` changes the registry in place (refused once it is frozen); ``with_versions`` returns
    a new registry and is what plugin merging uses. Adding a version identical to one already
    held is a no-op, so the same version contributed twice does no harm; two different versions
    of one instrument that start on the same day, or whose explicit dates overlap, raise
    :class:`ValueError` naming both.
    """

    __slots__ = ("_by_law", "_edition_starts", "_frozen", "_normalised", "_resolved", "_titles")

    def __init__(self, versions: Iterable[LawVersion] = (), *, frozen: bool = False) -> None:
        self._by_law: dict[str, tuple[LawVersion, ...]] = {}
        self._normalised: dict[str, tuple[LawVersion, ...]] = {}
        self._titles: dict[str, str] = {}
        self._edition_starts: dict[tuple[str, int], date | None] = {}
        # Rules look laws up by the titles cases cite, on every case: each spelling is
        # normalised once. Bounded, like any cache fed by input text.
        self._resolved: dict[str, str | None] = {}
        self._frozen = False
        for version in versions:
            self.add(version)
        self._frozen = frozen

    # -- building --------------------------------------------------------------------------

    @property
    def frozen(self) -> bool:
        """True when :meth:`add` is refused."""
        return self._frozen

    def freeze(self) -> LawRegistry:
        """Refuse further :meth:`add` calls; returns ``self`` for chaining."""
        self._frozen = True
        return self

    def add(self, version: LawVersion) -> None:
        """Add one version; a no-op if an identical version is already held."""
        if self._frozen:
            raise TypeError("this LawRegistry is frozen; use with_versions() to extend a copy")
        if not isinstance(version, LawVersion):
            raise TypeError(f"expected LawVersion, got {type(version).__name__}")
        self._edition_starts.clear()
        self._resolved.clear()
        law = version.law
        existing = self._by_law.get(law, ())
        if version in existing:
            return
        for other in existing:
            if other.in_force_from == version.in_force_from:
                raise ValueError(
                    f"{law}: versions {other.edition!r} and {version.edition!r} both take "
                    f"effect on {version.in_force_from}"
                )
        if version.title:
            owner = self._titles.get(version.title)
            if owner is not None and owner != law:
                raise ValueError(f"title {version.title!r} already belongs to {owner}")
            if version.title in self._by_law and version.title != law:
                raise ValueError(f"title {version.title!r} is itself a registered law")
        if law in self._titles and self._titles[law] != law:
            raise ValueError(f"{law} is already recorded as a former title of {self._titles[law]}")
        ordered = tuple(sorted((*existing, version), key=lambda v: v.in_force_from))
        normalised = _normalise(law, ordered)
        self._by_law[law] = ordered
        self._normalised[law] = normalised
        if version.title and version.title != law:
            self._titles[version.title] = law

    def with_versions(
        self, versions: Iterable[LawVersion], *, replace: bool = False
    ) -> LawRegistry:
        """Return a new registry holding this one's versions plus ``versions``.

        With ``replace=True`` the versions given for an instrument replace all versions this
        registry held for it (to correct a default). The result is frozen if this one is.
        """
        incoming = list(versions)
        replaced = {v.law for v in incoming} if replace else set()
        result = LawRegistry()
        for held in self._by_law.values():
            for version in held:
                if version.law not in replaced:
                    result.add(version)
        for version in incoming:
            result.add(version)
        result._frozen = self._frozen
        return result

    # -- lookups -----------------------------------------------------------------------------

    def resolve(self, law: str) -> str | None:
        """The registry's key for ``law`` (any spelling, or a former title), or None."""
        try:
            return self._resolved[law]
        except KeyError:
            pass
        key: str | None = canonical_law_title(law)
        if key not in self._normalised:
            key = self._titles.get(key)  # type: ignore[arg-type]
        if len(self._resolved) >= _RESOLVED_LIMIT:
            self._resolved.clear()
        self._resolved[law] = key
        return key

    def is_known(self, law: str) -> bool:
        """True when the registry holds any version of ``law``."""
        return self.resolve(law) is not None

    def laws(self) -> tuple[str, ...]:
        """Canonical titles of all instruments held, sorted."""
        return tuple(sorted(self._normalised))

    def versions(self, law: str) -> tuple[LawVersion, ...]:
        """All versions of ``law``, oldest first, with open end dates filled in.

        Empty for an unknown law.
        """
        key = self.resolve(law)
        return self._normalised[key] if key is not None else ()

    def in_force(self, law: str, on: date) -> LawVersion | None:
        """The version of ``law`` in force on ``on``; None if none was or the law is unknown."""
        for version in self.versions(law):
            if version.covers_date(on):
                return version
        return None

    def was_in_force(self, law: str, on: date) -> bool | None:
        """True/False whether ``law`` was in force on ``on``; None when ``law`` is unknown."""
        if not self.is_known(law):
            return None
        return self.in_force(law, on) is not None

    def repealed_on(self, law: str) -> date | None:
        """The first day ``law`` was no longer in force (the repeal took effect).

        None when the law is still in force or is unknown (tell them apart with
        :meth:`is_known`).
        """
        versions = self.versions(law)
        if not versions or versions[-1].in_force_until is None:
            return None
        return versions[-1].in_force_until + _ONE_DAY

    def edition(self, law: str, year: int) -> LawVersion | None:
        """The version of ``law`` whose edition label carries ``year`` (e.g. a citation's
        ``（2021年修订）``), or None."""
        for version in self.versions(law):
            if version.edition_year == year:
                return version
        return None

    def edition_start(self, law: str, year: int) -> date | None:
        """The first day in force of the edition of ``law`` labelled with ``year`` (e.g. when the
        2021 Penalty Law took effect), or None. Cached: rules ask on every case to pick the
        version of a law that governs it."""
        key = (law, year)
        try:
            return self._edition_starts[key]
        except KeyError:
            version = self.edition(law, year)
            start = version.in_force_from if version is not None else None
            self._edition_starts[key] = start
            return start

    def __contains__(self, law: object) -> bool:
        return isinstance(law, str) and self.is_known(law)

    def __len__(self) -> int:
        return len(self._normalised)

    def __iter__(self) -> Iterator[LawVersion]:
        for law in sorted(self._normalised):
            yield from self._normalised[law]

    def __repr__(self) -> str:
        state = ", frozen" if self._frozen else ""
        return f"<LawRegistry {len(self)} laws{state}>"


def _normalise(law: str, ordered: tuple[LawVersion, ...]) -> tuple[LawVersion, ...]:
    out: list[LawVersion] = []
    for current, following in zip(ordered, (*ordered[1:], None), strict=True):
        if following is not None:
            if current.in_force_until is None:
                current = attrs.evolve(current, in_force_until=following.in_force_from - _ONE_DAY)
            elif current.in_force_until >= following.in_force_from:
                raise ValueError(
                    f"{law}: version {current.edition!r} (until {current.in_force_until}) "
                    f"overlaps {following.edition!r} (from {following.in_force_from})"
                )
        out.append(current)
    return tuple(out)


# ---------------------------------------------------------------------------------------------
# Default data
# ---------------------------------------------------------------------------------------------

_D = date
# Notes say where a date comes from. "§0.1" is shared/domain/statutory-rules.md, whose dates were
# checked against statute texts; "text" means the instrument's own in-force article or header
# was read (LawRefBook/Laws consolidated texts). Everything else is marked unverified.
_PROMULGATION = "amending decision assumed in force on promulgation (unverified)"

DEFAULT_LAW_VERSIONS: tuple[LawVersion, ...] = (
    # 行政处罚法
    LawVersion("行政处罚法", "1996", _D(1996, 10, 1), note="adopted 1996-03-17 (§0.1)"),
    LawVersion(
        "行政处罚法",
        "2009修正",
        _D(2009, 8, 27),
        note="amended 2009-08-27 (§0.1); " + _PROMULGATION,
    ),
    LawVersion(
        "行政处罚法",
        "2017修正",
        _D(2018, 1, 1),
        note="amended 2017-09-01; the amendment took effect 2018-01-01 (§0.1)",
    ),
    LawVersion(
        "行政处罚法", "2021修订", _D(2021, 7, 15), note="adopted 2021-01-22; 第八十六条 (§0.1)"
    ),
    # 行政强制法
    LawVersion("行政强制法", "2011", _D(2012, 1, 1), note="adopted 2011-06-30; 第七十一条 (§0.1)"),
    # 行政许可法
    LawVersion("行政许可法", "2003", _D(2004, 7, 1), note="第八十三条 (§0.1)"),
    LawVersion(
        "行政许可法",
        "2019修正",
        _D(2019, 4, 23),
        note="amending decision in force on promulgation (§0.1)",
    ),
    # 行政复议法
    LawVersion("行政复议法", "1999", _D(1999, 10, 1), note="in-force date unverified"),
    LawVersion("行政复议法", "2009修正", _D(2009, 8, 27), note=_PROMULGATION),
    LawVersion(
        "行政复议法",
        "2017修正",
        _D(2018, 1, 1),
        note="amended 2017-09-01 by the decision that amended 行政处罚法; 2018-01-01 unverified "
        "for this law (§0.1 only says cases before 2024-01-01 use the 2017 text)",
    ),
    LawVersion(
        "行政复议法", "2023修订", _D(2024, 1, 1), note="adopted 2023-09-01; 第九十条 (§0.1)"
    ),
    # 行政诉讼法
    LawVersion("行政诉讼法", "1989", _D(1990, 10, 1), note="in-force date unverified"),
    LawVersion("行政诉讼法", "2014修正", _D(2015, 5, 1), note="amended 2014-11-01; unverified"),
    LawVersion(
        "行政诉讼法", "2017修正", _D(2017, 7, 1), note="amended 2017-06-27; unverified (§0.1)"
    ),
    LawVersion(
        "最高人民法院关于适用《中华人民共和国行政诉讼法》的解释",
        "2018",
        _D(2018, 2, 8),
        note="法释〔2018〕1号, adopted 2018-02-06; in-force date unverified (§0.1)",
    ),
    # 民事诉讼法 (期间/送达 article numbers 第八十五条–第九十五条 are the same in 2021 and 2023)
    LawVersion("民事诉讼法", "1991", _D(1991, 4, 9), note="in-force date unverified"),
    LawVersion("民事诉讼法", "2007修正", _D(2008, 4, 1), note="unverified"),
    LawVersion("民事诉讼法", "2012修正", _D(2013, 1, 1), note="unverified"),
    LawVersion("民事诉讼法", "2017修正", _D(2017, 7, 1), note="unverified"),
    LawVersion("民事诉讼法", "2021修正", _D(2022, 1, 1), note="unverified"),
    LawVersion(
        "民事诉讼法", "2023修正", _D(2024, 1, 1), note="adopted 2023-09-01; unverified (§0.1)"
    ),
    # 民法典
    LawVersion("民法典", "2020", _D(2021, 1, 1), note="adopted 2020-05-28 (§0.1)"),
    # Sector procedure rules
    LawVersion(
        "市场监督管理行政处罚程序规定",
        "2018",
        _D(2019, 4, 1),
        title="市场监督管理行政处罚程序暂行规定",
        note="总局令第2号 2018-12-21, 第八十七条; named 暂行规定 until the 2021 amendment (§0.1)",
    ),
    LawVersion(
        "市场监督管理行政处罚程序规定",
        "2021修正",
        _D(2021, 7, 15),
        note="总局令第42号 2021-07-02, renamed (暂行 dropped) (§0.1); amended again by 令第61号 "
        "2022-09-29, not recorded separately: its changes and in-force date are not confirmed",
    ),
    LawVersion(
        "市场监督管理行政处罚信息公示规定",
        "2021",
        _D(2021, 9, 1),
        note="总局令第45号 2021-07-30 (§0.1)",
    ),
    LawVersion(
        "住房和城乡建设行政处罚程序规定",
        "2022",
        _D(2022, 5, 1),
        note="住建部令第55号 2022-03-10 (§0.1)",
    ),
    LawVersion(
        "农业行政处罚程序规定",
        "2021修订",
        _D(2022, 2, 1),
        note="农业农村部令2021年第4号 2021-12-21 (§0.1); the 2020 original (令2020年第1号) is "
        "not recorded because its in-force date could not be confirmed",
    ),
    LawVersion(
        "环境行政处罚办法",
        "2010",
        _D(2010, 3, 1),
        _D(2023, 6, 30),
        note="环境保护部令第8号; replaced by 生态环境行政处罚办法 from 2023-07-01 (§0.1)",
    ),
    LawVersion(
        "生态环境行政处罚办法",
        "2023",
        _D(2023, 7, 1),
        note="生态环境部令第30号 2023-05-08 (§0.1)",
    ),
    # Substantive laws common in case files
    LawVersion(
        "食品安全法",
        "2009",
        _D(2009, 6, 1),
        note="adopted 2009-02-28 (text); in-force date unverified",
    ),
    LawVersion(
        "食品安全法", "2015修订", _D(2015, 10, 1), note="revised 2015-04-24; 第一百五十四条 (text)"
    ),
    LawVersion(
        "食品安全法",
        "2018修正",
        _D(2018, 12, 29),
        note="amended 2018-12-29 (text); " + _PROMULGATION,
    ),
    LawVersion(
        "食品安全法",
        "2021修正",
        _D(2021, 4, 29),
        note="amended 2021-04-29 (text); " + _PROMULGATION,
    ),
    LawVersion(
        "大气污染防治法",
        "2000修订",
        _D(2000, 9, 1),
        note="revised 2000-04-29 (text); in-force date unverified",
    ),
    LawVersion(
        "大气污染防治法",
        "2015修订",
        _D(2016, 1, 1),
        note="revised 2015-08-29; 第一百二十九条 (text)",
    ),
    LawVersion(
        "大气污染防治法",
        "2018修正",
        _D(2018, 10, 26),
        note="amended 2018-10-26 (text); " + _PROMULGATION,
    ),
    LawVersion("安全生产法", "2002", _D(2002, 11, 1), note="in-force date unverified"),
    LawVersion("安全生产法", "2009修正", _D(2009, 8, 27), note=_PROMULGATION),
    LawVersion("安全生产法", "2014修正", _D(2014, 12, 1), note="amended 2014-08-31; unverified"),
    LawVersion(
        "安全生产法",
        "2021修正",
        _D(2021, 9, 1),
        note="amended 2021-06-10; in force 2021-09-01 per the amending decision (not read here: "
        "unverified)",
    ),
    LawVersion("道路运输条例", "2004", _D(2004, 7, 1), note="国务院令第406号; 第八十三条 (text)"),
    LawVersion(
        "道路运输条例",
        "2012修订",
        _D(2013, 1, 1),
        note="revised 2012-11-09 (text); in-force date unverified",
    ),
    LawVersion(
        "道路运输条例",
        "2016修订",
        _D(2016, 2, 6),
        note="revised 2016-02-06 (text); " + _PROMULGATION,
    ),
    LawVersion(
        "道路运输条例",
        "2019修订",
        _D(2019, 3, 2),
        note="revised 2019-03-02 (text); " + _PROMULGATION,
    ),
    LawVersion("道路运输条例", "2022修订", _D(2022, 5, 1), note="revised 2022-03-29; unverified"),
    LawVersion("道路运输条例", "2023修订", _D(2023, 7, 20), note="revised 2023-07-20; unverified"),
    LawVersion(
        "城市市容和环境卫生管理条例",
        "1992",
        _D(1992, 8, 1),
        note="国务院令第101号 1992-06-28; 第四十五条 (text)",
    ),
    LawVersion(
        "城市市容和环境卫生管理条例",
        "2011修订",
        _D(2011, 1, 8),
        note="revised 2011-01-08 (text); " + _PROMULGATION,
    ),
    LawVersion(
        "城市市容和环境卫生管理条例",
        "2017修订",
        _D(2017, 3, 1),
        note="revised 2017-03-01 (text); " + _PROMULGATION,
    ),
    LawVersion("产品质量法", "1993", _D(1993, 9, 1), note="adopted 1993-02-22; 第七十四条 (text)"),
    LawVersion(
        "产品质量法",
        "2000修正",
        _D(2000, 9, 1),
        note="amended 2000-07-08 (text); in-force date unverified",
    ),
    LawVersion(
        "产品质量法",
        "2009修正",
        _D(2009, 8, 27),
        note="amended 2009-08-27 (text); " + _PROMULGATION,
    ),
    LawVersion(
        "产品质量法",
        "2018修正",
        _D(2018, 12, 29),
        note="amended 2018-12-29 (text); " + _PROMULGATION,
    ),
    LawVersion(
        "广告法", "1994", _D(1995, 2, 1), note="adopted 1994-10-27 (text); in-force date unverified"
    ),
    LawVersion("广告法", "2015修订", _D(2015, 9, 1), note="revised 2015-04-24; 第七十四条 (text)"),
    LawVersion(
        "广告法", "2018修正", _D(2018, 10, 26), note="amended 2018-10-26 (text); " + _PROMULGATION
    ),
    LawVersion(
        "广告法", "2021修正", _D(2021, 4, 29), note="amended 2021-04-29 (text); " + _PROMULGATION
    ),
)
"""Versions of the procedural instruments in statutory-rules.md §0.1 and of common
substantive laws. Check :attr:`LawVersion.unverified` before relying on a date."""

DEFAULT_REGISTRY: LawRegistry = LawRegistry(DEFAULT_LAW_VERSIONS, frozen=True)
"""A frozen registry of :data:`DEFAULT_LAW_VERSIONS`; extend it with ``with_versions``."""
