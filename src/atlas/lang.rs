//! The three languages of the product and text given in all of them.

use serde::Deserialize;

/// A language the map speaks. zh-Hans is the default.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    ZhHans,
    ZhHant,
    En,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::ZhHans, Lang::ZhHant, Lang::En];

    /// The BCP 47 tag, as used in `lang` attributes and the `lang=` URL parameter.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::ZhHans => "zh-Hans",
            Lang::ZhHant => "zh-Hant",
            Lang::En => "en",
        }
    }

    /// Parses a tag case-insensitively; accepts common aliases (zh, zh-CN, zh-TW, zh-HK, en-US).
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let t = tag.trim().to_ascii_lowercase().replace('_', "-");
        match t.as_str() {
            "zh" | "zh-hans" | "zh-cn" | "zh-sg" | "zh-hans-cn" => Some(Lang::ZhHans),
            "zh-hant" | "zh-tw" | "zh-hk" | "zh-mo" | "zh-hant-tw" | "zh-hant-hk" => Some(Lang::ZhHant),
            _ if t == "en" || t.starts_with("en-") => Some(Lang::En),
            _ => None,
        }
    }

    /// The language's own name, for the language switcher.
    pub fn endonym(self) -> &'static str {
        match self {
            Lang::ZhHans => "简体中文",
            Lang::ZhHant => "繁體中文",
            Lang::En => "English",
        }
    }
}

/// A text in every language of the product.
#[derive(Clone, Debug, PartialEq, Eq, Default, Deserialize)]
pub struct Names {
    pub zh_hans: String,
    pub zh_hant: String,
    pub en: String,
}

impl Names {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::ZhHans => &self.zh_hans,
            Lang::ZhHant => &self.zh_hant,
            Lang::En => &self.en,
        }
    }

    /// The languages whose text is missing or blank.
    pub fn missing(&self) -> Vec<Lang> {
        Lang::ALL.into_iter().filter(|l| self.get(*l).trim().is_empty()).collect()
    }
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn tags_round_trip_and_aliases_parse() {
        for l in Lang::ALL {
            assert_eq!(Lang::from_tag(l.tag()), Some(l));
        }
        assert_eq!(Lang::from_tag("zh-TW"), Some(Lang::ZhHant));
        assert_eq!(Lang::from_tag("EN-gb"), Some(Lang::En));
        assert_eq!(Lang::from_tag("fr"), None);
        assert_eq!(Lang::from_tag(""), None);
    }

    #[test]
    fn missing_names_are_reported_per_language() {
        let n = Names { zh_hans: "滨江区".into(), zh_hant: " ".into(), en: "Binjiang".into() };
        assert_eq!(n.missing(), vec![Lang::ZhHant]);
    }
}
