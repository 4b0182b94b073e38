"""First names that tell a gender (``rules/first_name_genders.yaml``), for the speaker gender of
:mod:`quotes.speakers.gender`: names one sex holds overwhelmingly in public birth statistics
(the file's header gives the source, years and thresholds). The same shape as
``first_names.yaml`` (``male: [...]``, ``female: [...]``), read by the same function; a missing
file gives an empty table, so no first name decides a gender.
"""

from __future__ import annotations

from pathlib import Path

from quotes.rules.mentions import load_first_names

FIRST_NAME_GENDERS_FILE = "first_name_genders.yaml"


def load_first_name_genders(rules_dir: Path) -> dict[str, str]:
    """Lower-case first name -> female | male; a RuleError names a bad line."""
    return load_first_names(rules_dir / FIRST_NAME_GENDERS_FILE)
