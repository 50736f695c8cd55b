"""A corpus of broken and hostile inputs, each run through `check` and through the build, as an
editor's mistake or an attacker's attempt would be: a clear message naming the file (or the
environment variable) and the line, a non-zero exit, no Python traceback, and the previously
published site left exactly as it was (the build publishes atomically).

Every case here is refused (non-zero exit). Markup that `check` lets through by design (a
comment, the layout tags of sanitiser.SOURCE_TAGS) and markup that reaches the engine without
`check` (a build started with `mkdocs build`) are sanitised instead: tests/test_security.py
proves that no executable markup reaches the output then.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import struct
import zlib
from dataclasses import dataclass, field

import pytest

from conftest import ROOT, build, copy_project, polesocial

A111_AR = "إعداد مشروع جديد لإعادة هيكلة الوزارة والمؤسسات الموضوعة تحت وصايتها، يستجيب"


def replace(path: str, old: str, new: str):
    def apply(project):
        file = project / path
        text = file.read_text(encoding="utf-8")
        assert old in text, (path, old)
        file.write_text(text.replace(old, new, 1), encoding="utf-8")
    return apply


def append(path: str, text: str):
    def apply(project):
        file = project / path
        file.write_text(file.read_text(encoding="utf-8") + text, encoding="utf-8")
    return apply


def write_bytes(path: str, data: bytes):
    def apply(project):
        (project / path).parent.mkdir(parents=True, exist_ok=True)
        (project / path).write_bytes(data)
    return apply


def write(path: str, text: str):
    return write_bytes(path, text.encode("utf-8"))


def delete(path: str):
    def apply(project):
        (project / path).unlink()
    return apply


def symlink(path: str, target: str):
    """``path`` made a symbolic link to ``target`` (absolute, or "OUTSIDE/…" for a file the
    test writes outside the project)."""
    def apply(project):
        link = project / path
        if target.startswith("OUTSIDE/"):
            destination = project.parent / target
            destination.parent.mkdir(parents=True, exist_ok=True)
            source = project / path
            if source.is_dir():
                shutil.copytree(source, destination)
            else:
                destination.write_text("---\ndescription: x\n---\n\n## Ailleurs\n\nTexte.\n")
        else:
            destination = target
        if link.is_dir() and not link.is_symlink():
            shutil.rmtree(link)
        elif link.exists() or link.is_symlink():
            link.unlink()
        os.symlink(destination, link)
    return apply


def fifo(path: str):
    def apply(project):
        os.mkfifo(project / path)
    return apply


def png_header(width: int, height: int) -> bytes:
    """A PNG that declares ``width`` x ``height`` pixels (its header only: enough for any
    program that looks at the size before decoding)."""
    def chunk(kind, data):
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2,
                                                             0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\0" * 7)) + chunk(b"IEND", b""))


def nested_aliases(levels: int) -> str:
    """The "billion laughs": each level repeats the previous one ten times."""
    text = 'l0: &l0 ["ha","ha","ha","ha","ha","ha","ha","ha","ha","ha"]\n'
    for level in range(1, levels):
        text += f"l{level}: &l{level} [" + ", ".join([f"*l{level - 1}"] * 10) + "]\n"
    return text


@dataclass(frozen=True)
class Case:
    name: str
    breaking: object  # project -> None
    where: str  # the message starts with this: file:line:column, or a variable's name
    what: str  # and contains this
    env: dict = field(default_factory=dict)


PAGE = "docs/fr/a-propos.md"
GUIDE = "guides/benevolat/fr.md"
GUIDE_META = "guides/benevolat/guide.yml"
# Text appended to a page starts two lines after its last line (see append()).
PAGE_END = len((ROOT / "docs/fr/a-propos.md").read_text(encoding="utf-8").splitlines()) + 1
GUIDE_END = len((ROOT / "guides/benevolat/fr.md").read_text(encoding="utf-8").splitlines()) + 1


# The line of mkdocs.yml's "À propos" menu entry, which the mkdocs.yml cases edit.
ABOUT = next(number for number, line in enumerate(
    (ROOT / "mkdocs.yml").read_text(encoding="utf-8").splitlines(), 1)
    if line == "  - À propos: a-propos.md")
# The line of the French title in the volunteering guide's metadata, which the tab case edits.
GUIDE_TITLE_FR = next(number for number, line in enumerate(
    (ROOT / GUIDE_META).read_text(encoding="utf-8").splitlines(), 1)
    if line.startswith("  fr:") and "Accueillir" in line)

CORPUS = [
    # --- Editors' mistakes (kept from the first corpus) ----------------------------------------
    Case("yaml-syntax-page", replace(PAGE, "title: À propos", 'title: "À propos'),
         f"{PAGE}:2:8:", "les guillemets ouverts sur cette ligne ne sont jamais fermés"),
    Case("yaml-syntax-data", replace("strategy/strategy.yml", "serves: [pole_staff]",
                                     "serves: [pole_staff"),
         "strategy/strategy.yml:148:", "la liste « [ » ou le groupe « { » ouvert ici"),
    Case("wrong-type", replace("docs/fr/index.md", "title: Accueil", "title: [Accueil]"),
         "docs/fr/index.md:2:1", "doit être un texte"),
    Case("missing-arabic", replace("strategy/strategy.yml",
                                   '      ar: "الدعم المؤسساتي للقطب الاجتماعي وتقويته"\n', ""),
         "strategy/strategy.yml:129:7", "« ar » manque"),
    Case("swapped-languages", replace("strategy/strategy.yml",
                                      '      ar: "الدعم المؤسساتي للقطب الاجتماعي وتقويته"',
                                      '      ar: "Appui institutionnel et renforcement du Pôle '
                                      'social"'),
         "strategy/strategy.yml:130:7", "caractères latins"),
    Case("duplicate-identifier", replace("strategy/strategy.yml", "    - id: cooperatives\n",
                                         "    - id: associations\n"),
         "strategy/strategy.yml:", "déjà utilisé"),
    Case("identifier-out-of-place", replace("strategy/strategy.yml", "          - id: A1.1.1\n",
                                            "          - id: A1.1.5\n"),
         "strategy/strategy.yml:137:13", "ne correspond pas à sa place"),
    Case("unknown-tag", replace("strategy/strategy.yml", "serves: [pole_staff]",
                                "serves: [staff]"),
         "strategy/strategy.yml:148:22", "« staff » n’est pas défini"),
    Case("unknown-cross-reference", replace("strategy/strategy.yml", "see_also: [A3.1.2,",
                                            "see_also: [A9.1.1,"),
         "strategy/strategy.yml:", "« A9.1.1 » n’est pas défini"),
    Case("guide-unknown-action", replace(GUIDE_META, "actions: [A3.3.1,", "actions: [Z3.3.1,"),
         f"{GUIDE_META}:", "« Z3.3.1 » n’est pas défini"),
    Case("guide-missing-language", delete("guides/benevolat/ar.md"),
         "guides/benevolat/ar.md:", "manque"),
    Case("broken-internal-link", replace(PAGE, "## Qui publie",
                                         "Voir [la page](inexistante.md).\n\n## Qui publie"),
         f"{PAGE}:10:16", "ne mène à aucune page"),
    Case("missing-image", replace("docs/ar/a-propos.md", "## الجهة الناشرة",
                                  "![شعار](../assets/logo-absent.png)\n\n## الجهة الناشرة"),
         "docs/ar/a-propos.md:", "introuvable"),
    Case("remote-image", replace("docs/fr/index.md", "## Quatre types de publication",
                                 "![Logo](https://example.org/logo.png)\n\n"
                                 "## Quatre types de publication"),
         "docs/fr/index.md:", "viendrait d’un autre site"),
    Case("remote-image-in-guide", replace(GUIDE, "## Objet et public du guide",
                                          "![x](https://example.org/x.png)\n\n"
                                          "## Objet et public du guide"),
         f"{GUIDE}:", "viendrait d’un autre site"),
    Case("script-in-page-title", replace(PAGE, "title: À propos",
                                         'title: "À propos <script>alert(1)</script>"'),
         f"{PAGE}:2:1", "balisage HTML « <script> »"),
    Case("script-in-data-title", replace("strategy/strategy.yml",
                                         'fr: "Restructuration des composantes du Pôle social"',
                                         'fr: "<img src=x onerror=alert(1)> Restructuration"'),
         "strategy/strategy.yml:134:11", "balisage HTML « <img src=x onerror=alert(1)> »"),
    Case("oversized-file", write_bytes(PAGE, b"---\ndescription: x\n---\n" + b"a " * 1_100_000),
         f"{PAGE}:", "au-delà de la limite"),
    Case("wrong-encoding", write_bytes(PAGE, "---\ndescription: Qui publie\n---\n\n# À propos\n"
                                       .encode("latin-1")),
         f"{PAGE}:5:3", "pas en UTF-8"),
    Case("unclosed-header", write_bytes("docs/ar/a-propos.md",
                                        "---\ndescription: وصف\n\n# حول الموقع\n".encode()),
         "docs/ar/a-propos.md:1:1", "jamais fermé"),
    Case("arabic-page-alone", write("docs/ar/seule.md", "---\ndescription: صفحة\n---\n\n# صفحة\n"),
         "docs/ar/seule.md:", "pas de version française"),
    Case("menu-to-nowhere", replace("mkdocs.yml", "  - À propos: a-propos.md\n",
                                    "  - À propos: a-propos.md\n  - Contact: contact.md\n"),
         "mkdocs.yml:", "« contact.md »"),
    Case("stale-contact", replace("campaigns/violence-femmes.yml", "contacts: []",
                                  "contacts:\n  - label: {fr: \"Ligne\", ar: \"خط\"}\n"
                                  "    value: \"0000\"\n    source: \"Annuaire\"\n"
                                  "    verified_on: 2020-01-01\n"),
         "campaigns/violence-femmes.yml:", "il y a plus d’un an"),
    Case("glossary-bad-type", replace("strategy/glossary.yml", "    verified: true\n",
                                      "    verified: peut-être\n"),
         "strategy/glossary.yml:", "true ou false"),

    # --- Markup in a hand-written page's body ---------------------------------------------------
    Case("page-script", append(PAGE, "\n<script>alert(1)</script>\n"),
         f"{PAGE}:64:1", "balisage HTML « <script> »"),
    Case("page-img-onerror", append(PAGE, "\n<img src=x onerror=alert(1)>\n"),
         f"{PAGE}:64:1", "balisage HTML « <img> »"),
    Case("page-iframe", append(PAGE, "\n<iframe src=\"https://example.org\"></iframe>\n"),
         f"{PAGE}:64:1", "« <iframe> »"),
    Case("page-svg-onload", append(PAGE, "\nUne phrase <svg onload=alert(1)> ici.\n"),
         f"{PAGE}:64:12", "« <svg> »"),
    Case("page-javascript-link", append(PAGE, "\n[cliquez](javascript:alert(1))\n"),
         f"{PAGE}:64:11", "« javascript: »"),
    Case("page-data-link", append(PAGE, "\n[x](data:text/html,<script>alert(1)</script>)\n"),
         f"{PAGE}:64:5", "« data: »"),
    Case("page-attr-onclick", append(PAGE, "\n## Titre { onclick=\"alert(1)\" }\n"),
         f"{PAGE}:64:12", "attribut « onclick » sur <h2>"),
    Case("page-attr-onfocus", append(PAGE, "\nUn paragraphe.\n{ onfocus=\"alert(1)\" autofocus }\n"),
         f"{PAGE}:65:3", "attribut « onfocus » sur <p>"),
    Case("page-entity-scheme", append(PAGE, "\n[x](&#106;avascript:alert(1))\n"),
         f"{PAGE}:64:5", "« javascript: »"),
    # A blank inside a scheme makes it a relative address for browsers: harmless, but a
    # link to nowhere.
    Case("page-tab-in-scheme", append(PAGE, "\n[x](<java\tscript:alert(1)>)\n"),
         f"{PAGE}:64:6", "ne mène à aucune page"),
    Case("page-vbscript", append(PAGE, "\n[x](vbscript:msgbox)\n"),
         f"{PAGE}:64:5", "« vbscript: »"),
    Case("page-style-tag", append(PAGE, "\n<style>body{display:none}</style>\n"),
         f"{PAGE}:64:1", "« <style> »"),
    Case("page-object", append(PAGE, "\n<object data=\"x.swf\"></object>\n"),
         f"{PAGE}:64:1", "« <object> »"),
    Case("page-base", append(PAGE, "\n<base href=\"https://example.org/\">\n"),
         f"{PAGE}:64:1", "« <base> »"),
    Case("page-meta-refresh", append(PAGE, "\n<meta http-equiv=\"refresh\" content=\"0;url=x\">\n"),
         f"{PAGE}:64:1", "« <meta> »"),
    Case("page-form", append(PAGE, "\n<form action=\"https://example.org\"><input></form>\n"),
         f"{PAGE}:64:1", "« <form> »"),
    Case("page-span-onmouseover", append(PAGE, "\nTexte <span onmouseover=\"alert(1)\">ici</span>.\n"),
         f"{PAGE}:64:13", "attribut « onmouseover » sur <span>"),
    Case("page-div-style", append(PAGE, "\n<div style=\"position:fixed\" markdown>\nTexte\n</div>\n"),
         f"{PAGE}:64:6", "attribut « style » sur <div>"),
    Case("page-reserved-id", append(PAGE, "\n## Titre {#__config}\n"),
         f"{PAGE}:64:", "l’identifiant « __config » est réservé"),
    Case("page-processing-instruction", append(PAGE, "\n<?php echo 1; ?>\n"),
         f"{PAGE}:64:1", "balisage HTML « <?php"),
    Case("page-bidi-entity", append(PAGE, "\nAppelez le &#x202E;0522 00 00&#x202C;.\n"),
         f"{PAGE}:64:", "caractère de contrôle de direction U+202E"),

    # --- Markup in a guide (the ban that line matching missed) ---------------------------------
    Case("guide-attr-onclick", append(GUIDE, "\n## Titre { onclick=alert(1) }\n"),
         f"{GUIDE}:311:12", "attribut « onclick » sur <h2>"),
    Case("guide-javascript-link", append(GUIDE, "\n[x](JaVaScRiPt:alert(1))\n"),
         f"{GUIDE}:311:5", "« javascript: »"),
    Case("guide-tag-over-two-lines", append(GUIDE, "\nTexte <img\nsrc=x onload=alert(1)>\n"),
         f"{GUIDE}:311:7", "balisage HTML « <img> »"),
    Case("guide-file-attachment", append(GUIDE, "\n[x](file:///work/.git/config){ rel=\"attachment\" }\n"),
         f"{GUIDE}:311:5", "« file: »"),
    Case("guide-attachment-relative", append(GUIDE, "\n[x](../../.git/config){ rel=\"attachment\" }\n"),
         f"{GUIDE}:311:", "attribut « rel » sur <a>"),
    Case("guide-image-outside", append(GUIDE, "\n![x](../../../../../etc/hostname.png)\n"),
         f"{GUIDE}:311:6", "sort du dossier du site"),
    Case("guide-deep-quotes", append(GUIDE, "\n" + ">" * 5000 + " citation\n"),
         f"{GUIDE}:311:1", "5000 niveaux imbriqués"),
    Case("guide-deep-lists", append(GUIDE, "\n" + "".join("    " * i + "- x\n" for i in range(300))),
         f"{GUIDE}:", "niveaux imbriqués"),
    Case("guide-bracket-storm", append(GUIDE, "\n" + "[" * 20000 + "x\n"),
         f"{GUIDE}:311:1", "20000 niveaux imbriqués"),
    Case("guide-emphasis-storm", append(GUIDE, "\n" + "*" * 5000 + "x" + "*" * 5000 + "\n"),
         f"{GUIDE}:311:1", "niveaux imbriqués"),

    # --- mkdocs.yml (ABOUT: the line of the menu entry the cases edit) -------------------------
    Case("nav-javascript", replace("mkdocs.yml", "  - À propos: a-propos.md\n",
                                   "  - À propos: a-propos.md\n"
                                   "  - Lien: \"javascript://%0aalert(document.domain)\"\n"),
         f"mkdocs.yml:{ABOUT + 1}:5", "mène à « javascript://%0aalert(document.domain) »"),
    Case("nav-html-title", replace("mkdocs.yml", "  - À propos: a-propos.md\n",
                                   "  - \"<img src=x onerror=alert(1)>\": a-propos.md\n"),
         f"mkdocs.yml:{ABOUT}:5", "le champ « nav » contient du balisage HTML"),
    Case("copyright-html", replace("mkdocs.yml", "copyright: Pôle social",
                                   "copyright: <script>alert(1)</script> Pôle social"),
         "mkdocs.yml:13:1", "le champ « copyright » contient du balisage HTML « <script> »"),
    Case("arabic-copyright-html", replace("mkdocs.yml", "copyright: القطب الاجتماعي",
                                          "copyright: <b onmouseover=x>القطب الاجتماعي</b>"),
         "mkdocs.yml:", "« languages[1].copyright » contient du balisage HTML"),
    Case("nav-parent-folder", replace("mkdocs.yml", "  - À propos: a-propos.md\n",
                                      "  - À propos: ../../etc/passwd.md\n"),
         f"mkdocs.yml:{ABOUT}:5", "l’entrée de menu mène à « ../../etc/passwd.md »"),

    # --- Environment ----------------------------------------------------------------------------
    Case("site-url-script", lambda project: None, "SITE_URL:",
         "contient une espace, un guillemet, un chevron",
         {"SITE_URL": 'https://example.org/"><script>alert(1)</script>'}),
    Case("site-url-space", lambda project: None, "SITE_URL:", "contient une espace",
         {"SITE_URL": "https://example.org/mon site/"}),
    Case("site-url-scheme", lambda project: None, "SITE_URL:", "n’est pas une adresse http(s)",
         {"SITE_URL": "javascript:alert(1)//"}),
    Case("site-url-no-host", lambda project: None, "SITE_URL:", "n’est pas une adresse http(s)",
         {"SITE_URL": "https:///chemin/"}),
    Case("site-url-credentials", lambda project: None, "SITE_URL:",
         "n’est pas une adresse http(s)", {"SITE_URL": "https://user:pw@example.org/"}),
    Case("epoch-empty", lambda project: None, "SOURCE_DATE_EPOCH:",
         "n’est pas un nombre entier de secondes", {"SOURCE_DATE_EPOCH": ""}),
    Case("epoch-text", lambda project: None, "SOURCE_DATE_EPOCH:",
         "n’est pas un nombre entier", {"SOURCE_DATE_EPOCH": "hier"}),
    Case("epoch-range", lambda project: None, "SOURCE_DATE_EPOCH:", "hors de la période",
         {"SOURCE_DATE_EPOCH": "99999999999"}),
    Case("language-unknown", lambda project: None, "POLESOCIAL_LANG:",
         "n’est pas une langue des messages", {"POLESOCIAL_LANG": "en"}),

    # --- Files from outside the repository -------------------------------------------------------
    Case("asset-symlink-to-system-file", symlink("docs/assets/x.txt", "/etc/passwd"),
         "docs/assets/x.txt:", "lien symbolique (vers « /etc/passwd »)"),
    Case("guide-text-symlinked-outside", symlink(GUIDE, "OUTSIDE/fr.md"),
         f"{GUIDE}:", "lien symbolique"),
    Case("guide-folder-symlinked-outside", symlink("guides/benevolat", "OUTSIDE/benevolat"),
         "guides/benevolat:", "lien symbolique"),
    Case("in-repo-symlink", symlink("docs/fr/copie.md", "a-propos.md"),
         "docs/fr/copie.md:", "lien symbolique (vers « a-propos.md »)"),
    Case("special-file", fifo("docs/assets/tube"), "docs/assets/tube:",
         "ce n’est pas un fichier ordinaire"),

    Case("page-dropped-in-assets", write("docs/assets/page.html", "<script>alert(1)</script>"),
         "docs/assets/page.html:", "un fichier « .html » dans docs/ serait publié tel quel"),
    Case("script-dropped-in-assets", write("docs/assets/x.js", "alert(1)"),
         "docs/assets/x.js:", "un fichier « .js »"),
    Case("svg-with-script", write("docs/assets/logo.svg",
                                  '<svg xmlns="http://www.w3.org/2000/svg">\n'
                                  '<script>alert(1)</script></svg>'),
         "docs/assets/logo.svg:2:1", "l’image SVG contient « <script »"),
    Case("svg-with-handler", write("docs/assets/logo.svg",
                                   '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
         "docs/assets/logo.svg:1:", "l’image SVG contient « onload="),
    Case("stylesheet-fetching-elsewhere", append("docs/assets/css/site.css",
                                                 "\nbody { background: url(https://example.org/t.png); }\n"),
         "docs/assets/css/site.css:", "la feuille de style contient « url(https://"),
    Case("logo-outside-the-repository", replace("mkdocs.yml",
                                                "  # logo: docs/assets/images/logo-pole-social.svg",
                                                "  logo: ../../etc/passwd"),
         "mkdocs.yml:45:", "n’est pas une image de docs/assets/"),
    Case("logo-missing", replace("mkdocs.yml", "  # logo: docs/assets/images/logo-pole-social.svg",
                                 "  logo: docs/assets/images/logo-pole-social.svg"),
         "mkdocs.yml:45:", "le logo (extra.logo) « docs/assets/images/logo-pole-social.svg » est "
         "introuvable"),
    Case("site-url-default-in-config", replace("mkdocs.yml", '"https://pole-social.example/"',
                                               '"https://pole-social.example/\\"><x"'),
         "mkdocs.yml:12:1", 'SITE_URL « https://pole-social.example/"><x »'),

    # --- YAML ---------------------------------------------------------------------------------
    Case("yaml-alias-bomb", replace(PAGE, "---\n", "---\n" + nested_aliases(9)),
         f"{PAGE}:2:", "ancre « &nom »"),
    Case("yaml-alias", replace(GUIDE_META, "status: draft", "status: *brouillon"),
         f"{GUIDE_META}:2:9", "référence « *nom »"),
    Case("yaml-merge-key", replace(GUIDE_META, "status: draft", "status: draft\n<<: {x: 1}"),
         f"{GUIDE_META}:3:1", "clé de fusion"),
    Case("unsafe-yaml", replace("campaigns/violence-femmes.yml", "status: draft",
                                "status: !!python/object/apply:os.system ['true']"),
         "campaigns/violence-femmes.yml:2:9", "étiquette de type « !!python/object/apply"),
    Case("yaml-duplicate-key", replace(GUIDE_META, "status: draft", "status: draft\nstatus: published"),
         f"{GUIDE_META}:3:1", "le champ « status » figure déjà à la ligne 2"),
    Case("yaml-tab", replace(GUIDE_META, "title:\n  fr:", "title:\n\tfr:"),
         f"{GUIDE_META}:{GUIDE_TITLE_FR}:1", "une tabulation sert d’indentation"),
    Case("yaml-indentation", replace(GUIDE_META, "status: draft", "status: draft\n  extra: 1"),
         f"{GUIDE_META}:3:1", "n’est pas alignée"),
    Case("yaml-colon-in-text", replace(GUIDE_META, "status: draft", "status: draft: oui"),
         f"{GUIDE_META}:2:", "« : » suivi d’une espace au milieu d’un texte"),
    Case("yaml-two-documents", replace(GUIDE_META, "status: draft", "status: draft\n---\nx: 1"),
         f"{GUIDE_META}:3:1", "une ligne « --- » coupe le fichier en deux"),
    Case("yaml-deep-nesting", replace(GUIDE_META, "status: draft",
                                      "status: draft\nx: " + "[" * 300 + "]" * 300),
         f"{GUIDE_META}:3:", "trop de niveaux imbriqués"),
    Case("nul-byte", replace(PAGE, "## Qui publie", "## Qui\x00 publie"),
         f"{PAGE}:10:7", "caractère de contrôle invisible U+0000"),
    Case("control-character-escaped", replace(GUIDE_META, '  fr: "Accueillir',
                                              '  fr: "\\u0007Accueillir'),
         f"{GUIDE_META}:", "caractère de contrôle invisible U+0007"),

    # --- Values -------------------------------------------------------------------------------
    Case("version-not-a-number", replace(GUIDE_META, 'version: "0.1"', "version: bientôt"),
         f"{GUIDE_META}:3:1", "la version « bientôt » n’est pas de la forme"),
    Case("metadata-only-comment", write(GUIDE_META, "# à remplir\n"),
         f"{GUIDE_META}: erreur", "le fichier ne contient rien"),
    Case("strategy-empty", write("strategy/strategy.yml", ""),
         "strategy/strategy.yml: erreur", "le fichier ne contient rien"),
    Case("campaign-empty", write("campaigns/violence-femmes.yml", "\n"),
         "campaigns/violence-femmes.yml: erreur", "le fichier ne contient rien"),
    Case("page-hides-generated-one", write("docs/fr/strategie/index.md",
                                           "---\ndescription: Ma page\n---\n\n# Stratégie\n"),
         "docs/fr/strategie/index.md:", "le même chemin qu’une page faite à partir des données"),
    Case("bidi-override-in-title", replace(GUIDE_META, '  fr: "Accueillir',
                                           '  fr: "\u202eAccueillir'),
         f"{GUIDE_META}:", "caractère de contrôle de direction U+202E"),
    Case("bidi-override-escaped-in-contact", replace(
        "campaigns/violence-femmes.yml", "contacts: []",
        "contacts:\n  - label: {fr: \"Ligne\", ar: \"خط\"}\n"
        "    value: \"\\u202e0522000000\"\n    source: \"Annuaire\"\n"
        "    verified_on: 2026-11-01\n"),
        "campaigns/violence-femmes.yml:", "caractère de contrôle de direction U+202E",
        {"SOURCE_DATE_EPOCH": "1796083200"}),
    Case("bidi-isolate-in-page", replace(PAGE, "## Qui publie", "## Qui \u2067publie"),
         f"{PAGE}:10:8", "U+2067"),
    Case("title-too-long", replace(GUIDE_META, '  fr: "Accueillir',
                                   '  fr: "' + "Accueillir les bénévoles " * 6 + 'et'),
         f"{GUIDE_META}:", "au-delà de 120, il ne tient plus sur la couverture"),
    Case("word-too-long", replace(GUIDE_META, '  fr: "Accueillir',
                                  '  fr: "' + "a" * 10000 + ' Accueillir'),
         f"{GUIDE_META}:", "fait 10000 caractères"),
    Case("count-out-of-date", lambda project: (
        write("campaigns/sixieme.yml", (project / "campaigns/violence-femmes.yml").read_text(
            encoding="utf-8").replace("id: violence-femmes", "id: sixieme", 1))(project),
        replace("mkdocs.yml", "      - campagnes/solidarite-benevolat.md\n",
                "      - campagnes/solidarite-benevolat.md\n      - campagnes/sixieme.md\n")(project)),
        "docs/fr/index.md:71:4", "la page dit « Cinq campagnes », mais les données en comptent 6"),
    Case("arabic-count-out-of-date", replace("docs/ar/index.md", "أربعة محاور", "ثلاثة محاور"),
         "docs/ar/index.md:23:", "la page dit « ثلاثة محاور », mais les données en comptent 4"),
    Case("image-too-large", lambda project: (
        write_bytes("docs/assets/enorme.png", png_header(20000, 20000))(project),
        append(PAGE, "\n![Une image](../assets/enorme.png)\n")(project)),
        f"{PAGE}:64:", "mesure 20000 × 20000 pixels"),
    Case("image-not-an-image", lambda project: (
        write("docs/assets/faux.png", "ce n’est pas une image")(project),
        append(PAGE, "\n![Une image](../assets/faux.png)\n")(project)),
        f"{PAGE}:64:", "est illisible ou n’est pas une image"),
]


def tree_digest(folder) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            digest.update(str(path.relative_to(folder)).encode() + path.read_bytes())
    return digest.hexdigest()


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """A project and the site published from it before anything breaks."""
    folder = tmp_path_factory.mktemp("published")
    site = build(copy_project(folder / "project"), folder / "site")
    return site, tree_digest(site)


def test_the_corpus_covers_every_kind_of_input():
    assert len(CORPUS) >= 100
    assert len({case.name for case in CORPUS}) == len(CORPUS)


@pytest.mark.parametrize("case", CORPUS, ids=[case.name for case in CORPUS])
def test_broken_input(case, published, tmp_path):
    project = copy_project(tmp_path / "project")
    case.breaking(project)

    checked = polesocial("check", root=project, **case.env)
    output = checked.stdout + checked.stderr
    assert "Traceback" not in output, output
    assert checked.returncode == 1, checked.stderr
    line = next((l for l in checked.stderr.splitlines()
                 if l.startswith(case.where) and case.what in l), None)
    assert line, f"no message naming {case.where!r} with {case.what!r}:\n{checked.stderr}"
    assert "— Correction :" in line

    site, digest = published
    target = tmp_path / "site"
    shutil.copytree(site, target)
    built = polesocial("build", "--site-dir", str(target), root=project, **case.env)
    output = built.stdout + built.stderr
    assert "Traceback" not in output, output
    assert built.returncode == 1
    assert line in built.stderr
    assert tree_digest(target) == digest, "the published site changed"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".site.")]


def test_messages_are_told_in_arabic_too(tmp_path):
    project = copy_project(tmp_path / "project")
    append(GUIDE, "\n## Titre { onclick=alert(1) }\n")(project)
    checked = polesocial("check", root=project, lang="ar")
    assert checked.returncode == 1
    assert f"{GUIDE}:311:12: خطأ: الخاصية «onclick» على <h2>" in checked.stderr
    assert "التصحيح:" in checked.stderr
