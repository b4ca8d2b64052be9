"""The curated records: one strict pydantic model per kind, every field described.

Long because it holds one model per record kind, each field described for the codebook:
the length is descriptions, not logic.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from enum import StrEnum
from typing import Annotated

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from data_model.fidelity_rules import date_span
from data_model.qualifiers import VAGUE_LOWER_BOUNDS, Qualifier

Id = Annotated[
    str,
    Field(pattern=r"^[a-z0-9][a-z0-9-]*$", min_length=2, max_length=80),
]
Text = Annotated[str, Field(min_length=1)]
Quote = Annotated[
    str,
    Field(
        min_length=3,
        description="The exact words in the article this record rests on. The ETL checks that "
        "they occur in the article's clean text (white space and straight/curly quotation "
        "marks aside) and stores their character offsets.",
    ),
]
#: The campaign's context starts long after 2000; nothing is reported from the future
#: beyond a scheduled date a year ahead. Charts spanning year 1 to 9999 cannot be drawn.
EARLIEST_DATE = dt.date(2000, 1, 1)
FUTURE_DAYS = 366
#: No count or mass of Cambodia's campaign comes near a billion, but money does: at some
#: 4,000 riels to the dollar, a $1 million fund is 4 billion riels. A thousand trillion
#: still refuses absurd input, and every whole number below it is exact in a float.
MAX_VALUE = 1_000_000_000_000_000


def _plausible_date(value: dt.date) -> dt.date:
    latest = dt.date.today() + dt.timedelta(days=FUTURE_DAYS)
    if not EARLIEST_DATE <= value <= latest:
        raise ValueError(
            f"date {value.isoformat()} is outside {EARLIEST_DATE.isoformat()} to "
            f"{latest.isoformat()} (one year from today)"
        )
    return value


#: Khmer letters and signs (U+1780-U+17FF, U+19E0-U+19FF); Latin letters in a Khmer label
#: mean English pasted in the wrong field.
_KHMER = re.compile("[\u1780-\u17ff\u19e0-\u19ff]")
_LATIN = re.compile("[A-Za-z]")


def _khmer_text(value: str) -> str:
    """Khmer text as the monitor stores it: in Khmer script and Unicode NFC."""
    if not _KHMER.search(value):
        raise ValueError(f"{value[:40]!r} is not in Khmer script")
    if not unicodedata.is_normalized("NFC", value):
        raise ValueError(f"{value[:40]!r} is not in Unicode NFC (normalise it before saving)")
    return value


def _khmer_label(value: str) -> str:
    _khmer_text(value)
    if _LATIN.search(value):
        raise ValueError(f"{value[:40]!r} mixes Latin letters into a Khmer label")
    return value


#: A label or name in Khmer script, no Latin letters (an empty field shows the English).
KhmerLabel = Annotated[str, Field(min_length=1), AfterValidator(_khmer_label)]
#: Where a translation and its review are recorded.
_PROVENANCE = (
    "needs review by a native speaker unless seeds/curated/translations.yaml, which says who "
    "translated what, records a review; empty where no translation is sure, and the English "
    "is shown."
)


def _label_km(what: str) -> object:
    return Field(default=None, description=f"{what} in Khmer script; {_PROVENANCE}")


#: A sentence in Khmer (a title, a definition, a reason): in Khmer script and NFC; Latin
#: letters are allowed, for the names and abbreviations (NACD, UNODC) Khmer prose keeps.
KhmerText = Annotated[str, Field(min_length=1), AfterValidator(_khmer_text)]


def _area_said(value: object) -> object:
    """A figure's area is said: a draft leaves it blank when its words name two places or a
    story's province, and the curator, not a default, fills it."""
    if value is None or (isinstance(value, str) and not value.strip()):
        raise ValueError(
            "say the area the figure covers: 'national', or the place as the article gives it"
        )
    return value


Area = Annotated[str, BeforeValidator(_area_said), Field(min_length=1)]


def _text_km(what: str) -> object:
    return Field(
        default=None,
        description=f"{what} in Khmer, shown on Khmer pages; empty where none was written "
        f"(a Khmer page then shows the English, a download leaves it empty); {_PROVENANCE}",
    )


#: A role an article gives: the record's own where it gives another, and in the tables read
#: and downloaded the actor's usual role where it gives none (database.queries: coalesce).
_ROLE = (
    "The {who}'s role as this article gives it, where it differs from the actor's usual role; "
    "in the tables shown and downloaded, the actor's usual role (actors.role) where the "
    "article gives none."
)
_ROLE_KM = (
    "That role in Khmer, where one was written for this article; in the tables shown and "
    "downloaded, where the article gives no role of its own, the actor's usual role in Khmer "
    "(actors.role_km). Empty where neither was written (a Khmer page then shows the English, "
    f"a download leaves it empty); {_PROVENANCE}"
)


# Dates come from YAML as date objects; quoted ISO strings are accepted too.
Date = Annotated[
    dt.date,
    Field(strict=False),
    AfterValidator(_plausible_date),
]


class DatePrecision(StrEnum):
    day = "day"
    month = "month"
    year = "year"


class ActorType(StrEnum):
    government = "government"
    police = "police"
    ngo = "ngo"
    international_organisation = "international_organisation"
    expert = "expert"
    other = "other"


class ActorKind(StrEnum):
    person = "person"
    organisation = "organisation"
    unnamed = "unnamed"


class Stance(StrEnum):
    supportive = "supportive"
    critical = "critical"
    mixed = "mixed"
    neutral = "neutral"


