"""The one serializer for records: to and from JSON-ready dicts, and flat rows for CSV and tables.

Shapes (spans are ``[start, end]`` lists everywhere):

- :func:`quotation_to_dict`: the benchmark's shape; a Quotation's ``scores`` is flattened into
  ``tone`` (None when unscored), ``frames`` and ``codebook_frame`` ("other" when unscored);
  ``speaker_names`` (each named speaker, a list) follows ``speaker_name``.
- :func:`result_to_dict`: ``{"id", title/date/outlet/url when known, "quotes": [...], "error"?}``,
  one line of ``quotes extract``.
- :func:`score_to_dict`: ``{"id", "tone", "frames", "codebook_frame"}``, one line of ``quotes score``.
- :func:`quotation_row` and :func:`score_row`: flat rows of plain values for CSV and tables.
- :func:`report_row`: the compact record a speaker report lists.

:mod:`quotes.io.deserialize` inverts the dict shapes.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from quotes.records import Article, ArticleResult, Quotation, Scores

ARTICLE_METADATA = ("title", "date", "outlet", "url")
CUE_COLUMNS = ("cue_text", "cue_lemma", "cue_class", "stance", "rule", "confidence", "inherited", "negated")
"""How a quotation was attributed, as flat columns."""
SCORE_COLUMNS = ("tone_label", "tone_compound", "certainty", "hype", "codebook_frame", "frames")
"""A quotation's tone and frames, as flat columns (see :func:`flat_cells`)."""
ARTICLE_COLUMNS = ("date", "outlet", "article_title", "url")
"""An article's metadata, as flat columns (:func:`article_columns`)."""
GENDER_COLUMNS = ("speaker_gender", "speaker_gender_basis", "speaker_gender_explanation")
"""A quotation's speaker gender, its basis and explanation (left out of every output by
``--gender off``: see :func:`without_gender`)."""
QUOTATION_ROW_FIELDS = (
    "id",
    "kind",
    "speaker_name",
    "speaker_names",
    "speaker_type",
    *GENDER_COLUMNS,
    "speaker_text",
    "title",
    *CUE_COLUMNS,
    *SCORE_COLUMNS,
    "content",
    "text",
    *ARTICLE_COLUMNS,
)
"""The columns of :func:`quotation_row`, in order (the CSV header of ``quotes extract``)."""

QUOTATION_FIELDS = tuple(f.name for f in dataclasses.fields(Quotation) if f.name != "scores")
"""The fields of a Quotation a dict holds (its scores are flattened into tone and frames)."""


def _dict_order() -> tuple[str, ...]:
    """The fields of :func:`quotation_to_dict` in order: ``speaker_names`` beside ``speaker_name``,
    the speaker's gender after ``speaker_type``."""
    names = [name for name in QUOTATION_FIELDS if name != "speaker_names" and name not in GENDER_COLUMNS]
    names.insert(names.index("speaker_name") + 1, "speaker_names")
    at = names.index("speaker_type") + 1
    names[at:at] = GENDER_COLUMNS
    return tuple(names)


_DICT_ORDER = _dict_order()
NAMES_SEPARATOR = "; "
"""Joins ``speaker_names`` in a flat row."""


# ----------------------------------------------------------------------------- to dicts


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}
"""The field names of each record class met, in order (``dataclasses.fields`` is slow)."""
_SCALARS = (str, int, float, bool, type(None))


def plain(value: Any) -> Any:
    """A record (or tuple, list, dict of them) as JSON-ready values: dataclasses become dicts in
    field order, tuples become lists."""
    kind = type(value)
    if kind in _SCALARS:
        return value
    names = _FIELD_NAMES.get(kind)
    if names is None and dataclasses.is_dataclass(value) and not isinstance(value, type):
        names = _FIELD_NAMES[kind] = tuple(f.name for f in dataclasses.fields(value))
    if names is not None:
        return {name: plain(getattr(value, name)) for name in names}
    if isinstance(value, tuple | list):
        return [plain(item) for item in value]
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    return value


def without_gender(row: dict[str, Any]) -> dict[str, Any]:
    """A quotation dict or row without its gender fields (``--gender off``)."""
    return {key: value for key, value in row.items() if key not in GENDER_COLUMNS}


def scores_to_dict(scores: Scores | None) -> dict[str, Any]:
    """``{"tone", "frames", "codebook_frame"}``; ``tone`` is None exactly when ``scores`` is."""
    if scores is None:
        return {"tone": None, "frames": [], "codebook_frame": "other"}
    return {
        "tone": plain(scores.tone),
        "frames": plain(scores.frames),
        "codebook_frame": scores.codebook_frame,
    }


