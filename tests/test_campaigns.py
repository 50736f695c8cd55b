"""Awareness campaigns: data rules, pages, print kits with working QR codes, sharing previews."""

from __future__ import annotations

import math
import re
import shutil
import subprocess
import tempfile
from collections import Counter
from pathlib import Path

import pypdf
import pypdfium2
import pytest
import segno
from PIL import Image

from conftest import ROOT, polesocial
from polesocial import campaigns, problems, publication
from polesocial.web import urls
from polesocial.print import Printer
from polesocial.print.poster import FORMATS, PRINTED, QR_BORDER, VARIANTS, Poster

PAGE_SIZES = {"a3": (842, 1191), "a4": (595, 842), "a5": (420, 595)}  # points
BIDI = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
WORDS = re.compile(r"[^\W\d_]+|\d+")


@pytest.fixture(scope="module")
def published():
    loaded = publication.load(ROOT, problems.Report(ROOT))
    assert loaded is not None
    return loaded


def words(value: str) -> Counter:
    import unicodedata
    return Counter(WORDS.findall(BIDI.sub("", unicodedata.normalize("NFKC", value))))


def decode_qr(pdf: Path) -> list[str]:
    """Every QR code on the PDF's page, read from a 300 dpi image by zbarimg (zbar-tools)."""
    assert shutil.which("zbarimg"), "zbarimg missing: make test installs Debian's zbar-tools"
    page = pypdfium2.PdfDocument(pdf)[0]
    image = page.render(scale=300 / 72).to_pil()
    with tempfile.NamedTemporaryFile(suffix=".png") as png:
        image.save(png.name)
        out = subprocess.run(["zbarimg", "--raw", "-q", "-Sdisable", "-Sqrcode.enable",
                              png.name], capture_output=True, text=True)
    return sorted(out.stdout.split())


