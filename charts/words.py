"""A chart's words in one language: the data's labels (label_km) and hedged figures, at build time.

Why the build, not the server: a chart's words live inside its figure (title, axis titles,
legend, point labels, phase names, the marker key) and inside the SVG and PNG drawn from it,
and no server redraws a chart. So the build makes every chart once per language
(data_model.i18n.LANGUAGES) from the gettext catalogue (locales/) and the curated labels
(label_km), stores each language's row in chart_parts and its images in chart_images, and a
page with ?lang=km reads the Khmer row. A label with no translation stays English, never blank.
"""

from __future__ import annotations

import pandas as pd

from data_model.check_rules import NATIONAL
from data_model.i18n import SOURCE_LANGUAGE, Translator, translator
from data_model.wording import hedged_label, unit_words, vague_label


def _picked(t: Translator, english: pd.Series, khmer: pd.Series | None) -> list[str]:
    if khmer is None:
        return [str(e) for e in english]
    return [
        t.pick(str(e), k if isinstance(k, str) else None)
        for e, k in zip(english, khmer, strict=True)
    ]


def _upper(row: object) -> float | None:
    """A range's upper end (value_to), where the figures carry one."""
    value_to = getattr(row, "value_to", None)
    return None if value_to is None or pd.isna(value_to) else float(value_to)


def localised_figures(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The figures with their printed label (hedge and number), metric label and article
    label (the date in `lang`, source_label_km) in `lang` (metric_label_km, which the figures
    carry, so a chart reads no more than its figures); the frame as it is in English."""
    if lang == SOURCE_LANGUAGE or frame.empty:
        return frame
    t = translator(lang)
    labels = [
        hedged_label(r.value, r.qualifier, unit_words(r), lang, _upper(r))
        if pd.notna(r.value)
        else vague_label(str(r.vague), lang)
        if isinstance(r.vague, str)
        else str(r.label)
        for r in frame.itertuples()
    ]
    frame = frame.assign(
        label=labels,
        metric_label=_picked(t, frame["metric_label"], frame.get("metric_label_km")),
    )
    # The article by its Khmer date in legends and source lines (sources.short_label_km,
    # citation_km), its title as published.
    for column in ("source_label", "source_citation"):
        if column in frame.columns:
            frame = frame.assign(**{column: _picked(t, frame[column], frame.get(f"{column}_km"))})
    return frame


def localised_events(events: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The events with their titles (title_km) and articles' citations (citation_km) in
    `lang` where there is one."""
    if lang == SOURCE_LANGUAGE or "title_km" not in events.columns:
        return events
    t = translator(lang)
    return events.assign(
        title=_picked(t, events["title"], events["title_km"]),
        source_citation=_picked(t, events["source_citation"], events.get("source_citation_km")),
    )


def localised_phases(phases: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The phases with their names in `lang` (label_km where there is one)."""
    if lang == SOURCE_LANGUAGE or "label_km" not in phases.columns:
        return phases
    return phases.assign(name=_picked(translator(lang), phases["name"], phases["label_km"]))


def metric_labels(metrics: pd.DataFrame, lang: str) -> dict[str, str]:
    """metric_id -> its label in `lang`."""
    t = translator(lang)
    return dict(
        zip(
            metrics["metric_id"],
            _picked(t, metrics["label"], metrics.get("label_km", None)),
            strict=True,
        )
    )


def of_the_country(frame: pd.DataFrame) -> pd.Series:
    """Which figures to compare: a province's count is not the country's, so where a metric
    has national figures only those; a metric reported only for one area keeps its own."""
    if "geography" not in frame.columns:
        return pd.Series(True, index=frame.index)
    country = frame["geography"].fillna(NATIONAL).eq(NATIONAL)
    return country | ~country.groupby(frame["metric_id"]).transform("any")
