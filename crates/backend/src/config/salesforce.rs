//! The record sync's settings: for each org of `BACKEND_ORGS` that has them, how the backend
//! reaches its Salesforce (a Connected App, the OAuth 2.0 JWT bearer flow) and which Alcméon social
//! accounts are mapped to it.
//!
//! `BACKEND_SALESFORCE_<orgId>` (the org id as `BACKEND_ORGS` spells it), `key=value` pairs
//! separated by `;`:
//! - `consumer_key`, required: the Connected App's consumer key;
//! - `username`, required: the integration user pre-authorized on the Connected App;
//! - `private_key`, required: the path of the Connected App's RSA private key (PEM), read at start;
//! - `accounts`: the Alcméon social account ids (comma-separated) whose conversations become
//!   records in this org, each optionally followed by `:` and the Salesforce Queue (an id starting
//!   `00G`) its open conversations are handed to (`201:00G5g000004XyZaEAK,202`); empty or absent:
//!   only customers linked to a Contact are synced;
//! - `login_url`, default `https://login.salesforce.com` (`https://test.salesforce.com` for a
//!   sandbox);
//! - `session_timeout_secs` (the org's session timeout, default 7,200) and `grant_retry_secs`
//!   (how long a revoked grant is not asked again, default 600);
//! - `token_endpoint` and `instance_url`: a stand-in's, instead of the login URL's and the token
//!   answer's.
//!
//! Invariants: an org without the variable has no sync; the key is read once and never printed
//! (`Debug` redacts it); an Alcméon social account is mapped to one org at most (Alcméon links a
//! social account to one Salesforce org).

use std::collections::BTreeMap;
use std::time::Duration;

use super::{ConfigError, OrgSecret, parse_ids, split_list};

/// A Salesforce Queue's id: a record id whose key prefix is `00G`.
const QUEUE_ID_PREFIX: &str = "00G";

const NAME: &str = "BACKEND_SALESFORCE_<orgId>";
const DEFAULT_LOGIN_URL: &str = "https://login.salesforce.com";

/// One org's settings.
#[derive(Clone, PartialEq, Eq)]
pub struct SalesforceSettings {
    pub login_url: String,
    pub consumer_key: String,
    pub username: String,
    pub private_key_pem: String,
    /// The Alcméon social accounts mapped to the org.
    pub accounts: Vec<i64>,
    /// The Salesforce Queue each mapped account's open conversations are handed to, if any.
    pub queues: BTreeMap<i64, String>,
    pub session_timeout: Option<Duration>,
    pub grant_retry_after: Option<Duration>,
    pub token_endpoint: Option<String>,
    pub instance_url: Option<String>,
}

impl std::fmt::Debug for SalesforceSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SalesforceSettings")
            .field("login_url", &self.login_url)
            .field("consumer_key", &self.consumer_key)
            .field("username", &self.username)
            .field("private_key_pem", &"<redacted>")
            .field("accounts", &self.accounts)
            .field("queues", &self.queues)
            .field("session_timeout", &self.session_timeout)
            .field("grant_retry_after", &self.grant_retry_after)
            .field("token_endpoint", &self.token_endpoint)
            .field("instance_url", &self.instance_url)
            .finish()
    }
}

/// The settings of every org that has them, by org id.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SalesforceSync(pub BTreeMap<String, SalesforceSettings>);

impl SalesforceSync {
    pub fn of(&self, org_id: &str) -> Option<&SalesforceSettings> {
        self.0.get(org_id)
    }

    /// Reads `BACKEND_SALESFORCE_<orgId>` for each org.
    pub fn from_lookup(
        orgs: &[OrgSecret],
        get: &impl Fn(&str) -> Option<String>,
    ) -> Result<Self, ConfigError> {
        let mut settings = BTreeMap::new();
        for org in orgs {
            let raw = get(&format!("BACKEND_SALESFORCE_{}", org.org_id));
            if let Some(raw) = raw.filter(|raw| !raw.trim().is_empty()) {
                settings.insert(org.org_id.clone(), parse(&org.org_id, &raw)?);
            }
        }
        let sync = Self(settings);
        sync.check_accounts_mapped_once()?;
        Ok(sync)
    }

    fn check_accounts_mapped_once(&self) -> Result<(), ConfigError> {
        let mut mapped: BTreeMap<i64, &str> = BTreeMap::new();
        for (org_id, settings) in &self.0 {
            for account in &settings.accounts {
                if let Some(other) = mapped.insert(*account, org_id) {
                    return Err(invalid(format!(
                        "Alcméon account {account} is mapped to orgs {other} and {org_id}: map a \
                         social account to one org"
                    )));
                }
            }
        }
        Ok(())
    }
}

fn invalid(reason: String) -> ConfigError {
    ConfigError::Invalid { name: NAME, reason }
}