def test_five_campaigns_from_the_strategy(published):
    ids = {c.id for c in published.campaigns}
    assert ids == {"violence-femmes", "violence-enfants", "personnes-agees",
                   "handicap-inclusion", "solidarite-benevolat"}
    for campaign in published.campaigns:
        assert campaign.actions and campaign.public and campaign.partners
        assert campaign.contacts == ()  # none could be verified: none is published


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("fmt", PRINTED)
def test_every_poster_and_flyer(site, base_url, published, fmt, variant):
    for campaign in published.campaigns:
        path = site / "pdf" / f"{campaign.id}-{fmt}-{variant}.pdf"
        reader = pypdf.PdfReader(path)
        assert len(reader.pages) == 1, path.name
        box = reader.pages[0].mediabox
        assert (round(float(box.width)), round(float(box.height))) == PAGE_SIZES[fmt]
        for font in reader.pages[0]["/Resources"]["/Font"].values():
            descriptor = font.get_object()["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            assert "/FontFile2" in descriptor or "/FontFile3" in descriptor
        text = reader.pages[0].extract_text()
        langs = ("fr", "ar") if variant == "bi" else (variant,)
        for lang in langs:
            for field in (campaign.title, campaign.call_to_action):
                assert not words(field[lang]) - words(text), (path.name, field[lang])
        expected = sorted(f"{base_url}{'ar/' if lang == 'ar' else ''}campagnes/{campaign.id}/"
                      for lang in langs)
        assert decode_qr(path) == expected, path.name


def test_text_on_posters_is_at_least_12_points(site):
    sizes = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            sizes.append(size * math.hypot(tm[0], tm[1]) * math.hypot(cm[0], cm[1]))

    for path in sorted((site / "pdf").glob("violence-femmes-a*-*.pdf")):
        pypdf.PdfReader(path).pages[0].extract_text(visitor_text=visit)
    assert sizes and min(sizes) >= 11.9, min(sizes)


def test_qr_codes_are_m_level_with_a_quiet_zone_and_print_at_least_2_cm(base_url, published):
    for campaign in published.campaigns:
        for lang in ("fr", "ar"):
            url = urls.page_url(base_url, lang, f"campagnes/{campaign.id}/")
            code = segno.make(url, error="m", micro=False, boost_error=False)
            assert code.error == "M"
            modules = code.symbol_size(border=0)[0]
            for fmt in PRINTED:
                width_cm = float(FORMATS[fmt][3].removesuffix("cm"))
                assert width_cm * modules / (modules + 2 * QR_BORDER) >= 2.0, (fmt, url)


def test_layouts_hold_the_longest_texts_the_rules_allow(tmp_path):
    from datetime import datetime, timezone
    fr = {"title": "Titre " + "x" * 39, "public": ("Message " * 14)[:110],
          "cta": ("Agissez " * 9)[:70], "tag": "#" + "X" * 29}
    ar = {"title": "عنوان " + "ب" * 39, "public": ("رسالة طويلة " * 10)[:110],
          "cta": ("تحركوا الآن " * 6)[:70], "tag": "#" + "ع" * 29}
    assert len(fr["title"]) == campaigns.LIMITS["title"]
    posters = [Poster("essai", fmt, variant, {"fr": fr["title"], "ar": ar["title"]},
                      {"fr": fr["public"], "ar": ar["public"]},
                      {"fr": fr["cta"], "ar": ar["cta"]}, {"fr": fr["tag"], "ar": ar["tag"]},
                      {"fr": "https://pole-social.example/campagnes/handicap-inclusion/",
                       "ar": "https://pole-social.example/ar/campagnes/handicap-inclusion/"},
                      True, datetime(2026, 1, 1, tzinfo=timezone.utc))
               for fmt in PRINTED + ("preview",) for variant in VARIANTS
               if fmt != "preview" or variant != "bi"]
    results = Printer(ROOT, cache=tmp_path, jobs=2).build(posters, progress=lambda line: None)
    overflowing = [r.file_name for r in results if r.pages != 1]
    assert not overflowing, overflowing


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_previews_are_1200_by_630_and_announced_on_every_page(site, base_url, published, lang):
    prefix = "ar/" if lang == "ar" else ""
    locale = {"fr": "fr_MA", "ar": "ar_MA"}[lang]
    for page in [p for p in site.rglob("index.html")
                 if (p.relative_to(site).parts[0] == "ar") == (lang == "ar")]:
        html = page.read_text(encoding="utf-8")
        assert f'<meta property="og:locale" content="{locale}">' in html, page
        assert '<meta name="twitter:card" content="summary_large_image">' in html, page
        image = re.search(r'<meta property="og:image" content="([^"]+)">', html).group(1)
        assert image.startswith(base_url)
        assert (site / image.removeprefix(base_url)).is_file(), image
    for campaign in published.campaigns:
        html = (site / prefix / "campagnes" / campaign.id / "index.html").read_text("utf-8")
        image = f"{base_url}social/{campaign.id}-apercu-{lang}.png"
        assert f'<meta property="og:image" content="{image}">' in html
        with Image.open(site / "social" / f"{campaign.id}-apercu-{lang}.png") as picture:
            assert picture.size == (1200, 630)


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_campaign_pages_offer_their_kit(site, published, lang):
    prefix = "ar/" if lang == "ar" else ""
    for campaign in published.campaigns:
        html = (site / prefix / "campagnes" / campaign.id / "index.html").read_text("utf-8")
        links = re.findall(r'href="\.\./\.\./(?:\.\./)?pdf/([^"]+)"', html)
        assert sorted(links) == sorted(f"{campaign.id}-{f}-{v}.pdf"
                                       for f in PRINTED for v in VARIANTS), campaign.id
        assert campaign.call_to_action[lang] in html


# --- Contacts and limits ----------------------------------------------------------------------

def set_contacts(project, block: str) -> int:
    path = project / "campaigns/violence-femmes.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("contacts: []", "contacts:\n" + block), encoding="utf-8")
    return text[:text.index("contacts: []")].count("\n") + 2


def test_contact_without_source_or_date_is_refused(project):
    line = set_contacts(project, '  - label: {fr: "Ligne d’écoute", ar: "خط الإنصات"}\n'
                                 '    value: "0000"\n')
    result = polesocial("check", root=project)
    assert result.returncode == 1
    assert f"campaigns/violence-femmes.yml:{line}:5: erreur [contacts[0]]: ce contact n’a pas " \
           "de source ou de date de vérification" in result.stderr


def test_contact_verified_more_than_a_year_ago_is_refused(project):
    line = set_contacts(project, '  - label: {fr: "Ligne d’écoute", ar: "خط الإنصات"}\n'
                                 '    value: "0000"\n    source: "Annuaire"\n'
                                 '    verified_on: 2025-01-01\n') + 3
    result = polesocial("check", root=project, SOURCE_DATE_EPOCH="1798761600")  # 2027-01-01
    assert result.returncode == 1
    assert f"campaigns/violence-femmes.yml:{line}:5: erreur [contacts[0].verified_on]: ce " \
           "contact a été vérifié le 2025-01-01, il y a plus d’un an" in result.stderr


def test_recently_verified_contact_is_published(project, tmp_path):
    set_contacts(project, '  - label: {fr: "Ligne d’écoute", ar: "خط الإنصات"}\n'
                          '    value: "0000"\n    source: "Annuaire"\n'
                          '    verified_on: 2026-11-01\n')
    result = polesocial("build", "--site-dir", str(tmp_path / "site"), root=project,
                        SOURCE_DATE_EPOCH="1796083200")  # 2026-12-01
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "site/campagnes/violence-femmes/index.html").read_text("utf-8")
    assert "source : Annuaire, vérifié le 2026-11-01" in html


