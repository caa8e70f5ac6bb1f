"""`kgdebate extract` scored on the labelled documents of bench/extract_eval/ and its held-out and
training sets (issue 12).

Each document is drafted against a store holding the curated reference data, and its draft is
compared with the document's gold file: entities (a mention is right when its span and its link
are: a store entity's IRI, or "new"), mentions inside URLs or e-mail addresses, dates found and
resolved, figures with the right unit and source, and the sides of labelled paragraphs. Printed
per category, with the number of `review` decisions per draft; nothing is asserted. A wrong
source is told apart only in aggregate (held-out errors are never listed one by one): missed or
another named, whether the right one stands in the figure's own sentence, and whether the two
differ only in how many of the name's words they give. The main set
was labelled before any tuning (its README); unseen/, unseen-2/, unseen-3/ and fresh/ are held
out (never look at the tool's errors on them while changing it); train/, train-2/ and later/ were
tuned on (their READMEs).

    python bench/extract_eval_bench.py                              # every set
    python bench/extract_eval_bench.py bench/extract_eval/unseen    # one set
"""

from __future__ import annotations

import re
import shutil
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

from kgdebate.build import load_trusted
from kgdebate.config import Settings
from kgdebate.errors import InputError
from kgdebate.extract import extract
from kgdebate.extract.review import review
from kgdebate.store import OxigraphStore

