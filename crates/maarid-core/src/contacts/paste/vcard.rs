//! vCard 2.1, 3.0 and 4.0 (RFC 2426, RFC 6350), as phones and address books
//! export them: folded lines, quoted-printable values with soft line breaks
//! (vCard 2.1 from older Android phones, Arabic in `CHARSET=UTF-8`), base64 text,
//! escaped `\,` `\;` `\n`, `TYPE` parameters in all their spellings, Apple's
//! `itemN.` groups with `X-ABLabel`, and several cards in one file.

use base64::Engine;

use crate::contacts::phone::{normalize_email, normalize_phone};
use crate::search::normalize::digits;

use super::{address, labels, names, phones, social, Builder, PastedAddress, PastedContact};

/// True if the text holds a vCard (a `BEGIN:VCARD` line).
pub(super) fn looks_like_vcard(text: &str) -> bool {
    text.lines().any(|l| {
        l.trim()
            .trim_start_matches('\u{FEFF}')
            .eq_ignore_ascii_case("BEGIN:VCARD")
    })
}

/// Every card in the text, in order.
pub(super) fn parse(text: &str, region: &str) -> Vec<PastedContact> {
    cards(text)
        .into_iter()
        .map(|props| contact(&props, region))
        .collect()
}

/// One content line: `[group.]NAME[;params]:value`.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Prop {
    pub group: Option<String>,
    /// Upper case.
    pub name: String,
    /// Parameter names in upper case, one entry per value; vCard 2.1's bare
    /// parameters (`TEL;CELL`) are given their name (`TYPE`, `ENCODING`).
    pub params: Vec<(String, String)>,
    /// Decoded (quoted-printable, base64) but still escaped.
    pub value: String,
}

impl Prop {
    fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    fn types(&self) -> impl Iterator<Item = &str> {
        self.params
            .iter()
            .filter(|(k, _)| k == "TYPE")
            .map(|(_, v)| v.as_str())
    }

    /// The value unescaped, as one text.
    fn text(&self) -> String {
        unescape(&self.value)
    }

    /// The value's `;`-separated components, each unescaped.
    fn components(&self) -> Vec<String> {
        split_unescaped(&self.value, ';')
            .into_iter()
            .map(|c| unescape(c).trim().to_string())
            .collect()
    }
}

fn is_quoted_printable(line: &str) -> bool {
    let head = head_of(line);
    head.to_ascii_uppercase().contains("QUOTED-PRINTABLE")
}

/// The part of a content line before its value (up to the first `:` outside
/// double quotes).
fn head_of(line: &str) -> &str {
    let mut quoted = false;
    for (i, c) in line.char_indices() {
        match c {
            '"' => quoted = !quoted,
            ':' if !quoted => return &line[..i],
            _ => {}
        }
    }
    line
}

/// Logical lines: a line starting with a space or tab continues the previous one
/// (the one whitespace char is removed); in a quoted-printable value a line
/// ending with `=` is continued by the next line (soft line break).
pub(super) fn unfold(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for raw in text.split('\n') {
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        if let Some(last) = out.last_mut() {
            if is_quoted_printable(last)
                && last.ends_with('=')
                && !line.trim().eq_ignore_ascii_case("END:VCARD")
            {
                last.pop();
                last.push_str(line.trim_start());
                continue;
            }
            if let Some(rest) = line.strip_prefix([' ', '\t']) {
                last.push_str(rest);
                continue;
            }
        }
        out.push(line.to_string());
    }
    out
}

/// Splits at `sep` outside double quotes.
fn split_quoted(s: &str, sep: char) -> Vec<&str> {
    let mut out = Vec::new();
    let mut quoted = false;
    let mut start = 0;
    for (i, c) in s.char_indices() {
        if c == '"' {
            quoted = !quoted;
        } else if c == sep && !quoted {
            out.push(&s[start..i]);
            start = i + 1;
        }
    }
    out.push(&s[start..]);
    out
}

