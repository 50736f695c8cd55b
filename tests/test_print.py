"""The printed documents: structure, accessibility, content, cache, safety."""

from __future__ import annotations

import re
import socket
import unicodedata
from collections import Counter
from datetime import datetime, timezone

import pypdf
import pytest

from conftest import ROOT, copy_project, polesocial
from polesocial import messages, problems
from polesocial import strategy as strategy_pkg
from polesocial.print import Book, Printer, PrintError, documents
from polesocial.strategy import render

LANGS = ("fr", "ar")
# Everything the site prints: the strategy, 4 guides and the charter in 2 languages; 5 campaigns
# with 9 posters and flyers in 2 editions and 2 sharing previews each; the site's 2 previews; its
# app icons (2 sizes, 2 languages).
BOOKS = 2 + 5 * 2
PRINTABLES = BOOKS + 5 * (9 * 2 + 2) + 2 + 4
WORDS = re.compile(r"[^\W\d_]+|\d+")  # letters and digits apart: "ترسيخ14.05" is 3 words
BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


@pytest.fixture(scope="module")
def strategy():
    return strategy_pkg.load(ROOT, problems.Report(ROOT))


def pdf_path(site, lang):
    return site / "pdf" / f"{documents.STRATEGY_DOCUMENT}-{lang}.pdf"


def normalise(text: str) -> str:
    """Text as a reader would search it: NFKC, no bidi controls, no mirrored punctuation (a PDF
    stores right-to-left brackets and quotes in visual order), single spaces."""
    text = BIDI_CONTROLS.sub("", unicodedata.normalize("NFKC", text))
    text = re.sub(r"[«»()\[\]]", " ", text)
    return " ".join(text.split())


@pytest.fixture(scope="module")
def readers(site):
    return {lang: pypdf.PdfReader(pdf_path(site, lang), strict=True) for lang in LANGS}


@pytest.mark.parametrize("lang", LANGS)
def test_pdf_is_a_tagged_accessible_document(readers, strategy, lang):
    reader = readers[lang]
    root = reader.trailer["/Root"]
    assert root["/Lang"] == lang
    assert root["/MarkInfo"]["/Marked"] == True  # noqa: E712 - a pypdf BooleanObject
    assert "/StructTreeRoot" in root and root["/StructTreeRoot"]["/K"]
    assert root["/ViewerPreferences"]["/DisplayDocTitle"] == True  # noqa: E712
    assert reader.metadata.title == strategy.title[lang]
    assert reader.metadata.author == strategy.publisher[lang]
    assert reader.metadata.subject and reader.metadata["/Keywords"]
    metadata = reader.xmp_metadata
    assert metadata is not None and "pdfuaid" in str(metadata.rdf_root.toxml())
    if lang == "ar":
        assert root["/ViewerPreferences"]["/Direction"] == "/R2L"
    assert 15 <= len(reader.pages) <= 80


@pytest.mark.parametrize("lang", LANGS)
def test_every_font_is_embedded_and_subset(readers, lang):
    seen = set()
    for page in readers[lang].pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts") or [font]
            for item in descendants:
                descriptor = item.get_object()["/FontDescriptor"]
                assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), \
                    font["/BaseFont"]
                assert re.match(r"/[A-Z]{6}\+", font["/BaseFont"]), font["/BaseFont"]
                seen.add(font["/BaseFont"].split("+", 1)[1])
    expected = {"fr": "Noto-Sans", "ar": "Scheherazade"}[lang]
    assert any(name.startswith(expected) for name in seen), seen


@pytest.mark.parametrize("lang", LANGS)
def test_bookmarks_follow_the_chapters(readers, strategy, lang):
    outline = readers[lang].outline
    top = [normalise(item.title) for item in outline if not isinstance(item, list)]
    expected = [strategy.title[lang]] + [render.part_heading(part, lang)
                                         for part in strategy.parts]
    expected.append({"fr": "Glossaire", "ar": "مسرد المصطلحات"}[lang])
    assert top == [normalise(title) for title in expected]
    # Objectives are nested under their axis or measure.
    nested = [item for item in outline if isinstance(item, list)]
    assert sum(len(group) for group in nested) >= len(strategy.objectives())


