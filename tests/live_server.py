"""The real server for tests: ``kgdebate serve`` on a free port of 127.0.0.1, over a snapshot."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

LOCAL = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((LOCAL, 0))
        port: int = probe.getsockname()[1]
        return port


def fetch(url: str, timeout: float = 10) -> tuple[int, bytes]:
    """Status and body of a GET, error statuses included."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        with exc:
            return exc.code, exc.read()


class LiveServer:
    """Started as `make run` starts it, in its own process group so that stopping it ends all."""

    def __init__(self, store: Path, log: Path, **settings: str) -> None:
        self.store = store
        self.log = log
        self.port = free_port()
        self.base_url = f"http://{LOCAL}:{self.port}/"
        env = {**os.environ, "KGDEBATE_PUBLIC_URL": self.base_url, "KGDEBATE_HOST": LOCAL}
        env.update({f"KGDEBATE_{name.upper()}": value for name, value in settings.items()})
        command = [str(Path(sys.executable).with_name("kgdebate")), "--data-dir", str(store)]
        with log.open("wb") as out:
            self.process = subprocess.Popen(
                [*command, "serve", "--port", str(self.port)],
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def wait_until_answering(self, timeout_s: float = 60) -> None:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:  # bounded; a static file answers without the store
            if self.process.poll() is not None:
                raise AssertionError(f"the server exited: {self.log_text()[-2000:]}")
            try:
                if fetch(self.base_url + "static/kgdebate.css", timeout=2)[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.1)
        raise AssertionError(f"the server did not answer within {timeout_s:.0f} s")

    def stop(self) -> None:
        """SIGTERM to the server alone, as an operator would: it must end what it started."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)

    def kill_leftovers(self) -> None:
        """SIGKILL anything of the server's process group still alive (after the checks)."""
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass

    def log_text(self) -> str:
        return self.log.read_text("utf-8", errors="replace")

    @contextmanager
    def serving(self) -> Iterator[LiveServer]:
        """Answering inside the block; stopped, and nothing of it left, after it."""
        try:
            self.wait_until_answering()
            yield self
        finally:
            self.stop()
            self.kill_leftovers()
