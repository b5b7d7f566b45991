"""The one vocabulary of statuses: what each machine word is called for people, wherever it is shown.

The engine gives each data source a machine word (`migrated`, `unchanged`, `unmapped`, `needs-key`, see
mapping/result.py). Those words stay where a program reads them (JSON keys and values, CSV columns, `--json`);
everywhere a person reads (the bascule dialog, the list of layers redirected at opening, the HTML report, the
console summary, the folder task's message, Processing's outputs) the status is one of the labels below, and only
that label: never the label and the word side by side.

Two tenses, because the same word is read before and after the fact: in a preview (the dialog before "Appliquer",
a dry run) `migrated` is "à basculer", once done it is "basculée". A `needs-key` source is switched too (its new
source is on data.geopf.fr) but needs a personal key to display: counted among the switched ones everywhere
("dont … clé personnelle requise"), so that the dialog and the folder report give the same number for a project.

Pure Python (no Qt): each label is a `msg()` so that a QGIS widget shows it in the user's language.
"""

from __future__ import annotations

from collections.abc import Mapping

from .messages import Message, Translate, msg, translate_text, unchanged
from .result import MIGRATED, NEEDS_KEY, UNCHANGED, UNMAPPED

FILE_MIGRATED = "migrated"  # the same words as mapping.outcome's file statuses (kept here to stay import-free)
FILE_UNCHANGED = "unchanged"
FILE_ERROR = "error"

#: After the fact (a report of what was written, the message after "Appliquer").
DONE = {
    MIGRATED: msg("basculée"),
    NEEDS_KEY: msg("basculée, clé personnelle requise"),
    UNCHANGED: msg("inchangée"),
    UNMAPPED: msg("sans équivalent"),
}
#: Before the fact (the dialog's list, a dry run's report).
PREVIEW = {
    MIGRATED: msg("à basculer"),
    NEEDS_KEY: msg("à basculer, clé personnelle requise"),
    UNCHANGED: msg("inchangée"),
    UNMAPPED: msg("sans équivalent"),
}
#: What happened to a whole file (a report's file headings).
FILE_LABELS = {FILE_MIGRATED: msg("modifié"), FILE_UNCHANGED: msg("inchangé"), FILE_ERROR: msg("erreur")}

#: The statuses whose source moves to data.geopf.fr: "basculées" counts them both.
SWITCHED = (MIGRATED, NEEDS_KEY)


def status_label(status: str, *, preview: bool = False) -> Message | str:
    """The label of a source status (the word itself when it is unknown: never an empty cell)."""
    return (PREVIEW if preview else DONE).get(status, status)


def capitalized(text: str) -> str:
    """First letter up, for a label that starts a cell or a sentence (after translation: any language)."""
    return text[:1].upper() + text[1:]


def label(status: str, *, preview: bool = False, translate: Translate = unchanged, capital: bool = False) -> str:
    """`status_label` translated (and capitalised for a table cell)."""
    text = translate_text(status_label(status, preview=preview), translate)
    return capitalized(text) if capital else text


def switched(counts: Mapping[str, int]) -> int:
    """How many sources move to the Géoplateforme (`migrated` and `needs-key`)."""
    return sum(int(counts.get(status, 0)) for status in SWITCHED)


def sources_sentence(counts: Mapping[str, int], *, preview: bool = False) -> Message:
    """The one sentence that counts a run's sources, the same in the dialog, the folder task and the console."""
    fields = {
        "switched": switched(counts),
        "needs_key": int(counts.get(NEEDS_KEY, 0)),
        "unmapped": int(counts.get(UNMAPPED, 0)),
        "unchanged": int(counts.get(UNCHANGED, 0)),
    }
    if preview:
        return msg(
            "{switched} source(s) à basculer (dont {needs_key} avec clé personnelle requise), "
            "{unmapped} sans équivalent, {unchanged} inchangée(s)",
            **fields,
        )
    return msg(
        "{switched} source(s) basculée(s) (dont {needs_key} avec clé personnelle requise), "
        "{unmapped} sans équivalent, {unchanged} inchangée(s)",
        **fields,
    )
