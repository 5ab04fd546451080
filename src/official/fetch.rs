//! Fetching a status page: one plain HTTP client of its own (not the
//! webhooks'), with a timeout, a cap on the body, conditional requests
//! (`If-None-Match`, `If-Modified-Since`) and a User-Agent naming
//! downwatch.

use bytes::BytesMut;
use reqwest::StatusCode;
use reqwest::header::{ETAG, IF_MODIFIED_SINCE, IF_NONE_MATCH, LAST_MODIFIED};
use std::time::Duration;

/// The User-Agent status pages see.
pub const USER_AGENT: &str = concat!(
    "downwatch/",
    env!("CARGO_PKG_VERSION"),
    " (official status poller)"
);

/// Redirects followed at most (status pages move to https, or to a CDN).
const MAX_REDIRECTS: usize = 3;

#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    #[error("timed out")]
    Timeout,
    #[error("answered HTTP {0}")]
    Status(u16),
    #[error("body over {0} bytes")]
    TooLarge(usize),
    #[error("request failed: {0}")]
    Request(#[source] reqwest::Error),
}

/// What a poll brought.
#[derive(Debug)]
pub enum Fetched {
    /// 304: nothing changed since the validators were given.
    NotModified,
    Body {
        bytes: Vec<u8>,
        etag: Option<String>,
        last_modified: Option<String>,
    },
}

/// The poller's HTTP client.
#[derive(Clone)]
pub struct Fetcher {
    client: reqwest::Client,
    timeout: Duration,
    max_bytes: usize,
}

impl Fetcher {
    pub fn new(timeout: Duration, max_bytes: usize) -> Result<Self, reqwest::Error> {
        crate::install_tls_provider();
        let client = reqwest::Client::builder()
            .timeout(timeout)
            .connect_timeout(timeout)
            .redirect(reqwest::redirect::Policy::limited(MAX_REDIRECTS))
            .user_agent(USER_AGENT)
            .build()?;
        Ok(Self {
            client,
            timeout,
            max_bytes,
        })
    }

    /// GETs `url`, conditionally when validators are given; the whole
    /// exchange (body included) within the timeout, the body within the
    /// cap (a larger one is refused as soon as it is known to be).
    pub async fn get(
        &self,
        url: &str,
        etag: Option<&str>,
        last_modified: Option<&str>,
    ) -> Result<Fetched, FetchError> {
        match tokio::time::timeout(self.timeout, self.exchange(url, etag, last_modified)).await {
            Ok(result) => result,
            Err(_) => Err(FetchError::Timeout),
        }
    }

    async fn exchange(
        &self,
        url: &str,
        etag: Option<&str>,
        last_modified: Option<&str>,
    ) -> Result<Fetched, FetchError> {
        let mut request = self.client.get(url).header(
            reqwest::header::ACCEPT,
            "application/json, application/atom+xml, application/rss+xml, application/xml;q=0.9, */*;q=0.1",
        );
        if let Some(tag) = etag {
            request = request.header(IF_NONE_MATCH, tag);
        }
        if let Some(at) = last_modified {
            request = request.header(IF_MODIFIED_SINCE, at);
        }
        let mut response = request.send().await.map_err(request_error)?;
        let status = response.status();
        if status == StatusCode::NOT_MODIFIED {
            return Ok(Fetched::NotModified);
        }
        if !status.is_success() {
            return Err(FetchError::Status(status.as_u16()));
        }
        if response
            .content_length()
            .is_some_and(|n| n > self.max_bytes as u64)
        {
            return Err(FetchError::TooLarge(self.max_bytes));
        }
        let header = |name| {
            response
                .headers()
                .get(name)
                .and_then(|v: &reqwest::header::HeaderValue| v.to_str().ok())
                .map(str::to_string)
        };
        let (etag, last_modified) = (header(ETAG), header(LAST_MODIFIED));
        let mut bytes = BytesMut::new();
        while let Some(chunk) = response.chunk().await.map_err(request_error)? {
            if bytes.len() + chunk.len() > self.max_bytes {
                return Err(FetchError::TooLarge(self.max_bytes));
            }
            bytes.extend_from_slice(&chunk);
        }
        Ok(Fetched::Body {
            bytes: bytes.to_vec(),
            etag,
            last_modified,
        })
    }
}

fn request_error(e: reqwest::Error) -> FetchError {
    if e.is_timeout() {
        FetchError::Timeout
    } else {
        FetchError::Request(e)
    }
}
