"""Query workers without a network: defence in depth behind the query guard (security.md 3b).

The guard refuses every SERVICE call it cannot prove allowlisted, but it is a reader of SPARQL, and
the engine is another. So a worker that evaluates user queries first moves itself into a network
namespace of its own, where no interface is up: even a query the guard misread cannot open a
connection (``connect`` fails with "Network is unreachable"). Federated queries do not need the
workers' network: their SERVICE blocks are answered by :mod:`kgdebate.federation` in the calling
process, which only ever calls allowlisted endpoints.

``unshare(CLONE_NEWNET)`` needs CAP_SYS_ADMIN; without it (a normal user) a new *user* namespace
gives that capability, where the kernel allows unprivileged user namespaces (Debian does). File
access is unchanged: the kernel checks the process's real credentials. Both must be called while
the process has a single thread, so a worker calls :func:`isolate_network` first thing.
"""

from __future__ import annotations

import ctypes
import os
import subprocess
import sys

CLONE_NEWUSER = 0x10000000
CLONE_NEWNET = 0x40000000


def isolate_network() -> str | None:
    """Cut this process off every network; None when done, else why it could not be done."""
    if not sys.platform.startswith("linux"):
        return f"network namespaces are a Linux feature; this is {sys.platform}"
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.unshare(CLONE_NEWNET) == 0:
        return None
    if libc.unshare(CLONE_NEWUSER | CLONE_NEWNET) == 0:
        return None
    return f"unshare(CLONE_NEWNET) failed: {os.strerror(ctypes.get_errno())}"


def probe() -> str | None:
    """Whether a fresh process can isolate itself (None), or why not, without touching this one."""
    done = subprocess.run(
        [sys.executable, "-m", __name__],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    if done.returncode != 0:
        return done.stderr.strip()[-500:] or f"the probe exited with {done.returncode}"
    return done.stdout.strip() or None


if __name__ == "__main__":
    print(isolate_network() or "")
