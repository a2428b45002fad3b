//! Periods and dates as the content files write them: a fact's period
//! ("2022-H1", "as of 2022-08", "target 2025") and a source's date
//! ("2023-05-05"), read into the months they cover.

/// What a fact's period is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PeriodKind {
    /// A time span: "2022", "2022-H1", "2023-01..05".
    Span,
    /// A running total on a date: "as of 2022-08".
    AsOf,
    /// Only the report's date is known: "as reported 2023-05".
    AsReported,
    /// A goal for a time: "target 2025".
    Target,
}

/// A period read from the data: its kind and the first and last month it
/// covers, as (year, month).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PeriodSpan {
    pub kind: PeriodKind,
    pub start: (u32, u32),
    pub end: (u32, u32),
}

impl PeriodSpan {
    /// Whether the span includes any month of `year`.
    pub fn touches_year(&self, year: u32) -> bool {
        (self.start.0..=self.end.0).contains(&year)
    }
}

/// Reads a period: "2022", "2020..2022", "2022-H1", "2023-Q1", "2022-06",
/// "2023-01..05", "2023-02-24", each optionally after "as of ", "as reported "
/// or "target "; `None` for anything else.
pub fn period_span(p: &str) -> Option<PeriodSpan> {
    let p = p.trim();
    for (prefix, kind) in
        [("as of ", PeriodKind::AsOf), ("as reported ", PeriodKind::AsReported), ("target ", PeriodKind::Target)]
    {
        if let Some(rest) = p.strip_prefix(prefix) {
            return date_span(rest).map(|s| PeriodSpan { kind, ..s });
        }
    }
    date_span(p)
}

/// The months a bare period covers (kind `Span`).
pub(crate) fn date_span(p: &str) -> Option<PeriodSpan> {
    let year = |s: &str| (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse::<u32>().ok())?;
    let month = |s: &str| {
        (s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
            .filter(|m| (1..=12).contains(m))
    };
    let span = |start, end| (start <= end).then_some(PeriodSpan { kind: PeriodKind::Span, start, end });
    let parts: Vec<&str> = p.split('-').collect();
    match parts.as_slice() {
        [y] => match y.split_once("..") {
            Some((a, b)) => span((year(a)?, 1), (year(b)?, 12)),
            None => span((year(y)?, 1), (year(y)?, 12)),
        },
        [y, h] if *h == "H1" => span((year(y)?, 1), (year(y)?, 6)),
        [y, h] if *h == "H2" => span((year(y)?, 7), (year(y)?, 12)),
        [y, q] if q.len() == 2 && q.starts_with('Q') => {
            let n = q[1..].parse::<u32>().ok().filter(|n| (1..=4).contains(n))?;
            span((year(y)?, n * 3 - 2), (year(y)?, n * 3))
        }
        [y, m] => match m.split_once("..") {
            Some((a, b)) => span((year(y)?, month(a)?), (year(y)?, month(b)?)),
            None => span((year(y)?, month(m)?), (year(y)?, month(m)?)),
        },
        [y, m, _] if is_iso_date(p) => span((year(y)?, month(m)?), (year(y)?, month(m)?)),
        _ => None,
    }
}

/// "2023", "2023-08" or "2023-05-05".
pub(crate) fn is_iso_date(date: &str) -> bool {
    let parts: Vec<&str> = date.split('-').collect();
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    let in_range = |s: &str, max: u32| s.parse::<u32>().is_ok_and(|v| (1..=max).contains(&v));
    match parts.as_slice() {
        [y] => digits(y, 4),
        [y, m] => digits(y, 4) && digits(m, 2) && in_range(m, 12),
        [y, m, d] => digits(y, 4) && digits(m, 2) && in_range(m, 12) && digits(d, 2) && in_range(d, 31),
        _ => false,
    }
}
