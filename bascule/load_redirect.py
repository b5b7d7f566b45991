"""Old Géoportail sources redirected to the Géoplateforme while a project or a layer file opens.

One mechanism for QGIS 3.22 to 4.x, chosen because it keeps QGIS's normal behaviour:

- **Opening a project** (File ▸ Open, recent projects, drag and drop, command line) goes through a
  `QgsCustomProjectOpenHandler`. It runs the command line's own engine on the file's bytes (.qgs or .qgz), in
  memory, and hands the rewritten project to `QgsProject.read()` through a project storage of ours
  (`MigratedProjectStorage`), whose `filePath()` is the real file: relative paths resolve as usual, the .qgz's
  auxiliary storage and attachments come along unchanged. The project then takes its real file name back:
  recent projects, the title bar, Save and the "unsaved changes" prompt behave as for any project. QGIS reads
  GPF sources only, so its bad-layers dialog (offline, proxy not set) shows GPF addresses, and a layer that
  does not load is written back from XML that already holds its GPF source. The file on disk is untouched until
  the user saves; a `.bak-gpf-…` copy is made before that first save. A file the engine cannot read, or one
  without old sources, is left to QGIS as it is.
- **Anything else that adds layers** (a .qlr, a project read by a script or another plugin) is caught once the
  layers are in the project: a layer still on an old source is given its GPF source as the bascule dialog does
  (style kept, original XML patched so that a save keeps it).

The `QgsPathResolver` pre-processor used before does not see web data sources from QGIS ~3.30 on: it is gone.
"""

from __future__ import annotations

import glob
import io
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from qgis.core import (
    Qgis,
    QgsMapLayer,
    QgsProject,
    QgsProjectStorage,
)
from qgis.gui import QgsCustomProjectOpenHandler
from qgis.PyQt.QtCore import QDateTime, QTimer

from ..i18n import tr
from ..log import debug, enabled, info, push_with_buttons, warning
from ..mapping import vocabulary
from ..mapping.batch import default_migrator
from ..mapping.outcome import InputError, SourceOutcome
from ..mapping.project_files import rewrite_file
from ..mapping.redact import redact
from ..mapping.registry import load_registry
from ..mapping.result import MIGRATED, NEEDS_KEY, Migration
from ..settings import GpfSettings
from . import project_bascule
from .qgis_compat import recover_unread_layers

#: How the list of redirected layers is shown: (title, rows of (name, old, new, status), parent) -> a dialog.
#: A dialog is the ui's business: the plugin gives `ui.connections_dialog.ChangesDialog`; this service never
#: imports ui/.
DetailsView = Callable[[str, list, Any], Any]
SETTING_KEY = "gpf_bascule/redirect_on_load"  # settings.GpfSettings.redirect_on_load
MESSAGE_KEY = "redirect"  # its message-bar item (log.push_message)
STORAGE_TYPE = "gpfbascule"
PROJECT_SUFFIXES = (".qgs", ".qgz")
_MAX_PROJECT_BYTES = 1024**3  # larger files are left to QGIS as they are (the folder bascule handles them)


def redirect_enabled() -> bool:
    """The user's choice, unless GPF_BASCULE_REDIRECT_ON_LOAD fixes it."""
    return GpfSettings.load().redirect_on_load


def set_redirect_enabled(enabled: bool) -> None:
    GpfSettings.store(redirect_on_load=bool(enabled))  # settings are written by settings.py only


@dataclass(frozen=True)
class RedirectedLayer:
    """One layer that opened from GPF instead of its old source."""

    layer_id: str
    name: str
    migration: Migration

    @property
    def status(self) -> str:
        return self.migration.status

    @classmethod
    def from_outcome(cls, outcome: SourceOutcome) -> RedirectedLayer:
        migration = Migration(
            provider=outcome.provider, old_source=outcome.old_source, new_source=outcome.new_source,
            status=outcome.status, reason=outcome.reason, warnings=tuple(outcome.warnings),
        )
        return cls(outcome.id, outcome.name, migration)


