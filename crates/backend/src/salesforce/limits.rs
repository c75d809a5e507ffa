//! The org's daily API budget as Salesforce reports it on every REST answer:
//! `Sforce-Limit-Info: api-usage=N/M` (other items, such as `per-app-api-usage=…`, may follow).

use std::sync::Mutex;

pub const LIMIT_HEADER: &str = "sforce-limit-info";

/// Calls made today out of the org's daily limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ApiUsage {
    pub used: u64,
    pub limit: u64,
}

impl ApiUsage {
    /// Reads `api-usage=N/M` from a `Sforce-Limit-Info` value.
    pub fn parse(header: &str) -> Option<ApiUsage> {
        let usage = header
            .split(',')
            .find_map(|item| item.trim().strip_prefix("api-usage="))?;
        let (used, limit) = usage.split_once('/')?;
        Some(ApiUsage {
            used: used.trim().parse().ok()?,
            limit: limit.trim().parse().ok()?,
        })
    }
}

/// The latest usage seen on any answer.
#[derive(Default)]
pub(super) struct LatestUsage(Mutex<Option<ApiUsage>>);

impl LatestUsage {
    pub fn record(&self, headers: &reqwest::header::HeaderMap) {
        let usage = headers
            .get(LIMIT_HEADER)
            .and_then(|value| value.to_str().ok())
            .and_then(ApiUsage::parse);
        if let Some(usage) = usage {
            *self.lock() = Some(usage);
        }
    }

    pub fn latest(&self) -> Option<ApiUsage> {
        *self.lock()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Option<ApiUsage>> {
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::ApiUsage;

    #[test]
    fn api_usage_is_read_among_other_items_and_nonsense_is_none() {
        let usage = |used, limit| Some(ApiUsage { used, limit });
        assert_eq!(ApiUsage::parse("api-usage=18/5000"), usage(18, 5000));
        assert_eq!(
            ApiUsage::parse("per-app-api-usage=17/250(appName=x), api-usage=25/15000"),
            usage(25, 15000)
        );
        assert_eq!(ApiUsage::parse("api-usage=lots/5000"), None);
        assert_eq!(ApiUsage::parse(""), None);
    }
}
