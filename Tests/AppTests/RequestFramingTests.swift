@testable import App
import NIOCore
import Testing

/// The connection guard's reading of request boundaries (issue 15, finding 7),
/// without a server: the live deadlines are checked by
/// `scripts/slow-connections.py`.
@Suite struct RequestFramingTests {
    static let peer = "X-Sciplan-Peer: s3cret 203.0.113.9"

    func text(_ parts: [ByteBuffer]) -> String {
        parts.map { String(buffer: $0) }.joined()
    }

    @Test func aHeadGetsThePeerLineAfterTheRequestLineAndLosesForgedOnes() {
        var framing = RequestFraming(peerLine: Self.peer)
        let step = framing.consume(ByteBuffer(string: "GET /plans HTTP/1.1\r\nHost: a\r\nx-sciplan-peer: forged 10.0.0.1\r\nAccept: */*\r\n\r\n"))
        #expect(step.refusal == nil)
        #expect(step.headsCompleted == 1)
        #expect(text(step.forward) == "GET /plans HTTP/1.1\r\nX-Sciplan-Peer: s3cret 203.0.113.9\r\nHost: a\r\nAccept: */*\r\n\r\n")
        #expect(framing.state == .head(started: false))
    }

    @Test func aHeadSplitAnywhereIsReadTheSame() {
        let request = "POST /api/login HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello"
        let bytes = Array(request.utf8)
        for cut in 1..<bytes.count {
            var framing = RequestFraming(peerLine: Self.peer)
            let first = framing.consume(ByteBuffer(bytes: bytes[..<cut]))
            let second = framing.consume(ByteBuffer(bytes: bytes[cut...]))
            #expect(first.refusal == nil && second.refusal == nil)
            #expect(text(first.forward + second.forward)
                    == "POST /api/login HTTP/1.1\r\nX-Sciplan-Peer: s3cret 203.0.113.9\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello", "cut at \(cut)")
            #expect(first.bodyBytes + second.bodyBytes == 5)
            #expect(framing.state == .head(started: false), "cut at \(cut)")
        }
    }

    @Test func aBodyIsCountedAndTheNextHeadFollowsIt() {
        var framing = RequestFraming(peerLine: Self.peer)
        var step = framing.consume(ByteBuffer(string: "POST /a HTTP/1.1\r\nContent-Length: 10\r\n\r\n1234"))
        #expect(framing.state == .body(remaining: 6))
        #expect(step.bodyBytes == 4)
        #expect(framing.isInBody)
        step = framing.consume(ByteBuffer(string: "567890GET /b HTTP/1.1\r\n"))
        #expect(step.bodyBytes == 6)
        #expect(step.headsCompleted == 0)
        #expect(framing.state == .head(started: true))
        step = framing.consume(ByteBuffer(string: "\r\n"))
        #expect(step.headsCompleted == 1)
        #expect(text(step.forward) == "GET /b HTTP/1.1\r\nX-Sciplan-Peer: s3cret 203.0.113.9\r\n\r\n")
    }

    @Test func pipelinedRequestsInOneReadAreAllFramed() {
        var framing = RequestFraming(peerLine: Self.peer)
        let step = framing.consume(ByteBuffer(string: "GET /1 HTTP/1.1\r\n\r\nPOST /2 HTTP/1.1\r\nContent-Length: 2\r\n\r\nokGET /3 HTTP/1.1\r\n\r\n"))
        #expect(step.headsCompleted == 3)
        #expect(step.bodyBytes == 2)
        #expect(text(step.forward).components(separatedBy: "X-Sciplan-Peer").count == 4)
        #expect(framing.state == .head(started: false))
    }

    @Test func blankLinesBeforeARequestDoNotStartAHead() {
        var framing = RequestFraming(peerLine: Self.peer)
        let step = framing.consume(ByteBuffer(string: "\r\n\r\n"))
        #expect(step.forward.isEmpty)
        #expect(framing.state == .head(started: false))
    }

    @Test func chunkedBodiesAreRefusedWith411() {
        var framing = RequestFraming(peerLine: Self.peer)
        let step = framing.consume(ByteBuffer(string: "POST /a HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n"))
        #expect(step.refusal?.status == 411)
        #expect(step.forward.isEmpty)
    }

    @Test func badOrConflictingLengthsAreRefusedWith400() {
        for head in ["Content-Length: 5\r\nContent-Length: 6", "Content-Length: -1", "Content-Length: 1e3", "Content-Length: ",
                     "Content-Length: 9999999999999999"] {
            var framing = RequestFraming(peerLine: Self.peer)
            let step = framing.consume(ByteBuffer(string: "POST /a HTTP/1.1\r\n\(head)\r\n\r\n"))
            #expect(step.refusal?.status == 400, "\(head)")
        }
        var same = RequestFraming(peerLine: Self.peer)
        #expect(same.consume(ByteBuffer(string: "POST /a HTTP/1.1\r\nContent-Length: 2\r\ncontent-length:  2 \r\n\r\nok")).refusal == nil)
    }

    @Test func aHeadLargerThanTheLimitIsRefusedWith431() {
        var framing = RequestFraming(maxHeadBytes: 1024, peerLine: Self.peer)
        var step = framing.consume(ByteBuffer(string: "GET / HTTP/1.1\r\n"))
        #expect(step.refusal == nil)
        step = framing.consume(ByteBuffer(string: "X-Big: " + String(repeating: "a", count: 1100)))
        #expect(step.refusal?.status == 431)
    }

    @Test func theGuardsOwnAnswersAreCompleteHTTP() {
        let answer = String(buffer: GuardedConnection.answer(
            .init(status: 408, reason: "Request Timeout", message: "请求头在 10 秒内未发完，连接已关闭。"), allocator: ByteBufferAllocator()))
        #expect(answer.hasPrefix("HTTP/1.1 408 Request Timeout\r\n"))
        #expect(answer.contains("Connection: close\r\n"))
        #expect(answer.contains("X-Content-Type-Options: nosniff\r\n"))
        let parts = answer.components(separatedBy: "\r\n\r\n")
        #expect(parts.count == 2)
        #expect(answer.contains("Content-Length: \(parts[1].utf8.count)\r\n"))
    }

    @Test func theCapLeavesDescriptorsForEverythingElse() {
        var limits = ConnectionLimits()
        #expect(limits.effectiveMaxConnections(fileLimit: 20_000) == 6_581)
        #expect(limits.effectiveMaxConnections(fileLimit: 1_024) == 256)
        #expect(limits.effectiveMaxConnections(fileLimit: 100) == 64)
        limits.maxConnections = 500
        #expect(limits.effectiveMaxConnections(fileLimit: 20_000) == 500)
        #expect(limits.effectiveMaxConnections(fileLimit: 1_024) == 256)
    }

    @Test func theGuardsSettingsAreReadAndCheckedOnce() throws {
        func load(_ env: [String: String]) throws -> AppConfig {
            try AppConfig.load(hostname: nil, port: nil, databasePath: ":memory:", demo: false, environment: env)
        }
        let shipped = try load([:]).connections
        #expect(shipped.enabled && shipped.headerSeconds == 10 && shipped.bodyGraceSeconds == 20 && shipped.idleSeconds == 120)
        let set = try load(["SCIPLAN_CONNECTION_GUARD": "0", "SCIPLAN_MAX_CONNECTIONS": "2000", "SCIPLAN_HEADER_SECONDS": "3",
                            "SCIPLAN_BODY_SECONDS": "4", "SCIPLAN_IDLE_SECONDS": "30"]).connections
        #expect(!set.enabled && set.maxConnections == 2000 && set.headerSeconds == 3 && set.bodyGraceSeconds == 4 && set.idleSeconds == 30)
        for (name, value) in [("SCIPLAN_CONNECTION_GUARD", "maybe"), ("SCIPLAN_MAX_CONNECTIONS", "8"), ("SCIPLAN_HEADER_SECONDS", "0"),
                              ("SCIPLAN_BODY_SECONDS", "x"), ("SCIPLAN_IDLE_SECONDS", "1")] {
            do {
                _ = try load([name: value])
                Issue.record("\(name)=\(value) accepted")
            } catch {
                #expect(error.localizedDescription.contains(name) && error.localizedDescription.contains("配置错误"), "\(error)")
            }
        }
    }
}