fn parse(org_id: &str, raw: &str) -> Result<SalesforceSettings, ConfigError> {
    let mut pairs = BTreeMap::new();
    for entry in raw.split(';').map(str::trim).filter(|e| !e.is_empty()) {
        let (key, value) = entry
            .split_once('=')
            .ok_or_else(|| invalid(format!("org {org_id}: {entry:?} is not key=value")))?;
        if pairs.insert(key.trim(), value.trim()).is_some() {
            return Err(invalid(format!(
                "org {org_id}: {} is given twice",
                key.trim()
            )));
        }
    }
    let mut take = |key: &str| pairs.remove(key).filter(|value| !value.is_empty());
    fn required<'a>(
        org_id: &str,
        value: Option<&'a str>,
        key: &str,
    ) -> Result<&'a str, ConfigError> {
        value.ok_or_else(|| invalid(format!("org {org_id}: {key} is required")))
    }
    let consumer_key = required(org_id, take("consumer_key"), "consumer_key")?.to_owned();
    let username = required(org_id, take("username"), "username")?.to_owned();
    let private_key_pem = read_key(
        org_id,
        required(org_id, take("private_key"), "private_key")?,
    )?;
    let (accounts, queues) = match take("accounts") {
        Some(raw) => parse_accounts(org_id, raw)?,
        None => (vec![], BTreeMap::new()),
    };
    let login_url = take("login_url")
        .unwrap_or(DEFAULT_LOGIN_URL)
        .trim_end_matches('/')
        .to_owned();
    let session_timeout = seconds(org_id, "session_timeout_secs", take("session_timeout_secs"))?;
    let grant_retry_after = seconds(org_id, "grant_retry_secs", take("grant_retry_secs"))?;
    let token_endpoint = take("token_endpoint").map(str::to_owned);
    let instance_url = take("instance_url").map(str::to_owned);
    if let Some(unknown) = pairs.keys().next() {
        return Err(invalid(format!(
            "org {org_id}: unknown setting {unknown:?}"
        )));
    }
    Ok(SalesforceSettings {
        login_url,
        consumer_key,
        username,
        private_key_pem,
        accounts,
        queues,
        session_timeout,
        grant_retry_after,
        token_endpoint,
        instance_url,
    })
}

/// `201:00G5g000004XyZaEAK,202`: the accounts, and the Queue of those that name one.
fn parse_accounts(
    org_id: &str,
    raw: &str,
) -> Result<(Vec<i64>, BTreeMap<i64, String>), ConfigError> {
    let mut ids = Vec::new();
    let mut queues = BTreeMap::new();
    for entry in split_list(raw) {
        let (id, queue) = match entry.split_once(':') {
            Some((id, queue)) => (id.trim(), Some(queue.trim())),
            None => (entry, None),
        };
        let id = parse_ids(NAME, id)
            .ok()
            .and_then(|ids| ids.into_iter().next())
            .ok_or_else(|| {
                invalid(format!(
                    "org {org_id}: accounts {raw:?}: {id:?} is not an Alcméon id"
                ))
            })?;
        if let Some(queue) = queue {
            if !(protocol::is_salesforce_id(queue) && queue.starts_with(QUEUE_ID_PREFIX)) {
                return Err(invalid(format!(
                    "org {org_id}: accounts {raw:?}: {queue:?} is not a Salesforce Queue id \
                     (15 or 18 letters and digits starting {QUEUE_ID_PREFIX})"
                )));
            }
            queues.insert(id, queue.to_owned());
        }
        ids.push(id);
    }
    Ok((ids, queues))
}

fn seconds(org_id: &str, key: &str, raw: Option<&str>) -> Result<Option<Duration>, ConfigError> {
    raw.map(|raw| {
        raw.parse::<u64>()
            .ok()
            .filter(|secs| *secs > 0)
            .map(Duration::from_secs)
            .ok_or_else(|| {
                invalid(format!(
                    "org {org_id}: {key} {raw:?} is not a whole number of seconds"
                ))
            })
    })
    .transpose()
}

