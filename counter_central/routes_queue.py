"""The queue endpoints."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter(prefix="/v1/queue", tags=["queue"])
