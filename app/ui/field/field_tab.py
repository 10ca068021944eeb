"""The Visit planning tab (brief §3): visits and plans, service activities,
gifts and samples, satisfaction surveys, one page each.

A page is built the first time it is shown (like the main window's tabs)
and is shown only to a role that may use it; the domain checks again.
"""
from __future__ import annotations

from app.ui.qt import QTabWidget, QVBoxLayout, QWidget


class _LazyPage(QWidget):
    def __init__(self, factory, parent: QWidget | None = None):
        super().__init__(parent)
        self.factory, self.widget = factory, None
        self.setLayout(QVBoxLayout())
        self.layout().setContentsMargins(0, 0, 0, 0)

    def ensure(self) -> QWidget:
        if self.widget is None:
            self.widget = self.factory()
            self.layout().addWidget(self.widget)
        return self.widget

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        self.ensure()
        super().showEvent(event)


def may_use(ctx) -> bool:
    """Whether the signed-in user may use any page (the main window hides the tab otherwise)."""
    return any(ctx.can(p) for _code, perms in FieldServiceTab.PAGES for p in perms)


class FieldServiceTab(QWidget):
    """Visits | Service activities | Gifts and samples | Satisfaction surveys."""

    #: (page code, permissions any of which shows the page)
    PAGES = (("visits", ("visit.plan", "visit.all")),
             ("activities", ("activity.manage", "visit.all")),
             ("gifts", ("gift.request", "gift.approve")),
             ("surveys", ("survey.manage", "survey.results")))

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.tabs)
        self.pages: dict[str, _LazyPage] = {}
        # Letters free on every page and in the menu bar (File, Job, View, Help).
        titles = {"visits": self.tr("Vi&sits and plans"), "activities": self.tr("Service a&ctivities"),
                  "gifts": self.tr("Gifts and sa&mples"), "surveys": self.tr("Satisfaction s&urveys")}
        for code, _perms in self.PAGES:
            page = _LazyPage(lambda code=code: self._make(code))
            self.pages[code] = page
            self.tabs.addTab(page, titles[code])
        ctx.user_changed.connect(self._apply_rights)
        self._apply_rights()

    def _make(self, code: str) -> QWidget:
        if code == "visits":
            from app.ui.field.visits_page import VisitsPage
            return VisitsPage(self.ctx)
        if code == "activities":
            from app.ui.field.activities_page import ActivitiesPage
            return ActivitiesPage(self.ctx)
        if code == "gifts":
            from app.ui.field.gifts_page import GiftsPage
            return GiftsPage(self.ctx)
        from app.ui.field.surveys_page import SurveysPage
        return SurveysPage(self.ctx)

    def _apply_rights(self) -> None:
        for code, perms in self.PAGES:
            self.tabs.setTabVisible(self.tabs.indexOf(self.pages[code]), any(self.ctx.can(p) for p in perms))

    def show_page(self, code: str) -> QWidget:
        """Bring a page to the front (building it) and return its widget."""
        page = self.pages[code]
        self.tabs.setCurrentWidget(page)
        return page.ensure()
