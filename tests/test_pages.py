"""Every page runs, and the filters a reader sets change what they see (AppTest).

Long because every page and each of its filters is driven here, one table per page.
"""

from __future__ import annotations

import html
import io
import re
import sys
from pathlib import Path

import pandas as pd
import pytest
from starlette.applications import Starlette
from starlette.testclient import TestClient
from streamlit.testing.v1 import AppTest

from api.routes import Database, build_version, make_routes
from charts.catalogue import CURATED, EARLIER_SECTIONS, METRIC_CHART, TrendsSection
from charts.model import StoredChart, draws_nothing
from data_model.licence import DATA_LICENCE_NAME
from data_model.safe_text import html_text
from database import queries
from database.connection import Reader
from exports.chart_files import all_charts
from monitor import bootstrap, check_texts, finding
from tests.conftest import curated_ids

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
EMPTY_SECTION = TrendsSection("", "", ())
PAGE_FILES = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "views").glob("*.py"))


def _count(at: AppTest, noun: str) -> int:
    for md in [*at.markdown, *at.header]:
        found = re.fullmatch(rf"(?:\*\*)?(\d+) {noun}s?(?:\*\*)?", md.value)
        if found:
            return int(found.group(1))
    raise AssertionError(f"no '{noun}' count on the page")


#: Each page as opened with no query parameters on the seed database, kept for the tests
#: that only read it (`plain`): one AppTest run where each such test made its own.
_PLAIN: dict[str, AppTest] = {}


@pytest.fixture
def plain(app):
    """Open a page with no query parameters, once per worker: for tests that read what it
    shows and never click, type or rerun it (those open their own with `app`)."""

    def opened(page: str) -> AppTest:
        if page not in _PLAIN:
            _PLAIN[page] = app(page)
        return _PLAIN[page]

    return opened


@pytest.mark.parametrize("page", PAGE_FILES)
def test_every_page_is_in_the_navigation_and_runs(plain, page: str):
    assert f'"{page}"' in Path(APP).read_text(), f"{page} is not registered in app.py"
    at = plain(page)
    assert not at.error, [e.value for e in at.error]
    if page == "views/embed.py":
        assert at.info, "the embed page without a chart id must say so"
    else:
        assert at.title, f"{page} has no title"
    # The footer: the data's version, build date and licence, the feed, the corrections log,
    # the methodology, and the data set's citation to copy.
    captions = " ".join(c.value for c in at.caption)
    assert "Data version **" in captions and f"[{DATA_LICENCE_NAME}](" in captions, page
    for link in ("(/feed.atom)", "(corrections)", "(methodology)"):
        assert link in captions, (page, link)
    bodies = "".join(h.proto.body for h in at.get("html"))
    assert re.search(r'data-copy="[^"]*\[data set\]', bodies), page


def test_embed_page_shows_exactly_the_named_chart(app, seed_charts, seed_db):
    """The first chart of each sort the data has (curated, a metric's own drawn, one with
    nothing to draw): the page takes every chart by its id through one path, and every
    chart's stored parts are read in test_chart_files."""
    with Reader(seed_db) as reader:
        charts = all_charts(reader)
    sorts = {
        next((c.chart_id for c in charts if sort(c)), None)
        for sort in (
            lambda c: c.chart_id in CURATED,
            lambda c: c.chart_id.startswith(METRIC_CHART) and not draws_nothing(c),
            draws_nothing,
        )
    }
    sorts.discard(None)  # a sort the data may come to lack (growth adds a figure)
    assert sorts
    wrong = {}
    for chart_id, spec in seed_charts.charts.items():
        if chart_id not in sorts:
            continue
        at = app("views/embed.py", embed="true", chart=chart_id)
        headings = [md.value for md in at.markdown if md.value.startswith("#### ")]
        sourced = any(c.value.startswith(("Source:", "Sources:")) for c in at.caption)
        # A chart with no number to draw says so in a note; an unknown chart's note differs.
        unknown = [i for i in at.info if not i.value.startswith("No figure with a number")]
        if unknown or headings != [f"#### {spec.title}"] or not sourced:
            wrong[chart_id] = headings
    assert not wrong


