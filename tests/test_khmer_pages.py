"""Every page in Khmer (?lang=km): Khmer headings and labels, no English UI string left where
the catalogue has a translation, and the language kept in the links a page draws (AppTest).

Long because it is the one place a reader's Khmer page is checked, page by page, with the
data's own sentences (methodology, citations, corrections) that reach it."""

from __future__ import annotations

import html
import re
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urljoin

import pandas as pd
import pytest
import yaml
from babel.messages.pofile import read_po
from starlette.applications import Starlette
from starlette.testclient import TestClient
from streamlit.testing.v1 import AppTest

from api.embed import chart_folder, language_links
from api.routes import Database, make_routes
from charts.catalogue import CURATED
from charts.model import measured
from data_model.i18n import catalogue_path, translator
from data_model.records import Source
from database import queries
from database.connection import Reader
from etl.transform import short_label
from monitor import check_texts, corrections
from monitor.texts import download_file_name, statement_markdown
from monitor.texts import methodology_markdown as texts_methodology

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
KM = translator("km")
KHMER = re.compile(r"[\u1780-\u17FF]")


def _english_ui_strings() -> set[str]:
    """The catalogue's English strings that readers see whole (no placeholder, several
    words), each with a Khmer translation: none may be left on a Khmer page."""
    with catalogue_path("km").open("rb") as handle:
        catalog = read_po(handle, locale="km")
    found = set()
    for message in catalog:
        msgid = message.id if isinstance(message.id, str) else None
        if msgid and message.string and "{" not in msgid and len(msgid.split()) >= 3:
            found.add(msgid)
    return found


ENGLISH = _english_ui_strings()


@pytest.fixture
def khmer_app(app):
    """A page opened with ?lang=km (the shared `app` fixture, in Khmer)."""
    return lambda page, **params: app(page, lang="km", **params)


def _shown(at: AppTest) -> list[str]:
    """Every text a reader sees on the page: headings, text, captions, notices, labels."""
    texts = [
        e.value
        for kind in ("title", "header", "subheader", "markdown", "caption")
        for e in getattr(at, kind)
    ]
    texts += [e.value for kind in ("info", "warning") for e in getattr(at, kind)]
    texts += [e.label for kind in ("expander", "tabs") for e in getattr(at, kind)]
    texts += [e.label for e in at.get("download_button")] if at.get("download_button") else []
    return [t for t in texts if isinstance(t, str)]


#: page -> its title in Khmer and a label or heading it must show in Khmer.
PAGES = [
    ("views/overview.py", "Where does the campaign stand?", "Headline figures"),
    ("views/trends.py", "What did the campaign do over time?", "How we know"),
    ("views/statements.py", "Who said what?", "Search and filter statements"),
    ("views/policies.py", "What is proposed, and who stands where?", "Who stands where"),
    ("views/sources.py", "Where does this come from?", "Article text"),
    ("views/data.py", "Give me the rows", "The full data package"),
    ("views/checks.py", "Do the figures agree with each other?", "How the checks work"),
    (
        "views/methodology.py",
        "How the data is coded",
        "The rules every record follows, each with an example from the articles this database "
        "was built from. The same text is in the data package's README.",
    ),
    ("views/share.py", "Embed & share a chart", "Standalone HTML"),
]


@pytest.mark.parametrize(("page", "title", "label"), PAGES, ids=[p[0] for p in PAGES])
def test_every_page_reads_in_khmer(khmer_app, page, title, label):
    at = khmer_app(page)
    assert [t.value for t in at.title] == [KM.gettext(title)]
    shown = _shown(at)
    assert any(KM.gettext(label) in text for text in shown), (KM.gettext(label), shown)
    if page == "views/checks.py":  # each check's detail is the build's English, said so
        shown = [text.split("  \n")[0] for text in shown]
    left = sorted({e for e in ENGLISH for text in shown if e in text})
    assert left == [], f"English left on the Khmer {page}: {left}"


def test_the_embed_page_says_in_khmer_that_no_chart_was_named(khmer_app):
    at = khmer_app("views/embed.py", embed="true")
    assert at.info[0].value == KM.gettext("No chart was named.")


