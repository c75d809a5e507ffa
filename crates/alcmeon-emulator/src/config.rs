//! The emulator's configuration, read once from `ALCMEON_EMULATOR_*` environment variables.

use std::fmt;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::str::FromStr;
use std::time::Duration;

use reqwest::Url;

#[derive(Debug, Clone)]
pub struct Config {
    /// `ALCMEON_EMULATOR_ADDR`; port 0 picks any free port.
    pub addr: SocketAddr,
    /// `ALCMEON_EMULATOR_INSTANCE_ID`: the Basic user name and the OAuth `client_id`.
    pub instance_id: String,
    /// `ALCMEON_EMULATOR_SECRET`: the application secret; also keys webhook signatures.
    pub secret: String,
    /// `ALCMEON_EMULATOR_RATE_LIMIT_PER_MINUTE`: calls per application per sliding minute.
    pub rate_limit_per_minute: u32,
    /// `ALCMEON_EMULATOR_WHATSAPP_RATE_LIMIT_PER_MINUTE`, default 3,000 (initiate-conversation-api.yaml):
    /// WhatsApp template sends (`POST /v1/whatsapp/send/`) per application per sliding window, a
    /// budget of their own that the general limit does not count.
    pub whatsapp_rate_limit_per_minute: u32,
    /// `ALCMEON_EMULATOR_RATE_LIMIT_WINDOW_SECS`, default 60 (Alcméon's minute): the sliding
    /// window the limit counts calls in; shorter only for tests that wait a 429 out.
    pub rate_limit_window: Duration,
    /// `ALCMEON_EMULATOR_WEBHOOK_URL`: where notifications are POSTed; none when unset.
    pub webhook_url: Option<Url>,
    /// `ALCMEON_EMULATOR_WEBHOOK_DROP_PERCENT`: share of notifications deliberately never sent.
    pub webhook_drop_percent: u8,
    /// `ALCMEON_EMULATOR_WEBHOOK_DUPLICATE_PERCENT`: share of notifications sent twice.
    pub webhook_duplicate_percent: u8,
    /// `ALCMEON_EMULATOR_STATE`: JSON file loaded at start, rewritten soon after each change and on
    /// stopping.
    pub state_path: Option<PathBuf>,
    /// `ALCMEON_EMULATOR_CUSTOMER_EVERY_SECS`: period of the simulated customer traffic.
    pub customer_every: Option<Duration>,
    /// `ALCMEON_EMULATOR_BULK_ACTIONS`: a fresh emulator also holds this many generated customer
    /// messages after the demo data (0: none), for replicas facing a large environment.
    pub bulk_actions: u64,
    /// `ALCMEON_EMULATOR_BULK_CONVERSATIONS`: how many conversations they are spread over, in
    /// turn; default one per 20 messages.
    pub bulk_conversations: u64,
    /// `ALCMEON_EMULATOR_ENGAGEMENT_AUTO_ANSWER_SECS`: the recipient of each accepted WhatsApp
    /// engagement answers it this long after the send (the demo's scripted customer); never when
    /// unset (tests answer through the control).
    pub engagement_auto_answer: Option<Duration>,
    /// `ALCMEON_EMULATOR_CLOSING_WINDOW_SECS`, default 1,800: how long the WhatsApp reply window
    /// of the seeded conversation 1008 stays open after a fresh emulator starts (its customer last
    /// wrote 24 h minus this before), under 24 h.
    pub closing_window: Duration,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            addr: SocketAddr::from(([127, 0, 0, 1], 8081)),
            instance_id: "demo-instance".to_owned(),
            secret: "demo-secret".to_owned(),
            rate_limit_per_minute: 15,
            whatsapp_rate_limit_per_minute: 3_000,
            rate_limit_window: Duration::from_secs(60),
            webhook_url: None,
            webhook_drop_percent: 0,
            webhook_duplicate_percent: 0,
            state_path: None,
            customer_every: None,
            bulk_actions: 0,
            bulk_conversations: 0,
            engagement_auto_answer: None,
            closing_window: Duration::from_secs(30 * 60),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub variable: &'static str,
    pub problem: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.variable, self.problem)
    }
}

impl std::error::Error for ConfigError {}

impl Config {
    pub fn from_env() -> Result<Config, ConfigError> {
        Config::from_lookup(|name| std::env::var(name).ok())
    }

