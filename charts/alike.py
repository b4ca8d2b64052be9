"""Reports alike drawn once: a chart's figure follows the points it shows, not how many articles repeat them.

Issue 27: a chart held one marker, one hover and one evidence row per report, so a figure
that 1,000 articles report alike (the synthetic 1000x corpus copies every article) was drawn
1,000 times on one spot and stored 1,000 times, and storing the charts set a full build's
peak memory. Now a point is drawn once with its first report's citation and a count of the
others (its hover says so; every report stays on the Data page).
"""

from __future__ import annotations

import pandas as pd

from data_model.i18n import translator
from data_model.wording import number

#: What makes two reports one point on a chart besides its colour (the chart's group): the
#: same article label, metric, figure (or words) and hedge, the same period, place and
#: speaker. A restatement is drawn as one (review 6, 7): never merged with an independent
#: report.
SAME_POINT = (
    "source_label",
    "metric_id",
    "value",
    "value_to",
    "qualifier",
    "value_low",
    "value_high",
    "unit",
    "label",
    "vague",
    "period_start",
    "period_end",
    "as_of",
    "geography",
    "attribution",
)

#: The column one_per_point adds: how many reports the point stands for (1 for most).
REPORTS = "reports"


def one_per_point(frame: pd.DataFrame, group: str) -> pd.DataFrame:
    """One row per point drawn (its first report, in the frame's order) with REPORTS, how
    many reports of the frame are that point; the frame as it is, with REPORTS 1, when no
    two reports are alike."""
    if frame.empty:
        return frame.assign(**{REPORTS: pd.Series(dtype="int64")})
    columns = [c for c in dict.fromkeys((group, *SAME_POINT)) if c in frame.columns]
    keys = frame[columns].astype(str)  # NaN, NaT and None group alike
    if "restates" in frame.columns:
        keys = keys.assign(_restates=frame["restates"].notna().to_numpy())
    places = keys.groupby(list(keys.columns), sort=False, dropna=False).indices
    firsts = sorted(int(at[0]) for at in places.values())
    count = {int(at[0]): len(at) for at in places.values()}
    return frame.iloc[firsts].assign(**{REPORTS: [count[i] for i in firsts]})


def more_reports(frame: pd.DataFrame) -> int:
    """How many reports the frame's points stand for beyond one each."""
    return int((frame[REPORTS] - 1).sum()) if REPORTS in frame.columns else 0


def more_line(reports: int, lang: str = "en") -> str:
    """A point's hover line for the reports it stands for beyond its first ('' for none)."""
    if reports <= 1:
        return ""
    t = translator(lang)
    said = t.ngettext(
        "and {count} more report, on the Data page.",
        "and {count} more reports, on the Data page.",
        reports - 1,
    )
    return "<br>" + said.format(count=number(reports - 1, lang))


def alike_note(more: int, lang: str = "en") -> str:
    """The takeaway's sentence on reports drawn as one ('' for none)."""
    if not more:
        return ""
    said = translator(lang).ngettext(
        " {count} more report of the same figures is on the Data page: a figure several "
        "articles report alike is drawn once, citing the first.",
        " {count} more reports of the same figures are on the Data page: a figure several "
        "articles report alike is drawn once, citing the first.",
        more,
    )
    return said.format(count=number(more, lang))
