//! Arabic-aware text normalisation for search.
//!
//! The same [`normalize`] runs over what goes into the FTS5 index and over what the
//! user types, so spelling variants (أحمد/احمد, فاطمة/فاطمه, مصطفى/مصطفي, ٠٥٥/055,
//! glyphs pasted from PDFs, tashkeel, bidi marks…) meet on one form. It is a single
//! pass over the chars with no regexes: it runs on every contact save and keystroke.
//!
//! Deliberately NOT done here: removing the article «ال» (see [`strip_article`]),
//! stemming, or joining «عبد الله»/«عبدالله» — those are product decisions.

/// At most this many words from one query (keeps FTS queries cheap).
const MAX_TERMS: usize = 8;
/// Longer words are cut to this many chars (a prefix query still matches).
const MAX_TERM_CHARS: usize = 64;

/// Normalised text for indexing and matching.
///
/// In order: presentation forms → base letters; tashkeel, tatweel, zero-width and
/// bidi controls removed; alef/ya/ta-marbuta/hamza-seat and Persian/Urdu letter
/// variants folded; Arabic-Indic and Persian digits → ASCII; lower-case and Latin
/// accents stripped; punctuation → space (except inside e-mail addresses);
/// whitespace collapsed. Runs of «ي» or «و» are collapsed to one, so that the seat
/// of a dropped hamza (رئيس → رييس) meets the spelling without it (ريس), and
/// يحيى/يحي, داوود/داود meet too. Idempotent.
pub fn normalize(text: &str) -> String {
    let mut w = Writer {
        out: String::with_capacity(text.len()),
        tok_start: 0,
        in_token: false,
        tok_punct: false,
    };
    for c in text.chars() {
        w.input(c);
    }
    w.finish()
}

/// The words of a query, normalised, deduplicated, in order, without empty ones;
/// at most 8 words, each at most 64 chars.
pub fn search_terms(query: &str) -> Vec<String> {
    let normalized = normalize(query);
    let mut terms: Vec<String> = Vec::new();
    for word in normalized.split(' ') {
        if terms.len() == MAX_TERMS {
            break;
        }
        let word = match word.char_indices().nth(MAX_TERM_CHARS) {
            Some((cut, _)) => &word[..cut],
            None => word,
        };
        if !word.is_empty() && !terms.iter().any(|t| t == word) {
            terms.push(word.to_owned());
        }
    }
    terms
}

/// All decimal digits in the text, as ASCII (Arabic-Indic ٠-٩ U+0660–0669 and
/// Persian/Extended ۰-۹ U+06F0–06F9 converted), everything else dropped. For phones.
/// Full-width digits (０-９, from some IMEs) are converted too.
pub fn digits(text: &str) -> String {
    text.chars().filter_map(ascii_digit).collect()
}

/// The text with Arabic-Indic, Persian and full-width digits turned into ASCII and
/// every other character kept (for numbers and dates typed in Arabic).
pub fn ascii_digits(text: &str) -> String {
    text.chars().map(|c| ascii_digit(c).unwrap_or(c)).collect()
}

/// True if the text contains any Arabic letter (U+0600–06FF, U+0750–077F,
/// U+08A0–08FF, U+FB50–FDFF, U+FE70–FEFF). Only letters count: Arabic digits,
/// punctuation, tashkeel or tatweel on their own do not.
pub fn has_arabic(text: &str) -> bool {
    text.chars().any(|c| {
        matches!(
            c as u32,
            0x0600..=0x06FF | 0x0750..=0x077F | 0x08A0..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF
        ) && c.is_alphabetic()
            && !is_ignorable(c)
    })
}

/// A normalised word without its leading article: «ال», «لل», or «وال»/«بال»/«فال»/
/// «كال» (article behind و/ب/ف/ك). `None` if there is no such prefix or too little
/// would remain: at least 2 letters after «ال»/«لل», and at least 3 after the
/// longer prefixes, because those collide with real words (والد، والده، بالغ، فالح).
pub fn strip_article(word: &str) -> Option<&str> {
    const PREFIXES: [(&str, usize); 6] = [
        ("وال", 3),
        ("بال", 3),
        ("فال", 3),
        ("كال", 3),
        ("لل", 2),
        ("ال", 2),
    ];
    // The prefixes are mutually exclusive, so the first match is the only one.
    let (rest, min) = PREFIXES
        .iter()
        .find_map(|&(prefix, min)| word.strip_prefix(prefix).map(|rest| (rest, min)))?;
    (rest.chars().filter(|c| c.is_alphabetic()).count() >= min).then_some(rest)
}

