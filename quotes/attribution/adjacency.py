"""Quotations no cue claimed, attributed by what stands right next to their marks:
``"...," he said`` / ``"...," said X`` (cue-quote-after), ``He added, "..."``
(cue-quote-before), ``"..." ― Name`` (dash-quote) and ``X: "..."`` (colon-quote).

A quotation split by its attribution (``"A," he said. "B."``) is one quotation: the second
piece joins the first one's candidate (:func:`absorb_split`).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from quotes.attribution.candidate import Candidate, QuoteGroup
from quotes.attribution.context import ArticleContext
from quotes.attribution.syntax import nominal_before, source_of, subject_from, token_span
from quotes.text.spans import has_sentence_break, word_count

RULE_IDS = ("cue-quote-after", "cue-quote-before", "dash-quote", "colon-quote")
ATTRIBUTION_WINDOW_TOKENS = 14
ATTRIBUTION_AFTER_WINDOW_TOKENS = 24  # '"...," Eric Woolson, an Iowa strategist and ..., said'
MAX_SPLIT_GAP_WORDS = 45
MAX_NAME_LINE_WORDS = 6
COLON_PRONOUNS = ("he", "she", "they", "i", "we")
DASHES = ("—", "―", "–", "--")
HEADLINE_DASHES = ("-", *DASHES)
RESPONSE_VERBS = ("be", "come")  # '"No," was the reply of X', '"No," came the reply from X'


def adjacent_candidates(context: ArticleContext, claimed: set[int]) -> Iterator[Candidate]:
    """A candidate for each unclaimed quotation with an attribution right after or before it."""
    for group in context.groups:
        if group.index in claimed:
            continue
        candidate = (
            _attribute_after(context, group)
            or _attribute_before(context, group)
            or _name_line_after(context, group)
        )
        if candidate is not None:
            candidate.quote_groups = [group.index]
            yield candidate


def absorb_split(context: ArticleContext, candidate: Candidate, end: int, cue: Token) -> None:
    """``"A," he said. "B."``: take B when only the attribution (after ``end``, where A ends)
    stands between A and B. When B opens a sentence of its own, the attribution may run on
    (``"A," Clark said, noting he would back any nominee. "B."``): a cue inside it reports A's
    circumstances, not B; but B followed by an attribution of its own is that one's."""
    following = context.next_group(end)
    if following >= len(context.groups):
        return
    other = context.groups[following]
    between = context.text[end : other.start]
    if "\n" in between or other.start < cue.idx or not context.starts_clause(other.start):
        return
    if word_count(context.text, end, other.start) > MAX_SPLIT_GAP_WORDS or has_sentence_break(between):
        return
    new_sentence = between.rstrip().endswith((".", "!", "?"))
    if not new_sentence and any(
        t.i != cue.i and context.quote_verb(t) is not None
        for t in context.tokens_between(end, other.start)
    ):
        return  # another cue introduces B
    if new_sentence and _attributed_after(context, other):
        return
    candidate.content.extend(other.spans())
    candidate.quote_groups.append(other.index)


def _attributed_after(context: ArticleContext, group: QuoteGroup) -> bool:
    """Whether a cue verb follows ``group`` in its sentence (``"B," Smith added``)."""
    limit = context.paragraph_end(group.end)
    following = context.next_group(group.end)
    if following < len(context.groups):
        limit = min(limit, context.groups[following].start)
    for token in context.tokens_between(group.end, limit)[:ATTRIBUTION_AFTER_WINDOW_TOKENS]:
        if token.text in (".", "!", "?"):
            return False
        if context.cue_verb(token) is not None:
            return True
    return False


def _attribute_after(context: ArticleContext, group: QuoteGroup) -> Candidate | None:
    """``"...," he said`` / ``"...," said X``: a cue just after the closing mark."""
    if not context.starts_clause(group.start):
        return None  # a quoted fragment inside a sentence ('He called it "smart," she said')
    end = group.end
    limit = context.paragraph_end(end)
    following = context.next_group(end)
    next_quote = context.group_starts[following] if following < len(context.groups) else limit
    window = context.tokens_between(end, min(limit, next_quote))[:ATTRIBUTION_AFTER_WINDOW_TOKENS]
    first = window[0] if window else None
    dash = _dash_after(context, end)
    if dash is not None:
        return _dash_signature(context, group, dash, [t for t in window if t.i > dash.i])
    if first is None or (first.is_sent_start and first.text[:1].isupper() and first.idx > end + 2):
        return None
    for token in window:
        if token.text in (".", "!", "?") and token.i > window[0].i:
            break
        if (lemma := context.cue_verb(token)) is not None:
            source = source_of(token)
            if source is not None and context.quoted.contains(source.idx):
                source = subject_from(token, window[0].i)  # not a noun inside the quotation
            if source is None or source.i < window[0].i:
                source = nominal_before(token)  # '" Tulsa police Chief Chuck Jordan said': misparsed
            if source is None or source.i < window[0].i:
                continue
            candidate = context.quoted_candidate(
                group, token, context.verb(lemma).cue_class, "cue-quote-after", source
            )
            absorb_split(context, candidate, group.end, token)
            return candidate
    return _name_then_cue_form(context, group, window) or _response_noun(context, group, window)


