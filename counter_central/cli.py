"""``counter-central``: run the service and administer it.

serve, workstation add/revoke/list, ca init, anchor init/sign, audit verify, db roles,
db migrate, db set-password and registry load. Every failure is one line on stderr naming
what is wrong and what to do, with a non-zero exit code; an operator never sees a traceback.
Secrets are read from standard input or the secret stores, never from the command line.
"""

from __future__ import annotations

import argparse
import logging
import os
import signal
import socket
import sys
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from counter_central import cli_admin, cli_db, cli_registry
from counter_central.cli_support import EXIT_FAIL, EXIT_OK, EXIT_USAGE, CliError, settings_of
from counter_central.settings import SettingsError

if TYPE_CHECKING:
    import uvicorn


# -- serve ---------------------------------------------------------------------------------
def configure_logging(level: str) -> None:
    logging.basicConfig(
        level=level,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
        force=True,
    )
    logging.getLogger("alembic").setLevel(logging.WARNING)


# Passed to the worker processes of ``[server] workers`` > 1 (they are spawned, not forked).
CONFIG_ENV = "COUNTER_CENTRAL_CONFIG"
PARENT_ENV = "COUNTER_CENTRAL_PARENT_PID"
PARENT_POLL_SECONDS = 1.0


def cmd_serve(args: argparse.Namespace) -> int:
    """Serve in this process, or with ``[server] workers`` = N > 1 in N worker processes.

    One process runs the handlers on threads that share one interpreter lock, so it uses
    about one core however many there are; with N workers the port is shared by N processes
    (uvicorn's supervisor restarts one that dies). They need nothing from each other: all
    state is in the database. This process checks everything the workers will need first —
    the database, its role and schema, the anchor key, the TLS files — so a problem is
    reported here, once, in one line.
    """
    settings = settings_of(args)
    configure_logging(settings.log_level)
    try:
        import uvicorn

        from counter_central.app import create_app
    except ImportError as exc:
        raise CliError(
            f"the service needs its web server packages ({exc.name}): "
            "pip install 'counter-app[central]'"
        ) from None
    from counter_central.file_secrets import check_private

    server = settings.server
    if server.tls_cert is not None and server.tls_key is not None:
        if not server.tls_cert.is_file():
            raise CliError(f"the TLS certificate {server.tls_cert} does not exist")
        check_private(server.tls_key, "the TLS key")
    app = create_app(settings)
    logging.getLogger("counter_central").info(
        "serving %s on %s://%s:%d for halls %s%s",
        settings.database.url.split("://")[0],
        "https" if server.tls else "http",
        server.host,
        server.port,
        ", ".join(settings.halls),
        f" with {server.workers} worker processes" if server.workers > 1 else "",
    )
    options: dict[str, Any] = {
        "host": server.host,
        "port": server.port,
        "ssl_certfile": str(server.tls_cert) if server.tls_cert else None,
        "ssl_keyfile": str(server.tls_key) if server.tls_key else None,
        "log_config": None,
        "access_log": False,
        "server_header": False,
        "proxy_headers": False,
        "timeout_graceful_shutdown": 10,
    }
    if server.workers == 1:
        uvicorn.run(app, **options)
        return EXIT_OK
    app.state.service.engine.dispose()  # checked; each worker opens its own
    os.environ[CONFIG_ENV] = str(settings.path.resolve())
    os.environ[PARENT_ENV] = str(os.getpid())
    from uvicorn.supervisors import Multiprocess

    config = uvicorn.Config(
        "counter_central.cli:worker_app", factory=True, workers=server.workers, **options
    )
    Multiprocess(config, sockets=[_tcp_listener(config)]).run()
    return EXIT_OK


def _tcp_listener(config: uvicorn.Config) -> socket.socket:
    """The workers' shared listening socket, marked as TCP.

    uvicorn binds it with ``proto`` 0; accepted connections inherit that, and asyncio then
    leaves Nagle's algorithm on, so every answer on a kept-alive connection after the first
    waits ~40 ms for the client's delayed ACK. Declared as TCP, every accepted connection
    gets ``TCP_NODELAY`` as in the single-process server.
    """
    bound: socket.socket = config.bind_socket()
    if bound.family not in (socket.AF_INET, socket.AF_INET6):
        return bound
    listener = socket.socket(bound.family, bound.type, socket.IPPROTO_TCP, fileno=bound.detach())
    listener.set_inheritable(True)
    return listener


def worker_app() -> Any:
    """The application of one worker process (``[server] workers`` > 1), for uvicorn.

    The worker ends itself (SIGTERM: a graceful shutdown) when the ``serve`` process that
    started it is gone, even if that one was killed without stopping its workers.
    """
    from counter_central.app import create_app
    from counter_central.settings import load_settings

    settings = load_settings(Path(os.environ[CONFIG_ENV]))
    configure_logging(settings.log_level)
    parent = int(os.environ[PARENT_ENV])
    threading.Thread(target=_stop_when_orphaned, args=(parent,), daemon=True).start()
    return create_app(settings)


def _stop_when_orphaned(parent: int) -> None:
    while _alive(parent):
        time.sleep(PARENT_POLL_SECONDS)
    logging.getLogger("counter_central").warning(
        "the serve process (pid %d) is gone; this worker stops", parent
    )
    os.kill(os.getpid(), signal.SIGTERM)


def _alive(pid: int) -> bool:
    if sys.platform == "win32":
        return True  # uvicorn's supervisor ends its workers there; nothing to watch
    return os.getppid() == pid


