import App
import Fluent
import Foundation
import PlanDomain
import Vapor

/// A province-sized data set for the benchmarks: Hubei's 17 cities and 100 of
/// its counties (real GB/T 2260 codes), 18 units each (2,000+), a plan per
/// jurisdiction for each of two years (60,000 tasks), and 24 monthly periods
/// of reports — mostly on time and accepted, some late, returned or missing.
/// The last month of the second year is left open for the submission benchmark.
/// Deterministic: the same size gives the same data.
public enum ProvinceGenerator {
    public struct Size: Sendable {
        public var cities = 17
        public var counties = 100
        public var unitsPerJurisdiction = 18
        public var tasks = 60_000
        public var year = 2025
        public init() {}
    }

    public struct Summary: Sendable, CustomStringConvertible {
        public var jurisdictions = 0
        public var units = 0
        public var plans = 0
        public var tasks = 0
        public var reports = 0
        public var seconds = 0.0
        public var description: String {
            "\(jurisdictions) 个行政区划，\(units) 个单位，\(plans) 个计划，\(tasks) 项任务，\(reports) 份报告（\(String(format: "%.0f", seconds)) 秒）"
        }
    }

    static let departments = [
        "科技局", "发改委", "经信局", "财政局", "教育局", "人社局", "农业农村局", "卫健委", "市场监管局",
        "商务局", "自然资源局", "生态环境局", "统计局", "税务局", "高新区管委会", "经开区管委会", "科协", "工商联",
    ]
    static let sections = ["强化创新主体", "建设创新平台", "攻关关键技术", "转化科技成果", "优化创新生态"]
    public static let password = "Bench@2026"

    /// Splitmix64: fixed output for a seed, on every platform (the tests'
    /// mutated inputs use it too).
    struct Random: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    public static func run(_ app: Application, size: Size) async throws -> Summary {
        let started = Date()
        let db = app.db
        var summary = Summary()
        var random = Random(state: 2260)
        let all = try await Jurisdiction.query(on: db).all()
        let hubei = all.filter { ($0.id ?? "").hasPrefix("42") }
        let cities = Array(hubei.filter { $0.level == "city" || ($0.id ?? "").hasPrefix("4290") && $0.id != "429000" }
            .sorted { $0.id! < $1.id! }.prefix(size.cities))
        let cityCodes = Set(cities.compactMap(\.id))
        let counties = Array(hubei.filter { $0.level == "county" && !cityCodes.contains($0.id!) }.sorted { $0.id! < $1.id! }.prefix(size.counties))
        let places = cities + counties
        summary.jurisdictions = places.count
        let cost = app.appConfig.passwordCost
        let hash = try Bcrypt.hash(password, cost: cost)
        try await Account(username: "bench-hubei", passwordHash: hash, displayName: "省科技厅（基准）", role: .office,
                          jurisdictionCode: "420000", unitID: nil).create(on: db)
        let plansPerPlace = 2
        let tasksPerPlan = max(1, size.tasks / max(1, places.count * plansPerPlace))
        var unitIndex = 0
        for place in places {
            guard let code = place.id else { continue }
            let prefix = place.level == "city" || code.hasPrefix("4290") ? "市" : (place.name.hasSuffix("区") ? "区" : "县")
            var units: [App.Unit] = []
            for name in departments.prefix(size.unitsPerJurisdiction) {
                units.append(App.Unit(id: UUID(), name: prefix + name, kind: name.hasSuffix("管委会") ? .park : .department, jurisdictionCode: code))
            }
            try await units.create(on: db)
            var accounts: [Account] = []
            for unit in units {
                unitIndex += 1
                accounts.append(Account(username: "bench-u\(unitIndex)", passwordHash: hash, displayName: "\(place.name)\(unit.name)填报员",
                                        role: .reporter, jurisdictionCode: code, unitID: unit.id))
            }
            try await accounts.create(on: db)
            summary.units += units.count
            for year in [size.year - 1, size.year] {
                let (tasks, reports) = try await plan(
                    place: place, code: code, year: year, finalYear: size.year, tasks: tasksPerPlan, units: units,
                    random: &random, on: db)
                summary.plans += 1
                summary.tasks += tasks
                summary.reports += reports
            }
        }
        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }

