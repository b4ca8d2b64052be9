"""The read side: filters are parameters, no query can reach other files, rebuilds show up."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from database import queries
from database.connection import Reader
from monitor import cached


@pytest.fixture(scope="module")
def db(seed_db: Path):
    with Reader(seed_db) as reader:
        yield reader


@pytest.mark.parametrize(
    "sql",
    [
        "SELECT * FROM read_csv('/etc/hostname')",
        "ATTACH '/tmp/other.duckdb' AS other",
        "SET enable_external_access = true",
        "COPY (SELECT 1) TO '/tmp/leak.csv'",
    ],
)
def test_no_query_can_touch_other_files_or_unlock_itself(db: Reader, sql: str):
    with pytest.raises(duckdb.Error):
        db.frame(sql)


@pytest.mark.parametrize("text", ["'; DROP TABLE statements; --", "100%", "_", "\\", '"_%"'])
def test_search_text_is_a_value_never_sql(db: Reader, text: str):
    assert queries.statements(db, text=text).empty
    assert len(queries.statements(db)) > 0  # the table is still there


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        ("Human Rights Watch", "organisation", "Human Rights Watch"),
        ("human RIGHTS watch", "organisation", "Human Rights Watch"),
        ("Interior Minister", "actor_role", "Interior Minister"),
        ("Robertson", "actor_name", "Phil Robertson"),
    ],
)
def test_one_search_covers_speaker_organisation_and_role(db: Reader, text, field, value):
    found = queries.statements(db, text=text)
    everything = queries.statements(db)
    expected = everything[everything[field] == value]
    assert len(expected) > 0
    assert set(expected["statement_id"]) <= set(found["statement_id"])


def test_search_words_need_not_be_typed_with_the_articles_quotation_marks(db: Reader):
    stored = queries.statements(db, text="It’s easy")  # the article's curly apostrophe
    assert len(stored) > 0
    assert list(queries.statements(db, text="it's EASY")["statement_id"]) == list(
        stored["statement_id"]
    )


def test_statement_queries_agree_on_the_chosen_rows(db: Reader):
    chosen = {"stances": ["critical"], "text": "rights"}
    every = queries.statements(db, **chosen)
    summary = queries.statement_summary(db, **chosen)
    pages = [queries.statements_page(db, page, 4, **chosen) for page in range(1, 20)]
    assert summary["n"] == len(every) > 4
    assert list(pd.concat(pages)["statement_id"]) == list(every["statement_id"])
    facets = queries.statement_facets(db, **chosen)
    stance = facets[(facets["facet"] == "stance") & (facets["value"] == "critical")]
    assert int(stance["n"].iloc[0]) == len(every)
    # The stance facet counts under the search alone: choosing "mixed" too would add these.
    mixed = facets[(facets["facet"] == "stance") & (facets["value"] == "mixed")]
    assert int(mixed["n"].iloc[0]) == len(queries.statements(db, stances=["mixed"], text="rights"))


@pytest.mark.parametrize(
    "chosen",
    [{}, {"stances": ["critical"]}, {"text": "drug"}, {"years": [2022]}, {"text": "zzzz"}],
    ids=["all", "critical", "search", "2022", "nothing"],
)
def test_statement_summary_says_what_the_list_shows(db: Reader, chosen: dict):
    """The summary above the list: its counts, dates, latest speaker and most cited are what
    the full list of the same statements shows."""
    every = queries.statements(db, **chosen)
    summary = queries.statement_summary(db, **chosen)
    assert summary["n"] == len(every)
    assert summary["n_speakers"] == every["actor_id"].nunique()
    assert summary["n_articles"] == every["source_id"].nunique()
    if every.empty:
        assert summary["latest_name"] is None and summary["cited_names"] is None
        return
    assert summary["first_said"] == every["statement_date"].min()
    assert summary["last_said"] == summary["latest_said"] == every["statement_date"].max()
    assert summary["latest_name"] == every["actor_name"].iloc[0]  # the list is newest first
    cited = every.groupby("actor_name").size().reset_index(name="n")
    top = cited.sort_values(["n", "actor_name"], ascending=[False, True]).head(3)
    assert list(summary["cited_names"]) == list(top["actor_name"])
    assert list(summary["cited_counts"]) == list(top["n"])


@pytest.mark.parametrize(
    "chosen", [{}, {"statuses": ["proposed"]}, {"statuses": ["nothing"]}], ids=str
)
def test_proposal_overview_says_what_the_list_shows(db: Reader, chosen: dict):
    every = queries.policy_summaries(db, 1, 10_000, **chosen)
    overview = queries.policy_overview(db, **chosen)
    assert overview["n"] == len(every)
    positions = every[["n_supports", "n_opposes", "n_mixed"]].to_numpy().sum()
    if every.empty:
        assert overview["latest_name"] is None and overview["n_positions"] == 0
        return
    assert overview["latest_name"] == every["name"].iloc[0]  # the list is newest first
    assert overview["latest_on"] == every["proposed_on"].iloc[0]
    assert int(overview["n_positions"]) == positions
    statuses = every["status"].value_counts()
    assert dict(zip(overview["status_names"], overview["status_counts"], strict=True)) == dict(
        statuses
    )


def test_filters_combine(db: Reader):
    both = queries.statements(db, stances=["critical"], actor_types=["ngo"])
    assert len(both) > 0
    assert set(both["stance"]) == {"critical"} and set(both["actor_type"]) == {"ngo"}
    assert len(both) < len(queries.statements(db, stances=["critical"]))


def test_date_filter_uses_day_said_else_publication(db: Reader):
    rows = queries.statements(db, date_from=dt.date(2018, 1, 1), date_to=dt.date(2018, 12, 31))
    assert len(rows) > 0
    assert rows["statement_date"].between("2018-01-01", "2018-12-31").all()


def test_indicators_carry_provenance(db: Reader):
    rows = queries.indicators(db, metric_ids=["arrests-total"])
    assert len(rows) >= 4
    for column in ("source_title", "source_url", "source_published_on", "quote", "qualifier"):
        assert column in rows.columns
    more_than = rows[rows["qualifier"] == "more_than"]
    assert more_than["value_high"].isna().all()  # a lower bound has no upper bound, not zero


def test_rebuilt_file_shows_without_restart(
    fixture_db: Path, seed_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    # The run's two builds (tests/conftest.py), put in place as a build puts its file
    # (etl/store.py: written beside, then os.replace): the fixture corpus, then the real
    # seeds under the running reader. Building them here again cost two builds.
    db_path = tmp_path / "monitor.duckdb"
    shutil.copyfile(fixture_db, db_path)
    monkeypatch.setenv("MONITOR_DB", str(db_path))
    assert len(cached.statements()) == 2
    beside = tmp_path / "monitor.duckdb.new"
    shutil.copyfile(seed_db, beside)
    os.replace(beside, db_path)
    assert len(cached.statements()) > 2


TYPED_QUERIES = [
    "SELECT s, j, f, d, ts FROM typed",  # text, whole numbers, decimals, dates, times
    "SELECT s, i, j, f, b, d, ts FROM typed WHERE i IS NOT NULL",  # none missing
    "SELECT s, i, b FROM typed",  # missing whole numbers and booleans
    "SELECT s, j, dec FROM typed",  # a DECIMAL
    "SELECT * FROM typed",
    "SELECT * FROM typed WHERE false",  # no rows
    "SELECT s, s FROM typed",  # a repeated name
    "SELECT NULL::VARCHAR AS s, NULL::DATE AS d FROM typed",  # all missing
    "SELECT * FROM typed WHERE false",  # no rows
    "SELECT count(*) AS n, list(s) AS l, max(d) AS d FROM typed",
]


@pytest.mark.parametrize("sql", TYPED_QUERIES)
def test_answers_come_back_as_duckdb_gives_them(tmp_path: Path, sql: str):
    # Reader.frame reads through Arrow for speed; every dtype and value must be what
    # DuckDB's own .df() gives, or every page and download would shift under it.
    path = tmp_path / "typed.duckdb"
    con = duckdb.connect(str(path))
    con.execute(
        "CREATE TABLE typed (s VARCHAR, i BIGINT, j INTEGER, f DOUBLE, b BOOLEAN, d DATE,"
        " ts TIMESTAMP, dec DECIMAL(5, 2))"
    )
    con.execute(
        """INSERT INTO typed VALUES
        ('a', 1, 7, 1.5, true, DATE '2017-01-13', TIMESTAMP '2017-01-13 09:30', 1.25),
        (NULL, NULL, 8, NULL, NULL, NULL, NULL, NULL),
        ('', 3, 9, 55.00000000000001, false, DATE '2018-02-14', NULL, 2.5)"""
    )
    expected = con.execute(sql).df()
    con.close()
    with Reader(path) as reader:
        pd.testing.assert_frame_equal(reader.frame(sql), expected, check_exact=True)


#: Each facet of the statement search: the query argument of its own filter and the column
#: of the full list it counts.
_FACET_TRUTH = {
    "org": ("organisations", "organisation"),
    "actor": ("actor_ids", "actor_id"),
    "topic": ("topics", "topic"),
    "stance": ("stances", "stance"),
    "year": ("years", "year"),
}
#: Each filter by its name in the facet rows ('without', 'only'), with its query argument.
_FILTER_ARGS = {
    "q": "text",
    "org": "organisations",
    "actor": "actor_ids",
    "stance": "stances",
    "topic": "topics",
    "year": "years",
    "source": "source_ids",
    "actor_type": "actor_types",
}


@pytest.mark.parametrize(
    "chosen",
    [
        {},
        {"stances": ["critical"]},
        {"text": "rights", "years": [2017]},
        {"organisations": ["Human Rights Watch"], "stances": ["critical", "mixed"]},
        {"actor_types": ["ngo"], "topics": ["treatment", "arrests"], "text": "drug"},
        {"stances": ["critical"], "topics": ["no-such-topic"]},
    ],
    ids=["all", "critical", "search-2017", "org-stances", "type-topics-search", "nothing"],
)
def test_facet_counts_are_what_the_list_shows_under_every_other_filter(db: Reader, chosen: dict):
    """Each facet value's count is the number of statements the list holds with that value
    when every other filter stays and its own is left out; 'without' and 'only' likewise."""
    facets = queries.statement_facets(db, **chosen)
    for facet, (own, column) in _FACET_TRUTH.items():
        rest = queries.statements(db, **{k: v for k, v in chosen.items() if k != own})
        rest = rest.assign(year=rest["statement_date"].dt.year.astype(str))
        truth = rest[column].dropna().value_counts().to_dict()
        rows = facets[(facets["facet"] == facet) & (facets["n"] > 0) & facets["value"].notna()]
        assert dict(zip(rows["value"], rows["n"], strict=True)) == truth, facet
        assert list(rows["n"]) == sorted(rows["n"], reverse=True), f"{facet}: most first"
    counts = {(r.facet, r.value): int(r.n) for r in facets.itertuples()}
    for name, arg in _FILTER_ARGS.items():
        others = {k: v for k, v in chosen.items() if k != arg}
        assert counts[("without", name)] == len(queries.statements(db, **others)), name
        alone = {arg: chosen[arg]} if arg in chosen else {}
        assert counts[("only", name)] == len(queries.statements(db, **alone)), name


def test_the_search_looks_in_what_the_build_folded(db: Reader):
    """The build stores each statement's searched fields folded as a reader's words are
    folded, so any word of them, typed any way, finds the statement."""
    rows = db.frame(
        """
        SELECT f.haystack, t.quote, a.name, a.aliases, a.organisation, t.actor_role, a.role
        FROM statement_search f JOIN statements t USING (statement_id)
        JOIN actors a ON a.actor_id = t.actor_id
        """
    )
    assert len(rows) == len(queries.statements(db)) > 0
    for row in rows.itertuples(index=False):
        fields = [v for v in row[1:] if isinstance(v, str)]
        assert row.haystack == queries.fold(" ".join(fields))
