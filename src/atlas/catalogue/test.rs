use super::*;
use crate::atlas::Lang;

/// Reads fixtures written without the file's `version` line (its check
/// is tested in `records`).
fn from_toml_unversioned(sources: &str, facts: &str, themes: &str) -> (Catalogue, Vec<DataError>) {
    let (read, mut errors) = Catalogue::from_toml(sources, facts, themes);
    errors.retain(|e| e.kind != crate::atlas::ErrorKind::Version);
    (read, errors)
}

const SOURCE: &str = "[[source]]\nid = \"s1\"\ntitle = \"T\"\npublisher_zh_hans = \"甲\"\npublisher_zh_hant = \"甲\"\npublisher_en = \"P\"\ndate = \"2023-05-05\"\ndate_basis = \"printed\"\nseed = \"a.txt\"\nscript = \"Hans\"\n";

/// A catalogue of the one source above and these facts and themes, read
/// without errors.
fn catalogue(facts: &str, themes: &str) -> Catalogue {
    let (c, errors) = from_toml_unversioned(SOURCE, facts, themes);
    assert!(errors.is_empty(), "{errors:?}");
    c
}

fn fact(id: &str, extra: &str) -> String {
    format!("[[fact]]\nid = \"{id}\"\nsubject = \"binjiang\"\nsource = \"s1\"\nzh_hans = \"甲\"\nzh_hant = \"甲\"\nen = \"A\"\n{extra}\n")
}

fn theme(id: &str, members: &str) -> String {
    format!("[[theme]]\nid = \"{id}\"\nname_zh_hans = \"甲\"\nname_zh_hant = \"甲\"\nname_en = \"A\"\nmembers = [{members}]\n")
}

fn known(id: &str) -> bool {
    ["binjiang", "binxiao"].contains(&id)
}

fn kinds(errors: &[DataError]) -> Vec<ErrorKind> {
    errors.iter().map(|e| e.kind).collect()
}

#[test]
fn facts_for_lists_key_facts_first_then_file_order() {
    let facts = [
        fact("a", ""),
        fact("b", "key = true\nperiod = \"2022\""),
        fact("c", ""),
        fact("d", "key = true\nperiod = \"2023\""),
    ]
    .concat();
    let c = catalogue(&facts, "");
    let ids: Vec<&str> = c.facts_for("binjiang").map(|f| f.id.as_str()).collect();
    assert_eq!(ids, ["b", "d", "a", "c"]);
    assert_eq!(c.facts_for("binxiao").count(), 0);
    assert!(c.validate(&known).is_empty());
}

#[test]
fn themes_are_found_by_member() {
    let c = catalogue("", &theme("t", "\"binjiang\", \"binxiao\""));
    assert_eq!(c.themes_of("binxiao").map(|t| t.id.as_str()).collect::<Vec<_>>(), ["t"]);
    assert_eq!(c.themes_of("nowhere").count(), 0);
    assert_eq!(c.theme("t").map(|t| t.names.get(Lang::En)), Some("A"));
}

#[test]
fn a_theme_is_a_valid_subject() {
    let f = fact("x", "").replace("subject = \"binjiang\"", "subject = \"t\"");
    let c = catalogue(&f, &theme("t", "\"binjiang\""));
    assert!(c.validate(&known).is_empty());
}

#[test]
fn figures_are_read_and_checked() {
    let good = fact("g", "value = 218_480_000_000\nunit = \"cny\"\nfigure = \"2184.8亿元\"");
    let bad = fact("b", "value = 2184.8\nunit = \"cny\"\nfigure = \"2184.8亿元\"");
    let c = catalogue(&[good, bad].concat(), "");
    assert_eq!(c.fact("g").and_then(|f| f.figure.as_ref()).map(|f| f.unit), Some(Unit::Cny));
    let errors = c.validate(&known);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!((errors[0].kind, errors[0].id.as_deref(), errors[0].line), (ErrorKind::BadFigure, Some("b"), Some(18)));
}

#[test]
fn half_a_figure_or_an_unknown_unit_leaves_the_fact_out() {
    let facts = [fact("h", "value = 65"), fact("u", "value = 65\nunit = \"firms\"\nfigure = \"65家\""), fact("ok", "")];
    let (c, errors) = from_toml_unversioned(SOURCE, &facts.concat(), "");
    assert_eq!(c.facts.iter().map(|f| f.id.as_str()).collect::<Vec<_>>(), ["ok"]);
    let at: Vec<_> = errors.iter().map(|e| (e.kind, e.file.as_str(), e.id.as_deref(), e.line)).collect();
    assert_eq!(
        at,
        [
            (ErrorKind::BadFigure, FACTS_FILE, Some("h"), Some(8)),
            (ErrorKind::BadFigure, FACTS_FILE, Some("u"), Some(17)),
        ]
    );
}

