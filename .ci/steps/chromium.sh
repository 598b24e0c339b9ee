# Sourced by .ci/run: headless Chromium for the report-page and viewer browser tests.
# Installs Debian's chromium and chromium-driver when missing (nothing downloads a browser
# build), and a virtual environment with selenium, nbformat and pandas, for the notebooks' loader
# cell (cached in .ci/.venv-pages).
# Exports REPORTKIT_CHROMIUM (the browser), REPORTKIT_CHROMEDRIVER (the system driver) and
# REPORTKIT_PAGES_PYTHON (the venv's interpreter); Selenium is told to stay offline.
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    printf '==> %s\n' "installing chromium and chromium-driver" >&2
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    ${SUDO} apt-get update -qq >/dev/null
    ${SUDO} env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium chromium-driver fonts-dejavu-core >/dev/null
fi
PAGES_VENV="$(pwd)/.ci/.venv-pages"
if ! "${PAGES_VENV}/bin/python" -c 'import selenium, nbformat, pandas' 2>/dev/null; then
    printf '==> %s\n' "creating ${PAGES_VENV} with selenium, nbformat and pandas" >&2
    python3 -m venv "${PAGES_VENV}"
    "${PAGES_VENV}/bin/python" -m pip install --quiet 'selenium>=4.11' 'nbformat>=5.9' 'pandas>=2'
fi
export REPORTKIT_CHROMIUM=/usr/bin/chromium
export REPORTKIT_CHROMEDRIVER=/usr/bin/chromedriver
export REPORTKIT_PAGES_PYTHON="${PAGES_VENV}/bin/python"
# Selenium Manager must not fetch a driver or a browser: the system ones are given explicitly.
export SE_OFFLINE=true
