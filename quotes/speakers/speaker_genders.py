"""Each quotation's speaker gender, from the article's evidence once every speaker is resolved.

:class:`GenderEvidence` ties the article's other "he" and "she" to the people they take up,
gathers each speaker's cues (pronouns, honorifics, gendered nouns) and lets
:func:`quotes.speakers.gender.article_genders` decide: the text first, else a declaration in
``rules/speakers.yaml``, else the first name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from quotes.speakers.gender import SpeakerEvidence, SpeakerGender, add_cue, article_genders, pronoun_cues
from quotes.speakers.name_spans import PLACE_LABELS
from quotes.speakers.records import Entity, GenderCue, Resolution

if TYPE_CHECKING:
    from quotes.attribution import Candidate
    from quotes.speakers.article_state import ArticleState
    from quotes.speakers.pronouns import PronounResolver


class GenderEvidence:
    """The article's evidence on its speakers' genders."""

    def __init__(
        self,
        state: ArticleState,
        pronouns: PronounResolver,
        by_mention: dict[int, Resolution],
        groups: dict[str, Entity],
    ) -> None:
        self.state = state
        self.pronouns = pronouns
        self.by_mention = by_mention  # speaker token index -> its resolution
        self.groups = groups  # the article's unnamed sources

    def genders(
        self, candidates: list[Candidate], resolutions: list[Resolution], first_names: dict[str, str]
    ) -> list[SpeakerGender | None]:
        """Each resolved quotation's speaker gender (:mod:`quotes.speakers.gender`), once every
        speaker is known: the other "he" and "she" of the article are tied first, then each
        person's cues decide, else a declaration, else ``first_names``."""
        pronoun_cues(self.state.doc, self.state.entities.quoted, self.state.mentions.pronouns,
                     self.pronouns.tie_gender, self.by_mention)  # fmt: skip
        evidence = [self._evidence(c, r) for c, r in zip(candidates, resolutions, strict=True)]
        words = self.state.words
        roles = words.person_roles | words.role_titles | words.unnamed_roles | set(words.role_genders)

        titles = self.state.entities.titles

        def title_word(word: str) -> bool:  # ("Del. Stacey Plaskett", "Rep. Jane Doe")
            return word.endswith(".") or titles.titles_a_name(word) or word.lower() in roles

        places = {e.text.lower() for e in self.state.doc.ents if e.label_ in PLACE_LABELS}
        declared = self.state.entities.aliases.declared_gender
        return article_genders(evidence, declared, first_names, title_word, places)

    def _evidence(self, candidate: Candidate, resolution: Resolution) -> SpeakerEvidence | None:
        """The person a quotation's speaker is, with the article's cues on their gender; None for an
        organisation, a group, a document, joined speakers or no speaker."""
        name, token = resolution.name, candidate.speaker_token
        if name is None or len(resolution.names) > 1:
            return None
        roles = self.state.words.role_genders
        noun = token is not None and token.tag_ == "NN" and token.lower_ in roles
        cue = GenderCue("noun", roles[token.lower_], token.text, token.idx) if noun and token else None
        if resolution.kind == "person":
            entity = self.state.entities.lookup(name)
            if entity is None or entity.kind != "person":
                return SpeakerEvidence(name)
            add_cue(entity, cue)  # ("the spokeswoman", resolved to the person she is)
            return SpeakerEvidence(name, tuple(entity.gender_cues))
        unnamed = self.groups.get(name)
        if resolution.kind == "description" and unnamed is not None and unnamed.kind == "unnamed":
            return SpeakerEvidence(name, (*unnamed.gender_cues, *([cue] if cue else [])))
        if resolution.kind == "description" and cue is not None:  # ("the spokeswoman said")
            return SpeakerEvidence(name, (cue,))
        return None