/// Reads the key file; its content is never part of an error.
fn read_key(org_id: &str, path: &str) -> Result<String, ConfigError> {
    let pem = std::fs::read_to_string(path)
        .map_err(|error| invalid(format!("org {org_id}: private_key {path}: {error}")))?;
    if !pem.contains("-----BEGIN") {
        return Err(invalid(format!(
            "org {org_id}: private_key {path} is not a PEM file"
        )));
    }
    Ok(pem)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PEM: &str = "-----BEGIN PRIVATE KEY-----\nsecret-material\n-----END PRIVATE KEY-----\n";

    fn org(id: &str) -> OrgSecret {
        OrgSecret {
            org_id: id.into(),
            secret: "a-secret-of-sixteen+".into(),
            alcmeon_company_id: 7,
        }
    }

    fn key_file(text: &str) -> tempfile::NamedTempFile {
        let file = tempfile::NamedTempFile::new().unwrap();
        std::fs::write(file.path(), text).unwrap();
        file
    }

    fn read(orgs: &[OrgSecret], vars: &[(&str, String)]) -> Result<SalesforceSync, ConfigError> {
        let vars: BTreeMap<String, String> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect();
        SalesforceSync::from_lookup(orgs, &|name: &str| vars.get(name).cloned())
    }

    #[test]
    fn an_org_with_settings_has_them_and_an_org_without_has_no_sync() {
        let key = key_file(PEM);
        let value = format!(
            "consumer_key=3MVG9; username=integration@acme.example; private_key={}; accounts=201, 202; token_endpoint=http://127.0.0.1:9/token; grant_retry_secs=5",
            key.path().display()
        );
        let sync = read(
            &[org("00DA"), org("00DB")],
            &[("BACKEND_SALESFORCE_00DA", value)],
        )
        .unwrap();
        let settings = sync.of("00DA").unwrap();
        assert_eq!(settings.login_url, "https://login.salesforce.com");
        assert_eq!(settings.consumer_key, "3MVG9");
        assert_eq!(settings.username, "integration@acme.example");
        assert_eq!(settings.private_key_pem, PEM);
        assert_eq!(settings.accounts, [201, 202]);
        assert!(settings.queues.is_empty());
        assert_eq!(settings.grant_retry_after, Some(Duration::from_secs(5)));
        assert_eq!(settings.session_timeout, None);
        assert_eq!(
            settings.token_endpoint.as_deref(),
            Some("http://127.0.0.1:9/token")
        );
        assert!(sync.of("00DB").is_none());
        let shown = format!("{settings:?}");
        assert!(!shown.contains("secret-material"), "{shown}");
    }

    #[test]
    fn an_account_may_name_the_queue_its_open_conversations_are_handed_to() {
        let key = key_file(PEM);
        let value = format!(
            "consumer_key=c; username=u; private_key={}; accounts=201:00G5g000004XyZaEAK, 202, 203 : 00G5g000004XyZb",
            key.path().display()
        );
        let sync = read(&[org("00DA")], &[("BACKEND_SALESFORCE_00DA", value)]).unwrap();
        let settings = sync.of("00DA").unwrap();
        assert_eq!(settings.accounts, [201, 202, 203]);
        assert_eq!(
            settings.queues,
            BTreeMap::from([
                (201, "00G5g000004XyZaEAK".to_owned()),
                (203, "00G5g000004XyZb".to_owned()),
            ])
        );
    }

    #[test]
    fn a_missing_or_unknown_setting_an_unreadable_key_and_a_shared_account_are_refused_by_name() {
        let key = key_file(PEM);
        let path = key.path().display().to_string();
        let not_pem = key_file("secret-material");
        let cases = [
            (
                format!("username=u; private_key={path}"),
                "consumer_key is required",
            ),
            (
                format!("consumer_key=c; private_key={path}"),
                "username is required",
            ),
            (
                "consumer_key=c; username=u".to_owned(),
                "private_key is required",
            ),
            (
                "consumer_key=c; username=u; private_key=/nowhere/key.pem".to_owned(),
                "/nowhere/key.pem",
            ),
            (
                format!(
                    "consumer_key=c; username=u; private_key={}",
                    not_pem.path().display()
                ),
                "is not a PEM file",
            ),
            (
                format!("consumer_key=c; username=u; private_key={path}; accounts=lumio"),
                "\"lumio\" is not an Alcméon id",
            ),
            (
                format!("consumer_key=c; username=u; private_key={path}; accounts=201:00G5g0000"),
                "\"00G5g0000\" is not a Salesforce Queue id",
            ),
            (
                format!(
                    "consumer_key=c; username=u; private_key={path}; accounts=201:0055g000004XyZaEAK"
                ),
                "\"0055g000004XyZaEAK\" is not a Salesforce Queue id",
            ),
            (
                format!(
                    "consumer_key=c; username=u; private_key={path}; accounts=:00G5g000004XyZaEAK"
                ),
                "\"\" is not an Alcméon id",
            ),
            (
                format!("consumer_key=c; username=u; private_key={path}; colour=blue"),
                "unknown setting \"colour\"",
            ),
            (
                format!("consumer_key=c; consumer_key=d; username=u; private_key={path}"),
                "consumer_key is given twice",
            ),
            (
                format!("consumer_key=c; username=u; private_key={path}; grant_retry_secs=0"),
                "grant_retry_secs",
            ),
            (
                format!("consumer_key=c; username=u; private_key={path}; login_url"),
                "is not key=value",
            ),
        ];
        for (value, expected) in cases {
            let error = read(
                &[org("00DA")],
                &[("BACKEND_SALESFORCE_00DA", value.clone())],
            )
            .unwrap_err()
            .to_string();
            assert!(
                error.starts_with("BACKEND_SALESFORCE_<orgId> is not valid: org 00DA"),
                "{error}"
            );
            assert!(error.contains(expected), "{value}: {error}");
            assert!(!error.contains("secret-material"), "{error}");
        }
        let both = format!("consumer_key=c; username=u; private_key={path}; accounts=201");
        let error = read(
            &[org("00DA"), org("00DB")],
            &[
                ("BACKEND_SALESFORCE_00DA", both.clone()),
                ("BACKEND_SALESFORCE_00DB", both),
            ],
        )
        .unwrap_err();
        assert!(
            error
                .to_string()
                .contains("Alcméon account 201 is mapped to orgs 00DA and 00DB"),
            "{error}"
        );
    }
}
