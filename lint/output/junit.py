"""JUnit XML: one test case per file, which CI systems show as test results."""

from __future__ import annotations

import re
from xml.etree import ElementTree

from lint.data import Finding

# Characters XML 1.0 cannot hold, escaped or not: they become U+FFFD.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml_text(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def render_junit(findings: list[Finding], paths: list[str]) -> str:
    """JUnit XML: one test case per file, failing when the file has findings."""
    by_path: dict[str, list[Finding]] = {path: [] for path in paths}
    for f in findings:
        by_path.setdefault(f.path, []).append(f)
    suites = ElementTree.Element("testsuites", name="overclaim")
    failures = sum(1 for found in by_path.values() if found)
    suite = ElementTree.SubElement(
        suites,
        "testsuite",
        name="overclaim",
        tests=str(len(by_path)),
        failures=str(failures),
        errors="0",
    )
    for path, found in by_path.items():
        case = ElementTree.SubElement(
            suite, "testcase", classname="overclaim", name=_xml_text(path)
        )
        if found:
            failure = ElementTree.SubElement(
                case, "failure", message=f"{len(found)} finding(s)", type="overclaim"
            )
            failure.text = _xml_text(
                "\n".join(
                    f"{f.line}:{f.column}: {f.severity} [{f.rule}] {f.message}" for f in found
                )
            )
    ElementTree.indent(suites)
    return ElementTree.tostring(suites, encoding="unicode", xml_declaration=True)
