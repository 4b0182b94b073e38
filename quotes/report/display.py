"""Display forms for the reports: frame labels, cue names and quotation text.

Reports show what a reader understands, not internal ids: frames by the ``label`` their rule
file gives them (``quality_of_life`` -> "Quality of life"), the colon cue of a headline
(``Trump: "..."``) as "colon (headline)", and a quotation's text without the quotation marks
it was written with, so that the page's own marks are not doubled (``“"This bridge..."”``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

COLON_CUE = "colon (headline)"
_CUE_NAMES = {":": COLON_CUE, "": "(none)"}
_OPENING = "\"'“‘«‹„‚"
_CLOSING = "\"'”’»›“‘"
_DOUBLE = '"“”„«»'


def frame_label(frame_id: str, labels: Mapping[str, str]) -> str:
    """The frame's label from its rule file, else the id made readable (``quality_of_life`` ->
    "Quality of life")."""
    if frame_id in labels:
        return labels[frame_id]
    words = frame_id.replace("_", " ").strip()
    return words[:1].upper() + words[1:] if words else frame_id


def cue_name(cue: str | None) -> str:
    """A cue verb or phrase for display; punctuation cues get a name."""
    text = (cue or "").strip()
    return _CUE_NAMES.get(text, text)


CUE_CLASS_MEANINGS = {"speech": "said", "cognition": "thinks or believes", "evidence": "cited as evidence"}
"""What a quotation of each cue class is: what the speaker said, thinks, or is cited as showing."""


def cue_class_name(cue_class: str) -> str:
    """A cue class with what it means: ``cognition (thinks or believes)``."""
    meaning = CUE_CLASS_MEANINGS.get(cue_class)
    return f"{cue_class} ({meaning})" if meaning else cue_class


def cue_classes_note(classes: tuple[str, ...] | list[str]) -> str:
    """Which cue classes a report counts, for its index page."""
    named = ", ".join(cue_class_name(c) for c in classes)
    left = [c for c in CUE_CLASS_MEANINGS if c not in classes]
    if not left:
        return f"Quotations of every cue class are counted: {named}."
    return f"Only quotations with these cue classes are counted: {named}; left out: {', '.join(left)}."


def bare_quotation(text: str) -> str:
    """``text`` without one pair of enclosing quotation marks (and the spaces inside them).

    Only an enclosing pair is removed: ``"A," he said`` pieces and mixed quotations that merely
    end in a quoted fragment keep their marks.
    """
    stripped = text.strip()
    while (
        len(stripped) >= 2
        and stripped[0] in _OPENING
        and stripped[-1] in _CLOSING
        and _encloses(stripped[0], stripped[1:-1])
    ):
        stripped = stripped[1:-1].strip()
    return stripped


def shown_quotation(text: str) -> str:
    """A quotation as a page shows it, with one pair of quotation marks at most.

    A quotation enclosed by one pair of marks is shown in curly marks (``“We will win.”``); one
    that carries its own marks inside (``"A," … "B."``, ``called it "a landmark"``) is shown as
    written, never wrapped again; reported speech, which has no marks, is shown as written too,
    since marks would make a paraphrase look verbatim."""
    bare = bare_quotation(text)
    stripped = text.strip()
    if bare != stripped:
        return f"“{bare}”"
    return stripped


def quoted(text: str) -> str:
    """``text`` in curly quotation marks, unless it carries marks of its own (see
    :func:`shown_quotation`): evidence that matched a whole quotation is not wrapped twice."""
    shown = shown_quotation(text)
    return shown if shown != text.strip() or _has_marks(shown) else f"“{shown}”"


def _has_marks(text: str) -> bool:
    return any(mark in text for mark in _DOUBLE) or "‘" in text or bool(re.search(r"(^|\s)'|'(\s|$)", text))


def signed(value: float, digits: int = 2) -> str:
    """``value`` with its sign and ``digits`` decimals, never "-0.00" (a value that rounds to zero
    is ``+0.00``)."""
    return f"{round(value, digits) + 0.0:+.{digits}f}"


def _encloses(opening: str, inner: str) -> bool:
    """True when the outer marks enclose the whole text: no mark of the same kind (double or
    single) opens or closes inside; apostrophes, as in "don't", are not marks."""
    if opening in _DOUBLE:
        return not any(mark in inner for mark in _DOUBLE)
    return "‘" not in inner and "‹" not in inner and not re.search(r"(^|\s)'|'(\s|$)", inner)


def label_keys(shares: Mapping[str, float], labels: Mapping[str, str]) -> dict[str, float]:
    """A mapping keyed by frame id re-keyed by display label (order kept; equal labels add up)."""
    out: dict[str, float] = {}
    for key, value in shares.items():
        name = frame_label(key, labels)
        out[name] = out.get(name, 0.0) + value
    return out
