"""Write a synthetic tailgap dataset of N items for benchmarks: python3 synthetic_dataset.py N OUT.jsonl

Frequencies are log-uniform over 1 to 10^7, questions cycle through six relations, every concept has a unique
made-up name and answer. Deterministic for a given N. Writes OUT.jsonl and OUT.manifest.yaml beside it.
"""
import json
import os
import random
import sys

RELATIONS = ["occupation", "place of birth", "country", "author", "capital", "genre"]


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    n, out = int(sys.argv[1]), sys.argv[2]
    rng = random.Random(n)
    with open(out, "w", encoding="utf-8") as f:
        for i in range(n):
            rel = RELATIONS[i % len(RELATIONS)]
            concept = "Concept %s" % format(i * 7919 % (36 ** 5), "x")
            answer = "Answer %d" % i
            f.write(json.dumps({"id": "syn:%d" % i, "question": "What is the %s of %s?" % (rel, concept),
                                "answers": [answer, answer.lower()], "concept": concept,
                                "frequency": int(10 ** (rng.random() * 7)), "relation": rel},
                               ensure_ascii=False) + "\n")
    base = out[:-len(".jsonl")] if out.endswith(".jsonl") else out
    name = os.path.basename(base)
    with open(base + ".manifest.yaml", "w", encoding="utf-8") as f:
        f.write('name: %s\nversion: "1"\ndescription: synthetic benchmark items\nlicense: CC0-1.0\n'
                'source: synthetic_dataset.py\nattribution: ""\nfrequencySource: synthetic\nbucketing: log10\n' % name)


if __name__ == "__main__":
    main()
