"""User queries run in worker processes, because only killing a process stops a pyoxigraph query.

pyoxigraph has no timeout and ignores signals while it evaluates (design.md §5), so a thread could
never be stopped. Each worker is a fresh interpreter (fork+exec, never a bare fork of the threaded
server) that opens the store read-only itself, a frozen view like the web process's own (about
70 ms for the seed store; a worker is ready about 250 ms after it starts), and answers one
:class:`~kgdebate.query_jobs.Job` at a time over a pipe. At the time limit the request's thread
kills the worker with SIGKILL and starts a replacement; the client gets :class:`QueryTimeout`,
never a partial body. Workers are started as ``python -m kgdebate.query_pool`` rather than
with multiprocessing's spawn, which would re-run the server's ``__main__`` in every worker. When
every worker stays busy past a short wait, :class:`PoolBusy` (503 with Retry-After) sheds load
instead of piling up threads.

A pool belongs to one process: :class:`PoolHolder` creates it on first use in the current process
(so after gunicorn forks its workers) and stops it at exit.
"""

from __future__ import annotations

import atexit
import logging
import os
import queue
import resource
import signal
import socket
import subprocess
import sys
import threading
import time
from collections import deque
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import IO

import pyoxigraph as ox

from kgdebate.generation import current
from kgdebate.query_jobs import Job, Outcome, evaluate
from kgdebate.sandbox import isolate_network

_log = logging.getLogger(__name__)
_STARTUP_TIMEOUT_S = 30.0
"""A new worker must have opened the store within this time (it is not part of a query's limit)."""
_READY = "ready"


class QueryTimeout(Exception):
    """The query ran past the time limit; its worker was killed."""


class PoolBusy(Exception):
    """Every worker stayed busy for longer than the queue wait."""


class WorkerLost(Exception):
    """The worker died or could not start (it has been replaced)."""


class QueryOutOfMemory(WorkerLost):
    """The worker ran out of its memory cap during the query (it has been replaced)."""


class EngineCrashed(WorkerLost):
    """The engine itself failed on the query (a Rust panic or a signal; it has been replaced).

    pyoxigraph 0.5.13 aborts, for example, on ``SELECT ?o { ?s <http://e/p>* ?o
    FILTER(isLiteral(?o)) } ORDER BY ?o`` over the seed store ("comparison function does not
    correctly implement a total order"): a defect of the engine that no guard can foresee.
    """


@dataclass(eq=False)  # workers are compared by identity (kept in a set)
class _Worker:
    process: subprocess.Popen[bytes]
    conn: Connection
    last_words: _LastWords
    ready: bool = False
    isolated: bool = False
    """Whether the worker runs without a network (:mod:`kgdebate.sandbox`)."""


class QueryPool:
    """``size`` worker processes over the store at ``store_path``."""

    def __init__(
        self, store_path: Path, size: int, timeout_s: float, wait_s: float, memory_mb: int = 0
    ) -> None:
        self.pid = os.getpid()
        self._store_path = store_path
        self._memory_mb = memory_mb
        self._timeout_s = timeout_s
        self._wait_s = wait_s
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._lock = threading.Lock()
        self._workers: set[_Worker] = set()
        self._stopped = False
        self._warned = False
        for _ in range(max(1, size)):
            self._idle.put(self._start())

    def run(self, job: Job) -> Outcome:
        """Evaluate ``job`` in a worker within the time limit."""
        try:
            worker = self._idle.get(timeout=self._wait_s)
        except queue.Empty:
            raise PoolBusy from None
        try:
            self._wait_ready(worker)
            worker.conn.send(job)
            if not worker.conn.poll(self._timeout_s):
                raise QueryTimeout
            outcome: Outcome = worker.conn.recv()
        except QueryTimeout:
            self._replace(worker)
            raise
        except (EOFError, OSError):
            lost = _why_lost(worker)
            self._replace(worker)
            raise lost from None
        self._idle.put(worker)
        return outcome

    def stop(self) -> None:
        """Kill every worker (idle or busy); later calls to :meth:`run` fail with WorkerLost."""
        with self._lock:
            self._stopped = True
            workers, self._workers = set(self._workers), set()
        for worker in workers:
            _kill(worker)
        atexit.unregister(self.stop)

    def isolated(self) -> bool:
        """Whether every worker that has started so far runs without a network."""
        with self._lock:
            return all(worker.isolated for worker in self._workers if worker.ready)

    def worker_pids(self) -> list[int]:
        """The live workers' process ids (for tests and diagnostics)."""
        with self._lock:
            return [w.process.pid for w in self._workers]

    def _start(self) -> _Worker:
        parent, child = socket.socketpair()
        command = [sys.executable, "-m", __name__, str(child.fileno()), str(self._store_path)]
        command.append(str(self._memory_mb))
        env = {**os.environ, "RUST_BACKTRACE": "0"}  # a query at the memory cap logs one line
        process = subprocess.Popen(
            command,
            pass_fds=[child.fileno()],
            stdin=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env=env,
        )
        child.close()  # the worker holds the other end; EOF then means it died
        assert process.stderr is not None
        worker = _Worker(process, Connection(parent.detach()), _LastWords(process.stderr))
        with self._lock:
            stopped = self._stopped
            if not stopped:
                self._workers.add(worker)
        if stopped:
            _kill(worker)
        return worker

    def _wait_ready(self, worker: _Worker) -> None:
        if worker.ready:
            return
        if not worker.conn.poll(_STARTUP_TIMEOUT_S):
            raise EOFError
        ready, isolated = worker.conn.recv()
        if ready != _READY:
            raise EOFError
        worker.ready = True
        worker.isolated = isolated
        if not isolated and not self._warned:
            self._warned = True
            _log.warning("query workers run WITH network access: see README, Running in public")

    def _replace(self, worker: _Worker) -> None:
        with self._lock:
            self._workers.discard(worker)
            stopped = self._stopped
        _kill(worker)
        if not stopped:
            self._idle.put(self._start())


