"""The schema of the rule files: which files a rules folder must hold, and which keys each mapping
of each file may hold.

A misspelt key (``alias:`` for ``aliases:``) would otherwise be read as an absent optional one and
silently drop what it held; an unknown key is refused with ``file:line`` and the nearest known key.
Values (types, ranges, cross-references) are checked by the loader of each file, which knows what
they mean; a missing required field is the loader's ``missing field`` error. Every file and key
quotescope reads is listed here; a test checks that the bundled rules hold no other.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from quotes.records.errors import RuleError


@dataclass(frozen=True)
class Keys:
    """A mapping that may hold ``allowed`` keys; ``items`` gives the Keys of the mappings in a
    key's list, ``nested`` those of a key's mapping. Keys not named there are free: their values
    are checked by the loader (``words:`` of cues.yaml names its own lists)."""

    allowed: frozenset[str]
    items: Mapping[str, Keys] = field(default_factory=dict)
    nested: Mapping[str, Keys] = field(default_factory=dict)


def keys(*names: str, items: Mapping[str, Keys] | None = None, nested: Mapping[str, Keys] | None = None) \
        -> Keys:
    """A :class:`Keys` of ``names``."""
    return Keys(frozenset(names), items or {}, nested or {})


DOCUMENTATION = ("version", "sources")
"""Keys any rule file may hold at its top: the format's version and the sources of its data."""
LEXICON = ("phrases", "patterns", "case_sensitive")
"""The keys of a phrase-lexicon group (:func:`quotes.rules.lexicon.lexicon_items`)."""

FILES: dict[str, Keys] = {
    "attribution.yaml": keys("rules", items={"rules": keys("id", "priority", "confidence", "description")}),
    "cues.yaml": keys(
        "verbs", "nouns", "adjectives", "phrases", "evidence_subjects", "evidentials", "words",
        items={
            "verbs": keys("class", "lemmas", "takes"),
            "nouns": keys("class", "lemmas"),
            "adjectives": keys("class", "lemmas"),
            "phrases": keys("id", "class", "words"),
        },
    ),
    "first_names.yaml": keys("male", "female"),
    "first_name_genders.yaml": keys("male", "female"),
    "mentions.yaml": keys(
        "pronouns", "honorifics", "titles", "organisation_words", "organisation_kinds", "kinds_nearby",
        "platforms", "not_speakers", "description_drop", "title_abbreviations", "person_roles", "role_titles",
        "unnamed_roles", "utterances", "document_kinds", "role_genders", "affiliations", "label_roles",
        "person_nouns", "source_nouns", "abstract_nouns", "trait_nouns", "audience_nouns", "research_people",
        "legal_instruments", "company_name_endings",
        items={"pronouns": keys("words", "gender", "number", "relative", "first_person")},
        nested={"honorifics": keys("male", "female", "any"), "role_genders": keys("male", "female")},
    ),
    "speakers.yaml": keys("speakers", items={"speakers": keys("name", "type", "gender", "aliases")}),
    "stance.yaml": keys(
        "stances", "senses",
        items={"stances": keys("stance", "reason", "verbs"),
               "senses": keys("verbs", "stance", "reason", "words", "next")},
    ),
}  # fmt: skip
"""The files at the top of a rules folder, by name."""

REQUIRED = ("attribution.yaml", "cues.yaml", "first_names.yaml", "mentions.yaml", "stance.yaml")
"""Files a rules folder must hold: without one, whole classes of results would silently change
(every stance ``other`` without stance.yaml). ``speakers.yaml``, the user's alias table, may be
left out; the tone and frame folders must hold each kind and family (see :func:`check_folder`)."""

FRAME_FILE = keys(
    "family", "tie_order", "domain", "frames",
    items={"frames": keys("id", "label", "definition", "codebook_parent", "cues", "weak_cues", "faint_cues",
                          "patterns", "case_sensitive")},
    nested={"domain": keys("id", "label", "min_matches", "cues", "patterns", "case_sensitive")},
)  # fmt: skip
"""A file of ``frames/``."""

