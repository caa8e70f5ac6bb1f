"""The stance rules on sentences written for these tests (not taken from the corpus)."""

from __future__ import annotations

import pytest

from kgdebate.stance.classify import OVERALL, overall, read_speech


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "We call for an immediate ceasefire in Ukraine and for negotiations.",
            {"calls-for-talks"},
        ),
        (
            "Russia must withdraw its troops from Ukraine within its internationally recognized "
            "borders.",
            {"withdrawal-or-territorial-integrity"},
        ),
        ("We condemn the Russian invasion of Ukraine.", {"condemns-russia"}),
        (
            "The expansion of NATO eastward provoked the crisis in Ukraine, and unilateral "
            "coercive measures hurt us all.",
            {"blames-west-or-sanctions"},
        ),
        ("The war in Ukraine has driven up food and energy prices.", {"effects-only"}),
        # a call for talks on Ukraine's terms is not a call for talks now
        ("We support Ukraine's peace formula.", {"withdrawal-or-territorial-integrity"}),
        # a hyphenated name still names the war
        ("The Russia-Ukraine war weighs on our economy.", {"effects-only"}),
        # an end to the war asked of no one is a call for talks; asked of Russia it is not
        ("We hope for an end to the war in Ukraine soon.", {"calls-for-talks"}),
        (
            "We call on Russia to end the war in Ukraine and respect its territorial integrity.",
            {"withdrawal-or-territorial-integrity"},
        ),
        # talks once a condition is met are not talks now; "conditions for" talks are
        (
            "An end to the aggression against Ukraine is the precondition for dialogue.",
            {"condemns-russia"},
        ),
        (
            "We will help create the conditions for dialogue between Russia and Ukraine.",
            {"calls-for-talks"},
        ),
        # a list of conflicts that names the war asks the same for each
        (
            "Ukraine, Palestine and the Sahel need a ceasefire and negotiations.",
            {"calls-for-talks"},
        ),
        # an adjective of blame is a condemnation; aggression against another state is not
        ("The senseless war against Ukraine must stop.", {"condemns-russia"}),
        (
            "Those who committed aggression against Serbia now lecture us on Ukraine.",
            {"effects-only"},
        ),
        # borders moved by force, an invasion that must not succeed
        (
            "Russia's attempt to redraw borders by force in Ukraine should not succeed.",
            {"withdrawal-or-territorial-integrity"},
        ),
        # irony about liberation is no demand to liberate territory
        ("Russia claims to liberate the people of Ukraine it bombs.", {"effects-only"}),
        ("All Ukrainian territories must be liberated.", {"withdrawal-or-territorial-integrity"}),
        # a provocation is blame of the West only when it is the West's, or aimed at Russia
        ("Putin's provocation in Ukraine has failed.", {"effects-only"}),
        (
            "We reject the military provocations against Russia over Ukraine.",
            {"blames-west-or-sanctions"},
        ),
        # talks named as a place to meet or a way out
        ("The summit could be a platform for talks on Ukraine.", {"calls-for-talks"}),
        # what a speaker is, not what it asks
        (
            "We stand with Ukraine as a country committed to dialogue-based solutions.",
            {"effects-only"},
        ),
    ],
)
def test_labels_of_one_sentence(text: str, expected: set[str]) -> None:
    assert read_speech(text).labels == expected


def test_a_follow_up_sentence_in_the_same_paragraph_counts_with_medium_confidence() -> None:
    text = "The war in Ukraine must end. We urge both parties to return to dialogue."
    passages = read_speech(text).passages
    talks = [p for p in passages if p.label == "calls-for-talks"]
    assert [text[p.start : p.end] for p in talks] == ["We urge both parties to return to dialogue."]
    assert talks[0].confidence == "medium"
    assert talks[0].cues == ("dialogue",)


def test_a_paragraph_that_opens_by_pointing_back_goes_on_with_the_war() -> None:
    text = (
        "The war in Ukraine has hurt our economy.\n"
        "No one knows when the conflict will end. We appeal for a cessation of hostilities.\n"
        "Our schools need teachers. We call for dialogue with our unions.\n"
    )
    passages = read_speech(text).passages
    assert [(p.label, text[p.start : p.end]) for p in passages] == [
        ("calls-for-talks", "We appeal for a cessation of hostilities.")
    ]
    assert passages[0].confidence == "medium"


def test_a_new_paragraph_about_something_else_is_not_about_the_war() -> None:
    text = "The war in Ukraine worries us.\nIn our region we call for dialogue between neighbours."
    assert "calls-for-talks" not in read_speech(text).labels


def test_a_speech_that_never_names_the_war_is_silent() -> None:
    reading = read_speech("Climate change is the defining challenge of our time.\nWe need finance.")
    assert reading.passages == () and reading.overall == "silent"


def test_a_speech_that_names_ukraine_is_never_silent() -> None:
    reading = read_speech("We think of the people of Ukraine.")
    assert reading.overall != "silent"


def test_every_quote_is_a_whole_sentence_at_its_offsets() -> None:
    text = "Opening words.\nWe condemn the aggression against Ukraine. We call for a ceasefire now."
    for passage in read_speech(text).passages:
        quoted = text[passage.start : passage.end]
        assert quoted == quoted.strip() and quoted.endswith(".")


@pytest.mark.parametrize(
    ("labels", "expected"),
    [
        (set(), "silent"),
        ({"blames-west-or-sanctions"}, "pro-russia"),
        ({"blames-west-or-sanctions", "calls-for-talks"}, "pro-russia"),
        ({"blames-west-or-sanctions", "condemns-russia", "calls-for-talks"}, "both"),
        ({"calls-for-talks", "withdrawal-or-territorial-integrity"}, "both"),
        ({"calls-for-talks"}, "for-talks-now"),
        ({"condemns-russia"}, "against"),
        ({"effects-only"}, "effects-only"),
    ],
)
def test_overall_is_the_first_rule_that_applies(labels: set[str], expected: str) -> None:
    assert overall(labels, mentions_war=bool(labels)) == expected
    assert expected in OVERALL
