"""Read reports saved from government web pages: the report body without the page chrome.

Pages come in UTF-8 or GBK; the charset is taken from a BOM, then the ``<meta>`` tag, then by
trying UTF-8 and GB18030. Navigation, headers, footers, scripts, login and accessibility links,
breadcrumbs and the 索引号/发布机构 metadata table are removed; the report body is the element
holding nearly all of the remaining Chinese text. Tables keep their cells in the shared layout,
with rowspan resolved (a row-spanned cell's text once, the rows below get a blank cell, as Word
shows a vertical merge) and a column-spanned cell once.
"""

from __future__ import annotations

import codecs
import re
from typing import Any

from reportlint.limits import MAX_HTML_DEPTH
from reportlint.load.html_title import TITLE_METAS as _TITLE_METAS
from reportlint.load.html_title import article_title, has_own_title
from reportlint.load.layout import CellLines, TextBuilder
from reportlint.load.source import InputError, LineOrigin, SourceDocument

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)""", re.IGNORECASE)
_CJK = re.compile(r"[\u4e00-\u9fff]")
_SPACES = re.compile(r"[ \t\r\n\f\u00a0]+")
# Share of the page's Chinese text the chosen body element must hold.
_CONTAINER_TAG = re.compile(
    r"<(/?)(?:div|span|font|section|article|table|ul|ol|blockquote)[\s>/]", re.IGNORECASE
)
_PRESCAN_FACTOR = 4
# Charset names Chinese pages declare, all read by GB18030 (their superset).
_GB_CHARSETS = ("gbk", "gb2312", "gb18030", "x-gbk", "gb_2312-80", "cp936")
# How many iframe ``srcdoc`` documents inside each other are followed to find the report.
MAX_SRCDOC_NESTING = 2
BODY_SHARE = 0.8
# Below this many Chinese characters a page holds no report.
MIN_REPORT_CJK = 200
REPORT_MARKERS = ("总体情况", "政府信息公开")

CHROME_TAGS = (
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "header",
    "footer",
    "iframe",
    "form",
    "button",
    "select",
    "input",
    "svg",
    "object",
    "head",
)
# class/id words of page chrome on Chinese government sites (wza = 无障碍, accessibility).
_CHROME_NAME = re.compile(
    r"(^|[-_ ])(nav|navbar|menu|header|footer|foot|top-?bar|topbar|breadcrumbs?|crumbs?|position|"
    r"location|login|share|wza|sidebar|side|toolbar|copyright|search|denglu|zhuce|daohang|dh)([-_ ]|\d|$)",
    re.IGNORECASE,
)
# Article tools and location lines that sit inside the content element itself on many sites.
_CHROME_LINE = re.compile(
    r"^(【?\s*(字体|字号)\s*[:：]|(您)?(当前|现在)的?位置\s*[:：]|当前位置\s*[:：]|【?打印(本页)?】?$|"
    r"【?关闭(窗口|本页)?】?$|分享到\s*[:：]?|【打印】|【关闭】|扫一扫在手机)"
)
# The source/date/views line under a CMS article title, when the content element holds it: page
# metadata, not report text (only a short line that starts so; a sentence never does).
_ARTICLE_INFO_LINE = re.compile(
    r"^(?:(?:信息|文章)?来源|(?:发布|更新)(?:时间|日期)|时间|日期|浏览(?:次数|量)?|点击(?:数|量)|作者)\s*[:：]"
    r".{0,80}$|^字号\s*[:：]?\s*[【\[]?\s*大\s*[】\]]?\s*中.{0,40}$"
)
_METADATA_KEYS = ("索引号", "发布机构")
BLOCK_TAGS = frozenset(
    {
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "section",
        "article",
        "main",
        "blockquote",
        "pre",
        "center",
        "dl",
        "dt",
        "dd",
        "body",
        "html",
        "tbody",
        "thead",
        "tfoot",
        "caption",
        "address",
        "figure",
        "figcaption",
        "hr",
    }
)
_CANDIDATE_TAGS = ("div", "article", "section", "main", "td")


def decode_html(data: bytes, path: str) -> tuple[str, str]:
    """Text and encoding name of a saved page (BOM, then meta charset, then UTF-8 / GB18030)."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    match = _META_CHARSET.search(data[:4096])
    candidates = []
    if match:
        declared = match.group(1).decode("ascii").lower()
        # GB2312 declared over GBK bytes is common: GB18030 reads both. UTF-8 bytes under an
        # old GB meta tag fail to decode as GB18030 and are read as UTF-8 next.
        candidates.append("gb18030" if declared in _GB_CHARSETS else declared)
    candidates += ["utf-8", "gb18030"]
    for encoding in candidates:
        try:
            return data.decode(encoding), encoding
        except (UnicodeDecodeError, LookupError):
            continue
    raise InputError("IO002", f"{path}：网页编码无法识别（既不是 UTF-8 也不是 GBK）")


