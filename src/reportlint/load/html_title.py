"""The report title of a CMS article page, which sits above the report body, not inside it.

Government CMS pages (TRS, 集约化平台, 大汉 Hanweb, 拓尔思, 开普云 …) put the article title in an
element of its own above a source/date line ("来源：… 发布时间：…") and the content div. The body
chooser keeps only the content div, so without this the report loses its title (a false CP002).
The nearest title-like text before the body is taken, never a link (related, previous and next
article links name other reports); failing that the head's ArticleTitle / og:title meta tags or
``<title>`` without the site name after "_", "|" or " - ".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

TITLE_METAS = (
    'meta[name="ArticleTitle" i]',
    'meta[name="articletitle" i]',
    'meta[property="og:title" i]',
    'meta[name="title" i]',
)
MAX_TITLE_CHARS = 80
# How many lines at the top of the body are looked at for a title of its own.
_TOP_LINES = 6
# How many elements before the body are looked at, nearest first (the title is close above it).
_MAX_PRECEDING = 400
_TITLE_WORDS = ("报告", "年报")
_SENTENCE_MARKS = ("。", "；", "！", "？")
_NOT_TITLE_START = re.compile(r"^(上一篇|下一篇|相关|来源|发布|附件|【)")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_SPACES = re.compile(r"[ \t\r\n\f\u00a0\u3000]+")
_SITE_SEPARATOR = re.compile(r"\s*(?:[_|｜]|\s-\s|——)\s*")
_HEADING_START = re.compile(r"^\s*[一二三四五六七八九十]+\s*[、.．]")


def looks_like_title(text: str) -> bool:
    """A short line naming a report ("…2024年度政府信息公开工作年度报告"), not a sentence."""
    text = text.strip()
    return (
        4 <= len(text) <= MAX_TITLE_CHARS
        and any(word in text for word in _TITLE_WORDS)
        and not any(mark in text for mark in _SENTENCE_MARKS)
        and not _NOT_TITLE_START.match(text)
        and len(_CJK.findall(text)) >= 4
    )


def has_own_title(lines: Sequence[str]) -> bool:
    """The body's first lines, before its first section heading, already hold a title."""
    for line in [line for line in lines if line.strip() and not line.startswith("\t")][:_TOP_LINES]:
        if _HEADING_START.match(line):
            return False
        if looks_like_title(line):
            return True
    return False


def article_title(body: Any, head_titles: Sequence[str]) -> str | None:
    """The title above the body element, else the one the page's head declares, else None."""
    found = _title_above(body)
    if found is not None:
        return found
    for declared in head_titles:
        for part in _SITE_SEPARATOR.split(declared):
            if looks_like_title(part):
                return part.strip()
    return None


def _title_above(body: Any) -> str | None:
    """Nearest title-like element before ``body`` in document order (its earlier siblings and
    those of its ancestors, each searched from its end), outside links."""
    seen = 0
    node = body
    while node is not None and node.tag not in ("body", "html"):
        sibling = node.prev
        while sibling is not None:
            if sibling.is_element_node:
                for candidate in reversed([sibling, *sibling.traverse(include_text=False)]):
                    seen += 1
                    if seen > _MAX_PRECEDING:
                        return None
                    text = _own_block_text(candidate)
                    if text is not None:
                        return text
            sibling = sibling.prev
        node = node.parent
    return None


def _own_block_text(node: Any) -> str | None:
    """The element's whole text when it reads as a title and no link or ancestor link holds it."""
    if node.tag == "a" or node.css_first("a") is not None or _inside_link(node):
        return None
    text = _SPACES.sub(" ", node.text(deep=True)).strip()
    return text if looks_like_title(text) else None


def _inside_link(node: Any) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.tag == "a":
            return True
        parent = parent.parent
    return False
