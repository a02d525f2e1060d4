# Sourced by scripts/serve and scripts/test: finds Python 3.11+, creates .venv, installs the
# project in editable mode. The install is skipped while pyproject.toml is unchanged, so a
# second run starts at once.

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
