//! The four bundled faces (Noto Naskh Arabic and Noto Sans, regular and bold), compiled
//! into the program. Each is parsed once per process: rustybuzz for shaping and
//! measuring, printpdf for embedding (it subsets the glyphs a document uses).

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use rustybuzz::{Direction, Face, ShapePlan};

use super::Weight;
use crate::{Error, Result};

static NASKH_REGULAR: &[u8] =
    include_bytes!("../../../../assets/fonts/NotoNaskhArabic-Regular.ttf");
static NASKH_BOLD: &[u8] = include_bytes!("../../../../assets/fonts/NotoNaskhArabic-Bold.ttf");
static SANS_REGULAR: &[u8] = include_bytes!("../../../../assets/fonts/NotoSans-Regular.ttf");
static SANS_BOLD: &[u8] = include_bytes!("../../../../assets/fonts/NotoSans-Bold.ttf");

/// Which family a run of text is set in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Family {
    /// Noto Naskh Arabic: Arabic script.
    Arabic,
    /// Noto Sans: Latin, digits, punctuation.
    Latin,
}

impl Family {
    pub(crate) fn other(self) -> Family {
        match self {
            Family::Arabic => Family::Latin,
            Family::Latin => Family::Arabic,
        }
    }
}

/// One of the four bundled faces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct FaceId {
    pub family: Family,
    pub weight: Weight,
}

impl FaceId {
    pub(crate) const ALL: [FaceId; 4] = [
        FaceId::new(Family::Arabic, Weight::Regular),
        FaceId::new(Family::Arabic, Weight::Bold),
        FaceId::new(Family::Latin, Weight::Regular),
        FaceId::new(Family::Latin, Weight::Bold),
    ];

    pub(crate) const fn new(family: Family, weight: Weight) -> Self {
        FaceId { family, weight }
    }

    /// Position in [`FaceId::ALL`], for small per-face arrays.
    pub(crate) fn index(self) -> usize {
        match (self.family, self.weight) {
            (Family::Arabic, Weight::Regular) => 0,
            (Family::Arabic, Weight::Bold) => 1,
            (Family::Latin, Weight::Regular) => 2,
            (Family::Latin, Weight::Bold) => 3,
        }
    }

    fn bytes(self) -> &'static [u8] {
        [NASKH_REGULAR, NASKH_BOLD, SANS_REGULAR, SANS_BOLD][self.index()]
    }
}

/// A parsed face: shaping data, vertical metrics and (on first use) the embeddable font.
pub(crate) struct LoadedFace {
    pub face: Face<'static>,
    /// Font units per em.
    pub upm: f64,
    /// Ascender and descender (positive, below the baseline) in em.
    pub ascent: f64,
    pub descent: f64,
    embed: OnceLock<std::result::Result<printpdf::ParsedFont, String>>,
    bytes: &'static [u8],
}

impl LoadedFace {
    fn load(id: FaceId) -> Result<Self> {
        let bytes = id.bytes();
        let face = Face::from_slice(bytes, 0)
            .ok_or_else(|| Error::Internal(format!("bundled font {id:?} does not parse")))?;
        let upm = f64::from(face.units_per_em());
        Ok(LoadedFace {
            upm,
            ascent: f64::from(face.ascender()) / upm,
            descent: -f64::from(face.descender()) / upm,
            face,
            embed: OnceLock::new(),
            bytes,
        })
    }

    /// A glyph's advance as the PDF's `/W` array gives it (thousandths of an em, cut to
    /// a whole number as printpdf writes it): what a viewer moves its pen by.
    pub(crate) fn pdf_width(&self, gid: u16) -> f64 {
        let adv = self
            .face
            .glyph_hor_advance(rustybuzz::ttf_parser::GlyphId(gid));
        adv.map_or(0.0, |a| {
            (f32::from(a) * 1000.0 / self.upm as f32) as i64 as f64
        })
    }

    pub(crate) fn has_glyph(&self, c: char) -> bool {
        self.face.glyph_index(c).is_some()
    }

    /// The face as printpdf embeds it (parsed on first use, then shared): the same glyphs
    /// and metrics without the hinting instructions and shaping tables, which a PDF viewer
    /// does not need and which would be copied into every subset.
    pub(crate) fn embeddable(&self) -> Result<&printpdf::ParsedFont> {
        self.embed
            .get_or_init(|| {
                let bytes = strip_for_embedding(self.bytes)
                    .ok_or_else(|| "a bundled font's tables do not parse".to_string())?;
                let mut warnings = Vec::new();
                printpdf::ParsedFont::from_bytes(&bytes, 0, &mut warnings)
                    .ok_or_else(|| format!("printpdf cannot parse a bundled font: {warnings:?}"))
            })
            .as_ref()
            .map_err(|e| Error::Internal(e.clone()))
    }
}

