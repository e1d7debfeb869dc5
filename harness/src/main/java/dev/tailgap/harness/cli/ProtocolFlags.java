package dev.tailgap.harness.cli;

import dev.tailgap.datasets.DatasetException;
import dev.tailgap.datasets.Templates;
import dev.tailgap.harness.TailgapException;
import dev.tailgap.harness.protocol.Extraction;
import dev.tailgap.harness.protocol.Prompting;
import dev.tailgap.harness.protocol.Protocol;
import dev.tailgap.harness.protocol.Protocols;
import dev.tailgap.harness.protocol.Shot;
import dev.tailgap.harness.protocol.ShotStrategy;
import dev.tailgap.harness.protocol.ShotsFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The protocol flags of {@code run} and {@code demo}: the named protocol and the fields of it each flag overrides
 * (instruction, shots, extraction), per-relation templates and repeated samples. The template, stop sequences and
 * max tokens are overridden by {@code --prompt-file}, {@code --stop} and {@code --max-tokens} ({@link RunOptions}).
 */
final class ProtocolFlags {
    @Option(names = "--protocol", paramLabel = "NAME",
            description = "How to ask, as a paper asked: zero-shot (tailgap's prompt), popqa (Q: <question> A:, 15 "
                    + "relation-stratified shots, 15 tokens, cut at the first newline), head-to-tail (brief answer, "
                    + "\"unsure\" allowed, 2 shots), or a plug-in (tailgap list protocols; default: ${DEFAULT-VALUE}).")
    String protocol = Protocols.DEFAULT;

    @Option(names = "--instruction", paramLabel = "TEXT",
            description = "Text put before the shots and the question ('' for none; default: the protocol's).")
    String instruction;

    @Option(names = "--shots", paramLabel = "N",
            description = "Worked examples drawn from the dataset for each item, never the item itself, seeded by "
                    + "--sample-seed (default: the protocol's).")
    Integer shots;

    @Option(names = "--shot-strategy", paramLabel = "NAME",
            description = "How --shots are drawn: stratified-relation (one per other relation, as PopQA), head (the "
                    + "head bucket only) or random (default: stratified-relation, or the protocol's).")
    String shotStrategy;

    @Option(names = "--shots-file", paramLabel = "FILE",
            description = "JSON lines {\"question\": ..., \"answer\": ...}: shown to every item instead of drawn ones.")
    Path shotsFile;

    @Option(names = "--shots-as-turns",
            description = "Send the shots as user/assistant chat turns instead of inside the one user message.")
    boolean shotsAsTurns;

    @Option(names = "--extraction", paramLabel = "RULE",
            description = "What of a reply is scored: first-line (the text before the first newline, as PopQA) or "
                    + "answer-line (the first line with a letter or digit; default: the protocol's).")
    String extraction;

    @Option(names = "--templates", paramLabel = "NAME|FILE",
            description = "Per-relation question templates (YAML relation: \"text with {subject}\"; bundled: popqa, "
                    + "PopQA's 16) that make each item's question from its concept instead of the dataset's question.")
    String templates;

    @Option(names = "--samples", paramLabel = "K",
            description = "Ask every item K times at --temperature (with --gen-seed, sample k gets seed + k) and "
                    + "report answer instability, majority-vote accuracy and accuracy@K (default: ${DEFAULT-VALUE}).")
    int samples = Prompting.DEFAULTS.samples();

    /** The named protocol; a usage error listing the known ones otherwise. */
    Protocol protocol() {
        try {
            return Protocols.named(protocol);
        } catch (IllegalArgumentException e) {
            throw TailgapException.usage("--protocol: " + e.getMessage());
        }
    }

    /** How items are asked under {@code p} with these flags' overrides. */
    Prompting prompting(Protocol p) {
        try {
            int n = shots != null ? shots : p.shots();
            ShotStrategy strategy = shotStrategy != null ? ShotStrategy.parse(shotStrategy)
                    : shots != null && p.strategy() == ShotStrategy.FIXED ? ShotStrategy.STRATIFIED_RELATION
                    : p.strategy();
            if (strategy == ShotStrategy.FIXED && shotStrategy != null) {
                throw new IllegalArgumentException("--shot-strategy fixed: give the shots with --shots-file");
            }
            List<Shot> fixed = p.fixedShots();
            if (shotsFile != null) {
                if (shots != null || shotStrategy != null) {
                    throw new IllegalArgumentException("--shots-file shows every shot in the file: drop --shots and "
                            + "--shot-strategy");
                }
                fixed = ShotsFile.read(shotsFile);
                n = fixed.size();
                strategy = ShotStrategy.FIXED;
            }
            Map<String, String> byRelation = Map.of();
            if (templates != null) {
                byRelation = Templates.resolve(templates).byRelation();
            }
            return new Prompting(p.name(), instruction != null ? instruction : p.instruction(), p.separator(), n,
                    strategy, strategy == ShotStrategy.FIXED ? fixed : List.of(), shotsAsTurns,
                    extraction != null ? Extraction.parse(extraction) : p.extraction(), byRelation, templates,
                    samples);
        } catch (IOException e) {
            throw TailgapException.usage("cannot read " + (shotsFile != null ? shotsFile : templates) + ": "
                    + e.getMessage());
        } catch (DatasetException | IllegalArgumentException e) {
            throw TailgapException.usage(e.getMessage());
        }
    }
}
