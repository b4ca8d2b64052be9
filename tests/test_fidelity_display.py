"""Words signed by a person are that person's words: every statement, position and proposal
as the pages render them, checked against the article (review 19, 20, 24)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pandas as pd
import pytest

from api.metadata import BASE
from corpus.quotes import BodyIndex, quoted_spans, within_quotation
from database import queries
from database.connection import Reader
from database.downloads import DOWNLOAD_TABLES, rows
from monitor import figure_texts, finding, policy_texts
from monitor import texts as views

# A blockquote and the signature line that closes it: "> words\n>\n> — Name, role…".
_SIGNED = re.compile(r"((?:^> (?!— ).*\n)+)>\n> — ([^,\n(]+)", re.MULTILINE)


@pytest.fixture(scope="module")
def db(seed_db: Path):
    with Reader(seed_db) as reader:
        yield reader


def _shown(markdown: str) -> str:
    # What a reader sees: data is escaped for Markdown (data_model.safe_text), so drop the
    # backslashes and the invisible word joiners that keep it from becoming markup.
    return re.sub(r"\\(.)", r"\1", markdown).replace("\u2060", "")


def _signed(markdown: str) -> list[tuple[str, str]]:
    """(words, signer) of every signed blockquote in a rendered text, as a reader sees them."""
    return [
        (_shown(" ".join(line[2:] for line in block.splitlines())), _shown(signer.strip()))
        for block, signer in _SIGNED.findall(markdown + "\n")
    ]


def _direct_in_article(db: Reader, source_id: str, words: str) -> bool:
    body = queries.source_body(db, source_id) or ""
    span = BodyIndex(body).locate(words)
    return span is not None and within_quotation(span, quoted_spans(body))


def _expected_signer(row) -> str:
    relayer = row.relayed_by_name
    return relayer if isinstance(relayer, str) else row.actor_name


@pytest.mark.parametrize("table", ["statements", "positions"])
def test_every_signed_quote_is_the_signers_own_words(db: Reader, table: str):
    frame = queries.statements(db) if table == "statements" else queries.policy_positions(db)
    assert not frame.empty
    for row in frame.itertuples():
        if table == "statements":
            rendered = views.statement_markdown(row)
        else:
            who = views.speaker_text(row.actor_name, row.actor_role, row.organisation)
            rendered = views.attributed_words(row.quote, row.kind, who, row.relayed_by_name)
        signed = _signed(rendered)
        if row.kind != "direct":
            assert signed == [], f"a paraphrase is shown as signed words: {rendered}"
            continue
        assert len(signed) == 1, rendered
        words, signer = signed[0]
        assert signer.startswith(_expected_signer(row)), rendered
        assert _direct_in_article(db, row.source_id, words), rendered


def test_review_19_koeut_rith_is_never_signed_with_sar_khengs_words(db: Reader):
    frame = queries.policy_positions(db)
    relayed = frame[frame["relayed_by_name"].notna()]
    assert not relayed.empty
    for row in relayed.itertuples():
        who = views.speaker_text(row.actor_name, row.actor_role, row.organisation)
        rendered = views.attributed_words(row.quote, row.kind, who, row.relayed_by_name)
        assert f"according to {row.relayed_by_name}" in rendered
        assert all(signer != row.actor_name for _, signer in _signed(rendered))


def test_the_policies_page_text_signs_only_direct_words(db: Reader):
    positions = queries.policy_positions(db)
    text = "\n\n".join(
        finding.proposal_markdown(p)
        + "\n\n"
        + finding.positions_words(positions[positions["policy_id"] == p.policy_id])
        for p in queries.policies(db).itertuples()
    )
    # The proposal's own passage is signed by the article ("as reported in …"), not a person.
    signers = {s for _, s in _signed(text) if not s.startswith("as reported in")}
    direct = positions[positions["kind"] == "direct"]
    allowed = {_expected_signer(r) for r in direct.itertuples()}
    assert signers <= allowed, signers - allowed


def test_the_data_package_readme_carries_the_methodology(db: Reader):
    from exports.package import package_files

    readme = package_files(db)["README.md"].decode("utf-8")
    assert "## Methodology" in readme
    for rule in ("Vague words", "Restatements", "Coverage", "Contested claims"):
        assert f"### {rule}" in readme, rule


def test_profiles_and_sources_sign_only_direct_words(db: Reader):
    positions = queries.policy_positions(db)
    direct = positions[positions["kind"] == "direct"]
    allowed = {_expected_signer(r) for r in direct.itertuples()}
    signers = {s for _, s in _signed(policy_texts.positions_markdown(positions))}
    assert signers <= allowed, signers - allowed


def test_chart_evidence_is_signed_by_the_article_not_a_speaker(db: Reader):
    from charts.catalogue import catalogue
    from charts.frames import ReaderFrames

    frames = ReaderFrames(db)
    for spec in catalogue(frames).charts.values():
        text = figure_texts.evidence_markdown(spec.build(frames).evidence)
        assert all(signer.startswith("[") for _, signer in _signed(text)), spec.chart_id


def test_review_44_47_a_bounded_event_is_drawn_across_its_range_only(db: Reader):
    from charts.campaign import _span

    events = queries.events(db)
    bounded = events[events["event_date_end"].notna()]
    assert not bounded.empty
    for r in bounded.itertuples():
        start, end = _span(r)
        assert start == r.event_date and end == r.event_date_end + dt.timedelta(days=1)


# Tables whose rows are someone's words: their records carry who relayed them.
SPOKEN = [n for n in DOWNLOAD_TABLES if "relayed_by" in BASE[n].column_names]


def test_statements_and_positions_are_the_spoken_tables():
    assert {"statements", "positions"} <= set(SPOKEN)


@pytest.mark.parametrize("name", SPOKEN)
def test_every_download_of_a_persons_words_says_how_they_were_said(db: Reader, name: str):
    """A CSV row holding someone's words carries whether they are direct or the article's
    paraphrase, and who relayed them: an analyst's spreadsheet must not turn a paraphrase or
    a relayed account into the person's own words (review 19, 20)."""
    frame = rows(db, name)
    assert {"quote", "kind", "relayed_by", "relayed_by_name"} <= set(frame.columns), name
    relayed = frame[frame["relayed_by"].notna()]
    assert not relayed.empty and relayed["relayed_by_name"].notna().all(), name


