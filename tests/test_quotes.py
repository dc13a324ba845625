"""Quote extraction and attribution: the seeds against their hand gold, hand-checkable sentences,
odd input, and PolNeAR (when a copy is available; it is never part of this repository)."""

import json
import os
from pathlib import Path

import pytest
from conftest import LONG, ROOT, SEEDS, SHORT
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import evaluate, quotes
from analysis.__main__ import main


def attributions(text):
    return quotes.to_records("x", text, quotes.extract_text(text))


def one(text, kind=None):
    rows = [r for r in attributions(text) if kind is None or r["kind"] == kind]
    assert len(rows) == 1, rows
    return rows[0]


@pytest.fixture(scope="module")
def seed_scores():
    gold, texts = evaluate.load_seed_gold(SEEDS)
    preds = [r for d, t in texts.items() for r in quotes.to_records(d, t, quotes.extract_text(t)) if r["kind"] != "mention"]
    return evaluate.score(gold, texts, preds, speech_only=False)


def test_seeds_against_hand_gold(seed_scores):
    r = seed_scores
    assert r["gold"] == 35
    assert r["precision"] >= 0.9 and r["recall"] >= 0.85 and r["f1"] >= 0.9, evaluate.report_lines(r)
    assert r["speaker_accuracy"] >= 0.95 and r["e2e_f1"] >= 0.85
    assert r["recall_by_type"]["direct"] == 1.0 and r["recall_by_type"]["partial"] == 1.0


def test_seed_attributions_by_name(seeds):
    q = quotes.extract(seeds)
    green = q[q.speaker == "Tory Green"].iloc[0]
    assert (green.kind, green.cue, green.doc_id) == ("direct", "wrote", SHORT)
    assert green.quote.startswith("You trained on the open internet") and "‘distillation attacks’" in green.quote
    hydra = q[(q.kind == "partial") & (q.quote == "hydra cluster")].iloc[0]
    assert (hydra.speaker, hydra.cue) == ("Anthropic", "stated")
    company = q[(q.speaker_mention == "The company") & (q.doc_id == SHORT)]
    assert set(company.speaker) == {"Anthropic"}  # "the company" resolved by salience
    headline = q[(q.doc_id == LONG) & (q.quote_start < 110) & (q.kind == "direct")].iloc[0]
    assert headline.quote == "How the turn tables" and headline.speaker == "a commenter"  # repeated in the body
    for r in q.itertuples():  # every offset slices back
        text = seeds.text(r.doc_id)
        assert all(text[a:b] in r.quote for a, b in r.quote_spans)
        if r.speaker_start is not None and r.speaker_start == r.speaker_start:
            assert text[int(r.speaker_start) : int(r.speaker_end)] == r.speaker_mention


def test_split_quote_is_one_attribution_with_two_spans():
    r = one("“We did it,” the minister said, “and we will do it again.”")
    assert r["kind"] == "direct" and r["speaker_mention"] == "the minister" and r["cue"] == "said"
    assert r["quote"] == "We did it, … and we will do it again."
    assert len(r["quote_spans"]) == 2


def test_post_posed_speaker_is_cut_at_the_appositive():
    r = one("“Prices will fall,” wrote Jane Roe, chief economist at Acme Corp.")
    assert r["speaker_mention"] == "Jane Roe" and r["cue"] == "wrote"
    r = one("“Fine,” said Sen. Ted Cruz, who had arrived late.")
    assert r["speaker_mention"] == "Sen. Ted Cruz"