/// The bundled fonts, loaded once per process (see [`Fonts::get`]).
pub(crate) struct Fonts {
    faces: [LoadedFace; 4],
    /// Shape plans are costly to build and depend only on face, direction and script.
    plans: Mutex<HashMap<(usize, bool), Arc<ShapePlan>>>,
}

impl Fonts {
    /// The process-wide fonts. The first call parses the four faces (about a millisecond).
    pub(crate) fn get() -> Result<&'static Fonts> {
        static FONTS: OnceLock<std::result::Result<Fonts, String>> = OnceLock::new();
        FONTS
            .get_or_init(|| {
                let load = |i: usize| LoadedFace::load(FaceId::ALL[i]).map_err(|e| e.to_string());
                Ok(Fonts {
                    faces: [load(0)?, load(1)?, load(2)?, load(3)?],
                    plans: Mutex::new(HashMap::new()),
                })
            })
            .as_ref()
            .map_err(|e| Error::Internal(e.clone()))
    }

    pub(crate) fn face(&self, id: FaceId) -> &LoadedFace {
        &self.faces[id.index()]
    }

    /// The shape plan for a face and direction (the script follows from the family).
    pub(crate) fn plan(&self, id: FaceId, rtl: bool) -> Arc<ShapePlan> {
        let key = (id.index(), rtl);
        let mut plans = self.plans.lock().unwrap_or_else(|p| p.into_inner());
        plans
            .entry(key)
            .or_insert_with(|| {
                let (dir, script) = plan_props(id.family, rtl);
                Arc::new(ShapePlan::new(
                    &self.face(id).face,
                    dir,
                    Some(script),
                    None,
                    &[],
                ))
            })
            .clone()
    }

    /// Ascent and descent (in em) that fit both families of a weight, so a line's
    /// height does not depend on which scripts it happens to contain.
    pub(crate) fn line_metrics(&self, weight: Weight) -> (f64, f64) {
        let a = self.face(FaceId::new(Family::Arabic, weight));
        let l = self.face(FaceId::new(Family::Latin, weight));
        (a.ascent.max(l.ascent), a.descent.max(l.descent))
    }
}

pub(crate) fn plan_props(family: Family, rtl: bool) -> (Direction, rustybuzz::Script) {
    let dir = if rtl {
        Direction::RightToLeft
    } else {
        Direction::LeftToRight
    };
    let script = match family {
        Family::Arabic => rustybuzz::script::ARABIC,
        Family::Latin => rustybuzz::script::LATIN,
    };
    (dir, script)
}

