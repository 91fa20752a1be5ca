"""The forms of the catalogue items that need more than the generic form.

Every catalogue item is reachable from the teller window: an item whose catalogue entry names
a ``handler`` (the command kind of its ``ItemSpec``) gets the form registered here under that
kind; every other item gets the generic form built from its catalogue data. A custom form is a
``QWidget`` built as ``Form(ws, user, window_number, context, item, parent)`` with a
``submitted`` signal (the ``Accepted`` command), that reads the customer from the shared
``CustomerContext``, reports what it changed with ``context.report(...)`` and offers the
item's materials with ``materials.MaterialsChecklist``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QWidget

FormFactory = Callable[..., QWidget]


def custom_forms() -> dict[str, FormFactory]:
    """Command kind → form class (imported here, explicitly, one line per item)."""
    from counter_app.ui.item_forms.back_payment_form import BackPaymentForm
    from counter_app.ui.item_forms.base_declaration_form import BaseDeclarationForm
    from counter_app.ui.item_forms.card_status_form import CardStatusForm
    from counter_app.ui.item_forms.complaint_form import ComplaintForm
    from counter_app.ui.item_forms.consultation_form import ConsultationForm
    from counter_app.ui.item_forms.employer_register_form import EmployerRegisterForm
    from counter_app.ui.item_forms.flexible_payment_form import FlexiblePaymentForm
    from counter_app.ui.item_forms.medical_reimbursement_form import MedicalReimbursementForm
    from counter_app.ui.item_forms.pension_transfer_form import PensionTransferForm
    from counter_app.ui.item_forms.person_change_form import PersonChangeForm
    from counter_app.ui.item_forms.refund_form import RefundForm
    from counter_app.ui.item_forms.retirement_form import RetirementForm
    from counter_app.ui.item_forms.staff_change_form import StaffChangeForm
    from counter_app.ui.tabs.certificate_tab import CertificateTab
    from counter_app.ui.tabs.enrollment_tab import EnrollmentTab

    forms: dict[str, Any] = {}
    forms["person.enroll"] = EnrollmentTab
    forms["certificate.issue"] = CertificateTab
    forms["employer.register"] = EmployerRegisterForm
    forms["person.change"] = PersonChangeForm
    forms["employer.staff_change"] = StaffChangeForm
    forms["employer.base_declare"] = BaseDeclarationForm
    forms["person.flexible_payment"] = FlexiblePaymentForm
    forms["contribution.back_payment"] = BackPaymentForm
    forms["refund.account"] = RefundForm
    forms["pension.transfer"] = PensionTransferForm
    forms["card.status"] = CardStatusForm
    forms["benefit.retirement"] = RetirementForm
    forms["medical.reimbursement"] = MedicalReimbursementForm
    forms["service.consultation"] = ConsultationForm
    forms["service.complaint"] = ComplaintForm
    return forms
