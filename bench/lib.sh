# Helpers shared by the benchmark scripts in bench/ (sourced, not run).
# Everything listens on 127.0.0.1 only; servers started here are stopped by PID on exit.

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$BENCH_DIR/.." && pwd)
TAILGAP="$REPO/tailgap"
TIME=/usr/bin/time
SERVER_PIDS=()

die() { echo "bench: $*" >&2; exit 1; }

# the shared bench material: ../shared/bench beside the repository (or beside one of its parent directories)
find_shared_bench() {
  local d=$REPO
  while [ "$d" != / ]; do
    [ -f "$d/../shared/bench/fake_openai.py" ] && { (cd "$d/../shared/bench" && pwd); return; }
    d=$(dirname "$d")
  done
  echo "$REPO/../shared/bench"
}

need_tools() {  # checks what every script needs; says how to get what is missing
  [ -f "$REPO/harness/target/tailgap.jar" ] || die "the CLI is not built: mvn -q -DskipTests package"
  [ -x "$TIME" ] || die "$TIME is missing (GNU time, for wall time, CPU time and peak RSS): apt-get install -y time"
  command -v python3 >/dev/null || die "python3 is needed to generate the datasets"
  command -v curl >/dev/null || die "curl is needed to talk to the endpoints"
}

stop_servers() {
  local pid
  for pid in "${SERVER_PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  SERVER_PIDS=()
}
trap stop_servers EXIT

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

wait_health() {  # PORT PID LOG
  local i
  for i in $(seq 1 300); do
    curl -sf "http://127.0.0.1:$1/health" >/dev/null 2>&1 && return 0
    kill -0 "$2" 2>/dev/null || { cat "$3" >&2; die "the endpoint on port $1 exited"; }
    sleep 0.1
  done
  cat "$3" >&2
  die "the endpoint on port $1 did not come up"
}

# start_sim DATASET LATENCY_MS LOG -> sets PORT; the synthetic model in its own JVM (SIM_JAVA_OPTS, default: the
# launcher's flags with a heap large enough to hold the questions it answers)
start_sim() {
  PORT=$(free_port)
  TAILGAP_JAVA_OPTS="${SIM_JAVA_OPTS:--XX:+UseSerialGC -Xss1m -Xmx2g}" "$TAILGAP" serve-sim -d "$1" \
    --port "$PORT" --latency-ms "$2" --threads 512 > "$3" 2>&1 &
  SERVER_PIDS+=($!)
  wait_health "$PORT" "$!" "$3"
}

# start_fake LATENCY_MS LOG -> sets PORT; ../shared/bench/fake_openai.py
start_fake() {
  PORT=$(free_port)
  python3 "$FAKE_OPENAI" --host 127.0.0.1 --port "$PORT" --latency-ms "$1" > "$2" 2>&1 &
  SERVER_PIDS+=($!)
  wait_health "$PORT" "$!" "$2"
}

# requests the endpoint on PORT has served (tailgap serve-sim: requests; fake_openai.py: model_requests)
served() {
  curl -sf "http://127.0.0.1:$PORT/stats" \
    | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d.get("requests", d.get("model_requests", -1)))'
}

# seconds from the first request to the last reply since the last reset (tailgap serve-sim only; else nan)
busy_span() {
  curl -sf "http://127.0.0.1:$PORT/stats" | python3 -c 'import json,sys
d = json.load(sys.stdin)
print("%.3f" % ((d["lastReplyMs"] - d["firstRequestMs"]) / 1000.0) if d.get("firstRequestMs") else "nan")'
}

reset_stats() {
  curl -sf -X POST "http://127.0.0.1:$PORT/stats/reset" -d '{}' > /dev/null
}

# gen_items N OUT: N items with distinct questions whose frequencies spread evenly over seven decades (1..10^7),
# plus a manifest (log10 buckets)
gen_items() {
  python3 - "$1" "$2" <<'PY'
import json, sys
n, out = int(sys.argv[1]), sys.argv[2]
with open(out, "w") as f:
    for i in range(n):
        u = (i * 0.6180339887498949) % 1.0          # low-discrepancy: even spread, deterministic
        f.write(json.dumps({"id": "gen:%d" % i, "question": "What is the capital of synthetic province %d?" % i,
                            "answers": ["City %d" % i, "C%d" % i], "concept": "Province %d" % i,
                            "frequency": int(10 ** (7 * u)), "relation": "capital"},
                           separators=(",", ":")) + "\n")
PY
  write_manifest "$2"
}

