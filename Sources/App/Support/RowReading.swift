import Foundation
import SQLKit

/// Reading plain columns from rows fast. The generic Codable path decodes a
/// UUID stored as SQLite text through Foundation's `UUID(uuidString:)`,
/// which scans with `sscanf`; a dashboard reads tens of thousands of ids and
/// that was a tenth of its time. PostgreSQL hands back real UUIDs.
struct RowReader {
    var isSQLite: Bool

    init(_ db: any SQLDatabase) { isSQLite = db.dialect.name == "sqlite" }

    func uuid(_ row: any SQLRow, _ column: String) throws -> UUID {
        if isSQLite, let text = try? row.decode(column: column, as: String.self), let id = UUID(hyphenated: text) {
            return id
        }
        return try row.decode(column: column, as: UUID.self)
    }

    func optionalUUID(_ row: any SQLRow, _ column: String) throws -> UUID? {
        try row.decodeNil(column: column) ? nil : uuid(row, column)
    }

    func value<T: Decodable>(_ row: any SQLRow, _ column: String, as type: T.Type = T.self) throws -> T {
        try row.decode(column: column, as: T.self)
    }

    func optional<T: Decodable>(_ row: any SQLRow, _ column: String, as type: T.Type = T.self) throws -> T? {
        try row.decodeNil(column: column) ? nil : row.decode(column: column, as: T.self)
    }

    func raw<T: RawRepresentable>(_ row: any SQLRow, _ column: String, as type: T.Type = T.self) throws -> T where T.RawValue == String {
        let text = try row.decode(column: column, as: String.self)
        guard let value = T(rawValue: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "\(column): unknown value \(text)"))
        }
        return value
    }
}

/// A SQLKit row (PostgreSQL, or SQLite through SQLKit) read as columns.
struct SQLColumns: ColumnReader {
    let row: any SQLRow
    let read: RowReader

    func uuid(_ column: String) throws -> UUID { try read.uuid(row, column) }
    func string(_ column: String) throws -> String { try read.value(row, column) }
    func optionalString(_ column: String) throws -> String? { try read.optional(row, column) }
    func double(_ column: String) throws -> Double { try read.value(row, column) }
    func optionalDouble(_ column: String) throws -> Double? { try read.optional(row, column) }
    func bool(_ column: String) throws -> Bool { try read.value(row, column) }
    func optionalDate(_ column: String) throws -> Date? { try read.optional(row, column) }
}

extension UUID {
    /// Parses the canonical 8-4-4-4-12 hexadecimal form (either case) by hand.
    init?(hyphenated text: String) {
        var bytes = [UInt8](repeating: 0, count: 16)
        var index = 0, high: UInt8? = nil, position = 0
        for c in text.utf8 {
            defer { position += 1 }
            if position == 8 || position == 13 || position == 18 || position == 23 {
                guard c == UInt8(ascii: "-") else { return nil }
                continue
            }
            let nibble: UInt8
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): nibble = c - UInt8(ascii: "A") + 10
            default: return nil
            }
            guard index < 16 else { return nil }
            if let h = high {
                bytes[index] = h << 4 | nibble
                index += 1
                high = nil
            } else {
                high = nibble
            }
        }
        guard position == 36, index == 16 else { return nil }
        self.init(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                         bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }
}
