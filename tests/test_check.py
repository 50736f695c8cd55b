"""`polesocial check` and `build` on good and broken sources: what an editor sees."""

from __future__ import annotations

import re

import pytest

from conftest import ROOT, build, polesocial
from polesocial import check, languages, messages


def write(path, text, encoding="utf-8"):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))


def test_shipped_sources_have_no_problem():
    report = check.run(ROOT)
    assert [p.format() for p in report.problems] == []


def test_cli_check_passes_on_shipped_sources():
    result = polesocial("check")
    assert result.returncode == 0, result.stderr
    assert "0 erreur(s), 0 avertissement(s)." in result.stderr


def test_broken_yaml_header_names_file_line_and_fix(project):
    write(project / "docs/fr/a-propos.md",
          "---\ntitle: À propos\ndescription: \"jamais fermé\n---\n\n# À propos\n")
    result = polesocial("check", root=project)
    assert result.returncode == 1
    line = next(l for l in result.stderr.splitlines() if l.startswith("docs/fr/a-propos.md"))
    # The line where the quote opens, not the line where the reader gave up.
    assert line.startswith("docs/fr/a-propos.md:3:14: erreur: les guillemets ouverts sur cette "
                           "ligne ne sont jamais fermés"), line
    assert "Correction :" in line


def test_header_problems_are_all_reported_at_once_with_their_lines(project):
    write(project / "docs/fr/index.md",
          "---\ntitle: [une, liste]\ndescripton: faute de frappe\n---\n\n# Accueil\n")
    write(project / "docs/ar/index.md",
          "---\ntitle: \"\"\ndescription: وصف الصفحة\n---\n\n# الرئيسية\n")
    result = polesocial("check", root=project)
    assert result.returncode == 1
    err = result.stderr
    assert "docs/fr/index.md:2:1: erreur: le champ « title » doit être un texte" in err
    assert "docs/fr/index.md:3:1: erreur: champ « descripton » inconnu" in err
    assert "docs/fr/index.md:1:1: erreur: le champ « description » manque" in err
    assert "docs/ar/index.md:2:1: erreur: le champ « title » est vide" in err
    assert "4 erreur(s)" in err


def test_file_not_in_utf8_is_reported_with_line_and_column(project):
    write(project / "docs/fr/a-propos.md",
          "---\ndescription: Qui publie\n---\n\n# À propos\n\nLe Pôle social.\n", "latin-1")
    result = polesocial("check", root=project)
    assert result.returncode == 1
    assert "docs/fr/a-propos.md:5:3: erreur: le fichier n’est pas en UTF-8 (octet 0xC0" \
        in result.stderr


def test_unclosed_header_is_an_error(project):
    write(project / "docs/ar/a-propos.md", "---\ndescription: وصف\n\n# حول الموقع\n")
    result = polesocial("check", root=project)
    assert result.returncode == 1
    assert "docs/ar/a-propos.md:1:1: erreur: l’en-tête de la page" in result.stderr


def test_arabic_page_without_french_page_is_an_error(project):
    write(project / "docs/ar/seule.md", "---\ndescription: صفحة عربية فقط\n---\n\n# صفحة\n")
    result = polesocial("check", root=project)
    assert result.returncode == 1
    assert "docs/ar/seule.md: erreur: cette page n’a pas de version française " \
           "(docs/fr/seule.md)" in result.stderr


def test_missing_translation_is_a_warning_that_strict_turns_into_an_error(project):
    (project / "docs/ar/a-propos.md").unlink()
    result = polesocial("check", root=project)
    assert result.returncode == 0
    assert "avertissement: la page n’existe pas encore en arabe (docs/ar/a-propos.md)" \
        in result.stderr
    assert polesocial("check", "--strict", root=project).returncode == 1


def test_untranslated_paragraph_in_an_arabic_page_is_flagged_on_its_line(project):
    page = project / "docs/ar/a-propos.md"
    text = page.read_text(encoding="utf-8").replace(
        "## الجهة الناشرة\n",
        "## الجهة الناشرة\n\nCe paragraphe est resté en français par erreur dans la page.\n")
    write(page, text)
    line = text.splitlines().index(
        "Ce paragraphe est resté en français par erreur dans la page.") + 1
    result = polesocial("check", "--strict", root=project)
    assert result.returncode == 1
    assert f"docs/ar/a-propos.md:{line}:1: avertissement: ce paragraphe d’une page arabe est " \
           "surtout écrit en caractères latins" in result.stderr


def test_menu_entries_need_a_page_and_an_arabic_title(project):
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace(
        "  - À propos: a-propos.md\n", "  - À propos: a-propos.md\n  - Contact: contact.md\n")
    write(config, text)
    line = text.splitlines().index("  - Contact: contact.md") + 1
    result = polesocial("check", root=project)
    assert result.returncode == 1
    assert f"mkdocs.yml:{line}:5: erreur: le menu cite « contact.md »" in result.stderr
    assert f"mkdocs.yml:{line}:5: erreur: le titre de menu « Contact » n’a pas de traduction " \
           "arabe" in result.stderr


