import Foundation
import Vapor

/// The optional second factor: time-based one-time codes (RFC 6238, SHA-1,
/// six digits, 30 s), which every authenticator app (including the ones in
/// WeChat mini programs that offices use) reads from an `otpauth://` link.
enum SecondFactor {
    static let issuer = "sciplan"
    static let step: TimeInterval = 30

    /// Who may turn it on: the accounts that can change plans or the system.
    static func isOffered(to role: Role) -> Bool { role == .admin || role == .office }

    /// 160 random bits, base32 as the apps expect.
    static func newSecret() -> String {
        var generator = SystemRandomNumberGenerator()
        return Base32.encode((0..<20).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
    }

    static func link(secret: String, username: String) -> String {
        let label = "\(issuer):\(username)".addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? issuer
        return "otpauth://totp/\(label)?secret=\(secret)&issuer=\(issuer)&algorithm=SHA1&digits=6&period=30"
    }

    /// The 30-second step a code was made for, trying the current step and
    /// one either side (clocks on phones drift); nil when it matches none.
    static func matchingStep(code: String, secret: String, at date: Date) -> Int64? {
        let digits = code.filter { !$0.isWhitespace }
        guard digits.count == 6, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber),
              let key = Base32.decode(secret) else { return nil }
        let totp = TOTP(key: SymmetricKey(data: key), digest: .sha1, digits: .six, interval: Int(step))
        let current = Int64(floor(date.timeIntervalSince1970 / step))
        for offset in [0, -1, 1] as [Int64] {
            let candidate = current + offset
            if totp.generate(time: Date(timeIntervalSince1970: Double(candidate) * step)) == digits { return candidate }
        }
        return nil
    }

    /// Checks a code for an account and remembers its step, so a code seen
    /// over someone's shoulder cannot be used a second time.
    static func accept(code: String, for account: Account, at date: Date = Date()) -> Bool {
        guard let secret = account.totpSecret, let step = matchingStep(code: code, secret: secret, at: date) else { return false }
        if let last = account.totpLastStep, step <= last { return false }
        account.totpLastStep = step
        return true
    }
}

/// RFC 4648 base32 without padding, the alphabet authenticator apps use.
enum Base32 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")

    static func encode(_ bytes: [UInt8]) -> String {
        var output = ""
        var buffer = 0, bits = 0
        for byte in bytes {
            buffer = (buffer << 8) | Int(byte)
            bits += 8
            while bits >= 5 {
                output.append(alphabet[(buffer >> (bits - 5)) & 31])
                bits -= 5
            }
        }
        if bits > 0 { output.append(alphabet[(buffer << (5 - bits)) & 31]) }
        return output
    }

    static func decode(_ text: String) -> [UInt8]? {
        var output: [UInt8] = []
        var buffer = 0, bits = 0
        for character in text.uppercased() where character != "=" && character != " " {
            guard let value = alphabet.firstIndex(of: character) else { return nil }
            buffer = (buffer << 5) | value
            bits += 5
            if bits >= 8 {
                output.append(UInt8((buffer >> (bits - 8)) & 0xFF))
                bits -= 8
            }
        }
        return output
    }
}