def quotation_to_dict(quotation: Quotation) -> dict[str, Any]:
    """A quotation in the benchmark's shape, scores flattened (see the module docstring)."""
    data = {name: plain(getattr(quotation, name)) for name in _DICT_ORDER}
    data.update(scores_to_dict(quotation.scores))
    return data


def result_to_dict(result: ArticleResult) -> dict[str, Any]:
    """One article's result: its id, the metadata it has, its quotations, and its error if any."""
    article = result.article
    data: dict[str, Any] = {"id": article.id}
    for key in ARTICLE_METADATA:
        if getattr(article, key) is not None:
            data[key] = getattr(article, key)
    data["quotes"] = [quotation_to_dict(q) for q in result.quotations]
    if result.error:
        data["error"] = result.error
    return data


def score_to_dict(text_id: str, scores: Scores) -> dict[str, Any]:
    """One scored text: ``{"id", "tone", "frames", "codebook_frame"}``."""
    return {"id": text_id, **scores_to_dict(scores)}


# ----------------------------------------------------------------------------- flat rows


def _frames_cell(frames: list[dict[str, Any]]) -> str:
    return ";".join(f"{f['id']}:{f['weight']:.2f}" for f in frames)


def tone_summary(scores: Scores | None) -> dict[str, Any] | None:
    """The tone figures a row or report shows (label, compound, certainty, hype); None unscored."""
    if scores is None:
        return None
    tone = scores.tone
    return {"label": tone.label, "compound": tone.compound, "certainty": tone.certainty, "hype": tone.hype}


def flat_cells(row: dict[str, Any], fields: tuple[str, ...]) -> dict[str, Any]:
    """A quotation dict (the :func:`quotation_to_dict` shape, plus any article columns) as flat
    cells of ``fields``: spans as JSON text, ``speaker_names`` joined, tone as ``tone_label``,
    ``tone_compound``, ``certainty`` and ``hype``, frames as ``id:weight;...``, nulls as ""."""
    tone = row.get("tone") or {}
    cells: dict[str, Any] = {}
    for key in fields:
        if key in ("content", "speaker", "cue"):
            cells[key] = json.dumps(row[key])
        elif key == "speaker_names":
            cells[key] = NAMES_SEPARATOR.join(row[key])
        elif key == "frames":
            cells[key] = _frames_cell(row[key])
        elif key in ("tone_label", "tone_compound", "certainty", "hype"):
            cells[key] = tone.get(key.removeprefix("tone_"), "")
        else:
            value = row.get(key)
            cells[key] = "" if value is None else value
    return cells


def article_columns(article: Article) -> dict[str, Any]:
    """An article's metadata as row columns (its title as ``article_title``)."""
    return {("article_title" if key == "title" else key): getattr(article, key) for key in ARTICLE_METADATA}


def quotation_row(article: Article, quotation: Quotation) -> dict[str, Any]:
    """A quotation as one flat row of :data:`QUOTATION_ROW_FIELDS` (empty strings for unknowns),
    with its article's id and metadata."""
    data = quotation_to_dict(quotation)
    data["speaker_names"] = list(quotation.speakers)
    if quotation.scores is None:
        data["codebook_frame"] = None
    return flat_cells({"id": article.id, **data, **article_columns(article)}, QUOTATION_ROW_FIELDS)


def score_row(text_id: str, scores: Scores) -> dict[str, Any]:
    """A scored text as one flat row."""
    tone = scores.tone
    return {
        "id": text_id,
        "compound": tone.compound,
        "label": tone.label,
        "certainty": tone.certainty,
        "hype": tone.hype,
        "codebook_frame": scores.codebook_frame,
        "frames": _frames_cell(plain(scores.frames)),
    }


def report_row(quotation: Quotation, article: Article) -> dict[str, Any]:
    """The compact record of one quotation that a speaker report lists."""
    scores = quotation.scores
    row: dict[str, Any] = {
        "article": {k: getattr(article, k) for k in ("id", *ARTICLE_METADATA)},
        "text": quotation.text,
        "kind": quotation.kind,
        "cue": quotation.cue_text,
        "cue_lemma": quotation.cue_lemma,
        "stance": quotation.stance,
        "mention": quotation.speaker_text,
        "title": quotation.title,
        "rule": quotation.rule,
        "confidence": quotation.confidence,
        "inherited": quotation.inherited,
        "explanation": quotation.explanation,
        "tone": tone_summary(scores),
        "frames": [],
        "codebook_frame": None,
        "evidence": [],
    }
    if scores is not None:
        tone = scores.tone
        top = sorted(scores.frames, key=lambda f: -f.weight)[:3]
        row["frames"] = [[f.id, f.weight] for f in top]
        row["codebook_frame"] = scores.codebook_frame
        evidence = [*tone.evidence, *(e for f in top for e in f.evidence)]
        row["evidence"] = [[e.source, e.matched, e.weight] for e in evidence[:8]]
    return row
