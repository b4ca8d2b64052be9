"""Suggest: draft records from an article, split by what each step finds.

sentences (the text as sentences and tokens; furniture: datelines, clock times, captions) ←
dates (each figure's own dates) ← numbers (figures and their hedges) ← speakers (who said
what) ← metrics (what a figure counts) ← proposals (measures and positions) ← draft (the
candidates) ← guess (actor, topic, stance, event) ← records (every candidate as the studio's
row, each guess with its confidence and reason) ← command (`python -m etl suggest`: those rows).
"""

from curation.suggest.command import configure, run, suggest
from curation.suggest.draft import candidates
from curation.suggest.sentences import SuggestError

__all__ = ["SuggestError", "candidates", "configure", "run", "suggest"]
