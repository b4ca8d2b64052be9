"""The database's tables: every column with its type and a description, most taken from the models.

Long because it declares every column of every table with its description; it is a schema,
not logic.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from data_model.records import (
    Actor,
    Category,
    Citation,
    Correction,
    Event,
    Indicator,
    Metric,
    NotCoded,
    Phase,
    Policy,
    PolicyPositionEntry,
    Record,
    Source,
    Statement,
    Unit,
)


@dataclass(frozen=True)
class Column:
    name: str
    sql_type: str
    description: str


@dataclass(frozen=True)
class Table:
    name: str
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...] = ()

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]


def _from(model: type[Record], name: str, sql_type: str, field: str | None = None) -> Column:
    """A column whose description is the model field's, so it is written once."""
    description = model.model_fields[field or name].description
    if not description:
        raise ValueError(f"{model.__name__}.{field or name} has no description")
    return Column(name, sql_type, description)


def _quote_columns(model: type[Record]) -> tuple[Column, ...]:
    return (
        _from(model, "quote", "VARCHAR"),
        Column("quote_start", "INTEGER", "Offset of the quote's first character in sources.body."),
        Column(
            "quote_end", "INTEGER", "Offset just past the quote's last character in sources.body."
        ),
    )


_PRECISION = "How much of the date is known: day, month or year."

SOURCES = Table(
    "sources",
    "One row per news article, with what is known about it and its clean text.",
    (
        _from(Source, "source_id", "VARCHAR"),
        _from(Source, "seed_file", "VARCHAR"),
        _from(Source, "outlet", "VARCHAR"),
        _from(Source, "reporter", "VARCHAR"),
        _from(Source, "title", "VARCHAR"),
        _from(Source, "url", "VARCHAR"),
        _from(Source, "published_on", "DATE"),
        Column("date_precision", "VARCHAR", _PRECISION),
        Column(
            "published_earliest",
            "DATE",
            "The earliest day the article can have been published: the bound curated where "
            "what it reports narrows a month or a year (seeds/curated/sources.yaml), else the first day of published_on's month or year, or the day itself. "
            "Articles are listed, ordered and filtered by it; the citation gives the date only "
            "as far as it is known.",
        ),
        Column(
            "published_latest",
            "DATE",
            "The latest day the article can have been published: the curated bound, else the "
            "last day of published_on's month or year, or the day itself.",
        ),
        _from(Source, "date_basis", "VARCHAR"),
        _from(Source, "date_basis_km", "VARCHAR"),  # issue 25
        _from(Source, "date_inferred", "BOOLEAN"),
        _from(Source, "archive_url", "VARCHAR"),
        _from(Source, "accessed", "DATE"),
        Column("citation", "VARCHAR", "How to cite the article: outlet, title and date as known."),
        Column("short_label", "VARCHAR", "Date and title, for legends and pickers."),
        Column(
            "short_label_km",
            "VARCHAR",
            "The same for Khmer pages: the date in Khmer, the title as published.",
        ),
        Column(
            "citation_km",
            "VARCHAR",
            "The citation for Khmer pages and charts: the date in Khmer, outlet and title as "
            "published.",
        ),
        Column("body", "VARCHAR", "The report's clean text: page furniture removed by rule."),
        Column("raw_sha256", "VARCHAR", "SHA-256 of the raw file, to tell two copies apart."),
    ),
    ("source_id",),
)

UNITS = Table(
    "units",
    "The units figures are counted in, as declared in the data: how each reads beside a number.",
    (
        _from(Unit, "unit_id", "VARCHAR"),
        _from(Unit, "label", "VARCHAR"),
        _from(Unit, "label_km", "VARCHAR"),  # Khmer labels (issue 25): shown with ?lang=km
        _from(Unit, "kind", "VARCHAR"),
        _from(Unit, "currency", "VARCHAR"),
        _from(Unit, "definition", "VARCHAR"),
    ),
    ("unit_id",),
)

CATEGORIES = Table(
    "categories",
    "The groups metrics are shown in, as declared in the data.",
    (
        _from(Category, "category_id", "VARCHAR"),
        _from(Category, "label", "VARCHAR"),
        _from(Category, "label_km", "VARCHAR"),  # issue 25
        _from(Category, "description", "VARCHAR"),
        Column(
            "ordinal",
            "INTEGER",
            "Position of the category in categories.yaml (1 first): the order of the Trends "
            "page's sections.",
        ),
    ),
    ("category_id",),
)

