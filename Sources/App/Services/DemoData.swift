import Fluent
import Foundation
import PlanText
import PlanDomain
import Vapor

/// `--demo`: the five seed plans imported, units resolved and published, and
/// accounts for each role, so a newcomer sees a live system at once.
enum DemoData {
    struct DemoAccount {
        var username: String
        var displayName: String
        var role: Role
        var jurisdictionCode: String?
        /// For a reporter: the unit (as named in the seed plans) and where.
        var unitName: String?
    }

    static let password = "Demo@2026"

    static let accounts: [DemoAccount] = [
        .init(username: "admin", displayName: "系统管理员", role: .admin, jurisdictionCode: nil),
        .init(username: "office", displayName: "随州市科技局计划办", role: .office, jurisdictionCode: "421300"),
        .init(username: "hubei", displayName: "湖北省科技厅计划处", role: .office, jurisdictionCode: "420000"),
        .init(username: "kjj", displayName: "随州市科技局填报员", role: .reporter, jurisdictionCode: "421300", unitName: "市科技局"),
        .init(username: "gskjj", displayName: "广水市科技经信局填报员", role: .reporter, jurisdictionCode: "421381", unitName: "市科技经信局"),
        // A responsible unit beside 市科技经信局's lead: reports its part (牵头汇总).
        .init(username: "gsrsj", displayName: "广水市人社局填报员", role: .reporter, jurisdictionCode: "421381", unitName: "市人社局"),
        .init(username: "leader", displayName: "随州市分管副市长", role: .leader, jurisdictionCode: "421300"),
    ]

    static func load(into app: Application) async throws {
        let db = app.db
        guard try await Account.query(on: db).filter(\.$username == "admin").first() == nil else {
            app.logger.info("演示数据已存在，跳过导入。")
            try await setClock(app)
            return
        }
        let cost = app.appConfig.passwordCost
        let admin = Account(
            username: "admin", passwordHash: try Bcrypt.hash(password, cost: cost), displayName: "系统管理员",
            role: .admin, jurisdictionCode: nil, unitID: nil)
        try await admin.create(on: db)
        let folder = URL(fileURLWithPath: app.appConfig.seedsDirectory).appendingPathComponent("plans")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }.sorted()
        for name in files {
            let bytes = try Data(contentsOf: folder.appendingPathComponent(name))
            let plan = try PlanReader.read(bytes, file: name)
            let code = try await PlanImporter.jurisdiction(for: plan, requested: nil, account: admin, on: db)
            let record = try await PlanStore.create(plan, upload: .init(filename: name, bytes: bytes), jurisdictionCode: code, account: admin, on: db)
            let (_, statuses) = try await UnitController.statuses(of: record, on: db)
            for status in statuses where status.unitID == nil && !status.collective {
                _ = try await UnitController.resolve(.init(name: status.name, unitID: nil, create: true, kind: nil), plan: record, by: nil, on: db)
            }
            // The demo's plans were issued at the start of their year: reports are
            // owed from January, as for a plan published then.
            let january = CivilDate(year: plan.year ?? app.clock.today().year, month: 1, day: 1).startOfDay(in: .shanghai)
            try await PublishController.publish(record, by: admin, at: january, on: db)
        }
        try await defineTowns(admin, on: db)
        for demo in accounts where demo.username != "admin" {
            var unitID: UUID?
            if let unitName = demo.unitName, let code = demo.jurisdictionCode {
                unitID = try await UnitDirectory(jurisdictionCode: code, on: db).unitID(for: unitName)
            }
            try await Account(
                username: demo.username, passwordHash: try Bcrypt.hash(password, cost: cost), displayName: demo.displayName,
                role: demo.role, jurisdictionCode: demo.jurisdictionCode, unitID: unitID
            ).create(on: db)
        }
        try await setClock(app)
        try await DemoReports.fill(app, today: app.clock.today())
        try await DemoIndicators.fill(app, today: app.clock.today())
        app.logger.notice("演示数据已导入：\(files.count) 个计划，\(accounts.count) 个账号（密码 \(password)）。")
    }

    /// 广水's seventeen towns and streets, the members of 各镇办 as its office
    /// would list them once (`UnitGroup`): the 广水 plan's tasks naming
    /// 各镇办 are then each town's to report on.
    static let guangshuiTowns = ["应山街道", "十里街道", "广水街道", "城郊街道", "武胜关镇", "杨寨镇", "陈巷镇", "长岭镇", "马坪镇",
                                 "关庙镇", "余店镇", "吴店镇", "郝店镇", "蔡河镇", "李店镇", "太平镇", "骆店镇"]

    static func defineTowns(_ admin: Account, on db: any Database) async throws {
        let place = "421381"
        var members: [UUID] = []
        for name in guangshuiTowns {
            let unit = App.Unit(name: name, kind: .town, jurisdictionCode: place)
            try await unit.create(on: db)
            members.append(try unit.requireID())
        }
        try await UnitGroup(jurisdictionCode: place, name: "各镇办", members: members, updatedBy: admin.displayName).create(on: db)
    }

    /// Unless a date was given, the demo runs in the newest seed plan's year
    /// (see `DemoReports.demoDay`).
    static func setClock(_ app: Application) async throws {
        guard app.appConfig.today == nil,
              let newest = try await PlanRecord.query(on: app.db).all().compactMap(\.year).max() else { return }
        let day = DemoReports.demoDay(newestYear: newest, real: CivilDate(Date(), in: .shanghai))
        app.clock = BusinessClock(fixedDay: day)
        app.logger.notice("演示模式：业务日期设为 \(day.iso)（最新示例计划的年度）。")
    }
}
