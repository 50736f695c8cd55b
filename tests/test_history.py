"""The versions of every document: change notes checked, dates and history on each page, the
word-level difference between two versions made from git, versioned PDFs with their colophon,
the Atom feeds, and what a shallow clone shows.

A temporary repository holds two versions of a guide, committed one after the other: version
0.1 as shipped, then 0.2, which adds a paragraph, removes a list item and a sentence in both
languages and bumps the version in the metadata.
"""

from __future__ import annotations

import functools
import html as html_lib
import os
import re
import subprocess
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from xml.etree import ElementTree as ET

import pypdf
import pytest

from conftest import ROOT, build, check, copy_project, edit, polesocial
from test_print import normalise, pdf_text
from polesocial import history, problems, publication
from polesocial.repository import Repository

# Every test here shares the two-version repository's render: one test process runs them
# all (pytest-xdist's --dist loadfile, pyproject.toml).

GUIDE = "guides/benevolat"
ATOM = "{http://www.w3.org/2005/Atom}"
ADDED_FR = "Une phrase ajoutée pour la version 0.2 du guide."
REMOVED_SENTENCE_FR = "Ce guide n’est pas un texte juridique."
REMOVED_ITEM_FR = "aux responsables d’activités qui travaillent au quotidien avec des bénévoles ;"
ADDED_AR = "جملة مضافة في الإصدار 0.2 من الدليل."
REMOVED_ITEM_AR = "المسؤولين عن الأنشطة الذين يشتغلون يوميًا مع المتطوعين؛"
NOTE_FR = "Une phrase ajoutée, une autre retirée."
NOTE_AR = "إضافة جملة وحذف أخرى."


# --- The temporary repository --------------------------------------------------------------------

def git(repo: Path, *args: str, day: str = "2026-11-29") -> str:
    stamp = f"{day}T12:00:00Z"
    env = dict(os.environ, GIT_AUTHOR_NAME="Rédaction", GIT_AUTHOR_EMAIL="redaction@example.org",
               GIT_COMMITTER_NAME="Rédaction", GIT_COMMITTER_EMAIL="redaction@example.org",
               GIT_AUTHOR_DATE=stamp, GIT_COMMITTER_DATE=stamp)
    return subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True,
                          text=True).stdout


def two_versions(repo: Path) -> Path:
    """The project in a new git repository: version 0.1 of the guide as shipped, then a
    commit with version 0.2."""
    copy_project(repo)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Version 0.1")
    folder = repo / GUIDE
    edit(folder / "fr.md", REMOVED_SENTENCE_FR + " ", "")
    edit(folder / "fr.md", f"- {REMOVED_ITEM_FR}\n", "")
    edit(folder / "fr.md", "- aux formateurs qui accompagnent le tissu associatif.\n",
                 f"- aux formateurs qui accompagnent le tissu associatif.\n\n{ADDED_FR}\n")
    edit(folder / "ar.md", f"- {REMOVED_ITEM_AR}\n", "")
    edit(folder / "ar.md", "- المكوِّنين الذين يواكبون النسيج الجمعوي.\n",
                 f"- المكوِّنين الذين يواكبون النسيج الجمعوي.\n\n{ADDED_AR}\n")
    edit(folder / "guide.yml", 'version: "0.1"\ndate: "2026-11-29"\nhistory:\n',
                 f'version: "0.2"\ndate: "2026-11-30"\nhistory:\n  - version: "0.2"\n'
                 f'    date: "2026-11-30"\n    note:\n      fr: "{NOTE_FR}"\n'
                 f'      ar: "{NOTE_AR}"\n')
    result = polesocial("translated", GUIDE, root=repo)
    assert result.returncode == 0, result.stderr
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Version 0.2", day="2026-11-30")
    return repo


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - signature of the base class
        pass


