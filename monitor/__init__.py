"""Read side of the dashboard: the one query module and presentation helpers."""
