"""How speaker mentions are read (``rules/mentions.yaml``, ``rules/first_names.yaml``): pronouns,
honorifics, title groups and organisation words in :class:`MentionRules`, and the word lists for
speaker resolution (first-name genders, organisation kinds, platforms and more) in
:class:`SpeakerWords`.

The word lists are read from ``rules/first_names.yaml`` (male/female first names) and the optional speaker
sections of ``rules/mentions.yaml`` (``organisation_kinds``, ``platforms``, ``not_speakers``,
``description_drop``, ``title_abbreviations``, ``role_genders``, ``affiliations``,
``document_kinds``, ``person_nouns``, ``source_nouns``, ``abstract_nouns``,
``research_people``, ``trait_nouns``, ``audience_nouns``). Missing files or
sections give empty lists; a malformed one fails fast
with ``file:line: reason``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from quotes.rules.yamlfile import RuleError, entries, line_of, read_yaml, require, word_list

FIRST_NAMES_FILE = "first_names.yaml"
MENTIONS_FILE = "mentions.yaml"


@dataclass(frozen=True)
class Pronoun:
    word: str
    gender: str  # male, female, any, none
    number: str  # singular, plural, any
    relative: bool
    first_person: bool


@dataclass(frozen=True)
class SpeakerWords:
    """What speaker resolution knows about words, beyond pronouns, honorifics and titles."""

    first_names: dict[str, str] = field(default_factory=dict)  # lower-case first name -> male | female
    organisation_kinds: dict[str, int] = field(default_factory=dict)  # "bank" -> group of kind words
    kinds_nearby: frozenset[str] = frozenset()  # "the bank": also the organisation just named
    platforms: frozenset[str] = frozenset()  # "twitter": where a person speaks, never the speaker
    not_speakers: frozenset[str] = frozenset()  # generic words that are no speaker on their own
    description_drop: frozenset[str] = frozenset()  # "some", "several": left out of a description
    title_abbreviations: dict[str, str] = field(default_factory=dict)  # "gov." -> "governor"
    person_roles: frozenset[str] = frozenset()  # "the businessman": a role only a named person fills
    role_titles: frozenset[str] = frozenset()  # "the tax commissioner": a role with no title group
    unnamed_roles: frozenset[str] = frozenset()  # "the spokesman": a role an unnamed source holds
    person_nouns: frozenset[str] = frozenset()  # "goaltender", "engineer": a noun for one person
    source_nouns: frozenset[str] = frozenset()  # "crowd", "province", "average": a group, place or record
    abstract_nouns: frozenset[str] = frozenset()  # "stakes", "fear", "the match": no speaker
    legal_instruments: frozenset[str] = frozenset()  # "act", "treaty": a name ending so is a law
    company_name_endings: frozenset[str] = frozenset()  # "inc", "appliances": a company's name ends so
    research_people: frozenset[str] = frozenset()  # "researchers at X": the group a study speaks for
    trait_nouns: frozenset[str] = frozenset()  # "the right-hander", "the veteran": fit any role
    audience_nouns: frozenset[str] = frozenset()  # "the fan", "the customer": not the person just named
    utterances: frozenset[str] = frozenset()  # "his statement", "Trump's tweet": the owner speaks
    role_genders: dict[str, str] = field(default_factory=dict)  # "spokeswoman" -> female
    # "indiana", "ind.", "IN" -> ("state", "indiana"): what sets people apart (postal codes in capitals)
    affiliations: dict[str, tuple[str, str]] = field(default_factory=dict)
    document_kinds: dict[str, frozenset[int]] = field(default_factory=dict)  # "clip" -> {audiovisual}
    label_roles: dict[str, str] = field(default_factory=dict)  # transcript label -> role ("q" -> reporter)

    def __hash__(self) -> int:
        return hash((len(self.first_names), tuple(sorted(self.organisation_kinds)), self.platforms))


@dataclass(frozen=True)
class MentionRules:
    """How speaker mentions are read: pronouns with their agreement, honorifics with their gender,
    the groups of title words, the words that make a name an organisation's, and the speaker word
    lists."""

    pronouns: dict[str, Pronoun]
    honorifics: dict[str, str]  # lower-case honorific -> gender
    title_groups: dict[str, int]  # title word or phrase -> group number
    organisation_words: frozenset[str]
    words: SpeakerWords = field(default_factory=SpeakerWords)

    def __hash__(self) -> int:
        return hash((tuple(sorted(self.pronouns)), tuple(sorted(self.title_groups)), hash(self.words)))

    def abbreviations(self) -> frozenset[str]:
        """Honorifics and title abbreviations written with a full stop ("sen.", "coun.")."""
        words = set(self.honorifics) | set(self.words.title_abbreviations)
        return frozenset(w for w in words if w.endswith("."))


def _word_list(path: Path, data: dict, key: str) -> list[tuple[int | None, str]]:
    value = data.get(key, [])
    if not isinstance(value, list):
        raise RuleError(path, line_of(value, line_of(data, 1)), f"expected a list under '{key}'")
    lines = getattr(value, "item_lines", [line_of(value)] * len(value))
    words = []
    for line, word in zip(lines, value, strict=True):
        if not isinstance(word, str) or not word.strip():
            raise RuleError(path, line, f"{key}: each entry must be a non-empty string, not {word!r}")
        words.append((line, word.strip().lower()))
    return words


def load_first_names(path: Path) -> dict[str, str]:
    """``first_names.yaml`` (``male: [...]``, ``female: [...]``) as lower-case name -> gender.

    A name under both genders, or an entry of more than one word, is a RuleError naming the line."""
    if not path.is_file():
        return {}
    data = read_yaml(path)
    if not isinstance(data, dict):
        raise RuleError(path, line_of(data, 1), "expected a mapping at the top of the file")
    genders: dict[str, str] = {}
    for gender in ("male", "female"):
        require(path, line_of(data, 1), data, gender, list)
        for line, name in _word_list(path, data, gender):
            if len(name.split()) != 1:
                raise RuleError(path, line, f"{gender}: {name!r} is not one word")
            if genders.get(name, gender) != gender:
                raise RuleError(path, line, f"{name!r} is listed as both male and female")
            genders[name] = gender
    return genders


def _groups(path: Path, data: dict, key: str) -> dict[str, int]:
    value = data.get(key, [])
    if not isinstance(value, list):
        raise RuleError(path, line_of(value, line_of(data, 1)), f"expected a list of lists under '{key}'")
    groups: dict[str, int] = {}
    for number, (line, group) in enumerate(zip(getattr(value, "item_lines", []), value, strict=False)):
        if not isinstance(group, list) or not all(isinstance(w, str) and w.strip() for w in group):
            raise RuleError(path, line, f"{key}: each group must be a list of words")
        for word in group:
            groups.setdefault(word.strip().lower(), number)
    return groups


def _multi_groups(path: Path, data: dict, key: str) -> dict[str, frozenset[int]]:
    """Like :func:`_groups`, but a word may belong to several groups ("report": a study, an article)."""
    value = data.get(key, [])
    if not isinstance(value, list):
        raise RuleError(path, line_of(value, line_of(data, 1)), f"expected a list of lists under '{key}'")
    groups: dict[str, set[int]] = {}
    for number, (line, group) in enumerate(zip(getattr(value, "item_lines", []), value, strict=False)):
        if not isinstance(group, list) or not all(isinstance(w, str) and w.strip() for w in group):
            raise RuleError(path, line, f"{key}: each group must be a list of words")
        for word in group:
            groups.setdefault(word.strip().lower(), set()).add(number)
    return {word: frozenset(numbers) for word, numbers in groups.items()}


def _abbreviations(path: Path, data: dict) -> dict[str, str]:
    value: Any = data.get("title_abbreviations", {})
    if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
        raise RuleError(path, line_of(value, line_of(data, 1)), "title_abbreviations: expected word: title")
    return {str(k).lower(): v.lower() for k, v in value.items()}


def _role_genders(path: Path, data: dict) -> dict[str, str]:
    value: Any = data.get("role_genders", {})
    if not isinstance(value, dict):
        where = line_of(value, line_of(data, 1))
        raise RuleError(path, where, "role_genders: expected male: [...], female: [...]")
    genders: dict[str, str] = {}
    for gender in value:
        if gender not in ("male", "female"):
            raise RuleError(path, line_of(value, line_of(data, 1)), f"role_genders: bad gender {gender!r}")
        for _, word in _word_list(path, value, gender):
            genders[word] = gender
    return genders


def _affiliations(path: Path, data: dict) -> dict[str, tuple[str, str]]:
    """``affiliations: {kind: [[name, abbreviation, CODE], ...]}`` as word -> (kind, the group's first word);
    an entry all in capitals (a postal code) keeps its case, the rest are lower-cased."""
    value: Any = data.get("affiliations", {})
    if not isinstance(value, dict):
        raise RuleError(path, line_of(value, line_of(data, 1)), "affiliations: expected kind: [[words]]")
    table: dict[str, tuple[str, str]] = {}
    for kind, groups in value.items():
        if not isinstance(groups, list):
            raise RuleError(path, line_of(groups, line_of(value, 1)), f"affiliations: {kind}: expected lists")
        lines = getattr(groups, "item_lines", [line_of(groups)] * len(groups))
        for line, group in zip(lines, groups, strict=True):
            words = group if isinstance(group, list) else []
            if not words or not all(isinstance(w, str) and w.strip() for w in words):
                raise RuleError(path, line, f"affiliations: {kind}: each group must be a list of words")
            name = group[0].strip().lower()
            for word in group:
                word = word.strip()
                table[word if word.isupper() and len(word) <= 2 else word.lower()] = (str(kind), name)
    return table


def _label_roles(path: Path, data: dict) -> dict[str, str]:
    """``label_roles``: a list of roles (``presenter``) or ``label: role`` pairs (``question: reporter``)."""
    table: dict[str, str] = {}
    value = data.get("label_roles", [])
    if not isinstance(value, list):
        raise RuleError(path, line_of(value, line_of(data, 1)), "expected a list under 'label_roles'")
    lines = getattr(value, "item_lines", [line_of(value)] * len(value))
    for line, item in zip(lines, value, strict=True):
        pairs = item.items() if isinstance(item, dict) else [(item, item)]
        for label, role in pairs:
            if not all(isinstance(w, str) and w.strip() for w in (label, role)):
                raise RuleError(path, line, f"label_roles: a word or 'label: role' each, not {item!r}")
            table[label.strip().lower()] = role.strip().lower()
    return table


def load_speaker_words(rules_dir: Path) -> SpeakerWords:
    """First names and the optional speaker sections of mentions.yaml, validated."""
    path = rules_dir / MENTIONS_FILE
    data = read_yaml(path) if path.is_file() else {}
    if not isinstance(data, dict):
        raise RuleError(path, line_of(data, 1), "expected a mapping at the top of the file")
    return SpeakerWords(
        first_names=load_first_names(rules_dir / FIRST_NAMES_FILE),
        organisation_kinds=_groups(path, data, "organisation_kinds"),
        kinds_nearby=frozenset(w for _, w in _word_list(path, data, "kinds_nearby")),
        platforms=frozenset(w for _, w in _word_list(path, data, "platforms")),
        not_speakers=frozenset(w for _, w in _word_list(path, data, "not_speakers")),
        description_drop=frozenset(w for _, w in _word_list(path, data, "description_drop")),
        title_abbreviations=_abbreviations(path, data),
        person_roles=frozenset(w for _, w in _word_list(path, data, "person_roles")),
        role_titles=frozenset(w for _, w in _word_list(path, data, "role_titles")),
        unnamed_roles=frozenset(w for _, w in _word_list(path, data, "unnamed_roles")),
        person_nouns=frozenset(w for _, w in _word_list(path, data, "person_nouns")),
        source_nouns=frozenset(w for _, w in _word_list(path, data, "source_nouns")),
        abstract_nouns=frozenset(w for _, w in _word_list(path, data, "abstract_nouns")),
        legal_instruments=frozenset(w for _, w in _word_list(path, data, "legal_instruments")),
        company_name_endings=frozenset(w for _, w in _word_list(path, data, "company_name_endings")),
        research_people=frozenset(w for _, w in _word_list(path, data, "research_people")),
        trait_nouns=frozenset(w for _, w in _word_list(path, data, "trait_nouns")),
        audience_nouns=frozenset(w for _, w in _word_list(path, data, "audience_nouns")),
        utterances=frozenset(w for _, w in _word_list(path, data, "utterances")),
        role_genders=_role_genders(path, data),
        affiliations=_affiliations(path, data),
        document_kinds=_multi_groups(path, data, "document_kinds"),
        label_roles=_label_roles(path, data),
    )


def load_mention_rules(rules_dir: Path) -> MentionRules:
    """Pronouns, honorifics, title groups and organisation words from ``mentions.yaml``, with the
    speaker word lists (:class:`SpeakerWords`)."""
    path = rules_dir / MENTIONS_FILE
    if not path.is_file():
        raise RuleError(path, None, "missing rule file")
    data = read_yaml(path)
    pronouns: dict[str, Pronoun] = {}
    for line, item in entries(path, data, "pronouns"):
        gender = item.get("gender", "any") if isinstance(item, dict) else None
        number = item.get("number", "any") if isinstance(item, dict) else None
        if gender not in ("male", "female", "any", "none") or number not in ("singular", "plural", "any"):
            raise RuleError(
                path, line, "'gender' must be male/female/any/none and 'number' singular/plural/any"
            )
        for word in word_list(path, line, item, "words"):
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
    organisation = frozenset(word_list(path, line_of(data, 1), data, "organisation_words"))
    return MentionRules(pronouns, honorifics, groups, organisation, load_speaker_words(rules_dir))