/// Builds the output in one pass. Words are appended as they come; a separator
/// space is written lazily when the next word starts, so runs of spaces and
/// punctuation collapse for free. A word that contains `@ . _ - +` is revisited
/// when it ends, to decide whether it is an e-mail address.
struct Writer {
    out: String,
    /// Byte offset in `out` where the current word starts.
    tok_start: usize,
    in_token: bool,
    /// The current word contains one of `@ . _ - +`.
    tok_punct: bool,
}

impl Writer {
    /// Step 1: presentation forms are expanded before anything else.
    fn input(&mut self, c: char) {
        let cp = c as u32;
        if !(0xFB50..=0xFDFF).contains(&cp) && !(0xFE70..=0xFEFF).contains(&cp) {
            return self.fold(c);
        }
        match presentation_form(cp) {
            Presentation::Letter(b) => self.fold(b),
            Presentation::Letters(s) => s.chars().for_each(|b| self.fold(b)),
            Presentation::Punctuation => self.gap(),
            Presentation::Drop => {}
        }
    }

    /// Steps 2–6 for one char.
    fn fold(&mut self, c: char) {
        if is_ignorable(c) {
            return;
        }
        let c = fold_arabic(c);
        if let Some(d) = ascii_digit(c) {
            return self.letter(d);
        }
        if c.is_ascii() {
            let c = c.to_ascii_lowercase();
            if c.is_ascii_alphanumeric() {
                self.letter(c);
            } else if is_email_punct(c) {
                self.email_punct(c);
            } else {
                self.gap();
            }
        } else if ('\u{0600}'..='\u{06FF}').contains(&c) {
            // Arabic has no case: skip the lower-case lookup on the hot path.
            if c.is_alphanumeric() {
                self.letter(c);
            } else {
                self.gap();
            }
        } else {
            // to_lowercase can yield two chars (İ → i + U+0307).
            for l in c.to_lowercase() {
                self.latin(l);
            }
        }
    }

    /// A lower-cased non-ASCII char: strip Latin accents, then classify.
    fn latin(&mut self, c: char) {
        let cp = c as u32;
        if (0x0300..=0x036F).contains(&cp) {
            return; // combining accent (decomposed input, or from lower-casing)
        }
        let pair = match c {
            'æ' => Some(('a', 'e')),
            'œ' => Some(('o', 'e')),
            'ß' => Some(('s', 's')),
            'þ' => Some(('t', 'h')),
            'ĳ' => Some(('i', 'j')),
            _ => None,
        };
        if let Some((a, b)) = pair {
            self.letter(a);
            return self.letter(b);
        }
        let base = match cp {
            0xE0..=0xFF => LATIN_1[(cp - 0xE0) as usize],
            0x100..=0x17F => LATIN_EXT_A[(cp - 0x100) as usize],
            _ => b'_',
        };
        if base != b'_' {
            self.letter(char::from(base));
        } else if c.is_alphanumeric() {
            self.letter(c);
        } else {
            self.gap();
        }
    }

    fn start_token(&mut self) {
        if !self.in_token {
            if !self.out.is_empty() {
                self.out.push(' ');
            }
            self.tok_start = self.out.len();
            self.in_token = true;
            self.tok_punct = false;
        }
    }

    fn letter(&mut self, c: char) {
        // ي/و runs collapse (see `normalize`); only within a word.
        if matches!(c, 'ي' | 'و') && self.in_token && self.out.ends_with(c) {
            return;
        }
        self.start_token();
        self.out.push(c);
    }

    fn email_punct(&mut self, c: char) {
        self.start_token();
        self.tok_punct = true;
        self.out.push(c);
    }

    /// Whitespace or punctuation: ends the current word.
    fn gap(&mut self) {
        if !self.in_token {
            return;
        }
        self.in_token = false;
        if !self.tok_punct {
            return;
        }
        // The word has `@ . _ - +` in it. Trimmed of those at both ends (a full stop
        // after an address), it is an e-mail if an `@` is left — then it has text on
        // both sides and is kept whole. Otherwise those chars split it like any
        // punctuation: «Al-Qahtani» → «al qahtani».
        let token = self.out.split_off(self.tok_start);
        let core = token.trim_matches(is_email_punct);
        if core.contains('@') {
            self.out.push_str(core);
        } else {
            let mut gap = false;
            for c in core.chars() {
                if is_email_punct(c) {
                    gap = true;
                } else {
                    if gap {
                        self.out.push(' ');
                        gap = false;
                    }
                    self.out.push(c);
                }
            }
        }
        if self.out.len() == self.tok_start {
            // Nothing left of the word (e.g. a lone «-»): drop its separator too.
            if self.out.ends_with(' ') {
                self.out.pop();
            }
        }
    }

