"""Command line: ``polesocial check``, ``build``, ``translated``, ``new-guide``.

Messages are in French by default; ``--lang ar`` (or POLESOCIAL_LANG=ar) gives them in Arabic.
Exit status: 0 when all is well, 1 when the sources have errors or the build failed, 2 for a
wrong command line.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from . import build, check, guides, messages, siteconfig, trust

MESSAGES = {
    "translated": {
        "fr": "{folder} : la traduction arabe suit désormais le texte français {new} "
              "(auparavant : {old}).",
        "ar": "{folder}: أصبحت الترجمة العربية مطابقة للنص الفرنسي {new} (سابقًا: {old}).",
    },
    "no_document": {
        "fr": "{folder} n’est pas un document (pas de fr.md dans ce dossier).",
        "ar": "{folder} ليس وثيقة (لا يوجد fr.md في هذا المجلد).",
    },
    "new_guide": {
        "fr": "Guide créé dans {folder} (menu : {page}). Rédigez fr.md et ar.md, complétez "
              "guide.yml, puis lancez make check.",
        "ar": "أُنشئ الدليل في {folder} (القائمة: {page}). حرروا fr.md و ar.md، وأتمّوا "
              "guide.yml، ثم نفذوا make check.",
    },
}

def _print_report(report, lang: str, strict: bool) -> int:
    for problem in report.sorted():
        print(problem.format(lang), file=sys.stderr)
    errors = len(report.errors) + (len(report.warnings) if strict else 0)
    print(messages.summary(report, lang), file=sys.stderr)
    return 1 if errors else 0


def main(argv: list[str] | None = None) -> int:
    """The command line, with no traceback for the editor: an unexpected failure is told in
    their language, with the step it happened in (POLESOCIAL_DEBUG=1 shows the traceback)."""
    try:
        return _main(argv)
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # noqa: BLE001 - the last line of defence, by design
        if os.environ.get("POLESOCIAL_DEBUG") == "1":
            raise
        step = " ".join(argv if argv is not None else sys.argv[1:]) or "polesocial"
        print(messages.UI["internal_error"][trust.message_language()].format(
            step=step, error=type(error).__name__), file=sys.stderr)
        return 1


def _main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="polesocial", description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path.cwd(),
                        help="project folder (default: the current folder)")
    parser.add_argument("--lang", choices=("fr", "ar"),
                        default=trust.message_language(),
                        help="language of the messages")
    commands = parser.add_subparsers(dest="command", required=True)
    check_cmd = commands.add_parser("check", help="validate every source, report all problems")
    check_cmd.add_argument("--strict", action="store_true", help="treat warnings as errors")
    build_cmd = commands.add_parser("build", help="check, then build the whole site into site/")
    build_cmd.add_argument("--site-dir", type=Path, default=None,
                           help="where to publish (default: <root>/site)")
    translated = commands.add_parser(
        "translated", help="record that a document's Arabic text is up to date with its French")
    translated.add_argument("folder", type=Path, help="e.g. guides/benevolat or charter")
    new_guide = commands.add_parser("new-guide", help="create a guide skeleton in both languages")
    new_guide.add_argument("slug", help="folder name, e.g. protection-enfance")
    new_guide.add_argument("--action", default="A2.2.2",
                           help="a strategy action the guide serves (default: A2.2.2)")
    args = parser.parse_args(argv)
    root = args.root.resolve()

    if args.command == "translated":
        folder = args.folder if args.folder.is_absolute() else root / args.folder
        if not (folder / "fr.md").is_file():
            print(MESSAGES["no_document"][args.lang].format(folder=args.folder), file=sys.stderr)
            return 1
        old, new = guides.mark_translated(root, folder)
        print(MESSAGES["translated"][args.lang].format(folder=args.folder, old=old or "—",
                                                       new=new))
        return 0
    if args.command == "new-guide":
        try:
            folder = guides.new_guide(root, args.slug, args.action, args.lang)
        except (ValueError, FileExistsError) as error:
            print(error, file=sys.stderr)
            return 1
        page = f"guides/{args.slug}.md"
        in_nav = siteconfig.add_to_nav(root, page, "guides/")
        print(MESSAGES["new_guide"][args.lang].format(folder=folder.relative_to(root),
                                                      page=page if in_nav else "—"))
        return 0

    if args.command == "build":  # the engine checks every source first (hooks/trust.py)
        # ...but it reads SITE_URL before any of our code runs, and we set the language of its
        # messages: the environment is judged here, in the editor's words.
        # The sources are judged here too, so that a build that would fail stops at once, in
        # the editor's words, without starting the engine (which prints the warnings).
        report = check.run(root)
        if report.errors:
            return _print_report(report, args.lang, False)
        return build.build_site(root, args.site_dir or root / "site", args.lang)
    return _print_report(check.run(root), args.lang, args.strict)


if __name__ == "__main__":
    sys.exit(main())
