"""Cases (受理件): the record of one business item accepted at a window.

A case has a catalogue item code, a review level, the accepting teller, a status and a
promised date (承诺办结): the item's published time limit in working days counted from the
day of acceptance on the statutory calendar (``workdays``). Review chains and materials grow
on this in later work.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import IntEnum, StrEnum

from counter_app.domain.workdays import Deadline, HolidayCalendar, default_calendar


class ReviewLevel(IntEnum):
    """How many people must sign a case: L1 teller only (即办), L2 +reviewer, L3 +supervisor."""

    L1 = 1
    L2 = 2
    L3 = 3


class CaseStatus(StrEnum):
    ACCEPTED = "accepted"  # 已受理
    IN_REVIEW = "in_review"  # 复核中
    IN_APPROVAL = "in_approval"  # 审批中
    RETURNED = "returned"  # 退回
    COMPLETED = "completed"  # 办结
    REJECTED = "rejected"  # 不予受理 / 驳回


# Catalogue item codes used by the foundation; the full catalogue is data (later work).
ITEM_INDIVIDUAL_ENROLLMENT = "REG-PERSON"


@dataclass(frozen=True)
class TimeLimit:
    """An item's published time limits in working days (办理时限).

    ``promised`` (承诺时限) is what the receipt promises; ``legal`` (法定时限) the outer bound
    set by the rules. ``source`` names the service guide the figures come from.
    """

    promised: int
    legal: int
    source: str


# The time limit of every item the system accepts, by catalogue item code. One place on
# purpose: the catalogue moves into data later, and these figures go with it.
TIME_LIMITS: dict[str, TimeLimit] = {
    # 个人参保登记 covers employees (职工参保登记, reported as 缴费人员增减申报, basic code
    # 002014003001) and the self-employed / flexible workers. The Bozhou guide for 缴费人员增减
    # 申报 publishes "legal 5 working days, promised 1 working day, 即办件"
    # (https://www.bzqc.gov.cn/Jcsd/show/2726902.html); flexible-worker enrolment is 即审即办
    # in the Wenzhou and Jurong guides, which the 1-day promise also covers.
    ITEM_INDIVIDUAL_ENROLLMENT: TimeLimit(
        promised=1,
        legal=5,
        source="亳州市 缴费人员增减申报 办事指南（002014003001）：法定5个工作日，承诺1个工作日",
    ),
}


def time_limit(item_code: str) -> TimeLimit:
    """The published time limit of ``item_code``; an item without one is a programming error."""
    try:
        return TIME_LIMITS[item_code]
    except KeyError:
        raise LookupError(
            f"no time limit is recorded for catalogue item {item_code!r}; add it to TIME_LIMITS"
        ) from None


def promised_deadline(
    item_code: str, accepted_on: dt.date, calendar: HolidayCalendar | None = None
) -> Deadline:
    """承诺办结: the item's promised time limit counted in working days after ``accepted_on``."""
    return (calendar or default_calendar()).deadline(accepted_on, time_limit(item_code).promised)
