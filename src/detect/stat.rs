//! The count-data statistic: how much more likely are `x` reports under an
//! outage's mean than under the normal one, for a negative binomial with
//! overdispersion `alpha` (variance = mu + alpha * mu^2)? Poisson is the
//! limit alpha -> 0.

use super::params::Params;

/// Log-likelihood ratio (nats) of `x` counts under a negative binomial of
/// mean `alt` against one of mean `null`, both with overdispersion `alpha`
/// (size r = 1/alpha): x ln(alt/null) + (x + r) ln((r + null)/(r + alt)).
/// Positive when `x` is closer to `alt`; bounded per report as the means
/// grow, because counts that large vary by a share of themselves.
pub fn nb_log_lr(x: u64, null: f64, alt: f64, alpha: f64) -> f64 {
    let null = null.max(1e-9);
    let alt = alt.max(1e-9);
    let x = x as f64;
    let r = 1.0 / alpha.max(1e-6);
    x * (alt / null).ln() + (x + r) * ((r + null) / (r + alt)).ln()
}

/// Method-of-moments update of one step's overdispersion `alpha` (from
/// `samples` steps so far): E[(x - mu)^2] = mu + alpha mu^2, from a step
/// of `count` reports where `expected` were due, averaged plainly over the
/// first steps, then over `alpha_memory_steps`. Steps expecting less than
/// one report say too little and are skipped.
pub fn learn_alpha(
    (alpha, samples): (&mut f64, &mut f64),
    count: u64,
    expected: f64,
    params: &Params,
) {
    if expected < 1.0 {
        return;
    }
    *samples += 1.0;
    let a = (1.0 / (*samples + 20.0)).max(1.0 / params.alpha_memory_steps);
    let sample = (((count as f64 - expected).powi(2) - expected) / (expected * expected))
        .clamp(0.0, 4.0 * params.max_alpha);
    *alpha = (*alpha + a * (sample - *alpha)).clamp(params.min_alpha, params.max_alpha);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn log_lr_favours_the_nearer_mean() {
        // Poisson limit: x ln(alt/null) - (alt - null).
        let po = 30.0 * (3.0_f64 / 1.25).ln() - (30.0 - 12.5);
        assert!((nb_log_lr(30, 12.5, 30.0, 1e-6) - po).abs() < 1e-3);
        assert!(nb_log_lr(30, 12.5, 30.0, 0.2) > 0.0);
        assert!(nb_log_lr(10, 12.5, 30.0, 0.2) < 0.0);
    }

    #[test]
    fn overdispersion_tempers_the_evidence_of_big_counts() {
        // Three times normal on a busy series is strong evidence under
        // Poisson, much less with realistic overdispersion, yet positive.
        let poisson = nb_log_lr(3000, 1250.0, 3000.0, 1e-6);
        let nb = nb_log_lr(3000, 1250.0, 3000.0, 0.2);
        assert!(poisson > 500.0);
        assert!(nb > 0.0 && nb < 10.0, "{nb}");
    }
}
