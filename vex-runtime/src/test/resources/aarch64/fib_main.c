/* Calls %fib compiled by `vex compile --target aarch64 --emit obj` (AArch64FibObjectTest). */
#include <stdint.h>
#include <stdio.h>

int64_t fib(int64_t n);

int main(void) {
    printf("fib(20) = %lld\n", (long long)fib(20));
    printf("fib(30) = %lld\n", (long long)fib(30));
    return 0;
}
