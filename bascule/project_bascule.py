"""Scan, apply and undo the Géoplateforme bascule of the layers of an open QGIS project.

QGIS-aware but free of widgets. The rewrite decisions are the engine's (`mapping.engine.migrate_source`);
this module only knows how to give a live layer its new source without losing what the user built on it:

- `setDataSource` keeps the layer object, so its id, tree position, joins and layout references stay; the
  style is exported before and imported again after, because QGIS resets a renderer whose geometry type
  changed (an unavailable layer has no geometry type until its provider answers).
- A layer that failed to load is written back by QGIS from its *original XML*, not from its current state:
  that XML gets the new source too, or the bascule would vanish on the next save.
- Before the first save after a bascule the project file is copied beside itself (`name.qgz.bak-gpf-…`).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Collection
from dataclasses import dataclass, field, replace
from pathlib import Path

from qgis.core import (
    Qgis,
    QgsDataProvider,
    QgsLayerTreeGroup,
    QgsLayoutItemMap,
    QgsMapLayer,
    QgsMapLayerType,
    QgsMapThemeCollection,
    QgsProject,
    QgsRasterLayer,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QObject
from qgis.PyQt.QtXml import QDomDocument, QDomNode

from .. import log as gpf_log
from ..i18n import tr
from ..mapping.batch import backup_stamp, write_backup
from ..mapping.engine import MSG_NEEDS_KEY, THE_GEOM, migrate_source
from ..mapping.layer_limit import layer_names, over_limit, split_source
from ..mapping.qgis_xml import guess_provider
from ..mapping.redact import redact
from ..mapping.registry import Registry, load_registry
from ..mapping.replacements import replaced_message, with_replacements
from ..mapping.result import MIGRATED, NEEDS_KEY, UNCHANGED, UNMAPPED, Replacement
from .qgis_compat import recover_unread_layers

LOG_TAG = gpf_log.TAG
APPLICABLE = (MIGRATED, NEEDS_KEY)


def msg_expressions_geom() -> str:
    return tr(
        "expressions de la couche (étiquettes, règles, styles, champs calculés) : le champ géométrique the_geom "
        "s'appelle geom sur la Géoplateforme, expressions adaptées"
    )


# Children of <maplayer> that hold no expression: the_geom there (a layer called "… the_geom") stays as it is.
NOT_STYLE = (
    "datasource", "provider", "id", "layername", "shortname", "title", "abstract", "keywordList",
    "resourceMetadata", "srs", "extent", "wgs84extent",
)
_LAYER_KINDS = {
    QgsMapLayerType.VectorLayer: "vector",
    QgsMapLayerType.RasterLayer: "raster",
    QgsMapLayerType.VectorTileLayer: "vector-tile",
}


@dataclass(frozen=True)
class LayerPlan:
    """What the bascule would do to one layer of the project (sources kept raw: redact before showing)."""

    layer_id: str
    name: str
    provider: str
    service: str
    old_source: str
    new_source: str
    status: str
    reason: str = ""
    warnings: tuple[str, ...] = ()
    available: bool = True
    rename_geom: bool = False  # the layer's style/expressions mention the_geom (WFS only)
    #: A successor proposed for a withdrawn layer (mapping/replacements.py): a separate choice, never applied
    #: unless the user accepts it (`apply(..., accepted={layer_id})`).
    replacement: Replacement | None = None
    #: The source (the new one when applicable) names more layers than one GPF request may: `split_layer` offers
    #: one QGIS layer per sublayer; the warning is in `warnings`.
    splittable: bool = False
    the_geom_in_style: bool = False  # WFS: the style mentions the_geom (renamed if the layer moves)

    @property
    def applicable(self) -> bool:
        return self.status in APPLICABLE and self.new_source != self.old_source

    @property
    def replaced(self) -> bool:
        """True for the plan `with_replacement()` returned: its new source is the accepted successor."""
        return self.replacement is not None and self.applicable and self.new_source == self.replacement.new_source

    def with_replacement(self) -> LayerPlan:
        """The plan as it is when the user accepts its replacement (itself when there is none)."""
        replacement = self.replacement
        if replacement is None or self.replaced:
            return self
        warnings = [replaced_message(replacement), *replacement.warnings]
        rename_geom = self.the_geom_in_style and _is_wfs(self.provider)
        if rename_geom:
            warnings.append(msg_expressions_geom())
        return replace(
            self,
            service=replacement.service,
            new_source=replacement.new_source,
            status=NEEDS_KEY if replacement.needs_key else MIGRATED,
            reason=MSG_NEEDS_KEY if replacement.needs_key else "",
            warnings=tuple(warnings),
            rename_geom=rename_geom,
            splittable=over_limit(self.provider, replacement.new_source, replacement.service),
        )


@dataclass
class _Before:
    """Everything `undo` needs to put one layer back exactly as it was."""

    layer_id: str
    source: str
    name: str
    provider: str
    original_xml: str
    style: str


@dataclass
class Applied:
    """One applied bascule: the undo record, and what to tell the user."""

    project: QgsProject
    plans: list[LayerPlan] = field(default_factory=list)
    before: list[_Before] = field(default_factory=list)
    unavailable: list[str] = field(default_factory=list)  # names of layers still not loading afterwards
    skipped: list[str] = field(default_factory=list)  # names of layers gone or changed since the scan
    undone: bool = False
    total: int = 0  # applicable plans given to `apply`
    cancelled: bool = False  # stopped between two layers: `before` holds only what was done

    @property
    def count(self) -> int:
        return len(self.before)


# --- scan -------------------------------------------------------------------------------------------------


def _layers_in_order(project: QgsProject) -> list[QgsMapLayer]:
    """The project's layers in layer-tree order, then those outside the tree (as a user reads the panel)."""
    ordered: list[QgsMapLayer] = []
    seen: set[str] = set()
    for node in project.layerTreeRoot().findLayers():
        layer = node.layer()
        if layer is not None and layer.id() not in seen:
            ordered.append(layer)
            seen.add(layer.id())
    ordered.extend(layer for layer_id, layer in project.mapLayers().items() if layer_id not in seen)
    return ordered


