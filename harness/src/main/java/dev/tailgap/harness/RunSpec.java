package dev.tailgap.harness;

import dev.tailgap.harness.plan.Execution;
import dev.tailgap.harness.plan.Generation;
import dev.tailgap.harness.plan.Output;
import dev.tailgap.harness.plan.PlanException;
import dev.tailgap.harness.plan.Sampling;
import dev.tailgap.harness.plan.Scoring;
import dev.tailgap.harness.plan.Target;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A run plan: one model × one dataset × one prompt and scoring, plus how to run it, in typed sections —
 * {@link Target} (the model and its endpoint), {@link Sampling} (dataset, bucketing, which items), {@link Generation}
 * (what is sent), {@link Scoring}, {@link Execution} (how it is carried out; a resume may change it) and
 * {@link Output} (run directory and tags). Each section validates its own values and documents its defaults, so the
 * CLI, a config file, the Maven plugin and the Java API reject the same bad value with the same message (a
 * {@link PlanException}). Immutable; holds the name of the API-key variable, never a key. Built with {@link #builder()}:
 *
 * <pre>{@code
 * RunSpec plan = RunSpec.builder().model("openai:gpt-4o-mini")
 *         .target(t -> t.withBaseUrl("http://127.0.0.1:8000/v1"))
 *         .sampling(s -> s.withPerBucket(100))
 *         .execution(e -> e.withConcurrency(16))
 *         .build();
 * }</pre>
 */
public record RunSpec(Target target, Sampling sampling, Generation generation, Scoring scoring, Execution execution,
                      Output output) {

    public RunSpec {
        Objects.requireNonNull(target, "target (the model)");
        sampling = sampling == null ? Sampling.DEFAULTS : sampling;
        generation = generation == null ? Generation.DEFAULTS : generation;
        scoring = scoring == null ? Scoring.DEFAULTS : scoring;
        execution = execution == null ? Execution.DEFAULTS : execution;
        output = output == null ? Output.DEFAULTS : output;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this plan. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.target = target;
        b.sampling = sampling;
        b.generation = generation;
        b.scoring = scoring;
        b.execution = execution;
        b.output = output;
        return b;
    }

    /** Builds a plan section by section; every section starts at its documented defaults. */
    public static final class Builder {
        private Target target;
        private Sampling sampling = Sampling.DEFAULTS;
        private Generation generation = Generation.DEFAULTS;
        private Scoring scoring = Scoring.DEFAULTS;
        private Execution execution = Execution.DEFAULTS;
        private Output output = Output.DEFAULTS;

        private Builder() {
        }

        /** The model {@code provider:model}, at its provider's default endpoint until {@link #target} changes it. */
        public Builder model(String model) {
            target = target == null ? Target.of(model) : new Target(Target.of(model).model(), target.baseUrls(),
                    target.apiKeyEnv(), target.options(), target.endpointLabel());
            return this;
        }

        /** The dataset: a bundled name or a JSONL file. */
        public Builder dataset(String dataset) {
            sampling = sampling.withDataset(dataset);
            return this;
        }

        /** The run directory. */
        public Builder out(Path dir) {
            output = output.withDir(dir);
            return this;
        }

        /** Changes the target; {@link #model} must have been given first. */
        public Builder target(UnaryOperator<Target> change) {
            if (target == null) {
                throw new IllegalStateException("give the model before changing its target");
            }
            target = change.apply(target);
            return this;
        }

        public Builder sampling(UnaryOperator<Sampling> change) {
            sampling = change.apply(sampling);
            return this;
        }

        public Builder generation(UnaryOperator<Generation> change) {
            generation = change.apply(generation);
            return this;
        }

        public Builder scoring(UnaryOperator<Scoring> change) {
            scoring = change.apply(scoring);
            return this;
        }

        public Builder execution(UnaryOperator<Execution> change) {
            execution = change.apply(execution);
            return this;
        }

        public Builder output(UnaryOperator<Output> change) {
            output = change.apply(output);
            return this;
        }

        public RunSpec build() {
            if (target == null) {
                throw new PlanException("a run plan needs a model (provider:model)");
            }
            return new RunSpec(target, sampling, generation, scoring, execution, output);
        }
    }
}
