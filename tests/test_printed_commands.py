"""Every command a message of the tool suggests works as printed.

The test reads polesocial/messages.py and finds every message that suggests a command (a `make`
or `polesocial` command in its text, or a ``{command}`` the message fills in). Then, in a copy of
the project laid out as an editor has it (Makefile, scripts, the repository's .venv), it
provokes those messages in French and in Arabic (POLESOCIAL_LANG=ar), takes each command out of
the printed text exactly as printed, runs it with `bash -c` from the copy's root, with no
virtual environment on the PATH, and checks that it succeeded and did what the message said
(the warning is gone after `make translated`, `make check STRICT=1` refuses a skeleton, Ctrl+C
stops `make serve`…). The commands those commands print are run in turn. At the end, every
command-suggesting message of messages.py must have been seen, in both languages, with its
commands run: a new message that suggests a command fails this test until it is provoked here.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from conftest import ROOT, copy_project, edit
from polesocial import messages

# A command as messages print it: VAR=value prefixes, make (or polesocial), at most one target,
# then VAR=value arguments. A value ends before the punctuation of the sentence around it.
_VALUE = r"[^\s()«»]*[^\s()«».,;:،؛]"
COMMAND = re.compile(r"(?:\b[A-Z][A-Z0-9_]*=" + _VALUE + r" )*\b(?:make|polesocial)\b"
                     r"(?: (?![A-Z][A-Z0-9_]*=)[a-z][a-z-]*)?(?: [A-Z][A-Z0-9_]*=" + _VALUE + ")*")
_PLACEHOLDER = re.compile(r"\{[^{}]*\}|%\([a-z_]+\)s|%s")
# Blanks a message leaves for the editor to fill in, and what this test writes there (the
# example address the tool gives elsewhere, in env-site-url-chars).
BLANKS = {"https://…": "https://www.example.ma/"}
SUMMARY = {"fr": re.compile(r"\d+ erreur\(s\), \d+ avertissement\(s\)\.$"),
           "ar": re.compile(r"عدد الأخطاء: \d+، عدد التنبيهات: \d+\.$")}
HELP = {"fr": "utilisation : polesocial", "ar": "الاستعمال: polesocial"}
NOTHING = {"fr": "Rien à faire", "ar": "لا شيء يستدعي التسجيل"}
PREVIEW_UP = {"fr": "Aperçu à jour", "ar": "حُدّثت المعاينة"}
A_GUIDE, A_PAGE = "guides/benevolat", "docs/fr/a-propos.md"
ACTION_FR = "Elaborer une charte de complémentarité entre les composantes du Pôle social, dont"
MESSAGE_FR = "La violence n’est jamais une affaire privée"


@dataclass
class Template:
    """A message of messages.py that suggests a command."""
    where: str  # catalogue.key[part], e.g. PROBLEMS.translation-outdated[1]
    lang: str
    text: str

    @property
    def pattern(self) -> re.Pattern:
        """The message as printed: its placeholders stand for any text on the line."""
        parts = _PLACEHOLDER.split(self.text)
        regex = ""
        for index, part in enumerate(parts):
            regex += re.escape(part)
            if index < len(parts) - 1:
                regex += r"[^\n]+" if index == len(parts) - 2 and not parts[-1] else r"[^\n]+?"
        return re.compile(regex)


def command_templates() -> list[Template]:
    """Every text of every catalogue of messages.py that suggests a command."""
    found = []
    for name, catalogue in vars(messages).items():
        if name.startswith("_") or not isinstance(catalogue, dict):
            continue
        for key, texts in catalogue.items():
            if not isinstance(texts, dict):
                continue
            for lang, value in texts.items():
                for part, text in enumerate(value if isinstance(value, tuple) else (value,)):
                    if isinstance(text, str) and (COMMAND.search(text) or "{command}" in text):
                        found.append(Template(f"{name}.{key}[{part}]", lang, text))
    return found


def test_the_messages_that_suggest_commands_are_found():
    """The finder itself: it sees the known ones (a finder that finds nothing proves nothing)."""
    found = {(t.where, t.lang) for t in command_templates()}
    for where in ("CLI.epilog[0]", "PROBLEMS.translation-outdated[1]",
                  "PROBLEMS.translation-item-outdated[1]", "UI.new_guide[0]",
                  "UI.proof_warning[0]", "PROBLEMS.skeleton-placeholder[1]"):
        assert (where, "fr") in found and (where, "ar") in found, where
    assert [m.group(0) for m in COMMAND.finditer(
        "lancez : make check (il dira… ; make check STRICT=1 refuse ; voir make help). "
        "SITE_URL=https://… make site avant ; make translated DOC=docs/ar/a.md ITEMS=A1.2.")] == [
        "make check", "make check STRICT=1", "make help", "SITE_URL=https://… make site",
        "make translated DOC=docs/ar/a.md ITEMS=A1.2"]


# --- Running commands as an editor types them -----------------------------------------------

def editor_environment(lang: str) -> dict:
    """The editor's shell: no virtual environment on the PATH (`polesocial` alone is not a
    command there), nothing of the test runner's settings."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("VIRTUAL_ENV", "SITE_URL", "SOURCE_DATE_EPOCH", "POLESOCIAL_PDF",
                        "POLESOCIAL_PDF_CACHE", "POLESOCIAL_DEBUG", "MAKEFLAGS", "MAKELEVEL")}
    venv_bin = str(Path(sys.executable).parent)
    env["PATH"] = os.pathsep.join(p for p in env.get("PATH", "/usr/bin:/bin").split(os.pathsep)
                                  if p and p != venv_bin and "/.venv/" not in p + "/")
    env["POLESOCIAL_LANG"] = lang
    env["NO_MKDOCS_2_WARNING"] = "1"
    return env


