//! Patching the drawn map: zones, sites and labels are drawn once, with what
//! holds when the map opens; the effects here then write only the
//! attributes that change (the selection's highlight, names on a change of
//! language, visibility on a change of layers, positions and labels after a
//! redraw), so a click or a redraw touches a handful of nodes instead of
//! re-running a closure per feature.

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::super::access::spoken_name;
use super::super::context::{Ctx, Data};
use super::measure;
use crate::atlas::layers::ZoneKind;
use crate::atlas::Lang;
use crate::carto::labels::{self, LabelCandidate, Rect};
use crate::carto::scene::{Scene, SceneSite};
use crate::carto::style;
use crate::spatial::viewport::Viewport;
use crate::spatial::{LonLat, ScreenPoint};
use crate::state::layers::LayerSet;
use crate::state::Selection;

/// In 适老化 mode labels are this much larger (see public/style.css).
const CARE_LABEL_SCALE: f64 = 1.35;
/// Gap between a marker's centre and the near edge of its label.
const SITE_LABEL_OFFSET: f64 = 17.0;
/// Until the furniture is measured, labels stay this far above the bottom,
/// clear of the credits line.
const ATTRIBUTION_PX: f64 = 26.0;
/// The drawing follows a moving view by a CSS transform and is redrawn this
/// long after the view stops (at once when a drag or pinch ends).
const REDRAW_IDLE_MS: u64 = 120;
/// Beyond this zoom change (a drawing scaled 4×) it looks too coarse: redraw
/// at once. Smaller steps wait for the view to settle, so a run of wheel
/// steps costs one redraw, not one a level.
const REDRAW_ZOOM_STEP: f64 = 2.0;

/// The drawn layer groups the patches write into.
#[derive(Clone, Copy)]
pub(super) struct Groups {
    pub zones: NodeRef<leptos::svg::G>,
    pub shores: NodeRef<leptos::svg::G>,
    pub sites: NodeRef<leptos::svg::G>,
    pub labels: NodeRef<leptos::svg::G>,
    pub water: NodeRef<leptos::svg::G>,
}

impl Groups {
    pub fn new() -> Groups {
        Groups {
            zones: NodeRef::new(),
            shores: NodeRef::new(),
            sites: NodeRef::new(),
            labels: NodeRef::new(),
            water: NodeRef::new(),
        }
    }
}

/// A site's map label; an estimated position is marked "≈".
pub(super) fn site_label(site: &SceneSite, lang: Lang) -> String {
    let name = site.label.get(lang);
    if style::is_estimate(site.confidence) {
        format!("≈ {name}")
    } else {
        name.to_string()
    }
}

/// The class of a zone's outline drawn again over the water: the zone's own
/// classes (so a selection highlights it too) with no fill.
pub(super) fn shore_class(zone_class: &str) -> String {
    format!("{zone_class} zone--shore")
}

/// The axis-aligned box of a `width` × `height` label turned by `deg` degrees.
pub(super) fn rotated_box(width: f64, height: f64, deg: f64) -> (f64, f64) {
    let (sin, cos) = deg.to_radians().sin_cos();
    (width * cos.abs() + height * sin.abs(), width * sin.abs() + height * cos.abs())
}

/// How a zone or site is highlighted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Look {
    Plain,
    /// One of the selected theme's members.
    Member,
    Selected,
}

/// The look of every zone, then every site, in the scene's order.
pub(super) fn feature_looks(c: Ctx, scene: &Scene, sel: Option<&Selection>) -> Vec<Look> {
    let data = c.data();
    let members: &[String] = match sel {
        Some(Selection::Theme(t)) => data.catalogue.theme(t).map(|t| t.members.as_slice()).unwrap_or(&[]),
        _ => &[],
    };
    let look = |id: &str| {
        if sel.is_some_and(|s| s.is(id)) {
            Look::Selected
        } else if members.iter().any(|m| m == id) {
            Look::Member
        } else {
            Look::Plain
        }
    };
    scene.zones.iter().map(|z| look(&z.id)).chain(scene.sites.iter().map(|s| look(&s.id))).collect()
}

