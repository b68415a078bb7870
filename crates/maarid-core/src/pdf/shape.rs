//! From a string to shaped glyph runs: digits, directional isolates around numbers, the
//! bidi levels of the paragraph, a font for each character, and rustybuzz shaping.

use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;

use rustybuzz::{BufferClusterLevel, BufferFlags, UnicodeBuffer};
use unicode_bidi::{bidi_class, BidiClass, Level, ParagraphBidiInfo};

use super::fonts::{plan_props, FaceId, Family, Fonts};
use super::{Digits, Dir, Weight};

/// LEFT-TO-RIGHT ISOLATE and POP DIRECTIONAL ISOLATE.
const LRI: char = '\u{2066}';
const PDI: char = '\u{2069}';

/// `s` wrapped in a left-to-right isolate, so it reads left to right as one block inside
/// Arabic text (a phone number with spaces, an e-mail address, a Latin product code).
pub fn isolate_ltr(s: &str) -> String {
    format!("{LRI}{s}{PDI}")
}

/// Writes the numbers in `s` with Arabic-Indic digits (٠–٩) and the Arabic decimal and
/// thousands separators. Words that contain letters keep their digits (`QTN-2026-00012`,
/// `A4`), since those are codes rather than numbers.
pub fn to_arabic_indic(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 2);
    for word in words(s) {
        if word.chars().any(char::is_alphabetic) || !word.bytes().any(|b| b.is_ascii_digit()) {
            out.push_str(word);
            continue;
        }
        let chars: Vec<char> = word.chars().collect();
        for (i, &c) in chars.iter().enumerate() {
            let between_digits = i > 0
                && i + 1 < chars.len()
                && chars[i - 1].is_ascii_digit()
                && chars[i + 1].is_ascii_digit();
            out.push(match c {
                '0'..='9' => char::from_u32(0x0660 + (c as u32 - '0' as u32)).unwrap_or(c),
                '.' if between_digits => '\u{066B}',
                ',' if between_digits => '\u{066C}',
                _ => c,
            });
        }
    }
    out
}

/// Splits into alternating runs of whitespace and non-whitespace, keeping every byte.
fn words(s: &str) -> impl Iterator<Item = &str> {
    let mut rest = s;
    std::iter::from_fn(move || {
        let first = rest.chars().next()?;
        let ws = first.is_whitespace();
        let end = rest
            .char_indices()
            .find(|&(_, c)| c.is_whitespace() != ws)
            .map_or(rest.len(), |(i, _)| i);
        let (w, r) = rest.split_at(end);
        rest = r;
        Some(w)
    })
}

fn is_digit(c: char) -> bool {
    matches!(c, '0'..='9' | '\u{0660}'..='\u{0669}' | '\u{06F0}'..='\u{06F9}')
}

/// A character that belongs to a number: digits and the signs, separators and
/// terminators (`+ - . , : / % ٫ ٬ $`) that the bidi algorithm keeps with digits.
fn is_numeric_part(c: char) -> bool {
    is_digit(c)
        || matches!(
            bidi_class(c),
            BidiClass::EN | BidiClass::AN | BidiClass::ES | BidiClass::ET | BidiClass::CS
        )
}

/// Wraps every number in a left-to-right isolate, so a date, an amount or a range keeps
/// its order inside Arabic text (`2026-11-23` must not become `23-11-2026`). Numbers that
/// are part of a word with letters are left alone: the word is already one run.
pub(crate) fn isolate_numbers(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 16);
    for word in words(s) {
        if word.chars().any(char::is_alphabetic) || !word.chars().any(is_digit) {
            out.push_str(word);
            continue;
        }
        let chars: Vec<(usize, char)> = word.char_indices().collect();
        let mut i = 0;
        let mut copied = 0;
        while i < chars.len() {
            if !is_numeric_part(chars[i].1) {
                i += 1;
                continue;
            }
            let start = i;
            while i < chars.len() && is_numeric_part(chars[i].1) {
                i += 1;
            }
            // Trim separators that do not sit between digits (a full stop after a date),
            // keeping leading signs/currency and trailing percent signs.
            let mut a = start;
            let mut b = i;
            while a < b
                && !is_digit(chars[a].1)
                && !(bidi_class(chars[a].1) == BidiClass::ET
                    || matches!(chars[a].1, '+' | '-' | '\u{2212}'))
            {
                a += 1;
            }
            while b > a && !is_digit(chars[b - 1].1) && bidi_class(chars[b - 1].1) != BidiClass::ET
            {
                b -= 1;
            }
            if !chars[a..b].iter().any(|&(_, c)| is_digit(c)) {
                continue;
            }
            let from = chars[a].0;
            let to = chars.get(b).map_or(word.len(), |&(o, _)| o);
            out.push_str(&word[copied..from]);
            out.push(LRI);
            out.push_str(&word[from..to]);
            out.push(PDI);
            copied = to;
        }
        out.push_str(&word[copied..]);
    }
    out
}

