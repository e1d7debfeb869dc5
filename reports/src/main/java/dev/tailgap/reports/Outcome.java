package dev.tailgap.reports;

/**
 * How one item's answer was judged. {@link #ERROR} (the endpoint failed after retries) is never a hallucination: it is
 * left out of accuracy, hallucination and abstention rates and reported apart.
 */
public enum Outcome {
    CORRECT, HALLUCINATED, ABSTAINED, ERROR
}
