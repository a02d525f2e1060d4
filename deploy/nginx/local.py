"""The shipped nginx configuration (volontaires.conf) run locally in the foreground, in front
of a site on `upstream_port`: for tests/test_reverse_proxy.py and scripts/bench."""

import os
import socket
import subprocess
import time
from pathlib import Path

SHIPPED = Path(__file__).with_name("volontaires.conf")
NGINX = "/usr/sbin/nginx"
PURGE_MODULE = Path("/usr/share/nginx/modules-available/mod-http-cache-purge.conf")
# Debian's nginx resolves the module's relative path from its own prefix.
DEBIAN_PREFIX = "/usr/share/nginx/"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def installed():
    return Path(NGINX).exists() and PURGE_MODULE.exists()


class LocalNginx:
    """The shipped file with its addresses and cache directory changed, under `directory`."""

    def __init__(self, directory, upstream_port, port=None, purge_port=None):
        directory = Path(directory)
        self.port, self.purge_port = port or free_port(), purge_port or free_port()
        self.directory = directory
        site = SHIPPED.read_text()
        for shipped, here in [
            ("/var/cache/nginx/volontaires", str(directory / "cache")),
            ("server 127.0.0.1:8000;", f"server 127.0.0.1:{upstream_port};"),
            ("listen 80;", f"listen 127.0.0.1:{self.port};"),
            ("listen [::]:80;", ""),
            ("listen 127.0.0.1:8080;", f"listen 127.0.0.1:{self.purge_port};"),
        ]:
            if shipped not in site:
                raise ValueError(f"{SHIPPED.name} no longer has {shipped!r}")
            site = site.replace(shipped, here)
        (directory / "site.conf").write_text(site)
        module = PURGE_MODULE.read_text().replace(
            "load_module modules/", f"load_module {DEBIAN_PREFIX}modules/"
        )
        (directory / "nginx.conf").write_text(
            f"""{"user root;" if os.geteuid() == 0 else ""}
{module}
daemon off;
pid {directory}/nginx.pid;
error_log {directory}/error.log warn;
events {{ worker_connections 256; }}
http {{
    access_log off;
    include {directory}/site.conf;
}}
"""
        )
        self.process = subprocess.Popen(
            [NGINX, "-p", str(directory), "-c", str(directory / "nginx.conf")]
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return
            except OSError:
                time.sleep(0.05)
        self.process.kill()
        raise RuntimeError(f"nginx did not start: {self.errors()}")

    def errors(self):
        log = self.directory / "error.log"
        return log.read_text() if log.exists() else ""

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)
