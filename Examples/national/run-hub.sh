#!/bin/sh
# `make hub`: the national hub on loopback for trying the national side on one machine: a
# PostgreSQL 15 primary with a synchronous standby (initdb'd in a folder of their own), test
# certificates for the hub, one relay and CoMensha, CoMensha's key pair, and spoor-hub in the
# foreground. It prints the configuration a relay and spoor-comensha need, and how to add an
# institution. Ctrl-C stops the hub and both PostgreSQL servers; the folder stays for next time.
set -eu
hub=$1                                   # the spoor-hub binary
folder=${SPOOR_HUB_FOLDER:-$PWD/.spoor-hub}
pgbin=/usr/lib/postgresql/15/bin
port=${SPOOR_HUB_PORT:-8443}
mkdir -p "$folder/tls"
# initdb refuses root: as root, PostgreSQL runs as its own user, in a folder that user can reach.
if [ "$(id -u)" = 0 ]; then
  pgroot=/var/tmp/spoor-hub-pg; as="runuser -u postgres --"
  mkdir -p "$pgroot" && chown postgres:postgres "$pgroot"
else
  pgroot=$folder/pg; as=""
  mkdir -p "$pgroot"
fi
sockets=$pgroot/socket
$as mkdir -p "$sockets"

node() { # node NAME: start it, creating it first when it does not exist
  if [ ! -f "$pgroot/$1/PG_VERSION" ]; then
    if [ "$1" = primary ]; then
      $as "$pgbin/initdb" -D "$pgroot/primary" -A trust -U hub -E UTF8 >/dev/null
      printf "listen_addresses = ''\nunix_socket_directories = '%s/primary'\nwal_level = replica\nsynchronous_commit = remote_apply\n" "$sockets" \
        | $as tee -a "$pgroot/primary/postgresql.conf" >/dev/null
    else
      $as "$pgbin/pg_basebackup" -h "$sockets/primary" -U hub -D "$pgroot/standby" -X stream -R -c fast
      printf "unix_socket_directories = '%s/standby'\nprimary_conninfo = 'host=%s/primary user=hub application_name=standby'\n" "$sockets" "$sockets" \
        | $as tee -a "$pgroot/standby/postgresql.auto.conf" >/dev/null
    fi
  fi
  $as mkdir -p "$sockets/$1"
  $as "$pgbin/pg_ctl" -D "$pgroot/$1" -l "$pgroot/$1.log" -w start >/dev/null
}
node primary
psql="psql -X -q -t -A -h $sockets/primary -U hub -d postgres"
[ "$($psql -c "SELECT count(*) FROM pg_database WHERE datname = 'spoor_hub'")" = 1 ] || $psql -c "CREATE DATABASE spoor_hub"
$psql -c "ALTER SYSTEM SET synchronous_standby_names = 'standby'" && $psql -c "SELECT pg_reload_conf()" >/dev/null
node standby
stop() { for n in standby primary; do $as "$pgbin/pg_ctl" -D "$pgroot/$n" -m fast stop >/dev/null 2>&1 || true; done; }
trap stop EXIT

tls=$folder/tls
issue() { # issue NAME USAGE [SUBJECT-ALT-NAMES]
  [ -f "$tls/$1.crt" ] && return 0
  printf "%s\nextendedKeyUsage=%s\n" "${3:-}" "$2" > "$tls/$1.ext"
  openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout "$tls/$1.key" -out "$tls/$1.csr" -subj "/CN=$1" 2>/dev/null
  openssl x509 -req -in "$tls/$1.csr" -CA "$tls/ca.crt" -CAkey "$tls/ca.key" -CAcreateserial -out "$tls/$1.crt" -days 365 -extfile "$tls/$1.ext" 2>/dev/null
}
[ -f "$tls/ca.crt" ] || openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout "$tls/ca.key" -out "$tls/ca.crt" \
  -days 365 -subj "/CN=spoor-hub-test-ca" 2>/dev/null
issue hub serverAuth "subjectAltName=IP:127.0.0.1,DNS:localhost"
issue relay clientAuth
issue comensha clientAuth
fingerprint() { echo "sha256:$(openssl x509 -in "$tls/$1.crt" -outform DER | sha256sum | cut -d' ' -f1)"; }
[ -f "$folder/cosigner-key" ] || head -c 32 /dev/urandom > "$folder/cosigner-key"
if [ ! -f "$folder/comensha.key" ]; then
  openssl genpkey -algorithm X25519 -outform DER 2>/dev/null | tail -c 32 | base64 > "$folder/comensha.key"
fi
comensha_public=$(base64 -d "$folder/comensha.key" | { printf '\060\056\002\001\000\060\005\006\003\053\145\156\004\042\004\040'; cat; } \
  | openssl pkey -inform DER -pubout -outform DER | tail -c 32 | base64)

institutions=$folder/institutions.json
[ -f "$institutions" ] || echo "[]" > "$institutions"
cat > "$folder/hub.json" <<JSON
{"listen": {"host": "127.0.0.1", "port": $port},
 "tls": {"certificate": "$tls/hub.crt", "key": "$tls/hub.key", "clientCA": "$tls/ca.crt"},
 "postgres": {"hosts": ["$sockets/primary", "$sockets/standby"], "username": "hub", "database": "spoor_hub"},
 "cosigner": {"name": "localhost/spoor-hub", "keyPath": "$folder/cosigner-key"},
 "institutions": $(cat "$institutions"),
 "comensha": {"client": "$(fingerprint comensha)"}}
JSON
cat > "$folder/relay.json" <<JSON
{"socket": "${SPOOR_SOCKET:-$PWD/.spoor/spoor.sock}", "hub": "https://127.0.0.1:$port",
 "tls": {"certificate": "$tls/relay.crt", "key": "$tls/relay.key", "hubCA": "$tls/ca.crt"}, "statePath": "$folder/relay-cursor"}
JSON
cat > "$folder/comensha.json" <<JSON
{"hub": "https://127.0.0.1:$port", "tls": {"certificate": "$tls/comensha.crt", "key": "$tls/comensha.key", "hubCA": "$tls/ca.crt"},
 "keys": {"comensha-local": "$folder/comensha.key"}, "inbox": "$folder/inbox"}
JSON
cat <<TEXT
The hub, on https://127.0.0.1:$port, with PostgreSQL in $pgroot (a primary and a synchronous standby).
To witness an institution's log, add it to $institutions and run make hub again:
  [{"origin": "<origin>", "logKey": "<spoorctl audit checkpoint: verifier key>", "client": "$(fingerprint relay)"}]
Its spoord needs, in its configuration:
  "witnesses": [<the cosigner key spoor-hub prints below>],
  "comensha": {"keyID": "comensha-local", "publicKey": "$comensha_public"},
  and the role relay for the user that runs the relay.
Then: spoor-relay --config $folder/relay.json --once
and CoMensha's side: spoor-comensha --config $folder/comensha.json --once
TEXT
"$hub" --config "$folder/hub.json" &
hub_pid=$!
trap 'kill "$hub_pid" 2>/dev/null; wait "$hub_pid"; exit 0' INT TERM
wait "$hub_pid"
