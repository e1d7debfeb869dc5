package dev.tailgap.harness.cli;

import dev.tailgap.harness.TailgapException;
import dev.tailgap.harness.scoring.HedgePolicy;
import dev.tailgap.harness.scoring.ScoringOptions;
import java.util.Map;
import picocli.CommandLine.Option;

/** The scoring flags shared by {@code run}, {@code demo} and {@code rescore}: hedging, scorer options, the judge. */
final class ScoringFlags {
    @Option(names = "--hedged", defaultValue = "answer", paramLabel = "answer|abstain",
            description = "A hedged guess (\"I'm not sure, maybe Lyon\"): score it as an answer, or count it as "
                    + "ABSTAINED (default: ${DEFAULT-VALUE}, as Head-to-Tail counts only unsure or empty answers as "
                    + "missing).")
    String hedged;

    @Option(names = "--scorer-option", paramLabel = "KEY=VALUE", split = "\u001f",
            description = "A scorer's own option, repeatable: f1 threshold=0.5, regex patterns=FILE, judge "
                    + "template=FILE.")
    Map<String, String> options;

    @Option(names = "--judge-model", paramLabel = "PROVIDER:MODEL",
            description = "The judge for --scorer judge, e.g. openai:gpt-4o-mini.")
    String judgeModel;

    @Option(names = "--judge-base-url", paramLabel = "URL", description = "The judge's endpoint base URL.")
    String judgeBaseUrl;

    @Option(names = "--judge-api-key-env", paramLabel = "VAR",
            description = "Environment variable holding the judge's API key.")
    String judgeApiKeyEnv;

    @Option(names = "--judge-rpm", paramLabel = "N", description = "At most N judge requests per minute.")
    Integer judgeRpm;

    /** The options these flags give; a bad value is a usage error. */
    ScoringOptions options() {
        try {
            return new ScoringOptions(HedgePolicy.parse(hedged), options, judgeModel, judgeBaseUrl, judgeApiKeyEnv,
                    judgeRpm);
        } catch (IllegalArgumentException e) {
            throw TailgapException.usage(e.getMessage());
        }
    }
}
