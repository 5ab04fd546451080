//! The count-data statistic: how much more likely are `x` reports under an
//! outage's mean than under the normal one, for a negative binomial with
//! overdispersion `alpha` (variance = mu + alpha * mu^2)? Poisson is the
//! limit alpha -> 0.

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
