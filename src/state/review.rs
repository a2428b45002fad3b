//! The map-review number (审图号) a site owner may have to show with a map
//! published in China (see the README, "Publishing this map in China"). It is
//! a setting: `?review=…` in the link, else `review_number` in the settings
//! file (`map.toml`), else `BINJIANG_REVIEW_NUMBER` at build time, else none. The map shows it at its bottom and in every
//! export.

use crate::atlas::Lang;
use crate::state::text::{colon, T};

/// The number set when the map was built (`BINJIANG_REVIEW_NUMBER=… trunk build`).
pub const BUILD_REVIEW_NUMBER: Option<&str> = option_env!("BINJIANG_REVIEW_NUMBER");

/// The longest number accepted, in characters.
const MAX_CHARS: usize = 40;

/// A number as written, checked: 1 to 40 characters of letters, digits, CJK,
/// spaces, brackets (`()（）〔〕[]【】`) and `-`; surrounding space trimmed. Any
/// other character (markup, a control character) is refused with the reason.
pub fn parse_review_number(value: &str) -> Result<String, T> {
    let v = value.trim();
    if v.is_empty() {
        return Err(T::UrlReviewEmpty);
    }
    if v.chars().count() > MAX_CHARS {
        return Err(T::UrlReviewLong);
    }
    let allowed = |c: char| c.is_alphanumeric() || c == ' ' || c == '-' || "()（）〔〕[]【】".contains(c);
    if !v.chars().all(allowed) {
        return Err(T::UrlReviewChars);
    }
    Ok(v.to_owned())
}

/// The number to show: the link's, else the settings file's (`map.toml`),
/// else the build's (when it is valid), else none.
pub fn review_number(from_url: Option<&str>, from_settings: Option<&str>) -> Option<String> {
    from_url
        .or(from_settings)
        .map(str::to_owned)
        .or_else(|| BUILD_REVIEW_NUMBER.and_then(|b| parse_review_number(b).ok()))
}

/// "审图号：浙S(2024)123号" in the reader's language.
pub fn review_label(number: &str, lang: Lang) -> String {
    format!("{}{}{number}", T::ReviewNumber.get(lang), colon(lang))
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn real_numbers_are_accepted_as_written() {
        for n in ["浙S(2024)123号", "GS(2023)1234号", "浙S〔2022〕45号", " 杭S(2021)7号 "] {
            assert_eq!(parse_review_number(n), Ok(n.trim().to_owned()), "{n}");
        }
        assert_eq!(review_label("GS(2023)1234号", Lang::ZhHans), "审图号：GS(2023)1234号");
        assert_eq!(review_label("GS(2023)1234号", Lang::En), "Map review no.: GS(2023)1234号");
    }

    #[test]
    fn markup_empty_and_overlong_values_are_refused_with_a_reason() {
        assert_eq!(parse_review_number("<b>x</b>"), Err(T::UrlReviewChars));
        assert!(parse_review_number("a\"b").is_err());
        assert_eq!(parse_review_number("  "), Err(T::UrlReviewEmpty));
        assert_eq!(parse_review_number(&"号".repeat(41)), Err(T::UrlReviewLong));
        assert!(T::UrlReviewLong.get(Lang::En).contains("at most 40"));
        // the link's number wins over the settings file's, which wins over none at build time
        assert_eq!(review_number(Some("浙S(2024)1号"), Some("浙S(2024)2号")).as_deref(), Some("浙S(2024)1号"));
        assert_eq!(review_number(None, Some("浙S(2024)2号")).as_deref(), Some("浙S(2024)2号"));
    }
}
