//! People's names (honorifics off, script told apart), job titles and company
//! names, recognised by their words.

use std::collections::HashSet;
use std::sync::LazyLock;

use crate::search::normalize::{has_arabic, normalize};

/// Honorifics and credentials: dropped from names. Single letters (م. د. أ.) are
/// the Arabic abbreviations of engineer, doctor and «أستاذ».
const HONORIFICS: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "mister",
    "dr",
    "doctor",
    "eng",
    "engr",
    "engineer",
    "prof",
    "professor",
    "sheikh",
    "shaikh",
    "sh",
    "capt",
    "captain",
    "he",
    "hh",
    "sir",
    "madam",
    "haj",
    "hajj",
    "م",
    "د",
    "أ",
    "ا",
    "أستاذ",
    "الأستاذ",
    "أستاذة",
    "الأستاذة",
    "دكتور",
    "الدكتور",
    "دكتورة",
    "الدكتورة",
    "مهندس",
    "المهندس",
    "مهندسة",
    "المهندسة",
    "السيد",
    "السيدة",
    "الشيخ",
    "شيخ",
    "الشيخة",
    "سعادة",
    "معالي",
    "سمو",
    "الحاج",
    "حاج",
    "الحاجة",
    "الأخ",
    "الأخت",
    "السادة",
];

const CREDENTIALS: &[&str] = &[
    "phd", "ph d", "mba", "cpa", "pmp", "cfa", "msc", "bsc", "ma", "ba", "peng", "p eng", "cma",
    "acca", "frcs",
];

/// Words that make a line a job title.
const TITLE_WORDS: &[&str] = &[
    "manager",
    "mgr",
    "sales",
    "salesman",
    "salesperson",
    "saleswoman",
    "consultant",
    "director",
    "ceo",
    "cfo",
    "coo",
    "cto",
    "cmo",
    "chairman",
    "chairwoman",
    "president",
    "vp",
    "owner",
    "founder",
    "co founder",
    "partner",
    "executive",
    "officer",
    "supervisor",
    "head",
    "advisor",
    "adviser",
    "representative",
    "rep",
    "specialist",
    "coordinator",
    "accountant",
    "engineer",
    "assistant",
    "agent",
    "marketing",
    "purchasing",
    "procurement",
    "administrator",
    "admin",
    "secretary",
    "receptionist",
    "cashier",
    "leader",
    "gm",
    "analyst",
    "designer",
    "architect",
    "chief",
    "deputy",
    "associate",
    "intern",
    "technician",
    "estimator",
    "buyer",
    "controller",
    "مدير",
    "مديرة",
    "المدير",
    "المديرة",
    "مندوب",
    "مندوبة",
    "مستشار",
    "مستشارة",
    "مسؤول",
    "مسؤولة",
    "مسئول",
    "مسئولة",
    "محاسب",
    "محاسبة",
    "رئيس",
    "الرئيس",
    "نائب",
    "مشرف",
    "مشرفة",
    "منسق",
    "منسقة",
    "أخصائي",
    "أخصائية",
    "موظف",
    "موظفة",
    "سكرتير",
    "سكرتيرة",
    "المؤسس",
    "مؤسس",
    "شريك",
    "الشريك",
    "ممثل",
    "ممثلة",
    "بائع",
    "بائعة",
    "كاشير",
    "مبيعات",
    "المبيعات",
    "تسويق",
    "التسويق",
    "التنفيذي",
    "التنفيذية",
    "مشتريات",
    "المشتريات",
    "صاحب",
    "مساعد مدير",
    "خدمة العملاء",
    "علاقات العملاء",
];

/// Words that may stand in a title next to the words above ("Head of Sales",
/// «مدير المبيعات والتسويق»), used to cut a title off a company on one line.
const TITLE_FILLERS: &[&str] = &[
    "of",
    "and",
    "the",
    "senior",
    "sr",
    "junior",
    "jr",
    "general",
    "regional",
    "area",
    "branch",
    "account",
    "key",
    "fleet",
    "corporate",
    "showroom",
    "customer",
    "relations",
    "service",
    "services",
    "department",
    "dept",
    "division",
    "team",
    "used",
    "new",
    "cars",
    "car",
    "business",
    "development",
    "operations",
    "finance",
    "hr",
    "it",
    "retail",
    "wholesale",
    "العام",
    "العامة",
    "أول",
    "اول",
    "أولى",
    "قسم",
    "إدارة",
    "ادارة",
    "الفرع",
    "فرع",
    "المعرض",
    "و",
    "العملاء",
    "خدمة",
    "علاقات",
    "الشركات",
    "أسطول",
    "الأساطيل",
    "التجزئة",
    "الجملة",
];