#[test]
fn wrong_types_and_unknown_keys_leave_the_record_out_naming_it() {
    let facts = [fact("k", "key = \"yes\""), fact("t", "zh_hnas = \"甲\""), fact("ok", "")].concat();
    let (c, errors) = from_toml_unversioned(SOURCE, &facts, "");
    assert_eq!(c.facts.len(), 1);
    let at: Vec<_> = errors.iter().map(|e| (e.kind, e.id.as_deref(), e.line)).collect();
    assert_eq!(at, [(ErrorKind::Shape, Some("k"), Some(8)), (ErrorKind::Shape, Some("t"), Some(16))]);
    let (c, errors) = from_toml_unversioned(SOURCE, "not toml", "[[themes]]\n");
    assert_eq!((c.sources.len(), c.facts.len()), (1, 0));
    assert_eq!(kinds(&errors), [ErrorKind::Syntax, ErrorKind::Shape]);
}

#[test]
fn conflicts_must_be_mutual() {
    let a = fact("a", "conflicts_with = \"b\"");
    let c = catalogue(&[a.clone(), fact("b", "")].concat(), "");
    let errors = c.validate(&known);
    assert_eq!(kinds(&errors), [ErrorKind::Inconsistent]);
    assert_eq!((errors[0].id.as_deref(), errors[0].line), (Some("a"), Some(8)));
    let c = catalogue(&[a, fact("b", "conflicts_with = \"a\"")].concat(), "");
    assert!(c.validate(&known).is_empty());
}

#[test]
fn sources_need_a_known_script_and_an_iso_date() {
    let s = SOURCE.replace("2023-05-05", "May 2023").replace("Hans", "Latn");
    let (c, errors) = from_toml_unversioned(&s, "", "");
    assert!(errors.is_empty());
    let errors = c.validate(&known);
    let at: Vec<_> = errors.iter().map(|e| (e.kind, e.line)).collect();
    assert_eq!(at, [(ErrorKind::Shape, Some(10)), (ErrorKind::BadDate, Some(7))]);
    assert!(errors.iter().all(|e| e.file == SOURCES_FILE && e.id.as_deref() == Some("s1")));
}

#[test]
fn a_citation_has_a_publisher_in_every_language_and_a_dated_basis() {
    let s = SOURCE.replace("publisher_zh_hant = \"甲\"\n", "").replace("date_basis = \"printed\"\n", "");
    let (c, _) = from_toml_unversioned(&s, "", "");
    let errors = c.validate(&known);
    assert_eq!(kinds(&errors), [ErrorKind::MissingField, ErrorKind::MissingName(Lang::ZhHant)]);
}

#[test]
fn a_source_links_only_over_https() {
    for (url, ok) in [
        ("https://www.example.cn/a?b=1", true),
        ("HTTPS://example.cn", true),
        ("javascript:alert(1)", false),
        ("data:text/html,<b>x</b>", false),
        ("http://example.cn", false),
        ("https://", false),
        ("https:///path", false),
        (" https://example.cn", false),
        ("//example.cn", false),
    ] {
        let s = format!("{SOURCE}url = \"{url}\"\n");
        let (c, errors) = from_toml_unversioned(&s, "", "");
        assert!(errors.is_empty());
        let errors = c.validate(&known);
        if ok {
            assert!(errors.is_empty(), "{url}: {errors:?}");
        } else {
            let at: Vec<_> = errors.iter().map(|e| (e.kind, e.id.as_deref(), e.line)).collect();
            assert_eq!(at, [(ErrorKind::BadLink, Some("s1"), Some(11))], "{url}");
        }
    }
}

#[test]
fn a_fact_cannot_be_dated_after_its_source() {
    // the source is of 2023-05-05
    for (period, ok) in [
        ("2023", true),
        ("2023-H1", true),
        ("2023-05", true),
        ("as of 2023-05", true),
        ("as reported 2023-05", true),
        ("target 2025", true),
        ("2023-06", false),
        ("2023-H2", false),
        ("as of 2023-08", false),
        ("2024", false),
        ("target 2022", false),
        ("sometime", false),
    ] {
        let c = catalogue(&fact("f", &format!("period = \"{period}\"")), "");
        let errors = c.validate(&known);
        assert_eq!(errors.is_empty(), ok, "{period}: {errors:?}");
        assert!(errors.iter().all(|e| e.kind == ErrorKind::BadDate && e.line == Some(8)), "{errors:?}");
    }
}

#[test]
fn a_key_fact_needs_a_period() {
    let c = catalogue(&fact("k", "key = true"), "");
    assert_eq!(kinds(&c.validate(&known)), [ErrorKind::BadDate]);
}

