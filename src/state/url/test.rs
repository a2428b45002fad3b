use super::*;
use crate::state::Layer;

fn map_state() -> MapState {
    MapState {
        lang: Lang::En,
        selection: Some(Selection::Zone("z1".into())),
        layers: LayerSet::all(layers()),
        center: (120.2, 30.2),
        zoom: 12.5,
        care: true,
    }
}

#[test]
fn the_address_bar_and_the_qr_link_say_the_same_view() {
    let m = map_state();
    let opened =
        UrlState { embed: true, height: Some(500), lang: Some(Lang::ZhHant), zoom: Some(3.0), ..UrlState::default() };
    let presentation = UrlState { mode: Some(Mode::Kiosk), dwell: Some(12.0), ..UrlState::default() };
    let page = UrlState::of_page(&m, &opened, &presentation);
    let qr = UrlState::of_map(&m);
    // The view as it is now, not as the page was opened.
    for st in [&page, &qr] {
        assert_eq!(
            (st.lang, &st.selection, st.center, st.zoom),
            (Some(Lang::En), &m.selection, Some((120.2, 30.2)), Some(12.5))
        );
        assert_eq!(st.layers, None, "all layers on is the default");
    }
    // The page keeps its options, care mode and presentation; the QR link none of them.
    assert_eq!(
        (page.embed, page.height, page.care, page.mode, page.dwell),
        (true, Some(500), Some(true), Some(Mode::Kiosk), Some(12.0))
    );
    assert_eq!((qr.embed, qr.height, qr.care, qr.mode), (false, None, None, None));
    let off = MapState { layers: LayerSet::all(layers()).toggled(Layer(0)), care: false, ..m };
    assert!(UrlState::of_map(&off).layers.is_some());
    assert_eq!(UrlState::of_page(&off, &opened, &presentation).care, None);
}

fn layers() -> &'static Layers {
    Layers::bundled_for_tests()
}

#[test]
fn a_basemap_and_its_key_round_trip_and_a_bad_one_is_named() {
    let q = "?basemap=xyz%3Ahttps%3A%2F%2Ftiles.example.gov.cn%2F%7Bz%7D%2F%7Bx%7D%2F%7By%7D.png&tk=abc123";
    let (st, ignored) = UrlState::decode(q, layers());
    assert!(ignored.is_empty(), "{ignored:?}");
    let template = "https://tiles.example.gov.cn/{z}/{x}/{y}.png".to_string();
    let datum = crate::spatial::tiles::TileDatum::Wgs84;
    assert_eq!(st.basemap, Some(super::super::basemap::BasemapName::Xyz { template, datum }));
    assert_eq!(st.tk.as_deref(), Some("abc123"));
    assert_eq!(UrlState::decode(&st.encode(), layers()).0, st);
    let (st, ignored) = UrlState::decode("?basemap=google&tk=a%20b", layers());
    assert_eq!((st.basemap, st.tk), (None, None));
    let named: Vec<(&str, T)> = ignored.iter().map(|i| (i.param.as_str(), i.reason)).collect();
    assert_eq!(named, [("basemap", T::UrlBasemap), ("tk", T::UrlBasemapKey)]);
}

#[test]
fn view_all_opens_on_the_three_zones_and_round_trips() {
    let (st, ignored) = UrlState::decode("?view=all", layers());
    assert!(ignored.is_empty() && st.overview);
    assert_eq!(UrlState::decode(&st.encode(), layers()).0, st);
    let (st, ignored) = UrlState::decode("?view=everything", layers());
    assert!(!st.overview);
    assert_eq!(ignored.len(), 1);
    assert_eq!(ignored[0].reason, T::UrlView);
}

#[test]
fn a_full_link_decodes_to_its_parts() {
    let (st, ignored) =
        UrlState::decode("?lang=en&sel=zone:binjiang&layers=binjiang,lab&c=120.2,30.2&z=12.5", layers());
    assert!(ignored.is_empty());
    assert_eq!(st.lang, Some(Lang::En));
    assert_eq!(st.selection, Some(Selection::Zone("binjiang".into())));
    let layers = st.layers.unwrap();
    assert_eq!(layers.keys().collect::<Vec<_>>(), ["binjiang", "lab"]);
    assert_eq!(st.center, Some((120.2, 30.2)));
    assert_eq!(st.zoom, Some(12.5));
}

