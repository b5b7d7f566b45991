"""The correspondence registry: the data files under `mapping/registry/`, loaded once.

Everything the engine knows about the switch lives in those CSV files, each row with its evidence,
so that a reviewer reads the rules without reading code:

- `endpoints.csv`: old host + path → GPF service (the key in the path is captured and dropped);
- `gpf_services.csv`: the free and private GPF address of each service;
- `gpf_layers.csv`: the layers GPF publishes, with linked styles, TileMatrixSets and formats — derived
  from the recorded capabilities by `tools/build_registry.py`, never edited by hand;
- `layer_rules.csv`: decisions for old layers that are not published under the same name and service
  (renames, moves, removals), with the reason a user reads;
- `wmts_style_renames.csv`: old WMTS style → GPF style (derived);
- `vectortile_styles.csv`: path renames of the vector-tile style files.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

REGISTRY_DIR = Path(__file__).resolve().parent / "registry"

FREE = "free"
PRIVATE = "private"


@dataclass(frozen=True)
class Endpoint:
    """One old address: a host and a path pattern that lead to a GPF service."""

    id: str
    host: str
    path: re.Pattern
    service: str
    evidence: str


@dataclass(frozen=True)
class EndpointMatch:
    endpoint: Endpoint
    key: str  # the Géoportail key found in the path ("" when there is none)
    tail: str  # what follows the matched path, e.g. "/PLAN.IGN/{z}/{x}/{y}.pbf"

    @property
    def service(self) -> str:
        return self.endpoint.service


@dataclass(frozen=True)
class GpfLayer:
    """A layer that GPF publishes, with what its capabilities link to it (first = default)."""

    service: str
    name: str
    access: str
    tile_matrix_sets: tuple[str, ...] = ()
    crs: str = ""
    styles: tuple[str, ...] = ()
    formats: tuple[str, ...] = ()

    @property
    def private(self) -> bool:
        return self.access == PRIVATE


@dataclass(frozen=True)
class LayerRule:
    """A decision for an old layer that GPF does not publish under the same service and name."""

    service: str
    old_name: str
    decision: str  # "rename" (migrate to new_service/new_name) or "removed" (unmapped)
    new_service: str
    new_name: str
    reason: str
    evidence: str


def _rows(name: str, directory: Path) -> list[dict[str, str]]:
    with (directory / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _words(value: str) -> tuple[str, ...]:
    return tuple(v for v in value.split("|") if v)


class Registry:
    """Read-only view of the registry files, with the look-ups the engine needs."""

    def __init__(self, directory: Path = REGISTRY_DIR):
        self.directory = directory
        self.endpoints = [
            Endpoint(r["id"], r["host"].lower(), re.compile(r["path"], re.IGNORECASE), r["service"], r["evidence"])
            for r in _rows("endpoints.csv", directory)
        ]
        self._by_host: dict[str, list[Endpoint]] = {}
        for endpoint in self.endpoints:
            self._by_host.setdefault(endpoint.host, []).append(endpoint)
        self.old_hosts = frozenset(self._by_host)
        self.service_urls = {
            r["service"]: (r["free_url"], r["private_url"]) for r in _rows("gpf_services.csv", directory)
        }
        self.layers: dict[tuple[str, str], GpfLayer] = {}
        for r in _rows("gpf_layers.csv", directory):
            layer = GpfLayer(
                r["service"], r["name"], r["access"], _words(r["tile_matrix_sets"]), r["crs"],
                _words(r["styles"]), _words(r["formats"]),
            )
            known = self.layers.get((layer.service, layer.name))
            if known is None or (known.private and not layer.private):  # a free layer wins over a private twin
                self.layers[(layer.service, layer.name)] = layer
        self.rules = {
            (r["service"], r["old_name"]): LayerRule(
                r["service"], r["old_name"], r["decision"], r["new_service"], r["new_name"], r["reason"], r["evidence"]
            )
            for r in _rows("layer_rules.csv", directory)
        }
        self.style_renames = {
            (r["layer"], r["old_style"]): r["new_style"] for r in _rows("wmts_style_renames.csv", directory)
        }
        self.vectortile_style_renames = [(r["old"], r["new"]) for r in _rows("vectortile_styles.csv", directory)]
        hosts = "|".join(re.escape(h) for h in sorted(self.old_hosts, key=len, reverse=True))
        # A host ends where no name character follows: `wxs.ign.fr.` (a final dot, the same host for DNS) is one,
        # `wxs.ign.fr.example.org` is not.
        self.old_host_pattern = re.compile(rf"(?<![\w.-])(?:{hosts})(?![\w-]|\.[\w-])", re.IGNORECASE)

    def mentions_old_host(self, text: str) -> bool:
        """Cheap first test: does the text name any old Géoportail host at all?"""
        return self.old_host_pattern.search(text) is not None

    def match_endpoint(self, host: str, path: str) -> EndpointMatch | None:
        """Find the endpoint rule for an old URL's host and path (path without the leading '/')."""
        for endpoint in self._by_host.get(host.lower(), ()):
            found = endpoint.path.match(path)
            if found and (found.end() == len(path) or path[found.end()] == "/"):
                return EndpointMatch(endpoint, found.groupdict().get("key") or "", path[found.end():])
        return None

    def layer(self, service: str, name: str) -> GpfLayer | None:
        return self.layers.get((service, name))

    def rule(self, service: str, name: str) -> LayerRule | None:
        return self.rules.get((service, name))

    def service_url(self, service: str, private: bool = False) -> str:
        free, restricted = self.service_urls[service]
        return restricted if private else free


@lru_cache(maxsize=4)
def load_registry(directory: Path | None = None) -> Registry:
    """The registry, loaded once per process (it is read-only)."""
    return Registry(directory or REGISTRY_DIR)
