"""Issue 17: payment policies, claims from attendance, the finance CSV, and payments kept private."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from coprod_meet.cli import main
from coprod_meet.domain import events as ev
from coprod_meet.domain.errors import UserError
from coprod_meet.domain.model import Event, Group, Meeting, Member, VoiceGroup
from coprod_meet.domain.payments import ClaimState, PolicyProblem, claims_for, parse_policy
from coprod_meet.services.archive import ArchiveService
from coprod_meet.services.merge import export_meeting, import_paths
from coprod_meet.services.minutes import MinutesService
from coprod_meet.services.payments import PaymentsService, claims_csv
from tests.scenario import GROUP, ID, store

POLICIES = Path(__file__).resolve().parents[1] / "meetings" / "payment-policies"
NIHR = POLICIES / "nihr-style-example.toml"
START = datetime(2026, 5, 7, 14, 0)


def test_the_example_policies_read_and_say_their_rules() -> None:
    files = sorted(POLICIES.glob("*.toml"))
    assert [f.name for f in files] == ["nihr-style-example.toml", "per-meeting-example.toml"]
    nihr = parse_policy(NIHR.read_text(), NIHR.name)
    assert (nihr.per, nihr.rate_pence, nihr.preparation_minutes, nihr.grace_minutes) == ("hour", 2500, 60, 10)
    assert nihr.voice_groups == (VoiceGroup.LIVED, VoiceGroup.CARER) and nihr.decline and nihr.vouchers
    assert "Time is paid at £25.00 an hour." in " ".join(nihr.lines())
    fixed = parse_policy((POLICIES / "per-meeting-example.toml").read_text())
    assert (fixed.per, fixed.rule, fixed.preparation_pence, fixed.other_expenses) == ("meeting", "full", 1000, False)


@pytest.mark.parametrize(("old", "new", "line", "words"), [
    ("rate = 25.00", "rate = 25.00 ]", 17, "mistake on line 17"),
    ("rate = 25.00", 'rate = "lots"', 17, '"rate" should be an amount in pounds'),
    ('per = "hour"', 'per = "fortnight"', 16, '"fortnight" is not one I know'),
    ("vouchers = true", "voucher = true", 36, 'has "voucher", which I do not know'),
    ("grace_minutes = 10", "grace_minutes = -3", 24, '"grace_minutes" should be a whole number'),
    ("decline = true", 'decline = "maybe"', 35, '"decline" should be true or false'),
])
def test_a_broken_policy_names_its_line_in_one_sentence(old: str, new: str, line: int, words: str) -> None:
    text = NIHR.read_text()
    assert old in text
    with pytest.raises(PolicyProblem) as caught:
        parse_policy(text.replace(old, new), "ours.toml")
    message = str(caught.value)
    assert f"line {line}" in message and words in message and message.startswith("The payment policy ours.toml")
    assert "\n" not in message and "Traceback" not in message


def test_a_broken_policy_file_on_the_command_line_is_one_sentence_and_changes_nothing(
        service, tmp_path: Path, capsys) -> None:
    store(service)
    root = service.root
    service.close()
    broken = tmp_path / "broken.toml"
    broken.write_text(NIHR.read_text().replace("travel = true", "travel = yes please"))
    assert main(["payment-policy", "--archive", str(root), "--group", GROUP.name, "--set", str(broken)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("coprod-meet: The payment policy broken.toml has a mistake on line 29")
    assert len(err.splitlines()) == 1
    assert main(["payment-policy", "--archive", str(root), "--group", GROUP.name]) == 0
    assert "has no payment policy yet" in capsys.readouterr().out


# -- claim rules ---------------------------------------------------------------------------------


def _member(name: str, vg: VoiceGroup = VoiceGroup.LIVED) -> Member:
    return Member(name=name, voice_group=vg)


PEOPLE = {n: _member(n) for n in ("Ann", "Bea", "Cat", "Dee", "Eve", "Fay")}
PEOPLE["Pro"] = _member("Pro", VoiceGroup.PROFESSIONAL)
PEOPLE["Car"] = _member("Car", VoiceGroup.CARER)


def _meeting() -> tuple[Meeting, list[Event]]:
    meeting = Meeting(group_id="g", group_name="Group", title="May", start=START, end=START + timedelta(hours=2),
                      roster=tuple(PEOPLE.values()))
    at = lambda minutes: START + timedelta(minutes=minutes)  # noqa: E731
    log = [
        *(Event(ev.ATTENDANCE, {"member_id": PEOPLE[n].id, "status": "present"}, at=at(-5))
          for n in ("Ann", "Cat", "Eve", "Pro", "Car")),
        Event(ev.MEETING_STARTED, at=at(0)),
        Event(ev.ATTENDANCE, {"member_id": PEOPLE["Bea"].id, "status": "late"}, at=at(20)),
        Event(ev.ATTENDANCE, {"member_id": PEOPLE["Dee"].id, "status": "late"}, at=at(5)),
        Event(ev.ATTENDANCE, {"member_id": PEOPLE["Cat"].id, "status": "left"}, at=at(90)),
        Event(ev.ATTENDANCE, {"member_id": PEOPLE["Eve"].id, "status": "left"}, at=at(15)),
        Event(ev.MEETING_ENDED, at=at(120)),
    ]
    return meeting, log


def test_claims_count_late_arrival_and_early_leaving_by_the_policy() -> None:
    policy = parse_policy(NIHR.read_text())
    meeting, log = _meeting()
    claims = {c.member_name: c for c in claims_for(meeting, log, policy)}
    # Fay never came and Pro is a professional: no claim for either.
    assert set(claims) == {"Ann", "Bea", "Cat", "Dee", "Eve", "Car"}
    assert (claims["Ann"].paid_minutes, claims["Ann"].time_pence) == (120, 7500)  # 2h + 1h preparation at £25
    # 20 minutes late is past the 10 minutes' grace: 100 minutes, rounded up to 105 (blocks of 15).
    assert (claims["Bea"].attended_minutes, claims["Bea"].paid_minutes) == (100, 105)
    assert claims["Bea"].time_pence == round(2500 * (105 + 60) / 60)
    assert "Arrived 20 minutes late" in claims["Bea"].how_counted
    assert claims["Cat"].paid_minutes == 90 and "Left 30 minutes early" in claims["Cat"].how_counted
    # 5 minutes late is within the grace: the whole meeting.
    assert claims["Dee"].paid_minutes == 120 and "within the 10 minutes" in claims["Dee"].how_counted
    assert claims["Eve"].paid_minutes == 15
    assert all(c.state is ClaimState.TO_PAY for c in claims.values())


def test_attendance_corrections_and_coming_back_count_from_the_log() -> None:
    from coprod_meet.domain.payments import attendance_of

    meeting, log = _meeting()
    at = lambda minutes: START + timedelta(minutes=minutes)  # noqa: E731
    fay, car = PEOPLE["Fay"].id, PEOPLE["Car"].id
    log = [*log[:-1],
           Event(ev.ATTENDANCE, {"member_id": fay, "status": "present"}, at=at(30)),
           Event(ev.ATTENDANCE, {"member_id": fay, "status": "left"}, at=at(40)),
           Event(ev.ATTENDANCE, {"member_id": fay, "status": "present"}, at=at(60)),
           Event(ev.ATTENDANCE, {"member_id": car, "status": "late"}, at=at(45)),  # a correction
           log[-1]]
    seen = attendance_of(log)
    assert (seen[fay].minutes, seen[fay].late, seen[fay].early) == (70, 30, 0)  # 10 + 60 minutes
    assert (seen[car].minutes, seen[car].late) == (75, 45)
    assert PEOPLE["Pro"].id in seen and len(seen) == 8


def test_the_full_rule_and_the_minimum_time() -> None:
    policy = parse_policy((POLICIES / "per-meeting-example.toml").read_text())
    meeting, log = _meeting()
    claims = {c.member_name: c for c in claims_for(meeting, log, policy)}
    assert claims["Bea"].time_pence == 4000 + 1000  # late, but the whole meeting by the "full" rule
    assert claims["Eve"].time_pence == 0 and "no payment for time" in claims["Eve"].how_counted  # 15 < 30 minutes


def test_declined_and_vouchers_start_from_what_the_member_asked() -> None:
    policy = parse_policy(NIHR.read_text())
    meeting, log = _meeting()
    claims = {c.member_name: c for c in claims_for(meeting, log, policy, {PEOPLE["Ann"].id: "declined",
                                                                          PEOPLE["Bea"].id: "vouchers"})}
    assert claims["Ann"].state is ClaimState.DECLINED and claims["Ann"].total_pence == 0
    assert "declined payment" in claims["Ann"].sentence()
    assert claims["Bea"].paid_as.value == "vouchers" and "in vouchers" in claims["Bea"].sentence()


def test_no_claims_before_the_meeting_ends() -> None:
    meeting, log = _meeting()
    with pytest.raises(UserError, match="has not ended yet"):
        claims_for(meeting, log[:-1], parse_policy(NIHR.read_text()))


def test_claims_from_the_scenario_through_the_service(service) -> None:
    mid = store(service)
    payments = PaymentsService(service)
    with pytest.raises(UserError, match="has no payment policy yet"):
        payments.make_claims(mid)
    payments.set_policy(GROUP.id, NIHR)
    fresh, before = payments.make_claims(mid)
    names = sorted(c.member_name for c in fresh)
    assert names == ["Ade", "Hayley", "Kit", "Priya", "Sam", "Tom"] and before == []
    ade = next(c for c in fresh if c.member_name == "Ade")
    assert ade.attended_minutes == 90 and "Left 25 minutes early" in ade.how_counted  # Ade left at 3:30pm
    again, kept = payments.make_claims(mid)
    assert again == [] and len(kept) == 6  # made once only
    ade = payments.add_expense(ade, "travel", 420, "bus")
    ade = payments.mark(ade, "paid")
    assert payments.claim(ade.id[:8])[0].state is ClaimState.PAID
    with pytest.raises(UserError, match="already paid"):
        payments.add_expense(ade, "travel", 100)
    rows = payments.claims(group=GROUP.name, since="March 2026", until="March 2026")
    assert len(rows) == 6 and payments.claims(since="April 2026") == []


# -- the finance CSV --------------------------------------------------------------------------------


def test_the_csv_for_finance_cannot_run_formulas(service) -> None:
    attack = ["=HYPERLINK(\"http://x\")", "+SUM(1)", "-2+3", "@cmd", "\tTab", "\rCR"]
    group = Group(id=GROUP.id, name=GROUP.name, members=tuple(
        m if m.id != ID["Hayley"] else Member(id=m.id, name=attack[0], voice_group=VoiceGroup.LIVED)
        for m in GROUP.members))
    mid = store(service)
    meeting = service.get_meeting(mid)
    service.save_meeting(Meeting.from_dict(meeting.to_dict() | {"roster": [m.to_dict() for m in group.members]}))
    payments = PaymentsService(service)
    payments.set_policy(GROUP.id, NIHR)
    fresh, _ = payments.make_claims(mid)
    for n, text in enumerate(attack[1:]):
        payments.add_expense(payments.claim(fresh[n].id)[0], "other", 100 + n, text)
    text = claims_csv(payments.claims())
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][0] == "claim_id" and len(rows) == 7
    cells = [cell for row in rows for cell in row]
    assert any(attack[0] in cell for cell in cells)
    for cell in cells:
        assert cell[:1] not in ("=", "+", "-", "@", "\t", "\r"), cell


# -- privacy ----------------------------------------------------------------------------------------


MARK = "Zebra-fare-7431"  # a word that is only in the payment data


def _paid_archive(service) -> str:
    mid = store(service)
    payments = PaymentsService(service)
    payments.set_policy(GROUP.id, NIHR)
    fresh, _ = payments.make_claims(mid)
    for c in fresh:
        payments.add_expense(c, "travel", 1234, MARK)
    return mid


def _text_of(data: bytes, fmt: str) -> str:
    if fmt == "docx":
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return " ".join(z.read(n).decode("utf-8", "replace") for n in z.namelist() if n.endswith(".xml"))
    return data.decode("utf-8")


@pytest.mark.parametrize("copy", ["members", "public"])
@pytest.mark.parametrize("easy_read", [False, True])
def test_payment_details_are_in_no_copy_of_the_minutes_in_any_format(service, copy: str, easy_read: bool) -> None:
    mid = _paid_archive(service)
    minutes = MinutesService(service)
    exports = minutes.exports(mid, ("md", "html", "txt", "docx", "ics"), copy=copy, easy_read=easy_read)
    assert len(exports) == 5
    for export in exports:
        text = _text_of(export.data, export.fmt)
        assert GROUP.name in text or export.fmt == "ics"  # the file was read
        for secret in (MARK, "£12.34", "£72.92", "to pay", "preparation"):
            assert secret not in text, (export.describe(), secret)


def test_export_meeting_leaves_payments_out_unless_asked_and_import_takes_them(service, tmp_path: Path) -> None:
    mid = _paid_archive(service)
    plain = export_meeting(service, mid, tmp_path / "plain.json")
    raw = plain.read_text()
    assert MARK not in raw and "payments" not in json.loads(raw)
    with_pay = export_meeting(service, mid, tmp_path / "with.json", with_payments=True)
    assert MARK in with_pay.read_text()
    with ArchiveService.open(tmp_path / "other") as other:
        report = import_paths(other, [with_pay])
        assert report.claims == 6 and any("6 payment claims" in line for line in report.lines())
        assert len(PaymentsService(other).claims()) == 6
        assert import_paths(other, [with_pay]).claims == 0  # the same claims again: nothing new
    with ArchiveService.open(tmp_path / "third") as third:
        assert import_paths(third, [plain]).claims == 0 and PaymentsService(third).claims() == []


def test_payments_are_kept_apart_from_meeting_files_and_private(service) -> None:
    mid = _paid_archive(service)
    meeting_file = service.archive.meeting_path(mid)
    assert MARK not in meeting_file.read_text()
    folder = service.root / "payments"
    files = sorted(p.name for p in folder.iterdir())
    assert files == [f"{GROUP.id}-policy.toml", f"{GROUP.id}.json"]
    assert folder.stat().st_mode & 0o777 == 0o700
    assert all((folder / f).stat().st_mode & 0o777 == 0o600 for f in files)


def test_payments_command_csv_json_and_period(service, tmp_path: Path, capsys) -> None:
    _paid_archive(service)
    root = str(service.root)
    service.close()
    assert main(["payments", "--archive", root, "--group", GROUP.name, "--since", "March 2026"]) == 0
    out = capsys.readouterr().out
    assert "Hayley:" in out and "Altogether:" in out
    assert main(["payments", "--archive", root, "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 6
    assert main(["payments", "--archive", root, "--csv", "-o", str(tmp_path / "f.csv")]) == 0
    assert len((tmp_path / "f.csv").read_text().splitlines()) == 7
    capsys.readouterr()
    assert main(["payments", "--archive", root, "--until", "January 2026"]) == 0
    assert "There are no claims" in capsys.readouterr().out
    assert main(["payments", "--archive", root, "--since", "the day after never"]) == 1
    assert len(capsys.readouterr().err.strip().splitlines()) == 1
    claim_id = None
    assert main(["payments", "--archive", root, "--json"]) == 0
    claim_id = json.loads(capsys.readouterr().out)[0]["id"][:8]
    assert main(["claim", "--archive", root, claim_id, "--declined"]) == 0
    assert "declined payment" in capsys.readouterr().out
    assert main(["claim", "--archive", root, claim_id, "--expense", "taxi", "3"]) == 1
    assert "is not a kind of expense" in capsys.readouterr().err


def test_a_broken_payments_file_is_moved_aside_and_said_in_one_sentence(service) -> None:
    mid = _paid_archive(service)
    path = service.root / "payments" / f"{GROUP.id}.json"
    path.write_text('{"claims": {"1": ')  # cut off half way
    payments = PaymentsService(service)
    with pytest.raises(UserError) as caught:
        payments.claims()
    assert "was moved aside to quarantine/" in str(caught.value) and "\n" not in str(caught.value)
    assert not path.exists() and list((service.root / "quarantine").glob(f"{GROUP.id}.json.*.broken"))
    assert payments.claims() == []  # a fresh file; the old one is kept for mending
    assert len(payments.make_claims(mid)[0]) == 6


def test_a_hand_edited_policy_that_breaks_names_its_line(service) -> None:
    mid = _paid_archive(service)
    payments = PaymentsService(service)
    path = payments.policy_file(GROUP.id)
    path.write_text(path.read_text().replace("rate = 25.00", "rate = twenty"))
    with pytest.raises(PolicyProblem, match="line 17"):
        payments.make_claims(mid)


def test_claims_still_to_pay_follow_a_corrected_attendance(service) -> None:
    mid = _paid_archive(service)
    payments = PaymentsService(service)
    assert payments.refresh_claims(mid) == ["Nothing changed: the claims still to pay agree with the attendance."]
    paid = next(r.claim for r in payments.claims() if r.claim.member_name == "Tom")
    payments.mark(paid, "paid")
    # Kit and Tom were in fact only there until 3pm: a co-chair corrects it afterwards.
    meeting = service.get_meeting(mid)
    at = meeting.start.replace(hour=15)
    service.append_events(mid, [Event(ev.ATTENDANCE, {"member_id": ID[k], "status": "left"}, at=at)
                                for k in ("Kit", "Tom")])
    said = payments.refresh_claims(mid)
    assert len(said) == 1 and said[0].startswith("Kit: £") and "Left 55 minutes early" in said[0]
    rows = {r.claim.member_name: r.claim for r in payments.claims()}
    assert rows["Kit"].attended_minutes == 60 and rows["Kit"].expenses  # the expense stays
    assert rows["Tom"].attended_minutes == 115 and rows["Tom"].state is ClaimState.PAID  # paid: untouched


def test_an_expense_over_the_policy_limit_says_a_receipt_is_needed(service) -> None:
    mid = store(service)
    payments = PaymentsService(service)
    payments.set_policy(GROUP.id, NIHR)  # receipts over £10.00
    claim = payments.make_claims(mid)[0][0]
    claim = payments.add_expense(claim, "travel", 1200, "taxi")
    claim = payments.add_expense(claim, "carer", 2000, "sitter", receipt=True)
    claim = payments.add_expense(claim, "other", 500, "data")
    assert [e.words() for e in claim.expenses] == [
        "travel £12.00 (taxi, receipt needed)", "carer or replacement care costs £20.00 (sitter)",
        "other costs £5.00 (data)"]
    assert payments.claim(claim.id)[0].expenses == claim.expenses  # kept as said


def test_check_reads_the_payments_files_too(service) -> None:
    _paid_archive(service)
    assert service.check().sound
    path = service.root / "payments" / f"{GROUP.id}.json"
    path.write_text("not json at all")
    report = service.check()
    assert not report.sound and any(p.path == path for p in report.problems)
    assert not path.exists()  # moved aside, never overwritten


def test_claims_in_an_imported_file_are_cleaned_and_bad_ones_skipped(service, tmp_path: Path) -> None:
    mid = _paid_archive(service)
    path = export_meeting(service, mid, tmp_path / "with.json", with_payments=True)
    data = json.loads(path.read_text())
    claims = data["payments"]
    claims["1"]["member_name"] = "Ade\x1b]0;evil\x07\u202e"
    claims["2"]["group_id"] = "../../etc"
    claims["3"]["state"] = "stolen"
    claims["4"]["time_pence"] = "lots"
    path.write_text(json.dumps(data))
    with ArchiveService.open(tmp_path / "other") as other:
        report = import_paths(other, [path])
        assert report.claims == 3 and not report.problems
        names = [r.claim.member_name for r in PaymentsService(other).claims()]
        assert "Ade]0;evil" in names and not any("\x1b" in n or "\u202e" in n for n in names)
        assert not (tmp_path / "etc").exists()
