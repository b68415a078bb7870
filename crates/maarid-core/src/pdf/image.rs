//! PNG and JPEG images (a company logo, say), ready to embed: a PNG is decoded and
//! compressed once, a JPEG goes into the PDF as it is.

use std::collections::BTreeMap;
use std::io::{Cursor, Write};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use base64::Engine;
use printpdf::{DictItem, ExternalStream, ExternalXObject, PdfDocument, Px, XObjectId};

use crate::{Error, Result, Rule};

/// An image to draw with [`Canvas::image`](super::Canvas::image). Cheap to clone; a
/// document embeds it once however many times it is drawn.
#[derive(Clone)]
pub struct Image {
    id: u64,
    width: u32,
    height: u32,
    xobject: Arc<ExternalXObject>,
}

impl std::fmt::Debug for Image {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Image")
            .field("width", &self.width)
            .field("height", &self.height)
            .finish()
    }
}

fn bad() -> Error {
    Error::invalid("image", Rule::BadFormat)
}

fn name(s: &str) -> DictItem {
    DictItem::Name(s.as_bytes().to_vec())
}

fn deflate(data: &[u8]) -> Result<Vec<u8>> {
    let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(data)
        .and_then(|_| e.finish())
        .map_err(|e| Error::Internal(format!("compressing an image: {e}")))
}

impl Image {
    /// A PNG or JPEG file's bytes.
    pub fn from_bytes(bytes: &[u8]) -> Result<Image> {
        if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            Self::png(bytes)
        } else if bytes.starts_with(&[0xFF, 0xD8]) {
            Self::jpeg(bytes)
        } else {
            Err(bad())
        }
    }

    /// A `data:image/png;base64,…` or `data:image/jpeg;base64,…` URL, as the company
    /// profile stores its logo. (SVG logos cannot be printed yet.)
    pub fn from_data_url(url: &str) -> Result<Image> {
        let rest = url.trim().strip_prefix("data:").ok_or_else(bad)?;
        let (mime, b64) = rest.split_once(";base64,").ok_or_else(bad)?;
        if !matches!(mime, "image/png" | "image/jpeg" | "image/jpg") {
            return Err(bad());
        }
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(b64.trim())
            .map_err(|_| bad())?;
        Self::from_bytes(&bytes)
    }

    /// Width and height in pixels.
    pub fn size(&self) -> (u32, u32) {
        (self.width, self.height)
    }

    /// Width divided by height.
    pub fn aspect(&self) -> f64 {
        f64::from(self.width) / f64::from(self.height.max(1))
    }

    pub(crate) fn id(&self) -> u64 {
        self.id
    }

    pub(crate) fn register(&self, pdf: &mut PdfDocument) -> XObjectId {
        pdf.add_xobject(&self.xobject)
    }

    fn new(width: u32, height: u32, dict: BTreeMap<String, DictItem>, content: Vec<u8>) -> Image {
        static NEXT: AtomicU64 = AtomicU64::new(1);
        Image {
            id: NEXT.fetch_add(1, Ordering::Relaxed),
            width,
            height,
            xobject: Arc::new(ExternalXObject {
                stream: ExternalStream {
                    dict,
                    content,
                    compress: false,
                },
                width: Some(Px(width as usize)),
                height: Some(Px(height as usize)),
                dpi: None,
            }),
        }
    }

    fn image_dict(
        width: u32,
        height: u32,
        colour_space: &str,
        filter: &str,
    ) -> BTreeMap<String, DictItem> {
        BTreeMap::from([
            ("Type".to_string(), name("XObject")),
            ("Subtype".to_string(), name("Image")),
            ("Width".to_string(), DictItem::Int(i64::from(width))),
            ("Height".to_string(), DictItem::Int(i64::from(height))),
            ("ColorSpace".to_string(), name(colour_space)),
            ("BitsPerComponent".to_string(), DictItem::Int(8)),
            ("Filter".to_string(), name(filter)),
        ])
    }

    fn png(bytes: &[u8]) -> Result<Image> {
        let mut decoder = png::Decoder::new(Cursor::new(bytes));
        decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
        let mut reader = decoder.read_info().map_err(|_| bad())?;
        let mut buf = vec![0; reader.output_buffer_size().ok_or_else(bad)?];
        let info = reader.next_frame(&mut buf).map_err(|_| bad())?;
        let (w, h) = (info.width, info.height);
        let pixels = &buf[..info.buffer_size()];
        let (channels, colour_space) = match info.color_type {
            png::ColorType::Grayscale => (1, "DeviceGray"),
            png::ColorType::GrayscaleAlpha => (2, "DeviceGray"),
            png::ColorType::Rgb => (3, "DeviceRGB"),
            png::ColorType::Rgba => (4, "DeviceRGB"),
            png::ColorType::Indexed => return Err(bad()),
        };
        let has_alpha = channels % 2 == 0;
        let colour_n = if has_alpha { channels - 1 } else { channels };
        let mut colour = Vec::with_capacity(pixels.len());
        let mut alpha = Vec::new();
        for px in pixels.chunks_exact(channels) {
            colour.extend_from_slice(&px[..colour_n]);
            if has_alpha {
                alpha.push(px[channels - 1]);
            }
        }
        let mut dict = Self::image_dict(w, h, colour_space, "FlateDecode");
        if has_alpha && alpha.iter().any(|&a| a != 255) {
            dict.insert(
                "SMask".to_string(),
                DictItem::Stream {
                    stream: ExternalStream {
                        dict: Self::image_dict(w, h, "DeviceGray", "FlateDecode"),
                        content: deflate(&alpha)?,
                        compress: false,
                    },
                },
            );
        }
        Ok(Self::new(w, h, dict, deflate(&colour)?))
    }

    fn jpeg(bytes: &[u8]) -> Result<Image> {
        let (w, h, components) = jpeg_header(bytes).ok_or_else(bad)?;
        let colour_space = match components {
            1 => "DeviceGray",
            3 => "DeviceRGB",
            4 => "DeviceCMYK",
            _ => return Err(bad()),
        };
        let mut dict = Self::image_dict(w, h, colour_space, "DCTDecode");
        if components == 4 {
            // Adobe writes CMYK JPEGs inverted.
            dict.insert(
                "Decode".to_string(),
                DictItem::Array([1, 0, 1, 0, 1, 0, 1, 0].map(DictItem::Int).to_vec()),
            );
        }
        Ok(Self::new(w, h, dict, bytes.to_vec()))
    }
}