def test_counts_and_dates_are_written_in_khmer(khmer_app):
    at = khmer_app("views/statements.py")
    count = next(m.value for m in at.markdown if KM.gettext("{n} statement").split()[0] in m.value)
    assert re.search(r"[០-៩]", count) and not re.search(r"[0-9]", count), count
    summary = " ".join(m.value for m in at.markdown)
    assert re.search(
        r"(មករា|កុម្ភៈ|មីនា|មេសា|ឧសភា|មិថុនា|កក្កដា|សីហា|កញ្ញា|តុលា|វិច្ឆិកា|ធ្នូ) [០-៩]{4}", summary
    )


def test_data_checks_say_their_findings_in_khmer(khmer_app):
    """Each check's headline is the catalogue's Khmer, its numbers in Khmer digits."""
    at = khmer_app("views/checks.py")
    headings = [h.value for h in at.subheader][:2]
    for heading, english in zip(headings, ("Conflicts: {n}", "Open questions: {n}"), strict=True):
        assert re.fullmatch(re.escape(KM.gettext(english)).replace(r"\{n\}", "[០-៩]+"), heading)
    listed = next(m.value for m in at.markdown if m.value.startswith(":orange-badge["))
    headlines = [item.splitlines()[1] for item in listed.split("\n\n")]
    assert headlines and all(KHMER.search(h) and "." not in h[-2:] for h in headlines), headlines
    assert re.search(r"[០-៩]", listed) and not re.search(r"\d{4}-\d{2}-\d{2}", listed)


def _quotes(at) -> list[str]:
    return [
        line
        for m in at.markdown
        for line in m.value.splitlines()
        if line.startswith("> ") and "—" not in line
    ]


def test_quotes_stay_in_the_words_they_were_said_in(app, khmer_app):
    """A statement's quote is the same on the Khmer page as on the English one: English words
    stay English, Khmer words stay Khmer (whatever language the articles were in)."""
    khmer = _quotes(khmer_app("views/statements.py"))
    assert khmer, "no quote on the Khmer Statements page"
    assert khmer == _quotes(app("views/statements.py"))


def test_the_language_switch_is_on_every_page_and_bound_to_the_address(khmer_app):
    at = khmer_app("views/policies.py")
    switch = at.sidebar.button_group[0] if at.sidebar.button_group else None
    assert switch is not None and switch.value == "km"
    switch.set_value("en").run()
    assert at.query_params["lang"] in ("en", ["en"])
    assert at.title[0].value == "What is proposed, and who stands where?"


@pytest.mark.parametrize(
    ("page", "link_label"),
    [
        ("views/overview.py", "See the data checks"),
        ("views/overview.py", "Read it, and what was drawn from it"),
        ("views/overview.py", "All proposals and who stands where"),
    ],
)
def test_links_between_pages_keep_the_language(khmer_app, page, link_label):
    at = khmer_app(page)
    links = [link for link in at.get("page_link") if link.proto.label == KM.gettext(link_label)]
    assert links, f"no link {link_label!r} on {page}"
    assert all("lang=km" in link.proto.query_string for link in links)


@pytest.mark.parametrize(
    ("page", "params"),
    [
        ("views/statements.py", {}),
        ("views/policies.py", {}),
        # An article with coded records (their links): the page opens on whichever article
        # comes first, and an article added with nothing coded yet has none (growth check).
        ("views/sources.py", {"source": "ppp-2017-01-13-campaign-nets-1000"}),
        ("views/trends.py", {}),
    ],
    ids=["views/statements.py", "views/policies.py", "views/sources.py", "views/trends.py"],
)
def test_markdown_links_to_other_pages_keep_the_language(khmer_app, page, params):
    at = khmer_app(page, **params)
    hrefs = [h for m in at.markdown for h in re.findall(r"\]\(([a-z]+\?[^)]*)\)", m.value)]
    assert hrefs, f"no link to another page on {page}"
    assert all("lang=km" in h for h in hrefs), [h for h in hrefs if "lang=km" not in h]


