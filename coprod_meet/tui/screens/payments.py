"""A group's payment claims: make them after a meeting, add expenses, mark them paid or declined.

Payment details are private: this screen reads the group's own payments file, never the minutes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Header, Static

from coprod_meet.domain.dates import date_in_words, when_in_words
from coprod_meet.domain.errors import UserError
from coprod_meet.domain.payments import EXPENSE_KINDS, Claim, money, parse_money
from coprod_meet.services.payments import PaymentsService, claims_csv, example_policies
from coprod_meet.tui.screens.base import HelpfulScreen
from coprod_meet.tui.widgets.footer import Footer
from coprod_meet.tui.widgets.save_status import SaveStatus


class PaymentsScreen(HelpfulScreen):
    TITLE_WORDS = "Payments"
    HELP = """
This screen shows the group's payment claims: one line for each member the payment policy pays,
for each meeting they came to. Payment details are private and never go in the minutes.
Press K to make the claims for a meeting that has ended, from who came and for how long.
Press O to see the group's payment policy, or give it a policy file.
Move to a claim with the arrows. Press P when it is paid, or D if the member declined payment.
Press T to mark it to pay again, V to pay it in vouchers or money, and E to add an expense.
Press W to write the claims to a file for finance (safe to open in a spreadsheet).
Press R after attendance was corrected: the claims still to pay are worked out again.
Press A to remember that a member always declines payment, or takes vouchers.
Press Escape to go back.
"""
    BINDINGS = [
        Binding("k", "make_claims", "Make claims", id="payments.make"),
        Binding("o", "policy", "Policy", id="payments.policy"),
        Binding("p", "mark('paid')", "Paid", id="payments.paid"),
        Binding("d", "mark('declined')", "Declined", id="payments.declined"),
        Binding("t", "mark('to_pay')", "To pay", id="payments.to_pay"),
        Binding("v", "vouchers", "Vouchers", id="payments.vouchers"),
        Binding("e", "expense", "Expense", id="payments.expense"),
        Binding("w", "write_csv", "Write file", id="payments.csv"),
        Binding("r", "refresh", "Work out again", id="payments.refresh"),
        Binding("a", "wish", "Always", id="payments.wish"),
        Binding("escape", "back", "Back", id="payments.back"),
    ]

    def __init__(self, group_id: str) -> None:
        super().__init__()
        self.group_id = group_id
        self.claims: list[Claim] = []
        self._dialog_screen = None

    @property
    def payments(self) -> PaymentsService:
        return PaymentsService(self.app.service)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="payments-policy", markup=False)
        table: DataTable = DataTable(id="payments-table", cursor_type="row")
        table.add_columns("Meeting", "Member", "Total", "State", "How counted")
        yield table
        yield Static("", id="payments-summary", markup=False)
        yield SaveStatus(id="payments-save")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = f"Payments: {self.app.service.group(self.group_id).name}"
        self.reload()
        self.query_one(DataTable).focus()

    def reload(self, keep_row: int | None = None) -> None:
        group = self.app.service.group(self.group_id)
        try:
            policy = self.payments.policy(self.group_id)
            words = (f"Policy: {policy.name}." if policy else
                     f"{group.name} has no payment policy yet. Press O to give it one.")
            self.claims = [r.claim for r in self.payments.claims(group=self.group_id)]
        except UserError as error:
            words, self.claims = str(error), []
        self.query_one("#payments-policy", Static).update(words)
        table = self.query_one(DataTable)
        row = table.cursor_row if keep_row is None else keep_row
        table.clear()
        for n, c in enumerate(self.claims):
            state = c.state.words + (" (vouchers)" if c.paid_as.value == "vouchers" else "")
            table.add_row(Text(date_in_words(c.meeting_start)), Text(c.member_name), Text(money(c.total_pence)),
                          Text(state), Text(c.how_counted), key=str(n))
        if table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1))
        self._say_summary()

    def _say_summary(self) -> None:
        claim = self._claim()
        if not self.claims:
            text = "No claims yet. Press K to make them for a meeting that has ended."
        else:
            to_pay = sum(c.total_pence for c in self.claims if c.state.value == "to_pay")
            text = f"{money(to_pay)} still to pay." + (f" {claim.sentence()}" if claim else "")
        self.query_one("#payments-summary", Static).update(text)

    def on_data_table_row_highlighted(self, _event: DataTable.RowHighlighted) -> None:
        if self.claims:
            self._say_summary()

    def _claim(self) -> Claim | None:
        table = self.query_one(DataTable)
        if not table.row_count or not self.claims:
            return None
        return self.claims[int(str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value))]

    def _dialog(self):
        from coprod_meet.tui.screens.dialog import DialogScreen

        if self._dialog_screen is None:
            self._dialog_screen = DialogScreen()
            self.app.install_screen(self._dialog_screen, f"payments-dialog-{id(self)}")
        return self._dialog_screen

    def _save(self, write: Callable[[], object], say: Callable[[object], str]) -> None:
        status = self.query_one(SaveStatus)
        status.saving()
        row = self.query_one(DataTable).cursor_row

        def saved(result: object) -> None:
            status.saved()
            self.reload(keep_row=row)
            words = say(result)
            if words:
                self.notify(words, markup=False, timeout=8)

        self.app.save(write, on_saved=saved, on_failed=status.failed)

    # -- actions ----------------------------------------------------------------------------------

    def _pick_ended(self, title: str, then: Callable[[str], None]) -> None:
        ended = self.payments.ended_meetings(self.group_id)
        if not ended:
            self.notify("This group has no meeting that has ended yet.", severity="warning", markup=False)
            return
        self._dialog().choose(title, [(m.id, f"{when_in_words(m.start)}. {m.title}") for m in ended], then)

    def action_refresh(self) -> None:
        def then(meeting_id: str) -> None:
            payments = self.payments
            self._save(lambda: payments.refresh_claims(meeting_id), lambda said: " ".join(said))

        self._pick_ended("Work out again the claims still to pay, for which meeting?", then)

    def action_wish(self) -> None:
        members = sorted(self.app.service.group(self.group_id).current_members, key=lambda m: m.name.lower())
        wishes = [("declined", "always declines payment"), ("vouchers", "takes vouchers"), ("", "takes money")]

        def member_chosen(member_id: str) -> None:
            name = next(m.name for m in members if m.id == member_id)

            def wish_chosen(key: str) -> None:
                wish = key.removeprefix("wish:")
                payments = self.payments
                words = dict(wishes)[wish]
                self._save(lambda: payments.remember_wish(self.group_id, member_id, wish),
                           lambda _r: f"Saved: {name} {words}. New claims for {name} will start that way.")

            self._dialog().choose(f"What does {name} ask for?", [(f"wish:{k}", w) for k, w in wishes], wish_chosen)

        self._dialog().choose("Whose wish?", [(m.id, m.name) for m in members], member_chosen)

    def action_make_claims(self) -> None:

        def then(meeting_id: str) -> None:
            payments = self.payments

            def write() -> tuple[int, int]:
                fresh, before = payments.make_claims(meeting_id)
                return len(fresh), len(before)

            self._save(write, lambda r: f"Made {r[0]} new claims." + (
                f" {r[1]} made before were kept; press R if the attendance was corrected since." if r[1] else ""))

        self._pick_ended("Make claims for which meeting?", then)

    def action_policy(self) -> None:
        policy = None
        try:
            policy = self.payments.policy(self.group_id)
        except UserError as error:
            self.notify(str(error), severity="warning", markup=False, timeout=12)
        if policy is not None:
            self.notify(" ".join(policy.lines()), title="The payment policy", markup=False, timeout=20)
        choices = [(str(p), f"Use the example {p.name}") for p in example_policies()]
        choices.append(("", "Another file: type its path"))

        def use(path: str) -> None:
            if not path:
                self._dialog().ask("A payment policy file", "Type the path of the policy file (TOML):", use_typed)
                return
            use_typed(path)

        def use_typed(path: str) -> None:
            payments = self.payments
            self._save(lambda: payments.set_policy(self.group_id, Path(path.strip()).expanduser()),
                       lambda p: f"The group now uses the payment policy {p.name}.")

        self._dialog().choose("Give the group a payment policy? (Escape keeps it)", choices, use)

    def action_mark(self, state: str) -> None:
        claim = self._claim()
        if claim is None:
            return
        payments = self.payments
        self._save(lambda: payments.mark(claim, state), lambda c: c.sentence())

    def action_vouchers(self) -> None:
        claim = self._claim()
        if claim is None:
            return
        payments = self.payments
        paid_as = "money" if claim.paid_as.value == "vouchers" else "vouchers"
        self._save(lambda: payments.pay_as(claim, paid_as), lambda c: c.sentence())

    def action_expense(self) -> None:
        claim = self._claim()
        if claim is None:
            return

        def kind_chosen(kind: str) -> None:
            def amount_typed(text: str) -> None:
                try:
                    pence = parse_money(text)
                except UserError as error:
                    self.notify(str(error), severity="warning", markup=False)
                    self._dialog().ask("How much?", "Type pounds and pence, such as 4.20:", amount_typed)
                    return

                def note_typed(note: str) -> None:
                    payments = self.payments
                    self._save(lambda: payments.add_expense(claim, kind, pence, note), lambda c: c.sentence())

                self._dialog().ask("A note", "A short note, such as bus fare (or leave it empty):", note_typed)

            self._dialog().ask("How much?", "Type pounds and pence, such as 4.20:", amount_typed)

        self._dialog().choose(f"An expense for {claim.member_name}",
                              [(k, words) for k, words in EXPENSE_KINDS.items()], kind_chosen)

    def action_write_csv(self) -> None:
        from coprod_meet.storage.durable import atomic_write

        claims = self.payments.claims(group=self.group_id)

        def typed(path: str) -> None:
            target = Path(path.strip()).expanduser()
            if not path.strip() or not target.parent.is_dir():
                self.notify("Please type a file in a folder that exists, such as claims.csv.", severity="warning",
                            markup=False)
                return
            text = claims_csv(claims)

            def write(answer: str = "yes") -> None:
                if answer == "yes":
                    self._save(lambda: atomic_write(target, text.encode("utf-8")),
                               lambda _r: f"Wrote {len(claims)} claims to {target}.")
                else:
                    self.notify("The file was not written.", markup=False)

            if target.exists():
                self._dialog().choose(f"{target.name} is there already. Replace it?",
                                      [("yes", "Yes, replace it"), ("no", "No, keep it")], write)
            else:
                write()

        self._dialog().ask("Write the claims for finance", "Type the file to write, such as claims.csv:", typed,
                           "claims.csv")

    def action_back(self) -> None:
        self.app.pop_screen()
