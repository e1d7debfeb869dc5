package dev.tailgap.adapters.replay;

import dev.tailgap.adapters.AdapterConfig;
import dev.tailgap.adapters.AdapterConfigException;
import dev.tailgap.adapters.ModelAdapter;
import dev.tailgap.adapters.ModelAdapterProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Provider {@code replay}: answers from an earlier run's item log, named as the model: {@code replay:RUN_DIR} (or the
 * {@code items.jsonl} file itself). See {@link ReplayAdapter}.
 */
public final class ReplayProvider implements ModelAdapterProvider {
    static final String ITEM_LOG = "items.jsonl";

    @Override
    public String name() {
        return "replay";
    }

    @Override
    public String description() {
        return "answers from an earlier run: replay:RUN_DIR (rescore or re-report without calling a model)";
    }

    @Override
    public ModelAdapter create(AdapterConfig config) throws AdapterConfigException {
        config.requireKnownOptions(name(), List.of());
        Path given = config.modelPath();
        Path file = Files.isDirectory(given) ? given.resolve(ITEM_LOG) : given;
        if (!Files.isRegularFile(file)) {
            throw new AdapterConfigException("replay: " + (Files.isDirectory(given) ? "no " + ITEM_LOG + " in run "
                    + "directory " + given : "run directory " + given + " does not exist"));
        }
        return new ReplayAdapter(ReplayLog.read(file), given);
    }
}
