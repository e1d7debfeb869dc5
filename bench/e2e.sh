#!/usr/bin/env bash
# End-to-end benchmark: `tailgap run` of N items against a loopback OpenAI-compatible endpoint with a fixed latency,
# at concurrency C. Endpoints: `tailgap serve-sim --latency-ms L` (the synthetic model, in its own JVM, on a generated
# dataset) and ../shared/bench/fake_openai.py --latency-ms L (on its generated questions). Each measured run is timed
# by /usr/bin/time -v (wall, CPU, peak RSS of the harness process alone); each endpoint gets one unrecorded warm-up
# run first. Reports wall time, the physical floor N x L / C, their ratio, the ratio after subtracting JVM start-up
# (median of `tailgap --version`), requests/s, CPU seconds and peak RSS: medians over REPS runs.
#
# Usage: bench/e2e.sh
#   env: N=5000 LATENCY_MS=50 CONCS="64" REPS=5 ENDPOINTS="sim fake" WORK=${TMPDIR:-/tmp}/tailgap-e2e
#        OPTS_SETS='default' (a |-separated list of TAILGAP_JAVA_OPTS values to compare; "default" = the launcher's)
#        FLOOR_CLIENT=1 (also time ../shared/bench/floor_client.mjs on the fake endpoint when node is installed)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

N=${N:-5000}
LATENCY_MS=${LATENCY_MS:-50}
CONCS=${CONCS:-64}
REPS=${REPS:-5}
ENDPOINTS=${ENDPOINTS:-sim fake}
WORK=${WORK:-${TMPDIR:-/tmp}/tailgap-e2e}
OPTS_SETS=${OPTS_SETS:-default}
FLOOR_CLIENT=${FLOOR_CLIENT:-1}
FAKE_OPENAI=${FAKE_OPENAI:-$(find_shared_bench)/fake_openai.py}

need_tools
rm -rf "$WORK"; mkdir -p "$WORK/runs"
RESULTS=$WORK/results.jsonl
: > "$RESULTS"
NOCACHE=()
if "$TAILGAP" run --help 2>/dev/null | grep -q -- '--no-cache'; then NOCACHE=(--no-cache); fi

IFS='|' read -r -a OPTS <<< "$OPTS_SETS"
echo "== machine: $(nproc) cores, $(free -h | awk '/^Mem:/ {print $2}') RAM, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1)"
echo "== N=$N latency=${LATENCY_MS}ms concurrency=[$CONCS] reps=$REPS endpoints=[$ENDPOINTS] ${NOCACHE[*]:-(no --no-cache flag: nothing to disable)}"

declare -A STARTUP
for o in "${OPTS[@]}"; do
  if [ "$o" = default ]; then STARTUP[$o]=$(startup_median "$REPS")
  else STARTUP[$o]=$(TAILGAP_JAVA_OPTS="$o" startup_median "$REPS"); fi
  echo "== JVM start-up, tailgap --version [$o]: ${STARTUP[$o]} s (median of $REPS)"
done

# run_tailgap TAG OPTS MODEL DATASET CONC -> appends one result line
run_tailgap() {
  local tag=$1 opts=$2 model=$3 data=$4 c=$5 dir="$WORK/runs/$1"
  local before after; reset_stats; before=$(served)
  if [ "$opts" = default ]; then
    "$TIME" -v -o "$dir.time" "$TAILGAP" run -m "$model" --base-url "http://127.0.0.1:$PORT/v1" -d "$data" \
      -c "$c" --out "$dir" -q "${NOCACHE[@]}" > "$dir.out" 2>&1 || { cat "$dir.out" >&2; die "run $tag failed"; }
  else
    TAILGAP_JAVA_OPTS="$opts" "$TIME" -v -o "$dir.time" "$TAILGAP" run -m "$model" \
      --base-url "http://127.0.0.1:$PORT/v1" -d "$data" -c "$c" --out "$dir" -q "${NOCACHE[@]}" > "$dir.out" 2>&1 \
      || { cat "$dir.out" >&2; die "run $tag failed"; }
  fi
  after=$(served)
  echo "$(time_fields "$dir.time") $((after - before)) $(wc -l < "$dir/items.jsonl") $(busy_span)"
}

record() {  # ENDPOINT CONC OPTS REP TOOL "wall user sys rss requests items [busy_span]"
  python3 - "$@" >> "$RESULTS" <<'PY'
import json, sys
endpoint, conc, opts, rep, tool, fields = sys.argv[1:7]
wall, user, sys_, rss, requests, items, *span = fields.split()
span = float(span[0]) if span and span[0] != "nan" else None
print(json.dumps({"endpoint": endpoint, "concurrency": int(conc), "opts": opts, "rep": int(rep), "tool": tool,
                  "wall_s": float(wall), "cpu_s": float(user) + float(sys_), "max_rss_kb": int(rss),
                  "requests": int(requests), "items": int(items), "busy_s": span}))
PY
}

