"""QGIS 4 readiness, checked: every Qt name the shipped plugin code uses resolves in PyQt6 (QGIS 4 is Qt 6 only).

Why static: the suite runs on QGIS 3 (PyQt5), where unscoped enums (`Qt.AlignLeft`, `QMessageBox.Yes`), `exec_()`
and classes that Qt 6 moved or removed (`QRegExp`, `QDesktopWidget`, `QAction` in QtWidgets) all still work, and
branches for old QGIS versions never run there at all. So every shipped .py file (the list tools/package.py ships)
is parsed with `ast`; every name imported from `qgis.PyQt.<Module>` and every attribute chain used on such a name
(`Qt.ItemDataRole.UserRole`, `QDialog.exec`...) is resolved in PyQt6 the way QGIS 4's `qgis.PyQt` shim maps it:
`qgis.PyQt.<Module>` is `PyQt6.<Module>` plus the few names the shim adds (QGIS source, python/PyQt/PyQt/*.py.in,
configured with QT_VERSION_MAJOR=6). Chains on instances or local variables are out of scope. PyQt6 is imported
only in a child process (never next to PyQt5 and QGIS in this one).

The same chains are also resolved in this machine's `qgis.PyQt` (Qt 5) when QGIS is installed, so that a Qt 6
spelling is known to work on QGIS 3.22 too, even in a branch the QGIS tests never run.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest

from gpf_bascule.tests.tool_modules import load_tool

ROOT = Path(__file__).resolve().parents[2]
SHIM = "qgis.PyQt"

# What QGIS 4's qgis/PyQt/<Module>.py adds to `from PyQt6.<Module> import *` (python/PyQt/PyQt/*.py.in,
# `if @QT_VERSION_MAJOR@ == 6` branches): names taken from another module, then attributes patched onto classes.
SHIM_MOVED = {"QtWidgets": {"QAction": "QtGui", "QActionGroup": "QtGui", "QShortcut": "QtGui"}}
SHIM_PATCHED = {
    "QtCore": """
        NULL
        QVariant.Invalid QVariant.Bool QVariant.Int QVariant.UInt QVariant.LongLong QVariant.ULongLong
        QVariant.Double QVariant.Char QVariant.Map QVariant.List QVariant.String QVariant.StringList
        QVariant.ByteArray QVariant.BitArray QVariant.Date QVariant.Time QVariant.DateTime QVariant.Url
        QVariant.Locale QVariant.Rect QVariant.RectF QVariant.Size QVariant.SizeF QVariant.Line QVariant.LineF
        QVariant.Point QVariant.PointF QVariant.RegularExpression QVariant.Hash QVariant.EasingCurve
        QVariant.Uuid QVariant.ModelIndex QVariant.PersistentModelIndex QVariant.LastCoreType QVariant.Font
        QVariant.Pixmap QVariant.Brush QVariant.Color QVariant.Palette QVariant.Image QVariant.Polygon
        QVariant.Region QVariant.Bitmap QVariant.Cursor QVariant.KeySequence QVariant.Pen QVariant.TextLength
        QVariant.TextFormat QVariant.Transform QVariant.Matrix4x4 QVariant.Vector2D QVariant.Vector3D
        QVariant.Vector4D QVariant.Quaternion QVariant.PolygonF QVariant.Icon QVariant.SizePolicy
        QVariant.UserType
        QAbstractItemModel.CheckIndexOptions QByteArray.Base64Options QCommandLineOption.Flags QDir.Filters
        QDir.SortFlags QDirIterator.IteratorFlags QEventLoop.ProcessEventsFlags QFileDevice.FileHandleFlags
        QFileDevice.MemoryMapFlags QFileDevice.Permissions QItemSelectionModel.SelectionFlags QLibrary.LoadHints
        QLocale.DataSizeFormats QLocale.NumberOptions QMetaType.TypeFlags QRegularExpression.MatchOptions
        QRegularExpression.PatternOptions QStandardPaths.LocateOptions QTextBoundaryFinder.BoundaryReasons
        QTextStream.NumberFlags QUrl.ComponentFormattingOptions QUrl.FormattingOptions
        QUrl.UserInputResolutionOptions Qt.Alignment Qt.ApplicationStates Qt.DockWidgetAreas Qt.DropActions
        Qt.Edges Qt.FindChildOptions Qt.GestureFlags Qt.ImageConversionFlags Qt.InputMethodHints
        Qt.InputMethodQueries Qt.ItemFlags Qt.KeyboardModifiers Qt.MatchFlags Qt.MouseButtons Qt.MouseEventFlags
        Qt.Orientations Qt.ScreenOrientations Qt.TextInteractionFlags Qt.ToolBarAreas Qt.TouchPointStates
        Qt.WindowStates Qt.WindowFlags
    """,
    "QtGui": """
        QFileSystemModel.Options QGlyphRun.GlyphRunFlags QImageIOHandler.Transformations QPaintEngine.DirtyFlags
        QPaintEngine.PaintEngineFeatures QPainter.PixmapFragmentHints QPainter.RenderHints QRawFont.LayoutFlags
        QSurfaceFormat.FormatOptions QTextFormat.PageBreakFlags QTextDocument.FindFlags
        QTextDocument.MarkdownFeatures QTextItem.RenderFlags QTextOption.Flags
    """,
    "QtWidgets": """
        QLayout.setMargin QWidget.RenderFlags QGraphicsItem.GraphicsItemFlags QAbstractItemView.EditTriggers
        QAbstractSpinBox.StepEnabled QColorDialog.ColorDialogOptions QStyle.State QStyle.SubControls
        QDateTimeEdit.Sections QDialogButtonBox.StandardButtons QDockWidget.DockWidgetFeatures QFileDialog.Options
        QFontComboBox.FontFilters QFontDialog.FontDialogOptions QGestureRecognizer.Result QGraphicsEffect.ChangeFlags
        QGraphicsBlurEffect.BlurHints QGraphicsScene.SceneLayers QGraphicsView.CacheMode
        QGraphicsView.OptimizationFlags QInputDialog.InputDialogOptions QMainWindow.DockOptions
        QMdiArea.AreaOptions QMdiSubWindow.SubWindowOptions QMessageBox.StandardButtons QPinchGesture.ChangeFlags
        QSizePolicy.ControlTypes QStyleOptionButton.ButtonFeatures QStyleOptionFrame.FrameFeatures
        QStyleOptionTab.CornerWidgets QStyleOptionTab.TabFeatures QStyleOptionToolBar.ToolBarFeatures
        QStyleOptionToolButton.ToolButtonFeatures QStyleOptionViewItem.ViewItemFeatures QTextEdit.AutoFormatting
        QTreeWidgetItemIterator.IteratorFlags QWizard.WizardOptions
    """,
    "QtNetwork": """
        QAbstractSocket.BindMode QAbstractSocket.PauseModes QHostAddress.ConversionMode QHstsPolicy.PolicyFlags
        QLocalServer.SocketOptions QNetworkInterface.InterfaceFlags QNetworkProxy.Capabilities QSsl.SslOptions
    """,
}

# Runs in a child interpreter: resolves "<Module>.<name>.<attr>..." chains under a base package ("PyQt6", or
# "qgis.PyQt" for the real shim of this machine). Reads {"base", "moved", "patched", "chains"} as JSON on stdin;
# prints {chain: reason} for the chains that do not resolve. Exit 3: the base package itself cannot be imported.
RESOLVER = r"""
import importlib, json, sys

