"""行刑衔接 (order 310, core/police_transfer.py): the request by the unit handling the case or
the office, with its materials marked by kind, and the leader's approval naming the police
and the procuratorate copied. Refusal and review have only a reason (handling.ReasonForm)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.case_path.decide import Request
from app.core.case_path.steps import Action
from app.core.police_transfer import ATTACHMENT_KINDS, ITEMS, REPORT, deciders_note
from app.store.blobs import file_sha256
from app.store.evidence_files import EVIDENCE_PATTERNS
from app.store.police_transfers import (
    deciders_of,
    evidence_files,
    pending_request,
    police_of,
    procuratorate_of,
)
from app.ui.case_detail.steps.form import StepForm
from app.ui.common.i18n import in_language


class Materials(QWidget):
    """The case's evidence files and files attached now, each with its kind (or none)."""

    def __init__(self, files: Sequence[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[tuple[str, Path | None, QComboBox]] = []  # sha256, new file, kind
        self.table = QTableWidget(0, 2)
        self.table.setObjectName("materialsTable")
        self.table.setHorizontalHeaderLabels([self.tr("File"), self.tr("Kind of material")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.setFixedHeight(150)  # scrolls within: a case may have many photos
        self.table.setColumnWidth(0, 260)
        for sha256, name in files:
            self.add_row(sha256, name, None)
        attach = QPushButton(self.tr("Attach files…"))
        attach.clicked.connect(self.choose)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        row = QHBoxLayout()
        hint = QLabel(self.tr("An investigation report and a list of items involved are required"))
        hint.setObjectName("hintText")
        row.addWidget(attach)
        row.addWidget(hint, 1)
        layout.addLayout(row)

    def add_row(self, sha256: str, name: str, path: Path | None, kind: str = "") -> None:
        kinds = QComboBox()
        kinds.addItem(self.tr("Not attached"), "")
        for code, words in ATTACHMENT_KINDS.items():
            kinds.addItem(in_language(words), code)
        kinds.setCurrentIndex(max(0, kinds.findData(kind)))
        n = self.table.rowCount()
        self.table.insertRow(n)
        self.table.setItem(n, 0, QTableWidgetItem(name))
        self.table.setCellWidget(n, 1, kinds)
        self.rows.append((sha256, path, kinds))

    def choose(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Choose the materials"),
            "",
            self.tr("Photos and PDF documents ({patterns})").format(patterns=EVIDENCE_PATTERNS),
        )
        self.add([Path(f) for f in files])

    def add(self, files: Sequence[Path], kind: str = "") -> None:
        for path in files:
            self.add_row(file_sha256(path), path.name, path, kind)

    def attachments(self) -> tuple[dict[str, str], ...]:
        return tuple(
            {"sha256": sha256, "kind": kinds.currentData()}
            for sha256, _, kinds in self.rows
            if kinds.currentData()
        )

    def new_files(self) -> list[Path]:
        return [path for _, path, kinds in self.rows if path is not None and kinds.currentData()]


class PoliceRequestForm(StepForm):
    """A suspected crime found: the offence, why the facts meet the prosecution threshold,
    the facts, and the materials of art. 6, for the leader to decide on."""

    actions = (Action.POLICE_REQUEST,)
    wide = True

    def fields(self) -> None:
        self.offence = QLineEdit()
        self.offence.setPlaceholderText(self.tr("e.g. 涉嫌非法经营罪"))
        self.threshold = self.text_box(
            self.tr(
                "e.g. The illegal turnover exceeds 50,000 yuan, which meets the "
                "prosecution threshold (price appraisal attached)"
            ),
            60,
        )
        self.threshold.setObjectName("thresholdText")
        self.facts = self.text_box(self.tr("The facts found: when, where, who, what was seized"))
        self.materials = Materials(evidence_files(self.session.db, self.case.id))
        self.form.addRow(self.tr("Suspected offence"), self.offence)
        self.form.addRow(self.tr("Prosecution threshold"), self.threshold)
        self.form.addRow(self.tr("Facts"), self.facts)
        self.form.addRow(self.tr("Materials"), self.materials)

    def request(self) -> Request:
        return Request(
            self.action,
            offence=self.offence.text().strip(),
            threshold=self.threshold.toPlainText().strip(),
            facts=self.facts.toPlainText().strip(),
            attachments=self.materials.attachments(),
        )

    def photo_files(self) -> Sequence[Path]:
        return self.materials.new_files()

    def add_materials(self, report: Path, items: Path) -> None:
        """The two files every request needs, attached as they are marked (tests, drops)."""
        self.materials.add([report], REPORT)
        self.materials.add([items], ITEMS)


class PoliceApproveForm(StepForm):
    """The leader reads the request and approves: the letter is numbered now and goes to the
    police named here, copied to the procuratorate (order 310 art. 5, 14)."""

    actions = (Action.POLICE_APPROVE,)

    def fields(self) -> None:
        db = self.session.db
        asked = pending_request(db, self.case.id)
        summary = QLabel(
            self.tr("{offence} · asked by {who} · {count} materials").format(
                offence=asked.offence, who=asked.requested_by, count=len(asked.attachments)
            )
            if asked
            else "—"
        )
        summary.setObjectName("requestSummary")
        summary.setWordWrap(True)
        self.police = QLineEdit(police_of(db))
        self.copy_to = QLineEdit(procuratorate_of(db))
        self.form.addRow(self.tr("Request"), summary)
        self.form.addRow(self.tr("Transfer to"), self.police)
        self.form.addRow(self.tr("Copy to"), self.copy_to)
        add_deciders_note(self)


def add_deciders_note(form: StepForm) -> None:
    """Said once on the decision's form while no principal leader is named (art. 5)."""
    note = deciders_note(deciders_of(form.session.db))
    if note is not None:
        label = QLabel(in_language(note))
        label.setObjectName("decidersNote")
        label.setWordWrap(True)
        form.form.addRow("", label)

    def request(self) -> Request:
        return Request(
            self.action, to=self.police.text().strip(), copy_to=self.copy_to.text().strip()
        )
