package dev.tailgap.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The contract every {@link ModelAdapter} passes. A subclass supplies the adapter and a way to script its transport
 * (an HTTP server, a subprocess, a model file, a recorded run): a normal answer, failures, and a request that stays in
 * flight. The contract then checks that
 * <ul>
 * <li>the answer and its token counts are read as the transport gave them;
 * <li>the request reached the transport with the prompt, system message, model and every generation parameter
 * mapped (checked by the subclass, which knows the wire format);
 * <li>every failure is an {@link AdapterException} of the expected {@link FailureKind}, retryable exactly when the kind
 * is, with a one-line message that never holds the planted secret {@link #SECRET};
 * <li>a request in flight fails with {@link FailureKind#TIMEOUT} after the timeout, and with
 * {@link FailureKind#CANCELLED} promptly when {@link ModelAdapter#cancelAll()} is called;
 * <li>{@link ModelAdapter#close()} releases the adapter's resources, is idempotent, and later requests fail as
 * {@link FailureKind#CANCELLED}.
 * </ul>
 * Parts a transport cannot do (a model file cannot be told to fail with HTTP 429) are left out by the subclass.
 */
public abstract class AdapterContract {
    /** A key planted in the environment the adapter sees; no failure message may contain it. */
    public static final String SECRET = "sk-contract-Secret-7f3a9c";
    /** The variable holding {@link #SECRET}. */
    public static final String KEY_ENV = "TG_CONTRACT_KEY";
    /** Timeout for adapters that should time out in the timeout test. */
    protected static final Duration SHORT_TIMEOUT = Duration.ofMillis(300);
    /** Timeout for adapters that must not time out during a test. */
    protected static final Duration LONG_TIMEOUT = Duration.ofSeconds(60);
    /** How long a cancelled request may take to fail: far below {@link #LONG_TIMEOUT}. */
    private static final Duration PROMPTLY = Duration.ofSeconds(20);

    private final ExecutorService background = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "contract-request");
        t.setDaemon(true);
        return t;
    });

    /** The request every contract test sends: a system message, every parameter set, an item id. */
    protected CompletionRequest request() {
        return new CompletionRequest("contract-model", "Question: In what country is Lyon?\nAnswer:", "Answer briefly.",
                new GenerationParams(0.25, 16, List.of("\n", "Question:"), 42L), "geonames:2996944");
    }

    /** A new adapter with this timeout. */
    protected abstract ModelAdapter open(Duration timeout) throws Exception;

    /** Arranges a normal answer to the next request. */
    protected abstract void scriptAnswer() throws Exception;

    /** Checks the adapter's reply to {@link #scriptAnswer()}: text and token counts. */
    protected abstract void checkAnswer(Completion c) throws Exception;

    /** Checks what the transport received for {@link #request()}: shape and every mapped parameter. */
    protected abstract void checkRequestShape() throws Exception;

    /** The failures this transport can be scripted into. */
    protected abstract List<Failure> failures();

    /**
     * Arranges for the next request to stay in flight until {@link Stall#release()}, or empty when the transport
     * cannot hold a request.
     */
    protected Optional<Stall> stall() throws Exception {
        return Optional.empty();
    }

    /** Whether a stalled request ends in {@link FailureKind#TIMEOUT} once the adapter's timeout passes. */
    protected boolean stallTimesOut() {
        return true;
    }

    /** Checks that a closed adapter holds nothing any more (connections, processes). */
    protected abstract void checkReleased(ModelAdapter closed) throws Exception;

    /** One scripted failure: {@code script} arranges it, {@code kind} is expected, {@code check} looks further. */
    public record Failure(String name, ThrowingRunnable script, FailureKind kind, Consumer<AdapterException> check) {
        public Failure(String name, ThrowingRunnable script, FailureKind kind) {
            this(name, script, kind, e -> { });
        }
    }

    /** A request held in flight by the transport. */
    public interface Stall {
        /** Returns once the request has reached the transport. */
        void awaitInFlight() throws Exception;

        /** Lets the transport go on (no-op where cancelling frees it). */
        default void release() {
        }
    }

    @FunctionalInterface
    public interface ThrowingRunnable {
        void run() throws Exception;
    }

    @AfterEach
    void stopBackground() {
        background.shutdownNow();
    }

    @Test
    void answerAndTokenCountsAreRead() throws Exception {
        scriptAnswer();
        try (ModelAdapter a = open(LONG_TIMEOUT)) {
            checkAnswer(a.complete(request()));
        }
    }

    @Test
    void requestCarriesPromptSystemModelAndEveryParameter() throws Exception {
        scriptAnswer();
        try (ModelAdapter a = open(LONG_TIMEOUT)) {
            a.complete(request());
        }
        checkRequestShape();
    }

    @TestFactory
    Stream<DynamicTest> failuresAreTypedOneLineAndKeepSecrets() {
        return failures().stream().map(f -> DynamicTest.dynamicTest(f.name(), () -> {
            f.script().run();
            try (ModelAdapter a = open(LONG_TIMEOUT)) {
                AdapterException e = failure(a);
                assertThat(e.kind()).as(f.name() + ": " + e.getMessage()).isEqualTo(f.kind());
                assertThat(e.retryable()).isEqualTo(f.kind().retryable());
                assertOneLineWithoutSecret(e);
                f.check().accept(e);
            }
        }));
    }

    @Test
    void stalledRequestTimesOut() throws Exception {
        Optional<Stall> stall = stall();
        assumeTrue(stall.isPresent() && stallTimesOut(), "this transport cannot hold a request past a timeout");
        try (ModelAdapter a = open(SHORT_TIMEOUT)) {
            AdapterException e = failure(a);
            assertThat(e.kind()).as(e.getMessage()).isEqualTo(FailureKind.TIMEOUT);
            assertThat(e.retryable()).isTrue();
            assertOneLineWithoutSecret(e);
        } finally {
            stall.get().release();
        }
    }

    @Test
    void cancelAllFailsTheRequestInFlightPromptly() throws Exception {
        Optional<Stall> stall = stall();
        assumeTrue(stall.isPresent(), "this transport cannot hold a request in flight");
        try (ModelAdapter a = open(LONG_TIMEOUT)) {
            Future<Completion> inFlight = background.submit(() -> a.complete(request()));
            stall.get().awaitInFlight();
            a.cancelAll();
            stall.get().release();
            try {
                Completion c = inFlight.get(PROMPTLY.toMillis(), TimeUnit.MILLISECONDS);
                fail("a cancelled request answered: " + c);
            } catch (ExecutionException e) {
                assertThat(e.getCause()).isInstanceOf(AdapterException.class);
                AdapterException ae = (AdapterException) e.getCause();
                assertThat(ae.kind()).as(ae.getMessage()).isEqualTo(FailureKind.CANCELLED);
                assertThat(ae.retryable()).isFalse();
            }
        }
    }

    @Test
    void closeReleasesResourcesAndRefusesLaterRequests() throws Exception {
        scriptAnswer();
        ModelAdapter a = open(LONG_TIMEOUT);
        a.complete(request());
        a.close();
        checkReleased(a);
        assertThat(failure(a).kind()).isEqualTo(FailureKind.CANCELLED);
        a.close();
    }

    /** The failure of one {@link #request()}. */
    protected AdapterException failure(ModelAdapter a) {
        try {
            Completion c = a.complete(request());
            throw new AssertionError("expected a failure, got " + c);
        } catch (AdapterException e) {
            return e;
        }
    }

    protected static void assertOneLineWithoutSecret(AdapterException e) {
        assertThat(e.getMessage()).isNotBlank().doesNotContain("\n").doesNotContain(SECRET);
    }
}