for ep in $ENDPOINTS; do
  case $ep in
    sim)
      data=$WORK/sim-items.jsonl; gen_items "$N" "$data"; model=openai:synthetic-reference
      start_sim "$data" "$LATENCY_MS" "$WORK/sim.log" ;;
    fake)
      [ -f "$FAKE_OPENAI" ] || { echo "== skipping fake: $FAKE_OPENAI not found"; continue; }
      data=$WORK/fake-items.jsonl; gen_fake_items "$N" "$data"; model=openai:fake-model
      start_fake "$LATENCY_MS" "$WORK/fake.log" ;;
    *) die "unknown endpoint '$ep' (sim or fake)" ;;
  esac
  for c in $CONCS; do
    floor=$(python3 -c "print($N * $LATENCY_MS / 1000 / $c)")
    echo "== $ep, concurrency $c: floor = $N x ${LATENCY_MS} ms / $c = $floor s"
    run_tailgap "warmup-$ep-c$c" default "$model" "$data" "$c" > /dev/null
    for r in $(seq 1 "$REPS"); do
      for i in "${!OPTS[@]}"; do
        o=${OPTS[$i]}
        fields=$(run_tailgap "$ep-c$c-o$i-r$r" "$o" "$model" "$data" "$c")
        set -- $fields
        [ "$6" = "$N" ] || die "$ep c=$c rep $r: items.jsonl has $6 lines, expected $N"
        [ -f "$WORK/runs/$ep-c$c-o$i-r$r/report.json" ] || die "$ep c=$c rep $r: no report.json"
        record "$ep" "$c" "$o" "$r" tailgap "$fields"
        echo "  tailgap [$o] rep $r: wall $1 s, cpu $(python3 -c "print(round($2 + $3, 2))") s, rss $(( $4 / 1024 )) MiB, $5 requests"
      done
      if [ "$ep" = fake ] && [ "$FLOOR_CLIENT" = 1 ] && command -v node >/dev/null; then
        q=$WORK/floor-questions.jsonl
        [ -f "$q" ] || python3 -c 'import json,sys
for l in open(sys.argv[1]):
    d = json.loads(l); print(json.dumps({"question": d["question"], "answer": d["answers"][0]}))' "$data" > "$q"
        reset_stats; before=$(served)
        "$TIME" -v -o "$WORK/runs/floor-c$c-r$r.time" node "$(dirname "$FAKE_OPENAI")/floor_client.mjs" \
          --url "http://127.0.0.1:$PORT/v1/chat/completions" --file "$q" --concurrency "$c" \
          > "$WORK/runs/floor-c$c-r$r.out" 2>&1
        after=$(served)
        record "$ep" "$c" node "$r" floor_client.mjs "$(time_fields "$WORK/runs/floor-c$c-r$r.time") $((after - before)) $N $(busy_span)"
      fi
    done
  done
  stop_servers
done

echo "== summary: medians over $REPS runs (wall and CPU of the whole client process, start-up included)"
python3 - "$RESULTS" "$N" "$LATENCY_MS" "$(for o in "${OPTS[@]}"; do printf '%s\t%s\n' "$o" "${STARTUP[$o]}"; done)" <<'PY' | tee "$WORK/summary.txt"
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
n, lat = int(sys.argv[2]), float(sys.argv[3])
startup = dict(l.split("\t") for l in sys.argv[4].splitlines() if l)
groups = {}
for r in rows:
    groups.setdefault((r["endpoint"], r["concurrency"], r["tool"], r["opts"]), []).append(r)
fmt = "{:<5} {:>4} {:<17} {:<5} {:>7} {:>7} {:>7} {:>8} {:>7} {:>7} {:>7} {:>7} {:>8}"
print(fmt.format("endp", "c", "client", "opts", "wall_s", "floor_s", "x_floor", "startup", "x_f+st", "busy_x",
                 "req/s", "cpu_s", "rss_MiB"))
labels = {}
for (ep, c, tool, opts), rs in sorted(groups.items()):
    med = lambda k: statistics.median(r[k] for r in rs)
    wall, floor = med("wall_s"), n * lat / 1000.0 / c
    st = float(startup.get(opts, "nan")) if tool == "tailgap" else float("nan")
    busy = [r["busy_s"] for r in rs if r.get("busy_s") is not None]
    label = labels.setdefault(opts, "o%d" % len(labels)) if tool == "tailgap" else "-"
    print(fmt.format(ep, c, tool, label, "%.2f" % wall, "%.2f" % floor, "%.2f" % (wall / floor),
                     "%.2f" % st if st == st else "-", "%.2f" % ((wall - st) / floor) if st == st else "-",
                     "%.2f" % (statistics.median(busy) / floor) if busy else "-", "%.0f" % (n / wall),
                     "%.2f" % med("cpu_s"), "%.0f" % (med("max_rss_kb") / 1024)))
for opts, label in labels.items():
    print("%s: TAILGAP_JAVA_OPTS %s" % (label, "unset (the launcher's flags)" if opts == "default" else opts))
print("x_floor = wall / floor; x_f+st = (wall - JVM start-up) / floor, the target being <= 1.10; busy_x = the span "
      "from the endpoint's first request to its last reply / floor (serve-sim only); req/s = N / wall; start-up = "
      "median wall of `tailgap --version`; wall, CPU and peak RSS are of the whole client process.")
PY
echo "results: $RESULTS"
