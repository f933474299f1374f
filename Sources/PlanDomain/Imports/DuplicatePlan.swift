import Foundation

/// Whether a plan being imported is one the system already holds, so that
/// the same document imported twice is never published twice: either the
/// office updates the plan it has (a new version) or nothing is written.
///
/// Two plans are the same when their texts are the same once white space is
/// set aside (the same document, perhaps re-saved or re-typed with other line
/// breaks), or when they are filed under the same place with the same title
/// and year (a revised document of the same plan). Plans of other places
/// are not compared: the caller passes only the place's own.
public enum DuplicatePlan {
    /// What is known of a plan for the comparison.
    public struct Facts: Sendable, Equatable {
        public var id: UUID
        public var title: String
        public var year: Int?
        public var jurisdictionCode: String
        /// The text read from the document (empty when unknown).
        public var text: String

        public init(id: UUID, title: String, year: Int?, jurisdictionCode: String, text: String) {
            self.id = id
            self.title = title
            self.year = year
            self.jurisdictionCode = jurisdictionCode
            self.text = text
        }
    }

    public enum Match: Sendable, Equatable {
        /// The same text as plan `id`.
        case sameText(UUID)
        /// The same place, title and year as plan `id`.
        case sameTitle(UUID)

        public var planID: UUID {
            switch self {
            case .sameText(let id), .sameTitle(let id): return id
            }
        }
    }

    /// The first plan of `existing` that `new` duplicates: same text before
    /// same title (a text match is the stronger evidence).
    public static func find(_ new: Facts, among existing: [Facts]) -> Match? {
        let text = compact(new.text)
        if !text.isEmpty, let same = existing.first(where: { compact($0.text) == text }) {
            return .sameText(same.id)
        }
        let title = compact(new.title)
        guard !title.isEmpty else { return nil }
        return existing.first {
            $0.jurisdictionCode == new.jurisdictionCode && compact($0.title) == title && $0.year == new.year
        }.map { .sameTitle($0.id) }
    }

    /// The text without white space (ASCII, full-width and other Unicode spaces).
    static func compact(_ text: String) -> String {
        String(text.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init))
    }
}
