//! What `simulate` measured, and how it prints it.

use super::SimulateOptions;

/// One injected outage: minutes from its first minute to detection (None:
/// missed), and the minutes its ramp took.
#[derive(Debug, Clone, Copy)]
pub struct Detection {
    pub latency: Option<f64>,
    pub ramp: f64,
}

/// One injected outage as `--outages` prints it.
#[derive(Debug, Clone)]
pub struct OutageRow {
    pub service: String,
    /// The service's base rate (reports per minute).
    pub base: f64,
    /// "everywhere", "country", "country-symptom", "country-there" or
    /// "symptom".
    pub kind: &'static str,
    /// The affected area's share of the service's reports (1 everywhere).
    pub share: f64,
    pub multiplier: f64,
    pub ramp: i64,
    pub reports_per_5m: f64,
    pub latency: Option<f64>,
    /// The least latency possible at the evidence floor (see
    /// `oracle_minutes`).
    pub oracle: Option<f64>,
    /// The first detecting incident's region and carrying symptom.
    pub region: String,
    pub symptom: Option<String>,
}

/// Results of one simulation.
#[derive(Debug, Clone, Default)]
pub struct SimulateReport {
    pub service_weeks: f64,
    pub strong: Vec<Detection>,
    /// Faint (3x in total) outages: of everything everywhere, in one
    /// country (all the added reports there), of one symptom (all on that
    /// symptom).
    pub faint: Vec<Detection>,
    pub faint_country: Vec<Detection>,
    pub faint_symptom: Vec<Detection>,
    /// Faint outages of one symptom in one country (3x in total, all on
    /// that symptom there).
    pub faint_country_symptom: Vec<Detection>,
    /// One-country outages whose multiplier holds in that country only
    /// (3x to 30x there, much less in total), any size.
    pub country_there: Vec<Detection>,
    /// Every scored outage, for `--outages`.
    pub rows: Vec<OutageRow>,
    /// Detections whose incident was opened by a symptom's chart.
    pub by_symptom_chart: usize,
    pub small: Vec<Detection>,
    /// One-country outages (>= 20 reports/5 min there) on services of at
    /// least 10 reports a minute: latency of a regional incident there.
    pub regional: Vec<Detection>,
    /// Every transition into outage outside an injected outage; of
    /// them, the world's, and those opened by a symptom's chart.
    pub false_incidents: usize,
    pub false_global: usize,
    pub false_by_symptom: usize,
    /// For each detected outage of at least 20 reports / 5 min: minutes
    /// from its end to the resolution (None: not resolved by the end of
    /// the run).
    pub resolution: Vec<Option<f64>>,
    /// Resolutions of an incident while its outage still went on (each
    /// is then a "back" notice too early): of global incidents, and of
    /// regional ones.
    pub early_resolutions: usize,
    pub early_global: usize,
    /// Detected one-country outages, and those of them that opened (or
    /// reopened) a global incident too: one event, two incidents.
    pub one_country_detected: usize,
    pub one_country_global: usize,
    pub bursts: usize,
    pub busy_days: usize,
    pub growing: usize,
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let idx = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[idx.min(sorted.len() - 1)]
}

impl SimulateReport {
    fn line(name: &str, outages: &[Detection]) -> String {
        let mut got: Vec<f64> = outages.iter().filter_map(|d| d.latency).collect();
        got.sort_by(f64::total_cmp);
        let mut past_ramp: Vec<f64> = outages
            .iter()
            .filter_map(|d| d.latency.map(|l| l - d.ramp))
            .collect();
        past_ramp.sort_by(f64::total_cmp);
        format!(
            "{name}: detected {}/{} (missed {}), latency median {:.1} min, p90 {:.1} min \
             (past the ramp: median {:.1}, p90 {:.1})",
            got.len(),
            outages.len(),
            outages.len() - got.len(),
            percentile(&got, 0.5),
            percentile(&got, 0.9),
            percentile(&past_ramp, 0.5),
            percentile(&past_ramp, 0.9)
        )
    }

