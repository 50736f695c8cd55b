"""Translation freshness for what is not a guide: an action of the strategy, a campaign
message, a hand-written page. Editing the French makes `make check` name the item, its place
and the command to run; the Arabic page and PDF say the translation is under review until the
command is run; the status page counts items and lists the proposed terms."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import unicodedata

import pypdf
import pytest

from conftest import ROOT, build, check, edit, polesocial
from polesocial import print as printing
from polesocial import problems, publication, translations

# Every test here shares the edited copy's build: one test process runs them all
# (pytest-xdist's --dist loadfile, pyproject.toml).

ACTION_FR = "Elaborer une charte de complémentarité entre les composantes du Pôle social, dont"
MESSAGE_FR = "La violence n’est jamais une affaire privée"
PAGE_FR = "Ce site est l’espace de publication du Pôle social"
REVIEW = "الترجمة قيد المراجعة"


def arabic_line(project, file: str, after: str) -> int:
    """The line of the first ``ar:`` key after the text ``after``."""
    text = (project / file).read_text(encoding="utf-8")
    start = text.index(after)
    return text.count("\n", 0, text.index("ar: ", start)) + 1


@pytest.fixture(scope="module")
def edited(tmp_path_factory):
    """A copy of the project where the French of A1.2.2, of the first public message of the
    violence-femmes campaign and of the "À propos" page changed, and nothing else."""
    from conftest import copy_project

    project = copy_project(tmp_path_factory.mktemp("edited") / "project")
    edit(project / "strategy/strategy.yml", ACTION_FR,
         ACTION_FR.replace("Elaborer une charte", "Élaborer et adopter une charte"))
    with open(project / "strategy/corrections.yml", "a", encoding="utf-8") as corrections:
        corrections.write('  - where: A1.2.2\n    original: "Elaborer une charte"\n'
                          '    corrected: "Élaborer et adopter une charte"\n'
                          '    reason: "essai"\n')  # the strategy's French is the source's
    edit(project / "campaigns/violence-femmes.yml", MESSAGE_FR,
         MESSAGE_FR.replace("affaire privée", "affaire seulement privée"))
    edit(project / "docs/fr/a-propos.md", PAGE_FR,
         PAGE_FR.replace("l’espace de publication", "l’espace officiel de publication"))
    return project


def test_shipped_sources_record_every_translation():
    report = problems.Report(ROOT)
    states = translations.check(ROOT, report)
    assert len(states) > 200 and not report.problems, [p.format() for p in report.sorted()]


def test_each_edited_french_item_is_reported_with_its_id_place_and_command(edited):
    code, err = check(edited)
    assert code == 0  # warnings: the site is still published, marked "under review"
    expected = [
        ("strategy/strategy.yml", arabic_line(edited, "strategy/strategy.yml", "id: A1.2.2"),
         "A1.2.2", "make translated DOC=strategy/strategy.yml ITEMS=A1.2.2"),
        ("campaigns/violence-femmes.yml",
         arabic_line(edited, "campaigns/violence-femmes.yml", "affaire seulement privée"),
         "public-1", "make translated DOC=campaigns/violence-femmes.yml ITEMS=public-1"),
        ("docs/ar/a-propos.md", 1, "page", "make translated DOC=docs/ar/a-propos.md"),
    ]
    for file, line, item, command in expected:
        assert re.search(rf"^{re.escape(file)}:{line}:\d+: avertissement \[{re.escape(item)}\]: "
                         r"le texte français a changé depuis sa traduction arabe.*lancez : "
                         rf"{re.escape(command)}$", err, re.M), (item, err)
    assert "3 avertissement(s)" in err
    arabic = polesocial("check", root=edited, lang="ar").stderr
    assert ": تنبيه [A1.2.2]: تغيّر النص الفرنسي بعد ترجمته العربية" in arabic


def test_the_printed_command_works_as_typed_from_the_repository_root(tmp_path):
    """The command of the warning, typed as printed, in the project's folder: the item is then
    current, and only it."""
    from conftest import copy_project

    project = copy_project(tmp_path / "project")
    # The project folder as an editor has it: its Makefile and .venv (the repository's).
    for name in ("Makefile", "requirements.txt", "pyproject.toml"):
        shutil.copy2(ROOT / name, project / name)
    (project / ".venv").symlink_to(ROOT / ".venv")
    edit(project / "strategy/strategy.yml", ACTION_FR, ACTION_FR.replace("Elaborer", "Préparer"))
    edit(project / "campaigns/violence-femmes.yml", MESSAGE_FR, MESSAGE_FR + " ni intime")
    _, err = check(project)
    commands = re.findall(r"lancez : (make translated .*)$", err, re.M)
    assert len(commands) == 2, err
    command = next(c for c in commands if "strategy/strategy.yml" in c)
    result = subprocess.run(shlex.split(command), cwd=project, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "A1.2.2" in result.stdout
    _, err = check(project)
    assert "[A1.2.2]" not in err and "[public-1]" in err and "1 avertissement(s)" in err
    # A wrong item or file is refused with a clear message, nothing written.
    before = (project / "translations.yml").read_bytes()
    wrong = polesocial("translated", "strategy/strategy.yml", "A9.9", root=project)
    assert wrong.returncode == 1
    assert "« A9.9 » n’est pas un élément de ce fichier" in wrong.stderr
    wrong = polesocial("translated", "campaigns/inconnue.yml", root=project)
    assert wrong.returncode == 1 and "n’est ni un document" in wrong.stderr
    assert (project / "translations.yml").read_bytes() == before


@pytest.fixture(scope="module")
def edited_site(edited, tmp_path_factory):
    return build(edited, tmp_path_factory.mktemp("edited-site") / "site")


def test_the_arabic_pages_say_the_translation_is_under_review(edited_site):
    axis = (edited_site / "ar/strategie/axe-1/index.html").read_text(encoding="utf-8")
    assert f'<p class="admonition-title">{REVIEW}</p>' in axis
    item = axis.split('<li id="a1-2-2">', 1)[1].split("</li>", 1)[0]
    assert f'<span class="ps-review">{REVIEW}</span>' in item
    assert axis.count('class="ps-review"') == 1  # only the edited action
    campaign = (edited_site / "ar/campagnes/violence-femmes/index.html").read_text("utf-8")
    assert f'<p class="admonition-title">{REVIEW}</p>' in campaign
    message = campaign.split("العنف ليس أبدا شأنا خاصا", 1)[1].split("</li>", 1)[0]
    assert REVIEW in message and campaign.count('class="ps-review"') == 1
    page = (edited_site / "ar/a-propos/index.html").read_text(encoding="utf-8")
    title = page.index("<h1")
    assert title < page.index(f'<p class="admonition-title">{REVIEW}</p>')
    # The French pages, and the Arabic pages of untouched items, say nothing.
    for path in ("strategie/axe-1/index.html", "campagnes/violence-femmes/index.html",
                 "a-propos/index.html", "ar/strategie/axe-2/index.html",
                 "ar/campagnes/violence-enfants/index.html", "ar/index.html"):
        html = (edited_site / path).read_text(encoding="utf-8")
        assert "ps-review" not in html and REVIEW not in html, path


def test_the_arabic_pdf_says_the_action_is_under_review(edited, tmp_path):
    loaded = publication.load(edited, problems.Report(edited))
    books = [b for b in loaded.books("https://pole-social.example/")
             if getattr(b, "id", "") == "strategie-4plus4"]
    results = printing.Printer(edited, cache=tmp_path).build(books, progress=lambda *_: None)
    readers = {r.lang: pypdf.PdfReader(tmp_path / r.file_name) for r in results}

    def text(pages):
        return unicodedata.normalize("NFKC", " ".join(page.extract_text() for page in pages))

    def words_of(value: str) -> set[str]:
        return set(re.findall(r"[^\W\d_]+", value))

    words = words_of(REVIEW)
    # The cover names the item under review.
    cover = text(readers["ar"].pages[:1])
    assert "A1.2.2" in cover and words <= words_of(cover), cover
    # The action itself carries the mark: the last A1.2.2 whose text follows, up to A1.3.
    arabic = text(readers["ar"].pages)
    segments = [arabic[m.start():].split("A1.3", 1)[0]
                for m in re.finditer(r"A1\.2\.2(?![\d.])", arabic)]
    action = [s for s in segments if {"ترسيخ", "ثقافة"} <= words_of(s)][-1]
    assert all(word in action for word in words), action  # the mark may touch the text
    # The French PDF says nothing of it.
    assert not words & words_of(text(readers["fr"].pages))


def test_the_status_page_counts_items_and_lists_the_proposed_terms(edited_site, edited):
    loaded = publication.load(edited, problems.Report(edited))
    proposed = [t for t in loaded.strategy.glossary if not t.verified]
    tracked = len(loaded.translation_states) + len(loaded.documents)
    for prefix, review, count, summary in (
            ("", "en révision : A1.2.2", "{n} à jour, 1 en révision", "Éléments suivis : {n} "),
            ("ar/", "قيد المراجعة: A1.2.2", "{n} محيَّنة، 1 قيد المراجعة",
             "العناصر المتتبَّعة: {n} ")):
        html = (edited_site / prefix / "etat-des-traductions/index.html").read_text("utf-8")
        text = plain(html)  # French typography puts narrow no-break spaces before colons
        assert review in text and "public-1" in text
        axis1 = sum(1 for s in loaded.translation_states
                    if s.file == "strategy/strategy.yml" and s.id.startswith("A1"))
        assert count.format(n=axis1 - 1) in text
        # The summary counts items (3 under review), not files.
        assert summary.format(n=tracked) in text, text[:2000]
        assert html.count('id="termes-proposes"') == 1
        # Hand-written pages named by their title in the page's language, not their file.
        home, editors = ("Accueil", "Guide des éditeurs") if not prefix \
            else ("الرئيسية", "دليل المحررين")
        assert f'<a href="../">{home}</a>' in html
        assert f'<a href="../guide-des-editeurs/">{editors}</a>' in html
        # Each proposed term in both languages, the other language's marked as such (read
        # aloud in its language; a French phrase with a comma keeps its order in Arabic).
        rows = {found[0]: found[1:] for found in re.findall(
            r'<a href="[^"]*glossaire/#([a-z0-9-]+)">(.*?)</a></td>\s*<td>(.*?)</td>', html, re.S)}
        other, marked = ("ar", '<span lang="ar" dir="rtl">') if not prefix \
            else ("fr", '<span lang="fr" dir="ltr">')
        for term in proposed:
            assert term.id in rows, term.id
            cells = dict(zip(("fr", "ar"), rows[term.id]))
            for code in ("fr", "ar"):
                assert plain(cells[code]) == plain(getattr(term, code)), (term.id, cells)
            assert cells[other].startswith(marked) and cells[other].endswith("</span>") \
                and cells[other].count("<span") == 1, (term.id, cells)


def plain(fragment: str) -> str:
    """What a reader reads: no tags, entities decoded, any space one space."""
    import html as html_lib

    return " ".join(html_lib.unescape(re.sub(r"<[^>]+>", "", fragment))
                    .replace("\u202f", " ").replace("\u00a0", " ").split())