TONE_ENTRIES: dict[str, Keys] = {
    "valence": keys("words", "valence", "reason"),
    "hedge": keys("note", "weight", *LEXICON),
    "booster": keys("note", "weight", *LEXICON),
    "hype": keys("note", "weight", *LEXICON),
    "negation": keys("id", "kind", "reason", "window", "scope", "factor", "valence", "before", "after",
                     "replace", "targets", "cues", "patterns", "case_sensitive"),
    "direction": keys("role", "sign", "reason", *LEXICON),
    "combine": keys("id", "reason", "reference", "weight"),
}  # fmt: skip
"""The entries of a file of ``tone/``, by the file's ``kind``."""
TONE_TOP = {"direction": ("valence", "after", "before")}
"""Keys a tone file of that kind holds at its top besides ``kind`` and ``entries``."""
REQUIRED_FAMILIES = ("codebook",)
"""Frame families a rules folder must hold (the technology frames extend the codebook's)."""


def schema_for(path: Path, data: Any) -> Keys | None:
    """The schema of the rule file at ``path`` (None for a file this module does not describe)."""
    if path.parent.name == "tone":
        kind = data.get("kind") if isinstance(data, dict) else None
        entries = TONE_ENTRIES.get(kind) if isinstance(kind, str) else None
        top = ("kind", "entries", *TONE_TOP.get(str(kind), ()))
        return keys(*top, items={"entries": entries} if entries else None)
    if path.parent.name == "frames":
        return FRAME_FILE
    return FILES.get(path.name)


def check_keys(path: Path, data: Any) -> None:
    """Refuse a key that the schema of ``path`` does not know, at its line, with the nearest known key."""
    schema = schema_for(path, data)
    if schema is not None and isinstance(data, dict):
        _check(path, data, Keys(schema.allowed | set(DOCUMENTATION), schema.items, schema.nested), "")


def _check(path: Path, data: dict[Any, Any], schema: Keys, where: str) -> None:
    lines = getattr(data, "key_lines", {})
    for key, value in data.items():
        if key not in schema.allowed:
            line = lines.get(key, getattr(data, "line", None))
            raise RuleError(path, line, _unknown(key, schema.allowed, where))
        inner = f"{where}{key}"
        if key in schema.nested and isinstance(value, dict):
            _check(path, value, schema.nested[key], f"{inner}: ")
        elif key in schema.items and isinstance(value, list):
            for item in value:
                if isinstance(item, dict):
                    _check(path, item, schema.items[key], f"{inner}: ")


def _unknown(key: Any, allowed: frozenset[str], where: str) -> str:
    near = difflib.get_close_matches(str(key), sorted(allowed), n=1, cutoff=0.6)
    hint = f"; did you mean '{near[0]}'?" if near else f"; known keys: {', '.join(sorted(allowed))}"
    return f"{where}unknown key '{key}'{hint}"


def check_folder(directory: Path) -> None:
    """Refuse a rules folder that lacks a required file, a tone kind or a frame family, or that holds
    a YAML file quotescope would not read (``stances.yaml`` for ``stance.yaml``)."""
    for name in REQUIRED:
        if not (directory / name).is_file():
            raise RuleError(directory / name, None, "missing rule file: every rules folder needs it")
    known = set(FILES)
    for path in sorted(directory.iterdir()):
        if path.suffix in (".yaml", ".yml") and path.name not in known:
            near = difflib.get_close_matches(path.name, sorted(known), n=1, cutoff=0.6)
            hint = f"; did you mean {near[0]}?" if near else f"; rule files here: {', '.join(sorted(known))}"
            raise RuleError(path, None, f"not a rule file quotescope reads{hint}")
    _check_kinds(directory / "tone", "kind", tuple(TONE_ENTRIES), "tone kind")
    _check_kinds(directory / "frames", "family", REQUIRED_FAMILIES, "frame family")


def _check_kinds(folder: Path, field_name: str, required: tuple[str, ...], what: str) -> None:
    """Every ``required`` value of ``field_name`` is declared by some YAML file of ``folder``."""
    paths = sorted(folder.glob("*.y*ml")) if folder.is_dir() else []
    declared = {_declared(path, field_name) for path in paths}
    missing = [name for name in required if name not in declared]
    if missing:
        raise RuleError(folder, None, f"no file of {what} {', '.join(missing)}: every rules folder needs one")


def _declared(path: Path, field_name: str) -> str | None:
    """The value of a file's top-level ``field_name``: read from its ``field_name: value`` line, as
    the bundled files write it, without parsing the whole file; parsed when there is no such line."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None  # its loader says why
    found = re.search(rf"(?m)^{field_name}:[ \t]*([A-Za-z_]+)[ \t]*(?:#.*)?$", text)
    if found:
        return found.group(1)
    import yaml

    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError:
        return None  # its loader says where
    value = data.get(field_name) if isinstance(data, dict) else None
    return value if isinstance(value, str) else None
