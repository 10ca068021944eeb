"""Small widgets the counter's forms and dialogs share.

* :class:`FieldErrors` shows a service's ``{field: message}`` beside the
  fields: a red label under each field and a red outline on the field, and
  clears them again as soon as the clerk edits that field.
* :class:`SearchPopup`: find-as-you-type with a drop-down list of results.
* :func:`fmt_date` / :func:`fmt_datetime`: dates always read yyyy-MM-dd.
* :func:`apply_limit` gives a widget the limits of the column it edits
  (:mod:`app.domain.core.limits`): a line edit's maximum length, a plain-text
  edit's maximum, a spin box's range and decimals, a number typed in a line
  edit its digits and decimals. :class:`FieldErrors` applies them to the
  fields it knows when given the model (or a ``{name: field}`` map).
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from app.domain.core import limits
from app.ui.qt import (QAbstractButton, QAbstractItemView, QAbstractSpinBox, QComboBox, QCoreApplication,
                       QDateTimeEdit, QDoubleSpinBox, QEvent, QLabel, QLineEdit, QListView, QListWidget, QModelIndex,
                       QObject, QPlainTextEdit, QPoint, QRegularExpression, QRegularExpressionValidator, QSizePolicy, QSpinBox, QStandardItem, QStandardItemModel, Qt, QTextEdit,
                       QTimer, QVBoxLayout, QWidget, Signal)

ERROR_STYLE = "color: #c62828;"
# A property-based style so the widget's own stylesheet is not overwritten.
OUTLINE_CSS = "*[fieldError=\"true\"] { border: 1px solid #c62828; border-radius: 2px; }"


def colon(label: str) -> str:
    """``label`` followed by the language's colon ("Name:", "名称：")."""
    return QCoreApplication.translate("widgets", "{0}:").format(label)


def tr(text: str) -> str:
    return QCoreApplication.translate("widgets", text)


def fmt_date(value: dt.date | dt.datetime | None) -> str:
    if value is None:
        return ""
    return value.strftime("%Y-%m-%d")


