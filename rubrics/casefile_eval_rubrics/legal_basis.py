"""Rubric plugin `legal_basis` (being written)."""

from casefile_eval.plugins import hookimpl


@hookimpl
def casefile_eval_rules():
    return []
