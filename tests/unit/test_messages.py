"""The engine's sentences stay French text for the command line and reports, and remain translatable for the UI.

Every reason and warning the engine gives must be a Message whose templates tools/i18n.py extracts into the .ts
files: otherwise an English QGIS would show it in French.
"""

from __future__ import annotations

import copy
import pickle
from pathlib import Path

from gpf_bascule.catalog.entry import NOTE_PRIVATE, NOTE_SEPARATOR, NOTE_WMS_V, note_messages, note_tms_guess
from gpf_bascule.mapping.engine import migrate_source
from gpf_bascule.mapping.messages import Message, msg, recognise, registry_message, translate_text
from gpf_bascule.mapping.result import UNCHANGED
from gpf_bascule.tests.tool_modules import load_tool

ROOT = Path(__file__).resolve().parents[2]
KEY = "abcdefghijkl0123456789ab"


def _i18n_texts() -> set[str]:
    i18n = load_tool("i18n")
    occurrences, _errors = i18n.extract()
    return set(i18n.unique_texts(occurrences))


EXTRACTED = _i18n_texts()
UPPER = str.upper  # a stand-in translation that shows which parts went through it


def _templates(message: Message) -> set[str]:
    found = {message.template}
    for value in message.fields.values():
        if isinstance(value, Message):
            found |= _templates(value)
    return found


def test_a_message_is_its_french_text():
    message = msg("la couche {name} n'existe plus", name="OCSGE.USAGE.2010")
    assert message == "la couche OCSGE.USAGE.2010 n'existe plus"
    assert isinstance(message, str) and "OCSGE" in message
    assert message.template == "la couche {name} n'existe plus"
    assert translate_text(message) == str(message)


def test_translation_goes_through_the_template_and_nested_messages_but_not_the_values():
    inner = msg("WMS vecteur")
    message = msg("la couche {name} n'est pas publiée par le {service}", name="bu.building", service=inner)
    english = {"la couche {name} n'est pas publiée par le {service}": "{service} does not publish layer {name}",
               "WMS vecteur": "WMS vector"}
    assert message.translated(lambda text: english.get(text, text)) == "WMS vector does not publish layer bu.building"
    only_inner = {"WMS vecteur": "WMS vector"}
    assert message.translated(lambda text: only_inner.get(text, text)) == (
        "la couche bu.building n'est pas publiée par le WMS vector")


def test_a_broken_or_missing_translation_never_hides_the_sentence():
    message = msg("style « {old} » devenu « {new} »", old="normal", new="X")
    assert message.translated(lambda text: "style {unknown}") == "style « normal » devenu « X »"
    assert message.translated(lambda text: "") == "style « normal » devenu « X »"
    assert translate_text("plain text", UPPER) == "plain text"  # only Messages are translated


def test_a_message_survives_copy_and_pickle():
    message = msg("WFS {version} n'est plus servi : version 2.0.0", version="1.1.0")
    for clone in (copy.deepcopy(message), pickle.loads(pickle.dumps(message))):
        assert clone == message and clone.template == message.template and clone.fields == {"version": "1.1.0"}


def test_recognise_turns_text_back_into_its_message():
    guess = note_tms_guess(0, 18)
    found = recognise(str(guess), (NOTE_WMS_V, guess.template, NOTE_PRIVATE))
    assert isinstance(found, Message) and found.template == guess.template and found.fields == {"low": "0",
                                                                                                 "high": "18"}
    assert recognise("something else", (guess.template,)) == "something else"
    assert not isinstance(recognise("something else", (guess.template,)), Message)
    parts = note_messages(NOTE_SEPARATOR.join([str(guess), NOTE_PRIVATE]))
    assert [part.template for part in parts] == [guess.template, NOTE_PRIVATE.template]
    assert {NOTE_WMS_V.template, guess.template, NOTE_PRIVATE.template} <= EXTRACTED


OLD_SOURCES = [
    ("wms", "crs=EPSG:3857&format=image/png&layers=ORTHOIMAGERY.ORTHOPHOTOS.ORTHO-EXPRESS.2022&styles=normal"
            "&tileMatrixSet=PM&url=https://wxs.ign.fr/ortho/geoportail/wmts"),
    ("wms", "crs=EPSG:2154&format=image/png&layers=PROTECTEDAREAS.ZNIEFF1&styles=normal&tileMatrixSet=LAMB93"
            f"&url=https://wxs.ign.fr/{KEY}/geoportail/wmts&username=bob&password=secret"),
    ("wms", "crs=EPSG:2154&format=image/png&layers=ORTHOIMAGERY.ORTHOPHOTOS&layers=OCSGE.USAGE.2010"
            "&layers=NOPE.NOPE&styles&styles&styles&url=https://wxs.ign.fr/ortho/geoportail/r/wms?VERSION%3D1.1.1"),
    ("wms", "crs=EPSG:2154&format=image/png&layers=ORTHOIMAGERY.ORTHOPHOTOS&styles=fancy"
            "&url=https://wxs.ign.fr/ortho/geoportail/r/wms?VERSION%3D1.1.1"),
    ("wms", "crs=EPSG:2154&format=image/png&layers=BU.Building&styles&url=https://wxs.ign.fr/inspire/inspire/v/wms"),
    ("wms", f"crs=EPSG:2154&format=image/png&layers=SCAN100_PYR-JPEG_WLD_WM&styles&url=https://wxs.ign.fr/{KEY}/"
            "geoportail/r/wms"),
    ("wms", f"url=https://wxs.ign.fr/{KEY}/geoportail/wmts"),
    ("wms", "https://wxs.ign.fr/ortho/geoportail/r/wms?"),
    ("wms", "crs=EPSG:3857&format=image/png&layers=X&styles=normal&tileMatrixSet=PM"
            "&url=https://wxs.ign.fr/ortho/geoportail/ols"),
    ("WFS", "srsname='EPSG:2154' typename='BDTOPO_V3:batiment' url='https://wxs.ign.fr/topographie/geoportail/wfs' "
            "version='1.1.0' sql='SELECT * FROM batiment WHERE intersects(the_geom, $geometry)'"),
    ("WFS", "srsname='EPSG:2154' typename='tn-ro:RoadLink' url='https://wxs.ign.fr/inspire/inspire/wfs'"),
    ("vectortile", "styleUrl=https://wxs.ign.fr/static/vectorTiles/styles/PLAN.IGN/essentiels/unknown.json"
                   "&type=xyz&url=https://wxs.ign.fr/essentiels/geoportail/tms/1.0.0/PLAN.IGN/%7Bz%7D/%7Bx%7D/"
                   "%7By%7D.pbf&zmax=18&zmin=0"),
    ("gdal", "WMTS:https://wxs.ign.fr/ortho/geoportail/wmts?SERVICE=WMTS&REQUEST=GetCapabilities"),
]


def test_every_reason_and_warning_of_the_engine_is_an_extracted_message():
    seen: set[str] = set()
    for provider, source in OLD_SOURCES:
        result = migrate_source(provider, source)
        assert result.status != UNCHANGED, source
        for text in ([result.reason] if result.reason else []) + list(result.warnings):
            assert isinstance(text, Message), (source, text)
            missing = _templates(text) - EXTRACTED
            assert not missing, (source, missing)
            seen |= _templates(text)
    assert len(seen) >= 15  # the sources above reach most of the engine's sentences


def test_registry_reasons_are_extracted_and_reach_users_as_messages():
    result = migrate_source("wms", OLD_SOURCES[0][1])
    assert result.reason and isinstance(result.reason, Message) and result.reason.template in EXTRACTED
    assert registry_message("x").template == "x"
