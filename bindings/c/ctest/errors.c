/*
 * Error paths of the C API: NULL for every pointer argument, invalid UTF-8 and invalid URLs,
 * unknown charsets, oversized input (by a small limit and by the 64 MiB default), NUL bytes,
 * and use of the library after each error. Run natively and under valgrind by .ci/c-api.sh.
 */
#include <byline.h>

#include <stdlib.h>
#include <string.h>

#include "check.h"

static int contains(const char *haystack, const char *needle) {
    return haystack != NULL && strstr(haystack, needle) != NULL;
}

static void null_arguments(void) {
    BylineArticle *a = (BylineArticle *)&a; /* a non-NULL junk value that must be overwritten */
    BylineError *e = NULL;

    CHECK_STATUS(byline_parse(NULL, 0, NULL, NULL, &e), BYLINE_ERR_NULL_ARGUMENT);
    CHECK(byline_error_code(e) == BYLINE_ERR_NULL_ARGUMENT);
    CHECK(contains(byline_error_message(e), "out"));
    byline_error_free(e);
    CHECK_STATUS(byline_parse(NULL, 0, NULL, NULL, NULL), BYLINE_ERR_NULL_ARGUMENT);
    CHECK_STATUS(byline_parse(NULL, 10, NULL, &a, NULL), BYLINE_ERR_NULL_ARGUMENT);
    CHECK(a == NULL);
    /* NULL bytes with length 0 is the empty page: a result with nothing in it. */
    CHECK_STATUS(byline_parse(NULL, 0, NULL, &a, &e), BYLINE_OK);
    CHECK(a != NULL && e == NULL);
    CHECK(byline_article_title(a) == NULL);
    CHECK(byline_article_text(a) != NULL && byline_article_text(a)[0] == '\0');
    byline_article_free(a);

    CHECK(byline_article_title(NULL) == NULL);
    CHECK(byline_article_published(NULL) == NULL);
    CHECK(byline_article_published_raw(NULL) == NULL);
    CHECK(byline_article_updated(NULL) == NULL);
    CHECK(byline_article_updated_raw(NULL) == NULL);
    CHECK(byline_article_text(NULL) == NULL);
    CHECK(byline_article_markdown(NULL) == NULL);
    CHECK(byline_article_html(NULL) == NULL);
    CHECK(byline_article_site_name(NULL) == NULL);
    CHECK(byline_article_language(NULL) == NULL);
    CHECK(byline_article_description(NULL) == NULL);
    CHECK(byline_article_canonical_url(NULL) == NULL);
    CHECK(byline_article_image(NULL) == NULL);
    CHECK(byline_article_platform(NULL) == NULL);
    CHECK(byline_article_author_count(NULL) == 0);
    CHECK(byline_article_author_name(NULL, 0) == NULL);
    CHECK(byline_article_author_url(NULL, 0) == NULL);
    CHECK(byline_article_tag_count(NULL) == 0);
    CHECK(byline_article_tag(NULL, 0) == NULL);
    CHECK(byline_article_comments_len(NULL) == 0);
    CHECK(byline_article_comment_author(NULL, 0) == NULL);
    CHECK(byline_article_comment_date(NULL, 0) == NULL);
    CHECK(byline_article_comment_date_raw(NULL, 0) == NULL);
    CHECK(byline_article_comment_text(NULL, 0) == NULL);
    CHECK(byline_article_source(NULL, BYLINE_FIELD_TITLE) == NULL);
    CHECK(byline_article_word_count(NULL) == 0);
    uint64_t n = 42;
    CHECK(!byline_article_view_count(NULL, &n) && n == 42);
    CHECK(!byline_article_comment_count(NULL, NULL));
    CHECK(!byline_article_like_count(NULL, &n) && n == 42);
    CHECK(byline_article_to_json(NULL) == NULL);
    CHECK(byline_error_code(NULL) == BYLINE_ERR_NULL_ARGUMENT);
    CHECK(byline_error_message(NULL) == NULL);

    CHECK_STATUS(byline_options_set_url(NULL, "https://e.x/", 12, &e), BYLINE_ERR_NULL_ARGUMENT);
    byline_error_free(e);
    CHECK_STATUS(byline_options_set_charset(NULL, "utf-8", 5, NULL), BYLINE_ERR_NULL_ARGUMENT);
    CHECK_STATUS(byline_options_set_max_input_bytes(NULL, 1), BYLINE_ERR_NULL_ARGUMENT);
    CHECK_STATUS(byline_options_set_max_nodes(NULL, 1), BYLINE_ERR_NULL_ARGUMENT);
    CHECK_STATUS(byline_options_set_max_json_ld_bytes(NULL, 1), BYLINE_ERR_NULL_ARGUMENT);
    CHECK_STATUS(byline_options_set_max_depth(NULL, 1), BYLINE_ERR_NULL_ARGUMENT);
    CHECK_STATUS(byline_options_set_max_attributes(NULL, 1), BYLINE_ERR_NULL_ARGUMENT);
    CHECK_STATUS(byline_options_set_max_attribute_bytes(NULL, 1), BYLINE_ERR_NULL_ARGUMENT);
    CHECK_STATUS(byline_options_set_max_text_bytes(NULL, 1), BYLINE_ERR_NULL_ARGUMENT);

    BylineOptions *o = byline_options_new();
    CHECK_STATUS(byline_options_set_url(o, NULL, 3, &e), BYLINE_ERR_NULL_ARGUMENT);
    byline_error_free(e);
    CHECK_STATUS(byline_options_set_charset(o, NULL, 3, NULL), BYLINE_ERR_NULL_ARGUMENT);
    /* NULL with length 0 clears. */
    CHECK_STATUS(byline_options_set_url(o, NULL, 0, &e), BYLINE_OK);
    CHECK(e == NULL);
    CHECK_STATUS(byline_options_set_charset(o, NULL, 0, NULL), BYLINE_OK);
    byline_options_free(o);

    byline_article_free(NULL);
    byline_options_free(NULL);
    byline_error_free(NULL);
    byline_string_free(NULL);

    CHECK(byline_status_name(12345) == NULL);
    CHECK(strcmp(byline_status_name(BYLINE_ERR_INVALID_UTF8), "BYLINE_ERR_INVALID_UTF8") == 0);
    CHECK(byline_version() != NULL && byline_version()[0] != '\0');
}