def test_a_chart_with_nothing_to_draw_is_a_note_not_empty_axes(app):
    """'Detainees going without treatment' is reported only as 'thousands'."""
    at = app("views/trends.py", chart="metric-detainees-without-treatment")
    notes = [i.value for i in at.info]
    assert "No figure with a number to draw yet: the line above says what is reported." in notes
    measured = [c.value for c in at.caption if c.value.startswith("What is measured")]
    assert any("do not say over which period or cohort" in m for m in measured)


def test_overview_keeps_hedges_in_headline_figures(plain):
    at = plain("views/overview.py")
    values = {m.label: m.value for m in at.metric}
    assert values["Total arrests"].startswith(("about", "more than", "at least"))
    assert not any(v == "0" for v in values.values())


def test_statements_filter_by_stance(app, plain, seed_db):
    """A shared address with a stance opens filtered: the stance chosen in its filter, the
    address keeping it, only its statements counted and listed."""
    everything = _count(plain("views/statements.py"), "statement")
    at = app("views/statements.py", stance="critical")
    assert at.pills(key="stance").value == ["critical"]
    assert _params(at)["stance"] == ["critical"]
    critical = _count(at, "statement")
    assert 0 < critical < everything
    with Reader(seed_db) as db:
        expected = len(queries.statements(db, stances=["critical"]))
    assert critical == expected
    meta = [
        line
        for md in at.markdown
        for line in md.value.splitlines()
        if " · quoted · " in line or " · paraphrased · " in line
    ]
    assert len(meta) == min(critical, finding.STATEMENTS_PER_PAGE)  # one page of them
    assert all(line.startswith(":gray[critical · ") for line in meta)


def test_statements_search_by_text_and_speaker_profile(app):
    at = app("views/statements.py", q="SELL THEM")
    assert _count(at, "statement") >= 1
    assert any("sell them" in md.value.lower() for md in at.markdown)
    at = app("views/statements.py", actor="sar-kheng")  # filters are ids in the address
    assert any(sub.value == "Sar Kheng" for sub in at.subheader)


def test_statements_filters_set_by_widget_key(app):
    """A stance chosen narrows the list, a second widens it, and the address keeps what is
    chosen (a shared address then opens filtered: test_statements_filter_by_stance). The
    browser's address following these writes is read in tests/test_browser.py's search."""
    at = app("views/statements.py")
    everything = _count(at, "statement")
    at.session_state["statement-filters"] = True  # the reader opens the filter panel
    at.run()
    at.pills(key="stance").set_value(["supportive"]).run()
    supportive = _count(at, "statement")
    assert 0 < supportive < everything
    assert _params(at)["stance"] == ["supportive"]
    at.pills(key="stance").set_value(["supportive", "critical"]).run()
    assert _count(at, "statement") > supportive
    assert sorted(_params(at)["stance"]) == ["critical", "supportive"]


@pytest.mark.parametrize(
    ("page", "panel", "widget_keys", "choice"),
    [
        (
            "views/statements.py",
            "statement-filters",
            {"q", "org", "actor", "source", "stance", "topic", "year", "actor_type"},
            ("source", "ppp-2017-01-13-campaign-nets-1000"),
        ),
        (
            "views/data.py",
            "data-filters",
            {"source", "metric", "year", "from", "to"},
            ("metric", "arrests-total"),
        ),
        ("views/policies.py", "policy-filters", {"category", "status"}, ("status", "proposed")),
        ("views/checks.py", "check-filters", {"status", "kind"}, ("kind", "arithmetic")),
    ],
)
def test_filter_widgets_appear_when_the_panel_opens_and_stay_while_set(
    app, page, panel, widget_keys, choice
):
    def drawn(at: AppTest) -> set[str]:
        widgets = [*at.text_input, *at.multiselect, *at.get("button_group"), *at.date_input]
        return {w.key for w in widgets}

    at = app(page)
    outside = drawn(at)  # widgets the page draws above its panel (Data's table picker)
    assert not outside & widget_keys, "a closed panel with no filter set draws no widgets"
    at.session_state[panel] = True
    at.run()
    assert drawn(at) - outside == widget_keys
    everything = [m.value for m in at.markdown]
    key, value = choice
    picker = at.multiselect if key in {w.key for w in at.multiselect} else at.pills
    picker(key=key).set_value([value]).run()
    narrowed = [m.value for m in at.markdown]
    assert narrowed != everything
    at.session_state[panel] = False  # closing the panel keeps the filter
    at.run()
    assert drawn(at) - outside == widget_keys
    assert [m.value for m in at.markdown] == narrowed