/// Words that make a line a company name.
const COMPANY_WORDS: &[&str] = &[
    "motors",
    "motor",
    "auto",
    "autos",
    "automotive",
    "automobile",
    "automobiles",
    "cars",
    "trading",
    "trade",
    "est",
    "establishment",
    "company",
    "corp",
    "corporation",
    "llc",
    "l l c",
    "w l l",
    "wll",
    "ltd",
    "limited",
    "group",
    "holding",
    "holdings",
    "inc",
    "furniture",
    "furnishings",
    "furnishing",
    "electronics",
    "appliances",
    "enterprises",
    "industries",
    "agencies",
    "agency",
    "fze",
    "fzco",
    "fz llc",
    "s a e",
    "sae",
    "pjsc",
    "jsc",
    "sons",
    "bros",
    "brothers",
    "gallery",
    "showrooms",
    "dealership",
    "international",
    "spare parts",
    "معرض",
    "معارض",
    "مؤسسة",
    "شركة",
    "للسيارات",
    "سيارات",
    "للأثاث",
    "أثاث",
    "للأجهزة",
    "للتجارة",
    "التجارية",
    "تجارية",
    "مجموعة",
    "وكالة",
    "وكالات",
    "ذ م م",
    "ش م م",
    "ش ذ م م",
    "ش م ك",
    "ش م ب",
    "ش م ع",
    "ش م ل",
    "المحدودة",
    "القابضة",
    "للمفروشات",
    "مفروشات",
    "للإلكترونيات",
    "إلكترونيات",
    "مصنع",
    "محلات",
    "وأولاده",
    "وشركاه",
    "موتورز",
    "أوتو",
    "للمقاولات",
    "للاستيراد",
    "للتسويق",
    "للتجارة والمقاولات",
];

/// Car and appliance brands: a line with one of these and another word is a
/// company ("Al-Futtaim Toyota"); the brand alone is a logo, not a company.
const BRANDS: &[&str] = &[
    "toyota",
    "lexus",
    "nissan",
    "infiniti",
    "hyundai",
    "kia",
    "genesis",
    "honda",
    "mazda",
    "mitsubishi",
    "suzuki",
    "isuzu",
    "subaru",
    "ford",
    "chevrolet",
    "gmc",
    "cadillac",
    "dodge",
    "jeep",
    "chrysler",
    "lincoln",
    "bmw",
    "mercedes",
    "mercedes benz",
    "audi",
    "volkswagen",
    "porsche",
    "volvo",
    "peugeot",
    "renault",
    "land rover",
    "range rover",
    "jaguar",
    "bentley",
    "rolls royce",
    "ferrari",
    "lamborghini",
    "maserati",
    "mg",
    "geely",
    "chery",
    "changan",
    "haval",
    "byd",
    "jetour",
    "gac",
    "hongqi",
    "tesla",
    "ikea",
    "samsung",
    "lg",
    "sony",
    "تويوتا",
    "لكزس",
    "نيسان",
    "هيونداي",
    "كيا",
    "هوندا",
    "مازدا",
    "ميتسوبيشي",
    "فورد",
    "شفروليه",
    "جي إم سي",
    "مرسيدس",
    "بي إم دبليو",
    "أودي",
    "لاند روفر",
    "جيلي",
    "شيري",
    "شانجان",
    "هافال",
    "سامسونج",
    "إل جي",
];

