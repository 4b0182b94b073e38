"""The streaming runner: order, error isolation, worker processes, long articles."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from quotes.execution.analyzers import shared_model
from quotes.execution.options import RunOptions
from quotes.execution.runner import run_articles
from quotes.records import Article

TEXTS = [
    'Sam Altman, the chief executive of OpenAI, said the deal was "a landmark for the industry."',
    "Microsoft said on Monday that it would invest $1 billion in the company.",
    '"We are very excited," Satya Nadella told reporters. "This is a big day for us."',
    "The weather was mild and nobody said anything of note.",
    "According to a poll by Gallup, most voters think the economy is improving.",
    'Trump: "We will win so much, you will get tired of winning, believe me."',
]


def articles(texts: list[str] = TEXTS) -> list[Article]:
    return [Article(id=f"a{i}", text=text) for i, text in enumerate(texts)]


def no_cache(**kw: object) -> RunOptions:
    return RunOptions(use_cache=False, **kw)  # type: ignore[arg-type]


def test_order_preserved_and_progress_counts() -> None:
    seen: list[int] = []
    results = list(run_articles(iter(articles()), no_cache(batch_size=2), progress=seen.append))
    assert [r.article.id for r in results] == [f"a{i}" for i in range(len(TEXTS))]
    assert sum(seen) == len(TEXTS)
    assert all(r.error is None for r in results)
    assert any(r.quotations for r in results)


def test_streams_without_reading_everything_first() -> None:
    consumed = 0

    def stream() -> Iterator[Article]:
        nonlocal consumed
        for i in range(1000):
            consumed += 1
            yield Article(id=str(i), text=TEXTS[i % len(TEXTS)])

    results = run_articles(stream(), no_cache(batch_size=4))
    first = next(results)
    assert first.article.id == "0"
    assert consumed <= 8  # one batch (and the start of the next), not the corpus
    results.close()


def test_one_failing_article_does_not_stop_the_rest(monkeypatch: pytest.MonkeyPatch) -> None:
    from quotes.pipeline.extractor import Extractor

    original = Extractor.extract_doc

    def flaky(self: Extractor, text: str, doc: object) -> object:
        if "BOOM" in text:
            raise ValueError("bad article")
        return original(self, text, doc)  # type: ignore[arg-type]

    monkeypatch.setattr(Extractor, "extract_doc", flaky)
    texts = [*TEXTS[:2], "BOOM said the reporter.", *TEXTS[2:]]
    results = list(run_articles(articles(texts), no_cache(batch_size=3)))
    assert [r.article.id for r in results] == [f"a{i}" for i in range(len(texts))]
    assert results[2].error == "ValueError: bad article" and results[2].quotations == ()
    assert all(r.error is None for i, r in enumerate(results) if i != 2)
    assert results[0].quotations


def test_jobs_2_gives_the_results_of_jobs_1() -> None:
    many = articles(TEXTS * 2)
    one = list(run_articles(many, no_cache(batch_size=1)))
    two = list(run_articles(many, no_cache(jobs=2, batch_size=1)))
    assert [r.article.id for r in two] == [r.article.id for r in one]
    assert [r.quotations for r in two] == [r.quotations for r in one]
    assert all(r.error is None for r in two)


def _check_offsets(text: str, quotations: tuple) -> None:
    for q in quotations:
        assert q.text == " … ".join(text[s:e] for s, e in q.content)
        assert q.speaker_text == " … ".join(text[s:e] for s, e in q.speaker)
        assert q.cue_text == " … ".join(text[s:e] for s, e in q.cue)


def test_long_article_is_parsed_in_pieces_with_offsets_right() -> None:
    nlp = shared_model(None)
    paragraph = ('The senator spoke in Ohio on Tuesday. "We will fix the roads and the bridges," '
                 "she said. Her rival said that the plan would cost too much.\n\n")
    text = paragraph * 120  # ~19,000 characters, parsed in pieces below
    saved = nlp.max_length
    nlp.max_length = 4_000
    try:
        [result] = run_articles([Article("long", text)], no_cache())
    finally:
        nlp.max_length = saved
    assert result.error is None
    assert len(result.quotations) >= 200
    _check_offsets(text, result.quotations)
    assert result.quotations[-1].content[-1][1] > len(text) - len(paragraph)


def test_five_megabyte_article() -> None:
    """Beyond spaCy's max_length: split at paragraphs, offsets those of the article. A tokenizer
    and sentencizer stand in for the model to keep this fast; the splitting is the same."""
    import spacy

    from quotes.execution.analyzers import Analyzer
    from quotes.nlp.model import parse_long
    from quotes.pipeline.rules import load_rules

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    quote = '"This is the quotation that opens a paragraph and runs for more than eight words."\n\n'
    filler = "Plain reporting follows here, and nothing in it is quoted at all today.\n\n" * 700
    text = (quote + filler) * 100
    assert len(text) > 5_000_000 > nlp.max_length
    doc = parse_long(nlp, text)
    assert doc.text == text
    assert all(text[t.idx : t.idx + len(t.text)] == t.text for t in list(doc)[::997])
    [result] = Analyzer(load_rules(), nlp, score=False).run([Article("huge", text)])
    assert result.error is None
    assert len(result.quotations) == 100
    _check_offsets(text, result.quotations)


def test_accelerated_model_annotates_like_the_stock_one() -> None:
    from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, TAG

    from quotes.nlp.model import load_model, model_id, model_id_for

    stock, fast = load_model(fast=False), shared_model(None)
    texts = [*TEXTS, "Y'all gonna let's go, ain't it? C'mon, nothin' gets done.",
             "  \n\n  I did it; you got it."]
    attrs = [TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE]
    for a, b in zip(stock.pipe(texts), fast.pipe(texts), strict=True):
        assert (a.to_array(attrs) == b.to_array(attrs)).all()
        assert [t.lemma_ for t in a] == [t.lemma_ for t in b]
    assert model_id_for(None) == model_id(fast) == model_id(stock)


def test_a_broken_worker_pool_falls_back_to_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    from concurrent.futures import Future
    from concurrent.futures.process import BrokenProcessPool

    from quotes.execution import runner

    class Broken:
        capacity = 2
        local = True
        submitted = 0

        def submit(self, batch: list[Article]) -> Future:
            Broken.submitted += 1
            future: Future = Future()
            future.set_exception(BrokenProcessPool("a worker died"))
            return future

        def reclaim(self, handle: Future) -> bool:
            return False

        def recover(self, error: BaseException) -> bool:
            self.capacity = 0
            return True

        def close(self) -> None:
            pass

    monkeypatch.setattr(runner, "make_backend", lambda options, spec: Broken())
    results = list(run_articles(articles(), no_cache(jobs=2, batch_size=1)))
    expected = list(run_articles(articles(), no_cache(batch_size=1)))
    assert Broken.submitted >= 1
    assert [r.quotations for r in results] == [r.quotations for r in expected]
    assert all(r.error is None for r in results)


def test_extraction_time_grows_linearly_with_article_length(analyzer) -> None:
    """A long article (thousands of quotations) must not cost quadratic time after parsing."""
    import time

    from quotes.nlp.model import parse_long

    paragraph = '"The budget will pass in the spring," said Maria Lopez. The council met on Monday.\n\n'
    timings = []
    for copies in (100, 400):
        text = paragraph * copies
        doc = parse_long(analyzer.nlp, text)
        started = time.perf_counter()
        found = analyzer.extractor.extract_doc(text, doc)
        timings.append(time.perf_counter() - started)
        assert len(found) == copies
    assert timings[1] < 8 * timings[0] + 0.5  # 4x the text: well under the 16x of quadratic work
