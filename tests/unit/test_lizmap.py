"""A Lizmap project: the .qgs and its .qgs.cfg migrated together; the `externalAccess` copies follow their layers,
the IGN base-layer flags are reported (never the ignKey), the layout of the JSON is kept."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from urllib.parse import unquote

sys.path.insert(0, str(Path(__file__).resolve().parent))
import qgis_samples as samples  # noqa: E402

from gpf_bascule.cli import main  # noqa: E402
from gpf_bascule.mapping import batch, restore  # noqa: E402
from gpf_bascule.mapping.connections import decode_params  # noqa: E402
from gpf_bascule.mapping.lizmap import rewrite_lizmap_cfg  # noqa: E402

IGN_KEY = "xncfzodr1xmo4ou5cf89qlyz"
LAYERS = [samples.LAYERS[0], samples.LAYERS[2], samples.LAYERS[6]]  # WMTS ortho, WMS-R parcelles, local OGR


def external(source: str) -> dict:
    return {key: unquote(value) for key, _sep, value in (part.partition("=") for part in source.split("&"))}


def lizmap_cfg(**options) -> dict:
    layer = {"id": "ortho_1", "name": "Photographies aériennes", "type": "layer", "title": "Photographies aériennes",
             "baseLayer": "False", "externalWmsToggle": "True", "externalAccess": external(samples.WMTS)}
    parcelles = {"id": "cadastre_3", "name": "Parcelles", "type": "layer", "externalWmsToggle": "True",
                 "externalAccess": external(samples.WMS_R)}
    return {
        "metadata": {"lizmap_plugin_version_str": "3.9.2", "lizmap_web_client_target_version": 30600},
        "options": {"projection": {"ref": "EPSG:3857"}, "osmMapnik": "True", "ignKey": IGN_KEY, "ignStreets": "True",
                    "ignSatellite": "True", "ignTerrain": "True", "ignCadastral": "False", **options},
        "layers": {"Photographies aériennes": layer, "Parcelles": parcelles,
                   "Communes": {"id": "communes_7", "name": "Communes", "type": "layer"}},
    }


def write_pair(folder: Path, cfg: dict | None = None) -> tuple[Path, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    project = folder / "carte.qgs"
    project.write_bytes(samples.project(LAYERS))
    config = folder / "carte.qgs.cfg"
    config.write_text(json.dumps(cfg or lizmap_cfg(), indent=4), encoding="utf-8")  # as the Lizmap plugin writes
    return project, config


def test_project_and_configuration_are_migrated_together_in_place(tmp_path, capsys):
    project, config = write_pair(tmp_path / "lizmap")
    before = config.read_bytes()
    report = tmp_path / "rapport.json"
    assert main(["migrate", str(tmp_path / "lizmap"), "--in-place", "--report", str(report)]) == 0
    rows = {entry["path"]: entry for entry in json.loads(report.read_text())["files"]}
    assert set(rows) == {str(project), str(config)}
    assert IGN_KEY not in report.read_text()
    new_cfg = json.loads(config.read_text())
    sources = samples.sources_by_id(project.read_bytes())
    for layer_id, name in (("ortho_1", "Photographies aériennes"), ("cadastre_3", "Parcelles")):
        access = new_cfg["layers"][name]["externalAccess"]
        assert access["url"].startswith("https://data.geopf.fr/")
        layer = decode_params(sources[layer_id])  # the copy says what the migrated layer says
        assert {key: access[key] for key in access} == {key: layer.get(key, "") for key in access}
    assert new_cfg["options"] == lizmap_cfg()["options"]  # flags are reported, never changed
    assert config.read_text() == json.dumps(new_cfg, indent=4)  # the plugin's own layout
    assert len(list(config.parent.glob("carte.qgs.cfg.bak-gpf-*"))) == 1
    assert next(config.parent.glob("carte.qgs.cfg.bak-gpf-*")).read_bytes() == before
    flags = {source["id"]: source for source in rows[str(config)]["layers"] if source["id"].startswith("options.")}
    assert set(flags) == {"options.ignStreets", "options.ignSatellite", "options.ignTerrain"}
    assert flags["options.ignTerrain"]["status"] == "needs-key"
    assert "3974" in flags["options.ignStreets"]["reason"]
    capsys.readouterr()
    assert main(["restore", str(tmp_path / "lizmap")]) == 0
    assert config.read_bytes() == before


def test_output_dir_writes_the_configuration_beside_the_project_copy(tmp_path):
    project, config = write_pair(tmp_path / "entree")
    before = config.read_bytes()
    results = batch.run([str(project)], output_dir=str(tmp_path / "sortie"))
    assert [result.status for result in results] == ["migrated", "migrated"]
    assert config.read_bytes() == before
    copy = json.loads((tmp_path / "sortie" / "carte.qgs.cfg").read_text())
    assert "data.geopf.fr" in copy["layers"]["Parcelles"]["externalAccess"]["url"]


def test_dry_run_and_a_configuration_named_twice_is_processed_once(tmp_path):
    project, config = write_pair(tmp_path / "p")
    before = config.read_bytes()
    results = batch.run([str(project), str(config)], in_place=True, dry_run=True)
    assert sorted(result.path for result in results) == sorted([str(project), str(config)])
    assert config.read_bytes() == before


def test_hand_edited_layout_is_kept_and_only_values_change():
    cfg = lizmap_cfg()
    text = json.dumps(cfg, indent=1, ensure_ascii=False).replace('"layers": {', '"layers":   {') + "\n\n"
    result = rewrite_lizmap_cfg(text.encode(), batch.default_migrator())
    assert result.changed
    new = result.data.decode()
    old_lines, new_lines = text.splitlines(), new.splitlines()
    assert len(old_lines) == len(new_lines)
    changed = [(a, b) for a, b in zip(old_lines, new_lines) if a != b]
    assert changed and all('"url"' in a or '"tileMatrixSet"' in a or '"layers"' in a or '"format"' in a
                           or '"styles"' in a for a, _b in changed)
    assert json.loads(new)["options"] == cfg["options"]


def test_flags_without_external_layers_change_nothing():
    data = json.dumps({"options": {"ignStreets": "True", "ignKey": ""}, "layers": {}}, indent=4).encode()
    result = rewrite_lizmap_cfg(data, batch.default_migrator())
    assert not result.changed and result.data is data
    assert [source.id for source in result.sources] == ["options.ignStreets"]


def test_broken_configuration_is_an_error_and_the_project_still_migrates(tmp_path):
    project, config = write_pair(tmp_path / "p")
    config.write_text("{ pas du json")
    results = {result.path: result for result in batch.run([str(tmp_path / "p")], in_place=True)}
    assert results[str(project)].status == "migrated"
    assert results[str(config)].status == "error" and "JSON" in results[str(config)].error
    assert config.read_text() == "{ pas du json"
    assert [result.status for result in restore.restore([str(tmp_path / "p")])] == [restore.RESTORED]


# --- review fixes: other layers holding the same values are never touched; CRLF, indent 2, hand-edited layouts ----

OTHER_ACCESS = {"crs": "EPSG:3857", "format": "image/png", "layers": "fond", "styles": "", "tileMatrixSet": "PM",
                "url": "https://example.org/wmts?SERVICE=WMTS&REQUEST=GetCapabilities"}


def two_layers() -> dict:
    """An IGN WMTS layer and an example.org one sharing `tileMatrixSet: PM` and `styles: ""` (the other one first:
    a text search would meet it before the IGN one)."""
    ign = dict(external(samples.WMTS), styles="")
    return {"options": {"ignStreets": "False"}, "layers": {
        "Fond maison": {"id": "fond_2", "type": "layer", "externalAccess": dict(OTHER_ACCESS)},
        "Ortho IGN": {"id": "ortho_1", "type": "layer", "externalAccess": ign}}}


def styled_migrator():
    """The engine's answer, with a style the IGN layer did not have (so `styles: ""` changes for it only)."""
    from dataclasses import replace

    default = batch.default_migrator()

    def migrate(provider, source):
        migration = default(provider, source)
        if "data.geopf.fr" not in migration.new_source:
            return migration
        return replace(migration, new_source=migration.new_source.replace("styles=&", "styles=normal&"))

    return migrate


