"""Retainer: keep the customers you already have."""

__version__ = "0.1.0"