def test_review_19_who_stands_where_says_a_position_is_second_hand(db: Reader):
    """The Policies table names a relayed position with whoever passed it on, as the
    proposal's own text does: "Koeut Rith (according to Sar Kheng)"."""
    summaries = queries.policy_summaries(db, 1, 10_000).set_index("policy_id")
    positions = queries.policy_positions(db)
    relayed = positions[positions["relayed_by_name"].notna()]
    assert not relayed.empty
    column = {"supports": "for_names", "opposes": "against_names", "mixed": "mixed_names"}
    for r in relayed.itertuples():
        names = summaries.loc[r.policy_id, column[r.position]]
        assert f"{r.actor_name} (according to {r.relayed_by_name})" in names, names


class _WithoutRestatements:
    """The same chart data with every restating figure left out."""

    def __init__(self, reader: Reader) -> None:
        from charts.frames import ReaderFrames

        self.frames = ReaderFrames(reader)

    def indicators(self, *, metric_ids=()):
        frame = self.frames.indicators(metric_ids=metric_ids)
        return frame[frame["restates"].isna()]

    def __getattr__(self, name: str):
        return getattr(self.frames, name)


def test_review_6_7_chart_takeaways_count_independent_reports_only(db: Reader):
    """A restatement is drawn and linked, but a takeaway says what the independent reports say:
    it never makes a later date the latest figure, nor a phase look reported (review 6, 7)."""
    from charts.catalogue import catalogue
    from charts.frames import ReaderFrames

    frames, independent = ReaderFrames(db), _WithoutRestatements(db)
    restated = queries.indicators(db)
    restated = restated[restated["restates"].notna()]
    assert not restated.empty, "the seeds mark a restatement"
    for spec in catalogue(frames).charts.values():
        told = spec.build(frames).takeaway
        told = re.sub(r" \d+ reports? restates? another figure: drawn, not counted\.", "", told)
        told = told.replace(" (a report placed there restates an earlier figure)", "")
        assert told == spec.build(independent).takeaway, spec.chart_id


def test_review_6_how_sure_counts_independent_reports_only(db: Reader):
    """The Overview's 'Reported by N articles' never counts an article that only restates
    another's figure as one more source; it names it apart."""
    indicators, checks = queries.indicators(db), queries.consistency_checks(db)
    restating = indicators[indicators["restates"].notna()]
    assert not restating.empty
    for metric_id in restating["metric_id"].unique():
        rows = indicators[indicators["metric_id"] == metric_id]
        independent = rows.loc[rows["restates"].isna(), "source_id"].nunique()
        line = figure_texts.how_sure(indicators, checks, metric_id, "exact")
        assert line.startswith(f"Reported by {independent} article"), line
        if set(rows["source_id"]) - set(rows.loc[rows["restates"].isna(), "source_id"]):
            assert "restating an earlier figure" in line, line


def test_review_f15_an_inferred_speaker_is_shown_with_its_caveat(db: Reader):
    frame = queries.statements(db)
    [row] = [r for r in frame.itertuples() if r.statement_id == "ppp-2018-02-14-robertson-bail"]
    shown = _shown(views.statement_markdown(row))
    assert "Note: The sentence has no 'he said' of its own" in shown
    csv = rows(db, "statements")
    assert (
        csv.loc[csv["statement_id"] == row.statement_id, "note"]
        .str.startswith("The sentence")
        .all()
    )


def test_a_provinces_count_is_never_compared_with_the_countrys_in_a_takeaway(db: Reader):
    """An article reporting one province's arrests (later, and far smaller) is drawn, but the
    arrests takeaway still compares the country's figures and says the province's is apart:
    never 'rose from 1,055 to 120' (found by adding a provincial article in a clean clone)."""
    from charts.catalogue import _takeaway_arrests

    arrests = queries.indicators(db)
    arrests = arrests[arrests["metric_id"] == "arrests-total"]
    arrests = arrests[arrests["geography"].fillna("national").eq("national")]  # the country's
    country = _takeaway_arrests(arrests, queries.phases(db))
    province = arrests.iloc[[-1]].assign(
        indicator_id="made-up-province", geography="Kampong Cham", value=120.0,
        value_low=120.0, value_high=120.0, qualifier="exact", label="120", restates=None,
        period_start=pd.Timestamp("2018-04-01"), period_end=pd.Timestamp("2018-04-30"),
        as_of=pd.Timestamp("2018-04-30"),
    )  # fmt: skip
    told = _takeaway_arrests(pd.concat([arrests, province]), queries.phases(db))
    apart = " 1 figure for one area is drawn beside them, not compared."
    assert apart in told and told.replace(apart, "") == country
    assert "120" not in country and " 120 " not in told
