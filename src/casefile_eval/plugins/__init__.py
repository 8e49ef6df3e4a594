"""The plugin contract: everything a rubric author imports.

.. code-block:: python

    from casefile_eval.plugins import AppliesTo, Parameter, hookimpl, rule

Public names: :func:`hookimpl` (mark hook implementations), :func:`rule` (turn a check
function into a :class:`Rule`), :class:`Rule`, :class:`AppliesTo`, :class:`Parameter`,
:class:`Finding`, :class:`CheckContext`, :class:`PluginSet` (load plugins),
:class:`PluginError`.
"""

from .context import CheckContext
from .finding import OUTCOME_ZH, OUTCOMES, Finding, Outcome
from .hookspecs import hookimpl
from .manager import ENTRY_POINT_GROUP, PluginError, PluginInfo, PluginSet
from .rule import DIMENSION_ZH, AppliesTo, Dimension, Parameter, Rule, rule

__all__ = [
    "DIMENSION_ZH",
    "ENTRY_POINT_GROUP",
    "OUTCOMES",
    "OUTCOME_ZH",
    "AppliesTo",
    "CheckContext",
    "Dimension",
    "Finding",
    "Outcome",
    "Parameter",
    "PluginError",
    "PluginInfo",
    "PluginSet",
    "Rule",
    "hookimpl",
    "rule",
]
