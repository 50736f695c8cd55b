"""The trust boundary seen from the output: what a reader's browser and PDF viewer receive.

- Every built page holds no script but the theme's own (by their text), no event-handler
  attribute, no javascript:/data:/file: address, no frame; the Content-Security-Policy lists
  exactly the hashes of the scripts the pages hold.
- No PDF embeds a file, runs code or points at a local file.
- A script that reaches a page by a way `check` does not see (a template printing a value of
  the configuration) fails the build, naming the page.
- The sanitiser itself, on classic attack vectors.
- The PDF cache is verified before it is trusted; the renderer leaves nothing in the temporary
  folder; a killed build's leftovers are removed by the next one.
- scripts/system-deps decides the same way every time.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, build, copy_project, polesocial
from polesocial import sanitiser

MATERIAL = Path(sys.modules["yaml"].__file__).parents[1] / "material" / "templates"


def _theme_scripts(template: str) -> list[str]:
    text = (MATERIAL / template).read_text(encoding="utf-8")
    return re.findall(r"<script>(.*?)</script>", text, re.S)


def known_theme_scripts() -> list[re.Pattern]:
    """The inline scripts Material's templates write, as the pages may hold them: the storage
    helpers (whose scope is the site's root, written as a relative path) and the content
    scripts (tabs and their link target)."""
    scope, = _theme_scripts("partials/javascripts/base.html")
    before, after = scope.split("{{ config.extra.scope | d(base_url) }}")
    return [re.compile(re.escape(before) + r"(?:\.|\.\.(?:/\.\.)*|/)" + re.escape(after)),
            *(re.compile(re.escape(code))
              for code in _theme_scripts("partials/javascripts/content.html"))]


class _Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.scripts: list[str] = []
        self.problems: list[str] = []
        self._script = None

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}>")
            if name in ("href", "src", "action", "formaction", "data") and value:
                address = re.sub(r"[\t\n\r ]", "", html.unescape(value)).lower()
                if address.startswith(("javascript:", "vbscript:", "file:", "data:text")):
                    self.problems.append(f"<{tag} {name}={value[:30]}>")
        if tag in ("iframe", "frame", "object", "embed", "base", "applet"):
            self.problems.append(f"<{tag}>")
        if tag == "script":
            attributes = dict(attrs)
            self._script = None if "src" in attributes or \
                attributes.get("type") == "application/json" else []

    def handle_data(self, data):
        if self._script is not None:
            self._script.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self.scripts.append("".join(self._script))
            self._script = None


def test_every_page_holds_only_the_themes_scripts_and_nothing_that_runs(site):
    known = known_theme_scripts()
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 50
    seen = set()
    for path in pages:
        parser = _Page()
        parser.feed(path.read_text(encoding="utf-8"))
        assert not parser.problems, (path, parser.problems)
        for script in parser.scripts:
            assert any(pattern.fullmatch(script) for pattern in known), (path, script[:80])
            seen.add("'sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest())
                     .decode() + "'")
    policy = (site / ".deploy/nginx-csp.conf").read_text(encoding="utf-8")
    listed = set(re.findall(r"'sha256-[^']+'", policy))
    assert listed == seen  # every script the pages hold, and nothing else
    assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy


def test_no_pdf_embeds_a_file_runs_code_or_points_at_a_local_file(site):
    from pypdf import PdfReader

    pdfs = sorted((site / "pdf").glob("*.pdf"))
    assert len(pdfs) >= 57
    for path in pdfs:
        reader = PdfReader(path)
        names = reader.trailer["/Root"].get("/Names") or {}
        assert "/EmbeddedFiles" not in names and "/JavaScript" not in names, path.name
        assert "/OpenAction" not in reader.trailer["/Root"] or "/JS" not in str(
            reader.trailer["/Root"]["/OpenAction"]), path.name
        for page in reader.pages:
            for annotation in page.get("/Annots") or []:
                annotation = annotation.get_object()
                assert annotation.get("/Subtype") != "/FileAttachment", path.name
                action = annotation.get("/A")
                if action is None:
                    continue
                action = action.get_object()
                assert action.get("/S") in ("/URI", "/GoTo"), (path.name, action)
                uri = str(action.get("/URI", ""))
                assert not uri or uri.startswith(("https://", "http://", "mailto:", "tel:")), \
                    (path.name, uri)


def test_a_script_that_reaches_a_page_past_check_fails_the_build(tmp_path):
    """A template that prints a configuration value as it is: check does not read that value,
    the verification of the finished pages does."""
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "extra:\n", "extra:\n  note: \"<script>alert(document.domain)</script>\"\n", 1),
        encoding="utf-8")
    (project / "overrides/partials").mkdir(parents=True, exist_ok=True)
    (project / "overrides/partials/copyright.html").write_text(
        "<div class=\"md-copyright\">{{ config.extra.note }}</div>\n", encoding="utf-8")
    site = tmp_path / "site"
    result = polesocial("build", "--site-dir", str(site), root=project)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert re.search(r"^(ar/)?[a-z0-9/-]*\.html : la page contiendrait ce qui peut exécuter du "
                     r"code .*<script>alert\(document\.domain\)", result.stderr, re.M), \
        result.stderr
    assert not site.exists()


def test_a_templates_own_inline_script_is_allowed_and_listed(tmp_path):
    """The project's templates are code, reviewed as code: their inline scripts are known."""
    project = copy_project(tmp_path / "project")
    (project / "overrides/partials").mkdir(parents=True, exist_ok=True)
    (project / "overrides/partials/copyright.html").write_text(
        "<div class=\"md-copyright\"><script>console.log(\"{{ base_url }}\")</script></div>\n",
        encoding="utf-8")
    site = build(project, tmp_path / "site")
    policy = (site / ".deploy/nginx-csp.conf").read_text(encoding="utf-8")
    for code in ('console.log("..")', 'console.log(".")'):
        digest = base64.b64encode(hashlib.sha256(code.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in policy


class _Known:
    """A template's scripts as web.csp gives them: with a signature, so that the verifier
    keeps what it found line by line."""

    signature = ("console.log(1)",)

    def __call__(self, code):
        return code == "console.log(1)"


def test_a_line_verified_on_one_page_is_judged_again_where_it_could_run():
    """The verification reads the pages' lines once (the menu, header and footer repeat from
    page to page), and only from a place where a line means the same on every page: between
    two tags. The same text inside a script, an attribute or a comment is read again; a line
    that was wrong on one page is wrong on the next."""
    known = _Known()
    plain = "<p>\nalert(1)\n</p>\n<div title=\"x\">onclick=1</div>\n<p>\nconsole.log(1)\n</p>\n"
    assert sanitiser.unsafe_output(plain, known) == ([], [])
    inside = "<script>\nalert(1)\n</script>\n<div\nonclick=1>x</div>\n<!--\n--><script>console.log(1)</script>\n"
    problems, scripts = sanitiser.unsafe_output(inside, known)
    assert any("alert(1)" in problem for problem in problems), problems
    assert "<div onclick=…>" in problems
    assert scripts == ["console.log(1)"]
    injected = "<p>\n<img src=x onerror=alert(1)>\n</p>\n"
    for page in range(3):
        assert sanitiser.unsafe_output(injected, known)[0] == ["<img onerror=…>"], page
    # Every built page's findings are the ones a single pass over the page gives.
    for page in [plain, inside, injected, plain + inside, inside.replace("\n", "\r\n")]:
        verifier = sanitiser._Verifier(known)
        verifier.feed(page)
        verifier.close()
        assert sanitiser.unsafe_output(page, known) == (verifier.problems,
                                                          verifier.inline_scripts)


def test_the_audit_converts_markdown_as_the_site_does():
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"),
                       Loader=yaml.BaseLoader)
    names = [next(iter(item)) if isinstance(item, dict) else item
             for item in config["markdown_extensions"]]
    from mkdocs.config.defaults import MkDocsConfig

    builtins = MkDocsConfig.markdown_extensions.builtins  # what MkDocs adds to every site
    assert sorted(set(names) | set(builtins)) == sorted(sanitiser.MARKDOWN_EXTENSIONS)


VECTORS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//example.org/x.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    "<img src=\"javascript:alert(1)\">",
    "<svg><script>alert(1)</script></svg>",
    "<svg onload=alert(1)>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<a href=\"&#106;avascript:alert(1)\">x</a>",
    "<a href=\"java&#x09;script:alert(1)\">x</a>",
    "<a href=\" javascript:alert(1)\">x</a>",
    "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
    "<a href=\"vbscript:msgbox(1)\">x</a>",
    "<a href=\"file:///etc/passwd\" rel=\"attachment\">x</a>",
    "<iframe src=\"https://example.org\"></iframe>",
    "<object data=\"x.swf\"></object><embed src=\"x.swf\">",
    "<form action=\"https://example.org\"><button formaction=\"javascript:alert(1)\">x</button>"
    "</form>",
    "<div style=\"background:url(javascript:alert(1))\">x</div>",
    "<p id=\"__config\">{}</p>",
    "<base href=\"https://example.org/\">",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
    "<details open ontoggle=alert(1)>x</details>",
    "<!--><script>alert(1)</script>-->",
    "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
    "<p>0522\u202e00 00</p>",
]


@pytest.mark.parametrize("vector", VECTORS)
def test_the_sanitiser_leaves_nothing_that_runs(vector):
    cleaned = sanitiser.clean(vector)
    problems, _ = sanitiser.unsafe_output(cleaned, lambda code: False)
    assert not problems, cleaned
    lowered = cleaned.lower()
    for banned in ("<script", "onerror", "onload", "ontoggle", "javascript:", "vbscript:",
                   "data:text", "<iframe", "<object", "<embed", "<base", "<meta", "style=",
                   "rel=", "file:", "id=\"__", "\u202e"):
        assert banned not in lowered, (vector, cleaned)
    parser = _Page()
    parser.feed(cleaned)
    assert not parser.problems and not parser.scripts, cleaned


def test_the_sanitiser_keeps_what_the_pages_are_made_of():
    fragment = ('<h2 id="etapes">Étapes<a class="headerlink" href="#etapes" title="Lien">¶</a>'
                '</h2><div class="admonition warning" role="note"><p class="admonition-title">'
                'Note</p></div><p lang="ar" dir="rtl">نص <bdi dir="ltr">2012-2016</bdi></p>'
                '<table><thead><tr><th>A</th></tr></thead><tbody><tr><td colspan="2">b</td></tr>'
                '</tbody></table><p><a href="../../pdf/x.pdf" download="" type="application/pdf">'
                'PDF</a> <a href="https://example.org/">x</a> <a href="mailto:a@b.ma">m</a> '
                '<a href="tel:+212500000000">t</a> <img src="../assets/x.png" alt="x"></p>')
    assert sanitiser.clean(fragment) == fragment


def test_the_pdf_cache_is_verified_and_the_renderer_leaves_nothing_behind(
        tmp_path, base_url, served_pdf_cache):
    # The served site's sources and address, from a copy of its cache less one PDF: one
    # document is rendered, the others come from the cache.
    project = ROOT
    name = "guide-benevolat-fr.pdf"
    cache, temporary, site = tmp_path / "cache", tmp_path / "tmp", tmp_path / "site"
    shutil.copytree(served_pdf_cache, cache)
    manifest = json.loads((cache / "manifest.json").read_text(encoding="utf-8"))
    del manifest[name]
    (cache / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    (cache / name).unlink()
    temporary.mkdir()
    stale = temporary / "polesocial-print-999999999-leftover"  # a killed build's (dead pid)
    stale.mkdir()
    killed = tmp_path / ".site.new-999999999-leftover"
    killed.mkdir()
    env = {"POLESOCIAL_PDF_CACHE": str(cache), "TMPDIR": str(temporary)}
    first = polesocial("build", "--site-dir", str(site), root=project, site_url=base_url,
                       pdf=True, **env)
    assert first.returncode == 0, first.stdout + first.stderr
    rendered = [line for line in (first.stdout + first.stderr).splitlines()
                if line.startswith("PDF ") and "(cache)" not in line]
    assert len(rendered) == 1 and name in rendered[0], rendered  # the one PDF rendered
    assert not list(temporary.iterdir()), list(temporary.iterdir())  # stale one removed too
    assert not killed.exists()
    good = (site / "pdf" / name).read_bytes()

    (cache / name).write_bytes(good[:1000])  # a truncated cached PDF
    result = polesocial("build", "--site-dir", str(site), root=project, site_url=base_url,
                        pdf=True, **env)
    assert result.returncode == 0, result.stderr
    assert f"PDF {name} : la copie en cache est abîmée ; il est refait." in result.stderr \
        + result.stdout
    assert (site / "pdf" / name).read_bytes() == good

    (cache / "manifest.json").write_bytes(b"")  # emptied (a full disk, a killed write)
    # Every PDF would be rendered again: the guide's books alone go through the same printer.
    from polesocial import print as printing
    from polesocial import problems, publication

    loaded = publication.load(project, problems.Report(project))
    books = [b for b in loaded.books(base_url) if getattr(b, "id", "") == "guide-benevolat"]
    lines: list[str] = []
    printing.Printer(project, cache=cache).build(books, progress=lines.append)
    output = "\n".join(lines)
    assert "le registre du cache des PDF" in output and "illisible" in output, output
    assert (cache / name).read_bytes() == good
    assert not [p for p in cache.iterdir() if p.name.startswith(".")]  # no half-written file


@pytest.mark.parametrize("damage", [b"", b'{"guide-benevolat-fr.pdf": ', b"[1, 2]",
                                    b"\xff\xfe{}", b'{"x.pdf": {"key": 3}}'])
def test_a_damaged_manifest_means_render_again(tmp_path, damage):
    from polesocial.print.pipeline import MANIFEST, Printer

    (tmp_path / MANIFEST).write_bytes(damage)
    lines: list[str] = []
    manifest = Printer(ROOT, cache=tmp_path, jobs=1)._manifest(lines.append)
    assert all(not isinstance(entry, dict) or "sha256" not in entry
               for entry in manifest.values())
    if damage in (b"", b'{"guide-benevolat-fr.pdf": ', b"[1, 2]", b"\xff\xfe{}"):
        assert manifest == {} and len(lines) == 1 and "illisible" in lines[0]


LISTING = "".join(["1234 libs found in cache\n",
                   "\tlibpango-1.0.so.0 (libc6,x86-64) => /usr/lib/libpango-1.0.so.0\n",
                   "\tlibpangoft2-1.0.so.0 (libc6,x86-64) => /usr/lib/libpangoft2-1.0.so.0\n"]
                  + [f"\tlibfiller{i}.so.1 (libc6,x86-64) => /usr/lib/libfiller{i}.so.1\n"
                     for i in range(3000)])


def test_system_deps_gives_the_same_answer_every_time(tmp_path):
    """The libraries come first in the listing and thousands of lines follow: a reader that
    stops at the match (grep -q in a pipe) makes the writer die of SIGPIPE, which pipefail
    turned into "missing"."""
    bin_folder = tmp_path / "bin"
    bin_folder.mkdir()
    (tmp_path / "listing").write_text(LISTING)
    (bin_folder / "ldconfig").write_text(f"#!/bin/sh\nexec cat {tmp_path}/listing\n")
    (bin_folder / "apt-get").write_text(f"#!/bin/sh\ntouch {tmp_path}/apt-get-ran\n")
    for tool in ("ldconfig", "apt-get"):
        (bin_folder / tool).chmod(0o755)
    env = dict(os.environ, PATH=f"{bin_folder}:{os.environ['PATH']}")
    script = (f"set -euo pipefail; source {ROOT}/scripts/system-deps; python_ok() {{ :; }}; "
              "n=0; for i in $(seq 1000); do libraries=''; "
              "[ -z \"$(missing_for build)\" ] || n=$((n + 1)); done; echo $n")
    load = subprocess.Popen([sys.executable, "-c", "while True: pass"])  # the other core busy
    try:
        result = subprocess.run(["bash", "-c", script], capture_output=True, text=True,
                                env=env, timeout=600)
    finally:
        load.kill()
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "0"  # 1,000 times "nothing missing"
    for _ in range(20):
        ran = subprocess.run([f"{ROOT}/scripts/system-deps", "build"], env=env,
                             capture_output=True, text=True, timeout=120)
        assert ran.returncode == 0, ran.stderr
    assert not (tmp_path / "apt-get-ran").exists()


def test_system_deps_names_what_is_missing(tmp_path):
    bin_folder = tmp_path / "bin"
    bin_folder.mkdir()
    (bin_folder / "ldconfig").write_text("#!/bin/sh\necho '0 libs found in cache'\n")
    (bin_folder / "ldconfig").chmod(0o755)
    env = dict(os.environ, PATH=f"{bin_folder}:{os.environ['PATH']}")
    result = subprocess.run([f"{ROOT}/scripts/system-deps", "--missing", "build"], env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.stdout.split() == ["libpango-1.0-0", "libpangoft2-1.0-0"]


@pytest.fixture(autouse=True)
def _no_leftover_copies(tmp_path):
    yield
    shutil.rmtree(tmp_path, ignore_errors=True)


@pytest.mark.parametrize("breaking, message", [
    (lambda project: (project / "docs/fr/a-propos.md").write_text(
        "---\ndescription: x\n---\n\n# À propos\n\n<script>alert(1)</script>\n",
        encoding="utf-8"), "docs/fr/a-propos.md:7:1: erreur: balisage HTML « <script> »"),
    (lambda project: os.symlink("/etc/passwd", project / "docs/assets/x.txt"),
     "docs/assets/x.txt: erreur: lien symbolique (vers « /etc/passwd »)"),
])
def test_the_engine_started_by_itself_refuses_what_check_refuses(tmp_path, breaking, message):
    """`mkdocs build` (or `mkdocs serve`) run directly goes through the same boundary."""
    project = copy_project(tmp_path / "project")
    breaking(project)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", POLESOCIAL_PDF="0", POLESOCIAL_LANG="fr")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--site-dir",
                             str(tmp_path / "site")], cwd=project, env=env,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode != 0
    assert message in result.stderr
    assert not (tmp_path / "site" / "a-propos").exists()
