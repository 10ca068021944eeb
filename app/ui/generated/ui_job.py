# Generated from forms/job.ui by tools/build_forms.py: do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'job.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QDateEdit, QDialog,
    QFormLayout, QFrame, QGridLayout, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QPlainTextEdit,
    QPushButton, QSizePolicy, QSpacerItem, QTabWidget,
    QTableView, QVBoxLayout, QWidget)

class Ui_JobDialog(object):
    def setupUi(self, JobDialog):
        if not JobDialog.objectName():
            JobDialog.setObjectName(u"JobDialog")
        JobDialog.resize(980, 700)
        self.mainLayout = QVBoxLayout(JobDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.titleLayout = QHBoxLayout()
        self.titleLayout.setObjectName(u"titleLayout")
        self.numberLabel = QLabel(JobDialog)
        self.numberLabel.setObjectName(u"numberLabel")
        self.numberLabel.setStyleSheet(u"font-size: 20px; font-weight: bold;")
        self.numberLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.titleLayout.addWidget(self.numberLabel)

        self.stateLabel = QLabel(JobDialog)
        self.stateLabel.setObjectName(u"stateLabel")
        self.stateLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.titleLayout.addWidget(self.stateLabel)

        self.overdueLabel = QLabel(JobDialog)
        self.overdueLabel.setObjectName(u"overdueLabel")
        self.overdueLabel.setStyleSheet(u"color: #b71c1c; font-weight: bold;")

        self.titleLayout.addWidget(self.overdueLabel)

        self.titleSpacer = QSpacerItem(20, 1, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.titleLayout.addItem(self.titleSpacer)

        self.readOnlyLabel = QLabel(JobDialog)
        self.readOnlyLabel.setObjectName(u"readOnlyLabel")
        self.readOnlyLabel.setStyleSheet(u"color: #616161;")

        self.titleLayout.addWidget(self.readOnlyLabel)


        self.mainLayout.addLayout(self.titleLayout)

        self.headerFrame = QFrame(JobDialog)
        self.headerFrame.setObjectName(u"headerFrame")
        self.headerFrame.setFrameShape(QFrame.Shape.StyledPanel)
        self.headerLayout = QHBoxLayout(self.headerFrame)
        self.headerLayout.setSpacing(24)
        self.headerLayout.setObjectName(u"headerLayout")
        self.leftForm = QFormLayout()
        self.leftForm.setObjectName(u"leftForm")
        self.leftForm.setVerticalSpacing(3)
        self.customerCaption = QLabel(self.headerFrame)
        self.customerCaption.setObjectName(u"customerCaption")

        self.leftForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.customerCaption)

        self.customerLabel = QLabel(self.headerFrame)
        self.customerLabel.setObjectName(u"customerLabel")
        self.customerLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.leftForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.customerLabel)

        self.productCaption = QLabel(self.headerFrame)
        self.productCaption.setObjectName(u"productCaption")

        self.leftForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.productCaption)

        self.productLabel = QLabel(self.headerFrame)
        self.productLabel.setObjectName(u"productLabel")
        self.productLabel.setWordWrap(True)

        self.leftForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.productLabel)

        self.serialCaption = QLabel(self.headerFrame)
        self.serialCaption.setObjectName(u"serialCaption")

        self.leftForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.serialCaption)

        self.serialLabel = QLabel(self.headerFrame)
        self.serialLabel.setObjectName(u"serialLabel")
        self.serialLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.leftForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.serialLabel)

        self.warrantyCaption = QLabel(self.headerFrame)
        self.warrantyCaption.setObjectName(u"warrantyCaption")

        self.leftForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.warrantyCaption)

        self.warrantyLabel = QLabel(self.headerFrame)
        self.warrantyLabel.setObjectName(u"warrantyLabel")

        self.leftForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.warrantyLabel)

        self.itemsCaption = QLabel(self.headerFrame)
        self.itemsCaption.setObjectName(u"itemsCaption")

        self.leftForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.itemsCaption)

        self.itemsLabel = QLabel(self.headerFrame)
        self.itemsLabel.setObjectName(u"itemsLabel")
        self.itemsLabel.setWordWrap(True)

        self.leftForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.itemsLabel)


        self.headerLayout.addLayout(self.leftForm)

        self.rightForm = QFormLayout()
        self.rightForm.setObjectName(u"rightForm")
        self.rightForm.setVerticalSpacing(3)
        self.kindCaption = QLabel(self.headerFrame)
        self.kindCaption.setObjectName(u"kindCaption")

        self.rightForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.kindCaption)

        self.kindLabel = QLabel(self.headerFrame)
        self.kindLabel.setObjectName(u"kindLabel")
        self.kindLabel.setWordWrap(True)

        self.rightForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.kindLabel)

        self.receivedCaption = QLabel(self.headerFrame)
        self.receivedCaption.setObjectName(u"receivedCaption")

        self.rightForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.receivedCaption)

        self.receivedLabel = QLabel(self.headerFrame)
        self.receivedLabel.setObjectName(u"receivedLabel")

        self.rightForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.receivedLabel)

        self.promisedCaption = QLabel(self.headerFrame)
        self.promisedCaption.setObjectName(u"promisedCaption")

        self.rightForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.promisedCaption)

        self.promisedLabel = QLabel(self.headerFrame)
        self.promisedLabel.setObjectName(u"promisedLabel")

        self.rightForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.promisedLabel)

        self.technicianCaption = QLabel(self.headerFrame)
        self.technicianCaption.setObjectName(u"technicianCaption")

        self.rightForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.technicianCaption)

        self.technicianLabel = QLabel(self.headerFrame)
        self.technicianLabel.setObjectName(u"technicianLabel")

        self.rightForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.technicianLabel)

        self.faultCaption = QLabel(self.headerFrame)
        self.faultCaption.setObjectName(u"faultCaption")

        self.rightForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.faultCaption)

        self.faultLabel = QLabel(self.headerFrame)
        self.faultLabel.setObjectName(u"faultLabel")
        self.faultLabel.setWordWrap(True)

        self.rightForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.faultLabel)


        self.headerLayout.addLayout(self.rightForm)


        self.mainLayout.addWidget(self.headerFrame)

        self.actionsBar = QHBoxLayout()
        self.actionsBar.setObjectName(u"actionsBar")
        self.actionsLayout = QHBoxLayout()
        self.actionsLayout.setObjectName(u"actionsLayout")

        self.actionsBar.addLayout(self.actionsLayout)

        self.actionsSpacer = QSpacerItem(20, 1, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.actionsBar.addItem(self.actionsSpacer)

        self.informButton = QPushButton(JobDialog)
        self.informButton.setObjectName(u"informButton")

        self.actionsBar.addWidget(self.informButton)

        self.kindButton = QPushButton(JobDialog)
        self.kindButton.setObjectName(u"kindButton")

        self.actionsBar.addWidget(self.kindButton)

        self.cancelJobButton = QPushButton(JobDialog)
        self.cancelJobButton.setObjectName(u"cancelJobButton")

        self.actionsBar.addWidget(self.cancelJobButton)


        self.mainLayout.addLayout(self.actionsBar)

        self.tabs = QTabWidget(JobDialog)
        self.tabs.setObjectName(u"tabs")
        self.diagnosisTab = QWidget()
        self.diagnosisTab.setObjectName(u"diagnosisTab")
        self.diagnosisLayout = QVBoxLayout(self.diagnosisTab)
        self.diagnosisLayout.setObjectName(u"diagnosisLayout")
        self.diagTechLayout = QHBoxLayout()
        self.diagTechLayout.setObjectName(u"diagTechLayout")
        self.diagTechnicianCaption = QLabel(self.diagnosisTab)
        self.diagTechnicianCaption.setObjectName(u"diagTechnicianCaption")

        self.diagTechLayout.addWidget(self.diagTechnicianCaption)

        self.diagTechnicianCombo = QComboBox(self.diagnosisTab)
        self.diagTechnicianCombo.setObjectName(u"diagTechnicianCombo")
        self.diagTechnicianCombo.setMinimumContentsLength(10)

        self.diagTechLayout.addWidget(self.diagTechnicianCombo)

        self.diagTechSpacer = QSpacerItem(20, 1, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.diagTechLayout.addItem(self.diagTechSpacer)


        self.diagnosisLayout.addLayout(self.diagTechLayout)

        self.diagnosisEdit = QPlainTextEdit(self.diagnosisTab)
        self.diagnosisEdit.setObjectName(u"diagnosisEdit")

        self.diagnosisLayout.addWidget(self.diagnosisEdit)

        self.diagButtonsLayout = QHBoxLayout()
        self.diagButtonsLayout.setObjectName(u"diagButtonsLayout")
        self.diagnosisError = QLabel(self.diagnosisTab)
        self.diagnosisError.setObjectName(u"diagnosisError")

        self.diagButtonsLayout.addWidget(self.diagnosisError)

        self.diagSpacer = QSpacerItem(20, 1, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.diagButtonsLayout.addItem(self.diagSpacer)

        self.saveDiagnosisButton = QPushButton(self.diagnosisTab)
        self.saveDiagnosisButton.setObjectName(u"saveDiagnosisButton")

        self.diagButtonsLayout.addWidget(self.saveDiagnosisButton)


        self.diagnosisLayout.addLayout(self.diagButtonsLayout)

        self.tabs.addTab(self.diagnosisTab, "")
        self.partsTab = QWidget()
        self.partsTab.setObjectName(u"partsTab")
        self.partsLayout = QVBoxLayout(self.partsTab)
        self.partsLayout.setObjectName(u"partsLayout")
        self.partsView = QTableView(self.partsTab)
        self.partsView.setObjectName(u"partsView")

        self.partsLayout.addWidget(self.partsView)

        self.partsHint = QLabel(self.partsTab)
        self.partsHint.setObjectName(u"partsHint")
        self.partsHint.setWordWrap(True)
        self.partsHint.setStyleSheet(u"color: #616161;")

        self.partsLayout.addWidget(self.partsHint)

        self.partForm = QGridLayout()
        self.partForm.setObjectName(u"partForm")
        self.partForm.setVerticalSpacing(2)
        self.partKindCaption = QLabel(self.partsTab)
        self.partKindCaption.setObjectName(u"partKindCaption")

        self.partForm.addWidget(self.partKindCaption, 0, 0, 1, 1)

        self.partDescriptionCaption = QLabel(self.partsTab)
        self.partDescriptionCaption.setObjectName(u"partDescriptionCaption")

        self.partForm.addWidget(self.partDescriptionCaption, 0, 1, 1, 1)

        self.partNoCaption = QLabel(self.partsTab)
        self.partNoCaption.setObjectName(u"partNoCaption")

        self.partForm.addWidget(self.partNoCaption, 0, 2, 1, 1)

        self.partQtyCaption = QLabel(self.partsTab)
        self.partQtyCaption.setObjectName(u"partQtyCaption")

        self.partForm.addWidget(self.partQtyCaption, 0, 3, 1, 1)

        self.partPriceCaption = QLabel(self.partsTab)
        self.partPriceCaption.setObjectName(u"partPriceCaption")

        self.partForm.addWidget(self.partPriceCaption, 0, 4, 1, 1)

        self.partKindCombo = QComboBox(self.partsTab)
        self.partKindCombo.setObjectName(u"partKindCombo")

        self.partForm.addWidget(self.partKindCombo, 1, 0, 1, 1)

        self.partDescriptionEdit = QLineEdit(self.partsTab)
        self.partDescriptionEdit.setObjectName(u"partDescriptionEdit")

        self.partForm.addWidget(self.partDescriptionEdit, 1, 1, 1, 1)

        self.partNoEdit = QLineEdit(self.partsTab)
        self.partNoEdit.setObjectName(u"partNoEdit")
        self.partNoEdit.setMaximumWidth(140)

        self.partForm.addWidget(self.partNoEdit, 1, 2, 1, 1)

        self.partQtyEdit = QLineEdit(self.partsTab)
        self.partQtyEdit.setObjectName(u"partQtyEdit")
        self.partQtyEdit.setMaximumWidth(90)
        self.partQtyEdit.setText(u"1")

        self.partForm.addWidget(self.partQtyEdit, 1, 3, 1, 1)

        self.partPriceEdit = QLineEdit(self.partsTab)
        self.partPriceEdit.setObjectName(u"partPriceEdit")
        self.partPriceEdit.setMaximumWidth(110)

        self.partForm.addWidget(self.partPriceEdit, 1, 4, 1, 1)

        self.addPartButton = QPushButton(self.partsTab)
        self.addPartButton.setObjectName(u"addPartButton")

        self.partForm.addWidget(self.addPartButton, 1, 5, 1, 1)

        self.partKindError = QLabel(self.partsTab)
        self.partKindError.setObjectName(u"partKindError")

        self.partForm.addWidget(self.partKindError, 2, 0, 1, 1)

        self.partDescriptionError = QLabel(self.partsTab)
        self.partDescriptionError.setObjectName(u"partDescriptionError")

        self.partForm.addWidget(self.partDescriptionError, 2, 1, 1, 1)

        self.partQtyError = QLabel(self.partsTab)
        self.partQtyError.setObjectName(u"partQtyError")

        self.partForm.addWidget(self.partQtyError, 2, 3, 1, 1)

        self.partPriceError = QLabel(self.partsTab)
        self.partPriceError.setObjectName(u"partPriceError")

        self.partForm.addWidget(self.partPriceError, 2, 4, 1, 1)

        self.partFormError = QLabel(self.partsTab)
        self.partFormError.setObjectName(u"partFormError")

        self.partForm.addWidget(self.partFormError, 2, 5, 1, 1)


        self.partsLayout.addLayout(self.partForm)

        self.partsFooter = QHBoxLayout()
        self.partsFooter.setObjectName(u"partsFooter")
        self.removePartButton = QPushButton(self.partsTab)
        self.removePartButton.setObjectName(u"removePartButton")

        self.partsFooter.addWidget(self.removePartButton)

        self.partsSpacer = QSpacerItem(20, 1, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.partsFooter.addItem(self.partsSpacer)

        self.partsTotalLabel = QLabel(self.partsTab)
        self.partsTotalLabel.setObjectName(u"partsTotalLabel")
        self.partsTotalLabel.setStyleSheet(u"font-weight: bold;")

        self.partsFooter.addWidget(self.partsTotalLabel)


        self.partsLayout.addLayout(self.partsFooter)

        self.tabs.addTab(self.partsTab, "")
        self.labourTab = QWidget()
        self.labourTab.setObjectName(u"labourTab")
        self.labourLayout = QVBoxLayout(self.labourTab)
        self.labourLayout.setObjectName(u"labourLayout")
        self.labourView = QTableView(self.labourTab)
        self.labourView.setObjectName(u"labourView")

        self.labourLayout.addWidget(self.labourView)

        self.labourHint = QLabel(self.labourTab)
        self.labourHint.setObjectName(u"labourHint")
        self.labourHint.setWordWrap(True)
        self.labourHint.setStyleSheet(u"color: #616161;")

        self.labourLayout.addWidget(self.labourHint)

        self.labourForm = QGridLayout()
        self.labourForm.setObjectName(u"labourForm")
        self.labourForm.setVerticalSpacing(2)
        self.labourTechCaption = QLabel(self.labourTab)
        self.labourTechCaption.setObjectName(u"labourTechCaption")

        self.labourForm.addWidget(self.labourTechCaption, 0, 0, 1, 1)

        self.labourDateCaption = QLabel(self.labourTab)
        self.labourDateCaption.setObjectName(u"labourDateCaption")

        self.labourForm.addWidget(self.labourDateCaption, 0, 1, 1, 1)

        self.labourHoursCaption = QLabel(self.labourTab)
        self.labourHoursCaption.setObjectName(u"labourHoursCaption")

        self.labourForm.addWidget(self.labourHoursCaption, 0, 2, 1, 1)

        self.labourRateCaption = QLabel(self.labourTab)
        self.labourRateCaption.setObjectName(u"labourRateCaption")

        self.labourForm.addWidget(self.labourRateCaption, 0, 3, 1, 1)

        self.labourDescriptionCaption = QLabel(self.labourTab)
        self.labourDescriptionCaption.setObjectName(u"labourDescriptionCaption")

        self.labourForm.addWidget(self.labourDescriptionCaption, 0, 4, 1, 1)

        self.labourTechCombo = QComboBox(self.labourTab)
        self.labourTechCombo.setObjectName(u"labourTechCombo")
        self.labourTechCombo.setMinimumContentsLength(8)

        self.labourForm.addWidget(self.labourTechCombo, 1, 0, 1, 1)

        self.labourDateEdit = QDateEdit(self.labourTab)
        self.labourDateEdit.setObjectName(u"labourDateEdit")
        self.labourDateEdit.setDisplayFormat(u"yyyy-MM-dd")
        self.labourDateEdit.setCalendarPopup(True)

        self.labourForm.addWidget(self.labourDateEdit, 1, 1, 1, 1)

        self.labourHoursEdit = QLineEdit(self.labourTab)
        self.labourHoursEdit.setObjectName(u"labourHoursEdit")
        self.labourHoursEdit.setMaximumWidth(80)

        self.labourForm.addWidget(self.labourHoursEdit, 1, 2, 1, 1)

        self.labourRateEdit = QLineEdit(self.labourTab)
        self.labourRateEdit.setObjectName(u"labourRateEdit")
        self.labourRateEdit.setMaximumWidth(100)

        self.labourForm.addWidget(self.labourRateEdit, 1, 3, 1, 1)

        self.labourDescriptionEdit = QLineEdit(self.labourTab)
        self.labourDescriptionEdit.setObjectName(u"labourDescriptionEdit")

        self.labourForm.addWidget(self.labourDescriptionEdit, 1, 4, 1, 1)

        self.addLabourButton = QPushButton(self.labourTab)
        self.addLabourButton.setObjectName(u"addLabourButton")

        self.labourForm.addWidget(self.addLabourButton, 1, 5, 1, 1)

        self.labourHoursError = QLabel(self.labourTab)
        self.labourHoursError.setObjectName(u"labourHoursError")

        self.labourForm.addWidget(self.labourHoursError, 2, 2, 1, 1)

        self.labourRateError = QLabel(self.labourTab)
        self.labourRateError.setObjectName(u"labourRateError")

        self.labourForm.addWidget(self.labourRateError, 2, 3, 1, 1)

        self.labourFormError = QLabel(self.labourTab)
        self.labourFormError.setObjectName(u"labourFormError")

        self.labourForm.addWidget(self.labourFormError, 2, 4, 1, 1)


        self.labourLayout.addLayout(self.labourForm)

        self.labourFooter = QHBoxLayout()
        self.labourFooter.setObjectName(u"labourFooter")
        self.removeLabourButton = QPushButton(self.labourTab)
        self.removeLabourButton.setObjectName(u"removeLabourButton")

        self.labourFooter.addWidget(self.removeLabourButton)

        self.labourSpacer = QSpacerItem(20, 1, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.labourFooter.addItem(self.labourSpacer)

        self.labourTotalLabel = QLabel(self.labourTab)
        self.labourTotalLabel.setObjectName(u"labourTotalLabel")
        self.labourTotalLabel.setStyleSheet(u"font-weight: bold;")

        self.labourFooter.addWidget(self.labourTotalLabel)


        self.labourLayout.addLayout(self.labourFooter)

        self.tabs.addTab(self.labourTab, "")
        self.chargesTab = QWidget()
        self.chargesTab.setObjectName(u"chargesTab")
        self.chargesLayout = QVBoxLayout(self.chargesTab)
        self.chargesLayout.setObjectName(u"chargesLayout")
        self.chargesForm = QFormLayout()
        self.chargesForm.setObjectName(u"chargesForm")
        self.chargesForm.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.partsTotalCaption = QLabel(self.chargesTab)
        self.partsTotalCaption.setObjectName(u"partsTotalCaption")

        self.chargesForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.partsTotalCaption)

        self.partsTotalValue = QLabel(self.chargesTab)
        self.partsTotalValue.setObjectName(u"partsTotalValue")

        self.chargesForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.partsTotalValue)

        self.labourTotalCaption = QLabel(self.chargesTab)
        self.labourTotalCaption.setObjectName(u"labourTotalCaption")

        self.chargesForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.labourTotalCaption)

        self.labourTotalValue = QLabel(self.chargesTab)
        self.labourTotalValue.setObjectName(u"labourTotalValue")

        self.chargesForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.labourTotalValue)

        self.grossCaption = QLabel(self.chargesTab)
        self.grossCaption.setObjectName(u"grossCaption")

        self.chargesForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.grossCaption)

        self.grossValue = QLabel(self.chargesTab)
        self.grossValue.setObjectName(u"grossValue")
        self.grossValue.setStyleSheet(u"font-weight: bold;")

        self.chargesForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.grossValue)

        self.coveredCaption = QLabel(self.chargesTab)
        self.coveredCaption.setObjectName(u"coveredCaption")

        self.chargesForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.coveredCaption)

        self.coveredValue = QLabel(self.chargesTab)
        self.coveredValue.setObjectName(u"coveredValue")

        self.chargesForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.coveredValue)

        self.dueCaption = QLabel(self.chargesTab)
        self.dueCaption.setObjectName(u"dueCaption")

        self.chargesForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.dueCaption)

        self.dueValue = QLabel(self.chargesTab)
        self.dueValue.setObjectName(u"dueValue")
        self.dueValue.setStyleSheet(u"font-size: 18px; font-weight: bold;")

        self.chargesForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.dueValue)

        self.paidCaption = QLabel(self.chargesTab)
        self.paidCaption.setObjectName(u"paidCaption")

        self.chargesForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.paidCaption)

        self.paidValue = QLabel(self.chargesTab)
        self.paidValue.setObjectName(u"paidValue")

        self.chargesForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.paidValue)


        self.chargesLayout.addLayout(self.chargesForm)

        self.chargesNote = QLabel(self.chargesTab)
        self.chargesNote.setObjectName(u"chargesNote")
        self.chargesNote.setWordWrap(True)
        self.chargesNote.setStyleSheet(u"color: #616161;")

        self.chargesLayout.addWidget(self.chargesNote)

        self.chargesSpacer = QSpacerItem(1, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.chargesLayout.addItem(self.chargesSpacer)

        self.tabs.addTab(self.chargesTab, "")
        self.historyTab = QWidget()
        self.historyTab.setObjectName(u"historyTab")
        self.historyLayout = QVBoxLayout(self.historyTab)
        self.historyLayout.setObjectName(u"historyLayout")
        self.historyView = QTableView(self.historyTab)
        self.historyView.setObjectName(u"historyView")

        self.historyLayout.addWidget(self.historyView)

        self.tabs.addTab(self.historyTab, "")

        self.mainLayout.addWidget(self.tabs)

        self.bottomLayout = QHBoxLayout()
        self.bottomLayout.setObjectName(u"bottomLayout")
        self.printCardsButton = QPushButton(JobDialog)
        self.printCardsButton.setObjectName(u"printCardsButton")

        self.bottomLayout.addWidget(self.printCardsButton)

        self.printReceiptButton = QPushButton(JobDialog)
        self.printReceiptButton.setObjectName(u"printReceiptButton")

        self.bottomLayout.addWidget(self.printReceiptButton)

        self.voucherButton = QPushButton(JobDialog)
        self.voucherButton.setObjectName(u"voucherButton")

        self.bottomLayout.addWidget(self.voucherButton)

        self.bottomSpacer = QSpacerItem(20, 1, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.bottomLayout.addItem(self.bottomSpacer)

        self.closeButton = QPushButton(JobDialog)
        self.closeButton.setObjectName(u"closeButton")
        self.closeButton.setAutoDefault(False)

        self.bottomLayout.addWidget(self.closeButton)


        self.mainLayout.addLayout(self.bottomLayout)

#if QT_CONFIG(shortcut)
        self.diagTechnicianCaption.setBuddy(self.diagTechnicianCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(JobDialog)
        self.closeButton.clicked.connect(JobDialog.accept)

        self.tabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(JobDialog)
    # setupUi

    def retranslateUi(self, JobDialog):
        JobDialog.setWindowTitle(QCoreApplication.translate("JobDialog", u"Service job", None))
        self.customerCaption.setText(QCoreApplication.translate("JobDialog", u"Customer:", None))
        self.productCaption.setText(QCoreApplication.translate("JobDialog", u"Product:", None))
        self.serialCaption.setText(QCoreApplication.translate("JobDialog", u"Serial:", None))
        self.warrantyCaption.setText(QCoreApplication.translate("JobDialog", u"Warranty until:", None))
        self.itemsCaption.setText(QCoreApplication.translate("JobDialog", u"Items:", None))
        self.kindCaption.setText(QCoreApplication.translate("JobDialog", u"Service kind:", None))
        self.receivedCaption.setText(QCoreApplication.translate("JobDialog", u"Received:", None))
        self.promisedCaption.setText(QCoreApplication.translate("JobDialog", u"Promised:", None))
        self.technicianCaption.setText(QCoreApplication.translate("JobDialog", u"Technician:", None))
        self.faultCaption.setText(QCoreApplication.translate("JobDialog", u"Fault:", None))
        self.informButton.setText(QCoreApplication.translate("JobDialog", u"Customer &informed\u2026", None))
        self.kindButton.setText(QCoreApplication.translate("JobDialog", u"Change service &kind\u2026", None))
        self.cancelJobButton.setText(QCoreApplication.translate("JobDialog", u"Cancel &job\u2026", None))
        self.diagTechnicianCaption.setText(QCoreApplication.translate("JobDialog", u"Technician:", None))
        self.diagnosisEdit.setPlaceholderText(QCoreApplication.translate("JobDialog", u"What is wrong and what needs doing", None))
        self.saveDiagnosisButton.setText(QCoreApplication.translate("JobDialog", u"&Save diagnosis", None))
        self.tabs.setTabText(self.tabs.indexOf(self.diagnosisTab), QCoreApplication.translate("JobDialog", u"&Diagnosis", None))
        self.partKindCaption.setText(QCoreApplication.translate("JobDialog", u"Kind", None))
        self.partDescriptionCaption.setText(QCoreApplication.translate("JobDialog", u"Description", None))
        self.partNoCaption.setText(QCoreApplication.translate("JobDialog", u"Part no.", None))
        self.partQtyCaption.setText(QCoreApplication.translate("JobDialog", u"Quantity", None))
        self.partPriceCaption.setText(QCoreApplication.translate("JobDialog", u"Unit price \u00a5", None))
        self.addPartButton.setText(QCoreApplication.translate("JobDialog", u"&Add", None))
        self.removePartButton.setText(QCoreApplication.translate("JobDialog", u"R&emove selected", None))
        self.tabs.setTabText(self.tabs.indexOf(self.partsTab), QCoreApplication.translate("JobDialog", u"&Parts && materials", None))
        self.labourTechCaption.setText(QCoreApplication.translate("JobDialog", u"Technician", None))
        self.labourDateCaption.setText(QCoreApplication.translate("JobDialog", u"Date", None))
        self.labourHoursCaption.setText(QCoreApplication.translate("JobDialog", u"Hours", None))
        self.labourRateCaption.setText(QCoreApplication.translate("JobDialog", u"Rate \u00a5/h", None))
        self.labourDescriptionCaption.setText(QCoreApplication.translate("JobDialog", u"Work done", None))
        self.addLabourButton.setText(QCoreApplication.translate("JobDialog", u"&Add", None))
        self.removeLabourButton.setText(QCoreApplication.translate("JobDialog", u"R&emove selected", None))
        self.tabs.setTabText(self.tabs.indexOf(self.labourTab), QCoreApplication.translate("JobDialog", u"&Labour", None))
        self.partsTotalCaption.setText(QCoreApplication.translate("JobDialog", u"Parts and materials:", None))
        self.labourTotalCaption.setText(QCoreApplication.translate("JobDialog", u"Labour:", None))
        self.grossCaption.setText(QCoreApplication.translate("JobDialog", u"Cost of the repair:", None))
        self.dueCaption.setText(QCoreApplication.translate("JobDialog", u"Customer pays:", None))
        self.paidCaption.setText(QCoreApplication.translate("JobDialog", u"Paid:", None))
        self.tabs.setTabText(self.tabs.indexOf(self.chargesTab), QCoreApplication.translate("JobDialog", u"Char&ges", None))
        self.tabs.setTabText(self.tabs.indexOf(self.historyTab), QCoreApplication.translate("JobDialog", u"&History", None))
        self.printCardsButton.setText(QCoreApplication.translate("JobDialog", u"Print repair &cards", None))
        self.printReceiptButton.setText(QCoreApplication.translate("JobDialog", u"Print &receipt", None))
#if QT_CONFIG(tooltip)
        self.printReceiptButton.setToolTip(QCoreApplication.translate("JobDialog", u"Print the pickup receipt again", None))
#endif // QT_CONFIG(tooltip)
        self.voucherButton.setText(QCoreApplication.translate("JobDialog", u"Service &voucher\u2026", None))
        self.closeButton.setText(QCoreApplication.translate("JobDialog", u"Close", None))
    # retranslateUi

