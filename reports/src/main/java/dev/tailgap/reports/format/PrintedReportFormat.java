package dev.tailgap.reports.format;

import dev.tailgap.reports.Report;
import dev.tailgap.reports.ReportFormat;
import dev.tailgap.reports.ReportInput;
import dev.tailgap.reports.ReportSink;
import java.io.IOException;
import java.util.List;
import java.util.function.Function;

/**
 * A format that renders the report alone into one text file, which {@code tailgap report --format NAME} prints:
 * a name, its aliases, the file, a one-line description and the renderer. Subclasses only name these.
 */
abstract class PrintedReportFormat implements ReportFormat {
    private final String name;
    private final List<String> aliases;
    private final String file;
    private final String description;
    private final Function<Report, String> render;

    PrintedReportFormat(String name, List<String> aliases, String file, String description,
                        Function<Report, String> render) {
        this.name = name;
        this.aliases = List.copyOf(aliases);
        this.file = file;
        this.description = file + ": " + description + ", printed by tailgap report";
        this.render = render;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final List<String> aliases() {
        return aliases;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final List<String> files() {
        return List.of(file);
    }

    @Override
    public final boolean printed() {
        return true;
    }

    @Override
    public final void write(ReportInput input, ReportSink sink) throws IOException {
        sink.write(file, w -> w.write(render.apply(input.report())));
    }
}
