"""The Qt window layer. Only this package imports PySide6; it calls retainer.services."""
