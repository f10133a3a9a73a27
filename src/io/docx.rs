//! Word documents (DOCX) as plan tables: each action-plan table (a table whose
//! header row maps a "what" column), or, when there is none, every paragraph and
//! list item as a candidate objective.

use super::columns::{Field, Mapping};
use super::table::{Table, TableError, TableRow};
use super::zip_limits::ZipLimits;
use std::collections::BTreeMap;
use std::path::Path;

/// `word/document.xml` could not be parsed.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct XmlError(String);

/// A DOCX's action-plan tables (those whose header row maps a `what` column);
/// without any, each non-empty paragraph or list item is a candidate objective.
pub fn read_docx(path: &Path, limits: &ZipLimits) -> Result<Vec<Table>, TableError> {
    super::zip_limits::check(limits, path)?;
    let name = path.display().to_string();
    let fail = |reason: String| TableError::Unreadable {
        path: name.clone(),
        reason,
    };
    let file = std::fs::File::open(path).map_err(|e| fail(e.to_string()))?;
    let mut zip = zip::ZipArchive::new(file)
        .map_err(|e| fail(format!("not a readable DOCX (zip) file: {e}")))?;
    let mut xml = String::new();
    {
        use std::io::Read;
        let mut doc = zip
            .by_name("word/document.xml")
            .map_err(|_| fail("not a Word document (no word/document.xml)".into()))?;
        doc.read_to_string(&mut xml)
            .map_err(|e| fail(format!("word/document.xml cannot be read: {e}")))?;
    }
    let (tables, paragraphs) = parse_document_xml(&xml).map_err(|e| fail(e.to_string()))?;
    let mut out = Vec::new();
    for (k, t) in tables.iter().enumerate() {
        let Some((header, body)) = t.split_first() else {
            continue;
        };
        let mapping = Mapping::from_headers(header, &BTreeMap::new()).unwrap_or_default();
        if mapping.get(Field::What).is_none() {
            continue;
        }
        out.push(Table {
            file: name.clone(),
            sheet: Some(format!("table {}", k + 1)),
            headers: header.clone(),
            rows: body
                .iter()
                .enumerate()
                .map(|(i, cells)| TableRow {
                    number: i + 2,
                    cells: cells.clone(),
                })
                .collect(),
        });
    }
    if out.is_empty() {
        out.push(Table {
            file: name.clone(),
            sheet: Some("paragraphs".into()),
            headers: vec!["objective".into()],
            rows: paragraphs
                .into_iter()
                .enumerate()
                .filter(|(_, p)| !p.trim().is_empty())
                .map(|(i, p)| TableRow {
                    number: i + 1,
                    cells: vec![p],
                })
                .collect(),
        });
    }
    Ok(out)
}

type Rows = Vec<Vec<String>>;

/// Tables (rows of cell texts) and the paragraphs outside tables, from document.xml.
pub fn parse_document_xml(xml: &str) -> Result<(Vec<Rows>, Vec<String>), XmlError> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut tables: Vec<Rows> = Vec::new();
    let mut paragraphs = Vec::new();
    let mut depth = 0usize; // table nesting
    let mut row: Vec<String> = Vec::new();
    let mut cell = String::new();
    let mut para = String::new();
    let mut in_text = false;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => match e.name().as_ref() {
                b"w:tbl" => {
                    depth += 1;
                    if depth == 1 {
                        tables.push(Vec::new());
                    }
                }
                b"w:tr" if depth == 1 => row.clear(),
                b"w:tc" if depth == 1 => cell.clear(),
                b"w:t" => in_text = true,
                _ => {}
            },
            Ok(Event::Empty(e)) => match e.name().as_ref() {
                b"w:tab" => para.push(' '),
                b"w:br" => para.push(' '),
                _ => {}
            },
            Ok(Event::End(e)) => match e.name().as_ref() {
                b"w:t" => in_text = false,
                b"w:p" => {
                    let text = std::mem::take(&mut para);
                    if depth == 0 {
                        paragraphs.push(text.trim().to_string());
                    } else {
                        if !cell.is_empty() && !text.is_empty() {
                            cell.push(' ');
                        }
                        cell.push_str(text.trim());
                    }
                }
                b"w:tc" if depth == 1 => row.push(std::mem::take(&mut cell)),
                b"w:tr" if depth == 1 => {
                    if let Some(t) = tables.last_mut() {
                        t.push(std::mem::take(&mut row));
                    }
                }
                b"w:tbl" => depth = depth.saturating_sub(1),
                _ => {}
            },
            Ok(Event::Text(t)) if in_text => {
                let text = t
                    .unescape()
                    .map_err(|e| XmlError(format!("document.xml: {e}")))?;
                para.push_str(&text);
            }
            Ok(Event::Eof) => break,
            Err(e) => {
                return Err(XmlError(format!(
                    "word/document.xml is not well-formed at byte {}: {e}",
                    reader.buffer_position()
                )))
            }
            _ => {}
        }
    }
    Ok((tables, paragraphs))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn document_xml_tables_and_paragraphs() {
        let xml = r#"<w:document xmlns:w="x"><w:body>
            <w:p><w:r><w:t>Child's plan for A.</w:t></w:r></w:p>
            <w:tbl><w:tr><w:tc><w:p><w:r><w:t>Action</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Who</w:t></w:r></w:p></w:tc></w:tr>
            <w:tr><w:tc><w:p><w:r><w:t xml:space="preserve">Attend </w:t></w:r><w:r><w:t>school</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Amy</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
            <w:p><w:r><w:t>Mum to engage &amp; attend.</w:t></w:r></w:p>
            </w:body></w:document>"#;
        let (tables, paragraphs) = parse_document_xml(xml).unwrap();
        assert_eq!(
            tables,
            vec![vec![
                vec!["Action".to_string(), "Who".into()],
                vec!["Attend school".into(), "Amy".into()]
            ]]
        );
        assert_eq!(
            paragraphs,
            vec!["Child's plan for A.", "Mum to engage & attend."]
        );
        assert!(parse_document_xml("<w:p><w:t>broken</w:p>").is_err());
    }
}