/// Bidi formatting characters: they steer the ordering but are never drawn.
pub(crate) fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
}

/// Right-to-left if the first strong character outside isolates is Arabic/Hebrew
/// (rules P2–P3 of the bidi algorithm); `default_rtl` when there is none.
pub(crate) fn first_strong_rtl(text: &str, default_rtl: bool) -> bool {
    let mut depth = 0usize;
    for c in text.chars() {
        match bidi_class(c) {
            BidiClass::LRI | BidiClass::RLI | BidiClass::FSI => depth += 1,
            BidiClass::PDI => depth = depth.saturating_sub(1),
            BidiClass::L if depth == 0 => return false,
            BidiClass::R | BidiClass::AL if depth == 0 => return true,
            _ => {}
        }
    }
    default_rtl
}

pub(crate) fn resolve_rtl(text: &str, dir: Dir, default_rtl: bool) -> bool {
    match dir {
        Dir::Rtl => true,
        Dir::Ltr => false,
        Dir::Auto => first_strong_rtl(text, default_rtl),
    }
}

/// One paragraph's text as it will be shaped: tabs become spaces, digits are converted
/// when asked, and numbers are isolated in right-to-left paragraphs.
pub(crate) fn prepare(text: &str, dir: Dir, default_rtl: bool, digits: Digits) -> (String, bool) {
    let mut t: String = text
        .chars()
        .filter(|&c| c != '\r')
        .map(|c| if c == '\t' { ' ' } else { c })
        .collect();
    if digits == Digits::ArabicIndic {
        t = to_arabic_indic(&t);
    }
    let rtl = resolve_rtl(&t, dir, default_rtl);
    if rtl {
        t = isolate_numbers(&t);
    }
    (t, rtl)
}

/// A shaped glyph. Positions are in points at the paragraph's size.
#[derive(Debug, Clone)]
pub(crate) struct Glyph {
    pub gid: u16,
    /// Byte offset of the first character this glyph stands for.
    pub cluster: u32,
    /// The characters this glyph stands for (`cluster..text_end`; empty when another
    /// glyph of the same cluster already carries them).
    pub text_end: u32,
    pub advance: f64,
    pub dx: f64,
    pub dy: f64,
}

/// A run of one bidi level set in one face. `glyphs` are in visual order (left to right).
#[derive(Debug, Clone)]
pub(crate) struct Run {
    pub range: Range<usize>,
    pub level: u8,
    pub face: FaceId,
    pub glyphs: Vec<Glyph>,
}

/// A paragraph, shaped: runs in logical order.
#[derive(Debug, Clone)]
pub(crate) struct ShapedPara {
    pub text: String,
    pub runs: Vec<Run>,
}

fn is_arabic_script(c: char) -> bool {
    matches!(c as u32,
        0x0600..=0x06FF | 0x0750..=0x077F | 0x0870..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF)
}

/// The family a character asks for by itself; `None` for spaces, punctuation and symbols,
/// which follow their neighbours.
fn own_family(c: char) -> Option<Family> {
    if is_arabic_script(c) {
        Some(Family::Arabic)
    } else if c.is_ascii_digit() || c.is_alphabetic() {
        Some(Family::Latin)
    } else {
        None
    }
}

fn is_opening(c: char) -> bool {
    matches!(c, '(' | '[' | '{' | '«' | '“' | '‘' | '\u{FD3F}')
}

