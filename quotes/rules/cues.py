"""Attribution cues (``rules/cues.yaml``): cue verbs, nouns, adjectives and fixed phrases with
their class (speech, cognition, evidence), and the word lists the attribution rules read, in the
frozen :class:`CueRules` the attribution code works from, with the rule table
(:mod:`quotes.rules.attribution`). A bad entry fails with ``file:line: reason``."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from quotes.rules.attribution import AttributionRule, load_attribution_rules
from quotes.rules.yamlfile import RuleError, entries, label_list, line_of, read_yaml, require, word_list
from quotes.text.inflect import inflections

CUE_CLASSES = ("speech", "cognition", "evidence")
CONTENT_LINKS = ("ccomp", "xcomp", "dobj", "quote")


@dataclass(frozen=True)
class VerbCue:
    """How one cue verb lemma behaves: its class and the ways content attaches to it."""

    lemma: str
    cue_class: str
    takes: frozenset[str]


@dataclass(frozen=True)
class Phrase:
    """A fixed phrase that names a source: ``in the words of X, ...``."""

    id: str
    cue_class: str
    words: tuple[str, ...]


@dataclass(frozen=True)
class AttributionWords:
    """Function words and entity labels the attribution rules consult (``cues.yaml: words``)."""

    message_prepositions: frozenset[str] = frozenset()  # "called for a recount", "accused X of lying"
    topic_prepositions: frozenset[str] = frozenset()  # "talked about immigration": the object alone
    place_time_entities: frozenset[str] = frozenset()  # "on Thursday", "in Ohio": not a message
    name_entities: frozenset[str] = frozenset()  # '"..." - Esther Tapia': a name closing a line
    speaker_pronouns: frozenset[str] = frozenset()  # '"...," she notes'
    impersonal_subjects: frozenset[str] = frozenset()  # "it is clear that ...": no source
    bare_cue_forms: tuple[str, ...] = ()  # 'He said "..."': a cue with no comma before the mark
    evidence_verbs: frozenset[str] = frozenset()  # speech verbs that report evidence with a subject
    non_message_entities: frozenset[str] = frozenset()  # "raised $2 million": an amount, not a message
    non_message_heads: frozenset[str] = frozenset()  # "spoke on condition of anonymity"
    as_object_lemmas: frozenset[str] = frozenset()  # "sees him as a threat", not "saw growth"
    teaser_prefixes: frozenset[str] = frozenset()  # "READ MORE: ...": a link, not the article
    sourceless_subjects: frozenset[str] = frozenset()  # "no one knows": a subject that holds no belief
    circumstance_prepositions: frozenset[str] = frozenset()  # "praised X after the event": not the message
    contrast_conjunctions: frozenset[str] = frozenset()  # "..., while X ...": closes the report
    answer_words: frozenset[str] = frozenset()  # "75 percent said yes": the answer is the message
    in_sources: frozenset[str] = frozenset()  # "In a CBS News poll, X leads": the poll is the source
    topic_verbs: frozenset[str] = frozenset()  # "speak about": the only way that verb takes a message
    reaction_verbs: frozenset[str] = frozenset()  # "faced accusations that ...": not the subject's claim
    refusal_verbs: frozenset[str] = frozenset()  # "declined to say whether ...": a negated report
    deferral_verbs: frozenset[str] = frozenset()  # "said it would comment later": no message
    speech_act_verbs: frozenset[str] = frozenset()  # "declined to comment": speaking, no message
    speech_act_objects: frozenset[str] = frozenset()  # "answered questions": the vehicle, no message
    response_nouns: frozenset[str] = frozenset()  # '"No," was the response of X': an answer
    inverted_report_verbs: frozenset[str] = frozenset()  # "..., reported the BBC": the source after
    identity_verbs: frozenset[str] = frozenset()  # "asking not to be identified": no message
    publishing_verbs: frozenset[str] = frozenset()  # "released a statement": what follows is it
    statement_nouns: frozenset[str] = frozenset()  # ... the documents such a verb publishes
    stance_words: frozenset[str] = frozenset()  # "X isn't convinced." then X's quotation


@dataclass(frozen=True)
class CueRules:
    """Cue verbs, nouns, adjectives and fixed source phrases, the attribution rules' word lists
    and the rule table: what the attribution code reads."""

    verbs: dict[str, VerbCue]
    nouns: dict[str, str]  # lemma -> class
    phrases: tuple[Phrase, ...]
    evidence_subjects: frozenset[str]
    attribution_rules: tuple[AttributionRule, ...] = ()
    verb_forms: dict[str, str] = field(default_factory=dict)  # regular inflection -> cue lemma
    evidentials: frozenset[str] = frozenset()  # "X seems to ...": the clause is an appearance, no source
    adjectives: dict[str, str] = field(default_factory=dict)  # "X is confident that ...": lemma -> class
    words: AttributionWords = AttributionWords()

    def __hash__(self) -> int:
        return hash((tuple(sorted(self.verbs)), tuple(sorted(self.nouns)), self.phrases))

    def verb_lemma(self, lemma: str, surface: str, particle: str | None = None) -> str | None:
        """The cue lemma of a verb token, from its lemma or, where the lemmatizer slipped
        (``hoping`` -> ``hop``), from its written form; with its particle, a phrasal cue
        (``shot back``: ``shoot back``); None when it is no cue."""
        lemma = lemma.lower()
        if particle is not None and f"{lemma} {particle.lower()}" in self.verbs:
            return f"{lemma} {particle.lower()}"
        if lemma in self.verbs:
            return lemma
        return self.verb_forms.get(surface.lower())

    def cue_words(self) -> frozenset[str]:
        """Every surface-independent lemma that can start a cue (for cheap prefiltering)."""
        return frozenset(self.verbs) | frozenset(self.nouns) | {p.words[0] for p in self.phrases}


CUES_FILE = "cues.yaml"


def _verb_forms(verbs: dict[str, VerbCue]) -> dict[str, str]:
    """Surface form -> cue lemma for every regular inflection of every cue verb."""
    forms: dict[str, str] = {}
    for lemma in sorted(verbs):
        if " " in lemma:
            continue  # (a phrasal cue is found by its verb and particle)
        for form in inflections(lemma):
            forms.setdefault(form, lemma)
    return forms


def _class(path: Path, line: int | None, item: Any) -> str:
    cue_class = require(path, line, item, "class", str)
    if cue_class not in CUE_CLASSES:
        raise RuleError(path, line, f"'class' must be one of {', '.join(CUE_CLASSES)}, not {cue_class!r}")
    return cue_class


_WORD_LISTS = {
    "message_prepositions": word_list,
    "topic_prepositions": word_list,
    "place_time_entities": label_list,
    "name_entities": label_list,
    "speaker_pronouns": word_list,
    "impersonal_subjects": word_list,
    "bare_cue_forms": word_list,
    "evidence_verbs": word_list,
    "non_message_entities": label_list,
    "non_message_heads": word_list,
    "as_object_lemmas": word_list,
    "teaser_prefixes": word_list,
    "sourceless_subjects": word_list,
    "reaction_verbs": word_list,
    "circumstance_prepositions": word_list,
    "contrast_conjunctions": word_list,
    "in_sources": word_list,
    "answer_words": word_list,
    "topic_verbs": word_list,
    "refusal_verbs": word_list,
    "deferral_verbs": word_list,
    "speech_act_verbs": word_list,
    "speech_act_objects": word_list,
    "response_nouns": word_list,
    "inverted_report_verbs": word_list,
    "identity_verbs": word_list,
    "publishing_verbs": word_list,
    "statement_nouns": word_list,
    "stance_words": word_list,
}


def _load_words(path: Path, data: Any) -> AttributionWords:
    table = data.get("words")
    if not isinstance(table, dict):
        raise RuleError(path, line_of(data, 1), "expected a mapping under 'words'")
    unknown = sorted(map(str, set(table) - set(_WORD_LISTS)))
    if unknown:
        near = difflib.get_close_matches(unknown[0], sorted(_WORD_LISTS), n=1, cutoff=0.6)
        hint = f"; did you mean '{near[0]}'?" if near else ""
        line = getattr(table, "key_lines", {}).get(unknown[0], line_of(table))
        raise RuleError(path, line, f"words: unknown list(s): {', '.join(unknown)}{hint}")
    values: dict[str, Any] = {}
    for name, read in _WORD_LISTS.items():
        words = read(path, line_of(table), table, name)
        values[name] = tuple(words) if name == "bare_cue_forms" else frozenset(words)
    return AttributionWords(**values)


def _load_phrases(path: Path, data: Any) -> tuple[Phrase, ...]:
    phrases = []
    for line, item in entries(path, data, "phrases"):
        words = tuple(word_list(path, line, item, "words"))
        if len(words) < 2:
            raise RuleError(path, line, "a phrase needs at least two words")
        phrases.append(Phrase(require(path, line, item, "id", str), _class(path, line, item), words))
    return tuple(phrases)


@dataclass(frozen=True)
class _Cues:
    verbs: dict[str, VerbCue]
    nouns: dict[str, str]
    phrases: tuple[Phrase, ...]
    evidence_subjects: frozenset[str]
    evidentials: frozenset[str]
    adjectives: dict[str, str]
    words: AttributionWords


def _load_cues(path: Path) -> _Cues:
    data = read_yaml(path)
    verbs: dict[str, VerbCue] = {}
    for line, item in entries(path, data, "verbs"):
        cue_class = _class(path, line, item)
        takes = word_list(path, line, item, "takes")
        unknown = set(takes) - set(CONTENT_LINKS)
        if unknown:
            raise RuleError(path, line, f"unknown 'takes' value(s): {', '.join(sorted(unknown))}")
        for lemma in word_list(path, line, item, "lemmas"):
            previous = verbs.get(lemma)
            if previous is None:  # the first class listed for a lemma wins
                verbs[lemma] = VerbCue(lemma, cue_class, frozenset(takes))
            else:
                verbs[lemma] = VerbCue(lemma, previous.cue_class, previous.takes | frozenset(takes))
    nouns: dict[str, str] = {}
    for line, item in entries(path, data, "nouns"):
        cue_class = _class(path, line, item)
        for lemma in word_list(path, line, item, "lemmas"):
            nouns.setdefault(lemma, cue_class)
    subjects = frozenset(word_list(path, line_of(data, 1), data, "evidence_subjects"))
    evidentials = (
        frozenset(word_list(path, line_of(data, 1), data, "evidentials"))
        if "evidentials" in data
        else frozenset()
    )
    adjectives: dict[str, str] = {}
    for line, item in entries(path, data, "adjectives") if "adjectives" in data else ():
        cue_class = _class(path, line, item)
        for lemma in word_list(path, line, item, "lemmas"):
            adjectives.setdefault(lemma, cue_class)
    return _Cues(
        verbs, nouns, _load_phrases(path, data), subjects, evidentials, adjectives, _load_words(path, data)
    )


def load_cue_rules(rules_dir: Path) -> CueRules:
    """Read cues.yaml, with the attribution rule table (:mod:`quotes.rules.attribution`) that the
    attribution code reads beside it."""
    if not (rules_dir / CUES_FILE).is_file():
        raise RuleError(rules_dir / CUES_FILE, None, "missing rule file")
    cues = _load_cues(rules_dir / CUES_FILE)
    attribution = load_attribution_rules(rules_dir)
    return CueRules(
        cues.verbs,
        cues.nouns,
        cues.phrases,
        cues.evidence_subjects,
        attribution,
        _verb_forms(cues.verbs),
        cues.evidentials,
        cues.adjectives,
        cues.words,
    )
