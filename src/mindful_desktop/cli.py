"""Command line: the GUI by default, and headless subcommands that share --data-dir."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from mindful_desktop import __version__
from mindful_desktop.domain.words import count
from mindful_desktop.errors import KnownError
from mindful_desktop.paths import ENV_DATA_DIR, AppPaths

SCREENSHOT_HELP = (
    "a sidebar page (today, course, practice, checkin, settings, …), 'welcome', 'crisis', "
    "'questionnaire:phq9', 'lesson:SLUG' (e.g. lesson:week-2) or 'worksheet:ID' "
    "(e.g. worksheet:action-plan)"
)


def _data_dir_parent() -> argparse.ArgumentParser:
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help=f"folder for your journal and backups (or set {ENV_DATA_DIR}); "
        "default: the platform's user data folder",
    )
    from mindful_desktop.cli_passphrase import add_option

    add_option(parent)
    return parent


def build_parser() -> argparse.ArgumentParser:
    common = _data_dir_parent()
    parser = argparse.ArgumentParser(
        prog="mindful-desktop",
        description="Mindful Desktop: an offline eight-week MBCT course and private journal.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.add_parser("run", parents=[common], help="open the app (the default)")
    sub.add_parser(
        "doctor",
        parents=[common],
        help="check the journal and print a JSON health report",
        description="Check the journal without changing it. Prints JSON; exit 0 when healthy.",
    )
    export = sub.add_parser(
        "export",
        parents=[common],
        help="write all your data to a file",
        description=(
            "Write all your data to OUT (see docs/export-format.md), or with --format ics "
            "your practice plan as a calendar file to import into the calendar you use. Atomic."
        ),
    )
    export.add_argument("--format", choices=("json", "ics"), default="json")
    export.add_argument("out", metavar="OUT", type=Path)
    sub.add_parser(
        "backups",
        parents=[common],
        help="list the checked backups of your journal",
        description="List every backup that has been checked whole, newest first.",
    )
    sub.add_parser(
        "backup",
        parents=[common],
        help="back up your journal now (checked before it is kept)",
        description="Make a backup now; it is kept until you remove it. Works while the app "
        "is open.",
    )
    restore = sub.add_parser(
        "restore",
        parents=[common],
        help="put a backup back as your journal (close the app first)",
        description="Check FILE, back up the journal as it is now, then put FILE in its "
        "place. The app must be closed.",
    )
    restore.add_argument("file", metavar="FILE", type=Path)
    imp = sub.add_parser(
        "import",
        parents=[common],
        help="read an export back into an empty journal (close the app first)",
        description="Read FILE (made by `export`, any version) into a journal that holds no "
        "entries yet, in one step: all of it or nothing. Refuses a journal with entries.",
    )
    imp.add_argument("file", metavar="FILE.json", type=Path)
    demo = sub.add_parser(
        "demo-data",
        parents=[common],
        help="fill an empty data folder with invented data for demos",
        description="Fill an EMPTY data folder with realistic invented data. Refuses otherwise.",
    )
    demo.add_argument("--days", type=int, default=90, help="how many days of history (90)")
    demo.add_argument("--seed", type=int, default=1, help="random seed, for repeatable data")
    _add_report(sub, common)
    from mindful_desktop.cli_passphrase import add_command

    add_command(sub, common)
    entry = sub.add_parser(
        "install-desktop-entry",
        help="add Mindful Desktop to your desktop's menu, with its icon (Linux)",
        description="Put a menu entry that starts this installation, and the app icon, in "
        "your data folder ($XDG_DATA_HOME, else ~/.local/share), for a pip or pipx install "
        "or the bundle. With --remove, take them away again.",
    )
    entry.add_argument("--remove", action="store_true", help="remove the entry and the icon")
    shot = sub.add_parser(
        "screenshot",
        parents=[common],
        help="render a page offscreen to a PNG",
        description="Render a page offscreen (1280x800 by default) to a PNG file.",
    )
    shot.add_argument("page", help=SCREENSHOT_HELP)
    shot.add_argument("out", metavar="OUT.png", type=Path)
    shot.add_argument("--theme", choices=("light", "dark"), default="light")
    shot.add_argument("--size", default="1280x800", help="WIDTHxHEIGHT (1280x800)")
    return parser


def _add_report(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    from mindful_desktop.services.report_data import NOTES, SECTION_IDS

    optional = [s for s in SECTION_IDS if s != NOTES]
    report = sub.add_parser(
        "report",
        parents=[common],
        help="make a PDF summary of a period to take to your clinician",
        description="Write a short PDF of a period: PHQ-9 and GAD-7 results, mood, practice, "
        "your medication changes and questions for your appointment, the course, your action "
        "plan and warning signs and your safety plan (your own check-in notes only with "
        "--with-notes). Nothing is sent anywhere.",
    )
    report.add_argument("--from", dest="start", required=True, metavar="DATE", help="YYYY-MM-DD")
    report.add_argument("--to", dest="end", required=True, metavar="DATE", help="YYYY-MM-DD")
    report.add_argument(
        "--leave-out",
        action="append",
        default=[],
        choices=optional,
        metavar="SECTION",
        help=f"a section to leave out (repeatable): {', '.join(optional)}",
    )
    report.add_argument("--with-notes", action="store_true", help="include your check-in notes")
    report.add_argument("--note", default="", help="a note to your clinician, on the first page")
    report.add_argument(
        "--paper", choices=("a4", "letter"), help="paper size (default: your locale's)"
    )
    report.add_argument("out", metavar="OUT.pdf", type=Path)


def _paths(args: argparse.Namespace) -> AppPaths:
    return AppPaths.from_arg(getattr(args, "data_dir", None))


def cmd_doctor(args: argparse.Namespace) -> int:
    from mindful_desktop.services.data import doctor_report

    report = doctor_report(_paths(args))
    print(json.dumps(report, indent=2, ensure_ascii=False))
    return 0 if report["healthy"] else 1


def cmd_export(args: argparse.Namespace) -> int:
    from mindful_desktop.db.migrate import open_database
    from mindful_desktop.services.data import export_json

    db = open_database(_paths(args))
    try:
        if args.format == "ics":
            from mindful_desktop.domain.words import count
            from mindful_desktop.services.plan_export import export_plan_ics

            planned = export_plan_ics(db, args.out)
            print(
                f"Exported {count(planned, 'planned practice time')} to {args.out}", file=sys.stderr
            )
            return 0
        counts = export_json(db, args.out)
    finally:
        db.close()
    total = sum(counts.values())
    print(f"Exported {total} records to {args.out}", file=sys.stderr)
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    import datetime as dt
    import os

    from mindful_desktop.services.report_data import (
        DEFAULT_SECTIONS,
        NOTES,
        make_request,
        parse_day,
    )

    today = dt.date.today()
    sections = DEFAULT_SECTIONS - set(args.leave_out) | ({NOTES} if args.with_notes else set())
    request = make_request(
        parse_day(args.start, "start"), parse_day(args.end, "end"), today, sections, args.note
    )
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from mindful_desktop.db.migrate import open_database
    from mindful_desktop.report.pdf import paper_for_locale, write_pdf
    from mindful_desktop.services.report import gather_report

    app = QGuiApplication.instance() or QGuiApplication(["mindful-desktop"])
    assert app is not None
    db = open_database(_paths(args))
    try:
        data = gather_report(db, request, today)
    finally:
        db.close()
    from PySide6.QtCore import QLocale

    paper = args.paper or paper_for_locale(QLocale.system().name())
    pages = write_pdf(data, args.out, paper)
    print(f"Wrote {count(pages, 'page')} to {args.out}", file=sys.stderr)
    return 0


def cmd_passphrase(args: argparse.Namespace) -> int:
    from mindful_desktop.cli_passphrase import cmd_passphrase as run

    paths = _paths(args)
    if refuse_while_open(paths, "passphrase", " (or use Settings → Privacy in the app)"):
        return 1
    paths.ensure()
    return run(args, paths)


def cmd_backups(args: argparse.Namespace) -> int:
    from mindful_desktop.db.backup import list_backups

    found = list_backups(_paths(args).backups_dir)
    if not found:
        print("No backups yet.", file=sys.stderr)
        return 0
    for info in found:
        print(
            f"{info.made_at:%Y-%m-%d %H:%M}  {info.why:<18}  {info.size / 1048576:7.1f} MB  "
            f"{info.entries:>7,} entries  {info.path}"
        )
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    from mindful_desktop.db.backup import backup_database
    from mindful_desktop.errors import DataDirError

    paths = _paths(args)
    if not paths.db_path.is_file():
        raise DataDirError(f"There is no journal in {paths.data_dir} to back up yet.")
    info = backup_database(paths.db_path, paths.backups_dir, "manual")
    print(f"Backed up and checked: {info.entries:,} entries, {info.path}", file=sys.stderr)
    return 0


def app_is_open(paths: AppPaths) -> bool:
    """Whether a running app holds this data folder's instance lock."""
    from PySide6.QtCore import QLockFile

    lock = QLockFile(str(paths.data_dir / "instance.lock"))
    lock.setStaleLockTime(0)
    if lock.tryLock(0):
        lock.unlock()
        return False
    return True


