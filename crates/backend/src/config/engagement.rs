//! The engagement settings: which WhatsApp templates an agent may send, which Alcméon opt-in lists
//! decide consent, how fresh the consent replica is kept, how many Alcméon environments each org
//! is connected to, where a customer's number is read, and how long after a send a conversation
//! may be linked to it.
//!
//! Invariants: every template read is checked (`protocol::Template::check`: its placeholders are
//! exactly its declared variables) and template ids are unique, else start-up fails naming the
//! file and the problem; no opt-in list has a default (a default would be another environment's).

use std::time::Duration;

use protocol::Template;

use super::ConfigError;
use super::org_environments::OrgEnvironments;

/// The engagement part of [`super::Config`].
#[derive(Debug, Clone, Default)]
pub struct EngagementConfig {
    /// `BACKEND_WHATSAPP_TEMPLATES`: a JSON file listing the WhatsApp templates of the environment
    /// (WhatsApp has no listing API). Unset: none. The file is an array of
    /// `{"id": 2001, "name": "order_update", "language": "en", "body": "Hello {{customer_name}}…",
    /// "url_buttons": [{"label": "Track my order", "url": "https://…/{{order_number}}"}],
    /// "variables": [{"label": "customer_name"}, {"label": "order_number"}]}`; a variable may say
    /// `"required": false` with a `"default"` text sent when the agent gives none.
    pub whatsapp_templates: Vec<Template>,
    /// `ALCMEON_OPTIN_LIST_IDS`: the Alcméon opt-in lists (comma-separated ids) whose consent the
    /// backend replicates. No default; unset or empty: no consent is replicated.
    pub optin_list_ids: Vec<i64>,
    /// `BACKEND_CONSENT_REFRESH_SECS`, default 300: how often the consent replica is read again
    /// from Alcméon.
    pub consent_refresh_interval: Duration,
    /// `BACKEND_CONSENT_MAX_AGE_SECS`, default 60 (decimals allowed): a consent question on a
    /// replica older than this reads Alcméon again first.
    pub consent_max_age: Duration,
    /// `BACKEND_ORG_ENVIRONMENTS`: `orgId=N` pairs, comma-separated; an org not listed is connected
    /// to 1 environment. Engagement is available only with exactly 1.
    pub org_environments: OrgEnvironments,
    /// `ALCMEON_CUSTOMER_PHONE_FIELD_ID`: the Alcméon user custom field holding a customer's phone
    /// number (a `CustomFieldPhoneFieldValue` in the action author's `group.custom_fields`); the
    /// environment's own id, so no default (the emulator's is 5001). Unset: no number is read, so no
    /// engagement is linked to the conversation it opens.
    pub customer_phone_field_id: Option<i64>,
    /// `BACKEND_ENGAGEMENT_LINK_WINDOW_SECS`, default 604800 (7 days): a conversation whose first
    /// customer message comes later than this after a send is not linked to it.
    pub link_window: Duration,
}

pub fn from_lookup(get: &impl Fn(&str) -> Option<String>) -> Result<EngagementConfig, ConfigError> {
    let whatsapp_templates =
        match get("BACKEND_WHATSAPP_TEMPLATES").filter(|p| !p.trim().is_empty()) {
            None => vec![],
            Some(path) => read_templates(&path)?,
        };
    let optin_list_ids = match get("ALCMEON_OPTIN_LIST_IDS") {
        None => vec![],
        Some(raw) => super::parse_ids("ALCMEON_OPTIN_LIST_IDS", &raw)?,
    };
    Ok(EngagementConfig {
        whatsapp_templates,
        optin_list_ids,
        consent_refresh_interval: seconds(get, "BACKEND_CONSENT_REFRESH_SECS", 300.0)?,
        consent_max_age: seconds(get, "BACKEND_CONSENT_MAX_AGE_SECS", 60.0)?,
        org_environments: OrgEnvironments::parse(
            &get("BACKEND_ORG_ENVIRONMENTS").unwrap_or_default(),
        )?,
        customer_phone_field_id: super::field_id(get, "ALCMEON_CUSTOMER_PHONE_FIELD_ID")?,
        link_window: seconds(get, "BACKEND_ENGAGEMENT_LINK_WINDOW_SECS", 604_800.0)?,
    })
}

fn seconds(
    get: &impl Fn(&str) -> Option<String>,
    name: &'static str,
    default: f64,
) -> Result<Duration, ConfigError> {
    let raw = get(name);
    raw.as_deref()
        .map_or(Some(default), |raw| raw.trim().parse::<f64>().ok())
        .filter(|secs| secs.is_finite() && *secs > 0.0)
        .and_then(|secs| Duration::try_from_secs_f64(secs).ok())
        .ok_or_else(|| ConfigError::Invalid {
            name,
            reason: format!(
                "{:?} is not a positive number of seconds",
                raw.unwrap_or_default()
            ),
        })
}

