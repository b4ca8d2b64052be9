"""Finding a curated quote in an article: only white space and quote-mark style may differ."""

from __future__ import annotations

import pytest

from corpus.quotes import BodyIndex

BODY = (
    "He said \u201cwe want to   sell them\u201d.\n\nThe minister\u2019s plan was \u2018bold\u2019."
)


@pytest.mark.parametrize(
    ("quote", "found"),
    [
        ('"we want to sell them"', "\u201cwe want to   sell them\u201d"),
        ("we want to sell them", "we want to   sell them"),
        ("them\u201d.\n The minister's plan", "them\u201d.\n\nThe minister\u2019s plan"),
        ("'bold'.", "\u2018bold\u2019."),
    ],
)
def test_quote_found_despite_space_and_quote_style(quote, found):
    index = BodyIndex(BODY)
    span = index.locate(quote)
    assert span is not None
    assert BODY[span[0] : span[1]] == found


@pytest.mark.parametrize(
    "quote",
    [
        "we want to sell it",  # a word changed
        "We want to sell them",  # case differs
        "we want tosell them",  # a space removed
        "minister-s plan",  # punctuation other than quote marks
    ],
)
def test_anything_else_that_differs_is_not_found(quote):
    assert BodyIndex(BODY).locate(quote) is None
