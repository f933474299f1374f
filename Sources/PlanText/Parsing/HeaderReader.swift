/// The document fields of a plan: its own title, issuers, 文号, issue date,
/// jurisdiction and year, read from the notice that wraps it, its title lines,
/// its signature, or the metadata block of the web page it was copied from.
struct Header {
    var title: String?
    var issuers: [String] = []
    var docNumber: String?
    var issuedDate: String?
    var jurisdiction: String?
    var year: Int?
    /// First line of the plan's own text (after its title); lines before it are
    /// the notice and page header, which hold no nodes or targets.
    var bodyStart = 0
    /// Lines of page metadata (栏目, 发布时间 …) inside the body to skip.
    var metadataLines: Set<Int> = []
}

enum HeaderReader {
    static func read(_ src: SourceText) -> Header {
        var h = Header()
        let outlineStart = firstOutlineLine(src)
        let zone = 0..<outlineStart
        let noticeTitle = NoticeReader.quotedTitle(src, zone)
        let titleLines = TitleReader.titleLines(src, zone, matching: noticeTitle)
        h.title = noticeTitle ?? titleLines.map { TitleReader.text(src, $0) }

        let signature = SignatureReader.dateLine(src, zone)
        let metadata = MetadataReader.read(src, zone)
        h.metadataLines = metadata.lines
        if let t = titleLines {
            h.bodyStart = t.upperBound
        } else if let s = signature {
            h.bodyStart = s.line + 1
        }
        let header = 0..<Swift.max(h.bodyStart, signature.map { $0.line + 1 } ?? 0)
        let trailing = SignatureReader.trailing(src)

        h.docNumber = NoticeReader.docNumber(src, header) ?? metadata.docNumber
        h.issuedDate = signature?.iso ?? metadata.date ?? trailing.date
        h.issuers = signature.map { SignatureReader.issuers(src, above: $0.line, from: 0) } ?? []
        if h.issuers.isEmpty { h.issuers = trailing.issuers }
        if h.issuers.isEmpty, let org = metadata.issuer { h.issuers = [org] }

        let places = [h.title] + h.issuers.map(Optional.some) + [metadata.issuer]
        h.jurisdiction = places.lazy.compactMap { $0 }.compactMap { Divisions.governed(by: $0) }.first?.name
        h.year = h.title.flatMap(yearIn) ?? h.docNumber.flatMap(yearIn) ?? h.issuedDate.flatMap { Int($0.prefix(4)) }
        return h
    }

    /// The first 一、 or 第一章 (or, failing those, any first label) opens the outline.
    static func firstOutlineLine(_ src: SourceText) -> Int {
        var anyFirst: Int? = nil
        for i in src.lines.indices where src.isContent(i) {
            guard let l = LabelReader.read(src.t, src.lines[i]), l.number == 1 else { continue }
            if l.style == .hanComma || l.style == .chapter { return i }
            if anyFirst == nil { anyFirst = i }
        }
        return anyFirst ?? src.lines.count
    }

    /// The first 4-digit year in a title or 文号 (〔2025〕).
    static func yearIn(_ s: String) -> Int? {
        let t = S(s)
        for i in t.indices where i + 4 <= t.count {
            guard t[i..<(i + 4)].allSatisfy(\.isASCIIDigit), i == 0 || !t[i - 1].isDigit,
                  i + 4 == t.count || !t[i + 4].isDigit else { continue }
            let n = t[i..<(i + 4)].reduce(0) { $0 * 10 + $1.digitValue }
            if (1949...2200).contains(n) { return n }
        }
        return nil
    }
}
