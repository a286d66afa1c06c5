// A small RAII wrapper over the byline C API (C++17). Header-only; link with -lbyline.
//
//     byline::Options opts;
//     opts.url("https://example.com/post/");
//     byline::Article a = byline::parse(html, &opts);   // throws byline::Error
//     if (auto t = a.title()) std::cout << *t << '\n';
//
// Every std::string_view returned by an Article borrows from it: it stays valid as long as that
// Article object lives (moving the Article keeps it valid; destroying it does not).
#ifndef BYLINE_HPP
#define BYLINE_HPP

#include <byline.h>

#include <cstdint>
#include <memory>
#include <new>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace byline {

/// A failed call: the C status code and its message.
class Error : public std::runtime_error {
  public:
    Error(BylineStatus code, const std::string &message)
        : std::runtime_error(message), code_(code) {}
    /// One of the BYLINE_ERR_* codes.
    BylineStatus code() const noexcept { return code_; }

  private:
    BylineStatus code_;
};

namespace detail {
struct ErrorFree {
    void operator()(BylineError *e) const noexcept { byline_error_free(e); }
};
struct OptionsFree {
    void operator()(BylineOptions *o) const noexcept { byline_options_free(o); }
};
struct ArticleFree {
    void operator()(BylineArticle *a) const noexcept { byline_article_free(a); }
};
struct StringFree {
    void operator()(char *s) const noexcept { byline_string_free(s); }
};

/// Throws `Error` for a failed status, taking ownership of the error object.
inline void check(BylineStatus status, BylineError *raw) {
    std::unique_ptr<BylineError, ErrorFree> err(raw);
    if (status == BYLINE_OK) {
        return;
    }
    const char *message = byline_error_message(err.get());
    throw Error(status, message != nullptr ? message : "byline: unknown error");
}

inline std::optional<std::string_view> opt(const char *s) {
    if (s == nullptr) {
        return std::nullopt;
    }
    return std::string_view(s);
}

inline std::optional<std::uint64_t> count(bool present, std::uint64_t n) {
    if (!present) {
        return std::nullopt;
    }
    return n;
}
}  // namespace detail

/// The library version, e.g. "0.1.0".
inline std::string_view version() { return byline_version(); }

/// Page URL, charset hint and limits. Movable, not copyable.
class Options {
  public:
    Options() : p_(byline_options_new()) {
        if (!p_) {
            throw std::bad_alloc();
        }
    }
    /// Sets the page URL; throws Error (BYLINE_ERR_INVALID_URL) when it is not absolute.
    Options &url(std::string_view url) {
        BylineError *err = nullptr;
        detail::check(byline_options_set_url(p_.get(), url.data(), url.size(), &err), err);
        return *this;
    }
    /// Sets the charset the page was served with (e.g. "windows-1251").
    Options &charset(std::string_view label) {
        BylineError *err = nullptr;
        detail::check(byline_options_set_charset(p_.get(), label.data(), label.size(), &err),
                      err);
        return *this;
    }
    Options &max_input_bytes(std::uint64_t v) {
        detail::check(byline_options_set_max_input_bytes(p_.get(), v), nullptr);
        return *this;
    }
    Options &max_nodes(std::uint64_t v) {
        detail::check(byline_options_set_max_nodes(p_.get(), v), nullptr);
        return *this;
    }
    Options &max_json_ld_bytes(std::uint64_t v) {
        detail::check(byline_options_set_max_json_ld_bytes(p_.get(), v), nullptr);
        return *this;
    }
    Options &max_depth(std::uint32_t v) {
        detail::check(byline_options_set_max_depth(p_.get(), v), nullptr);
        return *this;
    }
    Options &max_attributes(std::uint64_t v) {
        detail::check(byline_options_set_max_attributes(p_.get(), v), nullptr);
        return *this;
    }
    const BylineOptions *get() const noexcept { return p_.get(); }

  private:
    std::unique_ptr<BylineOptions, detail::OptionsFree> p_;
};

/// A date as ISO 8601 and as the page wrote it.
struct Date {
    std::string_view iso;
    std::string_view raw;
};

/// A credited author.
struct Author {
    std::string_view name;
    std::optional<std::string_view> url;
};

/// A reader comment.
struct Comment {
    std::optional<std::string_view> author;
    std::optional<std::string_view> date;
    std::string_view text;
};