def test_lead_ins_colons_and_dashes():
    r = one("The mayor said: “The budget is balanced.”")
    assert (r["kind"], r["speaker_mention"]) == ("direct", "The mayor")
    text = "Stated Stone:\n\n“I think the stakes are high.”"
    r = one(text)
    assert (r["speaker_mention"], r["cue"], r["quote"]) == ("Stone", "Stated", "I think the stakes are high.")
    r = one("“We will win.” — Jane Roe")
    assert (r["kind"], r["speaker_mention"], r["cue"]) == ("direct", "Jane Roe", "—")
    r = one("Intro paragraph here.\n\n“I will look into it.”\n\n— Hillary Clinton")
    assert r["speaker_mention"] == "Hillary Clinton" and r["cue"] == "—"
    # a lead-in that reports a that-clause of its own before the colon: both are the speaker's
    rows = attributions("Sanders pointed out that veterans’ issues were largely ignored:\n\n“Nobody talked about them.”")
    assert [(r["kind"], r["speaker_mention"], r["quote"]) for r in rows] == [
        ("indirect", "Sanders", "veterans’ issues were largely ignored"), ("direct", "Sanders", "Nobody talked about them.")]
    # "said the following:" reports nothing of its own, and without "that" the words before the colon are a setting
    for lead in ("The campaign said that the following:", "Pollak wrote about the event at the convention:"):
        assert [r["kind"] for r in attributions(lead + "\n\n“We are ready.”")] == ["direct"]


