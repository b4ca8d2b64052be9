"""Open data URLs, light chart embeds and the feed: plain HTTP routes served beside the dashboard."""
