"""Settings: dataclass defaults, then a TOML file, then ``KGDEBATE_*`` environment variables."""

from __future__ import annotations

import dataclasses
import ipaddress
import os
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from kgdebate.errors import InputError
from kgdebate.namespaces import CC_BY_4, DEFAULT_BASE, LOCAL_URL, WIKIDATA_SPARQL
from kgdebate.sparql_guard import Limits

CONFIG_FILE_ENV = "KGDEBATE_CONFIG"
STORES = ("oxigraph", "sparql")


@dataclass(frozen=True)
class Settings:
    """Everything that may differ between installations. See README, "Settings"."""

    data_dir: Path = Path("var/store")
    """The on-disk Oxigraph store."""
    store: str = "oxigraph"
    """Where the graph lives: ``oxigraph`` (embedded, in data_dir) or ``sparql`` (a SPARQL 1.1
    server at store_query_url / store_update_url; README, "A SPARQL server as the store")."""
    store_query_url: str = ""
    """The SPARQL 1.1 Protocol query endpoint of the store server (store = "sparql")."""
    store_update_url: str = ""
    """Its SPARQL 1.1 Update endpoint (default: store_query_url). Credentials only from
    KGDEBATE_STORE_USER and KGDEBATE_STORE_PASSWORD."""
    texts_dir: Path = Path("var/texts")
    """Where full texts of documents are looked up by file name (never redistributed)."""
    reference_dir: Path = Path("data/reference")
    """Reference data: actors, places, events (Turtle)."""
    base_iri: str = DEFAULT_BASE
    """Base of every IRI the project mints (a constant of the data, not of the server)."""
    max_annotation_bytes: int = 5_000_000
    max_text_bytes: int = 20_000_000
    max_yaml_nodes: int = 200_000
    host: str = "127.0.0.1"
    port: int = 5000
    public_url: str = LOCAL_URL
    """Where the app is reached: endpoint IRIs and Location headers come from here, never Host."""
    server_workers: int = 2
    """Processes of the WSGI server (gunicorn)."""
    header_timeout_s: float = 10.0
    """A client must send its request line and headers within this; else it is disconnected."""
    body_timeout_s: float = 30.0
    """... and the request's body within this after its headers."""
    query_workers: int = 2
    """Processes that run user queries, each killable at the time limit."""
    query_timeout_s: float = 30.0
    """A user query still running after this is killed with its worker (503 "query timeout")."""
    query_queue_wait_s: float = 2.0
    """How long a query waits for a free query worker before 503 with Retry-After."""
    query_memory_mb: int = 2048
    """Heap a query worker may use (RLIMIT_DATA); a query past it ends with 503. 0: no cap."""
    client_query_seconds: float = 60.0
    """Query-seconds a client may use per minute (refilled continuously); past it, 429."""
    query_max_depth: int = 128
    """Bracket nesting a query may have; the engine crashes near 5,000 (README, "Read-only")."""
    query_max_operators: int = 1_000
    """Expression and path operators in a query; chains of 5,000 crash the engine."""
    query_max_patterns: int = 256
    """Triple patterns and group combinators; planning 400 patterns takes 3.5 s, 600 10 s."""
    query_max_path_steps: int = 64
    """Steps of a property path; 500 steps run 8.6 s, 2,000 over 30 s."""
    trusted_proxies: tuple[str, ...] = ()
    """Reverse proxies (addresses or networks) whose X-Forwarded-For names the client, for the
    per-client query budget. Comma-separated in env. Empty: the socket's address is the client."""
    max_rows: int = 10_000
    page_cache_mb: int = 64
    """Memory each server process may keep rendered pages and named-query answers in. 0: off."""
    max_request_bytes: int = 1_000_000
    data_license: str = str(CC_BY_4)
    """The licence the VoID description declares for the dataset (dcterms:license)."""
    cors: bool = False
    """Send Access-Control-Allow-Origin: * (off by default)."""
    service_allowlist: tuple[str, ...] = ()
    """SPARQL SERVICE endpoints a query may call (constant IRIs only). Comma-separated in env."""
    link_endpoint: str = WIKIDATA_SPARQL
    """The SPARQL endpoint `kgdebate link` asks for Wikidata candidates (Wikidata-shaped data)."""
    link_threshold: float = 0.8
    """`kgdebate link` proposes a QID only when its best candidate scores at least this."""
    remote_timeout_s: float = 30.0
    """Time limit of every request to a remote SPARQL endpoint (link, federated queries)."""

    @property
    def endpoint_iri(self) -> str:
        """The SPARQL endpoint's own IRI (sd:endpoint); relative IRIs in queries resolve to it."""
        return self.public_url.rstrip("/") + "/sparql"

    @property
    def query_limits(self) -> Limits:
        """The structure a user query may have, as the query guard takes it."""
        return Limits(
            depth=self.query_max_depth,
            operators=self.query_max_operators,
            patterns=self.query_max_patterns,
            path_steps=self.query_max_path_steps,
        )


