"""A SPARQL 1.1 server as the store (issue 15, items 3 and 4): a real Virtuoso Open Source 7
from Debian's package, started from deploy/virtuoso/virtuoso.ini, against the embedded store.

The same build (the seed and synthetic documents) goes into both; every named query and every
graph must then agree. An ingest into Virtuoso killed in the middle leaves the document wholly
old or wholly new, and a document written again over itself loses nothing in a crash (README,
"What each server guarantees"). Bad settings and bad servers get a clear error that names the
setting, and nothing is written."""

from __future__ import annotations

import http.server
import io
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
import yaml

from kgdebate.build import build
from kgdebate.errors import InputError, StoreError
from kgdebate.federation import service_blocks
from kgdebate.ingest.pipeline import ingest_files
from kgdebate.queries import answer_and_bind_named, named_queries
from kgdebate.remote import Credentials
from kgdebate.sparql_store import SparqlStore
from kgdebate.store import OxigraphStore, TripleStore
from virtuoso import PASSWORD, USER, Virtuoso

from conftest import BASE, DATA, FULL_DATA, make_settings

pytestmark = pytest.mark.slow
ROOT = Path(__file__).parents[1]
SYNTHETIC = 100
SPEECHES = [f"2022/{code}_77_2022" for code in ("BGD", "BRA", "CHN", "IND", "RUS", "UKR", "USA")]


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Virtuoso]:
    if not Virtuoso.installed():
        pytest.skip("virtuoso-t is not installed (.ci/run installs Debian's virtuoso-opensource)")
    server = Virtuoso(tmp_path_factory.mktemp("virtuoso"))
    server.start()
    try:
        yield server
    finally:
        server.stop()


def remote(server: Virtuoso, timeout_s: float = 120) -> SparqlStore:
    return SparqlStore(
        server.query_url, server.update_url, BASE + "graph/", timeout_s, Credentials(USER, PASSWORD)
    )


def synthetic_files(folder: Path) -> list[Path]:
    """The bench's synthetic debates (shaped like the seed), as annotation files."""
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from ingest_bench import synthetic
    finally:
        sys.path.pop(0)
    folder.mkdir()
    files = []
    for number in range(SYNTHETIC):
        path = folder / f"bench-{number}.yaml"
        path.write_text(yaml.safe_dump(synthetic(number), sort_keys=False), "utf-8")
        files.append(path)
    return files


@pytest.fixture(scope="module")
def pair(
    virtuoso: Virtuoso, tmp_path_factory: pytest.TempPathFactory
) -> tuple[OxigraphStore, SparqlStore]:
    """The seed, some UN speeches (with their stances) and the synthetic documents, built into
    both stores the same way."""
    tmp = tmp_path_factory.mktemp("pair")
    files = synthetic_files(tmp / "synthetic")
    data = tmp / "data"
    shutil.copytree(FULL_DATA / "reference", data / "reference")
    shutil.copytree(DATA / "annotations", data / "annotations")
    for speech in SPEECHES:
        shutil.copy(FULL_DATA / "annotations" / "ungdc" / f"{speech}.yaml", data / "annotations")
    stores: list[TripleStore] = [OxigraphStore(tmp / "embedded"), remote(virtuoso)]
    for store in stores:
        settings = make_settings(tmp, reference_dir=data / "reference")
        summary = build(data, store, settings)
        assert all(o.error is None for o in summary.outcomes)
        outcomes = ingest_files(files, store, settings)
        assert [str(o.error) for o in outcomes if o.error] == []
    embedded, server = stores
    assert isinstance(embedded, OxigraphStore) and isinstance(server, SparqlStore)
    return embedded, server


def _rows(store: TripleStore, sparql: str) -> list[tuple[str, ...]]:
    result = store.query(sparql)
    if isinstance(result, ox.QueryBoolean):
        return [(str(bool(result)),)]
    return _solution_rows(result)


