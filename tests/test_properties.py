"""Property tests: any text is handled without error, and every span indexes the text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quotes.records import quotation_text

NEWSY = st.lists(
    st.sampled_from(
        [
            '"',
            "“",
            "”",
            "‘",
            "’",
            "''",
            "«",
            "»",
            "'",
            " said ",
            " he added, ",
            " according to ",
            "Maria Lopez",
            " told reporters ",
            ": ",
            ". ",
            ", ",
            "\n\n",
            "the minister",
            " that ",
            "We will win",
            "She",
            " Who ",
        ]
    ),
    max_size=40,
).map("".join)


def check(text: str, quotations) -> None:
    for q in quotations:
        for start, end in (*q.content, *q.speaker, *q.cue):
            assert 0 <= start < end <= len(text)
        assert q.text == quotation_text(text, q.content)
        assert q.speaker_text == quotation_text(text, q.speaker)
        assert q.kind in ("direct", "mixed", "indirect")
        assert 0 <= q.confidence <= 1
        if q.scores is not None:
            for evidence in q.scores.tone.evidence:
                assert text[evidence.span[0] : evidence.span[1]] == evidence.matched


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.one_of(NEWSY, st.text(max_size=300)))
def test_any_text_is_handled(analyzer, text: str) -> None:
    check(text, analyzer.analyze(text))
