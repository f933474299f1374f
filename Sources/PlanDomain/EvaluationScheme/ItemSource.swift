/// Where a scheme item's value for a place comes from. The scheme only says
/// which; the app gathers the values and passes them to `score`.
public enum ItemSource: Sendable, Equatable, Codable {
    /// An indicator of the catalogue (rd.gdp_share), its value at the place.
    case indicator(code: String)
    /// A plan section by its outline key (二/（一）): the standing of its tasks at
    /// the place as a completion ratio 0…1 (0.85 is 85%), targets and
    /// benchmarks in the same ratio.
    case taskGroup(key: String)
    /// A figure the office enters per place (base data, 加分事项的项数).
    case manual
}
