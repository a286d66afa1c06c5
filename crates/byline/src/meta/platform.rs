//! Platform detection: the generator meta tag decides; otherwise markup signatures (asset hosts,
//! data attributes, body classes, embedded JSON ids, a marker comment) are counted and the
//! platform with the most distinct signals wins. See `docs/platforms.md` of the project for
//! where each signal comes from. Nothing here is keyed to a site.

use crate::article::Platform;
use crate::dom::{Element, attr_bit};
use html5ever::LocalName;
use html5ever::local_name;

use super::scan::contains_ci;

/// Platforms in detection order (ties go to the earlier one).
const ORDER: [Platform; 15] = [
    Platform::Wix,
    Platform::Blogger,
    Platform::Medium,
    Platform::Substack,
    Platform::Ghost,
    Platform::Squarespace,
    Platform::Tumblr,
    Platform::Webflow,
    Platform::Hashnode,
    Platform::DevTo,
    Platform::WordPressCom,
    Platform::WordPress,
    Platform::Hugo,
    Platform::Jekyll,
    Platform::StaticSite,
];

fn slot(p: Platform) -> usize {
    ORDER.iter().position(|&q| q == p).unwrap_or(0)
}

/// Signals seen during the scan.
#[derive(Debug, Default)]
pub(crate) struct Hints {
    /// What a generator meta tag said.
    generator: Option<Platform>,
    /// Signal hits per platform (index: [`ORDER`]), capped.
    hits: [u16; 15],
    /// Signals already counted (bit per signal), so one signal repeated a thousand times
    /// counts once.
    seen: u64,
}

/// URL fragments that name a platform (hosts of its CDNs, paths of its software); matched
/// without regard to ASCII case. The index of a fragment is its signal number in [`Hints::hit`].
const URLS: [(&str, Platform); 20] = [
    ("static.parastorage.com", Platform::Wix),
    ("static.wixstatic.com", Platform::Wix),
    ("/wp-content/", Platform::WordPress),
    ("/wp-includes/", Platform::WordPress),
    ("s0.wp.com", Platform::WordPressCom),
    ("www.blogger.com/static", Platform::Blogger),
    ("blogger.googleusercontent.com", Platform::Blogger),
    ("bp.blogspot.com", Platform::Blogger),
    ("miro.medium.com", Platform::Medium),
    ("cdn-static-1.medium.com", Platform::Medium),
    ("substackcdn.com", Platform::Substack),
    ("static1.squarespace.com", Platform::Squarespace),
    ("squarespace-cdn.com", Platform::Squarespace),
    ("assets.tumblr.com", Platform::Tumblr),
    ("static.tumblr.com", Platform::Tumblr),
    ("website-files.com", Platform::Webflow),
    ("cdn.hashnode.com", Platform::Hashnode),
    ("dev-to-uploads", Platform::DevTo),
    ("/ghost/api/", Platform::Ghost),
    ("/content/images/", Platform::Ghost),
];

/// [`URLS`] as one automaton, so a URL is read once instead of once per fragment.
static URL_SET: std::sync::LazyLock<crate::text::Keywords> =
    std::sync::LazyLock::new(|| crate::text::keywords(URLS.iter().map(|(n, _)| n)));

/// The platforms whose class names [`class_signals`] reports (bit `k`: signal `26 + k`).
const CLASS_SIGNALS: [Platform; 6] = [
    Platform::Ghost,
    Platform::Substack,
    Platform::DevTo,
    Platform::Webflow,
    Platform::Blogger,
    Platform::WordPress,
];

/// The platform signatures among the tokens of a `class` attribute, as bits of
/// [`CLASS_SIGNALS`] (a pure function of the string: the scan reads each class string once).
pub(crate) fn class_signals(class: &str) -> u8 {
    let mut bits = 0;
    for t in class.split_ascii_whitespace() {
        bits |= match t {
            "gh-content" | "gh-article" | "gh-canvas" => 1,
            "pencraft" | "available-content" => 2,
            "crayons-article__body" | "crayons-article__header" => 4,
            "w-richtext" => 8,
            "post-outer" | "blog-posts" | "post-footer-line" => 16,
            "wp-block-post-content" | "wp-block-post-title" => 32,
            _ => 0,
        };
    }
    bits
}

