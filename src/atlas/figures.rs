//! Figures quoted from the sources: a value in a base unit, together with the
//! string exactly as the source prints it ("2184.8亿元", "13.48平方公里").
//!
//! [`parse_printed`] reads such a string back (number, 万/亿 multipliers,
//! unit word, approximation words such as 余 or 近), so validation can check
//! that a figure's value says what its printed form says. [`format_figure`]
//! shows a figure in each language: the printed form in the reader's Chinese
//! script, or an English rendering built from the value, with money rounded as
//! a reader would quote it ("CNY 175.7 bn" for 1756.91亿元).

use super::Lang;

/// The unit of a figure's value. Each has a base: yuan, not 亿元; km², not 万平方米.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Unit {
    /// Chinese yuan (元). Printed as 元, 万元, 亿元.
    Cny,
    /// Yuan per mu of land (元/亩), printed as 万元/亩.
    CnyPerMu,
    /// Square kilometres (平方公里).
    Km2,
    /// Square metres (平方米, 万平方米).
    M2,
    /// Mu (亩), the Chinese land unit of about 666.7 m².
    Mu,
    /// A number of things: firms (家), items (个, 件, 项, 条, 处, 幢), people (人).
    Count,
    /// A percentage: the value 12.5 means 12.5 %.
    Percent,
    /// A multiple (倍): the value 10.5 means 10.5 times.
    Times,
    /// A place in a ranking (第一, 第五): the value is the place.
    Rank,
}

impl Unit {
    pub const ALL: [Unit; 9] =
        [Unit::Cny, Unit::CnyPerMu, Unit::Km2, Unit::M2, Unit::Mu, Unit::Count, Unit::Percent, Unit::Times, Unit::Rank];

    /// The name used for the unit in `geodata/facts.toml`.
    pub fn key(self) -> &'static str {
        match self {
            Unit::Cny => "cny",
            Unit::CnyPerMu => "cny-per-mu",
            Unit::Km2 => "km2",
            Unit::M2 => "m2",
            Unit::Mu => "mu",
            Unit::Count => "count",
            Unit::Percent => "percent",
            Unit::Times => "times",
            Unit::Rank => "rank",
        }
    }

    pub fn from_key(key: &str) -> Option<Unit> {
        Unit::ALL.into_iter().find(|u| u.key() == key)
    }
}

/// A figure from a source.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    /// The value in the unit's base (yuan, km², a count, a percentage).
    pub value: f64,
    pub unit: Unit,
    /// The figure exactly as the source prints it, e.g. "2184.8亿元".
    pub printed: String,
}

/// How exact a printed figure claims to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Approx {
    Exact,
    /// 余, 多, 超, 以上: more than the number.
    Over,
    /// 近: a little under the number.
    Nearly,
    /// 约, 左右: roughly the number.
    About,
    /// 不少于: the number or more.
    AtLeast,
}

/// What a printed figure says.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Printed {
    pub value: f64,
    pub unit: Unit,
    pub approx: Approx,
}

/// Unit words after the number, longest first so 平方公里 wins over shorter words.
const UNIT_WORDS: [(&str, Unit); 24] = [
    ("平方公里", Unit::Km2),
    ("平方米", Unit::M2),
    ("元/亩", Unit::CnyPerMu),
    ("元/畝", Unit::CnyPerMu),
    ("元", Unit::Cny),
    ("亩", Unit::Mu),
    ("畝", Unit::Mu),
    ("%", Unit::Percent),
    ("％", Unit::Percent),
    ("倍", Unit::Times),
    ("家", Unit::Count),
    ("个", Unit::Count),
    ("個", Unit::Count),
    ("件", Unit::Count),
    ("项", Unit::Count),
    ("項", Unit::Count),
    ("条", Unit::Count),
    ("條", Unit::Count),
    ("处", Unit::Count),
    ("處", Unit::Count),
    ("幢", Unit::Count),
    ("所", Unit::Count),
    ("人", Unit::Count),
    ("名", Unit::Count),
];

