# Sourced by .ci/run: a PostgreSQL server for the Postgres source's integration tests.
# Installs Debian's postgresql (and libssl-dev for the COpenSSL target) when missing, starts a
# throw-away cluster (Tests/Scripts/pg_cluster.sh: initdb in a temporary directory as the
# `postgres` user, scram-sha-256, TLS with a self-signed CA, 127.0.0.1 and a Unix socket, the
# quality fixtures loaded), exports REPORTKIT_PG_*, and stops it when .ci/run exits.
pg_sudo=""; [ "$(id -u)" -eq 0 ] || pg_sudo="sudo"
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && ! command -v initdb >/dev/null 2>&1; then
    log "installing postgresql"
    ${pg_sudo} apt-get update -qq >/dev/null
    ${pg_sudo} env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql postgresql-client >/dev/null
fi
if [ ! -f /usr/include/openssl/ssl.h ]; then
    log "installing libssl-dev"
    ${pg_sudo} apt-get update -qq >/dev/null
    ${pg_sudo} env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libssl-dev >/dev/null
fi
PG_DIR="$(mktemp -d "${TMPDIR:-/tmp}/reportkit-pg.XXXXXX")"
log "starting PostgreSQL in ${PG_DIR}"
PG_INFO="$(Tests/Scripts/pg_cluster.sh start "${PG_DIR}")" || { cat "${PG_DIR}"/*.log >&2 || true; log "PostgreSQL did not start"; exit 1; }
pg_value() { printf '%s\n' "${PG_INFO}" | sed -n "s/^$1=//p"; }
export REPORTKIT_PG_URL="postgres://reportkit@127.0.0.1:$(pg_value PORT)/clinic"
export REPORTKIT_PG_PASSWORD="$(pg_value PASSWORD)"
export REPORTKIT_PG_SOCKET="$(pg_value SOCKET)"
export REPORTKIT_PG_CA="$(pg_value CA)"
export REPORTKIT_PG_OTHER_CA="$(pg_value OTHER_CA)"
unset PG_INFO
# Append to the EXIT trap that .ci/run set (moto's), keeping it.
pg_previous_trap="$(trap -p EXIT | sed -e "s/^trap -- '//" -e "s/' EXIT\$//")"
trap "${pg_previous_trap:+${pg_previous_trap}; }Tests/Scripts/pg_cluster.sh stop '${PG_DIR}' >/dev/null 2>&1 || true; rm -rf '${PG_DIR}'" EXIT
