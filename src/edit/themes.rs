//! Edits of `themes.toml` beyond a single field: a theme's members (zone and
//! site ids) added and removed one at a time, and removing a theme, refused
//! while a fact is about it or a tour stop shows it.

use super::records::Records;
use super::{EditError, Refusal};

/// Adds `member` (a zone or site id) to the theme's members, last; a member
/// already listed is left as it is.
pub fn add_member(themes: &mut Records, id: &str, member: &str) -> Result<(), EditError> {
    let mut members = themes.get_list(id, "members");
    if !members.iter().any(|m| m == member) {
        members.push(member.to_owned());
    }
    themes.set_list(id, "members", &members)
}

/// Removes `member` from the theme's members.
pub fn remove_member(themes: &mut Records, id: &str, member: &str) -> Result<(), EditError> {
    let members: Vec<String> = themes.get_list(id, "members").into_iter().filter(|m| m != member).collect();
    themes.set_list(id, "members", &members)
}

/// The facts about the theme `id` and the tour stops showing it, in file order.
pub fn citing(facts: &Records, tour: &Records, id: &str) -> Vec<String> {
    let target = format!("theme:{id}");
    let mut by: Vec<String> =
        facts.ids().into_iter().filter(|f| facts.get(f, "subject").as_deref() == Some(id)).collect();
    by.extend(tour.ids().into_iter().filter(|s| tour.get(s, "target").as_deref() == Some(target.as_str())));
    by
}

/// Removes a theme, unless facts or tour stops name it: then the refusal
/// names them.
pub fn remove(themes: &mut Records, facts: &Records, tour: &Records, id: &str) -> Result<(), Refusal> {
    let by = citing(facts, tour, id);
    if !by.is_empty() {
        return Err(Refusal::Cited { by });
    }
    themes.remove(id)?;
    Ok(())
}

// The committed files are read natively only.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod test {
    use super::*;
    use crate::atlas::Lang;
    use crate::edit::check::{check, committed, with_file};
    use crate::edit::records::Kind;

    fn read(kind: Kind) -> Records {
        Records::parse(kind, committed(kind.file())).unwrap()
    }

    #[test]
    fn a_theme_renamed_changes_one_line_and_the_map_reads_it() {
        let mut t = read(Kind::Theme);
        t.set_str("towns", "name_en", "Five towns").unwrap();
        let text = t.text();
        let before = committed("themes.toml");
        let diff: Vec<_> = before.lines().zip(text.lines()).filter(|(a, b)| a != b).collect();
        assert_eq!(diff, [("name_en = \"The five towns\"", "name_en = \"Five towns\"")]);
        let checked = check(&with_file("themes.toml", &text));
        assert!(checked.errors.is_empty(), "{:?}", checked.errors);
        assert_eq!(checked.content.catalogue.theme("towns").unwrap().names.get(Lang::En), "Five towns");
    }

    #[test]
    fn members_are_added_and_removed_and_an_unknown_one_is_a_fault() {
        let mut t = read(Kind::Theme);
        add_member(&mut t, "towns", "binxiao").unwrap();
        add_member(&mut t, "towns", "binxiao").unwrap();
        assert_eq!(t.get_list("towns", "members"), ["iot-town", "internet-town", "binxiao"]);
        let checked = check(&with_file("themes.toml", &t.text()));
        assert!(checked.errors.is_empty(), "{:?}", checked.errors);
        assert!(checked.content.catalogue.theme("towns").unwrap().members.iter().any(|m| m == "binxiao"));
        remove_member(&mut t, "towns", "binxiao").unwrap();
        assert_eq!(t.text(), committed("themes.toml"));
        add_member(&mut t, "towns", "no-such-site").unwrap();
        let text = t.text();
        let checked = check(&with_file("themes.toml", &text));
        let on = checked.field_errors("themes.toml", &text, "towns", "members");
        assert_eq!(on.len(), 1, "{:?}", checked.errors);
        assert_eq!(on[0].kind, crate::atlas::error::ErrorKind::UnknownReference);
    }

    #[test]
    fn a_theme_in_use_is_not_removed_and_a_new_one_is_added_and_removed() {
        let (facts, tour) = (read(Kind::Fact), read(Kind::Stop));
        let mut t = read(Kind::Theme);
        let Err(Refusal::Cited { by }) = remove(&mut t, &facts, &tour, "china-data-valley") else {
            panic!("a theme that facts are about was removed")
        };
        assert!(by.contains(&"china-data-valley".to_owned()), "the tour stop showing it: {by:?}");
        assert!(by.iter().any(|f| facts.get(f, "subject").as_deref() == Some("china-data-valley")));
        crate::edit::add_record(&mut t, "new-theme").unwrap();
        for (k, v) in [("name_zh_hans", "新"), ("name_zh_hant", "新"), ("name_en", "New")] {
            t.set_str("new-theme", k, v).unwrap();
        }
        add_member(&mut t, "new-theme", "binjiang").unwrap();
        let checked = check(&with_file("themes.toml", &t.text()));
        assert!(checked.errors.is_empty(), "{:?}", checked.errors);
        assert!(checked.content.catalogue.theme("new-theme").is_some());
        remove(&mut t, &facts, &tour, "new-theme").unwrap();
        assert_eq!(t.text(), committed("themes.toml"));
    }
}