def test_title_too_long_for_a_poster(project):
    path = project / "campaigns/violence-femmes.yml"
    text = path.read_text(encoding="utf-8")
    old = 'title: {fr: "Non à la violence à l’égard des femmes"'
    line = text[:text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, 'title: {fr: "' + "Très long " * 6 + '"'), "utf-8")
    result = polesocial("check", root=project)
    assert result.returncode == 1
    assert f"campaigns/violence-femmes.yml:{line}:9: erreur [title.fr]: ce texte fait 60 " \
           "caractères : une affiche n’en porte que 45" in result.stderr


def test_a_new_campaign_is_scaffolded_with_every_field_explained(project, tmp_path):
    result = polesocial("new-campaign", "droits-enfants", root=project)
    assert result.returncode == 0, result.stderr
    assert "campaigns/droits-enfants.yml" in result.stdout and "make check" in result.stdout
    text = (project / "campaigns/droits-enfants.yml").read_text(encoding="utf-8")
    assert "# contacts:" in text and "verified_on:" in text  # the commented contact example
    assert "- campagnes/droits-enfants.md" in (project / "mkdocs.yml").read_text()
    result = polesocial("check", root=project)
    assert "campaigns/droits-enfants.yml:9:" in result.stderr  # the title is a placeholder
    assert result.stderr.count("texte de modèle encore à remplacer") == 16
    # The home pages still say five campaigns: check says which lines to update.
    assert "docs/fr/index.md:71:4: erreur: la page dit « Cinq campagnes », mais les données " \
        "en comptent 6" in result.stderr
    assert polesocial("new-campaign", "droits-enfants", root=project).returncode == 1
    assert (project / "mkdocs.yml").read_text().count("campagnes/droits-enfants.md") == 1


def test_a_generated_page_missing_from_the_menu_is_told_at_its_data_file(project):
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "      - campagnes/violence-enfants.md\n", ""), encoding="utf-8")
    result = polesocial("check", root=project)
    assert ("campaigns/violence-enfants.yml: avertissement: sa page "
            "(campagnes/violence-enfants.md) n’est pas dans le menu") in result.stderr
    assert "ajoutez la ligne « - campagnes/violence-enfants.md »" in result.stderr
    assert "docs/fr/campagnes" not in result.stderr
