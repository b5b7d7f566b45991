"""Old Géoportail sources redirected to the Géoplateforme while a project or a .qlr opens.

On QGIS 3.22 a path pre-processor (`QgsPathResolver.setPathPreprocessor`) receives every layer's whole data
source as read from the XML (not only file paths: WMS/WMTS, WFS and vector-tile URIs too), before any provider
is built, and again for the layer tree. Rewriting there lets the layers load from data.geopf.fr instead of
being unavailable. The pre-processor receives no provider key, so the provider is told from the source's
syntax. It stays cheap for the other sources: one regex test, the registry is loaded on the first hit.

What was redirected is collected per source; when the layers are added to the project the collected
redirections are matched to layers (id, name), and the message bar reports them once per project read.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from qgis.core import Qgis, QgsMapLayer, QgsPathResolver, QgsProject, QgsSettings
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QPushButton

from ..i18n import tr
from ..log import debug, enabled, info, warning
from ..mapping.engine import migrate_source
from ..mapping.redact import redact
from ..mapping.registry import load_registry
from ..mapping.result import MIGRATED, NEEDS_KEY, Migration
from ..settings import GpfSettings

SETTING_KEY = "gpf_bascule/redirect_on_load"  # settings.GpfSettings.redirect_on_load
# Every old host (wxs.ign.fr, gpp3-wxs.ign.fr, vectortiles.ign.fr, wxs-gpu.mongeoportail.ign.fr, the 2023
# beta hosts *.geopf.fr) contains one of these: a source without them is returned untouched at once.
_CHEAP = re.compile(r"ign\.fr|geopf\.fr", re.IGNORECASE)
_WFS_SYNTAX = re.compile(r"(?:^|\s)(?:url|typename)='", re.IGNORECASE)
_WFS_URL = re.compile(r"^https?://.*[?&]service=wfs", re.IGNORECASE)


def guess_provider(source: str) -> str:
    """The provider key a data source belongs to, from its syntax (the pre-processor is not told)."""
    if source[:5].upper() == "WMTS:" or source.lstrip().startswith("<GDAL_WMTS>"):
        return "gdal"  # GDAL's own WMTS client
    if "styleUrl=" in source or ".pbf" in source or "serviceType=arcgis" in source:
        return "vectortile"
    if _WFS_SYNTAX.search(source) or _WFS_URL.search(source):
        return "WFS"
    return "wms"


def redirect_enabled() -> bool:
    """The user's choice, unless GPF_BASCULE_REDIRECT_ON_LOAD fixes it."""
    return GpfSettings.load().redirect_on_load


def set_redirect_enabled(enabled: bool) -> None:
    QgsSettings().setValue(SETTING_KEY, bool(enabled))


@dataclass(frozen=True)
class RedirectedLayer:
    """One layer that opened from GPF instead of its old source."""

    layer_id: str
    name: str
    migration: Migration

    @property
    def status(self) -> str:
        return self.migration.status


def _tokens(source: str) -> set[str]:
    """A source's parameters as a set: QGIS may add defaults (crs, format) or reorder them once loaded."""
    return {part for part in re.split(r"&|\s+(?=\w+=)", source) if part}


def same_source(layer_source: str, new_source: str) -> bool:
    return layer_source == new_source or _tokens(new_source) <= _tokens(layer_source)


