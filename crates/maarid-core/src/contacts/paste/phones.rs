//! Phone numbers inside free text: where they are, whether `normalize_phone`
//! accepts them, an extension written after them, and the label to give them.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::contacts::phone::{normalize_phone, PhoneKind};
use crate::contacts::PhoneLabel;

use super::labels::Hints;

/// Fewer digits than this is not a phone number (a PO box, a postal code, a floor).
const MIN_DIGITS: usize = 7;
/// More than this is two numbers run together, or not a phone at all.
const MAX_RUN_DIGITS: usize = 40;

/// A number found in the text.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Found {
    /// As written (trimmed), without its extension.
    pub text: String,
    /// Where it is, extension included.
    pub range: Range<usize>,
    pub e164: String,
    pub kind: PhoneKind,
    /// An extension followed it ("Ext. 204", «تحويلة ١١٠»).
    pub ext: bool,
}

/// The numbers of a text and the text around them: `gaps[i]` is what stands
/// before `numbers[i]`, and the last gap what follows the last number.
#[derive(Debug, Default)]
pub(super) struct Scan<'a> {
    pub numbers: Vec<Found>,
    pub gaps: Vec<&'a str>,
}

static EXT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*[-–,;/]?\s*\(?\s*(?i:ext(?:ension|n)?\.?(?:\s*no\.?)?|x|تحويلة|تحويله|داخلي|فرعي)\s*[:.#]?\s*[0-9٠-٩۰-۹]{1,6}\s*\)?",
    )
    .expect("extension regex")
});

fn is_digit(c: char) -> bool {
    c.is_ascii_digit()
        || ('\u{0660}'..='\u{0669}').contains(&c)
        || ('\u{06F0}'..='\u{06F9}').contains(&c)
}

fn is_sep(c: char) -> bool {
    matches!(c, ' ' | '-' | '–' | '.' | '(' | ')')
}

fn digit_count(s: &str) -> usize {
    s.chars().filter(|&c| is_digit(c)).count()
}

/// Runs of digits and phone punctuation that start with a digit, `+` or `(`.
/// A `+` after a space starts a new run.
fn runs(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut prev = ' ';
    for (i, c) in text.char_indices() {
        let inside = is_digit(c) || is_sep(c) || c == '+';
        match start {
            Some(s) if !inside || (c == '+' && prev == ' ') => {
                out.push(s..i);
                start = (c == '+').then_some(i);
            }
            None if is_digit(c) || c == '+' || c == '(' => start = Some(i),
            _ => {}
        }
        prev = c;
    }
    if let Some(s) = start {
        out.push(s..text.len());
    }
    out
}

/// A run trimmed to what could be a number: starts with a digit, `+` or `(`,
/// ends with a digit, a closing parenthesis that closes one, or an RTL-style
/// trailing `+` right after a digit.
fn trim_run(text: &str, r: Range<usize>) -> Option<Range<usize>> {
    let s = &text[r.clone()];
    let lead = s.find(|c: char| is_digit(c) || c == '+' || c == '(')?;
    let mut end = s.len();
    loop {
        let t = &s[lead..end];
        let last = t.chars().next_back()?;
        let keep = is_digit(last)
            || (last == '+' && t[..t.len() - 1].ends_with(is_digit))
            || (last == ')' && t.matches('(').count() >= t.matches(')').count());
        if keep {
            break;
        }
        end -= last.len_utf8();
        if end <= lead {
            return None;
        }
    }
    // An opening parenthesis with no closing one is not part of the number.
    let mut start = r.start + lead;
    let t = &text[start..r.start + end];
    if t.starts_with('(') && !t.contains(')') {
        start += 1;
    }
    let t = text[start..r.start + end].trim_start();
    let start = r.start + end - t.len();
    Some(start..r.start + end)
}

fn accept(text: &str, range: Range<usize>, region: &str) -> Option<Found> {
    let s = text[range.clone()].trim();
    let p = normalize_phone(s, region).ok()?;
    Some(Found {
        text: s.to_string(),
        range,
        e164: p.e164,
        kind: p.kind,
        ext: false,
    })
}

/// Numbers in one trimmed run: the whole run, else two valid numbers split at a
/// space ("0551234567 0501234567", "055 123 4567 - 050 765 4321"), repeatedly.
fn numbers_in(text: &str, r: Range<usize>, region: &str, out: &mut Vec<Found>) -> bool {
    let s = &text[r.clone()];
    let n = digit_count(s);
    if !(MIN_DIGITS..=MAX_RUN_DIGITS).contains(&n) {
        return false;
    }
    if let Some(f) = accept(text, r.clone(), region) {
        out.push(f);
        return true;
    }
    for (i, c) in s.char_indices().filter(|&(_, c)| c == ' ') {
        let left = trim_run(text, r.start..r.start + i);
        let right = trim_run(text, r.start + i + c.len_utf8()..r.end);
        let (Some(left), Some(right)) = (left, right) else {
            continue;
        };
        // Each side must be long enough, and the left no longer than one number
        // can be (15 digits of E.164 behind a "00" prefix).
        let left_digits = digit_count(&text[left.clone()]);
        if left_digits > 17 {
            break;
        }
        if left_digits < MIN_DIGITS || digit_count(&text[right.clone()]) < MIN_DIGITS {
            continue;
        }
        if let Some(f) = accept(text, left, region) {
            let mut rest = Vec::new();
            if numbers_in(text, right, region, &mut rest) {
                out.push(f);
                out.extend(rest);
                return true;
            }
        }
    }
    false
}

