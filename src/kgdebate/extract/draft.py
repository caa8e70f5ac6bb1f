"""A draft annotation from a text: what `kgdebate extract` writes, ready for `kgdebate ingest`.

The draft is the curated format plus a ``draft:`` block (see the JSON Schema): the guessed
metadata fields, the layout, every mention with its offsets, the ambiguous names and proposed
new entities, the figures and the stance labels. Candidate claims are one per asserting
sentence, with both quote selectors, and a side and theme where the layout says so.
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_left
from collections.abc import Collection, Iterator
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from kgdebate import __version__
from kgdebate.errors import InputError
from kgdebate.extract.as_of import FigureDates
from kgdebate.extract.figures import (
    A_YEAR,
    STATISTIC_KINDS,
    UNIT_NOUNS,
    Figure,
    dated_by_events,
    find_figures,
)
from kgdebate.extract.gazetteer import (
    Entity,
    Found,
    Gazetteer,
    Mention,
    fold,
    unnamed_spans,
)
from kgdebate.extract.layout import (
    ANSWERING,
    CELL_GAP,
    CHALLENGED,
    ITEM_MARK,
    LABELS,
    LIST_MARKER,
    SHORT_LINE,
    UNLABELLED_ANSWER,
    Layout,
    Paragraph,
    heading_side,
    read_layout,
    says_boilerplate,
)
from kgdebate.extract.lexicon import is_common_word
from kgdebate.extract.names import (
    COMMON_ABBREVIATIONS,
    DEMONYM,
    JOINED_DEED,
    NOT_ALONE,
    NUMBERS,
    OF_THE,
    OPENS_AFTER,
    STOP_NAMES,
    TITLES,
    opens_with_title,
    without_titles,
)
from kgdebate.extract.reading import Source
from kgdebate.extract.sources import COMPANY, FigureSources
from kgdebate.extract.spans import SpanIndex
from kgdebate.extract.statements import plain_words
from kgdebate.extract.trie import one_of
from kgdebate.mint import slugify

SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
CONTEXT = 32  # characters of prefix and suffix, as in the curated seed
PUBLISHER_TYPES = {"ThinkTank", "University", "InternationalOrganization", "NewsOrganization"}
URL = re.compile(r"https?://[^\s<>\"{}|\\^`]+[^\s<>\"{}|\\^`.,;:)]")
# A particle inside a person's or a place's name: "Staffan de Mistura", "Ursula von der Leyen",
# "Plaza de Mayo".
PARTICLE = r"(?:de|da|di|del|della|van|von|du|bin|ibn)(?:\s+(?:der|den|la|le|los|las))?"
# A run of capitalised words, joined by "of", "the", "for", "and", "on" ("Bank of Russia") or a
# particle.
DAYS_AND_MONTHS = "|".join(
    [*(d for d in calendar.day_name), *(m for m in calendar.month_name if m)]
)
NAME_RUN = re.compile(  # "Radio Free Europe/Radio Liberty" is one name; "R. Patel" with initial
    # not "1.5°C. They", nor a handle's or a hashtag's word ("@UkraineCounts", "#StandWith"); the
    # first capital matched before what may stand before it is checked, so that the scan skips
    # to capitals (as NAMED_PAPER)
    rf"[A-Z](?<![\w'’.@#][A-Z])(?:(?<![^\s(“\"][A-Z])\. (?:[A-Z]\. )*[A-Z])?[\w’'./-]*[\w]"
    rf"(?:(?:{OF_THE}|\s+(?:of|the|for|and|on|{PARTICLE}))\s+[A-Z][\w’'/-]*"
    r"|\s+(?:[A-Z]\.\s)*[A-Z][\w’'/-]*(?:&[A-Z]+)?"  # "By J. R. Okonkwo", "… P&I Club"
    # a nickname of a word or two in capitals, between a name's words (Gwen "Gee" Example-Pryce;
    # not a programme's title after a broadcaster's, CBS "Face the Nation" Sunday)
    r"|(?<=[a-z])(?<!Operation)\s+[\"“][A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*)?[\"”]"
    rf"(?=\s+(?!(?:{DAYS_AND_MONTHS})\b)[A-Z]))*"
)
# A lowercase word that belongs to the name before it.
NAME_HEAD = re.compile(  # (and a company's suffix in lower case: "Example Power plc")
    r" (?:region|regiment|oblast|province|district|battalion|brigade|valley|river|peninsula|channel"
    r"|canal|strait|steelworks|plant|plc)\b"
)
FIELD_LINE = re.compile(r"[*_]{0,2}(?:By|From|To|Authors?|Written by)\b:?\s", re.IGNORECASE)
LABELLED_LINE = re.compile(  # "Members present: …", "Witnesses: …": the people taking part
    r"(?:Members|Witnesses|Panel|Panellists|Panelists|Speakers|Participants|Moderator|Chair"
    r"|Host|Hosts|Guests?|Present)(?: present)?: "
)
NEWS_DATELINE = re.compile(  # "KYIV, 20 November 2023 —", "ODESA, Nov 17 (Example Wire) –"
    r"[A-Z][A-Za-z'’. -]{1,40}?,\s+(?P<date>[^—–\n(]{4,30}?)\s*(?:\([^)\n]{1,40}\)\s*)?[—–-]\s"
)
DATELINE = re.compile(r"[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+)?, ")  # "Vienna, 8 October 2024"
TIME_STAMP = re.compile(  # a live blog's entry: "**16:05** — …", "09:00 GMT – …"
    r"(?:\*\*|__)?[0-2]?\d[:.][0-5]\d(?:\s?(?:[ap]\.?m\.?|[A-Z]{3,4}))?(?:\*\*|__)?\s*[—–-]\s+"
)
BY_SOMEONE = re.compile(r"\bby $")
TIME_WORDS = {name.lower() for name in [*calendar.day_name, *calendar.month_name] if name}
TWO_ACRONYMS = re.compile(r"[A-Z](?<![\w-][A-Z])[A-Z]{1,4} [A-Z]{2,5}(?![\w-])")  # "UN OCHA"
# What opens a name's sentence though the line goes on: a table cell's bar or a separator
# ("Archive 3 · Discussion closed"), a section's number ("II.1.4) Short description"), the full
# stop after a year or a word ("Example Review, 30 November 2023. Interview by …"), not a title's
# ("Dr."); an opening quote, and inside a quotation a colon, before a title's words ("the theme
# “Rebuilding trust …: Accelerating action …”"; not "a second blow: Finland joined").
OPENED = re.compile(r"(?:[|·]|(?:\d|[a-z]{3})\.|\.\d{1,3}\))\s*$|[“‘\"]$")
ASKED = re.compile(  # a question's "Will I", "Am I": no name
    r"(?:Am|Are|Is|Was|Were|Will|Would|Shall|Should|Can|Could|May|Might|Must|Do|Did|Have) I"
)
OPENING_MARKS = "“\"‘'(«[ *_"  # before a sentence's first word: “Rebuilding trust …”, **Polls.**
# What follows a person's surname alone, and not a place's last word ("Marsh put", "Hrytsenko
# also claimed"; not "America" after "Latin America", nor "Africa's" after "Central Africa").
PERSON_AFTER = re.compile(
    r" (?:[a-z]+ly |then |also |later |again |had |has |have )?(?:said|says|told|tells"
    r"|added|adds|noted|notes|argued|argues|put|puts|estimated|estimates|wrote|writes|warned"
    r"|warns|asked|asks|answered|replied|explained|claimed|claims|insisted|insists|believes"
    r"|thinks|spoke|speaks|described|describes|called|calls|recalled|recalls|stressed|appealed"
    r"|appeals|pointed|points|urged|urges|reminded|reminds|cited|cites|suggested|suggests"
    r"|conceded|concedes|countered|counters)\b"
)
# Where a full name is a person's: after a title, a role or "said"; before a role set off by
# commas or a verb of saying ("said Oksana Hrytsenko, a deputy minister", "Lena Marsh, head of").
PERSON_BEFORE = re.compile(
    r"(?:\b(?:said|says|told|by|Mr|Ms|Mrs|Dr|Prof|Professor|President|Minister|Senator|Ambassador"
    r"|Secretary|Director|Chair|Chief|analyst|economist|researcher|spokes(?:man|woman|person)"
    r"|envoy|official|minister|journalist|editor|author|director|chair|fellow|head|colleague"
    r"|columnist|reporter|correspondent|commentator|historian|scholar|judge|lawyer|counsel"
    r"|captain|councillor|teacher|officer|moderator|host|presenter)\.?),? $"
)
COMPASS = {
    "north",
    "south",
    "east",
    "west",
    "central",
    "northern",
    "southern",
    "eastern",
    "western",
}
PERSON_ROLE_AFTER = re.compile(  # ", a …", ", head of …", ", senior fellow, …"
    r", (?:(?:an?|the|who|[a-z]+ (?:of|at|for))\b|(?:[a-z]+ )?(?:director|fellow|chair|editor"
    r"|analyst|researcher|professor|adviser|advisor|correspondent|spokes(?:man|woman|person)),)"
)
ROMAN = re.compile(r"(?=[IVXLC]{2})C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")  # "XX", "VII"
CODE_AFTER = re.compile(r"[$/-]| ?\d")
LONG_NUMBER_AFTER = re.compile(r" \d{5,}\b")  # a register's number: "IMO 9000001"
STREET = re.compile(r".* (?:Street|Square|Lane|Road|Avenue|Place|Row|Drive|Gardens)")
HOUSE_NUMBER_BEFORE = re.compile(r"(?<![\d/.,])\d{1,3}[a-z]?,? $")  # never a year: "in 2011"
HOUSE_NUMBER_AFTER = re.compile(  # "Rue de l'Exemple 12", "Via Roma 5"
    r"(?: (?:de|del|della|des|du|la|l['’][\w-]+|[A-Z][\w'’-]*)){1,3} \d{1,4}\b"
)


def _a_street(text: str, span: tuple[int, int], candidate: str) -> bool:
    """An address's street, with its house number: "4 Example Square", "Rue de l'Exemple 12"
    (not "Independence Square" or "Tahrir Square in 2011", where no house number stands)."""
    if candidate in ("Rue", "Via"):
        return bool(HOUSE_NUMBER_AFTER.match(text, span[1]))
    return bool(STREET.fullmatch(candidate)) and bool(
        HOUSE_NUMBER_BEFORE.search(text, max(0, span[0] - 6), span[0])
    )


def _as_ended(text: str, first: int, name: str) -> str:
    """``name`` (at ``first``) as it ends: with the stop of an initial it ends on, where the
    sentence goes on ("Priya S. (Example Lines)", "D.C. agreed"; not "no Plan B."), without the
    "I" of one who speaks after a place ("In Kharkiv I paid": Kharkiv) or after "and" ("The
    Assembly and I agree"); not a ruler's or a war's numeral ("Peter I founded", "after World War
    I ended", "Phase I trials")."""
    end = first + len(name)
    if ENDS_ON_AN_INITIAL.search(name) and INITIALS_STOP.match(text, end):
        return name + "."
    if name.endswith((" and I", " or I")) and LOWER_WORD_AFTER.match(text, end):
        return SPEAKING_I.sub("", name)  # (no name ends in "and I")
    if (
        name.endswith(" I")
        and PRONOUN_I_SAYS.match(text, end)
        and AFTER_A_PLACE.search(text, max(0, first - 9), first)
    ):
        return SPEAKING_I.sub("", name)
    return name


ENDS_ON_AN_INITIAL = re.compile(r"(?:^|[\s.])(?![IVX])[A-Z]$")
INITIALS_STOP = re.compile(r"\.(?=,| \(| [a-z])")  # (not "L.J": an initial's, "L.J." whole)
PRONOUN_I_SAYS = re.compile(  # what one says of oneself ("I paid"), not a ruler's "I founded"
    r" (?:am|was|have|had|paid|met|saw|went|came|think|thought|believe|remember|know|knew|said"
    r"|told|visited|lived|worked|grew|spent|found|heard|asked|wrote|will|would|can|could|did|do"
    r"|feel|felt|want|wanted|hope|must|should|agree|see|got|left|stayed|learned|learnt)\b"
)
SPEAKING_I = re.compile(r"(?: and| or)? I$")
LOWER_WORD_AFTER = re.compile(r" [a-z]")
AFTER_A_PLACE = re.compile(r"\b(?i:in|at) (?:the )?$")  # (not "a monument to Peter I in …")


def _serial_letters(text: str) -> set[str]:
    """The capitals that number items from the first in ``text``: "P1" and "P2", or a range
    "K1–K6" (not "the P5 and the P3", "G7 and G20", the motorways "M1", "M25" and "M4")."""
    numbered: dict[str, set[str]] = {}
    for letter, number in SERIAL_ITEM.findall(text):
        numbered.setdefault(letter, set()).add(number)
    ranged = {match.group(1) for match in SERIAL_RANGE.finditer(text)}
    return {
        letter
        for letter, numbers in numbered.items()
        if letter != "G" and "1" in numbers and ("2" in numbers or letter in ranged)
    }


def _a_ships_name(text: str, span: tuple[int, int], candidate: str) -> bool:
    """A ship is no actor, place or event: "the bulk carrier Example Star", "MV EXAMPLE DAWN",
    "EXAMPLE STAR (IMO 9000001)"; not its owner or operator ("the registered owner Novaport
    Shipping Ltd (IMO 5867431)", "a ferry Irish Ferries chartered")."""
    if COMPANY.search(candidate) or SHIPPING_LINE.search(candidate):
        return False
    return bool(
        SHIP_BEFORE.search(text, max(0, span[0] - 30), span[0]) or IMO_AFTER.match(text, span[1])
    )


SHIPPING_LINE = re.compile(r"\b(?:Ferries|Lines|Shipping|Line|Tankers|Carriers|Maritime|Marine)\b")
SHIP_BEFORE = re.compile(  # (after a determiner: not the verb of "Exporters ship Nibulon grain")
    r"(?:\b(?:MV|M/V|MT|M/T)|\b(?i:the|a|an|its|their|our|his|her) (?:[\w-]+ )?(?i:vessel|ship"
    r"|tanker|bulker|bulk carrier|freighter|barge|tug|ferry)s?) $"
)
IMO_AFTER = re.compile(r",? \(?IMO:? ?\d{7}\b")
PEOPLE_OF = frozenset(  # who, of a place or a body, open a sentence: "Residents of Orikhiv
    # said"; those a count counts as people (and families, and staff)
    [noun for noun, unit in UNIT_NOUNS.items() if unit in ("people", "families")] + ["staff"]
)
SIDING_WITH = re.compile(r"\b(?i:pro|anti)-$")
OWNED_BY_ONE = re.compile(  # "Erdoğan's spokesman", "Marsh's own estimate"
    r"['’]s (?:own |[a-z]+ )?(?:spokes(?:man|woman|person)|office|aides?|team|estimate|view"
    r"|remarks|words|government|administration|party|envoy|adviser|advisor|findings|judgment"
    r"|ruling|book|account|reckoning|answer|question)\b"
)
DID_SOMETHING = re.compile(r" (?:had |has |also |then )?(?-i:[a-z]{3,}ed)\b")
POSSESSIVE = re.compile(r"(?<=s)['’]$|['’]s$")
NOTE_MARK_AFTER = re.compile(r"\.?[⁰¹²³⁴⁵⁶⁷⁸⁹]+$")
OWNERS_S = re.compile(r"['’]s$")
TRAILING_MONTH = re.compile(  # "the KIIS December wave", "Updated Friday": no part of a name
    r"(?: (?:"
    + "|".join([m for m in calendar.month_name if m and m != "May"] + list(calendar.day_name))
    + r"))+$"
)  # but "Theresa May" is a name
# A word in lower case, with what stands before it (a text is read with a space before it): a
# scan from one space or mark to the next, faster than checking what stands before each letter.
LOWERCASE_WORD = re.compile(r"[^\w'’-]([a-z]{2,})(?![\w'’-])")
ADDRESSED = re.compile(r"\b(?:[Tt]his|[Tt]hese|[Oo]ur|[Mm]y) $")  # "this Assembly", "our Council"
# A text named by a place: "the Istanbul communiqué", "the Minsk protocol" (not the talks).
NAMED_PAPER = re.compile(  # "Istanbul communiqué", "the Minsk agreements"; not "The communiqué"
    # A capital first, the checks on what stands before it after it: the scan then skips to the
    # next capital (five times faster than trying the checks at every character).
    r"[A-Z](?<![\w'’][A-Z])(?:"
    r"(?!(?:(?<=T)(?:he|his|hat|hese|hose|heir)|(?<=I)ts|(?<=O)ur|(?<=A)n?)\b)"  # "The", "Its"…
    r"[\w’'-]+ (?:communiqué|memorandum|declaration|protocol|format|accords?)\b"
    # "agreements" only after "the" ("the Minsk agreements"): "Free Association agreement" is
    # the end of a longer name
    r"|(?<=\b[Tt]he [A-Z])(?!(?<=T)(?:he|his|hat|hese|hose)\b)[\w’'-]+ agreements?\b)"
)
MONTH_ABBREVIATIONS = {name.lower() for name in calendar.month_abbr if name} - {"may"} | {"sept"}
HEAD_NOUNS = {  # the head of a longer name, alone: "the Convention", "this Hall"
    "Sea", "Convention", "Hall", "Law", "Agenda", "Goals", "Plan", "Court", "Consensus",
    "Compact", "Framework", "Protocol", "Resolution", "Statute", "Covenant", "Pact", "Strategy",
    "Decade", "Chamber", "Session", "Kingdom", "Principality", "Power", "Secretariat", "Facility",
}  # fmt: skip
ROLE_WORDS = {
    "of", "the", "and", "state", "states", "government", "governments", "affairs", "special",
    "high",
}  # fmt: skip
"""Words a role's name holds beside its titles ("Heads of State and Government")."""
# Words that make a run of names an organisation's, a publication's or a meeting's.
ORGANISATION_HEAD = re.compile(  # not "Press", "Post", "Review": verbs in a headline too
    r"\b(Institute|Institution|Forum|Assembly|Council|Cent(?:re|er)|University|School|Foundation"
    r"|Fund|Agency|Bank|Ministry|Committee|Commission|Party|Group|Independent|Times|Journal"
    r"|Herald|News|Tribune|Gazette|Radio|Programm?e?|Initiative|Declaration|Accords?|Agreement"
    r"|Treaty|Summit|Conference|Association|Society|Matters|Observer|Daily|Weekly|Insider"
    r"|Television|Media|Company|Corporation|Authority|Academy|Affairs|Organi[sz]ation|Community"
    r"|Headquarters|Directorate|Secretariat|Service|Network|Coalition|Lab|Laboratory|Observatory"
    r"|Bulletin|Trust|League|Office|Bureau|Mission|Board|Desk|Monitor"
    r"|Tracker|Partnership|Consortium|Movement|Department|Command|Plan|Convention|Covenant"
    r"|Protocol|Embassy|Consulate|Parliament|Tribunal|Club|Library)\b"
)
# A working body's head, which a headline or a title also writes ("Ukraine Team Arrives", "Team
# Leader", "Russia's Unit 29155"): a body's only as its name's last word, or before the place it
# is for ("Ukraine Hosting Team", "Example Coordination Cell for Ukraine")
BODY_HEAD_LAST = re.compile(r"\b(?:Team|Cell|Unit)(?: (?:for|of) (?:the )?[A-Z][\w’'-]*)?$")
ADDRESSEES = r"(?:the|this) (?:House|Chamber|Assembly)|(?:my )?(?:colleagues|Members|members)"
"""Whom a speaker urges to vote one way ("I urge the House", "I ask colleagues")."""
AGAINST_MOTION = re.compile(  # checked first: "I cannot support this motion" is against it
    r"\b(?:I|we)\b[^.!?]{0,40}?\b(?:oppose|reject|cannot support|can ?not back|will not support"
    r"|(?:will not|won't) be supporting|(?:will )?(?:be )?vot(?:e|ing) (?:against|no)\b"
    r"|(?:speak|speaking|argue|arguing|am|are) (?:against|in opposition to)"
    r" (?:the|this) (?:motion|proposition)"
    rf"|(?:urge|ask) (?:{ADDRESSEES}) to (?:reject|defeat|oppose|vote (?:it )?down))\b",
    re.IGNORECASE,
)
SPEAKER_SIDE = re.compile(  # a speaker's side named beside the name: "Jane Example (against)"
    r"\b(?:(?P<against>against|opposing|opposition)|for|proposing|proposition|in favou?r)"
    r"(?: (?:of )?the (?:motion|proposition))?\b(?=\)|$)",
    re.IGNORECASE,
)
MOTION_LINE = re.compile(  # "Motion: That this Committee urges …", "Resolved: …" on a line
    r"^[#*_ ]*(?:the )?(?:motion|resolved)[*_]*(?: before the \w+)?[*_]* ?[:.–—] ?"
    r"(?P<motion>.{8,})$",
    re.IGNORECASE | re.MULTILINE,
)
MOTION_SAID = re.compile(  # "Tonight's motion: the West should press Kyiv …." in a sentence
    r"\b(?i:tonight's|tonight’s|today's|today’s|this evening's|this evening’s|our) motion"
    r"(?: is| reads)?[:,]? (?:that )?(?P<motion>[^.\n]{8,}?)[.\n]"
)
TITLE_LABEL = re.compile(  # a title's words for the layout or the genre, not the question
    r"(?:a |an )?(?:(?:debate|event) (?:report|summary)|debate|transcript|motion|head[- ]to[- ]head"
    r"|explainer|briefing|fact[- ]check|(?:the )?(?:case|arguments) for and against(?: \w+){0,3}"
    r"|(?:pro|for|yes|proposition|myths?) (?:and|or|v\.?|vs\.?|versus) (?:con|against|no"
    r"|opposition|facts?)|(?:the )?arguments?(?:, numbered)?)",
    re.IGNORECASE,
)
A_MOTION = re.compile(r"\b(?i:motion|proposition)\b|\bResolved:")
"""What a debate's text says of what it votes on; a speech that never does takes no sides."""
NARRATED_SIDE = re.compile(  # a write-up's "Speaking for the motion, Jane Example said …"
    r"(?:(?:speaking|arguing|voting) )?(?:(?P<against>against|opposing|in opposition to)|for"
    r"|in favou?r of|in support of|proposing|supporting|seconding) (?:the|this) (?:motion"
    r"|proposition)\b",
    re.IGNORECASE,
)
GOES_ON = re.compile(  # a write-up going on with the same speaker: "She added that …"
    r"(?:He|She|They)\b|[^.!?]{0,60}?\b(?:he|she|they|[A-Z]\w+) (?:also |then |further )?"
    r"(?:added|went on|continued|argued further)\b"
)
FOR_MOTION = re.compile(
    r"\b(?:I|we)\b[^.!?]{0,40}?\b(?:(?:support|back|second|commend"
    r"|(?:will )?(?:be )?vot(?:e|ing) for|propose|move"
    r"|(?:speak|speaking|argue|arguing|am|are) (?:for|in favou?r of|in support of))"
    r"\b[^.!?]{0,20}?\b(?:the|this) (?:motion|proposition)\b"
    r"|(?:will )?vote (?:yes|aye|in favou?r)\b"
    rf"|(?:urge|ask) (?:{ADDRESSEES}) to (?:support|back|pass|adopt|carry)\b)",
    re.IGNORECASE,
)
# A claim's kind, from its words: matched against the lower-cased sentence (a case-blind search
# costs twice as much), all kinds' words in one scan, as one trie (a third faster than a group
# per kind).
CLAIM_KIND_OF = {
    word: kind
    for kind, words in {
        "recommendation": "should|must|ought|need to|needs to|has to|have to|it is important",
        "forecast": "will|would|could|might|may|likely|unlikely|risk",
        "causal": "because|therefore|thus|as a result|lead to|leads to|allow|cause",
        "moral": "moral|unjust|injustice|right to|sovereign|dignity|innocent",
    }.items()
    for word in words.split("|")
}
KIND_WORDS = re.compile(rf"\b(?:{one_of(CLAIM_KIND_OF)})\b")
KINDS_FIRST = ("recommendation", "moral", "causal", "forecast")  # where a sentence has several


@dataclass
class Draft:
    data: dict[str, Any]
    text_name: str
    text: str
    converted: bool


def document_id(path: Path) -> str:
    """A document's id when none is given: from its file's name ("Debate 2.txt": debate-2)."""
    return slugify(path.stem)


def make_draft(
    source: Source, gazetteer: Gazetteer, slug: str | None = None, when: str | None = None
) -> Draft:
    """The draft annotation of one source text (``when``: its date, if the text lacks one)."""
    doc_slug = slug or document_id(source.path)
    if not SLUG.fullmatch(doc_slug):
        raise InputError(
            f"{source.path}: {doc_slug!r} is not a document id (lower-case words and digits "
            "joined by hyphens)",
            hint="give one with --id, e.g. --id think-tank-2024-01-12-brief",
        )
    text = source.text
    layout = read_layout(text)
    prose = [p for p in layout.paragraphs() if not p.boilerplate and p.sentences]
    if not prose:
        raise InputError(
            f"{source.path}: no paragraphs of prose found (a paragraph is a block of text "
            "between blank lines with two sentences or more, or one of 20 words or more, most of "
            "them in lower case)",
            hint="separate paragraphs with blank lines; headings alone make no document",
        )
    found = _named_within_longer_names(
        text,
        gazetteer.find(text, layout.sentences() + _header_lines(layout)),
        layout.sentences(),
        gazetteer.by_form.keys(),
    )
    meta, guessed = _metadata(source, layout, found, when)
    # A document dated only by its month or year: relative dates count from its first day.
    doc_date = date.fromisoformat((meta["date"] + "-01-01")[:10])
    month_only = len(meta["date"]) == 7
    figures = find_figures(text, [(p.start, p.end) for p in prose], doc_date, month_only)
    headings = [  # "## 2023" over a timeline's entries: a date
        (s.start, s.start + len(text[s.start :].partition("\n")[0]))
        for s in layout.sections
        if s.title
    ]
    figures += [  # the dates of header lines and headings ("October 12, 2023", "by spring"),
        # and a headline's counts ("Grain deal extended for 120 days as tallies diverge")
        figure
        for figure in find_figures(text, layout.header + headings, doc_date, month_only)
        if figure.date or (figure.kind in STATISTIC_KINDS and figure.unit)
    ]
    seen = {(f.start, f.end) for f in figures}
    figures += [  # and those of a mail's fields, in a header read as boilerplate or quoted
        # in a reply ("Date: Tuesday, 21 February 2023, 17:05", "Subject: … before Friday?")
        figure
        for figure in find_figures(text, _mail_fields(text), doc_date, month_only)
        if figure.date and (figure.start, figure.end) not in seen
    ]
    in_prose = SpanIndex([(p.start, p.end) for p in prose])
    found = _events_by_date(text, found, figures, gazetteer, in_prose)
    begins, ends = (
        _event_days(text, found, gazetteer, in_prose, edge) for edge in ("start", "end")
    )
    figures = dated_by_events(text, sorted(figures, key=lambda f: f.start), begins, doc_date, ends)
    text_name = source.path.name
    if source.converted:  # a UTF-8 copy of the text, beside the draft
        text_name = f"{source.path.stem}.txt"
        if text_name == source.path.name:
            text_name = f"{source.path.stem}.utf-8.txt"
    themes, sides = _stance(layout, text)
    claims = _claims(text, layout, found, themes, sides, _speakers(text, layout, gazetteer))
    data: dict[str, Any] = {"kgdebate": "annotation/1"}
    data["document"] = {"id": doc_slug, **meta, "sha256": source.sha256, "text": text_name}
    if themes:
        data["debate"] = {
            "motion": _motion(text, str(meta["title"])),
            "themes": [
                {"id": tid, "title": title} for tid, title in dict.fromkeys(themes.values())
            ],
        }
    data["claims"] = claims
    dates = FigureDates(text, layout.sentences(), figures, meta["date"])
    data["draft"] = _draft_block(text, layout, found, figures, dates, sides, guessed, gazetteer)
    return Draft(data, text_name, text, source.converted)


# An event named by its kind and its day or month: "the prisoner exchange of 21 September
# 2022", "the exchange of 21 September", "the September prisoner exchange".
EVENT_KINDS = {
    "exchange": ("prisoner-exchange",), "swap": ("prisoner-exchange",),
    "annexation": ("annexation",), "invasion": ("invasion",), "ceasefire": ("ceasefire",),
    "counteroffensive": ("offensive",), "offensive": ("offensive",),
    "talks": ("negotiations", "negotiation-round", "mediation"),
}  # fmt: skip
KIND_WORD = r"(?:prisoner |POW )?(?P<kind>" + "|".join(EVENT_KINDS) + r")s?"
KIND_OF = re.compile(rf"\b{KIND_WORD} (?:of|on) $", re.I)  # "… exchange of " + the day
MONTH_KIND = re.compile(rf" {KIND_WORD}\b", re.I)  # the month + " prisoner exchange"


def _events_by_date(
    text: str, found: Found, figures: list[Figure], gazetteer: Gazetteer, in_prose: SpanIndex
) -> Found:
    """``found`` with the events a text names by their kind and when they began, where the store
    has exactly one such (never inside a mention already found)."""
    taken = SpanIndex([(m.start, m.end) for m in found.mentions])
    added = []
    for figure in figures:
        if figure.kind not in ("date", "relative-date") or not figure.date:
            continue
        if in_prose.holding(figure.start) is None:
            continue
        named = KIND_OF.search(text, max(0, figure.start - 40), figure.start)
        if named and len(figure.date) == 10:
            start, end = named.start(), figure.end
        elif len(figure.date) == 7 and (named := MONTH_KIND.match(text, figure.end)):
            start, end = figure.start, named.end()
        else:
            continue
        fits = gazetteer.events.began(figure.date, EVENT_KINDS[named["kind"].lower()])
        if len(fits) == 1 and not taken.overlaps(start, end):
            entity = gazetteer.entities.get(("event", fits[0]), Entity("event", fits[0]))
            added.append(Mention(start, end, text[start:end], entity, "kind-and-date"))
    if not added:
        return found
    return replace(found, mentions=sorted([*found.mentions, *added], key=lambda m: m.start))


def _motion(text: str, title: str) -> str:
    """What the debate votes on: a line that states the motion ("Motion: …", "Resolved: …"),
    else the title without its words for the layout ("Pro and Con: Should …?", "Talks: The
    Case For and Against"), a quotation's marks around it taken off."""
    stated = MOTION_LINE.search(text) or MOTION_SAID.search(text)
    parts = [stated["motion"]] if stated else re.split(r"(?<=\w)\s*[:|—–]\s+", title)
    kept = [part for part in parts if not TITLE_LABEL.fullmatch(part.strip(" #*_"))]
    motion = (": ".join(kept) or title).strip(" #*_").strip("\"“”'‘’").strip()
    return motion[:1].upper() + motion[1:] or title


# metadata -------------------------------------------------------------------------------------


def _metadata(
    source: Source, layout: Layout, found: Found, given_date: str | None
) -> tuple[dict[str, Any], list[str]]:
    text = source.text
    meta: dict[str, Any] = {}
    header = [text[a:b].strip() for a, b in layout.header]
    first = layout.sections[0] if layout.sections else None
    # The title: from HTML; else a `# ` heading that opens the text; else the first header line
    # that is no date, URL, publisher line or sentence; else the first line.
    title = source.meta.get("title")
    if not title and first is not None and first.title and text.startswith("# ", first.start):
        if not layout.header or first.start < layout.header[0][0]:
            title = first.title
    for line in header:
        if title:
            break
        if (
            _date_in(line) is None
            and not URL.search(line)
            and not _publisher_line(line)
            and not RELEASE_LINE.fullmatch(line)
        ):
            if len(line.split()) <= 25 and not line.endswith("."):
                title = re.sub(r"^(title:\s*)", "", line, flags=re.I)
    meta["title"] = title or text.strip().split("\n", 1)[0][:200]
    # An HTML date may be a timestamp ("2024-02-20T09:00:00Z"): its first ten characters.
    # A day under the title before a month in it: "Statistical release: …, May 2024" over
    # "Official statistics | Thursday, 27 June 2024" was released in June, on May's figures
    dated = [d for d in map(_date_in, header) if d]
    when = _date_in(source.meta.get("date", "")[:10]) or next(
        (d for d in dated if len(d) == 10), dated[0] if dated else None
    )
    if when is None and layout.paragraphs():  # a news story's dateline opening its first
        opening = NEWS_DATELINE.match(text, layout.paragraphs()[0].start)  # paragraph
        when = _date_in(opening.group("date")) if opening else None
    if when is None:
        when = next(  # a footer's date ("Published 12 May 2024"), not a source note's
            (
                d
                for a, b in layout.boilerplate
                if says_boilerplate(text[a:b]) and (d := _date_in(text[a:b]))
            ),
            None,
        )
    if given_date is not None:
        when = given_date
    elif when is None:
        raise InputError(
            f"{source.path}: no publication date found near the top of the document",
            hint="give it with --date YYYY-MM-DD (or YYYY-MM, YYYY), or put it on a line under "
            "the title",
        )
    meta["date"] = when
    guessed = ["title", "language"] + ([] if given_date else ["date"])
    publishing = layout.header + [  # (not a footer that cites: its names are sources)
        (a, b) for a, b in layout.boilerplate if not CITES.match(text, a)
    ]
    publisher = next(
        (
            m.entity.slug
            for m in found.mentions
            if m.entity.type in PUBLISHER_TYPES and any(a <= m.start < b for a, b in publishing)
        ),
        None,
    )
    if publisher:
        meta["publisher"] = publisher
        guessed.append("publisher")
    series = next((s for line in header if (s := _series(line))), None)
    if series:
        meta["series"] = series
        guessed.append("series")
    url = source.meta.get("url") or next((m.group() for m in URL.finditer(text)), None)
    if url and URL.fullmatch(url):
        meta["url"] = url
        guessed.append("url")
    meta["language"] = "en"
    citation = None
    for a, b in layout.boilerplate:
        for line in text[a:b].split("\n"):
            if re.match(r"(for academic citation|cite as)\s*:", line, re.I):
                citation = line.split(":", 1)[1].strip() or None
    if citation:
        meta["citation"] = citation
        guessed.append("citation")
    return meta, guessed


def _mail_fields(text: str) -> list[tuple[int, int]]:
    """The values of the fields of a mail that tell when it was sent and what it is about."""
    return [field.span("value") for field in MAIL_FIELD.finditer(text)]


MAIL_FIELD = re.compile(r"^[ \t>]*(?:Date|Sent|Subject)[ \t]*:[ \t]*(?P<value>[^\n]+)", re.M)


def _date_in(line: str) -> str | None:
    """The line's date: a day if it gives one, else a month ("January 2023" → "2023-01"); never
    a period ("Outlook: Ukraine, Autumn 2023" is a title, not a date line)."""
    dates = [
        figure.date
        for figure in find_figures(line, [(0, len(line))], None)
        if figure.kind == "date"
        and figure.date
        and len(figure.date) in (7, 10)
        and figure.until is None
    ]
    return max(dates, key=len) if dates else None


INSTITUTION = re.compile(r"\b(Center|Centre|Institute|School|University|Council|Foundation)\b")
SEPARATOR = re.compile(r"\s[-|–]\s")


CITES = re.compile(r"[ \t]*(?i:sources?|evidence(?: cited)?|references|data)\b[^:\n]{0,30}:")
"""A footer that opens by citing ("Evidence cited: GC-07 United Nations, …"): no publisher's (not
"Notes to editors:", the publisher's own)."""
RELEASE_LINE = re.compile(  # what a press release says of itself over its headline
    r"(?i:for immediate release|(?:press|news|media) release|press statement|embargoed\b.*)[.:]?"
)


def _publisher_line(line: str) -> bool:
    """ "Series - Publisher" (either order): a header line that names an institution."""
    return bool(SEPARATOR.search(line) and INSTITUTION.search(line))


def _series(line: str) -> str | None:
    """The part of a "Series - Publisher" line that names no institution."""
    if not _publisher_line(line):
        return None
    parts = [part.strip() for part in SEPARATOR.split(line, maxsplit=1)]
    names = [part for part in parts if part and not INSTITUTION.search(part)]
    return names[0] if len(names) == 1 and len(names[0].split()) <= 6 else None


def _header_lines(layout: Layout) -> list[tuple[int, int]]:
    return layout.header + layout.boilerplate


# stance and claims ------------------------------------------------------------------------------


def _stance(layout: Layout, text: str) -> tuple[dict[int, tuple[str, str]], dict[int, Any]]:
    """Themes by section index, and the proposed side of each paragraph (by its start)."""
    sides: dict[int, Any] = {}
    labelled = [p for p in layout.paragraphs() if p.label]
    headed = _headed_sides(layout, text)
    if labelled:
        for section in layout.sections:
            current = None
            for paragraph in section.paragraphs:
                if paragraph.label:
                    current = paragraph.label
                elif paragraph.speaker:  # another speaker, who labels no side
                    current = None
                elif current and _a_headed_challenge(text, current) and paragraph.sentences:
                    # "## Myth: …" over the paragraphs that answer it, with no label of their own
                    current = (UNLABELLED_ANSWER, paragraph.start, paragraph.start)
                if current and paragraph.sentences:  # (an answer to a myth takes no side)
                    sides[paragraph.start] = (LABELS.get(current[0].lower(), "unknown"), current)
        if A_MOTION.search(text):  # and one who says it: "I rise to oppose the motion"
            for start, side in _declared_sides(layout, text).items():
                sides.setdefault(start, side)
    else:
        paired = [
            s
            for s in layout.sections
            if s.title and len([p for p in s.paragraphs if not p.boilerplate]) == 2
        ]
        if headed:  # the headings say which side each group of paragraphs is on
            paired = []
        elif len(paired) < 2 and A_MOTION.search(text):  # "we reject" in a speech is no side
            sides = _declared_sides(layout, text)
        if len(paired) >= 2:
            for section in paired:
                first, second = [p for p in section.paragraphs if not p.boilerplate]
                sides[first.start] = ("for", ("paired layout: first", first.start, first.end))
                sides[second.start] = (
                    "against",
                    ("paired layout: second", second.start, second.end),
                )
    for start, side in headed.items():  # a labelled paragraph keeps its own label's side
        sides.setdefault(start, side)
    themes: dict[int, tuple[str, str]] = {}
    by_title: dict[str, tuple[str, str]] = {}  # sections of one title share its theme
    for index, section in enumerate(layout.sections):
        if not any(p.start in sides for p in section.paragraphs):
            continue
        # "The case for", "The case against": both sides answer one question, the main one
        by_side = bool(section.title and heading_side(section.title))
        title = "Main" if by_side or not section.title else section.title
        if title not in by_title:
            slug = slugify(" ".join(title.split()[:5])) or f"theme-{index + 1}"
            while slug in {s for s, _ in by_title.values()}:
                slug += "-2"
            by_title[title] = (slug, title)
        themes[index] = by_title[title]
    return themes, sides


def _a_headed_challenge(text: str, label: tuple[str, int, int]) -> bool:
    """A myth, claim or fallacy given as a heading ("## Myth: …"): what follows answers it."""
    return label[0].lower() in CHALLENGED and text.startswith("#", label[1])


def _headed_sides(layout: Layout, text: str) -> dict[int, Any]:
    """The side a section's heading names ("The case for talks", "Arguments against"), for each
    of its paragraphs of prose."""
    sides: dict[int, Any] = {}
    for section in layout.sections:
        if not section.title or not (side := heading_side(section.title)):
            continue
        at = text.index(section.title, section.start)
        for paragraph in section.paragraphs:  # "Her partner argued …" too: the heading's side
            if paragraph.sentences and not paragraph.boilerplate:
                sides[paragraph.start] = (side, (section.title, at, at + len(section.title)))
    return sides


def _declared_sides(layout: Layout, text: str) -> dict[int, Any]:
    """The sides speakers declare on a motion ("I rise to support the motion", "I urge the
    House to reject it"): a speech's side holds for its paragraphs until the next speaker."""
    sides: dict[int, Any] = {}
    for section in layout.sections:
        current, reported = None, False  # reported: the side is a write-up's, not a speech's
        for paragraph in section.paragraphs:
            if paragraph.boilerplate or not paragraph.sentences:
                continue
            start, end = paragraph.sentences[0]
            declared = AGAINST_MOTION.search(text, start, end) or FOR_MOTION.search(
                text, start, end
            )
            speaker, at, _ = paragraph.speaker or ("", 0, 0)
            named = SPEAKER_SIDE.search(speaker)
            narrated = NARRATED_SIDE.match(text, start, end)
            if named:  # "Jane Example (for the motion):"
                side = "against" if named.group("against") else "for"
                current = (side, (named.group(), at + named.start(), at + named.end()))
            elif narrated:
                side = "against" if narrated.group("against") else "for"
                current = (side, (narrated.group(), narrated.start(), narrated.end()))
                reported = True
            elif reported and not GOES_ON.match(text, start, end):
                current = None  # a write-up's next paragraph is the speaker's only if it says so
            elif declared:
                side = "against" if declared.re is AGAINST_MOTION else "for"
                current = (side, (declared.group(), declared.start(), declared.end()))
            elif paragraph.speaker:
                current = None  # another speaker, who declares no side
            if current:
                sides[paragraph.start] = current
    return sides


def _claims(
    text: str,
    layout: Layout,
    found: Found,
    themes: dict[int, tuple[str, str]],
    sides: dict[int, Any],
    speakers: dict[int, str],
) -> list[dict[str, Any]]:
    spans = [
        (index, number, paragraph, claimed)
        for index, number, paragraph in _numbered(layout)
        if not paragraph.signed  # who signed a letter claims nothing by their names
        for span in paragraph.sentences
        for claimed in [(_claim_start(text, paragraph, span), span[1])]
        # a side's opening words are its claim, however short ("NO | Talks were tried."), not a
        # speaker's who says their side by their name ("Jane Example (for): Thank you.")
        if _asserts(
            text[slice(*claimed)],
            2 if _labelled_before(paragraph) and span is paragraph.sentences[0] else 4,
        )
    ]
    width = max(2, len(str(len(spans))))
    starts = [mention.start for mention in found.mentions]  # sorted by the gazetteer
    claims = []
    by_paragraph: dict[int, list[dict[str, Any]]] = {}
    for position, (section_index, number, paragraph, (start, end)) in enumerate(spans, start=1):
        exact = text[start:end]
        claim: dict[str, Any] = {
            "id": f"c{position:0{width}d}",
            "statement": plain_words(exact),
            "quote": {
                "exact": exact,
                "prefix": text[max(0, start - CONTEXT) : start],
                "suffix": text[end : end + CONTEXT],
                "start": start,
                "end": end,
            },
        }
        if not claim["quote"]["prefix"]:
            del claim["quote"]["prefix"]
        if not claim["quote"]["suffix"]:
            del claim["quote"]["suffix"]
        if paragraph.start in sides:  # a myth and its fact answer each other: neither side
            side = sides[paragraph.start][0]
            claim["side"] = "none" if side == "unknown" else side
        if section_index in themes and paragraph.start in sides:
            claim["theme"] = themes[section_index][0]
        claim["kind"] = _kind(exact)
        claim["paragraph"] = number
        if paragraph.start in speakers:  # "Mr. Demir (Türkiye): …", "Sergey Lavrov: …"
            claim["by"] = speakers[paragraph.start]
        mentions: dict[str, list[str]] = {"actors": [], "events": [], "places": []}
        first = bisect_left(starts, start)
        for mention in found.mentions[first : bisect_left(starts, end)]:
            bucket = mentions[mention.entity.kind + "s"]
            if mention.entity.slug not in bucket:
                bucket.append(mention.entity.slug)
        claim["mentions"] = mentions
        claims.append(claim)
        by_paragraph.setdefault(paragraph.start, []).append(claim)
    _answer_fallacies(by_paragraph, sides)
    return claims


def _claim_start(text: str, paragraph: Paragraph, sentence: tuple[int, int]) -> int:
    """Where a sentence's claim starts: after a news dateline ("KYIV, 20 November 2023 — …") or
    a live blog's time stamp ("**16:05** — …") that opens its paragraph."""
    start = sentence[0]
    if start != paragraph.start:
        return start
    dateline = NEWS_DATELINE.match(text, start)
    if dateline and _date_in(dateline.group("date")):
        return dateline.end()
    stamp = TIME_STAMP.match(text, start)
    return stamp.end() if stamp else start


def _labelled_before(paragraph: Paragraph) -> bool:
    """A label before the paragraph's words, not in its speaker's tag."""
    label, speaker = paragraph.label, paragraph.speaker
    return label is not None and (speaker is None or label[2] <= speaker[1])


def _speakers(text: str, layout: Layout, gazetteer: Gazetteer) -> dict[int, str]:
    """Who makes a transcript's claims: the actor its speaker's tag names, by paragraph start (a
    person by name, else the state a delegate speaks for: "Mr. Demir (Türkiye)")."""
    tags = {p.start: (p.speaker[1], p.speaker[2]) for p in layout.paragraphs() if p.speaker}
    if not tags:
        return {}
    found = gazetteer.find(text, list(tags.values()))
    speakers = {}
    for start, (first, last) in tags.items():
        named = [m for m in found.mentions if first <= m.start < last and m.entity.kind == "actor"]
        named.sort(key=lambda m: (m.entity.type != "Person", m.start))
        if named:
            speakers[start] = named[0].entity.slug
    return speakers


def _answer_fallacies(by_paragraph: dict[int, list[dict[str, Any]]], sides: dict[int, Any]) -> None:
    """A paragraph labelled "Rebuttal" answers the "Fallacy" just before it: its first claim
    rebuts each claim of that paragraph (a side, for or against, cannot say so)."""
    answered: list[dict[str, Any]] = []
    for start, claims in by_paragraph.items():  # in reading order
        label = sides.get(start, (None, ("",)))[1][0].lower()
        if label in CHALLENGED:
            answered = claims
        elif label in ANSWERING and answered:
            claims[0]["rebuts"] = [claim["id"] for claim in answered]
            answered = []


def _numbered(layout: Layout) -> list[tuple[int, int, Paragraph]]:
    numbered: list[tuple[int, int, Paragraph]] = []
    for index, section in enumerate(layout.sections):
        for paragraph in section.paragraphs:
            if not paragraph.boilerplate and paragraph.sentences:
                numbered.append((index, len(numbered) + 1, paragraph))
    return numbered


def _asserts(sentence: str, fewest_words: int = 4) -> bool:
    """A sentence that says something: not a question, nor a credit ("— John Sample, …"; not
    an item after a dash: "– Poland pledged €50 million.")."""
    words = sentence.split()
    return (
        len(words) >= fewest_words
        and not sentence.rstrip('"”’) ').endswith("?")
        and not CREDIT.fullmatch(sentence.rstrip())
    )


CREDIT = re.compile(r"[—–][ \t]*[A-Z][^.!?\n]*")  # a quotation's credit: no sentence of its own


EMBEDDED_QUESTION = re.compile(  # "we asked three analysts whether Kyiv should talk"
    r"\bwhether\b.*|\b(?:ask|asks|asked|asking|wonder|wonders|wondered|question|debate)\b"
    r"(?: [\w'’-]+){0,4}? (?:if|what|how|why|when|who)\b.*"
)
"""A question the sentence reports: its "should" is the question's, not the writer's."""
QUESTION_WORDS = ("ask", "wonder", "question", "debate")  # a cheap test before the pattern


A_MONTH_MAY = re.compile(r"\b(?:in|of|since|by|until|from|early|late|mid-)\s?May\b|\bMay \d")
"""The month, not the verb: "shipped 4.2 million tonnes in May" forecasts nothing."""


def _kind(sentence: str) -> str:
    if "May" in sentence:  # (most sentences have no "May": the pattern is not tried)
        sentence = A_MONTH_MAY.sub("", sentence)
    sentence = sentence.lower()
    if "whether" in sentence or any(w in sentence for w in QUESTION_WORDS):
        sentence = EMBEDDED_QUESTION.sub("", sentence)
    found = {CLAIM_KIND_OF[match.group()] for match in KIND_WORDS.finditer(sentence)}
    return next((kind for kind in KINDS_FIRST if kind in found), "fact")


# the draft block --------------------------------------------------------------------------------


def _draft_block(
    text: str,
    layout: Layout,
    found: Found,
    figures: list[Figure],
    dates: FigureDates,
    sides: dict[int, Any],
    guessed: list[str],
    gazetteer: Gazetteer,
) -> dict[str, Any]:
    block: dict[str, Any] = {"extracted_by": f"kgdebate extract {__version__}", "guessed": guessed}
    block["sections"] = [
        {
            **({"title": s.title} if s.title else {}),
            "start": s.start,
            "end": s.end,
            "paragraphs": [
                {
                    "start": p.start,
                    "end": p.end,
                    **({"boilerplate": True} if p.boilerplate else {}),
                    "sentences": [[a, b] for a, b in p.sentences],
                }
                for p in s.paragraphs
            ],
        }
        for s in layout.sections
    ]
    block["boilerplate"] = [{"kind": "header", "start": a, "end": b} for a, b in layout.header] + [
        {"kind": "blurb or footer", "start": a, "end": b} for a, b in layout.boilerplate
    ]
    boilerplate = SpanIndex(layout.boilerplate)  # a footer's names are for the metadata only
    block["mentions"] = [
        {
            "text": m.text,
            "start": m.start,
            "end": m.end,
            "kind": m.entity.kind,
            "slug": m.entity.slug,
            "iri": m.entity.iri,
            "how": m.how,
        }
        for m in found.mentions
        if boilerplate.holding(m.start) is None
    ]
    block["ambiguous"] = [
        {
            "text": a.text,
            "start": a.start,
            "end": a.end,
            "candidates": [{"kind": c.kind, "slug": c.slug, "iri": c.iri} for c in a.candidates],
        }
        for a in found.ambiguous
        if boilerplate.holding(a.start) is None
    ]
    block["new_entities"] = _new_entities(
        text, layout, found, gazetteer.adjectives, gazetteer.by_form.keys()
    )
    # a footer ("Sources: KIIS survey …") names sources too, though it is no claim
    sources = FigureSources(text, layout.sentences() + layout.header + layout.boilerplate)
    block["figures"] = [_figure_item(f, sources, dates) for f in figures]
    block["stance"] = [  # each label once, though its side holds for several paragraphs
        {"label": label[0], "side": side, "start": label[1], "end": label[2]}
        for side, label in sorted(dict.fromkeys(sides.values()), key=lambda s: s[1][1])
    ]  # in reading order
    return block


def _figure_item(figure: Figure, sources: FigureSources, dates: FigureDates) -> dict[str, Any]:
    item = {
        key: value
        for key, value in vars(figure).items()
        if value is not None and not (key == "approximate" and value is False)
    }
    source = sources.of(figure.start) if figure.kind in STATISTIC_KINDS else None
    if source:  # the source the text names: for the curator's `source:`
        item["attributed_to"] = source
    as_of = dates.of(figure)
    if as_of:  # the date it describes: for the curator's `as_of:`
        item["as_of"] = as_of.date
        if as_of.qualifier:
            item["as_of_qualifier"] = as_of.qualifier
        item["as_of_by"] = as_of.why
    return item


def _event_days(
    text: str, found: Found, gazetteer: Gazetteer, in_prose: SpanIndex, edge: str
) -> list[tuple[int, int, date]]:
    """Each event mentioned in prose, with the day the store says it began (``edge="start"``:
    "since the full-scale invasion") or ended (``"end"``: "the week after the deal ended")."""
    return [
        (start, end, day)
        for start, end, entity in _events_referred_to(text, found)
        if (day := gazetteer.events.day(entity.slug, edge)) and in_prose.holding(start) is not None
    ]


# A bare "the deal", "the invasion": no mention of its own (the gold files never label one), but
# what a date counts from ("the week after the deal collapsed", "since the invasion").
ANAPHOR = re.compile(
    r"\b[Tt]he (deal|talks|swap|exchange|invasion|offensive|counteroffensive|agreement"
    r"|initiative|annexation|summit|ceasefire|truce)\b"
)


def _events_referred_to(text: str, found: Found) -> list[tuple[int, int, Entity]]:
    """Each event mention, and each bare "the deal" after a mention that holds the same word
    ("the grain deal" … "the deal"): the event last named so, in text order."""
    named = [m for m in found.mentions if m.entity.kind == "event"]
    referred = [(m.start, m.end, m.entity) for m in named]
    if not named:
        return referred
    taken = SpanIndex([(m.start, m.end) for m in found.mentions])
    for match in ANAPHOR.finditer(text, named[0].end):
        if taken.overlaps(*match.span()):
            continue
        head = match.group(1)
        last = [m for m in named if m.end <= match.start() and head in m.text.lower().split()]
        if last:
            referred.append((match.start(), match.end(), last[-1].entity))
    return sorted(referred, key=lambda item: item[0])


def _named_within_longer_names(
    text: str, found: Found, sentences: list[tuple[int, int]], forms: Collection[str]
) -> Found:
    """Drop a known name that is part of a longer name of an organisation, a publication or an
    event ("Kyiv" in "Kyiv International Institute of Sociology", "Russia" in "Russia Matters"),
    or a known person's surname after another's given name ("Lula da Silva"): the longer name is
    the one meant, and is proposed as a new entity instead. In a sentence of prose, a place's
    name among other names' words is one too ("Example Grid Ukraine counts", "the Ukraine
    Hosting Team", "Homes for Ukraine"), never among titles, adjectives or a state's form
    ("President of Ukraine", "Western Ukraine", "Kingdom of Saudi Arabia")."""
    places = sorted(
        (m for m in found.mentions if m.entity.type in ("State", "Place")), key=lambda m: m.start
    )
    known = sorted([m.start for m in found.mentions] + [a.start for a in found.ambiguous])
    runs = list(_name_runs(text))
    holding = SpanIndex(runs).holding
    # (the few runs worth a closer look: those with words besides a place's name)
    with_a_place = {holding(m.start) for m in places} - {(m.start, m.end) for m in places}
    longer = (
        [
            (start, start + (_then_a_known_name(text[start:end], forms) or end - start))
            for start, end in runs
            if ORGANISATION_HEAD.search(text, start, end)
            or (
                (start, end) in with_a_place
                and _a_body_named_for_its_place(text, start, end, places, known)
            )
            or (
                (start, end) in with_a_place
                and _a_place_in_another_name(text, start, end, places, known, sentences)
            )
        ]
        + [match.span() for match in NAMED_PAPER.finditer(text)]
        + [match.span() for match in TWO_ACRONYMS.finditer(text)]  # "UN OCHA"
    )
    index = SpanIndex(longer)
    kept = []
    for mention in found.mentions:
        if mention.how == "surname" and _another_person(text, mention):
            continue  # "Lula da Silva" is not the Silva the store knows
        run = index.holding(mention.start)
        if run is None or run[1] < mention.end or run == (mention.start, mention.end):
            kept.append(mention)
            continue
        if ORGANISATION_HEAD.search(text[mention.start : mention.end]):
            kept.append(mention)  # the known name is itself the organisation's
    return replace(found, mentions=kept)


def _a_place_in_another_name(
    text: str,
    start: int,
    end: int,
    places: list[Mention],
    known: list[int],
    sentences: list[tuple[int, int]],
) -> bool:
    """Whether the run of capitalised words ``text[start:end]``, inside one sentence of prose,
    holds a known place's name and words of another name: none a title, an adjective, a
    direction, a state's form, a list's "and", a word no name is, or another known name; nor
    one word that only opens the sentence ("Yesterday Ukraine …"). Not one "of" the place
    either ("Abdulla Shahid of Maldives", "Presidents of Colombia": who, not what), nor one
    joined to it by a hyphen ("Kazakhstan-United Nations"), nor a person after a title's "of
    the" ("President of the Niger Mahamadou Issoufou"), nor a city before it ("in Lviv
    Ukraine")."""
    # ``places`` in text order, ``known``: where each known name starts, in order
    first = bisect_left(places, start, key=lambda m: m.start)
    inside = [
        m
        for m in places[first : bisect_left(places, end, key=lambda m: m.start)]
        if m.end <= end and not DEMONYM.match(m.text)
    ]  # ("Israeli Arabs": an adjective, not a name's word)
    if not inside:
        return False  # (most runs)
    opened = next((a for a, b in sentences if a <= start and end <= b), None)
    # a name of three words or more after words that open the sentence: "Yesterday the Example
    # Food Bridge for Ukraine", "the East China Sea" (not "The Israel Hamas war": two names)
    opener = start
    while (lead := LEADING_WORD.match(text, opener, end)) and lead["word"].lower() in OPENERS:
        opener = lead.end()
    if len(text[opener:end].split()) >= 3:
        if opener > start and len(inside) > 1:
            return False  # "Then Poland Ukraine Border Talks": two names the store knows
        start = opener
    run = text[start:end]
    if opened is None or any(w in run for w in (" and ", " or ", " of ")):
        return False
    if "'s" in run or "’s" in run or any(c.isdigit() for c in run):
        return False  # "Ukraine’s Black Sea ports", "Sarkozy’s France", "at COP26 Guyana"
    if any(text[m.start - 1 : m.start] == "-" or text[m.end : m.end + 1] == "-" for m in inside):
        return False
    if bisect_left(known, end) - bisect_left(known, start) > len(inside):
        return False  # "United States Joe Biden": two names the store knows
    titled = TITLE_OF.search(text, max(0, start - 40), start)
    if titled and titled.group(1).lower().rstrip("s") in TITLES | {"leader", "state", "head"}:
        return False  # "President of the Niger Mahamadou Issoufou": the person, of the place
    if inside[-1].end == end and len(run.split()) == 2 and IN_A_PLACE.search(text, 0, start):
        return False  # "in Lviv Ukraine", "the takeover of Kabul Ireland …": a city, its country
    covered = {i for m in inside for i in range(m.start, m.end)}
    others = [
        w for w in re.finditer(r"[\w’'.-]+", text[start:end]) if start + w.start() not in covered
    ]
    words = [w.group() for w in others if w.group() not in ("of", "the", "for", "on")]
    if not words:
        return False
    opening = OPENS_AFTER.fullmatch(text, opened, start)
    if opening and len(words) == 1 and others[0].start() == 0:
        return False  # "Yesterday Ukraine said", "She added: “Clearly Russia …”": an opener
    return not any(
        word.lower().rstrip(".") in NOT_ANOTHER_NAME
        or word.lower().rstrip(".") in TITLES
        or DEMONYM.match(word)
        or word.isupper()
        and len(word) <= 4  # "EU", "UN": another name, the store's or not
        for word in words
    )


NOT_ANOTHER_NAME = STOP_NAMES | {  # words beside a place's name that make no other name
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "kingdom", "republic", "state", "states", "federation", "federal", "democratic", "people's",
    "islamic", "united", "union", "sultanate", "emirate", "emirates", "principality",
    "commonwealth", "islands", "island", "government", "city", "region", "oblast", "province",
    "greater", "free", "occupied", "soviet", "independent", "plurinational", "bolivarian",
    "administration", "authorities", "grand", "duchy", "great",
    # what a place is, or has: "Crimea Peninsula", "Mainland China", "Gaza Strip"
    "peninsula", "mainland", "district", "raion", "governorate", "strip", "county",
    "municipality", "capital",
    # who are in it ("for Ukraine Children"), a slogan's cry ("Long Live Ukraine", "Viva Cuba")
    "refugees", "children", "victims", "people", "families", "women", "citizens", "nationals",
    "viva", "long", "live", "god", "bless",
}  # fmt: skip
TITLE_OF = re.compile(r"\b([A-Za-z-]+) of (?:the )?$")
LEADING_WORD = re.compile(r"(?P<word>[\w’'.-]+) (?:(?:the|of|for|on) )?")
OPENERS = STOP_NAMES - NUMBERS  # (not "One" of "One China Policy")
IN_A_PLACE = re.compile(r"\b(?:of|in|from|to|at|near) $")  # (not "in the Lake Chad basin")


def _name_runs(text: str) -> Iterator[tuple[int, int]]:
    """The spans of runs of capitalised words, each within its paragraph: a title's last word
    and the next line's organisation are two names ("… for Ukraine", a blank line, "Standing
    Committee on …")."""
    for match in NAME_RUN.finditer(text):
        start, end = match.span()
        for gap in BLANK_LINE.finditer(text, start, end):
            yield start, gap.start()
            start = gap.end()
        yield start, end


BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")


GIVEN_NAMES_BEFORE = re.compile(rf"(?:[A-Z][\w’'.-]*\s+(?:{PARTICLE}\s+)?){{1,5}}$")


def _another_person(text: str, surname: Mention) -> bool:
    """Whether a known surname follows another given name than the person's: another person of
    that surname ("Luiz Inacio Lula da Silva"); not after a title ("President Silva"), nor after
    the person's own given name spelled another way ("Abdulla Shahid" for Abdullah Shahid)."""
    before = GIVEN_NAMES_BEFORE.search(text, max(0, surname.start - 60), surname.start)
    words: list[str] = []
    for word in reversed(before.group().split() if before else []):
        bare = OWNERS_S.sub("", word.lower()).rstrip(".")
        if word.endswith(".") and bare not in TITLES:
            break  # "… of Ukraine. If President Erdogan": the sentence before is no name
        if not DEMONYM.match(word):  # "Ukrainian President Zelenskyy"
            words.append(bare)
    given = [w for w in words if w not in TITLES_AND_STOPS and not re.fullmatch(PARTICLE, w)]
    own = {name[:4] for name in surname.entity.slug.split("-")}  # the slug spells the names
    return bool(given) and not any(fold(word)[0][:4] in own for word in given)


A_NUMBER_AFTER = re.compile(r"\.?[ \t]?\d")
A_DOCUMENT_KIND = re.compile(
    r"(?i:decree|regulation|decision|resolution|law|order|directive|act|notice|circular"
    r"|bulletin|report|annex|licence|license|ordinance|bill)"
)


def _name_parts(
    text: str, match: re.Match[str], sentence: int | None, known: Collection[str]
) -> list[tuple[str, int]]:
    """The names in a run of capitalised words, each with its offset: without the words that
    open a sentence ("Even the …"), the titles before a person's name ("Turkish President …")
    and split at "and" ("Africa and Asia"), unless the run names an organisation and no name
    the store knows (``known``: the gazetteer's forms) follows it "and" (see
    :func:`_then_a_known_name`)."""
    run = match.group()
    for broken in re.finditer(r"\s*\n\s*(\S+)", run):  # never on into a line that opens
        if broken.group(1).lower() in STOP_NAMES:  # with a word no name is: "Dnipro\nThis …"
            run = run[: broken.start()]
            break
    words = run.rstrip(".").split()
    if len(words) > 1 and words[-1] in ("No", "NO") and A_NUMBER_AFTER.match(text, match.end()):
        words.pop()  # "Notice to Mariners No. 31/2023": the number's sign, not the name's
        if len(words) == 1 and A_DOCUMENT_KIND.fullmatch(words[0]):
            words = []  # "Decree No. 45-0136": a document's number (not "Hamas No. 2")
    if run.isupper() and "BY" in words[:-1]:  # "STATEMENT BY THE MINISTRY OF …": the ministry
        words = words[len(words) - words[::-1].index("BY") :]
        words = words[1:] if words[0] == "THE" else words
    if len(words) > 2 and words[1] == "the" and match.start() == sentence:
        words = words[2:]  # "Even the Ukraine Reconstruction Forum" opening a sentence
    titled_body = (  # "General Assembly", "Foreign Affairs Committee": the title is part of it
        len(words) in (2, 3)
        and words[0].lower() in TITLES
        and all(word[:1].isupper() for word in words)
        and bool(ORGANISATION_HEAD.fullmatch(words[-1]))
    )
    while words and OWNERS_S.sub("", words[0].lower()) in STOP_NAMES and not titled_body:
        if words[0].lower() in MONTH_ABBREVIATIONS and len(words) > 1:
            break  # "Jan de Wit": a given name; a month's short form goes before a day
        if words[0] in ("East", "West") and len(words) > 1 and words[1][:1].isupper():
            break  # "East Africa", "West Bank": a region's name, not "the West's"
        words.pop(0)
    opens = match.start() == sentence or text.endswith("| ", 0, match.start())  # or a cell
    if opens and len(words) > 2 and words[1] == "of" and words[0].lower() in PEOPLE_OF:
        words = words[2:]  # "Residents of Orikhiv said": Orikhiv, whose residents opened it
    if opens and len(words) > 2 and words[1] == "on" and not NAMED_ON.match(words[0]):
        words = words[2:]  # "Discounts on Urals crude": Urals ("Conference on …" is a name)
    if words and words[0].lower().rstrip("s") in TITLES and " of the " in " ".join(words):
        # "Heads of State and Government of the African Union": the body they are heads of
        words = " ".join(words).split(" of the ", 1)[1].split()
    for at in range(1, len(words) - 1):  # "Chornomorsk on Sunday": no name goes on into a day
        if words[at] in ("on", "of", "for", "and", "the") and words[at + 1].lower() in TIME_WORDS:
            words = words[:at]
            break
    words = words if titled_body else without_titles(words)
    joined = " ".join(words)
    parts = [piece for part in joined.split(" and ") for piece in _owner_apart(part)]
    cut = _then_a_known_name(joined, known)
    if cut and match.re is not NAMED_PAPER:  # "the Food and Agriculture Organization and Ukraine"
        parts = [joined[:cut].split(), joined[cut + len(" and ") :].split()]
    elif match.re is NAMED_PAPER or (ORGANISATION_HEAD.search(joined) and not _two_names(parts)):
        parts = [words]  # "Food and Agriculture Organization", not two names
    elif len(parts) == 1 and (held := _body_and_holder(words)):
        parts = held  # "IAEA Director General Rafael Grossi": the IAEA, and Rafael Grossi
    found, cursor = [], match.start()
    for part in parts:
        if not titled_body:
            part = without_titles(part)  # "Türkiye and Secretary-General António Guterres"
        if not part or part[0] in STOP_NAMES:
            continue  # a role's remainder: "[Special Representative …] for Children"
        first = text.index(part[0], cursor)
        cursor = first + len(part[0])
        opening = sentence is not None and (
            not text[sentence:first].strip(OPENING_MARKS)
            or _opened(text, sentence, first)
            or (
                text.endswith(": ", sentence, first)
                and text.count("“", sentence, first) > text.count("”", sentence, first)
            )
        )
        acronym = len(part[0]) > 1 and OWNERS_S.sub("", part[0]).isupper()  # "UNHCR's" opening
        if len(part) == 2 and part[0] in ("East", "West") and DEMONYM.match(part[1]):
            continue  # "the West African region": an adjective, as "African" alone is
        if len(part) == 1 and (
            (opening and not acronym)
            or DEMONYM.match(part[0])
            or ADDRESSED.search(text, max(0, first - 8), first)
        ):
            continue  # opening a sentence or a cell; an adjective ("Ukrainian"); "this Assembly"
        name = " ".join(part)
        head = NAME_HEAD.match(text, first + len(name))  # "the Azov regiment", "Chernihiv region"
        found.append((name + head.group() if head else name, first))
    return found


def _opened(text: str, sentence: int, first: int) -> bool:
    """Whether OPENED matches before ``first`` in its sentence: looked for only in the four
    characters before the spaces that end there (what it matches is no longer), not at every
    character of the sentence up to there."""
    words_end = sentence + len(text[sentence:first].rstrip())
    return bool(OPENED.search(text, max(sentence, words_end - 4), first))


COMMON_OWNERS = {"people", "peoples", "women", "children", "men", "workers", "citizens",
                 "veterans", "farmers", "youth", "mothers", "nations", "world"}  # fmt: skip
"""Owners that begin a name rather than own it: "Democratic People's Republic of Korea"."""


def _body_and_holder(words: list[str]) -> list[list[str]] | None:
    """A body's acronym, a title it gives and the person who holds it ("IAEA Director General
    Rafael Grossi", "NATO Secretary-General Jens Stoltenberg"): the body and the person, apart;
    not a body's own name ("UN General Assembly")."""
    if len(words) < 4 or not _acronym(words[:1]) or words[1].lower().rstrip(".") not in TITLES:
        return None
    holder = without_titles(words[1:])
    if len(holder) < 2 or ORGANISATION_HEAD.search(" ".join(words[1:])):
        return None
    return [words[:1], holder]


def _owner_apart(name: str) -> list[list[str]]:
    """A name's words, the owner apart from what it owns ("UNHCR's Global Trends": UNHCR, and
    Global Trends); an organisation's name stays whole (see :func:`_name_parts`)."""
    words = name.split()
    for at, word in enumerate(words[:-1]):
        if OWNERS_S.search(word) and OWNERS_S.sub("", word).lower() not in COMMON_OWNERS:
            return [words[: at + 1], *_owner_apart(" ".join(words[at + 1 :]))]
    return [words]


def _a_team_s_name(run: str) -> bool:
    """Whether ``run`` may name a team, a cell or a unit ("Ukraine Hosting Team"), not one an
    owner's ("Russia's Unit") nor a headline's ("Biden Welcomes Israel Rescue Team"); whose
    place it holds is :func:`_a_body_named_for_its_place`'s to say."""
    return (
        bool(BODY_HEAD_LAST.search(run))
        and "'s " not in run
        and "’s " not in run
        and not HEADLINE_VERB.search(run)
    )


def _a_body_named_for_its_place(
    text: str, start: int, end: int, places: list[Mention], known: list[int]
) -> bool:
    """Whether the run ``text[start:end]`` is a team, a cell or a unit named for the one known
    name it holds, a place that opens it, a word at most before its head, or that it is for
    ("Ukraine Hosting Team", "Example Coordination Cell for Ukraine"); not a headline's ("Kyiv
    Could Host Poland Team", "Georgia Will Disband Anti-Corruption Unit"), a post ("Head of Unit
    for Belarus"), nor one after words that open a sentence ("Last Saturday the Georgia Team").
    ``places`` and ``known`` as for :func:`_a_place_in_another_name`."""
    if bisect_left(known, end) - bisect_left(known, start) != 1:
        return False
    place = places[bisect_left(places, start, key=lambda m: m.start)]
    run = text[start:end]
    if not _a_team_s_name(run) or any(word.lower() in TITLES for word in run.split()):
        return False  # ("Deputy Head of Unit for Belarus": a post)
    if place.start == start:  # at most a word between: "Ukraine Hosting Team", "Crimea Team"
        return len(text[place.end : end].split()) <= 2  # (not "Kyiv Might Replace … Team")
    return place.end == end and bool(FOR_THE.search(text, start, place.start))


FOR_THE = re.compile(r" (?:for|of) (?:the )?$")
HEADLINE_VERB = re.compile(r"\b[A-Z][a-z]+[^\Wsiu]s\b")  # "Meets", "Sends" (not "Crisis")


def _then_a_known_name(run: str, known: Collection[str]) -> int | None:
    """Where an organisation's name ends in ``run`` that "and" and a name the store knows
    (whose form is one of ``known``, or its possessive) follow: "the Wagner Group and Putin",
    "the Food and Agriculture Organization and Ukraine" are two names. Not a name whose parts
    share the head after them ("the Russia and Eurasia Programme"), nor one that ends before the
    head ("Food and Agriculture Organization"), nor what a body is for ("the Centre for Eastern
    Europe and Russia"), nor a name "of" a name and another ("the Joint Declaration of the
    United States and Poland", "the Union State of Russia and Belarus"; so "the Council of
    Europe and Ukraine" too, as one can't tell it from them)."""
    pieces = run.split(" and ")
    for count in range(1, len(pieces)):
        before = " and ".join(pieces[:count])
        head = ORGANISATION_HEAD.search(before)
        if (
            head
            and _known_name(pieces[count], known)
            and " for " not in before[head.end() :]
            and not OF_A_NAME.search(before)
        ):
            return len(before)
    return None


OF_A_NAME = re.compile(r" (?:of|on) (?:the )?[A-Z][\w’'-]*(?: [A-Z][\w’'-]*){0,2}$")


def _known_name(name: str, known: Collection[str]) -> bool:
    return fold(OWNERS_S.sub("", name))[0] in known


def _two_names(parts: list[list[str]]) -> bool:
    """Names joined by "and", each whole: organisations' each end with a head ("the European
    Investment Bank and the African Development Bank"; not "Food and Agriculture Organization",
    "Foreign Affairs and Security Policy"), a person's opens with a title ("… and Turkish
    President …")."""
    return len(parts) > 1 and (
        all(ORGANISATION_HEAD.fullmatch(part[-1]) or _acronym(part) for part in parts)
        or any(opens_with_title(part) for part in parts[1:])
    )


def _acronym(words: list[str]) -> bool:
    """An organisation by its acronym alone: "RFE/RL" in "Hürriyet Daily News and RFE/RL"."""
    return len(words) == 1 and len(words[0]) > 1 and words[0].replace("/", "").isupper()


def _no_name(candidate: str, common_nouns: set[str], adjectives: frozenset[str]) -> bool:
    """What a text capitalises that is no one's name: a word that is never a name ("the
    West's"), a role ("Deputy Speaker", "Heads of State"), a head noun alone ("the Council",
    "this Assembly", "the Convention"), a common noun capitalised for style that the text also
    writes in lower case ("Grain", "Board"), an adjective made of a place's name ("Moroccan",
    "Libyan"), a document's symbol ("A/75/982")."""
    bare = candidate.lower()
    one_word = " " not in candidate
    first, _, rest = candidate.partition("-")
    return (
        all(word in NEVER_ALONE for word in bare.split())
        or (one_word and bare in COMMON_ABBREVIATIONS)
        # "Ukrainian-side", "Syrian-led": an adjective's compound
        or (rest.islower() and (bool(DEMONYM.match(first)) or first in adjectives))
        or all(  # "Russian-Ukrainian"
            DEMONYM.match(part) or part in adjectives for part in candidate.split("-")
        )
        or len(candidate) < 3
        and not candidate.isupper()  # "EU", not "Mr"
        or bool(LETTERS_SLASHED.fullmatch(candidate))
        or _only_titles(candidate, adjectives)
        or (one_word and (candidate in HEAD_NOUNS or bool(ORGANISATION_HEAD.fullmatch(candidate))))
        or (one_word and candidate[1:].islower() and bare in common_nouns)
        # words set in capitals that the text also writes in lower case: a section's label
        # ("4. SHIPS:", "RESOLVED (by 3 votes to 1)"), no acronym
        or (
            candidate.isupper()
            and len(candidate) > 3
            and not ORGANISATION_HEAD.search(candidate.title())
            and all(word in common_nouns for word in bare.split())
        )
        or ("/" in candidate and any(c.isdigit() for c in candidate))
        or bool(ASKED.fullmatch(candidate))
        or bool(PLURAL_ACRONYM.fullmatch(candidate))
        or bool(QUESTION_NUMBER.fullmatch(candidate))
        or bool(SECTION_NUMBER.fullmatch(candidate))
        or (bool(LABEL_AND_LETTER.fullmatch(candidate)) and bare.split()[0] in NEVER_ALONE)
        or bool(HANDLE.search(candidate))
        # a code, though not a flight by its number, an event ("Flight PS752")
        or (
            not candidate.startswith("Flight ")
            and any(CODE.fullmatch(word) for word in candidate.split())
        )
        or _publication_kind(bare) in PUBLICATION_KINDS  # "Policy Brief No. 14"
    )


def _a_cue(text: str, span: tuple[int, int], candidate: str) -> bool:
    """A script's or a transcript's cue in capitals: in brackets opening a line ("[GFX 1: CLAIM
    CARD]", "[PRESENTER TO CAMERA]"), or a known one anywhere ("[APPLAUSE]"); not an editor's
    insertion ("They [NATO] are moving")."""
    if not candidate.isupper():
        return False
    line_start = text.rfind("\n", 0, span[0]) + 1
    if text.startswith("[", line_start) and "]" not in text[line_start : span[0]]:
        return True
    bracketed = text.startswith("[", span[0] - 1) and text.startswith("]", span[1])
    return bracketed and candidate in CUES


def _heading_in_capitals(text: str, span: tuple[int, int], candidate: str) -> bool:
    """A heading set in capitals on a line of its own ("MARKET BACKDROP", "SHIPPING"), or in a
    line's cell ("DRY BULK WEEKLY | Issue 42"), or a label opening one ("3. TURKISH VIEW: …"): no
    body's name. A letterhead names a body by its head ("EXAMPLEFORD BOROUGH COUNCIL"); one word
    alone is a heading only if longer than an acronym ("ECONOMY", not "UNICEF")."""
    if not candidate.isupper() or (" " not in candidate and len(candidate) < 7):
        return False
    line_start = text.rfind("\n", 0, span[0]) + 1
    line_end = text.find("\n", span[1])
    line = text[line_start : len(text) if line_end < 0 else line_end]
    label = CAPITALS_LABEL.match(line)
    cell = line[: span[1] - line_start].rpartition(" | ")[2] + line[span[1] - line_start :]
    heading = CAPITALS_HEADING.fullmatch(cell.partition(" | ")[0].strip()) or (
        label and label["label"] == candidate
    )
    return bool(heading) and not ORGANISATION_HEAD.search(candidate.title())


def _a_tag_in_capitals(text: str, span: tuple[int, int], candidate: str) -> bool:
    """One word in capitals that opens its line as a turn's tag, and that the text names
    elsewhere too ("TOM (Exampleford):" after "First up is Tom", "[00:01:02] INT:" after "INT =
    telephone interpreter", "EXAMPLE-DAHL:" after "Priya Example-Dahl"): a first name, a surname
    or a role a transcript repeats at every turn, no name to propose there. A tag the text names
    nowhere else may be the only mention of its speaker, or an organisation's ("ACLED: Our data
    show …"); a tag in ordinary case or with a full name ("Olena Vasylenko:", "MARCUS FEENEY:") is
    a name."""
    if " " in candidate or not candidate.isupper() or not _a_turns_tag(text, *span):
        return False
    if candidate.lower() in ROLES:
        return True  # ("OPERATOR:", "INTERPRETER:", "CALLER (Leeds):")
    return any(
        not _a_turns_tag(text, *named.span())
        for named in re.finditer(rf"\b{re.escape(candidate)}\b", text, re.IGNORECASE)
    )


ROLES = TITLES | {
    "operator", "caller", "interviewer", "interviewee", "interpreter", "guide", "clerk", "witness",
    "narrator", "anchor", "announcer", "voice", "audience", "crowd", "all", "both", "agent", "bot",
    "customer", "student", "teacher", "patient", "doctor", "nurse", "officer", "candidate",
    "applicant", "panellist", "panelist", "participant", "respondent", "question", "answer",
    "resident", "visitor", "pilot", "driver", "manager", "staff", "reporter", "clip",
}  # fmt: skip
"""Who a turn's tag may name by role alone: no one's name."""


def _a_turns_tag(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` opens its line, after marks or a time, as a turn's tag."""
    return bool(TURN_TAG_END.match(text, end)) and bool(
        LINE_MARKS.fullmatch(text, text.rfind("\n", 0, start) + 1, start)
    )


TURN_TAG_END = re.compile(r"(?: \([^()\n]{1,60}\))?:")
LINE_MARKS = re.compile(r"[\W\d]*")  # ("[00:01:02] ", ">> ", "– ")
CAPITALS_HEADING = re.compile(r"(?:THE |A )?[A-Z][A-Z'’ -]+[?.!]?")  # ("HOW BAD IS IT?"; never
# a speaker's tag on a line of its own, "SAUDI ARABIA:")
CAPITALS_LABEL = re.compile(
    r"\d{1,2}\. (?P<label>[A-Z][A-Z'’ -]+): "
)  # a cable's "3. TURKISH VIEW:"


def _publication_kind(name: str) -> str:
    """What kind of document a header's name says it is: "Third Report", "Report AG-2024-03",
    "Member Circular No", "Annual Report 2023" (in lower case)."""
    name = re.sub(r" (?:no|[\w/-]*\d[\w/-]*)$", "", name)
    return re.sub(r"^(?:first|second|third|fourth|fifth|sixth|annual|special|interim|final) ", "",
                  name)  # fmt: skip


# A work's title, no one's name (the labelled sets' rule), where the text says whose report it
# is: "in its Global Trends report", "UNHCR's Global Trends report" (not "the KIIS survey", nor
# "the Council of Europe report", where the name is its maker's)
WORK_OWNED = re.compile(  # (also "UNHCR's latest Global Trends report")
    r"(?:\b(?:its|their|his|her)|['’]s)(?: (?:latest|new|annual|last|recent))? $"
)
WORK_AFTER = re.compile(r" (?:report|update|bulletin)\b")


PUBLICATION_KINDS = {
    "working paper", "policy brief", "issue brief", "discussion paper", "research paper",
    "occasional paper", "policy paper", "white paper", "briefing note", "briefing paper",
    "fact sheet", "situation report", "situation update", "flash update", "press briefing",
    "daily press briefing", "press release", "news release", "data note", "official report",
    "interview", "explainer", "fact check", "live", "live blog", "newsletter", "report",
    "notice", "penalty notice", "circular", "member circular", "briefing", "research briefing",
    "round",
}  # fmt: skip
"""What a header says a document is ("Working Paper 7/2024"), no one's name."""


NEVER_ALONE = frozenset(STOP_NAMES | NOT_ALONE)  # (made once: a union per word cost 3%)
TITLES_AND_STOPS = frozenset(TITLES | STOP_NAMES)
NO_SURNAME = NEVER_ALONE | TITLES | {title + "s" for title in TITLES}
PLURAL_ACRONYM = re.compile(r"[A-Z]{2,}s")  # "IDPs", "NGOs", "MPs": what many are, no one's name
QUESTION_NUMBER = re.compile(r"Q\d{1,2}")  # "Q3": a survey's question, no one's name
LABEL_AND_LETTER = re.compile(r"\w+ (?:[A-Z]|[IVX]{1,4})")  # "Annotation B", "Chart II"
SECTION_NUMBER = re.compile(r"[IVXLC]+(?:\.\d{1,3})+")  # "II.1.4)", "see VI.3": a form's section


def _role_or_party(text: str, span: tuple[int, int], candidate: str) -> bool:
    """A role on a line of its own under a signature, or after a name and a comma ("Mihai
    Example-Popescu, Branch Manager"), not a product's name ("Google Assistant"); an anonymised
    party's letter ("Mr X", "Mrs Y"), not a platform ("posts on X")."""
    if len(candidate) == 1:
        return bool(ANONYMISED.search(text, max(0, span[0] - 5), span[0]))
    if not ROLE_ENDING.search(candidate) or ORGANISATION_HEAD.search(candidate):
        return False
    line_start = text.rfind("\n", 0, span[0]) + 1
    alone = not text[line_start : span[0]].strip() and text.startswith("\n", span[1])
    return alone or text.endswith(", ", 0, span[0])


CUES = {"APPLAUSE", "INAUDIBLE", "CROSSTALK", "LAUGHTER", "MUSIC", "PAUSE", "SILENCE"}
"""What a transcript or captions put in brackets, no one's name."""
ANONYMISED = re.compile(r"\b(?:Mr|Mrs|Ms|Dr)\.? $")
ROLE_ENDING = re.compile(  # a signature's role: "Commercial Director", "Branch Manager"
    r"\b(?:Director|Manager|Officer|Leader|Coordinator|Editor|Assistant|Adviser|Advisor|Analyst"
    r"|Associate)$"
)
LETTERS_SLASHED = re.compile(r"[A-Z]/[A-Z]")  # "N/A", a script's "V/O": no one's name
HANDLE = re.compile(r"\w_\w|[a-z]{5}\d+$")
"""A user name signing a post, no one's name: "Odesa_Ledger", "Wheatfield77" (not "G20",
"Covid19", "Peace4Culture")."""
# A code, no one's name: a word with three digits or more in a row that are no year
# ("WQ-2024-0118", "ETL-457", "T-031"); "COP27", "G-20", "M23" are names
CODE = re.compile(r"\S*(?<!\d)(?!(?:19|20)\d\d(?!\d))\d{3,}\S*")
SERIAL = re.compile(r"[A-Z]\d{1,2}")
SERIAL_ITEM = re.compile(r"([A-Z])(?<!\w[A-Z])(\d{1,2})\b")  # (the capital first: a fast scan)
SERIAL_RANGE = re.compile(r"\b([A-Z])1[–-]\1\d{1,2}\b")  # "K1–K6"
"""One of a series a text numbers ("P1" … "P6", participants; fields "K1–K6"): no name,
where a capital and a digit alone may be one ("the P5", "G7")."""
BRACKETED_CODE = re.compile(r"\[([A-Z]{1,4}-\d{1,4})\]")
"""An exhibit's code, as a report cites its evidence ("[GC-07]"): a code wherever it stands, not
a name (as "G-20" and "MH-17" are, never in brackets)."""


def _only_titles(name: str, adjectives: frozenset[str]) -> bool:
    """A role, not a name: "Deputy Speaker", "Foreign Minister", "Vice-President", in the
    plural ("Ministers", "Heads of State and Government"), of a country ("Kenyan Ministers")."""
    parts = [part.rstrip(".") for word in name.split() for part in word.split("-")]
    words = [part.lower() for part in parts]
    titles = [w in TITLES or (w.endswith("s") and w[:-1] in TITLES) for w in words]
    if not any(titles):  # (most names: no role word is looked up)
        return False
    of_a_role = [
        w in ROLE_WORDS or part in adjectives or bool(DEMONYM.match(part))
        for w, part in zip(words, parts, strict=True)
    ]
    return all(t or o for t, o in zip(titles, of_a_role, strict=True))


def _title_cased(line: str) -> bool:
    """Most of its words capitalised, as a title or a headline is (a question too); not a list's
    item ("- Dr. Maren Example, senior fellow, Example Institute": who is on a panel)."""
    if LIST_MARKER.match(line):
        return False
    words = [w for w in line.split() if w[:1].isalpha() and w not in TITLE_CASE_MINOR]
    return bool(words) and sum(w[:1].isupper() for w in words) >= 0.6 * len(words)


BY_A_NAME = re.compile(rf"(?<=[A-Za-z]{{2}})-(?:{JOINED_DEED})$")  # "a UAE-brokered swap": UAE
NAMED_ON = re.compile(  # (an organisation's head, a plan or a convention among them, and more)
    rf"{ORGANISATION_HEAD.pattern}|(?:Policy|Strategy|Law|Act|Resolution|Decree|Statement|Report"
    r"|Dialogue)\b"
)
"""What is named by what it is on ("Conference on Disarmament", "the Policy on Devolution")."""
STATE_HEAD = re.compile(r"\b(?:Republic|Kingdom|Federation|Emirates|Principality)\b")
"""A state's name in a title: "Republic of Moldova — statement to the General Debate"."""
TITLE_CASE_MINOR = {"a", "an", "the", "and", "or", "but", "nor", "for", "of", "in", "on", "at",
                    "to", "by", "with", "from", "as", "vs", "via"}  # fmt: skip
"""Words a title leaves in lower case ("Aid Fatigue and the Case for a Negotiating Track")."""


def _new_entities(
    text: str, layout: Layout, found: Found, adjectives: frozenset[str], known: Collection[str]
) -> list[dict[str, Any]]:
    """Capitalised names that no known name covers: proposals, never links. ``adjectives``:
    those made of the known places' names (:attr:`Gazetteer.adjectives`); ``known``: the forms
    of the names the store knows (:attr:`Gazetteer.by_form`)."""
    covered = SpanIndex(
        [(m.start, m.end) for m in found.mentions] + [(a.start, a.end) for a in found.ambiguous]
    )
    occurrences: dict[str, list[dict[str, int]]] = {}
    titles: set[str] = set()  # the titles of works, wherever the text names them
    no_names = unnamed_spans(text)
    unnamed = SpanIndex(no_names)
    # Header lines too ("Statement to the United Nations General Assembly, 23 February 2023"),
    # but in a title-cased one only the names of organisations: its other capitals are style.
    # Each line with where it opens: a name there may be a capitalised common word, but not a
    # dateline's place ("Vienna, 8 October 2024": no word there opens a sentence).
    lines: list[tuple[int, int, bool, int | None]] = [
        (start, end, False, _first_word(text, start)) for start, end in layout.sentences()
    ]
    for index, (start, end) in enumerate(layout.header):
        dated = bool(index and A_YEAR.search(text, start, end))
        lines.append(  # a byline, a memo's "From:" or a dated line under the title names people
            (  # and publishers, though title-cased ("Example Review, 30 November 2023. …")
                start,
                end,
                _title_cased(text[start:end])
                and not FIELD_LINE.match(text, start)
                and not (index and LABELLED_LINE.match(text, start))
                and not dated,
                None if dated and DATELINE.match(text, start) else _first_word(text, start),
            )
        )
    lines += [
        # a speaker's tag is a name, though it opens the paragraph ("Aalto:")
        (p.speaker[1], p.speaker[2], False, None)
        for p in layout.paragraphs()
        if p.speaker
    ]
    papers = SpanIndex([m.span() for s, e, *_ in lines for m in NAMED_PAPER.finditer(text, s, e)])
    # "the grain deal" beside a headline's "Grain"; not a word of an address or of code
    common_nouns = set(LOWERCASE_WORD.findall(" " + _blanked(text, no_names)))
    codes = set(BRACKETED_CODE.findall(text))
    serials = _serial_letters(text)
    opening: list[tuple[str, int]] = []  # one word that opens a sentence: a name if named elsewhere
    for start, end, titled, opens in lines:
        names = [
            name
            for piece in _where_a_name_may_run(text, start, end)
            for pattern in (NAME_RUN, NAMED_PAPER)
            for name in pattern.finditer(text, *piece)
        ]
        for match in names:
            # in a title, only an organisation's or a state's name, or whose remarks ("by Clara …");
            # a letterhead's in capitals too ("EXAMPLEFORD BOROUGH COUNCIL")
            cased = match.group().title() if match.group().isupper() else match.group()
            if (
                titled
                and not ORGANISATION_HEAD.search(cased)
                # (or a team named for a place: "Housing Options · Ukraine Hosting Team", not
                # "Outbreak Control Team: final report")
                and not (
                    _a_team_s_name(cased)
                    and any(_known_name(word, known) for word in cased.split())
                )
                and not STATE_HEAD.search(cased)
                and not BY_SOMEONE.search(text, max(start, match.start() - 3), match.start())
            ):
                continue
            word = match.group()
            if " " not in word and (  # one word: what _name_parts would leave out, at a glance
                covered.overlaps(*match.span())
                or (match.start() == opens or _opens_its_line(text, match.start()))
                and not OWNERS_S.sub("", word).isupper()
            ):
                if not covered.overlaps(*match.span()):
                    opening.append((POSSESSIVE.sub("", word), match.start()))
                continue
            for candidate, first in _name_parts(text, match, opens, known):
                candidate = NOTE_MARK_AFTER.sub("", candidate)  # "February.⁵": a note's mark
                candidate = BY_A_NAME.sub("", candidate)  # "UAE-brokered": UAE
                unmarked = POSSESSIVE.sub("", candidate)  # "Africa’s"
                undated = _as_ended(text, first, TRAILING_MONTH.sub("", unmarked))
                one_word = " " not in undated and not undated.isupper()
                if one_word and (first == opens or TRAILING_MONTH.search(unmarked)):
                    continue  # "Published" of "Published December 2023", "Updated Friday"
                if SIDING_WITH.search(text, max(0, first - 5), first):
                    continue  # "a pro-Kremlin politician", "anti-Western": who one sides with
                candidate = undated
                span = (first, first + len(candidate))
                if match.re is not NAMED_PAPER and (
                    covered.overlaps(*span) or papers.overlaps(*span)  # "Istanbul communiqué"
                ):
                    continue
                if unnamed.overlaps(*span) or candidate in codes:
                    continue  # "`Russia Example Loader`": code; "GC-07", cited as "[GC-07]"
                if (
                    _no_name(candidate, common_nouns, adjectives)
                    or (
                        len(candidate) == 2
                        and candidate.isupper()
                        and CODE_AFTER.match(text, span[1])
                    )
                    or (candidate.isupper() and LONG_NUMBER_AFTER.match(text, span[1]))
                    or _a_street(text, span, candidate)
                    or _a_ships_name(text, span, candidate)
                    or (bool(SERIAL.fullmatch(candidate)) and candidate[0] in serials)
                    or ROMAN.fullmatch(candidate)
                    or _heading_in_capitals(text, span, candidate)
                    or _a_tag_in_capitals(text, span, candidate)
                    or _a_cue(text, span, candidate)
                    or _role_or_party(text, span, candidate)
                ):
                    continue  # "US$5.6 billion", "HC 412", "ES-11", "XX century", "Chapter VII"
                if one_word and _a_common_word_as_a_field_s_text(text, span, candidate):
                    opening.append((candidate, first))
                    continue
                if WORK_AFTER.match(text, span[1]) and WORK_OWNED.search(
                    text, max(0, span[0] - 14), span[0]
                ):
                    titles.add(candidate)  # "its Global Trends report": a work, here and after
                occurrences.setdefault(candidate, []).append({"start": span[0], "end": span[1]})
    # "Europe has taken in …" where the text also writes "across Europe": the same name
    for word, first in opening:
        if word in occurrences and not unnamed.overlaps(first, first + len(word)):
            occurrences[word].append({"start": first, "end": first + len(word)})
            occurrences[word].sort(key=lambda occurrence: occurrence["start"])
    _add_surnames_alone(text, occurrences, covered, common_nouns, SpanIndex(layout.boilerplate))
    return [
        {"text": key, "occurrences": value}
        for key, value in occurrences.items()
        if key not in titles
    ]


# After the label of a text's field a capital says nothing: a common word there is no name,
# where it does not go on as a name does ("Title: Supply of …", "| Desk: International |";
# not a person's field, "Contact: Reed", "Appellant: Oakes")
TEXT_LABEL = re.compile(
    r"(?:[^\n]*\|[ \t]*)?(?:(?:[-*•]|[\w.]+[.)])[ \t]*)?"  # ("II.1) Title: ", "| Desk: ")
    r"(?i:title|subject|re|topic|item|summary|headline|heading|caption|section|category|theme"
    r"|description|desk|decision):[ \t_]*"
)
# What follows a name, not a common word: a tag's colon, a verb in the present or the past
# ("Shell keeps", "Shell confirmed"), other names ("Visa and Mastercard", "Apple, Shell and
# …"), an apposition ("Rose, the spokesperson, …")
A_NAME_GOES_ON = re.compile(
    r"\**:|[ \t]+[a-z]+(?:[^\Ws]s|ed)\b|[ \t]+(?:and|or|&)[ \t]+[A-Z]"
    r"|,[ \t]+(?:[A-Z]|(?:the|a|an|who|our|its|his|her|their)\b)"
)


def _a_common_word_as_a_field_s_text(text: str, span: tuple[int, int], word: str) -> bool:
    """Whether ``word`` opens a text's field and is a common word of English ("Title: Supply
    of …", "Desk: International"): a name there only if the text names it so elsewhere. (After
    other marks, a chart's number or a list's letter, a name is as usual: "Figure 2 – Macron in
    Kyiv", "(c) Reeves on …".)"""
    line = text.rfind("\n", 0, span[0]) + 1
    return (
        bool(TEXT_LABEL.fullmatch(text, line, span[0]))
        and not A_NAME_GOES_ON.match(text, span[1])
        and is_common_word(word)
    )


def _where_a_name_may_run(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``text[start:end]`` cut after each short line, after every line of lines that each open
    with a capital and end with no stop, and between a table's cells: a name may run on across
    a line that prose wraps, never from one line of a list, a signature or an address to the
    next ("Example Allied Land Command" over "Dr Pavlo Hrytsenko-Lee")."""
    lines = text[start:end].split("\n")
    listed = len(lines) >= 3 and all(
        line[:1].isupper() and line.rstrip()[-1:] not in ".,;:!?" for line in lines
    )
    pieces, begin = [], start
    while (cut := text.find("\n", begin, end)) >= 0:
        if listed or cut - (text.rfind("\n", 0, cut) + 1) < SHORT_LINE:
            pieces.append((start, cut))
            start = cut + 1
        begin = cut + 1
    # nor from one cell of a table set out with tabs or spaces to the next
    # ("Indicator   Value   Source")
    cells = []
    for first, last in [*pieces, (start, end)]:
        piece = text[first:last]
        if "\t" in piece or "  " in piece:  # (most text has no gap: not scanned for one)
            for gap in CELL_GAP.finditer(text, first, last):
                cells.append((first, gap.start()))
                first = gap.end()
        cells.append((first, last))
    return cells


def _blanked(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with ``spans`` (its URLs, e-mail addresses and code) blanked out."""
    for start, end in reversed(spans):
        text = text[:start] + " " * (end - start) + text[end:]
    return text


LEADING_MARK = re.compile(
    r"(?:\[\d{1,3}\]|\^\d{1,3}|[¹²³⁴-⁹⁰]{1,3}|\d{1,3}[./]|\d{1,2}\.\d(?:\.\d{1,2})*\.?"
    rf"|{ITEM_MARK}|(?<![^\n])(?:[a-z]\)|\d{{1,2}}(?=[ \t]+[A-Z])))[ \t]+"
)
"""A note's, a numbered paragraph's, a list item's or a thread's post's mark before its first
word ("[1] Oral evidence …", "4.3 Residents gave …", "(b) Security. The berth …", "2 Market"
heading a line, "2/ Start abroad."; not a live blog's "14.05 Zelenskyy says")."""


def _first_word(text: str, start: int) -> int:
    """Where a sentence's first word begins: after a note's mark or a paragraph's number, after
    the tag of whoever speaks it in a transcript (">> EXAMPLE-JAMES: Honestly, …"), and after a
    field's label ("Subject: Solidarity partnership with Mykolaiv")."""
    mark = LEADING_MARK.match(text, start)
    start = mark.end() if mark else start
    tag = SPEAKER_TAG.match(text, start) or FIELD_LABEL.match(text, start)
    return tag.end() if tag else start


def _opens_its_line(text: str, start: int) -> bool:
    """Whether the word at ``start`` opens its line after nothing but marks, numbers and tags in
    capitals ("4/9 Volumes: …", "2/9 Baseline first.", "V/O: Start with …", ":::Fine by me"), or
    after a chat's or a transcript's tag that ends in a time ("Kwame J. Example-Mensah, 14:25:
    Fine, book …"): a capital there opens a sentence, as one after a full stop does, though the
    layout reads the line on from the one before."""
    line = text.rfind("\n", 0, start) + 1
    if not LINE_OPENER.fullmatch(text, line, start) or A_TIME.match(text, line, start):
        return False  # (a live blog's entry may open with whom it is about: "14.05 Zelenskyy says")
    # a speaker's tag names who speaks ("**Aalto:**", "[00:12] Olena:"); a label after an item's
    # number does not ("4/9 Volumes: the tracker puts …")
    return not TAGGED.match(text, start) or bool(ITEM_NUMBER.fullmatch(text, line, start))


LINE_OPENER = re.compile(  # (something before it: a line's first word may be a dateline's place)
    r"(?:[^a-z\n]*[^\sa-z][^a-z\n]*|[^\n]{1,60}?, \d{1,2}:\d\d(?::\d\d)?:[ \t]+)",
)
TAGGED = re.compile(r"[\w’'-]+(?:\*\*:|:)")  # a speaker's tag: "**Aalto:**", "Maya:"
A_TIME = re.compile(r"[ \t]*\d{1,2}[:.]\d\d\b")
ITEM_NUMBER = re.compile(r"[ \t]*(?:\d{1,3}[./])+\d{0,3}[ \t]+")  # "4/9 ", "5.1 ", "2. "


FIELD_LABEL = re.compile(r"(?<![^\n])[A-Z][a-z]+(?: [a-z]+){0,2}:[ \t]+(?=[A-Z])")
"""A field's label opening its line: "Proposal: Change of use", "Desk: International"."""
SPEAKER_TAG = re.compile(  # "MODERATOR (Prof. Ingrid Example-Moe): ", ">> EXAMPLE-JAMES: ", in
    # capitals as a transcript writes them (not a label: "Annotation C: Griffiths set …")
    r"(?:>>[ \t]*)?[A-Z][A-Z.'’\"-]*(?: [A-Z\"][A-Z.'’\"-]*){0,4}(?: \([^)\n]{1,60}\))?:[ \t]+"
    r"(?=[A-Z])"
)


def _add_surnames_alone(
    text: str,
    occurrences: dict[str, list[dict[str, int]]],
    covered: SpanIndex,
    common_nouns: set[str],
    boilerplate: SpanIndex,
) -> None:
    """A person named in full and then by surname alone ("Lena Marsh, head of research … Marsh
    put"): the surname, proposed alone or said to speak, is another occurrence of her. Only
    where the text shows a person (:data:`PERSON_BEFORE`, :data:`PERSON_ROLE_AFTER`,
    :data:`PERSON_AFTER`); never a surname two proposed names share, nor a word the text also
    writes in lower case ("Black Sea" … "sea"), nor one in ``boilerplate`` (a list of
    references: "Babel, report on the statement by Erdoğan's spokesman")."""
    by_surname: dict[str, list[str]] = {}
    for name in occurrences:
        words = name.split()
        if (
            len(words) in (2, 3)
            and all(  # "Nadia Ferreira-Holm": a double name's parts each capitalised
                part[:1].isupper() and part[1:].islower()
                for word in words
                for part in word.split("-")
            )
            and not ORGANISATION_HEAD.search(name)
            and not any(  # "Palestinian State", "French President", "Small States"
                DEMONYM.match(word) or word in HEAD_NOUNS or word.lower() in NO_SURNAME
                for word in words
            )
            and not any(  # "South-East Europe": a region
                part.lower() in COMPASS for word in words for part in word.split("-")
            )
            and words[-1].lower() not in common_nouns
            and len(words[-1]) > 2
        ):
            by_surname.setdefault(words[-1], []).append(name)
    by_surname = {  # only those the text shows to be persons, where it names them in full
        surname: names
        for surname, names in by_surname.items()
        if any(
            PERSON_BEFORE.search(text, max(0, o["start"] - 16), o["start"])
            or PERSON_ROLE_AFTER.match(text, o["end"])
            or PERSON_AFTER.match(text, o["end"])
            for o in occurrences[names[0]]
        )
    }
    for surname, names in by_surname.items():  # "Varga" proposed alone is Ilona Varga
        if len(names) == 1 and surname in occurrences:
            occurrences[names[0]] += occurrences.pop(surname)
    taken = SpanIndex([(o["start"], o["end"]) for found in occurrences.values() for o in found])
    for surname, names in by_surname.items():
        if len(names) > 1:
            continue
        spans = occurrences[names[0]]
        # the surname first, what stands before it after it: the scan skips from one to the next
        alone_at = rf"{re.escape(surname)}(?<![\w'’-]{re.escape(surname)})(?![\w-])"
        for alone in re.finditer(alone_at, text):
            start, end = alone.span()
            before = text[max(0, start - 30) : start]
            if (
                taken.overlaps(start, end)
                or boilerplate.overlaps(start, end)  # a list of references names no one
                or covered.overlaps(start, end)
                or not (
                    PERSON_AFTER.match(text, end)
                    or OWNED_BY_ONE.match(text, end)
                    or DID_SOMETHING.match(text, end)  # "Fenwick had relied on a survey"
                )
                or re.search(r"[A-Z][\w’'-]* $", before)  # part of a longer run of names
                or re.match(r" [A-Z]", text[end : end + 2])
            ):
                continue
            spans.append({"start": start, "end": end})
        spans.sort(key=lambda o: o["start"])
