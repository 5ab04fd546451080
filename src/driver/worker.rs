//! The detector's CPU work (stepping a service's series, serialising its
//! state) on a thread of its own at low scheduling priority (nice 10).
//! Once a minute the detector steps every series over the minute just
//! completed, which after a flood is a burst of CPU; at normal priority on
//! a small machine it takes cores from the threads that answer reports and
//! shows in their latency. At low priority it runs in what they leave.

use crate::store::StoreError;
use std::sync::mpsc;
use tokio::sync::oneshot;

type Job = Box<dyn FnOnce() + Send>;

/// A handle on the worker thread, which ends when the handle is dropped.
pub struct Worker {
    jobs: mpsc::Sender<Job>,
}

impl Worker {
    pub fn start() -> Self {
        let (jobs, queue) = mpsc::channel::<Job>();
        let started = std::thread::Builder::new()
            .name("detector-work".into())
            .spawn(move || {
                lower_priority();
                for job in queue {
                    job();
                }
            });
        if let Err(e) = started {
            // The jobs then fail with an error the tick logs.
            tracing::error!(error = %e, "cannot start the detector's worker thread");
        }
        Self { jobs }
    }

    /// Runs `work` on the worker thread and waits for its result.
    pub async fn run<T: Send + 'static>(
        &self,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, StoreError> {
        let (done, result) = oneshot::channel();
        self.jobs
            .send(Box::new(move || {
                let _ = done.send(work());
            }))
            .map_err(|_| stopped())?;
        result.await.map_err(|_| stopped())
    }
}

fn stopped() -> StoreError {
    StoreError::backend("the detector's worker thread has stopped")
}

/// Nice 10 for the calling thread (on Linux the nice value is per thread).
fn lower_priority() {
    // SAFETY: setpriority takes plain integers and only changes the
    // scheduling priority of the calling thread; failure is harmless.
    let result = unsafe { libc::setpriority(libc::PRIO_PROCESS, 0, 10) };
    if result != 0 {
        tracing::debug!("could not lower the detector worker's priority");
    }
}
