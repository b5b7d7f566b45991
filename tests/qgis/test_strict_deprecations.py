"""GPF_QGIS_STRICT=1 (see conftest.pytest_configure): QGIS APIs deprecated in 3.x, called from the plugin, fail.

QGIS 4 removed the APIs QGIS 3 deprecated; the QGIS 3.44 job runs the suite in strict mode so that the plugin
calls none. The probe is QgsProject.fileInfo(), SIP_DEPRECATED since QGIS 3.2 (use absoluteFilePath()...) and
still present in 3.44: it warns on every supported version. Code exec'd with `__name__` set is, for the
warnings machinery, code of that module.
"""

from __future__ import annotations

import os

import pytest

pytestmark = pytest.mark.skipif(os.environ.get("GPF_QGIS_STRICT") != "1", reason="GPF_QGIS_STRICT=1 not set")


def call_deprecated_from(module: str) -> None:
    """QgsProject.fileInfo() called by a frame of `module`."""
    from qgis.core import QgsProject

    exec("QgsProject.instance().fileInfo()", {"__name__": module, "QgsProject": QgsProject})  # noqa: S102


@pytest.mark.parametrize("module", ["gpf_bascule", "gpf_bascule.probe", "gpf_bascule.ui.probe"])
def test_deprecated_call_from_the_plugin_is_an_error(qgis_app, module: str) -> None:
    with pytest.raises(DeprecationWarning, match="fileInfo"):
        call_deprecated_from(module)


@pytest.mark.parametrize("module", ["gpf_bascule.tests.qgis.fake_gpf", "gpf_bascule_tool_package", "other_plugin"])
def test_other_code_only_warns(qgis_app, module: str) -> None:
    """Test helpers, the tools/ scripts and other plugins are not the plugin: their deprecations stay warnings."""
    with pytest.warns(DeprecationWarning, match="fileInfo"):
        call_deprecated_from(module)
