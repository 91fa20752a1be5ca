"""How pending commands are grouped into requests: one actor per request, a count cap and a
byte cap, so a declaration sent in 60 KiB parts never makes one request the centre's 1 MiB
body limit refuses."""

from __future__ import annotations

from counter_app.domain.commands import Command
from counter_app.sync.push import MAX_RUN_BYTES, _runs


def _command(actor: str, filler: int) -> Command:
    return Command(
        kind="consultation.record",
        payload={"text": "x" * filler},
        actor=actor,
        workstation="WS1",
        hall_code="HALL01",
    )


def test_runs_split_by_actor_and_count() -> None:
    commands = [_command("a", 10)] * 3 + [_command("b", 10)] * 5
    runs = list(_runs(commands, size=2))
    assert [len(r) for r in runs] == [2, 1, 2, 2, 1]
    assert all(len({c.actor for c in run}) == 1 for run in runs)


def test_runs_split_by_payload_bytes() -> None:
    part = 60 * 1024  # a staff declaration part as large as one command may be
    commands = [_command("a", part) for _ in range(25)]
    runs = list(_runs(commands, size=100))
    assert sum(len(r) for r in runs) == 25
    for run in runs:
        assert sum(len(c.payload_json().encode()) for c in run) <= MAX_RUN_BYTES
    assert len(runs) == -(-25 // (MAX_RUN_BYTES // (part + 20)))


def test_a_single_command_larger_than_the_cap_still_goes_alone() -> None:
    big = _command("a", MAX_RUN_BYTES + 10)
    small = _command("a", 10)
    assert [len(r) for r in _runs([small, big, small], size=100)] == [1, 1, 1]
