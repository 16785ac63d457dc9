// minimal flush+reload timing poc (x86-64, gcc -O0)
// see yarom-2014-flushreload.md
#include <stdio.h>
#include <stdint.h>
#include <x86intrin.h>

static inline uint64_t probe(void *addr) {
    unsigned aux;
    _mm_mfence(); _mm_lfence();
    uint64_t t0 = __rdtscp(&aux);
    _mm_lfence();
    (void)*(volatile char *)addr;
    _mm_lfence();
    uint64_t t1 = __rdtscp(&aux);
    _mm_clflush(addr);
    return t1 - t0;
}

int main(void) {
    static char buf[4096];
    uint64_t hit = 0, miss = 0;
    for (int i = 0; i < 10000; i++) {
        (void)*(volatile char *)buf;   /* bring into cache */
        hit += probe(buf);             /* cached -> fast (probe flushes after) */
        miss += probe(buf);            /* flushed -> slow */
    }
    printf("avg hit %lu  avg miss %lu  (threshold ~ halfway)\n", hit / 10000, miss / 10000);
    return 0;
}
