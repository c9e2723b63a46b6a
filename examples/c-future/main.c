/* Runs program.clif on Vex's runtime: fan_out(n) for a few n, one line each. */
#include <inttypes.h>
#include <stdio.h>

#include "vex_runtime.h"

extern const vex_future_desc fan_out_desc __asm__("fan_out$desc");

int main(void) {
    vex_runtime *rt = vex_runtime_create(2);
    if (!rt) {
        return 1;
    }
    int failures = 0;
    for (int64_t n = 0; n <= 64; n += 16) {
        uint64_t arg = (uint64_t) n, result = 0;
        int st = vex_block_on(rt, &fan_out_desc, &arg, &result);
        failures += st != 0;
        printf("fan_out(%" PRId64 ") = %" PRId64 "\n", n, (int64_t) result);
    }
    vex_runtime_destroy(rt);
    return failures == 0 ? 0 : 1;
}
