"""Cases (受理件): the record of one business item accepted at a window.

A case has a catalogue item code, a review level, the accepting teller, a status and a
promised date (承诺办结): the item's published time limit in working days counted from the
day of acceptance on the statutory calendar (``workdays``). A case whose mandatory materials
are missing waits in ``MATERIALS_PENDING`` (the customer got a one-time notification 一次性告知书)
and gets its promise only when the materials are complete.
"""

from __future__ import annotations

import datetime as dt
from enum import IntEnum, StrEnum

from counter_app.domain.workdays import Deadline, HolidayCalendar, default_calendar


class ReviewLevel(IntEnum):
    """How many people must sign a case: L1 teller only (即办), L2 +reviewer, L3 +supervisor."""

    L1 = 1
    L2 = 2
    L3 = 3


class CaseStatus(StrEnum):
    MATERIALS_PENDING = "materials_pending"  # 待补正材料 (一次性告知)
    ACCEPTED = "accepted"  # 已受理
    IN_REVIEW = "in_review"  # 复核中
    IN_APPROVAL = "in_approval"  # 审批中
    RETURNED = "returned"  # 退回
    COMPLETED = "completed"  # 办结
    REJECTED = "rejected"  # 不予受理 / 驳回


# The catalogue code of individual enrollment (its custom form and handler name it).
ITEM_INDIVIDUAL_ENROLLMENT = "REG-PERSON"


def promised_deadline(
    promised_days: int, accepted_on: dt.date, calendar: HolidayCalendar | None = None
) -> Deadline:
    """承诺办结: ``promised_days`` working days after ``accepted_on`` on the statutory calendar.

    The number of days is the item's published time limit, read from the service catalogue
    the case is accepted under (``counter_app.catalogue``); 0 means finished on the spot
    (即办), which is the day of acceptance itself.
    """
    if promised_days <= 0:
        return Deadline(accepted_on, False)
    return (calendar or default_calendar()).deadline(accepted_on, promised_days)