def test_every_action_of_the_strategy_is_in_the_french_pdf_text(readers, strategy):
    """Every action and objective, as French typography sets it (narrow spaces before ; : ! ?,
    en dash in year ranges, accented capitals)."""
    from polesocial import publication, typography
    words = publication.load(ROOT, problems.Report(ROOT)).french_words

    def typeset(value):
        return normalise(typography.localise_plain(value, "fr", words))

    text = normalise(" ".join(page.extract_text() for page in readers["fr"].pages))
    missing = [action.id for _, _, action in strategy.actions()
               if typeset(action.text["fr"]) not in text or action.id not in text]
    assert not missing, missing
    for _, objective in strategy.objectives():
        assert typeset(objective.title["fr"]) in text, objective.id


def test_every_action_of_the_strategy_is_in_the_arabic_pdf_text(readers, strategy):
    """Every word of every action, with its letters right, inside that action's item.

    pypdf joins the runs of a right-to-left line in visual order where a line holds a sentence
    break, so phrases can come back with their halves swapped: word order within an item is the
    extractor's, not the document's. What is checked is what a reader's search and a screen
    reader need: each word, correctly encoded, under its action's identifier.
    """
    text = normalise(" ".join(page.extract_text() for page in readers["ar"].pages))
    actions = [action for _, _, action in strategy.actions()]
    # Each action's item, in the order of the document: an identifier may be cited earlier
    # (the M1 note on the overview names A3.1.2, A3.1.4, A3.2.1 and A4.1.1), so each is looked
    # for after the previous action's item.
    starts, position = [], 0
    for action in actions:
        match = re.compile(re.escape(action.id) + r"(?!\d|\.\d)").search(text, position)
        starts.append(match.start() if match else -1)
        position = match.end() if match else position
    assert -1 not in starts, [a.id for a, s in zip(actions, starts) if s < 0]
    missing = {}
    for index, action in enumerate(actions):
        end = starts[index + 1] if index + 1 < len(actions) else len(text)
        item = Counter(WORDS.findall(text[starts[index]:end]))
        lacking = Counter(WORDS.findall(normalise(action.text["ar"]))) - item
        if lacking:
            missing[action.id] = sorted(lacking)
    assert not missing, missing
    words = Counter(WORDS.findall(text))
    for _, objective in strategy.objectives():
        assert not Counter(WORDS.findall(normalise(objective.title["ar"]))) - words, objective.id


@pytest.mark.parametrize("lang", LANGS)
def test_internal_links_lead_to_pages_of_the_document(readers, lang):
    reader = readers[lang]
    destinations = reader.named_destinations
    internal = external = 0
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            action = annotation.get("/A")
            if action and action.get("/S") == "/URI":
                external += 1
                assert str(action["/URI"]).startswith("http"), action
            elif "/Dest" in annotation or (action and action.get("/S") == "/GoTo"):
                internal += 1
                name = annotation.get("/Dest") or action["/D"]
                if isinstance(name, str):
                    assert name in destinations, name
    assert internal >= 40 and external >= 50, (internal, external)


@pytest.mark.parametrize("lang", LANGS)
def test_strategy_pages_offer_their_pdf(site, readers, lang):
    prefix = "ar/" if lang == "ar" else ""
    label = {"fr": "Télécharger le PDF", "ar": "تحميل PDF"}[lang]
    pages = len(readers[lang].pages)
    for path in ("strategie/", "strategie/axe-2/", "strategie/glossaire/"):
        html = (site / prefix / path / "index.html").read_text(encoding="utf-8")
        link = re.search(r'<p class="ps-download"><a href="([^"]+)" download(?:="")? '
                         r'type="application/pdf">([^<]+)</a> <span[^>]*>\(([^)]*)\)', html)
        assert link and link.group(2) == label, path
        target = (site / prefix / path / link.group(1)).resolve()
        assert target == pdf_path(site, lang).resolve()
        details = re.sub(r"<[^>]+>", "", link.group(3))  # numbers isolated in <bdi>
        assert details.split("، " if lang == "ar" else ", ")[1] \
            == messages.count(pages, "page", lang), details
    home = (site / prefix / "index.html").read_text(encoding="utf-8")
    assert 'type="application/pdf"' not in home  # the home page offers the kit, no document


@pytest.fixture
def book():
    return Book(id="essai", lang="fr", title="Essai", subtitle="Pôle social", author="Pôle social",
                subject="Essai", keywords=("essai",), chapters=("# Chapitre\n\nTexte.",),
                date=datetime(2026, 1, 1, tzinfo=timezone.utc))