ROOT = Path(__file__).resolve().parent.parent
DATE_KINDS = ("date", "relative-date", "year")
LABELLED_AGAINST = ("actors.ttl", "events.ttl", "places.ttl")
"""What extract calls dates; the gold's dates include bare years, and its figures never do."""
SET = ROOT / "bench" / "extract_eval"
SETS = {  # beside the labelled set, by how far they are from what the tool was tuned on
    "unseen": "held out: written without sight of the tool, never tuned on",
    "unseen-2": "held out: written without sight of the tool, never tuned on",
    "unseen-3": "held out: written without sight of the tool, never tuned on",
    "unseen-4": "held out: written without sight of the tool, never tuned on",
    "unseen-5": "held out: written without sight of the tool, never tuned on",
    "unseen-6": "held out: written without sight of the tool, never tuned on",
    "unseen-7": "held out: written without sight of the tool, never tuned on",
    "unseen-8": "held out: written without sight of the tool, never tuned on",
    "unseen-9": "held out: written without sight of the tool, never tuned on",
    "unseen-10": "held out: written without sight of the tool, never tuned on",
    "unseen-11": "held out: written without sight of the tool, never tuned on",
    "unseen-12": "held out: written without sight of the tool, never tuned on",
    "unseen-13": "held out: written without sight of the tool, never tuned on",
    "unseen-14": "held out: written without sight of the tool, never tuned on",
    "unseen-15": "held out: written without sight of the tool, never tuned on",
    "unseen-16": "held out: written without sight of the tool, never tuned on",
    "unseen-17": "held out: written without sight of the tool, never tuned on",
    "unseen-18": "held out: written without sight of the tool, never tuned on",
    "unseen-19": "held out: written without sight of the tool, never tuned on",
    "unseen-20": "held out: written without sight of the tool, never tuned on",
    "unseen-21": "held out: written without sight of the tool, never tuned on",
    "unseen-22": "held out: written without sight of the tool, never tuned on",
    "unseen-23": "held out: written without sight of the tool, never tuned on",
    "unseen-24": "held out: written without sight of the tool, never tuned on",
    "unseen-25": "held out: written without sight of the tool, never tuned on",
    "unseen-26": "held out: written without sight of the tool, never tuned on",
    "unseen-27": "held out: written without sight of the tool, never tuned on",
    "unseen-28": "held out: written without sight of the tool, never tuned on",
    "unseen-29": "held out: written without sight of the tool, never tuned on",
    "unseen-30": "held out: written without sight of the tool, never tuned on",
    "unseen-31": "held out: written without sight of the tool, never tuned on",
    "unseen-32": "held out: written without sight of the tool, never tuned on",
    "unseen-33": "held out: written without sight of the tool, never tuned on",
    "unseen-34": "held out: written without sight of the tool, never tuned on",
    "unseen-35": "held out: written without sight of the tool, never tuned on",
    "unseen-36": "held out: written without sight of the tool, never tuned on",
    "unseen-37": "held out: written without sight of the tool, never tuned on",
    "unseen-38": "held out: written without sight of the tool, never tuned on",
    "fresh": "held out (figures seen once)",
    "train": "written without sight of the tool, then tuned on",
    "train-2": "written without sight of the tool, then tuned on",
    "train-4": "written without sight of the tool, then tuned on",
    "train-5": "written without sight of the tool, then tuned on",
    "train-6": "written without sight of the tool, then tuned on",
    "train-7": "written without sight of the tool, then tuned on",
    "train-8": "written without sight of the tool, scored once, then tuned on",
    "train-9": "written without sight of the tool, scored once, then tuned on",
    "train-10": "written without sight of the tool, scored once, then tuned on",
    "train-11": "written without sight of the tool, scored once, then tuned on",
    "train-12": "written without sight of the tool, scored once, then tuned on",
    "train-13": "written without sight of the tool, scored once, then tuned on",
    "train-14": "written without sight of the tool, scored once, then tuned on",
    "train-15": "written without sight of the tool, scored once, then tuned on",
    "train-16": "written without sight of the tool, scored once, then tuned on",
    "train-17": "written without sight of the tool, scored once, then tuned on",
    "train-18": "written without sight of the tool, scored once, then tuned on",
    "train-19": "written without sight of the tool, scored once, then tuned on",
    "train-20": "written without sight of the tool, scored once, then tuned on",
    "train-21": "written without sight of the tool, scored once, then tuned on",
    "train-22": "written without sight of the tool, scored once, then tuned on",
    "train-23": "written without sight of the tool, scored once, then tuned on",
    "train-24": "written without sight of the tool, scored once, then tuned on",
    "train-25": "written without sight of the tool, scored once, then tuned on",
    "train-26": "written without sight of the tool, scored once, then tuned on",
    "train-27": "written without sight of the tool, scored once, then tuned on",
    "train-28": "written without sight of the tool, scored once, then tuned on",
    "train-29": "written without sight of the tool, scored once, then tuned on",
    "train-30": "written without sight of the tool, scored once, then tuned on",
    "train-31": "written without sight of the tool, scored once, then tuned on",
    "train-32": "written without sight of the tool, scored once, then tuned on",
    "train-33": "written without sight of the tool, scored once, then tuned on",
    "train-34": "written without sight of the tool, scored once, then tuned on",
    "later": "written after tuning, then tuned on",
}
SPEAKER_TAG = re.compile(r"^[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}: ")
PREFIXES = {"actor", "event", "place"}
ADDRESS = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
UNITS = {  # one unit however a gold file spells it
    "percent": "percent", "people": "people", "km": "km", "usd": "USD", "USD": "USD",
    "euros": "EUR", "EUR": "EUR", "eur": "EUR", "percentage points": "points",
    "vessels": "ships", "tankers": "ships",  # the units vocabulary's ships are ships or vessels
    # an abstention count, whichever the gold calls it: the gold files differ (train-9 counts
    # abstentions as votes, train-11 as abstentions; the units vocabulary keeps them apart)
    "abstentions": "votes",
    # a measure under its name or its symbol
    "metres": "m", "meters": "m", "megawatts": "MW", "gigawatts": "GW", "kilograms": "kg",
    "centimetres": "cm", "degrees Celsius": "°C", "km²": "km2",
}  # fmt: skip


def short(iri: str) -> str:
    """``https://…/id/actor/ukraine`` → ``actor:ukraine``."""
    kind, _, slug = iri.split("/id/", 1)[1].partition("/")
    return f"{kind}:{slug}"


