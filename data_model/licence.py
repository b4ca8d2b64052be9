"""The licences of the code and of the curated data, stated once for the package, API and README."""

from __future__ import annotations

CODE_LICENCE = "MIT"

DATA_LICENCE_NAME = "CC-BY-4.0"
DATA_LICENCE_TITLE = "Creative Commons Attribution 4.0 International"
DATA_LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"

#: What the data licence covers and what it does not; LICENSE-DATA.md says the same at length.
DATA_LICENCE_SCOPE = (
    f"The curated records (identifiers, codes, classifications, figures as transcribed, bounds, "
    f"dates, notes, translations and the corrections log) are licensed under "
    f"{DATA_LICENCE_TITLE} ({DATA_LICENCE_NAME}, {DATA_LICENCE_URL}). The licence does not "
    "cover the words quoted from the articles or the articles' text: they remain their "
    "publishers', and are quoted so that every record can be checked against its source."
)
