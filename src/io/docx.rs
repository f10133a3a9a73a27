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

/// A DOCX's action-plan tables (those whose header row maps a `what` column),
/// and notes on what else it holds; without any table, its numbered or
/// bulleted items are the objectives (every non-empty paragraph, when it has
/// no list). With tables, list items outside them are counted and named in a
/// note, not judged.
pub fn read_docx(path: &Path, limits: &ZipLimits) -> Result<(Vec<Table>, Vec<String>), TableError> {
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
    let listed: Vec<(usize, &Paragraph)> = paragraphs
        .iter()
        .enumerate()
        .filter(|(_, p)| p.listed && !p.text.is_empty())
        .collect();
    let mut notes = Vec::new();
    if out.is_empty() {
        // No action table: the numbered or bulleted items are the actions,
        // or, in a document with no list, every paragraph is a candidate.
        let any_listed = !listed.is_empty();
        out.push(Table {
            file: name.clone(),
            sheet: Some(
                if any_listed {
                    "list items"
                } else {
                    "paragraphs"
                }
                .into(),
            ),
            headers: vec!["objective".into()],
            rows: paragraphs
                .iter()
                .enumerate()
                .filter(|(_, p)| !p.text.is_empty() && (p.listed || !any_listed))
                .map(|(i, p)| TableRow {
                    number: i + 1,
                    cells: vec![p.text.clone()],
                })
                .collect(),
        });
    } else if !listed.is_empty() {
        let shown: Vec<String> = listed
            .iter()
            .take(3)
            .map(|(_, p)| format!("'{}'", super::table::clip(&p.text, 60)))
            .collect();
        notes.push(format!(
            "{name}: {} numbered or bulleted items outside its action tables were not judged ({}{}); audit them apart if they are actions",
            listed.len(),
            shown.join(", "),
            if listed.len() > 3 { ", ..." } else { "" }
        ));
    }
    Ok((out, notes))
}

type Rows = Vec<Vec<String>>;

/// A paragraph outside the tables: its text, and whether it is a numbered or
/// bulleted list item.
#[derive(Debug, Clone, PartialEq)]
pub struct Paragraph {
    pub text: String,
    pub listed: bool,
}

/// The value of an element's `w:val` attribute.
fn val(e: &quick_xml::events::BytesStart<'_>) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == b"w:val")
        .map(|a| String::from_utf8_lossy(&a.value).into_owned())
}

/// What the properties of the current cell and paragraph say.
struct Props {
    /// Columns the cell spans (`w:gridSpan`).
    span: usize,
    /// The cell continues the one above (`w:vMerge` without "restart").
    merged_down: bool,
    /// The paragraph is a numbered or bulleted item (`w:numPr`).
    listed: bool,
}

impl Default for Props {
    fn default() -> Self {
        Props {
            span: 1,
            merged_down: false,
            listed: false,
        }
    }
}

impl Props {
    fn read(&mut self, e: &quick_xml::events::BytesStart<'_>, depth: usize) {
        match e.name().as_ref() {
            b"w:gridSpan" if depth == 1 => {
                self.span = val(e)
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(1)
                    .clamp(1, 64)
            }
            b"w:vMerge" if depth == 1 => self.merged_down = val(e).is_none_or(|v| v == "continue"),
            b"w:numPr" => self.listed = true,
            _ => {}
        }
    }
}

/// Tables (rows of cell texts) and the paragraphs outside tables, from
/// document.xml. A cell's paragraphs are joined; a cell merged across columns
/// (`w:gridSpan`) keeps the columns after it in place; a cell merged down
/// from the one above (`w:vMerge`) holds that cell's text.
pub fn parse_document_xml(xml: &str) -> Result<(Vec<Rows>, Vec<Paragraph>), XmlError> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut tables: Vec<Rows> = Vec::new();
    let mut paragraphs = Vec::new();
    let mut depth = 0usize; // table nesting
    let mut row: Vec<String> = Vec::new();
    let mut cell = String::new();
    let mut para = String::new();
    let mut props = Props::default();
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
                b"w:tc" if depth == 1 => {
                    cell.clear();
                    (props.span, props.merged_down) = (1, false);
                }
                b"w:t" => in_text = true,
                _ => props.read(&e, depth),
            },
            Ok(Event::Empty(e)) => match e.name().as_ref() {
                b"w:tab" => para.push(' '),
                b"w:br" => para.push(' '),
                _ => props.read(&e, depth),
            },
            Ok(Event::End(e)) => match e.name().as_ref() {
                b"w:t" => in_text = false,
                b"w:p" => {
                    let text = std::mem::take(&mut para);
                    if depth == 0 {
                        paragraphs.push(Paragraph {
                            text: text.trim().to_string(),
                            listed: props.listed,
                        });
                    } else {
                        if !cell.is_empty() && !text.is_empty() {
                            cell.push(' ');
                        }
                        cell.push_str(text.trim());
                    }
                    props.listed = false;
                }
                b"w:tc" if depth == 1 => {
                    let column = row.len();
                    let mut text = std::mem::take(&mut cell);
                    if props.merged_down && text.is_empty() {
                        let above = tables
                            .last()
                            .and_then(|t| t.last())
                            .and_then(|r| r.get(column));
                        text = above.cloned().unwrap_or_default();
                    }
                    row.push(text);
                    row.extend(std::iter::repeat_n(String::new(), props.span - 1));
                }
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
        let texts: Vec<&str> = paragraphs.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(
            texts,
            vec!["Child's plan for A.", "Mum to engage & attend."]
        );
        assert!(paragraphs.iter().all(|p| !p.listed));
        assert!(parse_document_xml("<w:p><w:t>broken</w:p>").is_err());
    }

    #[test]
    fn merged_cells_keep_their_place_and_text_and_list_items_are_marked() {
        let cell = |props: &str, text: &str| {
            format!("<w:tc><w:tcPr>{props}</w:tcPr><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>")
        };
        let xml = format!(
            r#"<w:document xmlns:w="x"><w:body><w:tbl>
            <w:tr>{}{}{}</w:tr>
            <w:tr>{}{}{}</w:tr>
            <w:tr>{}{}</w:tr>
            </w:tbl>
            <w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>Dad to attend the group</w:t></w:r></w:p>
            </w:body></w:document>"#,
            cell("", "Who"),
            cell("", "Action"),
            cell("", "When"),
            cell(r#"<w:vMerge w:val="restart"/>"#, "Mum"),
            cell("", "Walk Amy to school"),
            cell("", "daily"),
            cell("<w:vMerge/>", ""),
            cell(r#"<w:gridSpan w:val="2"/>"#, "Read with Amy every evening"),
        );
        let (tables, paragraphs) = parse_document_xml(&xml).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(tables[0][2], vec!["Mum", "Read with Amy every evening", ""]);
        assert_eq!(
            paragraphs,
            vec![Paragraph {
                text: "Dad to attend the group".into(),
                listed: true
            }]
        );
    }
}
