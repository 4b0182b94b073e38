"""Speaker names across a corpus: the alias table in ``rules/speakers.yaml``.

Within an article, mentions are resolved to one canonical name by :mod:`quotes.speakers.resolver`;
across articles, speakers merge by canonical name after the alias table has mapped every
known variant ("Donald J. Trump", "President Trump") to one name. An entry may declare the
person's gender (``gender: female``), which :mod:`quotes.speakers.gender` uses when the article
itself says nothing. The table also carries the name words the corpus-level decision needs
(:mod:`quotes.speakers.identity`): honorifics ("Mr." before a word makes it a surname) and first
names (a word that may be a first name never joins a surname of another article on the corpus's
counts alone).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from quotes.rules.yamlfile import RuleError, entries, read_yaml, require

ALIASES_FILE = "speakers.yaml"


def name_key(name: str) -> str:
    """The form two names are compared in: case-folded, single-spaced, no dots or outer punctuation."""
    folded = re.sub(r"[.\u2019']", "", name.casefold())
    return " ".join(folded.replace("-", " ").split()).strip(" ,;:")


@dataclass(frozen=True)
class AliasTable:
    """Maps known variants of a name to its canonical form, and knows each speaker's type."""

    canonical_by_key: dict[str, str] = field(default_factory=dict)
    type_by_name: dict[str, str] = field(default_factory=dict)
    gender_by_name: dict[str, str] = field(default_factory=dict)
    honorifics: Mapping[str, str] = field(default_factory=dict)  # "mr." -> male (rules/mentions.yaml)
    first_names: Mapping[str, str] = field(default_factory=dict)  # "jane" -> female (rules/first_names.yaml)

    def canonical(self, name: str) -> str:
        """The canonical form of ``name`` (itself when the table does not know it)."""
        return self.canonical_by_key.get(name_key(name), name)

    def speaker_type(self, name: str) -> str | None:
        """ "person" or "organisation" when the table declares it."""
        return self.type_by_name.get(self.canonical(name))

    def declared_gender(self, name: str) -> str | None:
        """ "female" or "male" when the table declares the person's gender."""
        return self.gender_by_name.get(self.canonical(name))

    def __hash__(self) -> int:
        words = (len(self.honorifics), len(self.first_names))
        genders = tuple(sorted(self.gender_by_name.items()))
        return hash((tuple(sorted(self.canonical_by_key.items())), genders, words))


def load_aliases(
    rules_dir: Path, honorifics: Mapping[str, str] | None = None, first_names: Mapping[str, str] | None = None
) -> AliasTable:
    """Read ``speakers.yaml``: entries of ``{name, type, gender, aliases: [...]}``; ``honorifics``
    and ``first_names`` (word -> gender) are the name words of the same rules folder (read with
    the mention rules)."""
    words = {"honorifics": {h.lower(): g for h, g in (honorifics or {}).items()},
             "first_names": {n.lower(): g for n, g in (first_names or {}).items()}}  # fmt: skip
    path = rules_dir / ALIASES_FILE
    if not path.exists():
        return AliasTable(**words)
    canonical: dict[str, str] = {}
    types: dict[str, str] = {}
    genders: dict[str, str] = {}
    for line, item in entries(path, read_yaml(path), "speakers"):
        name = require(path, line, item, "name", str).strip()
        if not name:
            raise RuleError(path, line, "'name' must not be empty")
        kind = item.get("type", "person")
        if kind not in ("person", "organisation"):
            raise RuleError(path, line, f"'type' must be person or organisation, not {kind!r}")
        gender = item.get("gender")
        if gender is not None and (gender not in ("female", "male") or kind != "person"):
            raise RuleError(path, line, f"'gender' must be female or male, for a person, not {gender!r}")
        if gender is not None:
            genders[name] = gender
        aliases = item.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
            raise RuleError(path, line, "'aliases' must be a list of non-empty strings")
        for variant in [name, *aliases]:
            key = name_key(variant)
            if key in canonical and canonical[key] != name:
                raise RuleError(path, line, f"alias {variant!r} already belongs to {canonical[key]!r}")
            canonical[key] = name
        types[name] = kind
    return AliasTable(canonical, types, genders, **words)
