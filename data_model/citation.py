"""How to cite the data set: one wording for the package, the API, the release and every page
(the pages in the reader's language; the data set's title stays as published)."""

from __future__ import annotations

from data_model.i18n import SOURCE_LANGUAGE, translator
from data_model.licence import DATA_LICENCE_NAME
from data_model.wording import PROJECT

TITLE = "Cambodia's anti-drug campaign: figures, statements and policies from news reports"


def data_citation(
    version: str | None, built: str | None, url: str | None = None, lang: str = SOURCE_LANGUAGE
) -> str:
    """The data set's citation, naming its version (or, for a file built before versions,
    its build date) and where to find it; in Khmer with Khmer digits and dates, the title
    and the version (an id) as published."""
    t = translator(lang)
    english = lang == SOURCE_LANGUAGE
    year = (version or built or "")[:4]
    year = t.digits(year) if year else t.gettext("n.d.")
    parts = [t.gettext("version {version}").format(version=version)] if version else []
    if built:
        parts.append(t.gettext("built {day}").format(day=built if english else t.date(built)))
    which = ", ".join(parts) or t.gettext("built on an unknown date")
    where = f" {url}" if url else ""
    return t.gettext("{project} ({year}). {title} ({which}) [data set]. {licence}.{where}").format(
        project=t.gettext(PROJECT),
        year=year,
        title=TITLE,
        which=which,
        licence=DATA_LICENCE_NAME,
        where=where,
    )
