"""Find quotations in a parsed article and attribute each to its speaker mention.

Two sources of quotations meet here: cue words found in the dependency parse (``X said
that ...``, ``according to X``, ``X's claim that ...``) and quoted stretches found from the
quotation marks alone (:mod:`quotes.marks`). A cue whose content lies inside a quoted stretch
makes a direct quotation; one whose content holds a quoted fragment, a mixed one; the rest
are indirect. Quoted stretches no cue claimed are attributed by adjacency (``"...," he said``,
``He added, "..."``, ``X: "..."``), by continuation from the previous paragraph, or left
unknown. Names are resolved afterwards by :mod:`quotes.resolve`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Token

from quotes.cues import CueRules, VerbCue
from quotes.marks import Quoted, find_quoted, group_chains, inner_span, word_count
from quotes.records import Quotation, Span, quotation_text

PUNCT_EDGE = set(" \t\n,;:—–-\"“”„«»‘’'`()[]")
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
INHERIT_SUBJECT_DEPS = ("xcomp", "advcl", "conj", "pcomp", "acomp")  # "X is likely to say"
# "he began by saying ...": a gerund under a preposition takes the subject of the verb above
INHERIT_THROUGH_PREPOSITION = ("prep",)
MENTION_DROP_DEPS = ("appos", "relcl", "acl", "punct", "advcl", "cc")
EVIDENTIAL_COMPLEMENTS = ("xcomp", "acomp", "attr", "ccomp", "oprd")  # not "appeared on Fox News"
MIN_UNATTRIBUTED_WORDS = 8
MIN_QUOTATION_WORDS = 3
ATTRIBUTION_WINDOW_TOKENS = 14
ATTRIBUTION_AFTER_WINDOW_TOKENS = 24  # '"...," Eric Woolson, an Iowa strategist and ..., said'
MAX_SPLIT_GAP_WORDS = 45
MAX_NAME_LINE_WORDS = 6
DASHES = ("—", "―", "–", "--")
MAX_DIRECT_OUTSIDE_WORDS = 1  # "that" before a quotation still makes it direct
_ABBREVIATION = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|St|Jr|Sr|Inc|Corp|Co|No|[A-Z])\.")
_SENTENCE_BREAK = re.compile(r"[.!?][\"”’']?\s+\S")


def _has_inner_sentence_break(gap: str) -> bool:
    """Whether the text between two quoted pieces holds a full stop before its last words."""
    return bool(_SENTENCE_BREAK.search(_ABBREVIATION.sub("", gap.strip())))


@dataclass
class Candidate:
    """A quotation under construction (mutable while extraction runs)."""

    content: list[Span]
    kind: str
    cue: list[Span]
    cue_lemma: str
    cue_class: str
    rule: str
    speaker_token: Token | None = None
    cue_token: Token | None = None
    speaker: Span | None = None
    title: str | None = None
    inherited: bool = False
    quote_groups: list[int] = field(default_factory=list)
    explanation: str = ""

    @property
    def start(self) -> int:
        return min(s for s, _ in self.content)


@dataclass(frozen=True)
class QuoteGroup:
    """One quotation by its marks: one piece, or several over paragraphs."""

    index: int
    pieces: tuple[Quoted, ...]

    @property
    def start(self) -> int:
        return self.pieces[0].start

    @property
    def end(self) -> int:
        return self.pieces[-1].end

    def spans(self) -> list[Span]:
        return [(q.start, q.end) for q in self.pieces]


# ----------------------------------------------------------------------------- helpers


_TRAILING_CONJUNCTION = re.compile(r"[\s,;]+(?:and|but|or|nor)$", re.IGNORECASE)


def _trim(text: str, start: int, end: int) -> Span:
    """Drop white space, edge punctuation (but keep quotation marks on quoted pieces) and a
    dangling conjunction left where a coordinated clause was cut off."""
    while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–-"):
        end -= 1
    dangling = _TRAILING_CONJUNCTION.search(text, start, end)
    if dangling is not None and dangling.start() > start:
        return _trim(text, start, dangling.start())
    return start, end


def _token_span(tokens: Iterable[Token]) -> Span | None:
    tokens = list(tokens)
    if not tokens:
        return None
    return min(t.idx for t in tokens), max(t.idx + len(t.text) for t in tokens)


def _subtree_span(token: Token, exclude: Token | None = None) -> Span:
    """Character span of a token's subtree (without the ``exclude`` subtree)."""
    skip = set(t.i for t in exclude.subtree) if exclude is not None else set()
    tokens = [t for t in token.subtree if t.i not in skip]
    span = _token_span(tokens)
    assert span is not None
    return span


def _overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


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


