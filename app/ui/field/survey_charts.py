"""The satisfaction survey results (survey.results): charts and tables.

A bar per question (its average, 0-5, lowest questions easy to spot; its
band, below 3 / 3 to 4 / 4 and over, in a brush pattern named in the
legend, not by colour only), the average per month or quarter as a line
(every period on the axis, the line broken at one without responses), the
customers (lowest first) and the comments of low-scoring responses, all
from one :func:`app.domain.field.survey_results.results` call with the
page's filters plus the grouping, category and region chosen here. "Print"
gives the A4 summary.
"""
from __future__ import annotations

from PySide6.QtCharts import (QBarCategoryAxis, QBarSet, QChart, QChartView, QHorizontalStackedBarSeries,
                              QLineSeries, QValueAxis)
from PySide6.QtGui import QBrush, QColor, QPainter

from app.domain.core import printed
from app.domain.customers import customers as customers_domain
from app.domain.field import survey_results, surveys
from app.ui.base import labels, ops, prefs
from app.ui.base.table_models import RIGHT, Column, ListTableModel, setup_view
from app.ui.base.widgets import colon, fmt_date
from app.ui.qt import (QComboBox, QCoreApplication, QDialog, QDialogButtonBox, QHBoxLayout, QKeySequence, QLabel,
                       QLineEdit, QPushButton, QShortcut, QSplitter, Qt, QTableView, QTabWidget, QTimer,
                       QVBoxLayout)


def _t(text: str) -> str:
    return QCoreApplication.translate("survey_charts", text)


def _num(v) -> str:
    return "" if v is None else f"{v:.2f}"


def _pct(v) -> str:
    return "" if v is None else f"{v * 100:.0f}%"


def _low_colour(avg) -> str | None:
    return "#c62828" if avg is not None and avg < 3 else None


#: The bands of an average, as the printed summary draws them: (band, brush
#: pattern, colour, label colour). The patterns tell them apart without
#: colour (a colour-blind eye, a grey screenshot); the legend names them.
BANDS = (("low", Qt.DiagCrossPattern, "#b71c1c", "#000000"), ("fair", Qt.BDiagPattern, "#e65100", "#000000"),
         ("good", Qt.SolidPattern, "#2e7d32", "#ffffff"))


def _band(avg) -> str:
    return "low" if avg < 3 else "fair" if avg < 4 else "good"


def _short(text: str, n: int) -> str:
    return text if len(text) <= n else text[:n - 1] + "…"


