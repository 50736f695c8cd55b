"""The nginx configuration of deploy/ against a real nginx on loopback (Debian's package), over
TLS with a certificate made for the test: plain HTTP redirected to HTTPS, modern protocols only,
HSTS, compression, cache lifetimes, security headers, a Content-Security-Policy the site
satisfies in a real browser, the 404 page of each language, and every PDF link answering with a
PDF."""

from __future__ import annotations

import re
import socket
import ssl
import urllib.error
import urllib.parse
import urllib.request

import pytest

from polesocial import loopback


@pytest.fixture(scope="module")
def served(site, tmp_path_factory):
    """nginx serving the built site with the repository's configuration."""
    try:
        with loopback.serve(site, tmp_path_factory.mktemp("nginx")) as served:
            yield served
    except loopback.NginxMissing as missing:
        pytest.fail(str(missing))


@pytest.fixture(scope="module")
def nginx(served):
    """The site's https:// address."""
    _context.append(served.context())
    return served.base


_context: list = []


@pytest.fixture(scope="module")
def tls_browser(playwright, served):
    """Debian's Chromium trusting the test's certificate, as readers' browsers trust the
    host's: the site's service worker runs only then."""
    browser = playwright.chromium.launch(executable_path=loopback.CHROMIUM,
                                         args=served.chromium_args())
    yield browser
    browser.close()


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def get(url, gzip=False, follow=True):
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gzip else {})
    handlers = [urllib.request.HTTPSHandler(context=_context[-1])] if _context else []
    if not follow:
        handlers.append(_NoRedirect())
    try:
        response = urllib.request.build_opener(*handlers).open(request, timeout=10)
    except urllib.error.HTTPError as error:
        response = error
    return response.status, dict(response.headers), response.read()


def test_plain_http_only_redirects_to_https(served, nginx):
    for path in ("", "guides/benevolat/", "pdf/strategie-4plus4-fr.pdf"):
        status, headers, body = get(served.plain + path, follow=False)
        assert status == 301, path
        assert headers["Location"] == f"https://127.0.0.1/{path}", headers
        assert b"Pole social" not in body and b"<article" not in body


def test_tls_is_modern_and_browsers_are_told_to_stay_on_it(served, nginx):
    host, port = served.base.split("//")[1].rstrip("/").split(":")
    for version in (ssl.TLSVersion.TLSv1_2, ssl.TLSVersion.TLSv1_3):
        context = served.context()
        context.minimum_version = context.maximum_version = version
        with context.wrap_socket(socket.create_connection((host, int(port))),
                                 server_hostname=host) as conn:
            assert conn.version() in ("TLSv1.2", "TLSv1.3")
    # Older protocols cannot be tried from here (this machine's OpenSSL refuses to speak them
    # as a client), so the configuration is read: nginx is told to offer these two only.
    config = (loopback.DEPLOY / "nginx.conf").read_text()
    assert re.search(r"^\s*ssl_protocols TLSv1\.2 TLSv1\.3;$", config, re.M)
    _, headers, _ = get(nginx)
    assert headers["Strict-Transport-Security"] == "max-age=63072000"
    _, headers, _ = get(nginx + "pdf/strategie-4plus4-fr.pdf")
    assert headers["Strict-Transport-Security"] == "max-age=63072000"
    assert "interest-cohort" not in headers["Permissions-Policy"]


def test_pages_are_compressed_and_carry_the_security_headers(nginx):
    status, headers, _ = get(nginx, gzip=True)
    assert status == 200 and headers["Content-Encoding"] == "gzip"
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    policy = headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert "'unsafe-inline'" not in policy and "'sha256-" in policy
    assert "Server" not in headers or "nginx/" not in headers["Server"]


def test_cache_lifetimes(site, nginx):
    bundle = next((site / "assets/javascripts").glob("bundle.*.min.js")).name
    _, headers, _ = get(f"{nginx}assets/javascripts/{bundle}", gzip=True)
    assert headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert headers["Content-Encoding"] == "gzip"
    assert "Content-Security-Policy" in headers  # the security headers survive in locations
    _, headers, _ = get(f"{nginx}assets/fonts/noto-sans-latin-400-normal.woff2")
    assert headers["Cache-Control"] == "public, max-age=2592000"
    _, headers, _ = get(f"{nginx}pdf/strategie-4plus4-ar.pdf")
    assert headers["Cache-Control"] == "public, max-age=86400"


