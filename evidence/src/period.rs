//! Periods as sources publish them: a calendar year, a span of years (survey
//! fieldwork, studies pooled in a meta-analysis), or a span of months (a
//! police "year to April").

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// Years outside this range are refused: they are typing errors, not data.
pub const MIN_YEAR: i32 = 1900;
pub const MAX_YEAR: i32 = 2100;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Period {
    Year(i32),
    Years { start: i32, end: i32 },
    Months { start: (i32, u8), end: (i32, u8) },
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("'{input}' is not a period: {reason} (expected YYYY, YYYY/YYYY or YYYY-MM/YYYY-MM)")]
pub struct PeriodError {
    pub input: String,
    pub reason: &'static str,
}

fn year(s: &str) -> Option<i32> {
    if s.len() != 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let y: i32 = s.parse().ok()?;
    (MIN_YEAR..=MAX_YEAR).contains(&y).then_some(y)
}

fn year_month(s: &str) -> Option<(i32, u8)> {
    let (y, m) = s.split_once('-')?;
    if m.len() != 2 || !m.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let m: u8 = m.parse().ok()?;
    ((1..=12).contains(&m)).then_some((year(y)?, m))
}

impl FromStr for Period {
    type Err = PeriodError;
    fn from_str(input: &str) -> Result<Self, Self::Err> {
        let err = |reason| PeriodError { input: input.to_string(), reason };
        match input.split_once('/') {
            None => year(input).map(Period::Year).ok_or_else(|| err("not a year between 1900 and 2100")),
            Some((a, b)) if a.contains('-') || b.contains('-') => {
                let start = year_month(a).ok_or_else(|| err("bad start month"))?;
                let end = year_month(b).ok_or_else(|| err("bad end month"))?;
                if start >= end {
                    return Err(err("the span must end after it starts"));
                }
                Ok(Period::Months { start, end })
            }
            Some((a, b)) => {
                let start = year(a).ok_or_else(|| err("bad start year"))?;
                let end = year(b).ok_or_else(|| err("bad end year"))?;
                if start >= end {
                    return Err(err("the span must end after it starts"));
                }
                Ok(Period::Years { start, end })
            }
        }
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Period::Year(y) => write!(f, "{y}"),
            Period::Years { start, end } => write!(f, "{start}/{end}"),
            Period::Months { start, end } => {
                write!(f, "{}-{:02}/{}-{:02}", start.0, start.1, end.0, end.1)
            }
        }
    }
}

impl Period {
    pub fn start_year(&self) -> i32 {
        match *self {
            Period::Year(y) => y,
            Period::Years { start, .. } => start,
            Period::Months { start, .. } => start.0,
        }
    }
    pub fn end_year(&self) -> i32 {
        match *self {
            Period::Year(y) => y,
            Period::Years { end, .. } => end,
            Period::Months { end, .. } => end.0,
        }
    }
    /// Whether the period touches any year in `from..=to`.
    pub fn overlaps(&self, from: Option<i32>, to: Option<i32>) -> bool {
        from.is_none_or(|f| self.end_year() >= f) && to.is_none_or(|t| self.start_year() <= t)
    }
    /// Position on a time axis in years: the middle of the span, shifted so
    /// that a calendar year sits on its own number.
    pub fn axis_value(&self) -> f64 {
        let (start, end) = match *self {
            Period::Year(y) => (y as f64, y as f64 + 1.0),
            Period::Years { start, end } => (start as f64, end as f64 + 1.0),
            Period::Months { start, end } => (
                start.0 as f64 + (start.1 as f64 - 1.0) / 12.0,
                end.0 as f64 + end.1 as f64 / 12.0,
            ),
        };
        (start + end) / 2.0 - 0.5
    }
    /// A short human label: "2021", "2020–2021", "Apr 2017–Mar 2018".
    pub fn label(&self) -> String {
        const MONTHS: [&str; 12] = [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ];
        match *self {
            Period::Year(y) => y.to_string(),
            Period::Years { start, end } => format!("{start}\u{2013}{end}"),
            Period::Months { start, end } => format!(
                "{} {}\u{2013}{} {}",
                MONTHS[start.1 as usize - 1],
                start.0,
                MONTHS[end.1 as usize - 1],
                end.0
            ),
        }
    }
}

impl Serialize for Period {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// A period is sent as its text form, so its schema is a patterned string.
#[cfg(feature = "openapi")]
impl utoipa::PartialSchema for Period {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .pattern(Some(r"^[0-9]{4}(/[0-9]{4})?$|^[0-9]{4}-[0-9]{2}/[0-9]{4}-[0-9]{2}$"))
            .description(Some("A year (2019), a span of years (2020/2021) or a span of months (2017-04/2018-03)"))
            .examples(["2019", "2020/2021", "2017-04/2018-03"])
            .into()
    }
}

#[cfg(feature = "openapi")]
impl utoipa::ToSchema for Period {}

impl<'de> Deserialize<'de> for Period {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_three_forms_and_prints_them_back() {
        for text in ["2019", "2020/2021", "2017-04/2018-03"] {
            let p: Period = text.parse().unwrap();
            assert_eq!(p.to_string(), text);
        }
    }

    #[test]
    fn refuses_malformed_and_reversed_periods() {
        for bad in ["", "19", "20190", "2019/2019", "2021/2020", "2019-13/2020-01", "abcd", "1899", "2019-4/2020-03", "2019 "] {
            assert!(bad.parse::<Period>().is_err(), "{bad:?} should be refused");
        }
    }

    #[test]
    fn axis_puts_a_year_on_its_number_and_a_span_in_its_middle() {
        assert_eq!(Period::Year(2019).axis_value(), 2019.0);
        assert_eq!("2020/2021".parse::<Period>().unwrap().axis_value(), 2020.5);
    }

    #[test]
    fn overlap_with_year_filters() {
        let p: Period = "2020/2021".parse().unwrap();
        assert!(p.overlaps(Some(2021), None));
        assert!(!p.overlaps(Some(2022), None));
        assert!(!p.overlaps(None, Some(2019)));
        assert!(p.overlaps(None, None));
    }
}