/// Chooses a face for every character (bidi controls get `None`: they are not drawn).
fn assign_faces(fonts: &Fonts, text: &str, weight: Weight) -> Vec<Option<FaceId>> {
    let chars: Vec<char> = text.chars().collect();
    let own: Vec<Option<Family>> = chars.iter().map(|&c| own_family(c)).collect();
    let mut fam: Vec<Option<Family>> = own.clone();
    // Neutral characters take the family of the character before them, or after them
    // at the start of the text.
    let mut prev = None;
    for i in 0..chars.len() {
        if is_bidi_control(chars[i]) {
            continue;
        }
        match fam[i] {
            Some(f) => prev = Some(f),
            None => fam[i] = prev,
        }
    }
    // Opening brackets and quotes go with what they open (so a pair is set in one
    // font), and neutrals at the very start with the first character that has a family.
    let mut next = None;
    for i in (0..chars.len()).rev() {
        match own[i] {
            Some(f) => next = Some(f),
            None if fam[i].is_none() || is_opening(chars[i]) => fam[i] = next.or(fam[i]),
            None => {}
        }
    }
    chars
        .iter()
        .zip(fam)
        .map(|(&c, f)| {
            if is_bidi_control(c) {
                return None;
            }
            let family = f.unwrap_or(Family::Latin);
            let id = FaceId::new(family, weight);
            if fonts.face(id).has_glyph(c) {
                return Some(id);
            }
            let other = FaceId::new(family.other(), weight);
            Some(if fonts.face(other).has_glyph(c) {
                other
            } else {
                id
            })
        })
        .collect()
}

/// Shapes text for one document, remembering every word it has shaped.
///
/// Text is shaped word by word (spaces on their own), the way browsers' word caches do:
/// Arabic letters never join across a space, so a word's glyphs depend only on the word,
/// its font and direction and the characters either side of it. A quotation repeats the
/// same words and numbers row after row; each is shaped once.
pub(crate) struct Shaper {
    pub fonts: &'static Fonts,
    words: RefCell<HashMap<WordKey, Words>>,
}

/// Face, direction, and the characters just before and after the word (`\0` for none).
type WordKey = (FaceId, bool, char, char);

/// Shaped words by their text.
type Words = HashMap<Box<str>, Rc<[WordGlyph]>>;

/// A shaped glyph of a cached word: offsets from the word's start, font units.
#[derive(Debug, Clone, Copy)]
struct WordGlyph {
    gid: u16,
    cluster: u32,
    text_end: u32,
    advance: i32,
    dx: i32,
    dy: i32,
}

impl Shaper {
    pub(crate) fn new(fonts: &'static Fonts) -> Self {
        Shaper {
            fonts,
            words: RefCell::new(HashMap::new()),
        }
    }

    /// Shapes one paragraph (no line breaks inside) at `size` points.
    pub(crate) fn paragraph(
        &self,
        text: String,
        rtl: bool,
        weight: Weight,
        size: f64,
    ) -> ShapedPara {
        let fonts = self.fonts;
        let base = if rtl { Level::rtl() } else { Level::ltr() };
        let levels = if text.is_empty() {
            Vec::new()
        } else {
            ParagraphBidiInfo::new(&text, Some(base)).levels
        };
        let faces = assign_faces(fonts, &text, weight);

        // Runs: maximal stretches of one level and one face, never across a bidi control.
        let mut runs = Vec::new();
        let mut cur: Option<(usize, u8, FaceId)> = None;
        for ((i, _), face) in text.char_indices().zip(faces) {
            let key = face.map(|f| (levels[i].number(), f));
            match (cur, key) {
                (Some((_, l, f)), Some((l2, f2))) if l == l2 && f == f2 => {}
                _ => {
                    if let Some((start, l, f)) = cur.take() {
                        runs.push(self.run(&text, start..i, l, f, size));
                    }
                    cur = key.map(|(l, f)| (i, l, f));
                }
            }
        }
        if let Some((start, l, f)) = cur {
            runs.push(self.run(&text, start..text.len(), l, f, size));
        }
        ShapedPara { text, runs }
    }

