# Generated from forms/customers_tab.ui by tools/build_forms.py: do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'customers_tab.ui'
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
    QSizePolicy, QSpacerItem, QTableView, QVBoxLayout,
    QWidget)

class Ui_CustomersTab(object):
    def setupUi(self, CustomersTab):
        if not CustomersTab.objectName():
            CustomersTab.setObjectName(u"CustomersTab")
        CustomersTab.resize(1200, 700)
        self.mainLayout = QVBoxLayout(CustomersTab)
        self.mainLayout.setSpacing(6)
        self.mainLayout.setObjectName(u"mainLayout")
        self.headerLayout = QHBoxLayout()
        self.headerLayout.setObjectName(u"headerLayout")
        self.titleLabel = QLabel(CustomersTab)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setStyleSheet(u"font-size: 15px; font-weight: bold;")

        self.headerLayout.addWidget(self.titleLabel)

        self.searchEdit = QLineEdit(CustomersTab)
        self.searchEdit.setObjectName(u"searchEdit")
        self.searchEdit.setClearButtonEnabled(True)
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.searchEdit.sizePolicy().hasHeightForWidth())
        self.searchEdit.setSizePolicy(sizePolicy)

        self.headerLayout.addWidget(self.searchEdit)

        self.countLabel = QLabel(CustomersTab)
        self.countLabel.setObjectName(u"countLabel")
        self.countLabel.setText(u"0")
        self.countLabel.setMinimumSize(QSize(110, 0))
        self.countLabel.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.headerLayout.addWidget(self.countLabel)


        self.mainLayout.addLayout(self.headerLayout)

        self.filterLayout = QHBoxLayout()
        self.filterLayout.setObjectName(u"filterLayout")
        self.categoryLabel = QLabel(CustomersTab)
        self.categoryLabel.setObjectName(u"categoryLabel")

        self.filterLayout.addWidget(self.categoryLabel)

        self.categoryCombo = QComboBox(CustomersTab)
        self.categoryCombo.setObjectName(u"categoryCombo")
        self.categoryCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.filterLayout.addWidget(self.categoryCombo)

        self.regionLabel = QLabel(CustomersTab)
        self.regionLabel.setObjectName(u"regionLabel")

        self.filterLayout.addWidget(self.regionLabel)

        self.regionCombo = QComboBox(CustomersTab)
        self.regionCombo.setObjectName(u"regionCombo")
        self.regionCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.regionCombo.setMinimumContentsLength(8)

        self.filterLayout.addWidget(self.regionCombo)

        self.creditLabel = QLabel(CustomersTab)
        self.creditLabel.setObjectName(u"creditLabel")

        self.filterLayout.addWidget(self.creditLabel)

        self.creditCombo = QComboBox(CustomersTab)
        self.creditCombo.setObjectName(u"creditCombo")
        self.creditCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.filterLayout.addWidget(self.creditCombo)

        self.statusFilterLabel = QLabel(CustomersTab)
        self.statusFilterLabel.setObjectName(u"statusFilterLabel")

        self.filterLayout.addWidget(self.statusFilterLabel)

        self.statusCombo = QComboBox(CustomersTab)
        self.statusCombo.setObjectName(u"statusCombo")
        self.statusCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.filterLayout.addWidget(self.statusCombo)

        self.responsibleLabel = QLabel(CustomersTab)
        self.responsibleLabel.setObjectName(u"responsibleLabel")

        self.filterLayout.addWidget(self.responsibleLabel)

        self.responsibleCombo = QComboBox(CustomersTab)
        self.responsibleCombo.setObjectName(u"responsibleCombo")
        self.responsibleCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.filterLayout.addWidget(self.responsibleCombo)

        self.filterSpacer = QSpacerItem(20, 1, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.filterLayout.addItem(self.filterSpacer)

        self.clearFiltersButton = QPushButton(CustomersTab)
        self.clearFiltersButton.setObjectName(u"clearFiltersButton")

        self.filterLayout.addWidget(self.clearFiltersButton)


        self.mainLayout.addLayout(self.filterLayout)

        self.tableView = QTableView(CustomersTab)
        self.tableView.setObjectName(u"tableView")
        self.tableView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tableView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tableView.setSortingEnabled(True)

        self.mainLayout.addWidget(self.tableView)

        self.buttonLayout = QHBoxLayout()
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.openButton = QPushButton(CustomersTab)
        self.openButton.setObjectName(u"openButton")

        self.buttonLayout.addWidget(self.openButton)

        self.newButton = QPushButton(CustomersTab)
        self.newButton.setObjectName(u"newButton")

        self.buttonLayout.addWidget(self.newButton)

        self.selectionButton = QPushButton(CustomersTab)
        self.selectionButton.setObjectName(u"selectionButton")

        self.buttonLayout.addWidget(self.selectionButton)

        self.requestsButton = QPushButton(CustomersTab)
        self.requestsButton.setObjectName(u"requestsButton")

        self.buttonLayout.addWidget(self.requestsButton)

        self.logButton = QPushButton(CustomersTab)
        self.logButton.setObjectName(u"logButton")

        self.buttonLayout.addWidget(self.logButton)

        self.buttonSpacer = QSpacerItem(20, 1, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonLayout.addItem(self.buttonSpacer)

        self.importButton = QPushButton(CustomersTab)
        self.importButton.setObjectName(u"importButton")

        self.buttonLayout.addWidget(self.importButton)

        self.exportButton = QPushButton(CustomersTab)
        self.exportButton.setObjectName(u"exportButton")

        self.buttonLayout.addWidget(self.exportButton)

        self.printButton = QPushButton(CustomersTab)
        self.printButton.setObjectName(u"printButton")

        self.buttonLayout.addWidget(self.printButton)


        self.mainLayout.addLayout(self.buttonLayout)

#if QT_CONFIG(shortcut)
        self.categoryLabel.setBuddy(self.categoryCombo)
        self.regionLabel.setBuddy(self.regionCombo)
        self.creditLabel.setBuddy(self.creditCombo)
        self.statusFilterLabel.setBuddy(self.statusCombo)
        self.responsibleLabel.setBuddy(self.responsibleCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.searchEdit, self.categoryCombo)
        QWidget.setTabOrder(self.categoryCombo, self.regionCombo)
        QWidget.setTabOrder(self.regionCombo, self.creditCombo)
        QWidget.setTabOrder(self.creditCombo, self.statusCombo)
        QWidget.setTabOrder(self.statusCombo, self.responsibleCombo)
        QWidget.setTabOrder(self.responsibleCombo, self.clearFiltersButton)
        QWidget.setTabOrder(self.clearFiltersButton, self.tableView)

        self.retranslateUi(CustomersTab)

        QMetaObject.connectSlotsByName(CustomersTab)
    # setupUi

    def retranslateUi(self, CustomersTab):
        self.titleLabel.setText(QCoreApplication.translate("CustomersTab", u"Customer overview", None))
        self.searchEdit.setPlaceholderText(QCoreApplication.translate("CustomersTab", u"Find: name, short name, pinyin initials (bjhd), phone or code", None))
        self.categoryLabel.setText(QCoreApplication.translate("CustomersTab", u"Cate&gory:", None))
        self.regionLabel.setText(QCoreApplication.translate("CustomersTab", u"R&egion:", None))
        self.creditLabel.setText(QCoreApplication.translate("CustomersTab", u"Cre&dit:", None))
        self.statusFilterLabel.setText(QCoreApplication.translate("CustomersTab", u"S&tatus:", None))
        self.responsibleLabel.setText(QCoreApplication.translate("CustomersTab", u"Responsi&ble:", None))
        self.clearFiltersButton.setText(QCoreApplication.translate("CustomersTab", u"Clear filters", None))
        self.openButton.setText(QCoreApplication.translate("CustomersTab", u"&Open", None))
#if QT_CONFIG(tooltip)
        self.openButton.setToolTip(QCoreApplication.translate("CustomersTab", u"Open the customer's archive (Enter or double-click)", None))
#endif // QT_CONFIG(tooltip)
        self.newButton.setText(QCoreApplication.translate("CustomersTab", u"&New customer\u2026", None))
        self.selectionButton.setText(QCoreApplication.translate("CustomersTab", u"New customer &selection\u2026", None))
#if QT_CONFIG(tooltip)
        self.selectionButton.setToolTip(QCoreApplication.translate("CustomersTab", u"Prospects: investigations, assessment and the manager's decision (\u00a72.2)", None))
#endif // QT_CONFIG(tooltip)
        self.requestsButton.setText(QCoreApplication.translate("CustomersTab", u"&Access requests\u2026", None))
        self.logButton.setText(QCoreApplication.translate("CustomersTab", u"Access &log\u2026", None))
        self.importButton.setText(QCoreApplication.translate("CustomersTab", u"&Import\u2026", None))
        self.exportButton.setText(QCoreApplication.translate("CustomersTab", u"E&xport\u2026", None))
        self.printButton.setText(QCoreApplication.translate("CustomersTab", u"&Print overview\u2026", None))
        pass
    # retranslateUi

