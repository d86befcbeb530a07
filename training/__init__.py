"""Recipes that reproduce wiretag's bundled NLP pipeline (see training/README.md)."""
