# Sourced by scripts/serve, scripts/test and scripts/bench: finds Python 3.11+, creates .venv,
# installs the project in editable mode. The install is skipped while pyproject.toml is
# unchanged, so a second run starts at once.

cd "$(dirname "${BASH_SOURCE[0]}")/.."
VENV=.venv

find_python() {
    local candidate
    for candidate in "${PYTHON:-}" python3 python3.13 python3.12 python3.11; do
        [ -n "$candidate" ] || continue
        if command -v "$candidate" >/dev/null 2>&1 \
            && "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
            echo "$candidate"
            return 0
        fi
    done
    echo "Python 3.11 or newer is required (set PYTHON=/path/to/python3.11 to choose one)." >&2
    return 1
}

# ensure_venv [extra]: .venv exists and holds the project installed with that extra.
ensure_venv() {
    local extra="${1:-}" python stamp wanted
    if [ ! -x "$VENV/bin/python" ]; then
        python="$(find_python)"
        # Debian and Ubuntu ship venv's pip bootstrap (ensurepip) in a separate package.
        if ! "$python" -c 'import ensurepip' 2>/dev/null; then
            if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
                echo "Installing python3-venv with apt-get..."
                apt-get update -qq
                DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
            else
                echo "Python's venv module is incomplete: run 'sudo apt-get install python3-venv'." >&2
                return 1
            fi
        fi
        echo "Creating the virtual environment in $VENV..."
        "$python" -m venv "$VENV"
    fi
    stamp="$VENV/.installed${extra:+-$extra}"
    wanted="$(sha256sum pyproject.toml | cut -d' ' -f1)"
    if [ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]; then
        echo "Installing the project${extra:+ with its $extra dependencies} (a minute the first time)..."
        "$VENV/bin/python" -m pip install -qq --disable-pip-version-check -e ".${extra:+[$extra]}"
        echo "$wanted" >"$stamp"
    fi
}

# WeasyPrint (the passport's PDF attestation) draws text with the system's Pango and fonts.
ensure_pango() {
    ldconfig -p 2>/dev/null | grep -q 'libpangoft2-1.0.so.0' && return 0
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "Installing Pango and the DejaVu fonts with apt-get (for PDF attestations)..."
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
            libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core >/dev/null
    else
        echo "Warning: Pango is missing ('sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core'): PDF attestations will fail." >&2
    fi
}

# Services: started from Debian's packages when they are down and we may (scripts/test,
# scripts/bench).
is_root() { [ "$(id -u)" = 0 ]; }

# host port of a URL such as redis://127.0.0.1:6379/15 or postgres://user@host:5432/name
url_host_port() {
    "$VENV/bin/python" - "$1" "$2" <<'PY'
import sys
from urllib.parse import urlsplit

url = urlsplit(sys.argv[1])
print(url.hostname or "127.0.0.1", url.port or sys.argv[2])
PY
}

redis_answers() {
    # A subshell, so a refused connection cannot end the script.
    (
        exec 3<>"/dev/tcp/$1/$2" || exit 1
        printf 'PING\r\n' >&3
        read -r -t 2 reply <&3 && [[ "$reply" == +PONG* ]]
    ) 2>/dev/null
}

ensure_redis() {
    local host port
    read -r host port < <(url_host_port "${REDIS_URL:-redis://127.0.0.1:6379/15}" 6379)
    redis_answers "$host" "$port" && return 0
    if is_root && command -v redis-server >/dev/null; then
        echo "Redis is down: starting it."
        mkdir -p /var/lib/redis /var/log/redis
        redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" \
            --appendonly no --dir /var/lib/redis --logfile /var/log/redis/ci.log
        for _ in $(seq 50); do redis_answers "$host" "$port" && return 0; sleep 0.1; done
    fi
    echo "Redis is needed at $host:$port and it does not answer." >&2
    return 1
}

ensure_postgresql() {
    local host port
    case "${DATABASE_URL:-}" in postgres://* | postgresql://*) ;; *) return 0 ;; esac
    read -r host port < <(url_host_port "$DATABASE_URL" 5432)
    pg_isready -q -h "$host" -p "$port" && return 0
    if is_root && command -v pg_ctlcluster >/dev/null; then
        echo "PostgreSQL is down: starting it."
        # shellcheck disable=SC2046 # one cluster version per machine
        pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start
        for _ in $(seq 100); do pg_isready -q -h "$host" -p "$port" && return 0; sleep 0.1; done
    fi
    echo "DATABASE_URL points at PostgreSQL on $host:$port and it does not answer." >&2
    return 1
}
