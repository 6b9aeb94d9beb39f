"""JUnit XML: one test suite per file, one failing test case per diagnostic, for CI test views."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING

from reportlint.formatters.base import LintRun, expected_actual

if TYPE_CHECKING:
    from reportlint.diagnostics import FileResult

# Characters XML 1.0 cannot carry at all, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(text: str) -> str:
    """Text with characters XML forbids replaced by U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)


class JunitFormatter:
    """``<testsuites><testsuite name=path><testcase …><failure …/></testcase>…``."""

    shows_source = False  # no source lines: a run keeps none for this format

    def format(self, run: LintRun) -> str:
        """The XML document as text."""
        total = sum(1 for _ in run.diagnostics())
        root = ET.Element("testsuites", name="reportlint", tests="0", failures=str(total), errors="0")
        cases = 0
        for result in run.files:
            suite = self._suite(result)
            cases += int(suite.get("tests", "0"))
            root.append(suite)
        root.set("tests", str(cases))
        ET.indent(root)
        return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"

    def _suite(self, result: FileResult) -> ET.Element:
        path = xml_text(result.path)
        failures = len(result.diagnostics)
        suite = ET.Element(
            "testsuite", name=path, tests=str(max(failures, 1)), failures=str(failures), errors="0"
        )
        if not result.diagnostics:
            ET.SubElement(suite, "testcase", classname=path, name="reportlint")
            return suite
        for d in result.diagnostics:
            case = ET.SubElement(
                suite, "testcase", classname=path, name=xml_text(f"{d.code} {d.name} ({d.line}:{d.column})")
            )
            case.set("file", path)
            case.set("line", str(d.line))
            detail = [f"{d.path}:{d.line}:{d.column}: {d.code} {d.severity.value} {d.message}"]
            if d.locator:
                detail.append(f"位置：{d.locator_text()}")
            values = expected_actual(d)
            if values:
                detail.append(values)
            failure = ET.SubElement(case, "failure", message=xml_text(d.message), type=d.code)
            failure.text = xml_text("\n".join(detail))
        return suite
