import Foundation
import ZIPFoundation

/// Builds .xlsx workbooks in memory the way Excel lays them out: workbook,
/// its relationships, sheets, and a shared string table when given.
extension Fixture {
    static let sheetNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

    /// `sheets` are (name, sheetData content); part files are numbered in
    /// reverse so that tab order can only come from workbook.xml.
    static func xlsx(
        sheets: [(String, String)], sharedStrings: [String]? = nil, styles: String? = nil
    ) throws -> Data {
        let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        var sheetList = ""
        var rels = ""
        var entries: [(String, String)] = [
            ("[Content_Types].xml", #"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>"#),
            ("_rels/.rels", #"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="\#(relationshipNamespace)/officeDocument" Target="xl/workbook.xml"/></Relationships>"#),
        ]
        for (i, (name, data)) in sheets.enumerated() {
            let file = "sheet\(sheets.count - i).xml"
            sheetList += #"<sheet name="\#(name)" sheetId="\#(i + 1)" r:id="rId\#(i + 10)"/>"#
            rels += #"<Relationship Id="rId\#(i + 10)" Type="\#(relationshipNamespace)/worksheet" Target="worksheets/\#(file)"/>"#
            entries.append(("xl/worksheets/" + file, #"<?xml version="1.0"?><worksheet xmlns="\#(sheetNamespace)"><sheetData>\#(data)</sheetData></worksheet>"#))
        }
        if let sharedStrings {
            rels += #"<Relationship Id="rId2" Type="\#(relationshipNamespace)/sharedStrings" Target="sharedStrings.xml"/>"#
            entries.append(("xl/sharedStrings.xml", #"<?xml version="1.0"?><sst xmlns="\#(sheetNamespace)" count="\#(sharedStrings.count)">\#(sharedStrings.joined())</sst>"#))
        }
        if let styles {
            rels += #"<Relationship Id="rId3" Type="\#(relationshipNamespace)/styles" Target="styles.xml"/>"#
            entries.append(("xl/styles.xml", #"<?xml version="1.0"?><styleSheet xmlns="\#(sheetNamespace)">\#(styles)</styleSheet>"#))
        }
        entries.append(("xl/workbook.xml", #"<?xml version="1.0"?><workbook xmlns="\#(sheetNamespace)" xmlns:r="\#(relationshipNamespace)"><sheets>\#(sheetList)</sheets></workbook>"#))
        entries.append(("xl/_rels/workbook.xml.rels", #"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\#(rels)</Relationships>"#))
        return try zip(entries)
    }
}
