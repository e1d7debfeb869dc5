"""Reference percentiles for TotalsCounterTest: numpy's default (linear, R type 7) over fixed latency samples.

Run from the repository root: python3 harness/src/test/python/totals_reference.py
writes harness/src/test/resources/engine/percentiles.json.
"""
import json
import numpy as np

rng = np.random.default_rng(20261201)
cases = {
    "one": [250],
    "two": [100, 300],
    "ties": [5, 5, 5, 7, 7, 9, 100],
    "lognormal": [int(x) for x in np.round(rng.lognormal(mean=5.0, sigma=0.8, size=257))],
}
out = {}
for name, values in cases.items():
    out[name] = {
        "values": values,
        "p50": float(np.percentile(values, 50)),
        "p95": float(np.percentile(values, 95)),
        "p99": float(np.percentile(values, 99)),
    }
with open("harness/src/test/resources/engine/percentiles.json", "w") as f:
    json.dump(out, f, indent=1)
    f.write("\n")
