"""Catalogue entries load as valid QGIS layers against the recorded GPF capabilities (served on loopback).

What is checked: every free WMTS, WMS-R and WFS entry of the bundled snapshot (built from the recorded
documents with the project's builder when no snapshot is bundled) is created with the dock's own
`create_layer` while the fake GPF answers in data.geopf.fr's place, and must be valid. Private (needs-key)
entries are counted and skipped: their capabilities under data.geopf.fr/private were not recorded.

Why a sample by default, and the whole catalogue on demand (GPF_ALL_LAYERS=1):
QGIS keeps no parsed capabilities per URL. Its WMS/WMTS and WFS providers download them for every layer they
open (QgsWmsCapabilitiesDownload / the WFS GetCapabilities request, PreferCache), and only Qt's network disk
cache could spare the download; the fake GPF answers `Cache-Control: no-store` on purpose (nothing stale may
be served), and the parsing happens per layer anyway. Measured (QGIS 3.22, 2026-11): ~0.10 s per WMTS layer
(the 2 MB document), ~0.02 s per WMS-R layer, ~0.15 s per WFS layer (capabilities, DescribeFeatureType and the
feature count): 2 min 48 s for the 1,577 free entries (all valid) — eight times the rest of the QGIS suite.
So by default each service is checked on a deterministic sample: one entry for every distinct combination
of what the builder writes into the URI (WMTS: TileMatrixSet, format, kind of style; WMS-R: format, CRS, kind
of style; WFS: CRS and version), every Nth entry by name, and the layers users open first. The
sampled raster layers are also drawn once, so that a style, matrix set or format QGIS accepts but GPF would
refuse (the fake server refuses it like GPF) is caught. The full run is one environment variable away.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import parse_qsl

import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsMapLayer,
    QgsMapRendererSequentialJob,
    QgsMapSettings,
    QgsProject,
    QgsRasterLayer,
    QgsRectangle,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QSize

from gpf_bascule.catalog.entry import Catalog, CatalogEntry
from gpf_bascule.tests.qgis.catalog_samples import realistic_catalog

ALL = os.environ.get("GPF_ALL_LAYERS", "") not in ("", "0")
STRIDE = {"wmts": 25, "wms-r": 15, "wfs": 40}  # every Nth entry by name, on top of the combinations
MUST = {
    "ORTHOIMAGERY.ORTHOPHOTOS", "GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2", "CADASTRALPARCELS.PARCELLAIRE_EXPRESS",
    "ELEVATION.SLOPES", "ELEVATION.CONTOUR.LINE:courbe", "BDTOPO_V3:batiment", "ADMINEXPRESS-COG.LATEST:commune",
}
FRANCE = QgsRectangle(2.3, 48.83, 2.4, 48.89)  # a small piece of Paris, in WGS 84


@pytest.fixture(scope="module")
def catalog(shared_data: Path) -> Catalog:
    """The bundled snapshot (what users get); the recorded documents rebuilt when none is bundled."""
    return realistic_catalog(shared_data)


def _params(entry: CatalogEntry) -> dict[str, str]:
    if entry.provider.lower() == "wfs":
        return {k: v.strip("'") for k, _, v in (p.partition("=") for p in entry.uri.split(" ")) if v}
    return dict(parse_qsl(entry.uri, keep_blank_values=True))


def combination(entry: CatalogEntry) -> tuple:
    """What the builder writes into the URI besides the layer's own name."""
    params = _params(entry)
    style = params.get("styles", "")
    kind = "own" if style and style == entry.name else (style if style in ("", "normal") else "other")
    if entry.service == "wmts":
        return (params.get("tileMatrixSet"), params.get("format"), kind, params.get("crs"))
    if entry.service == "wms-r":
        return (params.get("format"), params.get("crs"), kind)
    return (params.get("srsname"), params.get("version"))


