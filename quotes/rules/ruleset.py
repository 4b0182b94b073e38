"""Find, load and validate the rules folder as one frozen RuleSet.

The rules are data (YAML files in ``rules/``); each file or folder is read by the module of this
package named after it, into frozen records: ``cues.yaml`` by :mod:`.cues`, ``attribution.yaml``
by :mod:`.attribution`, ``mentions.yaml`` and ``first_names.yaml`` by :mod:`.mentions`,
``speakers.yaml`` by :mod:`.speakers`, ``first_name_genders.yaml`` by :mod:`.first_name_genders`,
``tone/`` by :mod:`.tone`, ``frames/`` by :mod:`.frames`
and ``stance.yaml`` by :mod:`.stance`.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from quotes.rules.cues import CueRules, load_cue_rules
from quotes.rules.first_name_genders import load_first_name_genders
from quotes.rules.frames import FrameRules, load_frame_rules
from quotes.rules.mentions import MentionRules, load_mention_rules
from quotes.rules.schema import check_folder
from quotes.rules.speakers import AliasTable, load_aliases
from quotes.rules.stance import StanceRules, load_stance_rules
from quotes.rules.tone import ToneRules, load_tone_rules
from quotes.rules.yamlfile import RuleError

__all__ = ["RuleError", "RuleSet", "default_rules_dir", "read_rules"]


@dataclass(frozen=True)
class RuleSet:
    """Every rule quotescope uses, read from one folder."""

    directory: Path
    fingerprint: str  # hash of every rule file's name and bytes: changes when any rule does
    cues: CueRules
    mentions: MentionRules
    aliases: AliasTable
    tone: ToneRules
    frames: FrameRules
    stance: StanceRules
    first_name_genders: dict[str, str] = field(default_factory=dict)  # "hillary" -> female


def default_rules_dir() -> Path:
    """The bundled rules: ``quotes/_rules`` in an installed wheel, ``rules/`` in a checkout."""
    package = Path(__file__).resolve().parent.parent  # quotes/, from quotes/rules/ruleset.py
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


def read_rules(directory: str | Path | None = None) -> RuleSet:
    """Load and validate every rule file; a RuleError (``file:line: reason``) on the first fault:
    a missing required file, an unknown or misspelt key (:mod:`quotes.rules.schema`), a bad value,
    or a regular expression that could hang a run (:mod:`quotes.rules.regex_safety`).

    Each call reads the files afresh; the process-wide cache of rule sets (one per folder and
    content) is :func:`quotes.execution.analyzers.shared_rules`.
    """
    path = (Path(directory) if directory is not None else default_rules_dir()).resolve()
    if not path.is_dir():
        raise RuleError(path, None, "not a folder of rule files")
    check_folder(path)  # every required file, tone kind and frame family; no stray rule file
    mentions = load_mention_rules(path)
    return RuleSet(
        directory=path,
        fingerprint=fingerprint(path),
        cues=load_cue_rules(path),
        mentions=mentions,
        aliases=load_aliases(path, mentions.honorifics, mentions.words.first_names),
        tone=load_tone_rules(path),
        frames=load_frame_rules(path),
        stance=load_stance_rules(path),
        first_name_genders=load_first_name_genders(path),
    )
