#!/usr/bin/env bash
# Run a command on a newer QGIS, from Debian's own packages, in a Debian chroot kept in .chroots/ (git-ignored).
#
#   tools/qgis_chroot.sh 3.40 make test          Debian 13 "trixie"   -> QGIS 3.40 LTR
#   tools/qgis_chroot.sh 3.44 make test          Debian unstable      -> QGIS 3.44 LTR (a frozen snapshot here)
#   tools/qgis_chroot.sh 3.40 --setup            build the chroot only (reused when present)
#
# The checkout is bind-mounted at /src and the recorded GPF data at /shared/gpf-data; the chroot gets the host's CA
# certificates and pip configuration (TLS to the package registries goes through this machine's authority).
# /proc /sys /dev /dev/pts are bind-mounted for the command and always unmounted, even on failure or Ctrl-C.
# Needs root (debootstrap, chroot, mount).
set -euo pipefail

version="${1:?usage: tools/qgis_chroot.sh 3.40|3.44 [--setup | COMMAND...]}"
shift
case "$version" in
  3.40) suite=trixie ;;
  3.44) suite=sid ;;
  *) echo "unknown QGIS version $version (3.40 or 3.44)" >&2; exit 2 ;;
esac

root_dir="$(cd "$(dirname "$0")/.." && pwd)"
chroots="${GPF_CHROOTS:-$root_dir/.chroots}"
dir="$chroots/$suite"
mirror="${GPF_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
shared="${GPF_SHARED_DATA:-$(cd "$root_dir/.." && pwd)/shared/gpf-data}"
# What the Makefile's system-deps would install, plus make: installed once, while the chroot is built.
packages=(qgis python3-qgis qgis-providers python3-gdal python3-lxml python3-venv python3-pip xvfb xauth
          qttools5-dev-tools pyqt5-dev-tools postgresql python3-psycopg2 make locales ca-certificates git)
apt_opts=(-o Acquire::Check-Valid-Until=false -o Acquire::Retries=3 -o Dpkg::Use-Pty=0)

if [ "$(id -u)" != 0 ]; then
  echo "tools/qgis_chroot.sh needs root (debootstrap, chroot, mount)" >&2
  exit 2
fi

# One run at a time per chroot: a second one would stack its mounts on the first's and take them away.
mkdir -p "$chroots"
exec 9>"$chroots/$suite.lock"
if ! flock -n 9; then
  echo "::: waiting for another tools/qgis_chroot.sh $version to finish"
  flock 9
fi

mounted=()
cleanup() {
  local i
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do
    umount -l "${mounted[$i]}" 2>/dev/null || true
  done
  mounted=()
}
trap cleanup EXIT
trap 'cleanup; exit 130' INT
trap 'cleanup; exit 143' TERM

unmount_leftovers() {  # mounts under the chroot that a killed run could not undo, deepest first
  local target
  if [ -d "$dir" ]; then
    findmnt -rn -o TARGET | grep -F "$(realpath "$dir")/" | sort -r | while read -r target; do
      umount -l "$target" 2>/dev/null || true
    done
  fi
}

bind() {  # bind SOURCE TARGET_IN_CHROOT
  mkdir -p "$dir$2"
  mount --bind "$1" "$dir$2"
  mounted+=("$dir$2")
}

mount_system() {
  bind /proc /proc
  bind /sys /sys
  bind /dev /dev
  bind /dev/pts /dev/pts
}

in_chroot() {
  chroot "$dir" /usr/bin/env -i HOME=/root PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive "$@"
}

setup() {
  if [ -f "$dir/.gpf-ready" ]; then
    return 0
  fi
  if ! command -v debootstrap >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
  fi
  echo "::: building the Debian $suite chroot for QGIS $version in $dir"
  unmount_leftovers
  # A bind mount left inside would let rm delete the checkout itself (same file system): refuse instead.
  if [ -d "$dir" ] && findmnt -rn -o TARGET | grep -qF "$(realpath "$dir")/"; then
    echo "something is still mounted under $dir (another tools/qgis_chroot.sh running?): not deleting it" >&2
    return 1
  fi
  rm -rf --one-file-system "$dir"
  mkdir -p "$chroots"
  debootstrap --variant=minbase --include=ca-certificates "$suite" "$dir" "$mirror" >"$chroots/$suite.debootstrap.log" 2>&1 \
    || { tail -20 "$chroots/$suite.debootstrap.log" >&2; return 1; }
  cp /usr/local/share/ca-certificates/* "$dir/usr/local/share/ca-certificates/" 2>/dev/null || true
  [ -f /etc/pip.conf ] && cp /etc/pip.conf "$dir/etc/pip.conf"
  cp /etc/resolv.conf "$dir/etc/resolv.conf" 2>/dev/null || true
  mount_system
  in_chroot update-ca-certificates >/dev/null
  in_chroot apt-get "${apt_opts[@]}" update -qq
  in_chroot apt-get "${apt_opts[@]}" install -y -qq --no-install-recommends "${packages[@]}" >"$chroots/$suite.apt.log" 2>&1 \
    || { tail -20 "$chroots/$suite.apt.log" >&2; return 1; }
  cleanup
  local found
  found="$(in_chroot /usr/bin/python3 -c "from qgis.core import Qgis; print(Qgis.QGIS_VERSION)")" || return 1
  case "$found" in
    "$version".*) ;;
    *) echo "the $suite chroot has QGIS $found, not $version: its packages moved on" >&2; return 1 ;;
  esac
  echo "$found" >"$dir/.gpf-ready.tmp" && mv "$dir/.gpf-ready.tmp" "$dir/.gpf-ready"
  echo "::: QGIS $found ready in $dir"
}

setup
[ "${1:-}" = "--setup" ] && exit 0
[ "$#" -gt 0 ] || { echo "nothing to run (give a command, or --setup)" >&2; exit 2; }

mount_system
bind "$root_dir" /src
if [ -d "$shared" ]; then
  bind "$shared" /shared/gpf-data
fi
# Each QGIS version keeps its own venv and test profile in the checkout (git-ignored), beside the host's .venv.
chroot "$dir" /usr/bin/env -i HOME=/root PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
  LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive QT_QPA_PLATFORM=offscreen CI="${CI:-}" \
  GPF_SHARED_DATA=/shared/gpf-data GPF_ALL_LAYERS="${GPF_ALL_LAYERS:-}" GPF_QGIS_STRICT="${GPF_QGIS_STRICT:-}" \
  VENV=".venv-$suite" TEST_HOME=".test-home-$suite" \
  /bin/bash -c 'cd /src && "$@"' bash "$@"
