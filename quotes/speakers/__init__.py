"""Speakers: names and aliases (:mod:`.aliases`), resolution of mentions within one article
(:mod:`.resolve`, which needs spaCy and is imported on its own) and identity across a corpus
(:mod:`.identity`)."""

from quotes.speakers.aliases import ALIASES_FILE, AliasTable, load_aliases, name_key

__all__ = ["ALIASES_FILE", "AliasTable", "load_aliases", "name_key"]