def redirected_outcomes(sources: Iterable[SourceOutcome]) -> list[SourceOutcome]:
    """The layers whose source the engine changed (migrated, or moved to the private service)."""
    return [s for s in sources if s.status in (MIGRATED, NEEDS_KEY) and s.new_source != s.old_source]


# --- opening a project: the engine rewrites it in memory, QGIS reads the result -----------------------------


class MigratedProjectStorage(QgsProjectStorage):
    """Serves a rewritten project to `QgsProject.read()` for the time of one read; never writes anything.

    URIs are `gpfbascule:<real path>`; `filePath()` gives the real path back, which is what QGIS resolves
    relative layer paths against.
    """

    def __init__(self) -> None:
        super().__init__()
        self._served: dict[str, bytes] = {}

    @staticmethod
    def uri(path: str) -> str:
        return f"{STORAGE_TYPE}:{path}"

    @staticmethod
    def path_of(uri: str) -> str:
        return uri[len(STORAGE_TYPE) + 1:] if uri.startswith(f"{STORAGE_TYPE}:") else ""

    def serve(self, path: str, data: bytes) -> None:
        self._served[path] = data

    def withdraw(self, path: str) -> None:
        self._served.pop(path, None)

    # QgsProjectStorage
    def type(self) -> str:  # noqa: A003 (QGIS's name)
        return STORAGE_TYPE

    def listProjects(self, uri: str) -> list[str]:  # noqa: N802
        return []

    def readProject(self, uri: str, device, context) -> bool:  # noqa: N802, ANN001
        data = self._served.get(self.path_of(uri))
        if data is None:
            return False
        return device.write(data) == len(data)

    def writeProject(self, uri: str, device, context) -> bool:  # noqa: N802, ANN001
        return False  # the project is saved to its own file, never through this storage

    def removeProject(self, uri: str) -> bool:  # noqa: N802
        return False

    def readProjectStorageMetadata(self, uri: str):  # noqa: N802, ANN201
        metadata = QgsProjectStorage.Metadata()
        path = Path(self.path_of(uri))
        metadata.name = path.name
        try:
            metadata.lastModified = QDateTime.fromSecsSinceEpoch(int(path.stat().st_mtime))
        except OSError:
            return False, metadata
        return True, metadata

    def filePath(self, uri: str) -> str:  # noqa: N802
        return self.path_of(uri)


def files_beside(path: Path) -> list[Path]:
    """What QGIS reads beside a project file, and only beside one it reads itself: a .qgs's auxiliary storage
    (`name.qgd`) and attachments (`name_attachments.zip`), any project's translations (`name_<locale>.qm`)."""
    stem = path.stem
    found: list[Path] = []
    if path.suffix.lower() == ".qgs":
        found += [p for p in (path.with_suffix(".qgd"), path.with_name(f"{stem}_attachments.zip")) if p.exists()]
    try:
        found += sorted(path.parent.glob(f"{glob.escape(stem)}_*.qm"))
    except OSError:
        pass
    return found


def served_bytes(path: Path, rewritten: bytes) -> bytes:
    """What the storage hands QGIS: QGIS reads every stored project as a zip, so a .qgs goes in one."""
    if path.suffix.lower() == ".qgz":
        return rewritten
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(path.with_suffix(".qgs").name, rewritten)
    return buffer.getvalue()


