//! Fetching a source's page over the network: opt-in (only `dossier fetch` and
//! `dossier check --online` call it), http and https only, with a time limit, a redirect
//! limit (every hop checked), a size cap and an honest User-Agent.
//!
//! [`get`] fetches one URL; [`classify`] says what the answer means for a citation (live,
//! moved, dead, or could not be verified: bot walls are not dead links); [`readable_text`]
//! reduces an HTML page to its text; [`archive::lookup`] asks the Internet Archive for a copy.

pub mod archive;
pub mod source;
pub mod time;

pub use crate::evidence::snapshot::readable_text;
pub use crate::util::url::{is_http, is_loopback, resolve, UrlError, WebUrl};

use std::io::Read;
use std::time::Duration;

/// The User-Agent dossier sends: who is asking, and where to read about it.
pub const USER_AGENT: &str = concat!(
    "dossier/",
    env!("CARGO_PKG_VERSION"),
    " (+https://crates.io/crates/dossier)"
);

/// The longest time limit a request is given (an hour); a larger [`Policy::timeout`] is taken
/// as this. The command line refuses more.
pub const MAX_TIMEOUT: Duration = Duration::from_secs(3600);

/// The largest body a request may read: the largest snapshot dossier reads back. A larger
/// [`Policy::max_bytes`] is taken as this.
pub const MAX_BODY_BYTES: u64 = crate::evidence::snapshot::MAX_SNAPSHOT_BYTES;

/// The most redirects a request follows (as browsers do); a larger
/// [`Policy::max_redirects`] is taken as this.
pub const MAX_REDIRECTS: usize = 20;

/// Limits of one fetch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Policy {
    /// For the whole exchange of one request, body included.
    pub timeout: Duration,
    /// Redirects followed before giving up.
    pub max_redirects: usize,
    /// Largest body read, in bytes.
    pub max_bytes: u64,
    /// The `User-Agent` header sent with every request; [`USER_AGENT`] by default.
    pub user_agent: String,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            timeout: Duration::from_secs(20),
            max_redirects: 5,
            max_bytes: 10 * 1024 * 1024,
            user_agent: USER_AGENT.to_string(),
        }
    }
}

impl Policy {
    /// The policy with every limit within the most dossier allows ([`MAX_TIMEOUT`],
    /// [`MAX_BODY_BYTES`], [`MAX_REDIRECTS`]), so that no limit a caller gives can overflow
    /// the arithmetic on it (a deadline past the end of time, a byte cap plus one).
    pub fn bounded(&self) -> Policy {
        Policy {
            timeout: self.timeout.min(MAX_TIMEOUT),
            max_redirects: self.max_redirects.min(MAX_REDIRECTS),
            max_bytes: self.max_bytes.min(MAX_BODY_BYTES),
            user_agent: self.user_agent.clone(),
        }
    }
}

/// One redirect followed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hop {
    /// The HTTP status of the redirecting answer (a 3xx that gave a `Location`).
    pub status: u16,
    /// Where it pointed, resolved against the URL it came from.
    pub to: String,
}

/// A response, after redirects.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fetched {
    /// The URL asked for.
    pub url: String,
    /// The URL that answered.
    pub final_url: String,
    /// The HTTP status of the last answer (any status: errors are answers too).
    pub status: u16,
    /// The redirects followed from `url` to `final_url`, in order; empty when there were none.
    pub redirects: Vec<Hop>,
    /// The `Content-Type` header as sent; `None` when the server sent none.
    pub content_type: Option<String>,
    /// The body's bytes as received, at most [`Policy::max_bytes`] of them.
    pub body: Vec<u8>,
}

/// Why a fetch gave no usable answer.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FetchError {
    /// The URL asked for is not http or https; holds the URL, trimmed.
    #[error("`{0}` is not an http(s) URL; only http and https are fetched")]
    Scheme(String),
    /// The URL asked for is malformed (white space in it, no host, …).
    #[error(transparent)]
    Url(UrlError),
    /// A redirect pointed to an address that is not http or https; holds that address.
    #[error("redirected to `{0}`, which is not an http(s) URL; refused")]
    RedirectScheme(String),
    /// More redirects than [`Policy::max_redirects`]; holds that limit.
    #[error("more than {0} redirects")]
    TooManyRedirects(usize),
    /// A redirect led back to an address already visited; holds that address.
    #[error("redirect loop: `{0}` was already visited")]
    RedirectLoop(String),
    /// The body (as declared or as read) is larger than [`Policy::max_bytes`]; holds that cap.
    #[error("the response is larger than the cap of {0} bytes; refused")]
    TooLarge(u64),
    /// The exchange did not finish within [`Policy::timeout`]; holds that limit.
    #[error("no complete answer within {0:?}")]
    Timeout(Duration),
    /// Any other failure to get an answer (name not found, connection refused, TLS); holds the
    /// HTTP client's message.
    #[error("{0}")]
    Network(String),
}

