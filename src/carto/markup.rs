//! Text written into HTML or SVG markup: the one escaping function for the map's
//! generated first view, its exports and the embed snippets.

/// Escapes text for HTML or XML, as element content or as an attribute value
/// in double or single quotes.
///
/// ```
/// use binjiang_map::carto::markup::escape;
///
/// assert_eq!(escape(r#"<a href="x">Tom's & Jerry's</a>"#), "&lt;a href=&quot;x&quot;&gt;Tom&#39;s &amp; Jerry&#39;s&lt;/a&gt;");
/// ```
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn markup_characters_become_references_and_others_stay() {
        assert_eq!(
            escape("\"><script>alert('1')</script>"),
            "&quot;&gt;&lt;script&gt;alert(&#39;1&#39;)&lt;/script&gt;"
        );
        assert_eq!(escape("滨江 · Binjiang"), "滨江 · Binjiang");
        assert_eq!(escape("&amp;"), "&amp;amp;");
    }
}