METRICS = Table(
    "metrics",
    "The codebook: what each figure measures.",
    (
        _from(Metric, "metric_id", "VARCHAR"),
        _from(Metric, "label", "VARCHAR"),
        _from(Metric, "label_km", "VARCHAR"),  # issue 25
        _from(Metric, "unit", "VARCHAR"),
        _from(Metric, "category", "VARCHAR"),
        _from(Metric, "definition", "VARCHAR"),
        _from(Metric, "definition_km", "VARCHAR"),  # issue 25
        _from(Metric, "headline_rank", "INTEGER"),
        _from(Metric, "signed", "BOOLEAN"),
    ),
    ("metric_id",),
)

INDICATORS = Table(
    "indicators",
    "One row per figure reported in an article, with its hedge and the words it rests on.",
    (
        _from(Indicator, "indicator_id", "VARCHAR"),
        _from(Indicator, "metric_id", "VARCHAR"),
        _from(Indicator, "value", "DOUBLE"),
        _from(Indicator, "value_to", "DOUBLE"),
        _from(Indicator, "qualifier", "VARCHAR"),
        Column("value_low", "DOUBLE", "Lowest value the report allows; empty when unbounded."),
        Column("value_high", "DOUBLE", "Highest value the report allows; empty when unbounded."),
        Column("unit", "VARCHAR", "Unit of value, from the metric (units.unit_id)."),
        Column(
            "currency",
            "VARCHAR",
            "ISO 4217 code of a money figure's currency, e.g. USD, from its unit; empty for "
            "every other unit.",
        ),
        Column(
            "label",
            "VARCHAR",
            "The figure with its hedge, worded from its unit, e.g. '> 8,000', '≈ 50%', "
            "'USD 1,000,000'; a vague amount's words, e.g. "
            "'thousands (no number given)'.",
        ),
        _from(Indicator, "vague", "VARCHAR"),
        _from(Indicator, "period_start", "DATE"),
        _from(Indicator, "period_end", "DATE"),
        _from(Indicator, "as_of", "DATE"),
        _from(Indicator, "phase_id", "VARCHAR"),
        _from(Indicator, "geography", "VARCHAR"),
        _from(Indicator, "source_id", "VARCHAR"),
        _from(Indicator, "actor_id", "VARCHAR"),
        _from(Indicator, "attribution", "VARCHAR"),
        *_quote_columns(Indicator),
        _from(Indicator, "restates", "VARCHAR"),
        _from(Indicator, "restates_note", "VARCHAR"),
        _from(Indicator, "note", "VARCHAR"),
        _from(Indicator, "note_km", "VARCHAR"),  # issue 25
    ),
    ("indicator_id",),
)

ACTORS = Table(
    "actors",
    "People and bodies quoted or named as acting.",
    (
        _from(Actor, "actor_id", "VARCHAR"),
        _from(Actor, "name", "VARCHAR"),
        _from(Actor, "name_km", "VARCHAR"),  # issue 25
        Column("aliases", "VARCHAR", "Other spellings used in the articles, separated by '; '."),
        _from(Actor, "kind", "VARCHAR"),
        _from(Actor, "role", "VARCHAR"),
        _from(Actor, "organisation", "VARCHAR"),
        _from(Actor, "actor_type", "VARCHAR"),
        _from(Actor, "role_km", "VARCHAR"),  # issue 25
        _from(Actor, "organisation_km", "VARCHAR"),
    ),
    ("actor_id",),
)

STATEMENTS = Table(
    "statements",
    "Quotes and reported positions, each attributed to an actor in one article.",
    (
        _from(Statement, "statement_id", "VARCHAR"),
        _from(Statement, "actor_id", "VARCHAR"),
        _from(Statement, "actor_role", "VARCHAR"),
        _from(Statement, "actor_role_km", "VARCHAR"),  # issue 25
        _from(Statement, "source_id", "VARCHAR"),
        _from(Statement, "relayed_by", "VARCHAR"),
        *_quote_columns(Statement),
        _from(Statement, "kind", "VARCHAR"),
        _from(Statement, "said_on", "DATE"),
        _from(Statement, "topic", "VARCHAR"),
        _from(Statement, "stance", "VARCHAR"),
        Column(
            "translations",
            "VARCHAR",
            "Unofficial translations of the quote as a JSON list, empty when there is none: "
            "each with language (e.g. km), text, translator (who translated), status "
            "(needs_review until a native speaker has checked it) and reviewed_by. The quote "
            "column stays the words said, in the language said.",
        ),
        _from(Statement, "note", "VARCHAR"),
        _from(Statement, "note_km", "VARCHAR"),  # issue 24
    ),
    ("statement_id",),
)