def _solution_rows(result: object) -> list[tuple[str, ...]]:
    assert isinstance(result, ox.QuerySolutions)
    names = [v.value for v in result.variables]
    return sorted(tuple(_text(row[name]) for name in names) for row in result)


def _text(term: object) -> str:
    """A term as N-Triples, a blank node as one mark (labels are the server's own), a number as
    its value (an xsd:decimal 2.0 and an xsd:integer 2 from an average compare equal)."""
    if term is None:
        return ""
    if isinstance(term, ox.Literal) and term.datatype.value.endswith("#boolean"):
        return str(term.value in ("true", "1")).lower()  # "1" is a lexical form of true
    if isinstance(term, ox.BlankNode):
        return "_:"
    if isinstance(term, ox.Literal) and term.datatype.value.endswith(
        ("Integer", "#integer", "#decimal", "#double", "#float", "#long", "#int")
    ):
        return f"{float(term.value):g}"
    return str(term)


def test_both_stores_hold_the_same_graphs(pair: tuple[OxigraphStore, SparqlStore]) -> None:
    """Triple for triple, but for two things the server does: it gives blank nodes labels of its
    own, it keeps xsd:nonNegativeInteger values (quote offsets) as xsd:integer, and it writes
    xsd:boolean true as "1" (the same value)."""
    embedded, server = pair
    names = embedded.graph_names()
    assert server.graph_names() == names
    assert len(names) > SYNTHETIC
    assert len(server) == len(embedded)
    for name in names:
        assert _shape(server, name) == _shape(embedded, name), name


def test_a_dump_of_the_embedded_store_restores_into_the_server(
    pair: tuple[OxigraphStore, SparqlStore],
) -> None:
    """`kgdebate restore` on a SPARQL store: every graph of the dump, a few per request (one
    request of hundreds of graphs is more than Virtuoso compiles)."""
    embedded, server = pair
    dump = io.BytesIO()
    embedded.dump(dump, ox.RdfFormat.N_QUADS)
    dump.seek(0)
    server.load(dump, ox.RdfFormat.N_QUADS)
    assert server.graph_names() == embedded.graph_names()
    for name in embedded.graph_names():
        assert _shape(server, name) == _shape(embedded, name), name


def _shape(store: TripleStore, graph: str) -> list[str]:
    """The graph's triples as text, the time each build ran (provenance) left out."""
    return sorted(
        " ".join(
            "(a time)"
            if isinstance(term, ox.Literal) and term.datatype.value.endswith("#dateTime")
            else _text(term)
            for term in triple
        )
        for triple in store.triples(graph)
    )


@pytest.mark.parametrize(
    "name", sorted(n for n, q in named_queries().items() if not service_blocks(q.text))
)
def test_every_named_query_agrees_on_both_stores(
    pair: tuple[OxigraphStore, SparqlStore], name: str
) -> None:
    embedded, server = pair
    prepared = answer_and_bind_named(named_queries()[name], {})
    expected = _rows(embedded, prepared)
    assert expected, f"{name} finds nothing on the embedded store: the comparison would be empty"
    assert _rows(server, prepared) == expected


def test_an_ingest_killed_midway_leaves_the_document_wholly_old_or_wholly_new(
    tmp_path: Path,
) -> None:
    """SIGKILL to the server during a document's write: at restart the document is the old one
    or the new one, never a mix, and no query of the dataset sees the staged triples. A write
    that did not end is named until the document is written again. A server of its own: the
    others' data would not be theirs to lose."""
    if not Virtuoso.installed():
        pytest.skip("virtuoso-t is not installed (.ci/run installs Debian's virtuoso-opensource)")
    virtuoso = Virtuoso(tmp_path / "virtuoso")
    virtuoso.start()
    try:
        _kill_during_a_write(virtuoso)
    finally:
        virtuoso.stop()


