#!/usr/bin/env bash
# The HTTP clients a JVM harness could use, each alone in its own JVM (the launcher's flags: serial GC, C1 only),
# against ../shared/bench/fast_openai.mjs at 0 ms (started and stopped here by PID, 127.0.0.1 only), interleaved,
# beside ../shared/bench/floor_client.mjs. Prints wall, CPU (user + system) and peak RSS of each client process.
# Usage: bench/http-clients/run.sh      env: N=50000 C=64 REPS=3 CLIENTS="okhttp hc5 jdk jetty raw tailgap"
# "tailgap" needs the CLI jar (mvn -q -DskipTests package at the repository root).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$here/../lib.sh"
N=${N:-50000}
C=${C:-64}
REPS=${REPS:-3}
CLIENTS=${CLIENTS:-okhttp hc5 jdk jetty raw tailgap}
WORK=${WORK:-${TMPDIR:-/tmp}/tailgap-http-clients}
SHARED=$(find_shared_bench)
FAST_OPENAI=$SHARED/fast_openai.mjs
rm -rf "$WORK"; mkdir -p "$WORK"
(cd "$here" && mvn -q -B -ntp package dependency:copy-dependencies -DoutputDirectory=target/lib) \
  || die "cannot build bench/http-clients"
cp="$here/target/classes:$(ls "$here"/target/lib/*.jar | tr '\n' ':')$REPO/harness/target/tailgap.jar"
python3 -c "import json
for i in range($N): print(json.dumps({'question': 'Question: What is the capital of country number %d? Answer:' % i}))" \
  > "$WORK/q.jsonl"
start_fast 0 "$WORK/server.log"
url=http://127.0.0.1:$PORT/v1/chat/completions
echo "== $N requests, c = $C, load average $(cut -d' ' -f1-3 /proc/loadavg)"
for r in $(seq 1 "$REPS"); do
  "$TIME" -v -o "$WORK/t" node "$SHARED/floor_client.mjs" --url "$url" --file "$WORK/q.jsonl" --concurrency "$C" \
    > "$WORK/o" 2>&1 || die "floor client failed"
  read -r wall user sys rss <<< "$(time_fields "$WORK/t")"
  echo "floor_client.mjs wall $wall s, CPU $(python3 -c "print(round($user + $sys, 2))") s, RSS $((rss / 1024)) MiB"
  for k in $CLIENTS; do
    "$TIME" -v -o "$WORK/t" java -XX:+UseSerialGC -Xss1m -XX:TieredStopAtLevel=1 -cp "$cp" bench.HttpClients \
      "$k" "$url" "$N" "$C" > "$WORK/o" 2>&1 || { cat "$WORK/o" >&2; die "$k failed"; }
    read -r wall user sys rss <<< "$(time_fields "$WORK/t")"
    echo "$k wall $wall s, CPU $(python3 -c "print(round($user + $sys, 2))") s, RSS $((rss / 1024)) MiB (load $(cut -d' ' -f1 /proc/loadavg))"
  done
done
