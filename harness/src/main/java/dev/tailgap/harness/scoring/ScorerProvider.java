package dev.tailgap.harness.scoring;

/**
 * A named kind of {@link Scorer}, discovered with {@link java.util.ServiceLoader} (list the class in
 * {@code META-INF/services/dev.tailgap.harness.scoring.ScorerProvider}). {@link Scorers} refuses two providers under
 * one name.
 *
 * <p>Contract: {@link #name()} is a short stable lower-case identifier (what {@code --scorer} takes);
 * {@link #description()} is one line for {@code tailgap list scorers} saying what the scorer catches;
 * {@link #create} throws {@link IllegalArgumentException} with a one-line message for a bad setting.
 */
public interface ScorerProvider {

    String name();

    String description();

    Scorer create(ScorerContext context);
}
