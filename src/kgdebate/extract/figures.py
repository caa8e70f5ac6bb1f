"""Figures in a text: percentages, counts, money, dates, years and relative periods.

A relative period ("the past 20 months", "within the next 12 months") is resolved against the
document's date when it has one. Each figure keeps its span. All patterns are scanned in one
pass; where two could match, the earlier start wins, then the earlier pattern.
"""

from __future__ import annotations

import calendar
import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from typing import NamedTuple

from kgdebate.extract.layout import ITEM_MARK, table_cells, table_rows_above, unwrapped
from kgdebate.extract.spans import SpanIndex
from kgdebate.extract.trie import one_of

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name} | {
    name.lower(): i for i, name in enumerate(calendar.month_abbr) if name
}
MONTHS["sept"] = 9
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "a": 1,
} | {  # "Twenty-three"
    f"{tens}-{unit}": 10 * t + u
    for tens, t in (("twenty", 2), ("thirty", 3), ("forty", 4), ("fifty", 5), ("sixty", 6),
                    ("seventy", 7), ("eighty", 8), ("ninety", 9))
    for unit, u in (("one", 1), ("two", 2), ("three", 3), ("four", 4), ("five", 5), ("six", 6),
                    ("seven", 7), ("eight", 8), ("nine", 9))
}  # fmt: skip
SCALES = {"dozen": 12, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          "m": 1_000_000, "bn": 1_000_000_000, "trillion": 1_000_000_000_000}  # fmt: skip
VAGUE = {"tens": 10, "hundreds": 100, "thousands": 1_000, "millions": 1_000_000}
CODES = ("USD", "EUR", "GBP", "UAH", "RUB", "PLN")  # by code too: "EUR 50 million"
SIGNS = "$€£₽₴"  # a currency by its sign: dollars, euros, pounds, roubles, hryvnias
NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
CELL_OPENS = r"(?:(?<=\|)|(?<=\| )|(?<=\t)|(?<=  ))"  # a number alone in a table's cell: after
CELL_ENDS = r"[ \t]*(?:\||\t|  |\n|$)"  # its bar, tab or run of spaces, and before the next
PLURAL = r"[a-z]{2,}(?<!s)(?<!u)s"  # a plural's form: "sites", never "access", "previous", "status"
FULL_MONTHS = {name.lower() for name in calendar.month_name if name}


def _months(case: str = "lower") -> str:
    """The month names, "Nov." and "Nov" but never "July." (a dot there ends a sentence)."""
    shown = {name: getattr(name, case)() for name in MONTHS}
    dotted = [shown[name] + "." for name in MONTHS if name not in FULL_MONTHS]
    return "(?:" + one_of([*dotted, *shown.values()]) + ")"


MONTH = _months()
SCALE = "trillion|billion|million|bn|m"
COUNT_SCALE = "thousand|million|billion|trillion|dozen"
VAGUE_WORDS = "tens|hundreds|thousands|millions"
PARTS = {"half": 2, "third": 3, "quarter": 4, "fourth": 4, "fifth": 5, "sixth": 6, "tenth": 10}
FRACTION = "|".join(PARTS)
FOLDS = "three|four|five|six|seven|eight|nine|ten"  # "threefold"
ONCE = {"once": 1, "twice": 2, "thrice": 3}
WORD_NUM = r"(?:" + one_of(NUMBER_WORDS) + r"|\d+)"

COUNTING_WORD = one_of(w for w in NUMBER_WORDS if w not in ("a", "one"))  # two and more
# Whose whole a part is of: "11 of NATO's 31 members", "eleven of our 38 ships"
WHOSE_WHOLE = r"(?:(?:the|these|those|its|their|our|her|his|my|your) |(?:the )?[\w-]+['’]s )?"
# A number in words before "per cent" ("Eighty per cent"): not "a"; the words are tried only
# where "per cent" follows (an alternation of 100 words at every figure's start cost 6%)
PERCENT_WORDS = one_of(w for w in NUMBER_WORDS if w != "a")
UNIT_NOUNS = {  # what a count counts, in the words a text uses: the unit recorded
    "km": "km", "kilometres": "km", "kilometers": "km", "miles": "miles",
    "people": "people", "persons": "people", "civilians": "people", "refugees": "people",
    "prisoners": "people", "soldiers": "people", "troops": "people", "children": "people",
    "commanders": "people", "fighters": "people", "residents": "people", "deaths": "people",
    "tonnes": "tonnes", "tons": "tonnes", "countries": "countries", "states": "states",
    "members": "members", "villages": "villages", "towns": "towns", "voyages": "voyages",
    "ships": "ships", "days": "days", "hours": "hours", "weeks": "weeks", "months": "months",
    "years": "years", "times": "times", "rounds": "rounds", "names": "names", "lives": "people",
    "points": "points", "percentage points": "points", "basis points": "basis points",
    "nationals": "people", "citizens": "people", "respondents": "people", "voters": "people",
    "victims": "people", "migrants": "people", "detainees": "people", "hostages": "people",
    "workers": "people", "patients": "people", "journalists": "people", "casualties": "people",
    "inhabitants": "people", "individuals": "people", "human beings": "people", "women": "people",
    "men": "people", "girls": "people", "boys": "people", "students": "people", "pupils": "people",
    "personnel": "people", "staff": "people", "peacekeepers": "people",
    "displaced persons": "people",
    "square kilometres": "km2", "square kilometers": "km2", "square km": "km2", "sq km": "km2",
    "km²": "km2", "km2": "km2", "bcm": "bcm",  # (billion cubic metres of gas, as written)
    "gw": "GW", "mw": "MW",  # a grid's capacity: "6 GW"
    "square miles": "square miles", "nautical miles": "nautical miles",
    "foreigners": "people", "dollars": "USD", "euros": "EUR", "euro": "EUR",
    "usd": "USD", "eur": "EUR", "gbp": "GBP",  # "5 million EUR"
    "hryvnias": "UAH", "hryvnia": "UAH", "roubles": "RUB", "rubles": "RUB", "rouble": "RUB",
    "ruble": "RUB", "zloty": "PLN", "zlotys": "PLN", "złoty": "PLN", "złotys": "PLN",
    "uah": "UAH", "rub": "RUB", "pln": "PLN",
    # what reports on a war count, so that a count in words counts them too ("two dozen drones")
    "vessels": "ships", "drones": "drones", "missiles": "missiles", "tankers": "ships",
    "schools": "schools", "hospitals": "hospitals", "households": "households",
    "families": "families", "homes": "homes", "convoys": "convoys", "trucks": "trucks",
    "minutes": "minutes", "dead": "people", "injured": "people", "wounded": "people",
    "countrymen": "people", "compatriots": "people",
    "participants": "people", "delegates": "people", "speakers": "people", "experts": "people",
    "recruits": "people", "conscripts": "people", "volunteers": "people", "veterans": "people",
    "adults": "people", "listeners": "people", "viewers": "people", "readers": "people",
    "guests": "people", "pensioners": "people",
    "doctors": "people", "nurses": "people", "teachers": "people", "farmers": "people",
    "evacuees": "people", "deportees": "people", "orphans": "people", "mercenaries": "people",
    "analysts": "people", "officials": "people", "capitals": "capitals", "cities": "cities",
    "abstentions": "abstentions", "witnesses": "people", "diplomats": "people",
    "dockers": "people", "dockworkers": "people", "defenders": "people", "relatives": "people",
    "specialists": "people", "employees": "people", "sailors": "people", "seafarers": "people",
    "passengers": "people", "drivers": "people", "miners": "people", "activists": "people",
    "protesters": "people", "lawmakers": "people", "legislators": "people",
    "parliamentarians": "people", "researchers": "people", "scholars": "people",
    "engineers": "people", "medics": "people", "rescuers": "people", "survivors": "people",
    "parents": "people", "mothers": "people", "infants": "people", "babies": "people",
    "inmates": "people", "captives": "people", "servicemen": "people", "officers": "people",
    "applicants": "people", "asylum-seekers": "people", "asylum seekers": "people",
    "negotiators": "people", "mediators": "people", "envoys": "people", "ambassadors": "people",
    "visitors": "people", "individual donors": "people", "crew members": "people",
    "supporters": "people", "beneficiaries": "people", "caseworkers": "people",
    "photographers": "people", "reporters": "people", "cameramen": "people",
    "staff members": "people", "family members": "people", "team members": "people",
    # those a place takes in, and who work at a trade: all people (not "hosts", "neighbours",
    # "actors", "customers", "traders" or "recipients": states or firms too, as speeches and
    # market reports count them)
    "arrivals": "people", "newcomers": "people", "tenants": "people", "colleagues": "people",
    "shoppers": "people", "commuters": "people", "travellers": "people", "travelers": "people",
    "tourists": "people", "pilgrims": "people", "spectators": "people", "attendees": "people",
    "athletes": "people", "runners": "people", "artists": "people", "musicians": "people",
    "writers": "people", "authors": "people", "scientists": "people", "academics": "people",
    "fitters": "people", "welders": "people", "electricians": "people", "plumbers": "people",
    "carpenters": "people", "mechanics": "people", "technicians": "people", "lawyers": "people",
    "carers": "people", "caregivers": "people", "paramedics": "people", "surgeons": "people",
    "physicians": "people", "midwives": "people", "firefighters": "people", "cleaners": "people",
    "cooks": "people", "chefs": "people", "interns": "people", "trainees": "people",
    "apprentices": "people", "graduates": "people", "councillors": "people",
    "suspects": "people", "homeowners": "people", "taxpayers": "people",
    # a measure or a thing of two words, whole ("1,200 square metres", "2,187 polling stations")
    "metres": "m", "meters": "m", "centimetres": "cm", "centimeters": "cm", "millimetres": "mm",
    "millimeters": "mm", "grams": "g", "kilograms": "kg", "knots": "knots", "litres": "litres",
    # a measure's name, as its symbol ("1.2 terawatt hours" is 1.2 TWh)
    "kilowatt hours": "kWh", "megawatt hours": "MWh", "gigawatt hours": "GWh",
    "terawatt hours": "TWh", "kilowatt-hours": "kWh", "megawatt-hours": "MWh",
    "gigawatt-hours": "GWh", "terawatt-hours": "TWh", "kilowatts": "kW", "megawatts": "MW",
    "gigawatts": "GW", "degrees celsius": "°C", "kilometres per hour": "km/h",
    "kilometers per hour": "km/h", "miles per hour": "mph",
    "square metres": "square metres", "square meters": "square metres",
    "cubic metres": "cubic metres", "cubic meters": "cubic metres",
    "polling stations": "polling stations",
    "ministers": "people", "leaders": "people", "representatives": "people", "observers": "people",
    "inspectors": "people", "monitors": "people", "contributors": "people", "sons": "people",
    "daughters": "people", "brothers": "people", "sisters": "people", "husbands": "people",
    "wives": "people", "fathers": "people", "martyrs": "people",
    "carriers": "ships", "freighters": "ships",
    "judges": "people", "jurors": "people", "panellists": "people", "panelists": "people",
    "adjudicators": "people", "senators": "people", "deputies": "people",
}  # fmt: skip
# Words that may stand between a number and a plural and are no adjective of it: "2 million are
# refugees".
NOT_ADJECTIVES = "(?:are|were|became|become|remain|remained|have|had|lived|fled|been|being)"
# One or two words may stand between a count and what it counts: "55 Russian prisoners", "10
# foreign nationals", "eleven possible guarantor states" (never after a year: "in 2014 Russian
# troops" is no count).
FUNCTION_WORDS = (  # never what describes what is counted: "around 60 from shipping analysts"
    "(?:"
    + one_of(
        "and or nor but than the of to from in at on by with for into per as a an we they he she"
        " it is was who whose whom which that where when while this these those its their our"
        " his her within over under after before during until since".split()
    )
    + ")"
)
COUNT_ADJECTIVE = (  # no number ("One hundred forty-one countries", "a mere eight hours")
    rf"(?!(?:{one_of([*NUMBER_WORDS, 'hundred', 'thousand', 'million', 'billion', 'dozen'])})"
    r"(?:-[a-z]+)?\b)"
    # "55 Russian prisoners", "108 Azov fighters", "six EU", "500,000 Russian and Ukrainian"
    r"(?:(?-i:[A-Z][a-z]+(?: and [A-Z][a-z]+)?)|(?-i:[A-Z]{2,})"
    r"|foreign|other|more|new|additional|civilian|local|young|member"
    r"|[a-z]+-[a-z]+|[a-z]{3,}ed"  # "pre-war residents", "760 loaded voyages"
    # "Four port workers"; not a conjunction ("20 and other countries") nor a plural noun
    # ("40 initiatives supporting individuals", "20,000 rockets and missiles")
    rf"|(?-i:(?!{NOT_ADJECTIVES}\b|{FUNCTION_WORDS}\b|[a-z]+(?<!ou)(?<!s)s\b)"
    r"[a-z]{3,}))"
)
# A people named by a plural after a count: "205 Ukrainians" (capitalised: never "3 plans").
DEMONYM_PLURAL = r"(?-i:[A-Z][a-z]+(?:ians|ans|ese|is|inos|ims|ews))"  # "Filipinos", "Muslims"
HEDGES = {  # a hedge before a figure makes it approximate
    "nearly": "upper", "almost": "upper", "barely": "upper", "up to": "upper", "about": None,
    "around": None,
    "roughly": None, "some": None, "approximately": None, "an estimated": None,
    "more than": "lower", "over": "lower", "at least": "lower", "less than": "upper",
    "fewer than": "upper", "under": "upper", "just under": "upper", "as many as": "upper",
    "close to": "upper", "closer to": None, "nearer": None, "upwards of": "lower",
    "well over": "lower",
    "just over": "lower", "perhaps": None, "~": None, "as much as": "upper",
    "as few as": "lower", "no more than": "upper", "not more than": "upper",
    "no fewer than": "lower", "no less than": "lower", "not less than": "lower",
}  # fmt: skip
HEDGE = (  # "handed over 55 prisoners" is no hedge
    r"(?:(?P<hedge>"
    + one_of(hedge for hedge in HEDGES if hedge != "over")  # no other hedge starts with "o"
    + r"|(?<!handed )(?<!hands )(?<!hand )over)(?: |(?<=~)))?"  # "~33 Mt" with no space
)
# A hedge after the number: "300 or so patients" (about 300), "300-odd families" (a few more;
# never " odd": "two odd socks")
HEDGE_AFTER = r"(?:(?P<about> or so)|(?P<odd>-odd)(?!-))?"  # (not "a 50-odd-year-old man")
AGO_AFTER = re.compile(r" ago\b")
PERIOD = "day|week|fortnight|month|year|decade"  # what a date is counted in
TIME_UNIT = re.compile(rf"(?i:(?:{PERIOD}|hour|minute)s?)")
COUNTED_BACK = re.compile(r"\b(?i:past|last|next|coming|previous|first) $")
UNIT_NOUN = one_of(UNIT_NOUNS)
# The symbols of SI and other measures, as a technical text writes them after a number; "m"
# never before a plural, where it is a scale's short form ("1.38m records", "6 m Ukrainians")
MEASURE_SYMBOLS = "|".join(
    re.escape(symbol) if symbol != "m" else r"m(?! (?:[A-Za-z][a-z]+s)\b)"
    for symbol in sorted(
        "mm cm m g kg mg mg/kg kW kWh MWh GWh TWh km/h m/s mph °C °F dB".split(),
        key=len,
        reverse=True,
    )
)
CAP_MONTH = _months("capitalize")
# after a day, a month in capitals too ("7 JULY"; never before one: "WE MAY 5 TIMES HAVE ASKED")
DAYS_MONTH = f"(?:{CAP_MONTH}|{_months('upper')})"
# a day's ordinal ending ("3rd March", "March 3rd, 2024"), never before a name ("the 2nd May Fair",
# "1st June Smith, 2nd Mark Evans")
ORDINAL = r"(?:(?:st|nd|rd|th)(?![ ,](?-i:(?:of )?[A-Z]\w* [A-Z]))(?!\w)|(?!st|nd|rd|th))"
FULL_MONTH = "|".join(name for name in calendar.month_name if name)
# What ends a range whose start leaves out the year: " – 7 Mar 2022", "-March 7, 2022".
RANGE_END = re.compile(  # (and a month's: "between late February and early March 2022")
    rf"\s*(?:[\u2013\u2014-]|and|to|until|till)\s*(?:\d{{1,2}}\s+(?P<m>{MONTH})\s+(?P<y>(?:19|20)\d\d)"
    rf"|(?P<m2>{MONTH})\s+\d{{1,2}},?\s+(?P<y2>(?:19|20)\d\d)"
    rf"|(?:(?:early|late|mid) ?-?)?(?P<m3>{MONTH})\s+(?P<y3>(?:19|20)\d\d))",
    re.I,
)
WEEKDAY = "|".join(calendar.day_name)
# "that" after a verb of saying or thinking opens what is said: "Officials warned that winter
# would bring more deaths", "He said that morning meetings would be cut"
NOT_SAID_THAT = "".join(
    rf"(?<!\b{verb} )"
    for verb in "said says say warned warns argued argues argue noted notes claimed claims added "
    "adds feared fears fear hoped hopes hope believed believes believe thinks think thought "
    "expects expected expect knew knows know reported reports agreed agree".split()
)
UNAMBIGUOUS_MONTH = "|".join(m for m in calendar.month_name if m and m not in ("May", "March"))
# A bare month is a date only after a word that makes it one ("in June", "since May"): never
# "May" the verb, "March" the noun.
MONTH_CUE = "".join(
    rf"(?<=\b{word} )|" for word in ("in", "by", "from", "until", "till", "through", "during",
                                     "before", "after", "of", "as", "for", "In", "By", "From",
                                     "Until")
)[:-1] + "".join(  # the second of two months: "in March and May"
    rf"|(?<=\b{month} and )|(?<=\b{month} or )" for month in calendar.month_name if month
)  # fmt: skip
QUARTERS = {"first": 1, "second": 2, "third": 3, "fourth": 4}
NOT_NOUNS = (  # words in -s that may follow a number and count nothing
    "(?:this|thus|always|perhaps|towards|afterwards|besides|whereas|its|has|was|does|goes|says"
    "|seems|remains|becomes|makes|takes|gives|shows|means|needs|includes|contains|requires"
    "|provides|follows|applies|calls|notes|plus|minus|versus|yes|us|per|is|as|mars"
    "|reflects|represents|suggests|equals|exceeds|amounts|compares|implies|indicates|reaches"
    "|lies|brings|puts|comes)"  # "The fall of 1.6 million reflects returns"
)
NOT_A_REFERENCE = "".join(  # "Article 51 states", "resolution 2231 calls": a number that names
    rf"(?<!{word} )" for word in ("Article", "article", "Resolution", "resolution", "No.",
                                   "paragraph", "section", "Section", "page", "Chapter",
                                   "chapter", "Goal", "goal", "SDG", "Rule", "rule")
)  # fmt: skip
SEASONS = {"winter": 12, "spring": 3, "summer": 6, "autumn": 9, "fall": 9}  # its first month