POLICIES = Table(
    "policies",
    "Proposals and measures discussed in the articles.",
    (
        _from(Policy, "policy_id", "VARCHAR"),
        _from(Policy, "name", "VARCHAR"),
        _from(Policy, "label_km", "VARCHAR"),  # issue 25
        _from(Policy, "description", "VARCHAR"),
        _from(Policy, "description_km", "VARCHAR"),  # issue 25
        _from(Policy, "category", "VARCHAR"),
        _from(Policy, "status", "VARCHAR"),
        _from(Policy, "status_note", "VARCHAR"),
        _from(Policy, "status_note_km", "VARCHAR"),  # issue 25
        _from(Policy, "status_as_of", "DATE"),
        _from(Policy, "proposed_by", "VARCHAR"),
        _from(Policy, "proposed_on", "DATE"),
        Column("proposed_on_precision", "VARCHAR", _PRECISION),
        _from(Policy, "first_source_id", "VARCHAR"),
        *_quote_columns(Policy),
    ),
    ("policy_id",),
)

POLICY_POSITIONS = Table(
    "policy_positions",
    "Where named actors stand on each proposal, each position backed by a quote: those "
    "listed with the proposal in policies.yaml and those a later article's own curated "
    "file codes under `positions`.",
    (
        Column(
            "position_id",
            "VARCHAR",
            "Identifier of the position: policy id and a number for one listed with its "
            "proposal in policies.yaml, the curated position_id for one coded in an article's file.",
        ),
        Column("policy_id", "VARCHAR", "The proposal (policies.policy_id)."),
        _from(PolicyPositionEntry, "actor_id", "VARCHAR"),
        _from(PolicyPositionEntry, "actor_role", "VARCHAR"),
        _from(PolicyPositionEntry, "actor_role_km", "VARCHAR"),  # issue 25
        _from(PolicyPositionEntry, "position", "VARCHAR"),
        _from(PolicyPositionEntry, "source_id", "VARCHAR"),
        _from(PolicyPositionEntry, "relayed_by", "VARCHAR"),
        *_quote_columns(PolicyPositionEntry),
        _from(PolicyPositionEntry, "kind", "VARCHAR"),
    ),
    ("position_id",),
)

PHASES = Table(
    "phases",
    "The campaign's phases.",
    (
        _from(Phase, "phase_id", "VARCHAR"),
        _from(Phase, "ordinal", "INTEGER"),
        _from(Phase, "name", "VARCHAR"),
        _from(Phase, "label_km", "VARCHAR"),  # issue 25
        _from(Phase, "start_date", "DATE"),
        _from(Phase, "end_date", "DATE"),
        _from(Phase, "description", "VARCHAR"),
        _from(Phase, "date_basis", "VARCHAR"),
    ),
    ("phase_id",),
)

PHASE_CITATIONS = Table(
    "phase_citations",
    "Passages of the articles that describe each phase.",
    (
        Column("phase_id", "VARCHAR", "The phase (phases.phase_id)."),
        _from(Citation, "source_id", "VARCHAR"),
        *_quote_columns(Citation),
    ),
)

POLICY_CITATIONS = Table(
    "policy_citations",
    "Passages saying a proposal's status happened (announced, in effect, dismissed).",
    (
        Column("policy_id", "VARCHAR", "The proposal (policies.policy_id)."),
        _from(Citation, "source_id", "VARCHAR"),
        *_quote_columns(Citation),
    ),
)

