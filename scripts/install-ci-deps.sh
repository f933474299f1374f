#!/usr/bin/env bash
# Installs what the server and browser tests need beyond Swift: PostgreSQL 15,
# Chromium with CJK fonts, LibreOffice Writer (Debian packages), and
# Playwright, openpyxl, python-docx, schemathesis and axe-playwright-python
# (PyPI; schemathesis for scripts/api-fuzz.sh, axe-playwright-python for
# scripts/axe-test.py).
# Runs when CI=true, or when something is missing and we are root. Idempotent:
# only what is missing is installed, and what was installed is printed.
set -euo pipefail

is_root() { [ "$(id -u)" = 0 ]; }
have_deb() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q '^install ok installed'; }
have_py() { python3 -c "import $1" 2>/dev/null; }

debs=()
have_deb postgresql || [ -x /usr/lib/postgresql/15/bin/postgres ] || debs+=(postgresql)
have_deb chromium || [ -x /usr/bin/chromium ] || debs+=(chromium)
have_deb fonts-noto-cjk || debs+=(fonts-noto-cjk)
# openssl makes the test CA and certificate of scripts/pg-tls-test.sh.
command -v openssl >/dev/null || debs+=(openssl)
# LibreOffice Writer converts bulletins to PDF (scripts/check-docx.py --pdf);
# its charts come with libreoffice-core-nogui, a dependency: Calc is not needed.
have_deb libreoffice-writer-nogui || have_deb libreoffice-writer || command -v soffice >/dev/null \
  || debs+=(libreoffice-writer-nogui)
pys=()
have_py playwright || pys+=(playwright)
have_py openpyxl || pys+=(openpyxl)
have_py docx || pys+=(python-docx)
have_py schemathesis || pys+=(schemathesis)
# axe-core (bundled) for scripts/axe-test.py.
have_py axe_playwright_python || pys+=(axe-playwright-python)

if [ ${#debs[@]} -eq 0 ] && [ ${#pys[@]} -eq 0 ]; then
  echo "install-ci-deps: nothing to install"
  exit 0
fi
if [ "${CI:-}" != true ] && ! is_root; then
  echo "install-ci-deps: missing ${debs[*]:-} ${pys[*]:-} (not root and CI is not true: not installing)" >&2
  exit 0
fi

if [ ${#debs[@]} -gt 0 ]; then
  if ! is_root; then
    echo "install-ci-deps: need root to install ${debs[*]}" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  log=$(mktemp)
  if ! { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${debs[@]}"; } >"$log" 2>&1; then
    cat "$log" >&2; rm -f "$log"
    echo "install-ci-deps: apt-get install ${debs[*]} failed" >&2
    exit 1
  fi
  rm -f "$log"
  echo "install-ci-deps: installed ${debs[*]}"
fi
if [ ${#pys[@]} -gt 0 ]; then
  # Playwright drives the system Chromium (/usr/bin/chromium); its own browser
  # download is never used.
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 python3 -m pip install -q \
    --disable-pip-version-check --root-user-action=ignore "${pys[@]}"
  echo "install-ci-deps: installed (pip) ${pys[*]}"
fi
