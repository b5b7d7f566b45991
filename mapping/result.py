"""What the engine says about one data source."""

from __future__ import annotations

from dataclasses import dataclass, field

MIGRATED = "migrated"
UNCHANGED = "unchanged"
UNMAPPED = "unmapped"
NEEDS_KEY = "needs-key"
STATUSES = (MIGRATED, UNCHANGED, UNMAPPED, NEEDS_KEY)


@dataclass(frozen=True)
class Migration:
    """The outcome of rewriting one QGIS data source.

    `new_source` equals `old_source` byte for byte unless `status` is migrated or needs-key.
    `reason` explains unmapped and needs-key; `warnings` list what a user should check.
    `service` is the GPF service the source belongs to (wmts, wms-r, wms-v, wfs, tms) when known.
    """

    provider: str
    old_source: str
    new_source: str
    status: str
    reason: str = ""
    warnings: tuple[str, ...] = field(default_factory=tuple)
    service: str = ""
    layer: str = ""

    @property
    def changed(self) -> bool:
        return self.new_source != self.old_source
