//! The map's own settings, from the content file `map.toml`: its title, the
//! short title for narrow title bars, the credits line, the map-review number
//! (审图号) and the view it opens on. A keeper changes them like any content,
//! with no build.
//!
//! Each setting is optional: one left out, or one with a fault (reported,
//! naming the file, its line and the setting), falls back to the product's
//! own default (the interface's words in [`crate::state::text`], the focus
//! zone for the home view, no review number).

use super::basemap::{parse_key, parse_name, BasemapName};
use super::review::parse_review_number;
use super::text::T;
use crate::atlas::records::{line_of, Fields};
use crate::atlas::validate::HANGZHOU_BOUNDS;
use crate::atlas::{DataError, ErrorKind, Lang, Names};
use crate::spatial::Bounds;

/// The settings file's deployed name.
pub const FILE: &str = "map.toml";

/// What `map.toml` sets; `None` where the default applies.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Settings {
    pub title: Option<Names>,
    pub short_title: Option<Names>,
    pub attribution: Option<Names>,
    pub review_number: Option<String>,
    /// The view the map opens on and returns to (WGS-84 degrees).
    pub home: Option<Bounds>,
    /// The basemap under the map (see `state::basemap`); none unless set.
    pub basemap: Option<BasemapName>,
    /// The site's 天地图 key.
    pub basemap_key: Option<String>,
}

/// The file as written; every field optional.
struct Raw {
    version: Option<toml::Spanned<()>>,
    title: Option<toml::Spanned<Names>>,
    short_title: Option<toml::Spanned<Names>>,
    attribution: Option<toml::Spanned<Names>>,
    review_number: Option<toml::Spanned<String>>,
    home: Option<toml::Spanned<[f64; 4]>>,
    basemap: Option<toml::Spanned<String>>,
    basemap_key: Option<toml::Spanned<String>>,
}

impl Raw {
    /// The settings of `text`, or what is wrong with the file: where, and what.
    fn read(text: &str) -> Result<Raw, (ErrorKind, usize, String)> {
        let root = toml::de::DeTable::parse(text)
            .map_err(|e| (ErrorKind::Syntax, e.span().map_or(0, |s| s.start), e.message().to_owned()))?;
        let mut f = Fields::new(root.get_ref(), 0);
        let spanned_text = |f: &mut Fields, key: &'static str| {
            let span = f.value(key).map(|v| v.span());
            f.opt_text(key).zip(span).map(|(t, span)| toml::Spanned::new(span, t))
        };
        let version = f.value("version").map(|v| toml::Spanned::new(v.span(), ()));
        let title = f.opt_names("title");
        let short_title = f.opt_names("short_title");
        let attribution = f.opt_names("attribution");
        let review_number = spanned_text(&mut f, "review_number");
        let home_span = f.value("home").map(|v| v.span());
        let home = f.opt_numbers("home");
        let basemap = spanned_text(&mut f, "basemap");
        let basemap_key = spanned_text(&mut f, "basemap_key");
        if let Some(fault) = f.fault() {
            return Err((ErrorKind::Shape, fault.at, fault.message));
        }
        let home = match (home, home_span) {
            (Some(h), Some(span)) => match <[f64; 4]>::try_from(h.as_slice()) {
                Ok(h) => Some(toml::Spanned::new(span, h)),
                Err(_) => {
                    let m = format!("invalid length {}, expected an array of length 4", h.len());
                    return Err((ErrorKind::Shape, span.start, m));
                }
            },
            _ => None,
        };
        Ok(Raw { version, title, short_title, attribution, review_number, home, basemap, basemap_key })
    }
}

impl Settings {
    /// The map's title in `lang`.
    pub fn title(&self, lang: Lang) -> &str {
        self.title.as_ref().map_or_else(|| T::AppTitle.get(lang), |t| t.get(lang))
    }

    /// The title for a narrow title bar: the file's short title, else its
    /// title, else the built-in short title.
    pub fn short_title(&self, lang: Lang) -> &str {
        match (&self.short_title, &self.title) {
            (Some(t), _) | (None, Some(t)) => t.get(lang),
            (None, None) => T::AppTitleShort.get(lang),
        }
    }

    /// The credits line in `lang`.
    pub fn attribution(&self, lang: Lang) -> &str {
        self.attribution.as_ref().map_or_else(|| T::Attribution.get(lang), |t| t.get(lang))
    }