def shell(project: Path, command: str, lang: str, timeout: int = 1200, **extra):
    env = dict(editor_environment(lang), **extra)
    return subprocess.run(["bash", "-c", command], cwd=project, env=env, capture_output=True,
                          text=True, timeout=timeout)


# Ctrl+C in a terminal: SIGINT to the foreground process group. Run in a network namespace of
# its own, so that the printed address (port 8000) is the preview's whatever else runs here.
SERVE_DRIVER = r"""
import json, os, re, signal, socket, subprocess, sys, time, urllib.request
command, up = sys.argv[1], sys.argv[2]
process = subprocess.Popen(["bash", "-c", command], stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, text=True, start_new_session=True)
lines, result = [], {"started": False}
deadline = time.monotonic() + 600
for line in process.stdout:
    lines.append(line)
    if up in line or time.monotonic() > deadline:
        break
urls = re.findall(r"https?://[^\s،,]+[^\s،,.]", "".join(lines))
result["output"] = "".join(lines)
if urls:
    try:
        with urllib.request.urlopen(urls[0], timeout=30) as response:
            result["status"] = response.status
            result["page"] = response.read().decode("utf-8")[:20000]
    except Exception as error:
        result["error"] = repr(error)
os.killpg(process.pid, signal.SIGINT)
try:
    rest, _ = process.communicate(timeout=60)
    result["output"] += rest
    result["stopped"] = True
except subprocess.TimeoutExpired:
    result["stopped"] = False
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
time.sleep(1)
probe = socket.socket()
try:  # nothing listens on the port any more
    probe.connect(("127.0.0.1", 8000))
    result["port_free"] = False
except OSError:
    result["port_free"] = True
probe.close()
result["url"] = urls[0] if urls else None
print(json.dumps(result))
"""


def serve_as_typed(project: Path, command: str, lang: str) -> dict:
    driver = project.parent / "serve_driver.py"
    driver.write_text(SERVE_DRIVER, encoding="utf-8")
    inner = (f"ip link set lo up && exec {sys.executable} {driver} "
             f"{_quote(command)} {_quote(PREVIEW_UP[lang])}")
    for unshare in (["unshare", "-n"], ["unshare", "-rn"]):
        result = subprocess.run([*unshare, "bash", "-c", inner], cwd=project,
                                env=editor_environment(lang), capture_output=True, text=True,
                                timeout=900)
        if result.returncode == 0 and result.stdout.strip():
            return json.loads(result.stdout.strip().splitlines()[-1])
    pytest.fail("cannot give the preview a network namespace of its own (unshare -n): "
                f"{result.stderr}")


