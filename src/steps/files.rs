//! Workspace file steps.

use super::Step;

pub static STEPS: &[&dyn Step] = &[];
