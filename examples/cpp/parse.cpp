// Parse an HTML file with libbyline through the RAII wrapper byline.hpp and print every field;
// the report is byte for byte the one of examples/c/parse.c.
//
//     parse FILE [URL]
//
// Build: c++ -std=c++17 -Wall -Wextra -Iexamples/cpp parse.cpp $(pkg-config --cflags --libs byline)
#include "byline.hpp"

#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

namespace {

std::string_view or_dash(std::optional<std::string_view> s) { return s ? *s : "-"; }

void print_count(const char *label, std::optional<std::uint64_t> n) {
    std::cout << label << ": ";
    if (n) {
        std::cout << *n << '\n';
    } else {
        std::cout << "-\n";
    }
}

void print_date(const char *label, const std::optional<byline::Date> &d) {
    std::cout << label << ": ";
    if (d) {
        std::cout << d->iso << " (page: " << d->raw << ")\n";
    } else {
        std::cout << "-\n";
    }
}

constexpr std::pair<BylineField, const char *> FIELDS[] = {
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

void print_article(const byline::Article &a) {
    std::cout << "title: " << or_dash(a.title()) << '\n';
    auto authors = a.authors();
    std::cout << "authors: " << authors.size() << '\n';
    for (std::size_t i = 0; i < authors.size(); i++) {
        std::cout << "  author " << i << ": " << authors[i].name << " <"
                  << or_dash(authors[i].url) << ">\n";
    }
    print_date("published", a.published());
    print_date("updated", a.updated());
    print_count("views", a.view_count());
    print_count("comment count", a.comment_count());
    print_count("likes", a.like_count());
    std::cout << "site: " << or_dash(a.site_name()) << '\n'
              << "language: " << or_dash(a.language()) << '\n'
              << "description: " << or_dash(a.description()) << '\n'
              << "canonical: " << or_dash(a.canonical_url()) << '\n'
              << "image: " << or_dash(a.image()) << '\n'
              << "platform: " << or_dash(a.platform()) << '\n';
    auto tags = a.tags();
    std::cout << "tags: " << tags.size() << '\n';
    for (std::size_t i = 0; i < tags.size(); i++) {
        std::cout << "  tag " << i << ": " << tags[i] << '\n';
    }
    std::cout << "words: " << a.word_count() << '\n';
    auto comments = a.comments();
    std::cout << "reader comments: " << comments.size() << '\n';
    for (std::size_t i = 0; i < comments.size(); i++) {
        std::cout << "  comment " << i << ": " << or_dash(comments[i].author) << ", "
                  << or_dash(comments[i].date) << ": " << comments[i].text << '\n';
    }
    for (const auto &[field, name] : FIELDS) {
        std::cout << "source " << name << ": " << or_dash(a.source(field)) << '\n';
    }
    std::string json = a.to_json();
    std::cout << "json: " << (!json.empty() && json[0] == '{' ? "object" : "missing") << '\n';
    std::cout << "text: " << a.text().size() << " bytes\n";
    std::cout << "html: " << a.html().size() << " bytes\n";
    std::cout << "--- markdown\n" << a.markdown();
}

}  // namespace

int main(int argc, char **argv) {
    if (argc < 2 || argc > 3) {
        std::cerr << "usage: " << argv[0] << " FILE [URL]\n";
        return 2;
    }
    byline::Options options;
    if (argc == 3) {
        try {
            options.url(argv[2]);
        } catch (const byline::Error &e) {
            std::cerr << byline_status_name(e.code()) << ": " << e.what() << '\n';
            return 2;
        }
    }
    std::ifstream in(argv[1], std::ios::binary);
    if (!in) {
        std::cerr << argv[1] << ": cannot open\n";
        return 1;
    }
    std::string html((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    try {
        byline::Article article = byline::parse(html, &options);
        print_article(article);
    } catch (const byline::Error &e) {
        std::cerr << argv[1] << ": " << byline_status_name(e.code()) << ": " << e.what() << '\n';
        return 1;
    }
    return 0;
}
