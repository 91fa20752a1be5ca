"""Cases (受理件): the record of one business item accepted at a window.

Foundation scope: a case has a catalogue item code, a review level, the accepting teller and
a status. Review chains, materials and deadlines grow on this in later work.
"""

from __future__ import annotations

from enum import IntEnum, StrEnum


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
