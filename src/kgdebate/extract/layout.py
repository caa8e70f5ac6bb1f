"""A document's layout: header lines, sections from headings, paragraphs, sentences, boilerplate.

Everything is a span of code-point offsets into the text. Boilerplate (series blurbs, "for more
information", citation footers, copyright lines) is recognised by its wording and kept out of the
claims. Stance labels at the head of a paragraph (AGREE:, Con:, Rebuttal: …) are read here too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from kgdebate.extract.spans import SpanIndex

BOILERPLATE_START = (
    r"^(for more information|for academic citation|cite (this|as)|copyright|©|all rights reserved"
    r"|the views expressed|subscribe|share this|related:|sources:"
    r"|this (article|publication|report|brief) (is|was) part of|(additional )?reporting by"
    r"|editing by|writing by"
    r"|this page was last (?:edited|modified|updated)|text is available under"  # a wiki's footer
    # a verbatim record's procedure: "The meeting rose at 12.35 p.m."
    r"|the meeting (?:rose|was (?:called to order|suspended|resumed|adjourned)) at \d"
    r"|question put and agreed to|question put and negatived"  # a Hansard division's close
    # an e-mail's signature, under the line that opens one, and its notice of confidence
    r"|--[ \t]*\n|this (?:e-?mail|message)(?: and any attachments)? (?:is|are) confidential)"
)
# Anywhere in a paragraph: an author's disclaimer, or a short note with an address to write to.
BOILERPLATE_ANYWHERE = r"\bthe views expressed\b|\bis a (?:contributing |guest )?columnist\b"
# "the series" or "the study group" alone is no sign ("Earlier issues in the series
# overestimated…", "As in earlier sessions of the series, students asked…" are content): a blurb
# about the series also says how it is published or how to follow, reach or cite it, or, of
# "this study group", how it runs ("Over six sessions, this study group … students …").
SERIES_BLURB = (
    r"\b(this|the) (study group|series|seminar series|newsletter)\b(?=.*\b(subscribe|e-?mail"
    r"|contact|published (weekly|monthly|quarterly)|part of|the views|views of its|sign up"
    r"|https?://|www\.|\S+@\S+))"
    r"|\bthis (study group|series|seminar series)\b(?=.*\b(weekly|sessions|each (week|session)"
    r"|students))|\b(weekly|sessions|students)\b(?=.*\bthis (study group|series)\b)"
)
BOILERPLATE = re.compile(
    f"{BOILERPLATE_START}|{SERIES_BLURB}|{BOILERPLATE_ANYWHERE}", re.IGNORECASE | re.DOTALL
)
BOILERPLATE_AT_START = re.compile(BOILERPLATE_START, re.IGNORECASE)
BOILERPLATE_WORDS = ("series", "study group", "newsletter", "views expressed", "columnist")
"""What a text holds if :data:`BOILERPLATE` can match past its start: the scan is skipped
elsewhere (it was a tenth of the layout's time on the UN speeches)."""
E_MAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
NOTES_HEADING = re.compile(  # "Notes to editors": a press release's notes, its boilerplate
    r"(?i:notes|footnotes|endnotes|references|sources|sources and notes|bibliography"
    r"|notes? (?:to|for) editors|editor['’]?s notes?)[.:]?"
)
"""A section of source notes: boilerplate, though its notes still name figures' sources."""
NUMBERED_HEADING = re.compile(r"^(\d+\.(\d+\.?)*|[IVX]+\.)\s+\S")  # "2. Findings", "3.1 Data"
LABELS = {
    "agree": "for",
    "for": "for",
    "pro": "for",
    "yes": "for",
    "disagree": "against",
    "against": "against",
    "con": "against",
    "no": "against",
    "in favour": "for",
    "in favor": "for",
    "opposed": "against",
    "strongly agree": "for",
    "strongly disagree": "against",
    "argument for": "for",
    "argument against": "against",
    "support": "for",
    "oppose": "against",
    "contra": "against",
    "fallacy": "unknown",
    "rebuttal": "unknown",
    "myth": "unknown",
    "the myth": "unknown",
    "misconception": "unknown",
    "fact": "unknown",
    "reality": "unknown",
    "the reality": "unknown",
    "proposition": "for",  # an Oxford-style debate's two benches
    "opposition": "against",
    "claim": "unknown",
    "response": "unknown",
    "verdict": "unknown",  # a fact-check's "Claim: …" then "Verdict: False. …"
    "rating": "unknown",
    "false": "unknown",  # "False: …" over "True: …"
    "true": "unknown",
    "what they say": "unknown",  # "What they say: …" over "What the record shows: …"
    "what the record shows": "unknown",
    "what the facts say": "unknown",
    "what the evidence shows": "unknown",
}
CHALLENGED = {"fallacy", "myth", "the myth", "misconception", "claim", "false", "what they say"}
"""Labels of what the next labelled paragraph answers ("Myth: …" then "Fact: …")."""
UNLABELLED_ANSWER = "answer"
"""What answers a myth given as a heading ("## Myth: …"), though it has no label of its own."""
ANSWERING = {
    "rebuttal", "fact", "reality", "the reality", "response", "verdict", "rating", "true",
    "what the record shows", "what the facts say", "what the evidence shows", UNLABELLED_ANSWER,
}  # fmt: skip
RATING = (  # what a fact-check's verdict says before its reasons: "Verdict: False." is no claim
    r"(?:(?:(?:mostly|partly|half|largely) )?(?:false|true|misleading|unproven|correct|incorrect"
    r"|wrong|accurate|inaccurate|unsupported|exaggerated)[.!]?(?:\*\*|__)?[ \t]*)?"
)
SIDE_COLUMNS = ("position", "stance", "side", "vote")  # a table's column, or a field's name
FIELD = rf"(?:{'|'.join(SIDE_COLUMNS)})[ \t]*:[ \t]*"  # "Position: Agree."
SIDE_WORDS = r"(?:strongly )?(?:agree|disagree|for|against|yes|no|in favou?r|opposed)"
"""A side that follows its taker's name ("Jane Example — AGREE", "Jane Example (agree):"). Not
"pro", "con" or "opposition", which after a name are a party ("Mr John Example (Con):")."""
LABEL = re.compile(  # "AGREE:", "Con —", "YES | ", "[For the motion]", "**Agree.**", or alone
    # on its line, "✔ For:", "- Agree:" as a list's item; not "No. 1" or "Yes."
    r"^(?:#{1,6}[ \t]+|[-*•][ \t]+|\|[ \t]*)?(?:[✔✓✅☑✘✗❌☒👍👎][ \t]*)?(?:\*\*|__|[*_\[(])?"
    # a side after who takes it: "Jane Example — AGREE", "Jane Example, for the motion:"; a
    # stance's field: "Position: Agree.", under the name on a line of its own too
    r"(?:(?P<named>(?-i:[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){1,3}))"
    rf"(?:(?:[ \t]+[\u2014\u2013-][ \t]+|,[ \t]+|:[ \t]+|[ \t]*\|[ \t]*)(?={SIDE_WORDS}\b)"
    rf"|[ \t]*\n(?={FIELD})))?"
    rf"(?:(?P<field>{FIELD})(?={SIDE_WORDS}\b))?"
    r"(?P<label>" + "|".join(sorted(LABELS, key=len, reverse=True)) + r")(?![^\W_])"
    # "For the motion", "Myth 2:", "In favour (Jane Example):"
    r"(?: (?:of )?the (?:motion|proposition)|[ \t]+#?\d{1,2}(?![\w.,])|[ \t]+\([^)\n]{1,60}\))?"
    # "**Agree.**", "*Pro:*", "__Con__:", "**For**" alone on its line; not "**No** one"
    r"(?:(?:[.:](?:\*\*|__|[*_])|(?:\*\*|__|[*_])(?=[ \t]*(?::|\n|$)))[ \t]*:?\s*"
    r"|[\])][ \t]*:?\s*"
    r"|(?(field)\.\s*|(?!))"  # "Position: Agree. …"
    r"|[ \t]*(?::\s*|\s[\u2014\u2013-]\s+|[ \t]\|[ \t]+|\n\s*|$)"  # "YES | …"
    # a magazine's "Yes, says Jane Example." (a name: not "No, says the ministry, …")
    r"|,[ \t]+says[ \t]+(?-i:[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,4})[.:][ \t]*)" + RATING,
    re.IGNORECASE,
)
# A heading over the paragraphs of one side: "The case for talks", "Arguments against",
# "Reasons in favour", "## For the motion", "Opposition" (not "The Case For and Against Talks").
SIDE_HEADING = re.compile(
    r".*\b(?:case|arguments?)\s+(?:against|for|in favou?r)\b(?!\s+and\b).*"
    r"|(?:speeches |speakers |arguments )?(?:against|for|in favou?r)(?: of)?"
    r"(?: the (?:motion|proposition))?"
    r"|(?:the )?(?:proposition|opposition)(?: bench| side| case)?"
    r"|(?:the )?(?:yes|no) (?:case|side)|why (?:yes|no)"  # "The yes case", "Why no"
    r"|.*\((?:for|against)(?: the motion)?\)",  # "Team A (for)"
    re.IGNORECASE,
)
BOTH_SIDES = re.compile(r"\bfor\b.*\bagainst\b|\bagainst\b.*\bfor\b", re.IGNORECASE)
SIDE_WORD = re.compile(
    r"\b(?:against|opposition|for|in favou?r|proposition|yes|no)\b", re.IGNORECASE
)


def heading_side(title: str) -> str | None:
    """The side a heading gives the paragraphs under it, if it names one side."""
    words = title.strip().strip("#").strip().rstrip(":").strip()
    labelled = LABELS.get(words.strip("*_ ").lower())  # "### Agree", "**Con**"
    if labelled in ("for", "against"):
        return labelled
    if not SIDE_HEADING.fullmatch(words) or BOTH_SIDES.search(words):
        return None
    side = SIDE_WORD.search(words)  # the first: "The case for an opposition bloc" is for
    return "against" if side and side.group().lower() in ("against", "opposition", "no") else "for"


# Who speaks a paragraph of a transcript: "Ms Jane Example (Example Party): …", "The Deputy
# Speaker: …" (a capitalised name of up to six words, then a colon).
SPEAKER = re.compile(  # a committee's numbered question first: "Q2 Colin Marsh: …"; in bold
    # in an interview ("**Aalto:** …", "**Example Weekly**: …"); a transcript's time stamp first:
    # "[00:01:05] MARTA NOWAK: …"
    r"^(?:\[?\d{1,2}:\d{2}(?::\d{2})?\]?[ \t]+)?(?:\*\*|__)?(?:Q\d{1,4}[ \t]+)?"
    r"(?P<who>(?P<name>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,5})"
    r"(?: \([^)\n]{1,60}\))?)(?:\*\*|__)?:(?:\*\*|__)?[ \t]+(?=[A-Z])"
)
# Hansard's speaker on a line of their own: "Jane Example (North Exampleshire) (Con)"
SPEAKER_LINE = re.compile(
    r"^(?P<who>(?P<name>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,5})(?: \([^)\n]{1,60}\)){1,2})"
    r"[ \t]*\n(?=[A-Z])"
)
SIDE_IN_BRACKETS = re.compile(
    rf"\((?P<label>(?i:{SIDE_WORDS}))"
    r"(?: (?:of )?the (?:motion|proposition))?\)"  # "(for the motion)" too
)
"""A speaker's side, in brackets after their name: "Jane Example (agree):"."""
ABBREVIATIONS = {
    "dr", "mr", "mrs", "ms", "st", "no", "vs", "etc", "e.g", "i.e", "gen", "gov", "sen", "rep",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s",
    "u.k", "u.n", "prof", "inc", "ltd", "col", "lt", "sgt", "amb", "al",  # "Hale et al. (2023)"
}  # fmt: skip
# A sentence ends at a full stop before a capital, and at the end of a list item or table row.
ITEM_MARK = r"\((?:[a-z]|[ivx]{1,4}|\d{1,2})\)"  # a list item's "(b)", "(iv)", "(2)"
FULL_STOP = (  # a footnote's marker after it is the sentence's: "… across Europe.^2 In February"
    r"[.!?][\"”’)\]]*(?:\[\^?\d{1,3}\]|\^\d{1,3}|[¹²³⁴-⁹⁰]{1,3})?"
    rf"(?=\s+(?:[-*•][ \t]+)?[\"“‘(\[]?[A-Z0-9]|\s+{ITEM_MARK}[ \t]+[A-Z])"
)  # (a lettered item: "… number.\n(b) Security.", never "under para. (b) of the resolution")
# A record line: a name, a dash, what is recorded ("Example Development Bank – $250 million …"),
# as trackers list pledges; each such line is an item of its own, as a list item is
RECORD_LINE = r"[A-Z][^\n–—]{1,80}? [–—] (?=\S)"
# A row of a table set out with tabs or runs of spaces (an export, a statistical annex): two
# gaps or more between its cells, none after a sentence's stop ("… ended.  Then")
COLUMN_GAP = r"(?<=[^\s.!?])(?:\t+| {2,})(?=\S)"
ALIGNED_ROW = rf"[^\n]*?{COLUMN_GAP}[^\n]*?{COLUMN_GAP}"
SENTENCE_END = re.compile(  # (and before a quotation's credit on its own line: "> — Jane …")
    FULL_STOP
    + rf"|(?<=\S)(?=\n[ \t]*(?:[-*•][ \t]|\||(?:>[ \t]*)?[—–][ \t]|{RECORD_LINE}|{ALIGNED_ROW}))"
)
SHORT_LINE = 50  # characters: wrapped prose fills its lines to 60 or more
CELL_GAP = re.compile(COLUMN_GAP)


# A line break inside a sentence, before a word in lower case: hand-wrapped prose ("about 33\n
# million tonnes", "according\nto UNHCR"). The break first, what stands before it after it: the
# scan then jumps from one line break to the next (twenty times faster than trying the check
# before it at every character).
WRAPPED = re.compile(r"\n(?<=[\w%.,]\n)(?=[a-z])")


def unwrapped(text: str) -> str:
    """``text`` with the line breaks of hand-wrapped prose as spaces: the same length, so that
    what is read across them keeps its offsets."""
    return WRAPPED.sub(" ", text)


def table_cells(row: str) -> list[str]:
    """A table row's cells: a Markdown row's between its pipes, else those that tabs or runs of
    spaces set apart."""
    row = row.strip()
    if row.startswith("|"):
        return [cell.strip() for cell in row.strip("|").split("|")]
    return CELL_GAP.split(row)


def table_rows_above(text: str, start: int, end: int) -> Iterator[list[str]]:
    """The cells of each row above the table row ``text[start:end]``, nearest first, while they
    are of its table: Markdown rows, or rows with as many cells as it has."""
    piped = text[start:end].lstrip().startswith("|")
    width = len(table_cells(text[start:end]))
    above = start
    while above > 0:
        line_start = text.rfind("\n", 0, above - 1) + 1
        line = text[line_start : above - 1].strip()
        cells = table_cells(line)
        if (not line.startswith("|")) if piped else len(cells) != width:
            return
        yield cells
        above = line_start


AN_ALIGNED_ROW = re.compile(ALIGNED_ROW)
FULL_STOP_ONLY = re.compile(FULL_STOP)  # the same ends in a text without a line break
LIST_MARKER = re.compile(r"[ \t]*[-*•][ \t]+")
# What opens a sentence's line before its words: a list's "- " or "• ", a quotation's "> ",
# an explainer's "Q:" and "A:", a lettered item's "(b) " (one pattern: tried at every sentence)
OPENING_MARK = re.compile(
    rf"{LIST_MARKER.pattern}|[ \t]*(?:>[ \t]*)+|(?:Q|A|Question|Answer)[ \t]*:[ \t]+"
    rf"|{ITEM_MARK}[ \t]+"
)
A_RECORD_LINE = re.compile(RECORD_LINE)
# A sentence's end, a footnote's marker after it ("… of Ukraine.[1]", "… in 2023.³") too
PROSE_END = re.compile(  # an emoji may close a post: "Where do those numbers come from? 🧵"
    r"[.!?:][\"”’)]*(?:\[\d{1,3}\]|\^\d{1,3}|[¹²³⁴-⁹⁰]+)?"
    r"(?:\s*[\u2600-\u27bf\U0001f000-\U0001faff\ufe0f\u200d]+)?$"
)
# A letter's closing, over its signatories: "Sincerely,", "Signed,", "Yours faithfully,"
CLOSING = re.compile(
    r"(?i:signed|sincerely|yours(?: sincerely| faithfully| truly)?|respectfully(?: yours)?"
    r"|(?:with )?(?:best |kind |warm )?regards)[,.]?"
)
CODE_FENCE = re.compile(r"^(```|~~~)[^\n]*\n.*?^\1[ \t]*$", re.MULTILINE | re.DOTALL)
LONGEST_WRAPPED = 160  # characters: text wrapped by hand or by a tool stays well under this


@dataclass
class Paragraph:
    start: int
    end: int
    sentences: list[tuple[int, int]]
    boilerplate: bool = False
    label: tuple[str, int, int] | None = None  # (label word, start, end) at its head
    speaker: tuple[str, int, int] | None = None  # who speaks it, in a transcript
    signed: bool = False  # a letter's signatories, under its closing: names, no claims


@dataclass
class Section:
    title: str | None
    start: int
    end: int
    paragraphs: list[Paragraph] = field(default_factory=list)


@dataclass
class Layout:
    header: list[tuple[int, int]]  # lines before the first heading or paragraph of prose
    sections: list[Section]
    boilerplate: list[tuple[int, int]]  # blurbs and footers, wherever they stand

    def paragraphs(self) -> list[Paragraph]:
        return [p for s in self.sections for p in s.paragraphs]

    def sentences(self) -> list[tuple[int, int]]:
        return [span for p in self.paragraphs() for span in p.sentences]


# A run of non-blank lines: a line's characters taken as a run, not one by one (twenty times
# faster on a long line)
BLOCK = re.compile(r"\S(?:.+|\n(?![ \t\u00a0]*\n))*")


def blocks(text: str) -> list[tuple[int, int]]:
    """Runs of non-blank lines, as spans without surrounding whitespace; in a text written one
    paragraph a line (the UN speeches), each long line is a block of its own."""
    spans = []
    for match in BLOCK.finditer(text):
        end = match.start() + len(match.group().rstrip())
        lines = _lines(text, match.start(), end)
        if _one_paragraph_a_line(text, lines):
            spans += [(a, a + len(text[a:b].rstrip())) for a, b in lines]
        else:
            spans += _at_labels(text, lines, match.start(), end)
    return spans


def _at_labels(
    text: str, lines: list[tuple[int, int]], start: int, end: int
) -> list[tuple[int, int]]:
    """A block whose first line is labelled, cut before each later labelled line: "Claim: …"
    over "Reality: …" are two paragraphs, never one claim across a label."""
    # (a table with a Side column, "| Jane Example | For | …", its rows each labelled: cut
    # under its header)
    sided = all(text[a] == "|" for a, _ in lines) and bool(
        set(SIDE_COLUMNS) & {cell.lower() for cell in table_cells(text[slice(*lines[0])])}
    )
    if not (sided or LABEL.match(text[slice(*lines[0])])):  # (the pattern opens with "^")
        return [(start, end)]
    cuts = [a for a, b in lines[1:] if LABEL.match(text[a:b])]
    bounds = [start, *cuts, end]
    return [(a, a + len(text[a:b].rstrip())) for a, b in zip(bounds, bounds[1:], strict=False)]


def _one_paragraph_a_line(text: str, lines: list[tuple[int, int]]) -> bool:
    """Lines no one wraps by hand: every one but the last, or most of them, longer than a
    wrapped line is ("Thank you." may stand between two paragraphs); none a table row or a
    list item, and the first no label (whose lines belong together)."""
    if len(lines) < 2 or LABEL.match(text[slice(*lines[0])]):
        return False
    if any(text[a] == "|" or LIST_MARKER.match(text, a) for a, _ in lines):
        return False
    long = [b - a > LONGEST_WRAPPED for a, b in lines]
    return all(long[:-1]) or 2 * sum(long) > len(lines)


CHECKED_HEADING = re.compile(r"#{1,6}\s+(?:\*\*|__)?(?:claim|myth|fallacy)\b\s*:", re.IGNORECASE)
"""A fact-check's "## Claim: “…”": the claim it checks, a labelled paragraph, no heading."""


def is_heading(line: str) -> bool:
    stripped = line.strip()
    if stripped.startswith("#"):
        return not CHECKED_HEADING.match(stripped)
    if len(stripped) > 90 or "\n" in stripped or LABEL.match(stripped):
        return False
    if len(stripped) <= 60 and heading_side(stripped):  # "Arguments in favour"
        return True
    if stripped[-1:] in '.:;,!?\u201d"' or says_boilerplate(stripped):
        return False
    words = stripped.split()
    if NUMBERED_HEADING.match(stripped):
        return len(words) <= 14
    capitalised = [w for w in words if w[:1].isupper() or not w[:1].isalpha()]
    return 1 <= len(words) <= 12 and len(capitalised) >= 0.6 * len(words)


def _is_boilerplate(block: str, last: bool) -> bool:
    """A series blurb, a credit or disclaimer, a short note that gives an address to write to
    ("Corrections: desk@example.org"), an author's note ("*Anna Example is a senior fellow at
    …*", "About the author: …"), or, among the text's ``last`` blocks, a footer."""
    words = len(block.split())
    return (
        says_boilerplate(block)
        or ("@" in block and words <= 40 and E_MAIL.search(block) is not None)
        or (words <= 80 and AUTHOR_NOTE.match(block.strip()) is not None)
        or (last and words <= 80 and is_a_footer(block))
    )


# A footer's own words, as a footer sets them (not as a story tells of them: "e-mails with no
# working unsubscribe link", "a © notice", "company number 08123456, was incorporated"): a
# mailing's link or notice, a charity's or a company's registration on a line of its own or
# after a separator, an election imprint opening its line, a copyright with its holder or year,
# a notice not to reply or that it is not advice
FOOTER = re.compile(
    r"(?-i:\bUnsubscribe(?=:| here\b| ?[|·]|[ \t]*$))|[|·][ \t]*unsubscribe\b"
    r"|\byou are receiving this\b|\bplease do not reply to this\b"
    r"|(?:^|[|·][ \t]*|\bis an? )registered charity\b"
    r"|(?:^|[|·][ \t]*)(?:company|registered) (?:no\.?|number)"
    r"|^printed and promoted by\b|(?-i:©[ \t]*(?:\d{4}|[A-Z]))"
    r"|\b(?:is|are) not (?:intended as )?investment advice\b",
    re.IGNORECASE | re.MULTILINE,
)
# What a footer points to, labelled, with the address to find it at ("Full audio and
# transcript: https://…", "Show notes and sources: example.org/…", "a replay is at …"), never a
# story's "published the full transcript on its website, www.…"
POINTS_ON = re.compile(
    r"\b(?:transcripts?|replay|full record|show notes|support the show|past (?:motions|episodes"
    r"|issues)|back issues|sign up|subscribe)\b[^.\n]{0,40}?(?::|\b(?:is|are) at)[ \t]*"
    r"(?:https?://|www\.|[\w-]+(?:\.[\w-]+)*\.(?:org|com|net|edu|gov|int)\b)",
    re.IGNORECASE,
)


def is_a_footer(block: str) -> bool:
    """A mailing's, a charity's or a programme's footer ("You are receiving this e-mail
    because …", "Registered charity no. 1234567", "Produced by … New episodes every Thursday.
    Show notes: example.org/…"): never a paragraph that tells of one."""
    lower = block.lower()  # (the patterns are tried only where their words are: most blocks)
    if any(word in lower for word in FOOTER_WORDS) and FOOTER.search(block):
        return True
    return any(word in lower for word in ADDRESS_WORDS) and POINTS_ON.search(block) is not None


FOOTER_BLOCKS = 3
"""A footer is among a text's last blocks: a story that tells of a charity or a transcript
earlier in it is none ("The Example Heritage Trust is a registered charity, but the regulator
…")."""
FOOTER_WORDS = (
    "subscribe",
    "receiv",
    "charity",
    "compan",
    "registered",
    "printed",
    "©",
    "reply",
    "advice",
)
"""What a text holds if :data:`FOOTER` can match in it."""
ADDRESS_WORDS = ("http", "www.", ".org", ".com", ".net", ".edu", ".gov", ".int")
"""What a text holds if :data:`POINTS_ON` can match in it."""


AUTHOR_NOTE = re.compile(
    r"(?i:about the authors?\b)"
    # in italics, as a byline's note is set: who the writer is and where they work
    r"|([*_])(?:[A-Z][\w.'’-]+ ){1,4}(?:is|was|are) (?:a|an|the) [^*_\n]*?"
    r"\b(?:fellow|professor|director|editor|journalist|analyst|researcher|correspondent"
    r"|lecturer|author|writer|scholar|founder|columnist|student|diplomat)\b.*\1$",
    re.DOTALL,
)


def says_boilerplate(text: str) -> bool:
    """``BOILERPLATE.search(text)``, without scanning a text that holds none of its words."""
    if BOILERPLATE_AT_START.match(text):
        return True
    lower = text.lower()
    return any(word in lower for word in BOILERPLATE_WORDS) and bool(BOILERPLATE.search(text))


SIGNED_OFF = re.compile(r"\s[—–]\s?[^.!?—–\n]{1,80}$")


def is_prose(text: str) -> bool:
    """A paragraph of prose: two sentences or more, or a long one such as a news story's first
    (a title is neither: it ends without a full stop, or most of its words are capitalised)."""
    words = text.split()
    # ":" before a list; a post signed after a dash ("… Use the caption. — MiraK (talk) 10:02,
    # 19 July 2023 (UTC)") ends where its words do
    ends = bool(PROSE_END.search(SIGNED_OFF.sub("", text.rstrip())[-16:]))
    if not ends:  # a long paragraph may end in a reference: "… prevail.” (A/59/PV.4, p.23)"
        return len(words) >= 80 and len(sentences(text, 0, len(text))) >= 3
    return (
        len(words) >= 40
        or (len(words) >= 20 and sum(word[:1].islower() for word in words) >= 0.5 * len(words))
        or (len(words) >= 12 and len(sentences(text, 0, len(text))) >= 2)
    )


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans inside ``text[start:end]``; abbreviations such as "Dr." do not end one."""
    spans = []
    begin = _past_list_marker(text, start, end)
    lines = "\n" in text[start:end]
    label = _label_end(text, start, end) if lines else None  # also ends a sentence
    for match in (SENTENCE_END if lines else FULL_STOP_ONLY).finditer(text, start, end):
        if label is not None and match.end() > label:
            if begin < label:
                spans.append((begin, label))
                begin = _next_start(text, label, end)
            label = None
        if match.end() <= begin:  # a list item's end just after its full stop
            continue
        word = re.search(r"([\w.]+)\.$", text[max(begin, match.start() - 24) : match.start() + 1])
        if match.group()[:1] == "." and word and word.group(1).lower() in ABBREVIATIONS:
            if (
                word.group(1).lower() != "no"
                or text[match.end() : match.end() + 2].strip()[:1].isdigit()
            ):
                continue  # "No. 318", not "No. Smaller swaps have taken place"
        if match.group() and word and re.fullmatch(r"[A-Z]", word.group(1)):  # "J. Smith"
            continue
        spans.append((begin, match.end()))
        begin = _next_start(text, match.end(), end)
    if label is not None and begin < label:
        spans.append((begin, label))
        begin = _next_start(text, label, end)
    if begin < end:
        spans.append((begin, end))
    return spans


def _next_start(text: str, after: int, end: int) -> int:
    """Where the next sentence begins: past the spaces and any list item's marker."""
    while after < end and text[after].isspace():
        after += 1
    return _past_list_marker(text, after, end)


LABEL_LINE = re.compile(r"[^\n:]*[^\s.,;:!?](?=\n[ \t]*[A-Z])")
"""A block's first line that labels the lines under it, as a chart's title does ("Chart 2 – Money
asked" over "Single bar: …"): no stop at its end, no field of a header ("To: Board of …")."""


def _label_end(text: str, start: int, end: int) -> int | None:
    """Where the block's first line ends, if it is a label shorter than a line of wrapped prose:
    a sentence of its own. The whole line counts, where the block starts after a tag on it."""
    line = text.rfind("\n", 0, start) + 1
    label = LABEL_LINE.match(text, line, end)
    return label.end() if label and start < label.end() < line + SHORT_LINE else None


def _past_list_marker(text: str, begin: int, end: int) -> int:
    """Where a list item's words begin: after its "- " or "• "; a quotation's after its "> ";
    an explainer's question and answer after "Q:" and "A:"."""
    marker = OPENING_MARK.match(text, begin, end)
    return marker.end() if marker else begin


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    for match in re.finditer(r"[^\n]+", text[start:end]):
        if match.group().strip():
            spans.append((start + match.start(), start + match.end()))
    return spans


def _list_items(text: str, start: int, end: int) -> list[int]:
    """Where the block's list items begin, if it is a list (two lines or more, every one an item
    or a record line or a table's row, but a first one that may be its title); else nothing."""
    lines = _lines(text, start, end)
    if len(lines) < 2:  # (most blocks: one line of prose, too long to scan for a table's gaps)
        return []
    # (record lines only where no line is marked: "Slide 2 – Aid money" over "• …" is a title)
    # (one record line is no list: "Working Paper 7/2024 — January 2024" under a publisher's
    # name is a header's date line)
    records = [a for a, _ in lines if A_RECORD_LINE.match(text, a)]
    items = (
        [a for a, _ in lines if LIST_MARKER.match(text, a)]
        or (records if len(records) > 1 else [])
        or [a for a, b in lines if AN_ALIGNED_ROW.match(text, a, b)]  # a table's rows
    )
    return items if items and len(items) >= len(lines) - 1 else []


def read_layout(text: str) -> Layout:
    """Header lines, then sections of paragraphs; Markdown `#` headings and plain-text ones."""
    header: list[tuple[int, int]] = []
    boilerplate: list[tuple[int, int]] = []
    sections = [Section(None, 0, len(text))]
    seen_prose = False
    closed = False  # the block before was a letter's closing ("Sincerely,")
    fences = CODE_FENCE.finditer(text) if "```" in text or "~~~" in text else ()
    fenced = SpanIndex([match.span() for match in fences])
    every_block = list(blocks(text))
    for index, (start, end) in enumerate(every_block):
        block = text[start:end]
        signed, closed = closed, bool(CLOSING.fullmatch(block))
        if fenced.overlaps(start, end):  # code ("```" … "```"): nobody's words
            boilerplate.append((start, end))
            continue
        first_line = block.split("\n", 1)[0]
        numbered = "\n" not in block and NUMBERED_HEADING.match(block) and is_heading(block)
        items = _list_items(text, start, end)
        if items and is_heading(first_line) and items[0] != start:
            # "Slide 3 – Refugees" over its bullet points: a heading, then its list
            sections[-1].end = start
            sections.append(Section(first_line.lstrip("#").strip(), start, len(text)))
            start, block = items[0], text[items[0] : end]
            first_line = block.split("\n", 1)[0]
        # A labelled paragraph is the body even when short ("Fallacy: Talks are pointless."),
        # and so is a list: briefing notes and talking points are written in fragments
        body = is_prose(block) or bool(LABEL.match(block)) or bool(items) or block[0] == ">"
        if not (seen_prose or body or first_line.startswith("#") or numbered):
            header.extend(_lines(text, start, end))
            continue
        if not items and "\n" not in block and is_heading(block):
            title_start = start + len(block) - len(block.lstrip("#").lstrip())
            sections[-1].end = start
            sections.append(Section(text[title_start:end], start, len(text)))
            continue
        seen_prose = True
        # "## Notes", "Sources"; or a block that opens with such a heading, its list on the next
        # line ("References\n…")
        notes = bool(NOTES_HEADING.fullmatch((sections[-1].title or "").strip(" =#"))) or (
            "\n" in block and bool(NOTES_HEADING.fullmatch(first_line.strip(" #*_")))
        )
        last = index >= len(every_block) - FOOTER_BLOCKS
        paragraph = Paragraph(start, end, [], boilerplate=notes or _is_boilerplate(block, last))
        paragraph.signed = signed and not paragraph.boilerplate
        label = LABEL.match(block)
        speaker = SPEAKER.match(block) or SPEAKER_LINE.match(block)
        body_start = start
        if label and label["named"] and not paragraph.boilerplate:  # "Jane Example — AGREE"
            paragraph.label = (
                label["label"],
                start + label.start("label"),
                start + label.end("label"),
            )
            paragraph.speaker = (
                label["named"],
                start + label.start("named"),
                start + label.end("named"),
            )
            body_start = start + label.end()
        elif label and not paragraph.boilerplate:
            paragraph.label = (label.group("label"), start, start + len(label.group("label")))
            body_start = start + label.end()
            speaker = SPEAKER.match(text[body_start:end])  # "YES | Jane Example: …"
            if speaker:
                at = body_start
                paragraph.speaker = (
                    speaker["who"],
                    at + speaker.start("who"),
                    at + speaker.end("who"),
                )
                body_start = at + speaker.end()
        elif speaker and not paragraph.boilerplate:  # the name and its party, before the colon
            label_end = start + speaker.end("who")
            name_start = start + speaker.start("name")
            paragraph.speaker = (text[name_start:label_end], name_start, label_end)
            body_start = start + speaker.end()
            # or the side they take: "Jane Example (agree): …"
            declared = SIDE_IN_BRACKETS.search(text, name_start, label_end)
            if declared:
                paragraph.label = (declared["label"], *declared.span("label"))
        if paragraph.boilerplate:
            boilerplate.append((start, end))
        elif block.startswith("|") and paragraph.label:  # a table's row: its words, not its "|"
            paragraph.sentences = sentences(text, body_start, start + len(block.rstrip(" \t|")))
        else:
            paragraph.sentences = sentences(text, body_start, end)
        sections[-1].paragraphs.append(paragraph)
    kept = [s for s in sections if s.paragraphs or s.title]
    return Layout(header, kept, boilerplate)
