"""Statutory period arithmetic on China's official working calendar (期间计算).

This module is the one place where rule code turns "within 7 days" into a date. It follows
the counting rules collected in ``shared/domain/statutory-rules.md`` §7 (PA-01…PA-05):

* The trigger day is never counted; counting starts on the next day
  (《民法典》第二百零一条, 《民事诉讼法》第八十五条第二款).
* Calendar-day, month and year periods whose last day is a rest day end on the next working day
  (《民法典》第二百零三条). Ordinary weekends count as rest days for this purpose (common practice,
  PA-05); a make-up workday (调休上班日) is a working day and never moves a deadline.
* Month and year periods end on the corresponding day, or on the month's last day when the
  target month has no such day (《民法典》第二百零二条).
* Working-day periods (行政处罚法第八十五条, 行政强制法第六十九条, 行政许可法第八十二条,
  行政复议法第八十八条) count only official working days: Monday–Friday that are not public
  holidays, plus make-up workdays.

Holiday and make-up-workday data come from the ``chinesecalendar`` package; nothing here keeps
its own list. When a computation needs a day whose year that data does not cover, the functions
raise :class:`HolidayDataMissing`, which the evaluation engine reports as ``needs_review``
instead of guessing. Pure arithmetic that needs no holiday data (calendar days or months with
``shift_rest_day=False``, :func:`calendar_days_between`) works for any date.

Every function is pure and thread-safe. The working-day table for all covered years is built once
at import (about 5 ms) straight from the package's data, so the package's NotImplementedError for
uncovered years never arises on the hot path. Each look-up is an index into a tuple, and each
working-day count is a prefix-sum difference or a binary search, whatever the period's length.
"""

from __future__ import annotations

import enum
from bisect import bisect_left
from datetime import date, timedelta

import attrs
import chinese_calendar

__all__ = [
    "HolidayDataMissing",
    "Period",
    "PeriodCheck",
    "PeriodUnit",
    "add_calendar_days",
    "add_months",
    "add_working_days",
    "add_years",
    "calendar_days_between",
    "covered_years",
    "deadline_check",
    "ensure_covered",
    "is_rest_day",
    "is_working_day",
    "subtract_working_days",
    "working_days_between",
]


class HolidayDataMissing(Exception):
    """The holiday data does not cover a year that a period computation needs.

    ``year`` is the first uncovered year the computation reached; ``message`` is a Chinese
    sentence a reviewer can read as is. The evaluation engine turns this exception into a
    ``needs_review`` finding, so rule code simply lets it propagate.
    """

    def __init__(self, year: int) -> None:
        # Only ``year`` goes into ``args`` so that the exception survives pickling between
        # batch worker processes (Exception.__reduce__ calls ``cls(*args)``).
        super().__init__(year)
        self.year = year
        self.message = f"缺少{year}年法定节假日及调休安排数据，无法按工作日计算期限，需人工核对"

    def __str__(self) -> str:
        return self.message


def _build_table() -> tuple[int, int, tuple[bool, ...], list[int], list[int]]:
    holidays = chinese_calendar.holidays
    workdays = chinese_calendar.workdays
    # The package decides coverage from its holiday table the same way (utils._validate_date).
    first_year = min(holidays).year
    last_year = max(holidays).year
    base = date(first_year, 1, 1).toordinal()
    size = date(last_year, 12, 31).toordinal() - base + 1
    working = tuple(
        d in workdays or (d.weekday() < 5 and d not in holidays)
        for d in (date.fromordinal(base + i) for i in range(size))
    )
    # cum[i] = working days among indices [0, i): counts become differences, and the n-th working
    # day after a point becomes a binary search.
    cum = [0] * (size + 1)
    for i, w in enumerate(working):
        cum[i + 1] = cum[i] + w
    # nxt[i] = first working index >= i (``size`` when the covered range runs out first).
    nxt = [size] * (size + 1)
    for i in range(size - 1, -1, -1):
        nxt[i] = i if working[i] else nxt[i + 1]
    return base, size, working, cum, nxt