/// Finds the phone numbers `normalize_phone` accepts (with `region` as the
/// default region), each with the extension that follows it, if any.
pub(super) fn scan<'a>(text: &'a str, region: &str) -> Scan<'a> {
    let mut numbers: Vec<Found> = Vec::new();
    for r in runs(text) {
        let Some(r) = trim_run(text, r) else { continue };
        if numbers.last().is_some_and(|l| l.range.end > r.start) {
            continue; // inside the previous number's extension
        }
        let mut found = Vec::new();
        if numbers_in(text, r, region, &mut found) {
            if let Some(last) = found.last_mut() {
                if let Some(m) = EXT.find(&text[last.range.end..]) {
                    last.range.end += m.end();
                    last.ext = true;
                }
            }
            numbers.extend(found);
        }
    }
    let mut gaps = Vec::with_capacity(numbers.len() + 1);
    let mut at = 0;
    for n in &numbers {
        gaps.push(&text[at..n.range.start]);
        at = n.range.end;
    }
    gaps.push(&text[at..]);
    Scan { numbers, gaps }
}

/// The label for a number given what its label said; `None` for a fax line.
/// WhatsApp beats mobile, which beats home and work; with no hint the number's
/// kind decides (a mobile is `Mobile`, anything else — landline, unified 9200…
/// or toll-free — is `Work`).
pub(super) fn label(h: &Hints, kind: PhoneKind) -> Option<PhoneLabel> {
    Some(if h.fax_only() {
        return None;
    } else if h.whatsapp {
        PhoneLabel::Whatsapp
    } else if h.mobile {
        PhoneLabel::Mobile
    } else if h.home {
        PhoneLabel::Home
    } else if h.work {
        PhoneLabel::Work
    } else if kind == PhoneKind::Mobile {
        PhoneLabel::Mobile
    } else {
        PhoneLabel::Work
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts<'a>(s: &'a Scan) -> Vec<(&'a str, bool)> {
        s.numbers.iter().map(|n| (n.text.as_str(), n.ext)).collect()
    }

    #[test]
    fn numbers_as_written() {
        let s = scan("M: +966 55 123 4567", "SA");
        assert_eq!(texts(&s), vec![("+966 55 123 4567", false)]);
        assert_eq!(s.gaps, vec!["M: ", ""]);
        let s = scan("Tel: (02) 2345 6789.", "EG");
        assert_eq!(texts(&s), vec![("(02) 2345 6789", false)]);
        let s = scan("جوال: ٠٥٥٠١٢٣٤٥٦", "SA");
        assert_eq!(texts(&s), vec![("٠٥٥٠١٢٣٤٥٦", false)]);
        let s = scan("966551234567+", "SA");
        assert_eq!(texts(&s), vec![("966551234567+", false)]);
        assert_eq!(
            scan("Mobile: 9912 3456", "KW").numbers[0].e164,
            "+96599123456"
        );
    }

    #[test]
    fn several_numbers() {
        let s = scan("Mob: 010 1234 5678 / 0122 345 6789", "EG");
        assert_eq!(
            texts(&s),
            vec![("010 1234 5678", false), ("0122 345 6789", false)]
        );
        assert_eq!(s.gaps, vec!["Mob: ", " / ", ""]);
        let s = scan("0551234567 0501234567", "SA");
        assert_eq!(
            texts(&s),
            vec![("0551234567", false), ("0501234567", false)]
        );
        let s = scan("Tel.: 013 857 1234 Fax: 013 857 1235", "SA");
        assert_eq!(s.gaps, vec!["Tel.: ", " Fax: ", ""]);
    }

    #[test]
    fn extensions() {
        let s = scan("T: 011 456 7890 Ext. 204", "SA");
        assert_eq!(texts(&s), vec![("011 456 7890", true)]);
        assert_eq!(s.gaps, vec!["T: ", ""]);
        let s = scan("هاتف: ٠١٢ ٦٦٥ ٤٣٢١ - تحويلة ١١٠", "SA");
        assert_eq!(texts(&s), vec![("٠١٢ ٦٦٥ ٤٣٢١", true)]);
        let s = scan("+966 11 477 1234 x100", "SA");
        assert_eq!(texts(&s), vec![("+966 11 477 1234", true)]);
    }

    #[test]
    fn not_phones() {
        for t in [
            "P.O. Box 5678",
            "Riyadh 11564",
            "12/03/2024 10:32",
            "CR 1010123456",
            "Floor 3, Office 1203",
        ] {
            assert!(scan(t, "SA").numbers.is_empty(), "{t}");
        }
    }

    #[test]
    fn labels() {
        let h = |f: fn(&mut Hints)| {
            let mut h = Hints::default();
            f(&mut h);
            h
        };
        use PhoneKind::*;
        assert_eq!(label(&Hints::default(), Mobile), Some(PhoneLabel::Mobile));
        assert_eq!(label(&Hints::default(), Fixed), Some(PhoneLabel::Work));
        assert_eq!(label(&Hints::default(), Other), Some(PhoneLabel::Work));
        assert_eq!(
            label(&h(|h| h.phone = true), Mobile),
            Some(PhoneLabel::Mobile)
        );
        assert_eq!(
            label(
                &h(|h| {
                    h.mobile = true;
                    h.whatsapp = true
                }),
                Mobile
            ),
            Some(PhoneLabel::Whatsapp)
        );
        assert_eq!(label(&h(|h| h.work = true), Mobile), Some(PhoneLabel::Work));
        assert_eq!(label(&h(|h| h.fax = true), Fixed), None);
        assert_eq!(
            label(
                &h(|h| {
                    h.fax = true;
                    h.phone = true
                }),
                Fixed
            ),
            Some(PhoneLabel::Work)
        );
    }
}
