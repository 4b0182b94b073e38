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
from quotes.speakers.descriptions import clean_title, is_person_noun
from quotes.speakers.name_spans import is_credit
from quotes.speakers.records import Entity, Resolution
from quotes.speakers.records import unknown as _unknown
from quotes.speakers.roles import RoleResolver
from quotes.speakers.titles import plain_name

if TYPE_CHECKING:
    from quotes.speakers.article_state import ArticleState, TokenResolver

MIN_INITIALS, MAX_INITIALS = 2, 3  # "CO:", "JD:" for the hosts a transcript names in full


class ProperNameResolver:
    """Capitalised mentions to the article's people and organisations, over the article's state."""

    def __init__(self, state: ArticleState, resolve: TokenResolver, roles: RoleResolver) -> None:
        self.doc = state.doc
        self.mentions = state.mentions
        self.words = state.words
        self.entities = state.entities
        self._resolve_token = resolve
        self.roles = roles
        self._opening_end = state.opening_end

    def headline_name(self, candidate: Candidate) -> Resolution | None:
        """``Trump Addresses Munich Attack: "..."``: on the first line, the longest opening words of
        the mention that name a person of the article, without the headline's verb and object."""
        if candidate.speaker is None or candidate.speaker[1] > self.entities.first_line_end:
            return None
        start, end = candidate.speaker
        words = self.entities.text[start:end].split()
        for n in range(len(words) - 1, 0, -1):
            if not all(w[:1].isupper() for w in words[:n]):
                continue
            if words[n][:1].islower() and self.entities.title_group(words[n].lower()) is not None:
                continue  # ("Langford mayor": a place before a title names no one by itself)
            entity = self.entities.lookup(" ".join(words[:n]))
            if entity is not None and entity.kind == "person" and entity.name.split()[-1] == words[n - 1]:
                return Resolution(entity.name, entity.kind, f"headline name '{' '.join(words[:n])}'")
        return None

    def resolve(self, token: Token) -> Resolution:
        """The person or organisation a capitalised mention names, or a role, a group or an unknown."""
        words = [
            t for t in token.subtree if (t.pos_ == "PROPN" or t is token) and token.i - 4 <= t.i <= token.i
        ]
        named = self._apposition(token) or self._after_abbreviation(token) or self._title_of(token)
        if named is not None:
            return named
        dated = token.ent_type_ in ("DATE", "TIME") or token.lower_ in _CALENDAR
        if dated and self.entities.lookup(token.text) is None:
            return _unknown(f"'{token.text}' is a date")  # ("Tuesday said the lawyer"; not "April Ryan")
        if is_credit(token.doc, token.left_edge.i, token.i + 1):
            return _unknown(f"'{token.text}' is a photo credit")  # ("Darren Calabrese/The Canadian Press")
        if _in_quotation_marks(token):
            return _unknown(f"'{token.text}' is in a title in quotation marks")
        name = (_hyphenated(token) or " ".join(t.text for t in words) or token.text) + _of_name(token)
        entity = self.entities.lookup(name)
        if entity is not None:
            return Resolution(entity.name, entity.kind, f"name '{name}'")
        headline_noun = (  # ("Mother says son waited 14 hours in ER": a noun capitalised in a headline)
            len(words) == 1 and token.idx < self._opening_end
            and is_person_noun(token, self.words, self.entities.title_group)
        )
        titled = self.entities.title_group(token.lower_) is not None
        if headline_noun or titled or token.lower_ in self.words.person_roles:
            determined = any(t.dep_ in ("det", "poss") for t in token.lefts)
            # "The Wisconsin Republican", "Judge", "Senator from Texas"
            role = self.roles.resolve(token, determined)
            if role is not None:
                return role
        if headline_noun and not titled and token.lower_ not in self.words.not_speakers:
            return Resolution(token.lower_, "description", f"unnamed source '{token.lower_}' in a headline")
        if len(words) == 1 and token.lower_ in self.words.not_speakers:
            return _unknown(f"'{token.text}' is no speaker on its own")
        organisation = any(w.lower_ in self.mentions.organisation_words for w in words)
        kind = "organisation" if organisation else "unknown"
        cleaned = self.entities.titles.clean_name(name, person=not organisation)
        if cleaned and cleaned != name and name.endswith(f" {cleaned}") and " " in cleaned:
            # ("RT Darnell Okafor": a position before a name the model missed; only words before it go)
            entity = self.entities.lookup(cleaned)
            if entity is not None:
                return Resolution(entity.name, entity.kind, f"name '{cleaned}'")
            name = cleaned
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
        entity = self._initials(name, span[0]) or self.entities.lookup(name)
        if entity is not None:
            shown = _unshouted(entity.name)
            return Resolution(shown, entity.kind, f"transcript label '{written}' -> {shown}")
        shown = self.entities.aliases.canonical(_unshouted(name))
        return Resolution(shown, "person", f"transcript label '{written}'")

    def _initials(self, label: str, offset: int) -> Entity | None:
        """``CO:`` and ``JD:`` in a transcript whose hosts are Carol Off and Jeff Douglas: a label of
        two or three capitals that are the initials of exactly one person named before it."""
        if not (MIN_INITIALS <= len(label) <= MAX_INITIALS and label.isalpha() and label.isupper()):
            return None
        people = [
            e for e in self.entities.before(offset)
            if e.kind == "person" and "".join(w[0] for w in e.name.split()).upper() == label
        ]  # fmt: skip
        return people[0] if len({e.name for e in people}) == 1 else None

    def _apposition(self, token: Token) -> Resolution | None:
        """``The Transport Secretary, Grant Shapps,``, ``Ontario Premier Dalton McGuinty`` misread as
        ``Ontario`` with ``McGuinty`` beside it: a title or a place whose apposition names a person
        is that person."""
        if token.ent_type_ in ("PERSON", "ORG"):
            return None
        title = self.entities.title_group(token.lower_) is not None or token.lower_ in self.words.person_nouns
        for child in token.children:
            if child.dep_ == "appos" and child.pos_ == "PROPN" and child.ent_type_ == "PERSON":
                resolved = self._resolve_token(child, _fake(child))
                if resolved.kind == "person":
                    doc = token.doc
                    role = [t for t in doc[token.left_edge.i : token.i + 1] if t.dep_ != "det"]
                    titles = self.entities.titles
                    if not title:  # ("Ontario" of "Ontario Premier Dalton McGuinty": the title after it)
                        role += [t for t in child.subtree if t.i < child.i and titles.titles_a_name(t.text)]
                    how = f"apposition '{child.text}' of '{token.text}'"
                    named_role = title or len(role) > 1
                    role_text = clean_title(" ".join(t.text for t in role)) if named_role else None
                    return Resolution(resolved.name, "person", how, role_text)
        return None

    def _title_of(self, token: Token) -> Resolution | None:
        """``Minister for Housing Seán Ó Briain said``, with ``Minister`` taken for the speaker: a
        title word followed by its portfolio and a person's name is that person (the longest of the
        last three capitalised words that names a person of the article)."""
        if not self.entities.titles.titles_a_name(token.text):
            return None
        doc, end = token.doc, token.i + 1
        while end < len(doc) and end - token.i <= 8 and (
            (doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper()) or doc[end].lower_ in _PORTFOLIO
        ):
            end += 1
        tail = [t for t in doc[token.i + 1 : end]]
        if len(tail) < 2 or not any(t.lower_ in ("for", "of") for t in tail):
            return None
        for n in (3, 2, 1):
            words = tail[-n:]
            if len(words) < n or any(not t.text[:1].isupper() for t in words):
                continue
            name = " ".join(t.text for t in words)
            entity = self.entities.lookup(name)
            if entity is not None and entity.kind == "person":
                how = f"'{token.text}' and the name after it, '{name}'"
                return Resolution(entity.name, "person", how, clean_title(doc[token.i : words[0].i].text))
        return None

    def _after_abbreviation(self, token: Token) -> Resolution | None:
        """``says Coun. Paulette Thériault``, where the sentence was split after the abbreviated title:
        the name after the abbreviation."""
        doc = token.doc
        if token.lower_.rstrip(".") not in self.entities.titles.honorifics or token.i + 2 >= len(doc):
            return None
        start = token.i + (2 if doc[token.i + 1].text == "." else 1)
        end = start
        while end < len(doc) and end - start < 3 and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper():
            end += 1
        if end == start:
            return None
        name = plain_name(doc[start:end].text, person=True)
        entity = self.entities.lookup(name)
        if entity is not None and entity.kind != "person":
            return None
        resolved = entity.name if entity is not None else self.entities.aliases.canonical(name)
        return Resolution(resolved, "person", f"the name after '{token.text}.' -> {name}")

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


_MARKS = frozenset('"“”«»‘’\'')
_PORTFOLIO = ("for", "of", "the")  # "Minister for Housing", "Secretary of State"
_CALENDAR = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
     "tonight", "tomorrow", "january", "february", "march", "april", "june", "july", "august", "september",
     "october", "november", "december"}
)


def _in_quotation_marks(token: Token) -> bool:
    """``"Rising Water" says ...``: a name in quotation marks is the title of a book, a film, a
    programme or a debate, which says nothing (its author may)."""
    doc = token.doc
    first, last = token.left_edge.i, token.i
    if first == 0 or last + 1 >= len(doc):
        return False
    return doc[first - 1].text in _MARKS and doc[last + 1].text in _MARKS


def _of_name(token: Token) -> str:
    """`` of Fort Ashby`` of ``the Municipal District of Fort Ashby``: an ``of`` phrase of capitalised
    words that is part of a name, or ""."""
    of = next((c for c in token.rights if c.dep_ == "prep" and c.lower_ == "of" and c.i == token.i + 1), None)
    if of is None:
        return ""
    words = [t for t in of.subtree if t.i > of.i]
    if not words or not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in words if t.lower_ != "the"):
        return ""
    return " of " + " ".join(t.text for t in words)


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
