"""Where QGIS versions differ for the bascule inside QGIS: one small module, tested on every version.

- **A layer QGIS could not read because of its authcfg.** When the authentication database cannot be opened
  (no master password yet, or the user cancels the prompt) QGIS stops reading such a layer at once and adds a
  stray: no name, no saved id, not in the layer tree. QGIS 3.22 and 3.40 still give the stray the saved data
  source; QGIS 3.44 gives it nothing, not even that. An old Géoportail layer is in that case whenever it used a
  QGIS authentication configuration for its old key. `recover_unread_layers` reads such layers again from the
  project file without the authcfg (the free GPF services take none, and the engine never carries it): they come
  back under their saved id, with name, style and place in the tree, still on their old source, ready for the
  bascule. Layers on other hosts are never touched.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from qgis.core import QgsMapLayer, QgsProject
from qgis.PyQt.QtXml import QDomDocument, QDomElement

from ..i18n import tr
from ..log import debug
from ..mapping.registry import Registry

_NOTHING_TO_RECOVER: set[tuple] = set()  # (file, mtime, strays) already examined in vain

# An authcfg parameter in any provider's syntax (key=value&, key='value' or key=value in a space list).
_AUTHCFG = re.compile(r"(?:(?<=&)|(?<=^)|(?<=\s))authcfg=(?:'[^']*'|\"[^\"]*\"|[^&\s]*)(?:&|\s+)?")


def without_authcfg(source: str) -> str:
    """The data source without its authcfg parameter."""
    return _AUTHCFG.sub("", source).rstrip("& ")  # a last parameter leaves its separator behind


def _stray(project: QgsProject, layer: QgsMapLayer) -> bool:
    """A layer QGIS added without reading it (see the module doc)."""
    return not layer.isValid() and not layer.name() and project.layerTreeRoot().findLayer(layer.id()) is None


def _saved_layers(project: QgsProject) -> tuple[QDomDocument, list[QDomElement]]:
    """The project file on disk (.qgs or .qgz) and its <maplayer> elements; none when it cannot be read.

    The document is returned with its elements: it must outlive them (Qt deletes the nodes with it)."""
    path = Path(project.fileName()) if project.fileName() else None
    document = QDomDocument()
    if path is None or not path.is_file():
        return document, []
    try:
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as archive:
                names = [name for name in archive.namelist() if name.lower().endswith(".qgs")]
                if len(names) != 1:
                    return document, []
                data = archive.read(names[0])
        else:
            data = path.read_bytes()
    except (OSError, zipfile.BadZipFile):
        return document, []
    if not document.setContent(data)[0]:
        return document, []
    layers = []
    element = document.documentElement().firstChildElement("projectlayers").firstChildElement("maplayer")
    while not element.isNull():
        layers.append(element)
        element = element.nextSiblingElement("maplayer")
    return document, layers


def _element_text(element: QDomElement) -> str:
    document = QDomDocument()
    document.appendChild(document.importNode(element, True))
    return document.toString()


def _set_text(element: QDomElement, tag: str, text: str) -> None:
    child = element.firstChildElement(tag)
    while child.hasChildNodes():
        child.removeChild(child.firstChild())
    child.appendChild(element.ownerDocument().createTextNode(text))


def recover_unread_layers(project: QgsProject, registry: Registry) -> list[QgsMapLayer]:
    """Read again, without their authcfg, the old Géoportail layers QGIS could not read; returns them.

    A saved layer is taken only while the layer tree still holds its node with no layer in it (the mark QGIS
    leaves for a layer it could not read): one the user removed since, or a stray from elsewhere (a .qlr), is
    never paired. A file that gave nothing is not parsed again until it or the strays change.
    """
    strays = [layer for layer in project.mapLayers().values() if _stray(project, layer)]
    if not strays:
        return []
    path = Path(project.fileName()) if project.fileName() else None
    try:
        stamp = (str(path), path.stat().st_mtime_ns, frozenset(layer.id() for layer in strays)) if path else None
    except OSError:
        return []
    if stamp is None or stamp in _NOTHING_TO_RECOVER:
        return []
    document, saved = _saved_layers(project)
    tree = project.layerTreeRoot()

    def unread(element: QDomElement) -> bool:
        layer_id = element.firstChildElement("id").text()
        node = tree.findLayer(layer_id)
        return project.mapLayer(layer_id) is None and node is not None and node.layer() is None

    missing = [element for element in saved if unread(element)]
    wanted = [
        element for element in missing
        if _AUTHCFG.search(element.firstChildElement("datasource").text())
        and registry.mentions_old_host(element.firstChildElement("datasource").text())
    ]
    by_source: dict[str, list[QgsMapLayer]] = {}
    for layer in strays:
        if layer.source():
            by_source.setdefault(layer.source(), []).append(layer)
    sourceless = [layer for layer in strays if not layer.source()]
    pairs: list[tuple[QDomElement, QgsMapLayer]] = []
    for element in wanted:
        same = by_source.get(element.firstChildElement("datasource").text())
        stray = same.pop() if same else None
        if stray is None and sourceless and len(sourceless) == len(missing):
            # QGIS 3.44 keeps no source: a stray is known only when every unread layer has one to pair with.
            stray = sourceless.pop()
        if stray is not None:
            pairs.append((element, stray))
    if not pairs:
        _NOTHING_TO_RECOVER.add(stamp)
        return []
    project.removeMapLayers([stray.id() for _, stray in pairs])
    recovered = []
    for element, _ in pairs:
        _set_text(element, "datasource", without_authcfg(element.firstChildElement("datasource").text()))
        project.readLayer(element)  # False while the layer does not load: it is added all the same
        layer = project.mapLayer(element.firstChildElement("id").text())
        if layer is not None:
            # What QGIS keeps of a layer it read from a project and writes back while it does not load (a layer
            # read by readLayer() has none, and would be written with its first XML nested as its style).
            layer.setOriginalXmlProperties(_element_text(element))
            recovered.append(layer)
    project.layerTreeRoot().resolveReferences(project)
    del document  # only now: the elements read above belong to it
    debug(tr("{count} couche(s) que QGIS n'a pas pu lire (authcfg) relue(s) sans lui").format(count=len(recovered)))
    return recovered
