//! Template listings (initiate-conversation-api.yaml), both `POST` with the filters in the body:
//! `POST /v1/rcs/templates` → `{"data": [RCSTemplate], "next"?: "<url>"}` and
//! `POST /v1/kakaotalk/templates` → `{"data": [KKTTemplate], "next_page"?: n}`. WhatsApp has no
//! listing. Filters: `account_id` (required; an unknown account lists nothing), `limit` (20, at
//! most 100), `page` (0), `id`, `created_at_range` and `last_modified_at_range` (`{start, end}`,
//! `2025-04-24 10:30:15` or RFC 3339, UTC, inclusive), and KakaoTalk's `status` (its request enum
//! says `accepted` where templates say `approved`; the emulator reads one as the other). `next` and
//! `next_page` are present only when another page follows. 400 `invalid-request-body` otherwise.

use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use chrono::{DateTime, NaiveDateTime, SubsecRound, Utc};
use serde::Deserialize;
use serde_json::{Value, json};

use crate::alcmeon_data::{KakaoTemplate, RcsTemplate};
use crate::auth::ApiCaller;
use crate::emulator::Emulator;
use crate::error::ApiError;

const DEFAULT_LIMIT: usize = 20;
const MAX_LIMIT: usize = 100;

#[derive(Deserialize)]
struct ListRequest {
    account_id: u64,
    limit: Option<usize>,
    page: Option<usize>,
    id: Option<u64>,
    status: Option<KakaoStatusFilter>,
    created_at_range: Option<Range>,
    last_modified_at_range: Option<Range>,
}

#[derive(Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
enum KakaoStatusFilter {
    Submitted,
    InReview,
    Rejected,
    Accepted,
}

impl KakaoStatusFilter {
    /// The `KKTTemplate.status` it selects.
    fn template_status(self) -> &'static str {
        match self {
            KakaoStatusFilter::Submitted | KakaoStatusFilter::InReview => "in_review",
            KakaoStatusFilter::Rejected => "rejected",
            KakaoStatusFilter::Accepted => "approved",
        }
    }
}

#[derive(Deserialize)]
struct Range {
    start: Option<String>,
    end: Option<String>,
}

/// A date range's inclusive start and end, each optional.
type Bounds = (Option<DateTime<Utc>>, Option<DateTime<Utc>>);

struct Filter {
    account_id: u64,
    limit: usize,
    page: usize,
    id: Option<u64>,
    created: Bounds,
    modified: Bounds,
}

impl Filter {
    fn keeps(
        &self,
        account_id: u64,
        id: u64,
        created: DateTime<Utc>,
        modified: DateTime<Utc>,
    ) -> bool {
        account_id == self.account_id
            && self.id.is_none_or(|wanted| wanted == id)
            && within(self.created, created)
            && within(self.modified, modified)
    }

    /// The page's items, and whether another page follows.
    fn page<'a, T>(&self, all: &'a [T]) -> (&'a [T], bool) {
        crate::paging::page_of(all, self.page, self.limit)
    }
}

pub async fn rcs(
    _caller: ApiCaller,
    State(emulator): State<Emulator>,
    body: Bytes,
) -> Result<Json<Value>, ApiError> {
    let (filter, _) = parse(&body)?;
    let all: Vec<RcsTemplate> = emulator.data.read(|data| {
        data.templates()
            .rcs
            .iter()
            .filter(|t| filter.keeps(t.account_id, t.id, t.created_at, t.last_modified_at))
            .cloned()
            .collect()
    });
    let (templates, more) = filter.page(&all);
    let data: Vec<Value> = templates.iter().map(rcs_template).collect();
    let mut body = json!({ "data": data });
    if more {
        body["next"] = json!(format!(
            "/v1/rcs/templates?limit={}&page={}",
            filter.limit,
            filter.page + 1
        ));
    }
    Ok(Json(body))
}

pub async fn kakaotalk(
    _caller: ApiCaller,
    State(emulator): State<Emulator>,
    body: Bytes,
) -> Result<Json<Value>, ApiError> {
    let (filter, status) = parse(&body)?;
    let status = status.map(KakaoStatusFilter::template_status);
    let all: Vec<KakaoTemplate> = emulator.data.read(|data| {
        data.templates()
            .kakaotalk
            .iter()
            .filter(|t| filter.keeps(t.account_id, t.id, t.created_at, t.last_modified_at))
            .filter(|t| status.is_none_or(|status| t.status == status))
            .cloned()
            .collect()
    });
    let (templates, more) = filter.page(&all);
    let data: Vec<Value> = templates.iter().map(kakaotalk_template).collect();
    let mut body = json!({ "data": data });
    if more {
        body["next_page"] = json!(filter.page + 1);
    }
    Ok(Json(body))
}

fn parse(body: &[u8]) -> Result<(Filter, Option<KakaoStatusFilter>), ApiError> {
    let request: ListRequest =
        serde_json::from_slice(body).map_err(|problem| invalid(problem.to_string()))?;
    let limit = request.limit.unwrap_or(DEFAULT_LIMIT);
    if !(1..=MAX_LIMIT).contains(&limit) {
        return Err(invalid(format!("limit must be 1 to {MAX_LIMIT}")));
    }
    let filter = Filter {
        account_id: request.account_id,
        limit,
        page: request.page.unwrap_or(0),
        id: request.id,
        created: range(request.created_at_range)?,
        modified: range(request.last_modified_at_range)?,
    };
    Ok((filter, request.status))
}

fn range(range: Option<Range>) -> Result<Bounds, ApiError> {
    let Some(range) = range else {
        return Ok((None, None));
    };
    let start = range.start.as_deref().map(instant).transpose()?;
    let end = range.end.as_deref().map(instant).transpose()?;
    Ok((start, end))
}

fn instant(text: &str) -> Result<DateTime<Utc>, ApiError> {
    NaiveDateTime::parse_from_str(text.trim(), "%Y-%m-%d %H:%M:%S")
        .map(|naive| naive.and_utc())
        .or_else(|_| DateTime::parse_from_rfc3339(text.trim()).map(|at| at.to_utc()))
        .map_err(|_| invalid(format!("Invalid date: {text}")))
}

fn within(range: Bounds, at: DateTime<Utc>) -> bool {
    range.0.is_none_or(|start| at >= start) && range.1.is_none_or(|end| at <= end)
}

fn invalid(details: String) -> ApiError {
    ApiError::new(StatusCode::BAD_REQUEST, "invalid-request-body").with_details(details)
}

/// The spec's `RCSTemplate`.
fn rcs_template(template: &RcsTemplate) -> Value {
    let buttons: Vec<Value> = template
        .buttons
        .iter()
        .map(|button| {
            let mut wire = json!({"type": button.kind, "label": button.label});
            if let Some(reply) = &button.quick_reply {
                wire["quick-reply"] = json!(reply);
            }
            if let Some(url) = &button.url {
                wire["url"] = json!(url);
            }
            wire
        })
        .collect();
    json!({
        "id": template.id,
        "name": template.name,
        "language": template.language,
        "title": template.title,
        "body": template.body,
        "created_at": template.created_at.trunc_subsecs(0),
        "last_modified_at": template.last_modified_at.trunc_subsecs(0),
        "buttons": buttons,
    })
}

/// The spec's `KKTTemplate`.
fn kakaotalk_template(template: &KakaoTemplate) -> Value {
    json!({
        "id": template.id,
        "name": template.name,
        "language": template.language,
        "body": template.body,
        "created_at": template.created_at.trunc_subsecs(0),
        "last_modified_at": template.last_modified_at.trunc_subsecs(0),
        "status": template.status,
    })
}