KILL_GRAPH = BASE + "graph/document/kill-test"
STATEMENT = BASE + "def/kgdebate/statement"


def _version(tag: str, size: int) -> list[ox.Triple]:
    """A document graph of ``size`` statements, and a quote selector (a blank node)."""
    selector = ox.BlankNode()
    claim = ox.NamedNode(f"{BASE}id/claim/kill-test/c0")
    return [
        *(
            ox.Triple(
                ox.NamedNode(f"{BASE}id/claim/kill-test/c{i}"),
                ox.NamedNode(STATEMENT),
                ox.Literal(f"{tag} {i}"),
            )
            for i in range(size)
        ),
        ox.Triple(claim, ox.NamedNode(f"{BASE}def/kgdebate/selector"), selector),
        ox.Triple(selector, ox.NamedNode(f"{BASE}def/kgdebate/exact"), ox.Literal(tag)),
    ]


def _counts(store: SparqlStore) -> tuple[int, int, int]:
    """The kill-test document's triples, those of its new version, and the statements any
    query of the dataset sees (in whatever graph)."""
    rows = store.query(
        'SELECT (COUNT(*) AS ?n) (SUM(IF(STRSTARTS(STR(?o), "new"), 1, 0)) AS ?new) '
        f"{{ GRAPH <{KILL_GRAPH}> {{ ?s ?p ?o }} }}"
    )
    seen = store.query(f"SELECT (COUNT(*) AS ?n) {{ ?s <{STATEMENT}> ?o }}")
    assert isinstance(rows, ox.QuerySolutions) and isinstance(seen, ox.QuerySolutions)
    row, visible = next(iter(rows)), next(iter(seen))
    return int(row["n"].value), int(row["new"].value), int(visible["n"].value)


class SwapWatched(SparqlStore):
    """A store that says when it sends the one operation that swaps the staged triples in,
    and how long that took, so that a kill can land in the middle of it."""

    def __init__(self, virtuoso: Virtuoso) -> None:
        super().__init__(
            virtuoso.query_url,
            virtuoso.update_url,
            BASE + "graph/",
            120,
            Credentials(USER, PASSWORD),
        )
        self.swapping = threading.Event()
        self.swap_s = 0.0

    def _update(self, operations: str) -> None:
        if not operations.startswith("DELETE { GRAPH ?old"):
            return super()._update(operations)
        self.swapping.set()
        started = time.monotonic()
        super()._update(operations)
        self.swap_s = time.monotonic() - started


def _kill_during_a_write(virtuoso: Virtuoso) -> None:
    store = SwapWatched(virtuoso)
    old, new = (10_002, 0, 10_000), (30_002, 30_001, 30_000)
    store.replace_graphs({KILL_GRAPH: _version("old", 10_000)})
    store.replace_graphs({KILL_GRAPH: _version("timed", 30_000)})
    swap_s = store.swap_s

    interrupted = False
    for fraction in (0.5, 0.8, 0.3, 0.9, 0.15):  # until the kill lands in the middle of the swap
        store.replace_graphs({KILL_GRAPH: _version("old", 10_000)})
        assert _counts(store) == old
        store.swapping.clear()
        failed: list[Exception] = []

        def write(failed: list[Exception] = failed) -> None:
            try:
                store.replace_graphs({KILL_GRAPH: _version("new", 30_000)})
            except StoreError as exc:
                failed.append(exc)

        writer = threading.Thread(target=write)
        writer.start()
        assert store.swapping.wait(120)
        time.sleep(swap_s * fraction)
        virtuoso.kill()
        writer.join()
        virtuoso.start()
        found = _counts(store)
        if not failed:
            assert found == new  # the write had ended
            continue
        assert found in (old, new), found  # never a mix, and the staged triples unseen
        assert store.interrupted_writes() == [KILL_GRAPH]
        store.replace_graphs({KILL_GRAPH: _version("new", 30_000)})  # written again
        assert store.interrupted_writes() == []
        assert _counts(store) == new
        assert not store.graphs_naming(f"{BASE}system/staged/{BASE}id/claim/kill-test/c1")
        if found == old:  # killed in the swap, not in the cleaning after it
            interrupted = True
            break
    assert interrupted, f"every swap ended before the kill ({swap_s:.1f} s): nothing was tested"


