"""The command line as a user meets it: exit codes, stdout for data, stderr for messages."""

from __future__ import annotations

import csv
import gc
import io
import json
import os
import re
import socket
import stat
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kgdebate import __version__
from kgdebate.cli import cli

from conftest import BASE, DATA, ROOT, SEED, seed_text_option, texts_option

INVALID = sorted((Path(__file__).parent / "data" / "invalid").glob("*.yaml"))


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store built through the CLI, exactly as `make run` does."""
    target = tmp_path_factory.mktemp("cli") / "store"
    result = CliRunner().invoke(
        cli, ["--data-dir", str(target), "build", str(DATA), *texts_option()]
    )
    assert result.exit_code == 0, result.output
    # The runner ran `build` in this process: its writable handle on the store lives until the
    # garbage collector frees the command's frames. Closed at a random moment, during a later
    # command's read, it made that command fail now and then (exit 1, no message): close it now.
    del result
    gc.collect()
    return target


def run(data_dir: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--data-dir", str(data_dir), *args])
    return result.exit_code, result.stdout, result.stderr


def test_version_and_help() -> None:
    result = CliRunner().invoke(cli, ["--version"])
    assert result.exit_code == 0 and __version__ in result.output
    result = CliRunner().invoke(cli, ["--help"])
    assert "kgdebate build data/" in result.output
    for command in ("build", "ingest", "validate", "query", "export", "stats"):
        assert command in result.output


def test_validate_seed_conforms(data_dir: Path) -> None:
    code, out, err = run(data_dir, "validate", str(SEED), *seed_text_option())
    assert code == 0, err
    assert out == ""  # messages go to stderr; stdout is for data
    assert "1 conforms" in err and "citation needed" in err


@pytest.mark.parametrize("path", INVALID, ids=[p.stem for p in INVALID])
def test_validate_invalid_example_names_shape_and_line(data_dir: Path, path: Path) -> None:
    header = dict(re.findall(r"^# expect-(\w+): (.+)$", path.read_text("utf-8"), re.M))
    code, _, err = run(data_dir, "validate", str(path))
    assert code == int(header.get("exit", "1")), err
    assert f"{path}:{header['line']}:" in err
    assert header["shape"] in err
    assert header["constraint"] in err


def test_validate_missing_file_is_exit_2(data_dir: Path, tmp_path: Path) -> None:
    code, _, err = run(data_dir, "validate", str(tmp_path / "nope.yaml"))
    assert code == 2 and "cannot read" in err


def test_stats(data_dir: Path) -> None:
    code, out, _ = run(data_dir, "stats", "--json")
    assert code == 0
    stats = json.loads(out)
    claims = len(re.findall(r"^  - id: c\d+", SEED.read_text("utf-8"), re.M))
    assert stats["entities"]["kgd:Claim"] == claims
    assert stats["open_warnings"] >= 5
    assert "graph/ontology" in stats["graphs"] and "graph/reference" in stats["graphs"]
    assert stats["triples"] == sum(stats["graphs"].values())


@pytest.mark.parametrize("fmt", ["json", "csv", "tsv", "xml", "table"])
def test_query_formats(data_dir: Path, fmt: str) -> None:
    code, out, err = run(
        data_dir, "query", str(ROOT / "queries" / "uses-of-a-figure.rq"), "--format", fmt
    )
    assert code == 0, err
    if fmt == "json":
        assert len(json.loads(out)["results"]["bindings"]) == 2
    elif fmt == "csv":
        assert len(list(csv.reader(io.StringIO(out)))) == 3
    elif fmt == "tsv":
        assert len(out.strip().splitlines()) == 3 and "\t" in out
    elif fmt == "xml":
        assert out.count("<result>") == 2
    else:
        assert "(2 rows)" in out


@pytest.mark.parametrize("fmt", ["turtle", "ntriples", "jsonld"])
def test_construct_formats(data_dir: Path, fmt: str) -> None:
    query = (
        "CONSTRUCT { ?s a ?t } WHERE { ?s a ?t ; <http://www.w3.org/2000/01/rdf-schema#label> ?l }"
    )
    code, out, _ = run(data_dir, "query", query, "--format", fmt)
    formats = {
        "turtle": ox.RdfFormat.TURTLE,
        "ntriples": ox.RdfFormat.N_TRIPLES,
        "jsonld": ox.RdfFormat.JSON_LD,
    }
    assert code == 0
    assert len(list(ox.parse(out.encode(), format=formats[fmt]))) > 100


def test_query_refuses_updates(data_dir: Path) -> None:
    code, _, err = run(data_dir, "query", "DELETE WHERE { ?s ?p ?o }")
    assert code == 2 and "read-only" in err


def test_query_that_crashes_the_engine_is_an_error_not_a_crash(data_dir: Path) -> None:
    """The guard's limit raised past where the engine dies (SIGSEGV at some 8,000 operators):
    the worker dies, `kgdebate` says so and exits 2."""
    query = "SELECT * WHERE { BIND(" + "1+" * 12_000 + "1 AS ?x) }"
    done = subprocess.run(
        [str(Path(sys.executable).with_name("kgdebate")), "--data-dir", str(data_dir)]
        + ["query", query],
        capture_output=True,
        text=True,
        env={**os.environ, "KGDEBATE_QUERY_MAX_OPERATORS": "100000"},
        timeout=120,
        check=False,
    )
    assert done.returncode == 2, done.stderr
    assert "the query engine crashed on this query" in done.stderr


def test_query_over_the_guard_limits_is_refused(data_dir: Path) -> None:
    code, _, err = run(data_dir, "query", "SELECT * WHERE { BIND(" + "1+" * 2_000 + "1 AS ?x) }")
    assert code == 2 and "more than 1000 operators" in err


def test_query_relative_iris_resolve_against_the_endpoint(data_dir: Path) -> None:
    code, out, _ = run(data_dir, "query", "-f", "ntriples", "CONSTRUCT { <s> <p> 1 } WHERE {}")
    assert code == 0 and out.startswith("<http://127.0.0.1:5000/s> <http://127.0.0.1:5000/p>")


NAMED_PARAMETER = """#+ title: The thing a parameter names
#+ parameters:
#+   thing: {type: iri, CLASS description: the thing}
SELECT ?_thing WHERE { }
"""


@pytest.mark.parametrize(
    "value", ["nato", "NATO", "actor/nato", "north atlantic treaty organization", "OTAN"]
)
def test_query_takes_an_actor_by_its_slug_or_its_name(
    data_dir: Path, tmp_path: Path, value: str
) -> None:
    """Issue 13, 5: `-p actor=nato` was refused as "not a valid IRI"."""
    query = tmp_path / "which.rq"
    query.write_text(NAMED_PARAMETER.replace("CLASS", "class: kgd:Actor,"), "utf-8")
    code, out, err = run(data_dir, "query", str(query), "-p", f"thing={value}", "-f", "csv")
    assert code == 0, err
    assert out.splitlines() == ["_thing", f"{BASE}id/actor/nato"]


def test_a_named_query_by_its_name_takes_names(data_dir: Path) -> None:
    by_iri = run(data_dir, "query", "claims-about-an-actor", "-p", f"actor={BASE}id/actor/russia")
    assert by_iri[0] == 0 and "(1 row)" not in by_iri[1] and "russia" in by_iri[1]
    for value in ("russia", "Russia", "Moscow"):  # the metonym: an actor, not the place
        assert run(data_dir, "query", "claims-about-an-actor", "-p", f"actor={value}") == by_iri
    for value in ("nato", "NATO"):
        code, out, err = run(data_dir, "query", "claims-about-an-actor", "-p", f"actor={value}")
        assert code == 0 and "(0 rows)" in out, err  # NATO is known; no claim mentions it


def test_a_name_that_names_nothing_or_several_things_is_exit_2(
    data_dir: Path, tmp_path: Path
) -> None:
    code, out, err = run(data_dir, "query", "claims-about-an-actor", "-p", "actor=Atlantis")
    assert code == 2 and out == ""
    assert "no actor has this IRI, slug or name" in err and "search page (/search)" in err
    query = tmp_path / "any.rq"
    query.write_text(NAMED_PARAMETER.replace("CLASS", ""), "utf-8")
    code, out, err = run(data_dir, "query", str(query), "-p", "thing=Moscow")
    assert code == 2 and "2 things have this name" in err
    assert f"{BASE}id/actor/russia  (Russia)" in err and f"{BASE}id/place/moscow  (Moscow)" in err


@pytest.mark.parametrize("fmt", ["trig", "nquads"])
def test_export_round_trips_into_an_empty_store(data_dir: Path, fmt: str) -> None:
    code, out, _ = run(data_dir, "export", "--format", fmt)
    assert code == 0
    copy = ox.Store()
    copy.load(out.encode(), format=ox.RdfFormat.TRIG if fmt == "trig" else ox.RdfFormat.N_QUADS)
    code, stats, _ = run(data_dir, "stats", "--json")
    assert len(copy) == json.loads(stats)["triples"]


def test_restore_a_dump_into_an_empty_store(data_dir: Path, tmp_path: Path) -> None:
    code, out, _ = run(data_dir, "export", "--format", "nquads")
    dump = tmp_path / "dataset.nq"
    dump.write_text(out, "utf-8")
    copy = tmp_path / "copy"
    code, _, err = run(copy, "restore", str(dump))
    assert code == 0, err
    assert json.loads(run(copy, "stats", "--json")[1]) == json.loads(
        run(data_dir, "stats", "--json")[1]
    )
    code, _, err = run(copy, "restore", str(dump))
    assert code == 2 and "empty store" in err


def test_restore_of_a_broken_dump_leaves_nothing(data_dir: Path, tmp_path: Path) -> None:
    code, out, _ = run(data_dir, "export", "--format", "nquads")
    dump = tmp_path / "broken.nq"
    dump.write_text(out + "<http://x> <http://y> .\n", "utf-8")
    copy = tmp_path / "copy"
    code, _, err = run(copy, "restore", str(dump))
    assert code == 2 and "not valid" in err
    assert json.loads(run(copy, "stats", "--json")[1])["triples"] == 0


# The CLI in a process that may write files of at most LIMIT bytes: a dump fails part-way.
UNDER_A_FILE_SIZE_LIMIT = """
import resource, signal, sys
limit = int(sys.argv.pop(1))
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG instead
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
from kgdebate.cli import cli
cli(prog_name="kgdebate")
"""


@pytest.mark.parametrize("previous", [None, b"a previous dump\n"])
def test_a_dump_cut_by_an_error_leaves_the_previous_file(
    data_dir: Path, tmp_path: Path, previous: bytes | None
) -> None:
    whole = run(data_dir, "export", "--format", "nquads")[1].encode()
    limit = len(whole) // 2
    target = tmp_path / "dataset.nq"
    if previous is not None:
        target.write_bytes(previous)
    command = [sys.executable, "-c", UNDER_A_FILE_SIZE_LIMIT, str(limit), "--data-dir"]
    command += [str(data_dir), "export", "--format", "nquads", "-o", str(target)]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    failed = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)
    assert failed.returncode == 2, failed.stderr
    assert f"cannot write {target}" in failed.stderr and "Traceback" not in failed.stderr
    assert sorted(tmp_path.iterdir()) == ([target] if previous else [])  # no temporary file
    if previous is not None:
        assert target.read_bytes() == previous
    target.unlink(missing_ok=True)
    code, _, err = run(data_dir, "export", "--format", "nquads", "-o", str(target))
    assert code == 0, err
    assert target.read_bytes() == whole and stat.S_IMODE(target.stat().st_mode) == 0o644


def test_export_one_graph(data_dir: Path) -> None:
    graph = "https://w3id.org/kgdebate/graph/reference"
    code, out, _ = run(data_dir, "export", "--format", "turtle", "--graph", graph)
    assert code == 0 and "kgdebate/id/actor/ukraine" in out
    code, _, err = run(data_dir, "export", "--format", "turtle")
    assert code == 2 and "--graph" in err


def test_serve_on_a_busy_port_says_so_and_exits_2(data_dir: Path) -> None:
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        code, _, err = run(data_dir, "serve", "--port", str(port))
        assert code == 2, err
        assert f"cannot listen on 127.0.0.1:{port}" in err and "--port" in err
        code, _, err = run(data_dir, "curate", "--port", str(port), str(SEED))
        assert code == 2 and f"127.0.0.1:{port}" in err, err


def test_curate_on_a_text_says_to_extract_it_first(data_dir: Path, tmp_path: Path) -> None:
    text = tmp_path / "talks.txt"
    text.write_text("Talks\n\nA paragraph: with a colon.\n", "utf-8")
    code, _, err = run(data_dir, "curate", str(text))
    assert code == 2
    assert f"kgdebate extract {text}" in err and f"kgdebate curate {tmp_path / 'talks.yaml'}" in err


def test_an_ingest_that_stores_nothing_publishes_no_generation(data_dir: Path) -> None:
    """Servers switch to each new generation and the named queries are answered again for it:
    a run that refused every file changed nothing, so it publishes nothing."""
    from kgdebate.generation import current

    before = current(data_dir).number
    code, _, err = run(data_dir, "ingest", str(INVALID[0]))
    assert code != 0 and "refused" in err
    assert current(data_dir).number == before


def test_an_unknown_parameter_is_named_with_the_query_s_own(data_dir: Path) -> None:
    code, _, err = run(data_dir, "query", "claims-about-an-actor", "-p", "actr=NATO")
    assert code == 2 and "unknown parameter(s): actr" in err and "its parameters: actor" in err
