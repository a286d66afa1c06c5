/*
 * Compile-only check: the header compiles as C (C99 and later, -pedantic) and as C++ (with the
 * wrapper byline.hpp), can be included twice, and declares every function with the expected
 * signature (each is called once below with arguments of the documented types).
 */
#include <byline.h>
#include <byline.h>

#ifdef __cplusplus
#include "byline.hpp"
#include "byline.hpp"
#endif

int byline_header_check(void);

int byline_header_check(void) {
    const char *s = byline_version();
    s = byline_status_name(BYLINE_ERR_PANIC);
    BylineOptions *o = byline_options_new();
    BylineError *e = NULL;
    BylineStatus st = byline_options_set_url(o, "https://example.com/", 20, &e);
    st |= byline_options_set_charset(o, "utf-8", 5, &e);
    st |= byline_options_set_max_input_bytes(o, (uint64_t)1 << 20);
    st |= byline_options_set_max_nodes(o, 1000);
    st |= byline_options_set_max_json_ld_bytes(o, 1000);
    st |= byline_options_set_max_depth(o, (uint32_t)64);
    st |= byline_options_set_max_attributes(o, 16);
    BylineArticle *a = NULL;
    const uint8_t page[] = "<p>x</p>";
    st |= byline_parse(page, sizeof page - 1, o, &a, &e);
    st |= byline_error_code(e);
    s = byline_error_message(e);
    byline_error_free(e);
    byline_options_free(o);
    uint64_t n = 0;
    bool present = byline_article_view_count(a, &n) || byline_article_comment_count(a, &n) ||
                   byline_article_like_count(a, &n);
    size_t k = byline_article_author_count(a) + byline_article_tag_count(a) +
               byline_article_comments_len(a);
    s = byline_article_title(a);
    s = byline_article_author_name(a, 0);
    s = byline_article_author_url(a, 0);
    s = byline_article_published(a);
    s = byline_article_published_raw(a);
    s = byline_article_updated(a);
    s = byline_article_updated_raw(a);
    s = byline_article_text(a);
    s = byline_article_markdown(a);
    s = byline_article_html(a);
    s = byline_article_site_name(a);
    s = byline_article_language(a);
    s = byline_article_description(a);
    s = byline_article_canonical_url(a);
    s = byline_article_image(a);
    s = byline_article_platform(a);
    s = byline_article_tag(a, 0);
    s = byline_article_comment_author(a, 0);
    s = byline_article_comment_date(a, 0);
    s = byline_article_comment_date_raw(a, 0);
    s = byline_article_comment_text(a, 0);
    BylineField f = BYLINE_FIELD_COMMENTS;
    s = byline_article_source(a, f);
    uint64_t words = byline_article_word_count(a);
    char *json = byline_article_to_json(a);
    byline_string_free(json);
    byline_article_free(a);
    return (int)st + (int)present + (int)k + (int)words + (s != NULL);
}
