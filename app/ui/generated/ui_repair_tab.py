# Generated from forms/repair_tab.ui by tools/build_forms.py: do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'repair_tab.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QPushButton,
    QSizePolicy, QSpacerItem, QTableView, QToolButton,
    QVBoxLayout, QWidget)

class Ui_RepairTab(object):
    def setupUi(self, RepairTab):
        if not RepairTab.objectName():
            RepairTab.setObjectName(u"RepairTab")
        RepairTab.resize(1200, 700)
        self.mainLayout = QVBoxLayout(RepairTab)
        self.mainLayout.setSpacing(6)
        self.mainLayout.setObjectName(u"mainLayout")
        self.headerLayout = QHBoxLayout()
        self.headerLayout.setObjectName(u"headerLayout")
        self.titleLabel = QLabel(RepairTab)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setStyleSheet(u"font-size: 15px; font-weight: bold;")

        self.headerLayout.addWidget(self.titleLabel)

        self.titleSpacer = QSpacerItem(12, 1, QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)

        self.headerLayout.addItem(self.titleSpacer)

        self.chipsLayout = QHBoxLayout()
        self.chipsLayout.setSpacing(4)
        self.chipsLayout.setObjectName(u"chipsLayout")

        self.headerLayout.addLayout(self.chipsLayout)

        self.headerSpacer = QSpacerItem(20, 1, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.headerLayout.addItem(self.headerSpacer)

        self.overdueButton = QToolButton(RepairTab)
        self.overdueButton.setObjectName(u"overdueButton")
        self.overdueButton.setCheckable(True)

        self.headerLayout.addWidget(self.overdueButton)


        self.mainLayout.addLayout(self.headerLayout)

        self.filterLayout = QHBoxLayout()
        self.filterLayout.setObjectName(u"filterLayout")
        self.technicianLabel = QLabel(RepairTab)
        self.technicianLabel.setObjectName(u"technicianLabel")

        self.filterLayout.addWidget(self.technicianLabel)

        self.technicianCombo = QComboBox(RepairTab)
        self.technicianCombo.setObjectName(u"technicianCombo")
        self.technicianCombo.setMinimumContentsLength(8)
        self.technicianCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.filterLayout.addWidget(self.technicianCombo)

        self.ageLabel = QLabel(RepairTab)
        self.ageLabel.setObjectName(u"ageLabel")

        self.filterLayout.addWidget(self.ageLabel)

        self.ageCombo = QComboBox(RepairTab)
        self.ageCombo.setObjectName(u"ageCombo")
        self.ageCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.filterLayout.addWidget(self.ageCombo)

        self.searchLabel = QLabel(RepairTab)
        self.searchLabel.setObjectName(u"searchLabel")

        self.filterLayout.addWidget(self.searchLabel)

        self.searchEdit = QLineEdit(RepairTab)
        self.searchEdit.setObjectName(u"searchEdit")
        self.searchEdit.setClearButtonEnabled(True)
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.searchEdit.sizePolicy().hasHeightForWidth())
        self.searchEdit.setSizePolicy(sizePolicy)

        self.filterLayout.addWidget(self.searchEdit)

        self.refreshButton = QToolButton(RepairTab)
        self.refreshButton.setObjectName(u"refreshButton")

        self.filterLayout.addWidget(self.refreshButton)


        self.mainLayout.addLayout(self.filterLayout)

        self.tableView = QTableView(RepairTab)
        self.tableView.setObjectName(u"tableView")
        self.tableView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tableView.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tableView.setSortingEnabled(True)

        self.mainLayout.addWidget(self.tableView)

        self.footerLayout = QHBoxLayout()
        self.footerLayout.setObjectName(u"footerLayout")
        self.statusLabel = QLabel(RepairTab)
        self.statusLabel.setObjectName(u"statusLabel")

        self.footerLayout.addWidget(self.statusLabel)

        self.footerSpacer = QSpacerItem(20, 1, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.footerLayout.addItem(self.footerSpacer)

        self.openButton = QPushButton(RepairTab)
        self.openButton.setObjectName(u"openButton")

        self.footerLayout.addWidget(self.openButton)

        self.moveButton = QPushButton(RepairTab)
        self.moveButton.setObjectName(u"moveButton")

        self.footerLayout.addWidget(self.moveButton)

        self.printCardsButton = QPushButton(RepairTab)
        self.printCardsButton.setObjectName(u"printCardsButton")

        self.footerLayout.addWidget(self.printCardsButton)

        self.exportButton = QPushButton(RepairTab)
        self.exportButton.setObjectName(u"exportButton")

        self.footerLayout.addWidget(self.exportButton)


        self.mainLayout.addLayout(self.footerLayout)

#if QT_CONFIG(shortcut)
        self.technicianLabel.setBuddy(self.technicianCombo)
        self.ageLabel.setBuddy(self.ageCombo)
        self.searchLabel.setBuddy(self.searchEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(RepairTab)

        QMetaObject.connectSlotsByName(RepairTab)
    # setupUi

    def retranslateUi(self, RepairTab):
        self.titleLabel.setText(QCoreApplication.translate("RepairTab", u"Workshop queue", None))
#if QT_CONFIG(tooltip)
        self.overdueButton.setToolTip(QCoreApplication.translate("RepairTab", u"Show only the jobs past their promised date", None))
#endif // QT_CONFIG(tooltip)
        self.technicianLabel.setText(QCoreApplication.translate("RepairTab", u"&Technician:", None))
        self.ageLabel.setText(QCoreApplication.translate("RepairTab", u"&Age:", None))
        self.searchLabel.setText(QCoreApplication.translate("RepairTab", u"Fin&d:", None))
        self.searchEdit.setPlaceholderText(QCoreApplication.translate("RepairTab", u"Job number, serial, customer or phone; paste several serials to find them all", None))
#if QT_CONFIG(tooltip)
        self.refreshButton.setToolTip(QCoreApplication.translate("RepairTab", u"Refresh (Ctrl+R)", None))
#endif // QT_CONFIG(tooltip)
        self.refreshButton.setText(QCoreApplication.translate("RepairTab", u"Refresh", None))
        self.openButton.setText(QCoreApplication.translate("RepairTab", u"&Open", None))
        self.moveButton.setText(QCoreApplication.translate("RepairTab", u"&Move to\u2026", None))
        self.printCardsButton.setText(QCoreApplication.translate("RepairTab", u"&Print repair cards", None))
        self.exportButton.setText(QCoreApplication.translate("RepairTab", u"E&xport CSV\u2026", None))
        pass
    # retranslateUi

