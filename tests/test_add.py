"""`add` copies a raw article byte for byte and registers it, or refuses and writes nothing."""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import re
from pathlib import Path

import pytest
import yaml

import curation.add_article as add_module
from curation.add_article import AddRefused, add_article, configure, run
from etl.__main__ import main as etl_main
from etl.build import check

ROOT = Path(__file__).resolve().parent.parent
KAMPOT = ROOT / "tests" / "fixtures" / "seeds" / "articles" / "100_kampot_fixture.txt"

GOOD = {
    "title": "Police hold 40 in Kampot raid",
    "outlet": "The Fixture Post",
    "url": "https://example.org/kampot-raid",
    "published": "2017-05-03",
}
# CRLF line ends, curly quotes and a trailing space: all must survive the copy.
RAW = "Police said more than 40 people were held. \r\n“We will go on,” said Sok Dara.\r\n"


def _snapshot(seeds: Path) -> dict[str, bytes]:
    """Every file under the seeds folder (temp files included) with its bytes."""
    return {str(p.relative_to(seeds)): p.read_bytes() for p in seeds.rglob("*") if p.is_file()}


def _write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def _sha16(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


def _refused(path: Path, seeds: Path, **changes: str | None) -> str:
    """Run add expecting a refusal; the seeds must be untouched. Returns the message."""
    before = _snapshot(seeds)
    with pytest.raises(AddRefused) as caught:
        add_article(path, seeds_dir=seeds, **{**GOOD, **changes})
    assert _snapshot(seeds) == before, "a refused add must write nothing"
    message = str(caught.value)
    assert "\n" not in message
    assert str(path) in message
    return message


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\t\r\n   ", "empty"),
        ("bom-only.txt", "\ufeff\n".encode(), "empty"),
        ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
        ("latin1.txt", "Café déjà vu in Phnom Penh".encode("latin-1"), "not UTF-8"),
        ("cp1252.txt", "“Smart quotes” from Word".encode("cp1252"), "not UTF-8"),
    ],
)
def test_a_bad_file_is_refused(fixture_seeds: Path, tmp_path: Path, name, data, words):
    message = _refused(_write(tmp_path, name, data), fixture_seeds)
    assert words in message


def test_a_missing_file_is_refused(fixture_seeds: Path, tmp_path: Path):
    assert "no such file" in _refused(tmp_path / "nowhere.txt", fixture_seeds)


def test_an_article_already_in_the_seeds_is_refused(fixture_seeds: Path, tmp_path: Path):
    copy = _write(tmp_path, "same-story-renamed.txt", KAMPOT.read_bytes())
    assert "100_kampot_fixture.txt" in _refused(copy, fixture_seeds)


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"url": "www.example.org/no-scheme"}, "--url"),
        ({"url": "https://example.org/with space"}, "--url"),
        ({"url": "ftp://example.org/file"}, "--url"),
        ({"published": "2017-13-01"}, "--published"),
        ({"published": "03/05/2017"}, "--published"),
        ({"published": "20170503"}, "--published"),
        ({"precision": "week"}, "--precision"),
        ({"precision": "month"}, "first day of the month (2017-05-01)"),
        ({"precision": "year"}, "first day of the year (2017-01-01)"),
        ({"source_id": "fixture-kampot"}, "already registered"),
        ({"source_id": "Not An Id"}, "--source-id"),
        ({"title": "  "}, "--title"),
        ({"outlet": ""}, "--outlet"),
        # A month's earliest and latest day: in it, in order, never beside a known day (F25).
        (
            {
                "published": "2017-05-01",
                "precision": "month",
                "published_range": ("2017-06-02", None),
            },
            "--published-earliest and --published-latest must lie",
        ),
        ({"published_range": (None, "2017-05-04")}, "--published already gives the day"),
        (
            {
                "published": "2017-05-01",
                "precision": "month",
                "published_range": ("2017-5-2", None),
            },
            "--published-earliest must be a date",
        ),
    ],
)
def test_bad_details_are_refused(fixture_seeds: Path, tmp_path: Path, changes, words):
    path = _write(tmp_path, "new.txt", RAW.encode())
    assert words in _refused(path, fixture_seeds, **changes)


def test_every_bad_detail_is_named_in_one_refusal(fixture_seeds: Path, tmp_path: Path):
    path = _write(tmp_path, "new.txt", RAW.encode())
    message = _refused(path, fixture_seeds, url="ftp://example.org/file", precision="week")
    assert "--url" in message and "--precision" in message