#[test]
fn encoding_then_decoding_gives_the_same_state() {
    let st = UrlState {
        lang: Some(Lang::ZhHant),
        selection: Some(Selection::Site("olympic-stadium".into())),
        layers: Some(LayerSet::all(layers()).with(Layer(0), false)),
        center: Some((120.21, 30.19)),
        zoom: Some(13.25),
        embed: true,
        fixed: true,
        origins: vec!["https://www.example.gov.cn".into(), "http://127.0.0.1:8081".into()],
        height: Some(480),
        care: Some(true),
        ..UrlState::default()
    };
    assert_eq!(UrlState::decode(&st.encode(), layers()).0, st);
    assert_eq!(UrlState::decode(&UrlState::default().encode(), layers()).0, UrlState::default());
    let off = UrlState { care: Some(false), ..UrlState::default() };
    assert_eq!(off.encode(), "care=0");
    assert_eq!(UrlState::decode(&off.encode(), layers()).0, off);
}

#[test]
fn care_mode_is_read_from_the_link_and_a_bad_value_is_named() {
    assert_eq!(UrlState::decode("care=1", layers()).0.care, Some(true));
    assert_eq!(UrlState::decode("care=off", layers()).0.care, Some(false));
    let (st, ignored) = UrlState::decode("care=maybe", layers());
    assert_eq!(st.care, None);
    assert_eq!(ignored[0].param, "care");
}

#[test]
fn bad_values_are_ignored_with_a_notice_naming_the_parameter() {
    let (st, ignored) = UrlState::decode("lang=fr&sel=zone:<script>&z=99&c=abc&layers=bogus&other=1", layers());
    assert_eq!(st, UrlState::default());
    let params: Vec<&str> = ignored.iter().map(|i| i.param.as_str()).collect();
    assert_eq!(params, ["lang", "sel", "z", "c", "layers"]);
}

#[test]
fn embed_options_decode_and_bad_origins_are_refused() {
    let (st, ignored) =
        UrlState::decode("embed=1&interactive=0&origins=https://a.gov.cn,http://localhost:8081&h=480", layers());
    assert!(ignored.is_empty());
    assert!(st.embed && st.fixed);
    assert_eq!(st.origins, vec!["https://a.gov.cn", "http://localhost:8081"]);
    assert_eq!(st.height, Some(480));
    let (st, ignored) = UrlState::decode("origins=javascript:alert(1)&h=5&embed=maybe", layers());
    assert!(st.origins.is_empty() && st.height.is_none() && !st.embed);
    assert_eq!(ignored.len(), 3);
    assert_eq!(UrlState::decode("origins=*", layers()).0.origins, vec!["*"]);
}

#[test]
fn an_embedded_map_is_asked_for_its_title_bar_and_tools_by_flags() {
    let (st, ignored) = UrlState::decode("embed=1&title=1&tools=1", layers());
    assert!(ignored.is_empty());
    assert!(st.title && st.tools);
    assert_eq!(UrlState::decode(&st.encode(), layers()).0, st);
    let (st, ignored) = UrlState::decode("title=yes&tools=0", layers());
    assert!(!st.title && !st.tools);
    assert_eq!(ignored.len(), 1);
    assert_eq!(ignored[0].param, "title");
}

#[test]
fn presentation_options_round_trip() {
    let st = UrlState {
        lang: Some(Lang::En),
        zoom: Some(12.0),
        mode: Some(Mode::Kiosk),
        dwell: Some(1.5),
        idle: Some(60.0),
        share: Some("https://map.example.org/binjiang/?from=qr&x=1".into()),
        ..UrlState::default()
    };
    let query = st.encode();
    assert!(query.contains("mode=kiosk&dwell=1.5&idle=60&share=https:%2F%2Fmap.example.org"), "{query}");
    assert_eq!(UrlState::decode(&query, layers()), (st, vec![]));
}

#[test]
fn bad_presentation_options_are_ignored_with_a_notice() {
    let (st, ignored) = UrlState::decode("mode=slides&dwell=-1&idle=NaN&share=javascript:alert(1)", layers());
    assert_eq!(st, UrlState::default());
    let params: Vec<&str> = ignored.iter().map(|i| i.param.as_str()).collect();
    assert_eq!(params, ["mode", "dwell", "idle", "share"]);
    let (st, ignored) = UrlState::decode("share=https://a.example/%22%3E%3Cscript%3E", layers());
    assert_eq!((st.share, ignored.len()), (None, 1));
}

