import Fluent
import Foundation
import PlanDomain
import PlanText
import Vapor

/// Reads an uploaded file into a plan: a plan document (.txt, .docx) through
/// PlanText, a task breakdown workbook (.xlsx) through PlanDomain. Nothing is
/// written unless the whole file was read.
enum PlanImporter {
    static func read(_ bytes: Data, filename: String) throws -> Plan {
        guard !bytes.isEmpty else { throw AppError.badRequest(PlanTextError.empty.localizedDescription) }
        let plan: Plan
        if isWorkbook(bytes) {
            do {
                plan = try BreakdownWorkbook.read(bytes).plan(file: filename)
            } catch let error as LocalizedError {
                throw AppError(status: .unprocessableEntity, reason: error.errorDescription ?? "无法读取任务分解表。")
            }
        } else {
            do {
                plan = try PlanReader.read(bytes, file: filename)
            } catch {
                let status: HTTPStatus = {
                    switch error {
                    case .unsupportedFormat, .unknownFormat: return .unsupportedMediaType
                    case .inputTooLarge, .docxTooLarge, .compressionRatioRefused: return .payloadTooLarge
                    default: return .unprocessableEntity
                    }
                }()
                throw AppError(status: status, reason: error.localizedDescription)
            }
        }
        guard !plan.nodes.isEmpty else {
            throw AppError(status: .unprocessableEntity, reason: "文件中没有识别出任何编号的条目（如“一、”“（一）”“1.”），请确认这是一份工作计划或任务分解表。")
        }
        return plan
    }

    /// An .xlsx is a zip whose directory names `xl/workbook.xml`; decided from
    /// the bytes, not the file name.
    static func isWorkbook(_ bytes: Data) -> Bool {
        guard bytes.count > 4, bytes.prefix(2) == Data([0x50, 0x4B]) else { return false }
        return bytes.range(of: Data("xl/workbook.xml".utf8)) != nil
    }

    /// The jurisdiction a new plan is filed under: the one asked for, else the
    /// one the document names, if the account may act there (a document that
    /// names a known place the account does not cover is refused); else the
    /// account's.
    static func jurisdiction(for plan: Plan, requested: String?, account: Account, on db: any Database) async throws -> String {
        let allowed: (String) -> Bool = { code in
            account.role == .admin || (account.jurisdictionCode.map { Access.covers($0, code) } ?? false)
        }
        if let requested, !requested.isEmpty {
            guard try await Jurisdiction.find(requested, on: db) != nil else {
                throw AppError.badRequest("行政区划代码 \(requested) 不存在。")
            }
            guard allowed(requested) else { throw AppError(status: .forbidden, reason: "不能为其他行政区划导入计划。") }
            return requested
        }
        if let name = plan.jurisdiction {
            let matches = try await Jurisdiction.query(on: db).filter(\.$name == name).all().compactMap(\.id)
            if let code = matches.first(where: allowed) { return code }
            // The document names a place this account does not cover: filing
            // it under the account's own place would give it the wrong units.
            if let other = matches.first {
                var own: String?
                if let code = account.jurisdictionCode { own = try await Jurisdiction.find(code, on: db)?.name }
                throw AppError(status: .forbidden, reason: "这份计划属于\(name)（行政区划 \(other)），不在本账号的管辖范围\(own.map { "（\($0)）" } ?? "")内，未导入。请由\(name)的科技部门导入，或联系系统管理员。")
            }
        }
        if let own = account.jurisdictionCode { return own }
        return "420000"
    }
}
