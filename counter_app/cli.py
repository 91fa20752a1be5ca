"""``counter-admin``: administration and operations from the command line.

Two kinds of command live here.

**On the centre's host, on the central database.** init, migrate, seed-demo, demo
customers, audit verify, verify (certificate codes), queue close-day and user add work
directly on the central database — legitimate only for whoever owns it: the administrator
on the centre's host. By default that is this PC's embedded central (the SQLite file the
embedded service runs on); ``--central-url postgresql://user@host/db`` names another (its
password from the OS keyring, stored with ``secret set-central-password``). The
``counter-central`` administration is reachable from here too: ``workstation
add|revoke|list``, ``db roles|migrate|set-password`` and ``ca init`` (they need the
``central`` extra; ``--config`` defaults to the embedded service's configuration).

**On a workstation, through the central service.** sync (one push and pull), enrol (bind
this workstation to a service with a one-time code: its key goes to the OS keyring), config
show, the holiday files, and the service catalogue (``catalogue list``, ``catalogue check``
a draft).

Every failure is one clear line on stderr and a non-zero exit code; no traceback reaches
the operator.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import importlib.util
import json
import logging
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from counter_app.config import ConfigError, data_dir, load_config, save_config
from counter_app.domain.roles import Role
from counter_app.keyring_store import SecretStoreUnavailable

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from counter_app.catalogue.schema import Catalogue
    from counter_app.client.startup import CentreConnection
    from counter_app.client.workstation import Workstation

EXIT_OK, EXIT_FAIL, EXIT_USAGE, EXIT_OFFLINE = 0, 1, 2, 3
DELEGATED = ("workstation", "db", "ca")  # subcommands of counter-central


class AdminError(Exception):
    """A failure to report as one line, with its exit code."""

    def __init__(self, message: str, code: int = EXIT_FAIL) -> None:
        super().__init__(message)
        self.code = code


# -- the central database of the centre's host -----------------------------------------------
def central_url_of(args: argparse.Namespace) -> str:
    url = getattr(args, "central_url", None)
    return str(url) if url else load_config().embedded_central_url


def central_engine(args: argparse.Namespace, *, migrate_it: bool = False) -> Engine:
    """The central database named by ``--central-url``, else the embedded SQLite file.

    The embedded file is created and migrated when needed; another database is migrated
    only by ``init`` and ``migrate``.
    """
    from sqlalchemy.engine import make_url

    from counter_app.keyring_store import get_central_password
    from counter_app.storage import migrate
    from counter_app.storage.engines import make_engine

    url = central_url_of(args)
    sqlite = url.startswith("sqlite")
    password = None
    if not sqlite and not getattr(args, "no_password", False):
        password = get_central_password(url)
    if sqlite:
        Path(make_url(url).database or ".").parent.mkdir(parents=True, exist_ok=True)
    engine = make_engine(url, password=password)
    if sqlite or migrate_it:
        migrate.upgrade(engine, "central")
    return engine


def shown_url(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def print_logins(logins: Sequence[Any]) -> None:
    print("Demo logins (user / password / role):")
    for login in logins:
        print(f"  {login.username:<12} {login.password:<18} {login.role}")


# -- a workstation and its centre ------------------------------------------------------------
def connected_workstation() -> tuple[Workstation, CentreConnection]:
    """This workstation with its centre attached (the embedded one started); stop after use."""
    from counter_app.client.startup import connect_centre
    from counter_app.client.workstation import Workstation

    config = load_config()
    ws = Workstation(config)
    connection = connect_centre(config)
    if connection.centre is not None:
        ws.attach_centre(connection.centre)
    return ws, connection


def close_workstation(ws: Workstation, connection: CentreConnection) -> None:
    try:
        ws.close()
    finally:
        connection.stop()


# -- commands on the central database --------------------------------------------------------
def cmd_init(args: argparse.Namespace) -> int:
    from counter_app.centre.bootstrap import hall_count
    from counter_app.centre.demo_seed import seed_demo

    config = load_config()
    print(f"configuration: {config.path}")
    on_database = bool(args.central_url) or config.embedded
    if on_database:
        engine = central_engine(args, migrate_it=True)
        try:
            print(f"central database: {shown_url(central_url_of(args))}")
            if config.demo and hall_count(engine) == 0:
                print_logins(seed_demo(engine).logins)
        finally:
            engine.dispose()
    if args.central_url:
        return EXIT_OK  # the centre's host: no workstation to bring up to date
    return sync_report(verbose_users=True)


def cmd_migrate(args: argparse.Namespace) -> int:
    from counter_app.client.workstation import Workstation

    Workstation(load_config()).close()  # opening the cache migrates it
    engine = central_engine(args, migrate_it=True)
    engine.dispose()
    print(f"local cache and central database ({shown_url(central_url_of(args))}) are current")
    return EXIT_OK


def cmd_seed_demo(args: argparse.Namespace) -> int:
    from counter_app.centre.bootstrap import hall_count
    from counter_app.centre.demo_seed import seed_demo

    engine = central_engine(args)
    try:
        if hall_count(engine) and not args.force:
            raise AdminError("the central database already has data; use --force to add demo data")
        started = time.perf_counter()

        def progress(what: str, count: int) -> None:
            print(f"  {what}: {count:,}", flush=True)

        report = seed_demo(
            engine,
            persons=args.persons,
            employers=args.employers,
            seed=args.seed,
            progress=progress,
        )
    finally:
        engine.dispose()
    elapsed = time.perf_counter() - started
    print(
        f"seeded {report.persons:,} persons and {report.employers:,} employers in {elapsed:.1f} s"
    )
    print_logins(report.logins)
    return EXIT_OK


def cmd_demo_customers(args: argparse.Namespace) -> int:
    from counter_app.services.demo_customers import demo_customers

    engine = central_engine(args)
    try:
        found = demo_customers(engine, args.limit)
    finally:
        engine.dispose()
    if not found.persons and not found.employers:
        print("the central registry is empty; load demo data with: counter-admin seed-demo")
        return EXIT_FAIL
    print("Persons (ID number, name) — type the ID number into the customer panel (F2):")
    for person in found.persons:
        state = "insured: proof of insurance" if person.insured else "not insured yet: enroll"
        padding = "\u3000" * max(0, 4 - len(person.name))  # ideographic spaces: names align
        print(f"  {person.id_number}  {person.name}{padding}  ({state})")
    print("Employers (unified social credit code, name):")
    for employer in found.employers:
        print(f"  {employer.credit_code}  {employer.name}")
    return EXIT_OK


def cmd_audit_verify(args: argparse.Namespace) -> int:
    from counter_app.centre.journal import verify_chain

    engine = central_engine(args)
    try:
        report = verify_chain(engine)
    finally:
        engine.dispose()
    if args.json:
        print(json.dumps(report.__dict__))
    elif report.ok:
        print(f"journal intact: {report.checked} entries verified")
    else:
        print(
            f"journal BROKEN at entry {report.first_bad_seq}: {report.problem} "
            f"({report.checked} entries verified before it)"
        )
    return EXIT_OK if report.ok else EXIT_FAIL


def cmd_verify(args: argparse.Namespace) -> int:
    from counter_app.domain.errors import ValidationError
    from counter_app.printing.verification import parse_code
    from counter_app.services.certificates import verify_certificate

    try:
        code = parse_code(args.code)
    except ValidationError as exc:
        print(f"NOT GENUINE: {args.code}: {exc.message}")
        return EXIT_USAGE
    engine = central_engine(args)
    try:
        result = verify_certificate(engine, code)
    finally:
        engine.dispose()
    if not result.genuine:
        print(f"NOT GENUINE: {args.code}: {result.problem}")
        return EXIT_FAIL
    assert result.content is not None and result.issued_at is not None
    print(f"genuine: {result.code} ({result.kind}), journal entry {result.journal_seq}")
    print(f"  issued {result.issued_at:%Y-%m-%d %H:%M} by {result.issued_by} in {result.hall_code}")
    for key, value in result.content.items():
        print(f"  {key}: {value}")
    return EXIT_OK


def cmd_queue_close_day(args: argparse.Namespace) -> int:
    from counter_app.services.queue import close_day

    hall = args.hall or load_config().hall_code
    day = dt.date.fromisoformat(args.date) if args.date else dt.date.today()
    engine = central_engine(args)
    try:
        closed = close_day(engine, hall, day)
    finally:
        engine.dispose()
    print(f"{closed} unfinished ticket(s) of {day} in {hall} closed and flagged")
    return EXIT_OK


def cmd_user_add(args: argparse.Namespace) -> int:
    from counter_app.centre.bootstrap import create_user

    password = sys.stdin.readline().rstrip("\n") if args.password_stdin else getpass.getpass()
    if len(password) < 8:
        raise AdminError("the password needs at least 8 characters", EXIT_USAGE)
    engine = central_engine(args)
    try:
        create_user(
            engine, args.username, password, Role(args.role), args.hall, args.display_name or ""
        )
    finally:
        engine.dispose()
    print(f"user {args.username} ({args.role}) created; workstations learn it at their next sync")
    return EXIT_OK


def cmd_secret_set(args: argparse.Namespace) -> int:
    from counter_app.keyring_store import set_central_password

    password = (
        sys.stdin.readline().rstrip("\n")
        if args.password_stdin
        else getpass.getpass("central database password: ")
    )
    set_central_password(args.central_url, password)
    print(f"stored in the system keyring for {shown_url(args.central_url)}")
    return EXIT_OK


# -- commands of a workstation ---------------------------------------------------------------
def sync_report(*, verbose_users: bool = False) -> int:
    from counter_app.client.startup import prepare

    ws, connection = connected_workstation()
    try:
        report = prepare(ws, problem=connection.problem)
    finally:
        close_workstation(ws, connection)
    if not report.sync.online:
        print(f"offline: {report.sync.error}", file=sys.stderr)
        return EXIT_OFFLINE
    push, pull = report.sync.push, report.sync.pull
    assert push is not None and pull is not None
    print(
        f"pushed {push.sent} (applied {push.applied}, rejected {push.rejected}); "
        f"pulled {pull.entries}, cursor {pull.cursor}"
    )
    if verbose_users:
        print(f"users known on this workstation: {report.known_users}")
    return EXIT_OK


def cmd_sync(args: argparse.Namespace) -> int:
    return sync_report()


def cmd_enrol(args: argparse.Namespace) -> int:
    import httpx

    from counter_app.remote.http_central import (
        InsecureServiceUrl,
        check_service_url,
        is_loopback_host,
        pinned_context,
    )
    from counter_app.remote.identity import EnrolmentFailed, IdentityUnavailable, enrol
    from counter_app.remote.key_store import KEY_FILE, key_store_for

    config = load_config()  # on a fresh PC: the default, made here
    try:
        url = check_service_url(args.url)
    except InsecureServiceUrl as exc:
        raise AdminError(str(exc), EXIT_USAGE) from None
    ca_file = Path(args.ca).resolve() if args.ca else None
    if url.startswith("https://") and ca_file is None:
        raise AdminError("an https:// service needs the hall CA: --ca FILE", EXIT_USAGE)
    if ca_file is not None and not ca_file.is_file():
        raise AdminError(f"the hall CA file {ca_file} does not exist", EXIT_USAGE)
    workstation_id = args.workstation_id or config.workstation_id
    host = httpx.URL(url).host
    try:
        store = key_store_for(
            data_dir() / KEY_FILE, workstation_id, loopback=is_loopback_host(host)
        )
        verify = pinned_context(ca_file) if ca_file is not None else True
        with httpx.Client(base_url=url, verify=verify, timeout=30.0) as client:
            enrolment = enrol(client, workstation_id, args.code, store=False)
        store.save(enrolment.identity)
    except EnrolmentFailed as exc:
        raise AdminError(f"the service refused the enrolment: {exc.code}: {exc.reason}") from None
    except IdentityUnavailable as exc:
        raise AdminError(f"keyring: {exc}") from None
    except httpx.HTTPError as exc:
        raise AdminError(f"the service at {url} cannot be reached: {exc}", EXIT_OFFLINE) from None
    if args.hall and args.hall != enrolment.hall_code:
        print(
            f"note: the service registered this workstation for hall {enrolment.hall_code}, "
            f"not {args.hall}; the configuration uses {enrolment.hall_code}",
            file=sys.stderr,
        )
    config.workstation_id = workstation_id
    config.hall_code = enrolment.hall_code
    config.service_url = url
    config.ca_file = ca_file
    from counter_app.client.workstation import Workstation
    from counter_app.sync.anchors_seen import remember_anchor_key

    cache = Workstation(config)  # the anchor key checks the signed journal heads later
    try:
        remember_anchor_key(cache.local, enrolment.anchor_public_key, enrolment.anchor_key_id)
    finally:
        cache.close()
    config.embedded = False
    save_config(config)
    print(f"workstation {workstation_id} enrolled for hall {enrolment.hall_code} at {url}")
    print(f"its key is kept in {store.where}; configuration written to {config.path}")
    print(f"service anchor key {enrolment.anchor_public_key} (key id {enrolment.anchor_key_id})")
    return EXIT_OK


def cmd_holidays_check(args: argparse.Namespace) -> int:
    from counter_app.domain.holiday_files import HolidayFileError
    from counter_app.services import holidays

    try:
        result = holidays.check(Path(args.file))
    except HolidayFileError as exc:
        print(f"refused: {exc}", file=sys.stderr)
        return EXIT_FAIL
    print(f"{args.file}: a valid arrangement for {result.schedule.year}")
    for note in result.notes:
        print(f"  {note}")
    return EXIT_OK


def cmd_holidays_install(args: argparse.Namespace) -> int:
    from counter_app.domain.holiday_files import HolidayFileError
    from counter_app.services import holidays

    try:
        target = holidays.install(Path(args.file))
    except HolidayFileError as exc:
        print(f"refused: {exc}", file=sys.stderr)
        return EXIT_FAIL
    print(f"installed as {target}; deadlines from now on use it")
    return EXIT_OK


def cmd_holidays_status(args: argparse.Namespace) -> int:
    from counter_app.services import holidays

    rows, problems = holidays.status(args.years or None)
    for row in rows:
        where = row.source or "none: deadlines in this year are provisional"
        print(f"{row.year}: {where}")
    for problem in problems:
        print(f"refused file: {problem}", file=sys.stderr)
    return EXIT_FAIL if problems else EXIT_OK


# -- the service catalogue --------------------------------------------------------------------
def catalogue_time_text(promised: int, legal: int) -> str:
    """A time limit as the hall's guides write it: 即办, or 承诺N个工作日/法定M个工作日."""
    if promised == 0:
        return "即办" if legal == 0 else f"即办/法定{legal}个工作日"
    return f"承诺{promised}个工作日/法定{legal}个工作日"


