"""The user's cartes.gouv.fr key for the non-free GPF layers (SCAN 25, SCAN 100, OACI).

GPF's private endpoints (`https://data.geopf.fr/private/...`) take the key as a URL parameter `apikey=KEY`.
QGIS 3.22 has no auth method that adds a query parameter (its methods: Basic, EsriToken, OAuth2, PKI/identity
certificates; "APIHeader" only came later), and writing the key into layer sources would put it in clear in
every saved project. So:
- the key is stored in the QGIS authentication database (encrypted by the master password), in a "Basic"
  config whose password is the key; only the config id (not a secret) is kept in QgsSettings;
- a network request pre-processor (`QgsNetworkAccessManager.setRequestPreprocessor`, QGIS >= 3.22) adds
  `apikey=KEY` to the requests QGIS sends to data.geopf.fr/private/ that carry none, with the key held in
  memory only. Layer sources and saved connections stay without the key, so nothing written to disk holds it;
  the price is that those layers need this plugin (and the master password) to load.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from typing import Any, Callable

from qgis.core import (
    Qgis,
    QgsApplication,
    QgsAuthMethodConfig,
    QgsDataProvider,
    QgsMapLayer,
    QgsNetworkAccessManager,
    QgsProject,
)
from qgis.PyQt.QtCore import QUrlQuery

from ..i18n import tr
from ..log import debug, info, push_message
from ..settings import GpfSettings

AUTHCFG_SETTING = "gpf_bascule/private_key_authcfg"  # written by settings.GpfSettings (save_private_key_authcfg)
AUTH_NAME = "GPF Bascule — clé cartes.gouv.fr"
PRIVATE_PREFIX = "https://data.geopf.fr/private/"
GPF_HOST = "data.geopf.fr"
_PRIVATE_SOURCE = re.compile(r"data\.geopf\.fr/private/", re.IGNORECASE)
_KEY_SHAPE = re.compile(r"^[A-Za-z0-9_.\-]{4,128}$")
MESSAGE_KEY = "key"  # its message-bar item (log.push_message)


def valid_key(key: str) -> bool:
    """A key as cartes.gouv.fr hands it out: letters, digits, - _ . (never spaces, & or =)."""
    return bool(_KEY_SHAPE.match(key or ""))


def stored_authcfg() -> str:
    return GpfSettings.load_private_key_authcfg()


def store_key(key: str) -> str:
    """Store (or replace) the key in the auth database; returns the auth config id. Raises ValueError."""
    if not valid_key(key):
        raise ValueError(tr("Clé cartes.gouv.fr invalide : lettres, chiffres, tirets et points seulement."))
    manager = QgsApplication.authManager()
    if not manager.setMasterPassword(True):
        raise ValueError(tr("Base d'authentification de QGIS verrouillée : mot de passe principal requis."))
    config = QgsAuthMethodConfig("Basic")
    config.setName(AUTH_NAME)
    config.setUri(PRIVATE_PREFIX)
    config.setConfig("username", "apikey")
    config.setConfig("password", key)
    old_id = stored_authcfg()
    if old_id and old_id in manager.configIds():
        config.setId(old_id)
        stored = manager.updateAuthenticationConfig(config)
    else:
        stored = manager.storeAuthenticationConfig(config)
        if isinstance(stored, tuple):  # newer bindings return (ok, config)
            stored, config = stored[0], stored[1]
    if not stored or not config.id():
        raise ValueError(tr("La clé n'a pas pu être enregistrée dans la base d'authentification de QGIS."))
    GpfSettings.save_private_key_authcfg(config.id())
    debug(tr("clé cartes.gouv.fr : enregistrée dans la base d'authentification de QGIS"))
    return config.id()


def has_stored_key() -> bool:
    """Whether a key is stored, without reading it (no master-password prompt: the config ids are not secret)."""
    authcfg = stored_authcfg()
    return bool(authcfg) and authcfg in QgsApplication.authManager().configIds()


def load_key() -> str:
    """The key from the auth database ('' when none is stored or the database stays locked)."""
    authcfg = stored_authcfg()
    manager = QgsApplication.authManager()
    if not authcfg or authcfg not in manager.configIds():
        return ""
    config = QgsAuthMethodConfig()
    loaded = manager.loadAuthenticationConfig(authcfg, config, True)
    if isinstance(loaded, tuple):
        loaded, config = loaded[0], loaded[1]
    return config.config("password", "") if loaded else ""


def forget_key() -> None:
    """Remove the key from the auth database and the config id from the settings."""
    authcfg = stored_authcfg()
    if authcfg:
        QgsApplication.authManager().removeAuthenticationConfig(authcfg)
    GpfSettings.save_private_key_authcfg("")
    debug(tr("clé cartes.gouv.fr : oubliée"))


def needs_key(source: str) -> bool:
    lowered = source.lower()
    return bool(_PRIVATE_SOURCE.search(source)) and "apikey=" not in lowered and "apikey%3d" not in lowered


def needs_key_layers(project: QgsProject | None = None) -> list[QgsMapLayer]:
    project = project or QgsProject.instance()
    return [layer for layer in project.mapLayers().values() if needs_key(layer.source())]


class KeyInjector:
    """Adds `apikey=` to QGIS's requests to data.geopf.fr/private/ (any thread: tiles are fetched in workers)."""

    def __init__(self) -> None:
        self._id: str | None = None
        self._key = ""
        self._lock = threading.Lock()

    @property
    def has_key(self) -> bool:
        return bool(self._key)

    def set_key(self, key: str) -> None:
        with self._lock:
            self._key = key

    def load_key_if_stored(self) -> None:
        """Read the key from the auth database once (main thread: QGIS may ask for the master password)."""
        if not self._key:
            self.set_key(load_key())
            debug(tr("clé cartes.gouv.fr : lue dans la base d'authentification de QGIS") if self._key
                  else tr("clé cartes.gouv.fr : aucune dans la base d'authentification de QGIS"))

    def install(self) -> None:
        if self._id is None:
            self._id = QgsNetworkAccessManager.setRequestPreprocessor(self.preprocess)
            debug(tr("clé cartes.gouv.fr : pré-traitement des requêtes installé"))

    def remove(self) -> None:
        if self._id is not None:
            QgsNetworkAccessManager.removeRequestPreprocessor(self._id)
            self._id = None
            debug(tr("clé cartes.gouv.fr : pré-traitement des requêtes retiré"))
        self.set_key("")

    def preprocess(self, request: Any) -> None:  # QNetworkRequest
        key = self._key
        if not key:
            return
        url = request.url()
        if url.host().lower() != GPF_HOST or not url.path().startswith("/private/"):
            return
        query = QUrlQuery(url)
        if any(name.lower() == "apikey" for name, _ in query.queryItems()):
            return
        query.addQueryItem("apikey", key)
        url.setQuery(query)
        request.setUrl(url)