def _response_noun(context: ArticleContext, group: QuoteGroup, window: list[Token]) -> Candidate | None:
    """``"Not a chance," was the response of the team's captain``, ``"No," came the reply from
    the minister``, ``"...," was his verdict``: a copula (or ``came``) and a noun for an answer
    (``cues.yaml: words.response_nouns``) right after the closing mark; the speaker is the noun's
    possessor or the object of its ``of``/``from``."""
    words = [t for t in window if not (t.is_punct or t.is_space)]
    if len(words) < 2 or words[0].lemma_.lower() not in RESPONSE_VERBS:
        return None
    noun = next((t for t in words[1:4] if t.pos_ == "NOUN"), None)
    if noun is None or noun.lemma_.lower() not in context.words.response_nouns:
        return None
    source = next((c for c in noun.children if c.dep_ == "poss"), None)
    if source is None:
        prep = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("of", "from")), None)
        source = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    if source is None:
        return None
    return context.quoted_candidate(group, noun, "speech", "cue-quote-after", source)


def _name_then_cue_form(context: ArticleContext, group: QuoteGroup, window: list[Token]) -> Candidate | None:
    """``"...," Viguerie notes.``: a name or pronoun, then a cue verb's written form the
    tagger took for a noun, right after the closing mark."""
    words = [t for t in window if not (t.is_punct or t.is_space)]
    names: list[Token] = []
    for token in words:
        if token.pos_ == "PROPN" and token.text[:1].isupper():
            names.append(token)
        elif not names and token.lower_ in context.words.speaker_pronouns:
            names.append(token)
            break
        else:
            break
    if not names or len(names) >= len(words) or len(names) > MAX_NAME_LINE_WORDS:
        return None
    cue = words[len(names)]
    rules = context.rules
    lemma = rules.verb_forms.get(cue.lower_) or (cue.lower_ if cue.lower_ in rules.verbs else None)
    if lemma is None or "quote" not in rules.verbs[lemma].takes:
        return None
    candidate = context.quoted_candidate(
        group, cue, rules.verbs[lemma].cue_class, "cue-quote-after", names[-1]
    )
    candidate.speaker = token_span(names)
    candidate.cue_lemma = lemma
    return candidate


def _dash_after(context: ArticleContext, end: int) -> Token | None:
    """The dash right after a closing mark, across spaces (``”\u00a0― Name``), also where the
    tokenizer glued it to the mark (``”―``)."""
    text = context.text
    at = end
    while at < len(text) and text[at] in " \t\u00a0":
        at += 1
    if not any(text.startswith(dash, at) for dash in DASHES):
        return None
    found = context.doc.char_span(at, at + 1, alignment_mode="expand")
    return found[0] if found is not None and len(found) else None


def _dash_signature(
    context: ArticleContext, group: QuoteGroup, dash: Token, rest: list[Token]
) -> Candidate | None:
    """``"..." ― Esther Tapia``: a name after a dash closes the line, as in lists of reactions."""
    names = []
    for token in (t for t in rest if not t.is_space):
        if token.pos_ != "PROPN" and token.ent_type_ not in context.words.name_entities:
            break
        names.append(token)
    if not names or len(names) > MAX_NAME_LINE_WORDS:
        return None
    candidate = context.quoted_candidate(group, dash, "speech", "dash-quote", names[-1])
    candidate.speaker = token_span(names)
    candidate.cue_lemma = dash.text.lstrip("”\"'’")  # (not the closing mark glued to it)
    return candidate


def _name_line_after(context: ArticleContext, group: QuoteGroup) -> Candidate | None:
    """A quotation paragraph signed by a line holding only a name (``"..."`` / ``Elena Ruiz``),
    as in lists of reactions."""
    text = context.text
    start, end = context.paragraph_start(group.start), context.paragraph_end(group.end)
    if context.has_text(start, group.start) or context.has_text(group.end, end) or end >= len(text):
        return None
    line_end = context.paragraph_end(end + 1)
    words = [t for t in context.tokens_between(end + 1, line_end) if not (t.is_punct or t.is_space)]
    if not 0 < len(words) <= MAX_NAME_LINE_WORDS or context.quoted.contains(words[0].idx):
        return None
    if not all(t.pos_ == "PROPN" or t.ent_type_ == "PERSON" for t in words):
        return None
    candidate = context.quoted_candidate(group, words[-1], "speech", "dash-quote", words[-1])
    candidate.speaker = token_span(words)
    candidate.cue, candidate.cue_lemma = [], ""
    return candidate


