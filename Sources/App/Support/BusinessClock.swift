import Foundation
import PlanDomain
import Vapor

/// The date the supervision rules run on. Normally the real time; with a
/// fixed day (demo, trials, tests) the day is fixed and the time of day still
/// runs, so timestamps keep their order.
struct BusinessClock: Sendable {
    var fixedDay: CivilDate?

    func now() -> Date {
        let real = Date()
        guard let fixedDay else { return real }
        let realDay = CivilDate(real, in: .shanghai)
        return fixedDay.startOfDay(in: .shanghai).addingTimeInterval(real.timeIntervalSince(realDay.startOfDay(in: .shanghai)))
    }

    func today() -> CivilDate { fixedDay ?? CivilDate(Date(), in: .shanghai) }
}

struct BusinessClockKey: StorageKey { typealias Value = BusinessClock }

extension Application {
    var clock: BusinessClock {
        get { storage[BusinessClockKey.self] ?? BusinessClock(fixedDay: appConfig.today) }
        set { storage[BusinessClockKey.self] = newValue }
    }
}

extension Request {
    var clock: BusinessClock { application.clock }
}
