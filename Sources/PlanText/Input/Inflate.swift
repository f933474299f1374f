/// A small DEFLATE (RFC 1951) decoder for .docx parts.
///
/// ZIPFoundation's zlib loop on Linux spins forever on a deflate stream that runs
/// past the end of the archive (a 150-byte file is enough), so entries are
/// inflated here instead: the input is exactly the entry's compressed bytes, the
/// output is capped, every read is bounds-checked and the work is linear in
/// input + output. Modelled on Mark Adler's puff.c, with a lookup table for short
/// codes.
enum InflateError: Error, Equatable {
    /// The stream is malformed or ends early.
    case corrupt
    /// The output would exceed the limit.
    case tooLarge
}

enum Inflate {
    static func inflate(_ input: ArraySlice<UInt8>, limit: Int, sizeHint: Int = 0) throws(InflateError) -> [UInt8] {
        var state = InflateState(input: input, limit: limit)
        state.output.reserveCapacity(max(0, min(sizeHint, limit)))
        var last = false
        repeat {
            last = try state.bits(1) == 1
            switch try state.bits(2) {
            case 0: try state.stored()
            case 1: try state.codes(lengths: Huffman.fixedLengths, distances: Huffman.fixedDistances)
            case 2:
                let (lengths, distances) = try state.dynamicTables()
                try state.codes(lengths: lengths, distances: distances)
            default: throw .corrupt
            }
        } while !last
        return state.output
    }
}

/// Canonical Huffman code: counts per length and symbols ordered by code, plus a
/// table for codes of up to `fastBits` bits indexed by the next input bits.
struct Huffman {
    static let fastBits = 9
    var count = [Int](repeating: 0, count: 16)
    var symbol: [Int]
    /// `(symbol << 4) | length`, 0 when the code is longer or absent.
    var fast = [Int](repeating: 0, count: 1 << Huffman.fastBits)
    /// > 0 incomplete, < 0 over-subscribed, 0 complete.
    var left = 0

    init(lengths: ArraySlice<Int>) {
        symbol = [Int](repeating: 0, count: lengths.count)
        for len in lengths { count[len] += 1 }
        left = 1
        for len in 1...15 {
            left = left << 1 - count[len]
            if left < 0 { return }
        }
        var offsets = [Int](repeating: 0, count: 16)
        for len in 1..<15 { offsets[len + 1] = offsets[len] + count[len] }
        var nextCode = [Int](repeating: 0, count: 16)
        var code = 0
        for len in 1...15 {
            code = (code + count[len - 1] * (len == 1 ? 0 : 1)) << 1
            nextCode[len] = code
        }
        for (index, len) in lengths.enumerated() where len != 0 {
            symbol[offsets[len]] = index
            offsets[len] += 1
            let assigned = nextCode[len]
            nextCode[len] += 1
            guard len <= Huffman.fastBits else { continue }
            var reversed = 0
            for bit in 0..<len where assigned & (1 << bit) != 0 { reversed |= 1 << (len - 1 - bit) }
            var slot = reversed
            while slot < fast.count {
                fast[slot] = index << 4 | len
                slot += 1 << len
            }
        }
    }

    static let fixedLengths: Huffman = {
        var lengths = [Int](repeating: 8, count: 288)
        for i in 144..<256 { lengths[i] = 9 }
        for i in 256..<280 { lengths[i] = 7 }
        return Huffman(lengths: lengths[...])
    }()
    static let fixedDistances = Huffman(lengths: [Int](repeating: 5, count: 30)[...])
}

private let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31,
                          35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
private let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2,
                           3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
private let distanceBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193,
                            257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145,
                            8193, 12289, 16385, 24577]
private let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6,
                             7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]
private let codeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

struct InflateState {
    let input: ArraySlice<UInt8>
    var position: Int
    var bitBuffer: UInt64 = 0
    var bitCount = 0
    let limit: Int
    var output: [UInt8] = []

    init(input: ArraySlice<UInt8>, limit: Int) {
        self.input = input
        self.position = input.startIndex
        self.limit = limit
    }

    /// Loads whole bytes while there is room; never fails.
    @inline(__always) mutating func refill() {
        while bitCount <= 56, position < input.endIndex {
            bitBuffer |= UInt64(input[position]) << UInt64(bitCount)
            position += 1
            bitCount += 8
        }
    }

