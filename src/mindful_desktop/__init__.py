"""Mindful Desktop: an offline eight-week MBCT course with a private local journal."""

__version__ = "0.1.0"

APP_NAME = "Mindful Desktop"
