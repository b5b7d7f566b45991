"""Processing provider "Géoplateforme" (not named `processing`: that would shadow QGIS's own package here)."""
