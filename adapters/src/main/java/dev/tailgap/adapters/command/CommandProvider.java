package dev.tailgap.adapters.command;

import dev.tailgap.adapters.AdapterConfig;
import dev.tailgap.adapters.AdapterConfigException;
import dev.tailgap.adapters.ModelAdapter;
import dev.tailgap.adapters.ModelAdapterProvider;
import java.io.IOException;
import java.util.List;

/**
 * Provider {@code command}: a model behind a local program speaking JSON Lines on stdin/stdout (see
 * {@link CommandAdapter}). The command is the model name ({@code command:python3 model.py}) or option
 * {@code command=...} (then the model name is only sent along); it is split into words like a shell would
 * ({@link ShellWords}) but no shell runs it. Option {@code processes=N} caps how many copies run at once (default:
 * the run's concurrency; they start on demand, so {@code -c 1} runs one). The first process starts when the adapter is
 * created, so a command that cannot start is a configuration error. Stderr goes to {@value StderrLog#FILE_NAME} in the
 * log directory, or to this process's stderr.
 */
public final class CommandProvider implements ModelAdapterProvider {

    @Override
    public String name() {
        return "command";
    }

    @Override
    public String description() {
        return "a local program speaking JSON Lines on stdin/stdout: command:'python3 model.py' or command=...; "
                + "processes=N (default: --concurrency)";
    }

    @Override
    public ModelAdapter create(AdapterConfig config) throws AdapterConfigException {
        config.requireKnownOptions(name(), List.of("command", "processes"));
        String line = config.option("command").orElse(config.model());
        List<String> argv;
        try {
            argv = ShellWords.split(line);
        } catch (IllegalArgumentException e) {
            throw new AdapterConfigException("command '" + line + "': " + e.getMessage());
        }
        if (argv.isEmpty()) {
            throw new AdapterConfigException("the command provider needs a command: -m command:'python3 model.py' "
                    + "or -o command=...");
        }
        int processes = config.intOption("processes", config.concurrency(), 1);
        StderrLog stderr = StderrLog.to(config.logDir());
        CommandProcess first;
        try {
            first = CommandProcess.start(argv, line, stderr);
        } catch (IOException e) {
            stderr.close();
            throw new AdapterConfigException("cannot start command '" + line + "': " + e.getMessage());
        }
        return new CommandAdapter(argv, line, processes, config.timeout(), stderr, first);
    }
}