def test_remote_resource_is_refused_with_a_clear_error_and_nothing_fetched(
        book, tmp_path, monkeypatch):
    def no_network(*args, **kwargs):
        raise AssertionError("the renderer tried to open a network connection")
    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket.socket, "connect", no_network)
    remote = book.__class__(**{**book.__dict__, "chapters": (
        "# Chapitre\n\n![logo](https://example.org/logo.png)\n",)})
    with pytest.raises(PrintError) as error:
        Printer(ROOT, cache=tmp_path, jobs=1).build([remote], progress=lambda line: None)
    assert "essai-fr.pdf" in str(error.value)
    assert "https://example.org/logo.png" in str(error.value)
    assert not list(tmp_path.glob("*.pdf"))


def test_missing_local_image_is_an_error(book, tmp_path):
    missing = book.__class__(**{**book.__dict__, "chapters": (
        "# Chapitre\n\n![logo](docs/assets/absent.png)\n",)})
    with pytest.raises(PrintError, match=r"essai-fr\.pdf: fichier introuvable : .*absent\.png"
                       ) as error:
        Printer(ROOT, cache=tmp_path, jobs=1).build([missing], progress=lambda line: None)
    assert re.fullmatch(r"essai-fr\.pdf: ملف غير موجود: .*absent\.png", error.value.format("ar"))


def test_files_outside_the_project_are_refused(book, tmp_path):
    """Past check (a book made by hand): a path climbing out of the assets stops the renderer;
    a file: address never reaches it (the sanitiser drops it)."""
    outside = book.__class__(**{**book.__dict__, "chapters": (
        "# Chapitre\n\n![x](../../../../../../etc/hostname.png)\n",)})
    with pytest.raises(PrintError, match="fichier hors du projet refusé"):
        Printer(ROOT, cache=tmp_path, jobs=1).build([outside], progress=lambda line: None)
    attached = book.__class__(**{**book.__dict__, "chapters": (
        "# Chapitre\n\n[x](file:///etc/hostname){ rel=\"attachment\" } "
        "[y](.git/config){ rel=\"attachment\" }\n",)})
    result, = Printer(ROOT, cache=tmp_path / "c", jobs=1).build([attached],
                                                                progress=lambda line: None)
    data = (tmp_path / "c" / result.file_name).read_bytes()
    assert b"/EmbeddedFile" not in data and b"/FileAttachment" not in data
    assert b"hostname" not in data


def _pdf_lines(result):
    return [line for line in (result.stdout + result.stderr).splitlines()
            if line.startswith("PDF ")]


def _kit_lines(result):
    return [line for line in (result.stdout + result.stderr).splitlines()
            if line.startswith("Kit ")]