#[test]
fn periods_are_read_as_spans_of_months() {
    let s = |p| period_span(p).map(|s| (s.kind, s.start, s.end));
    assert_eq!(s("2022-H1"), Some((PeriodKind::Span, (2022, 1), (2022, 6))));
    assert_eq!(s("2023-Q2"), Some((PeriodKind::Span, (2023, 4), (2023, 6))));
    assert_eq!(s("2023-01..05"), Some((PeriodKind::Span, (2023, 1), (2023, 5))));
    assert_eq!(s("2020..2022"), Some((PeriodKind::Span, (2020, 1), (2022, 12))));
    assert_eq!(s("as of 2022-08"), Some((PeriodKind::AsOf, (2022, 8), (2022, 8))));
    assert_eq!(s("target 2026..2028"), Some((PeriodKind::Target, (2026, 1), (2028, 12))));
    assert_eq!(s("2023-02-24"), Some((PeriodKind::Span, (2023, 2), (2023, 2))));
    for bad in ["2023-13", "2023-Q5", "2023-05..01", "H1 2023", "", "2022..2020"] {
        assert_eq!(period_span(bad), None, "{bad}");
    }
}

#[test]
fn a_former_id_finds_the_renamed_fact() {
    let c = catalogue(&fact("bj-gdp-2022-h1", "was = [\"bj-gdp-2023-h1\"]"), "");
    assert!(c.validate(&known).is_empty());
    assert_eq!(c.fact("bj-gdp-2023-h1").map(|f| f.id.as_str()), Some("bj-gdp-2022-h1"));
    assert_eq!(c.fact("bj-gdp-2022-h1").map(|f| f.id.as_str()), Some("bj-gdp-2022-h1"));
    // a former id may not be one in use
    let c = catalogue(&[fact("a", "was = [\"b\"]"), fact("b", "")].concat(), "");
    assert_eq!(kinds(&c.validate(&known)), [ErrorKind::DuplicateId]);
}

#[test]
fn a_series_links_an_earlier_value_of_the_same_measure() {
    let fig = |n: u32| format!("value = {n}\nunit = \"count\"\nfigure = \"{n}家\"");
    let a = fact("a", &format!("period = \"as of 2022-08\"\n{}", fig(65)));
    let b = fact("b", &format!("period = \"as of 2023-03\"\nearlier = \"a\"\n{}", fig(69)));
    let c = catalogue(&[a.clone(), b].concat(), "");
    assert!(c.validate(&known).is_empty(), "{:?}", c.validate(&known));
    assert_eq!(c.later("a").map(|f| f.id.as_str()), Some("b"));
    // the later value must come later
    let b = fact("b", &format!("period = \"as of 2022-01\"\nearlier = \"a\"\n{}", fig(69)));
    let c = catalogue(&[a, b].concat(), "");
    assert_eq!(kinds(&c.validate(&known)), [ErrorKind::Inconsistent]);
}

#[test]
fn faulty_records_are_left_out_and_so_are_those_relying_on_them() {
    let s2 = SOURCE.replace("s1", "s2").replace("2023-05-05", "2023-13");
    let facts = [
        fact("a", "conflicts_with = \"c\""),
        fact("b", "").replace("\"s1\"", "\"s2\""),
        fact("c", "en = \"\"\nconflicts_with = \"a\"").replace("en = \"A\"\n", ""),
    ];
    let (mut c, errors) = from_toml_unversioned(&[SOURCE, &s2].concat(), &facts.concat(), &theme("t", "\"nowhere\""));
    assert!(errors.is_empty(), "{errors:?}");
    let errors = c.remove_faulty(&known);
    let at: Vec<_> = errors.iter().map(|e| (e.kind, e.id.as_deref())).collect();
    assert_eq!(
        at,
        [
            (ErrorKind::BadDate, Some("s2")),
            (ErrorKind::UnknownReference, Some("t")),
            (ErrorKind::MissingName(Lang::En), Some("c")),
            (ErrorKind::UnknownReference, Some("b")),
        ]
    );
    assert_eq!(c.sources.len(), 1);
    assert_eq!(c.facts.iter().map(|f| f.id.as_str()).collect::<Vec<_>>(), ["a"]);
    assert!(c.themes.is_empty());
    // `a` stays, though the fact it disagrees with was left out
    assert_eq!(c.fact("a").and_then(|f| f.conflicts_with.as_deref()), Some("c"));
}

#[test]
fn iso_dates_and_kebab_ids() {
    for d in ["2023", "2023-08", "2023-05-05"] {
        assert!(is_iso_date(d), "{d}");
    }
    for d in ["23-08", "2023-13", "2023-5-5", "2023-05-00", ""] {
        assert!(!is_iso_date(d), "{d}");
    }
    assert!(is_kebab("bj-gdp-2022"));
    assert!(!is_kebab("bj_gdp") && !is_kebab("-a") && !is_kebab("a--b") && !is_kebab("Bj"));
}
