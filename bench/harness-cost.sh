#!/usr/bin/env bash
# The harness's own cost beside the minimal client (../shared/bench/floor_client.mjs), in one sitting, on the fast
# Node endpoint ../shared/bench/fast_openai.mjs (started and stopped here by PID, 127.0.0.1 only). Each target runs
# REPS rounds; a round times the minimal client and then `tailgap run` under each JDK of JDKS (interleaved, so the
# neighbours' load hits all alike), with /usr/bin/time -v (wall, user + system CPU, peak RSS of the client process,
# JVM start-up included). Prints medians and tailgap ÷ floor client, with the load average at the start and end.
#
# Targets (TARGETS, any of):
#   cost         N_COST=50000 items, latency 0, c = 64: CPU and wall per item
#   latency      N_LAT=2000 items, 50 ms, c = 64; plus `tailgap --version` and a 1-item run per JDK
#   concurrency  N_CONC=20000 items, 50 ms, c = 1024 (peak RSS matters here)
#   large        N_LARGE=1000000 items, latency 0, c = 64, TAILGAP_JAVA_OPTS=-Xmx256m, first JDK of JDKS: the minimal
#                client's rate on N_LARGE_FLOOR=50000 of the questions, two runs, then `tailgap report` of one (with and
#                without writing report.html), `gate --baseline` and `compare` of the two, all under the same heap cap
# Usage: bench/harness-cost.sh   env: TARGETS="cost latency concurrency large" REPS=3 JDKS="17 25"
#        WORK=${TMPDIR:-/tmp}/tailgap-cost   (a JDK is found under /usr/lib/jvm by its feature release; one that is not
#        installed is skipped)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

TARGETS=${TARGETS:-cost latency concurrency large}
REPS=${REPS:-3}
JDKS=${JDKS:-17 25}
WORK=${WORK:-${TMPDIR:-/tmp}/tailgap-cost}
N_COST=${N_COST:-50000}
N_LAT=${N_LAT:-2000}
N_CONC=${N_CONC:-20000}
N_LARGE=${N_LARGE:-1000000}
N_LARGE_FLOOR=${N_LARGE_FLOOR:-50000}
HEAP=${HEAP:-256m}
SHARED=$(find_shared_bench)
FAST_OPENAI=$SHARED/fast_openai.mjs
FLOOR=$SHARED/floor_client.mjs

need_tools
command -v node >/dev/null || die "node is needed for fast_openai.mjs and floor_client.mjs"
[ -f "$FAST_OPENAI" ] && [ -f "$FLOOR" ] || die "$SHARED holds no fast_openai.mjs / floor_client.mjs"
rm -rf "$WORK"; mkdir -p "$WORK/runs"
RESULTS=$WORK/results.jsonl
: > "$RESULTS"

declare -A HOMES
for j in $JDKS; do
  h=$(jdk_home "$j")
  if [ -n "$h" ]; then HOMES[$j]=$h; else echo "== JDK $j not found under /usr/lib/jvm: skipped"; fi