class Branch(NamedTuple):
    """A figure pattern, kept as its source: it is compiled only as a branch of COMBINED.
    (Compiling each on its own as well cost every process 60 ms at its start.)"""

    pattern: str
    flags: int = 0

    @property
    def groups(self) -> list[str]:
        return GROUP_NAME.findall(self.pattern)


GROUP_NAME = re.compile(r"\(\?P<(\w+)>")


SEASON_CUE = (  # empty groups: which kind of preposition stands before a season alone
    "(?P<nearest>"
    + "|".join(rf"(?<=\b{w} )" for w in ("by", "until", "till", "before", "after", "in",
                                         "during", "through", "throughout", "By", "In"))
    + r")|(?P<since>(?<=\bsince )|(?<=\bSince ))"
)  # fmt: skip

TIME_PREPOSITIONS = "in during by since until through over".split()
PATTERNS: list[tuple[str, Branch]] = [
    # A day counted from a date the paragraph gave: "the next morning", "Four days later".
    ("later", Branch(r"\bthe (?:next|following) (?P<unit>day|morning|evening|night)\b", re.I)),
    # "the same day", "that same week": the paragraph's last full date's day, week, …
    ("later", Branch(r"\b(?:the|that) (?P<same>same) (?P<unit>day|date|week|month|year)\b", re.I)),
    # "A statement that day", "at the border that night", "rose 8% on the day"
    # (never "that" a saying's conjunction: "warned that night shifts should pay more")
    ("later", Branch(  # (but "The air force reported that night that 30 drones …")
        rf"(?:{NOT_SAID_THAT}|(?=that (?:day|night|morning|evening|afternoon),? that\b))"
        r"\b(?P<same>[Tt]hat) (?P<unit>day|night|morning|evening|afternoon)\b")),
    # ("on the day" ending its clause, not "on the day on which …", "can be bought on the day")
    ("later", Branch(
        r"(?<=\b[Oo]n )(?P<same>the) (?P<unit>day)\b(?! (?:of|before|after|on which|when)\b)")),
    # "the previous quarter", "the preceding year": one before the paragraph's last full date.
    ("later", Branch(
        r"(?<!\bof )\bthe (?P<dir>previous|preceding|prior|following) "
        r"(?P<unit>day|week|month|quarter|year)\b",
        re.I)),  # and "the following day": one after it (not "February of the following year")
    # "since then": from the paragraph's last full date to the document's.
    ("since-then", Branch(r"\bsince then\b", re.I)),
    ("later", Branch(
        rf"\b(?P<n>{WORD_NUM}) (?P<unit>day|week|month|year)s? (?P<dir>later|earlier)\b", re.I)),
    # "a year before", "the week before", where nothing follows that it is before ("a year
    # before the invasion" is counted from the invasion: dated_by_events)
    ("later", Branch(
        r"\b(?:a|the) (?P<unit>day|week|month|year) (?P<dir>before)\b(?! ?[\w(])", re.I)),
    # A season: "this winter", "in the spring", "Autumn 2023" (never "the fall of Bakhmut").
    # Alone after a preposition that makes it a time: "by spring", "since summer".
    ("season", Branch(
        rf"\b(?:(?P<which>this|last|next|the|early|late) |{SEASON_CUE})?(?P<season>winter|spring"
        r"|summer|autumn|fall)(?: (?:of )?(?P<y>(?:19|20)\d\d))?\b(?! of\b)", re.I)),
    ("relative-date", Branch(  # ("the past fortnight": two weeks)
        rf"\b(?:(?:within|in|over|during) )?the (?P<dir>past|last|next|coming) "
        rf"(?:(?P<n>{WORD_NUM}) )?(?P<unit>{PERIOD})s?\b"
        r"(?<!decade(?= of\b))",  # ("since the last decade of the twentieth century": no span)
        re.I)),
    ("date", Branch(
        rf"\b(?P<d>\d{{1,2}}){ORDINAL}(?: of)? (?P<m>{MONTH}),? (?P<y>(?:19|20)\d\d)\b", re.I)),
    ("date", Branch(rf"\b(?P<m>{MONTH}) (?P<d>\d{{1,2}}){ORDINAL}, (?P<y>(?:19|20)\d\d)\b", re.I)),
    ("date", Branch(r"\b(?P<y>(?:19|20)\d\d)-(?P<mn>[01]\d)-(?P<d>[0-3]\d)\b")),
    # a form's day first, as Europe and the UN write it ("24/03/2023"); never a month first
    # ("03/24/2023" names no 24th month: no date)
    ("date", Branch(r"(?<![\d/])(?P<d>[0-3]?\d)/(?P<mn>[01]?\d)/(?P<y>(?:19|20)\d\d)\b")),
    # and with dots, as much of Europe writes it, two digits each ("12.03.2024"; never a
    # version's or a section's "1.2.2024")
    ("date", Branch(r"(?<![\d.])(?P<d>[0-3]\d)\.(?P<mn>[01]\d)\.(?P<y>(?:19|20)\d\d)\b(?!\.\d)")),
    ("date", Branch(rf"\b(?P<m>{MONTH}) (?P<y>(?:19|20)\d\d)\b", re.I)),
    # A day and a month, the year left to the context ("17 July", "July 18", "on April 4").
    # "21 September last year": that day of the year counted from the document's
    ("month-of-year", Branch(
        rf"\b(?P<d>[0-3]?\d) (?P<m>{FULL_MONTH}) (?P<which>last|this|next) year\b")),
    ("month-of-year", Branch(
        rf"\b(?P<m>{FULL_MONTH}) (?P<d>[0-3]?\d),? (?P<which>last|this|next) year\b")),
    ("day-month", Branch(
        rf"\b(?P<d>[0-3]?\d){ORDINAL}(?: of)? (?P<m>{DAYS_MONTH})(?![a-z])(?![\w.]? ?\d)")),
    ("day-month", Branch(rf"\b(?P<m>{CAP_MONTH}) (?P<d>[0-3]?\d){ORDINAL}\b(?!,? ?\d|[.:]\d)")),
    ("relative-day", Branch(
        r"\b(?P<word>yesterday|today|tomorrow|tonight|last night|this time last year"
        r"|this (?:morning|afternoon|evening))\b",
        re.I)),
    ("relative-period", Branch(
        # (not "the last quarter of 2024": its fourth)
        r"\b(?P<which>last|this|next) (?P<unit>week|month|quarter(?! of\b)|year)\b", re.I)),
    ("ago", Branch(  # "some 20 months ago": a date, the hedge in it
        rf"\b{HEDGE}(?P<n>{WORD_NUM}) (?P<unit>{PERIOD})s? ago\b",
        re.I)),
    # Two months as one period, the year left to the context: "the May–June wave".
    ("month-range", Branch(
        rf"\b(?P<m>{FULL_MONTH}) ?[\u2013\u2014-] ?(?P<m2>{FULL_MONTH})"
        rf"(?:\b(?![ ,]*\d)| (?P<y>(?:19|20)\d\d)\b)")),
    # "in March last year": that month of the year counted from the document's.
    ("month-of-year", Branch(  # "since February last year": from then on
        rf"\b(?:(?P<since>[Ss]ince) )?(?P<m>{FULL_MONTH}) (?P<which>last|this|next) year\b")),
    ("named-month", Branch(
        r"\b(?P<which>[Ss]ince|[Ll]ast|[Tt]his|[Nn]ext|[Ee]arly|[Ll]ate) "
        rf"(?P<m>{FULL_MONTH})\b(?! \d)")),
    ("named-month", Branch(  # (the month looked for first: 40 cues are slow to try)
        rf"(?=(?:{FULL_MONTH})\b)(?:{MONTH_CUE})(?P<m>{FULL_MONTH})\b(?! \d)")),
    # the first of two months named together: "the May and June wave" (never the verb "may")
    ("named-month", Branch(
        rf"\b(?P<m>{FULL_MONTH})(?= (?:and|or|to|through) (?:{FULL_MONTH})\b)")),
    # A month that dates a count or a poll: "February figures from UNHCR", "October polling".
    ("named-month", Branch(
        rf"\b(?P<m>{FULL_MONTH})(?= (?:figures?|polling|poll|data|estimates?|surveys?|numbers?"
        r"|waves?|rounds?|reports?|updates?|editions?|tally|count|release)\b)")),
    # A month alone, capitalised, that no verb or noun shares its name with (not "May", "March"):
    # "September transits", "(UNHCR, February)", "ended June at $412 million" (never a name's
    # first word: "June Example-Smith", "the October Revolution", "the December revolution";
    # nor a month of every year: "each September", "October, it noted, is the month when")
    ("month-alone", Branch(
        rf"(?<![\w-])(?<!\b[Ee]ach )(?<!\b[Ee]very )(?P<m>{UNAMBIGUOUS_MONTH})\b"
        r"(?![ -]?\d|[ -][A-Z]|['’]s [A-Z]|(?:, [^,.]{1,30},)? (?:is|was) (?:the|a) month"
        r"| revolution| is\b|, \d{1,2}, )")),  # (nor "January is colder", "June, 34, has")
    # "in mid-August", "since mid-August": the month.
    ("named-month", Branch(  # ("by end-March", "early-June")
        rf"\b(?:(?P<which>[Ss]ince) )?(?:mid|end|early|late)-(?P<m>{FULL_MONTH})\b(?! \d)")),
    # A weekday, but not a name's first word ("the Sunday Times"): "on Monday", "Monday's".
    ("weekday", Branch(rf"(?:(?P<next>[Nn]ext) )?(?P<wd>{WEEKDAY})\b(?! [A-Z])")),
    # "by the end of the month": from the document's date to the period's end.
    ("end-of", Branch(r"\b(?i:by) the end of (?:the|this) (?P<unit>week|month|year)\b")),
    # "the end of 2023", "the start of 2022": that year's last or first month.
    ("year-edge", Branch(
        r"\b(?i:the) (?P<edge>end|start|beginning) of (?P<y>(?:19|20)\d\d)\b(?![\d-])")),
    ("year-edge", Branch(r"\b(?P<edge>end|start)-(?P<y>(?:19|20)\d\d)\b(?![\d-])")),  # "end-2023"
    # "in the year to March", "the twelve months ending September 2023": the twelve months that
    # end with that month (its year, where the text gives none, as a month alone's)
    ("year-to", Branch(
        rf"\b(?i:the) (?:year|twelve months|12 months) (?:to|ending|ended) (?P<m>{FULL_MONTH})"
        r"(?: (?P<y>(?:19|20)\d\d))?\b(?! \d)")),
    # A holiday, its year left to the context unless given ("before Christmas", "Christmas Eve
    # 2022", "New Year's Day"), never a name's word ("Christmas Eve Mass", a "Christmas market")
    ("holiday", Branch(
        r"(?:\bChristmas(?: (?P<eve>Eve))?\b(?! [A-Z]| (?:market|tree|card|party|gift|lights)s?\b)"
        r"|\bNew Year['’]s (?P<ny>Day|Eve)\b)(?: (?P<y>(?:19|20)\d\d)\b)?")),  # ("… Eve 2022")
    # "the end of last year", "the start of next month": that period's last or first month.
    ("period-edge", Branch(  # "since the start of the month": from then on
        r"\b(?:(?P<since>[Ss]ince) )?(?i:the) (?P<edge>end|start|beginning) of"
        r" (?P<which>last|this|next|the) (?P<unit>month|year)\b")),
    # "over the weekend", "last weekend": the Saturday and Sunday before the document's date
    ("weekend", Branch(r"\b(?P<which>(?i:this|last|next|the)) weekend\b")),
    # "by the end of that year", "that October": of the year the paragraph last dated.
    ("that-year", Branch(r"\b(?i:the) (?P<edge>end|start|beginning) of that year\b")),
    ("that-year", Branch(rf"\b[Tt]hat (?P<m>{FULL_MONTH})\b(?! \d)")),
    ("that-year", Branch(  # its months
        rf"{NOT_SAID_THAT}\b[Tt]hat (?P<season>winter|spring|summer|autumn)\b")),
    # "that (same) month", "the previous September": the paragraph's last dated month, or the
    # named month before or after it
    ("that-month", Branch(r"\b[Tt]hat (?:very )?month\b")),  # "that same month": "later"
    ("that-month", Branch(
        rf"\b(?i:the) (?P<dir>previous|preceding|following) (?P<m>{FULL_MONTH})\b(?! \d)")),
    # "the first ten months of the year", "the first half of 2023": from January on.
    ("first-months", Branch(
        rf"\b(?i:the) first (?:(?P<n>{WORD_NUM}) months|(?P<half>half)) of "
        r"(?:(?P<which>the|this|last) year|(?P<y>(?:19|20)\d\d))\b")),
    # "the second quarter", its year from the context as a month's.
    ("quarter", Branch(
        r"\b(?:the )?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)[ -]quarter(?![\w-]| of\b)",
        re.I)),
    ("quarter", Branch(
        r"\b(?:the )?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th) quarter of "
        r"(?P<y>(?:19|20)\d\d)\b", re.I)),
    # a quarter or a half written short, as a business writes it: "Q3 2024", "H1 2024", and
    # without its year only after a word that makes it a time ("in Q2": "Q2." numbers a question)
    ("quarter", Branch(r"\b(?:Q(?P<q>[1-4])|H(?P<h>[12]))[ /-]?(?P<y>(?:19|20)\d\d)\b")),
    ("quarter", Branch(  # (never "H2", hydrogen; nor "for Q3 in the appendix", a question)
        "(?:" + "|".join(rf"(?<=\b{word} )" for word in TIME_PREPOSITIONS) + ")"
        r"Q(?P<q>[1-4])\b(?![.:)]| [A-Z(]| (?:team|question|answer|item)s?\b)")),
    # "the second half of the year" ("the first half of …" is its first six months)
    ("quarter", Branch(
        r"\b(?i:the) (?P<h>second) half of "
        r"(?:(?P<y>(?:19|20)\d\d)|the year|(?P<this>this) year)\b")),
    # "$5.6 billion", "EUR 50 million" (the currency's code), "a €50-billion facility"
    ("money", Branch(
        rf"{HEDGE}(?P<cur>[{SIGNS}]|(?-i:{'|'.join(CODES)})(?= ?\d))\s?(?P<n>{NUM})"
        rf"(?:[\s-]?(?P<scale>{SCALE})\b)?", re.I)),
    # A measure in a unit's symbol: "11.5 m", "200 g", "96 mg/kg", "180°C", "80 km/h" (never "2.1 m
    # tonnes": a scale's short form)
    ("measure", Branch(
        rf"(?<![\w.{SIGNS}-]){HEDGE}(?P<n>{NUM}) ?(?-i:(?P<symbol>{MEASURE_SYMBOLS}))"
        rf"(?![\w/²³])(?! (?:{UNIT_NOUN})\b)", re.I)),
    # A count of something named: "45 countries", "nearly 1,000 km", "more than a million
    # people", "120-day".
    # ("2.1m tonnes": a scale's short form; never "a EUR 50bn facility": a sum's code)
    ("count", Branch(
        rf"(?<![\w.{SIGNS}-]){HEDGE}(?P<n>{NUM}|{WORD_NUM}|half a(?= [mb]illion))"
        rf"(?: (?P<scale>{COUNT_SCALE})|(?<=\d)(?P<short>m|bn)(?= )|(?<=\d\d\d)(?P<plus>\+))?"
        rf"{HEDGE_AFTER}"
        # (a measure's short form may be written on: "300km", "6GW", "15bcm")
        r"(?: |-|(?<=\d)(?=(?-i:km|km²|km2|GW|MW|bcm)(?!\w)))"
        rf"(?!(?-i:{'|'.join(CODES)}) ?\d)"
        rf"(?P<unit>{UNIT_NOUN}|day|hour|year|week|month|kilometre|kilometer|mile|tonne"
        # "a ten-point fall" (never "at one point")
        r"|(?<=-)point(?= (?:fall|drop|rise|gain|lead|swing|decline|increase|jump|slide|gap)\b))\b",
        re.I)),
    # A count in words of a part of something counted: "nine of the brigades", "Five of the
    # commanders" (never "one of the reasons")
    ("count", Branch(
        rf"(?<![\w.{SIGNS}-])(?!\d|(?i:one|a)\b)(?P<n>{WORD_NUM}) of "
        r"(?:the|these|those|its|their|our) (?-i:[a-z-]+ )?"
        rf"(?P<unit>(?-i:{PLURAL}))\b", re.I)),
    # "2.1 Mt", and a fixture's "30,000 t wheat" (never "500 t-shirts")
    ("tonnes", Branch(
        rf"(?<![\w.{SIGNS}-]){HEDGE}(?P<n>{NUM}) ?(?-i:(?P<mega>M)?t)\b(?![-'’])", re.I)),
    ("percent", Branch(
        rf"(?<![\w.]){HEDGE}(?P<n>{NUM}|(?=[A-Za-z-]+ per ?cent\b)(?:{PERCENT_WORDS}))"
        r"\s?(?:%|percent\b|per cent\b|pc\b)", re.I)),  # ("55pc", as British papers write it)
    # "risen threefold", "a 10-fold increase": so many times (not "twofold": "in two parts")
    ("fold", Branch(
        rf"(?<![\w.{SIGNS}-]){HEDGE}(?P<n>{FOLDS}|\d+)-?fold\b", re.I)),
    # "twice", "at least once" (never "once again" without a hedge): so many times
    ("fold", Branch(rf"(?<![\w.{SIGNS}-]){HEDGE}(?P<n>twice|thrice|(?(hedge)once|(?!)))\b", re.I)),
    # A share in words: "about a fifth of", "two-thirds of", "half of", "one in five".
    ("share", Branch(
        rf"(?<![\w.{SIGNS}-])(?<!first )(?<!second )(?<!the ){HEDGE}"
        rf"(?:(?P<k>a|one|two|three|four)[ -](?P<part>{FRACTION})s?|(?P<half>half))"
        # "of" after it, or a hedge before it and nothing after: "put it at 'roughly a quarter'"
        r"(?= of\b|(?(hedge)(?:[\"”’'.,;:)]| (?:are|were|is|was|have|had|say|said)\b)|(?!)))",
        re.I)),
    ("share", Branch(
        rf"(?<![\w.{SIGNS}-]){HEDGE}(?P<k>one|a|1|two|three|four|five|six|seven|eight|nine) in "
        rf"(?!(?:19|20)\d\d\b)(?P<den>{WORD_NUM})\b(?!-)", re.I)),
    # "about one voyage in five": what is counted between
    ("share", Branch(
        rf"(?<![\w.{SIGNS}-]){HEDGE}(?P<k>one|1) (?-i:[a-z]+) in (?!a\b|one\b|(?:19|20)\d\d\b)"
        rf"(?P<den>{WORD_NUM})\b(?! of\b)", re.I)),
    ("count", Branch(
        rf"(?<![\w.{SIGNS}]){HEDGE}(?!(?:19|20)\d\d\b)(?P<n>{NUM}|{WORD_NUM})"
        # (never a sum's code: "a further EUR 500 million" is money)
        rf"(?: (?P<scale>{COUNT_SCALE}))? (?:(?:{COUNT_ADJECTIVE} ){{1,2}}"
        rf"(?!(?-i:{'|'.join(CODES)}) ?\d)(?P<unit>{UNIT_NOUN})"
        rf"|(?P<demonym>{DEMONYM_PLURAL}))\b", re.I)),
    # A count of anything else a text counts in digits: "24 places", "2,400 homes" (the noun
    # as the unit; never a verb, an adverb or an adjective in "-ous", never after "Article").
    ("count", Branch(
        rf"(?<![\w.{SIGNS}-]){NOT_A_REFERENCE}{HEDGE}(?!(?:19|20)\d\d\b)(?P<n>{NUM})"
        # (a scale's short form: "1.38m records", never "400m hurdles", which are metres)
        rf"(?: (?P<scale>{COUNT_SCALE})|(?P<short>(?<=\.\d)m|(?<=\.\d\d)m|(?<=\d)bn))?"
        rf"{HEDGE_AFTER} (?:{COUNT_ADJECTIVE} ){{0,2}}"
        rf"(?-i:(?!{NOT_NOUNS}\b)(?P<unit>{PLURAL}))\b(?![’'-])", re.I)),
    # A count in words of anything else ("their five demands", "two mediation posts", "eleven
    # individual cases"), but not what the text has named before ("the two candidates"), nor a
    # dispute's parties ("two sides of the same coin", "two teams").
    ("count", Branch(
        rf"(?<![\w.{SIGNS}-])(?<!\bthe )(?<!\bThe ){HEDGE}(?P<n>{COUNTING_WORD})"
        rf" (?:{COUNT_ADJECTIVE} ){{0,2}}"
        rf"(?-i:(?!{NOT_NOUNS}\b|sides\b|teams\b)(?P<unit>{PLURAL}))\b(?![’'-])",
        re.I)),
    # A count in thousands, millions or billions of nothing named after it ("43 million."): only
    # after the patterns above, so that "620 million doses" counts doses.
    ("count", Branch(
        # "close to a million": "a" only after a hedge ("a million reasons" counts reasons)
        rf"(?<![\w.{SIGNS}]){HEDGE}(?P<n>{NUM}|(?(hedge)a(?= [mb]illion)|(?!))) "
        rf"(?P<scale>{COUNT_SCALE})\b", re.I)),
    ("count", Branch(
        rf"\b(?P<vague>{VAGUE_WORDS}) of (?P<of>thousands|millions)\b"
        # "of Turkish nationals", "of our citizens", "of internally displaced persons"
        rf"(?: of (?:(?:our|my|their|the) )?(?:[A-Za-z-]+ ){{0,2}}?(?P<unit>{UNIT_NOUN})\b)?",
        re.I)),
    ("count", Branch(
        rf"(?<![\w.{SIGNS}]){HEDGE}(?P<n>\d{{1,3}}(?:,\d{{3}})+)(?![\d%])", re.I)),
    ("year", Branch(rf"(?<![\w{SIGNS}.-])(?P<y>(?:19|20)\d\d)(?![\w%-])")),
    ("year", Branch(r"\b(?:mid|early|late)-(?P<y>(?:19|20)\d\d)(?![\w%-])")),  # "by mid-2024"
    # a span of years joined by a hyphen: "in 2019-2023", "the 2019-23 plan" (from its first year
    # to the end of its last)
    ("year", Branch(r"(?<![\w.-])(?P<y>(?:19|20)\d\d)(?=-(?P<y2>(?:19|20)?\d\d)(?![\w%-]))")),
    # a decade: "in the 1990s" (its ten years)
    ("year", Branch(r"(?<![\w.-])(?P<y>(?:19|20)\d)(?P<decade>0)s\b")),
    # A division's counts in a parliament's record: "Ayes 241, Noes 198"
    ("tally", Branch(
        r"(?:(?<=\bAyes )|(?<=\bNoes )|(?<=\bYeas )|(?<=\bNays )|(?<=\bAyes: )|(?<=\bNoes: ))"
        r"(?P<n>\d{1,4})\b")),
    # A number alone ("11 against", "among the 55"): a figure only when a count near it says
    # what it counts (`_unit_from_neighbours`).
    # (never a reference in brackets: "[38]", "[4]-[6]")
    ("bare", Branch(rf"(?<![\w{SIGNS}.,\n\[-]){HEDGE}(?P<n>\d{{1,3}})(?![\w%\]-]|[.,]\d)", re.I)),
    # A tally's count in words ("Eleven voted against"): a figure as a bare number is
    ("bare", Branch(rf"\b(?P<n>{WORD_NUM})(?= (?:voted|abstained)\b)", re.I)),
    # "about 30 exchanges since March, four of them this month": of the count before
    ("bare", Branch(rf"(?<!\bthe )\b(?P<n>{COUNTING_WORD})(?= of (?:them|those)\b)", re.I)),
    # "eleven of our 38 ships": a part of the count after it, a figure only where that count
    # says what it counts (`OF_A_COUNT`)
    ("part", Branch(
        rf"(?<!\bthe )\b(?P<n>{COUNTING_WORD})"
        rf"(?= (?:out )?of {WHOSE_WHOLE}(?:\d|(?:{WORD_NUM})\b))", re.I)),
    # A number alone in a table's cell ("| 17.1 |", "Germany    17.1    Kiel Institute"): a
    # figure when its column's header says what it counts ("Pledged (EUR bn)": `_column_unit`)
    ("cell", Branch(rf"{CELL_OPENS}(?P<n>{NUM})(?={CELL_ENDS})")),
]  # fmt: skip
CURRENCIES = {"$": "USD", "€": "EUR", "£": "GBP", "₴": "UAH", "₽": "RUB"} | {
    code: code for code in CODES
}
STATISTIC_KINDS = ("percent", "count", "money")
"""The kinds of figure a statistic is made of (the others are dates)."""
# A time counted to or from something dates it ("Four days later", "two years before the war").
LATER = re.compile(r"(?i:days?|weeks?|months?|years?|hours?) (?:later|earlier|before|after)\b")


