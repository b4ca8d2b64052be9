"""Plotly chart builders shared by the pages and the exports."""
