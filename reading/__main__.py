"""`python -m reading FILE [FILE ...] [--json | --format table] [--date YYYY-MM-DD]`: print each file's situation."""
from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from reading.article import UnreadableInput, from_file
from reading.pipeline import read_article
from reading.table import situation_table


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m reading", description="Read news articles into situation documents.")
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--json", action="store_true", help="JSON Lines, one situation per file (the default)")
    parser.add_argument("--format", choices=("json", "table"), default="json")
    parser.add_argument("--date", type=date.fromisoformat, help="publication date, for files that carry none")
    args = parser.parse_args(argv)
    status = 0
    for path in args.files:
        try:
            situation = read_article(from_file(path), published=args.date)
        except (OSError, UnreadableInput) as err:
            print(f"{path}: {err}", file=sys.stderr)
            status = 1
            continue
        if args.format == "table" and not args.json:
            print(situation_table(situation))
        else:
            print(json.dumps(situation.to_dict(), ensure_ascii=False))
    return status


if __name__ == "__main__":
    sys.exit(main())
