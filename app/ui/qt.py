"""The one place csdesk imports Qt from (as Anki's aqt.qt): swapping or
pinning the binding later touches this file only."""
from PySide6.QtCore import *  # noqa: F401,F403
from PySide6.QtCore import Property, Signal, Slot  # noqa: F401
from PySide6.QtGui import *  # noqa: F401,F403
from PySide6.QtWidgets import *  # noqa: F401,F403
