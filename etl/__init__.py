"""ETL: turns raw articles and curated YAML into the dashboard's DuckDB file."""
