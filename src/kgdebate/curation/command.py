"""``kgdebate curate FILE``: the workbench on 127.0.0.1, for the one browser that opens its URL.

It is a local tool for one curator, so it runs in one process on Werkzeug's threaded server
rather than under gunicorn: it listens on the loopback address only, on a port the system
chooses unless one is given, and prints the URL with its one-time token.
"""

from __future__ import annotations

import secrets
import sys
from pathlib import Path

import click
from werkzeug.serving import make_server

from kgdebate.config import Settings
from kgdebate.errors import InputError, KgdebateError, StoreError

LOOPBACK = "127.0.0.1"
TEXTS = {".txt", ".md", ".text", ".markdown"}  # what `extract` reads; curate reads its output


@click.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--text",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="The document's full text. Default: found as `ingest` finds it (beside FILE, or in "
    "the texts_dir setting).",
)
@click.option("--port", type=click.IntRange(0, 65535), default=0, help="Default: any free port.")
@click.pass_obj
def curate(settings: Settings, file: Path, text: Path | None, port: int) -> None:
    """Curate annotation FILE (a draft from `extract`, or a curated one) in the browser.

    Prints a URL with a one-time token; the workbench listens on 127.0.0.1 only. Every edit
    rewrites only what changed in FILE, and is checked by the ingest pipeline as you go.
    """
    from kgdebate.curation.web import init_app
    from kgdebate.curation.workbench import Workbench
    from kgdebate.web import create_app
    from kgdebate.web.serve import refuse_a_busy_port

    try:
        if not settings.data_dir.exists():
            raise StoreError(f"no store at {settings.data_dir}", hint="run `kgdebate build` first")
        if file.suffix.lower() in TEXTS:
            yaml = file.with_suffix(".yaml")
            raise InputError(
                f"{file} is a document's text; the workbench curates its annotation (YAML)",
                hint=f"run `kgdebate extract {file}`, then `kgdebate curate {yaml}`"
                if not yaml.exists()
                else f"curate its annotation: `kgdebate curate {yaml}`",
            )
        workbench = Workbench(file, text, settings)
        app = create_app(settings)
        token = secrets.token_urlsafe(32)
        init_app(app, workbench, token)
        if port:  # Werkzeug would print its own message and exit 1
            refuse_a_busy_port(LOOPBACK, port)
        server = make_server(LOOPBACK, port, app, threaded=True)
    except KgdebateError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(exc.exit_code)
    click.echo(f"curating {file}", err=True)
    if workbench.text is None:
        click.echo("no text found for it: quotes cannot be made (give --text)", err=True)
    click.echo(f"open http://{LOOPBACK}:{server.port}/curate/?token={token}", err=True)
    click.echo("(the link works once, in one browser; Ctrl-C stops the workbench)", err=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
