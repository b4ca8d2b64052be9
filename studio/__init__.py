"""The curation studio: a separate Streamlit app that writes curated YAML, never the database."""
