"""The Géoplateforme catalogue: every GPF layer by theme and by service.

The parsing half (capabilities → entries, snapshot, search) imports no `qgis`: the command line builds and
prints the catalogue without QGIS. The refresh inside QGIS lives in `catalog/refresh.py`.
"""
