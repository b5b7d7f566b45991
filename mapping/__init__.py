"""The correspondence registry and the rewrite engine: pure Python, no `qgis` import.

Used alike by the command line, Processing and the plugin's dialogs.
"""
