"""Reference guides and the charter: metadata, pages, links with the strategy, drafts, PDFs,
translation tracking, and the skeleton command."""

from __future__ import annotations

import re

import pypdf
import pytest

from conftest import ROOT, build, check, edit, polesocial
from polesocial import guides, problems, publication
from polesocial import print as printing

GUIDE = "guides/benevolat"


@pytest.fixture(scope="module")
def published():
    loaded = publication.load(ROOT, problems.Report(ROOT))
    assert loaded is not None
    return loaded


# --- The shipped documents --------------------------------------------------------------------

def test_four_guides_and_the_charter_in_both_languages(published):
    kinds = [(d.kind, d.id) for d in published.documents]
    assert len([k for k in kinds if k[0] == "guide"]) >= 4
    assert ("charter", "charte-complementarite") in kinds
    for document in published.documents:
        minimum = 1500 if document.kind == "guide" else 1000
        for lang in ("fr", "ar"):
            assert guides.word_count(document.bodies[lang]) >= minimum, (document.id, lang)
        anchors = {lang: re.findall(r"^##\s.*\{#([\w-]+)\}", document.bodies[lang], re.M)
                   for lang in ("fr", "ar")}
        assert anchors["fr"] == anchors["ar"] and anchors["fr"], document.id
        assert document.draft and document.translation == "current", document.id


def test_no_guide_presents_loi_14_05_as_in_force(published):
    """Every section that names loi 14-05 (which the strategy cites) also names 65-15, the law
    that replaced it."""
    for document in published.documents:
        for lang, body in document.bodies.items():
            for section in re.split(r"^## ", body, flags=re.M):
                if re.search(r"14[-.]05", section):
                    assert re.search(r"65[-.]15", section), (document.id, lang, section[:200])


# --- Validation -------------------------------------------------------------------------------

def test_missing_language(project):
    (project / GUIDE / "ar.md").unlink()
    code, err = check(project)
    assert code == 1
    assert "guides/benevolat/ar.md: erreur: le texte arabe de ce document manque" in err


def test_unknown_action_identifier(project):
    line = edit(project / GUIDE / "guide.yml", "actions: [A3.3.1,", "actions: [A3.9.1,")
    code, err = check(project)
    assert code == 1
    assert f"guides/benevolat/guide.yml:{line}:11: erreur [actions[0]]: « A3.9.1 » n’est pas " \
           "défini dans strategy/strategy.yml" in err


def test_bad_status(project):
    line = edit(project / GUIDE / "guide.yml", "status: draft", "status: final")
    code, err = check(project)
    assert code == 1
    assert f"guides/benevolat/guide.yml:{line}:1: erreur [status]: statut « final » inconnu — " \
           "Correction : statuts possibles : draft, published." in err


def test_identifier_must_match_the_folder_and_the_date_be_readable(project):
    id_line = edit(project / GUIDE / "guide.yml", "id: benevolat", "id: volontariat")
    date_line = edit(project / GUIDE / "guide.yml", 'date: "2026-11-29"', 'date: "29/11/2026"')
    code, err = check(project)
    assert code == 1
    assert f"guides/benevolat/guide.yml:{id_line}:1: erreur [id]: l’identifiant « volontariat » " \
           "doit être le nom du dossier" in err
    assert f"guides/benevolat/guide.yml:{date_line}:1: erreur [date]: date « 29/11/2026 » " \
           "illisible" in err


def test_body_rules_html_title_and_strategy_links(project):
    body = project / GUIDE / "fr.md"
    text = body.read_text(encoding="utf-8")
    line3 = "<script>alert(1)</script> Voir [ceci](strategie:A9.9.9)."
    body.write_text(f"# Un titre\n\n{line3}\n\n" + text, encoding="utf-8")
    code, err = check(project)
    assert code == 1
    assert "guides/benevolat/fr.md:1:1: erreur: titre de niveau 1" in err
    assert "guides/benevolat/fr.md:3:1: erreur: balisage HTML « <script> »" in err
    column = line3.index("strategie:") + 1
    assert f"guides/benevolat/fr.md:3:{column}: erreur: le lien vise « strategie:A9.9.9 »" in err


