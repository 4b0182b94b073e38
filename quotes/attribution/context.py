"""The per-article context every attribution rule reads, built once per article.

It holds the text and its parse, the quotation groups found from the marks alone
(:mod:`quotes.text.marks`), an index of the quoted stretches (shared with speaker resolution, so
the article's marks are scanned once) and the look-ups and candidate builders the rules share.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator, Sequence
from functools import cached_property
from typing import NamedTuple

from spacy.tokens import Doc, Token

from quotes.attribution.candidate import Candidate, QuoteGroup
from quotes.attribution.lines import ArticleLines
from quotes.attribution.negation import negated_cue_span, negating_verb
from quotes.attribution.syntax import is_mention, mention_span, run_on_person, subtree_span, token_span
from quotes.records import Span
from quotes.rules.cues import CueRules, VerbCue
from quotes.text.marks import find_quoted, group_chains
from quotes.text.spans import trim_clause, word_count


class SpanIndex:
    """Sorted, non-overlapping spans with logarithmic look-ups (articles can be megabytes long)."""

    def __init__(self, spans: Sequence[Span]) -> None:
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]

    def contains(self, position: int) -> bool:
        i = bisect.bisect_right(self.starts, position) - 1
        return i >= 0 and position < self.spans[i][1]

    def overlapping(self, start: int, end: int) -> range:
        """Indices (into ``spans``) of the spans that overlap [start, end)."""
        first = max(0, bisect.bisect_right(self.starts, start) - 1)
        if first < len(self.spans) and self.spans[first][1] <= start:
            first += 1
        return range(first, bisect.bisect_left(self.starts, end))

    def first_from(self, position: int) -> int:
        """Index of the first span starting at or after ``position`` (len when none)."""
        return bisect.bisect_left(self.starts, position)


VERBAL = ("VERB", "AUX")


class Word(NamedTuple):
    """A token with the attributes every cue family tests, read from the parse once."""

    token: Token
    pos: str
    lemma: str  # lower case
    lower: str


# "SYDNEY -", "WASHINGTON (AP) —", "NEW YORK, N.Y. -" opening a paragraph: the place, not the report
DATELINE = re.compile(
    r"[A-Z][A-Z .'’-]{2,}?(?:,[ \t]*[A-Z][\w. ]{1,20}?)?[ \t]*(?:\([\w .]+\))?[ \t]*[—–-]+[ \t]*"
)


def _after_so_called(text: str, start: int) -> bool:
    """``the so-called "subsidy question"``: scare quotes, not a quotation (README)."""
    return text[max(0, start - 12) : start].rstrip().lower().endswith("so-called")


def particle(verb: Token) -> str | None:
    """The particle of a phrasal verb (``back`` in ``shot back``, which the parser may take for
    an adverb), if any."""
    found = next((c for c in verb.children if _is_particle(verb, c)), None)
    return found.lower_ if found is not None else None


def names_noun(verb: Token) -> bool:
    """``a website called "Cape Breton If Trump Wins"``, ``a destination known for its canyon``:
    a past participle with no auxiliary that modifies a noun names or describes it; no one
    speaks (polnear-train: such 'called' quotations were none of them annotated)."""
    return (
        verb.tag_ == "VBN"
        and verb.dep_ == "acl"
        and verb.i > 0
        and not verb.doc[verb.i - 1].is_punct  # ("X, the nominee, tweeted": a finite verb misread)
        and not any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass", "agent") for c in verb.children)
    )


def _is_particle(verb: Token, child: Token) -> bool:
    return child.dep_ == "prt" or (
        child.dep_ == "advmod" and child.i == verb.i + 1 and child.pos_ in ("ADV", "ADP")
    )


class ArticleContext:
    """One parsed article as the attribution rules see it (one instance per article)."""

    def __init__(self, text: str, doc: Doc, rules: CueRules) -> None:
        self.text = text
        self.lines = ArticleLines(text, tuple(rules.words.teaser_prefixes))
        # the line look-ups every rule uses, under their own names
        self.paragraph_start = self.lines.paragraph_start
        self.paragraph_end = self.lines.paragraph_end
        self.has_text = self.lines.has_text
        self.text_end = self.lines.text_end
        self.is_headline = self.lines.is_headline
        self.doc = doc
        self.rules = rules
        self.words = rules.words
        quoted = [q for q in find_quoted(text) if not _after_so_called(text, q.start)]
        self.groups = [QuoteGroup(i, tuple(g)) for i, g in enumerate(group_chains(quoted))]
        self.quoted = SpanIndex([(q.start, q.end) for g in self.groups for q in g.pieces])
        self.group_starts = [g.start for g in self.groups]
        self.group_of_piece = [g.index for g in self.groups for _ in g.pieces]

    @cached_property
    def reporter_words(self) -> list[Word]:
        """The words outside quotations: words inside one belong to the speaker, not the reporter."""
        contains = self.quoted.contains
        teaser = self.lines.furniture()
        return [
            Word(t, t.pos_, t.lemma_.lower(), t.lower_)
            for t in self.doc
            if not contains(t.idx) and self.paragraph_start(t.idx) not in teaser
        ]

    def reporter_verbs(self, lemmas: tuple[str, ...]) -> Iterator[Token]:
        """The reporter's verbs (outside quotations) with one of ``lemmas``."""
        return (w.token for w in self.reporter_words if w.pos in VERBAL and w.lemma in lemmas)

    def verb_candidates(
        self, lemmas: tuple[str, ...], build: Callable[[ArticleContext, Token], Candidate | None]
    ) -> Iterator[Candidate]:
        """The candidates ``build`` makes of the reporter's verbs with one of ``lemmas``."""
        for verb in self.reporter_verbs(lemmas):
            candidate = build(self, verb)
            if candidate is not None:
                yield candidate

    # -- look-ups ---------------------------------------------------------------------

    def cue_verb(self, token: Token) -> str | None:
        """The cue lemma of a verb token, or None when the token is no cue verb."""
        if token.pos_ not in VERBAL or names_noun(token):
            return None
        return self.rules.verb_lemma(token.lemma_, token.text, particle(token))

    def verb(self, lemma: str) -> VerbCue:
        return self.rules.verbs[lemma]

    def quote_verb(self, token: Token) -> str | None:
        """The cue lemma of a verb that can introduce a quotation (not only an object)."""
        lemma = self.cue_verb(token)
        return lemma if lemma is not None and "quote" in self.rules.verbs[lemma].takes else None

    def tokens_between(self, start: int, end: int) -> list[Token]:
        span = self.doc.char_span(start, end, alignment_mode="expand") if end > start else None
        return list(span) if span is not None else []

    def last_tokens(self, start: int, end: int, count: int) -> list[Token]:
        """``tokens_between(start, end)[-count:]``, at the cost of ``count`` tokens however far
        ``start`` lies (a paragraph's start, in an article on one line)."""
        span = self.doc.char_span(start, end, alignment_mode="expand") if end > start else None
        if span is None:
            return []
        return list(self.doc[max(span.start, span.end - count) : span.end])

    def starts_clause(self, position: int) -> bool:
        """Whether a quotation opening at ``position`` begins a paragraph, sentence or clause."""
        end = self.text_end(self.paragraph_start(position), position)
        return end == self.paragraph_start(position) or self.text[end - 1] in ".!?:;,—–―-([\"“”'’"

    def next_group(self, position: int) -> int:
        """Index of the first quotation group starting at or after ``position``."""
        return bisect.bisect_left(self.group_starts, position)

    def groups_touching(self, content: list[Span], claimed: set[int]) -> list[QuoteGroup]:
        """The unclaimed quote groups with a piece overlapping ``content``, in order."""
        indices = {self.group_of_piece[i] for span in content for i in self.quoted.overlapping(*span)}
        return [self.groups[i] for i in sorted(indices - claimed)]

    # -- building candidates -------------------------------------------------------------

    def candidate(
        self, content: list[Span], cue: Token, cue_class: str, rule: str, subject: Token | None
    ) -> Candidate:
        """An indirect candidate with ``cue`` as its cue and ``subject`` (if any) as its speaker."""
        candidate = Candidate(
            content=[self._without_dateline(*content[0]), *content[1:]] if content else content,
            kind="indirect",
            cue=[self.cue_span(cue)],
            cue_lemma=self.cue_verb(cue) or cue.lemma_.lower(),
            cue_class=cue_class,
            rule=rule,
            cue_token=cue,
        )
        if subject is not None and is_mention(subject):
            candidate.speaker_token = run_on_person(subject) or subject
            candidate.speaker, candidate.title = mention_span(subject)
        negator = negating_verb(cue, self.words.refusal_verbs, self.is_speech_verb)
        if negator is not None:
            candidate.negated = True
            candidate.cue = [negated_cue_span(negator, cue)]
        return candidate

    def is_speech_verb(self, token: Token) -> bool:
        """Whether ``token`` is a cue verb of the speech class (``comment``, ``say``)."""
        lemma = self.cue_verb(token)
        return lemma is not None and self.rules.verbs[lemma].cue_class == "speech"

    def _without_dateline(self, start: int, end: int) -> Span:
        """A content opening its paragraph without the dateline before it (``SYDNEY - ``)."""
        if start != self.paragraph_start(start):
            return start, end
        dateline = DATELINE.match(self.text, start, end)
        return (dateline.end(), end) if dateline is not None and dateline.end() < end else (start, end)

    def quoted_candidate(
        self, group: QuoteGroup, cue: Token, cue_class: str, rule: str, subject: Token | None
    ) -> Candidate:
        """A direct candidate whose content is the quotation ``group``."""
        candidate = self.candidate(group.spans(), cue, cue_class, rule, subject)
        candidate.kind = "direct"
        return candidate

    def cue_span(self, cue: Token) -> Span:
        """The cue as written, with its particle (``pointed out``) when it has one."""
        tokens = [cue] + [c for c in cue.children if c.dep_ == "prt"]
        if " " in (self.cue_verb(cue) or ""):
            tokens += [c for c in cue.children if _is_particle(cue, c)]  # "shot back"
        span = token_span(tokens)
        assert span is not None
        return span

    def clause_content(self, head: Token, min_words: int) -> Span | None:
        """The trimmed span of ``head``'s subtree, or None when it has fewer than ``min_words``."""
        content = trim_clause(self.text, *subtree_span(head))
        return content if word_count(self.text, *content) >= min_words else None

    def runs(self, tokens: list[Token]) -> list[Span]:
        """Contiguous runs of tokens as trimmed character spans."""
        runs: list[list[Token]] = []
        for token in sorted(tokens, key=lambda t: t.i):
            if runs and token.i == runs[-1][-1].i + 1:
                runs[-1].append(token)
            else:
                runs.append([token])
        spans = []
        for run in runs:
            span = token_span(run)
            if span is None:
                continue
            span = trim_clause(self.text, *span)
            if span[1] > span[0] and word_count(self.text, *span) > 0:
                spans.append(span)
        return spans

    def host_clause(self, inserted: Token, min_words: int) -> list[Span]:
        """The clause a cue is inserted in or modifies, without the cue's own words and the full
        stop (``The plan, X said, would fail``; ``As X said, the plan will fail``); [] when fewer
        than ``min_words`` words are left."""
        skip = {t.i for t in inserted.subtree}
        tokens = [t for t in inserted.head.subtree if t.i not in skip]
        while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
            tokens.pop()  # the full stop closes the sentence, not the report
        pieces = self.runs(tokens)
        return pieces if pieces and self.words_in(pieces) >= min_words else []

    def words_in(self, spans: list[Span]) -> int:
        return sum(word_count(self.text, *span) for span in spans)
