import Foundation

/// One plan document read into the interchange format of `Seeds/SCHEMA.md`.
///
/// Fields beyond the schema (source positions, deadlines, levels) are extra keys
/// that the scorer ignores; every position is a pair of offsets in Unicode scalars
/// into `PlanSource.text`, the decoded text, so a value can be traced to where it
/// was printed.
public struct Plan: Sendable, Equatable {
    public var file: String
    public var title: String?
    public var issuers: [String]
    public var jurisdiction: String?
    public var year: Int?
    public var docNumber: String?
    public var issuedDate: String?
    public var allTasksAlso: [String]
    public var nodes: [PlanNode]
    public var targets: [Target]
    public var source: PlanSource?

    public init(
        file: String, title: String? = nil, issuers: [String] = [], jurisdiction: String? = nil,
        year: Int? = nil, docNumber: String? = nil, issuedDate: String? = nil,
        allTasksAlso: [String] = [], nodes: [PlanNode] = [], targets: [Target] = [],
        source: PlanSource? = nil
    ) {
        self.file = file
        self.title = title
        self.issuers = issuers
        self.jurisdiction = jurisdiction
        self.year = year
        self.docNumber = docNumber
        self.issuedDate = issuedDate
        self.allTasksAlso = allTasksAlso
        self.nodes = nodes
        self.targets = targets
        self.source = source
    }
}

/// Half-open range `[start, end)` of Unicode scalar offsets into the decoded text
/// (the same indices Python's `str` uses).
public struct SourceSpan: Codable, Sendable, Equatable, Hashable {
    public var start: Int
    public var end: Int
    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }
}

/// Where the plan came from: the format detected from its bytes and the text the
/// offsets point into.
public struct PlanSource: Sendable, Equatable {
    public var format: SourceFormat
    public var encoding: String
    public var text: String
    public init(format: SourceFormat, encoding: String, text: String) {
        self.format = format
        self.encoding = encoding
        self.text = text
    }
}

public enum SourceFormat: String, Codable, Sendable, CaseIterable {
    case text
    case docx
}
