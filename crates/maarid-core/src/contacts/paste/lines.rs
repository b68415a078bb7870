//! Cleaning pasted text and cutting it into lines and segments; which lines are
//! greetings, closings and disclaimers (dropped, not kept in the notes).

use std::sync::LazyLock;

use regex::Regex;

use crate::search::normalize::normalize;

/// Directional and zero-width marks that ride along with text copied from
/// WhatsApp, PDFs and right-to-left fields: LRM, RLM, ALM, embeddings and
/// overrides, isolates, ZWSP, word joiner, BOM, and emoji variation selectors.
pub(super) fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'
            | '\u{200E}'
            | '\u{200F}'
            | '\u{061C}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
            | '\u{FE0E}'
            | '\u{FE0F}'
    )
}

/// The text with invisible marks and tatweel removed, every kind of space made a
/// plain space and every line break a `\n`.
pub(super) fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            c if is_invisible(c) => {}
            // Tatweel only stretches letters («مــديــر»).
            '\u{0640}' => {}
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                }
            }
            '\u{2028}' | '\u{2029}' | '\u{0085}' => out.push('\n'),
            '\t' | '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => {
                out.push(' ')
            }
            c => out.push(c),
        }
    }
    out
}

/// The time, date and sender a WhatsApp chat export puts before each message:
/// "[10:32, 12/03/2024] Sami: ", "12/03/2024, 10:32 - Sami: ",
/// «[١٠:٣٢ م، ١٢/٣/٢٠٢٤] سامي: ».
static CHAT_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    let time = r"[0-9٠-٩]{1,2}[:.][0-9٠-٩]{2}(?::[0-9٠-٩]{2})?(?:\s?(?:[AaPp]\.?[Mm]\.?|ص|م))?";
    let date = r"[0-9٠-٩]{1,4}[/.\-][0-9٠-٩]{1,2}[/.\-][0-9٠-٩]{2,4}";
    Regex::new(&format!(
        r"^(?:\[{time}[,،]\s*{date}\]|\[{date}[,،]\s*{time}\]|{date}[,،]\s*{time}\s*-)\s*[^:]{{1,40}}:\s*"
    ))
    .expect("chat prefix regex")
});

/// One line trimmed, with runs of spaces collapsed and decoration taken off its
/// ends: list bullets, WhatsApp bold stars, box-drawing and similar noise, and the
/// prefix of a WhatsApp chat export.
pub(super) fn tidy(line: &str) -> String {
    let collapsed = line
        .split(' ')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let collapsed = CHAT_PREFIX.replace(&collapsed, "");
    let mut s = collapsed.as_ref();
    loop {
        let before = s.len();
        s = s.trim_matches(|c: char| {
            c.is_whitespace()
                || matches!(
                    c,
                    '*' | '•'
                        | '·'
                        | '▪'
                        | '►'
                        | '▶'
                        | '◦'
                        | '‣'
                        | '|'
                        | '¦'
                        | '~'
                        | '='
                        | '_'
                        | '✓'
                        | '✔'
                        | '★'
                        | '☆'
                        | '>'
                        | '»'
                        | '«'
                )
        });
        // A leading "- " or "– " bullet (not a minus before a number).
        for bullet in ["- ", "– ", "— "] {
            if let Some(rest) = s.strip_prefix(bullet) {
                s = rest;
            }
        }
        if s.len() == before {
            break;
        }
    }
    // A line of nothing but punctuation («.. ,,») is noise.
    if !s.chars().any(char::is_alphanumeric) {
        return String::new();
    }
    s.to_string()
}

/// Splits a line on the separators signatures put between fields on one line:
/// `|`, `¦`, `•`, `·`, and wide gaps of three or more spaces are not kept by
/// [`tidy`], so only the visible marks count.
pub(super) fn segments(line: &str) -> Vec<String> {
    line.split(['|', '¦', '•', '·', '‖'])
        .map(tidy)
        .filter(|s| !s.is_empty())
        .collect()
}

/// What a dropped line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Dropped {
    /// "Hi Ahmed", "السلام عليكم", "Sent from my iPhone", "Contact:" …
    Greeting,
    /// "Best regards", "مع التحية": the next line is likely the sender's name.
    Closing,
    /// The first line of a legal disclaimer: the rest of its paragraph goes too.
    Disclaimer,
}

