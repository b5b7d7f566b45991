"""Turn a catalogue entry into a QGIS layer: create it, add it to the map, or hand it over by drag and drop.

Every request goes through QGIS's own network stack (the providers and QgsVectorTileLayer.loadDefaultStyle
use QgsNetworkAccessManager), so the user's proxy, SSL and authentication settings apply.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import parse_qsl

from qgis.core import (
    Qgis,
    QgsAbstractMetadataBase,
    QgsApplication,
    QgsMapLayer,
    QgsMimeDataUtils,
    QgsNetworkAccessManager,
    QgsNetworkReplyContent,
    QgsProject,
    QgsRasterLayer,
    QgsVectorLayer,
    QgsVectorTileLayer,
)
from qgis.PyQt.QtCore import QMimeData
from qgis.PyQt.QtNetwork import QNetworkRequest

from ..catalog.entry import CatalogEntry
from ..log import TAG as LOG_TAG
from ..log import debug, log, push_message, push_with_buttons
from .catalog_model import service_label, tr

# provider (as the catalogue writes it, any case) -> (QGIS provider key, QgsMimeDataUtils layer type)
MESSAGE_KEY = "layer"  # the message-bar item of the last layer added (log.push_message)
PROVIDERS = {
    "wms": ("wms", "raster"),
    "wfs": ("WFS", "vector"),
    "vectortile": ("vectortile", "vector-tile"),
}


def provider_key(entry: CatalogEntry) -> str:
    return _provider(entry)[0]


def layer_type(entry: CatalogEntry) -> str:
    """The layer type QGIS's drop handlers expect: raster, vector or vector-tile."""
    return _provider(entry)[1]


def _provider(entry: CatalogEntry) -> tuple[str, str]:
    try:
        return PROVIDERS[entry.provider.lower()]
    except KeyError:
        raise ValueError(
            tr("fournisseur QGIS inconnu « {provider} » pour {name}").format(provider=entry.provider, name=entry.name)
        ) from None


def mime_uri(entry: CatalogEntry) -> QgsMimeDataUtils.Uri:
    uri = QgsMimeDataUtils.Uri()
    uri.layerType = layer_type(entry)
    uri.providerKey = provider_key(entry)
    uri.name = entry.title
    uri.uri = entry.uri
    return uri


def mime_data(entries: Iterable[CatalogEntry]) -> QMimeData:
    """Drag payload: QGIS URIs, which the map canvas and the Layers panel add natively on drop."""
    return QgsMimeDataUtils.encodeUriList([mime_uri(entry) for entry in entries])


def style_url(entry: CatalogEntry) -> str:
    """The Mapbox GL style a vector-tile entry links to (GPF's PLAN.IGN styles...), or ''."""
    for key, value in parse_qsl(entry.uri, keep_blank_values=True):
        if key == "styleUrl":
            return value
    return ""


def create_layer(entry: CatalogEntry) -> QgsMapLayer:
    """A layer for the entry, invalid if the service did not answer (the caller checks isValid()).

    A vector-tile layer gets the style its uri names (`styleUrl`), fetched by QGIS; a style that cannot be
    read leaves QGIS's default rendering and a line in the log.
    """
    key, kind = _provider(entry)
    if kind == "raster":
        layer: QgsMapLayer = QgsRasterLayer(entry.uri, entry.title, key)
    elif kind == "vector":
        from ..catalog.uris import entry_uri  # a WFS comes in the project's CRS when GPF offers it

        layer = QgsVectorLayer(entry_uri(entry, QgsProject.instance().crs().authid()), entry.title, key)
    else:
        layer = QgsVectorTileLayer(entry.uri, entry.title)
        if layer.isValid() and style_url(entry):
            message, ok = layer.loadDefaultStyle()
            if not ok:
                log(
                    tr("Style de « {title} » non appliqué ({url}) : {reason}").format(
                        title=entry.title, url=style_url(entry), reason=message
                    ),
                    Qgis.MessageLevel.Warning,
                )
    if layer.isValid():
        _set_metadata(layer, entry)
    state = tr("valide") if layer.isValid() else tr("invalide")
    debug(tr("entrée du catalogue {name} ({service}) : couche {kind}, fournisseur {key}, {state}").format(
        name=entry.name, service=entry.service, kind=kind, key=key, state=state))
    return layer


def _set_metadata(layer: QgsMapLayer, entry: CatalogEntry) -> None:
    """Carry the abstract and the metadata link into the layer's properties (Information / Metadata)."""
    metadata = layer.metadata()
    metadata.setIdentifier(entry.name)
    metadata.setTitle(entry.title)
    if entry.abstract:
        metadata.setAbstract(entry.abstract)
    if entry.metadata_url:
        link = QgsAbstractMetadataBase.Link(tr("Fiche de métadonnées"), "WWW:LINK", entry.metadata_url)
        metadata.addLink(link)
    layer.setMetadata(metadata)