/// Width, height and colour components from a JPEG's start-of-frame marker.
fn jpeg_header(b: &[u8]) -> Option<(u32, u32, u8)> {
    let mut i = 2;
    while i + 4 <= b.len() {
        if b[i] != 0xFF {
            return None;
        }
        let marker = b[i + 1];
        if marker == 0xFF {
            i += 1; // fill byte
            continue;
        }
        let len = usize::from(u16::from_be_bytes([b[i + 2], b[i + 3]]));
        // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC).
        if (0xC0..=0xCF).contains(&marker) && !matches!(marker, 0xC4 | 0xC8 | 0xCC) {
            let s = b.get(i + 4..i + 4 + 6)?;
            let h = u32::from(u16::from_be_bytes([s[1], s[2]]));
            let w = u32::from(u16::from_be_bytes([s[3], s[4]]));
            return (w > 0 && h > 0).then_some((w, h, s[5]));
        }
        i += 2 + len;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A 3×2 RGBA PNG with one transparent pixel.
    fn tiny_png() -> Vec<u8> {
        let mut out = Vec::new();
        {
            let mut enc = png::Encoder::new(&mut out, 3, 2);
            enc.set_color(png::ColorType::Rgba);
            enc.set_depth(png::BitDepth::Eight);
            let mut w = enc.write_header().unwrap();
            let mut px = vec![200u8; 3 * 2 * 4];
            px[3] = 0;
            w.write_image_data(&px).unwrap();
        }
        out
    }

    #[test]
    fn png_with_alpha_gets_a_soft_mask() {
        let img = Image::from_bytes(&tiny_png()).unwrap();
        assert_eq!(img.size(), (3, 2));
        assert!(img.xobject.stream.dict.contains_key("SMask"));
        assert!((img.aspect() - 1.5).abs() < 1e-12);
    }

    #[test]
    fn data_urls_as_the_company_profile_stores_them() {
        let b64 = base64::engine::general_purpose::STANDARD.encode(tiny_png());
        let img = Image::from_data_url(&format!("data:image/png;base64,{b64}")).unwrap();
        assert_eq!(img.size(), (3, 2));
        for bad in [
            "data:image/svg+xml;base64,PHN2Zz4=",
            "data:image/png;base64,!!!",
            "image/png;base64,AAAA",
            "data:image/png;base64,AAAA",
        ] {
            assert_eq!(
                Image::from_data_url(bad).unwrap_err().code(),
                "invalid_input",
                "{bad}"
            );
        }
    }

    #[test]
    fn jpeg_size_from_its_frame_header() {
        // SOI, APP0 (length 16), SOF0 (8 bits, 40 high, 120 wide, 3 components).
        let mut j = vec![0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10];
        j.extend_from_slice(&[0; 14]);
        j.extend_from_slice(&[0xFF, 0xC0, 0x00, 0x11, 0x08, 0x00, 0x28, 0x00, 0x78, 0x03]);
        j.extend_from_slice(&[0; 9]);
        let img = Image::from_bytes(&j).unwrap();
        assert_eq!(img.size(), (120, 40));
        assert!(Image::from_bytes(&[0xFF, 0xD8, 0xFF]).is_err());
    }
}
