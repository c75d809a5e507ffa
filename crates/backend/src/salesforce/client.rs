//! [`SalesforceClient`]: the REST calls the sync makes, under `/services/data/v62.0/` of the
//! instance the token names. Every call goes through `send`, which takes the token, records the
//! answer's API usage and turns a refusal into a [`SalesforceError`].

use std::time::Duration;

use reqwest::{Method, Url};
use serde::Deserialize;
use serde_json::{Map, Value};

use super::collections::{self, MAX_COLLECTION_RECORDS, UpsertOutcome};
use super::error::SalesforceError;
use super::limits::{ApiUsage, LatestUsage};
use super::org::SalesforceOrg;
use super::token::{Session, TokenSource};
use super::{CONVERSATION_EXTERNAL_ID, CONVERSATION_OBJECT};

/// The REST API version called (Summer '24), which the Alcméon package supports.
pub const API_VERSION: &str = "v62.0";

/// A record as Salesforce shows it: its fields, and `attributes` (`type`, `url`).
pub type Record = Map<String, Value>;

/// A client of one org's REST API, as its integration user.
pub struct SalesforceClient {
    http: reqwest::Client,
    tokens: TokenSource,
    usage: LatestUsage,
}

/// One REST call, which may be sent twice (after a token is replaced).
struct Call<'a> {
    method: Method,
    path: ApiPath<'a>,
    query: &'a [(&'a str, &'a str)],
    body: Option<&'a Value>,
}

enum ApiPath<'a> {
    /// Segments after `/services/data/vNN.0/`, each encoded as one segment.
    Segments(&'a [&'a str]),
    /// A path Salesforce gave, such as a query's `nextRecordsUrl`.
    Given(&'a str),
}

#[derive(Deserialize)]
struct QueryPage {
    records: Vec<Record>,
    done: bool,
    #[serde(rename = "nextRecordsUrl")]
    next_records_url: Option<String>,
}

impl SalesforceClient {
    /// `timeout` bounds each HTTP exchange, token requests included. Fails only on a private key
    /// that is not an RSA key in PEM.
    pub fn new(org: SalesforceOrg, timeout: Duration) -> Result<Self, SalesforceError> {
        let http = reqwest::Client::builder()
            .timeout(timeout)
            .build()
            .expect("the HTTP client configuration is static");
        Ok(Self {
            http,
            tokens: TokenSource::new(org)?,
            usage: LatestUsage::default(),
        })
    }

    /// The org's API usage as of the latest answer, if any answer told it.
    pub fn api_usage(&self) -> Option<ApiUsage> {
        self.usage.latest()
    }

    /// Upserts `alcmeon__Conversation__c` records by `alcmeon__scoped_id__c`.
    pub async fn upsert_conversations(
        &self,
        records: &[Record],
    ) -> Result<Vec<UpsertOutcome>, SalesforceError> {
        self.upsert(CONVERSATION_OBJECT, CONVERSATION_EXTERNAL_ID, records)
            .await
    }

    /// Upserts records of `object` by the External ID `field` (each record holds it), in calls of
    /// at most 200 with `allOrNone: false`. Returns one outcome per record, in order. An error ends
    /// the upsert: calls already made stay written, which is harmless as upserts are idempotent.
    pub async fn upsert(
        &self,
        object: &str,
        field: &str,
        records: &[Record],
    ) -> Result<Vec<UpsertOutcome>, SalesforceError> {
        let mut outcomes = Vec::with_capacity(records.len());
        for chunk in records.chunks(MAX_COLLECTION_RECORDS) {
            let body = collections::request_body(object, chunk);
            let call = Call {
                method: Method::PATCH,
                path: ApiPath::Segments(&["composite", "sobjects", object, field]),
                query: &[],
                body: Some(&body),
            };
            let answer = self.send(&call).await?;
            outcomes.extend(collections::outcomes(&answer, chunk.len())?);
        }
        Ok(outcomes)
    }

    /// `GET /sobjects/{object}/{id}?fields=`: `None` when there is no such record.
    pub async fn get_record(
        &self,
        object: &str,
        id: &str,
        fields: &[&str],
    ) -> Result<Option<Record>, SalesforceError> {
        self.get_one(&["sobjects", object, id], fields).await
    }

