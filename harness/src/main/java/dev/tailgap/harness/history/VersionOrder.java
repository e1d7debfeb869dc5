package dev.tailgap.harness.history;

import java.math.BigInteger;
import java.util.Comparator;

/**
 * Orders tag values as versions: split into runs of digits and of other characters, digit runs compared as numbers
 * and the others as text, so that {@code 1.9 < 1.10 < 2.0} and {@code nightly-2 < nightly-10}.
 */
final class VersionOrder implements Comparator<String> {
    static final VersionOrder INSTANCE = new VersionOrder();

    private VersionOrder() {
    }

    @Override
    public int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ei = end(a, i);
            int ej = end(b, j);
            String x = a.substring(i, ei);
            String y = b.substring(j, ej);
            boolean dx = Character.isDigit(x.charAt(0));
            boolean dy = Character.isDigit(y.charAt(0));
            int c = dx && dy ? new BigInteger(x).compareTo(new BigInteger(y)) : x.compareTo(y);
            if (c != 0) {
                return c;
            }
            i = ei;
            j = ej;
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static int end(String s, int from) {
        boolean digit = Character.isDigit(s.charAt(from));
        int k = from + 1;
        while (k < s.length() && Character.isDigit(s.charAt(k)) == digit) {
            k++;
        }
        return k;
    }
}
