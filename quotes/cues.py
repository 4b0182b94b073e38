"""Attribution cues and mention words: the records the rules in ``rules/cues.yaml``,
``rules/mentions.yaml`` and ``rules/attribution.yaml`` are read into (:mod:`quotes.cue_files`
reads them)."""

from __future__ import annotations

from dataclasses import dataclass, field

from quotes.speakers.words import SpeakerWords

CUE_CLASSES = ("speech", "cognition", "evidence")
CONTENT_LINKS = ("ccomp", "xcomp", "dobj", "quote")


@dataclass(frozen=True)
class VerbCue:
    """How one cue verb lemma behaves: its class and the ways content attaches to it."""

    lemma: str
    cue_class: str
    takes: frozenset[str]


@dataclass(frozen=True)
class AttributionRule:
    """An attribution rule's id, its prior confidence, what it means and its rank when two
    candidates claim the same content (a lower priority wins)."""

    id: str
    confidence: float
    description: str
    priority: int = 0
    line: int | None = None


@dataclass(frozen=True)
class Phrase:
    """A fixed phrase that names a source: ``in the words of X, ...``."""

    id: str
    cue_class: str
    words: tuple[str, ...]


@dataclass(frozen=True)
class AttributionWords:
    """Function words and entity labels the attribution rules consult (``cues.yaml: words``)."""

    message_prepositions: frozenset[str] = frozenset()  # "called for a recount", "accused X of lying"
    topic_prepositions: frozenset[str] = frozenset()  # "talked about immigration": the object alone
    place_time_entities: frozenset[str] = frozenset()  # "on Thursday", "in Ohio": not a message
    name_entities: frozenset[str] = frozenset()  # '"..." - Esther Tapia': a name closing a line
    speaker_pronouns: frozenset[str] = frozenset()  # '"...," she notes'
    impersonal_subjects: frozenset[str] = frozenset()  # "it is clear that ...": no source
    bare_cue_forms: tuple[str, ...] = ()  # 'He said "..."': a cue with no comma before the mark
    evidence_verbs: frozenset[str] = frozenset()  # speech verbs that report evidence with a subject
    non_message_entities: frozenset[str] = frozenset()  # "raised $2 million": an amount, not a message
    non_message_heads: frozenset[str] = frozenset()  # "spoke on condition of anonymity"
    as_object_lemmas: frozenset[str] = frozenset()  # "sees him as a threat", not "saw growth"
    teaser_prefixes: frozenset[str] = frozenset()  # "READ MORE: ...": a link, not the article
    sourceless_subjects: frozenset[str] = frozenset()  # "no one knows": a subject that holds no belief
    circumstance_prepositions: frozenset[str] = frozenset()  # "praised X after the event": not the message
    contrast_conjunctions: frozenset[str] = frozenset()  # "..., while X ...": closes the report
    answer_words: frozenset[str] = frozenset()  # "75 percent said yes": the answer is the message
    in_sources: frozenset[str] = frozenset()  # "In a CBS News poll, X leads": the poll is the source
    topic_verbs: frozenset[str] = frozenset()  # "speak about": the only way that verb takes a message
    reaction_verbs: frozenset[str] = frozenset()  # "faced accusations that ...": not the subject's claim
    refusal_verbs: frozenset[str] = frozenset()  # "declined to say whether ...": a negated report
    deferral_verbs: frozenset[str] = frozenset()  # "said it would comment later": no message


@dataclass(frozen=True)
class Pronoun:
    word: str
    gender: str  # male, female, any, none
    number: str  # singular, plural, any
    relative: bool
    first_person: bool


@dataclass(frozen=True)
class CueRules:
    """Cue verbs, cue nouns, fixed source phrases and mention words."""

    verbs: dict[str, VerbCue]
    nouns: dict[str, str]  # lemma -> class
    phrases: tuple[Phrase, ...]
    evidence_subjects: frozenset[str]
    pronouns: dict[str, Pronoun]
    honorifics: dict[str, str]  # lower-case honorific -> gender
    title_groups: dict[str, int]  # title word or phrase -> group number
    organisation_words: frozenset[str]
    attribution_rules: tuple[AttributionRule, ...] = ()
    verb_forms: dict[str, str] = field(default_factory=dict)  # regular inflection -> cue lemma
    evidentials: frozenset[str] = frozenset()  # "X seems to ...": the clause is an appearance, no source
    adjectives: dict[str, str] = field(default_factory=dict)  # "X is confident that ...": lemma -> class
    words: AttributionWords = AttributionWords()
    speakers: SpeakerWords = field(default_factory=SpeakerWords)  # first names, organisation kinds, ...

    def __hash__(self) -> int:
        return hash((tuple(sorted(self.verbs)), tuple(sorted(self.nouns)), self.phrases))

    def verb_lemma(self, lemma: str, surface: str) -> str | None:
        """The cue lemma of a verb token, from its lemma or, where the lemmatizer slipped
        (``hoping`` -> ``hop``), from its written form; None when it is no cue."""
        lemma = lemma.lower()
        if lemma in self.verbs:
            return lemma
        return self.verb_forms.get(surface.lower())

    def cue_words(self) -> frozenset[str]:
        """Every surface-independent lemma that can start a cue (for cheap prefiltering)."""
        return frozenset(self.verbs) | frozenset(self.nouns) | {p.words[0] for p in self.phrases}