def test_a_document_written_again_over_itself_survives_a_crash(tmp_path: Path) -> None:
    """Virtuoso can lose a triple deleted and inserted again in one write when it replays its
    transaction log after a crash (measured: 7 and 273 of 20,000 lost when a document was
    written twice the plain way, DELETE WHERE then INSERT DATA). Only what changes is
    written, so nothing is lost."""
    if not Virtuoso.installed():
        pytest.skip("virtuoso-t is not installed (.ci/run installs Debian's virtuoso-opensource)")
    virtuoso = Virtuoso(tmp_path / "virtuoso")
    virtuoso.start()
    try:
        store = remote(virtuoso)
        for _ in range(2):
            store.replace_graphs({KILL_GRAPH: _version("same", 20_000)})
            store.replace_graphs({KILL_GRAPH: _version("same", 20_000)})
            virtuoso.kill()  # no checkpoint: the transaction log is replayed at start
            virtuoso.start()
            assert _counts(store) == (20_002, 0, 20_000)
            exact = store.query(f"SELECT ?o {{ ?s <{BASE}def/kgdebate/exact> ?o }}")
            assert isinstance(exact, ox.QuerySolutions)
            assert [row["o"].value for row in exact] == ["same"]
    finally:
        virtuoso.stop()


def test_a_pages_lookups_asked_together_are_the_lookups_asked_one_by_one(
    pair: tuple[OxigraphStore, SparqlStore],
) -> None:
    from kgdebate.web.page_sparql import bound_query

    embedded, server = pair
    queries = [
        bound_query(name, BASE + "id/" + entity)
        for entity in ENTITIES
        for name in ("out", "in", "kinds")
    ]
    together = [_solution_rows(result) for result in server.query_all(queries)]
    assert together == [_solution_rows(server.query(q)) for q in queries]
    kinds = [_solution_rows(result) for result in embedded.query_all(queries)][2::3]
    assert together[2::3] == kinds and all(kinds)  # every entity has a kind, the same on both
    assert all(together[0::3])  # and properties


class _Counting(http.server.BaseHTTPRequestHandler):
    """A SPARQL endpoint that answers every query with one row after a pause, counting how many
    requests it is answering at once; ``…/page`` answers a web page instead."""

    lock = threading.Lock()
    now = most = 0

    def do_POST(self) -> None:  # noqa: N802 - the http.server protocol
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        with self.lock:
            type(self).now += 1
            type(self).most = max(self.most, self.now)
        time.sleep(0.2)
        with self.lock:
            type(self).now -= 1
        html = self.path.endswith("/page")
        self.send_response(200)
        self.send_header("Content-Type", "text/html" if html else "application/sparql-results+json")
        self.end_headers()
        row = b'{"head": {"vars": ["n"]}, "results": {"bindings": [{"n": {"type": "literal", '
        self.wfile.write(b"<p>Welcome</p>" if html else row + b'"value": "1"}}]}}')

    def log_message(self, *args: object) -> None:
        pass


def test_lookups_asked_together_go_side_by_side_and_a_bad_answer_is_an_error() -> None:
    from kgdebate.sparql_store import SIDE_BY_SIDE

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Counting)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/sparql"
    try:
        store = SparqlStore(url, url, BASE + "graph/", 5)
        answers = store.query_all(["SELECT ?n {}"] * (SIDE_BY_SIDE + 4))
        assert [_solution_rows(a) for a in answers] == [[('"1"',)]] * (SIDE_BY_SIDE + 4)
        assert 2 <= _Counting.most <= SIDE_BY_SIDE
        page = SparqlStore(url + "/page", url, BASE + "graph/", 5)
        with pytest.raises(StoreError, match="store_query_url"):
            page.query_all(["SELECT ?n {}"] * 3)
    finally:
        server.shutdown()
        server.server_close()


