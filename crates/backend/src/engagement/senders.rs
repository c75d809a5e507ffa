//! The accounts an engagement may be sent from, with their templates: a WhatsApp account the
//! replica has seen conversations on, when the environment declares WhatsApp templates
//! (`BACKEND_WHATSAPP_TEMPLATES`; WhatsApp has no listing API); else an account Alcméon's RCS or
//! KakaoTalk listing gives templates for (`listed_templates.rs`).
//!
//! Invariant: a listing answer is kept for [`LISTING_MAX_AGE`] per account, so a page or a send
//! asks Alcméon at most twice per account in that time; a listing that could not be read is not
//! kept (the next question asks again) and counts as no template.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use protocol::{Channel, Template, TemplateChannel};

use super::listed_templates;
use crate::alcmeon::AlcmeonClient;
use crate::store::{Store, StoreError};

/// How long an account's RCS and KakaoTalk listings are reused.
const LISTING_MAX_AGE: Duration = Duration::from_secs(300);

/// An account templates are sent from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SenderAccount {
    pub account_id: i64,
    pub channel: TemplateChannel,
    pub name: Option<String>,
    pub templates: Vec<Template>,
}

/// Each account's listed answer, with when it was read.
type Listed = HashMap<i64, (Instant, Option<SenderAccount>)>;

#[derive(Clone)]
pub(super) struct Senders {
    store: Store,
    client: Arc<AlcmeonClient>,
    whatsapp_templates: Arc<[Template]>,
    listed: Arc<Mutex<Listed>>,
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
            listed: Default::default(),
        }
    }

    /// The account, when templates may be sent from it.
    pub async fn account(&self, account_id: i64) -> Result<Option<SenderAccount>, StoreError> {
        let known = self.store.known_account(account_id).await?;
        if let Some(known) = known.filter(|k| k.channel == Channel::Whatsapp) {
            return Ok(
                (!self.whatsapp_templates.is_empty()).then(|| SenderAccount {
                    account_id,
                    channel: TemplateChannel::Whatsapp,
                    name: Some(known.name),
                    templates: self.whatsapp_templates.to_vec(),
                }),
            );
        }
        if let Some((at, account)) = self.cache().get(&account_id)
            && at.elapsed() < LISTING_MAX_AGE
        {
            return Ok(account.clone());
        }
        let Some(account) = self.listed_account(account_id).await else {
            return Ok(None);
        };
        self.cache()
            .insert(account_id, (Instant::now(), account.clone()));
        Ok(account)
    }

    /// The account as Alcméon's listings give it; `None` when a listing could not be read.
    async fn listed_account(&self, account_id: i64) -> Option<Option<SenderAccount>> {
        let account = |channel, templates: Vec<Template>| {
            (!templates.is_empty()).then_some(SenderAccount {
                account_id,
                channel,
                name: None,
                templates,
            })
        };
        let unread = |error| {
            tracing::warn!(%error, account_id, "Alcméon's template listing could not be read");
        };
        let rcs = self
            .client
            .rcs_templates(account_id)
            .await
            .map_err(unread)
            .ok()?;
        if let Some(found) = account(TemplateChannel::Rcs, listed_templates::from_rcs(&rcs)) {
            return Some(Some(found));
        }
        let kakao = self
            .client
            .kakaotalk_templates(account_id)
            .await
            .map_err(unread)
            .ok()?;
        Some(account(
            TemplateChannel::Kakaotalk,
            listed_templates::from_kakaotalk(&kakao),
        ))
    }

    fn cache(&self) -> std::sync::MutexGuard<'_, Listed> {
        self.listed
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}
