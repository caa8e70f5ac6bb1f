"""kgdebate: a knowledge graph and citation tracker for foreign-policy debates."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("kgdebate")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"