def load_catalogue_arg(path: str | None) -> Catalogue:
    """The catalogue named on the command line (a directory or one TOML file), else the
    shipped one; a broken catalogue raises ``CatalogueError``."""
    from counter_app.catalogue import load_catalogue_file, shipped_catalogue

    return load_catalogue_file(Path(path)) if path else shipped_catalogue()


def cmd_catalogue_list(args: argparse.Namespace) -> int:
    from counter_app.catalogue import CatalogueError

    try:
        catalogue = load_catalogue_arg(args.file)
    except CatalogueError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_USAGE
    group_names = {group.code: group.name_zh for group in catalogue.groups}
    for item in catalogue.items:
        limit = catalogue_time_text(item.time_limit.promised, item.time_limit.legal)
        print(
            f"{item.code}\t{item.name_zh}\t{group_names[item.group]}\tL{item.review_level}\t{limit}"
        )
    return EXIT_OK


def cmd_catalogue_check(args: argparse.Namespace) -> int:
    from counter_app.catalogue import CatalogueError

    try:
        catalogue = load_catalogue_arg(args.file)
    except CatalogueError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_USAGE
    print(
        f"OK: {len(catalogue.items)} items in {len(catalogue.groups)} groups, "
        f"version {catalogue.version}, hash {catalogue.content_hash()}"
    )
    return EXIT_OK


