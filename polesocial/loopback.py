"""The site on loopback as readers get it, for the tests and the benchmark's page weights:
Debian's nginx serving a built site with the deploy/ configuration exactly as a ministry host
would (TLS, the redirect from plain HTTP, compression, cache lifetimes, security headers, the
404 page of each language), and Debian's Chromium to open it (never a browser downloaded by a
test tool). The TLS certificate is made for the occasion with openssl, for 127.0.0.1."""

from __future__ import annotations

import shutil
import socket
import ssl
import subprocess
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

DEPLOY = Path(__file__).resolve().parents[1] / "deploy"
NGINX = "/usr/sbin/nginx"
CHROMIUM = "/usr/bin/chromium"
# Flags that keep Chromium from calling Google's services at start: where the machine may reach
# only package registries those connections fail, and they would count as foreign requests.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-gpu"]


class NginxMissing(RuntimeError):
    pass


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass(frozen=True)
class Served:
    base: str  # https://127.0.0.1:port/
    plain: str  # http://127.0.0.1:port/, which redirects to https
    certificate: Path  # the self-signed certificate, to trust it

    def context(self) -> ssl.SSLContext:
        """An SSL context that trusts this server's certificate (for urllib)."""
        return ssl.create_default_context(cafile=str(self.certificate))


def certificate(folder: Path) -> tuple[Path, Path]:
    """A self-signed certificate and its key for 127.0.0.1, made with openssl."""
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                    "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                    "-keyout", str(key), "-out", str(cert)],
                   check=True, capture_output=True)
    return cert, key


@contextmanager
def serve(site: Path, folder: Path) -> Iterator[Served]:
    """nginx serving ``site`` with the repository's configuration, its files in ``folder``."""
    site = Path(site).resolve()
    binary = shutil.which("nginx") or NGINX
    if not Path(binary).exists():
        raise NginxMissing("nginx is missing: `make test` installs Debian's nginx-light "
                           "(scripts/system-deps test)")
    tls_port, plain_port = free_port(), free_port()
    cert, key = certificate(folder)
    headers = (DEPLOY / "pole-social-headers.conf").read_text().replace(
        "/var/www/pole-social/site", str(site))
    (folder / "headers.conf").write_text(headers)
    server = (DEPLOY / "nginx.conf").read_text()
    for old, new in (("    listen 80;\n", f"    listen 127.0.0.1:{plain_port};\n"),
                     ("    listen 443 ssl http2;\n", f"    listen 127.0.0.1:{tls_port} ssl http2;\n"),
                     ("    listen [::]:80;\n", ""), ("    listen [::]:443 ssl http2;\n", ""),
                     ("/etc/ssl/pole-social/fullchain.pem", str(cert)),
                     ("/etc/ssl/pole-social/privkey.pem", str(key)),
                     ("/var/www/pole-social/site", str(site)),
                     ("/etc/nginx/snippets/pole-social-headers.conf",
                      str(folder / "headers.conf"))):
        if old not in server:
            raise RuntimeError(f"deploy/nginx.conf no longer has {old.strip()!r}: update "
                               "polesocial/loopback.py")
        server = server.replace(old, new)
    (folder / "site.conf").write_text(server)
    temp = "".join(f"{kind}_temp_path {folder}/{kind};\n"
                   for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    (folder / "nginx.conf").write_text(f"""user root;
worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/error.log;
events {{}}
http {{
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  {temp}
  include {folder}/site.conf;
}}
""")
    tested = subprocess.run([binary, "-t", "-c", str(folder / "nginx.conf")],
                            capture_output=True, text=True)
    if tested.returncode != 0:
        raise RuntimeError(f"nginx refuses the configuration:\n{tested.stderr}")
    process = subprocess.Popen([binary, "-c", str(folder / "nginx.conf"), "-g", "daemon off;"])
    served = Served(f"https://127.0.0.1:{tls_port}/", f"http://127.0.0.1:{plain_port}/", cert)
    try:
        for _ in range(50):
            try:
                urllib.request.urlopen(served.base, timeout=1, context=served.context())
                break
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.1)
        yield served
    finally:
        process.terminate()
        process.wait(timeout=10)
