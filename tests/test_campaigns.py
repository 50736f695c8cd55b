"""Awareness campaigns: data rules, pages, print kits with working QR codes, sharing previews."""

from __future__ import annotations

import colorsys
import math
from datetime import datetime
import re
import shutil
import subprocess
import tempfile
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pypdf
import pypdfium2
import pytest
import segno
from PIL import Image

from conftest import ROOT, polesocial
from polesocial import campaigns, messages, problems, publication
from polesocial.web import urls
from polesocial.print import Printer
from polesocial.print.poster import EDITIONS, PRINTED, QR_BORDER, SCALES, VARIANTS, Poster

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


def kit_file(campaign_id: str, fmt: str, variant: str, edition: str) -> str:
    return f"{campaign_id}-{fmt}-{variant}{'-imprimeur' if edition == 'print' else ''}.pdf"


@pytest.mark.parametrize("edition", EDITIONS)
@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("fmt", PRINTED)
def test_every_poster_and_flyer(site, base_url, published, fmt, variant, edition):
    for campaign in published.campaigns:
        path = site / "pdf" / kit_file(campaign.id, fmt, variant, edition)
        reader = pypdf.PdfReader(path)
        assert len(reader.pages) == 1, path.name
        box = reader.pages[0].trimbox  # the sheet once trimmed (the MediaBox without bleed)
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
        # The address is printed beside or under each code, whole (it may break after its
        # slashes).
        flat = re.sub(r"\s+", "", BIDI.sub("", text))
        for url in expected:
            assert url in flat, (path.name, url)


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
            for scale in (SCALES[f] for f in PRINTED + tuple(f"{f}-bi" for f in PRINTED)):
                width_cm = float(scale["qr"].removesuffix("mm")) / 10
                assert width_cm * modules / (modules + 2 * QR_BORDER) >= 2.0, (scale, url)


def longest_posters() -> list:
    """Every format, variant and edition with the longest texts ``make check`` lets through."""
    from datetime import timezone
    fr = {"title": ("Titre affiché " * 4)[:45], "public": ("Message " * 14)[:110],
          "cta": ("Agissez " * 9)[:70], "tag": "#" + "X" * 29}
    ar = {"title": ("عنوان الحملة " * 4)[:45], "public": ("رسالة طويلة " * 10)[:110],
          "cta": ("تحركوا الآن " * 6)[:70], "tag": "#" + "ع" * 29}
    for key, limit in (("title", "title"), ("public", "public"), ("cta", "call_to_action"),
                       ("tag", "hashtag")):
        assert len(fr[key]) == len(ar[key]) == campaigns.LIMITS[limit], key
    return [Poster("essai", fmt, variant, {"fr": fr["title"], "ar": ar["title"]},
                   {"fr": fr["public"], "ar": ar["public"]},
                   {"fr": fr["cta"], "ar": ar["cta"]}, {"fr": fr["tag"], "ar": ar["tag"]},
                   {"fr": "https://pole-social.example/campagnes/handicap-inclusion/",
                    "ar": "https://pole-social.example/ar/campagnes/handicap-inclusion/"},
                   True, datetime(2026, 1, 1, tzinfo=timezone.utc), edition=edition,
                   pictogram="hand-heart", proof=True)
            for fmt in PRINTED + ("preview",) for variant in VARIANTS for edition in EDITIONS
            if fmt != "preview" or (variant != "bi" and edition == "screen")]


def test_layouts_hold_the_longest_texts_the_rules_allow(tmp_path):
    """The longest title, message, call to action and hashtag: one page, every line inside
    the sheet and its column, none over the QR code, on every format, variant and edition,
    previews included (the type steps down the scale as far as it must, never below 12 pt)."""
    posters = longest_posters()
    misplaced = [problem for poster in posters for problem in layout_problems(poster)]
    assert not misplaced, misplaced
    results = Printer(ROOT, cache=tmp_path, jobs=2).build(posters, progress=lambda line: None)
    overflowing = [r.file_name for r in results if r.pages != 1]
    assert not overflowing, overflowing


_FONTS: list = []  # one font configuration for every layout (as a render worker has)


