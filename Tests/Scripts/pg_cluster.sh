#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for ReportKit's tests (Debian's `postgresql`).
#   pg_cluster.sh start DIR    initdb in DIR (as the `postgres` user when run as root),
#                              scram-sha-256, TLS with a self-signed CA, 127.0.0.1 on a free
#                              port and a Unix socket in DIR/socket; the quality fixtures
#                              loaded into database `clinic`, owned by user `reportkit`.
#                              Prints KEY=VALUE lines (PORT, SOCKET, CA, PASSWORD, PID).
#   pg_cluster.sh stop DIR [fast|immediate]
# Everything listens on loopback only.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
fixtures="${here}/../../Fixtures/quality"
command="$1"; dir="$2"
bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
[ -n "${bindir}" ] || bindir="$(dirname "$(command -v initdb)")"
as_owner() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${command}" in
stop)
    as_owner "${bindir}/pg_ctl" -D "${dir}/data" -m "${3:-fast}" -w stop >/dev/null 2>&1 || true
    exit 0 ;;
start) ;;
*) echo "usage: pg_cluster.sh start|stop DIR" >&2; exit 2 ;;
esac

mkdir -p "${dir}/socket" "${dir}/tls"
password="$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"

# A self-signed CA and a server certificate for `localhost` only (so 127.0.0.1 is a wrong host).
tls="${dir}/tls"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=ReportKit test CA" \
    -keyout "${tls}/ca.key" -out "${tls}/ca.crt" >/dev/null 2>&1
openssl req -newkey rsa:2048 -nodes -subj "/CN=localhost" \
    -keyout "${tls}/server.key" -out "${tls}/server.csr" >/dev/null 2>&1
printf 'subjectAltName=DNS:localhost\n' >"${tls}/san.ext"
openssl x509 -req -in "${tls}/server.csr" -CA "${tls}/ca.crt" -CAkey "${tls}/ca.key" -CAcreateserial \
    -days 2 -extfile "${tls}/san.ext" -out "${tls}/server.crt" >/dev/null 2>&1
# A second, unrelated CA: the wrong root.
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=Other CA" \
    -keyout "${tls}/other-ca.key" -out "${tls}/other-ca.crt" >/dev/null 2>&1
chmod 0600 "${tls}/server.key"
chmod 0755 "${dir}" "${tls}"
chmod 0644 "${tls}/ca.crt" "${tls}/other-ca.crt" "${tls}/server.crt"
if [ "$(id -u)" -eq 0 ]; then chown -R postgres:postgres "${dir}"; fi

as_owner "${bindir}/initdb" -D "${dir}/data" -U postgres --auth-local=peer --auth-host=scram-sha-256 \
    -E UTF8 --locale=C.UTF-8 >"${dir}/initdb.log" 2>&1
cat >"${dir}/data/pg_hba.conf" <<HBA
local all postgres peer
local all all scram-sha-256
host all reportkit_md5 127.0.0.1/32 md5
host all reportkit_clear 127.0.0.1/32 password
host all reportkit_trust 127.0.0.1/32 trust
host all all 127.0.0.1/32 scram-sha-256
HBA
cat >>"${dir}/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = ${port}
unix_socket_directories = '${dir}/socket'
ssl = on
ssl_cert_file = '${tls}/server.crt'
ssl_key_file = '${tls}/server.key'
password_encryption = 'scram-sha-256'
fsync = off
max_connections = 40
CONF
if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "${dir}/data/pg_hba.conf"; fi
as_owner "${bindir}/pg_ctl" -D "${dir}/data" -l "${dir}/server.log" -w start </dev/null >/dev/null 2>&1

psql_admin() { as_owner "${bindir}/psql" -X -q -v ON_ERROR_STOP=1 -h "${dir}/socket" -p "${port}" -U postgres "$@"; }
psql_admin -d postgres <<SQL
CREATE ROLE reportkit LOGIN PASSWORD '${password}';
SET password_encryption = 'md5';
CREATE ROLE reportkit_md5 LOGIN PASSWORD '${password}';
RESET password_encryption;
CREATE ROLE reportkit_clear LOGIN PASSWORD '${password}';
CREATE ROLE reportkit_trust LOGIN;
CREATE DATABASE clinic OWNER reportkit;
SQL
# The fixture tables in PostgreSQL's own types; participant and biospecimen from their CSV
# files, visits from clinic.sql's rows.
psql_admin -d clinic <<SQL
SET ROLE reportkit;
CREATE TABLE participant (participant_id text PRIMARY KEY, sex text, age_at_enrollment integer,
    ethnicity text, enrolled_on date, consent_code text);
CREATE TABLE biospecimen (biospecimen_id text PRIMARY KEY, participant_id text REFERENCES participant,
    composition text, volume_ul double precision, shipped_on date, visible boolean, consent_code text);
CREATE TABLE visits (visit_id integer PRIMARY KEY, participant_id text REFERENCES participant,
    visited_at timestamp with time zone, site text);
GRANT SELECT ON ALL TABLES IN SCHEMA public TO reportkit_md5, reportkit_clear, reportkit_trust;
SQL
psql_admin -d clinic -c "\\copy participant from stdin with (format csv, header)" <"${fixtures}/data/participant.csv"
psql_admin -d clinic -c "\\copy biospecimen from stdin with (format csv, header)" <"${fixtures}/data/biospecimen.csv"
grep '^INSERT INTO visits' "${fixtures}/clinic.sql" | psql_admin -d clinic
psql_admin -d clinic -c "ANALYZE"

echo "PORT=${port}"
echo "SOCKET=${dir}/socket"
echo "CA=${tls}/ca.crt"
echo "OTHER_CA=${tls}/other-ca.crt"
echo "PASSWORD=${password}"
echo "BIN=${bindir}"
