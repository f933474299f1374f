import Foundation

/// What a new password must be (等保2.0 level 3: complexity and history).
///
/// Length counts most against guessing, so the minimum is 10; three of the
/// four character classes rule out the all-lowercase words people reach for;
/// the user name inside the password is the first thing an attacker tries.
enum PasswordPolicy {
    static let minimumLength = 10
    static let maximumLength = 128
    /// A new password differs from this many earlier ones (the current included).
    static let historyDepth = 5

    /// Every rule the candidate breaks, in Chinese; empty when it is acceptable.
    static func problems(_ candidate: String, username: String) -> [String] {
        var problems: [String] = []
        if candidate.count < minimumLength { problems.append("密码至少 \(minimumLength) 位。") }
        if candidate.count > maximumLength { problems.append("密码最多 \(maximumLength) 位。") }
        let classes = [
            candidate.contains { $0.isASCII && $0.isUppercase },
            candidate.contains { $0.isASCII && $0.isLowercase },
            candidate.contains { $0.isASCII && $0.isNumber },
            candidate.contains { !($0.isASCII && ($0.isLetter || $0.isNumber)) && !$0.isWhitespace },
        ].filter { $0 }.count
        if classes < 3 { problems.append("密码须包含大写字母、小写字母、数字、符号中的至少三类。") }
        let name = username.lowercased()
        if name.count >= 3 && candidate.lowercased().contains(name) { problems.append("密码不能包含用户名。") }
        if Set(candidate).count <= 3 { problems.append("密码不能由重复的少数几个字符组成。") }
        return problems
    }
}
