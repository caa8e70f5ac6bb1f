"""The ``kgdebate`` command: a thin adapter from click to the core. Data to stdout, logs to stderr.

Exit codes: 0 success; 1 SHACL violations (``validate``, ``ingest``); 2 any other error.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from collections.abc import Callable
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any, NoReturn

import click
import pyoxigraph as ox

from kgdebate import __version__
from kgdebate.anchor import anchors, near_misses
from kgdebate.backends import open_store
from kgdebate.build import build as build_store
from kgdebate.cli_query import run_in_worker, write_outcome
from kgdebate.config import Settings, load_settings
from kgdebate.curation.command import curate as curate_command
from kgdebate.errors import InputError, KgdebateError
from kgdebate.exports.formats import DOCUMENT_FORMATS, export_document
from kgdebate.federation import Federation
from kgdebate.files import replacing, write_atomically
from kgdebate.ingest.pipeline import Outcome, ingest_files
from kgdebate.ingest.text import read_text
from kgdebate.linking.command import link as link_command
from kgdebate.names import resolve_parameters
from kgdebate.queries import (
    GRAPH_FORMATS,
    RESULT_FORMATS,
    answer_and_bind,
    answer_and_bind_named,
    named_queries,
    parse_named_query,
    read_query,
)
from kgdebate.stats import collect_stats, format_stats
from kgdebate.store import OxigraphStore, TripleStore
from kgdebate.writes import finish_write

log = logging.getLogger("kgdebate")

DATASET_FORMATS = {"trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS}
EXPORT_GRAPH_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES}


class _Commands(click.Group):
    """Any kgdebate error a command did not handle itself ends it with its message and hint
    (a store server that stops answering mid-command, say), never with a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KgdebateError as exc:
            _fail(exc)


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kgdebate")
@click.option(
    "--config",
    "config_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="TOML settings file ([kgdebate] table). Env: KGDEBATE_CONFIG.",
)
@click.option(
    "--data-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="The on-disk store. Env: KGDEBATE_DATA_DIR. Default: var/store.",
)
@click.option("-v", "--verbose", is_flag=True, help="Log more (to stderr).")
@click.pass_context
def cli(ctx: click.Context, config_file: Path | None, data_dir: Path | None, verbose: bool) -> None:
    """kgdebate: debates in, a validated knowledge graph out.

    \b
    Start here (in the project folder):
      kgdebate build data/              ontology + reference data + every annotation
      kgdebate stats                    what the store holds
      kgdebate query queries/uses-of-a-figure.rq
      kgdebate extract analysis.html    draft an annotation of a new document
      kgdebate curate analysis.yaml     curate the draft in the browser, then ingest it
      kgdebate validate my-doc.yaml     check an annotation without storing it
      kgdebate ingest my-doc.yaml       check it, then store it (atomically)
    """
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.INFO,
        stream=sys.stderr,
        format="%(levelname)s %(message)s",
    )
    settings = _settings(config_file, data_dir)
    ctx.obj = settings


def _settings(config_file: Path | None, data_dir: Path | None) -> Settings:
    try:
        settings = load_settings(config_file)
    except KgdebateError as exc:
        _fail(exc)
    if data_dir is not None:
        from dataclasses import replace

        settings = replace(settings, data_dir=data_dir)
    return settings


def _fail(exc: KgdebateError) -> NoReturn:
    click.echo(f"error: {exc}", err=True)
    sys.exit(exc.exit_code)


def _open(settings: Settings, read_only: bool = False) -> TripleStore:
    try:
        return open_store(settings, read_only)
    except KgdebateError as exc:
        _fail(exc)


@cli.command()
@click.argument(
    "data_dir", type=click.Path(exists=True, file_okay=False, path_type=Path), default="data"
)
@click.option(
    "--texts",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Folder of full texts, to verify every quote. Default: the texts_dir setting.",
)
@click.pass_obj
def build(settings: Settings, data_dir: Path, texts: Path | None) -> None:
    """Build the store from DATA_DIR: ontology, vocabularies, reference data, annotations."""
    if texts is not None:
        from dataclasses import replace

        settings = replace(settings, texts_dir=texts)
    store = _open(settings)
    try:
        summary = build_store(data_dir, store, settings)
    except KgdebateError as exc:
        _fail(exc)
    log.info("reference data: %d triples", summary.reference_triples)
    finish_write(store, settings)
    sys.exit(_report(summary.outcomes, "stored"))


