//! Parse an HTML file and print what byline found.
//!
//!     cargo run -p byline --example parse -- examples/pages/wix-post.html [URL]

use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: parse FILE [URL]");
        return ExitCode::from(2);
    };
    let html = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut parser = byline::Parser::new();
    if let Some(url) = args.next() {
        parser = match parser.url(&url) {
            Ok(p) => p,
            Err(e) => {
                eprintln!("{e}");
                return ExitCode::from(2);
            }
        };
    }
    let article = match parser.parse(&html) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    println!("title:     {}", article.title.as_deref().unwrap_or("-"));
    let names: Vec<&str> = article.authors.iter().map(|a| a.name.as_str()).collect();
    println!("authors:   {}", names.join(", "));
    let date = |d: &Option<byline::PageDate>| {
        d.as_ref()
            .map_or("-".to_owned(), |d| format!("{d} (page said {:?})", d.raw()))
    };
    println!("published: {}", date(&article.published));
    println!("updated:   {}", date(&article.updated));
    let count = |c: Option<u64>| c.map_or("-".to_owned(), |n| n.to_string());
    println!(
        "views:     {}   comments: {}",
        count(article.view_count),
        count(article.comment_count)
    );
    println!("site:      {}", article.site_name.as_deref().unwrap_or("-"));
    println!("words:     {}", article.word_count);
    println!(
        "sources:   title from {:?}, published from {:?}",
        article.sources.title, article.sources.published
    );
    println!("\n{}", article.markdown());
    ExitCode::SUCCESS
}