@pytest.mark.parametrize(
    ("page", "params"),
    [
        ("views/statements.py", {"stance": "furious", "year": "1999", "actor": "nobody"}),
        ("views/statements.py", {"source": "a,,b", "actor_type": ["<b>", ""]}),
        ("views/policies.py", {"status": "imaginary"}),
        ("views/sources.py", {"source": "no-such-article"}),
        ("views/data.py", {"table": "passwords", "source": "nope"}),
        ("views/data.py", {"table": "sources", "year": "17", "from": "2017-13-01", "to": "no"}),
    ],
)
def test_invalid_url_values_fall_back_to_defaults(app, page, params):
    at = app(page, **params)
    assert not at.error


def test_policies_filter_by_status(app, plain):
    everything = _count(plain("views/policies.py"), "proposal")
    proposed = _count(app("views/policies.py", status="proposed"), "proposal")
    assert 0 < proposed < everything


def test_sources_page_opens_the_article_named_in_the_url(app):
    at = app("views/sources.py", source="ppp-2017-01-13-campaign-nets-1000")
    assert at.selectbox(key="sources-article").value == "ppp-2017-01-13-campaign-nets-1000"
    assert any(h.value == "Drug campaign nets 1,000" for h in at.header)


def test_first_run_builds_the_missing_database_quietly(tmp_path, monkeypatch, seed_db):
    """The app runs the launcher's build for a missing file and then shows the dashboard. The
    build itself is tested once end to end (test_serve); here it is a copy of the seed database."""
    target = tmp_path / "fresh" / "monitor.duckdb"
    monkeypatch.setenv("MONITOR_DB", str(target))
    monkeypatch.setattr(bootstrap, "build_command", lambda path: _copy_command(seed_db, path))
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    assert not at.exception
    assert target.exists()
    # Readers get the dashboard, not news of its build.
    assert not at.status
    assert not [m.value for m in at.markdown if "Database built" in m.value]
    assert any(m.label == "Total arrests" for m in at.metric)


def _copy_command(source: Path, target: Path) -> list[str]:
    """A stand-in for the launcher's build: a process that writes a finished database."""
    code = "import pathlib, shutil, sys; p = pathlib.Path(sys.argv[2]); "
    code += "p.parent.mkdir(parents=True, exist_ok=True); shutil.copy(sys.argv[1], p)"
    return [sys.executable, "-c", code, str(source), str(target)]


def test_data_package_download_is_offered(plain):
    at = plain("views/data.py")
    labels = [b.proto.label for b in at.get("download_button")]
    assert "Download the full data package (zip)" in labels


@pytest.mark.parametrize("category_id", curated_ids("categories", "category_id"))
@pytest.mark.parametrize("named_by", ["section_id", "label"])
def test_trends_shows_the_section_named_in_the_url(
    app, seed_db, seed_charts, category_id, named_by
):
    """Each category with figures is a section, by its id; a link by the section's name opens
    the same section and the address is rewritten to the id."""
    with Reader(seed_db) as db:
        metrics = queries.metrics(db)
    reported = metrics[(metrics["category"] == category_id) & (metrics["n_figures"] > 0)]
    section = seed_charts.sections.get(category_id)
    assert (section is not None) == (not reported.empty)
    if section is None:
        return
    at = app("views/trends.py", section=getattr(section, named_by))
    shown = [h.value for h in at.subheader]
    assert shown == [seed_charts.charts[c].title for c in section.chart_ids]
    assert at.query_params["section"] in (section.section_id, [section.section_id])
    menu = {(link.proto.page, link.proto.query_string) for link in at.get("page_link")}
    others = [s for s in seed_charts.sections.values() if s != section]
    assert all(("trends", f"section={s.section_id}") in menu for s in others), menu