@pytest.mark.parametrize(("lang", "said"), [("km", "ខ្មែរ"), ("en", "English")])
def test_the_light_embed_speaks_the_language_asked_for(seed_db_images, lang, said):
    client = TestClient(Starlette(routes=make_routes(Database(lambda: seed_db_images))))
    chart = next(iter(CURATED))
    # The language goes with the light embed's own address parts: a forced theme, a version.
    page = client.get(f"/charts/{chart}.html?lang={lang}&theme=dark&v=old999")
    assert f'<html lang="{lang}" class="theme-dark">' in page.text
    replaced = translator(lang).gettext(
        "Pinned to version {version}, since replaced: this is the latest."
    )
    assert replaced.split("{")[0] in page.text
    more = (
        translator(lang)
        .gettext("The words behind each figure and the articles, on the {project}")
        .split("{")[0]
    )
    assert more in page.text
    assert ("lang=km" in page.text) == (lang == "km"), said


def test_the_share_page_gives_khmer_links_and_snippets(khmer_app):
    at = khmer_app("views/share.py")
    bodies = [h.proto.body for h in at.get("html")]
    copied = next(b for b in bodies if "copy-blocks" in b)
    # What a reader copies: the permalink and the live, pinned and interactive snippets,
    # unescaped as the page shows them.
    shown = [
        html.unescape(html.unescape(pre)) for pre in re.findall(r"<pre>(.*?)</pre>", copied, re.S)
    ]
    assert len(shown) == 4, shown
    assert all("lang=km" in text for text in shown), shown
    gallery = next(b for b in bodies if "chart-gallery" in b)
    links = re.findall(r'href="(share\?[^"]*)"', gallery)
    assert links and all("lang=km" in href for href in links)


@pytest.mark.parametrize(
    ("lang", "name"),
    [
        ("en", "cambodia-drug-campaign-indicators-source-a-1.csv"),
        ("km", "cambodia-drug-campaign-indicators-source-a-1-km.csv"),
    ],
)
def test_a_download_from_the_khmer_pages_says_so_in_its_name(lang, name):
    assert download_file_name("indicators", ["a-1"], [], lang=lang) == name


def test_a_translated_quote_is_shown_beside_the_words_said_never_in_their_place():
    row = SimpleNamespace(
        actor_name="Sar Kheng",
        actor_role="Interior Minister",
        organisation="Ministry of Interior",
        quote="We will not stop the campaign",
        kind="direct",
        relayed_by_name=None,
        statement_date="2018-02-14",
        statement_date_precision="day",
        stance="supportive",
        topic="campaign",
        source_label="14 Feb 2018 · An article",
        source_id="src-1",
        translations=[{"language": "km", "text": "យើងនឹងមិនបញ្ឈប់", "translator": "AI assistant"}],
    )
    shown = statement_markdown(row, lang="km")
    said, _, rest = shown.partition("\n\n:gray[")
    assert "> We will not stop the campaign" in said and "យើងនឹងមិនបញ្ឈប់" not in said
    assert (
        KM.gettext("Unofficial translation by {translator}").format(translator="AI assistant")
        in rest
    )
    assert "យើងនឹងមិនបញ្ឈប់" in rest


@pytest.mark.parametrize(("lang", "noted"), [("km", "note_km"), ("en", "note")])
def test_a_statements_note_reaches_the_statements_page_in_its_language(seed_db, lang, noted):
    """A statement's caveat in Khmer (statements.note_km, issue 24) is carried by the build
    and shown under the statement on Khmer pages, the English one on English pages."""
    said = "ppp-2018-02-14-robertson-bail"
    record = next(
        r
        for path in sorted((Path(__file__).resolve().parent.parent / "seeds" / "curated").rglob(
            "*.yaml"))
        for r in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("statements") or []
        if r["statement_id"] == said
    )  # fmt: skip
    with Reader(seed_db) as reader:
        row = next(queries.statements(reader, statement_ids=[said]).itertuples())
    shown = statement_markdown(row, lang=lang)
    other = record["note_km" if noted == "note" else "note"]
    assert record[noted].split("(")[0].strip() in shown and other.split("(")[0] not in shown


