"""Capabilities the UI asks for; each announces its changes with Qt signals."""