static void bad_strings(void) {
    BylineOptions *o = byline_options_new();
    BylineError *e = NULL;
    static const char bad_utf8[] = "https://exa\xff\xfemple.com/";
    CHECK_STATUS(byline_options_set_url(o, bad_utf8, sizeof bad_utf8 - 1, &e),
                 BYLINE_ERR_INVALID_UTF8);
    CHECK(byline_error_code(e) == BYLINE_ERR_INVALID_UTF8);
    CHECK(contains(byline_error_message(e), "UTF-8"));
    byline_error_free(e);
    /* A truncated multi-byte sequence at the end. */
    CHECK_STATUS(byline_options_set_url(o, "https://e.x/\xc3", 13, NULL), BYLINE_ERR_INVALID_UTF8);
    CHECK_STATUS(byline_options_set_charset(o, "utf\x80", 4, &e), BYLINE_ERR_INVALID_UTF8);
    byline_error_free(e);

    CHECK_STATUS(byline_options_set_url(o, "not a url", 9, &e), BYLINE_ERR_INVALID_URL);
    CHECK(contains(byline_error_message(e), "not a url"));
    byline_error_free(e);
    CHECK_STATUS(byline_options_set_url(o, "", 0, NULL), BYLINE_ERR_INVALID_URL);
    /* Pointer + length: bytes after `len` are not read, a NUL inside is just a character. */
    CHECK_STATUS(byline_options_set_url(o, "https://e.x/a\0b", 15, &e), BYLINE_OK);
    CHECK(e == NULL);
    CHECK_STATUS(byline_options_set_url(o, "https://example.com/2021/07/30/x/GARBAGE", 33, NULL),
                 BYLINE_OK);

    CHECK_STATUS(byline_options_set_charset(o, "klingon-8", 9, NULL), BYLINE_OK);
    BylineArticle *a = NULL;
    const uint8_t page[] = "<title>t</title><p>text</p>";
    CHECK_STATUS(byline_parse(page, sizeof page - 1, o, &a, &e), BYLINE_ERR_UNKNOWN_CHARSET);
    CHECK(a == NULL);
    CHECK(byline_error_code(e) == BYLINE_ERR_UNKNOWN_CHARSET);
    CHECK(contains(byline_error_message(e), "klingon-8"));
    byline_error_free(e);
    CHECK_STATUS(byline_options_set_charset(o, "windows-1251", 12, NULL), BYLINE_OK);
    CHECK_STATUS(byline_parse(page, sizeof page - 1, o, &a, &e), BYLINE_OK);
    byline_article_free(a);
    byline_options_free(o);
}

