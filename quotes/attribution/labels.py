"""A line opened by a speaker's name and a colon: ``Obama: I'm Optimistic Americans Will Say No
to Trump`` (headlines), ``BOULDUAN: You guys, back in January, ...`` (transcripts) (colon-line).

The rest of the line is what the named speaker said, quoted or not. A quoted line after a name
is the colon-quote rule's (:mod:`.adjacency`); this rule takes the lines with no quotation
mark of their own, which PolNeAR annotates as the name's statement.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from quotes.attribution.candidate import Candidate
from quotes.attribution.context import VERBAL, ArticleContext
from quotes.attribution.syntax import token_span
from quotes.text import trim_clause, word_count

RULE_IDS = ("colon-line",)
MAX_LABEL_WORDS = 4
MIN_CONTENT_WORDS = 3
NAME_ENTITIES = ("PERSON", "ORG", "NORP")  # not "Iowa: Tim Albrecht, ..." (lists by place)


def colon_lines(context: ArticleContext) -> Iterator[Candidate]:
    """One candidate for each line that opens with a name (or a speaker label) and a colon."""
    text = context.text
    names = {t.lower_ for t in context.doc if t.ent_type_ in NAME_ENTITIES and t.is_alpha and len(t.text) > 1}
    for word in context.reporter_words:
        token = word.token
        if token.text != ":" or token.i == 0:
            continue
        start = context.paragraph_start(token.idx)
        label = context.tokens_between(start, token.idx)
        if not _is_label(label) or not any(t.lower_ in names for t in label):
            continue
        end = context.paragraph_end(token.idx)
        content = trim_clause(text, token.idx + 1, end)
        if content[1] > content[0] and text[content[1] - 1] == ".":
            content = (content[0], content[1] - 1)  # the full stop closes the line, not the statement
        if word_count(text, *content) < MIN_CONTENT_WORDS or context.quoted.overlapping(*content):
            continue
        if not any(t.pos_ in VERBAL for t in context.tokens_between(*content)):
            continue  # "Christie: A closing surge.": a section heading, not a statement
        candidate = context.candidate([content], token, "speech", "colon-line", label[-1])
        candidate.speaker = token_span(label)
        candidate.cue_lemma = ":"
        yield candidate


def _is_label(tokens: list[Token]) -> bool:
    """A name or a speaker label: up to four words, each a proper noun, part of a name, or in
    capitals (``BOULDUAN``); the caller checks that one of them names a person or organisation
    of the article (not ``UPDATE:``, ``CORRECTION:``, ``Q:``)."""
    words = [t for t in tokens if not t.is_space]
    if not 0 < len(words) <= MAX_LABEL_WORDS or not words[-1].is_alpha:
        return False
    return all(
        t.pos_ == "PROPN" or t.ent_type_ in NAME_ENTITIES or (t.is_alpha and t.is_upper) or t.text == "."
        for t in words
    )


CUE_FINDERS = (colon_lines,)