def layer_name(project: QgsProject, layer: QgsMapLayer) -> str:
    """The name a user sees; a layer QGIS stopped reading early (its authcfg needs the master password, refused
    or not asked for) has neither name nor its saved id, so it is listed by the id QGIS gave it."""
    if layer.name():
        return layer.name()
    node = project.layerTreeRoot().findLayer(layer.id())
    return node.name() if node is not None and node.name() else layer.id()


def layer_provider(layer: QgsMapLayer) -> str:
    """The provider key, guessed from the source when QGIS stopped reading the layer before its provider."""
    return layer.providerType() or guess_provider(_LAYER_KINDS.get(layer.type(), ""), layer.source())


def _style_text(layer: QgsMapLayer) -> str:
    """The layer's whole style as XML: from the original XML for an unavailable layer (what QGIS will save)."""
    original = layer.originalXmlProperties()
    doc = QDomDocument()
    if not layer.isValid() and original and doc.setContent(original)[0]:
        doc.documentElement().setTagName("qgis")
    else:
        doc = QDomDocument()
        layer.exportNamedStyle(doc)
    root = doc.documentElement()
    # Only the style: the source (whose the_geom the engine handles), the name and the metadata are no expression.
    for tag in NOT_STYLE:
        element = root.firstChildElement(tag)
        if not element.isNull():
            root.removeChild(element)
    # The geometry type of an unavailable layer is unknown; a mismatch would make QGIS refuse the whole style.
    geometry_type = root.firstChildElement("layerGeometryType")
    if not geometry_type.isNull():
        root.removeChild(geometry_type)
    return doc.toString()


def _restore_style(layer: QgsMapLayer, style: str) -> None:
    if not style:
        return
    doc = QDomDocument()
    if doc.setContent(style)[0]:
        ok, error = layer.importNamedStyle(doc)
        if not ok:
            text = tr("{layer} : style non réappliqué ({error})").format(layer=layer.name(), error=error)
            log(text, Qgis.MessageLevel.Warning)


def _is_wfs(provider: str) -> bool:
    return provider.lower() == "wfs"


