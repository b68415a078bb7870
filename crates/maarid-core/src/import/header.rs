//! Finding the real header row. Legacy sheets often start with a title («كشف العملاء
//! 2023»), a merged banner or an empty row; the header is the row whose cells name
//! the most known columns, among the first rows of the sheet.

use super::values::Cell;
use crate::search::normalize::normalize;

/// How many rows from the top are searched for the header.
pub const HEADER_SCAN_ROWS: usize = 30;

/// Column names people use, in Arabic and English, for each contact field. Compared
/// after Arabic-aware normalisation (hamza forms, ta marbuta, diacritics…) and case.
pub const CONTACT_SYNONYMS: &[(&str, &[&str])] = &[
    (
        "name_ar",
        &[
            "الاسم",
            "اسم العميل",
            "العميل",
            "الاسم الكامل",
            "اسم الزبون",
            "name",
            "customer",
            "customer name",
            "full name",
            "client",
        ],
    ),
    (
        "name_latin",
        &[
            "الاسم بالانجليزي",
            "الاسم بالإنجليزية",
            "english name",
            "name (english)",
            "latin name",
        ],
    ),
    (
        "phone",
        &[
            "الجوال",
            "رقم الجوال",
            "الهاتف",
            "رقم الهاتف",
            "جوال",
            "هاتف",
            "موبايل",
            "واتساب",
            "mobile",
            "phone",
            "phone number",
            "tel",
            "telephone",
            "whatsapp",
            "cell",
        ],
    ),
    (
        "email",
        &[
            "البريد الإلكتروني",
            "البريد",
            "الإيميل",
            "ايميل",
            "email",
            "e-mail",
            "mail",
        ],
    ),
    ("city", &["المدينة", "المدينه", "city", "town"]),
    (
        "company_name",
        &[
            "الشركة",
            "اسم الشركة",
            "الجهة",
            "company",
            "company name",
            "organisation",
            "organization",
        ],
    ),
    (
        "job_title",
        &[
            "الوظيفة",
            "المسمى الوظيفي",
            "المنصب",
            "job title",
            "title",
            "position",
        ],
    ),
    (
        "notes",
        &["ملاحظات", "الملاحظات", "notes", "remarks", "comments"],
    ),
    (
        "visit_date",
        &[
            "تاريخ الزيارة",
            "تاريخ الزياره",
            "visit date",
            "date of visit",
        ],
    ),
    (
        "source",
        &["المصدر", "مصدر العميل", "source", "lead source"],
    ),
];

/// The header row and which column holds which field.
#[derive(Debug, Clone, PartialEq)]
pub struct HeaderMatch {
    /// 0-based row index of the header in the sheet.
    pub row: usize,
    /// (column index, field key) for every recognised column, left to right.
    pub columns: Vec<(usize, &'static str)>,
    /// Column indexes with a header text that matched no field (the user maps them).
    pub unknown: Vec<usize>,
}

fn key(text: &str) -> String {
    normalize(text).to_lowercase()
}

fn field_of(text: &str, synonyms: &[(&'static str, &[&str])]) -> Option<&'static str> {
    let k = key(text);
    if k.is_empty() {
        return None;
    }
    synonyms
        .iter()
        .find(|(_, names)| names.iter().any(|n| key(n) == k))
        .map(|(field, _)| *field)
}

/// The row among the first [`HEADER_SCAN_ROWS`] that names the most known fields
/// (at least two; the first such row wins a tie). Title rows, empty rows and merged
/// banners above it are skipped because they name at most one.
pub fn find_header(
    rows: &[Vec<Cell>],
    synonyms: &[(&'static str, &[&str])],
) -> Option<HeaderMatch> {
    let mut best: Option<HeaderMatch> = None;
    for (i, row) in rows.iter().take(HEADER_SCAN_ROWS).enumerate() {
        let mut columns = Vec::new();
        let mut unknown = Vec::new();
        for (c, cell) in row.iter().enumerate() {
            let Cell::Text(t) = cell else { continue };
            match field_of(t, synonyms) {
                Some(f) if !columns.iter().any(|(_, g)| *g == f) => columns.push((c, f)),
                Some(_) => unknown.push(c), // a second column with the same meaning
                None if !t.trim().is_empty() => unknown.push(c),
                None => {}
            }
        }
        if columns.len() >= 2
            && best
                .as_ref()
                .is_none_or(|b| columns.len() > b.columns.len())
        {
            best = Some(HeaderMatch {
                row: i,
                columns,
                unknown,
            });
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Cell {
        if s.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(s.into())
        }
    }

    fn row(cells: &[&str]) -> Vec<Cell> {
        cells.iter().map(|c| text(c)).collect()
    }

    #[test]
    fn the_header_is_found_under_title_rows_and_spelling_variants() {
        let sheet = vec![
            row(&["كشف عملاء معرض النخبة 2023", "", "", ""]),
            row(&[]),
            row(&[
                "م",
                "اسم العميل",
                "رقم الجوال",
                "المدينه",
                "البريد الالكتروني",
                "تاريخ الزيارة",
            ]),
            vec![
                Cell::Int(1),
                text("أحمد"),
                Cell::Float(551234567.0),
                text("الرياض"),
                text("a@x.sa"),
                Cell::DateSerial(45366.0),
            ],
        ];
        let h = find_header(&sheet, CONTACT_SYNONYMS).unwrap();
        assert_eq!(h.row, 2);
        assert_eq!(
            h.columns,
            vec![
                (1, "name_ar"),
                (2, "phone"),
                (3, "city"),
                (4, "email"),
                (5, "visit_date")
            ]
        );
        assert_eq!(
            h.unknown,
            vec![0],
            "the row-number column is left for the user"
        );
    }

    #[test]
    fn english_headers_and_no_header_at_all() {
        let sheet = vec![row(&["Customer Name", "Mobile", "E-mail", "Remarks"])];
        let h = find_header(&sheet, CONTACT_SYNONYMS).unwrap();
        assert_eq!((h.row, h.columns.len()), (0, 4));
        let data_only = vec![row(&["أحمد", "0551234567"]), row(&["سارة", "0561234567"])];
        assert_eq!(find_header(&data_only, CONTACT_SYNONYMS), None);
    }
}
