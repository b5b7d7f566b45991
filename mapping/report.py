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

from . import vocabulary
from .elsewhere import PLACE_LABELS as REFERENCE_PLACE_LABELS
from .elsewhere import REFERENCE_STATUSES, REWRITTEN, TO_FIX
from .elsewhere import STATUS_LABELS as REFERENCE_STATUS_LABELS
from .messages import Translate, msg, translate_text, unchanged
from .outcome import FILE_ERROR, FILE_MIGRATED, FILE_UNCHANGED, FileResult
from .result import STATUSES

FORMATS = (".json", ".csv", ".html")
FILE_STATUSES = (FILE_MIGRATED, FILE_UNCHANGED, FILE_ERROR)
CSV_COLUMNS = (
    "path", "output", "file_status", "file_error",
    "layer_id", "layer_name", "provider", "status", "old_source", "new_source", "reason", "warnings",
    *("replacement_layer", "replacement_title", "replacement_changes", "replacement_source", "replacement_applied"),
    # rows of old addresses outside data sources (mapping/elsewhere.py): `status` is rewritten or to-fix,
    # `old_source`/`new_source` the redacted excerpts, `layer_name` the layer they belong to
    *("reference_place", "reference_owner", "reference_where"),
)

# The labels people read: the one vocabulary (mapping/vocabulary.py); a dry run's report speaks in the preview tense.
STATUS_LABELS = vocabulary.DONE
FILE_LABELS = vocabulary.FILE_LABELS
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


def summarize_references(results: Iterable[FileResult]) -> dict:
    """Counts of old addresses outside data sources: rewritten, and left for a person (to-fix)."""
    references = {"total": 0, **{status: 0 for status in REFERENCE_STATUSES}}
    for result in results:
        for reference in result.references:
            references["total"] += 1
            references[reference.status] = references.get(reference.status, 0) + 1
    return references


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
        "references_summary": summarize_references(results),
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
                        **_replacement_entry(source, human),
                    }
                    for source in result.sources
                ],
                "references": [_reference_entry(reference, human) for reference in result.references],
            }
            for result in results
        ],
    }


def _reference_entry(reference, human) -> dict:  # noqa: ANN001 - an elsewhere.Reference, the caller's `human`
    """An old address outside data sources (its texts are excerpts redacted by mapping/elsewhere.py, and again)."""
    return {
        "place": reference.place,
        "layer": _redact(reference.layer),
        "owner": _redact(reference.owner),
        "where": reference.where,
        "status": reference.status,
        "text": _redact(reference.text),
        "new_text": _redact(reference.new_text),
        "reason": human(reference.reason),
        "warnings": [human(warning) for warning in reference.warnings],
    }


def reference_lines(results: Iterable[FileResult], translate: Translate = unchanged) -> list[str]:
    """Console lines for old addresses outside data sources: one count line, then one line per address left
    for a person (redacted, one line each)."""
    counts = summarize_references(results)
    if not counts["total"]:
        return []
    lines = [console_text(translate_text(msg(
        "Adresses anciennes hors sources de données : {rewritten} réécrite(s), {to_fix} à corriger à la main",
        rewritten=counts[REWRITTEN], to_fix=counts[TO_FIX],
    ), translate))]
    for result in results:
        for reference in result.references:
            if reference.status != TO_FIX:
                continue
            line = msg("À corriger : {path} : {place} {owner} ({layer}) : {text} — {reason}", path=result.path,
                       place=REFERENCE_PLACE_LABELS.get(reference.place, reference.place), owner=reference.owner,
                       layer=reference.layer or "-", text=reference.text or reference.where, reason=reference.reason)
            lines.append(console_text(_redact(translate_text(line, translate))))
    return lines


def _replacement_entry(source, human) -> dict:  # noqa: ANN001 - a SourceOutcome, the caller's `human`
    """`{"replacement": {...}}` for a layer with a proposed successor (applied or not), else nothing: the key is
    absent from layers without one (`jq '.replacement'` reads null there)."""
    replacement = source.replacement
    if replacement is None:
        return {}
    return {"replacement": {
        "applied": source.replaced,
        "old_layer": replacement.old_layer,
        "layer": replacement.layer,
        "service": replacement.service,
        "title": human(replacement.title),
        "changes": human(replacement.changes),
        "evidence": _redact(replacement.evidence),
        "new_source": _redact(replacement.new_source),
        "warnings": [human(warning) for warning in replacement.warnings],
    }}


