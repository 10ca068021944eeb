"""Text rules every book applies to what people type."""
from __future__ import annotations

import re
import unicodedata


def clean(text: str) -> str:
    """Full-width to half-width, stray spaces collapsed (NFKC keeps CJK)."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text or "")).strip()
