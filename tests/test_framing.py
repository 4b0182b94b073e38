"""Framing: codebook and technology frames from cue lexicons, and stance via the cue verb."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotes.framing import CODEBOOK_IDS, FrameRules, load_frame_rules, score_frames, stance_of
from quotes.yamlfile import RuleError

RULES = Path(__file__).resolve().parent.parent / "rules"


@pytest.fixture(scope="module")
def frame_rules() -> FrameRules:
    return load_frame_rules(RULES)


def whole(text: str) -> list[tuple[int, int]]:
    return [(0, len(text))]


def test_all_codebook_frames_and_parents(frame_rules: FrameRules) -> None:
    codebook = {f.id for f in frame_rules.frames if f.family == "codebook"}
    assert codebook == set(CODEBOOK_IDS)
    technology = [f for f in frame_rules.frames if f.family == "technology"]
    expected = {"ai_progress", "ai_risk_safety", "ai_governance", "ai_work_automation"}
    assert {f.id for f in technology} >= expected
    assert all(f.codebook_parent in CODEBOOK_IDS for f in technology)


@pytest.mark.parametrize(
    ("text", "frame"),
    [
        ("The new taxes will cost taxpayers billions of dollars.", "economic"),
        ("The Supreme Court ruled the statute unconstitutional.", "legality"),
        ("Police arrested three suspects after the robbery.", "crime"),
        ("Hospitals warn that the disease is spreading among patients.", "health_safety"),
        ("Republicans and Democrats traded blame ahead of the election.", "political"),
        ("A new poll shows most Americans oppose the plan, and protesters rallied.", "public_opinion"),
        ("Troops and missiles were moved to counter the terrorist threat.", "security_defense"),
        ("Critics say the rules discriminate against minorities and are unfair.", "fairness_equality"),
        ("The weather was pleasant yesterday.", "other"),
    ],
)
def test_primary_codebook_frame(frame_rules: FrameRules, text: str, frame: str) -> None:
    assert score_frames(text, whole(text), frame_rules)[1] == frame


def test_technology_frame_counts_towards_its_parent(frame_rules: FrameRules) -> None:
    text = "Automation and robots will replace workers, raising job displacement fears."
    frames, primary = score_frames(text, whole(text), frame_rules)
    assert frames[0].id == "ai_work_automation"
    assert frames[0].family == "technology"
    assert primary == "economic"


def test_weights_are_shares_sorted(frame_rules: FrameRules) -> None:
    text = "Taxes and budgets matter to voters in the election, and to the economy."
    frames, _ = score_frames(text, whole(text), frame_rules)
    assert abs(sum(f.weight for f in frames) - 1.0) < 1e-3
    assert [f.weight for f in frames] == sorted((f.weight for f in frames), reverse=True)


def test_suffix_tolerant_and_multiword(frame_rules: FrameRules) -> None:
    text = "Taxed incomes and health-care costs."
    frames, _ = score_frames(text, whole(text), frame_rules)
    matched = {ev.matched for f in frames for ev in f.evidence}
    assert {"Taxed", "health-care"} <= matched


def test_word_boundaries(frame_rules: FrameRules) -> None:
    text = "The taxidermist and the courtyard."  # neither "tax" nor "court"
    assert score_frames(text, whole(text), frame_rules) == ((), "other")


@pytest.mark.parametrize(
    ("lemma", "stance"),
    [("say", "neutral"), ("said", "neutral"), ("claim", "distancing"), ("claimed", "distancing"),
     ("admit", "guilt"), ("admitted", "guilt"), ("deny", "guilt"), ("point out", "endorsing"),
     ("Insist", "distancing"), ("boast", "emotive"), ("lash out", "emotive"), ("frobnicate", "other")],
)
def test_stance(frame_rules: FrameRules, lemma: str, stance: str) -> None:
    assert stance_of(lemma, frame_rules) == stance


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("frames/a.yaml", "family: codebook\nframes:\n  - id: nonsense\n    label: x\n    definition: d\n"
         "    cues: [a]\n", "not a Policy Frames Codebook frame"),
        ("frames/a.yaml", "family: technology\nframes:\n  - id: t\n    label: x\n    definition: d\n"
         "    cues: [a]\n", "missing field 'codebook_parent'"),
        ("frames/a.yaml", "family: codebook\nframes:\n  - id: crime\n    label: x\n    definition: d\n",
         "has no cues"),
        ("stance.yaml", "stances:\n  - stance: neutral\n    reason: r\n    verbs: [say]\n"
         "  - stance: distancing\n    reason: r\n    verbs: [say]\n", "already"),
    ],
)
def test_bad_rule_files_say_file_and_line(tmp_path: Path, name: str, content: str, reason: str) -> None:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")
    with pytest.raises(RuleError) as error:
        load_frame_rules(tmp_path)
    assert str(error.value).startswith(f"{path}:")
    assert reason in str(error.value)


@settings(max_examples=150, deadline=None)
@given(text=st.text(max_size=80),
       spans=st.lists(st.tuples(st.integers(-5, 80), st.integers(-5, 80)), max_size=4))
def test_any_text_scores_and_evidence_indexes_it(frame_rules: FrameRules, text: str,
                                                 spans: list[tuple[int, int]]) -> None:
    frames, primary = score_frames(text, spans, frame_rules)
    assert primary in CODEBOOK_IDS
    for frame in frames:
        assert 0.0 < frame.weight <= 1.0
        for ev in frame.evidence:
            assert 0 <= ev.span[0] < ev.span[1] <= len(text)
            assert text[ev.span[0]:ev.span[1]] == ev.matched
