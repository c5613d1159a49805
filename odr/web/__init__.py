"""The web layer: pages, the JSON API, and what they share (auth, CSRF, errors, templates)."""
