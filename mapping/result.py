"""What the engine says about one data source."""

from __future__ import annotations

from dataclasses import dataclass, field

MIGRATED = "migrated"
UNCHANGED = "unchanged"
UNMAPPED = "unmapped"
NEEDS_KEY = "needs-key"
STATUSES = (MIGRATED, UNCHANGED, UNMAPPED, NEEDS_KEY)


@dataclass(frozen=True)
class Replacement:
    """A GPF layer proposed for an old one that GPF no longer serves (mapping/registry/replacements.csv).

    Only a proposal: it changes what the layer shows (another style, date or scale), so it is applied only when
    the user accepts it. `title` and `changes` are Messages (translatable); `new_source` is raw (redact it before
    showing); `warnings` are what the engine says about the proposed source.
    """

    old_layer: str
    layer: str
    service: str
    title: str
    changes: str
    evidence: str
    new_source: str
    warnings: tuple[str, ...] = ()
    needs_key: bool = False  # the proposed layer is a licensed one (data.geopf.fr/private)


@dataclass(frozen=True)
class Migration:
    """The outcome of rewriting one QGIS data source.

    `new_source` equals `old_source` byte for byte unless `status` is migrated or needs-key.
    `reason` explains unmapped and needs-key; `warnings` list what a user should check.
    `service` is the GPF service the source belongs to (wmts, wms-r, wms-v, wfs, tms) when known.
    `replacement` is a proposed successor layer (mapping/replacements.py); it never changes the fields above
    unless the user accepted it, and then `replaced` is true.
    """

    provider: str
    old_source: str
    new_source: str
    status: str
    reason: str = ""
    warnings: tuple[str, ...] = field(default_factory=tuple)
    service: str = ""
    layer: str = ""
    replacement: Replacement | None = None

    @property
    def changed(self) -> bool:
        return self.new_source != self.old_source

    @property
    def replaced(self) -> bool:
        """True when the new source is the accepted replacement, not the same layer at its new address."""
        return is_replaced(self.replacement, self.old_source, self.new_source)


def is_replaced(replacement: Replacement | None, old_source: str, new_source: str) -> bool:
    return replacement is not None and new_source != old_source and new_source == replacement.new_source
