"""Read a document to extract from: plain text, Markdown or HTML, UTF-8 unless told otherwise.

The encoding is never guessed: UTF-8 (a BOM is dropped), or what ``--encoding`` names. HTML is
turned into plain text, any text that was not UTF-8 to begin with into UTF-8, and Windows' line
ends and page breaks into "\n": the draft then names a UTF-8 copy of that text, because quote
offsets must refer to exactly the text ingest reads.
"""

from __future__ import annotations

import codecs
import hashlib
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from kgdebate.errors import InputError

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
BLOCKS = {
    "p", "div", "section", "article", "li", "blockquote", "header", "footer", "br", "dt", "dd",
    "figcaption",
}  # fmt: skip
CELLS = {"td", "th"}  # a table's row is written as Markdown writes it: "| Odesa | 16.1 |"
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
SKIPPED = {"script", "style", "noscript", "template", "svg", "nav"}
LINE_BREAKS = re.compile(r"\r\n?|[\f\v]")
NON_CHARACTER = re.compile("[\ufffe\uffff]")
QUOTE_OPENS, QUOTE_CLOSES = "\x02", "\x03"  # where a <blockquote> opens and closes (no text
QUOTATION = re.compile("\x02([^\x02\x03]*)\x03")  # has them: BINARY refuses them)
# C0 controls other than tab, line feed, form feed and carriage return: a text never has them.
BINARY = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
BINARY_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1f\x7f]")


@dataclass
class Source:
    """The text the draft's offsets refer to, where it came from, and what its HTML said."""

    path: Path
    text: str
    sha256: str  # of the UTF-8 bytes ingest will read
    converted: bool  # True: write ``text`` as a UTF-8 copy next to the draft
    meta: dict[str, str] = field(default_factory=dict)  # from HTML or front matter: title, date …


def read_source(path: Path, max_bytes: int, encoding: str | None = None) -> Source:
    """Read and check one input document; refuse what is empty, binary, too big or mis-encoded."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(
                f"{path}: the document is {size:,} bytes, over the limit of {max_bytes:,}",
                hint="split it into smaller documents, or raise max_text_bytes in the settings",
            )
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read the document: {exc.strerror}") from None
    if not raw.strip():
        raise InputError(f"{path}: the document is empty", hint="extract a file that has text")
    bad = (
        BINARY_BYTES.search(raw)
        if encoding is None
        else BINARY.search(_decode(path, raw, encoding))
    )
    if bad:
        raise InputError(
            f"{path}: not a text document (control character {bad.group()!r} at offset "
            f"{bad.start()}): it looks binary",
            hint="extract plain text, Markdown or HTML (convert PDF or word-processor files "
            "first); a UTF-16 text needs --encoding utf-16",
        )
    text = _decode(path, raw, encoding)
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        parser = _HtmlText()
        parser.feed(text)
        parser.close()
        plain = parser.result()
        return Source(path, plain, _sha256(plain), True, parser.metadata())
    converted = encoding is not None and codecs.lookup(encoding).name != "utf-8"
    if LINE_BREAKS.search(text):  # Windows' line ends ("\r\n"), old Macs' ("\r"), a PDF's
        # page breaks ("\f", as pdftotext writes them): read as "\n", from a copy (every rule of
        # the layout reads a line's end as "\n", and no quote may hold a control character)
        text = LINE_BREAKS.sub("\n", text)
        converted = True
    if "-\n" in text:  # a word a PDF's lines broke ("Rus-\nsia"), as the text writes it whole
        joined = _words_made_whole(text)
        converted = converted or joined != text
        text = joined
    unwritable = NON_CHARACTER.search(text)
    if unwritable:
        raise InputError(
            f"{path}: character U+{ord(unwritable.group()):04X} at character offset "
            f"{unwritable.start()} is no character: no quote could hold it",
            hint="remove it from the text (it is often the mark of a text converted wrongly)",
        )
    digest = _sha256(text) if converted else hashlib.sha256(raw).hexdigest()
    return Source(path, text, digest, converted, _front_matter(text))


HYPHEN_BREAK = re.compile(r"\b([A-Za-z]+)-\n([a-z]+)(\S*)(?:[ \t]+|(?=\n)|$)")
"""A word broken at a line's end by a hyphen, as pdftotext writes a PDF's lines: its two parts,
what follows it to the next space, and that space."""


def _words_made_whole(text: str) -> str:
    """``text`` with each word a line's end broke written whole on the first line ("Rus-\nsia
    is" as "Russia\nis"), where the text writes it whole elsewhere; with its hyphen where the
    text writes that ("well-\nknown" as "well-known"); else as it was. The text's own words are
    the dictionary: no word list is needed, and none is guessed."""
    lowered = text.lower()
    words = set(re.findall(r"[a-z]+", lowered))
    hyphenated = set(re.findall(r"[a-z]+-[a-z]+", lowered))

    def whole(match: re.Match[str]) -> str:
        first, second, rest = match.groups()
        if (first + second).lower() in words:
            word = first + second
        elif f"{first}-{second}".lower() in hyphenated:
            word = f"{first}-{second}"
        else:
            return match.group()
        # the line break after the word, for the space that followed it
        return word + rest + ("\n" if match.group().endswith((" ", "\t")) else "")

    return HYPHEN_BREAK.sub(whole, text)


# A Markdown page's front matter, as static site generators write it: "---", "key: value" lines,
# "---". Only its plain fields are read (no YAML beyond that); the text keeps it, as offsets must.
FRONT_MATTER = re.compile(
    r"\A---[ \t]*\r?\n(?P<fields>(?:.*\r?\n){0,60}?)(?:---|\.\.\.)[ \t]*$", re.M
)
FIELD = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)[ \t]*:[ \t]*(?P<value>\S.*?)[ \t]*\r?$", re.M)
FRONT_MATTER_KEYS = {"title": "title", "date": "date", "url": "url", "canonical_url": "url"}


def _front_matter(text: str) -> dict[str, str]:
    """The title, date and URL a page's front matter gives (``title: "…"``, ``date: …``)."""
    found = FRONT_MATTER.match(text)
    meta: dict[str, str] = {}
    for field_ in FIELD.finditer(found["fields"] if found else ""):
        key = FRONT_MATTER_KEYS.get(field_["key"].lower())
        value = field_["value"]
        if len(value) > 1 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]  # a quoted value
        if key and value:
            meta.setdefault(key, value)
    return meta


