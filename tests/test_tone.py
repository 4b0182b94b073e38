"""Tone: VADER with news rules, certainty from hedges/boosters, hype, and rule-file validation."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotes.records import Tone
from quotes.rules.lexicon import expand
from quotes.rules.tone import ToneRules, load_tone_rules
from quotes.rules.yamlfile import RuleError
from quotes.scoring.tone import score_tone, sentences

RULES = Path(__file__).resolve().parent.parent / "rules"


@pytest.fixture(scope="module")
def tone_rules() -> ToneRules:
    return load_tone_rules(RULES)


def whole(text: str) -> list[tuple[int, int]]:
    return [(0, len(text))]


def test_rules_are_hashable(tone_rules: ToneRules) -> None:
    assert hash(tone_rules) == hash(load_tone_rules(RULES))


@pytest.mark.parametrize(
    ("entry", "forms"),
    [("tax{,es,ed}", ["tax", "taxes", "taxed"]), ("plain", ["plain"]),
     ("{a,b} {c,d}", ["a c", "a d", "b c", "b d"])],
)
def test_expand(entry: str, forms: list[str]) -> None:
    assert expand(entry) == forms


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("The reform was a remarkable success.", "positive"),
        ("Dozens were slain in the massacre.", "negative"),
        ("The committee meets on Tuesday.", "neutral"),
        ("Corruption and cronyism plague the agency.", "negative"),  # words VADER lacks
        ("The Supreme Court met with the United Nations.", "neutral"),  # names, not praise
        ("The project lacks support.", "negative"),  # VADER alone says positive
        ("It was far from perfect.", "negative"),
        ("We have never been better.", "positive"),
        ("No one was hurt.", "positive"),
    ],
)
def test_labels(tone_rules: ToneRules, text: str, label: str) -> None:
    assert score_tone(text, whole(text), tone_rules).label == label


def test_override_evidence_names_the_rule_file(tone_rules: ToneRules) -> None:
    text = "They were killed, and corruption spread."
    tone = score_tone(text, whole(text), tone_rules)
    sources = {(ev.source, ev.matched) for ev in tone.evidence}
    assert ("tone/vader", "killed") in sources
    assert ("tone/news_valence", "corruption") in sources


def test_certainty_and_hype(tone_rules: ToneRules) -> None:
    hedged = "It may perhaps work, and it could possibly help."
    sure = "It will certainly work; there is no doubt."
    assert score_tone(hedged, whole(hedged), tone_rules).certainty == -1.0
    assert score_tone(sure, whole(sure), tone_rules).certainty == 1.0
    hype = "This unprecedented, revolutionary model is the biggest in human history."
    tone = score_tone(hype, whole(hype), tone_rules)
    assert tone.hype > 20
    assert {"unprecedented", "in human history"} <= {ev.matched for ev in tone.evidence}


def test_month_may_is_not_a_hedge(tone_rules: ToneRules) -> None:
    text = "The law took effect in May."
    assert score_tone(text, whole(text), tone_rules).certainty == 0.0


def test_only_spans_are_scored(tone_rules: ToneRules) -> None:
    text = "Terrible, awful disaster. 'What a wonderful day,' she said."
    start = text.index("What")
    span = (start, text.index(",'"))
    tone = score_tone(text, [span], tone_rules)
    assert tone.label == "positive"
    assert all(span[0] <= ev.span[0] and ev.span[1] <= span[1] for ev in tone.evidence)


def test_sentences_are_averaged(tone_rules: ToneRules) -> None:
    one = "The plan is excellent."
    two = one + " The weather is mild and it is Tuesday today."
    assert score_tone(two, whole(two), tone_rules).compound < score_tone(one, whole(one), tone_rules).compound


def test_empty(tone_rules: ToneRules) -> None:
    tone = score_tone("", [], tone_rules)
    assert (tone.compound, tone.label, tone.certainty, tone.hype) == (0.0, "neutral", 0.0, 0.0)
    assert tone.evidence == ()


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("kind: valence\nentries:\n  - words: x\n    valence: 9\n    reason: r\n", "scale"),
        ("kind: valence\nentries:\n  - words: x\n    valence: 1\n", "missing field 'reason'"),
        ("kind: hedge\nentries:\n  - note: n\n    patterns: ['(a']\n", "bad pattern"),
        ("kind: hedge\nentries:\n  - note: n\n    phrases: ['a{b']\n", "unbalanced"),
        ("kind: nonsense\nentries: []\n", "'kind' must be"),
        ("kind: negation\nentries:\n  - id: a\n    kind: flip\n    reason: r\n    cues: [x]\n", "factor"),
        ("kind: negation\nentries:\n  - id: a\n    kind: flip\n    reason: r\n    factor: -1\n"
         "    scope: all\n    cues: [x]\n", "'scope' must be"),
        ("kind: direction\nvalence: 1\nafter: 3\nbefore: 3\nentries:\n  - role: up\n    sign: 1\n"
         "    reason: r\n    phrases: [x]\n", "'role' must be"),
        ("kind: direction\nvalence: 1\nafter: 3\nbefore: 3\nentries:\n  - role: quantity\n    sign: 2\n"
         "    reason: r\n    phrases: [x]\n", "'sign' must be"),
        ("kind: direction\nvalence: 1\nafter: 0\nbefore: 3\nentries: []\n", "'after' must be"),
        ("kind: combine\nentries:\n  - id: width\n    weight: 1\n    reason: r\n", "'id' must be"),
        ("kind: combine\nentries:\n  - id: negativity\n    weight: -1\n    reason: r\n", "positive"),
    ],
)
def test_bad_rule_files_say_file_and_line(tmp_path: Path, content: str, reason: str) -> None:
    (tmp_path / "tone").mkdir()
    path = tmp_path / "tone" / "bad.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(RuleError) as error:
        load_tone_rules(tmp_path)
    assert str(error.value).startswith(f"{path}:")
    assert reason in str(error.value)


def test_duplicate_word_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "tone").mkdir()
    path = tmp_path / "tone" / "dup.yaml"
    path.write_text("kind: valence\nentries:\n  - words: a b\n    valence: 1\n    reason: r\n"
                    "  - words: b\n    valence: 2\n    reason: r\n", encoding="utf-8")
    with pytest.raises(RuleError, match=r"dup\.yaml:6: word 'b'"):
        load_tone_rules(tmp_path)


spans_strategy = st.lists(st.tuples(st.integers(-5, 80), st.integers(-5, 80)), max_size=4)


@settings(max_examples=150, deadline=None)
@given(text=st.text(max_size=80), spans=spans_strategy)
def test_any_text_scores_and_evidence_indexes_it(tone_rules: ToneRules, text: str,
                                                 spans: list[tuple[int, int]]) -> None:
    tone = score_tone(text, spans, tone_rules)
    assert -1.0 <= tone.compound <= 1.0
    assert -1.0 <= tone.certainty <= 1.0
    for ev in tone.evidence:
        assert 0 <= ev.span[0] < ev.span[1] <= len(text)
        assert text[ev.span[0]:ev.span[1]] == ev.matched


@settings(max_examples=100, deadline=None)
@given(words=st.lists(st.sampled_from(["not", "no", "but", "although", "lack of", "crisis", "great",
                                       "May", "may", "unprecedented", ",", ".", "Killed", "never been better",
                                       "\u00e9t\u00e9", "\n\n", "!"]), max_size=20))
def test_rule_words_in_any_order(tone_rules: ToneRules, words: list[str]) -> None:
    text = " ".join(words)
    tone = score_tone(text, [(0, len(text))], tone_rules)
    assert all(text[s:e] == ev.matched for ev in tone.evidence for s, e in [ev.span])


def tone_of(rules: ToneRules, text: str) -> Tone:
    return score_tone(text, whole(text), rules)


def fired(rules: ToneRules, text: str, source: str) -> list[str]:
    return [ev.entry for ev in tone_of(rules, text).evidence if ev.source == source]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Unemployment fell sharply last year.", "positive"),  # a bad quantity going down
        ("Wages fell again.", "negative"),  # a good quantity going down
        ("There was a rise in crime.", "negative"),
        ("Crime has fallen.", "positive"),  # VADER alone: negative ("crime")
        ("Higher wages followed.", "positive"),
        ("Profits plunged.", "negative"),
    ],
)
def test_direction_composes_movement_with_quantity(tone_rules: ToneRules, text: str, label: str) -> None:
    assert tone_of(tone_rules, text).label == label
    assert fired(tone_rules, text, "tone/direction")


def test_direction_needs_its_quantity_nearby_and_skips_compounds(tone_rules: ToneRules) -> None:
    assert not fired(tone_rules, "The plan adds low-income housing.", "tone/direction")
    assert not fired(tone_rules, "Prices, the mayor said on Tuesday, rose.", "tone/direction")  # clause break
    assert not fired(tone_rules, "The deficits that require higher spending.", "tone/direction")  # level adj.
    text = "Unemployment fell."
    (ev,) = [ev for ev in tone_of(tone_rules, text).evidence if ev.source == "tone/direction"]
    assert ev.matched == text[ev.span[0]:ev.span[1]] == "Unemployment fell"
    assert ev.weight > 0 and "unemployment" in ev.entry


def test_negation_is_itself_negative(tone_rules: ToneRules) -> None:
    assert tone_of(tone_rules, "Obviously, it is not working.").label == "negative"
    assert tone_of(tone_rules, "It doesn't run on time.").compound < 0
    for text in ("It is not done.", "It isn't done."):
        notes = [ev.note for ev in tone_of(tone_rules, text).evidence if ev.source == "tone/negation"]
        assert any(note.startswith("negator (phrase)") for note in notes)

def test_excess_too(tone_rules: ToneRules) -> None:
    assert tone_of(tone_rules, "The response was too slow.").label == "negative"
    assert tone_of(tone_rules, "The sums are too small to matter.").label == "negative"
    assert tone_of(tone_rules, "We were there, too.").label == "neutral"  # not before a word


def test_degree_adverbs_amplify_instead_of_scoring(tone_rules: ToneRules) -> None:
    important = tone_of(tone_rules, "This is terribly important.")
    assert important.label == "positive"  # VADER alone: negative, from "terribly"
    assert important.compound > tone_of(tone_rules, "This is important.").compound
    assert tone_of(tone_rules, "He behaved terribly.").label == "negative"  # alone it keeps its valence


def test_ending_harm_covers_the_whole_object(tone_rules: ToneRules) -> None:
    text = "The vaccine will reduce the risk of disease and death."
    assert tone_of(tone_rules, text).label == "positive"
    assert tone_of(tone_rules, "The street curbs are an ordeal.").label == "negative"  # a noun, not the verb


def test_understatement_less_than(tone_rules: ToneRules) -> None:
    assert tone_of(tone_rules, "The results were less than spectacular.").label == "negative"


def test_longer_sentences_dilute_one_evaluation(tone_rules: ToneRules) -> None:
    short = tone_of(tone_rules, "The plan is excellent.")
    long = tone_of(tone_rules, "The plan that the board of the city agency adopted at its meeting last week "
                               "in the hall downtown is excellent.")
    assert 0 < long.compound < short.compound
    assert any(ev.source == "tone/combine" and ev.entry == "length" for ev in long.evidence)


def test_negative_words_weigh_more(tone_rules: ToneRules) -> None:
    tone = tone_of(tone_rules, "The plan was bad.")
    (ev,) = [ev for ev in tone.evidence if ev.entry == "negativity"]
    assert ev.weight > 1 and ev.source == "tone/combine"
    assert not [ev for ev in tone_of(tone_rules, "The plan was good.").evidence if ev.entry == "negativity"]


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Mr. Dole said the plan was excellent.", 1),
        ("Gov. Mario M. Cuomo of New York met Dr. Ruth in Dec. 1988.", 1),
        ("The U.S. Senate voted. It passed.", 2),
        ("He left. She stayed.", 2),
    ],
)
def test_abbreviations_do_not_end_sentences(text: str, count: int) -> None:
    assert len(list(sentences(text, 0, len(text)))) == count


def test_despite_concedes_without_negating(tone_rules: ToneRules) -> None:
    # VADER counts "despite" as a negator: "a fraud conviction" came out as praise
    tone = tone_of(tone_rules, "He kept his seat despite a fraud conviction.")
    assert tone.label == "negative"
    assert any(ev.entry == "despite" and ev.source == "tone/negation" for ev in tone.evidence)
    conceded = tone_of(tone_rules, "Despite good reviews, the show closed in a week.").compound
    assert 0 < conceded < tone_of(tone_rules, "With good reviews, the show closed in a week.").compound


def test_opinion_lexicon_fills_vaders_gaps(tone_rules: ToneRules) -> None:
    tone = tone_of(tone_rules, "The council called the remark repugnant.")
    assert tone.label == "negative"  # VADER alone: neutral
    assert any(ev.source == "tone/opinion_lexicon" and ev.matched == "repugnant" for ev in tone.evidence)
    assert tone_of(tone_rules, "The issue is complex.").label == "neutral"  # descriptive senses left out


def test_amplifying_adjectives_before_a_harm(tone_rules: ToneRules) -> None:
    tone = tone_of(tone_rules, "The measure faces strong opposition.")
    assert tone.label == "negative"  # VADER's +2.3 for "strong" had made it positive
    assert any(ev.entry == "strong" and ev.source == "tone/negation" for ev in tone.evidence)
    assert tone_of(tone_rules, "The measure has strong support.").label == "positive"  # keeps its own


def test_classifying_adjectives_are_mild(tone_rules: ToneRules) -> None:
    free = tone_of(tone_rules, "Members mail newsletters with free postage.")
    assert 0 < free.compound < 0.3  # "free of charge", not praise (VADER alone: +0.51)


def test_rhetorical_questions_assert_the_opposite(tone_rules: ToneRules) -> None:
    assert tone_of(tone_rules, "Who could oppose a plan to curb violence?").label == "positive"
    assert tone_of(tone_rules, "Who says lotteries are harmless fun?").label == "negative"
    assert tone_of(tone_rules, "Lotteries are harmless fun.").label == "positive"
    # a relative clause and a statement are no questions
    assert tone_of(tone_rules, "The official who could oppose the plan left.").label == "negative"