done
[ ${#HOMES[@]} -gt 0 ] || die "none of the JDKs [$JDKS] is installed"
echo "== machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), node $(node --version)"
for j in "${!HOMES[@]}"; do
  echo "== JDK $j: ${HOMES[$j]} ($(JAVA_HOME=${HOMES[$j]} "$TAILGAP" --version 2>&1 | tail -1))"  # makes its AOT cache
done

record() {  # TARGET CLIENT REP TIMEFILE [ITEMS]
  python3 - "$@" "$(cut -d' ' -f1 /proc/loadavg)" >> "$RESULTS" <<'PY'
import json, re, sys
target, client, rep, tf, items, load = sys.argv[1:7]
t = open(tf).read()
m = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)", t)
wall = int(m.group(1) or 0) * 3600 + int(m.group(2)) * 60 + float(m.group(3))
cpu = sum(float(re.search(p + r" time \(seconds\): ([\d.]+)", t).group(1)) for p in ("User", "System"))
rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", t).group(1))
print(json.dumps({"target": target, "client": client, "rep": int(rep), "wall_s": wall, "cpu_s": cpu,
                  "rss_mib": rss / 1024, "items": int(items), "load1": float(load)}))
PY
}

# measure TARGET N LATENCY_MS C [extra run args...]: REPS rounds of the floor client and tailgap under each JDK
measure() {
  local target=$1 n=$2 lat=$3 c=$4; shift 4
  local data=$WORK/$target.jsonl q=$WORK/$target-floor.jsonl
  gen_items "$n" "$data"; floor_questions "$data" "$q"
  start_fast "$lat" "$WORK/$target-server.log"
  local urls=(--base-url "http://127.0.0.1:$PORT/v1") r j dir
  echo "== $target: $n items, ${lat} ms, c = $c (floor N x L / c = $(python3 -c "print(round($n * $lat / 1000 / $c, 2))") s)"
  for r in $(seq 0 "$REPS"); do            # round 0 warms the server and the page cache, unrecorded
    "$TIME" -v -o "$WORK/runs/$target-floor-$r.time" node "$FLOOR" --url "http://127.0.0.1:$PORT/v1/chat/completions" \
      --file "$q" --concurrency "$c" > "$WORK/runs/$target-floor-$r.out" 2>&1 || die "floor client failed"
    [ "$r" = 0 ] || record "$target" floor "$r" "$WORK/runs/$target-floor-$r.time" "$n"
    for j in "${!HOMES[@]}"; do
      dir=$WORK/runs/$target-jdk$j-$r
      JAVA_HOME=${HOMES[$j]} "$TIME" -v -o "$dir.time" "$TAILGAP" run -m openai:fast-model "${urls[@]}" -d "$data" \
        -c "$c" --no-cache -q --out "$dir" "$@" > "$dir.out" 2>&1 || { tail -5 "$dir.out" >&2; die "run $dir failed"; }
      [ "$(wc -l < "$dir/items.jsonl")" = "$n" ] || die "$dir/items.jsonl does not hold $n lines"
      [ "$r" = 0 ] || record "$target" "tailgap-jdk$j" "$r" "$dir.time" "$n"
      rm -rf "$dir"
    done
    echo "   round $r done (load $(cut -d' ' -f1 /proc/loadavg))"
  done
  stop_servers
}

startup() {  # `tailgap --version` and a 1-item run per JDK, REPS x 5 each
  local data=$WORK/one.jsonl j r dir
  gen_items 1 "$data"
  start_fast 50 "$WORK/one-server.log"
  for r in $(seq 1 $((REPS * 5))); do
    for j in "${!HOMES[@]}"; do
      JAVA_HOME=${HOMES[$j]} "$TIME" -v -o "$WORK/runs/version-$j-$r.time" "$TAILGAP" --version > /dev/null
      record version "tailgap-jdk$j" "$r" "$WORK/runs/version-$j-$r.time" 0
      dir=$WORK/runs/one-jdk$j-$r
      JAVA_HOME=${HOMES[$j]} "$TIME" -v -o "$dir.time" "$TAILGAP" run -m openai:fast-model \
        --base-url "http://127.0.0.1:$PORT/v1" -d "$data" -c 1 --no-cache -q --out "$dir" > "$dir.out" 2>&1 \
        || { cat "$dir.out" >&2; die "1-item run failed"; }
      record one-item "tailgap-jdk$j" "$r" "$dir.time" 1
      rm -rf "$dir"
    done
  done
  stop_servers
}

large() {  # two 1M-item runs in a capped heap, then report, gate and compare of them, each timed once
  local data=$WORK/large.jsonl j r
  j=$(echo "$JDKS" | awk '{print $1}'); [ -n "${HOMES[$j]:-}" ] || j=$(echo "${!HOMES[@]}" | awk '{print $1}')
  export JAVA_HOME=${HOMES[$j]} TAILGAP_JAVA_OPTS="-Xmx$HEAP"
  gen_items "$N_LARGE" "$data"
  head -n "$N_LARGE_FLOOR" "$data" > "$WORK/large-floor-items.jsonl"
  floor_questions "$WORK/large-floor-items.jsonl" "$WORK/large-floor.jsonl"
  start_fast 0 "$WORK/large-server.log"
  echo "== large: $N_LARGE items, 0 ms, c = 64, -Xmx$HEAP, JDK $j"
  for r in 0 1; do                           # 0 warms the server, unrecorded: the floor client's rate on this machine
    "$TIME" -v -o "$WORK/runs/large-floor-$r.time" node "$FLOOR" --url "http://127.0.0.1:$PORT/v1/chat/completions" \
      --file "$WORK/large-floor.jsonl" --concurrency 64 > "$WORK/runs/large-floor-$r.out" 2>&1 || die "floor client failed"
    [ "$r" = 0 ] || record large floor "$r" "$WORK/runs/large-floor-$r.time" "$N_LARGE_FLOOR"
  done
  for r in 1 2; do
    "$TIME" -v -o "$WORK/runs/large-run-$r.time" "$TAILGAP" run -m openai:fast-model \
      --base-url "http://127.0.0.1:$PORT/v1" -d "$data" -c 64 --no-cache -q --out "$WORK/large-$r" \
      > "$WORK/runs/large-run-$r.out" 2>&1 || { tail -5 "$WORK/runs/large-run-$r.out" >&2; die "large run $r failed"; }
    [ "$(wc -l < "$WORK/large-$r/items.jsonl")" = "$N_LARGE" ] || die "large run $r is missing items"
    record large "run-jdk$j" "$r" "$WORK/runs/large-run-$r.time" "$N_LARGE"
  done
  stop_servers
  "$TIME" -v -o "$WORK/runs/large-report.time" "$TAILGAP" report "$WORK/large-1" > "$WORK/runs/large-report.out" 2>&1 \
    || { tail -5 "$WORK/runs/large-report.out" >&2; die "report failed"; }
  record large "report-jdk$j" 1 "$WORK/runs/large-report.time" "$N_LARGE"
  "$TIME" -v -o "$WORK/runs/large-report-nowrite.time" "$TAILGAP" report "$WORK/large-1" --no-write \
    > "$WORK/runs/large-report-nowrite.out" 2>&1 || { tail -5 "$WORK/runs/large-report-nowrite.out" >&2; die "report failed"; }
  record large "report-no-write-jdk$j" 1 "$WORK/runs/large-report-nowrite.time" "$N_LARGE"
  "$TIME" -v -o "$WORK/runs/large-gate.time" "$TAILGAP" gate "$WORK/large-2" --baseline "$WORK/large-1" \
    --rule 'tail.accuracy.drop <= 0.02' > "$WORK/runs/large-gate.out" 2>&1 || [ $? = 3 ] \
    || { tail -5 "$WORK/runs/large-gate.out" >&2; die "gate failed"; }   # 3: a rule failed, still a gate
  record large "gate-jdk$j" 1 "$WORK/runs/large-gate.time" "$N_LARGE"
  "$TIME" -v -o "$WORK/runs/large-compare.time" "$TAILGAP" compare "$WORK/large-1" "$WORK/large-2" \
    > "$WORK/runs/large-compare.out" 2>&1 || { tail -5 "$WORK/runs/large-compare.out" >&2; die "compare failed"; }
  record large "compare-jdk$j" 1 "$WORK/runs/large-compare.time" "$N_LARGE"
  unset TAILGAP_JAVA_OPTS JAVA_HOME
}

for t in $TARGETS; do
  case $t in
    cost) measure cost "$N_COST" 0 64 ;;
    latency) startup; measure latency "$N_LAT" 50 64 ;;
    concurrency) measure concurrency "$N_CONC" 50 1024 ;;
    large) large ;;
    *) die "unknown target '$t' (cost latency concurrency large)" ;;
  esac
