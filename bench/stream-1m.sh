#!/usr/bin/env bash
# Streaming check: a generated 1,000,000-item dataset runs end to end with the harness JVM capped at -Xmx256m, against
# the synthetic model with zero latency (`tailgap serve-sim`, its own JVM, which holds the questions it answers), and
# the reports are produced. Verifies every item is in items.jsonl and in the report, and prints wall time, items/s,
# CPU time and peak RSS of the harness process, the largest heap occupancy after a collection (from the GC log: what
# the run really keeps alive), and the time of `tailgap report` rebuilding the reports from the 1M-item log.
#
# Usage: bench/stream-1m.sh      env: N=1000000 HEAP=256m CONC=16 WORK=${TMPDIR:-/tmp}/tailgap-stream
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

N=${N:-1000000}
HEAP=${HEAP:-256m}
CONC=${CONC:-16}
WORK=${WORK:-${TMPDIR:-/tmp}/tailgap-stream}
SIM_JAVA_OPTS=${SIM_JAVA_OPTS:--XX:+UseSerialGC -Xss1m -Xmx3g -XX:TieredStopAtLevel=4}

need_tools
rm -rf "$WORK"; mkdir -p "$WORK"
data=$WORK/stream.jsonl
echo "== generating $N items"
gen_items "$N" "$data"
echo "   $(du -h "$data" | cut -f1) in $data"
echo "== starting the synthetic model (latency 0, own JVM: $SIM_JAVA_OPTS)"
start_sim "$data" 0 "$WORK/sim.log"

run=$WORK/run
echo "== tailgap run, harness JVM with -Xmx$HEAP, concurrency $CONC"
TAILGAP_JAVA_OPTS="-Xmx$HEAP -Xlog:gc:file=$WORK/gc.log ${TAILGAP_JAVA_OPTS:-}" "$TIME" -v -o "$WORK/run.time" \
  "$TAILGAP" run -m openai:synthetic-reference --base-url "http://127.0.0.1:$PORT/v1" -d "$data" -c "$CONC" \
  --out "$run" > "$WORK/run.out" 2> "$WORK/run.err" || { tail -20 "$WORK/run.err" >&2; die "the run failed"; }
stop_servers

lines=$(wc -l < "$run/items.jsonl")
[ "$lines" = "$N" ] || die "items.jsonl has $lines lines, expected $N"
for f in report.json report.md; do [ -s "$run/$f" ] || die "no $f"; done
asked=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["overall"]["asked"])' "$run/report.json")
[ "$asked" = "$N" ] || die "report.json counts $asked asked items, expected $N"

echo "== tailgap report on the $N-item run directory (-Xmx$HEAP)"
TAILGAP_JAVA_OPTS="-Xmx$HEAP ${TAILGAP_JAVA_OPTS:-}" "$TIME" -v -o "$WORK/report.time" "$TAILGAP" report "$run" \
  > "$WORK/report.out"
read -r wall user sys rss <<< "$(time_fields "$WORK/run.time")"
read -r rwall ruser rsys rrss <<< "$(time_fields "$WORK/report.time")"
python3 - "$WORK/gc.log" "$N" "$HEAP" "$wall" "$user" "$sys" "$rss" "$rwall" "$rrss" <<'PY' | tee "$WORK/summary.txt"
import re, sys
gc, n, heap, wall, user, sys_, rss, rwall, rrss = sys.argv[1:]
n, wall, cpu = int(n), float(wall), float(user) + float(sys_)
after, cap, pauses = [], [], 0
for line in open(gc):
    m = re.search(r"Pause \w+.*?(\d+)M->(\d+)M\((\d+)M\)", line)
    if m:
        pauses += 1
        after.append(int(m.group(2))); cap.append(int(m.group(3)))
print("items            %d (all in items.jsonl and report.json; report.md written)" % n)
print("heap             -Xmx%s; %d collections; largest heap after a collection %s MiB (of at most %s MiB committed)"
      % (heap, pauses, max(after) if after else "?", max(cap) if cap else "?"))
print("run              wall %.1f s, %.0f items/s, CPU %.1f s (%.0f us/item), peak RSS %.0f MiB"
      % (wall, n / wall, cpu, 1e6 * cpu / n, int(rss) / 1024))
print("tailgap report   wall %s s, peak RSS %.0f MiB" % (rwall, int(rrss) / 1024))
PY
