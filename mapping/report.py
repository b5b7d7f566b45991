"""Reports of a batch run: JSON for tools, CSV for spreadsheets, one self-contained HTML page to share.

Every text that comes from a project (sources, reasons, warnings, errors, layer names) goes through
`redact()` first: a report is made to be forwarded, a personal key or password must never travel with it.

The sentences for people (reasons, warnings, errors, notes, and the HTML page's own words) are French, and go
through `translate` (a French template -> its translation, see mapping/messages.py) before the redaction; the
machine words (status values, JSON keys, CSV columns) never change, whatever the language.
"""

from __future__ import annotations

import csv
import html
import io
import json
import unicodedata
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable

from .messages import Translate, msg, translate_text, unchanged
from .outcome import FILE_ERROR, FILE_MIGRATED, FILE_UNCHANGED, FileResult
from .result import MIGRATED, NEEDS_KEY, STATUSES, UNCHANGED, UNMAPPED

FORMATS = (".json", ".csv", ".html")
FILE_STATUSES = (FILE_MIGRATED, FILE_UNCHANGED, FILE_ERROR)
CSV_COLUMNS = (
    "path", "output", "file_status", "file_error",
    "layer_id", "layer_name", "provider", "status", "old_source", "new_source", "reason", "warnings",
)

STATUS_LABELS = {
    MIGRATED: msg("basculée"),
    UNCHANGED: msg("inchangée"),
    UNMAPPED: msg("sans correspondance"),
    NEEDS_KEY: msg("clé personnelle requise"),
}
FILE_LABELS = {FILE_MIGRATED: msg("modifié"), FILE_UNCHANGED: msg("inchangé"), FILE_ERROR: msg("erreur")}
REPORT_TITLE = msg("Rapport de bascule Géoportail → Géoplateforme")


def _redact(text: str) -> str:
    from .redact import redact

    return visible_text(redact(text or ""))


def visible_text(text: str) -> str:
    """`text` that always encodes to UTF-8: the bytes of a file name that is not UTF-8 (decoded by Python with
    surrogateescape, e.g. a Latin-1 `caf\\xe9.qgs` from an old share) shown as `\\xe9` instead of failing."""
    text = text or ""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return "".join(_escaped(char) if "\ud800" <= char <= "\udfff" else char for char in text)
    return text


_CONSOLE_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_UNPRINTABLE = frozenset(("Cc", "Cf", "Cs", "Zl", "Zp"))


def console_text(text: str) -> str:
    """`text` safe to print on a terminal as part of one line: control characters (line breaks, escape sequences,
    bell), invisible format characters (bidi overrides) and undecodable file name bytes shown escaped
    (`\\n`, `\\x1b`, `\\u202e`, `\\xe9`): a file or layer name can neither forge lines nor drive the terminal."""
    text = str(text or "")
    if text.isprintable():
        return text
    return "".join(_escaped(char) if unicodedata.category(char) in _UNPRINTABLE else char for char in text)


def _escaped(char: str) -> str:
    code = ord(char)
    if char in _CONSOLE_ESCAPES:
        return _CONSOLE_ESCAPES[char]
    if 0xDC80 <= code <= 0xDCFF:  # one byte of a file name that is not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def tool_name() -> str:
    """`gpf-bascule x.y.z`, the version metadata.txt gives (read once by __about__)."""
    from ..__about__ import __tool_name__

    return __tool_name__


def summarize(results: Iterable[FileResult]) -> dict:
    """Counts per file status and per source status."""
    files = {"total": 0, **{status: 0 for status in FILE_STATUSES}}
    sources = {"total": 0, **{status: 0 for status in STATUSES}}
    for result in results:
        files["total"] += 1
        files[result.status] = files.get(result.status, 0) + 1
        for source in result.sources:
            sources["total"] += 1
            sources[source.status] = sources.get(source.status, 0) + 1
    return {"files": files, "layers": sources}


