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
mod tests;
