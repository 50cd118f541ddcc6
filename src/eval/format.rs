//! TEMPORARY stub of Java's Formatter (the real one lands from the `text` branch).
#![allow(dead_code, clippy::all)]
