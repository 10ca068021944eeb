# Generated from forms/archive.ui by tools/build_forms.py: do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'archive.ui'
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
from PySide6.QtWidgets import (QApplication, QDialog, QGridLayout, QHBoxLayout,
    QHeaderView, QLabel, QPlainTextEdit, QPushButton,
    QSizePolicy, QSpacerItem, QTabWidget, QTableView,
    QVBoxLayout, QWidget)

class Ui_ArchiveDialog(object):
    def setupUi(self, ArchiveDialog):
        if not ArchiveDialog.objectName():
            ArchiveDialog.setObjectName(u"ArchiveDialog")
        ArchiveDialog.resize(980, 640)
        self.mainLayout = QVBoxLayout(ArchiveDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.headerLayout = QHBoxLayout()
        self.headerLayout.setObjectName(u"headerLayout")
        self.titleLabel = QLabel(ArchiveDialog)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setStyleSheet(u"font-size: 16px; font-weight: bold;")
        self.titleLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.headerLayout.addWidget(self.titleLabel)

        self.headerSpacer = QSpacerItem(20, 1, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.headerLayout.addItem(self.headerSpacer)

        self.accessLabel = QLabel(ArchiveDialog)
        self.accessLabel.setObjectName(u"accessLabel")
        self.accessLabel.setStyleSheet(u"color: #546e7a;")

        self.headerLayout.addWidget(self.accessLabel)


        self.mainLayout.addLayout(self.headerLayout)

        self.tabs = QTabWidget(ArchiveDialog)
        self.tabs.setObjectName(u"tabs")
        self.generalTab = QWidget()
        self.generalTab.setObjectName(u"generalTab")
        self.generalGrid = QGridLayout(self.generalTab)
        self.generalGrid.setObjectName(u"generalGrid")
        self.generalGrid.setVerticalSpacing(2)
        self.tabs.addTab(self.generalTab, "")
        self.businessTab = QWidget()
        self.businessTab.setObjectName(u"businessTab")
        self.businessGrid = QGridLayout(self.businessTab)
        self.businessGrid.setObjectName(u"businessGrid")
        self.businessGrid.setVerticalSpacing(2)
        self.tabs.addTab(self.businessTab, "")
        self.contactsTab = QWidget()
        self.contactsTab.setObjectName(u"contactsTab")
        self.contactsLayout = QVBoxLayout(self.contactsTab)
        self.contactsLayout.setObjectName(u"contactsLayout")
        self.contactsView = QTableView(self.contactsTab)
        self.contactsView.setObjectName(u"contactsView")

        self.contactsLayout.addWidget(self.contactsView)

        self.contactsError = QLabel(self.contactsTab)
        self.contactsError.setObjectName(u"contactsError")

        self.contactsLayout.addWidget(self.contactsError)

        self.contactButtons = QHBoxLayout()
        self.contactButtons.setObjectName(u"contactButtons")
        self.addContactButton = QPushButton(self.contactsTab)
        self.addContactButton.setObjectName(u"addContactButton")

        self.contactButtons.addWidget(self.addContactButton)

        self.editContactButton = QPushButton(self.contactsTab)
        self.editContactButton.setObjectName(u"editContactButton")

        self.contactButtons.addWidget(self.editContactButton)

        self.removeContactButton = QPushButton(self.contactsTab)
        self.removeContactButton.setObjectName(u"removeContactButton")

        self.contactButtons.addWidget(self.removeContactButton)

        self.primaryContactButton = QPushButton(self.contactsTab)
        self.primaryContactButton.setObjectName(u"primaryContactButton")

        self.contactButtons.addWidget(self.primaryContactButton)

        self.contactSpacer = QSpacerItem(20, 1, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.contactButtons.addItem(self.contactSpacer)


        self.contactsLayout.addLayout(self.contactButtons)

        self.tabs.addTab(self.contactsTab, "")
        self.addressesTab = QWidget()
        self.addressesTab.setObjectName(u"addressesTab")
        self.addressesLayout = QVBoxLayout(self.addressesTab)
        self.addressesLayout.setObjectName(u"addressesLayout")
        self.addressesView = QTableView(self.addressesTab)
        self.addressesView.setObjectName(u"addressesView")

        self.addressesLayout.addWidget(self.addressesView)

        self.addressesError = QLabel(self.addressesTab)
        self.addressesError.setObjectName(u"addressesError")

        self.addressesLayout.addWidget(self.addressesError)

        self.addressButtons = QHBoxLayout()
        self.addressButtons.setObjectName(u"addressButtons")
        self.addAddressButton = QPushButton(self.addressesTab)
        self.addAddressButton.setObjectName(u"addAddressButton")

        self.addressButtons.addWidget(self.addAddressButton)

        self.editAddressButton = QPushButton(self.addressesTab)
        self.editAddressButton.setObjectName(u"editAddressButton")

        self.addressButtons.addWidget(self.editAddressButton)

        self.removeAddressButton = QPushButton(self.addressesTab)
        self.removeAddressButton.setObjectName(u"removeAddressButton")

        self.addressButtons.addWidget(self.removeAddressButton)

        self.primaryAddressButton = QPushButton(self.addressesTab)
        self.primaryAddressButton.setObjectName(u"primaryAddressButton")

        self.addressButtons.addWidget(self.primaryAddressButton)

        self.addressSpacer = QSpacerItem(20, 1, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.addressButtons.addItem(self.addressSpacer)


        self.addressesLayout.addLayout(self.addressButtons)

        self.tabs.addTab(self.addressesTab, "")
        self.notesTab = QWidget()
        self.notesTab.setObjectName(u"notesTab")
        self.notesLayout = QVBoxLayout(self.notesTab)
        self.notesLayout.setObjectName(u"notesLayout")
        self.notesEdit = QPlainTextEdit(self.notesTab)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setTabChangesFocus(True)

        self.notesLayout.addWidget(self.notesEdit)

        self.notesError = QLabel(self.notesTab)
        self.notesError.setObjectName(u"notesError")

        self.notesLayout.addWidget(self.notesError)

        self.tabs.addTab(self.notesTab, "")
        self.historyTab = QWidget()
        self.historyTab.setObjectName(u"historyTab")
        self.historyLayout = QVBoxLayout(self.historyTab)
        self.historyLayout.setObjectName(u"historyLayout")
        self.historyView = QTableView(self.historyTab)
        self.historyView.setObjectName(u"historyView")

        self.historyLayout.addWidget(self.historyView)

        self.tabs.addTab(self.historyTab, "")
        self.logTab = QWidget()
        self.logTab.setObjectName(u"logTab")
        self.logLayout = QVBoxLayout(self.logTab)
        self.logLayout.setObjectName(u"logLayout")
        self.logView = QTableView(self.logTab)
        self.logView.setObjectName(u"logView")

        self.logLayout.addWidget(self.logView)

        self.tabs.addTab(self.logTab, "")

        self.mainLayout.addWidget(self.tabs)

        self.formError = QLabel(ArchiveDialog)
        self.formError.setObjectName(u"formError")

        self.mainLayout.addWidget(self.formError)

        self.buttonLayout = QHBoxLayout()
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.printButton = QPushButton(ArchiveDialog)
        self.printButton.setObjectName(u"printButton")

        self.buttonLayout.addWidget(self.printButton)

        self.savedLabel = QLabel(ArchiveDialog)
        self.savedLabel.setObjectName(u"savedLabel")
        self.savedLabel.setStyleSheet(u"color: #2e7d32;")

        self.buttonLayout.addWidget(self.savedLabel)

        self.buttonSpacer = QSpacerItem(20, 1, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonLayout.addItem(self.buttonSpacer)

        self.saveButton = QPushButton(ArchiveDialog)
        self.saveButton.setObjectName(u"saveButton")

        self.buttonLayout.addWidget(self.saveButton)

        self.closeButton = QPushButton(ArchiveDialog)
        self.closeButton.setObjectName(u"closeButton")

        self.buttonLayout.addWidget(self.closeButton)


        self.mainLayout.addLayout(self.buttonLayout)


        self.retranslateUi(ArchiveDialog)

        QMetaObject.connectSlotsByName(ArchiveDialog)
    # setupUi

    def retranslateUi(self, ArchiveDialog):
        self.tabs.setTabText(self.tabs.indexOf(self.generalTab), QCoreApplication.translate("ArchiveDialog", u"&General", None))
        self.tabs.setTabText(self.tabs.indexOf(self.businessTab), QCoreApplication.translate("ArchiveDialog", u"&Business && credit", None))
        self.addContactButton.setText(QCoreApplication.translate("ArchiveDialog", u"Add contact\u2026", None))
        self.editContactButton.setText(QCoreApplication.translate("ArchiveDialog", u"Edit\u2026", None))
        self.removeContactButton.setText(QCoreApplication.translate("ArchiveDialog", u"Remove", None))
        self.primaryContactButton.setText(QCoreApplication.translate("ArchiveDialog", u"Make primary", None))
        self.tabs.setTabText(self.tabs.indexOf(self.contactsTab), QCoreApplication.translate("ArchiveDialog", u"&Contacts", None))
        self.addAddressButton.setText(QCoreApplication.translate("ArchiveDialog", u"Add address\u2026", None))
        self.editAddressButton.setText(QCoreApplication.translate("ArchiveDialog", u"Edit\u2026", None))
        self.removeAddressButton.setText(QCoreApplication.translate("ArchiveDialog", u"Remove", None))
        self.primaryAddressButton.setText(QCoreApplication.translate("ArchiveDialog", u"Make primary", None))
        self.tabs.setTabText(self.tabs.indexOf(self.addressesTab), QCoreApplication.translate("ArchiveDialog", u"A&ddresses", None))
        self.tabs.setTabText(self.tabs.indexOf(self.notesTab), QCoreApplication.translate("ArchiveDialog", u"&Notes", None))
        self.tabs.setTabText(self.tabs.indexOf(self.historyTab), QCoreApplication.translate("ArchiveDialog", u"&History", None))
        self.tabs.setTabText(self.tabs.indexOf(self.logTab), QCoreApplication.translate("ArchiveDialog", u"Access &log", None))
        self.printButton.setText(QCoreApplication.translate("ArchiveDialog", u"&Print archive card\u2026", None))
        self.saveButton.setText(QCoreApplication.translate("ArchiveDialog", u"&Save", None))
#if QT_CONFIG(tooltip)
        self.saveButton.setToolTip(QCoreApplication.translate("ArchiveDialog", u"Save the changes (Ctrl+S)", None))
#endif // QT_CONFIG(tooltip)
        self.closeButton.setText(QCoreApplication.translate("ArchiveDialog", u"Close", None))
        pass
    # retranslateUi

