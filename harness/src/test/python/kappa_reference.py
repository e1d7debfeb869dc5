"""Reference values for Cohen's kappa (tailgap's judge-vs-rule agreement), written to
src/test/resources/stats/kappa.tsv: for each 2x2 table of (judge correct?, rule correct?) counts, kappa from
scikit-learn's cohen_kappa_score on the expanded labels and from statsmodels' cohens_kappa, with statsmodels'
asymptotic standard error (std_kappa) and 95% interval."""
import pathlib

import numpy as np
from sklearn.metrics import cohen_kappa_score
from statsmodels.stats.inter_rater import cohens_kappa

# rows: judge correct / not; columns: rule correct / not -> [[both, judge only], [rule only, neither]]
TABLES = [
    (40, 5, 3, 52),
    (10, 0, 0, 10),
    (30, 12, 4, 54),
    (5, 20, 15, 60),
    (1, 2, 3, 94),
    (70, 3, 1, 26),
    (12, 9, 8, 11),
    (200, 17, 9, 774),
]


def expand(a, b, c, d):
    judge = [1] * a + [1] * b + [0] * c + [0] * d
    rule = [1] * a + [0] * b + [1] * c + [0] * d
    return judge, rule


def main():
    lines = ["# a\tb\tc\td\tkappa_sklearn\tkappa_statsmodels\tstd_kappa\tci_low\tci_upp"]
    for a, b, c, d in TABLES:
        judge, rule = expand(a, b, c, d)
        k1 = cohen_kappa_score(judge, rule)
        res = cohens_kappa(np.array([[a, b], [c, d]]))
        lines.append("\t".join(str(x) for x in (a, b, c, d)) + "\t" + "\t".join(
            repr(float(x)) for x in (k1, res.kappa, res.std_kappa, res.kappa_low, res.kappa_upp)))
    out = pathlib.Path(__file__).resolve().parent.parent / "resources" / "stats" / "kappa.tsv"
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(out)


if __name__ == "__main__":
    main()
