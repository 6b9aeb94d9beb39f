"""The plugin host: the only code that creates the plugin manager and calls ``pm.hook``.

Built-in loaders and formatters are registered as internal plugins; the national rule set and
every provincial plugin come in through the ``reportlint`` entry-point group. A plugin that fails
to import or register is recorded as a warning naming it, and everything else still runs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import import_module
from typing import TYPE_CHECKING, Any

import pluggy

from reportlint.plugins import hookspecs
from reportlint.plugins.hookspecs import ENTRY_POINT_GROUP, PROJECT_NAME
from reportlint.plugins.installed import InstalledEntryPoint, installed_entry_points

if TYPE_CHECKING:
    from reportlint.load.source import SourceDocument

BUILTIN_PLUGINS = ("reportlint.builtin.loaders", "reportlint.builtin.formatters")
NATIONAL_PLUGIN = ("national", "reportlint.builtin.national")


@dataclass
class PluginHost:
    """A plugin manager plus the warnings raised while plugins were loaded."""

    pm: pluggy.PluginManager
    warnings: list[str] = field(default_factory=list)
    versions: dict[str, str] = field(default_factory=dict)

    @property
    def hook(self) -> Any:
        """The hook relay (``host.hook.reportlint_rules()``)."""
        return self.pm.hook

    def load_document(self, path: str, data: bytes) -> SourceDocument | None:
        """The first loader that reads ``data`` (``reportlint_load_document``, first result wins)."""
        document: SourceDocument | None = self.pm.hook.reportlint_load_document(path=path, data=data)
        return document

    def plugin_names(self) -> list[str]:
        """Names of every registered plugin, built-ins included."""
        return sorted(name for name, _ in self.pm.list_name_plugin() if name)

    def call_each(self, hook_name: str, **kwargs: Any) -> list[tuple[str, Any]]:
        """Call each plugin's implementation of a hook separately: (plugin name, result) pairs.

        Results then carry the name of the plugin that gave them (a rule's ``source``), and one
        plugin whose hook raises becomes a warning naming it while the others still answer.
        """
        caller = getattr(self.pm.hook, hook_name)
        answers: list[tuple[str, Any]] = []
        for impl in caller.get_hookimpls():
            try:
                result = impl.function(**{name: kwargs[name] for name in impl.argnames})
            except Exception as exc:  # a broken plugin must never stop the linter
                self.warnings.append(
                    f"插件 {impl.plugin_name} 的 {hook_name} 出错，已跳过：{type(exc).__name__}: {exc}"
                )
                continue
            if result is not None:
                answers.append((impl.plugin_name, result))
        return answers

    def plugin_versions(self) -> dict[str, str]:
        """Plugin name → distribution version, for plugins installed through entry points."""
        return dict(self.versions)


def create_host(*, load_entry_points: bool = True, extra_plugins: tuple[object, ...] = ()) -> PluginHost:
    """Build the plugin manager: built-ins, the national rule set, then installed plugins."""
    pm = pluggy.PluginManager(PROJECT_NAME)
    pm.add_hookspecs(hookspecs)
    host = PluginHost(pm)
    for module_name in BUILTIN_PLUGINS:
        pm.register(import_module(module_name), name=module_name)
    seen: set[str] = set()
    if load_entry_points:
        for entry in installed_entry_points(ENTRY_POINT_GROUP):
            if entry.name in seen or pm.has_plugin(entry.name):
                continue
            seen.add(entry.name)
            _register_entry_point(host, entry)
    if not pm.has_plugin(NATIONAL_PLUGIN[0]):
        # Running from a source tree without installed metadata: register the national set directly.
        pm.register(import_module(NATIONAL_PLUGIN[1]), name=NATIONAL_PLUGIN[0])
    for plugin in extra_plugins:
        pm.register(plugin)
    return host


def _register_entry_point(host: PluginHost, entry: InstalledEntryPoint) -> None:
    try:
        plugin = entry.load()
        host.pm.register(plugin, name=entry.name)
        if entry.dist_name is not None:
            host.versions[entry.name] = f"{entry.dist_name} {entry.dist_version}"
    except Exception as exc:  # a broken plugin must never stop the linter
        host.warnings.append(
            f"插件 {entry.name}（{entry.value}）加载失败，已跳过：{type(exc).__name__}: {exc}"
        )