    fn finish(mut self) -> String {
        self.gap();
        self.out
    }
}

fn is_email_punct(c: char) -> bool {
    matches!(c, '@' | '.' | '_' | '-' | '+')
}

/// Step 2: chars that vanish without splitting the word — tashkeel, Quranic marks,
/// superscript alef, tatweel, zero-width and bidi controls, soft hyphen, and
/// combining Latin accents (decomposed input such as «e\u{301}»).
fn is_ignorable(c: char) -> bool {
    matches!(
        c as u32,
        0x0300..=0x036F
            | 0x00AD
            | 0x0610..=0x061A
            | 0x061C
            | 0x0640
            | 0x064B..=0x065F
            | 0x0670
            | 0x06D6..=0x06ED
            | 0x0898..=0x089F
            | 0x08CA..=0x08FF
            | 0x200B..=0x200F
            | 0x202A..=0x202E
            | 0x2060..=0x2064
            | 0x2066..=0x2069
            | 0xFEFF
    )
}

/// Step 3: letter variants people type interchangeably. Standalone hamza «ء» stays.
fn fold_arabic(c: char) -> char {
    match c {
        // أ إ آ ٱ ٲ ٳ
        '\u{0623}' | '\u{0625}' | '\u{0622}' | '\u{0671}' | '\u{0672}' | '\u{0673}' => 'ا',
        // ى ئ, Persian ی
        '\u{0649}' | '\u{0626}' | '\u{06CC}' => 'ي',
        // ة, Persian ۀ, Kurdish ە, Urdu ہ ۂ ۃ ھ
        '\u{0629}' | '\u{06C0}' | '\u{06D5}' | '\u{06C1}' | '\u{06C2}' | '\u{06C3}'
        | '\u{06BE}' => 'ه',
        // ؤ
        '\u{0624}' => 'و',
        // Persian ک
        '\u{06A9}' => 'ك',
        _ => c,
    }
}

/// Step 4: a decimal digit of the scripts people type phone numbers in, as ASCII.
fn ascii_digit(c: char) -> Option<char> {
    let zero = match c {
        '0'..='9' => return Some(c),
        '\u{0660}'..='\u{0669}' => 0x0660,
        '\u{06F0}'..='\u{06F9}' => 0x06F0,
        '\u{FF10}'..='\u{FF19}' => 0xFF10,
        _ => return None,
    };
    char::from_digit(c as u32 - zero, 10)
}

