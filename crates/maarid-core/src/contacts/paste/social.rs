//! Social networks: handles written after a label ("IG: @alnukhba_cars",
//! «سناب: alnukhba») and profile URLs mapped to network + handle.

use super::PastedSocial;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Network {
    Instagram,
    X,
    Facebook,
    Linkedin,
    Snapchat,
    Tiktok,
    Telegram,
    Youtube,
}

impl Network {
    pub fn key(self) -> &'static str {
        match self {
            Network::Instagram => "instagram",
            Network::X => "x",
            Network::Facebook => "facebook",
            Network::Linkedin => "linkedin",
            Network::Snapchat => "snapchat",
            Network::Tiktok => "tiktok",
            Network::Telegram => "telegram",
            Network::Youtube => "youtube",
        }
    }

    /// The network a vCard `X-SOCIALPROFILE;type=…` or `IMPP` scheme names.
    pub fn from_name(name: &str) -> Option<Network> {
        Some(match name.to_ascii_lowercase().as_str() {
            "instagram" => Network::Instagram,
            "twitter" | "x" => Network::X,
            "facebook" | "fb" => Network::Facebook,
            "linkedin" => Network::Linkedin,
            "snapchat" => Network::Snapchat,
            "tiktok" => Network::Tiktok,
            "telegram" => Network::Telegram,
            "youtube" => Network::Youtube,
            _ => return None,
        })
    }
}

pub(super) fn social(network: Network, handle: &str) -> PastedSocial {
    PastedSocial {
        network: network.key().to_string(),
        handle: handle.to_string(),
    }
}

/// A handle as people write it after a label: `@name` or `name`, letters, digits,
/// `.` `_` `-`; at most 60 chars. Returned without the `@`.
pub(super) fn handle(text: &str) -> Option<&str> {
    let h = text.trim().trim_end_matches(['.', ',', '،', ';']);
    let h = h.strip_prefix('@').unwrap_or(h);
    let ok = !h.is_empty()
        && h.len() <= 60
        && h.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
        && h.chars().any(|c| c.is_ascii_alphanumeric());
    ok.then_some(h)
}

/// What a URL (split into its lower-cased host and its path as written) is, when it is a
/// social profile or a WhatsApp link rather than a website.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Link {
    Profile(Network, String),
    /// wa.me/966551234567 → the digits, with a plus.
    Whatsapp(String),
    /// A link on a social site that names no profile (a post, a video).
    Other,
}

