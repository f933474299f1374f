import Foundation
import NIOConcurrencyHelpers
import Vapor

/// Failed logins counted per client address and per unknown user name, in
/// memory, over a sliding window.
///
/// - An address with `perAddress` failures in the window is refused at once
///   (429) before any password is checked: forty clients guessing from one
///   address cost a few dictionary look-ups, not forty bcrypt checks, and
///   cannot lock account after account.
/// - A name no account has is "locked" after `Lockout.attempts` failures like
///   a real account, so 423 does not tell that an account exists.
/// Per process: several servers behind one address each count their own
/// (documented in SECURITY.md). Behind a reverse proxy every client has the
/// proxy's address; the proxy then has to limit by the real one.
final class LoginThrottle: Sendable {
    static let perAddress = 20
    static let window: TimeInterval = 15 * 60
    /// Bounds the memory an attacker can make it hold.
    static let maxKeys = 100_000

    private let failures = NIOLockedValueBox([String: [Date]]())

    static let refusal = AppError(status: .tooManyRequests, reason: "登录失败次数过多，请 15 分钟后再试。")

    /// Whether the address may try a password now.
    func allows(address: String, now: Date) -> Bool {
        recent("ip:" + address, now: now) < Self.perAddress
    }

    /// When an unknown name counts as locked, until when.
    func unknownNameLockedUntil(_ name: String, now: Date) -> Date? {
        let key = "name:" + name.lowercased()
        return failures.withLockedValue { all -> Date? in
            let times = (all[key] ?? []).filter { now.timeIntervalSince($0) < Self.window }
            guard times.count >= Lockout.attempts, let first = times.first else { return nil }
            return first.addingTimeInterval(Self.window)
        }
    }

    func recordFailure(address: String, unknownName: String?, now: Date) {
        failures.withLockedValue { all in
            if all.count >= Self.maxKeys {
                all = all.filter { _, times in times.contains { now.timeIntervalSince($0) < Self.window } }
                if all.count >= Self.maxKeys { all.removeAll() }
            }
            var keys = ["ip:" + address]
            if let unknownName { keys.append("name:" + unknownName.lowercased()) }
            for key in keys {
                var times = (all[key] ?? []).filter { now.timeIntervalSince($0) < Self.window }
                times.append(now)
                all[key] = Array(times.suffix(Self.perAddress * 2))
            }
        }
    }

    private func recent(_ key: String, now: Date) -> Int {
        failures.withLockedValue { all in (all[key] ?? []).filter { now.timeIntervalSince($0) < Self.window }.count }
    }
}

struct LoginThrottleKey: StorageKey { typealias Value = LoginThrottle }

extension Request {
    var loginThrottle: LoginThrottle {
        guard let throttle = application.storage[LoginThrottleKey.self] else { fatalError("LoginThrottle is set up in configure") }
        return throttle
    }

    /// The client's address: behind the connection guard (`GuardedServer`)
    /// the one the guard saw, from the header only it can write; otherwise
    /// the peer of the connection ("unknown" when none).
    var clientAddress: String {
        if let secret = application.storage[PeerSecretKey.self],
           let value = headers.first(name: RequestFraming.peerHeader),
           value.hasPrefix(secret + " ") {
            return String(value.dropFirst(secret.count + 1))
        }
        return remoteAddress?.ipAddress ?? "unknown"
    }
}
