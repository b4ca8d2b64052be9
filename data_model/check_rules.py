"""The consistency checks' knobs and their rule text (RULES), as the Data checks page shows them.

Data, not logic: etl.consistency runs the checks; which metrics they compare, sum and bound is
curated in seeds/curated/checks.yaml (records.CheckRule), listed in the codebook.
"""

from __future__ import annotations

from data_model.qualifiers import APPROX_TOLERANCE

#: Percentage points either side of a share computed from counts, on top of the hedges of
#: the counts and of the reported share. Articles round shares to words ("roughly half"),
#: so a computed 46% must still agree with a reported "half".
SHARE_TOLERANCE_PP = 5.0

#: Phase coverage only counts national figures: a provincial count says nothing of the total.
NATIONAL = "national"

#: Policy statuses that say something happened, and so need a passage saying it did.
STATUSES_NEEDING_EVIDENCE: tuple[str, ...] = ("announced", "in_effect", "dismissed")

RULES = f"""\
### How the figures are checked

Every figure has a range from its hedge (exactly, about = ±{APPROX_TOLERANCE:.0%}, more than,
at least, fewer than, at most); an open end means the article sets no limit. Ends are compared
inclusively, so "more than 17,800" and "17,800" agree: articles round. Each check is **pass**,
**warn** (cannot be decided, usually because a range is open, or worth a look) or **fail**
(certainly inconsistent).

**A figure's period.** Its reference date is `period_end`, else `as_of`. A figure with no
stated start is grouped only with others that have no stated start, except for the cumulative
counts (the `cumulative` rules of `checks.yaml`), whose unstated start is read as the campaign
launch (the first phase's start date); the detail says when a start was read in.

**Corroboration.** Figures of the same metric, geography, start and reference date from two or
more articles agree (pass) when their ranges overlap and conflict (fail) when they do not.

**Cumulative order.** Cumulative counts of one metric and geography that start on the same day
(stated, or read as the launch) form a series. Each figure is compared with the highest lower
bound among the series' figures with an earlier reference date: certainly below it is a fail,
possibly below it (its range reaches lower) a warn, otherwise a pass.

**Arithmetic.** Within one article and geography, figures match a total's figure when
they have the same reference date and the same start (or one start is not stated). Which
metrics are summed (`sum`: equal to the total when `exhaustive`, else at most it), set against
a reported share (`share`: the computed range widened by {SHARE_TOLERANCE_PP:g} percentage points
either side, beyond the hedges) or bounded by share x total (`share_bound`: above it by more
than {SHARE_TOLERANCE_PP:g} points is a warn stating the implied share, above its upper bound a
fail) is curated in `seeds/curated/checks.yaml`, each rule with its words (CODEBOOK.md, kind
`checks`); a new check between two metrics is one more entry there.

Sums and ratios use the ends of the ranges (interval arithmetic); counts get no further
tolerance, so exact figures that do not add up fail. An equality whose ranges overlap is a
warn if any count in it has an open end; an "at most" that neither certainly holds nor
certainly fails is a warn when the part has no upper end or the total no lower end, and a
pass (within the hedges) otherwise.

**Independent reports only.** A figure marked as restating another (`restates`) is the same
fact told again: it is checked against the figure it restates (kind restatement: pass when
the ranges agree, fail when they cannot) and left out of every other check, so it never counts
as corroboration, never breaks a series, and never covers a phase. A vague amount
("thousands") has no number and is in no check.

**Gaps** (warn). A phase with no national figure of a `phase_coverage` metric (total arrests)
whose period lies in it (its
reference date in the phase, and its start, stated or read in, not before the phase's start: a
figure that spans phases is named but does not cover them); a metric reported by one article
only (or once only); a metric with no figure at all. Covered phases and metrics reported
independently by two or more articles are listed as pass.

**Statuses** (fail). A proposal whose status says it happened (announced, in effect,
dismissed) must cite a passage saying so (`status_citations`); in effect also needs the date
it was last reported so (`status_as_of`).

**Contested claims** (warn). Claims a curator has linked as contradicting each other
(`contested`) are listed with their words, so that neither is shown as settled.
"""
