package dev.tailgap.harness.cli;

import dev.tailgap.datasets.Bucket;
import dev.tailgap.datasets.BucketScheme;
import dev.tailgap.datasets.Bucketing;
import dev.tailgap.datasets.Dataset;
import dev.tailgap.datasets.DatasetException;
import dev.tailgap.datasets.DatasetSource;
import dev.tailgap.datasets.ImportResult;
import dev.tailgap.datasets.PopQaImporter;
import dev.tailgap.harness.DatasetFiles;
import dev.tailgap.harness.TailgapException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tailgap datasets list | info | import}: look at and bring in datasets. */
@Command(name = "datasets", mixinStandardHelpOptions = true, description = "List, inspect and import datasets.",
        subcommands = {DatasetsCommand.ListDatasets.class, DatasetsCommand.Info.class, DatasetsCommand.Import.class})
final class DatasetsCommand implements Runnable {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the bundled datasets.")
    static final class ListDatasets implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            for (String name : DatasetSource.bundledNames()) {
                Dataset d = DatasetFiles.load(name, false);
                out.printf("%-16s %s, %d items, %s: %s%n", name, d.manifest().id(), d.size(),
                        d.manifest().license(), d.manifest().frequencySource());
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "info", mixinStandardHelpOptions = true,
            description = "Validate a dataset and show its size, frequency range and bucket edges and sizes under "
                    + "each bucketing scheme.")
    static final class Info implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "NAME|FILE", description = "Bundled dataset name or JSONL file.")
        String dataset;

        @Option(names = "--bucketing", paramLabel = "SCHEME", split = ",(?=[a-z])",
                description = "Schemes to show (default: the manifest's, mass:3, log10, quantile:4).")
        List<String> schemes;

        @Option(names = "--skip-invalid", description = "Skip and count invalid lines instead of failing.")
        boolean skipInvalid;

        @Override
        public Integer call() {
            Dataset d = DatasetFiles.load(dataset, skipInvalid);
            PrintWriter out = spec.commandLine().getOut();
            double[] f = d.frequencies();
            double min = Double.POSITIVE_INFINITY;
            double max = 0;
            for (double v : f) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            out.printf(Locale.ROOT, "dataset    %s (%s)%n", d.manifest().id(), d.location());
            if (d.manifestDerived()) {
                out.println("manifest   none found beside the file: name and version were derived");
            }
            out.printf(Locale.ROOT, "items      %d%s%n", d.size(),
                    d.skipped() > 0 ? " (" + d.skipped() + " invalid lines skipped)" : "");
            out.printf(Locale.ROOT, "sha256     %s%n", d.sha256());
            out.printf(Locale.ROOT, "license    %s%n", d.manifest().license());
            out.printf(Locale.ROOT, "frequency  %s%n", d.manifest().frequencySource());
            out.printf(Locale.ROOT, "range      %s to %s (%s decades)%n", num(min), num(max),
                    min > 0 ? String.format(Locale.ROOT, "%.1f", Math.log10(max / min)) : "n/a: has zeros");
            CorpusCountLines.print(d, out);
            Set<String> show = new LinkedHashSet<>();
            show.add(d.manifest().bucketing());
            show.addAll(schemes != null ? schemes : List.of("mass:3", "log10", "quantile:4"));
            for (String s : show) {
                Bucketing b;
                try {
                    b = BucketScheme.parse(s).apply(f);
                } catch (IllegalArgumentException e) {
                    out.printf("%nbucketing %s: %s%n", s, e.getMessage());
                    continue;
                }
                out.printf("%nbucketing %s%s%n", s, s.equals(d.manifest().bucketing()) ? " (manifest default)" : "");
                List<String> rows = new ArrayList<>();
                for (Bucket bucket : b.buckets()) {
                    rows.add(String.format(Locale.ROOT, "  %-12s %-28s %,9d items", bucket.name(),
                            "[" + num(bucket.lower()) + ", " + (Double.isInfinite(bucket.upper()) ? "inf"
                                    : num(bucket.upper())) + ")", bucket.size()));
                }
                rows.forEach(out::println);
            }
            out.flush();
            return 0;
        }

        private static String num(double v) {
            return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.format(Locale.ROOT, "%,d", (long) v)
                    : String.format(Locale.ROOT, "%,.3f", v);
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Convert a dataset in another layout to tailgap's JSONL + manifest.",
            subcommands = {PopQa.class})
    static final class Import implements Runnable {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().usage(spec.commandLine().getOut());
        }
    }

    @Command(name = "popqa", mixinStandardHelpOptions = true,
            description = {"Import a PopQA TSV (the upstream popQA.tsv layout, or one with a leading uid column and "
                    + "membership columns): s_pop becomes the frequency, prop the relation, subj the concept, "
                    + "possible_answers the answers."})
    static final class PopQa implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "TSV", description = "The PopQA TSV file.")
        Path tsv;

        @Option(names = "--out", required = true, paramLabel = "FILE.jsonl",
                description = "Where to write the items; the manifest goes beside it.")
        Path out;

        @Option(names = "--where", paramLabel = "COLUMN=VALUE",
                description = "Keep only rows where the column has this value, repeatable (e.g. in_random2000=true).")
        List<String> where;

        @Option(names = "--name", paramLabel = "NAME", description = "Dataset name (default: popqa).")
        String name;

        @Option(names = "--dataset-version", paramLabel = "VERSION",
                description = "Dataset version (default: derived from the input file's hash).")
        String version;

        @Override
        public Integer call() {
            try {
                ImportResult r = PopQaImporter.importTsv(tsv, out,
                        new PopQaImporter.Options(where == null ? List.of() : where, name, version));
                spec.commandLine().getOut().printf("wrote %d items to %s as %s (read %d rows, %d filtered out)%n",
                        r.written(), out, r.manifest().id(), r.read(), r.filteredOut());
                spec.commandLine().getOut().flush();
                return 0;
            } catch (DatasetException e) {
                throw TailgapException.usage(e.getMessage());
            } catch (IOException e) {
                throw TailgapException.usage("cannot import " + tsv + ": " + e.getMessage());
            } catch (IllegalArgumentException e) {
                throw TailgapException.usage(e.getMessage());
            }
        }
    }
}
