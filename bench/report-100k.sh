#!/usr/bin/env bash
# `tailgap report RUN_DIR` on a 100,000-item run: makes the run once (the synthetic model, zero latency, its own JVM),
# then times the report rebuild (reads spec.json and items.jsonl, aggregates, writes report.json and report.md,
# prints the table) REPS times, with hyperfine when installed, else /usr/bin/time.
#
# Usage: bench/report-100k.sh      env: N=100000 REPS=5 WORK=${TMPDIR:-/tmp}/tailgap-report
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

N=${N:-100000}
REPS=${REPS:-5}
WORK=${WORK:-${TMPDIR:-/tmp}/tailgap-report}

need_tools
rm -rf "$WORK"; mkdir -p "$WORK"
data=$WORK/report.jsonl
gen_items "$N" "$data"
start_sim "$data" 0 "$WORK/sim.log"
run=$WORK/run
echo "== making a $N-item run"
"$TAILGAP" run -m openai:synthetic-reference --base-url "http://127.0.0.1:$PORT/v1" -d "$data" -c 16 --out "$run" -q \
  > "$WORK/run.out" 2>&1 || { cat "$WORK/run.out" >&2; die "the run failed"; }
stop_servers
[ "$(wc -l < "$run/items.jsonl")" = "$N" ] || die "items.jsonl does not hold $N lines"

echo "== tailgap report $run ($REPS runs)"
if command -v hyperfine >/dev/null; then
  hyperfine -N -w 1 -r "$REPS" --export-json "$WORK/report.json" "$TAILGAP report $run" | grep -E 'Time|Range'
  python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print("median %.3f s (min %.3f, max %.3f)" % (r["median"], r["min"], r["max"]))' "$WORK/report.json"
else
  for i in $(seq 1 "$REPS"); do "$TIME" -f %e -o "$WORK/t.$i" "$TAILGAP" report "$run" > /dev/null; done
  cat "$WORK"/t.* | python3 -c 'import statistics,sys; v=[float(l) for l in sys.stdin]; print("median %.3f s (min %.3f, max %.3f)" % (statistics.median(v), min(v), max(v)))'
fi
