"""Links between publications (polesocial/links.py): one syntax (guide:…, charte:, campagne:…,
strategie:…), checked with file:line, resolved on the site to the page and in the PDFs to the
page's absolute address; plain relative links never become file: addresses in a PDF."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from conftest import build, check, copy_project, edit
from polesocial import problems, publication
from polesocial.print import Printer

LINKS = ("Voir [la médiation](guide:mediation-sociale-familiale), "
         "[ses étapes](guide:mediation-sociale-familiale#etapes), [la charte](charte:), "
         "[la campagne](campagne:violence-femmes), [l’action](strategie:A3.3.1) et "
         "[à propos](../a-propos.md).")


@pytest.fixture
def linked(tmp_path):
    project = copy_project(tmp_path / "project")
    edit(project / "guides/benevolat/fr.md", "## Objet et public du guide",
         f"{LINKS}\n\n## Objet et public du guide")
    return project


def test_links_lead_to_the_pages_on_the_site(linked, tmp_path):
    html = (build(linked, tmp_path / "site") / "guides/benevolat/index.html").read_text("utf-8")
    for text, href in (("la médiation", "../mediation-sociale-familiale/"),
                       ("ses étapes", "../mediation-sociale-familiale/#etapes"),
                       ("la charte", "../../charte/"),
                       ("la campagne", "../../campagnes/violence-femmes/"),
                       ("l’action", "../../strategie/axe-3/#a3-3-1"),
                       ("à propos", "../../a-propos/")):
        assert f'<a href="{href}">{text}</a>' in html, text


def test_links_are_absolute_addresses_in_the_pdf(linked, tmp_path):
    loaded = publication.load(linked, problems.Report(linked))
    book = next(b for b in loaded.books("https://www.example.ma/")
                if b.file_name == "guide-benevolat-fr.pdf")
    result, = Printer(linked, cache=tmp_path / "cache", jobs=1).build(
        [book], progress=lambda line: None)
    uris = set()
    for page in PdfReader(tmp_path / "cache" / result.file_name).pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            if action is not None and "/URI" in action:
                uris.add(str(action["/URI"]))
    assert {"https://www.example.ma/guides/mediation-sociale-familiale/",
            "https://www.example.ma/guides/mediation-sociale-familiale/#etapes",
            "https://www.example.ma/charte/",
            "https://www.example.ma/campagnes/violence-femmes/",
            "https://www.example.ma/strategie/axe-3/#a3-3-1",
            "https://www.example.ma/a-propos/"} <= uris
    assert not [uri for uri in uris if not uri.startswith("https://www.example.ma/")]


def test_a_misspelt_target_is_reported_with_the_closest_even_among_other_errors(project):
    text = "Voir [x](guide:benevolet) et [y](campagne:violence-femme)."
    line = edit(project / "guides/benevolat/fr.md", "## Objet et public du guide",
                f"{text}\n\n## Objet et public du guide")
    edit(project / "guides/benevolat/guide.yml", 'version: "0.1"', "version: bientôt")
    code, err = check(project)
    assert code == 1
    column = text.index("guide:benevolet") + 1
    assert (f"guides/benevolat/fr.md:{line}:{column}: erreur: le lien vise « guide:benevolet », "
            "qui n’existe pas (les plus proches : guide:benevolat)") in err
    column = text.index("campagne:") + 1
    assert (f"guides/benevolat/fr.md:{line}:{column}: erreur: le lien vise "
            "« campagne:violence-femme », qui n’existe pas (les plus proches : "
            "campagne:violence-femmes") in err
    assert "la version « bientôt »" in err


def test_a_missing_section_is_reported(project):
    text = "Voir [y](guide:mediation-sociale-familiale#nulle-part), pas `[z](guide:exemple)`."
    line = edit(project / "guides/benevolat/fr.md", "## Objet et public du guide",
                f"{text}\n\n## Objet et public du guide")
    code, err = check(project)
    assert code == 1
    column = text.index("guide:") + 1
    assert (f"guides/benevolat/fr.md:{line}:{column}: erreur: le lien vise la section "
            "« #nulle-part » de « guide:mediation-sociale-familiale »") in err
    assert "guide:exemple" not in err  # an example in code is not a link
    assert err.count("erreur:") == 1


def test_a_published_text_linking_to_a_draft_is_warned(project):
    line = edit(project / "docs/fr/a-propos.md", "## Qui publie",
                "Lire [le guide](guide:benevolat).\n\n## Qui publie")
    code, err = check(project)
    assert code == 0
    assert (f"docs/fr/a-propos.md:{line}:17: avertissement: ce texte publié renvoie à "
            "« guide:benevolat », qui n’est encore qu’un projet") in err
    code, _ = check(project, "--strict")
    assert code == 1


def test_links_in_hand_written_pages_lead_to_the_pages_in_both_languages(project, tmp_path):
    """A hand-written page's links are resolved too, in French and in Arabic (two hooks of the
    same name once replaced one another, and the link stayed "guide:benevolat")."""
    edit(project / "docs/fr/a-propos.md", "## Qui publie",
         "Lire [le guide](guide:mediation-sociale-familiale).\n\n## Qui publie")
    edit(project / "docs/ar/a-propos.md", "## ", "اقرؤوا [الدليل](guide:mediation-sociale-familiale).\n\n## ")
    site = build(project, tmp_path / "site")
    for page, text in (("a-propos/index.html", "le guide"), ("ar/a-propos/index.html", "الدليل")):
        html = (site / page).read_text(encoding="utf-8")
        assert f'<a href="../guides/mediation-sociale-familiale/">{text}</a>' in html, page
        assert "guide:" not in html.split("<article", 1)[1], page