class _Misbehaving(http.server.BaseHTTPRequestHandler):
    """A server that is not a SPARQL endpoint: a web page, a redirect, or no answer in time."""

    def do_POST(self) -> None:  # noqa: N802 - the http.server protocol
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if self.path.startswith("/slow"):
            time.sleep(3)
        if self.path.startswith("/moved"):
            self.send_response(302)
            self.send_header("Location", "http://127.0.0.1:1/elsewhere")
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        self.wfile.write(b"<html><body>Welcome</body></html>")

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def misbehaving() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Misbehaving)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize(
    ("path", "says"),
    [
        ("/page", "answered text/html, not SPARQL results"),
        ("/moved", "redirect (HTTP 302) to http://127.0.0.1:1/elsewhere; it was not followed"),
        ("/slow", "did not answer within 1 s"),
    ],
)
def test_a_server_that_is_no_sparql_endpoint_is_a_clear_error(
    misbehaving: str, path: str, says: str
) -> None:
    store = SparqlStore(misbehaving + path, misbehaving + path, BASE + "graph/", 1)
    with pytest.raises(StoreError, match="store_query_url") as caught:
        store.query("ASK {}")
    assert says in str(caught.value)


def test_unreachable_wrong_credentials_and_bad_schemes_name_the_setting(
    virtuoso: Virtuoso, tmp_path: Path
) -> None:
    nobody = SparqlStore("http://127.0.0.1:1/sparql", "http://127.0.0.1:1/sparql", BASE, 5)
    with pytest.raises(StoreError, match=r"store_query_url .* cannot be reached"):
        nobody.query("ASK {}")
    wrong = SparqlStore(
        virtuoso.query_url, virtuoso.update_url, BASE, 30, Credentials(USER, "not-it")
    )
    with pytest.raises(StoreError, match="KGDEBATE_STORE_USER and KGDEBATE_STORE_PASSWORD"):
        wrong.replace_graphs({BASE + "graph/x": []})
    anonymous = SparqlStore(virtuoso.query_url, virtuoso.query_url, BASE, 30)
    with pytest.raises(StoreError, match="store_update_url"):
        anonymous.replace_graphs({BASE + "graph/x": []})
    for url in ("ftp://127.0.0.1/sparql", "file:///etc/passwd", "127.0.0.1:8890/sparql"):
        with pytest.raises(InputError, match="store_query_url.*not an http"):
            SparqlStore(url, virtuoso.update_url, BASE)


def test_the_command_line_uses_the_server_and_leaves_the_embedded_store_alone(
    virtuoso: Virtuoso, tmp_path: Path
) -> None:
    """`kgdebate stats` and `ingest` with store = "sparql": the server answers; a refused
    write (no credentials) exits 2 with the setting named, and no embedded store appears."""
    kgdebate = str(Path(sys.executable).with_name("kgdebate"))
    env = {**virtuoso.env(), "KGDEBATE_DATA_DIR": str(tmp_path / "store"), "PATH": ""}
    env["KGDEBATE_REFERENCE_DIR"] = str(DATA / "reference")
    stats = subprocess.run(
        [kgdebate, "stats", "--json"], capture_output=True, text=True, env=env, timeout=120
    )
    assert stats.returncode == 0, stats.stderr
    assert '"triples"' in stats.stdout
    refused = subprocess.run(
        [kgdebate, "ingest", str(DATA / "annotations" / next(iter(_seed_names())))],
        capture_output=True,
        text=True,
        env={**env, "KGDEBATE_STORE_PASSWORD": "wrong"},
        timeout=120,
    )
    assert refused.returncode != 0
    assert "KGDEBATE_STORE_PASSWORD" in refused.stderr + refused.stdout
    assert not (tmp_path / "store").exists()