    /// Builds the configuration from any variable source; unset or empty variables keep their default.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Config, ConfigError> {
        let value = |name: &str| lookup(name).filter(|value| !value.trim().is_empty());
        let defaults = Config::default();
        let percent = |name: &'static str| -> Result<u8, ConfigError> {
            let percent = parsed(value, name)?.unwrap_or(0);
            if percent > 100 {
                return Err(problem(name, "must be 0..=100"));
            }
            Ok(percent)
        };
        let duplicate_percent = percent("ALCMEON_EMULATOR_WEBHOOK_DUPLICATE_PERCENT")?;
        let drop_percent = parsed(value, "ALCMEON_EMULATOR_WEBHOOK_DROP_PERCENT")?.unwrap_or(0);
        if drop_percent > 100 {
            return Err(problem(
                "ALCMEON_EMULATOR_WEBHOOK_DROP_PERCENT",
                "must be 0..=100",
            ));
        }
        let rate_limit = parsed(value, "ALCMEON_EMULATOR_RATE_LIMIT_PER_MINUTE")?
            .unwrap_or(defaults.rate_limit_per_minute);
        if rate_limit == 0 {
            return Err(problem(
                "ALCMEON_EMULATOR_RATE_LIMIT_PER_MINUTE",
                "must be at least 1",
            ));
        }
        let whatsapp_rate_limit = parsed(value, "ALCMEON_EMULATOR_WHATSAPP_RATE_LIMIT_PER_MINUTE")?
            .unwrap_or(defaults.whatsapp_rate_limit_per_minute);
        if whatsapp_rate_limit == 0 {
            return Err(problem(
                "ALCMEON_EMULATOR_WHATSAPP_RATE_LIMIT_PER_MINUTE",
                "must be at least 1",
            ));
        }
        let customer_every_secs: Option<u64> =
            parsed(value, "ALCMEON_EMULATOR_CUSTOMER_EVERY_SECS")?;
        if customer_every_secs == Some(0) {
            return Err(problem(
                "ALCMEON_EMULATOR_CUSTOMER_EVERY_SECS",
                "must be at least 1",
            ));
        }
        let bulk_actions: u64 = parsed(value, "ALCMEON_EMULATOR_BULK_ACTIONS")?.unwrap_or(0);
        let bulk_conversations: u64 = parsed(value, "ALCMEON_EMULATOR_BULK_CONVERSATIONS")?
            .unwrap_or((bulk_actions / 20).max(1));
        if bulk_actions > 0 && !(1..=bulk_actions).contains(&bulk_conversations) {
            return Err(problem(
                "ALCMEON_EMULATOR_BULK_CONVERSATIONS",
                "must be 1 to ALCMEON_EMULATOR_BULK_ACTIONS",
            ));
        }
        let auto_answer_secs: Option<u64> =
            parsed(value, "ALCMEON_EMULATOR_ENGAGEMENT_AUTO_ANSWER_SECS")?;
        if auto_answer_secs == Some(0) {
            return Err(problem(
                "ALCMEON_EMULATOR_ENGAGEMENT_AUTO_ANSWER_SECS",
                "must be at least 1",
            ));
        }
        let closing_window = match parsed(value, "ALCMEON_EMULATOR_CLOSING_WINDOW_SECS")? {
            None => defaults.closing_window,
            Some(seconds @ 1..86_400) => Duration::from_secs(seconds),
            Some(_) => {
                return Err(problem(
                    "ALCMEON_EMULATOR_CLOSING_WINDOW_SECS",
                    "must be 1 to 86399 (under 24 hours)",
                ));
            }
        };
        Ok(Config {
            addr: parsed(value, "ALCMEON_EMULATOR_ADDR")?.unwrap_or(defaults.addr),
            instance_id: value("ALCMEON_EMULATOR_INSTANCE_ID").unwrap_or(defaults.instance_id),
            secret: value("ALCMEON_EMULATOR_SECRET").unwrap_or(defaults.secret),
            rate_limit_per_minute: rate_limit,
            whatsapp_rate_limit_per_minute: whatsapp_rate_limit,
            rate_limit_window: match parsed(value, "ALCMEON_EMULATOR_RATE_LIMIT_WINDOW_SECS")? {
                None => defaults.rate_limit_window,
                Some(0) => {
                    return Err(problem(
                        "ALCMEON_EMULATOR_RATE_LIMIT_WINDOW_SECS",
                        "must be at least 1",
                    ));
                }
                Some(seconds) => Duration::from_secs(seconds),
            },
            webhook_url: parsed(value, "ALCMEON_EMULATOR_WEBHOOK_URL")?,
            webhook_drop_percent: drop_percent,
            webhook_duplicate_percent: duplicate_percent,
            state_path: value("ALCMEON_EMULATOR_STATE").map(PathBuf::from),
            customer_every: customer_every_secs.map(Duration::from_secs),
            bulk_actions,
            bulk_conversations,
            engagement_auto_answer: auto_answer_secs.map(Duration::from_secs),
            closing_window,
        })
    }
}

fn parsed<T: FromStr>(
    value: impl Fn(&str) -> Option<String>,
    name: &'static str,
) -> Result<Option<T>, ConfigError>
where
    T::Err: fmt::Display,
{
    value(name)
        .map(|text| {
            text.trim()
                .parse::<T>()
                .map_err(|error| problem(name, &format!("{text:?}: {error}")))
        })
        .transpose()
}

