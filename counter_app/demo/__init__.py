"""Synthetic demo data: realistic Chinese persons, employers, users and a hall (pure Python)."""
