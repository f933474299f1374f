@testable import App
import Fluent
import Foundation
import OpenAPIKit30
import PlanDomain
import PlanText
import PlanScoring
import Testing
import Vapor
import VaporTesting

extension ServerTests {
    /// `/openapi.json` against the server's real answers: every JSON answer of a
    /// GET API route, called as the accounts that may call it on the demo data,
    /// must fit the schema the document gives for it (no key missing, none
    /// extra, every type and enumeration right). A DTO changed without its route's
    /// declared type, or a route declared with the wrong type, fails here.
    @Suite struct OpenAPIConformance {
        /// The schema reflected from a small type, against a schema written out
        /// by hand.
        @Test func aTypeIsReflectedIntoItsSchema() throws {
            struct Inner: Codable { var score: Double }
            struct Sample: Codable {
                var id: UUID
                var name: String
                var count: Int?
                var tags: [String]
                var role: Role
                var values: [String: Double]
                var inner: Inner
                var at: Date?
            }
            let schema = try SchemaReflection.schema(of: Sample.self)
            let json = try JSONSerialization.jsonObject(with: try JSONEncoder().encode(schema)) as? NSDictionary
            let expected: NSDictionary = [
                "type": "object", "additionalProperties": false,
                "required": ["id", "name", "tags", "role", "values", "inner"],
                "properties": [
                    "id": ["type": "string", "format": "uuid"],
                    "name": ["type": "string"],
                    "count": ["type": "integer", "nullable": true],
                    "tags": ["type": "array", "items": ["type": "string"]],
                    "role": ["type": "string", "enum": ["admin", "office", "reporter", "leader"]],
                    "values": ["type": "object", "additionalProperties": ["type": "number"]],
                    "inner": ["type": "object", "additionalProperties": false, "required": ["score"], "properties": ["score": ["type": "number"]]],
                    "at": ["type": "string", "format": "date-time", "nullable": true],
                ],
            ]
            #expect(json == expected, "\(String(describing: json))")
        }

        /// OpenAPIKit's own checks of a document (unique operation ids, path
        /// parameters declared, references that resolve, …).
        @Test func theDocumentPassesOpenAPIKitsValidation() throws {
            try OpenAPIDocument.build().validate()
        }

        /// The validator below finds a wrong declaration: an account checked
        /// against the plan summary's schema, a missing key, an extra key, a
        /// value outside an enumeration.
        @Test func theCheckFindsAMismatch() throws {
            let document = try Self.document(try OpenAPIDocument.build())
            func account(_ change: String = "") throws -> JSONValue {
                try JSONValue.parse(#"{"id": "\#(UUID().uuidString)", "username": "a", "displayName": "甲", "role": "office", "jurisdictionCode": "421300", "secondFactor": false\#(change)}"#)
            }
            let ref: [String: Any] = ["$ref": "#/components/schemas/AccountDTO"]
            #expect(Self.problems(try account(#", "locked": false"#), ref, document).isEmpty)
            #expect(!Self.problems(try account(#", "locked": false"#), ["$ref": "#/components/schemas/PlanSummaryDTO"], document).isEmpty)
            #expect(Self.problems(try account(), ref, document) == ["$: no locked"])
            #expect(Self.problems(try account(#", "locked": false, "phone": "1""#), ref, document) == ["$: phone is not declared"])
            #expect(Self.problems(try account(#", "locked": 0"#), ref, document) == ["$.locked: 0 is not a boolean"])
            #expect(Self.problems(try account(#", "locked": false, "role": "mayor""#), ref, document) == ["$.role: mayor is not one of admin, office, reporter, leader"])
        }

        @Test func everyJSONAnswerFitsItsSchema() async throws {
            try await withServer(demo: true) { app in
                var served: [String: Any] = [:]
                try await app.test(.GET, "/openapi.json") { res in
                    #expect(res.status == .ok)
                    served = try JSONSerialization.jsonObject(with: Data(buffer: res.body)) as? [String: Any] ?? [:]
                }
                let paths = try #require(served["paths"] as? [String: [String: Any]])
                let plan = try #require(try await PlanRecord.query(on: app.db).filter(\.$jurisdictionCode == "421300").sort(\.$title).first())
                let planID = try plan.requireID()
                let values = ["planID": planID.uuidString, "placeCode": "421300", "indicatorCode": "tsme.registered"]
                // Who may call which: the reporter's own routes as the reporter, the rest as the office and the leader, admin-only as the admin.
                let accounts = ["admin", "office", "leader", "kjj"]
                var headers: [String: HTTPHeaders] = [:]
                for name in accounts { headers[name] = try await app.login(name, DemoData.password) }
                var checked = 0
                for route in SiteRoute.allCases {
                    let descriptor = route.descriptor
                    guard descriptor.method == .GET, let contract = descriptor.api, case .json = contract.response else { continue }
                    let path = descriptor.pattern.split(separator: "/").map { part in
                        part.hasPrefix(":") ? values[String(part.dropFirst()), default: "?"] : String(part)
                    }.joined(separator: "/")
                    let key = descriptor.pattern.split(separator: "/").map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }.joined(separator: "/")
                    let operation = try #require(paths["/" + key]?["get"] as? [String: Any], "\(route) has no operation")
                    let schema = try #require(((((operation["responses"] as? [String: Any])?["200"] as? [String: Any])?["content"] as? [String: Any])?["application/json"] as? [String: Any])?["schema"] as? [String: Any], "\(route): no 200 JSON schema")
                    for name in accounts where descriptor.access.roles?.contains(try #require(try await Account.query(on: app.db).filter(\.$username == name).first()).role) ?? true {
                        try await app.test(.GET, "/" + path, headers: headers[name]!) { res in
                            #expect(res.status == .ok, "\(route) as \(name): \(res.status) \(res.body.string.prefix(200))")
                            guard res.status == .ok else { return }
                            let body = try JSONValue.parse(Data(buffer: res.body))
                            let problems = Self.problems(body, schema, served)
                            #expect(problems.isEmpty, "\(route) as \(name): \(problems.prefix(5))")
                            checked += 1
                        }
                    }
                }
                // 19 JSON GET routes; each called by every demo account its roles admit.
                #expect(checked >= 40, "only \(checked) answers checked")
            }
        }