def predicted_entities(draft: dict) -> set[tuple[int, int, str]]:
    found = {(m["start"], m["end"], short(m["iri"])) for m in draft.get("mentions", [])}
    for entity in draft.get("new_entities", []):
        found |= {(o["start"], o["end"], "new") for o in entity["occurrences"]}
    return found


def same_source(found: str | None, wanted: str | None) -> bool:
    """The same source however the article and case are written ("the moderator", "Moderator"),
    and whichever of its names the text gives it: an acronym for its words ("KIIS", "Kyiv
    International Institute of Sociology"; "RFE/RL", "Radio Free Europe/Radio Liberty"), a
    person's surname for the full name. The gold files differ here (their README): some were
    asked for the fullest name, others for the name as written. A name is otherwise compared
    whole ("UN" is not "UN OCHA")."""
    a, b = source_form(found), source_form(wanted)
    if a == b:
        return True
    if not found or not wanted:
        return False
    return any(
        _initials_of(short, long) or _surname_of(short, long)
        for short, long in ((found, wanted), (wanted, found))
    )


def _in_its_sentence(text: str, figure: dict[str, Any]) -> bool:
    """Whether the gold source is written in the figure's own sentence (roughly: from the last
    ". " or line break before the figure to the next after it), as the gold writes it: a miss
    there is the sentence's reading, not a back reference's."""
    start = max(text.rfind(". ", 0, figure["start"]), text.rfind("\n", 0, figure["start"])) + 1
    ends = [e for e in (text.find(". ", figure["end"]), text.find("\n", figure["end"])) if e >= 0]
    return source_form(figure["source"]) in text[start : min(ends, default=len(text))].lower()


def _shares_words(found: str, wanted: str) -> bool:
    """One source's words all among the other's: "port officials" for "Ukrainian port
    officials", "UN" for "UN human rights monitors" (where to end a name, not whose it is)."""
    a, b = (set(re.findall(r"[\w'’-]+", source_form(s))) for s in (found, wanted))
    return bool(a and b) and (a <= b or b <= a)


def source_form(source: str | None) -> str:
    return re.sub(r"^(?:the|a|an) ", "", (source or "").strip().lower())


def _initials_of(acronym: str, name: str) -> bool:
    """ "KIIS" for "Kyiv International Institute of Sociology", "RFE/RL" for "Radio Free
    Europe/Radio Liberty": each part of the acronym is the initials of the name's part."""
    parts, named = acronym.split("/"), name.split("/")
    if not acronym.replace("/", "").isupper() or len(parts) != len(named):
        return False
    return all(
        part == "".join(w[0] for w in re.findall(r"[A-Z][\w-]*", words))
        for part, words in zip(parts, named, strict=True)
    )


def _surname_of(surname: str, name: str) -> bool:
    """ "Hrytsenko" for "Oksana Hrytsenko": the last of two to four capitalised words; and
    "Erdoğan's spokesman" for "Recep Tayyip Erdoğan's spokesman", the same words after it."""
    owned = re.fullmatch(r"(\S+)(['’]s .+)", surname)
    if owned and name.endswith(owned.group(2)):
        surname, name = owned.group(1), name[: -len(owned.group(2))]
    words = name.split()
    return (
        " " not in surname
        and 2 <= len(words) <= 4
        and all(w[:1].isupper() for w in words)
        and words[-1] == surname
    )


def score(counts: Counter[str], name: str, right: int, predicted: int, gold: int) -> None:
    counts[f"{name} right"] += right
    counts[f"{name} predicted"] += predicted
    counts[f"{name} gold"] += gold


def main() -> None:
    if len(sys.argv) > 1:
        score_set(Path(sys.argv[1]).resolve())
        return
    for labelled in [SET] + [SET / name for name in SETS]:
        score_set(labelled)
        print()


