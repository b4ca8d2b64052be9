"""The written rule of coverage accounting: which sentences of an article must be accounted for."""

from __future__ import annotations

#: Verbs and phrases that attribute words or a position to someone.
SAYING_WORDS: tuple[str, ...] = (
    "said", "says", "saying", "told", "tells", "added", "adding", "urged", "urging", "warned",
    "warning", "noted", "noting", "according to", "explained", "stressed", "suggested",
    "advised", "announced", "confirmed", "recalled", "called for", "calling for", "promised",
    "pledged", "pledging", "emphasised", "emphasized", "described", "instructed", "insisted",
    "claimed", "argued", "welcomed", "welcoming", "criticised", "criticized", "labelled",
    "balked", "echoed", "responded", "deemed", "proposed", "expressed", "supported",
    "could not be reached",
)  # fmt: skip

#: Number words that carry an amount (digits count too). "one" is left out: it is far more
#: often a pronoun ("one of the biggest challenges") than an amount.
NUMBER_WORDS: tuple[str, ...] = (
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "million", "millions",
    "half", "quarter", "percent", "per cent", "tonne", "tonnes",
)  # fmt: skip

SENTENCE_RULE = (
    "A sentence ends at '.', '!' or '?' (closing quotation marks included) followed by a "
    "space and a capital letter, a digit or an opening mark, except inside an ellipsis "
    "('. . .') or after an abbreviation (Mr., Dr., Jan.); in a paragraph holding Khmer "
    "script, at '។', '៕', '?', '!' or a line break, never inside «…» or “…”. It needs coding "
    "when it has quotation marks («…» included) or one of the words "
    + ", ".join(f"'{w}'" for w in SAYING_WORDS)
    + " or a Khmer verb of saying (បាននិយាយថា, បានឲ្យដឹងថា, …) "
    "(it attributes words or a position), or a digit (Khmer digits included) or one of the words "
    + ", ".join(f"'{w}'" for w in NUMBER_WORDS)
    + " (it carries a figure)."
)
