/* The code-speed kernels of kernels.clif, written in C for gcc -O2 (GccKernels builds them):
 * the floor the code-speed table compares Vex with. Each computes exactly what its IR function
 * does: i64 arithmetic wraps (done in uint64_t), urem is unsigned, float operations are not
 * fused (built with -ffp-contract=off). */
#include <stdint.h>

int64_t vex_gcc_loop_sum(int64_t n) {
    uint64_t s = 0;
    for (int64_t i = 0; i < n; i++) {
        s = (s + (uint64_t)i * (uint64_t)i) ^ (uint64_t)i;
    }
    return (int64_t)s;
}

int64_t vex_gcc_fib(int64_t n) {
    if (n < 2) return n;
    return (int64_t)((uint64_t)vex_gcc_fib(n - 1) + (uint64_t)vex_gcc_fib(n - 2));
}

int64_t vex_gcc_sieve(int64_t n) {
    uint8_t buf[65536];
    for (int64_t i = 0; i < n; i++) buf[i] = 1;
    int64_t count = 0;
    for (int64_t i = 2; i < n; i++) {
        if (buf[i]) {
            count++;
            for (int64_t j = i * i; j < n; j += i) buf[j] = 0;
        }
    }
    return count;
}

int64_t vex_gcc_checksum(int64_t n, int64_t rounds) {
    uint8_t buf[65536];
    for (int64_t i = 0; i < n; i++) buf[i] = (uint8_t)(i * 7 + 3);
    uint64_t a = 1, b = 0;
    for (int64_t r = 0; r < rounds; r++) {
        for (int64_t i = 0; i < n; i++) {
            a = (a + buf[i]) % 65521;
            b = (b + a) % 65521;
        }
    }
    return (int64_t)((b << 16) | a);
}

int64_t vex_gcc_mandel(int64_t size) {
    double step = 3.0 / (double)size;
    int64_t total = 0;
    for (int64_t y = 0; y < size; y++) {
        for (int64_t x = 0; x < size; x++) {
            double cr = -2.0 + (double)x * step;
            double ci = -1.5 + (double)y * step;
            double zr = 0.0, zi = 0.0;
            int64_t k = 0;
            for (;;) {
                double zr2 = zr * zr, zi2 = zi * zi;
                if ((zr2 + zi2 > 4.0) | (k >= 64)) break;
                double nzr = (zr2 - zi2) + cr;
                double t = zr * zi;
                zi = (t + t) + ci;
                zr = nzr;
                k++;
            }
            total += k;
        }
    }
    return total;
}