class LoadRedirector:
    """The pre-processor itself and what it redirected since the last report."""

    def __init__(self, migrate: Callable[[str, str], Migration] = migrate_source) -> None:
        self._migrate = migrate
        self._id: str | None = None
        self._pending: dict[str, Migration] = {}
        self._cache: dict[str, str] = {}
        self.on_private_source: Callable[[], None] | None = None

    @property
    def installed(self) -> bool:
        return self._id is not None

    def install(self) -> None:
        if self._id is None:
            self._id = QgsPathResolver.setPathPreprocessor(self.preprocess)
            debug("load redirect: path pre-processor installed")

    def remove(self) -> None:
        """Take the pre-processor away (QgsPathResolver.removePathPreprocessor exists on 3.22)."""
        if self._id is not None:
            QgsPathResolver.removePathPreprocessor(self._id)
            self._id = None
            debug("load redirect: path pre-processor removed")
        self._pending.clear()
        self._cache.clear()

    def preprocess(self, path: str) -> str:
        """Called by QGIS for every path and data source it reads; must never raise."""
        if not path or not _CHEAP.search(path):
            return path
        cached = self._cache.get(path)
        if cached is not None:
            return cached
        try:
            if not load_registry().mentions_old_host(path):
                self._cache[path] = path
                return path
            migration = self._migrate(guess_provider(path), path)
        except Exception as error:  # noqa: BLE001 (a failure here must never break the project's reading)
            warning(redact(tr("redirection impossible : {error}").format(error=error)))
            return path
        new_source = migration.new_source if migration.status in (MIGRATED, NEEDS_KEY) else path
        if len(self._cache) > 2000:
            self._cache.clear()
        self._cache[path] = new_source
        if enabled():
            _trace(migration, new_source != path)
        if new_source != path:
            self._pending[new_source] = migration
            if migration.status == NEEDS_KEY and self.on_private_source is not None:
                self.on_private_source()
        return new_source

    def has_pending(self) -> bool:
        return bool(self._pending)

    def take(self, layers: Iterable[QgsMapLayer]) -> list[RedirectedLayer]:
        """The redirections that became these layers (two layers may share one source: both are found)."""
        found: list[RedirectedLayer] = []
        for layer in layers:
            source = layer.source()
            for new_source, migration in self._pending.items():
                if same_source(source, new_source):
                    found.append(RedirectedLayer(layer.id(), layer.name(), migration))
                    break
        return found

    def forget(self) -> None:
        self._pending.clear()


def _trace(migration: Migration, redirected: bool) -> None:
    """A debug line per old source read: provider, service, layer name, outcome (never the source: keys)."""
    try:
        debug(f"load redirect: {migration.provider} source, service {migration.service or '?'}, "
              f"layer {migration.layer or '?'}: {migration.status}{'' if redirected else ' (left as it was)'}")
    except Exception:  # noqa: BLE001 (the pre-processor must never raise)
        pass