fn problem(variable: &'static str, problem: &str) -> ConfigError {
    ConfigError {
        variable,
        problem: problem.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn config_from(pairs: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Config::from_lookup(|name| map.get(name).cloned())
    }

    #[test]
    fn no_variables_gives_the_documented_defaults() {
        let config = config_from(&[]).unwrap();
        assert_eq!(config.addr.to_string(), "127.0.0.1:8081");
        assert_eq!(config.instance_id, "demo-instance");
        assert_eq!(config.secret, "demo-secret");
        assert_eq!(config.rate_limit_per_minute, 15);
        assert_eq!(config.whatsapp_rate_limit_per_minute, 3_000);
        assert!(config.webhook_url.is_none() && config.state_path.is_none());
        assert!(config.customer_every.is_none());
        assert!(config.engagement_auto_answer.is_none());
        assert_eq!(config.closing_window, Duration::from_secs(1_800));
    }

    #[test]
    fn every_variable_is_read() {
        let config = config_from(&[
            ("ALCMEON_EMULATOR_ADDR", "0.0.0.0:0"),
            ("ALCMEON_EMULATOR_INSTANCE_ID", "acme"),
            ("ALCMEON_EMULATOR_SECRET", "s3cret"),
            ("ALCMEON_EMULATOR_RATE_LIMIT_PER_MINUTE", "3"),
            ("ALCMEON_EMULATOR_WHATSAPP_RATE_LIMIT_PER_MINUTE", "5"),
            (
                "ALCMEON_EMULATOR_WEBHOOK_URL",
                "http://127.0.0.1:9000/hooks/alcmeon?x=1",
            ),
            ("ALCMEON_EMULATOR_WEBHOOK_DROP_PERCENT", "25"),
            ("ALCMEON_EMULATOR_STATE", "/tmp/state.json"),
            ("ALCMEON_EMULATOR_CUSTOMER_EVERY_SECS", "30"),
            ("ALCMEON_EMULATOR_BULK_ACTIONS", "1000000"),
            ("ALCMEON_EMULATOR_BULK_CONVERSATIONS", "50000"),
            ("ALCMEON_EMULATOR_ENGAGEMENT_AUTO_ANSWER_SECS", "8"),
            ("ALCMEON_EMULATOR_CLOSING_WINDOW_SECS", "20"),
        ])
        .unwrap();
        assert_eq!(config.addr.port(), 0);
        assert_eq!(
            (config.instance_id.as_str(), config.secret.as_str()),
            ("acme", "s3cret")
        );
        assert_eq!(config.rate_limit_per_minute, 3);
        assert_eq!(config.whatsapp_rate_limit_per_minute, 5);
        assert_eq!(config.webhook_url.unwrap().path(), "/hooks/alcmeon");
        assert_eq!(config.webhook_drop_percent, 25);
        assert_eq!(config.state_path.unwrap(), PathBuf::from("/tmp/state.json"));
        assert_eq!(config.customer_every, Some(Duration::from_secs(30)));
        assert_eq!(
            (config.bulk_actions, config.bulk_conversations),
            (1_000_000, 50_000)
        );
        assert_eq!(config.engagement_auto_answer, Some(Duration::from_secs(8)));
        assert_eq!(config.closing_window, Duration::from_secs(20));
    }

    #[test]
    fn invalid_values_name_their_variable() {
        let error = config_from(&[("ALCMEON_EMULATOR_WEBHOOK_DROP_PERCENT", "120")]).unwrap_err();
        assert_eq!(error.variable, "ALCMEON_EMULATOR_WEBHOOK_DROP_PERCENT");
        let error = config_from(&[("ALCMEON_EMULATOR_ADDR", "nowhere")]).unwrap_err();
        assert_eq!(error.variable, "ALCMEON_EMULATOR_ADDR");
        let error = config_from(&[("ALCMEON_EMULATOR_RATE_LIMIT_PER_MINUTE", "0")]).unwrap_err();
        assert_eq!(error.variable, "ALCMEON_EMULATOR_RATE_LIMIT_PER_MINUTE");
        let error = config_from(&[
            ("ALCMEON_EMULATOR_BULK_ACTIONS", "10"),
            ("ALCMEON_EMULATOR_BULK_CONVERSATIONS", "11"),
        ])
        .unwrap_err();
        assert_eq!(error.variable, "ALCMEON_EMULATOR_BULK_CONVERSATIONS");
        let error = config_from(&[("ALCMEON_EMULATOR_CLOSING_WINDOW_SECS", "86400")]).unwrap_err();
        assert_eq!(error.variable, "ALCMEON_EMULATOR_CLOSING_WINDOW_SECS");
        let error =
            config_from(&[("ALCMEON_EMULATOR_ENGAGEMENT_AUTO_ANSWER_SECS", "0")]).unwrap_err();
        assert_eq!(
            error.variable,
            "ALCMEON_EMULATOR_ENGAGEMENT_AUTO_ANSWER_SECS"
        );
    }
}