def to_dict(
    results: list[FileResult],
    *,
    dry_run: bool = False,
    generated: datetime | None = None,
    translate: Translate = unchanged,
) -> dict:
    """The JSON report as a dictionary (redacted), its sentences for people through `translate`."""
    generated = generated or datetime.now(timezone.utc).astimezone()

    def human(text: str) -> str:  # translated while it is still a Message, then redacted (a plain str)
        return _redact(translate_text(text, translate))

    return {
        "generated": generated.isoformat(timespec="seconds"),
        "tool": tool_name(),
        "dry_run": dry_run,
        "summary": summarize(results),
        "files": [
            {
                "path": visible_text(result.path),
                "output": visible_text(result.output),
                "backup": visible_text(result.backup),
                "status": result.status,
                "error": human(result.error),
                "notes": [human(note) for note in result.notes],
                "layers": [
                    {
                        "id": source.id,
                        "name": _redact(source.name),
                        "provider": source.provider,
                        "status": source.status,
                        "old_source": _redact(source.old_source),
                        "new_source": _redact(source.new_source),
                        "reason": human(source.reason),
                        "warnings": [human(warning) for warning in source.warnings],
                    }
                    for source in result.sources
                ],
            }
            for result in results
        ],
    }


def render_json(report: dict) -> str:
    return json.dumps(report, ensure_ascii=False, indent=2) + "\n"


#: What makes a spreadsheet read a cell as a formula (OWASP "CSV injection").
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _csv_cell(value: str) -> str:
    """A cell a spreadsheet shows as text: a leading quote before what it would run as a formula."""
    return "'" + value if isinstance(value, str) and value.startswith(_FORMULA_STARTS) else value


def render_csv(report: dict) -> str:
    """One row per layer (and one per file without layers, so that errors show), with the file path.

    Cells that a spreadsheet would run as formulas (a project named `=HYPERLINK(...)`) get a leading quote,
    in the CSV report only: JSON keeps the exact values."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)

    def row(cells: list) -> None:
        writer.writerow([_csv_cell(cell) for cell in cells])

    for entry in report["files"]:
        head = [entry["path"], entry["output"], entry["status"], entry["error"]]
        if not entry["layers"]:
            row(head + [""] * 8)
        for layer in entry["layers"]:
            row(head + [
                layer["id"], layer["name"], layer["provider"], layer["status"], layer["old_source"],
                layer["new_source"], layer["reason"], " | ".join(layer["warnings"]),
            ])
    return buffer.getvalue()


_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;margin:1.5rem;color:#1e1e1e}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:2rem;word-break:break-all}
table{border-collapse:collapse;width:100%;margin:.5rem 0;font-size:.85rem}
th,td{border:1px solid #ccc;padding:.3rem .45rem;text-align:left;vertical-align:top}
th{background:#f0f0f0}
td.src{font-family:ui-monospace,Menlo,Consolas,monospace;word-break:break-all;font-size:.78rem}
.badge{display:inline-block;padding:.05rem .45rem;border-radius:.6rem;font-size:.78rem;white-space:nowrap}
.migrated{background:#d8f0d8}.unchanged{background:#ececec}.unmapped{background:#fde2c8}
.needs-key{background:#fff1b3}.error{background:#f8c9c9}
.summary td{text-align:right}.muted{color:#666}
"""


def _badge(status: str, label: str) -> str:
    return f'<span class="badge {html.escape(status)}">{html.escape(label)} ({html.escape(status)})</span>'


