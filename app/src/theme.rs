//! Themes: the ways into the datasets by what kind of evidence they are,
//! derived from each dataset's method (never tagged by hand).

use evidence::model::Method;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    /// Reports to platforms, hotlines and the police: activity of systems.
    Reports,
    /// Surveys of children and young adults: how common experiences are.
    Surveys,
    /// Estimates pooled from many studies.
    Pooled,
    /// Surveys of people who search for abuse material.
    Offenders,
}

impl Theme {
    pub const ALL: [Theme; 4] = [Theme::Reports, Theme::Surveys, Theme::Pooled, Theme::Offenders];

    pub fn code(self) -> &'static str {
        match self {
            Theme::Reports => "reports",
            Theme::Surveys => "surveys",
            Theme::Pooled => "pooled",
            Theme::Offenders => "offenders",
        }
    }

    pub fn parse(s: &str) -> Option<Theme> {
        Theme::ALL.into_iter().find(|t| t.code() == s)
    }

    pub fn of(method: Method) -> Theme {
        match method {
            Method::Administrative | Method::ProviderReports | Method::HotlineReports | Method::PoliceRecorded => Theme::Reports,
            Method::HouseholdSurvey | Method::OnlineSurvey => Theme::Surveys,
            Method::MetaAnalysis => Theme::Pooled,
            Method::SelfSelectedSurvey => Theme::Offenders,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn report_counts_and_estimates_never_share_a_theme() {
        for m in [Method::Administrative, Method::ProviderReports, Method::HotlineReports, Method::PoliceRecorded] {
            assert_eq!(Theme::of(m), Theme::Reports);
            assert!(m.is_report_count());
        }
        for m in [Method::HouseholdSurvey, Method::OnlineSurvey, Method::MetaAnalysis, Method::SelfSelectedSurvey] {
            assert_ne!(Theme::of(m), Theme::Reports);
        }
        for t in Theme::ALL {
            assert_eq!(Theme::parse(t.code()), Some(t));
        }
    }
}
