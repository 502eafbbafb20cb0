"""Widgets: they ask services and subscribe to their signals; no SQL here."""
