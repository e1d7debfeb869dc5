package dev.tailgap.adapters.gguf;

import de.kherud.llama.LlamaModel;
import de.kherud.llama.ModelParameters;
import dev.tailgap.adapters.AdapterConfig;
import dev.tailgap.adapters.AdapterConfigException;
import dev.tailgap.adapters.ModelAdapter;
import dev.tailgap.adapters.ModelAdapterProvider;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Provider {@code gguf}: a GGUF model file run in this process by llama.cpp ({@code de.kherud:llama}, which bundles
 * the native library for Linux, macOS and Windows). The model name is the file's path: {@code gguf:models/x.gguf}.
 * Options: {@code threads=N} (default: the number of processors), {@code ctx=N} context size in tokens (default
 * {@value #DEFAULT_CTX}), {@code chat=true} to use the model's chat template (default false: the prompt as is). See
 * {@link GgufAdapter}.
 */
public final class GgufProvider implements ModelAdapterProvider {
    static final int DEFAULT_CTX = 2048;
    private static final Object NATIVE = new Object();
    private static boolean nativeLoaded;

    @Override
    public String name() {
        return "gguf";
    }

    @Override
    public String description() {
        return "a GGUF model in process through llama.cpp: gguf:/path/model.gguf; threads=N, ctx=N, chat=true|false";
    }

    @Override
    public ModelAdapter create(AdapterConfig config) throws AdapterConfigException {
        config.requireKnownOptions(name(), List.of("threads", "ctx", "chat"));
        Path path = config.modelPath();
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new AdapterConfigException("gguf model file " + path + " does not exist or cannot be read");
        }
        int threads = config.intOption("threads", Runtime.getRuntime().availableProcessors(), 1);
        int ctx = config.intOption("ctx", DEFAULT_CTX, 16);
        boolean chat = config.booleanOption("chat", false);
        loadNativeLibrary();
        LlamaModel model;
        try {
            model = new LlamaModel(new ModelParameters().setModel(path.toString()).setThreads(threads)
                    .setCtxSize(ctx).setParallel(1).disableLog());
        } catch (RuntimeException e) {
            throw new AdapterConfigException("cannot load gguf model " + path + ": " + e.getMessage());
        }
        return new GgufAdapter(model, path, chat, config.timeout());
    }

    /**
     * Loads llama.cpp's native library once. The loader announces where it extracted the library on standard
     * output, which belongs to the CLI's results; the announcement is sent to standard error instead.
     */
    private static void loadNativeLibrary() throws AdapterConfigException {
        synchronized (NATIVE) {
            if (nativeLoaded) {
                return;
            }
            PrintStream out = System.out;
            System.setOut(System.err);
            try {
                Class.forName(LlamaModel.class.getName(), true, GgufProvider.class.getClassLoader());
                nativeLoaded = true;
            } catch (ClassNotFoundException | LinkageError e) {
                throw new AdapterConfigException("cannot load llama.cpp's native library for "
                        + System.getProperty("os.name") + "/" + System.getProperty("os.arch") + ": " + e);
            } finally {
                System.setOut(out);
            }
        }
    }
}