/// Fetch `url`, following redirects one by one (each checked against the policy, taken
/// within its bounds: see [`Policy::bounded`]).
pub fn get(url: &str, policy: &Policy) -> Result<Fetched, FetchError> {
    let policy = &policy.bounded();
    let url = url.trim();
    match WebUrl::parse(url) {
        Ok(_) => {}
        Err(UrlError::Scheme(_)) => return Err(FetchError::Scheme(url.to_string())),
        Err(e) => return Err(FetchError::Url(e)),
    }
    // A proxy from the environment (HTTP_PROXY, …) is honoured, except for this machine's own
    // addresses, which a proxy elsewhere cannot reach.
    let agent_for = |url: &str| -> ureq::Agent {
        let builder = ureq::Agent::config_builder()
            .max_redirects(0)
            .http_status_as_error(false)
            .timeout_global(Some(policy.timeout))
            .user_agent(policy.user_agent.as_str());
        let builder = if is_loopback(url) {
            builder.proxy(None)
        } else {
            builder
        };
        builder.build().into()
    };
    let mut current = url.to_string();
    let mut visited = vec![current.clone()];
    let mut redirects = Vec::new();
    loop {
        let response = agent_for(&current)
            .get(&current)
            .header(
                "Accept",
                "text/html,text/plain,text/markdown;q=0.9,*/*;q=0.5",
            )
            .call()
            .map_err(|e| error_of(e, policy))?;
        let status = response.status().as_u16();
        let location = response
            .headers()
            .get("location")
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        if let (300..=399, Some(loc)) = (status, location) {
            let to = resolve(&current, &loc);
            if !is_http(&to) {
                return Err(FetchError::RedirectScheme(to));
            }
            if redirects.len() >= policy.max_redirects {
                return Err(FetchError::TooManyRedirects(policy.max_redirects));
            }
            if visited.contains(&to) {
                return Err(FetchError::RedirectLoop(to));
            }
            visited.push(to.clone());
            redirects.push(Hop {
                status,
                to: to.clone(),
            });
            current = to;
            continue;
        }
        let content_type = response
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        let declared = response
            .headers()
            .get("content-length")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.trim().parse::<u64>().ok());
        if declared.is_some_and(|n| n > policy.max_bytes) {
            return Err(FetchError::TooLarge(policy.max_bytes));
        }
        let mut body = Vec::new();
        response
            .into_body()
            .into_reader()
            .take(policy.max_bytes.saturating_add(1))
            .read_to_end(&mut body)
            .map_err(|e| io_error(e, policy))?;
        if body.len() as u64 > policy.max_bytes {
            return Err(FetchError::TooLarge(policy.max_bytes));
        }
        return Ok(Fetched {
            url: url.to_string(),
            final_url: current,
            status,
            redirects,
            content_type,
            body,
        });
    }
}

fn error_of(e: ureq::Error, policy: &Policy) -> FetchError {
    match e {
        ureq::Error::Timeout(_) => FetchError::Timeout(policy.timeout),
        ureq::Error::Io(io) => io_error(io, policy),
        ureq::Error::BodyExceedsLimit(_) => FetchError::TooLarge(policy.max_bytes),
        other => FetchError::Network(other.to_string()),
    }
}

fn io_error(e: std::io::Error, policy: &Policy) -> FetchError {
    let timed_out = matches!(
        e.kind(),
        std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock
    ) || e.to_string().contains("timeout");
    if timed_out {
        FetchError::Timeout(policy.timeout)
    } else {
        FetchError::Network(e.to_string())
    }
}

