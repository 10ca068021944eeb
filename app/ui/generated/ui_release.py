# Generated from forms/release.ui by tools/build_forms.py: do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'release.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QDialog,
    QFormLayout, QGridLayout, QGroupBox, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QPushButton,
    QSizePolicy, QSpacerItem, QTableWidget, QTableWidgetItem,
    QVBoxLayout, QWidget)

class Ui_ReleaseDialog(object):
    def setupUi(self, ReleaseDialog):
        if not ReleaseDialog.objectName():
            ReleaseDialog.setObjectName(u"ReleaseDialog")
        ReleaseDialog.resize(940, 660)
        self.rootLayout = QVBoxLayout(ReleaseDialog)
        self.rootLayout.setObjectName(u"rootLayout")
        self.codeGrid = QGridLayout()
        self.codeGrid.setObjectName(u"codeGrid")
        self.codeLabel = QLabel(ReleaseDialog)
        self.codeLabel.setObjectName(u"codeLabel")

        self.codeGrid.addWidget(self.codeLabel, 0, 0, 1, 1)

        self.codeEdit = QLineEdit(ReleaseDialog)
        self.codeEdit.setObjectName(u"codeEdit")
        self.codeEdit.setMaxLength(40)

        self.codeGrid.addWidget(self.codeEdit, 0, 1, 1, 1)

        self.findButton = QPushButton(ReleaseDialog)
        self.findButton.setObjectName(u"findButton")
        self.findButton.setAutoDefault(False)

        self.codeGrid.addWidget(self.findButton, 0, 2, 1, 1)

        self.err_receipt = QLabel(ReleaseDialog)
        self.err_receipt.setObjectName(u"err_receipt")

        self.codeGrid.addWidget(self.err_receipt, 1, 1, 1, 2)

        self.codeGrid.setColumnStretch(1, 1)

        self.rootLayout.addLayout(self.codeGrid)

        self.stateMessage = QLabel(ReleaseDialog)
        self.stateMessage.setObjectName(u"stateMessage")
        self.stateMessage.setStyleSheet(u"QLabel { background: #fff3e0; color: #8a4b00; padding: 6px; border: 1px solid #ffb74d; }")
        self.stateMessage.setWordWrap(True)

        self.rootLayout.addWidget(self.stateMessage)

        self.infoRow = QHBoxLayout()
        self.infoRow.setObjectName(u"infoRow")
        self.jobBox = QGroupBox(ReleaseDialog)
        self.jobBox.setObjectName(u"jobBox")
        self.jobLayout = QVBoxLayout(self.jobBox)
        self.jobLayout.setObjectName(u"jobLayout")
        self.jobInfo = QLabel(self.jobBox)
        self.jobInfo.setObjectName(u"jobInfo")
        self.jobInfo.setWordWrap(True)
        self.jobInfo.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)
        self.jobInfo.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.jobLayout.addWidget(self.jobInfo)


        self.infoRow.addWidget(self.jobBox)

        self.chargesBox = QGroupBox(ReleaseDialog)
        self.chargesBox.setObjectName(u"chargesBox")
        self.chargesForm = QFormLayout(self.chargesBox)
        self.chargesForm.setObjectName(u"chargesForm")
        self.partsLabel = QLabel(self.chargesBox)
        self.partsLabel.setObjectName(u"partsLabel")

        self.chargesForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.partsLabel)

        self.partsValue = QLabel(self.chargesBox)
        self.partsValue.setObjectName(u"partsValue")
        self.partsValue.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.chargesForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.partsValue)

        self.labourLabel = QLabel(self.chargesBox)
        self.labourLabel.setObjectName(u"labourLabel")

        self.chargesForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.labourLabel)

        self.labourValue = QLabel(self.chargesBox)
        self.labourValue.setObjectName(u"labourValue")
        self.labourValue.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.chargesForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.labourValue)

        self.coveredLabel = QLabel(self.chargesBox)
        self.coveredLabel.setObjectName(u"coveredLabel")

        self.chargesForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.coveredLabel)

        self.coveredValue = QLabel(self.chargesBox)
        self.coveredValue.setObjectName(u"coveredValue")
        self.coveredValue.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.chargesForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.coveredValue)

        self.dueLabel = QLabel(self.chargesBox)
        self.dueLabel.setObjectName(u"dueLabel")

        self.chargesForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.dueLabel)

        self.dueValue = QLabel(self.chargesBox)
        self.dueValue.setObjectName(u"dueValue")
        self.dueValue.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.chargesForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.dueValue)


        self.infoRow.addWidget(self.chargesBox)

        self.infoRow.setStretch(0, 3)
        self.infoRow.setStretch(1, 2)

        self.rootLayout.addLayout(self.infoRow)

        self.historyLabel = QLabel(ReleaseDialog)
        self.historyLabel.setObjectName(u"historyLabel")

        self.rootLayout.addWidget(self.historyLabel)

        self.historyTable = QTableWidget(ReleaseDialog)
        if (self.historyTable.columnCount() < 5):
            self.historyTable.setColumnCount(5)
        __qtablewidgetitem = QTableWidgetItem()
        self.historyTable.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.historyTable.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.historyTable.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.historyTable.setHorizontalHeaderItem(3, __qtablewidgetitem3)
        __qtablewidgetitem4 = QTableWidgetItem()
        self.historyTable.setHorizontalHeaderItem(4, __qtablewidgetitem4)
        self.historyTable.setObjectName(u"historyTable")
        self.historyTable.setMaximumSize(QSize(16777215, 170))
        self.historyTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.historyTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.historyTable.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.historyTable.setAlternatingRowColors(True)
        self.historyTable.setColumnCount(5)

        self.rootLayout.addWidget(self.historyTable)

        self.releaseBox = QGroupBox(ReleaseDialog)
        self.releaseBox.setObjectName(u"releaseBox")
        self.releaseGrid = QGridLayout(self.releaseBox)
        self.releaseGrid.setObjectName(u"releaseGrid")
        self.collectedByLabel = QLabel(self.releaseBox)
        self.collectedByLabel.setObjectName(u"collectedByLabel")

        self.releaseGrid.addWidget(self.collectedByLabel, 0, 0, 1, 1)

        self.collectedBy = QLineEdit(self.releaseBox)
        self.collectedBy.setObjectName(u"collectedBy")
        self.collectedBy.setMaxLength(100)

        self.releaseGrid.addWidget(self.collectedBy, 0, 1, 1, 1)

        self.err_collected_by = QLabel(self.releaseBox)
        self.err_collected_by.setObjectName(u"err_collected_by")

        self.releaseGrid.addWidget(self.err_collected_by, 1, 1, 1, 1)

        self.paymentLabel = QLabel(self.releaseBox)
        self.paymentLabel.setObjectName(u"paymentLabel")

        self.releaseGrid.addWidget(self.paymentLabel, 0, 2, 1, 1)

        self.paymentRow = QWidget(self.releaseBox)
        self.paymentRow.setObjectName(u"paymentRow")
        self.paymentLayout = QHBoxLayout(self.paymentRow)
        self.paymentLayout.setObjectName(u"paymentLayout")
        self.paymentLayout.setContentsMargins(0, 0, 0, 0)
        self.paymentMethod = QComboBox(self.paymentRow)
        self.paymentMethod.setObjectName(u"paymentMethod")

        self.paymentLayout.addWidget(self.paymentMethod)

        self.amountPaid = QLineEdit(self.paymentRow)
        self.amountPaid.setObjectName(u"amountPaid")
        self.amountPaid.setMaximumSize(QSize(120, 16777215))

        self.paymentLayout.addWidget(self.amountPaid)


        self.releaseGrid.addWidget(self.paymentRow, 0, 3, 1, 1)

        self.paymentErrors = QVBoxLayout()
        self.paymentErrors.setObjectName(u"paymentErrors")
        self.err_payment_method = QLabel(self.releaseBox)
        self.err_payment_method.setObjectName(u"err_payment_method")

        self.paymentErrors.addWidget(self.err_payment_method)

        self.err_amount_paid = QLabel(self.releaseBox)
        self.err_amount_paid.setObjectName(u"err_amount_paid")

        self.paymentErrors.addWidget(self.err_amount_paid)


        self.releaseGrid.addLayout(self.paymentErrors, 1, 3, 1, 1)

        self.releaseGrid.setColumnStretch(1, 1)
        self.releaseGrid.setColumnStretch(3, 1)

        self.rootLayout.addWidget(self.releaseBox)

        self.lostBox = QGroupBox(ReleaseDialog)
        self.lostBox.setObjectName(u"lostBox")
        self.lostGrid = QGridLayout(self.lostBox)
        self.lostGrid.setObjectName(u"lostGrid")
        self.collectorIdLabel = QLabel(self.lostBox)
        self.collectorIdLabel.setObjectName(u"collectorIdLabel")

        self.lostGrid.addWidget(self.collectorIdLabel, 0, 0, 1, 1)

        self.collectorId = QLineEdit(self.lostBox)
        self.collectorId.setObjectName(u"collectorId")
        self.collectorId.setMaxLength(64)

        self.lostGrid.addWidget(self.collectorId, 0, 1, 1, 1)

        self.err_collector_id = QLabel(self.lostBox)
        self.err_collector_id.setObjectName(u"err_collector_id")

        self.lostGrid.addWidget(self.err_collector_id, 1, 1, 1, 1)

        self.approverLabel = QLabel(self.lostBox)
        self.approverLabel.setObjectName(u"approverLabel")

        self.lostGrid.addWidget(self.approverLabel, 0, 2, 1, 1)

        self.approverCombo = QComboBox(self.lostBox)
        self.approverCombo.setObjectName(u"approverCombo")

        self.lostGrid.addWidget(self.approverCombo, 0, 3, 1, 1)

        self.err_approver = QLabel(self.lostBox)
        self.err_approver.setObjectName(u"err_approver")

        self.lostGrid.addWidget(self.err_approver, 1, 3, 1, 1)

        self.lostReasonLabel = QLabel(self.lostBox)
        self.lostReasonLabel.setObjectName(u"lostReasonLabel")

        self.lostGrid.addWidget(self.lostReasonLabel, 2, 0, 1, 1)

        self.lostReason = QLineEdit(self.lostBox)
        self.lostReason.setObjectName(u"lostReason")
        self.lostReason.setMaxLength(200)

        self.lostGrid.addWidget(self.lostReason, 2, 1, 1, 3)

        self.approverPasswordLabel = QLabel(self.lostBox)
        self.approverPasswordLabel.setObjectName(u"approverPasswordLabel")

        self.lostGrid.addWidget(self.approverPasswordLabel, 3, 2, 1, 1)

        self.approverPassword = QLineEdit(self.lostBox)
        self.approverPassword.setObjectName(u"approverPassword")
        self.approverPassword.setEchoMode(QLineEdit.Password)

        self.lostGrid.addWidget(self.approverPassword, 3, 3, 1, 1)

        self.err_approver_password = QLabel(self.lostBox)
        self.err_approver_password.setObjectName(u"err_approver_password")

        self.lostGrid.addWidget(self.err_approver_password, 4, 3, 1, 1)

        self.lostGrid.setColumnStretch(1, 1)
        self.lostGrid.setColumnStretch(3, 1)

        self.rootLayout.addWidget(self.lostBox)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.lostButton = QPushButton(ReleaseDialog)
        self.lostButton.setObjectName(u"lostButton")
        self.lostButton.setCheckable(True)
        self.lostButton.setAutoDefault(False)

        self.buttonRow.addWidget(self.lostButton)

        self.err_other = QLabel(ReleaseDialog)
        self.err_other.setObjectName(u"err_other")

        self.buttonRow.addWidget(self.err_other)

        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonSpacer)

        self.releaseButton = QPushButton(ReleaseDialog)
        self.releaseButton.setObjectName(u"releaseButton")
        self.releaseButton.setAutoDefault(False)
        self.releaseButton.setMinimumSize(QSize(180, 34))

        self.buttonRow.addWidget(self.releaseButton)

        self.closeButton = QPushButton(ReleaseDialog)
        self.closeButton.setObjectName(u"closeButton")
        self.closeButton.setAutoDefault(False)

        self.buttonRow.addWidget(self.closeButton)


        self.rootLayout.addLayout(self.buttonRow)

