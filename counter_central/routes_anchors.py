"""Journal anchors over HTTP: ``POST /v1/anchors`` signs the head, ``GET /v1/anchors/latest``."""

from __future__ import annotations

from fastapi import APIRouter, Request

from counter_central import anchors
from counter_central.api_models import AnchorOut, ErrorBody
from counter_central.context import caller, service_context
from counter_central.refusals import Refusal

router = APIRouter(prefix="/v1", tags=["anchors"])

REFUSALS: dict[int | str, dict[str, object]] = {
    status: {"model": ErrorBody} for status in (401, 403, 404)
}


def _out(anchor: anchors.Anchor) -> AnchorOut:
    return AnchorOut(
        seq=anchor.seq,
        hash=anchor.hash,
        signed_at=anchor.signed_at,
        key_id=anchor.key_id,
        signature=anchor.signature,
    )


@router.post("/anchors", response_model=AnchorOut, status_code=201, responses=REFUSALS)
def post_anchor(request: Request) -> AnchorOut:
    """Sign the current journal head (or return its anchor if it is already signed)."""
    caller(request)
    context = service_context(request)
    return _out(anchors.sign_head(context.engine, context.anchor_key, context.clock))


@router.get("/anchors/latest", response_model=AnchorOut, responses=REFUSALS)
def get_latest_anchor(request: Request) -> AnchorOut:
    caller(request)
    anchor = anchors.latest_anchor(service_context(request).engine)
    if anchor is None:
        raise Refusal(404, "no_anchor", "the journal has not been anchored yet")
    return _out(anchor)
