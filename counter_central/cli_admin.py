"""``counter-central`` administration: workstations, the hall CA, anchors and the audit.

Each function is one subcommand; they print what an operator needs and raise ``CliError``
(or an error the command line reports as one line) when something is wrong.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path

from counter_central.cli_support import (
    EXIT_FAIL,
    EXIT_OK,
    CliError,
    engine_of,
    settings_of,
    utc_text,
)


# -- workstations --------------------------------------------------------------------------
def cmd_workstation_add(args: argparse.Namespace) -> int:
    from counter_central.clock import ServiceClock
    from counter_central.registry import add_workstation

    settings = settings_of(args)
    if args.hall not in settings.halls:
        raise CliError(f"hall {args.hall} is not served here (served: {', '.join(settings.halls)})")
    engine = engine_of(settings)
    try:
        issued = add_workstation(
            engine,
            ServiceClock(),
            args.workstation_id,
            args.hall,
            valid_for=dt.timedelta(hours=args.valid_hours or settings.enrolment_hours),
            label=args.label,
            replace=args.replace,
        )
    finally:
        engine.dispose()
    print(f"workstation {issued.workstation_id} registered for hall {issued.hall_code}")
    print(f"enrolment code (usable once, until {utc_text(issued.expires_at)}): {issued.code}")
    return EXIT_OK


def cmd_workstation_revoke(args: argparse.Namespace) -> int:
    from counter_central.clock import ServiceClock
    from counter_central.registry import revoke_workstation

    engine = engine_of(settings_of(args))
    try:
        revoke_workstation(engine, ServiceClock(), args.workstation_id)
    finally:
        engine.dispose()
    print(f"workstation {args.workstation_id} revoked; its sessions are ended")
    return EXIT_OK


def cmd_workstation_list(args: argparse.Namespace) -> int:
    from counter_central.registry import list_workstations

    engine = engine_of(settings_of(args))
    try:
        rows = list_workstations(engine)
    finally:
        engine.dispose()
    for row in rows:
        since = row.revoked_at or row.enrolled_at
        print(
            f"{row.id:<24} {row.hall_code:<10} {row.status:<8} "
            f"{utc_text(since) if since else '':<22} {row.label}"
        )
    return EXIT_OK


# -- keys and certificates -----------------------------------------------------------------
def cmd_ca_init(args: argparse.Namespace) -> int:
    from counter_central.pki import init_ca

    issued = init_ca(Path(args.dir), args.hall, args.host, now=dt.datetime.now(dt.UTC))
    print(f"CA certificate (give it to every workstation): {issued.ca_cert}")
    print(f"CA key (move it off this server; it signs server certificates): {issued.ca_key}")
    print(f"server certificate: {issued.server_cert}")
    print(f"server key: {issued.server_key}")
    print("set [server] tls_cert and tls_key to the server files")
    return EXIT_OK


def cmd_anchor_init(args: argparse.Namespace) -> int:
    from counter_central.anchor_key import create_anchor_key

    settings = settings_of(args)
    key = create_anchor_key(settings.anchor_key_file)
    print(f"anchor key written to {settings.anchor_key_file}")
    print(f"anchor public key {key.public_text} (key id {key.key_id})")
    return EXIT_OK


def cmd_anchor_sign(args: argparse.Namespace) -> int:
    from counter_central.anchor_key import load_anchor_key
    from counter_central.anchors import sign_head
    from counter_central.clock import ServiceClock

    settings = settings_of(args)
    key = load_anchor_key(settings.anchor_key_file)
    engine = engine_of(settings)
    try:
        anchor = sign_head(engine, key, ServiceClock())
    finally:
        engine.dispose()
    print(json.dumps(anchor.__dict__))
    return EXIT_OK


def cmd_audit_verify(args: argparse.Namespace) -> int:
    from counter_central.anchor_key import load_anchor_key
    from counter_central.anchors import Anchor, stored_anchors, verify_against_anchors

    settings = settings_of(args)
    key = load_anchor_key(settings.anchor_key_file)
    extra: list[Anchor] = []
    if args.anchors:
        try:
            extra = [Anchor(**item) for item in json.loads(Path(args.anchors).read_text())]
        except (OSError, ValueError, TypeError) as exc:
            raise CliError(f"{args.anchors}: not a JSON list of anchors ({exc})") from None
    engine = engine_of(settings)
    try:
        report = verify_against_anchors(engine, [*stored_anchors(engine), *extra], key.public_key)
    finally:
        engine.dispose()
    if report.ok:
        print(
            f"journal intact: {report.entries_checked} entries, "
            f"{report.anchors_checked} anchors match"
        )
        return EXIT_OK
    print(f"journal BROKEN at entry {report.first_bad_seq}: {report.problem}")
    return EXIT_FAIL