    /// `GET /sobjects/{object}/{field}/{value}?fields=`, by External ID: `None` when there is none.
    pub async fn get_record_by_external_id(
        &self,
        object: &str,
        field: &str,
        value: &str,
        fields: &[&str],
    ) -> Result<Option<Record>, SalesforceError> {
        self.get_one(&["sobjects", object, field, value], fields)
            .await
    }

    /// `GET /query?q=`: every record the SOQL query selects, following `nextRecordsUrl` pages.
    pub async fn query(&self, soql: &str) -> Result<Vec<Record>, SalesforceError> {
        let mut page = self
            .query_page(ApiPath::Segments(&["query"]), &[("q", soql)])
            .await?;
        let mut records = std::mem::take(&mut page.records);
        while let (false, Some(next)) = (page.done, page.next_records_url.take()) {
            page = self.query_page(ApiPath::Given(&next), &[]).await?;
            records.append(&mut page.records);
        }
        Ok(records)
    }

    async fn query_page(
        &self,
        path: ApiPath<'_>,
        query: &[(&str, &str)],
    ) -> Result<QueryPage, SalesforceError> {
        let call = Call {
            method: Method::GET,
            path,
            query,
            body: None,
        };
        let answer = self.send(&call).await?;
        serde_json::from_str(&answer)
            .map_err(|error| SalesforceError::Unreadable(format!("query answer: {error}")))
    }

    async fn get_one(
        &self,
        segments: &[&str],
        fields: &[&str],
    ) -> Result<Option<Record>, SalesforceError> {
        let fields = fields.join(",");
        let query = [("fields", fields.as_str())];
        let call = Call {
            method: Method::GET,
            path: ApiPath::Segments(segments),
            query: if fields.is_empty() { &[] } else { &query },
            body: None,
        };
        match self.send(&call).await {
            Ok(answer) => serde_json::from_str(&answer)
                .map(Some)
                .map_err(|error| SalesforceError::Unreadable(format!("record: {error}"))),
            Err(SalesforceError::Api { status: 404, .. }) => Ok(None),
            Err(error) => Err(error),
        }
    }

    /// Sends with the current token; on 401 `INVALID_SESSION_ID`, once more with a new one.
    async fn send(&self, call: &Call<'_>) -> Result<String, SalesforceError> {
        let session = self.tokens.session(&self.http).await?;
        match self.send_as(&session, call).await {
            Err(error) if error.is_invalid_session() => {
                self.tokens.forget(&session).await;
                let session = self.tokens.session(&self.http).await?;
                self.send_as(&session, call).await
            }
            answer => answer,
        }
    }

    async fn send_as(&self, session: &Session, call: &Call<'_>) -> Result<String, SalesforceError> {
        let mut request = self
            .http
            .request(call.method.clone(), url(session, call)?)
            .bearer_auth(&session.access_token);
        if let Some(body) = call.body {
            request = request.json(body);
        }
        let response = request.send().await?;
        self.usage.record(response.headers());
        let status = response.status().as_u16();
        let body = response.text().await?;
        if (200..300).contains(&status) {
            Ok(body)
        } else {
            Err(SalesforceError::from_answer(status, &body))
        }
    }
}

fn url(session: &Session, call: &Call<'_>) -> Result<Url, SalesforceError> {
    let unusable =
        |problem: String| SalesforceError::Unreadable(format!("instance URL: {problem}"));
    let mut url = Url::parse(&session.instance_url).map_err(|error| unusable(error.to_string()))?;
    match call.path {
        ApiPath::Segments(segments) => {
            url.path_segments_mut()
                .map_err(|()| unusable(session.instance_url.clone()))?
                .pop_if_empty()
                .extend(["services", "data", API_VERSION])
                .extend(segments);
        }
        ApiPath::Given(path) => {
            url = url
                .join(path)
                .map_err(|error| unusable(error.to_string()))?
        }
    }
    if !call.query.is_empty() {
        url.query_pairs_mut().extend_pairs(call.query);
    }
    Ok(url)
}