@pytest.mark.parametrize("metric_id", curated_ids("metrics", "metric_id"))
def test_every_reported_metric_has_a_chart_in_its_category_section(seed_db, seed_charts, metric_id):
    with Reader(seed_db) as db:
        metric = queries.metrics(db).set_index("metric_id").loc[metric_id]
    drawing = [
        c
        for c in seed_charts.sections.get(metric["category"], EMPTY_SECTION).chart_ids
        if metric_id in getattr(seed_charts.charts[c], "metric_ids", ())
    ]
    if metric["n_figures"] > 0:
        assert drawing, f"{metric_id} has figures and no chart in its section"
    # A metric no article reports gets no chart of its own (a curated one may name it).
    assert (f"metric-{metric_id}" in seed_charts.charts) == (
        metric["n_figures"] > 0 and not any(metric_id in s.metric_ids for s in CURATED.values())
    )


@pytest.mark.parametrize(("earlier", "chart_id"), EARLIER_SECTIONS.items())
def test_links_to_the_earlier_sections_open_the_section_with_their_chart(
    app, seed_charts, earlier, chart_id
):
    """Links made when the sections were a list in code (?section=users-traffickers, or by
    name) open the section now holding the chart they showed, its id in the address."""
    at = app("views/trends.py", section=earlier)
    assert CURATED[chart_id].title in [h.value for h in at.subheader]
    holding = seed_charts.section(None, chart_id).section_id
    assert at.query_params["section"] in (holding, [holding])


def test_trends_opened_on_a_chart_shows_its_section(app, seed_charts):
    """chart_page's links (trends?chart=<id>) open the section holding the chart."""
    for chart_id in [c for c in seed_charts.charts if c.startswith("metric-")][:2]:
        at = app("views/trends.py", chart=chart_id)
        assert seed_charts.charts[chart_id].title in [h.value for h in at.subheader]


def test_statements_filter_by_year_said(app, seed_db):
    at = app("views/statements.py", year="2022")
    with Reader(seed_db) as db:
        expected = queries.statements(db, years=[2022])
    assert _count(at, "statement") == len(expected) > 0
    assert (expected["statement_date"].dt.year == 2022).all()


@pytest.mark.parametrize(
    ("requested", "shown"),
    [("drug-seizures", "drug-seizures"), ("no-such-chart", "arrests-over-time")],
)
def test_share_page_opens_the_chart_named_in_the_url(app, requested, shown):
    at = app("views/share.py", chart=requested)
    assert [h.value for h in at.subheader] == [CURATED[shown].title]
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == ["Standalone HTML", "PNG for print (A4 width)", "SVG for print (any size)"]


def test_data_page_shows_the_api_address_of_its_rows(app, seed_db):
    with Reader(seed_db) as db:
        source = str(queries.sources(db)["source_id"].iloc[0])
    # Any ?source= opens the filter panel; the widget then picks the article by its id.
    at = app("views/data.py", source=source)
    at.multiselect(key="source").set_value([source]).run()
    captions = " ".join(c.value for c in at.caption)
    assert f"/api/v1/indicators.csv?source={source}" in captions
    assert f"/api/v1/indicators.json?source={source}" in captions


def test_share_page_offers_the_light_embed_first(app):
    at = app("views/share.py", chart="drug-seizures")
    blocks = "".join(h.proto.body for h in at.get("html"))
    light = blocks.index("/charts/drug-seizures.html")
    live = blocks.index("/embed?embed=true")
    assert light < live
    # The gallery: the chosen tile is marked "✓ Chosen", a tile clicked says it is opening,
    # and a chart with no point to draw is a line saying so, not a thumbnail of empty axes.
    gallery = next(h.proto.body for h in at.get("html") if "chart-gallery" in h.proto.body)
    tiles = {
        re.search(r"chart=([\w-]+)", tile)[1]: tile
        for tile in gallery.split("</div>")[0].split("<a ")[1:]
    }
    assert [i for i, tile in tiles.items() if "aria-current" in tile] == ["drug-seizures"]
    assert re.search(r'\[aria-current\] span::before \{ content: "✓ Chosen: "', gallery)
    assert re.search(
        r':focus:not\(\[aria-current\]\) span::after \{ content: " · opening…"', gallery
    )
    said = [i for i, tile in tiles.items() if "No figure with a number to draw yet." in tile]
    assert said == ["metric-detainees-without-treatment"]
    assert "<img" not in tiles["metric-detainees-without-treatment"]


