"""``python -m arbiter``: read an export from the shell, for scripts and other languages' tests.

    python -m arbiter rows --export ID [--split train]      # one JSON object per line
    python -m arbiter download --export ID --out DIR        # every file, checked

The server and key come from --url and --api-key, or from ARBITER_URL and ARBITER_API_KEY
(better: a key on the command line is visible to other users of the machine).
"""

from __future__ import annotations

import argparse
import json
import os
import sys

from . import Arbiter, ArbiterException

DESCRIPTION = "Read an export of an Arbiter server: its rows as JSON lines, or its files."


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m arbiter", description=DESCRIPTION)
    parser.add_argument("--url", default=os.environ.get("ARBITER_URL"), help="default: $ARBITER_URL")
    parser.add_argument(
        "--api-key", default=os.environ.get("ARBITER_API_KEY"), help="default: $ARBITER_API_KEY"
    )
    commands = parser.add_subparsers(dest="command", required=True)
    rows = commands.add_parser("rows", help="print the rows of one split of an export as JSON lines")
    rows.add_argument("--export", required=True, help="the export's id")
    rows.add_argument("--split", default="train")
    download = commands.add_parser("download", help="download every file of an export, checking SHA-256")
    download.add_argument("--export", required=True, help="the export's id")
    download.add_argument("--out", required=True, help="the folder to write into")
    args = parser.parse_args(argv)
    if not args.url or not args.api_key:
        parser.error("give --url and --api-key (or set ARBITER_URL and ARBITER_API_KEY)")

    try:
        export = Arbiter(args.url, args.api_key).export(args.export)
        if args.command == "rows":
            for row in export.rows(args.split):
                sys.stdout.write(json.dumps(row, ensure_ascii=False, separators=(",", ":")) + "\n")
        else:
            for path in export.download(args.out):
                print(path)
        sys.stdout.flush()
    except BrokenPipeError:
        # `| head` closed the pipe: not an error; keep Python from complaining at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (ArbiterException, ValueError, OSError) as err:
        # OSError: the server could not be reached (urllib's URLError) or a file not written.
        print(f"arbiter: {err}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