/// What a fetch says about a cited page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Liveness {
    /// The page answered with its content.
    Live,
    /// It answered, after permanent redirects, from another address.
    Moved {
        /// The final address that answered.
        to: String,
    },
    /// 404 or 410: the page is gone.
    Dead {
        /// The HTTP status: 404 or 410.
        status: u16,
    },
    /// Blocked (401, 403, 429, a bot challenge), a server error or another status, a
    /// timeout or no connection: nothing can be said.
    CouldNotVerify {
        /// Why, in a sentence for the editor ("HTTP 503", "no complete answer within 20s").
        reason: String,
    },
    /// Not fetched on principle: not http(s), or redirected to another scheme.
    Refused {
        /// The refusal's message, naming the address refused.
        reason: String,
    },
}

impl Liveness {
    /// The word `last-fetch: outcome` records.
    pub fn word(&self) -> &'static str {
        match self {
            Liveness::Live => "ok",
            Liveness::Moved { .. } => "moved",
            Liveness::Dead { .. } => "dead",
            Liveness::CouldNotVerify { .. } => "could-not-verify",
            Liveness::Refused { .. } => "refused",
        }
    }
}

/// What the result of [`get`] means for the citation.
pub fn classify(result: &Result<Fetched, FetchError>) -> Liveness {
    match result {
        Ok(f) => match f.status {
            200..=299 if is_challenge(f) => Liveness::CouldNotVerify {
                reason: format!("{} answered with a bot challenge page", f.final_url),
            },
            200..=299 => {
                let permanent = !f.redirects.is_empty()
                    && f.redirects.iter().all(|h| matches!(h.status, 301 | 308));
                if permanent && f.final_url != f.url {
                    Liveness::Moved {
                        to: f.final_url.clone(),
                    }
                } else {
                    Liveness::Live
                }
            }
            404 | 410 => Liveness::Dead { status: f.status },
            401 | 403 | 429 => Liveness::CouldNotVerify {
                reason: format!(
                    "the site refused the request (HTTP {}), as many do for automated requests",
                    f.status
                ),
            },
            s => Liveness::CouldNotVerify {
                reason: format!("HTTP {s}"),
            },
        },
        Err(e @ (FetchError::Scheme(_) | FetchError::Url(_) | FetchError::RedirectScheme(_))) => {
            Liveness::Refused {
                reason: e.to_string(),
            }
        }
        // The page is there; it is only too large to keep.
        Err(FetchError::TooLarge(_)) => Liveness::Live,
        Err(e) => Liveness::CouldNotVerify {
            reason: e.to_string(),
        },
    }
}

/// A page that only asks the client to prove it is a person (bot walls answer 200 too).
fn is_challenge(f: &Fetched) -> bool {
    if f.body.len() > 256 * 1024 {
        return false;
    }
    let head = String::from_utf8_lossy(&f.body[..f.body.len().min(64 * 1024)]).to_lowercase();
    [
        "cf-browser-verification",
        "challenge-platform",
        "cf-chl-",
        "<title>just a moment...</title>",
        "<title>attention required! | cloudflare</title>",
        "captcha-delivery.com",
        "please verify you are a human",
        "_incapsula_resource",
        "px-captcha",
    ]
    .iter()
    .any(|m| head.contains(m))
}

impl Fetched {
    /// The media type of the `Content-Type` header, lowercased, without parameters
    /// (`text/html`); empty when the server sent none.
    pub fn media_type(&self) -> String {
        self.content_type
            .as_deref()
            .unwrap_or("")
            .split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase()
    }
}

/// The text of a fetched body for a snapshot, by its content type: HTML reduced to its text,
/// plain text and Markdown as they are. `None` for anything else (PDF, images).
pub fn snapshot_text(f: &Fetched) -> Option<(String, &'static str)> {
    let ct = f.media_type();
    // Decoded in the charset the server declared, else the page's own (BOM, `<meta>`).
    let charset = f.content_type.as_deref();
    let html = || crate::util::charset::decode(&f.body, charset, true);
    let text = || crate::util::charset::decode(&f.body, charset, false);
    match ct.as_str() {
        "text/html" | "application/xhtml+xml" => Some((readable_text(&html()), "txt")),
        "text/markdown" | "text/x-markdown" => Some((text(), "md")),
        "text/plain" => Some((text(), "txt")),
        "" if f.body.trim_ascii_start().starts_with(b"<") => Some((readable_text(&html()), "txt")),
        _ => None,
    }
}