    /// Reads `map.toml`; an empty text (no file) gives the defaults with no
    /// problem. A setting with a fault is left at its default and reported.
    pub fn from_toml(text: &str) -> (Settings, Vec<DataError>) {
        let mut problems = Vec::new();
        if text.trim().is_empty() {
            return (Settings::default(), problems);
        }
        let at = |offset: usize| line_of(text, offset);
        let raw = match Raw::read(text) {
            Ok(r) => r,
            Err((kind, offset, message)) => {
                let message = format!("expected the map's settings, got: {message}");
                problems.push(DataError::new(kind, FILE, None, message).at(at(offset)));
                return (Settings::default(), problems);
            }
        };
        let version = raw.version.as_ref().map(|v| (&text[v.span()], at(v.span().start)));
        let (got, line) = version.map_or((None, 1), |(v, line)| (Some(v), line));
        problems.extend(crate::atlas::records::version_problem(FILE, text, got, line));
        let mut names = |key: &str, value: Option<toml::Spanned<Names>>| {
            let value = value?;
            let blank = value.get_ref().missing();
            if blank.is_empty() {
                Some(value.into_inner())
            } else {
                let tags: Vec<&str> = blank.iter().map(|l| l.tag()).collect();
                let message = format!("expected a text in every language, got none in {}", tags.join(", "));
                let error = DataError::new(ErrorKind::MissingName(blank[0]), FILE, Some(key), message);
                problems.push(error.at(at(value.span().start)));
                None
            }
        };
        let title = names("title", raw.title);
        let short_title = names("short_title", raw.short_title);
        let attribution = names("attribution", raw.attribution);
        let review_number = raw.review_number.and_then(|n| {
            // Empty means none.
            if n.get_ref().trim().is_empty() {
                return None;
            }
            match parse_review_number(n.get_ref()) {
                Ok(v) => Some(v),
                Err(reason) => {
                    let message =
                        format!("expected a map-review number, got '{}' ({})", n.get_ref(), reason.get(Lang::En));
                    let error = DataError::new(ErrorKind::Shape, FILE, Some("review_number"), message);
                    problems.push(error.at(at(n.span().start)));
                    None
                }
            }
        });
        let home = raw.home.and_then(|h| {
            let [w, s, e, n] = *h.get_ref();
            let inside = Bounds::new(w, s, e, n).filter(|b| {
                b.west >= HANGZHOU_BOUNDS.west
                    && b.east <= HANGZHOU_BOUNDS.east
                    && b.south >= HANGZHOU_BOUNDS.south
                    && b.north <= HANGZHOU_BOUNDS.north
            });
            if inside.is_none() {
                let message = format!(
                    "expected [west, south, east, north] in degrees inside the Hangzhou bounds, got [{w}, {s}, {e}, {n}]"
                );
                problems.push(DataError::new(ErrorKind::OutsideArea, FILE, Some("home"), message).at(at(h.span().start)));
            }
            inside
        });
        // Empty means none, as for the review number.
        let mut checked =
            |key: &str, what: &str, v: Option<toml::Spanned<String>>, parse: &dyn Fn(&str) -> Result<(), T>| {
                let v = v.filter(|v| !v.get_ref().trim().is_empty())?;
                match parse(v.get_ref()) {
                    Ok(()) => Some(v.into_inner()),
                    Err(reason) => {
                        let message = format!("expected {what}, got '{}' ({})", v.get_ref(), reason.get(Lang::En));
                        problems
                            .push(DataError::new(ErrorKind::Shape, FILE, Some(key), message).at(at(v.span().start)));
                        None
                    }
                }
            };
        let basemap = checked("basemap", "a basemap", raw.basemap, &|v| parse_name(v).map(drop))
            .and_then(|v| parse_name(&v).ok());
        let basemap_key = checked("basemap_key", "a Tianditu key", raw.basemap_key, &|v| parse_key(v).map(drop))
            .map(|k| k.trim().to_owned());
        (Settings { title, short_title, attribution, review_number, home, basemap, basemap_key }, problems)
    }
}

#[cfg(test)]
mod test {
    use super::*;

    /// Reads fixtures written without the file's `version` line (its check
    /// is tested in `records`).
    fn from_toml_unversioned(text: &str) -> (Settings, Vec<DataError>) {
        let (read, mut errors) = Settings::from_toml(text);
        errors.retain(|e| e.kind != crate::atlas::ErrorKind::Version);
        (read, errors)
    }

    const COMMITTED: &str = include_str!("../../geodata/map.toml");

    #[test]
    fn the_committed_settings_read_without_problems() {
        let (s, problems) = from_toml_unversioned(COMMITTED);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(s, Settings::default(), "the committed file keeps the built-in settings");
        // and what it shows, commented out, reads as written
        let uncommented: String = COMMITTED
            .lines()
            .map(|l| l.strip_prefix("# ").filter(|l| l.starts_with(['[', 'z', 'e', 'h'])).unwrap_or(l))
            .map(|l| format!("{l}\n"))
            .collect();
        let (s, problems) = from_toml_unversioned(&uncommented);
        assert!(problems.is_empty(), "{problems:?}");
        assert!(s.title.is_some() && s.short_title.is_some() && s.home.is_some());
    }

    #[test]
    fn no_file_means_the_defaults() {
        let (s, problems) = from_toml_unversioned("");
        assert_eq!((&s, problems), (&Settings::default(), vec![]));
        assert_eq!(s.title(Lang::En), T::AppTitle.get(Lang::En));
        assert_eq!(s.short_title(Lang::ZhHans), T::AppTitleShort.get(Lang::ZhHans));
        assert_eq!(s.attribution(Lang::ZhHant), T::Attribution.get(Lang::ZhHant));
    }

