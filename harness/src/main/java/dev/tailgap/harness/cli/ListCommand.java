package dev.tailgap.harness.cli;

import dev.tailgap.adapters.Adapters;
import dev.tailgap.adapters.ModelAdapterProvider;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tailgap list adapters}: what can be named as {@code provider:model}. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the model adapters on the class path.")
final class ListCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "WHAT", defaultValue = "adapters", description = "adapters (default: ${DEFAULT-VALUE}).")
    String what;

    @Override
    public Integer call() {
        if (!"adapters".equals(what)) {
            throw dev.tailgap.harness.TailgapException.usage("tailgap list knows: adapters (got '" + what + "')");
        }
        PrintWriter out = spec.commandLine().getOut();
        for (ModelAdapterProvider p : Adapters.all()) {
            out.printf("%-12s %s%n", p.name(), p.description());
        }
        out.flush();
        return 0;
    }
}