def test_builds_are_reproducible_cached_and_incremental(tmp_path):
    """Two builds from an empty cache, with the network cut off, give the same bytes for every
    file; then the cache: nothing rendered when nothing changed, only what an edit changed."""
    project = copy_project(tmp_path / "project")
    env = {"SOURCE_DATE_EPOCH": "1767225600"}
    first = polesocial("build", "--site-dir", str(tmp_path / "one"), root=project, pdf=True,
                       offline=True, **env)
    assert first.returncode == 0, first.stderr
    lines = _pdf_lines(first)
    assert len(lines) == PRINTABLES
    assert all(re.search(r"\d+ pages, \d+\.\d s$", line) for line in lines), lines
    pdfs = {path.relative_to(tmp_path / "one").as_posix(): path.read_bytes()
            for path in [*(tmp_path / "one").glob("*/*.[pp][dn][fg]"),
                         *(tmp_path / "one").glob("assets/images/icone-*.png")]}
    # Each book is also published at its version's permanent address (…-v0.1-fr.pdf).
    assert len(pdfs) == PRINTABLES + BOOKS
    # The trainer's kits are made from them, once.
    assert [line.split()[1] for line in _kit_lines(first)] == \
        ["kit-formateur-fr.zip", "kit-formateur-ar.zip"], _kit_lines(first)
    assert not any(line.endswith("(cache)") for line in _kit_lines(first))
    kits = {name: (tmp_path / "one/telechargements" / name).read_bytes()
            for name in ("kit-formateur-fr.zip", "kit-formateur-ar.zip")}

    # Same sources, cache emptied, network cut again: the very same bytes, for every file.
    (project / ".cache" / "pdf" / "manifest.json").unlink()
    again = polesocial("build", "--site-dir", str(tmp_path / "two"), root=project, pdf=True,
                       offline=True, **env)
    assert again.returncode == 0, again.stdout + again.stderr
    assert not any(line.endswith("(cache)") for line in _pdf_lines(again))
    for name, data in pdfs.items():
        assert (tmp_path / "two" / name).read_bytes() == data, name
    for name, data in kits.items():
        assert (tmp_path / "two/telechargements" / name).read_bytes() == data, name
    sites = (tmp_path / "one", tmp_path / "two")
    files = {p.relative_to(sites[0]) for p in sites[0].rglob("*") if p.is_file()}
    assert files == {p.relative_to(sites[1]) for p in sites[1].rglob("*") if p.is_file()}
    # Pages, PDFs, images, data, the trainer's kits and the precompressed copies.
    assert {".html", ".pdf", ".png", ".json", ".xml", ".csv", ".zip", ".gz", ".br"} <= \
        {path.suffix for path in files}
    different = sorted(str(path) for path in files
                       if (sites[0] / path).read_bytes() != (sites[1] / path).read_bytes())
    assert not different, different[:10]

    # Nothing changed: nothing rendered.
    warm = polesocial("build", "--site-dir", str(tmp_path / "two"), root=project, pdf=True, **env)
    assert all(line.endswith("inchangé (cache)") for line in _pdf_lines(warm)), _pdf_lines(warm)
    assert all(line.endswith("inchangé (cache)") for line in _kit_lines(warm)), _kit_lines(warm)

    # An Arabic text changes: only the Arabic PDF is rendered again.
    data = project / "strategy/strategy.yml"
    data.write_text(data.read_text(encoding="utf-8").replace(
        "إعداد مشروع جديد لإعادة هيكلة", "إعداد مشروع جديد ومتكامل لإعادة هيكلة", 1),
        encoding="utf-8")
    edited = polesocial("build", "--site-dir", str(tmp_path / "two"), root=project, pdf=True, **env)
    assert rendered(edited) == ["strategie-4plus4-ar.pdf"], _pdf_lines(edited)
    # Only the Arabic kit holds that PDF: only it is made again.
    assert [line.endswith("(cache)") for line in _kit_lines(edited)] == [True, False], \
        _kit_lines(edited)

    # One guide changes: only its two PDFs (its Arabic side is now marked out of date).
    guide = project / "guides/benevolat/fr.md"
    guide.write_text(guide.read_text(encoding="utf-8") + "\nUne phrase de plus.\n", "utf-8")
    edited = polesocial("build", "--site-dir", str(tmp_path / "two"), root=project, pdf=True, **env)
    assert rendered(edited) == ["guide-benevolat-ar.pdf", "guide-benevolat-fr.pdf"]


def rendered(result) -> list[str]:
    """The PDFs a build rendered (the others came from the cache)."""
    lines = _pdf_lines(result)
    assert len(lines) == PRINTABLES, lines
    return sorted(line.split()[1] for line in lines if not line.endswith("(cache)"))


def test_pdfs_can_be_turned_off_for_preview(tmp_path):
    project = copy_project(tmp_path / "project")
    result = polesocial("build", "--site-dir", str(tmp_path / "site"), root=project, pdf=False)
    assert result.returncode == 0
    assert not (tmp_path / "site" / "pdf").exists()
    assert "ps-download" not in (tmp_path / "site/strategie/index.html").read_text()


# --- Typography, fonts, collation, text recovery -----------------------------------------------

ARABIC = "\u0600-\u06ff"
LATIN_COMMA = re.compile(f"[{ARABIC}][\u064b-\u0652]*\\s*,\\s*[{ARABIC}]")
# On an Arabic page, a Latin comma before an Arabic word whatever precedes it ("ملصق A3, للشاشة":
# a list whose first item ends with a Latin word or a number).
LATIN_COMMA_BEFORE_ARABIC = re.compile(f"[^\\s,]\\s*,\\s*[{ARABIC}]")


def pdf_text(path) -> str:
    return " ".join(page.extract_text() for page in pypdf.PdfReader(path).pages)