_INJECTOR: KeyInjector | None = None


def shared_injector() -> KeyInjector:
    """The one injector of this QGIS session (the redirect registration installs it)."""
    global _INJECTOR
    if _INJECTOR is None:
        _INJECTOR = KeyInjector()
    return _INJECTOR


def apply_key(layer_ids: Iterable[str], injector: KeyInjector | None = None,
              project: QgsProject | None = None) -> list[str]:
    """Make the injector use the stored key and reload these layers so QGIS asks GPF again, now with it.

    The sources are set again unchanged: the key goes on the wire only. Returns the ids reloaded.
    """
    injector = injector or shared_injector()
    injector.install()
    injector.set_key(load_key())
    if not injector.has_key:
        debug(tr("clé cartes.gouv.fr : aucune enregistrée (ou base d'authentification restée verrouillée), "
                 "aucune couche rechargée"))
        return []
    project = project or QgsProject.instance()
    reloaded = []
    for layer_id in layer_ids:
        layer = project.mapLayer(layer_id)
        if layer is None or not needs_key(layer.source()):
            continue
        options = QgsDataProvider.ProviderOptions()
        options.transformContext = project.transformContext()
        layer.setDataSource(layer.source(), layer.name(), layer.providerType(), options)
        layer.triggerRepaint()
        reloaded.append(layer_id)
    info(tr("Clé cartes.gouv.fr appliquée à {count} couche(s).").format(count=len(reloaded)))
    debug(tr("clé cartes.gouv.fr : couches rechargées avec elle : {ids}").format(
        ids=", ".join(reloaded) or tr("aucune")))
    return reloaded


#: How the key is asked for: parent window -> the key typed, None when the user cancelled. A dialog is the ui's
#: business: the plugin gives it (`set_key_asker(ui.key_dialog.ask_key)` in initGui), this module only uses it.
KeyAsker = Callable[[Any], "str | None"]
_key_asker: KeyAsker | None = None


def set_key_asker(asker: KeyAsker | None) -> None:
    """The plugin's way to ask for the key (None on unload: nothing is asked any more)."""
    global _key_asker
    _key_asker = asker


def ask_and_apply_key(iface: Any, layer_ids: list[str], ask: KeyAsker | None = None) -> list[str]:
    """Ask once for the key (when none is stored), store it, apply it to these layers.

    `ask` defaults to the asker the plugin set; without one (the plugin is not running) nothing is asked."""
    if not load_key():
        ask = ask or _key_asker
        key = ask(iface.mainWindow()) if ask is not None else None
        if key is None:
            return []
        try:
            store_key(key)
        except ValueError as error:
            push_message(iface, MESSAGE_KEY, str(error), Qgis.MessageLevel.Warning, 8, tr("GPF Bascule"))
            return []
    reloaded = apply_key(layer_ids)
    push_message(
        iface,
        MESSAGE_KEY,
        tr("Clé cartes.gouv.fr enregistrée dans la base d'authentification de QGIS et appliquée à {count} "
           "couche(s).").format(count=len(reloaded)),
        Qgis.MessageLevel.Success,
        6,
        tr("GPF Bascule"),
    )
    return reloaded
