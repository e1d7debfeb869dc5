package dev.tailgap.harness.cli;

import dev.tailgap.harness.ExitCode;
import dev.tailgap.harness.Suggestions;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * How a command line picocli cannot parse is answered: one line saying what is wrong (with "did you mean …?" for a
 * mistyped command or option), then a one-line hint to the command's help, instead of the whole usage. Exit code 2.
 */
final class UsageErrors implements CommandLine.IParameterExceptionHandler {
    private final Supplier<ConfigFile> config;

    /** A handler that names the config file and line of a refused value that came from {@code config}'s file. */
    UsageErrors(Supplier<ConfigFile> config) {
        this.config = config;
    }

    /** {@code message}, with the config file and line when it is about one of its values ({@link ConfigFile#locate}). */
    static String located(ConfigFile config, String message) {
        return config == null ? message : config.locate(message);
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cli = ex.getCommandLine();
        PrintWriter err = cli.getErr();
        err.println("tailgap: error: " + located(config.get(), message(ex)));
        err.println("try '" + cli.getCommandSpec().qualifiedName() + " --help'");
        err.flush();
        return ExitCode.USAGE.code();
    }

    /** The one-line message for {@code ex}. */
    static String message(ParameterException ex) {
        if (!(ex instanceof UnmatchedArgumentException u) || u.getUnmatched().isEmpty()) {
            return ex.getMessage();
        }
        String first = u.getUnmatched().get(0);
        CommandLine cli = ex.getCommandLine();
        boolean option = first.startsWith("-");
        boolean commands = !option && !cli.getSubcommands().isEmpty();
        List<String> known = new ArrayList<>();
        if (option) {
            cli.getCommandSpec().options().forEach(o -> known.addAll(List.of(o.names())));
        } else {
            known.addAll(cli.getSubcommands().keySet());
        }
        List<String> suggestions = Suggestions.near(first.split("=", 2)[0], known);
        if (suggestions.isEmpty()) {
            suggestions = u.getSuggestions();
        }
        String what = option ? "unknown option '" + first + "'"
                : commands ? "unknown command '" + first + "'"
                : "unexpected argument '" + first + "'";
        if (!suggestions.isEmpty()) {
            return what + "; did you mean " + orList(suggestions.subList(0, Math.min(3, suggestions.size()))) + "?";
        }
        if (commands) {
            return what + " (commands: " + String.join(", ", cli.getSubcommands().keySet()) + ")";
        }
        return what;
    }

    private static String orList(List<String> words) {
        if (words.size() == 1) {
            return words.get(0);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
    }
}