def render_html(report: dict, *, translate: Translate = unchanged, language: str = "fr") -> str:
    """A single page with inline CSS and no external resource, in French (or through `translate`, in the
    `language` it translates to), the status words kept."""
    e = html.escape

    def say(text: str) -> str:  # one of the page's own texts (a Message), translated then escaped
        return e(translate_text(text, translate))

    summary = report["summary"]
    title = say(REPORT_TITLE)
    count = say(msg("Nombre"))
    produced = say(msg("Produit le {generated} par {tool}", generated=report["generated"], tool=report["tool"]))
    dry_run = f" — {say(msg('simulation (--dry-run) : aucun fichier écrit'))}" if report.get("dry_run") else ""
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{e(language)}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{title}</title>",
        f"<style>{_CSS}</style></head><body>",
        f"<h1>{title}</h1>",
        f'<p class="muted">{produced}{dry_run}</p>',
        f'<table class="summary"><tr><th>{say(msg("Fichiers"))}</th><th>{count}</th>'
        f'<th>{say(msg("Sources de données"))}</th><th>{count}</th></tr>',
    ]
    file_labels = {status: translate_text(label, translate) for status, label in FILE_LABELS.items()}
    status_labels = {status: translate_text(label, translate) for status, label in STATUS_LABELS.items()}
    file_rows = [("total", translate_text(msg("traités"), translate))]
    file_rows += [(status, file_labels[status]) for status in FILE_STATUSES]
    layer_rows = [("total", translate_text(msg("total"), translate))]
    layer_rows += [(status, status_labels[status]) for status in STATUSES]
    layer_columns = [
        say(msg("Couche")), say(msg("Fournisseur")), say(msg("Statut")),
        say(msg("Ancienne source → nouvelle source")), say(msg("Motif et avertissements")),
    ]
    identical = say(msg("(identique)"))
    for index in range(max(len(file_rows), len(layer_rows))):
        cells = []
        for rows, counts in ((file_rows, summary["files"]), (layer_rows, summary["layers"])):
            if index < len(rows):
                status, label = rows[index]
                name = e(label) if status == "total" else _badge(status, label)
                cells.append(f"<td style=\"text-align:left\">{name}</td><td>{counts.get(status, 0)}</td>")
            else:
                cells.append("<td></td><td></td>")
        parts.append("<tr>" + "".join(cells) + "</tr>")
    parts.append("</table>")
    for entry in report["files"]:
        parts.append(f"<h2>{e(entry['path'])} {_badge(entry['status'], file_labels.get(entry['status'], ''))}</h2>")
        if entry["output"] and entry["output"] != entry["path"]:
            parts.append(f'<p class="muted">{say(msg("Sortie : {path}", path=entry["output"]))}</p>')
        if entry.get("backup"):
            parts.append(f'<p class="muted">{say(msg("Sauvegarde : {path}", path=entry["backup"]))}</p>')
        if entry["error"]:
            error_badge = f'<span class="badge error">{e(file_labels[FILE_ERROR])} (error)</span>'
            parts.append(f'<p>{error_badge} {e(entry["error"])}</p>')
        for note in entry.get("notes", []):
            parts.append(f"<p>⚠ {e(note)}</p>")
        if not entry["layers"]:
            if not entry["error"]:
                parts.append(f'<p class="muted">{say(msg("Aucune source de données."))}</p>')
            continue
        parts.append("<table><tr>" + "".join(f"<th>{column}</th>" for column in layer_columns) + "</tr>")
        for layer in entry["layers"]:
            if layer["new_source"] == layer["old_source"]:
                sources = f'{e(layer["old_source"])}<br><span class="muted">{identical}</span>'
            else:
                sources = f'{e(layer["old_source"])}<br>→ {e(layer["new_source"])}'
            notes = [e(layer["reason"])] if layer["reason"] else []
            notes += [f"⚠ {e(warning)}" for warning in layer["warnings"]]
            parts.append(
                f"<tr><td>{e(layer['name'] or layer['id'])}</td><td>{e(layer['provider'])}</td>"
                f"<td>{_badge(layer['status'], status_labels.get(layer['status'], layer['status']))}</td>"
                f'<td class="src">{sources}</td><td>{"<br>".join(notes)}</td></tr>'
            )
        parts.append("</table>")
    parts.append("</body></html>\n")
    return "\n".join(parts)


def render(
    path: str,
    results: list[FileResult],
    *,
    dry_run: bool = False,
    generated: datetime | None = None,
    translate: Translate = unchanged,
    language: str = "fr",
) -> str:
    """The report text for `path`'s format (chosen by its suffix); `translate` and `language` as in `render_html`
    (JSON and CSV translate only the sentences for people, `language` is the HTML page's)."""
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise ValueError(f"format de rapport inconnu {suffix!r} : .json, .csv ou .html")
    report = to_dict(results, dry_run=dry_run, generated=generated, translate=translate)
    if suffix == ".json":
        return render_json(report)
    if suffix == ".csv":
        return render_csv(report)
    return render_html(report, translate=translate, language=language)


def write_report(
    path: str,
    results: list[FileResult],
    *,
    dry_run: bool = False,
    translate: Translate = unchanged,
    language: str = "fr",
) -> None:
    """Write the report atomically (CSV with a BOM so that spreadsheet programs read it as UTF-8)."""
    from .batch import atomic_write

    text = render(path, results, dry_run=dry_run, translate=translate, language=language)
    encoding = "utf-8-sig" if path.lower().endswith(".csv") else "utf-8"
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(target, text.encode(encoding, "backslashreplace"))  # never fails on a name: see visible_text