def _seed_names() -> list[str]:
    return sorted(p.name for p in (DATA / "annotations").glob("*.yaml"))


ENTITIES = [
    "claim/belfer-2023-11-16-pressure-ukraine-to-negotiate/c17",
    "actor/ukraine",
    "actor/nato",
    "event/istanbul-talks-2022",
    "document/belfer-2023-11-16-pressure-ukraine-to-negotiate",
    "statistic/ukrainians-support-fighting-84",
    "motion/negotiate-now",
]


@pytest.mark.parametrize("entity", ENTITIES)
def test_every_panel_of_an_entity_page_agrees_on_both_stores(
    pair: tuple[OxigraphStore, SparqlStore], entity: str, tmp_path: Path
) -> None:
    """The rows of each panel of the entity's page (every page of a paged panel)."""
    from flask import Flask

    from kgdebate.web.context import WebContext
    from kgdebate.web.describe import kinds_of
    from kgdebate.web.panels import panels_for, run_panel

    embedded, server = pair
    iri = f"{BASE}id/{entity}"
    kinds = kinds_of(embedded, iri)
    assert kinds and kinds_of(server, iri) == kinds
    app = Flask(__name__)  # the panels read the settings of the request's context
    app.extensions["kgdebate"] = WebContext(make_settings(tmp_path), embedded)
    for panel in panels_for(kinds):
        rows: list[list[tuple[str, ...]]] = []
        for store in (embedded, server):
            found, page = [], 0
            with app.app_context():
                while True:
                    part = run_panel(store, panel, iri, page)
                    found += [tuple(_text(row.get(c)) for c in part.columns) for row in part.rows]
                    if not part.more:
                        break
                    page += 1
            rows.append(sorted(found))
        assert rows[1] == rows[0], panel.name


def test_the_search_index_agrees_on_both_stores(pair: tuple[OxigraphStore, SparqlStore]) -> None:
    """Search reads the server with the same two queries: the same things, kinds, labels and
    texts (dates included, as their lexical forms), so the same results."""
    from kgdebate.web.search_index import build_index

    indexes = [build_index(store) for store in pair]
    things = [
        sorted((t.entity, t.kind, t.type, t.label, frozenset(t.texts)) for t in index.things)
        for index in indexes
    ]
    assert len(things[0]) > 100 and things[1] == things[0]
    found = [index.find("Crimea 2014") for index in indexes]
    assert found[0].counts["event"] > 0 and found[1] == found[0]


def test_the_web_app_serves_its_pages_from_the_server(
    pair: tuple[OxigraphStore, SparqlStore], virtuoso: Virtuoso, tmp_path: Path
) -> None:
    """`kgdebate serve` with store = "sparql": every kind of page answers, from the server."""
    import dataclasses

    from kgdebate.web import create_app

    settings = dataclasses.replace(
        make_settings(tmp_path),
        store="sparql",
        store_query_url=virtuoso.query_url,
        store_update_url=virtuoso.update_url,
    )
    client = create_app(settings).test_client()
    html = {"Accept": "text/html"}
    for path in [
        "/",
        *(f"/doc/{entity}" for entity in ENTITIES),
        "/actors",
        "/claims",
        "/events",
        "/documents",
        "/figures",
        "/timeline",
        "/queries/unanswered-claims",
        "/search?q=Crimea+2014",
        "/search?q=talks&kind=event",
        "/motions/negotiate-now",
    ]:
        assert client.get(path, headers=html).status_code == 200, path
    answer = client.get("/sparql?query=SELECT%20(COUNT(*)%20AS%20?n)%20%7B?s%20?p%20?o%7D")
    assert answer.status_code == 200 and answer.json["results"]["bindings"]
    assert client.get("/doc/actor/ukraine.ttl").status_code == 200