_BASE, _SIZE, _WORKING, _CUM, _NEXT = _build_table()
_FIRST_YEAR = date.fromordinal(_BASE).year
_LAST_YEAR = date.fromordinal(_BASE + _SIZE - 1).year
_MAX_ORDINAL = date.max.toordinal()


def _missing_at(index: int) -> HolidayDataMissing:
    """The exception for the first uncovered day a computation reached, given its table index."""
    # Clamped so that a walk off either end of the proleptic calendar still reports a year.
    ordinal = min(max(index + _BASE, 1), _MAX_ORDINAL)
    return HolidayDataMissing(date.fromordinal(ordinal).year)


def covered_years() -> range:
    """The years the holiday data covers; ``.stop`` is the first year without data."""
    return range(_FIRST_YEAR, _LAST_YEAR + 1)


def ensure_covered(d: date) -> None:
    """Raise :class:`HolidayDataMissing` unless the holiday data covers the year of ``d``."""
    if not _FIRST_YEAR <= d.year <= _LAST_YEAR:
        raise HolidayDataMissing(d.year)


def is_working_day(d: date) -> bool:
    """Whether ``d`` is an official working day.

    Monday–Friday that is not a public holiday, or a make-up workday (调休上班日) even when it
    falls on a weekend. Raises :class:`HolidayDataMissing` outside :func:`covered_years`.
    """
    i = d.toordinal() - _BASE
    if 0 <= i < _SIZE:
        return _WORKING[i]
    raise _missing_at(i)


def is_rest_day(d: date) -> bool:
    """Whether ``d`` is a rest day: a weekend day not swapped to work, or a public holiday."""
    return not is_working_day(d)


def _roll_forward(d: date) -> date:
    """``d`` itself if it is a working day, else the next working day (民法典第二百零三条)."""
    i = d.toordinal() - _BASE
    if not 0 <= i < _SIZE:
        raise _missing_at(i)
    j = _NEXT[i]
    if j == i:
        return d
    if j >= _SIZE:
        raise _missing_at(j)
    return date.fromordinal(j + _BASE)


def _check_length(n: int) -> None:
    if n < 0:
        raise ValueError(f"period length must not be negative, got {n}")


def add_calendar_days(start: date, n: int, *, shift_rest_day: bool = True) -> date:
    """The last day of a period of ``n`` calendar days (N日, 自然日) triggered on ``start``.

    The trigger day is not counted, so the raw deadline is ``start + n``. With ``shift_rest_day``
    (the default, 《民法典》第二百零三条) a raw deadline on a rest day moves to the next working
    day; a make-up workday is a working day and stays. ``n == 0`` applies the same rule to
    ``start`` itself. Without the shift no holiday data is needed and any date works.
    """
    _check_length(n)
    d = start + timedelta(days=n)
    return _roll_forward(d) if shift_rest_day else d


def add_working_days(start: date, n: int) -> date:
    """The ``n``-th working day after ``start`` (N个工作日), the trigger day not counted.

    Counting begins on ``start + 1``; only working days count, so when ``start`` is a rest day
    the first counted day is simply the next working day. The result is always a working day,
    so no rest-day shift applies. ``n == 0`` returns ``start`` unchanged.
    """
    _check_length(n)
    if n == 0:
        return start
    first = start.toordinal() - _BASE + 1
    if not 0 <= first < _SIZE:
        raise _missing_at(first)
    # The n-th working day from ``first`` is the day before the first prefix that reaches target.
    j = bisect_left(_CUM, _CUM[first] + n, lo=first)
    if j > _SIZE:
        raise _missing_at(_SIZE)
    return date.fromordinal(j - 1 + _BASE)