/// What a presentation-form code point (U+FB50–FDFF, U+FE70–FEFF) stands for.
enum Presentation {
    Letter(char),
    Letters(&'static str),
    Punctuation,
    /// Diacritic-only forms, symbols, unassigned code points.
    Drop,
}

/// Step 1: PDFs and old systems emit shaped glyphs instead of letters. The tables
/// below were generated from the Unicode NFKC decompositions, keeping the letters
/// only (their marks would be removed anyway).
fn presentation_form(cp: u32) -> Presentation {
    use Presentation::*;
    let letters = |s: &'static str| if s.is_empty() { Drop } else { Letters(s) };
    match cp {
        0xFBEA..=0xFBFB => letters(LIG_FBEA[(cp - 0xFBEA) as usize]),
        0xFB50..=0xFBFF => match FORMS_A[(cp - 0xFB50) as usize] {
            '\0' => Drop,
            b => Letter(b),
        },
        0xFC00..=0xFD3D => letters(LIG_FC00[(cp - 0xFC00) as usize]),
        0xFD3E | 0xFD3F => Punctuation, // ornate parentheses ﴾ ﴿
        0xFD50..=0xFDC7 => letters(LIG_FD50[(cp - 0xFD50) as usize]),
        0xFDF0..=0xFDFF => letters(WORD_LIGATURES[(cp - 0xFDF0) as usize]),
        0xFE80..=0xFEF4 => Letter(FORMS_B[(cp - 0xFE80) as usize]),
        0xFEF5 | 0xFEF6 => Letters("لآ"),
        0xFEF7 | 0xFEF8 => Letters("لأ"),
        0xFEF9 | 0xFEFA => Letters("لإ"),
        0xFEFB | 0xFEFC => Letters("لا"),
        // U+FE70–FE7F are tashkeel forms; the rest is unassigned, symbols or BOM.
        _ => Drop,
    }
}

/// U+E0–FF (lower-case Latin-1) → ASCII base letter; `_` = none (æ þ: see `latin`).
const LATIN_1: &[u8; 0x20] = b"aaaaaa_ceeeeiiiidnooooo_ouuuuy_y";
/// U+0100–017F (Latin Extended-A) → ASCII base letter; `_` = none (ĳ œ: see `latin`).
const LATIN_EXT_A: &[u8; 0x80] =
    b"aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii__jjkkkllllllllllnnnnnnnnnoooooo__rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

/// U+FDF0–FDFF: word ligatures (ﷲ, ﷴ, the rial sign ﷼ …).
const WORD_LIGATURES: [&str; 0x10] = [
    "صلے",
    "قلے",
    "الله",
    "اكبر",
    "محمد",
    "صلعم",
    "رسول",
    "عليه",
    "وسلم",
    "صلى",
    "صلى الله عليه وسلم",
    "جل جلاله",
    "ریال",
    "بسم الله الرحمن الرحيم",
    "سبحانه وتعالى",
    "عز وجل",
];

/// U+FB50–FBFF (Presentation Forms-A letters) → base letter; `'\0'` = not a single letter.
const FORMS_A: [char; 0xB0] = [
    'ٱ', 'ٱ', 'ٻ', 'ٻ', 'ٻ', 'ٻ', 'پ', 'پ', 'پ', 'پ', 'ڀ', 'ڀ', 'ڀ', 'ڀ', 'ٺ', 'ٺ', 'ٺ', 'ٺ', 'ٿ',
    'ٿ', 'ٿ', 'ٿ', 'ٹ', 'ٹ', 'ٹ', 'ٹ', 'ڤ', 'ڤ', 'ڤ', 'ڤ', 'ڦ', 'ڦ', 'ڦ', 'ڦ', 'ڄ', 'ڄ', 'ڄ', 'ڄ',
    'ڃ', 'ڃ', 'ڃ', 'ڃ', 'چ', 'چ', 'چ', 'چ', 'ڇ', 'ڇ', 'ڇ', 'ڇ', 'ڍ', 'ڍ', 'ڌ', 'ڌ', 'ڎ', 'ڎ', 'ڈ',
    'ڈ', 'ژ', 'ژ', 'ڑ', 'ڑ', 'ک', 'ک', 'ک', 'ک', 'گ', 'گ', 'گ', 'گ', 'ڳ', 'ڳ', 'ڳ', 'ڳ', 'ڱ', 'ڱ',
    'ڱ', 'ڱ', 'ں', 'ں', 'ڻ', 'ڻ', 'ڻ', 'ڻ', 'ۀ', 'ۀ', 'ہ', 'ہ', 'ہ', 'ہ', 'ھ', 'ھ', 'ھ', 'ھ', 'ے',
    'ے', 'ۓ', 'ۓ', '\0', '\0', '\0', '\0', '\0', '\0', '\0', '\0', '\0', '\0', '\0', '\0', '\0',
    '\0', '\0', '\0', '\0', '\0', '\0', '\0', '\0', '\0', '\0', '\0', '\0', '\0', '\0', '\0', '\0',
    '\0', '\0', '\0', '\0', 'ڭ', 'ڭ', 'ڭ', 'ڭ', 'ۇ', 'ۇ', 'ۆ', 'ۆ', 'ۈ', 'ۈ', 'ۇ', 'ۋ', 'ۋ', 'ۅ',
    'ۅ', 'ۉ', 'ۉ', 'ې', 'ې', 'ې', 'ې', 'ى', 'ى', '\0', '\0', '\0', '\0', '\0', '\0', '\0', '\0',
    '\0', '\0', '\0', '\0', '\0', '\0', '\0', '\0', '\0', '\0', 'ی', 'ی', 'ی', 'ی',
];

/// U+FE80–FEF4 (Presentation Forms-B letters) → base letter.
const FORMS_B: [char; 0x75] = [
    'ء', 'آ', 'آ', 'أ', 'أ', 'ؤ', 'ؤ', 'إ', 'إ', 'ئ', 'ئ', 'ئ', 'ئ', 'ا', 'ا', 'ب', 'ب', 'ب', 'ب',
    'ة', 'ة', 'ت', 'ت', 'ت', 'ت', 'ث', 'ث', 'ث', 'ث', 'ج', 'ج', 'ج', 'ج', 'ح', 'ح', 'ح', 'ح', 'خ',
    'خ', 'خ', 'خ', 'د', 'د', 'ذ', 'ذ', 'ر', 'ر', 'ز', 'ز', 'س', 'س', 'س', 'س', 'ش', 'ش', 'ش', 'ش',
    'ص', 'ص', 'ص', 'ص', 'ض', 'ض', 'ض', 'ض', 'ط', 'ط', 'ط', 'ط', 'ظ', 'ظ', 'ظ', 'ظ', 'ع', 'ع', 'ع',
    'ع', 'غ', 'غ', 'غ', 'غ', 'ف', 'ف', 'ف', 'ف', 'ق', 'ق', 'ق', 'ق', 'ك', 'ك', 'ك', 'ك', 'ل', 'ل',
    'ل', 'ل', 'م', 'م', 'م', 'م', 'ن', 'ن', 'ن', 'ن', 'ه', 'ه', 'ه', 'ه', 'و', 'و', 'ى', 'ى', 'ي',
    'ي', 'ي', 'ي',
];

/// U+FBEA–FBFB: yeh-with-hamza ligatures.
const LIG_FBEA: [&str; 0x12] = [
    "ئا", "ئا", "ئە", "ئە", "ئو", "ئو", "ئۇ", "ئۇ", "ئۆ", "ئۆ", "ئۈ", "ئۈ", "ئې", "ئې", "ئې", "ئى",
    "ئى", "ئى",
];

/// U+FC00–FD3D: two-letter ligatures (empty = a diacritic-only form).
const LIG_FC00: [&str; 0x13E] = [
    "ئج", "ئح", "ئم", "ئى", "ئي", "بج", "بح", "بخ", "بم", "بى", "بي", "تج", "تح", "تخ", "تم", "تى",
    "تي", "ثج", "ثم", "ثى", "ثي", "جح", "جم", "حج", "حم", "خج", "خح", "خم", "سج", "سح", "سخ", "سم",
    "صح", "صم", "ضج", "ضح", "ضخ", "ضم", "طح", "طم", "ظم", "عج", "عم", "غج", "غم", "فج", "فح", "فخ",
    "فم", "فى", "في", "قح", "قم", "قى", "قي", "كا", "كج", "كح", "كخ", "كل", "كم", "كى", "كي", "لج",
    "لح", "لخ", "لم", "لى", "لي", "مج", "مح", "مخ", "مم", "مى", "مي", "نج", "نح", "نخ", "نم", "نى",
    "ني", "هج", "هم", "هى", "هي", "يج", "يح", "يخ", "يم", "يى", "يي", "ذ", "ر", "ى", "", "", "",
    "", "", "", "ئر", "ئز", "ئم", "ئن", "ئى", "ئي", "بر", "بز", "بم", "بن", "بى", "بي", "تر", "تز",
    "تم", "تن", "تى", "تي", "ثر", "ثز", "ثم", "ثن", "ثى", "ثي", "فى", "في", "قى", "قي", "كا", "كل",
    "كم", "كى", "كي", "لم", "لى", "لي", "ما", "مم", "نر", "نز", "نم", "نن", "نى", "ني", "ى", "ير",
    "يز", "يم", "ين", "يى", "يي", "ئج", "ئح", "ئخ", "ئم", "ئه", "بج", "بح", "بخ", "بم", "به", "تج",
    "تح", "تخ", "تم", "ته", "ثم", "جح", "جم", "حج", "حم", "خج", "خم", "سج", "سح", "سخ", "سم", "صح",
    "صخ", "صم", "ضج", "ضح", "ضخ", "ضم", "طح", "ظم", "عج", "عم", "غج", "غم", "فج", "فح", "فخ", "فم",
    "قح", "قم", "كج", "كح", "كخ", "كل", "كم", "لج", "لح", "لخ", "لم", "له", "مج", "مح", "مخ", "مم",
    "نج", "نح", "نخ", "نم", "نه", "هج", "هم", "ه", "يج", "يح", "يخ", "يم", "يه", "ئم", "ئه", "بم",
    "به", "تم", "ته", "ثم", "ثه", "سم", "سه", "شم", "شه", "كل", "كم", "لم", "نم", "نه", "يم", "يه",
    "", "", "", "طى", "طي", "عى", "عي", "غى", "غي", "سى", "سي", "شى", "شي", "حى", "حي", "جى", "جي",
    "خى", "خي", "صى", "صي", "ضى", "ضي", "شج", "شح", "شخ", "شم", "شر", "سر", "صر", "ضر", "طى", "طي",
    "عى", "عي", "غى", "غي", "سى", "سي", "شى", "شي", "حى", "حي", "جى", "جي", "خى", "خي", "صى", "صي",
    "ضى", "ضي", "شج", "شح", "شخ", "شم", "شر", "سر", "صر", "ضر", "شج", "شح", "شخ", "شم", "سه", "شه",
    "طم", "سج", "سح", "سخ", "شج", "شح", "شخ", "طم", "ظم", "ا", "ا",
];

/// U+FD50–FDC7: three-letter ligatures (empty = unassigned).
const LIG_FD50: [&str; 0x78] = [
    "تجم", "تحج", "تحج", "تحم", "تخم", "تمج", "تمح", "تمخ", "جمح", "جمح", "حمي", "حمى", "سحج",
    "سجح", "سجى", "سمح", "سمح", "سمج", "سمم", "سمم", "صحح", "صحح", "صمم", "شحم", "شحم", "شجي",
    "شمخ", "شمخ", "شمم", "شمم", "ضحى", "ضخم", "ضخم", "طمح", "طمح", "طمم", "طمي", "عجم", "عمم",
    "عمم", "عمى", "غمم", "غمي", "غمى", "فخم", "فخم", "قمح", "قمم", "لحم", "لحي", "لحى", "لجج",
    "لجج", "لخم", "لخم", "لمح", "لمح", "محج", "محم", "محي", "مجح", "مجم", "مخج", "مخم", "", "",
    "مجخ", "همج", "همم", "نحم", "نحى", "نجم", "نجم", "نجى", "نمي", "نمى", "يمم", "يمم", "بخي",
    "تجي", "تجى", "تخي", "تخى", "تمي", "تمى", "جمي", "جحى", "جمى", "سخى", "صحي", "شحي", "ضحي",
    "لجي", "لمي", "يحي", "يجي", "يمي", "ممي", "قمي", "نحي", "قمح", "لحم", "عمي", "كمي", "نجح",
    "مخي", "لجم", "كمم", "لجم", "نجح", "جحي", "حجي", "مجي", "فمي", "بحي", "كمم", "عجم", "صمم",
    "سخي", "نجي",
];

#[cfg(test)]
mod tests {
    use super::*;

