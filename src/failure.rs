//! Why a call to the backend gave no answer, as one value the views and the reply rule read
//! without knowing how the call was made: every failure has a message id in the Fluent files, so
//! none reaches the agent without words in their language.

use protocol::ApiError;

#[derive(Debug, Clone, PartialEq)]
pub enum Failure {
    /// The backend answered with its error shape.
    Api(ApiError),
    /// The backend could not be reached or answered something unreadable.
    Network(String),
    /// The host could not provide a session token.
    Session(String),
}

impl Failure {
    /// The Fluent message id that explains this failure to the agent.
    pub fn message_id(&self) -> &'static str {
        match self {
            Self::Api(error) => error.code.message_id(),
            Self::Network(_) => "error-network",
            Self::Session(_) => "error-session",
        }
    }
}