def test_trends_draws_interactive_charts_on_request(app, seed_charts, seed_db_images, monkeypatch):
    """Without interactive=true no plotly chart is sent (test_static_charts_are_named_by_
    address_not_sent_in_every_run, on its load of the same page)."""
    monkeypatch.setenv("MONITOR_DB", str(seed_db_images))  # static images where drawn
    live = app("views/trends.py", interactive="true", section="arrests")
    # Each chart twice, laid out for a laptop and for a phone (one shown, by the width).
    assert len(live.get("plotly_chart")) == 2 * len(seed_charts.sections["arrests"].chart_ids)


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"kind": "arithmetic"}, {"arithmetic"}),
        ({"kind": ["gap", "corroboration"]}, {"gap", "corroboration"}),
    ],
)
def test_checks_filter_by_kind(app, plain, seed_db, params, expected):
    everything = _count(plain("views/checks.py"), "check")
    at = app("views/checks.py", **params)
    with Reader(seed_db) as db:
        checks = queries.consistency_checks(db)
    assert _count(at, "check") == int(checks["kind"].isin(expected).sum()) < everything
    assert set(at.pills(key="kind").value) == expected


ISO_DAY = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


def test_data_checks_lead_with_conflicts_and_fold_notes_and_agreements(app, seed_db):
    at = app("views/checks.py")
    reader = Reader(seed_db)
    status = queries.consistency_checks(reader)["status"].value_counts()
    severity = queries.consistency_checks(reader)["severity"].value_counts()
    # Conflicts first, then the open questions; the counts are the summary's.
    assert [h.value for h in at.subheader][:2] == [
        f"Conflicts: {status.get('fail', 0)}",
        f"Open questions: {status.get('warn', 0)}",
    ]
    summary = next(md.value for md in at.markdown if md.value.count("-badge[") == 3)
    assert [int(n) for n in re.findall(r"\*\*(\d+)\*\*", summary)] == [
        status.get(s, 0) for s in ("fail", "warn", "pass")
    ]
    folded = {e.label: e for e in at.expander}
    once = folded[f"Reported once only ({severity['note']} figures)"]
    agree = folded[f"Agree ({severity['agreement']} checks)"]
    main = next(md.value for md in at.markdown if md.value.startswith(":orange-badge["))
    assert main.count("-badge[") == severity["question"]
    # The contested claims and gaps lead; the arithmetic is grouped below them.
    kinds = re.findall(r"-badge\[[^\]]*\] · (\w+)", main)
    assert "arithmetic" in kinds and kinds == sorted(kinds, key=lambda k: k == "arithmetic")
    assert "reported once only" not in main
    assert "reported once only" in once.markdown[0].value
    assert ":green-badge[" in agree.markdown[0].value
    ids = [*queries.sources(reader)["source_id"], *queries.metrics(reader)["metric_id"]]
    for text in (main, once.markdown[0].value, agree.markdown[0].value):
        assert not ISO_DAY.search(text), ISO_DAY.search(text)
        assert not [i for i in ids if re.search(rf"(?<![\w-]){re.escape(i)}(?![\w-])", text)]
        assert "lower bound" not in text
    # The whole computation on demand, in plain words too.
    at.toggle(key="details").set_value(True).run()
    main = next(md.value for md in at.markdown if md.value.startswith(":orange-badge["))
    questions = queries.consistency_checks(reader)
    first = questions[questions["severity"] == "question"].iloc[0]
    assert first["detail"] in main.replace("\\", "")
    assert not ISO_DAY.search(main) and "phase-" not in main


