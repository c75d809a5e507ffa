//! Server-Sent Events read from the bytes of a stream as they arrive, by the rules of the HTML standard's "event
//! stream interpretation": lines end with CRLF, LF or CR (a chunk may end between a CR and its LF,
//! or in the middle of a line); `field: value` lines fill the event, a blank line dispatches it; a
//! line starting with `:` is a comment (the backend's keep-alive); an event without data is not
//! dispatched, but its `id` still moves the position a reconnect resumes after. `retry` is ignored:
//! the widget keeps its own reconnect delays. Lines are split on bytes (CR and LF never occur
//! inside a UTF-8 character), so a character cut between two chunks reads whole.

/// One dispatched event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServerSentEvent {
    /// `message` when the event named no type.
    pub kind: String,
    pub data: String,
}

#[derive(Debug, Default)]
pub struct EventStreamReader {
    /// The unfinished line the last chunk ended with.
    line: Vec<u8>,
    /// The last chunk ended with a CR: an LF starting the next one belongs to it.
    after_cr: bool,
    kind: String,
    data: String,
    has_data: bool,
    /// The last event id the stream gave, to resume after.
    pub last_event_id: Option<String>,
}

impl EventStreamReader {
    /// A reader for a stream (re)opened after `last_event_id`.
    pub fn resuming_after(last_event_id: Option<String>) -> Self {
        Self {
            last_event_id,
            ..Self::default()
        }
    }

    /// Reads the next chunk of the stream; returns the events it completed, in order.
    pub fn push(&mut self, chunk: &[u8]) -> Vec<ServerSentEvent> {
        let mut events = Vec::new();
        let mut rest = chunk;
        if self.after_cr {
            rest = rest.strip_prefix(b"\n").unwrap_or(rest);
            self.after_cr = false;
        }
        while let Some(end) = rest.iter().position(|&b| b == b'\r' || b == b'\n') {
            self.line.extend_from_slice(&rest[..end]);
            let line = std::mem::take(&mut self.line);
            events.extend(self.read_line(&String::from_utf8_lossy(&line)));
            let crlf = rest[end..].starts_with(b"\r\n");
            if rest[end] == b'\r' && end + 1 == rest.len() {
                self.after_cr = true;
            }
            rest = &rest[end + if crlf { 2 } else { 1 }..];
        }
        self.line.extend_from_slice(rest);
        events
    }

    fn read_line(&mut self, line: &str) -> Option<ServerSentEvent> {
        if line.is_empty() {
            return self.dispatch();
        }
        if line.starts_with(':') {
            return None;
        }
        let (field, value) = match line.split_once(':') {
            Some((field, value)) => (field, value.strip_prefix(' ').unwrap_or(value)),
            None => (line, ""),
        };
        match field {
            "event" => self.kind = value.to_owned(),
            "data" => {
                if self.has_data {
                    self.data.push('\n');
                }
                self.data.push_str(value);
                self.has_data = true;
            }
            "id" if !value.contains('\0') => self.last_event_id = Some(value.to_owned()),
            _ => {}
        }
        None
    }

    fn dispatch(&mut self) -> Option<ServerSentEvent> {
        let kind = std::mem::take(&mut self.kind);
        let data = std::mem::take(&mut self.data);
        if !std::mem::take(&mut self.has_data) {
            return None;
        }
        Some(ServerSentEvent {
            kind: if kind.is_empty() {
                "message".into()
            } else {
                kind
            },
            data,
        })
    }
}

#[cfg(test)]
mod tests;