def test_a_good_file_is_copied_unchanged_and_registered(fixture_seeds: Path, tmp_path: Path):
    data = RAW.encode()
    added = add_article(_write(tmp_path, "raid.txt", data), seeds_dir=fixture_seeds, **GOOD)

    digest = hashlib.sha256(data).hexdigest()
    assert added.seed_path.name == f"101_{digest[:16]}.txt"
    assert added.seed_path.read_bytes() == data
    sources = yaml.safe_load((fixture_seeds / "curated" / "sources.yaml").read_text("utf-8"))
    assert sources["sources"] == [
        {
            "source_id": "fp-2017-05-03-police-hold-40",
            "seed_file": added.seed_path.name,
            "outlet": "The Fixture Post",
            "reporter": None,
            "title": "Police hold 40 in Kampot raid",
            "url": "https://example.org/kampot-raid",
            "published_on": dt.date(2017, 5, 3),
            "date_precision": "day",
            "date_basis": "given when the article was added",
        }
    ]
    assert len(check(fixture_seeds).of("sources")) == 2


def test_appending_keeps_the_file_as_written(fixture_seeds: Path, tmp_path: Path):
    existing = (
        "# Sources added by hand and by `python -m etl add`.\n"
        "sources:\n"
        "  # An earlier report, indented by its author.\n"
        "  - source_id: fp-2017-04-20-earlier\n"
        "    seed_file: 101_earlier.txt\n"
        "    outlet: The Fixture Post\n"
        "    published_on: 2017-04-20\n"
        "    date_precision: day\n"
        "    date_basis: printed on the page\n"
    )
    sources = _write(fixture_seeds / "curated", "sources.yaml", existing.encode())
    _write(fixture_seeds / "articles", "101_earlier.txt", b"An earlier report.\n")

    add_article(_write(tmp_path, "raid.txt", RAW.encode()), seeds_dir=fixture_seeds, **GOOD)

    text = sources.read_text("utf-8")
    assert text.startswith(existing)
    assert "\n  - source_id: fp-2017-05-03-police-hold-40\n" in text
    assert (fixture_seeds / "articles").joinpath(f"102_{_sha16(RAW.encode())}.txt").is_file()
    assert len(check(fixture_seeds).of("sources")) == 3


def test_a_derived_source_id_is_made_unique(fixture_seeds: Path, tmp_path: Path):
    first = add_article(
        _write(tmp_path, "a.txt", b"First report.\n"), seeds_dir=fixture_seeds, **GOOD
    )
    second = add_article(
        _write(tmp_path, "b.txt", b"Second report.\n"), seeds_dir=fixture_seeds, **GOOD
    )
    assert (first.source_id, second.source_id) == (
        "fp-2017-05-03-police-hold-40",
        "fp-2017-05-03-police-hold-40-2",
    )
    check(fixture_seeds)


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Raids net 2,400 in Battambang", "fp-2017-05-03-raids-net-2400"),
        ("Drug rehab eases prison crowding", "fp-2017-05-03-drug-rehab-eases"),
        ("Mixed results in Cambodia's drug war: officials", "fp-2017-05-03-mixed-results-cambodia"),
        ("Ça va? Les Cambodgiens répondent", "fp-2017-05-03-ca-va-les"),
        # Khmer runs its words together: the id keeps a short, readable part of the headline,
        # leaving room for every record id of the article (at most 80 characters).
        (
            "ប៉ូលិសខេត្តកំពង់ចាមចាប់ខ្លួនជនសង្ស័យគ្រឿងញៀន ១២០ នាក់",
            "fp-2017-05-03-puuliskhettkmbngcaamcaapkhluan",
        ),
    ],
)
def test_the_derived_id_reads_like_the_headline(
    fixture_seeds: Path, tmp_path: Path, title, expected
):
    path = _write(tmp_path, "raid.txt", RAW.encode())
    assert (
        add_article(path, seeds_dir=fixture_seeds, **{**GOOD, "title": title}).source_id == expected
    )


@pytest.mark.parametrize(
    ("precision", "published", "expected"),
    [
        ("day", "2017-05-03", "fp-2017-05-03-police-hold-40"),
        ("month", "2017-05-01", "fp-2017-05-police-hold-40"),
        ("year", "2017-01-01", "fp-2017-police-hold-40"),
    ],
)
def test_the_derived_id_shows_the_date_as_precisely_as_known(
    fixture_seeds: Path, tmp_path: Path, precision, published, expected
):
    path = _write(tmp_path, "raid.txt", RAW.encode())
    details = {**GOOD, "published": published, "precision": precision}
    assert add_article(path, seeds_dir=fixture_seeds, **details).source_id == expected


