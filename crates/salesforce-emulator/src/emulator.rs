//! The running emulator as handlers share it ([`Emulator`], cheap to clone): configuration, the
//! org's data, the Connected App, the scripted outage, the count of token requests, the open query
//! cursors, and the URL clients are told to call.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::config::Config;
use crate::jwt_bearer::ConnectedApp;
use crate::outage::Outage;
use crate::persistence::SharedData;
use crate::query_cursors::QueryCursors;

#[derive(Clone)]
pub struct Emulator {
    pub config: Arc<Config>,
    pub data: Arc<SharedData>,
    pub app: Arc<ConnectedApp>,
    pub outage: Arc<Outage>,
    pub token_requests: Arc<TokenRequests>,
    pub query_cursors: Arc<QueryCursors>,
    /// The token answer's `instance_url`, without a trailing slash.
    pub instance_url: Arc<str>,
}

/// The token requests the token endpoint answered since start (not those an outage refused), so a
/// test can see whether a client asks for a token once or in a loop. Kept in memory only.
#[derive(Default)]
pub struct TokenRequests {
    granted: AtomicU64,
    refused: AtomicU64,
}

impl TokenRequests {
    pub fn count(&self, granted: bool) {
        let counter = if granted {
            &self.granted
        } else {
            &self.refused
        };
        counter.fetch_add(1, Ordering::Relaxed);
    }

    /// `(granted, refused)`.
    pub fn counts(&self) -> (u64, u64) {
        (
            self.granted.load(Ordering::Relaxed),
            self.refused.load(Ordering::Relaxed),
        )
    }
}
