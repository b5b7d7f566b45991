"""Mask secrets before any source reaches a log, a report or the screen.

Old Géoportail URLs carried a personal key in the path (`wxs.ign.fr/{key}/geoportail/...`), and
sources may hold `username=`, `password=`, `apikey=` or `authcfg=` values, or `user:password@` in a URL.
The thematic keys (`ortho`, `cartes`, ...) are public names, kept because they help to read a report.

The rules are the engine's own, not a second list: the old hosts and the place of the key come from the
registry's endpoint rules, the parameter names from provider_uri.SECRET_PARAMS (which the engine drops), so
a key the engine can read is a key the redaction masks, whatever the spelling (port, trailing dot, doubled
or percent-encoded slashes, encoded separators inside a value).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .provider_uri import SECRET_ELEMENTS, SECRET_PARAMS
from .registry import load_registry

MASK = "***"

# Public Géoportail keys (gpf-data README: the thematic keys, which survive as GPF themes, and the
# generic keys seen in real files). Any other path key is treated as personal.
PUBLIC_KEYS = frozenset(
    """administratif adresse agriculture altimetrie bdfrance-topo-beta cartes cartovecto clc decouverte economie
    enr environnement essentiels foret geodesie lambert93 ocsge ocsge-ng ortho orthohisto parcellaire satellite
    sol topographie transports pratique choisirgeoportail beta cadastre corinelandcover inspire static catalogue
    calcul""".split()
)

# How a separator may be written: as is, percent-encoded once, or more (`%2F`, `%252F`, ...).
_ENCODED = "%(?:25)*"
_SLASHES = rf"(?:/|{_ENCODED}2F)+"  # the engine reads `host//key` as `host/key` (it strips leading slashes)
# After the host: a trailing dot (the same host for DNS) and a port, which the engine ignores.
_HOST_TAIL = rf"(?:\.|{_ENCODED}2E)?(?:(?::|{_ENCODED}3A)\d*)?"
_KEY_VALUE = rf"(?:(?!{_ENCODED}(?:2F|3F|23|26|22|27|3C|3E|20))[^/?&#'\"\s<>\\])+"
_SECRET_ELEMENT = re.compile(
    r"(?P<open>(?:<|&lt;)(?P<tag>{})\b[^<>]*?(?:>|&gt;))(?P<value>(?:(?!<|&lt;).)*)".format(
        "|".join(SECRET_ELEMENTS)),
    re.IGNORECASE | re.DOTALL,
)
_PARAM_NAME = re.compile(
    # a name starts a word, or follows an encoded separator (`%3F`, `%253F`, ... end with a letter)
    r"(?:(?<![A-Za-z_])|(?<=%[0-9A-Fa-f]{{2}})|(?<=%25[0-9A-Fa-f]{{2}})|(?<=%2525[0-9A-Fa-f]{{2}}))(?P<name>{})(?P<sep>=|{}3D)".format(
        "|".join(re.escape(name) for name in sorted(SECRET_PARAMS, key=len, reverse=True)), _ENCODED),
    re.IGNORECASE,
)
_IN_QUERY = re.compile(rf"(?:[?&]|&amp;|{_ENCODED}(?:3F|26))\Z", re.IGNORECASE)
_QUOTED = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"")
_USERINFO = re.compile(
    # as is: everything up to the last '@' before the path; encoded: up to the last encoded '@' (either is
    # tried where a scheme starts, so `url=https%3A%2F%2Fuser%3Apass%40host` is caught as well)
    rf"(?<![a-z0-9+.-])(?:(?P<scheme>[a-z][a-z0-9+.-]*://)[^/?#\s'\"<>]+@"
    rf"|(?P<encoded>[a-z][a-z0-9+.-]*(?::|{_ENCODED}3A)(?:/|{_ENCODED}2F){{2}})"
    rf"(?:(?!{_ENCODED}(?:2F|3F|23))[^/?#&\s'\"<>])+{_ENCODED}40)",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def _path_key() -> re.Pattern:
    """Where a key sits in an old address, from the registry's endpoint rules (the part before `(?P<key>`).

    The engine finds the key with the same rules; this pattern also accepts the spellings that lead to the same
    address (port, trailing dot, doubled or percent-encoded slashes), so that no spelling hides a key.
    """
    prefixes: dict[str, set[str]] = {}
    for endpoint in load_registry().endpoints:
        pattern = endpoint.path.pattern
        if "(?P<key>" in pattern:
            prefixes.setdefault(endpoint.host, set()).add(pattern.split("(?P<key>")[0].replace("/", _SLASHES))
    heads = "|".join(
        rf"{re.escape(host)}{_HOST_TAIL}{_SLASHES}(?:{'|'.join(sorted(prefixes[host], key=len, reverse=True))})"
        for host in sorted(prefixes, key=len, reverse=True)
    )
    return re.compile(rf"(?P<head>(?:{heads}))(?P<key>{_KEY_VALUE})", re.IGNORECASE)


def _mask_key(match: re.Match) -> str:
    key = match.group("key")
    return match.group(0) if key.lower() in PUBLIC_KEYS else match.group("head") + MASK


def _mask_params(text: str) -> str:
    """Mask the value of each secret parameter, as deep in the encoding as its `=` is.

    `password=p%26q` is one value (`&` ends it), whereas in `url=...%3Fapikey%3DKEY%26SERVICE%3DWMTS` the
    value ends at `%26`: a value ends at a separator encoded no deeper than its `=`.
    """
    out: list[str] = []
    cursor = 0
    for found in _PARAM_NAME.finditer(text):
        if found.start() < cursor:
            continue  # inside a value already masked
        in_query = _IN_QUERY.search(text, max(0, found.start() - 32), found.start())
        if found.group("name").lower() == "key" and not in_query:
            continue  # QgsDataSourceUri's primary-key column, not a key
        start = found.end()
        quoted = _QUOTED.match(text, start)
        if quoted:
            end, masked = quoted.end(), text[start] + MASK + text[start]
        else:
            depth = (len(found.group("sep")) - 3) // 2  # `=` 0, `%3D` 0, `%253D` 1 ... (as `%26` levels)
            levels = "" if found.group("sep") == "=" else f"%(?:25){{0,{depth}}}26|"
            stop = re.compile(rf"{levels}[&\s'\"<>]", re.IGNORECASE).search(text, start)
            end, masked = (stop.start() if stop else len(text)), MASK
        if end == start:
            continue
        out.append(text[cursor:start] + masked)
        cursor = end
    out.append(text[cursor:])
    return "".join(out)


def _mask_userinfo(match: re.Match) -> str:
    if match.group("scheme"):
        return match.group("scheme") + MASK + "@"
    at = re.search(rf"{_ENCODED}40\Z", match.group(0), re.IGNORECASE)
    return match.group("encoded") + MASK + at.group(0)


def redact(text: str) -> str:
    """The text with personal keys, credentials and auth ids replaced by ***."""
    if not text:
        return text
    text = _path_key().sub(_mask_key, text)
    text = _SECRET_ELEMENT.sub(lambda m: m.group("open") + (MASK if m.group("value") else ""), text)
    text = _mask_params(text)
    return _USERINFO.sub(_mask_userinfo, text)