def _quote(text: str) -> str:
    return "'" + text.replace("'", "'\"'\"'") + "'"


# --- The walk: provoke, read, run what is printed, read again --------------------------------

@dataclass
class Run:
    command: str
    template: str  # the message that printed it
    lang: str
    ok: bool
    why: str = ""


@dataclass
class Walk:
    project: Path
    lang: str
    templates: list[Template]
    seen: set = field(default_factory=set)  # (template, lang) matched in an output
    built: set = field(default_factory=set)  # `make site` commands that built (PDFs: minutes)
    runs: list[Run] = field(default_factory=list)
    done: set = field(default_factory=set)

    def provoke(self, command: str, **extra) -> None:
        """A step of the test itself (an edit's check, a missing argument…)."""
        result = shell(self.project, command, self.lang, **extra)
        self.follow(result.stdout + result.stderr, (command,), "seed")

    def follow(self, output: str, lineage: tuple, printed_by: str) -> None:
        """Run every command the messages in ``output`` print, depth first. ``lineage``: the
        commands that led here, the seed first; ``printed_by``: the message that printed the
        command whose output this is."""
        for template in self.templates:
            if template.lang != self.lang:
                continue
            for match in template.pattern.finditer(output):
                self.seen.add((template.where, template.lang))
                for found in COMMAND.finditer(match.group(0)):
                    self.run(found.group(0), template.where, lineage, printed_by)

    def run(self, printed: str, where: str, lineage: tuple, printed_by: str) -> None:
        command = printed
        for blank, filled in BLANKS.items():
            command = command.replace(blank, filled)
        # A command runs once per group; `make check`, which verifies what the command before
        # it did, once per path of messages that prints it.
        checking = command.startswith("make check")
        key = (command, where, printed_by) if checking else command
        if command in self.built:  # the same build, verified already in this walk
            self.runs.append(Run(command, where, self.lang, True, "built before"))
            return
        # Not the command that printed it again (`make check STRICT=1` prints itself), unless
        # that was the test's own step: the message's command is then run as printed.
        if key in self.done or (command == lineage[-1] and len(lineage) > 1):
            return
        self.done.add(key)
        if re.search(r"[…<>]", command):
            self.runs.append(Run(printed, where, self.lang, False,
                                 "a blank this test does not know how to fill"))
            return
        if command == "make serve":
            self.runs.append(self.verify_serve(command, where))
            return
        started = time.time()
        result = shell(self.project, command, self.lang)
        output = result.stdout + result.stderr
        why = self.verify(command, where, result, lineage, started)
        self.runs.append(Run(command, where, self.lang, not why, why))
        if not why:
            if " make site" in f" {command}":  # the same build twice proves nothing more
                self.built.add(command)
            self.follow(output, (*lineage, command), where)

    def verify(self, command, where, result, lineage, started) -> str:
        """'' when ``command`` did what the message said, else what went wrong."""
        out, err = result.stdout, result.stderr
        parent = lineage[-1]
        both = f"exit {result.returncode}\n--- stdout\n{out}\n--- stderr\n{err}"
        words = command.split()
        target = next((w for w in words[words.index("make") + 1:] if "=" not in w), "") \
            if "make" in words else words[0]
        if "command not found" in err or "No rule to make target" in err:
            return f"not a command: {both}"
        if target == "check":
            ours = [line for line in err.splitlines() if not line.startswith("make: ***")]
            if not ours or not SUMMARY[self.lang].search(ours[-1]):
                return f"no summary: {both}"
            if "STRICT=1" in command:  # "make check STRICT=1 refuse un modèle non complété"
                return "" if result.returncode != 0 else f"a skeleton let through: {both}"
            if where == "UI.new_campaign[0]":  # "il dira quels nombres de campagnes mettre à jour"
                counts = Template("", self.lang,
                                  messages.PROBLEMS["count-mismatch"][self.lang][0]).pattern
                counts = counts.search(err)
                return "" if counts or result.returncode == 0 else f"no counts named: {both}"
            if parent.startswith("make translated") and parent in err:
                return f"{parent} is still asked for after it ran: {both}"
            if any(step.startswith("make new-campaign") for step in lineage):
                return ""  # the counts on the pages stay to update (see above)
            return "" if result.returncode == 0 else f"check failed: {both}"
        if result.returncode != 0:
            return f"failed: {both}"
        if target == "help":
            return "" if HELP[self.lang] in out and "make check" in out else f"no help: {both}"
        if target == "translated":
            if where.startswith("UI.translated_arabic_unchanged"):  # nothing new since
                return "" if out.startswith(NOTHING[self.lang]) else f"recorded again: {both}"
            recorded = {"fr": "traduction enregistrée", "ar": "سُجّلت الترجمة"}[self.lang]
            if where.startswith("CLI.epilog"):  # the shipped guide follows its French already
                return "" if out.startswith(NOTHING[self.lang]) else f"unexpected: {both}"
            return "" if recorded in out else f"nothing recorded: {both}"
        if target == "new-guide":
            name = command.split("NAME=", 1)[1].split()[0]
            return "" if (self.project / "guides" / name / "guide.yml").is_file() \
                else f"no guide created: {both}"
        if target == "new-campaign":
            name = command.split("NAME=", 1)[1].split()[0]
            return "" if (self.project / "campaigns" / f"{name}.yml").is_file() \
                else f"no campaign created: {both}"
        if target == "site":
            index = self.project / "site" / "index.html"
            if not index.is_file() or index.stat().st_mtime < started:
                return f"no site built: {both}"
            url = re.match(r"SITE_URL=(\S+) ", command)
            if url:
                sitemap = (self.project / "site" / "sitemap.xml").read_text(encoding="utf-8")
                if url.group(1) not in sitemap or "SITE_URL" in err:
                    return f"the address is not the site's, or still warned about: {both}"
            return ""
        return f"this test does not know what `{command}` should do: add it to verify()"

    def verify_serve(self, command: str, where: str) -> Run:
        """As typed: the printed address shows the site, Ctrl+C stops everything."""
        result = serve_as_typed(self.project, command, self.lang)
        self.follow(result.get("output", ""), (command,), where)
        problems = []
        if result.get("status") != 200 or "Pôle social" not in result.get("page", "") \
                and "القطب الاجتماعي" not in result.get("page", ""):
            problems.append(f"the printed address {result.get('url')} shows no page "
                            f"({result.get('status')}, {result.get('error')})")
        if not result.get("stopped"):
            problems.append("Ctrl+C did not stop it")
        if not result.get("port_free"):
            problems.append("port 8000 still taken after Ctrl+C")
        return Run(command, where, self.lang, not problems,
                   "; ".join(problems) + f"\n{result.get('output', '')[-3000:]}")