# --- the data's own sentences in Khmer, the English marked where none is (issue 25) ----------

LANG_EN = re.compile(r'<(span|small) lang="en">')


@pytest.mark.parametrize(
    ("reason_km", "lang", "shown", "marked"),
    [
        ("ការពិពណ៌នាមិនត្រឹមត្រូវ។", "km", "ការពិពណ៌នាមិនត្រឹមត្រូវ", False),
        (None, "km", "The description was wrong", True),
        ("ការពិពណ៌នាមិនត្រឹមត្រូវ។", "en", "The description was wrong", False),
    ],
)
def test_a_correction_gives_its_reason_in_khmer_else_in_english_marked_so(
    reason_km, lang, shown, marked
):
    row = SimpleNamespace(
        corrected_on="2026-12-05", record_kind="policies", record_id="p-1", action="changed",
        field="description", old_value="a", new_value="b", reason="The description was wrong.",
        reason_km=reason_km, corrected_by="curator", review_item=None, data_version="2026.12.05",
    )  # fmt: skip
    said = corrections.correction_markdown(row, lang)
    why = next(line for line in said.splitlines() if shown in line)
    assert bool(LANG_EN.search(why)) is marked, why
    # The kind of record in the reader's words (the English page keeps the code).
    assert ("សំណើ" if lang == "km" else "policies") in said.splitlines()[0]


CHECK = {"kind": "arithmetic", "detail": "users 6,000 vs total 17,800: within.", "rule": None}


@pytest.mark.parametrize(
    ("check", "lang", "rule_shown", "rule_marked"),
    [
        # A curated rule in Khmer (checks.yaml rule_km).
        ({"rule": "Users are at most the total.", "rule_km": "អ្នកប្រើប្រាស់មិនលើសចំនួនសរុបទេ។"},
         "km", "អ្នកប្រើប្រាស់មិនលើសចំនួនសរុបទេ", False),
        # A curated rule with no Khmer yet: English, marked as English.
        ({"rule": "Users are at most the total.", "rule_km": None},
         "km", "Users are at most the total", True),
        # A check every figure gets: its kind's rule from the catalogue.
        ({"kind": "corroboration", "rule_km": None}, "km",
         KM.gettext(check_texts.KIND_RULES["corroboration"])[:20], False),
        ({"rule": "Users are at most the total.", "rule_km": "អ្នកប្រើ"},
         "en", "Users are at most the total", False),
    ],
)  # fmt: skip
def test_a_checks_details_give_its_rule_in_the_readers_language(
    check, lang, rule_shown, rule_marked
):
    said = check_texts.check_details(SimpleNamespace(**(CHECK | check)), lang)
    rule, computation = said.strip().splitlines()
    assert rule_shown in rule and bool(LANG_EN.search(rule)) is rule_marked, rule
    # The computation is worded in English only: marked so on a Khmer page.
    assert "6,000" in computation and bool(LANG_EN.search(computation)) is (lang == "km")


METRICS = pd.DataFrame(
    {
        "metric_id": ["a", "b"],
        "label": ["Arrests", "Users"],
        "label_km": ["ការឃាត់ខ្លួន", None],
        "definition": ["People arrested.", "Users arrested."],
        "definition_km": ["មនុស្សដែលត្រូវឃាត់ខ្លួន។", None],
    }
)


@pytest.mark.parametrize(
    ("ids", "lang", "said", "said_lang"),
    [
        (("a",), "km", "មនុស្សដែលត្រូវឃាត់ខ្លួន។", "km"),
        # One metric without Khmer: the whole sentence in English, never two languages mixed.
        (("a", "b"), "km", "Arrests: People arrested. Users: Users arrested.", "en"),
        (("a",), "en", "People arrested.", "en"),
    ],
)
def test_what_a_chart_measures_is_said_in_one_language(ids, lang, said, said_lang):
    assert measured(METRICS, ids, lang) == (said, said_lang)


