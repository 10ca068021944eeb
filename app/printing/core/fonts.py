"""Finding and registering a CJK font for the printed documents.

reportlab can embed only TrueType-outline fonts (``glyf`` tables).  WenQuanYi
Micro Hei, Microsoft YaHei, SimSun, SimHei and Droid Sans Fallback work;
Noto Sans CJK / Source Han (CFF "postscript" outlines) raise an error when
loaded and are skipped.  When nothing usable is found we fall back to the
Adobe CID font ``STSong-Light``: it is *not embedded*, so the PDF relies on
the viewer/printer having an Asian font pack, hence the warning text that the
GUI and the command line show to the user.
"""
from __future__ import annotations

import glob
import hashlib
import os
import shutil
import subprocess
from dataclasses import dataclass

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont

CID_FALLBACK = "STSong-Light"

NO_FONT_WARNING = (
    "No CJK TrueType font found; Chinese text will not be embedded and may "
    "show as boxes. Install fonts-wqy-microhei or choose a font in Settings."
)

# Ordered by preference: fonts known to have TrueType outlines come first.
_LINUX = [
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc",     # Fedora
    "/usr/share/fonts/wenquanyi/wqy-microhei/wqy-microhei.ttc",  # Arch
    "/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/arphic/uming.ttc",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
]
_WINDOWS_NAMES = ["msyh.ttc", "msyh.ttf", "simsun.ttc", "simhei.ttf", "simkai.ttf"]
_MACOS = [
    "/System/Library/Fonts/PingFang.ttc",
    "/System/Library/Fonts/STHeiti Light.ttc",
    "/System/Library/Fonts/STHeiti Medium.ttc",
    "/Library/Fonts/Arial Unicode.ttf",
    "/System/Library/Fonts/Supplemental/Arial Unicode.ttf",
]


@dataclass(frozen=True)
class FontChoice:
    """The font the documents are drawn in.

    ``name`` is the reportlab font name, ``path`` the embedded file (None for
    the CID fallback), ``warning`` is empty when all is well, otherwise a
    sentence for the user.
    """
    name: str
    path: str | None
    warning: str = ""

    @property
    def embedded(self) -> bool:
        return self.path is not None


def _windows_candidates() -> list[str]:
    roots = {os.environ.get("WINDIR", "C:/Windows"), "C:/Windows"}
    return [os.path.join(r, "Fonts", n) for r in sorted(roots) for n in _WINDOWS_NAMES]


def _fc_list() -> list[str]:
    """Chinese-capable fonts known to fontconfig (Linux, sometimes macOS)."""
    if not shutil.which("fc-list"):
        return []
    try:
        out = subprocess.run(["fc-list", ":lang=zh", "file"], capture_output=True,
                             text=True, timeout=10).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    paths = [line.split(":")[0].strip() for line in out.splitlines() if line.strip()]
    # .otf files are almost always CFF-outline: try them last.
    return sorted(set(paths), key=lambda p: (p.lower().endswith(".otf"), p))


def candidate_paths() -> list[str]:
    """Every place a CJK font may live on this machine, best first."""
    home_fonts = glob.glob(os.path.expanduser("~/.local/share/fonts/**/wqy*.tt?"), recursive=True)
    out: list[str] = []
    for p in _LINUX + home_fonts + _windows_candidates() + _MACOS + _fc_list():
        if p not in out:
            out.append(p)
    return out


def _try_load(path: str) -> tuple[str | None, str]:
    """Register ``path`` with reportlab; return (font name, error)."""
    if not os.path.isfile(path):
        return None, "file not found"
    name = "CSDeskCJK-" + hashlib.md5(os.path.abspath(path).encode()).hexdigest()[:8]
    if name in pdfmetrics.getRegisteredFontNames():
        return name, ""
    try:
        # subfontIndex is ignored for plain .ttf; for .ttc take the first face.
        pdfmetrics.registerFont(TTFont(name, path, subfontIndex=0))
    except Exception as exc:  # TTFError "postscript outlines are not supported", bad files
        return None, str(exc)
    return name, ""


def find_cjk_font(preferred: str | None = None, *, search_system: bool = True) -> str | None:
    """Return the path of the first usable CJK TrueType font, or None.

    ``preferred`` (e.g. the path from Settings) is tried first; then, unless
    ``search_system`` is false, the usual Linux / Windows / macOS locations.
    A file counts as usable only if reportlab can actually load it.
    """
    paths = ([preferred] if preferred else []) + (candidate_paths() if search_system else [])
    for path in paths:
        name, _err = _try_load(path)
        if name:
            return path
    return None


_cache: dict[tuple[str | None, bool], FontChoice] = {}


def register_font(preferred: str | None = None, *, search_system: bool = True) -> FontChoice:
    """Find, register and return the document font (cached per arguments).

    Never raises: without a usable TrueType font it returns the CID fallback
    with ``warning`` set to :data:`NO_FONT_WARNING`.  If ``preferred`` was
    given but unusable, the warning says so even when another font is used.
    """
    key = (preferred, search_system)
    if key in _cache:
        return _cache[key]
    notes: list[str] = []
    if preferred:
        name, err = _try_load(preferred)
        if name:
            _cache[key] = FontChoice(name, preferred)
            return _cache[key]
        notes.append(f"Font {preferred!r} cannot be used ({err}).")
    path = find_cjk_font(None, search_system=search_system) if search_system else None
    if path:
        name, _ = _try_load(path)
        choice = FontChoice(name, path, " ".join(notes + [f"Using {path}."]) if notes else "")
    else:
        if CID_FALLBACK not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(UnicodeCIDFont(CID_FALLBACK))
        choice = FontChoice(CID_FALLBACK, None, " ".join(notes + [NO_FONT_WARNING]))
    _cache[key] = choice
    return choice


def resolve_font(font: FontChoice | str | None) -> FontChoice:
    """Accept what the render functions take as ``font=``: None (auto), a path, or a FontChoice."""
    if isinstance(font, FontChoice):
        return font
    return register_font(font)


def has_glyph(font_name: str, char: str) -> bool:
    """Whether the registered font can draw ``char``."""
    font = pdfmetrics.getFont(font_name)
    face = getattr(font, "face", None)
    if face is not None and hasattr(face, "charToGlyph"):   # embedded TrueType
        return ord(char) in face.charToGlyph
    # CID fallback (UniGB-UCS2-H) encodes only the Basic Multilingual Plane.
    return ord(char) <= 0xFFFF


def missing_marker(char: str) -> str:
    """How a character the font lacks is printed, so the clerk can write it in by hand."""
    return f"[U+{ord(char):04X}]"


def safe_text(text: str, font_name: str) -> str:
    """``text`` with every character the font lacks replaced by a visible marker.

    Without this, reportlab draws the font's empty .notdef glyph and a rare
    character in a name (𠮷) silently vanishes from the printout.
    """
    if not text:
        return ""
    out = []
    for ch in text:
        if ch in "\n\t" or has_glyph(font_name, ch):
            out.append(ch)
        else:
            out.append(missing_marker(ch))
    return "".join(out)
