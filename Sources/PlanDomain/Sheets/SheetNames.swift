/// Sheet names Excel accepts. Excel refuses a workbook with a name longer
/// than 31 UTF-16 units, one containing []:*?/\, one starting or ending with an
/// apostrophe, an empty one, the reserved "History", or two names equal but
/// for case.
enum SheetNames {
    static let maxLength = 31
    private static let forbidden: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]

    static func unique(_ names: [String]) -> [String] {
        var taken: Set<String> = []
        var out: [String] = []
        for (index, name) in names.enumerated() {
            let base = valid(name, fallback: "表\(index + 1)")
            var candidate = base
            var counter = 2
            while taken.contains(candidate.lowercased()) {
                let suffix = "(\(counter))"
                candidate = truncated(base, to: maxLength - suffix.utf16.count) + suffix
                counter += 1
            }
            taken.insert(candidate.lowercased())
            out.append(candidate)
        }
        return out
    }

    static func valid(_ name: String, fallback: String) -> String {
        var cleaned = String(name.map { forbidden.contains($0) ? "_" : $0 }
            .filter { !$0.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0xFFFE || $0.value == 0xFFFF } })
        cleaned = cleaned.trimmingApostrophes()
        cleaned = truncated(cleaned, to: maxLength).trimmingApostrophes()
        if cleaned.lowercased() == "history" { cleaned += "_" }
        return cleaned.isEmpty ? fallback : cleaned
    }

    /// The longest prefix of whole characters within `length` UTF-16 units.
    static func truncated(_ text: String, to length: Int) -> String {
        var out = ""
        var used = 0
        for character in text {
            let size = character.utf16.count
            if used + size > length { break }
            out.append(character)
            used += size
        }
        return out
    }
}

private extension String {
    func trimmingApostrophes() -> String {
        var text = Substring(self)
        while text.first == "'" { text.removeFirst() }
        while text.last == "'" { text.removeLast() }
        return String(text)
    }
}