def fmt_datetime(value: dt.datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if value else ""


def short(text: str, n: int = 40) -> str:
    """One line of at most ``n`` characters, "…" where it was cut (a list's cell)."""
    text = " ".join((text or "").split())
    return text if len(text) <= n else text[:n - 1] + "…"


def make_error_label(parent: QWidget | None = None) -> QLabel:
    label = QLabel(parent)
    prepare_error_label(label)
    return label


def prepare_error_label(label: QLabel, *, one_line: bool = False) -> None:
    """A red message label, hidden until a message shows. Its line is kept
    while it is empty, so a message appearing or going never moves the
    fields and buttons under the clerk's mouse. ``one_line`` (a field's
    message): exactly one line, never wider than its place; a longer
    message ends in "…" and reads whole in the tooltip."""
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(not one_line)
    # A wrapped label may get a taller cell than one line: keep the text
    # right under its field, not centred away from it.
    label.setAlignment(Qt.AlignLeft | Qt.AlignTop)
    label.setTextInteractionFlags(Qt.TextSelectableByMouse)
    policy = label.sizePolicy()
    policy.setRetainSizeWhenHidden(True)
    if one_line:
        policy.setHorizontalPolicy(QSizePolicy.Ignored)
        label.setFixedHeight(label.fontMetrics().height() + 2)
        if not label.property("elides"):
            label.setProperty("elides", True)
            label.installEventFilter(_ELIDER)
    else:
        label.setMinimumHeight(label.fontMetrics().height())
    label.setSizePolicy(policy)
    label.hide()


def set_error_text(label: QLabel, message: str) -> None:
    """Show ``message`` in an error label (elided to its width if it is a one-line label)."""
    label.setProperty("fullText", message)
    label.setToolTip(message if label.property("elides") else "")
    _elide(label)


def error_text(label: QLabel) -> str:
    full = label.property("fullText")
    return full if isinstance(full, str) and label.property("elides") else label.text()


def _elide(label: QLabel) -> None:
    full = label.property("fullText")
    if not isinstance(full, str):
        return
    if label.property("elides"):
        label.setText(label.fontMetrics().elidedText(" ".join(full.split()), Qt.ElideRight, max(label.width(), 40)))
    else:
        label.setText(full)


class _Elider(QObject):
    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Resize and isinstance(obj, QLabel):
            _elide(obj)
        return False


_ELIDER = _Elider()


class TextLimit(QObject):
    """Keeps a plain-text edit within ``maximum`` characters: what is typed
    or pasted beyond it is cut off (the edit's ``maxLength`` property tells
    the limit)."""

    def __init__(self, edit: QPlainTextEdit | QTextEdit, maximum: int):
        super().__init__(edit)
        self.edit, self.maximum = edit, maximum
        edit.setProperty("maxLength", maximum)
        edit.textChanged.connect(self._trim)

    def _trim(self) -> None:
        text = self.edit.toPlainText()
        if len(text) <= self.maximum:
            return
        cursor = self.edit.textCursor()
        position = min(cursor.position(), self.maximum)
        self.edit.setPlainText(text[:self.maximum])
        cursor = self.edit.textCursor()
        cursor.setPosition(position)
        self.edit.setTextCursor(cursor)


def number_pattern(lim: limits.Limit) -> str:
    """What a line edit for a number of ``lim`` accepts while typing: digits
    (with thousands separators, a yuan sign), at most ``decimals`` decimals."""
    digits = len(str(int(lim.maximum))) if lim.maximum is not None else 12
    sign = "-?" if lim.minimum is not None and lim.minimum < 0 else ""
    integer = rf"[0-9][0-9,]{{0,{digits + digits // 3}}}"
    fraction = rf"(\.[0-9]{{0,{lim.decimals}}})?" if lim.decimals else ""
    return rf"^\s*[¥￥]?{sign}({integer})?{fraction}\s*$"


def apply_limit(widget: QWidget, field) -> None:
    """Give ``widget`` the limits of the model field ``field`` (a peewee field)."""
    lim = limits.limit(field)
    if lim.kind == "text":
        if isinstance(widget, QComboBox) and widget.isEditable():
            widget = widget.lineEdit()
        if isinstance(widget, QLineEdit):
            widget.setMaxLength(lim.max_length)
        elif isinstance(widget, (QPlainTextEdit, QTextEdit)):
            if widget.property("maxLength") is None:
                TextLimit(widget, lim.max_length)
        return
    if lim.kind not in ("decimal", "integer"):
        return
    low = lim.minimum if lim.minimum is not None else Decimal(limits.INT_MIN)
    high = lim.maximum if lim.maximum is not None else Decimal(limits.INT_MAX)
    if isinstance(widget, QDoubleSpinBox):
        widget.setDecimals(lim.decimals)
        widget.setRange(float(low), float(high))
    elif isinstance(widget, QSpinBox):
        widget.setRange(int(max(low, limits.INT_MIN)), int(min(high, limits.INT_MAX)))
    elif isinstance(widget, QLineEdit):
        widget.setValidator(QRegularExpressionValidator(QRegularExpression(number_pattern(lim)), widget))


class FieldErrors:
    """Maps field names (as the domain spells them) to a widget and its error label.

    ``limits``: the model the form edits, or ``{name: model field}``; each
    widget added under a name it knows gets that field's limits
    (:func:`apply_limit`)."""

    def __init__(self, fallback: QLabel | None = None, *, limits=None):
        self._fields: dict[str, tuple[QWidget | None, QLabel]] = {}
        self._fallback = fallback   # for errors about a field the form has no place for
        self._limits = limits
        if fallback is not None:
            prepare_error_label(fallback)

    def limit_field(self, name: str):
        """The model field whose limits the widget called ``name`` takes (None: none)."""
        if self._limits is None:
            return None
        if isinstance(self._limits, dict):
            return self._limits.get(name)
        fields = self._limits._meta.fields
        return fields.get(name) or fields.get(name[:-3] if name.endswith("_id") else name)

    def add(self, name: str, widget: QWidget | None, label: QLabel) -> None:
        prepare_error_label(label, one_line=True)
        self._fields[name] = (widget, label)
        field = self.limit_field(name)
        if widget is not None and field is not None:
            apply_limit(widget, field)
        if widget is not None:
            widget.setStyleSheet(widget.styleSheet() + OUTLINE_CSS if OUTLINE_CSS not in widget.styleSheet()
                                 else widget.styleSheet())
            self._connect_clear(name, widget)

    def _connect_clear(self, name: str, widget: QWidget) -> None:
        # The message goes away as soon as the clerk starts to correct the
        # field: a stale message never stays beside a field that changed.
        clear = lambda *_: self.clear(name)  # noqa: E731
        if isinstance(widget, QLineEdit):
            widget.textChanged.connect(clear)
        elif isinstance(widget, (QPlainTextEdit, QTextEdit)):
            widget.textChanged.connect(clear)
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(clear)
            if widget.isEditable():
                widget.editTextChanged.connect(clear)
        elif isinstance(widget, QDateTimeEdit):
            widget.dateTimeChanged.connect(clear)
        elif isinstance(widget, (QSpinBox, QDoubleSpinBox)):
            widget.valueChanged.connect(clear)
        elif isinstance(widget, QAbstractSpinBox):
            widget.editingFinished.connect(clear)
        elif isinstance(widget, QListWidget):
            widget.model().rowsInserted.connect(clear)
        elif isinstance(widget, QAbstractButton):
            widget.toggled.connect(clear)
        else:
            # A row of several editors (a box and its check box, a grid of
            # check boxes): any of them changing clears the row's message.
            for child in widget.findChildren(QWidget):
                if isinstance(child, (QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QAbstractSpinBox,
                                      QAbstractButton)) and child.parentWidget() is widget:
                    self._connect_clear(name, child)

    def add_form_row(self, form, text: str, name: str, widget: QWidget) -> QWidget:
        """``widget`` as a form row labelled ``text``, with its error line
        under it, known to these errors as ``name``; returns ``widget``."""
        label = make_error_label()
        form.addRow(text, widget)
        self.add(name, widget, label)
        # A form drops the row of a hidden widget: the label sits in a holder
        # that stays, so the message's line is kept while it is empty.
        holder = QWidget()
        holder.setFixedHeight(label.height())
        if not form.property("errorRows"):
            # The message lines space the fields: the rows themselves close up.
            form.setProperty("errorRows", True)
            form.setVerticalSpacing(2)
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(label)
        form.addRow("", holder)
        return widget

    def show(self, errors: dict[str, str], *, focus: bool = False) -> QWidget | None:
        """Show each message beside its field; returns the first field to
        focus (with ``focus``, it gets the keyboard focus too)."""
        self.clear()
        first = None
        rest = []
        for name, message in errors.items():
            if name not in self._fields:
                rest.append(message)
                continue
            widget, label = self._fields[name]
            set_error_text(label, message)   # already in the user's language (ops.translated / self.tr)
            label.show()
            if widget is not None:
                _outline(widget, True)
                first = first or widget
        if rest and self._fallback is not None:
            self._fallback.setText("\n".join(rest))
            self._fallback.show()
        if focus and first is not None:
            first.setFocus()
        return first

    def clear(self, name: str | None = None) -> None:
        items = [self._fields[name]] if name in self._fields else ([] if name else self._fields.values())
        for widget, label in items:
            label.hide()
            label.clear()
            label.setProperty("fullText", None)
            label.setToolTip("")
            if widget is not None:
                _outline(widget, False)
        if name is None and self._fallback is not None:
            self._fallback.hide()

    def message(self, name: str) -> str:
        """The message shown for ``name`` ("" if none): for tests and screen readers."""
        widget_label = self._fields.get(name)
        if widget_label is None or widget_label[1].isHidden():
            return ""
        return error_text(widget_label[1])


def _outline(widget: QWidget, on: bool) -> None:
    widget.setProperty("fieldError", "true" if on else "false")
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class SearchPopup(QObject):
    """Find-as-you-type for a line edit, results in a drop-down list.

    ``search(text) -> list`` runs (through :func:`app.ui.base.ops.run`) after a
    short pause in typing, so a fast typist or a scanner does not query on
    every keystroke; ``describe(row) -> str`` is the list text. Up/Down move
    in the list while the focus stays in the line edit; Enter picks the
    highlighted row (or the first one) and emits :attr:`picked` with the row
    object; Enter before the pause ends searches at once; Esc closes.

    The list is a child widget laid over ``host``, not a popup window as
    QCompleter's: a popup window takes the window activation and hands the
    focus back to the line edit when it closes, which fought with moving the
    clerk on to the next field (and made the tests flaky offscreen).
    """

    picked = Signal(object)
    DEBOUNCE_MS = 150
    MAX_ROWS = 10

    def __init__(self, edit: QLineEdit, search, describe, host: QWidget):
        super().__init__(host)
        self.edit, self.host, self._search, self._describe = edit, host, search, describe
        self.rows: list = []
        self.model = QStandardItemModel(self)
        self.view = QListView(host)
        self.view.setModel(self.model)
        self.view.setFocusPolicy(Qt.NoFocus)
        self.view.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.view.setUniformItemSizes(True)
        self.view.setStyleSheet("QListView { border: 1px solid palette(mid); background: palette(base); }")
        self.view.hide()
        self.view.clicked.connect(lambda index: self._pick(index.row()))
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(self.DEBOUNCE_MS)
        self.timer.timeout.connect(self.run_search)
        edit.textEdited.connect(lambda _t: self.timer.start())
        edit.returnPressed.connect(self._enter)
        edit.installEventFilter(self)

    def popup(self) -> QListView:
        return self.view

    def run_search(self, show_popup: bool = True) -> None:
        from app.ui.base import ops

        self.timer.stop()
        text = self.edit.text().strip()
        result = ops.run(self.edit, self._search, text) if text else None
        self.rows = list(result.value) if result is not None and result.ok else []
        self.model.clear()
        for row in self.rows:
            self.model.appendRow(QStandardItem(self._describe(row)))
        if self.rows and show_popup and self.edit.hasFocus():
            self._show()
        else:
            self.view.hide()

    def _show(self) -> None:
        view = self.view
        pos = self.edit.mapTo(self.host, QPoint(0, self.edit.height()))
        row_height = max(view.sizeHintForRow(0), self.edit.fontMetrics().height() + 4)
        height = min(len(self.rows), self.MAX_ROWS) * row_height + 2 * view.frameWidth() + 4
        view.setGeometry(pos.x(), pos.y(), max(self.edit.width(), 480), height)
        view.setCurrentIndex(self.model.index(0, 0))
        view.raise_()
        view.show()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API
        if obj is self.edit and event.type() == QEvent.KeyPress and event.key() in (Qt.Key_Return, Qt.Key_Enter) \
                and (self.view.isVisible() or self.timer.isActive()):
            # Enter picks from the list: it must not also press the dialog's
            # default button (Save) with a half-filled form.
            self._enter()
            return True
        if obj is self.edit and self.view.isVisible():
            if event.type() == QEvent.KeyPress:
                step = {Qt.Key_Down: 1, Qt.Key_Up: -1, Qt.Key_PageDown: 5, Qt.Key_PageUp: -5}.get(event.key())
                if step is not None:
                    row = max(0, min(len(self.rows) - 1, self.view.currentIndex().row() + step))
                    self.view.setCurrentIndex(self.model.index(row, 0))
                    return True
                if event.key() == Qt.Key_Escape:
                    self.view.hide()
                    return True
            elif event.type() == QEvent.FocusOut:
                self.view.hide()
        return False

    def _enter(self) -> None:
        if self.timer.isActive():
            self.run_search(show_popup=False)
        index = self.view.currentIndex() if self.view.isVisible() else QModelIndex()
        self._pick(index.row() if index.isValid() else 0)

    def _pick(self, row: int) -> None:
        self.view.hide()
        if 0 <= row < len(self.rows):
            self.picked.emit(self.rows[row])

    def reset(self) -> None:
        self.timer.stop()
        self.view.hide()
        self.rows = []
        self.model.clear()
