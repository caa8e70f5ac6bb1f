"""A real Virtuoso Open Source 7 (Debian's virtuoso-opensource) for the tests, started from the
repository's loopback-only configuration (deploy/virtuoso/virtuoso.ini) in a folder of its own,
and stopped (or killed, to test what survives) by its PID."""

from __future__ import annotations

import ctypes
import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

CONFIG = Path(__file__).parents[1] / "deploy" / "virtuoso" / "virtuoso.ini"
BINARY = "virtuoso-t"
PR_SET_PDEATHSIG = 1  # <linux/prctl.h>
USER, PASSWORD = "dba", "dba"  # a new database's administrator, on loopback only


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Virtuoso:
    folder: Path
    http_port: int = field(default_factory=free_port)
    sql_port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | None = None

    @staticmethod
    def installed() -> bool:
        return shutil.which(BINARY) is not None

    @property
    def query_url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}/sparql"

    @property
    def update_url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}/sparql-auth"

    def env(self) -> dict[str, str]:
        """The settings that make kgdebate use this server as its store."""
        return {
            "KGDEBATE_STORE": "sparql",
            "KGDEBATE_STORE_QUERY_URL": self.query_url,
            "KGDEBATE_STORE_UPDATE_URL": self.update_url,
            "KGDEBATE_STORE_USER": USER,
            "KGDEBATE_STORE_PASSWORD": PASSWORD,
        }

    def start(self, within_s: float = 120) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        config = CONFIG.read_text("utf-8")
        values = {"http_port": self.http_port, "sql_port": self.sql_port}
        values |= {"buffers": 20000, "dirty_buffers": 15000}
        for key, value in values.items():
            config = config.replace("{" + key + "}", str(value))
        (self.folder / "virtuoso.ini").write_text(config, "utf-8")
        with (self.folder / "server.log").open("ab") as log:
            self.process = subprocess.Popen(
                [BINARY, "-f", "-c", "virtuoso.ini"],
                cwd=self.folder,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
                preexec_fn=_ends_with_this_process,
            )
        deadline = time.monotonic() + within_s
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"virtuoso-t ended: {self.log_tail()}")
            try:
                with urllib.request.urlopen(self.query_url + "?query=ASK%7B%7D", timeout=2):
                    return
            except OSError:
                time.sleep(0.3)
        raise RuntimeError(f"virtuoso-t did not answer within {within_s} s: {self.log_tail()}")

    def stop(self) -> None:
        """A clean stop: Virtuoso checkpoints on SIGTERM."""
        self._end(signal.SIGTERM)

    def kill(self) -> None:
        """As a crash would: SIGKILL, no checkpoint; the transaction log is replayed at start."""
        self._end(signal.SIGKILL)

    def _end(self, how: signal.Signals) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        os.killpg(self.process.pid, how)
        self.process.wait(timeout=60)

    def log_tail(self) -> str:
        log = self.folder / "virtuoso.log"
        return log.read_text("utf-8", "replace")[-2000:] if log.exists() else ""


def _ends_with_this_process() -> None:
    """In the server's process before it starts: the kernel kills it when the process that
    started it ends (Linux's PR_SET_PDEATHSIG), so a test run that aborts leaves no server."""
    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
