//! The emulator's configuration, read once from `SALESFORCE_EMULATOR_*` environment variables.
//! Unset or empty variables keep their default.

use std::fmt;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::str::FromStr;
use std::time::Duration;

#[derive(Debug, Clone)]
pub struct Config {
    /// `SALESFORCE_EMULATOR_ADDR`, default `127.0.0.1:8082`; port 0 picks any free port.
    pub addr: SocketAddr,
    /// `SALESFORCE_EMULATOR_DATA`: JSON state file loaded at start and rewritten after each change.
    pub state_path: Option<PathBuf>,
    /// `SALESFORCE_EMULATOR_INSTANCE_URL`: the token answer's `instance_url`; default
    /// `http://<the bound address>`.
    pub instance_url: Option<String>,
    /// `SALESFORCE_EMULATOR_LOGIN_URL`, default `https://login.salesforce.com` (a sandbox:
    /// `https://test.salesforce.com`): the audience a JWT bearer assertion must name.
    pub login_url: String,
    /// `SALESFORCE_EMULATOR_CONSUMER_KEY`: the Connected App's consumer key (an assertion's `iss`).
    pub consumer_key: String,
    /// `SALESFORCE_EMULATOR_CERTIFICATE`: path of the PEM certificate (or RSA public key) uploaded
    /// to the Connected App, read at start. Unset: no assertion is accepted.
    pub certificate_pem: Option<Vec<u8>>,
    /// `SALESFORCE_EMULATOR_USERNAMES`, comma-separated, default `integration@lumio.example`: the
    /// users pre-authorized on the Connected App (an assertion's `sub`).
    pub usernames: Vec<String>,
    /// `SALESFORCE_EMULATOR_TOKEN_LIFETIME_SECS`, default 7,200 (Salesforce's default session
    /// timeout of 2 hours).
    pub token_lifetime: Duration,
    /// `SALESFORCE_EMULATOR_DAILY_API_LIMIT`, default 15,000: REST calls the org may make per UTC
    /// day.
    pub daily_api_limit: u64,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            addr: SocketAddr::from(([127, 0, 0, 1], 8082)),
            state_path: None,
            instance_url: None,
            login_url: "https://login.salesforce.com".to_owned(),
            consumer_key: "demo-consumer-key".to_owned(),
            certificate_pem: None,
            usernames: vec!["integration@lumio.example".to_owned()],
            token_lifetime: Duration::from_secs(2 * 60 * 60),
            daily_api_limit: 15_000,
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

    /// Builds the configuration from any variable source.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Config, ConfigError> {
        let get = |name: &str| lookup(name).filter(|value| !value.trim().is_empty());
        let mut config = Config::default();
        if let Some(addr) = get("SALESFORCE_EMULATOR_ADDR") {
            config.addr = parse("SALESFORCE_EMULATOR_ADDR", &addr)?;
        }
        config.state_path = get("SALESFORCE_EMULATOR_DATA").map(PathBuf::from);
        config.instance_url =
            get("SALESFORCE_EMULATOR_INSTANCE_URL").map(|url| url.trim_end_matches('/').to_owned());
        if let Some(url) = get("SALESFORCE_EMULATOR_LOGIN_URL") {
            config.login_url = url.trim_end_matches('/').to_owned();
        }
        if let Some(key) = get("SALESFORCE_EMULATOR_CONSUMER_KEY") {
            config.consumer_key = key;
        }
        if let Some(path) = get("SALESFORCE_EMULATOR_CERTIFICATE") {
            config.certificate_pem = Some(std::fs::read(&path).map_err(|error| ConfigError {
                variable: "SALESFORCE_EMULATOR_CERTIFICATE",
                problem: format!("{path}: {error}"),
            })?);
        }
        if let Some(names) = get("SALESFORCE_EMULATOR_USERNAMES") {
            config.usernames = names
                .split(',')
                .map(str::trim)
                .filter(|name| !name.is_empty())
                .map(str::to_owned)
                .collect();
        }
        if let Some(secs) = get("SALESFORCE_EMULATOR_TOKEN_LIFETIME_SECS") {
            config.token_lifetime =
                Duration::from_secs(parse("SALESFORCE_EMULATOR_TOKEN_LIFETIME_SECS", &secs)?);
        }
        if let Some(limit) = get("SALESFORCE_EMULATOR_DAILY_API_LIMIT") {
            config.daily_api_limit = parse("SALESFORCE_EMULATOR_DAILY_API_LIMIT", &limit)?;
        }
        Ok(config)
    }
}

fn parse<T: FromStr>(variable: &'static str, value: &str) -> Result<T, ConfigError>
where
    T::Err: fmt::Display,
{
    value.trim().parse().map_err(|error| ConfigError {
        variable,
        problem: format!("{value:?}: {error}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variables_override_defaults_and_a_bad_number_names_its_variable() {
        let config = Config::from_lookup(|name| match name {
            "SALESFORCE_EMULATOR_USERNAMES" => Some("a@x.example, b@x.example".to_owned()),
            "SALESFORCE_EMULATOR_LOGIN_URL" => Some("https://test.salesforce.com/".to_owned()),
            _ => None,
        })
        .unwrap();
        assert_eq!(config.usernames, ["a@x.example", "b@x.example"]);
        assert_eq!(config.login_url, "https://test.salesforce.com");
        assert_eq!(config.daily_api_limit, 15_000);

        let error = Config::from_lookup(|name| {
            (name == "SALESFORCE_EMULATOR_DAILY_API_LIMIT").then(|| "lots".to_owned())
        })
        .unwrap_err();
        assert_eq!(error.variable, "SALESFORCE_EMULATOR_DAILY_API_LIMIT");
    }
}
