import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import Vapor

/// The server `serve` runs: Vapor's HTTP server on a private port of
/// 127.0.0.1, behind a guard on the public address that enforces what
/// Vapor 4 cannot (its only knob is an idle timeout that also cuts a request
/// still being handled): a deadline for each request head and a minimum
/// rate for each body, an idle timeout, and a cap on connections that, when
/// reached, closes the oldest connection that has not completed a request
/// head (else the one quiet longest; see `ConnectionBook.makeRoom`) so a new
/// one (a health check, a user) still gets in. Slow clients cost the guard one descriptor
/// each and never reach the application.
///
/// The client's address reaches the application in a header only the guard
/// can write (`RequestFraming.peerHeader`, with a secret made per process);
/// `Request.clientAddress` reads it.
final class GuardedServer: Vapor.Server, Sendable {
    private let application: Application
    private let limits: ConnectionLimits
    private let secret: String
    private let front = NIOLockedValueBox<Channel?>(nil)
    private let books = NIOLockedValueBox<[NIOLoopBound<ConnectionBook>]>([])

    init(application: Application, limits: ConnectionLimits, secret: String) {
        self.application = application
        self.limits = limits
        self.secret = secret
    }

    private var inner: HTTPServer { application.http.server.shared }

    var onShutdown: EventLoopFuture<Void> { inner.onShutdown }

    /// The public address, once started.
    var localAddress: SocketAddress? { front.withLockedValue { $0?.localAddress } }

    func start(address: BindAddress?) async throws {
        let configuration = application.http.server.configuration
        var hostname = configuration.hostname
        var port = configuration.port
        if case .hostname(let host, let p) = address {
            hostname = host ?? hostname
            port = p ?? port
        }
        // The application's own server: private, quiet about its address.
        var quiet = application.logger
        quiet.logLevel = .warning
        inner.configuration.logger = quiet
        try await inner.start(address: .hostname("127.0.0.1", port: 0))
        guard let innerPort = inner.localAddress?.port else {
            throw AppError(status: .internalServerError, reason: "内部服务未能启动。")
        }

        let fileLimit = ConnectionLimits.raiseFileLimit()
        var loops: [EventLoop] = []
        var iterator = application.eventLoopGroup.makeIterator()
        while let loop = iterator.next() { loops.append(loop) }
        let cap = limits.effectiveMaxConnections(fileLimit: fileLimit)
        let perLoop = max(16, cap / max(1, loops.count))
        var books: [ObjectIdentifier: NIOLoopBound<ConnectionBook>] = [:]
        for loop in loops {
            // Made on its loop: a book is touched only there.
            books[ObjectIdentifier(loop)] = try await loop.submit {
                let book = ConnectionBook(cap: perLoop)
                book.start(on: loop)
                return NIOLoopBound(book, eventLoop: loop)
            }.get()
        }
        let frozen = books
        self.books.withLockedValue { $0 = Array(books.values) }
        let limits = self.limits
        let secret = self.secret
        let logger = application.logger

        let channel = try await ServerBootstrap(group: application.eventLoopGroup)
            // A deep accept queue: when it overflows the kernel drops the
            // SYN and the client (a health check among them) retries only
            // after a second. The kernel caps it at net.core.somaxconn.
            .serverChannelOption(ChannelOptions.backlog, value: Int32(max(configuration.backlog, 4096)))
            .serverChannelOption(ChannelOptions.socket(SocketOptionLevel(SOL_SOCKET), SO_REUSEADDR), value: 1)
            // Accepts per wake-up (NIO's default is 4; Vapor's server takes 256).
            .serverChannelOption(ChannelOptions.maxMessagesPerRead, value: 64)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    guard let book = frozen[ObjectIdentifier(channel.eventLoop)]?.value else {
                        throw AppError(status: .internalServerError, reason: "连接不在已知的事件循环上。")
                    }
                    guard book.makeRoom() else {
                        // Every held connection is sending a body: refuse this one.
                        let answer = GuardedConnection.answer(
                            .init(status: 503, reason: "Service Unavailable", message: "连接数已满，请稍后再试。"),
                            allocator: channel.allocator)
                        channel.writeAndFlush(answer).whenComplete { _ in channel.close(promise: nil) }
                        return
                    }
                    let address = channel.remoteAddress?.ipAddress ?? "unknown"
                    try channel.pipeline.syncOperations.addHandler(GuardedConnection(
                        limits: limits, innerPort: innerPort, book: book,
                        peerLine: "\(RequestFraming.peerHeader): \(secret) \(address)", logger: logger))
                }
            }
            .childChannelOption(ChannelOptions.socket(IPPROTO_TCP, TCP_NODELAY), value: 1)
            .childChannelOption(ChannelOptions.maxMessagesPerRead, value: 4)
            .bind(host: hostname, port: port).get()
        front.withLockedValue { $0 = channel }
        let shown = channel.localAddress?.port ?? port
        application.logger.notice("服务已启动：http://\(hostname):\(shown)（连接上限 \(cap)，请求头 \(limits.headerSeconds) 秒内发完，空闲 \(limits.idleSeconds) 秒关闭）")
    }

    @available(*, noasync)
    func start(address: BindAddress?) throws {
        let promise = application.eventLoopGroup.next().makePromise(of: Void.self)
        promise.completeWithTask { try await self.start(address: address) }
        try promise.futureResult.wait()
    }

    func shutdown() async {
        let channel = front.withLockedValue { value -> Channel? in
            defer { value = nil }
            return value
        }
        try? await channel?.close()
        await stopBooks()
        await inner.shutdown()
    }

    @available(*, noasync)
    func shutdown() {
        let channel = front.withLockedValue { value -> Channel? in
            defer { value = nil }
            return value
        }
        try? channel?.close().wait()
        for book in books.withLockedValue({ $0 }) { try? book.eventLoop.submit { book.value.stop() }.wait() }
        inner.shutdown()
    }
}

extension GuardedServer {
    private func stopBooks() async {
        for book in books.withLockedValue({ $0 }) { try? await book.eventLoop.submit { book.value.stop() }.get() }
    }
}

struct PeerSecretKey: StorageKey { typealias Value = String }

extension Application {
    /// The port clients reach: the guard's when it runs, else Vapor's.
    package var listeningPort: Int? {
        (server as? GuardedServer)?.localAddress?.port ?? http.server.shared.localAddress?.port
    }
}