    /// A run shaped word by word; glyphs in visual order.
    fn run(&self, text: &str, range: Range<usize>, level: u8, face: FaceId, size: f64) -> Run {
        let rtl = level % 2 == 1;
        let scale = size / self.fonts.face(face).upm;
        // Words and runs of spaces, in logical order.
        let mut pieces = Vec::new();
        let mut start = range.start;
        for (i, c) in text[range.clone()].char_indices() {
            let i = range.start + i;
            if i > start && (c == ' ') != text[..i].ends_with(' ') {
                pieces.push(start..i);
                start = i;
            }
        }
        pieces.push(start..range.end);
        if rtl {
            pieces.reverse();
        }
        let mut glyphs = Vec::with_capacity(range.len());
        let mut words = self.words.borrow_mut();
        for piece in pieces {
            let before = text[..piece.start].chars().next_back().unwrap_or('\0');
            let after = text[piece.end..].chars().next().unwrap_or('\0');
            let word = &text[piece.clone()];
            let cache = words.entry((face, rtl, before, after)).or_default();
            let shaped = match cache.get(word) {
                Some(g) => g.clone(),
                None => {
                    let g: Rc<[WordGlyph]> =
                        shape_word(self.fonts, word, face, rtl, before, after).into();
                    cache.insert(word.into(), g.clone());
                    g
                }
            };
            let at = piece.start as u32;
            glyphs.extend(shaped.iter().map(|g| Glyph {
                gid: g.gid,
                cluster: at + g.cluster,
                text_end: at + g.text_end,
                advance: f64::from(g.advance) * scale,
                dx: f64::from(g.dx) * scale,
                dy: f64::from(g.dy) * scale,
            }));
        }
        Run {
            range,
            level,
            face,
            glyphs,
        }
    }
}

/// Shapes one word (or run of spaces) with one character of context on each side.
fn shape_word(
    fonts: &Fonts,
    word: &str,
    face_id: FaceId,
    rtl: bool,
    before: char,
    after: char,
) -> Vec<WordGlyph> {
    let face = fonts.face(face_id);
    let plan = fonts.plan(face_id, rtl);
    let (dir, script) = plan_props(face_id.family, rtl);
    let mut buf = UnicodeBuffer::new();
    buf.set_flags(BufferFlags::REMOVE_DEFAULT_IGNORABLES);
    buf.set_cluster_level(BufferClusterLevel::MonotoneCharacters);
    buf.set_direction(dir);
    buf.set_script(script);
    let mut ctx = [0u8; 4];
    if before != '\0' {
        buf.set_pre_context(before.encode_utf8(&mut ctx));
    }
    for (i, c) in word.char_indices() {
        buf.add(c, i as u32);
    }
    if after != '\0' {
        buf.set_post_context(after.encode_utf8(&mut ctx));
    }
    let out = rustybuzz::shape_with_plan(&face.face, &plan, buf);
    let infos = out.glyph_infos();
    let positions = out.glyph_positions();
    let mut starts: Vec<u32> = infos.iter().map(|g| g.cluster).collect();
    starts.sort_unstable();
    starts.dedup();
    let end_of = |c: u32| -> u32 {
        match starts.binary_search(&c) {
            Ok(k) => starts.get(k + 1).copied().unwrap_or(word.len() as u32),
            Err(_) => c,
        }
    };
    let mut glyphs: Vec<WordGlyph> = infos
        .iter()
        .zip(positions)
        .enumerate()
        .map(|(i, (g, p))| {
            // Clusters are monotone: when a cluster has several glyphs, only its first
            // glyph carries its text.
            let first = i == 0 || infos[i - 1].cluster != g.cluster;
            WordGlyph {
                gid: g.glyph_id as u16,
                cluster: g.cluster,
                text_end: if first { end_of(g.cluster) } else { g.cluster },
                advance: p.x_advance,
                dx: p.x_offset,
                dy: p.y_offset,
            }
        })
        .collect();
    give_marks_to_bases(word, &mut glyphs, rtl);
    glyphs
}

/// A combining mark (harakat, shadda, Quranic marks, Latin accents).
fn is_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{06D6}'..='\u{06DC}'
        | '\u{06DF}'..='\u{06E4}'
        | '\u{06E7}'..='\u{06E8}'
        | '\u{06EA}'..='\u{06ED}'
        | '\u{08D3}'..='\u{08FF}')
}