def subtract_working_days(event: date, n: int) -> date:
    """The latest compliant date for an act required ``n`` working days before ``event``.

    This is PA-03 step 5 ("N days before an event", e.g. a hearing notice 七日前): the event day is
    not counted; walk backwards from ``event - 1`` counting working days, and return the ``n``-th
    one. An act on or before the returned date is compliant. Equivalently, the result ``d`` is the
    working day for which the working days in ``[d, event)`` number exactly ``n``: the act day is
    counted, the event day is not, mirroring the forward rule (trigger not counted, last day
    counted). If ``event`` is a rest day, counting still starts from the previous working day.

    The result is always a working day, and for a working-day ``event``
    ``add_working_days(subtract_working_days(event, n), n) == event``. The stricter "clear days"
    reading (n whole working days strictly between act and event, PA-03 step 8) is
    ``act < subtract_working_days(event, n)``. ``n == 0`` returns ``event`` unchanged.
    """
    _check_length(n)
    if n == 0:
        return event
    end = event.toordinal() - _BASE  # days [d, end) are counted
    if not 0 < end <= _SIZE:
        raise _missing_at(end - 1)
    target = _CUM[end] - n
    if target < 0:
        raise _missing_at(-1)
    # The working day d with _CUM[d] == target is the last index before _CUM reaches target + 1.
    j = bisect_left(_CUM, target + 1, hi=end)
    return date.fromordinal(j - 1 + _BASE)


_MONTH_LENGTHS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _shift_month(start: date, n: int) -> date:
    total = start.month - 1 + n
    year, month = start.year + total // 12, total % 12 + 1
    last_day = _MONTH_LENGTHS[month - 1]
    if month == 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0):
        last_day = 29
    return date(year, month, min(start.day, last_day))


def add_months(start: date, n: int, *, shift_rest_day: bool = True) -> date:
    """The last day of a period of ``n`` months (N个月) triggered on ``start``.

    The period ends on the day of the target month with the same number as ``start``, or on the
    target month's last day if it has no such day (《民法典》第二百零二条): 2023-03-31 + 6 months
    is 2023-09-30. With ``shift_rest_day`` a rest day then moves to the next working day.
    """
    _check_length(n)
    d = _shift_month(start, n)
    return _roll_forward(d) if shift_rest_day else d


def add_years(start: date, n: int, *, shift_rest_day: bool = True) -> date:
    """The last day of a period of ``n`` years (N年), by the corresponding-day rule of
    :func:`add_months` (2024-02-29 + 1 year is 2025-02-28).

    Pass ``shift_rest_day=False`` for limitation periods such as the two-year 追责时效 of
    《行政处罚法》第三十六条: they ask whether a fact happened within the period, not whether a
    party acted in time, so the rest-day extension for acts does not apply, and without the shift
    no holiday data is needed however far the period reaches.
    """
    _check_length(n)
    d = _shift_month(start, 12 * n)
    return _roll_forward(d) if shift_rest_day else d


def working_days_between(start: date, end: date) -> int:
    """The number of working days in ``(start, end]``: ``start`` not counted, ``end`` counted.

    Returns 0 when ``end <= start``. Agrees with :func:`add_working_days`: for every ``n >= 1``,
    ``working_days_between(start, add_working_days(start, n)) == n``.
    """
    s = start.toordinal() - _BASE
    e = end.toordinal() - _BASE
    if e <= s:
        return 0
    if s + 1 < 0:
        raise _missing_at(s + 1)
    if e >= _SIZE:
        raise _missing_at(max(s + 1, _SIZE))
    return _CUM[e + 1] - _CUM[s + 1]


def calendar_days_between(start: date, end: date) -> int:
    """Calendar days from ``start`` to ``end`` (negative when ``end`` is earlier)."""
    return (end - start).days


class PeriodUnit(enum.StrEnum):
    """How a statutory period is measured."""

    CALENDAR_DAYS = "calendar_days"
    WORKING_DAYS = "working_days"
    MONTHS = "months"
    YEARS = "years"