def check_only_ign_changed(old: dict, data: bytes) -> dict:
    new = json.loads(data.decode("utf-8-sig"))  # valid JSON
    assert new["layers"]["Fond maison"] == old["layers"]["Fond maison"]
    access = new["layers"]["Ortho IGN"]["externalAccess"]
    assert access["url"].startswith("https://data.geopf.fr/") and access["tileMatrixSet"] != "PM"
    assert access["styles"] == "normal"
    assert new["options"] == old["options"]
    return new


def test_crlf_and_indent_2_files_keep_their_layout_and_other_layers():
    old = two_layers()
    for indent in (4, 2):
        text = json.dumps(old, indent=indent).replace("\n", "\r\n") + "\r\n"
        result = rewrite_lizmap_cfg(b"\xef\xbb\xbf" + text.encode(), styled_migrator())
        assert result.changed
        new = check_only_ign_changed(old, result.data)
        assert result.data == b"\xef\xbb\xbf" + (json.dumps(new, indent=indent).replace("\n", "\r\n") + "\r\n").encode()


def test_hand_edited_file_changes_only_the_values_of_the_ign_layer():
    """Layouts json.dumps(indent=4|2|tab|None) does not reproduce: only the IGN layer's changed values move, every
    other byte stays (the expected file is the same layout applied to the new document)."""
    old = two_layers()
    layouts = {
        "indent 3, CRLF": lambda doc: json.dumps(doc, indent=3).replace("\n", "\r\n"),
        "tabs and odd spaces": lambda doc: json.dumps(doc, indent="\t", separators=(" ,", " :  ")) + "\n",
        "one line, escaped key": lambda doc: json.dumps(doc).replace('"tileMatrixSet"', '"tileMatrix\\u0053et"'),
        "indent 1, raw non-ASCII": lambda doc: json.dumps(doc, indent=1, ensure_ascii=False),
    }
    for layout, write in layouts.items():
        text = write(old)
        result = rewrite_lizmap_cfg(text.encode(), styled_migrator())
        new = check_only_ign_changed(old, result.data)
        assert result.data.decode() == write(new), layout


def test_files_without_an_ign_change_are_byte_identical():
    old = {"layers": {"Fond maison": {"externalAccess": dict(OTHER_ACCESS)}}, "options": {}}
    for text in (json.dumps(old, indent=4).replace("\n", "\r\n") + "\r\n", json.dumps(old, indent=3),
                 json.dumps(old, indent="\t", ensure_ascii=False)):
        data = text.encode()
        result = rewrite_lizmap_cfg(data, batch.default_migrator())
        assert not result.changed and result.data is data
