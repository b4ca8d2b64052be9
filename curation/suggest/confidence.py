"""Drafted fields filled only when the draft is sure enough (corpus/confidence.yaml): a guess under
its field's threshold, or a date whose class of reason was not right often enough on articles no
rule was tuned on, is left blank, its reason saying what it was; a figure or statement whose class
was mostly not in the answer keys of such articles is offered, not drafted."""

from __future__ import annotations

import re
from typing import Any

from corpus.confidence import fill_at, unseen_policy
from curation.suggest.date_splits import QUOTED, split_class

# Per record kind, the record field -> the field name the thresholds use.
FIELDS = {
    "indicators": {"metric_id": "metric", "period_start": "dates", "period_end": "dates",
                   "as_of": "dates", "geography": "geography"},
    "statements": {"actor_id": "speaker", "kind": "kind", "topic": "topic", "stance": "stance"},
}  # fmt: skip
_SURE = re.compile(r"^(\d+)%: ")
# Where a blanked field's guess lives besides the record: the new entry drafted for it.
_NEW = {"metric_id": "metrics", "actor_id": "actors"}
_LEADING = re.compile(r"^'([^']*)'")
# A date whose words give its start and no end (curation/suggest/dates.py, khmer.py).
_NOTHING = re.compile(r"left blank, nothing offered")
# A blank date a rule offered beside it (records.date_offer, khmer._offered): the reason of the
# inference it offers is the last "(NN%: ...)".
_RULE_OFFER = re.compile(r"suggested, not filled: [^(]*\((\d+)%: (.*)\)$", re.S)


def dates_policy() -> dict:
    """The dates' unseen measurements and bar (corpus/confidence.yaml dates)."""
    return unseen_policy("dates")


def speakers_policy() -> dict:
    """The speakers' unseen measurements and bar (corpus/confidence.yaml speaker)."""
    return unseen_policy("speaker")


def figures_policy() -> dict:
    """The figures' unseen measurements and bar (corpus/confidence.yaml figures)."""
    return unseen_policy("figures")


def statements_policy() -> dict:
    """The statements' unseen measurements and bar (corpus/confidence.yaml statements)."""
    return unseen_policy("statements")


def _policy(field: str) -> dict:
    policies = {"dates": dates_policy, "speaker": speakers_policy, "statements": statements_policy,
                "geography": lambda: unseen_policy("geography")}  # fmt: skip
    return policies[field]() if field in policies else {}


def figure_class(words: str, reason: str, quote: str) -> str | None:
    """The class of a drafted figure (corpus/confidence.yaml figures.classes, tried in order) from
    its words, the reason given for its metric (with or without its "NN%: ") and its sentence;
    None when no class names it."""
    reason = _SURE.sub("", reason)
    at = quote.find(words)
    before = quote[:at] if at >= 0 else ""
    rest = quote[at + len(words) :] if at >= 0 else ""
    for name, rule in (figures_policy().get("classes") or {}).items():
        after = "after" in rule and re.search(rule["after"], before, re.I)
        if not re.fullmatch(rule["words"], words.strip(), re.I) and not after:
            continue
        if "reason" in rule and not re.search(rule["reason"], reason):
            continue
        if "not_after" in rule and re.search(rule["not_after"], before):
            continue
        # Round thirty-seven: the words after the number say what it counts ("Five of the
        # suspects", "shut 74 of them"): a subset, in the keys wherever drafted.
        if "not_followed_by" in rule and re.match(rule["not_followed_by"], rest, re.I):
            continue
        return name
    return None


def offer_unsure(row: Any) -> bool:
    """Mark a drafted figure or statement "offered" (not drafted, one click from accepted) when
    its class was in the answer key under its kind's bar on articles no rule was tuned on
    (corpus/confidence.yaml figures, statements); whether it was."""
    if row.kind == "indicators":
        policy, what = figures_policy(), "figure"
        quote = str(row.record.get("quote") or "")
        name = figure_class(row.words, str(row.why.get("metric_id", "")), quote)
    elif row.kind == "statements":
        # A statement is classed by the reason for its kind (quoted, reported, a transcript's).
        policy, what = statements_policy(), "statement"
        name = reason_class("statements", _SURE.sub("", str(row.why.get("kind", ""))))
    else:
        return False
    right, wrong = (policy.get("unseen") or {}).get(name, (0, 0)) if name else (0, 0)
    bar, least = float(policy.get("bar", 0)), int(policy.get("least", 0))
    if name is None or right + wrong < least or right >= bar / 100 * (right + wrong):
        return False
    row.status = "offered"
    row.notes.append(f"offered, not drafted: {name} was in the answer key {right} of "
                     f"{right + wrong} on unseen articles, under the {bar:.0f}% a drafted "
                     f"{what} needs")  # fmt: skip
    return True