    /// (input, expected `normalize` output).
    const CASES: &[(&str, &str)] = &[
        // Alef forms.
        ("أحمد", "احمد"),
        ("إبراهيم", "ابراهيم"),
        ("آمنة", "امنه"),
        ("ٱلرحمن", "الرحمن"),
        ("ٲحمد ٳسلام", "احمد اسلام"),
        // Ta marbuta / ha.
        ("فاطمة", "فاطمه"),
        ("مكة المكرمة", "مكه المكرمه"),
        // Alef maqsura / ya.
        ("مصطفى", "مصطفي"),
        ("ليلى", "ليلي"),
        // Hamza on waw / ya; standalone hamza kept.
        ("مؤسسة", "موسسه"),
        ("عائشة", "عايشه"),
        ("هيئة", "هيه"),
        ("سماء جزء", "سماء جزء"),
        // ي/و runs collapse.
        ("رئيس", "ريس"),
        ("يحيى", "يحي"),
        ("داوود", "داود"),
        // Tashkeel and tatweel.
        ("مُحَمَّد", "محمد"),
        ("عَبْدُ ٱللَّٰهِ بْنُ عُمَرَ", "عبد الله بن عمر"),
        ("قُرْآنٌ ۚ", "قران"),
        ("محـــمد", "محمد"),
        // Mixed scripts.
        (
            "Mohammed Al-Qahtani محمد القحطاني",
            "mohammed al qahtani محمد القحطاني",
        ),
        ("TOYOTA كامري 2024", "toyota كامري 2024"),
        // Presentation forms (PDF glyphs): ﺳ ﻼ ﻡ, ﺃ ﺣ ﻤ ﺪ, ﻋ ﺒ ﺪ ﺍ ﻟ ﻠ ﻪ.
        ("\u{FEB3}\u{FEFC}\u{FEE1}", "سلام"),
        ("\u{FE83}\u{FEA3}\u{FEE4}\u{FEAA}", "احمد"),
        (
            "\u{FECB}\u{FE92}\u{FEAA} \u{FE8D}\u{FEDF}\u{FEE0}\u{FEEA}",
            "عبد الله",
        ),
        ("\u{FEFB} \u{FDF2} \u{FDF4}", "لا الله محمد"),
        ("\u{FC0E}\u{FE8E}\u{FEE3}", "تمام"), // two-letter ligature ﰎ
        ("\u{FBFD}\u{FB8E}", "يك"),           // Persian ﯽ ﮎ
        ("\u{FE76}\u{FDFE} x", "سبحانه وتعالي x"),
        ("\u{FD3E}قرآن\u{FD3F}", "قران"),
        // Digits.
        ("٠٥٥١٢٣٤٥٦٧", "0551234567"),
        ("۰۵۵۱۲۳۴۵۶۷", "0551234567"),
        ("+966 (55) 123-4567", "966 55 123 4567"),
        ("١٢٫٥٪", "12 5"),
        // E-mails kept whole and lower-cased; other `@ . _ - +` split words.
        ("Ahmed.Ali@Example.COM", "ahmed.ali@example.com"),
        (
            "البريد: Sales_Team+cars@Al-Nokhba.sa.",
            "البريد sales_team+cars@al-nokhba.sa",
        ),
        ("<info@maarid.sa>, ", "info@maarid.sa"),
        ("report_2024.final-v2", "report 2024 final v2"),
        ("@ahmed - ...", "ahmed"),
        // Punctuation.
        ("شركة النخبة، للسيارات.", "شركه النخبه للسيارات"),
        (
            "هل السيارة متوفرة؟ نعم؛ «جديدة»",
            "هل السياره متوفره نعم جديده",
        ),
        ("\"Ali\" (CEO) — O'Brien / 50%", "ali ceo o brien 50"),
        ("🚗سيارة🔑", "سياره"),
        // Bidi marks and zero-width chars vanish without splitting words.
        ("\u{202B}أحمد\u{202C}", "احمد"),
        ("\u{200F}علي\u{200E} \u{2067}050\u{2069}", "علي 050"),
        ("مح\u{200B}مد\u{200D}", "محمد"),
        ("\u{FEFF}Ali\u{061C}", "ali"),
        ("می\u{200C}خواهم", "ميخواهم"),
        // Latin accents and case.
        ("José Müller", "jose muller"),
        ("FRANÇOIS Ærø Straße Łódź", "francois aero strasse lodz"),
        ("Jose\u{301}", "jose"),
        ("İSTANBUL", "istanbul"),
        // Persian / Urdu letters.
        ("کریم", "كريم"),
        ("علی", "علي"),
        ("خانۀ", "خانه"),
        // Whitespace.
        ("", ""),
        ("   \t\n ", ""),
        ("  سيارة \u{00A0}\u{3000} جديدة  ", "سياره جديده"),
        ("، . ؟ -", ""),
    ];

