/// A set of scalars tested by one bit lookup: the per-character checks of the
/// parser run millions of times, and hashing each scalar would dominate.
struct ScalarSet: Sendable {
    private var bits = [UInt64](repeating: 0, count: 1024)  // the Basic Multilingual Plane
    private var others: Set<UInt32> = []

    init<S: Sequence>(_ scalars: S) where S.Element == Unicode.Scalar {
        for s in scalars { insert(s) }
    }

    mutating func insert(_ s: Unicode.Scalar) {
        let v = s.value
        if v < 0x10000 { bits[Int(v >> 6)] |= 1 << UInt64(v & 63) } else { others.insert(v) }
    }

    @inline(__always) func contains(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x10000 { return bits[Int(v >> 6)] & (1 << UInt64(v & 63)) != 0 }
        return others.contains(v)
    }
}

extension ScalarSet: ExpressibleByArrayLiteral {
    init(arrayLiteral elements: Unicode.Scalar...) { self.init(elements) }
}

/// Decodes a string into scalars in one pass over its UTF-8 (several times
/// faster than `Array(text.unicodeScalars)`).
func scalars(of text: String) -> Scalars {
    var text = text
    return text.withUTF8 { utf8 -> Scalars in
        var out = Scalars()
        out.reserveCapacity(utf8.count)
        var i = 0
        let n = utf8.count
        while i < n {
            let b0 = UInt32(utf8[i])
            var v: UInt32
            if b0 < 0x80 {
                v = b0
                i += 1
            } else if b0 < 0xE0, i + 1 < n {
                v = (b0 & 0x1F) << 6 | UInt32(utf8[i + 1] & 0x3F)
                i += 2
            } else if b0 < 0xF0, i + 2 < n {
                v = (b0 & 0x0F) << 12 | UInt32(utf8[i + 1] & 0x3F) << 6 | UInt32(utf8[i + 2] & 0x3F)
                i += 3
            } else if i + 3 < n {
                v = (b0 & 0x07) << 18 | UInt32(utf8[i + 1] & 0x3F) << 12 | UInt32(utf8[i + 2] & 0x3F) << 6
                    | UInt32(utf8[i + 3] & 0x3F)
                i += 4
            } else {
                v = 0xFFFD
                i += 1
            }
            // A Swift String is valid UTF-8, so this only guards the arithmetic.
            out.append(Unicode.Scalar(v) ?? "\u{FFFD}")
        }
        return out
    }
}
