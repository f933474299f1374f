import Vapor
import PlanDomain

/// `/openapi.json`, built from `SiteRoute`: the API routes, their roles and
/// the shapes they take and give. A test checks that it lists every route the
/// server registered under /api.
enum OpenAPIController {
    @Sendable static func document(req: Request) async throws -> Response {
        let data = try JSONSerialization.data(withJSONObject: OpenAPIDocument.build(), options: [.sortedKeys, .prettyPrinted])
        let response = Response(status: .ok, body: .init(data: data))
        response.headers.contentType = .json
        return response
    }
}

enum OpenAPIDocument {
    static func build() -> [String: Any] {
        var paths: [String: [String: Any]] = [:]
        for route in SiteRoute.allCases where route.isAPI {
            let path = route.pattern.split(separator: "/").map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }
            let key = "/" + path.joined(separator: "/")
            var operation: [String: Any] = [
                "operationId": route.rawValue,
                "summary": route.summary,
                "description": roleText(route),
                "responses": responses(route),
            ]
            let parameters = route.pattern.split(separator: "/").filter { $0.hasPrefix(":") }.map { name -> [String: Any] in
                let name = String(name.dropFirst())
                // Ids are UUIDs; places are GB/T 2260 codes, indicators catalogue codes, periods keys.
                let schema: [String: Any] = name.hasSuffix("ID") ? ["type": "string", "format": "uuid"] : ["type": "string"]
                return ["name": name, "in": "path", "required": true, "schema": schema]
            } + queryParameters(route)
            if !parameters.isEmpty { operation["parameters"] = parameters }
            if let body = requestBody(route) { operation["requestBody"] = body }
            if route.roles != nil { operation["security"] = [["session": [String]()]] }
            paths[key, default: [:]][route.method.rawValue.lowercased()] = operation
        }
        return [
            "openapi": "3.0.3",
            "info": ["title": "sciplan API", "version": "1.0.0", "description": "科技工作计划管理：计划导入、校对、发布、任务分解表。登录后使用会话 Cookie。"],
            "paths": paths,
            "components": [
                "securitySchemes": ["session": ["type": "apiKey", "in": "cookie", "name": "sciplan_session"]],
                "schemas": schemas,
            ],
        ]
    }

    static func roleText(_ route: SiteRoute) -> String {
        guard let roles = route.roles else { return "无需登录。" }
        return "可用角色：" + Role.allCases.filter(roles.contains).map(\.rawValue).joined(separator: ", ")
    }

    static func queryParameters(_ route: SiteRoute) -> [[String: Any]] {
        switch route {
        case .apiBreakdown, .apiBreakdownXlsx:
            return ["unit", "leader", "section"].map { ["name": $0, "in": "query", "required": false, "schema": ["type": "string"]] }
        case .apiPlan:
            return [["name": "as", "in": "query", "required": false, "schema": ["type": "string", "enum": ["plantext"]]]]
        case .apiPlaceIndicator:
            return [["name": "year", "in": "query", "required": false, "schema": ["type": "integer"]],
                    ["name": "month", "in": "query", "required": false, "schema": ["type": "integer", "minimum": 1, "maximum": 12]],
                    ["name": "profile", "in": "query", "required": false, "schema": ["type": "string", "enum": ["linear", "seasonal"]]]]
        case .apiAssessment, .apiEvaluation, .apiAssessmentScheme:
            return [["name": "year", "in": "query", "required": false, "schema": ["type": "integer"]]]
        case .apiCompare:
            return [["name": "places", "in": "query", "required": false, "schema": ["type": "string"], "description": "地区代码，逗号分隔"],
                    ["name": "years", "in": "query", "required": false, "schema": ["type": "string"], "description": "年度，逗号分隔"],
                    ["name": "measure", "in": "query", "required": false, "schema": ["type": "string", "enum": ComparisonMeasure.allCases.map(\.rawValue)]]]
        case .apiReports:
            return [["name": "period", "in": "query", "required": false, "schema": ["type": "string"], "description": "报告期，如 2026-05、2026-Q2、2026-H1；缺省为当前期"]]
        case .apiAudit:
            return ["account", "action", "entity", "text"].map { ["name": $0, "in": "query", "required": false, "schema": ["type": "string"]] }
                + ["from", "to"].map { ["name": $0, "in": "query", "required": false, "schema": ["type": "string", "format": "date"]] }
                + [["name": "page", "in": "query", "required": false, "schema": ["type": "integer", "minimum": 1, "maximum": AuditSearch.maxPage]]]
        default:
            return []
        }
    }

    static func requestBody(_ route: SiteRoute) -> [String: Any]? {
        let multipart: [String: Any] = ["required": true, "content": ["multipart/form-data": ["schema": [
            "type": "object", "required": ["file"],
            "properties": ["file": ["type": "string", "format": "binary"], "jurisdiction": ["type": "string"]],
        ]]]]
        switch route {
        case .apiLogin: return json("LoginRequest")
        case .apiImport, .apiUploadBreakdown, .apiImportValues: return multipart
        case .apiResolveUnit: return json("ResolveRequest")
        case .apiUpdateNode: return json("NodeChanges")
        case .apiUpdateTarget: return json("TargetChanges")
        case .apiAddIndicator: return json("NewIndicator")
        case .apiSaveValue: return json("ValueRequest")
        case .apiChangePassword: return json("PasswordChangeRequest")
        case .apiSaveReport: return json("SaveReportRequest")
        case .apiReviewReport: return json("ReviewRequest")
        case .apiCreateAccount: return json("NewAccount")
        case .apiAssessmentScheme: return json("AssessmentScheme")
        default: return nil
        }
    }

    static func json(_ schema: String) -> [String: Any] {
        ["required": true, "content": ["application/json": ["schema": ["$ref": "#/components/schemas/\(schema)"]]]]
    }

    static func responses(_ route: SiteRoute) -> [String: Any] {
        let error: [String: Any] = ["description": "错误", "content": ["application/json": ["schema": ["$ref": "#/components/schemas/Error"]]]]
        var ok: [String: Any]
        switch route {
        case .apiBreakdownXlsx:
            ok = ["description": "任务分解表", "content": ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ["schema": ["type": "string", "format": "binary"]]]]
        case .apiLogout:
            return ["204": ["description": "已退出"], "401": error]
        case .apiChangePassword:
            return ["204": ["description": "密码已修改"], "400": error, "401": error, "403": error]
        case .openAPI, .healthz:
            ok = ["description": "成功", "content": ["application/json": ["schema": ["type": "object"]]]]
        default:
            ok = ["description": "成功", "content": ["application/json": ["schema": responseSchema(route)]]]
        }
        let created: Set<SiteRoute> = [.apiImport, .apiAddIndicator, .apiSaveValue, .apiImportValues, .apiSaveReport, .apiCreateAccount]
        var result: [String: Any] = [created.contains(route) ? "201" : "200": ok, "400": error]
        if route == .apiAddIndicator { result["409"] = error }
        if route.roles != nil { result["401"] = error; result["403"] = error }
        if route.pattern.contains(":") { result["404"] = error }
        if route == .healthz { result = ["200": ok, "503": error] }
        if [.apiImport, .apiUploadBreakdown, .apiImportValues].contains(route) { result["413"] = error; result["415"] = error; result["422"] = error }
        if [.apiPublish, .apiSaveReport, .apiReviewReport].contains(route) { result["409"] = error }
        if route == .apiSaveReport { result["404"] = error }
        return result
    }

    static func responseSchema(_ route: SiteRoute) -> [String: Any] {
        let ref: (String) -> [String: Any] = { ["$ref": "#/components/schemas/\($0)"] }
        switch route {
        case .apiLogin, .apiMe, .apiCreateAccount, .apiUnlockAccount: return ref("Account")
        case .apiAccounts: return ["type": "array", "items": ref("Account")]
        case .apiPlans: return ["type": "array", "items": ref("PlanSummary")]
        case .apiPlan, .apiImport, .apiUploadBreakdown, .apiUpdateNode, .apiUpdateTarget: return ref("Plan")
        case .apiPublish: return ref("PlanSummary")
        case .apiBreakdown: return ref("Breakdown")
        case .apiMyTasks: return ["type": "array", "items": ref("MyTask")]
        case .apiPlanUnits, .apiResolveUnit: return ["type": "array", "items": ref("UnitNameStatus")]
        case .apiUnits: return ["type": "array", "items": ref("Unit")]
        case .apiIndicators: return ["type": "array", "items": ref("Indicator")]
        case .apiAudit: return ["type": "array", "items": ref("AuditEntry")]
        case .apiAddIndicator: return ref("Indicator")
        case .apiReports: return ["type": "array", "items": ref("ReportTask")]
        case .apiSaveReport, .apiReviewReport: return ref("Report")
        default: return ["type": "object"]
        }
    }

    static var string: [String: Any] { ["type": "string"] }
    static var strings: [String: Any] { ["type": "array", "items": ["type": "string"]] }
    static var nullableString: [String: Any] { ["type": "string", "nullable": true] }
    static var nullableInt: [String: Any] { ["type": "integer", "nullable": true] }
    static var uuid: [String: Any] { ["type": "string", "format": "uuid"] }

    static func object(_ properties: [String: Any], required: [String] = []) -> [String: Any] {
        var schema: [String: Any] = ["type": "object", "properties": properties]
        if !required.isEmpty { schema["required"] = required }
        return schema
    }

    static var schemas: [String: Any] {
        [
            "Error": object(["error": ["type": "boolean"], "reason": string], required: ["error", "reason"]),
            "LoginRequest": object(["username": string, "password": string, "code": string], required: ["username", "password"]),
            "AssessmentScheme": object(["items": ["type": "array", "items": object(["id": string, "group": string, "name": string, "points": ["type": "number", "minimum": 0], "measure": ["type": "string", "enum": AssessmentMeasure.allCases.map(\.rawValue)]], required: ["id", "group", "name", "points", "measure"])]], required: ["items"]),
            "SaveReportRequest": object([
                "planID": uuid, "nodeID": uuid, "period": string,
                "narrative": ["type": "string", "maxLength": ReportInput.narrativeLimit],
                "percent": ["type": "number", "minimum": 0, "maximum": 100], "milestone": ["type": "string", "maxLength": 200],
                "selfStatus": ["type": "string", "enum": Health.allCases.map(\.rawValue)], "completionProposed": ["type": "boolean"],
                "values": ["type": "object", "additionalProperties": ["type": "number"], "description": "目标 id → 当前值"],
                "submit": ["type": "boolean", "description": "true 报送，false 或缺省保存草稿"],
            ], required: ["planID", "nodeID", "period"]),
            "ReviewRequest": object(["decision": ["type": "string", "enum": ["accept", "return"]], "comment": ["type": "string", "description": "退回时必填"]], required: ["decision"]),
            "Report": object([
                "id": uuid, "planID": uuid, "nodeID": uuid, "unitID": uuid, "period": string,
                "state": ["type": "string", "enum": ReportState.allCases.map(\.rawValue)], "narrative": string,
                "percent": ["type": "number", "nullable": true], "milestone": nullableString,
                "selfStatus": ["type": "string", "enum": Health.allCases.map(\.rawValue), "nullable": true],
                "completionProposed": ["type": "boolean"], "firstSubmittedAt": ["type": "string", "format": "date-time", "nullable": true],
                "lastSubmittedAt": ["type": "string", "format": "date-time", "nullable": true], "reviewerName": nullableString,
                "reviewComment": nullableString, "values": ["type": "object", "additionalProperties": ["type": "number"]],
            ]),
            "ReportTask": object([
                "planID": uuid, "planTitle": string, "period": string, "periodTitle": string, "dueDate": string, "deadline": string,
                "open": ["type": "boolean"], "nodeID": uuid, "key": string, "title": string,
                "targets": ["type": "array", "items": object(["id": uuid, "text": string, "value": ["type": "number"], "unit": string])],
                "report": ["allOf": [["$ref": "#/components/schemas/Report"]], "nullable": true],
            ]),
            "PasswordChangeRequest": object(["current": string, "new": string], required: ["current", "new"]),
            "AuditEntry": object(["id": uuid, "at": ["type": "string", "format": "date-time"], "account": string, "accountID": ["type": "string", "format": "uuid", "nullable": true], "action": string, "entity": string, "entityID": nullableString, "before": nullableString, "after": nullableString]),
            "Account": object(["id": uuid, "username": string, "displayName": string, "role": ["type": "string", "enum": Role.allCases.map(\.rawValue)], "jurisdictionCode": nullableString, "unitID": ["type": "string", "format": "uuid", "nullable": true], "secondFactor": ["type": "boolean"], "locked": ["type": "boolean"]]),
            "NewAccount": object(["username": ["type": "string", "pattern": "^[A-Za-z0-9._-]{3,32}$"], "displayName": string,
                                  "role": ["type": "string", "enum": Role.allCases.map(\.rawValue)], "jurisdictionCode": string,
                                  "unitID": ["type": "string", "format": "uuid"], "password": string],
                                 required: ["username", "displayName", "role", "password"]),
            "PlanSummary": object(["id": uuid, "title": string, "file": string, "status": ["type": "string", "enum": ["draft", "published", "closed"]], "version": ["type": "integer"], "jurisdictionCode": string, "year": nullableInt, "docNumber": nullableString]),
            "Plan": object([
                "id": uuid, "title": nullableString, "file": string, "status": string, "version": ["type": "integer"], "issuers": strings,
                "jurisdictionName": nullableString, "jurisdictionCode": string, "year": nullableInt, "docNumber": nullableString,
                "issuedDate": nullableString, "allTasksAlso": strings,
                "nodes": ["type": "array", "items": ["$ref": "#/components/schemas/Node"]],
                "targets": ["type": "array", "items": ["$ref": "#/components/schemas/Target"]],
                "units": ["type": "array", "items": ["$ref": "#/components/schemas/Assignment"]],
            ]),
            "Node": object([
                "id": uuid, "key": string, "parentID": ["type": "string", "format": "uuid", "nullable": true], "label": string,
                "level": ["type": "integer"], "title": string, "isTask": ["type": "boolean"], "leadUnits": strings,
                "responsibleUnits": strings, "cooperatingUnits": strings, "leaders": strings, "deadline": nullableString,
                "deadlineDate": nullableString, "span": ["type": "array", "items": ["type": "integer"]],
            ]),
            "Target": object([
                "id": uuid, "nodeID": ["type": "string", "format": "uuid", "nullable": true], "text": string, "metric": string,
                "indicator": nullableString, "value": ["type": "number"], "max": ["type": "number", "nullable": true], "unit": string,
                "comparator": string, "year": nullableInt, "span": ["type": "array", "items": ["type": "integer"]],
            ]),
            "Assignment": object(["nodeID": uuid, "role": ["type": "string", "enum": ["lead", "responsible", "cooperating"]], "unitName": string, "unitID": ["type": "string", "format": "uuid", "nullable": true]]),
            "Breakdown": object(["planID": uuid, "title": string, "rows": ["type": "array", "items": object([
                "number": string, "task": string, "isTask": ["type": "boolean"], "leadUnits": strings, "responsibleUnits": strings,
                "cooperatingUnits": strings, "leaders": strings, "targets": strings, "deadline": nullableString,
            ])]]),
            "MyTask": object(["planID": uuid, "planTitle": string, "nodeID": uuid, "key": string, "title": string, "roles": strings, "deadline": nullableString, "deadlineDate": nullableString, "targets": strings]),
            "UnitNameStatus": object(["name": string, "tasks": ["type": "integer"], "unitID": ["type": "string", "format": "uuid", "nullable": true], "unitName": nullableString, "suggestions": ["type": "array", "items": object(["unitID": uuid, "name": string, "score": ["type": "number"]])]]),
            "Unit": object(["id": uuid, "name": string, "kind": string, "jurisdictionCode": string, "aliases": strings]),
            "ResolveRequest": object(["name": string, "unitID": ["type": "string", "format": "uuid"], "create": ["type": "boolean"], "kind": ["type": "string", "enum": Unit.Kind.allCases.map(\.rawValue)]], required: ["name"]),
            "NodeChanges": object(["label": string, "title": string, "leadUnits": strings, "responsibleUnits": strings, "cooperatingUnits": strings, "leaders": strings, "deadline": string, "deadlineDate": string]),
            "Indicator": object(["code": string, "name": string, "unit": string, "kind": ["type": "string", "enum": ["count", "amount", "ratio", "growth"]], "numerator": nullableString, "denominator": nullableString, "scale": ["type": "number"], "isBase": ["type": "boolean"], "isStock": ["type": "boolean"]]),
            "NewIndicator": object(["code": string, "name": string, "unit": string, "kind": ["type": "string", "enum": ["count", "amount", "ratio", "growth"]], "numerator": string, "denominator": string, "scale": string], required: ["code", "name"]),
            "ValueRequest": object(["indicator": string, "year": ["type": "integer"], "month": ["type": "integer", "minimum": 1, "maximum": 12], "measure": ["type": "string", "enum": ["target", "actual"]], "value": ["type": "number"], "note": string], required: ["indicator", "year", "month", "value"]),
            "TargetChanges": object(["text": string, "metric": string, "indicator": string, "value": ["type": "number"], "max": ["type": "number"], "clearMax": ["type": "boolean"], "unit": string, "comparator": ["type": "string", "enum": [">=", ">", "~", "<=", "range"]], "year": ["type": "integer"], "clearYear": ["type": "boolean"]]),
        ]
    }
}
