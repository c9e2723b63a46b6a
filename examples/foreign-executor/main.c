/* Runs tasks.clif's async functions on the foreign executor and prints each outcome, one line
 * per task: `name(args) = results` or `name(args) trapped CODE`. */
#include <inttypes.h>
#include <stdio.h>

#include "executor.h"
#include "futures.h"

extern const vex_future_desc quadruple_desc __asm__("quadruple$desc");
extern const vex_future_desc sum_quadruples_desc __asm__("sum_quadruples$desc");
extern const vex_future_desc divide_later_desc __asm__("divide_later$desc");

#define SUMS 40

int main(void) {
    if (futures_start() != 0) {
        return 1;
    }
    fx_task *sums[SUMS];
    for (int64_t n = 0; n < SUMS; n++) {
        uint64_t arg = (uint64_t) n;
        sums[n] = fx_spawn(&sum_quadruples_desc, &arg);
    }
    uint64_t q_arg = (uint64_t) -21;
    fx_task *q = fx_spawn(&quadruple_desc, &q_arg);
    uint64_t div_ok[2] = {21, 3}, div_zero[2] = {21, 0};
    fx_task *d1 = fx_spawn(&divide_later_desc, div_ok);
    fx_task *d2 = fx_spawn(&divide_later_desc, div_zero);
    fx_run();
    futures_stop();

    int failures = 0;
    uint64_t v;
    for (int64_t n = 0; n < SUMS; n++) {
        if (fx_outcome(sums[n], &v) != FX_DONE) {
            failures++;
        }
        printf("sum_quadruples(%" PRId64 ") = %" PRId64 ", %" PRId64 "\n", n, (int64_t) v,
               (int64_t) fx_result(sums[n], 1));
        fx_free(sums[n]);
    }
    failures += fx_outcome(q, &v) != FX_DONE;
    printf("quadruple(-21) = %" PRId64 "\n", (int64_t) v);
    failures += fx_outcome(d1, &v) != FX_DONE;
    printf("divide_later(21, 3) = %" PRId64 "\n", (int64_t) v);
    if (fx_outcome(d2, &v) == FX_TRAPPED) {
        printf("divide_later(21, 0) trapped %" PRIu64 "\n", v);
    } else {
        failures++;
        printf("divide_later(21, 0) did not trap\n");
    }
    fx_free(q);
    fx_free(d1);
    fx_free(d2);
    return failures == 0 ? 0 : 1;
}