/// Car models: a brand followed by one of these is a car, not a company
/// ("Toyota Camry").
const MODELS: &[&str] = &[
    "camry",
    "corolla",
    "yaris",
    "land cruiser",
    "prado",
    "hilux",
    "fortuner",
    "rav4",
    "avalon",
    "accent",
    "elantra",
    "sonata",
    "tucson",
    "santa fe",
    "creta",
    "azera",
    "sunny",
    "altima",
    "patrol",
    "x trail",
    "kicks",
    "maxima",
    "pathfinder",
    "accord",
    "civic",
    "cr v",
    "pilot",
    "tahoe",
    "yukon",
    "suburban",
    "silverado",
    "sierra",
    "malibu",
    "caprice",
    "explorer",
    "expedition",
    "mustang",
    "taurus",
    "f 150",
    "cerato",
    "k5",
    "sportage",
    "sorento",
    "carnival",
    "pegas",
    "picanto",
    "rio",
    "cx 5",
    "cx 9",
    "mazda6",
    "lx",
    "es",
    "gx",
    "rx",
    "ls",
    "كامري",
    "كورولا",
    "يارس",
    "لاندكروزر",
    "برادو",
    "هايلكس",
    "النترا",
    "سوناتا",
    "توسان",
    "اكسنت",
    "صني",
    "باترول",
    "التيما",
    "اكورد",
    "سيفيك",
    "تاهو",
    "يوكن",
];

/// Words that never stand in a person's name: they make a line a tagline or a
/// sentence, which goes to the notes.
const NOT_NAME: &[&str] = &[
    "authorized",
    "authorised",
    "official",
    "dealer",
    "distributor",
    "distributors",
    "exclusive",
    "importer",
    "service",
    "services",
    "center",
    "centre",
    "since",
    "your",
    "our",
    "we",
    "best",
    "quality",
    "for",
    "the",
    "and",
    "of",
    "with",
    "to",
    "in",
    "at",
    "on",
    "by",
    "from",
    "is",
    "are",
    "please",
    "call",
    "contact",
    "visit",
    "follow",
    "us",
    "branch",
    "branches",
    "showroom",
    "head",
    "office",
    "department",
    "dept",
    "team",
    "customer",
    "support",
    "new",
    "used",
    "spare",
    "parts",
    "welcome",
    "thank",
    "thanks",
    "regards",
    "attached",
    "find",
    // Not «على»: folded it is «علي», the name Ali.
    "في",
    "من",
    "إلى",
    "الى",
    "عن",
    "مع",
    "هذا",
    "هذه",
    "ذلك",
    "التي",
    "الذي",
    "تم",
    "يتم",
    "لدينا",
    "نحن",
    "جميع",
    "أفضل",
    "خدمة",
    "خدمات",
    "الوكيل",
    "المعتمد",
    "وكيل",
    "معتمد",
    "رقم",
    "يرجى",
    "نرجو",
    "التواصل",
    "للتواصل",
    "فرع",
    "فروع",
    "الفرع",
    "قسم",
    "مركز",
    "صيانة",
    "قطع",
    "غيار",
    "شكرا",
    "أهلا",
    "مرحبا",
    "عرض",
    "عروض",
    "سعر",
    "أسعار",
    "مرفق",
];

/// Particles allowed in lower case inside a Latin name ("Khalid bin Saleh").
const PARTICLES: &[&str] = &[
    "al", "el", "bin", "bint", "ibn", "abu", "bu", "ben", "de", "da", "van", "von", "der", "la",
    "le", "du", "ould",
];

struct Vocab {
    honorifics: HashSet<String>,
    credentials: HashSet<String>,
    titles: Vec<String>,
    title_fillers: HashSet<String>,
    companies: Vec<String>,
    brands: Vec<String>,
    models: Vec<String>,
    not_name: HashSet<String>,
}

static VOCAB: LazyLock<Vocab> = LazyLock::new(|| {
    let set = |l: &[&str]| l.iter().map(|w| normalize(w)).collect::<HashSet<_>>();
    let list = |l: &[&str]| l.iter().map(|w| normalize(w)).collect::<Vec<_>>();
    Vocab {
        honorifics: set(HONORIFICS),
        credentials: set(CREDENTIALS),
        titles: list(TITLE_WORDS),
        title_fillers: set(TITLE_FILLERS),
        companies: list(COMPANY_WORDS),
        brands: list(BRANDS),
        models: list(MODELS),
        not_name: set(NOT_NAME),
    }
});

