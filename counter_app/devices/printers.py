"""Printer configuration per workstation and the connections that carry print jobs.

A ``PrinterConfig`` comes from a ``[[printers]]`` table of the workstation TOML file and is
validated key by key. ``open_connection`` gives something with ``send(bytes)``: a TCP socket
to port 9100, a python-escpos USB or serial printer, or a file (a device node or a capture).
"""

from __future__ import annotations

import socket
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Literal

from counter_app.domain.errors import ValidationError
from counter_app.printing.connection import Connection, PrinterFault
from counter_app.printing.escpos_render import EscposOptions

__all__ = ["Connection", "PrinterConfig", "PrinterFault"]

KINDS = ("escpos", "pdf")
CONNECTIONS = ("network", "usb", "serial", "file")
ENCODINGS = ("gb18030", "gbk", "utf-8")


@dataclass(frozen=True)
class PrinterConfig:
    name: str
    kind: Literal["escpos", "pdf"] = "escpos"
    connection: Literal["network", "usb", "serial", "file"] = "network"
    host: str = ""
    port: int = 9100
    usb_vendor: int = 0
    usb_product: int = 0
    serial_device: str = ""
    baudrate: int = 9600
    path: str = ""
    paper_mm: Literal[58, 80] = 80
    encoding: Literal["gb18030", "gbk", "utf-8"] = "gb18030"
    chinese_mode: bool = True
    raster: bool = False
    timeout_s: float = 5.0

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> PrinterConfig:
        def bad(key: str, message: str) -> ValidationError:
            return ValidationError(f"printers.{key}", "invalid", message)

        known = set(cls.__dataclass_fields__)
        unknown = sorted(set(raw) - known)
        if unknown:
            raise bad(unknown[0], f"unknown printer setting {unknown[0]!r}")
        name = raw.get("name")
        if not isinstance(name, str) or not name.strip():
            raise bad("name", "every printer needs a name")
        if raw.get("kind", "escpos") not in KINDS:
            raise bad("kind", f"kind must be one of {', '.join(KINDS)}")
        if raw.get("connection", "network") not in CONNECTIONS:
            raise bad("connection", f"connection must be one of {', '.join(CONNECTIONS)}")
        if raw.get("encoding", "gb18030") not in ENCODINGS:
            raise bad("encoding", f"encoding must be one of {', '.join(ENCODINGS)}")
        if raw.get("paper_mm", 80) not in (58, 80):
            raise bad("paper_mm", "paper_mm must be 58 or 80")
        port = raw.get("port", 9100)
        if not isinstance(port, int) or not 1 <= port <= 65535:
            raise bad("port", "port must be a number from 1 to 65535")
        config = cls(**raw)
        required = {"network": "host", "serial": "serial_device", "file": "path"}
        needed = required.get(config.connection)
        if needed and not getattr(config, needed):
            raise bad(needed, f"a {config.connection} printer needs {needed}")
        if config.connection == "usb" and not (config.usb_vendor and config.usb_product):
            raise bad("usb_vendor", "a USB printer needs usb_vendor and usb_product ids")
        return config

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def escpos_options(self) -> EscposOptions:
        return EscposOptions(self.paper_mm, self.encoding, self.chinese_mode, self.raster)


class NetworkConnection:
    def __init__(self, host: str, port: int, timeout: float) -> None:
        self.address = (host, port)
        self.timeout = timeout

    def send(self, data: bytes) -> None:
        try:
            with socket.create_connection(self.address, timeout=self.timeout) as conn:
                conn.sendall(data)
        except TimeoutError:
            raise PrinterFault(f"printer {self.address[0]}:{self.address[1]} timed out") from None
        except OSError as exc:
            raise PrinterFault(
                f"printer {self.address[0]}:{self.address[1]} is unreachable ({exc.strerror})"
            ) from None


class FileConnection:
    def __init__(self, path: str) -> None:
        self.path = Path(path)

    def send(self, data: bytes) -> None:
        try:
            with self.path.open("ab") as handle:
                handle.write(data)
        except OSError as exc:
            raise PrinterFault(f"cannot write to {self.path} ({exc.strerror})") from None


class EscposDeviceConnection:
    """USB or serial printers through python-escpos (needs pyusb or pyserial installed)."""

    def __init__(self, config: PrinterConfig) -> None:
        self.config = config

    def send(self, data: bytes) -> None:
        from escpos import printer

        try:
            if self.config.connection == "usb":
                device: Any = printer.Usb(self.config.usb_vendor, self.config.usb_product)
            else:
                device = printer.Serial(self.config.serial_device, self.config.baudrate)
            device.open()
            device._raw(data)
            device.close()
        except Exception as exc:  # python-escpos raises many kinds; all mean "not printed"
            raise PrinterFault(f"{self.config.connection} printer failed: {exc}") from None


def open_connection(config: PrinterConfig) -> Connection:
    if config.connection == "network":
        return NetworkConnection(config.host, config.port, config.timeout_s)
    if config.connection == "file":
        return FileConnection(config.path)
    return EscposDeviceConnection(config)
