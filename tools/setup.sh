#!/usr/bin/env bash
# Install what csdesk needs on a fresh machine, into ./.venv.
#   bash tools/setup.sh          # the app
#   bash tools/setup.sh --test   # the app and its test tools
# On Debian/Ubuntu it also installs the system packages Qt and printing need
# (with apt-get, as root or through sudo): Qt's xcb libraries, a CJK font,
# poppler-utils (PDF to PNG for the barcode tests); with --test also
# Ghostscript (the other rasteriser CUPS may use, for the print-path tests).
set -euo pipefail
cd "$(dirname "$0")/.."
extras=""
[ "${1:-}" = "--test" ] && extras="[test]"

APT_PACKAGES=(fonts-wqy-microhei poppler-utils
  libegl1 libgl1 libglib2.0-0 libfontconfig1 libdbus-1-3 libxkbcommon0
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-randr0
  libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0 libx11-xcb1 libxcb-xinerama0)
if [ -n "$extras" ]; then APT_PACKAGES+=(ghostscript); fi

if command -v apt-get >/dev/null 2>&1; then
  missing=()
  for p in "${APT_PACKAGES[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  if [ ${#missing[@]} -gt 0 ]; then
    sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
    echo "installing system packages: ${missing[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
fi

PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
# A .venv made when csdesk asked for PySide6 6.12 holds PySide6-Pdf 6.12, whose
# QtPdf would shadow the 6.11 one now in Addons.
if .venv/bin/python -m pip show -q PySide6-Pdf >/dev/null 2>&1; then
  .venv/bin/python -m pip uninstall -q -y PySide6-Pdf
fi
.venv/bin/python -m pip install -q -e ".${extras}"
echo "csdesk installed in .venv ($(.venv/bin/python -c 'import PySide6, peewee, reportlab; print("PySide6", PySide6.__version__, "peewee", peewee.__version__, "reportlab", reportlab.Version)'))"
