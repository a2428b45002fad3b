//! The share and embed snippets: a link, an `<iframe>`, or a `<div>` plus the
//! `embed.js` loader, each reproducing exactly the options chosen.

use crate::atlas::Lang;
use crate::state::url::UrlState;
use crate::state::{LayerSet, Selection};

/// What a webmaster chose in the embed dialog.
#[derive(Clone, Debug, PartialEq)]
pub struct EmbedOptions {
    /// The map's address without query or fragment, e.g. `https://www.example.gov.cn/zt/binjiang/`.
    pub base_url: String,
    pub lang: Lang,
    pub selection: Option<Selection>,
    pub layers: LayerSet,
    pub height: u32,
    pub interactive: bool,
}

/// Escapes text for an HTML attribute value in double quotes.
pub fn escape_attr(s: &str) -> String {
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

/// The directory part of a URL (up to and including the last `/` of its path).
pub fn base_of(url: &str) -> String {
    let no_frag = url.split('#').next().unwrap_or(url);
    let no_query = no_frag.split('?').next().unwrap_or(no_frag);
    match no_query.rfind('/') {
        Some(i) if no_query[..i].contains("://") && i > no_query.find("://").unwrap_or(0) + 2 => {
            no_query[..=i].to_string()
        }
        _ => format!("{no_query}/"),
    }
}

impl EmbedOptions {
    fn state(&self, embed: bool) -> UrlState {
        UrlState {
            lang: Some(self.lang),
            selection: self.selection.clone(),
            layers: Some(self.layers).filter(|l| *l != LayerSet::all()),
            embed,
            fixed: !self.interactive,
            height: embed.then_some(self.height),
            ..UrlState::default()
        }
    }

    /// A link to the map as chosen, for sharing.
    pub fn link(&self) -> String {
        format!("{}?{}", self.base_url, self.state(false).encode())
    }

    /// The address the iframe loads.
    pub fn embed_url(&self) -> String {
        format!("{}?{}", self.base_url, self.state(true).encode())
    }

    /// A plain `<iframe>` snippet.
    pub fn iframe(&self, title: &str) -> String {
        format!(
            "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"{}\" loading=\"lazy\" allow=\"fullscreen\" referrerpolicy=\"strict-origin-when-cross-origin\"></iframe>",
            escape_attr(&self.embed_url()),
            escape_attr(title),
            self.height
        )
    }

    /// A `<div>` and the loader script, which inserts the iframe and keeps its
    /// height right.
    pub fn script(&self, title: &str) -> String {
        format!(
            "<div data-binjiang-map data-src=\"{}\" data-title=\"{}\" data-height=\"{}\"></div>\n<script src=\"{}embed.js\" async></script>",
            escape_attr(&self.embed_url()),
            escape_attr(title),
            self.height,
            escape_attr(&self.base_url)
        )
    }
}

#[cfg(test)]
mod test {
    use super::*;
    use crate::state::Layer;

    fn opts() -> EmbedOptions {
        EmbedOptions {
            base_url: "https://www.example.gov.cn/zt/binjiang/".into(),
            lang: Lang::En,
            selection: Some(Selection::Zone("binxiao".into())),
            layers: LayerSet::all().with(Layer::Districts, false),
            height: 480,
            interactive: false,
        }
    }

    fn query_of(snippet: &str) -> String {
        let start = snippet.find('?').unwrap() + 1;
        let end = snippet[start..].find('"').unwrap() + start;
        snippet[start..end].replace("&amp;", "&")
    }

    #[test]
    fn the_iframe_reproduces_every_option_chosen() {
        let o = opts();
        let (st, ignored) = UrlState::decode(&query_of(&o.iframe("Map")));
        assert!(ignored.is_empty());
        assert_eq!(st.lang, Some(Lang::En));
        assert_eq!(st.selection, o.selection);
        assert_eq!(st.layers, Some(o.layers));
        assert!(st.embed && st.fixed);
        assert_eq!(st.height, Some(480));
        assert!(o.iframe("Map").contains("height=\"480\""));
    }

    #[test]
    fn the_script_snippet_loads_embed_js_beside_the_map() {
        let s = opts().script("Map");
        assert!(s.contains("src=\"https://www.example.gov.cn/zt/binjiang/embed.js\""));
        assert_eq!(UrlState::decode(&query_of(&s)).0.selection, opts().selection);
    }

    #[test]
    fn titles_are_escaped_in_attributes() {
        let s = opts().iframe("\"><script>alert(1)</script>");
        assert!(!s.contains("<script>"));
        assert!(s.contains("&quot;&gt;&lt;script&gt;"));
    }

    #[test]
    fn the_base_is_the_directory_of_the_page() {
        assert_eq!(base_of("https://a.cn/zt/binjiang/?lang=en#x"), "https://a.cn/zt/binjiang/");
        assert_eq!(base_of("https://a.cn/zt/binjiang/index.html"), "https://a.cn/zt/binjiang/");
        assert_eq!(base_of("http://127.0.0.1:4173"), "http://127.0.0.1:4173/");
    }
}
