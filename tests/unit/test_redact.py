"""Secrets never reach a log or a report."""

import pytest

from gpf_bascule.mapping.redact import redact

KEY = "abcdefghijkl0123456789ab"


@pytest.mark.parametrize("text, secret", [
    (f"url=https://wxs.ign.fr/{KEY}/geoportail/wmts", KEY),
    (f"http://gpp3-wxs.ign.fr/{KEY}/geoportail/wmts", KEY),
    (f"https://wxs-gpu.mongeoportail.ign.fr/externe/{KEY}/wfs/v", KEY),
    ("url=https://data.geopf.fr/private/wmts?apikey%3Dmy-secret-key%26SERVICE%3DWMTS", "my-secret-key"),
    ("https://data.geopf.fr/private/wmts?SERVICE=WMTS&apikey=my-secret-key", "my-secret-key"),
    ("layers=a&username=jean.dupont&password=s3cr3t", "s3cr3t"),
    ("layers=a&username=jean.dupont&password=s3cr3t", "jean.dupont"),
    ("typename='a' username='jean' password='it\\'s secret' url='x'", "secret"),
    ("authcfg=ab12cd3&layers=a", "ab12cd3"),
    ("<wms authcfg=\"ab12cd3\" name=\"x\"/>", "ab12cd3"),
    ("https://jean:s3cr3t@wxs.ign.fr/ortho/geoportail/wmts", "s3cr3t"),
])
def test_secrets_are_masked(text, secret):
    masked = redact(text)
    assert secret not in masked
    assert "***" in masked


def test_public_thematic_keys_stay_readable():
    assert redact("https://wxs.ign.fr/ortho/geoportail/wmts") == "https://wxs.ign.fr/ortho/geoportail/wmts"


def test_text_without_secret_is_unchanged():
    text = "contextualWMSLegend=0&crs=EPSG:3857&format=image/png&layers=X&styles&url=https://data.geopf.fr/wmts"
    assert redact(text) == text
    assert redact("") == ""
