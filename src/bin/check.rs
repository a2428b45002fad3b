//! `cargo run --bin check -- DIR`: checks the content files in DIR (the
//! repository's `geodata/` or a deployed `data/` folder) with the rules the
//! map applies when it loads them. Prints every problem, one a line
//! ("facts.toml:212, 'bj-gdp-2022': expected …"), and exits 1 if there is
//! any; otherwise prints a summary and exits 0. Exits 2 when used wrongly.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use std::io::Write;
    use std::path::PathBuf;
    use std::process::exit;

    let args: Vec<String> = std::env::args().skip(1).collect();
    let [dir] = args.as_slice() else {
        eprintln!("usage: check DIR   (DIR holds sources.toml, facts.toml, …, sites.geojson, …)");
        exit(2);
    };
    let dir = PathBuf::from(dir);
    if !dir.is_dir() {
        eprintln!("check: {} is not a folder", dir.display());
        exit(2);
    }
    let report = check::run(&dir);
    // A reader that stops early (`| head`) ends the listing, nothing more.
    let mut out = std::io::stdout().lock();
    for problem in &report.problems {
        if writeln!(out, "{problem}").is_err() {
            break;
        }
    }
    if report.problems.is_empty() {
        let _ = writeln!(out, "{}: {}", dir.display(), report.summary);
    } else {
        eprintln!("{}: {} problem(s)", dir.display(), report.problems.len());
        exit(1);
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod check {
    use std::fs;
    use std::path::Path;

    use binjiang_map::atlas::DataError;
    use binjiang_map::state::content::{Content, Fetched, FILES};

    pub struct Report {
        pub problems: Vec<DataError>,
        pub summary: String,
    }

    /// Reads the files as the map reads the deployed ones (a file that
    /// cannot be read counts as one not fetched), then checks the layers'
    /// geometry too, which the map leaves to this check and the tests.
    pub fn run(dir: &Path) -> Report {
        let texts: Vec<(&str, Fetched)> = FILES
            .iter()
            .map(|name| {
                let fetched = match fs::read_to_string(dir.join(name)) {
                    Ok(text) => Fetched::Text(text),
                    Err(e) => Fetched::Failed(e.to_string()),
                };
                (*name, fetched)
            })
            .collect();
        let content = Content::from_texts(&texts);
        let mut problems = content.problems.clone();
        problems.extend(content.atlas.validate());
        let summary = format!(
            "no problems: {} zones, {} sites, {} sources, {} facts, {} themes, {} tour stops",
            content.atlas.zones().count(),
            content.atlas.sites.len(),
            content.catalogue.sources.len(),
            content.catalogue.facts.len(),
            content.catalogue.themes.len(),
            content.tour.stops.len()
        );
        Report { problems, summary }
    }
}