/// Hands the text of each mark glyph to the glyph of the letter it sits on, so "مً" is
/// one piece of text on the letter's glyph and the mark's glyph carries none. A mark is
/// drawn a little above or below the line, and text extractors (poppler) read anything
/// off the baseline as a separate word or line.
fn give_marks_to_bases(text: &str, glyphs: &mut [WordGlyph], rtl: bool) {
    let n = glyphs.len();
    let logical = |k: usize| if rtl { n - 1 - k } else { k };
    let mut carrier: Option<usize> = None;
    for k in 0..n {
        let i = logical(k);
        let g = &glyphs[i];
        let t = &text[g.cluster as usize..g.text_end as usize];
        if t.is_empty() {
            continue;
        }
        match carrier {
            Some(c) if t.chars().all(is_mark) && glyphs[c].text_end == g.cluster => {
                glyphs[c].text_end = glyphs[i].text_end;
                glyphs[i].text_end = glyphs[i].cluster;
            }
            _ => carrier = Some(i),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(s: &str) -> String {
        s.replace(LRI, "<").replace(PDI, ">")
    }

    #[test]
    fn numbers_in_arabic_text_are_isolated() {
        let t = "عرض سعر رقم QTN-2026-00012 بتاريخ 2026-11-23 (صالح لمدة 15 يومًا).";
        assert_eq!(
            show(&isolate_numbers(t)),
            "عرض سعر رقم QTN-2026-00012 بتاريخ <2026-11-23> (صالح لمدة <15> يومًا)."
        );
    }

    #[test]
    fn isolates_keep_signs_percent_and_drop_trailing_stops() {
        assert_eq!(show(&isolate_numbers("خصم 15% فقط")), "خصم <15%> فقط");
        assert_eq!(show(&isolate_numbers("في 23/11/2026.")), "في <23/11/2026>.");
        assert_eq!(show(&isolate_numbers("(+966)")), "(<+966>)");
        assert_eq!(show(&isolate_numbers("1,250.50-")), "<1,250.50>-");
        assert_eq!(show(&isolate_numbers("بدون أرقام")), "بدون أرقام");
        assert_eq!(show(&isolate_numbers("A4 و 3M")), "A4 و 3M");
    }

    #[test]
    fn arabic_indic_digits_only_in_numbers() {
        assert_eq!(
            to_arabic_indic("رقم QTN-2026-00012 بتاريخ 2026-11-23 بمبلغ 1,250.50"),
            "رقم QTN-2026-00012 بتاريخ ٢٠٢٦-١١-٢٣ بمبلغ ١٬٢٥٠٫٥٠"
        );
        assert_eq!(to_arabic_indic("صفحة 1 من 3"), "صفحة ١ من ٣");
    }

    #[test]
    fn direction_from_first_strong_character() {
        assert!(first_strong_rtl("  (عرض) Quote", false));
        assert!(!first_strong_rtl("Quote عرض", true));
        // Digits are not strong: the default decides.
        assert!(first_strong_rtl("2026-11-23", true));
        assert!(!first_strong_rtl("2026-11-23", false));
        // Text inside an isolate does not count.
        assert!(first_strong_rtl("\u{2066}QTN\u{2069} عرض", false));
    }

    #[test]
    fn prepare_isolates_only_right_to_left_paragraphs() {
        let (t, rtl) = prepare("Valid until 2026-11-23", Dir::Auto, true, Digits::Latin);
        assert!(!rtl);
        assert_eq!(t, "Valid until 2026-11-23");
        let (t, rtl) = prepare("حتى\t2026-11-23", Dir::Auto, false, Digits::Latin);
        assert!(rtl);
        assert_eq!(show(&t), "حتى <2026-11-23>");
    }

    fn visual_text(p: &ShapedPara) -> Vec<(u8, String)> {
        p.runs
            .iter()
            .map(|r| (r.level, p.text[r.range.clone()].to_string()))
            .collect()
    }

    #[test]
    fn runs_split_by_level_and_font_and_skip_isolates() {
        let fonts = Fonts::get().unwrap();
        let (t, rtl) = prepare("بتاريخ 2026-11-23 (صالح)", Dir::Auto, false, Digits::Latin);
        let p = Shaper::new(fonts).paragraph(t, rtl, Weight::Regular, 10.0);
        // The isolate characters are in no run; the space after the number follows the
        // number's font.
        assert_eq!(
            visual_text(&p),
            vec![
                (1, "بتاريخ ".to_string()),
                (2, "2026-11-23".to_string()),
                (1, " (".to_string()),
                (1, "صالح".to_string()),
                (1, ")".to_string()),
            ]
        );
        // Noto Naskh Arabic has no brackets: they fall back to Noto Sans.
        let families: Vec<Family> = p.runs.iter().map(|r| r.face.family).collect();
        use Family::{Arabic, Latin};
        assert_eq!(families, [Arabic, Latin, Latin, Arabic, Latin]);
    }

    #[test]
    fn arabic_letters_join() {
        let fonts = Fonts::get().unwrap();
        // The same letter (beh) alone and inside a word must get different glyphs.
        let alone = Shaper::new(fonts).paragraph("ب".into(), true, Weight::Regular, 10.0);
        let joined = Shaper::new(fonts).paragraph("ببب".into(), true, Weight::Regular, 10.0);
        let a = alone.runs[0].glyphs[0].gid;
        let j: Vec<u16> = joined.runs[0].glyphs.iter().map(|g| g.gid).collect();
        assert_eq!(j.len(), 3);
        assert!(
            j.iter().all(|&g| g != a),
            "isolated form used inside a word: {j:?}"
        );
        assert_ne!(j[0], j[1], "final and medial forms differ");
        assert_ne!(j[1], j[2], "medial and initial forms differ");
        // Glyphs come out in visual order: the last letter (final form) is leftmost.
        assert_eq!(joined.runs[0].glyphs[0].cluster, 4);
    }

    #[test]
    fn font_per_script_with_fallback_for_missing_glyphs() {
        let fonts = Fonts::get().unwrap();
        let text = "سعر 15€ (ضريبة ٪١٥) Price © — ١٥، ok";
        let faces = assign_faces(fonts, text, Weight::Regular);
        let naskh = fonts.face(FaceId::new(Family::Arabic, Weight::Regular));
        let sans = fonts.face(FaceId::new(Family::Latin, Weight::Regular));
        for (c, face) in text.chars().zip(&faces) {
            let face = face.unwrap();
            // Arabic script in Naskh, Latin letters and ASCII digits in Noto Sans...
            if is_arabic_script(c) && naskh.has_glyph(c) {
                assert_eq!(face.family, Family::Arabic, "{c}");
            }
            if c.is_ascii_alphanumeric() {
                assert_eq!(face.family, Family::Latin, "{c}");
            }
            // ...and never a face without the glyph when the other one has it.
            if naskh.has_glyph(c) || sans.has_glyph(c) {
                assert!(fonts.face(face).has_glyph(c), "{c} in {face:?}");
            }
        }
        // Naskh has no euro sign or brackets: they come from Noto Sans even among
        // Arabic letters.
        let euro = text.chars().position(|c| c == '€').unwrap();
        assert_eq!(faces[euro].unwrap().family, Family::Latin);
        assert!(!naskh.has_glyph('€') && !naskh.has_glyph('('));
    }

    #[test]
    fn each_word_is_shaped_once() {
        let shaper = Shaper::new(Fonts::get().unwrap());
        let p = shaper.paragraph("سعر سعر سعر سعر".into(), true, Weight::Regular, 10.0);
        // Seven pieces (four words, three spaces); the words differ only by what is on
        // either side (text edge or space): three shapings, and one for the spaces.
        let cached: usize = shaper.words.borrow().values().map(HashMap::len).sum();
        assert_eq!(cached, 4);
        let gids: Vec<u16> = p.runs[0].glyphs.iter().map(|g| g.gid).collect();
        assert_eq!(gids.len(), 4 * 3 + 3);
        assert_eq!(gids[0..3], gids[4..7], "the same word, the same glyphs");
    }

    #[test]
    fn marks_travel_with_their_letter() {
        let fonts = Fonts::get().unwrap();
        let p = Shaper::new(fonts).paragraph("يومًا".into(), true, Weight::Regular, 10.0);
        let texts: Vec<&str> = p.runs[0]
            .glyphs
            .iter()
            .map(|g| &p.text[g.cluster as usize..g.text_end as usize])
            .collect();
        assert!(texts.contains(&"مً"), "{texts:?}");
        assert!(
            texts.contains(&""),
            "the tanween's own glyph carries nothing: {texts:?}"
        );
    }

    #[test]
    fn every_character_is_carried_by_exactly_one_glyph() {
        // What makes the text copyable: the glyphs' texts, in logical order, are the
        // paragraph's characters, each once (lam-alef, marks and spaces included).
        let fonts = Fonts::get().unwrap();
        for text in ["لا إله", "يومًا", "عرض سعر رقم", "Office fi", "(صالح) 15"]
        {
            let p = Shaper::new(fonts).paragraph(text.into(), true, Weight::Regular, 10.0);
            let mut pieces: Vec<(u32, &str)> = p
                .runs
                .iter()
                .flat_map(|r| &r.glyphs)
                .map(|g| (g.cluster, &p.text[g.cluster as usize..g.text_end as usize]))
                .filter(|(_, t)| !t.is_empty())
                .collect();
            pieces.sort();
            let joined: String = pieces.iter().map(|(_, t)| *t).collect();
            assert_eq!(joined, text);
        }
    }
}