/// Reads a printed figure: an optional 近/约/超(过了)/不少于 before the number, the number
/// (arabic digits, or 第 and a numeral for a rank), an optional 余/多, an
/// optional 万/亿/万亿, the unit word, and an optional 左右/以上.
pub fn parse_printed(printed: &str) -> Result<Printed, String> {
    let s = printed.trim();
    if s.is_empty() {
        return Err("expected a printed figure, got an empty string".into());
    }
    if let Some(rest) = s.strip_prefix('第') {
        let value = numeral(rest).ok_or_else(|| format!("expected a rank such as 第一 or 第5, got '{printed}'"))?;
        return Ok(Printed { value, unit: Unit::Rank, approx: Approx::Exact });
    }
    let mut approx = Approx::Exact;
    let mut rest = s;
    for (word, a) in [
        ("不少于", Approx::AtLeast),
        ("不少於", Approx::AtLeast),
        ("超过了", Approx::Over),
        ("超過了", Approx::Over),
        ("超过", Approx::Over),
        ("超過", Approx::Over),
        ("超", Approx::Over),
        ("近", Approx::Nearly),
        ("约", Approx::About),
        ("約", Approx::About),
    ] {
        if let Some(r) = rest.strip_prefix(word) {
            approx = a;
            rest = r;
            break;
        }
    }
    let digits_end = rest.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(rest.len());
    let (digits, mut rest) = rest.split_at(digits_end);
    if digits.is_empty() || digits.starts_with('.') || digits.ends_with('.') || digits.matches('.').count() > 1 {
        return Err(format!("expected a number at the start of '{printed}'"));
    }
    for word in ["余", "餘", "多"] {
        if let Some(r) = rest.strip_prefix(word) {
            approx = Approx::Over;
            rest = r;
        }
    }
    let mut exponent = 0;
    for (word, power) in [("万亿", 12), ("萬億", 12), ("万", 4), ("萬", 4), ("亿", 8), ("億", 8)] {
        if let Some(r) = rest.strip_prefix(word) {
            exponent = power;
            rest = r;
            break;
        }
    }
    // Scaling in decimal ("2184.8e8") keeps 2184.8亿 exactly 218 480 000 000.
    let value: f64 = format!("{digits}e{exponent}")
        .parse()
        .map_err(|_| format!("expected a number in '{printed}', got '{digits}'"))?;
    let (unit, rest) = UNIT_WORDS
        .iter()
        .find_map(|(word, unit)| rest.strip_prefix(word).map(|r| (*unit, r)))
        .ok_or_else(|| format!("expected a unit word (元, 平方公里, 家, %, …) in '{printed}'"))?;
    match rest {
        "" => {}
        "左右" => approx = Approx::About,
        "以上" | "多" => approx = Approx::Over,
        other => return Err(format!("expected nothing after the unit in '{printed}', got '{other}'")),
    }
    Ok(Printed { value, unit, approx })
}

/// 一 … 十 (and 十一 … 十九), or arabic digits.
fn numeral(s: &str) -> Option<f64> {
    if !s.is_empty() && s.chars().all(|c| c.is_ascii_digit()) {
        return s.parse().ok();
    }
    const DIGITS: &str = "一二三四五六七八九";
    let digit = |c: char| DIGITS.chars().position(|d| d == c).map(|i| i as f64 + 1.0);
    let chars: Vec<char> = s.chars().collect();
    match chars.as_slice() {
        [c] if *c == '十' => Some(10.0),
        [c] => digit(*c),
        ['十', c] => digit(*c).map(|d| 10.0 + d),
        _ => None,
    }
}

/// Whether a figure's value and unit agree with its printed form.
pub fn check_figure(figure: &Figure) -> Result<(), String> {
    if !figure.value.is_finite() {
        return Err(format!("expected a finite value, got {}", figure.value));
    }
    let printed = parse_printed(&figure.printed)?;
    if printed.unit != figure.unit {
        return Err(format!(
            "expected unit '{}' for '{}', got '{}'",
            printed.unit.key(),
            figure.printed,
            figure.unit.key()
        ));
    }
    let tolerance = 1e-9 * printed.value.abs().max(1.0);
    if (printed.value - figure.value).abs() > tolerance {
        return Err(format!(
            "expected value {} {} (as '{}' says), got {}",
            plain_number(printed.value),
            figure.unit.key(),
            figure.printed,
            plain_number(figure.value)
        ));
    }
    Ok(())
}

