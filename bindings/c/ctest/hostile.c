/*
 * Hostile pages through the C API (issue 8): each must give a result or a clean error, never
 * BYLINE_ERR_PANIC or a crash, within 5 seconds, and every accessor must work on the result.
 * The pages are generated here, nothing large is stored.
 *
 *     hostile [SCALE [SECONDS]]
 *
 * The peak resident memory of the whole run must stay under 1 GiB.
 *
 * SCALE (default 1) divides every repetition count: under valgrind .ci/c-api.sh runs a scaled
 * down copy, where SECONDS (default 5; 0 = no limit) is not meaningful.
 */
#define _POSIX_C_SOURCE 200809L

#include <byline.h>

#include <stdint.h>
#include <sys/resource.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "check.h"

typedef struct {
    uint8_t *data;
    size_t len, cap;
} Buf;

static void put_bytes(Buf *b, const void *p, size_t n) {
    if (b->len + n > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap < b->len + n) {
            cap *= 2;
        }
        uint8_t *d = realloc(b->data, cap);
        if (d == NULL) {
            fprintf(stderr, "out of memory\n");
            exit(2);
        }
        b->data = d;
        b->cap = cap;
    }
    if (n != 0) {
        memcpy(b->data + b->len, p, n);
    }
    b->len += n;
}

static void put(Buf *b, const char *s) { put_bytes(b, s, strlen(s)); }

static void repeat(Buf *b, const char *s, size_t times) {
    size_t n = strlen(s);
    for (size_t i = 0; i < times; i++) {
        put_bytes(b, s, n);
    }
}

static size_t scale = 1;
static double limit_seconds = 5.0;

static size_t sc(size_t n) { return n / scale > 0 ? n / scale : 1; }