@pytest.fixture(scope="session")
def served(tmp_path_factory):
    """The two-version repository built with its PDFs, served on loopback: (site, base URL,
    repository). Kept for the session: a test process (pytest-xdist) may run this module's
    tests in more than one stretch, and a module fixture would be built again for each."""
    work = tmp_path_factory.mktemp("history")
    repo = two_versions(work / "repo")
    site = work / "site"
    site.mkdir()
    server = ThreadingHTTPServer(("127.0.0.1", 0),
                                 functools.partial(_Quiet, directory=str(site)))
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    build(repo, site, site_url=base, pdf=True, POLESOCIAL_PDF_CACHE=str(work / "cache"))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield site, base, repo
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def site(served):
    return served[0]


@pytest.fixture(scope="module")
def base_url(served):
    return served[1]


def page(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def text_of(fragment: str) -> str:
    """What a reader reads in an HTML fragment: no tags, entities decoded, single spaces."""
    return " ".join(html_lib.unescape(re.sub(r"<[^>]+>", "", fragment)).split())


def changes(document: str) -> list[tuple[str, str, str]]:
    """Each change of a history page: (kind, its label, its HTML)."""
    return [(kind, text_of(label), body) for kind, label, body in re.findall(
        r'<div class="ps-diff-item ps-diff-(\w+)"><p class="ps-diff-label">(.*?)</p>'
        r'<p class="ps-diff-text">(.*?)</p></div>', document, re.S)]


def marked(body: str, tag: str) -> list[str]:
    """The text of each <ins> or <del> of a change, without the words for screen readers."""
    return [text_of(re.sub(r'<span class="ps-sr">.*?</span>', "", found))
            for found in re.findall(rf"<{tag}>(.*?)</{tag}>", body, re.S)]


# --- Versions compared as numbers -------------------------------------------------------------

def test_versions_compare_part_by_part():
    key = history.version_key
    assert key("1.10") > key("1.9") > key("1.2") > key("1") > key("0.9")
    assert key("1.2") == key("1.2.0")
    assert history.versioned_file("guide-benevolat", "1.10", "ar") == \
        "guide-benevolat-v1.10-ar.pdf"


# --- The word-level difference --------------------------------------------------------------------

def test_blocks_are_matched_then_words_compared():
    from polesocial.textdiff import Block, compare

    old = [Block("Recruter", heading=True), Block("un deux trois quatre cinq six"),
           Block("un paragraphe retiré en entier"), Block("la fin commune du texte")]
    new = [Block("Recruter", heading=True), Block("un deux TROIS quatre cinq six sept"),
           Block("un tout nouveau paragraphe"), Block("la fin commune du texte")]
    comparison = compare(old, new, "fr")
    assert [item[0] for item in comparison.items] == ["changed", "removed", "added"]
    assert (comparison.added, comparison.removed, comparison.changed) == (1, 1, 1)
    changed = changes(comparison.html)[0][2]
    assert marked(changed, "del") == ["trois"] and marked(changed, "ins") == ["TROIS", "sept"]
    assert text_of(re.sub(r'<span class="ps-sr">.*?</span>', "", changed)) == \
        "un deux trois TROIS quatre cinq six sept"
    assert "Dans la partie « Recruter »" in text_of(comparison.html)
    assert compare(old, old, "fr").items == []


def test_long_unchanged_runs_are_shortened_around_a_change():
    from polesocial.textdiff import CONTEXT, word_diff

    words = [f"mot{n}" for n in range(100)]
    changed = words[:50] + ["NOUVEAU"] + words[50:]
    shown = text_of(re.sub(r'<span class="ps-sr">.*?</span>', "",
                           word_diff(" ".join(words), " ".join(changed), "fr"))).split()
    assert shown == ["…", *words[50 - CONTEXT:50], "NOUVEAU", *words[50:50 + CONTEXT], "…"]


def test_the_difference_is_escaped_text():
    from polesocial.textdiff import Block, compare

    comparison = compare([], [Block('<script>alert("x")</script> & <b>gras</b>')], "fr")
    assert "<script>" not in comparison.html and "<b>" not in comparison.html
    assert "&lt;script&gt;" in comparison.html and "&amp;" in comparison.html


def test_yaml_texts_are_compared_item_by_item_with_their_identifier():
    from polesocial.textdiff import data_blocks

    data = {"id": "strategie", "title": {"fr": "Titre", "ar": "عنوان"},
            "history": [{"note": {"fr": "Note", "ar": "ملاحظة"}}],
            "axes": [{"id": "A1", "title": {"fr": "Axe", "ar": "محور"}, "objectives": [
                {"id": "A1.1", "actions": [{"id": "A1.1.1", "text": {"fr": "Agir", "ar": "عمل"}}]}]}]}
    assert [(b.label, b.text) for b in data_blocks(data, "ar")] == [
        ("", "عنوان"), ("A1", "محور"), ("A1.1.1", "عمل")]


# --- Validation -----------------------------------------------------------------------------------

def _add_entry(project: Path, version: str, date: str, at: str = 'history:\n') -> int:
    """Put a history entry at the top of the guide's list; the line of its version."""
    line = edit(project / GUIDE / "guide.yml", at,
                f'{at}  - version: "{version}"\n    date: "{date}"\n    note:\n'
                f'      fr: "{NOTE_FR}"\n      ar: "{NOTE_AR}"\n')
    return line + 1


def _bump(project: Path, version: str, date: str) -> None:
    edit(project / GUIDE / "guide.yml", 'version: "0.1"\ndate: "2026-11-29"\n',
         f'version: "{version}"\ndate: "{date}"\n')


def test_versions_must_increase(project):
    line = _add_entry(project, "0.0.9", "2026-11-29")
    code, err = check(project)
    assert code == 1
    assert f"guides/benevolat/guide.yml:{line}:5: erreur [history[0].version]: la version " \
           "« 0.0.9 » doit être plus récente que la version « 0.1 » de l’entrée suivante" in err


def test_the_same_version_twice_is_refused(project):
    line = _add_entry(project, "0.1.0", "2026-11-29")
    _, err = check(project)
    assert f"guide.yml:{line}:5: erreur [history[0].version]: la version « 0.1.0 »" in err


def test_dates_must_be_in_order(project):
    _bump(project, "0.2", "2026-11-28")
    line = _add_entry(project, "0.2", "2026-11-28")
    code, err = check(project)
    assert code == 1
    assert f"guides/benevolat/guide.yml:{line + 1}:5: erreur [history[0].date]: la version " \
           "« 0.2 » est datée du 2026-11-28, avant la version plus ancienne « 0.1 » " \
           "(2026-11-29)" in err


def test_no_date_in_the_future(project):
    _bump(project, "0.2", "2099-01-01")
    line = _add_entry(project, "0.2", "2099-01-01")
    code, err = check(project)
    assert code == 1
    assert f"guide.yml:{line + 1}:5: erreur [history[0].date]: la date 2099-01-01 n’est pas " \
           "encore arrivée" in err


def test_the_current_version_is_the_latest_entry(project):
    line = edit(project / GUIDE / "guide.yml", 'version: "0.1"', 'version: "0.2"')
    code, err = check(project)
    assert code == 1
    assert f"guides/benevolat/guide.yml:{line}:1: erreur [version]: le document est en version " \
           "« 0.2 », mais la dernière entrée de l’historique est la version « 0.1 » — " \
           "Correction : ajoutez en tête de « history » une entrée pour la version 0.2" in err


def test_the_date_is_the_latest_entrys(project):
    line = edit(project / GUIDE / "guide.yml", 'date: "2026-11-29"\nhistory',
                'date: "2026-11-30"\nhistory')
    code, err = check(project)
    assert code == 1
    assert f"guide.yml:{line}:1: erreur [date]: la date du document (2026-11-30) n’est pas celle " \
           "de sa dernière version dans l’historique (2026-11-29)" in err


def test_a_note_in_both_languages(project):
    line = edit(project / GUIDE / "guide.yml",
                '      ar: "أول نشر، في صيغة مشروع معروض للمصادقة."\n', "")
    code, err = check(project)
    assert code == 1
    assert f"guide.yml:{line - 1}:7: erreur [history[0].note.ar]: le champ « ar » manque" in err


def test_entry_version_and_date_are_read(project):
    line = edit(project / GUIDE / "guide.yml", '  - version: "0.1"\n    date: "2026-11-29"',
                '  - version: "v1"\n    date: "29/11/2026"')
    code, err = check(project)
    assert code == 1
    assert f"guide.yml:{line}:5: erreur [history[0].version]: la version « v1 » n’est pas de " \
           "la forme 1, 1.2 ou 1.2.3" in err
    assert f"guide.yml:{line + 1}:5: erreur [history[0].date]: date « 29/11/2026 » illisible" \
        in err


def test_a_published_document_has_a_history(project):
    meta = project / GUIDE / "guide.yml"
    edit(meta, "status: draft", "status: published")
    text = meta.read_text(encoding="utf-8")
    start = text.index("history:\n")
    end = text.index("title:\n")
    meta.write_text(text[:start] + text[end:], encoding="utf-8")
    code, err = check(project)
    assert code == 1
    assert "guides/benevolat/guide.yml:1:1: erreur [history]: un document publié a un " \
           "historique de ses versions : la liste « history » manque ou est vide" in err
    # A draft may have none yet.
    edit(meta, "status: published", "status: draft")
    assert check(project)[0] == 0


def test_the_strategy_and_campaigns_are_checked_too(project):
    strategy = project / "strategy/strategy.yml"
    line = edit(strategy, '  - version: "0.1"\n    date: "2026-11-29"',
                '  - version: "0.1"\n    date: "2099-11-29"')
    campaign = project / "campaigns/violence-femmes.yml"
    edit(campaign, "status: draft", "status: published")
    text = campaign.read_text(encoding="utf-8")
    campaign.write_text(text[:text.index("history:\n")] + text[text.index("title:"):],
                        encoding="utf-8")
    code, err = check(project)
    assert code == 1
    assert f"strategy/strategy.yml:{line + 1}:5: erreur [history[0].date]: la date 2099-11-29" \
        in err
    assert "campaigns/violence-femmes.yml:1:1: erreur [history]: un document publié" in err


def test_history_errors_in_arabic(project):
    line = _add_entry(project, "0.0.9", "2026-11-29")
    result = polesocial("check", root=project, lang="ar")
    assert result.returncode == 1
    assert f"guides/benevolat/guide.yml:{line}:5: خطأ [history[0].version]: يجب أن يكون " \
           "الإصدار «0.0.9» أحدث من الإصدار «0.1»" in result.stderr


# --- What the repository's history gives ----------------------------------------------------------

def test_each_version_is_found_at_the_commit_where_it_began(served):
    repo = served[2]
    loaded = publication.load(repo, problems.Report(repo))
    tracked = next(t for t in loaded.tracked if t.key == "guide-benevolat")
    timeline = loaded.timeline(tracked)
    commits = git(repo, "log", "--format=%H", "--reverse").split()
    assert timeline.commits == {"0.1": (commits[0], True), "0.2": (commits[1], True)}
    # Another guide, at 0.1 since the first commit: its only version, nothing to compare.
    other = next(t for t in loaded.tracked if t.key == "guide-mediation-sociale-familiale")
    assert loaded.timeline(other).changes(0, "fr").state == "first"


def test_outside_git_nothing_is_compared(tmp_path):
    project = copy_project(tmp_path / "project")
    assert Repository.open(project) is None
    loaded = publication.load(project, problems.Report(project))
    tracked = next(t for t in loaded.tracked if t.key == "guide-benevolat")
    assert not loaded.timeline(tracked).available


# --- The pages ------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang, published, updated, link", [
    ("fr", "Publié le 29 novembre 2026", "Dernière mise à jour le 30 novembre 2026",
     "voir l’historique"),
    ("ar", "نُشر بتاريخ 29 نونبر 2026", "آخر تحديث بتاريخ 30 نونبر 2026",
     "الاطلاع على سجل الإصدارات"),
])
def test_the_guide_page_shows_its_dates_and_its_versions(site, lang, published, updated, link):
    prefix = "ar/" if lang == "ar" else ""
    document = page(site, f"{prefix}{GUIDE}")
    dates = re.search(r'<p class="ps-history-dates">(.*?)</p>', document, re.S)
    assert dates, "no dates under the title"
    assert text_of(dates.group(1)) == f"{published} · {updated} — {link}"
    assert '<time datetime="2026-11-30">' in dates.group(1)
    assert 'href="#historique"' in dates.group(1)
    # At the bottom: every version, newest first, with its note, and the way to the changes.
    section = document.split('id="historique"', 1)[1].split("</article>", 1)[0]
    items = [text_of(item) for item in re.findall(r"<li>(.*?)</li>", section, re.S)]
    notes = (NOTE_FR, "Première publication, en projet soumis à validation.") if lang == "fr" \
        else (NOTE_AR, "أول نشر، في صيغة مشروع معروض للمصادقة.")
    assert len(items) == 2
    assert "0.2" in items[0] and notes[0] in items[0]
    assert "0.1" in items[1] and notes[1] in items[1]
    assert 'href="historique/#v0-2"' in section and 'href="historique/"' in section


