import Foundation
import Vapor

/// Between a right password and the second-factor code: which account, for
/// five minutes, and where to go afterwards. Kept in the (not yet signed-in)
/// session, never in the page.
struct PendingLogin {
    static let key = "_pending_login"
    static let validFor: TimeInterval = 5 * 60

    var accountID: UUID
    var next: String?
    var started = Date()

    var encoded: String {
        [accountID.uuidString, String(Int(started.timeIntervalSince1970)), next ?? ""].joined(separator: "|")
    }

    static func read(_ req: Request) -> PendingLogin? {
        guard req.hasSession, let text = req.session.data[key] else { return nil }
        let parts = text.split(separator: "|", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3, let id = UUID(uuidString: parts[0]), let seconds = Double(parts[1]) else { return nil }
        let started = Date(timeIntervalSince1970: seconds)
        guard Date().timeIntervalSince(started) < validFor else { return nil }
        return PendingLogin(accountID: id, next: parts[2].isEmpty ? nil : parts[2], started: started)
    }
}