def reason_class(field: str, reason: str) -> str | None:
    """The class of a guess's reason (corpus/confidence.yaml FIELD.rules, tried in order; for a
    rule on the date words, the kind of words and whether they are the figure's only date
    phrase), None when no rule names it. ``reason`` is the text after its "NN%: "."""
    policy = _policy(field)
    rule = next((name for name, pattern in (policy.get("rules") or {}).items()
                 if re.search(pattern, reason)), None)  # fmt: skip
    if rule is None or not rule.endswith("words"):
        return rule
    quoted = _LEADING.match(reason) or QUOTED.search(reason)
    words = quoted.group(1) if quoted else ""
    kind = next((name for name, pattern in (policy.get("kinds") or {}).items()
                 if re.search(pattern, words, re.I)), "other words")  # fmt: skip
    alone = "alone" if "; " not in words else "among others"
    return f"{rule}: {kind}, {alone}"


def date_class(reason: str) -> str | None:
    """The class of a date's reason (see reason_class)."""
    return reason_class("dates", reason)


def unseen(field: str, reason: str) -> tuple[str | None, int, int]:
    """The class of a guess's reason and how often that class was right and wrong on articles
    no rule was tuned on (0, 0 when never measured)."""
    name = reason_class(field, reason)
    right, wrong = (_policy(field).get("unseen") or {}).get(name, (0, 0))
    return name, int(right), int(wrong)


# A drafted figure's date fields, whose shape a class's split may ask for (round thirty-four).
DATE_FIELDS = ("period_start", "period_end", "as_of")


def training_sure(name: str | None, field: str = "dates") -> tuple[int, int] | None:
    """(right, sets) when a class of a date (or, round thirty-four, of a speaker) was right on
    every training set it was offered on, on enough of them (corpus/confidence.yaml
    FIELD.training, round thirty-three), or (round thirty-six, dates) right on nearly every set
    (mostly_right); else None."""
    record = _training_record(name, field)
    return (record[0], record[2]) if record else None


def _training_record(name: str | None, field: str) -> tuple[int, int, int] | None:
    """(right, wrong, sets) of a class sure by its training record (training_sure), else None."""
    policy = _policy(field)
    right, wrong, sets = (policy.get("training") or {}).get(name, (0, 0, 0))
    least, least_sets = int(policy.get("training_least", 0)), int(policy.get("training_sets", 0))
    if name is None or not least or right < least or sets < least_sets:
        return None
    if wrong and not mostly_right(policy, str(name), int(right), int(wrong)):
        return None
    return int(right), int(wrong), int(sets)


def mostly_right(policy: dict, name: str, right: int, wrong: int) -> bool:
    """Whether a class with wrong offers on training still fills (round thirty-six): right on at
    least `training_share` percent of all its offers, and on each set it has a wrong on (its
    `training_wrong_on` record) wrong once at most and, where it was offered more than twice,
    right on at least `training_folder_share` percent. A wrong on a set not listed fails it."""
    per = (policy.get("training_wrong_on") or {}).get(name) or {}
    if sum(int(w) for _, w in per.values()) != wrong:
        return False  # the record does not account for every wrong offer
    if right * 100 < float(policy.get("training_share", 101)) * (right + wrong):
        return False
    folder_share = float(policy.get("training_folder_share", 101))
    return all(
        int(w) <= int(policy.get("training_folder_wrong", 0))
        and (int(r) + int(w) <= 2 or int(r) * 100 >= folder_share * (int(r) + int(w)))
        for r, w in per.values()
    )


