"""Markdown to plain prose: the title heading, and the markup that would pollute quotations removed."""

from __future__ import annotations

import re

_MD_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t]+|$)(.*?)(?:[ \t]+#+)?[ \t]*$")
_MD_SETEXT = re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$")
_MD_RULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_MD_FENCE = re.compile(r"^ {0,3}(?:```|~~~)")
_MD_LINK_DEF = re.compile(r"^ {0,3}\[[^\]]+\]:[ \t]*\S")
_MD_QUOTE_MARK = re.compile(r"^ {0,3}(?:>[ \t]?)+")
_MD_BULLET = re.compile(r"^([ \t]*)[-*+][ \t]+(?=\S)")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>~|])")
_MD_INLINE = (
    (re.compile(r"!\[[^\[\]]*\]\((?:[^()]|\([^()]*\))*\)"), ""),  # images
    (re.compile(r"\[([^\[\]]*)\]\((?:[^()]|\([^()]*\))*\)"), r"\1"),  # [text](url)
    (re.compile(r"\[([^\[\]]+)\]\[[^\[\]]*\]"), r"\1"),  # [text][ref]
    (re.compile(r"<((?:https?|mailto):[^<>\s]+)>"), r"\1"),  # <https://...>
    (re.compile(r"`([^`\n]+)`"), r"\1"),
    (re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*"), r"\1"),
    (re.compile(r"(?<!\w)__(?=\S)(.+?)(?<=\S)__(?!\w)"), r"\1"),
    (re.compile(r"\*(?=\S)(.+?)(?<=\S)\*"), r"\1"),
    (re.compile(r"(?<!\w)_(?=\S)(.+?)(?<=\S)_(?!\w)"), r"\1"),
    (re.compile(r"~~(?=\S)(.+?)(?<=\S)~~"), r"\1"),
)
_ESCAPE_BASE = 0xF0000  # supplementary private use: escaped characters hide here during cleaning


def markdown_title(text: str) -> str | None:
    """The first non-empty line when it is a heading (``# Title`` or underlined), else None."""
    lines = text.split("\n")
    for number, line in enumerate(lines):
        if not line.strip():
            continue
        heading = _MD_HEADING.match(line)
        if heading:
            return _markdown_inline(heading.group(1)).strip() or None
        following = lines[number + 1] if number + 1 < len(lines) else ""
        if _MD_SETEXT.match(following) and not _MD_RULE.match(line):
            return _markdown_inline(line).strip() or None
        return None
    return None


def markdown_to_text(text: str) -> str:
    """Strip the Markdown markup that would pollute quotations, keeping the prose."""
    return "\n".join(_markdown_line(line) for line in text.split("\n"))


def _markdown_line(line: str) -> str:
    if _MD_RULE.match(line) or _MD_SETEXT.match(line) or _MD_FENCE.match(line) or _MD_LINK_DEF.match(line):
        return ""
    heading = _MD_HEADING.match(line)
    if heading:
        line = heading.group(1)
    line = _MD_QUOTE_MARK.sub("", line)
    line = _MD_BULLET.sub(r"\1", line)
    return _markdown_inline(line)


def _markdown_inline(line: str) -> str:
    line = _MD_ESCAPE.sub(lambda m: chr(_ESCAPE_BASE + ord(m.group(1))), line)
    for pattern, replacement in _MD_INLINE:
        line = pattern.sub(replacement, line)
    return re.sub("[\U000f0000-\U000f007f]", lambda m: chr(ord(m.group()) - _ESCAPE_BASE), line)


_FRONT_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$")
FRONT_MATTER_KEYS = ("title", "date", "outlet", "url")


def front_matter(text: str) -> tuple[dict[str, str | None], str]:
    """The ``title``, ``date``, ``outlet`` and ``url`` of a leading ``---`` front-matter block
    (simple ``key: value`` lines, quotes around values removed) and the text without the block.
    Text without a closed block comes back unchanged."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return {}, text
    end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
    if end is None:
        return {}, text
    meta: dict[str, str | None] = {}
    for line in lines[1:end]:
        match = _FRONT_KEY.match(line)
        if match and match.group(1).lower() in FRONT_MATTER_KEYS:
            value = match.group(2).strip()
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
                value = value[1:-1]
            meta[match.group(1).lower()] = value or None
    return meta, "\n".join(lines[end + 1 :])