@dataclass(frozen=True)
class Figure:
    start: int
    end: int
    text: str
    kind: str
    value: float | None = None
    unit: str | None = None
    approximate: bool = False
    bound: str | None = None
    """"lower" ("more than 90 ships", "hundreds of thousands") or "upper" ("nearly 1,000 km")."""
    date: str | None = None
    until: str | None = None
    resolved_by: str | None = None
    """How a date the text does not give in full was resolved, for the curator to check."""


def _combined(patterns: list[tuple[str, Branch]], only: set[int] | None = None) -> re.Pattern[str]:
    """All patterns (or those whose index is in ``only``) as one alternation, scanned once:
    group ``k<i>`` says which one matched.

    Every figure starts where a word does, or at a currency sign ("US$5"): the scan checks that
    first, so that the branches are tried at a word's start only (three times faster)."""
    branches = []
    for index, (_, pattern) in enumerate(patterns):
        if only is not None and index not in only:
            continue
        inner = pattern.pattern.replace("(?P<", f"(?P<g{index}_").replace("(?(", f"(?(g{index}_")
        flags = "(?i:" if pattern.flags & re.IGNORECASE else "(?:"
        branches.append(f"(?P<k{index}>{flags}{inner}))")
    return re.compile(rf"(?:(?<!\w)|(?=[{SIGNS}]))(?:" + "|".join(branches) + ")")


COMBINED = _combined(PATTERNS)
# Those that can open with the word "a" ("a year ago", "a third of", "a few days"): the ones
# built on a number in words, the shares, and "a year before". "a" opens a figure once in fifty
# tries; trying only these there costs less than half of trying them all.
OPENED_BY_A = _combined(
    PATTERNS,
    {
        i
        for i, (kind, p) in enumerate(PATTERNS)
        if WORD_NUM in p.pattern or kind == "share" or p.pattern.startswith(r"\b(?:a|the) ")
    },
)
GROUPS = [  # per pattern: its group names, and their names in COMBINED
    [(name, f"g{index}_{name}") for name in pattern.groups]
    for index, (_, pattern) in enumerate(PATTERNS)
]


def find_figures(
    text: str, spans: list[tuple[int, int]], today: date | None, month_only: bool = False
) -> list[Figure]:
    """Figures inside the given spans (the paragraphs), in text order; ``today``: the document's
    date, its month's first day where it gives only its month (``month_only``).

    Where two patterns could match, the one that starts first wins, then the one listed first
    ("16 November 2023" is a date, not a year; "$5.6 billion" is money, not a count).
    """
    if not spans:
        return []
    # the last day the document may be of: a day without its year is none after it ("14 August"
    # in a bulletin of August 2023 is of 2023)
    latest = _month_end(today.year, today.month) if today and month_only else today
    written, text = text, unwrapped(text)  # "about 33\nmillion tonnes": one figure
    inside = SpanIndex(spans)
    found: list[Figure] = []
    anchors: dict[tuple[int, int], tuple[date, str]] = {}  # the last full date of a paragraph
    years_only: set[tuple[int, int]] = set()  # the paragraphs whose last full date is a year
    months: dict[tuple[int, int], tuple[date, str]] = {}  # and its last date of a known month
    last_given: tuple[date, str] | None = None  # the text's last date of a known month
    counted: defaultdict[tuple[int, int], list[Figure]] = defaultdict(list)  # counts with a unit
    scaled: list[Figure] = []  # those in millions or billions, in the whole text
    every_count: list[Figure] = []  # counts with a unit, in the whole text
    first, last = min(a for a, _ in spans), max(b for _, b in spans)
    for match in _candidates(text, first, last):
        held = inside.holding(match.start())
        if held is None or match.end() > held[1]:
            continue
        index = int((match.lastgroup or "k0")[1:])
        groups = {name: match.group(combined) for name, combined in GROUPS[index]}
        figure = _figure(PATTERNS[index][0], match, groups, today)
        if figure is None:
            continue
        # (Christmas too: a day the text names, not dates, as a month alone is)
        alone = PATTERNS[index][0] in ("month-alone", "holiday")
        if alone and not _alone_a_date(text, figure):
            continue
        if PATTERNS[index][0] == "weekday" and today and not groups.get("next"):
            if _its_clause_looks_ahead(text, figure):
                figure = _weekday_ahead(figure, groups["wd"], today)  # "… before Friday?"
        given = _given(figure)
        if given is not None and not SINCE_BEFORE.search(
            text, max(0, figure.start - 6), figure.start
        ):
            anchors[held] = (given, figure.text)  # "March 29" after "in 2022" is 2022
            if len(figure.date or "") > 4:  # (a year alone may be a name's: "the 1982 Convention")
                last_given = anchors[held]
            if len(figure.date or "") == 4:
                years_only.add(held)
            else:
                years_only.discard(held)
        if figure.kind == "later" and THAT_DAY.fullmatch(figure.text):  # only after a day
            anchor = anchors.get(held)  # ("as I did that day" after "in June 2021": no day)
            if anchor is None or not A_DAY_GIVEN.search(anchor[1]):
                continue
            if figure.text == "the day" and MODAL.search(  # ("can be bought on the day")
                text, _clause_start(text, figure.start), figure.start
            ):
                continue
        if figure.kind == "later":
            year_only = held in years_only
            figure = _later(
                figure, anchors.get(held), months.get(held), year_only, text, held, today
            )
        if figure.kind == "that-year":  # ("that spring" points back past its paragraph)
            figure = _in_that_year(figure, anchors.get(held), last_given)
        if figure.kind == "that-month":
            figure = _month_of(figure, months.get(held))
        if figure.kind == "since-then":  # dated from the paragraph, else no figure at all
            if held not in anchors or today is None:
                continue
            figure = _since_anchor(figure, anchors[held], today)
        if figure.kind == "cell":
            figure = _column_unit(figure, text)
            if figure is None:
                continue
        if figure.kind == "part":  # what the whole counts, or no figure ("Four of the five")
            whole = OF_A_COUNT.match(text, figure.end)
            if whole is None:
                continue
            figure = _counting(figure, whole.group("unit"))
        if figure.kind in ("count", "bare") and not figure.unit:
            # "| 57,000 |" under "Amount (USD)": its column's, as a cell's bare number is
            cell = ALONE_IN_CELL.match(text, figure.start)
            in_cell = cell is not None and cell.end() == figure.end
            figure = (in_cell and _column_unit(figure, text)) or _unit_in_context(figure, text)
            if not figure.unit and _changed_from_a_share(figure, found, text):
                figure = replace(figure, kind="percent", unit="percent")  # "48%, down from 57"
            if not figure.unit:
                near = _unit_from_neighbours(figure, counted[held], text, scaled, every_count)
                if near is None and not WHO_THINK.match(text, figure.end):
                    continue
                figure = near or replace(figure, kind="count", unit="people")
        if figure.unit and figure.kind == "count":
            counted[held].append(figure)
            every_count.append(figure)
            if _scaled(figure):
                scaled.append(figure)
            if figure.unit in CURRENCIES.values():  # "5 million dollars", and "3 million" after
                figure = replace(figure, kind="money")  # it: sums, as "$5 million" is
        figure = _in_context(figure, anchors.get(held), today, text, alone, latest)
        if PATTERNS[index][0] == "year-to" and figure.date:
            figure = _year_to(figure)
        dated = figure.date if figure.kind in ("date", "relative-date") else None
        if dated and dated[:4].isdigit() and len(dated) >= 7:  # "in February": "that month"
            months[held] = (date(int(dated[:4]), int(dated[5:7]), 1), figure.text)
        dated_day = figure.kind == "date" or PATTERNS[index][0] == "weekday"
        if dated_day and figure.date and len(figure.date) == 10 and given is None:
            # "September 21", "on Tuesday": what "a week earlier" counts from
            anchors[held] = (date.fromisoformat(figure.date), figure.text)
            years_only.discard(held)
        found.append(figure)
    found = _weekdays_of_their_dates(text, found)
    return [  # each as written, its line break kept
        replace(f, text=written[f.start : f.end]) if "\n" in written[f.start : f.end] else f
        for f in found
    ]