def annotation_files(command: Callable[..., None]) -> Callable[..., None]:
    """The arguments `ingest` and `validate` share: annotation FILES and an optional --text."""
    command = click.option(
        "--text",
        type=click.Path(dir_okay=False, path_type=Path),
        help="The full text, to check every quote against it (one file only).",
    )(command)
    return click.argument(
        "files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path)
    )(command)


def _check_text_option(files: tuple[Path, ...], text: Path | None) -> None:
    if text is not None and len(files) > 1:
        _fail(KgdebateError("--text goes with a single annotation file"))


@cli.command()
@annotation_files
@click.pass_obj
def ingest(settings: Settings, files: tuple[Path, ...], text: Path | None) -> None:
    """Check annotation FILES and store each one that passes, atomically.

    Each file is its own transaction: a refused file leaves the store as it was and does not
    stop the others. Exit code 0 if all were stored, 1 if any broke a shape, 2 otherwise.
    """
    _check_text_option(files, text)
    store = _open(settings)
    with click.progressbar(files, label="ingesting", file=sys.stderr, show_pos=True) as bar:
        outcomes = ingest_files(bar, store, settings, text)
    if any(outcome.stored for outcome in outcomes):  # nothing stored: nothing new to publish
        finish_write(store, settings)
    sys.exit(_report(outcomes, "stored"))


@cli.command()
@annotation_files
@click.pass_obj
def validate(settings: Settings, files: tuple[Path, ...], text: Path | None) -> None:
    """Check annotation FILES without storing anything.

    Exit code 0: conforms (warnings allowed); 1: SHACL violations; 2: any other error.
    """
    _check_text_option(files, text)
    store = _open(settings, read_only=True)
    sys.exit(_report(ingest_files(files, store, settings, text, dry_run=True), "conforms"))


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where to write the draft of one FILE. Default: <id>.yaml beside FILE.",
)
@click.option("--encoding", help="The texts' encoding if not UTF-8 (never guessed).")
@click.option("--id", "slug", help="The document's id, for one FILE. Default: from FILE's name.")
@click.option(
    "--date",
    "when",
    callback=lambda _ctx, _param, value: _document_date(value),
    metavar="YYYY-MM-DD",
    help="Its date, if the text gives none: a day, or YYYY-MM or YYYY for a document dated only "
    "by its month or year.",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    help="How many documents to draft at once. Default: one per processor.",
)
@click.pass_obj
def extract(
    settings: Settings,
    files: tuple[Path, ...],
    output: Path | None,
    encoding: str | None,
    slug: str | None,
    when: str | None,
    jobs: int | None,
) -> None:
    """Draft an annotation of each FILE (plain text, Markdown or HTML) for a curator to finish.

    Never overwrites a curated (or edited) annotation. A FILE that cannot be drafted is named
    with the reason, and the others are drafted all the same. Exit code 0, or 2 on bad input.
    """
    from kgdebate.extract import extract as extract_draft
    from kgdebate.extract import extract_all

    day = when
    if len(files) > 1 and (output or slug):
        _fail(
            InputError(
                "-o and --id name the draft of one document, and several were given",
                hint="give one FILE with them, or leave them out: each draft is written "
                "beside its FILE, as <id>.yaml",
            )
        )
    if len(files) == 1:
        store = _open(settings, read_only=True)
        try:
            outcomes: list[list[Path] | KgdebateError] = [
                extract_draft(files[0], store, settings, output, encoding, slug, day)
            ]
        except KgdebateError as exc:
            _fail(exc)
    else:
        workers = jobs or len(os.sched_getaffinity(0))
        try:
            # the store is opened once the workers are made (extract_all)
            opened = partial(open_store, settings, True)
            outcomes = extract_all(list(files), opened, settings, encoding, day, workers)
        except KgdebateError as exc:
            _fail(exc)
    for outcome in outcomes:
        if isinstance(outcome, KgdebateError):
            click.echo(f"error: {outcome}", err=True)
            continue
        for path in outcome:
            click.echo(f"wrote {path}")
    failed = sum(isinstance(outcome, KgdebateError) for outcome in outcomes)
    if failed and len(files) > 1:
        click.echo(f"{failed} of {len(files)} documents were not drafted (above)", err=True)
    if failed:
        sys.exit(2)


