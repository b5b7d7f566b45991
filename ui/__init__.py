"""Qt widgets, dialogs and Browser items of gpf_bascule.

Only presentation lives here: the rewrite rules stay in `mapping/`, the catalogue in `catalog/`, and
`plugin.py` does the wiring. Keeping business rules out of widgets lets the command line and the unit
tests use them without a GUI.
"""
