"""Find, load and validate the rules folder as one frozen RuleSet.

The rules are data (YAML files in ``rules/``); each part is parsed by the module that uses it:
cues and patterns by :mod:`quotes.cues`, speaker aliases by :mod:`quotes.speakers`, tone
lexicons by :mod:`quotes.tone` and frame lexicons by :mod:`quotes.framing`.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from quotes.cue_files import load_cue_rules
from quotes.cues import CueRules
from quotes.framing import FrameRules, load_frame_rules
from quotes.rule_schema import check_folder
from quotes.speakers import AliasTable, load_aliases
from quotes.tone_rules import ToneRules, load_tone_rules
from quotes.yamlfile import RuleError

__all__ = ["RuleError", "RuleSet", "default_rules_dir", "load_rules"]


@dataclass(frozen=True)
class RuleSet:
    """Every rule quotescope uses, read from one folder."""

    directory: Path
    fingerprint: str  # hash of every rule file's name and bytes: changes when any rule does
    cues: CueRules
    aliases: AliasTable
    tone: ToneRules
    frames: FrameRules


def default_rules_dir() -> Path:
    """The bundled rules: ``quotes/_rules`` in an installed wheel, ``rules/`` in a checkout."""
    package = Path(__file__).resolve().parent
    installed = package / "_rules"
    if installed.is_dir():
        return installed
    checkout = package.parent / "rules"
    if checkout.is_dir():
        return checkout
    raise RuleError(installed, None, "the bundled rules folder is missing from this installation")


def rule_files(directory: Path) -> list[Path]:
    """Every YAML rule file under ``directory``, in a stable order."""
    return sorted(p for p in directory.rglob("*") if p.suffix in {".yaml", ".yml"} and p.is_file())


def fingerprint(directory: Path) -> str:
    digest = hashlib.sha256()
    for path in rule_files(directory):
        digest.update(str(path.relative_to(directory)).encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()[:16]


def attribution_rule_ids() -> frozenset[str]:
    """The ids of the attribution rules the code defines (imports spaCy, so only when rules are loaded:
    reading the fingerprint of a rules folder does not need it)."""
    from quotes.attribution import RULE_IDS

    return RULE_IDS


def load_rules(directory: str | Path | None = None) -> RuleSet:
    """Load and validate every rule file; a RuleError (``file:line: reason``) on the first fault:
    a missing required file, an unknown or misspelt key (:mod:`quotes.rule_schema`), a bad value,
    or a regular expression that could hang a run (:mod:`quotes.regex_safety`).

    Each call reads the files afresh; the process-wide cache of rule sets (one per folder and
    content) is :func:`quotes.execution.analyzers.shared_rules`.
    """
    path = (Path(directory) if directory is not None else default_rules_dir()).resolve()
    if not path.is_dir():
        raise RuleError(path, None, "not a folder of rule files")
    check_folder(path)  # every required file, tone kind and frame family; no stray rule file
    return RuleSet(
        directory=path,
        fingerprint=fingerprint(path),
        cues=load_cue_rules(path, attribution_rule_ids()),
        aliases=load_aliases(path),
        tone=load_tone_rules(path),
        frames=load_frame_rules(path),
    )