def test_the_french_history_shows_what_was_added_and_removed(site):
    document = page(site, f"{GUIDE}/historique")
    assert "Modifications depuis la version 0.1" in document
    found = changes(document)
    added = [c for c in found if c[0] == "added"]
    removed = [c for c in found if c[0] == "removed"]
    changed = [c for c in found if c[0] == "changed"]
    # The new paragraph: added, and said so in words.
    assert [(label, marked(body, "ins")) for _, label, body in added] == [("Ajouté", [ADDED_FR])]
    # The list item that went: removed.
    assert [(label, marked(body, "del")) for _, label, body in removed] == \
        [("Supprimé", [REMOVED_ITEM_FR])]
    # The sentence taken out of a paragraph: that paragraph changed, the sentence struck out,
    # opened and closed in words for screen readers.
    assert len(changed) == 1 and changed[0][1] == "Modifié"
    assert marked(changed[0][2], "del") == [REMOVED_SENTENCE_FR]
    assert marked(changed[0][2], "ins") == []
    # (French typography: a narrow no-break space before the colon, as on every French page.)
    assert '<del><span class="ps-sr">[suppression\u202f: </span>' in changed[0][2]
    assert "Passages ajoutés : 1 · supprimés : 1 · modifiés : 1" in text_of(document)
    # Every change says in which part of the guide it is.
    assert "Dans la partie « Objet et public du guide »" in text_of(document)
    # Nothing of version 0.1 is shown as a change.
    assert document.count("ps-diff-item") == 3
    assert "Première version publiée : il n’y a pas de version antérieure à comparer." in \
        text_of(document)