def test_a_failed_registration_removes_the_copy(
    fixture_seeds: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    real_write = add_module.write_atomic

    def failing(target: Path, data: bytes) -> None:
        if target.name == "sources.yaml":
            raise OSError("disk full")
        real_write(target, data)

    monkeypatch.setattr(add_module, "write_atomic", failing)
    message = _refused(_write(tmp_path, "raid.txt", RAW.encode()), fixture_seeds)
    assert "disk full" in message


def test_a_layout_it_cannot_append_to_is_refused(fixture_seeds: Path, tmp_path: Path):
    (fixture_seeds / "curated" / "sources.yaml").write_text("sources: []\nmetrics: []\n")
    assert "add the record by hand" in _refused(
        _write(tmp_path, "r.txt", b"Text.\n"), fixture_seeds
    )


def _cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """`python -m etl ...`, run in this process (no interpreter start): exit code, stdout,
    stderr. A traceback would be an exception raised here. The real process is tested once
    per command: `add` by tests/test_hostile.py's concurrent adds, `check` by its YAML bombs."""
    capsys.readouterr()
    code = etl_main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_command_line_add_then_check(fixture_seeds: Path, tmp_path: Path, capsys):
    raw = _write(tmp_path, "raid.txt", RAW.encode())
    flags = [f"--{k}={v}" for k, v in GOOD.items()]
    code, out, err = _cli(
        capsys, "--seeds", str(fixture_seeds), "add", str(raw), *flags, "--reporter", "Sam Rith"
    )
    assert code == 0, err
    assert "fp-2017-05-03-police-hold-40" in out
    assert re.search(r"101_[0-9a-f]{16}\.txt", out)
    code, out, err = _cli(capsys, "--seeds", str(fixture_seeds), "check")
    assert code == 0, err
    assert "2 sources" in out


def test_command_line_refusal_is_one_line_without_traceback(
    fixture_seeds: Path, tmp_path: Path, capsys
):
    raw = _write(tmp_path, "scan.txt", b"\x00\x01\x02 not text")
    before = _snapshot(fixture_seeds)
    flags = [f"--{k}={v}" for k, v in GOOD.items()]
    code, _, err = _cli(capsys, "--seeds", str(fixture_seeds), "add", str(raw), *flags)
    assert code == 1
    assert err.strip().count("\n") == 0
    assert str(raw) in err
    assert _snapshot(fixture_seeds) == before


def test_the_real_seeds_are_not_touched_by_these_tests():
    # The fixture corpus is copied per test; this guards against a test writing to it.
    fixture = ROOT / "tests" / "fixtures" / "seeds"
    assert sorted(p.name for p in (fixture / "articles").iterdir()) == ["100_kampot_fixture.txt"]
    assert not (fixture / "curated" / "sources.yaml").exists()


@pytest.mark.parametrize(
    ("flags", "inferred"),
    [
        ([], False),
        (["--date-inferred", "--published=2017-05-01", "--precision=month",
          "--published-earliest=2017-05-03", "--published-latest=2017-05-20"], True),
    ],
    ids=["printed", "worked-out-in-a-month"],
)  # fmt: skip
def test_a_date_worked_out_is_registered_as_inferred(
    fixture_seeds: Path, tmp_path: Path, flags: list[str], inferred: bool
):
    """`etl add --date-inferred` (the studio's checkbox calls the same function): the source
    says its date is inferred, so its citations do; a month narrowed by what the article
    reports keeps its earliest and latest day (fidelity review F25)."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--seeds", type=Path)
    configure(parser)
    raw = _write(tmp_path, "raid.txt", RAW.encode())
    args = [f"--{k}={v}" for k, v in GOOD.items()]
    assert run(parser.parse_args(["--seeds", str(fixture_seeds), str(raw), *args, *flags])) == 0
    (source,) = [s for s in check(fixture_seeds).of("sources") if s.title == GOOD["title"]]
    assert source.date_inferred is inferred
    assert (source.published_span == (dt.date(2017, 5, 3), dt.date(2017, 5, 20))) is inferred
    written = (fixture_seeds / "curated" / "sources.yaml").read_text(encoding="utf-8")
    assert ("date_inferred: true" in written) is inferred
