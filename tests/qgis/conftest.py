"""Headless-QGIS fixtures: QGIS believes data.geopf.fr answers, with the recorded GPF documents.

The server itself is in fake_gpf.py (tools/make_demo_project.py uses it too); see its docstring for what is
recorded and what is generated.
"""

from __future__ import annotations

import logging
import os
import socket
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from gpf_bascule.tests.qgis.fake_gpf import FakeGpf, redirected, running

logging.getLogger("werkzeug").setLevel(logging.WARNING)  # one line per tile request drowns a failure's log

# The plugin's own modules (gpf_bascule and its subpackages; not the test helpers under gpf_bascule.tests).
# Python matches a filter's module regex at the start of the calling frame's __name__.
PLUGIN_MODULES = r"gpf_bascule(\.(?!tests(\.|$))|$)"


def pytest_configure(config: pytest.Config) -> None:
    """GPF_QGIS_STRICT=1: a deprecated QGIS API called from the plugin's code fails the test (QGIS 4 removed them).

    sip's deprecated methods warn with DeprecationWarning attributed to the calling Python frame. The filter is an
    ini `filterwarnings` line because pytest re-applies those around every test (a filter set here with
    `warnings.filterwarnings` would be reset); it comes after pytest's own `always::DeprecationWarning`, so it wins.
    """
    if os.environ.get("GPF_QGIS_STRICT") == "1":
        config.addinivalue_line("filterwarnings", f"error::DeprecationWarning:{PLUGIN_MODULES}")


@pytest.fixture(scope="session")
def gpf_server(shared_data: Path) -> Iterator[tuple[FakeGpf, HTTPServer]]:
    """One loopback server for the session (its port never changes, so nothing stale can be cached)."""
    with running(shared_data) as (fake, server):
        yield fake, server


def closed_port() -> int:
    """A loopback port nobody listens on: requests sent there are refused at once."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def offline() -> Iterator[None]:
    """Every request QGIS makes is refused (a closed loopback port): no layer of an old project loads."""
    with redirected(f"http://127.0.0.1:{closed_port()}"):
        yield


@pytest.fixture
def fake_gpf(gpf_server: tuple[FakeGpf, HTTPServer]) -> Iterator[FakeGpf]:
    """Make QGIS believe data.geopf.fr answers (and that every other host is offline) for one test.

    The request pre-processor is removed when the test ends.
    """
    fake, server = gpf_server
    fake.clear()
    with redirected(f"http://{server.host}:{server.port}"):
        yield fake


@pytest.fixture
def project(qgis_iface):
    """The QGIS project singleton, emptied before and after the test so that no layer outlives it.

    pytest-qgis shows a read project on its canvas, which would then fetch tiles at any moment (even after the
    test); its rendering is switched off so that every request comes from the test itself. Backup hooks a
    bascule armed are disarmed.
    """
    from qgis.core import QgsProject

    canvas = qgis_iface.mapCanvas()
    canvas.setRenderFlag(False)
    instance = QgsProject.instance()
    instance.clear()
    yield instance
    bascule = sys.modules.get("gpf_bascule.bascule.project_bascule")
    if bascule is not None:
        bascule.BackupGuard.disarm_all()
    canvas.setLayers([])
    instance.clear()
    canvas.setRenderFlag(True)


@pytest.fixture
def clean_settings(qgis_app, monkeypatch):
    """No stored gpf_bascule value and no GPF_BASCULE_* variable, before and after the test."""
    import os

    from qgis.core import QgsSettings

    from gpf_bascule.settings import KEYS, PREFIX, RECORD_KEYS

    keys = [*KEYS.values(), *RECORD_KEYS.values()]  # and the catalogue refresh's record (last attempt, failures)
    for variable in [name for name in os.environ if name.startswith("GPF_BASCULE_")]:
        monkeypatch.delenv(variable)
    for key in keys:
        QgsSettings().remove(PREFIX + key)
    yield
    for key in keys:
        QgsSettings().remove(PREFIX + key)


@pytest.fixture
def project_without_old_sources(project, tmp_path):
    """A saved .qgz whose one layer (OpenStreetMap tiles) is none of IGN's; the project is left empty."""
    from qgis.core import QgsRasterLayer

    path = tmp_path / "sans_geoportail.qgz"
    tiles = "type=xyz&url=https://tile.openstreetmap.org/%7Bz%7D/%7Bx%7D/%7By%7D.png"
    project.addMapLayer(QgsRasterLayer(tiles, "OpenStreetMap", "wms"))
    assert project.write(str(path))
    project.clear()
    return path


class BarIface:
    """The part of QGIS's interface the plugin's messages use, with a real QgsMessageBar."""

    def __init__(self, parent) -> None:  # noqa: ANN001
        from qgis.gui import QgsMessageBar

        self.bar = QgsMessageBar(parent)
        self.window = parent

    def messageBar(self):  # noqa: N802, ANN201
        return self.bar

    def mainWindow(self):  # noqa: N802, ANN201
        return self.window


@pytest.fixture
def bar_iface(qgis_iface, project):
    """An interface whose message bar is a real one of its own; the plugin's items are cleared after the test."""
    from gpf_bascule.log import clear_messages

    stub = BarIface(qgis_iface.mainWindow())
    yield stub
    clear_messages()
    stub.bar.clearWidgets()


@pytest.fixture(scope="module")
def processing_module():
    """QGIS's own Processing framework (as the desktop starts it) and our provider in its registry."""
    plugins = "/usr/share/qgis/python/plugins"
    if plugins not in sys.path:
        sys.path.append(plugins)
    import processing
    from processing.core.Processing import Processing

    from gpf_bascule.processing_provider.provider import ProcessingRegistration

    Processing.initialize()
    registration = ProcessingRegistration()
    registration.register()
    processing.registration = registration  # the tests that remove the provider put it back through it
    yield processing
    registration.unregister()