def test_the_arabic_history_shows_the_arabic_changes(site):
    document = page(site, f"ar/{GUIDE}/historique")
    assert re.search(r'<html lang="ar"[^>]* dir="rtl"', document)
    assert "التعديلات منذ الإصدار 0.1" in text_of(document)
    found = changes(document)
    assert [(kind, label, marked(body, "ins" if kind == "added" else "del"))
            for kind, label, body in found] == [
        ("removed", "محذوف", [REMOVED_ITEM_AR]), ("added", "مضاف", [ADDED_AR])]
    assert "المقاطع المضافة: 1 · المحذوفة: 1 · المعدَّلة: 0" in text_of(document)
    # Numbers keep their order in right-to-left text.
    assert '<bdi dir="ltr">0.2</bdi>' in document


def test_the_history_page_links_to_each_versions_pdfs(site):
    document = page(site, f"{GUIDE}/historique")
    for version in ("0.1", "0.2"):
        for lang in ("fr", "ar"):
            name = f"guide-benevolat-v{version}-{lang}.pdf"
            assert f'href="../../../pdf/{name}"' in document, name
            assert (site / "pdf" / name).is_file(), name
    # Each size keeps its number and unit together (no-break space), in both languages.
    nbsp = "(?:\u00a0|&nbsp;)"
    assert re.search(rf'<span class="ps-download-details">\(\d+{nbsp}Ko\)</span>', document)
    assert re.search(rf'<span class="ps-download-details">\(<bdi dir="ltr">\d+</bdi>{nbsp}'
                     r'كيلوبايت\)</span>',
                     page(site, f"ar/{GUIDE}/historique"))


