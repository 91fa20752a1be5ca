"""The registry of command kinds: who may issue each and how it is applied.

A handler's ``apply`` runs twice for every command — first on the workstation against its
cache (optimistic, catching most errors while the customer is still at the window), then on
the centre against the truth, where it is re-validated and either applied or rejected. The
same code on both sides keeps the rules in one place.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from counter_app.domain.commands import Command
from counter_app.domain.roles import Permission
from counter_app.services.apply_context import ApplyContext

ApplyFn = Callable[[ApplyContext, Command], None]


@dataclass(frozen=True)
class Handler:
    kind: str
    permission: Permission
    apply: ApplyFn
    # "hall" entries are pulled by the workstations of the command's hall, "*" by all.
    scope: str = "hall"

    def scope_of(self, command: Command) -> str:
        return "*" if self.scope == "*" else f"hall:{command.hall_code}"


_REGISTRY: dict[str, Handler] = {}


def register(handler: Handler) -> Handler:
    if handler.kind in _REGISTRY:
        raise ValueError(f"command kind {handler.kind!r} registered twice")
    _REGISTRY[handler.kind] = handler
    return handler


def handler_for(kind: str) -> Handler:
    _load_builtin_handlers()
    try:
        return _REGISTRY[kind]
    except KeyError:
        raise LookupError(f"unknown command kind {kind!r}") from None


def _load_builtin_handlers() -> None:
    # Imported for their side effect of registering; kept here so importing the registry
    # alone has no import cycle with the handler modules.
    from counter_app.services import admin, certificates, enrollment  # noqa: F401