fn u16_at(b: &[u8], i: usize) -> Option<u16> {
    Some(u16::from_be_bytes(b.get(i..i + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], i: usize) -> Option<u32> {
    Some(u32::from_be_bytes(b.get(i..i + 4)?.try_into().ok()?))
}

/// Tables a PDF viewer never reads from an embedded TrueType font: hinting programs and
/// device metrics, and the OpenType layout tables (the text is shaped already).
const DROPPED_TABLES: [&[u8; 4]; 11] = [
    b"cvt ", b"fpgm", b"prep", b"hdmx", b"LTSH", b"VDMX", b"gasp", b"DSIG", b"GSUB", b"GPOS",
    b"GDEF",
];

/// A copy of a TrueType font for embedding: hinting tables dropped, every glyph's
/// instructions removed (`glyf` and `loca` rebuilt, long offsets), glyph ids and metrics
/// unchanged. `None` if the font is not a TrueType font this understands.
pub(crate) fn strip_for_embedding(font: &[u8]) -> Option<Vec<u8>> {
    let n = usize::from(u16_at(font, 4)?);
    let mut tables: Vec<([u8; 4], &[u8])> = Vec::with_capacity(n);
    for i in 0..n {
        let rec = 12 + 16 * i;
        let tag: [u8; 4] = font.get(rec..rec + 4)?.try_into().ok()?;
        let off = u32_at(font, rec + 8)? as usize;
        let len = u32_at(font, rec + 12)? as usize;
        tables.push((tag, font.get(off..off.checked_add(len)?)?));
    }
    let table = |t: &[u8; 4]| tables.iter().find(|(tag, _)| tag == t).map(|(_, d)| *d);
    let head = table(b"head")?;
    let maxp = table(b"maxp")?;
    let loca = table(b"loca")?;
    let glyf = table(b"glyf")?;
    let num_glyphs = usize::from(u16_at(maxp, 4)?);
    let long = u16_at(head, 50)? == 1;
    let offset = |i: usize| -> Option<usize> {
        if long {
            u32_at(loca, 4 * i).map(|o| o as usize)
        } else {
            u16_at(loca, 2 * i).map(|o| 2 * usize::from(o))
        }
    };

    let mut new_glyf = Vec::with_capacity(glyf.len());
    let mut new_loca = Vec::with_capacity(4 * (num_glyphs + 1));
    for i in 0..num_glyphs {
        new_loca.extend_from_slice(&(new_glyf.len() as u32).to_be_bytes());
        let g = glyf.get(offset(i)?..offset(i + 1)?)?;
        if !g.is_empty() {
            strip_glyph(g, &mut new_glyf)?;
            while new_glyf.len() % 4 != 0 {
                new_glyf.push(0);
            }
        }
    }
    new_loca.extend_from_slice(&(new_glyf.len() as u32).to_be_bytes());

    let mut new_head = head.to_vec();
    new_head
        .get_mut(50..52)?
        .copy_from_slice(&1u16.to_be_bytes());
    new_head.get_mut(8..12)?.copy_from_slice(&[0; 4]); // checkSumAdjustment
    let mut new_maxp = maxp.to_vec();
    if new_maxp.len() >= 32 {
        // No storage, functions or instructions any more.
        new_maxp[18..28].fill(0);
    }

    let new_name = table(b"name").and_then(short_name_table);
    let mut out_tables: Vec<([u8; 4], std::borrow::Cow<[u8]>)> = tables
        .iter()
        .filter(|(tag, _)| !DROPPED_TABLES.contains(&tag))
        .map(|(tag, data)| {
            let data: std::borrow::Cow<[u8]> = match tag {
                b"head" => new_head.clone().into(),
                b"maxp" => new_maxp.clone().into(),
                b"loca" => new_loca.clone().into(),
                b"glyf" => new_glyf.clone().into(),
                b"name" => new_name.clone().map_or((*data).into(), Into::into),
                _ => (*data).into(),
            };
            (*tag, data)
        })
        .collect();
    out_tables.sort_by_key(|t| t.0);
    Some(write_sfnt(&out_tables))
}

/// The `name` table with only the copyright and the names (family, style, full and
/// PostScript name) in their Windows Unicode records: the long licence and description
/// texts would otherwise be copied into every subset. (The licence ships in `assets/`.)
fn short_name_table(name: &[u8]) -> Option<Vec<u8>> {
    let count = usize::from(u16_at(name, 2)?);
    let strings = usize::from(u16_at(name, 4)?);
    let mut records = Vec::new();
    let mut data = Vec::new();
    for i in 0..count {
        let r = 6 + 12 * i;
        let (platform, id) = (u16_at(name, r)?, u16_at(name, r + 6)?);
        if platform != 3 || ![0, 1, 2, 4, 6].contains(&id) {
            continue;
        }
        let len = usize::from(u16_at(name, r + 8)?);
        let off = strings + usize::from(u16_at(name, r + 10)?);
        let mut rec = name.get(r..r + 8)?.to_vec();
        rec.extend_from_slice(&(len as u16).to_be_bytes());
        rec.extend_from_slice(&(data.len() as u16).to_be_bytes());
        records.push(rec);
        data.extend_from_slice(name.get(off..off + len)?);
    }
    if records.is_empty() {
        return None;
    }
    let mut out = Vec::new();
    out.extend_from_slice(&0u16.to_be_bytes());
    out.extend_from_slice(&(records.len() as u16).to_be_bytes());
    out.extend_from_slice(&((6 + 12 * records.len()) as u16).to_be_bytes());
    records.iter().for_each(|r| out.extend_from_slice(r));
    out.extend_from_slice(&data);
    Some(out)
}

/// Appends `g` without its instructions.
fn strip_glyph(g: &[u8], out: &mut Vec<u8>) -> Option<()> {
    let contours = u16_at(g, 0)? as i16;
    if contours >= 0 {
        let n = usize::from(contours as u16);
        let at = 10 + 2 * n;
        let ilen = usize::from(u16_at(g, at)?);
        out.extend_from_slice(g.get(..at)?);
        out.extend_from_slice(&[0, 0]);
        out.extend_from_slice(g.get(at + 2 + ilen..)?);
        return Some(());
    }
    // A composite glyph: components, then instructions if the last one says so.
    const WORDS: u16 = 0x0001;
    const SCALE: u16 = 0x0008;
    const MORE: u16 = 0x0020;
    const XY_SCALE: u16 = 0x0040;
    const TWO_BY_TWO: u16 = 0x0080;
    const INSTRUCTIONS: u16 = 0x0100;
    let start = out.len();
    out.extend_from_slice(g.get(..10)?);
    let mut i = 10;
    loop {
        let flags = u16_at(g, i)?;
        let mut len = 4 + if flags & WORDS != 0 { 4 } else { 2 };
        if flags & SCALE != 0 {
            len += 2;
        } else if flags & XY_SCALE != 0 {
            len += 4;
        } else if flags & TWO_BY_TWO != 0 {
            len += 8;
        }
        let at = out.len();
        out.extend_from_slice(g.get(i..i + len)?);
        out[at..at + 2].copy_from_slice(&(flags & !INSTRUCTIONS).to_be_bytes());
        i += len;
        if flags & MORE == 0 {
            break;
        }
    }
    debug_assert!(out.len() > start);
    Some(())
}

fn checksum(data: &[u8]) -> u32 {
    data.chunks(4).fold(0u32, |sum, c| {
        let mut w = [0u8; 4];
        w[..c.len()].copy_from_slice(c);
        sum.wrapping_add(u32::from_be_bytes(w))
    })
}

fn write_sfnt(tables: &[([u8; 4], std::borrow::Cow<[u8]>)]) -> Vec<u8> {
    let n = tables.len() as u16;
    let pow = if n == 0 {
        0
    } else {
        15 - n.leading_zeros() as u16
    };
    let search_range = (1u16 << pow) * 16;
    let mut out = Vec::new();
    out.extend_from_slice(&0x0001_0000u32.to_be_bytes());
    for v in [n, search_range, pow, n * 16 - search_range] {
        out.extend_from_slice(&v.to_be_bytes());
    }
    let mut offset = 12 + 16 * tables.len();
    for (tag, data) in tables {
        out.extend_from_slice(tag);
        out.extend_from_slice(&checksum(data).to_be_bytes());
        out.extend_from_slice(&(offset as u32).to_be_bytes());
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        offset += data.len().div_ceil(4) * 4;
    }
    for (_, data) in tables {
        out.extend_from_slice(data);
        while out.len() % 4 != 0 {
            out.push(0);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stripped_fonts_keep_glyphs_and_metrics() {
        for id in FaceId::ALL {
            let original = Face::from_slice(id.bytes(), 0).unwrap();
            let bytes = strip_for_embedding(id.bytes()).unwrap();
            assert!(
                bytes.len() < id.bytes().len() * 9 / 10,
                "{id:?} shrank only to {}",
                bytes.len()
            );
            let stripped = Face::from_slice(&bytes, 0).unwrap();
            assert_eq!(stripped.number_of_glyphs(), original.number_of_glyphs());
            for c in ['ب', 'ع', 'A', 'g', '5', '(', '٣'] {
                let g = original.glyph_index(c);
                assert_eq!(stripped.glyph_index(c), g, "{id:?} {c}");
                if let Some(g) = g {
                    assert_eq!(stripped.glyph_hor_advance(g), original.glyph_hor_advance(g));
                    assert_eq!(
                        stripped.glyph_bounding_box(g),
                        original.glyph_bounding_box(g)
                    );
                }
            }
            let has = |t: &[u8; 4]| {
                stripped
                    .raw_face()
                    .table(rustybuzz::ttf_parser::Tag::from_bytes(t))
                    .is_some()
            };
            assert!(!has(b"fpgm") && !has(b"GPOS") && has(b"glyf") && has(b"name"));
            let names: Vec<String> = stripped
                .names()
                .into_iter()
                .filter_map(|n| n.to_string())
                .collect();
            assert!(names.iter().any(|n| n.starts_with("Noto")), "{names:?}");
            assert!(names.iter().any(|n| n.contains("Copyright")), "{names:?}");
            assert!(names.len() <= 5, "{names:?}");
        }
    }
}