def test_overview_says_what_the_evidence_base_is_and_how_sure_each_figure_is(plain, seed_db):
    at = plain("views/overview.py")
    sources = queries.sources(Reader(seed_db))
    base = next(m.value for m in at.markdown if m.value.startswith("Everything here rests on"))
    assert f"{len(sources)} news articles" in base
    assert all(outlet in base for outlet in sources["outlet"].unique()[:3])
    assert str(sources["published_on"].min().year) in base
    sure = [c.value for c in at.caption if c.value.startswith("Reported by")]
    assert len(sure) == len(at.metric) > 0
    assert all(" · " in line for line in sure)


def test_headline_words_are_signed_by_the_article_not_the_attribution(plain, seed_db):
    """A headline figure's words are the article's: the tooltip signs them with the article
    and says whom it credits, never "— officials" as if they had said them (review 19)."""
    at = plain("views/overview.py")
    labels = set(queries.sources(Reader(seed_db))["short_label"])
    assert at.metric
    for metric in at.metric:
        words, signature = metric.help.rsplit(" — ", 1)
        assert words.startswith("“") and words.endswith("”"), metric.help
        # Whom the article credits, or that it credits no one: never "attributing it to not
        # attributed" (issue 26).
        signer, credited = re.split(
            r", (?:attributing it to |(?=not attributed))", signature, maxsplit=1
        )
        assert signer.replace("\\", "") in labels and credited, metric.help
        assert "attributing it to not attributed" not in metric.help


def test_data_checks_are_paged(app, monkeypatch):
    monkeypatch.setattr(check_texts, "CHECKS_PER_PAGE", 5)
    at = app("views/checks.py")
    drawn = [md.value.count("-badge[") for md in at.markdown if "-badge[" in md.value]
    assert drawn[0] == 3  # the summary line: one badge per status
    assert max(drawn[1:]) == 5
    assert at.pagination, "more checks than one page holds, and no pages"
    first = [md.value for md in at.markdown if "-badge[" in md.value][1]
    at.pagination[0].set_value(2).run()
    second = [md.value for md in at.markdown if "-badge[" in md.value][1]
    assert second != first and second.count("-badge[") <= 5


def test_methodology_page_shows_the_rules_with_examples_from_the_data(plain):
    at = plain("views/methodology.py")
    text = "\n".join(m.value for m in at.markdown)
    assert "Example:" in text and "no number given" in text
    assert not text.startswith("# "), "the page's title is its own, not the text's"
    assert "do not edit by hand" not in text  # a note for maintainers, not for readers


def test_sources_page_greys_every_sentence_left_uncoded_with_its_reason(app, seed_db):
    with Reader(seed_db) as db:
        sources = queries.sources(db)["source_id"].tolist()
        uncoded = {s: queries.not_coded(db, s) for s in sources}
    for source_id, rows in uncoded.items():
        at = app("views/sources.py", source=source_id)
        html = "".join(h.proto.body for h in at.get("html"))
        assert html.count('class="not-coded"') == len(rows), source_id
        for reason in rows["reason"]:
            assert html_text(f"not coded: {reason}", isolate=False) in html


# --- filters in the address: ids, as the API takes them; old label links still work ------

SOURCE = "ppp-2017-01-13-campaign-nets-1000"


def _params(at: AppTest) -> dict[str, list[str]]:
    return {k: v if isinstance(v, list) else [v] for k, v in at.query_params.items()}


@pytest.mark.parametrize(
    ("page", "given", "kept", "query"),
    [
        # An id, as the Sources page links and the API takes it.
        ("views/statements.py", {"source": SOURCE}, {"source": [SOURCE]}, {"source_ids": [SOURCE]}),
        # A label, as links made before ids were used carry it: rewritten to the id.
        (
            "views/statements.py",
            {"actor": "Sar Kheng"},
            {"actor": ["sar-kheng"]},
            {"actor_ids": ["sar-kheng"]},
        ),
        (
            "views/statements.py",
            {"actor_type": "international organisation"},
            {"actor_type": ["international_organisation"]},
            {"actor_types": ["international_organisation"]},
        ),
        # Ids comma-separated, as in API addresses, and unknown ones left out.
        (
            "views/statements.py",
            {"actor": "sar-kheng,nobody,meas-vyrith"},
            {"actor": ["sar-kheng", "meas-vyrith"]},
            {"actor_ids": ["sar-kheng", "meas-vyrith"]},
        ),
        ("views/statements.py", {"actor": "nobody"}, {}, {}),
    ],
)
def test_statements_filters_take_ids_and_old_labels(app, seed_db, page, given, kept, query):
    at = app(page, **given)
    with Reader(seed_db) as db:
        expected = queries.statements(db, **query)
        everything = queries.statements(db)
    assert _count(at, "statement") == len(expected)
    assert len(expected) < len(everything) or not kept  # the filter took hold
    assert {k: v for k, v in _params(at).items() if k in given} == kept
    # Each statement links to its article: only the filtered rows' articles are linked.
    linked = set(re.findall(r"\(sources\?source=([^)&]+)", " ".join(m.value for m in at.markdown)))
    assert linked <= set(expected["source_id"]) and bool(linked) == (len(expected) > 0)