DATE_FORMS = {10: "%Y-%m-%d", 7: "%Y-%m", 4: "%Y"}  # by length ("2023-1-5" is none of them)


def _document_date(value: str | None) -> str | None:
    """A day, a month or a year ("2023-11-16", "2023-11", "2023"), as given: the document's
    date is stored at the precision it is known to."""
    if value is None:
        return None
    try:
        datetime.strptime(value, DATE_FORMS[len(value)])
    except (KeyError, ValueError):
        raise click.BadParameter(
            f"{value!r} is no date: give YYYY-MM-DD, or YYYY-MM or YYYY for a document dated "
            "only by its month or year"
        ) from None
    return value


@cli.command()
@click.argument("text_file", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("exact")
@click.option(
    "--occurrence",
    "-n",
    type=click.IntRange(min=1),
    help="Which occurrence, counted from 1, when the words occur more than once.",
)
@click.pass_obj
def anchor(settings: Settings, text_file: Path, exact: str, occurrence: int | None) -> None:
    """Print the quote selectors of the EXACT words in TEXT_FILE, ready to paste.

    Every occurrence is printed when the words occur more than once (exit code 1: choose one
    with --occurrence); exit code 2 when they do not occur, with where nearly the same words do.
    """
    try:
        text = read_text(text_file, settings.max_text_bytes).text
        found = anchors(text, exact)
        if not found:
            raise InputError(_not_found(text_file, text, exact))
        if occurrence is not None:
            if occurrence > len(found):
                raise InputError(
                    f"{text_file}: the words occur {len(found)} time(s), not {occurrence}"
                )
            found = [found[occurrence - 1]]
    except KgdebateError as exc:
        _fail(exc)
    for number, quote in enumerate(found, start=1):
        if len(found) > 1:
            click.echo(f"# occurrence {number} of {len(found)}, line {quote.line_in(text)}")
        click.echo(quote.as_yaml(), nl=False)
    sys.exit(1 if len(found) > 1 else 0)


def _not_found(text_file: Path, text: str, exact: str) -> str:
    near = near_misses(text, exact)
    if not near:
        return f"{text_file}: the words are not in the text"
    where = ", ".join(f"line {m.line_in(text)} ({m.start}-{m.end})" for m in near[:3])
    written = json.dumps(near[0].exact, ensure_ascii=False)
    return (
        f"{text_file}: the words are not in the text as written; with white space, quotes and "
        f"dashes as in the text they are at {where}: {written}"
    )


@cli.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.pass_obj
def review(settings: Settings, file: Path) -> None:
    """List what a curator must still decide in annotation FILE, with the lines to edit.

    Exit code 0 when nothing is left to decide, 1 when something is, 2 on bad input.
    """
    from kgdebate.extract.review import review as open_decisions

    try:
        items = open_decisions(file, settings.max_annotation_bytes, settings.max_yaml_nodes)
    except KgdebateError as exc:
        _fail(exc)
    for item in items:
        click.echo(item)
    click.echo(f"{len(items)} decision(s) left", err=True)
    sys.exit(1 if items else 0)


@cli.command()
@click.option("--motion", default="negotiate-now", show_default=True, help="The motion's slug.")
@click.option("--year", help="Only this year (four digits).")
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "json"]),
    default="table",
    show_default=True,
    help="table (for reading), csv or json (every column).",
)
@click.pass_obj
def stances(settings: Settings, motion: str, year: str | None, fmt: str) -> None:
    """Who took which stance toward a motion: one row per document and stance, with the words.

    The same table as the named query `stances` and the page /motions/<slug>.
    """
    from kgdebate.mint import Minter
    from kgdebate.queries import named_queries
    from kgdebate.stance.table import as_csv, as_json, rows_of

    if year is not None and not (len(year) == 4 and year.isdigit()):
        _fail(InputError(f"--year {year!r}: give a year as four digits, such as 2022"))
    store = _open(settings, read_only=True)
    try:
        iri = Minter(settings.base_iri).thing("motion", motion)
    except ValueError:
        iri = None
    if iri is None or not store.types_of(str(iri)):
        _fail(
            InputError(
                f"--motion {motion!r}: no such motion in the store",
                hint="motions are in data/reference/motions.ttl, such as negotiate-now",
            )
        )
    try:
        prepared = answer_and_bind_named(
            named_queries()["stances"], {"motion": f"<{iri}>", "year": year or "any"}
        )
        outcome = run_in_worker(settings, prepared, "json")
    except KgdebateError as exc:
        _fail(exc)
    rows = rows_of(outcome.body)
    if fmt == "csv":
        click.echo(as_csv(rows), nl=False)
    elif fmt == "json":
        click.echo(as_json(rows))
    else:
        shown = ("iso3", "actor", "year", "stance", "overall", "confidence", "quote")
        click.echo(as_csv(rows) if not rows else _columns_table(rows, shown), nl=False)
    if not rows:
        click.echo(
            f"no stances toward motion {motion!r}" + (f" in {year}" if year else ""), err=True
        )


