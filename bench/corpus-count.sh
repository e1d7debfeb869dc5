#!/usr/bin/env bash
# Corpus-count benchmark (BENCHMARKS.md, "Corpus counts"): tailgap frequency count on a 1 GB synthetic corpus with
# 10,000 and 100,000 concepts, on one and two threads; beside ripgrep and GNU grep with the same fixed-string
# patterns; gzip and zstd inputs; and the Spark job in local[2]. Corpora are generated under $CORPUS_BENCH_DIR
# (default /tmp/tailgap-corpus-bench), never in the repository. Figures are measured, never asserted.
#   bench/corpus-count.sh              # everything (about 30 minutes on 2 cores; TOOL_TIMEOUT bounds rg and grep)
#   SIZE=256m bench/corpus-count.sh    # a smaller corpus
set -euo pipefail
source "$(dirname "$0")/lib.sh"
need_tools
command -v rg >/dev/null || die "ripgrep is needed for the comparison: apt-get install -y ripgrep"
command -v zstd >/dev/null || die "zstd is needed for the zstd input: apt-get install -y zstd"
OUT=${CORPUS_BENCH_DIR:-/tmp/tailgap-corpus-bench}
SIZE=${SIZE:-1g}
SPARK_JAR="$REPO/spark/target/tailgap-spark-0.1.0.jar"
mkdir -p "$OUT"
export TAILGAP_JAVA_OPTS=${TAILGAP_JAVA_OPTS:-}
TOOL_TIMEOUT=${TOOL_TIMEOUT:-900}   # rg and grep with tens of thousands of patterns can take very long

tool() {  # tool LABEL BYTES SHELL-CMD: a pattern tool, its matches counted, stopped after TOOL_TIMEOUT seconds
  if ! $TIME -f "%e %U %S %M" -o "$OUT/time.txt" timeout "$TOOL_TIMEOUT" bash -o pipefail -c "$3 | wc -l" > "$OUT/last.out"; then
    echo "| $1 | failed or did not finish in $TOOL_TIMEOUT s (see above) | | | | |"
    return
  fi
  read -r wall user sys rss < "$OUT/time.txt"
  python3 -c "import sys; b,w,u,s,r=int(sys.argv[2]),*map(float,sys.argv[3:]); \
print(f'| {sys.argv[1]} | {w:.1f} | {u+s:.1f} | {b/1e6/w:.0f} | {b/1e6/(u+s):.0f} | {r/1024:.0f} |')" \
    "$1" "$2" "$wall" "$user" "$sys" "$rss"
}

# one measured command: wall s, user+sys s, peak RSS MB, then MB/s wall and MB/s per CPU second for $2 bytes
measure() {  # measure LABEL BYTES CMD...
  local label=$1 bytes=$2; shift 2
  $TIME -f "%e %U %S %M" -o "$OUT/time.txt" "$@" > "$OUT/last.out" 2> "$OUT/last.err" || {
    cat "$OUT/last.err" >&2; die "$label failed"; }

  read -r wall user sys rss < "$OUT/time.txt"
  python3 - "$label" "$bytes" "$wall" "$user" "$sys" "$rss" <<'PY'
import sys
label, b, wall, user, sys_, rss = sys.argv[1], int(sys.argv[2]), *map(float, sys.argv[3:])
cpu = user + sys_
print(f"| {label} | {wall:.1f} | {cpu:.1f} | {b/1e6/wall:.0f} | {b/1e6/cpu:.0f} | {rss/1024:.0f} |")
PY
}

synth() {  # synth DIR CONCEPTS
  [ -f "$1/expected.tsv" ] || "$TAILGAP" frequency synth --out "$1" --concepts "$2" --size "$SIZE" --shards 4 >/dev/null
}

corpus_bytes() { du -cb "$1"/corpus/part-*.txt | tail -1 | cut -f1; }

count() {  # count LABEL BYTES DIR THREADS CORPUS... -> measured; the counted dataset in $OUT/counted.jsonl
  local label=$1 bytes=$2 dir=$3 threads=$4; shift 4
  rm -rf "$OUT/counted.jsonl" "$OUT/counted.jsonl.count-state"
  measure "$label" "$bytes" "$TAILGAP" frequency count -d "$dir/dataset.jsonl" --corpus "$@" \
    --out "$OUT/counted.jsonl" --threads "$threads"
}

