"""Descriptions as speakers: the short name of an unnamed source, acronyms and organisation kinds.

``a senior administration official`` -> ``senior administration official``; ``Several
observers`` -> ``observers``; ``International Monetary Fund`` <-> ``IMF``. Pure functions over
spaCy tokens and strings.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Token

from quotes.attribution import SpanIndex
from quotes.rules.mentions import SpeakerWords

_KEEP_DEPS = ("amod", "compound", "nmod", "poss", "npadvmod", "advmod", "quantmod", "case")
_PARTITIVES = frozenset(
    {"most", "many", "some", "none", "all", "half", "majority", "few", "several", "each", "percent",
     "percentage", "share", "proportion", "plurality", "minority", "third", "quarter", "handful", "dozens"}
)
_PEOPLE = frozenset({"people", "person", "officials", "sources", "others", "those", "someone", "individuals"})
_ALONE = frozenset({"some", "someone", "somebody"})  # sources named by the word alone
_PEOPLE_PHRASED = _PEOPLE | {"members", "advisers"}
_PEOPLE_PREPS = frozenset({"of", "on", "to", "in", "with", "from", "close"})
_ACRONYM_SKIP = frozenset({"of", "the", "and", "for", "on", "in", "&", "to", "at"})


def description_name(token: Token, words: SpeakerWords, datelines: SpanIndex | None = None) -> str | None:
    """The noun phrase up to its head, without determiners, quantifiers or possessive pronouns:
    ``some far-right commentators`` -> ``far-right commentators``, ``most of the Senate Republicans``
    -> ``Senate Republicans``; words of a dateline (``datelines``: the article's, from
    :func:`quotes.speakers.article_entities.dateline_spans`) are left out; None when nothing is left."""
    if token.lower_ in words.description_drop or token.like_num or token.lower_ in _PARTITIVES:
        of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ in ("of", "in")), None)
        head = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if head is not None and head.pos_ in ("NOUN", "PROPN"):
            name = description_name(head, words, datelines)
            return singular(name, head) if name is not None and one_of(token) else name
    keep = {token.i}
    for child in token.lefts:
        if child.dep_ in _KEEP_DEPS or child.tag_ == "HYPH":  # ("the 34-year-old")
            keep.update(t.i for t in child.subtree)
    doc = token.doc
    start = token.i
    while start - 1 in keep:
        start -= 1
    pieces = [doc[i] for i in range(start, token.i + 1)]
    dated = [i for i, t in enumerate(pieces[:-1]) if datelines is not None and datelines.contains(t.idx)]
    if dated:  # "BRUSSELS - European leaders", "LONDON (Reuters) - Officials"
        pieces = pieces[dated[-1] + 1 :]
    while pieces and (
        pieces[0].lower_ in words.description_drop
        or pieces[0].is_punct
        or (pieces[0].like_num and not (len(pieces) > 1 and pieces[1].tag_ == "HYPH"))  # ("19-year-old")
        or (pieces[0].pos_ == "PRON")
    ):
        pieces = pieces[1:]
    if not pieces:  # ("some said", "someone told him"): the word alone is the source's name
        return token.lower_ if names_itself(token) else None
    for child in token.rights:  # "people briefed (on ...)", but "a poll (released Friday)"
        if (
            token.lower_ in _PEOPLE
            and child.dep_ == "acl"
            and child.tag_ in ("VBN", "VBD")
            and child.i == pieces[-1].i + 1
        ):
            pieces.append(child)
            break
    text = "".join(t.text_with_ws for t in pieces).strip()
    text = re.sub(r"\s+", " ", text) + _people_phrase(token, pieces[-1]) + _of_kind(token, pieces[-1])
    return text if any(c.isalpha() for c in text) else None


def one_of(token: Token) -> bool:
    """``one of the sources``: one member of a group (not ``one or more of``, ``one in four``)."""
    return (
        token.lower_ == "one"
        and not any(c.dep_ in ("cc", "conj") for c in token.children)
        and any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children)
    )


def singular(name: str, head: Token) -> str:
    """``one of his warm-up speakers`` is a ``warm-up speaker``: the plural head of a description
    named in the singular (its lemma), for one of a group."""
    if head.tag_ != "NNS" or head.text not in name.split():
        return name
    words = name.split()
    at = len(words) - 1 - words[::-1].index(head.text)
    return " ".join([*words[:at], head.lemma_, *words[at + 1 :]])


def _of_kind(token: Token, last: Token) -> str:
    """`` of commerce`` of ``the chamber of commerce``, `` of state`` of ``the secretary of
    state``: an ``of`` with one bare common noun right after the head is part of what it is called
    (not ``members of the group`` nor ``some of them``)."""
    if last.i != token.i or token.lower_ in _PEOPLE_PHRASED:
        return ""
    prep = next((c for c in token.rights if c.dep_ == "prep" and c.i == token.i + 1), None)
    if prep is None or prep.lower_ != "of":
        return ""
    count = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if count is not None and count.like_num and count.is_lower and count.i == prep.i + 1:
        return f" of {count.text}"  # ("a mother of two (in Mississauga)": how many children she has)
    words = list(prep.subtree)
    if len(words) != 2 or not words[1].is_lower or words[1].tag_ not in ("NN", "NNP"):
        return ""  # (the model tags "commerce" a proper noun at times)
    return f" of {words[1].text}"


def _people_phrase(token: Token, last: Token) -> str:
    """`` with knowledge of the talks`` of ``a person with knowledge of the talks``, `` to the
    governor`` of ``advisers to the governor``: a short phrase right after a generic people noun
    says who they are, and stays in the name, up to a comma (not after a participle: ``people
    briefed``, as the bench names them more often than not)."""
    if token.lower_ not in _PEOPLE_PHRASED or last.i != token.i:
        return ""
    prep = next((c for c in token.rights if c.dep_ == "prep" and c.i == token.i + 1), None)
    familiar = next((c for c in token.rights if c.dep_ == "amod" and c.i == token.i + 1), None)
    if familiar is not None and any(c.dep_ == "prep" for c in familiar.children):
        prep = familiar  # ("people familiar with the matter", "officials close to the talks")
    elif prep is None or prep.lower_ not in _PEOPLE_PREPS:
        return ""
    words = list(prep.subtree)
    comma = next((i for i, t in enumerate(words) if t.text == ","), len(words))
    words = words[:comma]
    if len(words) > 7 or any(t.like_num or t.ent_type_ in ("DATE", "TIME", "PERSON") for t in words):
        return ""  # (nor "advisers to Mr. Obama": a person's advisers, named otherwise)
    return " " + re.sub(r"\s+", " ", "".join(t.text_with_ws for t in words).strip(" ,"))


def is_person_noun(token: Token, words: SpeakerWords, title_group: Callable[[str], int | None]) -> bool:
    """``goaltender``, ``engineers``, ``leader``, ``spokeswoman``: a common noun for a person, by its
    form or its lemma (a title word, a role, an occupation, a gendered noun)."""
    for word in {token.lower_, token.lemma_.lower()}:
        if (
            word in words.person_nouns
            or word in words.role_genders
            or word in words.person_roles
            or word in words.unnamed_roles
            or title_group(word) is not None
        ):
            return True
    return False


def names_itself(token: Token) -> bool:
    """``Some said ...``, ``someone told him``: a word that is the unnamed source's whole name."""
    return token.lower_ in _ALONE and not list(token.children)


