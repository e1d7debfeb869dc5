#!/usr/bin/env bash
# Corpus-count benchmark (BENCHMARKS.md, "Corpus counts"): tailgap frequency count on a 1 GB synthetic corpus with
# 10,000 and 100,000 concepts, on one and two threads; beside ripgrep and GNU grep with the same fixed-string
# patterns on a slice of it; gzip and zstd inputs; and the Spark job in local[2]. Every row is the median of REPS runs
# (peak RSS: the largest), with the load average when the row started. Corpora are generated under
# $CORPUS_BENCH_DIR (default /tmp/tailgap-corpus-bench), never in the repository; the script builds what is missing
# and starts nothing but the processes it measures. Figures are measured, never asserted.
#   bench/corpus-count.sh                # everything (about 40 minutes on 2 idle cores)
#   SIZE=256m REPS=1 bench/corpus-count.sh   # a smaller corpus, one run per row
#   SLICE_MB=20 TOOL_CPU=300             # the slice rg and grep search (MB), and the CPU seconds they may take
#   TOOLS=0                              # leaves rg and grep out (their rows and ratios are not printed)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
SPARK_JAR="$REPO/spark/target/tailgap-spark-0.1.0.jar"
if [ ! -f "$REPO/harness/target/tailgap.jar" ] || [ ! -f "$SPARK_JAR" ]; then
  (cd "$REPO" && mvn -B -ntp -q -DskipTests package)
fi
need_tools
command -v rg >/dev/null || die "ripgrep is needed for the comparison: apt-get install -y ripgrep"
command -v zstd >/dev/null || die "zstd is needed for the zstd input: apt-get install -y zstd"
OUT=${CORPUS_BENCH_DIR:-/tmp/tailgap-corpus-bench}
SIZE=${SIZE:-1g}
REPS=${REPS:-3}
SPARK_REPS=${SPARK_REPS:-$REPS}
SLICE_MB=${SLICE_MB:-5}
TOOL_CPU=${TOOL_CPU:-300}   # CPU seconds rg and grep may take: with tens of thousands of patterns they are very slow
TOOLS=${TOOLS:-1}
TOOL_MEMORY_KB=${TOOL_MEMORY_KB:-8000000}   # and GNU grep with 100,000 patterns would take all the memory there is
mkdir -p "$OUT"
export TAILGAP_JAVA_OPTS=${TAILGAP_JAVA_OPTS:-}
: > "$OUT/results.tsv"

# measure LABEL BYTES TIMEOUT CMD...: REPS runs of CMD; one table row of medians, appended to results.tsv too
measure() {
  local label=$1 bytes=$2 limit=$3 load r; shift 3
  load=$(cut -d' ' -f1 /proc/loadavg)
  : > "$OUT/times.txt"
  for r in $(seq 1 "$REPS"); do
    if ! $TIME -f "%e %U %S %M" -o "$OUT/time.txt" timeout "$limit" "$@" > "$OUT/last.out" 2> "$OUT/last.err"; then
      if [ "$limit" = 0 ]; then cat "$OUT/last.err" >&2; die "$label failed"; fi
      echo "| $label | failed or stopped: $(tail -c 200 "$OUT/last.err" | tail -1 | tr '|' '/') | | | | | $load |"
      printf '%s\tnan\tnan\n' "$label" >> "$OUT/results.tsv"
      return
    fi
    cat "$OUT/time.txt" >> "$OUT/times.txt"
  done
  python3 - "$label" "$bytes" "$load" "$OUT/times.txt" "$OUT/results.tsv" <<'PY'
import statistics as st, sys
label, b, load, times, results = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
rows = [list(map(float, l.split())) for l in open(times) if l.strip()]
wall = st.median(r[0] for r in rows)
cpu = st.median(r[1] + r[2] for r in rows)
rss = max(r[3] for r in rows)
print(f"| {label} | {wall:.1f} | {cpu:.1f} | {b/1e6/wall:.0f} | {b/1e6/cpu:.0f} | {rss/1024:,.0f} | {load} |")
open(results, "a").write(f"{label}\t{b/1e6/wall}\t{b/1e6/cpu}\n")
PY
}

