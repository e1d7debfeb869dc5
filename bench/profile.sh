#!/usr/bin/env bash
# Profiles one `tailgap run` against ../shared/bench/fast_openai.mjs (started and stopped here by PID, 127.0.0.1 only)
# with async-profiler (CPU samples every millisecond, kernel frames included) and prints where the time goes by harness
# step (bench/profile_categories.py). async-profiler comes from Maven Central (tools.profiler:async-profiler, whose jar
# holds the native library), copied into $WORK by the Maven dependency plugin unless ASYNC_PROFILER names the
# libasyncProfiler.so to use.
#
# Usage: bench/profile.sh    env: N=50000 LATENCY_MS=0 C=64 WORK=${TMPDIR:-/tmp}/tailgap-profile AP_VERSION=4.0
#        JAVA_HOME (the JDK to profile, as for ./tailgap), REPLICAS=1 (endpoints started, one --base-url each)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

N=${N:-50000}
LATENCY_MS=${LATENCY_MS:-0}
C=${C:-64}
REPLICAS=${REPLICAS:-1}
WORK=${WORK:-${TMPDIR:-/tmp}/tailgap-profile}
AP_VERSION=${AP_VERSION:-4.0}
FAST_OPENAI=$(find_shared_bench)/fast_openai.mjs

need_tools
command -v node >/dev/null || die "node is needed for fast_openai.mjs"
rm -rf "$WORK"; mkdir -p "$WORK"
lib=${ASYNC_PROFILER:-}
if [ -z "$lib" ]; then
  mvn -B -ntp -q dependency:copy -Dartifact="tools.profiler:async-profiler:$AP_VERSION" -DoutputDirectory="$WORK" \
    || die "cannot fetch tools.profiler:async-profiler:$AP_VERSION (set ASYNC_PROFILER to a libasyncProfiler.so)"
  (cd "$WORK" && unzip -q -o "async-profiler-$AP_VERSION.jar" 'linux-x64/libasyncProfiler.so')
  lib=$WORK/linux-x64/libasyncProfiler.so
fi
gen_items "$N" "$WORK/items.jsonl"
urls=()
for i in $(seq 1 "$REPLICAS"); do
  start_fast "$LATENCY_MS" "$WORK/server-$i.log"
  urls+=(--base-url "http://127.0.0.1:$PORT/v1")
done
echo "== tailgap run: $N items, ${LATENCY_MS} ms, c = $C, $REPLICAS endpoint(s), profiled"
TAILGAP_JAVA_OPTS="-agentpath:$lib=start,event=cpu,interval=1ms,file=$WORK/stacks.collapsed,collapsed ${TAILGAP_JAVA_OPTS:-}" \
  "$TIME" -v -o "$WORK/run.time" "$TAILGAP" run -m openai:fast-model "${urls[@]}" \
  -d "$WORK/items.jsonl" -c "$C" --no-cache -q --out "$WORK/run" > "$WORK/run.out" 2>&1 \
  || { tail -5 "$WORK/run.out" >&2; die "the run failed"; }
stop_servers
read -r wall user sys rss <<< "$(time_fields "$WORK/run.time")"
echo "== wall $wall s, CPU $(python3 -c "print(round($user + $sys, 2))") s, peak RSS $((rss / 1024)) MiB"
python3 "$BENCH_DIR/profile_categories.py" "$WORK/stacks.collapsed" | tee "$WORK/categories.txt"
echo "stacks: $WORK/stacks.collapsed (bench/profile_categories.py FILE CATEGORY shows a category's frames)"