def scan_project(
    project: QgsProject, registry: Registry | None = None, layers: list[QgsMapLayer] | None = None
) -> list[LayerPlan]:
    """One plan per layer (or per given layer), unavailable layers included (old Géoportail layers no longer load).

    Scanning the whole project first reads again the old layers QGIS could not read for their authcfg
    (`qgis_compat.recover_unread_layers`): they are listed under their own name, not as nameless strays.
    """
    registry = registry or load_registry()
    if layers is None and recover_unread_layers(project, registry):
        BackupGuard.arm(project)  # the layers read again lost their authcfg: the file is copied before a save
    migrate = with_replacements(lambda provider, source: migrate_source(provider, source, registry))
    plans = []
    for layer in _layers_in_order(project) if layers is None else layers:
        provider = layer_provider(layer)
        migration = migrate(provider, layer.source())
        warnings = list(migration.warnings)
        rename_geom = the_geom = False
        moves = migration.status in APPLICABLE or migration.replacement is not None
        if _is_wfs(provider) and moves and THE_GEOM.search(_style_text(layer)):
            the_geom = True
        if the_geom and migration.status in APPLICABLE:
            rename_geom = True
            warnings.append(msg_expressions_geom())
        plans.append(
            LayerPlan(
                layer_id=layer.id(),
                name=layer_name(project, layer),
                provider=provider,
                service=migration.service,
                old_source=migration.old_source,
                new_source=migration.new_source,
                status=migration.status,
                reason=migration.reason,
                warnings=tuple(warnings),
                available=layer.isValid(),
                rename_geom=rename_geom,
                replacement=migration.replacement,
                splittable=migration.status != UNMAPPED and over_limit(
                    provider, migration.new_source, migration.service
                ),
                the_geom_in_style=the_geom,
            )
        )
    return plans


# --- apply and undo ---------------------------------------------------------------------------------------


def _patched_original_xml(original: str, source: str, provider: str, rename_geom: bool) -> str:
    """The layer's original XML with the new source: what QGIS writes for a layer that still does not load."""
    if not original:
        return original
    doc = QDomDocument()
    if not doc.setContent(original)[0]:
        return original
    root = doc.documentElement()
    for tag, value in (("datasource", source), ("provider", provider)):
        element = root.firstChildElement(tag)
        if element.isNull():
            continue
        while element.hasChildNodes():
            element.removeChild(element.firstChild())
        element.appendChild(doc.createTextNode(value))
    if rename_geom:
        child = root.firstChild()
        while not child.isNull():
            if not (child.isElement() and child.toElement().tagName() in NOT_STYLE):
                _rename_geom(child)
            child = child.nextSibling()
    return doc.toString()


def _rename_geom(node: QDomNode) -> None:
    """the_geom → geom in every attribute and text below `node` (expressions live in both)."""
    if node.isText() or node.isCDATASection():
        node.setNodeValue(THE_GEOM.sub("geom", node.nodeValue()))
        return
    if node.isElement():
        attributes = node.attributes()
        for index in range(attributes.count()):
            attribute = attributes.item(index).toAttr()
            if THE_GEOM.search(attribute.value()):
                attribute.setValue(THE_GEOM.sub("geom", attribute.value()))
    child = node.firstChild()
    while not child.isNull():
        _rename_geom(child)
        child = child.nextSibling()


def _set_source(layer: QgsMapLayer, source: str, name: str, provider: str, style: str) -> None:
    layer.setDataSource(source, name, provider, QgsDataProvider.ProviderOptions())
    _restore_style(layer, style)
    layer.triggerRepaint()


def apply(
    plans: list[LayerPlan],
    project: QgsProject,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    accepted: Collection[str] = frozenset(),
) -> Applied:
    """Give each applicable planned layer its new source, keeping its style; the result is the undo record.

    `accepted` holds the ids of the layers whose proposed replacement the user accepted: only those move to their
    successor (`LayerPlan.with_replacement`); the others are applied as planned (a withdrawn layer stays as it is).
    `progress(done, total)` is called after each applicable layer (skipped ones included); `cancelled()` is asked
    before each one: when it answers True the run stops there and the record holds what was done (one undo step).
    """
    chosen = [plan.with_replacement() if plan.layer_id in accepted else plan for plan in plans]
    todo = [plan for plan in chosen if plan.applicable]
    applied = Applied(project, total=len(todo))
    for done, plan in enumerate(todo, start=1):
        if cancelled is not None and cancelled():
            applied.cancelled = True
            break
        _apply_one(plan, project, applied)
        if progress is not None:
            progress(done, applied.total)
    if applied.cancelled:
        text = tr("bascule interrompue : {done} couche(s) basculée(s) sur {total}")
        log(text.format(done=applied.count, total=applied.total))
    if applied.before:
        BackupGuard.arm(project)
        project.setDirty(True)
    return applied


