//! `downwatch replay`: count series from CSV files through the detector in
//! virtual time, printing every transition into outage (an incident opened
//! or reopened) and every resolution, with the region and the symptom that
//! carried it.
//!
//! Two inputs: a total per row (`timestamp,value`, as NAB's files), or
//! multi-dimensional traffic in long form (`timestamp,country,symptom,value`,
//! one row per minute and non-zero cell, a missing cell is zero, `country`
//! an ISO 3166-1 alpha-2 code or empty). The series name is the file's stem.

use super::engine::{ServiceDetector, StepCounts};
use super::incident::{GLOBAL, IncidentEventKind};
use super::params::Params;
use chrono::{DateTime, Duration, NaiveDateTime, Utc};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

#[derive(Debug, thiserror::Error)]
pub enum ReplayError {
    #[error("{file}: {reason}")]
    Read { file: String, reason: String },
    #[error("{file}:{line}: {reason}")]
    Row {
        file: String,
        line: usize,
        reason: String,
    },
}

/// One parsed series: its steps in time order, gaps filled with zeros.
pub struct Series {
    pub name: String,
    pub step_minutes: u32,
    pub rows: Vec<(DateTime<Utc>, StepCounts)>,
}

/// What happened at one row.
#[derive(Debug, Clone, PartialEq)]
pub struct Transition {
    pub at: DateTime<Utc>,
    pub kind: IncidentEventKind,
    /// "global", a country or a subdivision.
    pub region: String,
    /// The incident's most reported symptom, if the input has symptoms.
    pub symptom: Option<String>,
}

/// The input's two shapes.
enum Shape {
    Total,
    Long,
}

pub fn read_series(path: &Path) -> Result<Series, ReplayError> {
    let file = path.display().to_string();
    let read_err = |reason: String| ReplayError::Read {
        file: file.clone(),
        reason,
    };
    let mut reader = csv::Reader::from_path(path).map_err(|e| read_err(e.to_string()))?;
    let headers = reader.headers().map_err(|e| read_err(e.to_string()))?;
    let names: Vec<&str> = headers.iter().map(str::trim).collect();
    let shape = match names.as_slice() {
        ["timestamp", "value", ..] => Shape::Total,
        ["timestamp", "country", "symptom", "value"] => Shape::Long,
        _ => {
            return Err(read_err(
                "the header must be timestamp,value or timestamp,country,symptom,value".into(),
            ));
        }
    };
    let mut steps: BTreeMap<DateTime<Utc>, StepCounts> = BTreeMap::new();
    for (i, record) in reader.records().enumerate() {
        let line = i + 2;
        let row_err = |reason: String| ReplayError::Row {
            file: file.clone(),
            line,
            reason,
        };
        let record = record.map_err(|e| row_err(e.to_string()))?;
        let field = |k: usize| record.get(k).unwrap_or("").trim();
        let ts = field(0);
        let at = NaiveDateTime::parse_from_str(ts, "%Y-%m-%d %H:%M:%S")
            .map_err(|e| row_err(format!("timestamp \"{ts}\": {e}")))?
            .and_utc();
        let v = match shape {
            Shape::Total => field(1),
            Shape::Long => field(3),
        };
        let value: f64 = v
            .parse()
            .map_err(|_| row_err(format!("value \"{v}\" is not a number")))?;
        if !(value >= 0.0 && value.is_finite()) {
            return Err(row_err(format!("value \"{v}\" must be a count (>= 0)")));
        }
        let n = value.round() as u64;
        let step = steps.entry(at).or_default();
        step.total += n;
        if let Shape::Long = shape {
            let country = field(1).to_ascii_uppercase();
            let symptom = field(2);
            if !country.is_empty() {
                if country.len() != 2 || !country.bytes().all(|b| b.is_ascii_uppercase()) {
                    return Err(row_err(format!(
                        "country \"{}\" is not an ISO 3166-1 alpha-2 code",
                        field(1)
                    )));
                }
                *step.regions.entry(country.clone()).or_default() += n;
            }
            if !symptom.is_empty() {
                *step.symptoms.entry(symptom.to_string()).or_default() += n;
                if !country.is_empty() {
                    *step
                        .country_symptoms
                        .entry(country)
                        .or_default()
                        .entry(symptom.to_string())
                        .or_default() += n;
                }
            }
        }
    }
    // The step: the smallest gap between rows (a long file leaves quiet
    // minutes out).
    let times: Vec<DateTime<Utc>> = steps.keys().copied().collect();
    let step_minutes = times
        .windows(2)
        .map(|w| (w[1] - w[0]).num_minutes())
        .filter(|m| *m > 0)
        .min()
        .unwrap_or(1)
        .clamp(1, 24 * 60) as u32;
    let mut rows = Vec::with_capacity(steps.len());
    if let (Some(first), Some(last)) = (times.first(), times.last()) {
        let mut at = *first;
        while at <= *last {
            rows.push((at, steps.remove(&at).unwrap_or_default()));
            at += Duration::minutes(i64::from(step_minutes));
        }
    }
    // Rows off the step's grid are kept at their own time.
    rows.extend(steps);
    rows.sort_by_key(|(at, _)| *at);
    let name = path
        .file_stem()
        .map_or_else(|| file.clone(), |s| s.to_string_lossy().into_owned());
    Ok(Series {
        name,
        step_minutes,
        rows,
    })
}

/// Runs one series through a fresh detector; returns every transition into
/// outage (opened, reopened) and every resolution, by row time.
pub fn replay_series(series: &Series, params: &Params) -> Vec<Transition> {
    let mut detector = ServiceDetector::new(&series.name, series.step_minutes, params);
    let mut out = Vec::new();
    for (at, counts) in &series.rows {
        for e in detector.step(*at, counts, params) {
            if e.kind.is_detection() || e.kind == IncidentEventKind::Resolved {
                out.push(Transition {
                    at: *at,
                    kind: e.kind,
                    region: e.incident.region.clone(),
                    symptom: e.incident.top_symptoms.first().map(|s| s.symptom.clone()),
                });
            }
        }
    }
    out
}

/// Replays every file and writes `series_name,timestamp,kind,region,symptom`
/// rows to `out` (`region` empty for the whole world).
pub fn run(
    files: &[std::path::PathBuf],
    params: &Params,
    out: &mut impl Write,
) -> anyhow::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(["series_name", "timestamp", "kind", "region", "symptom"])?;
    for path in files {
        let series = read_series(path)?;
        for t in replay_series(&series, params) {
            let region = if t.region == GLOBAL { "" } else { &t.region };
            let at = t.at.format("%Y-%m-%d %H:%M:%S").to_string();
            w.write_record([
                series.name.as_str(),
                &at,
                t.kind.as_str(),
                region,
                t.symptom.as_deref().unwrap_or(""),
            ])?;
        }
    }
    w.flush()?;
    Ok(())
}
