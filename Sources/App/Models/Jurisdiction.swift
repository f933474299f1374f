import Fluent

/// A place with a GB/T 2260 code: province, city or county.
package final class Jurisdiction: Model, @unchecked Sendable {
    package static let schema = "jurisdictions"

    @ID(custom: "code", generatedBy: .user) package var id: String?
    @Field(key: "name") package var name: String
    @Field(key: "level") package var level: String
    @OptionalField(key: "parent_code") package var parentCode: String?

    package init() {}

    package init(code: String, name: String, level: String, parentCode: String?) {
        self.id = code
        self.name = name
        self.level = level
        self.parentCode = parentCode
    }
}
