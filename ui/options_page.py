"""The "Géoplateforme" page of QGIS's Options dialog: catalogue addresses, refresh, load-time redirect, key, log.

The page edits a GpfSettings copy and writes it when QGIS calls `apply()` (the dialog's OK button). A field an
environment variable fixes (GPF_BASCULE_*) is shown disabled with the variable's name: the administrator's value
wins and the user must not believe they changed it. The cartes.gouv.fr key never appears: the page only says
whether one is stored in the QGIS authentication database.
"""

from __future__ import annotations

from typing import Any

from qgis.gui import QgsAuthConfigSelect, QgsOptionsPageWidget, QgsOptionsWidgetFactory
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from .. import log
from ..__about__ import __icon_path__
from ..i18n import tr
from ..settings import LOG_LEVELS, GpfSettings

PAGE_OBJECT_NAME = "gpf_bascule_options"


def _url_labels() -> dict[str, str]:
    return {
        "wmts_url": tr("WMTS (tuiles raster)"),
        "wms_r_url": tr("WMS raster"),
        "wms_v_url": tr("WMS vecteur"),
        "wfs_url": tr("WFS (données vecteur)"),
        "tms_url": tr("TMS (tuiles vectorielles)"),
        "services_url": tr("Liste des services et thèmes"),
    }


def _level_labels() -> dict[str, str]:
    return {"debug": tr("Débogage (tout)"), "info": tr("Informations"), "warning": tr("Avertissements seulement")}


def _short(reason: str, limit: int = 120) -> str:
    """A failure's reason on one short line (the whole text goes to the tooltip and the log)."""
    text = " ".join(reason.split()) or tr("raison inconnue")
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def key_is_stored() -> bool:
    """Whether a key config is in the auth database (the ids are readable without the master password)."""
    from qgis.core import QgsApplication

    from ..bascule.private_key import stored_authcfg

    authcfg = stored_authcfg()
    return bool(authcfg) and authcfg in QgsApplication.authManager().configIds()


