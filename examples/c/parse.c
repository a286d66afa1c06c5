/*
 * Parse an HTML file with libbyline and print every field it found.
 *
 *     parse FILE [URL]
 *
 * Build (after `cargo build --release -p byline-c` and `bindings/c/install.sh PREFIX`):
 *     cc -std=c11 -Wall -Wextra parse.c $(pkg-config --cflags --libs byline) -o parse
 *
 * The C++ example (examples/cpp/parse.cpp) prints the same report byte for byte.
 */
#include <byline.h>

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Reads a whole file; NULL on failure. The caller frees the buffer. */
static unsigned char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        return NULL;
    }
    size_t cap = 1 << 16;
    size_t n = 0;
    unsigned char *buf = malloc(cap);
    while (buf != NULL) {
        n += fread(buf + n, 1, cap - n, f);
        if (n < cap) {
            break;
        }
        unsigned char *bigger = realloc(buf, cap * 2);
        if (bigger == NULL) {
            free(buf);
            buf = NULL;
            break;
        }
        buf = bigger;
        cap *= 2;
    }
    if (buf != NULL && ferror(f)) {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    *len = n;
    return buf;
}

static const char *or_dash(const char *s) { return s != NULL ? s : "-"; }

static void print_count(const char *label, bool present, uint64_t n) {
    if (present) {
        printf("%s: %" PRIu64 "\n", label, n);
    } else {
        printf("%s: -\n", label);
    }
}

static void print_date(const char *label, const char *iso, const char *raw) {
    if (iso != NULL) {
        printf("%s: %s (page: %s)\n", label, iso, or_dash(raw));
    } else {
        printf("%s: -\n", label);
    }
}

static const struct {
    BylineField field;
    const char *name;
} FIELDS[] = {
    {BYLINE_FIELD_TITLE, "title"},
    {BYLINE_FIELD_AUTHORS, "authors"},
    {BYLINE_FIELD_PUBLISHED, "published"},
    {BYLINE_FIELD_UPDATED, "updated"},
    {BYLINE_FIELD_BODY, "body"},
    {BYLINE_FIELD_VIEW_COUNT, "view_count"},
    {BYLINE_FIELD_COMMENT_COUNT, "comment_count"},
    {BYLINE_FIELD_LIKE_COUNT, "like_count"},
    {BYLINE_FIELD_SITE_NAME, "site_name"},
    {BYLINE_FIELD_CANONICAL_URL, "canonical_url"},
    {BYLINE_FIELD_LANGUAGE, "language"},
    {BYLINE_FIELD_DESCRIPTION, "description"},
    {BYLINE_FIELD_TAGS, "tags"},
    {BYLINE_FIELD_IMAGE, "image"},
    {BYLINE_FIELD_PLATFORM, "platform"},
    {BYLINE_FIELD_COMMENTS, "comments"},
};

static void print_article(const BylineArticle *a) {
    printf("title: %s\n", or_dash(byline_article_title(a)));
    size_t authors = byline_article_author_count(a);
    printf("authors: %zu\n", authors);
    for (size_t i = 0; i < authors; i++) {
        printf("  author %zu: %s <%s>\n", i, or_dash(byline_article_author_name(a, i)),
               or_dash(byline_article_author_url(a, i)));
    }
    print_date("published", byline_article_published(a), byline_article_published_raw(a));
    print_date("updated", byline_article_updated(a), byline_article_updated_raw(a));
    uint64_t n = 0;
    bool present = byline_article_view_count(a, &n);
    print_count("views", present, n);
    present = byline_article_comment_count(a, &n);
    print_count("comment count", present, n);
    present = byline_article_like_count(a, &n);
    print_count("likes", present, n);
    printf("site: %s\n", or_dash(byline_article_site_name(a)));
    printf("language: %s\n", or_dash(byline_article_language(a)));
    printf("description: %s\n", or_dash(byline_article_description(a)));
    printf("canonical: %s\n", or_dash(byline_article_canonical_url(a)));
    printf("image: %s\n", or_dash(byline_article_image(a)));
    printf("platform: %s\n", or_dash(byline_article_platform(a)));
    size_t tags = byline_article_tag_count(a);
    printf("tags: %zu\n", tags);
    for (size_t i = 0; i < tags; i++) {
        printf("  tag %zu: %s\n", i, or_dash(byline_article_tag(a, i)));
    }
    printf("words: %" PRIu64 "\n", byline_article_word_count(a));
    size_t comments = byline_article_comments_len(a);
    printf("reader comments: %zu\n", comments);
    for (size_t i = 0; i < comments; i++) {
        printf("  comment %zu: %s, %s: %s\n", i, or_dash(byline_article_comment_author(a, i)),
               or_dash(byline_article_comment_date(a, i)),
               or_dash(byline_article_comment_text(a, i)));
    }
    for (size_t i = 0; i < sizeof FIELDS / sizeof FIELDS[0]; i++) {
        printf("source %s: %s\n", FIELDS[i].name,
               or_dash(byline_article_source(a, FIELDS[i].field)));
    }
    char *json = byline_article_to_json(a);
    printf("json: %s\n", json != NULL && json[0] == '{' ? "object" : "missing");
    byline_string_free(json);
    printf("text: %zu bytes\n", strlen(byline_article_text(a)));
    printf("html: %zu bytes\n", strlen(byline_article_html(a)));
    printf("--- markdown\n%s", byline_article_markdown(a));
}

int main(int argc, char **argv) {
    if (argc < 2 || argc > 3) {
        fprintf(stderr, "usage: %s FILE [URL]\n", argv[0]);
        return 2;
    }
    BylineError *err = NULL;
    BylineOptions *options = NULL;
    if (argc == 3) {
        options = byline_options_new();
        BylineStatus st = byline_options_set_url(options, argv[2], strlen(argv[2]), &err);
        if (st != BYLINE_OK) {
            fprintf(stderr, "%s: %s\n", byline_status_name(st), byline_error_message(err));
            byline_error_free(err);
            byline_options_free(options);
            return 2;
        }
    }
    size_t len = 0;
    unsigned char *html = read_file(argv[1], &len);
    if (html == NULL) {
        perror(argv[1]);
        byline_options_free(options);
        return 1;
    }
    BylineArticle *article = NULL;
    BylineStatus st = byline_parse(html, len, options, &article, &err);
    free(html);
    byline_options_free(options);
    if (st != BYLINE_OK) {
        fprintf(stderr, "%s: %s: %s\n", argv[1], byline_status_name(st),
                byline_error_message(err));
        byline_error_free(err);
        return 1;
    }
    print_article(article);
    byline_article_free(article);
    return 0;
}
