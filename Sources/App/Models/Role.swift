/// What an account may do. Offices and leaders belong to a jurisdiction, a
/// reporter to one unit.
public enum Role: String, Codable, Sendable, CaseIterable {
    case admin
    case office
    case reporter
    case leader

    var title: String {
        switch self {
        case .admin: return "系统管理员"
        case .office: return "计划办公室"
        case .reporter: return "单位填报员"
        case .leader: return "领导"
        }
    }
}
