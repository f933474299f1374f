import Fluent
import Foundation

extension Model where IDValue == UUID {
    /// The id a page links a record by. Pages show records read from the
    /// database, which always have one; a record without one (never saved)
    /// gets the nil UUID, which no route finds, rather than a link with a
    /// hole in it.
    var linkID: UUID { id ?? UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)) }
}
