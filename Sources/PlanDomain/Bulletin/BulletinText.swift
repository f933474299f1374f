import Foundation

/// The sentences and numbers of a bulletin that are made from its fields
/// rather than copied: the printed date, the summary sentence, section numerals.
enum BulletinText {
    struct Day: Equatable {
        var year: Int
        var month: Int
        var day: Int
    }

    static func title(_ bulletin: Bulletin) -> String {
        let title = bulletin.title.trimmingCharacters(in: .whitespacesAndNewlines)
        return title.isEmpty ? bulletin.kind.title : title
    }

    /// "2025-04-02" (or the date of an ISO timestamp) → its parts; nil for
    /// anything else, including impossible months and days.
    static func isoDate(_ text: String) -> Day? {
        let parts = text.prefix(10).split(separator: "-", omittingEmptySubsequences: false)
        guard text.count == 10 || (text.count > 10 && text.dropFirst(10).first == "T"),
              parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), (1...days(in: month, of: year)).contains(day)
        else { return nil }
        return Day(year: year, month: month, day: day)
    }

    private static func days(in month: Int, of year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    static func iso(_ day: Day) -> String {
        func pad(_ n: Int, _ width: Int) -> String {
            let digits = String(n)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return pad(day.year, 4) + "-" + pad(day.month, 2) + "-" + pad(day.day, 2)
    }

    /// 2025年4月2日; text that is not an ISO date is printed as given.
    static func printedDate(_ text: String) -> String {
        guard let day = isoDate(text) else { return text }
        return "\(day.year)年\(day.month)月\(day.day)日"
    }

    /// "截至2025年3月，任务总数30项，已完成2项，…，按时报送率93.3%。": the
    /// summary's label–value pairs in their order, whatever they are.
    static func summarySentence(_ bulletin: Bulletin) -> String {
        let lead = bulletin.periodTitle.isEmpty ? "" : "截至" + bulletin.periodTitle + "，"
        let pairs = bulletin.summary.map { $0.label + $0.value }.filter { !$0.isEmpty }
        guard !pairs.isEmpty else { return lead + "本期暂无统计数据。" }
        return lead + pairs.joined(separator: "，") + "。"
    }

    /// 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九; Arabic digits beyond.
    static func numeral(_ n: Int) -> String {
        let digits = Array("〇一二三四五六七八九")
        guard (1...99).contains(n) else { return String(n) }
        if n < 10 { return String(digits[n]) }
        let tens = n / 10 == 1 ? "十" : String(digits[n / 10]) + "十"
        return tens + (n % 10 == 0 ? "" : String(digits[n % 10]))
    }
}