def layout_problems(poster) -> list[str]:
    """Every line of text of a poster's layout that leaves the trimmed sheet, or its column, or
    that overlaps the QR code: the boxes WeasyPrint laid out for the very HTML of the PDF."""
    from weasyprint.formatting_structure import boxes

    from polesocial.print.pdf import LocalFetcher, lay_out
    from polesocial.print.pipeline import FONTS_CSS, PACKAGE, allowed_roots

    poster = poster.__class__(**{**poster.__dict__, "stylesheets": (
        (ROOT / FONTS_CSS).as_uri(), (PACKAGE / "poster.css").as_uri())})
    if not _FONTS:
        from weasyprint.text.fonts import FontConfiguration
        _FONTS.append(FontConfiguration())
    # The layout the PDF gets, type stepped down if the texts need it.
    _, document = lay_out(poster, ROOT, LocalFetcher(allowed_roots(ROOT)), _FONTS[0])
    page = document.pages[0]
    width, height = page.width, page.height
    texts, codes = [], []

    def visit(box, clip):
        if getattr(box, "style", None) is not None and box.style["overflow"] == "hidden":
            clip = (box.position_x, box.position_y, box.position_x + box.width
                    + box.padding_left + box.padding_right,
                    box.position_y + box.height + box.padding_top + box.padding_bottom)
        if isinstance(box, boxes.TextBox) and box.text.strip():
            texts.append((box.text, (box.position_x, box.position_y,
                                     box.position_x + box.width, box.position_y + box.height),
                          clip))
        if getattr(box, "element_tag", None) == "img" and "qr" in (
                box.element.get("class") or ""):
            codes.append((box.position_x, box.position_y, box.position_x + box.width,
                          box.position_y + box.height))
        for child in getattr(box, "children", ()):
            visit(child, clip)

    visit(page._page_box, None)
    problems_found = []
    for text, (x0, y0, x1, y1), clip in texts:
        slack = 0.35 * (y1 - y0)  # a line's box (the font's ascent and descent) outgrows its ink
        if x0 < -0.5 or y0 < -slack or x1 > width + 0.5 or y1 > height + slack:
            problems_found.append(f"{poster.file_name}: {text!r} outside the sheet")
        if clip and (x0 < clip[0] - 0.5 or y0 < clip[1] - slack or x1 > clip[2] + 0.5
                     or y1 > clip[3] + slack):
            problems_found.append(f"{poster.file_name}: {text!r} cut off by its column")
        for qx0, qy0, qx1, qy1 in codes:
            if x0 < qx1 and qx0 < x1 and y0 < qy1 and qy0 < y1:
                problems_found.append(f"{poster.file_name}: {text!r} over the QR code")
    return problems_found


def test_every_poster_keeps_its_text_inside_the_sheet_and_off_the_qr_code(published, base_url):
    posters = [poster for campaign in published.campaigns
               for poster in campaign.posters(base_url, datetime(2026, 1, 1))]
    misplaced = [problem for poster in posters for problem in layout_problems(poster)]
    assert not misplaced, misplaced


def footer_lines(poster) -> dict[str, list[str]]:
    """"<column's language> <class>" of each footer paragraph (qr-label, url, hashtag) -> its
    lines as laid out."""
    from weasyprint.formatting_structure import boxes

    from polesocial.print.pdf import LocalFetcher, lay_out
    from polesocial.print.pipeline import FONTS_CSS, PACKAGE, allowed_roots

    poster = poster.__class__(**{**poster.__dict__, "stylesheets": (
        (ROOT / FONTS_CSS).as_uri(), (PACKAGE / "poster.css").as_uri())})
    if not _FONTS:
        from weasyprint.text.fonts import FontConfiguration
        _FONTS.append(FontConfiguration())
    _, document = lay_out(poster, ROOT, LocalFetcher(allowed_roots(ROOT)), _FONTS[0])
    found: dict[str, list[str]] = {}

    def text(box):
        return box.text if isinstance(box, boxes.TextBox) else "".join(
            text(child) for child in getattr(box, "children", ()))

    def visit(box, panel, kind):
        element = getattr(box, "element", None)
        classes = (element.get("class") or "").split() if element is not None else []
        if "panel" in classes:
            panel = element.get("lang")
        kind = next((c for c in ("qr-label", "url", "hashtag") if c in classes), kind)
        if kind and isinstance(box, boxes.LineBox):
            found.setdefault(f"{panel} {kind}", []).append(text(box))
            return
        for child in getattr(box, "children", ()):
            visit(child, panel, kind)

    visit(document.pages[0]._page_box, None, None)
    return found