EVENTS = Table(
    "events",
    "Dated moments of the campaign.",
    (
        _from(Event, "event_id", "VARCHAR"),
        _from(Event, "event_date", "DATE"),
        _from(Event, "event_date_end", "DATE"),
        Column("date_precision", "VARCHAR", _PRECISION),
        _from(Event, "date_basis", "VARCHAR"),
        _from(Event, "kind", "VARCHAR"),
        _from(Event, "title", "VARCHAR"),
        _from(Event, "title_km", "VARCHAR"),  # issue 25
        _from(Event, "source_id", "VARCHAR"),
        *_quote_columns(Event),
    ),
    ("event_id",),
)

NOT_CODED = Table(
    "not_coded",
    "Sentences that attribute words or carry a figure but rest under no record, each with the "
    "reason; with the records' quotes they account for every such sentence of every article.",
    (
        _from(NotCoded, "source_id", "VARCHAR"),
        *_quote_columns(NotCoded),
        _from(NotCoded, "reason", "VARCHAR"),
    ),
)

CONSISTENCY_CHECKS = Table(
    "consistency_checks",
    "Checks of figures against each other: corroboration, arithmetic and gaps.",
    (
        Column("check_id", "VARCHAR", "Identifier of the check."),
        Column(
            "kind", "VARCHAR", "corroboration, arithmetic, gap, restatement, status or contested."
        ),
        Column("metric_id", "VARCHAR", "The metric checked, where one is."),
        Column("period_start", "DATE", "First day of the period checked, where one is."),
        Column("period_end", "DATE", "Last day of the period checked, where one is."),
        Column("status", "VARCHAR", "pass, warn or fail."),
        Column(
            "severity",
            "VARCHAR",
            "What the finding means to a reader: conflict (the figures cannot all be right), "
            "question (undecided, or worth a look), note (a figure reported once only) or "
            "agreement; the Data checks page leads with conflicts and folds notes and agreements.",
        ),
        Column("headline", "VARCHAR", "The finding in one short plain sentence, in English."),
        Column(
            "headline_km",
            "VARCHAR",
            "The same sentence in Khmer (translated by the project, needs review by a native "
            "speaker).",
        ),
        Column(
            "explanation",
            "VARCHAR",
            "A second line under the headline, in English: why the finding matters, or for "
            "contested claims the curator's note on what stands against what; empty when the "
            "headline says it all.",
        ),
        Column(
            "explanation_km",
            "VARCHAR",
            "The same line in Khmer (the catalogue's, or contested.yaml's note_km; needs "
            "review by a native speaker); empty where none is given.",
        ),
        Column("detail", "VARCHAR", "What was compared, with the numbers, in full, in English."),
        Column(
            "rule",
            "VARCHAR",
            "The curated rule the check applies, in plain words (checks.yaml, field rule); "
            "empty for the checks every figure gets (corroboration, restatement, gaps of a "
            "metric, statuses, contested claims).",
        ),
        Column(
            "rule_km",
            "VARCHAR",
            "The same rule in Khmer (checks.yaml, field rule_km); empty where none is given.",
        ),
        Column("source_ids", "VARCHAR", "The articles involved, separated by '; '."),
        Column(
            "record_ids",
            "VARCHAR",
            "The records (indicators, statements, policies) checked, separated by '; '.",
        ),
    ),
    ("check_id",),
)

BUILD_INFO = Table(
    "build_info",
    "When and from what the database was built.",
    (
        Column("key", "VARCHAR", "Name of the fact."),
        Column("value", "VARCHAR", "The fact."),
    ),
    ("key",),
)

CORRECTIONS = Table(
    "corrections",
    "The corrections log: every change to a published record with its reason, the entries "
    "curated in corrections.yaml and those a build was given (--reason). A withdrawn record "
    "stays listed, never silently gone.",
    (
        _from(Correction, "correction_id", "VARCHAR"),
        _from(Correction, "record_kind", "VARCHAR"),
        _from(Correction, "record_id", "VARCHAR"),
        _from(Correction, "action", "VARCHAR"),
        _from(Correction, "field", "VARCHAR"),
        _from(Correction, "old_value", "VARCHAR"),
        _from(Correction, "new_value", "VARCHAR"),
        _from(Correction, "reason", "VARCHAR"),
        _from(Correction, "reason_km", "VARCHAR"),  # issue 25
        _from(Correction, "corrected_on", "DATE"),
        _from(Correction, "corrected_by", "VARCHAR"),
        _from(Correction, "review_item", "VARCHAR"),
        Column(
            "data_version",
            "VARCHAR",
            "The data version that first carried the correction (build_info.data_version).",
        ),
    ),
    ("correction_id",),
)

