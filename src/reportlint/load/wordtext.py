"""The visible characters of one w:p, as Word shows them once tracked changes are accepted.

Inserted revisions and field results are read; deleted and moved-away text, field instructions
(nested fields included), the mc:Fallback copy of a drawing, and the paragraphs of text boxes
inside a run are not. The loader reads the text; the Word editor the same pieces with their nodes.
"""

from __future__ import annotations

from typing import Any

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
P, TBL = f"{_W}p", f"{_W}tbl"
_T, _TAB, _TXBX = f"{_W}t", f"{_W}tab", f"{_W}txbxContent"
_FLDCHAR, _FLDCHAR_TYPE = f"{_W}fldChar", f"{_W}fldCharType"
# Containers whose content is not part of the visible, current text.
_SKIPPED = frozenset(
    {f"{_W}del", f"{_W}moveFrom", f"{_W}instrText", f"{_W}delText", f"{_MC}Fallback", f"{_W}pPr", f"{_W}rPr"}
)


def paragraph_text(paragraph: Any) -> str:
    """The visible text of one w:p: runs, inserted revisions, hyperlinks and field results."""
    texts: list[str] = []
    collect(paragraph, texts, None, [], [])
    return "".join(texts)


def pieces(paragraph: Any) -> list[tuple[Any, str]]:
    """The visible pieces of one w:p in order: each w:t with its text, each w:tab as one space."""
    texts: list[str] = []
    nodes: list[Any] = []
    collect(paragraph, texts, nodes, [], [])
    return list(zip(nodes, texts, strict=True))


def collect(
    element: Any, texts: list[str], nodes: list[Any] | None, fields: list[bool], boxes: list[Any]
) -> None:
    """The visible texts (and, when asked, their nodes) of ``element``, in order.

    ``fields`` holds one flag per open complex field: True while in its instruction; the
    w:txbxContent of text boxes met on the way go to ``boxes``.
    """
    for child in element:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIPPED:
            continue
        if tag == _T:
            if True not in fields:
                texts.append(child.text or "")
                if nodes is not None:
                    nodes.append(child)
        elif tag == _FLDCHAR:
            kind = child.get(_FLDCHAR_TYPE)
            # between "begin" and "separate" is the field's instruction, not its displayed result;
            # a field nested in an instruction (IF, MERGEFIELD …) is part of that instruction
            if kind == "begin":
                fields.append(True)
            elif kind == "separate" and fields:
                fields[-1] = False
            elif kind == "end" and fields:
                fields.pop()
        elif tag == _TAB:
            if True not in fields:
                texts.append(" ")
                if nodes is not None:
                    nodes.append(child)
        elif tag == _TXBX:
            boxes.append(child)  # a text box's paragraphs are not part of this paragraph's line
        elif tag in (P, TBL):
            continue
        elif len(child):
            collect(child, texts, nodes, fields, boxes)
