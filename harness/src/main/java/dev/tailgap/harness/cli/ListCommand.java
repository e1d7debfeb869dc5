package dev.tailgap.harness.cli;

import dev.tailgap.adapters.Adapters;
import dev.tailgap.adapters.ModelAdapterProvider;
import dev.tailgap.datasets.ImporterProvider;
import dev.tailgap.datasets.Importers;
import dev.tailgap.datasets.TableFormat;
import dev.tailgap.datasets.TableFormats;
import dev.tailgap.harness.TailgapException;
import dev.tailgap.harness.scoring.ScorerProvider;
import dev.tailgap.harness.scoring.Scorers;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tailgap list adapters | scorers | protocols | importers | formats | datasets [DIR...]}: the plug-ins and datasets there are. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the model adapters, scorers, protocols, dataset importers and table formats on the class "
                + "path, or the "
                + "bundled datasets and those in the given directories.")
final class ListCommand implements Callable<Integer> {
    private static final String KINDS = "adapters, scorers, protocols, importers, formats, datasets";

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "WHAT", defaultValue = "adapters",
            description = KINDS + " (default: ${DEFAULT-VALUE}).")
    String what;

    @Parameters(index = "1..*", paramLabel = "DIR", description = "datasets: directories whose .jsonl files to list.")
    List<Path> dirs;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (!"datasets".equals(what) && dirs != null && !dirs.isEmpty()) {
            throw TailgapException.usage("tailgap list " + what + " takes no directories (only list datasets does)");
        }
        try {
            switch (what) {
                case "adapters" -> {
                    for (ModelAdapterProvider p : Adapters.all()) {
                        out.printf("%-12s %s%n", p.name(), p.description());
                    }
                }
                case "scorers" -> {
                    for (ScorerProvider p : Scorers.all()) {
                        out.printf("%-12s %s%n", p.name(), p.description());
                    }
                }
                case "protocols" -> {
                    for (dev.tailgap.harness.protocol.Protocol p : dev.tailgap.harness.protocol.Protocols.all()) {
                        out.printf("%-12s %s; %s%n", p.name(), p.description(), p.citation());
                    }
                }
                case "importers" -> {
                    for (ImporterProvider p : Importers.all()) {
                        out.printf("%-18s %s%n", p.name(), p.description());
                    }
                }
                case "formats" -> {
                    for (TableFormat f : TableFormats.all()) {
                        out.printf("%-10s %s%n", f.name(), String.join(" ", f.extensions()));
                    }
                }
                case "datasets" -> DatasetListing.print(out, dirs == null ? List.of() : dirs);
                default -> throw TailgapException.usage("tailgap list knows: " + KINDS + " (got '" + what + "')");
            }
        } catch (IllegalStateException e) {
            throw TailgapException.usage(e.getMessage());
        }
        out.flush();
        return 0;
    }
}
