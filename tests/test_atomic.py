"""The one file writer (corpus.atomic): whole or not at all, and with the modes a reader
of a published file and the owner of a record expect."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from corpus.atomic import write_atomic


@pytest.mark.parametrize(
    ("umask", "before", "after"),
    [
        (0o022, None, 0o644),  # new: read by all (a published file), written by its owner
        (0o002, None, 0o644),  # a looser umask lets no one else write it
        (0o077, None, 0o600),  # a stricter one is kept
        (0o022, 0o600, 0o600),  # a file replaced keeps its owner's mode, narrower
        (0o022, 0o664, 0o664),  # or wider
    ],
    ids=["new", "new, umask 002", "new, umask 077", "replaced 0600", "replaced 0664"],
)
def test_a_written_file_has_the_mode_its_owner_expects(tmp_path: Path, umask, before, after):
    target = tmp_path / "records.yaml"
    if before is not None:
        target.write_bytes(b"old")
        target.chmod(before)
    old = os.umask(umask)
    try:
        write_atomic(target, b"new")
    finally:
        os.umask(old)
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == after
    assert [p.name for p in tmp_path.iterdir()] == ["records.yaml"]  # no file left beside it


def test_a_failed_write_leaves_the_old_file_and_nothing_beside_it(tmp_path: Path, monkeypatch):
    target = tmp_path / "sources.yaml"
    target.write_bytes(b"old")

    def full(fd: int) -> None:
        raise OSError("disk full (simulated)")

    monkeypatch.setattr(os, "fsync", full)  # after the data is written, before the rename
    with pytest.raises(OSError, match="simulated"):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["sources.yaml"]


def test_a_folder_is_made_only_when_asked(tmp_path: Path):
    target = tmp_path / "release" / "data" / "sources.csv"
    with pytest.raises(FileNotFoundError):
        write_atomic(target, b"a,b\n")
    write_atomic(target, b"a,b\n", make_folder=True)
    assert target.read_bytes() == b"a,b\n"