check() {  # the counted dataset must equal the generator's expected counts
  python3 - "$1/expected.tsv" "$OUT/counted.jsonl" <<'PY'
import json, sys
exp = {l.split("\t")[0]: tuple(map(int, l.split("\t")[1:])) for l in list(open(sys.argv[1]))[1:]}
for line in open(sys.argv[2]):
    i = json.loads(line); m = i["meta"]
    got = (m["corpus_mentions"], m["corpus_docs"], m["corpus_cooccurrence"])
    assert got == exp[i["id"]], (i["id"], got, exp[i["id"]])
print(f"  counts equal the generator's for all {len(exp)} items", file=sys.stderr)
PY
}

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
echo
echo "| run | wall s | CPU s | MB/s wall | MB/s per CPU s | peak RSS MB |"
echo "|---|---|---|---|---|---|"
for concepts in 10000 100000; do
  dir="$OUT/c$concepts"
  synth "$dir" "$concepts"
  bytes=$(corpus_bytes "$dir")
  count "tailgap, $concepts concepts, 1 thread" "$bytes" "$dir" 1 "$dir/corpus"
  check "$dir"
  count "tailgap, $concepts concepts, 2 threads" "$bytes" "$dir" 2 "$dir/corpus"
  check "$dir"
done

# the same fixed strings for the other tools: every name, case-insensitive, whole words, every match printed
for concepts in 10000 100000; do
  dir="$OUT/c$concepts"
  shard="$dir/corpus/part-00000.txt"
  shard_bytes=$(stat -c %s "$shard")
  tool "rg -F -w -o -i -j 1, $concepts concepts' names, one shard" "$shard_bytes" \
    "rg -F -w -o -i -j 1 -f '$dir/aliases.txt' '$shard'"
  tool "grep -F -w -o -i, $concepts concepts' names, one shard" "$shard_bytes" \
    "grep -F -w -o -i -f '$dir/aliases.txt' '$shard'"
  count "tailgap, $concepts concepts, one shard, 1 thread" "$shard_bytes" "$dir" 1 "$shard"
done

dir="$OUT/c10000"
shard="$dir/corpus/part-00000.txt"
shard_bytes=$(stat -c %s "$shard")
[ -f "$OUT/shard.txt.gz" ] || gzip -c -6 "$shard" > "$OUT/shard.txt.gz"
[ -f "$OUT/shard.txt.zst" ] || zstd -q -3 -c "$shard" > "$OUT/shard.txt.zst"
count "tailgap, gzip shard, 1 thread (MB/s of text)" "$shard_bytes" "$dir" 1 "$OUT/shard.txt.gz"
count "tailgap, zstd shard, 1 thread (MB/s of text)" "$shard_bytes" "$dir" 1 "$OUT/shard.txt.zst"

if [ -f "$SPARK_JAR" ]; then
  cp="$OUT/spark.classpath"
  [ -s "$cp" ] || (cd "$REPO" && mvn -B -ntp -q -pl spark -am -DskipTests package dependency:build-classpath \
    -Dmdep.outputFile="$cp" -Dmdep.includeScope=provided >/dev/null)
  bytes=$(corpus_bytes "$dir")
  rm -f "$OUT/spark.jsonl"
  measure "Spark local[2], 10000 concepts" "$bytes" java -Xmx4g -Dspark.master='local[2]' -Dspark.ui.enabled=false \
    --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED \
    --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED \
    --add-opens=java.base/java.lang.invoke=ALL-UNNAMED -cp "$SPARK_JAR:$(cat "$cp")" \
    dev.tailgap.spark.SparkFrequencyCount --dataset "$dir/dataset.jsonl" --corpus "$dir/corpus" --out "$OUT/spark.jsonl"
  count "tailgap again, for the comparison" "$bytes" "$dir" 2 "$dir/corpus" >/dev/null
  cmp -s "$OUT/spark.jsonl" "$OUT/counted.jsonl" && echo "  Spark output equals the single-machine output" >&2 \
    || die "Spark output differs from the single-machine output"
fi
