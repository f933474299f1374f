/// Namespace-aware names for WordprocessingML parts, on top of `XMLTokenizer`.
///
/// Prefixes are whatever the part declares for the WordprocessingML (transitional
/// or strict) and markup-compatibility namespaces; "w" and "mc" are assumed until
/// declared otherwise. Declarations are collected part-wide, not per scope: real
/// parts declare them on the root element.
struct WordNames {
    private static let wordURIs: [[UInt8]] = [
        Array("http://schemas.openxmlformats.org/wordprocessingml/2006/main".utf8),
        Array("http://purl.oclc.org/ooxml/wordprocessingml/main".utf8),
    ]
    private static let compatibilityURI = Array("http://schemas.openxmlformats.org/markup-compatibility/2006".utf8)
    private static let xmlns = Array("xmlns".utf8)

    private var wordPrefixes: [[UInt8]] = [Array("w".utf8)]
    private var compatibilityPrefixes: [[UInt8]] = [Array("mc".utf8)]

    /// Records namespace declarations of the current start tag.
    mutating func noteDeclarations(_ xml: XMLTokenizer) {
        for attribute in xml.attributes {
            let name = xml.bytes[attribute.name]
            guard name.starts(with: Self.xmlns) else { continue }
            let prefix: [UInt8]
            if name.count == 5 {
                prefix = []
            } else if name[name.startIndex + 5] == UInt8(ascii: ":") {
                prefix = Array(name.dropFirst(6))
            } else {
                continue
            }
            let uri = xml.bytes[attribute.value]
            // A handful of prefixes is plenty; the cap keeps lookups constant-time.
            if Self.wordURIs.contains(where: { uri.elementsEqual($0) }) {
                if wordPrefixes.count < 8, !wordPrefixes.contains(prefix) { wordPrefixes.append(prefix) }
            } else if uri.elementsEqual(Self.compatibilityURI) {
                if compatibilityPrefixes.count < 8, !compatibilityPrefixes.contains(prefix) {
                    compatibilityPrefixes.append(prefix)
                }
            }
        }
    }

    /// The local name of the current tag when it is a WordprocessingML element,
    /// `"mc:<local>"` for markup-compatibility elements, else nil.
    func element(_ xml: XMLTokenizer) -> String? {
        let (prefix, local) = xml.split(xml.name)
        guard local.count <= 32 else { return nil }
        if wordPrefixes.contains(where: { prefix.elementsEqual($0) }) {
            return String(decoding: local, as: UTF8.self)
        }
        if compatibilityPrefixes.contains(where: { prefix.elementsEqual($0) }) {
            return "mc:" + String(decoding: local, as: UTF8.self)
        }
        return nil
    }

    /// Value of a WordprocessingML attribute (`w:val`, or unprefixed `val`).
    func attribute(_ local: String, of xml: XMLTokenizer) -> String? {
        find(local, in: xml).map { xml.value($0) }
    }

    /// An integer attribute, clamped to ±10⁹; nil when absent or not a number.
    func integer(_ local: String, of xml: XMLTokenizer) -> Int? {
        guard let attribute = find(local, in: xml) else { return nil }
        let raw = xml.bytes[attribute.value]
        var digits = raw.drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        var sign = 1
        if let first = digits.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            sign = first == UInt8(ascii: "-") ? -1 : 1
            digits = digits.dropFirst()
        }
        var value = 0
        var count = 0
        for byte in digits {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else {
                if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { break }
                return nil
            }
            if value < 1_000_000_000 { value = value * 10 + Int(byte - UInt8(ascii: "0")) }
            count += 1
        }
        guard count > 0 else { return nil }
        return sign * min(value, 1_000_000_000)
    }

    private func find(_ local: String, in xml: XMLTokenizer) -> XMLTokenizer.Attribute? {
        for attribute in xml.attributes {
            let (prefix, name) = xml.split(attribute.name)
            guard name.elementsEqual(local.utf8) else { continue }
            if prefix.isEmpty || wordPrefixes.contains(where: { prefix.elementsEqual($0) }) { return attribute }
        }
        return nil
    }

    /// On/off properties: present means on unless `w:val` is false, 0 or off.
    func isOn(_ xml: XMLTokenizer) -> Bool {
        guard let value = attribute("val", of: xml)?.lowercased() else { return true }
        return !(value == "false" || value == "0" || value == "off")
    }
}

extension String {
    var trimmedWhitespace: Substring {
        var trimmed = self[...]
        while let first = trimmed.first, first.isWhitespace { trimmed.removeFirst() }
        while let last = trimmed.last, last.isWhitespace { trimmed.removeLast() }
        return trimmed
    }
}
