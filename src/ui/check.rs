//! The content check (`?check=1`): for a keeper after an upload, every content
//! file with its size or why it could not be fetched, and every problem in it
//! with its place (file, line, record) and what is wrong. The map stays behind
//! it, drawn from what loaded.

use leptos::prelude::*;

use super::context::ctx;
use crate::atlas::{DataError, ErrorKind, Lang};
use crate::state::problems::{dependents, describe};
use crate::state::text::{colon, T};

/// One problem: where it is and its class of fault in the reader's language,
/// then what exactly is wrong, as the file's keys and values say it (English);
/// for a file not fetched, why, in the browser's words ("HTTP 404"); then how
/// many records were left out because of it.
#[component]
pub fn Problem(p: DataError, lang: RwSignal<Lang>) -> impl IntoView {
    let detail = p.message.clone();
    let counted = p.clone();
    let has_dependents = !p.dependents.is_empty();
    view! {
        <li class="problem">
            <span class="problem__place">{move || describe(&p, lang.get())}</span>
            " "
            <code class="problem__detail" lang="en">{detail}</code>
            {has_dependents.then(|| view! {
                " "
                <span class="problem__dependents" data-testid="problem-dependents">
                    {move || dependents(&counted, lang.get()).unwrap_or_default()}
                </span>
            })}
        </li>
    }
}

#[component]
pub fn CheckReport() -> impl IntoView {
    let c = ctx();
    let data = c.data();
    data.options.check.then(|| {
        let lang = c.lang;
        let open = RwSignal::new(true);
        let total = data.problems.len();
        let files = data.files.len();
        let rows = data
            .files
            .iter()
            .map(|f| {
                // A file not fetched says why on its own line, once: its
                // "could not be fetched" problem is not listed again under it.
                let problems: Vec<DataError> = data
                    .problems
                    .iter()
                    .filter(|p| crate::state::content::file_name(&p.file) == f.name)
                    .filter(|p| !(f.failed.is_some() && p.kind == ErrorKind::Missing))
                    .cloned()
                    .collect();
                let (name, bytes, failed, count) = (f.name.clone(), f.bytes, f.failed.clone(), problems.len());
                let status = move || {
                    let l = lang.get();
                    match (&failed, bytes) {
                        (Some(why), _) => T::CheckFileFailed.fill(l, &[("why", why)]),
                        (None, Some(n)) if count == 0 => {
                            format!("{}{}{}", T::CheckBytes.fill(l, &[("n", &n.to_string())]), colon(l), T::CheckFileOk.get(l))
                        }
                        (None, n) => format!(
                            "{}{}{}",
                            T::CheckBytes.fill(l, &[("n", &n.unwrap_or(0).to_string())]),
                            colon(l),
                            T::CheckProblemCount.fill(l, &[("n", &count.to_string())])
                        ),
                    }
                };
                let bad = count > 0;
                view! {
                    <li class="content-check__file" class:has-problems=bad data-file=name.clone()>
                        <code lang="zxx">{name.clone()}</code> " " <span>{status}</span>
                        {bad.then(|| view! {
                            <ul>{problems.into_iter().map(|p| view! { <Problem p lang/> }).collect_view()}</ul>
                        })}
                    </li>
                }
            })
            .collect_view();
        view! {
            <section class="content-check" data-testid="check-report" aria-labelledby="check-title" hidden=move || !open.get()>
                <h2 id="check-title">{move || T::CheckTitle.get(lang.get())}</h2>
                <p>{move || T::CheckIntro.get(lang.get())}</p>
                <p class="content-check__summary" data-testid="check-summary" role="status">{move || {
                    let l = lang.get();
                    if total == 0 {
                        T::CheckAllGood.fill(l, &[("n", &files.to_string())])
                    } else {
                        T::CheckProblemCount.fill(l, &[("n", &total.to_string())])
                    }
                }}</p>
                <ul class="content-check__files">{rows}</ul>
                <button type="button" class="btn" on:click=move |_| open.set(false)>{move || T::Close.get(lang.get())}</button>
            </section>
        }
    })
}
