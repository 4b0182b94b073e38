"""The spaCy component and the Python API."""

from __future__ import annotations

import quotes
from quotes.io.serialize import quotation_to_dict


def test_component_writes_doc_extension(nlp) -> None:
    import copy

    pipeline = copy.deepcopy(nlp)
    pipeline.add_pipe("quotes")
    doc = pipeline('"Prices will fall," said Maria Lopez, the central bank governor.')
    (quotation,) = doc._.quotes
    assert quotation.speaker_name == "Maria Lopez"
    assert quotation.title == "the central bank governor"
    assert doc.text[quotation.content[0][0] : quotation.content[0][1]] == '"Prices will fall,"'


def test_python_api_analyze() -> None:
    (quotation,) = quotes.analyze("According to the ministry, exports rose by a tenth in March.")
    assert quotation.kind == "indirect" and quotation.rule == "according-to"
    assert quotation_to_dict(quotation)["content"] == [list(quotation.content[0])]


def test_every_entry_point_shares_one_model_and_one_rule_set(nlp, monkeypatch) -> None:
    """quotes.analyze, quotes.Analyzer(), the runner and the component use the process's
    cache (quotes.execution.analyzers): no entry point loads a second model or rule set."""
    import copy

    from quotes.execution import analyzers

    model, rules = analyzers.shared_model(None), analyzers.shared_rules()

    def refuse(*args: object, **kw: object) -> None:
        raise AssertionError("a second copy was loaded")

    monkeypatch.setattr(analyzers, "load_model", refuse)
    monkeypatch.setattr("quotes.pipeline.rules.load_rules", refuse)
    text = '"Prices will fall," said Maria Lopez.'
    assert quotes.analyze(text)
    assert quotes.Analyzer().nlp is model and quotes.Analyzer().rules is rules
    [result] = quotes.run_articles([quotes.Article("a", text)], quotes.RunOptions(use_cache=False))
    assert result.quotations == quotes.analyze(text)
    pipeline = copy.deepcopy(nlp)
    pipeline.add_pipe("quotes")
    assert pipeline.get_pipe("quotes").extractor.rules is rules
