"""The copy of a text box paragraph that older readers show (mc:Fallback), edited with the box.

Word writes each text box twice: DrawingML in mc:Choice, which Word, WPS and LibreOffice show and
the loader reads, and VML in mc:Fallback for older readers. A fix made in the Choice alone would
leave those readers the old words.
"""

from __future__ import annotations

from typing import Any

from reportlint.load.wordtext import P

_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_CHOICE, _FALLBACK, _ALTERNATE = f"{_MC}Choice", f"{_MC}Fallback", f"{_MC}AlternateContent"
_TXBX = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}txbxContent"


def fallback_twin(paragraph: Any) -> Any | None:
    """The paragraph at the same place in the Fallback copy of the paragraph's text box."""
    box = choice = None
    for ancestor in paragraph.iterancestors():
        if ancestor.tag == _TXBX and box is None:
            box = ancestor
        elif ancestor.tag == _CHOICE:
            choice = ancestor
        elif ancestor.tag == _ALTERNATE:
            if box is None or choice is None:
                return None
            return _same_place(choice, ancestor.find(_FALLBACK), box, paragraph)
    return None


def _same_place(choice: Any, fallback: Any | None, box: Any, paragraph: Any) -> Any | None:
    if fallback is None:
        return None
    boxes = list(choice.iter(_TXBX))
    twins = list(fallback.iter(_TXBX))
    if len(boxes) != len(twins):
        return None
    index = boxes.index(box)
    mine, theirs = list(box.iter(P)), list(twins[index].iter(P))
    return theirs[mine.index(paragraph)] if len(mine) == len(theirs) else None
