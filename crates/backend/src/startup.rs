use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderValue, Method, header};
use tokio::task::JoinHandle;
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::trace::TraceLayer;

use crate::alcmeon::{AlcmeonClient, Governor};
use crate::config::{Config, ConfigError, check_org_environments};
use crate::consent::{self, ConsentReplica};
use crate::engagement::{self, Engagements};
use crate::event_pruning;
use crate::http::{self, AppState, SessionVerifier};
use crate::matching::{self, LinkWrites};
use crate::outbox::Outbox;
use crate::provisioning::Provisioner;
use crate::records::{self, RecordSyncError};
use crate::store::Store;
use crate::sync::{self, ConversationFetcher};

/// The largest widget request body accepted (replies are far smaller); the webhook has its own.
const MAX_BODY_BYTES: usize = 256 * 1024;

/// A started backend. Dropping it stops the server and its background work (replies already
/// handed to Alcméon are not recalled).
pub struct RunningServer {
    pub addr: SocketAddr,
    pub store: Store,
    /// The consent replica, for the send (and tests) to ask.
    pub consent: ConsentReplica,
    tasks: Vec<JoinHandle<()>>,
}

impl Drop for RunningServer {
    fn drop(&mut self) {
        self.tasks.iter().for_each(JoinHandle::abort);
    }
}

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("the replica store could not be opened: {0}")]
    Store(#[from] crate::store::StoreError),
    #[error("could not listen on the configured address: {0}")]
    Bind(#[from] std::io::Error),
    #[error(
        "BACKEND_WIDGET_DIR {0} holds no alcmeon_widget.js: point it at the built static resource"
    )]
    WidgetDir(String),
    /// A `Config` built in code, not read by `Config::from_env`, is checked the same way.
    #[error(transparent)]
    Config(#[from] ConfigError),
    #[error(transparent)]
    RecordSync(#[from] RecordSyncError),
}

/// Checks that every org names this backend's Alcméon environment, checks the widget folder,
/// opens the store, queues again the replies Alcméon was not known to have (sending only those it
/// does not have), starts the backfill, consent, pruning, match-writing and record sync workers and serves HTTP until the
/// process ends.
pub async fn start(config: Config) -> Result<RunningServer, StartError> {
    check_org_environments(&config.orgs, config.alcmeon_company_id)?;
    if let Some(dir) = &config.widget_dir
        && !dir.join("alcmeon_widget.js").is_file()
    {
        return Err(StartError::WidgetDir(dir.display().to_string()));
    }
    let store = Store::open(&config.database_url)
        .await?
        .with_customer_phone_field(config.engagement.customer_phone_field_id);
    let interrupted = store
        .fail_interrupted_engagement_sends(
            "the backend stopped before Alcméon answered: check the customer's conversation before sending again",
        )
        .await?;
    if interrupted > 0 {
        tracing::warn!(
            count = interrupted,
            "engagement sends the backend stopped during are shown failed (Alcméon may have sent them)"
        );
    }
    sync::decide_without_alcmeon(&store, config.replica_start).await?;
    let listener = tokio::net::TcpListener::bind(config.addr).await?;
    let addr = listener.local_addr()?;
    let audience = config
        .public_url
        .clone()
        .unwrap_or_else(|| format!("http://{addr}"));

    let governor = Arc::new(Governor::new(config.alcmeon_rate_limit_per_minute));
    let client = Arc::new(AlcmeonClient::new(
        &config.alcmeon_url,
        &config.alcmeon_instance_id,
        &config.alcmeon_secret,
        config.alcmeon_timeout,
        governor,
    ));
    let engagement = &config.engagement;
    let consent = ConsentReplica::new(
        store.clone(),
        client.clone(),
        &engagement.optin_list_ids,
        engagement.consent_max_age,
    );
    let engagements = Engagements::new(
        store.clone(),
        client.clone(),
        consent.clone(),
        engagement::Settings {
            whatsapp_templates: engagement.whatsapp_templates.clone().into(),
            optin_lists: engagement.optin_list_ids.clone().into(),
            environments: engagement.org_environments.clone(),
        },
    );
    let provisioner = Provisioner::new(
        store.clone(),
        client.clone(),
        config.account_mapping.clone(),
    );
    let outbox = Outbox::new(
        store.clone(),
        client.clone(),
        provisioner,
        config.alcmeon_company_id,
        config.reply_give_up_after,
    );
    // Before the server takes any new reply, so that resumed replies leave first.
    let resent = outbox.resume_unsubmitted().await?;
    if resent > 0 {
        tracing::info!(
            count = resent,
            "sending again the replies Alcméon was not known to have before the backend stopped"
        );
    }
    let fetcher = ConversationFetcher::new(store.clone(), client.clone());
    let calls_per_minute = Arc::new(AtomicU32::new(client.calls_per_minute()));
    let link_writes = LinkWrites::default();
    let mut tasks = vec![
        sync::spawn(
            store.clone(),
            client.clone(),
            config.sync_interval,
            config.replica_start,
        ),
        event_pruning::spawn(store.clone(), config.event_retention),
        consent::spawn(consent.clone(), engagement.consent_refresh_interval),
        engagement::spawn_linker(store.clone(), engagement.link_window),
        outbox.spawn_takeover(),
        spawn_budget_sharing(store.clone(), client.clone(), calls_per_minute.clone()),
        matching::spawn(
            store.clone(),
            client.clone(),
            config.sf_owner_field_id,
            &link_writes,
        ),
    ];
    tasks.extend(records::start(store.clone(), &config).await?);

    let state = AppState {
        store: store.clone(),
        sessions: Arc::new(SessionVerifier::new(config.orgs.clone(), &audience)),
        webhook_secret: config.alcmeon_secret.as_str().into(),
        large_webhook_bodies: Default::default(),
        fetcher,
        outbox,
        alcmeon_calls_per_minute: calls_per_minute,
        zones: Default::default(),
        whatsapp_templates: engagement.whatsapp_templates.clone().into(),
        engagements,
        links_to_write: link_writes.signal(),
    };
    let app = http::routes(state)
        .merge(http::embed::routes(
            &config.allowed_origins,
            config.widget_dir.as_deref(),
        ))
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(cors(&config.allowed_origins))
        .layer(TraceLayer::new_for_http());
    tasks.push(tokio::spawn(async move {
        // Routes made once: served as a bare `Router`, axum would rebuild them for each
        // connection (tens of KB that each idle live stream would hold).
        if let Err(error) = axum::serve(listener, app.into_make_service()).await {
            tracing::error!(%error, "the HTTP server stopped");
        }
    }));
    Ok(RunningServer {
        addr,
        store,
        consent,
        tasks,
    })
}

/// How often an instance counts the instances sharing the database.
const INSTANCE_COUNT_INTERVAL: Duration = Duration::from_secs(5);

/// Keeps this instance's share of Alcméon's limit: the limit divided by the instances sharing the
/// database (all of it on SQLite), counted every [`INSTANCE_COUNT_INTERVAL`].
fn spawn_budget_sharing(
    store: Store,
    client: Arc<AlcmeonClient>,
    calls_per_minute: Arc<AtomicU32>,
) -> JoinHandle<()> {
    tokio::spawn(async move {
        let mut shared_with = 1;
        loop {
            match store.live_instances().await {
                Ok(instances) if instances != shared_with => {
                    client.share_budget_with(instances);
                    calls_per_minute.store(client.calls_per_minute(), Ordering::Relaxed);
                    shared_with = instances;
                    tracing::info!(
                        instances,
                        calls_per_minute = client.calls_per_minute(),
                        "Alcméon's rate limit is shared anew among the instances"
                    );
                }
                Ok(_) => {}
                Err(error) => tracing::warn!(%error, "could not count the instances"),
            }
            tokio::time::sleep(INSTANCE_COUNT_INTERVAL).await;
        }
    })
}

fn cors(allowed_origins: &[String]) -> CorsLayer {
    let origins: Vec<HeaderValue> = allowed_origins
        .iter()
        .filter_map(|o| o.parse().ok())
        .collect();
    CorsLayer::new()
        .allow_origin(AllowOrigin::list(origins))
        .allow_methods([Method::GET, Method::POST, Method::PUT])
        .allow_headers([
            header::AUTHORIZATION,
            header::CONTENT_TYPE,
            header::HeaderName::from_static("last-event-id"),
        ])
}
