"""What a use case sees of the workstation it runs on: its configuration, its cache and the
port to the centre — never a central database engine.

``counter_app.client.workstation.Workstation`` is the real one; declaring the view here keeps
``services`` free of the client layer (which also runs the sync).
"""

from __future__ import annotations

from typing import Protocol

from sqlalchemy import Engine

from counter_app.config import WorkstationConfig
from counter_app.services.central_port import CentralPort


class WorkstationView(Protocol):
    @property
    def config(self) -> WorkstationConfig: ...

    @property
    def local(self) -> Engine: ...

    @property
    def centre(self) -> CentralPort: ...