class ProjectOpenRedirect(QgsCustomProjectOpenHandler):
    """QGIS asks it first whenever a project file is opened; it takes only old projects (see the module doc)."""

    def __init__(self, registration: RedirectRegistration) -> None:
        super().__init__()
        self.registration = registration
        self.storage = MigratedProjectStorage()
        self._storage_registered = False

    def register_storage(self) -> None:
        from qgis.core import QgsApplication

        if not self._storage_registered:
            QgsApplication.projectStorageRegistry().registerProjectStorage(self.storage)
            self._storage_registered = True

    def unregister_storage(self) -> None:
        from qgis.core import QgsApplication

        if self._storage_registered:
            QgsApplication.projectStorageRegistry().unregisterProjectStorage(self.storage)
            self._storage_registered = False
            self.storage = MigratedProjectStorage()  # the registry deleted the registered one

    # QgsCustomProjectOpenHandler
    def filters(self) -> list[str]:
        return []  # no file type of our own in the Open dialog

    def createDocumentThumbnailAfterOpen(self) -> bool:  # noqa: N802
        return False

    def handleProjectOpen(self, file: str) -> bool:  # noqa: N802
        """True when this handler read the project (QGIS then reads nothing); never raises."""
        try:
            return self.open(file)
        except Exception as error:  # noqa: BLE001 (QGIS must still be able to open the project itself)
            warning(redact(tr("redirection impossible : {error}").format(error=error)))
            return False

    def open(self, file: str) -> bool:
        if not redirect_enabled():
            return False
        path = Path(file)
        if path.suffix.lower() not in PROJECT_SUFFIXES or not path.is_file():
            return False
        beside = files_beside(path)
        if beside:
            # QGIS reads them only beside a project it reads itself: it opens this one, the late redirect follows.
            debug(tr("redirection à l'ouverture : {count} fichier(s) à côté du projet, lus par QGIS lui-même").format(
                count=len(beside)))
            return False
        if path.stat().st_size > _MAX_PROJECT_BYTES:
            debug(tr("redirection à l'ouverture : projet trop gros pour être réécrit en mémoire, ouvert tel quel"))
            return False
        data = path.read_bytes()
        try:
            rewrite = rewrite_file(path.name, data, default_migrator(load_registry()))
        except InputError as error:
            debug(tr("redirection à l'ouverture : projet laissé à QGIS ({error})").format(error=error))
            return False
        if not rewrite.changed:
            return False
        redirected = redirected_outcomes(rewrite.sources)
        if any(item.status == NEEDS_KEY for item in redirected):
            self.registration.load_key()
        project = self.registration.project
        self.register_storage()
        self.storage.serve(file, served_bytes(path, rewrite.data))  # QGIS's own spelling of the path
        del rewrite, data
        self.registration.reading_rewritten = True
        try:
            read = project.read(self.storage.uri(file))
        finally:
            self.registration.reading_rewritten = False
            self.storage.withdraw(file)
        if not read:
            warning(redact(tr("redirection impossible : {error}").format(error=project.error())))
            return False
        # Read: from here on the project is ours, whatever happens to the report (QGIS must not read it again).
        project.setFileName(file)
        project_bascule.BackupGuard.arm(project)
        try:
            self.registration.report([RedirectedLayer.from_outcome(item) for item in redirected])
        except Exception as error:  # noqa: BLE001
            warning(redact(tr("redirection impossible : {error}").format(error=error)))
        return True


# --- the registration: the open handler, the late redirect of other layers, the message bar -----------------


