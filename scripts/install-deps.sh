#!/usr/bin/env bash
# Installs what the hub needs on Debian 12, and only what is missing, so a second run is fast.
#
#   scripts/install-deps.sh [run|test|bench]     (default: run)
#
#   run    C libraries the build links against (the design card's packages) and pkg-config
#   bench  the same as run
#   test   run + the tools tests start or call (python3 with pip, socat, curl, jq)
#          + the Python packages the test helpers import
#
# Debian packages: `apt-get update` once, then `apt-get install -y`, only when dpkg-query says a
# package is missing. Python packages: pip of the `python3` on PATH (pyenv or Debian's), with
# --break-system-packages where the interpreter is marked externally managed (Debian 12).
# The Swift toolchain itself does not come from apt: it must be on PATH or at /opt/swift.
set -euo pipefail

mode="${1:-run}"
case "$mode" in
    run | test | bench) ;;
    -h | --help)
        sed -n '2,15p' "$0"
        exit 0
        ;;
    *)
        echo "usage: $0 [run|test|bench]" >&2
        exit 2
        ;;
esac

# --- what each mode needs ---------------------------------------------------------------------

# Linked by the build (Sources/Plugins/C*) on every mode.
# libxml2: FoundationXML's XMLParser (calendar_ews) loads it at run time.
base_packages=(libcurl4-openssl-dev libserialport-dev libldap2-dev libsqlite3-dev pkg-config libxml2)
# Started or called by tests (PTY pairs, HTTP probes, JSON checks).
test_packages=(socat curl jq openssl kannel kannel-extras libnet-smpp-perl radicale)
# Imported by the Python test helpers (OpenAPI document validation). name==version, pinned.
test_pip_packages=(openapi-spec-validator==0.9.0 PyYAML==6.0.3 aiosmtpd==1.4.6)

log() { printf 'install-deps: %s\n' "$*"; }

# --- privileges ---------------------------------------------------------------------------------

sudo_cmd=()
if [[ "$(id -u)" -ne 0 ]]; then
    if command -v sudo >/dev/null 2>&1; then
        sudo_cmd=(sudo)
    else
        echo "install-deps: not root and no sudo; install packages by hand" >&2
    fi
fi

# --- Debian packages ----------------------------------------------------------------------------

is_installed() {
    [[ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null || true)" == "installed" ]]
}

apt_updated=false
apt_install() {
    local missing=()
    local package
    for package in "$@"; do
        is_installed "$package" || missing+=("$package")
    done
    if [[ ${#missing[@]} -eq 0 ]]; then
        return 0
    fi
    log "installing Debian packages: ${missing[*]}"
    if [[ "$apt_updated" == false ]]; then
        "${sudo_cmd[@]}" apt-get update -qq
        apt_updated=true
    fi
    "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -qq --no-install-recommends -o DPkg::Lock::Timeout=300 "${missing[@]}"
}

apt_install "${base_packages[@]}"

# --- Swift toolchain ----------------------------------------------------------------------------

if ! command -v swift >/dev/null 2>&1 && [[ -x /opt/swift/usr/bin/swift ]]; then
    export PATH="/opt/swift/usr/bin:$PATH"
fi
if command -v swift >/dev/null 2>&1; then
    log "swift: $(command -v swift)"
else
    echo "install-deps: no Swift toolchain (not on PATH, not at /opt/swift/usr/bin); install Swift 6.3 first" >&2
    exit 1
fi

if [[ "$mode" != test ]]; then
    log "ready for '$mode'"
    exit 0
fi

# --- test tools ---------------------------------------------------------------------------------

apt_install "${test_packages[@]}"

# A fresh Debian may have no python3 at all; pyenv's (developers' machines) is used when present.
if ! command -v python3 >/dev/null 2>&1; then
    apt_install python3 python3-pip
fi
python="$(command -v python3)"
if ! "$python" -m pip --version >/dev/null 2>&1; then
    if [[ "$python" == /usr/bin/python3 ]]; then
        apt_install python3-pip
    else
        "$python" -m ensurepip --upgrade
    fi
fi
log "python3: $python ($("$python" --version 2>&1))"

# Which pinned packages are missing or at another version (one interpreter start, no network).
mapfile -t missing_pip < <("$python" - "${test_pip_packages[@]}" <<'PY'
import sys
from importlib import metadata

for spec in sys.argv[1:]:
    name, _, wanted = spec.partition("==")
    try:
        have = metadata.version(name)
    except metadata.PackageNotFoundError:
        have = None
    if have != wanted:
        print(spec)
PY
)

if [[ ${#missing_pip[@]} -gt 0 ]]; then
    pip_flags=(--quiet --disable-pip-version-check --no-input)
    # Debian's python3 refuses plain pip installs (PEP 668) unless told otherwise; a venv never does.
    if "$python" - <<'PY'
import os, sys, sysconfig
in_venv = sys.prefix != sys.base_prefix
marker = os.path.join(sysconfig.get_path("stdlib"), "EXTERNALLY-MANAGED")
sys.exit(0 if (not in_venv and os.path.exists(marker)) else 1)
PY
    then
        pip_flags+=(--break-system-packages)
    fi
    log "installing Python packages: ${missing_pip[*]}"
    PIP_ROOT_USER_ACTION=ignore "$python" -m pip install "${pip_flags[@]}" "${missing_pip[@]}"
fi

log "ready for 'test'"
