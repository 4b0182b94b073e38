"""Speaker resolution grows linearly with an article's quotations (issue 13).

The same seed-like text repeated N and 2N times: the resolver's index work (mentions added,
positions looked up) must not grow more than about 2.3 times. Before the index, every pronoun
and title scanned all earlier mentions, so doubling the text quadrupled the work.
"""

from __future__ import annotations

import pytest

SEED = """Microsoft invests $1bn in OpenAI

Microsoft CEO Satya Nadella said the deal was "a landmark for the industry."

"We want to build artificial general intelligence," said Sam Altman, CEO of OpenAI. He added that
the money would be spent within five years.

Ms. Priya Raman, a spokeswoman for the company, said the board had approved it. "It is a good day,"
she said. A senior administration official said the deal was under review.

"Our partnership will grow," Nadella said. OpenAI said in a statement that it welcomed the investment.
"""


def _operations(nlp, rules, repeats: int) -> tuple[int, int]:
    from quotes.attribution import ArticleContext, attribute
    from quotes.speakers.resolver import Resolver

    text = "\n\n".join([SEED] * repeats)
    doc = nlp(text)
    context = ArticleContext(text, doc, rules.cues)
    resolver = Resolver(doc, rules.cues, rules.mentions, rules.aliases, context.quoted)
    candidates = attribute(context)
    resolver.register(candidates)
    names = [resolver.resolve(c).name for c in candidates]
    assert sum(n is not None for n in names) >= len(names) // 2
    return resolver.operations, len(candidates)


@pytest.mark.slow
def test_resolution_work_grows_linearly(nlp, rules) -> None:
    small, small_quotes = _operations(nlp, rules, 20)
    large, large_quotes = _operations(nlp, rules, 40)
    assert large_quotes == 2 * small_quotes
    assert large <= 2.3 * small, (small, large)
