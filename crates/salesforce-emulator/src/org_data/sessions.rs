//! Grants and sessions. Each configured user has authorized the Connected App (a [`Grant`]);
//! the JWT bearer flow opens a [`Session`] (an access token) for a user whose grant stands.
//!
//! Invariant: revoking a grant ends every session opened on it, so tokens issued before the
//! revocation are refused too; a restored grant does not bring them back.

use std::time::Duration;

use chrono::{DateTime, TimeDelta, Utc};
use serde::{Deserialize, Serialize};

use super::OrgData;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Grant {
    /// The user's 18-character id (`005…`).
    pub user_id: String,
    pub revoked: bool,
}

impl Grant {
    pub fn new(user_id: String) -> Grant {
        Grant {
            user_id,
            revoked: false,
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Session {
    pub username: String,
    pub issued_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
}

impl OrgData {
    /// The grant of a configured user.
    pub fn grant(&self, username: &str) -> Option<&Grant> {
        self.grants.get(username)
    }

    /// Opens a session for `username` under `token`, forgetting sessions already expired.
    pub fn open_session(
        &mut self,
        username: &str,
        token: String,
        now: DateTime<Utc>,
        lifetime: Duration,
    ) -> Session {
        self.sessions.retain(|_, session| session.expires_at > now);
        let session = Session {
            username: username.to_owned(),
            issued_at: now,
            expires_at: now + TimeDelta::from_std(lifetime).unwrap_or(TimeDelta::MAX),
        };
        self.sessions.insert(token, session.clone());
        session
    }

    /// The session of an access token, while it lasts.
    pub fn session(&self, token: &str, now: DateTime<Utc>) -> Option<&Session> {
        self.sessions
            .get(token)
            .filter(|session| session.expires_at > now)
    }

    /// Revokes a user's grant and ends its sessions; returns how many ended, `None` for an
    /// unknown user.
    pub fn revoke(&mut self, username: &str) -> Option<usize> {
        self.grants.get_mut(username)?.revoked = true;
        let before = self.sessions.len();
        self.sessions
            .retain(|_, session| session.username != username);
        Some(before - self.sessions.len())
    }

    /// The user authorizes the Connected App again; `false` for an unknown user.
    pub fn restore(&mut self, username: &str) -> bool {
        self.grants
            .get_mut(username)
            .map(|grant| grant.revoked = false)
            .is_some()
    }
}
