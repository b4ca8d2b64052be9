"""Writing a file whole or not at all: readers see the old file or the whole new one, never a part.

Below everything that writes files (the curated records, the studio's saves, the data
package and the release), so each writes the same way: beside the target, flushed to disk
(fsync: a crash after the rename must not leave an empty file where the old one was), then
renamed over it. A file replaced keeps its mode; a new one is readable by everyone and
writable by its owner only, as far as the umask allows (tempfile's 0600 would hide a
published file from the web server; a looser umask would let others write a record)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

#: A new file's mode, before the umask: read by all, written by its owner.
NEW_FILE_MODE = 0o644


def _umask() -> int:
    """The process's umask, read where the kernel shows it (Linux): os.umask can only read it
    by setting it, and setting it while the studio's threads write files would give theirs
    a mode masked by 0 (world-writable). Elsewhere, set and restored at once."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except OSError:
        pass
    umask = os.umask(0o022)
    os.umask(umask)
    return umask


def _mode(target: Path) -> int:
    """The mode the file has, or a new file's (NEW_FILE_MODE less the umask)."""
    try:
        return target.stat().st_mode & 0o777
    except FileNotFoundError:
        return NEW_FILE_MODE & ~_umask()


def write_atomic(target: Path, data: bytes, *, make_folder: bool = False) -> None:
    """Write `data` to `target` atomically (see above); with `make_folder`, its folder and
    their parents are made first when missing."""
    if make_folder:
        target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        os.fchmod(fd, _mode(target))
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
