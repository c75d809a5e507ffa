//! A reply that failed on its way to the backend (unreachable, or refusing it) shows the widget's
//! own reason instead of its delivery's code, until the backend reports that reply again: an
//! entry lives from the failed send to the next word about the same client id.

use protocol::ClientId;

/// A short list: only the replies that failed on the way to the backend while the widget is open.
#[derive(Debug, Default)]
pub struct LocalFailures(Vec<(ClientId, &'static str)>);

impl LocalFailures {
    /// The message id of the failure met while sending this reply, if one was.
    pub fn get(&self, client_id: &ClientId) -> Option<&'static str> {
        let found = self.0.iter().find(|(id, _)| id == client_id);
        found.map(|(_, message_id)| *message_id)
    }

    /// Records what became of a send: a failure's message id, or `None` once the backend has
    /// the reply (or it is being sent again).
    pub fn set(&mut self, client_id: &ClientId, message_id: Option<&'static str>) {
        self.0.retain(|(id, _)| id != client_id);
        if let Some(message_id) = message_id {
            self.0.push((client_id.clone(), message_id));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(raw: &str) -> ClientId {
        ClientId::parse(raw).unwrap()
    }

    #[test]
    fn a_reply_that_failed_on_the_way_keeps_its_reason_until_the_backend_reports_it() {
        let mut failures = LocalFailures::default();
        failures.set(&id("c-1"), Some("error-network"));
        failures.set(&id("c-2"), Some("error-session"));
        assert_eq!(failures.get(&id("c-1")), Some("error-network"));

        failures.set(&id("c-1"), Some("error-unknown"));
        assert_eq!(
            failures.get(&id("c-1")),
            Some("error-unknown"),
            "the latest try's reason"
        );

        failures.set(&id("c-1"), None);
        assert_eq!(failures.get(&id("c-1")), None);
        assert_eq!(
            failures.get(&id("c-2")),
            Some("error-session"),
            "other replies keep theirs"
        );
    }
}
