"""Find, load and check plugins: entry points, local rubric folders and named modules."""

from __future__ import annotations

import importlib
import importlib.metadata
import importlib.util
import sys
import traceback
from collections.abc import Iterable, Mapping
from pathlib import Path
from types import ModuleType
from typing import Any

import attrs
import pluggy

from . import hookspecs
from .rule import Parameter, Rule

ENTRY_POINT_GROUP = "casefile_eval"


class PluginError(Exception):
    """A plugin could not be loaded or conflicts with another one."""


@attrs.frozen(slots=True)
class PluginInfo:
    """Name, version and origin of a loaded plugin (recorded in every result)."""

    name: str
    version: str
    origin: str


@attrs.frozen(slots=True)
class PluginSet:
    """The loaded plugins and everything they contribute, checked for conflicts."""

    plugins: tuple[PluginInfo, ...]
    rules: Mapping[str, Rule]
    parameters: Mapping[str, Parameter]
    law_versions: tuple[Any, ...]
    standards: tuple[Path, ...]
    hook: Any = attrs.field(eq=False, repr=False)

    @property
    def has_prepare_hooks(self) -> bool:
        """Whether any plugin implements ``casefile_eval_prepare_case``."""
        return bool(self.hook.casefile_eval_prepare_case.get_hookimpls())

    @classmethod
    def load(
        cls,
        *,
        entry_points: bool = True,
        rubrics_dirs: Iterable[str | Path] = (),
        modules: Iterable[str] = (),
        disable: Iterable[str] = (),
        objects: Mapping[str, Any] | None = None,
    ) -> PluginSet:
        """Load plugins.

        ``entry_points``: installed plugins (group ``casefile_eval``); ``rubrics_dirs``: each
        ``*.py`` file or package in these folders; ``modules``: importable module names (the
        CLI's ``-p``); ``disable``: plugin names to skip; ``objects``: already-imported plugin
        objects by name (for tests and embedding).
        """
        pm = pluggy.PluginManager(hookspecs.PROJECT)
        pm.add_hookspecs(hookspecs)
        skip = set(disable)
        infos: list[PluginInfo] = []

        def register(name: str, plugin: Any, version: str, origin: str) -> None:
            if name in skip:
                return
            if pm.has_plugin(name):
                previous = next(i for i in infos if i.name == name)
                raise PluginError(f"two plugins are named {name!r}: {previous.origin} and {origin}")
            try:
                pm.register(plugin, name=name)
            except pluggy.PluginValidationError as exc:
                raise PluginError(f"plugin {name!r} ({origin}) is invalid: {exc}") from exc
            infos.append(PluginInfo(name, version, origin))

        if entry_points:
            for ep in sorted(
                importlib.metadata.entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name
            ):
                if ep.name in skip:
                    continue
                origin = f"entry point {ENTRY_POINT_GROUP}:{ep.name} = {ep.value}"
                plugin = _import(lambda ep=ep: ep.load(), ep.name, origin)
                version = ep.dist.version if ep.dist is not None else "unknown"
                register(ep.name, plugin, version, origin)
        for folder in rubrics_dirs:
            for name, plugin, origin in _load_folder(Path(folder)):
                register(name, plugin, getattr(plugin, "__version__", "local"), origin)
        for module_name in modules:
            origin = f"module {module_name} (-p)"
            plugin = _import(lambda m=module_name: importlib.import_module(m), module_name, origin)
            register(module_name, plugin, getattr(plugin, "__version__", "local"), origin)
        for name, plugin in (objects or {}).items():
            register(name, plugin, getattr(plugin, "__version__", "local"), f"object {name}")

        return cls(
            plugins=tuple(infos),
            rules=_collect_rules(pm),
            parameters=_collect_parameters(pm),
            law_versions=tuple(
                v for result in pm.hook.casefile_eval_law_versions() for v in result or ()
            ),
            standards=tuple(
                Path(p) for result in pm.hook.casefile_eval_standards() for p in result or ()
            ),
            hook=pm.hook,
        )


def _import(load: Any, name: str, origin: str) -> ModuleType:
    try:
        return load()
    except Exception as exc:
        detail = "".join(traceback.format_exception_only(exc)).strip()
        raise PluginError(f"cannot import plugin {name!r} ({origin}): {detail}") from exc


def _load_folder(folder: Path) -> Iterable[tuple[str, ModuleType, str]]:
    if not folder.is_dir():
        raise PluginError(f"--rubrics-dir {folder}: not a folder")
    candidates = sorted(
        p
        for p in folder.iterdir()
        if (p.suffix == ".py" and not p.name.startswith("_"))
        or (p.is_dir() and (p / "__init__.py").exists())
    )
    for path in candidates:
        name = path.stem
        module_name = f"casefile_eval_local.{name}"
        origin = f"local rubric {path}"
        entry = path / "__init__.py" if path.is_dir() else path

        def load(entry: Path = entry, module_name: str = module_name, path: Path = path) -> Any:
            spec = importlib.util.spec_from_file_location(
                module_name,
                entry,
                submodule_search_locations=[str(path)] if path.is_dir() else None,
            )
            assert spec is not None and spec.loader is not None
            module = importlib.util.module_from_spec(spec)
            sys.modules[module_name] = module
            try:
                spec.loader.exec_module(module)
            except BaseException:
                del sys.modules[module_name]
                raise
            return module

        yield name, _import(load, name, origin), origin


def _results_by_plugin(pm: pluggy.PluginManager, hook_name: str) -> Iterable[tuple[str, Any]]:
    # Call each implementation on its own so that a contribution can be traced to its plugin.
    for impl in getattr(pm.hook, hook_name).get_hookimpls():
        name = impl.plugin_name
        try:
            result = impl.function()
        except Exception as exc:
            detail = "".join(traceback.format_exception_only(exc)).strip()
            raise PluginError(f"plugin {name!r}: {hook_name}() raised {detail}") from exc
        yield name, result or ()


def _collect_rules(pm: pluggy.PluginManager) -> dict[str, Rule]:
    rules: dict[str, Rule] = {}
    for plugin, result in _results_by_plugin(pm, "casefile_eval_rules"):
        for item in result:
            if not isinstance(item, Rule):
                raise PluginError(
                    f"plugin {plugin!r}: casefile_eval_rules() returned {item!r}, not a Rule "
                    "(decorate the check with @rule(...))"
                )
            if item.id in rules:
                raise PluginError(
                    f"rule id {item.id} is declared twice: by plugin {rules[item.id].plugin!r} "
                    f"and by plugin {plugin!r}"
                )
            rules[item.id] = attrs.evolve(item, plugin=plugin)
    return dict(sorted(rules.items()))


def _collect_parameters(pm: pluggy.PluginManager) -> dict[str, Parameter]:
    params: dict[str, Parameter] = {}
    for plugin, result in _results_by_plugin(pm, "casefile_eval_parameters"):
        for item in result:
            if not isinstance(item, Parameter):
                raise PluginError(
                    f"plugin {plugin!r}: casefile_eval_parameters() returned {item!r}, "
                    "not a Parameter"
                )
            if item.name in params:
                raise PluginError(
                    f"parameter {item.name!r} is declared twice: by plugin "
                    f"{params[item.name].plugin!r} and by plugin {plugin!r}"
                )
            params[item.name] = attrs.evolve(item, plugin=plugin)
    return dict(sorted(params.items()))
