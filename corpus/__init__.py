"""Reading raw articles and curated files: cleaning, sentences, quotations and their places."""
