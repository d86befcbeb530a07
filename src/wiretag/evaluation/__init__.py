"""Evaluation: scorers over our golden corpora, used by the evaluation-gate tests."""
