"""The batch's progress hook: called before each file and at the end; a true return stops between files."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import qgis_samples as samples  # noqa: E402

from gpf_bascule.mapping import batch  # noqa: E402


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.qlr", "b.qlr", "c.qlr"):
        (folder / name).write_bytes(samples.qlr())
    return folder


def test_progress_is_reported_before_each_file_and_at_the_end(tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    folder, out = str(_folder(tmp_path)), str(tmp_path / "out")
    results = batch.run([folder], output_dir=out, on_progress=lambda done, total: calls.append((done, total)))
    assert calls == [(0, 3), (1, 3), (2, 3), (3, 3)]
    assert len(results) == 3


def test_a_true_return_stops_between_files(tmp_path: Path) -> None:
    results = batch.run(
        [str(_folder(tmp_path))], output_dir=str(tmp_path / "out"), on_progress=lambda done, total: done == 1
    )
    assert [Path(result.path).name for result in results] == ["a.qlr"]
    assert sorted(path.name for path in (tmp_path / "out").iterdir()) == ["a.qlr"]


def test_without_the_hook_nothing_changes(tmp_path: Path) -> None:
    assert len(batch.run([str(_folder(tmp_path))], output_dir=str(tmp_path / "out"))) == 3


def test_a_failure_while_writing_costs_only_that_file(tmp_path: Path, monkeypatch) -> None:
    """The new bytes are built while written: a bug there is reported, the original stays, the batch goes on."""
    from gpf_bascule.mapping.outcome import FILE_ERROR, FILE_MIGRATED, Rewrite

    folder = _folder(tmp_path)
    originals = {path: path.read_bytes() for path in folder.rglob("*") if path.is_file()}
    chunks = Rewrite.chunks
    calls = []

    def failing_once(self):  # noqa: ANN001, ANN202
        calls.append(1)
        if len(calls) == 1:
            yield next(iter(chunks(self)))
            raise MemoryError("simulated")
        yield from chunks(self)

    monkeypatch.setattr(Rewrite, "chunks", failing_once)
    results = batch.run([str(folder)], in_place=True)
    statuses = sorted(result.status for result in results)
    assert statuses.count(FILE_ERROR) == 1 and FILE_MIGRATED in statuses
    failed = next(result for result in results if result.status == FILE_ERROR)
    assert "erreur inattendue (MemoryError: simulated)" in failed.error
    assert Path(failed.path).read_bytes() == originals[Path(failed.path)]  # left as it was
    assert not list(folder.rglob(f"*{batch.TEMP_SUFFIX}"))
