#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// GB18030 (and so GBK and GB2312) → UTF-8 through the C library's iconv.
enum GB18030 {
    struct Result {
        var bytes: [UInt8]
        /// Bytes that were not valid GB18030 and became U+FFFD.
        var invalidBytes: Int
    }

    /// nil when the C library has no GB18030 converter.
    static func decode(_ input: ArraySlice<UInt8>) -> Result? {
        let converter = iconv_open("UTF-8", "GB18030")
        guard let converter, Int(bitPattern: converter) != -1 else { return nil }
        defer { iconv_close(converter) }
        // Two GB bytes give at most three UTF-8 bytes, four give four, and one
        // invalid byte gives three (U+FFFD).
        var output = [UInt8](repeating: 0, count: input.count * 3 + 16)
        var written = 0
        var invalid = 0
        input.withUnsafeBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                guard let inBase = inBuffer.baseAddress, let outBase = outBuffer.baseAddress else { return }
                // iconv takes a non-const pointer but does not write through it.
                var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(mutating: inBase)
                    .assumingMemoryBound(to: CChar.self)
                var inLeft = inBuffer.count
                var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBase)
                    .assumingMemoryBound(to: CChar.self)
                var outLeft = outBuffer.count
                while inLeft > 0 {
                    let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                    if result != -1 { break }
                    // EILSEQ or EINVAL (truncated at the end): replace one byte, go on.
                    // E2BIG cannot happen with the sizing above; stop if it does.
                    guard errno == EILSEQ || errno == EINVAL, outLeft >= 3 else { break }
                    for byte: UInt8 in [0xEF, 0xBF, 0xBD] {
                        outPointer?.pointee = CChar(bitPattern: byte)
                        outPointer = outPointer?.advanced(by: 1)
                    }
                    outLeft -= 3
                    inPointer = inPointer?.advanced(by: 1)
                    inLeft -= 1
                    invalid += 1
                }
                written = outBuffer.count - outLeft
            }
        }
        output.removeSubrange(written...)
        return Result(bytes: output, invalidBytes: invalid)
    }
}
