"""Two service processes on one PostgreSQL, two clients pushing at once: one sequence."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import httpx
import pytest
from service_harness import CentralDb, Teller, command, launch_service, teller, wait_ready
from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.centre.journal import verify_chain
from counter_app.storage.central_models import JournalRow
from counter_app.storage.shared_models import InsuredPersonRow

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

BATCHES = 12
PER_BATCH = 3


def test_two_processes_two_clients_one_gap_free_sequence(pg_db: CentralDb, tmp_path: Path) -> None:
    clients: list[httpx.Client] = []
    first = launch_service(tmp_path / "one", pg_db)
    second = launch_service(tmp_path / "two", pg_db, anchor_key=tmp_path / "one" / "anchor.key")
    try:
        wait_ready(first)
        wait_ready(second)
        a = teller(first, "teller1")
        b = teller(second, "teller3")
        clients.extend([a.client, b.client])
        batches: dict[str, list[list[dict[str, Any]]]] = {
            t.workstation_id: [
                [command(t.username) for _ in range(PER_BATCH)] for _ in range(BATCHES)
            ]
            for t in (a, b)
        }
        verdicts: dict[str, dict[str, Any]] = {}
        errors: list[BaseException] = []

        def push_all(t: Teller) -> None:
            try:
                for commands in batches[t.workstation_id]:
                    response = t.push(*commands)
                    assert response.status_code == 200, response.text
                    for verdict in response.json()["verdicts"]:
                        verdicts[verdict["command_uuid"]] = verdict
            except BaseException as exc:  # surfaced below
                errors.append(exc)

        threads = [threading.Thread(target=push_all, args=(t,)) for t in (a, b)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert not errors, errors

        sent = [c["uuid"] for per_ws in batches.values() for batch in per_ws for c in batch]
        assert len(sent) == 2 * BATCHES * PER_BATCH
        assert [verdicts[u]["status"] for u in sent] == ["applied"] * len(sent), verdicts
        with Session(pg_db.owner) as session:
            seqs = session.scalars(select(JournalRow.seq).order_by(JournalRow.seq)).all()
            ours = {
                uuid: seq
                for uuid, seq in session.execute(
                    select(JournalRow.command_uuid, JournalRow.seq).where(
                        JournalRow.command_uuid.in_(sent)
                    )
                )
            }
            numbers = session.scalars(select(InsuredPersonRow.insured_number)).all()
        assert seqs == list(range(1, len(seqs) + 1))  # gap-free, no duplicates
        assert len(ours) == len(sent)  # every command exactly once
        assert all(verdicts[u]["seq"] == ours[u] for u in sent)  # and where its verdict says
        assert len(set(numbers)) == len(numbers)
        assert verify_chain(pg_db.owner).ok

        # A retry through the other process changes nothing: the same verdicts come back.
        head = pg_db.head()
        retry = batches[a.workstation_id][0]
        with second.client(a.identity) as other_process:
            retried = other_process.post(
                "/v1/commands", json={"session_token": a.token, "commands": retry}
            ).json()["verdicts"]
        assert [v["seq"] for v in retried] == [verdicts[c["uuid"]]["seq"] for c in retry]
        assert all(v["duplicate"] for v in retried) and pg_db.head() == head
    finally:
        for client in clients:
            client.close()
        first.stop()
        second.stop()
