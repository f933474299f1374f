import Foundation
import OpenAPIKit30

/// The JSON schema of a `Decodable` type, read from the type itself: its
/// `init(from:)` is run against a decoder that answers every question with a
/// sample value and writes down what was asked (each key, its type, whether it
/// was optional). So the schema in `/openapi.json` is the shape the server
/// really decodes and encodes (our DTOs use the synthesized Codable, whose
/// keys are the same both ways), and a renamed field changes the document.
///
/// Hand-written because OpenAPIKit builds documents but does not reflect
/// Swift types (that is the separate OpenAPIReflection package, not in the
/// mirror), and the well-known decoder trick needs a page of code.
enum SchemaReflection {
    /// The schema of `type`; enums that are `CaseIterable & RawRepresentable`
    /// become string (or integer) enumerations of their raw values.
    static func schema<T: Decodable>(of type: T.Type) throws -> JSONSchema {
        try reflect(type).schema
    }

    /// A value of `type` and its schema.
    static func reflect<T: Decodable>(_ type: T.Type) throws -> (value: T, schema: JSONSchema) {
        if let known = leaf(type) { return known }
        if let collection = type as? any ReflectableCollection.Type {
            let (value, schema) = try collection.reflectCollection()
            guard let value = value as? T else { throw ReflectionError.unsupported(String(describing: type)) }
            return (value, schema)
        }
        if let optional = type as? any ReflectableOptional.Type {
            let (value, schema) = try optional.reflectOptional()
            guard let value = value as? T else { throw ReflectionError.unsupported(String(describing: type)) }
            return (value, schema)
        }
        if let enumeration = enumeration(type) { return enumeration }
        let decoder = ReflectingDecoder()
        let value = try T(from: decoder)
        return (value, decoder.node.schema)
    }

    /// Foundation and standard-library values with a fixed JSON form.
    static func leaf<T>(_ type: T.Type) -> (value: T, schema: JSONSchema)? {
        func pair(_ value: Any, _ schema: JSONSchema) -> (T, JSONSchema)? { (value as? T).map { ($0, schema) } }
        switch type {
        case is String.Type: return pair("x", .string)
        case is Bool.Type: return pair(false, .boolean)
        case is Int.Type: return pair(0, .integer)
        case is Double.Type: return pair(0.0, .number)
        case is UUID.Type: return pair(UUID(), .string(format: .other("uuid")))
        case is Date.Type: return pair(Date(timeIntervalSince1970: 0), .string(format: .dateTime))
        default: return nil
        }
    }

    static func enumeration<T>(_ type: T.Type) -> (value: T, schema: JSONSchema)? {
        guard let iterable = type as? any CaseIterable.Type else { return nil }
        func cases<C: CaseIterable>(_ type: C.Type) -> [Any] { Array(type.allCases) }
        let all = cases(iterable)
        guard let first = all.first as? T else { return nil }
        let raw = all.compactMap { ($0 as? any RawRepresentable)?.rawValue }
        if let strings = raw as? [String], strings.count == all.count {
            let values: [AnyCodable] = strings.map { AnyCodable(Optional($0)) }
            return (first, JSONSchema.string(allowedValues: values))
        }
        if let ints = raw as? [Int], ints.count == all.count {
            let values: [AnyCodable] = ints.map { AnyCodable(Optional($0)) }
            return (first, JSONSchema.integer(allowedValues: values))
        }
        return nil
    }
}

enum ReflectionError: Error, CustomStringConvertible {
    case unsupported(String)
    var description: String {
        switch self {
        case .unsupported(let type): return "cannot reflect \(type) into a JSON schema"
        }
    }
}

/// Arrays and string-keyed dictionaries, whose element type the decoder
/// cannot see (it is never asked for an element of an empty container).
protocol ReflectableCollection {
    static func reflectCollection() throws -> (value: Any, schema: JSONSchema)
}

extension Array: ReflectableCollection where Element: Decodable {
    static func reflectCollection() throws -> (value: Any, schema: JSONSchema) {
        ([Element](), .array(items: try SchemaReflection.schema(of: Element.self)))
    }
}

