//! Jenkins' build result model: `SUCCESS < UNSTABLE < FAILURE < NOT_BUILT < ABORTED`,
//! bigger is worse, and a result only ever gets worse.

use std::fmt;

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum BuildResult {
    #[serde(rename = "SUCCESS")]
    Success,
    #[serde(rename = "UNSTABLE")]
    Unstable,
    #[serde(rename = "FAILURE")]
    Failure,
    #[serde(rename = "NOT_BUILT")]
    NotBuilt,
    #[serde(rename = "ABORTED")]
    Aborted,
}

impl BuildResult {
    pub const ALL: [BuildResult; 5] = [
        BuildResult::Success,
        BuildResult::Unstable,
        BuildResult::Failure,
        BuildResult::NotBuilt,
        BuildResult::Aborted,
    ];

    /// `Result.combine`: the worse of the two.
    pub fn combine(self, other: BuildResult) -> BuildResult {
        self.max(other)
    }

    pub fn is_worse_than(self, other: BuildResult) -> bool {
        self > other
    }

    /// `Result.fromString`: case-insensitive, anything unknown is FAILURE.
    pub fn from_jenkins(s: &str) -> BuildResult {
        match s.trim().to_ascii_uppercase().as_str() {
            "SUCCESS" => BuildResult::Success,
            "UNSTABLE" => BuildResult::Unstable,
            "NOT_BUILT" => BuildResult::NotBuilt,
            "ABORTED" => BuildResult::Aborted,
            _ => BuildResult::Failure,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            BuildResult::Success => "SUCCESS",
            BuildResult::Unstable => "UNSTABLE",
            BuildResult::Failure => "FAILURE",
            BuildResult::NotBuilt => "NOT_BUILT",
            BuildResult::Aborted => "ABORTED",
        }
    }

    /// The process exit code (`Result.ordinal`, as jenkinsfile-runner exits).
    pub fn exit_code(self) -> u8 {
        self as u8
    }
}

impl fmt::Display for BuildResult {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::BuildResult as B;

    #[test]
    fn results_only_get_worse_and_unknown_strings_are_failure() {
        assert_eq!(B::Success.combine(B::Unstable), B::Unstable);
        assert_eq!(B::Aborted.combine(B::Failure), B::Aborted);
        assert_eq!(B::from_jenkins("unstable"), B::Unstable);
        assert_eq!(B::from_jenkins("bogus"), B::Failure);
        assert_eq!(B::NotBuilt.exit_code(), 3);
    }
}
