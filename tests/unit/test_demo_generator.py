"""Demo data: valid, unique, plausible, deterministic, and streamed."""

from __future__ import annotations

import datetime as dt
import itertools
import tracemalloc
import types

from hypothesis import given, settings
from hypothesis import strategies as st

from counter_app.demo.generator import (
    demo_hall,
    demo_users,
    iter_employers,
    iter_persons,
    organisation_code,
)
from counter_app.demo.regions import DISTRICTS
from counter_app.domain.ids import IdNumber, Uscc

TODAY = dt.date(2026, 11, 24)


@settings(max_examples=30, deadline=None)
@given(seed=st.integers(min_value=0, max_value=10**6))
def test_every_person_has_a_valid_id_matching_their_data(seed: int) -> None:
    codes = {code for code, _, _ in DISTRICTS}
    for person in iter_persons(200, seed=seed, today=TODAY):
        parsed = IdNumber.parse(person.id_number, today=TODAY)
        assert parsed.birth_date == person.birth_date and parsed.sex.value == person.sex
        assert parsed.region_code in codes
        assert 16 <= parsed.age_on(TODAY) <= 86
        assert 2 <= len(person.name) <= 4 and len(person.phone) == 11


def test_one_hundred_thousand_persons_are_distinct() -> None:
    ids = {p.id_number for p in iter_persons(100_000, seed=3, today=TODAY)}
    assert len(ids) == 100_000


def test_same_seed_same_people_other_seed_other_people() -> None:
    first = [p.id_number for p in iter_persons(50, seed=1, today=TODAY)]
    assert first == [p.id_number for p in iter_persons(50, seed=1, today=TODAY)]
    assert first != [p.id_number for p in iter_persons(50, seed=2, today=TODAY)]


def test_a_million_persons_stream_in_flat_memory() -> None:
    stream = iter_persons(1_000_000, seed=0, today=TODAY)
    assert isinstance(stream, types.GeneratorType)
    tracemalloc.start()
    for _ in itertools.islice(stream, 30_000):
        pass
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 2_000_000  # a list of 30,000 persons would need over 10 MB


def test_employers_have_valid_credit_codes() -> None:
    employers = list(iter_employers(500, seed=4))
    assert len({e.credit_code for e in employers}) == 500
    for employer in employers:
        assert Uscc.parse(employer.credit_code).value == employer.credit_code
        assert employer.name.endswith("有限公司")


def test_organisation_code_check_character() -> None:
    # D2143569: weighted sum 199, 11 - 199 % 11 = 10, written X.
    assert organisation_code("D2143569") == "D2143569X"


def test_users_cover_every_role_and_the_hall_has_windows() -> None:
    assert {u.role for u in demo_users()} == {"teller", "reviewer", "supervisor", "admin"}
    assert all(len(u.password) >= 8 for u in demo_users())
    assert demo_hall().windows == tuple(range(1, 9))
