"""The plugin zip passes the security scans plugins.qgis.org runs on every upload (Bandit and detect-secrets).

Since April 2026 a finding of either tool blocks publication. The scans run here as the repository runs them
(QGIS-Plugins-Website, `plugins/security_scanner.py`, on the unpacked zip):
- `bandit -r <tree> -f json` with the tests the repository enables: every Bandit test, all severities and
  confidences, except the few its rule table disables (`BANDIT_SKIPPED`); `# nosec BXXX` comments count;
- `detect-secrets scan --all-files --exclude-files metadata\\.txt .` with every detector except the disabled one.
A second test plants a known problem in a copy of the tree and checks that both scans report it, so that the
first one cannot pass because a scanner saw nothing.
"""

from __future__ import annotations

import json
import secrets
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import NamedTuple

import pytest

PACKAGE = "gpf_bascule"
# Disabled ("info") in the repository's rule table: B109 password config option, B404 import subprocess,
# B410 import lxml, B411 import xmlrpclib (B109 and B410 are gone from Bandit 1.9: it warns and goes on).
BANDIT_SKIPPED = ("B109", "B404", "B410", "B411")
SECRETS_DISABLED = ("IPPublicDetector",)  # the one detect-secrets plugin the repository disables
SECRETS_EXCLUDED_FILES = r"metadata\.txt"  # the repository's own exclusion (qgis-plugin-ci's commitSha1)
PLANTED = "scratch_planted.py"


class Finding(NamedTuple):
    path: str
    line: int
    rule: str
    text: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.rule} {self.text}"


def _run(args: list[str], cwd: Path) -> str:
    done = subprocess.run([sys.executable, "-m", *args], cwd=cwd, capture_output=True, text=True, timeout=300)
    if not done.stdout.strip():
        pytest.fail(f"{args[0]} gave no report (exit {done.returncode}; `make venv` installs it): "
                    f"{done.stderr[-2000:]}")
    return done.stdout


def bandit_findings(tree: Path) -> list[Finding]:
    """Every Bandit issue in `tree`, plus files Bandit could not read (the repository would not see into them)."""
    report = json.loads(_run(["bandit", "-r", PACKAGE, "-f", "json", "-q", "-s", ",".join(BANDIT_SKIPPED)], tree))
    scanned = {name for name in report["metrics"] if name != "_totals"}
    expected = {path.relative_to(tree).as_posix() for path in (tree / PACKAGE).rglob("*.py")}
    assert scanned == expected, "Bandit did not scan every Python file of the plugin"
    findings = [
        Finding(issue["filename"], issue["line_number"], issue["test_id"],
                f"[{issue['issue_severity']}/{issue['issue_confidence']}] {issue['issue_text']}")
        for issue in report["results"]
    ]
    findings += [Finding(error["filename"], 0, "bandit-error", error["reason"]) for error in report["errors"]]
    return findings


def secrets_findings(tree: Path) -> list[Finding]:
    """Every detect-secrets result in `tree`."""
    args = ["detect_secrets", "scan", "--all-files", "--exclude-files", SECRETS_EXCLUDED_FILES]
    for plugin in SECRETS_DISABLED:
        args += ["--disable-plugin", plugin]
    report = json.loads(_run([*args, "."], tree))
    return [
        Finding(path, result["line_number"], "detect-secrets", result["type"])
        for path, results in report["results"].items()
        for result in results
    ]


@pytest.fixture(scope="module")
def unpacked(built_zip: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built zip, unpacked as the repository unpacks it (one folder holding `gpf_bascule/`)."""
    tree = tmp_path_factory.mktemp("unpacked")
    with zipfile.ZipFile(built_zip) as archive:
        archive.extractall(tree)
    assert (tree / PACKAGE / "__init__.py").is_file()
    return tree


def _assert_clean(findings: list[Finding], tool: str) -> None:
    report = "\n".join(str(finding) for finding in findings)
    if findings:
        print(f"{tool} findings in the plugin zip:\n{report}")
    assert not findings, f"{tool} findings block the upload to plugins.qgis.org:\n{report}"


def test_bandit_finds_nothing_in_the_zip(unpacked: Path) -> None:
    _assert_clean(bandit_findings(unpacked), "Bandit")


def test_detect_secrets_finds_nothing_in_the_zip(unpacked: Path) -> None:
    _assert_clean(secrets_findings(unpacked), "detect-secrets")


def test_scans_report_a_planted_problem(unpacked: Path, tmp_path: Path) -> None:
    """A shell call and a hard-coded password planted in a copy of the tree: both scans must name them."""
    tree = tmp_path / "planted"
    shutil.copytree(unpacked, tree)
    password = secrets.token_hex(20)  # made here, so that no secret sits in this file
    (tree / PACKAGE / PLANTED).write_text(
        "import subprocess\n\n\n"
        "def run(command):\n"
        "    subprocess.call(command, shell=True)\n\n\n"
        f'password = "{password}"\n',
        encoding="utf-8",
    )
    planted = f"{PACKAGE}/{PLANTED}"
    bandit = {(finding.path, finding.line, finding.rule) for finding in bandit_findings(tree)}
    assert (planted, 5, "B602") in bandit and (planted, 8, "B105") in bandit, bandit
    detected = {(finding.path, finding.line, finding.text) for finding in secrets_findings(tree)}
    assert (planted, 8, "Secret Keyword") in detected, detected
