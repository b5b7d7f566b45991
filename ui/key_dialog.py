"""Asks once for the user's cartes.gouv.fr key; what happens to it is decided in bascule.private_key."""

from __future__ import annotations

from qgis.PyQt.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from ..i18n import tr


class KeyDialog(QDialog):
    """A masked field and why the key is needed; the key never appears in clear on screen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("gpf_bascule_key_dialog")
        self.setWindowTitle(tr("Clé cartes.gouv.fr"))
        layout = QVBoxLayout(self)
        text = QLabel(
            tr(
                "Les couches sous licence (SCAN 25, SCAN 100, carte OACI) sont servies par "
                "<code>data.geopf.fr/private</code> et demandent votre clé personnelle, à créer sur "
                '<a href="https://cartes.gouv.fr">cartes.gouv.fr</a>. Les anciennes clés Géoportail ne '
                "fonctionnent plus.<br><br>La clé est gardée chiffrée dans la base d'authentification de QGIS "
                "(mot de passe principal), jamais dans le projet ni dans les paramètres."
            ),
            self,
        )
        text.setWordWrap(True)
        text.setOpenExternalLinks(True)
        layout.addWidget(text)
        self.field = QLineEdit(self)
        self.field.setObjectName("gpf_bascule_key_field")
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setPlaceholderText(tr("Votre clé cartes.gouv.fr"))
        layout.addWidget(self.field)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Enregistrer la clé"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Annuler"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(460, self.sizeHint().height())

    def key(self) -> str:
        return self.field.text().strip()


def ask_key(parent: QWidget | None = None) -> str | None:
    """The key typed in the dialog, None when cancelled (bascule.private_key's asker, set by the plugin)."""
    dialog = KeyDialog(parent)
    return dialog.key() if dialog.exec() else None
