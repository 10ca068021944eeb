# Generated from forms/intake.ui by tools/build_forms.py: do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'intake.ui'
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
    QFormLayout, QGridLayout, QGroupBox, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QListWidget,
    QListWidgetItem, QPlainTextEdit, QPushButton, QSizePolicy,
    QSpacerItem, QSpinBox, QTableWidget, QTableWidgetItem,
    QToolButton, QVBoxLayout, QWidget)

class Ui_IntakeForm(object):
    def setupUi(self, IntakeForm):
        if not IntakeForm.objectName():
            IntakeForm.setObjectName(u"IntakeForm")
        IntakeForm.resize(1300, 660)
        self.rootLayout = QVBoxLayout(IntakeForm)
        self.rootLayout.setObjectName(u"rootLayout")
        self.columns = QHBoxLayout()
        self.columns.setObjectName(u"columns")
        self.leftColumn = QVBoxLayout()
        self.leftColumn.setObjectName(u"leftColumn")
        self.customerBox = QGroupBox(IntakeForm)
        self.customerBox.setObjectName(u"customerBox")
        self.customerGrid = QGridLayout(self.customerBox)
        self.customerGrid.setObjectName(u"customerGrid")
        self.customerSearchLabel = QLabel(self.customerBox)
        self.customerSearchLabel.setObjectName(u"customerSearchLabel")

        self.customerGrid.addWidget(self.customerSearchLabel, 0, 0, 1, 1)

        self.customerSearch = QLineEdit(self.customerBox)
        self.customerSearch.setObjectName(u"customerSearch")
        self.customerSearch.setClearButtonEnabled(True)

        self.customerGrid.addWidget(self.customerSearch, 0, 1, 1, 1)

        self.newCustomerButton = QPushButton(self.customerBox)
        self.newCustomerButton.setObjectName(u"newCustomerButton")

        self.customerGrid.addWidget(self.newCustomerButton, 0, 2, 1, 1)

        self.err_customer = QLabel(self.customerBox)
        self.err_customer.setObjectName(u"err_customer")

        self.customerGrid.addWidget(self.err_customer, 1, 1, 1, 2)

        self.customerInfo = QLabel(self.customerBox)
        self.customerInfo.setObjectName(u"customerInfo")
        self.customerInfo.setWordWrap(True)
        self.customerInfo.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.customerGrid.addWidget(self.customerInfo, 2, 1, 1, 2)


        self.leftColumn.addWidget(self.customerBox)

        self.unitBox = QGroupBox(IntakeForm)
        self.unitBox.setObjectName(u"unitBox")
        self.unitGrid = QGridLayout(self.unitBox)
        self.unitGrid.setObjectName(u"unitGrid")
        self.serialLabel = QLabel(self.unitBox)
        self.serialLabel.setObjectName(u"serialLabel")

        self.unitGrid.addWidget(self.serialLabel, 0, 0, 1, 1)

        self.serialEdit = QLineEdit(self.unitBox)
        self.serialEdit.setObjectName(u"serialEdit")
        self.serialEdit.setMaxLength(100)

        self.unitGrid.addWidget(self.serialEdit, 0, 1, 1, 1)

        self.err_serial = QLabel(self.unitBox)
        self.err_serial.setObjectName(u"err_serial")

        self.unitGrid.addWidget(self.err_serial, 1, 1, 1, 1)

        self.unitInfo = QLabel(self.unitBox)
        self.unitInfo.setObjectName(u"unitInfo")
        self.unitInfo.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)
        self.unitInfo.setWordWrap(True)
        self.unitInfo.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.unitGrid.addWidget(self.unitInfo, 2, 0, 1, 2)

        self.newUnitPanel = QWidget(self.unitBox)
        self.newUnitPanel.setObjectName(u"newUnitPanel")
        self.newUnitForm = QFormLayout(self.newUnitPanel)
        self.newUnitForm.setObjectName(u"newUnitForm")
        self.newUnitForm.setContentsMargins(0, 0, 0, 0)
        self.productLabel = QLabel(self.newUnitPanel)
        self.productLabel.setObjectName(u"productLabel")

        self.newUnitForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.productLabel)

        self.productCombo = QComboBox(self.newUnitPanel)
        self.productCombo.setObjectName(u"productCombo")
        self.productCombo.setEditable(True)
        self.productCombo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)

        self.newUnitForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.productCombo)

        self.err_product = QLabel(self.newUnitPanel)
        self.err_product.setObjectName(u"err_product")

        self.newUnitForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.err_product)

        self.productNameLabel = QLabel(self.newUnitPanel)
        self.productNameLabel.setObjectName(u"productNameLabel")

        self.newUnitForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.productNameLabel)

        self.newProductRow = QHBoxLayout()
        self.newProductRow.setObjectName(u"newProductRow")
        self.productName = QLineEdit(self.newUnitPanel)
        self.productName.setObjectName(u"productName")

        self.newProductRow.addWidget(self.productName)

        self.warrantyLabel = QLabel(self.newUnitPanel)
        self.warrantyLabel.setObjectName(u"warrantyLabel")

        self.newProductRow.addWidget(self.warrantyLabel)

        self.warrantySpin = QSpinBox(self.newUnitPanel)
        self.warrantySpin.setObjectName(u"warrantySpin")
        self.warrantySpin.setMaximum(240)
        self.warrantySpin.setValue(12)

        self.newProductRow.addWidget(self.warrantySpin)


        self.newUnitForm.setLayout(2, QFormLayout.ItemRole.FieldRole, self.newProductRow)

        self.err_warranty_months = QLabel(self.newUnitPanel)
        self.err_warranty_months.setObjectName(u"err_warranty_months")

        self.newUnitForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.err_warranty_months)

        self.saleDateLabel = QLabel(self.newUnitPanel)
        self.saleDateLabel.setObjectName(u"saleDateLabel")

        self.newUnitForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.saleDateLabel)

        self.saleDate = QDateEdit(self.newUnitPanel)
        self.saleDate.setObjectName(u"saleDate")
        self.saleDate.setMaximumSize(QSize(180, 16777215))
        self.saleDate.setCalendarPopup(True)

        self.newUnitForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.saleDate)

        self.err_sale_date = QLabel(self.newUnitPanel)
        self.err_sale_date.setObjectName(u"err_sale_date")

        self.newUnitForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.err_sale_date)


        self.unitGrid.addWidget(self.newUnitPanel, 3, 0, 1, 2)

        self.historyLabel = QLabel(self.unitBox)
        self.historyLabel.setObjectName(u"historyLabel")

        self.unitGrid.addWidget(self.historyLabel, 4, 0, 1, 2)

        self.historyTable = QTableWidget(self.unitBox)
        if (self.historyTable.columnCount() < 4):
            self.historyTable.setColumnCount(4)
        __qtablewidgetitem = QTableWidgetItem()
        self.historyTable.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.historyTable.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.historyTable.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.historyTable.setHorizontalHeaderItem(3, __qtablewidgetitem3)
        self.historyTable.setObjectName(u"historyTable")
        self.historyTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.historyTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.historyTable.setAlternatingRowColors(True)
        self.historyTable.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.historyTable.setColumnCount(4)

        self.unitGrid.addWidget(self.historyTable, 5, 0, 1, 2)

        self.unitGrid.setRowStretch(5, 1)

        self.leftColumn.addWidget(self.unitBox)

        self.leftColumn.setStretch(1, 1)

        self.columns.addLayout(self.leftColumn)

        self.rightColumn = QVBoxLayout()
        self.rightColumn.setObjectName(u"rightColumn")
        self.itemsBox = QGroupBox(IntakeForm)
        self.itemsBox.setObjectName(u"itemsBox")
        self.itemsLayout = QVBoxLayout(self.itemsBox)
        self.itemsLayout.setObjectName(u"itemsLayout")
        self.itemsList = QListWidget(self.itemsBox)
        self.itemsList.setObjectName(u"itemsList")
        self.itemsList.setMaximumSize(QSize(16777215, 110))
        self.itemsList.setFocusPolicy(Qt.FocusPolicy.ClickFocus)

        self.itemsLayout.addWidget(self.itemsList)

        self.quickItems = QHBoxLayout()
        self.quickItems.setObjectName(u"quickItems")
        self.quickAdapter = QPushButton(self.itemsBox)
        self.quickAdapter.setObjectName(u"quickAdapter")

        self.quickItems.addWidget(self.quickAdapter)

        self.quickBattery = QPushButton(self.itemsBox)
        self.quickBattery.setObjectName(u"quickBattery")

        self.quickItems.addWidget(self.quickBattery)

        self.quickBox = QPushButton(self.itemsBox)
        self.quickBox.setObjectName(u"quickBox")

        self.quickItems.addWidget(self.quickBox)

        self.quickCable = QPushButton(self.itemsBox)
        self.quickCable.setObjectName(u"quickCable")

        self.quickItems.addWidget(self.quickCable)

        self.quickBag = QPushButton(self.itemsBox)
        self.quickBag.setObjectName(u"quickBag")

        self.quickItems.addWidget(self.quickBag)

        self.quickSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.quickItems.addItem(self.quickSpacer)


        self.itemsLayout.addLayout(self.quickItems)

        self.itemRow = QHBoxLayout()
        self.itemRow.setObjectName(u"itemRow")
        self.itemEdit = QLineEdit(self.itemsBox)
        self.itemEdit.setObjectName(u"itemEdit")
        self.itemEdit.setMaxLength(200)

        self.itemRow.addWidget(self.itemEdit)

        self.addItemButton = QPushButton(self.itemsBox)
        self.addItemButton.setObjectName(u"addItemButton")

        self.itemRow.addWidget(self.addItemButton)

        self.removeItemButton = QPushButton(self.itemsBox)
        self.removeItemButton.setObjectName(u"removeItemButton")

        self.itemRow.addWidget(self.removeItemButton)


        self.itemsLayout.addLayout(self.itemRow)

        self.err_items = QLabel(self.itemsBox)
        self.err_items.setObjectName(u"err_items")

        self.itemsLayout.addWidget(self.err_items)


        self.rightColumn.addWidget(self.itemsBox)

        self.faultBox = QGroupBox(IntakeForm)
        self.faultBox.setObjectName(u"faultBox")
        self.faultForm = QFormLayout(self.faultBox)
        self.faultForm.setObjectName(u"faultForm")
        self.faultLabel = QLabel(self.faultBox)
        self.faultLabel.setObjectName(u"faultLabel")

        self.faultForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.faultLabel)

        self.faultEdit = QPlainTextEdit(self.faultBox)
        self.faultEdit.setObjectName(u"faultEdit")
        self.faultEdit.setTabChangesFocus(True)
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.faultEdit.sizePolicy().hasHeightForWidth())
        self.faultEdit.setSizePolicy(sizePolicy)
        self.faultEdit.setMinimumSize(QSize(0, 64))
        self.faultEdit.setMaximumSize(QSize(16777215, 64))

        self.faultForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.faultEdit)

        self.err_fault = QLabel(self.faultBox)
        self.err_fault.setObjectName(u"err_fault")

        self.faultForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.err_fault)

        self.conditionLabel = QLabel(self.faultBox)
        self.conditionLabel.setObjectName(u"conditionLabel")

        self.faultForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.conditionLabel)

        self.conditionEdit = QLineEdit(self.faultBox)
        self.conditionEdit.setObjectName(u"conditionEdit")
        self.conditionEdit.setMaxLength(500)

        self.faultForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.conditionEdit)

        self.chips = QHBoxLayout()
        self.chips.setObjectName(u"chips")
        self.chipIntact = QToolButton(self.faultBox)
        self.chipIntact.setObjectName(u"chipIntact")

        self.chips.addWidget(self.chipIntact)

        self.chipScratches = QToolButton(self.faultBox)
        self.chipScratches.setObjectName(u"chipScratches")

        self.chips.addWidget(self.chipScratches)

        self.chipDents = QToolButton(self.faultBox)
        self.chipDents.setObjectName(u"chipDents")

        self.chips.addWidget(self.chipDents)

        self.chipScreen = QToolButton(self.faultBox)
        self.chipScreen.setObjectName(u"chipScreen")

        self.chips.addWidget(self.chipScreen)

        self.chipLiquid = QToolButton(self.faultBox)
        self.chipLiquid.setObjectName(u"chipLiquid")

        self.chips.addWidget(self.chipLiquid)

        self.chipSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.chips.addItem(self.chipSpacer)


        self.faultForm.setLayout(3, QFormLayout.ItemRole.FieldRole, self.chips)


        self.rightColumn.addWidget(self.faultBox)

        self.serviceBox = QGroupBox(IntakeForm)
        self.serviceBox.setObjectName(u"serviceBox")
        self.serviceForm = QFormLayout(self.serviceBox)
        self.serviceForm.setObjectName(u"serviceForm")
        self.promisedLabel = QLabel(self.serviceBox)
        self.promisedLabel.setObjectName(u"promisedLabel")

        self.serviceForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.promisedLabel)

        self.promisedDate = QDateEdit(self.serviceBox)
        self.promisedDate.setObjectName(u"promisedDate")
        self.promisedDate.setMaximumSize(QSize(180, 16777215))
        self.promisedDate.setCalendarPopup(True)

        self.serviceForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.promisedDate)

        self.err_promised_date = QLabel(self.serviceBox)
        self.err_promised_date.setObjectName(u"err_promised_date")

        self.serviceForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.err_promised_date)

        self.kindLabel = QLabel(self.serviceBox)
        self.kindLabel.setObjectName(u"kindLabel")

        self.serviceForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kindRow = QHBoxLayout()
        self.kindRow.setObjectName(u"kindRow")
        self.kindCombo = QComboBox(self.serviceBox)
        self.kindCombo.setObjectName(u"kindCombo")

        self.kindRow.addWidget(self.kindCombo)

        self.kindReason = QLineEdit(self.serviceBox)
        self.kindReason.setObjectName(u"kindReason")

        self.kindRow.addWidget(self.kindReason)

        self.kindRow.setStretch(0, 2)
        self.kindRow.setStretch(1, 3)

        self.serviceForm.setLayout(2, QFormLayout.ItemRole.FieldRole, self.kindRow)

        self.err_service_kind = QLabel(self.serviceBox)
        self.err_service_kind.setObjectName(u"err_service_kind")

        self.serviceForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.err_service_kind)

        self.err_kind_reason = QLabel(self.serviceBox)
        self.err_kind_reason.setObjectName(u"err_kind_reason")

        self.serviceForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.err_kind_reason)

        self.broughtByLabel = QLabel(self.serviceBox)
        self.broughtByLabel.setObjectName(u"broughtByLabel")

        self.serviceForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.broughtByLabel)

        self.broughtBy = QLineEdit(self.serviceBox)
        self.broughtBy.setObjectName(u"broughtBy")
        self.broughtBy.setMaxLength(100)

        self.serviceForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.broughtBy)


        self.rightColumn.addWidget(self.serviceBox)

        self.rightSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.rightColumn.addItem(self.rightSpacer)


        self.columns.addLayout(self.rightColumn)

        self.columns.setStretch(0, 5)
        self.columns.setStretch(1, 6)

        self.rootLayout.addLayout(self.columns)

        self.bottomBar = QHBoxLayout()
        self.bottomBar.setObjectName(u"bottomBar")
        self.statusLabel = QLabel(IntakeForm)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setWordWrap(True)
        self.statusLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.bottomBar.addWidget(self.statusLabel)

        self.err_other = QLabel(IntakeForm)
        self.err_other.setObjectName(u"err_other")

        self.bottomBar.addWidget(self.err_other)

        self.clearButton = QPushButton(IntakeForm)
        self.clearButton.setObjectName(u"clearButton")

        self.bottomBar.addWidget(self.clearButton)

        self.saveButton = QPushButton(IntakeForm)
        self.saveButton.setObjectName(u"saveButton")
        self.saveButton.setMinimumSize(QSize(200, 36))

        self.bottomBar.addWidget(self.saveButton)

        self.bottomBar.setStretch(0, 1)

        self.rootLayout.addLayout(self.bottomBar)