def test_reported_speech_patterns():
    r = one("The company said in a statement that profits rose sharply last year.")
    assert (r["kind"], r["speaker_mention"], r["quote"]) == ("indirect", "The company", "profits rose sharply last year")
    r = one("Profits rose sharply last year, the company said.")
    assert r["quote"] == "Profits rose sharply last year" and r["speaker_mention"] == "the company"
    r = one("According to the report, profits rose sharply last year.")
    assert r["cue"] == "According to" and r["quote"] == "profits rose sharply last year"
    r = one("The senator told reporters that the bill would pass.")
    assert r["quote"] == "the bill would pass" and r["cue_lemma"] == "tell"
    # an infinitive content keeps its own "to": a later relative "that" is no complementizer
    r = one("Sanders has pledged to stay in the primary through that contest.")
    assert r["quote"] == "to stay in the primary through that contest" and r["cue_lemma"] == "pledge"
    r = one("He vowed to “take our fight” to the 35 states that have not yet voted.", kind="mixed")
    assert r["quote"] == "to “take our fight” to the 35 states that have not yet voted"
    # a present-tense form that is also a noun, after one name opening the sentence, with a verb's object
    r = one("Germany pledges to expand its military by 2030.")
    assert (r["speaker_mention"], r["cue_lemma"], r["quote"]) == ("Germany", "pledge", "to expand its military by 2030")
    assert one("Sanders calls himself a democratic socialist.")["quote"] == "himself a democratic socialist"
    assert not attributions("Jobs report gives Democrats a lift.")
    # a purpose infinitive after a medium taken up to speak: the sentence's subject is the speaker
    r = one("A former candidate even went on CNN to declare Clinton the winner.")
    assert (r["speaker_mention"], r["cue"], r["quote"]) == ("A former candidate", "declare", "Clinton the winner")
    assert one("Clinton took to Twitter to say that she was grateful.")["speaker_mention"] == "Clinton"
    # an opening clause that only sets the scene is no content of the cue that ends the sentence
    assert not attributions("As supporters waited for her in a Las Vegas ballroom, Clinton took to Twitter to say thanks.")
    # "CONTENT, said SPEAKER": the words before the comma are no subject with an aside, even when they end in a noun
    r = one("The group raising money is $9 million to $10 million short, said former governor Ed Rendell, who chairs it.")
    assert (r["speaker_mention"], r["quote"]) == ("former governor Ed Rendell", "The group raising money is $9 million to $10 million short")
    r = one("Roffman, a securities analyst for the firm, recalled numerous telephone calls with Trump.")
    assert (r["speaker_mention"], r["quote"]) == ("Roffman", "numerous telephone calls with Trump")
    # where or when a cue was said is no content ("said at an event in Wyoming"); a clause after it may be
    assert not attributions("Bill Clinton said at an event in Wyoming.")
    assert one("Clinton said in Iowa she would win.")["quote"] == "in Iowa she would win"
    # a sentence that only frames the quotation ending the sentence before it ("!!!" ends a sentence)
    r = one("“Pat Kennedy is the greatest!!!” McDonough wrote in a September 16, 2012 email.")
    assert (r["kind"], r["speaker_mention"], r["cue"]) == ("direct", "McDonough", "wrote")
    # content, then a role and a name before the cue: the role is the subject's, the content ends at the comma
    r = one("Many voters found it offensive, journalist Martha Raddatz said in posing the question.")
    assert (r["speaker_mention"], r["quote"]) == ("Martha Raddatz", "Many voters found it offensive")
    # a noun-like cue after a year or after a possessive and a hyphenated adjective is a noun
    r = one("One of the authors of that 2013 report, Ari Fleischer, said the nomination will test it.")
    assert (r["speaker"], r["cue"]) == ("Ari Fleischer", "said")
    assert [r["cue"] for r in attributions("Trump tweaked his now-familiar campaign promise when he announced his pick.")] \
        == ["announced"]
    # a noun-like cue after an adjective of a possessive or a determiner is a noun ("Trump's false claims that …")
    r = one("Both will be targets for Trump's false claims that he's an advocate for working people.")
    assert (r["speaker_mention"], r["quote"]) == ("Trump", "he's an advocate for working people")
    assert not attributions("As of the last fundraising report, Deacon had raised $293,565.")
    # an -ing adjective ("an awkward but promising transition"), and an imperative's adverb ("Just ask …")
    assert not attributions("Syracuse showed an awkward but promising transition for Sanders.")
    assert not attributions("Just ask former NFL star Herschel Walker.")
    rows = attributions("Rubio spoke, acknowledging that Trump had tapped into a vein but warning that his style would hurt.")
    assert "warning" in [r["cue"] for r in rows]  # (an -ing form before "that" stays a cue)
    # a noun-phrase object ends where the act's when or why begins; a clause, a participle or a time goes on
    r = one("Trump called for a ban on Muslims entering the country following the shooting in San Bernardino.")
    assert r["quote"] == "a ban on Muslims entering the country"
    r = one("The person confirmed the meeting on the condition of anonymity because they were not authorized to speak.")
    assert r["quote"] == "the meeting"
    r = one("Debbie Wasserman Schultz announced she will resign her post after the convention.")
    assert r["quote"] == "she will resign her post after the convention"
    r = one("Walker had pledged to back the party nominee, but sounded equivocal this week.")
    assert r["quote"] == "to back the party nominee"
    # "those who …": the relative clause is all that says who speaks
    r = one("But those who back her opponents say the attention has damaged the brand.")
    assert (r["speaker_mention"], r["quote"]) == ("those who back her opponents", "the attention has damaged the brand")
    assert one("Everyone who was there said the speech was great.")["speaker_mention"] == "Everyone who was there"
    # a dash aside between the subject and the cue, and a group's short name after ", or"
    r = one("Neil Sroka, director of Democracy for America, or DFA - which has endorsed Sanders - said he has options.")
    assert (r["speaker_mention"], r["quote"]) == ("Neil Sroka", "he has options")
    r = one("Some liberal economists — including a minority of the Fed's own committee — warn that rates could rise.")
    assert (r["speaker_mention"], r["quote"]) == ("Some liberal economists", "rates could rise")
    # inside content, a cue after a dash aside is the content's own verb, not a new speaker's
    r = one("Sanders said closed primaries -- those open only to Democrats -- deny independents the right to vote.")
    assert r["quote"] == "closed primaries -- those open only to Democrats -- deny independents the right to vote"
    r = one("The senator wrote to the committee that the bill would pass.")
    assert r["quote"] == "the bill would pass"
    # negated: nothing was said
    assert not [x for x in attributions("Officials have not yet announced a decision on the matter.") if x["kind"] != "mention"]


def test_mixed_speech_has_partial_fragments():
    rows = attributions("The critic argued that the plan was “a disaster in the making” for the city.")
    kinds = sorted(r["kind"] for r in rows)
    assert kinds == ["mixed", "partial"]
    part = next(r for r in rows if r["kind"] == "partial")
    assert part["quote"] == "a disaster in the making" and part["speaker_mention"] == "The critic"