def _subject(verb: Token) -> Token | None:
    """The source of a cue verb: its subject, the agent of a passive (``was criticized by X``),
    climbing to the head for ``saying``/``and added``. A passive without an agent has none."""
    current: Token | None = verb
    for _ in range(3):
        if current is None:
            return None
        for child in current.children:
            if child.dep_ == "nsubjpass" or (child.dep_ == "auxpass"):
                agent = next((c for c in current.children if c.dep_ == "agent"), None)
                return (
                    next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
                )
        for child in current.children:
            if child.dep_ in SUBJECT_DEPS and any(ch.isalpha() for ch in child.text):
                return child  # (a closing mark parsed as a subject is skipped)
        if current.dep_ == "acl" and current.head.pos_ in ("NOUN", "PROPN"):
            return current.head  # "a statement praising the deal": the statement is the source
        climbs = current.dep_ in INHERIT_SUBJECT_DEPS or (
            current.dep_ in INHERIT_THROUGH_PREPOSITION and current.pos_ == "ADP"
        )
        if climbs and current.head is not current:
            current = current.head
        else:
            return None
    return None


def _subject_from(verb: Token, first: int) -> Token | None:
    """The verb's own subject at or after token ``first`` (``"... person," X said``: the parser
    may take a noun inside the quotation for a second subject)."""
    return next(
        (
            c
            for c in verb.children
            if c.dep_ in ("nsubj", "nsubjpass") and c.i >= first and c.text[:1].isalpha()
        ),
        None,
    )


def _inverted_subject(verb: Token) -> Token | None:
    """``said Sam Altman``: a nominal right after the verb, parsed as subject or object."""
    for child in verb.rights:
        if child.dep_ in ("nsubj", "dobj", "attr", "npadvmod", "nsubjpass") and child.pos_ in (
            "PROPN",
            "NOUN",
            "PRON",
        ):
            return child
    return None


def _prepositional_object(prep: Token) -> Token | None:
    """The object of a preposition: ``immigration`` in ``about immigration``."""
    return next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)


def _is_message_prep(prep: Token) -> bool:
    """``called for a recount``, ``accused X of lying``: not ``on Thursday`` or ``in Ohio``."""
    if prep.lower_ not in ("for", "of", "as", "about", "on", "over", "against", "to"):
        return False
    return not any(t.ent_type_ in ("DATE", "TIME", "GPE", "LOC", "FAC") for t in prep.subtree)


def mention_span(token: Token) -> tuple[Span, str | None]:
    """The speaker mention as written around ``token`` (without appositions or relative
    clauses), and the apposition's text as a title."""
    if token.pos_ == "PRON" or token.tag_ in ("WP", "WDT"):
        return (token.idx, token.idx + len(token.text)), None
    keep: list[Token] = []
    title: str | None = None
    appositions = [_subtree_span(c) for c in token.children if c.dep_ == "appos"]
    if appositions:
        title = _span_text(token.doc, (min(a for a, _ in appositions), max(b for _, b in appositions)))
    dropped = set()
    for child in token.children:
        if child.dep_ in MENTION_DROP_DEPS or (child.dep_ == "conj" and child.i > token.i + 6):
            dropped.update(t.i for t in child.subtree)
    keep = [t for t in token.subtree if t.i not in dropped]
    # keep the contiguous run around the head
    indices = sorted(t.i for t in keep)
    start = end = token.i
    while start - 1 in indices:
        start -= 1
    while end + 1 in indices:
        end += 1
    doc = token.doc
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end].is_punct or doc[end].is_space):
        end -= 1
    return (doc[start].idx, doc[end].idx + len(doc[end].text)), title


def _span_text(doc: Doc, span: Span) -> str:
    return doc.text[span[0] : span[1]].strip(" ,")


# ----------------------------------------------------------------------------- extractor


