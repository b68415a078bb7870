//! E-mail addresses and URLs inside free text, and websites in one form.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::contacts::phone::normalize_email;

static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:mailto:)?[\p{L}\p{N}._%+'\-]+@[\p{L}\p{N}.\-]+").expect("email regex")
});

static URL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"(?i)(?:https?://[^\s<>"'«»,،]+|www\.[^\s<>"'«»,،]+|\b[a-z0-9][a-z0-9\-]*(?:\.[a-z0-9\-]+)+(?:/[^\s<>"'«»,،]*)?)"#,
    )
    .expect("url regex")
});

/// Top-level domains a bare "name.tld" must end with to count as a web address
/// (so that "W.L.L", "Co.Ltd" or "Mr.Ahmed" do not).
const TLDS: &[&str] = &[
    "com", "net", "org", "info", "biz", "co", "io", "me", "app", "store", "shop", "online", "site",
    "tech", "ae", "sa", "kw", "qa", "bh", "om", "jo", "eg", "lb", "iq", "sy", "ps", "ye", "ma",
    "tn", "dz", "ly", "sd", "tr", "uk", "us", "de", "fr", "it", "in", "pk", "ca", "au", "cn", "jp",
];

/// Valid e-mail addresses in the text: their byte ranges and their normalised
/// (lower-cased) form. Invalid look-alikes are left where they are.
pub(super) fn emails(text: &str) -> Vec<(Range<usize>, String)> {
    EMAIL
        .find_iter(text)
        .filter_map(|m| {
            let s = m.as_str().trim_end_matches(['.', '-']);
            let end = m.start() + s.len();
            let addr = s
                .strip_prefix("mailto:")
                .or_else(|| s.strip_prefix("MAILTO:"))
                .unwrap_or(s);
            normalize_email(addr).ok().map(|e| (m.start()..end, e))
        })
        .collect()
}

/// Web addresses in the text (with a scheme, starting with "www.", or a bare
/// domain with a known top-level domain), as written, with their byte ranges.
pub(super) fn urls(text: &str) -> Vec<(Range<usize>, &str)> {
    URL.find_iter(text)
        .filter_map(|m| {
            let s = m
                .as_str()
                .trim_end_matches(['.', ',', ')', ';', '!', '?', ':']);
            let start = m.start();
            // Not the tail of a word or of an e-mail address.
            if text[..start].ends_with(['@', '.', '-', '_']) {
                return None;
            }
            let (host, _) = split(s);
            let labels: Vec<&str> = host.split('.').collect();
            let tld = labels.last().copied().unwrap_or("");
            let has_scheme = s.contains("://") || host.starts_with("www.");
            let ok = labels.len() >= 2
                && labels.iter().all(|l| !l.is_empty())
                && (has_scheme || TLDS.contains(&tld));
            ok.then(|| (start..start + s.len(), s))
        })
        .collect()
}

/// The lower-cased host and the path (without its leading `/`, query kept).
pub(super) fn split(url: &str) -> (String, &str) {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
    let host = host.split(':').next().unwrap_or(host);
    (host.to_lowercase(), path)
}

/// A website in one form: a scheme ("https://" when none was written), the host
/// in lower case, the path as written, no lone trailing slash.
pub(super) fn website(url: &str) -> String {
    let url = url.trim().trim_end_matches(['.', ',', ')', ';', '،']);
    let (scheme, rest) = match url.split_once("://") {
        Some((s, r)) => (s.to_lowercase(), r),
        None => ("https".to_string(), url),
    };
    let (host, path) = match rest.split_once('/') {
        Some((h, p)) => (h, p),
        None => (rest, ""),
    };
    let mut out = format!("{scheme}://{}", host.to_lowercase());
    if !path.is_empty() {
        out.push('/');
        out.push_str(path);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_emails() {
        let t = "E: Ahmed.AlHarbi@AlJazirah.com.sa. or <x@y.co>";
        let found: Vec<String> = emails(t).into_iter().map(|(_, e)| e).collect();
        assert_eq!(found, vec!["ahmed.alharbi@aljazirah.com.sa", "x@y.co"]);
        assert!(emails("ali@example").is_empty());
    }

    #[test]
    fn finds_urls() {
        let t = "www.aljazirah.com.sa | homestyle.ae, https://x.com/BloomHomeSA.";
        let found: Vec<&str> = urls(t).into_iter().map(|(_, u)| u).collect();
        assert_eq!(
            found,
            vec![
                "www.aljazirah.com.sa",
                "homestyle.ae",
                "https://x.com/BloomHomeSA"
            ]
        );
        for not_url in [
            "Al Mulla Trading Co. W.L.L.",
            "Mr.Ahmed",
            "P.O. Box 12",
            "v2.5",
            "Co.Ltd",
        ] {
            assert!(urls(not_url).is_empty(), "{not_url}");
        }
    }

    #[test]
    fn websites() {
        assert_eq!(
            website("www.AlJazirah.com.sa"),
            "https://www.aljazirah.com.sa"
        );
        assert_eq!(website("https://bloomhome.sa/"), "https://bloomhome.sa");
        assert_eq!(
            website("HTTP://Shop.example.com/Cars?id=1"),
            "http://shop.example.com/Cars?id=1"
        );
    }
}
