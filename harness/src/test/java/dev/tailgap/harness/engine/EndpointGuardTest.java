package dev.tailgap.harness.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tailgap.adapters.AdapterException;
import dev.tailgap.adapters.FailureKind;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** When a run must stop because of its endpoint, on a hand-driven clock. */
class EndpointGuardTest {
    private final AtomicLong now = new AtomicLong();
    private final AtomicInteger stops = new AtomicInteger();
    private final List<String> retries = new ArrayList<>();

    private EndpointGuard guard(long planned, double maxErrorRate) {
        return new EndpointGuard(planned, maxErrorRate, 4, "model 'm' (openai) at http://h/v1", stops::incrementAndGet,
                retries::add, now::get);
    }

    private static AdapterException fail(FailureKind kind) {
        return new AdapterException(kind, kind.name().toLowerCase() + " failure");
    }

    private void seconds(long s) {
        now.addAndGet(s * 1_000_000_000L);
    }

    @Test
    void connectionFailuresAreDownOnlyAfterTheQuietTimeAndSeveralInARow() {
        EndpointGuard g = guard(1000, 0.5);
        g.succeeded();
        seconds(25);
        g.failed(fail(FailureKind.CONNECTION));
        g.failed(fail(FailureKind.TIMEOUT));
        assertThat(g.givingUp()).as("two in a row are not enough").isFalse();
        g.succeeded();
        g.failed(fail(FailureKind.CONNECTION));
        g.failed(fail(FailureKind.CONNECTION));
        g.failed(fail(FailureKind.CONNECTION));
        assertThat(g.givingUp()).as("a success a moment ago").isFalse();
        seconds(EndpointGuard.DOWN_AFTER.toSeconds());
        g.failed(fail(FailureKind.CONNECTION));
        assertThat(g.givingUp()).isTrue();
        assertThat(g.fatal()).startsWith("the endpoint stopped answering: no successful reply for 20 s and 4 "
                + "connection failures or timeouts in a row (last: connection failure)");
        assertThat(stops.get()).isEqualTo(1);
        assertThat(retries).hasSize(6);
    }

    @Test
    void anItemTheEndpointRefusesIsThatItemsErrorAndA400AfterSuccessesToo() {
        EndpointGuard g = guard(1000, 0.5);
        g.itemFailed(fail(FailureKind.ITEM_REJECTED));
        assertThat(g.stopped()).isFalse();
        g.succeeded();
        g.itemFailed(fail(FailureKind.BAD_REQUEST));
        assertThat(g.stopped()).isFalse();
        assertThat(g.lastError()).isEqualTo("bad_request failure");
    }

    @Test
    void settingsFailuresStopAtOnceAndNameTheModel() {
        EndpointGuard bad = guard(1000, 0.5);
        bad.itemFailed(fail(FailureKind.BAD_REQUEST));
        assertThat(bad.fatal()).isEqualTo("bad_request failure; model 'm' (openai) at http://h/v1");
        EndpointGuard notFound = guard(1000, 0.5);
        notFound.succeeded();
        notFound.itemFailed(fail(FailureKind.NOT_FOUND));
        assertThat(notFound.stopped()).isTrue();
        EndpointGuard auth = guard(1000, 0.5);
        auth.itemFailed(fail(FailureKind.AUTH));
        assertThat(auth.fatal()).isEqualTo("auth failure");
    }

    @Test
    void moreErrorItemsThanTheRateAllowsStopTheRun() {
        EndpointGuard g = guard(100, 0.02);
        g.succeeded();
        g.itemFailed(fail(FailureKind.SERVER_ERROR));
        g.itemFailed(fail(FailureKind.SERVER_ERROR));
        assertThat(g.stopped()).isFalse();
        g.itemFailed(fail(FailureKind.SERVER_ERROR));
        assertThat(g.fatal()).startsWith("3 of 100 planned items failed at the endpoint (3.0%), more than the allowed "
                + "error rate 2.0% (--max-error-rate 0.02); last error: ");
    }
}
