//! The running emulator as handlers share it ([`Emulator`], cheap to clone): configuration, the
//! org's data, the Connected App, the scripted outage, and the URL clients are told to call.

use std::sync::Arc;

use crate::config::Config;
use crate::jwt_bearer::ConnectedApp;
use crate::outage::Outage;
use crate::persistence::SharedData;

#[derive(Clone)]
pub struct Emulator {
    pub config: Arc<Config>,
    pub data: Arc<SharedData>,
    pub app: Arc<ConnectedApp>,
    pub outage: Arc<Outage>,
    /// The token answer's `instance_url`, without a trailing slash.
    pub instance_url: Arc<str>,
}