def _columns_table(rows: list[dict[str, str]], columns: tuple[str, ...]) -> str:
    widths = {c: min(60, max(len(c), *(len(r.get(c, "")) for r in rows))) for c in columns}

    def line(cells: dict[str, str]) -> str:
        return (
            "  ".join(
                (
                    cells.get(c, "")[: widths[c] - 1] + "…"
                    if len(cells.get(c, "")) > widths[c]
                    else cells.get(c, "")
                ).ljust(widths[c])
                for c in columns
            ).rstrip()
            + "\n"
        )

    return line({c: c for c in columns}) + "".join(line(r) for r in rows)


@cli.group("import")
def import_() -> None:
    """Import a corpus: its reference data and one annotation per document, then store them."""


@import_.command("ungdc")
@click.argument("corpus", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--speakers",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="The corpus's speaker list (Speakers_by_session.xlsx): who spoke, and their post.",
)
@click.option(
    "--data",
    "data_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default="data",
    show_default=True,
    help="The data folder to write reference/ungdc.ttl and annotations/ungdc/ into.",
)
@click.option("--no-store", is_flag=True, help="Write the files only; store nothing.")
@click.pass_obj
def import_ungdc(
    settings: Settings, corpus: Path, speakers: Path | None, data_dir: Path, no_store: bool
) -> None:
    """Import the UN General Debate Corpus from CORPUS (folders of <CODE>_<session>_<year>.txt).

    Writes one annotation per speech, with the stances toward the motion `negotiate-now` that
    the rules find, and stores each through the same checks as `ingest`. Curated annotations
    are kept; a second run changes nothing. What was skipped is listed with its reason.
    """
    from kgdebate.ungdc.command import import_ungdc as run_import

    store = None if no_store else _open(settings)
    try:
        report = run_import(corpus, speakers, data_dir, store, settings)
    except KgdebateError as exc:
        _fail(exc)
    for skipped in report.skipped:
        click.echo(f"skipped: {skipped.where}: {skipped.why}", err=True)
    for path in report.kept:
        click.echo(f"kept: {path} (curated since the import wrote it)", err=True)
    click.echo(
        f"{len(report.written)} annotation(s) written, {len(report.unchanged)} unchanged, "
        f"{len(report.kept)} kept, {len(report.skipped)} skipped",
        err=True,
    )
    if store is None:
        return
    finish_write(store, settings)
    sys.exit(_report(report.outcomes, "stored"))


def _report(outcomes: list[Outcome], verb: str) -> int:
    """Print each file's warnings and errors to stderr and a summary; return the exit code."""
    code = 0
    for outcome in outcomes:
        for warning in outcome.warnings:
            click.echo(f"warning: {warning}", err=True)
        if outcome.error is not None:
            click.echo(f"error: {outcome.error}", err=True)
            code = max(code, outcome.error.exit_code)
        else:
            click.echo(
                f"{verb}: {outcome.file} ({outcome.triples} triples, "
                f"{len(outcome.warnings)} warning(s))",
                err=True,
            )
    done = sum(1 for o in outcomes if o.error is None)
    click.echo(
        f"{done} {verb}, {sum(len(o.warnings) for o in outcomes)} warning(s), "
        f"{len(outcomes) - done} refused",
        err=True,
    )
    return 0 if code == 0 else (1 if code == 1 else 2)


