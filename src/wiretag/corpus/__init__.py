"""Across stories: duplicates (``dedup``) and story clusters (``clusters``).

Pure functions over ``Document`` objects, shared by the store, the CLI and batch jobs.
"""