const CLOSINGS: &[&str] = &[
    "best regards",
    "kind regards",
    "warm regards",
    "warmest regards",
    "regards",
    "best",
    "thanks",
    "thank you",
    "many thanks",
    "thanks and regards",
    "thanks & regards",
    "thanks and best regards",
    "thanks & best regards",
    "thank you and regards",
    "with thanks",
    "cheers",
    "sincerely",
    "yours sincerely",
    "sincerely yours",
    "yours faithfully",
    "yours truly",
    "respectfully",
    "best wishes",
    "with best regards",
    "with kind regards",
    "with regards",
    "br",
    "rgds",
    "thx",
    "مع التحية",
    "مع التحيه",
    "مع تحياتي",
    "تحياتي",
    "تحياتي لكم",
    "مع خالص التحية",
    "مع خالص التحيات",
    "مع أطيب التحيات",
    "مع أطيب التمنيات",
    "مع الشكر",
    "مع الشكر والتقدير",
    "مع جزيل الشكر",
    "شكرا",
    "شكرا لكم",
    "شكرا جزيلا",
    "وتقبلوا فائق الاحترام",
    "وتقبلوا فائق الاحترام والتقدير",
    "وتقبلوا تحياتي",
    "مع فائق الاحترام",
    "مع فائق الاحترام والتقدير",
    "مع الاحترام",
    "مع التقدير",
    "مع خالص الشكر",
    "بالتوفيق",
    "ودمتم بخير",
    "ودمتم",
    "دمتم بخير",
];

const GREETINGS: &[&str] = &[
    "hi",
    "hello",
    "hey",
    "good morning",
    "good afternoon",
    "good evening",
    "salam",
    "السلام عليكم",
    "وعليكم السلام",
    "مرحبا",
    "أهلا",
    "أهلا وسهلا",
    "هلا",
    "صباح الخير",
    "مساء الخير",
    "تحية طيبة",
    "تحية طيبة وبعد",
    "contact",
    "contact us",
    "contact details",
    "contact info",
    "contact information",
    "للتواصل",
    "للاستفسار",
    "للتواصل والاستفسار",
    "بيانات الاتصال",
    "معلومات الاتصال",
    "forwarded",
    "forwarded message",
    "begin forwarded message",
    "رسالة معاد توجيهها",
    "تمت إعادة التوجيه",
    "signature",
    "التوقيع",
];

const GREETING_PREFIXES: &[&str] = &[
    "sent from my",
    "sent from outlook",
    "sent from yahoo",
    "sent from mail for",
    "sent via",
    "get outlook for",
    "أرسلت من",
    "أُرسلت من",
    "تم الإرسال من",
    "مرسل من",
    "dear",
    "hi",
    "hello",
    "hey",
    "السلام عليكم",
    "عزيزي",
    "عزيزتي",
    "الأخ العزيز",
    "الأخ الكريم",
    "please consider the environment",
    "think before you print",
    "يرجى مراعاة البيئة",
    "forwarded message",
];

const DISCLAIMER_PREFIXES: &[&str] = &[
    "disclaimer",
    "confidentiality notice",
    "confidentiality",
    "confidential",
    "important notice",
    "this email and any",
    "this e-mail and any",
    "this message and any",
    "this email is confidential",
    "this e-mail is confidential",
    "this message is confidential",
    "the information contained in this",
    "the content of this email",
    "إخلاء مسؤولية",
    "إخلاء المسؤولية",
    "تنويه",
    "هذه الرسالة وما",
    "هذه الرسالة سرية",
    "هذا البريد الإلكتروني",
    "المعلومات الواردة في هذه",
];

struct Phrases {
    closings: Vec<String>,
    greetings: Vec<String>,
    greeting_prefixes: Vec<String>,
    disclaimers: Vec<String>,
}

static PHRASES: LazyLock<Phrases> = LazyLock::new(|| {
    let all = |l: &[&str]| l.iter().map(|p| normalize(p)).collect();
    Phrases {
        closings: all(CLOSINGS),
        greetings: all(GREETINGS),
        greeting_prefixes: all(GREETING_PREFIXES),
        disclaimers: all(DISCLAIMER_PREFIXES),
    }
});

