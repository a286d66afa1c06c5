/* Minimal assertion helpers for the C tests of libbyline. */
#ifndef BYLINE_CTEST_CHECK_H
#define BYLINE_CTEST_CHECK_H

#include <stdio.h>

static int check_failures = 0;

#define CHECK(cond)                                                                  \
    do {                                                                             \
        if (!(cond)) {                                                               \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
            check_failures++;                                                        \
        }                                                                            \
    } while (0)

#define CHECK_STATUS(expr, want)                                                       \
    do {                                                                               \
        BylineStatus got_ = (expr);                                                    \
        if (got_ != (want)) {                                                          \
            fprintf(stderr, "%s:%d: %s gave %s (%d), want %s\n", __FILE__, __LINE__,   \
                    #expr, byline_status_name(got_) ? byline_status_name(got_) : "?", \
                    (int)got_, #want);                                                 \
            check_failures++;                                                          \
        }                                                                              \
    } while (0)

#endif