pub(super) fn feature_class(base: &str, look: Look) -> String {
    match look {
        Look::Plain => base.to_string(),
        Look::Member => format!("{base} is-member"),
        Look::Selected => format!("{base} is-selected"),
    }
}

pub(super) fn visibility(shown: bool) -> &'static str {
    if shown {
        "visible"
    } else {
        "hidden"
    }
}

pub(super) fn site_transform(v: &crate::spatial::viewport::Viewport, at: LonLat) -> String {
    v.project(at).map(|p| format!("translate({:.1} {:.1})", p.x, p.y)).unwrap_or_default()
}

/// A drawn layer group, once it is in the page.
pub(super) fn group(g: NodeRef<leptos::svg::G>) -> Option<web_sys::Element> {
    g.get().map(JsCast::unchecked_into)
}

/// Shows the keyboard's focus ring on the copy of the focused zone's outline
/// drawn over the water (`focused`: the element that has focus, if any), so
/// the ring runs along the whole outline, river bank included.
pub(super) fn mark_shore_focus(
    zones_g: NodeRef<leptos::svg::G>,
    shores_g: NodeRef<leptos::svg::G>,
    shore_zones: &[usize],
    focused: Option<web_sys::Element>,
) {
    let (Some(zg), Some(sg)) = (group(zones_g), group(shores_g)) else { return };
    let ringed = focused.filter(|f| f.matches(":focus-visible").unwrap_or(false));
    let index = ringed.and_then(|f| drawn_children(&zg).iter().position(|z| *z == f));
    for (el, &i) in drawn_children(&sg).iter().zip(shore_zones) {
        let list = el.class_list();
        let _ = if Some(i) == index { list.add_1("has-focus-ring") } else { list.remove_1("has-focus-ring") };
    }
}

/// The elements of a group, in the order they were drawn.
pub(super) fn drawn_children(g: &web_sys::Element) -> Vec<web_sys::Element> {
    let mut out = Vec::new();
    let mut next = g.first_element_child();
    while let Some(el) = next {
        next = el.next_element_sibling();
        out.push(el);
    }
    out
}

/// The selection's highlight: only features whose look changed are written.
pub(super) fn highlight(c: Ctx, data: &Arc<Data>, g: Groups, looks0: Vec<Look>) {
    let scene = Arc::clone(data);
    Effect::new(move |prev: Option<Vec<Look>>| {
        let looks = c.selected.with(|sel| feature_looks(c, &scene.scene, sel.as_ref()));
        let was = prev.unwrap_or_else(|| looks0.clone());
        let (Some(zg), Some(sg)) = (group(g.zones), group(g.sites)) else { return was };
        let s = &scene.scene;
        let bases = s.zones.iter().map(|z| z.class).chain(s.sites.iter().map(|s| s.class.as_str()));
        let els = drawn_children(&zg).into_iter().chain(drawn_children(&sg));
        for (((el, base), now), before) in els.zip(bases).zip(&looks).zip(&was) {
            if now != before {
                let _ = el.set_attribute("class", &feature_class(base, *now));
            }
        }
        if let Some(shg) = group(g.shores) {
            for (el, &i) in drawn_children(&shg).iter().zip(&s.shore_zones) {
                if looks[i] != was[i] {
                    let _ = el.set_attribute("class", &feature_class(&shore_class(s.zones[i].class), looks[i]));
                }
            }
        }
        looks
    });
}

