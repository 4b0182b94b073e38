"""Markdown and HTML rendering of the index and speaker reports with Jinja2.

HTML templates render with autoescape on. Markdown templates render through a ``finalize``
hook that escapes every interpolated value (see :func:`md_escape`) unless it is an
:class:`Md` string produced by this module's own formatting filters.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from typing import Any
from urllib.parse import quote, urlsplit

from jinja2 import Environment, PackageLoader, StrictUndefined

from quotes.report.display import quoted, signed

_MD_SPECIAL = re.compile(r"([\\`*_\[\]|#~$])")
_SPACES = re.compile(r"\s+")
_MD_LEADING = re.compile(r"^(\s*)([-+>=]|\d+[.)])")


class Md(str):
    """A string that is already safe Markdown (produced by this module, never from input)."""

    __slots__ = ()


def md_escape(value: object) -> str:
    """Plain text made inert in Markdown: one line, no raw HTML, no structure characters.

    ``&``, ``<``, ``>`` become entities; Markdown punctuation that could open emphasis,
    links, code, tables or headings is backslash-escaped, as is a leading list or
    blockquote marker; newlines and control characters become spaces.
    """
    text = str(value)
    if not text.isprintable():  # the character loop only where needed: most values are printable
        text = "".join(c if c.isprintable() else " " for c in text)
    text = _SPACES.sub(" ", text)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return _MD_LEADING.sub(lambda m: m.group(1) + m.group(2)[:-1] + "\\" + m.group(2)[-1], text)


def _md_finalize(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, Md | int | float):
        return str(value)
    return md_escape(value)


def fmt_num(value: float | None, digits: int = 2) -> Md:
    """A number with ``digits`` decimals; an en dash for None."""
    return Md("–" if value is None else f"{value:.{digits}f}")


def fmt_signed(value: float | None, digits: int = 2) -> Md:
    """A number with an explicit sign (tone scores), never "-0.00"."""
    return Md("–" if value is None else signed(value, digits))


def fmt_pct(value: float | None) -> Md:
    """A share as a whole percentage."""
    return Md("–" if value is None else f"{value:.0%}")


def fmt_ci(value: list[float] | tuple[float, float] | None) -> Md:
    """A 95% interval as ``[lo, hi]``, or a dash when there is none."""
    return Md("–" if not value else f"[{signed(value[0])}, {signed(value[1])}]")


def safe_url(url: object) -> str | None:
    """An http(s) URL fit for an href (percent-encoded), or None for anything else."""
    if not isinstance(url, str):
        return None
    url = url.strip()
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return None
    if scheme not in ("http", "https"):
        return None
    return quote(url, safe=":/?#@!$&'*+,;=%-._~")


def _md_url(url: object) -> Md | None:
    safe = safe_url(url)
    return None if safe is None else Md(safe.replace("(", "%28").replace(")", "%29").replace("'", "%27"))


_FILTERS = {"num": fmt_num, "signed": fmt_signed, "pct": fmt_pct, "ci": fmt_ci, "quoted": quoted}


def _environment(**options: Any) -> Environment:
    env = Environment(
        loader=PackageLoader("quotes.report", "templates"),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        **options,
    )
    env.filters.update(_FILTERS)
    return env


@cache
def html_environment() -> Environment:
    """The HTML environment: autoescape always on."""
    env = _environment(autoescape=True)
    env.filters["url"] = safe_url
    return env


@cache
def markdown_environment() -> Environment:
    """The Markdown environment: every interpolation goes through md_escape."""
    env = _environment(autoescape=False, finalize=_md_finalize)
    env.filters["url"] = _md_url
    return env


def render_speaker(context: Mapping[str, Any]) -> tuple[str, str]:
    """The (Markdown, HTML) pages of one speaker."""
    return _render("speaker", context)


def render_index(context: Mapping[str, Any]) -> tuple[str, str]:
    """The (Markdown, HTML) index pages."""
    return _render("index", context)


def render_others(context: Mapping[str, Any]) -> tuple[str, str]:
    """The (Markdown, HTML) page of the speakers below the chart threshold."""
    return _render("others", context)


def render_unnamed(context: Mapping[str, Any]) -> tuple[str, str]:
    """The (Markdown, HTML) page of the unnamed sources."""
    return _render("unnamed", context)


def render_table(context: Mapping[str, Any]) -> tuple[str, str]:
    """The (Markdown, HTML) page of a searchable table (every speaker, every quotation)."""
    return _render("table", context)


def render_compare(context: Mapping[str, Any]) -> tuple[str, str]:
    """The (Markdown, HTML) comparison page."""
    return _render("compare", context)


def _render(name: str, context: Mapping[str, Any]) -> tuple[str, str]:
    markdown = markdown_environment().get_template(f"{name}.md").render(context)
    html = html_environment().get_template(f"{name}.html").render(context)
    return markdown, html
