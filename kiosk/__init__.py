"""Spa Kiosk: the touchscreen that tells guests about infrared massage and suggests a session."""

__version__ = "0.1.0"
