#!/usr/bin/env bash
# Starts the test launcher (tools/neo4j): Neo4j Community in-process on free loopback ports, with
# authentication on. Builds it first when the build is missing or older than its sources (needs Java
# 17+ and Maven; dependencies come from Maven Central into ~/.m2). Arguments go to the launcher
# (--instances N, --password P, --page-cache-mb M, --dir D, --stop-on-stdin-eof). It prints
# NEO4J_URI=..., NEO4J_USERNAME=..., NEO4J_PASSWORD=..., NEO4J_TEST_URIS=... and a NEO4J_READY line
# on standard output, everything else on standard error, and stops with its parent.
# JVM options: NEO4J_LAUNCHER_JAVA_OPTS (default sized for a 2-core, 24 GiB machine shared with the tests).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

command -v java >/dev/null || { echo "neo4j launcher: java not found (needs Java 17 or later)" >&2; exit 3; }

stale() {
  [ -f "$here/target/classpath.txt" ] && [ -f "$here/target/classes/kg/neo4j/Launcher.class" ] || return 0
  [ -n "$(find "$here/pom.xml" "$here/src" -newer "$here/target/classpath.txt" -print -quit)" ]
}
if stale; then
  command -v mvn >/dev/null || { echo "neo4j launcher: mvn not found (needed once, to build tools/neo4j)" >&2; exit 3; }
  echo "neo4j launcher: building tools/neo4j (first time: downloads Neo4j 5.26 from Maven Central)" >&2
  mvn -B -q -Dstyle.color=never -f "$here/pom.xml" -DskipTests package >&2
  touch "$here/target/classpath.txt" # the plugin leaves an unchanged class path file as it was
fi

# One JVM for every instance: 1 GiB of heap covers two test databases of this project's size; the
# page cache (off heap) is set per instance by the launcher (32 MiB each by default).
opts="${NEO4J_LAUNCHER_JAVA_OPTS:--Xms256m -Xmx1g -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss1m}"
# shellcheck disable=SC2086
exec java $opts -cp "$here/target/classes:$(cat "$here/target/classpath.txt")" kg.neo4j.Launcher "$@"
