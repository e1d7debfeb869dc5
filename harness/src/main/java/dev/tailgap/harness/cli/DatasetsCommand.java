package dev.tailgap.harness.cli;

import dev.tailgap.datasets.Bucket;
import dev.tailgap.datasets.BucketScheme;
import dev.tailgap.datasets.Bucketing;
import dev.tailgap.datasets.Dataset;
import dev.tailgap.datasets.DatasetException;
import dev.tailgap.datasets.DatasetSource;
import dev.tailgap.datasets.FactsBuilder;
import dev.tailgap.datasets.ImportResult;
import dev.tailgap.datasets.ImportRequest;
import dev.tailgap.datasets.Importers;
import dev.tailgap.harness.DatasetFiles;
import dev.tailgap.harness.SkipReport;
import dev.tailgap.harness.TailgapException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tailgap datasets list | info | import | build}: look at, bring in and make datasets. */
@Command(name = "datasets", mixinStandardHelpOptions = true, description = "List, inspect, import and build datasets.",
        subcommands = {DatasetsCommand.ListDatasets.class, DatasetsCommand.Info.class, DatasetsCommand.Import.class,
            DatasetsCommand.Build.class})
final class DatasetsCommand implements Runnable {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the bundled datasets and the .jsonl datasets in the given directories.")
    static final class ListDatasets implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "DIR", arity = "0..*", description = "Directories whose .jsonl files to list.")
        List<Path> dirs;

        @Override
        public Integer call() {
            DatasetListing.print(spec.commandLine().getOut(), dirs == null ? List.of() : dirs);
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

        @Option(names = "--bucketing", paramLabel = "SCHEME", split = ",(?=[a-z])", splitSynopsisLabel = ",",
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
            SkipReport.lines(d).forEach(spec.commandLine().getErr()::println);
            out.printf(Locale.ROOT, "sha256     %s%n", d.sha256());
            out.printf(Locale.ROOT, "license    %s%n", d.manifest().license());
            out.printf(Locale.ROOT, "frequency  %s%n", d.manifest().frequencySource());
            out.printf(Locale.ROOT, "range      %s to %s (%s decades)%n", num(min), num(max),
                    min > 0 ? String.format(Locale.ROOT, "%.1f", Math.log10(max / min)) : "n/a: has zeros");
            out.println("aliases    " + GuardedAliases.summary(d));
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
            description = {"Convert files in another layout to tailgap's JSONL + manifest with an importer plug-in "
                    + "(tailgap list importers): table (any CSV, TSV, JSON, JSON Lines or Parquet with --map), popqa, "
                    + "head-to-tail, entity-questions.",
                "Every problem is listed as file:line: field: problem; nothing is written unless all rows are good."})
    static final class Import implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "IMPORTER", description = "table, popqa, head-to-tail, entity-questions.")
        String importer;

        @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILE", description = "The input file(s).")
        List<Path> files;

        @Option(names = "--out", required = true, paramLabel = "FILE.jsonl",
                description = "Where to write the items; the manifest goes beside it.")
        Path out;

        @Option(names = "--map", paramLabel = "FIELD=COL,...",
                description = "table: question=COL,answers=COL,frequency=COL[,concept=COL,relation=COL,id=COL,"
                        + "aliases=COL].")
        String map;

        @Option(names = "--list-sep", paramLabel = "SEP",
                description = "table: split answers and aliases cells on SEP (e.g. '|'); default: a JSON list or one"
                        + " answer.")
        String listSep;

        @Option(names = "--delimiter", paramLabel = "CHAR",
                description = "Delimiter of CSV/TSV input: one character or tab, comma, semicolon, pipe (default: "
                        + "tab for .tsv, else sniffed).")
        String delimiter;

        @Option(names = "--format", paramLabel = "FORMAT",
                description = "Input format: csv, tsv, json, jsonl, parquet (default: from the name or content).")
        String format;

        @Option(names = "--where", paramLabel = "COLUMN=VALUE",
                description = "popqa: keep only rows where the column has this value, repeatable (e.g. "
                        + "in_random2000=true).")
        List<String> where;

        @Option(names = "--frequencies", paramLabel = "FILE",
                description = "head-to-tail: a CSV of entity,frequency giving each entity's popularity.")
        String frequencies;

        @Option(names = "--template", paramLabel = "TEXT",
                description = "entity-questions: the question template, with {subject} (default: inferred from the "
                        + "questions).")
        String template;

        @Option(names = "--name", paramLabel = "NAME", description = "Dataset name (default: the importer's).")
        String name;

        @Option(names = "--dataset-version", paramLabel = "VERSION",
                description = "Dataset version (default: sha- and 12 hex digits of the written items' sha256).")
        String version;

        @Override
        public Integer call() {
            Map<String, List<String>> options = new LinkedHashMap<>();
            put(options, "map", map);
            put(options, "list-sep", listSep);
            put(options, "delimiter", delimiter);
            put(options, "format", format);
            put(options, "frequencies", frequencies);
            put(options, "template", template);
            if (where != null && !where.isEmpty()) {
                options.put("where", where);
            }
            try {
                ImportResult r = Importers.run(importer, new ImportRequest(files, out, name, version, options));
                spec.commandLine().getOut().printf("wrote %d items to %s as %s (read %d rows, %d filtered out)%n",
                        r.written(), out, r.manifest().id(), r.read(), r.filteredOut());
                spec.commandLine().getOut().flush();
                return 0;
            } catch (DatasetException e) {
                throw DatasetFiles.usage(e);
            } catch (IOException e) {
                throw TailgapException.usage("cannot import " + files + ": " + e.getMessage());
            } catch (IllegalArgumentException e) {
                throw TailgapException.usage(e.getMessage());
            }
        }

        private static void put(Map<String, List<String>> options, String key, String value) {
            if (value != null) {
                options.put(key, List.of(value));
            }
        }
    }

    @Command(name = "build", mixinStandardHelpOptions = true,
            description = {"Make a dataset from (subject, relation, object) facts the way PopQA was made: one question "
                    + "per subject and relation through the relation's template, the answers being every object and "
                    + "its aliases.",
                "FACTS columns: subject, relation, object, popularity; optional: aliases, subject_aliases, "
                        + "subject_id, id."})
    static final class Build implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--facts", required = true, paramLabel = "FILE",
                description = "The facts: CSV, TSV, JSON, JSON Lines or Parquet.")
        Path facts;

        @Option(names = "--templates", required = true, paramLabel = "FILE.yaml|popqa",
                description = "relation: \"question with {subject}\" per line; popqa = PopQA's 16 templates.")
        String templates;

        @Option(names = "--out", required = true, paramLabel = "FILE.jsonl",
                description = "Where to write the items; the manifest goes beside it.")
        Path out;

        @Option(names = "--list-sep", paramLabel = "SEP",
                description = "Split aliases cells on SEP (default: a JSON list or one alias).")
        String listSep;

        @Option(names = "--delimiter", paramLabel = "CHAR", description = "Delimiter of a CSV/TSV facts file.")
        String delimiter;

        @Option(names = "--format", paramLabel = "FORMAT", description = "Facts format (default: from the name).")
        String format;

        @Option(names = "--name", paramLabel = "NAME", description = "Dataset name (default: the facts file's).")
        String name;

        @Option(names = "--dataset-version", paramLabel = "VERSION",
                description = "Dataset version (default: sha- and 12 hex digits of the written items' sha256).")
        String version;

        @Override
        public Integer call() {
            try {
                ImportResult r = FactsBuilder.build(new FactsBuilder.Request(facts, templates, out, name, version,
                        listSep, delimiter, format));
                spec.commandLine().getOut().printf("wrote %d questions from %d facts to %s as %s%n", r.written(),
                        r.read(), out, r.manifest().id());
                spec.commandLine().getOut().flush();
                return 0;
            } catch (DatasetException e) {
                throw DatasetFiles.usage(e);
            } catch (IOException e) {
                throw TailgapException.usage("cannot build from " + facts + ": " + e.getMessage());
            }
        }
    }
}
