use std::net::SocketAddr;
use std::num::NonZeroU32;
use std::path::PathBuf;
use std::time::Duration;

pub use engagement::{EngagementConfig, read_templates as read_whatsapp_templates};
pub use org_environments::OrgEnvironments;
pub use salesforce::{SalesforceSettings, SalesforceSync};

mod engagement;
mod org_environments;
mod salesforce;

/// Everything the backend reads from its environment, parsed once at start-up.
#[derive(Debug, Clone)]
pub struct Config {
    /// `BACKEND_ADDR`, default `127.0.0.1:8080`; port 0 picks a free one.
    pub addr: SocketAddr,
    /// `BACKEND_PUBLIC_URL`: the URL agents' browsers use; session tokens must name it as audience.
    /// Default `http://<BACKEND_ADDR>`.
    pub public_url: Option<String>,
    /// `BACKEND_DATABASE_URL`, default `sqlite://data/backend.db` (created if missing).
    pub database_url: String,
    /// `BACKEND_ORGS`: the Salesforce orgs allowed in, separated by commas, each
    /// `orgId=secret@companyId`: the org's session-token secret (16 characters or more) and the
    /// Alcméon environment (company id) its conversations live in, e.g.
    /// `00D5g000004abcdEAA=a-long-random-secret@4242`. The secret is everything between the first
    /// `=` and the last `@`. One backend serves one Alcméon environment: an org naming another
    /// company than `ALCMEON_COMPANY_ID` is a start-up error (run one backend per environment).
    pub orgs: Vec<OrgSecret>,
    /// `BACKEND_ALLOWED_ORIGINS`: comma-separated browser origins (`scheme://host[:port]`, e.g.
    /// `https://acme.lightning.force.com`) allowed by CORS and allowed to frame `/embed/frame.html`.
    pub allowed_origins: Vec<String>,
    /// `BACKEND_WIDGET_DIR`: the folder of the built widget, i.e. the `alcmeonWidget` static
    /// resource (`alcmeon_widget.js`, `alcmeon_widget_bg.wasm`, `widget.css`, `locales/`). When set,
    /// the backend also serves the widget in a frame under `/embed/`, the fallback for Salesforce
    /// pages that cannot run WebAssembly; when unset, `/embed/` answers 404.
    pub widget_dir: Option<PathBuf>,
    /// `ALCMEON_API_URL`, default `https://api.alcmeon.com`.
    pub alcmeon_url: String,
    /// `ALCMEON_INSTANCE_ID` and `ALCMEON_APP_SECRET`: the Alcméon application's credentials; the
    /// secret also signs Alcméon's webhooks.
    pub alcmeon_instance_id: String,
    pub alcmeon_secret: String,
    /// `BACKEND_SYNC_INTERVAL_SECS`, default 60: how often the replica polls `GET /actions` even
    /// when no webhook gap was seen.
    pub sync_interval: Duration,
    /// `BACKEND_REPLICA_START`, default `newest`: where a new replica starts reading Alcméon's
    /// actions. An existing replica keeps its cursor; conversations older than the start are
    /// fetched whole when an agent first opens them.
    pub replica_start: ReplicaStart,
    /// What an agent's Alcméon account is given, from their Salesforce permissions. Each reply is
    /// sent as the agent's own account, created (or found by email) on their first reply.
    /// - `ALCMEON_ROLES_FOR_REPLY`, required: comma-separated Alcméon role ids for an agent with
    ///   reply permission (agents without it never get an account).
    /// - `ALCMEON_ROLES_FOR_MODERATE`, required: role ids added when the agent may moderate.
    /// - `ALCMEON_TEAMS`, required: team ids every provisioned agent gets.
    ///
    /// No defaults: these are ids of the Alcméon environment (those `GET /roles` and `GET /teams`
    /// list), and a default would be some other environment's, e.g. the emulator's (801, 802,
    /// 901), which the demo sets explicitly. A present but empty value means none.
    pub account_mapping: AccountMapping,
    /// `ALCMEON_COMPANY_ID`, required (no default, as above): the Alcméon company replies are
    /// sent for.
    pub alcmeon_company_id: i64,
    /// `ALCMEON_RATE_LIMIT_PER_MINUTE`, default 15: the backend's budget of Alcméon calls per
    /// sliding minute, shared by replies, provisioning and backfill (in that order of priority);
    /// keep it at or under Alcméon's own limit.
    pub alcmeon_rate_limit_per_minute: NonZeroU32,
    /// `ALCMEON_TIMEOUT_SECS`, default 20 (decimals allowed): how long one call to Alcméon may take
    /// before the backend stops waiting for its answer (a timeout: the call may or may not have
    /// been served).
    pub alcmeon_timeout: Duration,
    /// `BACKEND_REPLY_GIVE_UP_SECS`, default 600 (decimals allowed): how long a conversation's
    /// replies keep waiting out an outage of Alcméon (429s, 5xx, timeouts, no connection) before
    /// the one being sent is shown failed; the outage's clock starts at the first such failure
    /// and stops at the next answer Alcméon gives.
    pub reply_give_up_after: Duration,
    /// `BACKEND_EVENT_RETENTION_HOURS`, default 24 (decimals allowed, e.g. `0.5`): how long the
    /// thread changes the event streams replay are kept. A widget whose stream reconnects later
    /// than that still misses nothing: it refetches the newest page whenever its stream opens.
    pub event_retention: Duration,
    /// The WhatsApp templates, opt-in lists and consent freshness (`engagement.rs` documents each
    /// setting: `BACKEND_WHATSAPP_TEMPLATES`, `ALCMEON_OPTIN_LIST_IDS`,
    /// `BACKEND_CONSENT_REFRESH_SECS`, `BACKEND_CONSENT_MAX_AGE_SECS`).
    pub engagement: EngagementConfig,
    /// `BACKEND_SALESFORCE_<orgId>`, one per org that has a record sync (`salesforce.rs`
    /// documents the settings): its Connected App and the Alcméon social accounts mapped to it.
    pub salesforce: SalesforceSync,
    /// `ALCMEON_SF_OWNER_FIELD_ID`: the Alcméon conversation custom field (a text field, labelled
    /// "Salesforce owner" by convention) that receives the Queue or user a Salesforce org handed a
    /// conversation back from (`alcmeon__From_SF_Queue_Id__c`). Configured, not found by label:
    /// custom-field.yaml lists the definitions of user fields only. Unset: those owners are kept
    /// and wait.
    pub sf_owner_field_id: Option<i64>,
}

