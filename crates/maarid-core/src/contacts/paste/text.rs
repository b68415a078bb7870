//! Reading free text line by line: each segment is a labelled field, or holds
//! e-mails, URLs and phone numbers, or is a title, company, address or name.

use std::ops::Range;

use super::labels::{self, Hints};
use super::lines::{self, Dropped};
use super::{address, names, phones, social, web, Builder, PastedContact};

pub(super) fn parse(text: &str, region: &str) -> PastedContact {
    let mut r = Reader {
        b: Builder::new(region),
        name_hint: false,
        segments: 0,
    };
    let cleaned = lines::clean(text);
    let mut in_disclaimer = false;
    for raw in cleaned.split('\n') {
        if raw.trim().is_empty() {
            in_disclaimer = false;
            continue;
        }
        if in_disclaimer {
            continue;
        }
        let line = lines::tidy(raw);
        if line.is_empty() {
            continue;
        }
        match lines::dropped(&line) {
            Some(Dropped::Disclaimer) => {
                in_disclaimer = true;
                continue;
            }
            Some(Dropped::Closing) => {
                r.name_hint = true;
                continue;
            }
            Some(Dropped::Greeting) => continue,
            None => {}
        }
        let line = match lines::after_closing(&line) {
            Some(rest) => {
                r.name_hint = true;
                rest.to_string()
            }
            None => line,
        };
        for seg in lines::segments(&line) {
            r.segment(&seg);
        }
    }
    r.b.finish()
}

/// What one piece of text is, judged on its own.
#[derive(Debug, Clone, PartialEq)]
enum Kind {
    Title,
    Company,
    /// Title and company on one line with no separator.
    TitleCompany(String, String),
    Address,
    Name,
    Unknown,
}

struct Reader<'r> {
    b: Builder<'r>,
    /// The previous line was a closing: a one-word line may be the name.
    name_hint: bool,
    /// Segments read so far: the very first may be a one-word name too
    /// (a forwarded WhatsApp contact).
    segments: usize,
}