#: Every table the ETL writes, in load order.
TABLES: tuple[Table, ...] = (
    SOURCES,
    UNITS,
    CATEGORIES,
    METRICS,
    ACTORS,
    PHASES,
    PHASE_CITATIONS,
    INDICATORS,
    STATEMENTS,
    POLICIES,
    POLICY_POSITIONS,
    POLICY_CITATIONS,
    EVENTS,
    NOT_CODED,
    CONSISTENCY_CHECKS,
    CORRECTIONS,
    BUILD_INFO,
)
TABLES_BY_NAME: dict[str, Table] = {t.name: t for t in TABLES}

CHART_IMAGES = Table(
    "chart_images",
    "Every chart drawn as static images by the build, so no page starts a browser to draw one.",
    (
        Column("chart_id", "VARCHAR", "The chart's stable id (charts.catalogue)."),
        Column(
            "lang",
            "VARCHAR",
            "The language of its words (data_model.i18n.LANGUAGES): the build makes each "
            "chart in every language (charts.words).",
        ),
        Column(
            "kind",
            "VARCHAR",
            "svg-wide (laptops), svg-narrow (phones), png (reports) or svg-print (the PNG's "
            "print layout as SVG).",
        ),
        Column(
            "fingerprint",
            "VARCHAR",
            "SHA-256 of the figure and drawing options: a later build reuses an unchanged image.",
        ),
        Column("image", "BLOB", "The image file's bytes."),
    ),
    ("chart_id", "lang", "kind"),
)

BUILD_CHANGES = Table(
    "build_changes",
    "What each of the last builds added, changed or removed compared with the database it "
    "replaced (the feed's history, carried from file to file).",
    (
        Column("table_name", "VARCHAR", "The table of the record: sources, indicators, ..."),
        Column("record_id", "VARCHAR", "The record's id in that table."),
        Column("change", "VARCHAR", "added, changed or removed."),
        Column("source_id", "VARCHAR", "The article the record rests on (as it was, if removed)."),
        Column("build", "INTEGER", "Which build: one more than the last build with changes."),
        Column("built_at", "VARCHAR", "When that build ran (ISO 8601, UTC)."),
        Column("data_version", "VARCHAR", "The data version that build made."),
    ),
    ("build", "table_name", "record_id"),
)

BUILD_VERSIONS = Table(
    "build_versions",
    "Every data version the database's history holds, oldest first (carried from file to "
    "file): what changes.json?since= counts from.",
    (
        Column("ordinal", "INTEGER", "The version's place: 1 for the first."),
        Column("data_version", "VARCHAR", "The version, e.g. 2026.12.05 or 2026.12.05.2."),
        Column("built_at", "VARCHAR", "When the build that made it ran (ISO 8601, UTC)."),
        Column("fingerprint", "VARCHAR", "SHA-256 of the data tables: same data, same version."),
        Column("reason", "VARCHAR", "The reason the build was given (--reason), if any."),
    ),
    ("ordinal",),
)

CHANGE_FIELDS = Table(
    "change_fields",
    "Each field a build changed in a record it kept, with the old and the new value as text.",
    (
        Column("data_version", "VARCHAR", "The data version that made the change."),
        Column("table_name", "VARCHAR", "The table of the record: sources, indicators, ..."),
        Column("record_id", "VARCHAR", "The record's id in that table."),
        Column("field", "VARCHAR", "The column changed."),
        Column("old_value", "VARCHAR", "Its value before, as text; empty where it was empty."),
        Column("new_value", "VARCHAR", "Its value after, as text; empty where it is empty."),
    ),
    ("data_version", "table_name", "record_id", "field"),
)

