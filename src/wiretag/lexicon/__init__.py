"""Shared lexicons: countries, their names, demonyms and capitals."""