class Finder:
    """Finds candidates in one parsed article (one instance per article)."""

    def __init__(self, text: str, doc: Doc, rules: CueRules) -> None:
        self.text = text
        self.doc = doc
        self.rules = rules
        self.groups = [QuoteGroup(i, tuple(g)) for i, g in enumerate(group_chains(find_quoted(text)))]
        self.quoted_spans: list[Span] = [(q.start, q.end) for g in self.groups for q in g.pieces]
        self.quoted = SpanIndex(self.quoted_spans)
        self.group_starts = [g.start for g in self.groups]
        self.group_of_piece = [g.index for g in self.groups for _ in g.pieces]

    # -- cues from the parse --------------------------------------------------------

    def cue_candidates(self) -> list[Candidate]:
        found: list[Candidate] = []
        for token in self.doc:
            if self.quoted.contains(token.idx):
                continue  # words inside a quotation belong to the speaker, not the reporter
            lower = token.lower_
            if lower == "according" and token.i + 1 < len(self.doc) and self.doc[token.i + 1].lower_ == "to":
                candidate = self._according_to(token)
            elif self._cue_verb(token) is not None:
                candidate = self._verb_cue(token)
            elif (
                token.pos_ == "ADJ"
                and token.dep_ == "acomp"
                and token.lemma_.lower() in self.rules.adjectives
            ):
                candidate = self._adjective_cue(token)
            elif token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in self.rules.evidentials:
                candidate = self._evidential(token)
            elif token.pos_ == "NOUN" and token.lemma_.lower() in self.rules.nouns:
                candidate = self._noun_cue(token)
            else:
                candidate = None
            if candidate is not None:
                found.append(candidate)
        return found

    def _cue_verb(self, token: Token) -> str | None:
        """The cue lemma of a verb token, or None when the token is no cue verb."""
        if token.pos_ not in ("VERB", "AUX"):
            return None
        return self.rules.verb_lemma(token.lemma_, token.text)

    def _verb_cue(self, verb: Token) -> Candidate | None:
        lemma = self._cue_verb(verb)
        assert lemma is not None
        cue = self.rules.verbs[lemma]
        content_head = None
        rule = "cue-clause"
        for child in verb.children:
            if child.dep_ == "ccomp" and "ccomp" in cue.takes:
                content_head = child
                break
        if content_head is None and "xcomp" in cue.takes:
            for child in verb.children:
                if child.dep_ == "xcomp" and child.pos_ in ("VERB", "AUX"):
                    content_head, rule = child, "cue-intent"
                    break
        object_span = None
        if content_head is None and "dobj" in cue.takes:
            objects = [
                c
                for c in verb.children
                if c.i > verb.i
                and (
                    c.dep_ in ("dobj", "xcomp", "oprd", "dative")
                    or (c.dep_ == "prep" and _is_message_prep(c))
                )
            ]
            if any(
                c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ in ("for", "on", "of", "about", "against"))
                for c in objects
            ):
                spans = [_subtree_span(c) for c in objects]
                if objects[0].dep_ == "prep" and (pobj := _prepositional_object(objects[0])) is not None:
                    spans[0] = _subtree_span(pobj)  # "talked about immigration": the topic, not "about"
                object_span = (min(s for s, _ in spans), max(e for _, e in spans))
                content_head, rule = objects[0], "cue-object"
        if content_head is None:
            objects = [c for c in verb.children if c.dep_ in ("dobj", "oprd", "xcomp") and c.i > verb.i]
            spans = [_subtree_span(c) for c in objects]
            if spans and any(self.quoted.overlapping(*span) for span in spans):
                object_span = (min(s for s, _ in spans), max(e for _, e in spans))
                content_head, rule = objects[0], "cue-object"
        if content_head is None:
            return self._parenthetical(verb, cue) if verb.dep_ == "parataxis" else None
        content = _trim(self.text, *(object_span or _subtree_span(content_head)))
        if word_count(self.text, *content) < self._min_words(rule, content_head):
            return None
        pieces = self._clause_pieces(content_head) if rule == "cue-clause" else [content]
        subject = _subject(verb)
        if subject is None and rule == "cue-clause":
            subject = _inverted_subject(verb)
        cue_class = cue.cue_class
        if cue_class == "speech" and lemma in ("show", "find") and subject is not None:
            cue_class = "evidence"
        if (
            cue.cue_class == "evidence"
            and subject is not None
            and subject.lemma_.lower() not in self.rules.evidence_subjects
            and subject.pos_ != "PROPN"
        ):
            return None  # "the numbers show" is evidence; "it shows" is not a source
        if rule == "cue-intent" and subject is None:
            return None
        return self._candidate(pieces or [content], verb, cue_class, rule, subject)

    def _clause_pieces(self, head: Token) -> list[Span]:
        """A reported clause without the attributions it holds of its own: ``according to Y``
        and a coordinated cue verb that goes on reporting (``said A and predicted that B``)."""
        skip: set[int] = set()
        for child in head.children:
            if child.i < head.i:
                continue
            lemma = self._cue_verb(child) if child.dep_ == "conj" else None
            own_subject = any(c.dep_ in SUBJECT_DEPS for c in child.children)
            according = child.dep_ == "prep" and child.lower_ == "according"
            if according or (
                lemma is not None and "quote" in self.rules.verbs[lemma].takes and not own_subject
            ):
                skip.update(t.i for t in child.subtree)
                cc = [c for c in head.children if c.dep_ in ("cc", "punct") and c.i == child.left_edge.i - 1]
                skip.update(c.i for c in cc)
        if not skip:
            return []
        return self._runs([t for t in head.subtree if t.i not in skip])

    def _parenthetical(self, verb: Token, cue: VerbCue) -> Candidate | None:
        """``The argument, he said, would be aided by ...``: a cue inserted in the clause it reports;
        the content is that clause without the insertion."""
        if "ccomp" not in cue.takes or any(c.dep_ in ("dobj", "xcomp") for c in verb.children):
            return None
        subject = _subject(verb) or _inverted_subject(verb)
        if subject is None:
            return None
        skip = {t.i for t in verb.subtree}
        tokens = [t for t in verb.head.subtree if t.i not in skip]
        while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
            tokens.pop()  # the full stop closes the sentence, not the report
        pieces = self._runs(tokens)
        if not pieces or sum(word_count(self.text, *p) for p in pieces) < 3:
            return None
        return self._candidate(pieces, verb, cue.cue_class, "cue-parenthetical", subject)

    def _adjective_cue(self, adjective: Token) -> Candidate | None:
        """``X is confident that ...``, ``X was eager to ...``, ``X is skeptical of ...``."""
        copula = adjective.head
        content_head = next(
            (
                c
                for c in [*adjective.children, *(c for c in copula.children if c.i > adjective.i)]
                if c.dep_ in ("ccomp", "xcomp")
                or (c.dep_ == "prep" and c.head is adjective and _is_message_prep(c))
            ),
            None,
        )
        if content_head is None:
            return None
        content = self._clause_content(content_head, min_words=2)
        if content is None:
            return None
        subject = _subject(copula)
        if subject is not None and subject.lower_ == "it":
            subject = None  # "it is clear that ...": no source
        candidate = self._candidate(
            [content], adjective, self.rules.adjectives[adjective.lemma_.lower()], "cue-adjective", subject
        )
        candidate.cue = [self._cue_span(copula), self._cue_span(adjective)]
        return candidate

    def _evidential(self, verb: Token) -> Candidate | None:
        """``Sanders appears to be spending more``: subject and complement, with no source."""
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        complement = next(
            (
                c
                for c in verb.children
                if c.i > verb.i
                and (c.dep_ in EVIDENTIAL_COMPLEMENTS or (c.dep_ == "prep" and c.lower_ == "like"))
            ),
            None,
        )
        if complement is None:
            return None
        tokens = list(complement.subtree) + (list(subject.subtree) if subject is not None else [])
        pieces = self._runs(tokens)
        if not pieces or sum(word_count(self.text, *p) for p in pieces) < 2:
            return None
        candidate = self._candidate(pieces, verb, "evidence", "cue-evidential", None)
        candidate.cue_lemma = verb.lemma_.lower()
        return candidate

    def _min_words(self, rule: str, head: Token) -> int:
        """A content needs two words, but the object of ``endorsed him``/``backed Trump`` is one."""
        if rule == "cue-object" and head.pos_ in ("PRON", "PROPN") and not self.quoted.contains(head.idx):
            return 1
        return 2

    def _according_to(self, according: Token) -> Candidate | None:
        to = self.doc[according.i + 1]
        source = next((c for c in to.children if c.dep_ == "pobj"), None)
        if source is None:
            return None
        head = according.head
        while head.dep_ not in ("ROOT", "ccomp", "conj") and head.head is not head:
            head = head.head
        if head is according or head.i in (according.i, to.i):
            return None
        skip = {t.i for t in according.subtree} | {to.i} | {t.i for t in to.subtree}
        tokens = [t for t in head.subtree if t.i not in skip]
        pieces = self._runs(tokens)
        if not pieces or sum(word_count(self.text, *p) for p in pieces) < 3:
            return None
        candidate = self._candidate(pieces, according, "speech", "according-to", source)
        candidate.cue = [(according.idx, to.idx + len(to.text))]
        candidate.cue_lemma = "according to"
        return candidate

    def _noun_cue(self, noun: Token) -> Candidate | None:
        clause = next(
            (
                c
                for c in noun.children
                if c.dep_ in ("acl", "ccomp")
                and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
            ),
            None,
        )
        if clause is None:
            return None
        content = self._clause_content(clause, min_words=3)
        if content is None:
            return None
        source = next((c for c in noun.children if c.dep_ == "poss"), None)
        candidate = self._candidate(
            [content], noun, self.rules.nouns[noun.lemma_.lower()], "cue-noun", source
        )
        if source is None:
            left = [
                t
                for t in noun.lefts
                if t.dep_ in ("compound", "amod", "nmod", "det") and t.pos_ in ("PROPN", "DET")
            ]
            proper = [t for t in left if t.pos_ == "PROPN"]
            if proper:
                candidate.speaker = _token_span(left)
                candidate.speaker_token = proper[-1]
        return candidate

    def _clause_content(self, head: Token, min_words: int) -> Span | None:
        """The trimmed span of ``head``'s subtree, or None when it has fewer than ``min_words``."""
        content = _trim(self.text, *_subtree_span(head))
        return content if word_count(self.text, *content) >= min_words else None

    def _runs(self, tokens: list[Token]) -> list[Span]:
        """Contiguous runs of tokens as trimmed character spans."""
        runs: list[list[Token]] = []
        for token in sorted(tokens, key=lambda t: t.i):
            if runs and token.i == runs[-1][-1].i + 1:
                runs[-1].append(token)
            else:
                runs.append([token])
        spans = []
        for run in runs:
            span = _token_span(run)
            if span is None:
                continue
            span = _trim(self.text, *span)
            if span[1] > span[0] and word_count(self.text, *span) > 0:
                spans.append(span)
        return spans

    def _candidate(
        self, content: list[Span], cue: Token, cue_class: str, rule: str, subject: Token | None
    ) -> Candidate:
        candidate = Candidate(
            content=content,
            kind="indirect",
            cue=[self._cue_span(cue)],
            cue_lemma=self._cue_verb(cue) or cue.lemma_.lower(),
            cue_class=cue_class,
            rule=rule,
            cue_token=cue,
        )
        if subject is not None and any(ch.isalpha() for ch in subject.text):
            candidate.speaker_token = subject
            candidate.speaker, candidate.title = mention_span(subject)
        return candidate

    def _cue_span(self, cue: Token) -> Span:
        """The cue as written, with its particle (``pointed out``) when it has one."""
        tokens = [cue] + [c for c in cue.children if c.dep_ == "prt"]
        span = _token_span(tokens)
        assert span is not None
        return span

    # -- joining cues with quoted stretches -----------------------------------------

    def _groups_touching(self, content: list[Span], claimed: set[int]) -> list[QuoteGroup]:
        """The unclaimed quote groups with a piece overlapping ``content``, in order."""
        indices = {self.group_of_piece[i] for span in content for i in self.quoted.overlapping(*span)}
        return [self.groups[i] for i in sorted(indices - claimed)]

    def merge_quotes(self, candidates: list[Candidate]) -> list[Candidate]:
        """Decide each cue candidate's kind from the quoted stretches its content touches."""
        claimed: set[int] = set()
        for candidate in sorted(candidates, key=lambda c: -sum(e - s for s, e in c.content)):
            touched = self._groups_touching(candidate.content, claimed)
            if not touched:
                continue
            outside = self._words_outside(candidate.content, [p for g in touched for p in g.spans()])
            if outside <= MAX_DIRECT_OUTSIDE_WORDS and len(touched) == 1:
                group = touched[0]
                candidate.content = group.spans()
                candidate.kind = "direct"
                candidate.rule = "cue-quote-after" if group.end <= candidate.cue[0][0] else "cue-quote-before"
                candidate.quote_groups = [group.index]
                if candidate.rule == "cue-quote-after" and candidate.cue_token is not None:
                    self._absorb_split(candidate, group, candidate.cue_token)
                claimed.update(candidate.quote_groups)
                continue
            else:
                # mixed: widen the content to cover each quoted fragment it cuts
                start = min(min(s for s, _ in candidate.content), *(g.start for g in touched))
                end = max(max(e for _, e in candidate.content), *(g.end for g in touched))
                if any(len(g.pieces) > 1 for g in touched):
                    continue
                candidate.content = [(start, end)] if len(candidate.content) == 1 else candidate.content
                candidate.kind = "mixed"
            candidate.quote_groups = [g.index for g in touched]
            claimed.update(candidate.quote_groups)
        return candidates

    def _words_outside(self, content: list[Span], quoted: list[Span]) -> int:
        """Words of ``content`` that lie outside every span of ``quoted``."""
        count = 0
        for start, end in content:
            position = start
            for q_start, q_end in sorted(quoted):
                if q_end <= position or q_start >= end:
                    continue
                count += word_count(self.text, position, max(position, q_start))
                position = max(position, q_end)
            count += word_count(self.text, position, end) if position < end else 0
        return count

    # -- quoted stretches no cue claimed ---------------------------------------------

    def adjacent_candidates(self, claimed: set[int]) -> list[Candidate]:
        found: list[Candidate] = []
        for group in self.groups:
            if group.index in claimed:
                continue
            candidate = self._attribute_after(group) or self._attribute_before(group)
            if candidate is not None:
                candidate.quote_groups = [group.index]
                found.append(candidate)
        return found

    def _tokens_between(self, start: int, end: int) -> list[Token]:
        span = self.doc.char_span(start, end, alignment_mode="expand") if end > start else None
        return list(span) if span is not None else []

    def _paragraph_end(self, position: int) -> int:
        newline = self.text.find("\n", position)
        return len(self.text) if newline < 0 else newline

    def _paragraph_start(self, position: int) -> int:
        return self.text.rfind("\n", 0, position) + 1

    def _attribute_after(self, group: QuoteGroup) -> Candidate | None:
        """``"...," he said`` / ``"...," said X``: a cue just after the closing mark."""
        if not self._starts_clause(group.start):
            return None  # a quoted fragment inside a sentence ('He called it "smart," she said')
        end = group.end
        limit = self._paragraph_end(end)
        following = bisect.bisect_left(self.group_starts, end)
        next_quote = self.group_starts[following] if following < len(self.groups) else limit
        window = self._tokens_between(end, min(limit, next_quote))[:ATTRIBUTION_AFTER_WINDOW_TOKENS]
        first = window[0] if window else None
        if first is not None and first.text in DASHES:
            return self._dash_signature(group, first, window[1:])
        if first is None or (first.is_sent_start and first.text[:1].isupper() and first.idx > end + 2):
            return None
        for token in window:
            if token.text in (".", "!", "?") and token.i > window[0].i:
                break
            if (lemma := self._cue_verb(token)) is not None:
                subject = _subject(token) or _inverted_subject(token)
                if subject is not None and self.quoted.contains(subject.idx):
                    subject = _subject_from(token, window[0].i)  # not a noun inside the quotation
                if subject is None or subject.i < window[0].i:
                    continue
                cue = self.rules.verbs[lemma]
                candidate = self._candidate(group.spans(), token, cue.cue_class, "cue-quote-after", subject)
                candidate.kind = "direct"
                self._absorb_split(candidate, group, token)
                return candidate
        return self._name_then_cue_form(group, window)

    def _name_then_cue_form(self, group: QuoteGroup, window: list[Token]) -> Candidate | None:
        """``"...," Viguerie notes.``: a name or pronoun, then a cue verb's written form the
        tagger took for a noun, right after the closing mark."""
        words = [t for t in window if not (t.is_punct or t.is_space)]
        names: list[Token] = []
        for token in words:
            if token.pos_ == "PROPN" and token.text[:1].isupper():
                names.append(token)
            elif not names and token.lower_ in ("he", "she", "they"):
                names.append(token)
                break
            else:
                break
        if not names or len(names) >= len(words) or len(names) > MAX_NAME_LINE_WORDS:
            return None
        cue = words[len(names)]
        lemma = self.rules.verb_forms.get(cue.lower_) or (
            cue.lower_ if cue.lower_ in self.rules.verbs else None
        )
        if lemma is None or "quote" not in self.rules.verbs[lemma].takes:
            return None
        candidate = self._candidate(
            group.spans(), cue, self.rules.verbs[lemma].cue_class, "cue-quote-after", names[-1]
        )
        candidate.speaker = _token_span(names)
        candidate.kind, candidate.cue_lemma = "direct", lemma
        return candidate

    def _starts_clause(self, position: int) -> bool:
        """Whether a quotation opening at ``position`` begins a paragraph, sentence or clause."""
        before = self.text[self._paragraph_start(position) : position].rstrip()
        return not before or before[-1] in ".!?:;,—–―-([\"“”'’"

    def _dash_signature(self, group: QuoteGroup, dash: Token, rest: list[Token]) -> Candidate | None:
        """``"..." ― Esther Tapia``: a name after a dash closes the line, as in lists of reactions."""
        words = [t for t in rest if not t.is_space]
        names = []
        for token in words:
            if token.pos_ != "PROPN" and token.ent_type_ not in ("PERSON", "ORG"):
                break
            names.append(token)
        if not names or len(names) > MAX_NAME_LINE_WORDS:
            return None
        candidate = self._candidate(group.spans(), dash, "speech", "dash-quote", names[-1])
        candidate.speaker = _token_span(names)
        candidate.kind, candidate.cue_lemma = "direct", dash.text
        return candidate

    def _absorb_split(self, candidate: Candidate, group: QuoteGroup, cue: Token) -> None:
        """``"A," he said. "B."``: take B when only the attribution stands between A and B."""
        following = bisect.bisect_left(self.group_starts, group.end)
        if following >= len(self.groups):
            return
        other = self.groups[following]
        between = self.text[group.end : other.start]
        if "\n" in between or other.start < cue.idx or not self._starts_clause(other.start):
            return
        if word_count(self.text, group.end, other.start) > MAX_SPLIT_GAP_WORDS or _has_inner_sentence_break(
            between
        ):
            return
        if self._has_cue(group.end, other.start, exclude=cue):
            return
        candidate.content.extend(other.spans())
        candidate.quote_groups.append(other.index)

    def _has_cue(self, start: int, end: int, exclude: Token) -> bool:
        """Whether a verb that can introduce a quotation (not only an object) lies in the span."""
        return any(
            t.i != exclude.i
            and (lemma := self._cue_verb(t)) is not None
            and "quote" in self.rules.verbs[lemma].takes
            for t in self._tokens_between(start, end)
        )

    def _attribute_before(self, group: QuoteGroup) -> Candidate | None:
        """``He added, "..."`` / ``X said: "..."`` / ``X: "..."``: a cue just before the mark."""
        start = group.start
        paragraph_start = self._paragraph_start(start)
        before = self.text[paragraph_start:start].rstrip()
        tokens = self._tokens_between(paragraph_start, start)
        if not before:
            return self._colon_previous_paragraph(group)
        if before[-1] not in ",:—–" and not before.endswith(("said", "says", "added", "wrote")):
            return None
        # the nearest cue verb in the last clause before the mark
        for token in reversed(tokens[-ATTRIBUTION_WINDOW_TOKENS:]):
            if token.text in (".", "!", "?", ";") and token.idx + 1 < start - 1:
                break
            if self.quoted.contains(token.idx):
                break
            if (lemma := self._cue_verb(token)) is not None:
                subject = _subject(token) or _inverted_subject(token)
                cue = self.rules.verbs[lemma]
                candidate = self._candidate(group.spans(), token, cue.cue_class, "cue-quote-before", subject)
                candidate.kind = "direct"
                return candidate
        if before.endswith(":"):
            return self._colon_cue(group, tokens)
        return None

    def _colon_cue(self, group: QuoteGroup, tokens: list[Token]) -> Candidate | None:
        """``Trump: "..."``: a name (or noun phrase) ending in a colon right before the quotation."""
        colon = tokens[-1] if tokens and tokens[-1].text == ":" else None
        if colon is None or colon.i == 0:
            return None
        head = self.doc[colon.i - 1]
        if head.pos_ not in ("PROPN", "NOUN", "PRON"):
            return None
        while head.dep_ in ("compound", "flat") and head.head.i > head.i and head.head.i < colon.i:
            head = head.head
        candidate = self._candidate(group.spans(), colon, "speech", "colon-quote", head)
        candidate.kind = "direct"
        candidate.cue_lemma = ":"
        return candidate

    def _colon_previous_paragraph(self, group: QuoteGroup) -> Candidate | None:
        """``The Times reports:`` closing the paragraph before a quotation paragraph."""
        previous_end = self._paragraph_start(group.start) - 1
        while previous_end > 0 and self.text[previous_end - 1].isspace():
            previous_end -= 1
        if previous_end <= 0 or self.text[previous_end - 1] != ":":
            return None
        tokens = self._tokens_between(self._paragraph_start(previous_end - 1), previous_end)
        for token in reversed(tokens):
            if (lemma := self._cue_verb(token)) is not None:
                subject = _subject(token) or _inverted_subject(token)
                candidate = self._candidate(
                    group.spans(),
                    token,
                    self.rules.verbs[lemma].cue_class,
                    "colon-quote",
                    subject,
                )
                candidate.kind = "direct"
                return candidate
        return None

    # -- quotations with no attribution of their own ---------------------------------

    def orphan_candidates(self, claimed: set[int], found: list[Candidate]) -> list[Candidate]:
        """Quotation paragraphs that continue the previous speaker, or stand unattributed."""
        result: list[Candidate] = []
        by_group = {g: c for c in found for g in c.quote_groups}
        for group in self.groups:
            if group.index in claimed:
                continue
            inner = inner_span(self.text, group.start, group.end)
            words = word_count(self.text, *inner)
            if words < MIN_QUOTATION_WORDS or group.pieces[0].single:
                continue  # scare quotes, titles and single-quoted phrases
            opens_paragraph = (
                self._paragraph_start(group.start) == group.start
                or not self.text[self._paragraph_start(group.start) : group.start].strip()
            )
            previous = self._previous_quotation(group, by_group)
            if opens_paragraph and self._words_after(group):
                previous = None  # '"...," Bennett shot back': the paragraph names its own speaker
            if opens_paragraph and previous is not None:
                candidate = replace(previous, content=group.spans(), quote_groups=[group.index])
                candidate.rule = "continuation"
                candidate.kind = "direct"
                candidate.inherited = True
                result.append(candidate)
                by_group[group.index] = candidate
            elif opens_paragraph and (named := self._person_before(group)) is not None:
                candidate = self._candidate(group.spans(), named.head, "speech", "previous-sentence", named)
                candidate.kind, candidate.quote_groups, candidate.cue, candidate.cue_lemma = (
                    "direct",
                    [group.index],
                    [],
                    "",
                )
                result.append(candidate)
                by_group[group.index] = candidate
            elif words >= MIN_UNATTRIBUTED_WORDS and opens_paragraph:
                candidate = Candidate(
                    group.spans(), "direct", [], "", "speech", "unattributed", quote_groups=[group.index]
                )
                result.append(candidate)
                by_group[group.index] = candidate
        return result

    def _words_after(self, group: QuoteGroup) -> bool:
        """Whether words follow the quotation in its paragraph (its own attribution, usually)."""
        end = self._paragraph_end(group.end)
        return word_count(self.text, group.end, end) > 0

    def _person_before(self, group: QuoteGroup) -> Token | None:
        """The named person who is the subject of the sentence just before a quotation
        paragraph (``Coach Dana Miles was asked about the loss.``), if that sentence has no
        quotation of its own."""
        paragraph_start = self._paragraph_start(group.start)
        tokens = [
            t for t in self._tokens_between(max(0, paragraph_start - 400), paragraph_start) if not t.is_space
        ]
        if not tokens:
            return None
        sentence = tokens[-1].sent
        if any(self.quoted.contains(t.idx) for t in sentence):
            return None
        words = [t for t in sentence if not (t.is_punct or t.is_space)]
        if 0 < len(words) <= MAX_NAME_LINE_WORDS and all(
            t.pos_ == "PROPN" or t.ent_type_ == "PERSON" for t in words
        ):
            return words[-1]  # a line holding only a name, as in lists of reactions
        subject = next((t for t in sentence.root.children if t.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or subject.ent_type_ != "PERSON":
            return None
        return subject

    def _previous_quotation(self, group: QuoteGroup, by_group: dict[int, Candidate]) -> Candidate | None:
        """The quotation that ends in the paragraph just before this group, if any."""
        previous_paragraph_end = self._paragraph_start(group.start) - 1
        if previous_paragraph_end <= 0:
            return None
        previous_start = self._paragraph_start(previous_paragraph_end - 1)
        while previous_start > 0 and not self.text[previous_start:previous_paragraph_end].strip():
            previous_paragraph_end = previous_start - 1
            previous_start = self._paragraph_start(max(0, previous_paragraph_end - 1))
        for other in reversed(self.groups[: group.index]):
            if other.end < previous_start:
                break
            candidate = by_group.get(other.index)
            if candidate is not None and candidate.kind == "direct" and candidate.speaker is not None:
                return candidate
        return None


def _nested(inner: Candidate, outer: Candidate) -> bool:
    """Whether ``inner`` is an attribution reported inside ``outer``'s content (its cue and
    content both lie within it) and neither claims the other's quotation marks."""
    if (
        inner.cue_class != "speech"
        or inner.rule != "cue-clause"
        or not outer.cue
        or set(inner.quote_groups) & set(outer.quote_groups)
    ):
        return False
    cue_start = inner.cue[0][0]
    within = any(s <= cue_start < e for s, e in outer.content)
    covered = all(any(s <= a and b <= e for s, e in outer.content) for a, b in inner.content)
    return within and covered and inner.content != outer.content


def _deduplicate(candidates: list[Candidate]) -> list[Candidate]:
    """Keep one candidate per stretch of content: the more specific, the earlier found."""
    priority = {
        "cue-quote-after": 0,
        "cue-quote-before": 1,
        "colon-quote": 2,
        "cue-clause": 3,
        "according-to": 4,
        "cue-parenthetical": 4,
        "cue-object": 5,
        "cue-noun": 6,
        "cue-intent": 7,
        "cue-evidential": 7,
        "cue-adjective": 7,
        "continuation": 8,
        "unattributed": 9,
    }
    kept: list[Candidate] = []
    by_block: dict[int, list[Candidate]] = {}  # kept candidates by the blocks of text they cover
    for candidate in sorted(candidates, key=lambda c: (priority.get(c.rule, 10), c.start)):
        blocks = _blocks(candidate)
        nearby = {id(o): o for block in blocks for o in by_block.get(block, ())}.values()
        if not any(_clashes(candidate, other) for other in nearby):
            kept.append(candidate)
            for block in blocks:
                by_block.setdefault(block, []).append(candidate)
    return sorted(kept, key=lambda c: c.start)


DEDUP_BLOCK_CHARS = 2000


def _blocks(candidate: Candidate) -> range:
    start = min(s for s, _ in candidate.content)
    end = max(e for _, e in candidate.content)
    return range(start // DEDUP_BLOCK_CHARS, end // DEDUP_BLOCK_CHARS + 1)


def _clashes(candidate: Candidate, other: Candidate) -> bool:
    """Whether two candidates claim the same content or quotation (nesting is allowed)."""
    if _nested(candidate, other) or _nested(other, candidate):
        return False  # "X said she believes ...": PolNeAR-style nested attributions both count
    length = sum(e - s for s, e in candidate.content)
    shared = sum(_overlap(a, b) for a in candidate.content for b in other.content)
    return shared * 2 >= length or bool(set(candidate.quote_groups) & set(other.quote_groups))


def find_candidates(text: str, doc: Doc, rules: CueRules) -> list[Candidate]:
    """Every quotation candidate in one parsed article, de-duplicated, in text order."""
    finder = Finder(text, doc, rules)
    cues = finder.merge_quotes(finder.cue_candidates())
    claimed = {g for c in cues for g in c.quote_groups}
    adjacent = finder.adjacent_candidates(claimed)
    claimed |= {g for c in adjacent for g in c.quote_groups}
    kept = _deduplicate(cues + adjacent)
    claimed = {g for c in kept for g in c.quote_groups}
    orphans = finder.orphan_candidates(claimed, kept)
    return _deduplicate(kept + orphans)


def to_quotation(text: str, candidate: Candidate, **fields: object) -> Quotation:
    """Freeze a candidate (with its resolved speaker fields) into a Quotation record."""
    content = tuple(sorted((s, e) for s, e in candidate.content if e > s))
    speaker = (candidate.speaker,) if candidate.speaker else ()
    return Quotation(
        kind=candidate.kind,  # type: ignore[arg-type]
        content=content,
        text=quotation_text(text, content),
        speaker=speaker,
        speaker_text=quotation_text(text, speaker),
        cue=tuple(candidate.cue),
        cue_text=quotation_text(text, tuple(candidate.cue)),
        cue_lemma=candidate.cue_lemma,
        cue_class=candidate.cue_class,  # type: ignore[arg-type]
        rule=candidate.rule,
        inherited=candidate.inherited,
        **fields,  # type: ignore[arg-type]
    )
