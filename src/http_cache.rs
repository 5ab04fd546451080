//! Answers rendered once and served many times, as HTTP caches expect them.
//!
//! A page or read API answer that is the same for everyone is rendered once
//! per computed view ([`crate::read::cache`]), compressed once with gzip and
//! brotli, and given a validator (a weak `ETag`: the same for every content
//! coding). Each request then only picks the encoding its `Accept-Encoding`
//! allows, or answers `304 Not Modified` to a matching `If-None-Match`.
//! `Cache-Control: public, max-age, stale-while-revalidate` lets a proxy or
//! CDN in front absorb a flood of readers; `Vary: Accept-Encoding` keeps it
//! from serving brotli to a client that did not ask for it.

pub use crate::config::defaults::{DEFAULT_MAX_AGE_SECS, DEFAULT_STALE_WHILE_REVALIDATE_SECS};
use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderValue};
use actix_web::http::{Method, StatusCode};
use actix_web::middleware::Next;
use actix_web::{HttpRequest, HttpResponse, HttpResponseBuilder};
use bytes::Bytes;
use sha2::{Digest, Sha256};
use std::collections::{HashMap, HashSet};
use std::hash::Hash;
use std::io::Write;
use std::sync::{Arc, Mutex, RwLock};

/// How long shared caches may keep public answers (seconds).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CachePolicy {
    /// `max-age`: fresh for this long.
    pub max_age: u32,
    /// `stale-while-revalidate`: then served stale for this long while
    /// the cache refetches.
    pub stale_while_revalidate: u32,
}

impl Default for CachePolicy {
    fn default() -> Self {
        Self {
            max_age: DEFAULT_MAX_AGE_SECS,
            stale_while_revalidate: DEFAULT_STALE_WHILE_REVALIDATE_SECS,
        }
    }
}

impl CachePolicy {
    /// The `Cache-Control` value of public answers.
    pub fn header_value(&self) -> String {
        if self.max_age == 0 {
            return "no-cache".to_string();
        }
        format!(
            "public, max-age={}, stale-while-revalidate={}",
            self.max_age, self.stale_while_revalidate
        )
    }
}

/// `Cache-Control` of answers meant for one person only.
pub const PRIVATE: &str = "private, no-store";

/// Fingerprinted assets never change under their URL.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// Brotli quality for rendered answers: well compressed at about a
/// millisecond for a page, paid once per view, not per request.
const BROTLI_QUALITY: u32 = 6;
const BROTLI_WINDOW: u32 = 22;

/// One rendered answer in every encoding, with its validator.
pub struct Rendered {
    pub etag: String,
    pub content_type: &'static str,
    pub identity: Bytes,
    pub gzip: Bytes,
    pub brotli: Bytes,
}

impl Rendered {
    /// Compresses `body` once in each encoding.
    pub fn new(content_type: &'static str, body: impl Into<Bytes>) -> Self {
        let identity: Bytes = body.into();
        let digest = Sha256::digest(&identity);
        let etag = format!("W/\"{}\"", hex::encode(&digest[..12]));
        let gzip = {
            let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
            // Writing to a Vec cannot fail.
            let _ = e.write_all(&identity);
            e.finish().unwrap_or_default()
        };
        let brotli = {
            let mut out = Vec::new();
            {
                let mut w =
                    brotli::CompressorWriter::new(&mut out, 4096, BROTLI_QUALITY, BROTLI_WINDOW);
                let _ = w.write_all(&identity);
            }
            out
        };
        Self {
            etag,
            content_type,
            identity,
            gzip: gzip.into(),
            brotli: brotli.into(),
        }
    }

    /// Bytes held: the body in every encoding and the validator.
    pub fn bytes(&self) -> usize {
        self.identity.len() + self.gzip.len() + self.brotli.len() + self.etag.len()
    }