def load_html(data: bytes, path: str) -> SourceDocument:
    """Turn a saved web page into the shared text layout; IO003 when the page holds no report."""
    text, encoding = decode_html(data, path)
    return _load_page(text, path, encoding, MAX_SRCDOC_NESTING)


def _load_page(text: str, path: str, encoding: str, srcdoc_levels: int) -> SourceDocument:
    """The report of one page; a page whose report is the ``srcdoc`` of an iframe (a viewer page
    or an export that embeds the document) is read from there, a few levels at most."""
    tree = _parsed(text, path)
    root = tree.body
    if root is None:
        raise _no_report(path)
    head_titles = _head_titles(tree)
    srcdocs = [node.attributes.get("srcdoc") or "" for node in tree.css("iframe[srcdoc]")]
    _remove_chrome(tree)
    body = _report_element(root)
    if srcdoc_levels > 0 and (body is None or REPORT_MARKERS[0] not in body.text(deep=True)):
        for srcdoc in srcdocs:
            if REPORT_MARKERS[0] in srcdoc:
                return _load_page(srcdoc, path, encoding, srcdoc_levels - 1)
    if body is None:
        raise _no_report(path)
    builder = TextBuilder()
    _Walker(builder).block(body)
    if not has_own_title(builder.lines):
        title = article_title(body, head_titles)
        if title is not None:
            builder.lines.insert(0, title)
            builder.origins.insert(0, LineOrigin("网页正文上方的标题"))
    return builder.document(path, "html", encoding)


def html_table_rows(fragment: str, path: str) -> list[list[CellLines]]:
    """The rows of the first ``<table>`` of an HTML fragment, as a page's table would be read
    (Markdown converters such as MinerU write tables so); IO005 when absurdly nested."""
    table = _parsed(fragment, path).css_first("table")
    return _table_rows(table) if table is not None else []


def _parsed(text: str, path: str) -> Any:
    """The parsed page; IO005 for absurd nesting, refused before parsing where it can be seen in
    the tags and checked again in the tree (later steps cost depth × elements)."""
    from selectolax.lexbor import LexborHTMLParser  # only when a web page is read

    if _tags_nest_deeper_than(text, _PRESCAN_FACTOR * MAX_HTML_DEPTH):
        raise _too_deep(path)
    tree = LexborHTMLParser(text)
    if tree.body is not None and _nested_deeper_than(tree.body, MAX_HTML_DEPTH):
        raise _too_deep(path)
    return tree


def _too_deep(path: str) -> InputError:
    return InputError(
        "IO005",
        f"{path}：网页元素嵌套超过 {MAX_HTML_DEPTH} 层（上限 reportlint.limits.MAX_HTML_DEPTH），"
        "不像正常网页，拒绝读取",
    )


def _tags_nest_deeper_than(text: str, limit: int) -> bool:
    """A quick count of open container tags before parsing: the HTML parser itself takes time
    proportional to depth² (100,000 nested divs: 12 s), so absurd nesting is refused unparsed.
    Sloppy pages leave a few tags unclosed, hence the generous ``_PRESCAN_FACTOR``."""
    depth = 0
    for match in _CONTAINER_TAG.finditer(text):
        if match.group(1):
            depth = max(0, depth - 1)
        else:
            depth += 1
            if depth > limit:
                return True
    return False


def _nested_deeper_than(root: Any, limit: int) -> bool:
    """True when some element sits more than ``limit`` levels below ``root``.

    Walks the tree without recursion and stops at the first too-deep element, so the check costs
    at most one pass over the page; the later steps cost depth × elements and must not see such a page.
    """
    depth, node = 0, root.child
    while node is not None:
        if node.child is not None:
            depth += 1
            if depth > limit:
                return True
            node = node.child
            continue
        while node is not None and node.next is None:
            node = node.parent
            depth -= 1
            if depth < 0:
                return False
        if node is None:
            return False
        node = node.next
    return False


def _no_report(path: str) -> InputError:
    return InputError("IO003", f"{path}：网页中没有找到年度报告正文（可能是栏目页、登录页或跳转页）")


def _remove_chrome(tree: Any) -> None:
    """Drop page chrome; an element that holds the report itself is never dropped, whatever its
    class says (old sites put the whole page in one layout table or a ``main-side`` div)."""
    tree.strip_tags(list(CHROME_TAGS))
    for node in tree.css("[class], [id]"):
        names = f"{node.attributes.get('class') or ''} {node.attributes.get('id') or ''}"
        if node.tag not in ("body", "html") and _CHROME_NAME.search(names) and not _holds_report(node):
            node.decompose()
    for table in tree.css("table"):
        text = table.text(deep=True)
        if all(key in text[:400] for key in _METADATA_KEYS) and not _holds_report(table):
            table.decompose()


def _holds_report(node: Any) -> bool:
    text = node.text(deep=True)
    return "总体情况" in text and _cjk(text) >= MIN_REPORT_CJK


def _cjk(text: str) -> int:
    return len(_CJK.findall(text))


