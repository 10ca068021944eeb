"""The zh_CN translation is complete, compiled, and used at run time."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_translation_complete_and_compiled():
    proc = subprocess.run([sys.executable, str(ROOT / "tools" / "i18n.py"), "check"],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_generated_forms_up_to_date():
    proc = subprocess.run([sys.executable, str(ROOT / "tools" / "build_forms.py"), "--check"],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


@pytest.fixture
def chinese(qapp):
    from app.ui.shell.application import install_translators

    translators = install_translators(qapp, "zh_CN")
    yield
    for t in translators:
        qapp.removeTranslator(t)


def test_labels_and_domain_messages_in_chinese(chinese):
    from app.domain.core.errors import tx
    from app.ui.base import labels, ops

    assert labels.state("ready") == "待取件"
    assert labels.kind("free") == "无偿(保修)"
    msg = ops.translated(tx("Job {number} is '{state}'; '{action}' is allowed only from {sources}.",
                            number="WX-2026-000001", state="ready", action="start_repair",
                            sources="diagnosing, waiting_parts"))
    assert "WX-2026-000001" in msg and "待取件" in msg and "检测中" in msg
    assert "ready" not in msg and "allowed" not in msg  # the template itself translated
