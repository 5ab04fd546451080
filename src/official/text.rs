//! Status pages' HTML made readable text: update bodies and feed entries
//! carry `<p>`, `<br />`, `<strong>` and entities. Tags are dropped (line
//! breaks and paragraphs become newlines), entities decoded, blank runs
//! collapsed. The result is plain text that pages escape when they show it,
//! so nothing a status page sends is ever rendered as markup; this only
//! has to read well, not to sanitise.
//!
//! Written here rather than with an HTML crate: the bodies are small and
//! simple, only text is wanted (no DOM), and the tree has no HTML parser.

/// The text of a named or numeric character reference (`amp`, `#39`,
/// `#x2019`), for the names status pages use.
pub fn entity(name: &str) -> Option<char> {
    let c = match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "middot" => '·',
        "bull" => '•',
        "copy" => '©',
        _ => {
            let n = if let Some(hex) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
                u32::from_str_radix(hex, 16).ok()?
            } else {
                name.strip_prefix('#')?.parse().ok()?
            };
            return char::from_u32(n).filter(|c| !c.is_control() || *c == '\n');
        }
    };
    Some(c)
}

/// Decodes the character references of `s`; an unknown one stays as it is.
pub fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let end = after
            .char_indices()
            .take(12)
            .find(|(_, c)| *c == ';')
            .map(|(i, _)| i);
        match end.and_then(|e| entity(&after[..e]).map(|c| (e, c))) {
            Some((e, c)) => {
                out.push(c);
                rest = &after[e + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Tags that end a line of text.
fn breaks_line(tag: &str) -> bool {
    let name: String = tag
        .trim_start_matches('/')
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase();
    matches!(
        name.as_str(),
        "br" | "p" | "div" | "li" | "ul" | "ol" | "tr" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6"
    )
}

/// HTML (or plain text) made readable: tags dropped, `<br>`, `<p>`, `<li>`
/// and the like become line breaks, entities decoded, spaces collapsed
/// within lines and runs of blank lines cut to one.
pub fn html_to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut tag: Option<String> = None;
    for c in html.chars() {
        match (&mut tag, c) {
            (None, '<') => tag = Some(String::new()),
            (Some(t), '>') => {
                out.push(if breaks_line(t) { '\n' } else { ' ' });
                tag = None;
            }
            (Some(t), c) => {
                if t.len() < 16 {
                    t.push(c);
                }
            }
            (None, c) => out.push(c),
        }
    }
    let decoded = decode_entities(&out);
    let mut lines: Vec<String> = Vec::new();
    for line in decoded.lines() {
        let words = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if !words.is_empty() || lines.last().is_some_and(|l| !l.is_empty()) {
            lines.push(words);
        }
    }
    while lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    lines.join("\n")
}

/// [`html_to_text`] on one line: line breaks become spaces.
pub fn one_line(html: &str) -> String {
    html_to_text(html)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_becomes_readable_lines() {
        assert_eq!(
            html_to_text(
                "<p><strong>Resolved</strong> - a&amp;b&nbsp;c</p><p>Next&#39;s<br />line</p>"
            ),
            "Resolved - a&b c\n\nNext's\nline"
        );
        assert_eq!(
            html_to_text("plain   words\n\n\n\nmore"),
            "plain words\n\nmore"
        );
        assert_eq!(html_to_text("a &bogus; &#x2019; &"), "a &bogus; ’ &");
        assert_eq!(one_line("<p>a</p><p>b</p>"), "a b");
    }

    #[test]
    fn markup_never_survives() {
        let t = html_to_text("<script>alert(1)</script><img src=x onerror=alert(1)>&lt;b&gt;");
        assert!(!t.contains("<script"), "{t}");
        assert!(!t.contains("<img"), "{t}");
        // Decoded text may hold '<': pages escape it when they show it.
        assert_eq!(t, "alert(1) <b>");
    }
}
