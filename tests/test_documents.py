"""Real article formats (issue 23): saved news pages through trafilatura, .docx and .pdf press
releases, a URL given as input, every file of a folder accounted for, and ids that do not depend on
the working directory. Pages and documents are written by the tests."""

from __future__ import annotations

import json
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner

from quotes.cli import cli
from quotes.io.fetch import is_url
from quotes.io.manifest import Manifest
from quotes.io.readers import discover, read_input, read_inputs

NEWS_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Harbor bridge to close for repairs | Harbor Times</title>
<meta property="og:site_name" content="Harbor Times">
<meta property="og:title" content="Harbor bridge to close for repairs">
<meta name="author" content="Nora Bell">
<meta property="article:published_time" content="2024-05-02T09:00:00Z">
</head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/subscribe">Subscribe now</a></li></ul></nav></header>
<main><article>
<h1>Harbor bridge to close for repairs</h1>
<p class="byline">By Nora Bell</p>
<figure><img src="bridge.jpg" alt="The bridge at dusk">
<figcaption>The Harbor Street bridge at dusk. Mark Ellis/Reuters</figcaption></figure>
<p>The Harbor Street bridge will close for six months from June, the city council decided on Tuesday
after an engineering survey found corroded girders under the eastern span.</p>
<p>"This bridge carries forty thousand people a day, and we have let it rot," said Mayor Elena Ruiz.
"Today we finally stop gambling with their safety."</p>
<p>Councillor Mark Devlin said the repairs were too expensive and that a new bridge would serve the
city better for decades to come.</p>
<aside class="related"><h3>Related stories</h3><ul><li><a href="/a">Council approves road budget</a></li>
<li><a href="/b">Ferry timetable changes next month</a></li></ul></aside>
</article></main>
<section id="comments" class="comments"><h2>Comments</h2>
<div class="comment"><p class="comment-author">harborfan42</p>
<p>"This is a disgrace," said my neighbour, and I agree with him about this council.</p></div>
</section>
<footer><p>© 2024 Harbor Times. All rights reserved. <a href="/privacy">Privacy</a></p></footer>
</body></html>
"""


def test_a_saved_news_page_gives_the_articles_own_text_only(tmp_path: Path) -> None:
    page = tmp_path / "bridge.html"
    page.write_text(NEWS_PAGE, encoding="utf-8")
    [article] = list(read_input(str(page), Manifest()))
    assert "Mayor Elena Ruiz" in article.text and "Councillor Mark Devlin" in article.text
    for furniture in ("Subscribe", "Reuters", "Mark Ellis", "Related stories", "Ferry", "disgrace",
                      "harborfan42", "All rights reserved", "Privacy"):  # fmt: skip
        assert furniture not in article.text, furniture
    assert article.title == "Harbor bridge to close for repairs"
    assert (article.date, article.outlet) == ("2024-05-02", "Harbor Times")
    assert "By Nora Bell" in article.text  # the byline that names the writer's "I"


def _docx(path: Path, *paragraphs: str) -> None:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.core_properties.title = "Ministry press release"
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(str(path))


def _pdf(path: Path, *lines: str) -> None:
    """A one-page PDF holding ``lines`` in Helvetica (built by hand: no PDF writer needed)."""
    text = "BT /F1 12 Tf 72 720 Td 14 TL " + " ".join(f"({line}) Tj T*" for line in lines) + " ET"
    stream = zlib.compress(text.encode("latin-1"))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))


def test_docx_and_pdf_give_their_text_and_every_other_file_is_accounted_for(tmp_path: Path) -> None:
    pytest.importorskip("pypdf")
    folder = tmp_path / "releases"
    folder.mkdir()
    _docx(
        folder / "release.docx",
        "Ministry announces port funding",
        '"We will rebuild the port," said Ana Torres.',
    )
    _pdf(folder / "transcript.pdf", "Press conference transcript", '"Prices will fall," said Ben Ode.')
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4 this is not really a PDF")
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    manifest = Manifest()
    articles = {a.id: a for a in read_inputs([str(folder)], manifest)}
    assert '"We will rebuild the port," said Ana Torres.' in articles["releases/release.docx"].text
    assert articles["releases/release.docx"].title == "Ministry press release"
    assert '"Prices will fall," said Ben Ode.' in articles["releases/transcript.pdf"].text
    records = {Path(r.path).name: r.to_dict() for r in manifest.inputs}
    assert (
        records["broken.pdf"]["status"] == "failed"
        and "cannot read this .pdf" in records["broken.pdf"]["errors"][0]["message"]
    )
    assert (
        records["photo.png"]["status"] == "skipped"
        and ".png is not an input type" in records["photo.png"]["reason"]
    )
    assert manifest.to_dict()["summary"]["skipped"] == 1


def test_a_docx_without_its_extra_says_how_to_install_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "release.docx"
    path.write_bytes(b"PK\x03\x04 not read")
    monkeypatch.setitem(__import__("sys").modules, "docx", None)  # as if python-docx were not installed
    manifest = Manifest()
    assert list(read_input(str(path), manifest)) == []
    [error] = manifest.record(str(path)).errors
    assert 'pip install "quotescope[docx]"' in error.message


def test_a_skipped_file_does_not_fail_the_run(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text('"We will win," said Ana Torres.', encoding="utf-8")
    (tmp_path / "notes.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    result = CliRunner().invoke(
        cli, ["extract", str(tmp_path), "--no-cache", "-o", str(tmp_path / "out.jsonl")]
    )
    assert result.exit_code == 0, result.output
    manifest = json.loads((tmp_path / "out.manifest.json").read_text(encoding="utf-8"))
    assert [i["status"] for i in manifest["inputs"]] == ["skipped", "ok"]


def test_a_text_articles_id_does_not_change_with_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    news = tmp_path / "work" / "news"
    news.mkdir(parents=True)
    (news / "story.txt").write_text("Text.", encoding="utf-8")
    ids = []
    for cwd, given in (
        (tmp_path / "work", "news"),
        (tmp_path, "work/news/"),
        (news, "."),
        (tmp_path, str(news)),
    ):
        monkeypatch.chdir(cwd)
        ids.append([a.id for a in read_inputs([given], Manifest())])
    assert ids == [["news/story.txt"]] * 4
    monkeypatch.chdir(tmp_path)
    assert [a.id for p in discover(["work/news/story.txt"]) for a in read_input(p, Manifest())] == [
        "story.txt"
    ]


def test_a_url_is_fetched_only_when_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []

    def fetch(url: str) -> tuple[bytes, str]:
        asked.append(url)
        return NEWS_PAGE.encode("utf-8"), "text/html"

    monkeypatch.setattr("quotes.io.readers.fetch", fetch)
    url = "https://news.example/bridge"
    [article] = list(read_inputs([url], Manifest()))
    assert asked == [url] and article.id == url and "Mayor Elena Ruiz" in article.text
    (tmp_path / "story.txt").write_text("Text.", encoding="utf-8")
    list(read_inputs([str(tmp_path)], Manifest()))
    assert asked == [url]  # files and folders never touch the network
    assert is_url("HTTPS://x.example") and not is_url("http.txt")