def cmd_catalogue_publish(args: argparse.Namespace) -> int:
    """Publish a checked catalogue as a new version at the centre (a journaled command that
    every workstation pulls); a version already published is refused, never replaced."""
    from counter_app.catalogue import CatalogueError
    from counter_app.centre.bootstrap import BootstrapError, publish_catalogue

    try:
        catalogue = load_catalogue_arg(args.file)
    except CatalogueError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_USAGE
    engine = central_engine(args)
    try:
        verdict = publish_catalogue(engine, catalogue)
    except BootstrapError as exc:
        raise AdminError(f"not published: {exc}") from None
    finally:
        engine.dispose()
    print(
        f"published catalogue version {catalogue.version} ({len(catalogue.items)} items, "
        f"hash {catalogue.content_hash()}) as journal entry {verdict.seq}"
    )
    return EXIT_OK


def add_catalogue_commands(sub: Any, central_options: Any = None) -> None:
    """``counter-admin catalogue …``: one ``add_parser`` block per subcommand; a new one
    (``publish``) goes next to these with its own ``cmd_catalogue_…`` function."""
    catalogue = sub.add_parser("catalogue", help="the service catalogue").add_subparsers(
        dest="catalogue", required=True
    )
    p = catalogue.add_parser("list", help="one line per item: code, name, group, level, time")
    p.add_argument("--file", help="a draft (directory or TOML file) instead of the shipped one")
    p.set_defaults(func=cmd_catalogue_list)
    p = catalogue.add_parser("check", help="validate a draft catalogue (directory or TOML file)")
    p.add_argument("file")
    p.set_defaults(func=cmd_catalogue_check)
    p = catalogue.add_parser("publish", help="publish a checked catalogue as a new version")
    p.add_argument("file", nargs="?", help="a directory or TOML file (default: the shipped one)")
    if central_options is not None:
        central_options(p)
    p.set_defaults(func=cmd_catalogue_publish)


