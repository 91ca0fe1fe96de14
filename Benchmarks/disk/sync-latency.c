// sync-latency FILE PREFILL: 2,000 appends of 8 KiB, each written and fdatasync'ed before the next,
// into blocks already written with zeros (PREFILL 1, as a WAL segment is) or growing the file (0):
// what one durable append costs on this disk, the floor under any commit protocol.
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec * 1e6 + t.tv_nsec / 1e3; }
static int cmp(const void *a, const void *b) { double x = *(double *)a, y = *(double *)b; return x < y ? -1 : x > y; }
int main(int argc, char **argv) {
    int prefill = atoi(argv[2]), n = 2000;
    if (argc != 3) { fprintf(stderr, "usage: sync-latency FILE PREFILL(0|1)\n"); return 2; }
    int fd = open(argv[1], O_RDWR | O_CREAT | O_TRUNC, 0600);
    if (fd < 0) { perror(argv[1]); return 1; }
    char block[8192]; memset(block, 0, sizeof block);
    if (prefill) { for (int i = 0; i < n; i++) pwrite(fd, block, sizeof block, (off_t)i * sizeof block); fsync(fd); }
    memset(block, 'x', sizeof block);
    double *lat = malloc(n * sizeof *lat);
    for (int i = 0; i < n; i++) {
        double t = now();
        if (pwrite(fd, block, sizeof block, (off_t)i * sizeof block) != sizeof block || fdatasync(fd) != 0) { perror("append"); return 1; }
        lat[i] = now() - t;
    }
    qsort(lat, n, sizeof *lat, cmp);
    printf("%s: p50 %.0f us, p90 %.0f us, p99 %.0f us\n", prefill ? "into zero-filled blocks" : "growing the file", lat[n / 2], lat[n * 9 / 10], lat[n * 99 / 100]);
    close(fd); unlink(argv[1]);
}