def test_footers_break_hashtags_between_words_and_keep_the_address_short(published, base_url):
    """A hashtag breaks only before a capital or after an underscore, never inside a word
    ("#التضامن_بين_ا|لأجيال" on the bilingual flyer); the QR code's label holds on two lines
    and its address on three at most (in a bilingual column, beside the QR code, they took
    three and five)."""
    wrong = []
    for campaign in published.campaigns:
        for poster in campaign.posters(base_url, datetime(2026, 1, 1)):
            if poster.edition != "screen" or poster.format not in PRINTED:
                continue
            for kind, lines in footer_lines(poster).items():
                if kind.endswith("hashtag"):
                    wrong += [f"{poster.file_name}: hashtag broken in {line!r}"
                              for line, after in zip(lines, lines[1:])
                              if not (line.endswith("_") or after[:1].isupper())]
                limit = 2 if kind.endswith("qr-label") else 3
                if not kind.endswith("hashtag") and len(lines) > limit:
                    wrong.append(f"{poster.file_name}: {kind} on {len(lines)} lines {lines}")
    assert not wrong, wrong


def test_poster_type_is_sized_for_reading_at_a_distance(site):
    """A3 headline 80-120 pt (read at 3 m); each format's title at least 3 times its text."""
    sizes = {}

    def visit(text, cm, tm, font, size):
        if text.strip():
            found.append(size * math.hypot(tm[0], tm[1]) * math.hypot(cm[0], cm[1]))

    for fmt in PRINTED:
        found: list[float] = []
        pypdf.PdfReader(site / "pdf" / f"violence-femmes-{fmt}-fr.pdf").pages[0].extract_text(
            visitor_text=visit)
        sizes[fmt] = max(found)
    assert 80 <= sizes["a3"] <= 120, sizes
    assert sizes["a3"] > sizes["a4"] > sizes["a5"] >= 36, sizes


def struct_langs(reader) -> list[str]:
    """The /Lang of every structure element of a tagged PDF."""
    found = []

    def visit(node):
        node = node.get_object()
        if isinstance(node, pypdf.generic.DictionaryObject):
            if "/Lang" in node and "/S" in node:
                found.append(str(node["/Lang"]))
            kids = node.get("/K")
            if kids is not None:
                for kid in kids if isinstance(kids, pypdf.generic.ArrayObject) else [kids]:
                    visit(kid)
    visit(reader.trailer["/Root"]["/StructTreeRoot"])
    return found


def test_the_arabic_half_of_every_bilingual_pdf_is_tagged_arabic(site, published):
    for campaign in published.campaigns:
        for fmt in PRINTED:
            reader = pypdf.PdfReader(site / "pdf" / kit_file(campaign.id, fmt, "bi", "screen"))
            assert reader.trailer["/Root"]["/Lang"] == "fr"
            langs = struct_langs(reader)
            assert "ar" in langs and "fr" in langs, (campaign.id, fmt, langs)