def cmd_config_show(args: argparse.Namespace) -> int:
    config = load_config()
    print(f"# {config.path}")
    print(config.path.read_text(encoding="utf-8"))
    return EXIT_OK


# -- counter-central's administration, from here ---------------------------------------------
def embedded_service_config() -> Path:
    """The embedded service's configuration, written now if it has never been started."""
    from counter_app.client.embedded_centre import (
        centre_folder,
        free_port,
        prepare_database,
        served_halls,
        write_service_config,
    )

    path = centre_folder() / "central.toml"
    if path.exists():
        return path
    config = load_config()
    engine, _seeded = prepare_database(config)
    try:
        halls = served_halls(engine, config.hall_code)
    finally:
        engine.dispose()
    return write_service_config(centre_folder(), config.embedded_central_url, halls, free_port())


def central_argv(argv: Sequence[str]) -> list[str]:
    """``argv`` for counter-central, with ``--config`` of the embedded service when needed."""
    args = list(argv)
    if "-h" in args or "--help" in args or len(args) < 2:
        return args
    needs_config = args[0] == "workstation" or (
        args[0] == "db" and args[1] in ("set-password", "migrate")
    )
    if needs_config and "--config" not in args and "--url" not in args:
        args += ["--config", str(embedded_service_config())]
    return args


