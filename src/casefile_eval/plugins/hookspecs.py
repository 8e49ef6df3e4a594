"""The hooks a casefile-eval plugin can implement.

A plugin is a module (or any object) with functions marked ``@hookimpl``. Every hook is
optional. Register a plugin by an entry point in the group ``casefile_eval``::

    [project.entry-points.casefile_eval]
    food_safety = "my_rubrics.food_safety"

or pass it at run time with ``-p my_rubrics.food_safety`` or ``--rubrics-dir DIR``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

import pluggy

if TYPE_CHECKING:
    from ..laws import LawVersion
    from ..model import CaseFile
    from .rule import Parameter, Rule

PROJECT = "casefile_eval"

hookspec = pluggy.HookspecMarker(PROJECT)
#: Mark a plugin's implementation of a hook: ``@hookimpl def casefile_eval_rules(): ...``
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def casefile_eval_rules() -> Iterable[Rule]:
    """Return the plugin's rules.

    Example::

        @hookimpl
        def casefile_eval_rules():
            return [decision_sealed, notice_before_decision]

    Rule ids must be unique across every loaded plugin; a clash stops loading with an error
    naming both plugins.
    """


@hookspec
def casefile_eval_parameters() -> Iterable[Parameter]:
    """Declare the tunable parameters the plugin's rules read, with defaults and schemas.

    Example::

        @hookimpl
        def casefile_eval_parameters():
            return [
                Parameter(
                    name="hearing.fine_min_individual",
                    default=10000,
                    schema={"type": "number", "minimum": 0},
                    description="对自然人处以较大数额罚款的听证标准（元）",
                )
            ]

    Two plugins may not declare the same parameter name.
    """


@hookspec
def casefile_eval_prepare_case(case: CaseFile, parameters: Mapping[str, Any]) -> None:
    """Derive facts once per case before the checks run; store them in ``case.derived``.

    Use it for values several rules need (the act date, the applicable deadline table …), so
    that they are computed once, not once per rule. Keys should be prefixed with the plugin
    name. Example::

        @hookimpl
        def casefile_eval_prepare_case(case, parameters):
            case.derived["food.high_risk"] = case.sector == "market_regulation" and ...
    """


@hookspec
def casefile_eval_law_versions() -> Iterable[LawVersion]:
    """Add law versions (title, edition, in-force dates) to the registry rules consult.

    Example::

        @hookimpl
        def casefile_eval_law_versions():
            return [LawVersion("浙江省食品小作坊小餐饮店小食杂店管理办法", "2017",
                               date(2017, 1, 1), None)]
    """


@hookspec
def casefile_eval_standards() -> Iterable[Any]:
    """Offer scoring standards (paths to TOML files) that ``--standard NAME`` can select.

    Example::

        @hookimpl
        def casefile_eval_standards():
            return [Path(__file__).with_name("food-safety.toml")]
    """
