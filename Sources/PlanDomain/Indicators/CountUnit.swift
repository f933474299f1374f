/// Units that count whole things (家 enterprises, 项 projects, 人 people …):
/// their figures are whole numbers wherever they are shown — an office
/// does not have 277.2 enterprises.
public enum CountUnit {
    static let counters: Set<String> = ["家", "个", "项", "人", "名", "位", "场", "场次", "次", "件", "所", "座", "台", "套", "户", "支", "篇", "批", "条", "期", "家次", "人次", "项次"]

    public static func isCount(_ unit: String) -> Bool {
        counters.contains(unit.trimmingCharacters(in: .whitespaces))
    }

    /// A count rounded to a whole number; anything else unchanged.
    public static func shown(_ value: Double, unit: String) -> Double {
        isCount(unit) ? value.rounded() : value
    }
}
