"""Demo data: valid, unique, plausible, deterministic, and streamed.

Validity is judged by ``tests/standards.py`` (the published check rules), not by the
generator's own helpers, and then by the counter's validators.
"""

from __future__ import annotations

import datetime as dt
import itertools
import tracemalloc
import types

from hypothesis import given, settings
from hypothesis import strategies as st
from standards import gb11643_valid, gb11714_valid, gb32100_valid

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
        assert gb11643_valid(person.id_number), person.id_number
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
        code = employer.credit_code
        assert gb32100_valid(code) and gb11714_valid(code[8:17]), code
        assert Uscc.parse(code).value == code
        assert code[:2] in ("91", "93") and code[2:8] in {c for c, _, _ in DISTRICTS}
        assert employer.name.endswith("有限公司" if code[:2] == "91" else "专业合作社")
    bodies = {e.credit_code[8:10] == "MA" for e in employers}
    assert bodies == {True, False}  # both the numeric and the post-2015 form


def test_employer_codes_are_distinct_by_construction() -> None:
    codes = {e.credit_code[8:17] for e in iter_employers(50_000, seed=9)}
    assert len(codes) == 50_000


def test_organisation_code_check_character() -> None:
    # GB 11714-1997, D2143569: D = 13; 13*3 + 2*7 + 1*9 + 4*10 + 3*5 + 5*8 + 6*4 + 9*2 = 199;
    # 11 - 199 % 11 = 10, written X.
    assert organisation_code("D2143569") == "D2143569X"
    assert gb11714_valid(organisation_code("MA01ABC3"))


def test_users_cover_every_role_and_the_hall_has_windows() -> None:
    assert {u.role for u in demo_users()} == {"teller", "reviewer", "supervisor", "admin"}
    assert all(len(u.password) >= 8 for u in demo_users())
    assert demo_hall().windows == tuple(range(1, 9))
