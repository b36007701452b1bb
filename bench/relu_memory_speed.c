/*
 * The machine's memory speed for an in-place relu over 10^7 floats, as a C compiler vectorizes it: the yardstick
 * for ElementwiseBenchmark.reluInPlace (size 10000000), which is memory-bound. Not part of the library.
 *
 *   gcc -O3 -march=native -o /tmp/relu_memory_speed bench/relu_memory_speed.c
 *   /tmp/relu_memory_speed        # 4 KiB pages, as a JVM heap gets by default
 *   /tmp/relu_memory_speed huge   # transparent huge pages (what -XX:+UseTransparentHugePages gives a JVM)
 *
 * Prints the median of 300 calls, three times, in Gelem/s.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>

enum { N = 10000000, CALLS = 300 };

static double seconds(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

static int by_value(const void *a, const void *b) {
    double x = *(const double *) a, y = *(const double *) b;
    return x < y ? -1 : x > y;
}

static void relu_in_place(float *y, int n) {
    for (int i = 0; i < n; i++) {
        y[i] = y[i] > 0 ? y[i] : 0;
    }
}

int main(int argc, char **argv) {
    int huge = argc > 1 && strcmp(argv[1], "huge") == 0;
    size_t align = 2u << 20, bytes = ((size_t) N * sizeof(float) + align - 1) / align * align;
    float *y;
    if (posix_memalign((void **) &y, align, bytes) != 0) {
        perror("posix_memalign");
        return 1;
    }
    if (huge && madvise(y, bytes, MADV_HUGEPAGE) != 0) {
        perror("madvise");
    }
    for (int i = 0; i < N; i++) {
        y[i] = (float) ((i * 2654435761u) % 1000) / 500.0f - 1.0f;   /* half negative, like fresh activations */
    }
    static double t[CALLS];
    for (int round = 0; round < 3; round++) {
        for (int c = 0; c < CALLS; c++) {
            double start = seconds();
            relu_in_place(y, N);
            t[c] = seconds() - start;
        }
        qsort(t, CALLS, sizeof t[0], by_value);
        printf("relu in place, %s pages: %.2f Gelem/s\n", huge ? "huge" : "4 KiB", N / t[CALLS / 2] / 1e9);
    }
    free(y);
    return 0;
}
