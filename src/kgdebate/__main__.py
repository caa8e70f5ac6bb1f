from __future__ import annotations

from kgdebate.cli import cli

cli()
