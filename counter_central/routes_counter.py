"""Certificates and the central registry's lookups."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter(prefix="/v1", tags=["counter"])