def is_partitive(token: Token) -> bool:
    """``some of the admirers``, ``78 percent of voters``: a quantity of the group after "of"."""
    return token.lower_ in _PARTITIVES and any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children)


def acronym(name: str) -> str | None:
    """``International Monetary Fund`` -> ``IMF``, ``federal Securities and Exchange Commission`` ->
    ``SEC`` (a word in lower case is no part of it); None for fewer than two capitalised words."""
    words = [w for w in re.split(r"[\s-]+", name) if w and w.lower() not in _ACRONYM_SKIP]
    letters = [w[0] for w in words if w[0].isupper()]
    if len(letters) < 2:
        return None
    return "".join(letters).upper()


def is_acronym(text: str) -> bool:
    """``IMF``, ``F.B.I.``: two or more capitals and nothing else but periods."""
    letters = text.replace(".", "")
    return len(letters) >= 2 and letters.isalpha() and letters.isupper()


def kind_groups(name: str, words: SpeakerWords) -> set[int]:
    """The organisation kinds a name's words belong to (``Government Development Bank`` -> bank)."""
    return {words.organisation_kinds[w] for w in name.lower().split() if w in words.organisation_kinds}


def clean_title(title: str | None) -> str | None:
    """A short role, or None: never an age (``54``), a relative clause or a fragment."""
    if not title:
        return None
    text = _balanced(" ".join(title.replace("\n", " ").split())).strip(" ,;:—–-")
    text = re.split(r",?\s+(?:who|which|that|whose|whom)\s", text, maxsplit=1)[0].strip(" ,")
    text = _matched_parentheses(text)
    if not text or not any(c.isalpha() for c in text) or len(text.split()) > 12:
        return None
    if re.fullmatch(r"\d+(?:,\s*\w+)?", text) or len(text) < 3 or _RECORD.fullmatch(text):
        return None  # (an age, a fight record or a score: "12-3")
    words = text.lower().split()
    if set(words) <= _NO_ROLE or words[0] in _CLAUSE_WORDS:
        return None  # ("both", "said on Tuesday that": no role)
    return text


