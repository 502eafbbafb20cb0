"""The command line's passphrase: `--passphrase-file FILE` (or `-` for standard input) for
every command that opens the journal, and `passphrase set|change|remove`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from mindful_desktop.errors import InvalidInputError
from mindful_desktop.paths import AppPaths


def add_option(parent: argparse.ArgumentParser) -> None:
    parent.add_argument(
        "--passphrase-file",
        metavar="FILE",
        default=argparse.SUPPRESS,
        help="for a journal protected by a passphrase: a file holding it (its first line), "
        "or - to read it from standard input",
    )


def add_command(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    command = sub.add_parser(
        "passphrase",
        parents=[common],
        help="protect your journal with a passphrase, change it, or remove it",
        description="set: protect the journal (the new passphrase from --new-passphrase-file). "
        "change: the current one from --passphrase-file, the new one from "
        "--new-passphrase-file. remove: the current one from --passphrase-file. Backups are "
        "rewritten the same way. If you forget the passphrase, nobody can open the journal: "
        "export it first (`export`). Close the app first.",
    )
    command.add_argument("action", choices=("set", "change", "remove"))
    command.add_argument(
        "--new-passphrase-file",
        metavar="FILE",
        help="a file holding the new passphrase (its first line), or - for standard input",
    )
    command.add_argument(
        "--remove-backups",
        action="store_true",
        help="delete the existing backups instead of rewriting them",
    )


def read_passphrase(source: str, what: str = "passphrase") -> str:
    """The first line of FILE, or of standard input for '-' (without its line ending)."""
    try:
        if source == "-":
            text = sys.stdin.readline()
        else:
            with open(Path(source).expanduser(), encoding="utf-8") as handle:
                text = handle.readline()
    except OSError as exc:
        raise InvalidInputError(
            f"The {what} file {source} can't be read ({exc.strerror})."
        ) from exc
    passphrase = text.rstrip("\r\n")
    if not passphrase:
        raise InvalidInputError(f"The {what} file {source} is empty.")
    return passphrase


def unlock_from(args: argparse.Namespace, paths: AppPaths) -> None:
    """Before any command runs: the passphrase given, if any, for this data folder."""
    source = getattr(args, "passphrase_file", None)
    if source is None or getattr(args, "command", None) == "passphrase":
        return
    from mindful_desktop.db.cipher import WRONG, WrongPassphraseError, opens_with, unlock

    passphrase = read_passphrase(source)
    if paths.db_path.exists() and not opens_with(paths.db_path, passphrase):
        raise WrongPassphraseError(WRONG)
    unlock(paths.data_dir, passphrase)


def cmd_passphrase(args: argparse.Namespace, paths: AppPaths) -> int:
    from mindful_desktop.db.cipher import WRONG, WrongPassphraseError, is_protected, opens_with
    from mindful_desktop.db.migrate import open_database
    from mindful_desktop.db.protect import check_new, convert

    protected = is_protected(paths.db_path)
    if not paths.db_path.exists():
        open_database(paths).close()  # a new journal, made so there is something to protect
    old = new = None
    if args.action in ("change", "remove"):
        if not protected:
            raise InvalidInputError("This journal isn't protected by a passphrase.")
        if getattr(args, "passphrase_file", None) is None:
            raise InvalidInputError("Give the current passphrase with --passphrase-file FILE.")
        old = read_passphrase(args.passphrase_file)
        if not opens_with(paths.db_path, old):
            raise WrongPassphraseError(WRONG)
    elif protected:
        raise InvalidInputError(
            "This journal is already protected; use `passphrase change` to change it."
        )
    if args.action in ("set", "change"):
        if args.new_passphrase_file is None:
            raise InvalidInputError("Give the new passphrase with --new-passphrase-file FILE.")
        new = read_passphrase(args.new_passphrase_file, "new passphrase")
        check_new(new, new)
    if old is not None:
        from mindful_desktop.db.cipher import unlock

        unlock(paths.data_dir, old)
    open_database(paths).close()  # migrated to the head first, so the copy is complete
    done = convert(paths, old, new, remove_backups=args.remove_backups)
    what = {
        "set": "Protected",
        "change": "Changed the passphrase of",
        "remove": "Removed the passphrase from",
    }[args.action]
    backups = (
        f"; {done.backups_removed} backups removed"
        if args.remove_backups
        else f"; {done.backups_rewritten} backups rewritten"
    )
    print(f"{what} your journal ({done.rows} rows{backups}).", file=sys.stderr)
    return 0