/// Simplified ↔ Traditional forms of the characters figures use.
const SCRIPT_PAIRS: [(char, char); 12] = [
    ('亿', '億'),
    ('万', '萬'),
    ('个', '個'),
    ('项', '項'),
    ('条', '條'),
    ('处', '處'),
    ('余', '餘'),
    ('亩', '畝'),
    ('约', '約'),
    ('过', '過'),
    ('营', '營'),
    ('于', '於'),
];

/// A printed figure in Simplified characters.
pub fn to_hans(s: &str) -> String {
    s.chars().map(|c| SCRIPT_PAIRS.iter().find(|(_, t)| *t == c).map_or(c, |(h, _)| *h)).collect()
}

/// A printed figure in Traditional characters.
pub fn to_hant(s: &str) -> String {
    s.chars().map(|c| SCRIPT_PAIRS.iter().find(|(h, _)| *h == c).map_or(c, |(_, t)| *t)).collect()
}

/// A figure as a reader of `lang` sees it: the printed form in the reader's
/// script for Chinese ("2184.8亿元", "2184.8億元"), or English built from the
/// value ("CNY 218.5 bn", "72 km²", "65", "12.5%", "No. 5").
pub fn format_figure(f: &Figure, lang: Lang) -> String {
    match lang {
        Lang::ZhHans => to_hans(&f.printed),
        Lang::ZhHant => to_hant(&f.printed),
        Lang::En => {
            let approx = parse_printed(&f.printed).map_or(Approx::Exact, |p| p.approx);
            let amount = english_amount(f.value, f.unit);
            match approx {
                Approx::Exact => amount,
                Approx::Over => format!("over {amount}"),
                Approx::Nearly => format!("nearly {amount}"),
                Approx::About => format!("about {amount}"),
                Approx::AtLeast => format!("at least {amount}"),
            }
        }
    }
}

fn english_amount(v: f64, unit: Unit) -> String {
    match unit {
        Unit::Cny => format!("CNY {}", scaled(v)),
        Unit::CnyPerMu => format!("CNY {} per mu", scaled(v)),
        Unit::Km2 => format!("{} km²", english_number(v)),
        Unit::M2 => format!("{} m²", english_number(v)),
        Unit::Mu => format!("{} mu", english_number(v)),
        Unit::Count => english_number(v),
        Unit::Percent => format!("{}%", english_number(v)),
        Unit::Times => format!("{}×", english_number(v)),
        Unit::Rank => format!("No. {}", english_number(v)),
    }
}

/// Money in trillions, billions or millions, rounded as people quote it: one
/// decimal from 10 up, two below (2.1848e11 ⇒ "218.5 bn", 1.25e9 ⇒ "1.25 bn").
fn scaled(v: f64) -> String {
    let a = v.abs();
    let quoted = |x: f64| {
        let k = if x.abs() >= 10.0 { 10.0 } else { 100.0 };
        english_number((x * k).round() / k)
    };
    if a >= 1e12 {
        format!("{} tn", quoted(v / 1e12))
    } else if a >= 1e9 {
        format!("{} bn", quoted(v / 1e9))
    } else if a >= 1e6 {
        format!("{} m", quoted(v / 1e6))
    } else {
        english_number(v)
    }
}

