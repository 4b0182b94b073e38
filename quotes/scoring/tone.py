"""Tone of a quotation: VADER with news rules, certainty from hedges and boosters, and hype.

VADER (Hutto & Gilbert 2014) scores each sentence with its lexicon extended and corrected by
``rules/tone/*.yaml`` (news and editorial valence words, overrides); then the negation rules
(negators, contrast, degree adverbs, "too", ending harm) and the direction rules ("unemployment
fell" is good news, "wages fell" bad) adjust its per-word valences, and the combination rules
(negativity bias, sentence length) weight them before VADER sums and normalises them. Sentence
scores are averaged, as VADER advises for longer texts; abbreviations ("Mr.", "U.S.") do not end
a sentence. Hedges and boosters are Hyland's (2005) metadiscourse categories; hype
counts extreme case formulations (Pomerantz 1986) and promotional superlatives.

The rules are loaded by :mod:`quotes.rules.tone`; the phrase lexicons they use are
:mod:`quotes.rules.lexicon`.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence

from vaderSentiment.vaderSentiment import BOOSTER_DICT, N_SCALAR, NEGATE, SentiText

from quotes.records import Evidence, Span, Tone
from quotes.rules.lexicon import PhraseLexicon
from quotes.rules.tone import TONE_DIR, CombineRules, ToneRules
from quotes.text.spans import ABBREVIATIONS

LABEL_THRESHOLD = 0.05

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])|\n\s*\n")
_WORD = re.compile(r"\w+")
_ABBREVIATION = re.compile(r"(?:^|(?<=[\s(\"'“‘]))(?:(?:[A-Za-z]\.)+|([A-Za-z]+)\.)$")
_CLAUSE_START = re.compile(r"(?:^|[,;:—–(]|\s-)\s*$")
_CLAUSE_BREAK = re.compile(r"[,;:—–()]|\s-{1,2}\s")
_CONCESSION_END = re.compile(r"[,;:—–]|\s-{1,2}\s")
_NON_SPACE = re.compile(r"\S+")


# --- phrase lexicons (shared with framing) ---------------------------------------------------


def sentences(text: str, start: int, end: int) -> Iterator[Span]:
    """Sentence spans inside ``text[start:end]``, trimmed of surrounding whitespace."""
    cursor = start
    for match in _SENTENCE_END.finditer(text, start, end):
        if text[match.start() - 1] == ".":  # the match starts right after the full stop
            abbreviation = _ABBREVIATION.search(text, max(cursor, match.start() - 12), match.start())
            if abbreviation and (abbreviation.group(1) is None
                                 or abbreviation.group(1).lower() in ABBREVIATIONS):
                continue
        yield from _trimmed(text, cursor, match.start())
        cursor = match.end()
    yield from _trimmed(text, cursor, end)


def _trimmed(text: str, start: int, end: int) -> Iterator[Span]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        yield (start, end)


def clean_spans(text: str, spans: Sequence[Span] | None) -> list[Span]:
    """Spans clipped to the text, empty ones dropped, sorted; None means the whole text."""
    if spans is None:
        return [(0, len(text))] if text else []
    out = {(max(0, s), min(len(text), e)) for s, e in spans}
    return sorted((s, e) for s, e in out if e > s)


def score_tone(text: str, spans: Sequence[Span], rules: ToneRules) -> Tone:
    """The tone of ``text`` inside ``spans``: per-sentence VADER with news rules, averaged."""
    pieces = clean_spans(text, spans)
    scored = [result for start, end in pieces for s, e in sentences(text, start, end)
              if (result := _score_sentence(text, s, e, rules)) is not None]
    evidence: list[Evidence] = [ev for s in scored for ev in s[4]]
    if scored:
        compound, pos, neu, neg = (round(sum(s[i] for s in scored) / len(scored), 4) for i in range(4))
    else:
        compound, pos, neu, neg = 0.0, 0.0, 0.0, 0.0
    hedges = _phrase_evidence(rules.hedges, text, pieces)
    boosters = _phrase_evidence(rules.boosters, text, pieces)
    hedges, boosters = _drop_overlapped(hedges, boosters), _drop_overlapped(boosters, hedges)
    hype = _phrase_evidence(rules.hype, text, pieces)
    n_words = sum(len(_WORD.findall(text, s, e)) for s, e in pieces)
    h, b = sum(ev.weight for ev in hedges), sum(ev.weight for ev in boosters)
    certainty = round((b - h) / (b + h), 4) if b + h else 0.0
    hype_rate = round(100.0 * sum(ev.weight for ev in hype) / n_words, 4) if n_words else 0.0
    label = ("positive" if compound >= LABEL_THRESHOLD
             else "negative" if compound <= -LABEL_THRESHOLD else "neutral")
    evidence.extend(sorted([*hedges, *boosters, *hype], key=lambda ev: ev.span))
    return Tone(compound, label, pos, neu, neg, certainty, hype_rate, tuple(evidence))


def _phrase_evidence(lexicon: PhraseLexicon, text: str, pieces: Iterable[Span]) -> list[Evidence]:
    return [Evidence(entry.source, entry.entry, (s, e), text[s:e], entry.weight, entry.note)
            for start, end in pieces for entry, s, e in lexicon.finditer(text, start, end)]


def _drop_overlapped(items: list[Evidence], longer: list[Evidence]) -> list[Evidence]:
    """Items not inside a longer match of another lexicon ("sure" inside "not sure")."""
    return [ev for ev in items if not any(o.span[0] <= ev.span[0] and ev.span[1] <= o.span[1]
                                          and o.span != ev.span for o in longer)]


def _tokens(text: str, start: int, end: int) -> tuple[list[str], list[Span]]:
    """VADER's tokens of ``text[start:end]`` (whitespace split, punctuation stripped) and their spans."""
    words, spans = [], []
    for match in _NON_SPACE.finditer(text, start, end):
        raw = match.group()
        word = SentiText._strip_punc_if_word(raw)
        offset = match.start() + raw.find(word)
        words.append(word)
        spans.append((offset, offset + len(word)))
    return words, spans


