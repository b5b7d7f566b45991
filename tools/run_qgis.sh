#!/usr/bin/env bash
# Start a real QGIS with the plugin from this checkout, in a throw-away profile, on the sample old project.
# The interface is in French (GPF_RUN_LANG=en for English); GPF_RUN_SCREEN=1920x1080 sets the virtual screen.
#
#   tools/run_qgis.sh [PROJECT]                    QGIS with the plugin (project: resources/demo/projet_geoportail_2019.qgz)
#   tools/run_qgis.sh --screenshot FILE [PROJECT]  wait until QGIS is ready, save a PNG of the screen, quit
#       --show dock,bascule,options,browser        what to open before the screenshot (default: dock,bascule)
#       --delay SECONDS                            how long to wait for QGIS to settle (default: 25)
#       --grab dialog                              picture the open dialog alone, not the whole screen
#   tools/run_qgis.sh --dry-run [PROJECT]          prepare the profile, print it and the command, run nothing
#   --empty                                        no project: an empty QGIS
#   --keep                                         keep the profile folder (removed on exit otherwise)
#
# The profile lives in a temporary folder: the plugin is a symlink to this checkout in
# <profiles>/profiles/default/python/plugins/gpf_bascule, enabled in <profile>/QGIS/QGIS3.ini, whose first-run
# questions are answered in advance. Without $DISPLAY, QGIS runs inside xvfb-run.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
unset QT_QPA_PLATFORM  # a real window (the Makefile exports offscreen for the tests)
QGIS_BIN="${QGIS_BIN:-qgis}"
PROJECT="$ROOT/resources/demo/projet_geoportail_2019.qgz"
DRY_RUN=0
KEEP=0
SCREENSHOT=""
SHOW="${GPF_RUN_SHOW:-dock,bascule}"
DELAY="${GPF_RUN_DELAY:-25}"
GRAB="${GPF_RUN_GRAB:-screen}"
SCREEN_SIZE="${GPF_RUN_SCREEN:-1600x1000}"

while [ $# -gt 0 ]; do
  case "$1" in
    --dry-run) DRY_RUN=1 ;;
    --keep) KEEP=1 ;;
    --empty) PROJECT="" ;;
    --screenshot) SCREENSHOT="$(realpath -m "$2")"; shift ;;
    --show) SHOW="$2"; shift ;;
    --delay) DELAY="$2"; shift ;;
    --grab) GRAB="$2"; shift ;;
    -h|--help) awk 'NR > 1 && /^#/ { print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    -*) echo "unknown option: $1" >&2; exit 2 ;;
    *) PROJECT="$(realpath "$1")" ;;
  esac
  shift
done

PROFILES="$(mktemp -d "${TMPDIR:-/tmp}/gpf-qgis-profiles.XXXXXX")"
PROFILE="$PROFILES/profiles/default"
cleanup() { [ "$KEEP" = 1 ] || rm -rf "$PROFILES"; }
trap cleanup EXIT

mkdir -p "$PROFILE/python/plugins" "$PROFILE/QGIS"
ln -s "$ROOT" "$PROFILE/python/plugins/gpf_bascule"
printf '[core]\ndefaultProfile=default\n' > "$PROFILES/profiles/profiles.ini"
cat > "$PROFILE/QGIS/QGIS3.ini" <<INI
[PythonPlugins]
gpf_bascule=true

[qgis]
showTips=false
checkVersion=false
allowVersionCheck=false
migration\\settingsVersion=2
newProjectDefault=false

[core]
NewsFeed\\httpsfeedqgisorg\\disabled=true

[UI]
hidePluginWarning=true

[app]
projections\\unknownCrsBehavior=UseProjectCrs
INI

CMD=("$QGIS_BIN" --profiles-path "$PROFILES" --nologo --noversioncheck --lang "${GPF_RUN_LANG:-fr}")
if [ -n "$SCREENSHOT" ]; then
  # The startup script opens the project itself (see its docstring), then grabs the screen and quits.
  CMD+=(--code "$ROOT/tools/qgis_startup.py")
  export GPF_RUN_SCREENSHOT="$SCREENSHOT" GPF_RUN_SHOW="$SHOW" GPF_RUN_DELAY="$DELAY" GPF_RUN_GRAB="$GRAB" GPF_RUN_PROJECT="$PROJECT"
elif [ -n "$PROJECT" ]; then
  CMD+=("$PROJECT")
fi
if [ -z "${DISPLAY:-}" ]; then
  CMD=(xvfb-run -a -s "-screen 0 ${SCREEN_SIZE}x24" "${CMD[@]}")
fi

if [ "$DRY_RUN" = 1 ]; then
  echo "profile: $PROFILE"
  echo "plugin: $PROFILE/python/plugins/gpf_bascule -> $(readlink "$PROFILE/python/plugins/gpf_bascule")"
  echo "--- $PROFILE/QGIS/QGIS3.ini"
  cat "$PROFILE/QGIS/QGIS3.ini"
  echo "---"
  printf 'command:'; printf ' %q' "${CMD[@]}"; echo
  exit 0
fi

if [ -n "$SCREENSHOT" ]; then
  rm -f "$SCREENSHOT"
  # QGIS quits by itself once the picture is saved; the timeout only stops a QGIS that hangs.
  timeout --kill-after=10 "$((DELAY + 90))" "${CMD[@]}" || true
  if [ -s "$SCREENSHOT" ]; then echo "screenshot: $SCREENSHOT"; else echo "no screenshot was taken" >&2; exit 1; fi
else
  "${CMD[@]}"
fi
