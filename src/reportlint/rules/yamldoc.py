"""Read a YAML rule file safely while keeping the line of every key.

The composer of ruamel.yaml's safe, pure-Python loader builds a node tree without constructing
any object; we turn that tree into plain dicts, lists and scalars ourselves and remember where
each key sits, so validation errors can say "NU001.yaml:7 键 severity".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Path_ = tuple[str | int, ...]


class YamlSyntaxError(Exception):
    """The text is not YAML; ``line`` is 1-based."""

    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


@dataclass
class YamlDoc:
    """Plain data plus the 1-based line of every mapping key and list item."""

    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)

    def line_of(self, path: Path_) -> int:
        """The line of ``path``, or of its nearest ancestor that has one."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), 1)


_BOOL = {"true": True, "false": False, "yes": True, "no": False, "on": True, "off": False}


def _scalar(tag: str, value: str) -> Any:
    kind = tag.rsplit(":", 1)[-1]
    try:
        if kind == "int":
            return int(value.replace("_", ""), 0) if value[:2].lower() in ("0x", "0o") else int(value)
        if kind == "float":
            return float(value)
    except ValueError:
        return value
    if kind == "bool":
        return _BOOL.get(value.lower(), value)
    if kind == "null":
        return None
    return value


def _convert(node: Any, path: Path_, lines: dict[Path_, int], seen: set[int]) -> Any:
    lines[path] = node.start_mark.line + 1
    node_id = getattr(node, "id", "")
    if node_id in ("mapping", "sequence"):
        if id(node) in seen:  # an alias: refuse, so "billion laughs" packs cannot blow up memory
            raise YamlSyntaxError("规则文件不支持 YAML 锚点与别名（&/*）", node.start_mark.line + 1)
        seen.add(id(node))
    if node_id == "mapping":
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value)
            if key in result:
                raise YamlSyntaxError(f"键 {key} 重复", key_node.start_mark.line + 1)
            result[key] = _convert(value_node, (*path, key), lines, seen)
            lines[(*path, key)] = key_node.start_mark.line + 1
        return result
    if node_id == "sequence":
        return [_convert(item, (*path, index), lines, seen) for index, item in enumerate(node.value)]
    return _scalar(str(node.tag), str(node.value))


def load_yaml(text: str) -> YamlDoc:
    """Parse one YAML document; raises YamlSyntaxError with a line number.

    The parsed form is remembered on disk by content (see store.memo): start-up skips ruamel.
    """
    from reportlint.store.memo import remembered

    data, lines = remembered("rule-yaml", text, _parsed)
    return YamlDoc(data, lines)


def _parsed(text: str) -> tuple[Any, dict[Path_, int]]:
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    try:
        node = YAML(typ="safe", pure=True).compose(text)
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark is not None else 1
        raise YamlSyntaxError(f"YAML 语法错误：{error.problem or error}", line) from None
    except YAMLError as error:
        raise YamlSyntaxError(f"YAML 语法错误：{error}", 1) from None
    except RecursionError:  # the composer recurses once per level: [[[[...]]]] 1,000 deep
        raise _too_deep() from None
    if node is None:
        return None, {(): 1}
    lines: dict[Path_, int] = {}
    try:
        return _convert(node, (), lines, set()), lines
    except RecursionError:
        raise _too_deep() from None


def _too_deep() -> YamlSyntaxError:
    return YamlSyntaxError("YAML 嵌套层数过多，不像规则文件，已拒绝", 1)