def test_messages_in_arabic_on_request(project):
    write(project / "docs/fr/index.md", "---\ntitle: [a]\ndescription: x\n---\n# Accueil\n")
    result = polesocial("check", root=project, lang="ar")
    assert result.returncode == 1
    assert "docs/fr/index.md:2:1: خطأ: يجب أن يكون الحقل «title» نصًا" in result.stderr
    assert "عدد الأخطاء: 1" in result.stderr


def test_yaml_is_loaded_safely(project):
    write(project / "docs/fr/index.md",
          "---\ndescription: !!python/object/apply:os.system ['echo owned']\n---\n# A\n")
    result = polesocial("check", root=project)
    assert result.returncode == 1
    assert "docs/fr/index.md:2:14: erreur: étiquette de type « !!python/object/apply:os.system »" \
        in result.stderr
    assert "owned" not in result.stdout


def test_every_message_exists_in_both_languages_and_in_the_right_script():
    catalogues = [messages.UI, messages.SEVERITY, {"fix": messages.FIX}]
    for catalogue in catalogues:
        for key, texts in catalogue.items():
            assert set(texts) == {"fr", "ar"}, key
            if not any(c.isalpha() for c in re.sub(r"\{\w+\}", "", texts["fr"] + texts["ar"])):
                continue  # a pure format, e.g. "{language}, {pages}, {size}"
            arabic, latin = languages.script_counts(re.sub(r"\{\w+\}", "", texts["ar"]))
            assert arabic > latin, f"{key}: Arabic text is not in Arabic"
            arabic, latin = languages.script_counts(re.sub(r"\{\w+\}", "", texts["fr"]))
            assert latin > arabic or key == "pole_social" and latin, \
                f"{key}: French text is not in French"
    for code, texts in messages.PROBLEMS.items():
        assert set(texts) == {"fr", "ar"}, code
        for lang in ("fr", "ar"):
            assert all(part.strip() for part in texts[lang]), (code, lang)
        # Arabic texts are Arabic apart from the placeholders and file names they quote.
        arabic, latin = languages.script_counts(re.sub(r"\{\w+\}|<[^>]*>|[\w./-]+\.(md|yml)",
                                                       "", " ".join(texts["ar"])))
        assert arabic > latin, code


def test_failed_build_leaves_the_published_site_untouched(project, tmp_path):
    site = build(project, tmp_path / "site")
    before = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    write(project / "docs/fr/index.md", "---\ndescription: [\n---\n# Accueil\n")
    result = polesocial("build", "--site-dir", str(site), root=project)
    assert result.returncode == 1
    assert "docs/fr/index.md:2:14: erreur: la liste « [ » ou le groupe « { » ouvert ici" \
        in result.stderr
    after = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert after == before
    assert not [p.name for p in site.parent.iterdir() if p.name.startswith(".site.")]


def test_engine_failure_leaves_the_published_site_untouched(project, tmp_path):
    site = build(project, tmp_path / "site")
    marker = (site / "index.html").read_bytes()
    # A link to an anchor that does not exist passes check but fails the strict build.
    page = project / "docs/fr/a-propos.md"
    write(page, page.read_text(encoding="utf-8") + "\n[Lien cassé](index.md#nulle-part)\n")
    result = polesocial("build", "--site-dir", str(site), root=project)
    assert result.returncode == 1
    assert "nulle-part" in result.stderr
    assert "n’a pas été modifié" in result.stderr
    assert (site / "index.html").read_bytes() == marker


def test_an_unexpected_failure_is_told_without_a_traceback(monkeypatch, capsys):
    """The CLI's last line of defence: a failure nobody foresaw names the command, says nothing
    was published and how to see the detail; with POLESOCIAL_DEBUG=1 the traceback comes."""
    from polesocial import cli

    def broken(*args, **kwargs):
        raise RuntimeError("planted")

    monkeypatch.setattr(check, "run", broken)
    monkeypatch.delenv("POLESOCIAL_DEBUG", raising=False)
    for lang, expected in (("fr", "Erreur inattendue pendant « polesocial check » (RuntimeError)"),
                           ("ar", "خطأ غير متوقع أثناء «polesocial check» (RuntimeError)")):
        monkeypatch.setenv("POLESOCIAL_LANG", lang)
        assert cli.main(["check"]) == 1
        err = capsys.readouterr().err
        assert expected in err and "Traceback" not in err and "planted" not in err, err
    monkeypatch.setenv("POLESOCIAL_DEBUG", "1")
    with pytest.raises(RuntimeError, match="planted"):
        cli.main(["check"])