/// Parses one logical line; `None` for a line with no `:` or no name.
pub(super) fn parse_line(line: &str) -> Option<Prop> {
    let head = head_of(line);
    if head.len() == line.len() {
        return None;
    }
    let raw_value = &line[head.len() + 1..];
    let mut parts = split_quoted(head, ';').into_iter();
    let full_name = parts.next()?.trim();
    let (group, name) = match full_name.rsplit_once('.') {
        Some((g, n)) => (Some(g.to_string()), n),
        None => (None, full_name),
    };
    if name.is_empty() {
        return None;
    }
    let mut params = Vec::new();
    for p in parts {
        let (key, values) = match p.split_once('=') {
            Some((k, v)) => (k.trim().to_ascii_uppercase(), v),
            None => {
                let v = p.trim();
                let key = match v.to_ascii_uppercase().as_str() {
                    "QUOTED-PRINTABLE" | "BASE64" | "8BIT" | "7BIT" | "B" => "ENCODING",
                    _ => "TYPE",
                };
                (key.to_string(), v)
            }
        };
        for v in split_quoted(values, ',') {
            let v = v.trim().trim_matches('"').trim();
            // TYPE="cell,voice" (vCard 4.0) is a list inside quotes.
            for v in v.split(',') {
                if !v.is_empty() {
                    params.push((key.clone(), v.to_string()));
                }
            }
        }
    }
    let mut prop = Prop {
        group,
        name: name.to_ascii_uppercase(),
        params,
        value: String::new(),
    };
    prop.value = decode(&prop, raw_value);
    Some(prop)
}

/// The value's text after its transfer encoding.
fn decode(p: &Prop, raw: &str) -> String {
    let encoding = p.param("ENCODING").unwrap_or("").to_ascii_uppercase();
    let charset = p.param("CHARSET").unwrap_or("UTF-8").to_ascii_uppercase();
    let bytes = match encoding.as_str() {
        "QUOTED-PRINTABLE" => quoted_printable(raw),
        "B" | "BASE64" => {
            let clean: String = raw.chars().filter(|c| !c.is_whitespace()).collect();
            match base64::engine::general_purpose::STANDARD.decode(clean) {
                Ok(b) => b,
                Err(_) => return raw.to_string(),
            }
        }
        _ => return raw.to_string(),
    };
    match charset.as_str() {
        "ISO-8859-1" | "LATIN1" | "WINDOWS-1252" | "US-ASCII" => {
            bytes.iter().map(|&b| char::from(b)).collect()
        }
        _ => String::from_utf8_lossy(&bytes).into_owned(),
    }
}

/// Decodes quoted-printable: `=XX` is a byte, a malformed `=` stays as it is.
/// Soft line breaks were already joined by [`unfold`].
pub(super) fn quoted_printable(s: &str) -> Vec<u8> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'=' && i + 2 < b.len() {
            let hex = std::str::from_utf8(&b[i + 1..i + 3]).ok();
            if let Some(v) = hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    out
}

/// Splits at `sep` not preceded by a backslash escape.
fn split_unescaped(s: &str, sep: char) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut escaped = false;
    for (i, c) in s.char_indices() {
        if escaped {
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if c == sep {
            out.push(&s[start..i]);
            start = i + c.len_utf8();
        }
    }
    out.push(&s[start..]);
    out
}

/// `\n` `\N` → new line, `\,` `\;` `\:` `\\` → the char; other backslashes stay.
pub(super) fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n' | 'N') => out.push('\n'),
            Some(e @ (',' | ';' | ':' | '\\')) => out.push(e),
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