class SurveyResultsDialog(QDialog):
    """Results for ``base`` (a SurveyFilter from the page); more filters here."""

    def __init__(self, ctx, base: surveys.SurveyFilter | None = None, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.base = base or surveys.SurveyFilter()
        self.results: survey_results.SurveyResults | None = None
        self.setWindowTitle(self.tr("Satisfaction survey results"))
        self.resize(1180, 680)
        lay = QVBoxLayout(self)

        bar = QHBoxLayout()
        self.period = QComboBox()
        self.period.addItem(self.tr("By month"), "month")
        self.period.addItem(self.tr("By quarter"), "quarter")
        self.category = QComboBox()
        self.category.addItem(self.tr("All categories"), "")
        for code in customers_domain.CATEGORIES:
            self.category.addItem(labels.category(code), code)
        self.region = QLineEdit()
        self.region.setPlaceholderText(self.tr("Region"))
        self.region.setClearButtonEnabled(True)
        self.region.setMaximumWidth(160)
        for text, w in ((self.tr("Trend"), self.period), (self.tr("Category"), self.category),
                        (self.tr("Region"), self.region)):
            bar.addWidget(QLabel(colon(text)))
            bar.addWidget(w)
        bar.addStretch(1)
        self.print_button = QPushButton(self.tr("Print summary…"))
        self.print_button.setToolTip(self.tr("Print the results summary (Ctrl+P)"))
        self.print_button.clicked.connect(self.print_summary)
        bar.addWidget(self.print_button)
        lay.addLayout(bar)
        self.summary = QLabel()
        self.summary.setStyleSheet("font-size: 11pt; padding: 4px 0;")
        lay.addWidget(self.summary)

        self.bar_chart = QChart()
        self.bar_chart.setTitle(self.tr("Average per question (1-5)"))
        self.bar_chart.legend().hide()
        self.bar_view = QChartView(self.bar_chart)
        self.bar_view.setRenderHint(QPainter.Antialiasing)
        self.line_chart = QChart()
        self.line_chart.legend().hide()
        self.line_view = QChartView(self.line_chart)
        self.line_view.setRenderHint(QPainter.Antialiasing)
        charts = QSplitter(Qt.Horizontal)
        charts.addWidget(self.bar_view)
        charts.addWidget(self.line_view)
        charts.setSizes([640, 520])

        self.question_model = ListTableModel([
            Column(self.tr("No."), lambda q: q.code[1:].lstrip("0"), align=RIGHT, width=44),
            Column(self.tr("Question"), lambda q: ops.translated(q.text), width=300),
            Column(self.tr("Answers"), lambda q: q.count, align=RIGHT, width=70),
            *[Column(str(n), lambda q, n=n: q.distribution[n], align=RIGHT, width=44) for n in surveys.SCORES],
            Column(self.tr("N/A"), lambda q: q.not_applicable, align=RIGHT, width=50),
            Column(self.tr("Average"), lambda q: _num(q.average), align=RIGHT, width=70,
                   foreground=lambda q: _low_colour(q.average)),
            Column(self.tr("Satisfied"), lambda q: _pct(q.satisfied_share), align=RIGHT, width=70,
                   header_tip=self.tr("Share of answers scored 4 or 5")),
        ])
        self.customer_model = ListTableModel([
            Column(self.tr("Code"), lambda c: c.code, width=130),
            Column(self.tr("Customer"), lambda c: c.name, width=280),
            Column(self.tr("Surveys"), lambda c: c.responses, align=RIGHT, width=70),
            Column(self.tr("Average"), lambda c: _num(c.average), align=RIGHT, width=70,
                   foreground=lambda c: _low_colour(c.average)),
            Column(self.tr("Last returned"), lambda c: fmt_date(c.last_returned), width=100),
        ])
        self.comment_model = ListTableModel([
            Column(self.tr("Number"), lambda x: x.number, width=130),
            Column(self.tr("Customer"), lambda x: x.customer, width=220),
            Column(self.tr("Returned"), lambda x: fmt_date(x.returned_on), width=90),
            Column(self.tr("Average"), lambda x: _num(x.average), align=RIGHT, width=60),
            Column(self.tr("Low items"), lambda x: "、".join(c[1:].lstrip("0") for c in x.low_questions), width=80),
            Column(self.tr("Comments"), lambda x: " / ".join(t for t in (x.comments, x.suggestions) if t),
                   tooltip=lambda x: "\n".join(t for t in (x.comments, x.suggestions) if t)),
        ])
        self.tabs = QTabWidget()
        for model, title in ((self.question_model, self.tr("Questions (lowest first)")),
                             (self.customer_model, self.tr("Customers")),
                             (self.comment_model, self.tr("Low-score comments"))):
            view = QTableView()
            setup_view(view, model)
            self.tabs.addTab(view, title)
        split = QSplitter(Qt.Vertical)
        split.addWidget(charts)
        split.addWidget(self.tabs)
        split.setSizes([400, 300])
        lay.addWidget(split, 1)
        box = QDialogButtonBox(QDialogButtonBox.Close)
        box.rejected.connect(self.reject)
        lay.addWidget(box)
        QShortcut(QKeySequence.Print, self, activated=self.print_summary)

        self._timer = QTimer(self, singleShot=True, interval=250, timeout=self.reload)
        self.period.currentIndexChanged.connect(self.reload)
        self.category.currentIndexChanged.connect(self.reload)
        self.region.textChanged.connect(self._timer.start)
        self.print_button.setEnabled(ctx.can("survey.results"))
        self.reload()

    def current_filter(self) -> surveys.SurveyFilter:
        return surveys.SurveyFilter(**{**self.base.__dict__, "category": self.category.currentData() or "",
                                       "region": self.region.text().strip()})

    def reload(self) -> None:
        result = ops.run(self, survey_results.results, self.ctx.user, self.current_filter(), self.period.currentData())
        if not result.ok:
            return
        r = self.results = result.value
        self.summary.setText(self.tr("%1 surveys, %2 scored answers, average %3, satisfied (4-5) %4")
                             .replace("%1", str(r.responses)).replace("%2", str(r.answers))
                             .replace("%3", _num(r.average) or "—").replace("%4", _pct(r.satisfied_share) or "—"))
        self.question_model.set_rows(r.weakest + [q for q in r.questions if not q.count])
        self.customer_model.set_rows(r.customers)
        self.comment_model.set_rows(r.low_comments)
        self._draw_bars(r)
        self._draw_line(r)

    def _draw_bars(self, r: survey_results.SurveyResults) -> None:
        chart = self.bar_chart
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        # Bottom to top in a horizontal chart: reversed so question 1 is on top.
        shown = list(reversed(r.questions))
        # One set per band, each with its own pattern (and named in the
        # legend): the bands are told apart without colour, as on the printed
        # summary; stacked, so each question has one bar, in its band's set.
        series = QHorizontalStackedBarSeries()
        self.bar_sets = {}
        names = {"low": self.tr("Below 3"), "fair": self.tr("3 to 4"), "good": self.tr("4 and over")}
        for band, pattern, colour, label in BANDS:
            bar_set = QBarSet(names[band])
            bar_set.append([float(q.average) if q.average is not None and _band(q.average) == band else 0.0
                            for q in shown])
            bar_set.setBrush(QBrush(QColor(colour), pattern))
            bar_set.setBorderColor(QColor(colour))
            bar_set.setLabelColor(QColor(label))
            series.append(bar_set)
            self.bar_sets[band] = bar_set
        series.setLabelsVisible(True)        # the average on each bar (a bar of 0 has none)
        series.setLabelsFormat("@value")
        series.setLabelsPrecision(3)
        chart.addSeries(series)
        chart.legend().show()
        chart.legend().setAlignment(Qt.AlignBottom)
        cats = QBarCategoryAxis()
        # Short labels: Qt Charts elides a long category label to "..." when
        # the axis is narrow; the table below has each question in full.
        cats.append([_short(f"{q.code[1:].lstrip('0')}. {ops.translated(q.text)}", 14) for q in shown])
        cats.setTruncateLabels(False)
        values = QValueAxis()
        values.setRange(0, 5)
        values.setTickCount(6)
        values.setLabelFormat("%d")
        chart.addAxis(cats, Qt.AlignLeft)
        chart.addAxis(values, Qt.AlignBottom)
        series.attachAxis(cats)
        series.attachAxis(values)

    def _draw_line(self, r: survey_results.SurveyResults) -> None:
        chart = self.line_chart
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        chart.setTitle(self.tr("Average per month") if r.period == "month" else self.tr("Average per quarter"))
        # Every period is on the axis (the domain fills the ones without
        # responses); the line is broken there: one series per run of periods with answers.
        self.line_segments = []
        run: list[tuple[int, float]] = []
        for i, p in enumerate(r.periods + [None]):
            if p is not None and p.average is not None:
                run.append((i, float(p.average)))
                continue
            if run:
                seg = QLineSeries()
                seg.setColor(QColor("#1565c0"))
                seg.setPointsVisible(True)
                seg.setPointLabelsVisible(True)
                seg.setPointLabelsFormat("@yPoint")
                for x, y in run:
                    seg.append(x, y)
                chart.addSeries(seg)
                self.line_segments.append(seg)
                run = []
        cats = QBarCategoryAxis()
        # "25-11" rather than "2025-11": twelve full labels do not fit and are elided.
        cats.append([p.label[2:] if r.period == "month" else p.label for p in r.periods] or ["—"])
        if len(r.periods) > 6:
            cats.setLabelsAngle(-90)
        values = QValueAxis()
        values.setRange(1, 5)
        values.setTickCount(5)
        values.setLabelFormat("%.1f")
        chart.addAxis(cats, Qt.AlignBottom)
        chart.addAxis(values, Qt.AlignLeft)
        for seg in self.line_segments:
            seg.attachAxis(cats)
            seg.attachAxis(values)

    def print_summary(self) -> None:
        from app.ui.base import print_service

        result = ops.run(self, results_pdf, self.ctx.user, self.current_filter(), self.period.currentData(),
                         prefs.get("print_language"))
        if result.ok:
            print_service.print_pdf(self, result.value, "voucher", self.tr("Satisfaction survey results"),
                                    preview=True)


def results_pdf(user, f: surveys.SurveyFilter, period: str, lang: str) -> bytes:
    from app.printing.field import survey_results_print

    data = survey_results.results_print_data(user, f, period, lang)
    return printed.laid_out(survey_results_print.render_survey_results, data, lang=lang,
                            font=prefs.get("font_path") or None)