    static func plan(
        place: Jurisdiction, code: String, year: Int, finalYear: Int, tasks: Int, units: [App.Unit], random: inout Random,
        on db: any Database
    ) async throws -> (Int, Int) {
        let plan = PlanRecord()
        let planID = UUID()
        plan.id = planID
        plan.file = "\(code)-\(year).txt"
        plan.title = "\(place.name)\(year)年科技工作要点"
        plan.issuers = ["\(place.name)科学技术局"]
        plan.jurisdictionName = place.name
        plan.jurisdictionCode = code
        plan.year = year
        plan.allTasksAlso = []
        plan.status = .published
        plan.version = 1
        plan.publishedAt = CivilDate(year: year, month: 1, day: 1).startOfDay(in: .shanghai)
        var nodes: [NodeRecord] = []
        var assignments: [Assignment] = []
        var targets: [TargetRecord] = []
        var reports: [ProgressReport] = []
        var values: [ReportValue] = []
        let perSection = max(1, tasks / sections.count)
        let labels = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
        var position = 0
        var taskCount = 0
        func node(_ parent: UUID?, key: String, label: String, level: Int, title: String, isTask: Bool) -> NodeRecord {
            let n = NodeRecord()
            n.id = UUID()
            n.$plan.id = planID
            n.parentID = parent
            n.position = position
            position += 1
            n.key = key
            n.label = label
            n.level = level
            n.title = title
            n.isTask = isTask
            n.leaders = []
            n.spanStart = 0
            n.spanEnd = 0
            n.titleStart = 0
            n.titleEnd = 0
            return n
        }
        for (s, section) in sections.enumerated() {
            let head = node(nil, key: labels[s], label: labels[s], level: 1, title: section, isTask: false)
            nodes.append(head)
            let count = s == sections.count - 1 ? tasks - perSection * (sections.count - 1) : perSection
            for t in 0..<max(0, count) {
                let label = "\(t + 1)."
                let task = node(head.id, key: "\(labels[s])/\(label)", label: label, level: 2, title: "\(section)第\(t + 1)项重点任务", isTask: true)
                if t % 10 == 9 { task.deadlineText = "\(year)年6月底前"; task.deadlineDate = "\(year)-06-30" }
                nodes.append(task)
                taskCount += 1
                let lead = units[random.below(units.count)]
                assignments.append(Assignment(planID: planID, nodeID: task.id!, role: .lead, position: 0, unitName: lead.name, unitID: lead.id))
                let other = units[random.below(units.count)]
                if other.id != lead.id {
                    assignments.append(Assignment(planID: planID, nodeID: task.id!, role: .cooperating, position: 0, unitName: other.name, unitID: other.id))
                }
                var target: TargetRecord?
                if t % 4 == 0 {
                    let record = TargetRecord()
                    record.id = UUID()
                    record.$plan.id = planID
                    record.nodeID = task.id
                    record.position = targets.count
                    record.text = "新增高新技术企业\(20 + t % 30)家"
                    record.metric = "高新技术企业"
                    record.indicator = "hte"
                    record.value = Double(20 + t % 30)
                    record.unit = "家"
                    record.comparator = ">="
                    record.year = year
                    record.spanStart = 0
                    record.spanEnd = 0
                    targets.append(record)
                    target = record
                }
                // Twelve months, except the final December, left to the benchmark.
                let habit = random.below(20)
                for month in 1...12 {
                    if year == finalYear && month == 12 { break }
                    if habit == 0 && month > 9 { continue }  // stopped reporting
                    let period = ReportingPeriod.month(month, of: year)
                    let report = ProgressReport(planID: planID, nodeID: task.id!, unitID: lead.id!, period: period.key, authorName: "填报员")
                    report.id = UUID()
                    let share = Double(month) / 12
                    let pace = habit < 3 ? 0.75 : 1.05
                    report.percent = min(100, (share * 100 * pace).rounded())
                    report.narrative = "\(period.title)按计划推进，累计完成\(Int(report.percent!))%。"
                    let due = CivilDate(year: year, month: month, day: 25).startOfDay(in: .shanghai)
                    let sent = habit == 4 && month % 3 == 0 ? due.addingTimeInterval(5 * 86_400) : due.addingTimeInterval(-86_400)
                    report.firstSubmittedAt = sent
                    report.lastSubmittedAt = sent
                    let roll = random.below(50)
                    report.state = roll == 0 ? .returned : (roll == 1 ? .submitted : .accepted)
                    if report.state != .submitted { report.reviewedAt = sent.addingTimeInterval(86_400); report.reviewerName = "计划办" }
                    reports.append(report)
                    if let target {
                        values.append(ReportValue(reportID: report.id!, targetID: target.id!, value: (target.value * share * pace * 10).rounded() / 10))
                    }
                }
            }
        }
        let rows = (nodes, targets, assignments, reports, values)
        try await db.writeTransaction { tx in
            try await plan.create(on: tx)
            try await PlanStore.createInBatches(rows.0, on: tx, batch: 150)
            try await PlanStore.createInBatches(rows.1, on: tx, batch: 150)
            try await PlanStore.createInBatches(rows.2, on: tx, batch: 150)
            try await PlanStore.createInBatches(rows.3, on: tx, batch: 150)
            try await PlanStore.createInBatches(rows.4, on: tx, batch: 150)
        }
        return (taskCount, rows.3.count)
    }
}
