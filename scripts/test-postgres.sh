# Sourced by scripts/test.sh: makes sure the register's tests have a PostgreSQL to run against.
# 1. DATABASE_URL, if set; 2. the machines' own server on 127.0.0.1:5432; 3. as root, Debian's
# postgresql installed if missing and a throwaway cluster started on a spare port (stopped and
# deleted when the tests end); 4. otherwise the PostgreSQL tests skip and say how to provide one.
# PERCORSO_PG_THROWAWAY=1 skips 1 and 2 (to test step 3 on a machine that has a server).

pg_reachable() {
  node -e "const {Client}=require('pg');const c=new Client({connectionString:process.argv[1],connectionTimeoutMillis:2000});c.connect().then(()=>c.end()).then(()=>process.exit(0),()=>process.exit(1))" "$1" 2>/dev/null
}

pg_bin() {
  for dir in /usr/lib/postgresql/*/bin /usr/local/bin /usr/bin; do
    [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && { echo "$dir"; return 0; }
  done
  return 1
}

if [ -z "${PERCORSO_PG_THROWAWAY:-}" ] && [ -n "${DATABASE_URL:-}" ]; then
  echo "› PostgreSQL for the register's tests: DATABASE_URL"
elif [ -z "${PERCORSO_PG_THROWAWAY:-}" ] && pg_reachable "postgres://postgres@127.0.0.1:5432/postgres"; then
  echo "› PostgreSQL for the register's tests: 127.0.0.1:5432"
elif [ "$(id -u)" = "0" ] && { pg_bin >/dev/null || command -v apt-get >/dev/null; }; then
  if ! pg_bin >/dev/null; then
    echo "› installing Debian's postgresql for the register's tests"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >/dev/null 2>&1
  fi
  if bin="$(pg_bin)" && id postgres >/dev/null 2>&1; then
    PG_TMP="$(mktemp -d /tmp/percorso-pg-XXXXXX)"
    chown postgres "$PG_TMP"
    PG_PORT=54329
    while pg_reachable "postgres://postgres@127.0.0.1:$PG_PORT/postgres"; do PG_PORT=$((PG_PORT + 1)); done
    if su postgres -s /bin/sh -c "'$bin/initdb' -D '$PG_TMP/data' -A trust -U postgres" >/dev/null 2>&1 &&
      su postgres -s /bin/sh -c "'$bin/pg_ctl' -D '$PG_TMP/data' -l '$PG_TMP/log' -w -o \"-p $PG_PORT -k '$PG_TMP' -c listen_addresses=127.0.0.1 -c fsync=off\" start" >/dev/null 2>&1; then
      export DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/postgres"
      echo "› PostgreSQL for the register's tests: a throwaway cluster on port $PG_PORT"
      stop_throwaway_pg() {
        su postgres -s /bin/sh -c "'$bin/pg_ctl' -D '$PG_TMP/data' -m fast -w stop" >/dev/null 2>&1
        rm -rf "$PG_TMP"
      }
      trap stop_throwaway_pg EXIT
    else
      echo "› could not start a throwaway PostgreSQL (see $PG_TMP/log): its tests will skip"
    fi
  else
    echo "› postgresql could not be installed: the register's PostgreSQL tests will skip"
  fi
else
  echo "› no PostgreSQL (set DATABASE_URL, or run the tests as root to start a throwaway one): its tests will skip"
fi