def test_statements_link_with_the_former_org_type_parameter_still_filters(app, seed_db):
    """?org_type= was the page's name for the API's actor_type: such links keep working and
    the address, the widget and the API address all say actor_type."""
    at = app("views/statements.py", org_type="government")
    with Reader(seed_db) as db:
        expected = queries.statements(db, actor_types=["government"])
        everything = queries.statements(db)
    assert _count(at, "statement") == len(expected) < len(everything)
    assert "org_type" not in at.query_params
    assert _params(at)["actor_type"] == ["government"]
    assert "actor_type=government" in " ".join(c.value for c in at.caption)


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ({"table": "Statements"}, {"table": ["statements"]}),  # the old label link
        ({"table": "positions"}, {"table": ["positions"]}),
        ({"table": "passwords"}, {"table": ["indicators"]}),
        ({"metric": "arrests-total"}, {"metric": ["arrests-total"]}),
    ],
)
def test_data_page_keeps_ids_in_the_address(app, given, kept):
    at = app("views/data.py", **given)
    assert {k: v for k, v in _params(at).items() if k in kept} == kept
    captions = " ".join(c.value for c in at.caption)
    table = kept.get("table", ["indicators"])[0]
    assert f"/api/v1/{table}.csv" in captions


def test_policies_status_link_in_words_still_filters(app):
    by_id = app("views/policies.py", status="under_study")
    by_words = app("views/policies.py", status="under study")
    assert _count(by_words, "proposal") == _count(by_id, "proposal") > 0
    assert _params(by_words)["status"] == ["under_study"]


def test_a_widget_change_writes_ids_to_the_address(app):
    at = app("views/statements.py")
    at.session_state["statement-filters"] = True
    at.run()
    at.multiselect(key="actor").set_value(["sar-kheng"]).run()
    assert _params(at)["actor"] == ["sar-kheng"]
    at.multiselect(key="actor").set_value([]).run()
    assert "actor" not in at.query_params


@pytest.mark.parametrize(
    ("params", "query"),
    [
        ({"stance": "critical"}, {"stances": ["critical"]}),
        (
            {"source": SOURCE, "topic": "treatment"},
            {"source_ids": [SOURCE], "topics": ["treatment"]},
        ),
        ({"q": "drug", "year": "2017"}, {"text": "drug", "years": [2017]}),
        (
            {"actor": "Sar Kheng", "actor_type": "government"},
            {"actor_ids": ["sar-kheng"], "actor_types": ["government"]},
        ),
        ({"org": "Human Rights Watch"}, {"organisations": ["Human Rights Watch"]}),
        ({"q": "Human Rights Watch"}, {"text": "Human Rights Watch"}),
    ],
)
def test_statements_api_address_gives_the_rows_shown(app, seed_db, params, query):
    at = app("views/statements.py", **params)
    caption = next(c.value for c in at.caption if "/api/v1/statements.csv" in c.value)
    address = re.search(r"`(/api/v1/statements\.csv[^`]*)`", caption).group(1)
    client = TestClient(Starlette(routes=make_routes(Database(lambda: seed_db))))
    response = client.get(address)
    assert response.status_code == 200, response.text
    rows = pd.read_csv(io.BytesIO(response.content))
    with Reader(seed_db) as db:
        shown = queries.statements(db, **query)  # what the page lists for these filters
    assert len(rows) == _count(at, "statement") == len(shown) > 0
    assert list(rows["statement_id"]) == list(shown["statement_id"])
    page = client.get(address.replace(".csv", ".json")).json()
    assert page["total_rows"] == len(rows)


