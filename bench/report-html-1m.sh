#!/usr/bin/env bash
# report.html of a 1,000,000-item run in a 256 MB heap: makes a small run with `tailgap demo`, stretches its item log
# to N items (the demo's items repeated under fresh ids; no model is asked), then times `tailgap report RUN --format
# html` under TAILGAP_JAVA_OPTS=-Xmx256m with GNU time (wall, CPU, peak RSS) and prints the page's size and what it
# says about the items it embeds. Opening the page in headless Chromium is timed by the browser test:
#   mvn -pl harness -am verify -Dtest=HtmlReportBrowserTest -Dtailgap.browser.sampled=1000000
#
# Usage: bench/report-html-1m.sh      env: N=1000000 HEAP=-Xmx256m WORK=${TMPDIR:-/tmp}/tailgap-report-html
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

N=${N:-1000000}
HEAP=${HEAP:--Xmx256m}
WORK=${WORK:-${TMPDIR:-/tmp}/tailgap-report-html}

need_tools
rm -rf "$WORK"; mkdir -p "$WORK"
echo "== a demo run, stretched to $N items"
"$TAILGAP" demo --out "$WORK/demo" -q > "$WORK/demo.out" 2>&1 || { cat "$WORK/demo.out" >&2; die "the demo failed"; }
mkdir -p "$WORK/run"
python3 - "$WORK/demo" "$WORK/run" "$N" <<'PY'
import json, sys
src, dst, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
items = [json.loads(l) for l in open(src + "/items.jsonl", encoding="utf-8")]
with open(dst + "/items.jsonl", "w", encoding="utf-8") as f:
    for i in range(n):
        r = dict(items[i % len(items)])
        r["id"] = r["id"] + "#" + str(i)
        f.write(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n")
spec = json.load(open(src + "/spec.json", encoding="utf-8"))
spec["state"]["planned"] = n
json.dump(spec, open(dst + "/spec.json", "w", encoding="utf-8"), indent=2)
PY
echo "   items.jsonl: $(du -h "$WORK/run/items.jsonl" | cut -f1)"

echo "== tailgap report $WORK/run --format html (TAILGAP_JAVA_OPTS=$HEAP)"
TAILGAP_JAVA_OPTS="$HEAP" "$TIME" -f "wall %e s, user %U s, sys %S s, peak RSS %M KiB, exit %x" -o "$WORK/time.txt" \
  "$TAILGAP" report "$WORK/run" --format html > "$WORK/report.out" 2> "$WORK/report.err" \
  || { cat "$WORK/report.err" >&2; cat "$WORK/time.txt" >&2; die "tailgap report failed"; }
cat "$WORK/time.txt"
echo "   report.html: $(du -h "$WORK/run/report.html" | cut -f1); $(grep -o '[0-9,]* of [0-9,]* items shown' "$WORK/run/report.html")"