        static func document(_ document: OpenAPI.Document) throws -> [String: Any] {
            try JSONSerialization.jsonObject(with: try JSONEncoder().encode(document)) as? [String: Any] ?? [:]
        }

        /// Where `value` departs from `schema` (OpenAPI 3.0: type, format uuid and
        /// date-time, nullable, enum, required, properties with
        /// additionalProperties false or a schema, items, $ref), as readable lines.
        static func problems(_ value: JSONValue, _ schema: [String: Any], _ document: [String: Any], at path: String = "$") -> [String] {
            if let ref = schema["$ref"] as? String {
                let name = String(ref.dropFirst("#/components/schemas/".count))
                guard let resolved = ((document["components"] as? [String: Any])?["schemas"] as? [String: Any])?[name] as? [String: Any] else {
                    return ["\(path): \(ref) is not defined"]
                }
                return problems(value, resolved, document, at: path)
            }
            if case .null = value { return schema["nullable"] as? Bool == true ? [] : ["\(path): null where not nullable"] }
            if let allowed = schema["enum"] as? [Any] {
                let text = value.plain
                if !allowed.contains(where: { "\($0)" == text }) {
                    return ["\(path): \(text) is not one of \(allowed.map { "\($0)" }.joined(separator: ", "))"]
                }
            }
            switch (schema["type"] as? String, value) {
            case ("string", .string(let string)):
                if schema["format"] as? String == "uuid", UUID(uuidString: string) == nil { return ["\(path): \(string) is not a uuid"] }
                if schema["format"] as? String == "date-time", ISO8601DateFormatter().date(from: string) == nil { return ["\(path): \(string) is not a date-time"] }
                return []
            case ("integer", .int), ("number", .int), ("number", .double), ("boolean", .bool):
                return []
            case ("array", .array(let array)):
                guard let items = schema["items"] as? [String: Any] else { return [] }
                return array.enumerated().flatMap { problems($0.element, items, document, at: "\(path)[\($0.offset)]") }
            case ("object", .object(let pairs)):
                let object = Dictionary(pairs, uniquingKeysWith: { _, last in last })
                let properties = schema["properties"] as? [String: [String: Any]] ?? [:]
                var found: [String] = []
                for name in schema["required"] as? [String] ?? [] where object[name] == nil { found.append("\(path): no \(name)") }
                for (name, item) in object.sorted(by: { $0.key < $1.key }) {
                    if let property = properties[name] {
                        found += problems(item, property, document, at: "\(path).\(name)")
                    } else if let additional = schema["additionalProperties"] as? [String: Any] {
                        found += problems(item, additional, document, at: "\(path).\(name)")
                    } else if schema["additionalProperties"] as? Bool == false {
                        found.append("\(path): \(name) is not declared")
                    }
                }
                return found
            case (nil, _):
                return []
            case (let type?, _):
                return ["\(path): \(value.plain) is not a\(type == "integer" || type == "array" || type == "object" ? "n" : "") \(type)"]
            }
        }
    }
}

private extension JSONValue {
    /// The value as a line of text for a message.
    var plain: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return "\(b)"
        case .int(let i): return "\(i)"
        case .bigInt(let digits): return digits
        case .double(let d): return "\(d)"
        case .string(let s): return s
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}
