package org.riemopt.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

class KernelsTest {

    @Test
    void dot2IsBitIdenticalToTwoDots() {
        Random random = new Random(3);
        for (int n : new int[] {1, 3, 4, 7, 100, 101}) {
            double[] x = random.doubles(n + 2).toArray();
            double[] y = random.doubles(2 * n + 5).toArray();
            double[] out = new double[4];
            Kernels.dot2(x, 1, y, 2, n + 3, n, out, 0, 3);
            assertEquals(Kernels.dot(x, 1, y, 2, n), out[0], 0.0, "first, n = " + n);
            assertEquals(Kernels.dot(x, 1, y, n + 3, n), out[3], 0.0, "second, n = " + n);
        }
    }

    @Test
    void dotEachIsBitIdenticalToOneDotPerBlock() {
        Random random = new Random(4);
        for (int blocks : new int[] {1, 2, 5}) {
            double[] b = random.doubles(blocks * 9L).toArray();
            double[] x = random.doubles(9).toArray();
            double[] out = new double[blocks];
            Kernels.dotEach(b, 9, x, out);
            for (int i = 0; i < blocks; i++) {
                assertEquals(Kernels.dot(b, i * 9, x, 0, 9), out[i], 0.0);
            }
        }
    }

    @Test
    void dotAndAxpyMatchTheirDefinitions() {
        double[] x = {1, 2, 3, 4, 5};
        double[] y = {5, 4, 3, 2, 1};
        assertEquals(35, Kernels.dot(x, 0, y, 0, 5), 0.0);
        Kernels.axpy(2, x, 1, y, 0, 3);
        assertEquals(9, y[0], 0.0);
        assertEquals(10, y[1], 0.0);
        assertEquals(11, y[2], 0.0);
        assertEquals(2, y[3], 0.0);
    }
}