/// The `data-` attributes [`Hints::element`] looks for, interned once.
static DATA_NAMES: std::sync::LazyLock<[LocalName; 5]> = std::sync::LazyLock::new(|| {
    [
        "data-wf-page",
        "data-wf-site",
        "data-content-field",
        "data-hook",
        "data-article-id",
    ]
    .map(LocalName::from)
});

impl Hints {
    fn hit(&mut self, p: Platform, signal: u32) {
        let bit = 1u64 << (signal % 64);
        if self.seen & bit == 0 {
            self.seen |= bit;
            let i = slot(p);
            self.hits[i] = self.hits[i].saturating_add(1);
        }
    }

    /// A `<meta name=generator>` value.
    pub(crate) fn generator(&mut self, g: &str) {
        let g = g.trim();
        let p = if contains_ci(g, "wix.com") {
            Platform::Wix
        } else if contains_ci(g, "wordpress.com") {
            Platform::WordPressCom
        } else if contains_ci(g, "wordpress") {
            Platform::WordPress
        } else if g.eq_ignore_ascii_case("blogger") || contains_ci(g, "blogger") {
            Platform::Blogger
        } else if contains_ci(g, "ghost") {
            Platform::Ghost
        } else if contains_ci(g, "hugo") {
            Platform::Hugo
        } else if contains_ci(g, "jekyll") {
            Platform::Jekyll
        } else if contains_ci(g, "webflow") {
            Platform::Webflow
        } else if contains_ci(g, "squarespace") {
            Platform::Squarespace
        } else if contains_ci(g, "medium") {
            Platform::Medium
        } else if contains_ci(g, "substack") {
            Platform::Substack
        } else if contains_ci(g, "hashnode") {
            Platform::Hashnode
        } else if contains_ci(g, "tumblr") {
            Platform::Tumblr
        } else if [
            "hexo",
            "eleventy",
            "gatsby",
            "pelican",
            "zola",
            "docusaurus",
            "vuepress",
            "vitepress",
            "astro",
            "middleman",
            "nikola",
            "hakyll",
            "mkdocs",
            "publii",
        ]
        .iter()
        .any(|s| contains_ci(g, s))
        {
            Platform::StaticSite
        } else {
            return;
        };
        // WordPress.com beats a plain "WordPress x.y" generator seen on the same page.
        if self.generator.is_none() || p == Platform::WordPressCom {
            self.generator = Some(p);
        }
    }

    /// A URL from `src` or `href`: one pass of [`URL_SET`] over it.
    pub(crate) fn url(&mut self, u: &str) {
        crate::text::each_match(&URL_SET, u, |i, _| {
            if let Some((_, p)) = URLS.get(i) {
                self.hit(*p, i as u32);
            }
        });
    }

    /// An HTML comment.
    pub(crate) fn comment(&mut self, c: &str) {
        if c.len() < 200 && contains_ci(c, "This is Squarespace") {
            self.hit(Platform::Squarespace, 20);
        }
    }

    /// The id of an embedded JSON script.
    pub(crate) fn json_id(&mut self, id: &str) {
        if id.starts_with("wix-") {
            self.hit(Platform::Wix, 21);
        }
    }

    /// The attributes of `<body>`.
    pub(crate) fn body_attrs(&mut self, e: &Element) {
        if let Some(c) = e.attr(&local_name!("class"))
            && c.split_ascii_whitespace()
                .any(|t| t == "single-post" || t.starts_with("postid-") || t == "wp-singular")
        {
            self.hit(Platform::WordPress, 22);
        }
    }

