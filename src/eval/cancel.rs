//! Cancellation tokens: how `timeout`, `parallel`'s failFast and an aborted build interrupt
//! running code.
//!
//! A token is pushed on an interpreter's token stack for the extent of a block (a `timeout`
//! body, a parallel branch, the whole build). When it fires, each interpreter under it is
//! interrupted once: the next statement boundary, or the blocking step running (`sh`,
//! `sleep`, `input`), throws the token's exception — a Jenkins `FlowInterruptedException`,
//! which scripts can catch, as in Jenkins. The interpreter records the delivery, so the
//! `finally` blocks and `post` steps that run while it unwinds are not interrupted again.

use std::sync::atomic::{AtomicBool, Ordering};

use parking_lot::Mutex;

/// A cancellation request that code under a block observes.
pub struct CancelToken {
    fired: AtomicBool,
    /// The exception thrown when the interruption is delivered: class and message.
    cause: Mutex<Option<(String, Option<String>)>>,
}

impl Default for CancelToken {
    fn default() -> CancelToken {
        CancelToken::new()
    }
}

impl CancelToken {
    pub fn new() -> CancelToken {
        CancelToken {
            fired: AtomicBool::new(false),
            cause: Mutex::new(None),
        }
    }

    /// Requests cancellation; the first cause wins.
    pub fn fire(&self, class: &str, message: Option<String>) {
        let mut cause = self.cause.lock();
        if cause.is_none() {
            *cause = Some((class.to_string(), message));
        }
        self.fired.store(true, Ordering::SeqCst);
    }

    pub fn fired(&self) -> bool {
        self.fired.load(Ordering::Relaxed)
    }

    /// The cause of the cancellation, once fired.
    pub fn cause(&self) -> Option<(String, Option<String>)> {
        if self.fired() {
            self.cause.lock().clone()
        } else {
            None
        }
    }
}
