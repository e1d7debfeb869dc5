package dev.tailgap.harness.cli;

import dev.tailgap.harness.ExitCode;
import dev.tailgap.harness.ProgramName;
import dev.tailgap.harness.TailgapException;
import dev.tailgap.harness.plan.PlanException;
import dev.tailgap.harness.Version;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code tailgap} command line. Exit codes are those of {@link ExitCode}. */
@Command(name = "tailgap", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = {"Measure how a language model does on rare concepts: accuracy, hallucination and abstention "
                + "bucketed by concept frequency, head vs tail."},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  ok", "  1  internal error", "  2  usage or configuration error",
                "  3  gate failed", "  4  too many endpoint errors, or the endpoint refused the requests",
                "  130  stopped by Ctrl-C (finished items are kept; ${sys:tailgap.program:-tailgap} run --resume RUN_DIR continues)"})
public final class Main implements Runnable {
    /** The subcommands, in the order the help lists them. */
    private static final List<Class<?>> COMMANDS = List.of(RunCommand.class, DemoCommand.class, ReportCommand.class,
            RescoreCommand.class, ServeSimCommand.class, DatasetsCommand.class, ListCommand.class,
            CompareCommand.class, GateCommand.class, CacheCommand.class, FrequencyCommand.class, RunsCommand.class,
            TrendCommand.class, CommandLine.HelpCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        int code = execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        System.exit(code);
    }

    /** Runs the CLI with the given streams and returns the exit code (does not exit the JVM). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main());
        cli.setCommandName(ProgramName.get());
        for (Class<?> command : commandsFor(args)) {
            cli.addSubcommand(command);
        }
        for (String grouped : List.of("run", "demo")) {
            CommandLine sub = cli.getSubcommands().get(grouped);
            if (sub != null) {
                OptionGroups.install(sub);
            }
        }
        AtomicReference<ConfigFile> config = new AtomicReference<>();
        cli.setParameterExceptionHandler(new UsageErrors(config::get));
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof TailgapException) {
                TailgapException te = (TailgapException) e;
                err.println("tailgap: " + (te.exitCode() == ExitCode.ENDPOINT ? "endpoint error: " + te.getMessage()
                        : "error: " + UsageErrors.located(config.get(), te.getMessage())));
                return te.exitCode().code();
            }
            if (e instanceof PlanException) {
                err.println("tailgap: error: " + UsageErrors.located(config.get(), e.getMessage()));
                return ExitCode.USAGE.code();
            }
            err.println("tailgap: internal error: " + e);
            e.printStackTrace(err);
            return ExitCode.INTERNAL.code();
        });
        try {
            config.set(ConfigFile.install(cli, args));
        } catch (TailgapException e) {
            err.println("tailgap: error: " + e.getMessage());
            return e.exitCode().code();
        }
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /**
     * The subcommands to build for {@code args}: only the one named first when it is one (building every command's
     * model is a large share of start-up), else all of them (for the help, {@code help}, and the suggestions for a
     * mistyped name).
     */
    static List<Class<?>> commandsFor(String[] args) {
        if (args.length > 0) {
            for (Class<?> c : COMMANDS) {
                Command command = c.getAnnotation(Command.class);
                if (c != CommandLine.HelpCommand.class && (command.name().equals(args[0])
                        || Arrays.asList(command.aliases()).contains(args[0]))) {
                    return List.of(c);
                }
            }
        }
        return COMMANDS;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Reads the version stamped at build time. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {Version.tool(), "Java " + System.getProperty("java.version")};
        }
    }
}
