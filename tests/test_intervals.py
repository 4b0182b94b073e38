"""Tone intervals: every interval holds its mean, so no error bar is ever negative."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from quotes.cli import cli
from quotes.report.bootstrap import COMPOUND_DECIMALS, bootstrap_ci
from quotes.report.chartkit import error_extent

tones = st.lists(st.floats(min_value=-1.0, max_value=1.0, allow_nan=False), min_size=5, max_size=40)


@given(tones)
def test_any_list_of_tones_gives_a_non_negative_error_bar(values: list[float]) -> None:
    binned = Counter(round(v, COMPOUND_DECIMALS) for v in values)
    interval = bootstrap_ci(binned)
    assert interval is not None
    for mean in (sum(values) / len(values), round(sum(values) / len(values), 4)):
        low, high = error_extent(mean, (round(interval[0], 4), round(interval[1], 4)))
        assert low[0] >= 0 and high[0] >= 0


@given(st.floats(min_value=-1.0, max_value=1.0, allow_nan=False), st.integers(min_value=5, max_value=60))
def test_an_interval_of_identical_tones_holds_their_mean(tone: float, n: int) -> None:
    value = round(tone, COMPOUND_DECIMALS)
    low, high = bootstrap_ci(Counter({value: n}))  # type: ignore[misc]
    assert low <= value <= high


def test_a_speaker_whose_quotations_all_have_one_tone_gets_a_report(tmp_path: Path) -> None:
    text = " ".join(f'"We will build bridge number {j} well," said Ana Torres.' for j in range(5))
    (tmp_path / "a.txt").write_text(text + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["report", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "ana-torres" / "report.html").is_file()
