//! The share and embed snippets: a link, an `<iframe>`, or a `<div>` plus the
//! `embed.js` loader, each reproducing exactly the options chosen; and the
//! size the dialog previews the embedded map at.

use crate::atlas::Lang;
use crate::carto::markup::escape;
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
    /// The map shows its own title bar (`title=1`); by default the host page gives the title.
    pub title: bool,
    /// The presenter's actions (tour, QR code, export, share) are offered (`tools=1`).
    pub tools: bool,
    /// The basemap the map was opened with (`basemap=`, `tk=`), kept in the snippet.
    pub basemap: Option<crate::state::basemap::BasemapName>,
    pub tk: Option<String>,
}

/// The frames the dialog previews a snippet in: phones, or the width of a
/// typical article column at the height chosen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PreviewSize {
    /// A small phone's share of a page (360×480).
    PhoneSmall,
    /// A phone's whole screen (390×844).
    PhoneTall,
    /// An article column (640 px) at the height chosen.
    Custom,
}

impl PreviewSize {
    pub const ALL: [PreviewSize; 3] = [PreviewSize::PhoneSmall, PreviewSize::PhoneTall, PreviewSize::Custom];
    /// Width of the column a custom-height preview is shown in.
    pub const COLUMN_PX: u32 = 640;

    pub fn key(self) -> &'static str {
        match self {
            PreviewSize::PhoneSmall => "360x480",
            PreviewSize::PhoneTall => "390x844",
            PreviewSize::Custom => "custom",
        }
    }

    pub fn from_key(k: &str) -> Option<PreviewSize> {
        PreviewSize::ALL.into_iter().find(|p| p.key() == k)
    }

    /// The preset's height; `None` for a custom height.
    pub fn height(self) -> Option<u32> {
        match self {
            PreviewSize::PhoneSmall => Some(480),
            PreviewSize::PhoneTall => Some(844),
            PreviewSize::Custom => None,
        }
    }

    /// The frame (width, height) in CSS px for the height chosen.
    pub fn frame(self, height: u32) -> (u32, u32) {
        match self {
            PreviewSize::PhoneSmall => (360, 480),
            PreviewSize::PhoneTall => (390, 844),
            PreviewSize::Custom => (Self::COLUMN_PX, height),
        }
    }

    /// The preset a height matches, else custom.
    pub fn of_height(height: u32) -> PreviewSize {
        PreviewSize::ALL.into_iter().find(|p| p.height() == Some(height)).unwrap_or(PreviewSize::Custom)
    }
}

/// The scale that fits a `frame` into `room` (both width, height), never
/// enlarging; 1 when the room is unknown.
pub fn preview_scale(frame: (u32, u32), room: (f64, f64)) -> f64 {
    let (fw, fh) = (f64::from(frame.0.max(1)), f64::from(frame.1.max(1)));
    let (rw, rh) = room;
    if !(rw.is_finite() && rh.is_finite()) || rw <= 0.0 || rh <= 0.0 {
        return 1.0;
    }
    (rw / fw).min(rh / fh).min(1.0)
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
            layers: Some(self.layers.clone()).filter(|l| !l.is_all()),
            embed,
            fixed: !self.interactive,
            height: embed.then_some(self.height),
            title: embed && self.title,
            tools: embed && self.tools,
            basemap: self.basemap.clone(),
            tk: self.tk.clone(),
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
            escape(&self.embed_url()),
            escape(title),
            self.height
        )
    }

    /// A `<div>` and the loader script, which inserts the iframe and keeps its
    /// height right.
    pub fn script(&self, title: &str) -> String {
        format!(
            "<div data-binjiang-map data-src=\"{}\" data-title=\"{}\" data-height=\"{}\"></div>\n<script src=\"{}embed.js\" async></script>",
            escape(&self.embed_url()),
            escape(title),
            self.height,
            escape(&self.base_url)
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
            layers: LayerSet::all(crate::state::Layers::bundled_for_tests()).with(Layer(0), false),
            height: 480,
            interactive: false,
            title: false,
            tools: false,
            basemap: None,
            tk: None,
        }
    }

    #[test]
    fn the_basemap_and_its_key_are_kept_in_the_snippet() {
        let o = EmbedOptions {
            basemap: Some(crate::state::basemap::BasemapName::TiandituVec),
            tk: Some("abc123".into()),
            ..opts()
        };
        assert!(o.embed_url().contains("basemap=tianditu-vec&tk=abc123"), "{}", o.embed_url());
        assert!(!opts().embed_url().contains("basemap"));
    }

    fn query_of(snippet: &str) -> String {
        let start = snippet.find('?').unwrap() + 1;
        let end = snippet[start..].find('"').unwrap() + start;
        snippet[start..end].replace("&amp;", "&")
    }

    #[test]
    fn the_iframe_reproduces_every_option_chosen() {
        let o = opts();
        let (st, ignored) = UrlState::decode(&query_of(&o.iframe("Map")), crate::state::Layers::bundled_for_tests());
        assert!(ignored.is_empty());
        assert_eq!(st.lang, Some(Lang::En));
        assert_eq!(st.selection, o.selection);
        assert_eq!(st.layers, Some(o.layers.clone()));
        assert!(st.embed && st.fixed);
        assert_eq!(st.height, Some(480));
        assert!(o.iframe("Map").contains("height=\"480\""));
    }

    #[test]
    fn title_bar_and_tools_are_off_unless_chosen_and_then_reproduced() {
        let o = opts();
        let st = UrlState::decode(&query_of(&o.iframe("Map")), crate::state::Layers::bundled_for_tests()).0;
        assert!(!st.title && !st.tools);
        let o = EmbedOptions { title: true, tools: true, ..opts() };
        let st = UrlState::decode(&query_of(&o.script("Map")), crate::state::Layers::bundled_for_tests()).0;
        assert!(st.title && st.tools);
        // a plain link opens the full page, which has both anyway
        assert!(!o.link().contains("title=") && !o.link().contains("tools="));
    }

    #[test]
    fn the_preview_fits_the_frame_into_the_room_without_enlarging_it() {
        assert_eq!(PreviewSize::PhoneSmall.frame(600), (360, 480));
        assert_eq!(PreviewSize::Custom.frame(600), (PreviewSize::COLUMN_PX, 600));
        assert_eq!(PreviewSize::of_height(844), PreviewSize::PhoneTall);
        assert_eq!(PreviewSize::of_height(560), PreviewSize::Custom);
        for p in PreviewSize::ALL {
            assert_eq!(PreviewSize::from_key(p.key()), Some(p));
        }
        assert_eq!(preview_scale((360, 480), (720.0, 960.0)), 1.0);
        assert!((preview_scale((390, 844), (500.0, 422.0)) - 0.5).abs() < 1e-9);
        assert!((preview_scale((640, 400), (320.0, 900.0)) - 0.5).abs() < 1e-9);
        assert_eq!(preview_scale((360, 480), (f64::NAN, 100.0)), 1.0);
        assert_eq!(preview_scale((360, 480), (0.0, 100.0)), 1.0);
    }

    #[test]
    fn the_script_snippet_loads_embed_js_beside_the_map() {
        let s = opts().script("Map");
        assert!(s.contains("src=\"https://www.example.gov.cn/zt/binjiang/embed.js\""));
        assert_eq!(
            UrlState::decode(&query_of(&s), crate::state::Layers::bundled_for_tests()).0.selection,
            opts().selection
        );
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