# -- argument parsing ----------------------------------------------------------------------
def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="counter-central", description=__doc__.splitlines()[0].replace("``", "")
    )
    commands = parser.add_subparsers(dest="command", required=True)

    def with_config(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
        p.add_argument("--config", required=True, help="the service's TOML configuration")
        return p

    def add(
        group: argparse._SubParsersAction,  # type: ignore[type-arg]
        name: str,
        fn: Callable[[argparse.Namespace], int],
        help_text: str,
        *,
        config: bool = True,
    ) -> argparse.ArgumentParser:
        p: argparse.ArgumentParser = group.add_parser(name, help=help_text)
        p.set_defaults(fn=fn)
        return with_config(p) if config else p

    add(commands, "serve", cmd_serve, "run the service")

    ws = commands.add_parser("workstation", help="register, revoke and list workstations")
    ws_commands = ws.add_subparsers(dest="action", required=True)
    p = add(ws_commands, "add", cli_admin.cmd_workstation_add, "register and print a one-time code")
    p.add_argument("workstation_id")
    p.add_argument("--hall", required=True)
    p.add_argument("--label", default="")
    p.add_argument("--valid-hours", type=int, default=0)
    p.add_argument("--replace", action="store_true", help="re-issue (disables the old key)")
    p = add(ws_commands, "revoke", cli_admin.cmd_workstation_revoke, "revoke a workstation now")
    p.add_argument("workstation_id")
    add(ws_commands, "list", cli_admin.cmd_workstation_list, "list registered workstations")

    ca = commands.add_parser("ca", help="a certificate authority for a hall without a PKI")
    ca_commands = ca.add_subparsers(dest="action", required=True)
    p = add(
        ca_commands,
        "init",
        cli_admin.cmd_ca_init,
        "make a CA and a server certificate",
        config=False,
    )
    p.add_argument("--dir", required=True)
    p.add_argument("--hall", required=True)
    p.add_argument("--host", action="append", required=True, help="repeat for every name")

    anchor = commands.add_parser("anchor", help="the journal anchor key and anchors")
    anchor_commands = anchor.add_subparsers(dest="action", required=True)
    add(anchor_commands, "init", cli_admin.cmd_anchor_init, "create the anchor signing key")
    add(anchor_commands, "sign", cli_admin.cmd_anchor_sign, "anchor the current journal head")

    audit = commands.add_parser("audit", help="check the journal")
    audit_commands = audit.add_subparsers(dest="action", required=True)
    p = add(audit_commands, "verify", cli_admin.cmd_audit_verify, "check the chain against anchors")
    p.add_argument("--anchors", help="a JSON file of anchors kept outside the database")

    db = commands.add_parser("db", help="database roles, migrations and the password")
    db_commands = db.add_subparsers(dest="action", required=True)
    p = add(db_commands, "roles", cli_db.cmd_db_roles, "print the roles SQL", config=False)
    p.add_argument("--schema", default="counter")
    p.add_argument("--owner", default="counter_owner")
    p.add_argument("--service", default="counter_service")
    p.add_argument("--reporting", default="counter_reporting")
    p = add(db_commands, "migrate", cli_db.cmd_db_migrate, "migrate as the owner", config=False)
    p.add_argument("--config", help="take the database URL from this configuration")
    p.add_argument("--url", help="the owner's database URL (without password)")
    p.add_argument("--password-stdin", action="store_true")
    p = add(db_commands, "set-password", cli_db.cmd_db_set_password, "store it in the keyring")
    p.add_argument("--password-stdin", action="store_true")

    registry = commands.add_parser("registry", help="the registry of persons and employers")
    registry_commands = registry.add_subparsers(dest="action", required=True)
    p = add(
        registry_commands,
        "load",
        cli_registry.cmd_registry_load,
        "check and load persons or employers from a CSV or XLSX file",
    )
    p.add_argument("kind", choices=("persons", "employers"))
    p.add_argument("file", help="CSV (UTF-8, GBK or UTF-16) or XLSX, headings in row 1-20")
    p.add_argument("--report", help="also write the problems to this CSV file")
    p.add_argument("--batch", type=cli_registry.batch_size, default=5000, help="rows per commit")
    p.add_argument("--dry-run", action="store_true", help="check only, write nothing")
    p.add_argument("--all-or-nothing", action="store_true", help="load nothing if any row is bad")
    return parser


def _known_errors() -> tuple[type[Exception], ...]:
    from counter_central.anchor_key import AnchorKeyError
    from counter_central.database import StartupRefused
    from counter_central.db_password import PasswordUnavailable
    from counter_central.file_secrets import SecretFileError
    from counter_central.pki import PkiError
    from counter_central.registry import RegistryError

    return (
        SettingsError,
        StartupRefused,
        PasswordUnavailable,
        AnchorKeyError,
        SecretFileError,
        PkiError,
        RegistryError,
    )


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "db" and args.action == "migrate" and not (args.url or args.config):
        print("counter-central: give --url (the owner's) or --config", file=sys.stderr)
        return EXIT_USAGE
    try:
        return int(args.fn(args))
    except CliError as exc:
        print(f"counter-central: {exc}", file=sys.stderr)
        return exc.code
    except _known_errors() as exc:
        print(f"counter-central: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except Exception as exc:
        from sqlalchemy.exc import DBAPIError

        if isinstance(exc, DBAPIError):
            first = str(exc.orig).strip().splitlines()
            print(
                "counter-central: the database refused or does not answer: "
                f"{first[0] if first else type(exc).__name__}",
                file=sys.stderr,
            )
            return EXIT_FAIL
        raise
    except KeyboardInterrupt:
        return EXIT_FAIL


if __name__ == "__main__":
    sys.exit(main())
