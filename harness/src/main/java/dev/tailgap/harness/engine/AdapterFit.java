package dev.tailgap.harness.engine;

import dev.tailgap.adapters.EndpointInfo;
import dev.tailgap.adapters.ModelAdapter;
import dev.tailgap.adapters.ModelRef;
import dev.tailgap.harness.RunSpec;
import dev.tailgap.harness.TailgapException;
import java.util.List;

/**
 * Whether a plan fits the adapter it runs on, checked before the first request: no more stop sequences than the API
 * accepts, chat turns only where the API takes them (usage errors), and a concurrency above the server's slots noted
 * in {@code warnings} (the requests then wait at the server, inflating their latency).
 */
final class AdapterFit {
    private AdapterFit() {
    }

    static void check(RunSpec spec, ModelRef ref, ModelAdapter adapter, EndpointInfo probe, List<String> warnings) {
        int stops = spec.generation().params().stop().size();
        if (stops > adapter.maxStopSequences()) {
            throw TailgapException.usage(stops + " stop sequences given, but " + ref.provider() + " at "
                    + RunSettings.redact(spec.target().baseUrls()) + " accepts at most " + adapter.maxStopSequences());
        }
        if (spec.generation().prompting().shotsAsTurns() && !adapter.acceptsTurns()) {
            throw TailgapException.usage("--shots-as-turns needs a chat API, and " + ref.provider() + " as configured "
                    + "sends one prompt text; drop --shots-as-turns to put the shots in the prompt");
        }
        int concurrency = spec.execution().concurrency();
        if (probe.slots() > 0 && concurrency > probe.slots()) {
            warnings.add("concurrency " + concurrency + " is above the server's " + probe.slots()
                    + " slots: requests wait at the server, and their latency includes that wait");
        }
    }
}
