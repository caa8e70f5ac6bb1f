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
import os
import queue
import resource
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path

import pyoxigraph as ox

from kgdebate.query_jobs import Job, Outcome, evaluate
from kgdebate.sandbox import isolate_network

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


@dataclass(eq=False)  # workers are compared by identity (kept in a set)
class _Worker:
    process: subprocess.Popen[bytes]
    conn: Connection
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
            aborted = _aborted(worker)
            self._replace(worker)
            raise (QueryOutOfMemory if aborted else WorkerLost) from None
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
            command, pass_fds=[child.fileno()], stdin=subprocess.DEVNULL, env=env
        )
        child.close()  # the worker holds the other end; EOF then means it died
        worker = _Worker(process, Connection(parent.detach()))
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

    def _replace(self, worker: _Worker) -> None:
        with self._lock:
            self._workers.discard(worker)
            stopped = self._stopped
        _kill(worker)
        if not stopped:
            self._idle.put(self._start())


def _aborted(worker: _Worker) -> bool:
    """Whether the worker died of SIGABRT: what Rust does when an allocation fails at the cap."""
    try:
        return worker.process.wait(timeout=5) == -signal.SIGABRT
    except subprocess.TimeoutExpired:
        return False


def _kill(worker: _Worker) -> None:
    worker.process.kill()  # SIGKILL: the only stop a running query obeys
    worker.process.wait(timeout=5)
    worker.conn.close()


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
    store = ox.Store.read_only(store_path)
    conn.send((_READY, isolated))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
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
