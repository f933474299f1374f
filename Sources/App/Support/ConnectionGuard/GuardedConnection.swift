import Logging
import NIOCore
import NIOPosix

/// The connections of one event loop, touched only from that loop (so no
/// lock): the cap is split evenly over the loops. One task per loop checks
/// every connection's deadlines four times a second: a timer per connection
/// would cost a search of the loop's whole timer queue each time one is
/// cancelled (NIO removes scheduled tasks by a linear search), and a flood
/// cancels thousands.
final class ConnectionBook {
    static let checkEvery = TimeAmount.milliseconds(250)

    let cap: Int
    private var members: [ObjectIdentifier: GuardedConnection] = [:]
    /// Connections in the order they were accepted; those that have since
    /// completed a head or closed are dropped when met, or by `compact`.
    private var fresh = CircularBuffer<GuardedConnection>()
    private var checker: RepeatedTask?

    init(cap: Int) { self.cap = cap }

    var count: Int { members.count }

    func start(on loop: EventLoop) {
        let bound = NIOLoopBound(self, eventLoop: loop)
        checker = loop.scheduleRepeatedTask(initialDelay: Self.checkEvery, delay: Self.checkEvery) { _ in
            bound.value.checkDeadlines()
        }
    }

    func stop() {
        checker?.cancel()
        checker = nil
    }

    func add(_ connection: GuardedConnection) {
        members[ObjectIdentifier(connection)] = connection
        fresh.append(connection)
        if fresh.count > 2 * members.count + 64 { compact() }
    }

    func remove(_ connection: GuardedConnection) { members[ObjectIdentifier(connection)] = nil }

    private func compact() {
        fresh = CircularBuffer(fresh.filter { members[ObjectIdentifier($0)] != nil && $0.isFresh })
    }

    private func checkDeadlines() {
        let now = NIODeadline.now()
        for member in Array(members.values) { member.checkDeadlines(now: now) }
    }

    /// Makes room for one more: closes the oldest connection that has not
    /// completed a request head (slowloris keeps heads open; trickling bytes
    /// does not make a connection look new), else the one quiet longest that
    /// is not in the middle of sending a body. False when every one is.
    func makeRoom() -> Bool {
        guard members.count >= cap else { return true }
        while let first = fresh.popFirst() {
            if members[ObjectIdentifier(first)] != nil, first.isFresh {
                first.evict()
                return true
            }
        }
        var victim: GuardedConnection?
        var since = NIODeadline.distantFuture
        for member in members.values where member.isEvictable && member.lastActivity < since {
            since = member.lastActivity
            victim = member
        }
        guard let victim else { return false }
        victim.evict()
        return true
    }
}