def test_print_shop_editions_have_bleed_crop_marks_boxes_and_cmyk(site, published):
    bleed = 3 / 25.4 * 72
    for campaign in published.campaigns:
        for fmt in PRINTED:
            for variant in VARIANTS:
                path = site / "pdf" / kit_file(campaign.id, fmt, variant, "print")
                page = pypdf.PdfReader(path).pages[0]
                trim, bleed_box, media = page.trimbox, page.bleedbox, page.mediabox
                for edge in ("left", "bottom"):
                    assert abs(float(getattr(trim, edge)) - float(getattr(bleed_box, edge))
                               - bleed) < 0.1, path.name
                assert float(media.width) > float(bleed_box.width) > float(trim.width)
                content = page.get_contents().get_data()
                forms = b"".join(form.get_object().get_data() for form in
                                 (page["/Resources"].get("/XObject") or {}).values())
                # CMYK colours only (WeasyPrint 70 sets them as DeviceCMYK with scn/SCN), no RGB
                # operator anywhere; the crop marks in the registration colour (every plate).
                assert b"/DeviceCMYK cs" in content and b"/DeviceCMYK CS" in content, path.name
                assert not re.findall(rb"(?:^|\n)[\d. ]+ (?:rg|RG)\n", content + forms), path.name
                assert b"1 1 1 1 K" in forms, path.name
                # Crop marks: strokes in the margin outside the bleed.
                image = pypdfium2.PdfDocument(path)[0].render(scale=1).to_pil().convert("L")
                corner = image.crop((0, 0, 25, 25))
                assert min(corner.getdata()) < 128, path.name
        screen = pypdf.PdfReader(site / "pdf" / kit_file(campaign.id, "a4", "fr", "screen"))
        assert screen.pages[0].trimbox == screen.pages[0].mediabox
        # The same hues on paper: the band's green, rendered from its CMYK, is the screen's
        # green (the naive K = 1 - max conversion turned it blue: 192° against 173°).
        hues = {}
        for edition in EDITIONS:
            path = site / "pdf" / kit_file(campaign.id, "a4", "fr", edition)
            image = pypdfium2.PdfDocument(path)[0].render(scale=0.5).to_pil().convert("RGB")
            margin = 0 if edition == "screen" else round((10 / 25.4 * 72 + 4) * 0.5)
            red, green, blue = image.getpixel((image.width // 2, margin + 3))
            hues[edition] = colorsys.rgb_to_hsv(red / 255, green / 255, blue / 255)[0] * 360
        assert abs(hues["print"] - hues["screen"]) < 8, hues


def test_posters_built_for_the_placeholder_address_carry_a_proof_mark(published):
    campaign = published.campaigns[0]
    proofs = campaign.posters("https://pole-social.example/", datetime(2026, 1, 1))
    assert all(p.proof for p in proofs)
    html = next(p for p in proofs if p.format == "a4" and p.lang == "bi").html()
    assert "ÉPREUVE — adresse provisoire" in html and "نسخة تجريبية — عنوان مؤقت" in html
    real = campaign.posters("https://www.social.gov.ma/", datetime(2026, 1, 1))
    assert not any(p.proof for p in real)
    assert "ÉPREUVE" not in next(p for p in real if p.format == "a4").html()


def test_an_official_logo_in_the_configuration_replaces_the_text_mark(tmp_path, published):
    """extra.logo names an image of docs/assets/: the poster prints that very image in its band
    and no longer the Pôle social's name as a text mark; a logo elsewhere is refused."""
    from conftest import copy_project
    from polesocial import siteconfig

    project = copy_project(tmp_path / "project")
    logo = project / "docs" / "assets" / "images" / "logo-essai.png"
    logo.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (317, 113), (0, 98, 51)).save(logo)
    config = {"extra": {"logo": "docs/assets/images/logo-essai.png"}}
    assert siteconfig.logo_file(project, config) == logo
    for outside in ("../logo.png", "/etc/passwd", "docs/assets/../../mkdocs.yml",
                    "overrides/logo.png", "docs/assets/images/logo-essai.gif"):
        assert siteconfig.logo_problem(project, outside) is not None, outside
    # A logo reached through a link: refused, the message saying where the link leads.
    (project / "docs/assets/images/lien.png").symlink_to("/etc/passwd")
    assert siteconfig.logo_problem(project, "docs/assets/images/lien.png") == \
        ("source-symlink", {"target": "/etc/passwd"})
    (project / "docs/assets/images/lien.png").unlink()
    campaign = published.campaigns[0]
    date = datetime(2026, 1, 1)
    with_logo = next(p for p in campaign.posters("https://www.social.gov.ma/", date,
                                                 logo.as_uri())
                     if p.format == "a4" and p.lang == "fr" and p.edition == "screen")
    plain = replace(with_logo, logo="", logo_digest="")
    by_logo = {}
    for book in (with_logo, plain):  # the same file name: a cache each
        cache = tmp_path / f"cache-{bool(book.logo)}"
        [result] = Printer(project, cache=cache, jobs=1).build([book], progress=lambda line: None)
        by_logo[bool(book.logo)] = cache / result.file_name
    page = pypdf.PdfReader(by_logo[True]).pages[0]
    sizes = [(image.image.width, image.image.height) for image in page.images]
    assert (317, 113) in sizes, sizes
    mark = messages.UI["pole_social"]["fr"]
    assert mark not in page.extract_text()
    assert mark in pypdf.PdfReader(by_logo[False]).pages[0].extract_text()


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
        assert sorted(links) == sorted(kit_file(campaign.id, f, v, e) for f in PRINTED
                                       for v in VARIANTS for e in EDITIONS), campaign.id
        # Compared as read: the page sets its typography (narrow spaces before French colons,
        # numbers and Latin runs isolated in Arabic).
        shown = " ".join(BIDI.sub("", re.sub(r"<[^>]+>", "", html)).replace(
            "\u202f", " ").replace("\u00a0", " ").split())
        for edition in EDITIONS:  # each edition is labelled for its use
            assert " ".join(messages.UI[f"kit_{edition}_note"][lang].split()) in shown
        assert " ".join(campaign.call_to_action[lang].replace("\u00a0", " ").split()) in shown


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
    # French typography: a narrow no-break space before the colon.
    assert "source\u202f: Annuaire, vérifié le 2026-11-01" in html


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
