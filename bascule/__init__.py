"""Bascule inside QGIS: rewrite the open project's Géoportail layers to the Géoplateforme.

`project_bascule` holds the rules (scan, apply, undo, backup before the first save) and imports no widget,
so that tests and other front ends (Processing, a load-time redirect) can drive it without a dialog.
"""
