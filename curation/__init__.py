"""Curation: bringing a new article in (add) and drafting its records for a person to review (suggest)."""
