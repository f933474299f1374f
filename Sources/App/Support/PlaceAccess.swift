import PlanDomain
import Vapor

/// Which places (jurisdictions) an account may see or change: an office or a
/// leader its own place and everything under it; the admin every place.
extension Access {
    static func coversPlace(_ account: Account, _ code: String, editing: Bool) -> Bool {
        account.scope.mayReachPlace(code, editing: editing)
    }

    /// The place named in the path (`:placeCode`), if this account may read it.
    static func readablePlace(_ req: Request) async throws -> Jurisdiction {
        try await place(req, editing: false)
    }

    /// The place named in the path, if this account may change its figures.
    static func editablePlace(_ req: Request) async throws -> Jurisdiction {
        try await place(req, editing: true)
    }

    private static func place(_ req: Request, editing: Bool) async throws -> Jurisdiction {
        let account = try req.requireAccount()
        let code = req.parameters.get("placeCode") ?? ""
        guard code.count == 6, code.allSatisfy(\.isASCII), code.allSatisfy(\.isNumber),
              let place = try await Jurisdiction.find(code, on: req.db) else {
            throw AppError.notFound("行政区划")
        }
        guard coversPlace(account, code, editing: editing) else { throw AppError.forbidden }
        return place
    }

    /// The place an account starts from: its own, or the province for the admin.
    static func homePlace(_ account: Account) -> String {
        account.jurisdictionCode ?? "420000"
    }
}

extension Request {
    /// `?year=`, or the business year; refused when not a plausible year.
    func yearParameter() throws -> Int {
        guard let text = query[String.self, at: "year"], !text.isEmpty else { return clock.today().year }
        guard let year = Int(text), (2000...2100).contains(year) else { throw AppError.badRequest("年份应为 2000–2100 之间的整数。") }
        return year
    }

    /// `?month=`, or the month figures are read up to: this month in the
    /// current year, December for a past one.
    func monthParameter(year: Int) throws -> Int {
        if let text = query[String.self, at: "month"], !text.isEmpty {
            guard let month = Int(text), (1...12).contains(month) else { throw AppError.badRequest("月份应为 1–12。") }
            return month
        }
        let today = clock.today()
        return year == today.year ? today.month : 12
    }
}
