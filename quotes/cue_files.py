"""Read the cue rule files, ``rules/cues.yaml``, ``rules/mentions.yaml`` and
``rules/attribution.yaml`` (the rule table, checked against the rule ids the code produces), into
:class:`quotes.cues.CueRules`; a bad entry fails with ``file:line: reason``."""

from __future__ import annotations

import difflib
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from quotes.cues import (
    CONTENT_LINKS,
    CUE_CLASSES,
    AttributionRule,
    AttributionWords,
    CueRules,
    Phrase,
    Pronoun,
    VerbCue,
)
from quotes.inflect import inflections
from quotes.speakers.words import MENTIONS_FILE, load_speaker_words
from quotes.yamlfile import RuleError, entries, line_of, read_yaml, require

CUES_FILE = "cues.yaml"
ATTRIBUTION_FILE = "attribution.yaml"


def _verb_forms(verbs: dict[str, VerbCue]) -> dict[str, str]:
    """Surface form -> cue lemma for every regular inflection of every cue verb."""
    forms: dict[str, str] = {}
    for lemma in sorted(verbs):
        for form in inflections(lemma):
            forms.setdefault(form, lemma)
    return forms


def _words(path: Path, line: int | None, item: Any, field: str) -> list[str]:
    value = require(path, line, item, field, list)
    if not all(isinstance(word, str) and word.strip() for word in value):
        raise RuleError(path, line_of(value, line), f"'{field}' must be a list of non-empty strings")
    return [word.strip().lower() for word in value]


def _class(path: Path, line: int | None, item: Any) -> str:
    cue_class = require(path, line, item, "class", str)
    if cue_class not in CUE_CLASSES:
        raise RuleError(path, line, f"'class' must be one of {', '.join(CUE_CLASSES)}, not {cue_class!r}")
    return cue_class


def _labels(path: Path, line: int | None, item: Any, field: str) -> list[str]:
    """A list of labels kept as written (entity types such as ``PERSON``)."""
    value = require(path, line, item, field, list)
    if not all(isinstance(word, str) and word.strip() for word in value):
        raise RuleError(path, line_of(value, line), f"'{field}' must be a list of non-empty strings")
    return [word.strip() for word in value]


