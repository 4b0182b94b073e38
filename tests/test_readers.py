"""Reading every kind of input, and accounting for every problem in the manifest."""

from __future__ import annotations

import codecs
import io
import json
import os
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from quotes.io.formats import input_format
from quotes.io.manifest import ErrorRecord, Manifest
from quotes.io.readers import (
    BinaryInputError,
    InputError,
    decode_bytes,
    discover,
    read_input,
    read_inputs,
)
from quotes.records import Article

PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489") + bytes(40)


def read(path: Path | str, manifest: Manifest | None = None) -> tuple[list[Article], Manifest]:
    manifest = manifest or Manifest()
    return list(read_input(str(path), manifest)), manifest


def errors(manifest: Manifest, path: Path | str) -> list[ErrorRecord]:
    return manifest.record(str(path)).errors


def jsonl(*records: object) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records)


# -- plain text, Markdown, HTML --------------------------------------------------------------------


def test_plain_text_is_one_article(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(b"First line.\r\nSecond \x00line\x07.\rThird\tline.\n")
    articles, manifest = read(path)
    assert articles == [  # the id is the file's name, not the path as typed (issue 23)
        Article(id="story.txt", text="First line.\nSecond line.\nThird\tline.\n", source=str(path))
    ]
    assert manifest.status(str(path)) == "ok"
    assert manifest.record(str(path)).articles == 1


def test_markdown_markup_is_stripped_and_heading_is_the_title(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    path.write_text(
        "# The *Big* Story #\n\n"
        'The minister said **"we will act"** and [left early](https://example.com/a_(b)).\n\n'
        '> "Quoted _words_ here," she said.\n'
        "- a snake_case_name stays, \\*stars\\* stay\n"
        "![photo](img.png)\n"
        "***\n",
        encoding="utf-8",
    )
    [article], _ = read(path)
    assert article.title == "The Big Story"
    assert article.text.splitlines() == [
        "The Big Story",
        "",
        'The minister said "we will act" and left early.',
        "",
        '"Quoted words here," she said.',
        "a snake_case_name stays, *stars* stay",
        "",
        "",
    ]


def test_markdown_without_heading_has_no_title(tmp_path: Path) -> None:
    path = tmp_path / "notes.markdown"
    path.write_text("Just prose, *emphasised*.\n", encoding="utf-8")
    [article], _ = read(path)
    assert article.title is None
    assert article.text == "Just prose, emphasised.\n"


def test_plain_text_has_no_title(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("# Not a heading in plain text\n", encoding="utf-8")
    [article], _ = read(path)
    assert article.title is None
    assert article.text == "# Not a heading in plain text\n"


def test_html_text_title_and_dropped_parts(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><title>Ministers &amp; Markets</title>"
        '<meta property="og:site_name" content="The Daily">'
        '<meta property="article:published_time" content="2024-05-01">'
        "<style>p { color: red }</style></head><body>"
        "<nav><ul><li>Home</li></ul></nav><header><p>Site banner</p></header>"
        "<h1>Budget day</h1>"
        "<p>&ldquo;We will act,&rdquo; said the&nbsp;minister&#8212;twice.<br>New line.</p>"
        '<script>document.write("<p>injected</p>")</script>'
        "<blockquote><p>Block   quoted</p></blockquote>"
        "<ul><li>One</li><li>Two</li></ul>"
        "<aside><p>Related</p></aside><footer><p>Copyright</p></footer>"
        "</body></html>",
        encoding="utf-8",
    )
    [article], manifest = read(path)
    # a page goes through trafilatura (issue 23): its title is the headline, and a bare list after
    # the article's text is page furniture
    assert article.title == "Budget day"
    assert article.outlet == "The Daily" and article.date == "2024-05-01"
    assert article.text == "Budget day\n\n“We will act,” said the minister—twice.\nNew line.\n\nBlock quoted"
    for dropped in ("injected", "color", "Home", "banner", "Related", "Copyright"):
        assert dropped not in article.text
    assert manifest.status(str(path)) == "ok"


def test_html_title_falls_back_to_first_h1(tmp_path: Path) -> None:
    path = tmp_path / "page.htm"
    path.write_text("<h1>Head &lt;line&gt;</h1><p>Body.</p><h1>Second</h1>", encoding="utf-8")
    [article], _ = read(path)
    assert article.title == "Head <line>"


def test_html_without_blocks_uses_visible_text(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        "<div>Loose text</div><div>More <b>bold</b> text<script>x()</script></div>", encoding="utf-8"
    )
    [article], _ = read(path)
    assert article.text == "Loose text\n\nMore bold text"


def test_html_with_no_text_fails(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text("<html><script>only()</script></html>", encoding="utf-8")
    articles, manifest = read(path)
    assert articles == []
    assert manifest.status(str(path)) == "failed"
    assert errors(manifest, path) == [ErrorRecord(None, "no article text found")]


# -- failures and encodings ------------------------------------------------------------------------


@pytest.mark.parametrize("content", [b"", b"  \n\t\r\n  "])
@pytest.mark.parametrize("name", ["empty.txt", "empty.jsonl", "empty.csv", "empty.html"])
def test_empty_file_fails(tmp_path: Path, name: str, content: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    articles, manifest = read(path)
    assert articles == []
    assert manifest.status(str(path)) == "failed"
    assert errors(manifest, path) == [ErrorRecord(None, "empty file")]


@pytest.mark.parametrize("name", ["image.txt", "image.md", "image.html", "image.jsonl", "image.csv"])
def test_binary_content_is_refused(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(PNG)
    articles, manifest = read(path)
    assert articles == []
    assert manifest.status(str(path)) == "failed"
    [error] = errors(manifest, path)
    assert error.line is None and "binary" in error.message


def test_random_bytes_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "noise.jsonl"
    path.write_bytes(random.Random(7).randbytes(4000) + b"\x00" * 10)
    articles, manifest = read(path)
    assert articles == [] and manifest.status(str(path)) == "failed"


def test_decode_bytes_names_the_file_for_binary() -> None:
    with pytest.raises(BinaryInputError, match=r"pics/cat\.txt: binary") as caught:
        decode_bytes(PNG, "pics/cat.txt")
    assert isinstance(caught.value, InputError)


def test_decode_bytes_utf8_and_bom() -> None:
    assert decode_bytes("café “quoted”".encode(), "a.txt") == ("café “quoted”", None)
    assert decode_bytes(codecs.BOM_UTF8 + b"hello", "a.txt") == ("hello", None)
    text, warning = decode_bytes("“hi”".encode("utf-16"), "a.txt")
    assert text == "“hi”" and warning == "decoded as utf-16"


def test_cp1252_text_is_decoded_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes("café “quoted”".encode("cp1252"))
    [article], manifest = read(path)
    assert article.text == "café “quoted”"
    assert manifest.status(str(path)) == "ok"
    [warning] = manifest.record(str(path)).warnings
    assert "decoded as cp1252" in warning


def test_latin1_text_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "legacy.md"
    path.write_bytes("Le ministre a dit « non » à Noël.\n".encode("latin-1"))
    [article], manifest = read(path)
    assert article.text == "Le ministre a dit « non » à Noël.\n"
    assert manifest.record(str(path)).warnings


def test_cp1252_jsonl_is_decoded_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "legacy.jsonl"
    path.write_bytes('{"id": "a", "text": "café “quoted”"}\n'.encode("cp1252"))
    [article], manifest = read(path)
    assert article.text == "café “quoted”"
    assert "cp1252" in manifest.record(str(path)).warnings[0]


def test_odd_line_in_utf8_jsonl_is_decoded_on_its_own(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    good = '{"id": "a", "text": "naïve"}\n'.encode()
    odd = '{"id": "b", "text": "café"}\n'.encode("cp1252")
    path.write_bytes(good + good.replace(b'"a"', b'"c"') + odd)
    articles, manifest = read(path)
    assert [a.text for a in articles] == ["naïve", "naïve", "café"]
    [warning] = manifest.record(str(path)).warnings
    assert "line 3" in warning
    assert manifest.status(str(path)) == "ok"


def test_missing_file_fails_with_the_os_reason(tmp_path: Path) -> None:
    path = tmp_path / "missing.txt"
    articles, manifest = read(path)
    assert articles == []
    assert errors(manifest, path) == [ErrorRecord(None, "cannot read: No such file or directory")]
    assert manifest.status(str(path)) == "failed"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs a non-root POSIX user")
def test_unreadable_file_fails_with_the_os_reason(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("hidden", encoding="utf-8")
    path.chmod(0)
    _, manifest = read(path)
    assert errors(manifest, path) == [ErrorRecord(None, "cannot read: Permission denied")]


def test_folder_given_to_read_input_fails(tmp_path: Path) -> None:
    articles, manifest = read(tmp_path)
    assert articles == [] and manifest.status(str(tmp_path)) == "failed"


def test_unknown_suffix_given_explicitly_is_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "notes.log"
    path.write_text("Plain words.", encoding="utf-8")
    [article], manifest = read(path)
    assert article.text == "Plain words."
    assert "unknown suffix" in manifest.record(str(path)).warnings[0]


def test_very_long_text_is_returned_whole(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    text = ("He said “this is long”. " * 220_000)[: 5 * 1024 * 1024]
    path.write_text(text, encoding="utf-8")
    [article], _ = read(path)
    assert article.text == text


# -- JSONL -----------------------------------------------------------------------------------------


def test_jsonl_articles_with_metadata(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl"
    path.write_text(
        jsonl(
            {
                "id": "a",
                "text": "One.\r\nTwo.",
                "title": "T",
                "date": "2024-01-02",
                "outlet": "O",
                "url": "u",
            },
            {"text": "No id here.", "extra": [1, 2]},
        ),
        encoding="utf-8",
    )
    articles, manifest = read(path)
    assert articles == [
        Article("a", "One.\nTwo.", "T", "2024-01-02", "O", "u", source=str(path), line=1),
        Article("news:2", "No id here.", source=str(path), line=2),
    ]
    assert manifest.status(str(path)) == "ok"


def test_jsonl_bad_lines_are_errors_and_reading_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl"
    path.write_text(
        jsonl(
            {"id": "a", "text": "Good one."},
            "{not json",
            "",
            {"id": "b"},
            {"id": 7.5, "text": "Fractional id."},
            ["a", "list"],
            {"id": "c", "text": 12},
            {"id": "a", "text": "Duplicate id."},
            "   ",
            {"id": "d", "text": "Good two.", "date": 2024},
            {"id": "e", "text": "  \n "},
        ),
        encoding="utf-8",
    )
    articles, manifest = read(path)
    assert [(a.id, a.line) for a in articles] == [("a", 1), ("d", 10)]
    assert articles[1].date is None
    assert [(e.line, e.message.split(" (")[0]) for e in errors(manifest, path)] == [
        (2, "invalid JSON: Expecting property name enclosed in double quotes"),
        (4, "missing 'text'"),
        (5, "'id' is not a string or an integer"),
        (6, "not a JSON object"),
        (7, "'text' is not a string"),
        (8, "duplicate id 'a'"),
        (11, "empty 'text'"),
    ]
    assert manifest.status(str(path)) == "partial"
    assert manifest.record(str(path)).articles == 2
    assert any("'date' is not a string" in w for w in manifest.record(str(path)).warnings)
    assert "news.jsonl:2: invalid JSON" in "\n".join(manifest.messages())


def test_jsonl_with_only_bad_lines_fails(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text("[1]\n{oops\n", encoding="utf-8")
    articles, manifest = read(path)
    assert articles == [] and manifest.status(str(path)) == "failed"
    assert [e.line for e in errors(manifest, path)] == [1, 2]


def test_jsonl_deeply_nested_line_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "deep.jsonl"
    path.write_text("[" * 100_000 + "\n" + jsonl({"id": "a", "text": "Fine."}), encoding="utf-8")
    articles, manifest = read(path)
    assert [a.id for a in articles] == ["a"]
    assert [e.line for e in errors(manifest, path)] == [1]


def test_jsonl_streams_line_by_line(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    path.write_text(
        jsonl({"id": "a", "text": "First."}, "{broken", {"id": "b", "text": "Later."}), encoding="utf-8"
    )
    manifest = Manifest()
    articles = read_input(str(path), manifest)
    first = next(articles)
    assert first.id == "a"
    assert manifest.record(str(path)).errors == []  # line 2 not parsed yet
    assert [a.id for a in articles] == ["b"]
    assert [e.line for e in errors(manifest, path)] == [2]


def test_jsonl_control_characters_and_surrogates_are_dropped(tmp_path: Path) -> None:
    path = tmp_path / "odd.jsonl"
    path.write_text('{"id": "x\\u0000y", "text": "a\\u0001b\\ud800c\\r\\nd"}\n', encoding="utf-8")
    [article], _ = read(path)
    assert (article.id, article.text) == ("xy", "abc\nd")


# -- CSV -------------------------------------------------------------------------------------------


def test_csv_long_text_and_bad_rows(tmp_path: Path) -> None:
    path = tmp_path / "news.csv"
    long_text = "Word " * 60_000  # 300 KB: beyond the csv module's default field limit
    rows = [
        "ID,Text,Title,Outlet",
        f'a,"{long_text}",Long one,Daily',
        'b,"Two\r\nlines, with ""quotes""",,',
        "c,too,many,fields,here",
        "",
        "d,,No text,",
        ",Defaulted id,,",
        'a,"Duplicate",,',
    ]
    path.write_bytes("\r\n".join(rows).encode("utf-8") + b"\r\n")
    articles, manifest = read(path)
    assert [(a.id, a.line) for a in articles] == [("a", 2), ("b", 3), ("news:8", 8)]
    assert articles[0].text == long_text and articles[0].title == "Long one" and articles[0].outlet == "Daily"
    assert articles[1].text == 'Two\nlines, with "quotes"' and articles[1].title is None
    assert [(e.line, e.message) for e in errors(manifest, path)] == [
        (5, "row has 5 field(s) but the header has 4"),
        (7, "empty 'text'"),
        (9, "duplicate id 'a'"),
    ]
    assert manifest.status(str(path)) == "partial"


def test_csv_malformed_quoting_is_an_error_per_record(tmp_path: Path) -> None:
    path = tmp_path / "news.csv"
    path.write_text('text,id\n"ok",1\n"bad"x,2\nfine,3\n"unterminated,4\nmore\n', encoding="utf-8")
    articles, manifest = read(path)
    assert [a.id for a in articles] == ["1", "3"]
    assert [e.line for e in errors(manifest, path)] == [3, 5]
    assert all(e.message.startswith("malformed CSV") for e in errors(manifest, path))


def test_csv_without_text_column_fails(tmp_path: Path) -> None:
    path = tmp_path / "news.csv"
    path.write_text("id,body\n1,hello\n", encoding="utf-8")
    articles, manifest = read(path)
    assert articles == []
    [error] = errors(manifest, path)
    assert error.line == 1 and "no 'text' column" in error.message
    assert manifest.status(str(path)) == "failed"


def test_csv_with_bom_and_nul(tmp_path: Path) -> None:
    path = tmp_path / "news.csv"
    path.write_bytes(codecs.BOM_UTF8 + b'text\n"Hello\x00 there"\n')
    [article], manifest = read(path)
    assert article.text == "Hello there" and manifest.status(str(path)) == "ok"


# -- stdin -----------------------------------------------------------------------------------------


def test_stdin_jsonl() -> None:
    manifest = Manifest()
    stream = io.StringIO("\n  " + jsonl({"id": "a", "text": "From stdin."}, "nope"))
    articles = list(read_input("-", manifest, stdin=stream))
    assert articles == [Article("a", "From stdin.", source="-", line=2)]
    assert errors(manifest, "-") == [ErrorRecord(3, "invalid JSON: Expecting value (column 1)")]


def test_stdin_plain_text() -> None:
    manifest = Manifest()
    articles = list(read_input("-", manifest, stdin=io.StringIO("\ufeffShe said “no”.\r\nThen left.\n")))
    assert articles == [Article("stdin", "She said “no”.\nThen left.\n", source="-")]
    assert manifest.status("-") == "ok"


def test_stdin_bytes_are_decoded() -> None:
    manifest = Manifest()
    stream = io.TextIOWrapper(io.BytesIO("café “quoted”\n".encode("cp1252")), encoding="utf-8")
    [article] = read_input("-", manifest, stdin=stream)
    assert article.text == "café “quoted”\n"
    assert "cp1252" in manifest.record("-").warnings[0]


def test_stdin_empty_fails() -> None:
    manifest = Manifest()
    assert list(read_input("-", manifest, stdin=io.StringIO(" \n\n"))) == []
    assert manifest.status("-") == "failed"


# -- discovery -------------------------------------------------------------------------------------


def test_discover_folders_recursively_sorted(tmp_path: Path) -> None:
    for name in ["b.txt", "a.md", "sub/z.jsonl", "sub/deeper/c.CSV", "page.htm", "x.html", "notes.markdown"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    for name in [".hidden.txt", ".git/config.txt", "sub/.cache/d.txt", "image.png", "data.json", "README"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    root = str(tmp_path)
    found = list(discover([root]))
    assert found == [
        os.path.join(root, name)
        for name in [
            "a.md",
            "b.txt",
            "notes.markdown",
            "page.htm",
            "sub/deeper/c.CSV",
            "sub/z.jsonl",
            "x.html",
        ]
    ]
    assert all(input_format(p) is not None for p in found)


def test_discover_explicit_paths_stdin_and_missing(tmp_path: Path) -> None:
    explicit = tmp_path / ".hidden.log"
    explicit.write_text("x", encoding="utf-8")
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    missing = str(tmp_path / "missing.txt")
    inputs = ["-", str(explicit), missing, str(tmp_path), str(tmp_path / "a.txt")]
    assert list(discover(inputs)) == ["-", str(explicit), missing, str(tmp_path / "a.txt")]


def test_discover_survives_symlink_loops(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    assert list(discover([str(tmp_path)])) == [str(tmp_path / "a.txt")]


def test_discover_then_read_everything(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("One.", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(jsonl({"id": "x", "text": "Two."}, "{bad"), encoding="utf-8")
    (tmp_path / "c.txt").write_bytes(b"")
    manifest = Manifest()
    articles = [a for path in discover([str(tmp_path)]) for a in read_input(path, manifest)]
    assert [a.text for a in articles] == ["One.", "Two."]
    summary = manifest.to_dict()["summary"]
    assert summary == {"inputs": 3, "ok": 1, "partial": 1, "failed": 1, "articles": 2, "errors": 2}


# -- property: corrupted JSONL never raises and every line is accounted for ------------------------

_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_BE)
_EDIT = st.tuples(st.booleans(), st.integers(min_value=0, max_value=10_000), st.integers(0, 255))


@st.composite
def corrupted_jsonl(draw: st.DrawFn) -> bytes:
    count = draw(st.integers(min_value=2, max_value=8))
    texts = draw(st.lists(st.text(min_size=40, max_size=80), min_size=count, max_size=count))
    lines = [
        json.dumps({"id": f"a{i}", "text": t}, ensure_ascii=draw(st.booleans())).encode()
        for i, t in enumerate(texts)
    ]
    broken = draw(st.sets(st.integers(0, count - 1), max_size=(count - 1) // 2))
    for index in broken:
        line = bytearray(lines[index])
        for delete, position, byte in draw(st.lists(_EDIT, min_size=1, max_size=3)):
            position %= len(line) or 1
            if delete and line:
                del line[position]
            elif line:
                line[position] = byte
        lines[index] = bytes(line)
    return b"\n".join(lines) + b"\n"


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=corrupted_jsonl())
def test_corrupted_jsonl_never_raises_and_accounts_for_every_line(tmp_path: Path, data: bytes) -> None:
    assume(not data.startswith(_BOMS))  # a BOM would change the encoding of the whole file
    path = tmp_path / "corrupt.jsonl"
    path.write_bytes(data)
    articles, manifest = read(path)
    record = manifest.record(str(path))
    error_lines = [e.line for e in record.errors]
    non_blank = sum(1 for line in data.split(b"\n") if line.strip())
    assert None not in error_lines
    assert len(articles) + len(error_lines) == non_blank
    assert len(set(error_lines)) == len(error_lines)
    assert not {a.line for a in articles} & set(error_lines)
    assert record.articles == len(articles)
    for article in articles:
        assert isinstance(article.id, str) and article.id
        assert isinstance(article.text, str) and article.text.strip()
        assert not any(ch in article.text for ch in "\x00\r")


# -- the one id rule ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ({"id": "a-1"}, "a-1"),
        ({"id": "  spaced\n id "}, "spaced id"),
        ({"id": 42}, "42"),
        ({"id": 0}, "0"),
        ({}, "news:3"),
        ({"id": None}, "news:3"),
        ({"id": "   "}, "news:3"),
    ],
)
def test_record_id_rule(given: dict, expected: str) -> None:
    from quotes.io.tabular import record_id

    assert record_id(given, "news", 3) == expected


@pytest.mark.parametrize("bad", [True, 1.5, [1], {"a": 1}])
def test_record_id_refuses_other_types(bad: object) -> None:
    from quotes.io.tabular import _RecordError, record_id

    with pytest.raises(_RecordError, match="'id' is not a string or an integer"):
        record_id({"id": bad}, "news", 3)


def test_one_id_rule_for_articles_texts_and_gold(tmp_path: Path) -> None:
    from quotes.evaluate.scorer import read_gold
    from quotes.io.readers import read_texts

    lines = [{"id": "x", "text": "One."}, {"text": "Two."}, {"id": 7, "text": "Three."}]
    for suffix in (".jsonl", ".csv"):
        path = tmp_path / f"news{suffix}"
        if suffix == ".jsonl":
            path.write_text(jsonl(*lines), encoding="utf-8")
        else:
            rows = ["id,text"] + [f"{r.get('id', '')},{r['text']}" for r in lines]
            path.write_text("\n".join(rows) + "\n", encoding="utf-8")
        articles, _ = read(path)
        header = 1 if suffix == ".csv" else 0
        assert [a.id for a in articles] == ["x", f"news:{2 + header}", "7"]
        assert [a.id for a in read_texts(str(path), Manifest())] == [a.id for a in articles]
    gold = tmp_path / "gold.jsonl"
    gold.write_text(jsonl(*({**r, "quotes": []} for r in lines)), encoding="utf-8")
    assert [g.id for g in read_gold(str(gold))] == ["x", "gold:2", "7"]
    plain = tmp_path / "news.txt"
    plain.write_text("One.\n\nThree.\n", encoding="utf-8")
    texts = [(a.id, a.text) for a in read_texts(str(plain), Manifest())]
    assert texts == [("news:1", "One."), ("news:3", "Three.")]


def test_gold_keeps_the_text_as_written(tmp_path: Path) -> None:
    """Gold spans are offsets into the raw text: the reader must not clean it."""
    from quotes.evaluate.scorer import read_gold

    text = 'A\r\nB \x07"quoted," she said.'
    quote = {"kind": "direct", "content": [[6, 15]]}
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"id": "g", "text": text, "quotes": [quote]}) + "\n", encoding="utf-8")
    (article,) = read_gold(str(path))
    assert article.text == text and article.quotes[0].content == ((6, 15),)


def test_gold_errors_name_file_and_line(tmp_path: Path) -> None:
    from quotes.evaluate.scorer import read_gold
    from quotes.records.errors import GoldError, QuotesError

    path = tmp_path / "gold.jsonl"
    path.write_text(jsonl({"id": "a", "text": "x"}, {"id": "a", "text": "y"}), encoding="utf-8")
    with pytest.raises(GoldError, match=rf"^{path}:2: duplicate id 'a'$") as caught:
        read_gold(str(path))
    assert isinstance(caught.value, QuotesError)


def test_articles_read_from_files_can_be_sent_to_worker_processes(tmp_path: Path) -> None:
    """--jobs pickles articles for its workers: an article's source must survive that (a path
    type that could not be unpickled silently left every batch to the calling process)."""
    import pickle

    (tmp_path / "a.txt").write_text('"We will win," said Ana Torres.\n', encoding="utf-8")
    (tmp_path / "b.jsonl").write_text('{"id": "b1", "text": "It rained, she said."}\n', encoding="utf-8")
    articles = list(read_inputs([str(tmp_path)], Manifest()))
    assert len(articles) == 2
    for article in articles:
        assert pickle.loads(pickle.dumps(article)) == article
