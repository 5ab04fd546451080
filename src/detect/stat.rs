//! The count-data statistic: how surprising is `x` reports when `mu` were
//! expected, under a negative binomial with overdispersion `alpha`
//! (variance = mu + alpha * mu^2)? Poisson is the limit alpha -> 0.

use statrs::function::beta::checked_beta_reg;

/// The largest score reported; tails beyond 1e-50 are all "certain".
pub const MAX_SCORE: f64 = 50.0;

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