def _year_to(figure: Figure) -> Figure:
    """The twelve months that end with the month ``figure`` is dated to ("the year to March"
    in a text of December 2023: April 2022 to March 2023)."""
    dated = figure.date or ""
    year, month = int(dated[:4]), int(dated[5:7])
    first_year, first_month = (year, 1) if month == 12 else (year - 1, month + 1)
    return replace(
        figure,
        date=f"{first_year}-{first_month:02d}",
        until=_month_end(year, month).isoformat(),
    )


def _weekdays_of_their_dates(text: str, found: list[Figure]) -> list[Figure]:
    """A weekday before the date it names is that date's day ("Thursday, 1 February 2024"),
    not the nearest such weekday to the document's date."""
    dated = list(found)
    for index, (weekday, after) in enumerate(zip(found, found[1:], strict=False)):
        if (
            A_WEEKDAY.fullmatch(weekday.text)
            and after.kind == "date"
            and len(after.date or "") == 10
            and WEEKDAY_GAP.fullmatch(text, weekday.end, after.start)
        ):
            why = f"the day of {after.text}, after it"
            dated[index] = replace(weekday, date=after.date, resolved_by=why)
    return dated


A_WEEKDAY = re.compile(rf"(?:{WEEKDAY})", re.I)
WEEKDAY_GAP = re.compile(r",? ")


# The words a figure's match can start with (besides a digit or a currency sign): the scan
# tries the patterns only where one of them starts a word.
YEARS = {str(year) for year in range(1900, 2100)}
NOT_HEDGES = (
    set(MONTHS) | {day.lower() for day in calendar.day_name} | set(NUMBER_WORDS) | set(SEASONS)
    | set(VAGUE) | set(QUARTERS) | {f"{n}fold" for n in FOLDS.split("|")}
    | {"the", "within", "in", "over", "during", "this", "last", "next", "early", "late", "since",
       "yesterday", "today", "tomorrow", "tonight", "by", "half", "twice", "thrice", "that",
       "mid", "christmas", "end", "start", "new", "q", "h"}
    | {code.lower() for code in CODES}
)  # fmt: skip
FIRST_WORDS = NOT_HEDGES | {hedge.split()[0] for hedge in HEDGES}
# Common first words that start a figure only before one of a few words ("the past 20 months",
# "in the coming year", "as many as", "at least"): elsewhere ("the war", "in Kyiv") no pattern
# is tried.
ONLY_BEFORE = {
    "the": {"next", "following", "past", "last", "coming", "1st", "2nd", "3rd", "4th", "previous",
            "preceding", "prior", "end", "start", "beginning", "same", "weekend", "day", "week",
            "month", "year", "twelve", "12"}
    | set(SEASONS) | set(QUARTERS),
    "that": {"same", "very", "month", "day", "night", "morning", "evening", "afternoon"}
    | {month.lower() for month in calendar.month_name if month}
    | set(SEASONS) - {"fall"},
    "in": {"the"}, "within": {"the"}, "during": {"the"}, "by": {"the"},
    "end": YEARS | FULL_MONTHS, "start": YEARS,  # "end-2023", "end-March"
    "new": {"year"},  # "New Year's Day"
} | {quarter: {"quarter"} for quarter in QUARTERS}  # fmt: skip
# A hedge's first word that starts nothing else starts a figure only before the hedge's next
# word: "more" before "than", "up" before "to", "no" before "more", "fewer" or "less".
ONLY_BEFORE |= {
    first: {hedge.split()[1] for hedge in HEDGES if hedge.startswith(f"{first} ")}
    for first in {hedge.split()[0] for hedge in HEDGES if " " in hedge}
    if first not in NOT_HEDGES | set(HEDGES)
}
WORD_START = re.compile(rf"[A-Za-z]+|\d+|[{SIGNS}~]")
NEXT_WORD = re.compile(r"[ -]([A-Za-z0-9]+)")  # ("fourth-quarter EBITDA")


def _candidates(text: str, first: int, last: int) -> Iterator[re.Match[str]]:
    """The matches of all patterns, tried only where a digit, a currency sign or one of the
    words a figure starts with begins (the commonest of them only before the words that can
    follow them): eight times faster than trying every word, and the same matches in the same
    order."""
    free = first  # where the last match ended: matches never overlap
    for word in WORD_START.finditer(text, first, last):
        at, lower = word.start(), word.group().lower()
        if at < free or (lower[0].isalpha() and lower not in FIRST_WORDS):
            continue
        if lower in ONLY_BEFORE:
            after = NEXT_WORD.match(text, word.end(), last)
            if after is None or after.group(1).lower() not in ONLY_BEFORE[lower]:
                continue
            if lower != "the" and after.group(1).lower() == "the":  # "in the …": as "the …"
                then = NEXT_WORD.match(text, after.end(), last)
                if then is None or then.group(1).lower() not in ONLY_BEFORE["the"]:
                    continue
        match = (OPENED_BY_A if lower == "a" else COMBINED).match(text, at, last)
        if match:
            free = match.end()
            yield match


MODAL = re.compile(r"\b(?:can|could|may|might|must|should|will|would)\b")
THAT_DAY = re.compile(r"[Tt]hat (?:day|night|morning|evening|afternoon)|the day")
BACK_IN_TIME = ("earlier", "previous", "preceding", "prior", "before")
"""What counts a "later" figure back: "a year earlier", "the previous year", "the week before"."""
YEARS_AGO = re.compile(r"\byears? ago\b", re.I)
LAST_YEAR = re.compile(r"\b[Ll]ast year\b")
# A figure compared with one a while before, where nothing else dates it: "up from 1,300 a year
# earlier", "against 24 the week before", "in October than a year before". Not a past event
# ("when the cyclone hit us six months earlier": six months before the outbreak told of).
COMPARED_WITH = re.compile(  # the word right before the date, or before the figure compared
    # ("from $31 a week earlier", "up from about 1,300 names a year earlier"); never "from" far
    # before it ("Refugees from Mariupol who arrived a week earlier told …")
    r"\b(?:(?:from|against|compared (?:with|to)|versus|vs\.?)"
    r"(?: (?:[a-z]+ ){0,2}[$€£]?\d[\d,.]*(?:%|(?: [\w-]+){0,6})?| the same \w+)?"
    r"|than(?: in)?(?: the same \w+)?) $",
    re.I,
)
# Before a date that starts a span to the present ("asked the same question since May 2022"):
# no year for the dates after it ("its wave of 25 May – 5 June" is the latest, not May 2022's)
SINCE_BEFORE = re.compile(r"\b[Ss]ince $")
A_DAY_GIVEN = re.compile(r"(?<![\d-])\d{1,2}(?![\d-])|\d{4}-\d\d-\d\d")  # "17 July", "2023-07-17"


# A date counted from an event the text names: "since the full-scale invasion", "a week after
# the annexation of Crimea" (the event's mention follows the cue).
FROM_EVENT = re.compile(
    rf"(?:\b(?P<since>since)|\b(?P<n>{WORD_NUM}) (?P<unit>day|week|month|year)s? "
    r"(?P<dir>after|before)) (?:the |its |that )?$",
    re.I,
)


def dated_by_events(
    text: str,
    figures: list[Figure],
    events: list[tuple[int, int, date]],
    today: date | None,
    endings: Sequence[tuple[int, int, date]] = (),
) -> list[Figure]:
    """``figures`` with the dates the text counts from an event it names, given the span of each
    event's mention and the day it began; a count inside such a date ("a week" in "a week after
    the invasion") is part of it, not a figure of its own."""
    counted = _from_ends(text, endings, today)
    ended = {(start, end) for start, end, _ in endings}
    for start, end, began in events:
        cue = FROM_EVENT.search(text, max(0, start - 40), start)
        if cue is None or ((start, end) in ended and ENDED.match(text, end)):
            continue  # counted from its end instead
        said = text[cue.start() : end]
        why = f"counted from the day {text[start:end]} began, {began.isoformat()}"
        if cue.group("since"):
            until = today.isoformat() if today and today > began else None
            counted.append(Figure(cue.start(), end, said, "relative-date", date=began.isoformat(),
                                  until=until, resolved_by=why))  # fmt: skip
            continue
        raw, unit = cue.group("n").lower(), cue.group("unit").lower()
        n = _whole(raw)
        day = _shift(began, n if cue.group("dir").lower() == "after" else -n, unit)
        counted.append(Figure(cue.start(), end, said, "relative-date", date=day.isoformat(),
                              resolved_by=why))  # fmt: skip
    inside = SpanIndex([(f.start, f.end) for f in counted])
    kept = [_in_the_year_of(f, text, events) for f in figures if inside.holding(f.start) is None]
    return sorted(kept + counted, key=lambda figure: figure.start)


A_YEAR = re.compile(r"\b(?:19|20)\d\d\b")  # a year anywhere in a text
BEGAN = re.compile(r"^[^.;!?]*\b(?:began|begun|started|launched|opened)\b[^.;!?]*$")


# What says an event's end follows its mention: "the deal ended", "the deal's collapse".
ENDED = re.compile(
    r"(?:['’]s (?:collapse|end|expiry|lapse|suspension)\b"
    r"| (?:had )?(?:ended|collapsed|expired|lapsed|was suspended)\b)"
)
# And before it, how the date is counted from that end: "since", "the (first) week after".
AFTER_END = re.compile(
    rf"(?:\b(?P<since>since)|\b(?:the |its )?(?:first )?(?:(?P<n>{WORD_NUM}) )?"
    r"(?P<unit>day|week|month)s? after) (?:the |its |that )?$",
    re.I,
)


def _from_ends(
    text: str, endings: Sequence[tuple[int, int, date]], today: date | None
) -> list[Figure]:
    """Dates counted from the day an event ended: "since the deal collapsed" (to the document's
    date), "the first week after the deal ended" (the seven days after it)."""
    counted = []
    for start, end, ended in endings:
        after = ENDED.match(text, end)
        cue = AFTER_END.search(text, max(0, start - 40), start) if after else None
        if after is None or cue is None:
            continue
        why = f"counted from the day {text[start:end]} ended, {ended.isoformat()}"
        said = Figure(cue.start(), after.end(), text[cue.start() : after.end()], "relative-date")
        if cue.group("since"):
            until = today.isoformat() if today and today > ended else None
            counted.append(replace(said, date=ended.isoformat(), until=until, resolved_by=why))
            continue
        n = _whole(cue.group("n").lower()) if cue.group("n") else 1
        first = date.fromordinal(ended.toordinal() + 1).isoformat()
        last = _shift(ended, n, cue.group("unit").lower()).isoformat()
        counted.append(replace(said, date=first, until=last, resolved_by=why))
    return counted


def _in_the_year_of(figure: Figure, text: str, events: list[tuple[int, int, date]]) -> Figure:
    """A date without its year beside an event that began in its month ("the counteroffensive
    that started in June"): that event's year, whatever the rest of the paragraph suggests."""
    if (
        figure.kind not in ("date", "relative-date")
        or not figure.date
        or not figure.date[:4].isdigit()
        or figure.until
        or A_YEAR.search(figure.text)
        or not any(word.lower().rstrip(".") in MONTHS for word in figure.text.split())
    ):
        return figure
    month = int(figure.date[5:7]) if len(figure.date) >= 7 else 0
    for start, end, began in events:
        between = text[end : figure.start] if end <= figure.start else text[figure.end : start]
        if began.month == month and len(between) <= 40 and BEGAN.search(between):
            if int(figure.date[:4]) == began.year:
                return figure
            return replace(
                figure,
                date=f"{began.year}{figure.date[4:]}",
                resolved_by=f"the year {text[start:end]} began in that month, {began.isoformat()}",
            )
    return figure


def _later(
    figure: Figure,
    full: tuple[date, str] | None,
    month: tuple[date, str] | None,
    year_only: bool,
    text: str,
    paragraph: tuple[int, int],
    today: date | None,
) -> Figure:
    """ "Four days later", "a year earlier", "that same month": counted from the paragraph's
    last full date (``full``; a year alone where ``year_only``) or, for a month or a year, from
    its last date of a known month (``month``, where no full date stands before a count); a
    figure compared with one a while before, where the paragraph gave no date, from the
    document's date."""
    by_month = (
        figure.unit in ("month", "year") and month is not None and (not figure.value or not full)
    )
    anchor = month if by_month else full
    # a span counted ("a year earlier"), not a unit of the calendar ("the previous year", "the
    # same year", "the year before")
    a_span = bool(figure.value) and not figure.text.lower().startswith("the ")
    if year_only and not by_month and figure.unit in ("day", "week", "month"):
        anchor = None  # "in 2019. The week before": no day to count from
    # a month the text gives, not one a count of years from the document's date has ("Three
    # years ago … One year later": a year)
    its_month = a_span and anchor is not None and not YEARS_AGO.search(anchor[1])
    its_month = its_month and (by_month or not year_only)
    later = _after_anchor(figure, anchor, its_month)
    if its_month and today and (later.date or "")[:7] > today.isoformat()[:7]:
        later = _after_anchor(figure, anchor)  # ("Seventy-five years later": 2022)
    if (
        anchor is None
        and (figure.value or 0) < 0
        and today is not None
        and COMPARED_WITH.search(text, max(paragraph[0], figure.start - 50), figure.start)
    ):
        if said := LAST_YEAR.search(text, _sentence_start(text, figure.start), figure.start):
            # "Last year we reached 38,400 people, up from 22,100 the year before"
            last = (date(today.year - 1, 1, 1), said.group())
            later = _after_anchor(
                figure, last, why=f"counted from '{said.group()}', in its sentence"
            )
        elif a_span:  # "up from 1,300 a year earlier" ("the year before" alone: of what year?)
            why = f"counted back from the document's date, {today.isoformat()}: its paragraph gave"
            later = _after_anchor(figure, (today, ""), True, f"{why} no date before it")
    # (never after the document's date: "Today, two years later" counts from no month)
    if by_month and figure.value and today and (later.date or "") > today.isoformat():
        later = _after_anchor(figure, None)
    return later


def _after_anchor(
    figure: Figure, anchor: tuple[date, str] | None, its_month: bool = False, why: str = ""
) -> Figure:
    """ "Four days later", "the next morning": counted from the last full date of the
    paragraph (or as ``why`` says); without one, a relative date for the curator to date.
    ``its_month``: the anchor gives a month, which a count of years keeps ("a year earlier" than
    17 July 2023: July 2022)."""
    if anchor is None:
        return replace(figure, kind="relative-date", value=None, unit=None)
    day, said = anchor
    shifted = _shift(day, int(figure.value or 0), figure.unit or "day")
    width = {"year": 7 if its_month else 4, "month": 7}.get(figure.unit or "day", 10)
    if not figure.value and not A_DAY_GIVEN.search(said):
        width = min(width, 7)  # "at the same date" after "in December 2023": that month
    return replace(
        figure,
        kind="relative-date",
        value=None,
        unit=None,
        date=shifted.isoformat()[:width],
        resolved_by=why or f"counted from {said}, earlier in its paragraph",
    )