def _apply_one(plan: LayerPlan, project: QgsProject, applied: Applied) -> None:
    layer = project.mapLayer(plan.layer_id)
    if layer is None or layer.source() != plan.old_source:
        applied.skipped.append(plan.name)
        return
    style = _style_text(layer)
    before = _Before(
        plan.layer_id, layer.source(), layer.name(), layer.providerType(), layer.originalXmlProperties(), style
    )
    new_style = THE_GEOM.sub("geom", style) if plan.rename_geom else style
    _set_source(layer, plan.new_source, layer.name(), plan.provider, new_style)
    layer.setOriginalXmlProperties(
        _patched_original_xml(before.original_xml, plan.new_source, plan.provider, plan.rename_geom)
    )
    applied.before.append(before)
    applied.plans.append(plan)
    if not layer.isValid():
        applied.unavailable.append(plan.name)
    log(f"{plan.name} : {redact(plan.old_source)} → {redact(plan.new_source)}")


def undo(applied: Applied) -> int:
    """Put back every source, name, style and original XML the bascule changed; returns the layers restored."""
    if applied.undone:
        return 0
    restored = 0
    for before in reversed(applied.before):
        layer = applied.project.mapLayer(before.layer_id)
        if layer is None:
            continue
        _set_source(layer, before.source, before.name, before.provider, before.style)
        layer.setOriginalXmlProperties(before.original_xml)
        restored += 1
    applied.undone = True
    if restored:
        applied.project.setDirty(True)
        log(tr("bascule annulée : {count} couche(s) remise(s) sur leur ancienne source").format(count=restored))
    return restored


# --- one QGIS layer per sublayer (IGN's two-layer limit) -----------------------------------------------------


class Split(list):
    """The layers `split_layer` made (top to bottom as in the layer tree), and the original layer, kept aside
    (taken out of the project, not deleted) so that `restore()` can put it back where it was."""

    def __init__(self, project: QgsProject, layers: list[QgsMapLayer] | None = None,
                 original: QgsMapLayer | None = None, parent: QgsLayerTreeGroup | None = None, index: int = 0,
                 checked: bool = True, themes: dict[str, QgsMapThemeCollection.MapThemeLayerRecord] | None = None,
                 maps: list[tuple[QgsLayoutItemMap, str | None]] | None = None) -> None:
        super().__init__(layers or [])
        self.project = project
        self.ids = [layer.id() for layer in self]
        self.original = original
        self.original_id = original.id() if original is not None else ""
        self._parent = parent
        self._index = index
        self._checked = checked
        #: map theme name -> the original's record in it (QGIS drops a removed layer from every theme)
        self._themes = themes or {}
        #: layout maps with a locked layer set that held the original, with its style override there (or None)
        self._maps = maps or []
        self.restored = False

    def restore(self) -> bool:
        """Put the original layer back at its place (same id, source, style) and remove the layers made from it."""
        if self.original is None or self.restored:
            return False
        parent, index = self.project.layerTreeRoot(), 0
        with contextlib.suppress(RuntimeError):  # a group deleted since: the original goes to the top of the root
            if self._parent is not None and self._parent.children() is not None:
                parent, index = self._parent, self._index
        self.project.addMapLayer(self.original, False)
        node = parent.insertLayer(min(index, len(parent.children())), self.original)
        node.setItemVisibilityChecked(self._checked)
        _themes_move(self.project, self._themes, leaving=list(self), coming=[self.original])
        for item, override in self._maps:
            with contextlib.suppress(RuntimeError):  # a layout (or its map) deleted since
                _swap_in_map(item, list(self), [self.original], {} if override is None else {
                    self.original_id: override})
        gone = [layer_id for layer_id in self.ids if self.project.mapLayer(layer_id) is not None]
        self.project.removeMapLayers(gone)
        self.restored = True
        self.project.setDirty(True)
        log(tr("{layer} : couche d'origine remise à la place de ses {count} sous-couches").format(
            layer=self.original.name(), count=len(self.ids)))
        return True