    /// Any element of the body; `class_signals` is [`class_signals`] of its class.
    pub(crate) fn element(&mut self, e: &Element, class_signals: u8) {
        // The `data-` attributes, in one pass over the attributes.
        let mut article_id = false;
        // Each is an attribute without a bit of its own: most elements have none. Names
        // compare as interned atoms, without reading them as strings.
        if e.has & attr_bit::OTHER != 0 {
            let names = &*DATA_NAMES;
            for a in &e.attrs {
                if !a.name.ns.is_empty() {
                    continue;
                }
                let name = &a.name.local;
                if *name == names[0] || *name == names[1] {
                    self.hit(Platform::Webflow, 23);
                } else if *name == names[2] {
                    self.hit(Platform::Squarespace, 24);
                } else if *name == names[3] {
                    if &*a.value == "post-page" {
                        self.hit(Platform::Wix, 25);
                    }
                } else if *name == names[4] {
                    article_id = true;
                }
            }
        }
        // Most elements have no signature class: no pass over the platforms for them.
        if class_signals != 0 {
            for (k, &p) in CLASS_SIGNALS.iter().enumerate() {
                if class_signals & (1 << k) != 0 {
                    self.hit(p, 26 + k as u32);
                }
            }
        }
        if e.name.local == local_name!("a")
            && let Some(h) = e.attr(&local_name!("href"))
            && contains_ci(h, "hashnode.com")
        {
            self.hit(Platform::Hashnode, 32);
        }
        if let Some(id) = e.attr(&local_name!("id")) {
            match id {
                "Blog1" => self.hit(Platform::Blogger, 33),
                "article-body" if article_id => self.hit(Platform::DevTo, 34),
                _ => {}
            }
        }
    }

    /// The platform the signals name, if any. `host` is the page URL's host.
    pub(crate) fn decide(&self, host: Option<&str>) -> Option<Platform> {
        let host_platform = host.and_then(|h| {
            let h = h.to_ascii_lowercase();
            if h.ends_with(".wordpress.com") {
                Some(Platform::WordPressCom)
            } else if h.ends_with(".blogspot.com") || h.contains(".blogspot.") {
                Some(Platform::Blogger)
            } else if h == "medium.com" || h.ends_with(".medium.com") {
                Some(Platform::Medium)
            } else if h.ends_with(".substack.com") {
                Some(Platform::Substack)
            } else if h.ends_with(".tumblr.com") {
                Some(Platform::Tumblr)
            } else if h.ends_with(".hashnode.dev") {
                Some(Platform::Hashnode)
            } else if h == "dev.to" {
                Some(Platform::DevTo)
            } else {
                None
            }
        });
        match (self.generator, host_platform) {
            (Some(Platform::WordPress), Some(Platform::WordPressCom)) => {
                return Some(Platform::WordPressCom);
            }
            (Some(g), _) => return Some(g),
            (None, Some(h)) => return Some(h),
            _ => {}
        }
        let (best, hits) = self
            .hits
            .iter()
            .enumerate()
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(&a.0)))?;
        if *hits == 0 {
            return None;
        }
        let p = ORDER.get(best).copied()?;
        // A WordPress site that loads wp.com assets (Jetpack) stays WordPress.
        if p == Platform::WordPressCom && self.hits[slot(Platform::WordPress)] > 0 {
            return Some(Platform::WordPress);
        }
        Some(p)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generator_decides() {
        let mut h = Hints::default();
        h.url("https://example.test/wp-content/x.css");
        h.generator("Wix.com Website Builder");
        assert_eq!(h.decide(None), Some(Platform::Wix));
        let mut h = Hints::default();
        h.generator("WordPress 6.4");
        assert_eq!(
            h.decide(Some("x.wordpress.com")),
            Some(Platform::WordPressCom)
        );
    }

    #[test]
    fn signatures_count() {
        let mut h = Hints::default();
        assert_eq!(h.decide(None), None);
        h.url("https://static1.squarespace.com/static/a.js");
        h.comment(" This is Squarespace. ");
        h.url("https://example.test/wp-content/plugin.js");
        assert_eq!(h.decide(None), Some(Platform::Squarespace));
    }
}
