//! `GET /api/v1/services/{slug}/timeseries?hours=24&step=15m&region=US`:
//! report counts in regular buckets, the last one holding now.

use super::ErrorCode;
use super::extract::find_service;
use super::{ApiError, ErrorBody};
use crate::geo::is_region_code;
use crate::read::{self, SeriesPoint, status};
use crate::state::AppState;
use actix_web::{HttpResponse, web};
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
    let count = i64::from(hours) * 60 / step.minutes();
    let now = state.clock.now();
    let detector = status::detector(state.store.as_ref(), &service.slug).await?;
    let points = read::report_series(
        state.store.as_ref(),
        detector.as_ref(),
        &service.slug,
        region,
        now,
        step.minutes(),
        count,
    )
    .await?;
    Ok(HttpResponse::Ok().json(Timeseries {
        service: &service.slug,
        region,
        step: step.label(),
        step_seconds: step.minutes() * 60,
        hours,
        buckets: points,
        demo: state.demo,
    }))
}
