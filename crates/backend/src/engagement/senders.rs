//! The accounts an engagement may be sent from, with their templates: a WhatsApp account the
//! replica has seen conversations on, when the environment declares WhatsApp templates
//! (`BACKEND_WHATSAPP_TEMPLATES`; WhatsApp has no listing API).

use std::sync::Arc;

use protocol::{Channel, Template, TemplateChannel};

use crate::alcmeon::AlcmeonClient;
use crate::store::{Store, StoreError};

/// An account templates are sent from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SenderAccount {
    pub account_id: i64,
    pub channel: TemplateChannel,
    pub name: Option<String>,
    pub templates: Vec<Template>,
}

#[derive(Clone)]
pub(super) struct Senders {
    store: Store,
    #[allow(dead_code)]
    client: Arc<AlcmeonClient>,
    whatsapp_templates: Arc<[Template]>,
}

impl Senders {
    pub fn new(
        store: Store,
        client: Arc<AlcmeonClient>,
        whatsapp_templates: Arc<[Template]>,
    ) -> Self {
        Self {
            store,
            client,
            whatsapp_templates,
        }
    }

    /// The account, when templates may be sent from it.
    pub async fn account(&self, account_id: i64) -> Result<Option<SenderAccount>, StoreError> {
        let known = self.store.known_account(account_id).await?;
        Ok(known
            .filter(|known| {
                known.channel == Channel::Whatsapp && !self.whatsapp_templates.is_empty()
            })
            .map(|known| SenderAccount {
                account_id,
                channel: TemplateChannel::Whatsapp,
                name: Some(known.name),
                templates: self.whatsapp_templates.to_vec(),
            }))
    }
}