@cli.command()
@click.argument("query")
@click.option(
    "-f",
    "--format",
    "fmt",
    default="table",
    type=click.Choice(sorted({"table", *RESULT_FORMATS, *GRAPH_FORMATS})),
    help="Rows: table, json, csv, tsv, xml. Graphs: turtle, ntriples, jsonld.",
)
@click.option(
    "-p",
    "--param",
    "params",
    multiple=True,
    metavar="NAME=VALUE",
    help="Bind a query parameter (?_NAME). A named query's IRI parameter takes an IRI, a slug "
    "(actor/nato, nato) or a name (NATO); else IRIs in <…>, other values plain literals.",
)
@click.pass_obj
def query(settings: Settings, query: str, fmt: str, params: tuple[str, ...]) -> None:
    """Run a read-only SPARQL QUERY (a .rq file, a named query's name or the query text) over
    the whole store."""
    store = _open(settings, read_only=True)  # a clear error when there is no store
    try:
        catalogued = named_queries().get(query)
        text = read_query(query) if catalogued is None else catalogued.text
        given = dict(p.split("=", 1) for p in params if "=" in p)
        federation = Federation.of(settings)
        if text.lstrip().startswith("#+"):
            named = parse_named_query(Path(query).stem, text)
            given = resolve_parameters(store, named, given, settings.base_iri)
            prepared = answer_and_bind_named(named, given, federation)
        else:
            prepared = answer_and_bind(text, given, (), federation)
        outcome = run_in_worker(settings, prepared, fmt)
        write_outcome(outcome, fmt, sys.stdout.buffer, sys.stderr)
    except KgdebateError as exc:
        _fail(exc)


@cli.command()
@click.option(
    "-f",
    "--format",
    "fmt",
    default="trig",
    type=click.Choice([*DATASET_FORMATS, *EXPORT_GRAPH_FORMATS, *DOCUMENT_FORMATS]),
    help="trig or nquads for the dataset; turtle or ntriples for one --graph; "
    "aif, schema-jsonld, argdown, csv (a zip of four tables) or one table "
    "(claims-csv, citations-csv, actors-csv, events-csv) for one --document.",
)
@click.option("--graph", help="Export only this named graph (its IRI).")
@click.option(
    "--document", "slug", help="The document to export (its slug), for per-document formats."
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to this file instead of stdout (required for csv, which is a zip).",
)
@click.pass_obj
def export(
    settings: Settings, fmt: str, graph: str | None, slug: str | None, output: Path | None
) -> None:
    """Write the dataset, one graph, or one document in a format other tools read."""
    store = _open(settings, read_only=True)
    if fmt in DOCUMENT_FORMATS:
        if graph is not None:
            _fail(KgdebateError(f"--format {fmt} exports a document, not a graph: drop --graph"))
        _export_document(settings, store, fmt, slug, output)
        return
    if slug is not None:
        _fail(KgdebateError(f"--format {fmt} exports graphs, not documents: drop --document"))
    if fmt in EXPORT_GRAPH_FORMATS and graph is None:
        _fail(
            KgdebateError(
                f"--format {fmt} writes one graph: add --graph IRI",
                hint="list the graphs with `kgdebate stats`",
            )
        )
    if graph is not None and not store.has_graph(graph):
        _fail(KgdebateError(f"no graph {graph} in the store"))
    formats = DATASET_FORMATS if graph is None else {**DATASET_FORMATS, **EXPORT_GRAPH_FORMATS}
    if output is None:
        store.dump(sys.stdout.buffer, formats[fmt], graph)
        return
    try:
        with replacing(output) as handle:  # a dump cut by an error must not look complete
            store.dump(handle, formats[fmt], graph)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        _fail(KgdebateError(f"cannot write {output} ({reason}); the file was left as it was"))


