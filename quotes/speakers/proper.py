"""Proper names as speakers: names, headline names, datelines and platforms.

:class:`ProperNameResolver`, a part of :class:`quotes.speakers.resolver.Resolver`, resolves a
capitalised mention: a name of the article's people and organisations (``Mr. Altman`` -> ``Sam
Altman``), a headline's opening name without its verb (``Trump Addresses Munich Attack:``), a
capitalised role (``The Wisconsin Republican``), the person named after a dateline
(``CLEVELAND (UPI) — Former Attorney General Michael Mukasey said``) and the name before a
platform (``Donald Trump, Twitter:``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from quotes.attribution import Candidate
from quotes.nlp.doctext import doc_text
from quotes.speakers.article_state import fake_candidate as _fake
from quotes.speakers.records import Resolution
from quotes.speakers.records import unknown as _unknown
from quotes.speakers.roles import RoleResolver

if TYPE_CHECKING:
    from quotes.speakers.article_state import ArticleState, TokenResolver


class ProperNameResolver:
    """Capitalised mentions to the article's people and organisations, over the article's state."""

    def __init__(self, state: ArticleState, resolve: TokenResolver, roles: RoleResolver) -> None:
        self.doc = state.doc
        self.mentions = state.mentions
        self.words = state.words
        self.entities = state.entities
        self._resolve_token = resolve
        self.roles = roles

    def headline_name(self, candidate: Candidate) -> Resolution | None:
        """``Trump Addresses Munich Attack: "..."``: on the first line, the longest opening words of
        the mention that name a person of the article, without the headline's verb and object."""
        if candidate.speaker is None or candidate.speaker[1] > self.entities.first_line_end:
            return None
        start, end = candidate.speaker
        words = doc_text(self.doc)[start:end].split()
        for n in range(len(words) - 1, 0, -1):
            if not all(w[:1].isupper() for w in words[:n]):
                continue
            entity = self.entities.lookup(" ".join(words[:n]))
            if entity is not None and entity.kind == "person" and entity.name.split()[-1] == words[n - 1]:
                return Resolution(entity.name, entity.kind, f"headline name '{' '.join(words[:n])}'")
        return None

    def resolve(self, token: Token) -> Resolution:
        """The person or organisation a capitalised mention names, or a role, a group or an unknown."""
        words = [
            t for t in token.subtree if (t.pos_ == "PROPN" or t is token) and token.i - 4 <= t.i <= token.i
        ]
        name = _hyphenated(token) or " ".join(t.text for t in words) or token.text
        entity = self.entities.lookup(name)
        if entity is not None:
            return Resolution(entity.name, entity.kind, f"name '{name}'")
        if token.lower_ in self.words.person_roles or self.entities.title_group(token.lower_) is not None:
            determined = any(t.dep_ in ("det", "poss") for t in token.lefts)
            # "The Wisconsin Republican", "Judge", "Senator from Texas"
            role = self.roles.resolve(token, determined)
            if role is not None:
                return role
        if len(words) == 1 and token.lower_ in self.words.not_speakers:
            return _unknown(f"'{token.text}' is no speaker on its own")
        organisation = any(w.lower_ in self.mentions.organisation_words for w in words)
        kind = "organisation" if organisation else "unknown"
        if kind == "unknown" and (token.tag_ == "NNPS" or token.ent_type_ == "NORP"):
            kind = "description"  # "Republicans", "Democrats": a group, no one person
        return Resolution(self.entities.aliases.canonical(name), kind, f"proper noun '{name}'")

    def label(self, span: tuple[int, int]) -> Resolution:
        """A transcript turn's label (``DR. KWAME ASANTE``, ``MOREAU``, ``PRESENTER``): the article's
        person it names, else the name written in capitals as a name ("Rob Ketteridge"); a role
        of the broadcast alone is an unnamed source (``PRESENTER`` -> presenter)."""
        written = doc_text(self.doc)[span[0] : span[1]]
        name = self.entities.titles.clean_name(written)
        if not name:
            return _unknown(f"label '{written}' names no one")
        role = self.words.label_roles.get(name.lower())
        if role is not None:
            return Resolution(role, "description", f"transcript label '{written}': the {role}")
        entity = self.entities.lookup(name)
        if entity is not None:
            shown = _unshouted(entity.name)
            return Resolution(shown, entity.kind, f"transcript label '{written}' -> {shown}")
        shown = self.entities.aliases.canonical(_unshouted(name))
        return Resolution(shown, "person", f"transcript label '{written}'")

    def past_dateline(self, token: Token) -> Resolution:
        """``CLEVELAND (UPI) — Former Attorney General Michael Mukasey said``: the apposition."""
        for child in token.children:
            if (
                child.dep_ == "appos"
                and child.pos_ == "PROPN"
                and not self.entities.datelines.contains(child.idx)
            ):
                return self._resolve_token(child, _fake(child))
        for later in token.doc[token.i + 1 : token.sent.end]:  # the first person named after it
            named = self.entities.entity_at.get(later.i)
            if named is not None and named.label_ == "PERSON":
                return self._resolve_token(later, _fake(later))
        return _unknown(f"dateline '{token.text}'")

    def platform(self, token: Token) -> Resolution:
        """``Donald Trump, Twitter: ...``: the name before the platform speaks."""
        for previous in reversed(list(token.doc[max(0, token.i - 6) : token.i])):
            if previous.pos_ == "PROPN" and previous.i in self.entities.entity_at:
                return self._resolve_token(previous, _fake(previous))
        return _unknown(f"platform '{token.text}'")


def _unshouted(name: str) -> str:
    """A name written in capitals as a name is written: ``ROB KETTERIDGE`` -> ``Rob Ketteridge``."""
    return " ".join(w.capitalize() if w.isupper() and len(w) > 1 else w for w in name.split())


def _hyphenated(token: Token) -> str | None:
    """``Wealth-X``, ``Al-Tabchi``: a name the tokenizer split at its hyphens, written whole."""
    doc, start = token.doc, token.i
    while (
        start >= 2
        and doc[start - 1].text == "-"
        and not doc[start - 1].whitespace_
        and not doc[start - 2].whitespace_
    ):
        start -= 2
    if start == token.i:
        return None
    while start >= 1 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].whitespace_:
        start -= 1  # "Asab Al-Tabchi"
    return doc[start : token.i + 1].text
