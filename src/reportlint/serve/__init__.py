"""``reportlint serve``: a local web page where a drafter drops a report and reads its findings.

Optional: it needs the ``serve`` extra (Starlette, uvicorn, python-multipart). ``missing()`` names
what is not installed, so the command can say how to install it before importing anything here.
"""

from __future__ import annotations

import importlib.util

#: The import names the page needs, with the distribution each comes from.
REQUIREMENTS = {"starlette": "starlette", "uvicorn": "uvicorn", "python_multipart": "python-multipart"}


def missing() -> list[str]:
    """The distributions of the ``serve`` extra that are not installed."""
    return [dist for module, dist in REQUIREMENTS.items() if importlib.util.find_spec(module) is None]
