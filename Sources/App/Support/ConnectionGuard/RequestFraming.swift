import NIOCore

/// Finds where each HTTP/1.1 request of a connection starts and ends in the
/// bytes a client sends, so the connection guard can time a request's head
/// and body separately, and adds the client's address to each head.
///
/// Hand-written rather than NIO's `HTTPRequestDecoder`: the guard forwards the
/// client's own bytes to the application (which decodes them with NIO); it
/// needs only the framing, and decoding and re-encoding every request twice
/// would cost the submissions benchmark for nothing.
///
/// Request bodies must carry `Content-Length`; a `Transfer-Encoding` body is
/// answered 411 (browsers, the API's clients and the tests never send one).
struct RequestFraming {
    enum State: Equatable {
        /// Reading a head; `started` once its first byte came.
        case head(started: Bool)
        case body(remaining: Int)
    }

    /// An answer the guard gives itself before closing the connection.
    struct Refusal: Error, Equatable {
        var status: Int
        var reason: String
        var message: String
    }

    struct Step {
        /// Bytes for the application, in order: heads rewritten, bodies as sent.
        var forward: [ByteBuffer] = []
        var refusal: Refusal?
        var bodyBytes = 0
        var headsCompleted = 0
    }

    static let peerHeader = "X-Sciplan-Peer"

    private(set) var state = State.head(started: false)
    private var head = ByteBuffer()
    private var scannedUpTo = 0
    let maxHeadBytes: Int
    /// The header line added to every head (`X-Sciplan-Peer: <secret> <address>`).
    let peerLine: [UInt8]

    init(maxHeadBytes: Int = 64 * 1024, peerLine: String) {
        self.maxHeadBytes = maxHeadBytes
        self.peerLine = Array(peerLine.utf8)
    }

    var isInBody: Bool { if case .body = state { true } else { false } }

    mutating func consume(_ input: ByteBuffer) -> Step {
        var buffer = input
        var step = Step()
        while buffer.readableBytes > 0 {
            switch state {
            case .body(let remaining):
                let n = min(remaining, buffer.readableBytes)
                step.forward.append(buffer.readSlice(length: n)!)
                step.bodyBytes += n
                state = remaining == n ? .head(started: false) : .body(remaining: remaining - n)
            case .head:
                if head.readableBytes == 0 {
                    // Empty lines before a request line are ignored (RFC 9112 §2.2).
                    while let byte = buffer.getInteger(at: buffer.readerIndex, as: UInt8.self), byte == 13 || byte == 10 {
                        buffer.moveReaderIndex(forwardBy: 1)
                    }
                    if buffer.readableBytes == 0 { continue }
                }
                state = .head(started: true)
                head.writeBuffer(&buffer)
                guard let end = headEnd() else {
                    if head.readableBytes > maxHeadBytes {
                        step.refusal = Refusal(status: 431, reason: "Request Header Fields Too Large", message: "请求头过大。")
                        return step
                    }
                    scannedUpTo = max(0, head.readableBytes - 3)
                    continue
                }
                let headBytes = head.readBytes(length: end)!
                // What followed the head goes round the loop again.
                var rest = head
                head = ByteBuffer()
                scannedUpTo = 0
                switch Self.rewrite(headBytes, peerLine: peerLine) {
                case .failure(let refusal):
                    step.refusal = refusal
                    return step
                case .success(let (rewritten, length)):
                    step.forward.append(ByteBuffer(bytes: rewritten))
                    step.headsCompleted += 1
                    state = length > 0 ? .body(remaining: length) : .head(started: false)
                }
                rest.writeBuffer(&buffer)
                buffer = rest
            }
        }
        return step
    }

    /// The length of the head including its blank line, once it is complete.
    private func headEnd() -> Int? {
        let view = head.readableBytesView
        var i = view.startIndex + scannedUpTo
        while i + 3 < view.endIndex {
            if view[i] == 13, view[i + 1] == 10, view[i + 2] == 13, view[i + 3] == 10 { return i + 4 - view.startIndex }
            i += 1
        }
        return nil
    }

    /// The head with the client's own peer lines removed and the guard's
    /// added after the request line, and the body's length.
    static func rewrite(_ head: [UInt8], peerLine: [UInt8]) -> Result<([UInt8], Int), Refusal> {
        let lines = head.split(separator: 10, omittingEmptySubsequences: false).map { line in
            line.last == 13 ? line.dropLast() : line
        }.filter { !$0.isEmpty }
        guard let requestLine = lines.first else {
            return .failure(Refusal(status: 400, reason: "Bad Request", message: "请求格式不正确。"))
        }
        var out = Array(requestLine) + [13, 10] + peerLine + [13, 10]
        var length: Int?
        let peerName = Array(peerHeader.lowercased().utf8)
        for line in lines.dropFirst() {
            let colon = line.firstIndex(of: UInt8(ascii: ":")) ?? line.endIndex
            let name = line[line.startIndex..<colon].map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
            let value = colon < line.endIndex ? Array(line[(colon + 1)...]).trimmingSpaces : []
            if name == peerName { continue }
            if name == Array("transfer-encoding".utf8) {
                return .failure(Refusal(status: 411, reason: "Length Required", message: "请求体须带 Content-Length（不支持分块传输）。"))
            }
            if name == Array("content-length".utf8) {
                guard !value.isEmpty, value.count <= 15, value.allSatisfy({ $0 >= 48 && $0 <= 57 }),
                      let parsed = Int(String(decoding: value, as: UTF8.self)), length == nil || length == parsed else {
                    return .failure(Refusal(status: 400, reason: "Bad Request", message: "Content-Length 不正确。"))
                }
                length = parsed
            }
            out += line
            out += [13, 10]
        }
        out += [13, 10]
        return .success((out, length ?? 0))
    }
}

private extension Array where Element == UInt8 {
    var trimmingSpaces: [UInt8] {
        var slice = self[...]
        while let first = slice.first, first == 32 || first == 9 { slice = slice.dropFirst() }
        while let last = slice.last, last == 32 || last == 9 { slice = slice.dropLast() }
        return Array(slice)
    }
}
