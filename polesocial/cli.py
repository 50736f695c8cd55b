"""Command line: ``polesocial check`` and ``polesocial build``.

Messages are in French by default; ``--lang ar`` (or POLESOCIAL_LANG=ar) gives them in Arabic.
Exit status: 0 when all is well, 1 when the sources have errors or the build failed, 2 for a
wrong command line.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from . import build, check

SUMMARY = {
    "fr": "{errors} erreur(s), {warnings} avertissement(s).",
    "ar": "عدد الأخطاء: {errors}، عدد التنبيهات: {warnings}.",
}


def _print_report(report, lang: str, strict: bool) -> int:
    for problem in report.sorted():
        print(problem.format(lang), file=sys.stderr)
    errors = len(report.errors) + (len(report.warnings) if strict else 0)
    print(SUMMARY[lang].format(errors=len(report.errors), warnings=len(report.warnings)),
          file=sys.stderr)
    return 1 if errors else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="polesocial", description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path.cwd(),
                        help="project folder (default: the current folder)")
    parser.add_argument("--lang", choices=("fr", "ar"),
                        default=os.environ.get("POLESOCIAL_LANG", "fr"),
                        help="language of the messages")
    commands = parser.add_subparsers(dest="command", required=True)
    check_cmd = commands.add_parser("check", help="validate every source, report all problems")
    check_cmd.add_argument("--strict", action="store_true", help="treat warnings as errors")
    build_cmd = commands.add_parser("build", help="check, then build the whole site into site/")
    build_cmd.add_argument("--site-dir", type=Path, default=None,
                           help="where to publish (default: <root>/site)")
    args = parser.parse_args(argv)
    root = args.root.resolve()

    report = check.run(root)
    status = _print_report(report, args.lang, getattr(args, "strict", False))
    if args.command == "check" or status:
        return status
    return build.build_site(root, args.site_dir or root / "site", args.lang)


if __name__ == "__main__":
    sys.exit(main())