static double now(void) {
    struct timespec ts;
    timespec_get(&ts, TIME_UTC);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static size_t len_of(const char *s) { return s != NULL ? strlen(s) : 0; }

/* Reads every field, so that every string conversion runs on hostile data. */
static void read_all(const BylineArticle *a) {
    size_t total = 0;
    total += len_of(byline_article_title(a));
    total += len_of(byline_article_published(a)) + len_of(byline_article_published_raw(a));
    total += len_of(byline_article_updated(a)) + len_of(byline_article_updated_raw(a));
    total += len_of(byline_article_text(a)) + len_of(byline_article_markdown(a));
    total += len_of(byline_article_html(a)) + len_of(byline_article_site_name(a));
    total += len_of(byline_article_language(a)) + len_of(byline_article_description(a));
    total += len_of(byline_article_canonical_url(a)) + len_of(byline_article_image(a));
    total += len_of(byline_article_platform(a));
    for (size_t i = 0, n = byline_article_author_count(a); i < n; i++) {
        total += len_of(byline_article_author_name(a, i)) + len_of(byline_article_author_url(a, i));
    }
    for (size_t i = 0, n = byline_article_tag_count(a); i < n; i++) {
        total += len_of(byline_article_tag(a, i));
    }
    for (size_t i = 0, n = byline_article_comments_len(a); i < n; i++) {
        total += len_of(byline_article_comment_author(a, i)) + len_of(byline_article_comment_date(a, i));
        total += len_of(byline_article_comment_date_raw(a, i)) + len_of(byline_article_comment_text(a, i));
    }
    for (BylineField f = BYLINE_FIELD_TITLE; f <= BYLINE_FIELD_COMMENTS; f++) {
        total += len_of(byline_article_source(a, f));
    }
    uint64_t n = 0;
    total += byline_article_view_count(a, &n) + byline_article_comment_count(a, &n) +
             byline_article_like_count(a, &n);
    char *json = byline_article_to_json(a);
    CHECK(json != NULL && json[0] == '{');
    byline_string_free(json);
    (void)total;
}

static void run(const char *name, Buf *b, const BylineOptions *options) {
    BylineArticle *a = NULL;
    BylineError *e = NULL;
    double t0 = now();
    BylineStatus st = byline_parse(b->data, b->len, options, &a, &e);
    if (st == BYLINE_OK) {
        read_all(a);
    }
    double took = now() - t0;
    printf("%-34s %8.3f s  %s\n", name, took,
           st == BYLINE_OK ? "ok" : byline_status_name(st));
    if (st != BYLINE_OK && st != BYLINE_ERR_TOO_LARGE) {
        fprintf(stderr, "%s: unexpected %s: %s\n", name, byline_status_name(st),
                byline_error_message(e));
        check_failures++;
    }
    CHECK((st == BYLINE_OK) == (a != NULL));
    if (limit_seconds > 0 && took > limit_seconds) {
        fprintf(stderr, "%s: took %.3f s, over %.0f s\n", name, took, limit_seconds);
        check_failures++;
    }
    byline_article_free(a);
    byline_error_free(e);
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

static uint64_t rng = 0x9e3779b97f4a7c15u;
static uint8_t next_byte(void) {
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (uint8_t)(rng >> 24);
}

int main(int argc, char **argv) {
    if (argc > 1) {
        scale = (size_t)strtoul(argv[1], NULL, 10);
        if (scale == 0) {
            scale = 1;
        }
    }
    if (argc > 2) {
        limit_seconds = strtod(argv[2], NULL);
    }
    Buf b = {0};
    char num[32];

    repeat(&b, "<div>", sc(200000));
    put(&b, "x");
    repeat(&b, "</div>", sc(200000));
    run("200k nested divs", &b, NULL);

    repeat(&b, "<b><i>", sc(250000));
    put(&b, "x");
    run("500k unclosed inline tags", &b, NULL);

    repeat(&b, "<table><tr><td>", sc(20000));
    put(&b, "x");
    run("20k nested tables", &b, NULL);

    put(&b, "<div title=\"");
    repeat(&b, "aaaaaaaaaa", sc(2000000));
    put(&b, "\">x</div>");
    run("20 MB attribute", &b, NULL);

    put(&b, "<p>");
    repeat(&b, "word ", sc(6000000));
    put(&b, "</p>");
    run("30 MB text node", &b, NULL);

    repeat(&b, "<p>para</p>", sc(1000000));
    run("a million paragraphs", &b, NULL);

    put(&b, "<div");
    for (size_t i = 0; i < sc(300000); i++) {
        snprintf(num, sizeof num, " a%zu=1", i);
        put(&b, num);
    }
    put(&b, ">x</div>");
    run("300k attributes on one tag", &b, NULL);

    repeat(&b, "&amp;&lt;&#x41;&notanentity;&#0;&#x110000;", sc(500000));
    run("entity flood", &b, NULL);

    put(&b, "<p>a</p><!--");
    repeat(&b, "x", sc(1000000));
    run("unterminated comment", &b, NULL);

    put(&b, "<svg><![CDATA[");
    repeat(&b, "x", sc(1000000));
    run("unterminated CDATA", &b, NULL);

    put(&b, "<script>");
    repeat(&b, "var a = '<div>';", sc(100000));
    run("unterminated script", &b, NULL);

    put_bytes(&b, "<html><title>t\0t</title><p>a\0b</p>", 35);
    for (size_t i = 0; i < sc(100000); i++) {
        put_bytes(&b, "", 1);
    }
    run("NUL bytes", &b, NULL);

    put(&b, "<meta charset=utf-8><title>bad \xff\xfe bytes</title><p>");
    for (size_t i = 0; i < sc(200000); i++) {
        uint8_t c = (uint8_t)(((uint32_t)i * 2654435761u) >> 24) | 0x80;
        put_bytes(&b, &c, 1);
    }
    run("invalid UTF-8", &b, NULL);

    {
        static const char *text = "<title>sixteen</title><p>UTF-16 page</p>";
        put_bytes(&b, "\xff\xfe", 2);
        for (const char *p = text; *p; p++) {
            uint8_t le[2] = {(uint8_t)*p, 0};
            put_bytes(&b, le, 2);
        }
        run("UTF-16LE with BOM", &b, NULL);
        for (const char *p = text; *p; p++) {
            uint8_t be[2] = {0, (uint8_t)*p};
            put_bytes(&b, be, 2);
        }
        run("UTF-16BE without BOM", &b, NULL);
    }

    put(&b, "<meta charset=shift_jis><title>caf\xc3\xa9</title><p>");
    repeat(&b, "\x82\xa0\xff\xfe", sc(10000));
    run("lying meta charset", &b, NULL);

    for (size_t i = 0; i < sc(2000000); i++) {
        uint8_t c = next_byte();
        put_bytes(&b, &c, 1);
    }
    run("random binary", &b, NULL);

    run("empty", &b, NULL);

    repeat(&b, " \n\t\r  \n", sc(1000));
    run("whitespace only", &b, NULL);

    put(&b, "<script type=\"application/ld+json\">");
    repeat(&b, "[", sc(100000));
    repeat(&b, "]", sc(100000));
    put(&b, "</script><p>x</p>");
    run("100k-deep JSON-LD arrays", &b, NULL);

    put(&b, "<script type=\"application/ld+json\">");
    repeat(&b, "{\"a\":", sc(100000));
    put(&b, "1");
    repeat(&b, "}", sc(100000));
    put(&b, "</script>");
    run("100k-deep JSON-LD objects", &b, NULL);

    repeat(&b, "<meta name=\"author\" content=\"x\"><meta property=\"og:title\" content=\"y\">",
           sc(150000));
    run("300k meta tags", &b, NULL);

    put(&b, "<article><h1>t</h1><p>");
    repeat(&b, "9", sc(100000));
    put(&b, " views</p><p>-5 views</p><p>Feb 31, 2021</p><time datetime=\"99999-99-99\">x</time>"
            "<p>Posted on 31/02/2020</p><p>");
    repeat(&b, "1,", sc(50000));
    put(&b, " comments</p></article>");
    run("absurd counts and dates", &b, NULL);

    repeat(&b, "<ul><li>", sc(100000));
    put(&b, "x");
    run("deep lists", &b, NULL);

    put(&b, "<article>");
    repeat(&b, "<span><em><a href=x>", sc(70000));
    put(&b, "text</article>");
    run("deep inline formatting in body", &b, NULL);

    /* Tight limits from the options on a deep page. */
    BylineOptions *o = byline_options_new();
    byline_options_set_max_nodes(o, 1000);
    byline_options_set_max_depth(o, 16);
    byline_options_set_max_attributes(o, 4);
    byline_options_set_max_json_ld_bytes(o, 64);
    repeat(&b, "<div a=1 b=2 c=3 d=4 e=5 f=6>", sc(200000));
    run("nested divs, tight limits", &b, o);
    byline_options_set_max_input_bytes(o, 1000);
    repeat(&b, "<p>x</p>", 1000);
    run("over max_input_bytes", &b, o);
    byline_options_free(o);

    struct rusage ru;
    if (getrusage(RUSAGE_SELF, &ru) == 0) {
        long peak_mib = ru.ru_maxrss / 1024; /* ru_maxrss is in KiB on Linux */
        printf("peak resident memory: %ld MiB\n", peak_mib);
        if (scale == 1 && peak_mib >= 1024) {
            fprintf(stderr, "hostile: peak memory %ld MiB, over 1 GiB\n", peak_mib);
            check_failures++;
        }
    }
    if (check_failures != 0) {
        fprintf(stderr, "hostile: %d check(s) failed\n", check_failures);
        return 1;
    }
    printf("hostile: all inputs handled\n");
    return 0;
}
