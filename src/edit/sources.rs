//! Edits of `sources.toml` that need more than one field: the link, which
//! must be `https:` (a `javascript:` or `data:` link is refused and named
//! before it reaches the file), and removing a source, refused while a fact
//! cites it.

use super::records::Records;
use super::Refusal;
use crate::atlas::catalogue::is_https_link;

/// Whether `typed` may be a source's link: blank (no link) or an `https:`
/// link the map accepts. A refused link is named by its scheme, read as a
/// browser would (ignoring case, spaces and control characters).
pub fn check_link(typed: &str) -> Result<(), Refusal> {
    if typed.is_empty() || is_https_link(typed) {
        return Ok(());
    }
    let squeezed: String = typed.chars().filter(|c| !c.is_whitespace() && !c.is_control()).collect();
    let scheme = squeezed
        .split_once(':')
        .map(|(s, _)| s.to_ascii_lowercase())
        .filter(|s| !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c)));
    Err(Refusal::Link { scheme })
}

/// Sets a source's `url`; a link that is not `https:` is refused and the
/// file keeps its old one.
pub fn set_link(sources: &mut Records, id: &str, typed: &str) -> Result<(), Refusal> {
    let typed = typed.trim();
    check_link(typed)?;
    sources.set_str(id, "url", typed)?;
    Ok(())
}

/// The facts citing the source `id`, in file order.
pub fn citing(facts: &Records, id: &str) -> Vec<String> {
    facts.ids().into_iter().filter(|f| facts.get(f, "source").as_deref() == Some(id)).collect()
}

/// Removes a source, unless a fact cites it: then the refusal names them.
pub fn remove(sources: &mut Records, facts: &Records, id: &str) -> Result<(), Refusal> {
    let by = citing(facts, id);
    if !by.is_empty() {
        return Err(Refusal::Cited { by });
    }
    sources.remove(id)?;
    Ok(())
}

// The committed files are read natively only.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod test {
    use super::*;
    use crate::edit::check::{check, committed, with_file};
    use crate::edit::records::Kind;

    fn sources() -> Records {
        Records::parse(Kind::Source, committed("sources.toml")).unwrap()
    }
    fn facts() -> Records {
        Records::parse(Kind::Fact, committed("facts.toml")).unwrap()
    }
    fn changed_lines(before: &str, after: &str) -> Vec<(String, String)> {
        let (b, a): (Vec<_>, Vec<_>) = (before.lines().collect(), after.lines().collect());
        assert_eq!(b.len(), a.len(), "the line count changed");
        b.into_iter().zip(a).filter(|(x, y)| x != y).map(|(x, y)| (x.to_owned(), y.to_owned())).collect()
    }

    #[test]
    fn a_source_date_and_its_basis_change_in_place_and_the_map_reads_them() {
        let mut s = sources();
        s.set_str("s003", "date", "2022-09-27").unwrap();
        s.set_str("s003", "date_basis", "Printed on the page.").unwrap();
        let text = s.text();
        assert_eq!(changed_lines(committed("sources.toml"), &text).len(), 2);
        let checked = check(&with_file("sources.toml", &text));
        assert!(checked.errors.is_empty(), "{:?}", checked.errors);
        assert_eq!(checked.content.catalogue.source("s003").unwrap().date, "2022-09-27");
    }

    #[test]
    fn only_https_links_are_taken_and_others_are_named() {
        let mut s = sources();
        set_link(&mut s, "s000", "https://www.example.cn/a").unwrap();
        let text = s.text();
        assert!(text.contains("url = \"https://www.example.cn/a\""));
        let checked = check(&with_file("sources.toml", &text));
        assert_eq!(checked.content.catalogue.source("s000").unwrap().url.as_deref(), Some("https://www.example.cn/a"));
        for (typed, scheme) in [
            ("javascript:alert(1)", Some("javascript")),
            (" JavaScript:alert(1)", Some("javascript")),
            ("java\tscript:alert(1)", Some("javascript")),
            ("data:text/html,<b>x</b>", Some("data")),
            ("http://example.cn", Some("http")),
            ("www.example.cn", None),
        ] {
            assert_eq!(
                set_link(&mut s, "s000", typed),
                Err(Refusal::Link { scheme: scheme.map(str::to_owned) }),
                "{typed}"
            );
        }
        // The refused links never reached the file.
        assert_eq!(s.text(), text);
        set_link(&mut s, "s000", "").unwrap();
        assert_eq!(s.text(), committed("sources.toml"));
    }

    #[test]
    fn a_cited_source_is_not_removed_and_its_facts_are_named() {
        let mut s = sources();
        let f = facts();
        let by = citing(&f, "s002");
        assert!(by.len() > 1 && by.iter().all(|id| f.get(id, "source").as_deref() == Some("s002")));
        assert_eq!(remove(&mut s, &f, "s002"), Err(Refusal::Cited { by }));
        assert_eq!(s.text(), committed("sources.toml"));
    }

    #[test]
    fn a_source_is_added_then_removed() {
        let mut s = sources();
        crate::edit::add_record(&mut s, "s900").unwrap();
        for (k, v) in [
            ("title", "标题"),
            ("publisher_zh_hans", "出版者"),
            ("publisher_zh_hant", "出版者"),
            ("publisher_en", "Publisher"),
            ("date", "2024-01"),
            ("date_basis", "Printed."),
            ("script", "Hans"),
        ] {
            s.set_str("s900", k, v).unwrap();
        }
        let text = s.text();
        assert!(text.starts_with(committed("sources.toml").trim_end()), "the other records are untouched");
        let checked = check(&with_file("sources.toml", &text));
        assert!(checked.errors.is_empty(), "{:?}", checked.errors);
        assert_eq!(checked.content.catalogue.source("s900").unwrap().date, "2024-01");
        assert_eq!(crate::edit::add_record(&mut s, "S 1"), Err(Refusal::Id));
        remove(&mut s, &facts(), "s900").unwrap();
        assert_eq!(s.text(), committed("sources.toml"));
    }
}
