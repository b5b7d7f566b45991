"""The plugin's settings as one typed object over QgsSettings, overridable by `GPF_BASCULE_*` environment variables.

Why environment variables win: administrators who deploy QGIS to many desktops (a ministry, a département) set
them once in the deployment (a proxy mirror of the catalogue, load-time redirect off...) and no user's profile
can drift from them. `save()` therefore writes QgsSettings only, and never the fields an environment variable
fixes: removing the variable later brings back what the user chose.

No `qgis` import at module level: the defaults and the environment parsing are usable without QGIS.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, timezone
from typing import Any

PREFIX = "gpf_bascule/"
ENV_PREFIX = "GPF_BASCULE_"
LOG_LEVELS = ("debug", "info", "warning")

DEFAULT_WMTS_URL = "https://data.geopf.fr/wmts?SERVICE=WMTS&REQUEST=GetCapabilities"
DEFAULT_WMS_R_URL = "https://data.geopf.fr/wms-r/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities"
DEFAULT_WMS_V_URL = "https://data.geopf.fr/wms-v/ows?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities"
DEFAULT_WFS_URL = "https://data.geopf.fr/wfs/ows?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetCapabilities"
DEFAULT_TMS_URL = "https://data.geopf.fr/tms/1.0.0/"
DEFAULT_SERVICES_URL = "https://data.geopf.fr/annexes/ressources/capabilities/services.csv"

# field name -> QgsSettings key below PREFIX (redirect_on_load and network/authcfg are the keys used before).
KEYS: dict[str, str] = {
    "wmts_url": "catalog/wmts_url",
    "wms_r_url": "catalog/wms_r_url",
    "wms_v_url": "catalog/wms_v_url",
    "wfs_url": "catalog/wfs_url",
    "tms_url": "catalog/tms_url",
    "services_url": "catalog/services_url",
    "refresh_interval_hours": "catalog/refresh_interval_hours",
    "redirect_on_load": "redirect_on_load",
    "log_level": "log_level",
    "network_authcfg": "network/authcfg",
    "show_test_layers": "catalog/show_test_layers",
}
_TRUE = {"1", "true", "yes", "on", "oui", "vrai"}
_FALSE = {"0", "false", "no", "off", "non", "faux"}


def env_name(name: str) -> str:
    """The environment variable that overrides a field: GPF_BASCULE_ + the field name in capitals."""
    return ENV_PREFIX + name.upper()


def _parse_bool(text: str) -> bool:
    word = text.strip().lower()
    if word in _TRUE:
        return True
    if word in _FALSE:
        return False
    raise ValueError(f"not a yes/no value: {text!r}")


def _parse_hours(text: str) -> int:
    hours = int(text.strip())
    if hours < 1:
        raise ValueError(f"at least one hour: {text!r}")
    return hours


def _parse_level(text: str) -> str:
    level = text.strip().lower()
    if level not in LOG_LEVELS:
        raise ValueError(f"one of {', '.join(LOG_LEVELS)}: {text!r}")
    return level


def _parse_url(text: str) -> str:
    url = text.strip()
    if not url.lower().startswith(("http://", "https://")):
        raise ValueError(f"not an http(s) address: {text!r}")
    return url


_PARSERS = {
    "refresh_interval_hours": _parse_hours,
    "redirect_on_load": _parse_bool,
    "log_level": _parse_level,
    "network_authcfg": str.strip,
    "show_test_layers": _parse_bool,
}


@dataclass
class GpfSettings:
    """Everything a user or an administrator may set; the defaults are the live Géoplateforme's."""

    wmts_url: str = DEFAULT_WMTS_URL
    wms_r_url: str = DEFAULT_WMS_R_URL
    wms_v_url: str = DEFAULT_WMS_V_URL
    wfs_url: str = DEFAULT_WFS_URL
    tms_url: str = DEFAULT_TMS_URL
    services_url: str = DEFAULT_SERVICES_URL
    refresh_interval_hours: int = 24
    redirect_on_load: bool = True
    log_level: str = "info"
    network_authcfg: str = ""  # a QGIS auth configuration id for the GPF requests (an authenticating mirror)
    show_test_layers: bool = False  # the catalogue views show test, demo and tutorial layers (CatalogEntry.sandbox)
    # field name -> the environment variable that fixed it (not a setting: what load() found)
    overridden: dict[str, str] = field(default_factory=dict, compare=False, repr=False)
    # environment variables whose value was refused, with why (ignored, the stored value stays)
    rejected: dict[str, str] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def load(cls, env: Mapping[str, str] | None = None, qsettings: Any = None) -> GpfSettings:
        """QgsSettings, then the GPF_BASCULE_* environment variables on top (a bad value is ignored, noted)."""
        if qsettings is None:
            from qgis.core import QgsSettings

            qsettings = QgsSettings()
        defaults = cls()
        values: dict[str, Any] = {}
        for name, key in KEYS.items():
            default = getattr(defaults, name)
            raw = qsettings.value(PREFIX + key, default)
            try:
                values[name] = _coerce(name, raw, default)
            except (TypeError, ValueError):
                values[name] = default
        loaded = cls(**values)
        loaded.apply_env(os.environ if env is None else env)
        return loaded

    def apply_env(self, env: Mapping[str, str]) -> None:
        for name in KEYS:
            variable = env_name(name)
            if variable not in env:
                continue
            parser = _PARSERS.get(name, _parse_url)
            try:
                setattr(self, name, parser(env[variable]))
            except ValueError as error:
                self.rejected[variable] = str(error)
                continue
            self.overridden[name] = variable

    def save(self, qsettings: Any = None) -> None:
        """Write to QgsSettings every field no environment variable fixes (the environment is never written).

        A value equal to the default is removed rather than written, so that a later version's new default
        (a GPF address that moves) reaches the users who never changed it.
        """
        if qsettings is None:
            from qgis.core import QgsSettings

            qsettings = QgsSettings()
        defaults = GpfSettings()
        for name, key in KEYS.items():
            if name in self.overridden:
                continue
            if getattr(self, name) == getattr(defaults, name):
                qsettings.remove(PREFIX + key)
            else:
                qsettings.setValue(PREFIX + key, getattr(self, name))

    @classmethod
    def store(cls, qsettings: Any = None, **values: Any) -> GpfSettings:
        """Change a few settings and save them (the others as they are stored); returns the settings now in force.

        What a widget calls for one switch (the dock's "show test layers", the load-time redirect).
        """
        settings = cls.load(qsettings=qsettings).with_values(**values)
        settings.save(qsettings)
        return settings

    def with_values(self, **values: Any) -> GpfSettings:
        """A copy with new values; fields an environment variable fixes keep theirs."""
        kept = {name: value for name, value in values.items() if name not in self.overridden}
        copy = replace(self, **kept)
        copy.overridden = dict(self.overridden)
        copy.rejected = dict(self.rejected)
        return copy

    # -- the catalogue refresh's record (state, not a setting: no environment variable, not saved by save()) --
    @staticmethod
    def load_refresh_record(qsettings: Any = None) -> RefreshRecord:
        if qsettings is None:
            from qgis.core import QgsSettings

            qsettings = QgsSettings()
        try:
            failures = max(0, int(qsettings.value(PREFIX + RECORD_KEYS["failures"], 0) or 0))
        except (TypeError, ValueError):
            failures = 0
        return RefreshRecord(
            last_success=_parse_when(qsettings.value(PREFIX + RECORD_KEYS["last_success"], "")),
            last_attempt=_parse_when(qsettings.value(PREFIX + RECORD_KEYS["last_attempt"], "")),
            failures=failures,
            error=str(qsettings.value(PREFIX + RECORD_KEYS["error"], "") or ""),
        )

    @staticmethod
    def save_refresh_record(record: RefreshRecord, qsettings: Any = None) -> None:
        if qsettings is None:
            from qgis.core import QgsSettings

            qsettings = QgsSettings()
        for name, key in RECORD_KEYS.items():
            value = getattr(record, name)
            if isinstance(value, datetime):
                value = value.isoformat(timespec="seconds")
            if value in (None, "", 0):
                qsettings.remove(PREFIX + key)
            else:
                qsettings.setValue(PREFIX + key, value)

    # -- the cartes.gouv.fr key's QGIS auth configuration id (state; the id is no secret: the key stays in QGIS's
    # authentication database, bascule/private_key.py) --
    @staticmethod
    def load_private_key_authcfg(qsettings: Any = None) -> str:
        if qsettings is None:
            from qgis.core import QgsSettings

            qsettings = QgsSettings()
        return str(qsettings.value(PREFIX + LICENCE_AUTHCFG_SETTING, "") or "")

    @staticmethod
    def save_private_key_authcfg(authcfg: str, qsettings: Any = None) -> None:
        """Remember the auth configuration id ("" forgets it)."""
        if qsettings is None:
            from qgis.core import QgsSettings

            qsettings = QgsSettings()
        if authcfg:
            qsettings.setValue(PREFIX + LICENCE_AUTHCFG_SETTING, authcfg)
        else:
            qsettings.remove(PREFIX + LICENCE_AUTHCFG_SETTING)

    # -- the folder dialog's last choices (state, not a setting: no environment variable, not saved by save()) --
    @staticmethod
    def load_folder_state(qsettings: Any = None) -> dict[str, str]:
        """What the "Basculer un dossier de projets" dialog had last time (FOLDER_KEYS names; "" when never set)."""
        if qsettings is None:
            from qgis.core import QgsSettings

            qsettings = QgsSettings()
        return {name: str(qsettings.value(PREFIX + key, "") or "") for name, key in FOLDER_KEYS.items()}

    @staticmethod
    def save_folder_state(values: Mapping[str, Any], qsettings: Any = None) -> None:
        """Remember the given FOLDER_KEYS fields (others are left as they are); an empty value is removed."""
        if qsettings is None:
            from qgis.core import QgsSettings

            qsettings = QgsSettings()
        for name, value in values.items():
            key = FOLDER_KEYS.get(name)
            if key is None:
                continue
            if value in (None, "", False):
                qsettings.remove(PREFIX + key)
            else:
                qsettings.setValue(PREFIX + key, "1" if value is True else str(value))

    # -- what the other modules ask for -------------------------------------------------------------------
    @property
    def refresh_interval(self) -> timedelta:
        return timedelta(hours=self.refresh_interval_hours)

    def sources(self) -> dict[str, str]:
        """The documents one catalogue refresh reads (catalog.refresh keys).

        WMS-V comes last: a slow or failing WMS vector service never delays the others, and without its
        document the WMS-V entries still come from IGN's services list (catalog.parse).
        """
        return {
            "wmts": self.wmts_url,
            "wms-r": self.wms_r_url,
            "wfs": self.wfs_url,
            "tms": self.tms_url,
            "services": self.services_url,
            "wms-v": self.wms_v_url,
        }


