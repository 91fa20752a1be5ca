"""Receipts, tickets and certificates as ESC/POS bytes and PDF (Qt-free)."""
