import Fluent

/// A place with a GB/T 2260 code: province, city or county.
final class Jurisdiction: Model, @unchecked Sendable {
    static let schema = "jurisdictions"

    @ID(custom: "code", generatedBy: .user) var id: String?
    @Field(key: "name") var name: String
    @Field(key: "level") var level: String
    @OptionalField(key: "parent_code") var parentCode: String?

    init() {}

    init(code: String, name: String, level: String, parentCode: String?) {
        self.id = code
        self.name = name
        self.level = level
        self.parentCode = parentCode
    }
}
