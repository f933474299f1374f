import Foundation

/// Reads the text of a Word .docx (Office Open XML) document: the main document
/// part found through the package relationships, with list numbering from its
/// numbering and styles parts. Headers, footers, footnotes and comments are
/// separate parts and are not read.
public enum DocxReader {
    public static func text(from data: Data, limits: InputLimits = .standard) throws(PlanTextError) -> String {
        guard data.count <= limits.maxInputBytes else { throw .inputTooLarge(limitBytes: limits.maxInputBytes) }
        return String(decoding: try text(bytes: [UInt8](data), limits: limits), as: UTF8.self)
    }

    /// UTF-8 text of a zip that must be a Word document; other zip-based formats
    /// (.xlsx, .pptx, OpenDocument, OFD, plain archives) are named in the error.
    static func text(bytes: [UInt8], limits: InputLimits) throws(PlanTextError) -> [UInt8] {
        var package = try DocxPackage(bytes: bytes, limits: limits)
        let main = try package.mainDocumentPath()
        let related = try package.relationships(of: main)
        let numbering = try package.read(related["numbering"] ?? sibling(of: main, "numbering.xml"))
        let styles = try package.read(related["styles"] ?? sibling(of: main, "styles.xml"))
        let list = try NumberingParser.parse(numbering: numbering, styles: styles)
        guard let document = try package.read(main) else { throw .corruptDocx(reason: "缺少正文部分") }
        return try DocxBody.text(document, numbering: list, maxBytes: limits.maxTextBytes)
    }

    static func sibling(of path: String, _ name: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return name }
        return String(path[...slash]) + name
    }
}

/// Which Office format a package is read as: it decides the errors reported.
enum PackageKind {
    case docx
    case workbook
}

/// The zip container of a .docx (or .xlsx) with a byte budget shared by all
/// parts read.
struct DocxPackage {
    let zip: ZipContainer
    private let limits: InputLimits
    private let kind: PackageKind
    private var remaining: Int

    init(bytes: [UInt8], limits: InputLimits, kind: PackageKind = .docx) throws(PlanTextError) {
        do {
            zip = try ZipContainer(bytes: bytes, maxEntries: limits.maxZipEntries)
        } catch {
            throw Self.map(error, limits: limits, kind: kind)
        }
        self.limits = limits
        self.kind = kind
        remaining = limits.maxUncompressedBytes
    }

    /// The part's bytes, nil when the package has no such part.
    mutating func read(_ path: String) throws(PlanTextError) -> [UInt8]? {
        guard let entry = zip.entry(path) else { return nil }
        // The ratio's cap, when it is below what the size cap leaves: a part
        // declared or found larger than it is refused for its ratio.
        let (byRatio, overflow) = entry.compressedSize.multipliedReportingOverflow(by: limits.maxCompressionRatio)
        let ratioCap = overflow ? Int.max : max(limits.ratioFreeBytes, byRatio)
        let ratioBinds = ratioCap < remaining
        if ratioBinds, entry.uncompressedSize > ratioCap { throw .compressionRatioRefused(maxRatio: limits.maxCompressionRatio) }
        do {
            let bytes = try zip.read(entry, budget: min(remaining, ratioCap))
            remaining -= bytes.count
            return bytes
        } catch .tooLarge where ratioBinds {
            throw .compressionRatioRefused(maxRatio: limits.maxCompressionRatio)
        } catch {
            throw Self.map(error, limits: limits, kind: kind)
        }
    }

    private static func map(_ error: ZipError, limits: InputLimits, kind: PackageKind) -> PlanTextError {
        switch (error, kind) {
        case (.tooLarge, .docx): return .docxTooLarge(limitBytes: limits.maxUncompressedBytes)
        case (.corrupt(let reason), .docx): return .corruptDocx(reason: reason)
        case (.tooLarge, .workbook): return .workbookTooLarge(limitBytes: limits.maxUncompressedBytes)
        case (.corrupt(let reason), .workbook): return .corruptWorkbook(reason: reason)
        }
    }

    /// `word/document.xml`, or whatever the package relationships name as the
    /// main document; throws `.unsupportedFormat` for other zip-based formats.
    mutating func mainDocumentPath() throws(PlanTextError) -> String {
        var main = "word/document.xml"
        if let target = try relationships(of: "")["officeDocument"], zip.entry(target) != nil {
            main = target
        }
        let lower = main.lowercased()
        if zip.entry(main) != nil, !lower.hasPrefix("xl/"), !lower.hasPrefix("ppt/") { return main }
        throw notWordError()
    }

    private func notWordError() -> PlanTextError {
        let paths = zip.entries.map { $0.path.lowercased() }
        if paths.contains(where: { $0.hasPrefix("xl/") }) { return .unsupportedFormat(name: "Excel 表格（.xlsx）") }
        if paths.contains(where: { $0.hasPrefix("ppt/") }) {
            return .unsupportedFormat(name: "PowerPoint 演示文稿（.pptx）")
        }
        if let entry = zip.entry("mimetype"), entry.uncompressedSize < 256,
           let mimetype = try? zip.read(entry, budget: 256),
           mimetype.starts(with: Array("application/vnd.oasis.opendocument".utf8)) {
            return .unsupportedFormat(name: "OpenDocument 文档（.odt 等）")
        }
        if zip.entry("OFD.xml") != nil { return .unsupportedFormat(name: "OFD 版式文档（.ofd）") }
        if paths.contains(where: { $0.hasPrefix("word/") || $0 == "[content_types].xml" }) {
            return .corruptDocx(reason: "缺少正文部分 word/document.xml")
        }
        return .unsupportedFormat(name: "ZIP 压缩包")
    }

    /// Relationship targets of a part by the last path segment of their type
    /// ("officeDocument", "numbering", "styles"), resolved to package paths.
    /// `""` stands for the package itself (`_rels/.rels`).
    mutating func relationships(of part: String) throws(PlanTextError) -> [String: String] {
        let folder = DocxReader.sibling(of: part, "")
        let file = part.split(separator: "/").last.map(String.init) ?? ""
        guard let bytes = try read(folder + "_rels/" + file + ".rels") else { return [:] }
        var xml = XMLTokenizer(bytes)
        var result: [String: String] = [:]
        while let event = try xml.next() {
            guard event == .start, xml.split(xml.name).local.elementsEqual("Relationship".utf8) else { continue }
            var type = "", target = "", external = false
            for attribute in xml.attributes {
                switch String(decoding: xml.split(attribute.name).local, as: UTF8.self) {
                case "Type": type = xml.value(attribute)
                case "Target": target = xml.value(attribute)
                case "TargetMode": external = xml.value(attribute).lowercased() == "external"
                default: break
                }
            }
            guard !external, !target.isEmpty, let kind = type.split(separator: "/").last else { continue }
            if result[String(kind)] == nil { result[String(kind)] = Self.resolve(target, in: folder) }
        }
        return result
    }

    /// A relationship target made a package path: relative to the source part's
    /// folder unless it starts with "/", with "." and ".." segments applied.
    static func resolve(_ target: String, in folder: String) -> String {
        let decoded = target.removingPercentEncoding ?? target
        let joined = decoded.hasPrefix("/") ? decoded : folder + decoded
        var segments: [Substring] = []
        for segment in joined.split(separator: "/") {
            switch segment {
            case ".": continue
            case "..": _ = segments.popLast()
            default: segments.append(segment)
            }
        }
        return segments.joined(separator: "/")
    }
}
