//! The count-data statistic: how surprising is `x` reports when `mu` were
//! expected, under a negative binomial with overdispersion `alpha`
//! (variance = mu + alpha * mu^2)? Poisson is the limit alpha -> 0.

use statrs::function::beta::checked_beta_reg;

/// The largest score reported; tails beyond 1e-50 are all "certain".
pub const MAX_SCORE: f64 = 50.0;

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

/// Upper tail probability P(X >= x) for X ~ NB(mean `mu`, dispersion
/// `alpha`).
pub fn nb_upper_tail(x: u64, mu: f64, alpha: f64) -> f64 {
    if x == 0 {
        return 1.0;
    }
    if mu <= 0.0 {
        return 0.0;
    }
    // r = 1/alpha "successes", success probability p = r / (r + mu).
    // P(X >= x) = I_{1-p}(x, r), the regularised incomplete beta function.
    let alpha = alpha.max(1e-6);
    let r = 1.0 / alpha;
    let q = mu / (r + mu);
    checked_beta_reg(x as f64, r, q)
        .unwrap_or(0.0)
        .clamp(0.0, 1.0)
}

/// Surprise score: -log10 of the upper tail, capped at [`MAX_SCORE`].
pub fn surprise(x: u64, mu: f64, alpha: f64) -> f64 {
    let p = nb_upper_tail(x, mu, alpha);
    if p <= 0.0 {
        MAX_SCORE
    } else {
        (-p.log10()).clamp(0.0, MAX_SCORE)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn poisson_upper_tail(x: u64, mu: f64) -> f64 {
        let mut term = (-mu).exp();
        let mut cdf = 0.0;
        for k in 0..x {
            if k > 0 {
                term *= mu / k as f64;
            }
            cdf += term;
        }
        1.0 - cdf
    }

    #[test]
    fn log_lr_favours_the_nearer_mean() {
        // Poisson limit: x ln(alt/null) - (alt - null).
        let po = 30.0 * (3.0_f64 / 1.25).ln() - (30.0 - 12.5);
        assert!((nb_log_lr(30, 12.5, 30.0, 1e-6) - po).abs() < 1e-3);
        assert!(nb_log_lr(30, 12.5, 30.0, 0.2) > 0.0);
        assert!(nb_log_lr(10, 12.5, 30.0, 0.2) < 0.0);
        // Overdispersion bounds the evidence of one huge count per report.
        assert!(nb_log_lr(3000, 1250.0, 3000.0, 0.2) < nb_log_lr(3000, 1250.0, 3000.0, 0.01));
    }

    #[test]
    fn small_alpha_matches_poisson() {
        for (x, mu) in [(3, 1.0), (10, 4.0), (20, 10.0), (1, 0.5)] {
            let nb = nb_upper_tail(x, mu, 1e-6);
            let po = poisson_upper_tail(x, mu);
            assert!((nb - po).abs() < 1e-4, "x={x} mu={mu}: {nb} vs {po}");
        }
    }

    #[test]
    fn tails_fall_with_x_and_rise_with_alpha() {
        assert!(nb_upper_tail(30, 10.0, 0.1) < nb_upper_tail(20, 10.0, 0.1));
        assert!(nb_upper_tail(30, 10.0, 0.5) > nb_upper_tail(30, 10.0, 0.1));
        assert_eq!(nb_upper_tail(0, 5.0, 0.1), 1.0);
    }

    #[test]
    fn overdispersion_tempers_surprise_at_high_counts() {
        // Twice the expected on a busy series: unremarkable with realistic
        // overdispersion, extreme under Poisson.
        assert!(surprise(2000, 1000.0, 0.1) < 3.0);
        assert!(surprise(2000, 1000.0, 1e-6) >= MAX_SCORE - 1.0);
        // Three times expected stays surprising.
        assert!(surprise(3000, 1000.0, 0.1) > 5.0);
    }
}
