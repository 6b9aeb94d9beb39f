"""Which national format a report follows, so a rule of one format's set skips the other's reports.

The 2019 trial format (国办公开办函〔2019〕60号) governs the reports for 2019 and 2020; the 2021
format (国办公开办函〔2021〕30号) every report since. A rule tagged only ``national-2021`` (the fee
statement, the 109号 citation …) asks for what the 2019 format never required, so it does not run on
a 2019 or 2020 report. Rules tagged with neither set (a province's own) run everywhere.
"""

from __future__ import annotations

from reportlint.model import Report

FORMAT_SETS = ("national-2021", "national-2019")
_TRIAL_YEARS = range(2019, 2021)


def format_set(report: Report) -> str:
    """The national rule set the report's year calls for (2021 when the year is unknown)."""
    return "national-2019" if report.year in _TRIAL_YEARS else "national-2021"


def fits_format(sets: tuple[str, ...], report: Report) -> bool:
    """False for a rule of a national set that does not include the report's format."""
    named = [name for name in sets if name in FORMAT_SETS]
    return not named or format_set(report) in named
