"""Every resource limit of reportlint in one place, so hostile input cannot exhaust a machine.

Each limit is far above what any real annual report needs (a seed report is about 20 KB of text,
a few hundred lines, tables of at most 30 rows, pages nested at most ~40 elements deep), and each
refusal message names the limit and how to raise it. The file size and the number of diagnostics
are set per run with the ``max-file-size`` and ``max-diagnostics`` configuration keys (these
constants are their defaults); the others are fixed here and imported by the loader that enforces them.
"""

from __future__ import annotations

MEGABYTE = 1024 * 1024

#: Largest input file read, in bytes (configuration key ``max-file-size``, e.g. ``"200 MB"``).
MAX_FILE_SIZE = 50 * MEGABYTE

#: A .docx is a zip: at most this many entries ...
MAX_ZIP_ENTRIES = 10_000
#: ... its word/document.xml at most this large once inflated ...
MAX_DOCUMENT_XML_BYTES = 200 * MEGABYTE
#: ... and all entries together at most this large once inflated (a zip bomb is refused unread).
MAX_TOTAL_UNCOMPRESSED_BYTES = 1024 * MEGABYTE

#: Deepest element nesting of a web page (real pages: under 60). Deeper pages are refused, since
#: finding the report body costs time proportional to the depth for every element.
MAX_HTML_DEPTH = 256

#: Most diagnostics kept per file (configuration key ``max-diagnostics``); the rest are dropped
#: and one RL901 diagnostic says how many.
MAX_DIAGNOSTICS_PER_FILE = 1_000
