/// Decoded plan text → plan structure.
public enum PlanParser {
    public static func parse(_ text: String, file: String) -> Plan {
        Plan(file: file)
    }
}
