"""Files written whole or not at all, and input files read only when they are what they seem.

The new content goes to a temporary file beside the target (the same file system, so the rename
is atomic), is flushed to disk, and only then replaces the target: a reader sees the old file or
the new one, never a half-written one, and an error on the way leaves the old file as it was.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from kgdebate.errors import InputError

NEW_FILE_MODE = 0o644  # what a text editor gives a new file; mkstemp's own 0600 hides it


@contextmanager
def replacing(target: Path) -> Iterator[BinaryIO]:
    """A binary handle whose content replaces ``target`` when the block ends without error.

    The new file keeps the permissions of the file it replaces (a new one gets 0644).
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        mode = NEW_FILE_MODE
    handle, temporary = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
    )
    try:
        with os.fdopen(handle, "wb") as out:
            yield out
            out.flush()
            os.fchmod(out.fileno(), mode)
            os.fsync(out.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    _sync_folder(target.parent)


def write_atomically(target: Path, content: bytes | str) -> None:
    """Replace ``target`` with ``content`` (text is written as UTF-8), whole or not at all."""
    with replacing(target) as out:
        out.write(content.encode("utf-8") if isinstance(content, str) else content)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable: it is an entry in the folder."""
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def read_plain_file(path: Path, max_bytes: int, what: str) -> bytes:
    """The bytes of ``path`` if it is a regular file and not a symbolic link, at most
    ``max_bytes`` of them; refused otherwise.

    A link is refused before it is opened (``O_NOFOLLOW``), so the refusal can say nothing about
    what it points to: not its size, not its hash, not whether it exists. ``O_NONBLOCK`` keeps a
    named pipe from hanging the read; it is refused as not a regular file.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise InputError(
                f"{path}: the {what} is a symbolic link; links are not followed",
                hint=f"put the {what} itself there, not a link to it",
            ) from None
        raise InputError(f"{path}: cannot read the {what}: {exc.strerror}") from None
    with os.fdopen(fd, "rb") as handle:
        status = os.fstat(handle.fileno())
        if not stat.S_ISREG(status.st_mode):
            raise InputError(f"{path}: the {what} is not a regular file")
        data = handle.read(max_bytes + 1)  # the size read, not the size stat said: files grow
        if len(data) > max_bytes:
            raise InputError(
                f"{path}: the {what} is over {max_bytes} bytes, the limit",
                hint="split it, or raise the limit in the settings (README, Settings)",
            )
        return data
