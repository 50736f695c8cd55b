"""``polesocial serve``: the live preview an editor watches while writing (``make serve``).

The engine's server runs as a child process. It never outlives the command: Ctrl+C (or the
end of ``make``, or of the terminal) stops it, because the child is told by the kernel when its
parent goes (Linux's parent-death signal), and the command stops the child on any signal. The
sources are checked first, and again by the engine at each rebuild (hooks/trust.py); the
engine's progress lines are replaced by one line per rebuild in the editor's language.
"""

from __future__ import annotations

import ctypes
import os
import re
import signal
import subprocess
import sys
from pathlib import Path

from . import messages

DEFAULT_ADDRESS = "127.0.0.1:8000"
_BUILT = re.compile(r"Documentation built in ([0-9.]+) seconds")
_PR_SET_PDEATHSIG = 1


def die_with_parent(sig: int = signal.SIGTERM) -> None:
    """Ask the kernel to send ``sig`` to this process when its parent ends (Linux; elsewhere
    nothing happens, and Ctrl+C still stops everything)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, sig)
    except OSError:
        return
    if os.getppid() == 1:  # the parent was already gone
        os.kill(os.getpid(), sig)


def engine_serve_command(root: Path, address: str) -> list[str]:
    return [sys.executable, "-m", "mkdocs", "serve", "--livereload", "--dev-addr", address,
            "--config-file", str(root / "mkdocs.yml")]


def serve(root: Path, address: str, lang: str) -> int:
    die_with_parent()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", POLESOCIAL_LANG=lang, POLESOCIAL_PDF="0")
    child = subprocess.Popen(engine_serve_command(root, address), cwd=root, env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                             bufsize=1, preexec_fn=die_with_parent)

    def stop(signum, frame):
        child.terminate()

    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, stop)
    print(messages.UI["preview_start"][lang].format(url=f"http://{address}/"), flush=True)
    serving, waiting = False, None  # "up to date" only once the address answers
    try:
        for line in child.stdout:
            line = line.rstrip("\n")
            if not serving and "Serving on " in line:
                serving = True
                if waiting:
                    print(messages.UI["preview_built"][lang].format(seconds=waiting),
                          flush=True)
            if built := _BUILT.search(line):
                if serving:
                    print(messages.UI["preview_built"][lang].format(seconds=built.group(1)),
                          flush=True)
                else:
                    waiting = built.group(1)
            elif line.strip() and not line.startswith("INFO"):
                print(re.sub(r"^(?:ERROR|WARNING) +- +", "", line), file=sys.stderr, flush=True)
    finally:
        if child.poll() is None:
            child.terminate()
        try:
            child.wait(timeout=10)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()
    print(messages.UI["preview_stopped"][lang], flush=True)
    return 0 if child.returncode in (0, -signal.SIGTERM, -signal.SIGINT) else 1