@pytest.mark.parametrize(
    ("title", "url", "shown"),
    [
        ("Campaign nets 1,000", None, "១៣ មករា ២០១៧ · Campaign nets 1,000"),
        (None, "https://example.org/news/story-1", "១៣ មករា ២០១៧ · គ្មានចំណងជើង (story-1)"),
    ],
)
def test_an_articles_short_label_has_a_khmer_date_and_its_title_as_published(title, url, shown):
    src = Source.model_validate(
        {"source_id": "s-1", "seed_file": "s-1.txt", "outlet": "The Post", "title": title,
         "url": url, "published_on": "2017-01-13", "date_precision": "day",
         "date_basis": "printed"}
    )  # fmt: skip
    assert short_label(src, "km") == shown


def _curated_yaml(name: str) -> dict:
    path = Path(__file__).resolve().parent.parent / "seeds" / "curated" / name
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_the_seed_checks_and_corrections_carry_their_khmer_words(seed_db: Path):
    """The build carries checks.yaml's rule_km to each check it makes, names the articles
    by their Khmer short labels, keeps corrections.yaml's reason_km and puts a contested
    claim's note_km under its short headline."""
    rules = {r["check_id"]: r for r in _curated_yaml("checks.yaml")["checks"]}
    with Reader(seed_db) as reader:
        checks = queries.readable_checks(reader, "km")
        log = queries.corrections(reader)
    arithmetic = checks[checks["check_id"].str.startswith("arithmetic:arrests-by-type:")]
    assert not arithmetic.empty
    assert set(arithmetic["rule_km"]) == {rules["arrests-by-type"]["rule_km"]}
    named = checks["articles"].dropna().loc[lambda a: a != ""]
    assert named.str.contains("[០-៩]{4} · ").all() and not named.str.contains("[0-9]{4} · ").any()
    # Every reason drafted in Khmer is kept (a reason a coder gave at a Save has none yet).
    given = {
        c["correction_id"]: c["reason_km"]
        for c in _curated_yaml("corrections.yaml")["corrections"]
        if c.get("reason_km")
    }
    kept = log.set_index("correction_id")["reason_km"]
    assert given and {i: kept.get(i) for i in given} == given
    # A contested claim leads with one short Khmer sentence (the catalogue's) and its curated
    # note in Khmer follows on the line under it (contested.yaml note_km).
    notes = {c["contest_id"]: c["note_km"] for c in _curated_yaml("contested.yaml")["contested"]}
    contested = checks.set_index("check_id")
    for contest_id, note_km in notes.items():
        found = contested.loc[f"contested:{contest_id}"]
        assert found["explanation"] == note_km and note_km not in found["headline"]
        assert found["headline"].count("។") == 1 and KHMER.search(found["headline"])


@pytest.mark.parametrize("lang", ["en", "km"])
def test_each_languages_embed_links_to_the_others_from_its_own_folder(lang):
    """On the server and in a static copy alike, an embed's link to another language lands
    on that language's file, and that file's link comes back."""
    here = f"https://host.example/{chart_folder(lang)}c-1.html"
    for other, href in language_links("c-1", lang):
        there = urljoin(here, href)
        assert there == f"https://host.example/{chart_folder(other)}c-1.html"
        back = dict(language_links("c-1", other))[lang]
        assert urljoin(there, back) == here


def test_the_article_picker_names_articles_by_their_khmer_dates(khmer_app):
    at = khmer_app("views/sources.py")
    shown = at.selectbox(key="sources-article").options  # the labels, as a reader sees them
    assert shown and all(re.search("[០-៩]{4} · ", str(o)) for o in shown), shown


def test_the_methodology_reads_in_khmer_paragraph_by_paragraph():
    """Every paragraph of the rules (the models' descriptions, the rules' words, the headings)
    is Khmer on a Khmer page, the data's own English words marked as English: none is left
    as the English text it is generated from."""
    from data_model.generated_messages import generated
    from data_model.methodology import render_methodology

    english = render_methodology({}).split("\n\n")
    khmer = render_methodology({}, "km").split("\n\n")
    assert len(khmer) == len(english)
    left = [e for e, k in zip(english[2:], khmer[2:], strict=True) if not KHMER.search(k)]
    assert left == [], left  # the first two are the file's title and maintainers' note
    # Each generated paragraph has its own Khmer entry (a changed rule is one entry to redo).
    assert all(KM.pgettext("methodology", p) != p for p in generated())