def restore(project: Path) -> None:
    """The sources back as shipped (the site, the PDF cache and the layout stay)."""
    from polesocial.project import SOURCES

    for part in SOURCES:
        target = project / part
        if target.is_dir():
            shutil.rmtree(target)
        elif target.exists():
            target.unlink()
    copy_project(project)


@pytest.fixture(scope="module")
def editors_folder(tmp_path_factory):
    """The project folder as an editor has it: sources, Makefile, scripts, and the
    repository's .venv (make finds it up to date: nothing is installed)."""
    project = copy_project(tmp_path_factory.mktemp("printed") / "project")
    for name in ("Makefile", "requirements.txt", "requirements-test.txt", "pyproject.toml"):
        shutil.copy2(ROOT / name, project / name)
    shutil.copytree(ROOT / "scripts", project / "scripts")
    (project / ".venv").symlink_to(ROOT / ".venv")
    return project


def walk_everything(project: Path, lang: str, templates: list[Template]) -> Walk:
    walk = Walk(project, lang, templates)
    # 1. A command typed without its argument points at the help, whose commands are run
    #    (check, serve, site and the address it asks for, new guide, new campaign, translated).
    restore(project)
    walk.provoke("make translated")
    # 2. Translations to record: a guide, a strategy action, a campaign message and a page whose
    #    French changed; a guide and a campaign field with no record at all.
    restore(project)
    walk.done.clear()
    for path in (A_GUIDE + "/fr.md", A_PAGE):
        file = project / path
        file.write_text(file.read_text(encoding="utf-8").replace(
            "\n## ", "\nUne phrase ajoutée par la rédaction.\n\n## ", 1), encoding="utf-8")
    # A spelling correction of the strategy's French, recorded as corrections.yml asks.
    edit(project / "strategy/strategy.yml", ACTION_FR, ACTION_FR.replace("Elaborer", "Élaborer"))
    with open(project / "strategy/corrections.yml", "a", encoding="utf-8") as corrections:
        corrections.write('  - where: A1.2.2\n    original: "Elaborer une charte"\n'
                          '    corrected: "Élaborer une charte"\n'
                          '    reason: "accent sur la majuscule"\n')
    edit(project / "campaigns/violence-femmes.yml", MESSAGE_FR, MESSAGE_FR + " ni intime")
    meta = project / "guides/mediation-sociale-familiale/guide.yml"
    meta.write_text(meta.read_text(encoding="utf-8").split("# The version of fr.md")[0],
                    encoding="utf-8")
    edit(project / "translations.yml", '  "title": "2055935980d343bf"\n', "")
    walk.provoke("make check")
    # 3. The French changes again, the Arabic does not: `make translated` warns, with the
    #    command to run once the Arabic is corrected.
    walk.done.clear()
    for path in (A_GUIDE + "/fr.md", A_PAGE):
        file = project / path
        file.write_text(file.read_text(encoding="utf-8").replace(
            "Une phrase ajoutée par la rédaction.", "Une phrase corrigée par la rédaction.", 1),
            encoding="utf-8")
    edit(project / "campaigns/violence-femmes.yml", " ni intime", " ni seulement intime")
    for doc in (A_GUIDE, A_PAGE, "campaigns/violence-femmes.yml ITEMS=public-1"):
        walk.provoke(f"make translated DOC={doc}")
    # 4. An address with a space: the fix's command builds for the address it gives.
    restore(project)
    walk.done.clear()
    walk.provoke("make check", SITE_URL="https://www.example.ma/ accueil")
    return walk


