"""缴费人员增减申报 — an employer adds and removes staff from a roster file.

The employer is the one being served (its credit code from the window's ``CustomerContext``,
or typed). The teller chooses the roster (Excel workbook or CSV); it is read on the database
worker and every row is listed with its number in the file and either "OK" or each of its
problems in words. The teller then decides: declare the valid rows now (the default — valid
rows are not held up by bad ones) or nothing until the file is fixed. The valid rows go as one
command, or, when they are more than one command may carry, as consecutive parts, each its
own command and case, queued together (the result line lists the parts' cases, and one
document prints them all); when a row contradicts the records (a person insured by another
employer, someone not on this employer's staff …) the declaration (or the part holding it) is
refused and those rows are named in the list, so nothing is half-done.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTableView,
    QWidget,
)

from counter_app.domain.errors import Conflict, ValidationError
from counter_app.domain.ids import Uscc
from counter_app.items.staff_change import (
    KIND,
    ROSTER_CONFLICT,
    ROW_CONFLICTS,
    SPEC,
    StaffChange,
    parse_conflict_rows,
)
from counter_app.printing.layout import Doc, Rule, Text
from counter_app.services.command_bus import Accepted
from counter_app.services.document_printing import intake_doc
from counter_app.services.intake import IntakeState, intake_state
from counter_app.services.registry_changes import (
    StaffDeclaration,
    declare_staff_change,
    item_document,
    read_staff_roster,
)
from counter_app.services.roster import COLUMNS, RosterLine, RosterReport, RowProblem
from counter_app.ui.customer_context import Change, Outcome
from counter_app.ui.errors import describe, validation_text
from counter_app.ui.item_forms.generic_form import ERROR_COLOUR, OK_COLOUR, WARN_COLOUR
from counter_app.ui.item_forms.registry_form_parts import FieldRows, ItemOutcome, RegistryForm
from counter_app.ui.ops import Op
from counter_app.ui.roles_text import text_of
from counter_app.ui.table_model import Column, RecordTableModel

translate = QCoreApplication.translate


def column_label(column: str) -> str:
    return {
        "name": translate("RosterReport", "Name"),
        "id_number": translate("RosterReport", "ID number"),
        "hukou_type": translate("RosterReport", "Household registration type"),
        "hukou_place": translate("RosterReport", "Household registration place"),
        "base": translate("RosterReport", "Contribution base"),
        "change_date": translate("RosterReport", "Date of the change"),
        "action": translate("RosterReport", "Add/remove"),
        "reason": translate("RosterReport", "Reason for removal"),
    }.get(column, translate("RosterReport", "Row"))


def problem_text(problem: RowProblem) -> str:
    """One problem of a row, in words: the column, then what is wrong with it."""
    p = problem.params
    code = problem.code
    if problem.column == "id_number" and p.get("kind") == "id_number":
        return validation_text(problem.as_error())  # names the ID number itself
    texts = {
        "required": translate("RosterReport", "missing"),
        "format": translate("RosterReport", "cannot be read as written (“%1”)"),
        "choice": translate("RosterReport", "not one of the allowed values (“%1”)"),
        "character": translate(
            "RosterReport", "holds an invisible or control character (%1 at position %2)"
        ),
        "too_long": translate("RosterReport", "too long"),
        "too_large": translate("RosterReport", "too large"),
        "range": translate("RosterReport", "out of range"),
        "duplicate": translate("RosterReport", "the same person as row %1"),
        "number_cell": translate(
            "RosterReport",
            "stored as a number in the workbook, which keeps only 15 digits: format the "
            "column as text and type the numbers again",
        ),
        "age": translate("RosterReport", "the person is under 16"),
        "not_allowed": translate("RosterReport", "not allowed for this kind of row"),
    }
    text = texts.get(code, translate("RosterReport", "not accepted"))
    if code == "character":
        text = text.replace("%1", p.get("codepoint", "")).replace("%2", p.get("position", ""))
    elif code == "duplicate":
        text = text.replace("%1", p.get("first", "?"))
    elif code in ("format", "choice"):
        text = text.replace("%1", p.get("value", ""))
    if problem.column == "change_date" and code == "range":
        text = translate("RosterReport", "more than 3 months ahead, or before the birth")
    if problem.column == "base" and code == "range":
        text = translate("RosterReport", "must be above zero")
    return f"{column_label(problem.column)}: {text}"


def conflict_label(code: str) -> str:
    known = ROW_CONFLICTS.get(code)
    if known is None:
        return translate("RosterReport", "contradicts the records")
    return text_of(*known)


def file_problem_text(problem: RowProblem) -> str:
    texts = {
        "missing_columns": translate("RosterReport", "The roster has no column %1."),
        "no_header": translate(
            "RosterReport", "No heading row with %1 was found in the first rows of the file."
        ),
        "encoding": translate(
            "RosterReport", "The file is neither UTF-8 nor GBK text; save it again as CSV or Excel."
        ),
        "unreadable": translate("RosterReport", "The file cannot be read."),
        "old_excel": translate(
            "RosterReport", "This is an Excel 97-2003 workbook; save it as .xlsx or as CSV."
        ),
        "too_large": translate("RosterReport", "The file is larger than 50 MB."),
        "too_many_rows": translate("RosterReport", "A roster has at most %1 rows."),
    }
    text = texts.get(problem.code, translate("RosterReport", "The file cannot be read."))
    value = problem.params.get("columns") or problem.params.get("limit") or ""
    return text.replace("%1", value)


class RosterModel(RecordTableModel[RosterLine]):
    """The rows of a roster report: row number, who, add/remove and the result in words.
    Rows a refused declaration named carry that conflict."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            [
                Column(translate("RosterReport", "Row"), lambda r: str(r.line)),
                Column(translate("RosterReport", "Name"), lambda r: r.name),
                Column(translate("RosterReport", "ID number"), lambda r: r.id_number),
                Column(translate("RosterReport", "Add/remove"), self._action),
                Column(
                    translate("RosterReport", "Result"),
                    lambda r: self.result_text(r),
                    lambda r: self.result_text(r),
                ),
            ],
            lambda r: self.row_colour(r),
            parent,
        )
        self.conflicts: dict[int, str] = {}

    @staticmethod
    def _action(line: RosterLine) -> str:
        if line.row is not None:
            action = line.row.action
            return (
                translate("RosterReport", "add")
                if action == "add"
                else translate("RosterReport", "remove")
            )
        return line.action

    def result_text(self, line: RosterLine) -> str:
        conflict = self.conflicts.get(line.line)
        if conflict is not None:
            return translate("RosterReport", "Contradicts the records: %1").replace(
                "%1", conflict_label(conflict)
            )
        if line.ok:
            return translate("RosterReport", "OK")
        return "；".join(problem_text(p) for p in line.problems)

    def row_colour(self, line: RosterLine) -> str | None:
        if line.line in self.conflicts:
            return WARN_COLOUR
        return None if line.ok else ERROR_COLOUR

    def mark_conflicts(self, conflicts: dict[int, str]) -> None:
        self.beginResetModel()
        self.conflicts = dict(conflicts)
        self.endResetModel()


