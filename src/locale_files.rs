//! The agent's locales, fetched at mount from the widget's static resource
//! (`<assetsUrl>/locales/<tag>.ftl`): only English is built into the widget.

use gloo_net::http::Request;

use crate::i18n::{ENGLISH, I18n, locale_chain};

/// The texts for the Salesforce language `requested`. A locale that cannot be fetched falls back
/// along its chain, down to the built-in English.
pub async fn load(requested: &str, assets_url: Option<&str>) -> I18n {
    let chain = locale_chain(requested);
    let mut sources = Vec::new();
    if let Some(base) = assets_url {
        for tag in chain.iter().filter(|tag| **tag != ENGLISH) {
            let url = format!("{}/locales/{tag}.ftl", base.trim_end_matches('/'));
            if let Some(source) = fetch(&url).await {
                sources.push((*tag, source));
            }
        }
    }
    I18n::from_sources(&chain, |tag| {
        sources
            .iter()
            .find(|(fetched, _)| *fetched == tag)
            .map(|(_, source)| source.clone())
    })
}

async fn fetch(url: &str) -> Option<String> {
    let answer = match Request::get(url).send().await {
        Ok(response) if response.ok() => response.text().await.map_err(|e| e.to_string()),
        Ok(response) => Err(format!("HTTP {}", response.status())),
        Err(error) => Err(error.to_string()),
    };
    answer
        .inspect_err(|reason| {
            let warning =
                format!("Alcméon widget: no locale file {url} ({reason}); using a fallback");
            web_sys::console::warn_1(&warning.into());
        })
        .ok()
}
