"""Reading raw articles and curated files: safe YAML, load, problems, cleaning, sentences, quotations, coverage."""