impl Reader<'_> {
    fn segment(&mut self, seg: &str) {
        match lines::dropped(seg) {
            Some(Dropped::Closing) => {
                self.name_hint = true;
                return;
            }
            Some(_) => return,
            None => {}
        }
        let handled = match labels::split(seg) {
            Some((h, value)) => self.labelled(&h, value, seg),
            None => false,
        };
        if !handled {
            self.free(seg, seg, &Hints::default());
        }
        self.segments += 1;
        self.name_hint = false;
    }

    /// A "Label: value" segment. False if the label and value do not go together
    /// and the segment should be read as free text instead.
    fn labelled(&mut self, h: &Hints, value: &str, seg: &str) -> bool {
        if h.keep {
            self.b.note(seg);
        } else if h.note {
            self.b.note(value);
        } else if h.name {
            let (name, _) = names::strip_honorifics(value);
            if !self.b.name(&name) {
                self.b.note(seg);
            }
        } else if h.company {
            if !self.b.company(value) {
                self.b.note(seg);
            }
        } else if h.title {
            if !self.b.title(value) {
                self.b.note(seg);
            }
        } else if h.postal {
            self.b.addr.set_postal(value);
        } else if h.city {
            self.b.addr.set_city(value);
        } else if h.country {
            self.b.addr.set_country(value);
        } else if !h.networks.is_empty() {
            if let Some(handle) = social::handle(value) {
                for n in &h.networks {
                    self.b.social(social::social(*n, handle));
                }
            } else if !web::urls(value).is_empty() {
                self.free(value, seg, &Hints::default());
            } else {
                self.b.note(seg);
            }
        } else if h.any_phone() || h.ext {
            let found = self.free(value, seg, h);
            if !found.phones {
                self.b.note(seg);
            }
        } else if h.email {
            let found = self.free(value, seg, h);
            if !found.emails {
                self.b.note(seg);
            }
        } else if h.web {
            let found = self.free(value, seg, h);
            if !found.urls {
                self.b.note(seg);
            }
        } else if h.address {
            self.b.addr.add_text(value);
        } else {
            return false;
        }
        true
    }

    /// Takes e-mails, URLs and phone numbers out of a text (phones labelled by
    /// `head` and by the words around them); what remains is read by [`words`].
    fn free(&mut self, text: &str, original: &str, head: &Hints) -> Found {
        let mut found = Found::default();
        let emails = web::emails(text);
        found.emails = !emails.is_empty();
        let text = blank(text, emails.iter().map(|(r, _)| r.clone()));
        for (_, e) in emails {
            self.b.email(e);
        }
        let urls: Vec<(Range<usize>, String)> = web::urls(&text)
            .into_iter()
            .map(|(r, u)| (r, u.to_string()))
            .collect();
        found.urls = !urls.is_empty();
        let text = blank(&text, urls.iter().map(|(r, _)| r.clone()));
        for (_, u) in &urls {
            self.b.url(u);
        }
        let scan = phones::scan(&text, self.b.region);
        if scan.numbers.is_empty() {
            self.words(&text);
            return found;
        }
        found.phones = true;
        let n = scan.numbers.len();
        let mut hints = vec![Hints::default(); n];
        let mut label_text: Vec<&str> = vec![""; n];
        hints[0].merge(head);
        let mut rest = Vec::new();
        for (gi, gap) in scan.gaps.iter().enumerate() {
            let core = gap.trim_matches(|c: char| !c.is_alphanumeric() && !is_emoji(c));
            if core.is_empty() {
                continue;
            }
            match labels::hints(core) {
                Some(h) => {
                    let bracketed = gap.trim_start().starts_with('(');
                    let target = if gi == n || (gi > 0 && bracketed) {
                        gi - 1
                    } else {
                        gi
                    };
                    hints[target].merge(&h);
                    if target == gi {
                        label_text[target] = gap
                            .trim_start_matches(|c: char| !c.is_alphanumeric() && !is_emoji(c))
                            .trim_end();
                    }
                }
                None => rest.push(*gap),
            }
        }
        for i in 1..n {
            if !hints[i].any_phone() {
                hints[i] = hints[i - 1].clone();
            }
        }
        let mut note_whole = false;
        for (i, num) in scan.numbers.iter().enumerate() {
            match phones::label(&hints[i], num.kind) {
                Some(label) => {
                    self.b.phone(&num.text, &num.e164, label);
                    note_whole |= num.ext;
                }
                // A fax labelled by the segment's head (or alone): the whole
                // segment, so that its label stays with it.
                None if n == 1 || label_text[i].is_empty() => note_whole = true,
                None => self.b.note(&format!("{} {}", label_text[i], num.text)),
            }
        }
        if note_whole {
            self.b.note(original);
        }
        for r in rest {
            self.words(r);
        }
        found
    }

    /// Text with no e-mail, URL or phone left: a title, company, address or name,
    /// or a note. Several of those on one line, separated by a dash, comma, "at"
    /// or «لدى», are told apart.
    fn words(&mut self, text: &str) {
        let t = text.trim_matches(|c: char| {
            c.is_whitespace()
                || matches!(
                    c,
                    ':' | '-'
                        | '–'
                        | '—'
                        | ','
                        | '،'
                        | ';'
                        | '/'
                        | '\\'
                        | '<'
                        | '>'
                        | '('
                        | ')'
                        | '['
                        | ']'
                        | '"'
                        | '*'
                        | '+'
                        | '&'
                        | '|'
                )
        });
        if !t.chars().any(char::is_alphanumeric) || lines::dropped(t).is_some() {
            return;
        }
        let parts = split_parts(t);
        if parts.len() > 1 {
            let kinds: Vec<Kind> = parts.iter().map(|p| classify(p)).collect();
            let known = kinds.iter().all(|k| *k != Kind::Unknown);
            let all_same = kinds.iter().all(|k| same_kind(k, &kinds[0]));
            let place_and_name = kinds.contains(&Kind::Address) && kinds.contains(&Kind::Name);
            if known && !all_same && !place_and_name {
                for (p, k) in parts.iter().zip(kinds) {
                    self.apply(p, k);
                }
                return;
            }
        }
        let k = classify(t);
        self.apply(t, k);
    }

    fn apply(&mut self, t: &str, k: Kind) {
        let ok = match k {
            Kind::Title => self.b.title(t),
            Kind::Company => self.b.company(t),
            Kind::TitleCompany(title, company) => {
                let a = self.b.title(&title);
                let b = self.b.company(&company);
                if !a {
                    self.b.note(&title);
                }
                if !b {
                    self.b.note(&company);
                }
                true
            }
            Kind::Address => {
                self.b.addr.add_text(t);
                true
            }
            Kind::Name => {
                let (name, honorific) = names::strip_honorifics(t);
                let one_word = !name.contains(' ') && names::split_scripts(&name).is_none();
                let allowed = !one_word || honorific || self.name_hint || self.segments == 0;
                allowed && self.b.name(&name)
            }
            Kind::Unknown => false,
        };
        if !ok {
            self.b.note(t);
        }
    }
}