def test_static_charts_are_named_by_address_not_sent_in_every_run(
    app, seed_db_images, seed_charts, monkeypatch
):
    monkeypatch.setenv("MONITOR_DB", str(seed_db_images))
    at = app("views/trends.py")
    assert not at.get("plotly_chart")  # interactive charts only on request (?interactive=true)
    html = "".join(h.proto.body for h in at.get("html"))
    with Reader(seed_db_images) as db:
        version = build_version(queries.build_info(db))
    for chart_id in next(iter(seed_charts.sections.values())).chart_ids:
        assert f"/charts/{chart_id}.svg?v={version}" in html
        assert f"/charts/{chart_id}.narrow.svg?v={version}" in html
    assert "base64" not in html


# --- a citation to copy for every figure (issue 26) ----------------------------------------


def _copied(at: AppTest) -> list[str]:
    """What each copy button on the page puts on the clipboard, in page order, the footer's
    citation of the data set aside."""
    bodies = "".join(h.proto.body for h in at.get("html"))
    copied = [html.unescape(t) for t in re.findall(r'data-copy="([^"]*)"', bodies)]
    return [c for c in copied if "[data set]" not in c]


def test_each_headline_figure_copies_with_its_hedge_words_article_and_version(plain, seed_db):
    at = plain("views/overview.py")
    version = queries.build_info(Reader(seed_db))["data_version"]
    copied = _copied(at)
    assert len(copied) == len(at.metric) > 0
    for metric, text in zip(at.metric, copied, strict=True):
        words = metric.help.split("” — ")[0].lstrip("“")
        assert text.startswith(f"{metric.label}: {metric.value} (")  # the hedge as shown
        assert f"“{' '.join(words.split())}”" in text and "Source: " in text
        assert f"data version {version}." in text
        assert "/data?table=indicators&source=" in text.rsplit("Permalink: ", 1)[1]


def test_each_figure_of_a_chart_copies_with_the_chart_as_its_address(app, seed_db):
    parts = queries.chart_parts(Reader(seed_db), "users-share")
    evidence = StoredChart.from_row(parts).evidence
    at = app("views/trends.py", chart="users-share")
    mine = [c for c in _copied(at) if c.endswith("trends?chart=users-share#users-share")]
    assert [c.split(": ", 1)[1].split(" (", 1)[0] for c in mine] == list(evidence["label"])
    assert all(
        f"“{' '.join(q.split())}”" in c for q, c in zip(evidence["quote"], mine, strict=True)
    )


def test_each_figure_row_of_the_data_page_copies_its_citation_column(app, seed_db):
    at = app("views/data.py", table="indicators")
    rows = queries.indicators(Reader(seed_db)).head(25)
    copied = _copied(at)
    assert len(copied) == len(rows) > 0
    for label, text in zip(rows["label"], copied, strict=True):
        assert text.split("\n", 1)[0].split(": ", 1)[1].startswith(f"{label} (")
    assert not _copied(app("views/data.py", table="statements"))  # figures only


def test_the_users_share_chart_says_phase_2_has_no_figure_and_where_it_is_bounded(app):
    at = app("views/trends.py", chart="users-share")
    notes = [c.value for c in at.caption if c.value.startswith("No figure of")]
    assert any(
        "Phase 2: extension to the end of 2017" in n
        and "imply at least 61.8%" in n
        and "[Data checks](checks)" in n
        for n in notes
    ), notes


def test_the_policies_pager_is_also_at_the_foot_and_turns_the_page(app, monkeypatch):
    monkeypatch.setattr(finding, "PROPOSALS_PER_PAGE", 5)
    at = app("views/policies.py")
    assert len(at.pagination) == 2
    first = [m.value for m in at.markdown if m.value.startswith("### ")]
    at.pagination[1].set_value(2).run()
    assert at.pagination[0].value == 2 and at.query_params["page"] in ("2", ["2"])
    assert not set(first) & {m.value for m in at.markdown if m.value.startswith("### ")}
