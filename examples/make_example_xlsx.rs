//! Writes a CSV plan as an XLSX workbook (one sheet), for the bundled examples:
//! `cargo run --example make_example_xlsx -- IN.csv OUT.xlsx`.

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let (Some(input), Some(output)) = (args.next(), args.next()) else {
        return Err("usage: make_example_xlsx IN.csv OUT.xlsx".into());
    };
    let table = smarten::io::read_table(std::path::Path::new(&input))?;
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Action plan")?;
    for (c, h) in table.headers.iter().enumerate() {
        sheet.write_string(0, c as u16, h)?;
        sheet.set_column_width(c as u16, 28)?;
    }
    for (r, row) in table.rows.iter().enumerate() {
        for (c, cell) in row.cells.iter().enumerate() {
            sheet.write_string(r as u32 + 1, c as u16, cell)?;
        }
    }
    book.save(&output)?;
    Ok(())
}
