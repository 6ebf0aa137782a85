//! A small HTTP client for the server tests (ureq, no TLS): status, headers and body of
//! any answer, errors included.

use std::time::Duration;

/// One answer.
pub struct Answer {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Answer {
    /// The body as JSON; fails the test when it is not.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }

    /// A header's value (names compared without case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// An agent that returns 4xx and 5xx answers instead of errors, and keeps connections.
pub fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(30)))
        .build()
        .new_agent()
}

fn answer(mut res: ureq::http::Response<ureq::Body>) -> Answer {
    let status = res.status().as_u16();
    let headers = res
        .headers()
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_str().unwrap_or("").to_string()))
        .collect();
    let body = res
        .body_mut()
        .with_config()
        .limit(64 << 20)
        .read_to_string()
        .unwrap();
    Answer {
        status,
        headers,
        body,
    }
}

pub fn get(agent: &ureq::Agent, url: &str) -> Answer {
    answer(
        agent
            .get(url)
            .call()
            .unwrap_or_else(|e| panic!("GET {url}: {e}")),
    )
}

pub fn post_json(agent: &ureq::Agent, url: &str, body: &serde_json::Value) -> Answer {
    answer(
        agent
            .post(url)
            .header("Content-Type", "application/json")
            .send(body.to_string())
            .unwrap_or_else(|e| panic!("POST {url}: {e}")),
    )
}

pub fn delete(agent: &ureq::Agent, url: &str) -> Answer {
    answer(
        agent
            .delete(url)
            .call()
            .unwrap_or_else(|e| panic!("DELETE {url}: {e}")),
    )
}

/// `%`-encodes a query parameter's value.
pub fn encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}