def refuse_while_open(paths: AppPaths, command: str, in_app: str = "") -> bool:
    """True (after saying so) when a running app holds this data folder."""
    if not (paths.data_dir.is_dir() and app_is_open(paths)):
        return False
    print(
        f"Mindful Desktop is open with this data folder. Close it first{in_app}, then run "
        f"{command} again. Nothing was changed.",
        file=sys.stderr,
    )
    return True


def cmd_restore(args: argparse.Namespace) -> int:
    from mindful_desktop.db.restore import restore_backup

    paths = _paths(args)
    if refuse_while_open(paths, "restore", " (or use Settings → Backups → Restore… in the app)"):
        return 1
    paths.ensure()
    before = restore_backup(paths, args.file)
    kept = f" The journal it replaced is kept as {before.path}." if before else ""
    print(f"Restored {args.file.name} as your journal.{kept}", file=sys.stderr)
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from mindful_desktop.db.migrate import open_database
    from mindful_desktop.services.importer import import_data, read_export

    paths = _paths(args)
    # A file that isn't an export is explained before any folder or journal is made.
    data = read_export(args.file)
    if refuse_while_open(paths, "import"):
        return 1
    db = open_database(paths)
    try:
        counts = import_data(db, data)
    finally:
        db.close()
    print(
        f"Imported {count(sum(counts.values()), 'record')} from {args.file.name} into "
        f"{paths.db_path}",
        file=sys.stderr,
    )
    return 0


