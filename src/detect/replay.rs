//! `downwatch replay`: count series from CSV files through the detector in
//! virtual time, one service in one region, printing every incident opened.

use super::engine::{ServiceDetector, StepCounts};
use super::incident::IncidentEventKind;
use super::params::Params;
use chrono::{DateTime, NaiveDateTime, Utc};
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

/// One parsed series.
pub struct Series {
    pub name: String,
    pub rows: Vec<(DateTime<Utc>, u64)>,
}

pub fn read_series(path: &Path) -> Result<Series, ReplayError> {
    let file = path.display().to_string();
    let mut reader = csv::Reader::from_path(path).map_err(|e| ReplayError::Read {
        file: file.clone(),
        reason: e.to_string(),
    })?;
    let headers = reader.headers().map_err(|e| ReplayError::Read {
        file: file.clone(),
        reason: e.to_string(),
    })?;
    if headers.get(0) != Some("timestamp") || headers.get(1) != Some("value") {
        return Err(ReplayError::Read {
            file,
            reason: "the header must be timestamp,value".into(),
        });
    }
    let mut rows = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let line = i + 2;
        let row_err = |reason: String| ReplayError::Row {
            file: file.clone(),
            line,
            reason,
        };
        let record = record.map_err(|e| row_err(e.to_string()))?;
        let ts = record.get(0).unwrap_or("").trim();
        let at = NaiveDateTime::parse_from_str(ts, "%Y-%m-%d %H:%M:%S")
            .map_err(|e| row_err(format!("timestamp \"{ts}\": {e}")))?
            .and_utc();
        let v = record.get(1).unwrap_or("").trim();
        let value: f64 = v
            .parse()
            .map_err(|_| row_err(format!("value \"{v}\" is not a number")))?;
        if !(value >= 0.0 && value.is_finite()) {
            return Err(row_err(format!("value \"{v}\" must be a count (>= 0)")));
        }
        rows.push((at, value.round() as u64));
    }
    let name = path
        .file_stem()
        .map_or_else(|| file.clone(), |s| s.to_string_lossy().into_owned());
    Ok(Series { name, rows })
}

/// Runs one series through a fresh detector; returns the row timestamps at
/// which incidents opened.
pub fn replay_series(series: &Series, params: &Params) -> Vec<DateTime<Utc>> {
    let step_minutes = match series.rows.as_slice() {
        [(a, _), (b, _), ..] => ((*b - *a).num_seconds() as f64 / 60.0).round().max(1.0) as u32,
        _ => 1,
    };
    let mut detector = ServiceDetector::new(&series.name, step_minutes, params);
    let mut opened = Vec::new();
    for (at, value) in &series.rows {
        let counts = StepCounts {
            total: *value,
            ..StepCounts::default()
        };
        for e in detector.step(*at, &counts, params) {
            if e.kind == IncidentEventKind::Opened {
                opened.push(*at);
            }
        }
    }
    opened
}

/// Replays every file and writes `series_name,timestamp` rows to `out`.
pub fn run(
    files: &[std::path::PathBuf],
    params: &Params,
    out: &mut impl Write,
) -> anyhow::Result<()> {
    writeln!(out, "series_name,timestamp")?;
    for path in files {
        let series = read_series(path)?;
        for at in replay_series(&series, params) {
            writeln!(out, "{},{}", series.name, at.format("%Y-%m-%d %H:%M:%S"))?;
        }
    }
    Ok(())
}