/// True if the normalised text holds the normalised phrase as whole words.
pub(super) fn has_phrase(norm: &str, phrase: &str) -> bool {
    norm.match_indices(phrase).any(|(i, _)| {
        let before = norm[..i].chars().next_back();
        let after = norm[i + phrase.len()..].chars().next();
        before.is_none_or(|c| c == ' ') && after.is_none_or(|c| c == ' ')
    })
}

fn any_phrase(norm: &str, phrases: &[String]) -> bool {
    phrases.iter().any(|p| has_phrase(norm, p))
}

/// A normalised word of a title, allowing the Arabic «و» (and) glued in front.
fn title_word(w: &str) -> bool {
    let v = &*VOCAB;
    let one = |w: &str| v.titles.iter().any(|t| t == w) || v.title_fillers.contains(w);
    one(w) || w.strip_prefix('و').is_some_and(|r| !r.is_empty() && one(r))
}

pub(super) fn is_title(text: &str) -> bool {
    any_phrase(&normalize(text), &VOCAB.titles)
}

/// A company: a company word, or a brand next to other words. "Co" counts only
/// at the end ("El Araby Electronics Co.") or before Ltd/LLC.
pub(super) fn is_company(text: &str) -> bool {
    let norm = normalize(text);
    if any_phrase(&norm, &VOCAB.companies) {
        return true;
    }
    let words: Vec<&str> = norm.split(' ').collect();
    if let Some(i) = words.iter().position(|w| *w == "co") {
        let next = words.get(i + 1).copied();
        if i > 0 && matches!(next, None | Some("ltd" | "llc" | "w" | "l" | "inc")) {
            return true;
        }
    }
    // A brand with other words: a dealer ("Al-Futtaim Toyota"), unless the line
    // has digits or a model name (a car: "Toyota Camry 2024").
    words.len() > 1
        && any_phrase(&norm, &VOCAB.brands)
        && !norm.chars().any(|c| c.is_ascii_digit())
        && !any_phrase(&norm, &VOCAB.models)
}

/// Nothing but a brand ("HYUNDAI"): a logo on a card.
pub(super) fn is_brand_only(text: &str) -> bool {
    let norm = normalize(text);
    VOCAB.brands.contains(&norm)
}

/// A line holding a title then a company with no separator («مدير معرض
/// الإسكندرية للأثاث», "Sales Manager Al Jazirah Motors"), or a company then a
/// title: the two parts, title first. `None` if it cannot be cut cleanly.
pub(super) fn split_title_company(text: &str) -> Option<(String, String)> {
    let words: Vec<&str> = text.split(' ').filter(|w| !w.is_empty()).collect();
    let is_t = |w: &str| title_word(&normalize(w));
    let lead = words.iter().take_while(|w| is_t(w)).count();
    if lead > 0 && lead < words.len() {
        let (t, c) = (words[..lead].join(" "), words[lead..].join(" "));
        if is_title(&t) && is_company(&c) && !is_title(&c) {
            return Some((t, c));
        }
    }
    let trail = words.iter().rev().take_while(|w| is_t(w)).count();
    if trail > 0 && trail < words.len() {
        let cut = words.len() - trail;
        let (c, t) = (words[..cut].join(" "), words[cut..].join(" "));
        if is_title(&t) && is_company(&c) && !is_title(&c) {
            return Some((t, c));
        }
    }
    None
}