def test_a_quotation_then_a_second_that_clause_is_one_mixed_content():
    rows = attributions("Carson told reporters that “we tell the truth” and that he had seen support from voters.")
    r = next(r for r in rows if r["kind"] != "partial")
    assert (r["kind"], r["quote"]) == ("mixed", "“we tell the truth” and that he had seen support from voters")
    # "“Q” and vowing to …": the quotation alone is the content
    assert one("He added, “we will win,” and vowed to fight on.", kind="direct")["quote"] == "we will win,"


def test_scare_quote_without_a_frame_is_a_mention():
    r = one("The so-called “hydra cluster” ran thousands of accounts.")
    assert r["kind"] == "mention" and r["speaker"] == ""


def test_continuation_and_pronoun_resolution():
    text = ("Jane Roe, the chief economist, spoke on Monday.\n\n“Prices will fall,” she said.\n\n"
            "“Wages will rise.”\n\nAcme Corp disagreed. The company said that prices would rise.")
    rows = attributions(text)
    direct = [r for r in rows if r["kind"] == "direct"]
    assert [r["speaker"] for r in direct] == ["Jane Roe", "Jane Roe"]
    assert direct[1]["cue"] == ""  # a quote with no frame continues the previous speaker
    company = next(r for r in rows if r["speaker_mention"] == "The company")
    assert company["speaker"] == "Acme Corp"


def test_quote_marks_by_shape():
    assert quotes.pair_quotes("“a ‘b’ c”", 0, 9)[0] == [(0, 9, 0), (3, 6, 1)]
    assert quotes.pair_quotes("We’ve seen Anthropic’s “claims”", 0, 31)[0] == [(23, 31, 0)]
    spans, open_end = quotes.pair_quotes("“unclosed quote here", 0, 20)
    assert spans == [(0, 20, 0)] and open_end
    r = one("''I don't want a fight,'' he said.")  # newspaper-style double apostrophes
    assert r["quote"] == "I don't want a fight," and r["speaker_mention"] == "he"


def test_multi_paragraph_quote_keeps_its_speaker():
    text = "“The first paragraph of a long quote,” the governor said. “It goes on\n\n“and on into a second paragraph.”"
    rows = [r for r in attributions(text) if r["kind"] == "direct"]
    assert {r["speaker_mention"] for r in rows} == {"the governor"} and len(rows) == 3
    assert rows[-1]["quote"] == "and on into a second paragraph."


quote_soup = st.lists(st.sampled_from([*"ab ,:.\n\"'“”‘’—", " said ", " he ", " told ", "Tory Green", "—"]),
                      max_size=60).map("".join)


@settings(max_examples=300, deadline=None)
@given(quote_soup)
def test_odd_quote_marks_never_raise(text):
    for r in attributions(text):
        for a, b in r["quote_spans"]:
            assert 0 <= a <= b <= len(text)
        if r["speaker_start"] is not None:
            assert text[r["speaker_start"] : r["speaker_end"]] == r["speaker_mention"]


def test_cue_lexicon_is_complete():
    lex = quotes.cue_lexicon()
    assert set(lex["stance"]) == {"neutral", "distancing", "endorsing", "loaded"}
    # The reporter's stance and the source's act are separate: "accused" reports an accusation neutrally.
    acc = lex.set_index("form").loc["accused"]
    assert (acc["stance"], acc["act"]) == ("neutral", "accusation")
    assert lex.set_index("form").loc["claimed", "stance"] == "distancing"
    forms = dict(zip(lex["form"], lex["lemma"], strict=True))
    assert forms["said"] == "say" and forms["pointed out"] == "point out" and forms["according to"] == "according to"
    assert forms["alleged"] == "allege" and forms["accusing"] == "accuse"
    assert lex["form"].is_unique