def add_to_map(entry: CatalogEntry, iface: Any = None) -> QgsMapLayer | None:
    """Create the layer and add it to the current project, telling the user what happened.

    A layer that needs a cartes.gouv.fr key is added even when the service refuses it without the key (QGIS
    keeps it, marked unavailable): with a stored key, the plugin adds it on the wire (never to the source) and
    says so; without one, the message bar offers to enter it. A free layer that fails is not added, and the
    message bar says why; so is a licensed layer when the service did not answer at all (offline, proxy): no
    key would make it work, and the rule is the free layers' one.
    """
    key_stored = entry.needs_key and _use_stored_key()
    try:
        with provider_messages() as messages, http_statuses() as statuses:
            layer = create_layer(entry)
    except ValueError as error:
        notify(iface, tr("Couche non ajoutée"), str(error), Qgis.MessageLevel.Critical)
        return None
    unreachable = not statuses  # no HTTP answer came back: the network, not the key, is what is missing
    if not layer.isValid() and (not entry.needs_key or unreachable):
        # Never layer.error() here: on QGIS 3.22 it crashes on an invalid WFS layer. The provider's own log
        # lines say what went wrong (HTTP status, unknown type...).
        reason = messages[-1] if messages else tr("le service n'a pas répondu")
        for line in messages:
            debug(tr("{name} : le fournisseur a répondu : {line}").format(name=entry.name, line=line))
        notify(
            iface,
            tr("Couche non ajoutée"),
            tr("« {title} » n'a pas pu être chargée depuis la Géoplateforme ({service}) : {reason}. "
               "Vérifiez votre connexion (et le proxy dans Préférences → Réseau).").format(
                title=entry.title, service=service_label(entry.service), reason=_one_line(reason)
            ),
            Qgis.MessageLevel.Critical,
        )
        return None
    QgsProject.instance().addMapLayer(layer)
    if key_stored:
        notify(
            iface,
            tr("Donnée sous licence"),
            tr("« {title} » est une donnée sous licence : votre clé cartes.gouv.fr enregistrée est utilisée "
               "(elle reste dans la base d'authentification de QGIS).").format(title=entry.title),
            Qgis.MessageLevel.Info,
        )
    elif entry.needs_key:
        _offer_key(iface, entry, layer)
    else:
        log(tr("Couche ajoutée : {title} ({name}, {service})").format(
            title=entry.title, name=entry.name, service=service_label(entry.service)
        ))
    return layer


@contextmanager
def http_statuses() -> Iterator[list[int]]:
    """HTTP status codes of the replies QGIS received while the block ran (none: no server answered at all).

    Language-proof, unlike the providers' log lines ("server replied" is translated with QGIS).
    """
    seen: list[int] = []

    def keep(reply: QgsNetworkReplyContent) -> None:
        status = reply.attribute(QNetworkRequest.Attribute.HttpStatusCodeAttribute)
        if status:
            seen.append(int(status))

    manager = QgsNetworkAccessManager.instance()
    manager.finished.connect(keep)
    try:
        yield seen
    finally:
        manager.finished.disconnect(keep)


@contextmanager
def provider_messages() -> Iterator[list[str]]:
    """Warnings QGIS's providers log while the block runs (the reason a layer came out invalid)."""
    seen: list[str] = []

    def keep(message: str, tag: str, level: Qgis.MessageLevel) -> None:
        if tag != LOG_TAG and level in (Qgis.MessageLevel.Warning, Qgis.MessageLevel.Critical) and message.strip():
            seen.append(_one_line(message)[:300])

    log_ = QgsApplication.messageLog()
    log_.messageReceived.connect(keep)
    try:
        yield seen
    finally:
        log_.messageReceived.disconnect(keep)


def _use_stored_key() -> bool:
    """Whether a cartes.gouv.fr key is stored; if so the request pre-processor holds it before the layer loads."""
    from ..bascule.private_key import has_stored_key, shared_injector

    if not has_stored_key():
        return False
    injector = shared_injector()
    injector.install()
    injector.load_key_if_stored()  # the user asked for a licensed layer: QGIS may ask for its master password
    return True


def _offer_key(iface: Any, entry: CatalogEntry, layer: QgsMapLayer) -> None:
    """No key stored: say what the layer needs and offer to enter the key (kept in QGIS's auth database)."""
    title = tr("Clé cartes.gouv.fr nécessaire")
    text = tr("« {title} » est une donnée sous licence : elle ne s'affiche qu'avec une clé personnelle "
              "cartes.gouv.fr. Créez votre clé sur cartes.gouv.fr, puis saisissez-la ici : elle sera gardée "
              "dans la base d'authentification de QGIS.").format(title=entry.title)
    log(f"{title} : {text}", Qgis.MessageLevel.Warning)
    from ..bascule.private_key import ask_and_apply_key

    layer_id = layer.id()
    button = (tr("Saisir ma clé…"), "gpf_bascule_layer_key", lambda: ask_and_apply_key(iface, [layer_id]))
    push_with_buttons(iface, MESSAGE_KEY, title, text, [button], Qgis.MessageLevel.Warning)


def notify(iface: Any, title: str, text: str, level: Qgis.MessageLevel, duration: int = 0) -> None:
    """Message bar (when there is an iface) and log panel; warnings stay until closed, info fades."""
    log(f"{title} : {text}", level)
    if iface is None:
        return
    if not duration:
        duration = 5 if level in (Qgis.MessageLevel.Info, Qgis.MessageLevel.Success) else 0
    push_message(iface, MESSAGE_KEY, text, level, duration, title)  # the last added layer's message only


def _one_line(text: str) -> str:
    return " ".join(text.split())
