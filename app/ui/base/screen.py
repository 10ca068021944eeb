"""Windows that fit the screen they open on.

A counter PC often has a 1366 x 768 screen with a taskbar: about 1366 x 728
to work in, and a window's title bar and borders take ~30 px more. Every
window and dialog must show its buttons there.

* :func:`available` is the working area of the screen a widget is on.
* :func:`fit` shrinks a window that is larger than that area (a saved or
  designed size) and moves it back inside it.
* :class:`ScreenFit` does :func:`fit` for every window as it first shows;
  the application installs it once (:func:`install`).
* :class:`ScrollBody` holds a dialog's fields above its buttons: the fields
  scroll when they are taller than the screen, the buttons stay in sight,
  and a dialog that grows (more rows, a second group) grows inside it.
"""
from __future__ import annotations

from app.ui.qt import QApplication, QEvent, QFrame, QObject, QRect, QScrollArea, QSize, Qt, QTimer, QWidget

#: Title bar and borders a window manager adds around a window's contents.
FRAME_H = 30
FRAME_W = 8


def available(widget: QWidget | None = None) -> QRect:
    """The working area (screen minus taskbars) of the screen ``widget`` is on."""
    screen = widget.screen() if widget is not None else None
    screen = screen or QApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 728)


def limit(widget: QWidget | None = None) -> QSize:
    """The largest contents size of a window (its frame added, it still fits)."""
    area = available(widget)
    return QSize(area.width() - FRAME_W, area.height() - FRAME_H)


def fit(window: QWidget) -> None:
    """Shrink ``window`` to the screen's working area and move it inside it."""
    most = limit(window)
    size = window.size()
    if size.width() > most.width() or size.height() > most.height():
        window.resize(min(size.width(), most.width()), min(size.height(), most.height()))
    area = available(window)
    geo = window.frameGeometry()
    x = min(max(geo.x(), area.x()), area.right() - geo.width() + 1)
    y = min(max(geo.y(), area.y()), area.bottom() - geo.height() + 1)
    if (x, y) != (geo.x(), geo.y()):
        window.move(max(x, area.x()), max(y, area.y()))


class ScreenFit(QObject):
    """Fits each window to the screen when it shows."""

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Show and isinstance(obj, QWidget) and obj.isWindow() \
                and obj.windowType() in (Qt.Window, Qt.Dialog):       # not menus, lists, tooltips
            fit(obj)
        return False


_filter: ScreenFit | None = None


def install() -> None:
    """Fit every window of the application from now on (idempotent)."""
    global _filter
    app = QApplication.instance()
    if app is None or _filter is not None:
        return
    _filter = ScreenFit(app)
    app.installEventFilter(_filter)


def uninstall() -> None:
    global _filter
    if _filter is not None:
        QApplication.instance().removeEventFilter(_filter)
        _filter = None


class ScrollBody(QScrollArea):
    """A dialog's fields in a frameless scroll area: as tall as the fields
    (up to the screen less ``reserve`` px for the buttons and margins)."""

    def __init__(self, body: QWidget, reserve: int = 110, parent: QWidget | None = None):
        super().__init__(parent)
        self.reserve = reserve
        self.setWidget(body)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAsNeeded)
        body.installEventFilter(self)

        self._grown = False

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if not self._grown:
            # The fields know their size once shown (polished, laid out):
            # the dialog then opens as large as they ask, up to the screen.
            self._grown = True
            QTimer.singleShot(0, self._grow_window)

    def _grow_window(self) -> None:
        window = self.window()
        hint, most = window.sizeHint(), limit(window)
        width = max(window.width(), min(hint.width(), most.width()))
        height = max(window.height(), min(hint.height(), most.height()))
        if (width, height) != (window.width(), window.height()):
            window.resize(width, height)
            fit(window)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API
        # The fields changed (a group shown, rows added): the dialog asks for
        # this area's size again, so it takes what the screen allows.
        if obj is self.widget() and event.type() == QEvent.LayoutRequest:
            self.updateGeometry()
        return super().eventFilter(obj, event)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        hint = self.widget().sizeHint() if self.widget() is not None else super().sizeHint()
        most = limit(self)
        bar = self.verticalScrollBar().sizeHint().width()
        return QSize(min(hint.width() + bar, most.width() - 40), min(hint.height(), most.height() - self.reserve))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        body = self.widget().minimumSizeHint() if self.widget() is not None else QSize(0, 0)
        return QSize(body.width() + self.verticalScrollBar().sizeHint().width(), min(body.height(), 160))
