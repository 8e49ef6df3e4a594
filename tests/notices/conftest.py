"""Fixtures: a planted-defect batch, scored once, and the notices written from it."""

from __future__ import annotations

import datetime as dt

import pytest

from casefile_eval.cli import main
from casefile_eval.engine import Evaluator
from casefile_eval.loading import LoadedCase, load
from casefile_eval.masking import Masker
from casefile_eval.notices import NoticeOptions, ReviewData
from casefile_eval.notices.data import CaseDates
from casefile_eval.plugins import PluginSet

from .batch import RUBRIC, plugin_args, write_batch

AS_OF = dt.date(2026, 1, 1)


@pytest.fixture(scope="session")
def batch_dir(tmp_path_factory):
    return write_batch(tmp_path_factory.mktemp("batch") / "cases")


@pytest.fixture(scope="session")
def review(batch_dir) -> ReviewData:
    """The batch scored with only the planted-defect rubric, as the notice command does."""
    plugins = PluginSet.load(entry_points=False, rubrics_dirs=[RUBRIC])
    evaluator = Evaluator(plugins=plugins, as_of=AS_OF)
    masker = Masker()
    results, dates = [], {}
    for loaded in load([batch_dir]):
        assert isinstance(loaded, LoadedCase), loaded
        result = evaluator.evaluate(loaded.case, source=loaded.source)
        masker.add_case(loaded.case)
        dates[result.case_id] = CaseDates.of(loaded.case)
        results.append(result)
    return ReviewData.build(results, evaluator=evaluator, dates=dates, masker=masker)


@pytest.fixture(scope="session")
def options() -> NoticeOptions:
    return NoticeOptions(org="杭州市西湖区司法局", notice_no="西司通[2026]03号")


@pytest.fixture(scope="session")
def notices_dir(batch_dir, tmp_path_factory):
    """`casefile-eval notice` run once over the batch, every format."""
    out = tmp_path_factory.mktemp("notices") / "out"
    code = main(
        [
            "notice",
            str(batch_dir),
            "--out",
            str(out),
            "--as-of",
            "2026-01-01",
            "--org",
            "杭州市西湖区司法局",
            "--notice-no",
            "西司通[2026]03号",
            "--deadline",
            "2026-03-31",
            *plugin_args(),
        ]
    )
    assert code == 0
    return out
