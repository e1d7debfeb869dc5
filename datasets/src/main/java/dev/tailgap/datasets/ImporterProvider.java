package dev.tailgap.datasets;

import java.io.IOException;
import java.util.Set;

/**
 * An importer plug-in: turns files in some layout into a canonical dataset ({@code datasets import NAME ...}).
 *
 * <p>Contract: {@link #name()} is unique among the importers on the class path (see {@link Importers});
 * {@link #options()} lists the request options it reads ({@link Importers#run} refuses any other); an import either
 * writes the items and their manifest through {@link DatasetWriter} and returns what it did, or throws a
 * {@link DatasetException} listing the problems (file:line: field: problem) and writes nothing. Plug-ins are listed
 * in {@code META-INF/services/dev.tailgap.datasets.ImporterProvider}.
 */
public interface ImporterProvider {

    /** The name used on the command line, e.g. {@code table}. */
    String name();

    /** One line for {@code tailgap list importers}. */
    String description();

    /** The option names (without dashes) this importer reads, e.g. {@code map}. */
    Set<String> options();

    /** Imports {@code request.inputs()} into {@code request.out()}. */
    ImportResult run(ImportRequest request) throws DatasetException, IOException;
}
