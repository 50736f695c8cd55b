"""A corpus of broken inputs, each run through `check` and through the build, as an editor's
mistake would be: a clear message naming the file and the line, a non-zero exit, and the
previously published site left exactly as it was (the build publishes atomically)."""

from __future__ import annotations

import hashlib
import shutil

import pytest

from conftest import build, copy_project, polesocial

A111_AR = "إعداد مشروع جديد لإعادة هيكلة الوزارة والمؤسسات الموضوعة تحت وصايتها، يستجيب"


def replace(path: str, old: str, new: str):
    def apply(project):
        file = project / path
        text = file.read_text(encoding="utf-8")
        assert old in text, (path, old)
        file.write_text(text.replace(old, new, 1), encoding="utf-8")
    return apply


def write_bytes(path: str, data: bytes):
    def apply(project):
        (project / path).write_bytes(data)
    return apply


def delete(path: str):
    def apply(project):
        (project / path).unlink()
    return apply


# (name, how to break the project, what the message must contain: "file:line" and a word)
CORPUS = [
    ("yaml-syntax-page", replace("docs/fr/a-propos.md", "title: À propos", 'title: "À propos'),
     "docs/fr/a-propos.md:", "YAML illisible"),
    ("yaml-syntax-data", replace("strategy/strategy.yml", "serves: [pole_staff]",
                                 "serves: [pole_staff"), "strategy/strategy.yml:", "YAML"),
    ("wrong-type", replace("docs/fr/index.md", "title: Accueil", "title: [Accueil]"),
     "docs/fr/index.md:2:1", "doit être un texte"),
    ("missing-arabic", replace("strategy/strategy.yml", '      ar: "الدعم المؤسساتي للقطب الاجتماعي وتقويته"\n', ""),
     "strategy/strategy.yml:129:7", "« ar » manque"),
    ("swapped-languages", replace("strategy/strategy.yml",
                                  '      ar: "الدعم المؤسساتي للقطب الاجتماعي وتقويته"',
                                  '      ar: "Appui institutionnel et renforcement du Pôle social"'),
     "strategy/strategy.yml:130:7", "caractères latins"),
    ("duplicate-identifier", replace("strategy/strategy.yml", "    - id: cooperatives\n",
                                     "    - id: associations\n"),
     "strategy/strategy.yml:", "déjà utilisé"),
    ("identifier-out-of-place", replace("strategy/strategy.yml", "          - id: A1.1.1\n",
                                        "          - id: A1.1.5\n"),
     "strategy/strategy.yml:137:13", "ne correspond pas à sa place"),
    ("unknown-tag", replace("strategy/strategy.yml", "serves: [pole_staff]", "serves: [staff]"),
     "strategy/strategy.yml:148:22", "« staff » n’est pas défini"),
    ("unknown-cross-reference", replace("strategy/strategy.yml", "see_also: [A4.1.1]",
                                        "see_also: [A9.1.1]"),
     "strategy/strategy.yml:", "« A9.1.1 » n’est pas défini"),
    ("guide-unknown-action", replace("guides/benevolat/guide.yml", "actions: [A3.3.1,",
                                     "actions: [Z3.3.1,"),
     "guides/benevolat/guide.yml:", "« Z3.3.1 » n’est pas défini"),
    ("guide-missing-language", delete("guides/benevolat/ar.md"),
     "guides/benevolat/ar.md:", "manque"),
    ("broken-internal-link", replace("docs/fr/a-propos.md", "## Qui publie",
                                     "Voir [la page](inexistante.md).\n\n## Qui publie"),
     "docs/fr/a-propos.md:", "ne mène à aucune page"),
    ("missing-image", replace("docs/ar/a-propos.md", "## الجهة الناشرة",
                              "![شعار](../assets/logo-absent.png)\n\n## الجهة الناشرة"),
     "docs/ar/a-propos.md:", "introuvable"),
    ("remote-image", replace("docs/fr/index.md", "## Quatre types de publication",
                             "![Logo](https://example.org/logo.png)\n\n## Quatre types de publication"),
     "docs/fr/index.md:", "viendrait d’un autre site"),
    ("remote-image-in-guide", replace("guides/benevolat/fr.md", "## Objet et public du guide",
                                      "![x](https://example.org/x.png)\n\n## Objet et public du guide"),
     "guides/benevolat/fr.md:", "viendrait d’un autre site"),
    ("script-in-page-title", replace("docs/fr/a-propos.md", "title: À propos",
                                     'title: "À propos <script>alert(1)</script>"'),
     "docs/fr/a-propos.md:2:1", "balisage HTML « <script> »"),
    ("script-in-data-title", replace("strategy/strategy.yml",
                                     'fr: "Restructuration des composantes du Pôle social"',
                                     'fr: "<img src=x onerror=alert(1)> Restructuration"'),
     "strategy/strategy.yml:134:11", "balisage HTML « <img src=x onerror=alert(1)> »"),
    ("oversized-file", write_bytes("docs/fr/a-propos.md",
                                   b"---\ndescription: x\n---\n" + b"a " * 1_100_000),
     "docs/fr/a-propos.md:", "au-delà de la limite"),
    ("wrong-encoding", write_bytes("docs/fr/a-propos.md",
                                   "---\ndescription: Qui publie\n---\n\n# À propos\n"
                                   .encode("latin-1")),
     "docs/fr/a-propos.md:5:3", "pas en UTF-8"),
    ("unclosed-header", write_bytes("docs/ar/a-propos.md",
                                    "---\ndescription: وصف\n\n# حول الموقع\n".encode()),
     "docs/ar/a-propos.md:1:1", "jamais fermé"),
    ("arabic-page-alone", write_bytes("docs/ar/seule.md",
                                      "---\ndescription: صفحة\n---\n\n# صفحة\n".encode()),
     "docs/ar/seule.md:", "pas de version française"),
    ("menu-to-nowhere", replace("mkdocs.yml", "  - À propos: a-propos.md\n",
                                "  - À propos: a-propos.md\n  - Contact: contact.md\n"),
     "mkdocs.yml:", "« contact.md »"),
    ("unsafe-yaml", replace("campaigns/violence-femmes.yml", "status: draft",
                            "status: !!python/object/apply:os.system ['true']"),
     "campaigns/violence-femmes.yml:2:", "YAML illisible"),
    ("stale-contact", replace("campaigns/violence-femmes.yml", "contacts: []",
                              "contacts:\n  - label: {fr: \"Ligne\", ar: \"خط\"}\n"
                              "    value: \"0000\"\n    source: \"Annuaire\"\n"
                              "    verified_on: 2020-01-01\n"),
     "campaigns/violence-femmes.yml:", "il y a plus d’un an"),
    ("glossary-bad-type", replace("strategy/glossary.yml", "    verified: true\n",
                                  "    verified: peut-être\n"),
     "strategy/glossary.yml:", "true ou false"),
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


def test_the_corpus_has_at_least_twenty_broken_inputs():
    assert len(CORPUS) >= 20
    assert len({name for name, *_ in CORPUS}) == len(CORPUS)


@pytest.mark.parametrize("name, breaking, where, what", CORPUS, ids=[c[0] for c in CORPUS])
def test_broken_input(name, breaking, where, what, published, tmp_path):
    project = copy_project(tmp_path / "project")
    breaking(project)

    checked = polesocial("check", root=project)
    assert checked.returncode == 1, checked.stderr
    line = next((l for l in checked.stderr.splitlines() if l.startswith(where) and what in l),
                None)
    assert line, f"no message naming {where!r} with {what!r}:\n{checked.stderr}"

    site, digest = published
    target = tmp_path / "site"
    shutil.copytree(site, target)
    built = polesocial("build", "--site-dir", str(target), root=project)
    assert built.returncode == 1
    assert line in built.stderr
    assert tree_digest(target) == digest, "the published site changed"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".site.")]