/// Where a new replica starts reading `GET /actions` (`BACKEND_REPLICA_START`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReplicaStart {
    /// `newest`: after the newest action Alcméon holds, found by searching `min_action_id`.
    Newest,
    /// `<action id>`: after this action id; `0` reads the whole history from the beginning.
    AfterAction(i64),
    /// `YYYY-MM-DD`: from the first action on or after this UTC date.
    Since(chrono::NaiveDate),
}

impl std::str::FromStr for ReplicaStart {
    type Err = String;

    fn from_str(raw: &str) -> Result<Self, Self::Err> {
        let raw = raw.trim();
        if raw.eq_ignore_ascii_case("newest") {
            return Ok(Self::Newest);
        }
        if let Ok(id) = raw.parse::<i64>() {
            return (id >= 0)
                .then_some(Self::AfterAction(id))
                .ok_or_else(|| format!("{raw:?}: an action id is 0 or more"));
        }
        chrono::NaiveDate::parse_from_str(raw, "%Y-%m-%d")
            .map(Self::Since)
            .map_err(|_| {
                format!("{raw:?}: expected `newest`, an action id (0: from the beginning) or a date YYYY-MM-DD")
            })
    }
}

/// Alcméon role and team ids, as `Config::account_mapping` describes them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountMapping {
    pub roles_for_reply: Vec<i64>,
    pub roles_for_moderate: Vec<i64>,
    pub teams: Vec<i64>,
}

