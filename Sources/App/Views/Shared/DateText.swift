import Foundation
import PlanDomain

/// Dates as the pages write them, in Beijing time.
enum DateText {
    /// 2025-03-20 14:05
    static func minute(_ date: Date) -> String {
        String(second(date).dropLast(3))
    }

    /// 2025-03-20 14:05:09
    static func second(_ date: Date) -> String {
        let day = CivilDate(date, in: .shanghai)
        let seconds = Int(date.timeIntervalSince(day.startOfDay(in: .shanghai)))
        return day.iso + " " + [seconds / 3600, seconds % 3600 / 60, seconds % 60]
            .map { $0 < 10 ? "0\($0)" : "\($0)" }.joined(separator: ":")
    }
}