/// The cards of a file, each as its properties. Lines outside a card, and
/// nested cards (vCard 2.1 `AGENT`), are skipped.
fn cards(text: &str) -> Vec<Vec<Prop>> {
    let mut out = Vec::new();
    let mut current: Option<Vec<Prop>> = None;
    let mut depth = 0;
    for line in unfold(text) {
        let line = line.trim_start_matches('\u{FEFF}');
        let upper = line.trim().to_ascii_uppercase();
        if upper == "BEGIN:VCARD" {
            depth += 1;
            if depth == 1 {
                current = Some(Vec::new());
            }
            continue;
        }
        if upper == "END:VCARD" {
            depth -= 1;
            if depth == 0 {
                if let Some(c) = current.take() {
                    out.push(c);
                }
            }
            depth = depth.max(0);
            continue;
        }
        if depth == 1 {
            if let (Some(c), Some(p)) = (current.as_mut(), parse_line(line)) {
                c.push(p);
            }
        }
    }
    // A last card without END:VCARD (cut short when pasted) still counts.
    if let Some(c) = current {
        if !c.is_empty() {
            out.push(c);
        }
    }
    out
}

/// The label an Apple `itemN.X-ABLabel` gives its group: "_$!<Mobile>!$_" → "Mobile".
fn group_label<'a>(props: &'a [Prop], group: Option<&str>) -> Option<String> {
    let g = group?;
    props
        .iter()
        .find(|p| p.group.as_deref() == Some(g) && p.name == "X-ABLABEL")
        .map(|p: &'a Prop| {
            p.text()
                .trim_start_matches("_$!<")
                .trim_end_matches(">!$_")
                .to_string()
        })
}