/// Reads and checks the templates file.
pub fn read_templates(path: &str) -> Result<Vec<Template>, ConfigError> {
    let invalid = |reason: String| ConfigError::Invalid {
        name: "BACKEND_WHATSAPP_TEMPLATES",
        reason: format!("{path}: {reason}"),
    };
    let text = std::fs::read_to_string(path).map_err(|e| invalid(e.to_string()))?;
    let templates: Vec<Template> =
        serde_json::from_str(&text).map_err(|e| invalid(e.to_string()))?;
    let mut ids = std::collections::BTreeSet::new();
    for template in &templates {
        template.check().map_err(|e| invalid(e.to_string()))?;
        if !ids.insert(template.id) {
            return Err(invalid(format!(
                "template id {} is listed twice",
                template.id
            )));
        }
    }
    Ok(templates)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(text: &str) -> tempfile::NamedTempFile {
        let file = tempfile::NamedTempFile::new().unwrap();
        std::fs::write(file.path(), text).unwrap();
        file
    }

    fn error(text: &str) -> String {
        let file = file(text);
        read_templates(file.path().to_str().unwrap())
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn the_repository_templates_file_matches_the_emulator_seed() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../tests/support/whatsapp-templates.json"
        );
        let templates = read_templates(path).unwrap();
        let ids: Vec<_> = templates.iter().map(|t| (t.id, t.name.as_str())).collect();
        assert_eq!(
            ids,
            [
                (2001, "order_update"),
                (2002, "order_update_fr"),
                (2003, "satisfaction_follow_up")
            ]
        );
    }

    #[test]
    fn a_malformed_or_mismatched_templates_file_is_refused_naming_the_problem() {
        let e = error("{not json");
        assert!(
            e.starts_with("BACKEND_WHATSAPP_TEMPLATES is not valid: /"),
            "{e}"
        );
        assert!(e.contains("expected a sequence at line 1"), "{e}");
        let e = error(
            r#"[{"id": 1, "name": "hi", "language": "en", "body": "Hi {{name}}", "variables": []}]"#,
        );
        assert!(
            e.contains(r#"template "hi": placeholder {{name}} is not a declared variable"#),
            "{e}"
        );
        let e = error(
            r#"[{"id": 1, "name": "hi", "language": "en", "body": "Hi", "variables": [{"label": "name"}]}]"#,
        );
        assert!(e.contains(r#""name" appears in no placeholder"#), "{e}");
        let one = r#"{"id": 1, "name": "hi", "language": "en", "body": "Hi", "variables": []}"#;
        let e = error(&format!("[{one}, {one}]"));
        assert!(e.contains("template id 1 is listed twice"), "{e}");
        let e = read_templates("/nonexistent/templates.json")
            .unwrap_err()
            .to_string();
        assert!(e.contains("/nonexistent/templates.json"), "{e}");
    }

    #[test]
    fn opt_in_lists_have_no_default_and_freshness_settings_are_positive_seconds() {
        let none = from_lookup(&|_| None).unwrap();
        assert!(none.optin_list_ids.is_empty() && none.whatsapp_templates.is_empty());
        assert_eq!(none.consent_max_age, Duration::from_secs(60));
        assert_eq!(none.consent_refresh_interval, Duration::from_secs(300));
        let set = from_lookup(&|name: &str| match name {
            "ALCMEON_OPTIN_LIST_IDS" => Some("1501, 1502".into()),
            "BACKEND_CONSENT_MAX_AGE_SECS" => Some("0.25".into()),
            _ => None,
        })
        .unwrap();
        assert_eq!(set.optin_list_ids, [1501, 1502]);
        assert_eq!(set.consent_max_age, Duration::from_millis(250));
        assert_eq!(none.link_window, Duration::from_secs(604_800));
        assert_eq!(none.customer_phone_field_id, None);
        let linked = from_lookup(&|name: &str| match name {
            "ALCMEON_CUSTOMER_PHONE_FIELD_ID" => Some("5001".into()),
            "BACKEND_ENGAGEMENT_LINK_WINDOW_SECS" => Some("3600".into()),
            "BACKEND_ORG_ENVIRONMENTS" => Some("00DA=2".into()),
            _ => None,
        })
        .unwrap();
        assert_eq!(linked.customer_phone_field_id, Some(5001));
        assert_eq!(linked.link_window, Duration::from_secs(3600));
        assert_eq!(linked.org_environments.count("00DA"), 2);
        let two_fields = from_lookup(&|name: &str| {
            (name == "ALCMEON_CUSTOMER_PHONE_FIELD_ID").then(|| "1,2".into())
        });
        assert!(two_fields.is_err());
        let bad =
            from_lookup(&|name: &str| (name == "BACKEND_CONSENT_REFRESH_SECS").then(|| "0".into()));
        assert!(
            bad.unwrap_err()
                .to_string()
                .contains("BACKEND_CONSENT_REFRESH_SECS")
        );
    }
}