#if QT_CONFIG(shortcut)
        self.customerSearchLabel.setBuddy(self.customerSearch)
        self.serialLabel.setBuddy(self.serialEdit)
        self.productLabel.setBuddy(self.productCombo)
        self.productNameLabel.setBuddy(self.productName)
        self.warrantyLabel.setBuddy(self.warrantySpin)
        self.saleDateLabel.setBuddy(self.saleDate)
        self.faultLabel.setBuddy(self.faultEdit)
        self.conditionLabel.setBuddy(self.conditionEdit)
        self.promisedLabel.setBuddy(self.promisedDate)
        self.kindLabel.setBuddy(self.kindCombo)
        self.broughtByLabel.setBuddy(self.broughtBy)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.customerSearch, self.serialEdit)
        QWidget.setTabOrder(self.serialEdit, self.productCombo)
        QWidget.setTabOrder(self.productCombo, self.productName)
        QWidget.setTabOrder(self.productName, self.warrantySpin)
        QWidget.setTabOrder(self.warrantySpin, self.saleDate)
        QWidget.setTabOrder(self.saleDate, self.itemEdit)
        QWidget.setTabOrder(self.itemEdit, self.addItemButton)
        QWidget.setTabOrder(self.addItemButton, self.removeItemButton)
        QWidget.setTabOrder(self.removeItemButton, self.quickAdapter)
        QWidget.setTabOrder(self.quickAdapter, self.quickBattery)
        QWidget.setTabOrder(self.quickBattery, self.quickBox)
        QWidget.setTabOrder(self.quickBox, self.quickCable)
        QWidget.setTabOrder(self.quickCable, self.quickBag)
        QWidget.setTabOrder(self.quickBag, self.faultEdit)
        QWidget.setTabOrder(self.faultEdit, self.conditionEdit)
        QWidget.setTabOrder(self.conditionEdit, self.chipIntact)
        QWidget.setTabOrder(self.chipIntact, self.chipScratches)
        QWidget.setTabOrder(self.chipScratches, self.chipDents)
        QWidget.setTabOrder(self.chipDents, self.chipScreen)
        QWidget.setTabOrder(self.chipScreen, self.chipLiquid)
        QWidget.setTabOrder(self.chipLiquid, self.promisedDate)
        QWidget.setTabOrder(self.promisedDate, self.kindCombo)
        QWidget.setTabOrder(self.kindCombo, self.kindReason)
        QWidget.setTabOrder(self.kindReason, self.broughtBy)
        QWidget.setTabOrder(self.broughtBy, self.saveButton)
        QWidget.setTabOrder(self.saveButton, self.clearButton)
        QWidget.setTabOrder(self.clearButton, self.newCustomerButton)

        self.retranslateUi(IntakeForm)

        QMetaObject.connectSlotsByName(IntakeForm)
    # setupUi

    def retranslateUi(self, IntakeForm):
        self.customerBox.setTitle(QCoreApplication.translate("IntakeForm", u"1  Customer", None))
        self.customerSearchLabel.setText(QCoreApplication.translate("IntakeForm", u"Fin&d:", None))
        self.customerSearch.setPlaceholderText(QCoreApplication.translate("IntakeForm", u"Name, phone, customer code or pinyin initials", None))
        self.newCustomerButton.setText(QCoreApplication.translate("IntakeForm", u"&New customer\u2026 (Ctrl+N)", None))
        self.customerInfo.setText(QCoreApplication.translate("IntakeForm", u"No customer chosen yet.", None))
        self.unitBox.setTitle(QCoreApplication.translate("IntakeForm", u"2  Unit", None))
        self.serialLabel.setText(QCoreApplication.translate("IntakeForm", u"S&erial number:", None))
        self.serialEdit.setPlaceholderText(QCoreApplication.translate("IntakeForm", u"Type or scan, then Enter", None))
        self.unitInfo.setText("")
        self.productLabel.setText(QCoreApplication.translate("IntakeForm", u"&Product (model):", None))
        self.productNameLabel.setText(QCoreApplication.translate("IntakeForm", u"New product &name:", None))
        self.productName.setPlaceholderText(QCoreApplication.translate("IntakeForm", u"Only for a model not listed", None))
        self.warrantyLabel.setText(QCoreApplication.translate("IntakeForm", u"&Warranty:", None))
        self.warrantySpin.setSuffix(QCoreApplication.translate("IntakeForm", u" months", None))
        self.saleDateLabel.setText(QCoreApplication.translate("IntakeForm", u"Sale &date:", None))
        self.saleDate.setDisplayFormat(QCoreApplication.translate("IntakeForm", u"yyyy-MM-dd", None))
        self.historyLabel.setText(QCoreApplication.translate("IntakeForm", u"Service history of this unit", None))
        ___qtablewidgetitem = self.historyTable.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("IntakeForm", u"Job", None))
        ___qtablewidgetitem1 = self.historyTable.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("IntakeForm", u"Received", None))
        ___qtablewidgetitem2 = self.historyTable.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("IntakeForm", u"Fault", None))
        ___qtablewidgetitem3 = self.historyTable.horizontalHeaderItem(3)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("IntakeForm", u"State", None))
        self.itemsBox.setTitle(QCoreApplication.translate("IntakeForm", u"3  Items received (one repair card each)", None))
        self.quickAdapter.setText(QCoreApplication.translate("IntakeForm", u"+ Power adapter/charger", None))
        self.quickBattery.setText(QCoreApplication.translate("IntakeForm", u"+ Battery", None))
        self.quickBox.setText(QCoreApplication.translate("IntakeForm", u"+ Packaging/box", None))
        self.quickCable.setText(QCoreApplication.translate("IntakeForm", u"+ Data cable", None))
        self.quickBag.setText(QCoreApplication.translate("IntakeForm", u"+ Bag/case", None))
        self.itemEdit.setPlaceholderText(QCoreApplication.translate("IntakeForm", u"Another item, then Enter (empty Enter: go on to the fault)", None))
        self.addItemButton.setText(QCoreApplication.translate("IntakeForm", u"&Add", None))
        self.removeItemButton.setText(QCoreApplication.translate("IntakeForm", u"Re&move", None))
        self.faultBox.setTitle(QCoreApplication.translate("IntakeForm", u"4  Fault and condition", None))
        self.faultLabel.setText(QCoreApplication.translate("IntakeForm", u"Fa&ult (as the customer says):", None))
        self.conditionLabel.setText(QCoreApplication.translate("IntakeForm", u"Appearance and &condition:", None))
        self.chipIntact.setText(QCoreApplication.translate("IntakeForm", u"Intact", None))
        self.chipScratches.setText(QCoreApplication.translate("IntakeForm", u"Scratches", None))
        self.chipDents.setText(QCoreApplication.translate("IntakeForm", u"Dents", None))
        self.chipScreen.setText(QCoreApplication.translate("IntakeForm", u"Cracked screen", None))
        self.chipLiquid.setText(QCoreApplication.translate("IntakeForm", u"Liquid damage", None))
        self.serviceBox.setTitle(QCoreApplication.translate("IntakeForm", u"5  Service", None))
        self.promisedLabel.setText(QCoreApplication.translate("IntakeForm", u"&Promised for:", None))
        self.promisedDate.setDisplayFormat(QCoreApplication.translate("IntakeForm", u"yyyy-MM-dd", None))
        self.kindLabel.setText(QCoreApplication.translate("IntakeForm", u"Service &kind:", None))
        self.kindReason.setPlaceholderText(QCoreApplication.translate("IntakeForm", u"Why it differs from the rules", None))
        self.broughtByLabel.setText(QCoreApplication.translate("IntakeForm", u"&Brought by:", None))
        self.broughtBy.setPlaceholderText(QCoreApplication.translate("IntakeForm", u"Only if not the customer", None))
        self.statusLabel.setText("")
        self.clearButton.setText(QCoreApplication.translate("IntakeForm", u"C&lear form", None))
        self.saveButton.setText(QCoreApplication.translate("IntakeForm", u"&Save and print (F12)", None))
        pass
    # retranslateUi