CHART_PARTS = Table(
    "chart_parts",
    "Every chart as the build made it (figure, words, evidence), so no page rebuilds one.",
    (
        Column("chart_id", "VARCHAR", "The chart's stable id (charts.catalogue)."),
        Column(
            "lang",
            "VARCHAR",
            "The language of its words (data_model.i18n.LANGUAGES): the build makes each "
            "chart in every language (charts.words).",
        ),
        Column("ordinal", "INTEGER", "The chart's place in the catalogue (galleries, lists)."),
        Column("title", "VARCHAR", "The chart's title."),
        Column("takeaway", "VARCHAR", "The chart's takeaway in words."),
        Column("figure", "VARCHAR", "The Plotly figure as JSON (plotly.io.to_json)."),
        Column(
            "evidence", "VARCHAR", "The words behind each figure drawn, as pandas 'split' JSON."
        ),
        Column("sources", "VARCHAR", "The articles the chart rests on, as a JSON list of text."),
    ),
    ("chart_id", "lang"),
)

CHART_KEYS = Table(
    "chart_keys",
    "What each chart was made from, so the next build remakes only the charts whose input "
    "changed and copies the rest's parts from this file.",
    (
        Column("chart_id", "VARCHAR", "The chart's stable id (charts.catalogue)."),
        Column(
            "input_key",
            "VARCHAR",
            "SHA-256 of the build's code, the chart's definition and every row it read.",
        ),
        Column(
            "reads",
            "VARCHAR",
            "The reads the chart made (each a JSON [method, arguments, keywords]), as a JSON "
            "list: the next build asks the same, and remakes the chart if an answer differs.",
        ),
    ),
    ("chart_id",),
)

STEP_KEYS = Table(
    "step_keys",
    "What a whole build step read, so the next build copies the step's rows from this file "
    "instead of running it when that is unchanged (the consistency checks: etl.check_carry; "
    "every chart at once: etl.chart_rows).",
    (
        Column(
            "step",
            "VARCHAR",
            "The step, named by the table it fills, or 'chart_reads': the answers of every "
            "read the charts make, whose digest lets a Save copy every chart whole.",
        ),
        Column(
            "input_key",
            "VARCHAR",
            "SHA-256 of the build's code and every record, name or table the step read.",
        ),
        Column(
            "reads",
            "VARCHAR",
            "What the step read beyond its key's records, as a JSON list (the checks: each "
            "group of checks and its key, as [group, key] pairs, etl.check_groups; the charts: "
            "the tables their queries read): the next build hashes the same, and runs again "
            "what differs.",
        ),
    ),
    ("step",),
)

COVERAGE_NEEDS = Table(
    "coverage_needs",
    "The sentences of each article body that need coding (corpus.coverage), so the next build "
    "accounts for an unchanged body without splitting and reading it again.",
    (
        Column("body_sha256", "VARCHAR", "SHA-256 of the clean body (sources.body) they are in."),
        Column("sentence_start", "INTEGER", "Offset of the sentence's first character."),
        Column("sentence_end", "INTEGER", "Offset just past the sentence's last character."),
        Column(
            "sentence", "VARCHAR", "The sentence's text, where it is not the body between them."
        ),
        Column("reason", "VARCHAR", "Why it needs coding ('attributes words: said')."),
    ),
    (),
)

COVERAGE_ACCOUNTS = Table(
    "coverage_accounts",
    "Each article's coverage accounting (corpus.coverage), in source order, with what it is a "
    "function of: the next build by the same code carries an article's over while its key is "
    "the same, and accounts again only the articles whose body or spans changed.",
    (
        Column("source_id", "VARCHAR", "The article (sources.source_id)."),
        Column(
            "account_sha256",
            "VARCHAR",
            "SHA-256 of the clean body's SHA-256 and the spans coded and excused in it "
            "(corpus.coverage.account_key).",
        ),
        Column("sentences", "INTEGER", "How many of its sentences need coding."),
        Column("covered", "INTEGER", "How many of them a record quotes."),
        Column("excused", "INTEGER", "How many of them a not_coded entry excuses, none quoting."),
    ),
    ("source_id",),
)

TABLE_RUNS = Table(
    "table_runs",
    "The runs of rows each curated file gave each data table, in order, so the next build "
    "copies an unchanged file's from this file instead of making them again (etl.carry).",
    (
        Column("table_name", "VARCHAR", "The data table (data_model.tables.TABLES)."),
        Column(
            "part",
            "INTEGER",
            "0, or 1 for the positions coded in articles' files, which follow those listed "
            "with their proposals in policy_positions.",
        ),
        Column("file", "VARCHAR", "The curated file, as build_inputs names it."),
        Column("first_row", "INTEGER", "The run's first row in the table, from 0 (rowid)."),
        Column("row_count", "INTEGER", "How many rows the run holds."),
        Column(
            "digest",
            "VARCHAR",
            "SHA-256 of the run's rows as the build made them (etl.carry.run_digest); a "
            "table's digest in the content fingerprint is made of its runs' in order.",
        ),
    ),
    ("table_name", "part", "file"),
)