def _attribute_before(context: ArticleContext, group: QuoteGroup) -> Candidate | None:
    """``He added, "..."`` / ``X said: "..."`` / ``X: "..."``: a cue just before the mark."""
    start = group.start
    paragraph_start = context.paragraph_start(start)
    before = context.text_end(paragraph_start, start)  # the paragraph before the mark, its end
    # only the last tokens count: bounded, however long the paragraph (an article on one line)
    tokens = context.last_tokens(paragraph_start, start, ATTRIBUTION_WINDOW_TOKENS)
    if before == paragraph_start:
        return _colon_previous_paragraph(context, group)
    text = context.text
    bare_cue = text.endswith(context.words.bare_cue_forms, paragraph_start, before)
    if text[before - 1] not in ",:—–" and not bare_cue:
        return None
    # the nearest cue verb in the last clause before the mark
    for token in reversed(tokens[-ATTRIBUTION_WINDOW_TOKENS:]):
        if token.text in (".", "!", "?", ";") and token.idx + 1 < start - 1:
            break
        if context.quoted.contains(token.idx):
            break
        if (lemma := context.cue_verb(token)) is not None:
            return context.quoted_candidate(
                group, token, context.verb(lemma).cue_class, "cue-quote-before", source_of(token)
            )
    if text[before - 1] == ":":
        return _colon_cue(context, group, tokens) or _colon_clause(context, group, tokens)
    return None


def _colon_cue(context: ArticleContext, group: QuoteGroup, tokens: list[Token]) -> Candidate | None:
    """``Trump: "..."``: a name (or noun phrase) ending in a colon right before the quotation."""
    colon = tokens[-1] if tokens and tokens[-1].text == ":" else None
    if colon is None or colon.i == 0:
        return None
    head = context.doc[colon.i - 1]
    if head.pos_ not in ("PROPN", "NOUN", "PRON"):
        return None
    while head.dep_ in ("compound", "flat") and head.head.i > head.i and head.head.i < colon.i:
        head = head.head
    if _is_byline(head):
        return None
    source = _clause_subject(head)
    if source is None and head.ent_type_ in context.words.place_time_entities:
        return None  # ('Sunday: "Movies in the Park" returns ...': a listing, not a speaker)
    candidate = context.quoted_candidate(group, colon, "speech", "colon-quote", source or head)
    candidate.cue_lemma = ":"
    return candidate


def _is_byline(noun: Token) -> bool:
    """``"Headline," by Times' Ben Sisario: "..."``: a link round-up quotes the article's opening,
    not its writer's statement (polnear-train: 8 such colon-quotes, none annotated)."""
    by = noun.head
    return (
        noun.dep_ == "pobj" and by.lower_ == "by" and by.i > 0 and by.doc[by.i - 1].is_punct
    )


def _clause_subject(noun: Token) -> Token | None:
    """``Sanders delivered a snappy retort:``, ``As John Cornyn put it:``: a noun before a colon
    that is the object of a verb with a subject of its own is not the speaker; that subject is."""
    verb = noun.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if noun.dep_ in ("nsubj", "nsubjpass", "ROOT") or verb.pos_ not in ("VERB", "AUX"):
        return None
    found = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < noun.i), None)
    if found is not None and any(t.text in HEADLINE_DASHES for t in noun.doc[found.i : noun.i]):
        return None  # "RED STATES OUTNUMBER BLUE STATES - Jeffrey M. Jones:": a headline, then the writer
    return found


def _colon_clause(context: ArticleContext, group: QuoteGroup, tokens: list[Token]) -> Candidate | None:
    """``Kasich resisted: "..."``, ``X was more blunt: "..."``: a clause whose subject is a person
    or pronoun ends in a colon right before the quotation; its verb stands as the cue."""
    colon = tokens[-1] if tokens and tokens[-1].text == ":" else None
    if colon is None or colon.i == 0:
        return None
    root = source = None
    for token in reversed(tokens[-ATTRIBUTION_WINDOW_TOKENS:-1]):
        if token.text in (".", "!", "?", ";") or context.quoted.contains(token.idx):
            break
        subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < token.i]
        if token.pos_ in ("VERB", "AUX") and subjects:
            root, source = token, subjects[0]
            break
    if root is None or source is None:
        return None
    named = source.pos_ == "PROPN" or source.ent_type_ in ("PERSON", "ORG")
    if not (named or source.lower_ in COLON_PRONOUNS):
        return None
    candidate = context.quoted_candidate(group, root, "speech", "colon-quote", source)
    candidate.cue_lemma = root.lemma_.lower()
    return candidate


def _colon_previous_paragraph(context: ArticleContext, group: QuoteGroup) -> Candidate | None:
    """``The Times reports:`` closing the paragraph before a quotation paragraph."""
    text = context.text
    previous_end = context.paragraph_start(group.start) - 1
    while previous_end > 0 and text[previous_end - 1].isspace():
        previous_end -= 1
    if previous_end <= 0 or text[previous_end - 1] != ":":
        return None
    for token in reversed(context.tokens_between(context.paragraph_start(previous_end - 1), previous_end)):
        if (lemma := context.cue_verb(token)) is not None:
            return context.quoted_candidate(
                group, token, context.verb(lemma).cue_class, "colon-quote", source_of(token)
            )
    return None