# --- Versions that stay --------------------------------------------------------------------------

def _pdf_text(path: Path) -> str:
    return normalise(pdf_text(path))


def test_the_current_pdf_is_also_at_its_versioned_address(site):
    for lang in ("fr", "ar"):
        current = (site / "pdf" / f"guide-benevolat-{lang}.pdf").read_bytes()
        assert (site / "pdf" / f"guide-benevolat-v0.2-{lang}.pdf").read_bytes() == current
    # Documents with one version have theirs too.
    assert (site / "pdf" / "strategie-4plus4-v0.1-fr.pdf").read_bytes() == \
        (site / "pdf" / "strategie-4plus4-fr.pdf").read_bytes()


def test_the_older_version_pdf_holds_the_older_text(site):
    older = _pdf_text(site / "pdf" / "guide-benevolat-v0.1-fr.pdf")
    newer = _pdf_text(site / "pdf" / "guide-benevolat-v0.2-fr.pdf")
    assert REMOVED_SENTENCE_FR in older and REMOVED_SENTENCE_FR not in newer
    assert ADDED_FR not in older and ADDED_FR in newer
    assert "Cette version a été remplacée par la version 0.2." in older
    assert "Édition du 29 novembre 2026" in older and "Édition du 30 novembre 2026" in newer
    arabic = _pdf_text(site / "pdf" / "guide-benevolat-v0.1-ar.pdf")
    assert ADDED_AR.rstrip(".") not in arabic


