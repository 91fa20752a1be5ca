"""On-the-spot authorization calls to counter-central (part of ``HttpCentral``).

An authorization is asked for on the session of the user logged in at this workstation (the
teller who needs it); the supervisor's password travels in the body only, to be checked by the
centre. Listing and confirming offline authorizations is done on a supervisor's session.
"""

from __future__ import annotations

from typing import Any

from counter_app.domain.errors import CentralUnavailable
from counter_app.remote.calls_base import CallsBase
from counter_app.remote.counter_calls import local_time
from counter_app.remote.wire_models import malformed
from counter_app.services.central_port import OfflineAuthorization
from counter_app.sync.port import NoSession


def parse_offline(answer: Any) -> list[OfflineAuthorization]:
    try:
        return [
            OfflineAuthorization(
                id=str(item["id"]),
                created_at=local_time(item["created_at"]),
                workstation_id=str(item["workstation_id"]),
                requested_by=str(item["requested_by"]),
                supervisor=str(item["supervisor"]),
                purpose=str(item["purpose"]),
                bound_to=str(item["bound_to"]),
                detail=str(item.get("detail") or ""),
            )
            for item in answer["authorizations"]
        ]
    except (AttributeError, KeyError, TypeError, ValueError) as exc:
        raise malformed("offline authorizations", exc) from None


class AuthorizationCalls(CallsBase):
    """Authorization methods of ``CentralPort`` over HTTP; mixed into ``HttpCentral``."""

    def _authorization_call(self, method: str, path: str, *, body: object | None = None) -> Any:
        try:
            return self.request(method, path, body=body, user=self.user())
        except NoSession:
            raise CentralUnavailable(
                "the central service cannot be asked: no staff session is open at it yet"
            ) from None

    def authorize(self, supervisor: str, password: str, purpose: str, bound_to: str) -> str:
        answer = self._authorization_call(
            "POST",
            "/v1/authorizations",
            body={
                "supervisor": supervisor,
                "password": password,
                "purpose": purpose,
                "bound_to": bound_to,
            },
        )
        try:
            return str(answer["auth_ref"])
        except (KeyError, TypeError) as exc:
            raise malformed("authorization", exc) from None

    def offline_authorizations(self) -> list[OfflineAuthorization]:
        return parse_offline(self._authorization_call("GET", "/v1/authorizations/offline"))

    def confirm_authorization(self, authorization_id: str) -> None:
        self._authorization_call("POST", f"/v1/authorizations/{authorization_id}/confirm")
