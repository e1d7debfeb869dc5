package dev.tailgap.maven;

import dev.tailgap.harness.ExitCode;
import dev.tailgap.harness.RunSpec;
import dev.tailgap.harness.plan.Sampling;
import dev.tailgap.harness.TailgapException;
import dev.tailgap.harness.engine.Progress;
import dev.tailgap.harness.engine.RunEngine;
import dev.tailgap.harness.engine.RunResult;
import dev.tailgap.harness.gate.Gate;
import dev.tailgap.harness.gate.GateFiles;
import dev.tailgap.harness.gate.RulesFile;
import dev.tailgap.harness.gate.RunResults;
import dev.tailgap.reports.GateReport;
import dev.tailgap.reports.GateTerminal;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code tailgap:check}: applies gate rules to a tailgap run and fails the build when one fails, with the gate's
 * summary as the failure message. The run is either read from {@code runDir} (a saved run directory) or made now
 * from a run spec ({@code model}, {@code baseUrl}, {@code dataset}, ...) through the harness's Java API into
 * {@code out}. Rules come from {@code rulesFile} and the inline {@code rules} list; change rules
 * ({@code tail.accuracy.drop <= 0.02}) need a {@code baseline} run on the same dataset. JUnit XML and Markdown are
 * written to {@code junitFile} and {@code markdownFile}.
 *
 * <p>A malformed rule, rules file, run or baseline is a build error ({@link MojoExecutionException}); a failing
 * rule is a build failure ({@link MojoFailureException}).
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractMojo {
    /** A saved run directory to check (spec.json and items.jsonl). Takes precedence over a run spec. */
    @Parameter(property = "tailgap.runDir")
    File runDir;

    /** Run spec: the model to run, {@code provider:model}, when no {@code runDir} is given. */
    @Parameter(property = "tailgap.model")
    String model;

    /** Run spec: the endpoint's base URL (default: the provider's). */
    @Parameter(property = "tailgap.baseUrl")
    String baseUrl;

    /** Run spec: the environment variable holding the API key. */
    @Parameter(property = "tailgap.apiKeyEnv")
    String apiKeyEnv;

    /** Run spec: a bundled dataset name or a JSONL file (default: world-cities). */
    @Parameter(property = "tailgap.dataset")
    String dataset;

    /** Run spec: bucketing scheme (default: the dataset manifest's). */
    @Parameter(property = "tailgap.bucketing")
    String bucketing;

    /** Run spec: at most this many items per bucket. */
    @Parameter(property = "tailgap.perBucket")
    Integer perBucket;

    /** Run spec: at most this many items in all. */
    @Parameter(property = "tailgap.limit")
    Integer limit;

    /** Run spec: the sampling seed (default: the run plan's). */
    @Parameter(property = "tailgap.seed")
    Long seed;

    /** Run spec: requests in flight (default: the run plan's). */
    @Parameter(property = "tailgap.concurrency")
    Integer concurrency;

    /** Run spec: the run directory to write (a rerun resumes it). */
    @Parameter(property = "tailgap.out", defaultValue = "${project.build.directory}/tailgap/run")
    File out;

    /** A saved run on the same dataset to compare with. */
    @Parameter(property = "tailgap.baseline")
    File baseline;

    /** A YAML rules file ({@code rules:} list, optional {@code alpha:}). */
    @Parameter(property = "tailgap.rulesFile")
    File rulesFile;

    /** Rules, e.g. {@code <rule>tail.accuracy >= 0.30</rule>}, added to those of the rules file. */
    @Parameter
    List<String> rules;

    /** Significance level of the baseline rules (default: the rules file's, else 0.05). */
    @Parameter(property = "tailgap.alpha")
    Double alpha;

    /** JUnit XML with one test case per rule. */
    @Parameter(property = "tailgap.junitFile", defaultValue = "${project.build.directory}/tailgap/TEST-tailgap-gate.xml")
    File junitFile;

    /** The gate summary as Markdown. */
    @Parameter(property = "tailgap.markdownFile", defaultValue = "${project.build.directory}/tailgap/gate.md")
    File markdownFile;

    /** Skips the check. */
    @Parameter(property = "tailgap.skip", defaultValue = "false")
    boolean skip;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("tailgap: check skipped");
            return;
        }
        GateReport report;
        try {
            RulesFile gate = RulesFile.collect(path(rulesFile), rules, "<rules>");
            RunResults run = RunResults.read(runDir != null ? runDir.toPath() : runNow());
            RunResults base = baseline == null ? null : RunResults.read(baseline.toPath());
            report = Gate.evaluate(gate.rules(), run, base, gate.alpha(alpha));
            GateFiles.write(report, path(junitFile), path(markdownFile), System.getenv("GITHUB_STEP_SUMMARY"));
        } catch (TailgapException e) {
            throw new MojoExecutionException("tailgap: " + e.getMessage(), e);
        }
        String summary = GateTerminal.render(report);
        if (!report.passed()) {
            throw new MojoFailureException("tailgap " + summary.strip());
        }
        summary.lines().forEach(line -> getLog().info(line));
    }

    /** Runs the run spec through the harness and returns the run directory. */
    private Path runNow() throws MojoExecutionException {
        if (model == null || model.isBlank()) {
            throw new MojoExecutionException("tailgap: set runDir (a saved run) or model (and baseUrl) to run one");
        }
        RunSpec spec;
        try {
            spec = RunSpec.builder().model(model)
                    .target(t -> t.withBaseUrl(baseUrl).withApiKeyEnv(apiKeyEnv))
                    .sampling(s -> {
                        Sampling x = s.withBucketing(bucketing).withPerBucket(perBucket).withLimit(limit);
                        x = dataset == null ? x : x.withDataset(dataset);
                        return seed == null ? x : x.withSeed(seed);
                    })
                    .execution(e -> concurrency == null ? e : e.withConcurrency(concurrency))
                    .out(out.toPath()).build();
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("tailgap: " + e.getMessage());
        }
        getLog().info("tailgap: running " + model + " on " + spec.sampling().dataset() + " into " + out);
        RunResult result = new RunEngine(out.toPath().getParent(), Progress.NONE, System::getenv).run(spec);
        result.warnings().forEach(w -> getLog().warn("tailgap: " + w));
        if (result.exitCode() != ExitCode.OK) {
            throw new MojoExecutionException("tailgap: endpoint error: " + result.message());
        }
        return result.dir();
    }

    private static Path path(File f) {
        return f == null ? null : f.toPath();
    }
}