class _LastWords:
    """A worker's standard error, passed on to ours, its last lines kept to tell why it died."""

    def __init__(self, stream: IO[bytes]) -> None:
        self.lines: deque[str] = deque(maxlen=20)
        self._stream = stream
        self._thread = threading.Thread(target=self._read, args=(stream,), daemon=True)
        self._thread.start()

    def _read(self, stream: IO[bytes]) -> None:
        for raw in stream:
            line = raw.decode("utf-8", "replace")
            self.lines.append(line)
            sys.stderr.write(line)

    def after_exit(self) -> str:
        self._thread.join(timeout=2)  # the pipe ends when the process does
        return "".join(self.lines)

    def close(self) -> None:
        self._thread.join(timeout=2)
        self._stream.close()


def _why_lost(worker: _Worker) -> WorkerLost:
    """What killed the worker: Rust aborts both when an allocation fails at the memory cap and
    on a panic, and says which on standard error before it does."""
    try:
        worker.process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        return WorkerLost()
    said = worker.last_words.after_exit()
    if "memory allocation of" in said:
        return QueryOutOfMemory()
    if "panicked at" in said or worker.process.returncode in (-signal.SIGSEGV, -signal.SIGABRT):
        return EngineCrashed(said[-500:])
    return WorkerLost()


def _kill(worker: _Worker) -> None:
    worker.process.kill()  # SIGKILL: the only stop a running query obeys
    worker.process.wait(timeout=5)
    worker.conn.close()
    worker.last_words.close()


class PoolHolder:
    """The current process's pool, created on first use; a forked child makes its own."""

    def __init__(
        self, store_path: Path, size: int, timeout_s: float, wait_s: float, memory_mb: int = 0
    ) -> None:
        self._args = (store_path, size, timeout_s, wait_s, memory_mb)
        self._lock = threading.Lock()
        self._pool: QueryPool | None = None

    def get(self) -> QueryPool:
        with self._lock:
            if self._pool is None or self._pool.pid != os.getpid():
                # A pool inherited through fork belongs to the parent: never touch its workers.
                self._pool = QueryPool(*self._args)
                atexit.register(self._pool.stop)
            return self._pool

    def stop(self) -> None:
        with self._lock:
            if self._pool is not None and self._pool.pid == os.getpid():
                self._pool.stop()
            self._pool = None


def _serve(fd: int, store_path: str, memory_mb: int) -> None:
    """A worker's life: leave the network, open the store, then answer jobs until the pipe
    closes."""
    isolated = isolate_network() is None  # first: it needs a process with one thread
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the server; it stops us
    if memory_mb > 0:  # the heap (RLIMIT_DATA), not the address space RocksDB maps files into
        cap = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_DATA, (cap, cap))
    threading.Thread(target=_exit_with_parent, args=(os.getppid(),), daemon=True).start()
    conn = Connection(fd)
    published = current(Path(store_path))  # read first: the store is at least this new
    generation = published.number
    store = ox.Store.read_only(str(published.readable(Path(store_path))))
    conn.send((_READY, isolated))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job.generation > generation:  # a newer generation was published: a fresh view
            published = current(Path(store_path))
            generation = max(job.generation, published.number)
            store = ox.Store.read_only(str(published.readable(Path(store_path))))
        try:
            outcome = evaluate(store, job)
        except Exception:  # noqa: BLE001 - one odd query must not cost the worker
            outcome = Outcome("failed")
        conn.send(outcome)


def _exit_with_parent(parent_pid: int) -> None:
    # A SIGKILLed server cannot stop its workers; they notice the orphaning and leave. The engine
    # releases the GIL while it evaluates, so this thread runs even during a long query.
    while os.getppid() == parent_pid:
        time.sleep(1.0)
    os._exit(0)


if __name__ == "__main__":
    _serve(int(sys.argv[1]), sys.argv[2], int(sys.argv[3]))