/// What [`Reader::free`] found.
#[derive(Debug, Default)]
struct Found {
    emails: bool,
    urls: bool,
    phones: bool,
}

fn is_emoji(c: char) -> bool {
    (c as u32) >= 0x2600
}

/// The text with the given ranges replaced by spaces (so the words on either side
/// stay apart).
fn blank(text: &str, ranges: impl Iterator<Item = Range<usize>>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for r in ranges {
        out.push_str(&text[at..r.start]);
        out.push(' ');
        at = r.end;
    }
    out.push_str(&text[at..]);
    out
}

fn same_kind(a: &Kind, b: &Kind) -> bool {
    std::mem::discriminant(a) == std::mem::discriminant(b)
}

/// Splits at the separators that can stand between a title, a company, a name
/// and a place on one line.
fn split_parts(t: &str) -> Vec<&str> {
    let mut parts = vec![t];
    for sep in [" - ", " – ", " — ", ",", "،", " at ", " @ ", " لدى "] {
        parts = parts
            .into_iter()
            .flat_map(|p| p.split(sep))
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
    }
    parts
}

fn classify(t: &str) -> Kind {
    let title = names::is_title(t);
    let company = names::is_company(t);
    if title && company {
        return match names::split_title_company(t) {
            Some((title, company)) => Kind::TitleCompany(title, company),
            None => Kind::Title,
        };
    }
    if title {
        return Kind::Title;
    }
    if company {
        return Kind::Company;
    }
    if address::has_street(t) || split_parts(t).iter().any(|p| address::is_place(p)) {
        return Kind::Address;
    }
    let (name, _) = names::strip_honorifics(t);
    let bilingual = names::split_scripts(&name)
        .is_some_and(|(ar, la)| names::is_name_shaped(&ar) && names::is_name_shaped(&la));
    if names::is_name_shaped(&name) || bilingual {
        return Kind::Name;
    }
    Kind::Unknown
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds() {
        assert_eq!(classify("Sales Manager"), Kind::Title);
        assert_eq!(classify("Showroom Manager"), Kind::Title);
        assert_eq!(classify("Al Jazirah Motors"), Kind::Company);
        assert_eq!(classify("Riyadh, Saudi Arabia"), Kind::Address);
        assert_eq!(
            classify("Shop 12, Al Quoz Industrial Area 3"),
            Kind::Address
        );
        assert_eq!(classify("م. خالد عبدالله الغامدي"), Kind::Name);
        assert_eq!(classify("Tariq Jaber - طارق جابر"), Kind::Name);
        assert_eq!(classify("Authorized Dealer"), Kind::Unknown);
        assert_eq!(classify("HYUNDAI"), Kind::Unknown);
    }
}
