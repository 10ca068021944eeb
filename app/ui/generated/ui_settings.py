# Generated from forms/settings.ui by tools/build_forms.py: do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'settings.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDialog, QDialogButtonBox, QFormLayout, QGridLayout,
    QLabel, QLineEdit, QPlainTextEdit, QPushButton,
    QSizePolicy, QSpacerItem, QSpinBox, QTabWidget,
    QVBoxLayout, QWidget)

class Ui_SettingsDialog(object):
    def setupUi(self, SettingsDialog):
        if not SettingsDialog.objectName():
            SettingsDialog.setObjectName(u"SettingsDialog")
        SettingsDialog.resize(640, 480)
        self.rootLayout = QVBoxLayout(SettingsDialog)
        self.rootLayout.setObjectName(u"rootLayout")
        self.tabs = QTabWidget(SettingsDialog)
        self.tabs.setObjectName(u"tabs")
        self.companyTab = QWidget()
        self.companyTab.setObjectName(u"companyTab")
        self.companyForm = QFormLayout(self.companyTab)
        self.companyForm.setObjectName(u"companyForm")
        self.companyNote = QLabel(self.companyTab)
        self.companyNote.setObjectName(u"companyNote")
        self.companyNote.setWordWrap(True)

        self.companyForm.setWidget(0, QFormLayout.ItemRole.SpanningRole, self.companyNote)

        self.companyNameLabel = QLabel(self.companyTab)
        self.companyNameLabel.setObjectName(u"companyNameLabel")

        self.companyForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.companyNameLabel)

        self.companyName = QLineEdit(self.companyTab)
        self.companyName.setObjectName(u"companyName")
        self.companyName.setMaxLength(200)

        self.companyForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.companyName)

        self.err_company_name = QLabel(self.companyTab)
        self.err_company_name.setObjectName(u"err_company_name")

        self.companyForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.err_company_name)

        self.companyPhoneLabel = QLabel(self.companyTab)
        self.companyPhoneLabel.setObjectName(u"companyPhoneLabel")

        self.companyForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.companyPhoneLabel)

        self.companyPhone = QLineEdit(self.companyTab)
        self.companyPhone.setObjectName(u"companyPhone")
        self.companyPhone.setMaxLength(64)

        self.companyForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.companyPhone)

        self.companyAddressLabel = QLabel(self.companyTab)
        self.companyAddressLabel.setObjectName(u"companyAddressLabel")

        self.companyForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.companyAddressLabel)

        self.companyAddress = QLineEdit(self.companyTab)
        self.companyAddress.setObjectName(u"companyAddress")
        self.companyAddress.setMaxLength(300)

        self.companyForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.companyAddress)

        self.pickupTermsLabel = QLabel(self.companyTab)
        self.pickupTermsLabel.setObjectName(u"pickupTermsLabel")

        self.companyForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.pickupTermsLabel)

        self.pickupTerms = QPlainTextEdit(self.companyTab)
        self.pickupTerms.setObjectName(u"pickupTerms")
        self.pickupTerms.setTabChangesFocus(True)

        self.companyForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.pickupTerms)

        self.tabs.addTab(self.companyTab, "")
        self.printingTab = QWidget()
        self.printingTab.setObjectName(u"printingTab")
        self.printingGrid = QGridLayout(self.printingTab)
        self.printingGrid.setObjectName(u"printingGrid")
        self.printingNote = QLabel(self.printingTab)
        self.printingNote.setObjectName(u"printingNote")
        self.printingNote.setWordWrap(True)

        self.printingGrid.addWidget(self.printingNote, 0, 0, 1, 3)

        self.printerReceiptLabel = QLabel(self.printingTab)
        self.printerReceiptLabel.setObjectName(u"printerReceiptLabel")

        self.printingGrid.addWidget(self.printerReceiptLabel, 1, 0, 1, 1)

        self.printerReceipt = QLineEdit(self.printingTab)
        self.printerReceipt.setObjectName(u"printerReceipt")

        self.printingGrid.addWidget(self.printerReceipt, 1, 1, 1, 1)

        self.chooseReceipt = QPushButton(self.printingTab)
        self.chooseReceipt.setObjectName(u"chooseReceipt")

        self.printingGrid.addWidget(self.chooseReceipt, 1, 2, 1, 1)

        self.printerCardLabel = QLabel(self.printingTab)
        self.printerCardLabel.setObjectName(u"printerCardLabel")

        self.printingGrid.addWidget(self.printerCardLabel, 2, 0, 1, 1)

        self.printerCard = QLineEdit(self.printingTab)
        self.printerCard.setObjectName(u"printerCard")

        self.printingGrid.addWidget(self.printerCard, 2, 1, 1, 1)

        self.chooseCard = QPushButton(self.printingTab)
        self.chooseCard.setObjectName(u"chooseCard")

        self.printingGrid.addWidget(self.chooseCard, 2, 2, 1, 1)

        self.printerVoucherLabel = QLabel(self.printingTab)
        self.printerVoucherLabel.setObjectName(u"printerVoucherLabel")

        self.printingGrid.addWidget(self.printerVoucherLabel, 3, 0, 1, 1)

        self.printerVoucher = QLineEdit(self.printingTab)
        self.printerVoucher.setObjectName(u"printerVoucher")

        self.printingGrid.addWidget(self.printerVoucher, 3, 1, 1, 1)

        self.chooseVoucher = QPushButton(self.printingTab)
        self.chooseVoucher.setObjectName(u"chooseVoucher")

        self.printingGrid.addWidget(self.chooseVoucher, 3, 2, 1, 1)

        self.receiptCopiesLabel = QLabel(self.printingTab)
        self.receiptCopiesLabel.setObjectName(u"receiptCopiesLabel")

        self.printingGrid.addWidget(self.receiptCopiesLabel, 4, 0, 1, 1)

        self.receiptCopies = QSpinBox(self.printingTab)
        self.receiptCopies.setObjectName(u"receiptCopies")
        self.receiptCopies.setMinimum(1)
        self.receiptCopies.setMaximum(5)

        self.printingGrid.addWidget(self.receiptCopies, 4, 1, 1, 1)

        self.receiptPaperLabel = QLabel(self.printingTab)
        self.receiptPaperLabel.setObjectName(u"receiptPaperLabel")

        self.printingGrid.addWidget(self.receiptPaperLabel, 5, 0, 1, 1)

        self.receiptPaper = QComboBox(self.printingTab)
        self.receiptPaper.setObjectName(u"receiptPaper")

        self.printingGrid.addWidget(self.receiptPaper, 5, 1, 1, 1)

        self.voucherPaperLabel = QLabel(self.printingTab)
        self.voucherPaperLabel.setObjectName(u"voucherPaperLabel")

        self.printingGrid.addWidget(self.voucherPaperLabel, 6, 0, 1, 1)

        self.voucherPaper = QComboBox(self.printingTab)
        self.voucherPaper.setObjectName(u"voucherPaper")

        self.printingGrid.addWidget(self.voucherPaper, 6, 1, 1, 1)

        self.printLanguageLabel = QLabel(self.printingTab)
        self.printLanguageLabel.setObjectName(u"printLanguageLabel")

        self.printingGrid.addWidget(self.printLanguageLabel, 7, 0, 1, 1)

        self.printLanguage = QComboBox(self.printingTab)
        self.printLanguage.setObjectName(u"printLanguage")

        self.printingGrid.addWidget(self.printLanguage, 7, 1, 1, 1)

        self.printCardsOnSave = QCheckBox(self.printingTab)
        self.printCardsOnSave.setObjectName(u"printCardsOnSave")

        self.printingGrid.addWidget(self.printCardsOnSave, 8, 1, 1, 2)

        self.fontPathLabel = QLabel(self.printingTab)
        self.fontPathLabel.setObjectName(u"fontPathLabel")

        self.printingGrid.addWidget(self.fontPathLabel, 9, 0, 1, 1)

        self.fontPath = QLineEdit(self.printingTab)
        self.fontPath.setObjectName(u"fontPath")

        self.printingGrid.addWidget(self.fontPath, 9, 1, 1, 1)

        self.browseFont = QPushButton(self.printingTab)
        self.browseFont.setObjectName(u"browseFont")

        self.printingGrid.addWidget(self.browseFont, 9, 2, 1, 1)

        self.fontStatus = QLabel(self.printingTab)
        self.fontStatus.setObjectName(u"fontStatus")
        self.fontStatus.setWordWrap(True)
        self.fontStatus.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.printingGrid.addWidget(self.fontStatus, 10, 1, 1, 2)

        self.printingSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.printingGrid.addItem(self.printingSpacer, 11, 0, 1, 1)

        self.printingGrid.setColumnStretch(1, 1)
        self.tabs.addTab(self.printingTab, "")
        self.languageTab = QWidget()
        self.languageTab.setObjectName(u"languageTab")
        self.languageForm = QFormLayout(self.languageTab)
        self.languageForm.setObjectName(u"languageForm")
        self.uiLanguageLabel = QLabel(self.languageTab)
        self.uiLanguageLabel.setObjectName(u"uiLanguageLabel")

        self.languageForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.uiLanguageLabel)

        self.uiLanguage = QComboBox(self.languageTab)
        self.uiLanguage.setObjectName(u"uiLanguage")

        self.languageForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.uiLanguage)

        self.languageNote = QLabel(self.languageTab)
        self.languageNote.setObjectName(u"languageNote")
        self.languageNote.setWordWrap(True)

        self.languageForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.languageNote)

        self.tabs.addTab(self.languageTab, "")
        self.counterTab = QWidget()
        self.counterTab.setObjectName(u"counterTab")
        self.counterForm = QFormLayout(self.counterTab)
        self.counterForm.setObjectName(u"counterForm")
        self.promiseDaysLabel = QLabel(self.counterTab)
        self.promiseDaysLabel.setObjectName(u"promiseDaysLabel")

        self.counterForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.promiseDaysLabel)

        self.promiseDays = QSpinBox(self.counterTab)
        self.promiseDays.setObjectName(u"promiseDays")
        self.promiseDays.setMinimum(0)
        self.promiseDays.setMaximum(90)

        self.counterForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.promiseDays)

        self.promiseNote = QLabel(self.counterTab)
        self.promiseNote.setObjectName(u"promiseNote")
        self.promiseNote.setWordWrap(True)

        self.counterForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.promiseNote)

        self.tabs.addTab(self.counterTab, "")
        self.backupTab = QWidget()
        self.backupTab.setObjectName(u"backupTab")
        self.backupForm = QFormLayout(self.backupTab)
        self.backupForm.setObjectName(u"backupForm")
        self.keepDaysLabel = QLabel(self.backupTab)
        self.keepDaysLabel.setObjectName(u"keepDaysLabel")

        self.backupForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.keepDaysLabel)

        self.keepDays = QSpinBox(self.backupTab)
        self.keepDays.setObjectName(u"keepDays")
        self.keepDays.setMinimum(0)
        self.keepDays.setMaximum(3650)

        self.backupForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.keepDays)

        self.backupNote = QLabel(self.backupTab)
        self.backupNote.setObjectName(u"backupNote")
        self.backupNote.setWordWrap(True)
        self.backupNote.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)
        self.backupNote.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.backupForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.backupNote)

        self.backupSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.backupForm.setItem(2, QFormLayout.ItemRole.LabelRole, self.backupSpacer)

        self.tabs.addTab(self.backupTab, "")

        self.rootLayout.addWidget(self.tabs)

        self.err_other = QLabel(SettingsDialog)
        self.err_other.setObjectName(u"err_other")

        self.rootLayout.addWidget(self.err_other)

        self.buttons = QDialogButtonBox(SettingsDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.rootLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.companyNameLabel.setBuddy(self.companyName)
        self.companyPhoneLabel.setBuddy(self.companyPhone)
        self.companyAddressLabel.setBuddy(self.companyAddress)
        self.pickupTermsLabel.setBuddy(self.pickupTerms)
        self.printerReceiptLabel.setBuddy(self.printerReceipt)
        self.printerCardLabel.setBuddy(self.printerCard)
        self.printerVoucherLabel.setBuddy(self.printerVoucher)
        self.receiptCopiesLabel.setBuddy(self.receiptCopies)
        self.receiptPaperLabel.setBuddy(self.receiptPaper)
        self.voucherPaperLabel.setBuddy(self.voucherPaper)
        self.printLanguageLabel.setBuddy(self.printLanguage)
        self.fontPathLabel.setBuddy(self.fontPath)
        self.uiLanguageLabel.setBuddy(self.uiLanguage)
        self.promiseDaysLabel.setBuddy(self.promiseDays)
        self.keepDaysLabel.setBuddy(self.keepDays)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(SettingsDialog)

        self.tabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(SettingsDialog)
    # setupUi

    def retranslateUi(self, SettingsDialog):
        SettingsDialog.setWindowTitle(QCoreApplication.translate("SettingsDialog", u"Settings", None))
        self.companyNote.setText(QCoreApplication.translate("SettingsDialog", u"Shared by every station on this database; printed on receipts, cards and vouchers.", None))
        self.companyNameLabel.setText(QCoreApplication.translate("SettingsDialog", u"&Name:", None))
        self.companyPhoneLabel.setText(QCoreApplication.translate("SettingsDialog", u"P&hone:", None))
        self.companyAddressLabel.setText(QCoreApplication.translate("SettingsDialog", u"&Address:", None))
        self.pickupTermsLabel.setText(QCoreApplication.translate("SettingsDialog", u"Pickup &terms\n"
"(one per line):", None))
        self.tabs.setTabText(self.tabs.indexOf(self.companyTab), QCoreApplication.translate("SettingsDialog", u"&Company", None))
        self.printingNote.setText(QCoreApplication.translate("SettingsDialog", u"This station only. A document kind without a printer opens the preview, where you can choose one.", None))
        self.printerReceiptLabel.setText(QCoreApplication.translate("SettingsDialog", u"&Receipt printer:", None))
        self.printerReceipt.setPlaceholderText(QCoreApplication.translate("SettingsDialog", u"(none: preview)", None))
        self.chooseReceipt.setText(QCoreApplication.translate("SettingsDialog", u"Choose\u2026", None))
        self.printerCardLabel.setText(QCoreApplication.translate("SettingsDialog", u"Repair card prin&ter:", None))
        self.printerCard.setPlaceholderText(QCoreApplication.translate("SettingsDialog", u"(none: preview)", None))
        self.chooseCard.setText(QCoreApplication.translate("SettingsDialog", u"Choose\u2026", None))
        self.printerVoucherLabel.setText(QCoreApplication.translate("SettingsDialog", u"&Voucher printer:", None))
        self.printerVoucher.setPlaceholderText(QCoreApplication.translate("SettingsDialog", u"(none: preview)", None))
        self.chooseVoucher.setText(QCoreApplication.translate("SettingsDialog", u"Choose\u2026", None))
        self.receiptCopiesLabel.setText(QCoreApplication.translate("SettingsDialog", u"Receipt c&opies:", None))
        self.receiptPaperLabel.setText(QCoreApplication.translate("SettingsDialog", u"Rece&ipt paper:", None))
        self.voucherPaperLabel.setText(QCoreApplication.translate("SettingsDialog", u"Voucher pap&er:", None))
        self.printLanguageLabel.setText(QCoreApplication.translate("SettingsDialog", u"Printed lan&guage:", None))
        self.printCardsOnSave.setText(QCoreApplication.translate("SettingsDialog", u"Print the repair cards when an intake is saved", None))
        self.fontPathLabel.setText(QCoreApplication.translate("SettingsDialog", u"Chinese &font file:", None))
        self.fontPath.setPlaceholderText(QCoreApplication.translate("SettingsDialog", u"(found automatically)", None))
        self.browseFont.setText(QCoreApplication.translate("SettingsDialog", u"Bro&wse\u2026", None))
        self.tabs.setTabText(self.tabs.indexOf(self.printingTab), QCoreApplication.translate("SettingsDialog", u"&Printing", None))
        self.uiLanguageLabel.setText(QCoreApplication.translate("SettingsDialog", u"Language of the &screens:", None))
        self.languageNote.setText(QCoreApplication.translate("SettingsDialog", u"A change applies when csdesk is started again.", None))
        self.tabs.setTabText(self.tabs.indexOf(self.languageTab), QCoreApplication.translate("SettingsDialog", u"&Language", None))
        self.promiseDaysLabel.setText(QCoreApplication.translate("SettingsDialog", u"Pro&mised in:", None))
        self.promiseDays.setSuffix(QCoreApplication.translate("SettingsDialog", u" days", None))
        self.promiseNote.setText(QCoreApplication.translate("SettingsDialog", u"The promised date an intake starts with (shared by every station).", None))
        self.tabs.setTabText(self.tabs.indexOf(self.counterTab), QCoreApplication.translate("SettingsDialog", u"Counter &defaults", None))
        self.keepDaysLabel.setText(QCoreApplication.translate("SettingsDialog", u"&Keep daily backups for:", None))
        self.keepDays.setSuffix(QCoreApplication.translate("SettingsDialog", u" days", None))
        self.keepDays.setSpecialValueText(QCoreApplication.translate("SettingsDialog", u"Off", None))
        self.tabs.setTabText(self.tabs.indexOf(self.backupTab), QCoreApplication.translate("SettingsDialog", u"&Backups", None))
    # retranslateUi