# The colophon is a table of labelled rows (polesocial.print.book.Colophon): the version, the
# edition's date, the history's address.
@pytest.mark.parametrize("lang, version, address", [
    ("fr", "Version 0.2 Date d’édition 30 novembre 2026", "Historique des versions {base}"),
    ("ar", "الإصدار 0.2 تاريخ الطبع 30 نونبر 2026", "سجل الإصدارات {base}"),
])
def test_the_colophon_gives_the_version_its_date_and_the_history(site, base_url, lang, version,
                                                                 address):
    from test_print import normalise

    reader = pypdf.PdfReader(site / "pdf" / f"guide-benevolat-v0.2-{lang}.pdf")
    colophon = normalise(reader.pages[1].extract_text())
    url = f"{base_url}{'ar/' if lang == 'ar' else ''}guides/benevolat/historique/"
    assert url in colophon, colophon
    # The extracted text of an Arabic line comes in visual order: its words are compared.
    assert has_words(colophon, version) and has_words(colophon, address.split("{")[0]), colophon
    links = [annotation.get_object()["/A"]["/URI"]
             for annotation in reader.pages[1].get("/Annots", [])]
    # The colophon links the document's page (its online version) and its history.
    assert links == [url.removesuffix("historique/"), url], links
    older = pypdf.PdfReader(site / "pdf" / f"guide-benevolat-v0.1-{lang}.pdf")
    assert has_words(normalise(older.pages[1].extract_text()),
                     version.replace("0.2", "0.1").replace("30", "29"))


def has_words(text: str, phrase: str) -> bool:
    """Every word and number of ``phrase`` is in ``text``, as many times."""
    from collections import Counter

    from test_print import WORDS

    return not Counter(WORDS.findall(phrase)) - Counter(WORDS.findall(text))