    /// This answer for `req`: 304 when its `If-None-Match` names our
    /// validator, else 200 in the best encoding it accepts. `extra` adds
    /// headers (security headers of pages).
    pub fn respond(
        &self,
        req: &HttpRequest,
        cache_control: &str,
        extra: impl FnOnce(&mut HttpResponseBuilder),
    ) -> HttpResponse {
        let mut response = if not_modified(req, &self.etag) {
            HttpResponse::build(StatusCode::NOT_MODIFIED)
        } else {
            HttpResponse::build(StatusCode::OK)
        };
        extra(&mut response);
        response
            .insert_header((header::CACHE_CONTROL, cache_control))
            .insert_header((header::VARY, "Accept-Encoding"));
        if let Ok(v) = HeaderValue::from_str(&self.etag) {
            response.insert_header((header::ETAG, v));
        }
        if not_modified(req, &self.etag) {
            return response.finish();
        }
        let (encoding, body) = match preferred_encoding(req) {
            Encoding::Brotli if !self.brotli.is_empty() => (Some("br"), self.brotli.clone()),
            Encoding::Brotli | Encoding::Gzip if !self.gzip.is_empty() => {
                (Some("gzip"), self.gzip.clone())
            }
            _ => (None, self.identity.clone()),
        };
        if let Some(encoding) = encoding {
            response.insert_header((header::CONTENT_ENCODING, encoding));
        }
        response.content_type(self.content_type).body(body)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Encoding {
    Brotli,
    Gzip,
    Identity,
}

/// The best of brotli, gzip and identity that `Accept-Encoding` allows
/// (a zero q-value refuses a coding; `*` stands for the unnamed ones).
fn preferred_encoding(req: &HttpRequest) -> Encoding {
    let Some(accept) = req
        .headers()
        .get(header::ACCEPT_ENCODING)
        .and_then(|v| v.to_str().ok())
    else {
        return Encoding::Identity;
    };
    let (mut br, mut gzip, mut any) = (None, None, None);
    for item in accept.split(',') {
        let mut parts = item.split(';');
        let coding = parts.next().unwrap_or("").trim().to_ascii_lowercase();
        let q = parts
            .filter_map(|p| p.trim().strip_prefix("q="))
            .find_map(|q| q.trim().parse::<f32>().ok())
            .unwrap_or(1.0);
        match coding.as_str() {
            "br" => br = Some(q),
            "gzip" | "x-gzip" => gzip = Some(q),
            "*" => any = Some(q),
            _ => {}
        }
    }
    let br = br.or(any).unwrap_or(0.0);
    let gzip = gzip.or(any).unwrap_or(0.0);
    if br > 0.0 && br >= gzip {
        Encoding::Brotli
    } else if gzip > 0.0 {
        Encoding::Gzip
    } else {
        Encoding::Identity
    }
}

/// Does the request's `If-None-Match` name `etag` (weak comparison)?
fn not_modified(req: &HttpRequest, etag: &str) -> bool {
    let Some(value) = req
        .headers()
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
    else {
        return false;
    };
    let ours = etag.trim_start_matches("W/");
    value
        .split(',')
        .map(str::trim)
        .any(|tag| tag == "*" || tag.trim_start_matches("W/") == ours)
}

/// Rendered answers by key, each kept with the generation of the views it
/// was rendered from; a newer generation renders anew. Keys come from a
/// bounded set (catalog services, a few windows), checked by callers.
pub struct RenderCache<K> {
    entries: RwLock<HashMap<K, (Generation, Arc<Rendered>)>>,
    /// Keys being rendered now: meanwhile others are served what is cached.
    rendering: Mutex<HashSet<K>>,
}

/// A key claimed for rendering, released when dropped (also if the
/// render panics).
struct Rendering<'a, K: Eq + Hash + Clone> {
    set: &'a Mutex<HashSet<K>>,
    key: K,
}

impl<'a, K: Eq + Hash + Clone> Rendering<'a, K> {
    /// The claim on `key`, or `None` when another request holds it.
    fn claim(set: &'a Mutex<HashSet<K>>, key: &K) -> Option<Self> {
        let fresh = set
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(key.clone());
        fresh.then(|| Self {
            set,
            key: key.clone(),
        })
    }
}

impl<K: Eq + Hash + Clone> Drop for Rendering<'_, K> {
    fn drop(&mut self) {
        self.set
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(&self.key);
    }
}

/// The generations of the views an answer was rendered from.
pub type Generation = (u64, u64);

impl<K: Eq + Hash + Clone> Default for RenderCache<K> {
    fn default() -> Self {
        Self {
            entries: RwLock::new(HashMap::new()),
            rendering: Mutex::new(HashSet::new()),
        }
    }
}

impl<K: Eq + Hash + Clone> RenderCache<K> {
    /// The answer under `key` rendered from views of `generation`,
    /// rendering it with `render` when what is cached is older.
    pub fn get_or_render(
        &self,
        key: &K,
        generation: Generation,
        render: impl FnOnce() -> Rendered,
    ) -> Arc<Rendered> {
        let cached = self
            .entries
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .get(key)
            .cloned();
        if let Some((g, r)) = &cached
            && *g == generation
        {
            return r.clone();
        }
        // One request renders a key at a time; the others are served the
        // page it replaces meanwhile (a few milliseconds older), rather
        // than every request that arrives during a render rendering and
        // compressing the same page again.
        let Some(_rendering) = Rendering::claim(&self.rendering, key) else {
            if let Some((_, r)) = cached {
                return r;
            }
            return Arc::new(render());
        };
        let rendered = Arc::new(render());
        self.entries
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .insert(key.clone(), (generation, rendered.clone()));
        rendered
    }

