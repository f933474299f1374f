import Foundation

/// 目标任务分解到县市区: a city target handed to the places under it, each with
/// its share. The shares must add up to the city's target, or the office
/// confirms the difference (plans often ask the counties for more than the
/// city promised, or keep a reserve); the city then reads each place's
/// actual beside its share, and their sum against its own target.
public enum TargetSplit {
    public struct Share: Sendable, Equatable {
        public var place: String
        public var name: String
        public var value: Double

        public init(place: String, name: String, value: Double) {
            self.place = place
            self.name = name
            self.value = value
        }
    }

    /// Shares as checked: none negative, at least one, and adding up to
    /// `target` (to a millionth of it) unless `confirmDifference`.
    public static func check(target: Double, shares: [Share], confirmDifference: Bool) throws(FormError) -> [Share] {
        guard !shares.isEmpty else { throw FormError("请至少为一个地区填写分解数。") }
        if let negative = shares.first(where: { !$0.value.isFinite || $0.value < 0 }) {
            throw FormError("\(negative.name)的分解数不能为负数。")
        }
        let sum = shares.reduce(0) { $0 + $1.value }
        let difference = sum - target
        if abs(difference) > max(1e-9, abs(target) * 1e-6), !confirmDifference {
            throw FormError("各地分解合计 \(plain(sum))，与目标 \(plain(target)) 相差 \(plain(difference))："
                                   + "请调整，或勾选“确认差额”后保存。")
        }
        return shares
    }

    /// Each place's actual against its share, and the sum against the city's target.
    public struct Standing: Sendable, Equatable {
        public struct Row: Sendable, Equatable {
            public var place: String
            public var name: String
            public var share: Double?
            public var actual: Double?
            /// 实际 ÷ 分解数.
            public var completion: Double?
        }
        public var rows: [Row]
        /// The sum of the places' actuals (nil when none has one).
        public var actualSum: Double?
        public var shareSum: Double
        /// 各地实际合计 ÷ 目标.
        public var completion: Double?
    }

    public static func standing(target: Double, places: [(place: String, name: String, share: Double?, actual: Double?)]) -> Standing {
        let rows = places.map { p in
            Standing.Row(place: p.place, name: p.name, share: p.share, actual: p.actual,
                         completion: CompletionRate.of(actual: p.actual, target: p.share))
        }
        let actuals = places.compactMap(\.actual)
        let sum = actuals.isEmpty ? nil : actuals.reduce(0, +)
        return Standing(rows: rows, actualSum: sum, shareSum: places.compactMap(\.share).reduce(0, +),
                        completion: CompletionRate.of(actual: sum, target: target))
    }

    static func plain(_ value: Double) -> String {
        let rounded = (value * 10_000).rounded() / 10_000
        return rounded == rounded.rounded() && abs(rounded) < 1e15 ? String(Int64(rounded)) : String(rounded)
    }
}
