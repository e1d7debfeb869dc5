package dev.tailgap.harness.scoring;

import dev.tailgap.datasets.Sha256;
import java.nio.file.Path;
import java.util.Set;

/** {@code regex}: a pattern per item or per relation from a YAML file ({@link RegexMatcher}). */
public final class RegexProvider implements ScorerProvider {
    public static final String NAME = "regex";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "a regular expression per item or per relation, from --scorer-option patterns=FILE";
    }

    @Override
    public Scorer create(ScorerContext c) {
        c.allowOnly(NAME, Set.of("patterns"));
        String file = c.options().get("patterns");
        if (file == null) {
            throw new IllegalArgumentException("scorer regex needs --scorer-option patterns=FILE (a YAML mapping of "
                    + "items and/or relations to patterns)");
        }
        Path path = Path.of(file);
        RegexMatcher m = RegexMatcher.read(path);
        return new RuleScorer(NAME, "(patterns:" + sha(path) + ")", m, c.hedged());
    }

    private static String sha(Path file) {
        try {
            return Sha256.hex(java.nio.file.Files.readAllBytes(file)).substring(0, 8);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("regex patterns " + file + ": " + e.getMessage());
        }
    }
}