/// A name without its honorifics and credentials, and whether any was removed.
/// "م/خالد" and "د.ناصر" (no space after the abbreviation) are handled.
pub(super) fn strip_honorifics(name: &str) -> (String, bool) {
    let v = &*VOCAB;
    let key = |w: &str| normalize(w).replace(' ', "");
    let mut words: Vec<String> = Vec::new();
    for w in name.split(' ').filter(|w| !w.is_empty()) {
        // "م/خالد", "د.ناصر", "Dr.Rashid": split after an abbreviation.
        match w.split_once(['.', '/']) {
            Some((head, tail))
                if !tail.is_empty()
                    && v.honorifics.contains(&key(head))
                    && !tail.contains(['.', '/']) =>
            {
                words.push(format!("{head}."));
                words.push(tail.to_string());
            }
            _ => words.push(w.to_string()),
        }
    }
    let mut stripped = false;
    let mut start = 0;
    while start + 1 < words.len() && v.honorifics.contains(&key(&words[start])) {
        // A lone Latin letter is an initial ("A. Khan"), not an honorific.
        let w = words[start].trim_end_matches(['.', '/', ':']);
        if w.chars().count() == 1 && w.is_ascii() {
            break;
        }
        start += 1;
        stripped = true;
    }
    let mut end = words.len();
    while end > start + 1 {
        let w = words[end - 1].trim_matches(|c: char| c == ',' || c == '.');
        if v.credentials.contains(&key(w)) {
            end -= 1;
            stripped = true;
        } else {
            break;
        }
    }
    let out = words[start..end].join(" ");
    let out = out.trim_end_matches([',', '،', ' ']).to_string();
    (out, stripped)
}

/// Whether a text (honorifics already removed) has the shape of a person's name:
/// letters only (with `-`, `'` and the dot of an initial), one to six words, no
/// keyword of a title, a company, a label or a sentence; Latin words capitalised
/// except particles.
pub(super) fn is_name_shaped(text: &str) -> bool {
    let words: Vec<&str> = text.split(' ').filter(|w| !w.is_empty()).collect();
    if words.is_empty() || words.len() > 6 {
        return false;
    }
    let letters_only = text
        .chars()
        .all(|c| c.is_alphabetic() || matches!(c, ' ' | '-' | '\'' | '’' | '.'));
    if !letters_only {
        return false;
    }
    let arabic = has_arabic(text);
    let latin = text.chars().any(|c| c.is_ascii_alphabetic());
    if arabic && latin {
        return false;
    }
    let v = &*VOCAB;
    let norm = normalize(text);
    if norm.split(' ').any(|w| v.not_name.contains(w)) {
        return false;
    }
    if is_title(text) || is_company(text) || is_brand_only(text) {
        return false;
    }
    if latin {
        let capitalised = words.iter().all(|w| {
            let first = w.chars().next().unwrap_or('a');
            first.is_uppercase() || PARTICLES.contains(&w.to_lowercase().as_str())
        });
        if !capitalised || words.iter().all(|w| w.len() <= 1) {
            return false;
        }
    }
    true
}

/// A Latin name typed in capitals ("KHALID AL-QAHTANI") in title case
/// ("Khalid Al-Qahtani"); other names as written.
pub(super) fn tidy_name(name: &str) -> String {
    let letters: Vec<char> = name.chars().filter(|c| c.is_alphabetic()).collect();
    let all_caps = letters.iter().all(|c| c.is_ascii_uppercase()) && letters.len() > 3;
    if !all_caps {
        return name.to_string();
    }
    let mut out = String::with_capacity(name.len());
    let mut at_start = true;
    for c in name.chars() {
        if c.is_alphabetic() {
            if at_start {
                out.extend(c.to_uppercase());
            } else {
                out.extend(c.to_lowercase());
            }
            at_start = false;
        } else {
            out.push(c);
            at_start = matches!(c, ' ' | '-');
        }
    }
    out
}