    #[test]
    fn table() {
        for &(input, expected) in CASES {
            assert_eq!(normalize(input), expected, "normalize({input:?})");
        }
        assert!(CASES.len() >= 40);
    }

    #[test]
    fn idempotent_over_table() {
        for &(input, _) in CASES {
            let once = normalize(input);
            assert_eq!(normalize(&once), once, "normalize twice({input:?})");
        }
    }

    /// Every code point on its own: the output is stable under a second pass and
    /// never contains presentation forms, ignorable chars, upper case or stray spaces.
    #[test]
    fn every_char_is_stable() {
        let mut s = String::new();
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            s.clear();
            s.push('a');
            s.push(c);
            s.push('b');
            let once = normalize(&s);
            assert_eq!(normalize(&once), once, "U+{:04X}", c as u32);
            assert!(!once.starts_with(' ') && !once.ends_with(' ') && !once.contains("  "));
            for o in once.chars() {
                let cp = o as u32;
                assert!(
                    !(0xFB50..=0xFDFF).contains(&cp) && !(0xFE70..=0xFEFF).contains(&cp),
                    "U+{:04X} left presentation form U+{cp:04X}",
                    c as u32
                );
                assert!(!is_ignorable(o), "U+{:04X} left U+{cp:04X}", c as u32);
                assert!(o == ' ' || !o.is_whitespace());
            }
        }
    }

