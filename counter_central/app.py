"""The FastAPI application: ``create_app(settings)`` wires the routes, the gate and the logs.

The application holds no client state, only the database engine, the clock and the anchor
key, so any number of processes can serve one database. The OpenAPI document is served at
``/openapi.json``; the interactive documentation pages are off (they load code from outside).

On PostgreSQL, call-next — the busiest call of a hall — is answered by the request gate on
the event loop in one statement (``routes_queue.HotCallNext``, over ``LoopConnections``);
the route is still declared here, so the OpenAPI document describes it.

Handlers are plain functions run in a thread pool, and a long-polling ``GET /v1/journal``
holds a thread for up to 25 s, so at start-up the pool is raised to ``WORKER_THREADS`` (one
per waiting workstation, with room for everything else). When the process is asked to stop,
waiting requests answer at once instead of holding up the shutdown.
"""

from __future__ import annotations

import inspect
import signal
import threading
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager, suppress
from types import FrameType
from typing import Any

import anyio.to_thread
from fastapi import FastAPI
from sqlalchemy import Engine

from counter_central import API_VERSION, error_handlers
from counter_central.access_log import AccessLog
from counter_central.anchor_key import AnchorKey, load_anchor_key
from counter_central.clock import ServiceClock
from counter_central.context import ServiceContext
from counter_central.database import LoopConnections, open_service_database
from counter_central.gate import HotRoute, RequestGate
from counter_central.routes_anchors import router as anchors_router
from counter_central.routes_authorizations import router as authorizations_router
from counter_central.routes_counter import router as counter_router
from counter_central.routes_public import router as public_router
from counter_central.routes_queue import HotCallNext
from counter_central.routes_queue import router as queue_router
from counter_central.routes_sessions import router as sessions_router
from counter_central.routes_sync import STOPPING_STATE
from counter_central.routes_sync import router as sync_router
from counter_central.settings import Settings

# Threads for the (synchronous) handlers: long-polls of many workstations, plus the rest.
WORKER_THREADS = 400

# The service's record of its requests is its access log; FastAPI's own OpenTelemetry
# instrumentation (in the versions that have it) would otherwise look up on every request
# whether a provider was configured meanwhile.
_NO_TELEMETRY: dict[str, Any] = (
    {"telemetry": {"tracing": False, "metrics": False, "logs": False}}
    if "telemetry" in inspect.signature(FastAPI.__init__).parameters
    else {}
)


def _chain_stop_signals(stopping: threading.Event) -> Callable[[], None]:
    """Set ``stopping`` on SIGTERM/SIGINT before the server's own handler runs; the undo."""
    previous: dict[int, Any] = {}

    def handler(signum: int, frame: FrameType | None) -> None:
        stopping.set()
        chained = previous.get(signum)
        if callable(chained):
            chained(signum, frame)

    for signum in (signal.SIGTERM, signal.SIGINT):
        try:
            previous[signum] = signal.signal(signum, handler)
        except ValueError:  # not the main thread (an embedded server): no signals to chain
            break

    def undo() -> None:
        for signum, chained in previous.items():
            with suppress(ValueError):
                signal.signal(signum, chained)

    return undo


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    limiter = anyio.to_thread.current_default_thread_limiter()
    limiter.total_tokens = max(limiter.total_tokens, WORKER_THREADS)
    stopping = threading.Event()
    setattr(app.state, STOPPING_STATE, stopping)
    undo = _chain_stop_signals(stopping)
    try:
        yield
    finally:
        stopping.set()
        undo()
        connections: LoopConnections | None = getattr(app.state, LOOP_CONNECTIONS_STATE, None)
        if connections is not None:
            await connections.close()


LOOP_CONNECTIONS_STATE = "loop_connections"


def create_app(
    settings: Settings,
    *,
    engine: Engine | None = None,
    clock: ServiceClock | None = None,
    anchor_key: AnchorKey | None = None,
) -> FastAPI:
    """The service for ``settings``; opens and checks the database unless given an engine.

    Raises ``StartupRefused``, ``PasswordUnavailable`` or ``AnchorKeyError`` with a message
    for the operator when it cannot serve.
    """
    key = anchor_key or load_anchor_key(settings.anchor_key_file)
    context = ServiceContext(
        settings=settings,
        engine=engine or open_service_database(settings),
        clock=clock or ServiceClock(),
        anchor_key=key,
    )
    app = FastAPI(
        title="counter-central",
        version=API_VERSION,
        summary="The central service of the social-insurance teller system",
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
        lifespan=_lifespan,
        **_NO_TELEMETRY,
    )
    app.state.service = context
    for router in (
        public_router,
        sessions_router,
        sync_router,
        anchors_router,
        queue_router,
        counter_router,
        authorizations_router,
    ):
        app.include_router(router)
    error_handlers.install(app)
    hot_routes: dict[tuple[str, str], HotRoute] = {}
    if context.engine.dialect.name == "postgresql":
        connections = LoopConnections(context.engine)
        setattr(app.state, LOOP_CONNECTIONS_STATE, connections)
        hot_routes[("POST", "/v1/queue/call-next")] = HotCallNext(context, connections)
    app.add_middleware(RequestGate, context=context, hot_routes=hot_routes)
    app.add_middleware(AccessLog)
    return app