def _score_sentence(text: str, start: int, end: int,
                    rules: ToneRules) -> tuple[float, float, float, float, list[Evidence]] | None:
    """VADER on one sentence, with the negation and direction rules applied to its per-word
    valences and the combination rules to their sum."""
    words, spans = _tokens(text, start, end)
    if not words:
        return None
    analyzer = rules.analyzer
    sentitext = SentiText(" ".join(words))
    valences: list[float] = []
    for i, word in enumerate(sentitext.words_and_emoticons):
        lower = word.lower()
        if lower in BOOSTER_DICT or (lower == "kind" and i + 1 < len(words) and words[i + 1].lower() == "of"):
            valences.append(0.0)
            continue
        valences = analyzer.sentiment_valence(0.0, sentitext, word, i, valences)
    valences = analyzer._but_check(sentitext.words_and_emoticons, valences)
    extra: list[float] = []
    evidence = _apply_names(text, start, spans, valences, rules)
    evidence += _apply_negation(text, start, end, spans, valences, extra, rules)
    evidence += _apply_direction(text, start, end, spans, valences, extra, rules)
    sentence = text[start:end]
    combined, notes = _combine(valences + extra, len(words), rules.combine)
    scores = analyzer.score_valence(combined, sentence)
    for i, (word, span) in enumerate(zip(words, spans, strict=True)):
        lower = word.lower()
        source, entry = rules.word_source.get(lower, ("tone/vader", lower))
        if valences[i] or source != "tone/vader":
            evidence.append(Evidence(source, entry, span, text[span[0]:span[1]], round(valences[i], 4),
                                     "valence after VADER's rules, tone/negation and tone/direction"))
    evidence.extend(Evidence(f"{TONE_DIR}/combine", rule_id, (start, end), sentence, weight, note)
                    for rule_id, weight, note in notes)
    evidence.sort(key=lambda ev: ev.span)
    return scores["compound"], scores["pos"], scores["neu"], scores["neg"], evidence


def _combine(valences: list[float], n_words: int,
             combine: CombineRules) -> tuple[list[float], list[tuple[str, float, str]]]:
    """Weight negative valences and scale all by sentence length; the rules that changed anything."""
    notes = []
    weight = combine.negative_weight
    if weight != 1.0 and any(v < 0 for v in valences):
        valences = [v * weight if v < 0 else v for v in valences]
        notes.append(("negativity", weight, combine.note("negativity")))
    if combine.length_reference and any(valences):
        scale = round(math.sqrt(combine.length_reference / n_words), 4)
        if scale != 1.0:
            valences = [v * scale for v in valences]
            notes.append(("length", scale, f"{n_words} words; {combine.note('length')}"))
    return valences, notes


