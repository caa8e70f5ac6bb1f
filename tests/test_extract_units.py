"""The extractor's parts on small inputs: name matching, figures, layout."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from random import Random
from typing import Any

import pytest
import yaml

from kgdebate.errors import InputError
from kgdebate.extract import draft as draft_module
from kgdebate.extract import figures
from kgdebate.extract import gazetteer as gazetteer_module
from kgdebate.extract import layout as layout_module
from kgdebate.extract import sources as sources_module
from kgdebate.extract.as_of import FigureDates
from kgdebate.extract.draft import AGAINST_MOTION, FOR_MOTION, Draft, make_draft
from kgdebate.extract.figures import dated_by_events, find_figures
from kgdebate.extract.gazetteer import ADDRESS, Entity, EventFacts, Gazetteer, address_spans, fold
from kgdebate.extract.layout import (
    BOILERPLATE,
    FOOTER,
    LABEL,
    LABELS,
    POINTS_ON,
    blocks,
    is_a_footer,
    read_layout,
    says_boilerplate,
    sentences,
)
from kgdebate.extract.reading import Source, read_source
from kgdebate.extract.sources import FigureSources
from kgdebate.extract.trie import one_of
from kgdebate.extract.writing import block_yaml, render
from kgdebate.ingest.yamlstrict import as_read, load_strict

RUSSIA = Entity("actor", "russia", "State")
UKRAINE = Entity("actor", "ukraine", "State")
US = Entity("actor", "united-states", "State")
GEORGIA = Entity("actor", "georgia", "State")
GEORGIA_US = Entity("place", "georgia-us-state", "Place")
MOSCOW = Entity("place", "moscow", "Place")
INVASION = Entity("event", "russian-invasion-of-ukraine-2022")
TURKEY = Entity("actor", "turkey", "State")


def gazetteer(facts: EventFacts | None = None) -> Gazetteer:
    return Gazetteer(
        [
            (RUSSIA, "Russia", "label"),
            (RUSSIA, "Moscow", "metonym"),
            (MOSCOW, "Moscow", "label"),
            (UKRAINE, "Ukraine", "label"),
            (US, "US", "alias"),
            (US, "U.S.", "alias"),
            (GEORGIA, "Georgia", "label"),
            (GEORGIA_US, "Georgia", "label"),
            (TURKEY, "Türkiye", "alias"),
            (INVASION, "Russia's invasion of Ukraine", "alias"),
        ],
        facts or EventFacts(),
    )


def source_of(sentence: str) -> str | None:
    """The source drafted for the first figure of ``sentence`` (its first digit)."""
    figure = re.search(r"\d", sentence)
    assert figure is not None
    return FigureSources(sentence, [(0, len(sentence))]).of(figure.start())


def sources_at(text: str, *figures: str) -> list[str | None]:
    """The source drafted for each figure of ``text`` (its words, where they first occur)."""
    sources = FigureSources(text, sentences(text, 0, len(text)))
    return [sources.of(text.index(words)) for words in figures]


def sources_laid_out(text: str, *figures: str) -> list[str | None]:
    """As :func:`sources_at`, the sentences and header lines as the layout reads them (a
    document with a title, notes, tables or source lines)."""
    layout = read_layout(text)
    sources = FigureSources(text, layout.sentences() + layout.header)
    return [sources.of(text.index(words)) for words in figures]


def links(text: str, facts: EventFacts | None = None) -> list[tuple[str, str]]:
    found = gazetteer(facts).find(text, [(0, len(text))])
    return [(m.text, m.entity.slug) for m in found.mentions]


def test_case_diacritics_and_apostrophes_are_folded() -> None:
    assert links("TURKIYE and turkiye and Türkiye") == [
        ("TURKIYE", "turkey"),
        ("turkiye", "turkey"),
        ("Türkiye", "turkey"),
    ]
    assert links("RUSSIA’S INVASION OF UKRAINE") == [
        ("RUSSIA’S INVASION OF UKRAINE", "russian-invasion-of-ukraine-2022")
    ]


def test_longest_match_first_and_possessives() -> None:
    assert links("Russia's invasion of Ukraine began; Russia's army") == [
        ("Russia's invasion of Ukraine", "russian-invasion-of-ukraine-2022"),
        ("Russia", "russia"),
    ]


def test_acronyms_keep_their_case_and_words_their_boundaries() -> None:
    assert links("Let us ask the US and the U.S. Russian") == [
        ("US", "united-states"),
        ("U.S.", "united-states"),
    ]


def test_a_metonym_means_the_actor_not_the_place() -> None:
    assert links("Moscow refused.") == [("Moscow", "russia")]


@pytest.mark.parametrize(
    "text",
    [
        "He was flown to Moscow for treatment.",
        "Shelling hit the Moscow region overnight.",
        "MOSCOW, March 3 (Example Wire) – Talks resumed.",
        "The envoy travelled to Kyiv and Moscow last week.",
    ],
)
def test_the_city_itself_where_one_goes_there_its_region_or_its_dateline(text: str) -> None:
    assert links(text) == [(text[text.lower().index("moscow") :][:6], "moscow")]


@pytest.mark.parametrize(
    "city",
    [
        "The minister visited Kyiv on Friday.",
        "Our embassy in Kyiv raised the case.",  # where one is, not who rules there
        "KYIV, March 3 (Example Wire) – Talks resumed.",  # a dateline
        "KYIV – Talks resumed.",  # a dateline in capitals before a dash
        "KYIV (Example Wire) - Talks resumed.",
    ],
)
def test_a_capital_one_goes_to_or_is_in_is_the_city_though_the_store_has_only_its_state(
    city: str,
) -> None:
    """The city, which the store lacks (no link, a new name); "officials in Kyiv" and "in the
    Kremlin" stay the government, as the labelled sets read them."""
    kyiv = Gazetteer(
        [(UKRAINE, "Ukraine", "label"), (UKRAINE, "Kyiv", "metonym"),
         (RUSSIA, "the Kremlin", "metonym")],
        EventFacts(),
    )  # fmt: skip
    text = f"{city} Officials in Kyiv welcomed it. Nobody in the Kremlin did."
    found = kyiv.find(text, [(0, len(text))])
    assert [(m.text, m.start) for m in found.mentions] == [
        ("Kyiv", text.rindex("Kyiv")),
        ("the Kremlin", text.index("the Kremlin")),
    ]


def test_a_name_joined_by_a_hyphen_to_a_word_the_store_does_not_know_is_part_of_it() -> None:
    """ "Interfax-Ukraine" is an agency, not Ukraine; "Russia-Ukraine" and "US-Ukraine" name
    the states."""
    text = "Interfax-Ukraine reported it. Russia-Ukraine talks and US-Ukraine aid went on."
    assert links(text) == [("Russia", "russia"), ("Ukraine", "ukraine"), ("US", "united-states"),
                           ("Ukraine", "ukraine")]  # fmt: skip


def test_a_shared_name_is_listed_with_its_candidates_not_guessed() -> None:
    found = gazetteer().find("Georgia voted.", [(0, 14)])
    assert found.mentions == []
    (ambiguous,) = found.ambiguous
    assert (ambiguous.text, ambiguous.candidates) == ("Georgia", (GEORGIA, GEORGIA_US))


def test_a_currency_is_no_country() -> None:
    assert links("US$5.6 billion was sought; the US paid.") == [("US", "united-states")]


def test_names_inside_urls_and_e_mail_addresses_are_no_mentions() -> None:
    """Issue 12: "example.org/ukraine" or "russia@example.net" names no one."""
    text = (
        "Read https://example.org/russia-ukraine/ or example.net/ukraine, write to "
        "ukraine.desk@example.com; Russia and Ukraine met in www.example.edu/moscow too."
    )
    assert links(text) == [("Russia", "russia"), ("Ukraine", "ukraine")]


def test_events_from_place_and_year_only_when_one_fits() -> None:
    facts = EventFacts()
    for event, year in (("war-2008", "2008"), ("ceasefire-2008", "2008"), ("talks-2014", "2014")):
        facts.add(f"https://x/id/event/{event}", "place", "https://x/id/actor/georgia")
        facts.add(f"https://x/id/event/{event}", "year", year)
    facts.add("https://x/id/event/ceasefire-2008", "part-of", "https://x/id/event/war-2008")
    gaz = Gazetteer([(GEORGIA, "Georgia", "label")], facts)
    text = "The wars in Georgia in 2008 and Georgia in 2014 and Georgia in 1999."
    found = gaz.find(text, [(0, len(text))])
    events = [(m.text, m.entity.slug) for m in found.mentions if m.entity.kind == "event"]
    assert events == [("Georgia in 2008", "war-2008"), ("Georgia in 2014", "talks-2014")]
    # Without a word that makes it an event, a place and a year are the place, then
    text = "Russia attacked Georgia in 2008."
    found = gaz.find(text, [(0, len(text))])
    assert [m.entity.kind for m in found.mentions] == ["actor"]


def test_an_event_named_by_its_kind_and_its_day_or_month() -> None:
    """ "the exchange of 21 September", "the September 2022 prisoner exchange": the store's one
    prisoner exchange that began then; "the exchange of 3 March" names none."""
    facts = EventFacts()
    for event, start in (("swap-2022-09-21", "2022-09-21"), ("swap-2022-06-29", "2022-06-29")):
        facts.add(f"https://x/id/event/{event}", "kind", "https://x/vocab/prisoner-exchange")
        facts.add(f"https://x/id/event/{event}", "start", start)
    swap = Entity("event", "swap-2022-09-21", "Event", "https://x/id/event/swap-2022-09-21")
    gaz = Gazetteer([(swap, "Russia–Ukraine prisoner exchange of 2022", "label")], facts)
    text = (
        "A Note\n\n5 October 2022\n\nThe exchange of 21 September showed that talks can work. "
        "The September 2022 prisoner exchange was the largest. The exchange of 3 March was "
        "small.\n"
    )
    draft = make_draft(Source(Path("note.txt"), text, "0" * 64, False), gaz)
    events = [(m["text"], m["slug"]) for m in draft.data["draft"]["mentions"]]
    assert events == [
        ("exchange of 21 September", "swap-2022-09-21"),
        ("September 2022 prisoner exchange", "swap-2022-09-21"),
    ]


def test_a_mediation_named_by_its_mediator_is_the_event_with_his_name_in_it() -> None:
    facts = EventFacts()
    facts.add("https://x/id/event/bennett-mediation", "kind", "https://x/vocab/mediation")
    facts.add("https://x/id/event/bennett-mediation", "participant", "https://x/id/actor/bennett")
    bennett = Entity("actor", "bennett", "Person")
    gaz = Gazetteer([(bennett, "Naftali Bennett", "label")], facts)
    text = "They came close in Belarus, during Naftali Bennett's mediation and in Istanbul."
    found = gaz.find(text, [(0, len(text))])
    assert [(m.text, m.entity.slug) for m in found.mentions] == [
        ("Naftali Bennett's mediation", "bennett-mediation")
    ]


def test_fold_maps_every_character_back() -> None:
    text = "Straße Türkiye ﬁne"
    folded, where = fold(text)
    assert folded == "strasse turkiye fine"
    assert where is not None
    assert len(where) == len(folded) and where[5] == where[4] == 4 and where[-1] == len(text) - 1
    # Where every character keeps its place (most texts) no offsets are needed: the same form
    assert fold("Kyiv’s ÜBER – Türkiye") == ("kyiv's uber - turkiye", None)
    assert fold("Kyiv’s ÜBER – Türkiye ß")[0] == "kyiv's uber - turkiye ss"


def test_relative_periods_resolve_against_the_document_date() -> None:
    text = "Over the past 20 months prices rose; within the next two years they may fall."
    figures = find_figures(text, [(0, len(text))], date(2023, 11, 16))
    assert [(f.text, f.date, f.until) for f in figures] == [
        ("Over the past 20 months", "2022-03-16", "2023-11-16"),
        ("within the next two years", "2023-11-16", "2025-11-16"),
    ]
    unresolved = find_figures(text, [(0, len(text))], None)
    assert [f.date for f in unresolved] == [None, None]


@pytest.mark.parametrize(
    ("words", "resolved"),
    [
        ("It happened yesterday.", "2023-02-22"),
        ("Tomorrow the talks resume.", "2023-02-24"),
        ("The meeting last week was short.", "2023-02-13/2023-02-19"),
        ("Prices rose last month.", "2023-01"),
        ("Prices rose last year.", "2022"),
        ("Aid will grow next year.", "2024"),
        ("Nine years ago Crimea was annexed.", "2014-02"),  # a point in time: its month
        ("Talks have stalled since May.", "2022-05/2023-02-23"),
        ("The deal lapsed last July.", "2022-07"),
        ("The envoys met on Monday.", "2023-02-20"),
        ("The report came out on 17 July.", "2022-07-17"),
        ("The report came out on February 3.", "2023-02-03"),
        ("Aid rose over the past year.", "2022-02-23/2023-02-23"),
        ("In 2021 the envoys met; on 4 April they met again.", "2021-04-04"),
    ],
)
def test_dates_the_text_leaves_incomplete_resolve_against_the_document_or_the_paragraph(
    words: str, resolved: str
) -> None:
    """Issue 12: relative words, months and days without a year (Thursday 23 Feb 2023)."""
    found = find_figures(words, [(0, len(words))], date(2023, 2, 23))
    dates = [f for f in found if f.kind in ("date", "relative-date")]
    (figure,) = dates
    assert "/".join(filter(None, (figure.date, figure.until))) == resolved


@pytest.mark.parametrize(
    ("words", "resolved", "by"),
    [
        # a range whose end gives the year gives it to its start; across a new year, the year before
        ("The rounds ran 28 Feb – 7 Mar 2022 in Belarus.", "2022-02-28", "the range's end"),
        ("Talks ran 28 Dec – 3 Jan 2022 without result.", "2021-12-28", "the range's end"),
        # after a full date, the text tells events in order: the first such day after it
        ("It was signed on 17 November 2021 and renewed on 18 January.", "2022-01-18", "17 Nov"),
        ("On 24 February 2022 the war began; on 28 February talks opened.", "2022-02-28", "24 Feb"),
        (
            "On 17 January 2022 the talks stalled, and later in January they resumed.",
            "2022-01",
            "17 January",
        ),
        # ...unless that is after the document's date (Thursday 23 Feb 2023)
        (
            "On 3 March 2022 the envoys spoke; on 1 March the convoy had stalled.",
            "2022-03-01",
            "3 March",
        ),
        ("The report came out on 17 July.", "2022-07-17", "the document's, 2023-02-23"),
        ("It happened yesterday.", "2023-02-22", "counted from the document's date, 2023-02-23"),
    ],
)
def test_every_date_the_text_leaves_incomplete_says_how_it_was_resolved(
    words: str, resolved: str, by: str
) -> None:
    """Issue 12: the year of a range's end, the order of a paragraph's events, the document's
    date; the draft says which (``resolved_by``) for the curator to check."""
    found = find_figures(words, [(0, len(words))], date(2023, 2, 23))
    (figure,) = [f for f in found if f.resolved_by]
    assert figure.date == resolved
    assert by in figure.resolved_by


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("a front line of nearly 1,000 km.", ("nearly 1,000 km", 1000.0, "km", True)),
        ("more than a million people left.", ("more than a million people", 1e6, "people", True)),
        ("45 countries signed.", ("45 countries", 45.0, "countries", False)),
        ("the 120-day deal", ("120-day", 120.0, "days", False)),
        ("about 33 million tonnes of grain", ("about 33 million tonnes", 33e6, "tonnes", True)),
        ("at least 2% of output", ("at least 2%", 2.0, "percent", True)),
    ],
)
def test_a_count_keeps_what_it_counts_and_how_hedged_it_is(
    words: str, expected: tuple[str, float, str, bool]
) -> None:
    """Issue 12: "nearly 1,000 km" was a bare count of 1000, not approximate."""
    (figure,) = find_figures(words, [(0, len(words))], None)
    assert (figure.text, figure.value, figure.unit, figure.approximate) == expected


def test_a_month_or_weekday_name_alone_is_no_date() -> None:
    words = "May we ask? March on, they said, and the Sunday Times agreed."
    assert find_figures(words, [(0, len(words))], date(2023, 2, 23)) == []
    words = "It said so in Monday's paper, and next Monday it will say so again."
    found = find_figures(words, [(0, len(words))], date(2023, 2, 23))  # a Thursday
    assert [(f.text, f.date) for f in found] == [
        ("Monday", "2023-02-20"),
        ("next Monday", "2023-02-27"),
    ]


def test_a_paragraph_that_names_the_series_is_content_unless_it_is_a_blurb() -> None:
    content = (
        "Earlier issues in the series overestimated the pace of the counteroffensive. "
        "This one relies on published counts rather than claims."
    )
    blurb = (
        "This brief is part of the Example Monitor series, published monthly. "
        "To subscribe, e-mail us."
    )
    text = f"A Title\n\n12 May 2024\n\n{content}\n\n{blurb}\n"
    assert [p.boilerplate for p in read_layout(text).paragraphs()] == [False, True]


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("Hundreds of thousands fled.", "count", 100_000),
        ("About 6 million left.", "count", 6_000_000),
        ("It cost $5.6 billion.", "money", 5_600_000_000),
        ("Some 84% agree.", "percent", 84),
        ("More than 1,000 voyages.", "count", 1000),
        ("It stayed between 82 and 87 per cent.", "percent", 82),  # a range's start
    ],
)
def test_figures(text: str, kind: str, value: float) -> None:
    figure = find_figures(text, [(0, len(text))], None)[0]
    assert (figure.kind, figure.value) == (kind, value)


def test_a_date_is_one_figure_not_a_year_too() -> None:
    text = "Signed on 22 July 2022 and on Nov. 16, 2023, in 2024."
    figures = find_figures(text, [(0, len(text))], None)
    assert [(f.kind, f.date) for f in figures] == [
        ("date", "2022-07-22"),
        ("date", "2023-11-16"),
        ("year", "2024"),
    ]


def test_sentences_do_not_end_at_abbreviations() -> None:
    text = "Dr. Karen Donfried led it. The U.S. government agreed. Then Nov. 16 came."
    spans = sentences(text, 0, len(text))
    assert [text[a:b] for a, b in spans] == [
        "Dr. Karen Donfried led it.",
        "The U.S. government agreed.",
        "Then Nov. 16 came.",
    ]


def test_labels_and_boilerplate_in_the_layout() -> None:
    text = (
        "A Title\n\n12 May 2024\n\n"
        "## Costs\n\n"
        "AGREE: It is cheap. We think so and many others agree with the point made here.\n\n"
        "No. 1 on the list is cost, and yes, many others agree with the point made here.\n\n"
        "For more information on this publication: the press office.\n"
    )
    layout = read_layout(text)
    paragraphs = layout.paragraphs()
    assert [p.label[0] if p.label else None for p in paragraphs] == ["AGREE", None, None]
    assert [p.boilerplate for p in paragraphs] == [False, False, True]
    assert text[paragraphs[0].sentences[0][0] :].startswith("It is cheap.")
    assert [s.title for s in layout.sections] == ["Costs"]


AS_OF = [  # (sentence, the figure, its as-of date, its qualifier), the document of 16 Nov 2023
    ("As of February 2023, almost 6 million people were displaced inside Ukraine.",
     "6 million", "2023-02", None),
    ("In July 2022, 84% of Ukrainians rejected any territorial concessions.",
     "84%", "2022-07", None),
    ("In a poll fielded in May 2023, 87% rejected them.", "87%", "2023-05", None),
    ("UNHCR counted about 6 million refugees at the end of 2023.", "6 million", "2023-12", None),
    ("Over the past 20 months, 6 million people have been displaced abroad.",
     "6 million", "2023-11-16", None),
    ("Kyiv says 10,000 civilians have been killed since February 2022.",
     "10,000", "2023-11-16", None),
    ("By September 2022, 7.5 million refugees were recorded across Europe.",
     "7.5 million", "2022-09", None),
    ("The UN appealed for $5.6 billion this year.", "$5.6 billion", "2023", None),
    ("Support stood at 84% in July 2022 and at 87% in May 2023.", "87%", "2023-05", None),
    ("Support stood at 84% in July 2022 and at 87% in May 2023.", "84%", "2022-07", None),
    ("In 2022 the appeal asked for $4.3 billion; it asks for $5.6 billion now.",
     "$5.6 billion", "2023-11-16", "on-or-before"),
    ("Russia released 215 prisoners on 21 September 2022, in Türkiye.",
     "215", "2022-09-21", None),
    ("More than 1,000 ships sailed under the deal.", "1,000", "2023-11-16", "on-or-before"),
    ("The deal, signed in Istanbul on 22 July 2022, enabled more than 1,000 voyages.",
     "1,000", "2023-11-16", "on-or-before"),
    ("Signed in Istanbul on 22 July 2022, it allowed more than 1,000 voyages before Russia "
     "refused to renew it in July 2023.", "1,000", "2023-07", None),
    ("The war, which began in 2014, has displaced 6 million people.",
     "6 million", "2023-11-16", "on-or-before"),
    ("Aid fell from $6.2 billion in 2016 to $4.1 billion in 2018.", "$4.1 billion", "2018", None),
    ("Aid fell from $6.2 billion in 2016 to $4.1 billion in 2018.", "$6.2 billion", "2016", None),
    ("Poverty is at 36.5 per cent, down from 56 per cent in 2011, and will fall by 2030.",
     "56 per cent", "2011", None),
    ("Sanctions are an obstacle to the 2030 Agenda for 10 years now.",
     "10 years", "2023-11-16", "on-or-before"),
    ("The talks, which ended in March 2022, left 90,000 people in limbo by April 2022.",
     "90,000", "2022-04", None),
    # the end of what a plan runs to is no date of the figure; a target's deadline is
    ("The EU has agreed to spend €50 billion on Ukraine through 2027.",
     "€50 billion", "2023-11-16", "on-or-before"),
    ("Emissions must fall by 45 per cent by 2030.", "45 per cent", "2030", None),
    ("Aid ran at $2 billion a year until 2021.", "$2 billion", "2021", None),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "figure", "as_of", "qualifier"), AS_OF)
def test_a_figure_is_as_of_the_date_its_sentence_gives_it_else_on_or_before_the_documents(
    sentence: str, figure: str, as_of: str, qualifier: str | None
) -> None:
    text = f"A Title\n\n16 November 2023\n\n{sentence} Nothing else is said here today.\n"
    draft = make_draft(Source(Path("note.txt"), text, "0" * 64, False), gazetteer())
    item = next(f for f in draft.data["draft"]["figures"] if figure in f["text"])
    assert (item.get("as_of"), item.get("as_of_qualifier")) == (as_of, qualifier)
    assert item["as_of_by"]  # the curator sees how it was found


def test_source_notes_are_boilerplate_and_a_passing_mention_of_the_series_is_not() -> None:
    """A "Notes" section is boilerplate: no claims, no mentions to review (its notes still name
    figures' sources); a content paragraph that mentions earlier sessions of the series is
    content; "this study group" described by its sessions and students is a blurb."""
    text = (
        "A Title\n\n12 May 2024\n\n"
        "About 6 million people have left Ukraine since the war began.[1] As in earlier "
        "sessions of the series, students asked about Russia and what it wants from the war.\n\n"
        "Over six sessions, this study group examines the debates of the war. Two teams of "
        "students debate the weekly topic as the rest of the group observes.\n\n"
        "## Notes\n\n[1] UNHCR, Ukraine situation, Geneva, 2023.\n"
    )
    layout = read_layout(text)
    assert [p.boilerplate for p in layout.paragraphs()] == [False, True, True]
    draft = make_draft(Source(Path("note.txt"), text, "0" * 64, False), gazetteer())
    assert [m["text"] for m in draft.data["draft"]["mentions"]] == ["Ukraine", "Russia"]
    assert {e["text"] for e in draft.data["draft"]["new_entities"]}.isdisjoint({"Geneva"})
    assert draft.data["draft"]["figures"][1]["attributed_to"] == "UNHCR"


def test_a_wiki_s_references_and_its_footer_are_boilerplate() -> None:
    """ "== References ==" as a wiki marks it, and "This page was last edited on …": no names
    proposed from the list of references or the licence line, nor a surname found there."""
    text = (
        "Prisoner exchanges\n\n14 January 2024\n\n"
        "Russia released 215 people in the exchange, the largest of the war so far.[1] "
        "President Recep Tayyip Erdoğan said more would follow.\n\n== References ==\n\n"
        "1. Kyiv Independent, report on the return of Azovstal defenders.\n"
        "2. Babel, report on the statement by Erdoğan's spokesman.\n\n"
        "This page was last edited on 14 January 2024. Text is available under the Example "
        "Commons licence.\n"
    )
    assert [p.boilerplate for p in read_layout(text).paragraphs()] == [False, True, True]
    draft = make_draft(Source(Path("wiki.txt"), text, "0" * 64, False), gazetteer())
    proposed = {e["text"]: e["occurrences"] for e in draft.data["draft"]["new_entities"]}
    named = text.index("Recep Tayyip Erdoğan")  # and not "Erdoğan" of the references
    assert proposed == {"Recep Tayyip Erdoğan": [{"start": named, "end": named + 20}]}


def test_a_label_alone_on_the_line_above_its_paragraph_is_read_and_kept_out_of_the_claim() -> None:
    """Issue 12: "AGREE" on its own line, then the paragraph (no blank line between)."""
    text = (
        "A Title\n\n12 May 2024\n\n"
        "AGREE\nIt is cheap. We think so and many others agree with the point made here.\n\n"
        "DISAGREE\nIt is dear. The bill comes later, and it is paid by the people who can least.\n"
    )
    paragraphs = read_layout(text).paragraphs()
    assert [p.label[0] if p.label else None for p in paragraphs] == ["AGREE", "DISAGREE"]
    assert [text[p.sentences[0][0] :].split(".")[0] for p in paragraphs] == [
        "It is cheap",
        "It is dear",
    ]


@pytest.mark.parametrize(
    ("first", "second", "sides", "rebuts"),
    [
        ("[For the motion] ", "[Against the motion] ", ["for", "against"], False),
        ("For the motion: ", "Against the motion: ", ["for", "against"], False),
        ("In favour\n", "Opposed\n", ["for", "against"], False),
        ("Jane Example (for the motion): ", "John Sample (against): ", ["for", "against"], False),
        ("Myth: ", "Fact: ", ["none", "none"], True),
        ("Myth\n", "Reality\n", ["none", "none"], True),
        ("**Agree.** ", "**Disagree.** ", ["for", "against"], False),
        ("**Pro:** ", "__Con__: ", ["for", "against"], False),
        ("Proposition: ", "Opposition: ", ["for", "against"], False),
        ("YES \u2014 ", "NO \u2014 ", ["for", "against"], False),
        ("Claim: ", "Response: ", ["none", "none"], True),
        ("Claim: ", "**Verdict: False.** ", ["none", "none"], True),  # a fact-check
        ("## Claim: ", "Verdict: Misleading. ", ["none", "none"], True),
        ("✔ For: ", "✘ Against: ", ["for", "against"], False),  # a podcast's show notes
        ("YES | Jane Example: ", "NO | John Sample: ", ["for", "against"], False),  # a magazine
        # tried on layouts of my own: each had given no side
        ("Argument for: ", "Argument against: ", ["for", "against"], False),
        ("In favour (Jane Example): ", "Opposed (John Sample): ", ["for", "against"], False),
        ("Jane Example (agree): ", "John Sample (disagree): ", ["for", "against"], False),
        ("**Jane Example (Agree):** ", "**John Sample (Disagree):** ", ["for", "against"], False),
        ("*Pro:* ", "*Con:* ", ["for", "against"], False),
        ("👍 Agree: ", "👎 Disagree: ", ["for", "against"], False),
        ("Strongly agree: ", "Strongly disagree: ", ["for", "against"], False),
        ("### Agree\n\n", "### Disagree\n\n", ["for", "against"], False),
        ("Yes, says Jane Example. ", "No, says John Sample. ", ["for", "against"], False),
        ("SUPPORT: ", "OPPOSE: ", ["for", "against"], False),
        ("Pro: ", "Contra: ", ["for", "against"], False),
        ("## The yes case\n\n", "## The no case\n\n", ["for", "against"], False),
        ("## Team A (for)\n\n", "## Team B (against)\n\n", ["for", "against"], False),
        ("Jane Example, for the motion: ", "John Sample, against the motion: ", ["for", "against"],
         False),
        ("Jane Example \u2014 AGREE\n", "John Sample \u2014 DISAGREE\n", ["for", "against"], False),
        ("Jane Example: Agree\n", "John Sample: Disagree\n", ["for", "against"], False),
        ("Position: Agree. ", "Position: Disagree. ", ["for", "against"], False),
        ("## Why yes\n\n", "## Why no\n\n", ["for", "against"], False),
        ("## Myth: ", "", ["none", "none"], True),  # the myth as a heading, then its answer
        ("The myth: ", "The reality: ", ["none", "none"], True),
        ("Misconception: ", "Fact: ", ["none", "none"], True),
        ("Jane Example\nPosition: Agree.\n", "John Sample\nPosition: Disagree.\n",
         ["for", "against"], False),
        ("False: ", "True: ", ["none", "none"], True),
        ("What they say: ", "What the record shows: ", ["none", "none"], True),
    ],
)  # fmt: skip
def test_the_ways_a_debate_labels_its_sides(
    first: str, second: str, sides: list[str | None], rebuts: bool
) -> None:
    """Label forms of the field beside "AGREE" and "Pro:": a bracketed or spelled-out motion,
    "In favour"/"Opposed" above the paragraph, a side beside a speaker's name, "Myth"/"Fact"
    (the fact answers the myth)."""
    text = (
        "Should Kyiv Talk?\n\n12 May 2024\n\n"
        f"{first}Ukraine should negotiate now, as the war costs too much. It is a hard choice.\n\n"
        f"{second}Ukraine should not negotiate now, as Russia would rearm. The record says so.\n"
    )
    draft = make_draft(Source(Path("talk.txt"), text, "0" * 64, False), gazetteer())
    claims = draft.data["claims"]
    assert [c.get("side") for c in claims[::2]] == sides
    assert claims[0]["statement"].startswith("Ukraine should negotiate")
    assert claims[2]["statement"].startswith("Ukraine should not negotiate")
    assert bool(claims[2].get("rebuts")) is rebuts


def test_a_transcript_s_time_stamp_opens_its_speaker_s_tag() -> None:
    """ "[00:01:05] MARTA NOWAK: The polling is clear." is Marta Nowak speaking; "Welcome" and
    "Which" after a time stamp are no names."""
    text = (
        "Episode 42\n\n8 March 2024\n\n"
        "[00:00:12] HOST: Welcome back. Today we ask whether Kyiv should open talks.\n\n"
        "[00:01:05] MARTA NOWAK: The polling is clear. Which is why I agree with those who "
        "say so.\n"
    )
    assert [p.speaker[0] if p.speaker else None for p in read_layout(text).paragraphs()] == [
        "HOST",
        "MARTA NOWAK",
    ]
    assert not {"Welcome", "Which"} & proposals(text, header="")


def test_hansard_s_speaker_on_a_line_of_their_own_and_the_question_put() -> None:
    """ "Jane Example (North Exampleshire) (Con)" over her speech is its speaker, not its first
    words; "Question put and agreed to." is procedure, not a claim."""
    text = (
        "Ukraine: Negotiations\n\n5 December 2023\n\n"
        "Jane Example (North Exampleshire) (Con)\nI beg to move the motion. The House should "
        "support Ukraine for as long as it takes.\n\n"
        "Question put and agreed to.\n"
    )
    speech, close = read_layout(text).paragraphs()
    assert speech.speaker and speech.speaker[0] == "Jane Example (North Exampleshire) (Con)"
    assert text[speech.sentences[0][0] :].startswith("I beg to move")
    assert close.boilerplate


def test_a_speaker_who_answers_no_takes_no_side_and_one_who_names_a_side_is_its_speaker() -> None:
    """ "Jane Example: No, I …" in an interview is an answer; "Jane Example — AGREE" over a
    paragraph is her side, and she is the paragraph's speaker, as is a name over "Position:"."""
    text = (
        "Should Kyiv Talk?\n\n12 May 2024\n\n"
        "Jane Example: No, I do not think Ukraine should negotiate now. Russia would rearm.\n\n"
        "John Sample \u2014 AGREE\nUkraine should negotiate now, as the war costs too much. "
        "It is a hard choice.\n\n"
        "Maria Demo\nPosition: Disagree.\nUkraine should wait, as Russia would rearm. The "
        "record says so.\n"
    )
    layout = read_layout(text)
    first, second, third = layout.paragraphs()
    assert first.label is None and first.speaker and first.speaker[0] == "Jane Example"
    assert second.label and second.label[0] == "AGREE"
    assert second.speaker and second.speaker[0] == "John Sample"
    assert third.label and third.label[0] == "Disagree"
    assert third.speaker and third.speaker[0] == "Maria Demo"


@pytest.mark.parametrize(
    ("heading_for", "heading_against"),
    [
        ("## The case for talks", "## The case against talks"),
        ("Arguments in favour", "Arguments against"),
        ("## For the motion", "## Against the motion"),
        ("PROPOSITION", "OPPOSITION"),
        ("## Why Kyiv should negotiate: the case for", "## The case against: why it should not"),
    ],
)
def test_a_heading_that_names_a_side_gives_it_to_its_paragraphs(
    heading_for: str, heading_against: str
) -> None:
    """A heading over a group of paragraphs ("The case for", "Arguments against",
    "Proposition") gives them its side; a title naming both sides, or no side, gives none."""
    para = "Talks would {} the war's cost. It is a hard choice for a country at war.\n\n"
    text = (
        "The Case For and Against Talks\n\n12 May 2024\n\n## Background\n\n"
        + para.format("shape")
        + f"{heading_for}\n\n"
        + para.format("cut") * 2
        + f"{heading_against}\n\n"
        + para.format("raise") * 2
    )
    draft = make_draft(Source(Path("talks.md"), text, "0" * 64, False), gazetteer())
    by_paragraph = {c["paragraph"]: c.get("side") for c in draft.data["claims"]}
    assert by_paragraph == {1: None, 2: "for", 3: "for", 4: "against", 5: "against"}
    # both sides answer one question: one theme, not a theme per side
    (theme,) = draft.data["debate"]["themes"]
    assert {c.get("theme") for c in draft.data["claims"] if c.get("side")} == {theme["id"]}


def test_a_write_up_under_side_headings_gives_each_its_side_and_the_vote_none() -> None:
    """Under "The case against", every paragraph takes the side, a second speaker's ("Her
    partner argued …") too; the vote under a heading of its own takes none. From a newcomer's
    write-up, where a rule that kept the side only for "She went on" lost the second speaker."""
    text = (
        "The Case For and Against Talks\n\n12 May 2024\n\n## The case for\n\n"
        "Speaking for the motion, Jane Example said that talks would cut the war's cost. She "
        "called it a hard choice.\n\n## The case against\n\n"
        "Opposing the motion, John Sample said that talks would reward aggression. He called "
        "it a trap.\n\nHer partner argued that Vladimir Putin would only rearm for the next "
        "round of the war.\n\n## The vote\n\nThe audience then voted, and the motion fell by "
        "a wide margin at the close.\n"
    )
    draft = make_draft(Source(Path("talks.md"), text, "0" * 64, False), gazetteer())
    by_paragraph = {c["paragraph"]: c.get("side") for c in draft.data["claims"]}
    assert by_paragraph == {1: "for", 2: "against", 3: "against", 4: None}


@pytest.mark.parametrize(
    ("opening", "side"),
    [
        ("Speaking for the motion, Jane Example said", "for"),
        ("Opposing the motion, John Sample argued", "against"),
        ("Arguing against the proposition, Dr Lee said", "against"),
        ("For the motion, Ms Rowe told the room", "for"),
    ],
)
def test_a_summary_that_tells_who_spoke_for_or_against_gives_the_side(
    opening: str, side: str
) -> None:
    """A debate's write-up names each speaker's side as it reports them: that side holds for
    the paragraph, and the next ones the same speaker goes on in ("She went on"), not after."""
    text = (
        "Should Kyiv Talk?\n\n12 May 2024\n\nThe motion was put to the hall by the chair, "
        "who asked each speaker to keep to five minutes and to take questions at the end.\n\n"
        f"{opening} that the war costs too much. She added that time is not on Kyiv's side.\n\n"
        "She went on to say that the sanctions have not worked as their authors had hoped.\n\n"
        "The hall then voted, and the result was announced by the chair at the close.\n"
    )
    draft = make_draft(Source(Path("talk.txt"), text, "0" * 64, False), gazetteer())
    by_paragraph = {c["paragraph"]: c.get("side") for c in draft.data["claims"]}
    assert by_paragraph == {1: None, 2: side, 3: side, 4: None}


def test_a_speech_on_no_motion_takes_no_side_by_what_it_rejects() -> None:
    """Issue 12, from the UN speeches: "we reject …" in a speech that puts no motion is no side
    of a debate (nine speeches had a side on every claim); in a debate on a motion it is."""
    speech = (
        "We reject the use of force against any State. We oppose unilateral sanctions, which "
        "hurt the poor first and most.\n\nWe call for dialogue and for the Charter to be "
        "upheld by every Member State in this Hall.\n"
    )
    debate = "The motion: this House would press Kyiv to talk.\n\n" + speech
    for text, sides in ((speech, {None}), (debate, {"against"})):
        source = Source(
            Path("speech.txt"), "A Speech\n\n20 September 2022\n\n" + text, "0" * 64, False
        )
        draft = make_draft(source, gazetteer())
        assert {c.get("side") for c in draft.data["claims"]} == sides


def test_labels_become_sides_and_a_fallacy_and_its_rebuttal_neither_side() -> None:
    text = (
        "Should Sanctions Stay?\n\n2 May 2024\n\n## Trade\n\n"
        "Pro: Sanctions raise the cost of the war. They work slowly but surely over many years.\n\n"
        "Con: Sanctions leak through third countries. Their cost falls on ordinary people too.\n\n"
        "## Myths\n\n"
        "Fallacy: Sanctions never work at all. Every past case is said to prove this claim.\n\n"
        "Rebuttal: Some sanctions have changed policies. The record is mixed, not empty at all.\n"
    )
    source = Source(Path("sanctions.md"), text, "0" * 64, converted=False)
    draft = make_draft(source, Gazetteer([], EventFacts()))
    by_paragraph = {c["paragraph"]: c.get("side") for c in draft.data["claims"]}
    assert by_paragraph == {1: "for", 2: "against", 3: "none", 4: "none"}
    stance = [(s["label"], s["side"]) for s in draft.data["draft"]["stance"]]
    assert stance == [
        ("Pro", "for"),
        ("Con", "against"),
        ("Fallacy", "unknown"),
        ("Rebuttal", "unknown"),
    ]
    assert draft.data["debate"]["motion"] == "Should Sanctions Stay?"


def test_a_delegate_s_tag_makes_the_state_they_speak_for_the_maker_of_their_claims() -> None:
    text = (
        "A Record\n\n21 July 2023\n\nThe President: I give the floor to the representative "
        "of Türkiye. Please keep to five minutes.\n\nMr. Demir (Türkiye): My country brokered "
        "the deal last year. It was extended three times before it lapsed.\n"
    )
    claims = make_draft(Source(Path("r.txt"), text, "0" * 64, False), gazetteer()).data["claims"]
    assert [c.get("by") for c in claims] == [None, None, "turkey", "turkey"]


def test_no_name_of_a_line_s_opening_word_after_a_month_or_a_note_s_mark() -> None:
    """ "Published December 2023", "[1] Oral evidence …", "Ayes 241, Noes 198": no names."""
    text = (
        "The Committee took evidence in public. It met the Example Institute twice in May.[1]\n\n"
        "Division No. 318: Ayes 241, Noes 198. The motion was agreed after a long debate.\n\n"
        "## Notes\n\n[1] Oral evidence was taken in public at the Example Institute.\n"
    )
    names = proposals(text, header="A Report\n\nPublished December 2023\n\n")
    assert "Example Institute" in names
    assert names.isdisjoint({"Published", "Oral", "Ayes", "Noes", "Division No"}), names


def test_no_name_of_a_word_opening_a_line_after_a_time_a_mark_or_a_chat_s_tag() -> None:
    """A capital that opens a line after marks, numbers, times and tags in capitals, or after a
    chat's tag with a time, opens a sentence ("2/9 Baseline", "4/9 Volumes", "Ola Example,
    14:25: Fine"); a speaker's tag still names someone ("**Aalto:**", "[00:12] Olena:")."""
    text = (
        "The Example Freight Desk kept a live page through the night of the vote.\n"
        "2/9 Baseline first: the desk counted no ships at all in the first week.\n"
        "4/9 Volumes: the desk puts loadings at about 1.2 million tonnes for the week.\n"
        "V/O: Start with the money and the ships, then the ports and their queues.\n\n"
        "Ola Example-Berg, 14:25: Fine, book the eight now and the rest on Monday please.\n"
        "Tom Example-Kerr, 14:27: Done. Confirmation is on its way by e-mail today.\n\n"
        "**Aalto:** Russia released many people, and most published accounts agree on it.\n"
        "[00:12] Olena: We counted the buses ourselves, all of them, that whole night.\n"
    )
    names = proposals(text)
    assert {"Example Freight Desk", "Aalto", "Olena", "Ola Example-Berg"} <= names, names
    assert names.isdisjoint({"Baseline", "Volumes", "Start", "Fine", "Done"}), names


def test_no_name_of_a_transcript_s_labels_a_thread_s_marks_a_handle_or_a_reference_list() -> None:
    """ "QUESTION:", "Commentary:", "2/ Start abroad.", "@ExampleCounts" and the works of a
    "References" list under its heading are no names; "Question of Equitable Representation"
    still is one."""
    text = (
        "QUESTION: Thanks. Will the minister meet the Example Shipping Federation this week?\n\n"
        "Commentary: Counts of the exchange still differ. Some say more, others say less.\n\n"
        "2/ Start abroad. Anna Example (@ExampleCounts) recorded 7.5 million refugees.\n\n"
        "The Assembly debated the Question of Equitable Representation again. It met twice.\n\n"
        "References\nHale, R. (2024) Counting Ukrainians. Example University Press.\n"
    )
    names = proposals(text)
    assert {"Example Shipping Federation", "Anna Example"} <= names
    assert "Question of Equitable Representation" in names
    assert names.isdisjoint(
        {"QUESTION", "Commentary", "Start", "ExampleCounts", "Example University Press", "Hale"}
    ), names


def test_no_name_of_a_report_s_labels_a_question_s_number_or_an_exhibit_s_code() -> None:
    """Issue 12, from train-15: "Method:", "Note:", "Annotation A:", "Q3", a code a report cites
    its evidence by ("[GC-07]"), a debate's teams and a judge's title are no names; a code never
    in brackets ("G-20") still is one."""
    text = (
        "Method: EPI interviewed 1,204 adults in Examplia. Results may not add up.\n\n"
        "Q3 (a separate panel). Did the end of the deal worry you?\nNote: the deal lapsed.\n\n"
        "Annotation A: The first bar is the UN's. About 33 million tonnes left [GC-07].\n\n"
        "Judge Helena Voss-Carradine chaired. The Proposition spoke first; the Opposition won. "
        "The G-20 met in GC-07's wake.\n"
    )
    names = proposals(text)
    assert {"Helena Voss-Carradine", "G-20"} <= names
    assert names.isdisjoint(
        {"Method", "Q3", "Note", "Annotation A", "GC-07", "Judge Helena Voss-Carradine",
         "Proposition", "Opposition"}
    ), names  # fmt: skip


def test_what_opens_a_sentence_on_a_name_is_no_part_of_it() -> None:
    names = proposals(
        "Discounts on Urals crude have narrowed. Talks on East Jerusalem stalled. The Policy on "
        "Devolution has worked, and the Conference on Disarmament met.\n"
    )
    assert {"Urals", "East Jerusalem", "Policy on Devolution", "Conference on Disarmament"} <= names
    assert names.isdisjoint({"Discounts on Urals", "Talks on East Jerusalem"})


def test_a_body_named_by_what_it_is_owns_its_budget_and_the_one_named_before_its_estimate() -> None:
    text = (
        "The Example Grain Monitor counts ships. The monitor's own estimate is about 4 million "
        "tonnes. The finance ministry's draft budget sets outlays at 10.8 trillion roubles. The "
        "port officials' latest count put it at 40 ships."
    )
    assert sources_at(text, "about 4", "10.8", "40 ships") == [
        "Example Grain Monitor",
        "finance ministry",
        "port officials",
    ]


def test_a_treaty_is_named_whole() -> None:
    text = (
        "We call for adherence to the Treaty on the Non-Proliferation of Nuclear Weapons, the "
        "Convention on the Rights of the Child and the United Nations Convention on the Law of "
        "the Sea.\n"
    )
    names = proposals(text)
    assert {"Treaty on the Non-Proliferation of Nuclear Weapons",
            "Convention on the Rights of the Child",
            "United Nations Convention on the Law of the Sea"} <= names  # fmt: skip
    assert names.isdisjoint({"Non-Proliferation of Nuclear Weapons", "Child", "Law of the Sea"})


def test_a_plan_is_named_whole_with_the_place_in_its_name() -> None:
    names = proposals(
        "The Humanitarian Needs and Response Plan was launched. The Madagascar Emergency "
        "Plan followed.\n"
    )
    assert {"Humanitarian Needs and Response Plan", "Madagascar Emergency Plan"} <= names
    assert names.isdisjoint({"Humanitarian Needs", "Response Plan"})


def test_east_and_west_open_a_region_s_name_but_not_an_adjective() -> None:
    names = proposals(
        "Importers in East Africa paid more, as did those of the West African region. They "
        "spoke of East Jerusalem and the West Bank.\n"
    )
    assert {"East Africa", "East Jerusalem", "West Bank"} <= names
    assert names.isdisjoint({"Africa", "West African", "West African region", "Jerusalem"})


def test_a_panel_list_a_double_surname_alone_and_a_press_release_s_notes() -> None:
    """A list of panelists names people (no title, though title-cased); "Ferreira-Holm"
    alone, after "the director, Nadia Ferreira-Holm", is her; "No. Smaller …" ends a sentence
    at "No."; a press release's "Notes to editors" are boilerplate."""
    text = (
        "Panelists\n- Dr. Maren Example-Fisk, senior fellow, Example Institute for Security\n"
        "- Joanna Wierzba-Tate, director, Example Forum\n\n"
        "The panel met in Tallinn on Monday. Wierzba-Tate pointed to a poll of 2,000 people. "
        '"We feed many," said the coalition\'s director, Nadia Ferreira-Holm, citing port '
        "officials.\n\nFerreira-Holm appealed to donors for more. Was it the first such appeal? "
        "No. Smaller appeals came before, and none on this scale. Trade in South-East Europe, "
        "working at full speed, keeps Europe fed, Europe said.\n\n"
        "ENDS\n\nNotes to editors\n1. The Example Bridge works in Mykolaiv and Kherson.\n"
    )
    draft = make_draft(
        Source(Path("n.txt"), "A Note\n\n12 May 2024\n\n" + text, "0" * 64, False), gazetteer()
    )
    named = {e["text"]: len(e["occurrences"]) for e in draft.data["draft"]["new_entities"]}
    assert {"Maren Example-Fisk", "Joanna Wierzba-Tate", "Nadia Ferreira-Holm"} <= set(named)
    assert named["Nadia Ferreira-Holm"] == 2 and named["Joanna Wierzba-Tate"] == 2, named
    assert "Smaller" not in named and "Mykolaiv" not in named, named
    assert named.get("South-East Europe") == 1, named  # a region, though "working at" follows it


def test_a_memo_s_fields_names_joined_to_an_acronym_and_a_name_in_an_address() -> None:
    """ "DATE:", "RE:" are no names; "Hürriyet Daily News and RFE/RL" are two; "Examplia" is a
    name though its e-mail address writes it in lower case; "the Azovstal steelworks" is one."""
    text = (
        "TO: The Minister\nFROM: Policy Planning\nDATE: 3 October 2023\nRE: The corridor\n\n"
        "Examplia hosts 50,000 refugees, Hürriyet Daily News and RFE/RL reported. Fighters "
        "left the Azovstal steelworks in May, and Examplia took in some of them.\n\n"
        "Press: press@mfa.examplia.example.org\n"
    )
    names = proposals(text)
    assert {"Examplia", "Hürriyet Daily News", "RFE/RL", "Azovstal steelworks"} <= names, names
    assert names.isdisjoint({"DATE", "RE", "Hürriyet Daily News and RFE/RL"}), names


def test_a_letter_s_and_a_release_s_set_words_are_no_names() -> None:
    """ "Dear Friend,", "P.S.", "Embargoed until", "Deadline", "before Christmas", a preposition
    opening a sentence, a governor's title: none of them a name, or part of one."""
    text = (
        "EXAMPLE WINTER AID\n\nThursday, 14 December 2023 | Embargoed until 14:00\n\nDear Friend,"
        "\n\nAround Kharkiv, 9,000 homes still have damaged roofs. Our crews can repair 120 more "
        "homes before Christmas. Governor Ingrid Example-Solberg will visit. Deadline 11 "
        "January.\n\nP.S. Last year 94% of what you gave reached families.\n"
    )
    names = proposals(text)
    assert {"Kharkiv", "Ingrid Example-Solberg"} <= names, names
    assert names.isdisjoint(
        {"Dear Friend", "Friend", "Around Kharkiv", "Christmas", "P.S", "Embargoed", "Deadline",
         "Governor Ingrid Example-Solberg"}
    ), names  # fmt: skip


def test_a_form_s_sections_a_post_s_signature_and_a_heading_in_capitals_are_no_names() -> None:
    """A procurement notice's numbered fields ("II.1.4) Short description:"), a talk page's
    user names and "Archive 3 · Discussion", a press kit's headings in capitals: no names; a
    letterhead in capitals and a brand written in one word still are."""
    text = (
        "EXAMPLE GRAIN COUNCIL\n\nArchive 3 · Discussion closed on 26 July 2023\n\n"
        "II.1.4) Short description: transformers for Ukraine's grid, see VI.3. The Example "
        "PetroLink pipeline is idle. — Odesa_Ledger (talk) 08:41, 19 July 2023 (UTC)\n\n"
        "MARKET BACKDROP\nThe Example Grain Freight Index said barge rates eased. — Wheatfield77 "
        "(talk) 11:20, 24 July 2023 (UTC)\n\nHOW BAD IS IT?\n\n3. TURKISH VIEW: Deputy Foreign "
        "Minister Kerem Example-Yildiz briefed ambassadors on Wednesday.\n"
    )
    names = proposals(text)
    assert {"EXAMPLE GRAIN COUNCIL", "Example PetroLink", "Example Grain Freight Index"} <= names
    assert names.isdisjoint(
        {"II.1.4", "VI.3", "Short", "Discussion", "Odesa_Ledger", "Wheatfield77", "MARKET BACKDROP",
         "BAD IS IT", "HOW BAD IS IT", "TURKISH VIEW"}
    ), names  # fmt: skip
    assert "Kerem Example-Yildiz" in names, names


def test_a_script_s_cues_a_desk_s_headings_a_numbered_paragraph_and_an_anonymised_party() -> None:
    """A TV script's cues in brackets ("[GFX 1: CLAIM CARD]") and its "V/O:", one-word headings
    in capitals on a line of their own or in a line's first cell, the first word after a
    paragraph's number ("4.3 Residents"), and "Mr X": no names; a name that paragraph's number
    opens is still one where the text names it elsewhere."""
    text = (
        "MARKET WRAP | Issue 42\n\n[GFX 1: CLAIM CARD]\nV/O: Start with the money.\n\n"
        "SHIPPING\nThe Example Pilots said ships wait.\n\n4.3 Residents gave more. "
        "Mr X wrote to the Council.\n4.4 Mykolaiv was hit. The Example Office sent teams to "
        "Mykolaiv.\n"
    )
    names = proposals(text)
    assert {"Example Pilots", "Example Office", "Mykolaiv"} <= names, names
    assert names.isdisjoint(
        {"MARKET WRAP", "GFX", "CLAIM CARD", "V/O", "SHIPPING", "Residents", "X"}
    ), names
    assert len(proposed_at(text)["Mykolaiv"]) == 2


def test_a_signature_s_role_and_a_caption_s_cue_are_no_names_but_an_office_and_a_link_are() -> None:
    """ "Commercial Director" under a signature and "[APPLAUSE]" in live captions are no names;
    "the Office of the United Nations Resident Coordinator" is one, and so is a link's text; a
    company's name holds its suffix in lower case ("Example Power plc")."""
    text = (
        "Thank you all. [APPLAUSE] The Office of the United Nations Resident Coordinator agreed. "
        "See [UNHCR](https://example.org/unhcr). Example Power plc told us so.\n\nYours "
        "faithfully,\n\nPriya Example-Shah\n"
        "Commercial Director\n"
    )
    names = proposals(text)
    assert {"Office of the United Nations Resident Coordinator", "UNHCR",
            "Priya Example-Shah", "Example Power plc"} <= names, names  # fmt: skip
    assert names.isdisjoint({"APPLAUSE", "Commercial Director", "Example Power"}), names


def test_a_ministry_of_a_state_is_one_name_and_a_minister_s_title_is_none() -> None:
    text = (
        "Ministry of Foreign Affairs of the Example Kingdom\n\n20 July 2023\n\nI thank Mr. "
        "Abdulla Shahid, Minister for Foreign Affairs of the Maldives, for presiding over the "
        "session. The Ministry of Defence of the Russian Federation said nothing.\n"
    )
    names = proposals(text)
    assert {"Ministry of Foreign Affairs of the Example Kingdom",
            "Ministry of Defence of the Russian Federation"} <= names, names  # fmt: skip
    assert names.isdisjoint({"Ministry of Foreign Affairs", "Example Kingdom",
                             "Affairs of the Maldives"}), names  # fmt: skip


def test_a_chart_s_labels_and_a_report_s_title_after_whose_it_is_are_no_names() -> None:
    text = (
        "Chart notes\n\n1 March 2023\n\nAnnotation B: the middle bar is how RFE/RL reported "
        "it; see Slide 6. UNHCR's latest Global Trends report counts about 6 million.\n\n"
        "^1 UNHCR, Global Trends report, June 2024.\n"
    )
    names = proposals(text)
    assert {"RFE/RL", "UNHCR"} <= names, names
    assert names.isdisjoint({"Annotation B", "Slide", "Global Trends"}), names


def test_squares_streets_and_tags_that_are_names_stay_names() -> None:
    """What the rules for addresses, handles and headings in capitals must leave alone."""
    text = (
        "Crowds filled Tahrir Square in 2011. Since 2014 Independence Square has been a symbol. "
        "Wall Street fell 2.5% on Monday, and Downing Street said 40 officials left. The spread "
        "of Covid19 slowed.\n\nSAUDI ARABIA:\nWe thank the President. A joint IOM, World Bank "
        "report came out.\n"
    )
    names = proposals(text)
    assert {"Tahrir Square", "Independence Square", "Wall Street", "Downing Street", "Covid19",
            "SAUDI ARABIA", "World Bank"} <= names, names  # fmt: skip


def test_an_address_s_street_and_a_register_s_code_are_no_names() -> None:
    """ "4 Example Lane", "Rue de l'Exemple 12" and "IMO 9000001" are no names; a square where no
    house number stands by it is one ("Independence Square")."""
    text = (
        "Protesters met on Independence Square in Kyiv on Monday. The tanker EXAMPLE STAR (IMO "
        "9000001) is listed.\n\nExample Winter Aid, 4 Example Lane, Example Town. Example "
        "Energy Facility, Rue de l'Exemple 12, Brussels.\n"
    )
    names = proposals(text)
    assert "Independence Square" in names, names
    assert names.isdisjoint({"Example Lane", "Rue", "IMO"}), names


def test_an_interview_s_bold_tags_are_speakers_and_a_question_s_verb_no_name() -> None:
    """ "**Aalto:** …" is Aalto speaking (a name, though it opens the paragraph); "Was
    Medvedchuk one of them?" proposes Medvedchuk, not "Was Medvedchuk"."""
    text = (
        "**Example Weekly:** Was Medvedchuk one of the prisoners handed over in return? Many "
        "readers have asked us.\n\n"
        "**Aalto:** Sources differ on that, and I will not guess. The handovers happened at "
        "several sites.\n"
    )
    layout = read_layout("A Note\n\n12 May 2024\n\n" + text)
    assert [p.speaker[0] for p in layout.paragraphs() if p.speaker] == ["Example Weekly", "Aalto"]
    names = proposals(text)
    assert {"Aalto", "Medvedchuk"} <= names and "Was Medvedchuk" not in names


NOTE_HEADER = "A Note\n\n12 May 2024\n\n"


def drafted(text: str, header: str = NOTE_HEADER) -> dict[str, Any]:
    """The ``draft:`` block of a draft of ``text`` under ``header`` (against the small
    gazetteer)."""
    source = Source(Path("note.txt"), header + text, "0" * 64, False)
    block: dict[str, Any] = make_draft(source, gazetteer()).data["draft"]
    return block


def proposals(text: str, header: str = NOTE_HEADER) -> set[str]:
    """The names a draft of ``text`` under ``header`` proposes as new entities."""
    return {entity["text"] for entity in drafted(text, header)["new_entities"]}


def proposed_at(text: str, header: str = NOTE_HEADER) -> dict[str, list[int]]:
    """Each name a draft of ``text`` under ``header`` proposes, with where in ``text`` it is."""
    return {
        entity["text"]: [o["start"] - len(header) for o in entity["occurrences"]]
        for entity in drafted(text, header)["new_entities"]
    }


def mentioned(text: str, header: str = NOTE_HEADER) -> list[str]:
    """The known names a draft of ``text`` under ``header`` links, in text order."""
    return [mention["text"] for mention in drafted(text, header)["mentions"]]


def test_a_list_item_s_mark_and_a_number_s_sign_are_no_part_of_a_name() -> None:
    """Issue 12, from train-33 and train-34: a word opening a lettered item ("(b) Security."),
    or a numbered heading ("2 Market") is a sentence's first word, no name;
    "No." before a number ends no name ("Notice to Mariners No. 31/2023", "Hamas No. 2"), and a
    document's kind before it is none ("Decree No. 647"); "I'm" opens none
    ("I'm Marta": Marta). A name named elsewhere still is one ("(c) Example Brokers")."""
    text = (
        "Our base case uses the lower number.\n(b) Security. The berth faces the river.\n"
        "(c) Example Brokers. The firm quoted a premium.\n\n"
        "2 Market\nThe business grew on exports.\n\n"
        "Notice to Mariners No. 31/2023 is cancelled.\n\n"
        "Israel named Hamas No. 2 as its target. Air defence is Zelensky's No. 1 priority.\n\n"
        "The port acted under Decree No. 647 of the ministry.\n\n"
        "Good afternoon. I'm Marta, and I'll be your guide."
    )
    found = proposed_at(text)
    assert {"Security", "Market", "I'll", "Decree"}.isdisjoint(found)
    assert "Hamas" in found and "Zelensky" in found  # (the name before "No." stays)
    assert "Example Brokers" in found
    assert not [name for name in found if name.endswith(" No")]
    assert "Marta" in found and "I'm Marta" not in found


def test_a_mail_s_date_and_subject_fields_are_dated() -> None:
    """Issue 12, from train-22 and train-26: a mail's header (read as boilerplate) and a reply's
    quoted fields still give their dates ("Date: Tuesday, 21 November 2023", "Subject: … before
    Friday?")."""
    text = (
        "From: Example Winter Aid <appeals@example.org>\nDate: Tuesday, 21 November 2023\n"
        "Subject: Kharkiv is bracing for the frost. Will you help before Friday?\n\n"
        "Dear Friend,\n\nLast winter, Larysa kept her grandchildren warm in a single room of a "
        "flat with no glass in its windows. This year she has a new window and a stove.\n\n"
        "-----Original message-----\nFrom: Leni <leni@example.org>\n"
        "Date: Monday, 20 November 2023, 11:12\n\nSorry this is late. The sheet is attached "
        "and the totals are checked.\n"
    )
    source = Source(Path("mail.txt"), text, "0" * 64, False)
    figures = make_draft(source, gazetteer(), when="2023-11-21").data["draft"]["figures"]
    dated = {(f["text"], f.get("date")) for f in figures}
    assert {("21 November 2023", "2023-11-21"), ("Friday", "2023-11-24")} <= dated
    assert ("20 November 2023", "2023-11-20") in dated


def test_a_nickname_is_part_of_the_name_and_a_transcript_s_tag_opens_no_name() -> None:
    """Issue 12, from train-32: Gwen "Gee" Example-Pryce is one name, not three; the word after
    a transcript's tag in capitals opens its sentence (">> EXAMPLE-JAMES: Honestly, …")."""
    phone_in = (
        'PRESENTER (Gwen "Gee" Example-Pryce): You\'re on Farm Line. Since the deal ended, '
        "prices fell.\n\nTOM: Hi there. It is bad for us all."
    )
    found = proposed_at(phone_in)
    assert 'Gwen "Gee" Example-Pryce' in found
    assert {"Gwen", "Gee", "Example-Pryce"}.isdisjoint(found)
    captions = (
        ">> MODERATOR: Good morning. We have three panellists and an hour.\n\n"
        ">> EXAMPLE-JAMES: Honestly, the grid is weak. It was hit again last night.\n\n"
        ">> MODERATOR: Gas briefly. Are the stores full this winter?"
    )
    assert {"Good", "Honestly", "Gas"}.isdisjoint(proposed_at(captions))
    titles = (
        'Blinken told CBS "Face the Nation" Sunday that aid would go on. The Kremlin dismissed '
        'the Economist "Special Report" Tuesday. During Operation "Iron Swords" Israel struck.'
    )
    found = proposed_at(titles)
    assert {"CBS", "Face the Nation", "Iron Swords"} <= set(found)
    assert not [name for name in found if '"' in name]


def test_the_word_after_a_field_s_label_opens_its_line_and_is_no_name() -> None:
    """Issue 12, from train-29, train-34 and train-4: "Subject: Solidarity partnership …",
    "Proposal: Change of use …": the label's value opens its line, as a sentence's first word
    does, so a common word there is no name; a name there still is one."""
    header = (
        "Report to the Committee\n\n12 May 2024\n\nSubject: Solidarity partnership with the city\n"
        "Proposal: Change of use of the vacant health centre\nAuthor: Example Ports Board\n\n"
    )
    found = proposed_at(
        "The council met on Monday to discuss the matter. It agreed the plan after a long debate.",
        header=header,
    )
    assert {"Solidarity", "Change"}.isdisjoint(found)
    assert "Example Ports Board" in found


def test_a_lettered_item_opens_a_sentence_of_its_own() -> None:
    """ "… the lower number.\n(b) Security. The berth …": "(b) Security." is a sentence, its
    words after the mark, not the end of the one before; a paragraph's letter cited in a sentence
    ("under para. (b) of the resolution") opens none."""
    text = "We use the lower number.\n(b) Security. The berth faces the river."
    assert [text[a:b] for a, b in sentences(text, 0, len(text))] == [
        "We use the lower number.",
        "Security.",
        "The berth faces the river.",
    ]
    cited = "The Council acted under para. (b) of the resolution and adopted it."
    assert sentences(cited, 0, len(cited)) == [(0, len(cited))]


def test_a_bold_lead_in_opens_its_item_and_is_no_name() -> None:
    """A digest's items open with a word in bold ("**Polls.**"): it opens a sentence, as a
    capitalised first word does, and is no name; a name in bold still is one."""
    text = (
        "**Polls.** Support for talks rose again this week. It is still a minority view.\n\n"
        "**Prisoners.** Swaps have slowed since the summer. Families are waiting for news.\n\n"
        "**Marta Example-Hale** spoke to us on Monday. She expects no swap before spring.\n"
    )
    found = proposals(text)
    assert {"Polls", "Prisoners"}.isdisjoint(found)
    assert "Marta Example-Hale" in found


def test_a_word_that_opens_a_sentence_is_a_name_where_the_text_names_it_elsewhere() -> None:
    """ "Europe has taken in …" is Europe where the text also writes "across Europe"; a word
    that only opens sentences ("Returns") is still no name."""
    text = (
        "Europe has taken in millions of people since the war began. Returns are harder to "
        "count. UNHCR recorded refugees from Ukraine across Europe in the autumn. Returns "
        "rose again in the spring.\n"
    )
    source = Source(Path("note.txt"), "A Note\n\n12 May 2024\n\n" + text, "0" * 64, False)
    new = make_draft(source, gazetteer()).data["draft"]["new_entities"]
    europe = next(entity for entity in new if entity["text"] == "Europe")
    assert len(europe["occurrences"]) == 2
    assert "Returns" not in {entity["text"] for entity in new}


def test_the_title_of_a_report_whose_maker_the_text_names_is_no_new_entity() -> None:
    """ "in its Global Trends report" is a work's title, wherever else the text names it; a
    report that takes its maker's name ("the Council of Europe report", "the Example Survey
    Institute's report") keeps the maker."""
    text = (
        "The agency says in its Global Trends report that 6 million people have left. Global "
        "Trends counts them each June. The Council of Europe report and the Example Survey "
        "Institute's report say the same.\n"
    )
    found = proposals(text)
    assert "Global Trends" not in found
    assert {"Council of Europe", "Example Survey Institute"} <= found


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("According to the UN, ships made 1,000 voyages.", "UN"),
        ("About 6.2 million refugees (UNHCR) have left.", "UNHCR"),
        ("Prices rose 20% (Example Monitor, 2023) in a year.", "Example Monitor"),
        ("Food costs rose 12% per month.", None),
        ("The ships carried 300 tonnes, per the Joint Coordination Centre.",
         "Joint Coordination Centre"),
        ("Reuters, citing UN data, put the toll at 9,000.", "UN"),
        ("The Monitor, which tracks shipping, counted 300 ships.", "Monitor"),
        ("At least 12 villages are without water (partners, as of 6 March)", "partners"),
        ("Partners delivered 410 tonnes of food, according to cluster reporting.",
         "cluster reporting"),
        ("Fighting has cost 9,000 lives, the team said.", None),
        ("US$5.6 billion requested by the UN and its partners", "UN"),
        ("- US$5.6 billion requested by the UN appeal (UN OCHA)¹", "UN OCHA"),
        ("War-risk premiums fell to about 1 percent, according to brokers in London.",
         "brokers in London"),
        ("Military analysts now describe belts up to 30 km deep.", "military analysts"),
        ("Example Aid, our development agency, tells me it shipped 420 generators.",
         "Example Aid"),
        ("The UN reminded us that the deal moved 33 million tonnes.", "UN"),
        ("RFE/RL, reporting the same appeal, gave 21.8 million.", "RFE/RL"),
        ("Port officials in January counted 9.5 million tonnes.", "port officials"),
        ("United Nations agencies report that some 1.3 million people go hungry.",
         "United Nations agencies"),
        ("For 2 years, as a member of the Council, Mexico has sought to end conflicts.", None),
        ("An adviser to one European finance minister put it at $1.5 billion.",
         "adviser to one European finance minister"),
        ("Watch the UNHCR figures: 7.5 million refugees.", "UNHCR"),
        ("Traders in Odesa said freight rose by about 15 per cent.", "traders in Odesa"),
        ("KYIV, March 3 (Example Wire) – Ships carried 23 million tonnes.", None),
        ("KIIS reported that 84 percent said no; only 10 percent disagreed.", "KIIS"),
        ("In a survey taken last July by the Example Institute, 84% said no.", "Example Institute"),
        ("February figures from UNHCR counted almost 6 million people.", "UNHCR"),
        ("UNHCR has estimated that 6 million people left.", "UNHCR"),
        ("The Lab, a research group in Riga, estimates that 3% went to aid.", "Lab"),
        ("Ships carried 33 million tonnes, the Example Monitor newsletter reported.",
         "Example Monitor"),
        ("Port officials in Odesa reported more than 1,500 ships.", "port officials in Odesa"),
        ("Ukrainian port officials put it at 24 million tonnes.", "Ukrainian port officials"),
        ("A diplomat involved in the talks said 60 days.", "diplomat involved in the talks"),
        ("Wheat rose as much as 8.5 per cent, dealers said.", "dealers"),
        # past an aside between who says it and the verb
        ("Councillor Joanna Example-Fitt, cabinet member for housing, said the council spent "
         "£1.9 million.", "Joanna Example-Fitt"),
        ("One host in Example Vale, who asked not to be named, said her bill rose by £90.",
         "one host in Example Vale"),
        ("Sappers who work the area, speaking without their names, told us they remove 20 mines "
         "a day.", "sappers who work the area"),
        ("Accounts on Telegram channels, shared widely since yesterday, put the total at 300.",
         "accounts on Telegram channels"),
        # what one says another counts is the other's
        ("Our correspondent Ines Example-Varga says port officials in Odesa count 16 loaded ships.",
         "port officials in Odesa"),
        # one person of a body, whole; never "the Group of Seven" as a group
        ("An official of the Example Ministry of Trade said 40 ships left.",
         "official of the Example Ministry of Trade"),
        ("A spokesperson for the Example Grain Board said 40 ships left.",
         "spokesperson for the Example Grain Board"),
        ("The group of seven said it had pledged $4.5 billion.", None),
        # a participle opening a sentence is no one ("Funded projects"): its footnote is
        ("Funded projects reached 2.3 million people last year.¹\n\n¹ Example Relief "
         "Consortium, Annual Report 2023.", "Example Relief Consortium"),
        ("A commentator on Russian state television said no more than 10 per cent.",
         "commentator on Russian state television"),
        ("Volunteer groups working in Kherson put it at 3,000.",
         "volunteer groups working in Kherson"),
        ("As measured by Transparency International, we rose 24 places.",
         "Transparency International"),
        ("Other accounts spoke of almost 300 people.", "other accounts"),
        ("Ukrainian officials put the front at over 1,000 km.", "Ukrainian officials"),
        ("A congressional staffer told me it could reach $60 billion.", "congressional staffer"),
        ("In the latest KIIS survey, 80% of Ukrainians said no.", "KIIS"),
        ("The UN's 2023 appeal counted nearly 18 million people.", "UN"),
        ("At the UN's appeal, Martin Griffiths spoke of 18 million people.", "Martin Griffiths"),
        ("“It is grim,” said Martin Griffiths of the 18 million in need.", "Martin Griffiths"),
        ("The survey, conducted from 25 May to 5 June, found that 84% agreed.", None),
        ("Prices rose by 12% in the capital.", None),
        ("Selin Demirtaş, who has tracked Black Sea traffic for years, said 40 per cent was maize.",
         "Selin Demirtaş"),
        ("A Western ambassador who asked not to be named put it at 30 per cent.",
         "Western ambassador who asked not to be named"),
        ("An envoy in Ankara told me 12 ships were waiting.", "envoy in Ankara"),
        # the one a relayer cites made the figure, though the relayer is named first
        ("Silos hold 400,000 tonnes, the Example Network (EFN) said, citing port operators in "
         "Odesa.", "port operators in Odesa"),
        ("Babel, citing Erdogan's spokesman, reported that 15 commanders were listed.",
         "Erdogan's spokesman"),
        ("Dr Jane Roe told us they came close \"3 times\", as the Belfer Center put it.",
         "Belfer Center"),
        ("UNHCR's Global Trends report, published in June, puts refugees at 6 million.", "UNHCR"),
        ("Ukraine's Defence Ministry said 500 were wounded.", "Ukraine's Defence Ministry"),
        ("Other accounts speak of almost 300 people.", "other accounts"),
        ("Aid workers put the number of reopened schools at fewer than 30.", "aid workers"),
        ("The UN is asking donors for $5.6 billion.", "UN"),
        ("Ships wait 10 days, one official said, asking not to be named.", "one official"),
        ("It recaptured 14 villages (Example Review, citing Ukrainian military figures).",
         "Ukrainian military"),
        ("According to UN officials, 500 people left.", "UN officials"),
        ("Premiums rose by up to 1% of a hull's value, insurers in London say.",
         "insurers in London"),
        ("The figure comes from the Example Register, whose count puts 14 ships idle.",
         "Example Register"),
        ("The Example Pool pledged a further €2 million on Monday.", "Example Pool"),
        ("Jonas Roe replied that talks failed 3 times in 2022.", "Jonas Roe"),
        ("Erdogan, quoted by Hurriyet Daily News, put the number freed at 200.", "Erdogan"),
        ("We are not alone: NATO now counts 31 members.", None),
        ("Lavrov said Russia would go on, and NATO, which has had 31 members since April, "
         "supplies Kyiv.", None),
        ("Last week, Prime Minister Trudeau pledged $1.2 billion.", "Trudeau"),
        ("For the first time, all G-20 member States pledged 1.5 degrees.", None),
        ("Russia released 215 people, while Ukraine handed over 55, officials in Kyiv said.",
         "officials in Kyiv"),  # the reporting clause at the end reports both parts
        ("One analyst at Example Policy Forum cautioned that it dipped to 80% last month.",
         "one analyst at Example Policy Forum"),
        ("By one widely cited count it took 14 villages.", "one widely cited count"),
        ("By some estimates, the failure cost $6.5 trillion.", "some estimates"),
        ("The Example Panel measured 80% in October.", "Example Panel"),
        ("Anna Roe gave that figure in Geneva, out of a population of 43 million.", "Anna Roe"),
        ("A viral post says the deal moved barely 10 million tonnes.", "viral post"),
        # the producer one reports, not the one who reports it
        ("Example Wire reports a new KIIS figure of 74% today.", "KIIS"),
        ("Example Wire reported the latest UNHCR data: 6 million.", "UNHCR"),
        # a work cited with its year is where it was read, not who made the figure
        ("A KIIS wave fielded in June found 84% (Example Daily 2023).", "KIIS"),
        ("The share was 84% (Example Daily 2023).", "Example Daily"),
        ('Anna Roe, the UN\'s relief chief, gave "nearly 18 million people in need".', "Anna Roe"),
        # the sum an appeal asks for is its author's; not what one says after its launch
        ("- 15 February: The UN launches a $5.6 billion appeal in Geneva.", "UN"),
        ("- $5.6 billion: what the UN's 2023 appeal for Ukraine asked for.", "UN"),  # not Ukraine
        ("The UN and its partners launched the 2023 appeal in Geneva, asking for $5.6 billion.",
         "UN"),
        ("The Sumy regional administration said that 38 shelters are open.",
         "Sumy regional administration"),
        ("The Example Freight Index, citing port agents in Constanța, counts 23 ships waiting.",
         "port agents in Constanța"),  # the producer the relayer cites
        ("Border guards recorded an average wait of 4 hours in September.", "border guards"),
        ("Poland's border guard said 30,000 people crossed.", "Poland's border guard"),  # a name
        ("The World Bank's damage assessment put the needs at $411 billion.", "World Bank"),
        ("Growth reached 2% last year, an IMF forecast found.", "IMF"),
        ("The IMF forecasts growth of 2% next year.", "IMF"),
        ("FAO projects that cereal output will fall by 40 million tons.", "FAO"),
        ("Data released by UNHCR on Monday show 6 million refugees.", "UNHCR"),  # not the day
        ("The Example Post, citing a KIIS poll, reported that 40% back talks.", "KIIS"),
        ("The Example Post reported that 40% back talks, citing KIIS's latest survey.", "KIIS"),
        ("According to the Example Post, UNHCR counted 6 million refugees.", "UNHCR"),
        ("According to the Example Post, 6 million refugees left.", "Example Post"),
        ("NATO Secretary-General Jens Stoltenberg said 3,000 were trained.", "Jens Stoltenberg"),
        ("Only 3 of 11 analysts polled by the Example Monitor expect a deal.", "Example Monitor"),
        ("New pledges fell by almost 90 per cent, the Example Tracker found.", "Example Tracker"),
        ("OHCHR has verified 9,806 civilian deaths.", "OHCHR"),
        ("The European Union has agreed to spend €50 billion on Ukraine.", "European Union"),
        ("Russia's defence ministry said on Monday that 195 servicemen were returned.",
         "Russia's defence ministry"),  # a state's body named by what it is
        ("Ukraine's central bank said inflation fell to 5%.", "Ukraine's central bank"),
        # a body named by whose it is before it; a day between the name and what it does
        ("More than 14,000 people died in the Donbas, the UN human rights office said.",
         "UN human rights office"),
        ("The Example Relief Alliance today appealed for $40 million.", "Example Relief Alliance"),
        ("Trucks covered about 60 per cent of demand, the city’s water utility estimates.",
         "city’s water utility"),  # a vague source narrowed by whose it is
        ("Prices will rise by at least 15% by September, one trade association said.",
         "one trade association"),
        ("Anna Roe appealed to donors for €12 million to buy flour.", "Anna Roe"),
        ("Our development agency has set aside €2.5 million for the families.",
         "Our development agency"),  # a pledge, as the speaker names their own body
        # one who says what another found: the other's figure
        ("Anna Roe reminded the room that, according to the UN, it carried 33 million tonnes.",
         "UN"),
        ("When the UN launched its 2023 appeal, Anna Roe said 18 million needed aid.", "Anna Roe"),
        ("About 2,000 dockers were sent home, one union leader in Chornomorsk said.",
         "one union leader in Chornomorsk"),
        # the writer's own work names no source, though it mentions another's
        ("In my own seminar this spring, 14 of 22 students picked the UNHCR figure.", None),
        # the one quoted made the figure, not the one quoting
        ("Volunteers in the Kharkiv region, quoted by the Example Relief Bulletin, count more "
         "than 120 schools without heating.", "volunteers in the Kharkiv region"),
        ("Ukrainska Pravda, quoting sources in the presidential office, reported 3 rounds.",
         "sources in the presidential office"),
        ("The Example Institute's analysts, quoting Ukrainian farm groups, put the loss at 6 "
         "million tonnes.", "Ukrainian farm groups"),
        ("Reuters, citing two people familiar with the talks, reported that 40 ships waited.",
         "two people familiar with the talks"),
        ("Port officials in Odesa said that, according to UN data, 33 million tonnes left.",
         "UN"),
        # an office or a body by what it is, in lower case (in capitals, a name or a title)
        ("Ukraine's foreign minister said 40 countries had signed.", "Ukraine's foreign minister"),
        ("Russia's defence ministry claimed to have shot down 18 drones.",
         "Russia's defence ministry"),
        ("The regional governor said 12 people were wounded.", "regional governor"),
        ("The conference secretariat says 5 more donors will speak.", "conference secretariat"),
        # "states that", a saying verb; "member states say" is no one's statement
        ("ERPO states that 60% of refugee children are out of school.", "ERPO"),
        ("The Russian embassy in Washington said 200 sanctions were illegal.",
         "Russian embassy in Washington"),
        ("The president said on Friday that 20% was occupied, citing the general staff.",
         "general staff"),
        ("The Office of the UN High Commissioner for Refugees counted 6 million refugees.",
         "Office of the UN High Commissioner for Refugees"),
        # which president or mayor, the text said before: no source of its own
        ("The mayor said 40 buildings were hit.", None),
        # what was put at a number by someone, in the passive
        ("The number of destination countries was put at 45 by the UN.", "UN"),
        ("The figure of 6 million was put forward by UNHCR in its February update.", "UNHCR"),
        ("Losses were estimated at $150 billion by the central bank.", "central bank"),
        ("Method: EPI interviewed 1,204 adults online.", "EPI"),
        # one who speaks for a body; whose figure the text says it is; a claim's origin
        ("Captain Idris Malkoç, for the Example Masters' Guild, told the Commission there were "
         "at least 27.", "Idris Malkoç"),
        ("The speaker said nearly 18 million and never named Martin Griffiths, whose figure it "
         "is.", "Martin Griffiths"),
        ('Their claim that 14 villages were retaken came from "military bloggers".',
         "military bloggers"),
        # where it said it, set off ("in its April outlook"); whose office or press service
        ("The IMF, in its April outlook, forecast growth of 3% for Ukraine.", "IMF"),
        ("UNHCR, in its latest update, counted 6.2 million refugees.", "UNHCR"),
        ("The appeal, launched by OCHA in Geneva, seeks $3.9 billion.", "OCHA"),
        ("Zelenskyy's office said 8 people had been killed in the strike.", "Zelenskyy's office"),
        ("The Kremlin's press service said 40 drones had been downed.",
         "Kremlin's press service"),
        ("The UN human rights monitoring mission has verified 10,000 civilian deaths.",
         "UN human rights monitoring mission"),
        ("Nearly 500 civilians were killed in July, according to the UN human rights office.",
         "UN human rights office"),
        ("Official figures released by Rosstat show unemployment at 3%.", "Rosstat"),
        ("Figures from African presidential corridors put it at 5 ships.", None),  # no "president"
        # a work after whose it is says what its maker says; an appeal's plan seeks a sum
        ("The UN's 2024 Humanitarian Needs and Response Plan seeks $3.1 billion.", "UN"),
        ("The World Bank's Rapid Damage and Needs Assessment puts the cost at $411 billion.",
         "World Bank"),
        ("Ukraine's Ministry of Defence said 40 drones were downed.",
         "Ukraine's Ministry of Defence"),
        # one name after whose it is: a person ("Russia's Lavrov"), not a work's title
        ("Russia's Lavrov said 3 rounds were held.", "Lavrov"),
        ("UNHCR's Global Trends Report found 6 million refugees.", "UNHCR"),
        ("Wealth grew by $30 trillion, according to Nobel Prize winner Kailash Satyarthi.",
         "Kailash Satyarthi"),
        # one bidden to do it has not done it
        ("The Commission recommends that the Republic of Examplia set aside €15 million.", None),
        # a note's label is no one saying it; one's own reckoning is one's own
        ("[Translator's note: the original gives 340 in words but 345 in its annex.]", None),
        ("On our own reckoning the pledge covers about 0.4% of the UN's appeal.", None),
        # by whom a thing was made is not who says what it found
        ("Our own review of 140 statements by European ministers found that fewer than 20% "
         "cited a source.", None),
        # one who says it, set off by where they are from or were, in a witness's bold lead
        ("Mr Example, of the Example Trade Council, said exports fell by 20%.", "Example"),
        ("**Gen. (retd) Oskar Example**, formerly of the Example Defence Staff, said that "
         "Ukraine had recaptured 14 villages.", "Oskar Example"),
        ("**Prof. Mira Example-Stahl, of the Example Institute**, said 62% backed talks.",
         "Mira Example-Stahl"),
        # an apposition of more than a few words
        ("Dr Pavlo Example-Hrytsenko, a sociologist at the Example Poland-Ukraine Survey Centre "
         "in Lviv, told us each wave interviews about 1,000 adults.", "Pavlo Example-Hrytsenko"),
        # those relayed ("as quoted by") are who give it
        ("Ukrainian officials, as quoted by Example Radio Kyiv last week, give a higher figure, "
         "about 8,000.", "Ukrainian officials"),
        # who says it, with who relays it set off; a vote after a debate is no post's
        ("The Russian Federation, he added, had pledged up to 500,000 tonnes of grain.",
         "Russian Federation"),
        ("In the post-debate vote, 41 percent backed the motion.", None),
        # set off by when, by what was done to it, by an age; a vague source after an article
        ("UNHCR, on Tuesday, said 6 million refugees had been recorded.", "UNHCR"),
        ("The Example Monitor, set up in 2019 by former diplomats, counted 140 violations.",
         "Example Monitor"),
        ("Kateryna Example, 42, a nurse in Kharkiv, said 12 patients had been moved.",
         "Kateryna Example"),
        ("According to a senior Ukrainian official, about 500 soldiers were captured.",
         "senior Ukrainian official"),
        ("The Kremlin did not comment, but Russian state media reported 60 drones were shot "
         "down.", "Russian state media"),
        # a speech's own office of two words; "As the IPCC has shown"
        ("Our national statistics office reports that poverty fell to 12%.",
         "Our national statistics office"),
        ("As the IPCC has shown, temperatures have risen by 1.1 degrees.", "IPCC"),
        # an office, named whole
        ("The President of the General Assembly reminded us that 700 million people live in "
         "extreme poverty.", "President of the General Assembly"),
        # whose tracker, whose calculations
        ("The Kiel Institute's tracker lists 41 donor countries.", "Kiel Institute"),
        ("Reuters calculations based on customs data show exports of 3 million tonnes.",
         "Reuters"),
        # a mission by what it is (but "the mission" alone names none)
        ("The monitoring mission reported 12 violations on Monday.", "monitoring mission"),
        ("The mission said 12 violations were recorded.", None),
        # the one an outlet quoted as saying it; a body whose name opens with a title's word
        ("Interfax quoted Sergey Example as saying that 40 drones were downed.",
         "Sergey Example"),
        ("The Kyiv Independent, citing the General Staff, reported 500 casualties.",
         "General Staff"),
        # what the figures are for is not who gives them; a role in capitals set off
        ("The UN's figures for the Black Sea Grain Initiative give about 33 million tonnes.",
         "UN"),
        ("Amara Example-Osei, Director of Operations at the Office for the Coordination of "
         "Humanitarian Affairs (OCHA), said 1,000 voyages had sailed.", "Amara Example-Osei"),
        # a sum that one has promised; a UN summary's speaker, named as it names them
        ("And the €50 billion that the EU has promised Ukraine is not yet approved.", "EU"),
        ("The representative of Ukraine said strikes had destroyed some 60,000 tonnes of grain.",
         "representative of Ukraine"),
        ("The Russian delegation had earlier claimed 60 million tonnes.", "Russian delegation"),
        # who they are, then when, before what they put it at
        ("He quoted Martin Griffiths, the UN's relief chief, who in February put the number "
         "of people in need at nearly 18 million.", "Martin Griffiths"),
        # "register" and "reckons" say a figure too; a correspondent is a vague source
        ("Border guards in Lviv register roughly 300 arrivals a week.", "border guards in Lviv"),
        ("The Example Mine Atlas reckons that more than 90 km of road is mined.",
         "Example Mine Atlas"),
        ("Some 40% of the grid is damaged, by our defence correspondent's tally.",
         "defence correspondent"),
        # "logged"; who do something, after where they are from
        ("The Example Sea Tracker has logged 84 ships on the route.", "Example Sea Tracker"),
        ("Ukrainian deminers estimate that about 174,000 square kilometres are mined.",
         "Ukrainian deminers"),
        # a tally in brackets after the figure: whose tally it is
        ("The offensive has retaken 12 villages (Example Wiki's running tally).", "Example Wiki"),
        ("About 5,000 people lived in those villages before the war (Example Wiki)[4].",
         "Example Wiki"),
        # more verbs of one who says it, a passive's doer, whose telling
        ("The Example Peace Desk assessed that 310 square kilometres had changed hands.",
         "Example Peace Desk"),
        ("The Example Central Bank conceded that inflation could reach 8.5%.",
         "Example Central Bank"),
        ("The Example Relief Agency is seeking $1.1 billion for host countries.",
         "Example Relief Agency"),
        ("Defence spending is projected by the Example Arms Institute at 7% of output.",
         "Example Arms Institute"),
        ("In Moscow's telling, 600,000 volunteers have signed contracts.", "Moscow"),
        # a role of a state in lower case is a vague source: "US intelligence", "… department"
        ("Russia has lost 315,000 men, according to US intelligence.", "US intelligence"),
        ("According to Canada's immigration department, 298,000 people have arrived.",
         "Canada's immigration department"),
        # the rules one sets
        ("Under guidance from the Example Department for Communities, hosts receive £350 a month.",
         "Example Department for Communities"),
        # one of a body, and those a poll asked what they expect (their figure, not the poll's)
        ("A member of the Ukrainian delegation said power was back in 2 million homes.",
         "member of the Ukrainian delegation"),
        ("Economists polled by the Example Financial Wire had put the chance at about 30%.",
         "economists polled by the Example Financial Wire"),
        ("Economists polled by the agency expect imports to have fallen to 180,000 tonnes.",
         "economists polled by the agency"),
        ("Two members of the committee said the package would cost €50 billion.",
         "two members of the committee"),
        ("Officials at the ministry have put losses at $2 billion.", "officials at the ministry"),
        # but a share of those a poll asked is the poll's; "by telephone" is how, not who
        ("About 40% of residents questioned by the Example Monitor had no heating.",
         "Example Monitor"),
        ("The Example Institute surveyed by telephone 1,204 adults in May.", "Example Institute"),
        # a name in brackets that spells out no words before it; records an office keeps
        ("The offensive retook 14 villages before the war (Wikipedia's running tally).",
         "Wikipedia"),
        ("It supplied parts worth about $14 million to arms makers, customs records show.",
         "customs records"),
        # one named by what it is, who puts a figure at so much or whose list shows it, past an
        # aside; not one who puts soldiers somewhere
        ("The health board's finance team puts the cost of the response at about £46,000.",
         "health board's finance team"),
        ("About 140 people lived there, the council's occupancy list shows, many from Ukraine.",
         "council's occupancy list"),
        ("The council's highways officer, in a note dated last week, estimates 40 more trips.",
         "council's highways officer"),
        ("The site manager put 300 chairs at the back of the hall.", None),
        ("The mill's closure puts the town at risk of losing 300 jobs.", None),
        ("The school's new timetable puts maths at 9am, with 5 lessons a week.", None),
        ("The plans show 12 parking spaces, down from 20.", "plans"),
        ("A boy showed me 3 scars on his arm.", None),
        ("The local economy showed growth of 2.1% last year.", None),
        # a forecast, a quote or a promise is its maker's, as a survey is; a body's schedule
        ("Refurbishment will cost £480,000 on a fixed-price quote from Example Build Services.",
         "Example Build Services"),
        ("Under a projection from Example Partners, prices rise 4% next year.",
         "Example Partners"),
        ("The applicant, Example Living Ltd, promises in its statement that 70% of flats will "
         "be accessible.", "Example Living Ltd"),
        ("The new tax puts the average household bill at £1,420 a year.", None),
        # a question's word is no name; those who "were told" are not who told them
        ("Who said 40 jobs would be saved?", None),
        ("Workers at the plant were told 300 jobs would go.", None),
        ("Officials told reporters 300 jobs would go.", "officials"),
        ("Despite a forecast from the Met Office of heavy rain, 3,000 runners turned up.", None),
        ("Election promises that 300,000 homes would be built were broken.", None),
        ("The family of Ana Example, Kyiv's first pilot, said 3 of her medals were stolen.", None),
        ("The Consumer Prices Index (CPI), which put inflation at 4.6%, is published monthly.",
         None),
        # one named, then what one is, then what one says; a credit "as quoted by"; a body's
        # acronym before "which"
        ("Dmytro Kuleba, Ukraine's foreign minister, said 6 million people had left.",
         "Dmytro Kuleba"),
        ("Pavel Example-Grün, EOSI's director, told a conference the average case took 7 months.",
         "Pavel Example-Grün"),
        ("War-risk cover costs 0.5% of value, as set by Example Marine Underwriters.",
         "Example Marine Underwriters"),
        ("The minister said 400 jobs would go, as quoted by the Example Herald.", None),
        ("It cites the Example Recovery Observatory (ERO), which put damage at $10.6 billion.",
         "Example Recovery Observatory"),
        ("The forecast fall in visitors from Germany is about 30%.", None),
        ("Beside a quote from Churchill, the memorial lists 112 villagers.", None),
    ],
)  # fmt: skip
def test_the_source_a_sentence_names_for_its_figures(sentence: str, source: str | None) -> None:
    """Issue 12: the source as a curator writes it, in the ways texts name one."""
    assert source_of(sentence) == source


def test_a_letterhead_with_an_acronym_or_in_capitals_names_the_body_whose_document_it_is() -> None:
    text = (
        "EPBO | Example Parliamentary Budget Office\n\nCost Estimate | 6 December 2023\n\n"
        "EPBO estimates that the bill would raise outlays by €1.46 billion. Traders quoted prices "
        "about 15% lower. By the Office's count, 19 tankers sailed.\n"
    )
    assert sources_laid_out(text, "€1.46 billion", "15%", "19 tankers") == [None, "traders", None]
    office = "ONS | Office for National Statistics\n\n6 December 2023\n\nThe ONS counts 41 cases.\n"
    assert sources_laid_out(office, "41 cases") == [None]
    # "the Council" in a council's report is that council, not another named in full before
    council = (
        "EXAMPLEBURG CITY COUNCIL\n\nDate of meeting: Tuesday 23 January 2024\n\nWe signed an "
        "agreement with Mykolaiv City Council. Residents gave £18,600 to the Council's appeal.\n"
    )
    assert sources_laid_out(council, "£18,600") == [None]


@pytest.mark.parametrize(
    ("letterhead", "expected"),
    [
        ("Example Nordic Central Bank", [None, "Example Statistics Office"]),
        ("EXAMPLE NORDIC CENTRAL BANK", [None, "Example Statistics Office"]),
        # another body's letterhead, or none: the bank is a source like any other
        ("Example Banking Review", ["Example Nordic Central Bank", "Example Statistics Office"]),
    ],
)
def test_the_body_whose_document_it_is_gives_its_own_figures(
    letterhead: str, expected: list[str | None]
) -> None:
    """Issue 12: in its own press release, what the bank expects is the document's own figure,
    as a speaker's are; what it cites keeps its source."""
    text = (
        f"{letterhead}\n\nPress release · Thursday 2 November 2023\n\nThe Example Nordic Central "
        "Bank held its rate. Prices rose 4.9% in the year to September, the Example Statistics "
        "Office reported. The Bank expects inflation to average 4.1% in 2024.\n"
    )
    assert sources_laid_out(text, "4.1%", "4.9%") == expected


def test_a_footnote_crediting_a_work_of_a_body_credits_the_body() -> None:
    text = (
        "Farmers lost roughly $1.1bn last autumn.[1] Exports fell 12% in May.[2]\n\n"
        "[1] Estimate of the Example Agrarian Council, published in November 2023.\n"
        "[2] Data from the Example Freight Index.\n"
    )
    assert sources_laid_out(text, "$1.1bn", "12%") == [
        "Example Agrarian Council",
        "Example Freight Index",
    ]


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        # a name with "of the" in it is whole
        ("The Office of the United Nations High Commissioner for Human Rights recorded over"
         " 13,000 casualties.", "Office of the United Nations High Commissioner for Human Rights"),
        # a vague work opened by an adjective is the source, not the adjective
        ("Early estimates suggest that more than 370 bridges were swept away.", "early estimates"),
        ("Recent surveys show that nearly 90 per cent support membership.", "recent surveys"),
        ("Conservative estimates indicate a 35 per cent drop.", "conservative estimates"),
        # an abbreviation in brackets that spells out the words before it names no source
        ("Since 2008 the Group of 20 (G-20) nations have printed $25 trillion.", None),
        ("We give 1 per cent of our income to official development assistance (ODA).", None),
        ("More than 1 million became internally displaced persons (IDPs).", None),
        ("About 6.2 million refugees (UNHCR) have left.", "UNHCR"),
        # the speaker's own proposal, and giving that is no giving of a figure
        ("According to my proposal, the mandate is limited to 7 years.", None),
        ("Montenegro gave shelter to over 100,000 refugees.", None),
        ("RFE/RL, reporting the same appeal, gave 21.8 million.", "RFE/RL"),
        ("The Ministry of Defence gave a figure of 4,000.", "Ministry of Defence"),
        # whose statistics they are
        ("The figure is 950,000, according to the statistics of the United Nations Relief and"
         " Works Agency.", "United Nations Relief and Works Agency"),
    ],
)  # fmt: skip
def test_what_is_no_source_and_what_a_source_s_whole_name_is(
    sentence: str, source: str | None
) -> None:
    """Issue 12, from the UN speeches: a name cut at "of the" ("Office"), an adjective taken
    for a name ("Early"), an abbreviation taken for a source ("G-20", "ODA"), the speaker's own
    proposal, a country that "gave shelter"."""
    assert source_of(sentence) == source


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        # a clause of its own opened by a source is not the source of what came before it
        ("It moved 3 million tonnes to 20 ports, and port officials count 400 ships.", None),
        ("All 27 members must agree, and two envoys in Vienna privately put it at 4 years.",
         None),
        # an adverb between a source and its verb; not what narrows the source down
        ("Two envoys in Vienna privately put it at 4 years.", "two envoys in Vienna"),
        # an adverb between the name and what it says (train-13)
        ("ERPO further states that 60% of refugee children are out of school.", "ERPO"),
        # "had it at", as "put it at"; a desk is a source (train-20, train-26); "had its gas
        # storage at" is no one's saying
        ("Brokers quote about one per cent; Example-Saleh's desk had it at 0.6% in July.",
         "Example-Saleh's desk"),
        ("KIIS had it at 80% in October.", "KIIS"),
        # who do something, cited by what they do (train-33)
        ("EFRP, citing agronomists in the district, says yields were 20% below.",
         "agronomists in the district"),
        ("The Review, citing others, says exports fell by about 30%.", None),
        # one who speaks for a body says what it says (train-20); a panel's figures are whose
        # ran it, a pilot's are not whose runs it (train-15, train-6)
        ("Speaking for the European Union, the representative of Example announced a further "
         "€110 million for the grid.", "European Union"),
        ("Q3 (an online panel of 850 adults, run by Example Field Services).",
         "Example Field Services"),
        ("A pilot run by the Example Trust in Lviv has rehoused 640 families.", None),
        # records cited by who keeps them (train-34)
        ("Only 61% were vaccinated, according to records held by the Example Practice.",
         "Example Practice"),
        ("At that pace, our defence desk reckons, the front moves 10 km a month.", "defence desk"),
        ("Germany had its gas storage at 95% in November.", None),
        ("Ukraine has it at the top of its list, along with 300 more tanks.", None),
        ("The National Bank had it at UAH 36.6 to the dollar.", "National Bank"),
        ("Maersk will divert 30 vessels, citing factors beyond its control.", None),
        ("The Pentagon counts 2 million shells, citing numbers compiled by its staff.",
         "Pentagon"),
        ("At a panel organised by Chatham House, Kuleba said 80% reject concessions.", "Kuleba"),
        ("NATO had it at the airport, about 80 km from the border.", None),
        # one bidden to report has not reported (train-23); the whole a share is of gives no
        # share (train-14)
        ("We recommend that the Ministry of Finance report to us every 3 months.", None),
        ("Added at face value, that is about 6.5% of the UN appeal.", None),
        ("Some 64% of the KIIS poll's respondents rejected any concessions.", "KIIS"),
        ("The Ministry of Finance report puts the cost at 3 billion.", "Ministry of Finance"),
        ("As Secretary-General Jane Example has rightly warned, 3 in 4 states are behind.",
         "Jane Example"),
        ("Example Land firmly believes that 30 per cent is enough.", None),
        # one who argues or expects a figure; not one who expects to do something
        ("Jo Example of the Example Institute expects the treaty to take 18 months.",
         "Jo Example"),
        ("Example Land expects to give more than 1 per cent of the total.", None),
        # "said yes" answers, it reports nothing
        ("Kyiv has said yes before: it offered 15 years of talks.", None),
        # the one who put the number at, named before "who"
        ("She quoted Jo Example of the UN, who put the number in need at 18 million.",
         "Jo Example"),
        # a work's title is not its maker; a body named with its country is whole
        ("UNHCR's Global Trends report counted 6 million refugees.", "UNHCR"),
        ("Ukraine's Defence Ministry data show 400 drones.", "Ukraine's Defence Ministry"),
        # the one quoted made the number, not the one who quotes them
        ("A Turkish port official quoted by the Example Desk put it at 12 million tonnes.",
         "Turkish port official"),
        # a body's written evidence is its own
        ("Mr Brekke, the Example Refugee Council's written evidence says 1,200 convoys.",
         "Example Refugee Council"),
        # an aside that says who the source is: the writer's words
        ("Jo Example, who has tracked the traffic for 12 years, said so.", None),
        # who was asked, which found, who counted where, whose write-up
        ("Of those asked, 84% told the Kyiv Example Institute that they would fight on.",
         "Kyiv Example Institute"),
        ("He cited the Example Survey Institute, which found in July 2022 that 84% agreed.",
         "Example Survey Institute"),
        ("Finland sits in NATO, which now counts 31 members.", None),
        ("Our trade department estimates that 3 million tonnes are at risk.",
         "Our trade department"),
        ("I have seen estimates of around 60 from shipping analysts.", "shipping analysts"),
        ("UNHCR's report counts 6 million refugees from Ukraine.", "UNHCR"),
        ("Radio Free Europe/Radio Liberty (RFE/RL) reported 21.8 million.",
         "Radio Free Europe/Radio Liberty"),
        ("A Belfer Center write-up spoke of 6 million people displaced.", "Belfer Center"),
        ("Volunteers at one distribution point in Zaporizhzhia counted 96 evacuees.",
         "volunteers at one distribution point in Zaporizhzhia"),
        ("Our panel of 2,400 adults in government-controlled Ukraine asked them.", None),
        ("An official in Moscow, who asked not to be named, disputed it: 10 percent.", None),
        ("Most published accounts say that Russia released 215 people.",
         "most published accounts"),
    ],
)  # fmt: skip
def test_whose_clause_a_source_opens_and_what_says_a_figure(
    sentence: str, source: str | None
) -> None:
    """Issue 12, from train-7 and the UN speeches."""
    assert source_of(sentence) == source


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("Lena Marsh, head of research at Example Maritime Risk, estimates 2.1 Mt a month.",
         "Lena Marsh"),
        ("Ukrainian officials, speaking on condition of anonymity, said insurers charged $1.2m.",
         "Ukrainian officials"),
        ("Two European officials familiar with the preparations say up to 60 countries may come.",
         "two European officials familiar with the preparations"),
        ("Russia freed 205 prisoners, according to press reports at the time.",
         "press reports at the time"),
        ("UNHCR's latest Global Trends report counts about 6 million refugees.", "UNHCR"),
        ("The Office for the Coordination of Humanitarian Affairs counted 11.1 million people.",
         "Office for the Coordination of Humanitarian Affairs"),
        ("- 84% said no; the share was 80% in October (KIIS).", "KIIS"),
        ("Figures from my government show we committed €210 million.", "my government"),
        ("The World Bank added more than $37.5 billion in financing.", None),
        ("UNHCR added that 6 million had left.", "UNHCR"),
        ("Cameroon has confirmed its commitment by raising it to 35 per cent.", None),
        ("Gold in the Bank of England, calculated to be worth $1.3 billion, is held.", None),
        ("Palau believes in the 30 by 30 initiative: 30 per cent of the zone.", None),
        ("The price is $10 a ton, while according to an IMF study it should be higher.", None),
        ("We were told by a senior official at the Ministry of Example Development that it is £90"
         " million.", "senior official at the Ministry of Example Development"),
        ("Certain ECOWAS officials said $2 billion was pledged.", "ECOWAS officials"),
        ("Various statistics show that 22 per cent left.", "various statistics"),
        ("The African figure, analysts said, was 7 million tons.", "analysts"),
    ],
)  # fmt: skip
def test_a_source_set_off_by_a_role_a_participle_or_a_bracket_at_the_end(
    sentence: str, source: str | None
) -> None:
    """Issue 12, from train-6."""
    assert source_of(sentence) == source


def test_the_tracker_a_markdown_footnote_and_a_marker_after_another_figure() -> None:
    """ "The tracker" is the tracker named before; "[^1]" points to "[^1]: …" below, for the
    figure just before it, not for one earlier in the sentence."""
    text = (
        "The Example Energy Tracker estimates a discount of $12. The tracker credits upwards of "
        "600 tankers.\n\nSigned with a 120-day term, the deal ended; exports fell by roughly 40 "
        "per cent.[^1]\n\n[^1]: Example Commodity Desk, monthly export tracker, August 2023."
    )
    second = text.index("The tracker")
    third = text.index("Signed")
    fourth = text.index("[^1]:")
    sources = FigureSources(text, [(0, second - 1), (second, third - 2), (third, fourth - 2)])
    assert sources.of(text.index("600")) == "Example Energy Tracker"
    assert sources.of(text.index("roughly 40")) == "Example Commodity Desk"
    assert sources.of(text.index("120-day")) is None


def test_the_highest_figure_points_back_at_no_one_the_figures_do() -> None:
    """ "the highest figure in our history" is no back-reference to a source; "The figures"
    opening a sentence is."""
    text = "Experts said growth was 3%. GDP reached $3,691, the highest figure in our history."
    sources = FigureSources(text, [(0, 27), (28, len(text))])
    assert sources.of(text.index("$3,691")) is None
    text = "Experts said growth was 3%. The figures show $3,691 a head."
    sources = FigureSources(text, [(0, 27), (28, len(text))])
    assert sources.of(text.index("$3,691")) == "experts"


def test_a_country_named_alone_is_not_lengthened_by_the_word_before_it() -> None:
    """ "When Israel …" earlier in a text is no full name for "as Israel says"."""
    text = "When Israel took the land, many fled. It is not, as Israel says, 250,000 refugees."
    sources = FigureSources(text, [(0, 37), (38, len(text))])
    assert sources.of(text.index("250,000")) == "Israel"


def test_a_source_named_in_the_next_sentence_or_owning_the_work_in_this_one() -> None:
    """ "KIIS published these results" credits the figures of the sentence before it; "X
    published its latest survey: 84% …" is X's survey, whoever had a poll before."""
    text = (
        "Kyiv polls were many. 84% held that view and 10% disagreed. KIIS published these results"
        " on 9 June. The Example Institute published its latest survey on 9 June: 74% said no."
    )
    ends = [m.end() for m in re.finditer(r"(?<=[.])(?= |$)", text)]
    spans = list(zip([0, *[e + 1 for e in ends[:-1]]], ends, strict=True))
    sources = FigureSources(text, spans)
    assert sources.of(text.index("84%")) == sources.of(text.index("10%")) == "KIIS"
    assert sources.of(text.index("74%")) == "Example Institute"


@pytest.mark.parametrize(
    ("text", "figure", "source"),
    [
        # who they are, with where they are from, inside the sentence: its capital kept
        ("According to the Odesa harbour master, at least 6 ships were damaged.", "6 ships",
         "Odesa harbour master"),
        ("Port officials said 9 ships were damaged.", "9 ships", "port officials"),
        ("3.3 Partner governments report 7 million barrels.", "7 million", "partner governments"),
        # common words joined by a hyphen, opening a sentence, are no name
        ("Vessels. Open-source trackers logged 7 voyages with her transponder off.", "7 voyages",
         "open-source trackers"),
        ("Interfax-Ukraine reported 12 ships.", "12 ships", "Interfax-Ukraine"),
        ("Mrs Example-Owen writes that the Example Valley Co-op counts 37 members.", "37 members",
         "Example Valley Co-op"),
        # a tool is no one who says: "Our tracker at X shows" is X's
        ("Our tracker at the Example Energy Aid Monitor shows 1,900 generators arrived.",
         "1,900", "Example Energy Aid Monitor"),
        # a place of work named by where it is speaks for those in it
        ("Two ships go into dry dock; the yard in Gdańsk says that will cost 40 trading days.",
         "40 trading", "yard in Gdańsk"),
        ("Inbound: about 5 days, according to the pilot station at Sulina.", "5 days",
         "pilot station at Sulina"),
        ("The clinic in Kharkiv recorded 2 doses of polio vaccine.", "2 doses",
         "clinic in Kharkiv"),
        ("According to the port at Rostov-on-Don, 14 ships were delayed.", "14 ships",
         "port at Rostov-on-Don"),
        # never one who says it after it, those who work there, a time, or what it shows
        ("Three missiles hit the port in Izmail, said Oleh Kiper, and 3 people died.", "3 people",
         "Oleh Kiper"),
        ("Doctors at the hospital in Kherson said 12 people were wounded.", "12 people",
         "Doctors at the hospital in Kherson"),
        ("The office in January reported 40 cases.", "40 cases", None),
        # as one says it ("has reported", "posted"), never credited to its town instead
        ("The hospital in Kherson has reported 12 people wounded.", "12 people",
         "hospital in Kherson"),
        ("The elevator at Izmail posted 12,000 tonnes.", "12,000", "elevator at Izmail"),
        # a relay's people by what they do, never by their wish to go unnamed
        ("Reuters, citing two people who follow the trade, said 40 ships left.", "40 ships",
         "two people who follow the trade"),
        ("Bloomberg, citing two people who asked not to be named, said 12 tankers left.",
         "12 tankers", None),
        ("The school in Kyiv shows the scars of 3 strikes.", "3 strikes", None),
        # who they are, by what they do ("who …"), after "according to" or a relay's "citing"
        ("According to the primary dealers who submitted bids, foreign accounts took about 58% "
         "of the allotment.", "58%", "primary dealers who submitted bids"),
        # never a figure, a date or a name in what they do; "people who" say nothing by it
        ("According to analysts who estimate losses at $3 billion, the war costs more.", "$3",
         "analysts"),
        ("According to experts who studied 1,200 cases, 40% were resolved.", "40%", "experts"),
        ("Bloomberg said 12 tankers left Primorsk, citing people who asked not to be named.",
         "12 tankers", "Bloomberg"),
        ("We sheltered the hundreds of thousands of people who have sought refuge on our soil.",
         "hundreds", None),
        # a name that opens with a word of a work's kind is still a name
        ("Inflation eased. National Bank data show 4% inflation.", "4%", "National Bank"),
        # a sentence opens after a dateline, a dash or a tag too: its capital is lowered
        ("KYIV, June 3 (Reuters) - Port officials said 40 ships were waiting.", "40 ships",
         "port officials"),
        ("ODESA – Port officials said 41 ships were waiting.", "41 ships", "port officials"),
        ("[Applause] Officials say 42 ships are waiting.", "42 ships", "officials"),
        # a name's hyphens that open no sentence, or join a name's words
        ("Newcastle-upon-Tyne City Council said 400 families were waiting.", "400",
         "Newcastle-upon-Tyne City Council"),
        ("Inter-agency Standing Committee data show 4 million people in need.", "4 million",
         "Inter-agency Standing Committee"),
        # "the desk": the one that said something after another in its sentence
        ("Ukrainian officials say it has moved 1.3 million tonnes, while the Example Maritime "
         "Desk puts it at 900,000. The desk counts only ships it can track, and it logged 31 "
         "departures last month.", "31 departures", "Example Maritime Desk"),
        # the same desk named again, or after a semicolon
        ("Officials say 1.3 million tonnes, while the Example Maritime Desk puts it at 25 ships. "
         "The desk was set up in 2022. The desk counts 12 arrivals.", "12 arrivals",
         "Example Maritime Desk"),
        ("Officials say 30 ships sailed; the Example Maritime Desk says 25. The desk counts 12 "
         "arrivals.", "12 arrivals", "Example Maritime Desk"),
        # never past another desk since, nor a name that is a possessive's
        ("Officials say 1.3 million tonnes, while the Example Maritime Desk puts it at 25 ships. "
         "The harbour office opened a new desk. The desk counts 12 arrivals.", "12 arrivals",
         "desk"),
        ("Officials say 1.3 million tonnes, but Lloyd's Example Desk says 25 ships. The desk "
         "counts 12 arrivals.", "12 arrivals", "desk"),
        # never a name merely mentioned ("Ministry" of a finance ministry for "the education
        # ministry")
        ("The Example Finance Ministry budget grew. The education ministry says 61,000 children "
         "study abroad.", "61,000", "education ministry"),
        # those who say it, by what they do: any "-ers", "-ors", "-ists" or "-ians"
        ("Millers in North Africa tell us freight takes up to 40% of the bill.", "up to 40%",
         "Millers in North Africa"),
        ("Local bakers say flour costs 18% more than in May.", "18%", "Local bakers"),
        ("Archivists in Leeds reported 1,200 fewer visits.", "1,200", "Archivists in Leeds"),
        ("Of those asked, local librarians say 60% of visits are for heat.", "60%",
         "local librarians"),
        ("Pharmacists estimate that 30% of the stock is gone.", "30%", "Pharmacists"),
        ("Some underwriters told us premiums reached 3% of hull value.", "3%",
         "Some underwriters"),
        ("London underwriters said premiums reached 2%.", "2%", "London underwriters"),
        ("In Leeds, archivists reported 1,300 fewer visits.", "1,300", "archivists"),
        # never things ("-ers" that are no one), nor one who said what they expect
        ("Natural disasters inflicted an estimated $3 billion in damage.", "$3 billion", None),
        ("Millers in Odesa expect prices to rise by at least 15%, one association said.",
         "at least 15%", "one association"),
        ("Asylum-seekers said 40 people were turned back.", "40 people", None),
        ("In March, leading indicators said inflation reached 9%.", "9%", None),
        # nor those who answer by where they are from ("-ians" with a capital)
        ("Support fell, yet roughly three in four Ukrainians still say no.", "three in four",
         None),
        # nor one who speaks in a clause of their own after the figure
        ("Exports from Odesa reported a 20% rise, and farmers in Kherson said they had lost "
         "30%.", "20%", None),
        # at the end of the sentence, after a comma
        ("Footfall fell 6% in March, retailers said.", "6%", "retailers"),
        # never inside it, where they say something else; nor a question, a verb or an adverb
        # before them, "said to", "tell … apart", a machine, nor those who answer
        ("Prices rose 12% as retailers reported weak sales.", "12%", None),
        ("Output grew 5%, which growers said was too little.", "5%", None),
        ("Do farmers say 40% is too much?", "40%", None),
        ("The survey shows farmers estimate losses of 20%.", "20%", None),
        ("Voters said to be undecided make up 15% of the electorate.", "15%", None),
        ("Only trained tasters tell the two oils apart, yet the cheaper one sells 40% more.",
         "40%", None),
        ("Spam filters reported 40% of the mail as junk.", "40%", None),
        ("Two tankers reported engine trouble, and freight rates rose 30%.", "30%", None),
        ("Three in four voters still say the economy is the top issue.", "Three in four", None),
    ],
)  # fmt: skip
def test_a_vague_source_keeps_its_place_s_name_and_a_body_named_in_passing_is_pointed_back_at(
    text: str, figure: str, source: str | None
) -> None:
    assert sources_at(text, figure) == [source]


def test_a_note_s_figures_and_a_vague_source_named_again_with_the() -> None:
    """A figure in a note at the end takes the note's source; "the port officials" are the
    "Ukrainian port officials" the text named before."""
    text = (
        "Ukrainian port officials met on Monday. Grain moved.\n\n"
        "[1] UN, Black Sea Grain Initiative page. The deal's first term was 120 days.\n"
        "[2] Figures given by the port officials in January; their estimate was 9.5 million"
        " tonnes.\n"
        "1. Russia has said little. It moved 40 ships.\n"
    )
    ends = [m.end() for m in re.finditer(r"(?<=[.:])(?= |\n|$)", text)]
    spans = list(zip([0, *[e + 1 for e in ends[:-1]]], ends, strict=True))
    sources = FigureSources(text, spans)
    assert sources.of(text.index("120 days")) == "UN"
    assert sources.of(text.index("9.5 million")) == "Ukrainian port officials"
    assert sources.of(text.index("40 ships")) is None  # a numbered list's item is no note


def test_a_source_given_apart_from_its_sentence_in_a_table_a_footnote_or_a_source_line() -> None:
    """Issue 12's layouts: a table's "Source" column, a footnote marker and its note at the
    end, a "Source:" line under a paragraph; never a source line two paragraphs down."""
    text = (
        "Title Here\n\n1 May 2023\n\n"
        "Intro sentence with words enough to be prose, and more words. About 6 million people "
        "have left.[2] Another 40% said so³ in the poll.\n\n"
        "| Country | Refugees | Source |\n|---|---|---|\n"
        "| Poland | 1.6 million | UNHCR |\n| Germany | about 1 million | national authorities |\n\n"
        "Prices fell by 5% in the spring, the ministry's own staff noted at the time.\n\n"
        "Wages fell by 7% in the summer, as everyone expected.\n\n"
        "Prices rose by 20% this year, and 300 ships sailed.\n\n"
        "Source: Example Shipping Monitor, May 2023.\n\n"
        "Notes\n\n[2] UNHCR, Ukraine Refugee Situation, 2023.\n"
        "³ Kyiv International Institute of Sociology (KIIS), poll of May 2023.\n"
    )
    figures = ("6 million", "40%", "1.6 million", "1 million", "5%", "7%", "20%", "300 ships")
    found = dict(zip(figures, sources_laid_out(text, *figures), strict=True))
    assert found == {
        "6 million": "UNHCR",
        "40%": "Kyiv International Institute of Sociology",
        "1.6 million": "UNHCR",
        "1 million": "national authorities",
        "5%": "ministry's own staff",  # its sentence's own
        "7%": None,  # not the source line two paragraphs down
        "20%": "Example Shipping Monitor",
        "300 ships": "Example Shipping Monitor",
    }


def test_a_footnote_marker_that_ends_its_sentence_credits_the_sentence_s_every_figure() -> None:
    """A marker after a later figure, inside the sentence, is that figure's; one that ends the
    sentence is the whole sentence's."""
    text = (
        "Title Here\n\n1 June 2023\n\n"
        "In every wave since May, between 82% and 87% rejected concessions, and the survey of 5 "
        "June found 84%.[3] Prices rose 5% while about 40 ships[4] waited at sea.\n\n"
        "Notes\n\n[3] Kyiv International Institute of Sociology, omnibus surveys, 2023.\n"
        "[4] Example Shipping Register, weekly data, 2023.\n"
    )
    found = sources_laid_out(text, "82%", "87%", "84%", "5%", "40 ships")
    kiis = "Kyiv International Institute of Sociology"
    assert found == [kiis, kiis, kiis, None, "Example Shipping Register"]


def test_a_source_named_in_a_later_part_of_the_sentence_or_described_before() -> None:
    """A source named after a semicolon is not the figures' before it; a source described where
    the text first names it is what "By its count" points back at."""
    text = (
        "The appeal sought $5.6 billion for a country of 43 million; Radio Free Europe/Radio "
        "Liberty put the number in need at 21.8 million. The Pontic Freight Monitor, a private "
        "ship-tracking service based in Tallinn, follows every ship. By its count, about 760 "
        "loaded voyages have left Odesa."
    )
    assert sources_at(text, "43 million", "21.8", "760") == [
        None,
        "Radio Free Europe/Radio Liberty",
        "Pontic Freight Monitor",
    ]


def test_each_part_of_a_sentence_takes_its_own_credit() -> None:
    """A part opened by whose work it is (", and the UN's appeal asked for") or by a work cited
    with its year keeps its own source; a count credited in the next sentence ("That count comes
    from …") takes that credit; "the federation" is the federation named before."""
    text = (
        "Anna Roe put the number in need at nearly 18 million in February, and the UN's appeal "
        "asked for $5.6 billion. The share stayed between 82% and 87% (Kowalski and Brandt "
        "2023), and a KIIS wave fielded in June again found 84%. In its final week the corridor "
        "handled 16 ships. That count comes from port officials in Odesa. Ministers met the "
        "Example Shipping Federation (ESF). The federation estimates that cover could rise by up "
        "to 2 percent."
    )
    assert sources_at(text, "18 million", "$5.6", "82%", "84%", "16 ships", "up to 2") == [
        "Anna Roe",
        "UN",
        "Kowalski and Brandt",
        "KIIS",
        "port officials in Odesa",
        "Example Shipping Federation",
    ]


def test_an_appeal_s_sum_is_its_author_s_and_amb_is_a_title() -> None:
    """ "Anna Roe said when the UN launched its $5.6 billion appeal": the need is hers, the sum
    the UN's; "Amb." ends no sentence and is no part of the name."""
    text = (
        "- Need: nearly 18 million people needed aid, Anna Roe said when the UN launched its "
        "$5.6 billion appeal on 15 February.\n- History: the sides held three rounds of talks, "
        "the first on 28 February 2022, Amb. Piotr Sample recalled.\n"
    )
    layout = read_layout(text)
    sources = FigureSources(text, layout.sentences())
    found = [sources.of(text.index(words)) for words in ("nearly 18", "$5.6", "three rounds")]
    assert found == ["Anna Roe", "UN", "Piotr Sample"]


def test_the_next_sentence_may_say_whose_finding_it_is() -> None:
    text = (
        "Eighty-four per cent of Ukrainians reject concessions. That is the finding of the Kyiv "
        "International Institute of Sociology. Talks resumed."
    )
    assert sources_at(text, "Eighty-four") == ["Kyiv International Institute of Sociology"]
    text = (  # "the Ministry reports that": a verb, no report of the Ministry's to point back at
        "The Ministry rejects the report published on Monday by the Example Observatory. The "
        "Ministry of Education reports that 91% were enrolled. The report also says that the "
        "country spent €85 million."
    )
    assert sources_at(text, "€85") == ["Example Observatory"]
    text = "Barges moved 2.5 million tonnes. The figure comes from Ukrainian port officials."
    assert sources_at(text, "2.5") == ["Ukrainian port officials"]  # not "Ukrainian" alone


def test_her_centre_is_the_centre_named_before_and_the_centre_of_a_country_no_one() -> None:
    text = (
        "Dr Ruth Roe of the Example Centre for Mediation Studies told us so, as the Example Lab "
        "put it. Her centre estimates that fewer than 40 percent of drafts were signed. The "
        "region in the centre of our country saw twice as much rain."
    )
    assert sources_at(text, "fewer than 40", "twice") == [
        "Example Centre for Mediation Studies",
        None,
    ]


def test_a_markdown_link_credits_as_its_words() -> None:
    """ "[UNHCR](https://…) says": UNHCR says; a later figure's offsets still find their source."""
    text = (
        "About 6 million refugees were recorded, [UNHCR](https://unhcr.example.org/gt) says. "
        "[KIIS](https://kiis.example.org/poll) found that 84% rejected concessions, while "
        "[RFE/RL](https://rferl.example.org/a) reported 21.8 million in need."
    )
    assert sources_at(text, "6 million", "84%", "21.8") == ["UNHCR", "KIIS", "RFE/RL"]


def test_it_says_points_back_and_the_observatory_is_no_person() -> None:
    """ "It says 6 million" is the Center that posted the debate (not "Last Thursday the …");
    "the observatory estimates" is the observatory, though a person was named after it."""
    text = (
        "Last Thursday the Example Center posted a debate. It says 6 million people are abroad. "
        "The Example Food Observatory counts 11 million tonnes. Its director, Anna Roe, told us "
        "so. On trade: the observatory estimates that 40% went to poorer economies."
    )
    assert sources_at(text, "6 million", "40%") == ["Example Center", "Example Food Observatory"]


@pytest.mark.parametrize(
    ("text", "figure", "source"),
    [
        # a wire story's "The body says": the body named before it
        ("It was the 50th exchange, according to the Example Coordination Headquarters. The body "
         "says about 3,000 Ukrainians have been freed so far.", "3,000",
         "Example Coordination Headquarters"),
        # "That is down from 87% in May 2022": the series the sentence before gave
        ("In the latest KIIS survey, 69% said Ukraine should give up no territory. That is down "
         "from 87% in May 2022, but it is still a large majority.", "87%", "KIIS"),
        # "the council", "the bank": the body named before whose name says it is one
        ("The Example Seed Council met in Lviv on Monday. The council said sowing fell to 3.1 "
         "million hectares.", "3.1 million hectares", "Example Seed Council"),
        ("The Example Central Bank of Ruritania kept its rate. Prices, the bank said, rose 9% "
         "over the year.", "9%", "Example Central Bank of Ruritania"),
        # the one whose name says it is one, though another source was named since
        ("The Example Grid Observatory tracks the strikes. Ukrainian officials said power was "
         "cut. Crews rebuilt 1,900 km of lines, the observatory found.", "1,900 km",
         "Example Grid Observatory"),
        # or, where none says so, the body that opened the sentence before
        ("ISW published its daily assessment. The institute said Russian forces gained 41 "
         "square kilometres.", "41", "ISW"),
        # "It verified", "it found" in an aside: what one pointed back at reports
        ("The Example Monitoring Mission issued its update. It verified 912 civilian "
         "casualties.", "912 civilian casualties", "Example Monitoring Mission"),
        ("The Example Peace Lab modelled a freeze. Under it, it found, Ukraine would lose 60% "
         "of its ore.", "60%", "Example Peace Lab"),
        # "The consultancy expects" after a body that opened the sentence before ("follows");
        # "Its survey found" after one that "fielded a poll"
        ("Example Grain Research follows wheat shipments closely. The consultancy expects "
         "exports of 43 million tonnes.", "43 million tonnes", "Example Grain Research"),
        ("The Example Civic Foundation fielded a poll in May. Its survey found that 62% back a "
         "referendum.", "62%", "Example Civic Foundation"),
        # "They count", "It now expects": what they say, as "They counted" does
        ("Port officials in Odesa said the strikes went on. They count 14 port buildings hit.",
         "14 port buildings", "port officials in Odesa"),
        ("The Example Oil Association said 19 cargoes were cancelled. It now expects exports to "
         "fall by 300,000 tonnes.", "300,000 tonnes", "Example Oil Association"),
        # "It has delivered", "It cleared": what a body did, counted, is its figure; "it" is
        # the body, never the officials it cites nor a vague source named since
        ("The Example Health Network, citing regional health officials, reported 14 attacks. "
         "It has delivered 280 generators to hospitals.", "280 generators",
         "Example Health Network"),
        ("Ukrainian deminers estimate that 174,000 square kilometres are mined, while the "
         "Example Demining Initiative puts it at 160,000. It cleared 95 square kilometres last "
         "week.", "95 square kilometres", "Example Demining Initiative"),
        ("The Example Health Network, citing regional health officials, reported 14 attacks. "
         "Hospitals got 280 generators, it says.", "280 generators", "Example Health Network"),
        ("The Example Audit Office reviewed the deliveries. Ukrainian officials say 50 drones "
         "came. It found that the cost was €710 million.", "€710 million", "Example Audit Office"),
        # "The company told …": a body named before whose name says it is a company, never a
        # vague source named since; "the agency", the body, not the one that owns it
        ("Nordvik Example Trading Ltd shipped the parts. Components were found in drones, "
         "Ukrainian investigators told the office. The company told investigators that it "
         "screened 98% of its customers.", "98%", "Nordvik Example Trading Ltd"),
        ("OCHA, the UN's humanitarian office, said its appeal was 38% funded. The agency said "
         "teams had reached 260,000 people.", "260,000 people", "OCHA"),
        # "the Association" set against another: the association named before, in full; the
        # reference in brackets after it is no figure
        ("The Example Mutual War Risks Association said the policy required 12 months. The "
         "Association says it will appeal within 28 days. Port agents counted about 60 ships, "
         "while the Association put the number at 57 [38].", "57",
         "Example Mutual War Risks Association"),
        # "Its officials said": those of the body "its" stands for (not a name after "Its":
        # "Its Belfer Center write-up quoted …" is the Center's)
        ("The Ministry of Defence asks for more. Its officials said this covers 36 armoured "
         "vehicles.", "36 armoured vehicles", "Ministry of Defence"),
        ("KIIS polled in May. Its Belfer Center write-up quoted 6 million abroad.", "6 million",
         "Belfer Center"),
        # "the paper adds", "the site reports": the paper or site named before, not the person
        # it quotes; "The trust says": the trust named under a heading
        ("Hürriyet Daily News quotes President Recep Tayyip Erdoğan, who put the number at 200. "
         "Five commanders will stay in Türkiye, the paper adds.", "Five commanders",
         "Hürriyet Daily News"),
        ("The Kyiv Independent has the longest list. In return, the site reports, Ukraine handed "
         "over 55 Russian prisoners.", "55 Russian prisoners", "Kyiv Independent"),
        ("APPEAL\nThe Example Harbour Relief Trust is asking listeners for money. The trust says "
         "it has raised £61,000 since Friday.", "£61,000", "Example Harbour Relief Trust"),
        # "The officials told her": the officials named so before, whoever relayed them
        ("Our correspondent Ines Example-Varga says port officials in Odesa count 16 ships. The "
         "officials told her the crews, some 400 seafarers, stay on board.", "some 400 seafarers",
         "port officials in Odesa"),
        # "That post, published in September, puts …": the post pointed back at, no vague post
        ("The Example Grain Exchange of Odesa wrote a post on exports. That post, published in "
         "September, puts them at 48 million tonnes.", "48 million tonnes",
         "Example Grain Exchange of Odesa"),
        # "his firm" after "He said" is part of what he said: his figure, not his firm's
        ("\"Nothing moves,\" said Ivan Example-Tkach, an agent in the port. He said 20 ships "
         "waited and that his firm had laid off 35 dockers.", "35 dockers", "Ivan Example-Tkach"),
    ],
)  # fmt: skip
def test_a_sentence_that_points_back_takes_the_one_named_before(
    text: str, figure: str, source: str
) -> None:
    assert sources_at(text, figure) == [source]


@pytest.mark.parametrize(
    ("text", "figure", "source"),
    [
        # "she" is the person named before, not the body whose figure she gave ("she noted")
        ("Marta Example answered that few want a deal. KIIS found that 74% opposed concessions, "
         "she noted. That was a fall of 10 points, she said.", "10 points", "Marta Example"),
        # named in full before, by surname as one who did something, with an aside between
        ("Anna Example, who heads the institute, spoke first. According to the UN, 6 million "
         "have fled. Example argued for more. Aid fell by 12% this year, she said.", "12%",
         "Anna Example"),
        # after a saying verb, behind her role
        ("Bakeries are closing, said the coalition's director, Nadia Example, citing port "
         "officials. Stocks last 21 days, she said.", "21 days", "Nadia Example"),
        # one of a vague source may be "he"; "the Black Sea" is no one
        ("One official in Odesa said 40 ships were in the Black Sea. He estimated that 12 had "
         "left.", "12", "one official in Odesa"),
        # one who did something before, though the verb is no "-ed" ("held"), or at the end of
        # an apposition ("…, Anna Example, presented"); "he claimed" after what he said
        ("President Ivo Markov-Example held his news conference. The economy grew by 3.9%, he "
         "claimed.", "3.9%", "Ivo Markov-Example"),
        ("The institute's director, Anna Example-Kos, presented the results. Trust, she said, "
         "stands at 92%.", "92%", "Anna Example-Kos"),
        # "the former president", as "he" is
        ("Dmitry Medvedev posted on Telegram. Some 40,000 men had signed up, the former "
         "president wrote.", "Some 40,000 men", "Dmitry Medvedev"),
    ],
)  # fmt: skip
def test_he_or_she_points_back_at_the_last_person_named(
    text: str, figure: str, source: str
) -> None:
    assert sources_at(text, figure) == [source]


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        # "he" is no one the text named: not "the Promised Land" a speech names before "He said"
        ("Moses led the people of Israel to the Promised Land. He said that they would find "
         "there two mountains.", "two mountains"),
        # who find themselves at risk found nothing
        ("More than one and a half billion people in more than half of the States Members of "
         "the United Nations find themselves at greater risk of poverty.", "more than half"),
        # what "it" and "they" do that is no saying ("It claimed … lives", "They reminded")
        ("The earthquake of 2010 left the country devastated. It claimed some 250,000 lives.",
         "some 250,000 lives"),
        ("Our country has joined many bodies. It has concluded more than 2,700 treaties.",
         "more than 2,700 treaties"),
        # "its centre", "the organization of …" point at no body a sentence opened before
        ("In 2021 the African Union launched a health order that puts our priorities at its "
         "centre and is built on five pillars.", "five pillars"),
        # a place of work that says nothing, or a conflict where one is
        ("The port in Odesa handled 40 ships last month.", "40 ships"),
        # a kind of work opening a sentence is no one's ("Telephone polls", "Exit polls gave")
        ("Telephone polls cannot reach occupied areas; they leave out 3 million adults.",
         "3 million"),
        ("Exit polls gave the party 41%.", "41%"),
        ("Online surveys put support at 43%.", "43%"),
        ("Far more died in the conflict in Eastern Europe than were 20 times feared.", "20 times"),
        # records one sets, not keeps; an abbreviation in brackets that spells out the words
        ("The team broke three national records in 2023.", "three"),
        ("The council records 300 new arrivals each month.", "300"),
        ("It was the wettest May since government records began, with 140 mm of rain.", "140"),
        ("Trade within the Group of 20 (G-20) rose 5%.", "5%"),
        ("Strikes hit 6 ports in the oblast (Odesa) overnight.", "6 ports"),
        # members who do something, not say it
        ("Committee members put 40 questions to the minister on Tuesday.", "40 questions"),
    ],
)  # fmt: skip
def test_no_source_where_no_one_is_said_to_say_it(text: str, figure: str) -> None:
    assert sources_at(text, figure) == [None]


def test_a_part_of_the_writer_s_own_is_no_one_else_s_though_a_source_was_named_before() -> None:
    text = (
        "Imports rose 46% in 2023, the Example Customs Service reported. Its figure includes "
        "goods in transit; ours (38%) does not."
    )
    assert sources_at(text, "46%", "38%") == ["Example Customs Service", None]
    # but in a quotation, the speaker's
    text = 'Kenya\'s ambassador told the council: "Germany gave €2 billion; ours was €400 million."'
    assert sources_at(text, "€2 billion", "€400") == ["Kenya's ambassador"] * 2
    text = 'Kenya\'s ambassador said: "Germany gave €2 billion; our share was €4 million."'
    assert sources_at(text, "€2 billion", "€4 million") == ["Kenya's ambassador"] * 2


def test_who_forecast_a_figure_in_the_clause_after_it_is_its_source() -> None:
    text = (
        "Russia's economy shrank by 2.1% in 2022, according to Rosstat, far less than the 10% "
        "contraction some economists had forecast."
    )
    assert sources_at(text, "2.1%", "10%") == ["Rosstat", "some economists"]


def test_a_list_item_credits_after_a_dash_and_the_same_report_points_back() -> None:
    """Notes put the credit after a dash at the item's end ("– UNHCR Global Trends": UNHCR, the
    maker before its work's title); "Same report:" points back at it; in prose, a dash before
    a name at a paragraph's end signs the paragraph and credits nothing."""
    text = (
        "• 74% in Dec 2023 – Interfax-Ukraine, citing KIIS\n"
        "• About 6 million refugees at the end of 2023 – UNHCR Global Trends, out last month\n"
        "• Same report: 3.7 million IDPs\n"
    )
    assert sources_at(text, "74%", "About 6", "3.7") == ["KIIS", "UNHCR", "UNHCR"]
    signed = "NATO's 31 members should wait. — Tomas Berg, Example Northern Institute\n"
    assert sources_at(signed, "31") == [None]


def test_a_table_set_out_with_tabs_or_spaces_has_rows_and_a_source_column() -> None:
    """An export or an annex sets its table out with tabs or runs of spaces: each row is a
    sentence, and a figure's source is its row's cell under "Source"; prose typed with two
    spaces after a full stop is no table."""
    text = (
        "Key figures\n\nIndicator\tValue\tSource\tAs of\n"
        "Refugees in Europe\t6.2 million\tUNHCR\t2023-12\n"
        "Support for fighting on\t80%\tKIIS\t2023-10\n\n"
        "Indicator           Value        Source         As of\n"
        "Voyages             1,000        UN             2023-07\n"
        "Tonnes shipped      33 million   Example Desk   2023-07\n\n"
        "The deal ended.  Traders said 45 countries lost a supplier.  Prices\n"
        "rose by 3% that day.\n"
    )
    layout = read_layout(text)
    assert [text[a:b].split("\t")[0].split("  ")[0] for a, b in layout.sentences()] == [
        "Indicator", "Refugees in Europe", "Support for fighting on", "Indicator", "Voyages",
        "Tonnes shipped", "The deal ended.", "Traders said 45 countries lost a supplier.",
        "Prices\nrose by 3% that day.",
    ]  # fmt: skip
    sources = FigureSources(text, layout.sentences())
    assert [sources.of(text.index(f)) for f in ("6.2", "80%", "1,000", "33 million", "45")] == [
        "UNHCR", "KIIS", "UN", "Example Desk", "traders",
    ]  # fmt: skip


def test_a_number_alone_in_a_table_s_cell_counts_what_its_column_s_header_says() -> None:
    """ "Pledged (EUR bn)" over "17.1" is EUR 17.1 billion; "Share (%)" makes a percentage,
    "Refugees (thousands)" a count of people; a column whose header says nothing of its numbers
    ("Rank") gives no figure."""
    text = (
        "Key figures\n\n"
        "Donor            Pledged (EUR bn)   Rank   Source\n"
        "Germany          17.1               1.5    Kiel Institute\n"
        "Norway           3.2                2.5    Norwegian MFA\n\n"
        "| Country | Refugees (thousands) | Share (%) |\n"
        "|---|---|---|\n"
        "| Poland | 956.6 | 15.8 |\n\n"
        "| Item | Amount (USD) |\n|---|---|\n| Barge freight | 57,000 |\n"
    )
    found = {
        f.text: (f.kind, f.value, f.unit)
        for f in find_figures(text, [(0, len(text))], date(2023, 12, 1))
        if f.kind not in ("date", "year")
    }
    assert found == {
        "17.1": ("money", 17_100_000_000, "EUR"),
        "3.2": ("money", 3_200_000_000, "EUR"),
        "956.6": ("count", 956_600, "people"),
        "15.8": ("percent", 15.8, "percent"),
        "57,000": ("money", 57_000, "USD"),  # (a thousands' comma, as a count's)
    }


def test_a_scaled_number_is_the_number_written() -> None:
    """ "$17.1 billion" is 17100000000 in the draft, not binary floating point's
    17100000000.000002 (a curator reads these values)."""
    words = "a pledge of $17.1 billion for 8.2 million people"
    assert [f.value for f in find_figures(words, [(0, len(words))], None)] == [
        17_100_000_000.0,
        8_200_000.0,
    ]


@pytest.mark.parametrize(
    ("words", "figure"),
    [
        ("Exports fell to 2.1m tonnes in May.", ("2.1m tonnes", "tonnes", 2_100_000.0)),
        ("The EU approved a EUR 50bn facility.", ("EUR 50bn", "EUR", 50_000_000_000.0)),
        ("They paid 50 EUR each.", ("50 EUR", "EUR", 50.0)),
        ("EXAMPLE DAWN | 30,000 t wheat | Chornomorsk", ("30,000 t", "tonnes", 30_000.0)),
        ("The file holds 1.38m records.", ("1.38m records", "records", 1_380_000.0)),
    ],
)
def test_a_scale_s_short_form_and_a_sum_s_code_after_an_article(
    words: str, figure: tuple[str, str, float]
) -> None:
    """ "2.1m tonnes" is a count in millions; "a EUR 50bn facility" a sum (the article and the
    code had been taken for a count of one euro, and the sum was lost)."""
    found = [f for f in find_figures(words, [(0, len(words))], None) if f.unit]
    assert [(f.text, f.unit, f.value) for f in found] == [figure]


def test_a_paper_s_authors_and_year_as_the_subject_are_the_source() -> None:
    """As scholars write: "Marsh and Okonkwo (2024) attribute …" (each clause its own
    authors), "Hale et al. (2023) find …" ("et al." ends no sentence)."""
    text = (
        "Sokolova (2024) reads the fall as fatigue; Marsh and Okonkwo (2024) attribute it to "
        "question order, with an effect of up to 4 percentage points. Hale et al. (2023) find "
        "that 61% agreed."
    )
    assert sources_at(text, "up to 4", "61%") == ["Marsh and Okonkwo", "Hale et al."]


@pytest.mark.parametrize(
    ("text", "figures", "expected"),
    [
        # a briefing's own ministry points back at no one
        ("The Kremlin said 45 countries got grain. This ministry sent 2 experts to Istanbul.",
         ("45", "2 experts"), ["Kremlin", None]),
        # the officials who add a figure are those the text named before
        ("Ukrainian port officials in Odesa say 11 loaded ships are still at berth. At least 4 "
         "of them have been waiting since Friday, the officials added.",
         ("At least 4",), ["Ukrainian port officials in Odesa"]),
        # "According to him" is the person named before, and no source "him"
        ("Oleksandr Example, who runs the port, spoke to us. According to him, 30 ships are "
         "waiting.", ("30 ships",), ["Oleksandr Example"]),
        # "That post" is the post named before, and whose it is
        ("Asked for his source, the office pointed to a post by the Example Grain Exchange of "
         "Odesa. That post, published in September, puts all sea exports at 48 million tonnes.",
         ("48 million",), ["Example Grain Exchange of Odesa"]),
        # "In his view", "In his estimate" and "In her own survey" are the person's named
        # before (not the pollster she cited in between); "X, whose poll found 84%" is X's
        ("Oleh Example-Kravets testified on Tuesday. In his view, 20 km is the most. In his "
         "estimate, about 3,000 people remain detained. Lena Example-Berg said talks were "
         "unlikely. She cited the Example Institute of Sociology, whose May–June poll found 84% "
         "against concessions. In her own survey of 62 former negotiators, 71% expected no "
         "talks.", ("20 km", "about 3,000", "84%", "71%"),
         ["Oleh Example-Kravets", "Oleh Example-Kravets", "Example Institute of Sociology",
          "Lena Example-Berg"]),
        # "While X records 6 million, Y counts 5.5 million": each figure its own part's; "a
        # figure US officials put closer to 120,000" is the officials'
        ("While UNHCR records 6 million refugees, the Example Monitor counts 5.5 million. "
         "Ukraine claims 300,000 Russian casualties, a figure US officials put closer to "
         "120,000.", ("6 million", "5.5 million", "300,000", "120,000"),
         ["UNHCR", "Example Monitor", "Ukraine", "US officials"]),
        # the relative clause holding a figure says whose it is ("…, which military analysts
        # say had …"); the figure before the clause stays the speaker's
        ("Gen. Oskar Example said Ukraine had recaptured 14 villages, which military analysts "
         "say had a pre-war population of about 5,000 people. UNHCR counted 6 million "
         "refugees, a figure that aid workers in Poland believe is too low by 500,000.",
         ("14 villages", "about 5,000", "6 million", "500,000"),
         ["Oskar Example", "military analysts", "UNHCR", "aid workers in Poland"]),
        # a fact-check's claim: the figures inside a quotation credited after a dash at its
        # line's end are the one credited; a figure outside it is not
        ('Claim: "The grain deal fed the world. It shipped 60 million tonnes before Moscow '
         'walked out." – Senator Mark Example-Dunn\n\nVerdict: Exaggerated.\n\nClaim: "Eighty '
         'per cent of Ukrainians refuse to give up land." – Ulla Example-Berg, MEP\n\n'
         "In 2023 about 40 ships sailed.", ("60 million", "Eighty", "40 ships"),
         ["Mark Example-Dunn", "Ulla Example-Berg", None]),
        # "It", "the review" and "the group" point back at the body that opened a sentence
        # before, though it said nothing there; "she" and "her" at a person who heads one
        ("The Example Refugee Hub published its quarterly review. It counted 5.8 million "
         "refugees. The review found 3 million in Poland. The group said 40% were children. "
         "According to the review, 1 million have gone home; according to press reports, 2 "
         "million.", ("5.8 million", "3 million", "40%", "1 million", "2 million"),
         ["Example Refugee Hub", "Example Refugee Hub", "Example Refugee Hub",
          "Example Refugee Hub", "press reports"]),
        # what one sees a number do, quotes a price at, believes, warns of; unions as a vague
        # source ("the union's tellers" are the tellers); whom an interviewee talks to
        ("Example Agri Consult expects exports to fall by 40%, while Western officials see a "
         "drop closer to 25%. Farm unions warned that 2,000 workers could lose their jobs. "
         "Insurers in London quote cover at about 1% of a cargo's value. European diplomats I "
         "talk to believe revenue fell by nearly 30%. According to the union's tellers, 112 "
         "members voted for it.", ("40%", "25%", "2,000", "1%", "30%", "112"),
         ["Example Agri Consult", "Western officials", "farm unions", "insurers in London",
          "European diplomats I talk to", "union's tellers"]),
        # "…, it reports" after a body that did something in the sentence is that body's (not
        # the source named before); "By X's reckoning" opening a sentence
        ("Local officials said 40 homes burned. Since January, our partner the Example Medical "
         "Corps has run 38,400 consultations, it reports. By the Example Budget Watch's "
         "reckoning, aid came to about €27 billion.", ("40 homes", "38,400", "€27"),
         ["local officials", "Example Medical Corps", "Example Budget Watch"]),
        # what one gave, in the clause right after the figure ("the 20,000 that Western
        # officials estimated"); not one who says it after a comma ("5,000, X said, citing …")
        ("Dr Ruth Example-Hale put Ukraine's daily fire at about 6,000 shells, against the "
         "20,000 that Western officials estimated for Russia. Ukraine retook 14 villages with "
         "about 5,000 people, Hrytsenko-Lund said, citing open-source mapping groups.",
         ("6,000", "20,000", "about 5,000"),
         ["Ruth Example-Hale", "Western officials", "open-source mapping groups"]),
        # a passive's doer, past what the figure was recorded as or where
        ("Some 3,200 people were registered as newly displaced by the Example Displacement "
         "Watch in February. About 900 attacks were recorded in the east by UN monitors.",
         ("3,200", "About 900"), ["Example Displacement Watch", "UN monitors"]),
        # the one who says it after it ("…, say Ukrainian officials", "…, estimates the X"); a
        # vague source past what they did (", who visited …,"); a council by what it is
        ("The front runs for about 1,000 km, say Ukrainian officials. Russia lost $100 billion, "
         "estimates the Example Sanctions Lab. UN monitors, who visited the region twice, "
         "recorded at least 500 deaths. We estimate that 3,000 people need shelter; the city "
         "council says 4,500.", ("1,000 km", "$100", "500", "3,000", "4,500"),
         ["Ukrainian officials", "Example Sanctions Lab", "UN monitors", None, "city council"]),
        # whose latest data they are; what a state has, said in passing, is no one's figure
        ("The Example Grain Monitor's latest data show 1,004 voyages. Poland, which hosts about "
         "1 million refugees, has asked the EU for €2 billion.", ("1,004", "1 million", "€2"),
         ["Example Grain Monitor", None, "Poland"]),
        # a passive's pledger, an apposition opened by "to which", a sum promised, a contrast
        # past a footnote's marker, a survey found "last month"; never who provided something
        ("By June, 12,300 people had been registered for temporary protection by the Interior "
         "Ministry. Loans of up to €400 million were offered by the Example Development Bank. "
         "The Example Recovery Fund, to which we contribute, estimates that repairs will cost "
         "$4 billion. The Example Relief Fund promised $12 million for schools. Erdoğan said "
         "200 were freed,[3] while other accounts gave a total of almost 300 people. It quoted "
         "Example Polling Partners, whose survey last month found 41% in favour. We reached 135 "
         "million people with services provided by my Administration.",
         ("12,300", "€400", "$4 billion", "$12", "200", "almost 300", "41%", "135"),
         ["Interior Ministry", "Example Development Bank", "Example Recovery Fund",
          "Example Relief Fund", "Erdoğan", "other accounts", "Example Polling Partners", None]),
        # "In the centre's count" and "a figure the centre put at" are the centre named before
        ("Swaps went on, according to the Example Centre for Prisoner Data. The centre counted "
         "48 exchanges. In the centre's count, the largest returned 230 people. Officials said "
         "8,000 were held, a figure the centre put at 6,500.", ("48", "230", "8,000", "6,500"),
         ["Example Centre for Prisoner Data", "Example Centre for Prisoner Data", "officials",
          "Example Centre for Prisoner Data"]),
        # "a poll that X published" is X's, and so are "its waves" after it
        ("84% rejected concessions in a poll that the Kyiv International Institute of "
         "Sociology (KIIS) published last July. Since last May, its waves have stayed between "
         "82% and 87%.", ("84%", "82%"), ["Kyiv International Institute of Sociology"] * 2),
        # a vague source narrowed by up to five words, never by the word that opens what
        # they say
        ("Lavrov said Russia would press on, and people familiar with contacts between the two "
         "sides say aid could fall by up to 30%. A senior official at the Ministry of Example "
         "Development said that £90 million was found.", ("30%", "£90"),
         ["people familiar with contacts between the two sides",
          "senior official at the Ministry of Example Development"]),
        # a relay's figure is the one whose data it used: "citing data from", "calculated from"
        ("Oil revenue fell 30%, Reuters calculated from finance ministry data. Exports fell "
         "12%, the Example Monitor reported, citing data from Example Grid. Prices rose 8%, "
         "according to Reuters calculations based on central bank figures.",
         ("30%", "12%", "8%"), ["finance ministry", "Example Grid", "central bank"]),
        ("Maria Example-Lind heads the Example Refugee Hub. She said 5.8 million refugees were "
         "in Europe. In her count, 3 million are in Poland.", ("5.8 million", "3 million"),
         ["Maria Example-Lind", "Maria Example-Lind"]),
        # one who says it, inside what another says: after "that", a colon or ", and"
        ("Cllr Nadia Example-Shah noted that UNHCR's Global Trends report, published last "
         "month, recorded about 6 million refugees.", ("about 6 million",), ["UNHCR"]),
        ("Cllr Owen Example-Price said the count was too low: the Example Welcome Network puts "
         "the figure at 240.", ("240",), ["Example Welcome Network"]),
        # not one bidden to do it, who has not yet
        ("The Commission recommends that the Republic of Examplia set aside €15 million.",
         ("€15 million",), [None]),
        # a relative clause that says it: whose words it is, not the paper's that quotes them;
        # not a place or body that ends another's name
        ("Hürriyet Daily News quotes President Recep Tayyip Erdoğan, who put the number of "
         "prisoners exchanged at 200.", ("200",), ["Recep Tayyip Erdoğan"]),
        ("That count comes from port officials in Odesa, who also said at least 3 vessels left "
         "half-empty.", ("3 vessels",), ["port officials in Odesa"]),
        ("She quoted Martin Griffiths of the UN, who put the number at nearly 18 million.",
         ("18 million",), ["Martin Griffiths"]),
        # whose figure it is, said right after it: the count's, the one it is attributed by
        ("Europe has committed €85 billion by the Example Defence Review's count, against the "
         "$44 billion that the Example Budget Watch attributes to Washington.",
         ("€85 billion", "$44 billion"), ["Example Defence Review", "Example Budget Watch"]),
        ("It carried some 33 million tonnes before it lapsed, figures the UN published at the "
         "time.", ("33 million",), ["UN"]),
        # one relayed, named in lower case: the producer, as the text names them
        ("Gas costs nearly 40% less, the Example Energy Regulator said, citing the customs "
         "service. Some 60 seafarers are stuck, the Example Mission told us, citing the vessels' "
         "masters. Around Kharkiv, 9,000 homes have damaged roofs, the Example Courier reports, "
         "citing the city's housing department.", ("40%", "60 seafarers", "9,000"),
         ["customs service", "vessels' masters", "city's housing department"]),
        # a body's own aside that says it; who passes a vague source's figure on; a prefix
        ("Port officials told the Example Danube Observer, which counted 120 vessels on Friday. "
         "Port officials in Izmail, he added, count up to 60 ships. Sub-agents in Izmail report "
         "47 vessels.", ("120 vessels", "60 ships", "47 vessels"),
         ["Example Danube Observer", "port officials in Izmail", "sub-agents in Izmail"]),
        # "its annual report shows" after what a body did: that body's report
        ("EOSI opened 412 investigations in 2023, up from 236 in 2022, its annual report "
         "published last month shows.", ("412", "236"), ["EOSI", "EOSI"]),
        # not a place's centre: "its centre" is no work
        ("In 2021 the African Union launched an order that puts Africa at its centre and rests "
         "on five pillars.", ("five pillars",), [None]),
        # one who says that …, credited at its end: the credit's ("in the estimate of", a
        # vague source), a representative's too
        ("Foreign Minister Example-Lund noted that roughly 45% of capacity has been damaged, in "
         "the estimate of Ukrainian energy officials.", ("45%",), ["Ukrainian energy officials"]),
        ("The representative of Ukraine said that more than 5 million people had been left "
         "without power, according to the national grid operator.", ("5 million",),
         ["national grid operator"]),
        # a proposal, as a pledge, is its author's; "the port administration" named before in
        # capitals
        ("The Example Shipowners' Association proposes to cap the allowance at $800 a month. "
         "The Example Izmail Port Administration runs the port. The port administration has "
         "announced that dues will rise by 15%.", ("$800", "15%"),
         ["Example Shipowners' Association", "Example Izmail Port Administration"]),
        # quoted prices; engineers, lawyers and a regulator; what a body identified
        ("Traders in Amsterdam quoted prices about 15% lower. Ukrainian grid engineers told the "
         "Facility that up to 2m households faced blackouts. He owns 37%; Example-Petrov's "
         "lawyers put his stake at 12%. Tariffs have risen 27%, the energy regulator said. The "
         "Example Media Centre identified at least 2,300 posts; it said they had been viewed "
         "some 19 million times.",
         ("15%", "2m", "12%", "27%", "2,300", "19 million"),
         ["traders in Amsterdam", "Ukrainian grid engineers", "Example-Petrov's lawyers",
          "energy regulator", "Example Media Centre", "Example Media Centre"]),
        # "his report" is a person's; "a number X published" after it; "costs … at"
        ("The surveyor, Piet Example-Vos, inspected the hull. His preliminary report puts the "
         "cost at about $1.85 million. Keep protection for the roughly 61,000 Ukrainians here, a "
         "number the Interior Ministry published last month. The Example Budget Watch costs our "
         "pledges at €2.1bn a year.", ("$1.85 million", "61,000", "€2.1bn"),
         ["Piet Example-Vos", "Interior Ministry", "Example Budget Watch"]),
        # what one pointed back at assumes
        ("The Ministry of Finance expects to commit €620 million. Traders in Amsterdam quoted "
         "prices about 15% lower. The ministry assumes that 90% of it is repaid.", ("90%",),
         ["Ministry of Finance"]),
        # a clause of one's own that has closed gives no later figure; "costs … at" needs what
        # is costed; "which counts 32 allies" is what a body has; "€85bn by … count"
        ("Hürriyet quoted President Erdoğan, who said talks would go on, and the Kremlin later "
         "put the number of prisoners at 200.", ("200",), ["Kremlin"]),
        ("Shipping costs rose 12 percent at Odesa in March.", ("12 percent",), [None]),
        ("Finland joined NATO, which counts 32 allies.", ("32 allies",), [None]),
        ("Europe has committed €85bn by the Example Defence Review's count.", ("€85bn",),
         ["Example Defence Review"]),
        # a vague source's noun that opens a name is the name's ("Utilities Forum")
        ("A survey by the Example Utilities Forum, published in February, found that only 3 "
         "manufacturers can build them.", ("3 manufacturers",), ["Example Utilities Forum"]),
        # when, between the one who says it and the saying
        ("The Kyiv International Institute of Sociology last month found 84 per cent against "
         "concessions; the Example Poll this week counts 79 per cent.", ("84", "79"),
         ["Kyiv International Institute of Sociology", "Example Poll"]),
        # a clause that leaves out the verb of the one before is whose it names
        ("The MFA counts 37 funded projects; the EPA, 41. Kyiv says 50 ships left, Moscow 20. The "
         "Example Migration Office puts their number at about 86,000, the Example Red Crescent "
         "Society at nearer 110,000.", ("37", "41", "86,000", "110,000"),
         ["MFA", "EPA", "Example Migration Office", "Example Red Crescent Society"]),
        # a request is no one's report; records cited by what they are; bodies as vague as
        # agencies; a pledge of a sum, and to match one
        ("Please report on plans to close the remaining 57 centres. The Example Journal, which, "
         "citing customs data, reported that 180,000 tonnes arrived. Costs are about £1.2 "
         "million, while industry bodies put them at up to £9 million.",
         ("57", "180,000", "1.2", "9 million"), [None, "customs data", None, "industry bodies"]),
        ("3. Welcomes the Example Commission's pledge of €300 million for port upgrades, and "
         "calls for a further €150 million next year. The Example Twinning Fund will match up to "
         "£15,000 of the costs.", ("300", "150", "15,000"),
         ["Example Commission", None, "Example Twinning Fund"]),
        # an aside in a word or two; "the education ministry" is no finance ministry named
        # before; a name that says it is a firm's ("Data") is no person's
        ("Analysts put it at up to 2.5 gigawatts; the Example Energy Monitor, more hopeful, says "
         "1.2 gigawatts. The Example Finance Ministry says EUR 2 billion. The education ministry "
         "counts 61,000 children. Demand was strong. Example Market Data put the spread at 12 "
         "basis points. It had averaged 20 basis points, the firm added.",
         ("1.2", "61,000", "20 basis"),
         ["Example Energy Monitor", "education ministry", "Example Market Data"]),
        # "she" is the one who became something; or the one the clause before "…, she said"
        # tells of
        ("Marta Example-Lind became a mediator. She says she interviewed 63 people. Annalena "
         "Baerbock met Dmytro Kuleba, and Germany will give €5 billion, she said.",
         ("63", "€5"), ["Marta Example-Lind", "Annalena Baerbock"]),
        # what "it" did as an enforcer is its own count; a list's totals "from" a body
        ("EOSI opened 412 investigations, its annual report shows. It imposed penalties of €18.6 "
         "million on 27 companies.\n- 33 million tonnes, 45 countries: the deal's totals, from "
         "the UN", ("18.6", "27 companies", "33 million", "45 countries"),
         ["EOSI", "EOSI", "UN", "UN"]),
        # a company's suffix in lower case; a label's "note" is no verb; one who sees it easing;
        # the writer's own rate after a semicolon, and only there
        ("The renewal will cost roughly £4,800 a month more, Example Power plc told us. 9. "
         "Market note (for information only): about 33 million tonnes left, the UN says. "
         "Traders expect wheat to climb 10%; Example AgriData sees it easing by up to 5%. A "
         "survey by the Example Forum found that banks clear 80%; our own rate was 71%.",
         ("4,800", "33 million", "5%", "80%", "71%"),
         ["Example Power plc", "UN", "Example AgriData", "Example Forum", None]),
        # the next sentence's "That is the ministry's own assessment"; "offered me"; what one
        # traced; "she" as one a title says is a person
        ("Strikes damaged about 50% of capacity. That is the ministry's own assessment. Example "
         "Grain Stores offered me £172 a tonne. The officer, Anna Example-Hart, traced 3,900 "
         "components. The Crown relies on Dr Lyudmila Example-Vance. She estimates that some "
         "2,800 parcels left.", ("50%", "172", "3,900", "2,800"),
         ["ministry", "Example Grain Stores", "Anna Example-Hart", "Lyudmila Example-Vance"]),
        # whose own figure; one placed where they work; a port authority and a head teacher as
        # vague sources; "she" as one named by a title and initials
        ("Here the city's own figure is about 4,200. Mrs Example-Boyd at the job centre told me "
         "that only 30% have such jobs. The school has 28 Ukrainian children, the head teacher "
         "told us. The port authority said that 48 vessels were at anchor. This is Cllr. M. "
         "Example-Doyle's office. She also said the borough houses 212 guests.",
         ("4,200", "30%", "28", "48", "212"),
         ["city", "Example-Boyd", "head teacher", "port authority", "M. Example-Doyle"]),
        # a clause of its own after ", and", past whom its sayers cite
        ("430 Ukrainians live here by the Example Office's count, and regional partners, citing "
         "the Example Home Department, expect another 60 by summer.", ("430", "60"),
         ["Example Office", "Example Home Department"]),
        # "the company" is the holding named before, not a header's "Company update"
        ("Company update | Monday 6 November 2023\nExample Agro Holding exported more grain. The "
         "company reported sales of 612,000 tonnes.", ("612,000",), ["Example Agro Holding"]),
        # a change and what it runs to share the credit the sentence ends with, as a figure set
        # against another credited after both does
        ("Grain exports rose by 12%, to 4 million tonnes, according to the agriculture ministry. "
         "Cover costs about 1% of hull value, against 0.1% in 2021, according to the Example "
         "Marine Review.", ("12%", "4 million", "about 1%", "0.1%"),
         ["agriculture ministry", "agriculture ministry", "Example Marine Review",
          "Example Marine Review"]),
        # the credit in brackets in the title over a table or a list (not a title's words in
        # brackets that credit no one)
        ("3 Financials (per EDGT management accounts)\n| Year | Throughput |\n|---|---|\n"
         "| 2022 | 1.9 million tonnes |", ("1.9 million",), ["EDGT management accounts"]),
        ("Our hosts (Example Hosts Network survey, April)\n\n• Would host again: 68%\n"
         "• Found the first month hardest: about 20%", ("68%", "20%"),
         ["Example Hosts Network", "Example Hosts Network"]),
        ("Results (means of all samples)\n| pH | 6.8 |", ("6.8",), [None]),
        # who says it after it, named by what it is; "the" and one word point back at one
        # named before, and what that is stays unknown where none was
        ("Last night 38 drones were launched at energy sites, the air force said; it shot down "
         "32 of them. The council has housed 1,430 people, the council's resettlement team told "
         "us in June. We found two mines, a sailor told me. Fighting has cost hundreds of "
         "thousands of lives, the team said. It rose 5%, the same source said.",
         ("38", "32", "1,430", "two", "hundreds", "5%"),
         ["air force", "air force", "council's resettlement team", "sailor", None, None]),
        # and before the figure, in its part of the sentence or one before it
        ("Your site says $150, but my forwarder says you charged them $275. In Kharkiv I paid "
         "350 hryvnias, and my cousin in Kraków writes that she paid 120 złoty. The report also "
         "says 85 were lost.", ("$275", "350", "120", "85"),
         ["my forwarder", None, "my cousin in Kraków", None]),
        # and those named by what they are, in the plural, where they are
        ("Staff at the regional hub in Dnipro said that up to 15% of kits sat idle. Families in "
         "Zaporizhzhia told reporters that they had waited almost seven months. Prices in "
         "the north rose 7%.", ("15%", "seven", "7%"),
         ["Staff at the regional hub in Dnipro", "Families in Zaporizhzhia", None]),
        # never a work, whose maker says it; a thing that "claimed" lives; a thing in the plural
        # that only reports; nor "and" or a time before what says it
        ("UNHCR published its annual report on Monday. The annual report says 6.2 million "
         "refugees are in Europe. A cyclone claimed 40 lives. Exports from Odesa reported a 20% "
         "rise, and farmers in Kherson said they had lost 30% of the harvest. Governor Oleh "
         "Syniehubov came on Monday. The next morning he said 31 people had died.",
         ("6.2 million", "40 lives", "20%", "30%", "31 people"),
         ["UNHCR", None, None, "farmers in Kherson", None]),
        # never a relative clause's or a superlative's words
        ("The state will cut 3,000 posts, a move the finance ministry said on Monday would save "
         "$200 million. He was paid $40,000, a sum that his lawyer said was fair. Unemployment "
         "fell to 3.1%, the lowest ever reported.", ("3,000", "$40,000", "3.1%"),
         ["finance ministry", "lawyer", None]),
    ],
)  # fmt: skip
def test_whose_figures_a_text_says_they_are(
    text: str, figures: tuple[str, ...], expected: list[str | None]
) -> None:
    """Issue 12: the source of each figure, as the text gives it across its sentences."""
    assert sources_at(text, *figures) == expected


def test_an_appeal_s_sum_is_its_author_s_and_what_another_says_then_is_theirs() -> None:
    text = (
        "When the UN launched its $5.6 billion appeal in February, Martin Griffiths said nearly "
        "18 million people needed aid. The UN and its partners launched the appeal, asking for "
        "$3.9 billion to reach 11.1 million people."
    )
    assert sources_at(text, "$5.6", "nearly 18", "$3.9", "11.1") == [
        "UN",
        "Martin Griffiths",
        "UN",
        "UN",
    ]


def test_a_sentence_that_points_back_takes_the_source_whose_work_it_names() -> None:
    """ "The appeal sought …" is the UN's, though Griffiths spoke in between; a person named by
    surname after being named in full is named in full."""
    text = (
        "When the UN launched its 2023 appeal, Martin Griffiths said 18 million people needed "
        "aid. The appeal sought $5.6 billion. President Recep Tayyip Erdoğan spoke too. "
        "Erdoğan's spokesman said 15 commanders were listed."
    )
    assert sources_at(text, "18 million", "$5.6", "15 commanders") == [
        "Martin Griffiths",
        "UN",
        "Recep Tayyip Erdoğan's spokesman",
    ]


def test_a_survey_s_wave_his_count_and_the_writer_s_own_survey() -> None:
    """ "Its October wave" is the institute's; "by his count" the one who spoke; "This
    institute's own survey" is the writer's, no one cited."""
    text = (
        "KIIS found 84% in June. Its October wave showed 80%. Martin Griffiths spoke of 18 "
        "million people. That is out of 43 million, by his count. This institute's own survey "
        "of aid workers found that 41 percent disagree."
    )
    assert sources_at(text, "80%", "43 million", "41 percent") == [
        "KIIS",
        "Martin Griffiths",
        None,
    ]


def test_a_sentence_opening_with_a_pronoun_takes_the_source_named_before() -> None:
    """ "He added that …" in the middle of a text is the last source's (it was only seen at
    the very start of one)."""
    text = (
        "Ships queued off Istanbul. Ahmet Sample, the association's chairman, said 40 ships "
        "waited. He added that members had lost at least 12 days of sailings. Prices rose 5%."
    )
    assert sources_at(text, "at least 12", "5%") == ["Ahmet Sample", None]


def test_each_part_of_a_sentence_that_sets_two_sources_against_each_other_keeps_its_own() -> None:
    """ "X counts 6 million, while Y puts it at 5 million": the second figure is Y's; a part
    without a source of its own ("…, but 10% were undecided") keeps the one named before."""
    text = (
        "UNHCR counts 6 million refugees, while the Example Monitor puts it at 5 million. "
        "Ukrainian officials say 300 ships sailed, whereas Russian officials claim only 100 did. "
        "KIIS found 84% opposed, but 10% were undecided."
    )
    assert sources_at(text, "6 m", "5 m", "300", "100", "84", "10%") == [
        "UNHCR",
        "Example Monitor",
        "Ukrainian officials",
        "Russian officials",
        "KIIS",
        "KIIS",
    ]


def test_a_part_in_the_first_person_after_a_semicolon_is_the_writer_s_own() -> None:
    """Issue 12, from train-23, train-25 and train-30: "…; our country gave €18 million" and
    "…; our own records show 4,150" are the writer's, not the earlier part's source's; a part
    that is not in the first person still takes it ("KIIS reported …; only 10 percent …")."""
    text = (
        "The UN appeal for Ukraine last year sought $5.6 billion; our country gave €18 million. "
        "The Example Hosts' Network estimates about 4,300; our own records show 4,150. "
        "KIIS reported 84% in May; only 10 percent disagreed."
    )
    assert sources_at(text, "€18", "4,150", "10 percent") == [None, None, "KIIS"]
    # unless it points back at the source or says who says it
    back = (
        "The military administration reported 40 drone attacks; we could not verify its figure "
        "of 12 dead. Zelensky said 40 drones fell; we have also lost 3 power plants, he added."
    )
    assert sources_at(back, "12 dead", "3 power") == ["military administration", "Zelensky"]


def test_a_pronoun_after_the_figure_or_the_institute_takes_the_source_named_before() -> None:
    """ "…, he added." is the last source's; "the institute" is the institute named last, not
    the person who spoke for it; "the agency" with no agency named is the source named last."""
    text = (
        "Tomasz Sample of the Vistula Institute for Security Studies spoke on Monday. "
        "Our tracking at the institute counts about 150 ships. UNHCR said 6 million had left. "
        "Another 2 million may follow, she added. The agency counted 300 camps."
    )
    assert sources_at(text, "150", "2 million", "300") == [
        "Vistula Institute for Security Studies",
        "UNHCR",
        "UNHCR",
    ]


def test_a_part_set_against_another_by_while_keeps_its_own_source() -> None:
    """ "while" or "whereas" before one who says a figure opens a part of its own, comma or not
    (a time's "while" is none: "while officials were visiting")."""
    text = (
        "The UN says 45 countries while the Example Grain Observatory counts 43. The UN says 12 "
        "ports whereas the Example Port Monitor lists 14. The UN said 30 ships had sailed while "
        "officials were visiting 5 ports."
    )
    assert sources_at(text, "43", "14", "5 ports") == [
        "Example Grain Observatory",
        "Example Port Monitor",
        "UN",
    ]


def test_a_body_pointed_back_at_by_its_kind_is_the_one_whose_name_says_it_is_one() -> None:
    """ "The monitor says" after a monitor and then an observatory were named: the monitor."""
    text = (
        "The Example Energy Monitor tracks gas storage. The Example Grid Observatory tracks the "
        "grid. The monitor says stocks peaked at 15.1 bcm. According to the monitor, 3 bcm will "
        "be drawn down. The observatory says 12 plants were hit."
    )
    assert sources_at(text, "15.1 bcm", "3 bcm", "12 plants") == [
        "Example Energy Monitor",
        "Example Energy Monitor",
        "Example Grid Observatory",
    ]
    # the kind's word as the name's head: not a street's
    union = (
        "Members of the Example Nurses Union marched to Union Street. The union says 3,000 "
        "people took part."
    )
    assert sources_at(union, "3,000") == ["Example Nurses Union"]
    # nor one named as where others came from
    federation = (
        "The Example Chess Federation hosted the event. Some players came from the Russian "
        "Federation. The federation says 300 players took part."
    )
    assert sources_at(federation, "300") == ["Example Chess Federation"]


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        ("205 Ukrainians and 10 foreign nationals", [("205 Ukrainians", "people"),
                                                     ("10 foreign nationals", "people")]),
        ("Ukraine handed over 55 Russian prisoners", [("55 Russian prisoners", "people")]),
        ("claimed 12,000 new recruits and 20 doctors", [("12,000 new recruits", "people"),
                                                      ("20 doctors", "people")]),
        ("argued before a studio audience of 141", [("141", "people")]),
        ("a pre-war population of 43 million", [("43 million", "people")]),
        ("put the number of refugees at about 6 million", [("about 6 million", "people")]),
        ("hundreds of thousands of lives", [("hundreds of thousands of lives", "people")]),
        ("100 states voted in favour, 11 against, and 58 abstained",
         [("100 states", "states"), ("11", "states"), ("58", "states")]),
        ("55 prisoners; he is counted among the 55.",
         [("55 prisoners", "people"), ("55", "people")]),
        ("18 million people; a higher figure, 21.8 million", [("18 million people", "people"),
                                                              ("21.8 million", "people")]),
        ("a country whose pre-war population was 43 million", [("43 million", "people")]),
        ("about 9,400 people in shelters on 24 March, up from 7,900 a month earlier",
         [("about 9,400 people", "people"), ("7,900", "people")]),
        ("212 convoys in October, against 260 in September", [("212 convoys", "convoys"),
                                                               ("260", "convoys")]),
        ("about 6,000 shells, against the 20,000 that others fire",
         [("about 6,000 shells", "shells"), ("20,000", "shells")]),
        # judges are people; "within months" counts nothing; "a ten-point fall" is in points
        ("a panel of three judges; to pass 13,000 within months; a ten-point fall; at one point",
         [("three judges", "people"), ("13,000", None), ("ten-point", "points")]),
        # who a bare count were: "of whom 205 were Ukrainians" (not "14 were Russian ships")
        ("215 people, of whom 205 were Ukrainians", [("215 people", "people"), ("205", "people")]),
        ("In 2022, 14 were Russian ships", []),
        # a number that ends its clause, set against a count before it: its unit (never a rank
        # "from our position at 81", nor a note's marker "[3]")
        ("Russia fired 90 missiles and air defences shot down 71, the air force said.",
         [("90 missiles", "missiles"), ("71", "missiles")]),
        ("Russia proposed 85,000 troops, while Kyiv offered 250,000.",
         [("85,000 troops", "people"), ("250,000", "people")]),
        ("We are among the top 60 countries, from our position at 81.", [("60 countries",
                                                                          "countries")]),
        ("It freed 200 prisoners and others,[3] while", [("200 prisoners", "people")]),
        # gas in bcm, areas in km² or sq km; the whole a part after it is of
        ("Stocks were 14.6 bcm, against 9.9 bcm; about 3,600 sq km and 160,000 km² are mined.",
         [("14.6 bcm", "bcm"), ("9.9 bcm", "bcm"), ("about 3,600 sq km", "km2"),
          ("160,000 km²", "km2")]),
        ("Of the 40 ships that sailed in September, 12 were Greek-owned.",
         [("40 ships", "ships"), ("12", "ships")]),
        ("Of the 1,400 generators bought for the winter, only 260 had reached hospitals.",
         [("1,400 generators", "generators"), ("260", "generators")]),
        # set against a count a long clause before it, in its sentence
        ("The monitor counted 29 more ships at anchor off the Bosphorus and Sea of "
         "Marmara, while Turkish port officials put that queue at 35.",
         [("29 more ships", "ships"), ("35", "ships")]),
        ("Some 1,240 people arrived. Of those who left, about 190 moved into rentals and 75 "
         "into council homes.", [("Some 1,240 people", "people"), ("about 190", "people"),
                                 ("75", "people")]),
        ("about 60 ships, while others put the number at 57 [38]; it ran [4]-[6]",
         [("about 60 ships", "ships"), ("57", "ships")]),
        # a grid's capacity in GW or MW
        ("Strikes knocked out some 9,000 MW; the plant has 6 GW.",
         [("some 9,000 MW", "MW"), ("6 GW", "GW")]),
        # a measure's short form written on to its number; basis points, as written
        ("Missiles reach up to 300km; 6GW were lost; flows fell to 15bcm; rates rose 200 basis "
         "points", [("up to 300km", "km"), ("6GW", "GW"), ("15bcm", "bcm"),
                    ("200 basis points", "basis points")]),
        ("Only 11 of NATO's 31 members met the guideline.", [("11", "members"),
                                                             ("31 members", "members")]),
        # a part in words of what is counted (never "one of the seven countries" nor an article)
        ("nine of the brigades; Five of the commanders; one of the seven countries; Article 2 of "
         "the Charter tells", [("nine of the brigades", "brigades"),
                               ("Five of the commanders", "people"),
                               ("seven countries", "countries")]),
        ("support fell by about 5 points", [("about 5 points", "points")]),
        ("about 760 loaded voyages", [("about 760 loaded voyages", "voyages")]),
        ("| Internally displaced people | almost 6 million | UNHCR |",
         [("almost 6 million", "people")]),
        ("In 2014 Russian troops moved; 1. We ask a people; it will one day end; Four days later",
         []),
        ("we rose 24 places; more than 2,400 homes and 12 convoys",
         [("24 places", "places"), ("more than 2,400 homes", "homes"), ("12 convoys", "convoys")]),
        ("Article 51 says so; our 36 indigenous peoples; the 14 was late; 2 teams met",
         [("36 indigenous peoples", "peoples"), ("2 teams", "teams")]),  # never "indigenous"
        ("12 member states; put the number of homes without glass at more than 3,000",
         [("12 member states", "states"), ("more than 3,000", "homes")]),
        # those counted by where they are from are people
        ("put the number of Ukrainians still held in Russia at more than 3,500",
         [("more than 3,500", "people")]),
        ("it counted 470 outbound voyages and 26 distinct cantons",
         [("470 outbound voyages", "voyages"), ("26 distinct cantons", "cantons")]),
        # from train-5 and train-2: the parts of one tally, two sources' parallel counts, "the
        # number" put at a figure, a range's first number
        ("At the UN, 100 states voted for it; 11 voted against and 58 abstained (UN).",
         [("100 states", "states"), ("11", "states"), ("58", "states")]),
        ("EBI counted 470 outbound voyages; the Example Freight Monitor counted 452.",
         [("470 outbound voyages", "voyages"), ("452", "voyages")]),
        ("Around 2,400 people left. Volunteers put the number closer to 3,000, they said.",
         [("Around 2,400 people", "people"), ("closer to 3,000", "people")]),
        ("The advance was perhaps 15 to 20 kilometres.",
         [("perhaps 15", "km"), ("20 kilometres", "km")]),
        ("Up to 40 households may stop hosting; officers put the number nearer 15.",
         [("Up to 40 households", "households"), ("nearer 15", "households")]),
        # "of them" after a count whose noun is capitalised or its own; "of the" and a plural
        ("Russia released 215 people: 205 Ukrainians, 108 of them fighters, and 10 foreigners.",
         [("215 people", "people"), ("205 Ukrainians", "people"), ("108", "people"),
          ("10 foreigners", "people")]),
        ("9,800 people reached, 14 distribution sites, 6 of them in villages.",
         [("9,800 people", "people"), ("14 distribution sites", "sites"), ("6", "sites")]),
        ("At least 9 of the shipments went to Bishkek.", [("At least 9", "shipments")]),
        # a part in words of a count after it (never "the two of …")
        ("In July, eleven of our 38 ships were on charter; nine out of ten countries agree.",
         [("eleven", "ships"), ("38 ships", "ships"), ("nine", "countries"),
          ("ten countries", "countries")]),
        ("We won nine of 15 seats, and Ten of her 14 guests stayed.",
         [("nine", "seats"), ("15 seats", "seats"), ("Ten", "people"), ("14 guests", "people")]),
        # a count in thousands naming nothing, after a count in its sentence with no number
        # between: more of the same (never after a sum, nor one counted "in" something else)
        ("Partners repaired 42,000 homes since the autumn; it expects to reach 60,000 by March. "
         "We welcomed 20,000 visitors and earned hundreds of millions in revenue.",
         [("42,000 homes", "homes"), ("60,000", "homes"), ("20,000 visitors", "people"),
          ("hundreds of millions", None)]),
        # losses put at a number: of what was counted before
        ("Ukraine loses about 10,000 drones a month. He puts Russian losses at about 7,000.",
         [("about 10,000 drones", "drones"), ("about 7,000", "drones")]),
        # and no figure where the whole does not say what it counts (not a count's before it)
        ("We spent four years in talks. Four out of five Ukrainians back it. Four of the five "
         "were hit.", [("four years", "years"), ("five Ukrainians", "people")]),
        # of a count whose phrase the plural before is in
        ("We upheld 27 complaints about host payments, 9 of them against this Council.",
         [("27 complaints", "complaints"), ("9", "complaints")]),
        # never a word that only ends in "s", a time to do something, "the two of them"
        ("Then 3 of its access roads closed. Status: 3 adopted. It kept its Tier 1 status.", []),
        ("The UN counted 340 displaced people. The bridge will take another 12 to rebuild. "
         "Later the two of them met.", [("340 displaced people", "people")]),
        # more of what was counted last ("60 more", "a further 60"), never "more than"
        ("It received 340 former prisoners, and hospitals stand ready to take 60 more.",
         [("340 former prisoners", "people"), ("60", "people")]),
        ("Some 1,900 people lived here. Two weeks ago a further 60 came back. Prices rose 40 "
         "more than expected.", [("Some 1,900 people", "people"), ("60", "people")]),
        # and the rest of it ("the remaining 3", "the other 12")
        ("The lab confirmed 14 cases by PCR; the remaining 3 were linked by contact.",
         [("14 cases", "cases"), ("3", "cases")]),
        ("I can hold 8 containers on this sailing, and the other 12 go on the next one.",
         [("8 containers", "containers"), ("12", "containers")]),
        # the rest of the things counted, not of a measure or a sum
        ("Of the 500 tonnes sent, 300 went to Kharkiv; the remaining 200 went to Sumy.",
         [("500 tonnes", "tonnes"), ("300", "tonnes"), ("200", "tonnes")]),
        ("The convoy of 20 trucks carried 300 tonnes of flour; the remaining 3 are stuck.",
         [("20 trucks", "trucks"), ("300 tonnes", "tonnes"), ("3", "trucks")]),
        ("Of the 40 detainees, 28 were freed after paying 500 dollars each; the other 12 remain.",
         [("40 detainees", "people"), ("28", "people"), ("12", "people")]),
        # a count in words "of them": of the count before (never "one of them")
        ("There were more than 20 disputed areas, five of them in Kyrgyzstan. One of them is "
         "old.", [("more than 20 disputed areas", "areas"), ("five", "areas")]),
        # a form's field names what it counts ("Tenders received: 6")
        ("Lot 1. Contract concluded on 17/03/2023. Tenders received: 6. Value: €97.2 million.",
         [("6", "tenders")]),
        # a verb in -s after a count is no noun it counts
        ("UNHCR counted 8.1 million refugees. The fall of 1.6 million reflects returns.",
         [("8.1 million refugees", "people"), ("1.6 million", "people")]),
        ("Some 500,000 Russian and Ukrainian soldiers were killed or wounded.",
         [("Some 500,000 Russian and Ukrainian soldiers", "people")]),
    ],
)  # fmt: skip
def test_what_a_count_counts_comes_from_the_words_around_it(
    text: str, counted: list[tuple[str, str]]
) -> None:
    """Issue 12: "205 Ukrainians", "the 55", "a pre-war population of 43 million" count people;
    a bare number counts something only where a count near it says what."""
    figures = [f for f in find_figures(text, [(0, len(text))], None) if f.kind == "count"]
    assert [(f.text, f.unit) for f in figures] == counted
    assert not any(f.approximate for f in figures if "over" in text)


def test_a_percentage_written_as_british_papers_write_it() -> None:
    text = "Pipeline exports fell 55pc last year; we bought 5 PCs."
    figures = find_figures(text, [(0, len(text))], None)
    assert [(f.text, f.unit, f.value) for f in figures if f.kind == "percent"] == [
        ("55pc", "percent", 55.0)
    ]


def test_a_bare_number_a_share_changed_from_is_a_share() -> None:
    text = "48% backed talks, down from 57 in May; support is 60%, up from 52 a year ago. 31 of"
    figures = find_figures(text, [(0, len(text))], None)
    assert [(f.text, f.unit) for f in figures if f.kind == "percent"] == [
        ("48%", "percent"), ("57", "percent"), ("60%", "percent"), ("52", "percent")
    ]  # fmt: skip


def test_roubles_and_hryvnias_by_their_signs() -> None:
    text = "The bonus reached ₽1.9 million; troops get an extra ₴100,000 a month."
    figures = find_figures(text, [(0, len(text))], None)
    assert [(f.text, f.kind, f.unit, f.value) for f in figures] == [
        ("₽1.9 million", "money", "RUB", 1900000.0), ("₴100,000", "money", "UAH", 100000.0)
    ]  # fmt: skip


def test_list_items_and_table_rows_are_sentences_of_their_own() -> None:
    text = (
        "- Refugees: 6 million left.\n- Opinion: 80% said no\n| Israel | 3 hours |\n| Türkiye | 1 |"
    )
    assert [text[a:b] for a, b in sentences(text, 0, len(text))] == [
        "Refugees: 6 million left.",
        "Opinion: 80% said no",
        "| Israel | 3 hours |",
        "| Türkiye | 1 |",
    ]


def test_a_meeting_named_by_its_place_is_one_mention_and_a_city_one_goes_to_is_the_city() -> None:
    facts = EventFacts()
    facts.add("https://x/id/event/talks-2022", "place", "https://x/id/actor/ukraine")
    facts.add("https://x/id/event/talks-2022", "kind", "negotiations")
    text = "The talks in Ukraine failed. Bennett flew to Moscow, and Moscow refused."
    found = gazetteer(facts).find(text, sentences(text, 0, len(text)))
    assert [(m.text, m.entity.slug) for m in found.mentions] == [
        ("talks in Ukraine", "talks-2022"),
        ("Moscow", "moscow"),
        ("Moscow", "russia"),
    ]


def test_proposed_names_leave_out_titles_adjectives_and_what_is_no_name() -> None:
    proposed = proposals(
        "We thank Türkiye and Secretary-General António Guterres. Since May, the West's "
        "American and Western partners have met this Assembly. The Istanbul communiqué named "
        "them, and fighters of the Azov regiment left the Chernihiv region. Radio Free "
        "Europe/Radio Liberty reported it.\n"
    )
    assert {"António Guterres", "Istanbul communiqué", "Azov regiment", "Chernihiv region",
            "Radio Free Europe/Radio Liberty"} <= proposed  # fmt: skip
    assert "Sulina channel" in proposals(
        "Twenty-three vessels were waiting at the mouth of the Sulina channel on Tuesday. "
        "The port officials said the queue would grow.\n"
    )
    assert not proposed & {
        "Secretary-General António Guterres", "Since May", "West's", "West", "American",
        "Western", "Assembly", "Istanbul", "Azov", "Chernihiv", "Radio Free Europe",
    }  # fmt: skip


def test_a_kind_of_document_and_a_label_in_capitals_are_no_names() -> None:
    proposed = proposals(
        "Third Report | Published Tuesday\n\nPenalty Notice 2023/17 was issued under Report "
        "AG-2024-03 and Member Circular No. 23, as the Annual Report 2023 says.\n\n4. SHIPS: "
        "The ships waited, and the Example Shipping Monitor counted them in Round 13 of its "
        "survey, as Research Briefing CBP-9731 says.\n\nPOLL\nA poll was taken in March, and "
        "the poll was small.\n"
    )
    assert "Example Shipping Monitor" in proposed
    assert not {"Third Report", "Penalty Notice", "Report AG-2024-03", "Member Circular No",
                "Annual Report", "SHIPS", "Round", "Briefing CBP-9731",
                "POLL"} & proposed  # fmt: skip


@pytest.mark.parametrize(
    ("letterhead", "named"),
    [
        ("EXAMPLEFORD BOROUGH COUNCIL", "EXAMPLEFORD BOROUGH COUNCIL"),
        ("EXAMPLE NORTHERN P&I CLUB", "EXAMPLE NORTHERN P&I CLUB"),
        ("STATEMENT BY THE MINISTRY OF FOREIGN AFFAIRS OF EXAMPLIA",
         "MINISTRY OF FOREIGN AFFAIRS OF EXAMPLIA"),
    ],
)  # fmt: skip
def test_a_letterhead_in_capitals_names_its_body(letterhead: str, named: str) -> None:
    text = (
        f"{letterhead}\n\nMinutes of 16 July 2024\n\nThe committee met on Tuesday and agreed "
        "to ask the county for its figures each term, as it had done before.\n"
    )
    draft = make_draft(Source(Path("minutes.txt"), text, "0" * 64, False), gazetteer())
    proposed = {e["text"]: e["occurrences"] for e in draft.data["draft"]["new_entities"]}
    at = text.index(named)
    assert proposed[named] == [{"start": at, "end": at + len(named)}]


def test_a_judge_named_in_full_then_by_surname_as_one_who_did_something() -> None:
    text = (
        "The trial judge, Harriet Fenwick, found that the ship had spent months in port. "
        "Fenwick had relied on a survey by the brokers. We agree with much of it, and "
        "Fenwick's other findings stand."
    )
    assert proposed_at(text)["Harriet Fenwick"] == [
        text.index("Harriet"), text.index("Fenwick had"), text.index("Fenwick's")
    ]  # fmt: skip


def test_a_councillor_s_or_a_judge_s_title_is_no_part_of_the_name() -> None:
    proposed = proposals(
        "Present: Cllr Ruth Example-Hale, Cllr Owen Example-Price. Cllr Example-Price said the "
        "count was low. Lady Justice Marlow gives the lead judgment, and Captain Example-Rosen "
        "agreed with her on every point.\n"
    )
    assert {"Ruth Example-Hale", "Owen Example-Price", "Marlow"} <= proposed
    assert not {p for p in proposed if p.startswith(("Cllr", "Justice", "Lady", "Captain"))}


def test_an_embassy_s_a_parliament_s_or_a_club_s_name_is_whole_and_the_club_alone_none() -> None:
    proposed = proposals(
        "The Embassy of the Example Republic in Ankara sent a cable to the Example Parliament. "
        "Brokers told the Example Northern Club that premiums rose, and the Club said it had "
        "handled nine requests.\n"
    )
    assert {"Embassy of the Example Republic", "Example Parliament",
            "Example Northern Club"} <= proposed  # fmt: skip
    assert not {"Embassy", "Club", "Example Republic"} & proposed
    library = proposals(  # a letterhead's library, named whole; "the Library" alone no name
        "Example Parliamentary Library\n\nResearch note of March 2023\n\nThe department spent "
        "€40 million through 14 NGOs, the department told the Library. Aid agencies in Kharkiv "
        "told the Library that up to 30% of deliveries were late.\n"
    )
    assert "Example Parliamentary Library" in library and "Library" not in library


def test_a_body_of_the_or_for_the_something_an_acronym_s_possessive_and_a_surname_alone() -> None:
    """Issue 12, from train-6: "Office for the Coordination of Humanitarian Affairs" is one
    name; "UNHCR's" opening a sentence is UNHCR, as "EU" is a name; "Marsh" alone, after "Lena
    Marsh", is her."""
    text = (
        "The Office for the Coordination of Humanitarian Affairs met the Kiel Institute for the "
        "World Economy. UNHCR's report is out. "
        "Six EU countries agree. Lena Marsh spoke first. Marsh then said no."
    )
    proposed = proposed_at(text)
    assert "Office for the Coordination of Humanitarian Affairs" in proposed
    assert "Kiel Institute for the World Economy" in proposed
    assert {"UNHCR", "EU"} <= set(proposed)
    assert proposed["Lena Marsh"] == [text.index("Lena"), text.index("Marsh then")]
    varga = proposed_at(
        "The report was written by Ilona Varga, a researcher in Vienna. Asked about it again "
        "in the spring, Varga smiled and said nothing more.\n"
    )
    assert len(varga.get("Ilona Varga", [])) == 2 and "Varga" not in varga  # one, two mentions
    latin = proposed_at(
        "Latin America is far from the war in Europe. America said it was near.\n"
    )  # a place's last word alone is no surname, whatever follows it
    assert len(latin["Latin America"]) == 1
    assert not {"Office", "Coordination of Humanitarian Affairs", "Marsh"} & set(proposed)


def test_a_dated_line_under_the_title_and_an_adjective_opening_a_name_are_names() -> None:
    """A byline names its publisher and author though title-cased; "American" or "Meridian"
    opening an organisation's name is part of it (an adjective is dropped only before a
    title: "Turkish President Recep Tayyip Erdoğan")."""
    text = (
        "Policy Brief: The Numbers Behind The Talks\n"
        "Meridian Policy Lab | 19 December 2023. Interview by Clara Sample\n\n"
        "The American Enterprise Institute and Turkish President Recep Tayyip Erdoğan disagreed "
        "on the numbers, and the Brief says so. Both sides cited the same polls.\n"
    )
    proposed = proposals(text, header="")
    assert {"Meridian Policy Lab", "Clara Sample", "American Enterprise Institute",
            "Recep Tayyip Erdoğan"} <= proposed  # fmt: skip
    assert not proposed & {"Policy Lab", "Enterprise Institute", "Numbers", "Talks", "Interview"}


def test_a_title_that_leaves_its_small_words_in_lower_case_is_title_cased() -> None:
    """ "Aid Fatigue and the Case for a Negotiating Track" is a title: its capitals are style,
    not names; a state's name in a title line is one ("Republic of Moldova — statement …")."""
    text = (
        "Aid Fatigue and the Case for a Negotiating Track\n"
        "Republic of Moldova — statement to the General Debate, 78th session\n"
        "September 2023\n\n"
        "Western support for Ukraine is not collapsing, but it is thinning. This brief reviews "
        "what donors have pledged and what voters say.\n"
    )
    proposed = proposals(text, header="")
    assert "Republic of Moldova" in proposed
    assert not proposed & {"Aid Fatigue", "Case", "Negotiating Track", "Debate"}


def test_what_a_name_did_joined_to_it_proposes_the_name() -> None:
    """ "a UAE-brokered swap" names the UAE, not "UAE-brokered"."""
    text = (
        "Swap news\n\n31 January 2024\n\n"
        "Ukraine and Russia exchanged prisoners in a UAE-brokered swap on Wednesday. The UAE "
        "thanked both sides for their trust in its mediation. Cargo left Odesa-region ports.\n"
    )
    proposed = proposals(text, header="")
    assert {"UAE", "Odesa"} <= proposed and not {"UAE-brokered", "Odesa-region"} & proposed


def test_a_dateline_a_speakers_title_and_what_no_name_goes_on_into() -> None:
    """A dateline's place is a name though it opens its line; so is whose remarks a title-cased
    line announces; a run of names stops before a day ("Chornomorsk on Sunday"); "UN OCHA" is
    one name; "General Assembly" keeps its first word; "One Western", "Madam Chair" and
    "Ukrainian-side" name no one."""
    text = (
        "Excerpt: remarks by Minister Clara Sample at the Example Conference on Recovery\n"
        "Vienna, 8 October 2024\n\n"
        "Madam Chair, ships left Chornomorsk on Sunday, as UN OCHA and the General Assembly "
        "noted. One Western diplomat spoke of Ukrainian-side losses. The rest is known.\n"
    )
    proposed = proposals(text, header="")
    assert {"Clara Sample", "Vienna", "Chornomorsk", "UN OCHA", "General Assembly"} <= proposed
    assert not proposed & {
        "Chornomorsk on Sunday", "Madam Chair", "One Western", "Western", "Ukrainian-side",
        "Assembly", "Remarks",
    }  # fmt: skip


def test_a_body_s_acronym_before_the_title_and_name_of_who_holds_it_is_a_name_apart() -> None:
    """ "IAEA Director General Rafael Grossi" is the IAEA and Rafael Grossi; "Ukraine's General
    Staff" proposes no "Staff"; "UN General Assembly" stays one name."""
    proposed = proposals(
        "IAEA Director General Rafael Grossi called for restraint. Ukraine's General Staff put "
        "losses at 1,000. The UN General Assembly met again.\n"
    )
    assert {"IAEA", "Rafael Grossi", "UN General Assembly"} <= proposed
    assert not proposed & {"IAEA Director General Rafael Grossi", "Staff", "Assembly"}


def test_a_committee_hearing_names_its_members_witnesses_and_speakers() -> None:
    """A labelled header line ("Members present: …") names people though title-cased; "Q2 Colin
    Marsh:" is Colin Marsh speaking; "Foreign Affairs Committee" keeps its first word."""
    text = (
        "Foreign Affairs Committee\nOral evidence: Aid in Ukraine\nWednesday 8 March 2023\n\n"
        "Members present: Ruth Sample (Chair); Colin Marsh.\n\n"
        "Q1 Chair: Dr Castell, how many people are in need today, and who says so? The "
        "committee has heard several figures this year, and they do not agree.\n\n"
        "Q2 Colin Marsh: The appeal said 18 million people were in need of aid. Is that still "
        "the figure you use when you plan the convoys for the winter?\n"
    )
    proposed = proposals(text, header="")
    assert {"Foreign Affairs Committee", "Ruth Sample", "Colin Marsh"} <= proposed
    assert not proposed & {"Q1 Chair", "Q2 Colin Marsh", "Affairs Committee", "Members"}


def test_a_season_in_the_title_does_not_date_the_document() -> None:
    """ "Outlook: Ukraine, Autumn 2023" is a title; the line "November 2023" is the date."""
    text = (
        "Outlook: Ukraine, Autumn 2023\n\nNovember 2023\n\n"
        + "Aid fell. " * 3
        + ("October polling found that most people still hoped for peace in the spring.\n")
    )
    draft = make_draft(Source(Path("outlook.txt"), text, "0" * 64, False), gazetteer())
    assert draft.data["document"]["date"] == "2023-11"
    assert draft.data["document"]["title"] == "Outlook: Ukraine, Autumn 2023"
    dated = {f["text"]: f["date"] for f in draft.data["draft"]["figures"] if f.get("date")}
    assert dated["October"] == "2023-10"


def test_a_date_counted_from_an_event_the_text_names_takes_the_day_it_began() -> None:
    """Issue 12: "since Russia's invasion of Ukraine" runs from the day the store says it began
    to the document's date; "a week after" it is that day plus seven, and "a week" in it is no
    count. An event whose start the store does not give dates nothing."""
    facts = EventFacts()
    facts.add(INVASION.slug, "start", "2022-02-24")
    text = (
        "A Note\n\n12 May 2024\n\nPrices rose since Russia's invasion of Ukraine began, and "
        "Lavrov spoke a week after Russia's invasion of Ukraine. Talks in Türkiye stalled.\n"
    )
    draft = make_draft(Source(Path("note.txt"), text, "0" * 64, False), gazetteer(facts))
    dated = [(f["text"], f["date"], f.get("until")) for f in draft.data["draft"]["figures"]]
    assert dated == [
        ("12 May 2024", "2024-05-12", None),
        ("since Russia's invasion of Ukraine", "2022-02-24", "2024-05-12"),
        ("a week after Russia's invasion of Ukraine", "2022-03-03", None),
    ]
    assert all("2022-02-24" in f["resolved_by"] for f in draft.data["draft"]["figures"][1:])
    unknown = make_draft(Source(Path("note.txt"), text, "0" * 64, False), gazetteer())
    assert [f["text"] for f in unknown.data["draft"]["figures"]] == ["12 May 2024"]


def test_a_date_counted_from_the_event_a_bare_the_invasion_refers_to() -> None:
    """Issue 12: "the invasion", after "Russia's invasion of Ukraine" is named, is that event
    for what a date counts from ("since the invasion"), though it is no mention of its own;
    before any event is named, or with no event holding the word, it dates nothing."""
    facts = EventFacts()
    facts.add(INVASION.slug, "start", "2022-02-24")
    text = (
        "A Note\n\n12 May 2024\n\nSince the invasion began, prices rose. Russia's invasion "
        "of Ukraine closed the ports. Since the invasion, 6 million people have left, and a "
        "month after the invasion talks began. Since the summit, nothing moved.\n"
    )
    draft = make_draft(Source(Path("note.txt"), text, "0" * 64, False), gazetteer(facts))
    dated = [
        (f["text"], f["date"], f.get("until"))
        for f in draft.data["draft"]["figures"]
        if "date" in f
    ]
    assert ("Since the invasion", "2022-02-24", "2024-05-12") in dated
    assert ("a month after the invasion", "2022-03-24", None) in dated
    assert not any(text.startswith("Since the invasion began") for text, *_ in dated)
    assert not any("summit" in text for text, *_ in dated)
    mentions = [m["text"] for m in draft.data["draft"]["mentions"]]
    assert "the invasion" not in mentions and "invasion" not in mentions


def test_what_a_speech_capitalises_out_of_respect_is_not_proposed() -> None:
    """Issue 12, from what the UN speeches proposed: head nouns alone, the words an assembly
    capitalises, common nouns the text also writes in lower case, possessives, document symbols;
    an organisation's name is not split at its "and"."""
    proposed = proposals(
        "My Government thanks the Conference. Member States must uphold the Charter, as the "
        "Food and Agriculture Organization told the Council. So Africa’s voice and the report "
        "A/75/982 matter to His Excellency Mr. Csaba Korosi. Grain prices rose, and grain "
        "shipments fell, said the Community of Latin American and Caribbean States. The "
        "Republic of Moldova cited the KIIS December wave on Russian-Ukrainian trade, as did "
        "Theresa May. "
        "“Nobody expects it,” he said. Without Busan, despite Western doubts, it fails.\n"
    )
    assert {"Food and Agriculture Organization", "Africa", "Csaba Korosi",
            "Community of Latin American and Caribbean States", "Republic of Moldova",
            "KIIS", "Theresa May", "Busan"} <= proposed  # fmt: skip
    assert not proposed & {
        "My Government", "Government", "Conference", "Member States", "States", "Charter",
        "Council", "Africa’s", "A/75/982", "Excellency Mr", "Grain", "Agriculture Organization",
        "Caribbean States", "KIIS December", "Russian-Ukrainian", "Nobody", "Moldova",
        "Without Busan", "Despite Western",
    }  # fmt: skip


def test_an_explainer_s_answers_are_claims_without_their_marks_and_a_release_its_headline() -> None:
    """ "A: The front line as it stands." is claimed without "A:" (whose "Few" had been a new
    name); a press release's title is its headline, not "FOR IMMEDIATE RELEASE"."""
    text = (
        "FOR IMMEDIATE RELEASE\n\nCould a Ceasefire Hold?\n\n14 February 2024\n\n"
        "Q: What would a ceasefire freeze?\nA: The front line as it stands. Few in Kyiv want "
        "that today.\n"
    )
    draft = make_draft(Source(Path("qa.txt"), text, "0" * 64, False), gazetteer()).data
    assert draft["document"]["title"] == "Could a Ceasefire Hold?"
    assert [c["quote"]["exact"] for c in draft["claims"]] == [
        "The front line as it stands.",
        "Few in Kyiv want that today.",
    ]
    assert "Few" not in {entity["text"] for entity in draft["draft"]["new_entities"]}


def test_a_markdown_quotation_is_claimed_without_its_marks_even_before_the_prose() -> None:
    """ "> …" opening an article was taken for its header and lost; each quoted sentence is a
    claim without the ">" that opens it, its statement without those within it."""
    text = (
        "Notes From the Summit\n\n8 March 2024\n\n"
        '> "We will support Ukraine for as long as it takes," said Jane Example.\n\n'
        "Ministers met in Brussels on Monday. They agreed a further package of aid.\n\n"
        "> Support is not charity. It is our security\n> and our future.\n"
    )
    draft = make_draft(Source(Path("notes.md"), text, "0" * 64, False), gazetteer()).data
    assert [c["quote"]["exact"] for c in draft["claims"]] == [
        '"We will support Ukraine for as long as it takes," said Jane Example.',
        "Ministers met in Brussels on Monday.",
        "They agreed a further package of aid.",
        "Support is not charity.",
        "It is our security\n> and our future.",
    ]
    assert draft["claims"][-1]["statement"] == "It is our security and our future."


def test_a_quotation_s_figures_are_whom_its_last_line_credits() -> None:
    """ "> — John Sample" under a quotation: its figures are his, as a list item's after a dash
    are its maker's; the credit is no claim."""
    text = (
        "Notes From the Summit\n\n8 March 2024\n\n"
        "Ministers met in Brussels on Monday. They agreed a further package of aid.\n\n"
        "> Support is not charity. It is our security, and 70% of voters agree.\n"
        "> — John Sample, Example Forum\n"
    )
    assert sources_at(text, "70%") == ["John Sample"]
    # a pull quote in quotation marks, credited on the line under it
    pulled = (
        '"Pledges are down 40% since the summer."\n— Tomas Example-Reyes, Example Observatory\n'
    )
    assert sources_at(f"The view from Moscow is no softer.\n\n{pulled}", "40%") == [
        "Tomas Example-Reyes"
    ]
    text = text.replace("aid.\n", "aid:\n– Poland pledged 300 million zloty for housing.\n")
    draft = make_draft(Source(Path("notes.md"), text, "0" * 64, False), gazetteer()).data
    assert [c["quote"]["exact"] for c in draft["claims"]][-3:] == [
        "– Poland pledged 300 million zloty for housing.",  # an item after a dash: a claim
        "Support is not charity.",
        "It is our security, and 70% of voters agree.",
    ]


def test_code_is_nobody_s_words_and_a_letter_s_signatories_claim_nothing() -> None:
    """A fenced block of code is no claim, and neither it nor code in backticks names anyone;
    the names under a letter's closing ("Sincerely,") are proposed, but no claim."""
    text = (
        "An Open Letter\n\n12 May 2024\n\n"
        "We write to urge caution. Ukraine should not be pressed to negotiate now.\n\n"
        "```\nexport UKRAINE_DATA=example.org/data.csv\n\nRussia Example Loader\n```\n\n"
        "Run `Russia Example Loader --country Ukraine` to read our data on the war.\n\n"
        "Sincerely,\n\nJane Example, former ambassador\nJohn Sample, Example Institute\n"
    )
    draft = make_draft(Source(Path("letter.txt"), text, "0" * 64, False), gazetteer()).data
    assert [c["statement"] for c in draft["claims"]] == [
        "We write to urge caution.",
        "Ukraine should not be pressed to negotiate now.",
        "Run Russia Example Loader --country Ukraine to read our data on the war.",
    ]
    names = {entity["text"] for entity in draft["draft"]["new_entities"]}
    assert {"Jane Example", "John Sample"} <= names and "Russia Example Loader" not in names
    assert all(m["start"] < text.index("```") for m in draft["draft"]["mentions"])


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Residents of Orikhiv said the shelling went on for days. Many have left the town.\n",
         "Orikhiv"),
        ("| Place | Need |\n|---|---|\n| Residents of Orikhiv without water | about 3,500 |\n\n"
         "The town has had no piped water since June. Many have left it since then.\n",
         "Orikhiv"),  # a table's cell opens as a sentence does
    ],
)  # fmt: skip
def test_who_of_a_place_open_a_sentence_the_place_is_the_name(text: str, name: str) -> None:
    """ "Residents of Orikhiv said" proposes Orikhiv, not "Residents of Orikhiv"."""
    found = proposals(text)
    assert name in found and f"Residents of {name}" not in found


def test_who_one_sides_with_in_pro_or_anti_is_no_new_name() -> None:
    """ "a pro-Kremlin politician", "anti-Semitism": an adjective's part, no one proposed."""
    found = proposals(
        "Ukraine handed over the pro-Kremlin politician Viktor Medvedchuk. Rising anti-Semitism "
        "and Anti-Western rhetoric worried Jane Example.\n"
    )
    assert not {"Kremlin", "Semitism", "Western"} & found
    assert {"Viktor Medvedchuk", "Jane Example"} <= found


def test_a_surname_alone_before_what_the_person_has_is_that_person() -> None:
    """ "Erdoğan's spokesman" after "President Recep Tayyip Erdoğan": his surname, another
    occurrence of him (the spokesman is no one named)."""
    source = Source(
        Path("note.txt"),
        "A Note\n\n12 May 2024\n\nTurkish President Recep Tayyip Erdoğan hosted the talks. "
        "Erdoğan's spokesman said the list had five names.\n",
        "0" * 64,
        False,
    )
    text = source.text
    (erdogan,) = [
        entity
        for entity in make_draft(source, gazetteer()).data["draft"]["new_entities"]
        if entity["text"] == "Recep Tayyip Erdoğan"
    ]
    assert [text[o["start"] : o["end"]] for o in erdogan["occurrences"]] == [
        "Recep Tayyip Erdoğan",
        "Erdoğan",
    ]


def test_a_known_surname_after_another_given_name_is_another_person() -> None:
    """Issue 12, from the UN speeches: the store's "Silva" (a surname of José Silva) is not
    "Luiz Inacio Lula da Silva", who is proposed whole; "President Silva" is still José Silva."""
    silva = Entity("actor", "jose-silva")
    known = Gazetteer([(silva, "José Silva", "label"), (silva, "Silva", "surname")], EventFacts())
    text = (
        "A Note\n\n12 May 2024\n\nWe thank Luiz Inacio Lula da Silva for his words, and "
        "President Silva for his, and Josef Silva too. The speech was long and it was good.\n"
    )
    draft = make_draft(Source(Path("note.txt"), text, "0" * 64, False), known)
    linked = [(m["text"], m["start"]) for m in draft.data["draft"]["mentions"]]
    assert linked == [
        ("Silva", text.index("Silva for his,")),
        ("Silva", text.index("Silva too")),  # the store's own, his given name spelled otherwise
    ]
    proposed = {entity["text"] for entity in draft.data["draft"]["new_entities"]}
    assert "Luiz Inacio Lula da Silva" in proposed


def test_a_known_surname_that_is_another_s_given_name_or_a_place_s_word_is_no_mention() -> None:
    """From the UN speeches and the labelled sets: the store's "Martin" (Micheál Martin) is
    not "Martin Griffiths" nor "Martin Luther King", and its "Costa" is not "Costa Ricans";
    "Whipps Jr." is still Whipps; "U.N." is the UN, as "U.S." is the US."""
    martin, costa, whipps, un = (
        Entity("actor", slug) for slug in ("micheal-martin", "antonio-costa", "whipps", "un")
    )
    known = Gazetteer(
        [(martin, "Martin", "surname"), (costa, "Costa", "surname"),
         (whipps, "Whipps", "surname"), (un, "UN", "alias")],
        EventFacts(),
    )  # fmt: skip
    text = (
        "A Note\n\n12 May 2024\n\nMartin Griffiths spoke, as Martin Luther King once did; "
        "Costa Ricans listened, and so did Mr. Whipps Jr. and the U.N. at length.\n"
    )
    draft = make_draft(Source(Path("note.txt"), text, "0" * 64, False), known)
    linked = [(m["text"], m["slug"]) for m in draft.data["draft"]["mentions"]]
    assert linked == [("Whipps", "whipps"), ("U.N.", "un")]


def test_a_quoted_opening_a_question_a_role_and_a_reference_are_not_proposed() -> None:
    """Issue 12, from what the UN speeches proposed: a word opening a quoted sentence, "Will I",
    a state or body named by its head noun alone ("the Kingdom", "the occupying Power"), a role
    ("Special Envoy"), what is left of a role's title ("for Children"), a provision ("Article
    51", "Chapter VII"); the person after a special envoy's title is proposed."""
    proposed = proposals(
        "We welcome the theme. “Rebuilding trust and reviving solidarity” is its name; the "
        "session's is “Reigniting trust: Accelerating action on the Agenda”. Israel, "
        "the occupying Power, must stop. The Kingdom has decided to act, and the Secretariat "
        "must be streamlined. We act under Article 51 and Chapter VII of the Charter. We thank "
        "the Special Representative of the Secretary-General for Children and Armed Conflict. "
        "Am I safe in my city? Will I ever see my family again? It was a blow: Finland left. "
        "Special Envoy Staffan Larsen "
        "agreed with the Special Envoy of the Secretary-General.\n"
    )
    assert {"Staffan Larsen", "Finland"} <= proposed
    particles = proposals(
        "We met Special Envoy Staffan de Mistura in Geneva, and later President Ursula von der "
        "Leyen, by the Plaza de Mayo. The envoy thanked us for the meeting, as did Colonel "
        "Assimi Goita.\n"
    )
    assert {"Staffan de Mistura", "Ursula von der Leyen", "Plaza de Mayo"} <= particles
    assert "Assimi Goita" in particles  # a rank is a title
    assert not particles & {"Mistura", "Leyen", "Mayo", "Staffan"}
    assert not proposed & {
        "Rebuilding", "Reigniting", "Accelerating", "Power", "Kingdom", "Secretariat", "Article",
        "VII", "Chapter VII",
        "Special Representative", "for Children", "Am I", "Will I", "Special Envoy",
        "Special Envoy Staffan",
    }  # fmt: skip


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("China alone took about a fifth of the total.", ("about a fifth", 20.0, True)),
        ("Nearly two-thirds of respondents agreed.", ("Nearly two-thirds", 66.7, True)),
        ("More than half of Ukrainians oppose talks.", ("More than half", 50.0, True)),
        ("One in 10 children is displaced.", ("One in 10", 10.0, False)),
        ("Three quarters of the grain left.", ("Three quarters", 75.0, False)),
        ("In the first half of 2023 talks stalled.", None),
        ("A third round of talks began.", None),
        ("It happens on about one voyage in five.", ("about one voyage in five", 20.0, True)),
        ("He was a pawn in a game.", None),
        ('Demirtaş put it at "roughly a quarter".', ("roughly a quarter", 25.0, True)),
        ("The share is closer to a third, she said.", ("closer to a third", 33.3, True)),
        ("We won a quarter.", None),  # no hedge and no "of": no share
    ],
)  # fmt: skip
def test_a_share_in_words_is_a_percentage(
    words: str, expected: tuple[str, float, bool] | None
) -> None:
    """Issue 12: "about a fifth of", "two-thirds of", "one in 10" are percentages, hedged as
    any figure; "the first half of 2023" and "a third round" are not."""
    shares = [
        (f.text, f.value, f.approximate)
        for f in find_figures(words, [(0, len(words))], date(2023, 11, 1))
        if f.unit == "percent"
    ]
    assert shares == ([expected] if expected else [])


def test_a_hedged_figure_says_which_bound_it_is() -> None:
    """Issue 12: "more than" and "hundreds of thousands" give a lower bound, "nearly" and "no
    more than" an upper one; "about" none (it is approximate only)."""
    text = (
        "More than 90 ships waited, nearly 1,000 km apart; no more than 10 per cent of the cargo "
        "reached hundreds of thousands of people, about 60 per cent of demand; a post said it "
        "moved barely 10 million tonnes, and prices rose as much as 8.5 per cent."
    )
    found = {
        f.text: (f.bound, f.approximate)
        for f in find_figures(text, [(0, len(text))], date(2023, 11, 1))
    }
    assert found == {
        "More than 90 ships": ("lower", True),
        "nearly 1,000 km": ("upper", True),
        "no more than 10 per cent": ("upper", True),
        "hundreds of thousands of people": ("lower", True),
        "about 60 per cent": (None, True),
        "barely 10 million tonnes": ("upper", True),
        "as much as 8.5 per cent": ("upper", True),
    }


def test_an_answer_s_bare_numbers_count_what_the_question_counted() -> None:
    """ "It is closer to 1,400 now" answers a question about 1,200 aid convoys; "a lower number,
    around 900" counts them too, and is the authorities' who "give" it."""
    text = (
        "Chair: The written evidence says 1,200 aid convoys were turned back. Is that still your "
        "figure?\n\nAnna Roe: It is closer to 1,400 now. The Ukrainian authorities give a lower "
        "number, around 900.\n"
    )
    found = find_figures(text, [(0, len(text))], None)
    assert [(f.text, f.unit) for f in found] == [
        ("1,200 aid convoys", "convoys"),
        ("closer to 1,400", "convoys"),
        ("around 900", "convoys"),
    ]
    assert sources_at(text, "around 900") == ["Ukrainian authorities"]


def test_a_figure_in_bold_counts_what_follows_the_bold() -> None:
    text = "## By the numbers\n\n- **almost 6 million** people were displaced, UNHCR said.\n"
    found = find_figures(text, [(0, len(text))], None)
    assert [(f.text, f.unit, f.value) for f in found] == [("almost 6 million", "people", 6e6)]


def test_one_who_speaks_of_a_bare_number_counts_what_was_counted_before() -> None:
    """ "Erdoğan spoke of 200": the people counted before, as "put it at 200" does."""
    text = "Russia released 215 people. Erdoğan spoke of 200, according to Example Daily News."
    found = find_figures(text, [(0, len(text))], None)
    assert [(f.text, f.unit) for f in found] == [("215 people", "people"), ("200", "people")]


def test_adjectives_of_known_places_roles_in_the_plural_and_head_nouns_are_not_proposed() -> None:
    """Issue 12, from what the UN speeches proposed: "Moroccan" and "Paraguayan" (made of the
    names of states the store knows), "Heads of State and Government", "Ministers", "the
    Convention"; but "the Moroccans" are a people, and a state the store does not know is
    still a name."""
    known = [
        (Entity("actor", "morocco", "State"), "Morocco", "label"),
        (Entity("actor", "kenya", "State"), "Kenya", "label"),
        (Entity("actor", "paraguay", "State"), "Paraguay", "label"),
    ]
    text = (
        "A Note\n\n12 May 2024\n\nThe Moroccan and Paraguayan delegations met Kenyan "
        "Ministers and the Vice-President. The Heads of State and Government signed the "
        "Convention, and the Moroccans and Myanmar welcomed it.\n"
    )
    draft = make_draft(
        Source(Path("note.txt"), text, "0" * 64, False), Gazetteer(known, EventFacts())
    )
    proposed = {entity["text"] for entity in draft.data["draft"]["new_entities"]}
    assert {"Moroccans", "Myanmar"} <= proposed
    assert not proposed & {
        "Moroccan", "Paraguayan", "Kenyan", "Kenyan Ministers", "Ministers", "Vice-President",
        "Heads of State and Government", "Heads of State", "Convention",
    }  # fmt: skip


@pytest.mark.parametrize(
    ("words", "today", "expected"),
    [
        ("left without heat this winter", "2023-02-23", ("2022-12", "2023-02-28")),
        ("what Kyiv can do in the spring.", "2023-11-15", ("2024-03", "2024-05-31")),
        ("no breakthrough by spring", "2023-11-30", ("2024-03", "2024-05-31")),
        ("Lavrov said in March last year", "2023-12-06", ("2022-03", None)),
        ("prices fell at the end of last year", "2024-10-08", ("2023-12", None)),
        ("by the start of next month", "2024-12-08", ("2025-01", None)),
        ("ships have sailed since mid-August", "2023-10-09", ("2023-08", "2023-10-09")),
        ("The deal lapsed in mid-July.", "2023-11-16", ("2023-07", None)),
        ("IOM plans its next survey for 11 May", "2023-04-05", ("2023-05-11", None)),
        ("Our next debate is on 17 January", "2023-12-06", ("2024-01-17", None)),
        ("its October wave", "2023-12-06", ("2023-10", None)),
        ("shipments in August–December 2023", "2024-01-05", ("2023-08", "2023-12-31")),
        ("10 million tons of grain since spring", "2022-09-01", ("2022-03", "2022-09-01")),
        ("Outlook: Ukraine, Autumn 2023", "2023-11-01", ("2023-09", "2023-11-30")),
        ("since last summer", "2023-11-01", ("2023-06", "2023-08-31")),
        ("on 24 February 2022. Four days later, they met", "2023-01-01", ("2022-02-28", None)),
        ("on the night of September 21 and ended the next morning", "2022-09-23",
         ("2022-09-22", None)),
        ("February figures from UNHCR", "2023-11-01", ("2023-02", None)),
        ("At 80%, the institute's October figure", "2023-11-14", ("2023-10", None)),
        # a year alone still to come dates no month after it; an event to be held is to come
        ("Committed to the 2030 Agenda, we presented our review in July", "2023-09-20",
         ("2023-07", None)),
        ("Outlays for 2024 are set. The bank raised its rate in September", "2023-10-03",
         ("2023-09", None)),
        ("the Conference of the Parties, to be held in November", "2022-09-20", ("2022-11", None)),
        ("Our next delivery, of 10,000 shells, is due by the end of March", "2024-01-15",
         ("2024-03", None)),
        ("rejected concessions in the May–June wave", "2023-11-01", ("2023-05", "2023-06-30")),
        ("the November-December survey", "2023-02-01", ("2022-11", "2022-12-31")),
        ("on 3 March 2022 and twice since then", "2023-06-21", ("2022-03-03", "2023-06-21")),
        ("in the first quarter of 2023 against the previous quarter", "2023-06-21",
         ("2022-10", None)),
        ("In 2022 exports fell from the preceding year", "2023-06-21", ("2021", None)),
        # a month the paragraph gave, where it gave no full date; a span of years counted from
        # a month the text gives keeps it (not one "years ago" has from the document's date;
        # the calendar's "previous year" is a year)
        ("A poll fielded in February found 72%, down from 84% a year earlier", "2024-03-04",
         ("2023-02", None)),
        ("Three years ago I spoke here. Now, three years later", "2022-09-20", ("2022", None)),
        # a month past the document's date is none ("Seventy-five years later", a year)
        ("In November 1947 the Assembly voted. Seventy-five years later", "2022-09-20",
         ("2022", None)),
        ("In March 2023 prices fell from the previous year", "2023-06-21", ("2022", None)),
        # "this" season is the year's own, gone by or to come; a winter, the nearest
        ("the share ranged from 82% to 87% this spring", "2023-11-23", ("2023-03", "2023-05-31")),
        ("talks may resume this autumn", "2024-01-10", ("2024-09", "2024-11-30")),
        ("about 40% had no heating this winter", "2023-03-01", ("2022-12", "2023-02-28")),
        # a day of the year counted from the document's
        ("The largest, on 21 September last year, freed prisoners", "2023-12-22",
         ("2022-09-21", None)),
        ("by 13 October this year", "2023-09-20", ("2023-10-13", None)),
    ],
)  # fmt: skip
def test_seasons_and_days_counted_from_the_paragraph_are_dates(
    words: str, today: str, expected: tuple[str, str | None]
) -> None:
    """Issue 12: a season is its three months; "Four days later" counts from the paragraph's
    last full date; a month before "figures" or "polling" dates them."""
    *_, figure = find_figures(words, [(0, len(words))], date.fromisoformat(today))
    assert (figure.date, figure.until) == expected
    assert figure.resolved_by or figure.kind == "date"


def test_that_day_is_the_day_the_paragraph_gave_and_after_a_month_or_no_date_no_date() -> None:
    """ "that day" is a day the paragraph gave, or none: not the first of "June 2021"."""
    words = "It lapsed on 17 July 2023. A Kremlin statement that day gave Moscow's reasons."
    *_, that_day = find_figures(words, [(0, len(words))], date(2023, 10, 4))
    assert (that_day.text, that_day.date) == ("that day", "2023-07-17")
    # and "the following day" is the day after it ("February of the following year" is
    # February's)
    words = "It lapsed on 17 July 2023; wheat rose 9% the following day."
    *_, following = find_figures(words, [(0, len(words))], date(2023, 10, 4))
    assert (following.text, following.date) == ("the following day", "2023-07-18")
    words = "In September 2022, 7.5 million fled. In February of the following year, 6 million."
    found = find_figures(words, [(0, len(words))], date(2023, 10, 4))
    assert [(f.text, f.date) for f in found if f.kind != "count"] == [
        ("September 2022", "2022-09"),
        ("February", "2023-02"),
    ]
    # and so are "that night" and "on the day" (not "on the day of the vote")
    words = "On 21 September 2022 the buses came; you were there that night. Wheat rose on the day."
    found = find_figures(words, [(0, len(words))], date(2023, 10, 4))
    assert [(f.text, f.date) for f in found][1:] == [
        ("that night", "2022-09-21"),
        ("the day", "2022-09-21"),
    ]
    for words, expected in (
        ("It began on 12 May 2023. That night drones hit Kyiv.", "That night"),
        ("On 12 May 2023 the air force reported that night that 30 drones fell.", "that night"),
        ("On 12 May 2023 they voted. Turnout on the day was 61%.", "the day"),
        ("On 12 May 2023 Kyiv said it would respond, and 12 people died on the day.", "the day"),
    ):
        found = find_figures(words, [(0, len(words))], date(2023, 10, 4))
        assert (expected, "2023-05-12") in [(f.text, f.date) for f in found]
    words = "On 1 July 2023 officials warned that winter would bring more deaths."
    assert [f.text for f in find_figures(words, [(0, len(words))], date(2023, 10, 4))] == [
        "1 July 2023"
    ]
    for words in ("I met him in June 2021 and spoke for 10 hours, as I did that day.",
                  "That day has come. That day is now.",
                  "In June 2021, on the day of the vote, that night, 40 came.",
                  # a hypothetical day, a habit's, and "that" opening what is said
                  "On 1 May 2023 we met. On the day on which they cross, we act. Tickets can be "
                  "bought on the day. He said that morning meetings would be cut."):  # fmt: skip
        found = find_figures(words, [(0, len(words))], date(2023, 9, 20))
        assert [f.text for f in found if "day" in f.text] == []


def test_a_time_counted_on_from_today_is_no_date() -> None:
    """ "Today, two years later": the speaker's today, not two years after it."""
    words = "Today, two years later, the warning holds."
    *_, later = find_figures(words, [(0, len(words))], date(2023, 9, 20))
    assert (later.text, later.kind, later.date) == ("two years later", "relative-date", None)


def test_a_season_word_that_is_no_season_is_no_date() -> None:
    words = "Prices may fall. The fall of Bakhmut came in May 2023. Spring water."
    assert [f.text for f in find_figures(words, [(0, len(words))], date(2023, 11, 1))] == [
        "May 2023"
    ]


@pytest.mark.parametrize(
    ("words", "side"),
    [
        ("I rise in support of the motion.", "for"),
        ("I urge the House to back the motion.", "for"),
        ("We are arguing for the proposition tonight.", "for"),
        ("I will vote in favour.", "for"),
        ("I am against the motion tonight.", "against"),
        ("I ask the House to vote it down.", "against"),
        ("We will vote no.", "against"),
        ("I cannot support this motion.", "against"),
        ("I will be voting against this motion.", "against"),
        ("I speak in opposition to the motion.", "against"),
        ("I will not be supporting the motion.", "against"),
        ("I urge colleagues to reject it.", "against"),
        ("I urge Members to support it.", "for"),
        ("I will be voting for the motion.", "for"),
        ("I support sanctions, as we always have.", None),
    ],
)
def test_the_ways_a_speaker_declares_a_side_on_the_motion(words: str, side: str | None) -> None:
    declared = AGAINST_MOTION.search(words) or FOR_MOTION.search(words)
    assert (declared and ("against" if declared.re is AGAINST_MOTION else "for")) == side


def test_a_transcript_speakers_declared_sides_and_names() -> None:
    """Issue 12: a debate transcript has no AGREE/DISAGREE labels; its speakers declare their
    side on the motion, which holds until the next speaker; the speaker's label is no part of
    the claim, and the speaker's name is proposed, not the chair's role."""
    text = (
        "Debates (excerpt)\n\nWednesday 22 November 2023\n\n"
        "The Deputy Speaker: The question is that the motion be agreed to. I call the member.\n\n"
        "Ms Jane Example (Example Party): I rise to support the motion. Talks must begin soon, "
        "because the war costs lives every single day.\n\n"
        "She went on to list the costs of the war, one by one, for the whole House to hear.\n\n"
        "Mr John Sample (Other Party): I cannot support this motion. Pressing for talks now "
        "would reward aggression.\n\n"
        "Dr Ann Placeholder: The House has heard enough of this, and she sat down at once.\n"
    )
    source = Source(Path("debate.txt"), text, "0" * 64, converted=False)
    draft = make_draft(source, Gazetteer([], EventFacts()))
    sides = {c["quote"]["exact"].split(".")[0]: c.get("side") for c in draft.data["claims"]}
    assert sides == {
        "The question is that the motion be agreed to": None,
        "I call the member": None,
        "I rise to support the motion": "for",
        "Talks must begin soon, because the war costs lives every single day": "for",
        "She went on to list the costs of the war, one by one, for the whole House to hear": "for",
        "I cannot support this motion": "against",
        "Pressing for talks now would reward aggression": "against",
        "The House has heard enough of this, and she sat down at once": None,
    }
    assert [s["side"] for s in draft.data["draft"]["stance"]] == ["for", "against"]
    proposed = {e["text"] for e in draft.data["draft"]["new_entities"]}
    assert {"Jane Example", "John Sample", "Ann Placeholder"} <= proposed
    assert "Deputy Speaker" not in proposed


def test_an_e_mail_s_signature_is_boilerplate_and_no_name_runs_on_into_a_new_line() -> None:
    text = (
        "Figures for the briefing\n\n21 February 2023\n\n"
        "Our logistics lead says we moved 1,240 tonnes of food since January, and the field "
        "team reached 9,800 people in Kharkiv oblast last month.\n\n"
        "--\nExample Relief Network · Programme Office · Kyiv and Dnipro\nThis e-mail and any "
        "attachments are confidential.\n\nWe met the staff of the Example Aid Desk in Odesa "
        "and Dnipro\nThis week the team came back with the forms we had asked for.\n"
    )
    assert [p.boilerplate for p in read_layout(text).paragraphs()][-2:] == [True, False]
    draft = make_draft(Source(Path("mail.txt"), text, "0" * 64, False), gazetteer())
    proposed = {e["text"] for e in draft.data["draft"]["new_entities"]}
    assert "Example Relief Network" not in proposed
    assert "Dnipro" in proposed and not any("This" in name for name in proposed)


def every_block() -> list[str]:
    """Every block of every labelled document and of the test documents."""
    root = Path(__file__).resolve().parent.parent
    texts = [
        path.read_text("utf-8")
        for path in sorted((root / "bench" / "extract_eval").glob("**/*.txt"))
        + sorted((root / "tests" / "data" / "documents").glob("*.*"))
    ]
    return [text[a:b] for text in texts for a, b in blocks(text)]


def test_the_boilerplate_shortcut_says_what_the_full_scan_says() -> None:
    """`says_boilerplate` scans only a text holding one of `BOILERPLATE_WORDS`: a rule added to
    `BOILERPLATE` without its word would be skipped, and this says so."""
    pieces = every_block() + [
        "For more information, write to us.",
        "Note: the views expressed are the author's own.",
        "Jane Example is a contributing columnist.",
        "This study group meets weekly; subscribe to hear of it.",
        "The newsletter is published monthly, and its editors welcome e-mail.",
        "Earlier issues in the series overestimated the harvest.",
    ]
    found = [bool(BOILERPLATE.search(piece)) for piece in pieces]
    assert sum(found) >= 8  # blurbs, credits and footers of the documents, and the lines above
    assert [says_boilerplate(piece) for piece in pieces] == found


def test_trying_the_patterns_where_a_figure_can_start_finds_what_a_full_scan_finds(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The figure scan tries its patterns only at digits, currency signs and the words a figure
    starts with (`FIRST_WORDS`): a pattern added without its first word would lose figures, and
    this says so."""
    root = Path(__file__).resolve().parent.parent
    texts = [
        path.read_text("utf-8")
        for path in sorted((root / "bench" / "extract_eval").glob("**/*.txt"))
        + sorted((root / "tests" / "data" / "documents").glob("*.*"))
    ]
    around = [find_figures(text, [(0, len(text))], date(2023, 9, 19)) for text in texts]
    monkeypatch.setattr(
        figures,
        "_candidates",
        lambda text, first, last: figures.COMBINED.finditer(text, first, last),
    )
    everywhere = [find_figures(text, [(0, len(text))], date(2023, 9, 19)) for text in texts]
    assert sum(map(len, everywhere)) > 400  # dates, counts, sums and periods of 25 documents
    assert around == everywhere


def _labelled_and_test_texts() -> list[str]:
    root = Path(__file__).resolve().parent.parent
    return [
        path.read_text("utf-8")
        for path in sorted((root / "bench" / "extract_eval").glob("**/*.txt"))
        + sorted((root / "tests" / "data" / "documents").glob("*.*"))
    ]


def test_a_named_paper_is_found_as_the_plain_pattern_finds_it() -> None:
    """`NAMED_PAPER` checks what stands before a name's capital after the capital (so that the
    scan can skip to the next capital): it finds what the plain pattern, checks first, finds."""
    plain = re.compile(
        r"(?<![\w'’])(?!(?:The|This|That|These|Those|Its|Their|Our|An?)\b)[A-Z][\w’'-]+"
        r" (?:communiqué|memorandum|declaration|protocol|format|accords?)\b"
        r"|(?<=\b[Tt]he )(?!(?:The|This|That|These|Those)\b)[A-Z][\w’'-]+ agreements?\b"
    )
    texts = _labelled_and_test_texts() + [
        "The Minsk protocol; the Minsk agreements; This protocol, An accord, A format, Its "
        "declaration, Our memorandum, Their communiqué, the The agreement, Istanbul communiqué, "
        "xMinsk protocol, ’Minsk protocol, -Minsk protocol, Ana format, the Their agreement, "
        "Free Association agreement, the Those agreements, Anna protocols"
    ]
    found = [[m.span() for m in draft_module.NAMED_PAPER.finditer(text)] for text in texts]
    assert found == [[m.span() for m in plain.finditer(text)] for text in texts]
    assert sum(map(len, found)) >= 8


@pytest.mark.parametrize(
    ("pattern", "plain"),
    [
        pytest.param(layout_module.WRAPPED, r"(?<=[\w%.,])\n(?=[a-z])", id="WRAPPED"),
        pytest.param(
            gazetteer_module.WRAPPED_NAME, r"(?<=[\w,'’])\n(?=[A-Za-z])", id="WRAPPED_NAME"
        ),
        pytest.param(layout_module.BLOCK, r"\S(?:.|\n(?![ \t\u00a0]*\n))*", id="BLOCK"),
        pytest.param(
            gazetteer_module.ADDRESS_MARK,
            r"(?i)://|www\.|@|\.(?:org|com|net|edu|gov|int|info|io|eu|ua|ru|uk)\b",
            id="ADDRESS_MARK",
        ),
    ],
)
def test_a_pattern_written_for_speed_finds_what_its_plain_form_finds(
    pattern: re.Pattern[str], plain: str
) -> None:
    """A line break, a block, an address's mark: each pattern finds its first character first
    and checks what stands before it after (so that the scan skips from one to the next); it
    finds what its plain form finds, checks first."""
    texts = _labelled_and_test_texts() + [
        "a\n \nb\n\n\nc\n\t\nd about 33\nmillion, x%\nof Black Sea Grain\nInitiative\n",
        "WWW.Example.ORG wWw. foo@bar.Uk a.b.c http://x.io/ .com .comm x.Org. @@ ſ",
    ]
    found = [[m.span() for m in pattern.finditer(text)] for text in texts]
    assert found == [[m.span() for m in re.finditer(plain, text)] for text in texts]
    assert sum(map(len, found)) >= 5  # (hand-wrapped lines are few: 10 in the labelled texts)


def test_words_in_lower_case_and_a_claim_s_kind_words_are_found_as_plainly_written() -> None:
    """The common nouns (a lower-case word, found from the mark before it) and the words of a
    claim's kind (one trie, looked up by the word) are what the plain patterns find."""
    plain_lower = re.compile(r"(?<![\w'’-])[a-z]{2,}(?![\w'’-])")
    plain_kinds = re.compile(
        r"\b(?:(?P<recommendation>should|must|ought|needs? to|has to|have to|it is important)"
        r"|(?P<forecast>will|would|could|might|may|likely|unlikely|risk)"
        r"|(?P<causal>because|therefore|thus|as a result|leads? to|allow|cause)"
        r"|(?P<moral>moral|unjust|injustice|right to|sovereign|dignity|innocent))\b"
    )
    texts = _labelled_and_test_texts() + ["ab cd-ef x’gh ij_ kl1 Mn op", "needs to, as a result"]
    for text in texts:
        words = set(draft_module.LOWERCASE_WORD.findall(" " + text))
        assert words == set(plain_lower.findall(text))
        lowered = text.lower()
        matched = draft_module.KIND_WORDS.finditer(lowered)
        kinds = {draft_module.CLAIM_KIND_OF[m.group()] for m in matched}
        assert kinds == {m.lastgroup for m in plain_kinds.finditer(lowered)}


def test_what_opens_a_sentence_before_a_name_is_looked_for_only_just_before_it() -> None:
    """`_opened` tries OPENED only on the last characters before a name: it says what a search
    of the whole sentence up to the name says."""
    texts = _labelled_and_test_texts() + ["Example Review, 30 Nov 2023. Interview by Ana |  X “Y"]
    tried = 0
    for text in texts:
        for line in re.finditer(r"[^\n]+", text):
            for word in re.finditer(r"[A-Z]", line.group()):
                first = line.start() + word.start()
                expected = bool(draft_module.OPENED.search(text, line.start(), first))
                assert draft_module._opened(text, line.start(), first) == expected
                tried += expected
    assert tried >= 20


def test_runs_of_names_and_two_acronyms_are_found_as_the_plain_patterns_find_them() -> None:
    """`NAME_RUN` and `TWO_ACRONYMS` match a capital first, then check what stands before it:
    they find what the plain patterns, checks first, find."""
    plain_run = re.compile(
        r"(?<![\w'’.@#])(?:(?<![^\s(“\"])(?:[A-Z]\. )+)?[A-Z][\w’'./-]*[\w]"
        + draft_module.NAME_RUN.pattern.split(r"[\w’'./-]*[\w]", 1)[1]
    )
    plain_acronyms = re.compile(r"(?<![\w-])[A-Z]{2,5} [A-Z]{2,5}(?![\w-])")
    texts = _labelled_and_test_texts() + [
        "By J. R. Okonkwo and A. Example, @Handle #Tag x.Y (R. Patel) “K. Roe” UN OCHA, WFP ICRC"
    ]
    for fast, plain in (
        (draft_module.NAME_RUN, plain_run),
        (draft_module.TWO_ACRONYMS, plain_acronyms),
    ):
        found = [[m.span() for m in fast.finditer(text)] for text in texts]
        assert found == [[m.span() for m in plain.finditer(text)] for text in texts]
        assert sum(map(len, found)) >= 3


def test_trying_source_patterns_only_where_their_cues_are_finds_the_same_sources(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A source pattern is tried only in a sentence holding its cues (`sources.CUES`): a cue
    that a pattern can match without would lose sources, and this says so."""
    texts = _labelled_and_test_texts()

    def every_source(text: str) -> list[str | None]:
        layout = read_layout(text)
        sources = FigureSources(text, layout.sentences() + layout.header + layout.boilerplate)
        return [sources.of(f.start) for f in find_figures(text, [(0, len(text))], None)]

    cued = [every_source(text) for text in texts]
    uncued = [(rank, pattern, ()) for rank, pattern, _ in sources_module._CUED]
    monkeypatch.setattr(sources_module, "_CUED", uncued)
    assert [every_source(text) for text in texts] == cued
    assert sum(source is not None for found in cued for source in found) > 300


def test_looking_for_addresses_near_their_marks_finds_what_a_full_scan_finds() -> None:
    """Addresses are looked for only around "@", "://", "www." or ".org": the same spans as
    scanning every character, on every text of the evaluation sets and the test documents."""
    root = Path(__file__).resolve().parent.parent
    texts = [
        path.read_text("utf-8")
        for path in sorted((root / "bench" / "extract_eval").glob("**/*.txt"))
        + sorted((root / "tests" / "data" / "documents").glob("*.*"))
    ] + ["mail x@example.org, see https://example.net/a, www.example.com or un.org/en\tend"]
    spans = [address_spans(text) for text in texts]
    assert spans == [[m.span() for m in ADDRESS.finditer(text)] for text in texts]
    assert sum(map(len, spans)) > 20


def test_a_title_s_last_name_is_no_part_of_the_body_named_on_the_next_line() -> None:
    """ "… for Ukraine", a blank line, "Standing Committee …": Ukraine is linked, not taken for
    a word of the committee's name (and so proposed as a new name)."""
    text = (
        "Sustaining support for Ukraine\n\nStanding Committee on Defence | 28 November 2023\n\n"
        "The committee heard that Russia fires more shells than Ukraine can. It asked for more "
        "money.\n"
    )
    draft = make_draft(Source(Path("t.txt"), text, "0" * 64, False), gazetteer())
    linked = [(m["text"], m["start"]) for m in draft.data["draft"]["mentions"]]
    assert ("Ukraine", text.index("Ukraine")) in linked


def test_a_colleague_named_in_full_is_named_again_by_surname() -> None:
    text = (
        "A Column\n\n20 December 2023\n\nMy colleague Greta Example-Lund, writing last week, "
        "called the slide a turning point. Example-Lund puts the cost of support at €40 billion "
        "a year.\n"
    )
    draft = make_draft(Source(Path("t.txt"), text, "0" * 64, False), gazetteer())
    proposed = {e["text"]: e["occurrences"] for e in draft.data["draft"]["new_entities"]}
    starts = [o["start"] for o in proposed["Greta Example-Lund"]]
    assert text.index("Example-Lund puts") in starts


def test_a_heading_that_is_a_year_is_a_date() -> None:
    text = (
        "A Timeline\n\n20 December 2023\n\n## 2023\n\nThe appeal was launched in Geneva on 15 "
        "February. Finland joined NATO in April, and the talks stayed frozen all year.\n"
    )
    draft = make_draft(Source(Path("t.txt"), text, "0" * 64, False), gazetteer())
    dates = [(f["text"], f.get("date")) for f in draft.data["draft"]["figures"]]
    assert ("2023", "2023") in dates and ("15 February", "2023-02-15") in dates


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("It was extended again in March and May.", ("2023-05", None)),
        ("as recently as July he said so", ("2023-07", None)),
        ("any cargo will move by the end of the month", ("2023-07-18", "2023-07-31")),
        ("pledges fell in the first quarter of 2023", ("2023-01", "2023-03-31")),
        ("Traders spent Tuesday counting losses", ("2023-07-18", None)),
        ("in case the grain deal lapses on 18 July", ("2023-07-18", None)),
        ("three rounds between 28 February and 7 March 2022", ("2022-03-07", None)),
        ("rounds between late February and early March 2022", ("2022-03", None)),
        ("Erdoğan hoped to revive the deal in August", ("2023-08", None)),
        ("Millers expect bread prices to rise by September", ("2023-09", None)),
        ("Partners expect needs to rise in July", ("2023-07", None)),  # its own month ahead
        # a recommendation, and what happens each year, look ahead to the next such month
        ("The ministry should report to us by the end of March", ("2024-03", None)),
        ("Rain usually turns the fields to mud by late October", ("2023-10", None)),
        ("no talks since Istanbul some 20 months ago", ("2021-11", None)),  # a date, hedged
        # looking ahead: "scheduled for", "the next meeting is planned for"; but what was done
        # in a month stays past, though its sentence looks ahead
        ("the Leaders Summit scheduled for December", ("2023-12", None)),
        ("The next meeting is planned for September.", ("2023-09", None)),
        ("no land should be given up, below the 84% it published in June", ("2023-06", None)),
        ("The next update will be issued on 23 March.", ("2024-03-23", None)),
        # what one expects or can do, or agreed to do by a day, is still to come; what was the
        # case in a month is gone
        ("which the Commission expects on November 20", ("2023-11-20", None)),
        ("the Guild says it can send 40 tonnes more in January", ("2024-01", None)),
        ("the Committee agreed to send 40 by 31 August", ("2023-08-31", None)),
        ("this must continue, as was the case in July at the Dialogue", ("2023-07", None)),
        # a deadline's day is still to come; a month alone after "by" may be gone
        ("By 12 April, the Council will:", ("2024-04-12", None)),
        ("and report the results to me by 30 June.", ("2024-06-30", None)),
        ("support fell to 74% by December", ("2022-12", None)),
        ("Rates are $5 above where they stood a fortnight ago", ("2023-07-04", None)),
        ("Customers who sign before 22 September keep prices", ("2023-09-22", None)),
        ("And last night alone 38 drones were launched", ("2023-07-17", None)),
        ("He was offered £172, against £230 this time last year", ("2022-07", None)),
        # a span looking ahead that has not ended yet is this year's; what comes into force
        ("Issuance planned for May–August is low.", ("2023-05", "2023-08-31")),
        ("It comes into force on 1 January.", ("2024-01-01", None)),
        # what holds until a day, told in the present, is ahead; what holds from a day, or is set
        # for it, is the nearest such day (the pavilion opened yesterday); not what is told as past
        ("It permits the wind-down of contracts until 12 January.", ("2024-01-12", None)),
        ("Price changes from 2 August", ("2023-08-02", None)),
        ("Our fixed contract ends on 31 October, the supplier told us.", ("2023-10-31", None)),
        ("Its chair opens the pavilion on 17 July.", ("2023-07-17", None)),
        ("Applications open at noon on 1 August.", ("2023-08-01", None)),  # after a plural
        ("Comments must arrive no later than 30 June.", ("2024-06-30", None)),  # a deadline
        ("The panel meets on Friday to agree the text.", ("2023-07-21", None)),  # set for it
        ("Another account dates its start to 30 July.", ("2022-07-30", None)),  # a noun
        ("The amended Act, in force from 1 June, raises the penalty.", ("2023-06-01", None)),
        ("Exports fell from 10 March.", ("2023-03-10", None)),
        ("The talks lasted until 29 March.", ("2023-03-29", None)),
        ("From 12 March, the city was shelled daily.", ("2023-03-12", None)),
        # nor what has held since, a period counted, or data of that day
        ("From 1 January, 2,300 people have crossed the border.", ("2023-01-01", None)),
        ("From 1 January to date, the mission has recorded 412 violations.", ("2023-01-01", None)),
        ("Figures from 1 January show a 12% rise.", ("2023-01-01", None)),
        ("Figures until 30 June show 4,200 arrivals by sea.", ("2023-06-30", None)),
        # a month alone, capitalised, that no verb shares its name with, is a date anywhere
        ("Romanian port officials put June transits at 1,960 vessels.", ("2023-06", None)),
        ("Almost 6 million people displaced (UNHCR, February)", ("2023-02", None)),
        # a quarter written as one word with its number; a year's end written short
        ("Consensus had fourth-quarter EBITDA at $48 million.", ("2022-10", "2022-12-31")),
        ("UNHCR counted 6 million refugees at end-2022.", ("2022-12", None)),
        # Christmas: the nearest one where its sentence looks ahead, else the last one
        ("His crews can repair 120 more homes before Christmas.", ("2023-12-25", None)),
        ("Our partner installed them in clinics before Christmas.", ("2022-12-25", None)),
        # what a recommendation bids, or one looks forward to, is ahead
        ("(c) Review progress in December.", ("2023-12", None)),
        ("Return journeys in August rose 12% on the year.", ("2022-08", None)),  # nouns
        ("Schedule talks with donors for January.", ("2024-01", None)),  # a verb, its object
        ("Fares rise from 1 January to 40 hryvnias.", ("2024-01-01", None)),  # to no date
        ("Monthly arrivals: July, 1,200; August, 1,450.", ("2022-08", None)),
        ("Report after report in June warned of famine.", ("2023-06", None)),
        ("We recommend that officers report to the Board in January.", ("2024-01", None)),
        (
            "Approve the lease and ask officers to report to the Board in January.",
            ("2024-01", None),
        ),
        ("Update: the Board met in January.", ("2023-01", None)),  # a label, no bidding
        ("Antigua looks forward to hosting the Conference from 27 May", ("2024-05-27", None)),
        # a form's date, day first
        ("Contract concluded on 17/03/2023", ("2023-03-17", None)),
        ("Funding fell this quarter", ("2023-07", "2023-09-30")),
        ("Funding fell last quarter", ("2023-04", "2023-06-30")),
        ("since February last year, exports fell", ("2022-02", "2023-07-18")),
        ("talks in the spring of 2022 failed", ("2022-03", "2022-05-31")),
        ("output in the last quarter of 2024 will rise", ("2024", None)),  # its fourth, no "last"
        ("Shelling went on over the weekend", ("2023-07-15", "2023-07-16")),
        ("Talks resume this weekend", ("2023-07-22", "2023-07-23")),
        ("Since the start of the month, 4,000 fled", ("2023-07", "2023-07-18")),
        ("exports will recover by the end of the year", ("2023-07-18", "2023-12-31")),
        # of the year the paragraph dated last
        ("It was 84% in May 2022 and fell to 80% that October", ("2022-10", None)),
        ("It was 6 million in February 2022; by the end of that year, 3.7", ("2022-12", None)),
        # of the month the paragraph dated last, or a named month before or after it
        (
            "The appeal opened in February. UNHCR counted 6 million that same month",
            ("2023-02", None),
        ),
        ("6 million fled in February 2023; 80% said so that month", ("2023-02", None)),
        (
            "It was 6 million in February 2023, 7.5 million the previous September",
            ("2022-09", None),
        ),
        ("It was extended in November 2022 and again the following March", ("2023-03", None)),
        (
            "Lavrov said in March 2022 he would go on, and as recently as July he did",
            ("2023-07", None),
        ),
        # a day's ordinal, a month in capitals, a date with dots, a month's or a year's part
        # written on with a hyphen
        ("The hearing was held on 3rd March.", ("2023-03-03", None)),
        ("The hearing was held on March 3rd.", ("2023-03-03", None)),
        ("The hearing was held on the 3rd of March 2022.", ("2022-03-03", None)),
        ("[VT: CLIP OF THE MINISTER, SUNDAY POLITICS, 7 JULY]", ("2023-07-07", None)),
        ("Payment was received on 12.03.2023.", ("2023-03-12", None)),
        ("The works were finished by end-March.", ("2023-03", None)),
        ("The new terminal opens by mid-2024.", ("2024", None)),
        # the twelve months to a month, a fortnight, Christmas Eve and New Year's Day
        ("Arrivals fell 12% in the year to March.", ("2022-04", "2023-03-31")),
        ("In the twelve months ending June 2022, 40 ships sailed.", ("2021-07", "2022-06-30")),
        ("Over the past fortnight, ten ships sailed.", ("2023-07-04", "2023-07-18")),
        ("The market opened on Christmas Eve.", ("2022-12-24", None)),
        ("The hall was shut on New Year's Day.", ("2023-01-01", None)),
        # a quarter or a half written short, with its year or after a word that makes it a
        # time; the second half of a year; a decade, counted or named; a span of years
        ("Results for Q3 2022 were weak.", ("2022-07", "2022-09-30")),
        ("Sales in H1 2023 fell.", ("2023-01", "2023-06-30")),
        ("Sales fell in Q2, the board said.", ("2023-04", "2023-06-30")),
        ("Sales fell in the second half of 2022.", ("2022-07", "2022-12-31")),
        ("Over the past decade, costs doubled.", ("2013-07-18", "2023-07-18")),
        ("The yard closed two decades ago.", ("2003-07", None)),
        ("The yard opened in the 1990s.", ("1990", "1999-12-31")),
        ("We drew up a 2020-2024 plan.", ("2020", "2024-12-31")),
        # a span of years or a decade dates nothing its paragraph goes on to tell
        ("We drew up a 2020-2024 plan and reviewed it in May.", ("2023-05", None)),
        (
            "Stalin did so in the 1930s. On 12 July in Istanbul, the sides signed.",
            ("2023-07-12", None),
        ),
        # a holiday's own year; the second half of this year
        ("On Christmas Eve 2022 the shelter was full.", ("2022-12-24", None)),
        ("The second half of this year will be better.", ("2023-07", "2023-12-31")),
    ],
)
def test_more_ways_a_text_dates_without_a_year(
    words: str, expected: tuple[str, str | None]
) -> None:
    """Issue 12, on a wire dated Tuesday 18 July 2023: the second of two months, a weekday on
    its own, the end of a period, a quarter, a date still to come or hoped for, a range's start,
    a month said to be recent after an older date in its paragraph; a day's ordinal, a month in
    capitals, a date with dots, the twelve months to a month, a fortnight, the holidays, a
    quarter or a half written short, a decade and a span of years."""
    found = [f for f in find_figures(words, [(0, len(words))], date(2023, 7, 18)) if f.date]
    assert (found[-1].date, found[-1].until) == expected
    if "28 February" in words:
        assert found[0].date == "2022-02-28"
    if "late February" in words:  # a range's start takes the year its end gives
        assert found[0].date == "2022-02"


@pytest.mark.parametrize(
    "words",
    [
        "Q1. Should Examplia keep sending aid?",  # a question's number
        "Q2 Chair: Welcome. Is anyone still sailing?",
        "H1 Our members at sea",  # a heading's level
        "Over the past decades, costs rose.",  # how long, vague
        # nor a name after a day's ordinal, a verb in capitals, a version's number, hydrogen, a
        # question's number after a preposition, a year's month or a number written as years
        "He was the 2nd May Fair organiser in the village's history.",
        "Results: 1st June Smith, 2nd Mark Evans, 3rd April Jones.",
        "WE MAY 5 TIMES HAVE ASKED FOR HELP.",
        "Please update to version 1.2.2024 of the app.",
        "The plant produces H2 from water.",
        "Turn to the answer for Q3 in the appendix.",
        "Student scores in Q2 (the algebra question) were low.",
        "Invoice 2019-07 remains unpaid.",
        "Record 2001-99 was filed.",
        "Since the last decade of the twentieth century, costs rose.",
    ],
)
def test_no_date_in_a_question_s_number_a_heading_s_level_or_a_name(words: str) -> None:
    found = find_figures(words, [(0, len(words))], date(2023, 7, 18))
    assert [f.text for f in found if f.date] == []


def test_that_season_is_of_the_year_told_before() -> None:
    """Issue 12, from train-20 and train-23: "that spring" is the season of the year of the last
    date told, in its paragraph or, failing that, of a known month before it; never of a year
    alone that a name may hold ("the 1982 Convention")."""
    paragraphs = [
        "Three rounds took place in March 2022.",
        "The lesson of that spring is plain. Under the 1982 Convention, talks went on.",
        "That summer passed. On 21 September 2023 swaps went on through that winter.",
        "In January 2022 the pipes froze; that winter, 300 households lost heating.",
    ]
    text = "\n\n".join(paragraphs)
    spans = [(text.index(p), text.index(p) + len(p)) for p in paragraphs]
    found = find_figures(text, spans, date(2024, 3, 1))
    assert [(f.text, f.date, f.until) for f in found if f.text.lower().startswith("that")] == [
        ("that spring", "2022-03", "2022-05-31"),
        ("That summer", "2022-06", "2022-08-31"),
        ("that winter", "2023-12", "2024-02-29"),
        ("that winter", "2021-12", "2022-02-28"),  # the winter a January is in
    ]


def test_the_same_date_is_the_date_the_paragraph_gave_to_the_day_it_gives() -> None:
    text = "In December 2022, 6 million fled; 3.7 million were displaced at the same date."
    *_, same = find_figures(text, [(0, len(text))], date(2023, 7, 18))
    assert (same.text, same.date) == ("the same date", "2022-12")


def test_a_month_alone_is_no_date_in_a_name_or_every_year() -> None:
    """Issue 12: "June" and "the October Revolution" as names, and the month of every year."""
    text = (
        "June Example-Smith spoke. Each September we meet. October, it noted, is the month when "
        "budgets are set. The December revolution won. March on, they said; it may rise. We mark "
        "the anniversary of Black July. June, 34, has lived here. December is usually the "
        "busiest month. Every year, December brings snow."
    )
    assert [f.text for f in find_figures(text, [(0, len(text))], date(2023, 7, 18))] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # told as past, or with no word of the time: the latest such month
        ("Almost 6 million people displaced (UNHCR, February)", "2023-02"),
        ("Assets under management ended June at $412 million.", "2023-06"),
        # its sentence looking ahead, after it too, or a verb in the present after it: the
        # nearest such month
        ("December marks the seventy-fifth anniversary of the Declaration.", "2023-12"),
        ("The October polls will mark the fourth peaceful elections.", "2023-10"),
        ("We look forward to building on the outcomes of the June summit.", "2023-06"),
    ],
)
def test_a_month_alone_is_of_the_year_its_sentence_tells(text: str, expected: str) -> None:
    """Issue 12, from the review of the rule: a month alone, on a document of 1 September 2023."""
    months = [f for f in find_figures(text, [(0, len(text))], date(2023, 9, 1)) if f.date]
    assert [f.date for f in months] == [expected]


def test_what_holds_since_a_day_is_not_ahead_after_a_day_that_is() -> None:
    """Issue 12, from train-28: a yearless date after one ahead in its paragraph is the first
    such date after it, unless it is what something holds since."""
    text = (
        "Licence INT/2023/12 permits the wind-down of existing contracts until 12 January. "
        "Applications received since November 20 are held."
    )
    found = find_figures(text, [(0, len(text))], date(2023, 12, 15))
    assert [(f.text, f.date) for f in found if f.kind == "date"] == [
        ("12 January", "2024-01-12"),
        ("November 20", "2023-11-20"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The maximum permitted draught is 11.5 m until dredging is complete.", ("11.5 m", "m")),
        ("3 eggs · 200 g sugar · 150 g honey", ("150 g", "g")),
        ("Bake for 5 minutes at 180°C.", ("180°C", "°C")),
        ("The highest lead result, 96 mg/kg, came from field K4.", ("96 mg/kg", "mg/kg")),
        ("Trains may run at up to 80 km/h on the bridge.", ("up to 80 km/h", "km/h")),
        ("On your left is the grain quay, 640 metres of it.", ("640 metres", "m")),
        # a measure's name, as its symbol
        ("The plant used 1.2 terawatt hours.", ("1.2 terawatt hours", "TWh")),
        ("A 25 megawatts plant opened.", ("25 megawatts", "MW")),
        ("It reached 40 degrees Celsius.", ("40 degrees Celsius", "°C")),
        # "m" before a plural is a scale's short form
        ("The leak held 1.38m records.", ("1.38m records", "records")),
        ("The glacier retreats 30 m a year.", ("30 m", "m")),
    ],
)
def test_a_measure_in_a_units_symbol(text: str, expected: tuple[str, str]) -> None:
    """Issue 12, from train-33: a technical text's measures in SI and other symbols."""
    found = find_figures(text, [(0, len(text))], None)
    assert (found[-1].text, found[-1].unit) == expected


def test_m_before_a_name_for_people_or_a_time_is_millions() -> None:
    for text in ("Some 6 m Ukrainians have fled abroad.", "The leak held 1.38 m records."):
        assert [f.unit for f in find_figures(text, [(0, len(text))], None)] != ["m"]


def test_a_persons_surname_alone_links_to_them_when_capitalised_and_unique() -> None:
    lavrov = Entity("actor", "sergey-lavrov", "Person")
    rice = Entity("actor", "condoleezza-rice", "Person")
    gaz = Gazetteer(
        [(lavrov, "Sergey Lavrov", "label"), (rice, "Condoleezza Rice", "label")], EventFacts()
    )
    text = "Lavrov spoke; Rice replied; rice prices rose; LAVROV again."
    found = gaz.find(text, [(0, len(text))])
    assert [(m.text, m.entity.slug, m.how) for m in found.mentions] == [
        ("Lavrov", "sergey-lavrov", "surname"),
        ("Rice", "condoleezza-rice", "surname"),
        ("LAVROV", "sergey-lavrov", "surname"),
    ]


def test_credits_disclaimers_and_notes_to_write_to_are_boilerplate() -> None:
    content = (
        "Freight rates rose by some 8 percent in early trading, brokers said on the day the "
        "deal lapsed, and insurers raised their premiums for every ship still in port."
    )
    text = (
        f"A Title\n\n12 May 2024\n\n{content}\n\n"
        "Reporting by Example Wire staff; editing by Jo Placeholder.\n\n"
        "Nadia Placeholder is a contributing columnist. The views expressed are her own.\n\n"
        "Corrections: desk@example.org\n\n"
        "The meeting rose at 12.35 p.m.\n"  # a verbatim record's procedure
    )
    assert [p.boilerplate for p in read_layout(text).paragraphs()] == [
        False, True, True, True, True,
    ]  # fmt: skip
    notes = f"A Title\n\n12 May 2024\n\n{content}\n\nSources: KIIS survey of 9 June; UNHCR data.\n"
    assert [p.boilerplate for p in read_layout(notes).paragraphs()] == [False, True]


def test_a_text_written_one_paragraph_a_line_has_a_paragraph_per_line() -> None:
    """The UN speeches come one paragraph a line, without blank lines: each line is a paragraph
    (so a date in one never anchors the next). Hand-wrapped lines, list items and table rows
    stay one block."""
    long_line = "The Assembly heard the call for unity among its members once again. " * 3
    speech = f"{long_line}It met on 4 April 2022.\n{long_line}It met again on 17 July.\n"
    assert len(read_layout(speech).paragraphs()) == 2
    thanked = f"{long_line}\nI thank you all for coming.\n{long_line}\n{long_line}\n"
    assert len(read_layout(thanked).paragraphs()) == 4
    labelled = f"A Debate\n\n12 May 2024\n\nAGREE\n{long_line}\n"
    assert [p.label is not None for p in read_layout(labelled).paragraphs()] == [True]
    wrapped = "Aid fell sharply this year as\ndonors turned away. And the\nneed grew everywhere.\n"
    listed = f"- {long_line}\n- {long_line}\n"
    for text in (wrapped, listed):
        assert len(read_layout("Title\n\n" + text).paragraphs()) == 1
    dated = find_figures(speech, [(p.start, p.end) for p in read_layout(speech).paragraphs()],
                         date(2023, 9, 19))  # fmt: skip
    assert [f.date for f in dated] == ["2022-04-04", "2023-07-17"]


def test_a_long_paragraph_that_ends_in_a_reference_is_prose() -> None:
    """A UN speech, one block of lines that ends with the record it quotes: "… prevail."
    (A/59/PV.4, p.23)" is still the body, not a header; a short title without a full stop is not."""
    sentence = "The Assembly heard the call for unity among its members once again this year. "
    ending = "He said it must \u201cprevail.\u201d (A/59/PV.4, p.23)"
    text = f"Statement by Morocco\n\n{sentence * 8}{ending}\n"
    layout = read_layout(text)
    assert [text[s:e] for s, e in layout.header] == ["Statement by Morocco"]
    assert len(layout.paragraphs()) == 1
    assert text[slice(*layout.sentences()[-1])].endswith("(A/59/PV.4, p.23)")


def test_notes_in_bullet_points_are_the_body_under_their_titles() -> None:
    """Briefing notes are written in fragments: a list is the body, as prose is, and the title
    line over it ("Slide 1 – Public opinion") is its heading."""
    text = (
        "Briefing notes: where things stand\n\nPrepared for the committee | 2 July 2024\n\n"
        "Slide 1 – Public opinion\n• 80% in Oct 2023 (KIIS)\n• Fatigue, not surrender\n\n"
        "Slide 2 – Aid money\n• 2023 UN appeal: $5.6 bn\n\n"
        "- Ports: Odesa and Yuzhny\n- Ask the clerk\n"
    )
    layout = read_layout(text)
    assert [text[a:b] for a, b in layout.header] == [
        "Briefing notes: where things stand",
        "Prepared for the committee | 2 July 2024",
    ]
    assert [s.title for s in layout.sections] == ["Slide 1 – Public opinion", "Slide 2 – Aid money"]
    assert [text[a:b] for a, b in layout.sentences()] == [
        "80% in Oct 2023 (KIIS)",
        "Fatigue, not surrender",
        "2023 UN appeal: $5.6 bn",
        "Ports: Odesa and Yuzhny",
        "Ask the clerk",
    ]


def test_a_byline_a_memos_from_line_and_a_speakers_party_are_proposed() -> None:
    source_text = (
        "MEMORANDUM\n\nFrom: Dr Maren Sample, Senior Fellow; Luis Placeholder, Research Assistant\n"
        "Date: 21 June 2023\n\nBy Nadia Placeholder\n\n"
        "Ms Jane Example (Example Reform Party): I rise to support the motion. Talks must begin "
        "soon, because the war costs lives every single day on every part of the front line.\n"
    )
    source = Source(Path("memo.txt"), source_text, "0" * 64, converted=False)
    draft = make_draft(source, Gazetteer([], EventFacts()))
    proposed = {e["text"] for e in draft.data["draft"]["new_entities"]}
    assert {"Maren Sample", "Luis Placeholder", "Nadia Placeholder", "Jane Example",
            "Example Reform Party"} <= proposed  # fmt: skip
    assert not proposed & {"Senior Fellow", "Research Assistant"}


def test_a_signatory_list_s_names_end_at_their_lines_and_plurals_and_time_zones_are_no_names() -> (
    None
):
    """A name never runs from one line of a list to the next ("Example Allied Land Command" over
    "Dr Pavlo Hrytsenko-Lee"), though it may across a line that prose wraps; "IDPs", "GMT" and
    a note's mark after a month ("February.⁵") name no one."""
    source_text = (
        "An Open Letter on Talks\n\nUpdated Friday, 10 November 2023\n\n"
        "We write as former officials. At 14:32 GMT on Monday the "
        "Example Relief Desk counted 3.7 million IDPs, far more than in February.⁵ The Kyiv "
        "School of\nExample Studies agrees with the numbers that the desk published again.\n\n"
        "Gen. (ret.) Thomas Reyes-Albright, former Commander, Example Allied Land Command\n"
        "Dr Pavlo Hrytsenko-Lee, Director, Kyiv Centre for Example Policy\n"
        "Ms Ruth Kessler, President, Warsaw Example Forum\n"
    )
    source = Source(Path("letter.txt"), source_text, "0" * 64, converted=False)
    draft = make_draft(source, Gazetteer([], EventFacts()), when="2023-11-10")
    proposed = {e["text"] for e in draft.data["draft"]["new_entities"]}
    assert {
        "Example Allied Land Command",
        "Pavlo Hrytsenko-Lee",
        "Kyiv Centre for Example Policy",
        "Ruth Kessler",
        "Warsaw Example Forum",
        "Kyiv School of Example Studies",  # across a line that prose wraps
    } <= proposed
    assert not [name for name in proposed if "Command " in name or "Policy " in name]
    assert not proposed & {"IDPs", "GMT", "February.⁵", "February", "Updated Friday", "Updated"}
    # nor from one cell of a table set out with spaces to the next
    table = "Key figures\n\nIndicator      Value   Source\nShips waiting  60      Example Desk\n"
    source = Source(Path("table.txt"), source_text + "\n" + table, "0" * 64, converted=False)
    draft = make_draft(source, Gazetteer([], EventFacts()), when="2023-11-10")
    proposed = {e["text"] for e in draft.data["draft"]["new_entities"]}
    assert "Example Desk" in proposed
    assert not [name for name in proposed if "Indicator" in name or "Source" in name]


def test_block_yaml_reads_back_as_the_data_it_was_given() -> None:
    """Drafts and imports are written by our own block emitter (PyYAML's representer was a third
    of extraction's time): whatever the strings hold, YAML reads the same data back, and strict
    ingest reads it too; plain where nothing could misread it, quoted elsewhere."""
    strings = [
        "yes", "No", "on", "null", "~", "2023-11-16", "1:30", "a: b", "a #b", "#x", "- x",
        " lead", "trail ", "ünï", "x\u2028y", "tab\tx", "q'uote", 'd"q', "[x]", "{y}", "*star",
        "&amp", "!bang", "%p", "@at", "`tick", "|pipe", ">gt", "?q", ",c", "", "1e3", ".5",
        "True", "line\nbreak", "a,b", "emoji 😀", "\x85nel", "\ufeffbom", "end:",
        "https://doi.org/10.7910/DVN/0TJX8Y", "C# code", "Kyiv, Moscow and the Kremlin",
    ]  # fmt: skip
    data = {
        "document": {"id": "x", "title": "Talks: Now?", "date": "2023-11"},
        "strings": strings,
        "claims": [
            {"id": s and f"c{i}", "statement": s, "mentions": {"actors": []}}
            for i, s in enumerate(strings)
        ],  # fmt: skip
        "numbers": [1, 2.5, 5_600_000_000.0, -3, True, False, None],
        "empty": {},
        "nested": [[1, 2], [{"k": "v"}], {}],
    }
    written = block_yaml(data)
    assert yaml.safe_load(written) == data
    assert load_strict(written, "x.yaml", 100_000).data == data
    assert "\nurl" not in written and "C# code\n" in written and 'title: "Talks: Now?"' in written


# What a string may hold that YAML could misread or refuse: its indicators, quotes and escapes,
# words it types (booleans, nulls, numbers, dates), spaces at either end, line breaks of every
# kind, C0 and C1 controls, a BOM, non-characters, right-to-left marks, astral characters.
TRICKY = (
    list("-?:,[]{}#&*!|>'\"%@`\\ \t\n\r/.=+~^$()") + ["\u2028", "\u2029", "\x85", "\ufeff",
    "\x7f", "\x9f", "\u200f", "😀", "é", "Ω", "\uffff", "\ufffe"]
    + ["yes", "No", "null", "~", "true", "1e3", "0x1F", ".inf", "2023-11-16", "12:30", "- ", ": ",
       " #", "...", "---", "a", "Kyiv", "0", "-1"]
)  # fmt: skip


def _tricky_string(random: Random) -> str:
    return "".join(random.choice(TRICKY) for _ in range(random.randint(0, 6)))


def _tricky_value(random: Random, depth: int = 0) -> Any:
    kind = random.randint(0, 9 if depth < 3 else 5)
    if kind <= 3:
        return _tricky_string(random)
    if kind == 4:
        return random.choice([0, -7, 10**12, 2.5, 5_600_000_000.0, 1e-05, True, False, None])
    if kind == 5:
        return []
    if kind <= 7:
        return [_tricky_value(random, depth + 1) for _ in range(random.randint(0, 4))]
    keys = ["id", "text", "start", "side", "kind", "a_b", "x1"]
    return {k: _tricky_value(random, depth + 1) for k in random.sample(keys, random.randint(0, 4))}


@pytest.mark.parametrize("seed", range(40))
def test_a_rendered_draft_reads_back_as_its_data_whatever_it_holds(seed: int) -> None:
    """The proof behind writing a draft without parsing it again: for any data of a draft's
    shapes (claims in block YAML, records of the draft block one flow mapping per line), strict
    ingest reads the rendering back as the very data, or the data itself holds what ingest
    refuses (a control character), which `as_read` finds without parsing."""
    random = Random(seed)
    for _ in range(25):
        data = {
            "kgdebate": "annotation/1",
            "document": {"id": "x", "title": _tricky_string(random)},
            "claims": [
                {"id": f"c{i}", "statement": _tricky_string(random), "extra": _tricky_value(random)}
                for i in range(random.randint(0, 3))
            ],
            "draft": {
                "guessed": [_tricky_string(random) for _ in range(random.randint(0, 2))],
                "mentions": [_tricky_value(random, 2) for _ in range(random.randint(0, 3))],
                "figures": [
                    {"text": _tricky_string(random), "value": _tricky_value(random, 3)}
                    for _ in range(random.randint(0, 3))
                ],
                "sections": [{"start": 0, "end": 1, "note": _tricky_value(random, 1)}],
            },
        }
        content = render(Draft(data, "x.txt", "", False))
        try:
            as_read(data, "x.yaml")
        except InputError:
            with pytest.raises(InputError):
                load_strict(content, "x.yaml")
            continue
        assert load_strict(content, "x.yaml").data == data, content


@pytest.mark.parametrize(
    "source",
    [*sorted((Path(__file__).parent / "data" / "documents").glob("*.[tm][xd]*")),
     *sorted((Path(__file__).parent / "data" / "curate").glob("*.txt"))],
    ids=lambda path: path.name,
)  # fmt: skip
def test_a_real_draft_reads_back_as_its_data(source: Path) -> None:
    """The same proof on drafts of real layouts: what `extract` writes, ingest reads as is."""
    draft = make_draft(read_source(source, 10**7), gazetteer(), when="2023-11-16")
    assert load_strict(render(draft), "x.yaml").data == draft.data


def test_a_markdown_page_s_front_matter_gives_its_title_and_date(tmp_path: Path) -> None:
    """A static site's page opens with "---", "title: …", "date: …", "---": those are its title
    and date (the title had been "---"), and the text keeps them, as the offsets must."""
    page = tmp_path / "post.md"
    page.write_text(
        '---\ntitle: "Counting the displaced: why the numbers differ"\ndate: 2024-02-20\n'
        "author: Example Author\n---\n\nWhen people ask how many have fled, I give two answers. "
        "UNHCR counts 6.5 million refugees from Ukraine, most of them in Europe.\n",
        "utf-8",
    )
    source = read_source(page, 10**7)
    assert source.text.startswith("---\ntitle:")
    draft = make_draft(source, gazetteer())
    assert draft.data["document"]["title"] == "Counting the displaced: why the numbers differ"
    assert draft.data["document"]["date"] == "2024-02-20"


def test_an_html_page_s_title_is_its_article_s_not_its_site_s(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Grain exports after the corridor | Example Monitor</title>"
        '<meta property="og:title" content="Grain exports after the corridor"></head>'
        "<body><p>Text.</p></body></html>",
        "utf-8",
    )
    assert read_source(page, 10**7).meta["title"] == "Grain exports after the corridor"
    page.write_text("<html><head><title>Only a page title</title></head><body></body></html>")
    assert read_source(page, 10**7).meta["title"] == "Only a page title"


def test_an_html_page_s_quotation_table_and_terms_keep_their_shape(tmp_path: Path) -> None:
    """A <blockquote> is a quotation ("> …"), claimed without its credit; a table's row is
    read as Markdown writes it, so a cell counts what its column's header says (the cells had
    run together: "Odesa16.1"); a term and its definition stay apart ("VenueExample Hall")."""
    page = tmp_path / "page.html"
    page.write_text(
        "<html><body><h1>Recap</h1><p>20 November 2023</p>"
        "<blockquote><p>Aid without conditions is a blank cheque.</p>"
        "<footer>— John Sample</footer></blockquote>"
        "<p>Speakers argued that Congress had approved aid since 2022. Others disagreed.</p>"
        "<table><tr><th>Port</th><th>Tonnes (millions)</th></tr>"
        "<tr><td>Odesa</td><td>16.1</td></tr></table>"
        "<dl><dt>Venue</dt><dd>Example Hall</dd></dl></body></html>",
        "utf-8",
    )
    source = read_source(page, 10**7)
    assert "> Aid without conditions is a blank cheque.\n> — John Sample\n" in source.text
    assert "| Port | Tonnes (millions) |\n| Odesa | 16.1 |\n" in source.text
    assert "Venue\n\nExample Hall" in source.text
    draft = make_draft(source, gazetteer()).data
    assert draft["claims"][0]["quote"]["exact"] == "Aid without conditions is a blank cheque."
    (cell,) = [f for f in draft["draft"]["figures"] if f["text"] == "16.1"]
    assert (cell["unit"], cell["value"]) == ("tonnes", 16100000.0)


def test_a_release_is_dated_by_its_day_not_by_the_month_its_title_reports_on() -> None:
    text = (
        "Statistical release: people from Ukraine under temporary protection, May 2024\n\n"
        "Example Office for Migration Statistics | Official statistics | Thursday, 27 June 2024"
        "\n\nAbout 41,200 people held temporary protection on 31 May. Few left this month.\n"
    )
    draft = make_draft(Source(Path("release.txt"), text, "0" * 64, False), gazetteer())
    assert draft.data["document"]["date"] == "2024-06-27"
    dates = {f["text"]: f.get("date") for f in draft.data["draft"]["figures"]}
    assert dates["31 May"] == "2024-05-31" and dates["this month"] == "2024-06"


def test_a_working_paper_s_number_and_date_line_is_its_header() -> None:
    """One "Name — …" line under a publisher's name is no tracker's list but the header's date
    line: "Working Paper 7/2024 — January 2024" dates the paper (it had been refused as
    undated), and "Working Paper" is what it is, no name. A note's "Government of Ukraine"
    keeps its head."""
    text = (
        "SECURITY GUARANTEES FOR UKRAINE\n\n"
        "Example Centre for Strategic Studies\nWorking Paper 7/2024 — January 2024\n\n"
        "Since then, 31 states have signed bilateral security agreements with Kyiv.[2] None of "
        "them commits a signatory to fight.\n\n"
        "Notes\n\n[2] Government of Ukraine, list of signatories, updated 15 January 2024.\n"
    )
    draft = make_draft(Source(Path("paper.txt"), text, "0" * 64, False), gazetteer())
    assert draft.data["document"]["date"] == "2024-01"
    (states,) = [f for f in draft.data["draft"]["figures"] if f["text"] == "31 states"]
    assert states["attributed_to"] == "Government of Ukraine"
    proposed = {entity["text"] for entity in draft.data["draft"]["new_entities"]}
    assert "Example Centre for Strategic Studies" in proposed and "Working Paper" not in proposed
    numbered = text.replace("Working Paper 7/2024 —", "Policy Brief No. 7 —")  # "Policy Brief No"
    draft = make_draft(Source(Path("paper.txt"), numbered, "0" * 64, False), gazetteer())
    assert not any(
        entity["text"].startswith("Policy Brief") for entity in draft.data["draft"]["new_entities"]
    )


@pytest.mark.parametrize(
    "header",
    [
        "Example Ministry: Daily Press Briefing\n\n18 July 2023\n\n",
        "Example Review, 30 November 2023. Interview by Clara Mendes\n\n",
        "LIVE: Russia pulls out of the grain deal\n\n17 July 2023\n\n",
        "Data Note 9: Views on concessions\n\n12 May 2024\n\n",
    ],
)
def test_what_a_header_says_a_document_is_is_no_name(header: str) -> None:
    """A briefing, an interview, a live blog, a data note: what the document is, no one's name
    (as "Working Paper" is not)."""
    text = "Ukraine and Russia met again in the spring. The talks were brief and ended early.\n"
    found = proposals(text, header=header)
    assert not found & {"Daily Press Briefing", "Interview", "LIVE", "Data Note"}


def test_a_count_in_millions_takes_the_unit_of_one_in_an_earlier_paragraph() -> None:
    """A hearing's question and its answer: "21.8 million" counts the people counted in
    millions before it, though in another paragraph; "4 million acres" counts acres, not them."""
    text = (
        "Nearly 18 million people need help.\n\nQ: RFE/RL reported 21.8 million. Why?\n\n"
        "A: About 4 million acres were flooded."
    )
    paragraphs = [(0, 35), (37, 74), (76, len(text))]
    counts = [f for f in find_figures(text, paragraphs, None) if f.kind == "count"]
    assert [(f.text, f.unit) for f in counts] == [
        ("Nearly 18 million people", "people"),
        ("21.8 million", "people"),
        ("About 4 million acres", "acres"),
    ]


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("Fuel costs have risen threefold since 2021.", [("threefold", 3.0)]),
        ("It needs a 10-fold increase.", [("10-fold", 10.0)]),
        ("Exports have fallen more than sevenfold.", [("more than sevenfold", 7.0)]),
        ("Our approach is twofold.", []),  # two parts, not twice as much
        ("Diplomats met at least twice.", [("at least twice", 2.0)]),
        ("It saw twice as much rain.", [("twice", 2.0)]),
        ("He spoke more than once.", [("more than once", 1.0)]),
        ("We must once again act.", []),  # "once" counts only after a hedge
    ],
)
def test_so_many_fold_is_a_count_of_times(words: str, expected: list[tuple[str, float]]) -> None:
    found = find_figures(words, [(0, len(words))], None)
    assert [(f.text, f.value) for f in found if f.unit == "times"] == expected


@pytest.mark.parametrize(
    ("words", "expected"),
    [  # a count in millions names what it counts as a count in digits does
        ("We gave more than 620 million doses.", ("more than 620 million doses", 620e6, "doses")),
        ("It is home to 20 million inhabitants.", ("20 million inhabitants", 20e6, "people")),
        ("It planted 1.7 million hectares.", ("1.7 million hectares", 1.7e6, "hectares")),
        ("A continent of 1.4 billion Africans.", ("1.4 billion Africans", 1.4e9, "people")),
        ("Seas of 1.1 million square miles.", ("1.1 million square miles", 1.1e6, "square miles")),
        # a nautical mile is no mile (train-33)
        (
            "Keep at least 5 nautical miles clear.",
            ("at least 5 nautical miles", 5, "nautical miles"),
        ),
        ("A land of 30 million square kilometres.", ("30 million square kilometres", 3e7, "km2")),
        ("Cash went to 4 million women heads of household.", ("4 million women", 4e6, "people")),
        ("773 million human beings are hungry.", ("773 million human beings", 773e6, "people")),
        # a verb is no adjective of what is counted
        ("Nearly 2 million are refugees.", ("Nearly 2 million", 2e6, None)),
        ("More than 1 million became refugees.", ("More than 1 million", 1e6, None)),
        # thousands grouped with a dot, as a translated speech may write them; not a measure
        ("As of now, 188.000 men and women serve.", ("188.000 men", 188000.0, "people")),
        ("Some 1.806 persons went missing.", ("Some 1.806 persons", 1806.0, "people")),
        ("Losses of 3.125 tonnes.", ("3.125 tonnes", 3.125, "tonnes")),
        ("1,000 live births", ("1,000 live births", 1000.0, "births")),
        # people of many kinds are people; what a clause says of them is not what is counted
        ("About 2,000 dockers were sent home.", ("About 2,000 dockers", 2000.0, "people")),
        ("We counted 17 bulk carriers.", ("17 bulk carriers", 17.0, "ships")),
        (
            "It spoke for 14 million Palestinians whose parents fled.",
            ("14 million Palestinians", 14e6, "people"),
        ),
    ],
)
def test_what_a_count_in_millions_or_in_dotted_thousands_counts(
    words: str, expected: tuple[str, float, str | None]
) -> None:
    """Issue 12: "more than 620 million doses" was a count of nothing: a count in millions was
    matched before the patterns that read the noun after it."""
    (figure, *_) = find_figures(words, [(0, len(words))], None)
    assert (figure.text, figure.value, figure.unit) == expected


@pytest.mark.parametrize(
    ("words", "expected"),
    [  # (text, value, unit, approximate, bound)
        ("Twenty-three vessels waited.", ("Twenty-three vessels", 23.0, "ships", False, None)),
        ("It carried ~33 Mt of grain.", ("~33 Mt", 33e6, "tonnes", True, None)),
        ("It carries perhaps 2 Mt.", ("perhaps 2 Mt", 2e6, "tonnes", True, None)),
        ("at least a dozen vessels", ("at least a dozen vessels", 12.0, "ships", True, "lower")),
        ("two dozen drones hit it", ("two dozen drones", 24.0, "drones", False, None)),
        ("Four port workers were hurt.", ("Four port workers", 4.0, "people", False, None)),
        ("half a million euros of it", ("half a million euros", 5e5, "EUR", False, None)),
        ("more than 2 billion dollars", ("more than 2 billion dollars", 2e9, "USD", True, "lower")),
        ("found three in four voters", ("three in four", 75.0, "percent", False, None)),
        ("Seven in ten of the mothers", ("Seven in ten", 70.0, "percent", False, None)),
        ("more than one in five of us", ("more than one in five", 20.0, "percent", True, "lower")),
        ("fewer than half are teaching", ("fewer than half", 50.0, "percent", True, "upper")),
        ("the number of damaged schools at 3,800.", ("3,800", 3800.0, "schools", False, None)),
        ("He put it at 200, while others spoke of almost 300 people.",
         ("200", 200.0, "people", False, None)),
        ("Seven in 2024 will vote.", ("2024", 2024.0, None, False, None)),  # a year, no share
        ("Aid convoys numbered 212 in May.", ("212", 212.0, "convoys", False, None)),
        ("3 million of our countrymen died.", ("3 million", 3e6, "people", False, None)),
        ("hundreds of thousands of Turkish nationals",
         ("hundreds of thousands of Turkish nationals", 1e5, "people", True, "lower")),
        ("For 110 million Filipinos.", ("110 million Filipinos", 1.1e8, "people", False, None)),
        ("There are over 1,400 dead.", ("over 1,400 dead", 1400.0, "people", True, "lower")),
        ("We share a 1,000-kilometre border.", ("1,000-kilometre", 1000.0, "km", False, None)),
        ("in six EU countries", ("six EU countries", 6.0, "countries", False, None)),
        ("| Russians returned | 55 | press reports |", ("55", 55.0, "people", False, None)),
        ("It hosts close to a million.", ("close to a million", 1e6, None, True, "upper")),
        # a hedge after the number: about so many, or a few more
        ("it drew 300 or so patients daily", ("300 or so patients", 300.0, "people", True, None)),
        ("The 2,000 or so households left.",
         ("2,000 or so households", 2000.0, "households", True, None)),
        ("it lost 100-odd days", ("100-odd days", 100.0, "days", True, "lower")),
        ("Some 300-odd families came.", ("Some 300-odd families", 300.0, "families", True, None)),
        # (not a time counted back, nor an age: no count of years)
        ("Twenty-odd years ago, 5 ships sailed.", ("5 ships", 5.0, "ships", False, None)),
        ("Over the past 20 or so years, 5 ships sailed.", ("5 ships", 5.0, "ships", False, None)),
        ("A 50-odd-year-old man paid 5 euros.", ("5 euros", 5.0, "EUR", False, None)),
    ],
)  # fmt: skip
def test_counts_in_words_dozens_megatonnes_and_shares_of_a_group(
    words: str, expected: tuple[str, float, str | None, bool, str | None]
) -> None:
    """Issue 12, from train-6: the ways a report counts that it missed."""
    (figure, *_) = find_figures(words, [(0, len(words))], None)
    assert (figure.text, figure.value, figure.unit, figure.approximate, figure.bound) == expected


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("In the first ten months of the year exports fell.", ("2023-01", "2023-10-31")),
        ("In the first half of 2022 it rose.", ("2022-01", "2022-06-30")),
        ("In the first six months of last year it fell.", ("2022-01", "2022-06-30")),
    ],
)
def test_the_first_months_of_a_year_run_from_january(words: str, expected: tuple[str, str]) -> None:
    (figure,) = find_figures(words, [(0, len(words))], date(2023, 11, 1))
    assert (figure.date, figure.until) == expected


def test_an_answer_counts_what_its_question_asked_and_a_place_ends_a_count() -> None:
    """Issue 12, from a hearing (train-5): "How many people …?" answered "nearly 18 million";
    a later count in millions followed by a place ("7.5 million across Europe") counts the same."""
    text = (
        "Q1 Chair: How many people does it say are in need?\n\n"
        "A: Martin Griffiths said nearly 18 million.\n\n"
        "A: In September 2022 it recorded 7.5 million across Europe."
    )
    first, second = text.index("A:"), text.rindex("A:")
    paragraphs = [(0, first - 2), (first, second - 2), (second, len(text))]
    counts = [f for f in find_figures(text, paragraphs, None) if f.kind == "count"]
    assert [(f.text, f.unit) for f in counts] == [
        ("nearly 18 million", "people"),
        ("7.5 million", "people"),
    ]


def test_the_end_of_a_year_and_a_week_before_a_weekday() -> None:
    """Issue 12, from train-6: "the end of 2023" is December 2023, not the year; "a week
    earlier" after "on Tuesday" counts from that Tuesday."""
    text = "UNHCR counted 6 million at the end of 2023. Ships waited on Tuesday, 14 a week earlier."
    dated = {
        f.text: f.date
        for f in find_figures(text, [(0, 43), (44, len(text))], date(2023, 8, 2))
        if f.date
    }
    assert dated == {"the end of 2023": "2023-12", "Tuesday": "2023-08-01",
                     "a week earlier": "2023-07-25"}  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # compared with a figure a while before, where the paragraph gave no date: counted back
        # from the document's date, a span of years to its month
        ("Listings rose to 2,100, up from about 1,300 a year earlier.",
         {"a year earlier": "2022-12"}),
        ("Freight rose to $42 a tonne from $31 a week earlier.", {"a week earlier": "2023-11-30"}),
        ("Loadings were nearly 30% higher in October than a year before.",
         {"October": "2023-10", "a year before": "2022-10"}),
        # not a past event told ("when the storm hit us six months earlier"), nor a unit of the
        # calendar ("the year before": the year before which?), unless the sentence said which
        ("Cholera spread after the storm hit us six months earlier.", {}),
        ("Rates averaged $11,400, down from $17,900 the year before.", {}),
        ("Last year we reached 38,400 people, up from 22,100 the year before.",
         {"Last year": "2022", "the year before": "2021"}),
        # what follows it is no time ("a year before the invasion": counted from the event)
        ("Talks began a year before the vote.", {}),
    ],
)  # fmt: skip
def test_a_figure_compared_with_one_a_while_before_is_dated_from_the_document(
    text: str, expected: dict[str, str]
) -> None:
    """Issue 12, from train-19, train-21, train-24 and train-31: "up from 1,300 a year
    earlier" with no date before it in its paragraph is counted back from the document's date
    and says so."""
    found = find_figures(text, [(0, len(text))], date(2023, 12, 7))
    dated = {f.text: f.date for f in found if f.date and f.kind != "count"}
    assert dated == expected
    assert all(
        "counted back from the document's date, 2023-12-07" in (f.resolved_by or "")
        for f in found
        if f.text in ("a year earlier", "a week earlier")
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # no comparison right before it: a past event told, dated by nothing the text gives
        ("Refugees from Mariupol who arrived in Zaporizhzhia a week earlier told of 300 dead.",
         {"a week earlier": None}),
        ("Wagner's assault against Bakhmut, which had begun a year earlier, cost it dearly.",
         {"a year earlier": None}),
        # a comparison's figure with words between it and the date, and "the same period"
        ("Wheat was $212, compared with $310 paid by Egyptian buyers a year earlier.",
         {"a year earlier": "2022-12"}),
        ("Exports were down 14% from the same period a year earlier.",
         {"a year earlier": "2022-12"}),
        # no week counted from a year alone
        ("The elections were held in 2019. The week before, protesters had gathered.",
         {"2019": "2019", "The week before": None}),
        # owed to something, not due by a day
        ("The shortfall is due in large part to the strikes on the grid in October.",
         {"October": "2023-10"}),
    ],
)  # fmt: skip
def test_what_looks_like_a_comparison_or_a_deadline_and_is_not(
    text: str, expected: dict[str, str | None]
) -> None:
    """Issue 12, from a review of the rules above: "from", "against" far before "a week
    earlier" compare nothing; "is due in large part to" looks nowhere ahead."""
    found = find_figures(text, [(0, len(text))], date(2023, 12, 7))
    assert {f.text: f.date for f in found if f.kind in ("date", "relative-date", "year")} == (
        expected
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a weekday the sentence looks ahead to: the first after the document's date (a Tuesday)
        ("Will you help before Friday?", {"Friday": "2023-11-24"}),
        ("The question will be put on Thursday, after the evidence session.",
         {"Thursday": "2023-11-23"}),
        # one told in the past, or said on, is the last one, though another clause looks ahead
        ("The ministry said on Friday that it will act.", {"Friday": "2023-11-17"}),
        ("Ukraine should receive jets soon, the minister told reporters on Friday.",
         {"Friday": "2023-11-17"}),
        ("Zelensky, who is expected in Washington, met Macron in Paris on Sunday.",
         {"Sunday": "2023-11-19"}),
        ("There was no political will to act when the missiles struck on Saturday.",
         {"Saturday": "2023-11-18"}),
        # the document's own weekday ahead is that day
        ("Lawmakers will vote on the aid package on Tuesday.", {"Tuesday": "2023-11-21"}),
        # a weekday before the date it names is that date's day
        ("The next decision will be announced on Thursday, 1 February 2024.",
         {"Thursday": "2024-02-01", "1 February 2024": "2024-02-01"}),
    ],
)  # fmt: skip
def test_a_weekday_ahead_or_before_its_date(text: str, expected: dict[str, str]) -> None:
    """Issue 12, from train-7, train-9, train-12, train-19, train-24 and train-26: "will be
    put on Tuesday" is next Tuesday, not last; "Thursday, 1 February 2024" is that day."""
    found = find_figures(text, [(0, len(text))], date(2023, 11, 21))
    assert {f.text: f.date for f in found if f.date} == expected


def test_a_figure_told_after_the_time_it_is_compared_with_has_that_time() -> None:
    """ "fell from a year earlier, when it stood at 26%": the 26% is a year earlier's; "a year
    earlier they had dropped 15%" is dated as before."""
    text = (
        "By June 2023, inflation had fallen sharply from a year earlier, when it stood at 26%. "
        "In August 2023, exports fell from the previous month, and a year earlier they had "
        "dropped 15%."
    )
    found = find_figures(text, [(0, len(text))], date(2023, 9, 20))
    dates = FigureDates(text, sentences(text, 0, len(text)), found, "2023-09-20")
    as_of = {f.text: dates.of(f) for f in found if f.kind == "percent"}
    assert {words: a.date for words, a in as_of.items() if a} == {
        "26%": "2022-06",
        "15%": "2022-08",
    }


def test_the_time_of_a_figure_compared_with_is_that_figure_s_as_of_date_only() -> None:
    """Issue 12, from train-21 and train-24: "$11,400, down from $17,900 a year earlier" dates
    $17,900 only; "fell 14% from a year earlier, to $212 million" dates neither."""
    text = (
        "Rates averaged $11,400 a day, down from $17,900 a year earlier. Revenue fell 14% "
        "from a year earlier, to $212 million. Exports rose 8% in 2023."
    )
    sentences = [(0, 63), (64, 125), (126, len(text))]
    found = find_figures(text, [(0, len(text))], date(2023, 12, 7))
    dates = FigureDates(text, sentences, found, "2023-12-07")
    as_of = {f.text: dates.of(f) for f in found if f.kind in ("money", "percent")}
    assert {text: (a.date, a.qualifier) for text, a in as_of.items() if a} == {
        "$11,400": ("2023-12-07", "on-or-before"),
        "$17,900": ("2022-12", None),
        "14%": ("2023-12-07", "on-or-before"),
        "$212 million": ("2023-12-07", "on-or-before"),
        "8%": ("2023", None),
    }


def test_a_date_counted_from_the_day_an_event_ended() -> None:
    """Issue 12, from train-6: "the week after the deal's collapse", "the first week after the
    deal ended" and "since the deal ended" count from the day the store says it ended, and say
    so; "a week after the deal" (no end said) still counts from its start."""
    text = (
        "Prices rose in the week after the deal's collapse. In the first week after the deal "
        "ended, ships waited. Since the deal ended, exports fell. A week after the deal, it held."
    )
    mentions = [m.start() for m in re.finditer("deal", text)]
    began, ended = date(2022, 7, 22), date(2023, 7, 17)
    events = [(at, at + 4, began) for at in mentions]
    endings = [(at, at + 4, ended) for at in mentions]
    found = dated_by_events(text, [], events, date(2023, 9, 21), endings)
    assert [(f.text, f.date, f.until) for f in found] == [
        ("the week after the deal's collapse", "2023-07-18", "2023-07-24"),
        ("the first week after the deal ended", "2023-07-18", "2023-07-24"),
        ("Since the deal ended", "2023-07-17", "2023-09-21"),
        ("A week after the deal", "2022-07-29", None),
    ]
    assert found[0].resolved_by == "counted from the day deal ended, 2023-07-17"


def test_a_month_without_its_year_beside_an_event_that_began_then_takes_the_event_s_year() -> None:
    """Issue 12: "the counteroffensive that started in June", after "February 2022" in its
    paragraph, is June 2023, when the store says the counteroffensive began; the grain deal
    that "expired on 17 July" keeps the year the text gives it (it began in July, a year
    before, and "expired" is no beginning)."""
    text = (
        "The war began in February 2022, and the counteroffensive that started in June retook "
        "14 villages. In 2023 the grain deal expired on 17 July."
    )
    offensive, deal = text.index("counteroffensive"), text.index("grain deal")
    events = [(offensive, offensive + 16, date(2023, 6, 4)), (deal, deal + 10, date(2022, 7, 22))]
    found = dated_by_events(text, find_figures(text, [(0, len(text))], date(2023, 11, 16)), events,
                            date(2023, 11, 16))  # fmt: skip
    dated = {f.text: (f.date, f.resolved_by) for f in found if f.date}
    assert dated["June"] == (
        "2023-06",
        "the year counteroffensive began in that month, 2023-06-04",
    )
    assert dated["17 July"][0] == "2023-07-17"


@pytest.mark.parametrize(
    ("title", "line", "motion"),
    [
        ("Proposition v. Opposition: Should Kyiv talk now?", "", "Should Kyiv talk now?"),
        ("Talks with Moscow: The Case For and Against", "", "Talks with Moscow"),
        ('Transcript: "This House Would Press Kyiv"', "", "This House Would Press Kyiv"),
        ("Pro and Con: Should Sanctions Stay?", "", "Should Sanctions Stay?"),
        ("Select Committee", 'Motion: "That this Committee urges talks."', "That this "
         "Committee urges talks."),
        ("Should Sanctions Stay?", "Resolved: Sanctions should stay in place.", "Sanctions "
         "should stay in place."),
        ("The Case For and Against Talks", "", "The Case For and Against Talks"),
        # the motion a moderator states in a sentence
        ("Should the West push Ukraine?", "Welcome. Tonight's motion: the West should press "
         "Kyiv to open talks this year. Our speakers have five minutes each.",
         "The West should press Kyiv to open talks this year"),
    ],
)  # fmt: skip
def test_the_motion_is_what_the_debate_votes_on(title: str, line: str, motion: str) -> None:
    """A line stating the motion, else the title without its words for the layout."""
    text = (
        f"{title}\n\n12 May 2024\n\n{line}\n\n"
        "For: Ukraine should negotiate now, as the war costs too much. It is a hard choice.\n\n"
        "Against: Ukraine should not negotiate now, as Russia would rearm. The record says so.\n"
    )
    draft = make_draft(Source(Path("talk.txt"), text, "0" * 64, False), gazetteer())
    assert draft.data["debate"]["motion"] == motion


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("We asked three analysts whether Kyiv should talk to Moscow this year.", "fact"),
        ("The panel wondered how the West could ever pay for it.", "fact"),
        ("Kyiv should talk to Moscow this year.", "recommendation"),
        ("If the front holds, Kyiv should talk in the spring.", "recommendation"),
        ("Talks will resume in the spring.", "forecast"),
        ("Ukraine shipped 4.2 million tonnes of grain in May.", "fact"),  # the month
        ("Talks may resume in the spring.", "forecast"),  # the verb
    ],
)
def test_a_claim_s_kind_is_the_writer_s_not_a_reported_question_s(sentence: str, kind: str) -> None:
    from kgdebate.extract.draft import _kind

    assert _kind(sentence) == kind


@pytest.mark.parametrize(
    ("text", "proposed", "not_proposed"),
    [
        # the owner apart from what it owns; not a name that begins with "People's"
        ("The report cited UNHCR's Global Trends in full detail for years.",
         {"UNHCR", "Global Trends"}, {"UNHCR's Global Trends"}),
        ("Envoys of the Democratic People's Republic of Korea spoke there at length.",
         {"Democratic People's Republic of Korea"}, {"Democratic People"}),
        # a person's initials are part of the name, a unit's letter before a sentence is not
        ("Readers wrote in. R. Patel argued for talks at length in a long letter.",
         {"R. Patel"}, {"Patel"}),
        ("Warming must stay below 1.5°C. They agreed on that at the summit.",
         set(), {"C. They"}),
        # a paper named by its place; "The communiqué" and "Free Association agreement" are not
        ("The Minsk agreements failed. The communiqué left much open for later.",
         {"Minsk agreements"}, {"communiqué", "Minsk"}),
        ("It signed the Compact of Free Association agreement in the end.",
         set(), {"Association agreement"}),
        # a headquarters "for the" something is whole
        ("The Coordination Headquarters for the Treatment of Prisoners of War said so.",
         {"Coordination Headquarters for the Treatment of Prisoners of War"},
         {"Treatment of Prisoners of War"}),
        # initials inside a run, a given name that is also a month's short form, a host's and
        # a spokesperson's title, a network or a lab
        ("The piece was by J. R. Okonkwo of the desk, who asked Jan de Wit about it.",
         {"J. R. Okonkwo", "Jan de Wit"}, {"J", "R. Okonkwo", "de Wit"}),
        ("Host Nadia Ferreira asked SPOKESPERSON MARTA ILVES to begin the show.",
         {"Nadia Ferreira", "MARTA ILVES"}, {"Host Nadia Ferreira", "SPOKESPERSON MARTA ILVES"}),
        ("The Example Ukraine Relief Network and the Example Kyiv Policy Lab wrote it.",
         {"Example Ukraine Relief Network", "Example Kyiv Policy Lab"}, set()),
        # a fact-check's verdict and rating words are no names
        ("Rated by the desk. Verdict: False. Unproven and Misleading claims abound there.",
         set(), {"Verdict", "False", "Unproven", "Misleading"}),
    ],
)  # fmt: skip
def test_names_with_owners_initials_and_papers(
    text: str, proposed: set[str], not_proposed: set[str]
) -> None:
    found = proposals(text + " It was a long day for everyone there.")  # a paragraph of prose
    assert proposed <= found and not (not_proposed & found), found


@pytest.mark.parametrize(
    ("words", "counted"),
    [
        ("It was carried by 180 votes to 120.", [("180 votes", "votes"), ("120", "votes")]),
        ("Then 100 members of the General Assembly voted for it. Eleven voted against, and 58 "
         "abstained.", [("100 members", "members"), ("Eleven", "members"), ("58", "members")]),
        # members who vote, of no body of states: people (train-10), and so their tally
        ("Then 100 members voted for it. Eleven voted against, and 58 abstained.",
         [("100 members", "people"), ("Eleven", "people"), ("58", "people")]),
        ("Eleven were killed in the raid.", []),  # a word numeral counts only in a tally
        ("The rate fell from 21 per 1,000 live births to 17.", [("1,000 live births", "births")]),
    ],
)  # fmt: skip
def test_the_counts_of_a_vote(words: str, counted: list[tuple[str, str]]) -> None:
    found = find_figures(words, [(0, len(words))], None)
    assert [(f.text, f.unit) for f in found if f.kind == "count"] == counted


def test_a_byline_in_bold_names_its_author() -> None:
    proposed = proposals(
        "Talks went on in the spring of that year. They ended without a deal, as many feared."
        " Both sides blamed the other for it.",
        header="Prisoners come home\n\n**By Jane Example**\n\n12 May 2024\n\n",
    )
    assert "Jane Example" in proposed


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("Talks were held on 29 March 2022. A pullback came the same day.",
         ("the same day", "2022-03-29")),
        ("The deal was signed on 22 July 2022. Sixteen months later it was gone.",
         ("Sixteen months later", "2023-11")),
        ("The figure from the May and June wave lingered.", ("June", "2023-06")),
    ],
)  # fmt: skip
def test_a_day_the_same_as_or_counted_from_one_before_it(
    words: str, expected: tuple[str, str]
) -> None:
    found = find_figures(words, [(0, len(words))], date(2023, 12, 1))
    assert (found[-1].text, found[-1].date) == expected
    if "May and June" in words:  # the first of two months named together is one too
        assert [(f.text, f.date) for f in found] == [("May", "2023-05"), ("June", "2023-06")]


def test_counts_of_those_named_before_and_of_a_name_between() -> None:
    """ "205 of them" are of the 215 people before; "diplomats, 212 of them" are diplomats;
    "put it at 200" answers the count asked about in the paragraph before; "108 Azov fighters"
    and "4 abstentions" count people and members abstaining."""
    text = (
        "The vote was 9 in favour and 4 abstentions. Russia released 215 people. Most say 205 "
        "of them were Ukrainians, including 108 Azov fighters.\n\nHürriyet put it at 200. "
        "NATO has 31 members. A survey of diplomats, 212 of them, agreed."
    )
    found = find_figures(text, [(0, text.index("\n")), (text.index("Hürriyet"), len(text))], None)
    units = {f.text: f.unit for f in found}
    assert units["205"] == "people" and units["108 Azov fighters"] == "people"
    assert units["4 abstentions"] == "abstentions"  # not votes cast
    assert units["200"] == "people" and units["212"] == "people"


def test_what_a_source_puts_at_a_number_and_an_earlier_estimate_give_its_unit() -> None:
    text = (
        "The report puts refugees and asylum-seekers from Ukraine at about 6 million. The "
        "Coalition says at least 2,000 families live there; its previous estimate was about 1,500."
    )
    units = {f.text: f.unit for f in find_figures(text, [(0, len(text))], None)}
    assert units["about 6 million"] == "people" and units["about 1,500"] == "families"
    # what is put at it, described and placed ("put new applications there at", from train-15)
    text = "Regional authorities put new applications there at more than 2,300 in May alone."
    units = {f.text: f.unit for f in find_figures(text, [(0, len(text))], None)}
    assert units["more than 2,300"] == "applications"
    # what one "puts it at", in the present tense too, or says in a count's sentence
    for text in ("Kyiv says 50 ships left; Moscow puts it at 20.",
                 "While Kyiv says 50 ships left, Moscow says only 20 did."):  # fmt: skip
        units = {f.text: f.unit for f in find_figures(text, [(0, len(text))], None)}
        assert units["20"] == "ships"
    # what "how many" asked, not what the text counted a paragraph before
    text = (
        "The number of destination countries was put at 45.\n\n"
        "Witnesses disagreed on how many loaded ships were still waiting. The Register put the "
        "number at 19."
    )
    units = {f.text: f.unit for f in find_figures(text, [(0, len(text))], None)}
    assert units["19"] == "ships"


def test_train_16_credits_results_a_reported_clause_s_producer_and_no_later_clause() -> None:
    """Issue 12, from train-16: a body's results are its figures; what one says that the words
    after "that" credit to another is the other's ("reminded the House that the deal moved …,
    according to the UN"), an outlet's relay of one who speaks is not ("spoke of 200, according
    to Hürriyet Daily News"); what a later clause points back at is not an earlier figure's."""
    assert sources_at("KIIS's latest results, published last week, put it at 74%.", "74%") == [
        "KIIS"
    ]
    text = (
        "Jo Example reminded the House that the deal moved about 33 million tonnes of food in "
        "more than 1,000 voyages, according to the UN, and that Russia walked away."
    )
    assert sources_at(text, "about 33", "more than 1,000") == ["UN", "UN"]
    text = "Recep Tayyip Erdoğan spoke of 200, according to Hürriyet Daily News."
    assert sources_at(text, "200") == ["Recep Tayyip Erdoğan"]
    text = (
        "The Example Detention Monitor says at least 40% have had no news. We cost it at "
        "€4 million a year; the Example Foundation puts the figure at €5 million."
    )
    assert sources_at(text, "€4 million", "€5 million") == [None, "Example Foundation"]
    text = "KIIS published a survey in May. The survey found that 84% agreed, while 10% disagreed."
    assert sources_at(text, "84%", "10%") == ["KIIS", "KIIS"]
    # what a body does before it says ("holds files on … and says")
    text = (
        "The Example Detention Monitor, a civil-society group, holds files on more than 3,100 "
        "detainees and says at least 40% have had no contact with their families."
    )
    assert sources_at(text, "more than 3,100", "at least 40%") == ["Example Detention Monitor"] * 2


def test_a_date_a_span_to_the_present_starts_from_gives_no_year_to_the_dates_after_it() -> None:
    """Issue 12, from train-16 and the UN speeches ("since 2011. … on 14 and 15 July" had been
    2011): a year after "since" starts a span to the document's date; a date after it without a
    year is the latest such date, not one in that year."""
    text = (
        "The institute has asked the same question since May 2022: are concessions acceptable? "
        "In its wave of 25 May – 5 June, 84% said no. By October, the share had slipped."
    )
    found = find_figures(text, [(0, len(text))], date(2023, 12, 18))
    dates = {f.text: f.date for f in found if f.kind in ("date", "relative-date")}
    assert dates == {"May 2022": "2022-05", "25 May": "2023-05-25", "5 June": "2023-06-05",
                     "October": "2023-10"}  # fmt: skip
    text = "In May 2022, the institute asked again. Its wave of 25 May found 84%."
    found = find_figures(text, [(0, len(text))], date(2023, 12, 18))
    assert [f.date for f in found if f.text == "25 May"] == ["2022-05-25"]  # a year, as before


def test_staff_are_people() -> None:
    """Issue 12, from train-16: "a joint tracing office of about 60 staff" counts people."""
    text = "Donors should fund a joint tracing office of about 60 staff, based in Istanbul."
    (figure,) = find_figures(text, [(0, len(text))], None)
    assert (figure.text, figure.unit) == ("about 60 staff", "people")


def test_a_work_pointed_back_at_is_its_maker_s_not_its_title_s() -> None:
    text = (
        "UNHCR's Global Trends report, published in June, puts refugees at 6 million. The same "
        "report counts 3.7 million people displaced inside the country."
    )
    assert sources_at(text, "6 million", "3.7 million") == ["UNHCR", "UNHCR"]


def test_a_claim_s_statement_drops_markdown_s_marks_and_its_quote_keeps_them() -> None:
    text = (
        "A Note\n\n12 May 2024\n\n"
        "The **grain deal** was *not* a template, as [the report](https://example.org/r) shows "
        "in detail. Its `annex` lists the ports.\n"
    )
    claims = make_draft(Source(Path("note.txt"), text, "0" * 64, False), gazetteer()).data["claims"]
    assert claims[0]["statement"] == (
        "The grain deal was not a template, as the report shows in detail."
    )
    assert claims[0]["quote"]["exact"].startswith("The **grain deal** was *not*")
    assert claims[1]["statement"] == "Its annex lists the ports."


@pytest.mark.parametrize(
    ("text", "figure", "unit"),
    [
        ("It listed eleven possible guarantor states.", "eleven possible guarantor states",
         "states"),
        ("They buried 59 deceased French soldiers.", "59 deceased French soldiers", "people"),
        ("One hundred forty-one countries deplored it.", "forty-one countries", "countries"),
        ("In a mere eight hours we lost 34 souls.", "eight hours", "hours"),
        ("The G-7 and 20 and other countries met.", None, None),
        ("They fired 20,000 rockets and missiles.", "20,000 rockets", "rockets"),
        ("There were around 60 from shipping analysts.", None, None),
    ],
)  # fmt: skip
def test_up_to_two_words_describe_what_a_count_counts_never_a_number_or_a_function_word(
    text: str, figure: str | None, unit: str | None
) -> None:
    found = {f.text: f.unit for f in find_figures(text, [(0, len(text))], None)}
    if figure is None:
        assert not any(unit for unit in found.values()), found
    else:
        assert found[figure] == unit, found


def test_a_division_s_counts_those_of_a_count_before_and_the_number_put_at() -> None:
    text = (
        "Division No. 318: Ayes 241, Noes 198. Russia released 215 people.\n\n"
        "Of those, 205 are Ukrainian citizens.\n\nErdogan put the number freed at 200."
    )
    units = {f.text: f.unit for f in find_figures(text, [(0, len(text))], None)}
    assert units["241"] == units["198"] == "votes"
    assert units["205"] == units["200"] == "people"


def test_a_source_line_credits_the_lines_above_it_and_a_relay_its_producer() -> None:
    """A "Source for both lines:" line credits the lines of its own block, not the block above
    it; the producer a relay cites may be a body named by what it is. A chart's title is a
    sentence of its own."""
    text = (
        "Chart notes\n\n1 March 2023\n\n"
        "Chart 2 – People in need\nSingle bar: nearly 18 million people.\n\n"
        "Chart 3 – Displacement\nLine 1: internally displaced, almost 6 million last month.\n"
        "Source for both lines: UNHCR.\n\n"
        "Chart 4 – Examplia's share\nBars: €12 million disbursed in 2022.\n"
        "Source: Example Aid Monitor, citing Examplia's finance ministry.\n"
    )
    layout = read_layout(text)
    assert [text[a:b] for a, b in layout.sentences()][:2] == [
        "Chart 2 – People in need",
        "Single bar: nearly 18 million people.",
    ]
    found = sources_laid_out(text, "nearly 18", "almost 6", "€12")
    assert found == [None, "UNHCR", "Examplia's finance ministry"]


def test_a_source_line_that_says_same_survey_gives_the_one_above_it() -> None:
    text = (
        "Q1. Keep sending aid?\nKeep 58% | Stop 9%\nSource: EPI, wave 6.\n\n"
        "Q2. Talks now?\nYes 31% | No 52%\nSource: same survey.\n"
    )
    sources = FigureSources(text, sentences(text, 0, len(text)))
    assert sources.of(text.index("31%")) == "EPI"


def test_a_sentence_pointing_back_at_their_evidence_takes_who_gave_it() -> None:
    text = (
        "About 6 million tonnes were in storage, Ukrainian farm groups told the Commission. "
        "Their written evidence, signed by 14 regional associations, asks for a land route."
    )
    assert sources_at(text, "14 regional") == ["Ukrainian farm groups"]


def test_a_footnote_marker_after_a_full_stop_ends_the_sentence_and_names_its_figures() -> None:
    text = (
        "In September 2022, 7.5 million refugees were recorded.^2 In February, almost 6 million "
        "people were displaced.^3 Shares held between 82% and 87% from May 2022 to May 2023,^4 "
        "then fell.\n\n^2 UNHCR, regional update.\n^3 IOM, survey.\n^4 KIIS, surveys.\n"
    )
    assert [text[a:b] for a, b in sentences(text, 0, text.index("\n"))][:2] == [
        "In September 2022, 7.5 million refugees were recorded.^2",
        "In February, almost 6 million people were displaced.^3",
    ]
    # the range's end and the years before the marker are no later figure of "82%"
    assert sources_at(text, "7.5", "almost", "82%") == ["UNHCR", "IOM", "KIIS"]
    # and Markdown's marker: the next sentence's own reckoning is not this one's
    markdown = "Exports fell by 40 per cent.[^1] The route carries 2 Mt, on my own reckoning."
    assert [markdown[a:b] for a, b in sentences(markdown, 0, len(markdown))] == [
        "Exports fell by 40 per cent.[^1]",
        "The route carries 2 Mt, on my own reckoning.",
    ]


def test_a_tracker_s_record_lines_are_items_and_a_pledge_is_its_donor_s() -> None:
    """ "Name – what was pledged, announced …" lines, as a pledge tracker lists them: each line
    is a sentence, and a pledge is its donor's, whoever relays it; a line that announces
    nothing ("Poland – 1.6 million refugees") credits no one by its head."""
    text = (
        "New Pledges\nExample Development Bank (EDB) – $250 million in loans, announced at "
        "the opening session\nCity of Example Harbour – €1.2 million for pumps, announced by its "
        "mayor, per the conference secretariat\nUndisclosed donor – $20 million, according to "
        "diplomats at the conference\nPoland – 1.6 million refugees\n"
    )
    layout = read_layout(text)
    assert [s.title for s in layout.sections] == ["New Pledges"]
    assert [text[a:b].split(" – ")[0] for a, b in layout.sentences()] == [
        "Example Development Bank (EDB)",
        "City of Example Harbour",
        "Undisclosed donor",
        "Poland",
    ]
    assert sources_at(text, "$250", "€1.2", "$20", "1.6") == [
        "Example Development Bank",
        "City of Example Harbour",
        "diplomats at the conference",
        None,
    ]


def test_a_superscript_after_the_full_stop_points_to_its_note_and_the_note_to_the_maker() -> None:
    """ "… concessions.¹" points to "¹ …" below; a note that relays names the maker ("Kyiv
    Independent, …, reporting a KIIS poll": KIIS), and a maker's work is the maker ("KIIS
    survey, as reported by …": KIIS); "press reports" stays what it is."""
    text = (
        "In July 2022, 84% were against concessions.¹ The latest wave puts the share at 74%.² "
        "Sea trade rose by 8%.³\n\nNotes\n¹ Kyiv Independent, 27 July 2022, reporting a KIIS "
        "poll.\n² KIIS survey, as reported by Interfax-Ukraine, 16 December 2023.\n³ press "
        "reports, August 2023.\n"
    )
    assert sources_at(text, "84%", "74%", "8%") == ["KIIS", "KIIS", "press reports"]


def test_what_the_outlet_or_it_says_after_the_figures_is_the_source_named_before() -> None:
    text = (
        "Russia released 215 people, according to the Kyiv Independent. Of those, 205 are "
        "Ukrainians, the outlet says. The Example Families Association, which opened a hotline, "
        "says at least 1,400 families wait. Some have waited seven months, it says."
    )
    assert sources_at(text, "205", "seven") == ["Kyiv Independent", "Example Families Association"]


def test_a_percentage_in_words() -> None:
    text = "Eighty per cent is still a majority; seventy-two percent agreed."
    found = [(f.text, f.value) for f in find_figures(text, [(0, len(text))], None)]
    assert found == [("Eighty per cent", 80.0), ("seventy-two percent", 72.0)]


def test_one_wanted_added_is_no_source() -> None:
    assert source_of("It listed 11 guarantor states, and Russia wanted Belarus added.") is None


@pytest.mark.parametrize(
    ("block", "boilerplate"),
    [
        ("*Anna Example is a senior fellow at the Example Institute. Boris Example edits the "
         "Example Review.*", True),
        ("_Jane Roe is an editor at Example Weekly._", True),
        ("About the author: Jane Roe writes on Ukraine and its neighbours.", True),
        ("Anna Example is a senior fellow at the Example Institute and argued for talks now.",
         False),  # a content paragraph that says who someone is
    ],
)  # fmt: skip
def test_an_author_s_note_in_italics_is_boilerplate(block: str, boilerplate: bool) -> None:
    text = (
        "A Title\n\n12 May 2024\n\nTalks resumed on Monday in Istanbul. Both sides came to the "
        f"table with new proposals for a ceasefire.\n\n{block}\n"
    )
    assert [p.boilerplate for p in read_layout(text).paragraphs()] == [False, boilerplate]


def test_a_news_story_s_dateline_dates_it_and_is_no_part_of_its_first_claim() -> None:
    text = (
        "Talks Stall as Winter Nears\n\nKYIV, 20 November 2023 — Talks stalled again on Monday "
        "as winter nears. Officials said most people want the war to end.\n"
    )
    draft = make_draft(Source(Path("news.txt"), text, "0" * 64, False), gazetteer())
    assert draft.data["document"]["date"] == "2023-11-20"
    assert draft.data["claims"][0]["quote"]["exact"].startswith("Talks stalled again")


def test_a_live_blog_s_time_stamps_are_no_part_of_its_claims() -> None:
    """ "**16:05** — Wheat futures rose …": the claim is what happened, not when the entry was
    posted; "09:00 — Good morning." is no claim at all."""
    text = (
        "Live: grain deal expires\n\n17 July 2023\n\n"
        "**16:05** — Wheat futures in Chicago rose by about 3% in early trading today. Traders "
        "expect them to fall back.\n\n"
        "09:00 GMT – Good morning. The grain deal expires today, and Russia will not extend it.\n"
    )
    draft = make_draft(Source(Path("live.txt"), text, "0" * 64, False), gazetteer())
    assert [claim["quote"]["exact"] for claim in draft.data["claims"]] == [
        "Wheat futures in Chicago rose by about 3% in early trading today.",
        "Traders expect them to fall back.",
        "The grain deal expires today, and Russia will not extend it.",
    ]


@pytest.mark.parametrize(
    ("text", "openings"),
    [
        (  # a numbered paragraph ending in a footnote marker
            "A Report\n\nDecember 2023\n\n1. The Committee took evidence from 14 witnesses over "
            "6 sessions. This report looks at the talks of spring 2022.[1]\n\n2. Talks began in "
            "Belarus. The first round was held near the border.\n",
            ["1.", "2."],
        ),
        (  # a thread's first post ending in an emoji ("… come from? 🧵")
            "Counting the displaced: a thread\n\nAnna Example (@example) · 20 November 2023\n\n"
            "1/ Last week a debate said 6 million people are abroad. It names no source. Where "
            "could that number come from? 🧵\n\n2/ Start abroad. UNHCR recorded 7.5 million "
            "refugees.\n",
            ["1/", "2/"],
        ),
        (  # a talk page's posts, each signed after a dash
            "Talk:Black Sea Grain Initiative\n\n== Final totals ==\n\nThe infobox says 33 "
            "million tonnes. Should it be frozen? — Odesa_Ledger (talk) 08:41, 19 July 2023 (UTC)"
            "\n\n:Freeze them. Use the caption. — MiraK-edits (talk) 10:02, 19 July 2023 (UTC)\n",
            ["Th", ":F"],
        ),
    ],
)
def test_a_paragraph_ending_in_a_note_s_marker_or_an_emoji_is_prose(
    text: str, openings: list[str]
) -> None:
    assert [text[p.start : p.start + 2] for p in read_layout(text).paragraphs()] == openings


def test_counts_in_words_beyond_twelve() -> None:
    words = "Fifteen vessels waited, and seventy-two trucks; Ninety years on."
    found = find_figures(words, [(0, len(words))], None)
    assert [(f.text, f.value) for f in found] == [
        ("Fifteen vessels", 15.0),
        ("seventy-two trucks", 72.0),
        ("Ninety years", 90.0),
    ]


@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
def test_a_trie_of_words_matches_what_their_alternation_longest_first_matches(flags: int) -> None:
    """`one_of` is what the figure, source and name patterns are built with: at every place of a
    text it matches what the plain alternation (longest word first) matches, and as much of it,
    also where the pattern goes on after it and makes the engine try a shorter word."""
    random = Random(7)
    letters = "ab .-" if flags else "abAB .-"  # case-blind: the words in lower case, as used
    for _ in range(300):
        words = {"".join(random.choices(letters, k=random.randint(1, 4))) for _ in range(6)}
        text = "".join(random.choices("abAB .-", k=60))
        after = random.choice(["", "(?= )", "b", "(?![a-z])"])
        plain = re.compile(
            "(?:" + "|".join(map(re.escape, sorted(words, key=len, reverse=True))) + ")" + after,
            flags,
        )
        trie = re.compile("(?:" + one_of(words) + ")" + after, flags)
        found = [(m.span() if (m := trie.match(text, at)) else None) for at in range(len(text))]
        assert found == [
            (m.span() if (m := plain.match(text, at)) else None) for at in range(len(text))
        ]
    assert one_of(["km", "kilometres", "kilometre"]) == "k(?:ilometre(?:s)?|m)"


@pytest.mark.parametrize(
    ("words", "counted"),
    [
        ("None of their five demands had been met.", [("five demands", 5.0, "demands")]),
        ("It should fund two mediation posts.", [("two mediation posts", 2.0, "posts")]),
        ("It raised eleven individual cases.", [("eleven individual cases", 11.0, "cases")]),
        ("by eight European governments", [("eight European governments", 8.0, "governments")]),
        ("For nearly seven decades it held.", [("nearly seven decades", 7.0, "decades")]),
        ("The two sides met; the four candidates spoke.", []),
        ("Energy and climate change are two sides of the same coin.", []),
        ("Two teams argued, and two of them left.", []),
        ("One voice is heard.", []),
    ],
)  # fmt: skip
def test_a_count_in_words_counts_any_plural_but_not_what_the_text_named_before(
    words: str, counted: list[tuple[str, float, str]]
) -> None:
    """Issue 12: word numerals that count something are figures ("their five demands", from
    train-5), as counts in digits of any plural are; "the two sides" and "two teams" are not."""
    found = find_figures(words, [(0, len(words))], None)
    assert [(f.text, f.value, f.unit) for f in found if f.kind == "count"] == counted


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("It gave EUR 50 million in aid.", ("EUR 50 million", "money", 5e7, "EUR")),
        ("Berlin added 5 million EUR.", ("5 million EUR", "money", 5e6, "EUR")),
        ("The fund holds USD 300 million.", ("USD 300 million", "money", 3e8, "USD")),
        ("It gave 50 million euro.", ("50 million euro", "money", 5e7, "EUR")),
        ("the €50-billion facility", ("€50-billion", "money", 5e10, "EUR")),
        ("a $5-million grant", ("$5-million", "money", 5e6, "USD")),
        ("She met nine Arab leaders.", ("nine Arab leaders", "count", 9.0, "people")),
        ("It sent 23 representatives.", ("23 representatives", "count", 23.0, "people")),
        # the currencies of the war, by name or code ("300 million zloty" had no unit); a sum
        # in words is money as "$5 million" is (a curator could not keep "5 million dollars",
        # a count in dollars); "trillion" scales a count as it does a sum
        ("Poland pledged 300 million zloty.", ("300 million zloty", "money", 3e8, "PLN")),
        ("Warsaw gave 1.5 billion złoty.", ("1.5 billion złoty", "money", 1.5e9, "PLN")),
        ("The budget lost 12 billion hryvnias.",
         ("12 billion hryvnias", "money", 1.2e10, "UAH")),
        ("Kyiv set aside UAH 5 billion.", ("UAH 5 billion", "money", 5e9, "UAH")),
        ("Moscow spent 3 trillion roubles.", ("3 trillion roubles", "money", 3e12, "RUB")),
        ("They gave 5 million dollars.", ("5 million dollars", "money", 5e6, "USD")),
        # persons of two words; a measure or a thing of two words, whole
        ("Two crew members were hurt.", ("Two crew members", "count", 2.0, "people")),
        ("The fair drew about 14,000 trade visitors.",
         ("about 14,000 trade visitors", "count", 14_000.0, "people")),
        ("It has 1,200 square metres.", ("1,200 square metres", "count", 1_200.0, "square metres")),
        ("Some 1.2 billion cubic metres were stored.",
         ("Some 1.2 billion cubic metres", "count", 1.2e9, "cubic metres")),
        ("They opened 2,187 polling stations.",
         ("2,187 polling stations", "count", 2_187.0, "polling stations")),
        ("The deal saw 1,000+ voyages.", ("1,000+ voyages", "count", 1_000.0, "voyages")),
        ("In all, 2,140 supporters have given.",
         ("2,140 supporters", "count", 2_140.0, "people")),
        ("It sent a further EUR 500 million.", ("EUR 500 million", "money", 5e8, "EUR")),
    ],
)  # fmt: skip
def test_a_sum_by_its_currency_s_code_or_with_a_hyphen_and_persons_by_their_role(
    words: str, expected: tuple[str, str, float, str]
) -> None:
    """Issue 12: a currency named by its code, a scale joined by a hyphen ("€50-billion" had
    been read as €50), and persons counted by what they do or are to someone ("leaders",
    "representatives", "sisters") are people."""
    (figure,) = find_figures(words, [(0, len(words))], None)
    assert (figure.text, figure.kind, figure.value, figure.unit) == expected


def test_a_name_runs_on_across_the_line_break_of_hand_wrapped_prose() -> None:
    """ "Russia's invasion of\nUkraine" is the event, not Russia and Ukraine; a line that ends
    a sentence ends a name."""
    assert links("Russia's invasion of\nUkraine began. It hit Russia.\nUkraine held.") == [
        ("Russia's invasion of\nUkraine", "russian-invasion-of-ukraine-2022"),
        ("Russia", "russia"),
        ("Ukraine", "ukraine"),
    ]


def test_a_source_is_read_across_the_line_break_of_hand_wrapped_prose() -> None:
    text = "More than 6 million Ukrainians have fled abroad, according\nto UNHCR."
    assert sources_at(text, "6 million") == ["UNHCR"]


def test_a_figure_is_read_across_the_line_break_of_hand_wrapped_prose() -> None:
    """ "about 33\nmillion tonnes" and "9 per\ncent" had been no figures; each is drafted as
    written, its line break kept (its quote must match the text)."""
    words = (
        "It moved about 33\nmillion tonnes of food, and the appeal was 9 per\ncent funded.\n"
        "Odesa\n12 ships"  # a line of its own stays one: a capital after the break
    )
    found = find_figures(words, [(0, len(words))], None)
    assert [(f.text, f.unit, f.value) for f in found] == [
        ("about 33\nmillion tonnes", "tonnes", 33e6),
        ("9 per\ncent", "percent", 9.0),
        ("12 ships", "ships", 12.0),
    ]


def test_a_word_like_a_currency_s_code_is_no_sum() -> None:
    words = "EURO 2024 opened; the Eur 5 route; EUR alone; eur 5 million"
    found = find_figures(words, [(0, len(words))], None)
    assert [f.text for f in found] == ["2024", "5 million"]  # a year, and a count of nothing
    assert not {f.unit for f in found} & {"EUR", "USD", "GBP"}


@pytest.mark.parametrize(
    "words",
    [
        "The same write-up says 18 million need aid.",
        "It lost 30 ships, and more than 1,000 were injured.",
        "Some 2 million have fled, and 6 million abroad.",
    ],
)
def test_a_count_of_nothing_named_counts_people_where_only_people_do_what_follows(
    words: str,
) -> None:
    """Issue 12, from train-11 and a UN speech ("more than 1,000 were injured" had counted the
    martyrs named before it): a count followed by what only people do or are is of people."""
    found = find_figures(words, [(0, len(words))], None)
    assert found[-1].unit == "people"


@pytest.mark.parametrize(
    ("words", "part"),
    [
        ("Only 3 of 11 analysts polled expect a deal.", ("3", "people")),
        ("In my seminar, 14 out of 22 students agreed.", ("14", "people")),
        ("He found that 52 of 83 commentaries repeat it.", ("52", "commentaries")),
        ("only 58 out of 194 countries had met it", ("58", "countries")),
        ("Holders lived in 14 of the country's 16 regions.", ("14", "regions")),
        ("Only 3 of its 27 members abstained.", ("3", "members")),
        ("Only 2 of 47 requested ammonia shipments had gone ahead.", ("2", "shipments")),
    ],
)
def test_a_part_of_a_count_counts_what_the_whole_counts(words: str, part: tuple[str, str]) -> None:
    """Issue 12, from train-13 ("only 3 of 11 analysts"): a number alone had no unit and was
    dropped."""
    first, *_ = find_figures(words, [(0, len(words))], None)
    assert (first.text, first.unit) == part


@pytest.mark.parametrize(
    "words",
    [
        'The first speaker said "nearly 18 million" people need aid.',
        "They cited “200” prisoners of war exchanged.",
    ],
)
def test_a_quoted_count_counts_what_follows_the_quote(words: str) -> None:
    """Issue 12, from train-15 and train-14: a count quoted from another ('said "nearly 18
    million" people') had no unit, its noun being past the closing quote."""
    (figure,) = find_figures(words, [(0, len(words))], None)
    assert figure.unit == "people"


@pytest.mark.parametrize(
    ("words", "counts"),
    [
        ("Of 52 English-language commentaries, most agreed.", [("52", "commentaries")]),
        ("It issued 400,000 rural property deeds.", [("400,000", "deeds")]),
        ("There are 97 Security Council resolutions on it.", [("97", "resolutions")]),
        (
            "Twenty-three vessels were waiting at the mouth of the Sulina channel on Tuesday, the "
            "Example Shipping Monitor said, up from 14 a week earlier.",
            [("Twenty-three", "ships"), ("14", "ships")],
        ),
    ],
)
def test_what_a_count_in_digits_counts_may_be_described_by_two_words_or_a_name(
    words: str, counts: list[tuple[str, str]]
) -> None:
    """Issue 12, from train-6 and train-11: a count in digits of any plural takes the words that
    describe it as one in words does ("52 English-language commentaries", "97 Security Council
    resolutions"); a change "up from" a number counts what its sentence counted, however far
    before."""
    found = [f for f in find_figures(words, [(0, len(words))], None) if f.kind == "count"]
    assert [(f.text.split()[0], f.unit) for f in found] == counts


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("The response plan, drawn up by OCHA, targets 11.1 million people.", "OCHA"),
        ("A survey conducted by KIIS in May found 84% opposed.", "KIIS"),
        ("The tally, carried out by the Example Monitor, counts 14 ships.", "Example Monitor"),
        ("The tender issued by my country covers 27 oil blocks.", None),
    ],
)
def test_a_work_made_by_someone_is_their_figure(sentence: str, source: str | None) -> None:
    """Issue 12, from train-10: "drawn up by", "conducted by", "carried out by" name who made
    the figure, as "compiled by" does; what a speaker's own country issued has no source."""
    assert source_of(sentence) == source


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("The Example Register lists 412 names of missing sailors.", "Example Register"),
        ("UNHCR repeated its count of 6.2 million refugees in Europe.", "UNHCR"),
        ("The Ministry of Reintegration listed 1,600 civilians held.", "Ministry of Reintegration"),
    ],
)
def test_who_lists_or_repeats_a_figure_says_it(sentence: str, source: str) -> None:
    """Issue 12: "lists" and "repeated" say a figure, as "records" and "reported" do."""
    assert source_of(sentence) == source


def test_a_currency_s_code_is_no_name() -> None:
    """Tried as a user: "EUR 50 million" proposed "EUR" as a new entity."""
    names = proposals(
        "The European Commission announced EUR 50 million for generators. Its partners added "
        "USD 3 million more for repairs to shelters before the winter."
    )
    assert "European Commission" in names and not names & {"EUR", "USD"}


@pytest.mark.parametrize(
    "pairs",
    [
        # a claim and its answer on two lines of one block
        "Claim: {myth}\nReality: {fact}\n\nClaim: {myth2}\nReality: {fact2}",
        # numbered labels
        "Myth 1: {myth}\n\nFact: {fact}\n\nMyth #2: {myth2}\n\nFact: {fact2}",
    ],
)
def test_a_myth_and_its_answer_on_two_lines_or_numbered_are_two_labelled_paragraphs(
    pairs: str,
) -> None:
    """Issue 12 ("paragraphs never fused into one claim across a label"), tried on layouts of
    my own: "Reality:" on the line under "Claim:" stayed in the claim's paragraph, its label in
    the text, and "Myth 1:" was no label; neither answered anything."""
    myth, fact = "Talks were never tried after the invasion.", "Delegations met in Istanbul."
    myth2, fact2 = "A ceasefire freezes the front for ever.", "Ceasefires can have guarantees."
    text = "Four Myths\n\n10 January 2024\n\n" + pairs.format(
        myth=myth, fact=fact, myth2=myth2, fact2=fact2
    )
    claims = make_draft(Source(Path("m.txt"), text + "\n", "0" * 64, False), gazetteer()).data[
        "claims"
    ]
    assert [c["quote"]["exact"] for c in claims] == [myth, fact, myth2, fact2]
    assert [c.get("rebuts") for c in claims] == [None, ["c01"], None, ["c03"]]


@pytest.mark.parametrize(
    "opening",
    ["**No** one expected the offensive to stall.", "*For* decades the border held firm."],
)
def test_a_word_in_bold_or_italics_opening_a_paragraph_is_no_label(opening: str) -> None:
    """A label set in bold or italics has its colon or full stop ("**Pro:**", "*Con:*") or
    stands alone on its line; an emphasised word opening prose is none."""
    assert LABEL.match(opening) is None


@pytest.mark.parametrize(
    ("words", "units"),
    [
        ("She opened with a show of hands: 118 members in the hall.", ["people"]),
        ("According to the union's tellers, 112 members voted for it and 160 against.",
         ["people", "people"]),
        ("NATO's 31 members voted to admit Finland.", ["members"]),
        ("100 members of the General Assembly voted for it; eleven voted against.",
         ["members", "members"]),
        ("The club has 400 members.", ["members"]),
    ],
)  # fmt: skip
def test_members_who_vote_or_sit_in_a_hall_are_people_an_alliance_s_are_not(
    words: str, units: list[str]
) -> None:
    """Issue 12, from train-10 and train-12: the labelling rules count persons as people, and
    an alliance's or the Assembly's members as members."""
    found = find_figures(words, [(0, len(words))], None)
    assert [f.unit for f in found if f.kind == "count"] == units


def test_a_headline_s_count_is_a_figure_and_its_bylines_numbers_are_not() -> None:
    """Issue 12, from train-4 and train-5: the labelled sets count a headline's figures ("Grain
    deal extended for 120 days"); header lines gave only their dates."""
    text = (
        "Grain deal extended for 120 days as tallies diverge\n\nIssue 12 | 18 March 2023\n\n"
        "The deal was extended on Saturday. Ships kept sailing from Odesa all week long.\n"
    )
    draft = make_draft(Source(Path("wire.txt"), text, "0" * 64, False), gazetteer())
    found = {f["text"]: f.get("unit") for f in draft.data["draft"]["figures"]}
    assert found["120 days"] == "days" and "18 March 2023" in found
    assert "12" not in found  # an issue's number counts nothing


@pytest.mark.parametrize(
    ("words", "counted"),
    [
        ("Our panel was split: 11 expected opinion to hold.", [("11", "people")]),
        ("Of 40 articles, 23 said nothing new.", [("40 articles", "articles"), ("23", "articles")]),
        ("The bus left at 11 and the talks began.", []),
    ],
)
def test_a_number_nothing_near_counts_is_of_people_where_they_think_or_vote(
    words: str, counted: list[tuple[str, str]]
) -> None:
    """Issue 12, from train-14 ("Our own panel … was split: 11 expected opinion to hold"): a
    count near it still says what it counts ("23 said" of 40 articles)."""
    found = find_figures(words, [(0, len(words))], None)
    assert [(f.text, f.unit) for f in found if f.kind == "count"] == counted


def test_a_list_s_items_may_each_be_labelled_with_a_side() -> None:
    """Talking points as a list, each item labelled ("- Agree: …", "- Disagree: …"): each item is
    a paragraph of its side, its label no part of its claim."""
    text = (
        "Should Kyiv Talk?\n\n12 May 2024\n\n"
        "- Agree: Ukraine should negotiate now, as the war costs too much.\n"
        "- Disagree: Ukraine should not negotiate now, as Russia would rearm.\n"
    )
    claims = make_draft(Source(Path("points.md"), text, "0" * 64, False), gazetteer()).data[
        "claims"
    ]
    assert [(c["statement"][:24], c.get("side")) for c in claims] == [
        ("Ukraine should negotiate", "for"),
        ("Ukraine should not negot", "against"),
    ]


@pytest.mark.parametrize(("column", "sides"), [("Side", ["for", "against"]), ("Signed", [])])
def test_a_table_s_side_column_labels_each_row(column: str, sides: list[str]) -> None:
    """A panel's table with a Side column: each row a paragraph of its side, the name its
    speaker, the argument its claim without the row's pipes. A column of yeses that is no side
    ("Signed") labels nothing."""
    text = (
        "Where Our Panel Stands\n\n12 May 2024\n\n"
        "Ukraine should weigh talks now, as the war costs too much. It is a hard choice.\n\n"
        f"| Analyst | {column} | Argument |\n|---|---|---|\n"
        "| Jane Example | Yes | Ukraine should negotiate now, as the war costs too much. |\n"
        "| John Sample | No | Ukraine should not negotiate now, as Russia would rearm. |\n"
    )
    rows = [p for p in read_layout(text).paragraphs() if p.label]
    assert [LABELS[p.label[0].lower()] for p in rows] == sides
    assert [p.speaker and p.speaker[0] for p in rows] == ["Jane Example", "John Sample"][
        : len(sides)
    ]
    assert [[text[slice(*span)] for span in p.sentences] for p in rows] == [
        ["Ukraine should negotiate now, as the war costs too much."],
        ["Ukraine should not negotiate now, as Russia would rearm."],
    ][: len(sides)]


def test_a_party_in_brackets_after_a_speaker_s_name_is_no_side() -> None:
    """Hansard names a member's party in brackets: "(Con)" is the Conservatives, not "against"
    (found reading the change again: the side in brackets had taken "con" and "pro")."""
    text = (
        "Sanctions Debate\n\n12 May 2024\n\n"
        "Mr John Example (Con): Sanctions raise the cost of the war. They work slowly.\n\n"
        "Ms Jane Sample (Lab): Sanctions leak through third countries. Their cost falls on all.\n"
    )
    claims = make_draft(Source(Path("hansard.txt"), text, "0" * 64, False), gazetteer()).data[
        "claims"
    ]
    assert claims and all(c.get("side") is None for c in claims)


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("Germany had its gas storage at 95% in November.", "95%"),
        ("Inflation reached 26% last year. That is the government's number one concern.", "26%"),
        ("Russia launched its full-scale invasion in February 2022. It seized 20% of Ukraine's "
         "territory within weeks.", "20%"),
        ("In total, from Odesa alone, 33 million tonnes were shipped.", "33"),
        ("Under the terms of the Minsk agreements, Russia was to withdraw 5,000 troops.", "5,000"),
        ("I congratulate Mr. Csaba Kőrösi on his election. In his report, the Secretary-General "
         "offered a path to 2030 and 40% more aid.", "40%"),
        ("Algeria has illegally delegated its authority in the camps to a separatist armed group "
         "with 30 bases.", "30"),
    ],
)  # fmt: skip
def test_what_names_no_source_of_a_figure(text: str, figure: str) -> None:
    """A review's misfires of the rules from train-29 to train-32: a state has what it has; a
    concern is no number; what a war seizes is no enforcer's count; "In total, from Odesa" and
    "the terms of the Minsk agreements" credit no one; the Assembly's President, greeted, is not
    "his"; an authority that is power is no source."""
    assert sources_at(text, figure) == [None]


def test_a_role_a_cue_and_a_letter_are_names_where_they_are_no_signature_s_or_script_s() -> None:
    """A product ending in a role's word, a platform of one letter, an editor's insertion in
    brackets and a name after a live blog's time stay names ("14.05" is no paragraph's number);
    "Mr X" and a signature's "Commercial Director" do not."""
    text = (
        "Users can now ask Google Assistant for help. Posts on X spread fast. “They [NATO] are "
        "moving east,” he said. Mr X wrote back.\n\n14.05 Zelenskyy says Kyiv will not cede "
        "land.\n\nPriya Example-Shah\nCommercial Director\n"
    )
    names = proposals(text)
    assert {"Google Assistant", "X", "NATO", "Zelenskyy"} <= names, names
    assert "Commercial Director" not in names
    assert proposed_at(text)["X"] == [text.index("on X") + len("on ")]  # not "Mr X"


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("She won the 400m hurdles.", []),
        ("Volunteers handed out 500 t-shirts.", []),
        ("Among 18+ respondents, most agreed.", []),
        ("By 24 March, 3.5 million people had fled.", [("24 March", "2023-03-24"),
                                                     ("3.5 million people", None)]),
    ],
)  # fmt: skip
def test_metres_shirts_ages_and_a_past_by_are_what_they_are(
    words: str, expected: list[tuple[str, str | None]]
) -> None:
    """ "400m" is metres, not millions; a t-shirt is no tonne; "18+" is an age; "By 24 March, …
    had fled" tells the past (read on 18 July 2023)."""
    found = find_figures(words, [(0, len(words))], date(2023, 7, 18))
    assert [(f.text, f.date) for f in found] == expected


@pytest.mark.parametrize(
    ("block", "boilerplate"),
    [
        ("You are receiving this e-mail because you support Example Hearth Relief. Example "
         "Hearth Relief is a registered charity (No. 1180042), 4 Example Lane, Example Town.",
         True),
        ("Registered charity no. 1234567 | Company no. 7654321 | Full accounts: "
         "https://example.org/accounts", True),
        ("Printed and promoted by J. Example-Hart on behalf of the Example Alliance, 4 Example "
         "Square, Exampleton.", True),
        ("Recipes and photos © Example Kitchen Notes; please link rather than copy.", True),
        ("This note is for professional investors only and is not investment advice.", True),
        ("The Example Hour is broadcast on Fridays at 18:00. Full audio and transcript: "
         "https://radio.example.org/example-hour", True),
        ("Produced by the Example Audio Collective. Show notes and sources: "
         "frontline.example.com/episodes/112", True),
        # content: a charity and a report named, and their addresses given
        ("The Example Trust, a registered charity in Odesa, counted 40 families in its shelter "
         "last week.", False),
        ("A report published by the Example Institute (https://example.org/report) found that "
         "40% of the grain went to Europe.", False),
        ("Viewers could watch a replay of the debate, and about 2,000 did, the organisers said.",
         False),
        # content that tells of a footer's words
        ("The regulator fined Example Homewares after it sent 2.1 million e-mails with no working "
         "unsubscribe link.", False),
        ("Example Trading Ltd, company number 08123456, was incorporated in March 2019.", False),
        ("The leaflet lacked the \"printed and promoted by\" imprint, and was published with a © "
         "notice.", False),
        ("The court published the full transcript of the hearing on its website, "
         "www.example-court.org.", False),
        ("Households can sign up for the scheme at www.example.gov.", False),
    ],
)  # fmt: skip
def test_a_footer_is_boilerplate_wherever_its_words_stand(block: str, boilerplate: bool) -> None:
    """A mailing's, a charity's, a campaign's or a programme's footer: its names are no
    mentions and its sentences no claims; never a paragraph that only names a charity or cites
    a report at its address."""
    text = (
        "A Title\n\n12 May 2024\n\nTalks resumed on Monday in Istanbul. Both sides came to the "
        f"table with new proposals for a ceasefire.\n\n{block}\n"
    )
    assert [p.boilerplate for p in read_layout(text).paragraphs()] == [False, boilerplate]


def test_a_footer_that_cites_names_no_publisher() -> None:
    """ "Evidence cited: GC-07 United Nations, …" under an inquiry's report: the UN is a
    source of it, not its publisher; a footer that says who published it names one."""
    un = Entity("actor", "united-nations", "InternationalOrganization")
    found = Gazetteer([(un, "United Nations", "label")], EventFacts())
    body = (
        "Inquiry Findings\n\n12 May 2024\n\nAbout 33 million tonnes of food left the ports. "
        "The corridor closed in July.\n\n"
    )
    cited = "Evidence cited: GC-07 United Nations, data page. Full record: https://example.org/r\n"
    published = "Published by the United Nations. Full record: https://example.org/news\n"
    drafts = [
        make_draft(Source(Path("inquiry.txt"), body + footer, "0" * 64, False), found)
        for footer in (cited, published)
    ]
    assert [d.data["document"].get("publisher") for d in drafts] == [None, "united-nations"]


def test_a_common_noun_written_short_is_no_name() -> None:
    """ "EBITDA", "FOB", "PCR", "VAT", "GP", "AM": what a trade, a lab or a clinic writes short
    names no one; an organisation's initials ("IOM") still do."""
    text = (
        "Consensus puts fourth-quarter EBITDA at $48 million, and wheat sells at $218 per tonne "
        "FOB. The laboratory confirmed 14 cases by PCR, excluding VAT costs of €2 million, said "
        "Dr Anna Example-Wells, GP, at 9:14 AM. The International Organization for Migration "
        "(IOM) counted 3.7 million displaced people."
    )
    names = proposals(text)
    assert names.isdisjoint({"EBITDA", "FOB", "PCR", "VAT", "GP", "AM"})
    assert {"IOM", "Anna Example-Wells"} <= names


def test_a_ship_s_name_is_no_entity() -> None:
    """A ship is no actor, place or event, named after its kind or before its IMO number; its
    owners still are."""
    text = (
        "The bulk carrier Example Star arrived at Chornomorsk on 19 February. The tanker "
        "EXAMPLE NORTH (IMO 9000002) left a day later. Example Bulk Carriers SA owns both."
    )
    names = proposals(text)
    assert names.isdisjoint({"Example Star", "EXAMPLE NORTH"})
    assert "Example Bulk Carriers SA" in names


def test_a_code_is_no_name_and_a_name_with_a_number_still_is() -> None:
    """A reference with three digits or more ("WQ-2024-0118", "ETL-457") and one of a series a
    text numbers ("P1" … "P3", participants) are codes; "COP28", "G-20", "M23", "the P5" named
    alone, and a name with an OCR's "A1" for "Al" are names."""
    coded = (
        "Written Question WQ-2024-0118 was answered on Monday. The laboratory, accredited as "
        "ETL-457, tested the soil.\n\nP1 (woman, 40s): I pay €450 a month.\n\nP2 (man, 30s): "
        "Mine is more, as P3 said."
    )
    named = (
        "At COP28 and at the G-20, the P5 said little about the M23 rebels, said Hamad bin Isa "
        "A1 Khalifa."
    )
    assert proposals(coded) == set()  # (nor "Written Question WQ-2024-0118")
    assert {"COP28", "G-20", "P5", "M23", "Hamad bin Isa A1 Khalifa"} <= proposals(named)


def test_one_word_in_capitals_as_a_turn_s_tag_is_no_name_to_propose() -> None:
    """ "OPERATOR:" (a role), "TOM (Exampleford):" after "First up is Tom", "[00:01:02] INT:" after
    "INT = telephone interpreter": a role, or a name the text gives elsewhere, repeated at every
    turn. A tag the text names nowhere else may be its speaker's only mention, or an
    organisation's ("ACLED:"); a full name in a tag, or one in ordinary case, is a name."""
    text = (
        "Speakers: INT = telephone interpreter. First up is Tom, a farmer.\n\nOPERATOR: Good "
        "morning and welcome to the call. It is being recorded.\n\n[00:01:02] INT: Is it free? "
        "In Kharkiv I paid for it.\n\nTOM (Exampleford): I grow about 400 hectares of wheat. "
        "Prices fell.\n\nMARCUS FEENEY: Donors are tired. They still pay.\n\nACLED: Our data "
        "show 40 strikes. Most hit ports.\n\nOlena Vasylenko: Support is slipping slowly. It is "
        "a real change."
    )
    names = proposed_at(text)
    assert names.keys().isdisjoint({"OPERATOR", "TOM"})
    assert names["INT"] == [text.index("INT")]  # where the text says who INT is, not the tag
    assert {"MARCUS FEENEY", "ACLED", "Olena Vasylenko"} <= names.keys()


def test_a_name_ends_with_its_initial_s_stop_and_before_one_who_says_i() -> None:
    """ "Priya S." and "D.C." keep the stop of the initial they end on; "In Kharkiv I paid" names
    Kharkiv, not "Kharkiv I"; "Albert I of Monaco" and "L.J. Example-James" are left whole."""
    text = (
        "We wrote to Priya S. (Example Lines) on Monday. The firm in Washington, D.C. agreed. "
        "In Kharkiv I paid 350 hryvnias for it. Prince Albert I of Monaco spoke last."
    )
    names = proposed_at(text)
    assert {"Priya S.", "D.C.", "Kharkiv", "Prince Albert I of Monaco"} <= set(names)
    assert names["Kharkiv"] == [text.index("Kharkiv")]
    assert names.keys().isdisjoint({"Priya S", "D.C", "Kharkiv I"})


@pytest.mark.parametrize(
    ("title", "body", "linked", "proposed"),
    [
        ("A Note", "Yesterday the Example Food Bridge for Ukraine (EFBU), a coalition of 27 "
         "charities, warned of a gap in bread supplies. Prices fell.", [],
         {"Example Food Bridge for Ukraine"}),
        # a headline's capitals: another name or two ("Israel Hamas war: …"), left to the curator
        ("Example Food Bridge for Ukraine warns of bread gap", "Prices fell in June, and traders "
         "waited for news from the ports. Stocks rose.", ["Ukraine"], set()),
        # a title's capitals are its style, and an opener no name's word
        ("Why Ukraine Must Negotiate Now", "Prices fell in June, and traders waited for news from "
         "the ports. Stocks rose.", ["Ukraine"], set()),
        ("A Note", "Yesterday Ukraine said no to the plan for a ceasefire along the line. Prices "
         "fell.", ["Ukraine"], set()),
    ],
)  # fmt: skip
def test_a_place_in_another_name_after_an_opener_or_in_a_headline(
    title: str, body: str, linked: list[str], proposed: set[str]
) -> None:
    """A place's name among another name's words, though the run of capitals opens with a word
    that is no name's ("Yesterday the …", "The …"), or stands in a headline written as a
    sentence; never in a title whose every word is capitalised."""
    source = Source(Path("note.txt"), f"{title}\n\n12 May 2024\n\n{body}", "0" * 64, False)
    block = make_draft(source, gazetteer()).data["draft"]
    assert [m["text"] for m in block["mentions"]] == linked
    assert proposed <= {e["text"] for e in block["new_entities"]}


def test_a_day_without_its_year_in_a_document_dated_by_its_month_is_of_that_month() -> None:
    """A bulletin of August 2023 that counts ships "on 14 August" counts them in August 2023, not
    2022: no day of its own month is after it; a later month still is of the year before."""
    text = (
        "Port Bulletin\n\nThe authority counted 87 ships waiting off Sulina on 14 August. Delays "
        "reached 11 days.\n\nThe last such queue formed on 20 September, when 40 ships waited."
    )
    source = Source(Path("bulletin.txt"), text, "0" * 64, False)
    figures = make_draft(source, gazetteer(), when="2023-08").data["draft"]["figures"]
    dated = {f["text"]: f["date"] for f in figures if f["kind"] == "date"}
    assert dated == {"14 August": "2023-08-14", "20 September": "2022-09-20"}


@pytest.mark.parametrize(
    ("sentence", "today", "resolved"),
    [
        ("Two of our ships go into dry dock in December.", "2023-11-09", "2023-12"),
        ("Creditors want talks to begin by March.", "2023-12-05", "2024-03"),
        ("In October, we will host the summit in Zagreb.", "2022-09-21", "2022-10"),
        # told as past, or too far ahead to be meant
        ("In December, Russia struck the grid again.", "2023-11-09", "2022-12"),
        ("Exports had recovered by December.", "2023-11-09", "2022-12"),
        ("Talks open in May.", "2023-11-09", "2023-05"),
        ("UNHCR puts the figure for May at 6 million.", "2023-03-10", "2022-05"),
        ("Interviews are on 30 July, 10:00 to 16:00, in Room 4.", "2023-07-18", "2023-07-30"),
        ("Monthly arrivals: June, 1,200; August, 1,450.", "2023-07-18", "2023-06"),
        ("Arrivals by month: August, 1,450.", "2023-07-18", "2022-08"),
        # past in a verb no "-ed" shows, in a caption, in a timeline's or a log's entry
        ("Zelensky flew to Washington on 21 December.", "2023-09-20", "2022-12-21"),
        ("Figures for November show a fall in arrivals.", "2023-09-20", "2022-11"),
        (
            "Photo: Residents queue for water in Mykolaiv on 12 November.",
            "2023-09-20",
            "2022-11-12",
        ),
        ("**15 November** – Ukrainian forces enter Kherson.", "2023-09-20", "2022-11-15"),
        ("- Shelling of the Kherson market, 12 November (four dead)", "2023-09-20", "2022-11-12"),
        # a timeline's entry, told in the present
        ("- 15 February: The UN launches its appeal in Geneva.", "2023-12-20", "2023-02-15"),
    ],
)
def test_a_date_without_its_year_soon_after_the_document_in_a_sentence_not_of_the_past(
    sentence: str, today: str, resolved: str
) -> None:
    """A day or a month without its year, at most three months after the document's date, is the
    next such one where its sentence tells nothing as past (a plan, a schedule, a wish); else,
    in a timeline's entry, in what a source tells and at a series' point, the last one."""
    figures = find_figures(sentence, [(0, len(sentence))], date.fromisoformat(today))
    assert [f.date for f in figures if f.date][0] == resolved


def test_the_footer_shortcut_says_what_the_full_scan_says() -> None:
    """`is_a_footer` tries its patterns only on a block holding one of their words: a pattern
    added without its word would be skipped, and this says so."""
    pieces = every_block() + [
        "Unsubscribe | Privacy policy",
        "YOU ARE RECEIVING THIS because you signed up. © Example Trust 2024",
        "Registered number 7654321. Please do not reply to this e-mail.",
        "Full transcript: WWW.EXAMPLE.ORG/ep/4",
    ]
    found = [bool(FOOTER.search(piece) or POINTS_ON.search(piece)) for piece in pieces]
    assert sum(found) >= 20  # the documents' footers, and the lines above
    assert [is_a_footer(piece) for piece in pieces] == found


@pytest.mark.parametrize(
    ("text", "proposed"),
    [
        ("AM Best downgraded the insurer on Monday.", "AM Best"),
        ("TNT said it had suspended deliveries to the city.", "TNT"),
        ("The G7 and the G20 met in the spring.", "G20"),
        ("The P5 and the P3 disagreed again.", "P5"),
        ("Iran shot down Flight PS752 in January.", "Flight PS752"),
        ("A ferry Irish Ferries chartered left at dawn.", "Irish Ferries"),
        ("After World War I ended, the empire broke up.", "World War I"),
        ("Peter I founded the city on the marshes.", "Peter I"),
        ("They unveiled a monument to Nicholas I in the square.", "Nicholas I"),
        ("Veterans from World War I were honoured on Sunday.", "World War I"),
        ("Exporters ship Nibulon grain through the port every week.", "Nibulon"),
        ("Traffic on the M1 and the M25 was heavy; the M4 was shut.", "M25"),
        ("The trials of the Example Vaccine Trust reached Phase I this week.", "Phase I"),
    ],
)
def test_names_the_rules_for_codes_ships_abbreviations_and_endings_leave_whole(
    text: str, proposed: str
) -> None:
    """What a review found the first rules for codes, ships, short common nouns and a name's
    ending took from real names."""
    assert proposed in proposals(text + " Prices fell sharply in June, traders said.")


def test_a_footer_s_words_early_in_a_story_are_its_content() -> None:
    """A footer is among a text's last blocks: a story that tells of a registered charity or a
    transcript before it goes on is content, though the same words would end a mailing."""
    story = (
        "Charity Inquiry\n\n12 May 2024\n\nThe Example Heritage Trust is a registered charity, "
        "but the regulator said on Tuesday it had opened an inquiry into its accounts.\n\n"
        "Lawyers said the transcript is at www.example-courts.org and runs to 400 pages.\n\n"
        "The trust denies any wrongdoing. It says its accounts were audited every year.\n\n"
        "Its trustees will meet next week. They expect to publish a statement soon after.\n\n"
        "Donors have been told to wait. Most have kept their standing orders, it says.\n"
    )
    assert [p.boilerplate for p in read_layout(story).paragraphs()] == [False] * 5


def test_two_known_names_after_an_opener_are_two_names() -> None:
    """ "Then Russia Ukraine Border Talks resumed": two places the store knows, each linked, no
    name of four words proposed for them."""
    text = (
        "Then Russia Ukraine Border Talks resumed in the spring after a long pause. Both sides "
        "sent new teams."
    )
    assert mentioned(text) == ["Russia", "Ukraine"]


def test_a_team_a_cell_or_a_unit_named_for_a_place_is_the_body() -> None:
    """ "Ukraine Hosting Team", "Example Coordination Cell for Ukraine": a body whose name holds
    a known place, proposed whole and the place not linked inside it; not a headline's "Ukraine
    Team Arrives", a job's "Ukraine Team Leader", nor an owner's "Russia's Unit 29155"."""
    bodies = (
        "Ukraine Hosting Team\n\nThe Example Coordination Cell for Ukraine met on Monday. Ukraine "
        "thanked it."
    )
    assert {"Ukraine Hosting Team", "Example Coordination Cell for Ukraine"} <= proposals(bodies)
    assert mentioned(bodies) == ["Ukraine"]
    others = (
        "Ukraine Team Arrives in Istanbul\n\nTürkiye Welcomes Ukraine Rescue Team\n\nReports "
        "to: Ukraine Team Leader. Watch Russia closely, analysts say, and Russia's Unit 29155 too."
        "\n\nUkraine Will Disband Anti-Corruption Unit\n\nShe is Deputy Head of Unit for Ukraine "
        "now. Last Saturday the Ukraine Team trained."
    )
    assert mentioned(others) == [
        "Ukraine",
        "Türkiye",
        "Ukraine",
        "Russia",
        "Russia",
        "Ukraine",
        "Ukraine",
        "Ukraine",
    ]  # fmt: skip ("Ukraine Team Leader": a post whose place is part of its name, as before)
    # ("Ukraine Team Leader": a job whose place is part of its name, as before)


def test_an_organisation_and_a_known_name_are_two_names() -> None:
    """ "The Norwegian Refugee Council and Ukraine", "Human Rights Watch and Ukraine's
    ombudsman", "the Food and Agriculture Organization and Ukraine": the body, whole, and Ukraine
    linked. One name where the two share the head after them ("the Russia and Eurasia
    Programme"), where the body is for both ("the Centre for Eastern Europe and Russia"), or
    where it is "of" a name and the other ("the Joint Declaration of the United States and
    Ukraine", as "the Council of Europe and Ukraine", which can't be told from it)."""
    text = (
        "The Norwegian Refugee Council and Ukraine agreed a text on Friday. Human Rights Watch "
        "and Ukraine's ombudsman welcomed it, as did the Food and Agriculture Organization and "
        "Ukraine. The Russia and Eurasia Programme was not convinced, nor was the Centre for "
        "Eastern Europe and Russia. The Joint Declaration of the United States and Ukraine says "
        "little."
    )
    names = proposals(text)
    assert {"Norwegian Refugee Council", "Human Rights Watch"} <= names
    assert {"Food and Agriculture Organization", "Russia and Eurasia Programme"} <= names
    assert {"Centre for Eastern Europe and Russia"} <= names
    assert "Joint Declaration of the United States and Ukraine" in names
    assert mentioned(text) == ["Ukraine", "Ukraine", "Ukraine"]


def test_a_common_word_as_a_text_s_field_is_no_name() -> None:
    """After the label of a text's field a capital says nothing: a common word there is no name
    ("Title: Supply of …", "| Desk: International |"), unless the text names it so elsewhere.
    What other marks open keeps its name ("Figure 3 – Tusk and the …", "Map 1 – Wales", "(c)
    Reeves on …", "**Visits.** Cleverly in …", "14:30 – Reading council votes"); so does a
    country's name ("Finland") or a word no dictionary has ("Zelmarovka")."""
    text = (
        "The notice was issued on Friday. It covers the grid.\n\nSection II: Object\n\n"
        "II.1.1) Title: Supply of autotransformers and mobile substations.\n"
        "II.1.2) Main code: 31170000.\n\n"
        "Issued Friday 16 February 2024 | Desk: International | Duty editor: Sofia Example-Lind"
        "\n\n"
        "Figure 3 – Tusk and the opposition in 2023 is the next one. It is short.\n"
        "Map 1 – Wales\n(c) Reeves on the plans. It was new.\n\n"
        "**Visits.** Cleverly in Kyiv on Monday. 14:30 – Reading council votes to divest.\n\n"
        "- 4 April: Finland joins NATO. 14:05 – Zelmarovka residents were moved.\n"
    )
    names = proposed_at(text)
    assert names.keys().isdisjoint({"Supply", "International"})
    assert {"Sofia Example-Lind", "Tusk", "Wales", "Reeves", "Cleverly"} <= names.keys()
    assert {"Reading", "Finland", "Zelmarovka"} <= names.keys()


def test_a_city_in_a_body_s_address_is_the_city() -> None:
    """ "Example Polar Tankers LLC, Moscow.", a centre's name and its city ending the line: the
    city, not its state; "Second, Moscow.", a clause without its verb ("…, and the European
    Commission, Moscow."), a sentence going on in the next line and "sanctions on Moscow" are
    the state."""
    assert (
        links(
            "- Example Polar Tankers LLC, Moscow. Operated 19 tankers.\n"
            "Example Centre for Prisoner Advocacy, Moscow\n"
            "Second, Moscow. Poland blamed Belarus, and the European Commission, Moscow. For the "
            "Russian Federation, Moscow\nwas the centre, and sanctions on Moscow followed."
        )
        == [("Moscow", "moscow"), ("Moscow", "moscow")] + [("Moscow", "russia")] * 4
    )


def test_a_source_named_in_one_part_does_not_reach_a_part_where_another_acts() -> None:
    """A part after ", and", ", while" or a semicolon where one described says something, or one
    gives a figure of their own, is theirs; after a part told by one named at its end, a body or
    a state named doing something of its own is no one's."""
    text = (
        "Russia released 215 people, the Kyiv Independent reported at the time; Ukraine handed "
        "over 55 prisoners. Towage costs roughly $18,500 per call, the Example Tug Owners' "
        "Association said, while one shipowner we act for paid $23,000. Her rent rose 15%, "
        "Example-Bondarenko told me, and the city council promised in February a €5,000 grant. "
        "Example Terminals said that 500 jobs would go, but port agents say only 320 are at risk."
    )
    figures = ("215", "55 prisoners", "$18,500", "$23,000", "€5,000", "320")
    assert sources_at(text, *figures) == [
        "Kyiv Independent",
        None,
        "Example Tug Owners' Association",
        "one shipowner we act for",
        "city council",
        "port agents",
    ]


def test_a_source_still_reaches_a_part_of_what_it_reports_or_where_it_is_pointed_at() -> None:
    """What a report counts is no new actor ("; Lviv had 92%", ", and Poland hosted 1 million of
    them"), nor are many of whom one gives a figure ("…, while residents paid £900"), nor those
    who act after one says ("Officials said …, and officers arrested 45 people"); "the agency"
    or "the council" is the one just named."""
    text = (
        "KIIS found 84% against concessions; Lviv had 92%. The Example Trade Office said 40 "
        "ports were open, and exports rose 12%. According to UNHCR, about 6 million people were "
        "abroad, and the agency counted 3.7 million people displaced inside the country. UNHCR "
        "said 5 million had fled, and Poland hosted 1 million of them. The Example Housing Board "
        "said rents rose 12%, while residents paid £900 a month. Officials said the crowd was "
        "about 2,000, and officers arrested 45 people. The Example City Council said 300 homes "
        "were empty, but the council says only 120 are habitable. Sergey Lavrov said that "
        "Russia would press on, and the Kremlin let the grain deal lapse after it had carried "
        "about 33 million tonnes."
    )
    figures = ("92%", "12%", "3.7 million", "1 million", "£900", "45 people", "120", "33 million")
    assert sources_at(text, *figures) == [
        "KIIS",
        "Example Trade Office",
        "UNHCR",
        "UNHCR",
        "Example Housing Board",
        "officials",
        "Example City Council",
        "Sergey Lavrov",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Partner shelters in Kharkiv register roughly 400 arrivals a week.",
        "Some 700 firefighters from across Europe fought the fire.",
        "More than 5,000 athletes will compete.",
        "The firm employs 12 lawyers and 30 welders.",
        "The clinic has 40 paramedics.",
    ],
)
def test_those_a_place_takes_in_and_who_work_at_a_trade_are_people(text: str) -> None:
    found = [f for f in find_figures(text, [(0, len(text))], None) if f.kind == "count"]
    assert found and {f.unit for f in found} == {"people"}


def test_neighbours_hosts_actors_and_customers_are_not_counted_as_people() -> None:
    """A speech's "our two neighbours" or "150 non-State actors" may be states or bodies, as a
    market report's customers or traders may be firms."""
    text = (
        "Working with our two neighbours, and with 150 non-State actors, we built it. India and "
        "China, Russia's 2 biggest customers, bought more. The 5 big traders, including Cargill, "
        "left."
    )
    found = find_figures(text, [(0, len(text))], None)
    assert "people" not in {f.unit for f in found}


def test_the_office_of_a_place_or_a_body_is_the_source_not_the_place() -> None:
    text = (
        "The mayor of Exampleford told the BBC that 300 families had been rehoused. The governor "
        "of Odesa said 12 villages had lost power. The president of the Example Chamber of "
        "Commerce said 40 firms had closed."
    )
    assert sources_at(text, "300", "12 villages", "40 firms") == [
        "mayor of Exampleford",
        "governor of Odesa",
        "president of the Example Chamber of Commerce",
    ]
    # not the office of a place the text names before, nor a relative of the office holder
    assert sources_at("The mayor of the town said 300 families had been rehoused.", "300") == [None]
    text = "The wife of the mayor of Exampleford said 40 volunteers had come forward."
    assert sources_at(text, "40") != ["mayor of Exampleford"]


def test_a_regulator_or_an_authority_pointed_back_at_is_the_one_named_so() -> None:
    text = (
        "The Example Energy Regulator set new tariffs in May. Households still pay 40% more, the "
        "regulator added. The Example Port Authority met on Monday. The authority said 40 ships "
        "were waiting."
    )
    assert sources_at(text, "40%", "40 ships") == [
        "Example Energy Regulator",
        "Example Port Authority",
    ]
    # only one whose name says so: not a company it regulates, nor one of two authorities
    text = (
        "Example Water plc raised bills by 9%. The regulator said 40 firms were fined. The "
        "Example Port Authority and the Example Transit Authority both raised fees. The "
        "authority said revenue fell 7%."
    )
    assert sources_at(text, "40 firms", "7%") == [None, None]


def test_one_s_own_kin_who_tell_a_figure_are_its_source_as_whose_they_are() -> None:
    """ "his sister told me", "my aunt in Odesa says"; not "our brothers in the region", as a
    speech calls other states, nor "said one mother", whom a figure after is not told by."""
    text = (
        "The agent left for Poland with as many as 40 of his staff, his sister told me. My aunt "
        "in Odesa says a kilo of honey there costs 350 hryvnias now. The Kingdom, along with our "
        "brothers in the region, has announced a $10 billion fund."
    )
    assert sources_at(text, "40", "350", "$10") == ["his sister", "my aunt in Odesa", None]
    text = "My colleague's report found 120 safety violations at the plant."
    assert sources_at(text, "120") == [None]
    # one of someone's who says a later part is its source, not the one "her" stands for
    text = (
        "My mother says she has waited 5 years for surgery, and her doctor says the list has "
        "4,000 names. Example-Park thinks that is too low; her own estimate is 3,000."
    )
    assert sources_at(text, "5 years", "4,000")[1] == "her doctor"
    assert sources_at(text, "3,000") != ["her own"]


def test_a_body_pointed_back_at_after_the_figure_is_the_one_its_sentence_names() -> None:
    """ "…, the council said" after the sentence named the council; "the ombudsman" too. One
    only, and one named in a sentence before comes first ("near the … Council boundary" names
    a place)."""
    text = (
        "Example Bulletin\n\n12 October 2023\n\nExampleford Borough Council will close 3 "
        "libraries in April, the council said in a notice. The Example Health Ombudsman received "
        "900 complaints last year, the ombudsman said in her annual report.\n\nExampleton City "
        "Council published its budget on Monday. It will spend £2m on flood defences near the "
        "Northshire County Council boundary, the council said."
    )
    assert sources_laid_out(text, "3 libraries", "900", "£2m") == [
        "Exampleford Borough Council",
        "Example Health Ombudsman",
        "Exampleton City Council",
    ]
    text = (
        "Example Bulletin\n\n12 October 2023\n\nExampleford Borough Council and Northshire "
        "County Council will share 40 staff, the council said."
    )
    assert sources_laid_out(text, "40 staff") == [None]


def test_an_office_named_whole_and_a_unit_named_by_its_number() -> None:
    text = (
        "The Ombudsman for Children said 2,000 complaints were received. The 3rd Assault Brigade "
        "said it had captured 40 soldiers. On the 3rd March officials said 12 people had died. "
        "Staff on the 5th Floor said 30 desks were empty."
    )
    assert sources_at(text, "2,000", "40 soldiers", "12 people") == [
        "Ombudsman for Children",
        "3rd Assault Brigade",
        "officials",
    ]
    assert sources_at(text, "30 desks") != ["5th Floor"]  # no unit's number
    # and "the brigade" is the one brigade named before, or no one
    text = (
        "The 3rd Assault Brigade posted a video on Tuesday. 40 soldiers were captured near "
        "Klishchiivka, the brigade said. The 47th Mechanised Brigade and the 3rd Assault Brigade "
        "held the line. The brigade said 15 attacks were repelled."
    )
    assert sources_at(text, "40 soldiers", "15 attacks") == ["3rd Assault Brigade", None]