job = json.load(sys.stdin)
base, moved, patched = job["base"], job["moved"], set(job["patched"])
try:
    importlib.import_module(base + ".QtCore")
except ImportError as error:
    print(f"{type(error).__name__}: {error}")
    sys.exit(3)


def module(name):
    full = f"{base}.{name}"
    try:
        return importlib.import_module(full)
    except ModuleNotFoundError as error:
        if error.name and full.startswith(error.name):
            return None  # no such module under base: a finding, not a broken installation
        raise


missing = {}
for chain in job["chains"]:
    parts = chain.split(".")
    if any(chain == p or chain.startswith(p + ".") for p in patched):
        continue
    obj = module(parts[0])
    if obj is None:
        missing[chain] = f"no module {base}.{parts[0]}"
        continue
    if len(parts) > 1 and parts[1] in moved.get(parts[0], {}):
        obj = module(moved[parts[0]][parts[1]])
    for depth, name in enumerate(parts[1:], start=1):
        try:
            obj = getattr(obj, name)
        except AttributeError:
            try:  # a submodule not imported yet (qgis.PyQt.uic...)
                obj = importlib.import_module(f"{obj.__name__}.{name}") if hasattr(obj, "__path__") else None
            except ImportError:
                obj = None
            if obj is None:
                missing[chain] = f"{'.'.join(parts[:depth])} has no attribute {name!r}"
                break
