"""Quotation marks: typographic cases, and properties over arbitrary text (hypothesis)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotes.text.marks import MAX_QUOTE_CHARS, find_quoted, group_chains

MARKS = "\"“”„«»‘’'`"


def quoted_texts(text: str) -> list[str]:
    return [" … ".join(text[q.start : q.end] for q in group) for group in group_chains(find_quoted(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said "hello there," and left.', ['"hello there,"']),
        ("“Curly quotes,” she said.", ["“Curly quotes,”"]),
        ("''Two apostrophes,'' the Times wrote.", ["''Two apostrophes,''"]),
        ("«Guillemets» work too.", ["«Guillemets»"]),
        ("Trump’s ‘Hateful Rhetoric’ Destroying GOP’s Chance", ["‘Hateful Rhetoric’"]),
        ("Don't stop the companies’ deal, it's fine.", []),
        ('"First paragraph\n\n"Second paragraph."\n\nPlain.', ['"First paragraph … "Second paragraph."']),
        ('An unclosed "quote here\n\nNext paragraph is "fine".', ['"quote here', '"fine"']),
        # a quotation inside another of the other style stays inside it
        (
            '"I read them the question: “Will you vote?” Most said yes," she said.',
            ['"I read them the question: “Will you vote?” Most said yes,"'],
        ),
        # no closing straight mark after it: the curly one opens a new quotation
        ('"Unclosed start “A new one,” he said.', ['"Unclosed start', "“A new one,”"]),
    ],
)
def test_typographic_cases(text: str, expected: list[str]) -> None:
    assert quoted_texts(text) == expected


def test_an_unclosed_mark_never_swallows_later_paragraphs() -> None:
    text = 'Intro "never closed\n\n' + "\n\n".join(f"Paragraph {i} is plain." for i in range(50))
    groups = group_chains(find_quoted(text))
    assert len(groups) == 1
    assert groups[0][-1].end <= text.index("\n")


def test_chains_are_bounded_in_length() -> None:
    text = "\n\n".join('"' + "word " * 400 for _ in range(40))
    for group in group_chains(find_quoted(text)):
        assert sum(q.end - q.start for q in group) <= MAX_QUOTE_CHARS + 2100


mark_soup = st.text(alphabet=st.sampled_from(list(MARKS + " \n\tab.,—")), max_size=300)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=400), mark_soup))
def test_any_text_gives_ordered_spans_inside_paragraphs(text: str) -> None:
    found = find_quoted(text)
    previous_end = 0
    for quoted in found:
        assert 0 <= quoted.start < quoted.end <= len(text)
        assert quoted.start >= previous_end
        assert "\n" not in text[quoted.start : quoted.end]
        assert text[quoted.start] in MARKS or text[quoted.start : quoted.start + 2] == "``"
        previous_end = quoted.end


def test_a_double_quotation_closed_by_a_single_mark_by_mistake_closes_there() -> None:
    text = "\"That was a close one, back and forth,' said the coach.\n\n\"We held on.\""
    assert quoted_texts(text) == ["\"That was a close one, back and forth,'", '"We held on."']


def test_a_quotation_inside_an_open_double_keeps_its_own_closing_mark() -> None:
    text = "\"He told me 'no,' and I left the rink that night"
    found = find_quoted(text)
    assert len(found) == 1 and not found[0].closed
