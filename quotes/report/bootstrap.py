"""Bootstrap 95% intervals of a mean tone, from a histogram of binned compound scores.

Speaker totals (:mod:`quotes.report.speaker_stats`) and the timeline (:mod:`quotes.report.timeline`)
keep compound scores binned to ``COMPOUND_DECIMALS``; the interval is computed from those bins.
"""

from __future__ import annotations

from collections import Counter

import numpy as np

COMPOUND_DECIMALS = 3
"""Compound scores are binned to this precision for the histogram and the bootstrap."""
CI_MIN_QUOTES = 5
BOOTSTRAP_DRAWS = 2000
BOOTSTRAP_SEED = 20240611


def bootstrap_ci(compounds: Counter[float]) -> tuple[float, float] | None:
    """Percentile bootstrap 95% interval of the mean, from a histogram of values.

    Resampling n values with replacement from the binned sample is a multinomial draw over
    the distinct values, so this is exact for the binned data and uses memory proportional
    to the number of distinct values, not to n. The seed is fixed: output is deterministic.
    """
    n = sum(compounds.values())
    if n < CI_MIN_QUOTES:
        return None
    values = np.array(sorted(compounds), dtype=float)
    probs = np.array([compounds[v] for v in values], dtype=float) / n
    rng = np.random.default_rng(BOOTSTRAP_SEED)
    means = np.empty(BOOTSTRAP_DRAWS)
    chunk = max(1, min(BOOTSTRAP_DRAWS, 500_000 // len(values)))
    for start in range(0, BOOTSTRAP_DRAWS, chunk):
        size = min(chunk, BOOTSTRAP_DRAWS - start)
        draws = rng.multinomial(n, probs, size=size)
        means[start : start + size] = draws @ values / n
    low, high = np.percentile(means, [2.5, 97.5])
    mean = float(values @ probs)  # with one distinct value, every draw is it, give or take a rounding
    return min(float(low), mean), max(float(high), mean)