done

echo "== summary: medians of $REPS (wall and CPU of the whole client process, JVM start-up included)"
python3 - "$RESULTS" <<'PY' | tee "$WORK/summary.txt"
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
groups = {}
for r in rows:
    groups.setdefault(r["target"], {}).setdefault(r["client"], []).append(r)
fmt = "{:<12} {:<22} {:>7} {:>7} {:>8} {:>9} {:>9} {:>8} {:>10}"
print(fmt.format("target", "client", "wall_s", "cpu_s", "rss_MiB", "wall_x", "cpu_x", "items/s", "load1"))
for target, clients in groups.items():
    med = lambda rs, k: statistics.median(r[k] for r in rs)
    base = clients.get("floor")
    for client, rs in sorted(clients.items()):
        wall, cpu = med(rs, "wall_s"), med(rs, "cpu_s")
        same = base and base[0]["items"] == rs[0]["items"]   # ratios only for the same work (large: rates)
        wx = "%.2f" % (wall / med(base, "wall_s")) if same else "-"
        cx = "%.2f" % (cpu / med(base, "cpu_s")) if same else "-"
        ips = "%.0f" % (rs[0]["items"] / wall) if rs[0]["items"] else "-"
        loads = [r["load1"] for r in rs]
        print(fmt.format(target, client, "%.2f" % wall, "%.2f" % cpu, "%.0f" % med(rs, "rss_mib"), wx, cx, ips,
                         "%.1f-%.1f" % (min(loads), max(loads))))
print("wall_x, cpu_x: tailgap / floor_client.mjs, medians of the same sitting; load1: 1-minute load average "
      "when each measured run ended (2 cores)")
PY
echo "results: $RESULTS"