_RECORD = re.compile(r"\(?\d{1,3}(?:-\d{1,3}){1,2}\)?(?:,?\s*\d+\s*KOs?)?")
_NO_ROLE = frozenset(
    {"both", "all", "each", "either", "neither", "too", "also", "alike", "together", "alone", "himself",
     "herself", "themselves", "jr.", "sr.", "ii", "iii", "et", "al.", "others", "and", "or", "the", "of"}
)
_CLAUSE_WORDS = frozenset(
    {"said", "says", "say", "told", "tells", "added", "adds", "is", "was", "are", "were", "has", "had",
     "have", "will", "would", "can", "could", "should", "may", "might", "and", "but", "or", "then",
     "because", "when", "while", "if", "though", "although", "as", "who", "which", "that", "to", "did",
     "does", "do", "not", "also", "he", "she", "they", "it", "we", "i", "you", "there", "here"}
)


def _balanced(text: str) -> str:
    """``text`` without a leading credit line (``(UPI) — ``) and cut at a closing parenthesis it
    never opened: ``D-N.C.), head of the caucus`` -> ``D-N.C., head of the caucus``; the rest is
    dropped when it names further people (``D-Ore.), Sherrod Brown (D-Ohio) and ...``)."""
    text = re.sub(r"^\([^()]*\)\s*[—–-]+\s*", "", text)
    depth = 0
    for i, char in enumerate(text):
        if char == "(":
            depth += 1
        elif char == ")" and depth:
            depth -= 1
        elif char == ")":
            head, rest = text[:i].strip(), text[i + 1 :].strip(" ,")
            return head if not rest or "(" in rest or rest.startswith("and ") else f"{head}, {rest}"
    return re.sub(r"^\(\s*|\s*\([^()]*$", "", text)


def _matched_parentheses(text: str) -> str:
    """``text`` without any parenthesis that has no partner."""
    unmatched: list[int] = []
    for i, char in enumerate(text):
        if char == "(":
            unmatched.append(i)
        elif char == ")":
            if unmatched and text[unmatched[-1]] == "(":
                unmatched.pop()
            else:
                unmatched.append(i)
    for i in reversed(unmatched):
        text = text[:i] + text[i + 1 :]
    return " ".join(text.split())

def name_of(token: Token) -> str:
    """The text of :func:`compound_name` as written (``Claire Brisebois-Hann``)."""
    words = compound_name(token)
    return token.doc[words[0].i : words[-1].i + 1].text


def compound_name(token: Token) -> list[Token]:
    """``David Woodard`` of ``David Woodard of Clemson University``: the head and its proper-noun
    compounds, without prepositional phrases."""
    words = [token]
    doc = token.doc
    while (  # ("Claire Brisebois-Hann", split by the tokenizer at its hyphen)
        words[0].i >= 2
        and doc[words[0].i - 1].text == "-"
        and not doc[words[0].i - 1].whitespace_
        and not doc[words[0].i - 2].whitespace_
        and doc[words[0].i - 2].pos_ == "PROPN"
    ):
        words[0:0] = [doc[words[0].i - 2], doc[words[0].i - 1]]
    for child in reversed(list(token.lefts)):
        if child.dep_ == "compound" and child.pos_ == "PROPN" and child.i == words[0].i - 1:
            words.insert(0, child)
    return words
