"""The "Géoplateforme" Processing provider (id `gpf_bascule`) and its registration.

Registered by the plugin's `initProcessing()`, which QGIS calls both for the desktop (toolbox, model builder)
and for `qgis_process` (metadata.txt: hasProcessingProvider=yes), where no `initGui()` ever runs.
"""

from __future__ import annotations

from contextlib import suppress

from qgis.core import QgsApplication, QgsProcessingProvider
from qgis.PyQt import sip
from qgis.PyQt.QtGui import QIcon

from ..__about__ import __icon_path__, __version__
from ..i18n import tr
from .list_catalog import ListCatalogAlgorithm
from .migrate_connections import MigrateConnectionsAlgorithm
from .migrate_projects import MigrateProjectsAlgorithm
from .migrate_stored_projects import MigrateStoredProjectsAlgorithm
from .restore_backups import RestoreBackupsAlgorithm

PROVIDER_ID = "gpf_bascule"


class GpfProvider(QgsProcessingProvider):
    """Thin algorithms over `mapping.batch` and `catalog.snapshot`: the same engine as the command line.

    One module per algorithm (migrate_projects, migrate_stored_projects, restore_backups, migrate_connections,
    list_catalog), their shared parts in base.py.
    """

    def id(self) -> str:
        return PROVIDER_ID

    def name(self) -> str:
        return tr("Géoplateforme")

    def longName(self) -> str:  # noqa: N802 (QGIS API)
        return tr("Géoplateforme — GPF Bascule {}").format(__version__)

    def icon(self) -> QIcon:
        return QIcon(str(__icon_path__))

    def versionInfo(self) -> str:  # noqa: N802 (QGIS API)
        return __version__

    def loadAlgorithms(self) -> None:  # noqa: N802 (QGIS API)
        for algorithm in (MigrateProjectsAlgorithm(), MigrateStoredProjectsAlgorithm(), RestoreBackupsAlgorithm(),
                          MigrateConnectionsAlgorithm(), ListCatalogAlgorithm()):
            self.addAlgorithm(algorithm)


class ProcessingRegistration:
    """Adds the provider to QGIS's registry once, and removes it on unload (so a plugin reload leaves no twin)."""

    def __init__(self) -> None:
        self.provider: GpfProvider | None = None

    def register(self) -> GpfProvider:
        if self.provider is None or sip.isdeleted(self.provider):
            registry = QgsApplication.processingRegistry()
            existing = registry.providerById(PROVIDER_ID)
            if existing is not None:  # a previous load that was not unloaded cleanly
                registry.removeProvider(existing)
            self.provider = GpfProvider()
            registry.addProvider(self.provider)
        return self.provider

    def unregister(self) -> None:
        if self.provider is not None and not sip.isdeleted(self.provider):
            with suppress(RuntimeError):  # already removed (and deleted) by a later registration
                QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
