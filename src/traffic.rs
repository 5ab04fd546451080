//! The one traffic model every simulation draws its counts from
//! (`simulate`, `simulate --causes` and `--demo`): report counts are
//! Poisson around a rate that a shared gamma factor of mean 1 (a
//! [`Burst`]) multiplies, a gamma-mixed Poisson, so counts are negative
//! binomial (variance mu + mu^2 / shape) as real report counts are. Each
//! simulation shapes its own rate (daily cycle, outages); the noise is
//! this module's. A leaf: it knows nothing of the crate.

use rand::Rng;
use rand_distr::{Distribution, Gamma, Poisson};

/// The gamma factor of a gamma-mixed Poisson: mean 1, variance 1 / shape.
#[derive(Debug, Clone, Copy)]
pub struct Burst(Option<Gamma<f64>>);

impl Burst {
    /// The factor of counts with variance mu + mu^2 / `shape`.
    pub fn with_shape(shape: f64) -> Self {
        Self(Gamma::new(shape, 1.0 / shape).ok())
    }

    /// The factor of counts with variance mu + `alpha` mu^2.
    pub fn with_alpha(alpha: f64) -> Self {
        Self(Gamma::new(1.0 / alpha, alpha).ok())
    }

    /// Whether the factor varies (false for a shape that is no number or
    /// not positive: then every draw is 1 and takes nothing of `rng`).
    pub fn varies(&self) -> bool {
        self.0.is_some()
    }

    /// One draw of the factor.
    pub fn sample<R: Rng + ?Sized>(&self, rng: &mut R) -> f64 {
        self.0.map_or(1.0, |g| g.sample(rng))
    }
}

/// A Poisson count of mean `mean`; 0, drawing nothing, for a mean that is
/// not positive (or too large to draw).
pub fn poisson<R: Rng + ?Sized>(mean: f64, rng: &mut R) -> u64 {
    Poisson::new(mean).map_or(0.0, |p| p.sample(rng)) as u64
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;
    use rand::rngs::StdRng;

    #[test]
    fn counts_are_negative_binomial_around_the_rate() {
        let mut rng = StdRng::seed_from_u64(7);
        let burst = Burst::with_shape(5.0);
        let mu = 20.0;
        let n = 40_000;
        let draws: Vec<f64> = (0..n)
            .map(|_| poisson(mu * burst.sample(&mut rng), &mut rng) as f64)
            .collect();
        let mean = draws.iter().sum::<f64>() / n as f64;
        let var = draws.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / n as f64;
        // Expected: mean 20, variance 20 + 400 / 5 = 100.
        assert!((mean - mu).abs() < 0.5, "mean {mean}");
        assert!((var - 100.0).abs() < 8.0, "variance {var}");
        assert_eq!(
            Burst::with_alpha(0.2).sample(&mut StdRng::seed_from_u64(1)),
            Burst::with_shape(5.0).sample(&mut StdRng::seed_from_u64(1))
        );
    }

    #[test]
    fn no_rate_no_reports_and_no_draw() {
        let mut rng = StdRng::seed_from_u64(3);
        let mut same = StdRng::seed_from_u64(3);
        assert_eq!(poisson(0.0, &mut rng), 0);
        assert_eq!(poisson(f64::NAN, &mut rng), 0);
        assert!(!Burst::with_shape(0.0).varies());
        assert_eq!(Burst::with_shape(-1.0).sample(&mut rng), 1.0);
        assert_eq!(rng.random::<u64>(), same.random::<u64>());
    }
}