/// Maps a host and path (path without the leading `/`, query kept) to a profile.
/// `None` if the host is not a social network's.
pub(super) fn link(host: &str, path: &str) -> Option<Link> {
    let host = host
        .trim_start_matches("www.")
        .trim_start_matches("m.")
        .trim_start_matches("mobile.")
        .trim_start_matches("web.");
    let path = path.trim_end_matches('/');
    let (path_only, query) = path.split_once('?').unwrap_or((path, ""));
    let segs: Vec<&str> = path_only.split('/').filter(|s| !s.is_empty()).collect();
    let first = segs.first().copied().unwrap_or("");
    let profile = |n: Network, h: &str| match handle(h) {
        Some(h) => Link::Profile(n, h.to_string()),
        None => Link::Other,
    };
    Some(match host {
        "instagram.com" | "instagr.am" => match first {
            "" | "p" | "reel" | "reels" | "tv" | "explore" => Link::Other,
            "stories" => segs
                .get(1)
                .map_or(Link::Other, |h| profile(Network::Instagram, h)),
            h => profile(Network::Instagram, h),
        },
        "twitter.com" | "x.com" => match first {
            "" | "i" | "intent" | "search" | "hashtag" => Link::Other,
            h if segs.len() == 1 => profile(Network::X, h),
            _ => Link::Other,
        },
        "facebook.com" | "fb.com" | "fb.me" => match first {
            "" | "sharer" | "share" | "watch" | "events" => Link::Other,
            "profile.php" if !query.is_empty() => {
                Link::Profile(Network::Facebook, format!("profile.php?{query}"))
            }
            "pages" | "groups" => Link::Profile(Network::Facebook, segs.join("/")),
            h if segs.len() == 1 => profile(Network::Facebook, h),
            _ => Link::Other,
        },
        // LinkedIn has two namespaces, so the handle keeps it: "in/…", "company/…".
        "linkedin.com" => match (first, segs.get(1)) {
            ("in" | "company" | "school" | "showcase", Some(h)) if handle(h).is_some() => {
                Link::Profile(Network::Linkedin, format!("{first}/{h}"))
            }
            _ => Link::Other,
        },
        "snapchat.com" | "story.snapchat.com" => match (first, segs.get(1)) {
            ("add", Some(h)) => profile(Network::Snapchat, h),
            (h, None) if h.starts_with('@') => profile(Network::Snapchat, h),
            _ => Link::Other,
        },
        "tiktok.com" => match first {
            h if h.starts_with('@') && segs.len() == 1 => profile(Network::Tiktok, h),
            _ => Link::Other,
        },
        "t.me" | "telegram.me" => match first {
            "" | "joinchat" | "share" | "s" => Link::Other,
            h if segs.len() == 1 => profile(Network::Telegram, h),
            _ => Link::Other,
        },
        "youtube.com" => match (first, segs.get(1)) {
            (h, None) if h.starts_with('@') => profile(Network::Youtube, h),
            ("c" | "channel" | "user", Some(h)) if handle(h).is_some() => {
                Link::Profile(Network::Youtube, format!("{first}/{h}"))
            }
            _ => Link::Other,
        },
        "youtu.be" => Link::Other,
        "wa.me" | "api.whatsapp.com" | "whatsapp.com" => {
            let digits = if first == "send" || first.is_empty() {
                query
                    .split('&')
                    .find_map(|kv| kv.strip_prefix("phone="))
                    .unwrap_or("")
            } else {
                first
            };
            let digits: String = digits.chars().filter(char::is_ascii_digit).collect();
            if digits.len() >= 8 {
                Link::Whatsapp(format!("+{digits}"))
            } else {
                Link::Other
            }
        }
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn handles() {
        assert_eq!(handle("@alnukhba_cars"), Some("alnukhba_cars"));
        assert_eq!(handle(" alfakhama.cars "), Some("alfakhama.cars"));
        assert_eq!(handle("Al Nukhba Cars"), None);
        assert_eq!(handle("@"), None);
        assert_eq!(handle("نخبة"), None);
    }

    #[test]
    fn links() {
        use Link::*;
        use Network::*;
        let p = |n, h: &str| Some(Profile(n, h.to_string()));
        assert_eq!(
            link("instagram.com", "bloomhome.sa/"),
            p(Instagram, "bloomhome.sa")
        );
        assert_eq!(link("www.instagram.com", "p/Cx12ab/"), Some(Other));
        assert_eq!(link("x.com", "BloomHomeSA"), p(X, "BloomHomeSA"));
        assert_eq!(link("twitter.com", "a/status/1"), Some(Other));
        assert_eq!(link("m.facebook.com", "alnukhba"), p(Facebook, "alnukhba"));
        assert_eq!(
            link("facebook.com", "profile.php?id=1000123"),
            p(Facebook, "profile.php?id=1000123")
        );
        assert_eq!(
            link("linkedin.com", "in/rami-khoury/"),
            p(Linkedin, "in/rami-khoury")
        );
        assert_eq!(
            link("www.snapchat.com", "add/bloomhome"),
            p(Snapchat, "bloomhome")
        );
        assert_eq!(link("tiktok.com", "@bloomhome"), p(Tiktok, "bloomhome"));
        assert_eq!(link("t.me", "bloomhome_sa"), p(Telegram, "bloomhome_sa"));
        assert_eq!(link("youtube.com", "@alnukhba"), p(Youtube, "alnukhba"));
        assert_eq!(
            link("wa.me", "966551234567"),
            Some(Whatsapp("+966551234567".into()))
        );
        assert_eq!(
            link("api.whatsapp.com", "send?phone=971501234567&text=hi"),
            Some(Whatsapp("+971501234567".into()))
        );
        assert_eq!(link("aljazirah.com.sa", ""), None);
    }
}
