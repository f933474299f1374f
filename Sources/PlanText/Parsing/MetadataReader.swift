/// The metadata block that government web pages print above an article
/// (索引号 | … | 发文单位 | 随州市经济和信息化局 | 发布日期 | 2025-07-18;
/// 栏目: 宜昌市科学技术局 -通知公告 发布时间:2023-03-01).
enum MetadataReader {
    struct Metadata {
        var issuer: String?
        var date: String?
        var docNumber: String?
        var lines: Set<Int> = []
    }

    private static let issuerKeys = ["发文单位", "发文机关", "发布机构", "发文机构", "制发机关", "信息来源", "来源", "栏目"].map(S)
    private static let dateKeys = ["成文日期", "发文日期", "印发日期", "发布日期", "发布时间", "公开日期"].map(S)
    private static let numberKeys = ["发文字号", "文号"].map(S)
    private static var allKeys: [Scalars] { issuerKeys + dateKeys + numberKeys + ["索引号", "主题分类", "效力状态", "编辑", "审核"].map(S) }

    static func read(_ src: SourceText, _ zone: Range<Int>) -> Metadata {
        var m = Metadata()
        var values: [Scalars: Scalars] = [:]
        let keys = allKeys
        for i in zone where src.isContent(i) {
            let l = src.lines[i]
            var found = false
            var k = l.lowerBound
            while k < l.upperBound {
                guard let key = keys.first(where: { src.t.has($0, at: k) }), let v = value(src.t, after: k + key.count, l.upperBound, keys) else {
                    k += 1
                    continue
                }
                found = true
                if values[key] == nil { values[key] = Array(src.t[v]) }
                k = v.upperBound
            }
            if found { m.lines.insert(i) }
        }
        for key in dateKeys {
            if let v = values[key], let d = DateReader.first(v, 0..<v.count) { m.date = d.iso; break }
        }
        for key in numberKeys {
            if let v = values[key], let n = NoticeReader.docNumber(in: v, 0..<v.count) { m.docNumber = n; break }
        }
        for key in issuerKeys {
            guard var v = values[key] else { continue }
            if let cut = v.firstIndex(where: { $0 == "-" || $0 == "—" || $0 == "－" || $0 == "/" || $0 == ">" }) { v = Array(v[..<cut]) }
            let name = squeezeBlanks(v)
            if SignatureReader.isOrganisation(name) { m.issuer = name.string; break }
        }
        return m
    }

    /// The value after a key: past blanks and one separator, up to `|` or the next key.
    private static func value(_ t: Scalars, after j: Int, _ end: Int, _ keys: [Scalars]) -> Range<Int>? {
        var a = j
        while a < end, t[a].isBlank { a += 1 }
        guard a < end, t[a] == ":" || t[a] == "：" || t[a] == "|" else { return nil }
        a += 1
        while a < end, t[a].isBlank { a += 1 }
        var b = a
        while b < end, t[b] != "|", !keys.contains(where: { t.has($0, at: b) }) { b += 1 }
        let r = trimmedRange(t, a, b)
        return r.isEmpty ? nil : r
    }
}
