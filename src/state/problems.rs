//! A content problem in the reader's language: where it is (file, line,
//! record) and what class of fault it is, worded for each [`ErrorKind`]. The
//! problem's own message ("expected X, got Y") stays in English beside it:
//! it quotes the file's keys and values.

use crate::atlas::error::ErrorKind;
use crate::atlas::{DataError, Lang};
use crate::state::content::file_name;
use crate::state::text::{colon, T};

/// The class of fault, in words.
pub fn fault(kind: ErrorKind, lang: Lang) -> String {
    let t = match kind {
        ErrorKind::Missing => T::FaultMissing,
        ErrorKind::Syntax => T::FaultSyntax,
        ErrorKind::Version => T::FaultVersion,
        ErrorKind::Shape => T::FaultShape,
        ErrorKind::MissingField => T::FaultMissingField,
        ErrorKind::BadId => T::FaultBadId,
        ErrorKind::DuplicateId => T::FaultDuplicateId,
        ErrorKind::UnknownReference => T::FaultUnknownReference,
        ErrorKind::MissingName(missing) => {
            return T::FaultMissingName.fill(lang, &[("lang", language_name(missing, lang))])
        }
        ErrorKind::OutsideArea => T::FaultOutsideArea,
        ErrorKind::BadGeometry => T::FaultBadGeometry,
        ErrorKind::AreaMismatch => T::FaultAreaMismatch,
        ErrorKind::SchematicNotFlagged => T::FaultSchematic,
        ErrorKind::BadFigure => T::FaultBadFigure,
        ErrorKind::BadDate => T::FaultBadDate,
        ErrorKind::BadLink => T::FaultBadLink,
        ErrorKind::Inconsistent => T::FaultInconsistent,
    };
    t.get(lang).to_owned()
}

/// A language's name as `lang` writes it.
fn language_name(of: Lang, lang: Lang) -> &'static str {
    match (of, lang) {
        (Lang::En, Lang::En) => "English",
        (Lang::En, Lang::ZhHans) => "英文",
        (Lang::En, Lang::ZhHant) => "英文",
        (Lang::ZhHans, Lang::En) => "Simplified Chinese",
        (Lang::ZhHant, Lang::En) => "Traditional Chinese",
        (Lang::ZhHans, Lang::ZhHant) => "簡體中文",
        (Lang::ZhHant, Lang::ZhHans) => "繁体中文",
        (of, _) => of.endonym(),
    }
}

/// Where the problem is: "facts.toml 第 212 行，记录 bj-gdp-2022" /
/// "facts.toml, line 212, record bj-gdp-2022".
pub fn place(e: &DataError, lang: Lang) -> String {
    let file = file_name(&e.file);
    let mut s = match e.line {
        Some(line) => T::ProblemAtLine.fill(lang, &[("file", file), ("line", &line.to_string())]),
        None => file.to_owned(),
    };
    if let Some(id) = &e.id {
        s.push_str(if lang == Lang::En { ", " } else { "，" });
        s.push_str(&T::ProblemRecord.fill(lang, &[("id", id)]));
    }
    s
}

/// The records that depend on the problem, counted by file, when there are
/// any: "and 15 records depending on it (facts.toml 14, tour.toml 1)".
pub fn dependents(e: &DataError, lang: Lang) -> Option<String> {
    if e.dependents.is_empty() {
        return None;
    }
    let files: Vec<String> = e.dependents_by_file().iter().map(|(f, n)| format!("{f} {n}")).collect();
    let sep = if lang == Lang::En { ", " } else { "，" };
    Some(T::ProblemDependents.fill(lang, &[("n", &e.dependents.len().to_string()), ("files", &files.join(sep))]))
}

/// The whole problem in words: its place, then its class of fault.
pub fn describe(e: &DataError, lang: Lang) -> String {
    format!("{}{}{}", place(e, lang), colon(lang), fault(e.kind, lang))
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn a_problem_reads_with_its_file_line_record_and_fault_in_each_language() {
        let e =
            DataError::new(ErrorKind::UnknownReference, "facts.toml", Some("bj-area"), "expected a source id").at(54);
        assert_eq!(describe(&e, Lang::ZhHans), "facts.toml 第 54 行，记录 bj-area：引用的对象不存在");
        assert_eq!(
            describe(&e, Lang::En),
            "facts.toml, line 54, record bj-area: it refers to something that is not there"
        );
        let e = DataError::new(ErrorKind::Missing, "geodata/themes.toml", None, "HTTP 404");
        assert_eq!(describe(&e, Lang::ZhHant), "themes.toml：檔案無法取得");
    }

    #[test]
    fn the_records_depending_on_a_problem_are_counted_by_file() {
        let mut e = DataError::new(ErrorKind::Shape, "themes.toml", Some("t"), "…").at(29);
        assert_eq!(dependents(&e, Lang::En), None);
        e.dependents = [("facts.toml", "a"), ("tour.toml", "s"), ("facts.toml", "b")]
            .map(|(f, i)| (f.to_owned(), i.to_owned()))
            .into();
        assert_eq!(dependents(&e, Lang::En).unwrap(), "and 3 records depending on it (facts.toml 2, tour.toml 1)");
        assert_eq!(dependents(&e, Lang::ZhHans).unwrap(), "另有 3 条记录因依赖它而受影响（facts.toml 2，tour.toml 1）");
    }

    #[test]
    fn a_missing_name_says_which_language() {
        let e = DataError::new(ErrorKind::MissingName(Lang::En), "layers.toml", Some("labs"), "…").at(3);
        assert!(describe(&e, Lang::ZhHans).ends_with("缺少英文的名称或文字"));
        assert!(describe(&e, Lang::En).ends_with("a name or text is missing in English"));
        let e = DataError::new(ErrorKind::MissingName(Lang::ZhHant), "layers.toml", None, "…");
        assert!(describe(&e, Lang::En).ends_with("missing in Traditional Chinese"));
    }
}
