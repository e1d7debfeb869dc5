package dev.tailgap.spark;

import dev.tailgap.datasets.frequency.ConceptMatcher;
import org.apache.spark.broadcast.Broadcast;

/** One compiled matcher per executor JVM and job: the tasks of a job share it instead of compiling their own. */
final class MatcherCache {
    private static long id = -1;
    private static ConceptMatcher matcher;

    private MatcherCache() {
    }

    static synchronized ConceptMatcher get(Broadcast<CountPlan> plan) {
        if (plan.id() != id) {
            matcher = ConceptMatcher.compile(plan.value().targets(), plan.value().match());
            id = plan.id();
        }
        return matcher;
    }
}