TRENDS_SECTIONS = Table(
    "trends_sections",
    "The Trends page's sections as the build's catalogue made them (one per category with a "
    "chart), so no server rebuilds the catalogue.",
    (
        Column("section_id", "VARCHAR", "The id the page's address carries (?section=)."),
        Column("lang", "VARCHAR", "The language of its name (data_model.i18n.LANGUAGES)."),
        Column("label", "VARCHAR", "The name readers see, in that language."),
        Column("ordinal", "INTEGER", "The section's place on the page (categories.yaml order)."),
        Column("chart_ids", "VARCHAR", "The charts it shows, in order, as a JSON list of ids."),
    ),
    ("section_id", "lang"),
)

CONTENT_FINGERPRINT = Table(
    "content_fingerprint",
    "SHA-256 of every data table but build_info: a rebuild with the same content keeps the "
    "dashboard's caches.",
    (Column("fingerprint", "VARCHAR", "The content's SHA-256 in hex."),),
)


BUILD_INPUTS = Table(
    "build_inputs",
    "What the build read, by content hash: each article and curated file, and the build's code; "
    "the next build re-reads only what changed and carries the rest over from this file.",
    (
        Column("path", "VARCHAR", "The file, relative to the seeds' parent; 'code' for the code."),
        Column(
            "kind",
            "VARCHAR",
            "article, curated, codebook (a curated file of codebook kinds) or code.",
        ),
        Column(
            "sha256", "VARCHAR", "SHA-256 of the file's bytes (of the build's code for 'code')."
        ),
        Column(
            "document",
            "BLOB",
            "A curated file's document as read, as tagged JSON (dates kept) compressed with "
            "zlib (etl.document_forms.packed), so an unchanged file is not parsed again; empty "
            "for articles and when it has no JSON form.",
        ),
    ),
    ("path",),
)


def _taken(table: Table, name: str, as_name: str | None = None) -> Column:
    """A column of another table, under its name or another, with that table's description."""
    column = next(c for c in table.columns if c.name == name)
    return Column(as_name or name, column.sql_type, f"{column.description} ({table.name}.{name})")


#: The article's columns shown beside a figure or a statement, as the read layer names them.
_SOURCE_SHOWN = tuple(
    _taken(SOURCES, name, f"source_{as_name}")
    for name, as_name in (
        ("title", "title"),
        ("outlet", "outlet"),
        ("url", "url"),
        ("published_on", "published_on"),
        ("date_precision", "date_precision"),
        ("date_inferred", "date_inferred"),
        ("citation", "citation"),
        ("short_label", "label"),
        ("short_label_km", "label_km"),
        ("citation_km", "citation_km"),
        # Cited where recorded (issue 28): the archived copy and the day the article was read.
        ("archive_url", "archive_url"),
        ("accessed", "accessed"),
    )
)