def _report_element(body: Any) -> Any:
    """The deepest element holding most of the page's Chinese text, or None without a report."""
    whole = body.text(deep=True)
    total = _cjk(whole)
    if total < MIN_REPORT_CJK or not any(marker in whole for marker in REPORT_MARKERS):
        return None
    best, best_depth = body, 0
    for node in body.css(",".join(_CANDIDATE_TAGS)):
        text = node.text(deep=True)
        if len(text) < total * BODY_SHARE or _cjk(text) < total * BODY_SHARE:  # cheap test first
            continue
        depth = _depth(node)
        if depth > best_depth:
            best, best_depth = node, depth
    return best


def _depth(node: Any) -> int:
    depth = 0
    while node is not None:
        depth += 1
        node = node.parent
    return depth


def _head_titles(tree: Any) -> list[str]:
    """Titles the page's head declares, best first: the CMS article-title meta tags, og:title,
    then ``<title>`` (read before the head is stripped as chrome)."""
    found = []
    for selector in _TITLE_METAS:
        for node in tree.css(selector):
            found.append(node.attributes.get("content") or "")
    for node in tree.css("head > title, title"):
        found.append(node.text(deep=True))
    return [_SPACES.sub(" ", text).strip() for text in found if text and text.strip()]


class _Walker:
    """Writes block elements as lines and tables as cells, numbering paragraphs for origins."""

    def __init__(self, builder: TextBuilder) -> None:
        self.builder = builder
        self.paragraphs = 0
        self.pending: list[str] = []

    def block(self, element: Any) -> None:
        self._children(element)
        self._flush()

    def _children(self, element: Any) -> None:
        child = element.child
        while child is not None:
            self._node(child)
            child = child.next

    def _node(self, node: Any) -> None:
        tag = node.tag
        if tag == "-text":
            self.pending.append(node.text_content or "")
        elif tag == "br":
            self._flush()
        elif tag == "table":
            self._flush()
            self.builder.table(_table_rows(node))
        elif tag in BLOCK_TAGS:
            self._flush()
            self._children(node)
            self._flush()
        elif node.is_element_node:
            self._children(node)

    def _flush(self) -> None:
        text = _SPACES.sub(" ", "".join(self.pending)).strip()
        self.pending = []
        if text and not _is_chrome_line(text):
            self.paragraphs += 1
            self.builder.paragraph(text, LineOrigin(f"网页第{self.paragraphs}段", paragraph=self.paragraphs))


def _is_chrome_line(text: str) -> bool:
    return _CHROME_LINE.match(text) is not None or _ARTICLE_INFO_LINE.match(text) is not None


def _table_rows(table: Any) -> list[list[CellLines]]:
    """Rows of cells with rowspans resolved: a covered position becomes a blank cell."""
    rows: list[list[CellLines]] = []
    # grid column -> (rows still covered, colspan) for cells spanning downwards
    covering: dict[int, list[int]] = {}
    for tr in table.css("tr"):
        if _parent_table(tr).mem_id != table.mem_id:
            continue
        row: list[CellLines] = []
        column = 0
        for cell in tr.iter():
            if cell.tag not in ("td", "th"):
                continue
            column = _covered(covering, column, row)
            attributes = cell.attributes
            colspan = _span(attributes, "colspan")
            rowspan = _span(attributes, "rowspan")
            row.append(_cell_lines(cell))
            if rowspan > 1:
                covering[column] = [rowspan - 1, colspan]
            column += colspan
        _covered(covering, column, row, to_end=True)
        rows.append(row)
    return rows


def _covered(
    covering: dict[int, list[int]], column: int, row: list[CellLines], *, to_end: bool = False
) -> int:
    """Emit blanks for positions covered by a rowspan from above, starting at ``column``."""
    while True:
        if column in covering:
            remaining, colspan = covering[column]
            row.append([""])
            if remaining <= 1:
                del covering[column]
            else:
                covering[column][0] = remaining - 1
            column += colspan
            continue
        if to_end and any(key > column for key in covering):
            column = min(key for key in covering if key > column)
            continue
        return column


def _parent_table(node: Any) -> Any:
    parent = node.parent
    while parent is not None and parent.tag != "table":
        parent = parent.parent
    return parent


def _span(attributes: dict[str, str | None], name: str) -> int:
    value = attributes.get(name)
    if value is None:
        return 1
    value = value.strip()
    return max(1, min(int(value), 1000)) if value.isdigit() else 1


def _cell_lines(cell: Any) -> list[str]:
    """A cell's lines: <br> and block children separate lines; nested tables flatten into it.

    Most cells hold one text node ("0", "（一）予以公开"): read directly, the same as the walk
    would, since building a walker per cell was most of a page's load time."""
    child = cell.child
    if child is not None and child.next is None and child.tag == "-text":
        text = _SPACES.sub(" ", child.text_content or "").strip()
        return [text] if text and not _is_chrome_line(text) else [""]
    builder = TextBuilder()
    _Walker(builder).block(cell)
    return [line.lstrip("\t") for line in builder.lines if line.strip()] or [""]
