"""Framing: codebook and technology frames from cue lexicons, and stance via the cue verb."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotes.rules.frames import CODEBOOK_IDS, FrameRules, load_frame_rules
from quotes.rules.stance import load_stance_rules
from quotes.rules.yamlfile import RuleError
from quotes.scoring.frames import score_frames
from quotes.scoring.stance import stance_of

RULES = Path(__file__).resolve().parent.parent / "rules"


@pytest.fixture(scope="module")
def frame_rules() -> FrameRules:
    return load_frame_rules(RULES)


def whole(text: str) -> list[tuple[int, int]]:
    return [(0, len(text))]


def test_all_codebook_frames_and_parents(frame_rules: FrameRules) -> None:
    codebook = {f.id for f in frame_rules.frames if f.family == "codebook"}
    assert codebook == set(CODEBOOK_IDS)
    technology = [f for f in frame_rules.frames if f.family == "technology"]
    expected = {"ai_progress", "ai_risk_safety", "ai_governance", "ai_work_automation"}
    assert {f.id for f in technology} >= expected
    assert all(f.codebook_parent in CODEBOOK_IDS for f in technology)


@pytest.mark.parametrize(
    ("text", "frame"),
    [
        ("The new taxes will cost taxpayers billions of dollars.", "economic"),
        ("The Supreme Court ruled the statute unconstitutional.", "legality"),
        ("Police arrested three suspects after the robbery.", "crime"),
        ("Hospitals warn that the disease is spreading among patients.", "health_safety"),
        ("Republicans and Democrats traded blame ahead of the election.", "political"),
        ("A new poll shows most Americans oppose the plan, and protesters rallied.", "public_opinion"),
        ("Troops and missiles were moved to counter the terrorist threat.", "security_defense"),
        ("Critics say the rules discriminate against minorities and are unfair.", "fairness_equality"),
        ("The weather was pleasant yesterday.", "other"),
    ],
)
def test_primary_codebook_frame(frame_rules: FrameRules, text: str, frame: str) -> None:
    assert score_frames(text, whole(text), frame_rules)[1] == frame


def test_technology_frame_counts_towards_its_parent(frame_rules: FrameRules) -> None:
    text = "Automation and robots will replace workers, raising job displacement fears."
    frames, primary = score_frames(text, whole(text), frame_rules)
    assert frames[0].id == "ai_work_automation"
    assert frames[0].family == "technology"
    assert primary == "economic"


def test_weights_are_shares_sorted(frame_rules: FrameRules) -> None:
    text = "Taxes and budgets matter to voters in the election, and to the economy."
    frames, _ = score_frames(text, whole(text), frame_rules)
    assert abs(sum(f.weight for f in frames) - 1.0) < 1e-3
    assert [f.weight for f in frames] == sorted((f.weight for f in frames), reverse=True)


def test_suffix_tolerant_and_multiword(frame_rules: FrameRules) -> None:
    text = "Taxed incomes and health-care costs."
    frames, _ = score_frames(text, whole(text), frame_rules)
    matched = {ev.matched for f in frames for ev in f.evidence}
    assert {"Taxed", "health-care"} <= matched


def test_word_boundaries(frame_rules: FrameRules) -> None:
    text = "The taxidermist and the courtyard."  # neither "tax" nor "court"
    assert score_frames(text, whole(text), frame_rules) == ((), "other")


@pytest.mark.parametrize(
    ("lemma", "stance"),
    [("say", "neutral"), ("said", "neutral"), ("claim", "distancing"), ("claimed", "distancing"),
     ("admit", "admission"), ("admitted", "admission"), ("deny", "contesting"), ("point out", "endorsing"),
     ("Insist", "distancing"), ("boast", "emotive"), ("lash out", "emotive"), ("frobnicate", "other")],
)
def test_stance(lemma: str, stance: str) -> None:
    assert stance_of(lemma, load_stance_rules(RULES)) == stance


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("frames/a.yaml", "family: codebook\nframes:\n  - id: nonsense\n    label: x\n    definition: d\n"
         "    cues: [a]\n", "not a Policy Frames Codebook frame"),
        ("frames/a.yaml", "family: technology\nframes:\n  - id: t\n    label: x\n    definition: d\n"
         "    cues: [a]\n", "missing field 'codebook_parent'"),
        ("frames/a.yaml", "family: codebook\nframes:\n  - id: crime\n    label: x\n    definition: d\n",
         "has no cues"),
        ("stance.yaml", "stances:\n  - stance: neutral\n    reason: r\n    verbs: [say]\n"
         "  - stance: distancing\n    reason: r\n    verbs: [say]\n", "already"),
    ],
)
def test_bad_rule_files_say_file_and_line(tmp_path: Path, name: str, content: str, reason: str) -> None:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")
    with pytest.raises(RuleError) as error:
        (load_stance_rules if name == "stance.yaml" else load_frame_rules)(tmp_path)
    assert str(error.value).startswith(f"{path}:")
    assert reason in str(error.value)


@settings(max_examples=150, deadline=None)
@given(text=st.text(max_size=80),
       spans=st.lists(st.tuples(st.integers(-5, 80), st.integers(-5, 80)), max_size=4))
def test_any_text_scores_and_evidence_indexes_it(frame_rules: FrameRules, text: str,
                                                 spans: list[tuple[int, int]]) -> None:
    frames, primary = score_frames(text, spans, frame_rules)
    assert primary in CODEBOOK_IDS
    for frame in frames:
        assert 0.0 < frame.weight <= 1.0
        for ev in frame.evidence:
            assert 0 <= ev.span[0] < ev.span[1] <= len(text)
            assert text[ev.span[0]:ev.span[1]] == ev.matched


# Short news-like sentences written for this table (2-3 per Policy Frames Codebook frame, none
# taken from a data set), with the frame a codebook annotator would give as primary. Many include
# generic words of news ("said", "officials", "people", "government") that must not decide.
# The known miss is marked: fairness framed only by an implicit comparison of groups.
KNOWN_MISS = pytest.mark.xfail(strict=True, reason="no cue of the expected frame; a known limit")
CODEBOOK_TABLE = [
    ("The factory's closure will wipe out 400 jobs and cost the county millions in lost revenue, "
     "officials said.", "economic"),
    ("Shares of the retailer fell 8 percent after it reported weaker quarterly earnings.", "economic"),
    ("Farmers say the new tariffs have cut their exports to Asia by a third.", "economic"),
    ("The county's only shelter has 40 beds and turned away dozens of people last winter.",
     "capacity_resources"),
    ("Hospitals across the state are short of nurses, and some have closed wards for lack of staff.",
     "capacity_resources"),
    ("The fire department says its aging trucks and thin crews cannot cover the growing suburbs.",
     "capacity_resources"),
    ("The bishop said that denying food to the hungry is a sin that no faith can excuse.", "morality"),
    ("Opponents called the experiment unethical, arguing that it treats human life as a commodity.",
     "morality"),
    ("'It is simply wrong to profit from other people's misery,' the pastor told his congregation.",
     "morality"),
    pytest.param("Black applicants were denied mortgages at twice the rate of white applicants with similar "
                 "incomes, the study found.", "fairness_equality", marks=KNOWN_MISS),
    ("Women at the firm are paid 20 percent less than men for the same work, the complaint says.",
     "fairness_equality"),
    ("Advocates say the rule treats rural districts unequally and favors wealthy neighborhoods.",
     "fairness_equality"),
    ("A federal judge blocked the law on Friday, ruling that it likely violates the First Amendment.",
     "legality"),
    ("The company has filed an appeal, and the case could reach the Supreme Court next year.", "legality"),
    ("Lawyers for the state argued that the statute falls within its constitutional powers.", "legality"),
    ("The proposal would require all new buildings to install solar panels by 2030.", "policy"),
    ("Under the plan, the city would expand bus service and eliminate fares on three routes.", "policy"),
    ("Experts doubt the program will work unless it is paired with stricter enforcement.", "policy"),
    ("Police arrested two men in connection with the shooting outside the nightclub.", "crime"),
    ("The former treasurer was sentenced to six years in prison for embezzling public funds.", "crime"),
    ("Car thefts in the city have doubled, and detectives suspect an organized ring.", "crime"),
    ("The Pentagon will send two more warships to the region to deter an attack.", "security_defense"),
    ("Intelligence officials warned that the group is planning new terrorist attacks.", "security_defense"),
    ("Soldiers guarded the border crossing after militants fired rockets overnight.", "security_defense"),
    ("Doctors say the outbreak has sent more than 200 children to the hospital.", "health_safety"),
    ("The recall covers 1.2 million cars whose airbags may fail to deploy in a crash.", "health_safety"),
    ("Health officials urged residents to boil water after the contamination was found.", "health_safety"),
    ("Residents say the new highway has turned their quiet street into a noisy, congested shortcut.",
     "quality_of_life"),
    ("For many families, the daily commute now takes two hours each way.", "quality_of_life"),
    ("Parents worry that closing the neighborhood library leaves kids with nowhere to go after school.",
     "quality_of_life"),
    ("For the town's Basque community, the festival is a way to keep their language and traditions alive.",
     "cultural_identity"),
    ("Critics say the statue is a symbol of the city's history that should not be erased.",
     "cultural_identity"),
    ("The film has become a touchstone for a generation of Korean Americans.", "cultural_identity"),
    ("A new poll found that 62 percent of voters disapprove of the governor's handling of the crisis.",
     "public_opinion"),
    ("Thousands of protesters marched through the capital on Sunday demanding the minister's resignation.",
     "public_opinion"),
    ("The decision sparked a backlash on social media, where critics called for a boycott.",
     "public_opinion"),
    ("Senate Republicans are expected to block the nomination in a party-line vote.", "political"),
    ("The governor, who is up for re-election, has been courting moderate voters in the suburbs.",
     "political"),
    ("Democrats hope the issue will energize their base ahead of the midterm elections.", "political"),
    ("The foreign minister met his Chinese counterpart to ease tensions over trade.", "external_regulation"),
    ("The United Nations criticized the country's record, damaging its reputation abroad.",
     "external_regulation"),
    ("European allies have urged Washington to rejoin the climate accord.", "external_regulation"),
    ("The bridge will be closed for painting next week.", "other"),
    ("She finished the marathon in just under four hours.", "other"),
]


@pytest.mark.parametrize(("text", "frame"), CODEBOOK_TABLE)
def test_codebook_table(frame_rules: FrameRules, text: str, frame: str) -> None:
    assert score_frames(text, whole(text), frame_rules)[1] == frame


# Written after the lexicon above was revised and not used to add cues: a check that the cues
# generalise. The original lexicon got 18 of these 30 right, the first revision 19, the broadened
# one 26; a change should not fall far below that.
UNSEEN_TABLE = [
    ("The strike has already cost the airline an estimated $50 million in canceled flights.", "economic"),
    ("Small bakeries say soaring flour prices are eating into already thin margins.", "economic"),
    ("The district has 300 teaching positions it cannot fill before classes begin.", "capacity_resources"),
    ("Emergency dispatchers say the 911 system crashes whenever call volume spikes.", "capacity_resources"),
    ("The cardinal urged lawmakers to remember that every person has a God-given worth.", "morality"),
    ("Whatever the law allows, the senator said, selling weapons to a regime that tortures its people is "
     "indefensible.", "morality"),
    ("The new admissions rules will shut out students from poorer school districts, critics say.",
     "fairness_equality"),
    ("Disabled passengers say they are routinely charged more for the same seats.", "fairness_equality"),
    ("An appeals court will hear arguments next month on whether the ban exceeds the agency's authority.",
     "legality"),
    ("The settlement resolves a class action filed by former employees in 2019.", "legality"),
    ("The ordinance would cap rent increases at 3 percent a year for older buildings.", "policy"),
    ("City officials are weighing whether to expand the program to all five boroughs.", "policy"),
    ("A 19-year-old was charged with armed robbery after a string of convenience store holdups.", "crime"),
    ("Investigators say the fraud scheme cheated elderly victims out of their savings.", "crime"),
    ("The navy intercepted a drone launched toward the base early Tuesday.", "security_defense"),
    ("Officials raised the threat level after reports of a planned attack on the embassy.",
     "security_defense"),
    ("Cases of measles have climbed to 90, the highest number in a decade, health officials said.",
     "health_safety"),
    ("The study links long night shifts to a higher risk of heart disease.", "health_safety"),
    ("Since the factory closed, the town's main street has emptied and young people have moved away.",
     "quality_of_life"),
    ("Commuters on the line have endured delays of up to an hour for three straight weeks.",
     "quality_of_life"),
    ("For many Irish Americans, the parade is as much about family memory as about St. Patrick.",
     "cultural_identity"),
    ("The tribe says the pipeline would cross land its ancestors have used for ceremonies for centuries.",
     "cultural_identity"),
    ("Support for the measure has slipped to 41 percent, according to a survey released Monday.",
     "public_opinion"),
    ("Hundreds of parents packed the school board meeting to voice their anger over the cuts.",
     "public_opinion"),
    ("The speaker is trying to keep her fractious caucus together before next week's vote.", "political"),
    ("The senator's rivals in the primary have seized on his vote against the farm bill.", "political"),
    ("Tokyo and Seoul agreed to restore intelligence sharing after a two-year rift.", "external_regulation"),
    ("The sanctions have isolated the regime and strained its ties with neighboring states.",
     "external_regulation"),
    ("The ferry schedule changes on Saturday.", "other"),
    ("A rare snowy owl was spotted in the park on Sunday.", "other"),
]


def test_unseen_table_does_not_fall_below_the_original_lexicon(frame_rules: FrameRules) -> None:
    right = [text for text, frame in UNSEEN_TABLE if score_frames(text, whole(text), frame_rules)[1] == frame]
    assert len(right) >= 24, len(right)


def test_other_only_when_no_other_frame_fires(frame_rules: FrameRules) -> None:
    text = "Nobody knows, and it is uncertain and unpredictable, what AI and the tariffs will do."
    frames, primary = score_frames(text, whole(text), frame_rules)
    assert frames[0].codebook_parent == "other"  # the uncertainty cues outweigh "tariffs"
    assert primary == "economic"


def test_ties_go_to_the_more_specific_frame(frame_rules: FrameRules) -> None:
    text = "The bill is unethical."  # policy "bill" 1.0, morality "unethical" 1.0
    assert score_frames(text, whole(text), frame_rules)[1] == "morality"


def test_generic_news_words_do_not_outvote_a_specific_cue(frame_rules: FrameRules) -> None:
    text = "Officials, residents, lawmakers and the company's president said the vaccine trial went well."
    assert score_frames(text, whole(text), frame_rules)[1] == "health_safety"


def test_month_march_is_not_a_protest(frame_rules: FrameRules) -> None:
    assert score_frames("The rule took effect in March.", whole("The rule took effect in March."),
                        frame_rules)[1] != "public_opinion"
    text = "Thousands march on the capital today."
    assert score_frames(text, whole(text), frame_rules)[1] == "public_opinion"


@pytest.mark.parametrize(
    ("order", "reason"),
    [("[crime, crime]", "once each"), ("[nonsense]", "once each"), ("crime", "must be a list")],
)
def test_bad_tie_order(tmp_path: Path, order: str, reason: str) -> None:
    path = tmp_path / "frames" / "a.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(f"family: codebook\ntie_order: {order}\nframes:\n  - id: crime\n    label: x\n"
                    "    definition: d\n    cues: [a]\n", encoding="utf-8")
    with pytest.raises(RuleError, match=reason):
        load_frame_rules(tmp_path)


# A third table, written before the lexicon revision that broadened the cues for the common news
# vocabulary of each frame, and not consulted while adding cues (2 sentences per frame, composed for
# this table, none taken from a data set). It records how well the cues generalise: 22 of 30 before
# that revision, 25 after.
FRESH_TABLE = [
    ("Grocers warn that the drought will push up what shoppers pay for beef this summer.", "economic"),
    ("The merger is expected to save the two carriers about $400 million a year.", "economic"),
    ("The clinic has one doctor for every 5,000 patients and no money to hire more.", "capacity_resources"),
    ("Crews are working around the clock, but the county simply has too few plows for a storm this size.",
     "capacity_resources"),
    ("The rabbi said turning away refugees betrays the most basic teaching of every faith.", "morality"),
    ("'We have a duty to care for the least among us,' she said, calling the cuts cruel.", "morality"),
    ("Older workers say they are passed over for promotions that go to younger colleagues.",
     "fairness_equality"),
    ("Schools in poor districts receive far less per pupil than those in wealthy suburbs, the report "
     "found.", "fairness_equality"),
    ("The justices agreed to decide whether the warrantless search violated the Fourth Amendment.",
     "legality"),
    ("Her attorneys argue the contract was void because it was never properly signed.", "legality"),
    ("The agency will phase out the older pesticides over the next five years under the new rule.",
     "policy"),
    ("Supporters of the measure say free school meals would cut absenteeism, but critics question the "
     "evidence.", "policy"),
    ("Officers found the stolen jewelry in a storage unit rented under a false name.", "crime"),
    ("He faces up to 20 years behind bars if convicted on the bribery counts.", "crime"),
    ("The carrier group sailed into the strait as a show of force against the regime.", "security_defense"),
    ("Officials fear hackers backed by a hostile government could knock out the power grid.",
     "security_defense"),
    ("Doctors are seeing more heatstroke cases as temperatures top 110 degrees.", "health_safety"),
    ("Inspectors found rat droppings and spoiled meat in the restaurant's kitchen.", "health_safety"),
    ("Retirees in the building say the broken elevator has left them stranded on upper floors for weeks.",
     "quality_of_life"),
    ("With the new light rail line, residents can now reach downtown jobs in 20 minutes.", "quality_of_life"),
    ("Elders worry that the younger generation is losing the songs and stories of the tribe.",
     "cultural_identity"),
    ("For many Texans, high school football on Friday nights is part of who they are.", "cultural_identity"),
    ("Nearly two-thirds of respondents said the country is headed in the wrong direction.", "public_opinion"),
    ("Angry callers flooded the station's phone lines after the announcement.", "public_opinion"),
    ("The party's leadership is scrambling to round up enough votes before the August recess.", "political"),
    ("The congresswoman is weighing a run for governor and has begun calling donors.", "political"),
    ("Ministers from both countries signed a pact to cooperate on fishing rights in the shared waters.",
     "external_regulation"),
    ("The embassy summoned the ambassador to protest the arrest of its citizens.", "external_regulation"),
    ("The concert starts at eight and ends around eleven.", "other"),
    ("Her cat sleeps on the windowsill most afternoons.", "other"),
]


def test_fresh_table_does_not_fall_below_the_broadened_lexicon(frame_rules: FrameRules) -> None:
    right = [text for text, frame in FRESH_TABLE if score_frames(text, whole(text), frame_rules)[1] == frame]
    assert len(right) >= 23, len(right)


# The technology frames apply only to texts about technology (rules/frames/technology.yaml,
# `domain`): their words ("transparency", "governance", "misinformation", "capabilities") are
# ordinary in sports, politics and crime news (issue 19, cross-domain frames).
@pytest.mark.parametrize(
    "text",
    [
        "The tour's new chief promised transparency and accountability after the scoring dispute, and "
        "said the players' capabilities were a breakthrough for golf.",
        "The senator said misinformation is a threat and called for better governance of the party.",
        "Detectives said the gang's misuse of the funds was dangerous, in no uncertain terms.",
    ],
)
def test_technology_frames_need_a_technology_text(frame_rules: FrameRules, text: str) -> None:
    frames, _ = score_frames(text, whole(text), frame_rules)
    assert not [f.id for f in frames if f.family == "technology"]


def test_technology_gate_opens_on_the_article_and_shows_its_evidence(frame_rules: FrameRules) -> None:
    article = ("OpenAI released a new language model on Monday. Its chief said the company wants "
               "transparency. \"We owe the public transparency and accountability,\" she said.")
    quote = article.index("We owe")
    frames, _ = score_frames(article, [(quote, article.index(",\" she"))], frame_rules)
    ethics = next(f for f in frames if f.id == "ai_benefit_ethics")
    gate = [ev for ev in ethics.evidence if ev.source == "frames/domain:technology"]
    assert [ev.matched for ev in gate] == ["OpenAI", "language model"]
    assert all(ev.weight == 0.0 and ev.span[1] <= quote for ev in gate)
    # the same quotation in an article about something else gets no technology frame
    other = ("The club held its annual dinner. "
             "\"We owe the public transparency and accountability,\" she said.")
    at = other.index("We owe")
    frames, _ = score_frames(other, [(at, other.index(",\" she"))], frame_rules)
    assert not [f for f in frames if f.family == "technology"]


def test_bad_domain_gate_says_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "frames" / "t.yaml"
    path.parent.mkdir()
    path.write_text("family: technology\ndomain:\n  id: tech\n  label: T\n  min_matches: 0\n  cues: [AI]\n"
                    "frames:\n  - id: t\n    label: x\n    definition: d\n    codebook_parent: other\n"
                    "    cues: [a]\n", encoding="utf-8")
    with pytest.raises(RuleError) as error:
        load_frame_rules(tmp_path)
    assert str(error.value).startswith(f"{path}:") and "min_matches" in str(error.value)
