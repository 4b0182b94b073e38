"""What the speaker resolver's parts share while one article is read: :class:`ArticleState`, and
the way a part asks the resolver about another mention (:data:`TokenResolver`)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from quotes.attribution import Candidate, SpanIndex
from quotes.nlp.doctext import doc_text
from quotes.rules.cues import CueRules
from quotes.rules.mentions import MentionRules, SpeakerWords
from quotes.rules.speakers import AliasTable
from quotes.speakers.article_entities import ArticleEntities
from quotes.speakers.index import Recency
from quotes.speakers.records import Entity, Resolution

TokenResolver = Callable[[Token, Candidate], Resolution]
"""The resolver's dispatch, which a part calls to resolve another mention (an antecedent, an owner)."""

OPENING_LINES = 2  # the headline and the lede: where a name often comes after its description


@dataclass(frozen=True)
class ArticleState:
    """The parse, the rules, the article's people and organisations (built once), and the
    speakers resolved so far (the one thing that grows as the article is read)."""

    doc: Doc
    cues: CueRules
    mentions: MentionRules
    entities: ArticleEntities
    breaks: list[int]  # where each line break is: paragraph boundaries
    opening_end: int  # where the text after the headline and the lede starts
    speakers: Recency[Entity] = field(default_factory=Recency)

    @classmethod
    def read(
        cls, doc: Doc, cues: CueRules, mentions: MentionRules, aliases: AliasTable, quoted: SpanIndex
    ) -> ArticleState:
        """The state at the start of ``doc``, whose quotations are ``quoted``."""
        text = doc_text(doc)
        lines = [m.start() for m in re.finditer(r"(?m)^[ \t]*\S", text)]
        opening_end = lines[OPENING_LINES] if len(lines) > OPENING_LINES else len(text)
        entities = ArticleEntities(doc, cues, mentions, aliases, quoted)
        return cls(doc, cues, mentions, entities, [m.start() for m in re.finditer(r"\n", text)], opening_end)

    @property
    def words(self) -> SpeakerWords:
        return self.mentions.words

    def paragraph(self, position: int) -> int:
        """The number of the paragraph holding ``position`` (line breaks before it)."""
        return bisect.bisect_right(self.breaks, position)


def fake_candidate(token: Token) -> Candidate:
    """A bare candidate whose speaker is ``token`` (to resolve an antecedent or a conjunct)."""
    return Candidate(
        [], "", [], "", "", "", speaker_token=token, speaker=(token.idx, token.idx + len(token.text))
    )
