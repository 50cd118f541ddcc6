//! The only place with side effects on the outside world: child processes, mail (and,
//! later, Docker and HTTP clients). Steps validate their arguments and call in here.

pub mod mail;
pub mod process;