print(json.dumps(missing))
"""


@dataclass(frozen=True)
class Use:
    """A Qt name used by a file: `chain` is "<Module>.<name>[.<attr>...]" under qgis.PyQt."""

    path: str
    line: int
    chain: str


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


def _bindings(tree: ast.AST) -> dict[str, str]:
    """Local name -> the dotted qgis.PyQt path it stands for, from every import of the file (at any depth)."""
    bound: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if node.module == SHIM or node.module.startswith(SHIM + "."):
                for alias in node.names:
                    if alias.name != "*":
                        bound[alias.asname or alias.name] = f"{node.module}.{alias.name}"
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith(SHIM + "."):
                    if alias.asname:
                        bound[alias.asname] = alias.name
                    else:
                        bound["qgis"] = "qgis"  # `import qgis.PyQt.QtCore`: chains start at `qgis`
    return bound


def _chain(node: ast.Attribute) -> tuple[str, list[str]] | None:
    """(root name, attributes) of `a.b.c`, None when the chain starts at a call, subscript..."""
    attrs: list[str] = []
    current: ast.expr = node
    while isinstance(current, ast.Attribute):
        attrs.append(current.attr)
        current = current.value
    return (current.id, attrs[::-1]) if isinstance(current, ast.Name) else None


def scan(source: str, path: str) -> tuple[list[Use], list[Finding]]:
    """The Qt names a file uses, and what is wrong without resolving anything (exec_, PyQt5, resources)."""
    tree = ast.parse(source, filename=path)
    bound = _bindings(tree)
    uses: list[Use] = []
    findings: list[Finding] = []
    prefix = SHIM + "."

    def add(line: int, dotted: str) -> None:
        if dotted.startswith(prefix) and dotted != prefix.rstrip("."):
            uses.append(Use(path, line, dotted[len(prefix):]))

    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if node.module == SHIM or node.module.startswith(prefix):
                for alias in node.names:
                    if alias.name == "*":
                        findings.append(Finding(path, node.lineno, f"`from {node.module} import *`: names unchecked"))
                    else:
                        add(node.lineno, f"{node.module}.{alias.name}")
            elif node.module.split(".")[0] in ("PyQt4", "PyQt5", "PyQt6", "sip"):
                findings.append(Finding(path, node.lineno, f"`from {node.module} import`: import Qt via {SHIM}"))
            if node.module.endswith("_rc") or any(a.name.endswith("_rc") for a in node.names):
                findings.append(Finding(path, node.lineno, "compiled Qt resources (pyrcc is gone in PyQt6)"))
        elif isinstance(node, ast.ImportFrom) and any(a.name.endswith("_rc") for a in node.names):
            findings.append(Finding(path, node.lineno, "compiled Qt resources (pyrcc is gone in PyQt6)"))
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith(prefix):
                    add(node.lineno, alias.name)
                elif alias.name.split(".")[0] in ("PyQt4", "PyQt5", "PyQt6", "sip"):
                    findings.append(Finding(path, node.lineno, f"`import {alias.name}`: import Qt via {SHIM}"))
                elif alias.name.endswith("_rc"):
                    findings.append(Finding(path, node.lineno, "compiled Qt resources (pyrcc is gone in PyQt6)"))
        elif isinstance(node, ast.Attribute) and node.attr == "exec_":
            findings.append(Finding(path, node.lineno, "`exec_()`: PyQt6 has only `exec()`"))
        elif "qRegisterResourceData" in (getattr(node, "id", None), getattr(node, "attr", None)):
            findings.append(Finding(path, node.lineno, "compiled Qt resources (pyrcc is gone in PyQt6)"))

    class Chains(ast.NodeVisitor):
        def visit_Attribute(self, node: ast.Attribute) -> None:  # noqa: N802 (ast API)
            found = _chain(node)
            if found is None or found[0] not in bound:
                self.generic_visit(node)
                return
            root, attrs = found
            if isinstance(node.ctx, ast.Store):
                attrs = attrs[:-1]  # assigning an attribute does not need it to exist
            add(node.lineno, ".".join([bound[root], *attrs]))

    Chains().visit(tree)
    return uses, findings


def shipped_python_files(root: Path = ROOT) -> list[str]:
    """The .py files the plugin zip ships: tracked ones, plus new files not yet committed (nor ignored)."""
    package = load_tool("package")
    untracked = subprocess.run(
        ["git", "-C", str(root), "ls-files", "-z", "--others", "--exclude-standard"], capture_output=True, check=True
    ).stdout.decode("utf-8").split("\0")
    paths = set(package.plugin_files(root)) | {p for p in untracked if p and not package.is_excluded(p)}
    return sorted(p for p in paths if p.endswith(".py") and (root / p).is_file())


def resolve(chains: set[str], base: str, moved: dict, patched: set[str]) -> dict[str, str]:
    """{chain: reason} for the chains that do not resolve under `base`, computed in a child interpreter."""
    job = {"base": base, "moved": moved, "patched": sorted(patched), "chains": sorted(chains)}
    done = subprocess.run([sys.executable, "-c", RESOLVER], input=json.dumps(job), capture_output=True, text=True,
                          timeout=300)
    if done.returncode == 3:
        pytest.skip(f"{base} cannot be imported ({done.stdout.strip()}); pip install -r requirements-dev.txt")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def qt6_patched() -> set[str]:
    return {f"{module}.{name}" for module, names in SHIM_PATCHED.items() for name in names.split()}


def check(sources: dict[str, str], base: str = "PyQt6") -> list[Finding]:
    """Every problem in {path: source}: unresolved chains under `base` (PyQt6 + QGIS 4 shim, or qgis.PyQt)."""
    uses: list[Use] = []
    findings: list[Finding] = []
    for path, source in sources.items():
        file_uses, file_findings = scan(source, path)
        uses += file_uses
        findings += file_findings
    qt6 = base == "PyQt6"
    missing = resolve({u.chain for u in uses}, base, SHIM_MOVED if qt6 else {}, qt6_patched() if qt6 else set())
    where = "PyQt6 (QGIS 4)" if qt6 else f"this machine's {base}"
    findings += [Finding(u.path, u.line, f"{SHIM}.{u.chain} does not resolve in {where}: {missing[u.chain]}")
                 for u in uses if u.chain in missing]
    return sorted(set(findings), key=lambda f: (f.path, f.line, f.message))


@pytest.fixture(scope="module")
def plugin_sources() -> dict[str, str]:
    sources = {p: (ROOT / p).read_text(encoding="utf-8") for p in shipped_python_files()}
    assert "plugin.py" in sources and "ui/catalog_dock.py" in sources  # the walk did find the plugin
    return sources


def test_every_qt_name_resolves_in_pyqt6(plugin_sources: dict[str, str]) -> None:
    findings = check(plugin_sources)
    assert not findings, "Qt 6 (QGIS 4) problems:\n" + "\n".join(map(str, findings))


def test_no_compiled_resources_shipped() -> None:
    package = load_tool("package")
    shipped = package.plugin_files(ROOT)
    assert not [p for p in shipped if p.endswith((".qrc", "_rc.py"))], "pyrcc5 resources do not load in PyQt6"


def test_every_qt_name_resolves_in_this_qgis(plugin_sources: dict[str, str]) -> None:
    """The Qt 6 spellings also work on the Qt 5 QGIS of this machine (3.22 in the oldest CI job)."""
    findings = [f for f in check(plugin_sources, base=SHIM) if "does not resolve" in f.message]
    assert not findings, "Qt 5 (QGIS 3) problems:\n" + "\n".join(map(str, findings))


PLANTED = textwrap.dedent("""\
    from qgis.PyQt import QtWidgets
    from qgis.PyQt.QtCore import Qt, QRegExp
    from qgis.PyQt.QtWidgets import QAction, QDialog, QMessageBox as Box
    from qgis.PyQt.QtWebKit import QWebView

    def run(dialog, label):
        label.setAlignment(Qt.AlignLeft)
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        if dialog.exec_() == QDialog.DialogCode.Accepted and Box.Yes:
            return QtWidgets.QDesktopWidget().screenGeometry(), Box.StandardButton.Yes, QDialog.exec
        return QAction, QtWidgets.QActionGroup
    """)


def test_checker_reports_planted_qt5_names() -> None:
    """The check cannot pass vacuously: Qt 5-only names planted in a snippet are each reported, at their line."""
    report = {(f.line, f.message.split(" ")[0]) for f in check({"probe.py": PLANTED})}
    assert report == {
        (2, "qgis.PyQt.QtCore.QRegExp"),
        (4, "qgis.PyQt.QtWebKit.QWebView"),
        (7, "qgis.PyQt.QtCore.Qt.AlignLeft"),
        (9, "`exec_()`:"),
        (9, "qgis.PyQt.QtWidgets.QMessageBox.Yes"),
        (10, "qgis.PyQt.QtWidgets.QDesktopWidget"),
    }
    # QAction and QActionGroup resolve through the shim's QtGui re-export; scoped enums and exec() resolve.
    messages = "\n".join(str(f) for f in check({"probe.py": PLANTED}))
    assert "QAction" not in messages and "AlignmentFlag" not in messages and "QDialog.exec " not in messages
    assert "no module PyQt6.QtWebKit" in messages


def test_checker_sees_aliases_local_imports_and_module_imports() -> None:
    source = textwrap.dedent("""\
        import qgis.PyQt.QtGui as G
        def f():
            from qgis.PyQt.QtCore import QVariant
            return G.QFont.Bold, QVariant.String, QVariant.Nonexistent
        """)
    report = sorted(f.message.split(" ")[0] for f in check({"probe.py": source}))
    # QVariant.String is patched in by QGIS 4's shim; QFont.Bold is unscoped (QFont.Weight.Bold in PyQt6).
    assert report == ["qgis.PyQt.QtCore.QVariant.Nonexistent", "qgis.PyQt.QtGui.QFont.Bold"]


def test_checker_reports_pyqt5_imports_and_compiled_resources() -> None:
    source = textwrap.dedent("""\
        from PyQt5.QtCore import Qt
        from . import resources_rc
        from qgis.PyQt import QtCore
        QtCore.qRegisterResourceData(3, b"", b"", b"")
        """)
    _, findings = scan(source, "probe.py")
    assert sorted((f.line, f.message.split(" ")[0]) for f in findings) == [
        (1, "`from"), (2, "compiled"), (4, "compiled")]
