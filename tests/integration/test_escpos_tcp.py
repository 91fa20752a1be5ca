"""A real TCP 9100-style capture server receives a print job over a socket."""

from __future__ import annotations

import datetime as dt
import socket
import threading
from collections.abc import Iterator

import pytest

from counter_app.devices.printers import PrinterConfig, open_connection
from counter_app.printing import documents as d
from counter_app.printing.escpos_render import render_escpos
from counter_app.printing.jobs import MemoryJobStore, PrintJob, PrintSpooler


class CaptureServer:
    def __init__(self) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(1)
        self.sock.settimeout(10)
        self.port = self.sock.getsockname()[1]
        self.received = b""
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        conn, _ = self.sock.accept()
        with conn:
            while chunk := conn.recv(65536):
                self.received += chunk

    def close(self) -> None:
        self.thread.join(timeout=10)
        self.sock.close()


@pytest.fixture
def server() -> Iterator[CaptureServer]:
    capture = CaptureServer()
    yield capture
    capture.close()


def test_a_ticket_reaches_the_printer_over_tcp(server: CaptureServer) -> None:
    config = PrinterConfig.from_dict(
        {"name": "kiosk", "host": "127.0.0.1", "port": server.port, "paper_mm": 58}
    )
    ticket = d.queue_ticket("示范大厅", "A012", "个人业务", 3, 9, dt.datetime(2026, 11, 24, 9))
    data = render_escpos(ticket, config.escpos_options()).data
    job = PrintSpooler(MemoryJobStore()).submit(
        PrintJob("queue_ticket", config.name, data), open_connection(config)
    )
    server.thread.join(timeout=10)
    assert job.status == "printed"
    assert server.received == data and b"A012" in server.received


def test_an_offline_printer_fails_the_job_with_a_clear_error() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # nothing listens here once closed
    config = PrinterConfig.from_dict({"name": "p", "host": "127.0.0.1", "port": port})
    job = PrintSpooler(MemoryJobStore()).submit(
        PrintJob("queue_ticket", "p", b"x"), open_connection(config)
    )
    assert job.status == "failed" and f"127.0.0.1:{port} is unreachable" in (job.last_error or "")