    pub fn render(&self, opts: &SimulateOptions) -> String {
        let mut out = String::new();
        out.push_str(&format!(
            "downwatch simulate: seed {}, {} services, {} weeks ({} warm-up), {:.0} service-weeks scored\n",
            opts.seed, opts.services, opts.weeks, opts.warmup_weeks, self.service_weeks
        ));
        out.push_str(&format!(
            "traffic: per-minute negative binomial noise (overdispersion 0.1-0.3), outages ramping over 2-6 min\nconfounders: {} chatter bursts (5 min at 2x), {} busy days (1.5x), {} growing services\n",
            self.bursts, self.busy_days, self.growing
        ));
        out.push_str(&Self::line(
            "outages >=5x and >=20 reports/5 min",
            &self.strong,
        ));
        out.push('\n');
        for (name, outages) in [
            (
                "faint outages everywhere (3x, >=20 reports/5 min)",
                &self.faint,
            ),
            (
                "faint outages in one country (3x in total, all there, >=20 reports/5 min)",
                &self.faint_country,
            ),
            (
                "faint outages of one symptom (3x in total, >=20 reports/5 min)",
                &self.faint_symptom,
            ),
            (
                "faint outages of one symptom in one country (3x in total, >=20 reports/5 min)",
                &self.faint_country_symptom,
            ),
        ] {
            out.push_str(&Self::line(name, outages));
            out.push('\n');
        }
        out.push_str(&Self::line(
            "one-country outages at 3x-30x there only (not in total, >=20 reports/5 min)",
            &self.country_there,
        ));
        out.push('\n');
        out.push_str(&format!(
            "detections opened by a symptom's chart: {}\n",
            self.by_symptom_chart
        ));
        out.push_str(&Self::line("outages under 20 reports/5 min", &self.small));
        out.push('\n');
        out.push_str(&Self::line(
            "one-country outages on busy services (>=10/min), as regional",
            &self.regional,
        ));
        out.push('\n');
        let mut back: Vec<f64> = self.resolution.iter().flatten().copied().collect();
        back.sort_by(f64::total_cmp);
        out.push_str(&format!(
            "resolution after the outage's end (outages >= 20 reports/5 min): {}/{} resolved, median {:.1} min, p90 {:.1} min; {} resolutions while an outage went on ({} global, {} regional)\n",
            back.len(),
            self.resolution.len(),
            percentile(&back, 0.5),
            percentile(&back, 0.9),
            self.early_resolutions,
            self.early_global,
            self.early_resolutions - self.early_global
        ));
        out.push_str(&format!(
            "one-country outages detected that opened a global incident too: {}/{}\n",
            self.one_country_global, self.one_country_detected
        ));
        out.push_str(&format!(
            "false incidents (every transition into outage): {} ({:.2} per 100 service-weeks; {} global, {} opened by a symptom's chart)\n",
            self.false_incidents,
            self.false_incidents as f64 * 100.0 / self.service_weeks.max(1e-9),
            self.false_global,
            self.false_by_symptom
        ));
        if opts.list_outages {
            out.push_str(&self.render_rows());
        }
        out
    }

    /// One line per scored outage, for finding where the minutes go.
    fn render_rows(&self) -> String {
        let mut out = String::from(
            "service,base_per_min,kind,share,multiplier,ramp_min,reports_per_5m,latency_min,oracle_min,region,symptom\n",
        );
        for r in &self.rows {
            out.push_str(&format!(
                "{},{:.2},{},{:.2},{},{},{:.0},{},{},{},{}\n",
                r.service,
                r.base,
                r.kind,
                r.share,
                r.multiplier,
                r.ramp,
                r.reports_per_5m,
                r.latency
                    .map_or("missed".to_string(), |l| format!("{l:.0}")),
                r.oracle.map_or("none".to_string(), |l| format!("{l:.0}")),
                r.region,
                r.symptom.as_deref().unwrap_or("")
            ));
        }
        out
    }
}
