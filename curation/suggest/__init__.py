"""Suggest: draft records from an article, split by what each step finds.

sentences (the text as sentences and tokens) ← dates (words that are dates, not figures)
← numbers (figures and their hedges) ← speakers (who said what) ← draft (the YAML to review)
← guess (metric, actor, topic, measure) ← records (every candidate as a record with its span)
← command (`python -m etl suggest`: the draft YAML of every kind).
"""

from curation.suggest.command import configure, run, suggest
from curation.suggest.draft import candidates
from curation.suggest.sentences import SuggestError

__all__ = ["SuggestError", "candidates", "configure", "run", "suggest"]
