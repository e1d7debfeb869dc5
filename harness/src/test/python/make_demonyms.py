"""Writes the demonym table of the contains scorer's derived forms
(src/main/resources/dev/tailgap/harness/scoring/demonyms.tsv) from the countries.json of the npm package
world-countries (mledoze/countries, ODbL 1.0):

    npm pack world-countries@5.1.0 && tar xzf world-countries-5.1.0.tgz
    python3 make_demonyms.py package/countries.json

Each line: a country's folded-for-lookup name (common and official English names) <TAB> its English demonyms (masculine
and feminine, when they differ) joined with '|'. Sorted, deterministic."""
import json
import pathlib
import sys


def main():
    countries = json.loads(pathlib.Path(sys.argv[1]).read_text(encoding="utf-8"))
    rows = {}
    for c in countries:
        eng = (c.get("demonyms") or {}).get("eng") or {}
        forms = []
        for k in ("m", "f"):
            v = (eng.get(k) or "").strip()
            if v and v not in forms:
                forms.append(v)
        if not forms:
            continue
        for name in (c["name"]["common"], c["name"]["official"]):
            if name and name not in forms:
                rows.setdefault(name, [])
                for f in forms:
                    if f not in rows[name]:
                        rows[name].append(f)
    here = pathlib.Path(__file__).resolve().parent
    out = here.parent.parent / "main" / "resources" / "dev" / "tailgap" / "harness" / "scoring" / "demonyms.tsv"
    lines = ["# country\tdemonyms; from world-countries 5.1.0 (github.com/mledoze/countries), ODbL 1.0;"
             " made by harness/src/test/python/make_demonyms.py"]
    for name in sorted(rows):
        lines.append(name + "\t" + "|".join(rows[name]))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(out, len(lines) - 1)


if __name__ == "__main__":
    main()