def _in_that_year(
    figure: Figure, anchor: tuple[date, str] | None, before: tuple[date, str] | None
) -> Figure:
    """ "that October", "the end of that year", "that winter": in the year of the paragraph's
    last full date, else of the text's last date of a known month before it (``before``; "that
    spring" after a heading "Exchange of 21 September 2022"); without one, a relative date for
    the curator to date."""
    where = "its paragraph" if anchor else "the text"
    anchor = anchor or before
    if anchor is None:
        return replace(figure, kind="relative-date", value=None, unit=None)
    day, said = anchor
    month = int(figure.value or 1)
    until = None
    year = day.year
    if figure.unit == "season":  # "that winter": December to February
        if month == 12 and day.month <= 2:  # "In January 2022 … That winter": 2021–22's
            year -= 1
        last = _shift(date(year, month, 1), 2, "month")
        until = _month_end(last.year, last.month).isoformat()
    return replace(
        figure,
        kind="relative-date",
        value=None,
        unit=None,
        date=f"{year}-{month:02d}",
        until=until,
        resolved_by=f"in the year of {said}, earlier in {where}",
    )


def _month_of(figure: Figure, anchor: tuple[date, str] | None) -> Figure:
    """ "that month": the month of the paragraph's last date of a known month; "the previous
    September", "the following March": that month before or after it."""
    if anchor is None:
        return replace(figure, kind="relative-date", value=None, unit=None)
    day, said = anchor
    month, year = day.month, day.year
    if figure.value:  # a named month, before ("previous") or after the anchor's
        month = int(figure.value)
        if figure.unit == "before":
            year -= month >= day.month
        else:
            year += month <= day.month
    return replace(
        figure,
        kind="relative-date",
        value=None,
        unit=None,
        date=f"{year}-{month:02d}",
        resolved_by=f"the month of {said}, earlier in its paragraph"
        if not figure.value
        else f"counted from {said}, earlier in its paragraph",
    )


def _since_anchor(figure: Figure, anchor: tuple[date, str], today: date) -> Figure:
    """ "since then": from the last full date of the paragraph to the document's date."""
    day, said = anchor
    return replace(
        figure,
        kind="relative-date",
        date=day.isoformat(),
        until=today.isoformat(),
        resolved_by=f"from {said}, earlier in its paragraph, to the document's date",
    )


def _season(bare: Figure, groups: dict[str, str], today: date | None) -> Figure | None:
    """A season as its months (winter from December): of the year given; else "last", "next",
    or the one nearest the document's date ("this winter" on 23 February 2023 is the winter of
    2022–23; "in the spring" in November 2023 is the spring of 2024)."""
    first = SEASONS[groups["season"].lower()]
    which = (groups.get("which") or "").lower()
    if groups.get("since") is not None:  # "since spring": the last one
        which = "last"
    elif groups.get("nearest") is not None:  # "by spring": the one nearest the date
        which = "the"
    if groups.get("y"):
        start, why = date(int(groups["y"]), first, 1), ""
    elif not which:
        return None  # "they may fall", "spring" alone: no date
    elif today is None:
        return replace(bare, kind="relative-date")
    else:
        seasons = [date(today.year + k, first, 1) for k in (-2, -1, 0, 1)]
        ends = [_shift(s, 3, "month") for s in seasons]  # the day after its last
        if which == "last":
            start = max(s for s, e in zip(seasons, ends, strict=True) if e <= today)
        elif which == "next":
            start = min(s for s in seasons if s > today)
        elif which == "this" and first != 12:  # the year's own, past or to come: "this
            # spring" in November is the spring gone by (a winter spans two years: the nearest)
            start = date(today.year, first, 1)
        else:
            start = min(
                seasons,
                key=lambda s: max(0, (s - today).days, (today - _shift(s, 3, "month")).days),
            )
        why = f"the {groups['season'].lower()} nearest the document's date, {today.isoformat()}"
        if which == "this" and first != 12:
            why = f"the {groups['season'].lower()} of the document's year, {today.year}"
        if which in ("last", "next"):
            why = f"counted from the document's date, {today.isoformat()}"
    until = date.fromordinal(_shift(start, 3, "month").toordinal() - 1)  # its last day
    if groups.get("since") is not None and today and today > until:
        until = today  # "since spring": from its start to the document's date
    return replace(
        bare,
        kind="relative-date" if why else "date",
        date=start.isoformat()[:7],
        until=until.isoformat(),
        resolved_by=why or None,
    )


# Members who vote or sit in a hall are people ("118 members in the hall", "112 members voted
# for it"), an alliance's are its states ("NATO's 31 members")
MEMBERS_WHO_VOTE = re.compile(
    r"\b(?:vot(?:e|es|ed|ing)|in the hall|in the room|tellers?|present|show of hands|attend\w*"
    r"|audience|turnout|division|quorum)\b",
    re.I,
)
MEMBERS_OF_A_BODY = re.compile(
    r"\b(?:NATO|alliance|EU|Union|UN|United Nations|General Assembly|Security Council"
    r"|member states|countries|states)\b"
)


def _members_who_vote(figure: Figure, text: str) -> bool:
    """Whether a count of members counts people: its sentence is about a vote or a hall, not
    about an alliance of states."""
    start, end = _sentence_start(text, figure.start), text.find(". ", figure.end, figure.end + 300)
    sentence = text[start : end if end >= 0 else figure.end + 300]
    return bool(MEMBERS_WHO_VOTE.search(sentence)) and not MEMBERS_OF_A_BODY.search(sentence)


CHANGED_FROM = re.compile(r" (?:up|down) from$")


def _changed_from_a_share(figure: Figure, found: list[Figure], text: str) -> bool:
    """A bare number a share just before has changed from, in its sentence: "48% backed talks,
    down from 57 in May" (a share then, as the share now)."""
    before = found[-1] if found else None
    if before is None or before.kind != "percent":
        return False
    between = text[before.end : figure.start].rstrip()
    return (
        len(between) < 80
        and not re.search(r"[.!?;:\d]", between)
        and bool(CHANGED_FROM.search(between))
        and bool(ENDS_A_PHRASE.match(text, figure.end) or WHEN_AFTER.match(text, figure.end))
    )


WHEN_AFTER = re.compile(r" (?:in|on|at|last|a|the|earlier|before) ")  # "57 a year ago"
LISTED = re.compile(
    r"(?:[,;]| and| or| while| but| with| (?:up|down) from| against| versus| than"
    # a parallel count: "EBI counted 470 voyages; the Monitor counted 452"; "While Kyiv says 50
    # ships left, Moscow says only 20 did"
    r"| counted| recorded| estimated| reported| (?:says?|said|claims?|claimed)(?: only| just)?"
    # "about 6,000 shells, against the 20,000 that …" (not "…; the 14 was late")
    r"|(?: against| versus| than| (?:up|down) from| compared (?:with|to)) the)$"
)


def _of_its_phrase(text: str, count: Figure, position: int) -> bool:
    """Whether ``position`` is in the phrase a count opens, a few words on with no break
    ("27 complaints about host payments")."""
    return 0 <= position - count.end < 40 and not BREAK.search(text, count.end, position)


BREAK = re.compile(r"[,;:.!?()]")


def _unit_from_neighbours(
    figure: Figure,
    counted: list[Figure],
    text: str,
    scaled: list[Figure],
    every_count: Sequence[Figure] = (),
) -> Figure | None:
    """A count without a unit takes the unit of a count before it in its paragraph:
    - listed after it in the same sentence ("100 states voted in favour, 11 against");
    - the same number ("55 Russian prisoners … counted among the 55");
    - any, when the figure's sentence puts "the number" at it ("around 2,400 people had left …
      Volunteers put the number closer to 3,000"); when it puts "it" at it, else the text's
      last ("Released 215 people." … "Hürriyet put it at 200.");
    - the one before, for "205 of them", unless it is of a plural just before ("diplomats, 212
      of them") that is not the count's own ("14 distribution sites, 6 of them");
    - the one just before, for "60 more" or "a further 60";
    - both counted in millions or billions ("18 million people … a higher figure, 21.8 million"),
      else the last such count before it in the text (a transcript's answer to a question).
    A bare number that takes none is no figure (``None``)."""
    opens = _sentence_start(text, figure.start)
    if counted and THE_NUMBER.search(text, opens, figure.start):
        return replace(figure, kind="count", unit=counted[-1].unit)
    earlier = counted or every_count
    if earlier and PUT_IT.search(text, opens, figure.start):
        return replace(figure, kind="count", unit=earlier[-1].unit)
    if earlier and OF_THOSE.search(text, max(0, figure.start - 20), figure.start):
        return replace(figure, kind="count", unit=earlier[-1].unit)  # "Of those, 205 are …"
    whole = OF_THE_WHOLE.match(text, opens, figure.start)
    if whole and counted and whole.start("whole") <= counted[-1].start < whole.end("whole"):
        # "Of the 1,400 generators bought …, only 260 had reached …": a part of that whole
        return replace(figure, kind="count", unit=counted[-1].unit)
    if OF_THEM.match(text, figure.end):  # "215 people. … 205 of them were …"
        apposed = APPOSED.search(text, max(0, figure.start - 40), figure.start)
        if apposed and not (counted and counted[-1].end == apposed.end(1)):
            # "a survey of European diplomats, 212 of them": of those just named (not of a
            # count's own noun: "14 distribution sites, 6 of them")
            unit = UNIT_NOUNS.get(apposed.group(1).lower())
            if unit is None and counted and _of_its_phrase(text, counted[-1], apposed.start(1)):
                unit = counted[-1].unit  # "27 complaints about host payments, 9 of them"
            return replace(figure, kind="count", unit=unit) if unit else None
        if counted:
            return replace(figure, kind="count", unit=counted[-1].unit)
    if counted and TALLIED.match(text, figure.end):  # "100 members voted … Eleven voted against"
        voters = [c for c in counted if TALLIED.match(text, c.end)]
        if voters:
            return replace(figure, kind="count", unit=voters[-1].unit)
    # (not "will take another 12 to rebuild": a time, what is done in it)
    more = not TO_DO.match(text, figure.end) and (
        MORE_OF_THEM.match(text, figure.end) or A_FURTHER.search(text, opens, figure.start)
    )
    if more and counted and figure.start - counted[-1].end < NEAR:
        # "received 340 former prisoners …, and hospitals stand ready to take 60 more", "a
        # further 60 came back": more of what was counted last
        return replace(figure, kind="count", unit=counted[-1].unit)
    rest = THE_REST.search(text, opens, figure.start)
    things = [c for c in counted if c.unit not in MEASURES and c.unit not in CURRENCIES.values()]
    things = things or counted  # ("Of the 500 tonnes delivered, …; the remaining 200")
    if rest and things and figure.start - things[-1].end < NEAR:
        # "confirmed 14 cases by PCR; the remaining 3", "Of the 40 detainees, 28 were released
        # after paying 500 dollars each; the other 12": the rest of the things counted last
        return replace(figure, kind="count", unit=things[-1].unit)
    for before in reversed(counted):
        between = text[before.end : figure.start]
        # within its sentence; a semicolon may part two counts of one tally ("100 states voted
        # …; 11 voted against")
        # (a change from it may come at the sentence's end: "Twenty-three vessels were waiting
        # …, the Monitor said, up from 14 a week earlier")
        near = len(between) < 100 or CHANGED_FROM.search(between.rstrip())
        listed = near and not re.search(r"[.!?:]", between)
        if (
            (listed and LISTED.search(between.rstrip()))
            # a number that ends its clause, set against a count just before: "Russia fired 90
            # missiles and air defences shot down 71, the air force said", "… 85,000 troops,
            # while Kyiv offered 250,000" (not a rank, "from our position at 81", nor a note's
            # marker, "[3]")
            or (
                listed
                and SET_AGAINST_BEFORE.search(between)
                and not A_DIGIT.search(between)
                and ENDS_A_PHRASE.match(text, figure.end)
                and not text.startswith("[", figure.start - 1)
            )
            or (before.unit == "votes" and between == " to ")  # "by 180 votes to 120"
            or before.value == float(figure.value or -1)
            or (figure.kind == "count" and _scaled(before) and _scaled(figure))
        ):
            return replace(figure, kind="count", unit=before.unit)
    ends = ENDS_A_PHRASE.match(text, figure.end)  # not "4 million acres": it counts acres
    if figure.kind == "count" and scaled and _scaled(figure) and ends:
        return replace(figure, unit=scaled[-1].unit)
    if figure.kind == "count" and counted and _more_of_the_same(text, counted[-1], figure):
        return replace(figure, unit=counted[-1].unit)
    return figure if figure.kind == "count" else None


def _more_of_the_same(text: str, before: Figure, figure: Figure) -> bool:
    """Whether a count in thousands that names nothing it counts is one more of the things
    counted just before it in its sentence, with no number between ("repaired 42,000 homes
    since the autumn; it expects to reach 60,000", "about 4,300 families are still hosting;
    our own records show 4,150"): of a like size, never a measure or a sum's, nor one whose
    next words say what it counts in ("earned hundreds of millions in revenue")."""
    between = text[before.end : figure.start]
    sizes = sorted([before.value or 0.0, figure.value or 0.0])
    return (
        0 < sizes[0]
        and sizes[1] <= 10 * sizes[0]  # ("three judges; … 13,000": no kin)
        and not COUNTED_IN.match(text, figure.end)
        and before.unit not in MEASURES
        and before.unit not in CURRENCIES.values()
        and len(between) < NEAR
        and not A_DIGIT.search(between)
        and not SENTENCE_STOP.search(between)
    )


SENTENCE_STOP = re.compile(r"[.!?](?:\s|$)")
COUNTED_IN = re.compile(r" (?:in|of) [a-z]")


A_DIGIT = re.compile(r"\d")
MORE_OF_THEM = re.compile(r" more\b(?! than\b)")  # "60 more", never "60 more than"
NEAR = 200  # how far back, in characters, "60 more" may count what was counted
TO_DO = re.compile(r" to [a-z]{3,}")
A_FURTHER = re.compile(r"\b(?:[Aa]nother|[Aa] further) $")
THE_REST = re.compile(r"\b[Tt]he (?:remaining|other) $")
SETTING_AGAINST = r"while|whereas|but|against|compared with"  # one count against another
SET_AGAINST_BEFORE = re.compile(rf"\b(?:and|versus|{SETTING_AGAINST})\b")
TALLIED = re.compile(r"(?: of [^.;,]{1,60}?)? (?:voted|abstained)\b")
"""What follows the counts of a vote: "100 members of the General Assembly voted …"."""
# After a count that names nothing it counts: the end of its phrase ("gave 21.8 million.", "at
# 21.8 million, apparently"), not a word that may be what it counts ("4 million acres").
ENDS_A_PHRASE = re.compile(  # or a place: "recorded 7.5 million across Europe"
    r"\s*(?:[.,;:!?)\]\"”’]|$| in need\b| (?:across|in|inside|within) (?:the )?[A-Z])"
)


def _scaled(figure: Figure) -> bool:
    return bool(re.search(r"\b(?:million|billion|trillion)\b", figure.text, re.I))