/// Names for assistive technology, in the language shown; visibility by layer.
/// Every zone, then every site: its layer, and what it selects if it is a button.
pub(super) fn names_and_visibility(c: Ctx, data: &Arc<Data>, g: Groups, lang0: Lang, layers0: LayerSet) {
    let features: Vec<(Option<crate::state::Layer>, Option<Selection>)> = data
        .scene
        .zones
        .iter()
        .map(|z| (z.layer, (z.kind != ZoneKind::District).then(|| Selection::Zone(z.id.clone()))))
        .chain(data.scene.sites.iter().map(|s| (s.layer, Some(Selection::Site(s.id.clone())))))
        .collect();
    let shore_layers: Vec<Option<crate::state::Layer>> =
        data.scene.shore_zones.iter().map(|&i| data.scene.zones[i].layer).collect();
    Effect::new(move |prev: Option<(Lang, crate::state::layers::LayerSet)>| {
        let (lang, layers) = (c.lang.get(), c.layers.get());
        let was = prev.unwrap_or_else(|| (lang0, layers0.clone()));
        if let Some(shg) = group(g.shores) {
            for (el, layer) in drawn_children(&shg).iter().zip(&shore_layers) {
                if layers.shows(*layer) != was.1.shows(*layer) {
                    let _ = el.set_attribute("visibility", visibility(layers.shows(*layer)));
                }
            }
        }
        let (Some(zg), Some(sg)) = (group(g.zones), group(g.sites)) else { return was };
        let els = drawn_children(&zg).into_iter().chain(drawn_children(&sg));
        for (el, (layer, sel)) in els.zip(&features) {
            if layers.shows(*layer) != was.1.shows(*layer) {
                let _ = el.set_attribute("visibility", visibility(layers.shows(*layer)));
            }
            if let Some(sel) = sel.as_ref().filter(|_| lang != was.0) {
                let _ = el.set_attribute("aria-label", &spoken_name(c, sel));
            }
        }
        (lang, layers)
    });
}

/// Markers follow the drawn view.
pub(super) fn follow_markers(data: &Arc<Data>, g: Groups, drawn: RwSignal<Viewport>, drawn0: Viewport) {
    let scene = Arc::clone(data);
    Effect::new(move |prev: Option<crate::spatial::viewport::Viewport>| {
        let now = drawn.get();
        let was = prev.unwrap_or(drawn0);
        let Some(sg) = group(g.sites) else { return was };
        if now != was {
            for (el, site) in drawn_children(&sg).iter().zip(&scene.scene.sites) {
                let _ = el.set_attribute("transform", &site_transform(&now, site.position));
            }
        }
        now
    });
}

/// A centreline shows at small scales only (`SceneWater::shown_at`).
pub(super) fn water_visibility(data: &Arc<Data>, g: Groups, drawn: RwSignal<Viewport>) {
    let scene = Arc::clone(data);
    Effect::new(move |_| {
        let zoom = drawn.with(|v| v.zoom());
        let Some(wg) = group(g.water) else { return };
        for (el, w) in drawn_children(&wg).iter().zip(&scene.scene.water) {
            let _ = el.set_attribute("visibility", visibility(w.shown_at(zoom)));
        }
    });
}

