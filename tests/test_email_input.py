"""Press releases saved as e-mail (.eml): subject, sender, date and body become an article."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from quotes.cli import cli
from quotes.io.manifest import Manifest
from quotes.io.readers import discover, read_input

PLAIN = """\
From: Harbour City Council <press@harbourcity.example>
To: newsdesk@example.org
Subject: Council approves new ferry schedule
Date: Tue, 03 Mar 2026 09:15:00 -0500
MIME-Version: 1.0
Content-Type: text/plain; charset="utf-8"
Content-Transfer-Encoding: quoted-printable

The council voted 7-2 on Monday to add a late ferry on weekdays.

"Commuters have asked for this for years, and we listened," said Mayor Ren=C3=A9e Dub=C3=A9.
"""

HTML_ONLY = """\
From: news@clinic.example
Subject: Clinic extends hours
Date: Wed, 04 Mar 2026 10:00:00 +0000
MIME-Version: 1.0
Content-Type: multipart/alternative; boundary="b1"

--b1
Content-Type: text/html; charset="us-ascii"

<html><body><nav>Home</nav><p>"We run out of slots by noon," said director Ruth Amsel.</p></body></html>
--b1--
"""


def _read(path: Path) -> tuple[list, Manifest]:
    manifest = Manifest()
    return list(read_input(str(path), manifest)), manifest


def test_a_plain_text_release_gives_its_body_title_sender_and_date(tmp_path: Path) -> None:
    path = tmp_path / "release.eml"
    path.write_text(PLAIN, encoding="ascii")
    [article], manifest = _read(path)
    assert article.title == "Council approves new ferry schedule"
    assert article.outlet == "Harbour City Council"
    assert article.date == "2026-03-03"
    assert article.text.startswith("The council voted 7-2")
    assert "Mayor Renée Dubé" in article.text  # quoted-printable UTF-8 decoded
    assert "From:" not in article.text and not list(manifest.messages())


def test_an_html_only_release_gives_the_article_text_and_the_sender_domain(tmp_path: Path) -> None:
    path = tmp_path / "clinic.eml"
    path.write_text(HTML_ONLY, encoding="ascii")
    [article], _ = _read(path)
    assert article.outlet == "clinic.example"
    assert article.text == '"We run out of slots by noon," said director Ruth Amsel.'


def test_a_file_named_eml_that_is_no_email_is_read_as_its_text(tmp_path: Path) -> None:
    path = tmp_path / "notes.eml"
    path.write_text('"It works," said Ana Torres.\n', encoding="utf-8")
    [article], _ = _read(path)
    assert article.text.strip() == '"It works," said Ana Torres.' and article.title is None


def test_folders_find_eml_files_and_extract_attributes_their_quotations(tmp_path: Path) -> None:
    (tmp_path / "release.eml").write_text(PLAIN, encoding="ascii")
    assert list(discover([str(tmp_path)])) == [str(tmp_path / "release.eml")]
    result = CliRunner().invoke(cli, ["extract", str(tmp_path), "--no-cache", "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert "Renée Dubé" in result.output and "Harbour City Council" in result.output
