//! Field labels: "M:", "Tel.", «جوال:», "E-mail", «سناب», "📞"… What a label says
//! is a set of hints; the value next to it decides in the end (a "W:" before a
//! URL is a website, before a number it is a work phone).

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::search::normalize::normalize;

use super::social::Network;

/// What a label says about the value next to it. Several may be set ("Tel/Fax",
/// "Mobile / WhatsApp", «جوال Mobile»).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Hints {
    pub mobile: bool,
    pub whatsapp: bool,
    pub work: bool,
    pub home: bool,
    /// "Tel", "Phone", «هاتف»: a phone of no particular kind.
    pub phone: bool,
    pub fax: bool,
    pub ext: bool,
    pub email: bool,
    pub web: bool,
    pub address: bool,
    pub postal: bool,
    pub city: bool,
    pub country: bool,
    pub name: bool,
    pub company: bool,
    pub title: bool,
    /// Registration, tax and similar numbers: kept in the notes as they are.
    pub keep: bool,
    pub note: bool,
    pub networks: Vec<Network>,
}

impl Hints {
    pub fn any_phone(&self) -> bool {
        self.mobile || self.whatsapp || self.work || self.home || self.phone || self.fax
    }

    pub fn is_empty(&self) -> bool {
        *self == Hints::default()
    }

    /// Fax and nothing that makes it a voice line too.
    pub fn fax_only(&self) -> bool {
        self.fax && !(self.mobile || self.whatsapp || self.work || self.home || self.phone)
    }

