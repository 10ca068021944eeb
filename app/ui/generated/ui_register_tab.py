# Generated from forms/register_tab.ui by tools/build_forms.py: do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'register_tab.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QDateEdit,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPushButton, QSizePolicy, QSpacerItem, QStackedWidget,
    QTableView, QToolButton, QVBoxLayout, QWidget)

class Ui_RegisterTab(object):
    def setupUi(self, RegisterTab):
        if not RegisterTab.objectName():
            RegisterTab.setObjectName(u"RegisterTab")
        RegisterTab.resize(1200, 700)
        self.mainLayout = QVBoxLayout(RegisterTab)
        self.mainLayout.setObjectName(u"mainLayout")
        self.viewSwitchLayout = QHBoxLayout()
        self.viewSwitchLayout.setSpacing(0)
        self.viewSwitchLayout.setObjectName(u"viewSwitchLayout")
        self.registerButton = QToolButton(RegisterTab)
        self.registerButton.setObjectName(u"registerButton")
        self.registerButton.setCheckable(True)
        self.registerButton.setChecked(True)

        self.viewSwitchLayout.addWidget(self.registerButton)

        self.inShopButton = QToolButton(RegisterTab)
        self.inShopButton.setObjectName(u"inShopButton")
        self.inShopButton.setCheckable(True)

        self.viewSwitchLayout.addWidget(self.inShopButton)

        self.switchSpacer = QSpacerItem(20, 1, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.viewSwitchLayout.addItem(self.switchSpacer)

        self.totalsLabel = QLabel(RegisterTab)
        self.totalsLabel.setObjectName(u"totalsLabel")
        self.totalsLabel.setStyleSheet(u"font-weight: bold;")

        self.viewSwitchLayout.addWidget(self.totalsLabel)


        self.mainLayout.addLayout(self.viewSwitchLayout)

        self.stack = QStackedWidget(RegisterTab)
        self.stack.setObjectName(u"stack")
        self.registerPage = QWidget()
        self.registerPage.setObjectName(u"registerPage")
        self.registerLayout = QVBoxLayout(self.registerPage)
        self.registerLayout.setObjectName(u"registerLayout")
        self.registerLayout.setContentsMargins(0, -1, 0, -1)
        self.filterLayout = QHBoxLayout()
        self.filterLayout.setObjectName(u"filterLayout")
        self.fromLabel = QLabel(self.registerPage)
        self.fromLabel.setObjectName(u"fromLabel")

        self.filterLayout.addWidget(self.fromLabel)

        self.fromDate = QDateEdit(self.registerPage)
        self.fromDate.setObjectName(u"fromDate")
        self.fromDate.setDisplayFormat(u"yyyy-MM-dd")
        self.fromDate.setCalendarPopup(True)

        self.filterLayout.addWidget(self.fromDate)

        self.toLabel = QLabel(self.registerPage)
        self.toLabel.setObjectName(u"toLabel")

        self.filterLayout.addWidget(self.toLabel)

        self.toDate = QDateEdit(self.registerPage)
        self.toDate.setObjectName(u"toDate")
        self.toDate.setDisplayFormat(u"yyyy-MM-dd")
        self.toDate.setCalendarPopup(True)

        self.filterLayout.addWidget(self.toDate)

        self.todayButton = QToolButton(self.registerPage)
        self.todayButton.setObjectName(u"todayButton")

        self.filterLayout.addWidget(self.todayButton)

        self.weekButton = QToolButton(self.registerPage)
        self.weekButton.setObjectName(u"weekButton")

        self.filterLayout.addWidget(self.weekButton)

        self.monthButton = QToolButton(self.registerPage)
        self.monthButton.setObjectName(u"monthButton")

        self.filterLayout.addWidget(self.monthButton)

        self.allButton = QToolButton(self.registerPage)
        self.allButton.setObjectName(u"allButton")

        self.filterLayout.addWidget(self.allButton)

        self.filterGap = QSpacerItem(12, 1, QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)

        self.filterLayout.addItem(self.filterGap)

        self.directionLabel = QLabel(self.registerPage)
        self.directionLabel.setObjectName(u"directionLabel")

        self.filterLayout.addWidget(self.directionLabel)

        self.directionCombo = QComboBox(self.registerPage)
        self.directionCombo.setObjectName(u"directionCombo")

        self.filterLayout.addWidget(self.directionCombo)

        self.serialLabel = QLabel(self.registerPage)
        self.serialLabel.setObjectName(u"serialLabel")

        self.filterLayout.addWidget(self.serialLabel)

        self.serialEdit = QLineEdit(self.registerPage)
        self.serialEdit.setObjectName(u"serialEdit")
        self.serialEdit.setClearButtonEnabled(True)
        self.serialEdit.setMaximumWidth(180)

        self.filterLayout.addWidget(self.serialEdit)

        self.customerLabel = QLabel(self.registerPage)
        self.customerLabel.setObjectName(u"customerLabel")

        self.filterLayout.addWidget(self.customerLabel)

        self.customerEdit = QLineEdit(self.registerPage)
        self.customerEdit.setObjectName(u"customerEdit")
        self.customerEdit.setClearButtonEnabled(True)

        self.filterLayout.addWidget(self.customerEdit)


        self.registerLayout.addLayout(self.filterLayout)

        self.registerView = QTableView(self.registerPage)
        self.registerView.setObjectName(u"registerView")
        self.registerView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.registerView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.registerView.setSortingEnabled(True)

        self.registerLayout.addWidget(self.registerView)

        self.registerFooter = QHBoxLayout()
        self.registerFooter.setObjectName(u"registerFooter")
        self.registerStatus = QLabel(self.registerPage)
        self.registerStatus.setObjectName(u"registerStatus")

        self.registerFooter.addWidget(self.registerStatus)

        self.registerFooterSpacer = QSpacerItem(20, 1, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.registerFooter.addItem(self.registerFooterSpacer)

        self.correctButton = QPushButton(self.registerPage)
        self.correctButton.setObjectName(u"correctButton")

        self.registerFooter.addWidget(self.correctButton)

        self.exportRegisterButton = QPushButton(self.registerPage)
        self.exportRegisterButton.setObjectName(u"exportRegisterButton")

        self.registerFooter.addWidget(self.exportRegisterButton)

        self.printBookButton = QPushButton(self.registerPage)
        self.printBookButton.setObjectName(u"printBookButton")

        self.registerFooter.addWidget(self.printBookButton)


        self.registerLayout.addLayout(self.registerFooter)

        self.stack.addWidget(self.registerPage)
        self.shopPage = QWidget()
        self.shopPage.setObjectName(u"shopPage")
        self.shopLayout = QVBoxLayout(self.shopPage)
        self.shopLayout.setObjectName(u"shopLayout")
        self.shopLayout.setContentsMargins(0, -1, 0, -1)
        self.shopView = QTableView(self.shopPage)
        self.shopView.setObjectName(u"shopView")
        self.shopView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.shopView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.shopView.setSortingEnabled(True)

        self.shopLayout.addWidget(self.shopView)

        self.shopFooter = QHBoxLayout()
        self.shopFooter.setObjectName(u"shopFooter")
        self.shopStatus = QLabel(self.shopPage)
        self.shopStatus.setObjectName(u"shopStatus")

        self.shopFooter.addWidget(self.shopStatus)

        self.shopFooterSpacer = QSpacerItem(20, 1, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.shopFooter.addItem(self.shopFooterSpacer)

        self.exportShopButton = QPushButton(self.shopPage)
        self.exportShopButton.setObjectName(u"exportShopButton")

        self.shopFooter.addWidget(self.exportShopButton)


        self.shopLayout.addLayout(self.shopFooter)

        self.stack.addWidget(self.shopPage)

        self.mainLayout.addWidget(self.stack)

#if QT_CONFIG(shortcut)
        self.fromLabel.setBuddy(self.fromDate)
        self.toLabel.setBuddy(self.toDate)
        self.directionLabel.setBuddy(self.directionCombo)
        self.serialLabel.setBuddy(self.serialEdit)
        self.customerLabel.setBuddy(self.customerEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(RegisterTab)

        QMetaObject.connectSlotsByName(RegisterTab)
    # setupUi

    def retranslateUi(self, RegisterTab):
        self.registerButton.setText(QCoreApplication.translate("RegisterTab", u"In/out &register", None))
        self.inShopButton.setText(QCoreApplication.translate("RegisterTab", u"In the &shop now", None))
        self.fromLabel.setText(QCoreApplication.translate("RegisterTab", u"Fro&m:", None))
        self.toLabel.setText(QCoreApplication.translate("RegisterTab", u"&To:", None))
        self.todayButton.setText(QCoreApplication.translate("RegisterTab", u"Today", None))
        self.weekButton.setText(QCoreApplication.translate("RegisterTab", u"This week", None))
        self.monthButton.setText(QCoreApplication.translate("RegisterTab", u"This month", None))
        self.allButton.setText(QCoreApplication.translate("RegisterTab", u"All", None))
        self.directionLabel.setText(QCoreApplication.translate("RegisterTab", u"&Direction:", None))
        self.serialLabel.setText(QCoreApplication.translate("RegisterTab", u"S&erial:", None))
        self.customerLabel.setText(QCoreApplication.translate("RegisterTab", u"C&ustomer:", None))
        self.correctButton.setText(QCoreApplication.translate("RegisterTab", u"&Correct row\u2026", None))
        self.exportRegisterButton.setText(QCoreApplication.translate("RegisterTab", u"E&xport CSV\u2026", None))
        self.printBookButton.setText(QCoreApplication.translate("RegisterTab", u"Print the &book\u2026", None))
#if QT_CONFIG(tooltip)
        self.printBookButton.setToolTip(QCoreApplication.translate("RegisterTab", u"The register's pages for a range of days, to file and sign (Ctrl+P)", None))
#endif // QT_CONFIG(tooltip)
        self.exportShopButton.setText(QCoreApplication.translate("RegisterTab", u"Export CS&V\u2026", None))
        pass
    # retranslateUi