def _training_why(name: str, reason: str, field: str = "dates") -> str:
    """A date (or a speaker) filled by its class's training record: its confidence (the share
    right with one wrong more than measured) and why, the record a part of its own."""
    right, wrong, sets = _training_record(name, field) or (0, 0, 0)
    record = f"was right {right} of {right + wrong} on {sets} training sets, " + (
        f"wrong on {wrong} of them, once at most on each" if wrong else "wrong on none"
    )
    return f"{right * 100 // (right + wrong + 1)}%: {reason}; its kind of reason ({name}) {record}"


def measured_speaker(why: str) -> str:
    """A filled speaker's reason: as drafted, or, when its class is filled by its training
    record rather than by its unseen one (round thirty-four), with that record."""
    name, right, wrong = unseen("speaker", why.split(": ", 1)[-1])
    bar, least = float(speakers_policy().get("bar", 0)), int(speakers_policy().get("least", 0))
    over = right + wrong >= least and right >= bar / 100 * (right + wrong)
    if training_sure(name, "speaker") and not over:
        return _training_why(str(name), _SURE.sub("", why), "speaker")
    return why


def _unsure_unseen(field: str, why: str, context: tuple[dict, str] = ({}, "")) -> str | None:
    """Why a filled guess is not sure enough on unseen articles, or None when its class clears
    the field's bar (or the field has no unseen measurements, or is a date of a class, or of the
    sub-class its fields and sentence ``context`` put it in, right on every training set it was
    offered on)."""
    policy = _policy(field)
    if not policy:
        return None
    reason = why.split(": ", 1)[-1]
    name, right, wrong = unseen(field, reason)
    # A class filled by its training record (FIELD.training in corpus/confidence.yaml): a date
    # by the sub-class its fields and sentence put it in, a speaker by its class.
    if field == "dates" and training_sure(split_class(name, reason, *context)):
        return None
    if field == "speaker" and training_sure(name, field):
        return None
    bar, least = float(policy.get("bar", 0)), int(policy.get("least", 0))
    held = (policy.get("held_blank") or {}).get(name)
    if right + wrong >= least and right >= bar / 100 * (right + wrong) and held:
        # Over the bar on the blind sets, but wrong too often on one training folder (round
        # twenty-three): a blank beats a date one set's sentences show can be wrong.
        return (
            f"its kind of reason ({name}) was right {right} of {right + wrong} on unseen "
            f"articles, but wrong on {held}, over the {policy.get('held_blank_over', 0)}% "
            f"a filled {'date' if field == 'dates' else field} may be wrong on any set"
        )
    if right + wrong >= least and right >= bar / 100 * (right + wrong):
        return None
    measured = (
        f"right {right} of {right + wrong} on unseen articles"
        if right + wrong
        else "never measured on unseen articles"
    )
    return (
        f"its kind of reason ({name or 'unclassed'}) was {measured}, under the {bar:.0f}% "
        f"of at least {least} a filled {'date' if field == 'dates' else field} needs"
    )


def sure_geography(value: str | None, confidence: float, reason: str) -> str | None:
    """A drafted geography as filled: ``value`` when its class of reason clears the unseen bar
    (corpus/confidence.yaml geography), else None (round twenty-five (a): a figure picked by
    hand in the studio is held to the drafts' bar)."""
    if value is None or _unsure_unseen("geography", f"{confidence:.0%}: {reason}") is None:
        return value
    return None


def sure_date(why: str) -> bool:
    """Whether a date drafted with the reason ``why`` ("NN%: ...") is filled, not offered: sure
    enough by its stated confidence and of a class sure on unseen articles (round thirty-one: a
    count lending its period to "the same period" after it lends it filled only then)."""
    sure = sureness(why)
    return sure is not None and sure >= fill_at("dates") and _unsure_unseen("dates", why) is None


def measured_date(why: str, context: tuple[dict, str] = ({}, "")) -> str:
    """A filled date's reason stating how sure it is as measured: its class's share right on
    unseen articles (round twenty-three), not the confidence its rule was written with; the
    reason as it was when its class was never measured there."""
    name, right, wrong = unseen("dates", why.split(": ", 1)[-1])
    bar = float(dates_policy().get("bar", 0))
    sub = split_class(name, why.split(": ", 1)[-1], *context)
    if training_sure(sub) and right < bar / 100 * (right + wrong or 1):
        # Filled by its training record, not its unseen one: say the record it was filled by.
        return _training_why(str(sub), _SURE.sub("", why))
    if not right + wrong:
        return why
    return f"{right * 100 // (right + wrong)}%: {_SURE.sub('', why)}"


