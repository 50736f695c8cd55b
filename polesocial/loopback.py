"""The site on loopback as readers get it, for the tests and the benchmark's page weights:
Debian's nginx serving a built site with the deploy/ configuration exactly as a ministry host
would (compression, cache lifetimes, security headers, the 404 page of each language), and
Debian's Chromium to open it (never a browser downloaded by a test tool)."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
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


@contextmanager
def serve(site: Path, folder: Path) -> Iterator[str]:
    """nginx serving ``site`` with the repository's configuration, its files in ``folder``;
    yields the base URL (http://127.0.0.1:port/)."""
    site = Path(site).resolve()
    binary = shutil.which("nginx") or NGINX
    if not Path(binary).exists():
        raise NginxMissing("nginx is missing: `make test` installs Debian's nginx-light "
                           "(scripts/system-deps test)")
    port = free_port()
    headers = (DEPLOY / "pole-social-headers.conf").read_text().replace(
        "/var/www/pole-social/site", str(site))
    (folder / "headers.conf").write_text(headers)
    server = (DEPLOY / "nginx.conf").read_text()
    server = server.replace("    listen 80;\n", f"    listen 127.0.0.1:{port};\n")
    server = server.replace("    listen [::]:80;\n", "")
    server = server.replace("/var/www/pole-social/site", str(site))
    server = server.replace("/etc/nginx/snippets/pole-social-headers.conf",
                            str(folder / "headers.conf"))
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
    base = f"http://127.0.0.1:{port}/"
    try:
        for _ in range(50):
            try:
                urllib.request.urlopen(base, timeout=1)
                break
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.1)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)
