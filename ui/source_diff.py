"""Old and new data sources shown as a diff: what changed, not the long shared head both sources start with.

A QGIS provider URI is a long `key=value&…` text whose parts mostly stay through the bascule (crs, format, layer,
style); cut at the column's width, an old and a new source look alike. Here both are split into words (a host, a
path piece, a key, a value) and compared word by word: a table cell shows each changed run with its `key=` for
context, "…" where shared text was left out; the details pane shows the whole text with the changed runs marked.
Tooltips keep the whole (redacted) text. No Qt: pure text, tested without QGIS.
"""

from __future__ import annotations

import difflib
import html
import re
from urllib.parse import unquote

Segment = tuple[str, bool]  # (text, changed)

_WORD = re.compile(r"[^\s&?/=:,'\"]+|[\s&?/=:,'\"]")
ELLIPSIS = "…"
_TAIL = 16  # at most this much shared text after the last change
_CONTEXT = 32  # at most this much shared text before a change (its key=, or the end of the shared text)


def readable(source: str) -> str:
    """The source with its percent-encoded address decoded (`url=https%3A%2F%2F…` reads as an address)."""
    return unquote(source) if "%" in source else source


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def segments(old: str, new: str) -> tuple[list[Segment], list[Segment]]:
    """Each source as runs of shared and changed text (the same shared runs on both sides, in order)."""
    old_words, new_words = _words(old), _words(new)
    matcher = difflib.SequenceMatcher(None, old_words, new_words, autojunk=False)
    left: list[Segment] = []
    right: list[Segment] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            _append(left, "".join(old_words[i1:i2]), False)
            _append(right, "".join(new_words[j1:j2]), False)
            continue
        if i2 > i1:
            _append(left, "".join(old_words[i1:i2]), True)
        if j2 > j1:
            _append(right, "".join(new_words[j1:j2]), True)
    return left, right


def _append(runs: list[Segment], text: str, changed: bool) -> None:
    if not text:
        return
    if runs and runs[-1][1] == changed:
        runs[-1] = (runs[-1][0] + text, changed)
    else:
        runs.append((text, changed))


def _lead_in(shared: str) -> str:
    """The end of a shared run that names what follows: from its last `&`/space (the `key=`), or its last chars."""
    cut = max(shared.rfind("&"), shared.rfind(" "))
    tail = shared[cut + 1:] if cut >= 0 else shared
    if len(tail) > _CONTEXT:
        return ELLIPSIS + tail[-_CONTEXT:]
    return (ELLIPSIS if cut >= 0 else "") + tail


def excerpt(runs: list[Segment]) -> str:
    """The changed runs with a little context each, "…" for what is left out: what a table cell shows."""
    if not any(changed for _, changed in runs):
        return "".join(text for text, _ in runs)
    parts: list[str] = []
    for index, (text, changed) in enumerate(runs):
        if changed:
            parts.append(text)
            continue
        follows_change = index > 0
        precedes_change = index + 1 < len(runs)
        if precedes_change:
            lead = _lead_in(text)
            parts.append(f" {lead}" if follows_change and lead.startswith(ELLIPSIS) else lead)
        elif follows_change:  # the end of the source: shown when short (`/wmts`), else left out
            head = text.split("&", 1)[0]
            parts.append(text if len(text) <= _TAIL else (head[:_TAIL] + ELLIPSIS if head else ELLIPSIS))
    return "".join(parts).strip()


def changed_excerpts(old: str, new: str) -> tuple[str, str]:
    """(old, new) as a table shows them: the changed parts of each, addresses decoded."""
    left, right = segments(readable(old), readable(new))
    return excerpt(left), excerpt(right)


def marked_html(runs: list[Segment], mark: str = "background-color:#ffe08a") -> str:
    """The whole source as HTML, the changed runs highlighted (for the details pane)."""
    return "".join(
        f'<span style="{mark}">{html.escape(text)}</span>' if changed else html.escape(text) for text, changed in runs
    )


def marked_pair(old: str, new: str) -> tuple[str, str]:
    """(old, new) as HTML with the changed runs highlighted, old in red tones, new in green tones."""
    left, right = segments(old, new)
    return (
        marked_html(left, "background-color:#f8c9c9;text-decoration:line-through"),
        marked_html(right, "background-color:#c8ecc8;font-weight:bold"),
    )
