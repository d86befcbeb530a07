"""Extractors: pure functions over spaCy Docs, each with a thin pipeline stage."""