/// Labels: zones and sites compete for space, the focus zone first; markers
/// are obstacles no label may cover.
pub(super) fn labels(
    c: Ctx,
    data: &Arc<Data>,
    g: Groups,
    drawn: RwSignal<Viewport>,
    lang0: Lang,
    sized: impl Fn() -> bool + Copy + 'static,
) {
    // The furniture over the map and the labels' drawn widths, measured in
    // the page (the widths a frame after the map first has its size, and
    // after the language or 适老化 mode changes, once the new text and styles
    // are laid out: measuring before would force a layout of a page still
    // being built); estimates until then.
    let furniture = RwSignal::new(None::<Vec<Rect>>);
    let widths = RwSignal::new(Vec::<f64>::new());
    Effect::new(move |watching: Option<bool>| {
        if watching != Some(true) {
            if let Some(lg) = group(g.labels) {
                measure::watch_furniture(&lg, furniture);
                return true;
            }
        }
        watching.unwrap_or(false)
    });
    Effect::new(move |_| {
        c.lang.track();
        c.care.track();
        if !sized() {
            return;
        }
        request_animation_frame(move || {
            // the map may have been unmounted by then
            if let Some(lg) = g.labels.try_get_untracked().flatten() {
                let _ = widths.try_set(measure::label_widths(lg.unchecked_ref()));
            }
        });
    });

    let scene = Arc::clone(data);
    let placement = Memo::new(move |_| {
        let v = drawn.get();
        let lang = c.lang.get();
        let layers = c.layers.get();
        let k = if c.care.get() { CARE_LABEL_SCALE } else { 1.0 };
        let s = &scene.scene;
        let none = ScreenPoint::new(f64::NAN, f64::NAN);
        let drawn_widths = widths.get();
        let width = |i: usize, estimate: f64| drawn_widths.get(i).copied().filter(|w| *w > 0.0).unwrap_or(estimate);
        let first_site = s.zones.len();
        let first_water = first_site + s.sites.len();
        let mut cands = Vec::with_capacity(first_water + s.water.len());
        for (i, z) in s.zones.iter().enumerate() {
            let (font, priority) = match z.kind {
                ZoneKind::Focus => (17.0, 0),
                ZoneKind::Cooperation => (14.0, 1),
                ZoneKind::District => (13.0, 3),
            };
            let font = font * k;
            let at = v.project(z.label_at).filter(|_| z.labelled && layers.shows(z.layer)).unwrap_or(none);
            let (w, h) = (width(i, labels::text_width(z.label.get(lang), font)), font * 1.3);
            // above and below its anchor, then also a quarter of its width aside
            let step = |dx: f64, dy: f64| ScreenPoint::new(at.x + w * dx, at.y + h * dy);
            let mut anchors = vec![at];
            for dy in [-1.6, 1.6, -3.2, 3.2] {
                anchors.push(step(0.0, dy));
            }
            for dy in [0.0, -1.6, 1.6, -3.2, 3.2] {
                anchors.extend([step(-0.25, dy), step(0.25, dy)]);
            }
            cands.push(LabelCandidate { anchors, width: w, height: h, priority });
        }
        let mut obstacles = Vec::with_capacity(s.sites.len());
        for (i, site) in s.sites.iter().enumerate() {
            let font = 12.0 * k;
            let w = width(first_site + i, labels::text_width(&site_label(site, lang), font));
            let at = v.project(site.position).filter(|_| layers.shows(site.layer)).unwrap_or(none);
            if at.x.is_finite() {
                obstacles.push(Rect::centred(at, 22.0 * k, 22.0 * k, 0.0));
            }
            let off = SITE_LABEL_OFFSET * k + w / 2.0;
            cands.push(LabelCandidate {
                anchors: vec![
                    ScreenPoint::new(at.x + off, at.y),
                    ScreenPoint::new(at.x - off, at.y),
                    ScreenPoint::new(at.x, at.y - 18.0),
                    ScreenPoint::new(at.x, at.y + 18.0),
                ],
                width: w,
                height: font * 1.3,
                priority: 2,
            });
        }
        // the legend, buttons, scale, inset and credits drawn over the map
        let bottom = furniture.with(|f| match f {
            Some(boxes) => {
                obstacles.extend_from_slice(boxes);
                0.0
            }
            None => ATTRIBUTION_PX,
        });
        for (i, w) in s.water.iter().enumerate() {
            let font = 15.0 * k;
            let at = v.project(w.label_at).filter(|_| w.shown_at(v.zoom())).unwrap_or(none);
            let length = width(first_water + i, labels::text_width(w.names.get(lang), font) * 1.2);
            let (width, height) = rotated_box(length, font * 1.3, w.label_angle_deg);
            cands.push(LabelCandidate { anchors: vec![at], width, height, priority: 3 });
        }
        labels::place(&cands, &obstacles, v.width(), v.height() - bottom, 3.0)
    });

    // Placed labels are moved and shown, the rest hidden; text follows the language.
    let scene = Arc::clone(data);
    Effect::new(move |prev: Option<(Vec<Option<ScreenPoint>>, Lang)>| {
        let lang = c.lang.get();
        let (was, was_lang) = prev.unwrap_or_else(|| (Vec::new(), lang0));
        let Some(lg) = group(g.labels) else { return (was, was_lang) };
        let s = &scene.scene;
        // Placement changes with every redraw; the text only with the language.
        let mut texts = (lang != was_lang).then(|| {
            s.zones
                .iter()
                .map(|z| z.label.get(lang).to_string())
                .chain(s.sites.iter().map(|s| site_label(s, lang)))
                .chain(s.water.iter().map(|w| w.names.get(lang).to_string()))
        });
        let first_water = s.zones.len() + s.sites.len();
        placement.with(|now| {
            for (i, el) in drawn_children(&lg).iter().enumerate() {
                let (p, before) = (now.get(i).copied().flatten(), was.get(i).copied().flatten());
                if let Some(p) = p.filter(|p| Some(*p) != before) {
                    let _ = el.set_attribute("x", &format!("{:.1}", p.x));
                    let _ = el.set_attribute("y", &format!("{:.1}", p.y));
                    if let Some(w) = i.checked_sub(first_water).and_then(|k| s.water.get(k)) {
                        let turn = format!("rotate({:.1} {:.1} {:.1})", w.label_angle_deg, p.x, p.y);
                        let _ = el.set_attribute("transform", &turn);
                    }
                }
                if p.is_some() != before.is_some() {
                    let _ = el.set_attribute("visibility", visibility(p.is_some()));
                }
                if let Some(text) = texts.as_mut().and_then(Iterator::next) {
                    el.set_text_content(Some(&text));
                }
            }
            (now.clone(), lang)
        })
    });
}