class GpfOptionsPage(QgsOptionsPageWidget):
    """The page itself; `apply()` saves, and turns the load-time redirect on or off at once."""

    def __init__(self, parent: QWidget | None = None, iface: Any = None, redirect: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName(PAGE_OBJECT_NAME)
        self.iface = iface
        self.redirect = redirect  # bascule.load_redirect.RedirectRegistration, when the plugin runs
        self.settings = GpfSettings.load()
        self.notes: dict[str, QLabel] = {}
        self.fields: dict[str, QWidget] = {}

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        outer.addWidget(scroll)
        body = QWidget(scroll)
        scroll.setWidget(body)
        layout = QVBoxLayout(body)

        layout.addWidget(self._catalog_box(body))
        layout.addWidget(self._bascule_box(body))
        layout.addWidget(self._key_box(body))
        layout.addWidget(self._advanced_box(body))
        layout.addStretch(1)
        self._show_overrides()
        self.update_key_status()

    # -- building -----------------------------------------------------------------------------------------
    def _row(self, form: QFormLayout, name: str, label: str, widget: QWidget) -> None:
        """A field, and under it the note that says which environment variable fixes it (hidden otherwise)."""
        holder = QWidget(widget.parentWidget())
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        if isinstance(widget, (QSpinBox, QComboBox)):
            column.addWidget(widget, 0, Qt.AlignmentFlag.AlignLeft)  # short values: a short field
        else:
            column.addWidget(widget)
        note = QLabel(holder)
        note.setObjectName(f"gpf_bascule_note_{name}")
        note.setWordWrap(True)
        note.setVisible(False)
        column.addWidget(note)
        widget.setObjectName(f"gpf_bascule_{name}")
        self.fields[name] = widget
        self.notes[name] = note
        form.addRow(label, holder)

    def _catalog_box(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(tr("Catalogue de la Géoplateforme"), parent)
        form = QFormLayout(box)
        intro = QLabel(
            tr("Adresses lues à chaque mise à jour du catalogue. Les valeurs par défaut sont celles de "
               "<code>data.geopf.fr</code> ; ne les changez que pour un miroir de votre organisation."),
            box,
        )
        intro.setWordWrap(True)
        form.addRow(intro)
        for name, label in _url_labels().items():
            edit = QLineEdit(getattr(self.settings, name), box)
            edit.setPlaceholderText(getattr(GpfSettings(), name))
            edit.setCursorPosition(0)
            self._row(form, name, label, edit)
        defaults_row = QWidget(box)
        defaults_line = QHBoxLayout(defaults_row)
        defaults_line.setContentsMargins(0, 0, 0, 0)
        defaults = QPushButton(tr("Rétablir les adresses par défaut"), defaults_row)
        defaults.setObjectName("gpf_bascule_default_urls")
        defaults.clicked.connect(self.reset_urls)
        defaults_line.addWidget(defaults)
        defaults_line.addStretch(1)
        form.addRow("", defaults_row)
        hours = QSpinBox(box)
        hours.setRange(1, 24 * 365)
        hours.setSuffix(tr(" h"))
        hours.setValue(self.settings.refresh_interval_hours)
        hours.setMaximumWidth(120)
        hours.setToolTip(tr("24 h = une fois par jour ; 168 h = une fois par semaine."))
        self._row(form, "refresh_interval_hours", tr("Mise à jour automatique toutes les"), hours)
        refresh_row = QWidget(box)
        line = QHBoxLayout(refresh_row)
        line.setContentsMargins(0, 0, 0, 0)
        self.refresh_button = QPushButton(tr("Mettre à jour maintenant"), refresh_row)
        self.refresh_button.setObjectName("gpf_bascule_refresh_now")
        self.refresh_button.clicked.connect(self.refresh_now)
        line.addWidget(self.refresh_button)
        line.addStretch(1)
        form.addRow("", refresh_row)
        self.catalog_date_label = QLabel(box)
        self.catalog_date_label.setObjectName("gpf_bascule_catalog_date")
        self.catalog_date_label.setWordWrap(True)
        form.addRow(tr("Catalogue en service"), self.catalog_date_label)
        self.last_attempt_label = QLabel(box)
        self.last_attempt_label.setObjectName("gpf_bascule_last_attempt")
        self.last_attempt_label.setWordWrap(True)
        form.addRow(tr("Dernière tentative"), self.last_attempt_label)
        self.update_refresh_status()
        return box

    def _bascule_box(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(tr("Bascule à l'ouverture des projets"), parent)
        form = QFormLayout(box)
        check = QCheckBox(tr("Rediriger les couches Géoportail vers la Géoplateforme à l'ouverture d'un projet"), box)
        check.setChecked(self.settings.redirect_on_load)
        check.setToolTip(
            tr("Les anciennes couches (wxs.ign.fr) s'ouvrent depuis data.geopf.fr ; le fichier du projet n'est "
               "modifié que si vous l'enregistrez.")
        )
        self._row(form, "redirect_on_load", "", check)
        return box

    def _key_box(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(tr("Clé cartes.gouv.fr (couches sous licence : SCAN 25, SCAN 100, OACI)"), parent)
        form = QFormLayout(box)
        self.key_status = QLabel(box)
        self.key_status.setObjectName("gpf_bascule_key_status")
        self.key_status.setWordWrap(True)
        form.addRow(self.key_status)
        buttons = QWidget(box)
        line = QHBoxLayout(buttons)
        line.setContentsMargins(0, 0, 0, 0)
        self.key_button = QPushButton(buttons)
        self.key_button.setObjectName("gpf_bascule_key_enter")
        self.key_button.clicked.connect(self.enter_key)
        line.addWidget(self.key_button)
        self.forget_button = QPushButton(tr("Oublier la clé"), buttons)
        self.forget_button.setObjectName("gpf_bascule_key_forget")
        self.forget_button.clicked.connect(self.forget_key)
        line.addWidget(self.forget_button)
        line.addStretch(1)
        form.addRow(buttons)
        return box

    def _advanced_box(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(tr("Réseau et journal"), parent)
        form = QFormLayout(box)
        authcfg = QgsAuthConfigSelect(box)
        authcfg.setConfigId(self.settings.network_authcfg)
        authcfg.setToolTip(
            tr("Configuration d'authentification QGIS pour un miroir qui en demande une (aucune : accès "
               "public). Le proxy de QGIS s'applique toujours.")
        )
        self._row(form, "network_authcfg", tr("Configuration d'authentification QGIS"), authcfg)
        levels = QComboBox(box)
        for level, label in _level_labels().items():
            levels.addItem(label, level)
        levels.setCurrentIndex(max(0, levels.findData(self.settings.log_level)))
        levels.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self._row(form, "log_level", tr("Niveau du journal"), levels)
        return box

    def _show_overrides(self) -> None:
        for name, variable in self.settings.overridden.items():
            widget = self.fields.get(name)
            if widget is None:
                continue
            widget.setEnabled(False)
            text = tr("Fixé par la variable d'environnement {variable} (déploiement de votre organisation).").format(
                variable=variable
            )
            widget.setToolTip(text)
            note = self.notes[name]
            note.setText(f"<i>{text}</i>")
            note.setTextFormat(Qt.TextFormat.RichText)
            note.setVisible(True)

    # -- reading the fields -----------------------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        """What the fields say now (before apply)."""
        result: dict[str, Any] = {}
        for name, widget in self.fields.items():
            if isinstance(widget, QgsAuthConfigSelect):
                result[name] = (widget.configId() or "").strip()
            elif isinstance(widget, QLineEdit):
                result[name] = widget.text().strip() or ("" if name == "network_authcfg" else widget.placeholderText())
            elif isinstance(widget, QSpinBox):
                result[name] = widget.value()
            elif isinstance(widget, QCheckBox):
                result[name] = widget.isChecked()
            elif isinstance(widget, QComboBox):
                result[name] = widget.currentData() or LOG_LEVELS[1]
        return result

    def apply(self) -> None:
        """QGIS's OK button: write the settings; the redirect and the log level follow at once, the rest at next use."""
        before = self.settings.redirect_on_load
        self.settings = self.settings.with_values(**self.values())
        self.settings.save()
        log.reload()
        redirect = tr("activée") if self.settings.redirect_on_load else tr("désactivée")
        log.debug(tr("options enregistrées ; niveau du journal {level}, redirection à l'ouverture {redirect}").format(
            level=log.level(), redirect=redirect))
        if self.redirect is not None and self.settings.redirect_on_load != before:
            self.redirect.set_enabled(self.settings.redirect_on_load)

    # -- buttons ------------------------------------------------------------------------------------------
    def reset_urls(self) -> None:
        for name in _url_labels():
            widget = self.fields[name]
            if widget.isEnabled():
                widget.setText(getattr(GpfSettings(), name))
                widget.setCursorPosition(0)

    def refresh_now(self) -> Any:
        """Save first so that the refresh reads the addresses on screen, then queue it; its outcome shows here."""
        self.apply()
        from ..bascule.catalog_refresh import start_refresh

        task = start_refresh(self.iface)
        task.outcome.connect(self.refresh_ended)
        self.refresh_button.setEnabled(False)
        self.last_attempt_label.setText(tr("Mise à jour en cours (voir la barre des tâches de QGIS)…"))
        return task

    def refresh_ended(self, succeeded: bool, reason: str) -> None:
        """The task of "Mettre à jour maintenant" ended: show the catalogue's date and the outcome."""
        self.refresh_button.setEnabled(True)
        self.update_refresh_status()
        if not succeeded and not GpfSettings.load_refresh_record().failures:  # cancelled: nothing was recorded
            self.last_attempt_label.setText(tr("Mise à jour interrompue : {reason}").format(reason=_short(reason)))

    def update_refresh_status(self) -> None:
        """The catalogue in use (its snapshot's date, bundled or downloaded) and the last attempt's outcome."""
        from ..catalog import schedule
        from .catalog_state import CatalogState

        state = CatalogState.instance()
        generated = state.generated()
        date = generated.astimezone().strftime("%d/%m/%Y %H:%M") if generated else tr("date inconnue")
        origin = (tr("fourni avec l'extension") if state.origin == "bundled"
                  else tr("téléchargé depuis la Géoplateforme"))
        count = len(state.catalog.layers)
        self.catalog_date_label.setText(
            tr("du {date} ({origin}, {count} couches)").format(date=date, origin=origin, count=count)
        )
        record = GpfSettings.load_refresh_record()
        if record.last_attempt is None and record.last_success is None:
            self.last_attempt_label.setText(tr("aucune depuis l'installation"))
            self.last_attempt_label.setToolTip("")
            return
        when = (record.last_attempt or record.last_success).astimezone().strftime("%d/%m/%Y %H:%M")
        if record.failures:
            outcome = tr("échouée : {reason}").format(reason=_short(record.error))
            upcoming = schedule.next_refresh(
                record.last_success, record.last_attempt, record.failures, self.settings.refresh_interval)
            if upcoming is not None:
                outcome += " " + tr("(nouvel essai automatique après {date})").format(
                    date=upcoming.astimezone().strftime("%d/%m/%Y %H:%M"))
            self.last_attempt_label.setToolTip(record.error)
        else:
            outcome = tr("réussie")
            self.last_attempt_label.setToolTip("")
        self.last_attempt_label.setText(tr("{date}, {outcome}").format(date=when, outcome=outcome))

    def update_key_status(self) -> None:
        stored = key_is_stored()
        self.key_status.setText(
            tr("Une clé est enregistrée, chiffrée, dans la base d'authentification de QGIS.")
            if stored
            else tr("Aucune clé enregistrée. Elle n'est utile que pour les couches sous licence.")
        )
        self.key_button.setText(tr("Remplacer la clé…") if stored else tr("Saisir ma clé…"))
        self.forget_button.setEnabled(stored)

    def enter_key(self) -> None:
        from ..bascule.private_key import shared_injector, store_key
        from .key_dialog import KeyDialog

        dialog = KeyDialog(self)
        if dialog.exec():
            try:
                store_key(dialog.key())
            except ValueError as error:
                self.key_status.setText(str(error))
                return
            shared_injector().set_key(dialog.key())  # this session's requests take the new key at once
        self.update_key_status()

    def forget_key(self) -> None:
        from ..bascule.private_key import forget_key, shared_injector

        forget_key()
        shared_injector().set_key("")
        self.update_key_status()


class GpfOptionsFactory(QgsOptionsWidgetFactory):
    """What QGIS asks for a page each time its Options dialog opens."""

    def __init__(self, iface: Any = None, redirect: Any = None) -> None:
        super().__init__(tr("Géoplateforme"), QIcon(str(__icon_path__)))
        self.setObjectName("gpf_bascule_options_factory")
        self.iface = iface
        self.redirect = redirect

    def createWidget(self, parent: QWidget | None = None) -> GpfOptionsPage:  # noqa: N802 (QGIS's name)
        return GpfOptionsPage(parent, self.iface, self.redirect)


class OptionsRegistration:
    """Adds the page to Settings > Options, and takes it away on unload."""

    def __init__(self, iface: Any, redirect: Any = None) -> None:
        self.iface = iface
        self.factory: GpfOptionsFactory | None = None
        self.redirect = redirect

    def register(self) -> GpfOptionsFactory:
        if self.factory is None:
            self.factory = GpfOptionsFactory(self.iface, self.redirect)
            self.iface.registerOptionsWidgetFactory(self.factory)
        return self.factory

    def unregister(self) -> None:
        if self.factory is not None:
            self.iface.unregisterOptionsWidgetFactory(self.factory)
            self.factory = None