def drafted(
    text_path: Path, store: OxigraphStore, settings: Settings, day: str, counts: Counter[str]
) -> dict[str, Any]:
    """The document's draft, as a user gets it; a document the tool refuses scores nothing."""
    try:
        written = extract(text_path, store, settings)
    except InputError:  # no year in the text ("VIENNA, Dec. 18"): as a user would, --date
        try:
            written = extract(text_path, store, settings, when=day)
        except InputError:
            counts["documents refused"] += 1
            return {}
        counts["documents that needed --date"] += 1
    decisions = review(written[-1], settings.max_annotation_bytes, settings.max_yaml_nodes)
    counts["review items"] += len(decisions)
    counts["most review items"] = max(counts["most review items"], len(decisions))
    draft: dict[str, Any] = yaml.safe_load(written[-1].read_text("utf-8"))
    return draft


def score_set(labelled: Path) -> None:
    documents = sorted(labelled.glob("*.gold.yaml"))
    if not documents:
        print(f"no labelled documents in {labelled}")
        return
    counts: Counter[str] = Counter()
    with tempfile.TemporaryDirectory() as folder:
        # The gold links to the reference data it was labelled against (its README): the
        # curated actors, events and places, not the 182 states the UN corpus added since.
        reference = Path(folder) / "reference"
        reference.mkdir()
        for name in LABELLED_AGAINST:
            shutil.copyfile(ROOT / "data" / "reference" / name, reference / name)
        settings = Settings(data_dir=Path(folder) / "store", reference_dir=reference)
        store = OxigraphStore(settings.data_dir)
        load_trusted(store, settings)
        for gold_path in documents:
            gold = yaml.safe_load(gold_path.read_text("utf-8"))
            text_path = Path(folder) / gold["document"]
            shutil.copyfile(labelled / gold["document"], text_path)
            text = text_path.read_text("utf-8")
            draft = drafted(text_path, store, settings, str(gold["date"]), counts)
            block = draft.get("draft", {})
            # entities
            found = predicted_entities(block)
            wanted = {(e["start"], e["end"], e["iri"]) for e in gold.get("entities", [])}
            score(counts, "entities", len(found & wanted), len(found), len(wanted))
            addresses = [m.span() for m in ADDRESS.finditer(text)]
            counts["mentions inside URLs or e-mail"] += sum(
                any(a <= start < b for a, b in addresses) for start, _, _ in found
            )
            # dates: found when a figure of a date kind overlaps the gold span; resolved when
            # its date agrees with the gold resolution at the gold's precision
            figures = block.get("figures", [])
            dated = [f for f in figures if f.get("kind") in DATE_KINDS]
            found_dates = resolved = 0
            for date in gold.get("dates", []):
                hits = [f for f in dated if f["start"] < date["end"] and f["end"] > date["start"]]
                found_dates += bool(hits)
                start = str(date["resolved"]).split("/")[0]
                resolved += any(str(f.get("date", "")).startswith(start[:7]) for f in hits)
            score(counts, "dates found", found_dates, len(dated), len(gold.get("dates", [])))
            counts["dates resolved"] += resolved
            # figures: the span overlaps, the unit and the source are right
            numbers = [f for f in figures if f.get("kind") not in DATE_KINDS]
            good = 0
            for figure in gold.get("figures", []):
                hits = [
                    f for f in numbers if f["start"] < figure["end"] and f["end"] > figure["start"]
                ]
                unit = UNITS.get(str(figure.get("unit")), str(figure.get("unit")))
                with_unit = [
                    f for f in hits if UNITS.get(str(f.get("unit")), str(f.get("unit"))) == unit
                ]
                counts["figures spanned"] += bool(hits)
                counts["figures with the unit"] += bool(with_unit)
                right = any(
                    same_source(f.get("attributed_to"), figure.get("source")) for f in with_unit
                )
                good += right
                if with_unit and figure.get("approximate"):  # hedged: does the draft say how?
                    counts["hedged figures"] += 1
                    counts["hedged figures bound right"] += with_unit[0].get("bound") == figure.get(
                        "bound"
                    )
                if with_unit and not right:  # how the source was wrong, in aggregate only
                    given = with_unit[0].get("attributed_to")
                    counts[
                        "source where none is named"
                        if not figure.get("source")
                        else "source missed"
                        if not given
                        else "another source"
                    ] += 1
                    if figure.get("source"):  # where the text names it; as much of it named?
                        kind = "another source" if given else "source missed"
                        counts[f"{kind} in its sentence"] += _in_its_sentence(text, figure)
                        wanted = figure["source"]
                        counts["same words"] += bool(given and _shares_words(given, wanted))
            score(counts, "figures", good, len(numbers), len(gold.get("figures", [])))
            # sides: the claim whose words hold the paragraph's first words, less a speaker's
            # tag after the label ("YES | Jane Example: …": who speaks is no part of the claim)
            # (a fallacy is right when a claim rebuts it, a rebuttal when it rebuts a claim)
            sides_right = 0
            rebutted = {i for c in draft.get("claims", []) for i in c.get("rebuts", [])}
            for side in gold.get("sides", []):
                words = SPEAKER_TAG.sub("", side["starts"])
                claims = [c for c in draft.get("claims", []) if words in c["quote"]["exact"]]
                if side["side"] == "fallacy":
                    sides_right += any(c["id"] in rebutted for c in claims)
                elif side["side"] == "rebuttal":
                    sides_right += any(c.get("rebuts") for c in claims)
                else:
                    sides_right += any(c.get("side") == side["side"] for c in claims)
            counts["sides right"] += sides_right
            counts["sides gold"] += len(gold.get("sides", []))
    about = SETS.get(labelled.name, "tuned on") if labelled != SET else "tuned on"
    print(
        f"extract on {len(documents)} labelled documents ({labelled.relative_to(ROOT)}/: {about})"
    )
    for name, target in (("entities", "precision >= 95%, recall >= 90%"), ("figures", "90%")):
        right, predicted, wanted = (counts[f"{name} {k}"] for k in ("right", "predicted", "gold"))
        print(
            f"  {name:10} precision {right / max(predicted, 1):5.0%}  recall "
            f"{right / max(wanted, 1):5.0%}  ({right} right of {predicted} found, {wanted} in the "
            f"gold)   target {target}"
        )
    print(
        f"  figures: {counts['figures spanned']} of {counts['figures gold']} found, "
        f"{counts['figures with the unit']} with the right unit; the precision and recall above "
        "also need the source the text names"
    )
    print(
        f"  sources of figures with the right unit: {counts['source missed']} missed "
        f"({counts['source missed in its sentence']} named in the figure's sentence), "
        f"{counts['another source']} another source named "
        f"({counts['another source in its sentence']} with the right one in the sentence, "
        f"{counts['same words']} the same words, more or fewer), "
        f"{counts['source where none is named']} given where the text names none"
    )
    print(
        f"  hedged figures found with their unit: {counts['hedged figures']}, of which "
        f"{counts['hedged figures bound right']} with the gold's bound (lower, upper "
        "or none)"
    )
    print(f"  mentions inside URLs or e-mail addresses: {counts['mentions inside URLs or e-mail']}"
          "   target 0")  # fmt: skip
    share = counts["dates resolved"] / max(counts["dates found gold"], 1)
    print(
        f"  dates: found {counts['dates found right']} of {counts['dates found gold']}, resolved "
        f"{counts['dates resolved']} ({share:.0%})   target resolved >= 90%"
    )
    print(
        f"  review items per document: {counts['review items'] / len(documents):.0f} on average, "
        f"{counts['most review items']} at most"
    )
    if counts["documents refused"]:
        print(f"  {counts['documents refused']} document(s) refused: scored as finding nothing")
    if counts["documents that needed --date"]:
        print(
            f"  {counts['documents that needed --date']} document(s) gave no year: "
            "drafted with --date"
        )
    print(
        f"  sides right on {counts['sides right']} of {counts['sides gold']} labelled paragraphs "
        f"({counts['sides right'] / max(counts['sides gold'], 1):.0%})   target >= 90%"
    )


if __name__ == "__main__":
    main()
