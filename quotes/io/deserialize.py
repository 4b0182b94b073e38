"""Records back from the dicts of :mod:`quotes.io.serialize` (cache entries, ``quotes extract`` lines).

Each ``*_from_dict`` function inverts its ``*_to_dict`` twin, checking every value against the
records' type hints: a TypeError, ValueError or KeyError for anything that does not fit.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from typing import Any

from quotes.io.serialize import ARTICLE_METADATA, QUOTATION_FIELDS
from quotes.records import Article, ArticleResult, Quotation, Scores, Tone


def scores_from_dict(data: dict[str, Any]) -> Scores | None:
    """Scores from ``{"tone", "frames", "codebook_frame"}`` (None when ``tone`` is None)."""
    if data.get("tone") is None:
        return None
    scores = _build(Scores, {"tone": data["tone"], "frames": data.get("frames", []),
                             "codebook_frame": data.get("codebook_frame", "other")})  # fmt: skip
    if not isinstance(scores.tone, Tone):
        raise TypeError("tone is not a Tone record")
    return scores


def quotation_from_dict(data: dict[str, Any]) -> Quotation:
    """The inverse of :func:`quotation_to_dict`; a KeyError names unknown fields."""
    data = dict(data)
    scores = scores_from_dict(
        {key: data.pop(key) for key in ("tone", "frames", "codebook_frame") if key in data}
    )
    unknown = set(data) - set(QUOTATION_FIELDS)
    if unknown:
        raise KeyError(f"unknown quotation fields: {', '.join(sorted(unknown))}")
    quotation = _build(Quotation, data)
    return quotation if scores is None else dataclasses.replace(quotation, scores=scores)


def result_from_dict(data: dict[str, Any], text: str = "") -> ArticleResult:
    """The inverse of :func:`result_to_dict`. The dict does not hold the article text: pass it
    as ``text`` when known."""
    if not isinstance(data.get("id"), str):
        raise TypeError("a result needs a string 'id'")
    unknown = set(data) - {"id", *ARTICLE_METADATA, "quotes", "error"}
    if unknown:
        raise KeyError(f"unknown result fields: {', '.join(sorted(unknown))}")
    meta = {key: _convert(str | None, data.get(key)) for key in ARTICLE_METADATA}
    quotations = data.get("quotes", [])
    if not isinstance(quotations, list):
        raise TypeError("'quotes' must be a list")
    return ArticleResult(
        Article(id=data["id"], text=text, **meta),
        tuple(quotation_from_dict(item) for item in quotations),
        _convert(str | None, data.get("error")),
    )


def _build(cls: type, data: dict[str, Any]) -> Any:
    hints = _hints(cls)
    values = {}
    for f in dataclasses.fields(cls):
        if f.name in data:
            values[f.name] = _convert(hints[f.name], data[f.name])
    return cls(**values)


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    if cls not in _HINTS:
        _HINTS[cls] = typing.get_type_hints(cls)
    return _HINTS[cls]


def _convert(hint: Any, value: Any) -> Any:
    """``value`` (as JSON gave it) in the shape the type hint asks for."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = typing.get_args(hint)
        if value is None and type(None) in options:
            return None
        for option in options:
            if option is not type(None):
                try:
                    return _convert(option, value)
                except (TypeError, ValueError, KeyError):
                    continue
        raise TypeError(f"{value!r} fits none of {hint}")
    if origin is tuple:
        args = typing.get_args(hint)
        if not isinstance(value, list | tuple):
            raise TypeError(f"expected a list for {hint}, got {value!r}")
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_convert(args[0], item) for item in value)
        if len(args) != len(value):
            raise ValueError(f"expected {len(args)} items for {hint}, got {len(value)}")
        return tuple(_convert(arg, item) for arg, item in zip(args, value, strict=True))
    if origin is typing.Literal:
        if value not in typing.get_args(hint):
            raise ValueError(f"{value!r} is not one of {typing.get_args(hint)}")
        return value
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        if not isinstance(value, dict):
            raise TypeError(f"expected an object for {hint.__name__}")
        return _build(hint, value)
    if hint is float and isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    if hint in (str, int, bool) and type(value) is hint:
        return value
    if hint is Any:
        return value
    raise TypeError(f"{value!r} is not a {hint}")
