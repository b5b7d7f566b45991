"""gpf_bascule: move QGIS projects from the old IGN Géoportail services to the Géoplateforme.

Importing the package must stay cheap and free of `qgis` imports: the command line and the unit
tests import it without QGIS. QGIS calls `classFactory` only when it loads the plugin.
"""


def classFactory(iface):  # noqa: N802 (name imposed by QGIS)
    from .plugin import GpfBasculePlugin

    return GpfBasculePlugin(iface)