class StaffOutcome(ItemOutcome):
    """The result line; a refused declaration names its rows (and the list marks them). A
    declaration in parts is followed part by part: the line lists each part's case, and the
    document prints every part's slip or receipt, one after the other."""

    conflicts_found = Signal(object)  # dict[int, str]: row number → conflict code

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.parts: tuple[str, ...] = ()  # the parts' command UUIDs (more than one)
        self.part_states: list[IntakeState] = []

    def follow_declaration(self, declared: StaffDeclaration) -> None:
        parts = tuple(a.command_uuid for a in declared.parts)
        self.follow_command(parts[0])
        self.parts = parts if len(parts) > 1 else ()

    def clear(self) -> None:
        super().clear()
        self.parts, self.part_states = (), []

    def rejection_text(self, state: IntakeState) -> str:
        if state.reason_code == ROSTER_CONFLICT and self.kind == KIND:
            rows = parse_conflict_rows(state.reason or "")
            self.conflicts_found.emit(dict(rows))
            return rows_text(rows)
        return super().rejection_text(state)

    @property
    def settled(self) -> bool:
        if not self.parts:
            return super().settled
        return len(self.part_states) == len(self.parts) and all(
            s.status == "rejected" or (s.status == "applied" and s.numbered)
            for s in self.part_states
        )

    def _read(self) -> None:
        uuid, parts = self.command_uuid, self.parts
        if uuid is None or not parts:
            super()._read()
            return
        Op(lambda: [intake_state(self.ws, part) for part in parts], parent=self).success(
            lambda states: self._show_parts(uuid, states)
        ).failure(lambda _exc: None).run_in_background()

    def _show_parts(self, command_uuid: str, states: list[IntakeState]) -> None:
        if command_uuid != self.command_uuid:
            return
        self.part_states = states
        self._show(command_uuid, states[0])  # the print button and the promise
        conflicts: dict[int, str] = {}
        lines: list[str] = []
        for number, state in enumerate(states, start=1):
            if state.status == "rejected":
                rows = parse_conflict_rows(state.reason or "")
                roster = state.reason_code == ROSTER_CONFLICT and bool(rows)
                conflicts.update(rows if roster else [])
                text = translate("RosterReport", "part %1: refused: %2").replace(
                    "%2", rows_text(rows) if roster else ItemOutcome.rejection_text(self, state)
                )
            elif state.numbered and state.case_no:
                text = translate("RosterReport", "part %1: case %2").replace("%2", state.case_no)
            else:
                text = translate(
                    "RosterReport", "part %1: accepted on this workstation, not numbered yet"
                )
            lines.append(text.replace("%1", str(number)))
        cases = [s.case_no for s in states if s.case_no and s.status != "rejected"]
        heading = (
            translate("RosterReport", "Declared in %1 parts (cases %2).")
            .replace("%1", str(len(states)))
            .replace("%2", text_of("、", ", ").join(cases) or "—")
        )
        self.say("\n".join([heading, *lines]), ERROR_COLOUR if conflicts else OK_COLOUR)
        if conflicts:
            self.conflicts_found.emit(conflicts)

    def print_document(self) -> None:
        """One document: the slip or receipt of every part, in order."""
        parts = self.parts
        if not parts:
            super().print_document()
            return
        teller, window = self.user.display_name, self.window_number

        def build() -> tuple[Doc, str]:
            return parts_doc(
                [intake_doc(item_document(self.ws, uuid, window, teller)) for uuid in parts]
            )

        Op(build, parent=self).success(self._preview).failure(
            lambda exc: self.say(describe(exc), ERROR_COLOUR)
        ).run_in_background()