def run_central_command(argv: Sequence[str]) -> int:
    if importlib.util.find_spec("fastapi") is None:
        print(
            "counter-admin: this command administers counter-central and needs its packages: "
            "pip install 'counter-app[central]'",
            file=sys.stderr,
        )
        return EXIT_FAIL
    from counter_central.cli import main as central_main

    try:
        return central_main(central_argv(argv))
    except ConfigError as exc:
        print(f"configuration error: {exc}", file=sys.stderr)
        return EXIT_USAGE


# -- the command line ------------------------------------------------------------------------
def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="counter-admin", description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true")
    sub = parser.add_subparsers(dest="command", required=True)

    def central_options(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--central-url",
            help="the central database (default: this PC's embedded central SQLite file)",
        )
        p.add_argument(
            "--no-password", action="store_true", help="do not read a password from the keyring"
        )

    p = sub.add_parser("init", help="config, central database (demo seed), first sync")
    central_options(p)
    p.set_defaults(func=cmd_init)
    p = sub.add_parser("migrate", help="bring the cache and the central database up to date")
    central_options(p)
    p.set_defaults(func=cmd_migrate)
    p = sub.add_parser("seed-demo", help="load synthetic demo data into the central database")
    central_options(p)
    p.add_argument("--persons", type=int, default=500)
    p.add_argument("--employers", type=int, default=50)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--force", action="store_true")
    p.set_defaults(func=cmd_seed_demo)
    demo = sub.add_parser("demo", help="the demo data").add_subparsers(dest="demo", required=True)
    p = demo.add_parser("customers", help="print a few demo persons and employers to try")
    central_options(p)
    p.add_argument("--limit", type=int, default=5, help="how many of each (default 5)")
    p.set_defaults(func=cmd_demo_customers)
    holidays = sub.add_parser("holidays", help="the statutory holiday calendar").add_subparsers(
        dest="holidays", required=True
    )
    p = holidays.add_parser("check", help="check a holiday file before installing it")
    p.add_argument("file")
    p.set_defaults(func=cmd_holidays_check)
    p = holidays.add_parser("install", help="check and install a holiday file")
    p.add_argument("file")
    p.set_defaults(func=cmd_holidays_install)
    p = holidays.add_parser("status", help="where each year's arrangement comes from")
    p.add_argument("years", nargs="*", type=int)
    p.set_defaults(func=cmd_holidays_status)
    add_catalogue_commands(sub, central_options)
    p = sub.add_parser("sync", help="one push of the outbox and one pull of the journal")
    p.set_defaults(func=cmd_sync)
    p = sub.add_parser("enrol", help="enrol this workstation with a central service")
    p.add_argument("--url", required=True, help="the service, e.g. https://central.hall:8443")
    p.add_argument("--code", required=True, help="the one-time code of workstation add")
    p.add_argument("--ca", help="the hall CA certificate (required for https)")
    p.add_argument("--workstation-id", help="this workstation's id (default: the configured)")
    p.add_argument("--hall", help="the hall expected (the service's registry decides)")
    p.set_defaults(func=cmd_enrol)
    audit = sub.add_parser("audit", help="audit tools").add_subparsers(dest="audit", required=True)
    p = audit.add_parser("verify", help="walk the hash chain of the central journal")
    central_options(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_audit_verify)
    p = sub.add_parser("verify", help="check a certificate's verification code")
    central_options(p)
    p.add_argument("code")
    p.set_defaults(func=cmd_verify)
    queue_cmd = sub.add_parser("queue", help="hall queue").add_subparsers(
        dest="queue", required=True
    )
    p = queue_cmd.add_parser("close-day", help="close the day's unfinished tickets, flagged")
    central_options(p)
    p.add_argument("--date", help="YYYY-MM-DD (default: today)")
    p.add_argument("--hall", help="the hall (default: this workstation's)")
    p.set_defaults(func=cmd_queue_close_day)
    user = sub.add_parser("user", help="staff users").add_subparsers(dest="user", required=True)
    p = user.add_parser("add", help="create or update a user")
    central_options(p)
    p.add_argument("username")
    p.add_argument("--role", required=True, choices=[r.value for r in Role])
    p.add_argument("--hall", required=True)
    p.add_argument("--display-name")
    p.add_argument("--password-stdin", action="store_true")
    p.set_defaults(func=cmd_user_add)
    secret = sub.add_parser("secret", help="secrets in the OS keyring").add_subparsers(
        dest="secret", required=True
    )
    p = secret.add_parser("set-central-password", help="for --central-url on the centre's host")
    p.add_argument("--central-url", required=True)
    p.add_argument("--password-stdin", action="store_true")
    p.set_defaults(func=cmd_secret_set)
    config = sub.add_parser("config", help="workstation configuration").add_subparsers(
        dest="config", required=True
    )
    p = config.add_parser("show")
    p.set_defaults(func=cmd_config_show)
    for name, text in (
        ("workstation", "counter-central workstation add|revoke|list"),
        ("db", "counter-central db roles|migrate|set-password"),
        ("ca", "counter-central ca init"),
    ):
        p = sub.add_parser(name, help=f"{text} (--config: the embedded service's by default)")
        p.add_argument("arguments", nargs=argparse.REMAINDER)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from counter_app.centre.bootstrap import BootstrapError
    from counter_app.domain.errors import CentralUnavailable

    arguments = list(sys.argv[1:] if argv is None else argv)
    verbose = bool(arguments) and arguments[0] in ("-v", "--verbose")
    rest = arguments[1:] if verbose else arguments
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING)
    if rest and rest[0] in DELEGATED:
        return run_central_command(rest)
    args = build_parser().parse_args(arguments)
    try:
        return int(args.func(args))
    except AdminError as exc:
        print(f"counter-admin: {exc}", file=sys.stderr)
        return exc.code
    except ConfigError as exc:
        print(f"configuration error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except CentralUnavailable as exc:
        print(f"offline: {exc}", file=sys.stderr)
        return EXIT_OFFLINE
    except SecretStoreUnavailable as exc:
        print(f"keyring: {exc}", file=sys.stderr)
        return EXIT_FAIL
    except BootstrapError as exc:
        print(f"refused: {exc}", file=sys.stderr)
        return EXIT_FAIL
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except Exception as exc:
        from sqlalchemy.exc import DBAPIError

        if isinstance(exc, DBAPIError):
            lines = str(exc.orig).strip().splitlines()
            print(
                "counter-admin: the central database refused or does not answer: "
                f"{lines[0] if lines else type(exc).__name__}",
                file=sys.stderr,
            )
            return EXIT_OFFLINE
        raise


if __name__ == "__main__":
    raise SystemExit(main())