def split_layer(project: QgsProject, layer_id: str) -> Split:
    """Replace a WMS (or WFS) layer that names several sublayers by one layer per sublayer.

    GPF answers at most two layers per request (IGN's limit since 2026-06-15). The new layers take the original's
    place in its group, its style (the whole style XML), its visibility; the first sublayer ends at the bottom, as
    the server drew it under the others. The original is taken out of the project, not deleted: `Split.restore()`
    puts it back. An empty Split when the layer is unknown or names a single layer.
    """
    layer = project.mapLayer(layer_id)
    if layer is None:
        return Split(project)
    provider = layer_provider(layer)
    sources = split_source(provider, layer.source())
    if len(sources) < 2:
        return Split(project)
    names = layer_names(provider, layer.source())
    names += [str(number) for number in range(len(names) + 1, len(sources) + 1)]
    root = project.layerTreeRoot()
    node = root.findLayer(layer_id)
    parent = node.parent() if node is not None else root
    index = parent.children().index(node) if node is not None else 0
    checked = node.itemVisibilityChecked() if node is not None else True
    style = _style_text(layer)
    made = []
    for name, source in zip(names, sources):
        title = f"{layer.name()} — {name}"
        new = QgsVectorLayer(source, title, provider) if isinstance(layer, QgsVectorLayer) else QgsRasterLayer(
            source, title, provider
        )
        _restore_style(new, style)
        new.setName(title)
        made.append(new)
    made.reverse()  # the tree draws top-down, the server drew its list bottom-up
    for offset, new in enumerate(made):
        project.addMapLayer(new, False)
        parent.insertLayer(index + offset, new).setItemVisibilityChecked(checked)
    # taking the layer out makes QGIS drop it from every map theme and every layout map: note where it was first
    themes = _theme_records(project, layer)
    maps = _locked_maps(project, layer)
    _copy_named_styles(layer, made, themes)
    _themes_move(project, themes, leaving=[], coming=made)
    for item, override in maps:
        _swap_in_map(item, [layer], made, {} if override is None else {new.id(): override for new in made})
    name = layer.name()
    original = project.takeMapLayer(layer)
    split = Split(project, made, original, parent, index, checked, themes, maps)
    BackupGuard.arm(project)
    project.setDirty(True)
    log(tr("{layer} : séparée en {count} couches, une par sous-couche (au plus deux couches par requête sur la "
           "Géoplateforme)").format(layer=name, count=len(made)))
    return split


def _theme_records(project: QgsProject, layer: QgsMapLayer) -> dict[str, QgsMapThemeCollection.MapThemeLayerRecord]:
    """The record of `layer` in each map theme that shows it, by theme name (copies, not live)."""
    collection = project.mapThemeCollection()
    records = {}
    for theme in collection.mapThemes():
        for record in collection.mapThemeState(theme).layerRecords():
            if record.layer() is layer:
                records[theme] = QgsMapThemeCollection.MapThemeLayerRecord(record)
    return records


def _themes_move(project: QgsProject, records: dict[str, QgsMapThemeCollection.MapThemeLayerRecord],
                 leaving: list[QgsMapLayer], coming: list[QgsMapLayer]) -> None:
    """In each theme of `records` (themes deleted since are left deleted): the `leaving` layers lose their record,
    each `coming` layer gets the one the original had there (visibility, style, legend items, folding).

    A split moves the original's record to its sublayers; `Split.restore` moves it back."""
    collection = project.mapThemeCollection()
    for theme, record in records.items():
        if not collection.hasMapTheme(theme):
            continue
        state = collection.mapThemeState(theme)
        for layer in leaving:
            with contextlib.suppress(RuntimeError):  # a new layer the user deleted since
                state.removeLayerRecord(layer)
        for layer in coming:
            copy = QgsMapThemeCollection.MapThemeLayerRecord(record)
            copy.setLayer(layer)
            state.removeLayerRecord(layer)
            state.addLayerRecord(copy)
        collection.update(theme, state)


