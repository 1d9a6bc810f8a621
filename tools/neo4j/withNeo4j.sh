#!/usr/bin/env bash
# Runs a command (the test runner) with a live Neo4j for the `neo4j` jest project, or says why not.
#
#   NEO4J_TEST_URIS or NEO4J_URI set   -> that server; nothing is started
#   NEO4J_TESTS=off                    -> no Neo4j; its suites are skipped, saying so
#   NEO4J_LAUNCHER_OUTPUT=file         -> a launcher someone else started (.ci/run) writes there;
#                                         wait for its NEO4J_READY line (NEO4J_LAUNCHER_PID: its pid)
#   java present                       -> start tools/neo4j/neo4j.sh --instances 2 (one DBMS per
#                                         jest worker), wait, run, stop it at exit
#   no java                            -> the Neo4j suites are skipped, saying so
#
# A launcher that fails to start fails the run under CI=true; elsewhere the Neo4j suites are
# skipped with the launcher's last log lines. NEO4J_LAUNCHER_TIMEOUT_S bounds the wait (900 s).
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

if [ -n "${NEO4J_TEST_URIS:-}" ] || [ -n "${NEO4J_URI:-}" ]; then exec "$@"; fi
if [ "${NEO4J_TESTS:-}" = off ]; then export NEO4J_TESTS_SKIPPED="NEO4J_TESTS=off"; exec "$@"; fi

out="${NEO4J_LAUNCHER_OUTPUT:-}"
pid="${NEO4J_LAUNCHER_PID:-}"
log="${NEO4J_LAUNCHER_LOG:-}"
if [ -z "$out" ]; then
  if ! command -v java >/dev/null; then
    export NEO4J_TESTS_SKIPPED="java not found (with Java 17+ and Maven, npm test starts a throw-away Neo4j itself: tools/neo4j)"
    exec "$@"
  fi
  dir="$(mktemp -d "${TMPDIR:-/tmp}/kg-neo4j-launch-XXXXXX")"
  out="$dir/out"; log="$dir/log"
  bash "$here/neo4j.sh" --instances 2 >"$out" 2>"$log" </dev/null &
  pid=$!
  trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; rm -rf "$dir"' EXIT
  echo "starting a throw-away Neo4j for the neo4j test project (tools/neo4j, log: $log)" >&2
fi

started=$SECONDS
deadline=$((SECONDS + ${NEO4J_LAUNCHER_TIMEOUT_S:-900}))
failure=""
until grep -q '^NEO4J_READY ' "$out" 2>/dev/null; do
  if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then failure="the launcher exited before it was ready"; break; fi
  if [ "$SECONDS" -ge "$deadline" ]; then failure="the launcher was not ready after ${NEO4J_LAUNCHER_TIMEOUT_S:-900} s"; break; fi
  sleep 1
done
if [ -n "$failure" ]; then
  echo "neo4j launcher: $failure" >&2
  [ -n "$log" ] && tail -n 20 "$log" >&2
  if [ "${CI:-}" = true ]; then exit 1; fi
  export NEO4J_TESTS_SKIPPED="$failure"
  "$@"
  exit $?
fi

while IFS= read -r line; do
  case "$line" in
    NEO4J_TEST_URIS=*) export NEO4J_TEST_URIS="${line#*=}" ;;
    NEO4J_USERNAME=*) export NEO4J_TEST_USERNAME="${line#*=}" ;;
    NEO4J_PASSWORD=*) export NEO4J_TEST_PASSWORD="${line#*=}" ;;
  esac
done <"$out"
echo "Neo4j ready after $((SECONDS - started)) s of waiting: $NEO4J_TEST_URIS ($(grep '^NEO4J_READY ' "$out" | cut -d' ' -f2-))" >&2
"$@"
