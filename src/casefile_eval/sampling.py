"""Drawing files for review (抽取案卷): reproducible simple or stratified random samples.

The pool is every valid case in the inputs, sorted by (agency, kind, case id, source) so that
the same files and the same seed always draw the same sample, whatever order the file system
lists them in. Without ``per_agency`` the draw is a simple random sample of the whole pool;
with it, every agency gets its own quota (N files, or the ratio of its files, at least one),
spread over its kinds (处罚 / 许可) in proportion by largest remainders, so that each pool
(agency, kind) is represented as in real 按单位随机抽取 reviews.
"""

from __future__ import annotations

import math
import random
from collections import defaultdict
from collections.abc import Iterable

import attrs


@attrs.frozen(slots=True)
class PoolEntry:
    """One file that can be drawn."""

    case_id: str
    agency: str
    kind: str
    title: str
    source: str
    line: int | None = None


@attrs.frozen(slots=True)
class Draw:
    """The sample and the pools it came from: (agency, kind) → (pool size, drawn)."""

    drawn: tuple[PoolEntry, ...]
    pools: tuple[tuple[str, str, int, int], ...]
    seed: int
    pool_size: int


def _quota(size: int, n: int | None, ratio: float | None) -> int:
    if size == 0:
        return 0
    if n is not None:
        return min(n, size)
    assert ratio is not None
    return min(size, max(1, math.ceil(size * ratio - 1e-9)))


def _split(quota: int, sizes: dict[str, int]) -> dict[str, int]:
    """Spread a quota over strata in proportion to their sizes (largest remainder)."""
    total = sum(sizes.values())
    exact = {k: quota * s / total for k, s in sizes.items()}
    share = {k: min(sizes[k], math.floor(v)) for k, v in exact.items()}
    left = quota - sum(share.values())
    for k in sorted(exact, key=lambda k: (-(exact[k] - math.floor(exact[k])), k)):
        if left <= 0:
            break
        if share[k] < sizes[k]:
            share[k] += 1
            left -= 1
    return share


def draw(
    pool: Iterable[PoolEntry],
    *,
    n: int | None = None,
    ratio: float | None = None,
    per_agency: bool = False,
    seed: int = 0,
) -> Draw:
    """Draw a sample: ``n`` files or ``ratio`` of the pool, overall or per agency."""
    if (n is None) == (ratio is None):
        raise ValueError("give exactly one of n and ratio")
    if n is not None and n < 1:
        raise ValueError("n must be at least 1")
    if ratio is not None and not 0 < ratio <= 1:
        raise ValueError("ratio must be in (0, 1]")
    entries = sorted(pool, key=lambda e: (e.agency, e.kind, e.case_id, e.source, e.line or 0))
    rng = random.Random(seed)
    strata: dict[tuple[str, str], list[PoolEntry]] = defaultdict(list)
    for e in entries:
        strata[(e.agency, e.kind)].append(e)
    chosen: list[PoolEntry] = []
    if per_agency:
        agencies: dict[str, dict[str, int]] = defaultdict(dict)
        for (agency, kind), items in strata.items():
            agencies[agency][kind] = len(items)
        for agency in sorted(agencies):
            sizes = agencies[agency]
            quota = _quota(sum(sizes.values()), n, ratio)
            for kind, k in sorted(_split(quota, sizes).items()):
                chosen.extend(rng.sample(strata[(agency, kind)], k))
    else:
        chosen = rng.sample(entries, _quota(len(entries), n, ratio))
    chosen.sort(key=lambda e: (e.agency, e.kind, e.case_id, e.source, e.line or 0))
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for e in chosen:
        counts[(e.agency, e.kind)] += 1
    pools = tuple(
        (agency, kind, len(items), counts.get((agency, kind), 0))
        for (agency, kind), items in sorted(strata.items())
    )
    return Draw(tuple(chosen), pools, seed, len(entries))
