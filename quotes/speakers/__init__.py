"""Speakers: who each quotation's speaker mention is within one article
(:mod:`.resolver`, with its parts: proper names, nominals, roles, pronouns, documents) and who is
one speaker across a corpus (:mod:`.identity`). The alias table is a rule file
(:mod:`quotes.rules.speakers`)."""
