import Foundation

/// Reads an Excel .xlsx workbook (Office Open XML spreadsheet) into cell text,
/// with the same zip reader, byte budget and XML tokenizer as .docx reading.
public enum WorkbookReader {
    public static func read(_ data: Data) throws(PlanTextError) -> Workbook {
        try read(data, limits: .standard, sheetLimits: .standard)
    }

    public static func read(
        _ data: Data, limits: InputLimits, sheetLimits: SheetLimits
    ) throws(PlanTextError) -> Workbook {
        guard data.count <= limits.maxInputBytes else { throw .inputTooLarge(limitBytes: limits.maxInputBytes) }
        let bytes = [UInt8](data)
        if bytes.isEmpty { throw .empty }
        switch FormatSniffer.kind(of: bytes) {
        case .zip: break
        case .unsupported(let name): throw .notWorkbook(name: name)
        case .other: throw .notWorkbook(name: "文本或其他格式的文件")
        }
        var package = try DocxPackage(bytes: bytes, limits: limits, kind: .workbook)
        do {
            return try read(&package, sheetLimits: sheetLimits)
        } catch .xmlEntityRefused {
            throw .corruptWorkbook(reason: "含有 XML 实体声明（DOCTYPE/ENTITY），正常的 Excel 文件不会有")
        }
    }

    private static func read(_ package: inout DocxPackage, sheetLimits: SheetLimits) throws(PlanTextError) -> Workbook {
        let path = try workbookPath(&package)
        guard let workbookXML = try package.read(path) else { throw .corruptWorkbook(reason: "缺少工作簿部分") }
        let folder = DocxReader.sibling(of: path, "")
        let byId = try package.relationshipsById(of: path)
        let typed = try package.relationships(of: path)
        var shared: [String] = []
        if let xml = try package.read(typed["sharedStrings"] ?? folder + "sharedStrings.xml") {
            shared = try WorkbookParts.sharedStrings(xml)
        }
        var styles = CellStyles()
        if let xml = try package.read(typed["styles"] ?? folder + "styles.xml") { styles = try CellStyles(xml) }
        var cellsLeft = sheetLimits.maxCells
        var sheets: [Sheet] = []
        for entry in try WorkbookParts.sheetList(workbookXML) {
            // Chart sheets and dialog sheets have no cells: a relationship to
            // anything but a worksheet part is skipped, not an error.
            guard let target = byId[entry.relationship], target.type == "worksheet" else { continue }
            guard let xml = try package.read(target.path) else {
                throw .corruptWorkbook(reason: "缺少工作表“\(entry.name)”")
            }
            var reader = SheetReader(sharedStrings: shared, styles: styles, limits: sheetLimits, cellsLeft: cellsLeft)
            let rows = try reader.rows(xml)
            cellsLeft = reader.cellsLeft
            sheets.append(Sheet(name: entry.name, rows: rows))
        }
        return Workbook(sheets: sheets)
    }

    /// `xl/workbook.xml` or what the package relationships name; other Office
    /// formats are named in the error so the user knows what they gave.
    private static func workbookPath(_ package: inout DocxPackage) throws(PlanTextError) -> String {
        var path = "xl/workbook.xml"
        if let target = try package.relationships(of: "")["officeDocument"], package.zip.entry(target) != nil {
            path = target
        }
        let lower = path.lowercased()
        if package.zip.entry(path) != nil, !lower.hasPrefix("word/"), !lower.hasPrefix("ppt/") { return path }
        let paths = package.zip.entries.map { $0.path.lowercased() }
        if paths.contains(where: { $0.hasPrefix("word/") }) { throw .notWorkbook(name: "Word 文档（.docx）") }
        if paths.contains(where: { $0.hasPrefix("ppt/") }) { throw .notWorkbook(name: "PowerPoint 演示文稿（.pptx）") }
        if package.zip.entry("mimetype") != nil { throw .notWorkbook(name: "OpenDocument 文件（.ods/.odt 等）") }
        if paths.contains(where: { $0.hasPrefix("xl/") || $0 == "[content_types].xml" }) {
            throw .corruptWorkbook(reason: "缺少工作簿部分 xl/workbook.xml")
        }
        throw .notWorkbook(name: "ZIP 压缩包")
    }
}