    #[test]
    fn presentation_forms_become_arabic_letters() {
        for cp in (0xFB50..=0xFDFF).chain(0xFE70..=0xFEFF) {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            for o in normalize(&c.to_string()).chars() {
                assert!(
                    o == ' ' || ('\u{0621}'..='\u{06FF}').contains(&o),
                    "U+{cp:04X} → U+{:04X}",
                    o as u32
                );
            }
        }
    }

    #[test]
    fn variants_find_each_other() {
        let groups: &[&[&str]] = &[
            &[
                "أحمد",
                "احمد",
                "إحمد",
                "أَحْمَد",
                "احـمد",
                "\u{FE83}\u{FEA3}\u{FEE4}\u{FEAA}",
            ],
            &["فاطمة", "فاطمه", "فَاطِمَة"],
            &["مصطفى", "مصطفي", "\u{FEE3}\u{FEBC}\u{FEC4}\u{FED4}\u{FEF0}"],
            // ئ → ي and ى → ي, so the hamza-less typo «هيىة» meets them; «هيأة»
            // (another spelling) does not.
            &["هيئة", "هيئه", "هيىة", "هيه"],
            &["مؤسسة", "موسسه", "مؤسسه"],
            &["رئيس", "ريس", "رىيس", "رييس"],
            &["عائشة", "عايشة", "عايشه"],
            &["إسلام", "اسلام", "ٳسلام"],
            &["يحيى", "يحيي", "يحي"],
            &["داود", "داوود"],
            &["كريم", "کریم"],
            &["القرآن", "القران", "ٱلْقُرْآن"],
            &[
                "0551234567",
                "٠٥٥١٢٣٤٥٦٧",
                "۰۵۵۱۲۳۴۵۶۷",
                "０５５１２３４５６７",
            ],
            &["Ahmed.Ali@Example.COM", "ahmed.ali@example.com"],
            &["José", "JOSE", "jose", "Jose\u{301}"],
            &["لا", "\u{FEFB}", "\u{FEFC}"],
            &["الله", "\u{FDF2}"],
        ];
        for group in groups {
            let first = normalize(group[0]);
            for v in &group[1..] {
                assert_eq!(normalize(v), first, "{v:?} vs {:?}", group[0]);
                assert_eq!(normalize(&normalize(v)), first);
            }
        }
        // Not forced together: spacing is a different spelling.
        assert_ne!(normalize("عبد الله"), normalize("عبدالله"));
    }