/// True if `norm` starts with the words of `prefix` (whole words).
pub(super) fn starts_with_words(norm: &str, prefix: &str) -> bool {
    norm.strip_prefix(prefix)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
}

/// Whether a line is a greeting, closing or disclaimer, judged on its normalised
/// words (so «مع التحيه،» and "Best Regards," match).
pub(super) fn dropped(line: &str) -> Option<Dropped> {
    let norm = normalize(line);
    if norm.is_empty() {
        return None;
    }
    let p = &*PHRASES;
    if p.closings.contains(&norm) {
        return Some(Dropped::Closing);
    }
    if p.greetings.contains(&norm) {
        return Some(Dropped::Greeting);
    }
    if p.disclaimers.iter().any(|d| starts_with_words(&norm, d)) {
        return Some(Dropped::Disclaimer);
    }
    // "Hi Ahmed," / "Dear Sir" / "Sent from my Galaxy": short lines only, so that
    // a sentence that merely starts with "Hi" is not lost.
    if norm.split(' ').count() <= 8
        && p.greeting_prefixes
            .iter()
            .any(|g| starts_with_words(&norm, g))
    {
        return Some(Dropped::Greeting);
    }
    None
}

/// A closing followed by more on the same line ("Regards, Ahmed Al-Harbi"): the
/// rest of the line, if the part before the first comma is a closing.
pub(super) fn after_closing(line: &str) -> Option<&str> {
    let (head, rest) = line.split_once([',', '،', '-', '–'])?;
    (dropped(head) == Some(Dropped::Closing) && !rest.trim().is_empty()).then(|| rest.trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invisible_marks_are_stripped() {
        let s = clean("\u{200E}+971 50 123 4567\u{200E}\r\n\u{202B}أحمد\u{202C}\u{2067}x\u{2069}");
        assert_eq!(s, "+971 50 123 4567\nأحمدx");
        assert_eq!(clean("مــديــر\u{00A0}المبيعات"), "مدير المبيعات");
        assert_eq!(clean("a\rb"), "a\nb");
    }

    #[test]
    fn tidy_takes_decoration_off() {
        assert_eq!(tidy("  *Tariq Jaber*  "), "Tariq Jaber");
        assert_eq!(tidy("- Sales   Manager"), "Sales Manager");
        assert_eq!(tidy("|| ~~ .."), "");
        assert_eq!(tidy("-0551234567"), "-0551234567");
        assert_eq!(tidy("[10:32, 12/03/2024] Sami: 0551234567"), "0551234567");
        assert_eq!(tidy("12/03/2024, 10:32 - Sami Ali: خالد"), "خالد");
        assert_eq!(tidy("[١٠:٣٢ م، ١٢/٣/٢٠٢٤] سامي: مرحبا"), "مرحبا");
        assert_eq!(tidy("Tel: 10:30 to 18:00"), "Tel: 10:30 to 18:00");
    }

    #[test]
    fn segments_split_on_bars_and_bullets() {
        assert_eq!(
            segments("Sales Manager | Al Jazirah Motors"),
            vec!["Sales Manager", "Al Jazirah Motors"]
        );
        assert_eq!(segments("a • b · c"), vec!["a", "b", "c"]);
    }

    #[test]
    fn greetings_and_closings() {
        assert_eq!(dropped("Best Regards,"), Some(Dropped::Closing));
        assert_eq!(dropped("مع التحيه،"), Some(Dropped::Closing));
        assert_eq!(dropped("Thanks & Regards"), Some(Dropped::Closing));
        assert_eq!(dropped("Sent from my iPhone"), Some(Dropped::Greeting));
        assert_eq!(dropped("Hi Mohammed,"), Some(Dropped::Greeting));
        assert_eq!(
            dropped("السلام عليكم ورحمة الله وبركاته"),
            Some(Dropped::Greeting)
        );
        assert_eq!(
            dropped("DISCLAIMER: This e-mail is confidential"),
            Some(Dropped::Disclaimer)
        );
        assert_eq!(dropped("Ahmed Al-Harbi"), None);
        assert_eq!(dropped("Best Motors Trading"), None);
        assert_eq!(after_closing("Regards, Ahmed"), Some("Ahmed"));
        assert_eq!(after_closing("Riyadh, Saudi Arabia"), None);
    }
}