/// One client connection: reads its requests' framing, enforces the head,
/// body and idle deadlines, and relays bytes to the application's own server
/// on 127.0.0.1 once the first head is complete (a connection that never
/// completes one never reaches the application).
final class GuardedConnection: ChannelDuplexHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let limits: ConnectionLimits
    private let innerPort: Int
    private let book: ConnectionBook
    private let logger: Logger
    private var framing: RequestFraming
    private var context: ChannelHandlerContext?
    private var inner: Channel?
    private var connecting = false
    private var pending: [ByteBuffer] = []
    private var readHeld = false
    private var closing = false
    private(set) var lastActivity = NIODeadline.now()
    private var headsCompleted = 0
    private var headDeadline: NIODeadline?
    private var bodyDeadline: NIODeadline?
    /// Reads the application held back while the client could not take more.
    fileprivate var innerReadHeld = false
    fileprivate var innerContext: ChannelHandlerContext?

    init(limits: ConnectionLimits, innerPort: Int, book: ConnectionBook, peerLine: String, logger: Logger) {
        self.limits = limits
        self.innerPort = innerPort
        self.book = book
        self.logger = logger
        self.framing = RequestFraming(maxHeadBytes: limits.maxHeadBytes, peerLine: peerLine)
    }

    var isEvictable: Bool { !framing.isInBody }

    /// Has not completed a request head since it connected.
    var isFresh: Bool { headsCompleted == 0 }

    func evict() {
        logger.debug("connection guard: closing the connection waiting longest to admit a new one")
        context?.close(promise: nil)
    }

    // MARK: lifecycle

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        book.add(self)
        let now = NIODeadline.now()
        lastActivity = now
        // The first head is due from the moment the client connected.
        headDeadline = now + .seconds(Int64(limits.headerSeconds))
    }

    func handlerRemoved(context: ChannelHandlerContext) { finish() }

    func channelInactive(context: ChannelHandlerContext) {
        finish()
        context.fireChannelInactive()
    }

    private func finish() {
        book.remove(self)
        inner?.close(promise: nil)
        inner = nil
        context = nil
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }

    // MARK: client → application

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !closing else { return }
        let now = NIODeadline.now()
        lastActivity = now
        let step = framing.consume(unwrapInboundIn(data))
        headsCompleted += step.headsCompleted
        if let refusal = step.refusal {
            refuse(refusal)
            return
        }
        switch framing.state {
        case .head(let started):
            bodyDeadline = nil
            if !started {
                headDeadline = nil
            } else if headDeadline == nil || step.headsCompleted > 0 {
                headDeadline = now + .seconds(Int64(limits.headerSeconds))
            }
        case .body:
            headDeadline = nil
            if bodyDeadline == nil || step.headsCompleted > 0 {
                bodyDeadline = now + .seconds(Int64(limits.bodyGraceSeconds))
            }
            // Each MinRate bytes received buy one more second.
            let earned = step.bodyBytes * 1_000 / max(1, limits.bodyMinBytesPerSecond)
            bodyDeadline = bodyDeadline! + .milliseconds(Int64(earned))
        }
        for part in step.forward { send(part) }
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        inner?.flush()
        context.fireChannelReadComplete()
    }

    private func send(_ part: ByteBuffer) {
        if let inner {
            inner.write(part, promise: nil)
            return
        }
        pending.append(part)
        guard !connecting, let context else { return }
        connecting = true
        let loop = context.eventLoop
        let bound = NIOLoopBound(self, eventLoop: loop)
        ClientBootstrap(group: loop)
            .channelOption(ChannelOptions.socket(IPPROTO_TCP, TCP_NODELAY), value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ApplicationSide(bound.value))
                }
            }
            .connect(host: "127.0.0.1", port: innerPort)
            .whenComplete { result in bound.value.connected(result) }
    }

    private func connected(_ result: Result<Channel, any Error>) {
        connecting = false
        switch result {
        case .success(let channel):
            guard context != nil, !closing else { channel.close(promise: nil); return }
            inner = channel
            for part in pending { channel.write(part, promise: nil) }
            pending = []
            channel.flush()
            if readHeld, channel.isWritable { readHeld = false; context?.read() }
        case .failure(let error):
            logger.error("connection guard: the application did not take a connection: \(error)")
            refuse(.init(status: 503, reason: "Service Unavailable", message: "服务暂时不可用，请稍后再试。"))
        }
    }

    /// Reads from the client only as fast as the application takes them.
    func read(context: ChannelHandlerContext) {
        if let inner, !inner.isWritable {
            readHeld = true
        } else if inner == nil, !pending.isEmpty {
            readHeld = true
        } else {
            context.read()
        }
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        if context.channel.isWritable, innerReadHeld, let innerContext {
            innerReadHeld = false
            innerContext.read()
        }
        context.fireChannelWritabilityChanged()
    }

    // MARK: application → client

    fileprivate func fromApplication(_ buffer: ByteBuffer) {
        lastActivity = .now()
        context?.write(wrapOutboundOut(buffer), promise: nil)
    }

    fileprivate func applicationFlushed() { context?.flush() }

    fileprivate func applicationClosed() {
        inner = nil
        guard let context else { return }
        closing = true
        // Closing fails writes still queued: close once the last one is out.
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(ByteBuffer())).whenComplete { _ in channel.close(promise: nil) }
    }

    fileprivate func innerBecameWritable() {
        if readHeld, let context { readHeld = false; context.read() }
    }

    fileprivate var clientIsWritable: Bool { context?.channel.isWritable ?? true }

    // MARK: deadlines

    /// Called by the book four times a second.
    func checkDeadlines(now: NIODeadline) {
        guard context != nil, !closing else { return }
        if let headDeadline, now >= headDeadline {
            if case .head(started: true) = framing.state {
                refuse(.init(status: 408, reason: "Request Timeout", message: "请求头在 \(limits.headerSeconds) 秒内未发完，连接已关闭。"))
            } else {
                context?.close(promise: nil)
            }
        } else if let bodyDeadline, now >= bodyDeadline {
            refuse(.init(status: 408, reason: "Request Timeout", message: "请求体发送过慢，连接已关闭。"))
        } else if now >= lastActivity + .seconds(Int64(limits.idleSeconds)) {
            context?.close(promise: nil)
        }
    }

    private func refuse(_ refusal: RequestFraming.Refusal) {
        guard let context, !closing else { return }
        closing = true
        inner?.close(promise: nil)
        inner = nil
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(Self.answer(refusal, allocator: channel.allocator)))
            .whenComplete { _ in channel.close(promise: nil) }
    }

    static func answer(_ refusal: RequestFraming.Refusal, allocator: ByteBufferAllocator) -> ByteBuffer {
        let body = refusal.message + "\n"
        var buffer = allocator.buffer(capacity: 256)
        buffer.writeString("HTTP/1.1 \(refusal.status) \(refusal.reason)\r\n")
        buffer.writeString("Content-Type: text/plain; charset=utf-8\r\n")
        buffer.writeString("Content-Length: \(body.utf8.count)\r\n")
        buffer.writeString("Connection: close\r\n")
        buffer.writeString("X-Content-Type-Options: nosniff\r\n")
        buffer.writeString("Content-Security-Policy: default-src 'none'; frame-ancestors 'none'\r\n\r\n")
        buffer.writeString(body)
        return buffer
    }
}

/// The relay's end towards the application's server.
private final class ApplicationSide: ChannelDuplexHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundIn = ByteBuffer

    private let client: GuardedConnection

    init(_ client: GuardedConnection) { self.client = client }

    func handlerAdded(context: ChannelHandlerContext) { client.innerContext = context }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        client.fromApplication(unwrapInboundIn(data))
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        client.applicationFlushed()
        context.fireChannelReadComplete()
    }

    func channelInactive(context: ChannelHandlerContext) {
        client.innerContext = nil
        client.applicationClosed()
        context.fireChannelInactive()
    }

    func read(context: ChannelHandlerContext) {
        if client.clientIsWritable { context.read() } else { client.innerReadHeld = true }
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        if context.channel.isWritable { client.innerBecameWritable() }
        context.fireChannelWritabilityChanged()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }
}
