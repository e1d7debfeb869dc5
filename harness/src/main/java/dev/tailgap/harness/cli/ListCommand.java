package dev.tailgap.harness.cli;

import dev.tailgap.adapters.Adapters;
import dev.tailgap.adapters.ModelAdapterProvider;
import dev.tailgap.harness.scoring.ScorerProvider;
import dev.tailgap.harness.scoring.Scorers;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tailgap list adapters|scorers}: what can be named as {@code provider:model} or {@code --scorer}. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the model adapters or the scorers on the class path.")
final class ListCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "WHAT", defaultValue = "adapters",
            description = "adapters or scorers (default: ${DEFAULT-VALUE}).")
    String what;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if ("adapters".equals(what)) {
            for (ModelAdapterProvider p : Adapters.all()) {
                out.printf("%-12s %s%n", p.name(), p.description());
            }
        } else if ("scorers".equals(what)) {
            for (ScorerProvider p : Scorers.all()) {
                out.printf("%-12s %s%n", p.name(), p.description());
            }
        } else {
            throw dev.tailgap.harness.TailgapException.usage("tailgap list knows: adapters, scorers (got '" + what
                    + "')");
        }
        out.flush();
        return 0;
    }
}
