"""The bodies of the authorization endpoints (``routes_authorizations``).

Request models forbid unknown fields and bound every string; the password is a field of the
body only (never of a URL, so never of an access log). Times go out with their UTC offset.
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, Field

from counter_central.api_models import Request


class AuthorizationRequest(Request):
    supervisor: str = Field(min_length=1, max_length=50)
    password: str = Field(min_length=1, max_length=200)
    purpose: str = Field(pattern=r"^(command|reprint)$", examples=["reprint", "command"])
    bound_to: str = Field(
        min_length=1,
        max_length=100,
        description="what is authorized: a command UUID, or a reprint's reference",
    )


class AuthorizationOut(BaseModel):
    auth_ref: str = Field(description="the reference a command carries as its auth_ref")
    supervisor: str
    display_name: str


class OfflineAuthorizationOut(BaseModel):
    id: str
    created_at: dt.datetime = Field(description="when the centre learnt of it")
    workstation_id: str
    requested_by: str
    supervisor: str
    purpose: str
    bound_to: str
    detail: str = Field(description="the kind of the command it authorized")


class OfflineAuthorizationsOut(BaseModel):
    authorizations: list[OfflineAuthorizationOut]