def test_a_version_is_read_as_written(project, tmp_path):
    """1.10 is the tenth revision of version 1, not 1.1: quoted or not, it stays text."""
    edit(project / GUIDE / "guide.yml", 'version: "0.1"', "version: 1.10")
    edit(project / GUIDE / "guide.yml", '  - version: "0.1"', "  - version: 1.10")  # history
    site = build(project, tmp_path / "site")
    for page, words in (("guides/benevolat", "Version 1.10"), ("ar/guides/benevolat",
                                                                 "الإصدار 1.10")):
        text = re.sub(r"<[^>]+>", "", (site / page / "index.html").read_text(encoding="utf-8"))
        assert words in text, page


# --- Pages ------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_every_guide_is_in_the_index_by_audience_and_by_axis(site, published, lang):
    prefix = "ar/" if lang == "ar" else ""
    html = (site / prefix / "guides/index.html").read_text(encoding="utf-8")
    sections = dict(re.findall(r'<h2 id="([\w-]+)">(.*?)(?=<h2 |</article>)', html, re.S))
    for guide in published.guides:
        link = f'href="{guide.id}/"'
        assert link in sections["tous"], guide.id
        assert link in sections["par-public"] and link in sections["par-axe"], guide.id
        for group in guide.audiences:
            public = sections["par-public"].split(f'id="public-{group}"', 1)[1].split("<h3", 1)[0]
            assert link in public, (guide.id, group)


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_strategy_action_pages_link_back_to_the_documents_that_serve_them(site, published, lang):
    prefix = "ar/" if lang == "ar" else ""
    for document in published.documents:
        for action in document.actions:
            part = published.strategy.part_of(action)
            page = (site / prefix / "strategie" / f"{'axe' if part.kind == 'axis' else 'mesure'}"
                    f"-{part.number}" / "index.html").read_text(encoding="utf-8")
            item = page.split(f'id="{action.lower().replace(".", "-")}"', 1)[1].split("</li>")[0]
            target = f"../../guides/{document.id}/" if document.kind == "guide" \
                else "../../charte/"
            assert f'href="{target}"' in item, (document.id, action, lang)


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_documents_are_marked_as_drafts_on_page_and_pdf(site, published, lang):
    prefix = "ar/" if lang == "ar" else ""
    banner = {"fr": "Document de travail", "ar": "وثيقة عمل"}[lang]
    mark = {"fr": "PROJET", "ar": "مشروع"}[lang]
    for document in published.documents:
        folder = document.page.removesuffix(".md").removesuffix("index")
        folder = folder if folder.endswith("/") else folder + "/"
        html = (site / prefix / folder / "index.html").read_text(encoding="utf-8")
        assert f'<p class="admonition-title">{banner}</p>' in html, document.id
        assert f"{document.pdf_id}-{lang}.pdf" in html
        reader = pypdf.PdfReader(site / "pdf" / f"{document.pdf_id}-{lang}.pdf")
        first = reader.pages[0].extract_text()
        assert mark in first and reader.metadata.title == document.title[lang]
        assert reader.trailer["/Root"]["/Lang"] == lang


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_status_page_lists_every_document_with_word_counts(site, published, lang):
    prefix = "ar/" if lang == "ar" else ""
    html = (site / prefix / "etat-des-traductions/index.html").read_text(encoding="utf-8")
    html = html.split("<table", 1)[1]  # the tables, not the menu
    # French typography sets a narrow no-break space before the colon of a title.
    html = html.replace("\u202f", " ").replace("\u00a0", " ")
    for document in published.documents:
        row = html.split(document.title[lang], 1)[1].split("</tr>", 1)[0]
        count = guides.word_count(document.bodies["fr"])
        assert re.search(rf"\b{count}\b", re.sub(r"<[^>]+>", "", row)), (document.id, row)
    current = {"fr": "à jour", "ar": "محيَّنة"}[lang]
    pages = list((ROOT / "docs/fr").glob("*.md"))
    assert html.count(f"<td>{current}</td>") == len(published.documents) + len(pages)


# --- Translation tracking and the commands ----------------------------------------------------

