//! Splits untrusted message text into plain text and http(s) links. Nothing else ever becomes a
//! link: no `javascript:`, `data:`, `mailto:` or bare domains. The view renders every segment as a
//! text node; a link's text is its URL.

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    Text(String),
    /// An `http://` or `https://` URL, safe to use as an `href`.
    Link(String),
}

/// Characters that end a URL wherever they appear.
fn ends_url(c: char) -> bool {
    c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | '"' | '`')
}

/// Punctuation that belongs to the sentence, not the URL, when it is the URL's last character.
fn trailing_punctuation(c: char) -> bool {
    matches!(
        c,
        '.' | ',' | ';' | ':' | '!' | '?' | '\'' | '«' | '»' | '“' | '”' | '’' | '…'
    )
}

/// Where an `http://` or `https://` URL starts at `at`, not glued to a preceding word or scheme.
fn scheme_len(text: &str, at: usize) -> Option<usize> {
    let rest = &text[at..];
    let starts = |scheme: &str| {
        rest.get(..scheme.len())
            .is_some_and(|start| start.eq_ignore_ascii_case(scheme))
    };
    let len = if starts("https://") {
        8
    } else if starts("http://") {
        7
    } else {
        return None;
    };
    let glued = text[..at]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || matches!(c, ':' | '/' | '.' | '-' | '_' | '@'));
    (!glued).then_some(len)
}

/// The URL starting at `at` (after its scheme check): up to a separator, minus trailing
/// punctuation and unbalanced closing brackets.
fn url_end(text: &str, at: usize, scheme: usize) -> Option<usize> {
    let mut end = text[at..]
        .char_indices()
        .find(|&(_, c)| ends_url(c))
        .map_or(text.len(), |(i, _)| at + i);
    loop {
        let url = &text[at..end];
        let Some(last) = url.chars().next_back() else {
            break;
        };
        let unbalanced = |open: char, close: char| {
            last == close && url.matches(close).count() > url.matches(open).count()
        };
        if trailing_punctuation(last)
            || unbalanced('(', ')')
            || unbalanced('[', ']')
            || unbalanced('{', '}')
        {
            end -= last.len_utf8();
        } else {
            break;
        }
    }
    // A link needs a host: at least one letter or digit right after the scheme.
    text[at + scheme..end]
        .chars()
        .next()
        .is_some_and(char::is_alphanumeric)
        .then_some(end)
}

pub fn linkify(text: &str) -> Vec<Segment> {
    let mut segments = Vec::new();
    let mut plain_from = 0;
    let mut at = 0;
    while at < text.len() {
        if let Some(end) = scheme_len(text, at).and_then(|scheme| url_end(text, at, scheme)) {
            if plain_from < at {
                segments.push(Segment::Text(text[plain_from..at].to_owned()));
            }
            segments.push(Segment::Link(text[at..end].to_owned()));
            plain_from = end;
            at = end;
        } else {
            at += text[at..].chars().next().map_or(1, char::len_utf8);
        }
    }
    if plain_from < text.len() {
        segments.push(Segment::Text(text[plain_from..].to_owned()));
    }
    segments
}

#[cfg(test)]
mod tests {
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
                linkify(hostile).iter().all(
                    |s| !matches!(s, Link(url) if !url.to_ascii_lowercase().starts_with("http"))
                ),
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
}