/// Up to four decimals, trailing zeros dropped, thousands separated by commas.
fn english_number(v: f64) -> String {
    let plain = plain_number(v);
    let (sign, digits) = plain.strip_prefix('-').map_or(("", plain.as_str()), |d| ("-", d));
    let (int, frac) = digits.split_once('.').map_or((digits, None), |(i, f)| (i, Some(f)));
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    match frac {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

/// A number with up to four decimals and no trailing zeros.
fn plain_number(v: f64) -> String {
    let s = format!("{v:.4}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".to_owned()
    } else {
        s.to_owned()
    }
}

#[cfg(test)]
mod test {
    use super::*;

    fn fig(value: f64, unit: Unit, printed: &str) -> Figure {
        Figure { value, unit, printed: printed.into() }
    }

    #[test]
    fn printed_figures_parse_to_base_units() {
        let p = |s| parse_printed(s).unwrap();
        assert_eq!((p("2184.8亿元").value, p("2184.8亿元").unit), (2184.8e8, Unit::Cny));
        assert_eq!(p("2184.8億元").value, 2184.8e8);
        assert_eq!(p("72平方公里").unit, Unit::Km2);
        assert_eq!(p("65家").value, 65.0);
        assert_eq!(p("12.5%").unit, Unit::Percent);
        assert_eq!(p("3.8万人").value, 38_000.0);
        assert_eq!(p("8.7万平方米").unit, Unit::M2);
        assert_eq!(p("1851.1万元/亩").unit, Unit::CnyPerMu);
        assert_eq!(p("第五").value, 5.0);
        assert_eq!(p("第十三").value, 13.0);
        assert_eq!(p("10.5倍").unit, Unit::Times);
        assert_eq!(p("340余家").approx, Approx::Over);
        assert_eq!(p("近30家").approx, Approx::Nearly);
        assert_eq!(p("10%左右").approx, Approx::About);
        assert_eq!((p("超过了20%").value, p("超过了20%").approx), (20.0, Approx::Over));
        assert_eq!((p("不少于30项").value, p("不少于30项").approx), (30.0, Approx::AtLeast));
    }

    #[test]
    fn malformed_printed_figures_are_refused() {
        for bad in ["", "亿元", "12.亿元", "1.2.3家", "72平方", "65家企业", "第零"] {
            assert!(parse_printed(bad).is_err(), "{bad} should not parse");
        }
    }

    #[test]
    fn figure_check_compares_value_and_unit() {
        assert!(check_figure(&fig(2.1848e11, Unit::Cny, "2184.8亿元")).is_ok());
        assert!(check_figure(&fig(218_480_000_000.0, Unit::Cny, "2184.8亿元")).is_ok());
        assert!(check_figure(&fig(2184.8, Unit::Cny, "2184.8亿元")).is_err());
        assert!(check_figure(&fig(72.0, Unit::Count, "72平方公里")).is_err());
        assert!(check_figure(&fig(f64::NAN, Unit::Count, "65家")).is_err());
    }

    #[test]
    fn figures_read_in_each_language() {
        let gdp = fig(2.1848e11, Unit::Cny, "2184.8亿元");
        assert_eq!(format_figure(&gdp, Lang::ZhHans), "2184.8亿元");
        assert_eq!(format_figure(&gdp, Lang::ZhHant), "2184.8億元");
        assert_eq!(format_figure(&gdp, Lang::En), "CNY 218.5 bn");
        assert_eq!(format_figure(&fig(1.75691e11, Unit::Cny, "1756.91億元"), Lang::En), "CNY 175.7 bn");
        assert_eq!(format_figure(&fig(1.25e9, Unit::Cny, "12.5亿元"), Lang::En), "CNY 1.25 bn");
        assert_eq!(format_figure(&fig(3e8, Unit::Cny, "不少于3亿元"), Lang::En), "at least CNY 300 m");
        assert_eq!(format_figure(&fig(30.0, Unit::Count, "不少于30项"), Lang::ZhHant), "不少於30項");
        let hant = fig(4.87301e11, Unit::Cny, "4873.01億元");
        assert_eq!(format_figure(&hant, Lang::ZhHans), "4873.01亿元");
        assert_eq!(format_figure(&fig(72.0, Unit::Km2, "72平方公里"), Lang::En), "72 km²");
        assert_eq!(format_figure(&fig(65.0, Unit::Count, "65家"), Lang::En), "65");
        assert_eq!(format_figure(&fig(12.5, Unit::Percent, "12.5%"), Lang::En), "12.5%");
        assert_eq!(format_figure(&fig(23236.0, Unit::Count, "23236件"), Lang::En), "23,236");
        assert_eq!(format_figure(&fig(3e8, Unit::Cny, "3亿元"), Lang::En), "CNY 300 m");
        assert_eq!(format_figure(&fig(340.0, Unit::Count, "340余家"), Lang::En), "over 340");
        assert_eq!(format_figure(&fig(340.0, Unit::Count, "340余家"), Lang::ZhHant), "340餘家");
        assert_eq!(format_figure(&fig(5.0, Unit::Rank, "第五"), Lang::En), "No. 5");
        assert_eq!(format_figure(&fig(18_511_000.0, Unit::CnyPerMu, "1851.1万元/亩"), Lang::En), "CNY 18.5 m per mu");
    }

    #[test]
    fn unit_keys_round_trip() {
        for u in Unit::ALL {
            assert_eq!(Unit::from_key(u.key()), Some(u));
        }
        assert_eq!(Unit::from_key("yuan"), None);
    }
}
