//! The only place with side effects on the outside world: child processes (and, later,
//! Docker and HTTP clients). Steps validate their arguments and call in here.

pub mod process;
