package dev.tailgap.datasets.frequency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LineEndsTest {

    @Test
    void findsTheFirstLineEndEightBytesAtATime() {
        SplittableRandom rng = new SplittableRandom(3);
        byte[] tricky = {0x0A, (byte) 0x8A, 0x0B, 0x09, 0x00, (byte) 0xFF, 0x1A, 0x0A};
        for (int round = 0; round < 20000; round++) {
            byte[] b = new byte[rng.nextInt(40)];
            for (int i = 0; i < b.length; i++) {
                b[i] = rng.nextInt(4) == 0 ? tricky[rng.nextInt(tricky.length)] : (byte) rng.nextInt(256);
            }
            int from = b.length == 0 ? 0 : rng.nextInt(b.length);
            int to = from + rng.nextInt(b.length - from + 1);
            int expected = -1;
            for (int i = from; i < to && expected < 0; i++) {
                expected = b[i] == '\n' ? i : -1;
            }
            assertThat(UnitReader.indexOf(b, from, to)).isEqualTo(expected);
        }
    }
}
