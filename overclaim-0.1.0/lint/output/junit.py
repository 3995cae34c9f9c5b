"""JUnit XML: one test case per file, which CI systems show as test results."""

from __future__ import annotations

import re
from xml.etree import ElementTree

from lint.data import SEVERITY_RANK, Finding

# Characters XML 1.0 cannot hold, escaped or not: they become U+FFFD.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml_text(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def render_junit(findings: list[Finding], paths: list[str], fail_on: str = "warning") -> str:
    """JUnit XML: one test case per file, failing when the file has a finding at or above
    ``fail_on``; findings below it are listed in the case's output."""
    threshold = SEVERITY_RANK.get(fail_on, len(SEVERITY_RANK))
    by_path: dict[str, list[Finding]] = {path: [] for path in paths}
    for f in findings:
        by_path.setdefault(f.path, []).append(f)
    suites = ElementTree.Element("testsuites", name="overclaim")
    failing = {
        path: [f for f in found if SEVERITY_RANK[f.severity] >= threshold]
        for path, found in by_path.items()
    }
    suite = ElementTree.SubElement(
        suites,
        "testsuite",
        name="overclaim",
        tests=str(len(by_path)),
        failures=str(sum(1 for found in failing.values() if found)),
        errors="0",
    )
    for path, found in by_path.items():
        case = ElementTree.SubElement(
            suite, "testcase", classname="overclaim", name=_xml_text(path)
        )
        if failing[path]:
            failure = ElementTree.SubElement(
                case, "failure", message=f"{len(failing[path])} finding(s)", type="overclaim"
            )
            failure.text = _lines(failing[path])
        below = [f for f in found if f not in failing[path]]
        if below:
            ElementTree.SubElement(case, "system-out").text = _lines(below)
    ElementTree.indent(suites)
    return ElementTree.tostring(suites, encoding="unicode", xml_declaration=True)


def _lines(findings: list[Finding]) -> str:
    return _xml_text(
        "\n".join(f"{f.line}:{f.column}: {f.severity} [{f.rule}] {f.message}" for f in findings)
    )
