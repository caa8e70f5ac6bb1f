"""Words in a text that are never names, and the titles that stand before a person's name."""

from __future__ import annotations

import calendar
import re

from kgdebate.extract.figures import CODES

BODIES = (  # what is "of the" something in its own name (not a person "of the Institute")
    "Office", "Government", "Ministry", "Department", "Council", "Committee", "Commission",
    "Commissioner", "Bank", "Court", "Secretariat", "Organization", "Organisation", "Union",
    "Federation", "Agency", "Fund", "Programme", "Program", "Conference", "Bureau",
    "Institute", "Centre", "Center", "Foundation", "Endowment", "Society", "Association",
    "Headquarters", "Directorate", "Service", "Embassy", "Consulate", "Parliament", "Mission",
    # a ministry named by its field, of its state: "Ministry of Foreign Affairs of the Example
    # Kingdom", "Ministry of Defence of the Russian Federation" (never a minister's title:
    # "Minister for Foreign Affairs of the Maldives" is the Maldives')
    "Ministry of Foreign Affairs", "Ministry for Foreign Affairs", "Ministry of Defence",
    "Ministry of Defense", "Ministry of the Interior", "Department of Foreign Affairs",
    # and what is "on the" something, and what a treaty is on: "Convention on the Rights of the
    # Child", "Treaty on the Non-Proliferation of Nuclear Weapons", "Law of the Sea"
    "Convention", "Treaty", "Covenant", "Protocol", "Declaration", "Agreement", "Law", "Act",
    "Rights",
)  # fmt: skip
OF_THE = "(?:" + "|".join(f"(?<={body})" for body in BODIES) + r")\s+(?:of|for|on) the"
COMPANY_ENDINGS = (  # what ends a company's name: "Nordvik Example Trading Ltd", "… LLC, Moscow"
    r"Ltd|Limited|Inc|LLC|LLP|plc|PLC|GmbH|SA|AG|NV|BV|AO|JSC|PJSC|OOO|Corp|Corporation|Company"
    r"|Co|Holdings?"
)
DETERMINERS = {"certain", "several", "various"}  # before a name: "Certain ECOWAS members …"
STOP_NAMES = {
    "the", "this", "that", "these", "those", "it", "its", "a", "an", "and", "but", "or", "if",
    "in", "on", "at", "as", "for", "from", "with", "by", "to", "of", "however", "moreover",
    "furthermore", "therefore", "finally", "additionally", "while", "when", "what", "why", "how",
    "some", "others", "many", "most", "such", "any", "no", "yes", "we", "our", "they", "their",
    "he", "she", "his", "her", "i", "i'm", "i’m", "i'll", "i’ll", "i've", "i’ve", "i'd", "i’d",
    "president", "minister", "prime", "foreign", "secretary",
    "dr", "mr", "ms", "mrs", "general", "then", "there", "both", "each", "after", "before",
    "so", "yet", "thus", "hence", "also", "still", "now", "here", "today", "indeed", "instead",
    "meanwhile", "nevertheless", "nonetheless", "again", "even", "yesterday", "tomorrow",
    "tonight", "same", "compare", "see",  # notes' words: "Same report: 3.7 million", "See Slide 6"
    "gmt", "utc", "cet", "cest", "eet", "eest", "bst", "msk", "est", "edt",  # "14:32 GMT"
    "source", "sources", "value", "indicator",  # a table's header: "Indicator  Value  Source"
    "according", "history", "negotiations", "agree", "disagree", "pro", "con", "fallacy",
    "rebuttal", "myth", "verdict", "rating", "false", "true", "misleading", "unproven",
    "mostly", "partly", "figure", "table", "section", "summary", "introduction", "conclusion",
    "article", "chapter", "paragraph", "volume", "annex", "page",  # "Article 51 of the Charter"
    "ayes", "noes", "division",  # a parliament's record: "Division No. 318: Ayes 241, Noes 198"
    *(name.lower() for name in calendar.month_name if name),
    *(name.lower() for name in calendar.day_name),
    # a month's short form in a date ("7 Mar 2022"), a title's ("Sen."), "since" before a month
    *(name.lower() for name in calendar.month_abbr if name), "sept", "since",
    "sen", "gen", "gov", "rep", "col", "lt", "sgt", "prof", "st", "amb",
    # what a text capitalises that names no one: "the West's", "People" opening a line
    "west", "east", "people", "gdp", "government", "house", "members", "chamber", "parliament",
    "excellency", "excellencies", "majesty", "highness", "my", "your", "nobody", "everyone",
    "everybody", "someone", "anyone", "nothing",
    # a preposition opening a sentence before a name: "Without Busan, …", "Despite Russia's …"
    "without", "within", "through", "across", "against", "among", "amid", "between", "despite",
    "during", "under", "beyond", "unlike", "like", "until", "upon", "towards", "toward", "via",
    "following", "including", "regarding", "concerning", "throughout", "alongside", "beside",
    "besides", "together", "whether", "although", "though", "because", "unless", "around",
    "inside", "outside", "along",
    "dear", "p.s", "ps",  # a letter's: "Dear Friend,", "P.S. Last year …"
    # a question's verb before a name: "Was Medvedchuk one of the 55?", "Did Kyiv agree?"
    "was", "were", "is", "are", "did", "does", "do", "has", "have", "had", "will", "would",
    "can", "could", "should", "shall", "may", "might", "must",
    *DETERMINERS,
}  # fmt: skip
COMMON_ABBREVIATIONS = {
    "am", "pm",  # "9:14 AM"
    "ceo", "cfo", "coo", "vat", "gnp", "gni", "ebitda", "ebit", "capex", "opex", "ipo", "etf",
    "isin", "fob", "cif", "dwt", "teu", "lng", "lpg", "cng", "pcr", "mri", "icu", "gp", "ied",
    "hq", "faq", "pdf", "url", "sms", "gps", "atm", "asap", "rsvp", "tbc", "tbd", "fyi", "ok",
    "kpi", "ngo", "idp",
}  # fmt: skip
"""Common nouns written short, a trade's, a lab's, a clinic's, an office's: no name alone
("fourth-quarter EBITDA", "$218 per tonne FOB", "confirmed by PCR", "excluding VAT", "Dr
Example, GP"), though they may open one ("AM Best", "OK Magazine")."""
NUMBERS = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"}
"""A number opening a sentence before an adjective is no part of a name ("One Western diplomat
said"), though it is of a vague source ("one official in Odesa")."""
STOP_NAMES |= NUMBERS
STOP_NAMES |= {code.lower() for code in CODES}  # a currency's code: "EUR 50 million"
# What a speech to an assembly capitalises out of respect ("the Charter", "Member States"): no
# name alone, but the start of one ("Charter of the United Nations", "Republic of Moldova").
NOT_ALONE = {
    "state", "states", "member", "governments", "powers", "parties", "charter", "organization",
    "organisation", "delegation", "republic", "constitution", "south", "north",
    # a transcript's or a fact-check's labels: "QUESTION: …", "Commentary: …", "Takeaway: …"
    # (but "Question of Equitable Representation" is a name)
    "question", "answer", "commentary", "takeaway", "claim", "update", "correction",
    "date", "re", "subject", "cc",  # a memo's fields: "DATE:", "RE:"
    # a report's, a survey's or a chart's labels: "Method: …", "Note: …", "Annotation A: …"
    "method", "methodology", "note", "notes", "result", "results", "finding", "findings",
    "recommendation", "recommendations", "annotation", "comment", "contact", "context",
    "slide", "chart", "exhibit", "appendix",  # "see Slide 6", "Chart 3 – Displacement"
    # a debate's teams, as an adjudicator names them: "the Proposition's", "OPPOSITION"
    "proposition", "opposition",
    "staff",  # "Ukraine's General Staff": "General" is a title's word, "Staff" alone no name
    # what opens a sentence before a plural that may read as a verb ("New pledges fell …")
    "new", "recent", "early", "latest", "further", "fresh", "initial", "preliminary", "later",
    "earlier", "previous", "additional", "separate", "similar", "total", "overall",
    # a release's or a page's labels: "Embargoed until 14:00", "Deadline 11 October", "READOUT"
    "embargoed", "deadline", "readout", "listener", "year",  # "Year 6 found out"
    "friend", "friends", "colleague", "colleagues", "supporter", "supporters",  # "Dear Friend,"
    "christmas", "easter",  # a feast is a date ("before Christmas"), not a name alone
}  # fmt: skip
JOINED_DEED = (
    "brokered|coordinated|led|backed|run|controlled|held|occupied|based|funded|owned|sponsored"
    "|supplied|made|built|linked|aligned|friendly|allied|region|area"
)
"""What a name did, or where, joined to it by a hyphen ("UAE-brokered", "Odesa-region"): the
name is the name before it."""
TITLES = {
    "president", "prime", "minister", "foreign", "defence", "defense", "chancellor", "king",
    "queen", "secretary-general", "secretary", "ambassador", "envoy", "general", "gen", "senator",
    "sen", "mr", "ms", "mrs", "dr", "pope", "spokesman", "spokeswoman", "vice", "deputy",
    "speaker", "chair", "chairman", "chairwoman", "spokesperson", "host", "moderator",
    "presenter", "rapporteur", "ombudsman", "ombudsperson",
    "member", "mp", "mep", "rep", "lord", "lady", "sir", "dame",
    "senior", "fellow", "director", "editor", "chief", "professor", "adviser", "advisor",
    "correspondent", "reporter", "associate", "executive", "research", "assistant", "analyst",
    "excellency", "majesty", "highness", "honourable", "honorable", "head", "madam", "madame",
    "representative", "captain", "colonel", "major", "lieutenant", "sergeant", "amb", "judge",
    "prof", "cllr", "councillor", "councilor", "justice", "alderman", "governor", "mayor",
    "headteacher",
}  # fmt: skip
OPENS_AFTER = re.compile(  # what may stand before a sentence's first word, whose capital is then
    # no name's: marks and an item's number ("(b) ", "3.3 ", "> “"), or the end of a clause, a
    # quote's opening, a dateline or a tag ("She added: “", "KYIV, June 3 (Reuters) - ",
    # "[Applause] ", "**Update** ", "Mr. President, ")
    r"(?:[\W\d_]|\(?[a-zA-Z]{1,4}[).](?= ))*"
    r"|.*(?:[:;,?!—–)\]“\"‘(\[]|\*\*| -)[\s\"“‘'*_(\[]*",  # (not "." of "Mr.", "p.m.")
    re.S,
)
DEMONYM = re.compile(  # an adjective, never a name alone: "Ukrainian", "American", "Western"
    r"^(?:[A-Z][a-z]+(?:ian|ean|ese|ish|i|ern)|American|African|Mexican|Cuban|Dominican|Arab)$"
)