fn contact(props: &[Prop], region: &str) -> PastedContact {
    let mut b = Builder::new(region);
    let mut full_name = None;
    let mut n_name = None;
    let mut phonetic: Vec<(u8, String)> = Vec::new();
    let mut org = None;
    let mut show_as_company = false;
    let mut label: Option<String> = None;
    for p in props {
        match p.name.as_str() {
            "FN" => {
                full_name.get_or_insert_with(|| p.text().trim().to_string());
            }
            "N" => {
                let c = p.components();
                let part = |i: usize| c.get(i).map(String::as_str).unwrap_or("");
                let joined = [part(1), part(2), part(0)]
                    .iter()
                    .filter(|s| !s.is_empty())
                    .copied()
                    .collect::<Vec<_>>()
                    .join(" ");
                if !joined.is_empty() {
                    n_name.get_or_insert(joined);
                }
            }
            "X-PHONETIC-FIRST-NAME" => phonetic.push((0, p.text())),
            "X-PHONETIC-MIDDLE-NAME" => phonetic.push((1, p.text())),
            "X-PHONETIC-LAST-NAME" => phonetic.push((2, p.text())),
            "X-ABSHOWAS" => show_as_company = p.text().eq_ignore_ascii_case("COMPANY"),
            "ORG" => {
                let c = p.components();
                let mut units = c.iter().filter(|s| !s.is_empty());
                if let Some(first) = units.next() {
                    org.get_or_insert_with(|| first.clone());
                    if !b.company(first) {
                        b.note(&format!("Company: {first}"));
                    }
                }
                for unit in units {
                    b.note(&format!("Department: {unit}"));
                }
            }
            "TITLE" => {
                let t = p.text();
                if !b.title(&t) {
                    b.note(&format!("Title: {t}"));
                }
            }
            "ROLE" => {
                let t = p.text();
                if !b.title(&t) {
                    b.note(&format!("Role: {t}"));
                }
            }
            "TEL" => tel(&mut b, p, props),
            "EMAIL" => {
                let t = p.text();
                match normalize_email(t.trim().trim_start_matches("mailto:")) {
                    Ok(e) => b.email(e),
                    Err(_) => b.note(&format!("Email: {t}")),
                }
            }
            "URL" => {
                let t = p.text();
                if !t.trim().is_empty() {
                    b.url(t.trim());
                }
            }
            "X-SOCIALPROFILE" => social_profile(&mut b, p),
            "IMPP" => b.note(&format!("IM: {}", p.text())),
            "ADR" => adr(&mut b, p),
            "NOTE" => {
                let t = p.text();
                b.note(&t);
            }
            "BDAY" => b.note(&format!("Birthday: {}", p.text())),
            "ANNIVERSARY" => b.note(&format!("Anniversary: {}", p.text())),
            "NICKNAME" => b.note(&format!("Nickname: {}", p.text())),
            // A formatted address (2.1/3.0): kept only if the card has no ADR.
            "LABEL" => {
                label.get_or_insert_with(|| p.text().replace('\n', ", "));
            }
            _ => {}
        }
    }
    if let Some(l) = label.filter(|l| !l.trim().is_empty()) {
        if b.c.address.is_none() {
            b.note(&format!("Address: {}", l.trim()));
        }
    }
    // Names: FN first (unless the card is a company's), then N, then Apple's
    // phonetic name (a Latin reading of an Arabic name). Each fills the empty slot
    // of its script; repeats of the same name in the same script are not notes.
    let is_company = |s: &str| show_as_company || org.as_deref() == Some(s);
    let mut candidates = Vec::new();
    if let Some(f) = full_name.filter(|f| !f.is_empty() && !is_company(f)) {
        candidates.push(f);
    }
    if let Some(n) = n_name.filter(|n| !is_company(n)) {
        candidates.push(n);
    }
    phonetic.sort_by_key(|(i, _)| *i);
    let reading = phonetic
        .into_iter()
        .map(|(_, s)| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    if !reading.is_empty() {
        candidates.push(reading);
    }
    for c in candidates {
        let (name, _) = names::strip_honorifics(&c);
        b.name(&name);
    }
    b.finish()
}

fn tel(b: &mut Builder, p: &Prop, props: &[Prop]) {
    let text = p.text();
    let value = text.trim();
    let value = value
        .strip_prefix("tel:")
        .or_else(|| value.strip_prefix("TEL:"))
        .unwrap_or(value);
    // An extension: "tel:+20-2-2345-6789;ext=12", "+966 11 456 7890 ext. 204".
    let lower = value.to_ascii_lowercase();
    let cut = [";ext=", ",ext=", " ext", " x", ";", ","]
        .iter()
        .filter_map(|m| lower.find(m))
        .min();
    let (number, has_ext) = match cut {
        Some(i) => (value[..i].trim(), true),
        None => (value, false),
    };
    let mut hints = labels::Hints::default();
    let mut kinds: Vec<String> = p.types().map(str::to_string).collect();
    kinds.extend(group_label(props, p.group.as_deref()));
    for k in &kinds {
        if let Some(h) = labels::hints(k) {
            hints.merge(&h);
        }
    }
    // In a card, FAX among the types makes a fax line, whatever else is there
    // (Apple writes "WORK,FAX").
    if hints.fax {
        b.note(&format!("Fax: {value}"));
        return;
    }
    match normalize_phone(number, b.region) {
        Ok(ph) => match phones::label(&hints, ph.kind) {
            Some(label) => {
                b.phone(number, &ph.e164, label);
                if has_ext {
                    b.note(&format!("Tel: {value}"));
                }
            }
            None => b.note(&format!("Fax: {value}")),
        },
        Err(_) => b.note(&format!("Tel: {value}")),
    }
}

fn social_profile(b: &mut Builder, p: &Prop) {
    let value = p.text();
    let value = value.trim();
    if value.contains("://") {
        b.url(value);
        return;
    }
    let network = p.types().find_map(social::Network::from_name);
    let handle = p
        .param("X-USER")
        .or_else(|| value.rsplit(':').next())
        .and_then(social::handle);
    match (network, handle) {
        (Some(n), Some(h)) => b.social(social::social(n, h)),
        _ => b.note(&format!("Social: {value}")),
    }
}

fn adr(b: &mut Builder, p: &Prop) {
    let c = p.components();
    let part = |i: usize| c.get(i).map(String::as_str).unwrap_or("").trim();
    if b.c.address.is_some() {
        let all: Vec<&str> = (0..7).map(part).filter(|s| !s.is_empty()).collect();
        if !all.is_empty() {
            b.note(&format!("Address: {}", all.join(", ").replace('\n', ", ")));
        }
        return;
    }
    let mut line: Vec<String> = [part(0), part(1), part(2)]
        .iter()
        .flat_map(|s| s.split('\n'))
        .map(|s| s.trim().trim_end_matches(',').to_string())
        .filter(|s| !s.is_empty())
        .collect();
    let locality = part(3);
    let city = address::city_of(locality);
    let country_text = part(6);
    let iso = address::country_of(country_text);
    let mut a = PastedAddress {
        city: city
            .as_ref()
            .map_or_else(|| locality.to_string(), |c| c.name.clone()),
        region: part(4).to_string(),
        ..PastedAddress::default()
    };
    let postal = part(5);
    a.postal_code = if postal.chars().any(char::is_alphabetic) {
        postal.to_string()
    } else {
        digits(postal)
    };
    a.country = match (iso, &city) {
        (Some(iso), _) => iso.to_string(),
        (None, Some(c)) if country_text.is_empty() => c.country.to_string(),
        _ => String::new(),
    };
    if a.country.is_empty() && !country_text.is_empty() {
        line.push(country_text.to_string());
    }
    a.line = line.join(", ");
    if a != PastedAddress::default() {
        b.c.address = Some(a);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_unfolding() {
        let lines =
            unfold("NOTE:Interested in bulk orders for his\r\n  new showroom\r\nFN:A\r\n\tB\r\n");
        assert_eq!(
            lines,
            vec![
                "NOTE:Interested in bulk orders for his new showroom",
                "FN:AB",
                ""
            ]
        );
    }

    #[test]
    fn quoted_printable_soft_breaks_and_utf8() {
        let text = "FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=D8=A3=D8=AD=D9=85=D8=\r\n=AF =D8=A7=D9=84=D8=AD=D8=B1=D8=A8=D9=8A\r\nTEL;CELL:0551234567";
        let lines = unfold(text);
        assert_eq!(lines.len(), 2);
        let p = parse_line(&lines[0]).unwrap();
        assert_eq!(p.name, "FN");
        assert_eq!(p.text(), "أحمد الحربي");
        assert_eq!(quoted_printable("a=3Db"), b"a=b".to_vec());
        assert_eq!(quoted_printable("=ZZ=4"), b"=ZZ=4".to_vec());
        // Bare vCard 2.1 parameter.
        let p = parse_line("N;QUOTED-PRINTABLE:=D8=B3;x").unwrap();
        assert_eq!(p.components(), vec!["س", "x"]);
    }

    #[test]
    fn escapes_and_params() {
        let p = parse_line(
            r"item2.ADR;type=WORK;type=pref:;;King Saud St\nAl Shati\, Dammam;Dammam;;;",
        )
        .unwrap();
        assert_eq!(p.group.as_deref(), Some("item2"));
        assert_eq!(p.types().collect::<Vec<_>>(), vec!["WORK", "pref"]);
        assert_eq!(p.components()[2], "King Saud St\nAl Shati, Dammam");
        let p = parse_line(r#"TEL;VALUE=uri;TYPE="cell,voice":tel:+20-10-1234-5678"#).unwrap();
        assert_eq!(p.types().collect::<Vec<_>>(), vec!["cell", "voice"]);
        assert_eq!(p.text(), "tel:+20-10-1234-5678");
        assert_eq!(unescape(r"a\;b\\c\,d\Ne"), "a;b\\c,d\ne");
    }

    #[test]
    fn base64_text() {
        let p = parse_line("NOTE;ENCODING=b:2YXYsdit2KjYpw==").unwrap();
        assert_eq!(p.text(), "مرحبا");
    }
}