def test_each_language_has_its_not_found_page(nginx):
    status, _, body = get(f"{nginx}nulle-part/")
    assert status == 404 and "Page introuvable" in body.decode()
    status, _, body = get(f"{nginx}ar/nulle-part/")
    assert status == 404 and "الصفحة غير موجودة" in body.decode()


def test_the_build_files_are_not_served(site, nginx):
    assert (site / ".deploy/nginx-csp.conf").is_file()
    assert get(f"{nginx}.deploy/nginx-csp.conf")[0] == 404


def test_every_pdf_link_answers_with_a_pdf(site, nginx):
    links = set()
    for page in site.rglob("*.html"):
        for href in re.findall(r'href="([^"]+\.pdf)"', page.read_text(encoding="utf-8")):
            url = urllib.parse.urljoin(nginx + str(page.parent.relative_to(site)) + "/", href)
            links.add(url.replace("/./", "/"))
    published = {nginx + pdf.relative_to(site).as_posix() for pdf in site.rglob("*.pdf")}
    assert len(published) >= 12 + 45 and published <= links, sorted(published - links)
    for url in sorted(links):
        status, headers, body = get(url)
        assert status == 200 and headers["Content-Type"] == "application/pdf", url
        assert body[:5] == b"%PDF-", url


@pytest.mark.parametrize("path", ["", "ar/", "strategie/axe-2/", "ar/guides/benevolat/",
                                  "campagnes/violence-femmes/", "ar/nulle-part/"])
def test_the_site_satisfies_its_content_security_policy(tls_browser, nginx, path):
    context = tls_browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    problems = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.add_init_script("document.addEventListener('securitypolicyviolation', e => "
                         "console.error('CSP ' + e.violatedDirective + ' ' + e.blockedURI))")
    page.goto(nginx + path)
    page.wait_for_load_state("networkidle")
    # The service worker runs under the policy (worker-src 'self') and takes the page over.
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=20000)
    page.click("label.md-search__icon, .md-search__input")
    page.fill(".md-search__input", "2012")
    for _ in range(20):
        page.press(".md-search__input", "End")
        if page.query_selector(".md-search-result__item"):
            break
        page.wait_for_timeout(250)
    assert page.query_selector(".md-search-result__item"), "search found nothing through nginx"
    context.close()
    problems = [p for p in problems if "404" not in p or not path.endswith("nulle-part/")]
    assert not problems, problems


@pytest.mark.parametrize("path", ["", "ar/guides/benevolat/", "ar/search/search_text.json",
                                  "assets/css/site.css", "sw.js"])
def test_the_precompressed_copies_are_sent_as_they_are(site, nginx, path):
    file = site / (path + "index.html" if path.endswith("/") or not path else path)
    status, headers, body = get(nginx + path, gzip=True)
    assert status == 200 and headers["Content-Encoding"] == "gzip"
    assert body == file.with_name(file.name + ".gz").read_bytes()  # not compressed again
    assert headers["Vary"] == "Accept-Encoding"


def test_the_service_worker_manifests_and_kits_are_served_for_what_they_are(nginx):
    import json

    _, headers, body = get(nginx + "sw.js")
    assert headers["Cache-Control"] == "no-cache"  # a rebuilt site reaches readers at once
    assert headers["Content-Type"].split(";")[0] in ("application/javascript", "text/javascript")
    assert b"const VERSION" in body and "Content-Security-Policy" in headers
    for path, lang in (("manifest.webmanifest", "fr"), ("ar/manifest.webmanifest", "ar")):
        status, headers, body = get(nginx + path)
        assert status == 200 and headers["Content-Type"] == "application/manifest+json", headers
        assert headers["Cache-Control"] == "no-cache"
        assert json.loads(body)["lang"] == lang
    status, headers, body = get(nginx + "telechargements/kit-formateur-ar.zip")
    assert status == 200 and headers["Content-Type"] == "application/zip"
    assert headers["Cache-Control"] == "public, max-age=86400" and body[:2] == b"PK"