PEOPLE_BY_GROUP = re.compile(
    r"\b(?:population|audience|crowd|team|delegation|contingent|workforce|staff) (?:of|was|is"
    r"|stood at) (?:just |only |some |about )?$",
    re.I,
)  # a number of people by the group they make: "a studio audience of 141", "a team of 12"
# What only people do or are, right after a count: "18 million need aid", "6 million abroad",
# "2 million have fled", "nearly 4 million remain displaced"
PEOPLE_AFTER = re.compile(
    r" (?:(?:are|were|have|had|remain|remained|have been|had been) )?(?:(?:still|now|already) )?"
    r"(?:need|needed|needing|fled|died|live|lived|living|displaced|abroad|homeless|in need"
    r"|went missing|missing|killed|wounded|injured|starving|went hungry|go hungry)\b"
    # who they were: "of whom 205 were Ukrainians", "the other 205 were Ukrainian"
    r"| (?:are|were) (?-i:[A-Z][a-z]+(?:ians|ans|ese|is)\b|[A-Z][a-z]+(?:ian|an)(?=[,.;]))"
)
# What people think or do, right after a number that nothing near counts: "11 expected opinion to
# hold" (of a panel), "14 said yes"
WHO_THINK = re.compile(
    r" (?:expected|expect|said|say|agreed|agree|believe|believed|think|thought|voted|backed"
    r"|supported|opposed|wanted|want|preferred|prefer|favoured|favored)\b"
)
# The start of a range whose end is a percentage: "between 82 and 87 per cent", "30 to 40%".
RANGE_TO_PERCENT = re.compile(r"\s*(?:and|to|-|–)\s*\d[\d.,]*\s?(?:%|per ?cent\b)", re.I)
RANGE_TO_UNIT = re.compile(rf"\s*(?:and|to|-|–)\s*\d[\d.,]*\s(?P<unit>{UNIT_NOUN})\b", re.I)
# "put the number closer to 3,000": the number counted before in its paragraph
THE_NUMBER = re.compile(  # "its previous estimate, in November, was about 1,500", "a lower number"
    r"\b(?:the|that|this|its|their|an?) (?:[a-z]+ )?(?:number|figure|total|count|tally|estimate)\b"
    r"[^.;!?]*$",
    re.I,
)
# "put it at 200": the number counted before, in its paragraph or, where it has none, in the text
# (an interview's answer to a question about a count given before)
PUT_IT = re.compile(  # "put it at 200", "put the number freed at 200", "spoke of 200", "puts
    # Russian losses at about 7,000" (never "their number": whose, the words may not say)
    r"\b(?:puts? (?:it|them|the (?:number|figure|total|toll|count)(?: [a-z]+){0,2}"
    r"|(?:[A-Z][a-z]+ )?(?:losses|casualties|arrivals|departures)) (?:at|closer to"
    r"|nearer)|spoke of|speaks of|(?:it|that) (?:is|was)(?: now)?(?: closer to| nearer)?)"
    r" (?:about |around |some )?$",
    re.I,
)
OF_THEM = re.compile(r" of (?:them|those|these)\b")  # "205 of them": of the count before
APPOSED = re.compile(r"\b([a-z]+s), $")
OF_THOSE = re.compile(r"\b[Oo]f (?:them|those|these)(?: who [^,;.]{1,40})?,? $")  # "who left"
OF_THE_WHOLE = re.compile(  # "Of the 2,300 hectares of farmland around the village, only …"
    r"\s*[Oo]f (?:the|these|those|its|their|our) (?P<whole>(?:[^.;:!?,]|(?<=\d)[.,](?=\d)){1,100}),"
    r" (?:only |just )?$"
)
# "Countries that received it", "Russians returned"
ROW_UNIT = re.compile(rf"\b(?:{UNIT_NOUN})\b|(?P<demonym>{DEMONYM_PLURAL})", re.I)
NUMBER_OF = re.compile(  # "the number of refugees at", "the number of homes still … at"
    rf"\b(?:number|count|total|tally) of (?:[a-z]+ )?"  # ("of Ukrainians still held": people)
    rf"(?P<unit>{UNIT_NOUN}|(?-i:{PLURAL})|(?P<demonym>{DEMONYM_PLURAL}))\b"
    r"[^.;:!?]*$",
    re.I,
)


# A number set against a count after it in its sentence counts the same thing: "put the number
# at 200, while other accounts spoke of almost 300 people".
SET_AGAINST = re.compile(
    rf",? (?:{SETTING_AGAINST})\b[^.;:!?\d]{{0,60}}?{HEDGE}(?:{NUM})"
    rf" (?P<unit>{UNIT_NOUN})\b",
    re.I,
)


NUMBERED = re.compile(
    rf"\b(?P<unit>(?i:{PLURAL})) (?:[a-z-]+ ){{0,4}}(?:numbered|totalled|totaled) $"
)
OF_OURS = re.compile(  # (or any plural right after: "At least 9 of the shipments went")
    rf" of (?:our|my|their|its|his|her|the|these|those) (?:(?:[a-z-]+ )?(?P<unit>{UNIT_NOUN})\b"
    rf"|(?P<plural>(?-i:{PLURAL}))\b(?! of\b))",
    re.I,
)
# A part of a count: "3 of 11 analysts", "14 out of 22 students", "14 of the country's 16
# regions", "11 of NATO's 31 members" (what the whole counts)
OF_A_COUNT = re.compile(
    rf" (?:out )?of {WHOSE_WHOLE}(?:{NUM}|{WORD_NUM})"
    # ("2 of 47 requested ammonia shipments": what was done to them, and of what)
    rf" (?:(?-i:[a-z]+ed) (?-i:[a-z]{{3,}}(?<!s) )?)?(?:(?:{COUNT_ADJECTIVE}) )?"
    rf"(?-i:(?P<unit>{PLURAL}))\b",
    re.I,
)
# A question that says what its answer counts: "How many people does it say are in need?",
# "Witnesses disagreed on how many loaded ships were still waiting."
HOW_MANY = re.compile(
    rf"\b(?i:how many) (?:[a-z-]+ )??(?P<unit>{UNIT_NOUN}|(?-i:{PLURAL}))\b"
    r"[^?.!]*[?.]",
    re.I,
)


# The words before a count that say what it counts, and how far back they may stand.
# "puts refugees and asylum-seekers from Ukraine at about 6 million", "put new applications
# there at more than 2,300": what is put at it
PUT_AT = re.compile(
    rf"\b(?:put|puts|putting|estimated?|estimates|counted|counts|placed?|places) "
    rf"(?:the )?(?:(?-i:[a-z-]+) )?(?P<unit>{UNIT_NOUN}|(?-i:{PLURAL}))\b"
    r"[^.;:!?\d]{0,60} at $",
    re.I,
)
LABELLED = re.compile(  # a form's or a fact box's field: "Tenders received: 6", "Voyages: 1,004"
    rf"(?:(?<![^\n])|(?<=[.;] ))(?:[-*] )?(?P<unit>(?-i:[A-Z]{PLURAL}))(?: [a-z]+){{0,2}}: $"
)
SAID_BEFORE = (
    (NUMBER_OF, 80),  # "put the number of refugees at about 6 million"
    (PUT_AT, 100),
    (NUMBERED, 80),  # "Aid convoys reaching front-line districts numbered 212"
    (HOW_MANY, 300),  # the answer to "How many people …?"
    (LABELLED, 40),
)
# A figure set in bold or quoted before what it counts: "- **almost 6 million** people were
# displaced", 'the "nearly 18 million" people in need'
BOLD_THEN_UNIT = re.compile(rf"(?:\*\*|__|[\"”]) (?P<unit>{UNIT_NOUN})\b", re.I)
# The words right after it: "3 million of our countrymen", "at 200, while … almost 300
# people", "perhaps 15 to 20 kilometres", "** people".
SAID_AFTER = (OF_OURS, OF_A_COUNT, SET_AGAINST, RANGE_TO_UNIT, BOLD_THEN_UNIT)


def _unit_in_context(figure: Figure, text: str) -> Figure:
    """A count whose unit the words around it give: "a pre-war population of 43 million", the
    words before it (:data:`SAID_BEFORE`) or after it (:data:`SAID_AFTER`), "between 82 and 87
    per cent", or a table row whose first cell names what it counts ("| Internally displaced
    people | almost 6 million |")."""
    if PEOPLE_BY_GROUP.search(text, max(0, figure.start - 40), figure.start):
        return replace(figure, kind="count", unit="people")
    for pattern, reach in SAID_BEFORE:
        said = [*pattern.finditer(text, max(0, figure.start - reach), figure.start)]
        if said:
            demonym = said[-1].groupdict().get("demonym")
            return _counting(figure, "people" if demonym else said[-1].group("unit"))
    if RANGE_TO_PERCENT.match(text, figure.end):
        return replace(figure, kind="percent", unit="percent")
    for pattern in SAID_AFTER:
        if said_after := pattern.match(text, figure.end):
            noun = said_after.group("unit") or said_after.groupdict().get("plural") or ""
            return _counting(figure, noun)
    if PEOPLE_AFTER.match(text, figure.end):
        return replace(figure, kind="count", unit="people")
    row_start = text.rfind("\n", 0, figure.start) + 1
    if text.startswith("|", row_start):
        first_cell = text[row_start + 1 : text.find("|", row_start + 1)]
        named = ROW_UNIT.search(first_cell)
        if named and text.count("|", row_start, figure.start) > 1:  # not in the first cell
            return _counting(figure, "people" if named.group("demonym") else named.group())
    return figure


HEADER_UNIT = re.compile(r"\((?P<unit>[^()\n]{1,30})\)")  # "Pledged (EUR bn)", "Share (%)"
HEADER_SCALES = (  # "(EUR bn)", "(thousands)", "(USD mn)", "(k)"
    SCALES
    | {f"{word}s": SCALES[word] for word in ("thousand", "million", "billion")}
    | {"mn": SCALES["m"], "k": SCALES["thousand"]}
)
HEADER_SCALE = re.compile(rf"\b(?P<scale>{'|'.join(HEADER_SCALES)})\b", re.I)
HEADER_MONEY = re.compile(  # "$", "€", "£", "USD", "EUR", "GBP"
    "|".join(re.escape(sign) if len(sign) == 1 else rf"\b{sign}\b" for sign in CURRENCIES)
)
HEADER_PERCENT = re.compile(r"%|\bper ?cent\b", re.I)


ALONE_IN_CELL = re.compile(rf"{CELL_OPENS}{NUM}(?={CELL_ENDS})")


def _column_unit(figure: Figure, text: str) -> Figure | None:
    """A number alone in a table's cell, as what its column's header says in brackets it
    counts: "Pledged (EUR bn)" makes "17.1" EUR 17.1 billion, "Share (%)" a percentage,
    "Refugees (thousands)" a count of people. ``None`` where the header says nothing of it."""
    header = _column_header(text, figure.start)
    said = header and HEADER_UNIT.search(header)
    if not header or not said:
        return None
    unit_words = said.group("unit")
    scaled = HEADER_SCALE.search(unit_words)
    value = _in_units(figure.value or 0, HEADER_SCALES[scaled["scale"].lower()] if scaled else 1)
    if HEADER_PERCENT.search(unit_words):
        return replace(figure, kind="percent", unit="percent")
    if money := HEADER_MONEY.search(unit_words):
        return replace(figure, kind="money", value=value, unit=CURRENCIES[money.group()])
    noun = ROW_UNIT.search(header[: said.start()]) or ROW_UNIT.search(unit_words)
    if noun is None:
        return None
    counted = "people" if noun["demonym"] else UNIT_NOUNS.get(noun.group().lower())
    return replace(figure, kind="count", value=value, unit=counted or noun.group().lower())


def _column_header(text: str, position: int) -> str | None:
    """The header of the table column that holds ``position``: the first row of its table, a
    Markdown table or one set out with tabs or runs of spaces."""
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    end = end if end >= 0 else len(text)
    if len(table_cells(text[start:end])) < 2:
        return None
    column = len(table_cells(text[start:position] + "x")) - 1  # cells before it, and its own
    rows = list(table_rows_above(text, start, end))
    return rows[-1][column] if rows and column < len(rows[-1]) else None


def _counting(figure: Figure, noun: str) -> Figure:
    """``figure`` as a count of what ``noun`` names ("refugees" counts people)."""
    return replace(figure, kind="count", unit=UNIT_NOUNS.get(noun.lower(), noun.lower()))


def _given(figure: Figure) -> date | None:
    """The day (or the first day of the month or year) a date the text gives in full names."""
    if figure.kind not in ("date", "year") or not figure.date or not figure.date[:4].isdigit():
        return None
    if figure.kind == "year" and figure.until:  # a span of years ("a 2020-2024 plan") dates
        return None  # no event its paragraph goes on to tell
    parts = [int(part) for part in figure.date.split("-")]
    return date(parts[0], *(parts[1:] + [1, 1])[:2])


def _in_context(
    figure: Figure,
    anchor: tuple[date, str] | None,
    today: date | None,
    text: str,
    alone: bool,
    latest: date | None,
) -> Figure:
    """A date the text gives without its year ("17 July", "in June"):
    - the start of a range whose end has one ("28 Feb – 7 Mar 2022"): that year;
    - after a full date in its paragraph (not a year alone still to come): the first such day
      after it, the text telling events in order ("22 July 2022 … let it expire on 17 July" is
      2023), unless that is after the document's date;
    - else the latest such date not after the document's.
    A month alone, with no word before it that makes it a time (``alone``: "September transits",
    "(UNHCR, February)"), is looked ahead to only where its sentence says so, at any place in it
    ("The October polls will mark …", "December marks …": the nearest such month).
    How it was resolved is kept in ``resolved_by``; ``text`` is the text the figure is in."""
    if not figure.date or not figure.date.startswith("--"):
        return figure
    month = int(figure.date[2:4])
    day = int(figure.date[5:7]) if len(figure.date) > 5 else 0
    year, why = None, ""
    ended = RANGE_END.match(text, figure.end)
    held = _held(text, figure) if today is not None and not alone else None
    if ended is not None:
        end = ended.group("m") or ended.group("m2") or ended.group("m3")
        end_month = MONTHS[end.lower().rstrip(".")]
        year = int(ended.group("y") or ended.group("y2") or ended.group("y3"))
        year -= 1 if month > end_month else 0
        why = "the year of the range's end"
    elif (
        today is not None
        and not alone
        and (
            (deadline := bool(day) and _a_deadline(text, figure))
            or held == "until"
            or _looking_ahead(text, figure)
        )
    ):
        # a month alone looking ahead may be the document's own ("in the second quarter" on 5 April
        # or on 14 May: its last month not yet gone)
        last = int(figure.until[2:4]) if figure.until and figure.until.startswith("--") else month
        ahead = (month, day) >= (today.month, today.day) or (not day and last >= today.month)
        year = today.year if ahead else today.year + 1
        how = "a deadline" if deadline else "the text looking ahead"
        how = "what holds until it" if not deadline and held == "until" else how
        why = f"the first such date after the document's, {today.isoformat()}, {how}"
    elif today is not None and (held or (alone and _said_ahead_anywhere(text, figure))):
        year = _nearest_year(month, day, today)
        why = (
            f"the nearest such date to the document's, {today.isoformat()}: the text tells what is"
            " set for it, in the present"
        )
    elif (
        anchor is not None
        and not RECENT.search(text, max(0, figure.start - 20), figure.start)
        # (not a year still to come: "outlays for 2024 … raised its rate in September" on
        # 3 October 2023 is September 2023; "the 2030 Agenda … in July" is no July of 2030)
        and (today is None or anchor[0] <= today or any(c.isalpha() for c in anchor[1]))
    ):
        after, said = anchor
        earlier = month < after.month if not day else (month, day) < (after.month, after.day)
        year = after.year + (1 if earlier else 0)  # a month alone: its own month is no later
        if latest is not None and (year, month, day) > (latest.year, latest.month, latest.day):
            year = after.year
            if (year, month, day) > (latest.year, latest.month, latest.day) and SINCE_BEFORE.search(
                text, max(0, figure.start - 6), figure.start
            ):  # what holds since a day began before the document ("since November 20", after
                # "until 12 January")
                year = (
                    latest.year if (month, day) <= (latest.month, latest.day) else latest.year - 1
                )
        why = f"the first such date after {said}, earlier in its paragraph"
    elif latest is not None:
        year = latest.year if (month, day) <= (latest.month, latest.day) else latest.year - 1
        why = f"the latest such date not after the document's, {latest.isoformat()}"
        soon = (year + 1 - latest.year) * 12 + month - latest.month  # months to the next one
        if soon <= SOON and _told_as_coming(text, figure):
            year += 1
            why = (
                f"the first such date after the document's, {latest.isoformat()}: it is near, "
                "and its sentence tells nothing as past"
            )
    if year is None:
        return replace(figure, date=None, until=None)
    if figure.until and figure.until.startswith("--"):  # "May–June": to the end of June
        last = int(figure.until[2:4])
        end_year = year + (1 if last < month else 0)
        until = _month_end(end_year, last).isoformat()
        figure = replace(figure, until=until)
    if not day:
        return replace(figure, date=f"{year}-{month:02d}", resolved_by=why)
    try:
        return replace(figure, date=date(year, month, day).isoformat(), resolved_by=why)
    except ValueError:
        return replace(figure, date=None)


SOON = 3
"""How many months ahead a date without its year may be, in a sentence that tells nothing as
past, to be the next such date rather than the last ("creditors want talks to begin by March" on
5 December); never one in a timeline's or a log's entry or a caption, told in the present as
past ("- 15 February: The UN launches its appeal"), nor one in what a source tells in the
present ("UNHCR puts the figure for May at 6 million"), nor a point of a series, with its value
("Monthly arrivals: July, 1,200; August, 1,450")."""


def _told_as_coming(text: str, figure: Figure) -> bool:
    """Whether the sentence of a date without its year tells it as to come: nothing in it as
    past, no source telling it, no entry of a timeline or a log, no caption, no series' point
    ("Two of our ships go into dry dock in December" on 9 November)."""
    told = _sentence_start(text, figure.start), _sentence_end(text, figure.end)
    return not (
        AN_ENTRY.match(text, text.rfind("\n", 0, figure.start) + 1)
        or A_VALUE_AFTER.match(text, figure.end)
        or REPORTS.search(text, *told)
        or _tells_the_past(text, *told, perfect=True)
    )


