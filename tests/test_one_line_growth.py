"""An article with no paragraph breaks costs what the same text with breaks costs (issue 24, item 4).

A one-line article was one long paragraph and all "first line": the headline-name rule rebuilt
``doc.text`` for every quotation, and each quotation's attribution sliced and scanned its paragraph
from its start (the whole article), so doubling the text quadrupled the work (1 MB on one line did
not finish in 15 minutes). Work is counted, not timed, as in ``test_extract_growth``: the Python
calls ``Extractor.extract_doc`` makes (cProfile, which sees spaCy's token creation), and the
characters it copies out of the article by slicing it.
"""

from __future__ import annotations

import cProfile
import pstats

import pytest

SEED = (
    "Microsoft invests $1bn in OpenAI\n\n"
    'Microsoft CEO Satya Nadella said the deal was "a landmark for the industry."\n\n'
    '"We want to build artificial general intelligence," said Sam Altman, CEO of OpenAI. He added '
    "that the money would be spent within five years.\n\n"
    'Ms. Priya Raman, a spokeswoman for the company, said the board had approved it. "It is a good '
    'day," she said. Senator John Kerry, the chairman of the committee, said the deal was under review.\n\n'
    '"Our partnership will grow," Nadella said, according to Reuters. OpenAI said in a statement that '
    "it welcomed the investment.\n"
)


class CountingText(str):
    """The article text, counting the characters copied out of it by slicing."""

    copied = 0

    def __getitem__(self, key):  # type: ignore[override]
        piece = str.__getitem__(self, key)
        CountingText.copied += len(piece)
        return piece


def _work(nlp, rules, repeats: int, *, one_line: bool) -> tuple[int, int, int]:
    from quotes.nlp.model import parse_long
    from quotes.pipeline.extractor import Extractor

    seed = SEED.replace("\n\n", " ").replace("\n", " ") if one_line else SEED
    text = (" " if one_line else "\n\n").join([seed] * repeats)
    doc = parse_long(nlp, text)
    CountingText.copied = 0
    profile = cProfile.Profile()
    quotations = profile.runcall(Extractor(rules).extract_doc, CountingText(text), doc)
    assert sum(q.speaker_name is not None for q in quotations) >= len(quotations) // 2
    return pstats.Stats(profile).total_calls, CountingText.copied, len(quotations)  # type: ignore[attr-defined]


@pytest.mark.slow
def test_one_line_extraction_work_grows_linearly(nlp, rules) -> None:
    small_calls, small_copied, small_quotes = _work(nlp, rules, 12, one_line=True)
    large_calls, large_copied, large_quotes = _work(nlp, rules, 24, one_line=True)
    assert large_quotes == 2 * small_quotes
    assert large_calls <= 2.3 * small_calls, (small_calls, large_calls)
    assert large_copied <= 2.3 * small_copied, (small_copied, large_copied)


@pytest.mark.slow
def test_one_line_costs_about_what_paragraphs_cost(nlp, rules) -> None:
    line_calls, line_copied, line_quotes = _work(nlp, rules, 24, one_line=True)
    para_calls, para_copied, para_quotes = _work(nlp, rules, 24, one_line=False)
    per_line, per_para = line_calls / line_quotes, para_calls / para_quotes
    assert per_line <= 1.5 * per_para, (per_line, per_para)
    assert line_copied <= 1.5 * para_copied * line_quotes / para_quotes, (line_copied, para_copied)


def test_text_without_paragraphs_is_parsed_in_pieces_cut_between_sentences() -> None:
    from quotes.nlp.model import split_paragraphs

    sentence = 'Mr. J. Smith said the deal was done. "It is good," Dr. Raman added! Was it? '
    text = sentence * 400
    pieces = split_paragraphs(text, 5000)
    assert "".join(pieces) == text and len(pieces) > 5
    for piece in pieces[1:]:
        assert piece.startswith(("Mr. J. Smith", '"It is good', "Was it?")), piece[:30]


def test_a_one_line_article_has_no_headline() -> None:
    from quotes.text.spans import first_line_end

    assert first_line_end("Trump: We Will Win\nBody text.") == len("Trump: We Will Win")
    assert first_line_end("A short article on one line.") == len("A short article on one line.")
    assert first_line_end("Body text that runs on. " * 40) == -1
