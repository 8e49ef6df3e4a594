"""The built-in rubric plugins of casefile-eval.

Each module is an independent plugin registered by an entry point in the group
``casefile_eval``, written only against the public plugin API (:mod:`casefile_eval.plugins`,
:mod:`casefile_eval.calendar`, :mod:`casefile_eval.citations`, :mod:`casefile_eval.laws`,
:mod:`casefile_eval.model`), exactly as an outside author would write one.
"""
