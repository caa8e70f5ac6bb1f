"""``kgdebate link``: propose Wikidata QIDs for unlinked actors and events; accept reviewed ones."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

import click

from kgdebate.config import Settings
from kgdebate.errors import KgdebateError, StoreError
from kgdebate.files import write_atomically
from kgdebate.generation import readable_store
from kgdebate.linking.curate import LINKS_FILE, accept
from kgdebate.linking.proposals import dump_proposals, read_decisions
from kgdebate.linking.propose import propose
from kgdebate.linking.unlinked import unlinked_entities
from kgdebate.remote import Endpoint
from kgdebate.store import OxigraphStore


@click.command()
@click.option("--endpoint", help="SPARQL endpoint to ask. Default: the link_endpoint setting.")
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the proposals (YAML) here. Default: stdout.",
)
@click.option(
    "--accept",
    "reviewed",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Accept the decisions of a reviewed proposals file (needs --curator).",
)
@click.option("--curator", help="Who accepts (recorded with the time), with --accept.")
@click.option(
    "--to",
    "target",
    type=click.Path(dir_okay=False, path_type=Path),
    help=f"Where accepted links go. Default: {LINKS_FILE} in the reference folder.",
)
@click.pass_obj
def link(
    settings: Settings,
    endpoint: str | None,
    out: Path | None,
    reviewed: Path | None,
    curator: str | None,
    target: Path | None,
) -> None:
    """Propose Wikidata QIDs for actors and events that have none, or accept reviewed proposals.

    \b
    kgdebate link --out proposals.yaml            ask the endpoint, score, write proposals
    kgdebate link --accept proposals.yaml --curator "Name"
                                                  write accepted links to reference data

    Nothing is accepted below the link_threshold setting unless the curator names the QID in
    the file, and nothing without --curator. Exit codes: 0 done, 2 any error (an endpoint that
    cannot be reached, times out or answers incompletely).
    """
    try:
        if reviewed is not None:
            _accept(settings, reviewed, curator, target)
        else:
            _propose(settings, endpoint or settings.link_endpoint, out)
    except KgdebateError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(exc.exit_code)


def _propose(settings: Settings, url: str, out: Path | None) -> None:
    endpoint = Endpoint(url, settings.remote_timeout_s)
    if not settings.data_dir.exists():
        raise StoreError(f"no store at {settings.data_dir}", hint="run `kgdebate build` first")
    store = OxigraphStore(readable_store(settings.data_dir), read_only=True)
    entities = unlinked_entities(store, settings.base_iri)
    proposals = propose(entities, endpoint, settings.link_threshold)
    created = datetime.now(UTC).isoformat(timespec="seconds")
    text = dump_proposals(proposals, url, settings.link_threshold, created)
    if out is None:
        click.echo(text, nl=False)
    else:
        write_atomically(out, text)
    proposed = sum(1 for p in proposals if p.proposed)
    click.echo(
        f"{len(proposals)} entities without a QID asked; {proposed} QID(s) proposed", err=True
    )


def _accept(settings: Settings, reviewed: Path, curator: str | None, target: Path | None) -> None:
    if not curator:
        raise click.UsageError("--accept needs --curator NAME: who accepts is recorded")
    decisions = read_decisions(reviewed, settings.link_threshold)
    destination = target or settings.reference_dir / LINKS_FILE
    written = accept(
        decisions,
        curator,
        settings.reference_dir,
        destination,
        datetime.now(UTC),
        settings.base_iri,
    )
    click.echo(f"{written} link(s) accepted into {destination}; rebuild to load them", err=True)
