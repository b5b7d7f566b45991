"""The Géoplateforme catalogue: every GPF layer by theme and by service.

Nothing here imports `qgis` or Qt (tests/unit/test_imports.py): capabilities → entries, themes, search, the
snapshot and which one serves, the refresh's rules (`refresh.py`) and the one tree every view renders (`tree.py`);
the command line builds and prints the catalogue without QGIS. The refresh's QgsTask is bascule/catalog_refresh.py.
"""