def test_the_build_stores_the_methodology_in_each_language(seed_db):
    with Reader(seed_db) as db:
        info = queries.build_info(db)
    text, said = texts_methodology(info, "km")
    assert said == "km" and KHMER.search(text)
    assert '<span lang="en">“' in text  # an English quote in an example, marked
    assert texts_methodology({"methodology": "## Rules"}, "km") == ("## Rules", "en")


def test_a_copied_citation_names_the_article_in_khmer():
    """The statement a Khmer reader copies cites its article by citation_km (Khmer date,
    outlet and headline as published); an article with none keeps the English citation."""
    from monitor.finding import citation_text

    row = SimpleNamespace(
        quote="We will not stop.",
        kind="direct",
        actor_name="Ke Kim Yan",
        actor_name_km="កែ គឹមយ៉ាន",
        relayed_by_name=None,
        relayed_by_name_km=None,
        actor_role=None,
        organisation=None,
        source_url="https://example.org/a",
        source_citation="Outlet, “Headline”, 13 Jan 2017",
        source_citation_km="Outlet, “Headline”, ១៣ មករា ២០១៧",
    )
    text = citation_text(row, "https://m/statements?statement=s1&lang=km", "km", "2026.12.05")
    assert "Outlet, “Headline”, ១៣ មករា ២០១៧" in text and "13 Jan 2017" not in text
    assert "“We will not stop.”" in text  # the words as said
    english = citation_text(row, "https://m/statements?statement=s1", "en", "2026.12.05")
    assert "13 Jan 2017" in english
    row.source_citation_km = None
    assert "13 Jan 2017" in citation_text(row, "https://m/s", "km", None)


def test_the_data_set_citation_reads_in_khmer_with_its_title_as_published():
    from data_model.citation import TITLE, data_citation

    khmer = data_citation("2026.12.05", "2026-12-05", "https://m", "km")
    assert "(២០២៦)" in khmer and "៥ ធ្នូ ២០២៦" in khmer and TITLE in khmer
    assert "[data set]" not in khmer and "built" not in khmer
    assert data_citation("2026.12.05", "2026-12-05", "https://m").startswith(
        "Cambodia drug campaign monitor (2026). "
    )


def test_the_statements_summary_names_speakers_in_khmer(seed_db: Path):
    from monitor.finding import statement_summary_markdown

    with Reader(seed_db) as reader:
        summary = queries.statement_summary(reader)
    khmer = statement_summary_markdown(summary, "km")
    assert "ស ខេង" in khmer and "Sar Kheng" not in khmer  # the latest and the most cited
    assert "Sar Kheng" in statement_summary_markdown(summary, "en")


def test_a_speaker_s_role_and_organisation_read_in_khmer(seed_db: Path):
    """actors.yaml role_km and organisation_km on a statement, its citation and the
    organisation picker; the English page keeps the English."""
    from monitor.finding import citation_text, organisation_names

    with Reader(seed_db) as reader:
        said = queries.statements(reader, actor_ids=["sar-kheng"])
        actors = queries.actors(reader)
    row = next(said.itertuples())
    khmer = statement_markdown(row, lang="km")
    assert "រដ្ឋមន្ត្រីក្រសួងមហាផ្ទៃ" in khmer and "Interior Minister" not in khmer
    assert "ក្រសួងមហាផ្ទៃ" in citation_text(row, "https://m/s", "km")
    assert "Interior Minister \\(Ministry of Interior\\)" in statement_markdown(row, lang="en")
    assert organisation_names(actors, "km")["Ministry of Interior"] == "ក្រសួងមហាផ្ទៃ"