class RedirectRegistration:
    """Installs the redirection (when the setting is on) and reports it in the message bar."""

    def __init__(self, iface: Any, project: QgsProject | None = None, details_view: DetailsView | None = None) -> None:
        self.iface = iface
        self.details_view = details_view
        self.project = project or QgsProject.instance()
        self.open_handler = ProjectOpenRedirect(self)
        self.last_report: list[RedirectedLayer] = []
        self.reading_rewritten = False  # the open handler is reading: its own report follows
        self.key_injector = None
        self._added: list[str] = []
        self._reading = False
        self._check_scheduled = False
        self._connected = False
        self._handler_registered = False
        self._dialog = None

    @property
    def installed(self) -> bool:
        """Whether QGIS asks our open handler first (False without a QGIS main window, as in most tests)."""
        return self._handler_registered

    def register(self) -> None:
        from .private_key import shared_injector

        self.key_injector = shared_injector()
        self.key_injector.install()
        self.open_handler.register_storage()
        if redirect_enabled():
            self._install_handler()
        self.project.layersAdded.connect(self._collect)
        self.project.readProject.connect(self._on_read_project)
        self.project.layerLoaded.connect(self._on_layer_loaded)
        self.project.cleared.connect(self._on_cleared)
        self._connected = True

    def _install_handler(self) -> None:
        register = getattr(self.iface, "registerCustomProjectOpenHandler", None)
        if register is not None and not self._handler_registered:
            register(self.open_handler)
            self._handler_registered = True
            debug(tr("redirection à l'ouverture : gestionnaire d'ouverture de projet installé"))

    def _remove_handler(self) -> None:
        unregister = getattr(self.iface, "unregisterCustomProjectOpenHandler", None)
        if unregister is not None and self._handler_registered:
            unregister(self.open_handler)
            debug(tr("redirection à l'ouverture : gestionnaire d'ouverture de projet retiré"))
        self._handler_registered = False

    def set_enabled(self, enabled: bool) -> None:
        """The setting and the open handler together (the options page or a test turns it on or off)."""
        set_redirect_enabled(enabled)
        if enabled:
            self._install_handler()
        else:
            self._remove_handler()
            self._added.clear()

    def unregister(self) -> None:
        self._remove_handler()
        self.open_handler.unregister_storage()
        if self.key_injector is not None:
            self.key_injector.remove()
            self.key_injector = None
        if self._connected:
            for signal, slot in (
                (self.project.layersAdded, self._collect),
                (self.project.readProject, self._on_read_project),
                (self.project.layerLoaded, self._on_layer_loaded),
                (self.project.cleared, self._on_cleared),
            ):
                try:
                    signal.disconnect(slot)
                except (TypeError, RuntimeError):
                    pass
            self._connected = False
        if self._dialog is not None:
            self._dialog.close()
            self._dialog = None

    def load_key(self) -> None:
        if self.key_injector is not None:
            self.key_injector.load_key_if_stored()

    # -- layers that came in another way: given their GPF source once they are in the project ---------------
    def _collect(self, layers: list[QgsMapLayer]) -> None:
        if self.reading_rewritten or not redirect_enabled():
            return
        self._added.extend(layer.id() for layer in layers)
        if not self._check_scheduled:
            self._check_scheduled = True
            QTimer.singleShot(0, self._redirect_later)  # a .qlr: no readProject signal follows

    def _on_layer_loaded(self, index: int, count: int) -> None:
        # A project read announces its layers one by one; providers spin event loops meanwhile (capabilities
        # downloads), and so does QGIS's bad-layers dialog after the last one: the deferred check waits for
        # readProject (or for the project to be cleared, when a read gives up).
        self._reading = True

    def _on_cleared(self) -> None:
        self._reading = False

    def _on_read_project(self, *_args: object) -> None:
        self._reading = False
        if self.reading_rewritten or not redirect_enabled():
            self._added.clear()
            return
        self.redirect_added()

    def _redirect_later(self) -> None:
        self._check_scheduled = False
        if not self._reading:
            self.redirect_added()

    def redirect_added(self) -> list[RedirectedLayer]:
        """Give the layers added since the last check their GPF source, as the bascule dialog would."""
        ids, self._added = self._added, []
        registry = load_registry()
        recovered = recover_unread_layers(self.project, registry)
        if recovered:
            project_bascule.BackupGuard.arm(self.project)  # they lost their authcfg: copied before a save
        ids += [layer.id() for layer in recovered]
        self._added.clear()  # the recovered layers' own layersAdded
        layers = [
            layer for layer in (self.project.mapLayer(layer_id) for layer_id in dict.fromkeys(ids))
            if layer is not None and registry.mentions_old_host(layer.source())
        ]
        if not layers:
            return []
        plans = project_bascule.scan_project(self.project, registry, layers)
        applied = project_bascule.apply([plan for plan in plans if plan.applicable], self.project)
        report = [
            RedirectedLayer(plan.layer_id, plan.name, Migration(
                provider=plan.provider, old_source=plan.old_source, new_source=plan.new_source, status=plan.status,
                reason=plan.reason, warnings=plan.warnings, service=plan.service,
            ))
            for plan in applied.plans
        ]
        if any(item.status == NEEDS_KEY for item in report):
            self.load_key()
        return self.report(report)

    # -- reporting -----------------------------------------------------------------------------------------
    def report(self, report: list[RedirectedLayer]) -> list[RedirectedLayer]:
        """Tell the user how many layers opened from GPF; returns what was reported (tests read it)."""
        if not report:
            return []
        self.last_report = report
        for item in report:
            m = item.migration
            info(f"{item.name} : {redact(m.old_source)} → {redact(m.new_source)} ({m.status})")
        if enabled():
            debug(tr("redirection à l'ouverture : {count} couche(s) redirigée(s), identifiants : {ids}").format(
                count=len(report), ids=", ".join(item.layer_id for item in report)))
        if self.project.fileName():
            # The file still holds the old sources until it is saved. QGIS's File ▸ Open blocks "dirty" while it
            # reads, so it is said again once the open is over: closing QGIS then asks whether to save.
            self.project.setDirty(True)
            QTimer.singleShot(0, self._mark_dirty)
        self._show_message(report)
        return report

    def _mark_dirty(self, tries: int = 20) -> None:
        """Until QGIS lets it be (File ▸ Open blocks it until its own end, which may come after events run)."""
        if not (self.last_report and self.project.fileName()):
            return
        self.project.setDirty(True)
        if not self.project.isDirty() and tries > 0:
            QTimer.singleShot(100, lambda: self._mark_dirty(tries - 1))

    def _show_message(self, report: list[RedirectedLayer]) -> None:
        keys = sum(1 for item in report if item.status == NEEDS_KEY)
        text = tr("{count} couche(s) Géoportail redirigée(s) vers la Géoplateforme à l'ouverture.").format(
            count=len(report)
        )
        stored = False
        if keys:
            from .private_key import has_stored_key

            stored = has_stored_key()  # then the key is added on the wire: nothing to ask
            text += " " + tr("{count} demande(nt) une clé cartes.gouv.fr.").format(count=keys)
            if stored:
                text += " " + tr("Votre clé cartes.gouv.fr enregistrée est utilisée.")
        buttons = [
            (tr("Enregistrer"), "gpf_bascule_redirect_save", self.save_project),
            (tr("Voir le détail"), "gpf_bascule_redirect_details", lambda: self.show_details(report)),
        ]
        if keys and not stored:
            buttons.append((tr("Saisir ma clé…"), "gpf_bascule_redirect_key", lambda: self.ask_key(report)))
        # replaces the previous redirect report (and leaves with the project: log.push_message)
        push_with_buttons(self.iface, MESSAGE_KEY, tr("GPF Bascule"), text, buttons, Qgis.MessageLevel.Info)

    def save_project(self) -> None:
        """QGIS's own Save action when there is one (it asks for a file name if needed)."""
        action = getattr(self.iface, "actionSaveProject", lambda: None)()
        if action is not None:
            action.trigger()
        elif self.project.fileName():
            self.project.write()

    def show_details(self, report: list[RedirectedLayer]) -> None:
        """The list of redirected layers, in the view the plugin gave (none without the plugin: nothing shown)."""
        if self.details_view is None:
            return
        rows = [
            (item.name, redact(item.migration.old_source), redact(item.migration.new_source),
             vocabulary.label(item.status, translate=tr))
            for item in report
        ]
        self._dialog = self.details_view(tr("Couches redirigées à l'ouverture"), rows, self.iface.mainWindow())
        self._dialog.show()

    def ask_key(self, report: list[RedirectedLayer]) -> None:
        from .private_key import ask_and_apply_key

        if ask_and_apply_key(self.iface, [item.layer_id for item in report if item.status == NEEDS_KEY]):
            self._show_message(report)  # the key is stored now: the report says so, without the button
