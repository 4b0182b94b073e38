"""The whole extraction of one article grows linearly with its quotations (issue 13).

The same quotation-dense text repeated N and 2N times in one article: the Python function
calls made by ``Extractor.extract_doc`` (counted by cProfile, which also sees spaCy's profiled
Cython calls such as token creation) must not grow more than about 2.3 times. A step that scans
the whole article per name or quotation (``doc.text`` rebuilds the article from every token on
each access) made the count grow with the square of the article's length.
"""

from __future__ import annotations

import cProfile
import pstats

import pytest

SEED = """Microsoft invests $1bn in OpenAI

Microsoft CEO Satya Nadella said the deal was "a landmark for the industry."

"We want to build artificial general intelligence," said Sam Altman, CEO of OpenAI. He added that
the money would be spent within five years.

Ms. Priya Raman, a spokeswoman for the company, said the board had approved it. "It is a good day,"
she said. Senator John Kerry, the chairman of the committee, said the deal was under review.

"Our partnership will grow," Nadella said, according to Reuters. OpenAI said in a statement that it
welcomed the investment.
"""


def _calls(nlp, rules, repeats: int) -> tuple[int, int]:
    from quotes.nlp.model import parse_long
    from quotes.pipeline.extractor import Extractor

    text = "\n\n".join([SEED] * repeats)
    doc = parse_long(nlp, text)
    extractor = Extractor(rules)
    profile = cProfile.Profile()
    quotations = profile.runcall(extractor.extract_doc, text, doc)
    assert sum(q.speaker_name is not None for q in quotations) >= len(quotations) // 2
    return pstats.Stats(profile).total_calls, len(quotations)  # type: ignore[attr-defined]


@pytest.mark.slow
def test_extraction_work_grows_linearly(nlp, rules) -> None:
    small, small_quotes = _calls(nlp, rules, 15)
    large, large_quotes = _calls(nlp, rules, 30)
    assert large_quotes == 2 * small_quotes
    assert large <= 2.3 * small, (small, large)