@pytest.mark.parametrize(
    ("kind", "field", "english"),
    [
        ("policy", "description", "Establish five drug-free"),
        ("policy", "status_note", "Proposed by the government"),
        ("source", "date_basis", "a dated repost of the same report"),
    ],
)
def test_the_curators_words_read_in_khmer_else_in_english_marked_so(
    seed_db: Path, kind, field, english
):
    """A proposal's description and status note (policies.yaml description_km,
    status_note_km) and an article's date basis (sources.yaml date_basis_km) on Khmer
    pages; with no Khmer, the English, marked lang="en"; the English page keeps its words."""
    from monitor.policy_texts import policy_markdown
    from monitor.texts import source_facts_markdown

    with Reader(seed_db) as reader:
        if kind == "policy":
            rows, render = queries.policies(reader), policy_markdown
            row = next(r for r in rows.itertuples() if r.policy_id == "white-villages")
        else:
            rows, render = queries.sources(reader), source_facts_markdown
            row = next(
                r for r in rows.itertuples() if r.source_id == "ppp-2018-02-14-mixed-results"
            )
    khmer = render(row, "km")
    assert english not in khmer and getattr(row, f"{field}_km")[:12] in khmer
    untranslated = render(row._replace(**{f"{field}_km": None}), "km")
    assert re.search(f'<span lang="en">{re.escape(english)}', untranslated), untranslated
    assert english in render(row, "en") and "<span" not in render(row, "en")


def test_a_role_the_article_gave_one_statement_reads_in_khmer(seed_db: Path):
    """statements' actor_role_km: "National Police anti-drug chief" as the article gave
    Mok Chito's words, in Khmer on Khmer pages, never his usual role instead."""
    with Reader(seed_db) as reader:
        said = queries.statements(reader, actor_ids=["mok-chito"])
    row = next(r for r in said.itertuples() if r.actor_role == "National Police anti-drug chief")
    khmer = statement_markdown(row, lang="km")
    assert "ប្រធាននគរបាលប្រឆាំងគ្រឿងញៀន" in khmer and "anti-drug chief" not in khmer
    assert "អគ្គស្នងការរង" not in khmer  # his usual role (actors.yaml role_km) is not this one


@pytest.mark.parametrize(
    ("field", "old", "lang", "before"),
    [
        ("stance", "neutral", "km", "អព្យាក្រឹត"),
        ("stance", "neutral", "en", "neutral"),
        ("description", "Held apart.", "km", '<span lang="en">Held apart.</span>'),
    ],
)
def test_a_corrections_before_and_after_say_codes_in_the_readers_words(field, old, lang, before):
    row = SimpleNamespace(
        corrected_on="2026-12-05", record_kind="statements", record_id="s-1", action="changed",
        field=field, old_value=old, new_value="mixed", reason="Rule.", reason_km="ច្បាប់។",
        corrected_by="curator", review_item=None, data_version="2026.12.05",
    )  # fmt: skip
    said = corrections.correction_markdown(row, lang)
    line = next(line for line in said.splitlines() if before in line)
    assert "neutral" not in line if lang == "km" else "neutral" in line


@pytest.mark.parametrize(
    ("lang", "marked"), [("en", {"សុខ ផល្លា": "km", "Sok Phalla": None, "312": None}),
                         ("km", {"សុខ ផល្លា": None, "Sok Phalla": None, "312": None})],
)  # fmt: skip
def test_a_khmer_cell_in_an_english_table_is_marked_khmer(lang, marked):
    """The Data page's plain table on an English page marks each Khmer cell lang="km" (a
    screen reader reads it in Khmer, the Khmer type settings apply); a Khmer page is Khmer
    already, and English or number cells carry no mark."""
    from monitor.texts import rows_html

    frame = pd.DataFrame({"actor_name": ["Sok Phalla"], "actor_name_km": ["សុខ ផល្លា"],
                          "label": ["312"]})  # fmt: skip
    cells = re.findall(r'<td([^>]*) title="([^"]*)"', rows_html(frame, lang))
    found = {text: (re.search(r'lang="(\w+)"', attrs) or [None, None])[1] for attrs, text in cells}
    assert found == marked