def test_year_ranges_take_an_en_dash_at_the_end_of_a_sentence_too():
    """"la période 2012-2016." kept its hyphen on the charter's and the guides' pages."""
    from polesocial.typography import localise_plain
    assert localise_plain("la période 2012-2016.", "fr") == "la période 2012–2016."
    assert localise_plain("(2012-2016), 2012-2016 ;", "fr").count("2012–2016") == 2
    assert localise_plain("la version 2012-2016.5", "fr") == "la version 2012-2016.5"
    assert localise_plain("loi 14-05.", "fr") == "loi 14-05."


def test_the_colophon_holds_on_the_back_of_the_cover(site):
    """Every book's colophon, the strategy's too, with its version and history, its fonts line
    included, on page 2, and its labels whole: the contents begin on page 3 (a rule left from a
    merge once pushed the fonts line onto a page of its own, "Historique des versions" wrapped,
    and the strategy lost its versions: its history went to another field of the model)."""
    books = [p for p in sorted((site / "pdf").glob("*.pdf"))
             if p.name.startswith(("strategie-", "guide-", "charte-"))]
    assert len(books) >= 12, books
    wrong = {}
    for path in books:
        lang = "ar" if path.stem.endswith("-ar") else "fr"
        pages = pypdf.PdfReader(path).pages
        back, third = (normalise(pages[i].extract_text()) for i in (1, 2))
        if "Scheherazade New" not in back or \
                normalise(messages.UI["pdf_contents"][lang]) not in third:
            wrong[path.name] = back[-80:]
        elif normalise(messages.UI["colophon_history"][lang]) not in back:
            wrong[path.name] = "no history, or its label wrapped"  # the strategy's had none
        elif normalise(messages.UI["colophon_version"][lang]) not in back:
            wrong[path.name] = "no version"
    assert not wrong, wrong


def test_no_latin_comma_between_arabic_words_in_arabic_pages_and_pdfs(site):
    """Every page and every PDF, French ones included (their Arabic terms) and the Arabic
    columns of the bilingual posters."""
    found = []
    for page in site.rglob("index.html"):
        text = re.sub(r"<[^>]+>", "", page.read_text(encoding="utf-8"))
        relative = page.relative_to(site).as_posix()
        rule = LATIN_COMMA_BEFORE_ARABIC if relative.startswith("ar/") else LATIN_COMMA
        found += [(relative, m.group(0)) for m in rule.finditer(text)]
    for path in sorted((site / "pdf").glob("*.pdf")):
        found += [(path.name, m.group(0)) for m in LATIN_COMMA.finditer(
            BIDI_CONTROLS.sub("", pdf_text(path)))]
    assert not found, found[:20]


def test_every_file_size_keeps_its_number_and_unit_together(site):
    """On every page (download boxes, the campaigns' print kits, the trainer's kits, the
    versions of a document): a no-break space between a size's number and its unit, in both
    languages ("(23 كيلوبايت)" wrapped between "23" and its unit in a kit's list at 360 px)."""
    details = re.compile(r'<span class="ps-download-details">(.*?)</span>', re.S)
    unit = re.compile(r"\d(?:</bdi>)?(\s|&nbsp;)(?:Ko|Mo|كيلوبايت|ميغابايت)")
    found, sizes = [], 0
    for page in sorted(site.rglob("index.html")):
        for span in details.findall(page.read_text(encoding="utf-8")):
            for match in unit.finditer(span):
                sizes += 1
                if match.group(1) not in ("\u00a0", "&nbsp;"):
                    found.append((page.relative_to(site).as_posix(), match.group(0)))
    assert sizes > 100, sizes  # the finder finds them (kits, download boxes, versions)
    assert not found, found[:10]


def test_no_glyph_is_drawn_with_a_fallback_font_in_any_pdf(site):
    """Only the repository's faces: an Arabic letter in a French document uses Scheherazade
    New, never a system font (DejaVu) chosen by fontconfig."""
    import subprocess
    foreign = {}
    for path in sorted((site / "pdf").glob("*.pdf")):
        out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True).stdout
        names = {line.split()[0].split("+", 1)[-1] for line in out.splitlines()[2:] if line}
        other = {n for n in names if not n.startswith(("Noto-Sans", "NotoSans",
                                                        "Scheherazade"))}
        if other:
            foreign[path.name] = sorted(other)
    assert not foreign, foreign


