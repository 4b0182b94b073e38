"""A headline opened by its source and a colon: ``Poll: Trump ties Clinton``, ``Graham: Trump's
'Incredibly Hateful Rhetoric' Destroying GOP's Chance`` (PolNeAR annotates the words after the
colon as the source's, with the label as the source).

One rule, ``headline-colon``, for the article's first line only. The ``colon-line`` rule
(:mod:`.labels`) takes a line whose label is a name the model recognised and whose statement is
unquoted; this one also takes a statement with quoted fragments (``Issa: Hillary Clinton's
'Honesty Is In Question'``) and a label that names a source by a common noun (``Poll:``,
``Insiders:``). A statement quoted whole is the colon-quote rule's (:mod:`.adjacency`).

Learned from polnear-train: a label is a source when it is a name or a noun phrase of up to four
words, not a kicker (``The Latest:``, ``Breaking:``, ``Wow:``, ``Delegate Update:``): a single
word must be a name the model recognised, a plural (``Historians:``) or a word for a poll or a
report (``cues.yaml`` evidence subjects); no word may be a verb, a number or a conjunction. The
statement needs a verb or quoted words: ``Lena Marsh: The Long Road Back`` is a column's title
under its writer's name (train 34 right, 2 false positives; 38 and 8 without this test).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Token

from quotes.attribution.candidate import Candidate
from quotes.attribution.context import VERBAL, ArticleContext
from quotes.attribution.syntax import token_span
from quotes.text.spans import HEADLINE_MAX_CHARS, trim_clause, word_count

RULE_IDS = ("headline-colon",)
MAX_LABEL_WORDS = 4
MIN_CONTENT_WORDS = 3
LABEL_POS = ("PROPN", "NOUN", "ADJ", "PART", "PUNCT", "ADP")
NAME_ENTITIES = ("PERSON", "ORG", "NORP")
_COLON = re.compile(r":[ \t\u00a0]+(?=\S)")
_FORMAT_LABEL = re.compile(r"[A-Za-z]&[A-Za-z]")  # "Q&A"


def headline_colons(context: ArticleContext) -> Iterator[Candidate]:
    """The first line of the article when it reads ``SOURCE: statement``."""
    text = context.text
    start = len(text) - len(text.lstrip())
    end = context.paragraph_end(start)
    if end - start > HEADLINE_MAX_CHARS:
        return  # no headline: a one-line article, or a first paragraph of body text
    match = _COLON.search(text, start, end)
    if match is None:
        return
    label = [t for t in context.tokens_between(start, match.start()) if not t.is_space]
    colon = context.tokens_between(match.start(), match.start() + 1)
    if not colon or colon[0].text != ":" or not _is_source_label(context, label):
        return
    content = trim_clause(text, match.end(), end)
    if content[1] > content[0] and text[content[1] - 1] == ".":
        content = (content[0], content[1] - 1)  # the full stop closes the headline
    if word_count(text, *content) < MIN_CONTENT_WORDS or _quoted_whole(context, content):
        return
    if not context.quoted.overlapping(*content) and not any(
        t.pos_ in VERBAL for t in context.tokens_between(*content)
    ):
        return  # "Lena Marsh: The Long Road Back": a column's title under its writer's name
    source = _source_words(label)
    candidate = context.candidate([content], colon[0], "speech", "headline-colon", None)
    candidate.speaker = token_span(source)
    candidate.speaker_token = source[-1]
    candidate.cue_lemma = ":"
    yield candidate


def _is_source_label(context: ArticleContext, label: list[Token]) -> bool:
    """A name or a short noun phrase, not a kicker such as ``The Latest`` or ``Breaking``."""
    words = [t for t in label if not t.is_punct]
    if not 0 < len(words) <= MAX_LABEL_WORDS or words[0].pos_ in ("DET", "ADP"):
        return False  # ("The Latest:", "In pictures:")
    if any(t.pos_ not in LABEL_POS for t in label) or label[-1].pos_ not in ("PROPN", "NOUN"):
        return False
    if _FORMAT_LABEL.fullmatch("".join(t.text for t in label)):
        return False  # "Q&A:", a format, not a source
    if len(words) == 1:
        word = words[0]
        if word.is_upper and word.ent_type_ not in NAME_ENTITIES:
            return False  # "BREAKING:", "EXCLUSIVE:", "BYLINE:"
        return (
            word.ent_type_ in NAME_ENTITIES
            or word.tag_ in ("NNS", "NNPS")
            or word.lemma_.lower() in context.rules.evidence_subjects
        )
    return any(_names_source(context, t) for t in words)  # not "Heat advisory:", "Delegate update:"


def _names_source(context: ArticleContext, word: Token) -> bool:
    """A word that can name who speaks: a proper noun, a plural (``Health officials``) or a poll
    or report."""
    return (
        word.pos_ == "PROPN"
        or word.ent_type_ in NAME_ENTITIES
        or word.tag_ in ("NNS", "NNPS")
        or word.lemma_.lower() in context.rules.evidence_subjects
    )


def _source_words(label: list[Token]) -> list[Token]:
    """The label up to its first preposition: ``Clinton`` in ``Clinton to Planned Parenthood``."""
    words = [t for t in label if not t.is_punct or t.text in (".", "-")]
    cut = next((i for i, t in enumerate(words) if t.pos_ == "ADP" and i > 0), len(words))
    return words[:cut] or words


def _quoted_whole(context: ArticleContext, content: tuple[int, int]) -> bool:
    """Whether one quotation covers the statement (``Trump: 'We Will Build the Wall'``)."""
    pieces = [context.quoted.spans[i] for i in context.quoted.overlapping(*content)]
    inside = sum(min(e, content[1]) - max(s, content[0]) for s, e in pieces)
    return len(pieces) == 1 and inside >= (content[1] - content[0]) - 2


CUE_FINDERS = (headline_colons,)
