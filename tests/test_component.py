"""The spaCy component and the Python API."""

from __future__ import annotations

import quotes
from quotes.serialize import quotation_to_dict


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