_WORD_LISTS = {
    "message_prepositions": _words,
    "topic_prepositions": _words,
    "place_time_entities": _labels,
    "name_entities": _labels,
    "speaker_pronouns": _words,
    "impersonal_subjects": _words,
    "bare_cue_forms": _words,
    "evidence_verbs": _words,
    "non_message_entities": _labels,
    "non_message_heads": _words,
    "as_object_lemmas": _words,
    "teaser_prefixes": _words,
    "sourceless_subjects": _words,
    "reaction_verbs": _words,
    "circumstance_prepositions": _words,
    "contrast_conjunctions": _words,
    "in_sources": _words,
    "answer_words": _words,
    "topic_verbs": _words,
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
        words = tuple(_words(path, line, item, "words"))
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
        takes = _words(path, line, item, "takes")
        unknown = set(takes) - set(CONTENT_LINKS)
        if unknown:
            raise RuleError(path, line, f"unknown 'takes' value(s): {', '.join(sorted(unknown))}")
        for lemma in _words(path, line, item, "lemmas"):
            previous = verbs.get(lemma)
            if previous is None:  # the first class listed for a lemma wins
                verbs[lemma] = VerbCue(lemma, cue_class, frozenset(takes))
            else:
                verbs[lemma] = VerbCue(lemma, previous.cue_class, previous.takes | frozenset(takes))
    nouns: dict[str, str] = {}
    for line, item in entries(path, data, "nouns"):
        cue_class = _class(path, line, item)
        for lemma in _words(path, line, item, "lemmas"):
            nouns.setdefault(lemma, cue_class)
    subjects = frozenset(_words(path, line_of(data, 1), data, "evidence_subjects"))
    evidentials = (
        frozenset(_words(path, line_of(data, 1), data, "evidentials"))
        if "evidentials" in data
        else frozenset()
    )
    adjectives: dict[str, str] = {}
    for line, item in entries(path, data, "adjectives") if "adjectives" in data else ():
        cue_class = _class(path, line, item)
        for lemma in _words(path, line, item, "lemmas"):
            adjectives.setdefault(lemma, cue_class)
    return _Cues(
        verbs, nouns, _load_phrases(path, data), subjects, evidentials, adjectives, _load_words(path, data)
    )


def _load_mentions(path: Path) -> tuple[dict[str, Pronoun], dict[str, str], dict[str, int], frozenset[str]]:
    data = read_yaml(path)
    pronouns: dict[str, Pronoun] = {}
    for line, item in entries(path, data, "pronouns"):
        gender = item.get("gender", "any") if isinstance(item, dict) else None
        number = item.get("number", "any") if isinstance(item, dict) else None
        if gender not in ("male", "female", "any", "none") or number not in ("singular", "plural", "any"):
            raise RuleError(
                path, line, "'gender' must be male/female/any/none and 'number' singular/plural/any"
            )
        for word in _words(path, line, item, "words"):
            pronouns[word] = Pronoun(
                word, gender, number, bool(item.get("relative")), bool(item.get("first_person"))
            )
    honorifics: dict[str, str] = {}
    table = data.get("honorifics")
    if not isinstance(table, dict):
        raise RuleError(path, line_of(data, 1), "expected a mapping under 'honorifics'")
    for gender, words in table.items():
        if gender not in ("male", "female", "any") or not isinstance(words, list):
            raise RuleError(path, line_of(words, line_of(table)), f"honorifics: bad group {gender!r}")
        for word in words:
            honorifics[str(word).lower()] = gender
    groups: dict[str, int] = {}
    for number, (line, group) in enumerate(entries(path, data, "titles")):
        if not isinstance(group, list) or not all(isinstance(w, str) for w in group):
            raise RuleError(path, line, "each title group must be a list of words")
        for word in group:
            groups.setdefault(word.lower(), number)
    organisation = frozenset(_words(path, line_of(data, 1), data, "organisation_words"))
    return pronouns, honorifics, groups, organisation


def _load_attribution(path: Path, rule_ids: Collection[str]) -> tuple[AttributionRule, ...]:
    """The rule table; a RuleError when it and the code's ``rule_ids`` disagree either way."""
    data = read_yaml(path)
    rules: dict[str, AttributionRule] = {}
    for line, item in entries(path, data, "rules"):
        rule_id = require(path, line, item, "id", str)
        confidence = require(path, line, item, "confidence", (int, float))
        if not 0 <= confidence <= 1:
            raise RuleError(path, line, "'confidence' must be between 0 and 1")
        priority = require(path, line, item, "priority", int)
        if rule_id in rules:
            raise RuleError(path, line, f"rule '{rule_id}' is declared twice")
        if rule_id not in rule_ids:
            raise RuleError(path, line, f"rule '{rule_id}' is produced by no attribution rule module")
        description = require(path, line, item, "description", str)
        rules[rule_id] = AttributionRule(rule_id, float(confidence), description, priority, line)
    missing = sorted(set(rule_ids) - set(rules))
    if missing:
        raise RuleError(
            path,
            line_of(data.get("rules"), 1),
            f"rule(s) produced by the code but not declared: {', '.join(missing)}",
        )
    return tuple(rules.values())


def load_cue_rules(rules_dir: Path, rule_ids: Collection[str]) -> CueRules:
    """Read cues.yaml, mentions.yaml and attribution.yaml from ``rules_dir``; the attribution
    table must declare exactly the ``rule_ids`` the attribution code produces."""
    for name in (CUES_FILE, MENTIONS_FILE, ATTRIBUTION_FILE):
        if not (rules_dir / name).is_file():
            raise RuleError(rules_dir / name, None, "missing rule file")
    cues = _load_cues(rules_dir / CUES_FILE)
    pronouns, honorifics, groups, organisation = _load_mentions(rules_dir / MENTIONS_FILE)
    attribution = _load_attribution(rules_dir / ATTRIBUTION_FILE, rule_ids)
    return CueRules(
        cues.verbs,
        cues.nouns,
        cues.phrases,
        cues.evidence_subjects,
        pronouns,
        honorifics,
        groups,
        organisation,
        attribution,
        _verb_forms(cues.verbs),
        cues.evidentials,
        cues.adjectives,
        cues.words,
        load_speaker_words(rules_dir),
    )