# --- Feeds ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_one_atom_feed_per_language_with_one_entry_per_version(site, base_url, lang):
    prefix = "ar/" if lang == "ar" else ""
    feed = ET.parse(site / prefix / "mises-a-jour.xml").getroot()
    assert feed.tag == f"{ATOM}feed"
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == lang
    for tag in ("id", "title", "updated", "author"):
        assert feed.find(f"{ATOM}{tag}") is not None, tag
    assert feed.find(f"{ATOM}updated").text == "2026-11-30T00:00:00Z"
    assert feed.find(f"{ATOM}link[@rel='self']").get("href") == f"{base_url}{prefix}mises-a-jour.xml"
    entries = feed.findall(f"{ATOM}entry")
    repo_loaded = publication.load(ROOT, problems.Report(ROOT))
    # One entry per version of every document: the shipped ones have one each, the guide two.
    assert len(entries) == len(repo_loaded.tracked) + 1
    ids = [entry.find(f"{ATOM}id").text for entry in entries]
    assert len(set(ids)) == len(ids)
    for entry in entries:
        for tag in ("id", "title", "updated", "summary"):
            assert (entry.find(f"{ATOM}{tag}").text or "").strip(), tag
        link = entry.find(f"{ATOM}link[@rel='alternate']").get("href")
        assert link.startswith(base_url + prefix) and "/historique/#v" in link
        assert (site / link[len(base_url):].split("#")[0] / "index.html").is_file(), link
    guide = [e for e in entries if "/guides/benevolat/" in e.find(f"{ATOM}id").text]
    titles = [e.find(f"{ATOM}title").text for e in guide]
    word = "version" if lang == "fr" else "الإصدار"
    assert [t.rsplit(word, 1)[1].strip() for t in titles] == ["0.2", "0.1"]
    assert guide[0].find(f"{ATOM}summary").text == (NOTE_FR if lang == "fr" else NOTE_AR)
    # The newest first.
    updated = [e.find(f"{ATOM}updated").text for e in entries]
    assert updated == sorted(updated, reverse=True)


@pytest.mark.parametrize("path, feed", [("", "mises-a-jour.xml"),
                                        (f"ar/{GUIDE}/historique", "ar/mises-a-jour.xml")])
def test_every_page_head_links_its_languages_feed(site, base_url, path, feed):
    head = page(site, path).split("</head>", 1)[0]
    assert '<link rel="alternate" type="application/atom+xml" title="' in head
    assert f'href="{base_url}{feed}"' in head


# --- A shallow clone ------------------------------------------------------------------------------

def test_a_shallow_clone_says_the_history_is_missing_and_builds(served, tmp_path):
    repo = served[2]
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", repo.as_uri(), str(clone)],
                   check=True, capture_output=True)
    assert Repository.open(clone).shallow
    site = build(clone, tmp_path / "site")
    document = page(site, f"{GUIDE}/historique")
    assert "Historique du dépôt indisponible" in text_of(document)
    assert "les modifications du texte ne peuvent pas être affichées" in text_of(document)
    assert "ps-diff-item" not in document
    arabic = text_of(page(site, f"ar/{GUIDE}/historique"))
    assert "سجل المستودع غير متاح" in arabic
    # The versions, their dates and notes are all there.
    assert NOTE_FR in text_of(page(site, GUIDE)) and NOTE_AR in arabic


# --- In a browser ---------------------------------------------------------------------------------

@pytest.mark.parametrize("path", [f"{GUIDE}/historique/", f"ar/{GUIDE}/historique/",
                                  f"{GUIDE}/", f"ar/{GUIDE}/"])