def replacement_lines(results: Iterable[FileResult], translate: Translate = unchanged) -> list[str]:
    """One console line per proposed or applied replacement (redacted, one line each), for the command line."""
    lines = []
    for result in results:
        for source in result.sources:
            replacement = source.replacement
            if replacement is None:
                continue
            fields = {
                "path": result.path, "layer": source.name or source.id, "old": replacement.old_layer,
                "new": replacement.layer, "title": translate_text(replacement.title, translate),
                "changes": translate_text(replacement.changes, translate),
            }
            if source.replaced:
                line = msg("Remplacée : {path} : {layer} : {old} → {new} ({title}) ; {changes}", **fields)
            else:
                line = msg("Remplacement proposé, non appliqué : {path} : {layer} : {old} → {new} ({title}) ; "
                           "{changes}", **fields)
            lines.append(console_text(_redact(translate_text(line, translate))))
    return lines


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
            row(head + [""] * (len(CSV_COLUMNS) - len(head)))
        for layer in entry["layers"]:
            replacement = layer.get("replacement")
            row(head + [
                layer["id"], layer["name"], layer["provider"], layer["status"], layer["old_source"],
                layer["new_source"], layer["reason"], " | ".join(layer["warnings"]),
            ] + ([
                replacement["layer"], replacement["title"], replacement["changes"], replacement["new_source"],
                "true" if replacement["applied"] else "false",
            ] if replacement else [""] * 5) + [""] * 3)
        for reference in entry.get("references", []):
            cells = head + ["", reference["layer"], "", reference["status"], reference["text"], reference["new_text"],
                            reference["reason"], " | ".join(reference["warnings"])]
            cells += [""] * (len(CSV_COLUMNS) - 3 - len(cells))
            row(cells + [reference["place"], reference["owner"], reference["where"]])
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
.proposal{margin-top:.3rem;padding:.25rem .4rem;border-left:3px solid #6c8ebf;background:#eef3fb}
"""


def _badge(status: str, label: str) -> str:
    """The label for people; the machine word only as the CSS class (JSON and CSV carry it for programs)."""
    return f'<span class="badge {html.escape(status)}">{html.escape(label)}</span>'


def _replacement_html(replacement: dict | None, say) -> list[str]:  # noqa: ANN001 - render_html's `say`
    """The proposed successor of a layer (or the one applied), in the layer's notes cell."""
    if not replacement:
        return []
    e = html.escape
    what = f"{e(replacement['old_layer'])} → {e(replacement['layer'])} ({e(replacement['title'])})"
    if replacement["applied"]:
        return [f'<div class="proposal"><b>{say(msg("Remplacée à votre demande"))}</b> : {what}</div>']
    lines = [
        f'<b>{say(msg("Remplacement proposé, non appliqué"))}</b> : {what}',
        e(replacement["changes"]),
        f'<span class="src">→ {e(replacement["new_source"])}</span>',
        *(f"⚠ {e(warning)}" for warning in replacement["warnings"]),
        f'<span class="muted">{say(msg("Références : {evidence}", evidence=replacement["evidence"]))}</span>',
    ]
    return [f'<div class="proposal">{"<br>".join(lines)}</div>']


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
    tense = vocabulary.PREVIEW if report.get("dry_run") else STATUS_LABELS
    status_labels = {status: translate_text(label, translate) for status, label in tense.items()}
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
            error_badge = _badge(FILE_ERROR, file_labels[FILE_ERROR])
            parts.append(f'<p>{error_badge} {e(entry["error"])}</p>')
        for note in entry.get("notes", []):
            parts.append(f"<p>⚠ {e(note)}</p>")
        parts += _references_html(entry.get("references", []), say, translate)
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
            notes += _replacement_html(layer.get("replacement"), say)
            parts.append(
                f"<tr><td>{e(layer['name'] or layer['id'])}</td><td>{e(layer['provider'])}</td>"
                f"<td>{_badge(layer['status'], status_labels.get(layer['status'], layer['status']))}</td>"
                f'<td class="src">{sources}</td><td>{"<br>".join(notes)}</td></tr>'
            )
        parts.append("</table>")
    parts.append("</body></html>\n")
    return "\n".join(parts)


def _references_html(references: list[dict], say, translate: Translate) -> list[str]:  # noqa: ANN001
    """The section "old addresses outside data sources" of one file: where each is, and what was done."""
    if not references:
        return []
    e = html.escape
    places = {place: translate_text(label, translate) for place, label in REFERENCE_PLACE_LABELS.items()}
    statuses = {status: translate_text(label, translate) for status, label in REFERENCE_STATUS_LABELS.items()}
    columns = [say(msg("Emplacement")), say(msg("Couche")), say(msg("Statut")),
               say(msg("Texte (ancien → nouveau)")), say(msg("Motif et avertissements"))]
    parts = [f"<h3>{say(msg('Adresses anciennes hors sources de données'))}</h3>",
             "<table><tr>" + "".join(f"<th>{column}</th>" for column in columns) + "</tr>"]
    for reference in references:
        where = e(places.get(reference["place"], reference["place"]))
        if reference["owner"]:
            where += f" « {e(reference['owner'])} »"
        if reference["where"]:
            where += f'<br><span class="muted">{e(reference["where"])}</span>'
        text = e(reference["text"]) + (f'<br>→ {e(reference["new_text"])}' if reference["new_text"] else "")
        notes = [e(reference["reason"])] if reference["reason"] else []
        notes += [f"⚠ {e(warning)}" for warning in reference["warnings"]]
        status = "migrated" if reference["status"] == REWRITTEN else "unmapped"  # the layers' colours
        parts.append(
            f"<tr><td>{where}</td><td>{e(reference['layer'])}</td>"
            f'<td><span class="badge {status}">{e(statuses.get(reference["status"], reference["status"]))}</span></td>'
            f'<td class="src">{text}</td><td>{"<br>".join(notes)}</td></tr>'
        )
    parts.append("</table>")
    return parts


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