#if QT_CONFIG(shortcut)
        self.codeLabel.setBuddy(self.codeEdit)
        self.collectedByLabel.setBuddy(self.collectedBy)
        self.paymentLabel.setBuddy(self.paymentMethod)
        self.collectorIdLabel.setBuddy(self.collectorId)
        self.approverLabel.setBuddy(self.approverCombo)
        self.lostReasonLabel.setBuddy(self.lostReason)
        self.approverPasswordLabel.setBuddy(self.approverPassword)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.codeEdit, self.findButton)
        QWidget.setTabOrder(self.findButton, self.collectedBy)
        QWidget.setTabOrder(self.collectedBy, self.paymentMethod)
        QWidget.setTabOrder(self.paymentMethod, self.amountPaid)
        QWidget.setTabOrder(self.amountPaid, self.collectorId)
        QWidget.setTabOrder(self.collectorId, self.approverCombo)
        QWidget.setTabOrder(self.approverCombo, self.approverPassword)
        QWidget.setTabOrder(self.approverPassword, self.lostReason)
        QWidget.setTabOrder(self.lostReason, self.releaseButton)
        QWidget.setTabOrder(self.releaseButton, self.lostButton)
        QWidget.setTabOrder(self.lostButton, self.closeButton)

        self.retranslateUi(ReleaseDialog)

        QMetaObject.connectSlotsByName(ReleaseDialog)
    # setupUi

    def retranslateUi(self, ReleaseDialog):
        ReleaseDialog.setWindowTitle(QCoreApplication.translate("ReleaseDialog", u"Release a unit", None))
        self.codeLabel.setText(QCoreApplication.translate("ReleaseDialog", u"Pic&kup receipt:", None))
        self.codeEdit.setPlaceholderText(QCoreApplication.translate("ReleaseDialog", u"Scan the receipt (LQ-\u2026) or type a job number (WX-\u2026), then Enter", None))
        self.findButton.setText(QCoreApplication.translate("ReleaseDialog", u"&Find", None))
        self.jobBox.setTitle(QCoreApplication.translate("ReleaseDialog", u"Job", None))
        self.chargesBox.setTitle(QCoreApplication.translate("ReleaseDialog", u"Charges", None))
        self.partsLabel.setText(QCoreApplication.translate("ReleaseDialog", u"Parts and materials:", None))
        self.labourLabel.setText(QCoreApplication.translate("ReleaseDialog", u"Labour:", None))
        self.coveredLabel.setText(QCoreApplication.translate("ReleaseDialog", u"Covered (warranty / agreement):", None))
        self.dueLabel.setText(QCoreApplication.translate("ReleaseDialog", u"<b>Due from the customer:</b>", None))
        self.historyLabel.setText(QCoreApplication.translate("ReleaseDialog", u"Service history of this unit", None))
        ___qtablewidgetitem = self.historyTable.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("ReleaseDialog", u"Job", None))
        ___qtablewidgetitem1 = self.historyTable.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("ReleaseDialog", u"Received", None))
        ___qtablewidgetitem2 = self.historyTable.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("ReleaseDialog", u"Handed back", None))
        ___qtablewidgetitem3 = self.historyTable.horizontalHeaderItem(3)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("ReleaseDialog", u"Fault", None))
        ___qtablewidgetitem4 = self.historyTable.horizontalHeaderItem(4)
        ___qtablewidgetitem4.setText(QCoreApplication.translate("ReleaseDialog", u"State", None))
        self.releaseBox.setTitle(QCoreApplication.translate("ReleaseDialog", u"Hand back", None))
        self.collectedByLabel.setText(QCoreApplication.translate("ReleaseDialog", u"&Collected by:", None))
        self.paymentLabel.setText(QCoreApplication.translate("ReleaseDialog", u"&Payment:", None))
        self.lostBox.setTitle(QCoreApplication.translate("ReleaseDialog", u"Receipt lost: release against an identity document, with a manager's approval", None))
        self.collectorIdLabel.setText(QCoreApplication.translate("ReleaseDialog", u"Collector's &ID number:", None))
        self.approverLabel.setText(QCoreApplication.translate("ReleaseDialog", u"&Approved by:", None))
        self.lostReasonLabel.setText(QCoreApplication.translate("ReleaseDialog", u"R&eason / note:", None))
        self.approverPasswordLabel.setText(QCoreApplication.translate("ReleaseDialog", u"Approver's pass&word:", None))
        self.approverPassword.setPlaceholderText(QCoreApplication.translate("ReleaseDialog", u"The manager types it here", None))
        self.lostButton.setText(QCoreApplication.translate("ReleaseDialog", u"Receipt &lost\u2026", None))
        self.releaseButton.setText(QCoreApplication.translate("ReleaseDialog", u"&Release (hand back)", None))
        self.closeButton.setText(QCoreApplication.translate("ReleaseDialog", u"Close", None))
    # retranslateUi

