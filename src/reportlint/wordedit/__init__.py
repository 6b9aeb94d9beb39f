"""Find and edit the words of a .docx that a line and column of its loaded text came from.

The .docx loader turns paragraphs and table cells into lines and records where each line came
from (``SourceDocument.origins``). ``annotate`` and ``fix`` go the other way: from a diagnostic's
line and column back to the paragraph element and the characters inside its runs, so that a Word
comment can be anchored at exactly those words and a fix can edit them without touching the
runs' formatting. Only the origin map is relied upon; the visible text of the found paragraph is
compared with the line, and a place that does not match is reported as not found.
"""

from reportlint.wordedit.locate import Place, WordBody, locate
from reportlint.wordedit.runs import anchor_runs, replace_text, visible_text

__all__ = ["Place", "WordBody", "anchor_runs", "locate", "replace_text", "visible_text"]
