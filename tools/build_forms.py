"""Compile forms/*.ui into app/ui/generated/ui_*.py with pyside6-uic.

    python tools/build_forms.py          # (re)generate
    python tools/build_forms.py --check  # exit 1 if a generated file is stale
"""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FORMS = ROOT / "forms"
OUT = ROOT / "app" / "ui" / "generated"


def uic() -> str:
    exe = shutil.which("pyside6-uic") or str(Path(sys.executable).with_name("pyside6-uic"))
    return exe


def compile_form(ui: Path) -> str:
    out = subprocess.run([uic(), "-g", "python", str(ui)], check=True, capture_output=True, text=True).stdout
    # Drop uic's version stamp so a patch release of PySide6 does not make
    # every generated file "stale".
    return "".join(line for line in out.splitlines(keepends=True)
                   if not line.startswith("## Created by: Qt User Interface Compiler"))


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = []
    for ui in sorted(FORMS.glob("*.ui")):
        target = OUT / f"ui_{ui.stem}.py"
        text = "# Generated from forms/%s by tools/build_forms.py: do not edit.\n" % ui.name + compile_form(ui)
        if check:
            if not target.exists() or target.read_text(encoding="utf-8") != text:
                stale.append(target.name)
        else:
            target.write_text(text, encoding="utf-8")
    if stale:
        print("stale generated forms:", ", ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