# a line that opens an entry of a timeline or a log, or a caption: "- 15 February: The UN
# launches …", "**15 November** – Ukrainian forces enter …", "- Shelling of the market, 12
# November (four dead)", "Photo: Residents queue … on 12 November"
AN_ENTRY = re.compile(
    r"[ \t]*(?:[-*•–—][ \t]|\d{1,2}[.)][ \t]*(?=\d)|(?:\*\*|__)?(?=\d)|(?i:photo|picture|pictured"
    r"|caption|image)\b[^:\n]{0,20}:)"
)
# a series' point: "July, 1,200; August, 1,450" (not a time: "on 12 September, 14:00"); data of
# the month: "February figures from UNHCR", "the October wave"
A_VALUE_AFTER = re.compile(
    r"[,:]\s*(?!\d{1,2}[:.]\d\d\b)[$€£]?\d"
    r"| (?:figures|data|numbers|statistics|results|counts?|tall(?:y|ies)|survey|poll|wave)\b"
)
REPORTS = re.compile(  # what one tells of what was, in the present ("Another account dates its
    # start to 30 July", "UNHCR puts the figure for May at 6 million")
    r"\b(?:says?|reports?|shows?|records?|lists?|counts?|estimates?|finds?|gives?|cites?|notes?"
    r"|recalls?|puts|dates|tells?|writes?|describes?|stands?|according to)\b"  # ("stands at 104")
)


def _looking_ahead(text: str, figure: Figure) -> bool:
    """Whether the sentence looks ahead to the date, not back at what was done then: it says so
    ("will", "is due by") or bids it be done ("Review progress in December")."""
    opens = _sentence_start(text, figure.start)
    said_ahead = FUTURE.search(text, opens, figure.end) or (
        BIDDING.match(text, opens)  # (not a noun of its form: "Return journeys in August rose")
        and not _tells_the_past(text, opens, _sentence_end(text, figure.end))
    )
    return bool(said_ahead) and not DONE_IN.search(text, max(0, figure.start - 30), figure.start)


def _held(text: str, figure: Figure) -> str | None:
    """What the sentence tells, in the present, of the date: "until" where something holds until
    it ("permits the wind-down of contracts until 12 January": ahead); "from" where it holds from
    it ("in force from 1 January", "Price changes from 2 October") or a verb says what is set for
    it ("Our fixed contract ends on 31 October", "the first payment arrives in June"), which may
    be just gone as well as ahead. ``None`` where the sentence tells anything as past ("Exports
    fell from 10 March", "The talks lasted until 29 March", "From 1 January, 2,300 have
    crossed"), where the date bounds a period counted ("from 1 January to 31 October", "From 1
    January to date") or data ("Figures until 30 June show")."""
    opens = _sentence_start(text, figure.start)
    if said := FROM_OR_UNTIL.search(text, max(0, figure.start - 30), figure.start):
        if A_PERIOD_TO.match(text, figure.end):
            return None
        told = opens, _sentence_end(text, figure.end)  # ("From 12 March, the city was shelled")
    else:  # the verb in the date's own clause ("Our fixed contract ends on 31 October, … told us")
        verb = SET_FOR.search(text, _clause_start(text, figure.start), figure.start)
        if verb is None:
            return None
        told = verb.end(), figure.start
    if said and said.group(1).lower() in ("until", "till"):
        return None if _tells_the_past(text, *told) else "until"
    return None if _tells_the_past(text, *told, perfect=True) else "from"


def _tells_the_past(text: str, start: int, end: int, perfect: bool = False) -> bool:
    """Whether the text between ``start`` and ``end`` tells something as past: a verb in the
    past, not a word in "-ed" after an article or "has" ("The amended Act", "has pledged to cut
    port dues until 30 June"); with ``perfect``, "has" or "have" as well ("From 1 January, 2,300
    people have crossed": since then)."""
    if perfect and PERFECT.search(text, start, end):
        return True
    return any(
        not AS_ADJECTIVE.search(text, max(0, past.start() - 6), past.start())
        for past in PAST_VERB.finditer(text, start, end)
    )


def _alone_a_date(text: str, figure: Figure) -> bool:
    """Whether a month alone is a date: not a name's last word ("the anniversary of Black
    July"), nor a month of every year ("pick cotton every year from September to December")."""
    opens = _sentence_start(text, figure.start)
    return not NAME_BEFORE.search(text, max(0, figure.start - 40), figure.start) and not (
        HABITUAL.search(text, opens, _sentence_end(text, figure.end))
    )


NAME_BEFORE = re.compile(r"[a-z,;] [A-Z][a-z]+ $")
HABITUAL = re.compile(
    r"\b(?:(?:every|each) (?:year|month|winter|spring|summer|autumn)|usually|typically|annually)\b",
    re.I,
)


def _said_ahead_anywhere(text: str, figure: Figure) -> bool:
    """Whether a month alone is looked ahead to by its sentence, after it too ("The October
    polls will mark the fourth peaceful elections"), or is what a verb in the present says of
    ("December marks the seventy-fifth anniversary")."""
    opens, ends = _sentence_start(text, figure.start), _sentence_end(text, figure.end)
    return bool(FUTURE.search(text, opens, ends) or PRESENT_AFTER.match(text, figure.end))


def _nearest_year(month: int, day: int, today: date) -> int:
    """The year that puts a yearless date nearest the document's (a month alone by its middle);
    ahead where two are as near."""

    def distance(year: int) -> int:
        return abs((date(year, month, min(day or 15, 28)) - today).days)

    return min((today.year + 1, today.year, today.year - 1), key=distance)


FROM_OR_UNTIL = re.compile(  # (not data's: "Figures from 1 January", "the period until 30 June")
    r"(?<!\bfigures )(?<!\bdata )(?<!\bperiod )(?<!\bstatistics )(?<!\bnumbers )(?<!\brecords )"
    r"\b(from|until|till) $",
    re.I,
)
A_PERIOD_TO = re.compile(  # "from 1 January to 31 October", "… to date" (not "to all importers")
    rf" ?(?:[\u2013\u2014-]|to|until|till) ?(?:\d{{1,2}} (?:{MONTH})\b|(?:{MONTH})\b|date\b|now\b"
    r"|today\b"
    r"|the (?:end|present)\b)",
    re.I,
)
PERFECT = re.compile(r"\b(?:has|have|had)\b")
# What a verb in the present says is set for a time: "Our fixed contract ends on 31 October";
# and after a month alone, what it brings: "December marks the seventy-fifth anniversary"
SET_FOR_VERBS = r"(?:ends|begins|starts|opens|closes|resumes|arrives|meets)"
SET_FOR = re.compile(  # and after a plural: "Bids close at noon on 14 June", "Classes resume"
    rf"\b{SET_FOR_VERBS}\b|(?<=[a-z]s )"
    + "".join(rf"(?<!\b{word} )" for word in "its his this was has is as us thus plus".split())
    + r"(?:end|begin|start|open|close|resume|arrive|meet)\b"  # (not "dates its start to")
)
PRESENT_AFTER = re.compile(rf" (?:{SET_FOR_VERBS}|marks|brings|sees)\b")
# A word in "-ed" after these is no verb in the past: "The amended Act", "Our fixed contract",
# "has pledged to cut port dues … until 30 June", "is extended until 18 November"
AS_ADJECTIVE = re.compile(
    r"\b(?:[Tt]he|an?|[Oo]ur|[Ii]ts|their|his|her|my|your|has|have|is|are|be|been) $"
)
# A sentence that bids something be done, a recommendation's or a minute's action: its dates
# are ahead ("(c) Review progress in December", "Pursue options 2 and 3 and review them at the
# end of August")
BIDDING = re.compile(
    rf"\s*(?:(?:{ITEM_MARK}|[-*•]|\d{{1,2}}[.)])\s+)?"
    r"(?:Pursue|Brief|Ask|Publish|Submit|Send|Revisit|Reassess"
    # a decision's or a recommendation's verbs ("Approve the lease, … report to the Board in
    # January"), never a label ("Update: …")
    r"|(?:Approve|Authori[sz]e|Agree|Endorse|Adopt|Request|Instruct|Delegate|Invite|Arrange"
    r"|Prepare|Ensure|Complete|Consider|Commission|Seek|Update)(?![:\w])"
    # (as nouns: "Return journeys in August rose", "Report after report in June warned")
    r"|(?:Review|Report|Return|Schedule)(?! (?:after|of|on|by|from|for|in)\b))\b"
)


# A sentence that looks ahead: its yearless dates are still to come ("the deal lapses on 18 July",
# "Review this advice in September").
FUTURE = re.compile(
    r"\b(?:will|shall|should|(?:is|are) (?:due|set|expected|scheduled) to|in case|lapses|expires"
    r"|(?:is|are) due (?:by|on|before|in (?!(?:large |great |no small |small )?part\b))"
    # ("Our next delivery, of 10,000 shells, is due by"; not "is due in large part to")
    r"|(?:scheduled|planned|set|slated|due) for"  # "the Summit scheduled for December"
    r"|usually|typically|normally"  # what happens each year: its next time ("mud by late October")
    r"|until next|deadline|hope[sd]? to|plans? to|aims? to|intends? to|upcoming"
    r"|to be (?:held|convened)|to take place"  # "the Conference of the Parties, to be held in"
    r"|(?:comes?|enters?) into force|takes? effect"  # "It comes into force on 1 January"
    r"|expect (?:[\w-]+ ){0,3}to"  # "millers expect bread prices to rise by September"
    r"|expects|can"  # "which the Commission expects on November 20", "can send … in January"
    r"|recommends?|proposes?|look(?:s|ing)? forward to"  # "We recommend that …, and report in
    # January"; "looks forward to hosting the Conference from 27 May"
    r"|agreed to (?:[\w-]+ ){1,4}by"  # "the Committee agreed to send 40 by 31 August"
    r"|next (?:[\w-]+ ){1,3}(?:is|are|for|on)"
    r"|(?:^|\n)\s*\d+\.\s+[A-Z][a-z]+)\b",
    re.I,
)
# What was done in a month, though its sentence looks ahead: "no territory should be given up,
# a little below the 84% the institute published in June" (a June before the document's)
DONE_IN = re.compile(
    r"(?<!\bbe )(?<!\bthe )(?<!\bThe )(?<!\bour )(?<!\bOur )(?<!\bits )(?<!\ba )(?<!\ban )"
    r"\b(?:[a-z]{3,}ed|began|took|made|found|held|said|was|were|did)(?: [a-z]+){0,2}"
    r" (?:in|on) $"  # (not "will be issued on 23 March", "to be held in November", "Our fixed
    # contract ends on 31 October"; "as was the case in July" is a July gone)
)


def _a_deadline(text: str, figure: Figure) -> bool:
    """A day one must act by or before: "By 12 April, the Council will", "comments by 30
    August", "sign before 22 September"; not where the sentence tells the past ("By 24 March,
    3.5 million had fled"). (A month alone after "by" may be gone: "74% by December".)"""
    return bool(BY_THEN.search(text, max(0, figure.start - 16), figure.start)) and not (
        TOLD_AS_PAST.search(
            text, _sentence_start(text, figure.start), _sentence_end(text, figure.end)
        )
    )


TOLD_AS_PAST = re.compile(r"\b(?:had|was|were|did)\b")
BY_THEN = re.compile(r"\b(?:[Bb]y|[Bb]efore|(?:[Nn]o|[Nn]ot) later than) $")  # ("no later than")
# A date said to be recent: counted back from the document's date, whatever the paragraph told
# before ("Lavrov said in March 2022 …, and as recently as July he …").
RECENT = re.compile(r"\b(?:as recently as|as late as|only|just|this past) $", re.I)


def _sentence_start(text: str, position: int) -> int:
    """Where the clause holding ``position`` starts, near enough: after the last stop."""
    floor = max(0, position - 300)  # looked for no further back (a mark not in the text was
    # looked for back to its start, each time: quadratic on a long text)
    ends = [text.rfind(mark, floor, position) for mark in (". ", "? ", "! ", ": ", "; ", "\n")]
    return max(*ends, position - 300) + 1


def _clause_start(text: str, position: int) -> int:
    """Where the part of its sentence that holds ``position`` starts: after the last comma,
    colon, semicolon or dash before it."""
    opens = _sentence_start(text, position)
    return max([opens] + [text.rfind(mark, opens, position) + 1 for mark in ",;:—–"])


def _sentence_end(text: str, position: int) -> int:
    """Where the clause holding ``position`` ends, near enough: at the next stop."""
    ceiling = min(len(text), position + 300)
    ends = [text.find(mark, position, ceiling) for mark in (". ", "? ", "! ", "; ", "\n")]
    return min([end for end in ends if end >= 0], default=ceiling)


def _number(raw: str) -> float:
    return float(raw.replace(",", ""))


def _in_units(number: float, scale: int) -> float:
    """``number`` times its scale, as written: "17.1 billion" is 17100000000, not the
    17100000000.000002 that binary floating point makes of it."""
    return float(Decimal(repr(float(number))) * scale)


DOT_GROUPED = re.compile(r"\d{1,3}(?:\.\d{3})+")


MEASURES = {"km", "km2", "bcm", "miles", "square miles", "nautical miles", "tonnes", "hectares",
            "acres", "barrels", "litres", "hours", "days", "weeks", "months", "years", "points",
            "times"}  # fmt: skip


def _count(raw: str, scale: int, unit: str) -> float:
    """A count as written. "188.000 men" groups its thousands with a dot, as many languages (and
    many a translated speech) do: a count of people or things has no fraction, unlike a measure
    ("3.125 tonnes")."""
    if scale == 1 and unit not in MEASURES and DOT_GROUPED.fullmatch(raw):
        return float(raw.replace(".", ""))
    return _number(raw)


def _whole(raw: str) -> int:
    """A count of days, weeks or years as written: "four", "a", "12"."""
    return NUMBER_WORDS[raw] if raw in NUMBER_WORDS else int(raw)


def _hedge_after(groups: dict[str, str]) -> str:
    """The hedge a number's ending makes: "300 or so" about, "300+" and "300-odd" more than."""
    if groups.get("about"):
        return "about"
    return "more than" if groups.get("plus") or groups.get("odd") else ""


