import Foundation
import PlanDomain

/// Dates as the pages write them, in Beijing time.
enum DateText {
    /// 2025-03-20 14:05
    static func minute(_ date: Date) -> String {
        let day = CivilDate(date, in: .shanghai)
        let seconds = Int(date.timeIntervalSince(day.startOfDay(in: .shanghai)))
        let hour = seconds / 3600, minute = seconds % 3600 / 60
        return day.iso + " " + (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
    }
}