def test_changed_french_makes_the_arabic_outdated_until_marked_translated(project, tmp_path):
    body = project / GUIDE / "fr.md"
    body.write_text(body.read_text(encoding="utf-8") + "\nUne phrase ajoutée au guide.\n",
                    encoding="utf-8")
    code, err = check(project)
    assert code == 0
    assert "guides/benevolat/ar.md: avertissement: le texte français a changé depuis la " \
           "traduction arabe" in err
    assert check(project, "--strict")[0] == 1
    site = build(project, tmp_path / "site")
    page = (site / "ar/guides/benevolat/index.html").read_text(encoding="utf-8")
    assert "ترجمة غير محيَّنة" in page
    assert "ترجمة غير محيَّنة" not in \
        (site / "ar/guides/mediation-sociale-familiale/index.html").read_text(encoding="utf-8")
    status = (site / "etat-des-traductions/index.html").read_text(encoding="utf-8")
    row = status.split("<table", 1)[1].split("Accueillir des bénévoles", 1)[1].split("</tr>")[0]
    assert "à mettre à jour" in row

    result = polesocial("translated", GUIDE, root=project)
    assert result.returncode == 0 and "guides/benevolat" in result.stdout
    assert check(project, "--strict")[0] == 0


def test_the_outdated_arabic_pdf_says_so(project, tmp_path):
    body = project / GUIDE / "fr.md"
    body.write_text(body.read_text(encoding="utf-8") + "\nUne phrase ajoutée.\n",
                    encoding="utf-8")
    # The guide's two books, printed as the build prints them (the whole site's PDFs would
    # cost minutes for one cover line).
    loaded = publication.load(project, problems.Report(project))
    books = [b for b in loaded.books("https://pole-social.example/")
             if getattr(b, "id", "") == "guide-benevolat"]
    assert [b.lang for b in books] == ["fr", "ar"]
    results = printing.Printer(project, cache=tmp_path / "pdf").build(
        books, progress=lambda *_: None)
    pdfs = {r.lang: pypdf.PdfReader(tmp_path / "pdf" / r.file_name) for r in results}
    assert "تغيّر النص الفرنسي لهذه الوثيقة" in pdfs["ar"].pages[0].extract_text()
    assert "تغيّر النص الفرنسي" not in pdfs["fr"].pages[0].extract_text()


def test_new_guide_skeleton_passes_check_and_builds(project, tmp_path):
    result = polesocial("new-guide", "protection-enfance", root=project)
    assert result.returncode == 0, result.stderr
    folder = project / "guides/protection-enfance"
    assert {p.name for p in folder.iterdir()} == {"guide.yml", "fr.md", "ar.md"}
    assert "- guides/protection-enfance.md" in (project / "mkdocs.yml").read_text()
    code, err = check(project)
    assert code == 0, err  # a skeleton builds, as a draft...
    assert ("guides/protection-enfance/fr.md:1:1: avertissement: texte de modèle encore à "
            "remplacer : « Présentez ici le guide en deux ou trois phrases…") in err
    assert "guides/protection-enfance/ar.md:1:1: avertissement: texte de modèle" in err
    assert "guides/protection-enfance/guide.yml:14:8: avertissement: texte de modèle" in err
    assert err.count("texte de modèle encore à remplacer") == 2 * (1 + 7) + 4
    code, err = check(project, "--strict")
    assert code == 1  # ...but is never taken for a finished text
    site = build(project, tmp_path / "site")
    for prefix in ("", "ar/"):
        assert (site / prefix / "guides/protection-enfance/index.html").is_file()
    assert polesocial("new-guide", "protection-enfance", root=project).returncode == 1


@pytest.mark.parametrize("lang, bad_name, exists", [
    ("fr", "« Protection Enfance » : le nom d’un guide s’écrit en minuscules",
     "guides/benevolat existe déjà."),
    ("ar", "«Protection Enfance»: يُكتب اسم الدليل بحروف لاتينية صغيرة",
     "guides/benevolat موجود من قبل."),
])
def test_new_guide_refusals_are_told_in_the_editors_language(project, lang, bad_name, exists):
    result = polesocial("new-guide", "Protection Enfance", root=project, lang=lang)
    assert result.returncode == 1 and bad_name in result.stderr
    result = polesocial("new-guide", "benevolat", root=project, lang=lang)
    assert result.returncode == 1 and exists in result.stderr