def sureness(why: str) -> float | None:
    """The confidence a reason states ("60%: ..." -> 0.6), None when it states none."""
    m = _SURE.match(why)
    return int(m.group(1)) / 100 if m else None


def _one_end_of_whole(record: dict[str, Any], why: str) -> str | None:
    """Why a date of a class that names a whole period (corpus/confidence.yaml dates.whole,
    round thirty-one: "last year") is not filled when the words give one end of it only ("have
    risen by 20 percent since last year": a start, never measured as one); None otherwise."""
    name = date_class(why.split(": ", 1)[-1])
    if name not in (dates_policy().get("whole") or []):
        return None
    if (record.get("period_start") is None) == (record.get("period_end") is None):
        return None
    return (
        f"its kind of reason ({name}) names a whole period, and the words give one end of it only"
    )


def offer_class(why: str) -> str | None:
    """The date class of the inference a rule offered beside a blank date (its reason's, as
    date_class), None when the reason offers nothing a rule inferred."""
    m = _RULE_OFFER.search(why)
    return date_class(m.group(2)) if m else None


def take_sure_offer(row: Any) -> list[str]:
    """Fill the blank dates a rule offered when the class of its inference was right on every
    training set it was offered on (round thirty-three: "the same period a year before" of a
    count in another sentence, a Khmer bulletin's line under its dated heading); the names
    filled."""
    offers = getattr(row, "offers", None) or {}
    taken = [k for k, v in offers.items() if v is not None and row.record.get(k) is None
             and FIELDS["indicators"].get(k) == "dates"]  # fmt: skip
    m = _RULE_OFFER.search(str(row.why.get(taken[0], ""))) if taken else None
    quote = str(row.record.get("quote") or "")
    shape = {k: offers.get(k) for k in taken}
    if not m or not training_sure(
        name := split_class(date_class(m.group(2)), m.group(2), shape, quote)
    ):
        return []
    for k in taken:
        row.record[k] = offers.pop(k)
        row.why[k] = _training_why(str(name), m.group(2))
    return taken


def below_threshold(row: Any) -> list[str]:
    """Blank every filled field of ``row`` whose stated confidence is under its field's
    threshold; a date is offered beside its blank. Returns the record fields blanked."""
    blanked = []
    # The dates as drafted, before any is blanked: a class's split reads the fields it gives.
    context = ({k: row.record.get(k) for k in DATE_FIELDS}, str(row.record.get("quote") or ""))
    for name, field in FIELDS.get(row.kind, {}).items():
        value, why = row.record.get(name), str(row.why.get(name, ""))
        sure = sureness(why)
        need = fill_at(field)
        if value is None or sure is None:
            continue
        unsure = _unsure_unseen(field, why, context) if sure >= need else None
        if unsure is None and sure >= need and field == "dates":
            unsure = _one_end_of_whole(row.record, why)
        if sure >= need and unsure is None:
            if field == "dates":
                row.why[name] = measured_date(why, context)
            elif field == "speaker":
                row.why[name] = measured_speaker(why)
            continue
        if field == "dates" and _NOTHING.search(why):
            # A start the words give with no end they give, of a class not sure enough to fill
            # (round twenty-four): offered alone it was no right date (the keys' ends differ),
            # so it is not offered either; the reason keeps it.
            row.record[name] = None
            row.why[name] = f"0%: left blank: {value}, nothing offered ({_SURE.sub('', why)})"
            blanked.append(name)
            continue
        row.record[name] = None
        if field == "dates":
            row.offers[name] = value
        elif name in _NEW and row.new.get(_NEW[name], {}).get(name) == value:
            row.new.pop(_NEW[name])  # nothing drafted for a blank
        shown = "suggested, not filled" if field == "dates" else "not filled"
        under = unsure or f"under the {need:.0%} a {field} guess needs"
        row.why[name] = (f"0%: left blank: {value} was {sure:.0%} sure, {under} ({shown}; "
                         f"{why.split(': ', 1)[-1]})")  # fmt: skip
        blanked.append(name)
    if row.kind == "indicators":
        take_sure_offer(row)
    return blanked