@pytest.mark.parametrize("lang", LANGS)
def test_glossary_follows_the_alphabetical_order_of_its_language(site, strategy, lang):
    from polesocial import collation
    prefix = "ar/" if lang == "ar" else ""
    html = (site / prefix / "strategie/glossaire/index.html").read_text(encoding="utf-8")
    ids = [term.id for term in strategy.glossary]
    order = [i for i in re.findall(r'<h2 id="([^"]+)"', html) if i in ids]
    terms = {t.id: getattr(t, lang) for t in strategy.glossary}
    assert order == [t.id for t in collation.sorted_by(strategy.glossary, lang,
                                                       key=lambda t: getattr(t, lang))]
    shown = [terms[i] for i in order]
    if lang == "fr":  # accents sort with their letter, not after z
        assert shown.index(next(t for t in shown if t.startswith("Bénévolat"))) < \
            shown.index(next(t for t in shown if t.startswith("Bonne")))
        assert shown.index(next(t for t in shown if t.startswith("Égalité"))) < \
            shown.index(next(t for t in shown if t.startswith("Violence")))
    # The printed glossary has the same order: each term after the one before it, from the
    # glossary's introduction on (the chapter's title is also every page's running head).
    from polesocial.typography import localise_plain
    text = normalise(pdf_text(pdf_path(site, lang)))
    intro = normalise(localise_plain(messages.UI["glossary_intro"][lang], lang))
    position = text.find(" ".join(intro.split()[:3]))  # its first line
    assert position >= 0
    for term in shown:
        wanted = normalise(localise_plain(term, lang))
        if lang == "ar":  # numbers and Latin runs come back in visual order: the first word
            wanted = re.findall(r"[^\W\d_]+", wanted)[0]
        position = text.find(wanted, position)
        assert position >= 0, term


def test_foreign_runs_keep_their_order_in_the_glossary(site):
    ar = (site / "ar/strategie/glossaire/index.html").read_text(encoding="utf-8")
    # The French term as one left-to-right unit (its own element, or an isolate).
    assert re.search(r'<(?:bdi|span lang="fr") dir="ltr">Stratégie 4\+4 \(2012[–-]2016\)'
                     r'</(?:bdi|span)>', ar)
    fr = (site / "strategie/glossaire/index.html").read_text(encoding="utf-8")
    assert re.search(r'<span lang="ar" dir="rtl">[^<]*«إكرام»[^<]*<bdi dir="ltr">2012-2016</bdi>',
                     fr)


# Letters the PDF's Arabic face draws with a mark glyph of their own: the hamza of أ إ آ (its
# ccmp feature splits each into an alef and a mark), the harakat and the superscript alef.
MARKED = re.compile("[\u0622\u0623\u0625\u064b-\u0652\u0670]")
LETTERS = re.compile(r"[^\W\d_]+")


def arabic_words(text: str) -> Counter:
    """The Arabic words of ``text``, compared NFKC as viewers search (a haraka parts them)."""
    return Counter(w for w in LETTERS.findall(BIDI_CONTROLS.sub(
        "", unicodedata.normalize("NFKC", text))) if re.search(f"[{ARABIC}]", w))


def pdftotext(path) -> str:
    import subprocess
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def word_recovery(site) -> dict[str, dict[str, float]]:
    """PDF file -> share of its source's Arabic words given back by pdftotext ("poppler") and
    by pypdf ("pypdf"), and by pdftotext among the words drawn with a mark glyph ("marked")
    and without one ("plain"), for every Arabic document."""
    from polesocial import publication
    loaded = publication.load(ROOT, problems.Report(ROOT))

    def share(found, of):
        return sum((of & found).values()) / sum(of.values())

    figures = {}
    for book in loaded.books("https://pole-social.example/"):
        if not isinstance(book, Book) or book.lang != "ar":
            continue
        text = "\n".join(book.chapters)
        source = arabic_words(text)
        marked = sum((arabic_words(token) for token in text.split() if MARKED.search(
            unicodedata.normalize("NFKC", token))), Counter())
        path = site / "pdf" / book.file_name
        poppler = arabic_words(pdftotext(path))
        figures[book.file_name] = {"poppler": share(poppler, source),
                                   "pypdf": share(arabic_words(pdf_text(path)), source),
                                   "marked": share(poppler, marked),
                                   "plain": share(poppler, source - marked)}
    assert len(figures) == 6, figures  # the strategy, 4 guides, the charter
    return figures


