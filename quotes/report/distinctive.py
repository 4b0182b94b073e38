"""Distinctive words: weighted log-odds ratios with an informative Dirichlet prior.

Monroe, Colaresi and Quinn 2008, "Fightin' Words: Lexical Feature Selection and Evaluation for
Identifying the Content of Political Conflict" (Political Analysis 16(4)), section 3.5: for a
word w, group i against group j, with prior counts a_w proportional to the word's frequency in
the whole corpus (a_0 = sum of a_w),

    delta_w = log((y_iw + a_w) / (n_i + a_0 - y_iw - a_w)) - log((y_jw + a_w) / (n_j + a_0 - y_jw - a_w))
    var_w  ~= 1 / (y_iw + a_w) + 1 / (y_jw + a_w)

and words are ranked by the z-score delta_w / sqrt(var_w). The prior shrinks rare words towards
zero, so a word said once by a speaker with few quotations does not top the list.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

PRIOR_SIZE = 100.0
"""a_0: the prior's total pseudo-count, spread over words by their corpus frequency."""
MIN_COUNT = 2
"""A word must occur at least this often in the speaker's quotations to be listed."""
MIN_Z = 1.0
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


@cache
def stopwords() -> frozenset[str]:
    """Function words left out of the counts (``stopwords.txt`` beside this module)."""
    text = files("quotes.report").joinpath("stopwords.txt").read_text(encoding="utf-8")
    return frozenset(w for line in text.splitlines() if (w := line.split("#")[0].strip()))


def words(text: str) -> list[str]:
    """Content words of ``text``: lower case, at least 3 letters, no function words."""
    stop = stopwords()
    return [
        w
        for w in (m.replace("’", "'") for m in _WORD.findall(text.casefold()))
        if len(w) >= 3 and w not in stop
    ]


@dataclass(frozen=True)
class Distinctive:
    """One word that sets a group apart, with its evidence."""

    word: str
    count: int  # in the group
    other: int  # in the comparison
    z: float


def log_odds(
    group: Mapping[str, int],
    other: Mapping[str, int],
    prior: Mapping[str, int],
    *,
    top: int = 12,
    prior_size: float = PRIOR_SIZE,
) -> list[Distinctive]:
    """Words over-represented in ``group`` against ``other``, by z-score, at most ``top``.

    ``prior`` is the background word count (usually the whole corpus) that sets a_w.
    """
    n_i, n_j, n_prior = sum(group.values()), sum(other.values()), sum(prior.values())
    if not n_i or not n_j or not n_prior:
        return []
    found = []
    for word, y_i in group.items():
        if y_i < MIN_COUNT:
            continue
        a_w = prior_size * prior.get(word, 0) / n_prior or prior_size / n_prior
        y_j = other.get(word, 0)
        if n_i + prior_size - y_i - a_w <= 0 or n_j + prior_size - y_j - a_w <= 0:
            continue
        delta = math.log((y_i + a_w) / (n_i + prior_size - y_i - a_w)) - math.log(
            (y_j + a_w) / (n_j + prior_size - y_j - a_w)
        )
        z = delta / math.sqrt(1 / (y_i + a_w) + 1 / (y_j + a_w))
        if z >= MIN_Z:
            found.append(Distinctive(word, y_i, y_j, round(z, 2)))
    found.sort(key=lambda d: (-d.z, d.word))
    return found[:top]


def rest_of(total: Counter[str], group: Mapping[str, int]) -> Counter[str]:
    """``total`` minus ``group``: the rest of the corpus."""
    rest = Counter(total)
    rest.subtract(group)
    return +rest