def sample(entries: list[CatalogEntry], stride: int) -> list[CatalogEntry]:
    """Deterministic: first entry (by name) of each combination, every `stride`-th entry, the usual layers."""
    ordered = sorted(entries, key=lambda e: e.name)
    chosen: dict[str, CatalogEntry] = {}
    seen: set[tuple] = set()
    for position, entry in enumerate(ordered):
        key = combination(entry)
        if key not in seen or position % stride == 0 or entry.name in MUST:
            seen.add(key)
            chosen[entry.name] = entry
    return list(chosen.values())


def _create(entry: CatalogEntry) -> QgsMapLayer:
    """The dock's loader when present (the path users take), else the plain provider."""
    try:
        from gpf_bascule.ui.layer_loader import create_layer
    except ImportError:
        if entry.provider.lower() == "wfs":
            return QgsVectorLayer(entry.uri, entry.title, "WFS")
        return QgsRasterLayer(entry.uri, entry.title, entry.provider)
    return create_layer(entry)


def _draw(layer: QgsMapLayer, entry: CatalogEntry) -> None:
    """Render a 256-pixel view inside the layer's extent (Paris when unknown): the provider asks for tiles/maps."""
    settings = QgsMapSettings()
    settings.setLayers([layer])
    settings.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:3857"))
    settings.setOutputSize(QSize(256, 256))
    to_map = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"), settings.destinationCrs(),
                                    QgsProject.instance())
    view = FRANCE
    if entry.bbox:
        x, y = (entry.bbox[0] + entry.bbox[2]) / 2, (entry.bbox[1] + entry.bbox[3]) / 2
        view = QgsRectangle(x - 0.05, y - 0.03, x + 0.05, y + 0.03)
    extent = to_map.transformBoundingBox(view)
    settings.setExtent(extent)
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()


def check(entries: Iterable[CatalogEntry], fake, draw: bool) -> tuple[int, list[str]]:  # noqa: ANN001
    """Create each layer; when `draw`, also render each raster one and require a tile/map request for it."""
    problems = []
    count = 0
    for entry in entries:
        count += 1
        layer = _create(entry)
        if not layer.isValid():
            problems.append(f"{entry.service} {entry.name}: {' '.join(layer.error().summary().split())[:200]}")
        elif draw and entry.provider.lower() == "wms":
            before = len(fake.seen())
            _draw(layer, entry)
            if not any(r.operation in ("gettile", "getmap") for r in fake.seen()[before:]):
                problems.append(f"{entry.service} {entry.name}: drawn without asking GPF for a tile or map")
        del layer
    return count, problems


def _figure(request: pytest.FixtureRequest, line: str) -> None:
    request.config.__dict__.setdefault("_gpf_figures", []).append(line)


@pytest.mark.parametrize("service", ["wmts", "wms-r", "wfs"])
def test_entries_load_as_valid_layers(service: str, catalog: Catalog, fake_gpf, request) -> None:
    entries = catalog.by_service(service)
    free = [entry for entry in entries if not entry.needs_key]
    assert free, f"no {service} entry in the catalogue"
    chosen = free if ALL else sample(free, STRIDE[service])
    combinations = len({combination(entry) for entry in free})
    started = time.perf_counter()
    count, problems = check(chosen, fake_gpf, draw=not ALL)
    elapsed = time.perf_counter() - started
    refused = [f"{r.path} {r.args.get('LAYER') or r.args.get('LAYERS') or ''}: {r.reason}" for r in fake_gpf.refused()]
    _figure(request, f"catalogue layers valid [{service}]: {count - len(problems)}/{count} loaded "
                     f"({'all' if ALL else 'sample'} of {len(free)} free entries, {combinations} URI combinations, "
                     f"{len(entries) - len(free)} private skipped) in {elapsed:.1f} s")
    assert not problems, "\n".join(problems[:30])
    assert not refused, "GPF would refuse:\n" + "\n".join(sorted(set(refused))[:30])


def test_the_sample_covers_every_combination(catalog: Catalog) -> None:
    for service, stride in STRIDE.items():
        free = [entry for entry in catalog.by_service(service) if not entry.needs_key]
        chosen = sample(free, stride)
        assert {combination(e) for e in chosen} == {combination(e) for e in free}
        assert len(chosen) < len(free) / 2  # or the sample saves nothing
        assert sample(free, stride) == chosen  # deterministic