    /// Bytes held (bodies in every encoding), for the memory figures.
    pub fn bytes(&self) -> usize {
        self.entries
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .values()
            .map(|(_, r)| r.bytes())
            .sum()
    }

    pub fn len(&self) -> usize {
        self.entries.read().unwrap_or_else(|e| e.into_inner()).len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Middleware (`actix_web::middleware::from_fn`): a `HEAD` request is
/// routed as the `GET` it stands for, so every GET route answers HEAD, as
/// HTTP requires. The connection still knows the request was HEAD and
/// sends the headers (with the GET's length) without the body.
pub async fn head_as_get(
    mut req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    if req.method() == Method::HEAD {
        req.head_mut().method = Method::GET;
    }
    next.call(req).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::test::TestRequest;

    fn with_accept(value: &str) -> HttpRequest {
        TestRequest::default()
            .insert_header((header::ACCEPT_ENCODING, value))
            .to_http_request()
    }

    #[test]
    fn encodings_follow_accept_encoding() {
        assert_eq!(
            preferred_encoding(&with_accept("gzip, deflate, br")),
            Encoding::Brotli
        );
        assert_eq!(preferred_encoding(&with_accept("gzip")), Encoding::Gzip);
        assert_eq!(
            preferred_encoding(&with_accept("br;q=0, gzip")),
            Encoding::Gzip
        );
        assert_eq!(
            preferred_encoding(&with_accept("br;q=0.5, gzip;q=0.9")),
            Encoding::Gzip
        );
        assert_eq!(preferred_encoding(&with_accept("*")), Encoding::Brotli);
        assert_eq!(
            preferred_encoding(&with_accept("identity")),
            Encoding::Identity
        );
        assert_eq!(
            preferred_encoding(&TestRequest::default().to_http_request()),
            Encoding::Identity
        );
    }

    #[test]
    fn validators_match_weakly_and_by_list() {
        let req = |v: &str| {
            TestRequest::default()
                .insert_header((header::IF_NONE_MATCH, v))
                .to_http_request()
        };
        assert!(not_modified(&req("W/\"abc\""), "W/\"abc\""));
        assert!(not_modified(&req("\"x\", \"abc\""), "W/\"abc\""));
        assert!(not_modified(&req("*"), "W/\"abc\""));
        assert!(!not_modified(&req("\"abd\""), "W/\"abc\""));
    }

    #[test]
    fn bodies_round_trip_through_both_codings() {
        use std::io::Read;
        let body = "<p>hello</p>".repeat(500);
        let r = Rendered::new("text/html", body.clone());
        let mut gz = String::new();
        flate2::read::GzDecoder::new(&r.gzip[..])
            .read_to_string(&mut gz)
            .unwrap();
        assert_eq!(gz, body);
        let mut br = String::new();
        brotli::Decompressor::new(&r.brotli[..], 4096)
            .read_to_string(&mut br)
            .unwrap();
        assert_eq!(br, body);
        assert!(r.brotli.len() < body.len() / 10);
        assert_eq!(r.etag, Rendered::new("text/html", body).etag);
    }

    #[test]
    fn a_newer_generation_renders_anew() {
        let cache: RenderCache<&str> = RenderCache::default();
        let a = cache.get_or_render(&"k", (1, 1), || Rendered::new("text/plain", "a"));
        let b = cache.get_or_render(&"k", (1, 1), || Rendered::new("text/plain", "b"));
        assert_eq!(a.identity, b.identity);
        let c = cache.get_or_render(&"k", (2, 1), || Rendered::new("text/plain", "c"));
        assert_eq!(&c.identity[..], b"c");
        assert_eq!(cache.len(), 1);
    }

    #[test]
    fn while_one_request_renders_a_key_the_others_get_the_cached_page() {
        let cache: RenderCache<&str> = RenderCache::default();
        cache.get_or_render(&"k", (1, 1), || Rendered::new("text/plain", "old"));
        let during = cache.get_or_render(&"k", (2, 1), || {
            // A second request for the newer generation, mid-render.
            let other = cache.get_or_render(&"k", (2, 1), || Rendered::new("text/plain", "again"));
            assert_eq!(&other.identity[..], b"old");
            Rendered::new("text/plain", "new")
        });
        assert_eq!(&during.identity[..], b"new");
        let after = cache.get_or_render(&"k", (2, 1), || Rendered::new("text/plain", "late"));
        assert_eq!(&after.identity[..], b"new");
    }
}
