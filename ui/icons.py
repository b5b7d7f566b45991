"""Icons of the catalogue views: one per GPF service, with a lock badge on layers that need a key.

Built once and cached: a tree of 2,000 layers asks for an icon per painted row, and an SVG render per
request would cost more than the rest of the paint.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from qgis.PyQt.QtCore import QRectF, QSize, Qt
from qgis.PyQt.QtGui import QIcon, QPainter, QPixmap
from qgis.PyQt.QtSvg import QSvgRenderer

ICON_DIR = Path(__file__).resolve().parent.parent / "resources" / "icons"
_SIZES = (16, 24, 32, 48)


def icon_path(name: str) -> str:
    return str(ICON_DIR / f"{name}.svg")


@cache
def plugin_icon(name: str = "geoplateforme") -> QIcon:
    """An icon from resources/icons (the dock and its action use `geoplateforme`)."""
    return QIcon(icon_path(name))


@cache
def service_icon(service: str, locked: bool = False) -> QIcon:
    """The icon of a GPF service (wmts, wms-r, wms-v, wfs, tms); `locked` adds the key badge."""
    path = Path(icon_path(service))
    if not path.is_file():
        path = Path(icon_path("wmts"))
    if not locked:
        return QIcon(str(path))
    base = QSvgRenderer(str(path))
    lock = QSvgRenderer(icon_path("lock"))
    icon = QIcon()
    for size in _SIZES:
        pixmap = QPixmap(QSize(size, size))
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        base.render(painter, QRectF(0, 0, size, size))
        badge = size * 0.62
        lock.render(painter, QRectF(size - badge, size - badge, badge, badge))
        painter.end()
        icon.addPixmap(pixmap)
    return icon


@cache
def lock_icon() -> QIcon:
    return QIcon(icon_path("lock"))
