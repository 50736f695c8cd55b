"""Command line: ``polesocial check``, ``build``, ``translated``, ``new-guide``.

Messages are in French by default; ``--lang ar`` (or POLESOCIAL_LANG=ar) gives them in Arabic.
Exit status: 0 when all is well, 1 when the sources have errors or the build failed, 2 for a
wrong command line.
"""

from __future__ import annotations

import argparse
import atexit
import datetime as dt
import os
import sys
import threading
from pathlib import Path

from . import (build, campaigns, check, guides, history, languages, messages, pages, preview,
               problems, siteconfig, translations, trust, yamledit)

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


def run() -> int:
    """``polesocial`` itself (the command ``make`` calls, and ``python -m polesocial``): the
    command line, then the exit. When the command is done and nothing else runs, what an exit
    must still do is done (the exit handlers, which remove temporary folders and stop helper
    processes, and the standard streams' buffers), then the process ends without Python freeing,
    one by one, the hundreds of thousands of objects a build leaves (about 0.15 s of CPU at
    every build). A command stopped by SystemExit (--help, a wrong command line), or one that
    left a thread running, exits the usual way."""
    code = main()
    if threading.active_count() == 1:
        atexit._run_exitfuncs()
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (OSError, ValueError):  # a closed pipe: nothing more can be told there
                pass
        os._exit(code)
    return code


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
    translated.add_argument("folder", type=Path, metavar="DOC", help=text["translated_folder"])
    translated.add_argument("items", nargs="*", metavar="ITEMS", help=text["translated_items"])
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
        return _translated(root, args)
    if args.command == "new-guide":
        try:
            folder = guides.new_guide(root, args.slug, args.action, args.lang)
        except (ValueError, FileExistsError) as error:
            print(error, file=sys.stderr)
            return 1
        page = f"guides/{args.slug}.md"
        in_nav = siteconfig.add_to_nav(root, page, "guides/")
        print(messages.UI["new_guide"][args.lang].format(folder=folder.relative_to(root),
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


def _day(date, lang: str) -> str:
    return history.long_date(date, lang)


def _before(record, lang: str, first: bool) -> str:
    """What the previous record said, in words."""
    ui = messages.UI
    if first:
        return ui["translated_first"][lang]
    if record.date is None:
        return ui["translated_before_undated"][lang]
    return ui["translated_before"][lang].format(date=_day(record.date, lang))


def _when(record, lang: str) -> str:
    ui = messages.UI
    if record is None or record.date is None:
        return ui["translated_when_undated"][lang]
    return ui["translated_when"][lang].format(date=_day(record.date, lang))


def _translated(root: Path, args) -> int:
    """``make translated DOC=…``: record that the Arabic follows the French of today, and say
    in words what was recorded (or that there was nothing to do)."""
    ui, lang = messages.UI, args.lang
    folder = args.folder if args.folder.is_absolute() else root / args.folder
    if not (folder / "fr.md").is_file() and not folder.is_dir():
        return _translated_items(root, args)
    if not (folder / "fr.md").is_file():
        print(ui["translated_no_document"][lang].format(folder=args.folder), file=sys.stderr)
        return 1
    try:
        done = guides.mark_translated(root, folder)
    except guides.RecordProblem as problem:
        return _print_report(problem.report, lang, False)
    except yamledit.Unexpected:  # the structure check comes first: a safety net only
        print(ui["translated_no_document"][lang].format(folder=args.folder), file=sys.stderr)
        return 1
    name = done.folder
    if not done.recorded:
        print(ui["translated_nothing"][lang].format(what=f"{name}/ar.md",
                                                     when=_when(done.before, lang)))
        return 0
    print(ui["translated_document"][lang].format(
        folder=name, date=_day(done.after.date, lang),
        words=messages.UI["status_words"][lang].format(n=done.words),
        before=_before(done.before, lang, done.before.source is None)))
    if done.arabic_unchanged:
        print(ui["translated_arabic_unchanged"][lang].format(
            arabic=f"{name}/ar.md", date=_day(done.before.date, lang) if done.before.date
            else ui["translated_when_undated"][lang],
            command=f"{translations.COMMAND} DOC={name}"), file=sys.stderr)
    return 0


def _names(done, named: bool, lang: str) -> str:
    """The items, by their ids when the editor named them or they are few, else counted."""
    if named or len(done) <= 5:
        return languages.join_list([marked.item.id for marked in done], lang)
    return messages.count(len(done), "item", lang)


def _translated_items(root: Path, args) -> int:
    """``translated`` for an item of the strategy, of a campaign or a page (translations.yml)."""
    ui, lang = messages.UI, args.lang
    target = args.folder.as_posix()
    try:
        if args.folder.is_absolute():
            target = args.folder.resolve().relative_to(root).as_posix()
        target = translations.target_of(root, target)
        done = translations.mark(root, target, args.items, lang)
    except (translations.UnknownTarget, ValueError) as error:
        print(error, file=sys.stderr)
        return 1
    recorded = [marked for marked in done if marked.recorded]
    current = [marked for marked in done if not marked.recorded]
    page = len(done) == 1 and done[0].item.id == translations.PAGE
    if not recorded:
        what = target if page else f"{target} ({_names(current, bool(args.items), lang)})"
        print(ui["translated_nothing"][lang].format(
            what=what, when=_when(current[0].before, lang) if len(current) == 1
            else languages.join_list(sorted({_when(m.before, lang) for m in current}), lang)))
        return 0
    day = _day(dt.date.today(), lang)
    if page:
        marked = recorded[0]
        french = "docs/fr/" + target.removeprefix("docs/ar/")
        loaded = pages.load_page(root / french, "fr", french, problems.Report(root))
        words = guides.word_count(loaded.body if loaded else "")
        print(ui["translated_page"][lang].format(
            file=target, date=day, french=french,
            words=ui["status_words"][lang].format(n=words),
            before=_before(marked.before, lang, marked.before is None) if marked.before
            else ui["translated_first"][lang]))
    else:
        print(ui["translated_items"][lang].format(
            file=target, date=day, count=messages.count(len(recorded), "item", lang)))
        for marked in recorded:
            before = ""
            if marked.before is not None and marked.before.date is not None:
                before = ui["translated_item_before"][lang].format(
                    date=_day(marked.before.date, lang))
            print(ui["translated_item_line"][lang].format(
                item=marked.item.id, excerpt=marked.item.excerpt, before=before))
        if current:
            print(ui["translated_current"][lang].format(
                items=_names(current, bool(args.items), lang)))
        print(ui["translated_items_next"][lang])
    for marked in recorded:
        if marked.arabic_unchanged:
            arabic = target if page else ui["translated_arabic_of"][lang].format(
                item=marked.item.id)
            print(ui["translated_arabic_unchanged"][lang].format(
                arabic=arabic, date=_day(marked.before.date, lang) if marked.before.date
                else ui["translated_when_undated"][lang],
                command=translations.command(target, marked.item.id)), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(run())
