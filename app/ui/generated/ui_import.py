# Generated from forms/import.ui by tools/build_forms.py: do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'import.ui'
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
from PySide6.QtWidgets import (QApplication, QCheckBox, QDialog, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QPushButton,
    QSizePolicy, QSpacerItem, QTableView, QVBoxLayout,
    QWidget)

class Ui_ImportDialog(object):
    def setupUi(self, ImportDialog):
        if not ImportDialog.objectName():
            ImportDialog.setObjectName(u"ImportDialog")
        ImportDialog.resize(980, 600)
        self.mainLayout = QVBoxLayout(ImportDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.fileRow = QHBoxLayout()
        self.fileRow.setObjectName(u"fileRow")
        self.fileLabel = QLabel(ImportDialog)
        self.fileLabel.setObjectName(u"fileLabel")

        self.fileRow.addWidget(self.fileLabel)

        self.fileEdit = QLineEdit(ImportDialog)
        self.fileEdit.setObjectName(u"fileEdit")

        self.fileRow.addWidget(self.fileEdit)

        self.browseButton = QPushButton(ImportDialog)
        self.browseButton.setObjectName(u"browseButton")

        self.fileRow.addWidget(self.browseButton)

        self.previewButton = QPushButton(ImportDialog)
        self.previewButton.setObjectName(u"previewButton")

        self.fileRow.addWidget(self.previewButton)


        self.mainLayout.addLayout(self.fileRow)

        self.fileError = QLabel(ImportDialog)
        self.fileError.setObjectName(u"fileError")

        self.mainLayout.addWidget(self.fileError)

        self.columnsLabel = QLabel(ImportDialog)
        self.columnsLabel.setObjectName(u"columnsLabel")
        self.columnsLabel.setWordWrap(True)
        self.columnsLabel.setStyleSheet(u"color: #546e7a;")

        self.mainLayout.addWidget(self.columnsLabel)

        self.previewView = QTableView(ImportDialog)
        self.previewView.setObjectName(u"previewView")

        self.mainLayout.addWidget(self.previewView)

        self.summaryLabel = QLabel(ImportDialog)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.summaryLabel)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.errorsOnlyCheck = QCheckBox(ImportDialog)
        self.errorsOnlyCheck.setObjectName(u"errorsOnlyCheck")

        self.buttonRow.addWidget(self.errorsOnlyCheck)

        self.buttonSpacer = QSpacerItem(20, 1, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonSpacer)

        self.importButton = QPushButton(ImportDialog)
        self.importButton.setObjectName(u"importButton")
        self.importButton.setEnabled(False)

        self.buttonRow.addWidget(self.importButton)

        self.closeButton = QPushButton(ImportDialog)
        self.closeButton.setObjectName(u"closeButton")

        self.buttonRow.addWidget(self.closeButton)


        self.mainLayout.addLayout(self.buttonRow)

#if QT_CONFIG(shortcut)
        self.fileLabel.setBuddy(self.fileEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.fileEdit, self.browseButton)
        QWidget.setTabOrder(self.browseButton, self.previewButton)
        QWidget.setTabOrder(self.previewButton, self.previewView)
        QWidget.setTabOrder(self.previewView, self.errorsOnlyCheck)
        QWidget.setTabOrder(self.errorsOnlyCheck, self.importButton)
        QWidget.setTabOrder(self.importButton, self.closeButton)

        self.retranslateUi(ImportDialog)

        QMetaObject.connectSlotsByName(ImportDialog)
    # setupUi

    def retranslateUi(self, ImportDialog):
        ImportDialog.setWindowTitle(QCoreApplication.translate("ImportDialog", u"Import customers", None))
        self.fileLabel.setText(QCoreApplication.translate("ImportDialog", u"&File:", None))
        self.fileEdit.setPlaceholderText(QCoreApplication.translate("ImportDialog", u"A customer list: .xlsx or .csv (headers such as \u540d\u79f0, \u7535\u8bdd, \u7c7b\u522b, \u5730\u5740)", None))
        self.browseButton.setText(QCoreApplication.translate("ImportDialog", u"&Browse\u2026", None))
        self.previewButton.setText(QCoreApplication.translate("ImportDialog", u"&Check the file", None))
        self.errorsOnlyCheck.setText(QCoreApplication.translate("ImportDialog", u"Show only rows with &messages", None))
        self.closeButton.setText(QCoreApplication.translate("ImportDialog", u"Close", None))
    # retranslateUi