# One walk per language, its two tests share it; the walks run one after the other in the same
# folder (one test process runs this file), so the second builds the site from the first's PDF
# cache, as an editor's second build does.
@pytest.fixture(scope="module", params=["fr", "ar"])
def walk(request, editors_folder):
    return walk_everything(editors_folder, request.param, command_templates())


def test_every_printed_command_works_as_typed(walk):
    assert walk.runs, "no command was run"
    failed = [f"{run.template} ({run.lang}): `{run.command}`: {run.why}"
              for run in walk.runs if not run.ok]
    report = os.environ.get("PRINTED_COMMANDS_LOG")
    if report:  # every command run, for whoever debugs this test
        Path(report).write_text("\n".join(f"{'ok' if r.ok else 'FAILED'} {r.template} "
                                           f"({r.lang}): {r.command}\n{r.why}"
                                           for r in walk.runs), encoding="utf-8")
    assert not failed, "\n\n".join(failed)


def test_every_command_suggesting_message_is_provoked(walk):
    """Each message of messages.py that suggests a command was printed in this language and
    its commands were run: a new one must be provoked here too."""
    missing = [t.where for t in command_templates()
               if t.lang == walk.lang and (t.where, t.lang) not in walk.seen]
    assert not missing, f"never provoked in {walk.lang}: {missing}"
    ran = {r.template for r in walk.runs}
    not_run = [t.where for t in command_templates() if t.lang == walk.lang
               and t.where not in ran]
    assert not not_run, f"printed, but its command never run, in {walk.lang}: {not_run}"
    run = {r.command for r in walk.runs}
    for expected in ("make help", "make check", "make serve", "make site",
                     "SITE_URL=https://www.example.ma/ make site", "make check STRICT=1",
                     "make new-guide NAME=protection-enfance",
                     "make new-campaign NAME=droits-enfants",
                     f"make translated DOC={A_GUIDE}",
                     "make translated DOC=guides/mediation-sociale-familiale",
                     "make translated DOC=strategy/strategy.yml ITEMS=A1.2.2",
                     "make translated DOC=campaigns/violence-femmes.yml ITEMS=public-1",
                     "make translated DOC=campaigns/handicap-inclusion.yml ITEMS=title",
                     "make translated DOC=docs/ar/a-propos.md"):
        assert expected in run, (expected, sorted(run))
