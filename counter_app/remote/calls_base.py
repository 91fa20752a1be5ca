"""What each group of calls to counter-central (``queue_calls``, ``counter_calls``) may use
of ``HttpCentral``: its signed ``request`` and the user logged in at this workstation."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any


class CallsBase:
    """Base of the call groups mixed into ``HttpCentral``, which provides these methods."""

    if TYPE_CHECKING:
        timeout: float

        def request(
            self,
            method: str,
            path: str,
            *,
            body: object | None = None,
            params: Mapping[str, Any] | None = None,
            user: str | None = None,
            timeout: float | None = None,
        ) -> Any: ...

        def user(self) -> str: ...
