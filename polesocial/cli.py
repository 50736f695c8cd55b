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

from . import build, campaigns, check, guides, messages, preview, siteconfig, translations, trust

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
        step = " ".join(["polesocial", *(argv if argv is not None else sys.argv[1:])])
        print(messages.UI["internal_error"][trust.message_language()].format(
            step=step, error=type(error).__name__), file=sys.stderr)
        return 1


def _language(argv: list[str]) -> str:
    """The language of the help and of argparse's own messages, known before parsing:
    ``--lang`` on the command line, else POLESOCIAL_LANG."""
    for index, value in enumerate(argv):
        if value == "--lang" and index + 1 < len(argv):
            return trust.message_language(argv[index + 1])
        if value.startswith("--lang="):
            return trust.message_language(value.split("=", 1)[1])
    return trust.message_language()


def _parser(lang: str) -> argparse.ArgumentParser:
    text = {key: value[lang] for key, value in messages.CLI.items()}
    # argparse's own words (usage, options, its error messages), in the editor's language.
    argparse._ = lambda message: messages.ARGPARSE.get(message, {}).get(lang, message)
    parser = argparse.ArgumentParser(prog="polesocial", description=text["description"],
                                     epilog=text["epilog"],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", type=Path, default=Path.cwd(), help=text["root"])
    parser.add_argument("--lang", choices=("fr", "ar"), default=lang, help=text["lang"])
    commands = parser.add_subparsers(dest="command", required=True, title=text["commands"],
                                     metavar="COMMANDE" if lang == "fr" else "الأمر")

    def command(name: str):
        return commands.add_parser(name, help=text[f"{name}_help"],
                                   description=text[f"{name}_help"])

    command("check").add_argument("--strict", action="store_true", help=text["strict"])
    command("build").add_argument("--site-dir", type=Path, default=None, help=text["site_dir"])
    command("serve").add_argument("--address", default=preview.DEFAULT_ADDRESS,
                                  help=text["address"].format(default=preview.DEFAULT_ADDRESS))
    translated = command("translated")
    translated.add_argument("folder", type=Path, help=text["translated_folder"])
    translated.add_argument("items", nargs="*", help=text["translated_items"])
    for name, default in (("new-guide", "A2.2.2"), ("new-campaign", "A3.3.1")):
        creating = command(name)
        creating.add_argument("slug", help=text[f"{name}_slug"])
        creating.add_argument("--action", default=default,
                              help=text["action"].format(default=default))
    return parser


def _main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = _parser(_language(argv))
    args = parser.parse_args(argv)
    root = args.root.resolve()

    if args.command == "translated":
        folder = args.folder if args.folder.is_absolute() else root / args.folder
        if not (folder / "fr.md").is_file() and not folder.is_dir():
            return _translated_items(root, args)
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

    if args.command == "new-campaign":
        try:
            path = campaigns.new_campaign(root, args.slug, args.action, args.lang)
        except (ValueError, FileExistsError) as error:
            print(error, file=sys.stderr)
            return 1
        page = f"{campaigns.PAGES}/{args.slug}.md"
        in_nav = siteconfig.add_to_nav(root, page, f"{campaigns.PAGES}/")
        print(messages.UI["new_campaign"][args.lang].format(
            file=path.relative_to(root), page=page if in_nav else "—"))
        return 0
    if args.command == "serve":
        report = check.run(root)
        if report.errors:
            return _print_report(report, args.lang, False)
        return preview.serve(root, args.address, args.lang)
    if args.command == "build":  # the engine checks every source first (hooks/trust.py)
        # ...but it reads SITE_URL before any of our code runs, and we set the language of its
        # messages: the environment is judged here, in the editor's words.
        # The sources are judged here too, so that a build that would fail stops at once, in
        # the editor's words, without starting the engine (which prints the warnings).
        report, _ = check.shared(root)  # the engine's hooks use this very check
        if report.errors:
            return _print_report(report, args.lang, False)
        return build.build_site(root, args.site_dir or root / "site", args.lang)
    return _print_report(check.run(root), args.lang, args.strict)


def _translated_items(root: Path, args) -> int:
    """``translated`` for an item of the strategy, of a campaign or a page (translations.yml)."""
    target = args.folder.as_posix()
    try:
        if args.folder.is_absolute():
            target = args.folder.resolve().relative_to(root).as_posix()
        done = translations.mark(root, target, args.items, args.lang)
    except (translations.UnknownTarget, ValueError) as error:
        print(error, file=sys.stderr)
        return 1
    print(messages.UI["translated_items"][args.lang].format(
        file=target, items=", ".join(item.id for item in done)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