static void oversized(void) {
    BylineOptions *o = byline_options_new();
    BylineArticle *a = NULL;
    BylineError *e = NULL;
    CHECK_STATUS(byline_options_set_max_input_bytes(o, 100), BYLINE_OK);
    uint8_t buf[101];
    memset(buf, 'x', sizeof buf);
    CHECK_STATUS(byline_parse(buf, 100, o, &a, &e), BYLINE_OK);
    byline_article_free(a);
    CHECK_STATUS(byline_parse(buf, 101, o, &a, &e), BYLINE_ERR_TOO_LARGE);
    CHECK(a == NULL);
    CHECK(contains(byline_error_message(e), "101"));
    byline_error_free(e);
    /* A length no buffer can have: refused before the pointer is used. */
    CHECK_STATUS(byline_parse(buf, SIZE_MAX, o, &a, NULL), BYLINE_ERR_TOO_LARGE);
    CHECK_STATUS(byline_parse(buf, SIZE_MAX, NULL, &a, NULL), BYLINE_ERR_TOO_LARGE);
    byline_options_free(o);

    /* The default limit is 64 MiB. */
    size_t big = (size_t)64 * 1024 * 1024 + 1;
    uint8_t *huge = calloc(big, 1);
    CHECK(huge != NULL);
    if (huge != NULL) {
        CHECK_STATUS(byline_parse(huge, big, NULL, &a, &e), BYLINE_ERR_TOO_LARGE);
        CHECK(byline_error_code(e) == BYLINE_ERR_TOO_LARGE);
        byline_error_free(e);
        free(huge);
    }
}

static void odd_bytes(void) {
    BylineArticle *a = NULL;
    /* NUL bytes, invalid UTF-8 and a JSON-LD \u0000 in the title. */
    static const uint8_t page[] =
        "<html><head><title>a\0b\xff</title>"
        "<script type=\"application/ld+json\">{\"@type\":\"BlogPosting\","
        "\"headline\":\"nul\\u0000inside\"}</script></head>"
        "<body><article><p>one\0two \xc3\x28 three</p></article></body></html>";
    CHECK_STATUS(byline_parse(page, sizeof page - 1, NULL, &a, NULL), BYLINE_OK);
    const char *t = byline_article_title(a);
    CHECK(t == NULL || strlen(t) > 0);
    CHECK(byline_article_text(a) != NULL);
    char *json = byline_article_to_json(a);
    CHECK(json != NULL && json[0] == '{');
    byline_string_free(json);
    byline_article_free(a);
}

int main(void) {
    null_arguments();
    bad_strings();
    oversized();
    odd_bytes();
    if (check_failures != 0) {
        fprintf(stderr, "errors: %d check(s) failed\n", check_failures);
        return 1;
    }
    printf("errors: all checks passed\n");
    return 0;
}
