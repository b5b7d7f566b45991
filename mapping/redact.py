"""Mask secrets before any source reaches a log, a report or the screen.

Old Géoportail URLs carried a personal key in the path (`wxs.ign.fr/{key}/geoportail/...`), and
sources may hold `username=`, `password=`, `apikey=` or `authcfg=` values, or `user:password@` in a URL.
The thematic keys (`ortho`, `cartes`, ...) are public names, kept because they help to read a report.
"""

from __future__ import annotations

import re

MASK = "***"

# Public Géoportail keys (gpf-data README: the thematic keys, which survive as GPF themes, and the
# generic keys seen in real files). Any other path key is treated as personal.
PUBLIC_KEYS = frozenset(
    """administratif adresse agriculture altimetrie bdfrance-topo-beta cartes cartovecto clc decouverte economie
    enr environnement essentiels foret geodesie lambert93 ocsge ocsge-ng ortho orthohisto parcellaire satellite
    sol topographie transports pratique choisirgeoportail beta cadastre corinelandcover inspire static catalogue
    calcul""".split()
)

_PATH_KEY = re.compile(
    r"(?P<head>(?:wxs|gpp3-wxs)\.ign\.fr/|wxs-gpu\.mongeoportail\.ign\.fr/externe/)(?P<key>[^/?&#'\"\s%]+)",
    re.IGNORECASE,
)
_SECRET_PARAM = re.compile(
    r"(?P<name>(?<![A-Za-z_])(?:apikey|api_key|api-key|username|user|password|passwd|pwd|authcfg|token|access_token))"
    r"(?P<sep>=|%3D)"
    r"(?P<value>'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|(?:(?!%26|&amp;)[^&\s'\"<>])*)",
    re.IGNORECASE,
)
_USERINFO = re.compile(r"(?P<scheme>https?://)[^/@\s'\"]+@", re.IGNORECASE)


def _mask_key(match: re.Match) -> str:
    key = match.group("key")
    return match.group(0) if key.lower() in PUBLIC_KEYS else match.group("head") + MASK


def _mask_param(match: re.Match) -> str:
    value = match.group("value")
    if not value:
        return match.group(0)
    masked = value[0] + MASK + value[-1] if value[0] in "'\"" and len(value) >= 2 else MASK
    return f"{match.group('name')}{match.group('sep')}{masked}"


def redact(text: str) -> str:
    """The text with personal keys, credentials and auth ids replaced by ***."""
    if not text:
        return text
    text = _PATH_KEY.sub(_mask_key, text)
    text = _SECRET_PARAM.sub(_mask_param, text)
    return _USERINFO.sub(lambda m: m.group("scheme") + MASK + "@", text)
