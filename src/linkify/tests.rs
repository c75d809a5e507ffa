use super::Segment::{Link, Text};
use super::*;

fn text(s: &str) -> Segment {
    Text(s.to_owned())
}
fn link(s: &str) -> Segment {
    Link(s.to_owned())
}

#[test]
fn plain_text_stays_one_text_segment() {
    assert_eq!(
        linkify("Hello, my order is late."),
        vec![text("Hello, my order is late.")]
    );
    assert_eq!(linkify(""), vec![]);
}

#[test]
fn http_and_https_urls_become_links_inside_text() {
    assert_eq!(
        linkify("See https://lumio.example/orders/42?x=1#top and http://a.b now"),
        vec![
            text("See "),
            link("https://lumio.example/orders/42?x=1#top"),
            text(" and "),
            link("http://a.b"),
            text(" now"),
        ]
    );
    assert_eq!(
        linkify("HTTPS://LUMIO.EXAMPLE"),
        vec![link("HTTPS://LUMIO.EXAMPLE")]
    );
}

#[test]
fn punctuation_after_a_url_belongs_to_the_sentence() {
    assert_eq!(
        linkify("Go to https://lumio.example/help."),
        vec![
            text("Go to "),
            link("https://lumio.example/help"),
            text(".")
        ]
    );
    assert_eq!(
        linkify("(see https://lumio.example/a_(b)), ok?"),
        vec![
            text("(see "),
            link("https://lumio.example/a_(b)"),
            text("), ok?")
        ]
    );
    assert_eq!(
        linkify("«https://lumio.example/x»!"),
        vec![text("«"), link("https://lumio.example/x"), text("»!")]
    );
    assert_eq!(
        linkify("is it https://lumio.example?"),
        vec![text("is it "), link("https://lumio.example"), text("?")]
    );
}

#[test]
fn javascript_data_and_other_schemes_never_become_links() {
    for hostile in [
        "javascript:alert(1)",
        "JavaScript://%0aalert(1)",
        "data:text/html;base64,PHNjcmlwdD4=",
        "mailto:a@b.c",
        "ftp://files.example",
        "www.lumio.example",
        "javascript:fetch('https://evil.example')",
    ] {
        assert!(
            linkify(hostile)
                .iter()
                .all(|s| !matches!(s, Link(url) if !url.to_ascii_lowercase().starts_with("http"))),
            "{hostile}"
        );
    }
    assert_eq!(
        linkify("javascript:alert(1)"),
        vec![text("javascript:alert(1)")]
    );
    assert_eq!(
        linkify("xhttps://glued.example javascript:https://x.example"),
        vec![text("xhttps://glued.example javascript:https://x.example")]
    );
}

#[test]
fn a_scheme_without_a_host_or_with_markup_is_not_a_link() {
    assert_eq!(linkify("https:// nothing"), vec![text("https:// nothing")]);
    assert_eq!(linkify("http://"), vec![text("http://")]);
    assert_eq!(
        linkify("<a href=\"https://x.example\">y</a>"),
        vec![
            text("<a href=\""),
            link("https://x.example"),
            text("\">y</a>"),
        ]
    );
}

#[test]
fn accented_letters_near_where_a_scheme_could_start_are_plain_text() {
    let greeting = "Hello Amélie, I'm sorry about the delay.";
    assert_eq!(linkify(greeting), vec![text(greeting)]);
    assert_eq!(linkify("é"), vec![text("é")]);
    assert_eq!(linkify("ééhttps"), vec![text("ééhttps")]);
}

#[test]
fn text_around_links_keeps_every_character_including_non_ascii() {
    let input = "Merci ! https://lumio.example/é 🙂 fin";
    let joined: String = linkify(input)
        .into_iter()
        .map(|s| match s {
            Text(t) | Link(t) => t,
        })
        .collect();
    assert_eq!(joined, input);
    assert!(linkify(input).contains(&link("https://lumio.example/é")));
}