def cmd_demo_data(args: argparse.Namespace) -> int:
    from mindful_desktop.db.migrate import open_database
    from mindful_desktop.services.data import fill_demo_data

    db = open_database(_paths(args))
    try:
        n = fill_demo_data(db, args.days, seed=args.seed)
    finally:
        db.close()
    print(
        f"Added {count(n, 'invented check-in')}, with practice, over "
        f"{count(args.days, 'day')} to {db.db_path}",
        file=sys.stderr,
    )
    return 0


def cmd_screenshot(args: argparse.Namespace) -> int:
    from mindful_desktop.ui.screenshot import render_page

    try:
        width, height = (int(v) for v in args.size.lower().split("x"))
    except ValueError:
        print("--size takes WIDTHxHEIGHT, for example 1280x800", file=sys.stderr)
        return 2
    render_page(_paths(args), args.page, args.out, (width, height), args.theme)
    print(f"Wrote {args.out}", file=sys.stderr)
    return 0


def cmd_install_desktop_entry(args: argparse.Namespace) -> int:
    from mindful_desktop import desktop_entry

    if sys.platform in ("win32", "darwin"):
        raise desktop_entry.DesktopEntryError(
            "install-desktop-entry makes a menu entry for Linux desktops. On Windows and "
            "macOS, keep the bundle's folder where you like and pin Mindful Desktop from it."
        )
    home = desktop_entry.data_home()
    if args.remove:
        removed = desktop_entry.remove(home)
        if removed:
            print(f"Removed Mindful Desktop's menu entry and icon from {home}", file=sys.stderr)
        else:
            print(f"There was no Mindful Desktop menu entry in {home}.", file=sys.stderr)
        return 0
    files = desktop_entry.install(home)
    print(
        f"Added Mindful Desktop to the menu: {files[0]}\n"
        f"It starts {desktop_entry.exec_value(desktop_entry.launcher())}; the icon is in "
        f"{home / 'icons' / 'hicolor'}. Undo with: install-desktop-entry --remove",
        file=sys.stderr,
    )
    return 0


COMMANDS = {
    "doctor": cmd_doctor,
    "export": cmd_export,
    "backups": cmd_backups,
    "backup": cmd_backup,
    "restore": cmd_restore,
    "import": cmd_import,
    "demo-data": cmd_demo_data,
    "report": cmd_report,
    "passphrase": cmd_passphrase,
    "screenshot": cmd_screenshot,
    "install-desktop-entry": cmd_install_desktop_entry,
}


def _start_log(args: argparse.Namespace) -> None:
    """Headless commands log to the same folder as the app, when it can be made."""
    from mindful_desktop.logs import setup_logging

    paths = _paths(args)
    if not paths.data_dir.is_dir():
        return  # `doctor` on a missing folder must not create it
    try:
        paths.ensure()
    except KnownError:
        return  # the command itself will explain
    setup_logging(paths.logs_dir)


def run_headless(args: argparse.Namespace) -> int:
    import logging

    log = logging.getLogger("mindful_desktop.cli")
    try:
        _start_log(args)
        log.info("mindful-desktop %s", args.command)
        from mindful_desktop.cli_passphrase import unlock_from

        unlock_from(args, _paths(args))
        return COMMANDS[args.command](args)
    except KnownError as exc:
        log.warning("%s: %s", args.command, exc.message)
        print(f"{exc.title}: {exc.message}", file=sys.stderr)
        return 2
    except Exception:
        log.exception("%s failed", args.command)
        raise


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    return build_parser().parse_args(argv)
