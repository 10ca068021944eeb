"""Translations: extract, check and compile.

    python tools/i18n.py update    # lupdate app/ui + forms -> resources/i18n/csdesk_zh_CN.ts
    python tools/i18n.py release   # lrelease .ts -> .qm (loaded at start-up)
    python tools/i18n.py check     # exit 1 if a string is untranslated or the .ts is stale
    python tools/i18n.py carry [REF] [NEW=OLD ...]
                                   # after update: fill strings that moved to another context
                                   # (NEW=OLD: context NEW took its strings from context OLD)

Source strings are English; the .ts files hold the translations, edited
with Qt Linguist (``pyside6-linguist``) or any XML editor.
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "resources" / "i18n"
LOCALES = ["zh_CN"]
SOURCES = [ROOT / "app" / "ui", ROOT / "app" / "domain", ROOT / "forms"]


def tool(name: str) -> str:
    return str(Path(sys.executable).with_name(f"pyside6-{name}"))


def sources() -> list[str]:
    files = []
    for src in SOURCES:
        files += [str(p) for p in sorted(src.rglob("*.py")) if "generated" not in p.parts]
        files += [str(p) for p in sorted(src.rglob("*.ui"))]
    return files


def ts_path(locale: str) -> Path:
    return I18N / f"csdesk_{locale}.ts"


def lupdate(target: Path) -> None:
    # The domain imports no Qt; its messages are marked with tx() (app.domain.core.errors).
    subprocess.run([tool("lupdate"), "-silent", "-no-obsolete", "-locations", "none",
                    "-tr-function-alias", "QT_TR_NOOP+=tx", *sources(),
                    "-ts", str(target)], check=True)


def messages(ts: Path) -> dict[tuple[str, str, str], tuple[str, str]]:
    """(context, source, disambiguation) -> (translation, type) of every message."""
    out = {}
    for ctx in ET.parse(ts).getroot().iter("context"):
        name = ctx.findtext("name")
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            # A plural message keeps its forms in <numerusform> children.
            text = ((tr.text or "") + "".join(nf.text or "" for nf in tr.iter("numerusform"))
                    if tr is not None else "")
            out[(name, msg.findtext("source"), msg.findtext("comment") or "")] = (text, tr.get("type", "") if tr is not None else "unfinished")
    return out


def release() -> None:
    for loc in LOCALES:
        subprocess.run([tool("lrelease"), "-silent", str(ts_path(loc)), "-qm", str(I18N / f"csdesk_{loc}.qm")],
                       check=True)


def check() -> list[str]:
    problems = []
    for loc in LOCALES:
        ts = ts_path(loc)
        if not ts.exists():
            return [f"{ts} missing"]
        current = messages(ts)
        with tempfile.TemporaryDirectory() as tmp:
            fresh = Path(tmp) / ts.name
            fresh.write_bytes(ts.read_bytes())
            lupdate(fresh)
            wanted = messages(fresh)
        for key in sorted(set(wanted) - set(current)):
            problems.append(f"{loc}: not in the .ts (run update): {key[0]}: {key[1]!r}")
        for key, (text, typ) in sorted(current.items()):
            if key in wanted and (typ in ("unfinished",) or not text.strip()):
                problems.append(f"{loc}: untranslated: {key[0]}: {key[1]!r}")
        qm = I18N / f"csdesk_{loc}.qm"
        if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime - 1:
            problems.append(f"{loc}: {qm.name} older than the .ts (run release)")
    return problems


def carry(ref: str, moved: dict[str, str] | None = None) -> list[str]:
    """Fill the untranslated messages whose English text the .ts of git
    ``ref`` translated: a string keeps its context's translation when code
    moves it to another class or module (its context changes, the words do
    not). The translation of the same context wins, else one that every
    context agreed on, or the one of the context named in ``moved``
    (new context -> old); anything else is left for a translator. Returns
    what was filled."""
    moved = moved or {}
    filled = []
    for loc in LOCALES:
        ts = ts_path(loc)
        old_xml = subprocess.run(["git", "show", f"{ref}:{ts.relative_to(ROOT).as_posix()}"], cwd=ROOT,
                                 check=True, capture_output=True).stdout
        with tempfile.TemporaryDirectory() as tmp:
            old_ts = Path(tmp) / ts.name
            old_ts.write_bytes(old_xml)
            old = messages(old_ts)
        by_text: dict[tuple[str, str], set[str]] = {}
        for (ctx, src, comment), (text, typ) in old.items():
            if text.strip() and typ != "unfinished":
                by_text.setdefault((src, comment), set()).add(text)
        tree = ET.parse(ts)
        for ctx in tree.getroot().iter("context"):
            name = ctx.findtext("name")
            for msg in ctx.iter("message"):
                tr = msg.find("translation")
                if tr is None or tr.get("type") != "unfinished" or msg.get("numerus") == "yes":
                    continue
                key = (msg.findtext("source"), msg.findtext("comment") or "")
                same = old.get((name, *key)) or old.get((moved.get(name, name), *key))
                candidates = {same[0]} if same and same[0].strip() else by_text.get(key, set())
                if len(candidates) == 1:
                    tr.text = next(iter(candidates))
                    del tr.attrib["type"]
                    filled.append(f"{loc}: {name}: {key[0]!r} -> {tr.text!r}")
        tree.write(ts, encoding="utf-8", xml_declaration=True)
    return filled


def main(argv: list[str]) -> int:
    cmd = argv[0] if argv else "check"
    I18N.mkdir(parents=True, exist_ok=True)
    if cmd == "update":
        for loc in LOCALES:
            lupdate(ts_path(loc))
        print("updated", ", ".join(str(ts_path(loc).relative_to(ROOT)) for loc in LOCALES))
        return 0
    if cmd == "release":
        release()
        return 0
    if cmd == "carry":
        args = argv[1:]
        ref = args.pop(0) if args and "=" not in args[0] else "HEAD"
        for line in carry(ref, dict(a.split("=", 1) for a in args)):
            print(line)
        return 0
    problems = check()
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
