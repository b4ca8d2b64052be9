"""Convention C7 (tests/fixtures/drafting/README.md): a training key makes a new metric only when
no curated metric counts the same thing in the same unit; a giver, a place or a period goes in
actor, geography and the dates, never in a metric of its own (round thirty-eight, keys38)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.test_drafting_fixtures import CORPUS, METRICS, ROOT, SPLIT_KEYS

# Convention C7 (round thirty-eight, keys38): a key makes a new metric only when no curated metric
# counts the same thing in the same unit; a giver, a place or a period goes in actor, geography
# and the dates. Mechanically told: a new id that is a curated id with only the words of
# metric_splits.yaml and corpus/places.yaml added ("drugs-seized-by-customs-kg"). Training keys
# only: a held-aside set is recoded when it becomes training, by someone who does not tune rules.
SPLITS = yaml.safe_load((CORPUS / "metric_splits.yaml").read_text(encoding="utf-8"))
PLACES = yaml.safe_load((ROOT / "corpus" / "places.yaml").read_text(encoding="utf-8"))
TOKEN = re.compile(r"[a-z0-9]+")


def _tokens(*names: str) -> set[str]:
    return {t for name in names for t in TOKEN.findall(name.lower())}


SPLIT_WORDS = (
    _tokens(*SPLITS["givers"], *SPLITS["places"], *SPLITS["periods"])
    | _tokens(*(n for p in PLACES["provinces"] for n in [p["name"], *p.get("spellings", [])]))
    | _tokens(*PLACES["outside"]["en"], *PLACES["local"]["en"])
)
FILLERS = frozenset(SPLITS["fillers"])


def curated_split(ident: str) -> tuple[str, list[str]] | None:
    """The curated metric a new metric id is with only a giver's, a place's or a period's words
    added (in order, the longest curated id first), and those words; None for a metric of its
    own ("women-arrested", "drugs-seized-change-pct")."""
    parts = ident.split("-")
    for curated in sorted(METRICS, key=len, reverse=True):
        want, k, added = curated.split("-"), 0, []
        for part in parts:
            if k < len(want) and part == want[k]:
                k += 1
            else:
                added.append(part)
        said = [w for w in added if w not in FILLERS]
        if k == len(want) and said and all(w in SPLIT_WORDS or w.isdigit() for w in said):
            return curated, said
    return None


def _c7_problems(ans: dict[str, Any]) -> list[str]:
    """A key's new metrics that break C7: a curated metric with a giver, place or period added;
    a part (``part_of``) whose whole the key does not give apart."""
    given = {f.get("metric") for f in ans.get("figures") or []}
    out = []
    for ident, meta in (ans.get("new_metrics") or {}).items():
        whole = (meta or {}).get("part_of")
        if whole is not None:
            if whole not in METRICS or whole not in given:
                out.append(
                    f"new_metrics.{ident}: part of {whole!r}, which the key gives no figure of"
                )
        elif (split := curated_split(ident)) is not None:
            out.append(
                f"new_metrics.{ident}: {split[0]} with {split[1]} added: use {split[0]} (C7)"
            )
    return out


@pytest.mark.parametrize("key", SPLIT_KEYS, ids=lambda k: k.name.removesuffix(".expected.yaml"))
def test_training_key_makes_no_metric_of_a_giver_place_or_period(key: Path) -> None:
    assert _c7_problems(yaml.safe_load(key.read_text(encoding="utf-8"))) == []


@pytest.mark.parametrize(
    ("ident", "curated"),
    [
        ("drugs-seized-by-customs-kg", "drugs-seized-kg"),  # a giver
        ("arrests-total-siem-reap", "arrests-total"),  # a province
        ("drug-crimes-investigated-at-airports", "drug-crimes-investigated"),  # a place
        ("sent-to-rehabilitation-2019", "sent-to-rehabilitation"),  # a period
        ("rehabilitation-centres-state", "rehabilitation-centres"),  # the state as giver
        ("women-arrested", None),  # a part of the arrested: its own, where the whole is given
        ("drugs-seized-change-pct", None),  # a change is another quantity
        ("rehabilitation-centre-capacity", None),  # places, not centres
        ("prisoners-drug-charges-share", None),
    ],
)
def test_a_split_is_told_from_a_metric_of_its_own(ident: str, curated: str | None) -> None:
    assert curated is None or curated in METRICS  # the table follows the codebook
    assert (curated_split(ident) or (None,))[0] == curated


# Keys recoded by keys38 keep the id they had in a comment ("# keys38 (round 38): was X; ...");
# an English and a Khmer one, put back as they were, break C7 again.
WAS = re.compile(r"metric: ([a-z0-9-]+)(.*)# keys38 \(round 38\): was ([a-z0-9-]+);")


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("held_out_31/kt_story_airport_customs_couriers_2025", "41.5 kilograms"),
        ("held_out_2/km_nacd_new_centres", "ចំនួន ១៤ កន្លែង"),
    ],
)
def test_a_key_as_it_was_before_c7_fails_the_check(name: str, words: str) -> None:
    text = (CORPUS / f"{name}.expected.yaml").read_text(encoding="utf-8")
    line = next(x for x in text.splitlines() if x.startswith(f'- {{words: "{words}",'))
    now, _, was = WAS.search(line).groups()  # type: ignore[union-attr]
    ans = yaml.safe_load(text)
    assert _c7_problems(ans) == []
    ans["new_metrics"] = {**(ans.get("new_metrics") or {}), was: {"unit": METRICS[now]["unit"]}}
    ans["figures"] = [{**f, "metric": was} if f["words"] == words else f for f in ans["figures"]]
    assert _c7_problems(ans) == [
        f"new_metrics.{was}: {now} with {curated_split(was)[1]} added: use {now} (C7)"  # type: ignore[index]
    ]


@pytest.mark.parametrize("name", ["held_out_6/business_port_ketamine_2021", "ppp_rehab_reopen"])
def test_a_part_kept_apart_needs_its_whole_in_the_key(name: str) -> None:
    """C7: a part whose id is a curated one plus a giver's word (customs' seizures, the state's
    centres) keeps it only beside the whole; without the whole's figures the check fails."""
    ans = yaml.safe_load((CORPUS / f"{name}.expected.yaml").read_text(encoding="utf-8"))
    parts = {i: m["part_of"] for i, m in ans["new_metrics"].items() if (m or {}).get("part_of")}
    assert parts and _c7_problems(ans) == []
    ans["figures"] = [f for f in ans["figures"] if f["metric"] not in parts.values()]
    assert [p.split(":")[0] for p in _c7_problems(ans)] == [f"new_metrics.{i}" for i in parts]