def _figure(
    kind: str, m: re.Match[str], groups: dict[str, str], today: date | None
) -> Figure | None:
    hedge = (groups.get("hedge") or "").lower() or _hedge_after(groups)
    if (
        (groups.get("about") or groups.get("odd"))
        and TIME_UNIT.fullmatch(groups.get("unit") or "")
        and (AGO_AFTER.match(m.string, m.end()) or COUNTED_BACK.search(m.string, 0, m.start()))
    ):
        return None  # "20-odd years ago", "the past 20 or so years": a time, not a count
    bare = Figure(
        m.start(), m.end(), m.group(), kind, approximate=bool(hedge), bound=HEDGES.get(hedge)
    )
    if kind == "percent":  # "84%", "Eighty per cent"
        value = NUMBER_WORDS.get(groups["n"].lower()) or _number(groups["n"])
        return replace(bare, value=float(value), unit="percent")
    if kind == "share":  # a percentage, as a text in numbers would give it
        count = groups.get("k") or "one"
        parts = PARTS[(groups.get("part") or "half").lower()] if not groups.get("den") else None
        whole = parts or _whole(groups["den"].lower())
        if not whole:
            return None
        value = round(100 * _whole(count.lower()) / whole, 1)
        return replace(bare, kind="percent", value=value, unit="percent")
    if kind == "measure":
        return replace(bare, kind="count", value=_number(groups["n"]), unit=groups["symbol"])
    if kind == "tonnes":  # "2.1 Mt", "30,000 t"
        scale = 1e6 if groups.get("mega") else 1
        return replace(bare, kind="count", value=_number(groups["n"]) * scale, unit="tonnes")
    if kind == "fold":
        times = ONCE.get(groups["n"].lower()) or _whole(groups["n"].lower())
        return replace(bare, kind="count", value=float(times), unit="times")
    if kind == "money":
        scale = SCALES.get((groups.get("scale") or "").lower(), 1)
        value = _in_units(_number(groups["n"]), scale)
        return replace(bare, value=value, unit=CURRENCIES[groups["cur"]])
    if kind == "count" and groups.get("vague"):
        value = VAGUE[groups["vague"].lower()] * VAGUE[groups["of"].lower()]
        unit = UNIT_NOUNS.get((groups.get("unit") or "").lower())
        return replace(bare, value=float(value), unit=unit, approximate=True, bound="lower")
    if kind == "count" and (groups.get("unit") or groups.get("demonym")):
        raw = groups["n"].lower()
        dating = LATER.match(m.string, m.end() - len(groups.get("unit") or ""))
        if raw in ("a", "one") and not groups.get("scale") or dating:
            return None  # "a people", "will one day be", "Four days later": no figure
        scale = SCALES.get((groups.get("scale") or groups.get("short") or "").lower(), 1)
        noun = (groups.get("unit") or "").lower()
        unit = UNIT_NOUNS.get(noun) or UNIT_NOUNS.get(noun + "s", noun) or "people"
        if noun == "members" and _members_who_vote(bare, m.string):
            unit = "people"
        number = NUMBER_WORDS.get(raw) or (0.5 if raw == "half a" else _count(raw, scale, unit))
        approximate = bare.approximate  # only what the text hedges: "4.2 million tonnes" is not
        return replace(bare, value=_in_units(number, scale), unit=unit, approximate=approximate)
    if kind in ("bare", "cell", "part"):
        return replace(
            bare, value=float(NUMBER_WORDS.get(groups["n"].lower()) or _number(groups["n"]))
        )
    if kind == "tally":
        return replace(bare, kind="count", value=float(groups["n"]), unit="votes")
    if kind == "count":
        scale = SCALES.get((groups.get("scale") or "").lower(), 1)
        approximate = bare.approximate
        number = NUMBER_WORDS.get(groups["n"].lower()) or _number(groups["n"])
        return replace(bare, value=_in_units(number, scale), approximate=approximate)
    if kind == "year":
        if groups.get("decade"):  # "the 1990s": its ten years
            opening = groups["y"] + "0"
            return replace(bare, value=float(opening), date=opening, until=f"{groups['y']}9-12-31")
        year_named = replace(bare, value=float(groups["y"]), date=groups["y"])
        if not groups.get("y2"):
            return year_named
        final = groups["y2"] if len(groups["y2"]) == 4 else groups["y"][:2] + groups["y2"]
        if not 0 < int(final) - int(groups["y"]) <= 30:
            return None  # "2019-07", a year's month; "Record 2001-99", a number
        return replace(year_named, until=f"{final}-12-31")  # "2019-23": to its last year's end
    if kind == "year-edge":
        return replace(
            bare, kind="date", date=f"{groups['y']}-{12 if groups['edge'] == 'end' else 1:02d}"
        )
    if kind == "date":
        month = int(groups["mn"]) if groups.get("mn") else MONTHS[groups["m"].lower().rstrip(".")]
        if not groups.get("d"):
            return replace(bare, date=f"{groups['y']}-{month:02d}")
        try:
            day = date(int(groups["y"]), month, int(groups["d"]))
        except ValueError:
            return None
        return replace(bare, date=day.isoformat())
    if kind == "month-range":  # its year, and so its end's, given ("August–December 2023") or
        # from the context (`_in_context`)
        first, last = (MONTHS[groups[key].lower()] for key in ("m", "m2"))
        if groups.get("y"):
            year = int(groups["y"])
            begins = year - 1 if first > last else year
            ends = _month_end(year, last)
            return replace(bare, kind="date", date=f"{begins}-{first:02d}", until=ends.isoformat())
        return replace(bare, kind="date", date=f"--{first:02d}", until=f"--{last:02d}")
    if kind == "year-to":  # its last month, then the year before it (find_figures)
        month = MONTHS[groups["m"].lower()]
        return replace(bare, kind="date", date=f"{groups.get('y') or '-'}-{month:02d}")
    if kind == "holiday":
        held_on = {"Day": "01-01", "Eve": "12-31"}.get(groups.get("ny") or "", "12-25")
        held_on = "12-24" if groups.get("eve") else held_on
        return replace(bare, kind="date", date=f"{groups.get('y') or '-'}-{held_on}")
    if kind == "day-month":
        month, number = MONTHS[groups["m"].lower().rstrip(".")], int(groups["d"])
        if not 1 <= number <= 31:
            return None
        return replace(bare, kind="date", date=f"--{month:02d}-{number:02d}")
    if kind == "since-then":
        return bare
    if kind == "that-month":  # dated by the paragraph in find_figures
        if groups.get("m"):
            before = groups["dir"].lower() in ("previous", "preceding")
            named = float(MONTHS[groups["m"].lower()])
            return replace(bare, value=named, unit="before" if before else "after")
        return replace(bare, value=None, unit=None)
    if kind == "that-year":  # its month, dated by the paragraph in find_figures
        if groups.get("season"):  # its first month, and three months long
            return replace(bare, value=float(SEASONS[groups["season"].lower()]), unit="season")
        if groups.get("m"):
            return replace(bare, value=float(MONTHS[groups["m"].lower()]))
        return replace(bare, value=12.0 if groups["edge"].lower() == "end" else 1.0)
    if kind == "later":
        raw = (groups.get("n") or "one").lower()
        n = _whole(raw)
        unit = groups["unit"].lower()
        if unit == "quarter":  # three months, named by its first
            n, unit = 3 * n, "month"
        unit = unit if unit in ("week", "month", "year") else "day"
        back = (groups.get("dir") or "").lower() in BACK_IN_TIME
        step = 0 if groups.get("same") else -n if back else n
        return replace(bare, kind="later", value=float(step), unit=unit)
    if kind == "season":
        return _season(bare, groups, today)
    if kind == "quarter":  # "the first quarter of 2023": its three months; a half, its six
        if groups.get("h"):  # "H1", "H2", "the second half"
            first, months = (1 if groups["h"] == "1" else 7), 6
        else:
            q = groups["q"]
            first, months = 3 * (int(q[0]) if q[0].isdigit() else QUARTERS[q.lower()]) - 2, 3
        if groups.get("this") and today is not None:  # "the second half of this year"
            groups = {**groups, "y": str(today.year)}
        if not groups.get("y"):  # "the second quarter": the year from the context
            last = first + months - 1
            return replace(bare, kind="date", date=f"--{first:02d}", until=f"--{last:02d}")
        start = date(int(groups["y"]), first, 1)
        until = date.fromordinal(_shift(start, months, "month").toordinal() - 1)
        return replace(bare, kind="date", date=start.isoformat()[:7], until=until.isoformat())
    if kind == "first-months":
        return _first_months(bare, groups, today)
    if kind in ("period-edge", "month-of-year"):
        counted = _month_counted(bare, groups, today)
        if groups.get("since") and today is not None and counted.date:
            counted = replace(counted, until=today.isoformat())
        return _counted(counted, today)
    if kind in RELATIVE:
        return _counted(RELATIVE[kind](replace(bare, kind="relative-date"), groups, today), today)
    if groups["unit"].lower() == "decade" and not groups.get("n") and bare.text.endswith("s"):
        return None  # "over the past decades": how long, vague
    return _counted(_relative(bare, groups, today), today)


def _counted(figure: Figure, today: date | None) -> Figure:
    """A date counted from the document's ("yesterday", "the past 20 months") says so."""
    if today is None or not figure.date or figure.date.startswith("--"):
        return figure
    return replace(figure, resolved_by=f"counted from the document's date, {today.isoformat()}")


def _relative_day(bare: Figure, groups: dict[str, str], today: date | None) -> Figure:
    word = groups["word"].lower()
    if today is None:
        return bare
    if word == "this time last year":  # that month, a year before
        return replace(bare, date=f"{today.year - 1}-{today.month:02d}")
    shift = {"yesterday": -1, "last night": -1, "tomorrow": 1}.get(word, 0)
    return replace(bare, date=date.fromordinal(today.toordinal() + shift).isoformat())


def _relative_period(bare: Figure, groups: dict[str, str], today: date | None) -> Figure:
    """ "last week" is the Monday-to-Sunday week before the document's; "last month", "this
    quarter" and "next year" are that month, those three months and that year."""
    step = {"last": -1, "this": 0, "next": 1}[groups["which"].lower()]
    unit = groups["unit"].lower()
    if today is None:
        return bare
    if unit == "week":
        monday = today.toordinal() - today.weekday() + 7 * step
        return replace(
            bare,
            date=date.fromordinal(monday).isoformat(),
            until=date.fromordinal(monday + 6).isoformat(),
        )
    if unit == "month":
        return replace(bare, date=_shift(today, step, "month").isoformat()[:7])
    if unit == "quarter":  # "this quarter" in February: January to March
        first = _shift(date(today.year, (today.month - 1) // 3 * 3 + 1, 1), 3 * step, "month")
        last = date.fromordinal(_shift(first, 3, "month").toordinal() - 1)
        return replace(bare, date=first.isoformat()[:7], until=last.isoformat())
    return replace(bare, date=str(today.year + step))


def _weekend(bare: Figure, groups: dict[str, str], today: date | None) -> Figure:
    """ "the weekend", "last weekend": the last Saturday and Sunday before the document's date
    (its own, on a Sunday); "this weekend" and "next weekend": the next one."""
    if today is None:
        return bare
    ahead = groups["which"].lower() in ("this", "next")
    saturday = today.toordinal() - (today.weekday() - 5) % 7  # the last Saturday, or today
    if ahead and saturday < today.toordinal() - 1:
        saturday += 7
    return replace(
        bare,
        date=date.fromordinal(saturday).isoformat(),
        until=date.fromordinal(saturday + 1).isoformat(),
    )


def _ago(bare: Figure, groups: dict[str, str], today: date | None) -> Figure:
    raw = groups["n"].lower()
    n = _whole(raw)
    n, unit = _in_weeks_or_years(n, groups["unit"].lower())  # "a fortnight ago": two weeks
    figure = replace(bare, value=float(n), unit=unit)
    if today is None:
        return figure
    then = _shift(today, -n, unit)
    width = 7 if unit in ("year", "month") else 10  # "two years ago" in November: that November
    return replace(figure, date=then.isoformat()[:width])


def _named_month(bare: Figure, groups: dict[str, str], today: date | None) -> Figure:
    """ "since May", "last July", "in June": a month named without its year."""
    month = MONTHS[groups["m"].lower()]
    which = (groups.get("which") or "").lower()
    if which in ("", "early", "late", "this"):  # the context may give the year
        return replace(bare, date=f"--{month:02d}")
    if today is None:
        return bare
    if which == "next":
        year = today.year if month > today.month else today.year + 1
    elif which == "last":
        year = today.year if month < today.month else today.year - 1
    else:  # since
        year = today.year if month <= today.month else today.year - 1
    figure = replace(bare, date=f"{year}-{month:02d}")
    return replace(figure, until=today.isoformat()) if which == "since" else figure


def _weekday(bare: Figure, groups: dict[str, str], today: date | None) -> Figure:
    """ "on Monday": the latest Monday not after the document's date (a wire dated Tuesday
    says "on Tuesday" of that day); "next Monday": the first one after it."""
    if today is None:
        return bare
    wanted = list(calendar.day_name).index(groups["wd"])
    if groups.get("next"):
        ahead = (wanted - today.weekday()) % 7 or 7
        return replace(bare, date=date.fromordinal(today.toordinal() + ahead).isoformat())
    back = (today.weekday() - wanted) % 7
    return replace(bare, date=date.fromordinal(today.toordinal() - back).isoformat())


def _its_clause_looks_ahead(text: str, figure: Figure) -> bool:
    """Whether the clause that holds a weekday looks ahead to it ("The question will be put on
    Tuesday", "The panel meets on Friday"), with no verb in the past between ("Zelensky, who is
    expected in Washington, met Macron on Sunday"; "Exports should recover, the bank said on
    Thursday")."""
    opens = _clause_start(text, figure.start)
    ahead = FUTURE.search(text, opens, figure.start) or SET_FOR.search(text, opens, figure.start)
    return ahead is not None and not PAST_VERB.search(text, ahead.end(), figure.start)


PAST_VERB = re.compile(
    r"\b(?:[a-z]{2,}ed|said|told|met|struck|ran|broke|shut|went|came|took|made|found|held"
    r"|was|were|did|gave|left|won|lost|saw|sent|spoke|wrote|began|fell|rose|hit|set"
    # and what no "-ed" shows ("Zelensky flew to Washington on 21 December", "The ferry sank")
    r"|flew|sank|paid|fought|brought|bought|caught|taught|sought|led|fled|sold|kept|spent|built"
    r"|felt|dealt|stood|withdrew|drew|grew|knew|threw|hid|drove|chose|froze|stole|hung|rang|sat"
    r"|laid|got|became|ate|heard|dug|swept|woke|shook|forbade|overran|overtook|undertook"
    r"|withheld|upheld|underwent|arose|sprang|slid)\b"
)


def _weekday_ahead(figure: Figure, weekday: str, today: date) -> Figure:
    """A weekday the text looks ahead to: the first one on or after the document's date."""
    wanted = list(calendar.day_name).index(weekday)
    ahead = (wanted - today.weekday()) % 7
    return replace(
        figure,
        date=date.fromordinal(today.toordinal() + ahead).isoformat(),
        resolved_by=f"the first such day from the document's, {today.isoformat()}, the text "
        "looking ahead",
    )


def _first_months(bare: Figure, groups: dict[str, str], today: date | None) -> Figure | None:
    """ "the first ten months of the year": January to October of that year (the document's,
    or the year before it for "last year")."""
    months = 6 if groups.get("half") else _whole(groups["n"].lower())
    if not 1 <= months <= 12:
        return None
    if groups.get("y"):
        year = int(groups["y"])
        return replace(
            bare, kind="date", date=f"{year}-01", until=_month_end(year, months).isoformat()
        )
    if today is None:
        return replace(bare, kind="relative-date")
    year = today.year - (groups["which"].lower() == "last")
    until = _month_end(year, months).isoformat()
    dated = replace(bare, kind="relative-date", date=f"{year}-01", until=until)
    return _counted(dated, today)


def _month_end(year: int, month: int) -> date:
    """The last day of a month."""
    return date(year, month, calendar.monthrange(year, month)[1])


def _month_counted(bare: Figure, groups: dict[str, str], today: date | None) -> Figure:
    """A month counted from the document's date: "in March last year", "the end of last year"
    (its last month), "the start of next month"."""
    if today is None:
        return replace(bare, kind="relative-date")
    step = {"last": -1, "this": 0, "the": 0, "next": 1}[groups["which"].lower()]
    if (groups.get("unit") or "year").lower() == "month":
        month = today.year * 12 + today.month - 1 + step
        year, month = divmod(month, 12)
        return replace(bare, kind="relative-date", date=f"{year}-{month + 1:02d}")
    if groups.get("m"):
        month = MONTHS[groups["m"].lower()]
    else:
        month = 12 if groups["edge"].lower() == "end" else 1
    if groups.get("d"):  # "21 September last year"
        try:
            day = date(today.year + step, month, int(groups["d"]))
        except ValueError:  # "31 September": no such day
            return replace(bare, kind="relative-date")
        return replace(bare, kind="relative-date", date=day.isoformat())
    return replace(bare, kind="relative-date", date=f"{today.year + step}-{month:02d}")


def _end_of(bare: Figure, groups: dict[str, str], today: date | None) -> Figure:
    """ "by the end of the month": from the document's date to the month's last day."""
    if today is None:
        return bare
    unit = groups["unit"].lower()
    if unit == "week":
        end = date.fromordinal(today.toordinal() + 6 - today.weekday())
    elif unit == "month":
        end = _month_end(today.year, today.month)
    else:
        end = date(today.year, 12, 31)
    return replace(bare, date=today.isoformat(), until=end.isoformat())


RELATIVE = {
    "relative-day": _relative_day,
    "weekend": _weekend,
    "relative-period": _relative_period,
    "ago": _ago,
    "named-month": _named_month,
    "month-alone": _named_month,
    "weekday": _weekday,
    "end-of": _end_of,
}


def _relative(bare: Figure, groups: dict[str, str], today: date | None) -> Figure:
    """ "the past 20 months" is the period from 20 months before the document's date to it;
    "the past year", from a year before."""
    raw = (groups.get("n") or "1").lower()
    n = _whole(raw)
    unit = groups["unit"].lower()
    figure = replace(bare, value=float(n), unit=unit)
    if today is None:
        return figure
    n, unit = _in_weeks_or_years(n, unit)  # "the past fortnight", "the past decade"
    shifted = _shift(today, n if groups["dir"].lower() in ("next", "coming") else -n, unit)
    first, last = sorted((today, shifted))
    return replace(figure, date=first.isoformat(), until=last.isoformat())


def _in_weeks_or_years(n: int, unit: str) -> tuple[int, str]:
    """A count of fortnights in weeks, of decades in years; any other unit as it is."""
    return {"fortnight": (2 * n, "week"), "decade": (10 * n, "year")}.get(unit, (n, unit))


def _shift(day: date, n: int, unit: str) -> date:
    if unit in ("day", "week"):
        return date.fromordinal(day.toordinal() + n * (7 if unit == "week" else 1))
    months = n * (12 if unit == "year" else 1)
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    last_day = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last_day))