def test_arabic_pdfs_give_back_their_words(site):
    """Copy and search read back the Arabic words of every Arabic document, as the issue asks:
    at least 97% with pdftotext (poppler) and 99% with pypdf (measured 99.5-100% and
    99.2-100%; 93.8-98.1% and 98.4-99.9% before the ActualText spans of glyphtext.py, 82-90%
    and 92-99.9% before its glyph map)."""
    failing = {name: f for name, f in word_recovery(site).items()
               if f["poppler"] < 0.97 or f["pypdf"] < 0.99}
    assert not failing, failing


def test_pdftotext_gives_back_the_words_drawn_with_a_mark(site):
    """The words drawn with a mark glyph (11-19% of the words: the hamza of أ إ آ, the harakat)
    come back whole from pdftotext, 97.9-100% of them (68-83% before the ActualText spans,
    which poppler cut at each mark: "الإ جراء"), and so do the others (99.5-100%). What the
    guide on volunteering still loses: a tanwin on the lam of the lam-alef ligature, one glyph
    for both letters, reads after the alef ("تأهيلاً" for "تأهيلًا")."""
    figures = word_recovery(site)
    failing = {name: f for name, f in figures.items() if f["marked"] < 0.97 or f["plain"] < 0.99}
    assert not failing, failing


# Hamzas under and over an alef and a lam-alef, a madda, harakat, a shadda with a kasra, the
# kerning that parts و from إ, guillemets that right-to-left text draws mirrored.
MARKS_SAMPLE = ("وإصدار الإجراء إجراءات الأشخاص جيدًا إلى الإنسان، وإذا وسِّعوا «الأجيال» "
                "والآن يُلزم مكوِّن وإعداد القرآن.")


def test_actual_text_spans_give_poppler_the_marks_and_leave_the_page_as_drawn(tmp_path,
                                                                              monkeypatch):
    """The same Arabic page printed with glyphtext's ActualText spans and without them (the
    stream's own methods): pixel for pixel the same render, at 150 dpi, in poppler and in
    PDFium; with them, pdftotext and pypdf give back every word, without them pdftotext cuts
    the words drawn with a mark."""
    import subprocess

    import pydyf
    import pypdfium2
    from PIL import Image, ImageChops
    from weasyprint.pdf.stream import Stream

    sample = Book(id="marques", lang="ar", title="الإجراء", subtitle="القطب الاجتماعي",
                  author="القطب الاجتماعي", subject="الإجراء", keywords=("الإجراء",),
                  chapters=(f"# الإجراء\n\n{MARKS_SAMPLE}\n",),
                  date=datetime(2026, 1, 1, tzinfo=timezone.utc))

    def printed(cache):
        [result] = Printer(ROOT, cache=cache, jobs=1).build([sample], progress=lambda line: None)
        return cache / result.file_name

    spanned = printed(tmp_path / "spans")
    with monkeypatch.context() as plain:
        plain.setattr(Stream, "show_text", pydyf.Stream.show_text)
        plain.setattr(Stream, "set_text_rise", pydyf.Stream.set_text_rise)
        drawn = printed(tmp_path / "plain")

    def spans(path):
        return sum(page.get_contents().get_data().count(b"/ActualText")
                   for page in pypdf.PdfReader(path).pages)
    assert spans(spanned) > 10 and not spans(drawn)

    for path in (spanned, drawn):
        subprocess.run(["pdftoppm", "-r", "150", "-png", str(path), str(path.with_suffix(""))],
                       check=True)
    renders = [sorted(tmp_path.glob(f"{folder}/*.png")) for folder in ("spans", "plain")]
    assert len(renders[0]) == len(renders[1]) > 0
    for ours, theirs in zip(*renders):
        assert not ImageChops.difference(Image.open(ours).convert("RGB"),
                                         Image.open(theirs).convert("RGB")).getbbox(), ours.name
    for ours, theirs in zip(pypdfium2.PdfDocument(spanned), pypdfium2.PdfDocument(drawn)):
        assert not ImageChops.difference(
            ours.render(scale=150 / 72).to_pil().convert("RGB"),
            theirs.render(scale=150 / 72).to_pil().convert("RGB")).getbbox()

    wanted = arabic_words(MARKS_SAMPLE)
    assert not wanted - arabic_words(pdftotext(spanned))
    assert not wanted - arabic_words(pdf_text(spanned))
    assert wanted - arabic_words(pdftotext(drawn))  # what the spans are for