def without_titles(words: list[str]) -> list[str]:
    """A person's name without what stands before it: "Turkish President Recep Tayyip Erdoğan"
    is Erdoğan; an adjective only before a title (not "American Enterprise Institute",
    "Meridian Policy Lab"); two words are kept whatever they are ("European Union")."""
    while len(words) > 2 and opens_with_title(words):
        words = words[1:]
    if (
        len(words) == 2
        and words[0].lower().rstrip(".") in PERSON_TITLES
        and words[1].istitle()
        and words[1].lower() not in OFFICES
    ):
        words = words[1:]  # "President Erdoğan", "Prime Minister Trudeau": the person
    return words


PERSON_TITLES = {
    "president", "minister", "chancellor", "ambassador", "envoy", "senator", "sen", "gen",
    "general", "mr", "ms", "mrs", "dr", "spokesman", "spokeswoman", "spokesperson",
    "secretary-general", "rapporteur", "ombudsman", "director", "judge", "justice", "cllr",
    "councillor", "councilor", "captain", "governor", "mayor",
}  # fmt: skip
"""Titles before a person's surname alone (not "Foreign" in "Foreign Ministry"; not a regnal
name's, "Pope Francis", "King Charles", which is how the person is named)."""
OFFICES = {
    "office", "ministry", "department", "council", "committee", "administration", "house", "staff",
    "assembly", "secretariat",
}  # fmt: skip
"""What a title may stand before that is no person: "the President's Office", "the General
Staff", "the General Assembly"."""


def opens_with_title(words: list[str]) -> bool:
    """ "President …", "Turkish President …"."""
    return bool(words) and (
        _title(words[0])
        or len(words) > 1
        and (bool(DEMONYM.match(words[0])) or words[0] == "Special")  # "Special Envoy …"
        and _title(words[1])
    )


def _title(word: str) -> bool:
    return word.lower().rstrip(".") in TITLES