class RedirectRegistration:
    """Installs the redirection (when the setting is on) and reports it in the message bar."""

    def __init__(self, iface: Any, project: QgsProject | None = None) -> None:
        self.iface = iface
        self.project = project or QgsProject.instance()
        self.redirector = LoadRedirector()
        self.collected: list[RedirectedLayer] = []
        self.last_report: list[RedirectedLayer] = []
        self._announce_scheduled = False
        self._reading = False
        self._connected = False
        self._dialog = None
        self.key_injector = None

    def register(self) -> None:
        from .private_key import shared_injector

        self.key_injector = shared_injector()
        self.key_injector.install()
        self.redirector.on_private_source = self.key_injector.load_key_if_stored
        if redirect_enabled():
            self.redirector.install()
        self.project.layersAdded.connect(self._collect)
        self.project.readProject.connect(self._on_read_project)
        self.project.layerLoaded.connect(self._on_layer_loaded)
        self._connected = True

    def set_enabled(self, enabled: bool) -> None:
        """The setting and the pre-processor together (an options page or a test turns it on or off)."""
        set_redirect_enabled(enabled)
        if enabled:
            self.redirector.install()
        else:
            self.redirector.remove()

    def unregister(self) -> None:
        self.redirector.remove()
        if self.key_injector is not None:
            self.key_injector.remove()
            self.key_injector = None
        if self._connected:
            for signal, slot in (
                (self.project.layersAdded, self._collect),
                (self.project.readProject, self._on_read_project),
                (self.project.layerLoaded, self._on_layer_loaded),
            ):
                try:
                    signal.disconnect(slot)
                except (TypeError, RuntimeError):
                    pass
            self._connected = False
        if self._dialog is not None:
            self._dialog.close()
            self._dialog = None

    # -- reporting ---------------------------------------------------------------------------------------
    def _collect(self, layers: list[QgsMapLayer]) -> None:
        if not self.redirector.has_pending():
            return
        self.collected.extend(self.redirector.take(layers))
        if self.collected and not self._announce_scheduled:
            self._announce_scheduled = True
            QTimer.singleShot(0, self._announce_later)  # a .qlr: no readProject signal follows

    def _on_layer_loaded(self, index: int, count: int) -> None:
        # A project read announces its layers one by one; providers spin event loops meanwhile (capabilities
        # downloads), so the deferred announce must wait for readProject.
        self._reading = index < count

    def _on_read_project(self, *_args: object) -> None:
        self._reading = False
        self.announce()

    def _announce_later(self) -> None:
        if not self._reading:
            self.announce()
        else:
            self._announce_scheduled = False

    def announce(self) -> list[RedirectedLayer]:
        """Tell the user how many layers opened from GPF; returns what was reported (tests read it)."""
        self._announce_scheduled = False
        self.redirector.forget()
        report, self.collected = self.collected, []
        if not report:
            return []
        self.last_report = report
        for item in report:
            m = item.migration
            info(f"{item.name} : {redact(m.old_source)} → {redact(m.new_source)} ({m.status})")
        debug(f"load redirect: {len(report)} layer(s) redirected, ids: {', '.join(item.layer_id for item in report)}")
        if self.project.fileName():
            self.project.setDirty(True)  # the file still holds the old sources until it is saved
        self._show_message(report)
        return report

    def _show_message(self, report: list[RedirectedLayer]) -> None:
        bar = getattr(self.iface, "messageBar", lambda: None)()
        if bar is None:
            return
        keys = sum(1 for item in report if item.status == NEEDS_KEY)
        text = tr("{count} couche(s) Géoportail redirigée(s) vers la Géoplateforme à l'ouverture.").format(
            count=len(report)
        )
        if keys:
            text += " " + tr("{count} demande(nt) une clé cartes.gouv.fr.").format(count=keys)
        widget = bar.createMessage(tr("GPF Bascule"), text)
        save = QPushButton(tr("Enregistrer"), widget)
        save.setObjectName("gpf_bascule_redirect_save")
        save.clicked.connect(self.save_project)
        details = QPushButton(tr("Voir le détail"), widget)
        details.setObjectName("gpf_bascule_redirect_details")
        details.clicked.connect(lambda: self.show_details(report))
        widget.layout().addWidget(save)
        widget.layout().addWidget(details)
        if keys:
            key = QPushButton(tr("Saisir ma clé…"), widget)
            key.setObjectName("gpf_bascule_redirect_key")
            key.clicked.connect(lambda: self.ask_key(report))
            widget.layout().addWidget(key)
        bar.pushWidget(widget, Qgis.MessageLevel.Info, 0)

    def save_project(self) -> None:
        """QGIS's own Save action when there is one (it asks for a file name if needed)."""
        action = getattr(self.iface, "actionSaveProject", lambda: None)()
        if action is not None:
            action.trigger()
        elif self.project.fileName():
            self.project.write()

    def show_details(self, report: list[RedirectedLayer]) -> None:
        from ..ui.connections_dialog import ChangesDialog, status_label

        rows = [
            (item.name, redact(item.migration.old_source), redact(item.migration.new_source),
             status_label(item.status))
            for item in report
        ]
        self._dialog = ChangesDialog(tr("Couches redirigées à l'ouverture"), rows, self.iface.mainWindow())
        self._dialog.show()

    def ask_key(self, report: list[RedirectedLayer]) -> None:
        from .private_key import ask_and_apply_key

        ask_and_apply_key(self.iface, [item.layer_id for item in report if item.status == NEEDS_KEY])
