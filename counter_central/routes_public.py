"""The two endpoints a workstation can call before it is known: the clock and enrolment.

``GET /v1/time`` reveals only the service's time and business day; a workstation whose
clock is off learns its offset here and signs with corrected timestamps. ``POST /v1/enrol``
is signed like every other request, but with the key pair being enrolled (proof that the
caller holds the private key); the one-time code says which workstation it may become.
"""

from __future__ import annotations

import logging

from fastapi import APIRouter, Request

from counter_app.wire import load_public_key, request_message, signature_valid
from counter_central import registry
from counter_central.api_models import EnrolRequest, EnrolResponse, ErrorBody, TimeResponse
from counter_central.context import STATE_WORKSTATION, raw_body, service_context
from counter_central.gate import request_target
from counter_central.refusals import Refusal
from counter_central.request_auth import check_clock, parse_signed_headers, remember_nonce

log = logging.getLogger("counter_central.enrolment")
router = APIRouter(prefix="/v1", tags=["public"])

REFUSALS: dict[int | str, dict[str, object]] = {
    status: {"model": ErrorBody} for status in (401, 403, 413, 422)
}


@router.get("/time", response_model=TimeResponse)
def get_time(request: Request) -> TimeResponse:
    clock = service_context(request).clock
    now = clock.now()
    return TimeResponse(now=now, business_day=now.date(), workday=clock.is_workday())


@router.post("/enrol", response_model=EnrolResponse, responses=REFUSALS)
def post_enrol(request: Request, body: EnrolRequest) -> EnrolResponse:
    context = service_context(request)
    window = context.settings.server.clock_skew_seconds
    signed = parse_signed_headers({k.lower(): v for k, v in request.headers.items()})
    if signed.workstation_id != body.workstation_id:
        raise Refusal(401, "bad_signature", "the signing workstation is not the one enrolling")
    check_clock(context.clock, signed.timestamp, window)
    message = request_message(
        signed.workstation_id,
        request.method,
        request_target(request.scope),
        signed.timestamp,
        signed.nonce,
        raw_body(request),
    )
    try:
        public_key = load_public_key(body.public_key)
    except ValueError:
        raise Refusal(422, "bad_public_key", "the public key is not an Ed25519 key") from None
    if not signature_valid(public_key, signed.signature, message):
        raise Refusal(401, "bad_signature", "the request is not signed with the enrolled key")
    workstation = registry.enrol(
        context.engine, context.clock, body.workstation_id, body.code, body.public_key
    )
    remember_nonce(context.engine, workstation.id, signed.nonce, context.clock.utc(), window)
    request.scope.setdefault("state", {})[STATE_WORKSTATION] = workstation
    log.info("enrolled workstation %s for hall %s", workstation.id, workstation.hall_code)
    return EnrolResponse(
        workstation_id=workstation.id,
        hall_code=workstation.hall_code,
        anchor_public_key=context.anchor_key.public_text,
        anchor_key_id=context.anchor_key.key_id,
        server_time=context.clock.now(),
    )