def test_history_pages_in_a_browser(browser, base_url, path):
    """The pages with the differences, on a 360 px screen: no WCAG 2.2 A/AA violation (axe),
    nothing scrolling sideways, no console error, and no request for anything but the page's
    own files (the feed's link in the head makes the theme fetch nothing)."""
    from axe_playwright_python.sync_playwright import Axe

    from conftest import PageWatch
    from test_browser import WCAG_22_AA

    context = browser.new_context(viewport={"width": 360, "height": 800})
    try:
        tab = context.new_page()
        watch = PageWatch(base_url)
        tab.on("request", watch.on_request)
        tab.on("console", watch.on_console)
        tab.goto(base_url + path)
        tab.wait_for_load_state("networkidle")
        assert not watch.console_errors and not watch.foreign_requests
        assert not [u for u in watch.requests if "sitemap" in u or "mises-a-jour" in u], \
            watch.requests
        overflow = tab.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, overflow
        results = Axe().run(tab, options={"runOnly": {"type": "tag", "values": WCAG_22_AA}})
        assert not results.response["violations"], results.generate_report()
        if "historique" in path:
            # Removed words are struck through, added ones underlined: not colour alone.
            styles = tab.evaluate("""() => ['ins', 'del'].map(t => {
                const e = document.querySelector('.ps-diff ' + t);
                return getComputedStyle(e).textDecorationLine; })""")
            assert styles == ["underline", "line-through"], styles
            # Inside a changed passage, the words for screen readers are not shown.
            sizes = tab.evaluate("""() => [...document.querySelectorAll('.ps-sr')].map(e => {
                const r = e.getBoundingClientRect(); return [r.width, r.height]; })""")
            assert all(w <= 1 and h <= 1 for w, h in sizes), sizes
            if not path.startswith("ar/"):
                assert sizes  # the French text has a changed passage
    finally:
        context.close()


def test_history_pages_are_valid_html(site):
    from test_html_validity import errors, validate

    pages = [site / f"{GUIDE}/historique/index.html", site / f"ar/{GUIDE}/historique/index.html"]
    found = errors(validate(pages))
    assert not found, found



def test_a_table_of_contents_label_without_its_toggle_loses_its_target():
    from polesocial.web import document

    outside_menu = '<label class="md-nav__title" for="__toc">Sommaire</label>'
    assert document.drop_dangling_toc_label(outside_menu) == \
        '<label class="md-nav__title">Sommaire</label>'
    in_menu = '<input id="__toc" type="checkbox">' + outside_menu
    assert document.drop_dangling_toc_label(in_menu) == in_menu


def test_the_theme_ignores_feed_links(site):
    """The theme fetches a sitemap.xml next to each <link rel="alternate">: the feed's is left
    out, the language alternates it is meant for are not."""
    from polesocial.web import theme_bundle

    bundle = next((site / "assets/javascripts").glob("bundle.*.min.js")).read_text("utf-8")
    assert 'M(\'link[rel=alternate]:not([type="application/atom+xml"])\')' in bundle
    assert 'M("link[rel=alternate]")' not in bundle
    assert theme_bundle.ignore_feeds(bundle) == bundle


# --- The shipped documents -----------------------------------------------------------------------

def test_every_shipped_document_has_its_history_the_strategy_included(served_site):
    """The real sources, built: every document with versions, the strategy first (its versions
    once went into another field of the model when two branches met, and it had no history),
    has its dates under its title, its history page in both languages, its current PDF at its
    versioned address, and a colophon that gives the history's address."""
    from polesocial.strategy.render import page_url

    real, base = served_site
    loaded = publication.load(ROOT, problems.Report(ROOT))
    assert loaded.strategy.history and not loaded.strategy.review
    keys = [t.key for t in loaded.tracked]
    assert keys[0] == "strategie-4plus4"
    assert len(keys) == 1 + len(loaded.documents) + len(loaded.campaigns), keys
    for tracked in loaded.tracked:
        for prefix in ("", "ar/"):
            history_page = real / prefix / page_url(tracked.history_page) / "index.html"
            assert history_page.is_file(), history_page
            document = (real / prefix / page_url(tracked.page) / "index.html").read_text("utf-8")
            assert '<p class="ps-history-dates">' in document, (prefix, tracked.page)
    for lang in ("fr", "ar"):
        current = real / "pdf" / f"strategie-4plus4-{lang}.pdf"
        assert (real / "pdf" / f"strategie-4plus4-v0.1-{lang}.pdf").read_bytes() == \
            current.read_bytes()
        url = f"{base}{'ar/' if lang == 'ar' else ''}strategie/historique/"
        colophon = pypdf.PdfReader(current).pages[1]
        links = [a.get_object()["/A"]["/URI"] for a in colophon.get("/Annots", [])]
        assert url in links, links