/// The drawn view: while `c.view` moves (drag, wheel, flight) the drawn SVG is
/// carried along by one composited CSS transform, so the browser repaints
/// nothing; paths, markers and labels are redrawn for the new view when it
/// settles.
#[derive(Clone, Copy)]
pub(super) struct Drawing {
    c: Ctx,
    /// The view the SVG is drawn for.
    pub drawn: RwSignal<Viewport>,
    svg: NodeRef<leptos::svg::Svg>,
    /// Bumped by every redraw and every view change that waits for one.
    redraws: StoredValue<u32>,
}

impl Drawing {
    pub fn new(c: Ctx, svg: NodeRef<leptos::svg::Svg>) -> Drawing {
        Drawing { c, drawn: RwSignal::new(c.view.get_untracked()), svg, redraws: StoredValue::new(0) }
    }

    /// Draws the view as it is now.
    pub fn redraw(self) {
        self.redraws.update_value(|n| *n = n.wrapping_add(1));
        let now = self.c.view.get_untracked();
        if self.drawn.get_untracked() != now {
            self.drawn.set(now);
        }
        if let Some(el) = self.svg.get_untracked() {
            let _ = el.style().remove_property("transform");
        }
    }

    /// Whether the drawing shows the view as it is.
    pub fn is_current(self) -> bool {
        self.drawn.get_untracked() == self.c.view.get_untracked()
    }

    /// Follows the view: carried by a CSS transform while it moves, redrawn
    /// once it has held still for [`REDRAW_IDLE_MS`] and no pointer is
    /// `pressed` (a drag or pinch redraws when it ends), or at once after a
    /// resize or a large zoom.
    pub fn follow(self, pressed: impl Fn() -> bool + Copy + 'static) {
        let (c, drawn, redraws) = (self.c, self.drawn, self.redraws);
        Effect::new(move |_| {
            let now = c.view.get();
            let was = drawn.get_untracked();
            let resized = now.width() != was.width() || now.height() != was.height();
            let el = self.svg.get_untracked();
            if now == was || resized || (now.zoom() - was.zoom()).abs() >= REDRAW_ZOOM_STEP || el.is_none() {
                self.redraw();
                return;
            }
            if let Some(el) = el {
                let _ = el.style().set_property("transform", &now.screen_map_from(&was).to_css());
            }
            let ticket = redraws.with_value(|n| n.wrapping_add(1));
            redraws.set_value(ticket);
            set_timeout(
                move || {
                    // a newer change waits its turn (and a map drawn anew meanwhile, none)
                    if redraws.try_get_value() == Some(ticket) && !pressed() {
                        self.redraw();
                    }
                },
                std::time::Duration::from_millis(REDRAW_IDLE_MS),
            );
        });
    }
}