    @inline(__always) mutating func bits(_ n: Int) throws(InflateError) -> Int {
        if bitCount < n { refill() }
        guard bitCount >= n else { throw .corrupt }
        let value = Int(bitBuffer & ((1 << UInt64(n)) - 1))
        bitBuffer >>= UInt64(n)
        bitCount -= n
        return value
    }

    mutating func stored() throws(InflateError) {
        // Drop to a byte boundary and hand the buffered whole bytes back.
        bitBuffer = 0
        position -= bitCount / 8
        bitCount = 0
        guard input.endIndex - position >= 4 else { throw .corrupt }
        let length = Int(input[position]) | Int(input[position + 1]) << 8
        let check = Int(input[position + 2]) | Int(input[position + 3]) << 8
        position += 4
        guard length == ~check & 0xFFFF, input.endIndex - position >= length else { throw .corrupt }
        guard output.count + length <= limit else { throw .tooLarge }
        output.append(contentsOf: input[position..<(position + length)])
        position += length
    }

    @inline(__always) mutating func decode(_ code: Huffman) throws(InflateError) -> Int {
        if bitCount < Huffman.fastBits { refill() }
        if bitCount >= Huffman.fastBits {
            let entry = code.fast[Int(bitBuffer & UInt64(code.fast.count - 1))]
            if entry != 0 {
                let len = entry & 15
                bitBuffer >>= UInt64(len)
                bitCount -= len
                return entry >> 4
            }
        }
        var value = 0, first = 0, index = 0
        for len in 1...15 {
            value |= try bits(1)
            let count = code.count[len]
            if value - count < first { return code.symbol[index + value - first] }
            index += count
            first = (first + count) << 1
            value <<= 1
        }
        throw .corrupt
    }

    mutating func codes(lengths: Huffman, distances: Huffman) throws(InflateError) {
        while true {
            let symbol = try decode(lengths)
            if symbol < 256 {
                guard output.count < limit else { throw .tooLarge }
                output.append(UInt8(symbol))
            } else if symbol == 256 {
                return
            } else {
                let index = symbol - 257
                guard index < lengthBase.count else { throw .corrupt }
                let length = lengthBase[index] + (try bits(lengthExtra[index]))
                let dSymbol = try decode(distances)
                guard dSymbol < distanceBase.count else { throw .corrupt }
                let distance = distanceBase[dSymbol] + (try bits(distanceExtra[dSymbol]))
                guard distance <= output.count else { throw .corrupt }
                guard output.count + length <= limit else { throw .tooLarge }
                var from = output.count - distance
                for _ in 0..<length {
                    output.append(output[from])
                    from += 1
                }
            }
        }
    }

    mutating func dynamicTables() throws(InflateError) -> (Huffman, Huffman) {
        let literalCount = try bits(5) + 257
        let distanceCount = try bits(5) + 1
        let codeLengthCount = try bits(4) + 4
        guard literalCount <= 286, distanceCount <= 30 else { throw .corrupt }
        var lengths = [Int](repeating: 0, count: 19)
        for i in 0..<codeLengthCount { lengths[codeLengthOrder[i]] = try bits(3) }
        let lengthCode = Huffman(lengths: lengths[...])
        guard lengthCode.left == 0 else { throw .corrupt }

        let total = literalCount + distanceCount
        lengths = [Int](repeating: 0, count: total)
        var index = 0
        while index < total {
            let symbol = try decode(lengthCode)
            if symbol < 16 {
                lengths[index] = symbol
                index += 1
                continue
            }
            var value = 0, repeatCount: Int
            switch symbol {
            case 16:
                guard index > 0 else { throw .corrupt }
                value = lengths[index - 1]
                repeatCount = 3 + (try bits(2))
            case 17: repeatCount = 3 + (try bits(3))
            default: repeatCount = 11 + (try bits(7))
            }
            guard index + repeatCount <= total else { throw .corrupt }
            for _ in 0..<repeatCount {
                lengths[index] = value
                index += 1
            }
        }
        guard lengths[256] != 0 else { throw .corrupt }
        let literals = Huffman(lengths: lengths[0..<literalCount])
        if literals.left < 0 || (literals.left > 0 && literalCount - literals.count[0] != 1) {
            throw .corrupt
        }
        let dists = Huffman(lengths: lengths[literalCount..<total])
        if dists.left < 0 || (dists.left > 0 && distanceCount - dists.count[0] != 1) {
            throw .corrupt
        }
        return (literals, dists)
    }
}
