/// A minimal pull tokenizer for the XML parts of a .docx.
///
/// It works on UTF-8 bytes, moves forward only (linear time), never recurses and
/// never expands entities beyond the five predefined ones and character
/// references. Any markup declaration (`<!DOCTYPE`, `<!ENTITY`, …) is refused.
/// Malformed markup is skipped rather than reported: the goal is the text.
struct XMLTokenizer {
    enum Event: Equatable {
        case start
        case end
        case text
    }

    struct Attribute {
        var name: Range<Int>
        var value: Range<Int>
    }

    let bytes: [UInt8]
    private var position = 0
    private var pendingEnd = false
    /// Qualified name of the current start or end tag.
    private(set) var name: Range<Int> = 0..<0
    private(set) var attributes: [Attribute] = []
    private(set) var selfClosing = false
    /// Raw range of the current text; `isCData` text has no entities.
    private(set) var text: Range<Int> = 0..<0
    private(set) var isCData = false

    init(_ bytes: [UInt8]) {
        self.bytes = XMLEncoding.utf8(bytes)
    }

    mutating func next() throws(PlanTextError) -> Event? {
        if pendingEnd {
            pendingEnd = false
            return .end
        }
        let count = bytes.count
        while position < count {
            if bytes[position] != UInt8(ascii: "<") {
                let start = position
                while position < count, bytes[position] != UInt8(ascii: "<") { position += 1 }
                text = start..<position
                isCData = false
                return .text
            }
            guard position + 1 < count else { position = count; return nil }
            switch bytes[position + 1] {
            case UInt8(ascii: "!"):
                if matches("<!--", at: position) {
                    position = skip(past: "-->", from: position + 4)
                } else if matches("<![CDATA[", at: position) {
                    let start = position + 9
                    let end = find("]]>", from: start) ?? count
                    text = start..<end
                    isCData = true
                    position = min(count, end + 3)
                    return .text
                } else {
                    throw .xmlEntityRefused
                }
            case UInt8(ascii: "?"):
                position = skip(past: "?>", from: position + 2)
            case UInt8(ascii: "/"):
                let start = position + 2
                position = start
                while position < count, !isNameEnd(bytes[position]) { position += 1 }
                name = start..<position
                position = skip(past: ">", from: position)
                return .end
            default:
                if parseStartTag() { return .start }
            }
        }
        return nil
    }

    /// Parses `<name attr="value" …>` at `position`; false at end of input.
    private mutating func parseStartTag() -> Bool {
        let count = bytes.count
        let start = position + 1
        position = start
        while position < count, !isNameEnd(bytes[position]) { position += 1 }
        name = start..<position
        attributes.removeAll(keepingCapacity: true)
        selfClosing = false
        while position < count {
            let byte = bytes[position]
            if byte == UInt8(ascii: ">") {
                position += 1
                return true
            }
            if byte == UInt8(ascii: "/"), position + 1 < count, bytes[position + 1] == UInt8(ascii: ">") {
                position += 2
                selfClosing = true
                pendingEnd = true
                return true
            }
            if isSpace(byte) || byte == UInt8(ascii: "/") {
                position += 1
                continue
            }
            let nameStart = position
            while position < count, !isNameEnd(bytes[position]), bytes[position] != UInt8(ascii: "=") {
                position += 1
            }
            let attributeName = nameStart..<position
            while position < count, isSpace(bytes[position]) { position += 1 }
            guard position < count, bytes[position] == UInt8(ascii: "=") else { continue }
            position += 1
            while position < count, isSpace(bytes[position]) { position += 1 }
            guard position < count else { break }
            let quote = bytes[position]
            guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { continue }
            let valueStart = position + 1
            position = valueStart
            while position < count, bytes[position] != quote { position += 1 }
            attributes.append(Attribute(name: attributeName, value: valueStart..<position))
            position = min(count, position + 1)
        }
        return false
    }

    // MARK: Names and values

    /// The part of a qualified name after the colon, and the prefix before it.
    func split(_ qualified: Range<Int>) -> (prefix: ArraySlice<UInt8>, local: ArraySlice<UInt8>) {
        var at = qualified.upperBound
        while at > qualified.lowerBound {
            if bytes[at - 1] == UInt8(ascii: ":") {
                return (bytes[qualified.lowerBound..<(at - 1)], bytes[at..<qualified.upperBound])
            }
            at -= 1
        }
        return (bytes[qualified.lowerBound..<qualified.lowerBound], bytes[qualified])
    }

    /// Appends the current text, entities decoded and line ends normalised to "\n".
    func appendText(to output: inout [UInt8]) {
        if isCData {
            XMLEntities.appendNormalizingLineEnds(bytes[text], to: &output)
        } else {
            XMLEntities.decode(bytes[text], into: &output)
        }
    }

    func value(_ attribute: Attribute) -> String {
        var decoded: [UInt8] = []
        XMLEntities.decode(bytes[attribute.value], into: &decoded)
        return String(decoding: decoded, as: UTF8.self)
    }

    // MARK: Scanning helpers

    private func matches(_ literal: StaticString, at: Int) -> Bool {
        let length = literal.utf8CodeUnitCount
        guard at + length <= bytes.count else { return false }
        return literal.withUTF8Buffer { pattern in
            for i in 0..<length where bytes[at + i] != pattern[i] { return false }
            return true
        }
    }

    private func find(_ literal: StaticString, from start: Int) -> Int? {
        let first = literal.withUTF8Buffer { $0[0] }
        var at = start
        while at < bytes.count {
            if bytes[at] == first, matches(literal, at: at) { return at }
            at += 1
        }
        return nil
    }

    /// Index just after `literal`, or the end of input.
    private func skip(past literal: StaticString, from start: Int) -> Int {
        guard let found = find(literal, from: start) else { return bytes.count }
        return found + literal.utf8CodeUnitCount
    }

    private func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private func isNameEnd(_ byte: UInt8) -> Bool {
        isSpace(byte) || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/")
    }
}