extension Dictionary: ReflectableCollection where Key == String, Value: Decodable {
    static func reflectCollection() throws -> (value: Any, schema: JSONSchema) {
        ([String: Value](), .object(additionalProperties: .b(try SchemaReflection.schema(of: Value.self))))
    }
}

/// An optional inside a collection (`[Double?]`): its element may be null.
protocol ReflectableOptional {
    static func reflectOptional() throws -> (value: Any, schema: JSONSchema)
}

extension Optional: ReflectableOptional where Wrapped: Decodable {
    static func reflectOptional() throws -> (value: Any, schema: JSONSchema) {
        let (value, schema) = try SchemaReflection.reflect(Wrapped.self)
        return (Optional(value) as Any, schema.nullableSchemaObject())
    }
}

/// What one `init(from:)` asked for.
final class SchemaNode {
    enum Shape { case unknown, object, single(JSONSchema) }
    var shape = Shape.unknown
    var properties: [(name: String, schema: JSONSchema, required: Bool)] = []

    var schema: JSONSchema {
        switch shape {
        case .unknown, .object:
            var ordered = OrderedDictionary<String, JSONSchema>()
            for property in properties {
                ordered[property.name] = property.required ? property.schema : property.schema.optionalSchemaObject().nullableSchemaObject()
            }
            return .object(properties: ordered, additionalProperties: .a(false))
        case .single(let schema):
            return schema
        }
    }
}

struct ReflectingDecoder: Decoder {
    let node = SchemaNode()
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        node.shape = .object
        return KeyedDecodingContainer(KeyedReflector<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        throw ReflectionError.unsupported("a custom unkeyed container at \(codingPath.map(\.stringValue))")
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        SingleReflector(node: node, codingPath: codingPath)
    }
}

struct KeyedReflector<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let node: SchemaNode
    var codingPath: [any CodingKey]
    var allKeys: [Key] { [] }

    func contains(_ key: Key) -> Bool { true }
    func decodeNil(forKey key: Key) throws -> Bool { false }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try record(type, key, required: true)
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        try record(type, key, required: false)
    }

    // The standard library routes these through their own requirements, not the generic one.
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try record(type, key, required: true) }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try record(type, key, required: true) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try record(type, key, required: true) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try record(type, key, required: true) }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try record(type, key, required: false) }
    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try record(type, key, required: false) }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try record(type, key, required: false) }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { try record(type, key, required: false) }

    private func record<T: Decodable>(_ type: T.Type, _ key: Key, required: Bool) throws -> T {
        let (value, schema) = try SchemaReflection.reflect(type)
        node.properties.append((key.stringValue, schema, required))
        return value
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        throw ReflectionError.unsupported("a nested container at \(key.stringValue)")
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        throw ReflectionError.unsupported("a nested unkeyed container at \(key.stringValue)")
    }

    func superDecoder() throws -> any Decoder { throw ReflectionError.unsupported("superDecoder") }
    func superDecoder(forKey key: Key) throws -> any Decoder { throw ReflectionError.unsupported("superDecoder") }
}

/// A type that decodes itself from one value (a wrapper, an enum with a
/// custom `init(from:)`): the schema is that value's.
struct SingleReflector: SingleValueDecodingContainer {
    let node: SchemaNode
    var codingPath: [any CodingKey]

    func decodeNil() -> Bool { false }

    func decode<T: Decodable>(_ type: T.Type) throws -> T { try decode(type, generic: ()) }

    func decode(_ type: String.Type) throws -> String { try decode(type, generic: ()) }
    func decode(_ type: Bool.Type) throws -> Bool { try decode(type, generic: ()) }
    func decode(_ type: Int.Type) throws -> Int { try decode(type, generic: ()) }
    func decode(_ type: Double.Type) throws -> Double { try decode(type, generic: ()) }

    private func decode<T: Decodable>(_ type: T.Type, generic: Void) throws -> T {
        let (value, schema) = try SchemaReflection.reflect(type)
        node.shape = .single(schema)
        return value
    }
}
