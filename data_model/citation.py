"""How to cite the data set: one wording for the package, the API, the release and every page."""

from __future__ import annotations

from data_model.licence import DATA_LICENCE_NAME
from data_model.wording import PROJECT

TITLE = "Cambodia's anti-drug campaign: figures, statements and policies from news reports"


def data_citation(version: str | None, built: str | None, url: str | None = None) -> str:
    """The data set's citation, naming its version (or, for a file built before versions,
    its build date) and where to find it."""
    year = (version or built or "")[:4] or "n.d."
    which = (
        ", ".join([f"version {version}"] * bool(version) + [f"built {built}"] * bool(built))
        or "built on an unknown date"
    )
    where = f" {url}" if url else ""
    return f"{PROJECT} ({year}). {TITLE} ({which}) [data set]. {DATA_LICENCE_NAME}.{where}"