def _decode(path: Path, raw: bytes, encoding: str | None) -> str:
    name = encoding or "utf-8-sig"
    try:
        codecs.lookup(name)
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}", hint="e.g. --encoding latin-1") from None
    try:
        text = raw.decode(name)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{path}: not {'UTF-8' if encoding is None else encoding} (bad byte at offset "
            f"{exc.start}); the encoding is never guessed",
            hint="name the encoding with --encoding (e.g. --encoding latin-1), or convert "
            "the file to UTF-8 first",
        ) from None
    return text.removeprefix("\ufeff")


def _quoted(words: str) -> str:
    """A quotation's lines, each opened by "> ", as one block."""
    return "\n".join("> " + line.strip() for line in words.split("\n") if line.strip())


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class _HtmlText(HTMLParser):
    """HTML to plain text: blocks become paragraphs, headings their own lines; metadata kept."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.meta: dict[str, str] = {}
        self.skipping = 0
        self.in_title = False
        self.page_title: str | None = None  # the <title>: the page's, often with its site's name
        self.heading: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {key: value or "" for key, value in attrs}
        if tag in SKIPPED:
            self.skipping += 1
        elif tag == "title":
            self.in_title = True
        elif tag == "meta":
            key = values.get("property") or values.get("name") or ""
            wanted = {
                "og:title": "title",
                "article:published_time": "date",
                "date": "date",
                "og:url": "url",
                "og:site_name": "publisher",
            }
            if key.lower() in wanted and values.get("content"):
                self.meta.setdefault(wanted[key.lower()], values["content"].strip())
        elif tag == "link" and values.get("rel", "").lower() == "canonical" and values.get("href"):
            self.meta.setdefault("url", values["href"].strip())
        elif tag == "table":
            self.parts.append("\n\n")
        elif tag == "tr":
            self.parts.append("\n|")
        elif tag in CELLS:
            self.parts.append(" ")
        elif tag in HEADINGS:
            self.parts.append("\n\n" + "#" * int(tag[1]) + " ")
        elif tag in BLOCKS:
            self.parts.append("\n\n" if tag != "br" else "\n")
            if tag == "blockquote":
                self.parts.append(QUOTE_OPENS)

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag == "title":
            self.in_title = False
        elif tag in CELLS:
            self.parts.append(" |")
        elif tag == "table":
            self.parts.append("\n\n")
        elif tag in HEADINGS or tag in BLOCKS:
            self.parts.append(QUOTE_CLOSES if tag == "blockquote" else "\n\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.page_title = self.page_title or " ".join(data.split())
        elif not self.skipping:
            self.parts.append(re.sub(r"\s+", " ", data))

    def metadata(self) -> dict[str, str]:
        """What the page says of itself; its title the article's ("og:title") rather than the
        page's ("Grain exports after the corridor | Example Monitor")."""
        page = {"title": self.page_title} if self.page_title else {}
        return page | self.meta

    def result(self) -> str:
        text = "".join(self.parts)
        # a quotation's lines as Markdown writes them ("> …"): the words of whom it quotes
        text = QUOTATION.sub(lambda m: _quoted(m.group(1)), text)
        text = text.replace(QUOTE_OPENS, "").replace(QUOTE_CLOSES, "\n\n")
        lines = [line.strip() for line in text.split("\n")]
        return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"