#[test]
fn kiosk_timings_outside_their_range_are_refused_naming_the_range() {
    let (st, ignored) = UrlState::decode("mode=kiosk&dwell=0.05&idle=1", layers());
    assert_eq!((st.dwell, st.idle), (None, None));
    assert_eq!(ignored.len(), 2);
    let (dwell, idle) = (KioskTiming::DWELL_RANGE_S, KioskTiming::IDLE_RANGE_S);
    for (notice, range) in [(&ignored[0], dwell.clone()), (&ignored[1], idle.clone())] {
        let range_words = format!("from {} to {}", range.start(), range.end());
        // The notices (T::UrlDwell, T::UrlIdle) name the accepted range in every language.
        let reason = notice.reason.get(crate::atlas::Lang::En);
        assert!(reason.ends_with(&range_words), "{reason} should say {range_words}");
        for lang in [crate::atlas::Lang::ZhHans, crate::atlas::Lang::ZhHant] {
            let words = format!("{} 到 {}", range.start(), range.end());
            assert!(notice.reason.get(lang).ends_with(&words), "{} should say {words}", notice.reason.get(lang));
        }
    }
    for query in ["dwell=600.5", "idle=4.99", "idle=86400", "dwell=1e9"] {
        assert_eq!(UrlState::decode(query, layers()).1.len(), 1, "{query} is refused");
    }
    let (st, ignored) = UrlState::decode("dwell=1&idle=3600", layers());
    assert_eq!((st.dwell, st.idle, ignored.len()), (Some(*dwell.start()), Some(*idle.end()), 0));
}

#[test]
fn percent_escapes_decode_and_broken_ones_survive() {
    assert_eq!(percent_decode("zh%2DHant"), "zh-Hant");
    assert_eq!(percent_decode("a+b"), "a b");
    assert_eq!(percent_decode("100%"), "100%");
    assert_eq!(percent_decode("%zz%4"), "%zz%4");
    assert_eq!(percent_decode("%E6%BB%A8"), "滨");
}

#[cfg(not(target_arch = "wasm32"))]
mod props {
    use super::super::*;
    use super::{layers, Layer};
    use proptest::prelude::*;

    fn selection() -> impl Strategy<Value = Option<Selection>> {
        let id = "[a-z0-9][a-z0-9_-]{0,30}";
        prop_oneof![
            Just(None),
            id.prop_map(|i| Some(Selection::Zone(i))),
            id.prop_map(|i| Some(Selection::Site(i))),
            id.prop_map(|i| Some(Selection::Theme(i))),
        ]
    }

    fn state() -> impl Strategy<Value = UrlState> {
        (
            prop::option::of(prop::sample::select(Lang::ALL.to_vec())),
            selection(),
            prop::option::of(any::<u16>().prop_map(|bits| {
                (0..layers().len()).fold(LayerSet::none(layers()), |s, i| s.with(Layer(i), bits & (1 << i) != 0))
            })),
            prop::option::of((-179_99999i64..=179_99999, -84_99999i64..=84_99999)),
            prop::option::of(0u32..=2200),
            (any::<bool>(), any::<bool>(), prop::option::of(150u32..=4000)),
        )
            .prop_map(|(lang, selection, layers, c, z, (embed, fixed, height))| UrlState {
                lang,
                selection,
                layers,
                // values the encoder writes exactly (5 and 2 decimals)
                center: c.map(|(a, b)| (a as f64 / 1e5, b as f64 / 1e5)),
                zoom: z.map(|z| z as f64 / 100.0),
                embed,
                fixed,
                origins: Vec::new(),
                height,
                care: None,
                ..UrlState::default()
            })
    }

    proptest! {
        #[test]
        fn encoding_then_decoding_is_the_identity(st in state()) {
            let (back, ignored) = UrlState::decode(&st.encode(), layers());
            prop_assert!(ignored.is_empty(), "{:?}", ignored);
            prop_assert_eq!(back, st);
        }

        #[test]
        fn arbitrary_query_strings_never_panic(q in ".{0,200}") {
            let _ = UrlState::decode(&q, layers());
        }

        #[test]
        fn arbitrary_values_of_known_parameters_never_panic(
            k in prop::sample::select(vec!["lang", "sel", "layers", "c", "z", "embed", "interactive", "origins", "h"]),
            v in ".{0,80}",
        ) {
            let (st, ignored) = UrlState::decode(&format!("{k}={}", percent_encode(&v)), layers());
            // either understood or reported, never silently dropped
            prop_assert!(st != UrlState::default() || !ignored.is_empty() || v.is_empty() || k == "embed" || k == "interactive");
        }
    }
}