def test_cli_jsonl_fields(capsys):
    assert main(["quotes", str(SEEDS), "--format", "jsonl"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {r["doc_id"] for r in rows} == {SHORT, LONG}
    for field in ("doc_id", "kind", "quote", "quote_start", "quote_end", "quote_spans", "speaker", "speaker_mention",
                  "speaker_start", "speaker_end", "cue", "cue_start", "cue_end"):
        assert field in rows[0]


POLNEAR = Path(os.environ.get("POLNEAR_PATH", ROOT.parent / "shared" / "polnear" / "train"))


@pytest.mark.skipif(not (POLNEAR / "gold.jsonl").is_file(),
                    reason=f"PolNeAR not found at {POLNEAR} (set POLNEAR_PATH to a PolNeAR-format folder to run)")
def test_polnear_targets():
    gold, texts = evaluate.load_gold(POLNEAR)
    preds = evaluate.predict_folder(texts)
    r = evaluate.score(gold, texts, preds, speech_only=True)
    report = "\n".join(evaluate.report_lines(r))
    assert r["f1"] >= 0.75, report
    assert r["e2e_f1"] >= 0.65, report
    assert r["recall_by_type"]["direct"] >= 0.95, report
    assert r["speaker_accuracy"] >= 0.90, report
    # the held-out check part (never read for errors) keeps what the named rules reached: precision, F1,
    # end-to-end F1; a rule change that loses them fails here
    g, t = evaluate.select_part(gold, texts, "check")
    c = evaluate.score(g, t, preds, speech_only=True)
    report = "\n".join(evaluate.report_lines(c))
    assert c["precision"] >= 0.83 and c["f1"] >= 0.79 and c["e2e_f1"] >= 0.74, report


@pytest.mark.parametrize("text, pronoun, expected", [
    # the nearest earlier subject, not the most mentioned name
    ("Bernie Sanders spoke. Sanders smiled. Sanders left.\n\nOhio Gov. John Kasich predicted that Republicans will win "
     "if Sanders wins.\n\n“That's not even an issue,” he said.", "he", "John Kasich"),
    # names inside quotation marks are not antecedents
    ("George W. Bush won in 2000. George W. Bush won in 2004. Richard Viguerie disagrees.\n\n"
     "“Voters reject George W. Bush,” Viguerie says.\n\n"
     "“Al Gore got more votes,” he points out.", "he", "Richard Viguerie"),
    # a title says which of two people with one surname
    ("Bill Clinton spoke in Ohio, where he praised the plan. Hillary Clinton spoke later, and her speech ran long.\n\n"
     "Mrs. Clinton is relying on the former president, mentioning him in every speech as she praises his record.\n\n"
     "Later she said the plan would work.", "she", "Hillary Clinton"),
    # a possessive opening the sentence is its subject's
    ("Donald Trump spoke first. Marco Rubio said Trump was a con artist.\n\nTrump's attempt to stay calm did not last. "
     "Within minutes, he said Rubio was “Little Marco.”", "he", "Donald Trump"),
    # a plural title before a name is no part of it
    ("Senators Mitch Ruiz, the majority leader, and Tom Baker spoke first.\n\n"
     "“We will vote in June,” Mr. Ruiz said.", "Mr. Ruiz", "Mitch Ruiz"),
])
def test_pronoun_goes_to_the_nearest_fitting_person(text, pronoun, expected):
    rows = [r for r in attributions(text) if r["speaker_mention"] == pronoun]
    assert rows and rows[-1]["speaker"] == expected, attributions(text)


def test_descriptions_and_possessives_resolve_to_the_person():
    text = ("Bernie Sanders met the president on Thursday. The Vermont senator said the struggle continues.\n\n"
            "Hillary Clinton won again. Her campaign said she would focus on the general election.")
    rows = {r["speaker_mention"]: r["speaker"] for r in attributions(text)}
    assert rows["The Vermont senator"] == "Bernie Sanders"
    assert rows["Her campaign"] == "Clinton campaign"
    # what someone says is theirs: "his remarks calling …" is Tory Green, not "Green remarks"
    text = ("Tory Green spoke first. When Mr. Green tried to defend his remarks calling the council ''weak,'' "
            "Ana Ruiz differed. Later his campaign said the pier would reopen.")
    rows = {r["speaker_mention"]: r["speaker"] for r in attributions(text)}
    assert rows["his remarks"] == "Tory Green"
    assert rows["his campaign"] == "Green campaign"
    r = one("A spokesman for Bernie Sanders said the senator would not attend.")
    assert r["speaker"] == "A spokesman for Bernie Sanders"  # the spokesman speaks, not Sanders


def test_speaker_spans_end_at_the_noun_phrase():
    assert quotes.tidy_speaker("The U.S. media has always", (0, 25)) == (0, 14)
    assert quotes.tidy_speaker("a while back when she", (0, 21)) == (18, 21)
    assert quotes.tidy_speaker("Democratic registered voters", (0, 28)) == (0, 28)
    assert quotes.tidy_speaker("the first time", (0, 14)) == (0, 14)
    assert quotes.tidy_speaker("and party sources", (0, 17)) == (4, 17)


def test_nouns_ending_in_ly_are_speakers_and_adverbs_are_not():
    r = one("The family said the plan failed.")
    assert (r["speaker_mention"], r["quote"]) == ("The family", "the plan failed")
    r = one("Senator Jane Roe firmly said that the bill would pass.")
    assert r["speaker_mention"] == "Senator Jane Roe" and r["quote"] == "the bill would pass"


def test_a_shared_surname_goes_to_the_full_name_written_last():
    text = ("Dick Cheney served as vice president.\n\nLiz Cheney won the primary on Tuesday. "
            "“We will defend our way of life,” Cheney said.\n\n“Our freedom is under assault,” she added.")
    rows = [r for r in attributions(text) if r["kind"] == "direct"]
    assert [r["speaker"] for r in rows] == ["Liz Cheney", "Liz Cheney"]


def test_speaker_cases_from_another_story():
    # "Even as he …": the subordinate clause's subject; "McCarthy" is a person's surname; "the final say" is a noun.
    assert quotes.tidy_speaker("Even as he", (0, 10)) == (8, 10)
    text = "It was wrong, according to Andrew McCarthy, a former prosecutor.\n\n“It makes no sense,” McCarthy wrote."
    assert [r["speaker"] for r in attributions(text)] == ["Andrew McCarthy", "Andrew McCarthy"]
    assert not [r for r in attributions("Lynch still has the final say on whether Clinton faces prosecution.")
                if r["kind"] != "mention"]


def test_a_bare_surname_shared_by_two_people_goes_to_the_one_the_article_is_about():
    # neither full name is a subject ('of Ana Ruiz's campaign', 'under Governor Tom Ruiz'): the one named most
    # (full name and first name alone) is meant, not the one written last; and a place is no person
    text = ("The call center of Ana Ruiz's campaign is busy. Volunteers for Ana work late, and Ana visits often.\n\n"
            "Taxes rose under Governor Tom Ruiz, the volunteers recall.\n\n"
            "Ruiz accused Baker of lying. “You cannot just show up,” she said in the Congressional Budget Office.")
    rows = [r for r in attributions(text) if r["speaker_mention"] in ("Ruiz", "she")]
    assert [r["speaker"] for r in rows] == ["Ana Ruiz", "Ana Ruiz"], rows


def test_a_name_after_on_or_in_is_not_the_head_of_a_speaker_phrase():
    # "a woman in Worcester" speaks, not Worcester; "a poll … broadcast on MSNBC" is no voice of MSNBC
    found = attributions("“The pier must close,” said a woman in Millbrook.\n\nAccording to a new poll from Acme University "
                         "broadcast on WKTV, the levy is popular.")
    assert [r["speaker"] for r in found if r["kind"] != "mention"] == \
        ["a woman in Millbrook", "a new poll from Acme University broadcast on WKTV"]