def load_settings(config_file: Path | None = None, env: dict[str, str] | None = None) -> Settings:
    """Defaults, overridden by a TOML file (``[kgdebate]`` table), then by ``KGDEBATE_<NAME>``."""
    env = dict(os.environ) if env is None else env
    values: dict[str, Any] = {}
    path = config_file or (Path(env[CONFIG_FILE_ENV]) if CONFIG_FILE_ENV in env else None)
    if path is not None:
        try:
            with path.open("rb") as handle:
                values.update(tomllib.load(handle).get("kgdebate", {}))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise InputError(f"{path}: cannot read settings: {exc}") from None
    for item in fields(Settings):
        key = f"KGDEBATE_{item.name.upper()}"
        if key in env:
            values[item.name] = env[key]
    return _coerce(values)


def _coerce(values: dict[str, Any]) -> Settings:
    known = {item.name: item for item in fields(Settings)}
    unknown = sorted(set(values) - set(known))
    if unknown:
        raise InputError(f"unknown setting(s): {', '.join(unknown)}", hint="see README, Settings")
    typed: dict[str, Any] = {}
    defaults = Settings()
    for name, raw in values.items():
        current = getattr(defaults, name)
        try:
            if isinstance(current, Path):
                typed[name] = Path(raw)
            elif isinstance(current, bool):
                typed[name] = str(raw).lower() in {"1", "true", "yes", "on"}
            elif isinstance(current, int):
                typed[name] = int(raw)
            elif isinstance(current, float):
                typed[name] = float(raw)
            elif isinstance(current, tuple):
                items = raw.split(",") if isinstance(raw, str) else raw
                typed[name] = tuple(item.strip() for item in items if item.strip())
            else:
                typed[name] = raw
        except ValueError:
            raise InputError(f"setting {name!r} must be a whole number, not {raw!r}") from None
    for proxy in typed.get("trusted_proxies", ()):
        try:
            ipaddress.ip_network(proxy, strict=False)
        except ValueError:
            raise InputError(
                f"setting 'trusted_proxies': {proxy!r} is not an IP address or network",
                hint="list addresses or networks, e.g. 127.0.0.1, 10.0.0.0/8",
            ) from None
    if typed.get("store", defaults.store) not in STORES:
        raise InputError(
            f"setting 'store': {typed['store']!r} is not one of {', '.join(STORES)}",
            hint='"oxigraph" (the embedded store) or "sparql" (a SPARQL 1.1 server)',
        )
    if typed.get("store") == "sparql" and not typed.get("store_query_url"):
        raise InputError(
            "setting 'store' is \"sparql\" but 'store_query_url' is not set",
            hint="give the server's SPARQL endpoint (KGDEBATE_STORE_QUERY_URL)",
        )
    return dataclasses.replace(defaults, **typed)