def _copy_named_styles(layer: QgsMapLayer, new_layers: list[QgsMapLayer],
                       records: dict[str, QgsMapThemeCollection.MapThemeLayerRecord]) -> None:
    """The named styles the themes pick for `layer`, added to each new layer (which only has its current style)."""
    wanted = {record.currentStyle for record in records.values() if record.usingCurrentStyle}
    manager = layer.styleManager()
    for style_name in sorted(wanted & set(manager.styles())):
        for new in new_layers:
            if style_name not in new.styleManager().styles():
                new.styleManager().addStyle(style_name, manager.style(style_name))


def _locked_maps(project: QgsProject, layer: QgsMapLayer) -> list[tuple[QgsLayoutItemMap, str | None]]:
    """The layout maps whose locked layer set holds `layer`, each with its locked style for it (None if none)."""
    found = []
    for layout in project.layoutManager().printLayouts():
        items = [item for item in layout.items() if isinstance(item, QgsLayoutItemMap)]
        for item in items:
            if item.keepLayerSet() and any(kept is layer for kept in item.layers()):
                overrides = item.layerStyleOverrides() if item.keepLayerStyles() else {}
                found.append((item, overrides.get(layer.id())))
    return found


def _swap_in_map(item: QgsLayoutItemMap, old: list[QgsMapLayer], new: list[QgsMapLayer],
                 overrides: dict[str, str]) -> None:
    """In a layout map's locked layer set, put `new` where the first of `old` is (the others of `old` leave),
    and swap their locked styles likewise."""
    layers = item.layers()
    positions = [position for position, kept in enumerate(layers) if any(kept is gone for gone in old)]
    if not positions:
        return
    rest = [kept for kept in layers if not any(kept is gone for gone in old)]
    at = positions[0]
    item.setLayers(rest[:at] + new + rest[at:])
    if item.keepLayerStyles():
        styles = item.layerStyleOverrides()
        for gone in old:
            with contextlib.suppress(RuntimeError):  # a layer deleted since
                styles.pop(gone.id(), None)
        styles.update(overrides)
        item.setLayerStyleOverrides(styles)


def log(message: str, level: Qgis.MessageLevel = Qgis.MessageLevel.Info) -> None:
    """The plugin's log (filtered by the log level setting); every source in the message is redacted first."""
    gpf_log.log(redact(message), level)


# --- backup before the first save -------------------------------------------------------------------------


class BackupGuard(QObject):
    """Copies the project file beside itself when the first save after a bascule is about to replace it.

    `QgsProject.writeProject` is emitted while the document is built, before the .qgs is opened for writing
    or the .qgz archive replaced, so the file on disk is still the one from before the bascule.
    """

    _guards: dict[int, BackupGuard] = {}

    def __init__(self, project: QgsProject) -> None:
        super().__init__()
        self.project = project
        self.armed = False
        self.last_backup: Path | None = None
        project.writeProject.connect(self._before_write)

    @classmethod
    def arm(cls, project: QgsProject) -> BackupGuard:
        guard = cls._guards.get(id(project))
        if guard is None:
            guard = cls._guards[id(project)] = cls(project)
        guard.armed = True
        return guard

    @classmethod
    def for_project(cls, project: QgsProject) -> BackupGuard | None:
        return cls._guards.get(id(project))

    @classmethod
    def disarm_all(cls) -> None:
        """Disconnect every guard (plugin unload)."""
        for guard in cls._guards.values():
            with contextlib.suppress(TypeError, RuntimeError):
                guard.project.writeProject.disconnect(guard._before_write)
        cls._guards.clear()

    def _before_write(self, *_args: object) -> None:
        if not self.armed:
            return
        self.armed = False
        path = Path(self.project.fileName()) if self.project.fileName() else None
        if path is None or not path.is_file():
            return
        try:
            self.last_backup = write_backup(path, path.read_bytes(), backup_stamp())
        except OSError as error:
            text = tr("sauvegarde de {file} impossible avant l'enregistrement : {error}")
            log(text.format(file=path.name, error=error), Qgis.MessageLevel.Warning)
            return
        log(tr("sauvegarde avant bascule : {path}").format(path=self.last_backup))


__all__ = [
    "APPLICABLE",
    "MIGRATED",
    "NEEDS_KEY",
    "UNCHANGED",
    "UNMAPPED",
    "Applied",
    "BackupGuard",
    "LayerPlan",
    "apply",
    "scan_project",
    "split_layer",
    "Split",
    "undo",
]