/// An extracted article. Movable, not copyable; every view borrows from it.
class Article {
  public:
    std::optional<std::string_view> title() const { return opt(byline_article_title(get())); }
    std::vector<Author> authors() const {
        std::vector<Author> v;
        for (std::size_t i = 0, n = byline_article_author_count(get()); i < n; i++) {
            v.push_back({byline_article_author_name(get(), i),
                         opt(byline_article_author_url(get(), i))});
        }
        return v;
    }
    std::optional<Date> published() const {
        return date(byline_article_published(get()), byline_article_published_raw(get()));
    }
    std::optional<Date> updated() const {
        return date(byline_article_updated(get()), byline_article_updated_raw(get()));
    }
    std::optional<std::uint64_t> view_count() const {
        std::uint64_t n = 0;
        bool present = byline_article_view_count(get(), &n);
        return detail::count(present, n);
    }
    std::optional<std::uint64_t> comment_count() const {
        std::uint64_t n = 0;
        bool present = byline_article_comment_count(get(), &n);
        return detail::count(present, n);
    }
    std::optional<std::uint64_t> like_count() const {
        std::uint64_t n = 0;
        bool present = byline_article_like_count(get(), &n);
        return detail::count(present, n);
    }
    std::string_view text() const { return byline_article_text(get()); }
    std::string_view markdown() const { return byline_article_markdown(get()); }
    std::string_view html() const { return byline_article_html(get()); }
    std::optional<std::string_view> site_name() const {
        return opt(byline_article_site_name(get()));
    }
    std::optional<std::string_view> language() const {
        return opt(byline_article_language(get()));
    }
    std::optional<std::string_view> description() const {
        return opt(byline_article_description(get()));
    }
    std::optional<std::string_view> canonical_url() const {
        return opt(byline_article_canonical_url(get()));
    }
    std::optional<std::string_view> image() const { return opt(byline_article_image(get())); }
    std::optional<std::string_view> platform() const {
        return opt(byline_article_platform(get()));
    }
    std::vector<std::string_view> tags() const {
        std::vector<std::string_view> v;
        for (std::size_t i = 0, n = byline_article_tag_count(get()); i < n; i++) {
            v.emplace_back(byline_article_tag(get(), i));
        }
        return v;
    }
    std::vector<Comment> comments() const {
        std::vector<Comment> v;
        for (std::size_t i = 0, n = byline_article_comments_len(get()); i < n; i++) {
            v.push_back({opt(byline_article_comment_author(get(), i)),
                         opt(byline_article_comment_date(get(), i)),
                         byline_article_comment_text(get(), i)});
        }
        return v;
    }
    std::uint64_t word_count() const { return byline_article_word_count(get()); }
    /// Which page signal produced `field` (a BYLINE_FIELD_* constant), e.g. "json-ld".
    std::optional<std::string_view> source(BylineField field) const {
        return opt(byline_article_source(get(), field));
    }
    /// The whole article as JSON.
    std::string to_json() const {
        std::unique_ptr<char, detail::StringFree> s(byline_article_to_json(get()));
        if (!s) {
            throw Error(BYLINE_ERR_PANIC, "byline: JSON rendering failed");
        }
        return std::string(s.get());
    }
    const BylineArticle *get() const noexcept { return p_.get(); }

  private:
    friend Article parse(std::string_view, const Options *);
    explicit Article(BylineArticle *a) : p_(a) {}
    static std::optional<std::string_view> opt(const char *s) { return detail::opt(s); }
    static std::optional<Date> date(const char *iso, const char *raw) {
        if (iso == nullptr) {
            return std::nullopt;
        }
        return Date{iso, raw != nullptr ? raw : ""};
    }
    std::unique_ptr<BylineArticle, detail::ArticleFree> p_;
};

/// Extracts the article from the raw bytes of a page; throws Error on failure.
inline Article parse(std::string_view bytes, const Options *options = nullptr) {
    BylineArticle *out = nullptr;
    BylineError *err = nullptr;
    BylineStatus status =
        byline_parse(reinterpret_cast<const std::uint8_t *>(bytes.data()), bytes.size(),
                     options != nullptr ? options->get() : nullptr, &out, &err);
    detail::check(status, err);
    return Article(out);
}

}  // namespace byline

#endif  // BYLINE_HPP