_UNIT_SUFFIX = {
    PeriodUnit.CALENDAR_DAYS: "日",
    PeriodUnit.WORKING_DAYS: "个工作日",
    PeriodUnit.MONTHS: "个月",
    PeriodUnit.YEARS: "年",
}


def _non_negative(_instance: object, _attribute: attrs.Attribute[int], value: int) -> None:
    _check_length(value)


@attrs.frozen
class Period:
    """A statutory period: its length, its unit and the provision that fixes it.

    ``unit`` also accepts the plain string values (as read from a TOML standard).
    ``shift_rest_day`` applies to calendar-day, month and year periods (working-day deadlines
    are always working days); set it to ``False`` for limitation periods, see :func:`add_years`.

    >>> Period(7, PeriodUnit.WORKING_DAYS, "《中华人民共和国行政处罚法》第六十一条").describe()
    '7个工作日'
    """

    length: int = attrs.field(validator=_non_negative)
    unit: PeriodUnit = attrs.field(converter=PeriodUnit)
    basis: str
    shift_rest_day: bool = True

    def deadline(self, trigger: date) -> date:
        """The last day of the period triggered on ``trigger`` (the trigger day not counted)."""
        unit = self.unit
        if unit is PeriodUnit.WORKING_DAYS:
            return add_working_days(trigger, self.length)
        if unit is PeriodUnit.CALENDAR_DAYS:
            return add_calendar_days(trigger, self.length, shift_rest_day=self.shift_rest_day)
        if unit is PeriodUnit.MONTHS:
            return add_months(trigger, self.length, shift_rest_day=self.shift_rest_day)
        return add_years(trigger, self.length, shift_rest_day=self.shift_rest_day)

    def describe(self) -> str:
        """The period in Chinese: "7个工作日", "90日", "6个月", "2年"."""
        return f"{self.length}{_UNIT_SUFFIX[self.unit]}"


@attrs.frozen
class PeriodCheck:
    """The outcome of checking one act against one period (see :func:`deadline_check`).

    ``days_late`` is in calendar days past the deadline (0 when met). ``elapsed`` is measured in
    the period's own kind of day: working days in ``(trigger, act]`` for working-day periods,
    calendar days otherwise; it is negative when the act precedes the trigger.
    """

    deadline: date
    act: date
    met: bool
    days_late: int
    elapsed: int
    trigger: date
    period: Period

    def describe(self, trigger_label: str = "起算日", act_label: str = "实际") -> str:
        """A Chinese sentence a reviewer can paste into a notice, e.g.
        "送达日2025-01-24，期限7个工作日，截止2025-02-07；实际2025-02-10，逾期3日".

        ``trigger_label`` names the trigger event (送达日, 立案日, 决定日 …).
        """
        outcome = "未逾期" if self.met else f"逾期{self.days_late}日"
        return (
            f"{trigger_label}{self.trigger.isoformat()}，期限{self.period.describe()}，"
            f"截止{self.deadline.isoformat()}；{act_label}{self.act.isoformat()}，{outcome}"
        )


def deadline_check(trigger: date, act: date, period: Period) -> PeriodCheck:
    """Check whether ``act`` happened within ``period`` triggered on ``trigger``.

    The act is in time when ``act <= deadline`` ("N日内" includes the last day,
    《民法典》第一千二百五十九条). Raises :class:`HolidayDataMissing` when the deadline or, for a
    working-day period, the elapsed count needs an uncovered year.
    """
    deadline = period.deadline(trigger)
    late = (act - deadline).days
    if period.unit is PeriodUnit.WORKING_DAYS:
        if act >= trigger:
            elapsed = working_days_between(trigger, act)
        else:
            elapsed = -working_days_between(act, trigger)
    else:
        elapsed = (act - trigger).days
    return PeriodCheck(
        deadline=deadline,
        act=act,
        met=late <= 0,
        days_late=max(late, 0),
        elapsed=elapsed,
        trigger=trigger,
        period=period,
    )