def _apply_direction(text: str, start: int, end: int, spans: list[Span], valences: list[float],
                     extra: list[float], rules: ToneRules) -> list[Evidence]:
    """Compose movement words with the quantity that moves: "unemployment fell", "a rise in crime",
    "higher wages". The pair's words lose their own valence and the pair adds sign x sign x valence."""
    direction = rules.direction
    if not direction.valence:
        return []
    found = list(direction.words.finditer(text, start, end))
    if len(found) < 2:
        return []
    starts = [s for s, _ in spans]

    def word_at(offset: int) -> int:  # the index of VADER's token holding ``offset``
        return bisect_right(starts, offset) - 1

    movers, things = [], []
    for entry, s, e in found:
        if text[s - 1:s] == "-" or text[e:e + 1] == "-":
            continue  # part of a compound ("low-income", "high-rise"), not a movement
        (things if entry.key == "quantity" else movers).append((entry, s, e, word_at(s), word_at(e - 1)))
    evidence = []
    used: set[int] = set()
    for mover, ms, me, mfirst, mlast in movers:
        best = None
        for k, (_, ts, te, tfirst, tlast) in enumerate(things):
            if k in used or (ts < ms and mover.key == "level"):
                continue
            gap, limit, lo, hi = ((mfirst - tlast, direction.after, te, ms) if ts < ms
                                  else (tfirst - mlast, direction.before, me, ts))
            closer = 0 < gap <= limit and (best is None or gap < best[0])
            if closer and not _CLAUSE_BREAK.search(text, lo, hi):
                best = (gap, k)
        if best is None:
            continue
        k = best[1]
        used.add(k)
        thing, ts, te, tfirst, tlast = things[k]
        for i in (*range(mfirst, mlast + 1), *range(tfirst, tlast + 1)):
            valences[i] = 0.0
        value = mover.weight * thing.weight * direction.valence
        extra.append(value)
        s, e = min(ms, ts), max(me, te)
        note = f"{thing.entry} ({thing.note}) x {mover.entry} ({mover.note})"
        entry = f"{thing.entry} x {mover.entry}"
        evidence.append(Evidence(mover.source, entry, (s, e), text[s:e], value, note))
    return evidence


def _apply_names(text: str, start: int, spans: list[Span], valences: list[float],
                 rules: ToneRules) -> list[Evidence]:
    """Scale the valence of capitalised words inside the sentence (names) by the names rule."""
    evidence = []
    for rule in (r for r in rules.negation_rules if r.kind == "names"):
        for i, (s, e) in enumerate(spans):
            word = text[s:e]
            if (i == 0 or not valences[i] or not word[:1].isupper() or word.isupper()
                    or text[s - 1] in "\"'“‘(" or text[spans[i - 1][1]:s].strip(" ")[:1] in (":", ".")):
                continue
            valences[i] *= rule.factor
            note = f"{rule.id} ({rule.kind}): a capitalised word inside a sentence is a name"
            evidence.append(Evidence(f"{TONE_DIR}/negation", rule.id, (s, e), word, rule.factor, note))
    return evidence


def _apply_negation(text: str, start: int, end: int, spans: list[Span], valences: list[float],
                    extra: list[float], rules: ToneRules) -> list[Evidence]:
    """Apply the negation rules in place; the evidence of each rule that changed something."""
    evidence = []
    starts = [sp[0] for sp in spans]
    for entry, s, e in rules.negation.finditer(text, start, end):
        rule = rules.rule(entry.key)
        changed = False
        if rule.kind in ("flip", "unflip", "intensify"):
            first = bisect_left(starts, e)
            after = range(first, min(first + rule.window, len(spans)))
            wanted = [i for i in after if valences[i] and (
                rule.targets == "any" or (valences[i] < 0) == (rule.targets == "negative"))]
            if rule.scope == "clause":
                stop = _CLAUSE_BREAK.search(text, e, end)
                targets = [i for i in wanted if stop is None or spans[i][0] < stop.start()]
            else:
                targets = wanted[:1]
            if targets and rule.kind == "intensify":
                for i, sp in enumerate(spans):  # the adverb's own valence ("terribly") is degree only
                    if s <= sp[0] and sp[1] <= e:
                        valences[i] = 0.0
            for target in targets:
                valences[target] *= rule.factor
                e, changed = spans[target][1], True
        elif rule.kind == "phrase":
            if rule.replace:
                for i, sp in enumerate(spans):
                    if s <= sp[0] and sp[1] <= e:
                        valences[i] = 0.0
            extra.append(rule.valence)
            changed = True
        else:  # concession or contrast
            if rule.kind == "concession" and text[s:e].lower() in NEGATE:
                changed = _undo_vader_negation(bisect_left(starts, e), valences)
            if _CLAUSE_START.search(text, start, s) or s == start:
                if rule.kind == "concession":
                    stop = _CONCESSION_END.search(text, e, end)
                    clause_end = stop.start() if stop else end
                    for i, sp in enumerate(spans):
                        if s <= sp[0] < clause_end:
                            valences[i] *= rule.factor
                else:
                    for i, sp in enumerate(spans):
                        valences[i] *= rule.before if sp[1] <= s else rule.after if sp[0] >= e else 1.0
                changed = True
        if changed:
            evidence.append(Evidence(entry.source, entry.entry, (s, e), text[s:e],
                                     rule.valence or rule.factor, f"{rule.id} ({rule.kind}): {entry.note}"))
    return evidence


def _undo_vader_negation(first: int, valences: list[float]) -> bool:
    """Undo VADER's flip of the three words from ``first``: it counts "despite" as a negator, but a
    concession grants a fact rather than denies it ("despite his felony conviction")."""
    window = range(first, min(first + 3, len(valences)))
    for i in window:
        valences[i] /= N_SCALAR
    return any(valences[i] for i in window)