class Topic(StrEnum):
    arrests = "arrests"
    rehabilitation = "rehabilitation"
    treatment = "treatment"
    prisons = "prisons"
    rights = "rights"
    campaign = "campaign"
    policy = "policy"
    funding = "funding"
    prevention = "prevention"


class StatementKind(StrEnum):
    direct = "direct"
    reported = "reported"


class Position(StrEnum):
    supports = "supports"
    opposes = "opposes"
    mixed = "mixed"


class PolicyStatus(StrEnum):
    proposed = "proposed"
    under_study = "under_study"
    announced = "announced"
    in_effect = "in_effect"
    dismissed = "dismissed"
    unknown = "unknown"


class PolicyCategory(StrEnum):
    enforcement = "enforcement"
    treatment = "treatment"
    prisons = "prisons"
    justice = "justice"
    prevention = "prevention"
    campaign = "campaign"


class Language(StrEnum):
    en = "en"
    km = "km"


class TranslationStatus(StrEnum):
    needs_review = "needs_review"
    reviewed = "reviewed"


class EventKind(StrEnum):
    launch = "launch"
    extension = "extension"
    review_meeting = "review_meeting"
    destruction = "destruction"
    death = "death"
    announcement = "announcement"
    other = "other"


class Record(BaseModel):
    """Base of every curated record: unknown keys and wrong types are errors."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class ReviewStatus(StrEnum):
    """Where a record stands in the two-person rule (issue 24)."""

    provisional = "provisional"
    approved = "approved"
    returned = "returned"


class Reviewed(Record):
    """A record a second person approves before it is published (issue 24's two-person rule).

    The seeds were reviewed before the rule existed: a record without these fields is approved.
    The build publishes approved records only.
    """

    review_status: ReviewStatus = Field(
        default=ReviewStatus.approved,
        strict=False,
        description="provisional (saved by a researcher, awaiting a second editor), approved "
        "(published) or returned (sent back with a comment); only approved records are built.",
    )
    approved_by: str | None = Field(
        default=None, description="The second editor who approved the record, where recorded."
    )
    approved_at: dt.datetime | None = Field(
        default=None, strict=False, description="When it was approved (UTC), where recorded."
    )


class Citation(Record):
    """A passage of one article that a record rests on."""

    source_id: Id = Field(description="The article (sources.source_id) the words are from.")
    quote: Quote


class Source(Reviewed):
    """One news article: the raw file under seeds/articles and what is known about it."""

    source_id: Id = Field(description="Stable identifier of the article, e.g. ppp-2018-02-14.")
    seed_file: Text = Field(
        pattern=r"^[^/\\]+\.txt$",
        description="File name of the raw article under seeds/articles/, kept byte for byte.",
    )
    outlet: Text = Field(description="The publication, e.g. The Phnom Penh Post.")
    reporter: str | None = Field(default=None, description="Byline, where known.")
    title: str | None = Field(
        default=None, description="Headline as published; empty where it is not known."
    )
    url: str | None = Field(
        default=None,
        pattern=r"^https?://\S+$",
        description="Web address of the article; empty where it is not known.",
    )
    published_on: Date = Field(
        description="Publication date. With month or year precision, the first day of it."
    )
    date_precision: DatePrecision = Field(
        strict=False, description="How much of published_on is known."
    )
    date_basis: Text = Field(
        description="How the publication date is known, e.g. 'printed on a dated repost' or "
        "'inferred: the event was yesterday, 26 June'."
    )
    date_basis_km: KhmerText | None = _text_km("How the publication date is known")
    published_earliest: Date | None = Field(
        default=None,
        description="For a publication date known only to its month or year, the earliest day "
        "the article can have appeared, from what it reports (e.g. the day of the meeting it "
        "reports); empty where nothing narrows it (then the first day of the month or year). "
        "Lists and filters order articles by it; citations still give only what is known.",
    )
    published_latest: Date | None = Field(
        default=None,
        description="For a publication date known only to its month or year, the latest day "
        "the article can have appeared; empty where nothing narrows it (then the last day of "
        "the month or year).",
    )
    date_inferred: bool = Field(
        default=False,
        description="True where the publication date is not printed on the article or a dated "
        "copy of it but worked out from what it reports (date_basis says how): every citation "
        "of the article then says the date is inferred, so a reader never quotes a guessed day "
        "as a printed one.",
    )
    archive_url: str | None = Field(
        default=None,
        pattern=r"^https?://\S+$",
        description="Address of an archived copy of the article's page (e.g. in the Internet "
        "Archive's Wayback Machine), to read it when the page moves or dies; empty where no "
        "archived copy is known (the build warns). Never guessed.",
    )
    accessed: Date | None = Field(
        default=None,
        description="The day the article's text was read from the web for the project; empty "
        "where it was not recorded (the build warns).",
    )

    @property
    def published_span(self) -> tuple[dt.date, dt.date]:
        """The earliest and latest day the article can have been published: the curated
        bounds where given, else the whole month or year its precision leaves open."""
        first, last = date_span(self.published_on, self.date_precision)
        return self.published_earliest or first, self.published_latest or last

    @model_validator(mode="after")
    def _published_range(self) -> Source:
        if self.published_earliest is None and self.published_latest is None:
            return self
        if self.date_precision is DatePrecision.day:
            raise ValueError(
                "published_earliest and published_latest are for a date known only to its month "
                "or year; published_on already gives the day"
            )
        first, last = date_span(self.published_on, self.date_precision)
        earliest, latest = self.published_span
        if not first <= earliest <= latest <= last:
            raise ValueError(
                f"published_earliest and published_latest must lie in order within "
                f"{first.isoformat()} to {last.isoformat()} (published_on and its precision)"
            )
        return self


class UnitKind(StrEnum):
    count = "count"
    share = "share"
    mass = "mass"
    money = "money"


class Unit(Reviewed):
    """A unit figures are counted in, declared in the data (seeds/curated/units.yaml).

    A new unit ("usd" for a "$1 million fund") is one more entry here, never a code change.
    """

    unit_id: Id = Field(description="Identifier metrics name in their unit field, e.g. people.")
    label: Text = Field(
        description="How the unit reads after a number, e.g. 'people', 'US dollars'."
    )
    kind: UnitKind = Field(
        strict=False,
        description="count (people, facilities, cases), share (percentages 0-100), mass "
        "(kilograms) or money (an amount in the currency given).",
    )
    currency: str | None = Field(
        default=None,
        pattern=r"^[A-Z]{3}$",
        description="ISO 4217 code of a money unit, e.g. USD or KHR; required for money, "
        "empty otherwise.",
    )
    definition: Text = Field(description="What one of this unit is.")
    label_km: KhmerLabel | None = _label_km("How the unit reads after a number, e.g. 'នាក់',")

    @model_validator(mode="after")
    def _currency_with_money(self) -> Unit:
        if (self.kind is UnitKind.money) != (self.currency is not None):
            raise ValueError("currency is required for a money unit, and only for one")
        return self


class Category(Reviewed):
    """A group of metrics, declared in the data (seeds/curated/categories.yaml).

    A new category ("finance" for money pledged and spent) is one more entry here, never a
    code change.
    """

    category_id: Id = Field(
        description="Identifier metrics name in their category field, e.g. seizures."
    )
    label: Text = Field(description="How the category is named to readers, e.g. 'Seizures'.")
    description: Text = Field(description="Which metrics belong here, and which do not.")
    label_km: KhmerLabel | None = _label_km("The category's name")


class Metric(Reviewed):
    """One entry of the codebook: what a figure measures."""

    metric_id: Id = Field(description="Identifier used by indicators, e.g. arrests-total.")
    label: Text = Field(description="Short human label, e.g. 'Total arrests'.")
    unit: Id = Field(
        description="Unit of every figure of this metric (units.unit_id), e.g. people, "
        "percent, kg; a new unit is declared in units.yaml."
    )
    category: Id = Field(
        description="Group of the metric (categories.category_id), e.g. arrests, treatment, "
        "seizures; a new category is declared in categories.yaml."
    )
    definition: Text = Field(description="What is counted, and what is not.")
    headline_rank: int | None = Field(
        default=None,
        ge=1,
        description="Place of the metric among the Overview's headline figures (1 first), "
        "which show its latest figure; empty for a metric that is not a headline.",
    )
    signed: bool = Field(
        default=False,
        description="A change against an earlier period ('down 12 percent', '9 cases fewer'): "
        "its values may be below zero (a fall is negative) and a percentage is not held to "
        "0-100 nor bounded as a share. It keeps the unit of what changes (percent, people): "
        "'percent' is a share of a whole on any other metric. Every other metric's values are "
        "at least zero.",
    )
    label_km: KhmerLabel | None = _label_km("The metric's short label")
    definition_km: KhmerText | None = _text_km("The definition")


class Indicator(Reviewed):
    """One figure an article reports, with its hedge, period and the words it rests on."""

    indicator_id: Id = Field(description="Stable identifier of this figure.")
    metric_id: Id = Field(description="What the figure measures (metrics.metric_id).")
    value: float | None = Field(
        default=None,
        ge=-MAX_VALUE,
        le=MAX_VALUE,
        allow_inf_nan=False,
        description="The number as reported, in the metric's unit (a share in percent 0-100; "
        "'one tonne' is 1000 kg; 'roughly half' is 50). Below zero only for a signed (change) "
        "metric, where a fall is negative and a change in percent is not held to 0-100. Empty "
        "only for a vague quantity.",
    )
    value_to: float | None = Field(
        default=None,
        ge=-MAX_VALUE,
        le=MAX_VALUE,
        allow_inf_nan=False,
        description="The upper end of a range the article gives ('between 300 and 400 people' "
        "is value 300, value_to 400, qualifier between); at least value. Empty for every other "
        "figure: a range is never collapsed to one number.",
    )
    qualifier: Qualifier | None = Field(
        default=None,
        strict=False,
        description="The hedge the article puts on the number (between: a range, value to "
        "value_to). Empty only for a vague quantity.",
    )
    vague: str | None = Field(
        default=None,
        description="The article's words for an amount it gives no number for ('thousands', "
        "'dozens', 'many'). value and qualifier are then empty; the only number is the lower "
        "bound the vague-words rule gives, and the figure is never charted, summed or a headline.",
    )
    period_start: Date | None = Field(
        default=None, description="First day the figure covers; empty where not stated."
    )
    period_end: Date | None = Field(
        default=None, description="Last day the figure covers; empty where not stated."
    )
    as_of: Date = Field(description="The date the figure is as of (often the report date).")
    phase_id: Id | None = Field(
        default=None,
        description="Campaign phase the period falls in (phases.phase_id); empty when the "
        "period spans phases, is not known, or falls in no phase an article describes.",
    )
    geography: Area = Field(default="national", description="Area covered: national unless stated.")
    source_id: Id = Field(description="The article reporting the figure (sources.source_id).")
    actor_id: Id | None = Field(
        default=None, description="Person or body the figure is attributed to (actors.actor_id)."
    )
    attribution: Text = Field(
        description="Who the article says gave the figure, in its words, e.g. 'officials' or "
        "'a participant at the meeting who asked not to be named'."
    )
    quote: Quote
    restates: Id | None = Field(
        default=None,
        description="The better-specified figure (indicators.indicator_id) this one restates: the "
        "same fact in other words or in another article. A restatement is shown and linked, but "
        "never counted as independent corroboration, a headline or a phase's coverage.",
    )
    restates_note: str | None = Field(
        default=None,
        description="Why the figure is read as a restatement; required with restates.",
    )
    note: str | None = Field(default=None, description="Curator's note on reading the figure.")
    note_km: KhmerText | None = _text_km("The curator's note on reading the figure")

    @model_validator(mode="after")
    def _consistent(self) -> Indicator:
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValueError("period_end is before period_start")
        if self.vague is None and (self.value is None or self.qualifier is None):
            raise ValueError("value and qualifier are required unless the amount is vague")
        if self.vague is not None:
            if self.value is not None or self.qualifier is not None:
                raise ValueError(
                    f"a vague amount ({self.vague!r}) has no value or qualifier: the rule "
                    "for vague words gives its only bound"
                )
            if self.value_to is not None:
                raise ValueError(f"a vague amount ({self.vague!r}) has no value_to")
            if self.vague not in VAGUE_LOWER_BOUNDS:
                known = ", ".join(repr(w) for w in VAGUE_LOWER_BOUNDS)
                raise ValueError(f"vague words {self.vague!r} have no rule (known: {known})")
        if self.qualifier is Qualifier.between:
            if self.value_to is None:
                raise ValueError("a range (qualifier between) needs value_to, its upper end")
            if self.value is not None and self.value_to < self.value:
                raise ValueError(
                    f"value_to ({self.value_to:g}) is below value ({self.value:g}): a range "
                    "runs from its low end (value) to its high end (value_to)"
                )
        elif self.value_to is not None and self.vague is None:
            raise ValueError("value_to is only for a range: set qualifier to between")
        if self.restates is not None and not self.restates_note:
            raise ValueError("restates_note is required when restates is set")
        if self.restates == self.indicator_id:
            raise ValueError("a figure cannot restate itself")
        return self


class Actor(Reviewed):
    """A person or body quoted or named as acting in the articles."""

    actor_id: Id = Field(description="Stable identifier, e.g. sar-kheng.")
    name: Text = Field(description="Name as most often written in the articles.")
    aliases: list[Text] = Field(
        default_factory=list,
        description="Other spellings or short forms used in the articles (e.g. 'Kim Yan').",
    )
    kind: ActorKind = Field(
        strict=False, description="A named person, an organisation, or an unnamed speaker."
    )
    role: Text = Field(description="Role as the articles give it, e.g. 'Interior Minister'.")
    organisation: Text = Field(description="Organisation the actor speaks for.")
    actor_type: ActorType = Field(
        strict=False, description="Kind of organisation the actor speaks for."
    )
    name_km: KhmerLabel | None = _label_km(
        "The name as Khmer-language outlets print it (e.g. 'ស ខេង'),"
    )
    role_km: KhmerText | None = _text_km("The role (e.g. 'រដ្ឋមន្ត្រីក្រសួងមហាផ្ទៃ')")
    organisation_km: KhmerText | None = _text_km(
        "The organisation, as the body itself or Khmer outlets write it,"
    )


class QuoteTranslation(Record):
    """An unofficial translation of a quote; the verified quote stays in the words said."""

    language: Language = Field(strict=False, description="The language translated into.")
    text: Text = Field(
        description="The translation, shown labelled as an unofficial translation beside the "
        "quote, never in its place and never checked against the article."
    )
    translator: Text = Field(
        description="Who translated: a person, an organisation, or 'AI assistant' with the "
        "session, as seeds/curated/translations.yaml names them."
    )
    status: TranslationStatus = Field(
        strict=False,
        description="needs_review until a native speaker of the language has checked it.",
    )
    reviewed_by: str | None = Field(
        default=None, description="Who reviewed the translation; required when reviewed."
    )

    @model_validator(mode="after")
    def _consistent(self) -> QuoteTranslation:
        if (self.status is TranslationStatus.reviewed) != bool(self.reviewed_by):
            raise ValueError("reviewed_by is required for a reviewed translation, and only then")
        if self.language is Language.km:
            _khmer_text(self.text)
        return self


class Statement(Reviewed):
    """A quote or reported position, attributed to an actor in one article."""

    statement_id: Id = Field(description="Stable identifier of the statement.")
    actor_id: Id = Field(description="Who said it (actors.actor_id).")
    actor_role: str | None = Field(default=None, description=_ROLE.format(who="speaker"))
    actor_role_km: KhmerText | None = Field(default=None, description=_ROLE_KM)
    source_id: Id = Field(description="The article reporting it (sources.source_id).")
    relayed_by: Id | None = Field(
        default=None,
        description="Who passed the statement on, where the article has it second-hand "
        "(actors.actor_id); empty when the article reports the speaker directly.",
    )
    quote: Quote
    kind: StatementKind = Field(
        strict=False,
        description="direct: the speaker's words in quotation marks; reported: the "
        "article's paraphrase.",
    )
    said_on: Date | None = Field(
        default=None, description="When it was said, where the article tells (else empty)."
    )
    topic: Topic = Field(
        strict=False,
        # Round thirty-seven (topic37): the codes were listed without what each covers, and 24
        # of 28 disagreements of a blind coding with the keys were choices this left open
        # (docs/benchmarks.md "Round thirty-seven (topic37)"); the words below close them.
        description="Main subject of the statement: what its own words are about, read with "
        "the question or lead-in they answer, not the article's subject; of two subjects, the "
        "one the words say most of, else the first. A measure put forward takes the topic of "
        "what it changes where one fits. arrests: enforcement (raids, arrests, seizures, "
        "checkpoints, trafficking and its routes; who is arrested, charged and sentenced); "
        "rehabilitation: the centres the state holds drug users in (places, conditions, "
        "admissions); treatment: voluntary and medical care (health centres, hospitals, "
        "methadone, outreach, community-based treatment); prisons: prisons, cells, crowding, "
        "pre-trial detention; rights: due process and how people held are treated (evidence, "
        "lawyers, bail, the wait for trial, deaths and abuse in custody, the press at raids); "
        "campaign: the campaign as a whole (its course, results, continuation); policy: a law, "
        "a decree, a body of the state, an instruction to the state's own staff, or measures "
        "across several subjects; funding: money (budgets, costs, who pays) when the words are "
        "about the money; prevention: keeping people from drugs (schools, families, young "
        "people, appeals to the public).",
    )
    stance: Stance = Field(
        strict=False, description="The statement's stance toward the campaign as it is carried out."
    )
    translations: list[QuoteTranslation] = Field(
        default_factory=list,
        description="Unofficial translations of the quote, at most one per language; the "
        "quote itself stays in the language it was said or written in.",
    )
    note: str | None = Field(
        default=None,
        min_length=1,
        description="A caveat readers see beside the statement, e.g. that the article does "
        "not say in so many words who said it and the attribution is read from the sentences "
        "around it; empty when there is none.",
    )
    note_km: KhmerText | None = _text_km("The caveat readers see beside the statement")

    @model_validator(mode="after")
    def _one_translation_per_language(self) -> Statement:
        languages = [t.language for t in self.translations]
        if len(languages) != len(set(languages)):
            raise ValueError("translations has two entries for one language")
        if any(t.text == self.quote for t in self.translations):
            raise ValueError("a translation repeats the quote: the quote is already in it")
        return self


class PolicyPositionEntry(Record):
    """A named actor's position on a proposal, backed by words of one article."""

    actor_id: Id = Field(description="Who takes the position (actors.actor_id).")
    actor_role: str | None = Field(default=None, description=_ROLE.format(who="actor"))
    actor_role_km: KhmerText | None = Field(default=None, description=_ROLE_KM)
    position: Position = Field(strict=False, description="Where the actor stands.")
    source_id: Id = Field(description="The article reporting the position.")
    relayed_by: Id | None = Field(
        default=None,
        description="Who passed the position on, where the article has it second-hand "
        "(actors.actor_id); empty when the article reports the actor directly.",
    )
    quote: Quote
    kind: StatementKind = Field(
        strict=False,
        description="direct: the actor's (or relayer's) words in quotation marks; reported: "
        "the article's paraphrase, never shown as the actor's words.",
    )


class ArticlePosition(Reviewed):
    """A named actor's position on a curated proposal, reported by a later article.

    Kept in that article's own curated file (seeds/curated/articles), so adding an article
    never means editing policies.yaml; the build merges it with the proposal's positions.
    """

    position_id: Id = Field(
        description="Stable identifier of the position, unique across all positions."
    )
    policy_id: Id = Field(description="The proposal the position is on (policies.policy_id).")
    actor_id: Id = Field(description="Who takes the position (actors.actor_id).")
    actor_role: str | None = Field(default=None, description=_ROLE.format(who="actor"))
    actor_role_km: KhmerText | None = Field(default=None, description=_ROLE_KM)
    position: Position = Field(strict=False, description="Where the actor stands.")
    source_id: Id = Field(description="The article reporting the position.")
    relayed_by: Id | None = Field(
        default=None,
        description="Who passed the position on, where the article has it second-hand "
        "(actors.actor_id); empty when the article reports the actor directly.",
    )
    quote: Quote
    kind: StatementKind = Field(
        strict=False,
        description="direct: the actor's (or relayer's) words in quotation marks; reported: "
        "the article's paraphrase, never shown as the actor's words.",
    )


class Policy(Reviewed):
    """A proposal or measure discussed in the articles, and who stands where on it."""

    policy_id: Id = Field(description="Stable identifier, e.g. white-villages.")
    name: Text = Field(description="Short name of the proposal.")
    description: Text = Field(description="What is proposed, in neutral words.")
    category: PolicyCategory = Field(strict=False, description="Area of policy.")
    status: PolicyStatus = Field(strict=False, description="Status as far as the articles say.")
    status_note: Text = Field(description="What the articles say about the status.")
    proposed_by: Id = Field(description="Who put it forward (actors.actor_id).")
    proposed_on: Date = Field(
        description="When it was first reported as put forward; with month or year precision, "
        "the first day of it."
    )
    proposed_on_precision: DatePrecision = Field(
        default=DatePrecision.day, strict=False, description="How much of proposed_on is known."
    )
    first_source_id: Id = Field(description="The first article reporting it.")
    quote: Quote
    status_as_of: Date | None = Field(
        default=None,
        description="The date of the latest article passage the status rests on; a status "
        "is never assumed to hold after it.",
    )
    status_citations: list[Citation] = Field(
        default_factory=list,
        description="Passages saying the measure happened (announced, in effect, dismissed); "
        "a status beyond 'proposed' without one is flagged by the consistency checks.",
    )
    positions: list[PolicyPositionEntry] = Field(
        default_factory=list, description="Positions of named actors for and against."
    )
    label_km: KhmerLabel | None = _label_km("The proposal's short name")
    description_km: KhmerText | None = _text_km("What is proposed")
    status_note_km: KhmerText | None = _text_km("What the articles say about the status")


class Phase(Record):
    """A phase of the campaign."""

    phase_id: Id = Field(description="Stable identifier, e.g. phase-1.")
    ordinal: int = Field(ge=1, le=100, description="Order of the phase, from 1.")
    name: Text = Field(description="Short name, e.g. 'Phase 1: six-month drive'.")
    start_date: Date = Field(description="First day of the phase.")
    end_date: Date | None = Field(
        default=None, description="Last day of the phase; empty while it continues."
    )
    description: Text = Field(description="What the articles say about the phase.")
    date_basis: Text = Field(description="How the dates are known.")
    citations: list[Citation] = Field(
        min_length=1,
        description="Passages of the articles describing the phase: at least one, so that no "
        "phase rests on anything but an article.",
    )
    label_km: KhmerLabel | None = _label_km("The phase's short name")

    @model_validator(mode="after")
    def _dates_in_order(self) -> Phase:
        if self.end_date and self.end_date < self.start_date:
            raise ValueError("end_date is before start_date")
        return self


class Event(Reviewed):
    """A dated moment of the campaign reported in an article."""

    event_id: Id = Field(description="Stable identifier of the event.")
    event_date: Date = Field(
        description="When it happened; with month or year precision, the first day of it; for a "
        "date the article only bounds, the earliest day it can have happened."
    )
    event_date_end: Date | None = Field(
        default=None,
        description="For a date the article only bounds, the latest day it can have happened; "
        "empty when event_date (with its precision) says all that is known.",
    )
    date_precision: DatePrecision = Field(
        strict=False, description="How much of event_date is known."
    )
    date_basis: Text = Field(
        description="How the date is known, e.g. \"'yesterday' in an article of 14 Feb 2018\" or "
        "'not reported; after 26 June 2017, when it was still pending'."
    )
    kind: EventKind = Field(strict=False, description="Kind of event.")
    title: Text = Field(description="One-line neutral description.")
    source_id: Id = Field(description="The article reporting it.")
    quote: Quote
    title_km: KhmerText | None = _text_km("The one-line description")

    @model_validator(mode="after")
    def _range_in_order(self) -> Event:
        if self.event_date_end and self.event_date_end < self.event_date:
            raise ValueError("event_date_end is before event_date")
        return self


class NotCoded(Reviewed):
    """A sentence that attributes words or carries a figure, deliberately left uncoded."""

    source_id: Id = Field(description="The article the sentence is in (sources.source_id).")
    quote: Quote
    reason: Text = Field(
        description="Why no record rests on it, e.g. 'restates ppp-2018-arrests-2017', "
        "'not about the campaign', 'page furniture', 'background, no claim'."
    )


class ClaimRef(Record):
    """A pointer to one curated claim: a statement or a figure."""

    record_kind: str = Field(
        pattern=r"^(statements|indicators)$",
        description="The kind of record: statements or indicators.",
    )
    record_id: Id = Field(description="The statement_id or indicator_id.")


class Contest(Record):
    """Claims that contradict each other, linked so that neither is shown as settled."""

    contest_id: Id = Field(description="Stable identifier of the contradiction.")
    claims: list[ClaimRef] = Field(
        min_length=2, description="The claims that contradict each other (two or more)."
    )
    note: Text = Field(description="What contradicts what, in neutral words.")
    note_km: KhmerText | None = _text_km("What contradicts what")


class CheckRuleKind(StrEnum):
    sum = "sum"
    share = "share"
    share_bound = "share_bound"
    cumulative = "cumulative"
    phase_coverage = "phase_coverage"


#: The fields each kind of check rule needs: 'parts' one or more, or exactly one.
_RULE_NEEDS: dict[CheckRuleKind, tuple[str, ...]] = {
    CheckRuleKind.sum: ("total", "parts"),
    CheckRuleKind.share: ("total", "parts", "share"),
    CheckRuleKind.share_bound: ("total", "parts", "share"),
    CheckRuleKind.cumulative: ("parts",),
    CheckRuleKind.phase_coverage: ("total",),
}


class CheckRule(Record):
    """Which metrics the Data checks set against each other (seeds/curated/checks.yaml).

    A check between two metrics is one more entry here, never a code change.
    """

    check_id: Id = Field(
        description="Stable identifier of the rule, e.g. arrests-by-type; it begins the id of "
        "every check it makes."
    )
    kind: CheckRuleKind = Field(
        strict=False,
        description="sum (the parts' figures against the total's: equal when exhaustive, else "
        "at most), share (a reported share against part / total), share_bound (the part at "
        "most share x total), cumulative (each metric in parts only grows from the launch, so "
        "a later figure cannot be lower) or phase_coverage (each phase needs a national figure "
        "of the total).",
    )
    total: Id | None = Field(
        default=None,
        description="The metric the parts are compared with (metrics.metric_id); for "
        "phase_coverage, the metric each phase needs a figure of. Empty for cumulative.",
    )
    parts: list[Id] = Field(
        default_factory=list,
        description="The metrics compared with the total (metrics.metric_id): one or more for "
        "sum and cumulative, exactly one (the count the share is of) for share and share_bound.",
    )
    share: Id | None = Field(
        default=None,
        description="For share and share_bound: the metric of the reported share "
        "(a percent metric). Empty otherwise.",
    )
    exhaustive: bool = Field(
        default=False,
        description="For sum: true when the parts together make the whole total (equal), false "
        "when they only stay within it (at most).",
    )
    combined: bool = Field(
        default=False,
        description="For sum: set all the parts against the total at once, only when two or "
        "more are reported; a least sum within the total's lower bound passes and says how much "
        "of the total is accounted for.",
    )
    rule: Text = Field(
        description="The rule in plain words, as the Data checks page and the codebook say it."
    )
    rule_km: KhmerText | None = _text_km("The rule in plain words")

    @model_validator(mode="after")
    def _fields_of_its_kind(self) -> CheckRule:
        needs = _RULE_NEEDS[self.kind]
        problems = [
            f"{name} is required for kind {self.kind.value}"
            for name in needs
            if not getattr(self, name)
        ]
        if self.kind in (CheckRuleKind.share, CheckRuleKind.share_bound) and len(self.parts) > 1:
            problems.append(f"parts takes exactly one metric for kind {self.kind.value}")
        for name in ("total", "share"):
            if name not in needs and getattr(self, name):
                problems.append(f"{name} is not used by kind {self.kind.value}; leave it empty")
        if self.kind is not CheckRuleKind.sum and (self.exhaustive or self.combined):
            problems.append("exhaustive and combined are for kind sum only")
        if problems:
            raise ValueError("; ".join(problems))
        return self


class Translation(Record):
    """Who translated what, so that the Methodology can say it and a reviewer knows where to start."""

    translation_id: Id = Field(description="Stable identifier of this piece of translation work.")
    language: Language = Field(strict=False, description="The language translated into.")
    covers: list[Text] = Field(
        min_length=1,
        description="What was translated: fields of curated records as kind.field (e.g. "
        "metrics.label_km, actors.name_km, statements.translations), a catalogue file "
        "(locales/km/LC_MESSAGES/messages.po) or its entries of one context "
        "(locales/km/LC_MESSAGES/messages.po#methodology).",
    )
    records: list[Id] = Field(
        default_factory=list,
        description="The records covered, by id; empty for every record of those kinds whose "
        "field is filled.",
    )
    translator: Text = Field(description="Who translated: a person, an organisation, or a tool.")
    method: Text = Field(description="How: from which text, with which checks.")
    status: TranslationStatus = Field(
        strict=False,
        description="needs_review until a native speaker of the language has checked it.",
    )
    reviewed_by: str | None = Field(
        default=None, description="Who reviewed the translation; required when reviewed."
    )
    checked_against: list[Annotated[str, Field(pattern=r"^https?://\S+$")]] = Field(
        default_factory=list,
        description="Web addresses of published pages in the language that spellings were "
        "checked against (names, titles, dates as written there).",
    )
    note: str | None = Field(default=None, description="What a reviewer should know.")

    @model_validator(mode="after")
    def _consistent(self) -> Translation:
        if (self.status is TranslationStatus.reviewed) != bool(self.reviewed_by):
            raise ValueError("reviewed_by is required for a reviewed translation, and only then")
        for target in self.covers:
            # A catalogue, or its entries of one context (…/messages.po#methodology).
            if re.fullmatch(r"locales/[a-z]{2,3}/LC_MESSAGES/[a-z]+\.po(#[a-z ]+)?", target):
                continue
            kind, _, field = target.partition(".")
            model = RECORD_KINDS.get(kind)
            if model is None or field not in model.model_fields:
                raise ValueError(
                    f"covers {target!r}: not a kind.field of the curated records nor a catalogue"
                )
        return self


class CorrectedKind(StrEnum):
    """The record kinds a correction can name (every curated kind but corrections)."""

    sources = "sources"
    units = "units"
    categories = "categories"
    metrics = "metrics"
    actors = "actors"
    phases = "phases"
    indicators = "indicators"
    statements = "statements"
    policies = "policies"
    positions = "positions"
    events = "events"
    not_coded = "not_coded"
    contested = "contested"
    translations = "translations"


class CorrectionAction(StrEnum):
    changed = "changed"
    withdrawn = "withdrawn"
    added = "added"


class Correction(Record):
    """One correction of a published record, with its reason: the public corrections log.

    Kept in seeds/curated/corrections.yaml. A withdrawn record stays listed here, never
    silently gone; the build refuses a correction naming a record that does not exist (or,
    for a withdrawn one, that still does).
    """

    correction_id: Id = Field(
        description="Stable identifier of the correction, e.g. 2026-12-f1-statement-withdrawn."
    )
    record_kind: CorrectedKind = Field(
        strict=False,
        description="The kind of the corrected record, as curated files list it (statements, "
        "policies, ...). A position listed inside a proposal is part of that proposal: "
        "policies, field positions.",
    )
    record_id: Text = Field(
        description="The corrected record's identifier (statement_id, policy_id, ...): for "
        "a withdrawn record the id it had, which is never given to another record."
    )
    action: CorrectionAction = Field(
        strict=False,
        description="changed: a field of the record now says something else; withdrawn: the "
        "record is removed from the data and listed here; added: a new record made by the "
        "correction (e.g. the proposal split off a merged one).",
    )
    field: str | None = Field(
        default=None,
        min_length=1,
        description="The field changed (e.g. stance, positions, event_date_end); required "
        "for changed, empty for a record added or withdrawn whole.",
    )
    old_value: str | None = Field(
        default=None,
        description="The value before the correction, as text (a long record in short); "
        "empty for an added record, or where the field was empty.",
    )
    new_value: str | None = Field(
        default=None,
        description="The value after the correction, as text; empty for a withdrawn record, "
        "or where the field is now empty.",
    )
    reason: Text = Field(description="Why the record was wrong, in the words of the finding.")
    reason_km: KhmerText | None = _text_km("Why the record was wrong")
    corrected_on: Date = Field(description="The day the correction was made in the data.")
    corrected_by: Text = Field(
        description="Who made the correction (a curator or the project's review process)."
    )
    review_item: str | None = Field(
        default=None,
        pattern=r"^[a-z]+-\d{4}-\d{2} [A-Z]?\d+[a-z]?$",
        description="The review finding it answers, e.g. 'fidelity-2026-12 F1'; empty for a "
        "correction found otherwise.",
    )

    @model_validator(mode="after")
    def _fits_action(self) -> Correction:
        if self.action is CorrectionAction.changed and self.field is None:
            raise ValueError("a changed record names the field changed")
        if self.action is CorrectionAction.withdrawn and self.new_value is not None:
            raise ValueError("a withdrawn record has no new value")
        if self.action is CorrectionAction.added and self.old_value is not None:
            raise ValueError("an added record has no old value")
        return self


class ReviewDecision(StrEnum):
    approved = "approved"
    returned = "returned"


class Review(Record):
    """A second editor's decision on what a researcher saved (the audit trail, kept in the
    article's curated file beside the records)."""

    review_id: Id = Field(description="Stable identifier, <source_id>-review-<n>.")
    source_id: Id = Field(description="The article reviewed.")
    submitted_by: Text = Field(description="The researcher who saved the work reviewed.")
    submitted_at: dt.datetime = Field(strict=False, description="When it was saved (UTC).")
    decision: ReviewDecision = Field(strict=False, description="approved or returned.")
    by: Text = Field(description="The editor who decided.")
    at: dt.datetime = Field(strict=False, description="When (UTC).")
    comment: str | None = Field(
        default=None, description="The editor's comment; required when the work is returned."
    )
    single_editor: bool = Field(
        default=False,
        description="True when one person alone saved and approved it (single-editor mode).",
    )
    records: list[str] | None = Field(
        default=None,
        description="The records the decision concerns, each as <kind>:<id>, when a second "
        "editor decided record by record (some approved, others returned); empty when the "
        "decision concerns the whole submission.",
    )


class FieldAgreement(Record):
    """How often two codings of the same words agree on one field."""

    field: Text = Field(
        description="The field compared, as the methodology names it: value, hedge, date, "
        "speaker, kind or stance."
    )
    agreeing: int = Field(ge=0, description="Records both coded on which the field agrees.")
    compared: int = Field(ge=0, description="Records both coded that give the field.")

    @model_validator(mode="after")
    def _within(self) -> FieldAgreement:
        if self.agreeing > self.compared:
            raise ValueError("agreeing is more than compared")
        return self


class CodingAgreement(Record):
    """Two researchers' independent codings of one article compared (the studio's Agreement
    screen): kept in seeds/curated/agreement.yaml, reported on the Methodology page."""

    agreement_id: Id = Field(description="Stable identifier, <source_id>-<first>-<second>.")
    source_id: Id = Field(description="The article both coded (sources.source_id).")
    first: Text = Field(description="One researcher who coded it.")
    second: Text = Field(description="The other researcher, who coded it independently.")
    compared_at: dt.datetime = Field(strict=False, description="When compared (UTC).")
    paired: int = Field(ge=0, description="Records both coded (the same words, the same kind).")
    only_first: int = Field(ge=0, description="Records only the first researcher coded.")
    only_second: int = Field(ge=0, description="Records only the second researcher coded.")
    fields: list[FieldAgreement] = Field(
        description="Agreement per field on the records both coded."
    )

    @model_validator(mode="after")
    def _two_people(self) -> CodingAgreement:
        if self.first.strip().casefold() == self.second.strip().casefold():
            raise ValueError("an agreement compares two different researchers")
        return self


#: Every record kind, by the YAML key under which curated files list them.
RECORD_KINDS: dict[str, type[Record]] = {
    "sources": Source,
    "units": Unit,
    "categories": Category,
    "metrics": Metric,
    "actors": Actor,
    "phases": Phase,
    "indicators": Indicator,
    "statements": Statement,
    "policies": Policy,
    "positions": ArticlePosition,
    "events": Event,
    "not_coded": NotCoded,
    "contested": Contest,
    "checks": CheckRule,
    "translations": Translation,
    "corrections": Correction,
    "reviews": Review,
    "agreements": CodingAgreement,
}

#: The field holding each kind's identifier.
ID_FIELDS: dict[str, str] = {
    "sources": "source_id",
    "units": "unit_id",
    "categories": "category_id",
    "metrics": "metric_id",
    "actors": "actor_id",
    "phases": "phase_id",
    "indicators": "indicator_id",
    "statements": "statement_id",
    "policies": "policy_id",
    "positions": "position_id",
    "events": "event_id",
    "not_coded": "quote",
    "contested": "contest_id",
    "checks": "check_id",
    "translations": "translation_id",
    "corrections": "correction_id",
    "reviews": "review_id",
    "agreements": "agreement_id",
}
