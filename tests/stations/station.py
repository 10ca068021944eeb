"""What one counter station does in the multi-process tests: it opens the
database as csdesk does, waits for the others at a barrier, then runs its
actions through the operation runner (app.domain.core.operations.run), as
the window would, and reports each outcome to the parent on a queue:
``(station, i, "ok", value)`` or ``(station, i, "error", error class, message, key)``.

Functions here run in child processes started with the "spawn" method, so
they import everything themselves.
"""
from __future__ import annotations

import datetime as dt
import os
import time
import traceback


def _open(url: str):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from app.domain import bootstrap

    bootstrap.open_database(url, backup=False)


def _user(username: str):
    from app.domain.core.models import User

    return User.get(User.username == username)


def _err(station, i, exc, key=None):
    return (station, i, "error", type(exc).__name__, str(getattr(exc, "message", exc)), key)


def intake_form(customer_id: int, serial: str, *, model: str = "TP-X1C-G11", received_at=None):
    from app.domain.counter import intake

    return intake.IntakeForm(customer_id=customer_id, serial=serial, fault="开机无显示", items=["主机"],
                             product_model=model, product_name="ThinkPad X1 Carbon", warranty_months=12,
                             sale_date=dt.date(2025, 1, 5), received_at=received_at)


def run_intakes(url, station, customer_id, serials, model="TP-X1C-G11", pause=0.0, received_at=None, *,
                barrier, queue):
    """Take in each serial (one action each); errors are reported, not raised:
    a station carries on after any of them."""
    try:
        _open(url)
        from app.domain.core import operations
        from app.domain.counter import intake

        user = _user("clerk")
        if barrier is not None:
            barrier.wait()
        for i, serial in enumerate(serials):
            key = operations.new_key()
            try:
                res = operations.run(intake.take_in, intake_form(customer_id, serial, model=model,
                                                                  received_at=received_at), user, key=key)
                queue.put((station, i, "ok", (res.job.number, res.receipt.number, res.register_row.number,
                                              serial, key, time.time())))
            except Exception as exc:  # noqa: BLE001 - reported to the parent
                queue.put(_err(station, i, exc, key) + (serial, time.time()))
                time.sleep(0.25)          # a clerk reads the message before trying the next unit
            if pause:
                time.sleep(pause)
    except Exception:  # noqa: BLE001
        queue.put((station, -1, "crash", traceback.format_exc()))
    finally:
        queue.put((station, None, "done"))


def run_action(url, station, action, args, *, barrier, queue):
    """One action of the named kind, started with the others at the barrier."""
    try:
        _open(url)
        from app.domain.core import operations
        from app.domain.counter import jobs, register, release
        from app.domain.customers import archive

        actions = {
            "correct": lambda entry_id, user: register.correct(entry_id, _user(user), f"站{station}更正", person=f"站{station}"),
            "cancel": lambda job_id, user: release.cancel_job(job_id, _user(user), None, f"站{station}作废"),
            "part": lambda job_id, user: jobs.add_part(job_id, f"配件{station}", 1, "10.00", _user(user), None),
            "release": lambda job_id, receipt, user: release.release(job_id, receipt, "张伟", _user(user), None,
                                                                   release.Payment(None, "")),
            "contacts": lambda customer_id, version, user: archive.save_archive(
                _user(user), customer_id, version, fields={"notes": f"站{station}"},
                contacts=[{"name": f"联系人{station}", "mobile": f"1390000000{station}"}]),
        }
        barrier.wait()
        try:
            value = operations.run(actions[action], *args, key=operations.new_key())
            queue.put((station, 0, "ok", getattr(value, "id", None)))
        except Exception as exc:  # noqa: BLE001
            queue.put(_err(station, 0, exc))
    except Exception:  # noqa: BLE001
        queue.put((station, -1, "crash", traceback.format_exc()))
    finally:
        queue.put((station, None, "done"))


def open_only(url, station, *, barrier, queue):
    """Open (and so migrate) the database at the same moment as the others."""
    try:
        barrier.wait()
        from app.domain import bootstrap

        info = bootstrap.open_database(url)
        queue.put((station, 0, "ok", info.applied))
    except Exception as exc:  # noqa: BLE001
        queue.put(_err(station, 0, exc))
    finally:
        queue.put((station, None, "done"))


def collect(queue, stations: int, timeout: float = 240.0) -> list[tuple]:
    """Every message until each station said "done"."""
    out, done = [], 0
    deadline = time.monotonic() + timeout
    while done < stations:
        msg = queue.get(timeout=max(1.0, deadline - time.monotonic()))
        if msg[2] == "done":
            done += 1
        else:
            out.append(msg)
    crashes = [m for m in out if m[2] == "crash"]
    assert not crashes, crashes[0][3]
    return out
