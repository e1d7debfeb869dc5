#!/usr/bin/env bash
# Several replicas: `tailgap run` with --base-url given twice against two ../shared/bench/fast_openai.mjs at 50 ms,
# beside one of them and beside the minimal client (../shared/bench/floor_client.mjs) against one, in one sitting.
# Servers are started and stopped here by PID, 127.0.0.1 only. Each of REPS rounds (after an unrecorded warm-up
# round) times, interleaved, with /usr/bin/time -v (wall, user + system CPU, peak RSS; JVM start-up included):
#   floor     floor_client.mjs against one replica, c = C
#   one       tailgap against one replica, c = C
#   two       tailgap against two replicas, c = 2 x C (--concurrency is the total in flight)
# and checks that every item was asked once and that each replica answered a share of the run. Prints medians,
# the seconds spent asking (tailgap's metadata.json, the floor client's own figure: no start-up), items/s while asking,
# tailgap / floor and two / one.
# Usage: bench/replicas.sh   env: N=8000 C=64 LATENCY_MS=50 REPS=3 WORK=${TMPDIR:-/tmp}/tailgap-replicas
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

N=${N:-8000}
C=${C:-64}
LATENCY_MS=${LATENCY_MS:-50}
REPS=${REPS:-3}
WORK=${WORK:-${TMPDIR:-/tmp}/tailgap-replicas}
SHARED=$(find_shared_bench)
FAST_OPENAI=$SHARED/fast_openai.mjs
FLOOR=$SHARED/floor_client.mjs

need_tools
command -v node >/dev/null || die "node is needed for fast_openai.mjs and floor_client.mjs"
[ -f "$FAST_OPENAI" ] && [ -f "$FLOOR" ] || die "$SHARED holds no fast_openai.mjs / floor_client.mjs"
rm -rf "$WORK"; mkdir -p "$WORK/runs"
RESULTS=$WORK/results.jsonl
: > "$RESULTS"

DATA=$WORK/items.jsonl
QUESTIONS=$WORK/floor.jsonl
gen_items "$N" "$DATA"; floor_questions "$DATA" "$QUESTIONS"
start_fast "$LATENCY_MS" "$WORK/server-1.log"; PORT1=$PORT
start_fast "$LATENCY_MS" "$WORK/server-2.log"; PORT2=$PORT
URL1=http://127.0.0.1:$PORT1/v1
URL2=http://127.0.0.1:$PORT2/v1
echo "== machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), node $(node --version)"
echo "== $N items, ${LATENCY_MS} ms per request; one replica at c = $C, two at c = $((2 * C))"

record() {  # CLIENT REP TIMEFILE ASK_S (seconds spent asking, without start-up)
  local f
  read -r -a f <<< "$(time_fields "$3")"
  python3 -c 'import json, sys
c, rep, ask, wall, user, sys_, rss, n, load = sys.argv[1:]
print(json.dumps({"client": c, "rep": int(rep), "wall_s": float(wall), "ask_s": float(ask),
                  "cpu_s": float(user) + float(sys_), "rss_mib": int(rss) / 1024, "items": int(n),
                  "load1": float(load)}))' \
    "$1" "$2" "$4" "${f[@]}" "$N" "$(cut -d' ' -f1 /proc/loadavg)" >> "$RESULTS"
}

tailgap_run() {  # NAME REP C URL...
  local name=$1 r=$2 c=$3; shift 3
  local dir=$WORK/runs/$name-$r args=() u
  for u in "$@"; do args+=(--base-url "$u"); done
  "$TIME" -v -o "$dir.time" "$TAILGAP" run -m openai:fast-model "${args[@]}" -d "$DATA" -c "$c" --no-cache -q \
    --out "$dir" > "$dir.out" 2>&1 || { tail -5 "$dir.out" >&2; die "run $dir failed"; }
  [ "$(wc -l < "$dir/items.jsonl")" = "$N" ] || die "$dir/items.jsonl does not hold $N lines"
  if [ $# -gt 1 ]; then    # every replica answered a share, and the shares add up to the items
    python3 - "$dir/spec.json" "$N" <<'PY' || die "$dir: the replicas' shares do not add up"
import json, sys
shares = json.load(open(sys.argv[1]))["replicas"]
answered = [s["answered"] for s in shares]
print("   shares: " + ", ".join("%s %d" % (s["endpoint"], s["answered"]) for s in shares))
sys.exit(0 if all(a > 0 for a in answered) and sum(answered) == int(sys.argv[2]) else 1)
PY
  fi
  [ "$r" = 0 ] || record "$name" "$r" "$dir.time" "$(python3 -c 'import json, sys
print(json.load(open(sys.argv[1]))["attempts"][0]["seconds"])' "$dir/metadata.json")"
  rm -rf "$dir"
}

for r in $(seq 0 "$REPS"); do            # round 0 warms the servers, the JIT's AOT cache and the page cache
  "$TIME" -v -o "$WORK/runs/floor-$r.time" node "$FLOOR" --url "$URL1/chat/completions" --file "$QUESTIONS" \
    --concurrency "$C" > "$WORK/runs/floor-$r.out" 2>&1 || die "floor client failed"
  [ "$r" = 0 ] || record floor "$r" "$WORK/runs/floor-$r.time" \
    "$(python3 -c 'import json,sys; print(json.loads(open(sys.argv[1]).read())["wall_s"])' "$WORK/runs/floor-$r.out")"
  tailgap_run one "$r" "$C" "$URL1"
  tailgap_run two "$r" $((2 * C)) "$URL1" "$URL2"
  echo "   round $r done (load $(cut -d' ' -f1 /proc/loadavg))"
done
stop_servers

echo "== summary: medians of $REPS (wall and CPU of the whole client process, JVM start-up included)"
python3 - "$RESULTS" "$C" <<'PY' | tee "$WORK/summary.txt"
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
c = int(sys.argv[2])
by = {}
for r in rows:
    by.setdefault(r["client"], []).append(r)
med = lambda k, key: statistics.median(r[key] for r in by[k])
what = {"floor": "floor_client.mjs, 1 replica, c = %d" % c, "one": "tailgap, 1 replica, c = %d" % c,
        "two": "tailgap, 2 replicas, c = %d" % (2 * c)}
print("| client | wall s | asking s | CPU s | peak RSS MiB | items/s asking | wall ÷ floor | load1 |")
print("|---|---:|---:|---:|---:|---:|---:|---|")
for k in ("floor", "one", "two"):
    loads = [r["load1"] for r in by[k]]
    print("| %s | %.2f | %.2f | %.2f | %.0f | %.0f | %.2f | %.1f–%.1f |" % (what[k], med(k, "wall_s"),
          med(k, "ask_s"), med(k, "cpu_s"), med(k, "rss_mib"), by[k][0]["items"] / med(k, "ask_s"),
          med(k, "wall_s") / med("floor", "wall_s"), min(loads), max(loads)))
print()
print("two ÷ one, items/s while asking: %.2f; wall (JVM start-up included): %.2f"
      % (med("one", "ask_s") / med("two", "ask_s"), med("one", "wall_s") / med("two", "wall_s")))
PY
echo "results: $RESULTS"