    #[test]
    fn digits_for_phones() {
        assert_eq!(digits("+966 ٥٥ ۱۲۳-4567"), "966551234567");
        assert_eq!(digits("٠١٢٣٤٥٦٧٨٩"), "0123456789");
        assert_eq!(digits("۰۱۲۳۴۵۶۷۸۹"), "0123456789");
        assert_eq!(digits("０５５"), "055");
        assert_eq!(digits("هاتف: (050) ٧٧٧"), "050777");
        assert_eq!(digits("no digits ½ ²"), "");
        assert_eq!(digits(""), "");
    }

    #[test]
    fn search_terms_dedupe_and_order() {
        assert_eq!(search_terms("أحمد احمد Ahmed AHMED"), ["احمد", "ahmed"]);
        assert_eq!(search_terms("  كامري، تويوتا  كامري "), ["كامري", "تويوتا"]);
        assert_eq!(
            search_terms("Ahmed.Ali@Example.com ٠٥٥"),
            ["ahmed.ali@example.com", "055"]
        );
        assert!(search_terms("").is_empty());
        assert!(search_terms(" ، ؟ ... ـ ").is_empty());
    }

    #[test]
    fn search_terms_limits() {
        let many = "a b a c d e f g h i j k";
        assert_eq!(search_terms(many), ["a", "b", "c", "d", "e", "f", "g", "h"]);

        let long = "ب".repeat(100);
        let terms = search_terms(&format!("{long} x"));
        assert_eq!(terms[0].chars().count(), 64);
        assert_eq!(terms[1], "x");
        // Two words that are equal once cut are one term.
        let (l1, l2) = (format!("{long}1"), format!("{long}2"));
        assert_eq!(search_terms(&format!("{l1} {l2}")).len(), 1);
    }

    #[test]
    fn arabic_detection() {
        assert!(has_arabic("أحمد"));
        assert!(has_arabic("Ahmed أحمد"));
        assert!(has_arabic("\u{FEFB}"));
        assert!(has_arabic("\u{0750}"));
        assert!(has_arabic("\u{08A0}"));
        assert!(has_arabic("کریم"));
        assert!(!has_arabic("Ahmed"));
        assert!(!has_arabic("٠٥٥١٢٣"));
        assert!(!has_arabic("، ؟ ـ \u{064E}"));
        assert!(!has_arabic(""));
    }

    #[test]
    fn article() {
        assert_eq!(strip_article("الرياض"), Some("رياض"));
        assert_eq!(strip_article("البنك"), Some("بنك"));
        assert_eq!(strip_article("للسيارات"), Some("سيارات"));
        assert_eq!(strip_article("والسيارات"), Some("سيارات"));
        assert_eq!(strip_article("بالسياره"), Some("سياره"));
        assert_eq!(strip_article("فالمعرض"), Some("معرض"));
        assert_eq!(strip_article("كالجديد"), Some("جديد"));
        assert_eq!(strip_article("الاب"), Some("اب"));
        assert_eq!(strip_article("والد"), None);
        assert_eq!(strip_article("والده"), None);
        assert_eq!(strip_article("بالغ"), None);
        assert_eq!(strip_article("فالح"), None);
        assert_eq!(strip_article("لله"), None);
        assert_eq!(strip_article("ال"), None);
        assert_eq!(strip_article("الم"), None);
        assert_eq!(strip_article("احمد"), None);
        assert_eq!(strip_article("ahmed"), None);
        assert_eq!(strip_article(""), None);
    }
}
