import FluentSQLiteDriver
import Foundation

/// Reading many rows from SQLite without the Codable layer. SQLiteKit's
/// `decode(column:as:)` casts the requested type at run time and builds a
/// `JSONDecoder` for every value; a dashboard reads tens of thousands of
/// values, and that was a tenth of its time. These read `SQLiteData`
/// directly. PostgreSQL (and anything else) keeps the `RowReader` path.
enum SQLiteRows {
    /// The rows of a query with `?` placeholders, or nil when the database is not SQLite.
    static func query(_ db: any Database, _ sql: String, _ binds: [SQLiteData]) async throws -> [SQLiteRow]? {
        guard let sqlite = db as? any SQLiteDatabase else { return nil }
        return try await sqlite.query(sql, binds)
    }

    struct Missing: Error, CustomStringConvertible {
        var column: String
        var description: String { "SQLite 行缺少或无法读取列 \(column)" }
    }
}

/// One row's columns, read by name, whichever way the row was fetched: a
/// row type decodes itself from this once (`ReportRow.init(_:)`), and the
/// raw SQLite path and the portable SQLKit path both hand it their rows.
protocol ColumnReader {
    func uuid(_ column: String) throws -> UUID
    func string(_ column: String) throws -> String
    func optionalString(_ column: String) throws -> String?
    func double(_ column: String) throws -> Double
    func optionalDouble(_ column: String) throws -> Double?
    func bool(_ column: String) throws -> Bool
    func optionalDate(_ column: String) throws -> Date?
}

extension ColumnReader {
    func raw<T: RawRepresentable>(_ column: String, as type: T.Type = T.self) throws -> T where T.RawValue == String {
        let text = try string(column)
        guard let value = T(rawValue: text) else { throw SQLiteRows.Missing(column: column) }
        return value
    }
}

extension SQLiteRow: ColumnReader {
    func uuid(_ column: String) throws -> UUID {
        guard case .text(let text)? = self.column(column), let id = UUID(hyphenated: text) ?? UUID(uuidString: text) else {
            throw SQLiteRows.Missing(column: column)
        }
        return id
    }

    func string(_ column: String) throws -> String {
        guard let data = self.column(column), let text = String(sqliteData: data) else { throw SQLiteRows.Missing(column: column) }
        return text
    }

    func optionalString(_ column: String) -> String? {
        guard let data = self.column(column), data != .null else { return nil }
        return String(sqliteData: data)
    }

    func double(_ column: String) throws -> Double {
        guard let data = self.column(column), let value = Double(sqliteData: data) else { throw SQLiteRows.Missing(column: column) }
        return value
    }

    func optionalDouble(_ column: String) -> Double? {
        guard let data = self.column(column), data != .null else { return nil }
        return Double(sqliteData: data)
    }

    func bool(_ column: String) throws -> Bool {
        guard let data = self.column(column), let value = Bool(sqliteData: data) else { throw SQLiteRows.Missing(column: column) }
        return value
    }

    func optionalDate(_ column: String) -> Date? {
        guard let data = self.column(column), data != .null else { return nil }
        return Date(sqliteData: data)
    }
}
