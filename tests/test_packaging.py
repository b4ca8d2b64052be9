"""What an install from a wheel ships: every data file a package reads goes with it."""

from __future__ import annotations

import fnmatch
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _setuptools() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"][
        "setuptools"
    ]


def test_every_data_file_inside_a_package_is_shipped_with_it():
    # A word list or template read from beside a module, left out of package-data, works from
    # a checkout and fails after `pip install` (the drafts stop with a missing file).
    conf = _setuptools()
    shipped = conf.get("package-data", {})
    missing = []
    for package in conf["packages"]:
        folder = ROOT / package.replace(".", "/")
        for path in folder.iterdir():
            if path.is_file() and path.suffix not in (".py", ".pyc"):
                patterns = shipped.get(package, [])
                if not any(fnmatch.fnmatch(path.name, p) for p in patterns):
                    missing.append(str(path.relative_to(ROOT)))
    assert not missing, f"not in pyproject.toml's package-data: {missing}"
