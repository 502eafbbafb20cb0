"""Mindful Desktop: an offline eight-week MBCT course with a private local journal."""

__version__ = "0.1.0"

APP_NAME = "Mindful Desktop"
# The freedesktop/AppStream ID: the menu entry's and the metainfo's file names, the icon's name
# in the icon theme, and the name the desktop matches the window to (setDesktopFileName).
# org.example is a placeholder until the project has a home of its own (see README, Install).
APP_ID = "org.example.MindfulDesktop"
