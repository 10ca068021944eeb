# Generated from forms/selection.ui by tools/build_forms.py: do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'selection.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDateEdit,
    QDialog, QDialogButtonBox, QFormLayout, QGridLayout,
    QGroupBox, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QPlainTextEdit, QPushButton, QRadioButton,
    QSizePolicy, QSpacerItem, QTabWidget, QTableView,
    QVBoxLayout, QWidget)

class Ui_SelectionDialog(object):
    def setupUi(self, SelectionDialog):
        if not SelectionDialog.objectName():
            SelectionDialog.setObjectName(u"SelectionDialog")
        SelectionDialog.resize(860, 600)
        self.mainLayout = QVBoxLayout(SelectionDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.headerLayout = QHBoxLayout()
        self.headerLayout.setObjectName(u"headerLayout")
        self.titleLabel = QLabel(SelectionDialog)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setStyleSheet(u"font-size: 15px; font-weight: bold;")

        self.headerLayout.addWidget(self.titleLabel)

        self.headerSpacer = QSpacerItem(20, 1, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.headerLayout.addItem(self.headerSpacer)

        self.stageLabel = QLabel(SelectionDialog)
        self.stageLabel.setObjectName(u"stageLabel")
        self.stageLabel.setStyleSheet(u"color: white; background: #1565c0; border-radius: 6px; padding: 3px 10px;")

        self.headerLayout.addWidget(self.stageLabel)


        self.mainLayout.addLayout(self.headerLayout)

        self.tabs = QTabWidget(SelectionDialog)
        self.tabs.setObjectName(u"tabs")
        self.investigationsTab = QWidget()
        self.investigationsTab.setObjectName(u"investigationsTab")
        self.investigationsLayout = QVBoxLayout(self.investigationsTab)
        self.investigationsLayout.setObjectName(u"investigationsLayout")
        self.investigationsView = QTableView(self.investigationsTab)
        self.investigationsView.setObjectName(u"investigationsView")

        self.investigationsLayout.addWidget(self.investigationsView)

        self.addInvestigationBox = QGroupBox(self.investigationsTab)
        self.addInvestigationBox.setObjectName(u"addInvestigationBox")
        self.investigationForm = QFormLayout(self.addInvestigationBox)
        self.investigationForm.setObjectName(u"investigationForm")
        self.kindLabel = QLabel(self.addInvestigationBox)
        self.kindLabel.setObjectName(u"kindLabel")

        self.investigationForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kindRow = QHBoxLayout()
        self.kindRow.setObjectName(u"kindRow")
        self.kindCombo = QComboBox(self.addInvestigationBox)
        self.kindCombo.setObjectName(u"kindCombo")

        self.kindRow.addWidget(self.kindCombo)

        self.dateLabel = QLabel(self.addInvestigationBox)
        self.dateLabel.setObjectName(u"dateLabel")

        self.kindRow.addWidget(self.dateLabel)

        self.dateEdit = QDateEdit(self.addInvestigationBox)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setCalendarPopup(True)
        self.dateEdit.setDisplayFormat(u"yyyy-MM-dd")

        self.kindRow.addWidget(self.dateEdit)

        self.investigatorLabel = QLabel(self.addInvestigationBox)
        self.investigatorLabel.setObjectName(u"investigatorLabel")

        self.kindRow.addWidget(self.investigatorLabel)

        self.investigatorCombo = QComboBox(self.addInvestigationBox)
        self.investigatorCombo.setObjectName(u"investigatorCombo")

        self.kindRow.addWidget(self.investigatorCombo)

        self.kindSpacer = QSpacerItem(20, 1, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.kindRow.addItem(self.kindSpacer)


        self.investigationForm.setLayout(0, QFormLayout.ItemRole.FieldRole, self.kindRow)

        self.kindError = QLabel(self.addInvestigationBox)
        self.kindError.setObjectName(u"kindError")

        self.investigationForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.kindError)

        self.findingsLabel = QLabel(self.addInvestigationBox)
        self.findingsLabel.setObjectName(u"findingsLabel")

        self.investigationForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.findingsLabel)

        self.findingsEdit = QPlainTextEdit(self.addInvestigationBox)
        self.findingsEdit.setObjectName(u"findingsEdit")
        self.findingsEdit.setMaximumSize(QSize(16777215, 80))
        self.findingsEdit.setTabChangesFocus(True)

        self.investigationForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.findingsEdit)

        self.findingsError = QLabel(self.addInvestigationBox)
        self.findingsError.setObjectName(u"findingsError")

        self.investigationForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.findingsError)

        self.addRow = QHBoxLayout()
        self.addRow.setObjectName(u"addRow")
        self.addInvestigationButton = QPushButton(self.addInvestigationBox)
        self.addInvestigationButton.setObjectName(u"addInvestigationButton")

        self.addRow.addWidget(self.addInvestigationButton)

        self.addSpacer = QSpacerItem(20, 1, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.addRow.addItem(self.addSpacer)


        self.investigationForm.setLayout(4, QFormLayout.ItemRole.FieldRole, self.addRow)


        self.investigationsLayout.addWidget(self.addInvestigationBox)

        self.tabs.addTab(self.investigationsTab, "")
        self.assessmentTab = QWidget()
        self.assessmentTab.setObjectName(u"assessmentTab")
        self.assessmentLayout = QVBoxLayout(self.assessmentTab)
        self.assessmentLayout.setObjectName(u"assessmentLayout")
        self.assessmentHint = QLabel(self.assessmentTab)
        self.assessmentHint.setObjectName(u"assessmentHint")
        self.assessmentHint.setWordWrap(True)

        self.assessmentLayout.addWidget(self.assessmentHint)

        self.criteriaGrid = QGridLayout()
        self.criteriaGrid.setObjectName(u"criteriaGrid")

        self.assessmentLayout.addLayout(self.criteriaGrid)

        self.assessmentError = QLabel(self.assessmentTab)
        self.assessmentError.setObjectName(u"assessmentError")

        self.assessmentLayout.addWidget(self.assessmentError)

        self.assessRow = QHBoxLayout()
        self.assessRow.setObjectName(u"assessRow")
        self.saveAssessmentButton = QPushButton(self.assessmentTab)
        self.saveAssessmentButton.setObjectName(u"saveAssessmentButton")

        self.assessRow.addWidget(self.saveAssessmentButton)

        self.assessSpacer = QSpacerItem(20, 1, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.assessRow.addItem(self.assessSpacer)


        self.assessmentLayout.addLayout(self.assessRow)

        self.assessVSpacer = QSpacerItem(1, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.assessmentLayout.addItem(self.assessVSpacer)

        self.tabs.addTab(self.assessmentTab, "")
        self.decisionTab = QWidget()
        self.decisionTab.setObjectName(u"decisionTab")
        self.decisionLayout = QVBoxLayout(self.decisionTab)
        self.decisionLayout.setObjectName(u"decisionLayout")
        self.missingLabel = QLabel(self.decisionTab)
        self.missingLabel.setObjectName(u"missingLabel")
        self.missingLabel.setWordWrap(True)

        self.decisionLayout.addWidget(self.missingLabel)

        self.decisionBox = QGroupBox(self.decisionTab)
        self.decisionBox.setObjectName(u"decisionBox")
        self.decisionForm = QFormLayout(self.decisionBox)
        self.decisionForm.setObjectName(u"decisionForm")
        self.decisionRow = QHBoxLayout()
        self.decisionRow.setObjectName(u"decisionRow")
        self.approveRadio = QRadioButton(self.decisionBox)
        self.approveRadio.setObjectName(u"approveRadio")

        self.decisionRow.addWidget(self.approveRadio)

        self.refuseRadio = QRadioButton(self.decisionBox)
        self.refuseRadio.setObjectName(u"refuseRadio")

        self.decisionRow.addWidget(self.refuseRadio)

        self.decisionSpacer = QSpacerItem(20, 1, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.decisionRow.addItem(self.decisionSpacer)


        self.decisionForm.setLayout(0, QFormLayout.ItemRole.FieldRole, self.decisionRow)

        self.reasonLabel = QLabel(self.decisionBox)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.decisionForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.reasonLabel)

        self.reasonEdit = QLineEdit(self.decisionBox)
        self.reasonEdit.setObjectName(u"reasonEdit")

        self.decisionForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.reasonEdit)

        self.reasonError = QLabel(self.decisionBox)
        self.reasonError.setObjectName(u"reasonError")

        self.decisionForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.reasonError)

        self.decideRow = QHBoxLayout()
        self.decideRow.setObjectName(u"decideRow")
        self.decideButton = QPushButton(self.decisionBox)
        self.decideButton.setObjectName(u"decideButton")

        self.decideRow.addWidget(self.decideButton)

        self.decideSpacer = QSpacerItem(20, 1, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.decideRow.addItem(self.decideSpacer)


        self.decisionForm.setLayout(3, QFormLayout.ItemRole.FieldRole, self.decideRow)


        self.decisionLayout.addWidget(self.decisionBox)

        self.historyLabel = QLabel(self.decisionTab)
        self.historyLabel.setObjectName(u"historyLabel")

        self.decisionLayout.addWidget(self.historyLabel)

        self.decisionsView = QTableView(self.decisionTab)
        self.decisionsView.setObjectName(u"decisionsView")

        self.decisionLayout.addWidget(self.decisionsView)

        self.tabs.addTab(self.decisionTab, "")

        self.mainLayout.addWidget(self.tabs)

        self.formError = QLabel(SelectionDialog)
        self.formError.setObjectName(u"formError")

        self.mainLayout.addWidget(self.formError)

        self.buttonBox = QDialogButtonBox(SelectionDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.kindLabel.setBuddy(self.kindCombo)
        self.dateLabel.setBuddy(self.dateEdit)
        self.investigatorLabel.setBuddy(self.investigatorCombo)
        self.findingsLabel.setBuddy(self.findingsEdit)
        self.reasonLabel.setBuddy(self.reasonEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(SelectionDialog)

        QMetaObject.connectSlotsByName(SelectionDialog)
    # setupUi

    def retranslateUi(self, SelectionDialog):
        self.addInvestigationBox.setTitle(QCoreApplication.translate("SelectionDialog", u"Record an investigation (\u00a72.2.1)", None))
        self.kindLabel.setText(QCoreApplication.translate("SelectionDialog", u"&Kind:", None))
        self.dateLabel.setText(QCoreApplication.translate("SelectionDialog", u"&Date:", None))
        self.investigatorLabel.setText(QCoreApplication.translate("SelectionDialog", u"In&vestigator:", None))
        self.findingsLabel.setText(QCoreApplication.translate("SelectionDialog", u"&Findings:", None))
        self.addInvestigationButton.setText(QCoreApplication.translate("SelectionDialog", u"Add inve&stigation", None))
        self.tabs.setTabText(self.tabs.indexOf(self.investigationsTab), QCoreApplication.translate("SelectionDialog", u"&Investigations", None))
        self.assessmentHint.setText(QCoreApplication.translate("SelectionDialog", u"Score each criterion of \u00a72.2.2 from 1 (poor) to 5 (excellent); a new score replaces the earlier one.", None))
        self.saveAssessmentButton.setText(QCoreApplication.translate("SelectionDialog", u"&Save assessment", None))
        self.tabs.setTabText(self.tabs.indexOf(self.assessmentTab), QCoreApplication.translate("SelectionDialog", u"&Assessment", None))
        self.decisionBox.setTitle(QCoreApplication.translate("SelectionDialog", u"The manager's decision (\u00a72.2.3)", None))
        self.approveRadio.setText(QCoreApplication.translate("SelectionDialog", u"A&pprove: archive as a customer", None))
        self.refuseRadio.setText(QCoreApplication.translate("SelectionDialog", u"&Refuse", None))
        self.reasonLabel.setText(QCoreApplication.translate("SelectionDialog", u"Reas&on:", None))
        self.decideButton.setText(QCoreApplication.translate("SelectionDialog", u"Record the &decision", None))
        self.historyLabel.setText(QCoreApplication.translate("SelectionDialog", u"Decisions and status changes:", None))
        self.tabs.setTabText(self.tabs.indexOf(self.decisionTab), QCoreApplication.translate("SelectionDialog", u"D&ecision", None))
        pass
    # retranslateUi

