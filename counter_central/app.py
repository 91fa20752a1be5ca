"""The FastAPI application: ``create_app(settings)`` wires the routes, the gate and the logs.

The application holds no client state, only the database engine, the clock and the anchor
key, so any number of processes can serve one database. The OpenAPI document is served at
``/openapi.json``; the interactive documentation pages are off (they load code from outside).
"""

from __future__ import annotations

from fastapi import FastAPI
from sqlalchemy import Engine

from counter_central import API_VERSION, error_handlers
from counter_central.access_log import AccessLog
from counter_central.anchor_key import AnchorKey, load_anchor_key
from counter_central.clock import ServiceClock
from counter_central.context import ServiceContext
from counter_central.database import open_service_database
from counter_central.gate import RequestGate
from counter_central.routes_anchors import router as anchors_router
from counter_central.routes_counter import router as counter_router
from counter_central.routes_public import router as public_router
from counter_central.routes_queue import router as queue_router
from counter_central.routes_sessions import router as sessions_router
from counter_central.routes_sync import router as sync_router
from counter_central.settings import Settings


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
    )
    app.state.service = context
    for router in (
        public_router,
        sessions_router,
        sync_router,
        anchors_router,
        queue_router,
        counter_router,
    ):
        app.include_router(router)
    error_handlers.install(app)
    app.add_middleware(RequestGate, context=context)
    app.add_middleware(AccessLog)
    return app