def parts_doc(docs: Sequence[tuple[Doc, str]]) -> tuple[Doc, str]:
    """The documents of a declaration's parts as one: each part under a line naming it."""
    first, reference = docs[0]
    merged = Doc(first.kind, first.title, reprint=first.reprint)
    for number, (doc, _reference) in enumerate(docs, start=1):
        if number > 1:
            merged.add(Rule())
        merged.add(Text(f"分批申报 第{number}批（共{len(docs)}批）", bold=True))
        merged.add(*doc.blocks)
    return merged, reference


def rows_text(rows: list[tuple[int, str]]) -> str:
    listed = "；".join(
        translate("RosterReport", "row %1: %2")
        .replace("%1", str(n))
        .replace("%2", conflict_label(c))
        for n, c in rows
    )
    return translate(
        "RosterReport",
        "rows of the roster contradict the records, so nothing was declared (%1). Correct "
        "or leave out these rows and declare again.",
    ).replace("%1", listed)


class StaffChangeForm(RegistryForm):
    report_shown = Signal(object)  # RosterReport
    WHAT = "staff_change"
    outcome: StaffOutcome

    def accept_label(self) -> tuple[str, str]:
        return self.tr("Declare (Ctrl+Enter)"), "declareStaff"

    def build(self) -> None:
        self.report: RosterReport | None = None
        self._reading = 0  # bumped by each read and each new customer: late answers are dropped

        self.credit_code = QLineEdit()
        self.credit_code.setMaxLength(64)
        self.file = QLineEdit()
        self.file.setObjectName("rosterFile")
        self.file.setReadOnly(True)
        self.choose_button = QPushButton(self.tr("Choose roster file…"))
        self.choose_button.setObjectName("chooseRoster")
        self.choose_button.clicked.connect(self.choose_file)
        file_row = QWidget()
        file_layout = QHBoxLayout(file_row)
        file_layout.setContentsMargins(0, 0, 0, 0)
        file_layout.addWidget(self.file, 1)
        file_layout.addWidget(self.choose_button)
        self.rows = FieldRows(
            [
                ("credit_code", self.tr("Employer's credit code"), self.credit_code),
                ("roster", self.tr("Roster (Excel or CSV)"), file_row),
            ]
        )
        columns = QLabel(
            self.tr("Columns of the file: %1.").replace(
                "%1", text_of("、", ", ").join(column_label(c) for c in COLUMNS)
            )
        )
        columns.setWordWrap(True)

        self.summary = QLabel()
        self.summary.setObjectName("rosterSummary")
        self.summary.setWordWrap(True)
        self.problems_only = QCheckBox(self.tr("Show only rows with problems"))
        self.problems_only.setObjectName("problemsOnly")
        self.problems_only.toggled.connect(self._show_lines)
        self.model = RosterModel(self)
        self.table = QTableView()
        self.table.setObjectName("rosterTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setVisible(False)
        self.table.setMinimumHeight(180)

        self.valid_only = QRadioButton(self.tr("Declare the valid rows now (default)"))
        self.valid_only.setObjectName("validRowsOnly")
        self.all_or_nothing = QRadioButton(self.tr("Declare nothing until the file is fixed"))
        self.all_or_nothing.setObjectName("allOrNothing")
        self.choice = QButtonGroup(self)
        self.choice.addButton(self.valid_only)
        self.choice.addButton(self.all_or_nothing)
        self.valid_only.setChecked(True)

        self.outcome = StaffOutcome(self.ws, self.user, self.window_number, self.context, KIND)
        self.outcome.conflicts_found.connect(self.model.mark_conflicts)
        choice = QHBoxLayout()
        choice.addWidget(self.valid_only)
        choice.addWidget(self.all_or_nothing)
        choice.addStretch(1)
        self.finish_layout(
            self.rows,
            columns,
            self.summary,
            self.problems_only,
            (self.table, 1),
            choice,
            stretch=False,
        )
        if self.context.employer_code:
            self.credit_code.setText(self.context.employer_code)

    # -- the form's state --------------------------------------------------------------------
    def _snapshot(self) -> tuple[str, str, tuple[str, ...]]:
        return self.credit_code.text(), self.file.text(), self.checklist.received()

    def field_rows(self) -> tuple[FieldRows]:
        return (self.rows,)

    def clear(self) -> None:
        """An empty form: nothing of the previous customer stays (code, file, rows)."""
        self._reading += 1
        self.credit_code.clear()
        self.file.clear()
        self.report = None
        self.model.mark_conflicts({})
        self.model.set_records([])
        self.summary.clear()
        self.problems_only.setChecked(False)
        self.valid_only.setChecked(True)
        self.checklist.clear()
        self.rows.clear_errors()
        self.outcome.clear()
        self._sent = None
        self._update_buttons()
        self._baseline = self._snapshot()

    def _context_changed(self, change: Change) -> None:
        if change is Change.NEW_CUSTOMER:
            self.clear()
        elif (
            change is Change.EMPLOYER
            and self.context.employer_code
            and not self.credit_code.text().strip()
        ):
            self.credit_code.setText(self.context.employer_code)
            self._baseline = self._snapshot()

    # -- the roster ----------------------------------------------------------------------------
    def choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the roster"),
            "",
            self.tr("Rosters (*.xlsx *.csv *.txt);;All files (*)"),
        )
        if path:
            self.load_file(Path(path))

    def load_file(self, path: Path) -> None:
        """Read the roster at ``path`` on the database worker and show its report."""
        self._reading += 1
        reading = self._reading
        self.file.setText(str(path))
        self.report = None
        self.model.mark_conflicts({})
        self.model.set_records([])
        self.summary.setText(self.tr("Reading the roster…"))
        self.summary.setStyleSheet("")
        self.outcome.clear()
        Op(lambda: read_staff_roster(self.ws, path), parent=self).success(
            lambda report: self._report_ready(reading, report)
        ).failure(lambda exc: self._read_failed(reading, exc)).run_in_background()

    def _read_failed(self, reading: int, exc: BaseException) -> None:
        if reading == self._reading:
            self.summary.setText(describe(exc))
            self.summary.setStyleSheet(f"color: {ERROR_COLOUR};")

    def _report_ready(self, reading: int, report: RosterReport) -> None:
        if reading != self._reading:
            return  # a later file was chosen, or the customer changed
        self.report = report
        self.model.mark_conflicts({})
        self._show_lines()
        if not report.readable:
            self.summary.setText("\n".join(file_problem_text(p) for p in report.file_problems))
            self.summary.setStyleSheet(f"color: {ERROR_COLOUR};")
        else:
            bad = len(report.bad_lines)
            self.summary.setText(
                self.tr("%1 rows read: %2 valid, %3 with problems, %4 blank.")
                .replace("%1", str(len(report.lines)))
                .replace("%2", str(len(report.valid_rows)))
                .replace("%3", str(bad))
                .replace("%4", str(len(report.blank_lines)))
            )
            self.summary.setStyleSheet(f"color: {WARN_COLOUR if bad else OK_COLOUR};")
        self.report_shown.emit(report)

    def _show_lines(self) -> None:
        report = self.report
        if report is None:
            self.model.set_records([])
            return
        lines = report.bad_lines if self.problems_only.isChecked() else report.lines
        self.model.set_records(lines)

    # -- sending -------------------------------------------------------------------------------
    def _credit_code(self) -> str | None:
        self.rows.clear_errors()
        try:
            return Uscc.parse(self.credit_code.text(), field="credit_code").value
        except ValidationError as exc:
            self._show_errors([exc])
            return None

    def submit(self) -> None:
        if not self.accept_button.isEnabled():
            return
        code = self._credit_code()
        if code is None:
            return
        report = self.report
        if report is None:
            self.outcome.say(self.tr("Choose the roster file first."), ERROR_COLOUR)
            return
        if not report.readable:
            self.outcome.say(self.tr("The roster cannot be used as it is."), ERROR_COLOUR)
            return
        bad = len(report.bad_lines)
        if bad and self.all_or_nothing.isChecked():
            self.outcome.say(
                self.tr(
                    "%1 rows have problems: correct the file and read it again, or choose to "
                    "declare the valid rows now."
                ).replace("%1", str(bad)),
                ERROR_COLOUR,
            )
            return
        rows = report.valid_rows
        if not rows:
            self.outcome.say(self.tr("The roster has no valid row to declare."), ERROR_COLOUR)
            return
        self.model.mark_conflicts({})
        materials = self.checklist.received()
        ticket = self.context.ticket_reference or ""
        self.send(
            StaffChange(credit_code=code, rows=rows, source=report.source),
            lambda: declare_staff_change(
                self.ws,
                self.user,
                self.window_number,
                code,
                rows,
                source=report.source,
                materials=materials,
                ticket=ticket,
            ),
            done=self._declared,
        )

    def _declared(self, declared: StaffDeclaration) -> None:
        self._accepted(declared.first)
        self.outcome.follow_declaration(declared)

    def sent_changes(self, sent: StaffChange, accepted: Accepted) -> Outcome:
        self.context.set_employer(sent.credit_code)
        return Outcome.of(self.WHAT, SPEC.changes(sent), accepted.command_uuid)

    def _refused(self, exc: BaseException) -> None:
        if isinstance(exc, Conflict) and exc.code == ROSTER_CONFLICT:
            self._update_buttons()
            rows = parse_conflict_rows(exc.message)
            self.model.mark_conflicts(dict(rows))
            self.outcome.say(rows_text(rows), ERROR_COLOUR)
        else:
            super()._refused(exc)

    # -- the one-time notification -----------------------------------------------------------
    def notify(self) -> None:
        """一次性告知: record the case as waiting for materials and print the notification."""
        if not self.checklist.missing_required():
            return
        code = self._credit_code()
        if code is None:
            return
        rows = self.report.valid_rows if self.report is not None else ()
        adds = sum(1 for r in rows if r.action == "add")
        first = min((r.change_date for r in rows), default=dt.date.today())
        values = {
            "credit_code": code,
            "direction": "add" if adds * 2 >= len(rows) else "remove",
            "effective_month": f"{first:%Y-%m}",
            "headcount": str(max(1, len(rows))),
        }
        self.send_notice(values, credit_code=code)
