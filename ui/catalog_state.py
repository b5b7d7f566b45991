"""The catalogue the views show: bascule/catalog_state.py (a QObject without widgets, shared with the refresh task).

Kept here for the views and the tests that know it by this name.
"""

from __future__ import annotations

from ..bascule.catalog_state import CatalogState, profile_cached_path, theme_label

__all__ = ["CatalogState", "profile_cached_path", "theme_label"]
