import Foundation
import ZIPFoundation

/// A workbook laid out the way Excel writes one by hand-typed tables: every
/// text in the shared string table, cells pointing at it by index, numbers as
/// numbers.
enum SheetFixture {
    /// `rowNumber` places the i-th row (from 0) on a sheet row; by default i + 1.
    /// `prolog` goes between the sheet's XML declaration and its root (a DOCTYPE, for the hostile cases).
    static func excel(
        _ rows: [[String]], sheetName: String = "Sheet1", rowNumber: (Int) -> Int = { $0 + 1 }, prolog: String = ""
    ) throws -> Data {
        var strings: [String] = []
        var index: [String: Int] = [:]
        var sheetData = ""
        for (r, row) in rows.enumerated() {
            sheetData += #"<row r="\#(rowNumber(r))">"#
            for (c, text) in row.enumerated() where !text.isEmpty {
                let ref = String(UnicodeScalar(UInt8(65 + c))) + String(rowNumber(r))
                if Int(text) != nil {
                    sheetData += #"<c r="\#(ref)"><v>\#(text)</v></c>"#
                } else {
                    let i = index[text] ?? strings.count
                    if index[text] == nil { index[text] = i; strings.append(text) }
                    sheetData += #"<c r="\#(ref)" t="s"><v>\#(i)</v></c>"#
                }
            }
            sheetData += "</row>"
        }
        let escaped = strings.map {
            $0.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        }
        let sst = escaped.map { #"<si><t xml:space="preserve">\#($0)</t></si>"# }.joined()
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let parts: [(String, String)] = [
            ("[Content_Types].xml", #"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>"#),
            ("_rels/.rels", #"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="\#(rel)/officeDocument" Target="xl/workbook.xml"/></Relationships>"#),
            ("xl/workbook.xml", #"<?xml version="1.0"?><workbook xmlns="\#(main)" xmlns:r="\#(rel)"><sheets><sheet name="\#(sheetName)" sheetId="1" r:id="rId1"/></sheets></workbook>"#),
            ("xl/_rels/workbook.xml.rels", #"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="\#(rel)/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="\#(rel)/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#),
            ("xl/worksheets/sheet1.xml", #"<?xml version="1.0"?>\#(prolog)<worksheet xmlns="\#(main)"><sheetData>\#(sheetData)</sheetData></worksheet>"#),
            ("xl/sharedStrings.xml", #"<?xml version="1.0"?><sst xmlns="\#(main)">\#(sst)</sst>"#),
        ]
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, text) in parts {
            let bytes = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count),
                                 compressionMethod: .deflate) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return archive.data ?? Data()
    }
}