# gen_fake_items N OUT: the questions of ../shared/bench/gen_questions.py (answered correctly by fake_openai.py)
# converted to tailgap items, frequencies spread evenly over seven decades
gen_fake_items() {
  local tmp; tmp=$(mktemp -d)
  python3 "$(dirname "$FAKE_OPENAI")/gen_questions.py" "$1" "$tmp" >/dev/null
  python3 - "$tmp/questions.jsonl" "$2" <<'PY'
import json, sys
with open(sys.argv[1]) as src, open(sys.argv[2], "w") as out:
    for line in src:
        q = json.loads(line)
        i = int(q["id"])
        u = (i * 0.6180339887498949) % 1.0
        out.write(json.dumps({"id": "fake:%d" % i, "question": q["question"], "answers": [q["answer"]],
                              "concept": "concept %d" % i, "frequency": int(10 ** (7 * u))},
                             separators=(",", ":")) + "\n")
PY
  rm -rf "$tmp"
  write_manifest "$2"
}

write_manifest() {  # ITEMS.jsonl
  local name; name=$(basename "$1" .jsonl)
  cat > "$(dirname "$1")/$name.manifest.yaml" <<EOF
name: $name
version: "1"
description: generated for benchmarks
license: CC0-1.0
source: bench/lib.sh
attribution: none
frequencySource: synthetic, spread evenly over seven decades
bucketing: log10
EOF
}

# time_fields TIMEFILE -> "wall user sys maxrss_kb" from /usr/bin/time -v
time_fields() {
  python3 - "$1" <<'PY'
import re, sys
t = open(sys.argv[1]).read()
m = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)", t)
wall = int(m.group(1) or 0) * 3600 + int(m.group(2)) * 60 + float(m.group(3))
user = float(re.search(r"User time \(seconds\): ([\d.]+)", t).group(1))
sys_ = float(re.search(r"System time \(seconds\): ([\d.]+)", t).group(1))
rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", t).group(1))
print(wall, user, sys_, rss)
PY
}

# startup_median REPS -> median wall seconds of `tailgap --version` (hyperfine when installed)
startup_median() {
  if command -v hyperfine >/dev/null; then
    hyperfine -N -w 2 -r "$1" --export-json "$WORK/startup.json" "$TAILGAP --version" >/dev/null 2>&1 \
      && python3 -c 'import json,sys; print("%.3f" % json.load(open(sys.argv[1]))["results"][0]["median"])' \
        "$WORK/startup.json" && return
  fi
  local i
  for i in $(seq 1 "$1"); do
    "$TIME" -f %e -o "$WORK/startup.$i" "$TAILGAP" --version >/dev/null
  done
  cat "$WORK"/startup.* | python3 -c 'import statistics,sys; print("%.3f" % statistics.median(float(l) for l in sys.stdin))'
}

# start_fast LATENCY_MS LOG -> sets PORT; ../shared/bench/fast_openai.mjs (node), which has no /health: /stats answers
start_fast() {
  PORT=$(free_port)
  node "$FAST_OPENAI" --port "$PORT" --latency-ms "$1" > "$2" 2>&1 &
  SERVER_PIDS+=($!)
  local i
  for i in $(seq 1 100); do
    curl -sf "http://127.0.0.1:$PORT/stats" >/dev/null 2>&1 && return 0
    kill -0 "$!" 2>/dev/null || { cat "$2" >&2; die "fast_openai.mjs on port $PORT exited"; }
    sleep 0.1
  done
  die "fast_openai.mjs on port $PORT did not come up"
}

# floor_questions ITEMS.jsonl OUT: the items as floor_client.mjs reads them ({"question","answer"} per line)
floor_questions() {
  python3 -c 'import json,sys
with open(sys.argv[2], "w") as out:
    for l in open(sys.argv[1]):
        d = json.loads(l); out.write(json.dumps({"question": d["question"], "answer": d["answers"][0]}) + "\n")' "$1" "$2"
}

# jdk_home FEATURE -> a JDK of that feature release under /usr/lib/jvm (empty when none)
jdk_home() {
  local d
  for d in /usr/lib/jvm/*; do
    [ -f "$d/release" ] && [ -x "$d/bin/java" ] || continue
    if grep -q "^JAVA_VERSION=\"$1[.\"]" "$d/release"; then echo "$d"; return; fi
  done
}