synth() {  # synth DIR CONCEPTS
  [ -f "$1/expected.tsv" ] || "$TAILGAP" frequency synth --out "$1" --concepts "$2" --size "$SIZE" --shards 4 >/dev/null
}

corpus_bytes() { du -cb "$1"/corpus/part-*.txt | tail -1 | cut -f1; }

count() {  # count LABEL BYTES DIR THREADS CORPUS... -> measured; the counted dataset in $OUT/counted.jsonl
  local label=$1 bytes=$2 dir=$3 threads=$4; shift 4
  measure "$label" "$bytes" 0 bash -c 'rm -rf "$2" "$2.count-state"; cli=$1 out=$2 d=$3 t=$4; shift 4
    exec "$cli" frequency count -d "$d" --corpus "$@" --out "$out" --threads "$t"' _ \
    "$TAILGAP" "$OUT/counted.jsonl" "$dir/dataset.jsonl" "$threads" "$@"
}

check() {  # the counted dataset must equal the generator's expected counts
  python3 - "$1/expected.tsv" "$OUT/counted.jsonl" <<'PY'
import json, sys
exp = {l.split("\t")[0]: tuple(map(int, l.split("\t")[1:])) for l in list(open(sys.argv[1]))[1:]}
n = 0
for line in open(sys.argv[2]):
    i = json.loads(line); m = i["meta"]; n += 1
    got = (m["corpus_mentions"], m["corpus_docs"], m["corpus_cooccurrence"])
    assert got == exp[i["id"]], (i["id"], got, exp[i["id"]])
assert n == len(exp), (n, len(exp))
print(f"  counts equal the generator's for all {len(exp)} items", file=sys.stderr)
PY
}

ratio() {  # ratio TEXT A B: how many times faster A is than B, wall and per CPU second
  python3 - "$1" "$2" "$3" "$OUT/results.tsv" <<'PY'
import math, sys
text, a, b, path = sys.argv[1:]
r = {l.split("\t")[0]: tuple(map(float, l.rstrip("\n").split("\t")[1:])) for l in open(path)}
wa, ca = r[a]; wb, cb = r[b]
fmt = lambda x: "n/a (did not finish)" if math.isnan(x) else f"{x:.1f}x"
print(f"- {text}: {fmt(wa / wb)} wall, {fmt(ca / cb)} per CPU second")
PY
}

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1), $REPS runs per row"
echo
echo "| run | wall s | CPU s | MB/s wall | MB/s per CPU s | peak RSS MB | load at start |"
echo "|---|---|---|---|---|---|---|"
for concepts in 10000 100000; do
  dir="$OUT/c$concepts"
  synth "$dir" "$concepts"
  bytes=$(corpus_bytes "$dir")
  count "tailgap, $concepts concepts, 1 thread" "$bytes" "$dir" 1 "$dir/corpus"
  check "$dir"
  count "tailgap, $concepts concepts, 2 threads" "$bytes" "$dir" 2 "$dir/corpus"
  check "$dir"
done

