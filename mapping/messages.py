"""Sentences the engine says to users, in French, that a UI can still show in the user's language.

`mapping/` imports no Qt, so it cannot call `tr()`. Instead every sentence is built with `msg(template, **fields)`:
the result is an ordinary `str` (the French text, as the command line and the reports print it) that also remembers
its template and fields. A QGIS widget passes it to `Message.translated(translate)`, where `translate` looks the
template up in the plugin's .ts catalogue, and gets the sentence in the user's language.

tools/i18n.py extracts every literal `msg("…")` template into the .ts files like a `tr("…")` string, plus the
registry's reasons (mapping/registry/layer_rules.csv), which reach users through `registry_message()`.
"""

from __future__ import annotations

import re
from typing import Callable, Iterable

Translate = Callable[[str], str]


def unchanged(text: str) -> str:
    """The identity translation: French, as written."""
    return text


class Message(str):
    """A French sentence (it *is* the string) plus the template and fields it was built from."""

    template: str
    fields: dict[str, object]

    def __new__(cls, template: str, **fields: object) -> Message:
        self = super().__new__(cls, template.format(**fields) if fields else template)
        self.template = template
        self.fields = fields
        return self

    def translated(self, translate: Translate = unchanged) -> str:
        """The sentence through `translate` (template first, then fields that are messages themselves)."""
        fields = {name: translate_text(value, translate) for name, value in self.fields.items()}
        text = translate(self.template) or self.template
        if not fields:
            return text
        try:
            return text.format(**fields)
        except (KeyError, IndexError, ValueError):  # a broken translation must not hide the message
            return self.template.format(**fields)

    def __reduce__(self):  # noqa: ANN204 - keep template and fields through copy/pickle
        return (_rebuild, (self.template, self.fields))


def _rebuild(template: str, fields: dict[str, object]) -> Message:
    return Message(template, **fields)


def msg(template: str, **fields: object) -> Message:
    """A user-facing sentence; `template` must be a literal string so tools/i18n.py can extract it."""
    return Message(template, **fields)


def registry_message(text: str) -> Message:
    """A reason written in the registry (layer_rules.csv): its template is the text itself."""
    return Message(text)


def translate_text(value: object, translate: Translate = unchanged) -> str:
    """Any value shown to users: a Message is translated, anything else is shown as it is."""
    if isinstance(value, Message):
        return value.translated(translate)
    return str(value)


def recognise(text: str, templates: Iterable[str]) -> str:
    """`text` as the Message one of `templates` would have built (text kept as it is when none fits).

    For sentences that went through a file as plain text, such as the catalogue snapshot's notes, so they can
    still be translated when shown.
    """
    for template in templates:
        if "{" not in template:
            if text == template:
                return Message(template)
            continue
        pattern = "".join(
            f"(?P<{piece[1:-1]}>.+?)" if piece.startswith("{") else re.escape(piece)
            for piece in re.split(r"(\{\w+\})", template) if piece
        )
        found = re.fullmatch(pattern, text, re.DOTALL)
        if found:
            return Message(template, **found.groupdict())
    return text