/// One `BACKEND_ORGS` entry: a Salesforce org, its session-token secret and its Alcméon
/// environment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrgSecret {
    pub org_id: String,
    pub secret: String,
    /// The Alcméon company (environment) whose conversations the org's agents see.
    pub alcmeon_company_id: i64,
}

/// Every org names the one Alcméon environment this backend serves, so no org's token ever reads
/// or answers another environment's conversations, nor provisions accounts in it.
pub fn check_org_environments(orgs: &[OrgSecret], company_id: i64) -> Result<(), ConfigError> {
    match orgs.iter().find(|org| org.alcmeon_company_id != company_id) {
        None => Ok(()),
        Some(org) => Err(ConfigError::Invalid {
            name: "BACKEND_ORGS",
            reason: format!(
                "org {} names Alcméon company {}, but this backend serves company {company_id} \
                 (ALCMEON_COMPANY_ID): one backend serves one Alcméon environment; run one \
                 backend per environment",
                org.org_id, org.alcmeon_company_id
            ),
        }),
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// Every required setting that is absent, in the order the table of the README lists them.
    #[error("{} {} required", names.join(", "), if names.len() == 1 { "is" } else { "are" })]
    Missing { names: Vec<&'static str> },
    #[error("{name} is not valid: {reason}")]
    Invalid { name: &'static str, reason: String },
}

impl Config {
    pub fn from_env() -> Result<Self, ConfigError> {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    pub fn from_lookup(get: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let missing: Vec<&'static str> = REQUIRED
            .into_iter()
            .filter(|name| get(name).is_none())
            .collect();
        if !missing.is_empty() {
            return Err(ConfigError::Missing { names: missing });
        }
        let required =
            |name: &'static str| get(name).ok_or(ConfigError::Missing { names: vec![name] });
        let addr = get("BACKEND_ADDR")
            .unwrap_or_else(|| "127.0.0.1:8080".into())
            .parse()
            .map_err(|e: std::net::AddrParseError| ConfigError::Invalid {
                name: "BACKEND_ADDR",
                reason: e.to_string(),
            })?;
        let orgs = parse_orgs(&required("BACKEND_ORGS")?)?;
        let sync_interval = match get("BACKEND_SYNC_INTERVAL_SECS") {
            None => Duration::from_secs(60),
            Some(raw) => Duration::from_secs(raw.parse().map_err(|_| ConfigError::Invalid {
                name: "BACKEND_SYNC_INTERVAL_SECS",
                reason: format!("{raw:?} is not a number of seconds"),
            })?),
        };
        let replica_start = match get("BACKEND_REPLICA_START") {
            None => ReplicaStart::Newest,
            Some(raw) => raw.parse().map_err(|reason| ConfigError::Invalid {
                name: "BACKEND_REPLICA_START",
                reason,
            })?,
        };
        let whole_number = |name: &'static str, raw: String| -> Result<i64, ConfigError> {
            raw.trim().parse().map_err(|_| ConfigError::Invalid {
                name,
                reason: format!("{raw:?} is not a whole number"),
            })
        };
        let ids = |name: &'static str| parse_ids(name, &required(name)?);
        let account_mapping = AccountMapping {
            roles_for_reply: ids("ALCMEON_ROLES_FOR_REPLY")?,
            roles_for_moderate: ids("ALCMEON_ROLES_FOR_MODERATE")?,
            teams: ids("ALCMEON_TEAMS")?,
        };
        let alcmeon_company_id =
            whole_number("ALCMEON_COMPANY_ID", required("ALCMEON_COMPANY_ID")?)?;
        check_org_environments(&orgs, alcmeon_company_id)?;
        let rate_limit = get("ALCMEON_RATE_LIMIT_PER_MINUTE").map_or(Ok(15), |raw| {
            whole_number("ALCMEON_RATE_LIMIT_PER_MINUTE", raw)
        })?;
        let alcmeon_rate_limit_per_minute = u32::try_from(rate_limit)
            .ok()
            .and_then(NonZeroU32::new)
            .ok_or(ConfigError::Invalid {
                name: "ALCMEON_RATE_LIMIT_PER_MINUTE",
                reason: "must be at least 1".into(),
            })?;
        let seconds = |name: &'static str, default: u64| -> Result<Duration, ConfigError> {
            let Some(raw) = get(name) else {
                return Ok(Duration::from_secs(default));
            };
            raw.trim()
                .parse::<f64>()
                .ok()
                .filter(|secs| secs.is_finite() && *secs > 0.0)
                .and_then(|secs| Duration::try_from_secs_f64(secs).ok())
                .ok_or_else(|| ConfigError::Invalid {
                    name,
                    reason: format!("{raw:?} is not a positive number of seconds"),
                })
        };
        let alcmeon_timeout = seconds("ALCMEON_TIMEOUT_SECS", 20)?;
        let reply_give_up_after = seconds("BACKEND_REPLY_GIVE_UP_SECS", 600)?;
        let event_retention = match get("BACKEND_EVENT_RETENTION_HOURS") {
            None => Duration::from_secs(24 * 60 * 60),
            Some(raw) => raw
                .trim()
                .parse::<f64>()
                .ok()
                .filter(|hours| hours.is_finite() && *hours > 0.0)
                .and_then(|hours| Duration::try_from_secs_f64(hours * 3600.0).ok())
                .ok_or_else(|| ConfigError::Invalid {
                    name: "BACKEND_EVENT_RETENTION_HOURS",
                    reason: format!("{raw:?} is not a positive number of hours"),
                })?,
        };
        Ok(Self {
            addr,
            public_url: get("BACKEND_PUBLIC_URL"),
            database_url: get("BACKEND_DATABASE_URL")
                .unwrap_or_else(|| "sqlite://data/backend.db".into()),
            allowed_origins: get("BACKEND_ALLOWED_ORIGINS")
                .map_or(Ok(vec![]), |raw| parse_origins(&raw))?,
            widget_dir: get("BACKEND_WIDGET_DIR")
                .filter(|dir| !dir.trim().is_empty())
                .map(PathBuf::from),
            alcmeon_url: get("ALCMEON_API_URL").unwrap_or_else(|| "https://api.alcmeon.com".into()),
            alcmeon_instance_id: required("ALCMEON_INSTANCE_ID")?,
            alcmeon_secret: required("ALCMEON_APP_SECRET")?,
            sync_interval,
            replica_start,
            account_mapping,
            alcmeon_company_id,
            alcmeon_rate_limit_per_minute,
            alcmeon_timeout,
            reply_give_up_after,
            event_retention,
            engagement: engagement::from_lookup(&get)?,
            salesforce: SalesforceSync::from_lookup(&orgs, &get)?,
            sf_owner_field_id: field_id(&get, "ALCMEON_SF_OWNER_FIELD_ID")?,
            orgs,
        })
    }
}

/// The settings without a default, as the README's table lists them. The Alcméon company, role
/// and team ids are among them: any default would point at some other environment's data.
const REQUIRED: [&str; 7] = [
    "BACKEND_ORGS",
    "ALCMEON_INSTANCE_ID",
    "ALCMEON_APP_SECRET",
    "ALCMEON_COMPANY_ID",
    "ALCMEON_ROLES_FOR_REPLY",
    "ALCMEON_ROLES_FOR_MODERATE",
    "ALCMEON_TEAMS",
];

/// An Alcméon custom field's id, optional: the environment's own, so never defaulted.
fn field_id(
    get: &impl Fn(&str) -> Option<String>,
    name: &'static str,
) -> Result<Option<i64>, ConfigError> {
    let Some(raw) = get(name) else {
        return Ok(None);
    };
    match parse_ids(name, &raw)?[..] {
        [] => Ok(None),
        [id] => Ok(Some(id)),
        _ => Err(ConfigError::Invalid {
            name,
            reason: format!("{raw:?} names several fields; give one"),
        }),
    }
}

fn split_list(raw: &str) -> impl Iterator<Item = &str> {
    raw.split(',').map(str::trim).filter(|s| !s.is_empty())
}

fn parse_ids(name: &'static str, raw: &str) -> Result<Vec<i64>, ConfigError> {
    split_list(raw)
        .map(|id| {
            id.parse().map_err(|_| ConfigError::Invalid {
                name,
                reason: format!(
                    "{id:?} is not an Alcméon id; expected whole numbers separated by commas"
                ),
            })
        })
        .collect()
}

/// Origins as browsers send them: `http(s)://host[:port]`, nothing else (they are written into
/// CORS and Content-Security-Policy headers). A trailing slash is dropped.
fn parse_origins(raw: &str) -> Result<Vec<String>, ConfigError> {
    split_list(raw)
        .map(|origin| {
            let origin = origin.trim_end_matches('/');
            let host = origin
                .strip_prefix("https://")
                .or_else(|| origin.strip_prefix("http://"))
                .unwrap_or_default();
            let (name, port) = match host.rsplit_once(':') {
                Some((name, port)) if !port.contains(']') => (name, port),
                _ => (host, "0"),
            };
            let valid_name = match name.strip_prefix('[').and_then(|n| n.strip_suffix(']')) {
                Some(ipv6) => !ipv6.is_empty() && ipv6.chars().all(|c| c.is_ascii_hexdigit() || c == ':'),
                None => name.chars().all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-'),
            };
            if !name.is_empty() && valid_name && port.parse::<u16>().is_ok() {
                Ok(origin.to_owned())
            } else {
                Err(ConfigError::Invalid {
                    name: "BACKEND_ALLOWED_ORIGINS",
                    reason: format!(
                        "{origin:?} is not an origin; expected scheme://host[:port], e.g. https://acme.lightning.force.com"
                    ),
                })
            }
        })
        .collect()
}

fn parse_orgs(raw: &str) -> Result<Vec<OrgSecret>, ConfigError> {
    let orgs = split_list(raw)
        .map(|entry| {
            let invalid = |reason: String| ConfigError::Invalid {
                name: "BACKEND_ORGS",
                reason,
            };
            let (org_id, rest) = entry.split_once('=').ok_or_else(|| {
                invalid("expected orgId=secret@companyId entries separated by commas".into())
            })?;
            let org_id = org_id.trim();
            let (secret, company) = rest.rsplit_once('@').ok_or_else(|| {
                invalid(format!(
                    "org {org_id} names no Alcméon environment: expected orgId=secret@companyId"
                ))
            })?;
            let alcmeon_company_id = company.trim().parse().map_err(|_| {
                invalid(format!(
                    "the Alcméon company of org {org_id} is not a whole number"
                ))
            })?;
            if secret.len() < 16 {
                return Err(ConfigError::Invalid {
                    name: "BACKEND_ORGS",
                    reason: format!("the secret of org {org_id} is shorter than 16 characters"),
                });
            }
            Ok(OrgSecret {
                org_id: org_id.into(),
                secret: secret.trim().into(),
                alcmeon_company_id,
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    if orgs.is_empty() {
        return Err(ConfigError::Missing {
            names: vec!["BACKEND_ORGS"],
        });
    }
    Ok(orgs)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lookup(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let pairs: Vec<(String, String)> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
        }
    }

    const REQUIRED: [(&str, &str); 7] = [
        ("BACKEND_ORGS", "00D1=a-secret-of-sixteen+@7"),
        ("ALCMEON_INSTANCE_ID", "i"),
        ("ALCMEON_APP_SECRET", "s"),
        ("ALCMEON_COMPANY_ID", "7"),
        ("ALCMEON_ROLES_FOR_REPLY", "11"),
        ("ALCMEON_ROLES_FOR_MODERATE", "12, 13"),
        ("ALCMEON_TEAMS", "21"),
    ];

    #[test]
    fn defaults_apply_when_only_required_settings_are_given() {
        let config = Config::from_lookup(lookup(&REQUIRED)).unwrap();
        assert_eq!(config.addr.to_string(), "127.0.0.1:8080");
        assert_eq!(config.database_url, "sqlite://data/backend.db");
        assert_eq!(config.orgs[0].org_id, "00D1");
        assert_eq!(config.alcmeon_company_id, 7);
        assert_eq!(
            config.account_mapping,
            AccountMapping {
                roles_for_reply: vec![11],
                roles_for_moderate: vec![12, 13],
                teams: vec![21],
            }
        );
        assert_eq!(config.alcmeon_rate_limit_per_minute.get(), 15);
        assert_eq!(config.event_retention, Duration::from_secs(24 * 3600));
        assert_eq!(config.replica_start, ReplicaStart::Newest);
        assert_eq!(config.alcmeon_timeout, Duration::from_secs(20));
        assert_eq!(config.reply_give_up_after, Duration::from_secs(600));
        assert_eq!(
            config.salesforce,
            SalesforceSync::default(),
            "no org has a record sync"
        );
        assert_eq!(config.sf_owner_field_id, None);
    }

    #[test]
    fn the_salesforce_owner_field_is_one_alcmeon_id() {
        let with = |raw: &'static str| {
            let mut pairs = REQUIRED.to_vec();
            pairs.push(("ALCMEON_SF_OWNER_FIELD_ID", raw));
            Config::from_lookup(lookup(&pairs))
        };
        assert_eq!(with("6001").unwrap().sf_owner_field_id, Some(6001));
        for refused in ["owner", "6001,6002"] {
            let error = with(refused).unwrap_err().to_string();
            assert!(
                error.starts_with("ALCMEON_SF_OWNER_FIELD_ID is not valid"),
                "{error}"
            );
        }
    }

    #[test]
    fn an_orgs_record_sync_is_read_from_its_own_variable() {
        let key = tempfile::NamedTempFile::new().unwrap();
        std::fs::write(key.path(), "-----BEGIN PRIVATE KEY-----\n").unwrap();
        let value = format!(
            "consumer_key=c; username=u; private_key={}; accounts=201",
            key.path().display()
        );
        let mut pairs: Vec<(&str, &str)> = REQUIRED.to_vec();
        pairs.push(("BACKEND_SALESFORCE_00D1", &value));
        let config = Config::from_lookup(lookup(&pairs)).unwrap();
        assert_eq!(config.salesforce.of("00D1").unwrap().accounts, [201]);
        pairs.push(("BACKEND_SALESFORCE_00D1", "consumer_key=c"));
        pairs.swap_remove(pairs.len() - 2);
        let error = Config::from_lookup(lookup(&pairs)).unwrap_err();
        assert!(
            error.to_string().contains("org 00D1: username is required"),
            "{error}"
        );
    }

    #[test]
    fn the_alcmeon_timeout_and_the_replies_patience_take_decimal_seconds_and_refuse_zero() {
        let with = |name: &'static str, raw: &'static str| {
            let mut pairs = REQUIRED.to_vec();
            pairs.push((name, raw));
            Config::from_lookup(lookup(&pairs))
        };
        let config = with("ALCMEON_TIMEOUT_SECS", "2.5").unwrap();
        assert_eq!(config.alcmeon_timeout, Duration::from_millis(2500));
        let config = with("BACKEND_REPLY_GIVE_UP_SECS", " 60 ").unwrap();
        assert_eq!(config.reply_give_up_after, Duration::from_secs(60));
        for name in ["ALCMEON_TIMEOUT_SECS", "BACKEND_REPLY_GIVE_UP_SECS"] {
            for bad in ["0", "-3", "soon", "inf"] {
                let error = with(name, bad).unwrap_err().to_string();
                assert!(error.contains(name), "{bad}: {error}");
            }
        }
    }

    #[test]
    fn a_new_replica_starts_at_the_newest_action_an_action_id_or_a_date() {
        let start = |raw: &str| {
            let mut pairs = REQUIRED.to_vec();
            pairs.push(("BACKEND_REPLICA_START", raw));
            Config::from_lookup(lookup(&pairs)).map(|c| c.replica_start)
        };
        assert_eq!(start("Newest").unwrap(), ReplicaStart::Newest);
        assert_eq!(start(" 0 ").unwrap(), ReplicaStart::AfterAction(0));
        assert_eq!(start("912345").unwrap(), ReplicaStart::AfterAction(912_345));
        assert_eq!(
            start("2026-01-31").unwrap(),
            ReplicaStart::Since(chrono::NaiveDate::from_ymd_opt(2026, 1, 31).unwrap())
        );
        for bad in ["-1", "yesterday", "2026-13-01"] {
            let error = start(bad).unwrap_err().to_string();
            assert!(error.contains("BACKEND_REPLICA_START"), "{bad}: {error}");
        }
    }

    #[test]
    fn the_event_retention_takes_decimal_hours_and_refuses_zero() {
        let mut pairs = REQUIRED.to_vec();
        pairs.push(("BACKEND_EVENT_RETENTION_HOURS", "0.5"));
        let config = Config::from_lookup(lookup(&pairs)).unwrap();
        assert_eq!(config.event_retention, Duration::from_secs(1800));
        pairs.push(("BACKEND_EVENT_RETENTION_HOURS", "0"));
        pairs.swap_remove(pairs.len() - 2);
        let error = Config::from_lookup(lookup(&pairs)).unwrap_err();
        assert!(
            error.to_string().contains("BACKEND_EVENT_RETENTION_HOURS"),
            "{error}"
        );
    }

    #[test]
    fn role_and_team_lists_take_commas_and_may_be_empty_but_not_words() {
        let mut pairs = REQUIRED.to_vec();
        pairs[4] = ("ALCMEON_ROLES_FOR_REPLY", " 5, 6 ,");
        pairs[6] = ("ALCMEON_TEAMS", "");
        let config = Config::from_lookup(lookup(&pairs)).unwrap();
        assert_eq!(config.account_mapping.roles_for_reply, [5, 6]);
        assert!(config.account_mapping.teams.is_empty());
        pairs[5] = ("ALCMEON_ROLES_FOR_MODERATE", "Moderator");
        let error = Config::from_lookup(lookup(&pairs)).unwrap_err();
        assert_eq!(
            error.to_string(),
            "ALCMEON_ROLES_FOR_MODERATE is not valid: \"Moderator\" is not an Alcméon id; expected whole numbers separated by commas"
        );
    }

    #[test]
    fn allowed_origins_are_bare_origins_and_the_widget_dir_is_optional() {
        let mut pairs = REQUIRED.to_vec();
        pairs.push((
            "BACKEND_ALLOWED_ORIGINS",
            "https://acme.lightning.force.com/, http://127.0.0.1:8090, http://[::1]",
        ));
        let config = Config::from_lookup(lookup(&pairs)).unwrap();
        assert_eq!(
            config.allowed_origins,
            [
                "https://acme.lightning.force.com",
                "http://127.0.0.1:8090",
                "http://[::1]"
            ]
        );
        assert_eq!(config.widget_dir, None);
        pairs.push(("BACKEND_WIDGET_DIR", "/srv/alcmeonWidget"));
        let config = Config::from_lookup(lookup(&pairs)).unwrap();
        assert_eq!(config.widget_dir, Some(PathBuf::from("/srv/alcmeonWidget")));
        for bad in [
            "acme.lightning.force.com",
            "https://a.example; script-src *",
            "https://a:b.example",
            "https://a.example/path",
            "https://a.example:99999",
            "https://",
        ] {
            pairs[7] = ("BACKEND_ALLOWED_ORIGINS", bad);
            let error = Config::from_lookup(lookup(&pairs)).unwrap_err();
            assert!(
                error.to_string().contains("is not an origin"),
                "{bad}: {error}"
            );
        }
    }

    #[test]
    fn a_rate_limit_of_zero_is_refused() {
        let mut pairs = REQUIRED.to_vec();
        pairs.push(("ALCMEON_RATE_LIMIT_PER_MINUTE", "0"));
        let error = Config::from_lookup(lookup(&pairs)).unwrap_err();
        assert!(
            error.to_string().contains("ALCMEON_RATE_LIMIT_PER_MINUTE"),
            "{error}"
        );
    }

    /// No setting falls back to the emulator's company, roles or team (1, 801, 802, 901).
    #[test]
    fn without_alcmeon_company_role_and_team_ids_the_backend_names_each_missing_one() {
        let error = Config::from_lookup(lookup(&REQUIRED[..3])).unwrap_err();
        assert_eq!(
            error.to_string(),
            "ALCMEON_COMPANY_ID, ALCMEON_ROLES_FOR_REPLY, ALCMEON_ROLES_FOR_MODERATE, ALCMEON_TEAMS are required"
        );
        for (index, (name, _)) in REQUIRED.iter().enumerate() {
            let mut pairs = REQUIRED.to_vec();
            pairs.remove(index);
            let error = Config::from_lookup(lookup(&pairs)).unwrap_err();
            assert_eq!(error.to_string(), format!("{name} is required"));
        }
        let error = Config::from_lookup(lookup(&[])).unwrap_err();
        assert_eq!(
            error.to_string(),
            format!("{} are required", super::REQUIRED.join(", "))
        );
        let mut pairs = REQUIRED.to_vec();
        pairs[3] = ("ALCMEON_COMPANY_ID", "");
        let error = Config::from_lookup(lookup(&pairs)).unwrap_err();
        assert!(
            error
                .to_string()
                .contains("ALCMEON_COMPANY_ID is not valid"),
            "{error}"
        );
    }

    #[test]
    fn a_missing_or_malformed_setting_is_named_in_the_error() {
        let error = Config::from_lookup(lookup(&REQUIRED[1..])).unwrap_err();
        assert_eq!(error.to_string(), "BACKEND_ORGS is required");
        let mut pairs = REQUIRED.to_vec();
        pairs[0] = ("BACKEND_ORGS", "00D1=short@7");
        let error = Config::from_lookup(lookup(&pairs)).unwrap_err();
        assert!(error.to_string().contains("shorter than 16"), "{error}");
    }

    #[test]
    fn each_org_names_its_alcmeon_environment_and_a_secret_may_hold_an_at_sign() {
        let mut pairs = REQUIRED.to_vec();
        pairs[0] = (
            "BACKEND_ORGS",
            "00D1=sixteen@chars-and-more@7, 00D2=another-long-secret@ 7",
        );
        let config = Config::from_lookup(lookup(&pairs)).unwrap();
        assert_eq!(
            config.orgs,
            [
                OrgSecret {
                    org_id: "00D1".into(),
                    secret: "sixteen@chars-and-more".into(),
                    alcmeon_company_id: 7,
                },
                OrgSecret {
                    org_id: "00D2".into(),
                    secret: "another-long-secret".into(),
                    alcmeon_company_id: 7,
                },
            ]
        );
        pairs[0] = ("BACKEND_ORGS", "00D1=a-secret-of-sixteen+");
        let error = Config::from_lookup(lookup(&pairs)).unwrap_err();
        assert!(
            error
                .to_string()
                .contains("org 00D1 names no Alcméon environment"),
            "{error}"
        );
        pairs[0] = ("BACKEND_ORGS", "00D1=a-secret-of-sixteen+@acme");
        let error = Config::from_lookup(lookup(&pairs)).unwrap_err();
        assert!(error.to_string().contains("not a whole number"), "{error}");
    }

    #[test]
    fn an_org_of_another_alcmeon_environment_is_refused_by_name() {
        let mut pairs = REQUIRED.to_vec();
        pairs[0] = (
            "BACKEND_ORGS",
            "00D1=a-secret-of-sixteen+@7,00D2=a-secret-of-sixteen+@8",
        );
        let error = Config::from_lookup(lookup(&pairs)).unwrap_err();
        assert_eq!(
            error.to_string(),
            "BACKEND_ORGS is not valid: org 00D2 names Alcméon company 8, but this backend serves \
             company 7 (ALCMEON_COMPANY_ID): one backend serves one Alcméon environment; run one \
             backend per environment"
        );
    }
}
