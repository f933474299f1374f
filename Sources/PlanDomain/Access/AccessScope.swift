/// What an account may reach, as values: its role and the place (GB/T 2260
/// code) an office or a leader belongs to. The App builds one from the
/// signed-in account and asks it; the database facts a decision needs (does
/// the reporter's unit take part in the plan?) are handed in.
public struct AccessScope: Sendable, Equatable {
    public enum Role: Sendable, Equatable {
        case admin, office, leader, reporter
    }

    public var role: Role
    /// The office's or leader's place; a reporter's unit's place.
    public var place: String?

    public init(role: Role, place: String?) {
        self.role = role
        self.place = place
    }

    /// Whether the place `scope` includes `code`: a province its cities and
    /// counties, a city its counties (GB/T 2260: two digits of province, two
    /// of city, two of county; a code ending in 0000 is a province, in 00 a
    /// city). Codes that are not six digits cover only themselves.
    public static func covers(_ scope: String, _ code: String) -> Bool {
        guard scope.count == 6, code.count == 6 else { return scope == code }
        if scope.hasSuffix("0000") { return code.prefix(2) == scope.prefix(2) }
        if scope.hasSuffix("00") { return code.prefix(4) == scope.prefix(4) }
        return scope == code
    }

    private func covers(_ code: String) -> Bool { place.map { Self.covers($0, code) } ?? false }

    /// Changing a plan of `planPlace`: the admin, or an office whose place covers it.
    public func mayEditPlan(of planPlace: String) -> Bool {
        switch role {
        case .admin: return true
        case .office: return covers(planPlace)
        case .leader, .reporter: return false
        }
    }

    /// Reading a plan: whoever may change it; a leader whose place covers it
    /// once it is published; a reporter once it is published, if the unit
    /// takes part in it (`unitTakesPart`: assigned to a task, or the issuing
    /// bureau of a plan of its own place).
    public func mayReadPlan(of planPlace: String, isDraft: Bool, unitTakesPart: Bool) -> Bool {
        switch role {
        case .admin, .office: return mayEditPlan(of: planPlace)
        case .leader: return !isDraft && covers(planPlace)
        case .reporter: return !isDraft && unitTakesPart
        }
    }

    /// Whether `mayReadPlan` needs to know if the unit takes part (a database
    /// question the App asks only then).
    public func needsUnitForPlan(isDraft: Bool) -> Bool { role == .reporter && !isDraft }

    /// A place's figures (indicators, base data, assessment): offices of a
    /// covering place read and change them, leaders read them, the admin both.
    public func mayReachPlace(_ code: String, editing: Bool) -> Bool {
        switch role {
        case .admin: return true
        case .office: return covers(code)
        case .leader: return !editing && covers(code)
        case .reporter: return false
        }
    }
}
