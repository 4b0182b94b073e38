"""One parsed article to :class:`~quotes.records.Quotation` records (:mod:`.extractor`), on rules
checked against the code (:mod:`.rules`)."""
