//! `GET /api/v1/services/{slug}/timeseries?hours=24&step=15m&region=US`:
//! report counts in regular buckets, the last one holding now.

use super::ErrorCode;
use super::extract::find_service;
use super::services::json;
use super::{ApiError, ErrorBody};
use crate::geo::is_region_code;
use crate::http_cache::Rendered;
use crate::read::{self, SeriesPoint, status};
use crate::state::AppState;
use crate::store::{Store, StoreError};
use actix_web::{HttpRequest, HttpResponse, web};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// Bucket width.
#[derive(Debug, Clone, Copy, Deserialize, Default, ToSchema)]
pub enum Step {
    #[serde(rename = "1m")]
    OneMinute,
    #[serde(rename = "5m")]
    FiveMinutes,
    #[default]
    #[serde(rename = "15m")]
    FifteenMinutes,
    #[serde(rename = "1h")]
    OneHour,
}

impl Step {
    fn minutes(self) -> i64 {
        match self {
            Step::OneMinute => 1,
            Step::FiveMinutes => 5,
            Step::FifteenMinutes => 15,
            Step::OneHour => 60,
        }
    }

    fn label(self) -> &'static str {
        match self {
            Step::OneMinute => "1m",
            Step::FiveMinutes => "5m",
            Step::FifteenMinutes => "15m",
            Step::OneHour => "1h",
        }
    }

    /// The longest history served at this step, in hours.
    fn max_hours(self) -> u32 {
        match self {
            Step::OneHour => 8 * 24,
            _ => 48,
        }
    }
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TimeseriesQuery {
    /// Hours of history: up to 48 for steps under an hour, 192 for `1h`
    /// (default 24).
    hours: Option<u32>,
    #[serde(default)]
    #[param(inline)]
    step: Step,
    /// A country (`US`) or subdivision (`US-CA`) code; absent: everywhere.
    region: Option<String>,
}

/// Report counts in regular buckets against the baseline.
#[derive(Serialize, ToSchema)]
pub struct Timeseries<'a> {
    service: &'a str,
    region: Option<&'a str>,
    step: &'static str,
    step_seconds: i64,
    hours: u32,
    /// Oldest first; the last holds now.
    buckets: Vec<SeriesPoint>,
    /// True when the server runs the demo (`--demo`): every report is
    /// simulated. Absent otherwise.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    demo: bool,
}

/// A service's reports in regular buckets, the last one holding now.
#[utoipa::path(
    get,
    path = "/api/v1/services/{slug}/timeseries",
    tag = "services",
    params(("slug" = String, Path, description = "service slug", example = "spotify"), TimeseriesQuery),
    security((), ("api_key" = []), ("api_key_header" = [])),
    responses(
        (status = 200, description = "The series", body = Timeseries),
        (status = 400, description = "Invalid `hours`, `step` or `region` (`invalid_query`)", body = ErrorBody),
        (status = 404, description = "Unknown service (`unknown_service`)", body = ErrorBody),
    ),
)]
pub async fn timeseries(
    req: HttpRequest,
    state: web::Data<AppState>,
    slug: web::Path<String>,
    query: web::Query<TimeseriesQuery>,
) -> Result<HttpResponse, ApiError> {
    let service = find_service(&state, &slug)?;
    let step = query.step;
    let hours = query.hours.unwrap_or(24);
    if hours == 0 || hours > step.max_hours() {
        return Err(ApiError::Coded {
            code: ErrorCode::InvalidQuery,
            message: format!(
                "hours must be between 1 and {} for step {}",
                step.max_hours(),
                step.label()
            ),
        });
    }
    let region = query.region.as_deref().filter(|r| !r.is_empty());
    if let Some(r) = region
        && !is_region_code(r)
    {
        return Err(ApiError::Coded {
            code: ErrorCode::InvalidQuery,
            message: format!(
                "region \"{}\" is not a region code such as US or US-CA",
                r.chars().take(16).collect::<String>()
            ),
        });
    }
    let key = (
        service.slug.clone(),
        step.label(),
        hours,
        region.map(str::to_string),
    );
    let (store, now, demo) = (state.store.clone(), state.clock.now(), state.demo);
    let answer = state
        .api_cache
        .reads
        .series
        .get(&key, None, {
            let key = key.clone();
            move || async move {
                let (slug, _, hours, region) = key;
                series_answer(
                    store.as_ref(),
                    &slug,
                    step,
                    hours,
                    region.as_deref(),
                    now,
                    demo,
                )
                .await
            }
        })
        .await?;
    Ok(answer.value.respond(&req, &state.cache_control, |_| {}))
}

/// The series answer of `slug` as of `now`, rendered once.
async fn series_answer(
    store: &dyn Store,
    slug: &str,
    step: Step,
    hours: u32,
    region: Option<&str>,
    now: DateTime<Utc>,
    demo: bool,
) -> Result<Rendered, StoreError> {
    let count = i64::from(hours) * 60 / step.minutes();
    let detector = status::detector(store, slug).await?;
    let points = read::report_series(
        store,
        detector.as_ref(),
        slug,
        region,
        now,
        step.minutes(),
        count,
    )
    .await?;
    Ok(json(&Timeseries {
        service: slug,
        region,
        step: step.label(),
        step_seconds: step.minutes() * 60,
        hours,
        buckets: points,
        demo,
    }))
}