    #[test]
    fn a_title_set_in_the_file_is_the_short_title_too_unless_that_is_set() {
        let (s, _) = from_toml_unversioned("[title]\nzh_hans = \"甲\"\nzh_hant = \"乙\"\nen = \"A map\"\n");
        assert_eq!((s.title(Lang::En), s.short_title(Lang::En)), ("A map", "A map"));
        let (s, _) = from_toml_unversioned(
            "[title]\nzh_hans = \"甲\"\nzh_hant = \"乙\"\nen = \"A map\"\n[short_title]\nzh_hans = \"甲\"\nzh_hant = \"乙\"\nen = \"Map\"\n",
        );
        assert_eq!((s.title(Lang::En), s.short_title(Lang::En)), ("A map", "Map"));
    }

    #[test]
    fn a_title_missing_a_language_is_named_with_its_line_and_left_out() {
        let text = "version = 1\n\n[title]\nzh_hans = \"地图\"\nzh_hant = \"\"\nen = \"Map\"\n";
        let (s, problems) = from_toml_unversioned(text);
        assert_eq!(s.title, None);
        assert_eq!(problems.len(), 1);
        let p = &problems[0];
        assert_eq!(
            (p.kind, p.file.as_str(), p.line, p.id.as_deref()),
            (ErrorKind::MissingName(Lang::ZhHant), FILE, Some(3), Some("title"))
        );
    }

    #[test]
    fn a_home_outside_hangzhou_or_inverted_is_refused() {
        for home in ["[121.0, 30.1, 121.2, 30.3]", "[120.3, 30.1, 120.1, 30.3]"] {
            let (s, problems) = from_toml_unversioned(&format!("home = {home}\n"));
            assert_eq!(s.home, None, "{home}");
            assert_eq!(problems[0].id.as_deref(), Some("home"), "{home}");
            assert_eq!(
                (problems[0].kind, problems[0].file.as_str(), problems[0].line),
                (ErrorKind::OutsideArea, FILE, Some(1))
            );
        }
        let (s, problems) = from_toml_unversioned("home = [120.1, 30.1, 120.3, 30.3]\n");
        assert!(problems.is_empty());
        assert_eq!(s.home, Bounds::new(120.1, 30.1, 120.3, 30.3));
    }

    #[test]
    fn a_review_number_with_markup_is_refused() {
        let (s, problems) = from_toml_unversioned("review_number = \"<b>x</b>\"\n");
        assert_eq!(s.review_number, None);
        assert_eq!(problems[0].id.as_deref(), Some("review_number"));
        let (s, _) = from_toml_unversioned("review_number = \"浙S(2024)123号\"\n");
        assert_eq!(s.review_number.as_deref(), Some("浙S(2024)123号"));
    }

    #[test]
    fn a_basemap_is_read_and_a_bad_one_named_with_its_line() {
        let (s, problems) = Settings::from_toml("version = 1\nbasemap = \"tianditu-img\"\nbasemap_key = \"abc123\"\n");
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!((s.basemap, s.basemap_key.as_deref()), (Some(BasemapName::TiandituImg), Some("abc123")));
        let (s, problems) = Settings::from_toml("version = 1\nbasemap = \"xyz:http://tiles.lan/{z}/{x}/{y}.png\"\n");
        assert_eq!(s.basemap, None);
        assert_eq!((problems[0].id.as_deref(), problems[0].line), (Some("basemap"), Some(2)));
        assert!(problems[0].message.contains("https://"), "{}", problems[0].message);
    }

    #[test]
    fn an_unknown_setting_or_a_syntax_error_names_the_line() {
        let (_, problems) = from_toml_unversioned("version = 1\ncolour = \"red\"\n");
        assert_eq!((problems[0].kind, problems[0].file.as_str(), problems[0].line), (ErrorKind::Shape, FILE, Some(2)));
        let (_, problems) = from_toml_unversioned("version = 1\n[title\n");
        assert_eq!((problems[0].kind, problems[0].file.as_str(), problems[0].line), (ErrorKind::Syntax, FILE, Some(2)));
    }

    /// A value of the wrong type, a home of three numbers or a title without
    /// its English: the file is refused at that line, and the defaults hold.
    #[test]
    fn a_setting_of_the_wrong_shape_names_its_line_and_keeps_the_defaults() {
        let title = "title = { zh_hans = \"甲\", zh_hant = \"甲\", en = \"A\" }\n";
        for (bad, line, says) in [
            ("basemap = 3\n", 3, "expected a string, got integer `3`"),
            ("home = [120.0, 30.0, 120.5]\n", 3, "expected an array of length 4"),
            ("short_title = { zh_hans = \"乙\", zh_hant = \"乙\" }\n", 3, "missing field `en`"),
            ("home = [120.0, \"30\", 120.5, 30.5]\n", 3, "expected f64, got string \"30\""),
        ] {
            let (read, problems) = from_toml_unversioned(&format!("version = 1\n{title}{bad}"));
            assert_eq!(read, Settings::default(), "{bad}");
            assert_eq!(problems.len(), 1, "{bad}: {problems:?}");
            assert_eq!((problems[0].kind, problems[0].line), (ErrorKind::Shape, Some(line)), "{bad}");
            assert!(problems[0].message.contains(says), "{bad}: {}", problems[0].message);
        }
    }
}