    pub fn merge(&mut self, o: &Hints) {
        self.mobile |= o.mobile;
        self.whatsapp |= o.whatsapp;
        self.work |= o.work;
        self.home |= o.home;
        self.phone |= o.phone;
        self.fax |= o.fax;
        self.ext |= o.ext;
        self.email |= o.email;
        self.web |= o.web;
        self.address |= o.address;
        self.postal |= o.postal;
        self.city |= o.city;
        self.country |= o.country;
        self.name |= o.name;
        self.company |= o.company;
        self.title |= o.title;
        self.keep |= o.keep;
        self.note |= o.note;
        for n in &o.networks {
            if !self.networks.contains(n) {
                self.networks.push(*n);
            }
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tag {
    Mobile,
    Whatsapp,
    Work,
    Home,
    Phone,
    Fax,
    Ext,
    Email,
    Web,
    Address,
    Postal,
    City,
    Country,
    Name,
    Company,
    Title,
    Keep,
    Note,
    Net(Network),
    /// "No.", "Number", «رقم»: allowed in a label, says nothing.
    Filler,
}

/// Label words and phrases as people write them; normalised once on first use.
const VOCABULARY: &[(&str, Tag)] = {
    use Network::*;
    use Tag::*;
    &[
        // Mobile
        ("m", Mobile),
        ("mob", Mobile),
        ("mobile", Mobile),
        ("mobil", Mobile),
        ("cell", Mobile),
        ("cellular", Mobile),
        ("cellphone", Mobile),
        ("cell phone", Mobile),
        ("gsm", Mobile),
        ("hp", Mobile),
        ("handphone", Mobile),
        ("iphone", Mobile),
        ("جوال", Mobile),
        ("الجوال", Mobile),
        ("جوالي", Mobile),
        ("ج", Mobile),
        ("موبايل", Mobile),
        ("الموبايل", Mobile),
        ("موب", Mobile),
        ("محمول", Mobile),
        ("المحمول", Mobile),
        ("نقال", Mobile),
        ("النقال", Mobile),
        ("خلوي", Mobile),
        ("الخلوي", Mobile),
        ("متحرك", Mobile),
        ("المتحرك", Mobile),
        // WhatsApp
        ("whatsapp", Whatsapp),
        ("whats app", Whatsapp),
        ("whats", Whatsapp),
        ("wa", Whatsapp),
        ("wapp", Whatsapp),
        ("واتساب", Whatsapp),
        ("الواتساب", Whatsapp),
        ("واتس اب", Whatsapp),
        ("واتس آب", Whatsapp),
        ("واتس", Whatsapp),
        ("الواتس", Whatsapp),
        ("وتساب", Whatsapp),
        ("واتسب", Whatsapp),
        // Work
        ("work", Work),
        ("office", Work),
        ("off", Work),
        ("o", Work),
        ("direct", Work),
        ("direct line", Work),
        ("d", Work),
        ("did", Work),
        ("landline", Work),
        ("switchboard", Work),
        ("board", Work),
        ("main", Work),
        ("unified", Work),
        ("unified number", Work),
        ("toll free", Work),
        ("hotline", Work),
        ("business", Work),
        ("مكتب", Work),
        ("المكتب", Work),
        ("العمل", Work),
        ("عمل", Work),
        ("ثابت", Work),
        ("الثابت", Work),
        ("أرضي", Work),
        ("الأرضي", Work),
        ("بدالة", Work),
        ("البدالة", Work),
        ("مقسم", Work),
        ("المقسم", Work),
        ("موحد", Work),
        ("الموحد", Work),
        ("الرقم الموحد", Work),
        ("مباشر", Work),
        ("المباشر", Work),
        // Home
        ("home", Home),
        ("h", Home),
        ("residence", Home),
        ("منزل", Home),
        ("المنزل", Home),
        ("البيت", Home),
        ("بيت", Home),
        // A phone of no particular kind
        ("t", Phone),
        ("tel", Phone),
        ("tele", Phone),
        ("telephone", Phone),
        ("phone", Phone),
        ("ph", Phone),
        ("p", Phone),
        ("call", Phone),
        ("voice", Phone),
        ("هاتف", Phone),
        ("الهاتف", Phone),
        ("هـ", Phone),
        ("ت", Phone),
        ("تلفون", Phone),
        ("التلفون", Phone),
        ("تليفون", Phone),
        ("التليفون", Phone),
        ("اتصال", Phone),
        ("للاتصال", Phone),
        // Fax
        ("f", Fax),
        ("fax", Fax),
        ("facsimile", Fax),
        ("telefax", Fax),
        ("فاكس", Fax),
        ("الفاكس", Fax),
        ("ف", Fax),
        // Extension
        ("ext", Ext),
        ("extn", Ext),
        ("extension", Ext),
        ("تحويلة", Ext),
        ("داخلي", Ext),
        ("فرعي", Ext),
        // Email
        ("e", Email),
        ("email", Email),
        ("e mail", Email),
        ("mail", Email),
        ("email address", Email),
        ("بريد", Email),
        ("البريد", Email),
        ("بريد إلكتروني", Email),
        ("البريد الإلكتروني", Email),
        ("الإيميل", Email),
        ("إيميل", Email),
        ("ايميل", Email),
        ("ميل", Email),
        // Web
        ("w", Web),
        ("web", Web),
        ("website", Web),
        ("web site", Web),
        ("site", Web),
        ("url", Web),
        ("homepage", Web),
        ("www", Web),
        ("موقع", Web),
        ("الموقع", Web),
        ("موقعنا", Web),
        ("الموقع الإلكتروني", Web),
        ("موقع إلكتروني", Web),
        // Address
        ("a", Address),
        ("add", Address),
        ("addr", Address),
        ("address", Address),
        ("location", Address),
        ("loc", Address),
        ("showroom", Address),
        ("branch", Address),
        ("head office", Address),
        ("hq", Address),
        ("عنوان", Address),
        ("العنوان", Address),
        ("عنواننا", Address),
        ("المقر", Address),
        ("الفرع", Address),
        ("فرع", Address),
        ("معرضنا", Address),
        ("zip", Postal),
        ("zip code", Postal),
        ("postal code", Postal),
        ("post code", Postal),
        ("postcode", Postal),
        ("الرمز البريدي", Postal),
        ("رمز بريدي", Postal),
        ("city", City),
        ("المدينة", City),
        ("مدينة", City),
        ("country", Country),
        ("الدولة", Country),
        ("دولة", Country),
        ("البلد", Country),
        // Who
        ("name", Name),
        ("full name", Name),
        ("contact name", Name),
        ("contact person", Name),
        ("customer", Name),
        ("client", Name),
        ("الاسم", Name),
        ("اسم", Name),
        ("الاسم الكامل", Name),
        ("العميل", Name),
        ("company", Company),
        ("company name", Company),
        ("organization", Company),
        ("organisation", Company),
        ("employer", Company),
        ("firm", Company),
        ("الشركة", Company),
        ("اسم الشركة", Company),
        ("المؤسسة", Company),
        ("جهة العمل", Company),
        ("المعرض", Company),
        ("title", Title),
        ("job title", Title),
        ("position", Title),
        ("designation", Title),
        ("role", Title),
        ("occupation", Title),
        ("المسمى", Title),
        ("المسمى الوظيفي", Title),
        ("الوظيفة", Title),
        ("المنصب", Title),
        // Registration numbers: kept as they are
        ("cr", Keep),
        ("c r", Keep),
        ("cr no", Keep),
        ("vat", Keep),
        ("vat no", Keep),
        ("trn", Keep),
        ("tax", Keep),
        ("tax id", Keep),
        ("license", Keep),
        ("licence", Keep),
        ("س ت", Keep),
        ("سجل تجاري", Keep),
        ("السجل التجاري", Keep),
        ("الرقم الضريبي", Keep),
        ("رقم ضريبي", Keep),
        ("الرقم الضريبى", Keep),
        ("note", Note),
        ("notes", Note),
        ("remark", Note),
        ("remarks", Note),
        ("ملاحظة", Note),
        ("ملاحظات", Note),
        // Social networks
        ("instagram", Net(Instagram)),
        ("insta", Net(Instagram)),
        ("ig", Net(Instagram)),
        ("انستقرام", Net(Instagram)),
        ("انستغرام", Net(Instagram)),
        ("انستجرام", Net(Instagram)),
        ("إنستغرام", Net(Instagram)),
        ("إنستقرام", Net(Instagram)),
        ("انستا", Net(Instagram)),
        ("الانستقرام", Net(Instagram)),
        ("snapchat", Net(Snapchat)),
        ("snap", Net(Snapchat)),
        ("sc", Net(Snapchat)),
        ("سناب", Net(Snapchat)),
        ("سناب شات", Net(Snapchat)),
        ("سنابشات", Net(Snapchat)),
        ("السناب", Net(Snapchat)),
        ("twitter", Net(X)),
        ("x", Net(X)),
        ("تويتر", Net(X)),
        ("اكس", Net(X)),
        ("إكس", Net(X)),
        ("facebook", Net(Facebook)),
        ("fb", Net(Facebook)),
        ("فيسبوك", Net(Facebook)),
        ("فيس بوك", Net(Facebook)),
        ("الفيس", Net(Facebook)),
        ("linkedin", Net(Linkedin)),
        ("linked in", Net(Linkedin)),
        ("لينكدإن", Net(Linkedin)),
        ("لينكد إن", Net(Linkedin)),
        ("لينكدان", Net(Linkedin)),
        ("tiktok", Net(Tiktok)),
        ("tik tok", Net(Tiktok)),
        ("تيك توك", Net(Tiktok)),
        ("تيكتوك", Net(Tiktok)),
        ("telegram", Net(Telegram)),
        ("tg", Net(Telegram)),
        ("تلغرام", Net(Telegram)),
        ("تليجرام", Net(Telegram)),
        ("تيليجرام", Net(Telegram)),
        ("تلجرام", Net(Telegram)),
        ("youtube", Net(Youtube)),
        ("yt", Net(Youtube)),
        ("يوتيوب", Net(Youtube)),
        // Filler
        ("no", Filler),
        ("nr", Filler),
        ("num", Filler),
        ("number", Filler),
        ("#", Filler),
        ("رقم", Filler),
        ("الرقم", Filler),
        ("app", Filler),
        ("اب", Filler),
        ("id", Filler),
        ("handle", Filler),
        ("account", Filler),
        ("حساب", Filler),
        ("page", Filler),
        ("صفحة", Filler),
        ("line", Filler),
        ("and", Filler),
        ("و", Filler),
        ("us", Filler),
        ("on", Filler),
        ("علي", Filler),
        ("only", Filler),
        ("فقط", Filler),
    ]
};

/// Emoji used as labels in signatures.
const EMOJI: &[(char, Tag)] = &[
    ('📱', Tag::Mobile),
    ('📲', Tag::Mobile),
    ('📞', Tag::Phone),
    ('☎', Tag::Phone),
    ('📠', Tag::Fax),
    ('📧', Tag::Email),
    ('✉', Tag::Email),
    ('📩', Tag::Email),
    ('🌐', Tag::Web),
    ('🔗', Tag::Web),
    ('📍', Tag::Address),
    ('🏢', Tag::Address),
    ('🏬', Tag::Address),
    ('📌', Tag::Address),
];

/// Longest label phrase, in words.
const MAX_PHRASE: usize = 3;

static WORDS: LazyLock<HashMap<String, Tag>> = LazyLock::new(|| {
    VOCABULARY
        .iter()
        .map(|&(w, t)| (normalize(w), t))
        .chain([("#".to_string(), Tag::Filler)])
        .collect()
});

fn apply(h: &mut Hints, t: Tag) {
    match t {
        Tag::Mobile => h.mobile = true,
        Tag::Whatsapp => h.whatsapp = true,
        Tag::Work => h.work = true,
        Tag::Home => h.home = true,
        Tag::Phone => h.phone = true,
        Tag::Fax => h.fax = true,
        Tag::Ext => h.ext = true,
        Tag::Email => h.email = true,
        Tag::Web => h.web = true,
        Tag::Address => h.address = true,
        Tag::Postal => h.postal = true,
        Tag::City => h.city = true,
        Tag::Country => h.country = true,
        Tag::Name => h.name = true,
        Tag::Company => h.company = true,
        Tag::Title => h.title = true,
        Tag::Keep => h.keep = true,
        Tag::Note => h.note = true,
        Tag::Net(n) => {
            if !h.networks.contains(&n) {
                h.networks.push(n)
            }
        }
        Tag::Filler => {}
    }
}

/// The hints of a label text if every word of it is label vocabulary (phrases of
/// up to three words are tried longest first); `None` otherwise, and for a label
/// of filler words only. "Mobile / WhatsApp" → mobile + whatsapp; «هاتف المكتب»
/// → phone + work; "Ahmed" → `None`.
pub(super) fn hints(label: &str) -> Option<Hints> {
    let mut h = Hints::default();
    let mut plain = String::new();
    for c in label.chars() {
        match EMOJI.iter().find(|(e, _)| *e == c) {
            Some(&(_, t)) => {
                apply(&mut h, t);
                plain.push(' ');
            }
            None => plain.push(c),
        }
    }
    let norm = normalize(&plain);
    let words: Vec<&str> = norm.split(' ').filter(|w| !w.is_empty()).collect();
    let mut i = 0;
    while i < words.len() {
        let found = (1..=MAX_PHRASE.min(words.len() - i))
            .rev()
            .find_map(|n| WORDS.get(&words[i..i + n].join(" ")).map(|&t| (n, t)));
        let (n, t) = found?;
        apply(&mut h, t);
        i += n;
    }
    // Emoji and symbols only (no words) still count when an emoji said something.
    (!h.is_empty()).then_some(h)
}

/// Splits "Label: value" (also "Label.: value", "Label - value", «القيمة :التسمية»
/// is not handled here) into the label's hints and the value. Without a colon the
/// label must be followed by something that fits it: a number for phone labels,
/// an `@` for email, a URL for web, a handle for a network.
pub(super) fn split(seg: &str) -> Option<(Hints, &str)> {
    // Emoji label: "📞 055…", "📍 Riyadh".
    if let Some(first) = seg.chars().next() {
        if let Some(&(_, t)) = EMOJI.iter().find(|(e, _)| *e == first) {
            let mut h = Hints::default();
            apply(&mut h, t);
            let rest = seg[first.len_utf8()..].trim_start_matches([' ', ':', '-']);
            return (!rest.is_empty()).then_some((h, rest));
        }
    }
    // "Label:" (ASCII, full-width or Arabic-looking colon) within the first 40 chars.
    if let Some((pos, c)) = seg
        .char_indices()
        .take(40)
        .find(|&(_, c)| matches!(c, ':' | '：' | '﹕'))
    {
        let label = &seg[..pos];
        let value = seg[pos + c.len_utf8()..].trim_start_matches([' ', ':', '-', '.']);
        // "https://…" is not a label.
        if !value.starts_with("//") && !label.trim().is_empty() {
            if let Some(h) = hints(label) {
                return (!value.trim().is_empty()).then_some((h, value.trim()));
            }
        }
    }
    // "Label value" without a colon: try the first one to three words.
    let words: Vec<(usize, &str)> = word_spans(seg);
    for n in (1..=MAX_PHRASE.min(words.len().saturating_sub(1))).rev() {
        let end = words[n - 1].0 + words[n - 1].1.len();
        let label = &seg[..end];
        let value = seg[end..]
            .trim_start_matches([' ', '.', '-', '–', '/'])
            .trim();
        if value.is_empty() {
            continue;
        }
        let Some(h) = hints(label) else { continue };
        if fits(&h, value) {
            return Some((h, value));
        }
    }
    None
}

fn word_spans(s: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        if c == ' ' {
            if let Some(st) = start.take() {
                out.push((st, &s[st..i]));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(st) = start {
        out.push((st, &s[st..]));
    }
    out
}

/// Whether a value fits a label that was written without a colon.
fn fits(h: &Hints, value: &str) -> bool {
    let first = value.chars().next().unwrap_or(' ');
    let numeric = first == '+'
        || first == '('
        || crate::search::normalize::digits(&first.to_string()).len() == 1;
    (h.any_phone() && numeric)
        || (h.email && value.contains('@'))
        || (h.web && (value.starts_with("www.") || value.contains("://")))
        || (!h.networks.is_empty() && (first == '@' || value.contains(".com/")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn label_words() {
        let h = hints("Mobile / WhatsApp").unwrap();
        assert!(h.mobile && h.whatsapp && !h.work);
        let h = hints("هاتف المكتب").unwrap();
        assert!(h.phone && h.work);
        let h = hints("Tel./Fax").unwrap();
        assert!(h.phone && h.fax && !h.fax_only());
        assert!(hints("Fax No.").unwrap().fax_only());
        assert!(hints("Ahmed").is_none());
        assert!(hints("Sales Manager").is_none());
        assert!(hints("رقم").is_none());
        let h = hints("Snap/IG").unwrap();
        assert_eq!(h.networks, vec![Network::Snapchat, Network::Instagram]);
        assert!(hints("📱").unwrap().mobile);
    }

    #[test]
    fn split_labels() {
        let (h, v) = split("M: +966 55 123 4567").unwrap();
        assert!(h.mobile);
        assert_eq!(v, "+966 55 123 4567");
        let (h, v) = split("جوال :٠٥٥٠١٢٣٤٥٦").unwrap();
        assert!(h.mobile);
        assert_eq!(v, "٠٥٥٠١٢٣٤٥٦");
        let (h, v) = split("Tel +973 1753 1234").unwrap();
        assert!(h.phone);
        assert_eq!(v, "+973 1753 1234");
        let (h, v) = split("Mob.: 0555 012 345").unwrap();
        assert!(h.mobile);
        assert_eq!(v, "0555 012 345");
        let (h, v) = split("📍 Al Malqa, Riyadh").unwrap();
        assert!(h.address);
        assert_eq!(v, "Al Malqa, Riyadh");
        assert!(split("https://x.com/a").is_none());
        assert!(split("Sales Manager").is_none());
        assert!(split("Mobile phone repairs").is_none());
    }
}
