"""Round thirty-eight (issue 23, draft38d): a measure put forward, or backed, in a sentence that
opens on a titled person ("ឯកឧត្តមបានណែនាំឲ្យ ...", His Excellency advised ...; "លោកឧត្តមសេនីយ៍ត្រី
NAME ... បានណែនាំឲ្យ ...") is that person's, as the statement on the same words is; English says
the same with a pronoun ("He urged ..."). A title that reports a clause with a subject of its
own ("... បានបន្តថា រដ្ឋបាលខេត្តគ្រោងនឹង ...", went on that the provincial administration plans
...) gives the measure no person, nor does a title with nobody named before it. A transcript's
label ("លោក NAME៖ ខ្ញុំស្នើ ...", Mr NAME: I propose ...) names the person without its colon.
Sentences are our own (the Khmer by a non-native author: needs native review)."""

from __future__ import annotations

import datetime as dt

import pytest

from corpus.khmer import normalise
from curation.suggest.records import draft_rows
from tests.drafted import CURATED

_KM = "ព័ត៌មានខេត្ត\n\n"
_EN = "Provincial news\n\n"
_DAY = dt.date(2024, 6, 26)


def _who(text: str, opening: str) -> tuple[str, str | None]:
    """(kind, person) of the proposal or position drafted on the sentence opening so: a new
    person's name as printed, else the curated id; None when blank."""
    _, rows = draft_rows(text, text.strip().splitlines()[0], "t", _DAY, CURATED)
    row = next(
        r
        for r in rows
        if r.kind in ("policies", "positions")
        and normalise(str(r.record["quote"])).text.startswith(normalise(opening).text)
    )
    who = row.record.get("proposed_by" if row.kind == "policies" else "actor_id")
    new = row.new.get("actors") or {}
    return row.kind, (new.get("name_km") or new.get("name") or who) if who else None


@pytest.mark.parametrize(
    ("text", "opening", "kind", "person"),
    [
        # His Excellency named at the ceremony, then "His Excellency advised the provincial
        # health department to open treatment ...": a new proposal of his.
        (
            _KM + "ពិធីនេះធ្វើឡើងក្រោមអធិបតីភាពឯកឧត្តម ម៉ម សុវណ្ណ អនុប្រធានអាជ្ញាធរជាតិ។ "
            "ឯកឧត្តមបានណែនាំឲ្យមន្ទីរសុខាភិបាលខេត្ត បើកសេវាព្យាបាលអ្នកប្រើប្រាស់គ្រឿងញៀននៅគ្រប់មណ្ឌលសុខភាព។",
            "ឯកឧត្តមបានណែនាំ",
            "policies",
            "ម៉ម សុវណ្ណ",
        ),
        # The same with zero-width spaces between the words, as news sites print them.
        (
            _KM + "ឯកឧត្តម ឈួន សុផល បានអញ្ជើញចូលរួមក្នុងពិធី។ ឯកឧត្តម\u200bបាន\u200bណែនាំ\u200bឲ្យ"
            "\u200bមន្ទីរ\u200bសុខាភិបាល បើក\u200bសេវា\u200bព្យាបាល\u200bអ្នក\u200bប្រើប្រាស់\u200bគ្រឿងញៀន\u200bបន្ថែម។",
            "ឯកឧត្តមបានណែនាំ",
            "policies",
            "ឈួន សុផល",
        ),
        # A titled name opening the sentence: "Brigadier General NAME, provincial police chief,
        # advised the eight district stations to patrol more at night".
        (
            _KM + "ការប្រជុំនេះធ្វើឡើងនៅស្នងការដ្ឋាន។ លោកឧត្តមសេនីយ៍ត្រី ស៊ុន វិបុល ស្នងការនគរបាលខេត្ត "
            "បានណែនាំឲ្យអធិការដ្ឋានទាំង ៨ បង្កើនការល្បាតនៅពេលយប់។",
            "លោកឧត្តមសេនីយ៍ត្រី",
            "policies",
            "ស៊ុន វិបុល",
        ),
        # "His Excellency also backed provinces able to build a correction centre": his stand on
        # the curated proposal.
        (
            _KM + "ឯកឧត្តម ស សុខា បានថ្លែងក្នុងពិធី។ ឯកឧត្តមក៏បានគាំទ្រឲ្យខេត្តណាដែលមានលទ្ធភាព "
            "បង្កើតមណ្ឌលកែប្រែអប់រំ និងស្តារនីតិសម្បទាអ្នកញៀនគ្រឿងញៀនខេត្ត។",
            "ឯកឧត្តមក៏បានគាំទ្រ",
            "positions",
            "ស សុខា",
        ),
        # "His Excellency went on that the provincial administration plans to open ...": the
        # clause after "that" has its own subject; the title is only its teller.
        (
            _KM + "ឯកឧត្តម ស សុវណ្ណ អភិបាលខេត្ត បានអញ្ជើញចូលរួម។ ឯកឧត្តមបានបន្តថា "
            "រដ្ឋបាលខេត្តគ្រោងនឹងបើកសេវាព្យាបាលអ្នកប្រើប្រាស់គ្រឿងញៀននៅមណ្ឌលសុខភាពបីទៀត។",
            "ឯកឧត្តមបានបន្តថា",
            "policies",
            None,
        ),
        # Nobody named with a title before: blank, as the statement is.
        (
            _KM + "កិច្ចប្រជុំនេះធ្វើឡើងនៅសាលាខេត្ត។ "
            "ឯកឧត្តមបានណែនាំឲ្យមន្ទីរសុខាភិបាលខេត្ត បើកសេវាព្យាបាលនៅគ្រប់មណ្ឌលសុខភាព។",
            "ឯកឧត្តមបានណែនាំ",
            "policies",
            None,
        ),
        # A transcript's label: the person's name without the colon after it.
        (
            _KM + "សំណួរ៖ តើលោកស្នើអ្វីខ្លះ?\n"
            "លោក ប៉ែន សុធី៖ ខ្ញុំស្នើឲ្យរដ្ឋាភិបាលពង្រីកការព្យាបាលដោយផ្អែកលើសហគមន៍ទូទាំងប្រទេស។",
            "លោក ប៉ែន សុធី",
            "positions",
            "ប៉ែន សុធី",
        ),
        # English: "He urged ..." after a named official is his proposal.
        (
            _EN + "Meas Vyrith, secretary-general of the NACD, spoke at the ceremony in Kampot. "
            "He urged provincial health departments to open drug treatment services at every "
            "health centre.",
            "He urged",
            "policies",
            "meas-vyrith",
        ),
        # English: nobody named before the pronoun: blank.
        (
            _EN + "The meeting was held at the provincial hall. He urged provincial health "
            "departments to open drug treatment services at every health centre.",
            "He urged",
            "policies",
            None,
        ),
    ],
)
def test_a_titled_persons_measure_is_theirs(
    text: str, opening: str, kind: str, person: str | None
) -> None:
    assert _who(text, opening) == (kind, person)
