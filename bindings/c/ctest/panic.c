/*
 * No panic crosses the C boundary. Linked against a libbyline built with the test-only cargo
 * feature `inject-panic`, where an input starting with "BYLINE-INJECT-PANIC" makes byline_parse
 * panic inside the library: the call must return BYLINE_ERR_PANIC with a message, the process
 * must live on, and the library must stay usable (also under valgrind, without leaks).
 */
#include <byline.h>

#include <string.h>

#include "check.h"

int main(void) {
    static const uint8_t magic[] = "BYLINE-INJECT-PANIC<p>boom</p>";
    static const uint8_t page[] = "<title>fine</title><p>after the panic</p>";
    for (int round = 0; round < 3; round++) {
        BylineArticle *a = (BylineArticle *)&a;
        BylineError *e = NULL;
        CHECK_STATUS(byline_parse(magic, sizeof magic - 1, NULL, &a, &e), BYLINE_ERR_PANIC);
        CHECK(a == NULL);
        CHECK(byline_error_code(e) == BYLINE_ERR_PANIC);
        const char *m = byline_error_message(e);
        CHECK(m != NULL && strstr(m, "panic") != NULL);
        byline_error_free(e);
        /* Without err_out too. */
        CHECK_STATUS(byline_parse(magic, sizeof magic - 1, NULL, &a, NULL), BYLINE_ERR_PANIC);

        CHECK_STATUS(byline_parse(page, sizeof page - 1, NULL, &a, &e), BYLINE_OK);
        CHECK(a != NULL && e == NULL);
        char *json = byline_article_to_json(a);
        CHECK(json != NULL);
        byline_string_free(json);
        byline_article_free(a);
    }
    if (check_failures != 0) {
        fprintf(stderr, "panic: %d check(s) failed\n", check_failures);
        return 1;
    }
    printf("panic: contained at the boundary\n");
    return 0;
}