# The folder dialog's remembered fields, QgsSettings keys below PREFIX: "folder" or "files", the chosen path(s),
# "in_place" or "output", the output folder, "1" for a dry run, and the input folder of the last run started
# (where the restore tool opens).
FOLDER_KEYS: dict[str, str] = {
    "input_kind": "folder_dialog/input_kind",
    "inputs": "folder_dialog/inputs",
    "target": "folder_dialog/target",
    "output_dir": "folder_dialog/output_dir",
    "dry_run": "folder_dialog/dry_run",
    "last_processed": "folder_dialog/last_processed",
}

LICENCE_AUTHCFG_SETTING = "private_key_authcfg"  # below PREFIX: the key bascule/private_key.py always used

# The refresh record's QgsSettings keys below PREFIX (last_success is the key the refresh always used).
RECORD_KEYS: dict[str, str] = {
    "last_success": "catalog/last_refresh",
    "last_attempt": "catalog/last_attempt",
    "failures": "catalog/failures",
    "error": "catalog/last_error",
}


@dataclass(frozen=True)
class RefreshRecord:
    """What the last catalogue refreshes did: the last success, the last attempt, failures in a row and why."""

    last_success: datetime | None = None
    last_attempt: datetime | None = None
    failures: int = 0  # failed attempts since the last success (0: the last attempt succeeded, or none yet)
    error: str = ""  # the last failure's reason (empty after a success)

    def succeeded(self, when: datetime) -> RefreshRecord:
        return RefreshRecord(last_success=when, last_attempt=when, failures=0, error="")

    def failed(self, when: datetime, reason: str) -> RefreshRecord:
        return RefreshRecord(self.last_success, when, self.failures + 1, reason[:500])


def _parse_when(raw: Any) -> datetime | None:
    try:
        value = datetime.fromisoformat(str(raw)) if raw else None
    except ValueError:
        return None
    return value.replace(tzinfo=timezone.utc) if value and value.tzinfo is None else value


def _coerce(name: str, raw: Any, default: Any) -> Any:
    """QgsSettings hands back strings from the ini file: turn them into the field's type."""
    if raw is None or raw == "":
        return default if name != "network_authcfg" else ""
    if isinstance(default, bool):
        return raw if isinstance(raw, bool) else _parse_bool(str(raw))
    if isinstance(default, int):
        return _parse_hours(str(raw))
    if name == "log_level":
        return _parse_level(str(raw))
    return str(raw)