def _export_document(
    settings: Settings, store: TripleStore, fmt: str, slug: str | None, output: Path | None
) -> None:
    if slug is None:
        _fail(KgdebateError(f"--format {fmt} exports one document: add --document SLUG"))
    if fmt == "csv" and output is None:
        _fail(KgdebateError("--format csv writes a zip: add --output FILE.zip"))
    try:
        exported = export_document(store, settings.base_iri, slug, fmt)
    except KgdebateError as exc:
        _fail(exc)
    if output is None:
        sys.stdout.buffer.write(exported.body)
    else:
        write_atomically(output, exported.body)
        click.echo(f"wrote {output} ({len(exported.body)} bytes)", err=True)


@cli.command()
@click.argument("dump", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.pass_obj
def restore(settings: Settings, dump: Path) -> None:
    """Load a dataset DUMP (.trig or .nq, from `export`) into an empty store."""
    formats = {".trig": ox.RdfFormat.TRIG, ".nq": ox.RdfFormat.N_QUADS}
    fmt = formats.get(dump.suffix)
    if fmt is None:
        _fail(KgdebateError(f"{dump}: a dump is .trig or .nq"))
    store = _open(settings)
    try:
        with dump.open("rb") as handle:
            if isinstance(store, OxigraphStore):
                count = store.restore(handle, fmt)
            else:  # one update request: the server takes all of it or none
                store.load(handle, fmt)
                count = len(store)
    except KgdebateError as exc:
        _fail(exc)
    finish_write(store, settings)
    where = settings.store_query_url if settings.store == "sparql" else settings.data_dir
    click.echo(f"restored {count} triples into {where}", err=True)


@cli.command()
@click.option("--host", help="Address to listen on. Default: the host setting (127.0.0.1).")
@click.option("--port", type=int, help="Port. Default: the port setting (5000).")
@click.option(
    "--follow",
    type=click.Path(file_okay=False, path_type=Path),
    help="Serve the newest snapshot that `kgdebate snapshot` wrote to this folder, switching "
    "to each newer one as it lands (a replica), instead of the store of --data-dir.",
)
@click.pass_obj
def serve(settings: Settings, host: str | None, port: int | None, follow: Path | None) -> None:
    """Serve the graph over HTTP (SPARQL endpoint, entity pages) with gunicorn."""
    from dataclasses import replace

    from kgdebate.snapshots import followed_store
    from kgdebate.web.serve import refuse_a_busy_port
    from kgdebate.web.serve import serve as run_server

    settings = replace(settings, host=host or settings.host, port=port or settings.port)
    if follow is not None:
        settings = replace(settings, data_dir=followed_store(follow))
    if settings.public_url == Settings().public_url:  # not configured: where we listen
        settings = replace(settings, public_url=f"http://{settings.host}:{settings.port}/")
    if settings.store != "sparql" and not settings.data_dir.exists():
        hint = "run `kgdebate snapshot` into it first" if follow else "run `kgdebate build` first"
        _fail(KgdebateError(f"no store at {settings.data_dir}", hint=hint))
    try:
        refuse_a_busy_port(settings.host, settings.port)
    except KgdebateError as exc:
        _fail(exc)
    run_server(settings)


@cli.command()
@click.argument("out", type=click.Path(file_okay=False, path_type=Path))
@click.pass_obj
def snapshot(settings: Settings, out: Path) -> None:
    """Write a consistent copy of the store, its answers and generation to a new folder of OUT,
    and make it OUT's newest: servers started with `serve --follow OUT` switch to it."""
    from kgdebate.snapshots import take

    store = _open(settings, read_only=True)
    if not isinstance(store, OxigraphStore):
        _fail(
            KgdebateError(
                "a snapshot copies the embedded store; a SPARQL server makes its own backups",
                hint="use the server's backup tool (Virtuoso: backup_online)",
            )
        )
    try:
        written = take(store, settings.data_dir, out)
    except (KgdebateError, OSError) as exc:
        _fail(exc if isinstance(exc, KgdebateError) else KgdebateError(f"{out}: {exc}"))
    click.echo(f"snapshot: {written}", err=True)


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.pass_obj
def stats(settings: Settings, as_json: bool) -> None:
    """Triples, graphs, entities per class and open warnings."""
    store = _open(settings, read_only=True)
    click.echo(format_stats(collect_stats(store, settings), as_json))


cli.add_command(link_command)
cli.add_command(curate_command)