STATEMENT_SEARCH = Table(
    "statement_search",
    "Every statement with what the Statements page filters, counts, orders and shows it by, "
    "and the article's columns shown beside it, in one row: a filter change or a list reads "
    "this table alone.",
    (
        Column("statement_id", "VARCHAR", "The statement (statements.statement_id)."),
        Column(
            "list_order", "INTEGER", "Its place in the list: newest first, then article, place."
        ),
        Column("actor_id", "VARCHAR", "Who spoke (actors.actor_id)."),
        Column("actor_name", "VARCHAR", "The speaker's name."),
        Column("organisation", "VARCHAR", "The speaker's organisation, where one is given."),
        Column("actor_type", "VARCHAR", "The speaker's type of organisation."),
        Column("stance", "VARCHAR", "The statement's stance."),
        Column("topic", "VARCHAR", "The statement's topic."),
        Column("source_id", "VARCHAR", "The article (sources.source_id)."),
        Column(
            "said",
            "DATE",
            "The day said where the article gives it, else the earliest day its article can "
            "have been published (sources.published_earliest).",
        ),
        Column("said_precision", "VARCHAR", _PRECISION),
        Column("said_year", "INTEGER", "The year of said."),
        Column(
            "haystack",
            "VARCHAR",
            "What the search looks in (the words, the speaker's name and other spellings, "
            "organisation and roles), lower-cased, accents and curly quotes folded.",
        ),
        Column(
            "actor_role",
            "VARCHAR",
            "The speaker's role as the article gave it, else as usually given.",
        ),
        Column("quote", "VARCHAR", "The statement's words (statements.quote)."),
        Column("kind", "VARCHAR", "direct, reported or relayed (statements.kind)."),
        Column("said_on", "DATE", "The day said, where the article gives it (statements.said_on)."),
        Column(
            "relayed_by", "VARCHAR", "Who passed the words on, where someone did (actors.actor_id)."
        ),
        Column("relayed_by_name", "VARCHAR", "That actor's name."),
        Column("note", "VARCHAR", "A caveat shown beside the statement (statements.note)."),
        *_SOURCE_SHOWN,
    ),
    ("statement_id",),
)

_INDICATOR = {c.name: c for c in INDICATORS.columns}

INDICATOR_ROWS = Table(
    "indicator_rows",
    "Every figure joined once with its metric, category, unit, phase, actor and article: the "
    "columns the Data page and the API show, so a request reads one table, no joins.",
    (
        *(_INDICATOR[n] for n in ("indicator_id", "metric_id")),
        _taken(METRICS, "label", "metric_label"),
        # The metric's Khmer label: charts in Khmer read it with the figures (charts.words).
        _taken(METRICS, "label_km", "metric_label_km"),
        _taken(METRICS, "category"),
        _taken(CATEGORIES, "label", "category_label"),
        *(
            _INDICATOR[n]
            for n in ("value", "value_to", "qualifier", "value_low", "value_high", "unit")
        ),
        _taken(UNITS, "label", "unit_label"),
        _taken(UNITS, "kind", "unit_kind"),
        *(
            _INDICATOR[n]
            for n in (
                *("currency", "label", "vague", "restates", "restates_note"),
                *("period_start", "period_end", "as_of", "phase_id"),
            )
        ),
        _taken(PHASES, "name", "phase_name"),
        *(_INDICATOR[n] for n in ("geography", "actor_id")),
        _taken(ACTORS, "name", "actor_name"),
        # The actor's name in Khmer (issue 24), for the downloads: blank where none.
        _taken(ACTORS, "name_km", "actor_name_km"),
        *(_INDICATOR[n] for n in ("attribution", "quote", "note", "note_km", "source_id")),
        *_SOURCE_SHOWN,
    ),
    ("indicator_id",),
)

#: Tables the build writes for the app's own use: not data, so not in the data package.
INTERNAL_TABLES: tuple[Table, ...] = (
    CHART_IMAGES,
    BUILD_CHANGES,
    BUILD_VERSIONS,
    CHANGE_FIELDS,
    CHART_PARTS,
    CHART_KEYS,
    STEP_KEYS,
    COVERAGE_NEEDS,
    COVERAGE_ACCOUNTS,
    TABLE_RUNS,
    TRENDS_SECTIONS,
    CONTENT_FINGERPRINT,
    STATEMENT_SEARCH,
    INDICATOR_ROWS,
    BUILD_INPUTS,
)

#: Raised by hand when the meaning of stored rows changes without their shape (e.g. what a
#: chart row holds); the shape itself is hashed into SCHEMA_VERSION below.
SCHEMA_REVISION = 1


def _schema_version() -> str:
    shape = [
        (t.name, [(c.name, c.sql_type) for c in t.columns], list(t.primary_key))
        for t in (*TABLES, *INTERNAL_TABLES)
    ]
    text = json.dumps([SCHEMA_REVISION, shape])
    return f"{SCHEMA_REVISION}-{hashlib.sha256(text.encode()).hexdigest()[:12]}"


#: The schema this code writes and reads, stored in build_info by every build: a database
#: file of any other version is rebuilt before it is read (monitor.bootstrap.needs_build).
SCHEMA_VERSION = _schema_version()

#: build_info's key for SCHEMA_VERSION.
SCHEMA_VERSION_KEY = "schema_version"