# the same fixed strings for the other tools: every name, case-insensitive, whole words, every match printed; on a
# slice of the first shard (whole lines), because with this many patterns they are slow; one run each, their
# virtual memory capped at TOOL_MEMORY_KB
for concepts in 10000 100000; do
  dir="$OUT/c$concepts"
  slice="$OUT/slice-$concepts.txt"
  [ -s "$slice" ] || head -c "$((SLICE_MB * 1000000))" "$dir/corpus/part-00000.txt" | head -n -1 > "$slice"
  slice_bytes=$(stat -c %s "$slice")
  count "tailgap, $concepts concepts, the $SLICE_MB MB slice, 1 thread" "$slice_bytes" "$dir" 1 "$slice"
  [ "$TOOLS" = 0 ] && continue
  REPS=1 measure "rg -F -w -o -i -j 1 -f aliases.txt, $concepts concepts, the slice" "$slice_bytes" "$((TOOL_CPU * 20))" \
    bash -o pipefail -c 'ulimit -v "$3" -t "$4"; rg -F -w -o -i -j 1 -f "$1" "$2" | wc -l' _ "$dir/aliases.txt" "$slice" \
    "$TOOL_MEMORY_KB" "$TOOL_CPU"
  REPS=1 measure "grep -F -w -o -i -f aliases.txt, $concepts concepts, the slice" "$slice_bytes" "$((TOOL_CPU * 20))" \
    bash -o pipefail -c 'ulimit -v "$3" -t "$4"; grep -F -w -o -i -f "$1" "$2" | wc -l' _ "$dir/aliases.txt" "$slice" \
    "$TOOL_MEMORY_KB" "$TOOL_CPU"
done

dir="$OUT/c10000"
shard="$dir/corpus/part-00000.txt"
shard_bytes=$(stat -c %s "$shard")
[ -f "$OUT/shard.txt.gz" ] || gzip -c -6 "$shard" > "$OUT/shard.txt.gz"
[ -f "$OUT/shard.txt.zst" ] || zstd -q -3 -c "$shard" > "$OUT/shard.txt.zst"
count "tailgap, 10000 concepts, one plain shard, 1 thread" "$shard_bytes" "$dir" 1 "$shard"
count "tailgap, the shard as gzip (-6), 1 thread, MB/s of text" "$shard_bytes" "$dir" 1 "$OUT/shard.txt.gz"
count "tailgap, the shard as zstd (-3), 1 thread, MB/s of text" "$shard_bytes" "$dir" 1 "$OUT/shard.txt.zst"

cp="$OUT/spark.classpath"
[ -s "$cp" ] || (cd "$REPO" && mvn -B -ntp -q -pl spark -am -DskipTests package dependency:build-classpath \
  -Dmdep.outputFile="$cp" -Dmdep.includeScope=provided >/dev/null)
bytes=$(corpus_bytes "$dir")
REPS=$SPARK_REPS measure "Spark local[2], 10000 concepts" "$bytes" 0 java -Xmx4g -Dspark.master='local[2]' -Dspark.ui.enabled=false \
  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED \
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED \
  --add-opens=java.base/java.lang.invoke=ALL-UNNAMED -cp "$SPARK_JAR:$(cat "$cp")" \
  dev.tailgap.spark.SparkFrequencyCount --dataset "$dir/dataset.jsonl" --corpus "$dir/corpus" --out "$OUT/spark.jsonl"
REPS=1 count "tailgap again, for the comparison" "$bytes" "$dir" 2 "$dir/corpus" >/dev/null
cmp -s "$OUT/spark.jsonl" "$OUT/counted.jsonl" && echo "  Spark output equals the single-machine output" >&2 \
  || die "Spark output differs from the single-machine output"

echo
ratio "tailgap 2 threads over 1 thread, 10,000 concepts" "tailgap, 10000 concepts, 2 threads" \
  "tailgap, 10000 concepts, 1 thread"
ratio "tailgap 2 threads over 1 thread, 100,000 concepts" "tailgap, 100000 concepts, 2 threads" \
  "tailgap, 100000 concepts, 1 thread"
for concepts in 10000 100000; do
  [ "$TOOLS" = 0 ] && break
  for t in rg grep; do
    [ "$t" = rg ] && name="rg -F -w -o -i -j 1 -f aliases.txt" || name="grep -F -w -o -i -f aliases.txt"
    ratio "tailgap over $t, $concepts concepts, the slice" "tailgap, $concepts concepts, the $SLICE_MB MB slice, 1 thread" \
      "$name, $concepts concepts, the slice"
  done
done
ratio "Spark local[2] over tailgap 2 threads" "Spark local[2], 10000 concepts" "tailgap, 10000 concepts, 2 threads"