/// Splits a text holding one name in each script ("Tariq Jaber - طارق جابر")
/// into its Arabic and its Latin part. `None` unless both are there, each in one
/// block.
pub(super) fn split_scripts(text: &str) -> Option<(String, String)> {
    let words: Vec<&str> = text.split(' ').filter(|w| !w.is_empty()).collect();
    let script = |w: &str| {
        if has_arabic(w) {
            Some(true)
        } else if w.chars().any(|c| c.is_ascii_alphabetic()) {
            Some(false)
        } else {
            None // a dash or other separator
        }
    };
    let mut ar = Vec::new();
    let mut la = Vec::new();
    let mut switches = 0;
    let mut last: Option<bool> = None;
    for w in &words {
        match script(w) {
            Some(s) => {
                if last.is_some_and(|l| l != s) {
                    switches += 1;
                }
                last = Some(s);
                if s {
                    ar.push(*w)
                } else {
                    la.push(*w)
                }
            }
            None if matches!(*w, "-" | "–" | "—" | "/" | "|" | "،" | ",") => {}
            None => return None,
        }
    }
    (switches == 1 && !ar.is_empty() && !la.is_empty()).then(|| (ar.join(" "), la.join(" ")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn honorifics_are_stripped() {
        for (input, name) in [
            ("م. خالد عبدالله الغامدي", "خالد عبدالله الغامدي"),
            ("م/ أحمد فتحي", "أحمد فتحي"),
            ("م/أحمد فتحي", "أحمد فتحي"),
            ("د. ناصر بن حمد آل ثاني", "ناصر بن حمد آل ثاني"),
            ("د.ناصر الكواري", "ناصر الكواري"),
            ("أ. سعيد الزهراني", "سعيد الزهراني"),
            ("المهندس خالد", "خالد"),
            ("السيد جاسم محمد", "جاسم محمد"),
            ("Eng. Faisal Al-Sabah", "Faisal Al-Sabah"),
            ("Dr. Rashid Al-Kuwari", "Rashid Al-Kuwari"),
            ("Mr. Faisal Al-Mansour", "Faisal Al-Mansour"),
            ("H.E. Sheikh Hamad", "Hamad"),
            ("Ahmed Al-Harbi, MBA", "Ahmed Al-Harbi"),
            ("Sami Haddad PhD", "Sami Haddad"),
            ("A. Khan", "A. Khan"),
            ("Dr.", "Dr."),
        ] {
            assert_eq!(strip_honorifics(input).0, name, "{input}");
        }
        assert!(strip_honorifics("م. خالد").1);
        assert!(!strip_honorifics("خالد").1);
    }

    #[test]
    fn name_shapes() {
        assert!(is_name_shaped("Ahmed Al-Harbi"));
        assert!(is_name_shaped("Khalid bin Saleh"));
        assert!(is_name_shaped("خالد عبدالله الغامدي"));
        assert!(is_name_shaped("KHALID AL-QAHTANI"));
        assert!(!is_name_shaped("Authorized Dealer"));
        assert!(!is_name_shaped("Sales Manager"));
        assert!(!is_name_shaped("Al Jazirah Motors"));
        assert!(!is_name_shaped("please find attached"));
        assert!(!is_name_shaped("Ahmed 055"));
        assert!(!is_name_shaped("وكيل معتمد"));
        assert!(!is_name_shaped("Tariq طارق"));
    }

    #[test]
    fn titles_and_companies() {
        assert!(is_title("مدير المبيعات"));
        assert!(is_title("Senior Sales Consultant"));
        assert!(is_company("Al Mulla Trading Co. W.L.L."));
        assert!(is_company("El Araby Electronics Co."));
        assert!(is_company("شركة الديرة للأثاث ذ.م.م"));
        assert!(is_company("Al-Futtaim Toyota"));
        assert!(!is_company("HYUNDAI"));
        assert!(!is_company("Toyota Camry"));
        assert!(!is_company("Toyota Land Cruiser 2024"));
        assert!(is_company("Toyota Abdul Latif Jameel"));
        assert!(!is_company("Co-Founder"));
        assert_eq!(
            split_title_company("مدير معرض الإسكندرية للأثاث"),
            Some(("مدير".into(), "معرض الإسكندرية للأثاث".into()))
        );
        assert_eq!(
            split_title_company("Sales Manager Al Jazirah Motors"),
            Some(("Sales Manager".into(), "Al Jazirah Motors".into()))
        );
        assert_eq!(
            split_title_company("Al Jazirah Motors Sales Dept"),
            Some(("Sales Dept".into(), "Al Jazirah Motors".into()))
        );
        assert_eq!(split_title_company("Toyota Sales Consultant"), None);
    }

    #[test]
    fn names_tidied_and_split() {
        assert_eq!(tidy_name("KHALID AL-QAHTANI"), "Khalid Al-Qahtani");
        assert_eq!(tidy_name("Ahmed McLean"), "Ahmed McLean");
        assert_eq!(
            split_scripts("Tariq Jaber - طارق جابر"),
            Some(("طارق جابر".into(), "Tariq Jaber".into()))
        );
        assert_eq!(split_scripts("أحمد Ahmed الحربي"), None);
    }
}
